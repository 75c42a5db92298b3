"""Policy cards (政策明白卡): policies, numbered versions, print runs and the cards handed
out per village or household.

A version that has been printed never changes: saving an edit to it files the next version
(a draft) instead. Publishing a version retires the one published before it. Cards handed
out are a ledger: a wrong entry is reversed by a counter-row with a reason.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from .. import settings, validate
from ..audit import created, record, saved, values_of
from ..clock import stamp, today
from ..db import database
from ..errors import ValidationError
from ..models import (
    CARD_LAYOUTS,
    Category,
    Distribution,
    Household,
    HouseholdCategory,
    Policy,
    PolicyCategory,
    PolicyVersion,
    PrintRun,
    Staff,
    Village,
)
from ..roles import Actor, require
from ..validate import stored_date as _as_date
from .base import clean_text, get_or_fail, writer

FULL_NAME_SETTING = "policy_cards.full_name"
SECTIONS = ("eligibility", "standard", "materials", "steps", "hotline")
TEXT_LIMIT = 2000  # a section longer than this fits no card


# ---------------------------------------------------------------- policies

@dataclass
class PolicyInput:
    title: str
    short_name: str
    area: str = ""
    category_ids: Sequence[int] = ()
    active: bool = True


@writer("policies.edit")
def save_policy(actor: Actor, data: PolicyInput, policy_id: int | None = None) -> Policy:
    """Create or change a policy and the 人员类别 it serves (which personalised cards match)."""
    title = clean_text(data.title, "policy_title", max_length=128)
    short = clean_text(data.short_name, "short_name", max_length=32)
    policy = get_or_fail(Policy, policy_id) if policy_id else Policy(
        created_at=stamp(),
        sort_order=(Policy.select(peewee.fn.MAX(Policy.sort_order)).scalar() or 0) + 1)
    clash = Policy.get_or_none(Policy.short_name == short)
    if clash is not None and clash.id != policy.id:
        raise ValidationError("policy_exists", name=short)
    before = values_of(policy) if policy_id else None
    policy.title, policy.short_name, policy.active = title, short, data.active
    policy.area = clean_text(data.area, "area", required=False, max_length=32)
    policy.save()
    saved(actor, policy, before)
    wanted = sorted(set(data.category_ids))
    for category_id in wanted:
        get_or_fail(Category, category_id)
    old = sorted(link.category_id for link in PolicyCategory.select().where(
        PolicyCategory.policy == policy.id))
    if old != wanted:
        PolicyCategory.delete().where(PolicyCategory.policy == policy.id).execute()
        PolicyCategory.insert_many([{"policy": policy.id, "category": c} for c in wanted]).execute()
        record(actor, "update", "policy_category", policy.id, {"categories": old},
               {"categories": wanted})
    return policy


# ---------------------------------------------------------------- versions

@dataclass
class VersionText:
    eligibility: str = ""
    standard: str = ""
    materials: str = ""
    steps: str = ""
    hotline: str = ""
    effective_on: _dt.date | None = None
    change_note: str = ""


def _clean_text(text: VersionText) -> VersionText:
    cleaned = {}
    for name in SECTIONS:
        value = "\n".join(line.strip() for line in str(getattr(text, name) or "").splitlines())
        value = value.strip()
        if len(value) > TEXT_LIMIT:
            raise ValidationError("too_long", field=name, max_length=TEXT_LIMIT)
        cleaned[name] = value
    if not any(cleaned.values()):
        raise ValidationError("version_empty")
    return VersionText(**cleaned, effective_on=text.effective_on,
                       change_note=clean_text(text.change_note, "change_note", required=False))


def _next_number(policy_id: int) -> int:
    return (PolicyVersion.select(peewee.fn.MAX(PolicyVersion.number))
            .where(PolicyVersion.policy == policy_id).scalar() or 0) + 1


@writer("policies.edit")
def save_version(actor: Actor, policy_id: int, text: VersionText,
                 version_id: int | None = None) -> PolicyVersion:
    """A new draft of the policy's card, or an edit of ``version_id``. A version that has
    been printed is never changed: the edit becomes the next version (a draft), and that is
    what is returned."""
    policy = get_or_fail(Policy, policy_id)
    text = _clean_text(text)
    version = get_or_fail(PolicyVersion, version_id) if version_id else None
    if version is not None and version.policy_id != policy.id:
        raise ValidationError("version_not_policy", name=policy.short_name)
    if version is None or _frozen(version) or version.status == "retired":
        version = PolicyVersion(policy=policy.id, number=_next_number(policy.id),
                                status="draft", created_at=stamp(),
                                created_by_name=actor.name)
        before = None
    else:
        before = values_of(version)
    for name in SECTIONS:
        setattr(version, name, getattr(text, name))
    version.title = policy.title  # as this version prints it, whatever the policy is renamed to
    version.effective_on, version.change_note = text.effective_on, text.change_note
    version.save()
    saved(actor, version, before)
    return version


def _frozen(version: PolicyVersion) -> bool:
    """Printed or handed out: the text people hold, never changed again."""
    return version.printed or Distribution.select().where(
        Distribution.version == version.id).exists()


@writer("policies.edit")
def publish_version(actor: Actor, version_id: int) -> PolicyVersion:
    """Put a version in force: the policy's version published before it is retired."""
    version = get_or_fail(PolicyVersion, version_id)
    if version.status == "published":
        return version
    for other in PolicyVersion.select().where(PolicyVersion.policy == version.policy_id,
                                              PolicyVersion.status == "published"):
        other.status = "retired"
        other.save()
        record(actor, "update", "policy_version", other.id, {"status": "published"},
               {"status": "retired"})
    old = version.status
    version.status, version.published_at = "published", stamp()
    if version.effective_on is None:
        version.effective_on = today()
    version.save()
    record(actor, "update", "policy_version", version.id, {"status": old},
           {"status": "published", "effective_on": version.effective_on.isoformat()})
    return version


