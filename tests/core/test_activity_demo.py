"""The demo's activities, projects, pairings and wishes: activities in every status with
sign-ups, who came and the volunteers' hours; the stock ledger's activities on file under its
ids; projects with progress; pairs with some behind; wishes in every state; the station
still passes ``check``."""

from __future__ import annotations

import pytest

from station_desk.core import check, demo
from station_desk.core.clock import today
from station_desk.core.models import (
    ACTIVITY_STATUSES,
    WISH_STATUSES,
    Activity,
    ActivityParticipant,
    Pairing,
    PairingContact,
    Staff,
    Visit,
    Voucher,
    Wish,
)
from station_desk.core.services import accounts
from station_desk.core.services import activities as act
from station_desk.core.services import pairings as pr
from station_desk.core.services import wishes as ws


def _head():
    return accounts.actor_for(Staff.get(Staff.username == demo.PEOPLE[0][0]))


@pytest.fixture
def station(store):
    """A small station with volunteers and a stock ledger (the conftest's 30 and 1,500)."""
    return demo.fill(households=300)


def test_activities_in_every_status_with_who_came_and_the_volunteers_hours(station, store):
    head = _head()
    figures = station.activities
    assert {a.status for a in Activity.select()} == set(ACTIVITY_STATUSES)
    assert figures.held > 0 and figures.planned > 0 and figures.cancelled == 3
    rows = act.list_activities(head, act.ActivityQuery(status="held"))
    made = [r for r in rows if r.signed_up]
    assert len(made) == figures.held
    assert {r.kind for r in made} >= {"policy", "festival", "group"}
    assert all(r.signed_up <= 40 for r in made)  # (a small village has fewer households)
    assert 0.7 * figures.sign_ups < sum(r.came for r in made) < figures.sign_ups
    assert all(r.held_on <= today() for r in rows)
    # the volunteers who came have their hours from attendance
    with_helpers = [r for r in made if r.volunteers]
    assert with_helpers
    detail = act.get_activity(head, with_helpers[0].id)
    assert detail.volunteers and any(v.came and v.hours > 0 for v in detail.volunteers)
    # sign-ups are households of the activity's village
    for p in ActivityParticipant.select().limit(200):
        if p.activity.village_id is not None:
            assert p.household.village_id == p.activity.village_id
    # the year's figures count them
    year = act.year_figures(head, today().year)
    assert year.activities > 0 and year.person_times > 0 and year.volunteer_times > 0
    assert year.cards > 0
    # coming ones are in the weeks ahead
    for a in Activity.select().where(Activity.status == "planned"):
        assert a.held_on > today()


def test_the_stock_ledgers_activities_are_on_file(station, store):
    ids = {v for (v,) in Voucher.select(Voucher.target_id)
           .where(Voucher.target_kind == "activity").tuples()}
    assert ids and ids <= {a for (a,) in Activity.select(Activity.id).tuples()}
    assert station.activities.history > 0


def test_projects_with_progress(station, store):
    head = _head()
    projects = act.list_projects(head)
    assert len(projects) == 2
    for project in projects:
        progress = act.project_progress(head, project.id)
        assert progress.activities > 0 and progress.participants > 0
        assert progress.families > 0 and progress.services > 0


def test_pairs_some_behind_and_wishes_in_every_state(station, store):
    head = _head()
    figures = station.activities
    pairs = pr.list_pairings(head, include_ended=True)
    assert len(pairs) == figures.pairings == Pairing.select().count() > 0
    assert {p.helper_kind for p in pairs} >= {"volunteer", "unit"}
    assert 0 < len(pr.list_pairings(head, behind_only=True)) == figures.behind < len(pairs)
    assert PairingContact.select().count() == figures.contacts > 0
    assert all(c.visit.kind == "pairing" for c in PairingContact.select().limit(50))
    assert Visit.select().where(Visit.kind == "pairing").count() == figures.contacts
    # wishes
    assert {w.status for w in Wish.select()} == set(WISH_STATUSES)
    rated = Wish.select().where(Wish.status == "rated")
    assert all(3 <= w.rating <= 5 and w.comment for w in rated)
    assert {w.payment for w in Wish.select().where(Wish.status.in_(("delivered", "rated")))} \
        == {"goods", "cash"}
    year = ws.figures(head, today().year)
    assert year.placed > 0 or ws.figures(head, today().year - 1).placed > 0
    for row in ws.list_wishes(head):
        assert row.alias not in (row.head_name, "")


def test_the_station_passes_check(station, store):
    findings = check.run_checks(store)
    assert [f for f in findings if f.level == "problem"] == []


def test_a_station_without_volunteers_or_inventory(store):
    report = demo.fill(households=60, volunteers=0, movements=0)
    figures = report.activities
    assert figures.held > 0 and figures.volunteer_times == 0 and figures.with_goods == 0
    assert {p.helper_kind for p in Pairing.select()} <= {"unit"}
    assert Wish.select().where(Wish.status == "rated").count() > 0  # paid in money
    findings = check.run_checks(store)
    assert [f for f in findings if f.level == "problem"] == []
