"""Holiday visit campaigns (节日慰问) and monthly home-visit days (家访日).

A campaign is made from target rules; the households they pick become its target list (a
snapshot: households registered later are added by hand, with a reason, as are removals).
Its gift packages are reserved for the whole list at once through the stock service, partly
when stock is short (the shortfall is shown; the missing item can't be delivered). Teams take
the targets of their villages in address order and go out on home-visit shifts, so their
volunteers' hours come from attendance. Each outcome is a visit in the household's history
(its due date moves); a delivered package is a stock voucher against the reservation;
closing hands back what was reserved and not delivered.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import peewee

from .. import festivals, validate
from ..audit import created, deleted, record, saved, values_of
from ..clock import stamp, today
from ..db import database
from ..errors import ValidationError
from ..models import (
    CAMPAIGN_KINDS,
    TARGET_OUTCOMES,
    Campaign,
    CampaignCall,
    CampaignOuting,
    CampaignRule,
    CampaignTarget,
    CampaignTeam,
    CampaignTeamMember,
    Category,
    Household,
    HouseholdCategory,
    Member,
    MemberCategory,
    PackageKind,
    PackageLine,
    Shift,
    Staff,
    Tier,
    Village,
    Volunteer,
    Voucher,
)
from ..roles import Actor, require
from ..validate import stored_date as _as_date
from . import households, inventory, roster, stock
from .base import clean_text, get_or_fail, writer

TARGET_KIND = "campaign"  # the stock service's target kind for a campaign's reservation
HOLIDAY_LEAD_DAYS = 14  # a holiday campaign's window opens two weeks before the festival
OPEN = "open"


def _ids(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _id_text(ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in sorted({int(i) for i in ids}))


def _years_before(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# ---------------------------------------------------------------- rules and who they pick

@dataclass
class RuleInput:
    """Which households a rule picks, and the package each gets. Empty lists: any."""

    category_ids: Sequence[int] = ()
    tier_ids: Sequence[int] = ()
    village_ids: Sequence[int] = ()
    min_age: int | None = None
    active_only: bool = True
    package_id: int | None = None
    package_count: int = 1


def _check_rule(rule: RuleInput) -> RuleInput:
    for ids, model, name in ((rule.category_ids, Category, "categories"),
                             (rule.tier_ids, Tier, "tiers"),
                             (rule.village_ids, Village, "villages")):
        ids = {int(i) for i in ids}
        found = {r.id for r in model.select(model.id).where(model.id.in_(sorted(ids)))} if ids else set()
        missing = sorted(ids - found)
        if missing:
            raise ValidationError("bad_choice", field=name, value=str(missing[0]))
    if rule.min_age is not None and not 0 < int(rule.min_age) <= 120:
        raise ValidationError("bad_number", field="min_age", value=str(rule.min_age))
    if rule.package_id is not None:
        get_or_fail(PackageKind, rule.package_id)
    if int(rule.package_count) < 1 or int(rule.package_count) > 99:
        raise ValidationError("bad_number", field="package_count", value=str(rule.package_count))
    return rule


def _with_groups(village_ids: Sequence[int]) -> list[int]:
    """A village stands for its villagers' groups too."""
    ids = set(village_ids)
    frontier = set(ids)
    while frontier:
        frontier = {v for (v,) in Village.select(Village.id).where(Village.parent.in_(sorted(frontier))).tuples()} - ids
        ids |= frontier
    return sorted(ids)


def _rule_query(rule: RuleInput, on: _dt.date) -> peewee.ModelSelect:
    query = Household.select(Household.id)
    if rule.active_only:
        query = query.where(Household.status == "active")
    if rule.village_ids:
        query = query.where(Household.village.in_(_with_groups(rule.village_ids)))
    if rule.tier_ids:
        query = query.where(Household.tier.in_(list(rule.tier_ids)))
    if rule.category_ids:
        categories = list(rule.category_ids)
        # the household's own categories, or a living member's (a 高龄老人 in a 低保 home)
        query = query.where(
            Household.id.in_(HouseholdCategory.select(HouseholdCategory.household)
                             .where(HouseholdCategory.category.in_(categories)))
            | Household.id.in_(Member.select(Member.household)
                               .join(MemberCategory, on=(MemberCategory.member == Member.id))
                               .where(MemberCategory.category.in_(categories)
                                      & (Member.status == "active"))))
    if rule.min_age:
        born_by = _years_before(on, int(rule.min_age))
        query = query.where(Household.id.in_(
            Member.select(Member.household).where((Member.status == "active")
                                                  & (Member.birthdate <= born_by))))
    return query


def match(rules: Sequence[RuleInput], on: _dt.date) -> dict[int, int]:
    """household id -> the index of the first rule that picks it."""
    picked: dict[int, int] = {}
    for index, rule in enumerate(rules):
        for (hid,) in database.execute(_rule_query(rule, on)):
            picked.setdefault(hid, index)
    return picked


@dataclass(frozen=True)
class Preview:
    """What a campaign's rules would make: households per rule and village, and the stock
    the packages need with what is short."""

    per_rule: tuple[int, ...]
    per_village: tuple[tuple[str, int], ...]
    total: int
    needed: tuple[tuple[str, str, int], ...]  # (item, unit, quantity)
    shortfalls: tuple[stock.Shortfall, ...]


def _package_needs(counts: dict[int, int]) -> dict[int, int]:
    """item id -> quantity for ``counts`` (package id -> packages)."""
    needs: dict[int, int] = defaultdict(int)
    for line in PackageLine.select().where(PackageLine.package.in_(sorted(counts))):
        needs[line.item_id] += line.quantity * counts[line.package_id]
    return dict(needs)


def preview(actor: Actor, rules: Sequence[RuleInput], on: _dt.date,
            campaign_id: int | None = None) -> Preview:
    """Count what ``rules`` pick on ``on`` (the festival, or the window's start) and check the
    stock for their packages before anything is written."""
    require(actor, "campaigns.view")
    rules = [_check_rule(r) for r in rules]
    picked = match(rules, on)
    per_rule = Counter(picked.values())
    packages: dict[int, int] = defaultdict(int)
    for index, count in per_rule.items():
        rule = rules[index]
        if rule.package_id is not None:
            packages[rule.package_id] += count * int(rule.package_count)
    villages: Counter = Counter()
    names = dict(Village.select(Village.id, Village.name).tuples())
    ids = sorted(picked)
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        villages.update(v for (v,) in Household.select(Household.village)
                        .where(Household.id.in_(chunk)).tuples())
    needs = _package_needs(packages)
    items = {i.id: i for i in stock.Item.select().where(stock.Item.id.in_(sorted(needs)))}
    short = stock.shortfalls(actor, sorted(needs.items()), target_kind=TARGET_KIND,
                             target_id=campaign_id) if needs else []
    return Preview(
        per_rule=tuple(per_rule.get(i, 0) for i in range(len(rules))),
        per_village=tuple((names.get(v, ""), n) for v, n in
                          sorted(villages.items(), key=lambda kv: (-kv[1], names.get(kv[0], "")))),
        total=len(picked),
        needed=tuple((inventory.item_label(items[i]), items[i].unit, q)
                     for i, q in sorted(needs.items())),
        shortfalls=tuple(short))


# ---------------------------------------------------------------- campaigns

@dataclass
class CampaignInput:
    name: str
    kind: str = "holiday"
    theme: str = ""
    festival: str = ""  # a code of core.festivals; "" for none
    year: int | None = None  # the festival's year (default: the window's, or this year)
    starts_on: _dt.date | None = None  # default: two weeks before the festival
    ends_on: _dt.date | None = None  # default: the festival
    budget_fen: int = 0
    note: str = ""


