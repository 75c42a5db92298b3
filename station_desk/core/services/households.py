"""Households on file (一户一档): the registry, members, visits, needs, due visits, privacy.

Reading services return plain rows with phones and ID numbers masked; ``reveal_household``
is the one way to see them in full, and it is audited. Writing services keep each
household's derived columns (``last_visit_on``, ``due_on``, ``search_text``) in step in the
same transaction as the change.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import peewee

from .. import search, validate
from ..audit import created, deleted, record, saved, sensitive_read, values_of
from ..clock import stamp
from ..db import database
from ..errors import PermissionDenied, ValidationError
from ..models import (
    GENDERS,
    HOUSEHOLD_STATUSES,
    MEMBER_STATUSES,
    NEED_SOURCES,
    NEED_STATUSES,
    NEED_URGENCIES,
    RELATIONS,  # noqa: F401  (the forms offer these; the UI doesn't import models)
    VISIT_KINDS,
    VISIT_OUTCOMES,
    Category,
    Household,
    HouseholdCategory,
    Member,
    MemberCategory,
    Need,
    Staff,
    Tier,
    Village,
)
from ..roles import Actor, require
from .base import clean_text, get_or_fail, writer
from .dashboard import due_count  # noqa: F401  (首页's count, kept light to import)

HEAD_RELATION = "户主"


def today() -> _dt.date:
    from ..clock import now

    return now().date()


def _choice(value: str, allowed: Sequence[str], field_name: str) -> str:
    if value not in allowed:
        raise ValidationError("bad_choice", field=field_name, value=str(value))
    return value


# --- input -----------------------------------------------------------------------------------


@dataclass
class MemberInput:
    """One member as typed in a form or read from a ledger row."""

    name: str
    relation: str = HEAD_RELATION
    gender: str = ""
    birthdate: _dt.date | None = None
    id_number: str | None = ""  # None: keep the number on file (a form that showed it masked)
    phone: str | None = ""  # None: keep the number on file
    disability_type: str = ""
    disability_grade: str = ""
    chronic_illness: str = ""
    school_or_work: str = ""
    status: str = "active"
    notes: str = ""
    category_ids: Sequence[int] = ()


@dataclass
class HouseholdInput:
    head_name: str
    village_id: int
    address: str = ""
    phone: str | None = ""  # None: keep the number on file
    tier_id: int | None = None
    social_worker_id: int | None = None  # None: the village's social worker
    category_ids: Sequence[int] = ()
    registered_on: _dt.date | None = None
    notes: str = ""


@dataclass
class VisitInput:
    visited_on: _dt.date
    outcome: str = "visited"
    kind: str = "routine"
    visitors: str = ""
    summary: str = ""
    next_action: str = ""
    needs: Sequence[str] = ()  # 群众诉求 heard on this visit, one per item
    need_urgency: str = "normal"


def clean_member(data: MemberInput) -> MemberInput:
    """The member with text tidied, the ID number and phone normalised, and the birthdate and
    gender taken from the ID number (or checked against it when both were given)."""
    name = clean_text(data.name, "name", max_length=64)
    number = validate.id_number(data.id_number)
    gender = data.gender or ""
    if gender:
        _choice(gender, GENDERS, "gender")
    birthdate = validate.date_value(data.birthdate, field="birthdate")
    if number:
        validate.id_matches(number, birthdate=birthdate, gender=gender)
        birthdate = validate.id_birthdate(number)
        gender = validate.id_gender(number)
    if birthdate and birthdate > today():
        raise ValidationError("date_in_future", field="birthdate", value=birthdate.isoformat())
    return replace(
        data, name=name, id_number=number, gender=gender, birthdate=birthdate,
        relation=clean_text(data.relation or HEAD_RELATION, "relation", max_length=16),
        phone=validate.phone(data.phone),
        disability_type=clean_text(data.disability_type, "disability_type", required=False,
                                   max_length=32),
        disability_grade=clean_text(data.disability_grade, "disability_grade", required=False,
                                    max_length=16),
        chronic_illness=clean_text(data.chronic_illness, "chronic_illness", required=False),
        school_or_work=clean_text(data.school_or_work, "school_or_work", required=False),
        status=_choice(data.status or "active", MEMBER_STATUSES, "status"),
        notes=(data.notes or "").strip(),
        category_ids=tuple(dict.fromkeys(data.category_ids)),
    )


def clean_household(data: HouseholdInput) -> HouseholdInput:
    registered = validate.date_value(data.registered_on, field="registered_on") or today()
    if registered > today():
        raise ValidationError("date_in_future", field="registered_on", value=registered.isoformat())
    return replace(
        data,
        head_name=clean_text(data.head_name, "head_name", max_length=64),
        address=clean_text(data.address, "address", required=False),
        phone=validate.phone(data.phone),
        category_ids=tuple(dict.fromkeys(data.category_ids)),
        registered_on=registered,
        notes=(data.notes or "").strip(),
    )


def id_owner(number: str, *, except_member: int | None = None) -> Member | None:
    """The member who already has ``number`` on file, if any."""
    if not number:
        return None
    query = Member.select(Member, Household).join(Household).where(Member.id_number == number)
    if except_member is not None:
        query = query.where(Member.id != except_member)
    return query.first()


def _refuse_taken(number: str, except_member: int | None = None) -> None:
    owner = id_owner(number, except_member=except_member)
    if owner is not None:
        raise ValidationError("id_taken", field="id_number", value=validate.mask_id(number),
                              name=owner.name, head=owner.household.head_name,
                              village=owner.household.village.name)


# --- derived columns -------------------------------------------------------------------------


def _interval(tier_id: int | None) -> int | None:
    if tier_id is None:
        return None
    return Tier.select(Tier.visit_interval_days).where(Tier.id == tier_id).scalar()


def due_date(household: Household, interval: int | None = None) -> _dt.date | None:
    """When the household's next visit is due: its last 'visited' call (or, never visited, its
    registration) plus its tier's interval. Households no longer served are never due."""
    if household.status != "active" or household.tier_id is None:
        return None
    interval = interval if interval is not None else _interval(household.tier_id)
    if interval is None:
        return None
    start = household.registered_on
    if household.last_visit_on and household.last_visit_on > start:
        start = household.last_visit_on  # a call before it was on file doesn't count
    return start + _dt.timedelta(days=interval)