@writer("policies.edit")
def retire_version(actor: Actor, version_id: int) -> None:
    version = get_or_fail(PolicyVersion, version_id)
    if version.status != "retired":
        record(actor, "update", "policy_version", version.id, {"status": version.status},
               {"status": "retired"})
        version.status = "retired"
        version.save()


# ---------------------------------------------------------------- print runs and distribution

def check_print(actor: Actor, version: PolicyVersion, layout: str, copies: int, *,
                personal: bool = False) -> None:
    """Refuse a print before anything is drawn: a layout (a poster goes on a wall, so it is
    never personal), a positive number of copies, and only the version in force for a role
    that does not keep the texts (a draft is not the station's word yet)."""
    if layout not in CARD_LAYOUTS:
        raise ValidationError("bad_choice", field="layout", value=layout)
    if personal and layout == "a4":
        raise ValidationError("personal_poster")
    if not isinstance(copies, int) or copies <= 0:
        raise ValidationError("bad_quantity", field="copies", value=str(copies))
    if version.status != "published" and not actor.can("policies.edit"):
        raise ValidationError("print_not_published", number=version.number)


@writer("policies.print")
def record_print_runs(actor: Actor, runs: Sequence[tuple[int, str, int, int]], *,
                      village_id: int | None = None) -> list[PrintRun]:
    """Several print runs in one transaction: (version_id, layout, copies, households) —
    a personalised print of several policies is one print, recorded whole or not at all."""
    return [record_print_run.__wrapped__(actor, version_id, layout, copies,
                                         village_id=village_id, households=households)
            for version_id, layout, copies, households in runs]


@writer("policies.print")
def record_print_run(actor: Actor, version_id: int, layout: str, copies: int, *,
                     village_id: int | None = None, households: int = 0,
                     printed_on: _dt.date | None = None, note: str = "") -> PrintRun:
    """Cards printed from a version (which from now on never changes)."""
    version = get_or_fail(PolicyVersion, version_id)
    check_print(actor, version, layout, copies, personal=households > 0)
    if village_id is not None:
        get_or_fail(Village, village_id)
    run = PrintRun.create(version=version.id, layout=layout, copies=int(copies),
                          personalised=households > 0, village=village_id,
                          households=households, printed_on=printed_on or today(),
                          note=clean_text(note, "note", required=False), recorded_at=stamp(),
                          actor=actor.staff_id, actor_name=actor.name)
    created(actor, run)
    if not version.printed:
        version.printed = True
        version.save()
        record(actor, "update", "policy_version", version.id, {"printed": False},
               {"printed": True})
    return run