def _clean_campaign(data: CampaignInput) -> tuple[CampaignInput, _dt.date | None]:
    name = clean_text(data.name, "name", max_length=128)
    if data.kind not in CAMPAIGN_KINDS:
        raise ValidationError("bad_choice", field="kind", value=data.kind)
    festival_on = None
    starts_on = validate.date_value(data.starts_on, field="starts_on")
    ends_on = validate.date_value(data.ends_on, field="ends_on")
    if data.festival:
        if data.festival not in festivals.FESTIVALS:
            raise ValidationError("bad_choice", field="festival", value=data.festival)
        if data.year:
            festival_on = festivals.festival_date(data.festival, int(data.year))
        else:  # the next one on or after the window's start (or today)
            base = starts_on or today()
            festival_on = festivals.festival_date(data.festival, base.year)
            if festival_on < base:
                festival_on = festivals.festival_date(data.festival, base.year + 1)
        starts_on = starts_on or festival_on - _dt.timedelta(days=HOLIDAY_LEAD_DAYS)
        ends_on = ends_on or festival_on
    if starts_on is None:
        raise ValidationError("required", field="starts_on")
    ends_on = ends_on or starts_on
    if ends_on < starts_on:
        raise ValidationError("end_before_start", start=starts_on.isoformat(),
                              end=ends_on.isoformat())
    if int(data.budget_fen) < 0:
        raise ValidationError("bad_number", field="budget", value=str(data.budget_fen))
    cleaned = CampaignInput(name, data.kind, clean_text(data.theme, "theme", required=False),
                            data.festival, data.year, starts_on, ends_on, int(data.budget_fen),
                            (data.note or "").strip())
    return cleaned, festival_on


def _open_campaign(campaign_id: int) -> Campaign:
    campaign = get_or_fail(Campaign, campaign_id)
    if campaign.status != OPEN:
        raise ValidationError("campaign_closed", name=campaign.name)
    return campaign


def _rule_row(campaign_id: int, position: int, rule: RuleInput) -> CampaignRule:
    return CampaignRule.create(
        campaign=campaign_id, position=position, category_ids=_id_text(rule.category_ids),
        tier_ids=_id_text(rule.tier_ids), village_ids=_id_text(rule.village_ids),
        min_age=int(rule.min_age) if rule.min_age else None, active_only=bool(rule.active_only),
        package=rule.package_id, package_count=int(rule.package_count))


def _insert_targets(campaign_id: int, rows: Sequence[dict]) -> None:
    for start in range(0, len(rows), 500):
        CampaignTarget.insert_many(rows[start:start + 500]).execute()


def _wanted(campaign_id: int) -> list[tuple[int, int]]:
    """(item id, quantity) the campaign's reservation should hold: the packages of targets
    still to get theirs (open, or visited with the package to follow), plus what was
    delivered against the reservation already."""
    counts: dict[int, int] = defaultdict(int)
    query = (CampaignTarget.select(CampaignTarget.package, peewee.fn.SUM(CampaignTarget.package_count))
             .where((CampaignTarget.campaign == campaign_id)
                    & CampaignTarget.package.is_null(False) & CampaignTarget.voucher.is_null()
                    & CampaignTarget.status.in_([OPEN, "visited"]))
             .group_by(CampaignTarget.package))
    for package_id, count in query.tuples():
        counts[package_id] += int(count)
    lines = _package_needs(counts)
    for row in stock.Reservation.select().where(
            (stock.Reservation.target_kind == TARGET_KIND)
            & (stock.Reservation.target_id == campaign_id)
            & (stock.Reservation.status == "active")):
        lines[row.item_id] = lines.get(row.item_id, 0) + row.delivered
    return sorted(lines.items())


def _rereserve(actor: Actor, campaign_id: int) -> list[stock.Shortfall]:
    """Bring the campaign's reservation in line with its list: partly when stock is short;
    items no package needs any more go down to what was delivered."""
    lines = _wanted(campaign_id)
    if not lines:
        return []
    return stock.reserve(actor, TARGET_KIND, campaign_id, lines, partial=True, note="慰问品")


@dataclass(frozen=True)
class Created:
    campaign_id: int
    targets: int
    shortfalls: tuple[stock.Shortfall, ...]


@writer("campaigns.edit")
def create_campaign(actor: Actor, data: CampaignInput, rules: Sequence[RuleInput]) -> Created:
    """A campaign, its target list from ``rules`` (first rule that picks a household gives its
    package) and the packages reserved for all of them at once. Short stock does not stop it:
    what is there is set aside and the shortfall per item is returned."""
    data, festival_on = _clean_campaign(data)
    if data.kind == "holiday" and not rules:
        raise ValidationError("required", field="rules")
    rules = [_check_rule(r) for r in rules]
    campaign = Campaign.create(
        name=data.name, kind=data.kind, theme=data.theme, festival=data.festival,
        festival_on=festival_on, starts_on=data.starts_on, ends_on=data.ends_on,
        budget_fen=data.budget_fen, note=data.note, created_at=stamp(),
        created_by_name=actor.name)
    created(actor, campaign)
    rule_rows = [_rule_row(campaign.id, i, r) for i, r in enumerate(rules)]
    picked = match(rules, festival_on or data.starts_on)
    now = stamp()
    _insert_targets(campaign.id, [
        {"campaign": campaign.id, "household": hid, "rule": rule_rows[index].id,
         "package": rules[index].package_id, "package_count": int(rules[index].package_count),
         "updated_at": now}
        for hid, index in sorted(picked.items())])
    record(actor, "create", "campaign_target", None, None,
           {"campaign": campaign.id, "targets": len(picked)})
    short = _rereserve(actor, campaign.id)
    return Created(campaign.id, len(picked), tuple(short))


@writer("campaigns.edit")
def update_campaign(actor: Actor, campaign_id: int, data: CampaignInput) -> Campaign:
    """Rename, re-theme, move the window or the budget (the target list stays as it is)."""
    campaign = _open_campaign(campaign_id)
    data, festival_on = _clean_campaign(data)
    if data.kind != campaign.kind:
        raise ValidationError("campaign_kind_fixed")
    before = values_of(campaign)
    (campaign.name, campaign.theme, campaign.festival, campaign.festival_on, campaign.starts_on,
     campaign.ends_on, campaign.budget_fen, campaign.note) = (
        data.name, data.theme, data.festival, festival_on, data.starts_on, data.ends_on,
        data.budget_fen, data.note)
    campaign.save()
    saved(actor, campaign, before)
    return campaign


@writer("campaigns.edit")
def add_target(actor: Actor, campaign_id: int, household_id: int, reason: str, *,
               package_id: int | None = None, package_count: int = 1,
               team_id: int | None = None) -> tuple[int, list[stock.Shortfall]]:
    """Put a household on the list by hand (a reason is required); its package is reserved.
    A household taken off earlier comes back on."""
    campaign = _open_campaign(campaign_id)
    household = get_or_fail(Household, household_id)
    if household.status != "active":
        raise ValidationError("campaign_household_closed", name=household.head_name)
    reason = clean_text(reason, "reason")
    if package_id is not None:
        get_or_fail(PackageKind, package_id)
    if not 1 <= int(package_count) <= 99:
        raise ValidationError("bad_number", field="package_count", value=str(package_count))
    team = _team_of(campaign.id, team_id) if team_id is not None else None
    target = CampaignTarget.get_or_none((CampaignTarget.campaign == campaign.id)
                                       & (CampaignTarget.household == household.id))
    if target is not None and target.status != "removed":
        raise ValidationError("campaign_target_exists", name=household.head_name)
    before = values_of(target) if target else None
    target = target or CampaignTarget(campaign=campaign.id, household=household.id)
    target.package, target.package_count = package_id, int(package_count)
    target.status, target.added_reason, target.removed_reason = OPEN, reason, ""
    target.team = team.id if team else None
    target.route_order = _next_route_place(team.id) if team else 0
    target.updated_at = stamp()
    target.save()
    saved(actor, target, before, note=reason)
    return target.id, _rereserve(actor, campaign.id)


@writer("campaigns.edit")
def remove_target(actor: Actor, target_id: int, reason: str) -> list[stock.Shortfall]:
    """Take a household off the list (a reason is required); its package is no longer held.
    Refused once it has been visited or has its package."""
    target = get_or_fail(CampaignTarget, target_id)
    _open_campaign(target.campaign_id)
    reason = clean_text(reason, "reason")
    if target.status != OPEN or target.voucher_id is not None:
        raise ValidationError("campaign_target_done", name=target.household.head_name)
    before = values_of(target, ["status", "removed_reason"])
    target.status, target.removed_reason, target.updated_at = "removed", reason, stamp()
    target.save()
    saved(actor, target, before, note=reason)
    return _rereserve(actor, target.campaign_id)


@writer("campaigns.edit")
def remove_targets(actor: Actor, target_ids: Sequence[int], reason: str) -> list[stock.Shortfall]:
    """Take several households off the list with one reason: all of them or, if one may not
    be taken off (visited, or given its package), none."""
    short: list[stock.Shortfall] = []
    for target_id in target_ids:
        short = remove_target(actor, target_id, reason)
    return short


