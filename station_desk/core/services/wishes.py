"""Micro-wishes (微心愿, 四单一体): 服务对象下单 (placed) → 社工接单 (taken) → 爱心人士买单
(adopted: a donor gives the goods or the money, filed as a donation with its acknowledgement
number; donated goods are set aside for the wish) → 送达 (delivered: the goods leave stock to
the household, or what the money bought is paid out of the cash book) → 服务对象评单 (rated
1–5 with a comment). A wish may be cancelled before it is delivered.

The wish wall and the printed wish list show a wish by its alias (王奶奶, 小军) and village,
never the household's name, address or phone.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee

from .. import validate
from ..audit import changed, record, values_of
from ..clock import stamp, today
from ..errors import ValidationError
from ..models import (
    WISH_PAYMENTS,
    WISH_STATUSES,
    Donation,
    Donor,
    Household,
    Member,
    Staff,
    StockMovement,
    Village,
    Wish,
)
from ..roles import HEAD, SOCIAL_WORKER, Actor, require
from ..validate import stored_date as _as_date
from . import donations, stock
from .base import clean_text, get_or_fail, writer

TARGET_KIND = "wish"
OPEN_STATUSES = ("placed", "taken")  # on the wall: a donor could adopt them
PHOTO_MAX_BYTES = 400_000


def _day(value, field_name: str, not_before: _dt.date | None = None) -> _dt.date:
    day = validate.date_value(value or today(), field=field_name, required=True)
    if day > today():
        raise ValidationError("date_in_future", field=field_name, value=day.isoformat())
    if not_before is not None and day < not_before:
        raise ValidationError("wish_date_order", field=field_name, day=day.isoformat(),
                              before=not_before.isoformat())
    return day


def _in(wish: Wish, *statuses: str) -> None:
    if wish.status not in statuses:
        raise ValidationError("wish_wrong_state", what=wish.what, status=wish.status)


def _touch(actor: Actor, wish: Wish, before: dict) -> Wish:
    wish.updated_at = stamp()
    wish.save()
    # only the fields the step changed: the whole row would carry the photo's bytes
    old, new = changed(before, values_of(wish, list(before)))
    if new:
        record(actor, "update", Wish._meta.table_name, wish.id, old, new)
    return wish


@dataclass
class WishInput:
    household_id: int
    what: str
    alias: str
    why: str = ""
    estimated_fen: int = 0
    member_id: int | None = None
    placed_on: _dt.date | None = None
    placed_by: str = ""  # who wrote it down, when not the signed-in person
    photo: bytes | None = None


@writer("wishes.edit")
def place_wish(actor: Actor, data: WishInput) -> Wish:
    """下单: the wish as the client said it, with the alias donors will see."""
    household = get_or_fail(Household, data.household_id)
    if household.status != "active":
        raise ValidationError("household_file_closed", name=household.head_name)
    if data.member_id is not None:
        member = get_or_fail(Member, data.member_id)
        if member.household_id != household.id:
            raise ValidationError("member_not_of_household", name=member.name)
    alias = clean_text(data.alias, "alias", max_length=32)
    # a donor sees the alias and the why: never the full name of anyone in the household
    names = {n for (n,) in Member.select(Member.name).where(
        Member.household == household.id).tuples()} | {household.head_name}
    for name in sorted(n for n in names if len(n) >= 2):
        if name in alias:
            raise ValidationError("wish_alias_is_name", alias=alias)
        if name in (data.why or ""):
            raise ValidationError("wish_why_has_name", name=name)
    try:
        estimated = int(data.estimated_fen or 0)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field="estimated") from None
    if not 0 <= estimated <= 10_000_000:
        raise ValidationError("bad_money", field="estimated", value=str(data.estimated_fen))
    if data.photo is not None and len(data.photo) > PHOTO_MAX_BYTES:
        raise ValidationError("wish_photo_too_big", size=len(data.photo) // 1000,
                              limit=PHOTO_MAX_BYTES // 1000)
    row = Wish.create(
        household=household.id, member=data.member_id, alias=alias,
        what=clean_text(data.what, "wish_what", max_length=128),
        why=(data.why or "").strip(), estimated_fen=estimated, photo=data.photo,
        placed_on=_day(data.placed_on, "placed_on"),
        placed_by=clean_text(data.placed_by or actor.name, "placed_by", required=False,
                             max_length=64),
        created_at=stamp(), updated_at=stamp())
    # the audit row names the photo by its size: its bytes are no JSON (and no use there)
    new = values_of(row, [f.name for f in Wish._meta.sorted_fields if f.name != "photo"])
    if row.photo is not None:
        new["photo"] = f"{len(row.photo)} bytes"
    record(actor, "create", Wish._meta.table_name, row.id, new=new)
    return row


@writer("wishes.edit")
def take_wish(actor: Actor, wish_id: int, social_worker_id: int | None = None,
              taken_on: _dt.date | None = None) -> Wish:
    """接单: a social worker takes the wish on (the actor, or one the head names)."""
    wish = get_or_fail(Wish, wish_id)
    _in(wish, "placed")
    worker_id = social_worker_id or actor.staff_id
    if worker_id is None:
        raise ValidationError("required", field="social_worker")
    worker = get_or_fail(Staff, worker_id)
    if worker.role not in (SOCIAL_WORKER, HEAD):
        raise ValidationError("wish_worker_role", name=worker.name)
    before = values_of(wish, ["status", "social_worker", "taken_on"])
    wish.status, wish.social_worker = "taken", worker.id
    wish.taken_on = _day(taken_on, "taken_on", _as_date(wish.placed_on))
    return _touch(actor, wish, before)


@dataclass
class AdoptInput:
    donor_id: int
    payment: str  # goods or cash
    lines: Sequence[stock.InLine] = ()  # the goods the donor brought
    cash_fen: int = 0
    adopted_on: _dt.date | None = None
    note: str = ""


@writer("wishes.edit")
def adopt_wish(actor: Actor, wish_id: int, data: AdoptInput) -> Wish:
    """买单: a donor adopts the wish. What they give is filed as a donation (goods into stock,
    money into the cash book, an acknowledgement number), its purpose naming the wish; the
    goods are set aside for the wish until it is delivered."""
    require(actor, "inventory.receive")
    wish = get_or_fail(Wish, wish_id)
    _in(wish, "placed", "taken")
    if data.payment not in WISH_PAYMENTS:
        raise ValidationError("bad_choice", field="payment", value=str(data.payment))
    donor = get_or_fail(Donor, data.donor_id)
    on = _day(data.adopted_on, "adopted_on", _as_date(wish.taken_on or wish.placed_on))
    lines = list(data.lines) if data.payment == "goods" else []
    cash = int(data.cash_fen or 0) if data.payment == "cash" else 0
    if data.payment == "goods" and not lines:
        raise ValidationError("stock_no_lines")
    if data.payment == "cash" and cash <= 0:
        raise ValidationError("bad_money", field="cash", value=str(data.cash_fen))
    donation_id = donations.receive_donation.__wrapped__(actor, donations.DonationInput(
        donor_id=donor.id, received_on=on, lines=lines, cash_fen=cash,
        purpose=f"微心愿 #{wish.id}：{wish.what}"[:255], note=data.note,
        for_target=(TARGET_KIND, wish.id) if lines else None))  # the donor's goods: the wish's
    before = values_of(wish, ["status", "donor", "adopted_on", "payment", "donation"])
    if wish.status == "placed":  # adopted straight from the wall: the actor takes it too
        wish.social_worker = wish.social_worker_id or actor.staff_id
        wish.taken_on = wish.taken_on or on
    wish.status, wish.donor, wish.adopted_on = "adopted", donor.id, on
    wish.payment, wish.donation = data.payment, donation_id
    return _touch(actor, wish, before)


@writer("wishes.edit")
def deliver_wish(actor: Actor, wish_id: int, delivered_on: _dt.date | None = None, *,
                 spent_fen: int = 0, bought_from: str = "") -> Wish:
    """送达: the donated goods leave stock to the household (against the wish's reservation),
    or what the money bought is paid out of the cash book (``spent_fen``, from a shop)."""
    wish = get_or_fail(Wish, wish_id)
    _in(wish, "adopted")
    on = _day(delivered_on, "delivered_on", _as_date(wish.adopted_on))
    before = values_of(wish, ["status", "delivered_on", "voucher", "cash_entry", "spent_fen"])
    if wish.payment == "goods":
        require(actor, "inventory.give")
        donation = Donation.get_by_id(wish.donation_id)
        lines = [stock.OutLine(item, int(quantity)) for item, quantity in (
            StockMovement.select(StockMovement.item, peewee.fn.SUM(StockMovement.quantity))
            .where(StockMovement.voucher == donation.voucher_id)
            .group_by(StockMovement.item).tuples())]
        voucher = stock.give_out_goods(actor, TARGET_KIND, on, lines, household_id=wish.household_id,
                                       target_kind=TARGET_KIND, target_id=wish.id,
                                       recipient=wish.alias, reference=f"微心愿 #{wish.id}")
        stock.release.__wrapped__(actor, TARGET_KIND, wish.id, "已送达")  # nothing more is owed
        wish.voucher = voucher.id
    else:
        require(actor, "inventory.receive")
        spent = int(spent_fen or 0)
        if spent <= 0:
            raise ValidationError("bad_money", field="spent", value=str(spent_fen))
        entry_id = donations.record_cash.__wrapped__(
            actor, on, "spend", spent, purpose=f"微心愿 #{wish.id} 购买：{wish.what}"[:255],
            counterparty=bought_from, donor_id=wish.donor_id)
        wish.cash_entry, wish.spent_fen = entry_id, spent
    wish.status, wish.delivered_on = "delivered", on
    return _touch(actor, wish, before)


@writer("wishes.edit")
def rate_wish(actor: Actor, wish_id: int, rating: int, comment: str = "",
              rated_on: _dt.date | None = None) -> Wish:
    """评单: the client's rating, 1 to 5, and what they said."""
    wish = get_or_fail(Wish, wish_id)
    _in(wish, "delivered")
    try:
        stars = int(rating)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field="rating") from None
    if not 1 <= stars <= 5:
        raise ValidationError("wish_rating_range", value=str(rating))
    before = values_of(wish, ["status", "rating", "comment", "rated_on"])
    wish.status, wish.rating, wish.comment = "rated", stars, (comment or "").strip()
    wish.rated_on = _day(rated_on, "rated_on", _as_date(wish.delivered_on))
    return _touch(actor, wish, before)


