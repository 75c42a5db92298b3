"""服务对象: households on file (一户一档), the 待走访 list, and one household's file.

The list is a QTableView over ``HouseholdTableModel``: ``find_household_ids`` filters and
sorts in SQL, and the model fetches display rows a block at a time as the view paints, so
the whole district's ledger scrolls without freezing. The search box waits for a short pause
in typing before it asks. A household's file (members, visits, needs) replaces the tabs
until 返回列表. Numbers are masked everywhere; 显示完整号码 (the head, or the social worker
of the household's village) shows them, is written to the audit log, and lasts until the
household changes or another is opened.

The front desk never gets this page (PAGES lists it for the head and social workers only,
and the services refuse the front desk anyway).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.roles import SOCIAL_WORKER
from ...core.services import accounts, households, station
from ...core.services.households import HOUSEHOLD_STATUSES, NEED_STATUSES
from ..labels import label
from ..models.households import (
    COLUMNS,
    HouseholdTableModel,
    column_title,
    day,
    due_text,
    overdue_text,
)
from ..models.table import Column, RowsTableModel, make_table
from ..widgets import heading
from .base import Page
from .parts import button as _button
from .parts import combo as _combo
from .parts import fill as _fill
from .parts import search_box as _search_box

SEARCH_PAUSE_MS = 150  # typing pauses this long before the list is asked again
ROW_HEIGHT = 30


def _table(model, name: str, multi: bool = False) -> QTableView:
    view = make_table(model, name, multi=multi, fixed_row_height=ROW_HEIGHT)
    view.horizontalHeader().setHighlightSections(False)
    # The theme pads header titles by 20 px a side: too much for a ten-column list.
    view.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 0 6px; }")
    return view


def _part(top: list[QWidget], view: QTableView) -> QWidget:
    """A table with a row of widgets (title, buttons) above it."""
    part = QWidget()
    layout = QVBoxLayout(part)
    if top:
        row = QHBoxLayout()
        for widget in top:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
    layout.addWidget(view)
    return part


def _selected_rows(view: QTableView) -> list[int]:
    """The selected rows, read from the selection's ranges: ``selectedRows()`` would build an
    index per row, a second and more when all 100,000 rows are selected."""
    model = view.selectionModel()
    if model is None:
        return []
    rows: set[int] = set()
    for part in model.selection():
        rows.update(range(part.top(), part.bottom() + 1))
    return sorted(rows)


class HouseholdsPage(Page):
    name = "households"
    watches = frozenset({"household", "household_category", "member", "member_category",
                         "visit", "need", "village", "category", "tier", "staff"})
    LOOKUP_TABLES = frozenset({"village", "category", "tier", "staff"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        actor = context.actor
        self.actor = actor
        self.lang = context.lang
        self.can_edit = actor.can("households.edit")
        self.query = households.HouseholdQuery()
        self._print_dir = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_filters)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.stack = QStackedWidget()
        self.stack.setObjectName("householdsStack")
        layout.addWidget(self.stack)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("householdsTabs")
        self.list_tab = self._list_tab()
        self.due_tab = self._due_tab()
        self.tabs.addTab(self.list_tab, self.tr("Households on file"))
        self.tabs.addTab(self.due_tab, self.tr("Due for a visit"))
        self.file = HouseholdFile(self)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.file)
        # After a write only what is showing reloads; the other parts when they are shown
        # (at 125,800 households the whole list takes a few hundred ms to read again).
        self._list_stale = self._due_stale = True
        self.tabs.currentChanged.connect(lambda _i: self._load_stale())

    # --- the list ----------------------------------------------------------------------

    def _list_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_list")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.search = _search_box("householdSearch", self.tr("Name, pinyin initials, ID or phone tail, address"),
                                  lambda: self._search_timer.start(), self.search_now, 260)
        self.village_filter = _combo("villageFilter")
        self.category_filter = _combo("categoryFilter")
        self.tier_filter = _combo("tierFilter")
        self.worker_filter = _combo("workerFilter")
        self.status_filter = _combo("statusFilter")
        _fill(self.status_filter, [("active", label("household_status", "active")), ("", self.tr("All statuses"))]
              + [(s, label("household_status", s)) for s in HOUSEHOLD_STATUSES[1:]])
        self.overdue_filter = QCheckBox(self.tr("Overdue only"))
        self.overdue_filter.setObjectName("overdueFilter")
        self.count_label = QLabel()
        self.count_label.setObjectName("householdCount")
        filters.addWidget(self.search, 1)
        for combo in (self.village_filter, self.category_filter, self.tier_filter,
                      self.worker_filter, self.status_filter):
            filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue_filter.toggled.connect(lambda _c: self.apply_filters())
        filters.addWidget(self.overdue_filter)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.add_button = _button(self.tr("New household"), "addHousehold", self.new_household)
        self.edit_button = _button(self.tr("Edit"), "editHousehold",
                                   lambda: self._with_current(self.edit_household))
        self.visit_button = _button(self.tr("Record visit"), "recordVisit",
                                    lambda: self._with_current(self.record_visit))
        self.open_button = _button(self.tr("Open file"), "openHousehold",
                                   lambda: self._with_current(self.open_household))
        self.print_button = _button(self.tr("Print visit sheets"), "printSheets",
                                    lambda: self.print_sheets(self.selected_ids()))
        self.export_button = _button(self.tr("Export ledger…"), "exportLedger", self.export_ledger)
        self.import_button = _button(self.tr("Import…"), "importHouseholds", self.import_households)
        for button in (self.add_button, self.edit_button, self.visit_button):
            button.setVisible(self.can_edit)
            buttons.addWidget(button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.export_button.setVisible(self.actor.can("households.export"))
        self.import_button.setVisible(self.actor.can("households.import"))
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.model = HouseholdTableModel(self.actor, self)
        self.view = _table(self.model, "householdTable", multi=True)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.view.doubleClicked.connect(lambda index: self.open_household(self.model.id_at(index.row())))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._list_selection_changed())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._list_selection_changed())
        layout.addWidget(self.view)
        self._size_columns()
        self._list_selection_changed()
        return tab

    def _size_columns(self) -> None:
        """Widths from the font (both languages), not from the rows: measuring rows would
        fetch them."""
        metrics = self.view.fontMetrics()
        samples = {"head_name": "欧阳小明", "village": "金兰寺村", "address": "马修村祠堂巷37号",
                   "phone": "020-******02", "categories": "独居老人、高龄老人", "tier": "一级",
                   "social_worker": "黄海燕", "last_visit_on": "2025-12-31",
                   "due_on": due_text(_dt.date(2025, 12, 31), _dt.date(2026, 4, 30)),
                   "status": label("household_status", "deceased")}
        for column, (key, _sort) in enumerate(COLUMNS):
            # room for the sort arrow beside the title
            width = max(metrics.horizontalAdvance(samples[key]) + 28,
                        metrics.horizontalAdvance(column_title(key)) + 36)
            self.view.setColumnWidth(column, width)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        sort = COLUMNS[column][1]
        if sort is None:  # masked phones, addresses, category lists: not sorted
            current = next(i for i, (_k, s) in enumerate(COLUMNS) if s == self.query.sort)
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, Qt.SortOrder.DescendingOrder if self.query.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self.query = households.HouseholdQuery(**{**self.query.__dict__, "sort": sort,
                                                  "descending": order == Qt.SortOrder.DescendingOrder})
        self.apply_filters()

    def current_query(self) -> households.HouseholdQuery:
        return households.HouseholdQuery(
            text=self.search.text().strip(),
            village_id=self.village_filter.currentData(),
            category_id=self.category_filter.currentData(),
            tier_id=self.tier_filter.currentData(),
            social_worker_id=self.worker_filter.currentData(),
            status=self.status_filter.currentData() or None,
            overdue=self.overdue_filter.isChecked(),
            sort=self.query.sort, descending=self.query.descending)

    def search_now(self) -> None:
        """Ask at once instead of waiting for the pause in typing."""
        self._search_timer.stop()
        self.apply_filters()

    def apply_filters(self) -> None:
        """Run the list's query again, keeping the selected households selected."""
        self._search_timer.stop()
        keep, current = self.selected_ids(), self.current_id()
        self.query = self.current_query()
        self._list_stale = False
        ids = households.find_household_ids(self.actor, self.query)
        # One status chosen: every row would say the same.
        status_column = next(i for i, (k, _s) in enumerate(COLUMNS) if k == "status")
        self.view.setColumnHidden(status_column, self.query.status is not None)
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("%1 households").replace("%1", str(len(ids))))
        self._reselect(keep, current)
        self._list_selection_changed()

    def _reselect(self, ids: list[int], current: int | None) -> None:
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = previous = None
        for row in rows + [None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None:
                selection.select(self.model.index(start, 0), self.model.index(previous, last))
            start = previous = row
        flags = QItemSelectionModel.SelectionFlag
        model = self.view.selectionModel()
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            model.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)
            self.view.scrollTo(self.model.index(row, 0))

    def selected_ids(self) -> list[int]:
        return [i for i in (self.model.id_at(r) for r in _selected_rows(self.view)) if i is not None]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            rows = _selected_rows(self.view)
            return self.model.id_at(rows[0]) if rows else None
        return self.model.id_at(index.row())

    def _with_current(self, handler: Callable[[int], None]) -> None:
        household_id = self.current_id()
        if household_id is not None:
            handler(household_id)

    def _list_selection_changed(self) -> None:
        count = len(_selected_rows(self.view))
        for button in (self.edit_button, self.visit_button, self.open_button):
            button.setEnabled(count >= 1)
        self.print_button.setEnabled(count >= 1)
        self.print_button.setText(self.tr("Print visit sheets (%1)").replace("%1", str(count))
                                  if count > 1 else self.tr("Print visit sheets"))

    def select_household(self, household_id: int) -> None:
        row = self.model.row_of(household_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def filter_description(self) -> str:
        """The list's filter in words (for the export's line under the title)."""
        parts = []
        for combo in (self.village_filter, self.category_filter, self.tier_filter,
                      self.worker_filter):
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        parts.append(self.status_filter.currentText())
        if self.overdue_filter.isChecked():
            parts.append(self.overdue_filter.text())
        if self.query.text:
            parts.append(self.tr("search “%1”").replace("%1", self.query.text))
        return "；".join(parts) if self.lang == "zh" else "; ".join(parts)

    # --- 待走访 ----------------------------------------------------------------------------

    def _due_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_due")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.due_worker = _combo("dueWorker")
        self.due_village = _combo("dueVillage")
        self.due_count = QLabel()
        self.due_count.setObjectName("dueCount")
        filters.addWidget(QLabel(self.tr("Social worker")))
        filters.addWidget(self.due_worker)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Village")))
        filters.addWidget(self.due_village)
        filters.addStretch(1)
        filters.addWidget(self.due_count)
        self.due_worker.currentIndexChanged.connect(lambda _i: self.load_due())
        self.due_village.currentIndexChanged.connect(lambda _i: self.load_due())
        layout.addLayout(filters)
        buttons = QHBoxLayout()
        self.due_visit_button = _button(self.tr("Record visit"), "dueRecordVisit",
                                        lambda: self._with_due(self.record_visit))
        self.due_visit_button.setVisible(self.can_edit)
        self.due_open_button = _button(self.tr("Open file"), "dueOpenHousehold",
                                       lambda: self._with_due(self.open_household))
        self.due_print_button = _button(self.tr("Print visit sheets"), "duePrintSheets",
                                        lambda: self.print_sheets(self.due_selected_ids()))
        for button in (self.due_visit_button, self.due_open_button, self.due_print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        columns = [
            Column(self.tr("Overdue"), lambda r: overdue_text(r.days_overdue), align_right=True),
            Column(column_title("head_name"), lambda r: r.head_name),
            Column(column_title("village"), lambda r: r.village_name),
            Column(column_title("address"), lambda r: r.address),
            Column(column_title("phone"), lambda r: r.phone),
            Column(column_title("tier"), lambda r: r.tier_name),
            Column(column_title("social_worker"), lambda r: r.social_worker_name),
            Column(column_title("last_visit_on"), lambda r: day(r.last_visit_on)
                   or self.tr("never")),
            Column(self.tr("Due on"), lambda r: day(r.due_on)),
        ]
        self.due_model = RowsTableModel(columns, self)
        self.due_view = _table(self.due_model, "dueTable", multi=True)
        self.due_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.due_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.due_view.doubleClicked.connect(
            lambda index: self.open_household(self.due_model.row_at(index.row()).household_id))
        self.due_view.selectionModel().selectionChanged.connect(lambda *_a: self._due_selection_changed())
        layout.addWidget(self.due_view)
        self._due_selection_changed()
        return tab

    def load_due(self, after_write: bool = False) -> None:
        keep = set(self.due_selected_ids())
        selected = _selected_rows(self.due_view)
        was_at = selected[0] if selected else None
        self._due_stale = False
        rows = households.due_visits(self.actor, social_worker_id=self.due_worker.currentData(),
                                     village_id=self.due_village.currentData())
        self.due_model.set_rows(rows)
        self.due_count.setText(self.tr("%1 households due").replace("%1", str(len(rows))))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        kept = [row for row, due in enumerate(rows) if due.household_id in keep]
        for row in kept:
            self.due_view.selectionModel().select(self.due_model.index(row, 0), flags)
        if after_write and keep and not kept and rows and was_at is not None:
            # The household just visited left the list: the next one is ready for its visit.
            self.due_view.selectRow(min(was_at, len(rows) - 1))
        self._due_selection_changed()

    def due_selected_ids(self) -> list[int]:
        return [self.due_model.row_at(r).household_id for r in _selected_rows(self.due_view)]

    def _with_due(self, handler: Callable[[int], None]) -> None:
        index = self.due_view.currentIndex()
        rows = _selected_rows(self.due_view)
        row = index.row() if index.isValid() and index.row() in rows else (rows[0] if rows else None)
        if row is not None:
            handler(self.due_model.row_at(row).household_id)

    def _due_selection_changed(self) -> None:
        count = len(_selected_rows(self.due_view))
        for button in (self.due_visit_button, self.due_open_button):
            button.setEnabled(count >= 1)
        self.due_print_button.setEnabled(count >= 1)
        self.due_print_button.setText(self.tr("Print visit sheets (%1)").replace("%1", str(count))
                                      if count > 1 else self.tr("Print visit sheets"))

    # --- refreshing ----------------------------------------------------------------------

    def _load_lookups(self) -> None:
        villages = [(v.id, v.name) for v in station.list_villages(kind="village")]
        workers = [(s.id, s.name) for s in accounts.list_staff(include_inactive=False)
                   if s.role == SOCIAL_WORKER]
        _fill(self.village_filter, [(None, self.tr("All villages"))] + villages)
        _fill(self.category_filter, [(None, self.tr("All categories"))]
              + [(c.id, c.name) for c in station.list_categories()])
        _fill(self.tier_filter, [(None, self.tr("All tiers"))]
              + [(t.id, t.name) for t in station.list_tiers()])
        _fill(self.worker_filter, [(None, self.tr("All social workers"))] + workers)
        first = self.due_worker.count() == 0
        _fill(self.due_worker, [(None, self.tr("Everyone"))] + workers)
        _fill(self.due_village, [(None, self.tr("All villages"))] + villages)
        if first and self.actor.role == SOCIAL_WORKER:
            # A social worker's own list first; the others' are one choice away.
            index = self.due_worker.findData(self.actor.staff_id)
            self.due_worker.blockSignals(True)
            self.due_worker.setCurrentIndex(max(index, 0))
            self.due_worker.blockSignals(False)

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        if tables is None or tables & self.LOOKUP_TABLES or self.due_worker.count() == 0:
            self._load_lookups()
        self._list_stale = self._due_stale = True
        if self.stack.currentWidget() is self.file and self.file.household_id is not None:
            self.file.load(self.file.household_id)  # masked again: the household changed
        else:
            self._load_stale()

    def _load_stale(self) -> None:
        """Reload the list or the due list, whichever is showing, if it is out of date."""
        if self.stack.currentWidget() is not self.tabs:
            return
        if self.tabs.currentWidget() is self.list_tab and self._list_stale:
            self.apply_filters()
        elif self.tabs.currentWidget() is self.due_tab and self._due_stale:
            self.load_due(after_write=True)

    def open_section(self, section: str) -> None:
        if section in ("", "list"):
            self.show_lists(self.list_tab)
        elif section == "due":
            self.show_lists(self.due_tab)
        elif section == "detail":
            if self._stale:
                stale, self._stale = self._stale, False
                self.refresh(None if stale is True else frozenset(stale))
            if self.current_id() is None and self.model.rowCount():
                self.view.selectRow(0)
            self._with_current(self.open_household)

    def show_lists(self, tab: QWidget | None = None) -> None:
        self.stack.setCurrentWidget(self.tabs)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
        self._load_stale()

    # --- actions -------------------------------------------------------------------------

    def who(self, household_id: int) -> str:
        """“王大山户（麻车村）”: whose file a dialog is about."""
        row = next(iter(households.household_rows(self.actor, [household_id])), None)
        if row is None:
            return ""
        return self.tr("%1's household (%2)").replace("%1", row.head_name).replace("%2", row.village_name)

    def open_household(self, household_id: int | None) -> None:
        if household_id is None:
            return
        if self.stack.currentWidget() is self.tabs and self.tabs.currentWidget() is self.list_tab:
            self.select_household(household_id)
        self.file.load(household_id)
        self.stack.setCurrentWidget(self.file)

    def new_household(self) -> None:
        from ..dialogs.household_form import HouseholdFormDialog

        village = self.village_filter.currentData()
        created = HouseholdFormDialog.ask(self, self.actor, self.lang, village_id=village)
        if created is not None:  # the list has reloaded on the change notice
            self.select_household(created.id)

    def edit_household(self, household_id: int) -> None:
        from ..dialogs.household_form import HouseholdFormDialog

        detail = (self.file.detail if self.file.detail is not None
                  and self.file.detail.id == household_id else
                  households.get_household(self.actor, household_id))
        HouseholdFormDialog.ask(self, self.actor, self.lang, detail=detail)

    def record_visit(self, household_id: int) -> None:
        from ..dialogs.visit_form import VisitFormDialog

        VisitFormDialog.ask(self, self.actor, household_id, self.who(household_id), self.lang)

    def print_sheets(self, ids: list[int]) -> None:
        """Visit sheets for ``ids``, built in the background, then previewed."""
        import tempfile

        from .. import ops

        if not ids:
            return
        from ...core.reports import visit_sheets
        from ...core.services import household_exports

        if self._print_dir is None:
            # One folder for this page's printouts, removed with the page.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        out = Path(self._print_dir.name) / "visit-sheets.pdf"
        actor, lang = self.actor, self.lang

        def build():
            data = household_exports.visit_sheet_data(actor, list(ids))
            visit_sheets.build(data, out, lang=lang)
            return visit_sheets.check(data)

        operation = ops.run_operation(self, self.tr("Preparing visit sheets…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: self._preview_sheets(out, problems))

    def _preview_sheets(self, path: Path, problems: list) -> None:
        from ..dialogs.pdf_preview import preview_printout

        preview_printout(self, path, problems, self.tr("Visit sheets"))

    def export_ledger(self) -> None:
        """服务对象台账 of the list as filtered now, to an .xlsx file."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from .. import ops, uistate
        from ..dialogs.export_ledger import ExportLedgerDialog

        query = self.current_query()
        full = ExportLedgerDialog.ask(self, self.model.rowCount(), self.filter_description(),
                                      self.actor.can("ids.export_full"))
        if full is None:
            return
        folder = str(uistate.get("files/last_folder") or Path.home())
        title = self.tr("Household ledger")
        suggested = Path(folder) / f"{title}-{_dt.date.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the household ledger"),
                                              str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        uistate.put("files/last_folder", str(target.parent))
        from ...core.services import household_exports

        operation = ops.run_operation(self, self.tr("Exporting the ledger…"),
                                      household_exports.export_ledger, self.actor, query, target,
                                      full_ids=full, cancellable=False)
        operation.finished.connect(lambda count: QMessageBox.information(
            self, self.tr("Export the household ledger"),
            self.tr("%1 households written to %2").replace("%1", str(count))
            .replace("%2", str(target))))

    def import_households(self) -> None:
        from ..dialogs.import_households import ImportHouseholdsDialog

        ImportHouseholdsDialog.ask(self, self.context)


class HouseholdFile(QWidget):
    """One household's file: details, members, visit timeline, needs."""

    def __init__(self, page: HouseholdsPage) -> None:
        super().__init__()
        self.setObjectName("householdFile")
        self.page = page
        self.actor = page.actor
        self.household_id: int | None = None
        self.detail: households.HouseholdDetail | None = None
        can_edit = page.can_edit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.back_button = _button(self.tr("← Back to the list"), "backToList",
                                   lambda: page.show_lists())
        self.title = heading("")
        self.status_label = QLabel()
        self.status_label.setObjectName("householdStatus")
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addWidget(self.status_label)
        top.addStretch(1)
        layout.addLayout(top)

        buttons = QHBoxLayout()
        self.edit_button = _button(self.tr("Edit"), "fileEdit",
                                   lambda: page.edit_household(self.household_id))
        self.visit_button = _button(self.tr("Record visit"), "fileRecordVisit",
                                    lambda: page.record_visit(self.household_id))
        self.close_button = _button(self.tr("Moved / closed…"), "closeHousehold", self.close_household)
        self.reopen_button = _button(self.tr("Reopen"), "reopenHousehold", self.reopen_household)
        self.reveal_button = _button(self.tr("Show full numbers"), "revealNumbers", self.toggle_reveal)
        self.print_button = _button(self.tr("Print visit sheet"), "filePrintSheet",
                                    lambda: page.print_sheets([self.household_id]))
        for button in (self.edit_button, self.visit_button, self.close_button, self.reopen_button):
            button.setVisible(can_edit)
            buttons.addWidget(button)
        # 开案 (the case page's dialog): only for roles that keep cases
        self.case_button = _button(self.tr("Open a case…"), "fileOpenCase", lambda: self.open_case())
        self.case_button.setVisible(self.actor.can("cases.edit"))
        buttons.addWidget(self.case_button)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.reveal_note = QLabel()
        self.reveal_note.setObjectName("revealNote")
        self.reveal_note.setStyleSheet("color: #bf360c;")
        buttons.addWidget(self.reveal_note)
        layout.addLayout(buttons)

        self.info = QGridLayout()
        self.info.setHorizontalSpacing(16)
        self.info.setVerticalSpacing(6)
        self.fields: dict[str, QLabel] = {}
        places = [("village", "tier", "social_worker"), ("address", "phone", "registered_on"),
                  ("categories", "last_visit_on", "due_on"), ("status_note",), ("notes",)]
        titles = {"village": column_title("village"), "tier": column_title("tier"),
                  "social_worker": column_title("social_worker"),
                  "address": column_title("address"), "phone": column_title("phone"),
                  "registered_on": self.tr("Registered on"),
                  "categories": column_title("categories"),
                  "last_visit_on": column_title("last_visit_on"),
                  "due_on": column_title("due_on"), "status_note": self.tr("Taken off the list"),
                  "notes": self.tr("Notes")}
        self.info_titles: dict[str, QLabel] = {}
        for row, keys in enumerate(places):
            for column, key in enumerate(keys):
                title = QLabel(titles[key])
                title.setObjectName("muted")
                value = QLabel()
                value.setObjectName(f"info_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                span = 5 if len(keys) == 1 else 1
                self.info.addWidget(title, row, column * 2, Qt.AlignmentFlag.AlignTop)
                self.info.addWidget(value, row, column * 2 + 1, 1, span)
                self.fields[key] = value
                self.info_titles[key] = title
        for column in (1, 3, 5):
            self.info.setColumnStretch(column, 1)
        layout.addLayout(self.info)

        # Members above, the history (visits, needs) below: a file is read as a whole.
        self.members_title = QLabel()
        self.members_title.setObjectName("subheading")
        self.history = QTabWidget()
        self.history.setObjectName("householdHistory")
        self.history.addTab(self._visits_part(), "")
        self.history.addTab(self._needs_part(can_edit), "")
        self.cases_model = None
        if self.actor.can("cases.view"):  # the cases this person may read (their own; the head all)
            self.history.addTab(self._cases_part(), "")
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("fileSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(self._members_part(can_edit))
        split.addWidget(self.history)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)

    def _members_part(self, can_edit: bool) -> QWidget:
        self.add_member_button = _button(self.tr("Add member"), "addMember", lambda: self.edit_member(None))
        self.edit_member_button = _button(self.tr("Edit member"), "editMember",
                                          lambda: self._with_member(self.edit_member))
        self.remove_member_button = _button(self.tr("Remove member…"), "removeMember",
                                            lambda: self._with_member(self.remove_member))
        for button in (self.add_member_button, self.edit_member_button, self.remove_member_button):
            button.setVisible(can_edit)
        today = households.today()

        def birth(m: households.MemberRow) -> str:
            if m.birthdate is None:
                return ""
            from ..dialogs.member_form import age_on

            return self.tr("%1 (age %2)").replace("%1", m.birthdate.isoformat()).replace(
                "%2", str(age_on(m.birthdate, today)))

        def disability(m: households.MemberRow) -> str:
            return " ".join(p for p in (m.disability_type, m.disability_grade) if p)

        columns = [
            Column(self.tr("Name"), lambda m: m.name),
            Column(self.tr("Relation"), lambda m: m.relation if m.status == "active" else
                   self.tr("%1 (%2)").replace("%1", m.relation)
                   .replace("%2", label("member_status", m.status)),
                   muted=lambda m: m.status != "active"),
            Column(self.tr("Gender"), lambda m: label("gender", m.gender)),
            Column(self.tr("Birthdate"), birth),
            Column(self.tr("ID number"), lambda m: m.id_number),
            Column(self.tr("Phone"), lambda m: m.phone),
            Column(self.tr("Disability"), disability),
            Column(self.tr("Chronic illness"), lambda m: m.chronic_illness),
            Column(self.tr("School or work"), lambda m: m.school_or_work),
            Column(self.tr("Categories"), lambda m: m.categories),
        ]
        self.members_model, self.members_view = self._rows_view(
            columns, "membersTable", self._member_selected,
            (lambda: self._with_member(self.edit_member)) if can_edit else None)
        part = _part([self.members_title, self.add_member_button, self.edit_member_button,
                      self.remove_member_button], self.members_view)
        part.layout().setContentsMargins(0, 8, 0, 0)
        return part

    def _visits_part(self) -> QWidget:
        columns = [
            Column(self.tr("Date"), lambda v: day(v.visited_on)),
            Column(self.tr("Kind"), lambda v: label("visit_kind", v.kind)),
            Column(self.tr("Outcome"), lambda v: label("visit_outcome", v.outcome)),
            Column(self.tr("Visitors"), lambda v: v.visitors),
            Column(self.tr("Summary"), lambda v: " ".join(v.summary.split())),
            Column(self.tr("Next action"), lambda v: v.next_action),
            Column(self.tr("Needs heard"), lambda v: "；".join(v.needs)),
        ]
        self.visits_model, self.visits_view = self._rows_view(columns, "visitsTable")
        header = self.visits_view.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the summary
        header.setStretchLastSection(False)
        return _part([], self.visits_view)

    def _needs_part(self, can_edit: bool) -> QWidget:
        self.follow_up_button = _button(self.tr("Follow up…"), "followUpNeed",
                                        lambda: self._with_need(self.follow_up))
        self.follow_up_button.setVisible(can_edit)
        self.need_case_button = _button(self.tr("Make it a case…"), "needToCase",
                                        lambda: self._with_need(lambda n: self.open_case(n.id)))
        self.need_case_button.setVisible(self.actor.can("cases.edit"))
        columns = [
            Column(self.tr("Raised on"), lambda n: day(n.raised_on)),
            Column(self.tr("From"), lambda n: label("need_source", n.source)),
            Column(self.tr("Need"), lambda n: n.content),
            Column(self.tr("Urgency"), lambda n: label("need_urgency", n.urgency)),
            Column(self.tr("Status"), lambda n: label("need_status", n.status),
                   muted=lambda n: n.status in ("resolved", "referred")),
            Column(self.tr("Follow-up"), lambda n: " / ".join(n.follow_up.splitlines()[-1:])),
        ]
        self.needs_model, self.needs_view = self._rows_view(
            columns, "needsTable", self._need_selected,
            (lambda: self._with_need(self.follow_up)) if can_edit else None)
        return _part([self.follow_up_button, self.need_case_button], self.needs_view)

    def _cases_part(self) -> QWidget:
        columns = [
            Column(self.tr("Opened"), lambda c: day(c.opened_on)),
            Column(self.tr("For"), lambda c: c.member_name or c.head_name),
            Column(self.tr("Stage"), lambda c: label("case_status", c.status)),
            Column(self.tr("Social worker"), lambda c: c.social_worker),
            Column(self.tr("Problem"), lambda c: " ".join(c.problem.split())),
        ]
        self.cases_model, self.cases_view = self._rows_view(columns, "householdCases",
                                                            on_open=self.show_case)
        self.cases_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.cases_view.horizontalHeader().setStretchLastSection(False)
        self.show_case_button = _button(self.tr("Open the case file"), "showCase", self.show_case)
        return _part([self.show_case_button], self.cases_view)

    def show_case(self) -> None:
        """The chosen case's file on the case page (reading it is audited there)."""
        chosen = self.cases_view.selectionModel().selectedRows()
        if not chosen and self.cases_model.rowCount() == 1:
            self.cases_view.selectRow(0)
            chosen = self.cases_view.selectionModel().selectedRows()
        if not chosen:
            return
        case_id = self.cases_model.row_at(chosen[0].row()).id
        window = self.window()
        if hasattr(window, "page_names") and "cases" in window.page_names():
            window.show_page("cases")
            window.page("cases").open_case(case_id)

    def _rows_view(self, columns: list[Column], name: str,
                   on_select: Callable[[], None] | None = None,
                   on_open: Callable[[], None] | None = None) -> tuple[RowsTableModel, QTableView]:
        model = RowsTableModel(columns, self)
        view = _table(model, name)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if on_select is not None:
            view.selectionModel().selectionChanged.connect(lambda *_a: on_select())
        if on_open is not None:
            view.doubleClicked.connect(lambda _i: on_open())
        return model, view

    # showing ---------------------------------------------------------------------------

    def load(self, household_id: int, reveal: bool = False) -> None:
        """Show the household's file; ``reveal``: with full numbers (audited by the service)."""
        self.household_id = household_id
        detail = (households.reveal_household(self.actor, household_id) if reveal
                  else households.get_household(self.actor, household_id))
        self.detail = detail
        today = households.today()
        self.title.setText(detail.head_name)
        self.status_label.setText(label("household_status", detail.status))
        self.status_label.setStyleSheet("color: #2e7d32;" if detail.status == "active"
                                        else "color: #9e9e9e;")
        values = {
            "village": detail.village_name, "tier": detail.tier_name or "—",
            "social_worker": detail.social_worker_name or "—", "address": detail.address or "—",
            "phone": detail.phone or "—", "registered_on": day(detail.registered_on),
            "categories": detail.categories or "—",
            "last_visit_on": day(detail.last_visit_on) or self.tr("never"),
            "due_on": due_text(detail.due_on, today) or "—",
            "status_note": "　".join(p for p in (label("household_status", detail.status), day(detail.status_date),
                                                 detail.status_reason) if p),
            "notes": detail.notes or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        closed = detail.status != "active"
        for key in ("status_note",):
            self.fields[key].setVisible(closed)
            self.info_titles[key].setVisible(closed)
        late = detail.due_on is not None and detail.due_on < today
        self.fields["due_on"].setStyleSheet("color: #bf360c;" if late else "")
        self.members_model.set_rows(detail.members)
        self.visits_model.set_rows(detail.visits)
        self.needs_model.set_rows(detail.needs)
        open_needs = sum(1 for n in detail.needs if n.status in ("new", "in_progress"))
        self.members_title.setText(self.tr("Members (%1)").replace("%1", str(len(detail.members))))
        self.history.setTabText(0, self.tr("Visits (%1)").replace("%1", str(len(detail.visits))))
        self.history.setTabText(1, self.tr("Needs (%1 open)").replace("%1", str(open_needs)))
        if self.cases_model is not None:
            from ...core.services import cases as case_service

            rows = case_service.list_cases(self.actor, case_service.CaseQuery(
                status="all", household_id=household_id))
            self.cases_model.set_rows(rows)
            self.history.setTabText(2, self.tr("Cases (%1)").replace("%1", str(len(rows))))
        self.close_button.setEnabled(not closed)
        self.reopen_button.setEnabled(closed)
        self.visit_button.setEnabled(not closed)
        self.case_button.setEnabled(not closed)
        self.reveal_button.setVisible(detail.can_reveal)
        self.reveal_button.setText(self.tr("Hide full numbers") if detail.revealed
                                   else self.tr("Show full numbers"))
        self.reveal_note.setText(self.tr("Full numbers shown; this was recorded in the audit log.")
                                 if detail.revealed else "")
        self._member_selected()
        self._need_selected()

    def toggle_reveal(self) -> None:
        if self.household_id is not None and self.detail is not None:
            self.load(self.household_id, reveal=not self.detail.revealed)

    def _member_selected(self) -> None:
        row = self._selected(self.members_view, self.members_model)
        self.edit_member_button.setEnabled(row is not None)
        self.remove_member_button.setEnabled(row is not None and row.relation != households.HEAD_RELATION)

    def _need_selected(self) -> None:
        need = self._selected(self.needs_view, self.needs_model)
        self.follow_up_button.setEnabled(need is not None)
        self.need_case_button.setEnabled(need is not None and need.status in ("new", "in_progress"))

    @staticmethod
    def _selected(view: QTableView, model: RowsTableModel):
        rows = _selected_rows(view)
        return model.row_at(rows[0]) if rows else None

    def _with_member(self, handler) -> None:
        row = self._selected(self.members_view, self.members_model)
        if row is not None:
            handler(row)

    def _with_need(self, handler) -> None:
        row = self._selected(self.needs_view, self.needs_model)
        if row is not None:
            handler(row)

    # changing --------------------------------------------------------------------------

    def _categories(self, keep: tuple[int, ...] = ()) -> list[tuple[int, str]]:
        return [(c.id, c.name) for c in station.list_categories() if c.active or c.id in keep]

    def edit_member(self, member: households.MemberRow | None) -> None:
        from ..dialogs.member_form import MemberFormDialog

        keep = member.category_ids if member else ()
        MemberFormDialog.ask(self, self.actor, self.household_id, self._categories(keep), member,
                             self.page.lang)

    def remove_member(self, member: households.MemberRow) -> None:
        from ..dialogs.form_dialog import Field, FormDialog

        FormDialog.ask(self, self.tr("Remove %1 from the household").replace("%1", member.name),
                       [Field("reason", self.tr("Why (entered by mistake, …)"))], None,
                       lambda v: households.delete_member(self.actor, member.id, v["reason"]) or True)

    def close_household(self) -> None:
        from ..dialogs.close_household import CloseHouseholdDialog

        CloseHouseholdDialog.ask(self, self.actor, self.household_id,
                                 self.page.who(self.household_id), self.page.lang)

    def reopen_household(self) -> None:
        from ..dialogs.form_dialog import Field, FormDialog

        FormDialog.ask(self, self.tr("Reopen %1").replace("%1", self.page.who(self.household_id)),
                       [Field("reason", self.tr("Why"))], None,
                       lambda v: households.reopen_household(self.actor, self.household_id,
                                                             v["reason"]))

    def open_case(self, need_id: int | None = None) -> None:
        from .cases import open_case_from

        if self.household_id is not None:
            open_case_from(self, self.actor, self.household_id, need_id, self.page.lang)

    def follow_up(self, need: households.NeedRow) -> None:
        from ..dialogs.form_dialog import Field, FormDialog

        fields = [Field("status", self.tr("Status"), "choice",
                        [(s, label("need_status", s)) for s in NEED_STATUSES]),
                  Field("follow_up", self.tr("What was done"), "multiline")]
        FormDialog.ask(self, self.tr("Follow up: %1").replace("%1", need.content[:30]), fields,
                       {"status": need.status},
                       lambda v: households.update_need(self.actor, need.id, status=v["status"],
                                                        follow_up=v["follow_up"]))
