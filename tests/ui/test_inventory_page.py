"""物资 as the storeroom clerk and the head use it: the page for each role, giving goods to a
household through the dialog, a give-out beyond stock refused in the dialog, a reversal from
the ledger, a stock count, cash in and out."""

from __future__ import annotations

import traceback

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from station_desk.core.clock import today
from station_desk.core.models import CashEntry, ItemCategory, StockMovement, Voucher
from station_desk.core.services import donations as dn
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import stock
from station_desk.ui.dialogs.cash_entry import CashEntryDialog
from station_desk.ui.dialogs.give_out import GiveOutDialog
from station_desk.ui.dialogs.stock_count import COUNTED, StockCountDialog


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


@pytest.fixture
def goods(staff_actors):
    """Rice (50 yuan a bag, low-stock line 20) with 30 bags donated, and a household."""
    head = staff_actors["head"]
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, spec="10kg", threshold=20,
                                             value_fen=5000, value_from=today())).id
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司")).id
    donation = dn.receive_donation(head, dn.DonationInput(donor, today(),
                                                          [stock.InLine(rice, 30)]))
    from station_desk.core.models import Village

    village = Village.get(Village.name == "麻车村").id
    household = hh.create_household(head, hh.HouseholdInput("王大山", village)).id
    return {"rice": rice, "donor": donor, "donation": donation, "household": household}


def _context(store, actor):
    from station_desk.ui.context import AppContext

    return AppContext(location=store, actor=actor, lang="en")


@pytest.fixture
def show(qtbot, store):
    """Build a tab or page for an actor, as the page does, shown and loaded."""
    contexts = []

    def make(cls, actor):
        context = _context(store, actor)
        contexts.append(context)
        widget = cls(context)
        qtbot.addWidget(widget)
        widget.resize(1200, 760)
        widget.show()
        widget.refresh()
        return widget

    yield make
    for context in contexts:
        context.bridge.close()


