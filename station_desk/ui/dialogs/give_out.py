"""发放 / 报损: goods out of the storeroom, one voucher with several lines.

Without a target the clerk chooses what kind of issue it is: to a household (only roles that
see household files), other use (其他领用), damaged or lost (报损), expired (过期报废).
Campaign, activity and wish pages pass their target, and the kind is theirs. Each line shows
what can go out of the item: available stock (on hand, not expired, not set aside for
someone else) plus what the target itself has set aside; for 过期报废 the expired goods.

The ledger's rules live in ``stock.give_out``: a refusal (short stock on that day or a later
one, goods reserved for others, a missing reason) is shown under the form, in the user's
language, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core.clock import today
from ...core.services import stock
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout, qdate
from .household_picker import HouseholdPicker

PLAIN_KINDS = ("household", "other_out", "scrapped", "expired")
REASON_NEEDED = ("other_out", "scrapped", "expired")


@dataclass
class LineWidgets:
    item: QComboBox
    quantity: QSpinBox
    available: QLabel
    remove: QPushButton


class GiveOutDialog(SavingDialog):
    """Returns the voucher id."""

    def __init__(self, parent, context, *, kind: str | None = None,
                 household_id: int | None = None, target: tuple | None = None,
                 item_id: int | None = None) -> None:
        super().__init__(parent, context.lang, "giveOutDialog", self.tr("Give out goods"))
        self.context = context
        self.actor = context.actor
        self.target = target
        self.setMinimumWidth(640)
        self._household_id = household_id

        form = self.form = form_layout()
        self.layout_.addLayout(form)
        self.kind = QComboBox()
        self.kind.setObjectName("giveKind")
        if target is not None:
            self.kind.addItem(label("voucher_kind", target[0]), target[0])
            form.addRow(self.tr("For"), QLabel(str(target[2])))
        else:
            for code in PLAIN_KINDS:
                if code == "household" and not self.actor.can("households.view"):
                    continue
                self.kind.addItem(label("voucher_kind", code), code)
            if kind is not None and self.kind.findData(kind) >= 0:
                self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.setEnabled(target is None and self.kind.count() > 1)
        form.addRow(self.tr("Kind"), self.errors.wrap("voucher_kind", self.kind))

        # the household: a search box and its matches
        self.household_box = HouseholdPicker(self.actor, also="categories",
                                             chosen_text=self.tr("Chosen: %1, %2"))
        self.household_box.view.setMinimumHeight(150)
        self.household_box.view.setMaximumHeight(190)
        self.household_box.picked.connect(self._household_picked)
        # the parts by their old names
        self.household_search = self.household_box.search
        self.household_view, self.household_model = self.household_box.view, self.household_box.model
        self.household_chosen = self.household_box.chosen
        self.find_households = self.household_box.find
        form.addRow(self.tr("Household"), self.errors.wrap("household", self.household_box))

        # the lines
        self.lines_box = QWidget()
        self.lines_grid = QGridLayout(self.lines_box)
        self.lines_grid.setContentsMargins(0, 0, 0, 0)
        self.lines_grid.setHorizontalSpacing(10)
        for column, title in enumerate((self.tr("Item"), self.tr("Quantity"),
                                        self.tr("Can go out"))):
            heading = QLabel(title)
            heading.setObjectName("muted")
            self.lines_grid.addWidget(heading, 0, column)
        self.lines_grid.setColumnStretch(0, 1)
        self.lines: list[LineWidgets] = []
        self.add_line_button = QPushButton(self.tr("Add a line"))
        self.add_line_button.setObjectName("addLine")
        self.add_line_button.clicked.connect(lambda: self.add_line())
        lines_holder = QWidget()
        holder = QGridLayout(lines_holder)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.lines_box, 0, 0)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_line_button)
        add_row.addStretch(1)
        holder.addLayout(add_row, 1, 0)
        form.addRow(self.tr("Goods"), self.errors.wrap("quantity", lines_holder))

        self.moved_on = date_edit("givenOn", today())
        self.moved_on.setMaximumDate(qdate(today()))
        form.addRow(self.tr("Date"), self.errors.wrap("moved_on", self.moved_on))
        self.recipient = QLineEdit()
        self.recipient.setObjectName("recipient")
        self.recipient.setPlaceholderText(self.tr("Who collected the goods"))
        form.addRow(self.tr("Collected by"), self.errors.wrap("recipient", self.recipient))
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        form.addRow(self.tr("Reference"), self.errors.wrap("reference", self.reference))
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason_label = QLabel(self.tr("Reason"))
        form.addRow(self.reason_label, self.errors.wrap("reason", self.reason))
        self.finish()

        self._stock: dict[int, stock.StockRow] = {}
        self._own: dict[int, int] = {}
        self._load_stock()
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.add_line(item_id)
        self._kind_changed()
        if household_id is not None:
            self._use_household(household_id)

    # --- the kind, the household ---------------------------------------------------------

    def current_kind(self) -> str:
        return self.kind.currentData()

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.form.setRowVisible(self.household_box.parentWidget(),
                                kind == "household" and self.target is None)
        needed = kind in REASON_NEEDED
        self.reason_label.setText(self.tr("Reason (required)") if needed else self.tr("Reason"))
        self._refill_items()

    def _household_picked(self, household_id: int) -> None:
        self._household_id = household_id

    def _use_household(self, household_id: int) -> None:
        self.household_box.set_household(household_id)

    # --- the lines ------------------------------------------------------------------------

    def _load_stock(self) -> None:
        self._stock = {r.item_id: r for r in stock.overview(self.actor, include_empty=False)}
        if self.target is not None:
            self._own = {r.item_id: r.outstanding for r in stock.reservations(
                self.actor, target_kind=self.target[0], target_id=self.target[1])}

    def can_go_out(self, item_id: int) -> int:
        row = self._stock.get(item_id)
        if row is None:
            return 0
        kind = self.current_kind()
        if kind == "expired":
            return row.expired
        if kind == "scrapped":
            return max(row.on_hand, 0)
        own = self._own.get(item_id, 0)
        return row.available + min(own, row.reserved)

    def _item_choices(self) -> list[tuple[int, str]]:
        kind = self.current_kind()
        rows = [r for r in self._stock.values()
                if (r.expired if kind == "expired" else r.on_hand) > 0]
        return [(r.item_id, r.label) for r in rows]

    def add_line(self, item_id: int | None = None) -> LineWidgets:
        number = len(self.lines)
        item = QComboBox()
        item.setObjectName(f"lineItem{number}")
        item.setEditable(True)
        item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        item.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        item.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        item.setMinimumWidth(260)
        count = QSpinBox()
        count.setObjectName(f"lineQuantity{number}")
        count.setRange(0, 1_000_000)
        count.setValue(1)
        count.setMinimumWidth(110)
        available = QLabel()
        available.setObjectName(f"lineAvailable{number}")
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(f"lineRemove{number}")
        line = LineWidgets(item, count, available, remove)
        self._fill_item_box(line, item_id)
        item.currentIndexChanged.connect(lambda _i, ln=line: self._show_available(ln))
        remove.clicked.connect(lambda _c=False, ln=line: self.remove_line(ln))
        row = number + 1
        for column, widget in enumerate((item, count, available, remove)):
            self.lines_grid.addWidget(widget, row, column)
        self.lines.append(line)
        self._show_available(line)
        return line

    def remove_line(self, line: LineWidgets) -> None:
        if len(self.lines) == 1:
            line.item.setCurrentIndex(-1)
            line.quantity.setValue(1)
            return
        self.lines.remove(line)
        for widget in (line.item, line.quantity, line.available, line.remove):
            widget.hide()
            widget.deleteLater()

    def _fill_item_box(self, line: LineWidgets, item_id: int | None) -> None:
        line.item.blockSignals(True)
        line.item.clear()
        for data, text in self._item_choices():
            line.item.addItem(text, data)
        index = line.item.findData(item_id) if item_id is not None else -1
        line.item.setCurrentIndex(index)
        line.item.blockSignals(False)

    def _refill_items(self) -> None:
        for line in self.lines:
            self._fill_item_box(line, line.item.currentData())
            self._show_available(line)

    def _show_available(self, line: LineWidgets) -> None:
        item_id = line.item.currentData()
        row = self._stock.get(item_id) if item_id is not None else None
        if row is None:
            line.available.setText("")
            return
        line.available.setText(f"{self.can_go_out(item_id)} {row.unit}")

    def chosen_lines(self) -> list[stock.OutLine]:
        result = []
        for line in self.lines:
            item_id = line.item.currentData()
            if item_id is not None and line.item.currentText() and line.quantity.value() > 0:
                result.append(stock.OutLine(item_id, line.quantity.value()))
        return result

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> int:
        kind = self.current_kind()
        household_id = self._household_id if kind == "household" else None
        target_kind, target_id = (self.target[0], self.target[1]) if self.target else ("", None)
        if target_kind == "household":  # the household is the target: the service says so
            household_id, target_kind, target_id = target_id, "", None
        return stock.give_out(self.actor, kind, date_of(self.moved_on), self.chosen_lines(),
                              household_id=household_id, target_kind=target_kind,
                              target_id=target_id, recipient=self.recipient.text(),
                              reference=self.reference.text(), reason=self.reason.text())
