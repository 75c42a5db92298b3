"""导入台账: a household ledger from Excel or CSV, in three steps.

1. File and sheet: the first rows as they are in the file, the header rows shaded, each
   column headed by what it will be imported as.
2. Columns: each column of the file and the field it goes to, as detected; any can be
   changed (or left out).
3. Check: the whole file is checked in the background (a dry run, with progress and a cancel
   button); the dialog shows what the import would change, or every bad row (row, column,
   value, reason) to copy or save and correct in the file. Import is possible only when no
   row is bad; it runs in one transaction, in the background too.

Reading, checking and importing are the services of ``core.services.household_import``;
ID numbers and phones from the file are shown masked, as everywhere.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.imports import households as ledger
from ...core.services import household_import as importer
from ...messages import text
from .. import ops, uistate
from ..models.table import ColourDelegate, Column, RowsTableModel
from ..widgets import error_label, heading

PREVIEW_ROWS = 40
HEADER_BRUSH = QBrush(QColor("#e0f2f1"))
IGNORED_BRUSH = QBrush(QColor("#eeeeee"))


def shown(value: object, field: str | None) -> str:
    """A cell as the dialog shows it: ID numbers and phones masked."""
    return ledger.masked(field, ledger.cell_text(value))


class PreviewModel(QAbstractTableModel):
    """The first rows of the sheet, as in the file; header rows shaded, each column headed by
    its letter and the field it is imported as."""

    def __init__(self, labels: dict[str | None, str], parent=None) -> None:
        super().__init__(parent)
        self._labels = labels
        self._rows: list[list] = []
        self._header_rows: tuple[int, ...] = ()
        self._fields: dict[int, str | None] = {}
        self._width = 0

    def show_source(self, source: importer.ImportSource | None) -> None:
        self.beginResetModel()
        if source is None:
            self._rows, self._header_rows, self._fields, self._width = [], (), {}, 0
        else:
            last = source.layout.data_start + PREVIEW_ROWS
            self._rows = source.sheet.rows[:last]
            self._header_rows = source.layout.header_rows
            self._fields = source.layout.mapping()
            self._width = max((len(r) for r in self._rows), default=0)
        self.endResetModel()

    def set_fields(self, fields: dict[int, str | None]) -> None:
        self._fields = dict(fields)
        if self._width:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._width - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self._width - 1))

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else self._width

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        header = row in self._header_rows
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[row]
            value = cells[col] if col < len(cells) else ""
            return shown(value, None if header else self._fields.get(col))
        if role == Qt.ItemDataRole.BackgroundRole:
            if header:
                return HEADER_BRUSH
            if self._header_rows and row > self._header_rows[-1] and \
                    self._fields.get(col) in (None, "seq"):
                return IGNORED_BRUSH
            return None
        if role == Qt.ItemDataRole.FontRole and header:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def texts(self, col: int) -> list[str]:
        """The column's cells from the header down (title rows left out), for sizing it."""
        first = self._header_rows[0] if self._header_rows else 0
        return [self.data(self.index(r, col)) for r in range(first, len(self._rows))]


    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the spreadsheet's own row number
        return self.column_title(section)

    def column_title(self, col: int) -> str:
        return f"{ledger.column_letter(col)}\n{self._labels[self._fields.get(col)]}"


