"""考勤与时长: the attendance ledger as staff read and correct it, and service hours.

One date range (today by default; 今天 / 本周 / 本月) above three tabs:
- 签到记录: every visit in the range (a volunteer search narrows it), its status and hours,
  coloured by status; 更正… (for a 补登 row it confirms), 作废…, 录入纸质签到…, and a
  "待确认 N 条" switch showing only the 补登 rows staff still have to confirm;
- 缺席与临时到站: who was assigned and never came (per shift), and who came unassigned;
- 服务时长: person-times, hours and what is waiting for confirmation, per volunteer, team or
  month.

Everything comes from ``core.services.attendance``; only the tab on show is loaded.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.services import attendance, volunteers
from ..dialogs.attendance_forms import CorrectionDialog, PaperEntryDialog, VoidDialog
from ..dialogs.form_parts import date_of, qdate
from ..models.table import Column, RowsTableModel, make_table
from .base import Page
from .parts import button as _button
from .parts import search_box as _search_box

SEARCH_PAUSE_MS = 150

# status -> (background, text colour); normal rows keep the theme's colours
STATUS_COLOURS = {
    "late": ("#fff3e0", "#e65100"),
    "early": ("#fff3e0", "#e65100"),
    "late_early": ("#ffe0b2", "#bf360c"),
    "pending": ("#fff8c4", "#8d6e00"),
    "open": ("#e3f2fd", "#0d47a1"),
    "void": (None, "#9e9e9e"),
}


class VisitsModel(RowsTableModel):
    """Visits, each row tinted by its status (painted by make_table's ColourDelegate)."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = STATUS_COLOURS.get(self.row_at(index.row()).status)
            if colours is None:
                return None
            colour = colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
            return QColor(colour) if colour else None
        return super().data(index, role)


def _table(model: RowsTableModel, name: str, stretch: int = 0) -> QTableView:
    """Columns as wide as their contents; column ``stretch`` takes the rest."""
    view = make_table(model, name, fixed_row_height=30)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def _hours(value: float) -> str:
    return f"{value:.2f}"


def _clock(moment: _dt.datetime | None, day: _dt.date) -> str:
    if moment is None:
        return ""
    return moment.strftime("%H:%M") if moment.date() == day else moment.strftime("%m-%d %H:%M")


class AttendancePage(Page):
    name = "attendance"
    watches = frozenset({"attendance_event", "volunteer", "team", "shift", "assignment"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.lang = context.lang
        self.can_correct = self.actor.can("attendance.correct")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.load_visits)
        self._loaded: set[int] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(self._range_bar())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("attendanceTabs")
        self.tabs.addTab(self._visits_tab(), self.tr("Sign-ins"))
        self.tabs.addTab(self._absence_tab(), self.tr("No-shows and walk-ins"))
        self.tabs.addTab(self._hours_tab(), self.tr("Service hours"))
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        layout.addWidget(self.tabs)

    # --- words --------------------------------------------------------------------------

    def status_name(self, status: str) -> str:
        return {
            "normal": self.tr("Normal"), "late": self.tr("Late"), "early": self.tr("Left early"),
            "late_early": self.tr("Late, left early"), "pending": self.tr("Pending"),
            "open": self.tr("Not signed out"), "void": self.tr("Void"),
        }.get(status, status)

    def source_name(self, source: str) -> str:
        return {"kiosk": self.tr("Kiosk"), "staff": self.tr("Staff"),
                "paper": self.tr("Paper sheet")}.get(source, source)

    def shift_name(self, visit: attendance.VisitRow) -> str:
        if visit.shift is None:
            return self.tr("Walk-in")
        return f"{visit.shift.name} {visit.shift.start_time}–{visit.shift.end_time}"

    # --- the range ----------------------------------------------------------------------

    def _range_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.start_edit = self._date("rangeStart")
        self.end_edit = self._date("rangeEnd")
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.end_edit)
        for text, name, span in ((self.tr("Today"), "rangeToday", "day"),
                                 (self.tr("This week"), "rangeWeek", "week"),
                                 (self.tr("This month"), "rangeMonth", "month")):
            bar.addWidget(_button(text, name, lambda s=span: self.set_span(s)))
        bar.addStretch(1)
        self.set_range(today(), today(), load=False)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(lambda _d: self._range_changed())
        return bar

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def date_range(self) -> tuple[_dt.date, _dt.date]:
        start, end = date_of(self.start_edit), date_of(self.end_edit)
        return (start, end) if start <= end else (end, start)

    def set_range(self, start: _dt.date, end: _dt.date, load: bool = True) -> None:
        for edit, value in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        if load:
            self._range_changed()

    def set_span(self, span: str) -> None:
        day = today()
        if span == "week":
            start = day - _dt.timedelta(days=day.weekday())
            self.set_range(start, start + _dt.timedelta(days=6))
        elif span == "month":
            start = day.replace(day=1)
            following = (start + _dt.timedelta(days=32)).replace(day=1)
            self.set_range(start, following - _dt.timedelta(days=1))
        else:
            self.set_range(day, day)

    def _range_changed(self) -> None:
        self._loaded.clear()
        self._load_current()

    # --- 签到记录 -----------------------------------------------------------------------

    def _visits_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_visits")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.search = _search_box("attendanceSearch", self.tr("Volunteer: name, pinyin initials or phone tail"),
                                  lambda: self._search_timer.start(), self.load_visits, 260)
        self.pending_button = QPushButton()
        self.pending_button.setObjectName("pendingOnly")
        self.pending_button.setCheckable(True)
        self.pending_button.toggled.connect(lambda _c: self.show_visits())
        filters.addWidget(self.search, 1)
        filters.addWidget(self.pending_button)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.correct_button = _button(self.tr("Correct…"), "correctVisit", self.correct_current)
        self.void_button = _button(self.tr("Void…"), "voidVisit", self.void_current)
        self.paper_button = _button(self.tr("Type in paper sheet…"), "paperEntry", self.paper_entry)
        for button in (self.correct_button, self.void_button, self.paper_button):
            button.setVisible(self.can_correct)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.visit_count = QLabel()
        self.visit_count.setObjectName("visitCount")
        buttons.addWidget(self.visit_count)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Date"), lambda v: v.sign_in_at.strftime("%Y-%m-%d")),
            Column(self.tr("Name"), lambda v: v.volunteer_name),
            Column(self.tr("Shift"), self.shift_name),
            Column(self.tr("Signed in"), lambda v: v.sign_in_at.strftime("%H:%M")),
            Column(self.tr("Signed out"), lambda v: _clock(v.sign_out_at, v.sign_in_at.date())
                   + (self.tr(" (automatic)") if v.automatic and not v.confirmed else "")),
            Column(self.tr("Status"), lambda v: self.status_name(v.status)),
            Column(self.tr("Hours"), lambda v: _hours(v.hours), align_right=True),
            Column(self.tr("Source"), lambda v: self.source_name(v.source)),
        ]
        self.visits_model = VisitsModel(columns, self)
        self.visits_view = _table(self.visits_model, "visitsTable", stretch=2)
        self.visits_view.doubleClicked.connect(lambda _i: self.correct_current())
        self.visits_view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.visits_model.modelReset.connect(self._selection_changed)
        layout.addWidget(self.visits_view)
        self._all_visits: list[attendance.VisitRow] = []
        self._show_pending_count(0)
        return tab

    def load_visits(self) -> None:
        self._search_timer.stop()
        start, end = self.date_range()
        rows = attendance.visits(self.actor, start, end)
        text = self.search.text().strip()
        if text:
            ids = {v.id for v in volunteers.list_volunteers(
                self.actor, volunteers.VolunteerQuery(text=text, status=None))}
            rows = [r for r in rows if r.volunteer_id in ids]
        self._all_visits = rows
        self.show_visits()

    def show_visits(self) -> None:
        pending = [r for r in self._all_visits if r.status == "pending"]
        self._show_pending_count(len(pending))
        rows = pending if self.pending_button.isChecked() else self._all_visits
        selected = self.current_visit()
        self.visits_model.set_rows(rows)
        hours = sum(r.hours for r in rows if r.status not in ("void", "open"))
        self.visit_count.setText(self.tr("%1 visits, %2 hours").replace("%1", str(len(rows)))
                                 .replace("%2", _hours(hours)))
        if selected is not None:
            self.select_visit(selected.sign_in_id)

    def _show_pending_count(self, count: int) -> None:
        self.pending_button.setText(self.tr("To confirm: %1").replace("%1", str(count)))

    def current_visit(self) -> attendance.VisitRow | None:
        if not self.visits_view.selectionModel().hasSelection():
            return None
        return self.visits_model.row_at(self.visits_view.currentIndex().row())

    def select_visit(self, sign_in_id: int) -> bool:
        for i in range(self.visits_model.rowCount()):
            if self.visits_model.row_at(i).sign_in_id == sign_in_id:
                self.visits_view.selectRow(i)
                return True
        return False

    def _selection_changed(self) -> None:
        visit = self.current_visit()
        self.correct_button.setEnabled(visit is not None and visit.status != "void")
        self.void_button.setEnabled(visit is not None and visit.status != "void")
        self.correct_button.setText(self.tr("Confirm…") if visit is not None and visit.status == "pending"
                                    else self.tr("Correct…"))

    def correct_current(self) -> None:
        visit = self.current_visit()
        if visit is None or visit.status == "void" or not self.can_correct:
            return
        if CorrectionDialog.ask(self, self.actor, visit, self.lang) is not None:
            self.reload()
            self.select_visit(visit.sign_in_id)

    def void_current(self) -> None:
        visit = self.current_visit()
        if visit is None or visit.status == "void" or not self.can_correct:
            return
        if VoidDialog.ask(self, self.actor, visit, self.lang) is not None:
            self.reload()

    def paper_entry(self) -> None:
        if not self.can_correct:
            return
        saved = PaperEntryDialog.ask(self, self.actor, self.lang, self.date_range()[1])
        if saved is not None:
            self.reload()
            self.select_visit(saved.id)

    # --- 缺席与临时到站 ------------------------------------------------------------------

    def _absence_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_absences")
        layout = QHBoxLayout(tab)
        left, right = QVBoxLayout(), QVBoxLayout()
        self.no_show_label = QLabel()
        self.no_show_label.setObjectName("subheading")
        self.no_show_model = RowsTableModel([
            Column(self.tr("Shift"), lambda n: f"{n.shift.name} {n.shift.start_time}–{n.shift.end_time}"),
            Column(self.tr("Date"), lambda n: n.day.isoformat()),
            Column(self.tr("Name"), lambda n: n.volunteer_name),
        ], self)
        self.no_show_view = _table(self.no_show_model, "noShowTable", stretch=0)
        left.addWidget(self.no_show_label)
        left.addWidget(self.no_show_view)
        self.walk_in_label = QLabel()
        self.walk_in_label.setObjectName("subheading")
        self.walk_in_model = VisitsModel([
            Column(self.tr("Date"), lambda v: v.sign_in_at.strftime("%Y-%m-%d")),
            Column(self.tr("Name"), lambda v: v.volunteer_name),
            Column(self.tr("Signed in"), lambda v: v.sign_in_at.strftime("%H:%M")),
            Column(self.tr("Signed out"), lambda v: _clock(v.sign_out_at, v.sign_in_at.date())),
            Column(self.tr("Status"), lambda v: self.status_name(v.status)),
            Column(self.tr("Hours"), lambda v: _hours(v.hours), align_right=True),
        ], self)
        self.walk_in_view = _table(self.walk_in_model, "walkInTable", stretch=1)
        right.addWidget(self.walk_in_label)
        right.addWidget(self.walk_in_view)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        return tab

    def load_absences(self) -> None:
        start, end = self.date_range()
        missing = attendance.no_shows(self.actor, start, end)
        walk_ins = [v for v in attendance.visits(self.actor, start, end) if v.walk_in]
        self.no_show_model.set_rows(missing)
        self.walk_in_model.set_rows(walk_ins)
        self.no_show_label.setText(self.tr("No-shows (assigned, never signed in): %1")
                                   .replace("%1", str(len(missing))))
        self.walk_in_label.setText(self.tr("Walk-ins (came without a shift): %1")
                                   .replace("%1", str(len(walk_ins))))

    # --- 服务时长 -----------------------------------------------------------------------

    def _hours_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_hours")
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.hours_by = QComboBox()
        self.hours_by.setObjectName("hoursBy")
        for key, text in (("volunteer", self.tr("By volunteer")), ("team", self.tr("By team")),
                          ("month", self.tr("By month"))):
            self.hours_by.addItem(text, key)
        self.hours_by.currentIndexChanged.connect(lambda _i: self.load_hours())
        bar.addWidget(self.hours_by)
        self.export_hours_button = _button(self.tr("Export hours ledger…"), "exportHours",
                                           self.export_hours)
        self.export_hours_button.setVisible(self.actor.can("volunteers.view"))
        bar.addWidget(self.export_hours_button)
        bar.addStretch(1)
        self.hours_total = QLabel()
        self.hours_total.setObjectName("hoursTotal")
        bar.addWidget(self.hours_total)
        layout.addLayout(bar)
        self.hours_model = RowsTableModel([
            Column(self.tr("Volunteer / team / month"),
                   lambda h: h.key or self.tr("(no team)")),
            Column(self.tr("Person-times"), lambda h: h.person_times, align_right=True),
            Column(self.tr("Service hours"), lambda h: _hours(h.hours), align_right=True),
            Column(self.tr("To confirm"), lambda h: h.pending or "", align_right=True),
        ], self)
        self.hours_view = _table(self.hours_model, "hoursTable")
        layout.addWidget(self.hours_view)
        layout.addWidget(QLabel(self.tr("Visits waiting for confirmation count hours only up "
                                        "to their shift's end; void and open visits count none.")))
        return tab

    def load_hours(self) -> None:
        start, end = self.date_range()
        lines = attendance.hours_summary(self.actor, start, end, by=self.hours_by.currentData())
        self.hours_model.set_rows(lines)
        self.hours_total.setText(self.tr("Total: %1 person-times, %2 hours, %3 to confirm")
                                 .replace("%1", str(sum(h.person_times for h in lines)))
                                 .replace("%2", _hours(sum(h.hours for h in lines)))
                                 .replace("%3", str(sum(h.pending for h in lines))))

    def ledger_months(self) -> list[str]:
        """Months offered for the ledger, newest first: two years back from the later of
        today and the range's end."""
        _start, end = self.date_range()
        last = max(end, today()).replace(day=1)
        months = []
        for back in range(24):
            year, month = divmod(last.year * 12 + last.month - 1 - back, 12)
            months.append(f"{year:04d}-{month + 1:02d}")
        return months

    def export_hours(self) -> None:
        """志愿服务时长台账 of one month (the range's by default) to an .xlsx the user names."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

        from ...core.reports import hours_ledger
        from .. import ops, uistate

        title = self.tr("Export hours ledger")
        months = self.ledger_months()
        wanted = self.date_range()[0].strftime("%Y-%m")
        current = months.index(wanted) if wanted in months else 0
        month, ok = QInputDialog.getItem(self, title, self.tr("Month"), months, current, False)
        if not ok or not month:
            return
        folder = str(uistate.get("files/last_folder") or Path.home())
        name = self.tr("Volunteer hours ledger")
        suggested = Path(folder) / f"{name}-{month}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        uistate.put("files/last_folder", str(target.parent))
        operation = ops.run_operation(self, self.tr("Exporting the hours ledger…"),
                                      hours_ledger.export, self.actor, month, target,
                                      cancellable=False)
        operation.finished.connect(lambda ledger: QMessageBox.information(
            self, title, self.tr("%1: %2 volunteers, %3 person-times, %4 hours (%5 to confirm) "
                                 "written to %6")
            .replace("%1", ledger.month).replace("%2", str(ledger.total.volunteers))
            .replace("%3", str(ledger.total.person_times))
            .replace("%4", f"{ledger.total.hours:g}").replace("%5", str(ledger.total.pending))
            .replace("%6", str(target))))

    # --- loading ------------------------------------------------------------------------

    SECTIONS = ("visits", "absences", "hours")

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS:
            self.tabs.setCurrentIndex(self.SECTIONS.index(section))

    def _load_current(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._loaded:
            return
        (self.load_visits, self.load_absences, self.load_hours)[index]()
        self._loaded.add(index)

    def reload(self) -> None:
        self._loaded.clear()
        self._load_current()

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        self.reload()
