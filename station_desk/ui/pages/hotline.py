"""热线与诉求: the hotline's call log and every need the station heard.

At the top, always on show, the quick form that logs a call as it is answered
(``dialogs.call_form.CallForm``). Below it, over one period (the last 7 days by default):
- 来电记录: the calls (``cases.calls``), filtered by line; urgent ones in red, and those whose
  need is still new tinted: the call from last night nobody has taken up yet;
- 诉求 (head and social workers only: the front desk reads calls, not household files):
  every need from any channel (``cases.needs_log``), filtered by status, source and urgency,
  with 处理中 / 已解决 / 已转介 (a follow-up note, ``households.update_need``) and 转为个案.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.errors import StationError, ValidationError
from ...core.services import cases
from ...core.services import households as hh
from ..dialogs.call_form import CallForm, hotline_numbers
from ..dialogs.form_dialog import Field, FormDialog
from ..dialogs.form_parts import SavingDialog, date_of, qdate
from ..dialogs.household_picker import HouseholdPicker
from ..labels import label
from ..models.table import Column, RowsTableModel, make_table
from .base import Page
from .parts import button, combo, date_edit, fill

PERIOD_DAYS = 7
URGENT = QColor("#c62828")
OPEN_BACKGROUND = QColor("#fff8c4")  # a need nobody has taken up yet


class NeedHouseholdDialog(SavingDialog):
    """Whose need: the household a caller turned out to be, picked from the registry."""

    def __init__(self, parent, actor, need, lang: str = "zh") -> None:
        super().__init__(parent, lang, "needHouseholdDialog", self.tr("Whose need"),
                         f"{need.household}：{need.content}")
        self.actor, self.need = actor, need
        self.setMinimumWidth(560)
        self.picker = HouseholdPicker(actor)
        self.layout_.addWidget(self.errors.wrap("household", self.picker))
        self.finish()

    def save(self) -> bool:
        if self.picker.household_id is None:
            raise ValidationError("required", field="household")
        hh.update_need(self.actor, self.need.id, status=self.need.status,
                       household_id=self.picker.household_id)
        return True


class CallsModel(RowsTableModel):
    """Calls: an urgent one in red, one whose need is still new tinted."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ForegroundRole and row.urgency == "urgent":
                return URGENT
            if role == Qt.ItemDataRole.BackgroundRole and row.need_status == "new":
                return OPEN_BACKGROUND
            if role == Qt.ItemDataRole.ToolTipRole:  # a long need, read whole
                return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class NeedsModel(RowsTableModel):
    """Needs: urgent in red, new ones tinted, as calls are."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ForegroundRole and row.urgency == "urgent":
                return URGENT
            if role == Qt.ItemDataRole.BackgroundRole and row.status == "new":
                return OPEN_BACKGROUND
            if role == Qt.ItemDataRole.ToolTipRole:
                return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


def _table(model: RowsTableModel, name: str, *stretch: int) -> QTableView:
    """Short columns as wide as their contents; the free-text ones (``stretch``) share the
    rest, so a long follow-up note doesn't squeeze the need to three characters."""
    view = make_table(model, name, fixed_row_height=30)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view


def _when(stamp: str) -> str:
    """2026-11-22T21:40:00+08:00 → 11-22 21:40."""
    return f"{stamp[5:10]} {stamp[11:16]}" if len(stamp) >= 16 else stamp