@writer("policies.distribute")
def record_distribution(actor: Actor, version_id: int, quantity: int, *,
                        village_id: int | None = None, household_id: int | None = None,
                        handed_on: _dt.date | None = None, handed_by: str = "",
                        print_run_id: int | None = None) -> Distribution:
    """Cards handed out: ``quantity`` in a village, or one household's card (its village
    is the household's)."""
    version = get_or_fail(PolicyVersion, version_id)
    quantity = int(quantity)
    if quantity <= 0:
        raise ValidationError("bad_quantity", field="quantity", value=str(quantity))
    if household_id is not None:
        require(actor, "households.view")
        household = get_or_fail(Household, household_id)
        village_id = household.village_id
    if village_id is None:
        raise ValidationError("required", field="village")
    village_id = _top_village(get_or_fail(Village, village_id))
    if print_run_id is not None and get_or_fail(PrintRun, print_run_id).version_id != version.id:
        raise ValidationError("print_run_not_version")
    handed_on = handed_on or today()
    if handed_on > today():
        raise ValidationError("date_in_future", field="handed_on", value=handed_on.isoformat())
    row = Distribution.create(version=version.id, print_run=print_run_id, village=village_id,
                              household=household_id, quantity=quantity, handed_on=handed_on,
                              handed_by=clean_text(handed_by, "handed_by", required=False,
                                                   max_length=64) or actor.name,
                              recorded_at=stamp(), actor=actor.staff_id, actor_name=actor.name)
    created(actor, row)
    return row


@writer("policies.distribute")
def reverse_distribution(actor: Actor, distribution_id: int, reason: str) -> Distribution:
    """A wrong entry, cancelled by a counter-row with the reason (both stay on file)."""
    original = get_or_fail(Distribution, distribution_id)
    reason = clean_text(reason, "reason")
    if original.reverses_id is not None:
        raise ValidationError("reverse_reversal")
    done = Distribution.get_or_none(Distribution.reverses == original.id)
    if done is not None:
        raise ValidationError("reversed_already", voucher=original.id, at=done.recorded_at)
    row = Distribution.create(version=original.version_id, print_run=original.print_run_id,
                              village=original.village_id, household=original.household_id,
                              quantity=-original.quantity, handed_on=original.handed_on,
                              handed_by=original.handed_by, reverses=original.id, reason=reason,
                              recorded_at=stamp(), actor=actor.staff_id, actor_name=actor.name)
    created(actor, row)
    return row


# ---------------------------------------------------------------- reading

@dataclass(frozen=True)
class VersionRow:
    id: int
    policy_id: int
    number: int
    status: str
    printed: bool
    effective_on: _dt.date | None
    change_note: str
    created_at: str
    created_by_name: str
    eligibility: str
    standard: str
    materials: str
    steps: str
    hotline: str


def _version_row(v: PolicyVersion) -> VersionRow:
    return VersionRow(v.id, v.policy_id, v.number, v.status, v.printed,
                      _as_date(v.effective_on), v.change_note, v.created_at, v.created_by_name,
                      v.eligibility, v.standard, v.materials, v.steps, v.hotline)


@dataclass(frozen=True)
class PolicyRow:
    id: int
    title: str
    short_name: str
    area: str
    active: bool
    categories: tuple[str, ...]
    versions: int
    current: VersionRow | None  # the published version, if any
    latest: VersionRow | None  # the newest version, whatever its status


def list_policies(actor: Actor, include_inactive: bool = False) -> list[PolicyRow]:
    require(actor, "policies.view")
    query = Policy.select().order_by(Policy.sort_order, Policy.id)
    if not include_inactive:
        query = query.where(Policy.active == True)  # noqa: E712
    policies = list(query)
    names: dict[int, list[str]] = defaultdict(list)
    for policy_id, name in database.execute(
            PolicyCategory.select(PolicyCategory.policy, Category.name).join(Category)
            .order_by(Category.sort_order, Category.id)):
        names[policy_id].append(name)
    versions: dict[int, list[PolicyVersion]] = defaultdict(list)
    for v in PolicyVersion.select().order_by(PolicyVersion.number):
        versions[v.policy_id].append(v)
    rows = []
    for p in policies:
        mine = versions[p.id]
        current = next((v for v in reversed(mine) if v.status == "published"), None)
        rows.append(PolicyRow(p.id, p.title, p.short_name, p.area, p.active,
                              tuple(names[p.id]), len(mine),
                              _version_row(current) if current else None,
                              _version_row(mine[-1]) if mine else None))
    return rows


