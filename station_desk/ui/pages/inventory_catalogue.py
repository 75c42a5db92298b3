"""物资目录 tab of the 物资 page: items and their dated unit values, gift packages (慰问包),
storerooms (库房) and item categories. Editing needs inventory.manage; the front desk sees
the catalogue read-only. Nothing is deleted, only taken out of use."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import money
from ...core.clock import today
from ...core.errors import StationError
from ...core.services import inventory
from ...messages import describe_error
from ..dialogs.form_dialog import Field, FormDialog
from ..dialogs.item_form import ItemFormDialog
from ..dialogs.package_form import PackageFormDialog
from ..labels import yes_no
from ..models.table import Column, RowsTableModel
from .inventory_donations import SEARCH_PAUSE_MS
from .parts import button, combo, fill, search_box
from .parts import fitted_table as fit_table


class CatalogueTab(QWidget):
    watches = frozenset({"item", "item_category", "item_value", "location", "package_kind"})
    SECTIONS = ("items", "packages", "storerooms", "categories")

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.setObjectName("tab_catalogue")
        self.can_edit = self.actor.can("inventory.manage")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.load_items)
        self.edit_buttons: list = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        if not self.can_edit:
            note = QLabel(self.tr("Read-only: the station head or a social worker edits the catalogue."))
            note.setObjectName("muted")
            layout.addWidget(note)
        self.sections = QTabWidget()
        self.sections.setObjectName("catalogueSections")
        self.sections.addTab(self._items_section(), self.tr("Items"))
        self.sections.addTab(self._packages_section(), self.tr("Gift packages"))
        self.sections.addTab(self._storerooms_section(), self.tr("Storerooms"))
        self.sections.addTab(self._categories_section(), self.tr("Item categories"))
        layout.addWidget(self.sections)
        for made in self.edit_buttons:
            made.setVisible(self.can_edit)

    # --- shared -------------------------------------------------------------------------

    def _buttons(self, *made) -> QHBoxLayout:
        row = QHBoxLayout()
        for one in made:
            self.edit_buttons.append(one)
            row.addWidget(one)
        row.addStretch(1)
        return row

    @staticmethod
    def _current(view: QTableView, model: RowsTableModel):
        if not view.selectionModel().hasSelection():
            return None
        return model.row_at(view.currentIndex().row())

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), describe_error(error, self.context.lang))

    def _in_use(self, active: bool) -> str:
        return yes_no(active)

    # --- items --------------------------------------------------------------------------

    def _items_section(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("catalogue_items")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.item_search = search_box("itemSearch", self.tr("Name, spec or pinyin initials"),
                                      lambda: self._search_timer.start(), self.load_items, 220)
        self.category_filter = combo("itemCategoryFilter")
        self.category_filter.currentIndexChanged.connect(lambda _i: self.load_items())
        self.items_inactive = QCheckBox(self.tr("Show items not in use"))
        self.items_inactive.setObjectName("itemsInactive")
        self.items_inactive.toggled.connect(lambda _on: self.load_items())
        filters.addWidget(self.item_search, 1)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.items_inactive)
        layout.addLayout(filters)
        self.add_item_button = button(self.tr("New item…"), "addItem", self.add_item)
        self.edit_item_button = button(self.tr("Edit…"), "editItem", self.edit_item)
        layout.addLayout(self._buttons(self.add_item_button, self.edit_item_button))
        columns = [
            Column(self.tr("Name"), lambda i: i.name, muted=lambda i: not i.active),
            Column(self.tr("Specification"), lambda i: i.spec),
            Column(self.tr("Unit"), lambda i: i.unit),
            Column(self.tr("Category"), lambda i: i.category.name),
            Column(self.tr("Expires"), lambda i: yes_no(i.expires)),
            Column(self.tr("Low-stock line"), lambda i: i.threshold or "", True),
            Column(self.tr("Unit value"), lambda i: money.yuan(self._values.get(i.id)), True),
            Column(self.tr("In use"), lambda i: self._in_use(i.active)),
        ]
        self._values: dict[int, int | None] = {}
        self.items_model = RowsTableModel(columns, self)
        self.items_view = fit_table(self.items_model, "itemsTable")
        self.items_view.doubleClicked.connect(lambda _i: self.edit_item())
        self.items_view.selectionModel().selectionChanged.connect(lambda *_a: self._item_selected())
        self.items_model.modelReset.connect(self._item_selected)

        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        self.history_title = QLabel(self.tr("Unit value history"))
        self.history_title.setObjectName("subheading")
        history_layout.addWidget(self.history_title)
        self.history_model = RowsTableModel([
            Column(self.tr("From"), lambda v: str(v.valid_from)),
            Column(self.tr("Unit value"), lambda v: money.yuan(v.value_fen), True),
            Column(self.tr("Set by"), lambda v: v.set_by_name),
        ], self)
        self.history_view = fit_table(self.history_model, "valueHistoryTable")
        history_layout.addWidget(self.history_view)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.items_view)
        split.addWidget(history)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([720, 340])
        layout.addWidget(split, 1)
        return tab

    def load_items(self) -> None:
        fill(self.category_filter, [(0, self.tr("All categories"))]
             + [(c.id, c.name) for c in inventory.item_categories(self.actor)])
        rows = inventory.find_items(self.actor, self.item_search.text(),
                                    category_id=self.category_filter.currentData() or None,
                                    include_inactive=self.items_inactive.isChecked())
        on = today()
        self._values = {i.id: inventory.value_on(i.id, on) for i in rows}
        self.items_model.set_rows(rows)

    def _item_selected(self) -> None:
        row = self._current(self.items_view, self.items_model)
        self.edit_item_button.setEnabled(row is not None)
        self.history_model.set_rows(inventory.item_values(self.actor, row.id) if row else [])
        self.history_title.setText(self.tr("Unit value history: %1").replace(
            "%1", inventory.item_label(row)) if row else self.tr("Unit value history"))

    def add_item(self) -> None:
        if ItemFormDialog.ask(self, self.context) is not None:
            self.load_items()

    def edit_item(self) -> None:
        row = self._current(self.items_view, self.items_model)
        if row is not None and self.can_edit and ItemFormDialog.ask(self, self.context, row.id):
            self.load_items()

    # --- gift packages -----------------------------------------------------------------

    def _packages_section(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("catalogue_packages")
        layout = QVBoxLayout(tab)
        self.add_package_button = button(self.tr("New gift package…"), "addPackage", self.add_package)
        self.edit_package_button = button(self.tr("Edit…"), "editPackage", self.edit_package)
        layout.addLayout(self._buttons(self.add_package_button, self.edit_package_button))
        columns = [
            Column(self.tr("Gift package"), lambda p: p.name, muted=lambda p: not p.active),
            Column(self.tr("Contents"), lambda p: "，".join(
                f"{label} × {quantity}{unit}" for _i, label, unit, quantity in p.lines)),
            Column(self.tr("Value of one"), lambda p: money.yuan(p.value_fen, blank=self.tr(
                "not all valued")), True),
            Column(self.tr("In use"), lambda p: self._in_use(p.active)),
            Column(self.tr("Note"), lambda p: p.note),
        ]
        self.packages_model = RowsTableModel(columns, self)
        self.packages_view = fit_table(self.packages_model, "packagesTable", stretch=1)
        self.packages_view.setWordWrap(True)
        self.packages_view.doubleClicked.connect(lambda _i: self.edit_package())
        layout.addWidget(self.packages_view)
        return tab

    def load_packages(self) -> None:
        self.packages_model.set_rows(inventory.packages(self.actor, include_inactive=True))

    def add_package(self) -> None:
        if PackageFormDialog.ask(self, self.context) is not None:
            self.load_packages()

    def edit_package(self) -> None:
        row = self._current(self.packages_view, self.packages_model)
        if row is not None and self.can_edit and PackageFormDialog.ask(self, self.context, row.id):
            self.load_packages()

    # --- storerooms and categories ------------------------------------------------------

    def _lookup_section(self, name: str, title: str, add_text: str, edit, note: bool):
        tab = QWidget()
        tab.setObjectName(f"catalogue_{name}")
        layout = QVBoxLayout(tab)
        columns = [Column(title, lambda r: r.name, muted=lambda r: not r.active),
                   Column(self.tr("In use"), lambda r: self._in_use(r.active))]
        if note:
            columns.append(Column(self.tr("Note"), lambda r: r.note))
        model = RowsTableModel(columns, self)
        view = fit_table(model, f"{name}Table")
        add = button(add_text, f"add_{name}", lambda: edit(None))
        change = button(self.tr("Rename / take out of use…"), f"edit_{name}",
                        lambda: edit(self._current(view, model)))
        layout.addLayout(self._buttons(add, change))
        view.doubleClicked.connect(lambda _i: self.can_edit and edit(self._current(view, model)))
        layout.addWidget(view)
        return tab, model, view

    def _storerooms_section(self) -> QWidget:
        tab, self.storerooms_model, self.storerooms_view = self._lookup_section(
            "storerooms", self.tr("Storeroom"), self.tr("New storeroom…"), self.edit_storeroom, True)
        return tab

    def _categories_section(self) -> QWidget:
        tab, self.categories_model, self.categories_view = self._lookup_section(
            "categories", self.tr("Item category"), self.tr("New category…"), self.edit_category,
            False)
        return tab

    def edit_storeroom(self, row) -> None:
        fields = [Field("name", self.tr("Storeroom")), Field("note", self.tr("Note")),
                  Field("active", self.tr("In use"), "bool")]
        values = {"name": row.name, "note": row.note, "active": row.active} if row else None
        row_id = row.id if row else None
        if FormDialog.ask(self, self.tr("Edit storeroom") if row else self.tr("New storeroom"),
                          fields, values, lambda v: inventory.save_location(
                              self.actor, v["name"], row_id, note=v["note"],
                              active=v["active"])) is not None:
            self.load_lookups()

    def edit_category(self, row) -> None:
        fields = [Field("name", self.tr("Item category")), Field("active", self.tr("In use"), "bool")]
        values = {"name": row.name, "active": row.active} if row else None
        row_id = row.id if row else None
        if FormDialog.ask(self, self.tr("Edit category") if row else self.tr("New category"),
                          fields, values, lambda v: inventory.save_item_category(
                              self.actor, v["name"], row_id, active=v["active"])) is not None:
            self.load_lookups()
            self.load_items()

    def load_lookups(self) -> None:
        self.storerooms_model.set_rows(inventory.locations(self.actor, include_inactive=True))
        self.categories_model.set_rows(inventory.item_categories(self.actor, include_inactive=True))

    def refresh(self) -> None:
        """Reload from the services."""
        self.load_items()
        self.load_packages()
        self.load_lookups()

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS:
            self.sections.setCurrentIndex(self.SECTIONS.index(section))
