"""物资: the donation inventory. One page with a tab per part of the storeroom's work:
what is on hand, the ledger's history, donations received, donors, the cash book, and the
catalogue (items and their values, gift packages, storerooms).

Each tab is a widget in its own module (``inventory_*.py``) with ``refresh()``; the page
refreshes the tabs when the tables they show change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from .base import Page
from .inventory_cash import CashTab
from .inventory_catalogue import CatalogueTab
from .inventory_donations import DonationsTab
from .inventory_donors import DonorsTab
from .inventory_movements import MovementsTab
from .inventory_stock import StockTab

INVENTORY_TABLES = frozenset({
    "donor", "item", "item_category", "item_value", "location", "voucher", "reservation",
    "stock_count", "donation", "acknowledgement", "cash_entry", "package_kind"})


class InventoryPage(Page):
    name = "inventory"
    watches = INVENTORY_TABLES
    SECTIONS = ("stock", "movements", "donations", "donors", "cash", "catalogue")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("inventoryTabs")
        self.stock_tab = StockTab(context, self)
        self.movements_tab = MovementsTab(context, self)
        self.donations_tab = DonationsTab(context, self)
        self.donors_tab = DonorsTab(context, self)
        self.cash_tab = CashTab(context, self)
        self.catalogue_tab = CatalogueTab(context, self)
        for widget, title in ((self.stock_tab, self.tr("Stock")),
                              (self.movements_tab, self.tr("Stock movements")),
                              (self.donations_tab, self.tr("Donations")),
                              (self.donors_tab, self.tr("Donors")),
                              (self.cash_tab, self.tr("Cash book")),
                              (self.catalogue_tab, self.tr("Catalogue"))):
            self.tabs.addTab(widget, title)
        layout.addWidget(self.tabs)

    def tab_widgets(self):
        return (self.stock_tab, self.movements_tab, self.donations_tab, self.donors_tab,
                self.cash_tab, self.catalogue_tab)

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        for tab in self.tab_widgets():
            if tables is None or tables & tab.watches:
                tab.refresh()

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS:
            self.tabs.setCurrentIndex(self.SECTIONS.index(section))
