"""志愿服务时长台账: a month's service hours as an .xlsx workbook.

Two sheets: 志愿者 (one row per volunteer who served that month: 姓名, 服务队, 志愿者编号,
服务人次, 服务时长（小时）, 待确认) and 服务队汇总 (per team, with a total row). Each has a
merged title row, a line saying what was exported, a frozen header row, column widths and
A4 print setup.

:func:`gather` derives the figures from :func:`..services.attendance.visits` by the same
rule as ``attendance.hours_summary`` (void and still-open visits do not count; a pending
automatic close counts up to its shift's end), grouped by volunteer id rather than by name
so that two volunteers of the same name stay two lines. :func:`build` is a pure function of
that data; :func:`export` writes the file beside the target and renames it into place.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

import peewee

from ..clock import now
from ..errors import ValidationError
from ..models import Team, Volunteer
from ..roles import Actor, require
from ..services import attendance

VOLUNTEER_SHEET = "志愿者"
TEAM_SHEET = "服务队汇总"
HEADERS = ("序号", "姓名", "服务队", "志愿者编号", "服务人次", "服务时长（小时）", "待确认")
WIDTHS = (6, 12, 14, 20, 10, 16, 8)
TEAM_HEADERS = ("序号", "服务队", "服务人数", "服务人次", "服务时长（小时）", "待确认")
TEAM_WIDTHS = (6, 16, 10, 10, 16, 8)
NO_TEAM = "（未分队）"
TITLE_ROWS = 2  # the title and the line under it; the header row follows


@dataclass(frozen=True)
class VolunteerHours:
    volunteer_id: int
    name: str
    team: str
    number: str  # 志愿者编号 (the national platform's)
    person_times: int
    hours: float
    pending: int  # visits waiting for staff to confirm (补登)


@dataclass(frozen=True)
class TeamHours:
    team: str
    volunteers: int
    person_times: int
    hours: float
    pending: int


@dataclass(frozen=True)
class HoursLedger:
    station: str
    month: str  # "2026-11"
    exported_at: _dt.datetime
    exported_by: str
    volunteers: list[VolunteerHours]
    teams: list[TeamHours]

    @property
    def total(self) -> TeamHours:
        return TeamHours("合计", sum(t.volunteers for t in self.teams),
                         sum(t.person_times for t in self.teams),
                         round(sum(t.hours for t in self.teams), 2),
                         sum(t.pending for t in self.teams))


def parse_month(text: str) -> tuple[_dt.date, _dt.date]:
    """"2026-11" → (2026-11-01, 2026-11-30); anything else is refused."""
    try:
        first = _dt.datetime.strptime((text or "").strip(), "%Y-%m").date()
    except ValueError:
        raise ValidationError("bad_month", field="month", value=str(text)) from None
    following = (first.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return first, following - _dt.timedelta(days=1)


def _station_name() -> str:
    from ..services.station import get_station

    station = get_station()
    return station.name if station else ""


def gather(actor: Actor, month: str) -> HoursLedger:
    """The month's hours per volunteer and per team (needs ``volunteers.view``)."""
    require(actor, "volunteers.view")
    start, end = parse_month(month)
    totals: dict[int, list] = {}
    for row in attendance.visits(actor, start, end):
        if row.status in ("void", "open"):
            continue
        line = totals.get(row.volunteer_id)
        if line is None:
            line = totals[row.volunteer_id] = [0, 0.0, 0]
        line[0] += 1
        line[1] += row.hours
        line[2] += row.status == "pending"
    people = {}
    ids = list(totals)
    for chunk in range(0, len(ids), 900):
        query = (Volunteer.select(Volunteer.id, Volunteer.name, Volunteer.name_initials,
                                  Volunteer.platform_number, Team.name, Team.sort_order)
                 .join(Team, peewee.JOIN.LEFT_OUTER, on=(Volunteer.team == Team.id))
                 .where(Volunteer.id.in_(ids[chunk:chunk + 900])).tuples())
        for vid, name, initials, number, team, order in query:
            people[vid] = (name, initials, number, team or "", order if team else 1 << 30)
    lines = []
    for vid, (count, hours, pending) in totals.items():
        name, _, number, team, _ = people[vid]
        lines.append(VolunteerHours(vid, name, team, number, count, round(hours, 2), pending))
    lines.sort(key=lambda v: (people[v.volunteer_id][4], v.team, people[v.volunteer_id][1],
                              v.volunteer_id))
    teams: dict[str, list] = {}
    for line in lines:
        team = teams.setdefault(line.team, [0, 0, 0.0, 0])
        team[0] += 1
        team[1] += line.person_times
        team[2] += line.hours
        team[3] += line.pending
    team_lines = [TeamHours(name or NO_TEAM, n, times, round(hours, 2), pending)
                  for name, (n, times, hours, pending) in teams.items()]
    return HoursLedger(_station_name(), f"{start:%Y-%m}", now(), actor.name, lines, team_lines)


def title(ledger: HoursLedger) -> str:
    year, month = ledger.month.split("-")
    return f"{ledger.station}{int(year)}年{int(month)}月志愿服务时长台账"


