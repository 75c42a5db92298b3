"""Donations received (goods and cash), their acknowledgement numbers (捐赠物资接收凭证),
and the cash book (现金账).

A station cannot issue fiscal 公益事业捐赠票据; it gives the donor an acknowledgement of
receipt. Its number comes from a counter row bumped in the same IMMEDIATE transaction that
files the donation, so two desks saving at once never share a number and no number is
skipped. A spoiled slip is voided (the number stays used) and a new number is issued.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from .. import validate
from ..audit import created, record
from ..clock import stamp, today
from ..db import database
from ..errors import ValidationError
from ..models import (
    Acknowledgement,
    Batch,
    CashEntry,
    Donation,
    Donor,
    Item,
    NumberCounter,
    StockMovement,
)
from ..money import yuan
from ..roles import Actor, require
from .base import clean_text, get_or_fail, writer
from .inventory import item_label
from .station import get_station, head_name
from .stock import InLine, _as_date, _check_date, receive_goods, reverse_voucher

ACK_SERIES = "ack"


def next_number(series: str, year: int) -> str:
    """The next number in a yearly series, inside the caller's write transaction."""
    counter, _ = NumberCounter.get_or_create(series=series, year=year, defaults={"last": 0})
    NumberCounter.update(last=NumberCounter.last + 1).where(
        NumberCounter.id == counter.id).execute()
    return f"{year}-{NumberCounter.get_by_id(counter.id).last:04d}"


def _issue(actor: Actor, donation: Donation) -> Acknowledgement:
    ack = Acknowledgement.create(number=next_number(ACK_SERIES, today().year),
                                 donation=donation.id, issued_at=stamp(),
                                 issued_by_name="" if actor.is_cli else actor.name)
    created(actor, ack)
    return ack


@dataclass
class DonationInput:
    donor_id: int
    received_on: _dt.date
    lines: list[InLine] = field(default_factory=list)
    cash_fen: int = 0
    purpose: str = ""  # 指定用途: what the donor gave it for
    note: str = ""
    location_id: int | None = None
    for_target: tuple[str, int] | None = None  # goods given for one wish: set aside for it


@writer("inventory.receive")
def receive_donation(actor: Actor, data: DonationInput) -> int:
    """File a donation: its goods go into stock (one voucher), its cash into the cash book,
    and it gets the next acknowledgement number. The donation's id."""
    donor = get_or_fail(Donor, data.donor_id)
    _check_date(data.received_on, "received_on")
    cash = int(data.cash_fen or 0)
    if cash < 0:
        raise ValidationError("bad_money", field="cash", value=str(cash))
    if not data.lines and cash == 0:
        raise ValidationError("donation_empty")
    voucher = None
    if data.lines:
        voucher = receive_goods(actor, "donation", data.received_on, data.lines,
                                location_id=data.location_id, donor_id=donor.id,
                                reason=clean_text(data.purpose, "purpose", required=False),
                                for_target=data.for_target)
    donation = Donation.create(
        donor=donor.id, received_on=data.received_on, voucher=voucher.id if voucher else None,
        cash_fen=cash, purpose=clean_text(data.purpose, "purpose", required=False),
        note=clean_text(data.note, "note", required=False), clerk=actor.staff_id,
        clerk_name="" if actor.is_cli else actor.name, created_at=stamp())
    created(actor, donation)
    if voucher is not None:
        voucher.reference = f"捐赠 #{donation.id}"
        voucher.save()
    if cash:
        entry = CashEntry.create(entered_on=data.received_on, kind="donation", amount_fen=cash,
                                 donor=donor.id, donation=donation.id, purpose=donation.purpose,
                                 counterparty=donor.name, recorded_at=stamp(),
                                 actor=actor.staff_id, actor_name=actor.name)
        created(actor, entry)
    _issue(actor, donation)
    return donation.id


def _current_ack(donation_id: int) -> Acknowledgement | None:
    return (Acknowledgement.select().where(Acknowledgement.donation == donation_id,
                                           Acknowledgement.void == False)  # noqa: E712
            .order_by(Acknowledgement.id.desc()).first())


