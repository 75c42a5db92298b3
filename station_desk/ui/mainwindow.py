"""The main window: a sidebar of pages, the pages, and a status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ..core.services.station import get_station
from . import uistate
from .context import AppContext
from .pages.base import Page
from .pages.home import HomePage
from .pages.settings import SettingsPage, role_name

# Sidebar order; each feature adds its page class here as it lands.
PAGE_CLASSES: list[type[Page]] = [HomePage, SettingsPage]


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(960, 600))
        self.pages: dict[str, Page] = {}
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(176)
        self.stack = QStackedWidget()
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for page_class in PAGE_CLASSES:
            if not page_class.visible_for(context.actor):
                continue
            page = page_class(context)
            self.pages[page.name] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(page_class.title())
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            self.sidebar.addItem(item)
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.show_page)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        context.bridge.changed.connect(self._on_changed)
        self._build_status_bar()
        self.refresh_title()
        self.show_page("home")

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.station_label = QLabel()
        self.station_label.setObjectName("statusStation")
        actor = self.context.actor
        self.user_label = QLabel(f"{actor.name}（{role_name(actor.role)}）")
        self.user_label.setObjectName("statusUser")
        self.db_label = QLabel(self.context.location.describe())
        self.db_label.setObjectName("statusDatabase")
        self.db_label.setToolTip(self.context.location.describe())
        bar.addWidget(self.station_label)
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.db_label)

    def refresh_title(self) -> None:
        record = get_station()
        name = record.name if record else ""
        app_name = QCoreApplication.translate("MainWindow", "Station Desk")
        self.setWindowTitle(f"{name} — {app_name}" if name else app_name)
        self.station_label.setText(name)

    def show_page(self, name: str, section: str = "") -> None:
        page = self.pages.get(name)
        if page is None:
            return
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        if section:
            page.open_section(section)

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "station" in tables:
            self.refresh_title()
        for page in self.pages.values():
            page.on_changed(tables)

    def restore_geometry(self) -> None:
        saved = uistate.get("window/geometry")
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            self.restoreGeometry(saved)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:  # noqa: N802
        uistate.put("window/geometry", self.saveGeometry())
        self.context.bridge.close()
        super().closeEvent(event)
