"""The demo's donation inventory: a stock ledger that adds up, gapless acknowledgement numbers,
vouchers with rows, something on every screen, and sizes that follow the option."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict

import pytest

from station_desk.cli import main
from station_desk.core import check, db, demo
from station_desk.core.clock import today
from station_desk.core.errors import ValidationError
from station_desk.core.models import (
    Acknowledgement,
    AuditLog,
    CashEntry,
    Donation,
    Donor,
    Household,
    Item,
    ItemValue,
    Location,
    NumberCounter,
    PackageKind,
    Reservation,
    Staff,
    StockCount,
    StockMovement,
    Voucher,
)
from station_desk.core.services import accounts, stock
from station_desk.core.services import donations as dn
from station_desk.core.services import inventory as inv

MOVEMENTS = 2500


def _head():
    return accounts.actor_for(Staff.get(Staff.username == demo.PEOPLE[0][0]))


@pytest.fixture
def station(store):
    """A demo station with 60 households and a small inventory (no volunteers)."""
    report = demo.fill(volunteers=0, movements=MOVEMENTS)
    return report.inventory


def test_the_demo_inventory_passes_the_stock_check(station):
    findings = check._stock_ledger()
    assert [(f.level, f.code) for f in findings] == [("ok", "check_stock_ok")]
    # and independently of the check's SQL: every batch, every day it moved
    per_day: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for batch, day, quantity in StockMovement.select(
            StockMovement.batch, StockMovement.moved_on, StockMovement.quantity).tuples():
        per_day[batch][str(day)] += quantity
    for days in per_day.values():
        running = 0
        for day in sorted(days):
            running += days[day]
            assert running >= 0
    cash = 0
    for entry in CashEntry.select().order_by(CashEntry.entered_on, CashEntry.id):
        cash += entry.amount_fen
    assert cash >= 0


def test_every_voucher_has_rows_dated_like_it(station):
    with_rows = {v for (v,) in StockMovement.select(StockMovement.voucher).distinct().tuples()}
    assert {v for (v,) in Voucher.select(Voucher.id).tuples()} == with_rows
    from station_desk.core.models import CaseRecord

    by_cases = CaseRecord.select(CaseRecord.voucher).where(CaseRecord.voucher.is_null(False))
    # the inventory's own vouchers; the demo's case work hands a few goods out after it
    assert Voucher.select().where(Voucher.id.not_in(by_cases)).count() == station.vouchers
    for m in StockMovement.select(StockMovement, Voucher).join(Voucher).limit(3000):
        assert m.moved_on == m.voucher.moved_on and m.item_id == m.batch.item_id
    kinds = Counter(v.kind for v in Voucher.select(Voucher.kind))
    assert set(kinds) >= {"opening", "donation", "purchase", "household", "campaign",
                          "activity", "adjustment", "expired", "reversal", "move"}
    # a reversal is dated like its original and cancels its rows exactly
    for counter in Voucher.select().where(Voucher.kind == "reversal"):
        original = Voucher.get_by_id(counter.reverses_id)
        assert original.kind != "reversal" and original.moved_on == counter.moved_on
        rows = sorted((m.batch_id, m.quantity) for m in original.movements)
        assert sorted((m.batch_id, -m.quantity) for m in counter.movements) == rows


def test_acknowledgement_numbers_are_gapless_per_year(station):
    by_year: dict[int, list[int]] = defaultdict(list)
    for (number,) in Acknowledgement.select(Acknowledgement.number).tuples():
        year, serial = number.split("-")
        by_year[int(year)].append(int(serial))
    assert len(by_year) >= 3  # three years of donations
    counters = {c.year: c.last for c in NumberCounter.select().where(NumberCounter.series == "ack")}
    for year, serials in by_year.items():
        assert sorted(serials) == list(range(1, len(serials) + 1))
        assert counters[year] == len(serials)
    # every donation has one slip in force, unless it was cancelled (then none)
    for donation in Donation.select():
        live = [a for a in donation.acknowledgements if not a.void]
        assert len(live) == (0 if donation.cancelled_at else 1)
        assert str(donation.received_on)[:4] == live[0].number[:4] if live else True
    assert Acknowledgement.select().where(Acknowledgement.void == True).exists()  # noqa: E712
    # the next real donation carries on the current year's series
    head = _head()
    donor = Donor.select().where(Donor.kind == "enterprise").first()
    item = Item.get(Item.name == "大米", Item.spec == "10kg")
    new = dn.receive_donation(head, dn.DonationInput(donor.id, today(),
                                                     [stock.InLine(item.id, 5)]))
    expected = f"{today().year}-{counters.get(today().year, 0) + 1:04d}"
    assert dn.acknowledgement_data(head, new).number == expected


def test_the_catalogue_is_a_stations(station):
    assert Donor.select().count() == 200
    kinds = Counter(d.kind for d in Donor.select())
    assert kinds["individual"] > 50 and kinds["enterprise"] > 50 and 0 < kinds["anonymous"] < 10
    names = {d.name for d in Donor.select()}
    assert {"石滩粮油有限公司", "增城区慈善会", "麻车村党支部", "石滩镇社区慈善基金",
            "区民政局机关党支部"} <= names
    head = _head()
    people = [d for d in inv.find_donors(head) if d.kind == "individual"]
    assert people and all("****" in d.phone for d in people)  # individuals' phones masked
    assert Item.select().count() == 80 and Location.select().count() == 2
    assert {p.name for p in PackageKind.select()} == {"中秋慰问包", "春节慰问包", "重阳敬老包",
                                                      "冬季取暖包"}
    assert Item.select().where(Item.expires == True).count() > 20  # noqa: E712
    changed = Counter(i for (i,) in ItemValue.select(ItemValue.item).tuples())
    assert sum(n > 1 for n in changed.values()) > 10  # a dated value history, with a price change or two


def test_every_screen_has_something_to_show(station):
    head = _head()
    rows = stock.overview(head)
    assert sum(r.low for r in rows) >= 3
    assert any(r.expiring for r in rows) and any(r.expired for r in rows)
    assert sum(r.on_hand for r in rows) > 0 and sum(r.value_fen for r in rows) > 0
    expiring = stock.batches(head, expiring_within=30)
    on = today()
    assert any(b.expires_on < on for b in expiring)
    assert any(on <= b.expires_on <= on + dt.timedelta(days=30) for b in expiring)
    active = stock.reservations(head)
    assert len(active) == 3 and {r.target_kind for r in active} == {"campaign"}
    short = [r for r in active if r.missing]
    assert len(short) == 1 and short[0].quantity > 0  # partly covered
    for row in rows:
        assert row.reserved <= row.on_hand - row.expired
    # past campaigns: ids 1..n, each with closed reservations that were delivered in full
    campaigns = sorted({v.target_id for v in Voucher.select().where(Voucher.kind == "campaign")})
    assert campaigns == list(range(1, station.campaigns + 1)) and station.campaigns >= 9
    assert active[0].target_id == station.campaigns + 1
    for r in Reservation.select().where(Reservation.status == "closed"):
        assert r.wanted == r.quantity == r.delivered > 0
    households = {h for (h,) in Household.select(Household.id).tuples()}
    given = {v.household_id for v in Voucher.select().where(Voucher.kind == "household")}
    assert given and given <= households
    assert StockCount.select().count() >= 30
    month = on.replace(day=1) - dt.timedelta(days=1)
    assert stock.movements(head, stock.MovementQuery(date_from=month.replace(day=1),
                                                     date_to=month))
    assert stock.monthly_ledger(head, month.year, month.month)
    assert dn.donor_totals(head, on.year - 1)
    opening, book = dn.cash_book(head)
    assert book and min(r.balance_fen for r in book) >= 0


def test_the_services_carry_on_from_the_demo(station):
    head = _head()
    household = Voucher.select().where(Voucher.kind == "household").first().household_id
    row = next(r for r in stock.overview(head) if r.available >= 2)
    voucher = stock.give_out(head, "household", today(), [stock.OutLine(row.item_id, 2)],
                             household_id=household)
    stock.reverse(head, voucher, "演示：录错")
    assert stock.count_sheet(head)
    assert [f.level for f in check._stock_ledger()] == ["ok"]


def test_sizes_follow_the_option(store):
    report = demo.fill(households=0, volunteers=0, movements=800)
    count = StockMovement.select().count()
    assert count == report.inventory.movements and 800 <= count <= 850
    assert not Voucher.select().where(Voucher.kind == "household").exists()  # none on file
    rows = list(AuditLog.select().where(AuditLog.table_name == "stock_movement"))
    assert len(rows) == 1 and json.loads(rows[0].new_values)["stock_movements"] == count


def test_no_movements_means_no_inventory(store):
    report = demo.fill(households=0, volunteers=0, movements=0)
    assert report.inventory.movements == 0
    assert Donor.select().count() == Item.select().count() == Voucher.select().count() == 0
    assert Location.select().count() == 1  # the one every station starts with


def test_the_default_size_is_the_module_setting(store):
    report = demo.fill(households=0, volunteers=0)  # conftest shrinks DEMO_MOVEMENTS to 1,500
    assert 1500 <= report.inventory.movements <= 1550


def test_a_bad_size_is_refused(store):
    with pytest.raises(ValidationError) as caught:
        demo.fill(movements=-1)
    assert caught.value.code == "bad_choice"
    with pytest.raises(ValidationError):
        demo.fill(movements=demo.MAX_MOVEMENTS + 1)


def test_the_cli_takes_the_size(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STATION_DESK_DB", str(tmp_path / "station.sqlite3"))
    monkeypatch.delenv("STATION_DESK_PASSWORD", raising=False)
    try:
        assert main(["demo", "--households", "0", "--volunteers", "0", "--movements", "600"]) == 0
        out = capsys.readouterr().out
        assert "捐赠方 200 个" in out and "台账 6" in out
        assert main(["check"]) == 0 and "检查通过" in capsys.readouterr().out
    finally:
        db.close()
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--movements", "x"])
    assert caught.value.code == 2 and "--movements" in capsys.readouterr().err
