"""A household picked from the registry: a search box (head's name, pinyin initials, ID number
or phone tail) over the household list's own search, the matches in a small table, the chosen
household's name and, when asked for, a choice of one of its members.

Used by the forms that put a household on something (an activity's sign-ups, a pairing, a
wish). ``picked`` is emitted with the household's id; ``member_id()`` is the chosen member or
None for the whole household.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHeaderView, QLabel, QLineEdit, QWidget

from ...core.roles import Actor
from ...core.services import households
from ..models.table import Column, RowsTableModel, make_table

SEARCH_PAUSE_MS = 200
MATCHES = 30


class HouseholdPicker(QWidget):
    picked = Signal(int)

    def __init__(self, actor: Actor, parent: QWidget | None = None, *,
                 with_member: bool = False, member_label: str = "", also: str = "",
                 chosen_text: str = "") -> None:
        """``also``: a fourth column, "categories" or "social_worker"; ``chosen_text``: how the
        choice reads, with %1 the head's name and %2 the village (default "%1, %2")."""
        super().__init__(parent)
        self.setObjectName("householdPicker")
        self.actor = actor
        self.household_id: int | None = None
        self.head_name = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.find)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("householdSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Head's name, pinyin initials, ID or phone tail"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.find)
        columns = [
            Column(self.tr("Head of household"), lambda r: r.head_name),
            Column(self.tr("Village"), lambda r: r.village_name),
            Column(self.tr("Address"), lambda r: r.address),
        ]
        if also == "categories":
            columns.append(Column(self.tr("Categories"), lambda r: r.categories))
        elif also == "social_worker":
            columns.append(Column(self.tr("Social worker"), lambda r: r.social_worker_name))
        self.chosen_text = chosen_text or self.tr("%1, %2")
        self.model = RowsTableModel(columns, self)
        self.view = make_table(self.model, "householdMatches")
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumHeight(120)
        self.view.setMaximumHeight(160)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._picked())
        self.chosen = QLabel()
        self.chosen.setObjectName("householdChosen")
        grid.addWidget(self.search, 0, 0, 1, 2)
        grid.addWidget(self.view, 1, 0, 1, 2)
        grid.addWidget(self.chosen, 2, 0)
        self.member: QComboBox | None = None
        if with_member:
            self.member = QComboBox()
            self.member.setObjectName("householdMember")
            self.member.setToolTip(member_label)
            grid.addWidget(self.member, 2, 1)

    def find(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if not text or not self.actor.can("households.view"):
            self.model.set_rows([])
            return
        ids = households.find_household_ids(self.actor, households.HouseholdQuery(text=text))
        self.model.set_rows(households.household_rows(self.actor, ids[:MATCHES]))
        if self.model.rowCount() == 1:
            self.view.selectRow(0)

    def _picked(self) -> None:
        if not self.view.selectionModel().hasSelection():
            return
        row = self.model.row_at(self.view.currentIndex().row())
        if row is not None:
            self.set_household(row.id)

    def use_household(self, household_id: int) -> None:
        """A given household: no search, just its name."""
        self.search.hide()
        self.view.hide()
        self.set_household(household_id)

    def set_household(self, household_id: int) -> None:
        detail = households.get_household(self.actor, household_id)
        self.household_id, self.head_name = detail.id, detail.head_name
        self.chosen.setText(self.chosen_text.replace("%1", detail.head_name)
                            .replace("%2", detail.village_name))
        if self.member is not None:
            self.member.clear()
            self.member.addItem(self.tr("The whole household"), None)
            for member in detail.members:
                if member.status == "active":
                    self.member.addItem(f"{member.name}（{member.relation}）" if member.relation
                                        else member.name, member.id)
        self.picked.emit(detail.id)

    def member_id(self) -> int | None:
        return self.member.currentData() if self.member is not None else None

    def clear(self) -> None:
        """Ready for the next one (a sign-up list adds several in a row)."""
        self.household_id, self.head_name = None, ""
        self.chosen.clear()
        self.search.clear()
        self.model.set_rows([])
        if self.member is not None:
            self.member.clear()
