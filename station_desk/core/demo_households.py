"""Demo households for ``station-desk demo``: a town station's registry, made up but shaped
like the real one in A_DAY_AT_THE_STATION.md (石滩: 1,426 households, 1,912 people).

Mostly elderly people living alone, elderly couples and disabled people; some 低保 families
and grandparents bringing up left-behind children. Every ID number is valid (GB 11643) with
the region code of the year it was issued (增城县 440125 until 1993, 增城市 440183, then
增城区 440118), its birthdate and gender digit agree with the member's relation, and the
visits of the last year leave about one household in six overdue today.

The rows are built in Python and written with ``insert_many`` in the demo's transaction:
a service call per household would run its checks, savepoints and audit rows again and
cost milliseconds each. The derived columns come from the functions the services use
(``search.search_text``, ``search.initials``, ``households.due_date``), so a demo
household reads exactly as if it had been typed in.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

import peewee

from . import search
from .audit import record
from .clock import now, stamp
from .db import database
from .models import (
    Category,
    Household,
    HouseholdCategory,
    Member,
    MemberCategory,
    Need,
    Staff,
    Tier,
    Village,
    Visit,
)
from .roles import Actor
from .services.households import HEAD_RELATION, due_date

# The station in the seeds: 1,426 households, 1,912 people.
STATION_HOUSEHOLDS = 1426
STATION_PEOPLE = 1912
# Households whose last visit is older than their tier's interval, by tier: weekly visits
# are the hardest to keep up (about one in six overdue in all).
OVERDUE_SHARE = {1: 0.30, 2: 0.20, 3: 0.13, 4: 0.13}
CLOSED_SHARE = 0.015  # moved away or deceased during the last year
NEED_SHARE = 0.04  # households with a need (群众诉求) on file

# Surnames of the Zengcheng area, roughly by frequency. 曾 单 解 区 read differently as
# surnames (zeng, shan, xie, ou): the search box's surname rule shows on them.
SURNAMES = (
    ("陈", 14), ("黄", 9), ("李", 8), ("刘", 7), ("何", 6), ("钟", 6), ("张", 5), ("曾", 5),
    ("谢", 4), ("罗", 4), ("梁", 4), ("朱", 3), ("林", 3), ("邓", 3), ("湛", 2), ("汤", 2),
    ("冯", 2), ("郭", 2), ("蔡", 2), ("叶", 2), ("彭", 2), ("赖", 2), ("卢", 2), ("吴", 2),
    ("余", 2), ("杨", 2), ("王", 2), ("单", 2), ("区", 1), ("解", 1), ("麦", 1), ("邝", 1),
    ("温", 1), ("潘", 1), ("莫", 1), ("苏", 1), ("谭", 1), ("徐", 1), ("郑", 1), ("周", 1),
    ("欧阳", 1),
)
GIVEN = {
    ("old", "male"): (
        "炳坤", "锦华", "树荣", "添福", "水生", "亚牛", "金水", "耀祖", "振华", "国强", "建国",
        "伟雄", "柏林", "润生", "冠球", "汉标", "炳南", "亚九", "德明", "福来", "木生", "观有",
        "广源", "启明", "锡培", "焕章", "松", "桂", "运来", "有财", "石养", "细佬", "志强"),
    ("old", "female"): (
        "亚妹", "秀英", "金娣", "带娣", "二妹", "桂英", "玉兰", "月娥", "凤群", "丽华", "淑芬",
        "银好", "亚好", "四妹", "桂珍", "玉珍", "瑞英", "惠芳", "彩霞", "少英", "杏芳", "满娣",
        "好娣", "润娣", "秀珍", "翠英", "群英", "小妹", "娇", "莲"),
    ("adult", "male"): (
        "志伟", "家明", "伟东", "国华", "俊杰", "文斌", "建华", "永强", "海波", "浩文", "嘉豪",
        "伟强", "泽林", "志坚", "镇南", "国栋", "锦荣", "建新", "卫东", "少波"),
    ("adult", "female"): (
        "美玲", "晓红", "丽萍", "燕妮", "嘉慧", "淑婷", "小燕", "丽云", "秀琴", "海燕", "惠玲",
        "艳芳", "雪梅", "少玲", "小红", "凤霞", "丽娟", "敏仪", "咏诗", "翠玲"),
    ("child", "male"): (
        "子轩", "浩然", "俊熙", "梓豪", "卓霖", "铭轩", "宇航", "家乐", "梓轩", "浩宇", "子健",
        "锦程", "嘉俊", "博文", "昊天", "小明", "晓东", "俊宇", "振宇", "梓杰"),
    ("child", "female"): (
        "梓涵", "嘉怡", "思彤", "晓彤", "诗琪", "雨桐", "紫晴", "欣妍", "可欣", "芷晴", "婉婷",
        "乐瑶", "梓琪", "雅琳", "佩琪", "小雨", "颖欣", "晓琳", "心怡", "子淇"),
}
# Heads that show a rule of the program on screen: a surname read as a surname (曾小妹 is
# zxm, 单 shan, 解 xie, 区 ou), a character many fonts lack (the printing warning).
SHOWCASE_HEADS = (("曾", "小妹", "female"), ("单", "丽华", "female"), ("解", "国强", "male"),
                  ("区", "少英", "female"), ("刘", "䶮", "male"), ("黄", "𠮷妹", "female"))
LANES = ("一", "二", "三", "四", "五", "六", "七", "东", "西", "南", "北", "新村一", "新村二",
         "大塘", "围仔", "上街", "下街", "祠堂", "榕树")
ROADS = ("沿江路", "石新路", "荔三路", "三江大道", "兴业路", "石滩大道", "聚龙路")
MOBILE_PREFIXES = ("138", "139", "135", "136", "137", "150", "134", "159", "186", "189",
                   "133", "188", "132")
ILLNESSES = ("高血压", "糖尿病", "冠心病", "慢阻肺", "脑梗后遗症", "关节炎", "白内障",
             "高血压、糖尿病", "帕金森病", "慢性肾病")
DISABILITIES = ("肢体", "视力", "听力", "言语", "智力", "精神", "多重")
WORKPLACES = ("东莞", "广州天河", "深圳宝安", "佛山", "增城新塘", "惠州")
# What a visit finds and what a household asks for depend on who lives there.
THEMES = {"elder_alone": "elder", "elder_couple": "elder", "disabled_alone": "disabled",
          "elder_with_disabled_child": "disabled", "low_income_family": "family",
          "left_behind_children": "children", "children_in_difficulty": "children"}
VISIT_NOTES = {
    "elder": ("身体状况稳定，生活能自理", "反映血压偏高，已提醒按时服药并到卫生站复查",
              "家中整洁，邻居每日照看", "子女本月回家探望，情绪较好", "腿脚不便，行动需搀扶",
              "已讲解高龄津贴和医疗救助政策", "居住环境较差，屋内潮湿", "情绪低落，需持续关注",
              "近期食欲下降，已联系家庭医生"),
    "disabled": ("康复训练坚持进行，状态稳定", "已讲解残疾人两项补贴政策", "轮椅老旧，需更换",
                 "家属照护压力大，已介绍喘息服务", "情绪稳定，按时服药", "居住环境较差，屋内潮湿"),
    "family": ("送去政策明白卡，讲解低保年审材料", "户主打零工，收入不稳定",
               "孩子学习情况良好，已了解近期作业", "家中有病人，医疗开支较大",
               "已讲解临时救助申请流程", "家庭关系和睦，生活基本有保障"),
    "children": ("孩子学习情况良好，已了解近期作业", "祖辈身体尚可，照顾孩子较吃力",
                 "已与学校老师沟通孩子在校情况", "孩子性格内向，需持续关注",
                 "父母近期电话联系较少，已提醒多沟通", "送去学习用品，孩子情绪较好"),
    "nobody_home": ("家中无人，电话未接通", "家中无人，邻居称外出看病", "敲门无人应答，已留联系卡"),
}
NEXT_ACTIONS = ("", "", "", "下次走访了解复诊情况", "协助准备年审材料", "联系村委了解房屋维修",
                "电话回访", "转介镇卫生院家庭医生")
URGENT, NORMAL, LOW = "urgent", "normal", "low"
NEEDS = {
    "elder": (("申请临时救助，近期医疗开支大", URGENT), ("咨询高龄津贴如何领取", LOW),
              ("希望提供助餐服务", NORMAL), ("希望安装紧急呼叫设备", URGENT),
              ("希望有人陪同到医院复诊", NORMAL), ("屋顶漏水，需要维修", URGENT)),
    "disabled": (("希望协助办理残疾证换证", NORMAL), ("需要轮椅一台", NORMAL),
                 ("希望有人陪同到医院复诊", NORMAL), ("申请临时救助，近期医疗开支大", URGENT)),
    "family": (("咨询低保年审需要的材料", LOW), ("申请临时救助，近期医疗开支大", URGENT),
               ("孩子需要课业辅导", NORMAL), ("屋顶漏水，需要维修", URGENT)),
    "children": (("孩子需要课业辅导", NORMAL), ("希望联系心理辅导老师", NORMAL),
                 ("咨询助学金如何申请", LOW)),
}
NEED_FOLLOW_UPS = ("已电话了解详细情况", "已协助准备申请材料并提交村委", "已联系镇民政办跟进",
                   "已链接志愿者上门服务", "已转介镇残联")
CLOSE_REASONS = {"moved": ("随子女迁往广州市区居住", "入住镇敬老院", "迁往新塘镇居住"),
                 "deceased": ("户主病故", "户主因病去世，无其他成员")}

# Household shapes by size (one person, two, a family) with their weights in the group; the
# groups' shares follow the people per household asked for.
SINGLE_KINDS = (("elder_alone", 85), ("disabled_alone", 15))
PAIR_KINDS = (("elder_couple", 70), ("elder_with_disabled_child", 30))
FAMILY_KINDS = (("low_income_family", 50), ("left_behind_children", 30),
                ("children_in_difficulty", 20))
PAIR_SHARE = 0.12
FAMILY_MEAN_SIZE = 3.1  # what the family shapes below come to on average
TIER_WEIGHTS = {1: 3, 2: 12, 3: 40, 4: 45}  # most households are seen monthly or quarterly
BATCH = 1000  # households generated and written at a time


@dataclass
class HouseholdFigures:
    households: int = 0
    members: int = 0
    visits: int = 0
    needs: int = 0
    closed: int = 0
    overdue: int = 0  # active households due before today


@dataclass
class _Person:
    surname: str
    name: str
    relation: str
    gender: str
    birthdate: _dt.date
    id_number: str
    phone: str = ""
    categories: list[str] = field(default_factory=list)
    disability_type: str = ""
    disability_grade: str = ""
    chronic_illness: str = ""
    school_or_work: str = ""
    notes: str = ""
    status: str = "active"


@dataclass
class _Context:
    """What the generator looks up once: the station's villages, tiers, categories, names."""

    rng: random.Random
    today: _dt.date
    history_days: int
    villages: list[tuple[int, str, str, int | None]]  # id, name, kind, social worker
    village_weights: list[float]
    workers: dict[int, str]
    tiers: dict[int, tuple[int, int]]  # level -> (id, interval days)
    categories: dict[str, int]
    surnames: list[str]
    surname_weights: list[int]
    used_ids: set[str] = field(default_factory=set)
    utc_offset: str = ""  # "+08:00": visits are stamped as recorded at 17:30 that day


