"""The main window: a sidebar of pages, the pages, and a status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSize
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
from .labels import role_name
from .pages import PAGES
from .pages.base import Page


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
        # Pages are built when first shown: start-up pays only for the first page.
        self._entries = [entry for entry in PAGES if entry.visible_for(context.actor)]
        for entry in self._entries:
            self.stack.addWidget(QWidget())
            self.sidebar.addItem(QListWidgetItem(entry.title()))
        self.sidebar.currentRowChanged.connect(self._show_row)
        context.bridge.changed.connect(self._on_changed)
        self._build_status_bar()
        self.refresh_title()
        self.show_page("home")

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.station_label = QLabel()
        self.station_label.setObjectName("statusStation")
        actor = self.context.actor
        self.user_label = QLabel(f"{actor.name} · {role_name(actor.role)}")
        self.user_label.setObjectName("statusUser")
        self.db_label = QLabel(self.context.location.describe())
        self.db_label.setObjectName("statusDatabase")
        self.db_label.setToolTip(self.context.location.describe())
        separator = QLabel("|")
        separator.setObjectName("muted")
        bar.addWidget(self.station_label)
        bar.addWidget(separator)
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.db_label)

    def refresh_title(self) -> None:
        record = get_station()
        name = record.name if record else ""
        app_name = QCoreApplication.translate("MainWindow", "Station Desk")
        self.setWindowTitle(f"{name} — {app_name}" if name else app_name)
        self.station_label.setText(name)

    def page_names(self) -> list[str]:
        return [c.name for c in self._entries]

    def page(self, name: str) -> Page:
        """The page called ``name``, built now if it has not been shown yet."""
        if name not in self.pages:
            index = self.page_names().index(name)
            page = self._entries[index].load()(self.context)
            navigate = getattr(page, "navigate", None)
            if navigate is not None:
                navigate.connect(self.show_page)
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self.stack.setCurrentWidget(self.page(self._entries[row].name))

    def show_page(self, name: str, section: str = "") -> None:
        if name not in self.page_names():
            return
        page = self.page(name)
        self.sidebar.setCurrentRow(self.page_names().index(name))
        self.stack.setCurrentWidget(page)
        if section:
            page.open_section(section)

    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if "station" in tables:
            self.refresh_title()
        for page in self.pages.values():
            page.on_changed(tables)

    def start_periodic_backups(self, check_every_ms: int = 5 * 60 * 1000) -> None:
        """Every few minutes, back up in the background when the station rule says it's due.

        ``backup_if_due`` copies only when the interval has passed and data changed.
        """
        from PySide6.QtCore import QTimer

        if not self.context.location.is_sqlite or self.context.worker is None:
            return
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(check_every_ms)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.backup_timer.start()

    def backup_if_due(self):
        from ..core.backup import backup_if_due
        from .ops import Operation

        operation = Operation("periodic backup", backup_if_due, (self.context.location,),
                              cancellable=False)
        operation.finished.connect(self._backup_taken)
        operation.failed.connect(self._backup_failed)
        return self.context.worker.submit(operation)

    def check_integrity_in_background(self):
        """SQLite's whole-file check, on the worker once the window shows: start-up doesn't
        wait for it (it reads the whole file: ~60 ms a year of attendance, and growing)."""
        from ..core.store import check_integrity
        from .ops import Operation

        if not self.context.location.is_sqlite or self.context.worker is None:
            return None
        operation = Operation("integrity check", check_integrity, (self.context.location,),
                              cancellable=False)
        operation.finished.connect(self._integrity_checked)
        operation.failed.connect(self._integrity_checked)
        return self.context.worker.submit(operation)

    def _integrity_checked(self, problem) -> None:
        if problem is not None:
            from .ops import show_error

            show_error(self, problem)

    def _backup_failed(self, error) -> None:
        from .ops import error_text

        self.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The automatic backup failed: %1")
            .replace("%1", error_text(error)))

    def _backup_taken(self, path) -> None:
        if path is not None:
            self.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backed up and checked: %1")
                .replace("%1", str(path)), 8000)
            self.context.bridge.changed.emit(frozenset({"backup"}))

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
