"""The stock ledger (出入库): goods in, goods out, moves between storerooms, counts (盘点),
reversals, reservations, and what is on hand.

Rules every write keeps, checked against the ledger before the transaction commits:

- no batch's balance is negative on any date: a back-dated give-out, a reversal or a count
  that would leave one below zero on some day is refused, naming the item, the day and the
  balance;
- a give-out never takes goods reserved for another target (a campaign, a wish, an
  activity); a target's own give-outs use its reservation first;
- ledger rows are never edited or deleted: a mistake is reversed by a reversal voucher
  dated like the one it cancels, and the history shows both.

Goods go out oldest expiry first (then oldest received); expired goods only go out as
``expired`` (报废) or ``scrapped`` (报损).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import peewee

from .. import validate
from ..audit import record
from ..clock import stamp, today
from ..db import database
from ..errors import ValidationError
from ..models import (
    IN_KINDS,
    OUT_KINDS,
    TARGET_KINDS,
    Batch,
    Donor,
    Household,
    Item,
    ItemCategory,
    Location,
    Reservation,
    StockCount,
    StockCountLine,
    StockMovement,
    Voucher,
)
from ..roles import Actor, require
from ..validate import stored_date as _as_date
from .base import clean_text, get_or_fail, writer
from .inventory import _count, default_location_id, item_label, value_on

EXPIRING_DAYS = 30


def _check_date(moved_on: _dt.date, field_name: str = "moved_on") -> _dt.date:
    if not isinstance(moved_on, _dt.date):
        raise ValidationError("bad_date", field=field_name, value=str(moved_on))
    if moved_on > today():
        raise ValidationError("date_in_future", field=field_name, value=moved_on.isoformat())
    return moved_on


def _voucher(actor: Actor, kind: str, moved_on: _dt.date, **values) -> Voucher:
    return Voucher.create(kind=kind, moved_on=moved_on, recorded_at=stamp(),
                          actor=actor.staff_id, actor_name=actor.name, **values)


def _audit_voucher(actor: Actor, voucher: Voucher, rows: Sequence[tuple[int, int, int]]) -> None:
    """One audit row per voucher: what it moved as (item, batch, quantity)."""
    record(actor, "create", "voucher", voucher.id, None, {
        "kind": voucher.kind, "moved_on": voucher.moved_on.isoformat(),
        "donor": voucher.donor_id, "household": voucher.household_id,
        "target": f"{voucher.target_kind}:{voucher.target_id}" if voucher.target_kind else "",
        "reverses": voucher.reverses_id, "reason": voucher.reason,
        "rows": [list(r) for r in rows]})


# ---------------------------------------------------------------- the ledger, per batch

def _timelines(batch_ids: Iterable[int]) -> dict[int, list[tuple[_dt.date, int]]]:
    """Each batch's balance at the end of every day it moved: [(day, balance)], in order."""
    ids = sorted(set(batch_ids))
    result: dict[int, list[tuple[_dt.date, int]]] = {i: [] for i in ids}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        query = (StockMovement.select(StockMovement.batch, StockMovement.moved_on,
                                      peewee.fn.SUM(StockMovement.quantity))
                 .where(StockMovement.batch.in_(chunk))
                 .group_by(StockMovement.batch, StockMovement.moved_on)
                 .order_by(StockMovement.batch, StockMovement.moved_on))
        running: dict[int, int] = defaultdict(int)
        for batch_id, day, delta in database.execute(query):
            running[batch_id] += delta
            result[batch_id].append((_as_date(day), running[batch_id]))
    return result


def _headroom(timeline: list[tuple[_dt.date, int]], on: _dt.date) -> int:
    """How much can leave the batch on ``on`` without any later day going below zero."""
    lowest = _balance_on(timeline, on)
    for day, balance in timeline:
        if day > on:
            lowest = min(lowest, balance)
    return lowest


def _balance_on(timeline: list[tuple[_dt.date, int]], on: _dt.date) -> int:
    balance = 0
    for day, value in timeline:
        if day > on:
            break
        balance = value
    return balance


def _verify(batch_ids: Iterable[int]) -> None:
    """Refuse (roll back) if any of these batches is below zero on any day."""
    for batch_id, timeline in _timelines(batch_ids).items():
        for day, balance in timeline:
            if balance < 0:
                batch = Batch.get_by_id(batch_id)
                item = Item.get_by_id(batch.item_id)
                raise ValidationError("stock_negative_on", item=item_label(item), unit=item.unit,
                                      day=day.isoformat(), balance=balance)


def _usable_today(item_ids: Iterable[int]) -> dict[int, int]:
    """On hand today in batches not yet expired, per item."""
    ids = sorted(set(item_ids))
    if not ids:
        return {}
    on = today()
    query = (StockMovement.select(StockMovement.item, peewee.fn.SUM(StockMovement.quantity))
             .join(Batch, on=(StockMovement.batch == Batch.id))
             .where(StockMovement.item.in_(ids),
                    (Batch.expires_on.is_null()) | (Batch.expires_on >= on))
             .group_by(StockMovement.item))
    result = dict.fromkeys(ids, 0)
    result.update({item_id: total for item_id, total in database.execute(query)})
    return result


def _outstanding(item_ids: Iterable[int]) -> dict[int, int]:
    """Reserved and not yet given out, per item, over every active reservation."""
    ids = sorted(set(item_ids))
    result = dict.fromkeys(ids, 0)
    if ids:
        query = (Reservation.select(Reservation.item,
                                    peewee.fn.SUM(Reservation.quantity - Reservation.delivered))
                 .where(Reservation.item.in_(ids), Reservation.status == "active")
                 .group_by(Reservation.item))
        result.update({item_id: total or 0 for item_id, total in database.execute(query)})
    return result


