"""Change notifications: services announce which tables changed after a commit.

The GUI bridges these to a Qt signal so pages refresh what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_listeners: list[Callable[[frozenset[str]], None]] = []


def subscribe(listener: Callable[[frozenset[str]], None]) -> Callable[[], None]:
    """Call ``listener(tables)`` after every committed write; returns an unsubscribe function."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


def publish(tables: Iterable[str]) -> None:
    changed = frozenset(tables)
    if not changed:
        return
    for listener in list(_listeners):
        listener(changed)
