"""The demo's volunteers: teams, valid people, a year of shifts and an attendance ledger that
obeys attendance's rules."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from station_desk.core import demo, validate
from station_desk.core.errors import ValidationError
from station_desk.core.models import (
    Assignment,
    AttendanceEvent,
    AuditLog,
    CardToken,
    Shift,
    ShiftTemplate,
    Staff,
    Team,
    Volunteer,
    VolunteerSkill,
)
from station_desk.core.services import accounts, attendance


def _head():
    return accounts.actor_for(Staff.get(Staff.username == demo.PEOPLE[0][0]))


def test_demo_volunteers_are_valid_people_in_six_teams(store):
    report = demo.fill(households=0, volunteers=150)
    figures = report.volunteers
    assert figures.volunteers == Volunteer.select().count() == 150
    assert [t.name for t in Team.select().order_by(Team.sort_order)][:6] == [
        "党员先锋队", "巾帼志愿队", "青年突击队", "银龄互助队", "医疗服务队", "法律服务队"]
    people = list(Volunteer.select())
    numbers = [v.id_number for v in people]
    assert len(set(numbers)) == len(numbers)
    for v in people:
        assert validate.id_number(v.id_number) == v.id_number  # the check digit holds
        assert v.birthdate.strftime("%Y%m%d") == v.id_number[6:14]
        assert (int(v.id_number[16]) % 2 == 1) == (v.gender == "male")
        assert validate.phone(v.phone) == v.phone and v.phone_tail == v.phone[-4:]
        assert v.team_id is not None
    tails = Counter(v.phone_tail for v in people)
    assert max(tails.values()) >= 2  # the kiosk's pick screen shows for some
    assert {v.status for v in people} >= {"active", "paused"}
    assert sum(v.team_leader for v in people) == 6
    assert all(v.party_member for v in people if v.team.name == "党员先锋队")
    medical = Team.get(Team.name == "医疗服务队")
    for v in Volunteer.select().where(Volunteer.team == medical):
        assert "医疗" in [link.skill.name for link in v.skill_links]
    assert figures.cards == CardToken.select().count() > 100
    assert not CardToken.select().join(Volunteer).where(Volunteer.status == "left").exists()
    assert ShiftTemplate.select().count() == figures.templates == 8
    rows = list(AuditLog.select().where(AuditLog.table_name == "volunteer"))
    assert len(rows) == 1 and json.loads(rows[0].new_values)["volunteers"] == 150


def test_the_attendance_ledger_obeys_attendances_rules(store):
    figures = demo.fill(households=0, volunteers=150).volunteers
    today = dt.date.today()
    assert figures.events == AttendanceEvent.select().count() > 10_000
    assert figures.shifts == Shift.select().count()
    assert Shift.select().where(Shift.day > today).exists()  # planned ahead
    assert not Assignment.select().join(Shift).where(
        (Shift.day >= today) & (Assignment.status != "planned")).exists()
    sign_ins = list(AttendanceEvent.select().where(AttendanceEvent.kind == "sign_in"))
    assert len(sign_ins) == figures.visits
    followers: dict[int, list[str]] = {}
    for event in AttendanceEvent.select().where(AttendanceEvent.opens.is_null(False)):
        followers.setdefault(event.opens_id, []).append(event.kind)
    assigned = {(a.shift_id, a.volunteer_id) for a in Assignment.select()
                .where(Assignment.status != "cancelled")}
    per_day = Counter()
    for event in sign_ins:
        closing = [k for k in followers.get(event.id, ()) if k in ("sign_out", "auto_close")]
        assert len(closing) == 1, event.id  # every past visit closed, once
        assert event.walk_in == (event.shift_id is None)
        if event.shift_id:
            assert (event.shift_id, event.volunteer_id) in assigned
        assert event.at[:10] < today.isoformat()
        per_day[(event.volunteer_id, event.at[:10])] += 1
    assert max(per_day.values()) == 1  # one visit a person a day
    assert attendance.open_visit_of(sign_ins[0].volunteer_id) is None
    for event in AttendanceEvent.select().where(AttendanceEvent.kind == "auto_close").limit(50):
        opened = AttendanceEvent.get_by_id(event.opens_id)
        assert event.at == attendance.auto_close_time(opened).isoformat(timespec="seconds")
    visits = attendance.visits(_head(), today - dt.timedelta(days=366), today)
    statuses = Counter(v.status for v in visits)
    assert {"normal", "late", "early", "pending"} <= set(statuses)
    assert statuses["open"] == 0
    assert figures.walk_ins == sum(v.walk_in for v in visits) > 0
    assert all(0 < v.hours <= 12 for v in visits if v.status in ("normal", "late", "early"))
    assert attendance.no_shows(_head(), today - dt.timedelta(days=30), today - dt.timedelta(days=1))


def test_a_demo_volunteer_signs_in_at_the_kiosk(store):
    demo.fill(households=0, volunteers=40)
    kiosk = accounts.actor_for(Staff.get(Staff.role == "kiosk"))
    volunteer = Volunteer.select().where(Volunteer.status == "active").first()
    matches = attendance.kiosk_matches(kiosk, volunteer.phone_tail)
    assert volunteer.id in [m.volunteer_id for m in matches]
    result = attendance.punch(kiosk, volunteer.id)
    assert result.outcome == "signed_in"


def test_the_size_is_an_option_and_checked(store):
    from station_desk import cli

    assert cli.DEMO_VOLUNTEERS_MAX == demo.MAX_VOLUNTEERS
    with pytest.raises(ValidationError):
        demo.fill(volunteers=-1)
    with pytest.raises(ValidationError):
        demo.fill(volunteers=demo.MAX_VOLUNTEERS + 1)
    report = demo.fill(households=0, volunteers=0)
    assert report.volunteers.volunteers == 0 and Volunteer.select().count() == 0
    assert VolunteerSkill.select().count() == 0 and AttendanceEvent.select().count() == 0


def test_the_full_demo_station_has_a_thousand_volunteers(store, monkeypatch):
    monkeypatch.setattr(demo, "DEMO_VOLUNTEERS", demo.STATION_VOLUNTEERS)
    figures = demo.fill(households=0).volunteers
    assert figures.volunteers == 1000
    assert 90_000 <= figures.events <= 110_000
    assert Counter(v.team.name for v in Volunteer.select()).most_common(1)[0][1] < 300


def test_the_command_line(tmp_path, capsys, monkeypatch):
    from station_desk.cli import main

    monkeypatch.setenv("STATION_DESK_DB", str(tmp_path / "station.sqlite3"))
    assert main(["demo", "--households", "0", "--volunteers", "20"]) == 0
    out = capsys.readouterr().out
    assert "志愿者 20 人（6 支服务队）" in out and "用时" in out
    assert Volunteer.select().count() == 20
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--volunteers", "abc"])
    assert exit_.value.code == 2
    assert "应为 0 到 20000 之间的整数" in capsys.readouterr().err
