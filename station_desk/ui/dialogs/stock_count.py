"""盘点: enter what was counted on the shelves against what the books say.

The sheet comes from ``stock.count_sheet`` (a row per item, per expiry date for goods that
expire) for one storeroom or all. Only the "counted" column is edited; a blank cell means
"not counted" and leaves the item alone. Saving calls ``stock.record_count`` with the counted
lines: each difference becomes an adjustment under one voucher with the reason. The sheet can
be printed first, to count on paper.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)

from ...core.clock import today
from ...core.services import inventory, stock
from .form_parts import SavingDialog, date_edit, date_of, form_layout

COUNTED = 4  # the editable column


class CountModel(QAbstractTableModel):
    """The count sheet with a counted figure per row (None: not counted)."""

    def __init__(self, titles: list[str], parent=None) -> None:
        super().__init__(parent)
        self.titles = titles
        self.rows: list[stock.CountSheetRow] = []
        self.counted: list[int | None] = []

    def set_rows(self, rows: list[stock.CountSheetRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.counted = [None] * len(self.rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COUNTED else base

    def difference(self, row: int) -> int | None:
        counted = self.counted[row]
        return None if counted is None else counted - self.rows[row].book

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            counted = self.counted[index.row()]
            difference = self.difference(index.row())
            values = (row.label, row.unit, str(row.expires_on or ""), str(row.book),
                      "" if counted is None else str(counted),
                      "" if difference is None else f"{difference:+d}" if difference else "0")
            return values[column] if role == Qt.ItemDataRole.DisplayRole or column != COUNTED \
                else ("" if counted is None else str(counted))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5:
            difference = self.difference(index.row())
            if difference:
                return QColor("#c62828" if difference < 0 else "#2e7d32")
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != COUNTED or role != Qt.ItemDataRole.EditRole:
            return False
        text = str(value).strip()
        if text == "":
            counted = None
        else:
            try:
                counted = int(text)
            except ValueError:
                return False
            if counted < 0:
                return False
        self.counted[index.row()] = counted
        self.dataChanged.emit(self.index(index.row(), COUNTED), self.index(index.row(), 5))
        return True

    def lines(self) -> list[stock.CountLine]:
        return [stock.CountLine(row.item_id, counted, row.expires_on)
                for row, counted in zip(self.rows, self.counted, strict=True)
                if counted is not None]


class StockCountDialog(SavingDialog):
    """Returns the count's id."""

    def __init__(self, parent, context, *, location_id: int | None = None) -> None:
        super().__init__(parent, context.lang, "stockCountDialog", self.tr("Stock count"))
        self.context = context
        self.actor = context.actor
        self.setMinimumSize(760, 560)
        form = form_layout()
        self.layout_.addLayout(form)
        self.location = QComboBox()
        self.location.setObjectName("countLocation")
        self.location.addItem(self.tr("All storerooms"), None)
        for room in inventory.locations(self.actor):
            self.location.addItem(room.name, room.id)
        self.location.setCurrentIndex(max(self.location.findData(location_id), 0))
        self.include_empty = QCheckBox(self.tr("Also list items with nothing on the books"))
        self.include_empty.setObjectName("countIncludeEmpty")
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(self.include_empty)
        form.addRow(self.tr("Storeroom"), where)
        self.counted_on = date_edit("countedOn", today())
        form.addRow(self.tr("Counted on"), self.errors.wrap("counted_on", self.counted_on))
        self.reason = QLineEdit()
        self.reason.setObjectName("countReason")
        self.reason.setPlaceholderText(self.tr("e.g. monthly count, November"))
        form.addRow(self.tr("Reason (required)"), self.errors.wrap("reason", self.reason))

        self.model = CountModel([self.tr("Item"), self.tr("Unit"), self.tr("Expiry"),
                                 self.tr("On the books"), self.tr("Counted"),
                                 self.tr("Difference")], self)
        self.view = QTableView()
        self.view.setObjectName("countTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.view, 1)
        self.model.dataChanged.connect(lambda *_a: self._summarise())
        self.summary = QLabel()
        self.summary.setObjectName("countSummary")
        tools = QHBoxLayout()
        tools.addWidget(self.summary, 1)
        self.print_button = QPushButton(self.tr("Print count sheet…"))
        self.print_button.setObjectName("printCountSheet")
        self.print_button.clicked.connect(self.print_sheet)
        tools.addWidget(self.print_button)
        self.layout_.addLayout(tools)
        self.finish(self.tr("Type the counted quantity; leave a row blank if it was not "
                            "counted. Only counted rows are saved."))
        self.location.currentIndexChanged.connect(lambda _i: self.load())
        self.include_empty.toggled.connect(lambda _on: self.load())
        self.counted_on.dateChanged.connect(lambda _d: self.load())
        self.load()

    def load(self) -> None:
        self.model.set_rows(stock.count_sheet(self.actor, location_id=self.location.currentData(),
                                              on=date_of(self.counted_on),
                                              include_empty=self.include_empty.isChecked()))
        self._summarise()

    def _summarise(self) -> None:
        lines = self.model.lines()
        differing = sum(1 for i in range(self.model.rowCount()) if self.model.difference(i))
        self.summary.setText(self.tr("%1 rows, %2 counted, %3 differ from the books")
                             .replace("%1", str(self.model.rowCount()))
                             .replace("%2", str(len(lines))).replace("%3", str(differing)))

    def save(self) -> int:
        return stock.record_count(self.actor, date_of(self.counted_on), self.model.lines(),
                                  self.reason.text(), location_id=self.location.currentData())

    def print_sheet(self) -> None:
        """The count sheet (盘点表) as a PDF, made in the background, then previewed."""
        import tempfile

        from .. import ops
        from .pdf_preview import preview_printout

        on = date_of(self.counted_on)
        out = Path(tempfile.mkdtemp(prefix="station-desk-")) / f"count-sheet-{on.isoformat()}.pdf"
        title = self.tr("Count sheet")
        where = self.location.currentText() if self.location.currentData() else ""
        operation = ops.run_operation(self, self.tr("Preparing the count sheet…"), make_sheet,
                                      list(self.model.rows), out, self.errors.lang, where, on,
                                      cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems, title))


def make_sheet(rows, out: Path, lang: str, location: str, on) -> list[tuple[str, str]]:
    """Write the count sheet; the (item, character) pairs no font can print."""
    from ...core.reports import count_sheet
    from ...core.reports.fonts import unprintable
    from ...core.services.station import get_station

    station = get_station()
    count_sheet.build(rows, out, lang=lang, station=station.name if station else "",
                      location=location, on=on)
    return unprintable((row.label, f"{row.label} {row.category} {row.unit}") for row in rows)