@writer("inventory.receive")
def reissue_acknowledgement(actor: Actor, donation_id: int, reason: str) -> str:
    """A slip was spoiled (misprinted, torn, lost): void its number and issue the next one
    for the same donation. The new number."""
    donation = get_or_fail(Donation, donation_id)
    reason = clean_text(reason, "reason")
    if donation.cancelled_at:
        raise ValidationError("donation_cancelled", at=donation.cancelled_at)
    old = _current_ack(donation.id)
    if old is not None:
        _void(actor, old, reason)
    return _issue(actor, donation).number


def _void(actor: Actor, ack: Acknowledgement, reason: str) -> None:
    ack.void, ack.void_reason, ack.voided_at = True, reason, stamp()
    ack.save()
    record(actor, "update", "acknowledgement", ack.id, {"void": False},
           {"void": True, "void_reason": reason, "number": ack.number})


@writer("inventory.reverse")
def cancel_donation(actor: Actor, donation_id: int, reason: str) -> None:
    """A donation entered in error: its goods are reversed (refused if some have gone out
    since), its cash reversed in the cash book, and its slip voided. It stays on file."""
    donation = get_or_fail(Donation, donation_id)
    reason = clean_text(reason, "reason")
    if donation.cancelled_at:
        raise ValidationError("donation_cancelled", at=donation.cancelled_at)
    from ..models import Wish

    wish = Wish.get_or_none((Wish.donation == donation.id) & (Wish.status != "cancelled"))
    if wish is not None:  # the wish would still say adopted, its goods set aside
        raise ValidationError("donation_for_wish", what=wish.what)
    if donation.voucher_id:
        reverse_voucher(actor, donation.voucher_id, reason)
    for entry in CashEntry.select().where(CashEntry.donation == donation.id,
                                          CashEntry.reverses.is_null(),
                                          CashEntry.kind == "donation"):
        _reverse_cash(actor, entry, reason)
    for ack in Acknowledgement.select().where(Acknowledgement.donation == donation.id,
                                              Acknowledgement.void == False):  # noqa: E712
        _void(actor, ack, reason)
    donation.cancelled_at, donation.cancel_reason = stamp(), reason
    donation.save()
    record(actor, "update", "donation", donation.id, {"cancelled_at": None},
           {"cancelled_at": donation.cancelled_at, "cancel_reason": reason})


# ---------------------------------------------------------------- reading donations

@dataclass(frozen=True)
class DonationLine:
    item_id: int
    label: str
    unit: str
    quantity: int
    unit_value_fen: int | None  # None: listed without a value
    expires_on: _dt.date | None

    @property
    def value_fen(self) -> int | None:
        return None if self.unit_value_fen is None else self.unit_value_fen * self.quantity


@dataclass(frozen=True)
class DonationRow:
    id: int
    received_on: _dt.date
    donor_id: int
    donor_name: str
    donor_kind: str
    number: str  # the acknowledgement number in force ("" if none)
    goods_value_fen: int
    cash_fen: int
    purpose: str
    clerk_name: str
    cancelled: bool
    lines: tuple[DonationLine, ...] = ()
    void_number: str = ""  # a cancelled donation's last (voided) number
    has_goods: bool = False

    @property
    def total_fen(self) -> int:
        return self.goods_value_fen + self.cash_fen




def _lines(voucher_ids: Sequence[int]) -> dict[int, list[DonationLine]]:
    result: dict[int, list[DonationLine]] = defaultdict(list)
    ids = [v for v in voucher_ids if v]
    for start in range(0, len(ids), 900):
        query = (StockMovement.select(StockMovement, Item, Batch)
                 .join(Item, on=(StockMovement.item == Item.id))
                 .switch(StockMovement).join(Batch, on=(StockMovement.batch == Batch.id))
                 .where(StockMovement.voucher.in_(ids[start:start + 900]))
                 .order_by(StockMovement.id))
        for m in query:
            result[m.voucher_id].append(DonationLine(m.item_id, item_label(m.item), m.item.unit,
                                                     m.quantity, m.unit_value_fen,
                                                     _as_date(m.batch.expires_on)))
    return result