def _expired_on_hand(item_ids: Iterable[int], on: _dt.date) -> dict[int, int]:
    """On hand in batches already expired on ``on``, per item."""
    ids = sorted(set(item_ids))
    query = (StockMovement.select(StockMovement.item, peewee.fn.SUM(StockMovement.quantity))
             .join(Batch, on=(StockMovement.batch == Batch.id))
             .where(StockMovement.item.in_(ids), Batch.expires_on < on)
             .group_by(StockMovement.item))
    return {item_id: max(total, 0) for item_id, total in database.execute(query)}


# ---------------------------------------------------------------- goods in

@dataclass
class InLine:
    item_id: int
    quantity: int
    unit_value_fen: int | None = None  # None: the item's unit value on the day
    valued: bool = True  # False: goods that cannot be valued (listed without a value)
    expires_on: _dt.date | None = None
    batch_label: str = ""


def _receive_rows(voucher: Voucher, lines: Sequence[InLine], location_id: int) -> list[tuple]:
    if not lines:
        raise ValidationError("stock_no_lines")
    rows = []
    for number, line in enumerate(lines, start=1):
        item = get_or_fail(Item, line.item_id)
        if not item.active:
            raise ValidationError("item_inactive", item=item_label(item))
        quantity = _count(line.quantity, "quantity")
        if item.expires and line.expires_on is None:
            raise ValidationError("expiry_required", item=item_label(item), line=number)
        value = None
        if line.valued:
            value = line.unit_value_fen if line.unit_value_fen is not None else value_on(
                item.id, voucher.moved_on)
            if value is not None and value < 0:
                raise ValidationError("bad_money", field="unit_value", value=str(value))
        batch = Batch.create(item=item.id, location=location_id, expires_on=line.expires_on,
                             label=clean_text(line.batch_label, "batch_label", required=False,
                                              max_length=64),
                             received_on=voucher.moved_on, unit_value_fen=value)
        StockMovement.create(voucher=voucher.id, item=item.id, batch=batch.id, quantity=quantity,
                             unit_value_fen=value, moved_on=voucher.moved_on)
        rows.append((item.id, batch.id, quantity))
    return rows


def receive_goods(actor: Actor, kind: str, moved_on: _dt.date, lines: Sequence[InLine], *,
                  location_id: int | None = None, donor_id: int | None = None,
                  recipient: str = "", reference: str = "", reason: str = "",
                  for_target: tuple[str, int] | None = None) -> Voucher:
    """Goods in, inside the caller's transaction (donations call it). ``recipient`` names the
    source for a purchase or a transfer in. ``for_target`` (kind, id): goods given for one
    target (a wish) are set aside for it before any short reservation takes them."""
    if kind not in IN_KINDS:
        raise ValidationError("bad_choice", field="voucher_kind", value=kind)
    _check_date(moved_on)
    location_id = location_id or default_location_id()
    get_or_fail(Location, location_id)
    if donor_id is not None:
        get_or_fail(Donor, donor_id)
    voucher = _voucher(actor, kind, moved_on, donor=donor_id,
                       recipient=clean_text(recipient, "source", required=False, max_length=128),
                       reference=clean_text(reference, "reference", required=False,
                                            max_length=128),
                       reason=clean_text(reason, "reason", required=False))
    rows = _receive_rows(voucher, lines, location_id)
    _audit_voucher(actor, voucher, rows)
    if for_target is not None:
        wanted: dict[int, int] = defaultdict(int)
        for line in lines:
            wanted[line.item_id] += int(line.quantity)
        reserve.__wrapped__(actor, for_target[0], for_target[1], sorted(wanted.items()),
                            note=reference or reason)
    _fill_short_reservations(actor, {item_id for item_id, _b, _q in rows})
    return voucher


def _fill_short_reservations(actor: Actor, item_ids: set[int]) -> None:
    """Goods that come in go first to reservations still short of them, oldest first (the
    rice a company brings goes straight into the 中秋 packages waiting for it)."""
    short = list(Reservation.select().where(Reservation.item.in_(sorted(item_ids)),
                                            Reservation.status == "active",
                                            Reservation.wanted > Reservation.quantity)
                 .order_by(Reservation.id))
    if not short:
        return
    usable, reserved = _usable_today(item_ids), _outstanding(item_ids)
    free = {i: max(usable[i] - reserved[i], 0) for i in item_ids}
    for mine in short:
        add = min(mine.wanted - mine.quantity, free[mine.item_id])
        if add <= 0:
            continue
        free[mine.item_id] -= add
        record(actor, "update", "reservation", mine.id, {"quantity": mine.quantity},
               {"quantity": mine.quantity + add, "topped_up_by": "receipt"})
        mine.quantity += add
        mine.updated_at = stamp()
        mine.save()


@writer("inventory.receive")
def receive(actor: Actor, kind: str, moved_on: _dt.date, lines: Sequence[InLine], *,
            location_id: int | None = None, donor_id: int | None = None, recipient: str = "",
            reference: str = "", reason: str = "") -> int:
    """Goods bought (purchase), transferred in from outside (transfer_in) or on the shelves
    when the program started (opening); a donation goes through ``donations``. The voucher id."""
    if kind == "donation":
        raise ValidationError("stock_donation_via_donations")
    return receive_goods(actor, kind, moved_on, lines, location_id=location_id,
                         donor_id=donor_id, recipient=recipient, reference=reference,
                         reason=reason).id


# ---------------------------------------------------------------- goods out

@dataclass
class OutLine:
    item_id: int
    quantity: int
    batch_id: int | None = None  # one particular batch (scrapping a damaged one)


