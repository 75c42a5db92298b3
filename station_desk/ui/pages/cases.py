"""个案: the social worker's cases — the list, and one case's file with its timeline.

The list is a QTableView over ``cases.list_cases`` rows (filtered in SQL; a social worker's
list holds their own cases only, the service sees to it). Double-clicking a case opens its
file (``cases_file.CaseFile``) in place of the list; 返回列表 goes back. Reading a case is
audited, so the file calls ``get_case`` when the user opens a case, and again after a write
made from the file itself — never because some other table changed.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import StationError
from ...core.models.cases import CASE_STATUSES, RISK_LEVELS
from ...core.roles import HEAD
from ...core.services import cases as case_service
from ...core.services.station import list_villages
from ...messages import describe_error
from ..dialogs.open_case import OpenCaseDialog, worker_choices
from ..labels import label
from ..models.table import Column, RowsTableModel
from .base import Page
from .cases_file import CaseFile
from .parts import button as _button
from .parts import combo as _combo
from .parts import fill as _fill
from .parts import fitted_table as _table
from .parts import search_box as _search_box

SEARCH_PAUSE_MS = 200
CASE_TABLES = frozenset({"case", "case_assessment", "case_plan", "case_plan_action",
                         "case_record", "case_referral", "case_follow_up", "household",
                         "member", "staff", "village"})
RED = QColor("#c62828")
DUE_BACKGROUND = QColor("#fff3cd")


def today() -> _dt.date:
    """Today, from the core's clock (tests move it)."""
    return clock.today()


class CaseRowsModel(RowsTableModel):
    """The case list: high risk in red, a due case's 待办 cell highlighted."""

    def __init__(self, columns, risk_column: int, due_column: int, parent=None) -> None:
        super().__init__(columns, parent)
        self._risk_column = risk_column
        self._due_column = due_column

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            row = self.row_at(index.row())
            if role == Qt.ItemDataRole.ForegroundRole and row is not None:
                if index.column() == self._risk_column and row.risk == "high":
                    return RED
                if index.column() == self._due_column and row.due:
                    return RED
            if (role == Qt.ItemDataRole.BackgroundRole and row is not None and row.due
                    and index.column() == self._due_column):
                return DUE_BACKGROUND
        return super().data(index, role)