def _refresh_derived(household: Household) -> None:
    """Recompute last visit, due date and search words from the rows on file, and save."""
    from ..models import Visit

    household.last_visit_on = (
        Visit.select(peewee.fn.MAX(Visit.visited_on))
        .where((Visit.household == household.id) & (Visit.outcome == "visited"))
        .scalar()
    )
    if isinstance(household.last_visit_on, str):  # SQLite's MAX returns the stored text
        household.last_visit_on = _dt.date.fromisoformat(household.last_visit_on)
    household.due_on = due_date(household)
    members = list(Member.select(Member.name, Member.phone, Member.id_number)
                   .where(Member.household == household.id))
    household.head_initials, household.search_text = search.household_words(
        household.head_name, household.address, household.phone,
        [(m.name, m.phone, m.id_number) for m in members])
    household.updated_at = stamp()
    household.save()


def recompute_due_for_tier(tier_id: int) -> int:
    """After a tier's interval changed: every household on that tier gets its new due date.

    Call inside the tier's write transaction. Returns the number of households updated.
    """
    interval = _interval(tier_id)
    households = list(Household.select(Household.id, Household.status, Household.tier,
                                       Household.last_visit_on, Household.registered_on)
                      .where(Household.tier == tier_id))
    for household in households:
        household.due_on = due_date(household, interval)
    Household.bulk_update(households, fields=[Household.due_on], batch_size=500)
    return len(households)


# --- categories ------------------------------------------------------------------------------


def _check_categories(ids: Iterable[int]) -> list[int]:
    ids = list(ids)
    found = {c.id for c in Category.select(Category.id).where(Category.id.in_(ids))} if ids else set()
    for category_id in ids:
        if category_id not in found:
            raise ValidationError("bad_choice", field="categories", value=str(category_id))
    return ids


def _set_links(link_model, owner_field: str, owner_id: int, category_ids: Sequence[int]) -> tuple[list, list]:
    owner_column = getattr(link_model, owner_field)
    old = [row.category_id for row in link_model.select(link_model.category)
           .where(owner_column == owner_id).order_by(link_model.id)]
    new = _check_categories(category_ids)
    if set(old) != set(new):
        link_model.delete().where(owner_column == owner_id).execute()
        if new:
            link_model.insert_many([{owner_field: owner_id, "category": c} for c in new]).execute()
    return old, new


def _category_names(ids: Iterable[int]) -> list[str]:
    ids = list(ids)
    names = {c.id: c.name for c in Category.select().where(Category.id.in_(ids))} if ids else {}
    return [names[i] for i in ids if i in names]


# --- writing services ------------------------------------------------------------------------


def responsible_worker_id(village_id: int | None) -> int | None:
    """The social worker responsible for a village; a villagers' group answers to its
    village's worker unless it has its own. Read now, not from the sign-in's snapshot."""
    row = (Village.select(Village.kind, Village.social_worker, Village.parent)
           .where(Village.id == village_id).first()) if village_id is not None else None
    if row is None:
        return None
    if row.social_worker_id is None and row.kind == "group" and row.parent_id is not None:
        return Village.select(Village.social_worker).where(Village.id == row.parent_id).scalar()
    return row.social_worker_id