def _candidates(item_id: int, on: _dt.date, location_id: int | None, expired: str) -> list[Batch]:
    """The item's batches in the order goods leave: oldest expiry first, then oldest received.
    ``expired``: "skip" (normal), "only" (报废), "first" (报损 takes expired goods first)."""
    # Only batches with goods left: one whose balance is down to zero has no headroom on any
    # day (an item's hundreds of used-up batches made every give-out slow)
    live = (StockMovement.select(StockMovement.batch).where(StockMovement.item == item_id)
            .group_by(StockMovement.batch).having(peewee.fn.SUM(StockMovement.quantity) > 0))
    query = Batch.select().where((Batch.item == item_id) & Batch.id.in_(live))
    if location_id:
        query = query.where(Batch.location == location_id)
    batches = list(query)
    is_expired = [b for b in batches if b.expires_on is not None and _as_date(b.expires_on) < on]
    gone = {b.id for b in is_expired}  # by id: comparing model objects in a list is quadratic
    fresh = [b for b in batches if b.id not in gone]

    def order(b: Batch):
        return (_as_date(b.expires_on) or _dt.date.max, _as_date(b.received_on), b.id)

    if expired == "only":
        return sorted(is_expired, key=order)
    if expired == "first":
        return sorted(is_expired, key=order) + sorted(fresh, key=order)
    return sorted(fresh, key=order)


def _pick(item: Item, quantity: int, on: _dt.date, location_id: int | None, expired: str,
          batch_id: int | None) -> list[tuple[Batch, int]]:
    if batch_id is not None:
        batch = get_or_fail(Batch, batch_id)
        if batch.item_id != item.id:
            raise ValidationError("batch_not_item", item=item_label(item))
        batches = [batch]
    else:
        batches = _candidates(item.id, on, location_id, expired)
    timelines = _timelines(b.id for b in batches)
    taken: list[tuple[Batch, int]] = []
    left = quantity
    for batch in batches:
        room = _headroom(timelines[batch.id], on)
        if room <= 0:
            continue
        take = min(room, left)
        taken.append((batch, take))
        left -= take
        if left == 0:
            return taken
    available = quantity - left
    raise ValidationError("stock_short", item=item_label(item), unit=item.unit,
                          wanted=quantity, available=available, day=on.isoformat())


def _target_reservations(target_kind: str, target_id: int | None,
                         item_ids: Iterable[int]) -> dict[int, Reservation]:
    if not target_kind or target_id is None:
        return {}
    rows = Reservation.select().where(Reservation.target_kind == target_kind,
                                      Reservation.target_id == target_id,
                                      Reservation.status == "active",
                                      Reservation.item.in_(sorted(set(item_ids))))
    return {r.item_id: r for r in rows}


def give_out_goods(actor: Actor, kind: str, moved_on: _dt.date, lines: Sequence[OutLine], *,
                   household_id: int | None = None, target_kind: str = "",
                   target_id: int | None = None, recipient: str = "", reference: str = "",
                   reason: str = "", location_id: int | None = None) -> Voucher:
    """Goods out inside the caller's transaction (campaigns, activities and wishes call it)."""
    if kind not in OUT_KINDS:
        raise ValidationError("bad_choice", field="voucher_kind", value=kind)
    _check_date(moved_on)
    if not lines:
        raise ValidationError("stock_no_lines")
    if household_id is None and target_kind == "household":
        household_id, target_kind = target_id, ""  # one way in for a household, checked alike
    if household_id is not None:
        require(actor, "households.view")
        household = get_or_fail(Household, household_id)
        if household.status != "active" and kind == "household":
            raise ValidationError("household_not_active", name=household.head_name)
        if not target_kind:
            target_kind, target_id = "household", household_id
    if kind == "household" and household_id is None:
        raise ValidationError("required", field="household")
    if kind in ("campaign", "activity", "wish") and (target_kind != kind or target_id is None):
        raise ValidationError("required", field=kind)
    if target_kind and target_kind not in TARGET_KINDS:
        raise ValidationError("bad_choice", field="target_kind", value=target_kind)
    reason = clean_text(reason, "reason", required=kind in ("scrapped", "expired", "other_out"))
    expired = {"expired": "only", "scrapped": "first"}.get(kind, "skip")
    wanted: dict[int, int] = defaultdict(int)
    items: dict[int, Item] = {}
    for line in lines:
        items[line.item_id] = get_or_fail(Item, line.item_id)
        wanted[line.item_id] += _count(line.quantity, "quantity")
    own = _target_reservations(target_kind, target_id, wanted)
    if expired != "only":
        usable, reserved = _usable_today(wanted), _outstanding(wanted)
        stale = _expired_on_hand(wanted, moved_on) if expired == "first" else {}
        for item_id, quantity in wanted.items():
            mine = own[item_id].quantity - own[item_id].delivered if item_id in own else 0
            free = max(usable[item_id] - reserved[item_id], 0) + mine
            quantity -= min(stale.get(item_id, 0), quantity)  # 报损 takes expired goods first
            if quantity > free and usable[item_id] >= quantity:
                item = items[item_id]
                raise ValidationError("stock_reserved", item=item_label(item), unit=item.unit,
                                      wanted=quantity, free=free,
                                      reserved=reserved[item_id] - mine)
    voucher = _voucher(actor, kind, moved_on, household=household_id, target_kind=target_kind,
                       target_id=target_id,
                       recipient=clean_text(recipient, "recipient", required=False,
                                            max_length=128),
                       reference=clean_text(reference, "reference", required=False,
                                            max_length=128), reason=reason)
    # what comes out of the target's reservation, row by row, so a reversal gives back
    # exactly that much to it
    from_reservation = {item_id: min(wanted[item_id], r.quantity - r.delivered)
                        for item_id, r in own.items()}
    for item_id, use in from_reservation.items():
        if use > 0:
            Reservation.update(delivered=Reservation.delivered + use, updated_at=stamp()).where(
                Reservation.id == own[item_id].id).execute()
    rows = []
    for line in lines:
        item = items[line.item_id]
        quantity = _count(line.quantity, "quantity")
        for batch, take in _pick(item, quantity, moved_on, location_id, expired, line.batch_id):
            tagged = min(take, from_reservation.get(item.id, 0))
            for part, reservation in ((tagged, own[item.id].id if tagged else None),
                                      (take - tagged, None)):
                if part:
                    StockMovement.create(voucher=voucher.id, item=item.id, batch=batch.id,
                                         quantity=-part, unit_value_fen=batch.unit_value_fen,
                                         moved_on=moved_on, reservation=reservation)
                    rows.append((item.id, batch.id, -part))
            if tagged:
                from_reservation[item.id] -= tagged
    _verify(b for _i, b, _q in rows)
    _audit_voucher(actor, voucher, rows)
    return voucher


