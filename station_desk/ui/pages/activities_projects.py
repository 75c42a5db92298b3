"""项目: the station's funded projects on top; the chosen one's progress below, at a date
("as of"): its targets against what was done with a bar each, its volunteers, a table by
month and its activities. The report (PDF) and the workbook are made in the background.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import StationError
from ...core.money import yuan
from ...core.services import activities
from ...messages import describe_error
from ..dialogs.form_parts import date_of, qdate
from ..dialogs.project_form import ProjectForm
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button, fitted_table


def _day(value) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])


class ProjectsTab(QWidget):
    open_activity = Signal(int)

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_projects")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("projects.edit")
        self.progress: activities.ProjectProgress | None = None

        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = button(self.tr("New project…"), "newProject", self.new_project)
        self.edit_button = button(self.tr("Edit…"), "editProject", self.edit_project)
        self.status_button = button(self.tr("Close project"), "closeProject", self.toggle_status)
        for widget in (self.new_button, self.edit_button, self.status_button):
            widget.setVisible(self.can_edit)
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("As of")))
        self.as_of = QDateEdit()
        self.as_of.setObjectName("projectAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(qdate(clock.today()))
        self.as_of.dateChanged.connect(lambda _d: self.show_progress())
        buttons.addWidget(self.as_of)
        self.report_button = button(self.tr("Project report (PDF)…"), "projectReport",
                                    self.print_report)
        self.export_button = button(self.tr("Export project to Excel…"), "exportProject",
                                    self.export)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)

        self.model = RowsTableModel([
            Column(self.tr("Project"), lambda p: p.name, muted=lambda p: p.status == "closed"),
            Column(self.tr("Funder"), lambda p: p.funder),
            Column(self.tr("Period"), lambda p: f"{p.starts_on} – {p.ends_on}"),
            Column(self.tr("Target groups"), lambda p: p.target_groups),
            Column(self.tr("Budget (yuan)"), lambda p: yuan(p.budget_fen) if p.budget_fen
                   else "", align_right=True),
            Column(self.tr("Status"), lambda p: label("project_status", p.status)),
        ], self)
        self.view = fitted_table(self.model, "projectsTable", stretch=3)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.show_progress())
        self.view.doubleClicked.connect(lambda _i: self.edit_project() if self.can_edit
                                        else None)

        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("subheading")
        below_layout.addWidget(self.heading)
        self.targets = QGridLayout()
        self.target_rows: dict[str, tuple[QLabel, QLabel, QProgressBar]] = {}
        names = {"families": self.tr("Families served"),
                 "person_times": self.tr("Person-times"),
                 "services": self.tr("Services"), "value": self.tr("Resources (yuan)")}
        for line, (key, caption) in enumerate(names.items()):
            done = QLabel()
            done.setObjectName(f"projectDone_{key}")
            bar = QProgressBar()
            bar.setObjectName(f"projectBar_{key}")
            bar.setRange(0, 100)
            bar.setMaximumWidth(260)
            bar.setTextVisible(True)
            name = QLabel(caption)
            self.targets.addWidget(name, line, 0)
            self.targets.addWidget(done, line, 1)
            self.targets.addWidget(bar, line, 2)
            self.target_rows[key] = (name, done, bar)
        self.targets.setColumnStretch(3, 1)
        below_layout.addLayout(self.targets)
        self.work_label = QLabel()
        self.work_label.setObjectName("projectWork")
        self.work_label.setWordWrap(True)
        below_layout.addWidget(self.work_label)

        tables = QTabWidget()
        tables.setObjectName("projectTables")
        self.month_model = RowsTableModel([
            Column(self.tr("Month"), lambda m: m[0]),
            Column(self.tr("Activities"), lambda m: m[1], align_right=True),
            Column(self.tr("Person-times"), lambda m: m[2], align_right=True),
            Column(self.tr("Service records"), lambda m: m[3], align_right=True),
        ], self)
        tables.addTab(fitted_table(self.month_model, "projectByMonth", stretch=0),
                      self.tr("By month"))
        self.activity_model = RowsTableModel([
            Column(self.tr("Date"), lambda r: r.held_on),
            Column(self.tr("Title"), lambda r: r.title, muted=lambda r: r.status == "cancelled"),
            Column(self.tr("Kind"), lambda r: label("activity_kind", r.kind)),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Status"), lambda r: label("activity_status", r.status)),
            Column(self.tr("Person-times"), lambda r: r.person_times, align_right=True),
            Column(self.tr("Volunteers"), lambda r: r.volunteers, align_right=True),
        ], self)
        self.activity_view = fitted_table(self.activity_model, "projectActivities", stretch=1)
        self.activity_view.doubleClicked.connect(self._open_activity)
        tables.addTab(self.activity_view, self.tr("Its activities"))
        below_layout.addWidget(tables, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("projectSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(below)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 560])
        layout.addWidget(splitter, 1)
        self._enable()

    # --- the list ----------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current()
        try:
            rows = activities.list_projects(self.actor)
        except StationError:
            rows = []
        self.model.set_rows(rows)
        if rows:
            ids = [r.id for r in rows]
            self.view.selectRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self.show_progress()

    def current(self):
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def select(self, project_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == project_id:
                self.view.selectRow(i)

    def _enable(self) -> None:
        project = self.current()
        for widget in (self.edit_button, self.status_button, self.report_button,
                       self.export_button):
            widget.setEnabled(project is not None)
        self.status_button.setText(self.tr("Reopen project") if project is not None
                                   and project.status == "closed" else self.tr("Close project"))

    def as_of_date(self) -> _dt.date:
        return date_of(self.as_of)

    def show_progress(self) -> None:
        project = self.current()
        self._enable()
        if project is None:
            self.progress = None
            self.heading.setText(self.tr("No project chosen."))
            self.work_label.clear()
            for _caption, done, bar in self.target_rows.values():
                done.clear()
                bar.setValue(0)
            self.month_model.set_rows([])
            self.activity_model.set_rows([])
            return
        try:
            progress = activities.project_progress(self.actor, project.id, self.as_of_date())
        except StationError as error:
            self.heading.setText(describe_error(error, self.lang))
            return
        self.progress = progress
        self.heading.setText(self.tr("%1 · as of %2").replace("%1", project.name)
                             .replace("%2", str(progress.on)))
        lines = {"families": (progress.families, project.target_families, str),
                 "person_times": (progress.participants, project.target_person_times, str),
                 "services": (progress.services, project.target_services, str),
                 "value": (progress.value_fen, project.target_value_fen, yuan)}
        for key, (done, target, shown) in lines.items():
            _caption, done_label, bar = self.target_rows[key]
            share = progress.percent(done, target)
            if target:
                done_label.setText(self.tr("%1 of %2 (%3%)").replace("%1", shown(done))
                                   .replace("%2", shown(target)).replace("%3", str(share)))
                bar.setFormat(f"{share}%")
                bar.setValue(min(share, 100))
                bar.setVisible(True)
            else:
                done_label.setText(self.tr("%1 (no target)").replace("%1", shown(done)))
                bar.setVisible(False)
        self.work_label.setText(
            self.tr("Activities held %1 · cases %2 with %3 service records · volunteers "
                    "%4 person-times, %5 hours")
            .replace("%1", str(progress.activities)).replace("%2", str(progress.cases))
            .replace("%3", str(progress.records)).replace("%4", str(progress.volunteer_times))
            .replace("%5", f"{progress.volunteer_hours:g}"))
        self.month_model.set_rows(progress.by_month)
        self.activity_model.set_rows(progress.activity_rows)

    def _open_activity(self, index) -> None:
        row = self.activity_model.row_at(index.row())
        if row is not None:
            self.open_activity.emit(row.id)

    # --- writing -----------------------------------------------------------------------

    def new_project(self) -> None:
        project_id = ProjectForm.ask(self, self.actor, None, self.lang)
        if project_id is not None:
            self.refresh()
            self.select(project_id)

    def edit_project(self) -> None:
        project = self.current()
        if project is None:
            return
        if ProjectForm.ask(self, self.actor, project, self.lang) is not None:
            self.refresh()

    def toggle_status(self) -> None:
        project = self.current()
        if project is None:
            return
        closing = project.status != "closed"
        question = (self.tr("Close “%1”? It stays on file and in the figures.") if closing
                    else self.tr("Open “%1” again?")).replace("%1", project.name)
        if QMessageBox.question(self, self.tr("Project"), question) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            activities.set_project_status(self.actor, project.id,
                                          "closed" if closing else "active")
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return
        self.refresh()

    # --- the report and the workbook -------------------------------------------------------

    def print_report(self) -> None:
        import tempfile

        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        project = self.current()
        if project is None:
            return
        on = self.as_of_date()
        if getattr(self, "_print_dir", None) is None:
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-project-")
        out = Path(self._print_dir.name) / f"project-{project.id}-{on.isoformat()}.pdf"
        actor, lang, project_id = self.actor, self.lang, project.id

        def build():
            from ...core.reports import project_report
            from ...core.services import activity_exports

            data = activity_exports.project_report_data(actor, project_id, on)
            project_report.build(data, out, lang=lang)
            return project_report.problems(data)

        title = self.tr("Project report: %1").replace("%1", project.name)
        operation = ops.run_operation(self, self.tr("Preparing the project report…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems,
                                                                     title))

    def export(self) -> None:
        from ...core.services import activity_exports
        from .activities_figures import export_workbook

        project = self.current()
        if project is None:
            return
        on = self.as_of_date()
        export_workbook(self, self.tr("Export project to Excel"),
                        f"项目进度-{project.name}-{on.isoformat()}.xlsx",
                        activity_exports.export_project, self.actor, project.id, on=on)
