"""导入期初库存: opening stock from Excel or CSV.

Choose the file (and sheet) and the opening date; the whole sheet is checked in the
background (a dry run of ``stock_import.import_opening_stock``). The dialog then previews
the lines that would come in (item, quantity, value, expiry, storeroom, whether the item is
new) with the total value, or lists every bad row (row, column, value, reason) to copy or
save and correct in the file. Import is possible only when no row is bad; it writes the new
items and the opening voucher in one transaction, in the background too, and closes.

The dialog is the volunteer import dialog's subclass (its file row, summary, list of bad
rows and background plumbing), with the opening date, the preview and the stock services.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QLabel,
    QWidget,
)

from ...core import money
from ...core.clock import today
from ...core.imports import stock as stock_sheet
from ...core.services import stock_import as importer
from ...messages import text
from .. import ops, uistate
from ..models.table import Column, RowsTableModel, make_table
from .import_volunteers import ImportVolunteersDialog


class ImportStockDialog(ImportVolunteersDialog):
    """The roster dialog's file row, summary, problem list, buttons and background plumbing
    (choosing a sheet, receiving a check, a failed read, the imported message, cancel on
    close), with an opening date, a preview of the lines, and the stock check and import."""

    def __init__(self, parent: QWidget | None, context) -> None:
        super().__init__(parent, context)
        self.setObjectName("importStock")
        self.setWindowTitle(self.tr("Import opening stock from Excel or CSV"))
        self.setMinimumSize(900, 560)
        day = today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setObjectName("importDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(day.year, day.month, day.day))
        self.date_edit.dateChanged.connect(self.date_changed)
        layout = self.layout()
        top = layout.itemAt(0).layout()  # the file row: button, file name, sheet
        top.addWidget(QLabel(self.tr("Opening date")))
        top.addWidget(self.date_edit)
        self.summary_label.setText(self.tr(
            "Choose a stock sheet with at least the item name (物资名称) and the quantity "
            "(数量). Items not in the catalogue are created from the row's category and unit. "
            "The whole file is checked before anything is imported."))

        self.preview = RowsTableModel([
            Column(self.tr("Row"), lambda line: line.row, align_right=True),
            Column(self.tr("Item"), lambda line: line.label),
            Column(self.tr("Unit"), lambda line: line.unit),
            Column(self.tr("Quantity"), lambda line: line.quantity, align_right=True),
            Column(self.tr("Unit value"), lambda line: money.yuan(line.unit_value_fen),
                   align_right=True),
            Column(self.tr("Value"), lambda line: money.yuan(
                None if line.unit_value_fen is None else line.value_fen), align_right=True),
            Column(self.tr("Expires"), lambda line: line.expires_on or ""),
            Column(self.tr("Storeroom"), lambda line: line.location),
            Column(self.tr("New item"), lambda line: self.tr("New") if line.new_item else ""),
        ], self)
        self.preview_view = make_table(self.preview, "importPreview", fixed_row_height=28)
        self.preview_view.hide()
        layout.insertWidget(layout.indexOf(self.problem_list), self.preview_view, 1)
        self.refresh_buttons()

    # -- words ---------------------------------------------------------------------------------

    def problems_stem(self) -> str:
        return self.path.stem if self.path else "stock"

    def summary(self, report: importer.StockImportReport) -> str:
        join = "、" if self.lang == "zh" else ", "
        code = "stock_import_summary_done" if report.written else "stock_import_summary_check"
        lines = [text("stock_import_read", self.lang, file=report.file, sheet=report.sheet,
                      header=report.header, rows=report.data_rows),
                 text(code, self.lang, on=report.on.isoformat(), lines=len(report.lines),
                      value=money.yuan(report.total_value_fen), unvalued=report.unvalued,
                      new=len(report.new_items), names=join.join(report.new_items) or "—")]
        if self.source is not None:
            lines.append(self.tr("Columns imported: %1").replace(
                "%1", join.join(self.source.recognised())))
        if report.ignored:
            lines.append(text("import_ignored", self.lang, columns=join.join(report.ignored)))
        return "\n\n".join(lines)

    def opening_date(self):
        return self.date_edit.date().toPython()

    # -- checking ------------------------------------------------------------------------------

    def refresh_buttons(self) -> None:
        super().refresh_buttons()
        if hasattr(self, "date_edit"):  # the roster dialog's __init__ calls this before it exists
            self.date_edit.setEnabled(self.operation is None)

    def choose_file(self) -> None:
        folder = str(uistate.get("files/last_folder") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a stock sheet"), folder,
            self.tr("Sheets (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if path:
            uistate.put("files/last_folder", str(Path(path).parent))
            self.check(Path(path))

    def date_changed(self) -> None:
        if self.source is not None and self.operation is None:
            self.check(self.path, self.source.sheet.name, self.source)

    def check(self, path: Path, sheet: str | None = None,
              source: stock_sheet.StockSource | None = None) -> None:
        """Read the sheet (unless read already) and check every row, in the background."""
        self.path = path
        self.file_label.setText(path.name)
        self.source = source
        self.show_report(None)
        self.error.hide()
        self.summary_label.setText(self.tr("Checking %1…").replace("%1", path.name))
        operation = self.start(self.tr("Checking the stock sheet…"), self.read_and_check,
                               path, sheet, source, self.opening_date())
        operation.finished.connect(self.checked)
        operation.cancelled.connect(lambda: self.summary_label.setText(
            self.tr("The check was cancelled; nothing was imported.")))
        operation.failed.connect(self.check_failed)

    def read_and_check(self, path: Path, sheet: str | None, source, on):
        """On the worker: the source and its dry run (nothing written)."""
        source = source or stock_sheet.open_source(path, sheet)
        return source, importer.import_opening_stock(self.actor, source, on=on, dry_run=True)

    def show_report(self, report: importer.StockImportReport | None) -> None:
        self.report = report
        problems = list(report.problems) if report is not None else []
        self.problem_list.set_problems(problems)
        self.preview.set_rows(report.lines if report is not None and not problems else [])
        self.preview_view.setVisible(report is not None and not problems)
        self.problem_list.setVisible(bool(problems))
        if report is None:
            self.summary_label.setText("")
        elif problems:
            self.summary_label.setText(text("import_bad_rows", self.lang, count=len(problems),
                                            rows=report.bad_rows))
        else:
            self.summary_label.setText(self.summary(report))
            self.preview_view.resizeColumnsToContents()
        self.refresh_buttons()

    # -- importing -----------------------------------------------------------------------------

    def run_import(self) -> None:
        if self.source is None or self.report is None or not self.report.ok:
            return
        operation = self.start(self.tr("Importing the opening stock…"), functools.partial(
            importer.import_opening_stock, on=self.opening_date()), self.actor, self.source)
        operation.finished.connect(self.imported)
        operation.failed.connect(self.import_failed)

    def import_failed(self, error: BaseException) -> None:
        self.operation.report_errors = False
        if isinstance(error, importer.StockImportRejected):  # the catalogue changed meanwhile
            self.show_report(error.report)
        else:
            self.say(ops.error_text(error, self.lang))

    @classmethod
    def ask(cls, parent: QWidget | None, context) -> importer.StockImportReport | None:
        """Import opening stock; what the import did, or None when nothing was imported."""
        return super().ask(parent, context)
