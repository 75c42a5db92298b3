"""The demo's activities, projects, pairings and micro-wishes (issue #11), made through the
services acting as the village's social worker (the head sets up the projects), so the
volunteers' hours, the stock ledger, the card ledger, the households' visits and the
donations agree with them.

- the activities the inventory's simulated ledger gave goods to (``target_kind`` "activity",
  ids 1..n over its three years) are put on file under those ids, held, with the head count
  the village committee reported (no sign-up list was kept for them);
- a year of activities of every kind (about 130 held, ``DEMO_ACTIVITIES``; 政策宣传 the most;
  节日活动 around 春节, 端午, 中秋 and 重阳), each with 10–40 sign-ups from its village's
  households (children's groups take children, elderly ones the elderly), most of whom came,
  a head count of people not on file, volunteers on its shift who came (hours from
  attendance), goods used at some (what stock allows) and policy cards at the 政策宣传 ones;
  about 10 planned in the coming weeks and 3 called off;
- two projects: 喘息服务项目 (government-bought respite care for families of severely disabled
  people) and 困境儿童关爱项目 (a foundation's), each with some of the activities and cases;
- about 60 pairings (party-member volunteers, teams, partner units with elderly households and
  children) with their contacts as visits, about 10 behind and a few ended;
- about 80 wishes in every state, adopted by the inventory's donors with goods or money.

Everything scales with the households on file, so a test's small station stays small.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from .audit import record
from .clock import stamp, today
from .demo_households import bulk_insert
from .errors import PermissionDenied, ValidationError
from .festivals import festival_date
from .models import (
    Activity,
    ActivityCards,
    ActivityParticipant,
    Assignment,
    Case,
    Category,
    Donor,
    Household,
    HouseholdCategory,
    Item,
    Member,
    Pairing,
    PairingContact,
    Project,
    ProjectCase,
    Shift,
    Staff,
    Team,
    Village,
    Volunteer,
    Voucher,
    Wish,
)
from .roles import Actor
from .services import accounts, inventory, policies, stock
from .services import activities as act
from .services import pairings as pr
from .services import wishes as ws
from .validate import stored_date as _as_date

TABLES = [m._meta.table_name for m in (Activity, ActivityParticipant, ActivityCards, Project,
                                        ProjectCase, Pairing, PairingContact, Wish)] + [
    "shift", "assignment", "attendance_event", "distribution", "visit", "household", "need",
    "donation", "acknowledgement", "cash_entry", "voucher", "stock_movement", "batch",
    "reservation", "donor"]
# held over the last 12 months through the services (the station's 1,426 households), ~20 ms
# each with its volunteers' shift and hours
DEMO_ACTIVITIES = 130
DEMO_PLANNED = 10
DEMO_CANCELLED = 3
DEMO_PAIRINGS = 60
DEMO_WISHES = 80
DAY = _dt.timedelta(days=1)

# kind -> (title, theme, audience, partners, times); audience: all, elder, children, disabled
TEMPLATES = {
    "policy": (
        ("低保政策进村宣讲", "讲解低保申请条件、标准和办理流程", "all", "镇社会事务办", "低保"),
        ("高龄津贴申领政策宣传", "80 岁以上老人高龄津贴的申领和认证", "elder", "村委会", "高龄津贴"),
        ("残疾人两项补贴政策解读", "困难残疾人生活补贴和重度残疾人护理补贴", "disabled", "区残联",
         "残疾人两项补贴"),
        ("医疗救助政策宣传", "大病医疗救助和异地就医备案", "all", "镇卫生院", "医疗救助"),
        ("困境儿童保障政策宣讲", "困境儿童分类保障和基本生活费", "children", "镇妇联", "困境儿童"),
        ("临时救助政策进村入户", "遭遇急难的家庭如何申请临时救助", "all", "镇社会事务办", "临时救助"),
        ("特困供养政策宣讲", "特困人员认定、分散供养和集中供养", "elder", "镇社会事务办", "特困供养"),
        ("防范养老诈骗宣传", "识别保健品骗局和冒充公检法电话", "elder", "镇派出所", ""),
        ("反电诈进村宣传", "守好老人的钱袋子", "all", "增城农商银行", ""),
    ),
    "group": (
        ("长者健康互助小组", "慢病管理和相互督促服药", "elder", "镇卫生院", ""),
        ("四点半课堂", "放学后作业辅导和阅读", "children", "石滩中心小学", ""),
        ("亲子阅读小组", "祖辈和孩子一起读绘本", "children", "石滩中心小学", ""),
        ("残疾人康复互助小组", "居家康复训练和经验分享", "disabled", "区残联", ""),
        ("照护者减压小组", "重度残疾人家属的喘息和情绪支持", "disabled", "区残联", ""),
        ("儿童情绪管理小组", "认识情绪，学会表达", "children", "镇团委", ""),
        ("手工编织小组", "长者手工编织，结伴交流", "elder", "镇妇联", ""),
    ),
    "community": (
        ("社区义诊", "量血压、测血糖和用药咨询", "elder", "镇卫生院", ""),
        ("邻里互助日", "邻里结对，互相照看", "all", "村委会", ""),
        ("长者生日会", "为本月生日的长者庆生", "elder", "村委会", ""),
        ("社区电影夜", "露天电影和安全知识放映", "all", "镇团委", ""),
        ("垃圾分类进村", "垃圾分类知识和环保手工", "all", "镇团委", ""),
    ),
    "volunteer": (
        ("志愿者上门理发", "为行动不便的长者义剪", "elder", "党员先锋队", ""),
        ("爱心义诊进家门", "医生志愿者上门看诊", "disabled", "镇卫生院", ""),
        ("环境清洁志愿行动", "帮独居老人打扫卫生", "elder", "镇团委", ""),
        ("助学志愿服务", "大学生志愿者辅导功课", "children", "镇团委", ""),
    ),
    "training": (
        ("居家照护技能培训", "翻身、喂食和防压疮", "disabled", "镇卫生院", ""),
        ("急救知识培训", "心肺复苏和海姆立克急救法", "all", "镇卫生院", ""),
        ("防溺水安全培训", "暑期防溺水和自救", "children", "石滩中心小学", ""),
        ("志愿者服务技能培训", "探访长者的沟通技巧", "all", "镇团委", ""),
    ),
}
# festival -> (title, theme, audience, partners), held in the days before it
FESTIVAL_ACTIVITIES = {
    "spring": ("迎春写挥春送福字", "书法志愿者写春联、送福字", "all", "镇文化站"),
    "lantern": ("元宵猜灯谜", "猜灯谜、煮汤圆", "all", "村委会"),
    "children": ("六一儿童游园会", "游戏闯关和图书漂流", "children", "石滩中心小学"),
    "dragon_boat": ("端午包粽子敬老活动", "和长者一起包粽子", "elder", "镇妇联"),
    "mid_autumn": ("中秋月饼 DIY", "亲子做冰皮月饼", "children", "镇团委"),
    "double_ninth": ("重阳敬老游园会", "长者游园、健康咨询", "elder", "镇卫生院"),
}
# how many of the year's activities of each kind (政策宣传 the most)
KIND_WEIGHTS = (("policy", 40), ("group", 22), ("community", 15), ("volunteer", 10),
                ("training", 6))
PLACES = ("{v}文化室", "{v}党群服务中心", "{v}长者饭堂", "石滩镇社工站活动室", "{v}文化广场")
CHILD_PLACES = ("{v}文化室", "石滩中心小学", "{v}农家书屋", "石滩镇社工站活动室")
TIMES = (("09:00", "11:00"), ("09:30", "11:30"), ("14:30", "16:30"), ("15:00", "17:00"))
SUMMARIES = ("活动按计划进行，参与者反响很好。", "现场气氛热烈，不少居民会后留下咨询。",
             "部分老人行动不便，志愿者协助接送。", "下雨改在室内进行，人数比预期略少。",
             "参与者希望以后多办此类活动。", "村委会干部全程参与，协助组织。")
GOODS = ("牛奶", "挂面", "食用油", "大米")
CHILD_GOODS = ("课外读物", "书包")
CANCEL_REASONS = ("台风预警，取消户外活动", "场地临时被征用，另行安排", "合作单位人员调整，活动延期")
# elder and children categories for the pairings and wishes
ELDER = ("独居老人", "孤寡老人", "空巢老人", "高龄老人", "特困供养")
CHILDREN = ("困境儿童", "农村留守儿童", "事实无人抚养儿童", "孤儿")
DISABLED = ("重度残疾人", "残疾人")
UNITS = (("镇民政办党支部", "陈主任"), ("增城农商银行石滩支行", "黄行长"),
         ("石滩镇卫生院党支部", "周医生"), ("镇团委", "李书记"), ("石滩中心小学党支部", "何老师"),
         ("石滩派出所党支部", "刘警官"))
TEAMS = ("党员先锋队", "银龄互助队", "巾帼志愿队", "青年突击队")
CONTACT_NOTES = {
    "elder": ("陪老人聊天，测量血压，情况稳定", "帮老人打扫房间，检查用电安全", "电话问候，老人说身体还好",
              "陪同老人到卫生院复诊", "送去牛奶和挂面，提醒按时吃药", "老人念叨子女，耐心倾听"),
    "children": ("辅导孩子作业，聊学校的事", "陪孩子读绘本，孩子很开心", "电话了解孩子近期学习情况",
                 "带孩子参加四点半课堂", "与祖母沟通孩子的作息", "送去文具，鼓励孩子好好学习"),
}
END_REASONS = ("服务对象搬离本镇", "志愿者工作调动，另行安排结对", "老人入住敬老院")
# wish: (what, why, estimated yuan, (item name, spec) when a donor could bring it, audience)
WISH_IDEAS = (
    ("一个新书包", "旧书包已经破了，开学想背新书包", 80, ("书包", "小学"), "children"),
    ("一套课外书", "喜欢看书，家里没有课外书", 120, ("课外读物", "套装"), "children"),
    ("一个护眼台灯", "晚上写作业光线太暗", 90, ("护眼台灯", ""), "children"),
    ("一件羽绒服", "冬天只有一件旧棉衣", 150, ("羽绒服", "儿童"), "children"),
    ("一辆儿童自行车", "想骑车去同学家玩", 300, None, "children"),
    ("一床厚棉被", "冬天被子太薄，夜里冷", 150, ("棉被", "1.5m"), "elder"),
    ("一台电暖器", "独居，冬天屋里很冷", 200, ("电暖器", "2000W"), "elder"),
    ("一双棉鞋", "脚怕冷，旧鞋底已磨穿", 60, ("棉鞋", "老人款"), "elder"),
    ("一台电风扇", "夏天屋里闷热", 120, ("电风扇", "台式"), "elder"),
    ("一副老花镜", "看不清药盒上的字", 50, None, "elder"),
    ("一台收音机", "一个人在家，想听粤剧", 80, None, "elder"),
    ("一个助行器", "腿脚不便，出门怕摔", 260, None, "disabled"),
)
COMMENTS = {5: ("非常感谢爱心人士，孩子高兴得不得了", "东西很实用，谢谢社工和好心人", "天天都在用，太谢谢了"),
            4: ("很好用，谢谢大家关心", "收到了，心里暖暖的"),
            3: ("东西收到了，尺码稍大一点", "等得有点久，不过还是谢谢")}
WISH_CANCEL = ("家属已自行购买", "服务对象搬离本镇", "已由村委会解决")


@dataclass
class ActivityFigures:
    history: int = 0  # activities the stock ledger gave goods to, put on file under its ids
    wish_history: int = 0  # wishes the stock ledger gave goods to, on file under its ids
    held: int = 0  # the year's, through the services
    planned: int = 0
    cancelled: int = 0
    sign_ups: int = 0
    came: int = 0
    head_count: int = 0
    volunteer_times: int = 0
    with_goods: int = 0
    cards: int = 0
    projects: int = 0
    project_cases: int = 0
    pairings: int = 0
    contacts: int = 0
    behind: int = 0
    ended: int = 0
    wishes: int = 0
    wish_states: dict[str, int] = field(default_factory=dict)


def _history_kind(title: str) -> str:
    """The kind of an activity the stock ledger names only by its title."""
    for kind, words in (("festival", ("重阳", "中秋", "春节", "端午", "元宵", "六一")),
                        ("policy", ("宣传", "宣讲")), ("training", ("讲座", "培训")),
                        ("group", ("小组", "课堂", "托管", "阅读")),
                        ("volunteer", ("志愿", "义剪", "理发"))):
        if any(w in title for w in words):
            return kind
    return next((k for k, items in TEMPLATES.items() for t in items if t[0] == title),
                "community")


class _Run:
    def __init__(self, head: Actor, rng: random.Random, households: int) -> None:
        self.head, self.rng, self.today = head, rng, today()
        self.figures = ActivityFigures()
        self.scale = households
        self.actors: dict[int, Actor] = {}
        self.villages = [(v, n, w) for v, n, w in Village.select(
            Village.id, Village.name, Village.social_worker).where(
            (Village.kind == "village") & Village.active).order_by(Village.sort_order).tuples()]
        self.village_name = {v: n for v, n, _ in self.villages}
        self.worker_of = {v: w for v, _, w in self.villages}
        # active households by village, with their categories and members' ages
        self.by_village: dict[int, list[int]] = defaultdict(list)
        self.registered: dict[int, _dt.date] = {}
        self.worker_of_household: dict[int, int | None] = {}
        for hid, village, on, worker in Household.select(
                Household.id, Household.village, Household.registered_on,
                Household.social_worker).where(Household.status == "active").order_by(
                Household.id).tuples():
            self.by_village[village].append(hid)
            self.registered[hid] = _as_date(on)
            self.worker_of_household[hid] = worker
        names = dict(Category.select(Category.id, Category.name).tuples())
        self.cats: dict[int, set[str]] = defaultdict(set)
        for hid, cat in HouseholdCategory.select(HouseholdCategory.household,
                                                 HouseholdCategory.category).tuples():
            self.cats[hid].add(names.get(cat, ""))
        self.members: dict[int, list[tuple[int, str, int | None, str]]] = defaultdict(list)
        for mid, hid, name, born, gender in Member.select(
                Member.id, Member.household, Member.name, Member.birthdate, Member.gender).where(
                Member.status == "active").order_by(Member.id).tuples():
            born = _as_date(born)
            age = (self.today - born).days // 365 if born else None
            self.members[hid].append((mid, name, age, gender))
        self.volunteers = [v for (v,) in Volunteer.select(Volunteer.id).where(
            Volunteer.status == "active").order_by(Volunteer.id).tuples()]
        self.party = [v for (v,) in Volunteer.select(Volunteer.id).where(
            (Volunteer.status == "active") & Volunteer.party_member).order_by(
            Volunteer.id).tuples()]
        self.busy: dict[_dt.date, set[int]] = defaultdict(set)
        if self.volunteers:
            start = self.today - 370 * DAY
            for vid, day in (Assignment.select(Assignment.volunteer, Shift.day).join(Shift)
                             .where((Shift.day >= start) & (Assignment.status != "cancelled"))
                             .tuples()):
                self.busy[_as_date(day)].add(vid)
        self.items = {(n, s): i for i, n, s in Item.select(Item.id, Item.name, Item.spec)
                      .order_by(Item.id).tuples()}
        self.goods = [i for (n, _s), i in sorted(self.items.items()) if n in GOODS]
        self.child_goods = [i for (n, _s), i in sorted(self.items.items()) if n in CHILD_GOODS]
        self.versions: dict[str, int] = {}
        for row in policies.list_policies(head):
            if row.current is not None:
                self.versions[row.short_name] = row.current.id

    def actor(self, staff_id: int | None) -> Actor:
        if staff_id is None:
            return self.head
        if staff_id not in self.actors:
            self.actors[staff_id] = accounts.actor_for(Staff.get_by_id(staff_id))
        return self.actors[staff_id]

    # ------------------------------------------------------------------ people

    def fits(self, hid: int, audience: str) -> bool:
        cats = self.cats.get(hid, set())
        if audience == "elder":
            return bool(cats & set(ELDER)) or any((a or 0) >= 60 for _, _, a, _ in
                                                  self.members[hid])
        if audience == "children":
            return any(a is not None and a < 16 for _, _, a, _ in self.members[hid])
        if audience == "disabled":
            return bool(cats & set(DISABLED))
        return True

    def people(self, village: int, audience: str, count: int,
               on: _dt.date) -> list[tuple[int, int | None]]:
        """Sign-ups from the village's households on file by ``on``: the fitting members (a
        child, an elder) where the activity is for them, else the household."""
        pool = [h for h in self.by_village.get(village, ()) if self.registered[h] <= on]
        fitting = [h for h in pool if self.fits(h, audience)]
        if audience == "disabled":  # small groups of the families concerned
            count = min(count, max(len(fitting), 6))
        if audience != "all" and len(fitting) < count // 2:  # a small village: neighbours come
            fitting += [h for h in pool if h not in set(fitting)]
        chosen = self.rng.sample(fitting, min(count, len(fitting)))
        out = []
        for hid in chosen:
            members = self.members[hid]
            if audience == "children":
                kids = [m for m, _, a, _ in members if a is not None and a < 16]
                out.append((hid, self.rng.choice(kids) if kids else None))
            elif audience == "elder":
                old = [m for m, _, a, _ in members if a is not None and a >= 60]
                out.append((hid, self.rng.choice(old) if old else None))
            else:
                out.append((hid, None))
        return out

    def free_volunteers(self, day: _dt.date, count: int) -> list[int]:
        if not self.volunteers or count <= 0:
            return []
        busy = self.busy[day]
        picked = []
        for _ in range(count * 4):
            vid = self.rng.choice(self.volunteers)
            if vid not in busy and vid not in picked:
                picked.append(vid)
            if len(picked) == count:
                break
        self.busy[day].update(picked)
        return picked

    # ------------------------------------------------------------------ history

    def history(self) -> None:
        """The stock ledger's activities (the inventory demo's simulated give-outs name an
        activity id each) go on file under those ids: held, with a head count only."""
        rows = list(Voucher.select(Voucher.target_id, Voucher.moved_on, Voucher.reason,
                                   Voucher.recipient)
                    .where((Voucher.target_kind == act.TARGET_KIND)
                           & (Voucher.kind != "reversal"))
                    .order_by(Voucher.target_id).tuples())
        if not rows:
            return
        by_name = {n: v for v, n, _ in self.villages}
        made, seen = [], set()
        at = stamp()
        for target_id, moved_on, reason, recipient in rows:
            if target_id in seen or target_id is None:
                continue
            seen.add(target_id)
            village_name = (recipient or "").replace("活动现场", "")
            village = by_name.get(village_name)
            title = reason or "社区活动"
            kind = _history_kind(title)
            made.append(dict(
                id=target_id, title=title[:128], kind=kind, held_on=_as_date(moved_on),
                start_time="09:00", end_time="11:00",
                place=f"{village_name}文化室" if village else "石滩镇社工站活动室",
                village=village, theme="", organiser="", partners="", project=None, shift=None,
                extra_count=self.rng.randint(15, 60), status="held",
                summary="村委会报来的参加人数（当时未登记名单）", created_by=self.head.staff_id,
                created_at=at, updated_at=at))
        for chunk in range(0, len(made), 500):
            Activity.insert_many(made[chunk:chunk + 500]).execute()
        record(self.head, "create", Activity._meta.table_name, None,
               new={"activities": len(made)}, note="演示数据 demo activities from the stock ledger")
        self.figures.history = len(made)

    def wish_history(self) -> None:
        """The stock ledger's wishes (the inventory demo's simulated give-outs name a wish id
        each, with no household): on file under those ids, delivered and rated, each to a
        household on file then, the voucher put to that household."""
        rows = list(Voucher.select(Voucher.id, Voucher.target_id, Voucher.moved_on,
                                   Voucher.reason)
                    .where((Voucher.target_kind == ws.TARGET_KIND) & (Voucher.kind == "wish"))
                    .order_by(Voucher.target_id).tuples())
        donors = [d for (d,) in Donor.select(Donor.id).where(Donor.active).tuples()]
        households = sorted(self.registered.items(), key=lambda kv: kv[1])
        if not rows or not donors or not households:
            return
        rng = random.Random(len(rows))  # its own: the rest of the demo doesn't depend on it
        at = stamp()
        made, owners = [], []
        for voucher_id, target_id, moved_on, reason in rows:
            day = _as_date(moved_on)
            placed = day - rng.randint(8, 30) * DAY
            fitting = [h for h, registered in households if registered <= placed]
            if not fitting:
                continue
            hid = rng.choice(fitting)
            what = (reason or "").replace("微心愿：", "").strip() or "生活用品"
            stars = rng.choice((5, 5, 5, 4, 4, 3))
            made.append(dict(
                id=target_id, household=hid, member=None, alias=self.alias(hid, None, "elder"),
                what=what[:128], why="", estimated_fen=0, photo=None, status="rated",
                placed_on=placed, placed_by="社工", social_worker=self.worker_of_household.get(hid),
                taken_on=placed + DAY, donor=rng.choice(donors),
                adopted_on=placed + 3 * DAY, payment="goods", donation=None, delivered_on=day,
                voucher=voucher_id, cash_entry=None, spent_fen=0, rating=stars,
                comment=rng.choice(COMMENTS[stars]), rated_on=day + 2 * DAY,
                cancel_reason="", created_at=at, updated_at=at))
            owners.append((voucher_id, hid))
        for chunk in range(0, len(made), 300):
            Wish.insert_many(made[chunk:chunk + 300]).execute()
        for voucher_id, hid in owners:
            Voucher.update(household=hid).where(Voucher.id == voucher_id).execute()
        record(self.head, "create", Wish._meta.table_name, None, new={"wishes": len(made)},
               note="演示数据 demo wishes from the stock ledger")
        self.figures.wish_history = len(made)

    # ------------------------------------------------------------------ projects

    def projects(self) -> tuple[Project, Project]:
        year = self.today.year
        respite = act.save_project(self.head, act.ProjectInput(
            name=f"{year}年石滩镇重度残疾人家庭喘息服务项目", funder="增城区民政局（政府购买服务）",
            starts_on=_dt.date(year, 1, 1), ends_on=_dt.date(year, 12, 31),
            target_groups="重度残疾人家庭及其照护者", target_families=60, target_person_times=600,
            target_services=200, target_value_fen=5_000_000, budget_fen=5_000_000,
            note="为重度残疾人家庭提供短期照护、照护者减压和康复指导，让家属喘口气。"))
        start = self.today.replace(day=1) - 270 * DAY
        start = start.replace(day=1)
        children = act.save_project(self.head, act.ProjectInput(
            name="困境儿童关爱项目", funder="广东省千禾社区公益基金会",
            starts_on=start, ends_on=start.replace(year=start.year + 1) - DAY,
            target_groups="困境儿童、农村留守儿童", target_families=120, target_person_times=600,
            target_services=120, target_value_fen=2_000_000, budget_fen=3_000_000,
            note="四点半课堂、亲子阅读和结对陪伴，守护困境儿童成长。"))
        self.figures.projects = 2
        self.child_villages = {v for v, _, _ in self.rng.sample(self.villages,
                                                                min(6, len(self.villages)))}
        return respite, children

    def project_for(self, audience: str, village: int, day: _dt.date, projects) -> int | None:
        """The respite project's activities are for the disabled (anywhere in the town); the
        children's project runs in a few villages."""
        respite, children = projects
        for project, wanted in ((respite, "disabled"), (children, "children")):
            if audience == wanted and _as_date(project.starts_on) <= day <= _as_date(
                    project.ends_on) and (project is respite or village in self.child_villages):
                return project.id
        return None

    def link_cases(self, projects) -> None:
        respite, children = projects
        for project, cats in ((respite, DISABLED), (children, CHILDREN)):
            end = _as_date(project.ends_on)
            found = [(cid, worker, hid) for cid, worker, hid in Case.select(
                Case.id, Case.social_worker, Case.household).where(
                Case.opened_on <= end).order_by(Case.id).tuples()
                if self.cats.get(hid, set()) & set(cats)]
            for cid, worker, _hid in found[:15]:
                try:
                    act.link_case(self.actor(worker), project.id, cid)
                    self.figures.project_cases += 1
                except (ValidationError, PermissionDenied):
                    continue

    # ------------------------------------------------------------------ activities

    def plan_days(self, count: int) -> list[tuple[_dt.date, str, tuple]]:
        """(day, kind, template) for the year's held activities: the festivals' in the
        days before each one in the last 12 months, the rest spread over the year's
        weekdays."""
        out = []
        first = self.today - 364 * DAY
        for key, template in FESTIVAL_ACTIVITIES.items():
            for year in (first.year, self.today.year):
                day = festival_date(key, year)
                if first <= day <= self.today - DAY:
                    for _ in range(max(1, min(3, count // 40))):
                        held = max(first, day - self.rng.randint(0, 4) * DAY)
                        out.append((held, "festival", template + ("",)))
        kinds = [k for k, w in KIND_WEIGHTS for _ in range(w)]
        while len(out) < count:
            day = first + self.rng.randint(0, 363) * DAY
            if day.weekday() == 6:
                day -= DAY
            kind = self.rng.choice(kinds)
            out.append((day, kind, self.rng.choice(TEMPLATES[kind])))
        out = out[:count]
        out.sort(key=lambda x: x[0])
        return out

    def activity(self, day: _dt.date, kind: str, template: tuple, projects,
                 village: tuple[int, str, int | None] | None = None) -> Activity:
        title, theme, audience, partners, _policy = template
        village_id, village_name, worker = village or self.rng.choice(self.villages)
        me = self.actor(worker)
        places = CHILD_PLACES if audience == "children" else PLACES
        start, end = ("16:30", "18:00") if title == "四点半课堂" else self.rng.choice(TIMES)
        prefix = "" if kind == "festival" or title.startswith(village_name) else \
            f"{village_name}·"
        return act.save_activity(me, act.ActivityInput(
            title=f"{prefix}{title}", kind=kind, held_on=day, start_time=start, end_time=end,
            place=self.rng.choice(places).format(v=village_name), village_id=village_id,
            theme=theme, organiser=me.name, partners=partners,
            project_id=self.project_for(audience, village_id, day, projects)))

    def held(self, count: int, projects) -> None:
        for day, kind, template in self.plan_days(count):
            row = self.activity(day, kind, template, projects)
            me = self.actor(self.worker_of.get(row.village_id))
            audience = template[2]
            # the sign-up list and who came on the sheet: written in one statement (the
            # service's row by row is ~1 ms a person, 4 s for the year), audited as a lot below
            people = self.people(row.village_id, audience, self.rng.randint(10, 40), day)
            if people:
                bulk_insert(ActivityParticipant, [
                    {"activity": row.id, "household": hid, "member": mid,
                     "attended": self.rng.random() < 0.85} for hid, mid in people])
                self.figures.sign_ups += len(people)
            helpers = self.free_volunteers(day, self.rng.randint(2, 5))
            if helpers:
                act.set_volunteers(me, row.id, helpers)
            came = [p for (p,) in ActivityParticipant.select(ActivityParticipant.id).where(
                (ActivityParticipant.activity == row.id) & ActivityParticipant.attended)
                .tuples()]
            extra = self.rng.randint(0, 30)
            data = act.AttendanceInput(came=came, extra_count=extra, volunteers_came=helpers,
                                       summary=self.rng.choice(SUMMARIES))
            try:
                act.record_attendance(me, row.id, data)
            except ValidationError:  # a volunteer's times clash with a visit on file
                data.volunteers_came = ()
                act.record_attendance(me, row.id, data)
            self.figures.held += 1
            self.figures.came += len(came)
            self.figures.head_count += extra
            self.figures.volunteer_times += len(data.volunteers_came)
            self.goods_and_cards(me, row, kind, template)

    def audit_sign_ups(self) -> None:
        if self.figures.sign_ups:
            record(self.head, "create", ActivityParticipant._meta.table_name, None,
                   new={"participants": self.figures.sign_ups, "came": self.figures.came},
                   note="演示数据 demo sign-up lists and sign-in sheets")

    def goods_and_cards(self, me: Actor, row: Activity, kind: str, template: tuple) -> None:
        pool = self.child_goods if template[2] == "children" and self.child_goods else self.goods
        if pool and (kind == "festival" or self.rng.random() < 0.2):
            lines = [stock.OutLine(i, self.rng.randint(5, 20))
                     for i in self.rng.sample(pool, min(len(pool), self.rng.randint(1, 2)))]
            try:
                act.use_goods(me, row.id, lines)
                self.figures.with_goods += 1
            except (ValidationError, PermissionDenied):
                pass  # what stock allows: short that day, nothing used
        policy = template[4]
        if kind == "policy":
            version = self.versions.get(policy) or (
                self.rng.choice(sorted(self.versions.values())) if self.versions else None)
            if version is not None:
                quantity = self.rng.randint(20, 80)
                act.hand_out_cards(me, row.id, version, quantity)
                self.figures.cards += quantity

    def coming(self, count: int, cancelled: int, projects) -> None:
        kinds = [k for k, w in KIND_WEIGHTS for _ in range(w)]
        for i in range(count + cancelled):
            ahead = i < count or i % 2 == 0
            day = self.today + self.rng.randint(2, 25) * DAY if ahead else \
                self.today + self.rng.randint(1, 6) * DAY
            kind = self.rng.choice(kinds)
            template = self.rng.choice(TEMPLATES[kind])
            row = self.activity(day, kind, template, projects)
            me = self.actor(self.worker_of.get(row.village_id))
            people = self.people(row.village_id, template[2], self.rng.randint(5, 25),
                                 self.today)
            if people:
                act.add_participants(me, row.id, people)
            helpers = self.free_volunteers(day, self.rng.randint(2, 5))
            if helpers:
                act.set_volunteers(me, row.id, helpers)
            if i >= count:
                act.cancel_activity(me, row.id, self.rng.choice(CANCEL_REASONS))
                self.figures.cancelled += 1
            else:
                self.figures.planned += 1

    # ------------------------------------------------------------------ pairings

    def pairings(self, count: int) -> None:
        elder = [h for h in self.registered if self.cats.get(h, set()) & set(ELDER)]
        kids = [(h, m) for h in self.registered if self.cats.get(h, set()) & set(CHILDREN)
                for m, _, a, _ in self.members[h] if a is not None and a < 16]
        self.rng.shuffle(elder)
        self.rng.shuffle(kids)
        teams = [t for (t,) in Team.select(Team.id).where(Team.name.in_(TEAMS)).order_by(
            Team.id).tuples()]
        helpers = list(self.party or self.volunteers)
        self.rng.shuffle(helpers)
        targets: list[tuple[int, int | None, str]] = []
        seen: set[int] = set()
        while len(targets) < count and (elder or kids):
            if kids and (self.rng.random() < 0.35 or not elder):
                hid, mid = kids.pop()
                if hid in seen:
                    continue
                targets.append((hid, mid, "children"))
            else:
                hid = elder.pop()
                targets.append((hid, None, "elder"))
            seen.add(hid)
        behind_left = max(1, count // 6)
        ended_left = max(1, count // 20)
        for n, (hid, mid, who) in enumerate(targets):
            me = self.actor(self.worker_of_household.get(hid))
            roll = self.rng.random()
            if helpers and (roll < 0.75 or not teams):
                data = pr.PairingInput(hid, "volunteer", volunteer_id=helpers[n % len(helpers)])
            elif teams and roll < 0.85:
                data = pr.PairingInput(hid, "team", team_id=self.rng.choice(teams),
                                       contact_person="队长")
            else:
                unit, person = self.rng.choice(UNITS)
                data = pr.PairingInput(hid, "unit", unit=unit, contact_person=person)
            data.member_id = mid
            data.every_days = self.rng.choice((30, 30, 30, 14)) if who == "children" else \
                self.rng.choice((30, 30, 15, 60))
            started = self.today - self.rng.randint(45, 200) * DAY
            started = max(started, self.registered[hid] + DAY)
            if started > self.today - 20 * DAY:
                continue
            data.started_on = started
            data.note = "党员志愿者一对一结对" if data.helper_kind == "volunteer" else ""
            try:
                pair = pr.create_pairing(me, data)
            except ValidationError:
                continue
            self.figures.pairings += 1
            behind = behind_left > 0 and self.rng.random() < 0.25
            ended = not behind and ended_left > 0 and self.rng.random() < 0.2
            stop = self.today
            if behind:  # contacts stopped: the last one older than its frequency
                stop = self.today - (data.every_days + self.rng.randint(5, 40)) * DAY
                behind_left -= 1
            day = started + self.rng.randint(1, 10) * DAY
            last = None
            while day <= stop:
                way = self.rng.choice(("home_visit", "home_visit", "phone", "activity"))
                pr.log_contact(me, pair.id, day, self.rng.choice(CONTACT_NOTES[who]), way=way)
                self.figures.contacts += 1
                last = day
                day += (data.every_days - self.rng.randint(0, 5)) * DAY
            if ended and last is not None and last < self.today:
                pr.end_pairing(me, pair.id, self.rng.choice(END_REASONS),
                               ended_on=min(last + 10 * DAY, self.today))
                ended_left -= 1
                self.figures.ended += 1
        self.figures.behind = len(pr.list_pairings(self.head, behind_only=True))

    # ------------------------------------------------------------------ wishes

    def donors(self) -> list[int]:
        found = [d for (d,) in Donor.select(Donor.id).where(
            Donor.active & Donor.kind.in_(("enterprise", "individual", "party_branch")))
            .order_by(Donor.id).tuples()]
        if found:
            return found
        # no inventory on file: the wishes' own donors (money only)
        return [inventory.save_donor(self.head, inventory.DonorInput(kind, name)).id
                for kind, name in (("enterprise", "增城农商银行石滩支行"),
                                   ("individual", "爱心人士陈先生"),
                                   ("party_branch", "石滩镇人民政府机关党支部"))]

    def alias(self, hid: int, mid: int | None, who: str) -> str:
        head = Household.get_by_id(hid).head_name
        if mid is not None:
            name = next(n for m, n, _, _ in self.members[hid] if m == mid)
            return f"小{name[-1]}" if len(name) > 1 else f"{name}同学"
        members = self.members[hid]
        gender = members[0][3] if members else ""
        title = ("爷爷" if gender == "男" else "奶奶") if who == "elder" else \
            ("叔叔" if gender == "男" else "阿姨")
        return f"{head[0]}{title}"

    def wishes(self, count: int) -> None:
        donors = self.donors()
        pool = {"children": [(h, m) for h in self.registered for m, _, a, _ in self.members[h]
                             if a is not None and 5 <= a < 16],
                "elder": [(h, None) for h in self.registered
                          if self.cats.get(h, set()) & set(ELDER)],
                "disabled": [(h, None) for h in self.registered
                             if self.cats.get(h, set()) & set(DISABLED)]}
        for key in pool:
            self.rng.shuffle(pool[key])
        # the states, oldest first: the older a wish, the further it got
        cancelled = 3 if count >= 30 else 1
        rest = count - cancelled
        shares = [(state, max(1, round(rest * part))) for state, part in (
            ("rated", 0.42), ("delivered", 0.15), ("adopted", 0.15), ("taken", 0.13))]
        states = [s for s, n in shares for _ in range(n)] + ["cancelled"] * cancelled
        states += ["placed"] * max(1, count - len(states))
        used: set[int] = set()
        for n, state in enumerate(states):
            idea = WISH_IDEAS[n % len(WISH_IDEAS)]
            what, why, yuan, goods, who = idea
            candidates = pool.get(who) or pool["elder"] or pool["children"]
            while candidates and candidates[-1][0] in used:
                candidates.pop()
            if not candidates:
                continue
            hid, mid = candidates.pop()
            used.add(hid)
            me = self.actor(self.worker_of_household.get(hid))
            age = {"rated": (120, 300), "delivered": (40, 120), "adopted": (15, 60),
                   "cancelled": (30, 200), "taken": (5, 30), "placed": (0, 12)}[state]
            placed = max(self.today - self.rng.randint(*age) * DAY, self.registered[hid])
            wish = ws.place_wish(me, ws.WishInput(
                hid, what, alias=self.alias(hid, mid, who), why=why, estimated_fen=yuan * 100,
                member_id=mid, placed_on=placed))
            self.figures.wishes += 1
            final = state
            if state != "placed":
                taken = min(placed + self.rng.randint(0, 3) * DAY, self.today)
                ws.take_wish(me, wish.id, taken_on=taken)
                if state in ("rated", "delivered", "adopted"):
                    adopted = min(taken + self.rng.randint(1, 10) * DAY, self.today)
                    item = self.items.get(goods) if goods else None
                    # goods for the wishes delivered since; one still waiting is paid in money
                    # (goods set aside for it would show among the stock's reservations)
                    if item is not None and state != "adopted" and self.rng.random() < 0.6:
                        data = ws.AdoptInput(self.rng.choice(donors), "goods",
                                             [stock.InLine(item, 1)], adopted_on=adopted)
                    else:
                        data = ws.AdoptInput(self.rng.choice(donors), "cash",
                                             cash_fen=yuan * 100, adopted_on=adopted)
                    try:
                        ws.adopt_wish(me, wish.id, data)
                    except ValidationError:  # the item is short for a campaign: in money then
                        data = ws.AdoptInput(data.donor_id, "cash", cash_fen=yuan * 100,
                                             adopted_on=adopted)
                        ws.adopt_wish(me, wish.id, data)
                    if state in ("rated", "delivered"):
                        delivered = min(adopted + self.rng.randint(2, 12) * DAY, self.today)
                        ws.deliver_wish(me, wish.id, delivered,
                                        spent_fen=yuan * 100 - self.rng.choice((0, 0, 500, 1000)),
                                        bought_from="石滩华润万家超市")
                        if state == "rated":
                            stars = self.rng.choice((5, 5, 5, 4, 4, 3))
                            ws.rate_wish(me, wish.id, stars, self.rng.choice(COMMENTS[stars]),
                                         rated_on=min(delivered + self.rng.randint(1, 7) * DAY,
                                                      self.today))
                elif state == "cancelled":
                    ws.cancel_wish(me, wish.id, self.rng.choice(WISH_CANCEL))
            self.figures.wish_states[final] = self.figures.wish_states.get(final, 0) + 1


def add_activities(head: Actor, rng: random.Random, households: int) -> ActivityFigures:
    """The year's activities, the projects, pairings and wishes, for a station of
    ``households`` households (the full numbers at the demo's 1,426 or more)."""
    run = _Run(head, rng, households)
    run.history()
    if not run.villages or not run.registered:
        return run.figures
    run.wish_history()
    share = min(1.0, households / 900)
    projects = run.projects()
    run.held(max(8, round(DEMO_ACTIVITIES * share)), projects)
    run.audit_sign_ups()
    run.coming(max(2, round(DEMO_PLANNED * share)), DEMO_CANCELLED, projects)
    run.link_cases(projects)
    run.pairings(max(8, round(DEMO_PAIRINGS * share)))
    run.wishes(max(12, round(DEMO_WISHES * share)))
    return run.figures
