"""The base of every sidebar page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..context import AppContext


class Page(QWidget):
    """A sidebar page. ``watches`` names the tables whose changes make it refresh."""

    name = ""
    watches: frozenset[str] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"page_{self.name}")
        self._stale = True

    def refresh(self) -> None:
        """Reload what the page shows from the services."""

    def on_changed(self, tables: frozenset[str]) -> None:
        if tables & self.watches:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def open_section(self, section: str) -> None:
        """Show a part of the page (a settings tab, say); pages with parts override it."""