@writer("wishes.edit")
def cancel_wish(actor: Actor, wish_id: int, reason: str) -> Wish:
    """Withdrawn before delivery (the client moved, the need was met elsewhere). Goods a donor
    gave stay in stock as their donation, free again; money stays in the cash book."""
    wish = get_or_fail(Wish, wish_id)
    _in(wish, "placed", "taken", "adopted")
    reason = clean_text(reason, "reason")
    if wish.status == "adopted" and wish.payment == "goods":
        stock.release.__wrapped__(actor, TARGET_KIND, wish.id, reason)
    before = values_of(wish, ["status", "cancel_reason"])
    wish.status, wish.cancel_reason = "cancelled", reason
    return _touch(actor, wish, before)


# ---------------------------------------------------------------- reading

@dataclass(frozen=True)
class WishRow:
    id: int
    status: str
    alias: str
    what: str
    why: str
    estimated_fen: int
    village: str
    household_id: int
    head_name: str
    placed_on: _dt.date
    social_worker: str
    donor: str
    adopted_on: _dt.date | None
    payment: str
    delivered_on: _dt.date | None
    rating: int | None
    comment: str
    has_photo: bool


def list_wishes(actor: Actor, *, status: str = "", text: str = "", year: int | None = None,
                open_only: bool = False) -> list[WishRow]:
    """Wishes, newest first. Staff who see households see the household; the front desk sees
    what a donor sees (alias and village)."""
    require(actor, "wishes.view")
    if status and status not in WISH_STATUSES:
        raise ValidationError("bad_choice", field="status", value=status)
    names = actor.can("households.view")
    query = (Wish.select(Wish.id, Wish.status, Wish.alias, Wish.what, Wish.why,
                         Wish.estimated_fen, Village.name, Wish.household, Household.head_name,
                         Wish.placed_on, Staff.name, Donor.name, Wish.adopted_on, Wish.payment,
                         Wish.delivered_on, Wish.rating, Wish.comment,
                         Wish.photo.is_null(False))
             .join(Household, on=(Wish.household == Household.id))
             .join(Village, on=(Household.village == Village.id))
             .switch(Wish).join(Staff, peewee.JOIN.LEFT_OUTER, on=(Wish.social_worker == Staff.id))
             .switch(Wish).join(Donor, peewee.JOIN.LEFT_OUTER, on=(Wish.donor == Donor.id))
             .order_by(Wish.placed_on.desc(), Wish.id.desc()))
    if status:
        query = query.where(Wish.status == status)
    if open_only:
        query = query.where(Wish.status.in_(OPEN_STATUSES))
    if year is not None:
        query = query.where((Wish.placed_on >= _dt.date(year, 1, 1))
                            & (Wish.placed_on <= _dt.date(year, 12, 31)))
    if text.strip():
        from .base import contains_text

        query = query.where(contains_text(Wish.what, text) | contains_text(Wish.alias, text)
                            | contains_text(Village.name, text))
    return [WishRow(i, s, a, w, why, est, v, hid, head if names else "", _as_date(placed),
                    worker or "", donor or "", _as_date(adopted), pay, _as_date(delivered),
                    rating, comment, bool(photo))
            for (i, s, a, w, why, est, v, hid, head, placed, worker, donor, adopted, pay,
                 delivered, rating, comment, photo) in query.tuples()]


