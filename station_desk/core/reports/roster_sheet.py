"""志愿者排班表: one week's shifts (days across, shifts down) with the volunteers assigned.

:func:`gather` reads the week's shifts and their assignments (cancelled ones left out);
:func:`check` names the records with characters no printer font has; :func:`build` lays the
grid out on A4 landscape. A shift that is short of people says how many are missing.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..clock import today
from ..errors import ValidationError
from . import fonts, pdf
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "志愿者排班表",
        "heading": "{station}志愿者排班表",
        "week": "{year}年第{week}周（{first}—{last}）",
        "shift": "班次",
        "weekdays": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "filled": "{count}/{capacity} 人",
        "short": "缺 {count} 人",
        "planned": "（待确认）",
        "none": "这一周没有排班。",
        "more": "等，另 {count} 人（名单见签到表）",
        "sep": "、",
        "legend": "带“（待确认）”的为尚未确认的安排；空格为当天没有该班次。",
        "summary": "本周 {shifts} 个班次，安排 {people} 人次，{short} 个班次人数不足。",
    },
    "en": {
        "title": "Volunteer roster",
        "heading": "{station}: volunteer roster",
        "week": "Week {week} of {year} ({first} to {last})",
        "shift": "Shift",
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "filled": "{count}/{capacity}",
        "short": "{count} short",
        "planned": " (unconfirmed)",
        "none": "No shifts this week.",
        "more": " and {count} more (see the sign-in sheet)",
        "sep": ", ",
        "legend": "“(unconfirmed)”: not yet confirmed; an empty cell: no such shift that day.",
        "summary": "{shifts} shifts this week, {people} people assigned, {short} shifts short.",
    },
}
KIND_NAMES = {"front_desk": "前台值班", "hotline": "热线接听", "home_visit": "入户探访",
              "activity": "志愿活动"}
WEEK = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)
SLOT_WIDTH_MM = 36
LIST_NAMES = 8  # up to this many names, one a line
SHOWN_NAMES = 12  # a bigger crowd: this many names in small type, then a count


def parse_week(text: str) -> _dt.date:
    """The Monday of an ISO week written 2026-W48."""
    found = WEEK.match(text or "")
    try:
        if not found:
            raise ValueError(text)
        return _dt.date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError as exc:
        raise ValidationError("printout_bad_week", field="week", value=text) from exc


@dataclass(frozen=True)
class RosterCell:
    shift_id: int
    names: tuple[tuple[str, bool], ...]  # (name, confirmed)
    capacity: int


@dataclass(frozen=True)
class RosterSlot:
    name: str
    start_time: str
    end_time: str
    place: str
    cells: tuple[RosterCell | None, ...]  # Monday..Sunday


@dataclass(frozen=True)
class RosterData:
    station: str
    monday: _dt.date
    slots: tuple[RosterSlot, ...]


def gather(actor, monday: _dt.date) -> RosterData:
    """The week from ``monday``: shifts grouped by name and time, a cell per day."""
    from ..models import Assignment, Shift, Volunteer
    from ..roles import require
    from ..services.station import get_station

    require(actor, "volunteers.view")
    sunday = monday + _dt.timedelta(days=6)
    shifts = list(Shift.select().where((Shift.day >= monday) & (Shift.day <= sunday))
                  .order_by(Shift.start_time, Shift.end_time, Shift.name, Shift.day, Shift.id))
    names: dict[int, list[tuple[str, bool]]] = {}
    if shifts:
        query = (Assignment.select(Assignment.shift, Volunteer.name, Assignment.status)
                 .join(Volunteer)
                 .where((Assignment.shift.in_([s.id for s in shifts]))
                        & (Assignment.status != "cancelled"))
                 .order_by(Volunteer.name_initials, Volunteer.id))
        for shift_id, name, status in query.tuples():
            names.setdefault(shift_id, []).append((name, status == "confirmed"))
    slots: dict[tuple, list[RosterCell | None]] = {}
    places: dict[tuple, str] = {}
    for shift in shifts:
        key = (shift.start_time, shift.end_time, shift.name or KIND_NAMES.get(shift.kind, shift.kind))
        day = shift.day if isinstance(shift.day, _dt.date) else _dt.date.fromisoformat(str(shift.day))
        row = slots.get(key)
        if row is None or row[day.weekday()] is not None:  # a second shift that day: a new row
            key = key + (len(slots),) if row is not None else key
            row = slots.setdefault(key, [None] * 7)
        row[day.weekday()] = RosterCell(shift.id, tuple(names.get(shift.id, ())), shift.capacity)
        places.setdefault(key, shift.place)
    station = get_station()
    return RosterData(station.name if station else "", monday, tuple(
        RosterSlot(key[2], key[0], key[1], places[key], tuple(cells))
        for key, cells in slots.items()))


def check(data: RosterData) -> list[tuple[str, str]]:
    records = [(data.station, data.station)]
    for slot in data.slots:
        records.append((slot.name, f"{slot.name} {slot.place}"))
        records += [(name, name) for cell in slot.cells if cell for name, _ in cell.names]
    return fonts.unprintable(records)


def build(data: RosterData, out: PdfTarget | None = None, *, lang: str = "zh",
          printed_on: _dt.date | None = None) -> bytes | None:
    """The week's roster as an A4 landscape PDF (to ``out``, or returned as bytes)."""
    words = LABELS.get(lang, LABELS["zh"])
    year, week, _ = data.monday.isocalendar()
    sunday = data.monday + _dt.timedelta(days=6)
    week_text = words["week"].format(year=year, week=week, first=pdf.date_text(data.monday, lang),
                                     last=pdf.date_text(sunday, lang))
    info = pdf.PageInfo(title=f"{words['title']} · {week_text}", station=data.station,
                        printed_on=printed_on or today(), lang=lang, landscape=True)
    heading = words["heading"].format(station=data.station) if data.station else words["title"]
    story: list[Flowable] = pdf.title_block(heading, week_text)
    if not data.slots:
        story += [Spacer(1, 6 * mm), pdf.para(words["none"], "body")]
        return pdf.build(story, info, out)
    header = [words["shift"]] + [
        f"{words['weekdays'][i]} {(data.monday + _dt.timedelta(days=i)).strftime('%m-%d')}"
        for i in range(7)]
    from reportlab.lib.styles import ParagraphStyle

    small = ParagraphStyle("roster_small", pdf.styles()["cell_left"], fontSize=8, leading=10.5)
    rows, people, short_count = [], 0, 0
    for slot in data.slots:
        label = [pdf.para(slot.name, "cell_left"),
                 pdf.para(f"{slot.start_time}–{slot.end_time}", "cell_left_muted")]
        if slot.place:
            label.append(pdf.para(slot.place, "cell_left_muted"))
        row: list = [label]
        for cell in slot.cells:
            if cell is None:
                row.append("")
                continue
            people += len(cell.names)
            names = [name + ("" if confirmed else words["planned"])
                     for name, confirmed in cell.names]
            if len(names) <= LIST_NAMES:
                parts = [pdf.para("\n".join(names), "cell_left")] if names else []
            else:  # an activity of hundreds: the first ones, then how many more
                shown = words["sep"].join(names[:SHOWN_NAMES])
                parts = [pdf.para(shown + words["more"].format(count=len(names) - SHOWN_NAMES),
                                  small)]
            missing = cell.capacity - len(cell.names)
            count = words["filled"].format(count=len(cell.names), capacity=cell.capacity)
            if missing > 0:
                short_count += 1
                count += " · " + words["short"].format(count=missing)
            parts.append(pdf.para(count, "cell_right_muted"))
            row.append(parts)
        rows.append(row)
    width = pdf.content_width(landscape_page=True)
    day_width = (width - SLOT_WIDTH_MM * mm) / 7
    body = [[pdf.para(text, "head") for text in header]] + rows
    table = Table(body, colWidths=[SLOT_WIDTH_MM * mm] + [day_width] * 7, repeatRows=1,
                  hAlign="CENTER")
    style = pdf.table_style(rows=len(body))
    style.add("VALIGN", (0, 1), (-1, -1), "TOP")
    table.setStyle(style)
    story.append(table)
    shifts = sum(1 for slot in data.slots for cell in slot.cells if cell)
    story += [Spacer(1, 3 * mm),
              pdf.para(words["summary"].format(shifts=shifts, people=people, short=short_count),
                       "body"),
              pdf.para(words["legend"], "small")]
    return pdf.build(story, info, out)
