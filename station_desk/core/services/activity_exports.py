"""Activities, projects and wishes on paper and in Excel: the data for 活动签到表 (one
activity's sign-in sheet), 项目进度报告 (a project at any date, PDF and .xlsx), the year's
figures workbook, and the printed wish list for partner companies.

Everything is read through the core services (:mod:`.activities`, :mod:`.wishes`), so who
may see what is their decision. What leaves the program is kept small: the sign-in sheet
carries names and villages (no ID numbers, no phones); the project report and the figures
are counts (no case notes, no names of case clients); the wish list shows a wish's alias and
village only.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from ..clock import now, today
from ..errors import ValidationError
from ..models import ACTIVITY_KINDS, WISH_STATUSES
from ..reports.workbook import TITLE_ROWS, Book, Heading, write_workbook
from ..roles import Actor, require
from . import activities as act
from . import wishes

DEFAULT_BLANK = 10  # rows left for walk-ins on a sign-in sheet
KIND_NAMES = {"group": "小组活动", "community": "社区活动", "policy": "政策宣传",
              "volunteer": "志愿服务活动", "festival": "节日活动", "training": "培训"}
ACTIVITY_STATUS_NAMES = {"planned": "计划中", "held": "已举办", "cancelled": "已取消"}
PROJECT_STATUS_NAMES = {"active": "进行中", "closed": "已结项"}
WISH_STATUS_NAMES = {"placed": "已下单", "taken": "已接单", "adopted": "已认领",
                     "delivered": "已送达", "rated": "已评价", "cancelled": "已取消"}


def _station():
    from .station import get_station

    return get_station()


def _station_name() -> str:
    station = _station()
    return station.name if station else ""


def _station_phone() -> str:
    """The number partner companies call: the station's phone, else its first hotline."""
    station = _station()
    if station is None:
        return ""
    if station.phone.strip():
        return station.phone.strip()
    lines = [line.strip() for line in (station.hotlines or "").splitlines() if line.strip()]
    return lines[0] if lines else ""


def _day(value) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


# ---------------------------------------------------------------- 活动签到表


@dataclass(frozen=True)
class SheetPerson:
    name: str  # the member's name, or the household head's
    head: str  # the household head, when the person is another member; else ""
    village: str


@dataclass(frozen=True)
class SheetData:
    station: str
    printed_on: _dt.date
    activity_id: int
    title: str
    kind: str  # an ACTIVITY_KINDS code
    held_on: _dt.date
    start_time: str
    end_time: str
    place: str
    village: str
    organiser: str
    theme: str
    partners: str
    project: str
    participants: tuple[SheetPerson, ...]  # signed up, by village then household
    volunteers: tuple[str, ...]  # names of the volunteers on the activity's shift
    blank_rows: int  # for walk-ins


def sheet_data(actor: Actor, activity_id: int, *, blank: int | None = None) -> SheetData:
    """The sign-in sheet of an activity: who signed up (names and villages only: a member's
    name with the household head's), the volunteers on its shift and ``blank`` rows for
    walk-ins. A cancelled activity has no sheet. Someone who may not see households gets
    the sheet with blank rows only."""
    detail = act.get_activity(actor, activity_id)
    row = detail.activity
    if row.status == "cancelled":
        raise ValidationError("activity_sheet_cancelled", title=row.title)
    people = tuple(SheetPerson(p.name, p.head_name if p.member_id and p.name != p.head_name
                               else "", p.village) for p in detail.participants)
    if blank is None:
        blank = max(DEFAULT_BLANK, len(people) // 4)
    if not 0 <= int(blank) <= 200:
        raise ValidationError("bad_number", field="blank", value=str(blank))
    return SheetData(
        _station_name(), today(), row.id, row.title, row.kind, _day(row.held_on),
        row.start_time, row.end_time, row.place, detail.village, row.organiser, row.theme,
        row.partners, detail.project, people, tuple(h.name for h in detail.volunteers),
        int(blank))


# ---------------------------------------------------------------- 项目进度报告


@dataclass(frozen=True)
class TargetLine:
    key: str  # families, person_times, services, value (fen)
    target: int
    done: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.target) if self.target else None


