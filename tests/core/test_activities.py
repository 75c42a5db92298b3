"""Activities and projects: plan, sign up from the registry, volunteers on the activity's shift
(their hours from attendance), who came and the head count, goods out of stock to it, cards
handed out as distributions; a project's progress from its activities and cases; the year's
figures by kind, month and village."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core.clock import today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import Activity, ItemCategory, Shift, Village
from station_desk.core.services import activities as act
from station_desk.core.services import attendance, stock
from station_desk.core.services import cases as cs
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import policies as pol
from station_desk.core.services import volunteers as vs

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def town(staff_actors):
    """Two households in 麻车村 and one in 沙头村, two volunteers, rice and oil in stock."""
    head = staff_actors["head"]
    macun = Village.get(Village.name == "麻车村").id
    shatou = Village.get(Village.name == "沙头村").id
    wang = hh.create_household(head, hh.HouseholdInput("王秀英", macun, registered_on=TODAY - 400 * DAY),
                               [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
                                hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    li = hh.create_household(head, hh.HouseholdInput("李桂兰", macun, registered_on=TODAY - 400 * DAY),
                             [hh.MemberInput("李桂兰", birthdate=dt.date(1940, 1, 1))])
    chen = hh.create_household(head, hh.HouseholdInput("陈大山", shatou,
                                                       registered_on=TODAY - 400 * DAY),
                               [hh.MemberInput("陈大山", birthdate=dt.date(1950, 3, 1))])
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, value_fen=5000,
                                             value_from=TODAY - 400 * DAY)).id
    stock.receive(head, "purchase", TODAY - 60 * DAY, [stock.InLine(rice, 10)], recipient="超市")
    v1 = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13800001111")).id
    v2 = vs.create_volunteer(head, vs.VolunteerInput("刘志明", phone="13800002222")).id
    return {**staff_actors, "macun": macun, "shatou": shatou, "wang": wang.id, "li": li.id,
            "chen": chen.id, "rice": rice, "v1": v1, "v2": v2,
            "grandson": next(m.id for m in wang.members if m.name == "王小军")}


def _on_hand(actor, item):
    return next(r.on_hand for r in stock.overview(actor) if r.item_id == item)


def _activity(actor, town, **kw):
    data = dict(title="长者健康讲座", kind="community", held_on=TODAY - 2 * DAY,
                start_time="09:00", end_time="11:30", place="麻车村文化室",
                village_id=town["macun"], theme="冬季防跌倒")
    data.update(kw)
    return act.save_activity(actor, act.ActivityInput(**data))


def test_an_activity_from_plan_to_held(town):
    worker = town["social_worker"]
    row = _activity(worker, town)
    assert row.organiser == worker.name and row.status == "planned"
    assert act.add_participants(worker, row.id, [(town["wang"], None), (town["li"], None),
                                                 (town["wang"], town["grandson"])]) == 3
    assert act.add_participants(worker, row.id, [(town["wang"], None)]) == 0  # already there
    assert act.set_volunteers(worker, row.id, [town["v1"], town["v2"]]) == []
    shift = Shift.get_by_id(Activity.get_by_id(row.id).shift_id)
    assert (shift.kind, shift.day, shift.start_time) == ("activity", TODAY - 2 * DAY, "09:00")
    detail = act.get_activity(worker, row.id)
    came = [p.id for p in detail.participants if p.name in ("王秀英", "王小军")]
    act.record_attendance(worker, row.id, act.AttendanceInput(
        came=came, walk_ins=[(town["chen"], None)], extra_count=12,
        volunteers_came=[town["v1"]], summary="讲解防跌倒，发放防滑垫"))
    # the volunteer's hours are in the hours ledger like any shift's
    hours = {h.key: h for h in attendance.hours_summary(worker, TODAY - 7 * DAY, TODAY)}
    assert hours["陈秀英"].hours == 2.5 and "刘志明" not in hours
    # goods used leave stock to the activity; cards handed out are distributions
    act.use_goods(worker, row.id, [stock.OutLine(town["rice"], 3)])
    assert _on_hand(worker, town["rice"]) == 7
    version = pol.find_version(worker, "低保")
    act.hand_out_cards(worker, row.id, version.id, 40)
    detail = act.get_activity(worker, row.id)
    assert detail.activity.status == "held" and detail.came == 3
    assert [(h.name, h.came, h.hours) for h in detail.volunteers] == [
        ("刘志明", False, 0.0), ("陈秀英", True, 2.5)]
    assert [(g.item, g.quantity, g.value_fen) for g in detail.goods] == [("大米", 3, 15000)]
    assert [(c.quantity, c.village) for c in detail.cards] == [(40, "麻车村")]
    listed = act.list_activities(worker)[0]
    assert (listed.signed_up, listed.came, listed.person_times, listed.volunteers) == (
        4, 3, 15, 2)
    # entering it again corrects the list; the volunteer's hours are not typed twice
    act.record_attendance(worker, row.id, act.AttendanceInput(
        came=came[:1], extra_count=10, volunteers_came=[town["v1"], town["v2"]]))
    hours = {h.key: h for h in attendance.hours_summary(worker, TODAY - 7 * DAY, TODAY)}
    assert hours["陈秀英"].person_times == 1 and hours["刘志明"].hours == 2.5
    assert act.list_activities(worker)[0].came == 1
    # held: it can't be cancelled any more
    with pytest.raises(ValidationError) as bad:
        act.cancel_activity(worker, row.id, "下雨")
    assert bad.value.code == "activity_cancel_held"


def test_bad_input_and_who_may(town):
    worker, desk = town["social_worker"], town["front_desk"]
    with pytest.raises(ValidationError) as bad:
        _activity(worker, town, kind="party")
    assert bad.value.code == "bad_choice"
    with pytest.raises(ValidationError) as bad:
        _activity(worker, town, start_time="11:00", end_time="09:00")
    assert bad.value.code == "roster_end_before_start"
    with pytest.raises(ValidationError) as bad:
        _activity(worker, town, title=" ")
    assert bad.value.code == "required"
    coming = _activity(worker, town, held_on=TODAY + 3 * DAY)
    with pytest.raises(ValidationError) as bad:  # who came, only from the day
        act.record_attendance(worker, coming.id, act.AttendanceInput(extra_count=3))
    assert bad.value.code == "activity_not_yet"
    with pytest.raises(ValidationError) as bad:  # a member of another household
        act.add_participants(worker, coming.id, [(town["li"], town["grandson"])])
    assert bad.value.code == "member_not_of_household"
    with pytest.raises(ValidationError) as bad:  # more rice than there is: nothing out
        act.use_goods(worker, coming.id, [stock.OutLine(town["rice"], 50)])
    assert bad.value.code == "stock_short" and _on_hand(worker, town["rice"]) == 10
    with pytest.raises(PermissionDenied):
        _activity(desk, town)
    assert [r.id for r in act.list_activities(desk)] == [coming.id]  # the front desk sees
    assert act.get_activity(desk, coming.id).participants == ()  # ... but not who
    act.set_volunteers(worker, coming.id, [town["v1"]])
    act.cancel_activity(worker, coming.id, "下雨改期")
    assert Activity.get_by_id(coming.id).status == "cancelled"
    from station_desk.core.models import Assignment

    assert Assignment.select().count() == 0  # off the roster, with its shift
    with pytest.raises(ValidationError) as bad:
        act.add_participants(worker, coming.id, [(town["li"], None)])
    assert bad.value.code == "activity_cancelled"


def test_a_project_measured_against_its_targets(town):
    head, worker = town["head"], town["social_worker"]
    project = act.save_project(head, act.ProjectInput(
        "喘息服务项目", TODAY - 200 * DAY, TODAY + 165 * DAY, funder="政府购买服务",
        target_groups="重度残疾人家庭", target_families=4, target_person_times=40,
        target_services=10, target_value_fen=100_000))
    with pytest.raises(ValidationError) as bad:
        act.save_project(head, act.ProjectInput("喘息服务项目", TODAY, TODAY))
    assert bad.value.code == "duplicate"
    with pytest.raises(ValidationError) as bad:
        act.save_project(head, act.ProjectInput("倒过来", TODAY, TODAY - DAY))
    assert bad.value.code == "end_before_start"
    with pytest.raises(PermissionDenied):
        act.save_project(worker, act.ProjectInput("社工自建", TODAY, TODAY))
    with pytest.raises(ValidationError) as bad:
        _activity(worker, town, project_id=project.id, held_on=TODAY - 300 * DAY)
    assert bad.value.code == "activity_outside_project"
    first = _activity(worker, town, project_id=project.id, held_on=TODAY - 30 * DAY)
    act.add_participants(worker, first.id, [(town["wang"], None), (town["li"], None)])
    act.set_volunteers(worker, first.id, [town["v1"]])
    act.record_attendance(worker, first.id, act.AttendanceInput(
        came=[p.id for p in act.get_activity(worker, first.id).participants], extra_count=5,
        volunteers_came=[town["v1"]]))
    act.use_goods(worker, first.id, [stock.OutLine(town["rice"], 2)])
    _activity(worker, town, project_id=project.id, title="还没办的", held_on=TODAY + 5 * DAY)
    case = cs.open_case(worker, cs.CaseInput(town["chen"], "照护压力大", opened_on=TODAY - 20 * DAY))
    act.link_case(worker, project.id, case.id)
    first_record = cs.add_record(worker, case.id, cs.RecordInput(
        "上门喘息服务", served_on=TODAY - 10 * DAY, goods=[stock.OutLine(town["rice"], 1)]))
    cs.add_record(worker, case.id, cs.RecordInput("电话回访", kind="phone"))
    cs.add_record(worker, case.id, cs.RecordInput("更正", corrects_id=first_record.id))
    with pytest.raises(PermissionDenied):  # another worker's case can't be put on a project
        act.link_case(town["front_desk"], project.id, case.id)
    progress = act.project_progress(head, project.id)
    assert progress.activities == 1 and progress.participants == 7
    assert progress.families == 3  # 王, 李 came; 陈's case
    assert progress.records == 1  # the corrected record and its correction don't count
    assert progress.services == 2 and progress.cases == 1
    assert progress.value_fen == 2 * 5000 + 5000
    assert (progress.volunteer_times, progress.volunteer_hours) == (1, 2.5)
    assert progress.percent(progress.families, project.target_families) == 75
    assert len(progress.activity_rows) == 2
    # at an earlier date the case's records weren't there yet
    assert act.project_progress(head, project.id, on=TODAY - 15 * DAY).records == 0
    act.set_project_status(head, project.id, "closed")
    assert [p.name for p in act.list_projects(head, include_closed=False)] == []


def test_year_figures_by_kind_month_and_village(town):
    worker = town["social_worker"]
    year = TODAY.year
    day = dt.date(year, 1, 15) if TODAY >= dt.date(year, 1, 20) else TODAY
    talk = _activity(worker, town, held_on=day)
    act.add_participants(worker, talk.id, [(town["wang"], None), (town["chen"], None)])
    act.record_attendance(worker, talk.id, act.AttendanceInput(
        came=[p.id for p in act.get_activity(worker, talk.id).participants], extra_count=4))
    group = _activity(worker, town, kind="group", title="儿童成长小组", held_on=day,
                      village_id=town["shatou"])
    act.add_participants(worker, group.id, [(town["wang"], town["grandson"])])
    act.record_attendance(worker, group.id, act.AttendanceInput(
        came=[p.id for p in act.get_activity(worker, group.id).participants]))
    _activity(worker, town, title="计划中", held_on=day)  # not held: not counted
    figures = act.year_figures(worker, year)
    assert figures.activities == 2 and figures.person_times == 7
    kinds = {f.key: f for f in figures.by_kind}
    assert (kinds["community"].activities, kinds["community"].person_times) == (1, 6)
    assert (kinds["group"].participants, kinds["group"].person_times) == (1, 1)
    villages = {f.key: f for f in figures.by_village}
    # 王's two people came from 麻车村, the head count counts where the talk was
    assert villages["麻车村"].person_times == 2 + 4 and villages["沙头村"].person_times == 1
    assert [f.key for f in figures.by_month] == [day.strftime("%Y-%m")]
    assert act.year_figures(worker, year - 1).activities == 0


def test_held_day_cancelled_shift_and_project_period(town):
    from station_desk.core.models import Shift

    head, worker = town["head"], town["social_worker"]
    held = _activity(worker, town)
    act.record_attendance(worker, held.id, act.AttendanceInput(extra_count=3))
    with pytest.raises(ValidationError) as bad:  # held: its day stays
        act.save_activity(worker, act.ActivityInput(
            "长者健康讲座", "community", TODAY + 5 * DAY, village_id=town["macun"]), held.id)
    assert bad.value.code == "activity_held_day"
    coming = _activity(worker, town, title="改期的讲座", held_on=TODAY + 3 * DAY)
    act.set_volunteers(worker, coming.id, [town["v1"]])
    shift = Activity.get_by_id(coming.id).shift_id
    act.cancel_activity(worker, coming.id, "下雨")
    assert Shift.get_or_none(Shift.id == shift) is None  # off the roster altogether
    project = act.save_project(head, act.ProjectInput("喘息服务", TODAY - 100 * DAY,
                                                      TODAY + 100 * DAY))
    _activity(worker, town, title="项目活动", held_on=TODAY - 50 * DAY, project_id=project.id)
    with pytest.raises(ValidationError) as bad:  # the activity would fall outside
        act.save_project(head, act.ProjectInput("喘息服务", TODAY - 10 * DAY, TODAY + 100 * DAY),
                         project.id)
    assert bad.value.code == "project_activity_outside"
