"""The stock ledger's rules: never negative on any day, reversals, counts, oldest expiry
first, reservations; donations with gapless acknowledgement numbers; the cash book."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from station_desk.core import db
from station_desk.core.clock import today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import (
    Acknowledgement,
    AuditLog,
    ItemCategory,
    Staff,
    StockMovement,
    Voucher,
)
from station_desk.core.services import donations as dn
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import stock
from station_desk.core.store import open_store

TODAY = today()
DAY = dt.timedelta(days=1)


def _category(name="粮油"):
    return ItemCategory.get(ItemCategory.name == name).id


@pytest.fixture
def goods(head):
    """Rice (valued 50 yuan, no expiry), milk (expires), a donor."""
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", _category(), spec="10kg",
                                             threshold=20, value_fen=5000,
                                             value_from=TODAY - 400 * DAY))
    milk = inv.save_item(head, inv.ItemInput("牛奶", "箱", _category(), expires=True))
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司",
                                                contact="李经理", phone="13912345678"))
    return {"rice": rice.id, "milk": milk.id, "donor": donor.id}


def _on_hand(actor, item_id):
    return {r.item_id: r for r in stock.overview(actor)}[item_id].on_hand


def _donate(actor, goods, lines, on=TODAY, cash=0):
    return dn.receive_donation(actor, dn.DonationInput(goods["donor"], on, lines, cash_fen=cash))


def test_donation_goes_into_stock_with_its_value_and_a_number(head, goods):
    donation = _donate(head, goods, [stock.InLine(goods["rice"], 100),
                                     stock.InLine(goods["milk"], 10, unit_value_fen=6000,
                                                  expires_on=TODAY + 90 * DAY)],
                       cash=120000)
    rows = {r.item_id: r for r in stock.overview(head)}
    assert rows[goods["rice"]].on_hand == 100 and rows[goods["rice"]].value_fen == 500000
    assert rows[goods["milk"]].on_hand == 10 and rows[goods["milk"]].value_fen == 60000
    slip = dn.acknowledgement_data(head, donation)
    assert slip.number == f"{TODAY.year}-0001"
    assert (slip.goods_value_fen, slip.cash_fen, slip.total_fen) == (560000, 120000, 680000)
    assert slip.clerk == head.name and slip.donor_name == "石滩粮油有限公司"
    opening, cash = dn.cash_book(head)
    assert opening == 0 and [(c.amount_fen, c.balance_fen) for c in cash] == [(120000, 120000)]


def test_goods_without_a_value_are_listed_without_one(head, goods):
    clothes = inv.save_item(head, inv.ItemInput("旧衣物", "件", _category("衣物"))).id
    donation = _donate(head, goods, [stock.InLine(clothes, 30, valued=False),
                                     stock.InLine(goods["rice"], 2)])
    slip = dn.acknowledgement_data(head, donation)
    assert [(line.label, line.value_fen) for line in slip.lines] == [("旧衣物", None),
                                                                      ("大米（10kg）", 10000)]
    assert slip.goods_value_fen == 10000
    row = {r.item_id: r for r in stock.overview(head)}[clothes]
    assert (row.on_hand, row.unvalued, row.value_fen) == (30, 30, 0)


def test_negative_stock_is_refused_naming_the_item_and_what_is_there(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 70)])
    before = StockMovement.select().count()
    with pytest.raises(ValidationError) as caught:
        stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 100)],
                       recipient="敬老院", reason="节日慰问")
    assert caught.value.code == "stock_short"
    assert caught.value.params["item"] == "大米（10kg）"
    assert caught.value.params["available"] == 70 and caught.value.params["wanted"] == 100
    assert StockMovement.select().count() == before
    assert Voucher.select().where(Voucher.kind == "other_out").count() == 0


def test_a_back_dated_give_out_before_the_goods_came_is_refused(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 50)], on=TODAY - 5 * DAY)
    with pytest.raises(ValidationError) as caught:
        stock.give_out(head, "other_out", TODAY - 10 * DAY, [stock.OutLine(goods["rice"], 1)],
                       reason="补录")
    assert caught.value.code == "stock_short" and caught.value.params["available"] == 0
    # on a later day it may go, and a back-dated one may not take what later days need
    stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 40)], reason="发放")
    with pytest.raises(ValidationError) as caught:
        stock.give_out(head, "other_out", TODAY - 3 * DAY, [stock.OutLine(goods["rice"], 11)],
                       reason="补录")
    assert caught.value.code == "stock_short" and caught.value.params["available"] == 10
    stock.give_out(head, "other_out", TODAY - 3 * DAY, [stock.OutLine(goods["rice"], 10)],
                   reason="补录")
    assert _on_hand(head, goods["rice"]) == 0


def test_a_reversal_restores_the_totals_and_both_rows_stay(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 100)])
    voucher = stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 30)],
                             recipient="敬老院", reason="慰问")
    assert _on_hand(head, goods["rice"]) == 70
    reversal = stock.reverse(head, voucher, "数量录错")
    assert _on_hand(head, goods["rice"]) == 100
    rows = stock.movements(head, stock.MovementQuery(item_id=goods["rice"]))
    by_voucher = {r.voucher_id: r for r in rows}
    assert by_voucher[voucher].reversed_by == reversal and by_voucher[voucher].quantity == -30
    assert by_voucher[reversal].reverses == voucher and by_voucher[reversal].quantity == 30
    assert by_voucher[reversal].reason == "数量录错"
    with pytest.raises(ValidationError) as caught:
        stock.reverse(head, voucher, "再冲一次")
    assert caught.value.code == "reversed_already"
    with pytest.raises(ValidationError) as caught:
        stock.reverse(head, reversal, "冲销冲销")
    assert caught.value.code == "reverse_reversal"


def test_reversing_goods_in_that_have_gone_out_is_refused(head, goods):
    bought = stock.receive(head, "purchase", TODAY - 2 * DAY, [stock.InLine(goods["rice"], 10)],
                           recipient="超市")
    stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 8)], reason="发放")
    with pytest.raises(ValidationError) as caught:
        stock.reverse(head, bought, "录错")
    assert caught.value.code == "stock_negative_on"
    assert caught.value.params["day"] == TODAY.isoformat()
    assert caught.value.params["balance"] == -8
    assert _on_hand(head, goods["rice"]) == 2


def test_a_count_creates_the_right_adjustments_and_touches_only_what_was_counted(head, goods):
    oil = inv.save_item(head, inv.ItemInput("食用油", "桶", _category(), value_fen=6990)).id
    stock.receive(head, "opening", TODAY - 30 * DAY, [stock.InLine(goods["rice"], 40),
                                                      stock.InLine(oil, 12)])
    stock.receive(head, "purchase", TODAY - 20 * DAY, [stock.InLine(goods["rice"], 10)])
    sheet = {r.item_id: r.book for r in stock.count_sheet(head)}
    assert sheet == {goods["rice"]: 50, oil: 12}
    count = stock.record_count(head, TODAY, [stock.CountLine(goods["rice"], 47)], "月末盘点")
    assert _on_hand(head, goods["rice"]) == 47 and _on_hand(head, oil) == 12
    adjustment = Voucher.get(Voucher.kind == "adjustment")
    rows = list(StockMovement.select().where(StockMovement.voucher == adjustment.id))
    assert sum(r.quantity for r in rows) == -3 and all(r.item_id == goods["rice"] for r in rows)
    assert adjustment.reason == "月末盘点" and adjustment.reference == f"盘点 #{count}"
    # a surplus joins the newest batch; a count equal to the book adds no row
    stock.record_count(head, TODAY, [stock.CountLine(oil, 13), stock.CountLine(goods["rice"], 47)],
                       "复盘")
    assert _on_hand(head, oil) == 13
    assert StockMovement.select().join(Voucher).where(Voucher.kind == "adjustment").count() \
        == len(rows) + 1


def test_expiring_goods_go_out_oldest_expiry_first_and_expired_ones_do_not(head, goods):
    milk = goods["milk"]
    late, soon, gone = TODAY + 200 * DAY, TODAY + 20 * DAY, TODAY - 1 * DAY
    stock.receive(head, "purchase", TODAY - 60 * DAY, [stock.InLine(milk, 5, expires_on=late),
                                                       stock.InLine(milk, 5, expires_on=soon),
                                                       stock.InLine(milk, 4, expires_on=gone)])
    row = {r.item_id: r for r in stock.overview(head)}[milk]
    assert (row.on_hand, row.expired, row.expiring, row.available) == (14, 4, 5, 10)
    expiring = stock.batches(head, expiring_within=stock.EXPIRING_DAYS)
    assert [(b.expires_on, b.on_hand) for b in expiring] == [(gone, 4), (soon, 5)]
    voucher = stock.give_out(head, "other_out", TODAY, [stock.OutLine(milk, 7)], reason="发放")
    taken = sorted((m.batch.expires_on, m.quantity) for m in
                   StockMovement.select().where(StockMovement.voucher == voucher))
    assert taken == [(soon, -5), (late, -2)]
    with pytest.raises(ValidationError) as caught:
        stock.give_out(head, "other_out", TODAY, [stock.OutLine(milk, 4)], reason="发放")
    assert caught.value.code == "stock_short" and caught.value.params["available"] == 3
    stock.give_out(head, "expired", TODAY, [stock.OutLine(milk, 4)], reason="过期报废")
    assert {r.item_id: r for r in stock.overview(head)}[milk].expired == 0


def test_reserved_goods_wait_for_their_target(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 100)])
    short = stock.reserve(head, "campaign", 1, [(goods["rice"], 60)])
    assert short == []
    row = {r.item_id: r for r in stock.overview(head)}[goods["rice"]]
    assert (row.on_hand, row.reserved, row.available) == (100, 60, 40)
    with pytest.raises(ValidationError) as caught:
        stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 50)], reason="发放")
    assert caught.value.code == "stock_reserved" and caught.value.params["free"] == 40
    # the campaign's own give-out uses its reservation
    stock.give_out(head, "campaign", TODAY, [stock.OutLine(goods["rice"], 2)],
                   target_kind="campaign", target_id=1)
    (mine,) = stock.reservations(head, target_kind="campaign", target_id=1)
    assert (mine.quantity, mine.delivered, mine.outstanding) == (60, 2, 58)
    # a second campaign cannot have more than is free, unless it accepts a shortfall
    with pytest.raises(ValidationError) as caught:
        stock.reserve(head, "campaign", 2, [(goods["rice"], 50)])
    assert caught.value.code == "reserve_short" and caught.value.params["missing"] == 10
    short = stock.reserve(head, "campaign", 2, [(goods["rice"], 50)], partial=True)
    assert [(s.wanted, s.available, s.missing) for s in short] == [(50, 40, 10)]
    # new stock goes straight into the short reservation
    _donate(head, goods, [stock.InLine(goods["rice"], 30)])
    (short_one,) = stock.reservations(head, target_kind="campaign", target_id=2)
    assert (short_one.wanted, short_one.quantity, short_one.missing) == (50, 50, 0)
    assert stock.top_up(head, "campaign", 2) == []
    assert stock.release(head, "campaign", 1, "活动结束") == 1
    row = {r.item_id: r for r in stock.overview(head)}[goods["rice"]]
    assert (row.on_hand, row.reserved, row.available) == (128, 50, 78)


def test_shortfalls_are_shown_before_anything_is_committed(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 10)])
    package = inv.save_package(head, inv.PackageInput("中秋慰问包", [(goods["rice"], 1),
                                                                     (goods["milk"], 2)]))
    lines = inv.package_lines(package.id, 12)
    short = stock.shortfalls(head, lines, target_kind="campaign", target_id=9)
    assert sorted((s.label, s.wanted, s.available) for s in short) == [
        ("大米（10kg）", 12, 10), ("牛奶", 24, 0)]
    assert stock.reservations(head, target_kind="campaign", target_id=9) == []


def test_giving_to_a_household_needs_household_access(staff_actors, goods):
    head, desk = staff_actors["head"], staff_actors["front_desk"]
    household = hh.create_household(head, hh.HouseholdInput("王大山", _village_id("麻车村")))
    _donate(desk, goods, [stock.InLine(goods["rice"], 5)])
    stock.give_out(head, "household", TODAY, [stock.OutLine(goods["rice"], 1)],
                   household_id=household.id, recipient="王大山")
    with pytest.raises(PermissionDenied):
        stock.give_out(desk, "household", TODAY, [stock.OutLine(goods["rice"], 1)],
                       household_id=household.id)
    rows = stock.movements(desk, stock.MovementQuery(kinds=["household"]))
    assert rows[0].counterparty == "王*山"  # the front desk sees no household's full name
    assert stock.movements(head, stock.MovementQuery(kinds=["household"]))[0].counterparty \
        == "王大山"


def _village_id(name):
    from station_desk.core.models import Village

    return Village.get(Village.name == name).id


def test_a_spoiled_slip_is_voided_and_its_number_stays_used(head, goods):
    first = _donate(head, goods, [stock.InLine(goods["rice"], 1)])
    second = _donate(head, goods, [stock.InLine(goods["rice"], 1)])
    year = TODAY.year
    assert dn.reissue_acknowledgement(head, first, "打印错位") == f"{year}-0003"
    register = dn.acknowledgements(head)
    assert [(a.number, a.void) for a in register] == [
        (f"{year}-0001", True), (f"{year}-0002", False), (f"{year}-0003", False)]
    assert dn.acknowledgement_data(head, first).number == f"{year}-0003"
    assert dn.acknowledgement_data(head, second).number == f"{year}-0002"


def test_cancelling_a_donation_reverses_goods_and_cash_and_voids_its_slip(head, goods):
    donation = _donate(head, goods, [stock.InLine(goods["rice"], 20)], cash=50000)
    dn.cancel_donation(head, donation, "重复录入")
    assert _on_hand(head, goods["rice"]) == 0
    _opening, cash = dn.cash_book(head)
    assert [c.amount_fen for c in cash] == [50000, -50000] and cash[-1].balance_fen == 0
    assert Acknowledgement.get(Acknowledgement.donation == donation).void
    assert dn.acknowledgement_data(head, donation).void
    (row,) = dn.list_donations(head, donor_ids=[goods["donor"]])
    assert (row.number, row.void_number, row.cancelled, row.has_goods) == (
        "", f"{TODAY.year}-0001", True, True)
    assert dn.list_donations(head, donor_ids=[]) == []
    assert dn.donor_totals(head, TODAY.year) == []
    with pytest.raises(ValidationError) as caught:
        dn.cancel_donation(head, donation, "再作废")
    assert caught.value.code == "donation_cancelled"


def test_cash_spent_may_not_take_the_book_below_zero(head, goods):
    _donate(head, goods, [], cash=30000, on=TODAY - 3 * DAY)
    with pytest.raises(ValidationError) as caught:
        dn.record_cash(head, TODAY - 4 * DAY, "spend", 10000, purpose="购买大米")
    assert caught.value.code == "cash_negative_on"
    entry = dn.record_cash(head, TODAY, "spend", 10000, purpose="购买大米", counterparty="超市")
    dn.reverse_cash(head, entry, "金额录错")
    _opening, cash = dn.cash_book(head)
    assert [c.balance_fen for c in cash] == [30000, 20000, 30000]


def test_donor_totals_per_year(head, goods):
    other = inv.save_donor(head, inv.DonorInput("party_branch", "麻车村党支部")).id
    _donate(head, goods, [stock.InLine(goods["rice"], 10)], cash=10000)
    dn.receive_donation(head, dn.DonationInput(other, TODAY, [], cash_fen=200000))
    totals = dn.donor_totals(head, TODAY.year)
    assert [(t.name, t.donations, t.goods_value_fen, t.cash_fen) for t in totals] == [
        ("麻车村党支部", 1, 0, 200000), ("石滩粮油有限公司", 1, 50000, 10000)]
    assert dn.donor_totals(head, TODAY.year - 1) == []


def test_bad_input_is_refused_with_a_code(head, goods):
    cases = [
        (lambda: stock.give_out(head, "other_out", TODAY + DAY, [stock.OutLine(goods["rice"], 1)],
                                reason="x"), "date_in_future"),
        (lambda: stock.receive(head, "purchase", TODAY, [stock.InLine(goods["rice"], 0)]),
         "bad_quantity"),
        (lambda: stock.receive(head, "purchase", TODAY, [stock.InLine(goods["milk"], 3)]),
         "expiry_required"),
        (lambda: stock.give_out(head, "scrapped", TODAY, [stock.OutLine(goods["rice"], 1)]),
         "required"),
        (lambda: dn.receive_donation(head, dn.DonationInput(goods["donor"], TODAY)),
         "donation_empty"),
        (lambda: inv.save_item(head, inv.ItemInput("大米", "袋", _category(), spec="10kg")),
         "item_exists"),
    ]
    for call, code in cases:
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.code == code
    assert Voucher.select().count() == 0


def test_monthly_ledger_balances(head, goods):
    first = TODAY.replace(day=1)
    stock.receive(head, "opening", first - 40 * DAY, [stock.InLine(goods["rice"], 30)])
    _donate(head, goods, [stock.InLine(goods["rice"], 20)], on=first)
    out = stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 15)],
                         reason="发放")
    stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 5)], reason="发放")
    stock.reverse(head, out, "录错")
    stock.record_count(head, TODAY, [stock.CountLine(goods["rice"], 44)], "盘点")
    (row,) = stock.monthly_ledger(head, TODAY.year, TODAY.month)
    assert (row.opening, row.received, row.issued, row.adjusted, row.closing) == (30, 20, 5, -1, 44)
    assert row.closing_value_fen == 44 * 5000


def test_unit_values_have_a_dated_history(head, goods):
    inv.set_item_value(head, goods["rice"], TODAY - 10 * DAY, 5500)
    assert inv.value_on(goods["rice"], TODAY - 11 * DAY) == 5000
    assert inv.value_on(goods["rice"], TODAY) == 5500
    stock.receive(head, "purchase", TODAY - 20 * DAY, [stock.InLine(goods["rice"], 1)])
    stock.receive(head, "purchase", TODAY, [stock.InLine(goods["rice"], 1)])
    assert {r.item_id: r for r in stock.overview(head)}[goods["rice"]].value_fen == 10500


# --- two desks numbering at once ------------------------------------------------------------

SLIPS_PER_DESK = 15


def _donate_in_child(path: str, donor_id: int, item_id: int, count: int, barrier) -> None:
    """Runs in a child process: the front desk's PC next to the office's."""
    from station_desk.core.services import accounts

    open_store(db.resolve(path), create=False)
    try:
        head = accounts.actor_for(Staff.get(Staff.username == "head"))
        barrier.wait(timeout=60)
        for _ in range(count):
            dn.receive_donation(head, dn.DonationInput(donor_id, today(),
                                                       [stock.InLine(item_id, 1)]))
    finally:
        db.close()


def test_acknowledgement_numbers_stay_unique_and_gapless_across_processes(store, head, goods):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [ctx.Process(target=_donate_in_child,
                           args=(str(store.path), goods["donor"], goods["rice"], SLIPS_PER_DESK,
                                 barrier)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    for worker in workers:
        if worker.is_alive():
            worker.kill()
            worker.join()
    assert [w.exitcode for w in workers] == [0, 0]
    numbers = sorted(a.number for a in Acknowledgement.select())
    year = today().year
    assert numbers == [f"{year}-{n:04d}" for n in range(1, 2 * SLIPS_PER_DESK + 1)]
    assert _on_hand(head, goods["rice"]) == 2 * SLIPS_PER_DESK
    assert AuditLog.select().where(AuditLog.table_name == "acknowledgement").count() \
        == 2 * SLIPS_PER_DESK


def test_the_first_page_names_what_ran_low(store, head, goods):
    from station_desk.core.services import dashboard

    _donate(head, goods, [stock.InLine(goods["rice"], 25),
                          stock.InLine(goods["milk"], 3, expires_on=TODAY + 10 * DAY)])
    data = dashboard.summary(head, store)
    assert (data.low_stock, data.low_stock_names, data.expiring) == (0, [], 1)
    stock.give_out(head, "other_out", TODAY, [stock.OutLine(goods["rice"], 25)], reason="发放")
    data = dashboard.summary(head, store)
    assert (data.low_stock, data.low_stock_names) == (1, ["大米"])  # at zero it is lowest
    stock.reserve(head, "campaign", 3, [(goods["rice"], 5)], partial=True)
    assert dashboard.summary(head, store).reserved_short == 1


def test_reversing_a_targets_give_out_owes_its_reservation_again(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 10)])
    stock.reserve(head, "campaign", 4, [(goods["rice"], 6)])
    voucher = stock.give_out(head, "campaign", TODAY, [stock.OutLine(goods["rice"], 4)],
                             target_kind="campaign", target_id=4)
    (mine,) = stock.reservations(head, target_kind="campaign", target_id=4)
    assert (mine.delivered, mine.outstanding) == (4, 2)
    stock.reverse(head, voucher, "发错了")
    (mine,) = stock.reservations(head, target_kind="campaign", target_id=4)
    assert (mine.delivered, mine.outstanding) == (0, 6)
    assert {r.item_id: r for r in stock.overview(head)}[goods["rice"]].available == 4


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_sequence_of_writes_leaves_a_negative_balance_on_any_day(store, head, goods, seed):
    """Random receipts, back-dated give-outs, moves, reversals and counts: each one is saved
    or refused whole, and the ledger never goes below zero on any day."""
    import random

    from station_desk.core.check import run_checks

    rng = random.Random(seed)
    second = inv.save_location(head, "村委会仓库").id
    items = [goods["rice"], goods["milk"]]
    vouchers: list[int] = []
    saved = refused = 0
    for _ in range(120):
        item = rng.choice(items)
        on = TODAY - rng.randint(0, 40) * DAY
        expiry = TODAY + rng.randint(-5, 60) * DAY if item == goods["milk"] else None
        action = rng.choice(["in", "out", "out", "move", "reverse", "count"])
        rows_before = StockMovement.select().count()
        try:
            if action == "in":
                vouchers.append(stock.receive(head, "purchase", on, [
                    stock.InLine(item, rng.randint(1, 20), expires_on=expiry)],
                    location_id=rng.choice([None, second])))
            elif action == "out":
                vouchers.append(stock.give_out(head, rng.choice(["other_out", "scrapped"]), on,
                                               [stock.OutLine(item, rng.randint(1, 15))],
                                               reason="随机"))
            elif action == "move":
                vouchers.append(stock.move(head, on, [stock.OutLine(item, rng.randint(1, 5))],
                                           inv.default_location_id(), second))
            elif action == "reverse" and vouchers:
                stock.reverse(head, rng.choice(vouchers), "随机冲销")
            elif action == "count":
                sheet = [r for r in stock.count_sheet(head, on=on) if r.item_id == item]
                if sheet:
                    row = rng.choice(sheet)
                    stock.record_count(head, on, [stock.CountLine(
                        item, max(row.book + rng.randint(-3, 2), 0), row.expires_on)], "随机盘点")
            saved += 1
        except ValidationError:
            refused += 1
            assert StockMovement.select().count() == rows_before  # refused whole
    assert saved > 30 and refused > 5
    problems = [f for f in run_checks(store) if f.level == "problem"]
    assert problems == []
    rows = stock.overview(head)
    assert all(r.on_hand >= 0 for r in rows)
    # the first page's quick count agrees with the overview
    from station_desk.core.services import dashboard

    stock.reserve(head, "campaign", 5, [(goods["milk"], 40)], partial=True)
    rows = stock.overview(head)
    assert dashboard.stock_alerts() == ([r.name for r in rows if r.low],
                                        sum(1 for r in rows if r.expired or r.expiring),
                                        sum(1 for r in rows if r.shortfall))


# --- found in review ------------------------------------------------------------------------

def test_a_target_reserves_again_after_its_reservation_closed(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 10)])
    stock.reserve(head, "campaign", 1, [(goods["rice"], 3)])
    stock.release(head, "campaign", 1, "活动取消")
    stock.reserve(head, "campaign", 1, [(goods["rice"], 4)])
    rows = stock.reservations(head, target_kind="campaign", target_id=1, active_only=False)
    assert sorted((r.status, r.quantity) for r in rows) == [("active", 4), ("closed", 3)]


def test_reversing_a_give_out_beyond_the_reservation_gives_back_only_what_it_used(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 20)])
    stock.reserve(head, "campaign", 1, [(goods["rice"], 5)])
    stock.give_out(head, "campaign", TODAY, [stock.OutLine(goods["rice"], 3)],
                   target_kind="campaign", target_id=1)
    second = stock.give_out(head, "campaign", TODAY, [stock.OutLine(goods["rice"], 5)],
                            target_kind="campaign", target_id=1)  # 2 reserved + 3 free
    (mine,) = stock.reservations(head, target_kind="campaign", target_id=1)
    assert (mine.delivered, mine.outstanding) == (5, 0)
    stock.reverse(head, second, "发错了")
    (mine,) = stock.reservations(head, target_kind="campaign", target_id=1)
    assert (mine.delivered, mine.outstanding) == (3, 2)


def test_what_a_target_needs_cannot_drop_below_what_it_was_given(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 10)])
    stock.reserve(head, "campaign", 1, [(goods["rice"], 5)])
    stock.give_out(head, "campaign", TODAY, [stock.OutLine(goods["rice"], 5)],
                   target_kind="campaign", target_id=1)
    with pytest.raises(ValidationError) as caught:
        stock.reserve(head, "campaign", 1, [(goods["rice"], 3)])
    assert caught.value.code == "reserve_below_delivered"


def test_a_reservation_whose_goods_left_the_shelf_shows_as_short(head, goods):
    bought = stock.receive(head, "purchase", TODAY, [stock.InLine(goods["rice"], 10)])
    stock.reserve(head, "campaign", 1, [(goods["rice"], 10)])
    stock.reverse(head, bought, "供货退回")
    row = {r.item_id: r for r in stock.overview(head)}[goods["rice"]]
    assert (row.on_hand, row.reserved, row.shortfall) == (0, 10, 10)


def test_writing_off_expired_goods_is_not_blocked_by_fresh_reserved_ones(head, goods):
    milk = goods["milk"]
    stock.receive(head, "purchase", TODAY - 20 * DAY, [
        stock.InLine(milk, 5, expires_on=TODAY - DAY),
        stock.InLine(milk, 10, expires_on=TODAY + 60 * DAY)])
    stock.reserve(head, "campaign", 1, [(milk, 10)])
    stock.give_out(head, "scrapped", TODAY, [stock.OutLine(milk, 5)], reason="过期报损")
    row = {r.item_id: r for r in stock.overview(head)}[milk]
    assert (row.on_hand, row.expired, row.reserved) == (10, 0, 10)


def test_a_back_dated_count_surplus_joins_a_batch_already_received(head, goods):
    stock.receive(head, "purchase", TODAY - 10 * DAY, [stock.InLine(goods["rice"], 5)])
    stock.receive(head, "purchase", TODAY, [stock.InLine(goods["rice"], 5)])
    stock.record_count(head, TODAY - 5 * DAY, [stock.CountLine(goods["rice"], 7)], "补录盘点")
    adjustment = StockMovement.select().join(Voucher).where(Voucher.kind == "adjustment").get()
    assert adjustment.batch.received_on == TODAY - 10 * DAY and adjustment.quantity == 2


def test_a_household_target_needs_household_access(staff_actors, goods):
    desk = staff_actors["front_desk"]
    _donate(staff_actors["head"], goods, [stock.InLine(goods["rice"], 5)])
    with pytest.raises(PermissionDenied):
        stock.give_out(desk, "other_out", TODAY, [stock.OutLine(goods["rice"], 1)], reason="x",
                       target_kind="household", target_id=1)


def test_an_items_unit_is_fixed_once_it_has_moved(head, goods):
    _donate(head, goods, [stock.InLine(goods["rice"], 5)])
    with pytest.raises(ValidationError) as caught:
        inv.save_item(head, inv.ItemInput("大米", "箱", _category(), spec="10kg"),
                      item_id=goods["rice"])
    assert caught.value.code == "item_unit_fixed"
    inv.save_item(head, inv.ItemInput("大米", "袋", _category(), spec="10kg", threshold=30),
                  item_id=goods["rice"])  # the rest may change