class HotlinePage(Page):
    name = "hotline"
    watches = frozenset({"hotline_call", "need", "household", "case"})
    SECTIONS = ("calls", "needs")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.lang = context.lang
        self.sees_needs = self.actor.can("households.view")
        self.can_update = self.actor.can("households.edit")
        self.can_open_case = self.actor.can("cases.edit")
        self._loaded: set[str] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        box = QFrame()
        box.setObjectName("quickCall")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(10, 8, 10, 8)
        title = QLabel(self.tr("Log a call"))
        title.setStyleSheet("font-weight: bold;")
        inner.addWidget(title)
        self.form = CallForm(self.actor, self.lang, box)
        self.form.logged.connect(self._logged)
        inner.addWidget(self.form)
        layout.addWidget(box)
        layout.addLayout(self._period_bar())

        self.tabs = QTabWidget()
        self.tabs.setObjectName("hotlineTabs")
        self.tabs.addTab(self._calls_tab(), self.tr("Calls"))
        self.needs_tab = self._needs_tab() if self.sees_needs else None
        if self.needs_tab is not None:
            self.tabs.addTab(self.needs_tab, self.tr("Needs"))
            self._needs_selection()
        self.tabs.currentChanged.connect(lambda _i: self._load_current())
        layout.addWidget(self.tabs, 1)

    # --- the period ---------------------------------------------------------------------

    def _period_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        end = today()
        self.start_edit = date_edit("hotlineFrom", end - _dt.timedelta(days=PERIOD_DAYS - 1))
        self.end_edit = date_edit("hotlineTo", end)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.end_edit)
        for text, name, days in ((self.tr("Today"), "periodToday", 1),
                                 (self.tr("Last 7 days"), "periodWeek", 7),
                                 (self.tr("Last 30 days"), "periodMonth", 30)):
            bar.addWidget(button(text, name, lambda _checked=False, d=days: self.set_days(d)))
        bar.addStretch(1)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(lambda _d: self.reload())
        return bar

    def period(self) -> tuple[_dt.date, _dt.date]:
        start, end = date_of(self.start_edit), date_of(self.end_edit)
        return (start, end) if start <= end else (end, start)

    def set_days(self, days: int) -> None:
        end = today()
        for edit, value in ((self.start_edit, end - _dt.timedelta(days=days - 1)),
                            (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        self.reload()

    # --- 来电记录 -----------------------------------------------------------------------

    def _calls_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_calls")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Line")))
        self.line_filter = combo("callsLine", 140)
        fill(self.line_filter, [("", self.tr("All lines"))] + [(n, n) for n in hotline_numbers()])
        self.line_filter.currentIndexChanged.connect(lambda _i: self.load_calls())
        filters.addWidget(self.line_filter)
        self.calls_summary = QLabel()
        self.calls_summary.setObjectName("callsSummary")
        filters.addWidget(self.calls_summary, 1)
        layout.addLayout(filters)
        self.calls_model = CallsModel([
            Column(self.tr("Time"), lambda r: _when(r.called_at)),
            Column(self.tr("Line"), lambda r: r.line),
            Column(self.tr("Caller"), lambda r: r.caller),
            Column(self.tr("Number"), lambda r: r.caller_phone),
            Column(self.tr("Household"), lambda r: r.household),
            Column(self.tr("Need"), lambda r: r.content),
            Column(self.tr("Urgency"), lambda r: label("need_urgency", r.urgency)),
            Column(self.tr("Action"), lambda r: r.action),
            Column(self.tr("Answered by"), lambda r: r.answered_by),
            Column(self.tr("Status"), lambda r: label("need_status", r.need_status)),
        ], self)
        self.calls_view = _table(self.calls_model, "callsTable", 5, 7)
        layout.addWidget(self.calls_view, 1)
        return tab

    def load_calls(self) -> None:
        start, end = self.period()
        fill(self.line_filter,  # the station may have published another number since
             [("", self.tr("All lines"))] + [(n, n) for n in hotline_numbers()])
        rows = cases.calls(self.actor, start, end, line=self.line_filter.currentData() or "")
        self.calls_model.set_rows(rows)
        open_count = sum(r.need_status == "new" for r in rows)
        self.calls_summary.setText(
            self.tr("Calls: %1, still open: %2").replace("%1", str(len(rows)))
            .replace("%2", str(open_count)))
        self._loaded.add("calls")

    # --- 诉求 ---------------------------------------------------------------------------

    def _needs_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_needs")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.status_filter = combo("needsStatus", 110)
        self.source_filter = combo("needsSource", 110)
        self.urgency_filter = combo("needsUrgency", 90)
        for box, kind, codes, everything in (
                (self.status_filter, "need_status", hh.NEED_STATUSES, self.tr("All statuses")),
                (self.source_filter, "need_source", hh.NEED_SOURCES, self.tr("All channels")),
                (self.urgency_filter, "need_urgency", hh.NEED_URGENCIES, self.tr("Any urgency"))):
            fill(box, [("", everything)] + [(c, label(kind, c)) for c in codes])
            box.currentIndexChanged.connect(lambda _i: self.load_needs())
            filters.addWidget(box)
        filters.addStretch(1)
        self.needs_buttons = []
        for text, name, status in ((self.tr("In progress…"), "needInProgress", "in_progress"),
                                   (self.tr("Resolved…"), "needResolved", "resolved"),
                                   (self.tr("Referred…"), "needReferred", "referred"),
                                   (self.tr("Resource linked…"), "needResource", "resource")):
            made = button(text, name, lambda _checked=False, s=status: self.mark_selected(s))
            made.setVisible(self.can_update)
            filters.addWidget(made)
            self.needs_buttons.append(made)
        self.household_button = button(self.tr("Whose need…"), "needHousehold",
                                       self.set_household)
        self.household_button.setVisible(self.can_update)
        filters.addWidget(self.household_button)
        self.case_button = button(self.tr("Open a case…"), "needToCase", self.open_case)
        self.case_button.setVisible(self.can_open_case)
        filters.addWidget(self.case_button)
        layout.addLayout(filters)
        self.needs_model = NeedsModel([
            Column(self.tr("Raised"), lambda r: r.called_at or r.raised_on.isoformat()),
            Column(self.tr("Channel"), lambda r: label("need_source", r.source)
                   + (f" {r.line}" if r.line else "")),
            Column(self.tr("Logged by"), lambda r: r.logged_by),
            Column(self.tr("Household"), lambda r: r.household),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Need"), lambda r: r.content),
            Column(self.tr("Urgency"), lambda r: label("need_urgency", r.urgency)),
            Column(self.tr("Status"), lambda r: label("need_status", r.status)),
            Column(self.tr("Follow-up"), lambda r: r.follow_up.splitlines()[-1]
                   if r.follow_up else ""),
        ], self)
        self.needs_view = _table(self.needs_model, "needsTable", 5, 8)
        self.needs_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._needs_selection())
        layout.addWidget(self.needs_view, 1)
        self.needs_summary = QLabel()
        self.needs_summary.setObjectName("needsSummary")
        layout.addWidget(self.needs_summary)
        return tab

    def load_needs(self) -> None:
        if self.needs_tab is None:
            return
        start, end = self.period()
        rows = cases.needs_log(self.actor, start, end, status=self.status_filter.currentData() or "",
                               source=self.source_filter.currentData() or "",
                               urgency=self.urgency_filter.currentData() or "")
        self.needs_model.set_rows(rows)
        self.needs_summary.setText(self.tr("Needs: %1").replace("%1", str(len(rows))))
        self._needs_selection()
        self._loaded.add("needs")

    def selected_need(self) -> cases.NeedLogRow | None:
        if self.needs_tab is None:
            return None
        chosen = self.needs_view.selectionModel().selectedRows()
        return self.needs_model.row_at(chosen[0].row()) if chosen else None

    def _needs_selection(self) -> None:
        need = self.selected_need()
        for made in self.needs_buttons:
            made.setEnabled(need is not None and need.status != "case")
        self.case_button.setEnabled(need is not None and need.household_id is not None
                                    and need.status != "case")
        self.household_button.setEnabled(need is not None and need.household_id is None)

    def select_need(self, need_id: int) -> bool:
        for row in range(self.needs_model.rowCount()):
            if self.needs_model.row_at(row).id == need_id:
                self.needs_view.selectRow(row)
                return True
        return False

    def mark_selected(self, status: str) -> None:
        need = self.selected_need()
        if need is None:
            return
        titles = {"in_progress": self.tr("Need in progress"), "resolved": self.tr("Need resolved"),
                  "referred": self.tr("Need referred"),
                  "resource": self.tr("Need linked to a resource")}
        hints = {"in_progress": self.tr("Who is doing what"),
                 "resolved": self.tr("How it was resolved"),
                 "referred": self.tr("Referred to whom, for what"),
                 "resource": self.tr("Which resource: a donor, a volunteer, a service")}
        result = FormDialog.ask(
            self, titles[status],
            [Field("need", self.tr("Need"), read_only=True),
             Field("note", self.tr("Follow-up note"), kind="multiline",
                   placeholder=hints[status])],
            {"need": f"{need.household}：{need.content}"},
            lambda values: hh.update_need(self.actor, need.id, status=status,
                                          follow_up=str(values["note"])))
        if result is not None:
            self.after_change(need.id)

    def set_household(self) -> None:
        """A caller not known when the call came in: put the need on their household (it can
        then become a case)."""
        need = self.selected_need()
        if need is None or need.household_id is not None:
            return
        chosen = NeedHouseholdDialog.ask(self, self.actor, need, self.lang)
        if chosen:
            self.after_change(need.id)

    def open_case(self) -> None:
        need = self.selected_need()
        if need is None or need.household_id is None:
            return
        from ..dialogs.open_case import OpenCaseDialog

        made = OpenCaseDialog.ask(self, self.actor, household_id=need.household_id,
                                  need_id=need.id, lang=self.lang)
        if made is not None:
            self.after_change(need.id)

    def after_change(self, need_id: int | None = None) -> None:
        self.reload()  # the core's change event reloads it again, a moment later
        if need_id is not None and self.needs_tab is not None:
            self.select_need(need_id)

    # --- loading ------------------------------------------------------------------------

    def _logged(self, _call) -> None:
        self.reload()

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS and (section != "needs" or self.needs_tab is not None):
            self.tabs.setCurrentIndex(self.SECTIONS.index(section))

    def _load_current(self) -> None:
        section = self.SECTIONS[max(self.tabs.currentIndex(), 0)]
        if section in self._loaded:
            return
        try:
            (self.load_calls if section == "calls" else self.load_needs)()
        except StationError as error:  # said on the page: no message box while it opens
            from ..ops import error_text

            summary = self.calls_summary if section == "calls" else self.needs_summary
            summary.setText(error_text(error, self.lang))

    def reload(self) -> None:
        self._loaded.clear()
        self._load_current()

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.form.caller_edit.setFocus(Qt.FocusReason.OtherFocusReason)
