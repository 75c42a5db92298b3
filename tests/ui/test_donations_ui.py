"""The 物资 page's donation side: receiving goods through the dialog, the donations tab
(numbers, reissue, cancel, the register), donor totals, and the catalogue editors."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from station_desk.core.clock import today
from station_desk.core.models import (
    Acknowledgement,
    Donation,
    Donor,
    ItemCategory,
    NumberCounter,
    StockMovement,
)
from station_desk.core.services import donations as dn
from station_desk.core.services import inventory as inv
from station_desk.core.services import stock
from station_desk.ui.context import AppContext

TODAY = today()
YEAR = TODAY.year


@pytest.fixture
def goods(head):
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, spec="10kg", value_fen=5000,
                                             value_from=dt.date(YEAR, 1, 1))).id
    oil = inv.save_item(head, inv.ItemInput("食用油", "桶", grain, spec="5L", expires=True,
                                            value_fen=6500, value_from=dt.date(YEAR, 1, 1))).id
    return {"rice": rice, "oil": oil, "grain": grain}


_CONTEXTS: list[AppContext] = []


@pytest.fixture(autouse=True)
def close_bridges():
    """Each context's change bridge listens to the core's events: stop it with the test."""
    yield
    while _CONTEXTS:
        _CONTEXTS.pop().bridge.close()


def _context(store, actor, lang="zh"):
    made = AppContext(location=store, actor=actor, lang=lang)
    _CONTEXTS.append(made)
    return made


def _on_hand(actor) -> dict[int, int]:
    return {row.item_id: row.on_hand for row in stock.overview(actor) if row.on_hand}


def _when_modal(action, failures: list) -> None:
    """Run ``action`` on the modal dialog about to open; close it if the action fails, so a
    broken test fails instead of hanging on a dialog nobody answers."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            action(dialog)
            if dialog is not None and dialog.isVisible():
                failures.append(AssertionError(f"{dialog.objectName()} stayed open: "
                                               f"{_errors_in(dialog)}"))
        except Exception as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)
        if dialog is not None and dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)


def _errors_in(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel, "errorLabel")
                    if label.text())


def _ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _set(dialog, key: str, text: str) -> None:
    dialog.findChild(object, f"field_{key}").setText(text)


def _receive_dialog(qtbot, store, actor, kind="donation"):
    from station_desk.ui.dialogs.receive_goods import ReceiveGoodsDialog

    dialog = ReceiveGoodsDialog(None, _context(store, actor), kind)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose(line, item_id: int) -> None:
    line.item.setCurrentIndex(line.item.findData(item_id))


def test_a_donation_of_two_items_and_cash_from_a_new_donor(qtbot, store, head, goods):
    dialog = _receive_dialog(qtbot, store, head)
    assert dialog.donor_box.count() == 0  # no donor on file yet: 新捐赠方 inline
    failures: list = []

    def fill_donor(form) -> None:
        _set(form, "name", "石滩粮油有限公司")
        _set(form, "contact", "李经理")
        _set(form, "phone", "13912345678")
        _ok(form)

    _when_modal(fill_donor, failures)
    qtbot.mouseClick(dialog.new_donor_button, Qt.MouseButton.LeftButton)
    assert not failures
    donor = Donor.get(Donor.name == "石滩粮油有限公司")
    assert dialog.donor_box.currentData() == donor.id

    rice_line = dialog.lines[0]
    _choose(rice_line, goods["rice"])
    assert rice_line.value.text() == "50.00"  # the item's value on the day, prefilled
    rice_line.quantity.setValue(100)
    oil_line = dialog.add_line(goods["oil"], 50)
    assert oil_line.expires.isEnabled() and not rice_line.expires.isEnabled()
    oil_line.expires.setDate(dt.date(YEAR + 1, 6, 1))
    oil_line.value.setText("60")  # the clerk's own estimate wins over the catalogue's
    oil_line.value.textEdited.emit("60")
    dialog.cash.setText("2,000")
    dialog.purpose.setText("春节慰问困难户")
    assert "¥8,000.00" in dialog.total_label.text() and "¥10,000.00" in dialog.total_label.text()

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.errors.text() == ""
    assert dialog.result() == dialog.DialogCode.Accepted
    donation_id = dialog.result_value
    assert Donation.get_by_id(donation_id).cash_fen == 200000

    from station_desk.ui.pages.inventory_donations import DonationsTab

    tab = DonationsTab(_context(store, head))
    qtbot.addWidget(tab)
    tab.refresh()
    row = tab.model.row_at(0)
    assert tab.model.rowCount() == 1 and row.id == donation_id
    assert tab.model.index(0, 0).data() == f"{YEAR}-0001"
    assert row.goods_value_fen == 100 * 5000 + 50 * 6000 and row.purpose == "春节慰问困难户"
    assert _on_hand(head) == {goods["rice"]: 100, goods["oil"]: 50}


