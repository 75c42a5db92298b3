"""Festival dates for campaigns: lunar festivals land on their real solar dates."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core import festivals
from station_desk.core.errors import ValidationError


@pytest.mark.parametrize(("code", "year", "expected"), [
    ("spring", 2025, dt.date(2025, 1, 29)),  # 乙巳年春节
    ("mid_autumn", 2025, dt.date(2025, 10, 6)),  # inside the 国庆 holiday that year
    ("double_ninth", 2025, dt.date(2025, 10, 29)),
    ("spring", 2026, dt.date(2026, 2, 17)),
    ("lantern", 2026, dt.date(2026, 3, 3)),
    ("dragon_boat", 2026, dt.date(2026, 6, 19)),
    ("mid_autumn", 2026, dt.date(2026, 9, 25)),
    ("double_ninth", 2026, dt.date(2026, 10, 18)),
    ("children", 2026, dt.date(2026, 6, 1)),
    ("national", 2026, dt.date(2026, 10, 1)),
])
def test_festival_dates(code, year, expected):
    assert festivals.festival_date(code, year) == expected


def test_a_years_festivals_in_order_and_the_next_ones():
    names = [f.name for f in festivals.festivals_of(2026)]
    assert names == ["元旦", "春节", "元宵", "六一", "端午", "中秋", "国庆", "重阳"]
    upcoming = festivals.upcoming(dt.date(2026, 11, 23), 2)
    assert [(f.name, f.day) for f in upcoming] == [("元旦", dt.date(2027, 1, 1)),
                                                   ("春节", dt.date(2027, 2, 6))]


def test_unknown_festivals_and_years_are_refused():
    for code, year, expected in (("qingming", 2026, "bad_choice"),
                                 ("spring", 2150, "festival_year")):
        with pytest.raises(ValidationError) as caught:
            festivals.festival_date(code, year)
        assert caught.value.code == expected