@writer("campaigns.edit")
def set_package(actor: Actor, target_ids: Sequence[int], package_id: int | None,
                package_count: int = 1) -> list[stock.Shortfall]:
    """Change the package of targets not yet given theirs; the reservation follows."""
    if package_id is not None:
        get_or_fail(PackageKind, package_id)
    if not 1 <= int(package_count) <= 99:
        raise ValidationError("bad_number", field="package_count", value=str(package_count))
    targets = list(CampaignTarget.select().where(CampaignTarget.id.in_(list(target_ids))))
    campaigns = {t.campaign_id for t in targets}
    for campaign_id in campaigns:
        _open_campaign(campaign_id)
    for target in targets:
        if target.voucher_id is not None:
            raise ValidationError("campaign_already_delivered", name=target.household.head_name)
        before = values_of(target, ["package", "package_count"])
        target.package, target.package_count = package_id, int(package_count)
        target.updated_at = stamp()
        target.save()
        saved(actor, target, before)
    short: list[stock.Shortfall] = []
    for campaign_id in sorted(campaigns):
        short += _rereserve(actor, campaign_id)
    return short


@writer("campaigns.edit")
def top_up(actor: Actor, campaign_id: int) -> list[stock.Shortfall]:
    """Set aside stock that has come in since for the campaign's packages; what is still short."""
    _open_campaign(campaign_id)
    return _rereserve(actor, campaign_id)


@writer("campaigns.close")
def close_campaign(actor: Actor, campaign_id: int, note: str = "",
                   on: _dt.date | None = None) -> int:
    """Close the campaign: what was reserved and not delivered goes back to stock. Targets
    still open stay on the list as not visited. How many reservations were released."""
    campaign = _open_campaign(campaign_id)
    on = validate.date_value(on, field="closed_on") or today()
    released = stock.release(actor, TARGET_KIND, campaign.id, reason=f"{campaign.name} 结束")
    for outing in CampaignOuting.select().join(Shift).where(
            (CampaignOuting.campaign == campaign.id) & (Shift.day > on)):
        # days out still to come come off the roster (their volunteers are free again)
        roster.delete_shift.__wrapped__(actor, outing.shift_id)
    before = values_of(campaign, ["status", "closed_on", "close_note"])
    campaign.status, campaign.closed_on = "closed", on
    campaign.close_note = clean_text(note, "note", required=False)
    campaign.save()
    saved(actor, campaign, before)
    return released


@writer("campaigns.close")
def reopen_campaign(actor: Actor, campaign_id: int, reason: str) -> list[stock.Shortfall]:
    """Open a closed campaign again (closed too early); its packages are reserved anew."""
    campaign = get_or_fail(Campaign, campaign_id)
    reason = clean_text(reason, "reason")
    if campaign.status == OPEN:
        return []
    before = values_of(campaign, ["status", "closed_on"])
    campaign.status, campaign.closed_on = OPEN, None
    campaign.save()
    saved(actor, campaign, before, note=reason)
    return _rereserve(actor, campaign.id)


# ---------------------------------------------------------------- teams and routes

def _team_of(campaign_id: int, team_id: int) -> CampaignTeam:
    team = get_or_fail(CampaignTeam, team_id)
    if team.campaign_id != campaign_id:
        raise ValidationError("bad_choice", field="team", value=str(team_id))
    return team


def _next_route_place(team_id: int) -> int:
    last = (CampaignTarget.select(peewee.fn.MAX(CampaignTarget.route_order))
            .where(CampaignTarget.team == team_id).scalar())
    return (last or 0) + 1


@dataclass
class TeamInput:
    name: str
    leader_id: int | None = None  # the social worker who leads it
    partner: str = ""  # or a partner unit (共建单位) going on its own
    phone: str = ""
    volunteer_ids: Sequence[int] = ()


@writer("campaigns.edit")
def save_team(actor: Actor, campaign_id: int, data: TeamInput,
              team_id: int | None = None) -> CampaignTeam:
    """A visit team: a social worker with volunteers, or a partner unit. Its volunteers are
    put on the team's planned outings too."""
    campaign = _open_campaign(campaign_id)
    name = clean_text(data.name, "name", max_length=64)
    if data.leader_id is not None:
        get_or_fail(Staff, data.leader_id)
    partner = clean_text(data.partner, "partner", required=False, max_length=128)
    if data.leader_id is None and not partner:
        raise ValidationError("campaign_team_needs_leader")
    phone = validate.phone(data.phone, field="phone")
    clash = CampaignTeam.get_or_none((CampaignTeam.campaign == campaign.id)
                                     & (CampaignTeam.name == name))
    if clash is not None and clash.id != team_id:
        raise ValidationError("duplicate", field="name", value=name)
    volunteers = list(dict.fromkeys(int(v) for v in data.volunteer_ids))
    for vid in volunteers:
        volunteer = get_or_fail(Volunteer, vid)
        if volunteer.status != "active":
            raise ValidationError("volunteer_not_active", name=volunteer.name)
    if team_id is None:
        order = (CampaignTeam.select(peewee.fn.COUNT(CampaignTeam.id))
                 .where(CampaignTeam.campaign == campaign.id).scalar() or 0)
        team = CampaignTeam(campaign=campaign.id, sort_order=order + 1)
        before = None
    else:
        team = _team_of(campaign.id, team_id)
        before = values_of(team)
    team.name, team.leader, team.partner, team.phone = name, data.leader_id, partner, phone
    team.save()
    saved(actor, team, before)
    old = {m.volunteer_id: m for m in team.members}
    for vid, member in old.items():
        if vid not in volunteers:
            member.delete_instance()
    for vid in volunteers:
        if vid not in old:
            CampaignTeamMember.create(team=team.id, volunteer=vid)
    if set(old) != set(volunteers):
        record(actor, "update", "campaign_team", team.id, {"volunteers": sorted(old)},
               {"volunteers": volunteers})
        for outing in team.outings:
            if outing.shift.day >= today():
                roster.staff_shift(actor, outing.shift, volunteers)
    return team


@writer("campaigns.edit")
def delete_team(actor: Actor, team_id: int) -> None:
    """Remove a team; its targets go back to unassigned. Refused once it has outings."""
    team = get_or_fail(CampaignTeam, team_id)
    _open_campaign(team.campaign_id)
    if team.outings.count():
        raise ValidationError("campaign_team_has_outings", name=team.name)
    CampaignTarget.update(team=None, route_order=0).where(CampaignTarget.team == team.id).execute()
    record(actor, "delete", "campaign_team", team.id, values_of(team), None)
    team.delete_instance()


_NUMBER = re.compile(r"(\d+)")


def address_key(address: str) -> tuple:
    """Addresses in walking order: 3组2号 before 3组12号."""
    return tuple(int(part) if part.isdigit() else part for part in _NUMBER.split(address or ""))


def _reorder(team_ids: Iterable[int]) -> None:
    """Number each team's targets by village, then address, then head's name."""
    for team_id in team_ids:
        rows = list(CampaignTarget.select(CampaignTarget.id, Village.sort_order, Village.code,
                                          Household.address, Household.head_initials)
                    .join(Household, on=(CampaignTarget.household == Household.id))
                    .join(Village, on=(Household.village == Village.id))
                    .where(CampaignTarget.team == team_id).tuples())
        rows.sort(key=lambda r: (r[1], r[2], address_key(r[3]), r[4] or "", r[0]))
        updates = [CampaignTarget(id=r[0], route_order=n) for n, r in enumerate(rows, start=1)]
        CampaignTarget.bulk_update(updates, fields=[CampaignTarget.route_order], batch_size=500)