def photo_of(actor: Actor, wish_id: int) -> bytes | None:
    require(actor, "wishes.view")
    return get_or_fail(Wish, wish_id).photo


@dataclass(frozen=True)
class WishFigures:
    year: int
    placed: int
    adopted: int  # adopted by a donor (and since delivered or rated)
    fulfilled: int  # delivered or rated
    rated: int
    cancelled: int
    average_rating: float | None
    value_fen: int  # estimated value of the wishes fulfilled
    by_status: tuple[tuple[str, int], ...]


def figures(actor: Actor, year: int) -> WishFigures:
    """The year's wishes (by the day placed): placed, adopted, fulfilled, the average rating."""
    require(actor, "wishes.view")
    start, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    where = (Wish.placed_on >= start) & (Wish.placed_on <= end)
    counts = dict(Wish.select(Wish.status, peewee.fn.COUNT(Wish.id)).where(where)
                  .group_by(Wish.status).tuples())
    average = (Wish.select(peewee.fn.AVG(Wish.rating))
               .where(where & Wish.rating.is_null(False)).scalar())
    value = (Wish.select(peewee.fn.COALESCE(peewee.fn.SUM(Wish.estimated_fen), 0))
             .where(where & Wish.status.in_(("delivered", "rated"))).scalar())
    fulfilled = counts.get("delivered", 0) + counts.get("rated", 0)
    return WishFigures(
        year, sum(counts.values()), counts.get("adopted", 0) + fulfilled, fulfilled,
        counts.get("rated", 0), counts.get("cancelled", 0),
        round(float(average), 2) if average is not None else None, int(value or 0),
        tuple((s, counts.get(s, 0)) for s in WISH_STATUSES))
