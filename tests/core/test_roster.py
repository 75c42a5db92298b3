"""The roster: templates, series, the clash / capacity / skill checks, swap, replace, copy."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk import messages
from station_desk.core.clock import stamp
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import Assignment, AttendanceEvent, AuditLog, Shift
from station_desk.core.services import roster
from station_desk.core.services import volunteers as vs

MONDAY = dt.date(2026, 11, 23)


@pytest.fixture
def people(head):
    medic = next(s for s in vs.list_skills(head) if s.name == "医疗")  # seeded
    made = {}
    for name, skills in (("陈秀英", [medic.id]), ("李四", []), ("王五", []), ("赵六", [])):
        made[name] = vs.create_volunteer(head, vs.VolunteerInput(name, skill_ids=skills)).id
    made["medic"] = medic.id
    return made


def _shift(head, name="前台值班", day=MONDAY, start="08:00", end="12:00", capacity=2, **kw):
    return roster.add_shift(head, name=name, kind="front_desk", day=day, start_time=start,
                            end_time=end, capacity=capacity, **kw).id


def _refusal(call) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


def test_clash_is_refused_naming_the_other_shift(head, people):
    morning = _shift(head, "前台值班", start="08:00", end="12:00")
    overlapping = _shift(head, "热线值守", start="11:00", end="14:00")
    afternoon = _shift(head, "入户探访", start="12:00", end="17:00")  # touching is no clash
    roster.assign(head, morning, people["李四"])
    error = _refusal(lambda: roster.assign(head, overlapping, people["李四"]))
    assert error.code == "roster_clash"
    assert error.params["shift"] == "前台值班" and error.params["time"] == "08:00-12:00"
    assert "前台值班" in messages.describe_error(error, "zh")
    assert roster.assign(head, afternoon, people["李四"]).warnings == []
    # the next day is no clash either; a cancelled assignment holds no place
    assert roster.assign(head, _shift(head, day=MONDAY + dt.timedelta(days=1)), people["李四"])
    early = _shift(head, "早班", start="07:00", end="09:00")
    assert _refusal(lambda: roster.assign(head, early, people["李四"])).code == "roster_clash"
    roster.cancel_assignment(head, Assignment.get(Assignment.shift == morning).id)
    roster.assign(head, early, people["李四"])


def test_capacity_and_inactive_and_twice(head, people):
    shift = _shift(head, capacity=2)
    roster.assign(head, shift, people["李四"])
    assert _refusal(lambda: roster.assign(head, shift, people["李四"])).code == "roster_already_assigned"
    roster.assign(head, shift, people["王五"])
    error = _refusal(lambda: roster.assign(head, shift, people["赵六"]))
    assert error.code == "roster_full" and error.params["capacity"] == 2
    detail = vs.get_volunteer(head, people["陈秀英"])
    vs.update_volunteer(head, detail.id, vs.VolunteerInput("陈秀英", phone=None, id_number=None,
                                                           status="paused"))
    other = _shift(head, "热线", start="14:00", end="17:00")
    assert _refusal(lambda: roster.assign(head, other, people["陈秀英"])).code == \
        "roster_volunteer_inactive"
    assert Assignment.select().count() == 2


def test_missing_skill_is_allowed_with_a_warning(head, people):
    shift = _shift(head, "义诊", skill_id=people["medic"])
    assert roster.assign(head, shift, people["陈秀英"]).warnings == []
    result = roster.assign(head, shift, people["李四"])
    assert [w.code for w in result.warnings] == ["roster_skill_missing"]
    assert result.warnings[0].params["skill"] == "医疗"
    assert Assignment.get_by_id(result.assignment_id).status == "planned"
    assert roster.check_assignment(head, _shift(head, "义诊", day=MONDAY + dt.timedelta(days=2),
                                                skill_id=people["medic"]),
                                   people["王五"])[0].code == "roster_skill_missing"


def test_template_checks(head):
    def save(**kw):
        values = dict(name="前台", kind="front_desk", start_time="08:00", end_time="12:00")
        values.update(kw)
        return roster.save_template(head, **values)

    assert _refusal(lambda: save(start_time="8点")).code == "roster_bad_time"
    assert _refusal(lambda: save(start_time="12:00", end_time="08:00")).code == "roster_end_before_start"
    assert _refusal(lambda: save(weekdays="1,8")).code == "roster_bad_weekdays"
    assert _refusal(lambda: save(capacity=0)).code == "roster_bad_capacity"
    assert _refusal(lambda: save(kind="party")).code == "bad_choice"
    template = save(start_time="8:30", weekdays="5，1 3", end_time="24:00")
    assert (template.start_time, template.end_time, template.weekdays) == ("08:30", "24:00", "1,3,5")


def test_series_is_idempotent(head):
    template = roster.save_template(head, name="前台值班", kind="front_desk", weekdays=(1, 2, 3, 4, 5),
                                    start_time="08:00", end_time="12:00", capacity=2)
    # any day of the week starts from its Monday
    assert roster.generate_series(head, template.id, MONDAY + dt.timedelta(days=3), 4) == 20
    assert roster.generate_series(head, template.id, MONDAY, 4) == 0
    assert roster.generate_series(head, template.id, MONDAY, 5) == 5
    days = [s.day for s in Shift.select().order_by(Shift.day)]
    assert days[0] == MONDAY and len(set(days)) == 25
    assert all(d.isoweekday() <= 5 for d in days)
    assert _refusal(lambda: roster.generate_series(head, template.id, MONDAY, 0)).code == "roster_bad_weeks"
    roster.deactivate_template(head, template.id)
    assert roster.list_templates(head) == []
    assert _refusal(lambda: roster.generate_series(head, template.id, MONDAY, 1)).code == \
        "roster_template_inactive"


def test_copy_week_copies_assignments_and_reports_clashes(head, people):
    template = roster.save_template(head, name="前台值班", kind="front_desk", weekdays="1,2",
                                    start_time="08:00", end_time="12:00", capacity=2)
    roster.generate_series(head, template.id, MONDAY, 1)
    first = Shift.get((Shift.day == MONDAY) & (Shift.template == template.id)).id
    second = Shift.get(Shift.day == MONDAY + dt.timedelta(days=1)).id
    roster.assign(head, first, people["李四"])
    roster.assign(head, first, people["王五"])
    cancelled = roster.assign(head, second, people["赵六"]).assignment_id
    roster.cancel_assignment(head, cancelled)
    next_monday = MONDAY + dt.timedelta(days=7)
    # 王五 already holds an overlapping activity next Monday: that copy is skipped
    roster.assign(head, _shift(head, "重阳活动", day=next_monday, start="09:00", end="11:00"),
                  people["王五"])
    result = roster.copy_week(head, MONDAY, next_monday)
    assert (result.shifts, result.assignments) == (2, 1)
    assert [(s.name, s.code) for s in result.skipped] == [("王五", "roster_clash")]
    view = roster.week(head, next_monday)
    row = next(r for r in view.rows if r.name == "前台值班")
    assert [p.name for p in row.cells[0].people] == ["李四"]
    assert row.cells[1].people == ()  # the cancelled one is not copied
    again = roster.copy_week(head, MONDAY, next_monday)  # nothing twice
    assert (again.shifts, again.assignments) == (0, 0)
    assert _refusal(lambda: roster.copy_week(head, MONDAY, MONDAY)).code == "roster_copy_same_week"


def test_swap_and_replace(head, people):
    morning = _shift(head, "前台值班", start="08:00", end="12:00", capacity=1)
    evening = _shift(head, "热线值守", start="18:00", end="21:00", skill_id=people["medic"])
    a = roster.assign(head, morning, people["陈秀英"]).assignment_id
    b = roster.assign(head, evening, people["李四"]).assignment_id
    warnings = roster.swap(head, a, b)
    assert Assignment.get_by_id(a).volunteer_id == people["李四"]
    assert Assignment.get_by_id(b).volunteer_id == people["陈秀英"]
    assert warnings == []  # 陈秀英 has the skill the evening shift needs
    # replace keeps the place (a full shift takes a replacement) but checks clashes
    overlapping = _shift(head, "入户探访", start="10:00", end="11:00")
    roster.assign(head, overlapping, people["王五"])
    assert _refusal(lambda: roster.replace(head, a, people["王五"])).code == "roster_clash"
    roster.replace(head, a, people["赵六"])
    assert Assignment.get_by_id(a).volunteer_id == people["赵六"]
    result = roster.replace(head, b, people["李四"])
    assert [w.code for w in result.warnings] == ["roster_skill_missing"]
    assert _refusal(lambda: roster.swap(head, a, a)).code == "roster_swap_same"
    # a volunteer who held the place before and was cancelled may come back by a replace
    roster.replace(head, a, people["陈秀英"])
    roster.replace(head, a, people["赵六"])
    assert AuditLog.select().where(AuditLog.table_name == "assignment").count() >= 6


def test_week_view_and_unfilled(head, people):
    full = _shift(head, capacity=1)
    _shift(head, day=MONDAY + dt.timedelta(days=2), capacity=3)
    _shift(head, "热线", start="14:00", end="17:00")
    _shift(head, day=MONDAY + dt.timedelta(days=7))  # next week: not in this view
    roster.assign(head, full, people["李四"])
    view = roster.week(head, MONDAY + dt.timedelta(days=4))
    assert view.monday == MONDAY and len(view.days) == 7
    assert [(r.name, r.start_time) for r in view.rows] == [("前台值班", "08:00"), ("热线", "14:00")]
    desk = view.rows[0]
    assert desk.cells[0].full and desk.cells[0].assigned == 1
    assert desk.cells[1] is None and desk.cells[2].capacity == 3
    gaps = roster.unfilled(head, MONDAY, MONDAY + dt.timedelta(days=6))
    assert [(c.day.weekday(), c.name) for c in gaps] == [(0, "热线"), (2, "前台值班")]


def test_delete_shift_refused_with_attendance(head, people):
    shift = _shift(head)
    roster.assign(head, shift, people["李四"])
    AttendanceEvent.create(volunteer=people["李四"], kind="sign_in", at=stamp(), shift=shift,
                           recorded_at=stamp())
    assert _refusal(lambda: roster.delete_shift(head, shift)).code == "roster_shift_has_attendance"
    other = _shift(head, "热线", start="14:00", end="17:00")
    roster.assign(head, other, people["王五"])
    roster.delete_shift(head, other)
    assert Shift.get_or_none(Shift.id == other) is None and Assignment.select().count() == 1


def test_readers_need_a_role(staff_actors, people):
    with pytest.raises(PermissionDenied):
        roster.week(staff_actors["kiosk"], MONDAY)
    assert roster.week(staff_actors["front_desk"], MONDAY).rows == []
