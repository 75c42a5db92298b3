"""A read-only table model over rows a service returned.

Columns say how to show a row; the rows are whatever the service gave (dataclasses,
peewee rows). Sorting and filtering of large tables belong in the service (SQL);
these lookup tables are small.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[object], object]
    align_right: bool = False
    muted: Callable[[object], bool] | None = None  # grey the row (e.g. inactive)


class RowsTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:  # a long text in a narrow column, read whole
            value = column.value(row)
            text = "" if value is None else str(value)
            return text if len(text) > 16 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.muted and column.muted(row):
            from PySide6.QtGui import QColor

            return QColor("#9e9e9e")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None


class ColourDelegate(QStyledItemDelegate):
    """Paints the model's BackgroundRole and ForegroundRole under the theme: qt-material's
    ``QTableView::item`` rule sets the text colour and would hide both. Every data table
    gets it through ``make_table``."""

    def paint(self, painter, option, index) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        if brush is not None:
            painter.fillRect(option.rect, brush)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        if colour is None:
            super().paint(painter, option, index)
            return
        # Let the style draw the cell without its text, then write the text in our colour.
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        text, options.text = options.text, ""
        style = options.widget.style() if options.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, options, options.widget)
        painter.save()
        painter.setPen(colour)
        painter.setFont(options.font)
        elided = options.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 4)
        painter.drawText(rect.adjusted(2, 0, -2, 0), int(options.displayAlignment), elided)
        painter.restore()


def make_table(model: QAbstractTableModel, name: str, *, multi: bool = False,
               fixed_row_height: int | None = None) -> QTableView:
    """A read-only, row-selecting table view over ``model``, themed colours kept.

    ``fixed_row_height``: the view never measures rows, so 100,000 of them cost nothing.
    """
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    if fixed_row_height is not None:
        view.setWordWrap(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(fixed_row_height)
    view.horizontalHeader().setStretchLastSection(True)
    view.setItemDelegate(ColourDelegate(view))
    return view
