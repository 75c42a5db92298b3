"""Case work: intake to closing and follow-ups, the ledger of service records, referrals,
who may read a case (its own social worker and the head, nobody else, audited), the hotline
log and the month's figures."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core.clock import now, today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import AuditLog, ItemCategory, Need, Staff, Village
from station_desk.core.services import accounts, stock
from station_desk.core.services import cases as cs
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def office(staff_actors):
    """A household in 麻车村 (the social worker's village) with a need heard on a visit, a
    second social worker, and rice in stock."""
    head = staff_actors["head"]
    worker = staff_actors["social_worker"]
    other = accounts.actor_for(accounts.create_staff(head, "lzq", "李志强", "social_worker",
                                                     "secret123"))
    village = Village.get(Village.name == "麻车村").id
    household = hh.create_household(head, hh.HouseholdInput(
        "王秀英", village, phone="13912345678", registered_on=TODAY - 100 * DAY),
        [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
         hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    need = hh.record_need(head, household.id, "想申请临时救助，老人住院后医药费负担重")
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, value_fen=5000,
                                             value_from=TODAY - 400 * DAY)).id
    stock.receive(head, "purchase", TODAY - 60 * DAY, [stock.InLine(rice, 10)], recipient="超市")
    return {"head": head, "worker": worker, "other": other, "desk": staff_actors["front_desk"],
            "household": household.id, "need": need.id, "rice": rice}


def _open(office, **kw):
    return cs.open_case(office["worker"], cs.CaseInput(
        office["household"], "老人住院后医药费负担重，情绪低落", source="visit",
        need_id=office["need"], opened_on=TODAY - 40 * DAY, **kw))


def test_a_case_from_intake_to_follow_up(office):
    worker = office["worker"]
    case = _open(office)
    assert case.social_worker_id == worker.staff_id  # the household's worker
    assert Need.get_by_id(office["need"]).status == "case"
    cs.assess(worker, case.id, cs.AssessmentInput(
        assessed_on=TODAY - 38 * DAY, living="独居，孙子周末回来", health="高血压，术后恢复期",
        medication="每日服降压药", self_care="基本自理", emotion="情绪低落，担心费用",
        economy="低保边缘", support="儿子在外务工", needs=["medical", "policy", "counselling"],
        risk="medium"))
    cs.save_plan(worker, case.id, cs.PlanInput(
        "协助申请临时救助；每两周探访一次，疏导情绪",
        [cs.ActionInput("准备临时救助申请材料", "黄海燕", TODAY - 30 * DAY),
         cs.ActionInput("链接卫生院上门随访", "卫生院", TODAY - 20 * DAY)],
        partners="社区民政专干\n镇卫生院", made_on=TODAY - 37 * DAY))
    first = cs.add_record(worker, case.id, cs.RecordInput(
        "入户面谈，协助填写临时救助申请表", served_on=TODAY - 35 * DAY, kind="home_visit",
        minutes=60, goods=[stock.OutLine(office["rice"], 2)]))
    cs.add_record(worker, case.id, cs.RecordInput(
        "更正：上次面谈时长为 90 分钟", served_on=TODAY - 34 * DAY, kind="other",
        corrects_id=first.id))
    referral = cs.refer(worker, case.id, "镇社会事务办", "临时救助审批", TODAY - 33 * DAY)
    cs.update_referral(worker, referral.id, "resolved", "已批准临时救助 3000 元")
    cs.set_stage(worker, case.id, "evaluation")
    cs.close_case(worker, case.id, cs.CloseInput(
        "目标达成", "met", "临时救助已到位，情绪好转", "早些链接医疗资源会更好",
        closed_on=TODAY - 2 * DAY))
    detail = cs.get_case(worker, case.id)
    assert detail.case.status == "closed" and detail.case.risk == "medium"
    assert [f.due_on for f in detail.follow_ups] == [
        cs._add_months(TODAY - 2 * DAY, 1), cs._add_months(TODAY - 2 * DAY, 3)]
    assert detail.corrected == {first.id}
    assert [e.kind for e in detail.timeline] == ["opened", "assessment", "plan", "record",
                                                 "record", "referral", "closed", "follow_up",
                                                 "follow_up"]
    assert {r.item_id: r.on_hand for r in stock.overview(office["head"])}[office["rice"]] == 8
    # the follow-up falls due a month later
    later = TODAY + 40 * DAY
    due = cs.list_cases(worker, cs.CaseQuery(status="all", due_only=True), on=later)
    assert [(r.id, r.due) for r in due] == [(case.id, "follow_up")]
    cs.record_follow_up(worker, detail.follow_ups[0].id, "电话回访：已出院，情况稳定")
    assert cs.get_case(worker, case.id).case.follow_up_on == detail.follow_ups[1].due_on
    with pytest.raises(ValidationError) as bad:
        cs.add_record(worker, case.id, cs.RecordInput("再次入户"))
    assert bad.value.code == "case_closed"


def test_only_the_cases_worker_and_the_head_read_it_and_each_reading_is_audited(office):
    case = _open(office)
    for actor in (office["other"], office["desk"]):
        for call in (lambda a: cs.get_case(a, case.id),
                     lambda a: cs.add_record(a, case.id, cs.RecordInput("x")),
                     lambda a: cs.assess(a, case.id, cs.AssessmentInput(health="x", risk="low")),
                     lambda a: cs.close_case(a, case.id, cs.CloseInput("x", summary="x"))):
            with pytest.raises(PermissionDenied):
                call(actor)
        assert case.id not in [r.id for r in cs.list_cases(actor, cs.CaseQuery(status="all"))] \
            if actor.role != "front_desk" else True
    with pytest.raises(PermissionDenied):
        cs.list_cases(office["desk"])
    before = AuditLog.select().where(AuditLog.action == "reveal").count()
    cs.get_case(office["head"], case.id)
    cs.get_case(office["worker"], case.id)
    assert AuditLog.select().where(AuditLog.action == "reveal").count() == before + 2
    assert [r.id for r in cs.list_cases(office["head"])] == [case.id]
    cs.transfer_case(office["head"], case.id, office["other"].staff_id, "黄海燕调岗")
    with pytest.raises(PermissionDenied):
        cs.get_case(office["worker"], case.id)
    assert cs.get_case(office["other"], case.id).case.social_worker == "李志强"


def test_bad_input_and_a_second_open_case(office):
    worker = office["worker"]
    case = _open(office)
    with pytest.raises(ValidationError) as bad:
        _open(office)
    assert bad.value.code == "case_open_already"
    with pytest.raises(ValidationError) as bad:
        cs.assess(worker, case.id, cs.AssessmentInput(risk="medium"))
    assert bad.value.code == "case_assessment_empty"
    with pytest.raises(ValidationError) as bad:
        cs.add_record(worker, case.id, cs.RecordInput("面谈", served_on=TODAY + DAY))
    assert bad.value.code == "date_in_future"
    with pytest.raises(ValidationError) as bad:  # more rice than there is: nothing written
        cs.add_record(worker, case.id, cs.RecordInput("送米", goods=[stock.OutLine(
            office["rice"], 50)]))
    assert bad.value.code == "stock_short"
    assert cs.get_case(worker, case.id).records == ()
    with pytest.raises(ValidationError) as bad:
        cs.close_case(worker, case.id, cs.CloseInput("目标达成", summary=""))
    assert bad.value.code == "required"
    with pytest.raises(PermissionDenied):  # a worker opens cases for themself only
        cs.open_case(worker, cs.CaseInput(office["household"], "x", member_id=None,
                                          social_worker_id=office["other"].staff_id))


def test_quiet_cases_are_due_and_the_list_filters(office):
    worker = office["worker"]
    case = _open(office, risk="high")
    rows = cs.list_cases(worker, cs.CaseQuery(due_only=True))
    assert [(r.id, r.due) for r in rows] == [(case.id, "quiet")]  # 40 days, no service
    cs.add_record(worker, case.id, cs.RecordInput("电话联系", kind="phone", minutes=10))
    assert cs.list_cases(worker, cs.CaseQuery(due_only=True)) == []
    assert [r.id for r in cs.list_cases(worker, cs.CaseQuery(risk="high"))] == [case.id]
    assert cs.list_cases(worker, cs.CaseQuery(risk="low")) == []
    assert [r.id for r in cs.list_cases(worker, cs.CaseQuery(text="医药费"))] == [case.id]


def test_hotline_calls_are_logged_with_their_need_and_counted(office):
    desk = office["desk"]
    matches = cs.match_caller(desk, "5678")
    assert [(m.household_id, m.name) for m in matches] == [(office["household"], "王*英")]
    at = now().replace(hour=22, minute=15, second=0, microsecond=0) - dt.timedelta(days=1)
    call = cs.log_call(desk, cs.CallInput(
        "家里暖气坏了，老人怕冷", line="热线一", called_at=at, caller="王秀英",
        caller_phone="13912345678", household_id=office["household"], urgency="urgent",
        action="已通知责任社工明早上门"))
    need = Need.get_by_id(call.need_id)
    assert (need.source, need.urgency, need.household_id) == ("hotline", "urgent",
                                                               office["household"])
    rows = cs.calls(desk, at.date(), at.date())
    assert [(r.caller, r.caller_phone, r.line) for r in rows] == [("王*英", "139****5678",
                                                                   "热线一")]
    # the household (masked for the front desk) and the need's status come with the call
    assert [(r.household, r.need_status) for r in rows] == [("王*英", "new")]
    assert [(r.household, r.need_status) for r in cs.calls(office["head"], at.date(),
                                                           at.date())] == [("王秀英", "new")]
    with pytest.raises(ValidationError):
        cs.log_call(desk, cs.CallInput(""))
    figures = cs.figures(office["head"], at.year, at.month)
    assert dict(figures.calls_by_line) == {"热线一": 1}
    assert dict(figures.calls_by_hour) == {22: 1}


def test_month_figures_count_cases_and_records(office):
    worker = office["worker"]
    case = _open(office)
    cs.add_record(worker, case.id, cs.RecordInput("面谈", minutes=45))
    figures = cs.figures(office["head"], TODAY.year, TODAY.month)
    by_worker = {line.key: line for line in figures.by_worker}
    line = by_worker[Staff.get_by_id(worker.staff_id).name]
    assert (line.active, line.records, line.minutes) == (1, 1, 45)
    assert {line.key for line in figures.by_village} == {"麻车村"}
    with pytest.raises(PermissionDenied):
        cs.figures(office["desk"], TODAY.year, TODAY.month)


def test_the_needs_log_lists_every_channel_and_filters(office):
    head, desk, worker = office["head"], office["desk"], office["worker"]
    call = cs.log_call(desk, cs.CallInput("夜里摔倒，想要上门看看", line="12345",
                                          caller="王秀英", caller_phone="13912345678",
                                          household_id=office["household"], urgency="urgent"))
    stranger = cs.log_call(desk, cs.CallInput("问临时救助怎么申请", caller="路人甲"))
    rows = cs.needs_log(worker, TODAY - 7 * DAY, TODAY)
    by_id = {r.id: r for r in rows}
    assert set(by_id) == {office["need"], call.need_id, stranger.need_id}
    assert by_id[call.need_id].household == "王秀英" and by_id[call.need_id].call_id == call.id
    assert by_id[call.need_id].village == "麻车村" and by_id[call.need_id].source == "hotline"
    assert by_id[stranger.need_id].household == "路人甲"  # no household: the caller
    assert by_id[stranger.need_id].household_id is None
    assert [r.id for r in cs.needs_log(head, TODAY - 7 * DAY, TODAY, urgency="urgent")] == [
        call.need_id]
    assert [r.id for r in cs.needs_log(head, TODAY - 7 * DAY, TODAY, source="visit")] == [
        office["need"]]
    hh.update_need(head, call.need_id, status="resolved", follow_up="已上门")
    assert [r.id for r in cs.needs_log(head, TODAY - 7 * DAY, TODAY, status="resolved")] == [
        call.need_id]
    assert cs.needs_log(head, TODAY + DAY, TODAY + 2 * DAY) == []
    with pytest.raises(ValidationError):
        cs.needs_log(head, TODAY, TODAY, status="lost")
    with pytest.raises(PermissionDenied):
        cs.needs_log(desk, TODAY - 7 * DAY, TODAY)


def test_a_case_is_not_closed_before_its_last_service(office):
    worker = office["worker"]
    case = _open(office)
    cs.add_record(worker, case.id, cs.RecordInput("面谈", served_on=TODAY - 3 * DAY))
    with pytest.raises(ValidationError) as bad:
        cs.close_case(worker, case.id, cs.CloseInput("目标达成", summary="好转",
                                                     closed_on=TODAY - 5 * DAY))
    assert bad.value.code == "case_closed_before_service"


def test_review_rules_dates_needs_members_and_the_command_line(office):
    from station_desk.core.roles import CLI_ACTOR

    worker = office["worker"]
    case = _open(office)
    with pytest.raises(PermissionDenied):  # nobody signed in: no case notes
        cs.get_case(CLI_ACTOR, case.id)
    with pytest.raises(PermissionDenied):
        cs.list_cases(CLI_ACTOR)
    with pytest.raises(ValidationError) as bad:
        cs.add_record(worker, case.id, cs.RecordInput("面谈", served_on=TODAY - 400 * DAY))
    assert bad.value.code == "case_before_opened"
    with pytest.raises(ValidationError) as bad:
        cs.add_record(worker, case.id, cs.RecordInput("面谈", minutes="半小时"))
    assert bad.value.code == "not_a_number"
    other_need = hh.record_need(office["head"], hh.create_household(
        office["head"], hh.HouseholdInput("李四", Village.get(Village.name == "麻车村").id),
        [hh.MemberInput("李四")]).id, "需要轮椅").id
    with pytest.raises(ValidationError) as bad:
        cs.open_case(worker, cs.CaseInput(office["household"], "x", member_id=_grandson(),
                                          need_id=other_need))
    assert bad.value.code == "case_need_unfit"
    child = cs.open_case(worker, cs.CaseInput(office["household"], "孙子厌学",
                                              member_id=_grandson()))
    with pytest.raises(ValidationError) as bad:
        hh.delete_member(office["head"], _grandson(), "录错")
    assert bad.value.code == "member_has_case"
    # a corrected record doesn't count twice
    first = cs.add_record(worker, child.id, cs.RecordInput("面谈", minutes=60))
    cs.add_record(worker, child.id, cs.RecordInput("更正：面谈 45 分钟", minutes=45,
                                                   corrects_id=first.id))
    line = {x.key: x for x in cs.figures(office["head"], TODAY.year, TODAY.month).by_worker}
    assert line[Staff.get_by_id(worker.staff_id).name].minutes == 45
    assert [r.id for r in cs.list_cases(worker, cs.CaseQuery(text="%"))] == []  # literal %


def _grandson():
    from station_desk.core.models import Member

    return Member.get(Member.name == "王小军").id


def test_a_correction_can_take_back_the_goods_it_corrects(office):
    worker = office["worker"]
    case = _open(office)

    def on_hand():
        return next(r.on_hand for r in stock.overview(worker) if r.item_id == office["rice"])

    given = cs.add_record(worker, case.id, cs.RecordInput(
        "送米两袋", served_on=TODAY - 10 * DAY, goods=[stock.OutLine(office["rice"], 2)]))
    plain = cs.add_record(worker, case.id, cs.RecordInput("电话回访", kind="phone"))
    assert on_hand() == 8
    with pytest.raises(ValidationError) as bad:  # nothing to take back
        cs.add_record(worker, case.id, cs.RecordInput("更正", corrects_id=plain.id,
                                                      reverse_goods=True))
    assert bad.value.code == "case_no_goods_to_reverse"
    with pytest.raises(ValidationError) as bad:  # only a correction takes goods back
        cs.add_record(worker, case.id, cs.RecordInput("更正", reverse_goods=True))
    assert bad.value.code == "case_no_goods_to_reverse"
    fixed = cs.add_record(worker, case.id, cs.RecordInput(
        "更正：米未送出，老人已领过", corrects_id=given.id, reverse_goods=True))
    assert on_hand() == 10 and fixed.voucher_id is None
    # one correction each: the refused second one leaves nothing behind
    with pytest.raises(ValidationError) as bad:
        cs.add_record(worker, case.id, cs.RecordInput("再更正", corrects_id=given.id,
                                                      reverse_goods=True))
    assert bad.value.code == "case_record_corrected"
    assert len(cs.get_case(worker, case.id).records) == 3 and on_hand() == 10
    # correcting the correction may hand out the right goods instead
    cs.add_record(worker, case.id, cs.RecordInput(
        "更正：应为一袋", corrects_id=fixed.id, goods=[stock.OutLine(office["rice"], 1)]))
    assert on_hand() == 9


def test_dates_and_fields_are_checked_with_their_own_names(office):
    worker = office["worker"]
    case = _open(office)  # opened 40 days ago
    with pytest.raises(ValidationError) as bad:
        cs.assess(worker, case.id, cs.AssessmentInput(living="独居"))
    assert (bad.value.code, bad.value.params["field"]) == ("required", "risk")
    with pytest.raises(ValidationError) as bad:
        cs.add_record(worker, case.id, cs.RecordInput(" "))
    assert bad.value.params["field"] == "record_content"
    with pytest.raises(ValidationError) as bad:  # an action due before the case was opened
        cs.save_plan(worker, case.id, cs.PlanInput(
            "探访", [cs.ActionInput("申请救助", "社工", TODAY - 60 * DAY)]))
    assert bad.value.code == "case_before_opened"
    referral = cs.refer(worker, case.id, "区残联", "辅具", TODAY - 10 * DAY)
    with pytest.raises(ValidationError) as bad:  # answered before it was referred
        cs.update_referral(worker, referral.id, "accepted", "受理", on=TODAY - 20 * DAY)
    assert bad.value.code == "case_answer_before_referral"
    first = cs.add_record(worker, case.id, cs.RecordInput("面谈", minutes=30))
    cs.add_record(worker, case.id, cs.RecordInput("更正：面谈 40 分钟", minutes=40,
                                                  corrects_id=first.id))
    with pytest.raises(ValidationError) as bad:  # one correction each
        cs.add_record(worker, case.id, cs.RecordInput("再更正", corrects_id=first.id))
    assert bad.value.code == "case_record_corrected"


def test_a_callers_need_goes_on_the_household_it_turns_out_to_be(office):
    desk, worker = office["desk"], office["worker"]
    call = cs.log_call(desk, cs.CallInput("想要助行器", caller="王阿姨"))
    need = Need.get_by_id(call.need_id)
    assert need.household_id is None
    hh.update_need(worker, need.id, status="resource", follow_up="爱心企业捐赠",
                   household_id=office["household"])
    need = Need.get_by_id(call.need_id)
    assert (need.household_id, need.status, need.resolved_on) == (
        office["household"], "resource", TODAY)
    row = next(r for r in cs.needs_log(worker, TODAY, TODAY) if r.id == need.id)
    assert row.logged_by == desk.name and row.called_at.startswith(TODAY.isoformat())
    other = hh.create_household(office["head"], hh.HouseholdInput(
        "李桂兰", Village.get(Village.name == "麻车村").id, registered_on=TODAY),
        [hh.MemberInput("李桂兰", birthdate=dt.date(1940, 1, 1))])
    with pytest.raises(ValidationError) as bad:  # on a file already: not moved
        hh.update_need(worker, need.id, status="resource", household_id=other.id)
    assert bad.value.code == "need_has_household"