@writer("inventory.give")
def give_out(actor: Actor, kind: str, moved_on: _dt.date, lines: Sequence[OutLine], *,
             household_id: int | None = None, target_kind: str = "",
             target_id: int | None = None, recipient: str = "", reference: str = "",
             reason: str = "", location_id: int | None = None) -> int:
    """Goods out: to a household, for a campaign, an activity or a wish (``target_kind`` and
    ``target_id``), other use, or written off (scrapped, expired: a reason is required).
    Refused, naming the item and what is available, when stock is short on that day or
    any later one. The voucher id."""
    return give_out_goods(actor, kind, moved_on, lines, household_id=household_id,
                          target_kind=target_kind, target_id=target_id, recipient=recipient,
                          reference=reference, reason=reason, location_id=location_id).id


@writer("inventory.manage")
def move(actor: Actor, moved_on: _dt.date, lines: Sequence[OutLine], from_location: int,
         to_location: int, reason: str = "") -> int:
    """Goods from one storeroom to another (库房调拨): each batch keeps its expiry and value."""
    _check_date(moved_on)
    if from_location == to_location:
        raise ValidationError("move_same_location")
    get_or_fail(Location, from_location)
    get_or_fail(Location, to_location)
    voucher = _voucher(actor, "move", moved_on, reason=clean_text(reason, "reason", required=False))
    rows = []
    for line in lines:
        item = get_or_fail(Item, line.item_id)
        quantity = _count(line.quantity, "quantity")
        for batch, take in _pick(item, quantity, moved_on, from_location, "first", line.batch_id):
            twin = Batch.create(item=item.id, location=to_location, expires_on=batch.expires_on,
                                label=batch.label, received_on=moved_on,
                                unit_value_fen=batch.unit_value_fen)
            for target, sign in ((batch, -1), (twin, 1)):
                StockMovement.create(voucher=voucher.id, item=item.id, batch=target.id,
                                     quantity=sign * take, unit_value_fen=batch.unit_value_fen,
                                     moved_on=moved_on)
                rows.append((item.id, target.id, sign * take))
    _verify(b for _i, b, _q in rows)
    _audit_voucher(actor, voucher, rows)
    return voucher.id


# ---------------------------------------------------------------- reversals

def reverse_voucher(actor: Actor, voucher_id: int, reason: str) -> Voucher:
    """The reversal inside the caller's transaction (a cancelled donation calls it)."""
    original = get_or_fail(Voucher, voucher_id)
    reason = clean_text(reason, "reason")
    if original.kind == "reversal":
        raise ValidationError("reverse_reversal")
    done = Voucher.get_or_none(Voucher.reverses == original.id)
    if done is not None:
        raise ValidationError("reversed_already", voucher=original.id, at=done.recorded_at)
    voucher = _voucher(actor, "reversal", _as_date(original.moved_on), donor=original.donor_id,
                       household=original.household_id, target_kind=original.target_kind,
                       target_id=original.target_id, recipient=original.recipient,
                       reference=original.reference, reason=reason, reverses=original.id)
    rows = []
    for movement in StockMovement.select().where(StockMovement.voucher == original.id):
        StockMovement.create(voucher=voucher.id, item=movement.item_id, batch=movement.batch_id,
                             quantity=-movement.quantity, unit_value_fen=movement.unit_value_fen,
                             moved_on=movement.moved_on, reservation=movement.reservation_id)
        rows.append((movement.item_id, movement.batch_id, -movement.quantity))
        if movement.reservation_id and movement.quantity < 0:
            # the goods came back: the target's reservation is owed them again
            owed = Reservation.get_or_none(Reservation.id == movement.reservation_id,
                                           Reservation.status == "active")
            if owed is not None:
                owed.delivered = max(owed.delivered + movement.quantity, 0)
                owed.updated_at = stamp()
                owed.save()
    _verify(b for _i, b, _q in rows)
    _audit_voucher(actor, voucher, rows)
    return voucher


@writer("inventory.reverse")
def reverse(actor: Actor, voucher_id: int, reason: str) -> int:
    """Cancel a wrong voucher with a counter-voucher dated like it (the original stays on
    file, marked reversed). Refused when goods it brought in have gone out since: reverse
    those first. A donation is cancelled through ``donations.cancel_donation``."""
    original = get_or_fail(Voucher, voucher_id)
    if original.kind == "donation":
        raise ValidationError("stock_donation_via_donations")
    from ..models import CampaignTarget

    if CampaignTarget.select().where(CampaignTarget.voucher == original.id).exists():
        # the campaign's target would still say delivered: undo the outcome there instead
        raise ValidationError("stock_campaign_via_campaign")
    from ..models import Wish

    if Wish.select().where(Wish.voucher == original.id).exists():
        raise ValidationError("stock_wish_delivery")  # the wish would still say delivered
    return reverse_voucher(actor, voucher_id, reason).id


# ---------------------------------------------------------------- stock counts

@dataclass(frozen=True)
class CountSheetRow:
    item_id: int
    label: str
    unit: str
    category: str
    expires_on: _dt.date | None  # one row per expiry date for goods that expire
    book: int


@dataclass
class CountLine:
    item_id: int
    counted: int
    expires_on: _dt.date | None = None


def _group_key(item: Item, batch: Batch) -> tuple[int, _dt.date | None]:
    return item.id, (_as_date(batch.expires_on) if item.expires else None)


