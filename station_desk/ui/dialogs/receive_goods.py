"""物资入库: receive goods — a donation (捐赠, with its acknowledgement number), a purchase
(采购), a transfer in (调拨入库) or the opening stock (期初).

Several items go in at once, one line each: item (searchable by name or pinyin initials),
quantity, unit value in yuan (prefilled with the item's value on the day, editable, or
无法估值), expiry date and batch number. A donation also takes cash and what it is for.
A refusal from the service is shown in the dialog; nothing closes and nothing typed is lost.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import money
from ...core.errors import StationError, ValidationError
from ...core.models.inventory import IN_KINDS
from ...core.services import donations, inventory, stock
from ..labels import label
from ..widgets import error_label
from .form_parts import FieldErrors, date_edit, date_of, fit_height, form_layout

NO_DATE = QDate(2000, 1, 1)  # an expiry edit at its minimum shows blank: no expiry given
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class _Line:
    """The widgets of one goods line."""

    item: QComboBox
    quantity: QSpinBox
    value: QLineEdit
    no_value: QCheckBox
    expires: QDateEdit
    batch: QLineEdit
    remove: QPushButton
    value_typed: bool = False  # the clerk typed a value: a new item or date won't overwrite it


def item_combo(items, name: str) -> QComboBox:
    """An editable combo over items that finds one by any part of its name or spec, or by
    the pinyin initials of its name (dm -> 大米)."""
    box = QComboBox()
    box.setObjectName(name)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    model = QStandardItemModel(box)
    for item in items:
        row = QStandardItem(f"{inventory.item_label(item)} · {item.unit}")
        row.setData(item.id, Qt.ItemDataRole.UserRole)
        row.setData(f"{inventory.item_label(item)} {item.name_initials}", SEARCH_ROLE)
        model.appendRow(row)
    box.setModel(model)
    box.setCurrentIndex(-1)
    completer = QCompleter(model, box)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)

    def chosen(index: QModelIndex) -> None:
        # The completion text is the search text (label + initials): show the item instead.
        found = box.findData(index.data(Qt.ItemDataRole.UserRole))
        if found >= 0:
            box.setCurrentIndex(found)
            box.setEditText(box.itemText(found))

    completer.activated[QModelIndex].connect(chosen)
    return box


class ReceiveGoodsDialog(QDialog):
    """Goods in. ``ask`` returns the donation's id for a donation, else the voucher's id."""

    def __init__(self, parent: QWidget | None, context, kind: str = "donation") -> None:
        super().__init__(parent)
        self.setObjectName("receiveGoods")
        self.context = context
        self.actor = context.actor
        self.result_value: int | None = None
        self.saved_kind = kind
        self.lines: list[_Line] = []
        self._line_count = 0
        self.setWindowTitle(self.tr("Receive goods"))
        self.setMinimumWidth(900)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error, context.lang)
        self._items = inventory.find_items(self.actor)
        self._item_by_id = {item.id: item for item in self._items}

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        left, right = form_layout(), form_layout()
        top.addLayout(left, 2)
        top.addSpacing(16)
        top.addLayout(right, 3)
        layout.addLayout(top)

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind")
        for code, text in ((k, self._kind_text(k)) for k in IN_KINDS):
            self.kind_box.addItem(text, code)
        self.kind_box.setCurrentIndex(max(self.kind_box.findData(kind), 0))
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        left.addRow(self.tr("Kind"), self.kind_box)

        self.date = date_edit("receivedOn")
        self.date.dateChanged.connect(lambda _d: self._refill_values())
        left.addRow(self.tr("Date"), self.errors.wrap("received_on", self.date))
        self.errors.widgets["moved_on"] = self.date
        self.errors.labels["moved_on"] = self.errors.labels["received_on"]

        self.location = QComboBox()
        self.location.setObjectName("location")
        for row in inventory.locations(self.actor):
            self.location.addItem(row.name, row.id)
        left.addRow(self.tr("Storeroom"), self.location)

        # the donor: a search box, the matches, and 新捐赠方
        donor_row = QWidget()
        donor_layout = QHBoxLayout(donor_row)
        donor_layout.setContentsMargins(0, 0, 0, 0)
        self.donor_search = QLineEdit()
        self.donor_search.setObjectName("donorSearch")
        self.donor_search.setClearButtonEnabled(True)
        self.donor_search.setPlaceholderText(self.tr("Name, initials or phone tail"))
        self.donor_search.textChanged.connect(lambda _t: self._find_donors())
        self.donor_box = QComboBox()
        self.donor_box.setObjectName("donor")
        self.donor_box.setMinimumWidth(200)
        self.donor_box.view().setMinimumWidth(380)  # the list shows whole names and phones
        self.new_donor_button = QPushButton(self.tr("New donor…"))
        self.new_donor_button.setObjectName("newDonor")
        self.new_donor_button.clicked.connect(self.new_donor)
        donor_layout.addWidget(self.donor_search, 1)
        donor_layout.addWidget(self.donor_box, 1)
        donor_layout.addWidget(self.new_donor_button)
        self.donor_label = QLabel(self.tr("Donor"))
        right.addRow(self.donor_label, self.errors.wrap("donor", donor_row))

        self.cash = QLineEdit()
        self.cash.setObjectName("cash")
        self.cash.setPlaceholderText(self.tr("Yuan, e.g. 2000"))
        self.cash.textChanged.connect(lambda _t: self._update_total())
        self.cash_label = QLabel(self.tr("Cash (yuan)"))
        right.addRow(self.cash_label, self.errors.wrap("cash", self.cash))

        self.purpose = QLineEdit()
        self.purpose.setObjectName("purpose")
        self.purpose.setPlaceholderText(self.tr("What the donor gave it for (指定用途)"))
        self.purpose_label = QLabel(self.tr("Purpose"))
        right.addRow(self.purpose_label, self.errors.wrap("purpose", self.purpose))

        self.source = QLineEdit()
        self.source.setObjectName("source")
        self.source.setPlaceholderText(self.tr("Supplier, or where the goods came from"))
        self.source_label = QLabel(self.tr("Source"))
        right.addRow(self.source_label, self.errors.wrap("source", self.source))

        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.reference.setPlaceholderText(self.tr("Invoice or transfer note number"))
        self.reference_label = QLabel(self.tr("Reference"))
        right.addRow(self.reference_label, self.errors.wrap("reference", self.reference))
        self._right = right

        # the lines
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        headers = (self.tr("Item"), self.tr("Quantity"), self.tr("Unit value (yuan)"),
                   self.tr("Cannot be valued"), self.tr("Expiry date"), self.tr("Batch no."), "")
        for column, text in enumerate(headers):
            head = QLabel(text)
            head.setObjectName("muted")
            self.grid.addWidget(head, 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(5, 1)
        self.grid.setRowStretch(1000, 1)
        scroll = QScrollArea()
        scroll.setObjectName("linesArea")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setMinimumHeight(200)
        layout.addWidget(scroll, 1)

        under = QHBoxLayout()
        self.add_line_button = QPushButton(self.tr("Add line"))
        self.add_line_button.setObjectName("addLine")
        self.add_line_button.clicked.connect(lambda: self.add_line())
        under.addWidget(self.add_line_button)
        under.addStretch(1)
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        under.addWidget(self.total_label)
        layout.addLayout(under)

        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._find_donors()
        self.add_line()
        self._kind_changed()
        self.resize(1000, 620)

    # --- helpers ------------------------------------------------------------------------

    def _kind_text(self, kind: str) -> str:
        return {"donation": self.tr("Donation (捐赠)"), "purchase": self.tr("Purchase (采购)"),
                "transfer_in": self.tr("Transfer in (调拨入库)"),
                "opening": self.tr("Opening stock (期初)")}.get(kind, kind)

    def kind(self) -> str:
        return self.kind_box.currentData()

    def _kind_changed(self) -> None:
        self.errors.clear()
        donation = self.kind() == "donation"
        for widget, shown in ((self.donor_label, donation), (self.cash_label, donation),
                              (self.purpose_label, donation), (self.source_label, not donation),
                              (self.reference_label, not donation)):
            self._right.setRowVisible(widget, shown)
        self.setWindowTitle(self.tr("Receive a donation") if donation
                            else self.tr("Receive goods: %1").replace("%1", self._kind_text(self.kind())))
        self._update_total()

    def _find_donors(self) -> None:
        current = self.donor_box.currentData()
        rows = inventory.find_donors(self.actor, self.donor_search.text(), limit=200)
        self.donor_box.blockSignals(True)
        self.donor_box.clear()
        for row in rows:
            extra = f" · {row.phone}" if row.phone else ""
            self.donor_box.addItem(f"{row.name} ({label('donor_kind', row.kind)}){extra}", row.id)
        index = self.donor_box.findData(current)
        self.donor_box.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
        self.donor_box.blockSignals(False)

    def new_donor(self) -> None:
        from .donor_form import DonorFormDialog

        typed = self.donor_search.text().strip()
        donor_id = DonorFormDialog.ask(self, self.context, name=typed if not typed.isdigit() else "")
        if donor_id is None:
            return
        donor = inventory.get_donor(self.actor, donor_id)
        self.donor_search.blockSignals(True)
        self.donor_search.setText(donor.name)
        self.donor_search.blockSignals(False)
        self._find_donors()
        self.donor_box.setCurrentIndex(max(self.donor_box.findData(donor_id), 0))

    def choose_donor(self, donor_id: int) -> None:
        """Pick a donor by id (the donors tab's 接收捐赠 from a selected donor, and tests)."""
        index = self.donor_box.findData(donor_id)
        if index < 0:
            self.donor_search.setText("")
            index = self.donor_box.findData(donor_id)
        self.donor_box.setCurrentIndex(index)

    # --- lines --------------------------------------------------------------------------

    def add_line(self, item_id: int | None = None, quantity: int = 1) -> _Line:
        self._line_count += 1
        n = self._line_count
        box = item_combo(self._items, f"item_{n}")
        box.setMinimumWidth(220)
        count = QSpinBox()
        count.setObjectName(f"quantity_{n}")
        count.setRange(0, 10_000_000)
        count.setValue(quantity)
        value = QLineEdit()
        value.setObjectName(f"value_{n}")
        value.setMaximumWidth(110)
        no_value = QCheckBox()
        no_value.setObjectName(f"noValue_{n}")
        no_value.setToolTip(self.tr("Cannot be valued (无法估值): listed without a value"))
        expires = QDateEdit()
        expires.setObjectName(f"expires_{n}")
        expires.setCalendarPopup(True)
        expires.setDisplayFormat("yyyy-MM-dd")
        expires.setMinimumDate(NO_DATE)
        expires.setSpecialValueText(" ")
        expires.setDate(NO_DATE)
        batch = QLineEdit()
        batch.setObjectName(f"batch_{n}")
        batch.setMaximumWidth(120)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"removeLine_{n}")
        line = _Line(box, count, value, no_value, expires, batch, remove)
        row = n
        for column, widget in enumerate((box, count, value, no_value, expires, batch, remove)):
            self.grid.addWidget(widget, row, column)
        box.currentIndexChanged.connect(lambda _i, ln=line: self._item_changed(ln))
        count.valueChanged.connect(lambda _v: self._update_total())
        value.textEdited.connect(lambda _t, ln=line: self._value_typed(ln))
        no_value.toggled.connect(lambda on, ln=line: self._no_value_toggled(ln, on))
        remove.clicked.connect(lambda _c=False, ln=line: self.remove_line(ln))
        self.lines.append(line)
        if item_id is not None:
            box.setCurrentIndex(box.findData(item_id))
        self._item_changed(line)
        return line

    def remove_line(self, line: _Line) -> None:
        if line not in self.lines:
            return
        self.lines.remove(line)
        for widget in (line.item, line.quantity, line.value, line.no_value, line.expires,
                       line.batch, line.remove):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._update_total()

    def _item_changed(self, line: _Line) -> None:
        item = self._item_by_id.get(line.item.currentData())
        line.expires.setEnabled(bool(item and item.expires))
        if not (item and item.expires):
            line.expires.setDate(NO_DATE)
        line.value_typed = False  # a value typed for the item before doesn't fit this one
        self._prefill(line)
        self._update_total()

    def _prefill(self, line: _Line) -> None:
        item_id = line.item.currentData()
        fen = inventory.value_on(item_id, date_of(self.date)) if item_id else None
        line.value.setText(money.yuan(fen))

    def _refill_values(self) -> None:
        for line in self.lines:
            if not line.value_typed:
                self._prefill(line)
        self._update_total()

    def _value_typed(self, line: _Line) -> None:
        line.value_typed = True
        self._update_total()

    def _no_value_toggled(self, line: _Line, on: bool) -> None:
        line.value.setEnabled(not on)
        self._update_total()

    def _update_total(self) -> None:
        total, unvalued = 0, 0
        for line in self.lines:
            if line.item.currentData() is None:
                continue
            try:
                fen = None if line.no_value.isChecked() else money.parse_yuan(line.value.text())
            except StationError:
                fen = None
            if fen is None:
                unvalued += 1
            else:
                total += fen * line.quantity.value()
        text = self.tr("Goods value: ¥%1").replace("%1", money.yuan(total) or "0.00")
        if self.kind() == "donation":
            try:
                cash = money.parse_yuan(self.cash.text()) or 0
            except StationError:
                cash = 0
            if cash:
                text += "   " + self.tr("Cash: ¥%1").replace("%1", money.yuan(cash))
                text += "   " + self.tr("Total: ¥%1").replace("%1", money.yuan(total + cash))
        if unvalued:
            text += "   " + self.tr("(%1 lines without a value)").replace("%1", str(unvalued))
        self.total_label.setText(text)

    def in_lines(self) -> list[stock.InLine]:
        """The lines as the service takes them; a line with no item chosen is left out."""
        result = []
        for number, line in enumerate(self.lines, start=1):
            item_id = line.item.currentData()
            typed = line.item.currentText().strip()
            if line.item.currentIndex() >= 0 and typed != line.item.itemText(
                    line.item.currentIndex()):
                raise ValidationError("item_not_chosen", line=number)  # typed over the choice
            if item_id is None or line.item.currentIndex() < 0:
                if typed:
                    raise ValidationError("item_not_chosen", line=number)
                continue
            if line.quantity.value() == 0:
                # the service refuses it too, but could not say which line
                line.quantity.setFocus()
                raise ValidationError("line_quantity_zero", line=number,
                                      item=inventory.item_label(self._item_by_id[item_id]))
            valued = not line.no_value.isChecked()
            fen = money.parse_yuan(line.value.text(), field="unit_value") if valued else None
            expires = None
            if line.expires.isEnabled() and line.expires.date() != NO_DATE:
                expires = date_of(line.expires)
            result.append(stock.InLine(item_id=item_id, quantity=line.quantity.value(),
                                       unit_value_fen=fen, valued=valued, expires_on=expires,
                                       batch_label=line.batch.text()))
        return result

    # --- saving ---------------------------------------------------------------------------

    def save(self) -> int:
        lines = self.in_lines()
        received_on: _dt.date = date_of(self.date)
        location_id = self.location.currentData()
        if self.kind() == "donation":
            donor_id = self.donor_box.currentData()
            if donor_id is None:
                raise ValidationError("required", field="donor")
            cash = money.parse_yuan(self.cash.text(), field="cash") or 0
            return donations.receive_donation(self.actor, donations.DonationInput(
                donor_id=donor_id, received_on=received_on, lines=lines, cash_fen=cash,
                purpose=self.purpose.text(), location_id=location_id))
        return stock.receive(self.actor, self.kind(), received_on, lines,
                             location_id=location_id, recipient=self.source.text(),
                             reference=self.reference.text())

    def _on_ok(self) -> None:
        self.errors.clear()
        try:
            self.result_value = self.save()
        except Exception as error:  # refused, or the database went away: keep what was typed
            self.errors.show(error)
            fit_height(self.general_error)
            return
        self.saved_kind = self.kind()
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, context, kind: str = "donation") -> int | None:
        """Receive goods of ``kind`` (donation, purchase, transfer_in, opening). The donation's
        id for a donation, else the voucher's id; None when cancelled. After a donation the
        clerk is offered its acknowledgement (捐赠物资接收凭证) to print at once."""
        dialog = cls(parent, context, kind)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        if dialog.saved_kind == "donation":
            offer_acknowledgement(parent, context, dialog.result_value)
        return dialog.result_value