def versions(actor: Actor, policy_id: int) -> list[VersionRow]:
    """The policy's versions, newest first."""
    require(actor, "policies.view")
    return [_version_row(v) for v in PolicyVersion.select().where(
        PolicyVersion.policy == policy_id).order_by(PolicyVersion.number.desc())]


def get_version(actor: Actor, version_id: int) -> PolicyVersion:
    require(actor, "policies.view")
    return get_or_fail(PolicyVersion, version_id)


def find_version(actor: Actor, policy: str, number: int | None = None) -> PolicyVersion:
    """A version by the policy's short name or title (and number; else the one in force,
    else the newest)."""
    require(actor, "policies.view")
    found = Policy.get_or_none((Policy.short_name == policy) | (Policy.title == policy))
    if found is None:
        raise ValidationError("policy_unknown", name=policy)
    query = PolicyVersion.select().where(PolicyVersion.policy == found.id)
    if number is not None:
        version = query.where(PolicyVersion.number == number).first()
        if version is None:
            raise ValidationError("version_unknown", name=found.short_name, number=number)
        return version
    return (query.where(PolicyVersion.status == "published")
            .order_by(PolicyVersion.number.desc()).first()
            or query.order_by(PolicyVersion.number.desc()).first())


@dataclass(frozen=True)
class SectionChange:
    section: str
    old: str
    new: str
    changed: bool
    diff: tuple[tuple[str, str], ...]  # (tag, text): "equal", "delete", "insert"


def compare(actor: Actor, old_id: int, new_id: int) -> list[SectionChange]:
    """Two versions side by side, section by section, with the characters that changed."""
    require(actor, "policies.view")
    old, new = get_or_fail(PolicyVersion, old_id), get_or_fail(PolicyVersion, new_id)
    result = []
    for name in SECTIONS:
        a, b = getattr(old, name), getattr(new, name)
        parts: list[tuple[str, str]] = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
            if tag == "equal":
                parts.append(("equal", a[i1:i2]))
            else:
                if i2 > i1:
                    parts.append(("delete", a[i1:i2]))
                if j2 > j1:
                    parts.append(("insert", b[j1:j2]))
        result.append(SectionChange(name, a, b, a != b, tuple(parts)))
    return result


# ---------------------------------------------------------------- the coverage table

@dataclass(frozen=True)
class CoverageCell:
    handed: int  # cards handed out, net of reversals
    eligible: int  # active households in the village with a category the policy serves
    households: int  # of them, how many got a personal card

    @property
    def share(self) -> float | None:
        """The share of eligible households reached (village counts capped at the eligible)."""
        if not self.eligible:
            return None
        return min(max(self.handed, self.households), self.eligible) / self.eligible


@dataclass(frozen=True)
class Coverage:
    villages: tuple[tuple[int, str], ...]
    policies: tuple[tuple[int, str], ...]
    cells: dict[tuple[int, int], CoverageCell] = field(default_factory=dict)

    def cell(self, village_id: int, policy_id: int) -> CoverageCell:
        return self.cells.get((village_id, policy_id), CoverageCell(0, 0, 0))

    def total(self, policy_id: int) -> CoverageCell:
        """The policy over every village: its cards and eligible households summed."""
        cells = [self.cell(v, policy_id) for v, _name in self.villages]
        return CoverageCell(sum(c.handed for c in cells), sum(c.eligible for c in cells),
                            sum(c.households for c in cells))

    def total_share(self, policy_id: int) -> float | None:
        """Households reached over households eligible, village by village: cards handed out
        beyond a village's eligible households reach nobody in another village."""
        cells = [self.cell(v, policy_id) for v, _name in self.villages]
        eligible = sum(c.eligible for c in cells)
        if not eligible:
            return None
        return sum(min(max(c.handed, c.households), c.eligible) for c in cells) / eligible


def _top_village(village: Village) -> int:
    """A villagers' group counts for the village it belongs to."""
    return village.parent_id if village.kind == "group" and village.parent_id else village.id


