"""库存: what is on the shelves, what is set aside, what runs out or goes off.

The overview (``stock.overview``) is filtered in the service: search text (name, spec or
pinyin initials), category, storeroom, "below threshold only". Rows below their threshold are
tinted amber, rows holding expired goods red. Under it, three lists: batches expired or
expiring within 30 days, the batches and reservations of the item double-clicked, and what the
active reservations still lack (the packages' shortfall). The buttons open the storeroom's
dialogs, each shown only to roles that may use it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.money import yuan
from ...core.services import inventory, stock
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button as _button
from .parts import combo as _combo
from .parts import fill as _fill
from .parts import fitted_table
from .parts import search_box as _search_box

SEARCH_PAUSE_MS = 150
LOW = ("#fff3e0", "#e65100")  # below threshold: amber
EXPIRED = ("#ffebee", "#c62828")  # holds expired goods: red
SOON = ("#fff8c4", "#8d6e00")  # expiring within 30 days: yellow


class TintedRowsModel(RowsTableModel):
    """Rows with a (background, text) colour chosen per row by ``tint`` (None: the theme's);
    painted by make_table's ColourDelegate."""

    def __init__(self, columns, tint: Callable[[object], tuple | None], parent=None) -> None:
        super().__init__(columns, parent)
        self._tint = tint

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.BackgroundRole,
                                        Qt.ItemDataRole.ForegroundRole):
            colours = self._tint(self.row_at(index.row()))
            if not colours:
                return None
            colour = colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
            return QColor(colour) if colour else None
        return super().data(index, role)




def quantity(value: int, unit: str) -> str:
    return f"{value} {unit}" if value else "0"


def _stock_tint(row: stock.StockRow):
    if row.expired:
        return EXPIRED
    if row.low:
        return LOW
    return None


def _batch_tint(row: stock.BatchRow):
    days = row.days_left(today())
    if days is None:
        return None
    return EXPIRED if days < 0 else SOON if days <= stock.EXPIRING_DAYS else None