@writer("campaigns.edit")
def assign_villages(actor: Actor, campaign_id: int, team_by_village: dict[int, int | None]) -> int:
    """Give the open targets of each village (exactly that village or villagers' group, as
    households are filed) to a team (None: unassigned), in route order. How many moved."""
    campaign = _open_campaign(campaign_id)
    moved = 0
    touched: set[int] = set()
    for village_id, team_id in team_by_village.items():
        team = _team_of(campaign.id, team_id) if team_id is not None else None
        villages = [village_id]  # exactly that one: a group has its own row
        ids = [t for (t, old) in CampaignTarget.select(CampaignTarget.id, CampaignTarget.team)
               .join(Household, on=(CampaignTarget.household == Household.id))
               .where((CampaignTarget.campaign == campaign.id) & (CampaignTarget.status == OPEN)
                      & Household.village.in_(villages)).tuples()
               if old != (team.id if team else None)]
        olds = {old for (old,) in CampaignTarget.select(CampaignTarget.team)
                .where(CampaignTarget.id.in_(ids)).tuples()} if ids else set()
        for start in range(0, len(ids), 500):
            CampaignTarget.update(team=team.id if team else None, route_order=0,
                                  updated_at=stamp()).where(
                CampaignTarget.id.in_(ids[start:start + 500])).execute()
        moved += len(ids)
        touched |= {t for t in olds if t} | ({team.id} if team else set())
    _reorder(touched)
    if moved:
        record(actor, "update", "campaign_target", None, None,
               {"campaign": campaign.id, "assigned": {str(k): v for k, v in team_by_village.items()},
                "moved": moved})
    return moved


@writer("campaigns.edit")
def assign_targets(actor: Actor, target_ids: Sequence[int], team_id: int | None) -> int:
    """Move some targets to a team (None: unassigned); route order is renumbered."""
    targets = list(CampaignTarget.select().where(CampaignTarget.id.in_(list(target_ids))))
    if not targets:
        return 0
    campaign_ids = {t.campaign_id for t in targets}
    if len(campaign_ids) != 1:
        raise ValidationError("bad_choice", field="targets", value="")
    campaign = _open_campaign(campaign_ids.pop())
    team = _team_of(campaign.id, team_id) if team_id is not None else None
    touched = {t.team_id for t in targets if t.team_id} | ({team.id} if team else set())
    CampaignTarget.update(team=team.id if team else None, updated_at=stamp()).where(
        CampaignTarget.id.in_([t.id for t in targets])).execute()
    _reorder(touched)
    record(actor, "update", "campaign_target", None, None,
           {"campaign": campaign.id, "team": team.id if team else None,
            "targets": [t.id for t in targets]})
    return len(targets)


def suggested_teams(actor: Actor, campaign_id: int) -> dict[int, int | None]:
    """village id -> the team led by the village's responsible social worker (or None):
    what the assign dialog starts from."""
    require(actor, "campaigns.view")
    leaders = {t.leader_id: t.id for t in CampaignTeam.select()
               .where(CampaignTeam.campaign == campaign_id).order_by(CampaignTeam.sort_order)
               if t.leader_id is not None}
    villages = {v for (v,) in CampaignTarget.select(Household.village)
                .join(Household, on=(CampaignTarget.household == Household.id))
                .where(CampaignTarget.campaign == campaign_id).distinct().tuples()}
    result = {}
    for village in Village.select().where(Village.id.in_(sorted(villages))):
        top = village
        while top.social_worker_id is None and top.parent_id is not None:
            top = top.parent
        result[village.id] = leaders.get(top.social_worker_id)
    return result


@writer("campaigns.edit")
def plan_outing(actor: Actor, team_id: int, day: _dt.date, start_time: str = "08:30",
                end_time: str = "16:30") -> int:
    """A team's day out: a home-visit shift with its volunteers on it. They sign in at the
    front desk (or are typed in from paper), and their hours count for the campaign."""
    team = get_or_fail(CampaignTeam, team_id)
    campaign = _open_campaign(team.campaign_id)
    day = validate.date_value(day, field="day", required=True)
    villages = sorted({v for (v,) in CampaignTarget.select(Village.name)
                       .join(Household, on=(CampaignTarget.household == Household.id))
                       .join(Village, on=(Household.village == Village.id))
                       .where(CampaignTarget.team == team.id).tuples()})
    shift = roster.add_shift.__wrapped__(
        actor, name=f"{campaign.name}·{team.name}"[:64], kind="home_visit", day=day,
        start_time=start_time, end_time=end_time, place="、".join(villages)[:64],
        capacity=max(len(team.members), 1), note=f"campaign:{campaign.id}")
    outing = CampaignOuting.create(campaign=campaign.id, team=team.id, shift=shift.id)
    created(actor, outing)
    roster.staff_shift(actor, shift, [m.volunteer_id for m in team.members])
    return shift.id


# ---------------------------------------------------------------- outcomes

@dataclass
class OutcomeInput:
    outcome: str  # visited, nobody_home, declined, moved, deceased
    visited_on: _dt.date
    visitors: str = ""
    delivered: bool = False  # the package was handed over on this call
    signed: bool = False  # and signed for (签收)
    needs: Sequence[str] = ()
    need_urgency: str = "normal"
    summary: str = ""
    reason: str = ""  # moved / deceased: what the household's file says
    requeue_on: _dt.date | None = None  # nobody home: when to try again
    requeue_team_id: int | None = None  # ... and with which team (default: the same)


def _package_lines(target: CampaignTarget) -> list[stock.OutLine]:
    if target.package_id is None:
        return []
    return [stock.OutLine(item_id, quantity)
            for item_id, quantity in inventory.package_lines(target.package_id,
                                                             target.package_count)]


def _deliver(actor: Actor, target: CampaignTarget, on: _dt.date, recipient: str = "") -> Voucher:
    """The package out of stock against the campaign's reservation. Refused when the
    reservation lacks an item (stock short: deliver what came in after a top-up)."""
    campaign = target.campaign
    if target.voucher_id is not None:
        raise ValidationError("campaign_already_delivered", name=target.household.head_name)
    lines = _package_lines(target)
    if not lines:
        raise ValidationError("campaign_no_package", name=target.household.head_name)
    held = {r.item_id: r.quantity - r.delivered for r in stock.Reservation.select().where(
        (stock.Reservation.target_kind == TARGET_KIND)
        & (stock.Reservation.target_id == campaign.id)
        & (stock.Reservation.status == "active"))}
    for line in lines:
        if held.get(line.item_id, 0) < line.quantity:
            item = stock.Item.get_by_id(line.item_id)
            raise ValidationError("campaign_package_short", item=inventory.item_label(item),
                                  unit=item.unit, wanted=line.quantity,
                                  held=max(held.get(line.item_id, 0), 0))
    household = target.household
    return stock.give_out_goods(actor, "campaign", on, lines, household_id=household.id,
                                target_kind=TARGET_KIND, target_id=campaign.id,
                                recipient=recipient or household.head_name,
                                reference=campaign.name)


def _visit_kind(campaign: Campaign) -> str:
    return "holiday" if campaign.kind == "holiday" else "visit_day"


@writer("campaigns.record")
def record_outcome(actor: Actor, target_id: int, data: OutcomeInput) -> CampaignTarget:
    """One call at a target household: it goes into the household's visit history (its due
    date moves on a visit), needs found go on file, a package handed over leaves stock
    against the reservation, moved or deceased updates the household's file; nobody home
    keeps the target open, re-queued to another day or team."""
    require(actor, "households.edit")
    target = get_or_fail(CampaignTarget, target_id)
    campaign = _open_campaign(target.campaign_id)
    if data.outcome not in TARGET_OUTCOMES:
        raise ValidationError("bad_choice", field="outcome", value=data.outcome)
    if target.status != OPEN:
        raise ValidationError("campaign_target_done", name=target.household.head_name)
    on = validate.date_value(data.visited_on, field="visited_on", required=True)
    if on < campaign.starts_on:
        raise ValidationError("campaign_before_start", day=on.isoformat(),
                              start=campaign.starts_on.isoformat())
    if data.delivered and data.outcome != "visited":
        raise ValidationError("campaign_deliver_on_visit")
    if data.outcome in ("visited", "nobody_home") and target.household.status != "active":
        # closed on its file (died, moved away) since it was put on the list
        raise ValidationError("campaign_household_closed", name=target.household.head_name)
    reason = clean_text(data.reason, "reason", required=data.outcome in ("moved", "deceased"))
    requeue_team = None
    if data.outcome == "nobody_home":
        requeue_on = validate.date_value(data.requeue_on, field="requeue_on")
        if requeue_on is not None and requeue_on <= on:
            raise ValidationError("campaign_requeue_date", day=requeue_on.isoformat())
        if requeue_on is not None and requeue_on > _as_date(campaign.ends_on):
            raise ValidationError("campaign_requeue_after_end", day=requeue_on.isoformat(),
                                  end=_as_date(campaign.ends_on).isoformat())
        if data.requeue_team_id is not None:
            requeue_team = _team_of(campaign.id, data.requeue_team_id)
    summary = (data.summary or "").strip()
    if reason and reason not in summary:
        summary = f"{summary} {reason}".strip()
    summary = f"{campaign.name}：{summary}" if summary else campaign.name
    visit = households.record_visit(actor, target.household_id, households.VisitInput(
        visited_on=on, visitors=data.visitors or actor.name, kind=_visit_kind(campaign),
        outcome=data.outcome, summary=summary, needs=list(data.needs),
        need_urgency=data.need_urgency))
    before = values_of(target)
    target.visit, target.attempts = visit.id, target.attempts + 1
    target.visitors = clean_text(data.visitors or actor.name, "visitors", required=False)
    target.outcome_on = on
    target.needs_found += sum(1 for n in data.needs if n.strip())
    if data.outcome == "nobody_home":
        target.planned_on = validate.date_value(data.requeue_on, field="requeue_on")
        if requeue_team is not None and requeue_team.id != target.team_id:
            target.team, target.route_order = requeue_team.id, _next_route_place(requeue_team.id)
    else:
        target.status = data.outcome
        target.planned_on = None
        if data.delivered:
            target.voucher = _deliver(actor, target, on).id
            target.signed = bool(data.signed)
    target.updated_at = stamp()
    target.save()
    if data.outcome in ("moved", "deceased") and target.household.status == "active":
        # the household's file closes, and its other campaigns' lists follow
        households.close_household(actor, target.household_id, data.outcome, reason, on)
    CampaignCall.create(target=target.id, visit=visit.id)
    saved(actor, target, before)
    if target.status not in (OPEN, "visited") and target.package_id is not None:
        _rereserve(actor, campaign.id)  # no package goes there now: free it for others
    return target