class ProblemList(QWidget):
    """The bad rows of an import (row, column, value, reason) with Copy and Save buttons;
    shared by the import dialogs. ``reason`` words a problem, ``stem`` names the file the list
    is saved as, ``say`` shows a sentence (a write error) in the dialog."""

    def __init__(self, lang: str, reason, stem, say, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.reason = reason
        self.stem = stem
        self.say = say
        self.rows: list[ledger.RowProblem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowsTableModel([
            Column(self.tr("Row"), lambda p: p.row, align_right=True),
            Column(self.tr("Column"), lambda p: f"{p.letter} {p.header}".strip()),
            Column(self.tr("Value"), lambda p: p.value),
            Column(self.tr("Why"), lambda p: self.reason(p)),
        ], self)
        self.view = QTableView()
        self.view.setObjectName("importProblems")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 170)
        header.resizeSection(2, 170)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # keeps a summary at the top when there is no list
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy the list"))
        self.copy_button.setObjectName("importCopy")
        self.copy_button.clicked.connect(self.copy_problems)
        self.save_button = QPushButton(self.tr("Save the list…"))
        self.save_button.setObjectName("importSave")
        self.save_button.clicked.connect(self.save_problems)
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_problems(self, problems) -> None:
        self.rows = list(problems)
        self.model.set_rows(self.rows)
        # Once the reason column has its width (after the layout), rows fit their text.
        QTimer.singleShot(0, self.view.resizeRowsToContents)
        for widget in (self.view, self.copy_button, self.save_button):
            widget.setVisible(bool(self.rows))

    def titles(self) -> list[str]:
        return [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Why")]

    def problem_lines(self) -> list[list[str]]:
        return [[str(p.row), f"{p.letter} {p.header}".strip(), p.value, self.reason(p)]
                for p in self.rows]

    def copy_problems(self) -> None:
        lines = [self.titles(), *self.problem_lines()]
        QGuiApplication.clipboard().setText("\n".join("\t".join(line) for line in lines))

    def save_problems(self) -> None:
        folder = Path(str(uistate.get("files/last_folder") or Path.home()))
        suggested = folder / self.tr("%1 - problems.csv").replace("%1", self.stem())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the list of problems"),
                                              str(suggested), self.tr("CSV file (*.csv)"))
        if not path:
            return
        try:
            # UTF-8 with a BOM: Excel and WPS open it with the Chinese intact.
            with open(path, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(self.titles())
                writer.writerows(self.problem_lines())
        except OSError as error:
            self.say(self.tr("Can't write %1: %2").replace("%1", path)
                     .replace("%2", error.strerror or str(error)))


@dataclass
class MappingRow:
    column: ledger.Column
    example: str
    combo: QComboBox


class ImportHouseholdsDialog(QDialog):
    FILE, COLUMNS, CHECK = range(3)

    def __init__(self, parent: QWidget | None, context) -> None:
        super().__init__(parent)
        self.setObjectName("importHouseholds")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.setWindowTitle(self.tr("Import households from Excel or CSV"))
        self.setMinimumSize(960, 620)
        self.path: Path | None = None
        self.source: importer.ImportSource | None = None
        self.report: importer.ImportReport | None = None
        self.result_value: importer.ImportReport | None = None
        self.mapping_rows: list[MappingRow] = []
        self.operation: ops.Operation | None = None
        self.labels = self.field_labels()

        layout = QVBoxLayout(self)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("importSteps")
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.steps_label)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._check_page())
        layout.addWidget(self.pages, 1)
        self.error = error_label()
        layout.addWidget(self.error)

        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.setObjectName("importBack")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setObjectName("importNext")
        self.next_button.clicked.connect(self.go_next)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importRun")
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.show_step(self.FILE)

    # -- words ---------------------------------------------------------------------------------

    def field_labels(self) -> dict[str | None, str]:
        return {
            None: self.tr("(not imported)"),
            "seq": self.tr("Row number (not imported)"),
            "head_name": self.tr("Head of household"),
            "name": self.tr("Name of the person on the row"),
            "relation": self.tr("Relation to the head"),
            "id_number": self.tr("ID number"),
            "gender": self.tr("Gender"),
            "birthdate": self.tr("Birthdate"),
            "phone": self.tr("Phone"),
            "village": self.tr("Village"),
            "address": self.tr("Address"),
            "categories": self.tr("Categories"),
            "tier": self.tr("Tier"),
            "social_worker": self.tr("Social worker"),
            "registered_on": self.tr("Registered on"),
            "notes": self.tr("Notes"),
            "disability": self.tr("Disability type and grade"),
            "disability_type": self.tr("Disability type"),
            "disability_grade": self.tr("Disability grade"),
            "health": self.tr("Health"),
            "chronic_illness": self.tr("Chronic illness"),
            "school_or_work": self.tr("School or work"),
            "head_id_number": self.tr("Head's ID number"),
            "head_gender": self.tr("Head's gender"),
            "head_birthdate": self.tr("Head's birthdate"),
            "head_phone": self.tr("Head's phone"),
        }

    def join(self, words) -> str:
        return ("、" if self.lang == "zh" else ", ").join(words)

    def show_step(self, step: int) -> None:
        names = [self.tr("1 File and sheet"), self.tr("2 Columns"), self.tr("3 Check and import")]
        parts = [f"<b style='color:#00695c'>{name}</b>" if i == step else
                 f"<span style='color:#757575'>{name}</span>" for i, name in enumerate(names)]
        self.steps_label.setText("&nbsp;&nbsp;›&nbsp;&nbsp;".join(parts))
        self.pages.setCurrentIndex(step)
        self.error.hide()
        self.back_button.setEnabled(step != self.FILE)
        self.next_button.setVisible(step != self.CHECK)
        self.next_button.setText(self.tr("Check >") if step == self.COLUMNS else self.tr("Next >"))
        self.import_button.setVisible(step == self.CHECK)
        self.refresh_buttons()

    def refresh_buttons(self) -> None:
        step = self.pages.currentIndex()
        busy = self.operation is not None
        if step == self.FILE:
            self.next_button.setEnabled(self.source is not None and not busy)
        elif step == self.COLUMNS:
            self.next_button.setEnabled(self.mapping_problem() is None and not busy)
        self.import_button.setEnabled(self.report is not None and self.report.ok
                                      and not self.report.written and not busy)
        self.back_button.setEnabled(step != self.FILE and not busy)
        self.choose_button.setEnabled(not busy)
        self.sheet_combo.setEnabled(not busy and self.sheet_combo.count() > 1)

    # -- step 1: the file ---------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
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
        self.layout_label = QLabel()
        self.layout_label.setObjectName("muted")
        self.layout_label.setWordWrap(True)
        layout.addWidget(self.layout_label)
        self.preview = PreviewModel(self.labels, self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("importPreview")
        self.preview_view.setModel(self.preview)
        self.preview_view.setItemDelegate(ColourDelegate(self.preview_view))
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.horizontalHeader().setDefaultSectionSize(118)
        self.preview_view.verticalHeader().setDefaultSectionSize(24)
        layout.addWidget(self.preview_view, 1)
        return page

    def choose_file(self) -> None:
        folder = str(uistate.get("files/last_folder") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a household ledger"), folder,
            self.tr("Ledgers (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if path:
            uistate.put("files/last_folder", str(Path(path).parent))
            self.load(Path(path))

    def choose_sheet(self, index: int) -> None:
        name = self.sheet_combo.itemText(index)
        if self.path is not None and self.source is not None and name != self.source.sheet.name:
            self.load(self.path, name)

    def load(self, path: Path, sheet: str | None = None) -> None:
        """Read the sheet and find its header, in the background."""
        self.path = path
        self.file_label.setText(path.name)
        self.set_source(None)
        operation = self.start(self.tr("Reading %1…").replace("%1", path.name),
                               importer.open_source, path, sheet, cancellable=False)
        operation.finished.connect(self.set_source)
        operation.failed.connect(self.load_failed)

    def load_failed(self, error: BaseException) -> None:
        self.operation.report_errors = False  # said here, under the steps
        self.show_error(error)
        if isinstance(error, ValidationError) and error.code == "import_no_sheet":
            return
        # The sheet names, so another sheet can be chosen when this one has no header.
        try:
            names = ledger.sheet_names(self.path)
        except ValidationError:
            names = []
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)

    def set_source(self, source: importer.ImportSource | None) -> None:
        self.source = source
        self.report = None
        self.preview.show_source(source)
        if source is None:
            self.layout_label.clear()
            self.refresh_buttons()
            return
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(source.sheet.names))
        self.sheet_combo.setCurrentText(source.sheet.name)
        self.build_mapping(source.layout)
        rows = source.layout.header_rows
        where = (self.tr("row %1").replace("%1", str(rows[0] + 1)) if len(rows) == 1 else
                 self.tr("rows %1–%2").replace("%1", str(rows[0] + 1)).replace("%2", str(rows[-1] + 1)))
        used = sum(1 for c in source.layout.columns if c.field not in (None, "seq"))
        self.layout_label.setText(self.tr(
            "Header found in %1: %2 columns will be imported. Shaded rows are the header; grey "
            "columns are not imported. Check the columns in the next step.")
            .replace("%1", where).replace("%2", str(used)))
        self.size_preview()
        self.error.hide()
        self.refresh_buttons()

    def size_preview(self) -> None:
        """Columns as wide as their header and values (not the title above), within bounds."""
        cells = QFontMetrics(self.preview_view.font())
        header = self.preview_view.horizontalHeader()
        titles = header.fontMetrics()
        for col in range(self.preview.columnCount()):
            widest = max([cells.horizontalAdvance(t) + 32 for t in self.preview.texts(col)]
                         + [titles.horizontalAdvance(t) + 48
                            for t in self.preview.column_title(col).split("\n")])
            header.resizeSection(col, max(72, min(280, widest)))
        self.preview_view.resizeRowsToContents()

    # -- step 2: the columns ------------------------------------------------------------------

    def _columns_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr(
            "Each column of the file and what it is imported as. On a head's row, phone, "
            "categories and notes are the household's; on a member's row, the member's. Empty "
            "cells keep what is on file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.mapping_note = error_label()
        layout.addWidget(self.mapping_note)
        scroll = QScrollArea()
        scroll.setObjectName("importColumns")
        scroll.setWidgetResizable(True)
        self.mapping_widget = QWidget()
        self.mapping_grid = QGridLayout(self.mapping_widget)
        self.mapping_grid.setColumnStretch(4, 1)
        scroll.setWidget(self.mapping_widget)
        layout.addWidget(scroll, 1)
        return page

    def build_mapping(self, layout: ledger.Layout) -> None:
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.mapping_rows = []
        for col, title in enumerate((self.tr("Column"), self.tr("Header in the file"),
                                     self.tr("First value"), self.tr("Imported as"))):
            self.mapping_grid.addWidget(heading(title, 2), 0, col)
        choices = [None, *ledger.FIELDS]
        rows = self.source.sheet.rows if self.source else []
        for column in layout.columns:
            example = next((shown(r[column.index], column.field)
                            for r in rows[layout.data_start:layout.data_start + 50]
                            if column.index < len(r) and ledger.cell_text(r[column.index])), "")
            if not column.header and not example:
                continue  # an empty column
            combo = QComboBox()
            combo.setObjectName(f"field_{column.letter}")
            combo.setMinimumWidth(260)
            for choice in choices:
                combo.addItem(self.labels[choice], choice)
            combo.setCurrentIndex(choices.index(column.field))
            combo.currentIndexChanged.connect(self.mapping_changed)
            line = len(self.mapping_rows) + 1
            self.mapping_grid.addWidget(QLabel(column.letter), line, 0)
            self.mapping_grid.addWidget(QLabel(column.header or "—"), line, 1)
            self.mapping_grid.addWidget(QLabel(example), line, 2)
            self.mapping_grid.addWidget(combo, line, 3)
            self.mapping_rows.append(MappingRow(column, example, combo))
        self.mapping_grid.setRowStretch(len(self.mapping_rows) + 1, 1)
        self.mapping_changed()

    def mapping(self) -> dict[int, str | None]:
        return {row.column.index: row.combo.currentData() for row in self.mapping_rows}

    def mapping_problem(self) -> str | None:
        """Why the columns as mapped can't be checked, or None."""
        chosen = [f for f in self.mapping().values() if f is not None]
        if self.source is None:
            return self.tr("Choose a file first.")
        if "head_name" not in chosen and "name" not in chosen:
            return self.tr("One column must hold the head's name or the person's name.")
        twice = sorted({self.labels[f] for f in chosen if chosen.count(f) > 1})
        if twice:
            return self.tr("Each field can come from one column only: %1").replace(
                "%1", self.join(twice))
        return None

    def mapping_changed(self) -> None:
        self.report = None
        self.preview.set_fields({**(self.source.layout.mapping() if self.source else {}),
                                 **self.mapping()})
        problem = self.mapping_problem() if self.source is not None else None
        self.mapping_note.setText(problem or "")
        self.mapping_note.setVisible(bool(problem))
        self.refresh_buttons()

    # -- step 3: check and import -------------------------------------------------------------

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("importSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.problem_list = ProblemList(self.lang, self.reason, self.problems_stem, self.say, self)
        self.problems = self.problem_list.model
        self.problems_view = self.problem_list.view
        self.copy_button = self.problem_list.copy_button
        self.save_button = self.problem_list.save_button
        layout.addWidget(self.problem_list, 1)
        return page

    def problems_stem(self) -> str:
        return self.path.stem if self.path else "ledger"

    def reason(self, item: ledger.RowProblem) -> str:
        return text(item.code, self.lang, **item.message_params())

    def run_check(self) -> None:
        self.source = self.source.remapped(self.mapping())
        self.report = None
        self.show_report(None)
        self.show_step(self.CHECK)
        operation = self.start(self.tr("Checking the ledger…"), importer.check_import,
                               self.actor, self.source)
        operation.finished.connect(self.show_report)
        operation.cancelled.connect(lambda: self.summary_label.setText(
            self.tr("The check was cancelled; nothing was imported.")))
        operation.failed.connect(self.check_failed)

    def check_failed(self, error: BaseException) -> None:
        self.operation.report_errors = False
        self.summary_label.setText("")
        self.show_error(error)

    def show_report(self, report: importer.ImportReport | None) -> None:
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

    def summary(self, report: importer.ImportReport) -> str:
        code = "import_summary_done" if report.written else "import_summary_check"
        lines = [text("import_read", self.lang, file=report.file, sheet=report.sheet,
                      header=report.header, rows=report.data_rows,
                      households=report.households),
                 text(code, self.lang, new=report.households_new,
                      updated=report.households_updated, unchanged=report.households_unchanged,
                      members_new=report.members_new, members_updated=report.members_updated)]
        if report.ignored:
            lines.append(text("import_ignored", self.lang, columns=self.join(report.ignored)))
        return "\n\n".join(lines)

    def run_import(self) -> None:
        operation = self.start(self.tr("Importing the ledger…"), importer.import_households,
                               self.actor, self.source)
        operation.finished.connect(self.imported)
        operation.failed.connect(self.import_failed)

    def imported(self, report: importer.ImportReport | None) -> None:
        if report is None:  # cancelled before anything was written
            return
        self.result_value = report
        self.show_report(report)
        QMessageBox.information(self, self.windowTitle(), self.summary(report))
        self.accept()

    def import_failed(self, error: BaseException) -> None:
        if isinstance(error, importer.ImportRejected):  # the data on file changed meanwhile
            self.operation.report_errors = False
            self.show_report(error.report)
        elif isinstance(error, ValidationError):
            self.operation.report_errors = False
            self.show_error(error)

    # -- moving between the steps ---------------------------------------------------------------

    def go_next(self) -> None:
        step = self.pages.currentIndex()
        if step == self.FILE:
            self.show_step(self.COLUMNS)
        elif step == self.COLUMNS and self.mapping_problem() is None:
            self.run_check()

    def go_back(self) -> None:
        self.show_step(max(self.FILE, self.pages.currentIndex() - 1))

    def start(self, title: str, fn, *args, cancellable: bool = True) -> ops.Operation:
        operation = ops.run_operation(self, title, fn, *args, cancellable=cancellable)
        self.operation = operation
        operation.ended.connect(self.operation_ended)
        self.refresh_buttons()
        return operation

    def operation_ended(self) -> None:
        self.operation = None
        self.refresh_buttons()

    def show_error(self, error: BaseException) -> None:
        self.say(ops.error_text(error, self.lang))

    def say(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()

    def reject(self) -> None:
        if self.operation is not None:  # a check or an import is running: cancel it first
            self.operation.cancel()
            return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, context) -> importer.ImportReport | None:
        """Import a ledger; returns what the import did, or None when nothing was imported."""
        dialog = cls(parent, context)
        dialog.exec()
        return dialog.result_value
