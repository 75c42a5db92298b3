"""The activities list (活动列表): filters (period, kind, project, village, status, text) over
``activities.list_activities`` (filtered in SQL), and the buttons that plan, change, cancel
and open an activity. A front-desk user reads the list only: the buttons that write are not
shown to whoever the services would refuse.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import StationError
from ...core.models import ACTIVITY_KINDS, ACTIVITY_STATUSES
from ...core.services import activities
from ...messages import describe_error
from ..dialogs.activity_forms import ActivityDialog, village_choices
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button, combo, fill, fitted_table, search_box

SEARCH_PAUSE_MS = 200
PERIODS = ("year", "coming", "month", "last_year", "all")


def period_range(code: str, on: _dt.date) -> tuple[_dt.date | None, _dt.date | None]:
    """The dates a period filter stands for, seen from ``on``."""
    if code == "year":
        return _dt.date(on.year, 1, 1), _dt.date(on.year, 12, 31)
    if code == "coming":
        return on, None
    if code == "month":
        start = on.replace(day=1)
        end = (start + _dt.timedelta(days=32)).replace(day=1) - _dt.timedelta(days=1)
        return start, end
    if code == "last_year":
        return _dt.date(on.year - 1, 1, 1), _dt.date(on.year - 1, 12, 31)
    return None, None


class ActivityList(QWidget):
    opened = Signal(int)  # an activity to show in its file

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("activityListView")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("activities.edit")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.load)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search = search_box("activitySearch", self.tr("Title, theme or place"),
                                 lambda: self._timer.start(), self.load, 180)
        filters.addWidget(self.search, 1)
        self.period_filter = combo("activityPeriod")
        fill(self.period_filter, [
            ("year", self.tr("This year")), ("coming", self.tr("Coming")),
            ("month", self.tr("This month")), ("last_year", self.tr("Last year")),
            ("all", self.tr("Any date"))])
        self.kind_filter = combo("activityKindFilter")
        fill(self.kind_filter, [("", self.tr("All kinds"))]
             + [(k, label("activity_kind", k)) for k in ACTIVITY_KINDS])
        self.project_filter = combo("activityProjectFilter")
        self.village_filter = combo("activityVillageFilter")
        fill(self.village_filter, [(None, self.tr("All villages"))] + village_choices())
        self.status_filter = combo("activityStatusFilter")
        fill(self.status_filter, [("", self.tr("Any status"))]
             + [(s, label("activity_status", s)) for s in ACTIVITY_STATUSES])
        self.fill_projects()
        for box in (self.period_filter, self.kind_filter, self.project_filter,
                    self.village_filter, self.status_filter):
            box.currentIndexChanged.connect(lambda _i: self.load())
            filters.addWidget(box)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.new_button = button(self.tr("New activity…"), "newActivity", self.new_activity)
        self.edit_button = button(self.tr("Edit…"), "editActivity", self.edit_activity)
        self.cancel_button = button(self.tr("Cancel activity…"), "cancelActivity",
                                    self.cancel_activity)
        self.open_button = button(self.tr("Open"), "openActivity", self.open_current)
        for widget in (self.new_button, self.edit_button, self.cancel_button):
            widget.setVisible(self.can_edit)
            buttons.addWidget(widget)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("activityCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.model = RowsTableModel([
            Column(self.tr("Date"), lambda r: f"{r.held_on} {r.start_time}"),
            Column(self.tr("Title"), lambda r: r.title,
                   muted=lambda r: r.status == "cancelled"),
            Column(self.tr("Kind"), lambda r: label("activity_kind", r.kind)),
            Column(self.tr("Place"), lambda r: " · ".join(x for x in (r.place, r.village) if x)),
            Column(self.tr("Project"), lambda r: r.project),
            Column(self.tr("Status"), lambda r: label("activity_status", r.status),
                   muted=lambda r: r.status == "cancelled"),
            Column(self.tr("Came/signed"), lambda r: f"{r.came} / {r.signed_up}",
                   align_right=True),
            Column(self.tr("Not on file"), lambda r: r.extra_count, align_right=True),
            Column(self.tr("Person-times"), lambda r: r.person_times, align_right=True),
            Column(self.tr("Volunteers"), lambda r: r.volunteers, align_right=True),
        ], self)
        self.view = fitted_table(self.model, "activitiesTable", stretch=1,
                                 capped={3: 110, 4: 110})
        # eleven columns: the theme's 20 px either side of each header would push the last off
        self.view.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 0 8px; }")
        self.view.doubleClicked.connect(lambda _i: self.open_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection())
        layout.addWidget(self.view, 1)
        self._selection()

    def fill_projects(self) -> None:
        try:
            projects = activities.list_projects(self.actor)
        except StationError:
            projects = []
        fill(self.project_filter, [(None, self.tr("All projects"))]
             + [(p.id, p.name) for p in projects])

    def query(self) -> activities.ActivityQuery:
        start, end = period_range(self.period_filter.currentData() or "all", clock.today())
        return activities.ActivityQuery(
            date_from=start, date_to=end, kind=self.kind_filter.currentData() or "",
            project_id=self.project_filter.currentData(),
            village_id=self.village_filter.currentData(),
            status=self.status_filter.currentData() or "", text=self.search.text().strip())

    def load(self) -> None:
        self._timer.stop()
        chosen = self.current_row()
        try:
            rows = activities.list_activities(self.actor, self.query())
        except StationError as error:
            self.model.set_rows([])
            self.count_label.setText(describe_error(error, self.lang))
            return
        self.model.set_rows(rows)
        people = sum(r.person_times for r in rows)
        self.count_label.setText(self.tr("%1 activities · %2 person-times")
                                 .replace("%1", str(len(rows))).replace("%2", str(people)))
        if chosen is not None:
            self.select(chosen.id)
        self._selection()

    def current_row(self) -> activities.ActivityRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def select(self, activity_id: int) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == activity_id:
                self.view.selectRow(i)
                return True
        return False

    def _selection(self) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None and row.status != "cancelled")
        self.cancel_button.setEnabled(row is not None and row.status == "planned")

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.opened.emit(row.id)

    def new_activity(self) -> None:
        activity_id = ActivityDialog.ask(self, self.actor, None, self.lang)
        if activity_id is not None:
            self.show_saved(activity_id)

    def show_saved(self, activity_id: int) -> None:
        """After a save: the list again, the activity chosen (widening the period if it
        falls outside the filter)."""
        self.load()
        if not self.select(activity_id):
            self.period_filter.setCurrentIndex(self.period_filter.findData("all"))
            self.status_filter.setCurrentIndex(0)
            self.load()
            self.select(activity_id)

    def edit_activity(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            saved = ActivityDialog.ask(self, self.actor, row.id, self.lang)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return
        if saved is not None:
            self.show_saved(saved)

    def cancel_activity(self) -> None:
        row = self.current_row()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel activity"),
            self.tr("Why is “%1” called off?").replace("%1", row.title))
        if not ok:
            return
        try:
            activities.cancel_activity(self.actor, row.id, reason)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return
        self.load()