def _groups(on: _dt.date, location_id: int | None) -> dict[tuple, list[tuple[Batch, int]]]:
    """Batches by (item, expiry) with their balances on ``on``."""
    query = Batch.select(Batch, Item).join(Item)
    if location_id:
        query = query.where(Batch.location == location_id)
    batches = list(query)
    timelines = _timelines(b.id for b in batches)
    groups: dict[tuple, list[tuple[Batch, int]]] = defaultdict(list)
    for batch in batches:
        groups[_group_key(batch.item, batch)].append((batch, _balance_on(timelines[batch.id],
                                                                          on)))
    return groups


def count_sheet(actor: Actor, *, location_id: int | None = None,
                on: _dt.date | None = None, include_empty: bool = False) -> list[CountSheetRow]:
    """What the books say is on the shelves: a row per item (per expiry date for goods that
    expire), for the count sheet (盘点表) and the count entry."""
    require(actor, "inventory.view")
    on = on or today()
    groups = _groups(on, location_id)
    items = {i.id: i for i in Item.select(Item, ItemCategory).join(ItemCategory)}
    rows = []
    for (item_id, expires_on), members in groups.items():
        book = sum(balance for _b, balance in members)
        if book or include_empty:
            item = items[item_id]
            rows.append(CountSheetRow(item_id, item_label(item), item.unit, item.category.name,
                                      expires_on, book))
    if include_empty:
        seen = {r.item_id for r in rows}
        rows += [CountSheetRow(i.id, item_label(i), i.unit, i.category.name, None, 0)
                 for i in items.values() if i.active and i.id not in seen]
    order = {i.id: (i.category.sort_order, i.name, i.spec) for i in items.values()}
    return sorted(rows, key=lambda r: (order[r.item_id], r.expires_on or _dt.date.max))


@writer("inventory.manage")
def record_count(actor: Actor, counted_on: _dt.date, lines: Sequence[CountLine], reason: str,
                 *, location_id: int | None = None) -> int:
    """Enter counted quantities; only the items counted are touched. Each difference becomes
    an adjustment row (a shortage leaves the oldest batches first, a surplus joins the newest
    one) under one adjustment voucher with the reason. The count's id."""
    _check_date(counted_on, "counted_on")
    reason = clean_text(reason, "reason")
    if not lines:
        raise ValidationError("stock_no_lines")
    if location_id:
        get_or_fail(Location, location_id)
    groups = _groups(counted_on, location_id)
    count = StockCount.create(counted_on=counted_on, location=location_id, reason=reason,
                              recorded_at=stamp(), actor=actor.staff_id, actor_name=actor.name)
    changes: list[tuple[Item, tuple, int]] = []
    seen: set[tuple] = set()
    for line in lines:
        item = get_or_fail(Item, line.item_id)
        key = (item.id, line.expires_on if item.expires else None)
        if key in seen:
            raise ValidationError("count_line_twice", item=item_label(item))
        seen.add(key)
        counted = _count(line.counted, "counted", allow_zero=True)
        book = sum(balance for _b, balance in groups.get(key, []))
        StockCountLine.create(count=count.id, item=item.id, expires_on=key[1], book=book,
                              counted=counted)
        if counted != book:
            changes.append((item, key, counted - book))
    if changes:
        voucher = _voucher(actor, "adjustment", counted_on, reason=reason,
                           reference=f"盘点 #{count.id}")
        rows = []
        timelines = _timelines(b.id for members in groups.values() for b, _q in members)
        for item, key, difference in changes:
            members = groups.get(key, [])
            if difference > 0:
                newest = max((m for m in members if _as_date(m[0].received_on) <= counted_on),
                             key=lambda m: (_as_date(m[0].received_on), m[0].id), default=None)
                batch = newest[0] if newest else Batch.create(
                    item=item.id, location=location_id or default_location_id(),
                    expires_on=key[1], received_on=counted_on,
                    unit_value_fen=value_on(item.id, counted_on))
                portions = [(batch, difference)]
            else:
                portions, left = [], -difference
                for batch, _balance in sorted(members, key=lambda m: (
                        _as_date(m[0].received_on), m[0].id)):
                    take = min(_headroom(timelines[batch.id], counted_on), left)
                    if take > 0:
                        portions.append((batch, -take))
                        left -= take
                if left:
                    raise ValidationError("count_below_later", item=item_label(item),
                                          unit=item.unit, day=counted_on.isoformat())
            for batch, quantity in portions:
                StockMovement.create(voucher=voucher.id, item=item.id, batch=batch.id,
                                     quantity=quantity, unit_value_fen=batch.unit_value_fen,
                                     moved_on=counted_on)
                rows.append((item.id, batch.id, quantity))
        _verify(b for _i, b, _q in rows)
        _audit_voucher(actor, voucher, rows)
        count.voucher = voucher.id
        count.save()
    record(actor, "create", "stock_count", count.id, None,
           {"counted_on": counted_on.isoformat(), "reason": reason, "lines": len(lines),
            "differences": len(changes)})
    return count.id


# ---------------------------------------------------------------- reservations

@dataclass(frozen=True)
class Shortfall:
    item_id: int
    label: str
    unit: str
    wanted: int
    available: int  # what could be set aside for the target

    @property
    def missing(self) -> int:
        return self.wanted - self.available


def _plan(target_kind: str, target_id: int | None,
          lines: Sequence[tuple[int, int]]) -> list[tuple[Item, int, int, Reservation | None]]:
    """Per item: (item, wanted, what the target can hold, its reservation)."""
    wanted: dict[int, int] = defaultdict(int)
    for item_id, quantity in lines:
        wanted[item_id] += _count(quantity, "quantity", allow_zero=True)
    own = _target_reservations(target_kind, target_id, wanted)
    usable, reserved = _usable_today(wanted), _outstanding(wanted)
    result = []
    for item_id, quantity in wanted.items():
        item = get_or_fail(Item, item_id)
        mine = own.get(item_id)
        delivered = mine.delivered if mine else 0
        if quantity < delivered:
            raise ValidationError("reserve_below_delivered", item=item_label(item),
                                  unit=item.unit, delivered=delivered, wanted=quantity)
        outstanding = mine.quantity - mine.delivered if mine else 0
        free = max(usable[item_id] - reserved[item_id], 0) + outstanding
        hold = delivered + min(max(quantity - delivered, 0), free)
        result.append((item, quantity, hold, mine))
    return result


