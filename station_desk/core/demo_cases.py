"""The demo's case work and hotline (issue #10), made through the case services acting as
each case's social worker, so the derived fields (last_record_on, follow_up_on), the needs
turned into cases and the goods handed over agree with the rest of the station.

- about 300 cases (``DEMO_CASES``) over the last 14 months for households of fitting categories (elderly living alone, children in
  difficulty, disabled, serious illness, low income), in every stage: the older ones mostly closed with their follow-ups done or due, a few reopened;
  many grow from a need heard on a visit or the hotline;
- about 600 hotline calls over the year on the station's lines, mostly in the daytime, linked
  to the household when the caller is on file; a few from last night still open.

Notes are built from several lists of sentence parts per situation so the cases differ.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections import defaultdict
from dataclasses import dataclass

from .clock import now, today
from .errors import PermissionDenied, ValidationError
from .models import (
    Case,
    CaseAssessment,
    CaseFollowUp,
    CasePlan,
    CasePlanAction,
    CaseRecord,
    CaseReferral,
    Category,
    HotlineCall,
    Household,
    HouseholdCategory,
    Item,
    Need,
    Staff,
    Station,
)
from .roles import Actor
from .services import accounts
from .services import cases as cs
from .services.stock import OutLine

TABLES = [m._meta.table_name for m in (Case, CaseAssessment, CasePlan, CasePlanAction,
                                        CaseRecord, CaseReferral, CaseFollowUp, HotlineCall,
                                        Need)]
# A year of a station's case work (Haidian's stations: 231 cases in a year), made through the
# services like the rest of the demo: about 15 ms a case with its steps.
DEMO_CASES = 300
DEMO_CALLS = 600
DAY = _dt.timedelta(days=1)

# situation -> the station's categories that bring it
THEMES = {
    "elder": ("独居老人", "孤寡老人", "空巢老人", "高龄老人", "特困供养"),
    "children": ("困境儿童", "农村留守儿童", "事实无人抚养儿童", "孤儿"),
    "disabled": ("残疾人", "重度残疾人"),
    "illness": ("重病患者",),
    "poverty": ("低保", "低保边缘", "支出型困难家庭", "临时救助"),
}
PROBLEMS = {
    "elder": ("独居，近期两次在家中跌倒", "老伴去世后情绪低落，很少出门", "患高血压、糖尿病，常忘记服药",
              "子女在外务工，日常生活缺少照料", "住房老旧，厨房和厕所无扶手", "听力下降，与邻里来往减少"),
    "children": ("父母外出务工，由祖母照顾，近期成绩明显下滑", "父亲服刑，母亲离家，由叔叔代为照看",
                 "孩子在校与同学冲突，不愿上学", "家中无人辅导功课，作业常未完成",
                 "孩子沉迷手机游戏，与祖辈关系紧张", "监护人年老多病，照护能力不足"),
    "disabled": ("肢体残疾，轮椅损坏无法出门", "精神残疾，停药后情绪不稳", "残疾证到期未换，补贴停发",
                 "长期卧床，家属照护压力大", "希望参加职业技能培训，缺少渠道", "智力残疾，白天无人看护"),
    "illness": ("确诊癌症，化疗费用负担重", "尿毒症每周透析三次，交通不便", "脑梗后偏瘫，康复训练中断",
                "住院后家中无人照顾老人和孩子", "大病医疗报销手续不清楚"),
    "poverty": ("家庭主要劳动力失业，收入中断", "医疗开支大，生活陷入困难", "低保复核材料不齐，担心被停发",
                "欠下房租，面临搬迁", "孩子上学费用难以负担", "家中突发火灾，部分财物损毁"),
}
LIVING = ("独居平房，屋内较为杂乱", "与老伴同住，房屋为九十年代砖房", "租住村中旧屋，采光差",
          "与儿子一家同住，但白天无人", "住房经危房改造，基本安全")
LIVING_CHILD = ("与祖辈同住，居住空间狭小", "与叔叔一家同住，有自己的床铺", "与母亲租住村中旧屋",
                "与祖母同住，房屋为九十年代砖房")
HEALTH = ("高血压多年，需长期服药", "身体尚可，偶有头晕", "行动不便，需借助拐杖", "睡眠差，食欲一般",
          "视力下降，白内障待手术", "身体健康，按时体检")
EMOTION = ("情绪低落，说话时多次落泪", "情绪较稳定，愿意交流", "对外人有戒备，初次面谈较拘谨",
           "焦虑，担心今后的生活", "性格开朗，但提到家人时沉默")
ECONOMY = ("每月领取低保金，基本够吃用", "依靠养老金和子女少量补贴", "收入不稳定，靠打零工",
           "医疗开支占收入大半", "无固定收入，靠亲戚接济")
SUPPORT = ("邻居平时会帮忙照看", "村委会较为关注", "子女每月电话联系一两次", "亲戚很少来往",
           "村妇联执委定期探访")
GOALS = {
    "elder": ("保障老人居家安全，降低跌倒风险", "建立邻里互助照看网络", "改善情绪，增加社会参与"),
    "children": ("稳定孩子的学习状态，按时完成作业", "改善亲子沟通，减少冲突", "落实困境儿童保障政策"),
    "disabled": ("协助办理残疾人两项补贴", "链接康复资源，恢复基本出行", "减轻家属照护压力"),
    "illness": ("协助申请医疗救助，减轻费用负担", "安排康复训练和陪诊", "稳定患者和家属情绪"),
    "poverty": ("协助申请临时救助，渡过眼前难关", "链接就业信息，恢复家庭收入", "落实低保复核，保障基本生活"),
}
ACTIONS = {
    "elder": ("联系村委安装扶手和防滑垫", "安排志愿者每周探访一次", "教老人使用药盒分装药品",
              "链接镇卫生院家庭医生签约"),
    "children": ("每周一次课业辅导", "与班主任沟通在校情况", "开展亲子沟通小组活动", "协助申请困境儿童生活补贴"),
    "disabled": ("陪同到区残联办理换证", "申请辅具适配", "链接居家康复服务", "联系镇社会事务办核对补贴"),
    "illness": ("协助整理医疗票据申请救助", "安排志愿者陪诊", "联系镇卫生院上门随访", "为家属提供喘息服务"),
    "poverty": ("协助准备临时救助申请材料", "推荐镇就业服务站岗位", "发放米油等生活物资", "联系村委核实家庭收入"),
}
PARTNERS = ("村委会", "镇卫生院", "区残联", "学校", "镇社会事务办", "志愿者服务队", "镇妇联")
SERVICE_OPENINGS = ("上门探访，", "电话跟进，", "与服务对象面谈，", "陪同外出办事，")
CHILD_OPENINGS = ("到学校了解情况，", "上门辅导作业，")
SERVICE_BODIES = {
    "elder": ("老人气色比上次好，扶手已安装", "检查药盒，本周按时服药", "志愿者已按约探访，老人很期待",
              "老人诉说对子女的思念，给予倾听和安慰", "讲解防诈骗知识，老人表示会注意"),
    "children": ("孩子本周作业基本完成", "班主任反映上课注意力有所提高", "与祖母沟通管教方式",
                 "孩子愿意分享学校的事情", "协助填写补贴申请表"),
    "disabled": ("新轮椅已送达，能自行到村口", "家属反映照护压力有所缓解", "康复师上门评估",
                 "补贴材料已提交，等待审核", "服务对象情绪稳定，按时服药"),
    "illness": ("陪同到区医院复诊", "医疗救助申请已受理", "家属情绪平稳，照护安排清楚",
                "康复训练按计划进行", "协助办理异地就医备案"),
    "poverty": ("临时救助已批，款项到账", "推荐的工作已面试", "家庭收支情况有改善",
                "低保复核材料已补齐", "送去生活物资，家人表示感谢"),
}
SERVICE_ENDINGS = ("下周继续跟进。", "约定两周后再访。", "服务对象表示满意。", "已告知有事随时打热线。",
                   "将情况反馈村委会。", "")
REFERRALS = {
    "disabled": ("区残联", "申请辅具适配和残疾人两项补贴"),
    "illness": ("镇卫生院", "家庭医生签约和上门随访"),
    "children": ("学校", "在校情况观察与心理辅导"),
    "elder": ("镇卫生院", "慢病管理和定期体检"),
    "poverty": ("镇社会事务办", "临时救助和低保复核"),
}
ANSWERS = ("已受理，安排专人跟进", "已上门评估，待审批", "已落实，服务对象表示满意", "材料不全，请补交后再办")
CLOSE_REASONS = ("服务目标已达成", "服务对象情况稳定，可由常规探访跟进", "服务对象搬离本镇",
                 "服务对象不再需要服务")
SUMMARIES = ("经过几个月的跟进，主要问题已解决，服务对象能够自行应对日常生活。",
             "资源已链接到位，家庭支持网络建立，情况明显好转。",
             "部分目标达成，后续由村委会和志愿者日常关注。")
REFLECTIONS = ("早期应更多发动邻里力量。", "与学校的沟通渠道建立得较晚。", "转介后需更及时跟进结果。",
               "服务对象的主动性是改变的关键。")
FOLLOW_NOTES = ("回访时情况稳定，无新的需求", "电话回访，服务对象表示生活正常", "上门回访，扶手使用良好",
                "回访发现情绪尚可，继续常规探访")
CALL_CONTENT = ("咨询高龄津贴申领", "反映老人家中停水两天", "咨询临时救助办理流程", "家中老人摔倒，请求帮助",
                "反映邻居独居老人多日未出门", "咨询残疾证办理", "孩子放学未归，家长着急", "咨询低保复核材料",
                "申请志愿者上门理发", "反映房屋漏雨", "咨询医疗救助报销", "家庭矛盾，情绪激动，请求调解",
                "询问慰问物资发放时间", "想报名参加长者活动")
CALL_ACTIONS = ("已解答政策，告知所需材料", "已转告负责社工，明天上门", "已联系村委核实", "已安抚情绪，约时间面谈",
                "已登记，等待安排", "")
CALLERS = ("王先生", "李阿姨", "陈女士", "张伯", "刘先生", "黄阿姨", "村民", "匿名")


@dataclass
class CaseFigures:
    cases: int = 0
    closed: int = 0
    reopened: int = 0
    due: int = 0
    records: int = 0
    referrals: int = 0
    goods: int = 0  # records with goods handed over
    calls: int = 0
    open_calls: int = 0


def _households(rng: random.Random) -> list[tuple[int, str, int]]:
    """(household, theme, social worker) for active households of fitting categories."""
    theme_of = {}
    for theme, names in THEMES.items():
        for cat in Category.select(Category.id).where(Category.name.in_(names)):
            theme_of[cat.id] = theme
    found: dict[int, tuple[int, str, int]] = {}
    rows = (HouseholdCategory.select(HouseholdCategory.household, HouseholdCategory.category,
                                     Household.social_worker)
            .join(Household).where((Household.status == "active")
                                   & Household.social_worker.is_null(False)
                                   & HouseholdCategory.category.in_(list(theme_of)))
            .order_by(HouseholdCategory.household, HouseholdCategory.category).tuples())
    for hid, cat, worker in rows:
        found.setdefault(hid, (hid, theme_of[cat], worker))
    out = list(found.values())
    rng.shuffle(out)
    return out


def _note(rng: random.Random, theme: str) -> str:
    openings = SERVICE_OPENINGS + (CHILD_OPENINGS if theme == "children" else ())
    first, second = rng.sample(SERVICE_BODIES[theme], 2)  # two different findings
    return rng.choice(openings) + first + "，" + second.rstrip("。") + "。" + \
        rng.choice(SERVICE_ENDINGS)


def add_cases(head: Actor, rng: random.Random, cases: int = DEMO_CASES,
              calls: int = DEMO_CALLS) -> CaseFigures:
    figures = CaseFigures()
    actors: dict[int, Actor] = {}

    def actor(staff_id: int) -> Actor:
        if staff_id not in actors:
            actors[staff_id] = accounts.actor_for(Staff.get_by_id(staff_id))
        return actors[staff_id]

    households = _households(rng)
    if not households:
        return figures
    figures.calls, figures.open_calls, call_needs = _add_calls(head, rng, calls, households,
                                                               actor)
    goods = [i.id for i in Item.select(Item.id).where(
        Item.name.in_(("大米", "食用油", "棉被", "牛奶", "挂面"))).order_by(Item.id)]
    visit_needs = {hid: nid for nid, hid in Need.select(Need.id, Need.household).where(
        (Need.status.in_(("new", "in_progress"))) & (Need.source == "visit")
        & Need.household.is_null(False)).tuples()}
    day0 = today()
    for hid, theme, worker in households[:cases]:
        me = actor(worker)
        age = rng.randint(0, 425) if rng.random() < 0.7 else rng.randint(0, 60)
        opened = day0 - age * DAY
        need_id, source = None, rng.choice(("visit", "village", "walk_in", "referral"))
        if hid in call_needs and rng.random() < 0.7:
            need_id, source = call_needs.pop(hid), "hotline"
        elif hid in visit_needs and rng.random() < 0.7:
            need_id, source = visit_needs.pop(hid), "visit"
        if need_id is not None:
            raised = Need.get_by_id(need_id).raised_on
            opened = max(opened, raised if isinstance(raised, _dt.date)
                         else _dt.date.fromisoformat(str(raised)))
            age = (day0 - opened).days
        risk = rng.choice(("high", "medium", "medium", "low", "low"))
        case = cs.open_case(me, cs.CaseInput(
            household_id=hid, problem="。".join(rng.sample(PROBLEMS[theme], 2)) + "。",
            opened_on=opened, source=source,
            need_id=need_id, risk=risk))
        figures.cases += 1
        # how far the case got: by its age, older ones further along
        if age < 7:
            stage = rng.choice(("intake", "intake", "assessment"))
        elif age < 30:
            stage = rng.choice(("assessment", "plan", "intervention", "intervention"))
        elif age < 120:
            stage = rng.choice(("plan", "intervention", "intervention", "intervention",
                                "evaluation", "closed", "closed"))
        else:
            stage = rng.choice(("intervention", "evaluation", "closed", "closed", "closed",
                                "closed", "closed", "closed"))
        if stage == "intake":
            continue
        on = min(opened + rng.randint(1, 7) * DAY, day0)
        cs.assess(me, case.id, cs.AssessmentInput(
            assessed_on=on, living=rng.choice(LIVING_CHILD if theme == "children" else LIVING),
            health=rng.choice(HEALTH),
            emotion=rng.choice(EMOTION), economy=rng.choice(ECONOMY), support=rng.choice(SUPPORT),
            needs=rng.sample(("care", "counselling", "medical", "resources", "policy"), 2),
            risk=risk))
        if stage == "assessment":
            continue
        on = min(on + rng.randint(2, 10) * DAY, day0)
        acts = rng.sample(ACTIONS[theme], rng.randint(2, 3))
        cs.save_plan(me, case.id, cs.PlanInput(
            goals="；".join(rng.sample(GOALS[theme], 2)),
            actions=[cs.ActionInput(a, owner=rng.choice(("社工", "志愿者", "村委会")),
                                    due_on=on + rng.randint(14, 60) * DAY) for a in acts],
            partners="、".join(rng.sample(PARTNERS, 2)), made_on=on))
        if stage == "plan":
            continue
        # the service period: to the closing, or to today (some gone quiet for a while)
        closes = stage == "closed"
        end = min(on + rng.randint(30, 150) * DAY, day0) if closes else day0
        if not closes and rng.random() < 0.12:
            end = max(on, day0 - rng.randint(31, 60) * DAY)  # no service lately: due
        n = min(15, max(1, int(rng.triangular(1, 16, 2))))
        n = min(n, (end - on).days // 4 + 1)  # a service every few days at most
        days = sorted(on + rng.randint(0, max((end - on).days, 0)) * DAY for _ in range(n))
        last_id = None
        for i, served in enumerate(days):
            lines = []
            if goods and rng.random() < 0.06:
                lines = [OutLine(rng.choice(goods), 1)]
            data = cs.RecordInput(content=_note(rng, theme), served_on=served,
                                  kind=rng.choice(("interview", "phone", "home_visit",
                                                   "home_visit", "accompany")),
                                  minutes=rng.choice((20, 30, 45, 60, 90)), goods=lines)
            try:
                row = cs.add_record(me, case.id, data)
                figures.goods += bool(lines)
            except (ValidationError, PermissionDenied):
                data.goods = ()
                row = cs.add_record(me, case.id, data)
            figures.records += 1
            if i and last_id and rng.random() < 0.03:
                cs.add_record(me, case.id, cs.RecordInput(
                    content="更正：上一条记录的服务时长和内容有误，以本条为准。" + _note(rng, theme),
                    served_on=served, corrects_id=last_id))
                figures.records += 1
            last_id = row.id
        if rng.random() < 0.3 or theme == "disabled":
            unit, purpose = REFERRALS[theme]
            ref = cs.refer(me, case.id, unit, purpose, referred_on=days[0])
            figures.referrals += 1
            if rng.random() < 0.8:
                cs.update_referral(me, ref.id, rng.choice(("accepted", "resolved", "resolved")),
                                   rng.choice(ANSWERS), on=min(days[0] + rng.randint(3, 20) * DAY,
                                                               day0))
        if stage == "evaluation":
            cs.set_stage(me, case.id, "evaluation")
            continue
        if not closes:
            continue
        closed_on = min(days[-1] + rng.randint(0, 10) * DAY, day0)
        cs.close_case(me, case.id, cs.CloseInput(
            reason=rng.choice(CLOSE_REASONS), goals_met=rng.choice(("met", "met", "partly")),
            summary=rng.choice(SUMMARIES), reflection=rng.choice(REFLECTIONS),
            closed_on=closed_on))
        figures.closed += 1
        for fu in CaseFollowUp.select().where(CaseFollowUp.case == case.id).order_by(
                CaseFollowUp.due_on):
            due = fu.due_on if isinstance(fu.due_on, _dt.date) else \
                _dt.date.fromisoformat(str(fu.due_on))
            if due > day0 or rng.random() < 0.15:
                break  # not yet due, or due and not done yet
            done = min(due + rng.randint(0, 6) * DAY, day0)
            if rng.random() < 0.05:
                cs.record_follow_up(me, fu.id, "回访发现问题反复，服务对象再次求助", done_on=done)
                cs.reopen_case(me, case.id, "回访发现问题反复，重新介入")
                cs.add_record(me, case.id, cs.RecordInput(content=_note(rng, theme),
                                                          served_on=done, kind="home_visit"))
                figures.records += 1
                figures.reopened += 1
                figures.closed -= 1
                break
            cs.record_follow_up(me, fu.id, rng.choice(FOLLOW_NOTES), done_on=done)
    if call_needs:  # kept for a case that wasn't made: dealt with the day they were heard
        Need.update(status="resolved", resolved_on=Need.raised_on).where(
            Need.id.in_(list(call_needs.values()))).execute()
    figures.due = len(cs.list_cases(head, cs.CaseQuery(status="all", due_only=True)))
    return figures


def _add_calls(head: Actor, rng: random.Random, calls: int, households, actor):
    """The year's calls; returns (calls, still open, {household: need} to grow cases from)."""
    station = Station.select().first()
    lines = [x.strip() for x in (station.hotlines if station else "").splitlines() if x.strip()]
    lines = lines or [""]
    answerers = [head] + [actor(s.id) for s in Staff.select(Staff.id).where(
        Staff.role.in_(("social_worker", "front_desk")) & Staff.active).order_by(Staff.id)]
    phones, registered, heads = {}, {}, {}
    for hid, phone, on, head_name in Household.select(
            Household.id, Household.phone, Household.registered_on, Household.head_name).where(
            Household.id.in_([h for h, _, _ in households])).tuples():
        phones[hid] = phone
        heads[hid] = head_name
        registered[hid] = on if isinstance(on, _dt.date) else _dt.date.fromisoformat(str(on))
    moment = now().replace(second=0, microsecond=0)
    last_night = (moment - _dt.timedelta(days=1)).replace(hour=21, minute=0)
    made = []
    for i in range(calls):
        if i < 3 and moment > last_night + _dt.timedelta(hours=3):  # last night, still open
            at = last_night + _dt.timedelta(minutes=rng.randint(0, 180))
        else:
            at = moment - _dt.timedelta(days=rng.randint(1, 364))
            hour = rng.randint(8, 17) if rng.random() < 0.85 else rng.choice((19, 20, 21, 22, 23,
                                                                                 0, 1, 6, 7))
            at = at.replace(hour=hour, minute=rng.randint(0, 59))
        if at > moment:
            at = moment - _dt.timedelta(hours=1)
        hid = None
        if rng.random() < 0.6:
            hid = rng.choice(households)[0]
            if registered[hid] > at.date():
                hid = None  # not on file yet when they called
        phone = (phones.get(hid) if hid else "") or \
            rng.choice(("138", "139", "136", "189")) + f"{rng.randrange(10**8):08d}"
        call = cs.log_call(rng.choice(answerers), cs.CallInput(
            content=rng.choice(CALL_CONTENT), line=rng.choice(lines), called_at=at,
            caller=heads[hid] if hid else rng.choice(CALLERS), caller_phone=phone,
            household_id=hid,
            urgency="urgent" if rng.random() < 0.1 else "normal",
            action=rng.choice(CALL_ACTIONS)))
        made.append((call.need_id, hid, at))
    # The needs the calls raised were dealt with in the days after; the newest stay open.
    open_from = moment - _dt.timedelta(days=2)
    grow: dict[int, int] = {}
    still_open = 0
    resolved, in_progress = [], []
    for need_id, hid, at in made:
        if at >= open_from:
            still_open += 1
            continue
        if hid is not None and hid not in grow and rng.random() < 0.25:
            grow[hid] = need_id  # becomes a case
            continue
        (in_progress if rng.random() < 0.05 else resolved).append((need_id, at))
    # most are settled the day they are heard (one statement); the rest a few days later
    same_day, later = [], defaultdict(list)
    for need_id, at in resolved:
        if rng.random() < 0.6:
            same_day.append(need_id)
        else:
            later[min(at.date() + rng.randint(1, 5) * DAY, today())].append(need_id)
    if same_day:
        Need.update(status="resolved", resolved_on=Need.raised_on).where(
            Need.id.in_(same_day)).execute()
    for day, ids in later.items():
        Need.update(status="resolved", resolved_on=day).where(Need.id.in_(ids)).execute()
    if in_progress:
        Need.update(status="in_progress").where(
            Need.id.in_([n for n, _ in in_progress])).execute()
    return len(made), still_open, grow