def list_donations(actor: Actor, *, date_from: _dt.date | None = None,
                   date_to: _dt.date | None = None, donor_id: int | None = None,
                   donor_ids: Sequence[int] | None = None, include_cancelled: bool = True,
                   with_lines: bool = False) -> list[DonationRow]:
    """Donations received, newest first (of one donor, or of ``donor_ids``: a search's)."""
    require(actor, "inventory.view")
    query = (Donation.select(Donation, Donor).join(Donor)
             .order_by(Donation.received_on.desc(), Donation.id.desc()))
    if date_from:
        query = query.where(Donation.received_on >= date_from)
    if date_to:
        query = query.where(Donation.received_on <= date_to)
    if donor_id:
        query = query.where(Donation.donor == donor_id)
    if donor_ids is not None:
        query = query.where(Donation.donor.in_(list(donor_ids)))
    if not include_cancelled:
        query = query.where(Donation.cancelled_at.is_null())
    donations = list(query)
    ids = [d.id for d in donations]
    numbers: dict[int, str] = {}
    voided: dict[int, str] = {}
    values: dict[int, int] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        voided.update(database.execute(
            Acknowledgement.select(Acknowledgement.donation, peewee.fn.MAX(Acknowledgement.number))
            .where(Acknowledgement.donation.in_(chunk)).group_by(Acknowledgement.donation)))
        numbers.update(database.execute(
            Acknowledgement.select(Acknowledgement.donation, peewee.fn.MAX(Acknowledgement.number))
            .where(Acknowledgement.donation.in_(chunk), Acknowledgement.void == False)  # noqa: E712
            .group_by(Acknowledgement.donation)))
        values.update(database.execute(
            Donation.select(Donation.id, peewee.fn.SUM(
                StockMovement.quantity * peewee.fn.COALESCE(StockMovement.unit_value_fen, 0)))
            .join(StockMovement, on=(StockMovement.voucher == Donation.voucher))
            .where(Donation.id.in_(chunk)).group_by(Donation.id)))
    lines = _lines([d.voucher_id for d in donations]) if with_lines else {}
    return [DonationRow(d.id, _as_date(d.received_on), d.donor_id, d.donor.name, d.donor.kind,
                        numbers.get(d.id, ""), values.get(d.id, 0) or 0, d.cash_fen, d.purpose,
                        d.clerk_name, d.cancelled_at is not None,
                        tuple(lines.get(d.voucher_id, ())),
                        "" if d.id in numbers else voided.get(d.id, ""), d.voucher_id is not None)
            for d in donations]


@dataclass(frozen=True)
class AcknowledgementData:
    """Everything the printed 捐赠物资接收凭证 shows."""

    number: str
    station: str
    organisation: str
    station_phone: str
    station_address: str
    donor_name: str
    donor_kind: str
    donor_contact: str
    received_on: _dt.date
    lines: tuple[DonationLine, ...]
    goods_value_fen: int  # the goods that have a value
    cash_fen: int
    purpose: str
    clerk: str
    head: str
    issued_on: _dt.date
    void: bool  # the donation was cancelled: the slip prints marked void

    @property
    def total_fen(self) -> int:
        return self.goods_value_fen + self.cash_fen


def acknowledgement_data(actor: Actor, donation_id: int) -> AcknowledgementData:
    """The acknowledgement for a donation as it prints, under its number in force (the
    newest one, void if the donation was cancelled)."""
    require(actor, "inventory.view")
    donation = get_or_fail(Donation, donation_id)
    donor = Donor.get_by_id(donation.donor_id)
    ack = _current_ack(donation.id) or (Acknowledgement.select()
                                        .where(Acknowledgement.donation == donation.id)
                                        .order_by(Acknowledgement.id.desc()).first())
    station = get_station()
    head = head_name(station)
    lines = tuple(_lines([donation.voucher_id]).get(donation.voucher_id, ()))
    contact = donor.contact
    if donor.phone:
        phone = validate.mask_phone(donor.phone) if donor.kind == "individual" else donor.phone
        contact = f"{contact} {phone}".strip()
    return AcknowledgementData(
        number=ack.number if ack else "", station=station.name if station else "",
        organisation=station.organisation if station else "",
        station_phone=station.phone if station else "",
        station_address=station.address if station else "",
        donor_name=donor.name, donor_kind=donor.kind, donor_contact=contact,
        received_on=_as_date(donation.received_on), lines=lines,
        goods_value_fen=sum(line.value_fen or 0 for line in lines), cash_fen=donation.cash_fen,
        purpose=donation.purpose, clerk=donation.clerk_name, head=head,
        issued_on=_dt.datetime.fromisoformat(ack.issued_at).date() if ack else today(),
        void=donation.cancelled_at is not None)


