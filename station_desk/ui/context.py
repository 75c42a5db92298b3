"""What every page needs: where the data is, who is signed in, and change notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from ..core import events
from ..core.db import Location
from ..core.roles import Actor


class ChangeBridge(QObject):
    """Turns the core's change events into a Qt signal (queued onto the GUI thread)."""

    changed = Signal(object)  # frozenset of table names

    def __init__(self) -> None:
        super().__init__()
        self._unsubscribe = events.subscribe(self.changed.emit)

    def close(self) -> None:
        self._unsubscribe()


@dataclass
class AppContext:
    location: Location
    actor: Actor
    lang: str = "zh"
    bridge: ChangeBridge = field(default_factory=ChangeBridge)
    worker: object | None = None  # ui.ops.DbWorker, when background work is running
