"""Case work on paper and in Excel: the data for 个案工作记录 (one case, for supervision) and
社工月度个案工作量表 (one social worker's month), and the month's figures as a workbook.

Everything goes through :mod:`.cases`, so who may read what is the service's decision: a
case file is gathered with ``cases.get_case`` (permission-checked and written to the audit
log) and a social worker's caseload only by that worker or the head. Names of the people a
case is about are masked unless asked for (``show_name``); the figures are counts only.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import peewee

from ..clock import now, today
from ..errors import PermissionDenied, ValidationError
from ..models import NEED_SOURCES, Case, CaseRecord, Staff
from ..reports.workbook import TITLE_ROWS, Book, Heading, write_workbook
from ..roles import HEAD, Actor, require
from ..validate import mask_name
from . import cases
from .base import get_or_fail

ASSESSMENT_FIELDS = ("living", "health", "medication", "self_care", "emotion", "guardianship",
                     "schooling", "development", "economy", "support")


def _station_name() -> str:
    from .station import get_station

    station = get_station()
    return station.name if station else ""


def _month_bounds(year: int, month: int) -> tuple[_dt.date, _dt.date]:
    if not 1 <= int(month) <= 12:
        raise ValidationError("bad_month", field="month", value=f"{year}-{month}")
    start = _dt.date(int(year), int(month), 1)
    nxt = _dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, nxt - _dt.timedelta(days=1)


# ---------------------------------------------------------------- 个案工作记录


@dataclass(frozen=True)
class AssessmentPart:
    assessed_on: _dt.date
    fields: tuple[tuple[str, str], ...]  # (ASSESSMENT_FIELDS code, text), filled ones only
    needs: tuple[str, ...]  # CASE_NEEDS codes
    needs_note: str
    risk: str
    by_name: str


@dataclass(frozen=True)
class PlanPart:
    made_on: _dt.date
    goals: str
    actions: tuple[tuple[str, str, _dt.date | None], ...]  # (action, owner, due)
    partners: tuple[str, ...]
    note: str
    by_name: str


@dataclass(frozen=True)
class RecordLine:
    number: int  # 1, 2, ... in the order served, as the file numbers them
    served_on: _dt.date
    kind: str
    minutes: int
    workers: str
    volunteers: str
    content: str
    corrected_by: tuple[int, ...] = ()  # numbers of the records correcting this one
    corrects: int | None = None  # the number of the record this one corrects
    goods: str = ""  # what was handed over on this service: "大米 2袋、食用油 1桶"
    goods_back: bool = False  # ... and taken back by a correction


@dataclass(frozen=True)
class ReferralLine:
    referred_on: _dt.date
    unit: str
    purpose: str
    status: str
    answer: str
    updated_on: _dt.date | None


@dataclass(frozen=True)
class FollowUpLine:
    due_on: _dt.date
    done_on: _dt.date | None
    note: str
    by_name: str


@dataclass(frozen=True)
class CaseFileData:
    station: str
    printed_on: _dt.date
    case_id: int
    client: str  # the head's name, masked unless show_name
    member: str  # the member the case is about (masked likewise), or ""
    names_shown: bool
    village: str
    social_worker: str
    opened_on: _dt.date
    source: str
    status: str
    risk: str
    problem: str
    assessment: AssessmentPart | None  # the latest
    earlier_assessments: tuple[tuple[_dt.date, str], ...]  # (day, risk), newest first
    plan: PlanPart | None  # the latest
    earlier_plans: tuple[_dt.date, ...]
    records: tuple[RecordLine, ...]
    referrals: tuple[ReferralLine, ...]
    closed_on: _dt.date | None
    goals_met: str
    close_reason: str
    summary: str
    reflection: str
    follow_ups: tuple[FollowUpLine, ...]

    @property
    def number(self) -> str:
        return f"#{self.case_id}"


def _day(value) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def case_file_data(actor: Actor, case_id: int, *, show_name: bool = False) -> CaseFileData:
    """Everything on one case for its printout; read through ``cases.get_case`` (refused to
    anyone but the case's social worker and the head; audited)."""
    detail = cases.get_case(actor, case_id)
    row = detail.case

    def name(text: str) -> str:
        return text if show_name else mask_name(text)

    assessment = None
    if detail.assessments:
        a = detail.assessments[0]
        assessment = AssessmentPart(
            _day(a.assessed_on),
            tuple((f, getattr(a, f).strip()) for f in ASSESSMENT_FIELDS if getattr(a, f).strip()),
            tuple(n for n in (a.needs or "").split(",") if n), a.needs_note, a.risk, a.by_name)
    plan = None
    if detail.plans:
        p, actions = detail.plans[0]
        plan = PlanPart(_day(p.made_on), p.goals,
                        tuple((x.action, x.owner, _day(x.due_on)) for x in actions),
                        tuple(line.strip() for line in (p.partners or "").splitlines()
                              if line.strip()), p.note, p.by_name)
    numbers = {r.id: n for n, r in enumerate(detail.records, start=1)}
    corrected_by: dict[int, list[int]] = {}
    for r in detail.records:
        if r.corrects_id:
            corrected_by.setdefault(r.corrects_id, []).append(numbers[r.id])
    records = tuple(
        RecordLine(numbers[r.id], _day(r.served_on), r.kind, int(r.minutes or 0), r.workers,
                   r.volunteers, r.content, tuple(corrected_by.get(r.id, ())),
                   numbers.get(r.corrects_id) if r.corrects_id else None,
                   detail.goods.get(r.id, ""), r.id in detail.goods_back)
        for r in detail.records)
    return CaseFileData(
        _station_name(), today(), row.id, name(row.head_name),
        name(row.member_name) if row.member_name else "", show_name, row.village,
        row.social_worker, row.opened_on, row.source, row.status, row.risk, detail.problem,
        assessment, tuple((_day(a.assessed_on), a.risk) for a in detail.assessments[1:]),
        plan, tuple(_day(p.made_on) for p, _ in detail.plans[1:]), records,
        tuple(ReferralLine(_day(r.referred_on), r.unit, r.purpose, r.status, r.answer,
                           _day(r.updated_on)) for r in detail.referrals),
        detail.closed_on, detail.goals_met, detail.close_reason, detail.summary,
        detail.reflection,
        tuple(FollowUpLine(_day(f.due_on), _day(f.done_on), f.note, f.by_name)
              for f in detail.follow_ups))


# ---------------------------------------------------------------- 社工月度个案工作量表


@dataclass(frozen=True)
class CaseloadRow:
    case_id: int
    client: str  # masked
    village: str
    status: str
    risk: str
    opened_on: _dt.date
    closed_on: _dt.date | None
    records: int  # this month
    minutes: int  # this month
    last_record_on: _dt.date | None
    follow_up_on: _dt.date | None
    due: str  # "", "follow_up", "quiet" (as the case list says, today)


@dataclass(frozen=True)
class CaseloadTotals:
    cases: int  # on the sheet: open at some time in the month
    opened: int
    active: int  # open at the month's end
    closed: int
    records: int
    minutes: int

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass(frozen=True)
class CaseloadData:
    station: str
    printed_on: _dt.date
    social_worker: str
    year: int
    month: int
    rows: tuple[CaseloadRow, ...]
    totals: CaseloadTotals


def caseload_data(actor: Actor, social_worker_id: int, year: int,
                  month: int) -> CaseloadData:
    """One social worker's cases in a month (those open at any time in it), with the month's
    service records and minutes per case. The worker themself or the head."""
    require(actor, "cases.view")
    worker = get_or_fail(Staff, social_worker_id)
    if actor.role != HEAD and worker.id != actor.staff_id:
        raise PermissionDenied("case_not_yours", case=None, role=actor.role)
    start, end = _month_bounds(year, month)
    listed = cases.list_cases(actor, cases.CaseQuery(social_worker_id=worker.id, status="all"))
    ids = [r.id for r in listed]
    closed_on: dict[int, _dt.date | None] = {}
    per_case: dict[int, tuple[int, int]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        closed_on.update((cid, _day(day)) for cid, day in
                         Case.select(Case.id, Case.closed_on).where(Case.id.in_(part)).tuples())
        per_case.update(
            (cid, (count, int(minutes or 0))) for cid, count, minutes in
            CaseRecord.select(CaseRecord.case, peewee.fn.COUNT(CaseRecord.id),
                              peewee.fn.SUM(CaseRecord.minutes))
            .where(CaseRecord.case.in_(part) & (CaseRecord.served_on >= start)
                   & (CaseRecord.served_on <= end)
                   & CaseRecord.id.not_in(cases._corrected()))  # a corrected one is replaced
            .group_by(CaseRecord.case).tuples())
    rows = []
    for r in sorted(listed, key=lambda r: (r.opened_on, r.id)):
        closed = closed_on.get(r.id)
        if r.opened_on > end or (closed is not None and closed < start):
            continue
        count, minutes = per_case.get(r.id, (0, 0))
        name = mask_name(r.head_name) + (f"（{mask_name(r.member_name)}）" if r.member_name
                                         else "")
        rows.append(CaseloadRow(r.id, name, r.village, r.status, r.risk, r.opened_on, closed,
                                count, minutes, r.last_record_on, r.follow_up_on, r.due))
    totals = CaseloadTotals(
        len(rows), sum(start <= r.opened_on <= end for r in rows),
        sum(r.closed_on is None or r.closed_on > end for r in rows),
        sum(r.closed_on is not None and start <= r.closed_on <= end for r in rows),
        sum(r.records for r in rows), sum(r.minutes for r in rows))
    return CaseloadData(_station_name(), today(), worker.name, int(year), int(month),
                        tuple(rows), totals)


# ---------------------------------------------------------------- the month's figures


FIGURES_COLUMNS = (("序号", 6), ("{key}", 18), ("新开案", 9), ("在案（月末）", 11),
                   ("结案", 8), ("服务记录", 10), ("服务时长（分钟）", 14), ("服务时长（小时）", 14))
NEED_SOURCE_NAMES = {"visit": "走访发现", "hotline": "热线电话", "walk_in": "来访求助",
                     "village": "村居上报", "referral": "转介", "other": "其他"}


def _figure_sheet(book: Book, name: str, key: str, subtitle: str, lines: Sequence) -> int:
    columns = [(t.format(key=key), w) for t, w in FIGURES_COLUMNS]
    sheet = book.sheet(name, subtitle, [w for _, w in columns], landscape=False)
    book.header(sheet, [t for t, _ in columns])
    row = TITLE_ROWS
    for number, line in enumerate(lines, start=1):
        row = TITLE_ROWS + number
        book.count(sheet, row, 0, number, "centre")
        book.text(sheet, row, 1, line.key or "（未填）")
        for col, value in enumerate((line.opened, line.active, line.closed, line.records,
                                     line.minutes), start=2):
            book.count(sheet, row, col, value)
        sheet.write_number(row, 7, round(line.minutes / 60, 1), book.f["money"])
    total = row + 1
    sheet.merge_range(total, 0, total, 1, "合计", book.f["total"])
    for col, attr in enumerate(("opened", "active", "closed", "records", "minutes"), start=2):
        book.count(sheet, total, col, sum(getattr(x, attr) for x in lines), "total_count")
    sheet.write_number(total, 7, round(sum(x.minutes for x in lines) / 60, 1),
                       book.f["total_money"])
    return len(lines)


def _pairs_sheet(book: Book, name: str, subtitle: str,
                 blocks: Sequence[tuple[str, str, Sequence[tuple[str, int]], bool]]) -> int:
    """Blocks of (heading of the first column, of the count column, pairs, with a total
    row?), one under the other with a blank row between; returns how many pairs."""
    sheet = book.sheet(name, subtitle, [40, 16], landscape=False)
    row, count = TITLE_ROWS, 0
    for first, second, pairs, total in blocks:
        sheet.write_string(row, 0, first, book.f["head"])
        sheet.write_string(row, 1, second, book.f["head"])
        for label, value in pairs:
            row += 1
            book.text(sheet, row, 0, label)
            book.count(sheet, row, 1, value)
            count += 1
        if total:
            row += 1
            sheet.write_string(row, 0, "合计", book.f["total"])
            book.count(sheet, row, 1, sum(v for _, v in pairs), "total_count")
        row += 2
    return count


def export_figures(actor: Actor, year: int, month: int, out: str | Path) -> int:
    """The month's case-work figures (``cases.figures``) as .xlsx: sheets 按村居, 按社工,
    群众诉求 and 热线. Counts only, no names of the people served. Returns how many data
    rows were written over all sheets."""
    _month_bounds(year, month)
    fig = cases.figures(actor, int(year), int(month))
    title = f"{_station_name()} 个案工作月报（{fig.year}年{fig.month}月）".strip()
    heading = Heading(_station_name(), now(), actor.name)
    period = f"统计期间：{fig.year}年{fig.month}月　{heading.stamp()}"

    def build(path: Path) -> int:
        book = Book(path, title, heading)
        written = _figure_sheet(book, "按村居", "村居", period, fig.by_village)
        written += _figure_sheet(book, "按社工", "社工", period, fig.by_worker)
        by_source = dict(fig.needs_by_source)
        sources = [(NEED_SOURCE_NAMES.get(s, s), by_source.get(s, 0)) for s in NEED_SOURCES]
        sources += [(NEED_SOURCE_NAMES.get(s, s), n) for s, n in fig.needs_by_source
                    if s not in NEED_SOURCES]
        written += _pairs_sheet(book, "群众诉求", period, [
            ("群众诉求", "件数", [("收集", fig.needs_collected), ("已解决", fig.needs_resolved),
                             ("已转介", fig.needs_referred), ("转为个案", fig.needs_to_case)], False),
            ("来源", "件数", sources, True)])
        by_hour = dict(fig.calls_by_hour)
        written += _pairs_sheet(book, "热线", period, [
            ("热线号码", "来电数", [(line or "（未填）", n) for line, n in fig.calls_by_line],
             True),
            ("时段", "来电数", [(f"{h:02d}:00–{h:02d}:59", by_hour.get(h, 0))
                             for h in range(24)], True)])
        book.close()
        return written

    return write_workbook(build, out)
