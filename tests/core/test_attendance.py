"""Front-desk attendance: punches, repeats, forgotten sign-outs, corrections, derived hours."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core.clock import stamp
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import (
    Assignment,
    AttendanceEvent,
    AuditLog,
    CardToken,
    Shift,
    Team,
    Volunteer,
)
from station_desk.core.services import attendance as att

TZ = dt.timezone(dt.timedelta(hours=8))


def at(day: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hh, mm, tzinfo=TZ)


@pytest.fixture
def clock(monkeypatch):
    """The service's clock, moved by the test (corrections check against it)."""
    moment = [at(23, 23)]
    monkeypatch.setattr(att, "now", lambda: moment[0])
    return moment


@pytest.fixture
def kiosk(staff_actors):
    from station_desk.core.models import Staff
    from station_desk.core.services import accounts

    return accounts.actor_for(Staff.get(Staff.role == "kiosk"))


def _volunteer(name="陈秀英", phone="13912345678", status="active", team=None):
    return Volunteer.create(name=name, phone=phone, phone_tail=phone[-4:], status=status,
                            team=team, created_at=stamp(), updated_at=stamp())


def _shift(day=23, start="08:00", end="12:00", name="前台值班"):
    return Shift.create(name=name, kind="front_desk", day=dt.date(2026, 11, day), start_time=start,
                        end_time=end, capacity=2, created_at=stamp())


def _assign(shift, volunteer):
    return Assignment.create(shift=shift, volunteer=volunteer, created_at=stamp(), updated_at=stamp())


def test_tail_lookup_masks_names_and_ignores_inactive(kiosk):
    team = Team.create(name="巾帼志愿服务队")
    a = _volunteer("陈秀英", "13912345678", team=team)
    _volunteer("王五", "13800005678")
    _volunteer("李离开", "13700005678", status="left")
    matches = att.kiosk_matches(kiosk, "5678")
    assert [(m.masked_name, m.team_name) for m in matches] == [("陈*英", "巾帼志愿服务队"), ("王*", "")]
    assert matches[0].volunteer_id == a.id
    assert att.kiosk_matches(kiosk, "0000") == []
    assert att.kiosk_matches(kiosk, "12") == []


