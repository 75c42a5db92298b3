"""The station's own record and its lookup tables: villages, categories, tiers."""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from .. import validate
from ..audit import created, saved, updated, values_of
from ..clock import stamp
from ..errors import ValidationError
from ..models import VILLAGE_KINDS, Category, Staff, Station, Tier, Village
from ..roles import SOCIAL_WORKER, Actor
from .base import clean_text, get_or_fail, writer

# A village's parent kind, by kind: towns stand alone, groups sit under villages.
PARENT_KIND = {"town": None, "village": "town", "group": "village"}


def get_station() -> Station | None:
    return Station.select().order_by(Station.id).first()


def head_name(station: Station | None = None) -> str:
    """The station head's name as printouts sign it ("" when none is set)."""
    station = station if station is not None else get_station()
    if station is None or not station.head_id:
        return ""
    head = Staff.get_or_none(Staff.id == station.head_id)
    return head.name if head else ""


@writer("station.edit")
def save_station(actor: Actor, *, name: str, organisation: str = "", address: str = "",
                 phone: str = "", hotlines: list[str] | str = "",
                 head_id: int | None = None) -> Station:
    """Create or update the one station record."""
    if isinstance(hotlines, str):
        hotlines = [h for h in hotlines.replace(",", "\n").replace("，", "\n").splitlines()]
    numbers = [validate.phone(h, field="hotlines") for h in hotlines if h.strip()]
    station = get_station()
    before = values_of(station) if station else None
    if station is None:
        station = Station(created_at=stamp())
    station.name = clean_text(name, "name", max_length=128)
    station.organisation = clean_text(organisation, "organisation", required=False, max_length=128)
    station.address = clean_text(address, "address", required=False)
    station.phone = validate.phone(phone)
    station.hotlines = "\n".join(numbers)
    if head_id is not None:
        head = get_or_fail(Staff, head_id)
        if head.role != "head":
            raise ValidationError("not_a_head", field="head", name=head.name)
    station.head = head_id
    station.save()
    saved(actor, station, before)
    return station


# --- villages ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VillageRow:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    parent_name: str
    social_worker_id: int | None
    social_worker_name: str
    active: bool
    sort_order: int


def list_villages(kind: str | None = None, include_inactive: bool = True) -> list[VillageRow]:
    Parent = Village.alias()
    query = (Village.select(Village, Parent.name.alias("parent_name"),
                            Staff.name.alias("worker_name"))
             .join(Parent, peewee.JOIN.LEFT_OUTER, on=(Village.parent == Parent.id))
             .switch(Village)
             .join(Staff, peewee.JOIN.LEFT_OUTER, on=(Village.social_worker == Staff.id))
             .order_by(Village.sort_order, Village.code))
    if kind:
        query = query.where(Village.kind == kind)
    if not include_inactive:
        query = query.where(Village.active == True)  # noqa: E712
    return [
        VillageRow(v.id, v.code, v.name, v.kind, v.parent_id,
                   getattr(v, "parent_name", None) or "", v.social_worker_id,
                   getattr(v, "worker_name", None) or "", v.active, v.sort_order)
        for v in query.objects()
    ]


def _check_village(village: Village, worker_before: int | None = None) -> None:
    if village.kind not in VILLAGE_KINDS:
        raise ValidationError("bad_village_kind", field="kind", value=village.kind)
    wanted = PARENT_KIND[village.kind]
    if village.parent_id is None:
        if wanted == "village":
            raise ValidationError("group_needs_village", field="parent")
    else:
        parent = get_or_fail(Village, village.parent_id)
        if wanted is None or parent.kind != wanted:
            raise ValidationError("bad_village_parent", field="parent",
                                  kind=village.kind, parent_kind=parent.kind)
        if parent.id == village.id:
            raise ValidationError("bad_village_parent", field="parent",
                                  kind=village.kind, parent_kind=parent.kind)
    # The responsible worker is checked when it is set or changed: renaming a village whose
    # worker has since left must not fail (``check`` reports that village instead).
    if village.social_worker_id is not None and village.social_worker_id != worker_before:
        worker = get_or_fail(Staff, village.social_worker_id)
        if worker.role != SOCIAL_WORKER or not worker.active:
            raise ValidationError("not_a_social_worker", field="social_worker", name=worker.name)
    code_clash = Village.get_or_none((Village.code == village.code) & (Village.id != village.id))
    if code_clash is not None:
        raise ValidationError("village_code_taken", field="code", value=village.code)
    name_clash = Village.get_or_none(
        (Village.name == village.name) & (Village.id != village.id)
        & ((Village.parent == village.parent_id) if village.parent_id is not None
           else Village.parent.is_null())
    )
    if name_clash is not None:
        raise ValidationError("village_name_taken", field="name", value=village.name)


def _apply_village(village: Village, fields: dict) -> None:
    if "code" in fields:
        village.code = clean_text(fields["code"], "code", max_length=32)
    if "name" in fields:
        village.name = clean_text(fields["name"], "name", max_length=64)
    for key in ("kind", "parent_id", "social_worker_id", "active", "sort_order"):
        if key in fields:
            setattr(village, key, fields[key])


