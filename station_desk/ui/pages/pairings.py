"""结对帮扶: the pairs of helpers (a volunteer, a team, a partner unit) with households, when
each was last in touch and when the next contact is due; the pairs behind first, in colour.

New pairs, contacts (each one a visit on the household's file) and endings go through the
dialogs in ``dialogs/pairing_forms.py``; the list comes from ``pairings.list_pairings``.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout

from ...core import clock
from ...core.errors import StationError
from ...core.services import pairings
from ...messages import describe_error
from ..dialogs.pairing_forms import EndPairingDialog, LogContactDialog, NewPairingDialog
from ..labels import label
from ..models.table import Column, RowsTableModel
from .base import Page
from .parts import button as _button
from .parts import fitted_table as _table

PAIRING_TABLES = frozenset({"pairing", "pairing_contact", "visit", "household", "member",
                            "volunteer", "team", "village"})
BEHIND_BACKGROUND = QColor("#fff3cd")
RED = QColor("#c62828")


def today() -> _dt.date:
    """Today, from the core's clock (tests move it)."""
    return clock.today()


class PairingRowsModel(RowsTableModel):
    """The pairs: a pair behind its contact interval on an amber background, its days in red."""

    def __init__(self, columns, behind_column: int, parent=None) -> None:
        super().__init__(columns, parent)
        self._behind_column = behind_column
        self.on = today()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.behind_days(self.on) > 0:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return BEHIND_BACKGROUND
                if role == Qt.ItemDataRole.ForegroundRole and index.column() == self._behind_column:
                    return RED
        return super().data(index, role)


class PairingsPage(Page):
    name = "pairings"
    watches = PAIRING_TABLES

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("pairings.edit")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        filters = QHBoxLayout()
        self.behind_only = QCheckBox(self.tr("Behind only"))
        self.behind_only.setObjectName("pairingsBehindOnly")
        self.include_ended = QCheckBox(self.tr("Include ended pairs"))
        self.include_ended.setObjectName("pairingsIncludeEnded")
        for box in (self.behind_only, self.include_ended):
            box.toggled.connect(lambda _on: self.load())
            filters.addWidget(box)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("pairingsCount")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.new_button = _button(self.tr("New pairing…"), "newPairing", self.new_pairing)
        self.contact_button = _button(self.tr("Log contact…"), "logContact", self.log_contact)
        self.end_button = _button(self.tr("End pairing…"), "endPairing", self.end_pairing)
        for made in (self.new_button, self.contact_button, self.end_button):
            made.setVisible(self.can_edit)
            buttons.addWidget(made)
        self.file_button = _button(self.tr("Open the household's file"), "pairingHousehold",
                                   self.open_household)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Helper"), lambda r: f"{label('pairing_helper', r.helper_kind)}："
                                                f"{r.helper}"
                   + (f"（{r.contact_person}）" if r.contact_person else ""),
                   muted=lambda r: r.ended_on is not None),
            Column(self.tr("Household"), lambda r: (f"{r.head_name}（{r.member_name}）"
                                                    if r.member_name else r.head_name)),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Every"), lambda r: self.tr("%1 days").replace("%1", str(r.every_days)),
                   align_right=True),
            Column(self.tr("Started"), lambda r: r.started_on),
            Column(self.tr("Last contact"), lambda r: r.last_contact_on or self.tr("never")),
            Column(self.tr("Next due"), lambda r: r.due_on or (
                self.tr("ended %1").replace("%1", r.ended_on.isoformat()) if r.ended_on else "")),
            Column(self.tr("Behind"), self.behind_text, align_right=True),
            Column(self.tr("Contacts"), lambda r: r.contacts, align_right=True),
        ]
        self.model = PairingRowsModel(columns, 7, self)
        self.view = _table(self.model, "pairingsTable", stretch=0)
        self.view.doubleClicked.connect(lambda _i: self.log_contact())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("pairingsSummary")
        layout.addWidget(self.summary_label)
        self._selection_changed()

    def behind_text(self, row: pairings.PairingRow) -> str:
        days = row.behind_days(self.model.on)
        return self.tr("%1 days").replace("%1", str(days)) if days else ""

    def load(self) -> None:
        on = today()
        self.model.on = on
        chosen = self.current_row()
        try:
            rows = pairings.list_pairings(self.actor, behind_only=self.behind_only.isChecked(),
                                          include_ended=self.include_ended.isChecked(), on=on)
        except StationError as error:
            self.model.set_rows([])
            self.count_label.setText(describe_error(error, self.lang))
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 pairs").replace("%1", str(len(rows))))
        standing = [r for r in rows if r.ended_on is None]
        behind = sum(1 for r in standing if r.behind_days(on) > 0)
        self.summary_label.setText(self.tr("Standing pairs shown: %1 · behind: %2")
                                   .replace("%1", str(len(standing))).replace("%2", str(behind)))
        if chosen is not None:
            self.select_pairing(chosen.id)
        self._selection_changed()

    def current_row(self) -> pairings.PairingRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def select_pairing(self, pairing_id: int) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == pairing_id:
                self.view.selectRow(i)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.current_row()
        standing = row is not None and row.ended_on is None
        self.contact_button.setEnabled(standing)
        self.end_button.setEnabled(standing)
        self.file_button.setEnabled(row is not None)

    def _done(self, pairing_id: int | None) -> None:
        if pairing_id is None:
            return
        self.load()
        self.select_pairing(pairing_id)

    def new_pairing(self) -> None:
        self._done(NewPairingDialog.ask(self, self.actor, self.lang))

    def log_contact(self) -> None:
        row = self.current_row()
        if row is None or not self.can_edit:
            return
        if row.ended_on is not None:
            QMessageBox.information(self, self.tr("Log a contact"),
                                    self.tr("This pairing has ended."))
            return
        if LogContactDialog.ask(self, self.actor, row, self.lang) is not None:
            self._done(row.id)

    def end_pairing(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self._done(EndPairingDialog.ask(self, self.actor, row, self.lang))

    def open_household(self) -> None:
        """The pair's household on the households page: its visits show the pair's contacts."""
        row = self.current_row()
        window = self.window()
        if row is None or not hasattr(window, "page_names") or \
                "households" not in window.page_names():
            return
        window.show_page("households")
        window.page("households").open_household(row.household_id)

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        self.load()