def test_sign_in_on_shift_then_sign_out_with_hours(kiosk):
    v = _volunteer()
    shift = _shift()
    _assign(shift, v)
    first = att.punch(kiosk, v.id, at=at(23, 8, 2))
    assert (first.outcome, first.shift.name, first.walk_in, first.name) == ("signed_in", "前台值班", False, "陈*英")
    second = att.punch(kiosk, v.id, at=at(23, 12, 5))
    assert second.outcome == "signed_out" and second.hours == 4.05
    (row,) = att.visits(kiosk_view(kiosk), dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert (row.status, row.hours) == ("normal", 4.05)


def kiosk_view(kiosk):
    """Staff who may read attendance (the kiosk account may not)."""
    from station_desk.core.models import Staff
    from station_desk.core.services import accounts

    return accounts.actor_for(Staff.get(Staff.role == "head"))


def test_a_repeat_within_the_window_is_ignored_not_flipped(kiosk):
    v = _volunteer()
    att.punch(kiosk, v.id, at=at(23, 8, 2))
    again = att.punch(kiosk, v.id, at=at(23, 8, 3))
    assert again.outcome == "ignored"
    assert AttendanceEvent.select().count() == 1
    later = att.punch(kiosk, v.id, at=at(23, 8, 5))
    assert later.outcome == "signed_out"


def test_walk_in_is_recorded_as_such(kiosk):
    v = _volunteer()
    result = att.punch(kiosk, v.id, at=at(23, 9))
    assert result.walk_in and result.shift is None
    assert AttendanceEvent.get().walk_in


def test_late_and_early_statuses(kiosk):
    v = _volunteer()
    _assign(_shift(), v)
    att.punch(kiosk, v.id, at=at(23, 8, 30))
    att.punch(kiosk, v.id, at=at(23, 11, 0))
    (row,) = att.visits(kiosk_view(kiosk), dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert row.status == "late_early"


def test_yesterdays_open_visit_is_closed_automatically_and_today_is_a_sign_in(kiosk):
    v = _volunteer()
    _assign(_shift(day=22), v)
    att.punch(kiosk, v.id, at=at(22, 8))  # forgot to sign out
    today = att.punch(kiosk, v.id, at=at(23, 8, 1))
    assert today.outcome == "signed_in" and today.closed_previous
    rows = att.visits(kiosk_view(kiosk), dt.date(2026, 11, 22), dt.date(2026, 11, 23))
    assert [r.status for r in rows] == ["pending", "open"]
    assert rows[0].automatic and rows[0].sign_out_at == at(22, 14)  # shift end + 2 h
    assert rows[0].hours == 4.0  # credited only up to the shift's end


def test_close_forgotten_closes_walk_ins_at_the_closing_hour_without_hours(kiosk, clock):
    v = _volunteer()
    att.punch(kiosk, v.id, at=at(23, 9))
    assert att.close_forgotten(kiosk, at=at(23, 19)) == 0
    assert att.close_forgotten(kiosk, at=at(23, 20, 1)) == 1
    (row,) = att.visits(kiosk_view(kiosk), dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert (row.status, row.hours, row.sign_out_at) == ("pending", 0.0, at(23, 20))
    assert att.close_forgotten(kiosk, at=at(23, 21)) == 0  # nothing left open


def test_staff_confirm_a_forgotten_sign_out_with_a_reason(kiosk, clock):
    head = kiosk_view(kiosk)
    v = _volunteer()
    att.punch(kiosk, v.id, at=at(23, 9))
    att.close_forgotten(kiosk, at=at(23, 20, 1))
    (row,) = att.visits(head, dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    with pytest.raises(ValidationError):
        att.correct(head, row.sign_in_id, reason="")
    with pytest.raises(ValidationError) as err:
        att.correct(head, row.sign_in_id, reason="电话核实", sign_out_at=at(23, 8))
    assert err.value.code == "sign_out_before_sign_in"
    att.correct(head, row.sign_in_id, reason="电话核实，11:30 离开", sign_out_at=at(23, 11, 30))
    (row,) = att.visits(head, dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert (row.status, row.hours, row.confirmed) == ("normal", 2.5, True)
    # nothing was edited in place: the ledger has the sign-in, the close and the correction
    assert [e.kind for e in AttendanceEvent.select().order_by(AttendanceEvent.id)] == [
        "sign_in", "auto_close", "correction"]
    assert AuditLog.select().where(AuditLog.table_name == "attendance_event").count() == 3


def test_paper_sheet_entries_and_voids(kiosk, clock):
    head = kiosk_view(kiosk)
    v = _volunteer()
    opened = att.record_paper(head, v.id, sign_in_at=at(21, 8), sign_out_at=at(21, 12))
    (row,) = att.visits(head, dt.date(2026, 11, 21), dt.date(2026, 11, 21))
    assert (row.status, row.hours, row.source) == ("pending", 4.0, "paper")
    with pytest.raises(ValidationError):
        att.record_paper(head, v.id, sign_in_at=at(21, 12), sign_out_at=at(21, 8))
    att.void(head, opened.id, reason="重复录入")
    (row,) = att.visits(head, dt.date(2026, 11, 21), dt.date(2026, 11, 21))
    assert row.status == "void" and row.hours == 0.0


def test_cards_revoked_or_unknown_find_nobody(kiosk):
    v = _volunteer()
    CardToken.create(volunteer=v, token="card-live-0001", issued_at=stamp())
    CardToken.create(volunteer=v, token="card-lost-0001", issued_at=stamp(), revoked_at=stamp())
    assert att.volunteer_for_card(kiosk, "card-live-0001") == v.id
    assert att.volunteer_for_card(kiosk, "card-lost-0001") is None
    assert att.volunteer_for_card(kiosk, "13912345678") is None


def test_hours_are_capped(kiosk):
    v = _volunteer()
    _assign(_shift(start="06:00", end="22:00", name="全天活动"), v)
    att.punch(kiosk, v.id, at=at(23, 6))
    result = att.punch(kiosk, v.id, at=at(23, 21))
    assert result.outcome == "signed_out" and result.hours == 12.0


def test_a_visit_across_midnight_signs_out_after_midnight(kiosk):
    v = _volunteer()
    _assign(_shift(day=22, start="20:00", end="24:00", name="夜间热线"), v)
    att.punch(kiosk, v.id, at=at(22, 20))
    result = att.punch(kiosk, v.id, at=at(23, 0, 30))
    assert (result.outcome, result.hours) == ("signed_out", 4.5)


def test_a_punch_long_after_the_shift_closes_it_and_signs_in_again(kiosk):
    v = _volunteer()
    _assign(_shift(start="08:00", end="10:00"), v)
    att.punch(kiosk, v.id, at=at(23, 8))
    result = att.punch(kiosk, v.id, at=at(23, 18))  # 10:00 + 2 h long past
    assert result.outcome == "signed_in" and result.closed_previous and result.walk_in
    first = att.visits(kiosk_view(kiosk), dt.date(2026, 11, 23), dt.date(2026, 11, 23))[0]
    assert (first.status, first.hours, first.sign_out_at) == ("pending", 2.0, at(23, 12))


def test_an_arrival_outside_every_assigned_shift_is_a_walk_in(kiosk):
    v = _volunteer()
    _assign(_shift(start="08:00", end="10:00"), v)
    late = att.punch(kiosk, v.id, at=at(23, 15))
    assert late.walk_in and late.shift is None
    early = _volunteer("王五", "13800005678")
    _assign(_shift(start="14:00", end="17:00", name="热线值守"), early)
    assert att.punch(kiosk, early.id, at=at(23, 13, 30)).shift.name == "热线值守"


def test_an_evening_walk_in_is_not_closed_at_once(kiosk, clock):
    v = _volunteer()
    att.punch(kiosk, v.id, at=at(23, 20, 30))
    assert att.close_forgotten(kiosk, at=at(23, 20, 40)) == 0
    assert att.punch(kiosk, v.id, at=at(23, 21, 30)).outcome == "signed_out"


def test_a_staff_correction_closes_an_open_visit_and_wins(kiosk, clock):
    head = kiosk_view(kiosk)
    v = _volunteer()
    _assign(_shift(), v)
    att.punch(kiosk, v.id, at=at(23, 8))
    opened = AttendanceEvent.get(AttendanceEvent.kind == "sign_in")
    att.correct(head, opened.id, reason="提前离开，电话确认", sign_out_at=at(23, 11))
    assert att.close_forgotten(kiosk, at=at(23, 22)) == 0  # closed by the correction
    (row,) = att.visits(head, dt.date(2026, 11, 23), dt.date(2026, 11, 23))
    assert (row.status, row.hours, row.confirmed) == ("early", 3.0, True)


def test_the_kiosk_account_reads_nothing_else(kiosk):
    with pytest.raises(PermissionDenied):
        att.visits(kiosk, dt.date(2026, 11, 23), dt.date(2026, 11, 23))


def test_hours_and_person_times_by_volunteer_team_and_month(kiosk, clock):
    head = kiosk_view(kiosk)
    team = Team.create(name="巾帼志愿服务队")
    a = _volunteer("陈秀英", "13912345678", team=team)
    b = _volunteer("王五", "13800005678")
    att.punch(kiosk, a.id, at=at(20, 8))
    att.punch(kiosk, a.id, at=at(20, 11))
    att.punch(kiosk, b.id, at=at(21, 9))
    att.punch(kiosk, b.id, at=at(21, 10, 30))
    voided = att.punch(kiosk, a.id, at=at(22, 9))
    assert voided.outcome == "signed_in"
    att.void(head, AttendanceEvent.select().order_by(AttendanceEvent.id.desc()).get().id, reason="误按")
    by_volunteer = att.hours_summary(head, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert {(line.key, line.person_times, line.hours) for line in by_volunteer} == {
        ("陈秀英", 1, 3.0), ("王五", 1, 1.5)}
    by_team = att.hours_summary(head, dt.date(2026, 11, 1), dt.date(2026, 11, 30), by="team")
    assert {(line.key, line.hours) for line in by_team} == {("巾帼志愿服务队", 3.0), ("", 1.5)}
    (month,) = att.hours_summary(head, dt.date(2026, 11, 1), dt.date(2026, 11, 30), by="month")
    assert (month.key, month.person_times, month.hours) == ("2026-11", 2, 4.5)


def test_no_shows_are_assigned_people_who_never_came(kiosk, clock):
    head = kiosk_view(kiosk)
    came, absent = _volunteer("陈秀英", "13912345678"), _volunteer("王五", "13800005678")
    shift = _shift(day=22)
    _assign(shift, came)
    _assign(shift, absent)
    _assign(_shift(day=24), absent)  # not over yet
    att.punch(kiosk, came.id, at=at(22, 8))
    rows = att.no_shows(head, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [(r.volunteer_name, r.day) for r in rows] == [("王五", dt.date(2026, 11, 22))]
    # a second shift that day missed, and a voided sign-in, are no-shows too
    hotline = _shift(day=22, start="14:00", end="17:00", name="热线值守")
    _assign(hotline, came)
    att.punch(kiosk, absent.id, at=at(22, 8, 30))
    att.void(head, AttendanceEvent.select().order_by(AttendanceEvent.id.desc()).get().id,
             reason="误按")
    rows = att.no_shows(head, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert sorted((r.volunteer_name, r.shift.name) for r in rows) == [
        ("王五", "前台值班"), ("陈秀英", "热线值守")]