@writer("campaigns.record")
def deliver(actor: Actor, target_id: int, on: _dt.date, *, signed: bool = False,
            recipient: str = "") -> int:
    """Hand over the package of a target already visited (it was brought later, or collected
    at the station). Delivering twice is refused. The voucher id."""
    target = get_or_fail(CampaignTarget, target_id)
    _open_campaign(target.campaign_id)
    if target.status != "visited":
        raise ValidationError("campaign_deliver_on_visit")
    if target.household.status != "active":
        raise ValidationError("campaign_household_closed", name=target.household.head_name)
    on = validate.date_value(on, field="day", required=True)
    before = values_of(target, ["voucher", "signed"])
    voucher = _deliver(actor, target, on, clean_text(recipient, "recipient", required=False))
    target.voucher, target.signed, target.updated_at = voucher.id, bool(signed), stamp()
    target.save()
    saved(actor, target, before)
    return voucher.id


@writer("campaigns.record")
def deliver_many(actor: Actor, target_ids: Sequence[int], on: _dt.date, *,
                 signed: bool = False) -> int:
    """Hand over the packages of several visited households: all of them, or (one refused:
    stock short, given already) none. How many."""
    for target_id in target_ids:
        deliver(actor, target_id, on, signed=signed)
    return len(target_ids)


def household_closed(actor: Actor, household_id: int, status: str, reason: str) -> int:
    """A household's file closed (died, moved away, closed): it comes off the lists of open
    campaigns it is still to be visited in, with the file's reason, and its packages are no
    longer held. Inside the caller's transaction; how many lists it came off."""
    rows = list(CampaignTarget.select().join(Campaign).where(
        (CampaignTarget.household == household_id) & (CampaignTarget.status == OPEN)
        & (Campaign.status == OPEN)))
    for target in rows:
        before = values_of(target, ["status", "removed_reason"])
        target.status = status if status in ("moved", "deceased") else "removed"
        target.removed_reason = f"档案注销：{reason}" if target.status == "removed" else ""
        target.updated_at = stamp()
        target.save()
        saved(actor, target, before, note=reason)
    for campaign_id in sorted({t.campaign_id for t in rows}):
        _rereserve(actor, campaign_id)
    return len(rows)


@writer("campaigns.record")
def mark_signed(actor: Actor, target_ids: Sequence[int], signed: bool = True) -> int:
    """The signed 签收表 came back: tick (or untick) the targets whose package was signed for."""
    changed = 0
    for target in CampaignTarget.select().where(CampaignTarget.id.in_(list(target_ids))):
        _open_campaign(target.campaign_id)  # a closed campaign's summary stays as it was
        if target.voucher_id is None:
            raise ValidationError("campaign_not_delivered", name=target.household.head_name)
        if target.signed != bool(signed):
            before = values_of(target, ["signed"])
            target.signed, target.updated_at = bool(signed), stamp()
            target.save()
            saved(actor, target, before)
            changed += 1
    return changed


@writer("campaigns.record")
def reopen_target(actor: Actor, target_id: int, reason: str) -> CampaignTarget:
    """Undo an outcome recorded by mistake: a delivered package is reversed into stock (and
    held for the target again), the visit leaves the household's history, the target is
    open again. A household closed by the outcome stays closed: reopen it on its file."""
    require(actor, "households.edit")
    target = get_or_fail(CampaignTarget, target_id)
    campaign = _open_campaign(target.campaign_id)
    reason = clean_text(reason, "reason")
    if target.status in (OPEN, "removed"):
        raise ValidationError("campaign_target_open", name=target.household.head_name)
    before = values_of(target)
    if target.voucher_id is not None:
        stock.reverse_voucher(actor, target.voucher_id, reason)
        target.voucher = None
        target.signed = False
    if target.visit_id is not None:
        # the needs heard on that call were recorded in error too
        for need in households.Need.select().where(households.Need.visit == target.visit_id):
            deleted(actor, need, note=reason)
            need.delete_instance()
        CampaignCall.delete().where(CampaignCall.visit == target.visit_id).execute()
        households.delete_visit(actor, target.visit_id, reason)
        target.visit = None
        target.needs_found = (households.Need.select()
                              .join(CampaignCall, on=(CampaignCall.visit == households.Need.visit))
                              .where(CampaignCall.target == target.id).count())
    target.status, target.outcome_on = OPEN, None
    target.attempts = max(target.attempts - 1, 0)
    target.updated_at = stamp()
    target.save()
    saved(actor, target, before, note=reason)
    _rereserve(actor, campaign.id)
    return target


# ---------------------------------------------------------------- monthly home-visit day

@writer("campaigns.edit")
def create_visit_day(actor: Actor, data: CampaignInput,
                     social_worker_ids: Sequence[int] = ()) -> Created:
    """家访日: a visit-day campaign whose targets are each social worker's due-visit list by
    the window's end (all workers, or those named), one team per worker, in route order."""
    data = CampaignInput(**{**data.__dict__, "kind": "visit_day", "festival": ""})
    data, _ = _clean_campaign(data)
    query = (Household.select(Household.id, Household.social_worker)
             .where((Household.status == "active") & (Household.due_on <= data.ends_on)
                    & Household.social_worker.is_null(False)))
    if social_worker_ids:
        query = query.where(Household.social_worker.in_(list(social_worker_ids)))
    due = list(query.tuples())
    campaign = Campaign.create(
        name=data.name, kind="visit_day", theme=data.theme, starts_on=data.starts_on,
        ends_on=data.ends_on, budget_fen=data.budget_fen, note=data.note, created_at=stamp(),
        created_by_name=actor.name)
    created(actor, campaign)
    workers = {s.id: s for s in Staff.select().where(
        Staff.id.in_(sorted({w for _h, w in due} | set(social_worker_ids))))}
    teams = {}
    for order, worker in enumerate(sorted(workers.values(), key=lambda s: s.name), start=1):
        teams[worker.id] = CampaignTeam.create(campaign=campaign.id, name=worker.name,
                                               leader=worker.id, sort_order=order).id
    now = stamp()
    _insert_targets(campaign.id, [{"campaign": campaign.id, "household": hid,
                                   "team": teams[worker], "package": None, "updated_at": now}
                                  for hid, worker in due])
    _reorder(teams.values())
    record(actor, "create", "campaign_target", None, None,
           {"campaign": campaign.id, "targets": len(due)})
    return Created(campaign.id, len(due), ())


# ---------------------------------------------------------------- reading