def test_the_item_box_finds_items_by_pinyin_initials(qtbot, store, head, goods):
    dialog = _receive_dialog(qtbot, store, head)
    completer = dialog.lines[0].item.completer()
    completer.setCompletionPrefix("syy")
    assert completer.completionCount() == 1
    index = completer.completionModel().index(0, 0)
    completer.activated[type(index)].emit(index)
    assert dialog.lines[0].item.currentData() == goods["oil"]


@pytest.mark.parametrize("fault", ["zero_quantity", "no_expiry"])
def test_a_bad_line_is_refused_and_nothing_is_written(qtbot, store, head, goods, fault):
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司")).id
    dialog = _receive_dialog(qtbot, store, head)
    dialog.choose_donor(donor)
    _choose(dialog.lines[0], goods["rice"])
    dialog.lines[0].quantity.setValue(0 if fault == "zero_quantity" else 10)
    oil = dialog.add_line(goods["oil"], 5)
    if fault == "zero_quantity":
        oil.expires.setDate(dt.date(YEAR + 1, 1, 1))
    dialog.cash.setText("100")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    shown = dialog.errors.text()
    assert ("第 1 行" in shown and "数量" in shown) if fault == "zero_quantity" \
        else ("第 2 行" in shown and "到期" in shown)
    assert dialog.isVisible() and dialog.result_value is None
    assert dialog.lines[1].quantity.value() == 5 and dialog.cash.text() == "100"  # nothing lost
    assert Donation.select().count() == 0 and StockMovement.select().count() == 0
    assert Acknowledgement.select().count() == 0 and NumberCounter.select().count() == 0


def test_a_purchase_goes_through_stock_receive(qtbot, store, head, goods):
    dialog = _receive_dialog(qtbot, store, head, kind="purchase")
    assert not dialog.donor_search.isVisibleTo(dialog) and dialog.source.isVisibleTo(dialog)
    _choose(dialog.lines[0], goods["rice"])
    dialog.lines[0].quantity.setValue(20)
    dialog.source.setText("石滩粮油批发部")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.errors.text() == "" and dialog.result_value
    assert _on_hand(head) == {goods["rice"]: 20} and Donation.select().count() == 0


@pytest.fixture
def two_donations(head, goods):
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司")).id
    person = inv.save_donor(head, inv.DonorInput("individual", "陈建国", phone="13800138000")).id
    first = dn.receive_donation(head, dn.DonationInput(
        donor, TODAY, [stock.InLine(goods["rice"], 10)], cash_fen=50000))
    second = dn.receive_donation(head, dn.DonationInput(person, TODAY, [], cash_fen=20000))
    return {"donor": donor, "person": person, "first": first, "second": second}


def test_reissue_and_cancel_from_the_donations_tab(qtbot, store, head, goods, two_donations,
                                                  monkeypatch, no_dialogs):
    from station_desk.ui.pages.inventory_donations import (
        AcknowledgementRegisterDialog,
        DonationsTab,
    )

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("打印错位", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    tab = DonationsTab(_context(store, head))
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    tab.select_donation(two_donations["first"])
    assert tab.reissue_button.isEnabled() and tab.cancel_button.isVisible()
    qtbot.mouseClick(tab.reissue_button, Qt.MouseButton.LeftButton)
    numbers = {r.id: r.number for r in tab.model._rows}
    assert numbers[two_donations["first"]] == f"{YEAR}-0003"

    tab.select_donation(two_donations["first"])
    qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    row = next(r for r in tab.model._rows if r.id == two_donations["first"])
    assert row.cancelled and _on_hand(head) == {}
    index = tab.model._rows.index(row)
    assert tab.model.index(index, 0).data().startswith(f"{YEAR}-0003")  # its void number stays
    assert "¥200.00" in tab.count_label.text()  # the cancelled one is out of the total

    register = AcknowledgementRegisterDialog(tab, _context(store, head))
    qtbot.addWidget(register)
    shown = [(a.number, a.void, a.void_reason) for a in register.model._rows]
    assert shown == [(f"{YEAR}-0001", True, "打印错位"), (f"{YEAR}-0002", False, ""),
                     (f"{YEAR}-0003", True, "打印错位")]
    assert "0001" not in register.summary.text().split("。")[-1]
    assert no_dialogs == []


def test_the_front_desk_cannot_cancel_a_donation(qtbot, store, staff_actors, two_donations):
    from station_desk.ui.pages.inventory_donations import DonationsTab

    tab = DonationsTab(_context(store, staff_actors["front_desk"]))
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    assert tab.model.rowCount() == 2
    assert not tab.cancel_button.isVisible() and tab.receive_button.isVisible()


def test_missing_numbers_are_named():
    from station_desk.ui.pages.inventory_donations import missing_numbers

    assert missing_numbers(["2026-0001", "2026-0002", "2026-0004"]) == ["2026-0003"]
    assert missing_numbers(["2026-0001", "2026-0002"]) == []


def test_donor_totals_for_the_year(qtbot, store, head, two_donations):
    from station_desk.ui.pages.inventory_donors import DonorsTab

    dn.cancel_donation(head, dn.receive_donation(head, dn.DonationInput(
        two_donations["person"], TODAY, [], cash_fen=99900)), "重复录入")
    tab = DonorsTab(_context(store, head))
    qtbot.addWidget(tab)
    tab.refresh()
    totals = {t.name: (t.donations, t.goods_value_fen, t.cash_fen, t.total_fen)
              for t in tab.totals_model._rows}
    assert totals == {"石滩粮油有限公司": (1, 50000, 50000, 100000),
                      "陈建国": (1, 0, 20000, 20000)}
    assert "¥1,200.00" in tab.grand_total.text()
    phones = {d.name: d.phone for d in tab.model._rows}
    assert phones["陈建国"] == "138****8000"  # an individual's phone stays masked
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("individual"))
    assert [d.name for d in tab.model._rows] == ["陈建国"]


