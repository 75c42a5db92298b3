"""The demo's visit campaigns: this year's 中秋 (closed), 重阳 (under way, partly short) and
this month's 家访日, made through the services so the stock ledger, the visit histories and
the volunteers' hours agree; the inventory's past campaigns under the ids their vouchers use."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core import check, demo, festivals
from station_desk.core.clock import today
from station_desk.core.models import (
    Campaign,
    CampaignCall,
    CampaignTarget,
    Household,
    Reservation,
    Staff,
    StockMovement,
    Visit,
    Voucher,
)
from station_desk.core.services import accounts
from station_desk.core.services import campaigns as cp


def _head():
    return accounts.actor_for(Staff.get(Staff.username == demo.PEOPLE[0][0]))


@pytest.fixture
def station(store):
    """The seeds' 1,426 households (重阳 wants its 80+ over-80s), a small roster and stock."""
    report = demo.fill(households=demo.STATION_HOUSEHOLDS, volunteers=100, movements=3000)
    return report


def _by_name(head, text):
    return next(c for c in cp.list_campaigns(head) if text in c.name and c.targets)


def test_the_demo_makes_the_three_campaigns(station, store):
    head = _head()
    on = today()
    mid_autumn, double_ninth = _by_name(head, "中秋"), _by_name(head, "重阳")
    visit_day = _by_name(head, "家访日")
    assert (mid_autumn.status, double_ninth.status, visit_day.status) == ("closed", "open", "open")
    assert mid_autumn.festival_on == festivals.festival_date("mid_autumn", mid_autumn.festival_on.year)
    assert double_ninth.festival_on == festivals.festival_date("double_ninth",
                                                               double_ninth.festival_on.year)
    assert visit_day.kind == "visit_day" and visit_day.theme == "冬季取暖安全"
    assert visit_day.starts_on <= on <= visit_day.ends_on and visit_day.starts_on.month == on.month
    assert station.campaigns.campaigns == 3
    # the inventory's past campaigns are campaigns too: every campaign voucher points at one
    ids = {c.id for c in Campaign.select()}
    assert {v.target_id for v in Voucher.select().where(Voucher.target_kind == "campaign")} <= ids
    assert {r.target_id for r in Reservation.select().where(Reservation.target_kind == "campaign")} <= ids
    history = [c for c in cp.list_campaigns(head) if not c.targets]
    assert len(history) == station.inventory.campaigns >= 9
    assert all(c.status == "closed" for c in history)
    # one campaign a festival and year: the inventory left this year's 中秋 and 重阳 to the demo
    names = [c.name for c in cp.list_campaigns(head)]
    assert len(names) == len(set(names))
    # every outcome on or before today and inside its campaign's window
    for c in (mid_autumn, double_ninth, visit_day):
        days = [d for (d,) in Visit.select(Visit.visited_on).join(
            CampaignCall, on=(CampaignCall.visit == Visit.id)).join(CampaignTarget)
            .where(CampaignTarget.campaign == c.id).tuples()]
        assert days
        assert all(c.starts_on <= dt.date.fromisoformat(str(d)[:10]) <= min(c.ends_on, on)
                   for d in days)


def test_the_closed_mid_autumn_adds_up(station, store):
    head = _head()
    row = _by_name(head, "中秋")
    state = cp.progress(head, row.id).total
    assert state.targets >= 20
    assert state.visited / state.targets >= 0.9 and state.open == 0
    assert state.declined >= 1 and state.gone == 1  # the household that died
    assert state.delivered == state.visited and state.signed >= state.delivered - 5
    # a few were not at home the first time and visited on the team's second day
    calls = CampaignCall.select().join(CampaignTarget).where(CampaignTarget.campaign == row.id)
    assert calls.count() > state.targets
    # nothing held for a closed campaign
    assert not Reservation.select().where((Reservation.target_kind == "campaign")
                                          & (Reservation.target_id == row.id)
                                          & (Reservation.status == "active")).count()
    # the summary's value is the stock that went out for it, fen for fen
    summary = cp.summary(head, row.id)
    vouchers = [v.id for v in Voucher.select().where((Voucher.target_kind == "campaign")
                                                     & (Voucher.target_id == row.id))]
    out = sum(-m.quantity * m.unit_value_fen for m in
              StockMovement.select().where(StockMovement.voucher.in_(vouchers)))
    assert len(vouchers) == state.delivered and out > 0
    assert summary.value_fen == out
    assert sum(p.delivered for p in summary.packages) == state.delivered
    # the volunteers' outings have hours, from attendance on the outing shifts
    assert summary.volunteer_hours > 0 and summary.person_times > 0
    # the household that died: closed on the day, no visits after it
    dead = CampaignTarget.get((CampaignTarget.campaign == row.id)
                              & (CampaignTarget.status == "deceased"))
    household = Household.get_by_id(dead.household_id)
    assert household.status == "deceased"
    assert not Visit.select().where((Visit.household == household.id)
                                    & (Visit.visited_on > dead.outcome_on)).count()
    # its visits read with the campaign's name in the household's history
    visit = Visit.get_by_id(dead.visit_id)
    assert visit.kind == "holiday" and visit.outcome == "deceased"
    assert visit.summary.startswith(f"{row.name}：")


def test_double_ninth_and_the_visit_day_are_under_way(station, store):
    head = _head()
    row = _by_name(head, "重阳")
    state = cp.progress(head, row.id)
    total = state.total
    assert total.targets >= 60
    assert 0.5 <= total.share_done <= 0.75
    assert 0 < total.delivered < total.targets and total.overdue >= 1
    assert len(state.by_village) == 5 and len(state.by_team) >= 2
    # the quilts are short: what there is is held, the rest is missing
    assert any(r.wanted > r.quantity for r in state.reserved)
    assert all(r.status == "active" for r in state.reserved)
    visit_day = _by_name(head, "家访日")
    progress = cp.progress(head, visit_day.id).total
    assert 0 < progress.done < progress.targets
    assert all(t.team_id for t in cp.targets(head, visit_day.id))  # one team per worker


def test_the_demo_with_campaigns_passes_the_check(station, store):
    findings = check.run_checks(store)
    assert [f for f in findings if f.level == "problem"] == []
    assert ("ok", "check_campaigns_ok") in [(f.level, f.code) for f in findings]


def test_no_campaigns_without_volunteers(store):
    report = demo.fill(volunteers=0)
    assert report.campaigns.campaigns == 0 and Campaign.select().count() == 0
    # the inventory keeps its own campaigns and the coming one's reservations then
    assert report.inventory.reservations == 3
