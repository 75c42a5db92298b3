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
        self._stale: bool | set[str] = True  # True: everything; a set: those tables

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        """Reload what shows data from ``tables`` (None: everything) from the services."""

    def on_changed(self, tables: frozenset[str]) -> None:
        hit = tables & self.watches
        if not hit:
            return
        if self.isVisible():
            self.refresh(frozenset(hit))
        elif self._stale is not True:
            self._stale = set(self._stale or ()) | hit

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            stale, self._stale = self._stale, False
            self.refresh(None if stale is True else frozenset(stale))
        super().showEvent(event)

    def open_section(self, section: str) -> None:
        """Show a part of the page (a settings tab, say); pages with parts override it."""

    def back_up_now(self) -> None:
        """Take a checked backup in the background; pages showing backups then refresh."""
        from .. import ops

        operation = ops.backup_now(self, self.context.location, self.context.actor)
        operation.finished.connect(
            lambda _path: self.context.bridge.changed.emit(frozenset({"backup"})))
