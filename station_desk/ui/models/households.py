"""Table models for households on file: the registry list (ids, rows fetched lazily), and the
words shown for its dates and columns (the words for stored codes are in ``ui/labels.py``).

The list model holds only the ordered ids that ``households.find_household_ids`` returned
(filtering and sorting happen in SQL) and asks ``households.household_rows`` for display rows
in blocks of ``BLOCK`` as the view paints them, so 125,800 households cost one id query and
one block per screenful, never a query per row or a load of everything.
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ...core.roles import Actor
from ...core.services import households
from ..labels import label

BLOCK = 200  # rows fetched at a time
KEEP_BLOCKS = 64  # blocks kept in memory (12,800 rows); the oldest read is dropped first

OVERDUE_BACKGROUND = QColor("#fff3e0")
OVERDUE_TEXT = QColor("#bf360c")
MUTED_TEXT = QColor("#9e9e9e")


# Words are looked up with literal QCoreApplication.translate("HouseholdLabels", ...) calls:
# lupdate finds only those (not an alias or a wrapper).


# --- words for dates -------------------------------------------------------------------------


def day(value: _dt.date | None) -> str:
    return value.isoformat() if value else ""


def due_text(due_on: _dt.date | None, today: _dt.date) -> str:
    """The next visit's date, with how late it is when it is past."""
    if due_on is None:
        return ""
    late = (today - due_on).days
    if late > 0:
        return (QCoreApplication.translate("HouseholdLabels", "%1, late by %2 d")
                .replace("%1", due_on.isoformat()).replace("%2", str(late)))
    if late == 0:
        return QCoreApplication.translate("HouseholdLabels", "%1 (today)").replace("%1", due_on.isoformat())
    return due_on.isoformat()


def overdue_text(days: int) -> str:
    return QCoreApplication.translate("HouseholdLabels", "Due today") if days <= 0 else QCoreApplication.translate("HouseholdLabels", "%1 days").replace("%1", str(days))


# --- the registry list -----------------------------------------------------------------------

# (key, sort key or None): the columns of the household list, in order.
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("head_name", "head_name"),
    ("village", "village"),
    ("address", None),
    ("phone", None),
    ("categories", None),
    ("tier", "tier"),
    ("social_worker", "social_worker"),
    ("last_visit_on", "last_visit_on"),
    ("due_on", "due_on"),
    ("status", "status"),
)
assert all(sort in households.SORT_KEYS for _, sort in COLUMNS if sort)


def column_title(key: str) -> str:
    return {
        "head_name": QCoreApplication.translate("HouseholdLabels", "Head"),
        "village": QCoreApplication.translate("HouseholdLabels", "Village"),
        "address": QCoreApplication.translate("HouseholdLabels", "Address"),
        "phone": QCoreApplication.translate("HouseholdLabels", "Phone"),
        "categories": QCoreApplication.translate("HouseholdLabels", "Categories"),
        "tier": QCoreApplication.translate("HouseholdLabels", "Tier"),
        "social_worker": QCoreApplication.translate("HouseholdLabels", "Worker"),
        "last_visit_on": QCoreApplication.translate("HouseholdLabels", "Last visit"),
        "due_on": QCoreApplication.translate("HouseholdLabels", "Next visit"),
        "status": QCoreApplication.translate("HouseholdLabels", "Status"),
    }[key]


class HouseholdTableModel(QAbstractTableModel):
    """The household list: ordered ids, display rows fetched ``BLOCK`` at a time."""

    def __init__(self, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.today = households.today()
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._blocks: OrderedDict[int, list[households.HouseholdRow | None]] = OrderedDict()
        self.fetches = 0  # how many blocks were read (tests and the benchmark look)

    # ids ------------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], today: _dt.date | None = None) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = {hid: row for row, hid in enumerate(self._ids)}
        self._blocks.clear()
        self.today = today or households.today()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, household_id: int) -> int | None:
        return self._row_of.get(household_id)

    def reload_rows(self) -> None:
        """Forget the fetched rows (their data changed); the view reads them again."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # rows -----------------------------------------------------------------------------

    def row_at(self, row: int) -> households.HouseholdRow | None:
        if not 0 <= row < len(self._ids):
            return None
        block = row // BLOCK
        rows = self._blocks.get(block)
        if rows is None:
            rows = self._fetch(block)
        else:
            self._blocks.move_to_end(block)
        return rows[row - block * BLOCK]

    def _fetch(self, block: int) -> list[households.HouseholdRow | None]:
        ids = self._ids[block * BLOCK:(block + 1) * BLOCK]
        by_id = {r.id: r for r in households.household_rows(self.actor, ids)}
        rows = [by_id.get(i) for i in ids]  # None: removed since the ids were read
        self.fetches += 1
        self._blocks[block] = rows
        while len(self._blocks) > KEEP_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    # Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def display(self, row: households.HouseholdRow, key: str) -> str:
        if key == "head_name":
            return row.head_name
        if key == "village":
            return row.village_name
        if key == "address":
            return row.address
        if key == "phone":
            return row.phone
        if key == "categories":
            return row.categories
        if key == "tier":
            return row.tier_name
        if key == "social_worker":
            return row.social_worker_name
        if key == "last_visit_on":
            return day(row.last_visit_on) or QCoreApplication.translate("HouseholdLabels", "never")
        if key == "due_on":
            return due_text(row.due_on, self.today) if row.status == "active" else ""
        return label("household_status", row.status)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        overdue = row.status == "active" and row.days_overdue(self.today) > 0
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, key) if key in ("address", "categories") else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_BACKGROUND if overdue else None
        if row.status != "active":
            return MUTED_TEXT
        if overdue and key == "due_on":
            return OVERDUE_TEXT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(COLUMNS[section][0])
        return None