@dataclass(frozen=True)
class AcknowledgementRow:
    id: int
    number: str
    donation_id: int
    donor_name: str
    issued_at: str
    issued_by_name: str
    void: bool
    void_reason: str


def acknowledgements(actor: Actor, *, donation_id: int | None = None,
                     year: int | None = None) -> list[AcknowledgementRow]:
    """Numbers issued, void ones included: the register that shows no number is missing."""
    require(actor, "inventory.view")
    query = (Acknowledgement.select(Acknowledgement, Donation, Donor).join(Donation).join(Donor)
             .order_by(Acknowledgement.number))
    if donation_id is not None:
        query = query.where(Acknowledgement.donation == donation_id)
    if year is not None:
        query = query.where(Acknowledgement.number.startswith(f"{year}-"))
    return [AcknowledgementRow(a.id, a.number, a.donation_id, a.donation.donor.name,
                               a.issued_at, a.issued_by_name, a.void, a.void_reason)
            for a in query]


# ---------------------------------------------------------------- donor totals

@dataclass(frozen=True)
class DonorTotal:
    donor_id: int
    name: str
    kind: str
    donations: int
    goods_value_fen: int
    cash_fen: int

    @property
    def total_fen(self) -> int:
        return self.goods_value_fen + self.cash_fen


def donor_totals(actor: Actor, year: int | None = None, *,
                 date_from: _dt.date | None = None,
                 date_to: _dt.date | None = None) -> list[DonorTotal]:
    """Per donor: donations, goods value and cash for a year (or a date range), cancelled
    donations left out; largest first."""
    require(actor, "inventory.view")
    if year is not None:
        date_from, date_to = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in list_donations(actor, date_from=date_from, date_to=date_to,
                            include_cancelled=False):
        entry = totals[d.donor_id]
        entry[0] += 1
        entry[1] += d.goods_value_fen
        entry[2] += d.cash_fen
    donors = {d.id: d for d in Donor.select().where(Donor.id.in_(list(totals)))} if totals else {}
    rows = [DonorTotal(i, donors[i].name, donors[i].kind, *totals[i]) for i in totals]
    return sorted(rows, key=lambda r: (-r.total_fen, r.name))


# ---------------------------------------------------------------- the cash book

@writer("inventory.receive")
def record_cash(actor: Actor, entered_on: _dt.date, kind: str, amount_fen: int, *,
                purpose: str, counterparty: str = "", reference: str = "",
                donor_id: int | None = None) -> int:
    """A cash entry other than a donation: ``other_in`` (money in) or ``spend`` (paid out;
    refused if the cash book would go below zero on any day). The entry's id."""
    if kind not in ("other_in", "spend"):
        raise ValidationError("bad_choice", field="cash_kind", value=kind)
    _check_date(entered_on, "entered_on")
    amount = int(amount_fen)
    if amount <= 0:
        raise ValidationError("bad_money", field="amount", value=str(amount_fen))
    if donor_id is not None:
        get_or_fail(Donor, donor_id)
    entry = CashEntry.create(entered_on=entered_on, kind=kind,
                             amount_fen=amount if kind == "other_in" else -amount,
                             donor=donor_id, purpose=clean_text(purpose, "purpose"),
                             counterparty=clean_text(counterparty, "counterparty",
                                                     required=False, max_length=128),
                             reference=clean_text(reference, "reference", required=False,
                                                  max_length=128),
                             recorded_at=stamp(), actor=actor.staff_id, actor_name=actor.name)
    _verify_cash()
    created(actor, entry)
    return entry.id


def _reverse_cash(actor: Actor, entry: CashEntry, reason: str) -> CashEntry:
    if entry.kind == "reversal":
        raise ValidationError("reverse_reversal")
    done = CashEntry.get_or_none(CashEntry.reverses == entry.id)
    if done is not None:
        raise ValidationError("reversed_already", voucher=entry.id, at=done.recorded_at)
    counter = CashEntry.create(entered_on=entry.entered_on, kind="reversal",
                               amount_fen=-entry.amount_fen, donor=entry.donor_id,
                               donation=entry.donation_id, purpose=entry.purpose,
                               counterparty=entry.counterparty, reference=entry.reference,
                               reverses=entry.id, reason=reason, recorded_at=stamp(),
                               actor=actor.staff_id, actor_name=actor.name)
    _verify_cash()
    created(actor, counter)
    return counter


