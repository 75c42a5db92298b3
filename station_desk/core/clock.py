"""The one place the core asks what time it is (tests move it)."""

from __future__ import annotations

import datetime as _dt


def now() -> _dt.datetime:
    """Timezone-aware local time, to the second."""
    return _dt.datetime.now().astimezone().replace(microsecond=0)


def today() -> _dt.date:
    return now().date()


def stamp(moment: _dt.datetime | None = None) -> str:
    """ISO text with the UTC offset, as timestamps are stored."""
    return (moment or now()).isoformat(timespec="seconds")