def shortfalls(actor: Actor, lines: Sequence[tuple[int, int]], *, target_kind: str = "",
               target_id: int | None = None) -> list[Shortfall]:
    """What reserving ``lines`` (item_id, quantity) for the target would lack, per item,
    counting what it has reserved already as its own. Empty: everything is there."""
    require(actor, "inventory.view")
    return [Shortfall(item.id, item_label(item), item.unit, wanted, hold)
            for item, wanted, hold, _r in _plan(target_kind, target_id, lines) if hold < wanted]


@writer("inventory.give")
def reserve(actor: Actor, target_kind: str, target_id: int, lines: Sequence[tuple[int, int]], *,
            partial: bool = False, note: str = "") -> list[Shortfall]:
    """Set aside what the target needs: for each (item_id, quantity) the target's wanted
    quantity becomes ``quantity``. All or nothing unless ``partial``: then what is there is
    set aside and the shortfall per item is returned (and shown until it is topped up)."""
    if target_kind not in TARGET_KINDS:
        raise ValidationError("bad_choice", field="target_kind", value=target_kind)
    plan = _plan(target_kind, target_id, lines)
    short = [Shortfall(item.id, item_label(item), item.unit, wanted, hold)
             for item, wanted, hold, _r in plan if hold < wanted]
    if short and not partial:
        first = short[0]
        raise ValidationError("reserve_short", item=first.label, unit=first.unit,
                              wanted=first.wanted, available=first.available,
                              missing=first.missing, others=len(short) - 1)
    now = stamp()
    for item, wanted, hold, mine in plan:
        if mine is None:
            mine = Reservation.create(item=item.id, target_kind=target_kind, target_id=target_id,
                                      wanted=wanted, quantity=hold, note=clean_text(
                                          note, "note", required=False),
                                      created_at=now, updated_at=now)
            record(actor, "create", "reservation", mine.id, None,
                   {"item": item.id, "target": f"{target_kind}:{target_id}", "wanted": wanted,
                    "quantity": hold})
        elif (mine.wanted, mine.quantity) != (wanted, hold):
            record(actor, "update", "reservation", mine.id,
                   {"wanted": mine.wanted, "quantity": mine.quantity},
                   {"wanted": wanted, "quantity": hold})
            mine.wanted, mine.quantity, mine.updated_at = wanted, hold, now
            mine.save()
    return short


@writer("inventory.give")
def top_up(actor: Actor, target_kind: str, target_id: int) -> list[Shortfall]:
    """Set aside stock that has come in since for the target's short reservations; what is
    still missing."""
    active = Reservation.select().where(Reservation.target_kind == target_kind,
                                        Reservation.target_id == target_id,
                                        Reservation.status == "active")
    lines = [(r.item_id, r.wanted) for r in active]
    return reserve.__wrapped__(actor, target_kind, target_id, lines, partial=True) if lines else []


@writer("inventory.give")
def release(actor: Actor, target_kind: str, target_id: int, reason: str = "") -> int:
    """Hand back whatever the target reserved and did not give out (a campaign closes);
    how many reservations were closed."""
    closed = 0
    now = stamp()
    for mine in Reservation.select().where(Reservation.target_kind == target_kind,
                                           Reservation.target_id == target_id,
                                           Reservation.status == "active"):
        mine.released = max(mine.quantity - mine.delivered, 0)
        mine.status, mine.updated_at = "closed", now
        mine.save()
        record(actor, "update", "reservation", mine.id, {"status": "active"},
               {"status": "closed", "released": mine.released,
                "reason": clean_text(reason, "reason", required=False)})
        closed += 1
    return closed


@dataclass(frozen=True)
class ReservationRow:
    id: int
    item_id: int
    label: str
    unit: str
    target_kind: str
    target_id: int
    wanted: int
    quantity: int
    delivered: int
    released: int
    status: str

    @property
    def outstanding(self) -> int:
        return self.quantity - self.delivered if self.status == "active" else 0

    @property
    def missing(self) -> int:
        return max(self.wanted - self.quantity, 0) if self.status == "active" else 0


def reservations(actor: Actor, *, target_kind: str = "", target_id: int | None = None,
                 item_id: int | None = None, active_only: bool = True) -> list[ReservationRow]:
    require(actor, "inventory.view")
    query = Reservation.select(Reservation, Item).join(Item).order_by(Reservation.id)
    if target_kind:
        query = query.where(Reservation.target_kind == target_kind)
    if target_id is not None:
        query = query.where(Reservation.target_id == target_id)
    if item_id is not None:
        query = query.where(Reservation.item == item_id)
    if active_only:
        query = query.where(Reservation.status == "active")
    return [ReservationRow(r.id, r.item_id, item_label(r.item), r.item.unit, r.target_kind,
                           r.target_id, r.wanted, r.quantity, r.delivered, r.released, r.status)
            for r in query]


# ---------------------------------------------------------------- what is on hand

@dataclass(frozen=True)
class StockRow:
    item_id: int
    label: str
    name: str
    spec: str
    unit: str
    category: str
    on_hand: int
    reserved: int  # set aside for targets, not yet given out
    expired: int  # on hand but past its expiry date
    expiring: int  # on hand and expiring within 30 days
    value_fen: int  # on hand at the batches' unit values (goods without a value count 0)
    unvalued: int  # on hand without a value
    threshold: int
    next_expiry: _dt.date | None
    shortfall: int = 0  # reservations that could not be covered (wanted - reserved)

    @property
    def available(self) -> int:
        return max(self.on_hand - self.expired - self.reserved, 0)

    @property
    def low(self) -> bool:
        return self.threshold > 0 and self.on_hand - self.expired < self.threshold


