"""What the stock printouts read: the rows of the distribution sign-off sheet (领取签收表).

A row per give-out voucher (to a household, for a campaign, an activity or a wish, or other
use) in a date range: the household's village, its head (masked for roles that may not see
households), the goods and quantities, the date. Reversed vouchers and reversals are left
out: what was undone was never handed over. Written-off goods (scrapped, expired) have no
one to sign and are never listed.

The dataclasses are plain data, so a campaign can fill a sheet from its own list of
(village, name, goods) and print it with the same ``reports.sign_off.build``.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass

import peewee

from .. import validate
from ..errors import ValidationError
from ..models import Household, Item, StockMovement, Village, Voucher
from ..roles import Actor, require
from .inventory import item_label
from .station import get_station
from .stock import _as_date

SIGN_OFF_KINDS = ("household", "campaign", "activity", "wish", "other_out")  # someone signs


@dataclass(frozen=True)
class SignOffRow:
    village: str
    name: str  # the household's head (masked unless the reader may see households), or the recipient
    goods: str  # 大米（10kg）2袋、食用油（5L）1桶
    day: _dt.date | None = None  # None on a planned distribution: written in when handed over
    proxy: str = ""  # who signed for the household (代领), masked like the name
    note: str = ""


@dataclass(frozen=True)
class SignOffData:
    station: str
    date_from: _dt.date | None
    date_to: _dt.date | None
    rows: tuple[SignOffRow, ...]
    subtitle: str = ""  # what the sheet is for: 2026 春节慰问, an activity's name


def goods_text(quantities: dict[tuple[str, str], int], sep: str = "、") -> str:
    """{(label, unit): quantity} as 大米（10kg）2袋、食用油（5L）1桶."""
    return sep.join(f"{label}{quantity:,}{unit}" for (label, unit), quantity in quantities.items())


def sign_off_rows(actor: Actor, *, date_from: _dt.date | None = None,
                  date_to: _dt.date | None = None, kind: str = "",
                  target_kind: str = "", target_id: int | None = None,
                  subtitle: str = "") -> SignOffData:
    """The goods handed out in a period (and/or of one kind, or for one target), a row per
    voucher in date order, for the 领取签收表."""
    require(actor, "inventory.view")
    if kind and kind not in SIGN_OFF_KINDS:
        raise ValidationError("bad_choice", field="voucher_kind", value=kind)
    if date_from and date_to and date_to < date_from:
        raise ValidationError("printout_bad_range", date_from=date_from.isoformat(),
                              date_to=date_to.isoformat())
    undone = Voucher.select(Voucher.reverses).where(Voucher.reverses.is_null(False))
    query = (Voucher.select(Voucher, Household, Village)
             .join(Household, peewee.JOIN.LEFT_OUTER, on=(Voucher.household == Household.id))
             .join(Village, peewee.JOIN.LEFT_OUTER, on=(Household.village == Village.id))
             .where(Voucher.kind.in_([kind] if kind else list(SIGN_OFF_KINDS)),
                    Voucher.id.not_in(undone))
             .order_by(Voucher.moved_on, Voucher.id))
    if date_from:
        query = query.where(Voucher.moved_on >= date_from)
    if date_to:
        query = query.where(Voucher.moved_on <= date_to)
    if target_kind:
        query = query.where(Voucher.target_kind == target_kind)
    if target_id is not None:
        query = query.where(Voucher.target_id == target_id)
    vouchers = list(query)
    goods: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
    ids = [v.id for v in vouchers]
    for start in range(0, len(ids), 900):
        rows = (StockMovement.select(StockMovement.voucher, Item, StockMovement.quantity)
                .join(Item, on=(StockMovement.item == Item.id))
                .where(StockMovement.voucher.in_(ids[start:start + 900]))
                .order_by(StockMovement.id))
        for movement in rows:
            key = (item_label(movement.item), movement.item.unit)
            per_voucher = goods[movement.voucher_id]
            per_voucher[key] = per_voucher.get(key, 0) - movement.quantity  # out rows are negative
    full_names = actor.can("households.view")
    result = []
    for voucher in vouchers:
        if voucher.household_id:
            head = voucher.household.head_name
            name = head if full_names else validate.mask_name(head)
            village = voucher.household.village.name if voucher.household.village_id else ""
            # someone else signing for the household is personal data too
            other = voucher.recipient if voucher.recipient and voucher.recipient != head else ""
            proxy = (other if full_names else validate.mask_name(other)) if other else ""
        else:
            name, village, proxy = voucher.recipient, "", ""
        result.append(SignOffRow(village, name, goods_text(goods[voucher.id]),
                                 _as_date(voucher.moved_on), proxy, voucher.reference))
    station = get_station()
    return SignOffData(station.name if station else "", date_from, date_to, tuple(result),
                       subtitle)


def planned_rows(rows, *, subtitle: str = "", date_from: _dt.date | None = None,
                 date_to: _dt.date | None = None) -> SignOffData:
    """A sheet from a plain list of (village, name, goods) rows — a planned distribution
    (a campaign's list), with the date left to be written in."""
    station = get_station()
    return SignOffData(station.name if station else "", date_from, date_to,
                       tuple(SignOffRow(str(village), str(name), str(goods))
                             for village, name, goods in rows), subtitle)
