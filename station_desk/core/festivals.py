"""The festivals a station visits its households for, on the solar calendar of any year.

春节, 元宵, 端午, 中秋 and 重阳 follow the lunar calendar (computed by lunar-python, which
covers years 1900–2100); 元旦, 六一 and 国庆 are fixed solar dates. Campaigns (issue #9) take
their festival's date from here, so the head planning 重阳 sees this year's date filled in.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

# code: (name, calendar, month, day)
FESTIVALS: dict[str, tuple[str, str, int, int]] = {
    "new_year": ("元旦", "solar", 1, 1),
    "spring": ("春节", "lunar", 1, 1),
    "lantern": ("元宵", "lunar", 1, 15),
    "children": ("六一", "solar", 6, 1),
    "dragon_boat": ("端午", "lunar", 5, 5),
    "mid_autumn": ("中秋", "lunar", 8, 15),
    "national": ("国庆", "solar", 10, 1),
    "double_ninth": ("重阳", "lunar", 9, 9),
}
FIRST_YEAR, LAST_YEAR = 1901, 2099  # the lunar festivals of these years fall within range


@dataclass(frozen=True)
class Festival:
    code: str
    name: str
    day: _dt.date


def festival_date(code: str, year: int) -> _dt.date:
    """The solar date of festival ``code`` in ``year`` (春节 2026 → 2026-02-17)."""
    from .errors import ValidationError

    if code not in FESTIVALS:
        raise ValidationError("bad_choice", field="festival", value=code)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("festival_year", year=year, first=FIRST_YEAR, last=LAST_YEAR)
    _name, calendar, month, day = FESTIVALS[code]
    if calendar == "solar":
        return _dt.date(year, month, day)
    from lunar_python import Lunar  # ~7 ms: only when a lunar date is asked for

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return _dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def festivals_of(year: int) -> list[Festival]:
    """Every festival of ``year`` in date order."""
    found = [Festival(code, FESTIVALS[code][0], festival_date(code, year)) for code in FESTIVALS]
    return sorted(found, key=lambda f: f.day)


def upcoming(on: _dt.date, count: int = 3) -> list[Festival]:
    """The next ``count`` festivals on or after ``on`` (into next year when needed)."""
    found = [f for year in (on.year, on.year + 1) for f in festivals_of(year) if f.day >= on]
    return found[:count]