def _apply_household(household: Household, data: HouseholdInput) -> None:
    village = get_or_fail(Village, data.village_id)
    if village.kind not in ("village", "group"):
        raise ValidationError("household_village_kind", field="village")
    if data.tier_id is not None:
        get_or_fail(Tier, data.tier_id)
    worker_id = data.social_worker_id
    if worker_id is None:
        worker_id = responsible_worker_id(village.id)
    else:
        worker = Staff.get_or_none(Staff.id == worker_id)
        if worker is None:
            raise ValidationError("bad_choice", field="social_worker", value=str(worker_id))
        if worker.role != "social_worker" or not worker.active:
            raise ValidationError("not_a_social_worker", field="social_worker", name=worker.name)
    household.head_name = data.head_name
    household.village = village.id
    household.address = data.address
    household.phone = data.phone
    household.tier = data.tier_id
    household.social_worker = worker_id
    household.registered_on = data.registered_on
    household.notes = data.notes


def _save_member_row(household_id: int, data: MemberInput, member: Member | None,
                     sort_order: int) -> tuple[Member, dict | None]:
    if data.id_number:
        _refuse_taken(data.id_number, except_member=member.id if member else None)
    before = values_of(member) if member else None
    if member is None:
        member = Member(household=household_id, sort_order=sort_order)
    for name in ("name", "relation", "gender", "birthdate", "phone", "disability_type",
                 "disability_grade", "chronic_illness", "school_or_work", "status", "notes"):
        setattr(member, name, getattr(data, name))
    member.id_number = data.id_number or None
    member.save()
    return member, before


def _record_member(actor: Actor, member: Member, before: dict | None, data: MemberInput) -> None:
    saved(actor, member, before)
    old, new = _set_links(MemberCategory, "member", member.id, data.category_ids)
    if set(old) != set(new):
        record(actor, "update", "member", member.id, {"categories": _category_names(old)},
               {"categories": _category_names(new)})


@writer("households.edit")
def create_household(actor: Actor, data: HouseholdInput,
                     members: Sequence[MemberInput] = ()) -> Household:
    """A new household with its members (a 户主 member is added from the head's name when the
    list has none). A member's ID number already on file is refused, naming its household."""
    data = clean_household(data)
    members = [clean_member(m) for m in members]
    if not any(m.relation == HEAD_RELATION for m in members):
        members.insert(0, MemberInput(name=data.head_name))
    numbers = [m.id_number for m in members if m.id_number]
    if len(numbers) != len(set(numbers)):
        twice = next(n for n in numbers if numbers.count(n) > 1)
        raise ValidationError("id_twice", field="id_number", value=validate.mask_id(twice))
    household = Household(status="active", created_at=stamp(), updated_at=stamp())
    _apply_household(household, data)
    household.save()
    created(actor, household)
    _, new = _set_links(HouseholdCategory, "household", household.id, data.category_ids)
    if new:
        record(actor, "update", "household", household.id, {"categories": []},
               {"categories": _category_names(new)})
    for order, member_data in enumerate(members):
        member, before = _save_member_row(household.id, member_data, None, order)
        _record_member(actor, member, before, member_data)
    _refresh_derived(household)
    return household


@writer("households.edit")
def update_household(actor: Actor, household_id: int, data: HouseholdInput) -> Household:
    """Change a household's file; renaming the head renames its 户主 member too."""
    household = get_or_fail(Household, household_id)
    if data.phone is None:
        data = replace(data, phone=household.phone)
    if data.village_id != household.village_id and data.social_worker_id in (
            None, household.social_worker_id):
        # Moved to another village: it goes to that village's social worker (a form sends
        # back the worker it showed, which was the old village's).
        data = replace(data, social_worker_id=None)
    data = clean_household(data)
    before = values_of(household)
    _apply_household(household, data)
    household.save()
    old, new = _set_links(HouseholdCategory, "household", household.id, data.category_ids)
    after = values_of(household)
    changes_old = {k: before[k] for k in after if before.get(k) != after[k]
                   and k not in ("search_text", "updated_at", "head_initials")}
    changes_new = {k: after[k] for k in changes_old}
    if set(old) != set(new):
        changes_old["categories"] = _category_names(old)
        changes_new["categories"] = _category_names(new)
    if changes_new:
        record(actor, "update", "household", household.id, changes_old, changes_new)
    head = (Member.select().where((Member.household == household.id)
                                  & (Member.relation == HEAD_RELATION)).first())
    if head is not None and head.name != household.head_name:
        head_before = values_of(head)
        head.name = household.head_name
        head.save()
        saved(actor, head, head_before)
    _refresh_derived(household)
    return household


