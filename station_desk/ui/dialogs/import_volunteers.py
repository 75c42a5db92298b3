"""导入志愿者: a volunteer roster (志愿者花名册) from Excel or CSV.

Choose the file and sheet; the header is found by itself (under any title rows) and the
whole sheet is checked in the background at once (a dry run, with progress and a cancel
button). The dialog then shows what the import would change (new / updated / unchanged
volunteers, which columns were recognised and which are left out), or every bad row (row,
column, value, reason) to copy or save and correct in the file. Import is possible only when
no row is bad; it runs in one transaction, in the background too, and closes the dialog.

Reading, checking and importing are the services of ``core.services.volunteer_import``; the
list of bad rows is the household import's (``import_households.ProblemList``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.imports import households as ledger
from ...core.services import volunteer_import as importer
from ...messages import text
from .. import ops, uistate
from ..widgets import error_label
from .import_households import ProblemList


class ImportVolunteersDialog(QDialog):
    def __init__(self, parent: QWidget | None, context) -> None:
        super().__init__(parent)
        self.setObjectName("importVolunteers")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.setWindowTitle(self.tr("Import volunteers from Excel or CSV"))
        self.setMinimumSize(860, 540)
        self.path: Path | None = None
        self.source: importer.RosterSource | None = None
        self.report: importer.RosterReport | None = None
        self.result_value: importer.RosterReport | None = None
        self.operation: ops.Operation | None = None

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("importChoose")
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen yet: .xlsx, .xls, .ods or .csv"))
        self.file_label.setObjectName("importFile")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_combo.setMinimumWidth(160)
        self.sheet_combo.activated.connect(self.choose_sheet)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(QLabel(self.tr("Sheet")))
        row.addWidget(self.sheet_combo)
        layout.addLayout(row)

        self.summary_label = QLabel(self.tr(
            "Choose a volunteer roster. Its header is found by itself; the whole file is "
            "checked before anything is imported."))
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.error = error_label()
        layout.addWidget(self.error)
        self.problem_list = ProblemList(self.lang, self.reason, self.problems_stem, self.say, self)
        self.problems = self.problem_list.model
        self.problems_view = self.problem_list.view
        self.copy_button = self.problem_list.copy_button
        self.save_button = self.problem_list.save_button
        self.problem_list.set_problems([])
        layout.addWidget(self.problem_list, 1)

        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importRun")
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.refresh_buttons()

    # -- words ---------------------------------------------------------------------------------

    def join(self, words) -> str:
        return ("、" if self.lang == "zh" else ", ").join(words)

    def reason(self, item: ledger.RowProblem) -> str:
        return text(item.code, self.lang, **item.message_params())

    def problems_stem(self) -> str:
        return self.path.stem if self.path else "roster"

    def recognised(self) -> list[str]:
        """The headers of the columns that are imported, as in the file."""
        if self.source is None:
            return []
        return [c.header for c in self.source.columns if c.field not in (None, "seq")]

    def summary(self, report: importer.RosterReport) -> str:
        code = ("volunteer_import_summary_done" if report.written
                else "volunteer_import_summary_check")
        lines = [text("volunteer_import_read", self.lang, file=report.file, sheet=report.sheet,
                      header=report.header, rows=report.data_rows),
                 text(code, self.lang, new=report.new, updated=report.updated,
                      unchanged=report.unchanged)]
        columns = self.tr("Columns imported: %1").replace("%1", self.join(self.recognised()))
        if report.ignored:
            columns += "\n" + text("import_ignored", self.lang, columns=self.join(report.ignored))
        lines.append(columns)
        return "\n\n".join(lines)

    # -- the file ------------------------------------------------------------------------------

    def refresh_buttons(self) -> None:
        busy = self.operation is not None
        self.import_button.setEnabled(self.report is not None and self.report.ok
                                      and not self.report.written and not busy)
        self.choose_button.setEnabled(not busy)
        self.sheet_combo.setEnabled(not busy and self.sheet_combo.count() > 1)

    def choose_file(self) -> None:
        folder = str(uistate.get("files/last_folder") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a volunteer roster"), folder,
            self.tr("Rosters (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if path:
            uistate.put("files/last_folder", str(Path(path).parent))
            self.check(Path(path))

    def choose_sheet(self, index: int) -> None:
        name = self.sheet_combo.itemText(index)
        if self.path is not None and (self.source is None or name != self.source.sheet.name):
            self.check(self.path, name)

    def check(self, path: Path, sheet: str | None = None) -> None:
        """Read the sheet, find its header and check every row, in the background."""
        self.path = path
        self.file_label.setText(path.name)
        self.source = None
        self.show_report(None)
        self.error.hide()
        self.summary_label.setText(self.tr("Checking %1…").replace("%1", path.name))
        operation = self.start(self.tr("Checking the roster…"), self.read_and_check, path, sheet)
        operation.finished.connect(self.checked)
        operation.cancelled.connect(lambda: self.summary_label.setText(
            self.tr("The check was cancelled; nothing was imported.")))
        operation.failed.connect(self.check_failed)

    def read_and_check(self, path: Path, sheet: str | None):
        """On the worker: the source and its check (a dry run, nothing written)."""
        source = importer.open_source(path, sheet)
        return source, importer.check_import(self.actor, source)

    def checked(self, result) -> None:
        if result is None:
            return
        self.source, report = result
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(self.source.sheet.names))
        self.sheet_combo.setCurrentText(self.source.sheet.name)
        self.show_report(report)

    def check_failed(self, error: BaseException) -> None:
        self.operation.report_errors = False  # said here, under the summary
        self.summary_label.setText("")
        self.say(ops.error_text(error, self.lang))
        if isinstance(error, ValidationError) and error.code == "import_no_sheet":
            return
        # The sheet names, so another sheet can be chosen when this one has no header.
        try:
            names = ledger.sheet_names(self.path)
        except ValidationError:
            names = []
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if sheet := getattr(error, "params", {}).get("sheet"):
            self.sheet_combo.setCurrentText(str(sheet))

    def show_report(self, report: importer.RosterReport | None) -> None:
        self.report = report
        problems = list(report.problems) if report is not None else []
        self.problem_list.set_problems(problems)
        if report is None:
            self.summary_label.setText("")
        elif problems:
            self.summary_label.setText(text("import_bad_rows", self.lang, count=len(problems),
                                            rows=report.bad_rows))
        else:
            self.summary_label.setText(self.summary(report))
        self.refresh_buttons()

    # -- the import ----------------------------------------------------------------------------

    def run_import(self) -> None:
        if self.source is None or self.report is None or not self.report.ok:
            return
        operation = self.start(self.tr("Importing the volunteers…"), importer.import_volunteers,
                               self.actor, self.source)
        operation.finished.connect(self.imported)
        operation.failed.connect(self.import_failed)

    def imported(self, report: importer.RosterReport | None) -> None:
        if report is None:  # cancelled before anything was written
            return
        self.result_value = report
        self.show_report(report)
        QMessageBox.information(self, self.windowTitle(), self.summary(report))
        self.accept()

    def import_failed(self, error: BaseException) -> None:
        if isinstance(error, importer.RosterRejected):  # the data on file changed meanwhile
            self.operation.report_errors = False
            self.show_report(error.report)
        elif isinstance(error, ValidationError):
            self.operation.report_errors = False
            self.say(ops.error_text(error, self.lang))

    # -- background work -----------------------------------------------------------------------

    def start(self, title: str, fn, *args) -> ops.Operation:
        operation = ops.run_operation(self, title, fn, *args)
        self.operation = operation
        operation.ended.connect(self.operation_ended)
        self.refresh_buttons()
        return operation

    def operation_ended(self) -> None:
        self.operation = None
        self.refresh_buttons()

    def say(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()

    def reject(self) -> None:
        if self.operation is not None:  # a check or an import is running: cancel it first
            self.operation.cancel()
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, context) -> importer.RosterReport | None:
        """Import a roster; returns what the import did, or None when nothing was imported."""
        dialog = cls(parent, context)
        dialog.exec()
        return dialog.result_value