def coverage(actor: Actor, *, date_from: _dt.date | None = None,
             date_to: _dt.date | None = None) -> Coverage:
    """Cards handed out per village × policy (in a period), beside the households eligible."""
    require(actor, "policies.view")
    villages = tuple((v.id, v.name) for v in Village.select().where(
        Village.kind == "village", Village.active == True)  # noqa: E712
        .order_by(Village.sort_order, Village.code))
    policies = tuple((p.id, p.short_name) for p in Policy.select().where(
        Policy.active == True).order_by(Policy.sort_order, Policy.id))  # noqa: E712
    up = {v.id: _top_village(v) for v in Village.select()}
    handed: dict[tuple[int, int], int] = defaultdict(int)
    personal: dict[tuple[int, int], set[int]] = defaultdict(set)
    query = (Distribution.select(Distribution.village, PolicyVersion.policy,
                                 Distribution.household, Distribution.quantity)
             .join(PolicyVersion))
    if date_from:
        query = query.where(Distribution.handed_on >= date_from)
    if date_to:
        query = query.where(Distribution.handed_on <= date_to)
    per_household: dict[tuple[int, int, int], int] = defaultdict(int)
    for village_id, policy_id, household_id, quantity in database.execute(query):
        village_id = up.get(village_id, village_id)
        handed[(village_id, policy_id)] += quantity
        if household_id:
            per_household[(village_id, policy_id, household_id)] += quantity
    for (village_id, policy_id, household_id), net in per_household.items():
        if net > 0:
            personal[(village_id, policy_id)].add(household_id)
    eligible: dict[tuple[int, int], int] = defaultdict(int)
    for village_id, policy_id, count in database.execute(
            Household.select(Household.village, PolicyCategory.policy,
                             peewee.fn.COUNT(peewee.fn.DISTINCT(Household.id)))
            .join(HouseholdCategory, on=(HouseholdCategory.household == Household.id))
            .join(PolicyCategory, on=(PolicyCategory.category == HouseholdCategory.category))
            .where(Household.status == "active")
            .group_by(Household.village, PolicyCategory.policy)):
        eligible[(up.get(village_id, village_id), policy_id)] += count
    keys = set(handed) | set(eligible)
    cells = {key: CoverageCell(handed.get(key, 0), eligible.get(key, 0), len(personal[key]))
             for key in keys}
    return Coverage(villages, policies, cells)


# ---------------------------------------------------------------- personalised cards

@dataclass(frozen=True)
class PersonalCard:
    household_id: int
    village: str
    household_name: str  # the head's name, masked unless the station prints it in full
    worker_name: str
    worker_phone: str
    version_id: int
    policy: str


def personalised_cards(actor: Actor, household_ids: Sequence[int],
                       policy_ids: Sequence[int] | None = None) -> list[PersonalCard]:
    """A card per household and matching policy (its categories meet the policy's), using
    the version in force; households in the order given."""
    require(actor, "households.view")
    full = bool(settings.get(FULL_NAME_SETTING))
    current: dict[int, PolicyVersion] = {}
    for v in PolicyVersion.select().where(PolicyVersion.status == "published").order_by(
            PolicyVersion.number):
        current[v.policy_id] = v
    serves: dict[int, set[int]] = defaultdict(set)  # category -> policies
    for policy_id, category_id in database.execute(
            PolicyCategory.select(PolicyCategory.policy, PolicyCategory.category)
            .join(Policy).where(Policy.active == True)):  # noqa: E712
        if policy_ids is None or policy_id in policy_ids:
            serves[category_id].add(policy_id)
    names = {p.id: p.short_name for p in Policy.select()}
    order = {p.id: (p.sort_order, p.id) for p in Policy.select()}
    ids = list(household_ids)
    categories: dict[int, set[int]] = defaultdict(set)
    rows: dict[int, tuple] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        for household_id, category_id in database.execute(
                HouseholdCategory.select(HouseholdCategory.household, HouseholdCategory.category)
                .where(HouseholdCategory.household.in_(chunk))):
            categories[household_id].add(category_id)
        for row in database.execute(
                Household.select(Household.id, Household.head_name, Village.name,
                                 Staff.name, Staff.phone)
                .join(Village, on=(Household.village == Village.id))
                .switch(Household)
                .join(Staff, peewee.JOIN.LEFT_OUTER, on=(Household.social_worker == Staff.id))
                .where(Household.id.in_(chunk))):
            rows[row[0]] = row
    cards = []
    for household_id in ids:
        if household_id not in rows:
            continue
        _id, head, village, worker, phone = rows[household_id]
        matched = sorted({p for c in categories[household_id] for p in serves[c]
                          if p in current}, key=order.get)
        for policy_id in matched:
            cards.append(PersonalCard(household_id, village,
                                      head if full else validate.mask_name(head),
                                      worker or "", phone or "", current[policy_id].id,
                                      names[policy_id]))
    return cards


# ---------------------------------------------------------------- the distribution ledger