@writer("households.edit")
def save_member(actor: Actor, household_id: int, data: MemberInput,
                member_id: int | None = None) -> Member:
    """Add a member to a household, or change one."""
    household = get_or_fail(Household, household_id)
    member = None
    if member_id is not None:
        member = get_or_fail(Member, member_id)
        if member.household_id != household.id:
            raise ValidationError("bad_choice", field="member", value=str(member_id))
    if data.id_number is None:
        data = replace(data, id_number=member.id_number if member else "")
    if data.phone is None:
        data = replace(data, phone=member.phone if member else "")
    data = clean_member(data)
    head = (Member.select().where((Member.household == household.id)
                                  & (Member.relation == HEAD_RELATION)).first())
    if member is not None and head is not None and head.id == member.id \
            and data.relation != HEAD_RELATION:
        raise ValidationError("household_needs_head", field="relation")
    if data.relation == HEAD_RELATION and head is not None and (member is None or head.id != member.id):
        # A new head: the one before keeps a place in the household as 其他 (the form then
        # shows it, and the change is in the audit log).
        head_before = values_of(head)
        head.relation = "其他"
        head.save()
        saved(actor, head, head_before, note="head of household changed")
    order = (Member.select(peewee.fn.MAX(Member.sort_order))
             .where(Member.household == household.id).scalar() or 0) + 1
    member, before = _save_member_row(household.id, data, member, order)
    _record_member(actor, member, before, data)
    if member.relation == HEAD_RELATION and household.head_name != member.name:
        household_before = values_of(household, ["head_name"])
        household.head_name = member.name
        record(actor, "update", "household", household.id, household_before,
               {"head_name": member.name})
    _refresh_derived(household)
    return member


@writer("households.edit")
def delete_member(actor: Actor, member_id: int, reason: str) -> None:
    """Remove a member entered by mistake (one who moved out keeps a row, status moved_out)."""
    member = get_or_fail(Member, member_id)
    if member.relation == HEAD_RELATION:
        raise ValidationError("cannot_delete_head", field="member", name=member.name)
    reason = clean_text(reason, "reason")
    from ..models import Case

    if Case.select().where(Case.member == member.id).exists():
        # the case would silently become the whole household's: mark the member moved out
        raise ValidationError("member_has_case", name=member.name)
    household = member.household
    deleted(actor, member, note=reason)
    member.delete_instance()
    _refresh_derived(household)


@writer("households.edit")
def close_household(actor: Actor, household_id: int, status: str, reason: str,
                    on: _dt.date | None = None) -> Household:
    """Take a household off the active list: moved, deceased or closed, with reason and date."""
    household = get_or_fail(Household, household_id)
    status = _choice(status, HOUSEHOLD_STATUSES[1:], "status")
    reason = clean_text(reason, "reason")
    on = validate.date_value(on, field="status_date") or today()
    before = values_of(household, ["status", "status_reason", "status_date"])
    household.status, household.status_reason, household.status_date = status, reason, on
    _refresh_derived(household)
    record(actor, "update", "household", household.id, before,
           values_of(household, ["status", "status_reason", "status_date"]))
    from . import campaigns

    campaigns.household_closed(actor, household.id, status, reason)  # off lists still to visit
    return household


@writer("households.edit")
def reopen_household(actor: Actor, household_id: int, reason: str) -> Household:
    household = get_or_fail(Household, household_id)
    reason = clean_text(reason, "reason")
    before = values_of(household, ["status", "status_reason", "status_date"])
    household.status, household.status_reason, household.status_date = "active", "", None
    _refresh_derived(household)
    record(actor, "update", "household", household.id, before,
           values_of(household, ["status", "status_reason", "status_date"]), note=reason)
    return household


@writer("households.edit")
def record_visit(actor: Actor, household_id: int, data: VisitInput):
    """One call at a household; needs heard there go on file with it. Only a 'visited'
    outcome resets the household's due clock."""
    from ..models import Visit

    household = get_or_fail(Household, household_id)
    visited_on = validate.date_value(data.visited_on, field="visited_on", required=True)
    if visited_on > today():
        raise ValidationError("date_in_future", field="visited_on", value=visited_on.isoformat())
    visit = Visit.create(
        household=household.id,
        visited_on=visited_on,
        visitors=clean_text(data.visitors or actor.name, "visitors", required=False),
        kind=_choice(data.kind, VISIT_KINDS, "kind"),
        outcome=_choice(data.outcome, VISIT_OUTCOMES, "outcome"),
        summary=(data.summary or "").strip(),
        next_action=clean_text(data.next_action, "next_action", required=False),
        recorded_by=actor.staff_id,
        created_at=stamp(),
    )
    created(actor, visit)
    for content in data.needs:
        if content.strip():
            _create_need(actor, household.id, content, source="visit", visit_id=visit.id,
                         urgency=data.need_urgency, raised_on=visited_on)
    _refresh_derived(household)
    return visit


