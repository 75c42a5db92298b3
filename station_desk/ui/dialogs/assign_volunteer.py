"""安排志愿者: pick a volunteer for a shift (or to take over someone's place on it).

Picking a volunteer asks the roster service what it would say: a clash, a full shift or an
inactive volunteer is shown in red and the OK button stays off; a missing skill is shown in
amber and the volunteer may still be put on. OK asks the service again (someone at another
PC may have changed the roster meanwhile); a refusal then stays in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...core.services import roster, volunteers
from ...messages import describe_error, text
from ..models.table import Column, RowsTableModel, make_table
from ..widgets import error_label

SEARCH_PAUSE_MS = 150


class AssignDialog(QDialog):
    def __init__(self, parent: QWidget | None, actor, cell: roster.Cell,
                 replacing: roster.Placed | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.cell = cell
        self.replacing = replacing
        self.result_value: roster.AssignResult | None = None
        self.setWindowTitle(self.tr("Replace a volunteer") if replacing
                            else self.tr("Put a volunteer on the shift"))
        self.setMinimumSize(560, 460)
        layout = QVBoxLayout(self)
        needs = self.tr("needs %1").replace("%1", cell.skill_name) if cell.skill_name else ""
        about = QLabel(f"{cell.day.isoformat()}  {cell.start_time}-{cell.end_time}  {cell.name}"
                       f"  {cell.assigned}/{cell.capacity}" + (f"  ({needs})" if needs else ""))
        about.setObjectName("subheading")
        layout.addWidget(about)
        if replacing is not None:
            layout.addWidget(QLabel(self.tr("Instead of %1").replace("%1", replacing.name)))
        self.search = QLineEdit()
        self.search.setObjectName("assignSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin initials or phone tail"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        layout.addWidget(self.search)
        columns = [Column(self.tr("Name"), lambda r: r.name),
                   Column(self.tr("Team"), lambda r: r.team_name),
                   Column(self.tr("Skills"), lambda r: r.skills)]
        self.model = RowsTableModel(columns, self)
        self.view = make_table(self.model, "assignVolunteers")
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._picked())
        self.view.doubleClicked.connect(lambda _i: self._on_ok())
        layout.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setObjectName("assignNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #e65100;")
        self.note.hide()
        layout.addWidget(self.note)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Replace") if replacing else self.tr("Put on shift"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        self._timer.stop()
        on_shift = {p.volunteer_id for p in self.cell.people}
        rows = [r for r in volunteers.list_volunteers(
            self.actor, volunteers.VolunteerQuery(text=self.search.text(), status="active"))
            if r.id not in on_shift]
        self.model.set_rows(rows)
        self._picked()

    def current(self) -> volunteers.VolunteerRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _show(self, refusal: str = "", warnings: list[roster.RosterWarning] = ()) -> None:
        self.error_label.setText(refusal)
        self.error_label.setVisible(bool(refusal))
        self.note.setText("\n".join(text(w.code, **w.params) for w in warnings))
        self.note.setVisible(bool(warnings))

    def _picked(self) -> None:
        row = self.current()
        self.ok.setEnabled(row is not None)
        if row is None:
            self._show()
            return
        try:
            warnings = roster.check_assignment(
                self.actor, self.cell.shift_id, row.id,
                self.replacing.assignment_id if self.replacing else None)
        except StationError as error:
            self.ok.setEnabled(False)
            self._show(describe_error(error))
            return
        self._show(warnings=warnings)

    def _on_ok(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            if self.replacing is not None:
                self.result_value = roster.replace(self.actor, self.replacing.assignment_id, row.id)
            else:
                self.result_value = roster.assign(self.actor, self.cell.shift_id, row.id)
        except StationError as error:
            self._show(describe_error(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, actor, cell: roster.Cell,
            replacing: roster.Placed | None = None) -> roster.AssignResult | None:
        """Pick a volunteer and put them on ``cell``'s shift (or in ``replacing``'s place);
        returns the service's result, or None when cancelled."""
        dialog = cls(parent, actor, cell, replacing)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None