def _batch_balances(location_id: int | None = None) -> list[tuple]:
    """(batch_id, item_id, expires_on, unit_value_fen, balance) for every batch with goods."""
    sql = ("SELECT b.id, b.item_id, b.expires_on, b.unit_value_fen, s.total FROM "
           "(SELECT batch_id, SUM(quantity) AS total FROM stock_movement GROUP BY batch_id) AS s "
           "JOIN batch AS b ON b.id = s.batch_id WHERE s.total <> 0")
    params: list = []
    if location_id:
        sql += f" AND b.location_id = {database.param}"
        params.append(location_id)
    return list(database.execute_sql(sql, params).fetchall())


def overview(actor: Actor, *, text: str = "", category_id: int | None = None,
             location_id: int | None = None, only_low: bool = False,
             include_empty: bool = True) -> list[StockRow]:
    """The stock overview: per item on hand, reserved, available, value, expired and expiring,
    and whether it is below its threshold."""
    require(actor, "inventory.view")
    from .inventory import find_items

    on = today()
    soon = on + _dt.timedelta(days=EXPIRING_DAYS)
    per_item: dict[int, dict] = {}
    for _batch_id, item_id, expires_on, value, balance in _batch_balances(location_id):
        entry = per_item.setdefault(item_id, {"on_hand": 0, "expired": 0, "expiring": 0,
                                              "value": 0, "unvalued": 0, "next": None})
        entry["on_hand"] += balance
        expiry = _as_date(expires_on)
        if expiry is not None and balance > 0:
            if expiry < on:
                entry["expired"] += balance
            else:
                if expiry <= soon:
                    entry["expiring"] += balance
                entry["next"] = expiry if entry["next"] is None else min(entry["next"], expiry)
        if value is None:
            entry["unvalued"] += balance
        else:
            entry["value"] += value * balance
    reserved: dict[int, int] = {}
    missing: dict[int, int] = defaultdict(int)
    for item_id, wanted, held, delivered in database.execute(
            Reservation.select(Reservation.item, peewee.fn.SUM(Reservation.wanted),
                               peewee.fn.SUM(Reservation.quantity),
                               peewee.fn.SUM(Reservation.delivered))
            .where(Reservation.status == "active").group_by(Reservation.item)):
        reserved[item_id] = held - delivered
        missing[item_id] = wanted - held
    for item_id, outstanding in reserved.items():
        # held on paper but gone from the shelf (a receipt reversed, goods expired or lost)
        entry = per_item.get(item_id)
        usable = entry["on_hand"] - entry["expired"] if entry else 0
        missing[item_id] += max(outstanding - max(usable, 0), 0)
    rows = []
    for item in find_items(actor, text, category_id=category_id, include_inactive=True):
        entry = per_item.get(item.id)
        if entry is None and (not include_empty or not item.active):
            continue
        entry = entry or {"on_hand": 0, "expired": 0, "expiring": 0, "value": 0, "unvalued": 0,
                          "next": None}
        row = StockRow(item.id, item_label(item), item.name, item.spec, item.unit,
                       item.category.name, entry["on_hand"], reserved.get(item.id, 0),
                       entry["expired"], entry["expiring"], entry["value"], entry["unvalued"],
                       item.threshold, entry["next"], missing.get(item.id, 0))
        if not only_low or row.low:
            rows.append(row)
    return rows


@dataclass(frozen=True)
class BatchRow:
    id: int
    item_id: int
    label: str  # the item's label
    unit: str
    location: str
    batch_label: str
    received_on: _dt.date
    expires_on: _dt.date | None
    unit_value_fen: int | None
    on_hand: int

    def days_left(self, on: _dt.date) -> int | None:
        return (self.expires_on - on).days if self.expires_on else None


def batches(actor: Actor, *, item_id: int | None = None, expiring_within: int | None = None,
            location_id: int | None = None) -> list[BatchRow]:
    """Batches with goods on hand; ``expiring_within`` days: only those expired or expiring by
    then (the expiry list), soonest first."""
    require(actor, "inventory.view")
    balances = {row[0]: row[4] for row in _batch_balances(location_id) if row[4] > 0}
    if not balances:
        return []
    query = (Batch.select(Batch, Item, Location).join(Item).switch(Batch).join(Location)
             .where(Batch.id.in_(list(balances))))
    if item_id is not None:
        query = query.where(Batch.item == item_id)
    if expiring_within is not None:
        query = query.where(Batch.expires_on <= today() + _dt.timedelta(days=expiring_within))
    rows = [BatchRow(b.id, b.item_id, item_label(b.item), b.item.unit, b.location.name, b.label,
                     _as_date(b.received_on), _as_date(b.expires_on), b.unit_value_fen,
                     balances[b.id]) for b in query]
    return sorted(rows, key=lambda r: (r.expires_on or _dt.date.max, r.received_on, r.id))


# ---------------------------------------------------------------- history

@dataclass
class MovementQuery:
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    kinds: Sequence[str] = ()
    item_id: int | None = None
    donor_id: int | None = None
    household_id: int | None = None
    target_kind: str = ""
    target_id: int | None = None
    limit: int = 5000


@dataclass(frozen=True)
class MovementRow:
    id: int
    voucher_id: int
    kind: str
    moved_on: _dt.date
    item_id: int
    label: str
    unit: str
    quantity: int
    unit_value_fen: int | None
    expires_on: _dt.date | None
    counterparty: str  # the donor, the household's head, the target, the source or recipient
    reference: str
    reason: str
    actor_name: str
    recorded_at: str
    reverses: int | None  # the voucher this row's voucher reverses
    reversed_by: int | None  # the voucher that reversed this row's voucher

    @property
    def value_fen(self) -> int | None:
        return None if self.unit_value_fen is None else self.unit_value_fen * self.quantity