@dataclass(frozen=True)
class ReportActivity:
    id: int
    held_on: _dt.date
    title: str
    kind: str
    village: str
    place: str
    status: str
    came: int  # people on file who came
    extra_count: int  # the head count of people not on file
    volunteers: int

    @property
    def person_times(self) -> int:
        return self.came + self.extra_count


@dataclass(frozen=True)
class ProjectReportData:
    station: str
    printed_on: _dt.date
    on: _dt.date  # the report's date: counted up to it
    project_id: int
    name: str
    funder: str
    starts_on: _dt.date
    ends_on: _dt.date
    target_groups: str
    status: str
    budget_fen: int
    note: str
    targets: tuple[TargetLine, ...]  # families, person_times, services, value
    activities_held: int
    records: int  # service records of its cases
    cases: int  # cases served under it: a count only
    volunteer_times: int
    volunteer_hours: float
    by_month: tuple[tuple[str, int, int, int], ...]  # (YYYY-MM, activities, person-times, records)
    by_kind: tuple[tuple[str, int, int], ...]  # (kind, activities, person-times)
    activities: tuple[ReportActivity, ...]  # up to ``on``, oldest first (cancelled left out)

    @property
    def elapsed_percent(self) -> int:
        """How much of the project's period has gone by ``on``."""
        days = (self.ends_on - self.starts_on).days + 1
        gone = (min(self.on, self.ends_on) - self.starts_on).days + 1
        return max(0, min(100, round(100 * gone / days))) if days > 0 else 100


def project_report_data(actor: Actor, project_id: int,
                        on: _dt.date | None = None) -> ProjectReportData:
    """A project's progress at ``on`` (default today) against its targets, by month and by
    kind, with its activities up to that day. Counts only: no case notes, no names."""
    on = on or today()
    progress = act.project_progress(actor, project_id, on)
    project = progress.project
    start, end = _day(project.starts_on), _day(project.ends_on)
    rows = sorted((r for r in progress.activity_rows
                   if r.held_on <= on and r.status != "cancelled"),
                  key=lambda r: (r.held_on, r.start_time, r.id))
    targets = (TargetLine("families", project.target_families, progress.families),
               TargetLine("person_times", project.target_person_times, progress.participants),
               TargetLine("services", project.target_services, progress.services),
               TargetLine("value", project.target_value_fen, progress.value_fen))
    return ProjectReportData(
        _station_name(), today(), on, project.id, project.name, project.funder, start, end,
        project.target_groups, project.status, project.budget_fen, project.note, targets,
        progress.activities, progress.records, progress.cases, progress.volunteer_times,
        progress.volunteer_hours, progress.by_month, progress.by_kind,
        tuple(ReportActivity(r.id, r.held_on, r.title, r.kind, r.village, r.place, r.status,
                             r.came, r.extra_count, r.volunteers) for r in rows))


TARGET_NAMES = {"families": "服务家庭（户）", "person_times": "服务人次",
                "services": "服务次数", "value": "链接资源（元）"}
ACTIVITY_COLUMNS = (("序号", 6), ("日期", 11), ("活动名称", 30), ("类型", 12), ("村居", 12),
                    ("地点", 18), ("状态", 8), ("到场（在册）", 11), ("其他到场", 9),
                    ("服务人次", 9), ("志愿者", 8))


def export_project(actor: Actor, project_id: int, path: str | Path,
                   on: _dt.date | None = None) -> int:
    """The project report as .xlsx: sheets 项目概况 (details, targets against what was done),
    按月, 按活动类型 and 活动清单. Returns the number of data rows written over all sheets."""
    data = project_report_data(actor, project_id, on)
    heading = Heading(data.station, now(), actor.name)
    title = f"{data.station} {data.name} 项目进度报告".strip()
    subtitle = (f"统计截至：{data.on:%Y-%m-%d}　项目周期：{data.starts_on:%Y-%m-%d} 至 "
                f"{data.ends_on:%Y-%m-%d}　{heading.stamp()}")
    return write_workbook(lambda out: _project_book(data, title, subtitle, heading, out), path)


