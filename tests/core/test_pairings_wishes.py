"""Pairings: a helper with a household, each contact a visit on its file, the pairs behind;
micro-wishes through their five states with a donor's goods or money going through the
inventory (donation in, set aside, out to the household; or paid out of the cash book)."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import Acknowledgement, CashEntry, Household, Reservation, Visit
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import pairings as pr
from station_desk.core.services import stock
from station_desk.core.services import wishes as ws

from .test_activities import TODAY, _on_hand, town  # noqa: F401

DAY = dt.timedelta(days=1)


def test_a_pair_its_contacts_and_the_pairs_behind(town):  # noqa: F811
    worker = town["social_worker"]
    volunteer = pr.create_pairing(worker, pr.PairingInput(
        town["wang"], "volunteer", volunteer_id=town["v1"], member_id=town["grandson"],
        every_days=14, started_on=TODAY - 40 * DAY))
    unit = pr.create_pairing(worker, pr.PairingInput(
        town["li"], "unit", unit="镇卫生院党支部", contact_person="周医生", every_days=30,
        started_on=TODAY - 10 * DAY))
    with pytest.raises(ValidationError) as bad:
        pr.create_pairing(worker, pr.PairingInput(town["li"], "unit", unit="镇卫生院党支部"))
    assert bad.value.code == "pairing_exists"
    with pytest.raises(ValidationError) as bad:
        pr.create_pairing(worker, pr.PairingInput(town["li"], "volunteer"))
    assert bad.value.code == "required"
    with pytest.raises(ValidationError) as bad:
        pr.create_pairing(worker, pr.PairingInput(town["li"], "team", team_id=None))
    assert bad.value.code == "required"
    # never contacted since pairing 40 days ago, every 14 days: behind
    behind = pr.list_pairings(worker, behind_only=True)
    assert [r.id for r in behind] == [volunteer.id]
    assert behind[0].behind_days(TODAY) == 26 and behind[0].helper == "陈秀英"
    contact = pr.log_contact(worker, volunteer.id, TODAY - 3 * DAY, "辅导作业，聊学校的事",
                             needs=["想要一套课外书"])
    visit = Visit.get_by_id(contact.visit_id)
    assert (visit.kind, visit.visitors, visit.visited_on) == ("pairing", "陈秀英", TODAY - 3 * DAY)
    assert Household.get_by_id(town["wang"]).last_visit_on == TODAY - 3 * DAY
    assert pr.list_pairings(worker, behind_only=True) == []
    rows = {r.id: r for r in pr.list_pairings(worker)}
    assert rows[volunteer.id].contacts == 1 and rows[volunteer.id].due_on == TODAY + 11 * DAY
    assert rows[unit.id].helper == "镇卫生院党支部"
    # the visit removed from the household's file takes the contact with it
    hh.delete_visit(worker, visit.id, "记错了户")
    assert pr.list_pairings(worker, behind_only=True)[0].id == volunteer.id
    with pytest.raises(ValidationError) as bad:  # before the pair began
        pr.log_contact(worker, unit.id, TODAY - 20 * DAY, "电话")
    assert bad.value.code == "pairing_before_start"
    pr.end_pairing(worker, unit.id, "服务对象搬走")
    with pytest.raises(ValidationError) as bad:
        pr.log_contact(worker, unit.id, TODAY, "电话")
    assert bad.value.code == "pairing_ended"
    assert unit.id not in {r.id for r in pr.list_pairings(worker)}
    with pytest.raises(PermissionDenied):
        pr.create_pairing(town["front_desk"], pr.PairingInput(town["li"], "unit", unit="某公司"))


def _category():
    from station_desk.core.models import ItemCategory

    return ItemCategory.select().order_by(ItemCategory.id).first().id


def _donor(head):
    return inv.save_donor(head, inv.DonorInput("enterprise", "石滩爱心超市")).id


def test_a_wish_through_all_five_states_with_the_donors_goods(town):  # noqa: F811
    head, worker = town["head"], town["social_worker"]
    donor = _donor(head)
    with pytest.raises(ValidationError) as bad:  # donors see the alias: never the full name
        ws.place_wish(worker, ws.WishInput(town["wang"], "一套课外书", alias="王小军",
                                           member_id=town["grandson"]))
    assert bad.value.code == "wish_alias_is_name"
    wish = ws.place_wish(worker, ws.WishInput(
        town["wang"], "一套课外书", alias="小军", member_id=town["grandson"],
        why="喜欢看书，家里没有课外书", estimated_fen=12000, placed_on=TODAY - 10 * DAY))
    assert [w.id for w in ws.list_wishes(worker, open_only=True)] == [wish.id]
    ws.take_wish(worker, wish.id, taken_on=TODAY - 9 * DAY)
    with pytest.raises(ValidationError) as bad:  # taken already
        ws.take_wish(worker, wish.id)
    assert bad.value.code == "wish_wrong_state"
    books = inv.save_item(head, inv.ItemInput("课外书", "套", _category(), value_fen=12000,
                                              value_from=TODAY - 400 * DAY)).id
    ws.adopt_wish(worker, wish.id, ws.AdoptInput(
        donor, "goods", [stock.InLine(books, 1)], adopted_on=TODAY - 5 * DAY))
    # the donor's goods are in stock, set aside for the wish, with an acknowledgement number
    assert _on_hand(worker, books) == 1
    assert Reservation.get(Reservation.target_kind == "wish").quantity == 1
    assert Acknowledgement.select().count() == 1
    assert ws.list_wishes(worker, open_only=True) == []
    with pytest.raises(ValidationError) as bad:  # set aside: not for anyone else
        stock.give_out(worker, "household", TODAY, [stock.OutLine(books, 1)],
                       household_id=town["li"])
    assert bad.value.code == "stock_reserved"
    ws.deliver_wish(worker, wish.id, TODAY - 2 * DAY)
    assert _on_hand(worker, books) == 0
    with pytest.raises(ValidationError) as bad:
        ws.rate_wish(worker, wish.id, 6)
    assert bad.value.code == "wish_rating_range"
    ws.rate_wish(worker, wish.id, 5, "孩子很喜欢，天天看")
    row = ws.list_wishes(worker)[0]
    assert (row.status, row.donor, row.rating, row.payment) == ("rated", "石滩爱心超市", 5, "goods")
    figures = ws.figures(worker, (TODAY - 10 * DAY).year)
    assert (figures.placed, figures.adopted, figures.fulfilled, figures.average_rating) == (
        1, 1, 1, 5.0)


def test_a_wish_paid_in_cash_and_one_cancelled(town):  # noqa: F811
    head, worker, desk = town["head"], town["social_worker"], town["front_desk"]
    donor = _donor(head)
    wish = ws.place_wish(worker, ws.WishInput(town["li"], "助行器", alias="李奶奶",
                                              estimated_fen=20000))
    ws.adopt_wish(worker, wish.id, ws.AdoptInput(donor, "cash", cash_fen=20000))
    assert ws.list_wishes(worker)[0].social_worker == worker.name  # adopted: taken too
    with pytest.raises(ValidationError) as bad:
        ws.deliver_wish(worker, wish.id)
    assert bad.value.code == "bad_money"
    ws.deliver_wish(worker, wish.id, spent_fen=18800, bought_from="镇康复用品店")
    entries = [(e.kind, e.amount_fen) for e in CashEntry.select().order_by(CashEntry.id)]
    assert entries == [("donation", 20000), ("spend", -18800)]
    # cancelled after adoption: the donated goods are free again, nothing leaves stock
    books = inv.save_item(head, inv.ItemInput("书包", "个", _category(), value_fen=5000,
                                              value_from=TODAY - 400 * DAY)).id
    other = ws.place_wish(worker, ws.WishInput(town["chen"], "新书包", alias="陈爷爷的孙女"))
    ws.adopt_wish(worker, other.id, ws.AdoptInput(donor, "goods", [stock.InLine(books, 1)]))
    ws.cancel_wish(worker, other.id, "家属已自行购买")
    assert Reservation.get(Reservation.target_kind == "wish",
                           Reservation.target_id == other.id).status != "active"
    stock.give_out(worker, "household", TODAY, [stock.OutLine(books, 1)], household_id=town["li"])
    with pytest.raises(ValidationError) as bad:
        ws.deliver_wish(worker, other.id)
    assert bad.value.code == "wish_wrong_state"
    # the front desk sees the wall as a donor would: no household names
    rows = ws.list_wishes(desk)
    assert rows and all(r.head_name == "" for r in rows)
    with pytest.raises(PermissionDenied):
        ws.place_wish(desk, ws.WishInput(town["li"], "x", alias="李奶奶"))


def test_check_finds_the_wishes_in_order(town, store):  # noqa: F811
    from station_desk.core.check import run_checks
    from station_desk.core.db import write_transaction
    from station_desk.core.models import Wish

    head, worker = town["head"], town["social_worker"]
    books = inv.save_item(head, inv.ItemInput("课外书", "套", _category(), value_fen=12000,
                                              value_from=TODAY - 400 * DAY)).id
    wish = ws.place_wish(worker, ws.WishInput(town["wang"], "一套课外书", alias="小军"))
    ws.adopt_wish(worker, wish.id, ws.AdoptInput(_donor(head), "goods", [stock.InLine(books, 1)]))
    ws.deliver_wish(worker, wish.id)
    findings = run_checks(store)
    assert [f for f in findings if f.level == "problem"] == []
    assert any(f.code == "check_wishes_ok" for f in findings)
    with write_transaction():  # as a careless script would: behind the wish's back
        stock.reverse_voucher(head, Wish.get_by_id(wish.id).voucher_id, "录错")
    codes = {f.code for f in run_checks(store) if f.level == "problem"}
    assert codes == {"check_wish_deliveries"}


def test_a_donors_goods_for_a_wish_are_not_taken_by_a_short_reservation(town):  # noqa: F811
    head, worker = town["head"], town["social_worker"]
    quilts = inv.save_item(head, inv.ItemInput("棉被", "床", _category(), value_fen=15000,
                                               value_from=TODAY - 400 * DAY)).id
    # a campaign waits for 5 quilts it doesn't have
    assert stock.reserve(head, "campaign", 99, [(quilts, 5)], partial=True)
    wish = ws.place_wish(worker, ws.WishInput(town["li"], "一床厚棉被", alias="李奶奶"))
    ws.adopt_wish(worker, wish.id, ws.AdoptInput(_donor(head), "goods",
                                                 [stock.InLine(quilts, 1)]))
    held = {r.target_kind: r.quantity for r in Reservation.select().where(
        Reservation.item == quilts)}
    assert held == {"campaign": 0, "wish": 1}  # the donor's quilt is the wish's
    ws.deliver_wish(worker, wish.id)
    assert _on_hand(worker, quilts) == 0


def test_a_wish_keeps_names_out_and_its_stock_consistent(town):  # noqa: F811
    from station_desk.core.services import donations

    head, worker = town["head"], town["social_worker"]
    with pytest.raises(ValidationError) as bad:  # the full name inside the alias
        ws.place_wish(worker, ws.WishInput(town["wang"], "老花镜", alias="王秀英奶奶"))
    assert bad.value.code == "wish_alias_is_name"
    with pytest.raises(ValidationError) as bad:  # ... or in the reason donors read
        ws.place_wish(worker, ws.WishInput(town["wang"], "课外书", alias="小军",
                                           why="王小军喜欢看书"))
    assert bad.value.code == "wish_why_has_name"
    books = inv.save_item(head, inv.ItemInput("课外书", "套", _category(), value_fen=12000,
                                              value_from=TODAY - 400 * DAY)).id
    wish = ws.place_wish(worker, ws.WishInput(town["wang"], "课外书", alias="小军"))
    ws.adopt_wish(worker, wish.id, ws.AdoptInput(_donor(head), "goods", [stock.InLine(books, 1)]))
    from station_desk.core.models import Wish

    donation = Wish.get_by_id(wish.id).donation_id
    with pytest.raises(ValidationError) as bad:  # the wish would still say adopted
        donations.cancel_donation(head, donation, "录错")
    assert bad.value.code == "donation_for_wish"
    ws.deliver_wish(worker, wish.id)
    with pytest.raises(ValidationError) as bad:  # the wish would still say delivered
        stock.reverse(head, Wish.get_by_id(wish.id).voucher_id, "录错")
    assert bad.value.code == "stock_wish_delivery"