def movements(actor: Actor, query: MovementQuery | None = None) -> list[MovementRow]:
    """Ledger rows, newest first, with reversals and what they reversed marked."""
    require(actor, "inventory.view")
    query = query or MovementQuery()
    select = (StockMovement.select(StockMovement, Voucher, Item, Batch, Donor, Household)
              .join(Voucher, on=(StockMovement.voucher == Voucher.id))
              .join(Donor, peewee.JOIN.LEFT_OUTER, on=(Voucher.donor == Donor.id))
              .switch(Voucher)
              .join(Household, peewee.JOIN.LEFT_OUTER, on=(Voucher.household == Household.id))
              .switch(StockMovement).join(Item, on=(StockMovement.item == Item.id))
              .switch(StockMovement).join(Batch, on=(StockMovement.batch == Batch.id))
              .order_by(StockMovement.moved_on.desc(), StockMovement.id.desc()))
    if query.date_from:
        select = select.where(StockMovement.moved_on >= query.date_from)
    if query.date_to:
        select = select.where(StockMovement.moved_on <= query.date_to)
    if query.kinds:
        select = select.where(Voucher.kind.in_(list(query.kinds)))
    if query.item_id:
        select = select.where(StockMovement.item == query.item_id)
    if query.donor_id:
        select = select.where(Voucher.donor == query.donor_id)
    if query.household_id:
        select = select.where(Voucher.household == query.household_id)
    if query.target_kind:
        select = select.where(Voucher.target_kind == query.target_kind)
    if query.target_id is not None:
        select = select.where(Voucher.target_id == query.target_id)
    if query.limit:
        select = select.limit(query.limit)
    found = list(select)
    voucher_ids = sorted({m.voucher_id for m in found})
    reversed_by: dict[int, int] = {}
    for start in range(0, len(voucher_ids), 900):
        reversed_by.update(database.execute(
            Voucher.select(Voucher.reverses, Voucher.id)
            .where(Voucher.reverses.in_(voucher_ids[start:start + 900]))))
    full_names = actor.can("households.view")
    rows = []
    for m in found:
        voucher = m.voucher
        if voucher.household_id:
            # a household's head, and whoever signed for its goods, are personal data
            head = voucher.household.head_name
            party = head if full_names else validate.mask_name(head)
        else:
            party = ((voucher.donor.name if voucher.donor_id else "") or voucher.recipient
                     or (f"{voucher.target_kind} #{voucher.target_id}"
                         if voucher.target_kind else ""))
        rows.append(MovementRow(
            m.id, voucher.id, voucher.kind, _as_date(m.moved_on), m.item_id, item_label(m.item),
            m.item.unit, m.quantity, m.unit_value_fen, _as_date(m.batch.expires_on), party,
            voucher.reference, voucher.reason, voucher.actor_name, voucher.recorded_at,
            voucher.reverses_id, reversed_by.get(voucher.id)))
    return rows


# ---------------------------------------------------------------- the monthly in/out ledger

@dataclass(frozen=True)
class LedgerRow:
    """物资出入库台账: one item's month."""

    item_id: int
    label: str
    unit: str
    category: str
    opening: int
    opening_value_fen: int
    received: int
    received_value_fen: int
    issued: int  # given out, written off and moved out, as a positive number
    issued_value_fen: int
    adjusted: int  # counts (signed)
    adjusted_value_fen: int
    closing: int
    closing_value_fen: int


def month_bounds(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    first = _dt.date(year, month, 1)
    following = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - _dt.timedelta(days=1)


def monthly_ledger(actor: Actor, year: int, month: int) -> list[LedgerRow]:
    """Opening balance, in, out, count adjustments and closing balance per item for a month,
    in quantities and values (reversals net against the kind they reverse; moves between
    storerooms cancel out)."""
    require(actor, "inventory.view")
    first, last = month_bounds(year, month)
    value = StockMovement.quantity * peewee.fn.COALESCE(StockMovement.unit_value_fen, 0)
    original = Voucher.alias()
    effective_kind = peewee.fn.COALESCE(original.kind, Voucher.kind)
    opening = dict(((i, (q, v)) for i, q, v in database.execute(
        StockMovement.select(StockMovement.item, peewee.fn.SUM(StockMovement.quantity),
                             peewee.fn.SUM(value))
        .where(StockMovement.moved_on < first).group_by(StockMovement.item))))
    month: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for item_id, kind, quantity, total in database.execute(
            StockMovement.select(StockMovement.item, effective_kind,
                                 peewee.fn.SUM(StockMovement.quantity), peewee.fn.SUM(value))
            .join(Voucher, on=(StockMovement.voucher == Voucher.id))
            .join(original, peewee.JOIN.LEFT_OUTER, on=(Voucher.reverses == original.id))
            .where(StockMovement.moved_on.between(first, last))
            .group_by(StockMovement.item, effective_kind)):
        bucket = ("received" if kind in IN_KINDS else "adjusted" if kind == "adjustment"
                  else "moved" if kind == "move" else "issued")
        month[item_id][bucket][0] += quantity
        month[item_id][bucket][1] += total
    items = {i.id: i for i in Item.select(Item, ItemCategory).join(ItemCategory)}
    rows = []
    for item_id in sorted(set(opening) | set(month),
                          key=lambda i: (items[i].category.sort_order, items[i].name,
                                         items[i].spec)):
        item = items[item_id]
        open_q, open_v = opening.get(item_id, (0, 0))
        got = month[item_id]
        received, issued, adjusted = got["received"], got["issued"], got["adjusted"]
        moved = got["moved"]
        close_q = open_q + received[0] + issued[0] + adjusted[0] + moved[0]
        close_v = open_v + received[1] + issued[1] + adjusted[1] + moved[1]
        if not any((open_q, received[0], issued[0], adjusted[0], close_q)):
            continue
        rows.append(LedgerRow(item_id, item_label(item), item.unit, item.category.name,
                              open_q, open_v, received[0], received[1], -issued[0], -issued[1],
                              adjusted[0], adjusted[1], close_q, close_v))
    return rows