def _project_book(data: ProjectReportData, title: str, subtitle: str, heading: Heading,
                  out: Path) -> int:
    book = Book(out, title, heading)
    written = _project_summary(book, data, subtitle)
    sheet = book.sheet("按月", subtitle, [12, 10, 10, 12], landscape=False)
    book.header(sheet, ["月份", "活动（场）", "服务人次", "个案服务记录"])
    written += _lines(book, sheet, [(m, (a, p, r)) for m, a, p, r in data.by_month])
    sheet = book.sheet("按活动类型", subtitle, [16, 10, 10], landscape=False)
    book.header(sheet, ["活动类型", "活动（场）", "服务人次"])
    written += _lines(book, sheet, [(KIND_NAMES.get(k, k), (a, p)) for k, a, p in data.by_kind])
    sheet = book.sheet("活动清单", subtitle, [w for _, w in ACTIVITY_COLUMNS])
    book.header(sheet, [t for t, _ in ACTIVITY_COLUMNS])
    line = TITLE_ROWS
    for number, a in enumerate(data.activities, start=1):
        line = TITLE_ROWS + number
        book.count(sheet, line, 0, number)
        book.date(sheet, line, 1, a.held_on)
        book.text(sheet, line, 2, a.title)
        book.text(sheet, line, 3, KIND_NAMES.get(a.kind, a.kind), "centre")
        book.text(sheet, line, 4, a.village, "centre")
        book.text(sheet, line, 5, a.place)
        book.text(sheet, line, 6, ACTIVITY_STATUS_NAMES.get(a.status, a.status), "centre")
        for col, value in enumerate((a.came, a.extra_count, a.person_times, a.volunteers),
                                    start=7):
            book.count(sheet, line, col, value)
    if data.activities:
        sheet.autofilter(TITLE_ROWS, 0, line, len(ACTIVITY_COLUMNS) - 1)
    book.close()
    return written + len(data.activities)


def _project_summary(book: Book, data: ProjectReportData, subtitle: str) -> int:
    sheet = book.sheet("项目概况", subtitle, [22, 34, 14, 12], landscape=False)
    book.header(sheet, ["项目", "内容", "", ""])
    line = TITLE_ROWS
    for name, value in (("项目名称", data.name), ("资助方", data.funder),
                        ("项目周期", f"{data.starts_on:%Y-%m-%d} 至 {data.ends_on:%Y-%m-%d}"),
                        ("服务对象", data.target_groups),
                        ("状态", PROJECT_STATUS_NAMES.get(data.status, data.status)),
                        ("统计截至", f"{data.on:%Y-%m-%d}（周期已过 {data.elapsed_percent}%）")):
        line += 1
        book.text(sheet, line, 0, name)
        sheet.merge_range(line, 1, line, 3, value, book.f["text"])
    line += 1
    book.text(sheet, line, 0, "预算（元）")
    book.money(sheet, line, 1, data.budget_fen)
    line += 2
    for col, name in enumerate(("指标", "目标", "完成", "完成率")):
        sheet.write_string(line, col, name, book.f["head"])
    for target in data.targets:
        line += 1
        book.text(sheet, line, 0, TARGET_NAMES[target.key])
        if target.key == "value":
            book.money(sheet, line, 1, target.target if target.target else None)
            book.money(sheet, line, 2, target.done)
        else:
            book.count(sheet, line, 1, target.target or None)
            book.count(sheet, line, 2, target.done)
        book.text(sheet, line, 3, f"{target.percent}%" if target.percent is not None else "—",
                  "centre")
    line = _counts(book, sheet, line + 1, (
        ("举办活动（场）", data.activities_held), ("服务个案（个）", data.cases),
        ("个案服务记录（次）", data.records), ("志愿服务（人次）", data.volunteer_times)))
    line += 1
    book.text(sheet, line, 0, "志愿服务时长（小时）")
    sheet.write_number(line, 1, data.volunteer_hours, book.f["money"])
    return len(data.targets)


def _lines(book: Book, sheet, lines: list[tuple[str, tuple[int, ...]]]) -> int:
    """Rows of (key, counts) and a 合计 row under them; how many rows."""
    line = TITLE_ROWS
    width = len(lines[0][1]) if lines else 0
    for number, (key, counts) in enumerate(lines, start=1):
        line = TITLE_ROWS + number
        book.text(sheet, line, 0, key or "（未填）", "centre")
        for col, value in enumerate(counts, start=1):
            book.count(sheet, line, col, value)
    if lines:
        line += 1
        sheet.write_string(line, 0, "合计", book.f["total"])
        for col in range(width):
            book.count(sheet, line, col + 1, sum(c[col] for _, c in lines), "total_count")
    return len(lines)