@dataclass(frozen=True)
class DistributionRow:
    id: int
    handed_on: _dt.date
    village: str
    policy: str
    version: int
    quantity: int
    household: str  # the head's name (masked for a role that doesn't see households)
    handed_by: str
    print_run_id: int | None
    reverses: int | None
    reversed_by: int | None
    reason: str
    actor_name: str


def distributions(actor: Actor, *, date_from: _dt.date | None = None,
                  date_to: _dt.date | None = None) -> list[DistributionRow]:
    """Cards handed out, oldest first, reversals beside what they reverse."""
    require(actor, "policies.view")
    query = (Distribution.select(Distribution, PolicyVersion, Policy, Village, Household)
             .join(PolicyVersion).join(Policy)
             .switch(Distribution).join(Village, peewee.JOIN.LEFT_OUTER)
             .switch(Distribution).join(Household, peewee.JOIN.LEFT_OUTER)
             .order_by(Distribution.handed_on, Distribution.id))
    if date_from:
        query = query.where(Distribution.handed_on >= date_from)
    if date_to:
        query = query.where(Distribution.handed_on <= date_to)
    rows = list(query)
    reversed_by = dict(database.execute(
        Distribution.select(Distribution.reverses, Distribution.id)
        .where(Distribution.reverses.is_null(False))))
    full = actor.can("households.view")
    return [DistributionRow(
        d.id, _as_date(d.handed_on), d.village.name if d.village_id else "",
        d.version.policy.short_name, d.version.number, d.quantity,
        (d.household.head_name if full else validate.mask_name(d.household.head_name))
        if d.household_id else "", d.handed_by, d.print_run_id, d.reverses_id,
        reversed_by.get(d.id), d.reason, d.actor_name) for d in rows]


@dataclass(frozen=True)
class CardLedger:
    station: str
    exported_at: _dt.datetime
    exported_by: str
    date_from: _dt.date | None
    date_to: _dt.date | None
    rows: tuple[DistributionRow, ...]
    coverage: Coverage


def export_card_ledger(actor: Actor, path, *, date_from: _dt.date | None = None,
                       date_to: _dt.date | None = None) -> CardLedger:
    """Write the 政策明白卡发放台账 (every entry, and the village × policy table) to ``path``."""
    from ..clock import now
    from ..reports import card_ledger
    from ..reports.workbook import write_workbook
    from .station import get_station

    station = get_station()
    data = CardLedger(station.name if station else "", now(), actor.name, date_from, date_to,
                      tuple(distributions(actor, date_from=date_from, date_to=date_to)),
                      coverage(actor, date_from=date_from, date_to=date_to))
    write_workbook(lambda out: card_ledger.build(data, out), path)
    return data


# ---------------------------------------------------------------- cards to print

def card_text(version: PolicyVersion):
    """The version's text as the card layouts take it (reports.policy_cards.CardText)."""
    from ..reports.policy_cards import CardText

    policy = Policy.get_by_id(version.policy_id)
    effective = _as_date(version.effective_on)
    title = version.title or policy.title
    label = f"第{version.number}版" + (f" · {effective:%Y-%m-%d} 起施行" if effective else "")
    return CardText(title, policy.short_name, version.eligibility, version.standard,
                    version.materials, version.steps, version.hotline, label)


def plain_cards(actor: Actor, version_id: int) -> list:
    """One card of the version (the layouts repeat it for the copies)."""
    from ..reports.policy_cards import Card

    require(actor, "policies.view")
    return [Card(card_text(get_or_fail(PolicyVersion, version_id)))]


def personal_cards(actor: Actor, household_ids: Sequence[int],
                   policy_ids: Sequence[int] | None = None) -> tuple[list, dict[int, int]]:
    """(cards, households per version) for personalised printing: every matching policy's
    card for each household, with its name and social worker on the back."""
    from ..reports.policy_cards import Card, CardBack

    found = personalised_cards(actor, household_ids, policy_ids)
    texts = {v: card_text(PolicyVersion.get_by_id(v)) for v in {c.version_id for c in found}}
    per_version: dict[int, set[int]] = defaultdict(set)
    cards = []
    for c in found:
        per_version[c.version_id].add(c.household_id)
        cards.append(Card(texts[c.version_id], CardBack(f"{c.village} {c.household_name}",
                                                       c.worker_name, c.worker_phone)))
    return cards, {v: len(ids) for v, ids in per_version.items()}