@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    kind: str
    theme: str
    festival: str
    festival_on: _dt.date | None
    starts_on: _dt.date
    ends_on: _dt.date
    status: str
    targets: int
    done: int  # visited, declined, moved or deceased
    delivered: int
    budget_fen: int
    note: str = ""  # so a form that edits the campaign can keep it (update_campaign sets it)

    @property
    def share_done(self) -> float:
        return self.done / self.targets if self.targets else 0.0


def _campaign_rows(where) -> list[CampaignRow]:
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    query = (CampaignTarget.select(
        CampaignTarget.campaign, peewee.fn.COUNT(CampaignTarget.id),
        peewee.fn.SUM(peewee.Case(None, [(CampaignTarget.status != OPEN, 1)], 0)),
        peewee.fn.COUNT(CampaignTarget.voucher))
        .where(CampaignTarget.status != "removed").group_by(CampaignTarget.campaign))
    for cid, total, done, delivered in query.tuples():
        counts[cid] = [total, int(done or 0), delivered]
    campaigns = Campaign.select().where(where).order_by(Campaign.starts_on.desc(), Campaign.id.desc())
    return [CampaignRow(c.id, c.name, c.kind, c.theme, c.festival, _as_date(c.festival_on),
                        _as_date(c.starts_on), _as_date(c.ends_on), c.status, *counts[c.id],
                        c.budget_fen, c.note or "") for c in campaigns]


def list_campaigns(actor: Actor, *, status: str = "", kind: str = "") -> list[CampaignRow]:
    require(actor, "campaigns.view")
    where = peewee.Value(True)
    if status:
        where &= Campaign.status == status
    if kind:
        where &= Campaign.kind == kind
    return _campaign_rows(where)


def get_campaign(actor: Actor, campaign_id: int) -> CampaignRow:
    require(actor, "campaigns.view")
    get_or_fail(Campaign, campaign_id)
    return _campaign_rows(Campaign.id == campaign_id)[0]


@dataclass(frozen=True)
class RuleRow:
    id: int
    categories: tuple[str, ...]
    tiers: tuple[str, ...]
    villages: tuple[str, ...]
    min_age: int | None
    active_only: bool
    package: str
    package_count: int
    targets: int


def rules_of(actor: Actor, campaign_id: int) -> list[RuleRow]:
    require(actor, "campaigns.view")
    names = {model: dict(model.select(model.id, model.name).tuples())
             for model in (Category, Tier, Village)}
    packages = dict(PackageKind.select(PackageKind.id, PackageKind.name).tuples())
    counts = dict(CampaignTarget.select(CampaignTarget.rule, peewee.fn.COUNT(CampaignTarget.id))
                  .where((CampaignTarget.campaign == campaign_id)
                         & (CampaignTarget.status != "removed"))
                  .group_by(CampaignTarget.rule).tuples())
    return [RuleRow(r.id, *(tuple(names[m].get(i, f"#{i}") for i in _ids(text))
                            for m, text in ((Category, r.category_ids), (Tier, r.tier_ids),
                                            (Village, r.village_ids))),
                    r.min_age, r.active_only, packages.get(r.package_id, ""), r.package_count,
                    counts.get(r.id, 0))
            for r in CampaignRule.select().where(CampaignRule.campaign == campaign_id)
            .order_by(CampaignRule.position)]


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    leader_id: int | None
    leader_name: str
    partner: str
    phone: str
    volunteer_ids: tuple[int, ...]
    volunteer_names: tuple[str, ...]
    targets: int
    open: int
    outings: tuple[_dt.date, ...]


def teams(actor: Actor, campaign_id: int) -> list[TeamRow]:
    require(actor, "campaigns.view")
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for team_id, status, n in (CampaignTarget.select(CampaignTarget.team, CampaignTarget.status,
                                                     peewee.fn.COUNT(CampaignTarget.id))
                               .where((CampaignTarget.campaign == campaign_id)
                                      & (CampaignTarget.status != "removed"))
                               .group_by(CampaignTarget.team, CampaignTarget.status).tuples()):
        counts[team_id][0] += n
        if status == OPEN:
            counts[team_id][1] += n
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for team_id, vid, name in (CampaignTeamMember.select(CampaignTeamMember.team, Volunteer.id,
                                                         Volunteer.name)
                               .join(Volunteer).join_from(CampaignTeamMember, CampaignTeam)
                               .where(CampaignTeam.campaign == campaign_id)
                               .order_by(Volunteer.name_initials).tuples()):
        members[team_id].append((vid, name))
    outings: dict[int, list[_dt.date]] = defaultdict(list)
    for team_id, day in (CampaignOuting.select(CampaignOuting.team, Shift.day).join(Shift)
                         .where(CampaignOuting.campaign == campaign_id)
                         .order_by(Shift.day).tuples()):
        outings[team_id].append(_as_date(day))
    staff = dict(Staff.select(Staff.id, Staff.name).tuples())
    return [TeamRow(t.id, t.name, t.leader_id, staff.get(t.leader_id, ""), t.partner, t.phone,
                    tuple(v for v, _n in members[t.id]), tuple(n for _v, n in members[t.id]),
                    *counts[t.id], tuple(outings[t.id]))
            for t in CampaignTeam.select().where(CampaignTeam.campaign == campaign_id)
            .order_by(CampaignTeam.sort_order, CampaignTeam.id)]


@dataclass(frozen=True)
class TargetRow:
    id: int
    household_id: int
    head_name: str
    village_id: int
    village: str
    address: str
    phone: str  # masked
    household_status: str
    package: str
    package_count: int
    team_id: int | None
    team: str
    route_order: int
    status: str
    attempts: int
    planned_on: _dt.date | None
    outcome_on: _dt.date | None
    delivered: bool
    signed: bool
    needs_found: int
    added_reason: str
    removed_reason: str


@dataclass(frozen=True)
class TargetQuery:
    team_id: int | None = None
    unassigned: bool = False
    village_id: int | None = None
    status: str = ""  # "" : all but removed; "removed"; "open"; "done"; "overdue"
    text: str = ""
    on: _dt.date | None = None  # today, for "overdue"


def _overdue(campaign: Campaign, on: _dt.date):
    """Open targets whose day has passed: re-queued to a day before ``on``, or the window over."""
    late = (CampaignTarget.planned_on < on)
    if _as_date(campaign.ends_on) < on:
        late |= CampaignTarget.planned_on.is_null()
    return (CampaignTarget.status == OPEN) & late


def targets(actor: Actor, campaign_id: int, query: TargetQuery | None = None) -> list[TargetRow]:
    """The target list, by team and route order (unassigned last), filtered."""
    require(actor, "campaigns.view")
    require(actor, "households.view")
    campaign = get_or_fail(Campaign, campaign_id)
    query = query or TargetQuery()
    where = CampaignTarget.campaign == campaign.id
    if query.status == "removed":
        where &= CampaignTarget.status == "removed"
    else:
        where &= CampaignTarget.status != "removed"
        if query.status == "open":
            where &= CampaignTarget.status == OPEN
        elif query.status == "done":
            where &= CampaignTarget.status != OPEN
        elif query.status == "overdue":
            where &= _overdue(campaign, query.on or today())
        elif query.status:
            where &= CampaignTarget.status == query.status
    if query.team_id is not None:
        where &= CampaignTarget.team == query.team_id
    elif query.unassigned:
        where &= CampaignTarget.team.is_null()
    if query.village_id is not None:
        where &= Household.village.in_(_with_groups([query.village_id]))
    if query.text.strip():
        from .. import search

        pattern, _ = search.like_pattern(query.text)
        where &= peewee.NodeList((Household.search_text, peewee.SQL("LIKE"),
                                  peewee.Value(pattern), peewee.SQL("ESCAPE '\\'")))
    packages = dict(PackageKind.select(PackageKind.id, PackageKind.name).tuples())
    team_names = dict(CampaignTeam.select(CampaignTeam.id, CampaignTeam.name)
                      .where(CampaignTeam.campaign == campaign.id).tuples())
    team_order = dict(CampaignTeam.select(CampaignTeam.id, CampaignTeam.sort_order)
                      .where(CampaignTeam.campaign == campaign.id).tuples())
    village_names = dict(Village.select(Village.id, Village.name).tuples())
    select = (CampaignTarget.select(
        CampaignTarget.id, Household.id, Household.head_name, Household.village,
        Household.address, Household.phone, Household.status, CampaignTarget.package,
        CampaignTarget.package_count, CampaignTarget.team, CampaignTarget.route_order,
        CampaignTarget.status, CampaignTarget.attempts, CampaignTarget.planned_on,
        CampaignTarget.outcome_on, CampaignTarget.voucher, CampaignTarget.signed,
        CampaignTarget.needs_found, CampaignTarget.added_reason, CampaignTarget.removed_reason,
        Village.sort_order, Household.head_initials)
        .join(Household, on=(CampaignTarget.household == Household.id))
        .join(Village, on=(Household.village == Village.id)).where(where))
    rows = []
    for (tid, hid, head, village_id, address, phone, hstatus, package_id, count, team_id,
         route, status, attempts, planned, outcome_on, voucher, signed, needs, added, removed,
         village_order, initials) in database.execute(select):
        rows.append(((team_id is None, team_order.get(team_id, 0), route, village_order,
                      address_key(address), initials or "", tid),
                     TargetRow(tid, hid, head, village_id, village_names.get(village_id, ""),
                               address, validate.mask_phone(phone), hstatus,
                               packages.get(package_id, ""), count or 0, team_id,
                               team_names.get(team_id, ""), route, status, attempts,
                               _as_date(planned), _as_date(outcome_on), voucher is not None,
                               bool(signed), needs, added, removed)))
    rows.sort(key=lambda r: r[0])
    return [r for _k, r in rows]