@writer("households.edit")
def delete_visit(actor: Actor, visit_id: int, reason: str) -> None:
    """Remove a visit recorded by mistake; the household's due date follows."""
    from ..models import Visit

    visit = get_or_fail(Visit, visit_id)
    reason = clean_text(reason, "reason")
    from ..models import CampaignCall

    if CampaignCall.select().where(CampaignCall.visit == visit.id).exists():
        # the campaign's list would still show the outcome: undo it there instead
        raise ValidationError("visit_via_campaign")
    household = visit.household
    from ..models import PairingContact

    contacts = list(PairingContact.select().where(PairingContact.visit == visit.id))
    for contact in contacts:  # a pair's contact goes with its visit
        deleted(actor, contact, note=reason)
        contact.delete_instance()
    deleted(actor, visit, note=reason)
    visit.delete_instance()
    _refresh_derived(household)
    if contacts:
        from .pairings import refresh_last_contact

        for contact in contacts:
            refresh_last_contact(contact.pairing_id)


def _create_need(actor: Actor, household_id: int | None, content: str, *, source: str,
                 visit_id: int | None = None, member_id: int | None = None,
                 urgency: str = "normal", raised_on: _dt.date | None = None) -> Need:
    need = Need.create(
        household=household_id, member=member_id, visit=visit_id,
        source=_choice(source, NEED_SOURCES, "source"),
        content=clean_text(content, "content", max_length=2000),
        urgency=_choice(urgency, NEED_URGENCIES, "urgency"),
        status="new", raised_on=raised_on or today(), recorded_by=actor.staff_id,
        created_at=stamp(),
    )
    created(actor, need)
    return need


@writer("households.edit")
def record_need(actor: Actor, household_id: int, content: str, *, source: str = "visit",
                member_id: int | None = None, urgency: str = "normal",
                raised_on: _dt.date | None = None) -> Need:
    """A need (群众诉求) of a household or one of its members."""
    get_or_fail(Household, household_id)
    if member_id is not None and get_or_fail(Member, member_id).household_id != household_id:
        raise ValidationError("bad_choice", field="member", value=str(member_id))
    raised_on = validate.date_value(raised_on, field="raised_on")
    if raised_on is not None and raised_on > today():
        raise ValidationError("date_in_future", field="raised_on", value=raised_on.isoformat())
    return _create_need(actor, household_id, content, source=source, member_id=member_id,
                        urgency=urgency, raised_on=raised_on)


@writer("households.edit")
def update_need(actor: Actor, need_id: int, *, status: str, follow_up: str = "",
                household_id: int | None = None) -> Need:
    """What became of a need: in progress, resolved, referred, linked to a resource. A need
    heard from a caller not yet known can be put on the household it turns out to be."""
    need = get_or_fail(Need, need_id)
    before = values_of(need, ["status", "follow_up", "resolved_on", "household"])
    if household_id is not None and household_id != need.household_id:
        if need.household_id is not None:
            raise ValidationError("need_has_household")
        need.household = get_or_fail(Household, household_id).id
    need.status = _choice(status, NEED_STATUSES, "status")
    if follow_up.strip():
        line = f"{today().isoformat()} {actor.name}：{follow_up.strip()}"
        need.follow_up = f"{need.follow_up}\n{line}".strip()
    need.resolved_on = today() if need.status in ("resolved", "referred", "resource") else None
    need.save()
    saved(actor, need, before)
    return need


# --- reading ---------------------------------------------------------------------------------

SORT_KEYS = ("head_name", "village", "tier", "social_worker", "last_visit_on", "due_on",
             "registered_on", "status")


@dataclass(frozen=True)
class HouseholdQuery:
    """What the household list shows: the search box, the filters and the sort column."""

    text: str = ""
    village_id: int | None = None
    category_id: int | None = None
    tier_id: int | None = None
    social_worker_id: int | None = None
    status: str | None = "active"  # None: every status
    overdue: bool = False
    sort: str = "head_name"
    descending: bool = False


def _filtered(query: HouseholdQuery, select: peewee.ModelSelect, on: _dt.date) -> peewee.ModelSelect:
    where = []
    if query.text.strip():
        pattern, _ = search.like_pattern(query.text)
        # A bound Value, so the placeholder suits the database (? on SQLite, %s on PostgreSQL).
        where.append(peewee.NodeList((Household.search_text, peewee.SQL("LIKE"),
                                      peewee.Value(pattern), peewee.SQL("ESCAPE '\\'"))))
    if query.village_id is not None:
        villages = [query.village_id] + [v.id for v in Village.select(Village.id)
                                         .where(Village.parent == query.village_id)]
        where.append(Household.village.in_(villages))
    if query.category_id is not None:
        where.append(Household.id.in_(
            HouseholdCategory.select(HouseholdCategory.household)
            .where(HouseholdCategory.category == query.category_id)))
    if query.tier_id is not None:
        where.append(Household.tier == query.tier_id)
    if query.social_worker_id is not None:
        where.append(Household.social_worker == query.social_worker_id)
    if query.status:
        where.append(Household.status == query.status)
    if query.overdue:
        where.append(Household.due_on <= on)  # due today counts, as on 待走访 and 首页
    return select.where(*where) if where else select