@writer("inventory.reverse")
def reverse_cash(actor: Actor, entry_id: int, reason: str) -> int:
    """Cancel a wrong cash entry with a counter-entry dated like it. A donation's cash is
    cancelled with the donation."""
    entry = get_or_fail(CashEntry, entry_id)
    if entry.kind == "donation":
        raise ValidationError("stock_donation_via_donations")
    return _reverse_cash(actor, entry, clean_text(reason, "reason")).id


def _verify_cash() -> None:
    running = 0
    for day, delta in database.execute(
            CashEntry.select(CashEntry.entered_on, peewee.fn.SUM(CashEntry.amount_fen))
            .group_by(CashEntry.entered_on).order_by(CashEntry.entered_on)):
        running += delta
        if running < 0:
            raise ValidationError("cash_negative_on", day=str(day)[:10], balance=yuan(running))


@dataclass(frozen=True)
class CashRow:
    id: int
    entered_on: _dt.date
    kind: str
    amount_fen: int
    balance_fen: int  # the book's balance after this row
    counterparty: str
    purpose: str
    reference: str
    reason: str
    actor_name: str
    reverses: int | None
    reversed_by: int | None
    donation_id: int | None


def cash_book(actor: Actor, *, date_from: _dt.date | None = None,
              date_to: _dt.date | None = None) -> tuple[int, list[CashRow]]:
    """(opening balance, rows in date order with the running balance) for the period."""
    require(actor, "inventory.view")
    opening = 0
    if date_from:
        opening = (CashEntry.select(peewee.fn.SUM(CashEntry.amount_fen))
                   .where(CashEntry.entered_on < date_from).scalar() or 0)
    query = CashEntry.select().order_by(CashEntry.entered_on, CashEntry.id)
    if date_from:
        query = query.where(CashEntry.entered_on >= date_from)
    if date_to:
        query = query.where(CashEntry.entered_on <= date_to)
    entries = list(query)
    reversed_by = dict(database.execute(
        CashEntry.select(CashEntry.reverses, CashEntry.id).where(CashEntry.reverses.is_null(False))))
    rows, balance = [], opening
    for e in entries:
        balance += e.amount_fen
        rows.append(CashRow(e.id, _as_date(e.entered_on), e.kind, e.amount_fen, balance,
                            e.counterparty, e.purpose, e.reference, e.reason, e.actor_name,
                            e.reverses_id, reversed_by.get(e.id), e.donation_id))
    return opening, rows


# ---------------------------------------------------------------- thank-you letters

@dataclass(frozen=True)
class ThanksData:
    """One thank-you letter: a donor's donations in a period."""

    donor_name: str
    donor_kind: str
    date_from: _dt.date
    date_to: _dt.date
    donations: tuple[DonationRow, ...]
    station: str
    organisation: str
    station_phone: str
    head: str
    written_on: _dt.date

    @property
    def goods_value_fen(self) -> int:
        return sum(d.goods_value_fen for d in self.donations)

    @property
    def cash_fen(self) -> int:
        return sum(d.cash_fen for d in self.donations)


def thanks_data(actor: Actor, date_from: _dt.date, date_to: _dt.date,
                donor_ids: Sequence[int] | None = None) -> list[ThanksData]:
    """A letter per donor who gave in the period (anonymous donors get none)."""
    require(actor, "inventory.view")
    station = get_station()
    head = head_name(station)
    per_donor: dict[int, list[DonationRow]] = defaultdict(list)
    for d in list_donations(actor, date_from=date_from, date_to=date_to,
                            include_cancelled=False, with_lines=True):
        if d.donor_kind != "anonymous" and (donor_ids is None or d.donor_id in donor_ids):
            per_donor[d.donor_id].append(d)
    letters = []
    for rows in per_donor.values():
        rows.sort(key=lambda d: (d.received_on, d.id))
        letters.append(ThanksData(rows[0].donor_name, rows[0].donor_kind, date_from, date_to,
                                  tuple(rows), station.name if station else "",
                                  station.organisation if station else "",
                                  station.phone if station else "", head, today()))
    return sorted(letters, key=lambda t: t.donor_name)