class StockTab(QWidget):
    watches = frozenset({"voucher", "reservation", "item", "item_value", "item_category",
                         "location", "stock_count", "donation"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.setObjectName("tab_stock")
        self._detail_item: int | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.load)

        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = _search_box("stockSearch", self.tr("Item name or pinyin initials"),
                                  lambda: self._search_timer.start(), self.load, 220)
        self.category_filter = _combo("stockCategory")
        self.location_filter = _combo("stockLocation")
        self.low_only = QCheckBox(self.tr("Below threshold only"))
        self.low_only.setObjectName("stockLowOnly")
        self.low_only.toggled.connect(lambda _on: self.load())
        filters.addWidget(self.search, 1)
        for box in (self.category_filter, self.location_filter):
            box.currentIndexChanged.connect(lambda _i: self.load())
            filters.addWidget(box)
        filters.addWidget(self.low_only)
        layout.addLayout(filters)

        layout.addLayout(self._buttons())
        self.summary = QLabel()
        self.summary.setObjectName("stockSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        columns = [
            Column(self.tr("Item"), lambda r: r.label),
            Column(self.tr("Category"), lambda r: r.category),
            Column(self.tr("Unit"), lambda r: r.unit),
            Column(self.tr("On hand"), lambda r: r.on_hand, align_right=True),
            Column(self.tr("Reserved"), lambda r: r.reserved or "", align_right=True),
            Column(self.tr("Available"), lambda r: r.available, align_right=True),
            Column(self.tr("Value (yuan)"), lambda r: self._value(r), align_right=True),
            Column(self.tr("Expiring in 30 days"), lambda r: r.expiring or "", align_right=True),
            Column(self.tr("Expired"), lambda r: r.expired or "", align_right=True),
            Column(self.tr("Next expiry"), lambda r: r.next_expiry or ""),
            Column(self.tr("Low-stock line"), lambda r: r.threshold or "", align_right=True),
            Column(self.tr("Packages still lack"), lambda r: r.shortfall or "",
                   align_right=True),
        ]
        self.model = TintedRowsModel(columns, _stock_tint, self)
        self.view = fitted_table(self.model, "stockTable")
        self.view.doubleClicked.connect(lambda index: self.show_item(index.row()))

        self.below = QTabWidget()
        self.below.setObjectName("stockBelow")
        batch_columns = [
            Column(self.tr("Item"), lambda r: r.label),
            Column(self.tr("Storeroom"), lambda r: r.location),
            Column(self.tr("Batch"), lambda r: r.batch_label),
            Column(self.tr("Received"), lambda r: r.received_on),
            Column(self.tr("Expiry"), lambda r: r.expires_on or ""),
            Column(self.tr("Days left"), lambda r: self._days_left(r), align_right=True),
            Column(self.tr("On hand"), lambda r: quantity(r.on_hand, r.unit), align_right=True),
        ]
        self.expiry_model = TintedRowsModel(batch_columns, _batch_tint, self)
        self.expiry_view = fitted_table(self.expiry_model, "expiryTable")
        self.below.addTab(self.expiry_view, self.tr("Expiring within 30 days or expired"))

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        self.detail_title = QLabel(self.tr("Double-click an item above to see its batches "
                                           "and reservations."))
        self.detail_title.setObjectName("stockDetailTitle")
        detail_layout.addWidget(self.detail_title)
        self.batch_model = TintedRowsModel(batch_columns, _batch_tint, self)
        self.batch_view = fitted_table(self.batch_model, "itemBatches")
        self.reservation_model = RowsTableModel(self._reservation_columns(), self)
        self.reservation_view = fitted_table(self.reservation_model, "itemReservations",
                                             stretch=0)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.batch_view)
        split.addWidget(self.reservation_view)
        detail_layout.addWidget(split)
        self.below.addTab(detail, self.tr("Item batches and reservations"))

        self.short_model = RowsTableModel(self._reservation_columns(), self)
        self.short_view = fitted_table(self.short_model, "shortfallTable", stretch=0)
        self.below.addTab(self.short_view, self.tr("What the reservations still lack"))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("stockSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    # --- layout pieces ------------------------------------------------------------------

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        can = self.actor.can
        self.receive_button = _button(self.tr("Receive donation…"), "receiveDonation",
                                      lambda: self.receive("donation"))
        self.receive_other_button = QPushButton(self.tr("Other goods in"))
        self.receive_other_button.setObjectName("receiveOther")
        menu = QMenu(self.receive_other_button)
        for kind in ("purchase", "transfer_in", "opening"):
            action = menu.addAction(label("voucher_kind", kind) + "…")
            action.setObjectName(f"receive_{kind}")
            action.triggered.connect(lambda _c=False, k=kind: self.receive(k))
        self.receive_other_button.setMenu(menu)
        self.give_button = _button(self.tr("Give out…"), "giveOut", self.give_out)
        self.scrap_button = _button(self.tr("Write off…"), "writeOff", self.write_off)
        self.count_button = _button(self.tr("Stock count…"), "stockCount", self.count)
        self.move_button = _button(self.tr("Move between storerooms…"), "moveStock", self.move)
        for widget, permission in ((self.receive_button, "inventory.receive"),
                                   (self.receive_other_button, "inventory.receive"),
                                   (self.give_button, "inventory.give"),
                                   (self.scrap_button, "inventory.give"),
                                   (self.count_button, "inventory.manage"),
                                   (self.move_button, "inventory.manage")):
            widget.setVisible(can(permission))
            row.addWidget(widget)
        row.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("stockCount")
        row.addWidget(self.count_label)
        return row

    def _reservation_columns(self) -> list[Column]:
        return [
            Column(self.tr("Item"), lambda r: r.label),
            Column(self.tr("For"), lambda r: f"{label('voucher_kind', r.target_kind)} "
                                             f"#{r.target_id}"),
            Column(self.tr("Wanted"), lambda r: r.wanted, align_right=True),
            Column(self.tr("Set aside"), lambda r: r.quantity, align_right=True),
            Column(self.tr("Given out"), lambda r: r.delivered, align_right=True),
            Column(self.tr("Still lacking"), lambda r: quantity(r.missing, r.unit),
                   align_right=True),
        ]

    @staticmethod
    def _value(row: stock.StockRow) -> str:
        text = yuan(row.value_fen) if row.value_fen or not row.unvalued else ""
        if row.unvalued:
            text = (text + " " if text else "") + f"(+{row.unvalued} {row.unit} —)"
        return text

    def _days_left(self, row: stock.BatchRow) -> str:
        days = row.days_left(today())
        if days is None:
            return ""
        return self.tr("expired %1 days ago").replace("%1", str(-days)) if days < 0 else str(days)

    # --- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the filters' choices and every list from the services."""
        _fill(self.category_filter, [(None, self.tr("All categories"))] + [
            (c.id, c.name) for c in inventory.item_categories(self.actor)])
        _fill(self.location_filter, [(None, self.tr("All storerooms"))] + [
            (loc.id, loc.name) for loc in inventory.locations(self.actor)])
        self.load()

    def load(self) -> None:
        self._search_timer.stop()
        location_id = self.location_filter.currentData()
        rows = stock.overview(self.actor, text=self.search.text(),
                              category_id=self.category_filter.currentData(),
                              location_id=location_id, only_low=self.low_only.isChecked(),
                              include_empty=True)
        self.model.set_rows(rows)
        expiring = stock.batches(self.actor, expiring_within=stock.EXPIRING_DAYS,
                                 location_id=location_id)
        self.expiry_model.set_rows(expiring)
        short = [r for r in stock.reservations(self.actor) if r.missing]
        self.short_model.set_rows(short)
        self._summarise(rows, expiring)
        if self._detail_item is not None:
            self._load_detail(self._detail_item)

    def _summarise(self, rows: list[stock.StockRow], expiring: list[stock.BatchRow]) -> None:
        on = today()
        expired = sum(1 for b in expiring if b.days_left(on) is not None and b.days_left(on) < 0)
        total = sum(r.value_fen for r in rows)
        low = sum(1 for r in rows if r.low)
        lacking = sum(1 for r in rows if r.shortfall)
        text = (self.tr("Stock value %1 yuan · %2 items below their low-stock line · "
                        "%3 batches expiring within 30 days · %4 batches expired")
                .replace("%1", yuan(total) or "0.00").replace("%2", str(low))
                .replace("%3", str(len(expiring) - expired)).replace("%4", str(expired)))
        if lacking:
            text += " · " + self.tr("items short for reservations: %1").replace(
                "%1", str(lacking))
        self.summary.setText(text)
        self.count_label.setText(self.tr("%1 items").replace("%1", str(len(rows))))

    def current_row(self) -> stock.StockRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def show_item(self, row_number: int) -> None:
        row = self.model.row_at(row_number)
        if row is None:
            return
        self._detail_item = row.item_id
        self._load_detail(row.item_id)
        self.below.setCurrentIndex(1)

    def _load_detail(self, item_id: int) -> None:
        batches = stock.batches(self.actor, item_id=item_id)
        reservations = stock.reservations(self.actor, item_id=item_id)
        rows = (self.model.row_at(i) for i in range(self.model.rowCount()))
        name = next((r.label for r in rows if r.item_id == item_id),
                    batches[0].label if batches else "")
        self.detail_title.setText(self.tr("%1: %2 batches on hand, %3 active reservations")
                                  .replace("%1", name).replace("%2", str(len(batches)))
                                  .replace("%3", str(len(reservations))))
        self.batch_model.set_rows(batches)
        self.reservation_model.set_rows(reservations)

    # --- actions ------------------------------------------------------------------------

    def _changed(self) -> None:
        """After a write: services announce it, but the tab reloads at once too."""
        self.load()

    def receive(self, kind: str) -> None:
        from ..dialogs.receive_goods import ReceiveGoodsDialog

        if ReceiveGoodsDialog.ask(self, self.context, kind=kind) is not None:
            self._changed()

    def give_out(self) -> None:
        from ..dialogs.give_out import GiveOutDialog

        row = self.current_row()
        if GiveOutDialog.ask(self, self.context,
                             item_id=row.item_id if row else None) is not None:
            self._changed()

    def write_off(self) -> None:
        from ..dialogs.give_out import GiveOutDialog

        row = self.current_row()
        kind = "expired" if row is not None and row.expired else "scrapped"
        if GiveOutDialog.ask(self, self.context, kind=kind,
                             item_id=row.item_id if row else None) is not None:
            self._changed()

    def count(self) -> None:
        from ..dialogs.stock_count import StockCountDialog

        if StockCountDialog.ask(self, self.context,
                                location_id=self.location_filter.currentData()) is not None:
            self._changed()

    def move(self) -> None:
        from ..dialogs.form_dialog import Field, FormDialog

        rooms = [(loc.id, loc.name) for loc in inventory.locations(self.actor)]
        if len(rooms) < 2:
            QMessageBox.information(self, self.tr("Move between storerooms"), self.tr(
                "There is only one storeroom: add another in the catalogue first."))
            return
        items = [(r.item_id, f"{r.label} ({r.on_hand} {r.unit})")
                 for r in stock.overview(self.actor, include_empty=False) if r.on_hand > 0]
        if not items:
            QMessageBox.information(self, self.tr("Move between storerooms"),
                                    self.tr("Nothing is in stock."))
            return
        current = self.current_row()
        fields = [
            Field("item", self.tr("Item"), "choice", items),
            Field("quantity", self.tr("Quantity"), "int", minimum=1),
            Field("from", self.tr("From storeroom"), "choice", rooms),
            Field("to", self.tr("To storeroom"), "choice", rooms),
            Field("reason", self.tr("Reason"), "text"),
        ]
        values = {"item": current.item_id if current else None, "quantity": 1,
                  "from": self.location_filter.currentData() or rooms[0][0], "to": rooms[1][0]}

        def save(v: dict) -> int:
            return stock.move(self.actor, today(), [stock.OutLine(v["item"], v["quantity"])],
                              v["from"], v["to"], v["reason"])

        if FormDialog.ask(self, self.tr("Move between storerooms"), fields, values,
                          save) is not None:
            self._changed()