def subtitle(ledger: HoursLedger) -> str:
    total = ledger.total
    return (f"统计期间：{ledger.month}；服务 {total.volunteers} 人，{total.person_times} 人次，"
            f"{total.hours:g} 小时；待确认：补登待工作人员确认的次数（按班次结束时间计时长）。"
            f"导出：{ledger.exported_at:%Y-%m-%d %H:%M} {ledger.exported_by}")


def build(ledger: HoursLedger, out: str | Path) -> int:
    """Write the ledger to ``out`` (.xlsx); returns the number of volunteer lines."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(out))
    workbook.set_properties({"title": title(ledger), "author": ledger.exported_by,
                             "company": ledger.station, "comments": "站务通 Station Desk"})
    font = {"font_name": "宋体", "font_size": 10}
    cell = {**font, "border": 1, "valign": "vcenter"}
    f = {
        "title": workbook.add_format({**font, "bold": True, "font_size": 16, "align": "center",
                                      "valign": "vcenter"}),
        "subtitle": workbook.add_format({**font, "font_size": 9, "valign": "vcenter",
                                         "font_color": "#595959"}),
        "head": workbook.add_format({**cell, "bold": True, "align": "center", "text_wrap": True,
                                     "bg_color": "#D9D9D9"}),
        "text": workbook.add_format(cell),
        "id": workbook.add_format({**cell, "num_format": "@"}),
        "count": workbook.add_format({**cell, "align": "center", "num_format": "0"}),
        "hours": workbook.add_format({**cell, "align": "right", "num_format": "0.00"}),
        "total_text": workbook.add_format({**cell, "bold": True, "align": "center"}),
        "total_count": workbook.add_format({**cell, "bold": True, "align": "center",
                                            "num_format": "0"}),
        "total_hours": workbook.add_format({**cell, "bold": True, "align": "right",
                                            "num_format": "0.00"}),
    }

    def sheet_with(name: str, headers, widths):
        sheet = workbook.add_worksheet(name)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.set_row(0, 30)
        sheet.merge_range(0, 0, 0, len(headers) - 1, title(ledger), f["title"])
        sheet.set_row(1, 30)
        sheet.merge_range(1, 0, 1, len(headers) - 1, subtitle(ledger),
                          workbook.add_format({**font, "font_size": 9, "valign": "vcenter",
                                               "text_wrap": True, "font_color": "#595959"}))
        sheet.set_row(TITLE_ROWS, 22)
        for col, text in enumerate(headers):
            sheet.write_string(TITLE_ROWS, col, text, f["head"])
        sheet.freeze_panes(TITLE_ROWS + 1, 0)
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(TITLE_ROWS)
        sheet.set_footer("&C第 &P 页，共 &N 页")
        return sheet

    sheet = sheet_with(VOLUNTEER_SHEET, HEADERS, WIDTHS)
    row = TITLE_ROWS
    for row, line in enumerate(ledger.volunteers, start=TITLE_ROWS + 1):
        sheet.write_number(row, 0, row - TITLE_ROWS, f["count"])
        sheet.write_string(row, 1, line.name, f["text"])
        sheet.write_string(row, 2, line.team or NO_TEAM, f["text"])
        if line.number:
            sheet.write_string(row, 3, line.number, f["id"])
        else:
            sheet.write_blank(row, 3, None, f["id"])
        sheet.write_number(row, 4, line.person_times, f["count"])
        sheet.write_number(row, 5, line.hours, f["hours"])
        sheet.write_number(row, 6, line.pending, f["count"])
    if ledger.volunteers:
        sheet.autofilter(TITLE_ROWS, 0, row, len(HEADERS) - 1)

    sheet = sheet_with(TEAM_SHEET, TEAM_HEADERS, TEAM_WIDTHS)
    row = TITLE_ROWS
    for row, team in enumerate(ledger.teams, start=TITLE_ROWS + 1):
        sheet.write_number(row, 0, row - TITLE_ROWS, f["count"])
        sheet.write_string(row, 1, team.team, f["text"])
        sheet.write_number(row, 2, team.volunteers, f["count"])
        sheet.write_number(row, 3, team.person_times, f["count"])
        sheet.write_number(row, 4, team.hours, f["hours"])
        sheet.write_number(row, 5, team.pending, f["count"])
    total, row = ledger.total, row + 1
    sheet.merge_range(row, 0, row, 1, total.team, f["total_text"])
    sheet.write_number(row, 2, total.volunteers, f["total_count"])
    sheet.write_number(row, 3, total.person_times, f["total_count"])
    sheet.write_number(row, 4, total.hours, f["total_hours"])
    sheet.write_number(row, 5, total.pending, f["total_count"])
    workbook.close()
    return len(ledger.volunteers)


def export(actor: Actor, month: str, path: str | Path) -> HoursLedger:
    """Write the month's 志愿服务时长台账 to ``path`` (.xlsx); the file appears only complete."""
    from .workbook import write_workbook

    ledger = gather(actor, month)
    write_workbook(lambda partial: build(ledger, partial), path)
    return ledger
