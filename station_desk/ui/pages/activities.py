"""活动与项目: the station's activities (the list, and one activity's file in its place),
its funded projects with their progress, and the year's figures.

The list and the file are ``activities_list`` and ``activities_file`` (a stacked widget, as
the case page has it); the projects tab is ``activities_projects``, the figures tab
``activities_figures``. The page refreshes the parts whose tables changed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout

from ...core.errors import StationError
from ...messages import describe_error
from .activities_figures import FiguresTab
from .activities_file import ActivityFile
from .activities_list import ActivityList
from .activities_projects import ProjectsTab
from .base import Page

ACTIVITY_TABLES = frozenset({
    "activity", "activity_participant", "activity_cards", "project", "project_case",
    "shift", "assignment", "attendance_event", "voucher", "stock_movement", "distribution",
    "household", "member", "volunteer", "village", "case_record", "wish"})
LIST_TABLES = frozenset({"activity", "activity_participant", "project", "assignment",
                         "village"})


class ActivitiesPage(Page):
    name = "activities"
    watches = ACTIVITY_TABLES
    SECTIONS = ("list", "file", "projects", "figures")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.lang = context.lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("activityPageTabs")
        self.stack = QStackedWidget()
        self.stack.setObjectName("activitiesStack")
        self.list = ActivityList(context, self)
        self.file = ActivityFile(context, self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.file)
        self.list.opened.connect(self.open_activity)
        self.file.back.connect(self.show_list)
        self.file.changed.connect(lambda _id: self.list.load())
        self.projects = ProjectsTab(context, self)
        self.projects.open_activity.connect(self.open_activity)
        self.figures = FiguresTab(context, self)
        self.tabs.addTab(self.stack, self.tr("Activities"))
        self.tabs.addTab(self.projects, self.tr("Projects"))
        self.tabs.addTab(self.figures, self.tr("Figures"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        layout.addWidget(self.tabs)

    # --- moving about -------------------------------------------------------------------

    def open_activity(self, activity_id: int) -> bool:
        try:
            self.file.show_activity(activity_id)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return False
        self.tabs.setCurrentWidget(self.stack)
        self.stack.setCurrentWidget(self.file)
        return True

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.load()
        if self.file.activity_id is not None:
            self.list.select(self.file.activity_id)

    # --- the page ----------------------------------------------------------------------

    def _refresh_tab(self) -> None:
        """The figures and the projects' progress are read when their tab is shown."""
        current = self.tabs.currentWidget()
        if current is self.projects:
            self.projects.refresh()
        elif current is self.figures:
            self.figures.refresh()

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        if tables is None or tables & {"project"}:
            self.list.fill_projects()
        if tables is None or tables & LIST_TABLES:
            self.list.load()
        if self.stack.currentWidget() is self.file:
            self.file.reload()
        self._refresh_tab()

    def open_section(self, section: str) -> None:
        if section == "list":
            self.tabs.setCurrentWidget(self.stack)
            self.show_list()
        elif section == "file":
            self.tabs.setCurrentWidget(self.stack)
            self.list.period_filter.setCurrentIndex(self.list.period_filter.findData("all"))
            self.list.load()
            rows = [self.list.model.row_at(n) for n in range(self.list.model.rowCount())]
            # the fullest file: people who came, volunteers and goods
            busy = [r for r in rows if r.status == "held" and r.came and r.volunteers]
            chosen = busy or [r for r in rows if r.status != "cancelled"] or rows
            if chosen:
                best = self._fullest(chosen[:30])
                self.list.select(best)
                self.open_activity(best)
        elif section == "projects":
            self.tabs.setCurrentWidget(self.projects)
        elif section == "figures":
            self.tabs.setCurrentWidget(self.figures)

    def _fullest(self, rows) -> int:
        """Of these, one whose file has goods used too, else the one with most people."""
        from ...core.services import activities

        rows = sorted(rows, key=lambda r: -(r.came + r.volunteers))
        for row in rows:
            try:
                if activities.get_activity(self.actor, row.id).goods:
                    return row.id
            except StationError:
                continue
        return rows[0].id
