"""The demo's case work and hotline: cases in every stage made through the case services
(the derived dates agree with the rows), follow-ups due, the year's calls on the station's
lines, a few from last night still open; the station still passes ``check``."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core import check, demo, demo_cases
from station_desk.core.clock import now, today
from station_desk.core.models import (
    CASE_STATUSES,
    Case,
    CaseAssessment,
    CaseFollowUp,
    CasePlan,
    CaseRecord,
    CaseReferral,
    HotlineCall,
    Need,
    Staff,
)
from station_desk.core.services import accounts
from station_desk.core.services import cases as cs


def _head():
    return accounts.actor_for(Staff.get(Staff.username == demo.PEOPLE[0][0]))


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@pytest.fixture
def station(store):
    """Enough households for every stage; no inventory (goods are skipped when refused)."""
    return demo.fill(households=900, volunteers=0, movements=0)


def test_cases_in_every_stage_with_their_steps(station, store):
    figures = station.cases
    assert figures.cases == Case.select().count() == min(demo_cases.DEMO_CASES, 900 // 5)
    assert {c.status for c in Case.select()} == set(CASE_STATUSES)
    assert figures.closed == Case.select().where(Case.status == "closed").count() > 0
    # each step of the way on file for the cases that got that far
    for case in Case.select().where(Case.status != "intake"):
        assert CaseAssessment.select().where(CaseAssessment.case == case.id).exists()
    for case in Case.select().where(Case.status.in_(("intervention", "evaluation", "closed"))):
        assert CasePlan.select().where(CasePlan.case == case.id).exists()
        assert CaseRecord.select().where(CaseRecord.case == case.id).exists()
    assert CaseReferral.select().count() == figures.referrals > 0
    assert CaseRecord.select().count() == figures.records
    # the case's social worker wrote it, and it is one of their households' cases
    for case in Case.select():
        assert case.social_worker_id == case.household.social_worker_id
    # many cases grew from a need, marked as turned into a case
    grown = Case.select().where(Case.need.is_null(False))
    assert grown.count() > 0
    assert all(c.need.status == "case" for c in grown)


def test_derived_dates_agree_with_the_rows(station, store):
    on = today()
    for case in Case.select():
        records = [_day(r.served_on) for r in CaseRecord.select().where(CaseRecord.case == case.id)]
        assert _day(case.last_record_on) == (max(records) if records else None)
        open_follow = [_day(f.due_on) for f in CaseFollowUp.select().where(
            (CaseFollowUp.case == case.id) & CaseFollowUp.done_on.is_null())]
        expected = min(open_follow) if open_follow and case.status == "closed" else None
        assert _day(case.follow_up_on) == expected
        assert _day(case.opened_on) <= on
        if case.closed_on is not None:
            assert _day(case.opened_on) <= _day(case.closed_on) <= on


def test_follow_ups_due_and_quiet_cases_show_on_the_list(station, store):
    head = _head()
    due = cs.list_cases(head, cs.CaseQuery(status="all", due_only=True))
    assert {row.due for row in due} == {"follow_up", "quiet"}
    assert station.cases.due == len(due)
    # done follow-ups carry their note; every one done is on or before today
    done = CaseFollowUp.select().where(CaseFollowUp.done_on.is_null(False))
    assert done.count() > 0 and all(f.note and _day(f.done_on) <= today() for f in done)


def test_calls_on_the_station_lines_and_last_nights_still_open(station, store):
    calls = list(HotlineCall.select())
    assert len(calls) == station.cases.calls == min(demo_cases.DEMO_CALLS, 900 // 2)
    lines = {c.line for c in calls}
    assert lines == set(demo.HOTLINES)
    hours = [dt.datetime.fromisoformat(str(c.called_at)[:19]).hour for c in calls]
    daytime = sum(8 <= h < 18 for h in hours)
    assert daytime > len(hours) * 0.7 and daytime < len(hours)  # some at night
    moment = now().replace(tzinfo=None)
    for c in calls:
        assert dt.datetime.fromisoformat(str(c.called_at)[:19]) <= moment
    still_new = (HotlineCall.select().join(Need, on=(HotlineCall.need == Need.id))
                 .where(Need.status == "new"))
    assert still_new.count() == station.cases.open_calls >= 3
    linked = [c for c in calls if c.household_id is not None]
    assert len(calls) * 0.4 < len(linked) < len(calls) * 0.8
    # a caller on file is found by the tail of the household's phone
    with_phone = next(c for c in linked if c.caller_phone)
    matches = cs.match_caller(_head(), with_phone.caller_phone[-4:])
    assert with_phone.household_id in {m.household_id for m in matches}


def test_the_station_passes_check(station, store):
    findings = check.run_checks(store)
    assert [f for f in findings if f.level == "problem"] == []


def test_same_seed_same_cases_and_calls(tmp_path):
    """Two stations from one seed have the same cases and calls (run as the user would)."""
    import sqlite3
    import subprocess
    import sys

    def station(name):
        path = tmp_path / name
        subprocess.run([sys.executable, "-m", "station_desk", "--db", str(path), "demo",
                        "--households", "200", "--volunteers", "0", "--movements", "0",
                        "--seed", "11"], check=True, capture_output=True)
        with sqlite3.connect(path) as db:
            return (db.execute('select household_id, status, problem, opened_on from "case" '
                               "order by id").fetchall(),
                    db.execute("select line, caller, content, household_id from hotline_call "
                               "order by id").fetchall())

    first = station("a.sqlite3")
    assert first[0] and first[1]
    assert station("b.sqlite3") == first