def _counts(book: Book, sheet, line: int, pairs) -> int:
    """(label, count) rows under ``line``; the last row written."""
    for name, value in pairs:
        line += 1
        book.text(sheet, line, 0, name)
        book.count(sheet, line, 1, value)
    return line


# ---------------------------------------------------------------- the year's figures


def export_figures(actor: Actor, year: int, path: str | Path) -> int:
    """The year's activity figures as .xlsx: 汇总 (totals, volunteers, goods, cards, wishes),
    按活动类型, 按月份, 按村居 (activities, people on file who came, person-times), 项目进度
    (one row per project running in the year, at the year's end or today) and 微心愿 (by
    status). Counts only. Returns the number of data rows written over all sheets."""
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ValidationError("bad_year", field="year", value=str(year)) from None
    if not 2000 <= year <= 2100:
        raise ValidationError("bad_year", field="year", value=str(year))
    require(actor, "activities.view")
    require(actor, "wishes.view")
    fig = act.year_figures(actor, year)
    wish = wishes.figures(actor, year)
    start, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    at = min(end, today())
    projects = [act.project_progress(actor, p.id, at) for p in act.list_projects(actor)
                if _day(p.starts_on) <= end and _day(p.ends_on) >= start]
    heading = Heading(_station_name(), now(), actor.name)
    title = f"{heading.station} {year}年活动统计".strip()
    subtitle = f"统计期间：{year}年1月1日至12月31日（已举办的活动）　{heading.stamp()}"
    return write_workbook(
        lambda out: _figures_book(fig, wish, projects, title, subtitle, heading, out), path)


FIGURE_COLUMNS = ("活动（场）", "参与人数（在册）", "服务人次")


def _figures_book(fig: act.YearFigures, wish: wishes.WishFigures, projects, title: str,
                  subtitle: str, heading: Heading, out: Path) -> int:
    book = Book(out, title, heading)
    sheet = book.sheet("汇总", subtitle, [26, 16], landscape=False)
    book.header(sheet, ["项目", "数量"])
    line = TITLE_ROWS
    counts = [("举办活动（场）", fig.activities), ("服务人次", fig.person_times),
              ("志愿服务（人次）", fig.volunteer_times)]
    counts += [(f"　{KIND_NAMES.get(x.key, x.key)}（场）", x.activities) for x in fig.by_kind]
    line = _counts(book, sheet, line, counts)
    line += 1
    book.text(sheet, line, 0, "志愿服务时长（小时）")
    sheet.write_number(line, 1, fig.volunteer_hours, book.f["money"])
    line += 1
    book.text(sheet, line, 0, "活动使用物资价值（元）")
    book.money(sheet, line, 1, fig.goods_value_fen)
    _counts(book, sheet, line, (
        ("发放政策明白卡（张）", fig.cards), ("微心愿下单（个）", wish.placed),
        ("微心愿认领（个）", wish.adopted), ("微心愿实现（个）", wish.fulfilled)))
    written = len(counts) + 7
    for name, key, lines in (("按活动类型", "活动类型", fig.by_kind), ("按月份", "月份", fig.by_month),
                             ("按村居", "村居", fig.by_village)):
        sheet = book.sheet(name, subtitle, [16, 12, 16, 12], landscape=False)
        book.header(sheet, [key, *FIGURE_COLUMNS])
        named = [(KIND_NAMES.get(x.key, x.key) if key == "活动类型" else x.key,
                  (x.activities, x.participants, x.person_times)) for x in lines]
        written += _lines(book, sheet, named)
        if named:  # distinct people don't add up across lines
            total = TITLE_ROWS + len(named) + 1
            book.count(sheet, total, 2, None, "total_count")
            if key == "村居":  # nor do activities: people of several villages come to one
                book.count(sheet, total, 1, fig.activities, "total_count")
    at = projects[0].on if projects else None
    written += _projects_sheet(book, projects, subtitle if at is None else
                               f"项目进度为项目开始至 {at:%Y-%m-%d} 的累计　{heading.stamp()}")
    written += _wishes_sheet(book, wish, subtitle)
    book.close()
    return written


