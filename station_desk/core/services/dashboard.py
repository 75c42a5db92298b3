"""What the first page shows: the station's day at a glance. Grows as features land."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from peewee import Case, fn

from .. import backup
from ..clock import now
from ..db import Location, database
from ..models import (
    Campaign,
    CampaignTarget,
    HotlineCall,
    Household,
    Item,
    Need,
    Reservation,
    Staff,
    Tier,
    Village,
)
from ..roles import SOCIAL_WORKER, Actor


@dataclass(frozen=True)
class Summary:
    villages: int
    groups: int
    social_workers: int
    accounts: int
    my_villages: list[str] = field(default_factory=list)
    last_backup: _dt.datetime | None = None
    backup_overdue: bool = False
    # households on file; None for a role that doesn't see them (the front desk)
    households: int | None = None
    due_visits: int | None = None  # the social worker's own, or the station's for the head
    due_tier1: int | None = None  # of those, how many are tier 1 (visited weekly)
    open_needs: int | None = None
    # the storeroom; None for a role that doesn't see it
    low_stock: int | None = None  # items below their low-stock line
    low_stock_names: list[str] = field(default_factory=list)  # the first few of them
    expiring: int | None = None  # items with goods expired or expiring within 30 days
    reserved_short: int | None = None  # items that reservations lack
    # the open visit campaigns; None for a role that doesn't see them (the front desk)
    campaigns: list[CampaignLine] | None = None
    # case work: cases due (a follow-up date has come, or 30 days without service), the
    # social worker's own or the station's for the head; None for a role without cases
    cases_due: int | None = None
    # hotline calls whose need is still new; None for a role that doesn't see the hotline
    open_calls: int | None = None
    # pairs not contacted as often as agreed; None for a role that doesn't see households
    pairs_behind: int | None = None
    # wishes a donor could adopt (placed, taken), and those adopted still to deliver
    wishes_open: int | None = None
    wishes_to_deliver: int | None = None


@dataclass(frozen=True)
class CampaignLine:
    """An open campaign on the first page: "重阳敬老 · 已走访 62% · 已发放 58% · 逾期 3 户"."""

    id: int
    name: str
    kind: str  # holiday / visit_day
    targets: int
    done: int  # an outcome recorded: visited, declined, moved or deceased
    packages: int  # targets with a package to hand over
    delivered: int
    overdue: int  # open targets whose day has passed (as services.campaigns counts them)

    @property
    def share_done(self) -> float:
        return self.done / self.targets if self.targets else 0.0

    @property
    def share_delivered(self) -> float | None:
        """None for a campaign without packages (a visit day)."""
        return self.delivered / self.packages if self.packages else None


def summary(actor: Actor, location: Location) -> Summary:
    villages = Village.select().where((Village.kind == "village") & (Village.active == True))  # noqa: E712
    mine = []
    if actor.role == SOCIAL_WORKER:
        mine = [v.name for v in villages.where(Village.social_worker == actor.staff_id)
                .order_by(Village.sort_order, Village.code)]
    last = None
    if location.is_sqlite:
        newest = backup.list_backups(location)[:1]
        last = newest[0].taken_at if newest else None
    overdue = location.is_sqlite and (
        last is None or now().replace(tzinfo=None) - last > _dt.timedelta(days=1))
    households = due = due_tier1 = open_needs = None
    if actor.can("households.view"):
        households = Household.select().where(Household.status == "active").count()
        worker = actor.staff_id if actor.role == SOCIAL_WORKER else None
        due = due_count(social_worker_id=worker)
        first = Tier.select(Tier.id).order_by(Tier.level).first()
        due_tier1 = due_count(social_worker_id=worker, tier_id=first.id) if first else 0
        open_needs = Need.select().where(Need.status.in_(("new", "in_progress"))).count()
    lines = campaign_lines() if actor.can("campaigns.view") else None
    cases_due = open_calls = None
    if actor.can("cases.view"):
        from .cases import CaseQuery, list_cases

        cases_due = len(list_cases(actor, CaseQuery(status="all", due_only=True)))
    if actor.can("hotline.view"):
        open_calls = (HotlineCall.select().join(Need, on=(HotlineCall.need == Need.id))
                      .where(Need.status == "new").count())
    pairs_behind = wishes_open = wishes_to_deliver = None
    if actor.can("households.view"):
        from .pairings import list_pairings

        pairs_behind = len(list_pairings(actor, behind_only=True))
    if actor.can("wishes.view"):
        from ..models import Wish

        counts = dict(Wish.select(Wish.status, fn.COUNT(Wish.id))
                      .group_by(Wish.status).tuples())
        wishes_open = counts.get("placed", 0) + counts.get("taken", 0)
        wishes_to_deliver = counts.get("adopted", 0)
    low = low_names = expiring = short = None
    if actor.can("inventory.view"):
        low_names_all, expiring, short = stock_alerts()
        low, low_names = len(low_names_all), low_names_all[:3]
    return Summary(
        villages=villages.count(),
        groups=Village.select().where((Village.kind == "group") & (Village.active == True)).count(),  # noqa: E712
        social_workers=Staff.select().where((Staff.role == SOCIAL_WORKER)
                                            & (Staff.active == True)).count(),  # noqa: E712
        accounts=Staff.select().where(Staff.active == True).count(),  # noqa: E712
        my_villages=mine,
        last_backup=last,
        backup_overdue=overdue,
        households=households,
        due_visits=due,
        due_tier1=due_tier1,
        open_needs=open_needs,
        low_stock=low,
        low_stock_names=low_names or [],
        expiring=expiring,
        reserved_short=short,
        campaigns=lines,
        cases_due=cases_due,
        open_calls=open_calls,
        pairs_behind=pairs_behind,
        wishes_open=wishes_open,
        wishes_to_deliver=wishes_to_deliver,
    )


def campaign_lines(on: _dt.date | None = None) -> list[CampaignLine]:
    """The open campaigns, newest window first, with their progress: one grouped query, so
    the first page stays quick (services.campaigns.progress gives the full breakdown)."""
    on = on or now().date()
    target = CampaignTarget
    overdue = Case(None, [((target.status == "open")
                           & ((target.planned_on < on)
                              | ((Campaign.ends_on < on) & target.planned_on.is_null())), 1)], 0)
    counts = {cid: rest for cid, *rest in (
        target.select(target.campaign, fn.COUNT(target.id),
                      fn.SUM(Case(None, [(target.status != "open", 1)], 0)),
                      fn.COUNT(target.package), fn.COUNT(target.voucher), fn.SUM(overdue))
        .join(Campaign, on=(target.campaign == Campaign.id))
        .where((Campaign.status == "open") & (target.status != "removed"))
        .group_by(target.campaign).tuples())}
    lines = []
    for cid, name, kind in (Campaign.select(Campaign.id, Campaign.name, Campaign.kind)
                            .where(Campaign.status == "open")
                            .order_by(Campaign.starts_on.desc(), Campaign.id.desc()).tuples()):
        total, done, packages, delivered, late = counts.get(cid, (0, 0, 0, 0, 0))
        lines.append(CampaignLine(cid, name, kind, total, int(done or 0), packages, delivered,
                                  int(late or 0)))
    return lines


def due_count(*, social_worker_id: int | None = None, tier_id: int | None = None,
              on: _dt.date | None = None) -> int:
    """How many active households are due for a visit (for 首页; households re-exports it)."""
    on = on or now().date()
    query = Household.select().where((Household.status == "active") & (Household.due_on <= on))
    if social_worker_id is not None:
        query = query.where(Household.social_worker == social_worker_id)
    if tier_id is not None:
        query = query.where(Household.tier == tier_id)
    return query.count()


EXPIRING_DAYS = 30  # as services.stock counts goods expiring soon


def stock_alerts(on: _dt.date | None = None) -> tuple[list[str], int, int]:
    """(names of active items below their low-stock line, items with goods expired or expiring
    within 30 days, items that reservations lack), as ``stock.overview`` counts them.

    Plain SQL over the balance index: the first page shows these at start-up, and importing
    the stock services for them would cost it more than the query does.
    """
    on = on or now().date()
    soon = on + _dt.timedelta(days=EXPIRING_DAYS)
    usable: dict[int, int] = {}
    alerting: set[int] = set()
    for item_id, expires_on, balance in database.execute_sql(
            "SELECT b.item_id, b.expires_on, s.total FROM (SELECT batch_id, SUM(quantity) AS "
            "total FROM stock_movement GROUP BY batch_id) AS s JOIN batch AS b ON b.id = "
            "s.batch_id WHERE s.total <> 0").fetchall():
        expiry = _dt.date.fromisoformat(str(expires_on)[:10]) if expires_on else None
        if expiry is None or expiry >= on or balance < 0:
            usable[item_id] = usable.get(item_id, 0) + balance
        if expiry is not None and balance > 0 and expiry <= soon:
            alerting.add(item_id)
    short = 0
    for item_id, wanted, held, delivered in database.execute(
            Reservation.select(Reservation.item, fn.SUM(Reservation.wanted),
                               fn.SUM(Reservation.quantity), fn.SUM(Reservation.delivered))
            .where(Reservation.status == "active").group_by(Reservation.item)):
        if wanted > held or held - delivered > max(usable.get(item_id, 0), 0):
            short += 1
    lows = [name for item_id, name, threshold in Item.select(Item.id, Item.name, Item.threshold)
            .where(Item.active == True, Item.threshold > 0)  # noqa: E712
            .order_by(Item.name, Item.spec).tuples()
            if usable.get(item_id, 0) < threshold]
    return lows, len(alerting), short
