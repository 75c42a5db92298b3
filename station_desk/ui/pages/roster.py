"""排班: the week's roster as a grid, and the list of shifts still short of people.

Rows are shift patterns (name and time window), columns Monday to Sunday; a cell says
"assigned/places" and who is on it, tinted green when full and amber while places are open.
Every change goes through ``core.services.roster``, whose checks (clash, capacity, skill)
the dialogs show in the user's language.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.errors import StationError
from ...core.services import roster, volunteers
from ...messages import describe_error, text
from ..dialogs import shift_form
from ..dialogs.assign_volunteer import AssignDialog
from ..models.table import ColourDelegate, Column, RowsTableModel, make_table
from ..widgets import heading
from .base import Page

FULL = QColor("#c8e6c9")  # green: every place taken
OPEN = QColor("#ffe0b2")  # amber: places still open
NAMES_SHOWN = 6


def weekday_name(day: _dt.date) -> str:
    return WeekModel.tr_day(day.weekday())


class WeekModel(QAbstractTableModel):
    """The week view: a row per shift pattern, a column per day."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view: roster.WeekView | None = None

    @staticmethod
    def tr_day(index: int) -> str:
        names = (QCoreApplication.translate("RosterPage", "Mon"),
                 QCoreApplication.translate("RosterPage", "Tue"),
                 QCoreApplication.translate("RosterPage", "Wed"),
                 QCoreApplication.translate("RosterPage", "Thu"),
                 QCoreApplication.translate("RosterPage", "Fri"),
                 QCoreApplication.translate("RosterPage", "Sat"),
                 QCoreApplication.translate("RosterPage", "Sun"))
        return names[index]

    def set_week(self, view: roster.WeekView) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def cell(self, index: QModelIndex) -> roster.Cell | None:
        if self.view is None or not index.isValid():
            return None
        return self.view.rows[index.row()].cells[index.column()]

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt API)
        if self.view is None or (parent is not None and parent.isValid()):
            return 0
        return len(self.view.rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else 7

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # a big activity may have forty people: the cell names a few, the tooltip all
            names = "、".join(p.name for p in cell.people[:NAMES_SHOWN])
            if cell.assigned > NAMES_SHOWN:
                names += self.tr(" and %1 more").replace("%1", str(cell.assigned - NAMES_SHOWN))
            return f"{cell.assigned}/{cell.capacity}" + (f"\n{names}" if names else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return FULL if cell.full else OPEN
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{cell.name} {cell.start_time}-{cell.end_time}", cell.place,
                     self.tr("Needs: %1").replace("%1", cell.skill_name) if cell.skill_name else "",
                     "、".join(p.name for p in cell.people)]
            return "\n".join(line for line in lines if line)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or self.view is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.view.days[section]
            return f"{self.tr_day(section)} {day.month}/{day.day}"
        row = self.view.rows[section]
        return f"{row.name}\n{row.start_time}-{row.end_time}"


class RosterPage(Page):
    name = "roster"
    watches = frozenset({"shift", "shift_template", "assignment", "volunteer"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.can_edit = self.actor.can("volunteers.edit")
        self.monday = roster.monday_of(today())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Roster")))
        top.addStretch(1)
        self.prev_button = self._button(self.tr("Previous week"), "prevWeek",
                                        lambda: self.go(-7))
        self.this_button = self._button(self.tr("This week"), "thisWeek", self.go_today)
        self.next_button = self._button(self.tr("Next week"), "nextWeek", lambda: self.go(7))
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        for widget in (self.prev_button, self.this_button, self.next_button, self.week_label):
            top.addWidget(widget)
        layout.addLayout(top)

        buttons = QHBoxLayout()
        self.assign_button = self._button(self.tr("Put a volunteer on"), "assignVolunteer",
                                          lambda: self._with_cell(self.assign))
        self.cancel_button = self._button(self.tr("Take off"), "cancelAssignment",
                                          lambda: self._with_cell(self.cancel))
        self.confirm_button = self._button(self.tr("Confirm"), "confirmAssignment",
                                           lambda: self._with_cell(self.confirm))
        self.swap_button = self._button(self.tr("Swap"), "swapAssignment",
                                        lambda: self._with_cell(self.swap))
        self.replace_button = self._button(self.tr("Replace"), "replaceAssignment",
                                           lambda: self._with_cell(self.replace))
        self.delete_button = self._button(self.tr("Delete shift"), "deleteShift",
                                          lambda: self._with_cell(self.delete_shift))
        self.cell_buttons = [self.assign_button, self.cancel_button, self.confirm_button,
                             self.swap_button, self.replace_button, self.delete_button]
        self.generate_button = self._button(self.tr("Generate weeks"), "generateSeries",
                                            self.generate)
        self.copy_button = self._button(self.tr("Copy last week"), "copyWeek", self.copy_last_week)
        self.shift_button = self._button(self.tr("New shift"), "addShift", self.add_shift)
        self.template_button = self._button(self.tr("New shift template"), "addTemplate",
                                            self.add_template)
        for button in (*self.cell_buttons, self.generate_button, self.copy_button,
                       self.shift_button, self.template_button):
            button.setVisible(self.can_edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Printouts only read: whoever may see the roster may print it.
        self.print_roster_button = self._button(self.tr("Print roster"), "printRoster",
                                                self.print_roster)
        self.print_sign_in_button = self._button(self.tr("Print sign-in sheet"), "printSignIn",
                                                 self.print_sign_in_sheet)
        buttons.addWidget(self.print_roster_button)
        buttons.addWidget(self.print_sign_in_button)
        layout.addLayout(buttons)

        self.model = WeekModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("rosterGrid")
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(ColourDelegate(self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.doubleClicked.connect(lambda _i: self._with_cell(self.assign))
        self.grid.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())

        gaps = QWidget()
        gaps_layout = QVBoxLayout(gaps)
        gaps_layout.setContentsMargins(0, 0, 0, 0)
        self.gaps_label = QLabel()
        self.gaps_label.setObjectName("subheading")
        gaps_layout.addWidget(self.gaps_label)
        self.gaps_model = RowsTableModel([
            Column(self.tr("Date"), lambda c: f"{c.day.isoformat()} {weekday_name(c.day)}"),
            Column(self.tr("Time"), lambda c: f"{c.start_time}-{c.end_time}"),
            Column(self.tr("Shift"), lambda c: c.name),
            Column(self.tr("On / places"), lambda c: f"{c.assigned}/{c.capacity}"),
            Column(self.tr("Place"), lambda c: c.place),
        ], self)
        self.gaps = make_table(self.gaps_model, "unfilledTable")
        self.gaps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.gaps.doubleClicked.connect(lambda index: self.show_cell(
            self.gaps_model.row_at(index.row())))
        gaps_layout.addWidget(self.gaps)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(gaps)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._selection_changed()

    @staticmethod
    def _button(caption: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(caption)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- loading -------------------------------------------------------------------------

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        selected = self.current_cell()
        self.model.set_week(roster.week(self.actor, self.monday))
        sunday = self.monday + _dt.timedelta(days=6)
        self.week_label.setText(f"{self.monday.isoformat()} – {sunday.isoformat()}")
        gaps = roster.unfilled(self.actor, self.monday, sunday)
        self.gaps_model.set_rows(gaps)
        self.gaps_label.setText(self.tr("Short of people: %1").replace("%1", str(len(gaps))))
        if selected is not None:
            self.select_shift(selected.shift_id)
        self._selection_changed()

    def go(self, days: int) -> None:
        self.monday += _dt.timedelta(days=days)
        self.refresh()

    def go_today(self) -> None:
        self.monday = roster.monday_of(today())
        self.refresh()

    def current_cell(self) -> roster.Cell | None:
        if not self.grid.selectionModel().hasSelection():
            return None
        return self.model.cell(self.grid.currentIndex())

    def select_shift(self, shift_id: int) -> bool:
        view = self.model.view
        for r, row in enumerate(view.rows if view else ()):
            for c, cell in enumerate(row.cells):
                if cell is not None and cell.shift_id == shift_id:
                    self.grid.setCurrentIndex(self.model.index(r, c))
                    return True
        return False

    def show_cell(self, cell: roster.Cell | None) -> None:
        if cell is not None:
            self.select_shift(cell.shift_id)

    def _selection_changed(self) -> None:
        cell = self.current_cell()
        has_people = cell is not None and bool(cell.people)
        self.assign_button.setEnabled(cell is not None and not cell.full)
        self.delete_button.setEnabled(cell is not None)
        for button in (self.cancel_button, self.confirm_button, self.swap_button,
                       self.replace_button):
            button.setEnabled(has_people)

    def _print_path(self, name: str):
        import tempfile
        from pathlib import Path

        if getattr(self, "_print_dir", None) is None:
            # One folder for this page's printouts, removed with the page.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        return Path(self._print_dir.name) / name

    def _print(self, caption: str, title: str, out, build) -> None:
        """Build the PDF in the background (``build`` returns the font problems), preview it."""
        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        operation = ops.run_operation(self, caption, build, cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems, title))

    def print_roster(self) -> None:
        """志愿者排班表 of the week on screen (A4 landscape)."""
        from ...core.reports import roster_sheet

        actor, lang, monday = self.actor, self.context.lang, self.monday
        out = self._print_path(f"roster-{monday.isoformat()}.pdf")

        def build():
            data = roster_sheet.gather(actor, monday)
            roster_sheet.build(data, out, lang=lang)
            return roster_sheet.check(data)

        self._print(self.tr("Preparing the roster…"), self.tr("Roster"), out, build)

    def print_sign_in_sheet(self) -> None:
        """志愿者签到表 for the chosen cell's day, or for its shift alone (asked); with no
        cell chosen, for today when this week is on screen, else the week's Monday."""
        from ...core.reports import sign_in_sheet

        cell = self.current_cell()
        shift_id = None
        if cell is not None:
            day = cell.day
            whole = self.tr("Everyone on %1").replace("%1", day.isoformat())
            only = self.tr("Only %1 %2-%3").replace("%1", cell.name).replace(
                "%2", cell.start_time).replace("%3", cell.end_time)
            chosen, ok = QInputDialog.getItem(self, self.tr("Print sign-in sheet"),
                                              self.tr("Sign-in sheet for"), [whole, only], 0, False)
            if not ok:
                return
            shift_id = cell.shift_id if chosen == only else None
        else:
            day = today() if roster.monday_of(today()) == self.monday else self.monday
        actor, lang = self.actor, self.context.lang
        out = self._print_path(f"sign-in-{day.isoformat()}-{shift_id or 'day'}.pdf")

        def build():
            data = sign_in_sheet.gather(actor, day, shift_id)
            sign_in_sheet.build(data, out, lang=lang)
            return sign_in_sheet.check(data)

        self._print(self.tr("Preparing the sign-in sheet…"), self.tr("Sign-in sheet"), out, build)

    def _with_cell(self, handler: Callable[[roster.Cell], None]) -> None:
        cell = self.current_cell()
        if cell is not None and self.can_edit:
            handler(cell)

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(error))

    def _warn(self, warnings: list[roster.RosterWarning]) -> None:
        if warnings:
            QMessageBox.information(self, self.tr("Please note"),
                                    "\n".join(text(w.code, **w.params) for w in warnings))

    def _pick(self, title: str, choices: list[tuple[str, object]]):
        """One of ``choices`` (label, value): asked only when there are several."""
        if len(choices) == 1:
            return choices[0][1]
        labels = [label for label, _v in choices]
        chosen, ok = QInputDialog.getItem(self, title, title, labels, 0, False)
        return dict(choices).get(chosen) if ok else None

    def _person(self, cell: roster.Cell, title: str) -> roster.Placed | None:
        return self._pick(title, [(p.name, p) for p in cell.people])

    # --- changes -------------------------------------------------------------------------

    def assign(self, cell: roster.Cell) -> None:
        if AssignDialog.ask(self, self.actor, cell) is not None:
            self.refresh()

    def replace(self, cell: roster.Cell) -> None:
        person = self._person(cell, self.tr("Whose place?"))
        if person is not None and AssignDialog.ask(self, self.actor, cell, person) is not None:
            self.refresh()

    def cancel(self, cell: roster.Cell) -> None:
        person = self._person(cell, self.tr("Take whom off the shift?"))
        if person is None:
            return
        question = self.tr("Take %1 off %2 on %3?").replace("%1", person.name).replace(
            "%2", cell.name).replace("%3", cell.day.isoformat())
        if QMessageBox.question(self, self.tr("Take off"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            roster.cancel_assignment(self.actor, person.assignment_id)
        except StationError as error:
            self._refused(error)
        self.refresh()

    def confirm(self, cell: roster.Cell) -> None:
        """The volunteer said they will come: planned → confirmed."""
        person = self._person(cell, self.tr("Who confirmed?"))
        if person is None:
            return
        try:
            roster.confirm_assignment(self.actor, person.assignment_id)
        except StationError as error:
            self._refused(error)
        self.refresh()

    def swap(self, cell: roster.Cell) -> None:
        person = self._person(cell, self.tr("Who swaps?"))
        if person is None:
            return
        others = [(f"{weekday_name(c.day)} {c.day.month}/{c.day.day} {c.start_time} {c.name} · "
                   f"{p.name}", p) for c, p in roster.week_assignments(self.model.view)
                  if c.shift_id != cell.shift_id and p.volunteer_id != person.volunteer_id]
        if not others:
            QMessageBox.information(self, self.tr("Swap"),
                                    self.tr("Nobody else is on a shift this week."))
            return
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Swap"), self.tr("Swap %1 with").replace("%1", person.name),
            [label for label, _p in others], 0, False)
        other = dict(others).get(chosen) if ok else None
        if other is None:
            return
        try:
            self._warn(roster.swap(self.actor, person.assignment_id, other.assignment_id))
        except StationError as error:
            self._refused(error)
        self.refresh()

    def delete_shift(self, cell: roster.Cell) -> None:
        question = self.tr("Delete %1 on %2?").replace("%1", cell.name).replace(
            "%2", cell.day.isoformat())
        if cell.people:
            question += "\n" + self.tr("%1 are on it.").replace(
                "%1", "、".join(p.name for p in cell.people))
        if QMessageBox.question(self, self.tr("Delete shift"), question) != \
                QMessageBox.StandardButton.Yes:
            return
        try:
            roster.delete_shift(self.actor, cell.shift_id)
        except StationError as error:
            self._refused(error)
        self.refresh()

    def _skills(self) -> list[tuple[int, str]]:
        return [(s.id, s.name) for s in volunteers.list_skills(self.actor, include_inactive=False)]

    def add_template(self) -> None:
        if shift_form.ask_template(self, self.actor, self._skills()) is not None:
            self.generate()

    def add_shift(self) -> None:
        cell = self.current_cell()
        day = cell.day if cell is not None else self.monday
        shift = shift_form.ask_shift(self, self.actor, self._skills(), day)
        if shift is not None:
            if roster.monday_of(shift.day) != self.monday:
                self.monday = roster.monday_of(shift.day)
            self.refresh()
            self.select_shift(shift.id)

    def generate(self) -> None:
        templates = roster.list_templates(self.actor)
        if not templates:
            QMessageBox.information(self, self.tr("Generate weeks"),
                                    self.tr("Add a shift template first."))
            return
        made = shift_form.ask_series(self, self.actor, templates, self.monday)
        if made is not None:
            self.refresh()
            QMessageBox.information(self, self.tr("Generate weeks"),
                                    self.tr("%1 shifts added.").replace("%1", str(made)))

    def copy_last_week(self) -> None:
        source = self.monday - _dt.timedelta(days=7)
        question = self.tr("Copy the shifts and people of the week of %1 to this week?").replace(
            "%1", source.isoformat())
        if QMessageBox.question(self, self.tr("Copy last week"), question) != \
                QMessageBox.StandardButton.Yes:
            return
        try:
            result = roster.copy_week(self.actor, source, self.monday)
        except StationError as error:
            self._refused(error)
            return
        self.refresh()
        lines = [self.tr("%1 shifts and %2 assignments copied.").replace(
            "%1", str(result.shifts)).replace("%2", str(result.assignments))]
        if result.skipped:
            lines.append(self.tr("Not copied:"))
            lines += [f"{s.day.isoformat()} {s.shift} {s.name}: {text(s.code, **s.params)}"
                      for s in result.skipped]
        QMessageBox.information(self, self.tr("Copy last week"), "\n".join(lines))