@dataclass(frozen=True)
class ProgressLine:
    key: str  # a village's or team's name ("" : no team yet)
    targets: int
    visited: int
    nobody_home: int  # open targets with a call behind them
    declined: int
    gone: int  # moved or deceased
    open: int
    overdue: int
    delivered: int
    signed: int

    @property
    def done(self) -> int:
        return self.targets - self.open

    @property
    def share_done(self) -> float:
        return self.done / self.targets if self.targets else 0.0


@dataclass(frozen=True)
class Progress:
    campaign: CampaignRow
    total: ProgressLine
    by_village: tuple[ProgressLine, ...]
    by_team: tuple[ProgressLine, ...]
    reserved: tuple[stock.ReservationRow, ...]  # the packages' stock: held, given, short
    on: _dt.date


def progress(actor: Actor, campaign_id: int, on: _dt.date | None = None) -> Progress:
    """Counts by village and team in one grouped query: done, open, overdue, delivered."""
    require(actor, "campaigns.view")
    campaign = get_or_fail(Campaign, campaign_id)
    on = on or today()
    overdue = peewee.Case(None, [(_overdue(campaign, on), 1)], 0)
    query = (CampaignTarget.select(
        Household.village, CampaignTarget.team, CampaignTarget.status,
        CampaignTarget.attempts > 0, peewee.fn.COUNT(CampaignTarget.id),
        peewee.fn.SUM(overdue), peewee.fn.COUNT(CampaignTarget.voucher),
        peewee.fn.SUM(peewee.Case(None, [(CampaignTarget.signed, 1)], 0)))
        .join(Household, on=(CampaignTarget.household == Household.id))
        .where((CampaignTarget.campaign == campaign.id) & (CampaignTarget.status != "removed"))
        .group_by(Household.village, CampaignTarget.team, CampaignTarget.status,
                  CampaignTarget.attempts > 0))
    by_village: dict[int, list[int]] = defaultdict(lambda: [0] * 9)
    by_team: dict[int | None, list[int]] = defaultdict(lambda: [0] * 9)
    total = [0] * 9
    for village, team, status, called, n, late, delivered, signed in database.execute(query):
        line = [n, n if status == "visited" else 0,
                n if status == OPEN and called else 0, n if status == "declined" else 0,
                n if status in ("moved", "deceased") else 0, n if status == OPEN else 0,
                int(late or 0), delivered, int(signed or 0)]
        for bucket in (by_village[village], by_team[team], total):
            for i, value in enumerate(line):
                bucket[i] += value
    villages = {v.id: v for v in Village.select().where(Village.id.in_(sorted(by_village)))}
    team_rows = {t.id: t for t in CampaignTeam.select().where(CampaignTeam.campaign == campaign.id)}
    return Progress(
        campaign=get_campaign(actor, campaign.id),
        total=ProgressLine("", *total),
        by_village=tuple(ProgressLine(villages[v].name, *by_village[v])
                         for v in sorted(by_village, key=lambda v: (villages[v].sort_order,
                                                                    villages[v].code))),
        by_team=tuple(ProgressLine(team_rows[t].name if t else "", *by_team[t])
                      for t in sorted(by_team, key=lambda t: (t is None, team_rows[t].sort_order
                                                              if t else 0, t or 0))),
        reserved=tuple(stock.reservations(actor, target_kind=TARGET_KIND,
                                          target_id=campaign.id, active_only=False)),
        on=on)


# ---------------------------------------------------------------- the sheets and the summary

@dataclass(frozen=True)
class SheetRow:
    order: int
    head_name: str
    id_number: str  # masked
    village: str
    address: str
    phone: str  # masked unless the station allows the worker's own villages in full
    members: int
    package: str  # "慰问包A ×1"
    planned_on: _dt.date | None
    attempts: int


@dataclass(frozen=True)
class TeamSheet:
    team: str
    leader: str
    partner: str
    phone: str
    volunteers: tuple[str, ...]
    outings: tuple[_dt.date, ...]
    rows: tuple[SheetRow, ...]


@dataclass(frozen=True)
class SheetData:
    station: str
    campaign: str
    kind: str
    theme: str
    festival_on: _dt.date | None
    starts_on: _dt.date
    ends_on: _dt.date
    printed_on: _dt.date
    printed_by: str
    teams: tuple[TeamSheet, ...]
    package_contents: tuple[tuple[str, str], ...]  # (package, "大米 10kg×1袋、…")
    full_phones: int


def _head_ids(household_ids: Sequence[int]) -> dict[int, str]:
    heads: dict[int, str] = {}
    for start in range(0, len(household_ids), 900):
        chunk = household_ids[start:start + 900]
        for hid, number in (Member.select(Member.household, Member.id_number)
                            .where(Member.household.in_(chunk) & (Member.relation == "户主")
                                   & Member.id_number.is_null(False))
                            .order_by(Member.sort_order, Member.id).tuples()):
            heads.setdefault(hid, number)
    return heads


