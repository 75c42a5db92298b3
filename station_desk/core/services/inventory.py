"""The inventory's catalogue: donors, items with their dated unit values, item categories,
storerooms and gift package kinds (慰问包). The ledger itself is ``services.stock``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from .. import search, validate
from ..audit import created, record, saved, values_of
from ..clock import stamp, today
from ..errors import ValidationError
from ..models import (
    DONOR_KINDS,
    Donor,
    Item,
    ItemCategory,
    ItemValue,
    Location,
    PackageKind,
    PackageLine,
    StockMovement,
)
from ..roles import Actor, require
from .base import clean_text, get_or_fail, writer


def _choice(value: str, allowed: Sequence[str], field_name: str) -> str:
    if value not in allowed:
        raise ValidationError("bad_choice", field=field_name, value=value)
    return value


def _count(value: object, field_name: str, *, allow_zero: bool = False) -> int:
    """A whole number of units, as typed: 3, "3", "３"; refused if negative or fractional."""
    text = validate.normalise_text(value) if not isinstance(value, int) else str(value)
    try:
        number = int(text)
    except ValueError:
        raise ValidationError("bad_quantity", field=field_name, value=str(value)) from None
    if number < 0 or (number == 0 and not allow_zero):
        raise ValidationError("bad_quantity", field=field_name, value=str(value))
    return number


# ---------------------------------------------------------------- donors

@dataclass
class DonorInput:
    kind: str
    name: str
    contact: str = ""
    phone: str = ""
    address: str = ""
    notes: str = ""


ANONYMOUS_NAME = "匿名"


@writer("inventory.receive")
def save_donor(actor: Actor, data: DonorInput, donor_id: int | None = None) -> Donor:
    """Create a donor, or change one (``donor_id``). An anonymous donor needs no name."""
    kind = _choice(data.kind, DONOR_KINDS, "donor_kind")
    name = clean_text(data.name, "donor_name", required=kind != "anonymous", max_length=128) \
        or ANONYMOUS_NAME
    donor = get_or_fail(Donor, donor_id) if donor_id else Donor(created_at=stamp())
    before = values_of(donor) if donor_id else None
    donor.kind, donor.name = kind, name
    donor.name_initials = search.initials(name)
    donor.contact = clean_text(data.contact, "contact", required=False, max_length=64)
    donor.phone = validate.phone(data.phone) if data.phone else ""
    donor.address = clean_text(data.address, "address", required=False)
    donor.notes = clean_text(data.notes, "notes", required=False)
    donor.save()
    saved(actor, donor, before)
    return donor


@writer("inventory.receive")
def set_donor_active(actor: Actor, donor_id: int, active: bool) -> None:
    """Hide a donor from the pick lists (their donations stay on file), or show them again."""
    donor = get_or_fail(Donor, donor_id)
    if donor.active != active:
        record(actor, "update", "donor", donor.id, {"active": donor.active}, {"active": active})
        donor.active = active
        donor.save()


@dataclass(frozen=True)
class DonorRow:
    id: int
    kind: str
    name: str
    contact: str
    phone: str  # masked for an individual donor
    address: str
    notes: str
    active: bool


def find_donors(actor: Actor, text: str = "", *, kind: str = "",
                include_inactive: bool = False, limit: int | None = None) -> list[DonorRow]:
    """Donors by name (any part), pinyin initials or a phone's tail; most recent first."""
    require(actor, "inventory.view")
    query = Donor.select().order_by(Donor.name_initials, Donor.id)
    if text.strip():
        _pattern, is_tail = search.like_pattern(text)
        words = "".join(validate.normalise_text(text).split()).lower()
        if is_tail:
            query = query.where(Donor.phone.endswith(words))
        else:
            condition = Donor.name.contains(words)
            if words.isascii() and words.isalpha():
                condition |= Donor.name_initials.startswith(words)
            query = query.where(condition)
    if kind:
        query = query.where(Donor.kind == kind)
    if not include_inactive:
        query = query.where(Donor.active == True)  # noqa: E712
    if limit:
        query = query.limit(limit)
    return [DonorRow(d.id, d.kind, d.name, d.contact,
                     validate.mask_phone(d.phone) if d.kind == "individual" and d.phone
                     else d.phone, d.address, d.notes, d.active)
            for d in query]


def get_donor(actor: Actor, donor_id: int) -> Donor:
    require(actor, "inventory.view")
    return get_or_fail(Donor, donor_id)


# ---------------------------------------------------------------- item categories, storerooms

@writer("inventory.manage")
def save_item_category(actor: Actor, name: str, category_id: int | None = None,
                       active: bool = True) -> ItemCategory:
    name = clean_text(name, "item_category", max_length=32)
    row = get_or_fail(ItemCategory, category_id) if category_id else ItemCategory(
        sort_order=(ItemCategory.select(peewee.fn.MAX(ItemCategory.sort_order)).scalar() or 0) + 1)
    before = values_of(row) if category_id else None
    row.name, row.active = name, active
    row.save()
    saved(actor, row, before)
    return row