def test_add_an_item_and_a_package_in_the_catalogue(qtbot, store, head, goods):
    from station_desk.ui.pages.inventory_catalogue import CatalogueTab

    tab = CatalogueTab(_context(store, head))
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    failures: list = []

    def fill_item(form) -> None:
        _set(form, "name", "棉被")
        _set(form, "spec", "1.5m")
        _set(form, "unit", "床")
        _set(form, "value", "120")
        _ok(form)

    _when_modal(fill_item, failures)
    qtbot.mouseClick(tab.add_item_button, Qt.MouseButton.LeftButton)
    assert not failures
    names = [i.name for i in tab.items_model._rows]
    assert "棉被" in names
    quilt = tab.items_model._rows[names.index("棉被")]
    assert inv.value_on(quilt.id, TODAY) == 12000
    tab.items_view.selectRow(names.index("棉被"))
    assert [v.value_fen for v in tab.history_model._rows] == [12000]

    def fill_package(form) -> None:
        form.name.setText("冬季温暖包")
        first = form.lines[0]
        first.item.setCurrentIndex(first.item.findData(quilt.id))
        form.add_line(goods["rice"], 2)
        assert "¥220.00" in form.value_label.text()
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    _when_modal(fill_package, failures)
    qtbot.mouseClick(tab.add_package_button, Qt.MouseButton.LeftButton)
    assert not failures
    packages = tab.packages_model._rows
    assert [(p.name, p.value_fen) for p in packages] == [("冬季温暖包", 22000)]
    assert sorted(q for _i, _l, _u, q in packages[0].lines) == [1, 2]


def test_the_front_desk_sees_the_catalogue_read_only(qtbot, store, staff_actors, goods):
    from station_desk.ui.pages.inventory_catalogue import CatalogueTab

    tab = CatalogueTab(_context(store, staff_actors["front_desk"]))
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    assert tab.items_model.rowCount() == 2
    assert tab.edit_buttons and not any(b.isVisible() for b in tab.edit_buttons)
    tab.items_view.selectRow(0)
    tab.edit_item()  # double-click does the same: nothing opens for the front desk
    assert QApplication.activeModalWidget() is None


@pytest.fixture
def previews(monkeypatch):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    seen = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: seen.append((path, title))))
    return seen


def _pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_print_the_acknowledgement_and_the_thanks_letters(qtbot, store, head, two_donations,
                                                          worker, previews, no_dialogs):
    from station_desk.ui.pages.inventory_donations import DonationsTab

    context = _context(store, head)
    context.worker = worker
    tab = DonationsTab(context)
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    tab.select_donation(two_donations["first"])
    assert tab.print_button.isEnabled()
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    text = _pdf_text(previews[0][0])
    assert f"{YEAR}-0001" in text and "石滩粮油有限公司" in text

    failures: list = []
    _when_modal(lambda period: period.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok).click(), failures)
    qtbot.mouseClick(tab.thanks_button, Qt.MouseButton.LeftButton)
    assert not failures
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=15000)
    letters = _pdf_text(previews[1][0])
    assert "石滩粮油有限公司" in letters and "陈建国" in letters
    assert no_dialogs == []


def test_an_item_typed_over_is_not_taken_for_the_one_chosen(qtbot, store, head, goods):
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司")).id
    dialog = _receive_dialog(qtbot, store, head)
    dialog.choose_donor(donor)
    _choose(dialog.lines[0], goods["rice"])
    dialog.lines[0].item.setEditText("面粉")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "第 1 行" in dialog.errors.text() and Donation.select().count() == 0


def test_editing_a_person_keeps_the_phone_masked_and_stored(qtbot, store, head):
    from station_desk.ui.dialogs.donor_form import DonorFormDialog

    person = inv.save_donor(head, inv.DonorInput("individual", "陈建国", phone="13800138000")).id
    failures: list = []
    seen: list = []

    def edit(form) -> None:
        phone = form.findChild(object, "field_phone")
        seen.append(phone.text())
        _set(form, "address", "麻车村 3 组")
        _ok(form)

    _when_modal(edit, failures)
    assert DonorFormDialog.ask(None, _context(store, head), person) == person
    assert not failures and seen == ["138****8000"]
    stored = Donor.get_by_id(person)
    assert (stored.phone, stored.address) == ("13800138000", "麻车村 3 组")