def _id_check_digit(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def _region(born: _dt.date, rng: random.Random) -> str:
    """Zengcheng's code when the number was given: at birth registration for children,
    at 16 (or in 1985, when numbers began) for those born before 2000. It never changes."""
    issued = born.year if born.year >= 2000 else max(born.year + 16, 1985)
    if issued < 1993:
        return "440125" if rng.random() < 0.85 else "440183"  # some moved in later
    if issued < 2014 or (issued == 2014 and rng.random() < 0.5):
        return "440183"
    return "440118"


def id_number(born: _dt.date, gender: str, rng: random.Random, used: set[str]) -> str:
    """A valid, unused resident ID number for a Zengcheng person born on ``born``."""
    while True:
        odd = 1 if gender == "male" else 0
        sequence = f"{rng.randrange(100):02d}{rng.randrange(5) * 2 + odd}"
        first17 = f"{_region(born, rng)}{born:%Y%m%d}{sequence}"
        number = first17 + _id_check_digit(first17)
        if number not in used:
            used.add(number)
            return number


def _day_in(rng: random.Random, first_year: int, last_year: int) -> _dt.date:
    start = _dt.date(first_year, 1, 1)
    return start + _dt.timedelta(days=rng.randrange((_dt.date(last_year, 12, 31) - start).days + 1))


def _age(born: _dt.date, on: _dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _landline(rng: random.Random) -> str:
    return f"020-82{rng.randrange(10**6):06d}"


class _Builder:
    """Makes one household's people, categories, visits and needs."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.rng = ctx.rng

    # --- people ---

    def person(self, surname: str, relation: str, gender: str, born: _dt.date,
               age_group: str | None = None, given: str | None = None) -> _Person:
        group = age_group or ("child" if born.year >= 2005 else
                              "old" if born.year <= 1965 else "adult")
        name = surname + (given or self.rng.choice(GIVEN[(group, gender)]))
        return _Person(surname, name, relation, gender, born,
                       id_number(born, gender, self.rng, self.ctx.used_ids))

    def surname(self) -> str:
        return self.rng.choices(self.ctx.surnames, self.ctx.surname_weights)[0]

    def family_name(self, head: _Person, spouse: _Person | None = None) -> str:
        """The children's surname: their father's (a woman keeps her own on marrying)."""
        if head.gender == "male":
            return head.surname
        return spouse.surname if spouse is not None else self.surname()

    def gender(self, female_share: float = 0.5) -> str:
        return "female" if self.rng.random() < female_share else "male"

    def elder(self, surname: str, gender: str, first: int = 1930, last: int = 1958,
              relation: str = HEAD_RELATION, given: str | None = None) -> _Person:
        elder = self.person(surname, relation, gender, _day_in(self.rng, first, last), "old", given)
        if self.rng.random() < 0.35:
            elder.chronic_illness = self.rng.choice(ILLNESSES)
        if _age(elder.birthdate, self.ctx.today) >= 80 and self.rng.random() < 0.7:
            elder.categories.append("高龄老人")
        return elder

    def spouse_of(self, head: _Person) -> _Person:
        gender = "female" if head.gender == "male" else "male"
        shift = self.rng.randint(-2, 6) if gender == "female" else -self.rng.randint(-2, 6)
        year = min(max(head.birthdate.year + shift, 1930), self.ctx.today.year - 20)
        spouse = self.person(self.surname(), "配偶", gender, _day_in(self.rng, year, year))
        if spouse.birthdate.year <= 1965 and self.rng.random() < 0.3:
            spouse.chronic_illness = self.rng.choice(ILLNESSES)
        return spouse

    def child(self, surname: str, parent_born: _dt.date, relation_by_gender: dict[str, str],
              first: int = 2008, last: int = 2022) -> _Person:
        first = max(first, parent_born.year + 18)
        last = min(last, max(first, parent_born.year + 45), self.ctx.today.year - 1)
        gender = self.gender()
        kid = self.person(surname, relation_by_gender[gender], gender,
                          _day_in(self.rng, first, last))
        kid.school_or_work = self.school(kid.birthdate)
        return kid

    def school(self, born: _dt.date) -> str:
        age = _age(born, self.ctx.today)
        if age < 3:
            return "散居"
        if age < 6:
            return "石滩镇中心幼儿园"
        if age < 12:
            return f"石滩镇{self.rng.choice(('中心', '麻车', '沙庄', '三江'))}小学 {age - 5}年级"
        if age < 15:
            return f"石滩中学 初{'一二三'[min(age - 12, 2)]}"
        return self.rng.choice(("增城区职业技术学校", "增城中学 高中", "外出务工"))

    def disable(self, person: _Person, severe: bool | None = None) -> None:
        severe = self.rng.random() < 0.35 if severe is None else severe
        person.disability_type = self.rng.choice(DISABILITIES)
        person.disability_grade = self.rng.choice(("一级", "二级") if severe else ("三级", "四级"))
        person.categories.append("重度残疾人" if severe else "残疾人")

    # --- households by shape: (people, household categories) ---

    def elder_alone(self, surname: str, showcase: tuple | None = None):
        if showcase:
            head = self.elder(showcase[0], showcase[2], given=showcase[1])
        else:
            head = self.elder(surname, self.gender(0.62))
        first = self.rng.choices(("独居老人", "特困供养", "孤寡老人", "低保"), (60, 15, 10, 15))[0]
        cats = [first] + [c for c in head.categories if c != first]
        if first == "独居老人" and self.rng.random() < 0.2:
            cats.append("低保")
        return [head], cats

    def disabled_alone(self, surname: str):
        head = self.person(surname, HEAD_RELATION, self.gender(0.4),
                           _day_in(self.rng, 1950, 1985))
        self.disable(head)
        cats = [head.categories[0]] + (["低保"] if self.rng.random() < 0.5 else [])
        return [head], cats

    def elder_couple(self, surname: str):
        head = self.elder(surname, self.gender(0.2), 1932, 1960)
        spouse = self.spouse_of(head)
        cats = ["空巢老人"] + (["高龄老人"] if "高龄老人" in head.categories else
                             ["低保"] if self.rng.random() < 0.25 else [])
        return [head, spouse], cats

    def elder_with_disabled_child(self, surname: str):
        head = self.elder(surname, self.gender(0.55), 1935, 1958)
        gender = self.gender(0.4)
        year = head.birthdate.year + self.rng.randint(22, 35)
        child = self.person(self.family_name(head), "儿子" if gender == "male" else "女儿",
                            gender, _day_in(self.rng, year, year), "adult")
        self.disable(child, severe=self.rng.random() < 0.6)
        child.school_or_work = "无业"
        return [head, child], ["低保", child.categories[0]]

    def low_income_family(self, surname: str):
        head = self.person(surname, HEAD_RELATION, self.gender(0.3),
                           _day_in(self.rng, 1970, 1990), "adult")
        head.school_or_work = self.rng.choice(("务农", "打零工", "无业", "保洁员"))
        spouse = self.spouse_of(head) if self.rng.random() < 0.7 else None
        people = [head] + ([spouse] if spouse else [])
        relations = {"male": "儿子", "female": "女儿"}
        children = self.family_name(head, spouse)
        for _ in range(self.rng.choices((1, 2, 3), (45, 45, 10))[0]):
            people.append(self.child(children, head.birthdate, relations))
        if self.rng.random() < 0.2:
            gender = self.gender(0.6)
            year = head.birthdate.year - self.rng.randint(22, 32)
            # The head's own parent: a father shares the head's surname, a mother has hers.
            people.append(self.elder(surname if gender == "male" else self.surname(), gender,
                                     year, year, "父亲" if gender == "male" else "母亲"))
        sick = self.rng.choice(people)
        if self.rng.random() < 0.3:
            if sick.birthdate.year < 2005 and not sick.chronic_illness:
                sick.chronic_illness = self.rng.choice(ILLNESSES)
                sick.categories.append("重病患者")
            else:
                self.disable(sick)
        first = self.rng.choices(("低保", "低保边缘", "支出型困难家庭"), (60, 25, 15))[0]
        return people, [first] + (["重病患者"] if any("重病患者" in p.categories for p in people)
                                  else [])

    def left_behind_children(self, surname: str):
        head = self.elder(surname, self.gender(0.5), 1948, 1965)
        spouse = self.spouse_of(head) if self.rng.random() < 0.5 else None
        people = [head] + ([spouse] if spouse else [])
        relations = {"male": "孙子", "female": "孙女"}
        workplace = self.rng.choice(WORKPLACES)
        children = self.family_name(head, spouse)
        for _ in range(self.rng.choices((1, 2), (60, 40))[0]):
            kid = self.child(children, _dt.date(head.birthdate.year + 25, 1, 1), relations,
                             first=2009)
            kid.categories.append("农村留守儿童")
            kid.notes = f"父母在{workplace}务工，由祖父母照顾"
            people.append(kid)
        return people, ["农村留守儿童"]

    def children_in_difficulty(self, surname: str):
        head = self.elder(surname, "female", 1950, 1968)
        people = [head]
        relations = {"male": "孙子", "female": "孙女"}
        kind = self.rng.choices(("困境儿童", "事实无人抚养儿童", "孤儿"), (60, 30, 10))[0]
        children = self.family_name(head)
        for _ in range(self.rng.choices((1, 2), (70, 30))[0]):
            kid = self.child(children, _dt.date(head.birthdate.year + 25, 1, 1), relations,
                             first=2008)
            kid.categories.append(kind)
            kid.notes = {"孤儿": "父母均已去世，由祖母监护",
                         "事实无人抚养儿童": "父亲服刑，母亲失联，由祖母监护"}.get(
                kind, "父亲重病，家庭困难")
            people.append(kid)
        return people, ["困境儿童"] if kind != "孤儿" else ["孤儿", "困境儿童"]

    # --- the household ---

    def household(self, kind: str, showcase: tuple | None = None) -> dict:
        rng, ctx = self.rng, self.ctx
        surname = self.surname()
        make = getattr(self, kind)
        people, cats = make(surname, showcase) if showcase else make(surname)
        head = people[0]
        # Phones: most heads have a mobile; some elderly an old landline or a child's number.
        roll = rng.random()
        phone, note = "", ""
        if roll < 0.75:
            phone = head.phone = _mobile(rng)
        elif roll < 0.87:
            phone = head.phone = _landline(rng)
        elif roll < 0.95:
            phone, note = _mobile(rng), "联系电话为子女号码"
        for person in people[1:]:  # a spouse sometimes, other adults half the time, no child
            share = 0.4 if person.relation == "配偶" else 0.5 if person.birthdate.year < 2005 else 0
            if rng.random() < share:
                person.phone = _mobile(rng)
        village_id, village, village_kind, worker = rng.choices(
            ctx.villages, ctx.village_weights)[0]
        if village_kind == "community":
            address = f"{village}{rng.choice(ROADS)}{rng.randint(1, 180)}号"
        else:
            address = f"{village}{rng.choice(LANES)}巷{rng.randint(1, 48)}号"
        level = rng.choices(list(TIER_WEIGHTS), list(TIER_WEIGHTS.values()))[0]
        if any(c in cats for c in ("特困供养", "孤儿", "事实无人抚养儿童")) or \
                any(p.disability_grade == "一级" for p in people):
            level = min(level, 2)  # the most fragile are seen more often
        tier_id, interval = ctx.tiers.get(level, (None, None))
        registered = ctx.today - _dt.timedelta(days=rng.randrange(3 * 365))
        return {"people": people, "categories": list(dict.fromkeys(cats)), "theme": THEMES[kind],
                "phone": phone, "note": note, "village_id": village_id, "worker": worker,
                "address": address, "tier_id": tier_id, "interval": interval,
                "overdue_share": OVERDUE_SHARE.get(level, 0.15), "registered": registered}

    def visits(self, registered: _dt.date, interval: int | None, closed_on: _dt.date | None,
               overdue_share: float) -> list[tuple[_dt.date, str]]:
        """(date, outcome) of the calls at one household, oldest first."""
        rng, today = self.rng, self.ctx.today
        if interval is None:
            return []
        start = max(registered, today - _dt.timedelta(days=self.ctx.history_days))
        end = closed_on or today
        if rng.random() < overdue_share:
            gap = interval + rng.randint(1, max(3, min(interval, 45)))
        else:
            gap = rng.randrange(interval)
        calls = []
        last = end - _dt.timedelta(days=gap if closed_on is None else rng.randrange(interval))
        if closed_on is None and gap > interval and rng.random() < 0.35:
            # Tried again since, but nobody was home: still due.
            attempt = last + _dt.timedelta(days=rng.randint(interval, gap))
            if start <= attempt <= today:
                calls.append((attempt, "nobody_home"))
        day = last
        while day >= start:
            calls.append((day, "visited"))
            if rng.random() < 0.1:  # an earlier try found nobody home
                before = day - _dt.timedelta(days=rng.randint(1, 5))
                if before >= start:
                    calls.append((before, "nobody_home"))
            day -= _dt.timedelta(days=max(1, round(interval * rng.uniform(0.7, 1.0))))
        calls.sort()
        return calls


def _shapes(rng: random.Random, count: int, people: int) -> Iterator[str]:
    """Household shapes whose sizes come to about ``people`` in all."""
    per_household = people / count if count else 1.0
    family = min(max((per_household - 1 - PAIR_SHARE) / (FAMILY_MEAN_SIZE - 1), 0.0),
                 1 - PAIR_SHARE)
    single = 1 - PAIR_SHARE - family
    groups = (SINGLE_KINDS, PAIR_KINDS, FAMILY_KINDS)
    for _ in range(count):
        kinds = rng.choices(groups, (single, PAIR_SHARE, family))[0]
        yield rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]


def _context(rng: random.Random, history_days: int) -> _Context:
    villages = [(v.id, v.name, "community" if v.name.endswith("社区") else "village",
                 v.social_worker_id)
                for v in Village.select().where((Village.kind == "village") & Village.active)
                .order_by(Village.sort_order, Village.id)]
    # Some villages are big, some small; communities in town hold fewer of these households.
    # 麻车村 is the one A_DAY_AT_THE_STATION.md follows: a big one.
    weights = [1.6 if name == "麻车村" else
               rng.uniform(0.5, 1.6) * (0.5 if kind == "community" else 1.0)
               for _, name, kind, _ in villages]
    tiers = {t.level: (t.id, t.visit_interval_days)
             for t in Tier.select().where(Tier.active)}
    return _Context(
        rng=rng, today=now().date(), history_days=history_days, villages=villages,
        village_weights=weights,
        workers={s.id: s.name for s in Staff.select(Staff.id, Staff.name)},
        tiers=tiers,
        categories={c.name: c.id for c in Category.select()},
        surnames=[s for s, _ in SURNAMES], surname_weights=[w for _, w in SURNAMES],
        utc_offset=stamp()[19:],
    )


def _next_id(model: type[peewee.Model]) -> int:
    return (model.select(peewee.fn.MAX(model.id)).scalar() or 0) + 1


class _Rows:
    """Rows for each table, with ids assigned here so links can be written in bulk."""

    def __init__(self) -> None:
        self.next = {m: _next_id(m) for m in (Household, Member, Visit)}
        self.tables: dict[type[peewee.Model], list[dict]] = {
            m: [] for m in (Household, HouseholdCategory, Member, MemberCategory, Visit, Need)}

    def take_id(self, model: type[peewee.Model]) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value

    def write(self) -> None:
        for model, rows in self.tables.items():
            if rows:
                bulk_insert(model, rows)
                rows.clear()


def bulk_insert(model: type[peewee.Model], rows: Sequence[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys) with one prepared statement.

    peewee's ``insert_many`` builds the SQL text for every value (~1 s for the demo's 25,000
    rows); the DB-API's ``executemany`` runs one statement over all of them. The values are
    already what peewee would send (str, int, date, None), so they go to the driver as
    they are.
    """
    names = list(rows[0])
    sql, _ = model.insert({model._meta.fields[name]: None for name in names}).sql()
    database.cursor().executemany(sql, map(itemgetter(*names), rows))


def _visit_text(rng: random.Random, outcome: str, day: _dt.date, theme: str) -> tuple[str, str]:
    if outcome == "visited" and day.month in (1, 2) and rng.random() < 0.3:
        return "holiday", "春节慰问，送上大米、食用油和慰问金"
    if outcome == "visited" and day.month in (9, 10) and rng.random() < 0.3:
        return "holiday", "中秋慰问，送上月饼和大米"
    kind = "visit_day" if rng.random() < 0.1 else "routine"
    return kind, rng.choice(VISIT_NOTES[theme if outcome == "visited" else outcome])


def _add_one(ctx: _Context, builder: _Builder, rows: _Rows, figures: HouseholdFigures,
             kind: str, showcase: tuple | None, created: str) -> None:
    rng, today = ctx.rng, ctx.today
    plan = builder.household(kind, showcase)
    people: list[_Person] = plan["people"]
    head = people[0]
    status, reason, closed_on = "active", "", None
    if showcase is None and rng.random() < CLOSED_SHARE:
        status = rng.choice(("moved", "deceased"))
        reason = rng.choice(CLOSE_REASONS[status])
        closed_on = max(plan["registered"], today - _dt.timedelta(days=rng.randrange(365)))
        if status == "deceased":
            head.status = "deceased"
        else:
            for person in people:
                person.status = "moved_out"
    calls = builder.visits(plan["registered"], plan["interval"], closed_on, plan["overdue_share"])
    last_visit = max((day for day, outcome in calls if outcome == "visited"), default=None)
    household_id = rows.take_id(Household)
    household = Household(id=household_id, status=status, tier=plan["tier_id"],
                          registered_on=plan["registered"], last_visit_on=last_visit)
    due = due_date(household, plan["interval"])
    worker_name = ctx.workers.get(plan["worker"], "")
    address, phone = plan["address"], plan["phone"]
    head_initials, words = search.household_words(
        head.name, address, phone, [(p.name, p.phone, p.id_number) for p in people])
    rows.tables[Household].append({
        "id": household_id, "head_name": head.name, "head_initials": head_initials,
        "village": plan["village_id"], "address": address, "phone": phone,
        "tier": plan["tier_id"], "social_worker": plan["worker"], "status": status,
        "status_reason": reason, "status_date": closed_on, "registered_on": plan["registered"],
        "notes": plan["note"], "last_visit_on": last_visit, "due_on": due,
        "search_text": words,
        "created_at": created, "updated_at": created,
    })
    for name in plan["categories"]:
        if name in ctx.categories:
            rows.tables[HouseholdCategory].append(
                {"household": household_id, "category": ctx.categories[name]})
    member_ids = []
    for order, person in enumerate(people):
        member_id = rows.take_id(Member)
        member_ids.append(member_id)
        rows.tables[Member].append({
            "id": member_id, "household": household_id, "name": person.name,
            "relation": person.relation, "gender": person.gender, "birthdate": person.birthdate,
            "id_number": person.id_number, "phone": person.phone,
            "disability_type": person.disability_type,
            "disability_grade": person.disability_grade,
            "chronic_illness": person.chronic_illness, "school_or_work": person.school_or_work,
            "status": person.status, "notes": person.notes, "sort_order": order,
        })
        for name in dict.fromkeys(person.categories):
            if name in ctx.categories:
                rows.tables[MemberCategory].append(
                    {"member": member_id, "category": ctx.categories[name]})
    visited = []
    for day, outcome in calls:
        visit_id = rows.take_id(Visit)
        kind_of_visit, summary = _visit_text(rng, outcome, day, plan["theme"])
        visitors = worker_name + ("、志愿者" + rng.choice(("陈秀英", "王建国", "李志强"))
                                  if rng.random() < 0.2 else "")
        rows.tables[Visit].append({
            "id": visit_id, "household": household_id, "visited_on": day,
            "visitors": visitors, "kind": kind_of_visit, "outcome": outcome, "summary": summary,
            "next_action": rng.choice(NEXT_ACTIONS) if outcome == "visited" else "再次上门",
            "recorded_by": plan["worker"],
            "created_at": f"{day.isoformat()}T17:30:00{ctx.utc_offset}",
        })
        if outcome == "visited":
            visited.append((visit_id, day))
    if rng.random() < NEED_SHARE:
        _add_need(ctx, rows, household_id, list(zip(member_ids, people, strict=True)), visited,
                  (plan["registered"], closed_on or today), (plan["worker"], worker_name),
                  plan["theme"], created)
        figures.needs += 1
    figures.households += 1
    figures.members += len(people)
    figures.visits += len(calls)
    figures.closed += status != "active"
    figures.overdue += due is not None and due < today


def _add_need(ctx: _Context, rows: _Rows, household_id: int,
              members: Sequence[tuple[int, _Person]], visited: Sequence[tuple[int, _dt.date]],
              on_file: tuple[_dt.date, _dt.date], worker: tuple[int | None, str], theme: str,
              created: str) -> None:
    """One need (群众诉求), heard on a visit or by phone, at the door, from the village."""
    rng, today = ctx.rng, ctx.today
    worker_id, worker_name = worker
    content, urgency = rng.choice(NEEDS[theme])
    if visited and rng.random() < 0.7:
        visit_id, raised = rng.choice(visited)
        source = "visit"
    else:
        visit_id, source = None, rng.choice(("hotline", "walk_in", "village"))
        first, last = on_file
        raised = last - _dt.timedelta(days=rng.randrange(max(1, min(200, (last - first).days))))
    age = (today - raised).days
    if age > 60:
        status = rng.choices(("resolved", "referred", "in_progress"), (60, 15, 25))[0]
    else:
        status = rng.choice(("new", "in_progress"))
    follow_up = ""
    if status != "new":
        day = min(today, raised + _dt.timedelta(days=rng.randint(1, 10)))
        follow_up = f"{day.isoformat()} {worker_name}：{rng.choice(NEED_FOLLOW_UPS)}"
    resolved = (min(today, raised + _dt.timedelta(days=rng.randint(5, 40)))
                if status in ("resolved", "referred") else None)
    # The member it is about, where the need names one: a child, a disabled person.
    if "孩子" in content:
        about = [i for i, p in members if p.birthdate.year >= 2005]
    elif theme == "disabled":
        about = [i for i, p in members if p.disability_type]
    else:
        about = []
    rows.tables[Need].append({
        "household": household_id, "member": rng.choice(about) if about else None,
        "source": source, "visit": visit_id, "content": content, "urgency": urgency,
        "status": status, "follow_up": follow_up, "raised_on": raised, "resolved_on": resolved,
        "recorded_by": worker_id, "created_at": created,
    })


def add_households(actor: Actor, rng: random.Random, count: int = STATION_HOUSEHOLDS, *,
                   people: int | None = None, history_days: int = 365) -> HouseholdFigures:
    """Add ``count`` demo households (about ``people`` people in all; by default the seeds'
    ratio, 1,912 people for 1,426 households) to the station's villages, with their visits
    over the last ``history_days``. Call inside the demo's transaction; one audit row
    records the lot."""
    figures = HouseholdFigures()
    if count <= 0:
        return figures
    people = people if people is not None else round(count * STATION_PEOPLE / STATION_HOUSEHOLDS)
    ctx = _context(rng, history_days)
    if not ctx.villages:
        return figures
    builder = _Builder(ctx)
    ctx.used_ids.update(n for (n,) in Member.select(Member.id_number)
                        .where(Member.id_number.is_null(False)).tuples())
    rows = _Rows()
    created = stamp()
    for index, kind in enumerate(_shapes(rng, count, people)):
        showcase = SHOWCASE_HEADS[index] if index < len(SHOWCASE_HEADS) else None
        _add_one(ctx, builder, rows, figures, "elder_alone" if showcase else kind, showcase,
                 created)
        if (index + 1) % BATCH == 0:
            rows.write()
    rows.write()
    record(actor, "create", Household._meta.table_name, None,
           new={"households": figures.households, "members": figures.members,
                "visits": figures.visits, "needs": figures.needs},
           note="演示数据 demo households")
    return figures