def item_categories(actor: Actor, include_inactive: bool = False) -> list[ItemCategory]:
    require(actor, "inventory.view")
    query = ItemCategory.select().order_by(ItemCategory.sort_order, ItemCategory.id)
    if not include_inactive:
        query = query.where(ItemCategory.active == True)  # noqa: E712
    return list(query)


@writer("inventory.manage")
def save_location(actor: Actor, name: str, location_id: int | None = None, note: str = "",
                  active: bool = True) -> Location:
    name = clean_text(name, "location", max_length=64)
    row = get_or_fail(Location, location_id) if location_id else Location(
        sort_order=(Location.select(peewee.fn.MAX(Location.sort_order)).scalar() or 0) + 1)
    before = values_of(row) if location_id else None
    row.name, row.note, row.active = name, clean_text(note, "note", required=False), active
    row.save()
    saved(actor, row, before)
    return row


def locations(actor: Actor, include_inactive: bool = False) -> list[Location]:
    require(actor, "inventory.view")
    query = Location.select().order_by(Location.sort_order, Location.id)
    if not include_inactive:
        query = query.where(Location.active == True)  # noqa: E712
    return list(query)


def default_location_id() -> int:
    row = (Location.select(Location.id).where(Location.active == True)  # noqa: E712
           .order_by(Location.sort_order, Location.id).first())
    if row is None:
        raise ValidationError("no_location")
    return row.id


# ---------------------------------------------------------------- items and their values

@dataclass
class ItemInput:
    name: str
    unit: str
    category_id: int
    spec: str = ""
    expires: bool = False
    threshold: int = 0
    notes: str = ""
    value_fen: int | None = None  # a new unit value from ``value_from`` on (None: unchanged)
    value_from: _dt.date | None = None


def _set_value(actor: Actor, item: Item, valid_from: _dt.date, value_fen: int) -> None:
    if value_fen < 0:
        raise ValidationError("bad_money", field="unit_value", value=str(value_fen))
    row = ItemValue.get_or_none(ItemValue.item == item.id, ItemValue.valid_from == valid_from)
    old = row.value_fen if row else None
    if row is None:
        row = ItemValue(item=item.id, valid_from=valid_from)
    row.value_fen, row.set_at, row.set_by_name = value_fen, stamp(), actor.name
    row.save()
    record(actor, "update" if old is not None else "create", "item_value", row.id,
           {"value_fen": old} if old is not None else None,
           {"item": item.id, "valid_from": valid_from.isoformat(), "value_fen": value_fen})


@writer("inventory.manage")
def save_item(actor: Actor, data: ItemInput, item_id: int | None = None) -> Item:
    """Create or change an item; a given ``value_fen`` starts a new dated unit value."""
    item = get_or_fail(Item, item_id) if item_id else Item()
    before = values_of(item) if item_id else None
    item.name = clean_text(data.name, "item_name", max_length=64)
    item.spec = clean_text(data.spec, "spec", required=False, max_length=64)
    item.unit = clean_text(data.unit, "unit", max_length=8)
    item.category = get_or_fail(ItemCategory, data.category_id).id
    item.expires = bool(data.expires)
    item.threshold = _count(data.threshold, "threshold", allow_zero=True)
    item.notes = clean_text(data.notes, "notes", required=False)
    item.name_initials = search.initials(item.name)
    if item_id and (before["unit"], before["expires"]) != (item.unit, item.expires) and \
            StockMovement.select().where(StockMovement.item == item.id).exists():
        # every row in the ledger counts in the old unit, and its batches keep their dates
        raise ValidationError("item_unit_fixed", item=item.name, unit=before["unit"])
    clash = Item.get_or_none(Item.name == item.name, Item.spec == item.spec)
    if clash is not None and clash.id != item.id:
        raise ValidationError("item_exists", name=item.name, spec=item.spec)
    item.save()
    saved(actor, item, before)
    if data.value_fen is not None:
        _set_value(actor, item, data.value_from or today(), data.value_fen)
    return item


@writer("inventory.manage")
def set_item_value(actor: Actor, item_id: int, valid_from: _dt.date, value_fen: int) -> None:
    """The item's unit value from ``valid_from`` on; rows already in the ledger keep theirs."""
    _set_value(actor, get_or_fail(Item, item_id), valid_from, value_fen)


@writer("inventory.manage")
def set_item_active(actor: Actor, item_id: int, active: bool) -> None:
    item = get_or_fail(Item, item_id)
    if item.active != active:
        record(actor, "update", "item", item.id, {"active": item.active}, {"active": active})
        item.active = active
        item.save()