def _sort_keys(query: HouseholdQuery) -> tuple[list, bool]:
    """The columns the list is sorted by (before ``Household.id``), and whether empty values
    go last."""
    sort = query.sort if query.sort in SORT_KEYS else "head_name"
    if sort == "village":
        return [Village.sort_order, Village.code], False
    if sort == "tier":
        return [Tier.level], False
    if sort == "social_worker":
        return [Staff.name], False
    if sort == "head_name":
        return [Household.head_initials, Household.head_name], False
    return [getattr(Household, sort)], True


def _ordering(query: HouseholdQuery, keys: Sequence | None = None, tie=Household.id):
    """ORDER BY terms: the sort keys (``keys`` stand in for them when the rows come from a
    sub-query) in the query's direction, then the id, always ascending."""
    columns, nulls_last = _sort_keys(query)
    nulls = "LAST" if nulls_last else None
    ordered = [k.desc(nulls=nulls) if query.descending else k.asc(nulls=nulls)
               for k in (keys if keys is not None else columns)]
    return ordered + [tie]


def _narrowed(query: HouseholdQuery) -> bool:
    """True when the search text or a filter besides status picks some of the households."""
    return bool(query.text.strip() or query.overdue or any(
        v is not None for v in (query.village_id, query.category_id, query.tier_id,
                                query.social_worker_id)))


def find_household_ids(actor: Actor, query: HouseholdQuery, on: _dt.date | None = None) -> list[int]:
    """The ids of the households matching ``query``, in its order (filtering and sorting in SQL)."""
    require(actor, "households.view")
    on = on or today()
    select = Household.select(Household.id)
    sort = query.sort
    if sort == "village":
        select = select.join(Village, on=(Household.village == Village.id))
    elif sort == "tier":
        select = select.join(Tier, peewee.JOIN.LEFT_OUTER, on=(Household.tier == Tier.id))
    elif sort == "social_worker":
        select = select.join(Staff, peewee.JOIN.LEFT_OUTER, on=(Household.social_worker == Staff.id))
    select = _filtered(query, select, on)
    if _narrowed(query):
        # Find the matching rows first, then sort them. Asked in one query, SQLite walks the
        # sort column's index and fetches every row to test the search text: 4x slower at
        # 125,800 households than one pass over the table and a sort of the few matches.
        columns, _ = _sort_keys(query)
        names = [f"k{i}" for i in range(len(columns))]
        matched = select.select_extend(*[c.alias(n) for c, n in zip(columns, names, strict=True)]
                                       ).cte("matched", materialized=True)
        select = (matched.select_from(matched.c.id)
                  .order_by(*_ordering(query, [getattr(matched.c, n) for n in names],
                                       matched.c.id)))
    else:
        # The whole list: read in order from the sort column's index (migration 3).
        select = select.order_by(*_ordering(query))
    # The DB-API cursor, not peewee's row wrappers: ~1 µs a row less, 120 ms at 125,800.
    return [row[0] for row in database.execute(select)]


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    head_name: str
    village_id: int
    village_name: str
    address: str
    phone: str  # masked
    categories: str
    tier_name: str
    social_worker_name: str
    status: str
    registered_on: _dt.date
    last_visit_on: _dt.date | None
    due_on: _dt.date | None
    members: int

    def days_overdue(self, on: _dt.date) -> int:
        return (on - self.due_on).days if self.due_on and self.due_on < on else 0


CHUNK = 900  # ids per IN (...): under SQLite's old 999-variable limit


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    return (ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK))


def _id_list(ids: Sequence[int]) -> peewee.SQL:
    """``(?, ?, ...)`` for an IN test: peewee builds a node per value otherwise (~10 µs each,
    2 ms of a 200-row block)."""
    return peewee.SQL(f"({', '.join([database.param] * len(ids))})", list(ids))