@writer("station.edit")
def add_village(actor: Actor, *, code: str, name: str, kind: str = "village",
                parent_id: int | None = None, social_worker_id: int | None = None,
                sort_order: int = 0, active: bool = True) -> Village:
    village = Village()
    _apply_village(village, dict(code=code, name=name, kind=kind, parent_id=parent_id,
                                 social_worker_id=social_worker_id, sort_order=sort_order,
                                 active=bool(active)))
    _check_village(village)
    village.save()
    created(actor, village)
    return village


@writer("station.edit")
def update_village(actor: Actor, village_id: int, **fields: object) -> Village:
    """Rename, re-code, move, hand to another social worker, or deactivate a village."""
    unknown = set(fields) - {"code", "name", "kind", "parent_id", "social_worker_id",
                             "active", "sort_order"}
    if unknown:
        raise TypeError(f"unknown village fields: {sorted(unknown)}")
    village = get_or_fail(Village, village_id)
    before = values_of(village)
    _apply_village(village, fields)
    _check_village(village, worker_before=before["social_worker"])
    village.save()
    updated(actor, village, before)
    if village.social_worker_id != before["social_worker"]:
        _hand_over_households(actor, village, before["social_worker"])
    return village


def _hand_over_households(actor: Actor, village: Village, old_worker: int | None) -> None:
    """The village's households that followed its old social worker follow the new one
    (a household given to someone else on purpose keeps them)."""
    from ..audit import record
    from ..models import Household

    moved = (Household.update(social_worker=village.social_worker_id)
             .where((Household.village == village.id)
                    & (Household.social_worker.is_null() if old_worker is None
                       else Household.social_worker == old_worker))
             .execute())
    if moved:
        record(actor, "update", "household", None, {"social_worker": old_worker},
               {"social_worker": village.social_worker_id},
               note=f"{village.name}: {moved} households handed over with the village")


# --- categories and tiers --------------------------------------------------------------------


def list_categories(include_inactive: bool = True) -> list[Category]:
    query = Category.select().order_by(Category.sort_order, Category.id)
    if not include_inactive:
        query = query.where(Category.active == True)  # noqa: E712
    return list(query)


def _unique(model: type[peewee.Model], field: peewee.Field, value: object,
            row_id: int | None, code: str) -> None:
    clash = model.get_or_none((field == value) & (model._meta.primary_key != (row_id or 0)))
    if clash is not None:
        raise ValidationError(code, field=field.name, value=str(value))


@writer("station.edit")
def save_category(actor: Actor, category_id: int | None = None, *, name: str,
                  active: bool = True, sort_order: int | None = None, note: str = "") -> Category:
    """Add (``category_id`` None) or edit a category. Categories are never deleted."""
    category = get_or_fail(Category, category_id) if category_id else Category()
    before = values_of(category) if category_id else None
    category.name = clean_text(name, "name", max_length=64)
    _unique(Category, Category.name, category.name, category_id, "category_name_taken")
    category.active = bool(active)
    if sort_order is not None:
        category.sort_order = int(sort_order)
    elif not category_id:
        category.sort_order = (Category.select(peewee.fn.MAX(Category.sort_order)).scalar() or 0) + 1
    category.note = clean_text(note, "note", required=False)
    category.save()
    saved(actor, category, before)
    return category


def list_tiers(include_inactive: bool = True) -> list[Tier]:
    query = Tier.select().order_by(Tier.level)
    if not include_inactive:
        query = query.where(Tier.active == True)  # noqa: E712
    return list(query)


@writer("station.edit")
def save_tier(actor: Actor, tier_id: int | None = None, *, level: int, name: str,
              visit_interval_days: int, active: bool = True, note: str = "") -> Tier:
    """Add or edit a follow-up tier; its interval sets when a household is due."""
    tier = get_or_fail(Tier, tier_id) if tier_id else Tier()
    before = values_of(tier) if tier_id else None
    try:
        tier.level = int(level)
        tier.visit_interval_days = int(visit_interval_days)
    except (TypeError, ValueError) as exc:
        raise ValidationError("not_a_number", field="visit_interval_days") from exc
    if tier.level < 1:
        raise ValidationError("tier_level_positive", field="level")
    if not 1 <= tier.visit_interval_days <= 3660:
        raise ValidationError("tier_interval_range", field="visit_interval_days",
                              value=tier.visit_interval_days)
    tier.name = clean_text(name, "name", max_length=32)
    _unique(Tier, Tier.level, tier.level, tier_id, "tier_level_taken")
    _unique(Tier, Tier.name, tier.name, tier_id, "tier_name_taken")
    tier.active = bool(active)
    tier.note = clean_text(note, "note", required=False)
    tier.save()
    saved(actor, tier, before)
    if before is not None and before.get("visit_interval_days") != tier.visit_interval_days:
        from .households import recompute_due_for_tier

        recompute_due_for_tier(tier.id)  # in this transaction: due dates follow the new interval
    return tier