def value_on(item_id: int, on: _dt.date) -> int | None:
    """The item's unit value in fen on a date (the newest valid_from on or before it)."""
    row = (ItemValue.select(ItemValue.value_fen)
           .where(ItemValue.item == item_id, ItemValue.valid_from <= on)
           .order_by(ItemValue.valid_from.desc()).first())
    return row.value_fen if row else None


def item_values(actor: Actor, item_id: int) -> list[ItemValue]:
    """The item's value history, newest first."""
    require(actor, "inventory.view")
    return list(ItemValue.select().where(ItemValue.item == item_id)
                .order_by(ItemValue.valid_from.desc()))


def item_label(item: Item) -> str:
    """大米 (10kg) — as the ledgers and printouts name an item."""
    return f"{item.name}（{item.spec}）" if item.spec else item.name


def find_items(actor: Actor, text: str = "", *, category_id: int | None = None,
               include_inactive: bool = False) -> list[Item]:
    require(actor, "inventory.view")
    query = (Item.select(Item, ItemCategory).join(ItemCategory)
             .order_by(ItemCategory.sort_order, Item.name, Item.spec))
    words = "".join(validate.normalise_text(text).split()).lower()
    if words:
        condition = Item.name.contains(words) | Item.spec.contains(words)
        if words.isascii() and words.isalpha():
            condition |= Item.name_initials.startswith(words)
        query = query.where(condition)
    if category_id:
        query = query.where(Item.category == category_id)
    if not include_inactive:
        query = query.where(Item.active == True)  # noqa: E712
    return list(query)


# ---------------------------------------------------------------- gift package kinds

@dataclass
class PackageInput:
    name: str
    lines: list[tuple[int, int]] = field(default_factory=list)  # (item_id, quantity)
    note: str = ""
    active: bool = True


@writer("inventory.manage")
def save_package(actor: Actor, data: PackageInput, package_id: int | None = None) -> PackageKind:
    """A gift package kind (慰问包): its name and items x quantities, replaced as a whole."""
    name = clean_text(data.name, "package_name", max_length=64)
    if not data.lines:
        raise ValidationError("package_empty", name=name)
    lines: dict[int, int] = {}
    for item_id, quantity in data.lines:
        get_or_fail(Item, item_id)
        if item_id in lines:
            raise ValidationError("package_item_twice", name=name)
        lines[item_id] = _count(quantity, "quantity")
    package = get_or_fail(PackageKind, package_id) if package_id else PackageKind()
    clash = PackageKind.get_or_none(PackageKind.name == name)
    if clash is not None and clash.id != package.id:
        raise ValidationError("package_exists", name=name)
    old_lines = ({line.item_id: line.quantity for line in package.lines} if package_id else None)
    package.name, package.note, package.active = name, clean_text(
        data.note, "note", required=False), data.active
    package.save()
    PackageLine.delete().where(PackageLine.package == package.id).execute()
    PackageLine.insert_many([{"package": package.id, "item": i, "quantity": q}
                             for i, q in lines.items()]).execute()
    new = {"name": name, "lines": {str(i): q for i, q in lines.items()}, "active": data.active}
    if old_lines is None:
        created(actor, package)
        record(actor, "update", "package_kind", package.id, None, new)
    else:
        record(actor, "update", "package_kind", package.id,
               {"lines": {str(i): q for i, q in old_lines.items()}}, new)
    return package


@dataclass(frozen=True)
class PackageRow:
    id: int
    name: str
    note: str
    active: bool
    lines: tuple[tuple[int, str, str, int], ...]  # (item_id, item label, unit, quantity)
    value_fen: int | None  # one package at today's unit values; None if an item has none


def packages(actor: Actor, include_inactive: bool = False) -> list[PackageRow]:
    require(actor, "inventory.view")
    query = PackageKind.select().order_by(PackageKind.name)
    if not include_inactive:
        query = query.where(PackageKind.active == True)  # noqa: E712
    result = []
    on = today()
    for package in query:
        lines = list(PackageLine.select(PackageLine, Item).join(Item)
                     .where(PackageLine.package == package.id).order_by(Item.name))
        value: int | None = 0
        for line in lines:
            unit_value = value_on(line.item_id, on)
            value = None if value is None or unit_value is None else value + unit_value * line.quantity
        result.append(PackageRow(package.id, package.name, package.note, package.active,
                                 tuple((ln.item_id, item_label(ln.item), ln.item.unit, ln.quantity)
                                       for ln in lines), value))
    return result


def package_lines(package_id: int, count: int) -> list[tuple[int, int]]:
    """(item_id, quantity) for ``count`` packages of a kind: what a reservation asks for."""
    get_or_fail(PackageKind, package_id)
    return [(line.item_id, line.quantity * count)
            for line in PackageLine.select().where(PackageLine.package == package_id)]
