"""入户走访登记表: the sheet a social worker carries on home visits, one row per household.

:func:`..services.household_exports.visit_sheet_data` gathers the rows (phones masked unless
the station allows otherwise); :func:`check` names the records with characters no printer
font has; :func:`build` lays them out on A4 landscape: what is on file (head, village,
address, phone, categories, tier, last visit, open needs in small type) and empty columns to
fill in by hand (outcome with printed choices, needs heard, next step, the head's signature).

Rows are measured before they are placed, so every row is tall enough for what it holds and
for handwriting, and the pages are cut here (about nine rows a page) instead of by
reportlab's table splitting, which slows down on long lists.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from . import fonts

LABELS = {
    "zh": {
        "title": "入户走访登记表",
        "heading": "{station} 入户走访登记表",
        "running": "入户走访登记表 · 责任社工：{workers}",
        "columns": ("序号", "户主", "村居", "地址", "电话", "人员类别", "分级", "最近走访",
                    "走访结果", "群众诉求", "下一步", "户主签名"),
        "workers": "责任社工：{workers}",
        "more_workers": "{names}等 {count} 人",
        "printed": "打印日期：{date}",
        "count": "共 {count} 户",
        "masked": "电话已脱敏",
        "some_full": "{count} 户电话为完整号码，请妥善保管",
        "members": "{count} 人",
        "never": "未走访",
        "overdue": "逾期 {days} 天",
        "outcomes": ("{box}已走访 {box}不在家", "{box}拒访 {box}已搬离"),
        "open_needs": "在办诉求：",
        "more_needs": "另有 {count} 项",
        "none": "没有要列出的住户。",
        "sep": "、",
        "gap": "\u00a0" * 4,  # a Paragraph collapses ordinary (and ideographic) spaces
    },
    "en": {
        "title": "Home visit sheet",
        "heading": "{station}: home visit sheet",
        "running": "Home visit sheet · social worker: {workers}",
        "columns": ("No.", "Head", "Village", "Address", "Phone", "Categories", "Tier",
                    "Last visit", "Outcome", "Needs", "Next step", "Signature"),
        "workers": "Social worker: {workers}",
        "more_workers": "{names} and others ({count})",
        "printed": "Printed {date}",
        "count": "{count} households",
        "masked": "phones masked",
        "some_full": "{count} phones in full: keep this sheet safe",
        "members": "{count} people",
        "never": "never",
        "overdue": "{days} d late",
        "outcomes": ("{box}visited {box}not home", "{box}declined {box}moved"),
        "open_needs": "Open: ",
        "more_needs": "{count} more",
        "none": "No households to list.",
        "sep": ", ",
        "gap": "\u00a0" * 4,
    },
}

# Column widths in mm across A4 landscape (267 mm between the margins).
WIDTHS_MM = (9, 17, 16, 30, 23, 22, 10, 19, 27, 38, 32, 24)
ALIGN = ("centre", "left", "left", "left", "left", "left", "centre", "centre", "left", "left",
         "left", "left")
NEEDS_COLUMN = 9
MIN_ROW_MM = 15.5  # room to write by hand; gives nine rows on the first page, ten after
CELL_SIZE, CELL_LEADING = 9, 11.5
SMALL_SIZE, SMALL_LEADING = 7.5, 9.5
PADDING_X, PADDING_TOP, PADDING_BOTTOM = 3, 3, 3
NEEDS_SHOWN = 2  # open needs listed in a row; the rest are counted
NEED_CHARS = 30  # a need's text is cut after this many characters
WRITING_MM = 8  # room left to write under the open needs
BOX = '<font size="10">□</font>'  # a tick box bigger than the small print around it


@dataclass(frozen=True)
class VisitSheetRow:
    household_id: int
    head_name: str
    village: str
    address: str
    phone: str  # masked unless phone_in_full
    phone_in_full: bool
    categories: str  # joined with 、
    tier: str
    members: int
    last_visit_on: _dt.date | None
    due_on: _dt.date | None
    open_needs: tuple[str, ...]  # new or in progress, oldest first
    social_worker: str


@dataclass(frozen=True)
class VisitSheetData:
    station: str
    social_workers: tuple[str, ...]  # the households' workers, most households first
    printed_on: _dt.date
    printed_by: str
    rows: tuple[VisitSheetRow, ...]
    full_phones: int = 0  # rows whose phone is printed in full


def check(data: VisitSheetData) -> list[tuple[str, str]]:
    """``(record, character)`` for every character no printer font has (warn before printing)."""
    records = [(data.station, data.station + "".join(data.social_workers))]
    records += [(f"{row.head_name}（{row.village}）",
                 " ".join((row.head_name, row.village, row.address, row.categories, row.tier,
                           *row.open_needs)))
                for row in data.rows]
    return fonts.unprintable(records)


def workers_text(data: VisitSheetData, lang: str = "zh") -> str:
    words = LABELS.get(lang, LABELS["zh"])
    names = data.social_workers
    if len(names) > 3:
        return words["more_workers"].format(names=words["sep"].join(names[:2]), count=len(names))
    return words["sep"].join(names) or "—"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def build(data: VisitSheetData, out: str | Path, *, lang: str = "zh") -> Path:
    """The visit sheet as an A4 landscape PDF written to ``out``; returns its path."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Spacer

    from . import pdf

    words = LABELS.get(lang, LABELS["zh"])
    workers = workers_text(data, lang)
    info = pdf.PageInfo(title=words["running"].format(workers=workers), station=data.station,
                        printed_on=data.printed_on, lang=lang, landscape=True)
    heading = words["heading"].format(station=data.station) if data.station else words["title"]
    privacy = (words["some_full"].format(count=data.full_phones) if data.full_phones
               else words["masked"])
    subtitle = words["gap"].join((
        words["workers"].format(workers=workers),
        words["printed"].format(date=pdf.date_text(data.printed_on, lang)),
        words["count"].format(count=len(data.rows)), privacy))
    story = pdf.title_block(heading, subtitle)
    if not data.rows:
        story += [Spacer(1, 6 * mm), pdf.para(words["none"], "body")]
        pdf.build(story, info, out)
        return Path(out)

    layout = _Layout(words, data.printed_on)
    frame_height = info.pagesize[1] - pdf.MARGIN_TOP - pdf.MARGIN_BOTTOM
    width = pdf.content_width(landscape_page=True)
    room = frame_height - sum(f.wrap(width, frame_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                              for f in story)
    header = layout.header()
    page_rows: list[list] = []
    heights: list[float] = []
    used = header[1]
    for number, row in enumerate(data.rows, start=1):
        cells, height = layout.row(number, row)
        if page_rows and used + height > room - 2:  # 2 pt for rounding; next page
            story += [layout.table(header, page_rows, heights), PageBreak()]
            room, page_rows, heights, used = frame_height, [], [], header[1]
        page_rows.append(cells)
        heights.append(height)
        used += height
    story.append(layout.table(header, page_rows, heights))
    pdf.build(story, info, out)
    return Path(out)


class _Layout:
    """Cells, their measured heights, and one page's table."""

    def __init__(self, words: dict, printed_on: _dt.date) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_LEFT
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        from . import pdf

        self.words, self.printed_on, self.pdf = words, printed_on, pdf
        base = ParagraphStyle("visit_cell", pdf.styles()["cell"], fontSize=CELL_SIZE,
                              leading=CELL_LEADING)
        self.styles = {
            "left": ParagraphStyle("visit_left", base, alignment=TA_LEFT),
            "centre": ParagraphStyle("visit_centre", base, alignment=TA_CENTER),
            "head": ParagraphStyle("visit_head", base, alignment=TA_CENTER),
            "small": ParagraphStyle("visit_small", base, fontSize=SMALL_SIZE,
                                    leading=SMALL_LEADING, textColor=colors.Color(0.3, 0.3, 0.3)),
            "choices": ParagraphStyle("visit_choices", base, fontSize=SMALL_SIZE, leading=12.5),
            "small_centre": ParagraphStyle("visit_small_centre", base, fontSize=SMALL_SIZE,
                                           leading=SMALL_LEADING, alignment=TA_CENTER,
                                           textColor=colors.Color(0.3, 0.3, 0.3)),
        }
        self.widths = [w * mm for w in WIDTHS_MM]
        scale = pdf.content_width(landscape_page=True) / sum(self.widths)
        self.widths = [w * scale for w in self.widths]  # exactly the frame's width
        self.min_row = MIN_ROW_MM * mm
        self.writing = WRITING_MM * mm

    def _para(self, text: str, style: str, *, raw: bool = False):
        from reportlab.platypus import Paragraph

        return Paragraph(text if raw else fonts.markup(text), self.styles[style])

    def _measure(self, cells: list) -> float:
        tallest = 0.0
        for cell, width in zip(cells, self.widths, strict=True):
            parts = cell if isinstance(cell, list) else [cell]
            height = sum(p.wrap(width - 2 * PADDING_X, 10_000)[1] for p in parts if p is not None)
            tallest = max(tallest, height)
        return tallest + PADDING_TOP + PADDING_BOTTOM

    def header(self) -> tuple[list, float]:
        cells = [self._para(name, "head") for name in self.words["columns"]]
        return cells, self._measure(cells)

    def row(self, number: int, row: VisitSheetRow) -> tuple[list, float]:
        words = self.words
        head = [self._para(row.head_name, "left")]
        if row.members:
            head.append(self._para(words["members"].format(count=row.members), "small"))
        last = [self._para(row.last_visit_on.isoformat() if row.last_visit_on else words["never"],
                           "centre")]
        if row.due_on and row.due_on < self.printed_on:
            days = (self.printed_on - row.due_on).days
            last.append(self._para(words["overdue"].format(days=days), "small_centre"))
        needs = None
        if row.open_needs:
            shown = [_clip(n, NEED_CHARS) for n in row.open_needs[:NEEDS_SHOWN]]
            text = words["open_needs"] + "；".join(shown)
            if len(row.open_needs) > NEEDS_SHOWN:
                text += "；" + words["more_needs"].format(count=len(row.open_needs) - NEEDS_SHOWN)
            needs = self._para(text, "small")
        cells = [
            self._para(str(number), "centre"), head, self._para(row.village, "left"),
            self._para(row.address, "left"), self._para(row.phone, "left"),
            self._para(row.categories, "left"), self._para(row.tier, "centre"), last,
            [self._para(fonts.markup(line).replace("{box}", BOX), "choices", raw=True)
             for line in words["outcomes"]],
            needs, None, None,
        ]
        height = self._measure(cells)
        if needs is not None:  # what is on file must leave room for what is heard today
            height = max(height, self._measure([None] * NEEDS_COLUMN + [needs, None, None])
                         + self.writing)
        return cells, max(self.min_row, height)

    def table(self, header: tuple[list, float], rows: list[list], heights: list[float]):
        from reportlab.platypus import Table

        table = Table([header[0], *rows], colWidths=self.widths,
                      rowHeights=[header[1], *heights], repeatRows=1, hAlign="CENTER")
        style = self.pdf.table_style(zebra=False, rows=len(rows) + 1)
        for command in (("TOPPADDING", (0, 0), (-1, -1), PADDING_TOP),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING_BOTTOM),
                        ("LEFTPADDING", (0, 0), (-1, -1), PADDING_X),
                        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING_X),
                        ("VALIGN", (NEEDS_COLUMN, 1), (NEEDS_COLUMN, -1), "TOP")):
            style.add(*command)
        table.setStyle(style)
        return table