PROJECT_COLUMNS = (("序号", 6), ("项目名称", 26), ("资助方", 16), ("周期", 23), ("状态", 8),
                   ("活动（场）", 9), ("服务家庭（户）", 10), ("目标", 8), ("服务人次", 9),
                   ("目标", 8), ("服务次数", 9), ("目标", 8), ("链接资源（元）", 13),
                   ("目标（元）", 13), ("志愿服务（人次）", 10), ("志愿时长（小时）", 10),
                   ("个案（个）", 8))


def _projects_sheet(book: Book, projects, subtitle: str) -> int:
    sheet = book.sheet("项目进度", subtitle, [w for _, w in PROJECT_COLUMNS], freeze_col=2)
    book.header(sheet, [t for t, _ in PROJECT_COLUMNS])
    for number, p in enumerate(projects, start=1):
        line = TITLE_ROWS + number
        row = p.project
        book.count(sheet, line, 0, number)
        book.text(sheet, line, 1, row.name)
        book.text(sheet, line, 2, row.funder)
        book.text(sheet, line, 3, f"{_day(row.starts_on):%Y-%m-%d} 至 {_day(row.ends_on):%Y-%m-%d}",
                  "centre")
        book.text(sheet, line, 4, PROJECT_STATUS_NAMES.get(row.status, row.status), "centre")
        for col, value in ((5, p.activities), (6, p.families), (7, row.target_families or None),
                           (8, p.participants), (9, row.target_person_times or None),
                           (10, p.services), (11, row.target_services or None),
                           (14, p.volunteer_times), (16, p.cases)):
            book.count(sheet, line, col, value)
        book.money(sheet, line, 12, p.value_fen)
        book.money(sheet, line, 13, row.target_value_fen or None)
        sheet.write_number(line, 15, p.volunteer_hours, book.f["money"])
    return len(projects)


def _wishes_sheet(book: Book, wish: wishes.WishFigures, subtitle: str) -> int:
    sheet = book.sheet("微心愿", subtitle, [24, 14], landscape=False)
    book.header(sheet, ["项目", "数量"])
    line = TITLE_ROWS
    line = _counts(book, sheet, line, (
        ("下单", wish.placed), ("认领（买单）", wish.adopted), ("实现（已送达）", wish.fulfilled),
        ("已评价", wish.rated), ("已取消", wish.cancelled)))
    line += 1
    book.text(sheet, line, 0, "平均评分（1–5）")
    if wish.average_rating is None:
        book.text(sheet, line, 1, "—", "centre")
    else:
        sheet.write_number(line, 1, wish.average_rating, book.f["money"])
    line += 1
    book.text(sheet, line, 0, "已实现心愿估值（元）")
    book.money(sheet, line, 1, wish.value_fen)
    line += 2
    sheet.write_string(line, 0, "按状态", book.f["head"])
    sheet.write_string(line, 1, "数量", book.f["head"])
    by_status = dict(wish.by_status)
    for status in WISH_STATUSES:
        line += 1
        book.text(sheet, line, 0, WISH_STATUS_NAMES.get(status, status))
        book.count(sheet, line, 1, by_status.get(status, 0))
    return 7 + len(WISH_STATUSES)


# ---------------------------------------------------------------- the printed wish list


@dataclass(frozen=True)
class WishLine:
    number: int  # the wish's record number: a partner quotes it to adopt it
    alias: str
    village: str
    what: str
    why: str
    estimated_fen: int
    placed_on: _dt.date


@dataclass(frozen=True)
class WishListData:
    station: str
    phone: str  # whom partner companies call
    printed_on: _dt.date
    wishes: tuple[WishLine, ...]

    @property
    def total_fen(self) -> int:
        return sum(w.estimated_fen for w in self.wishes)


def wish_list_data(actor: Actor) -> WishListData:
    """The open wishes (placed or taken) a partner company could adopt, by village and day:
    alias, village, the wish, why and its estimated value. Never the household's name,
    address or phone."""
    rows = wishes.list_wishes(actor, open_only=True)
    lines = sorted((WishLine(r.id, r.alias, r.village, r.what, r.why, r.estimated_fen,
                             r.placed_on) for r in rows),
                   key=lambda w: (w.village, w.placed_on, w.number))
    return WishListData(_station_name(), _station_phone(), today(), tuple(lines))


__all__ = ["ACTIVITY_KINDS", "ProjectReportData", "SheetData", "WishListData", "export_figures",
           "export_project", "project_report_data", "sheet_data", "wish_list_data"]