def _categories_by_household(ids: Sequence[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        rows = (HouseholdCategory.select(HouseholdCategory.household, Category.name)
                .join(Category).where(HouseholdCategory.household.in_(_id_list(chunk)))
                .order_by(Category.sort_order, Category.id))
        for household_id, name in database.execute(rows):
            result.setdefault(household_id, []).append(name)
    return result


def household_rows(actor: Actor, ids: Sequence[int]) -> list[HouseholdRow]:
    """Display rows for ``ids`` (in that order), phones masked."""
    require(actor, "households.view")
    ids = list(ids)
    if not ids:
        return []
    categories = _categories_by_household(ids)
    found: dict[int, tuple] = {}
    member_counts: dict[int, int] = {}
    for chunk in _chunks(ids):
        member_counts.update(database.execute(
            Member.select(Member.household, peewee.fn.COUNT(Member.id))
            .where(Member.household.in_(_id_list(chunk)) & (Member.status == "active"))
            .group_by(Member.household)))
        rows = (Household.select(Household.id, Household.head_name, Household.village,
                                 Village.name, Household.address, Household.phone, Tier.name,
                                 Staff.name, Household.status, Household.registered_on,
                                 Household.last_visit_on, Household.due_on)
                .join(Village, on=(Household.village == Village.id)).switch(Household)
                .join(Tier, peewee.JOIN.LEFT_OUTER, on=(Household.tier == Tier.id)).switch(Household)
                .join(Staff, peewee.JOIN.LEFT_OUTER, on=(Household.social_worker == Staff.id))
                .where(Household.id.in_(_id_list(chunk))))
        # The DB-API cursor, not peewee's row wrappers: the values need no conversion but dates.
        for row in database.execute(rows):
            found[row[0]] = row
    result = []
    for i in ids:
        row = found.get(i)
        if row is None:
            continue
        (hid, head, village_id, village, address, phone, tier, worker, status, registered,
         last, due) = row
        result.append(HouseholdRow(
            hid, head, village_id, village, address, validate.mask_phone(phone),
            "、".join(categories.get(hid, [])), tier or "", worker or "", status,
            _as_date(registered), _as_date(last), _as_date(due), member_counts.get(hid, 0)))
    return result


def _as_date(value) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _parse_date(str(value)[:10])


# SQLite hands dates back as text; a list of thousands of rows holds a few hundred dates.
_parse_date = lru_cache(maxsize=4096)(_dt.date.fromisoformat)


@dataclass(frozen=True)
class DueRow:
    household_id: int
    head_name: str
    village_name: str
    address: str
    phone: str  # masked
    tier_name: str
    social_worker_id: int | None
    social_worker_name: str
    last_visit_on: _dt.date | None
    due_on: _dt.date
    days_overdue: int


def due_visits(actor: Actor, *, social_worker_id: int | None = None,
               village_id: int | None = None, on: _dt.date | None = None,
               limit: int | None = None) -> list[DueRow]:
    """待走访: active households whose visit is due by ``on``, most overdue first."""
    require(actor, "households.view")
    on = on or today()
    # Tier and worker names from the few rows of their tables, not a join for each household:
    # a fifth of the time at 125,800 households (17,866 due).
    tiers = dict(database.execute(Tier.select(Tier.id, Tier.name)))
    workers = dict(database.execute(Staff.select(Staff.id, Staff.name)))
    query = (Household.select(Household.id, Household.head_name, Village.name, Household.address,
                              Household.phone, Household.tier, Household.social_worker,
                              Household.last_visit_on, Household.due_on)
             .join(Village, on=(Household.village == Village.id))
             .where((Household.status == "active") & (Household.due_on <= on))
             .order_by(Household.due_on, Village.sort_order, Household.head_initials))
    if social_worker_id is not None:
        query = query.where(Household.social_worker == social_worker_id)
    if village_id is not None:
        query = query.where(Household.village == village_id)
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for hid, head, village, address, phone, tier_id, worker_id, last, due in database.execute(query):
        due = _as_date(due)
        rows.append(DueRow(hid, head, village, address, validate.mask_phone(phone),
                           tiers.get(tier_id, ""), worker_id, workers.get(worker_id, ""),
                           _as_date(last), due, (on - due).days))
    return rows


@dataclass(frozen=True)
class MemberRow:
    id: int
    name: str
    relation: str
    gender: str
    birthdate: _dt.date | None
    id_number: str  # masked unless revealed
    phone: str  # masked unless revealed
    disability_type: str
    disability_grade: str
    chronic_illness: str
    school_or_work: str
    status: str
    notes: str
    category_ids: tuple[int, ...]
    categories: str


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_on: _dt.date
    kind: str
    outcome: str
    visitors: str
    summary: str
    next_action: str
    needs: tuple[str, ...]


@dataclass(frozen=True)
class NeedRow:
    id: int
    raised_on: _dt.date
    source: str
    content: str
    urgency: str
    status: str
    follow_up: str
    member_name: str


@dataclass(frozen=True)
class HouseholdDetail:
    id: int
    head_name: str
    village_id: int
    village_name: str
    address: str
    phone: str
    tier_id: int | None
    tier_name: str
    social_worker_id: int | None
    social_worker_name: str
    status: str
    status_reason: str
    status_date: _dt.date | None
    registered_on: _dt.date
    last_visit_on: _dt.date | None
    due_on: _dt.date | None
    notes: str
    category_ids: tuple[int, ...]
    categories: str
    members: tuple[MemberRow, ...]
    visits: tuple[VisitRow, ...]
    needs: tuple[NeedRow, ...]
    revealed: bool = False
    can_reveal: bool = False
    extra: dict = field(default_factory=dict)


def may_reveal(actor: Actor, household: Household) -> bool:
    """The head, or the social worker responsible for the household's village."""
    if not actor.can("ids.reveal"):
        return False
    if actor.role == "head":
        return True
    # From the database now: a village handed to someone else since sign-in is theirs.
    return actor.staff_id is not None and responsible_worker_id(household.village_id) == actor.staff_id


def _detail(household: Household, reveal: bool, can_reveal: bool) -> HouseholdDetail:
    from ..models import Visit

    show_id = (lambda v: v or "") if reveal else (lambda v: validate.mask_id(v or ""))
    show_phone = (lambda v: v or "") if reveal else validate.mask_phone
    members = []
    for m in Member.select().where(Member.household == household.id).order_by(Member.sort_order, Member.id):
        ids = tuple(link.category_id for link in
                    MemberCategory.select().where(MemberCategory.member == m.id).order_by(MemberCategory.id))
        members.append(MemberRow(m.id, m.name, m.relation, m.gender, _as_date(m.birthdate),
                                 show_id(m.id_number), show_phone(m.phone), m.disability_type,
                                 m.disability_grade, m.chronic_illness, m.school_or_work, m.status,
                                 m.notes, ids, "、".join(_category_names(ids))))
    needs_by_visit: dict[int, list[str]] = {}
    need_rows = []
    for n in (Need.select(Need, Member.name.alias("member_name"))
              .join(Member, peewee.JOIN.LEFT_OUTER, on=(Need.member == Member.id))
              .where(Need.household == household.id).order_by(Need.raised_on.desc(), Need.id.desc())):
        if n.visit_id:
            needs_by_visit.setdefault(n.visit_id, []).append(n.content)
        member_name = getattr(n, "member_name", None) or ""
        need_rows.append(NeedRow(n.id, _as_date(n.raised_on), n.source, n.content, n.urgency,
                                 n.status, n.follow_up, member_name))
    visits = [VisitRow(v.id, _as_date(v.visited_on), v.kind, v.outcome, v.visitors, v.summary,
                       v.next_action, tuple(needs_by_visit.get(v.id, ())))
              for v in Visit.select().where(Visit.household == household.id)
              .order_by(Visit.visited_on.desc(), Visit.id.desc())]
    category_ids = tuple(link.category_id for link in HouseholdCategory.select()
                         .where(HouseholdCategory.household == household.id).order_by(HouseholdCategory.id))
    tier = Tier.get_or_none(Tier.id == household.tier_id) if household.tier_id else None
    worker = Staff.get_or_none(Staff.id == household.social_worker_id) if household.social_worker_id else None
    return HouseholdDetail(
        household.id, household.head_name, household.village_id, household.village.name,
        household.address, show_phone(household.phone), household.tier_id,
        tier.name if tier else "", household.social_worker_id, worker.name if worker else "",
        household.status, household.status_reason, _as_date(household.status_date),
        _as_date(household.registered_on), _as_date(household.last_visit_on),
        _as_date(household.due_on), household.notes, category_ids,
        "、".join(_category_names(category_ids)), tuple(members), tuple(visits), tuple(need_rows),
        revealed=reveal, can_reveal=can_reveal)


def get_household(actor: Actor, household_id: int) -> HouseholdDetail:
    """A household's file, phones and ID numbers masked."""
    require(actor, "households.view")
    household = get_or_fail(Household, household_id)
    return _detail(household, reveal=False, can_reveal=may_reveal(actor, household))


def reveal_household(actor: Actor, household_id: int) -> HouseholdDetail:
    """The file with full phones and ID numbers, for the head or the village's social worker.

    Each reveal is written to the audit log.
    """
    require(actor, "ids.reveal")
    household = get_or_fail(Household, household_id)
    if not may_reveal(actor, household):
        raise PermissionDenied("not_your_village", village_id=household.village_id, role=actor.role)
    sensitive_read(actor, "household", household.id, "reveal: phones and ID numbers")
    return _detail(household, reveal=True, can_reveal=True)


def member_input(row: MemberRow, full: Member | None = None) -> MemberInput:
    """A form's starting values for an existing member (full numbers only from ``full``)."""
    return MemberInput(
        name=row.name, relation=row.relation, gender=row.gender, birthdate=row.birthdate,
        id_number=(full.id_number or "") if full else "", phone=full.phone if full else "",
        disability_type=row.disability_type, disability_grade=row.disability_grade,
        chronic_illness=row.chronic_illness, school_or_work=row.school_or_work,
        status=row.status, notes=row.notes, category_ids=row.category_ids)
