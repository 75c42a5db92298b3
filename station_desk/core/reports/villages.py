"""村居责任分工表: which social worker answers for which village, for the notice board.

:func:`gather` reads the data through the services; :func:`build` lays it out from plain
data; :func:`check` names the records with characters no printer font has.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..clock import today
from . import fonts, pdf
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "村居责任分工表",
        "heading": "{station}村居责任分工表",
        "columns": ("序号", "村居编码", "村居名称", "村民小组", "责任社工", "联系电话", "状态"),
        "active": "在用",
        "inactive": "停用",
        "unassigned": "未分配",
        "as_of": "截至 {date}",
        "summary": "共 {villages} 个村居（在用 {active} 个），村民小组 {groups} 个；"
                   "{unassigned} 个在用村居尚未分配责任社工。",
        "summary_done": "共 {villages} 个村居（在用 {active} 个），村民小组 {groups} 个；"
                        "在用村居均已分配责任社工。",
        "address": "社工站地址：{value}",
        "phone": "社工站电话：{value}",
        "hotlines": "服务热线：{value}",
        "sep": "、",
    },
    "en": {
        "title": "Village responsibilities",
        "heading": "{station}: village responsibilities",
        "columns": ("No.", "Code", "Village", "Groups", "Worker", "Phone", "State"),
        "active": "active",
        "inactive": "inactive",
        "unassigned": "none",
        "as_of": "As of {date}",
        "summary": "{villages} villages ({active} active), {groups} villagers' groups; "
                   "{unassigned} active villages have no social worker yet.",
        "summary_done": "{villages} villages ({active} active), {groups} villagers' groups; "
                        "every active village has a social worker.",
        "address": "Station address: {value}",
        "phone": "Station phone: {value}",
        "hotlines": "Hotlines: {value}",
        "sep": ", ",
    },
}

# Column widths in mm on A4 portrait (180 mm between the margins); the name takes the rest.
WIDTHS_MM = (11, 29, None, 17, 23, 30, 13)
ALIGN = ("centre", "left", "left", "centre", "left", "left", "centre")


@dataclass(frozen=True)
class VillageLine:
    code: str
    name: str
    groups: int  # active villagers' groups under the village
    worker: str  # the responsible social worker's name, "" when none
    worker_phone: str  # their work phone, printed in full
    active: bool


@dataclass(frozen=True)
class VillageSheet:
    station: str
    lines: tuple[VillageLine, ...]
    address: str = ""
    phone: str = ""
    hotlines: tuple[str, ...] = ()


def gather(include_inactive: bool = True) -> VillageSheet:
    """Read the villages (kind 'village'), their groups and workers through the services."""
    from ..services.accounts import list_staff
    from ..services.station import get_station, list_villages

    everything = list_villages()
    groups = Counter(v.parent_id for v in everything if v.kind == "group" and v.active)
    phones = {s.id: s.phone for s in list_staff()}
    lines = tuple(
        VillageLine(v.code, v.name, groups[v.id], v.social_worker_name,
                    phones.get(v.social_worker_id, "") if v.social_worker_id else "", v.active)
        for v in everything
        if v.kind == "village" and (include_inactive or v.active)
    )
    station = get_station()
    if station is None:
        return VillageSheet("", lines)
    hotlines = tuple(h for h in (station.hotlines or "").splitlines() if h.strip())
    return VillageSheet(station.name, lines, station.address, station.phone, hotlines)


def check(sheet: VillageSheet) -> list[tuple[str, str]]:
    """``(record, character)`` for every character no printer font has (warn before printing)."""
    records = [(sheet.station, sheet.station + sheet.address)]
    records += [(f"{line.code} {line.name}", f"{line.name} {line.worker}") for line in sheet.lines]
    return fonts.unprintable(records)


def build(sheet: VillageSheet, out: PdfTarget | None = None, *,
          printed_on: _dt.date | None = None, lang: str = "zh") -> bytes | None:
    """The responsibility list as an A4 portrait PDF (to ``out``, or returned as bytes)."""
    words = LABELS.get(lang, LABELS["zh"])
    day = printed_on or today()
    info = pdf.PageInfo(title=words["title"], station=sheet.station, printed_on=day, lang=lang)
    heading = words["heading"].format(station=sheet.station) if sheet.station else words["title"]
    story: list[Flowable] = pdf.title_block(
        heading, words["as_of"].format(date=pdf.date_text(day, lang)))

    rows, muted = [], []
    for number, line in enumerate(sheet.lines, start=1):
        if not line.active:
            muted.append(number - 1)
        rows.append([
            str(number), line.code, line.name, str(line.groups),
            line.worker or words["unassigned"], line.worker_phone if line.worker else "",
            words["active"] if line.active else words["inactive"],
        ])
    story.append(pdf.data_table(words["columns"], rows, _widths(), align=ALIGN, muted=muted))

    active = [line for line in sheet.lines if line.active]
    unassigned = sum(1 for line in active if not line.worker)
    summary = words["summary" if unassigned else "summary_done"].format(
        villages=len(sheet.lines), active=len(active),
        groups=sum(line.groups for line in active), unassigned=unassigned)
    story += [Spacer(1, 4 * mm), pdf.para(summary, "body")]
    contact = [words["address"].format(value=sheet.address) if sheet.address else "",
               words["phone"].format(value=sheet.phone) if sheet.phone else "",
               words["hotlines"].format(value=words["sep"].join(sheet.hotlines))
               if sheet.hotlines else ""]
    story += [pdf.para(text, "small") for text in contact if text]
    return pdf.build(story, info, out)


def _widths() -> list[float]:
    fixed = sum(w for w in WIDTHS_MM if w) * mm
    rest = pdf.content_width() - fixed
    return [w * mm if w else rest for w in WIDTHS_MM]