class CasesPage(Page):
    name = "cases"
    watches = CASE_TABLES
    SECTIONS = ("list", "file")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("cases.edit")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.load_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.stack = QStackedWidget()
        self.stack.setObjectName("casesStack")
        self.stack.addWidget(self._list_view())
        self.file = CaseFile(context, self)
        self.file.back.connect(self.show_list)
        self.stack.addWidget(self.file)
        layout.addWidget(self.stack)

    # --- the list ----------------------------------------------------------------------

    def _list_view(self) -> QWidget:
        box = QWidget()
        box.setObjectName("caseListView")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search = _search_box("caseSearch", self.tr("Head's name or the problem"),
                                  lambda: self._search_timer.start(), self.load_list, 200)
        filters.addWidget(self.search, 1)
        self.worker_filter = _combo("caseWorkerFilter")
        if self.actor.role == HEAD:
            _fill(self.worker_filter, [(None, self.tr("All social workers"))]
                  + list(worker_choices(self.actor)))
            filters.addWidget(self.worker_filter)
        self.status_filter = _combo("caseStatusFilter")
        _fill(self.status_filter, [("open", self.tr("Open cases"))]
              + [(s, label("case_status", s)) for s in CASE_STATUSES[:-1]]
              + [("closed", self.tr("Closed")), ("all", self.tr("All cases"))])
        self.risk_filter = _combo("caseRiskFilter")
        _fill(self.risk_filter, [("", self.tr("Any risk"))]
              + [(r, label("risk", r)) for r in RISK_LEVELS])
        self.village_filter = _combo("caseVillageFilter")
        _fill(self.village_filter, [(None, self.tr("All villages"))]
              + [(v.id, v.name) for v in list_villages(include_inactive=False)
                 if v.kind != "group"])
        for combo in (self.worker_filter, self.status_filter, self.risk_filter,
                      self.village_filter):
            combo.currentIndexChanged.connect(lambda _i: self.load_list())
        for combo in (self.status_filter, self.risk_filter, self.village_filter):
            filters.addWidget(combo)
        self.due_only = QCheckBox(self.tr("Due only"))
        self.due_only.setObjectName("caseDueOnly")
        self.due_only.toggled.connect(lambda _on: self.load_list())
        filters.addWidget(self.due_only)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.open_button = _button(self.tr("Open the case file"), "openCaseFile",
                                   self.open_current)
        self.new_button = _button(self.tr("Open a case…"), "newCase", self.new_case)
        self.new_button.setVisible(self.can_edit)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        self.caseload_button = _button(self.tr("Monthly caseload sheet…"), "printCaseload",
                                       self.print_caseload)
        self.figures_button = _button(self.tr("Monthly figures to Excel…"), "exportCaseFigures",
                                      self.export_figures)
        self.figures_button.setVisible(self.actor.can("cases.figures"))
        buttons.addWidget(self.caseload_button)
        buttons.addWidget(self.figures_button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("No."), lambda r: r.id, align_right=True),
            Column(self.tr("Household"), lambda r: (f"{r.head_name}（{r.member_name}）"
                                                    if r.member_name else r.head_name)),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Social worker"), lambda r: r.social_worker),
            Column(self.tr("Opened"), lambda r: r.opened_on),
            Column(self.tr("Source"), lambda r: label("case_source", r.source)),
            Column(self.tr("Stage"), lambda r: label("case_status", r.status),
                   muted=lambda r: r.status == "closed"),
            Column(self.tr("Risk"), lambda r: label("risk", r.risk) if r.risk else ""),
            Column(self.tr("To do"), self.due_text),
            Column(self.tr("Last service"), lambda r: r.last_record_on or ""),
            Column(self.tr("Next follow-up"), lambda r: r.follow_up_on or ""),
        ]
        self.model = CaseRowsModel(columns, 7, 8, self)
        self.view = _table(self.model, "casesTable")
        self.view.doubleClicked.connect(lambda _i: self.open_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("caseSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self._selection_changed()
        return box

    def due_text(self, row: case_service.CaseRow) -> str:
        if row.due == "follow_up":
            return self.tr("Follow-up due")
        if row.due == "quiet":
            return self.tr("No service for 30 days")
        return ""

    def query(self) -> case_service.CaseQuery:
        worker = self.worker_filter.currentData() if self.actor.role == HEAD else None
        return case_service.CaseQuery(
            social_worker_id=worker, status=self.status_filter.currentData() or "open",
            risk=self.risk_filter.currentData() or "", due_only=self.due_only.isChecked(),
            village_id=self.village_filter.currentData(), text=self.search.text().strip())

    def load_list(self) -> None:
        self._search_timer.stop()
        try:
            rows = case_service.list_cases(self.actor, self.query(), on=today())
        except StationError as error:
            self.model.set_rows([])
            self.count_label.setText(describe_error(error, self.lang))
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 cases").replace("%1", str(len(rows))))
        self._show_summary()
        self._selection_changed()

    def _show_summary(self) -> None:
        """Open cases (per social worker for the head) and how many are due."""
        try:
            open_rows = case_service.list_cases(self.actor, case_service.CaseQuery(status="open"),
                                                on=today())
            due = case_service.list_cases(self.actor, case_service.CaseQuery(
                status="all", due_only=True), on=today())
        except StationError:
            self.summary_label.clear()
            return
        follow = sum(1 for r in due if r.due == "follow_up")
        quiet = len(due) - follow
        text = (self.tr("Open cases: %1 · follow-ups due: %2 · no service for 30 days: %3")
                .replace("%1", str(len(open_rows))).replace("%2", str(follow))
                .replace("%3", str(quiet)))
        if self.actor.role == HEAD and open_rows:
            per_worker = Counter(r.social_worker for r in open_rows)
            text += "　｜　" + self.tr("Open per social worker: %1").replace(
                "%1", "，".join(f"{name} {count}" for name, count in
                               sorted(per_worker.items(), key=lambda item: -item[1])))
        self.summary_label.setText(text)

    def current_row(self) -> case_service.CaseRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.current_row() is not None)

    def select_case(self, case_id: int) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == case_id:
                self.view.selectRow(i)
                return True
        return False

    # --- opening a case ------------------------------------------------------------------

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_case(row.id)

    def open_case(self, case_id: int) -> bool:
        """Show a case's file (an audited reading); a refusal is said, the list stays."""
        try:
            self.file.show_case(case_id)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return False
        self.stack.setCurrentWidget(self.file)
        return True

    def show_list(self) -> None:
        self.stack.setCurrentIndex(0)
        case_id = self.file.case_id
        self.load_list()
        if case_id is not None:
            self.select_case(case_id)

    def new_case(self) -> None:
        case_id = OpenCaseDialog.ask(self, self.actor, None, None, self.lang)
        if case_id is not None:
            self.load_list()
            self.select_case(case_id)
            self.open_case(case_id)

    # --- the month's sheets ----------------------------------------------------------------

    def _ask_month(self, title: str) -> tuple[int, int] | None:
        """This month or one of the eleven before it."""
        from PySide6.QtWidgets import QInputDialog

        on = today()
        months = []
        year, month = on.year, on.month
        for _ in range(12):
            months.append(f"{year}-{month:02d}")
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        chosen, ok = QInputDialog.getItem(self, title, self.tr("Month"), months, 0, False)
        if not ok:
            return None
        return int(chosen[:4]), int(chosen[5:7])

    def print_caseload(self) -> None:
        """社工月度个案工作量表: the user's own, or (the head) the worker chosen above."""
        import tempfile
        from pathlib import Path

        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        worker_id = self.actor.staff_id
        if self.actor.role == HEAD:
            worker_id = self.worker_filter.currentData()
            if worker_id is None:
                QMessageBox.information(self, self.tr("Monthly caseload sheet"), self.tr(
                    "Choose a social worker in the list's filter first."))
                return
        month = self._ask_month(self.tr("Monthly caseload sheet"))
        if month is None or worker_id is None:
            return
        if getattr(self, "_print_dir", None) is None:
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-caseload-")
        out = Path(self._print_dir.name) / f"caseload-{worker_id}-{month[0]}-{month[1]:02d}.pdf"
        actor, lang = self.actor, self.lang

        def build():
            from ...core.reports import caseload
            from ...core.services import case_exports

            caseload.build(case_exports.caseload_data(actor, worker_id, *month), out, lang=lang)
            return []

        title = self.tr("Monthly caseload sheet")
        operation = ops.run_operation(self, self.tr("Preparing the caseload sheet…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems, title))

    def export_figures(self) -> None:
        """The month's case work and hotline figures (counts only) to a workbook."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from ...core.services import case_exports
        from .. import ops

        month = self._ask_month(self.tr("Monthly figures to Excel"))
        if month is None:
            return
        title = self.tr("Monthly figures to Excel")
        path, _ = QFileDialog.getSaveFileName(
            self, title, f"个案统计-{month[0]}-{month[1]:02d}.xlsx",
            self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        operation = ops.run_operation(self, self.tr("Writing the workbook…"),
                                      case_exports.export_figures, self.actor, *month, target,
                                      cancellable=False)
        operation.finished.connect(lambda rows: QMessageBox.information(
            self, title, self.tr("%1 rows written to %2.").replace("%1", str(rows))
            .replace("%2", str(target))))

    # --- the page ------------------------------------------------------------------------

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        # The list only: the shown file is read again after its own writes, not on others'.
        self.load_list()

    def open_section(self, section: str) -> None:
        if section == "file":
            if not self.model.rowCount():
                self.load_list()
            rows = [self.model.row_at(n) for n in range(self.model.rowCount())]
            # a case in its middle shows most of the file: assessed, planned, served
            settled = clock.today() - _dt.timedelta(days=60)
            busy = [n for n, r in enumerate(rows)
                    if r.status in ("intervention", "evaluation") and r.last_record_on
                    and r.opened_on <= settled]
            if rows:
                self.view.selectRow(busy[0] if busy else 0)
                self.open_current()
        elif section == "list":
            self.show_list()


def open_case_from(widget: QWidget, actor, household_id: int, need_id: int | None = None,
                   lang: str = "zh") -> int | None:
    """开案 from elsewhere (a household's file, one of its needs): the dialog, then the new
    case's file on the case page when the window has one. Returns the case id, or None."""
    case_id = OpenCaseDialog.ask(widget, actor, household_id, need_id, lang)
    window = widget.window()
    if case_id is not None and hasattr(window, "page_names") and "cases" in window.page_names():
        window.show_page("cases")
        page = window.page("cases")
        page.load_list()
        page.select_case(case_id)
        page.open_case(case_id)
    return case_id