def _member_counts(household_ids: Sequence[int]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for start in range(0, len(household_ids), 900):
        chunk = household_ids[start:start + 900]
        counts.update(Member.select(Member.household, peewee.fn.COUNT(Member.id))
                      .where(Member.household.in_(chunk) & (Member.status == "active"))
                      .group_by(Member.household).tuples())
    return counts


def package_contents(package_ids: Iterable[int], sep: str = "、") -> dict[int, str]:
    """package id -> "大米 10kg×1袋、食用油 5L×1桶"."""
    texts: dict[int, list[str]] = defaultdict(list)
    for line in (PackageLine.select(PackageLine, stock.Item).join(stock.Item)
                 .where(PackageLine.package.in_(sorted(set(package_ids))))
                 .order_by(PackageLine.id)):
        texts[line.package_id].append(
            f"{inventory.item_label(line.item)}×{line.quantity}{line.item.unit}")
    return {k: sep.join(v) for k, v in texts.items()}


def sheet_data(actor: Actor, campaign_id: int, *, team_id: int | None = None,
               open_only: bool = True, on: _dt.date | None = None) -> SheetData:
    """What the visit sheets print, a section per team (targets without a team last): each
    household's head with masked ID number, address, phone (masked as the station's setting
    says), people at home and package, in route order."""
    from . import household_exports

    require(actor, "campaigns.view")
    require(actor, "households.view")
    campaign = get_or_fail(Campaign, campaign_id)
    query = TargetQuery(team_id=team_id, status="open" if open_only else "")
    rows = targets(actor, campaign.id, query)
    ids = [r.household_id for r in rows]
    full = household_exports.visit_sheet_data(actor, ids, on=on) if ids else None
    phones = {line.household_id: line.phone for line in full.rows} if full else {}
    heads = _head_ids(ids)
    members = _member_counts(ids)
    packages = {p.id: p.name for p in PackageKind.select()}
    contents = package_contents(packages)
    used = {r.package for r in rows if r.package}
    team_rows = {t.id: t for t in teams(actor, campaign.id)}
    sections: dict[int | None, list[SheetRow]] = defaultdict(list)
    for r in rows:
        sections[r.team_id].append(SheetRow(
            r.route_order or len(sections[r.team_id]) + 1, r.head_name,
            validate.mask_id(heads.get(r.household_id, "")), r.village, r.address,
            phones.get(r.household_id, r.phone), members.get(r.household_id, 0),
            f"{r.package}×{r.package_count}" if r.package else "", r.planned_on, r.attempts))
    sheets = []
    for tid in sorted(sections, key=lambda t: (t is None, team_rows[t].name if t else "")):
        team = team_rows.get(tid)
        rows_of = sections[tid]
        if tid is None:  # no route yet: number them as listed
            rows_of = [replace(r, order=n) for n, r in enumerate(rows_of, start=1)]
        sheets.append(TeamSheet(team.name if team else "", team.leader_name if team else "",
                                team.partner if team else "", team.phone if team else "",
                                team.volunteer_names if team else (),
                                team.outings if team else (), tuple(rows_of)))
    from .station import get_station

    station = get_station()
    return SheetData(station.name if station else "", campaign.name, campaign.kind,
                     campaign.theme, _as_date(campaign.festival_on),
                     _as_date(campaign.starts_on), _as_date(campaign.ends_on),
                     on or today(), actor.name, tuple(sheets),
                     tuple((packages[p], contents.get(p, "")) for p in sorted(packages)
                           if packages[p] in used),
                     full.full_phones if full else 0)


def sign_off_data(actor: Actor, campaign_id: int, *, team_id: int | None = None):
    """The campaign's 签收表: its open targets with a package, in route order, names masked
    (the sheet goes round the village), with the goods of each package."""
    require(actor, "campaigns.view")
    campaign = get_or_fail(Campaign, campaign_id)
    rows = targets(actor, campaign.id, TargetQuery(team_id=team_id, status="open"))
    contents = package_contents({p.id for p in PackageKind.select()})
    by_name = {p.name: p.id for p in PackageKind.select()}
    planned = []
    for r in rows:
        if not r.package:
            continue
        goods = contents.get(by_name[r.package], r.package)
        if r.package_count > 1:
            goods = f"{r.package}×{r.package_count}（{goods}）"
        planned.append((r.village, validate.mask_name(r.head_name), goods))
    from .stock_sheets import planned_rows

    team = CampaignTeam.get_or_none(CampaignTeam.id == team_id) if team_id else None
    subtitle = f"{campaign.name}" + (f" · {team.name}" if team else "")
    return planned_rows(planned, subtitle=subtitle, date_from=_as_date(campaign.starts_on),
                        date_to=_as_date(campaign.ends_on))


@dataclass(frozen=True)
class VolunteerHours:
    name: str
    team: str
    outings: int
    hours: float


@dataclass(frozen=True)
class NeedLine:
    village: str
    head_name: str  # masked
    content: str
    raised_on: _dt.date


@dataclass(frozen=True)
class PackageLineSummary:
    package: str
    delivered: int  # packages handed over
    value_fen: int
    unvalued: bool  # some goods carried no value


@dataclass(frozen=True)
class Summary:
    station: str
    progress: Progress
    packages: tuple[PackageLineSummary, ...]
    goods: tuple[tuple[str, str, int, int], ...]  # (item, unit, quantity out, value fen)
    value_fen: int  # what went out, net of reversals
    budget_fen: int
    volunteers: tuple[VolunteerHours, ...]
    volunteer_hours: float
    person_times: int
    needs: tuple[NeedLine, ...]
    visits: int  # calls made, nobody-home ones too
    closed_on: _dt.date | None
    close_note: str


def summary(actor: Actor, campaign_id: int) -> Summary:
    """The closing summary: targets and outcomes, packages and their value in yuan, the
    volunteers and their hours (from attendance on the team outings), the needs found."""
    from . import attendance
    from .station import get_station

    require(actor, "campaigns.view")
    campaign = get_or_fail(Campaign, campaign_id)
    state = progress(actor, campaign.id)
    vouchers = [v for (v,) in Voucher.select(Voucher.id).where(
        (Voucher.target_kind == TARGET_KIND) & (Voucher.target_id == campaign.id)).tuples()]
    reversals = [v for (v,) in Voucher.select(Voucher.id).where(
        Voucher.reverses.in_(vouchers)).tuples()] if vouchers else []
    goods: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    unvalued_items: set[int] = set()
    for start in range(0, len(vouchers + reversals), 900):
        chunk = (vouchers + reversals)[start:start + 900]
        for item_id, quantity, value in (stock.StockMovement.select(
                stock.StockMovement.item, stock.StockMovement.quantity,
                stock.StockMovement.unit_value_fen)
                .where(stock.StockMovement.voucher.in_(chunk)).tuples()):
            goods[item_id][0] -= quantity
            if value is None:
                unvalued_items.add(item_id)
            else:
                goods[item_id][1] -= quantity * value
    items = {i.id: i for i in stock.Item.select().where(stock.Item.id.in_(sorted(goods)))}
    per_package: dict[int, int] = defaultdict(int)
    for package_id, count in (CampaignTarget.select(CampaignTarget.package,
                                                    peewee.fn.SUM(CampaignTarget.package_count))
                              .where((CampaignTarget.campaign == campaign.id)
                                     & CampaignTarget.voucher.is_null(False))
                              .group_by(CampaignTarget.package).tuples()):
        per_package[package_id] += int(count)
    packages = []
    for package_id, count in sorted(per_package.items()):
        package = PackageKind.get_by_id(package_id)
        value, unvalued = 0, False
        for line in package.lines:
            quantity, item_value = goods.get(line.item_id, (0, 0))
            unvalued |= line.item_id in unvalued_items
            if quantity:  # the average value per unit given out
                value += item_value / quantity * line.quantity * count
        packages.append(PackageLineSummary(package.name, count, round(value), unvalued))
    outing_shifts = [s for (s,) in CampaignOuting.select(CampaignOuting.shift)
                     .where(CampaignOuting.campaign == campaign.id).tuples()]
    team_of_shift = dict(CampaignOuting.select(CampaignOuting.shift, CampaignTeam.name)
                         .join(CampaignTeam).where(CampaignOuting.campaign == campaign.id).tuples())
    hours: dict[tuple[int, str], list] = {}
    if outing_shifts:
        days = [d for (d,) in Shift.select(Shift.day).where(Shift.id.in_(outing_shifts)).tuples()]
        days = [_as_date(d) for d in days]
        for row in attendance.visits(actor, min(days), max(days)):
            if row.shift is None or row.shift.id not in outing_shifts:
                continue
            if row.status in ("void", "open"):
                continue
            line = hours.setdefault((row.volunteer_id, row.volunteer_name),
                                    [team_of_shift.get(row.shift.id, ""), 0, 0.0])
            line[1] += 1
            line[2] += row.hours
    volunteers = tuple(VolunteerHours(name, team, n, round(h, 2))
                       for (_vid, name), (team, n, h) in sorted(hours.items(),
                                                                key=lambda kv: (kv[1][0], kv[0][1])))
    needs = []
    visit_ids = [v for (v,) in CampaignCall.select(CampaignCall.visit).join(CampaignTarget)
                 .where(CampaignTarget.campaign == campaign.id).tuples()]
    village_names = dict(Village.select(Village.id, Village.name).tuples())
    for start in range(0, len(visit_ids), 900):
        chunk = visit_ids[start:start + 900]
        for content, raised, head, village in (households.Need.select(
                households.Need.content, households.Need.raised_on, Household.head_name,
                Household.village)
                .join(Household, on=(households.Need.household == Household.id))
                .where(households.Need.visit.in_(chunk)).tuples()):
            needs.append(NeedLine(village_names.get(village, ""), validate.mask_name(head),
                                  content, _as_date(raised)))
    needs.sort(key=lambda n: (n.raised_on, n.village))
    station = get_station()
    return Summary(
        station=station.name if station else "", progress=state, packages=tuple(packages),
        goods=tuple((inventory.item_label(items[i]), items[i].unit, q, v)
                    for i, (q, v) in sorted(goods.items(), key=lambda kv: items[kv[0]].name)
                    if q),
        value_fen=sum(v for _q, v in goods.values()), budget_fen=campaign.budget_fen,
        volunteers=volunteers, volunteer_hours=round(sum(v.hours for v in volunteers), 2),
        person_times=sum(v.outings for v in volunteers), needs=tuple(needs),
        visits=len(visit_ids), closed_on=_as_date(campaign.closed_on),
        close_note=campaign.close_note)