def answer(kind, fill):
    """Answer the next ``kind`` dialog: ``fill(dialog)``, then OK. Returns [dialog, error
    text if it stayed open (it is then cancelled)]."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        try:
            fill(dialog)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        except Exception:
            seen.append(traceback.format_exc())
            dialog.reject()
            return
        if dialog.isVisible():
            seen.append(dialog.errors.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def _stock_row(tab, item_id):
    return next(tab.model.row_at(i) for i in range(tab.model.rowCount())
                if tab.model.row_at(i).item_id == item_id)


def _cell(model, row: int, title: str) -> str:
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == title)
    return model.data(model.index(row, column))


# --- the page per role ---------------------------------------------------------------------

def test_the_page_builds_for_the_head_with_every_action(show, staff_actors, goods):
    from station_desk.ui.pages.inventory import InventoryPage

    page = show(InventoryPage, staff_actors["head"])
    tab = page.stock_tab
    for button in (tab.receive_button, tab.give_button, tab.scrap_button, tab.count_button,
                   tab.move_button):
        assert not button.isHidden()
    assert not page.movements_tab.reverse_button.isHidden()
    assert _stock_row(tab, goods["rice"]).on_hand == 30
    assert "1,500.00" in tab.summary.text() or "1500.00" in tab.summary.text()
    for section in InventoryPage.SECTIONS:
        page.open_section(section)
        assert page.tabs.currentWidget().objectName() == f"tab_{section}"


def test_the_front_desk_gets_no_household_give_out_and_no_reversal(show, staff_actors, goods,
                                                                  qtbot):
    from station_desk.ui.pages.inventory import InventoryPage

    desk = staff_actors["front_desk"]
    page = show(InventoryPage, desk)
    tab = page.stock_tab
    assert not tab.give_button.isHidden() and not tab.receive_button.isHidden()
    assert tab.count_button.isHidden() and tab.move_button.isHidden()  # inventory.manage
    assert page.movements_tab.reverse_button.isHidden()
    assert page.cash_tab.reverse_button.isHidden()
    dialog = GiveOutDialog(tab, tab.context)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemData(i) for i in range(dialog.kind.count())]
    assert kinds == ["other_out", "scrapped", "expired"]


# --- giving goods out ----------------------------------------------------------------------

def test_giving_part_of_the_stock_to_a_household(show, staff_actors, goods, qtbot):
    from station_desk.ui.pages.inventory_stock import StockTab

    tab = show(StockTab, staff_actors["head"])

    def fill(dialog):
        assert dialog.current_kind() == "household"
        dialog.household_search.setText("王大山")
        dialog.find_households()
        assert "王大山" in dialog.household_chosen.text()
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(goods["rice"]))
        assert line.available.text() == "30 袋"
        line.quantity.setValue(12)
        dialog.recipient.setText("王大山")

    seen = answer(GiveOutDialog, fill)
    tab.give_button.click()
    assert len(seen) == 1, seen[1:]
    row = _stock_row(tab, goods["rice"])
    assert (row.on_hand, row.available, row.low) == (18, 18, True)  # below its line of 20
    voucher = Voucher.get(Voucher.kind == "household")
    assert voucher.household_id == goods["household"] and voucher.recipient == "王大山"
    colour = tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert colour is not None  # the low row is tinted
    assert "1 items below" in tab.summary.text()


def test_a_give_out_beyond_the_stock_is_refused_in_the_dialog(show, staff_actors, goods):
    from station_desk.ui.pages.inventory_stock import StockTab

    tab = show(StockTab, staff_actors["head"])
    before = StockMovement.select().count()

    def fill(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("other_out"))
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(goods["rice"]))
        line.quantity.setValue(40)
        dialog.recipient.setText("敬老院")
        dialog.reason.setText("重阳节活动")

    seen = answer(GiveOutDialog, fill)
    tab.give_button.click()
    assert len(seen) == 2
    assert "Not enough" in seen[1] and "30" in seen[1] and "40" in seen[1]
    assert StockMovement.select().count() == before
    assert _stock_row(tab, goods["rice"]).on_hand == 30


def test_a_write_off_needs_a_reason(show, staff_actors, goods):
    from station_desk.ui.pages.inventory_stock import StockTab

    tab = show(StockTab, staff_actors["head"])

    def fill(dialog):
        assert dialog.current_kind() == "scrapped"
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(goods["rice"]))
        line.quantity.setValue(2)

    seen = answer(GiveOutDialog, fill)
    tab.scrap_button.click()
    assert len(seen) == 2 and "reason" in seen[1]
    assert Voucher.select().where(Voucher.kind == "scrapped").count() == 0


# --- the ledger ----------------------------------------------------------------------------

def test_reversing_a_give_out_from_the_movements_tab(show, staff_actors, goods, monkeypatch,
                                                     no_dialogs):
    from station_desk.ui.pages.inventory_movements import MovementsTab

    head = staff_actors["head"]
    wrong = stock.give_out(head, "other_out", today(), [stock.OutLine(goods["rice"], 20)],
                           recipient="敬老院", reason="慰问")
    tab = show(MovementsTab, head)
    tab.select_voucher(wrong)
    assert tab.reverse_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("数量录错", True))
    tab.reverse_button.click()
    assert no_dialogs == []
    reversal = Voucher.get(Voucher.reverses == wrong)
    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    statuses = {(r.voucher_id, _cell(tab.model, i, "Status")) for i, r in enumerate(rows)}
    assert (wrong, f"Reversed (#{reversal.id})") in statuses
    assert (reversal.id, f"Reverses #{wrong}") in statuses
    assert stock.overview(head)[0].on_hand == 30
    # a donation is cancelled from the donations tab: the service says so, nothing changes
    tab.select_voucher(Voucher.get(Voucher.kind == "donation").id)
    tab.reverse_button.click()
    assert no_dialogs and "donation record" in no_dialogs[-1][1]
    assert Voucher.select().where(Voucher.kind == "reversal").count() == 1


def test_a_count_through_the_dialog_creates_the_adjustment(show, staff_actors, goods):
    from station_desk.ui.pages.inventory_stock import StockTab

    tab = show(StockTab, staff_actors["head"])

    def fill(dialog):
        model = dialog.model
        assert model.rowCount() == 1 and model.rows[0].book == 30
        assert model.setData(model.index(0, COUNTED), "27")
        assert _cell(model, 0, "Difference") == "-3"
        dialog.reason.setText("月度盘点")

    seen = answer(StockCountDialog, fill)
    tab.count_button.click()
    assert len(seen) == 1, seen[1:]
    adjustment = Voucher.get(Voucher.kind == "adjustment")
    assert [m.quantity for m in StockMovement.select().where(
        StockMovement.voucher == adjustment.id)] == [-3]
    assert _stock_row(tab, goods["rice"]).on_hand == 27


def test_a_count_with_nothing_counted_is_refused(show, staff_actors, goods):
    from station_desk.ui.pages.inventory_stock import StockTab

    tab = show(StockTab, staff_actors["head"])
    seen = answer(StockCountDialog, lambda dialog: dialog.reason.setText("月度盘点"))
    tab.count_button.click()
    assert len(seen) == 2 and seen[1]
    assert Voucher.select().where(Voucher.kind == "adjustment").count() == 0


# --- cash ----------------------------------------------------------------------------------

def test_cash_in_and_a_payment_the_book_cannot_cover(show, staff_actors, goods):
    from station_desk.ui.pages.inventory_cash import CashTab

    tab = show(CashTab, staff_actors["head"])

    def income(dialog):
        dialog.amount.setText("200.50")
        dialog.purpose.setText("社区慈善基金拨款")
        dialog.counterparty.setText("镇慈善会")

    seen = answer(CashEntryDialog, income)
    tab.income_button.click()
    assert len(seen) == 1, seen[1:]
    assert CashEntry.get().amount_fen == 20050
    assert _cell(tab.model, 0, "In (yuan)") == "200.50"
    assert "balance 200.50" in tab.summary.text()

    def too_much(dialog):
        assert dialog.kind.currentData() == "spend"
        dialog.amount.setText("300")
        dialog.purpose.setText("购买配件")

    seen = answer(CashEntryDialog, too_much)
    tab.spend_button.click()
    assert len(seen) == 2 and "cash book would stand at" in seen[1]
    assert CashEntry.select().count() == 1


def test_a_campaign_gives_out_what_it_set_aside(show, staff_actors, goods):
    from station_desk.ui.pages.inventory_stock import StockTab

    head = staff_actors["head"]
    stock.reserve(head, "campaign", 7, [(goods["rice"], 10)])
    tab = show(StockTab, head)
    assert _stock_row(tab, goods["rice"]).available == 20

    def fill(dialog):
        assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["campaign"]
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(goods["rice"]))
        assert line.available.text() == "30 袋"  # 20 free and its own 10
        line.quantity.setValue(10)

    seen = answer(GiveOutDialog, fill)
    assert GiveOutDialog.ask(tab, tab.context, target=("campaign", 7, "中秋慰问")) is not None
    assert len(seen) == 1, seen[1:]
    [reservation] = stock.reservations(head, target_kind="campaign", target_id=7)
    assert (reservation.delivered, reservation.outstanding) == (10, 0)
    assert Voucher.get(Voucher.kind == "campaign").target_id == 7


def test_the_count_sheet_prints_from_the_count_dialog(show, staff_actors, goods, worker,
                                                      monkeypatch, qtbot):
    from station_desk.ui.dialogs import pdf_preview
    from station_desk.ui.pages.inventory_stock import StockTab

    previewed = []
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: previewed.append(path)))
    tab = show(StockTab, staff_actors["head"])
    dialog = StockCountDialog(tab, tab.context)
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isHidden()
    dialog.print_button.click()
    qtbot.waitUntil(lambda: bool(previewed), timeout=10_000)
    assert previewed[0].read_bytes().startswith(b"%PDF")


def test_expiring_goods_and_an_items_batches_are_listed(show, staff_actors, goods):
    import datetime as dt

    from station_desk.ui.pages.inventory_stock import StockTab

    head = staff_actors["head"]
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    milk = inv.save_item(head, inv.ItemInput("牛奶", "箱", grain, expires=True)).id
    dn.receive_donation(head, dn.DonationInput(goods["donor"], today() - dt.timedelta(days=5), [
        stock.InLine(milk, 4, expires_on=today() - dt.timedelta(days=2)),
        stock.InLine(milk, 6, expires_on=today() + dt.timedelta(days=10))]))
    tab = show(StockTab, head)
    row = _stock_row(tab, milk)
    assert (row.on_hand, row.expired, row.expiring, row.available) == (10, 4, 6, 6)
    assert [(_cell(tab.expiry_model, i, "Days left"), _cell(tab.expiry_model, i, "On hand"))
            for i in range(tab.expiry_model.rowCount())] == [("expired 2 days ago", "4 箱"),
                                                             ("10", "6 箱")]
    assert "1 batches expired" in tab.summary.text()
    number = next(i for i in range(tab.model.rowCount()) if tab.model.row_at(i).item_id == milk)
    tab.show_item(number)
    assert tab.batch_model.rowCount() == 2 and tab.below.currentIndex() == 1
    assert tab.detail_title.text().startswith("牛奶: 2 batches")
    tab.search.setText("nn")  # pinyin initials of 牛奶
    tab.load()
    assert [tab.model.row_at(i).item_id for i in range(tab.model.rowCount())] == [milk]


def test_reversing_a_cash_entry(show, staff_actors, goods, monkeypatch, no_dialogs):
    from station_desk.ui.pages.inventory_cash import CashTab

    head = staff_actors["head"]
    entry = dn.record_cash(head, today(), "other_in", 50000, purpose="拨款", counterparty="镇慈善会")
    tab = show(CashTab, head)
    tab.view.selectRow(0)
    assert tab.reverse_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("重复录入", True))
    tab.reverse_button.click()
    assert no_dialogs == []
    counter = CashEntry.get(CashEntry.reverses == entry)
    assert [_cell(tab.model, i, "Status") for i in range(tab.model.rowCount())] == [
        f"Reversed (#{counter.id})", f"Reverses #{entry}"]
    assert "balance 0.00" in tab.summary.text()
    assert not tab.reverse_button.isEnabled()  # nothing chosen that could be reversed


# --- the afternoon's donation, end to end ---------------------------------------------------

def test_a_donation_received_and_part_of_it_given_out_from_the_page(show, staff_actors, goods,
                                                                   monkeypatch):
    """14:00: a company brings 100 bags of rice; the clerk receives them with the donor picked
    from the list; part goes to a household at once. Both through the page's own buttons."""
    from station_desk.ui.dialogs.receive_goods import ReceiveGoodsDialog
    from station_desk.ui.pages.inventory import InventoryPage

    page = show(InventoryPage, staff_actors["head"])
    tab = page.stock_tab
    offered = []  # after a donation the clerk is offered its acknowledgement to print
    monkeypatch.setattr(QMessageBox, "question", lambda *a: offered.append(a[2]) or
                        QMessageBox.StandardButton.No)

    def receive(dialog):
        dialog.donor_box.setCurrentIndex(dialog.donor_box.findData(goods["donor"]))
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(goods["rice"]))
        line.quantity.setValue(100)

    seen = answer(ReceiveGoodsDialog, receive)
    tab.receive_button.click()
    assert len(seen) == 1, seen[1:]
    assert len(offered) == 1 and f"{today().year}-0002" in offered[0]
    assert _stock_row(tab, goods["rice"]).on_hand == 130
    page.donations_tab.refresh()
    assert page.donations_tab.model.rowCount() == 2  # the fixture's donation and this one
    assert page.donations_tab.model.index(0, 0).data() == f"{today().year}-0002"

    def give(dialog):
        dialog.household_search.setText("王大山")
        dialog.find_households()
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(goods["rice"]))
        line.quantity.setValue(40)

    seen = answer(GiveOutDialog, give)
    tab.give_button.click()
    assert len(seen) == 1, seen[1:]
    row = _stock_row(tab, goods["rice"])
    assert (row.on_hand, row.value_fen) == (90, 90 * 5000)
    page.movements_tab.refresh()
    kinds = {_cell(page.movements_tab.model, r, "Kind")
             for r in range(page.movements_tab.model.rowCount())}
    assert {"Donation in", "Given to household"} <= kinds, kinds


def test_the_sign_off_sheet_prints_what_went_out_in_the_period(show, staff_actors, goods, worker,
                                                                monkeypatch, qtbot, no_dialogs):
    from station_desk.ui.dialogs import pdf_preview
    from station_desk.ui.pages.inventory_movements import MovementsTab

    head = staff_actors["head"]
    stock.give_out(head, "household", today(), [stock.OutLine(goods["rice"], 2)],
                   household_id=goods["household"])
    previewed = []
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: previewed.append(path)))
    tab = show(MovementsTab, head)
    tab.sign_off_button.click()
    qtbot.waitUntil(lambda: bool(previewed), timeout=10_000)
    import pypdfium2

    text = pypdfium2.PdfDocument(str(previewed[0]))[0].get_textpage().get_text_range()
    assert "王大山" in text and "大米" in text and "sign-off sheet" in text  # in English here
    # a kind that hands nothing to anyone has no sign-off sheet
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("donation"))
    tab.sign_off_button.click()
    assert no_dialogs and no_dialogs[-1][0] == "information"
