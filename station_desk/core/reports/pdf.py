"""Shared building blocks of every printout: A4 pages with header and footer, CJK styles, tables.

A printout module turns plain data into a list of flowables and hands it to :func:`build`,
which writes the PDF to a path, a binary file, or (``out=None``) returns the bytes for the
preview. Every page carries the station's name and the title at the top, and
"第 N 页 / 共 M 页" with the printing date at the bottom.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..clock import today
from . import fonts

PdfTarget = str | Path | BinaryIO

MARGIN_SIDE = 15 * mm
MARGIN_TOP = 22 * mm  # room for the running header
MARGIN_BOTTOM = 18 * mm  # room for the footer
HEADER_SIZE = 9
INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.45, 0.45, 0.45)
HEADER_FILL = colors.Color(0.86, 0.86, 0.86)  # reads on a black-and-white laser printer
ZEBRA_FILL = colors.Color(0.94, 0.94, 0.94)

LABELS = {
    "zh": {"page": "第 {n} 页 / 共 {total} 页", "printed": "打印日期：{date}", "program": "站务通"},
    "en": {"page": "Page {n} of {total}", "printed": "Printed {date}", "program": "Station Desk"},
}


@dataclass(frozen=True)
class PageInfo:
    """What every page of one printout shows around its content."""

    title: str
    station: str = ""
    printed_on: _dt.date | None = None  # default: today
    lang: str = "zh"
    landscape: bool = False

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    def label(self, key: str, **params: object) -> str:
        return LABELS.get(self.lang, LABELS["zh"])[key].format(**params)


def content_width(landscape_page: bool = False) -> float:
    """Width in points between the side margins of an A4 page."""
    return (landscape(A4) if landscape_page else A4)[0] - 2 * MARGIN_SIDE


# --- text ------------------------------------------------------------------------------------


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The CJK paragraph styles by name.

    title, subtitle, body, small, head (table header), cell, and cell_{left,centre,right}
    with a grey ``_muted`` variant of each.
    """
    font = fonts.register()
    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK",
                          textColor=INK)
    made = {
        "title": ParagraphStyle("title", base, fontSize=18, leading=24, alignment=TA_CENTER,
                                spaceAfter=2 * mm),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=10, leading=14,
                                   alignment=TA_CENTER, textColor=MUTED, spaceAfter=4 * mm),
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=9, leading=12.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=10, leading=13.5),
        "head": ParagraphStyle("head", base, fontSize=10, leading=13, alignment=TA_CENTER),
    }
    for align, alignment in (("left", TA_LEFT), ("centre", TA_CENTER), ("right", TA_RIGHT)):
        made[f"cell_{align}"] = ParagraphStyle(f"cell_{align}", made["cell"], alignment=alignment)
        made[f"cell_{align}_muted"] = ParagraphStyle(f"cell_{align}_muted", made[f"cell_{align}"],
                                                     textColor=MUTED)
    return made


def para(text: str, style: str | ParagraphStyle = "body") -> Paragraph:
    """A Paragraph of plain text (escaped; 生僻字 drawn with a fallback font)."""
    return Paragraph(fonts.markup(text), styles()[style] if isinstance(style, str) else style)


def title_block(heading: str, subtitle: str = "") -> list[Flowable]:
    """The big title on the first page, with an optional grey line under it."""
    block: list[Flowable] = [para(heading, "title")]
    block.append(para(subtitle, "subtitle") if subtitle else Spacer(1, 3 * mm))
    return block


def money(fen: int) -> str:
    """Integer fen as yuan with two decimals and thousands separators: 123456 -> 1,234.56."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def date_text(day: _dt.date | None, lang: str = "zh") -> str:
    """2026年3月5日 in Chinese, 2026-03-05 otherwise; empty for None."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.isoformat()


# --- tables ----------------------------------------------------------------------------------


def table_style(*, header_rows: int = 1, zebra: bool = True, rows: int = 0) -> TableStyle:
    """Grid, shaded header row(s), light zebra stripes, cells vertically centred."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.register(), 10),  # else reportlab sets Helvetica
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.9, INK),
        ]
    if zebra:
        commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL)
                     for r in range(header_rows + 1, rows, 2)]
    return TableStyle(commands)


def data_table(header: Sequence[str], rows: Iterable[Sequence[str | Flowable]],
               widths: Sequence[float], *, align: Sequence[str] | None = None,
               muted: Iterable[int] = ()) -> Table:
    """A table that repeats its header on every page.

    Strings become wrapping Paragraphs; ``align`` gives each column's style suffix
    ("left", "centre", "right"); ``muted`` lists data-row indexes printed in grey
    (e.g. inactive records).
    """
    align = list(align or ["left"] * len(header))
    grey = set(muted)
    body: list[list[Flowable]] = [[para(h, "head") for h in header]]
    for index, row in enumerate(rows):
        tail = "_muted" if index in grey else ""
        body.append([value if isinstance(value, Flowable) else para(value, f"cell_{a}{tail}")
                     for value, a in zip(row, align, strict=True)])
    table = Table(body, colWidths=list(widths), repeatRows=1, hAlign="CENTER")
    table.setStyle(table_style(rows=len(body)))
    return table


# --- pages -----------------------------------------------------------------------------------


class _PagedCanvas(Canvas):
    """Holds pages back until the end so each footer can say how many pages there are."""

    def __init__(self, *args, info: PageInfo, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._info = info
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        info = self._info
        width, height = info.pagesize
        left, right = MARGIN_SIDE, width - MARGIN_SIDE
        self.saveState()
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        top = height - 13 * mm
        if info.station:
            fonts.draw_string(self, left, top, info.station, HEADER_SIZE)
        fonts.draw_string(self, right, top, info.title, HEADER_SIZE, align="right")
        self.line(left, top - 2 * mm, right, top - 2 * mm)
        bottom = 10 * mm
        self.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
        printed = info.printed_on or today()
        fonts.draw_string(self, left, bottom, info.label("printed", date=printed.isoformat()),
                          HEADER_SIZE)
        fonts.draw_string(self, width / 2, bottom, info.label("page", n=number, total=total),
                          HEADER_SIZE, align="centre")
        fonts.draw_string(self, right, bottom, info.label("program"), HEADER_SIZE, align="right")
        self.restoreState()


def build(story: list[Flowable], info: PageInfo, out: PdfTarget | None = None) -> bytes | None:
    """Lay out ``story`` on A4 pages with header and footer.

    Writes to ``out`` (a path or a binary file); with ``out=None`` returns the PDF's bytes.
    """
    font = fonts.register()
    target: str | BinaryIO = BytesIO() if out is None else (
        str(out) if isinstance(out, str | Path) else out)
    width, height = info.pagesize
    doc = BaseDocTemplate(
        target, pagesize=info.pagesize,
        leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=info.title, author=info.station, creator="站务通 Station Desk",
        lang="zh-CN" if info.lang == "zh" else "en", initialFontName=font,
    )
    # No frame padding: tables of content_width() line up with the header and footer rules.
    frame = Frame(MARGIN_SIDE, MARGIN_BOTTOM, width - 2 * MARGIN_SIDE,
                  height - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], pagesize=info.pagesize)])
    doc.build(list(story), canvasmaker=partial(_PagedCanvas, info=info))  # build() empties its list
    return target.getvalue() if out is None else None