# --- printing the acknowledgement (used by the donations tab too) --------------------------


def offer_acknowledgement(parent: QWidget | None, context, donation_id: int) -> None:
    rows = donations.acknowledgements(context.actor, donation_id=donation_id)
    number = next((row.number for row in rows if not row.void), "")
    title = QCoreApplication.translate("ReceiveGoodsDialog", "Donation received")
    text = QCoreApplication.translate(
        "ReceiveGoodsDialog",
        "Donation filed with acknowledgement number %1.\n\nPrint the acknowledgement (捐赠物资接收凭证) now?")
    answer = QMessageBox.question(parent, title, text.replace("%1", number))
    if answer == QMessageBox.StandardButton.Yes:
        print_acknowledgement(parent, context, donation_id)


_PRINT_DIRS: list = []


def print_path(name: str):
    import tempfile
    from pathlib import Path

    if not _PRINT_DIRS:
        # one folder for this session's acknowledgements, removed when the program ends
        _PRINT_DIRS.append(tempfile.TemporaryDirectory(prefix="station-desk-"))
    return Path(_PRINT_DIRS[0].name) / name


def print_acknowledgement(parent: QWidget | None, context, donation_id: int) -> None:
    """Build the acknowledgement PDF in the background and preview it."""
    from ...core.reports import acknowledgement as report
    from .. import ops
    from .pdf_preview import preview_printout

    out = print_path(f"acknowledgement-{donation_id}.pdf")
    actor, lang = context.actor, context.lang

    def build():
        data = donations.acknowledgement_data(actor, donation_id)
        report.build(data, out, lang=lang)
        return report.check(data)

    title = QCoreApplication.translate("ReceiveGoodsDialog", "Donation acknowledgement")
    operation = ops.run_operation(
        parent, QCoreApplication.translate("ReceiveGoodsDialog", "Preparing the acknowledgement…"),
        build, cancellable=False)
    operation.finished.connect(lambda problems: preview_printout(parent, out, problems, title))
