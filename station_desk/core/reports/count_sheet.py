"""盘点表: the stock count sheet, taken round the storeroom on a clipboard.

A row per item (per expiry date for goods that expire) with what the books say is there;
实盘数量, 差异 and 备注 are left blank to be written in by hand, and a few blank rows take
goods found on the shelves but not on the books. Sign-off lines for 盘点人, 监盘人 and
负责人 close it. The counted figures are then typed in as a count (``stock.record_count``).

The rows come from :func:`..services.stock.count_sheet`; :func:`gather` adds the station,
the storeroom and the date.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..clock import today
from . import fonts, pdf
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "物资盘点表",
        "heading": "{station}物资盘点表",
        "location": "库房：{value}",
        "all_locations": "全部库房",
        "book_date": "账面日期：{value}",
        "columns": ("序号", "类别", "物资名称（规格）", "单位", "到期日期", "账面数量", "实盘数量",
                    "差异", "备注"),
        "no_expiry": "—",
        "summary": "共 {count} 项。下方空行用于登记账外物资。",
        "none": "账面上没有库存物资。可在空行中登记盘点到的物资。",
        "instructions": "填写说明：实盘数量用阿拉伯数字填写；差异 = 实盘数量 − 账面数量（盘盈为正、盘亏为负）；"
                        "有差异的请在备注中写明原因（破损、过期、漏记等）。盘点后在“盘点”中录入实盘数量。",
        "sign": ("盘点人：__________", "监盘人：__________", "负责人：__________",
                 "日期：________年_____月_____日"),
    },
    "en": {
        "title": "Stock count sheet",
        "heading": "{station}: stock count sheet",
        "location": "Storeroom: {value}",
        "all_locations": "all storerooms",
        "book_date": "Book figures as of {value}",
        "columns": ("No.", "Kind", "Goods (spec.)", "Unit", "Expires", "On the books",
                    "Counted", "Diff.", "Note"),
        "no_expiry": "—",
        "summary": "{count} rows. Blank rows below: goods found but not on the books.",
        "none": "Nothing on the books. Write what you find on the blank rows.",
        "instructions": "Write counted quantities in figures; difference = counted − on the "
                        "books; explain every difference in the note (damaged, expired, not "
                        "entered). Then enter the count under Stock count.",
        "sign": ("Counted by: ________", "Checked by: ________", "Head: ________",
                 "Date: ________________"),
    },
}
WIDTHS_MM = (10, 16, 46, 11, 23, 18, 18, 16, 22)  # 180 mm
BLANK_ROWS = 3
WRITE_PADDING = 7  # points above and below a row's text: room to write by hand


class TableWithTail(Flowable):
    """A table and what closes it (totals, sign-off lines) that never part: when the closing
    part does not fit under the table, the table's last rows go with it to the next page
    (under the repeated header), so sign-off lines never stand alone on a last page."""

    def __init__(self, table: Table, tail: Flowable, keep: int = 2) -> None:
        super().__init__()
        self.table, self.tail, self.keep = table, tail, keep
        self._table_height = self._tail_height = 0.0

    def wrap(self, available_width, available_height):
        _, self._table_height = self.table.wrap(available_width, available_height)
        _, self._tail_height = self.tail.wrap(available_width, available_height)
        self.width = available_width
        self.height = self._table_height + self._tail_height
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        heights = self.table._rowHeights  # known after wrap
        head = self.table.repeatRows
        rows = len(heights) - head
        used, fit = sum(heights[:head]), 0
        for height in heights[head:]:
            if used + height > available_height:
                break
            used, fit = used + height, fit + 1
        fit = min(fit, rows - self.keep)  # at least `keep` rows go on with the tail
        if fit <= 0:
            return []  # all of it to the next page
        parts = self.table.split(available_width, sum(heights[:head + fit]) + 0.5)
        if len(parts) < 2:
            return []
        return [parts[0], TableWithTail(parts[1], self.tail, self.keep)]

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self._tail_height)
        self.tail.drawOn(self.canv, 0, 0)


def stack(flowables: list[Flowable]) -> Table:
    """Several flowables as one that never splits (a one-cell table without padding)."""
    table = Table([[flowables]], colWidths=[pdf.content_width()])
    table.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return table


def sign_off_line(labels: Sequence[str], shares: Sequence[float]) -> Table:
    """盘点人：____  监盘人：____ … spread across the page by the given shares of its width."""
    width = pdf.content_width()
    line = Table([[pdf.para(text, "body") for text in labels]],
                 colWidths=[width * share for share in shares])
    line.setStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return line


@dataclass(frozen=True)
class CountSheetData:
    station: str
    location: str  # the storeroom's name, "" for all of them
    on: _dt.date  # the date of the book figures
    rows: tuple  # stock.CountSheetRow


def gather(actor, *, location_id: int | None = None,
           on: _dt.date | None = None) -> CountSheetData:
    """The count sheet's rows for a storeroom (or all of them) on a day (default today)."""
    from ..models import Location
    from ..services import stock
    from ..services.base import get_or_fail
    from ..services.station import get_station

    on = on or today()
    rows = stock.count_sheet(actor, location_id=location_id, on=on)
    location = get_or_fail(Location, location_id).name if location_id else ""
    station = get_station()
    return CountSheetData(station.name if station else "", location, on, tuple(rows))


def check(data: CountSheetData) -> list[tuple[str, str]]:
    return fonts.unprintable([(data.station, f"{data.station} {data.location}")]
                             + [(row.label, f"{row.label} {row.category} {row.unit}")
                                for row in data.rows])


def build(data: CountSheetData | Sequence, out: PdfTarget | None = None, *, lang: str = "zh",
          station: str = "", location: str = "", on: _dt.date | None = None,
          printed_on: _dt.date | None = None) -> bytes | None:
    """The count sheet on A4 portrait (to ``out``, or returned as bytes).

    ``data`` may also be the service's rows as they stand (the count dialog holds them);
    then ``station``, ``location`` and ``on`` say what the sheet is for.
    """
    if not isinstance(data, CountSheetData):
        data = CountSheetData(station, location, on or today(), tuple(data))
    words = LABELS.get(lang, LABELS["zh"])
    where = data.location or words["all_locations"]
    info = pdf.PageInfo(title=f"{words['title']} · {where} · {data.on.isoformat()}",
                        station=data.station, printed_on=printed_on or today(), lang=lang)
    heading = words["heading"].format(station=data.station) if data.station else words["title"]
    subtitle = ("\u00a0" * 6).join((words["location"].format(value=where),
                                    words["book_date"].format(value=pdf.date_text(data.on, lang))))
    story: list[Flowable] = pdf.title_block(heading, subtitle)
    none = words["no_expiry"]
    rows = [[str(number), row.category, row.label, row.unit,
             row.expires_on.isoformat() if row.expires_on else none, f"{row.book:,}", "", "", ""]
            for number, row in enumerate(data.rows, start=1)]
    # blank rows for goods found on the shelves but not on the books
    rows += [[str(n)] + [""] * 8 for n in range(len(rows) + 1, len(rows) + 1 + BLANK_ROWS)]
    widths = [w * mm for w in WIDTHS_MM]
    align = ["centre", "centre", "left", "centre", "centre", "right", "right", "right", "left"]
    table = pdf.data_table(words["columns"], rows, widths, align=align)
    table.setStyle([("TOPPADDING", (0, 1), (-1, -1), WRITE_PADDING),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), WRITE_PADDING)])
    story.append(TableWithTail(table, stack([
        Spacer(1, 2 * mm),
        pdf.para(words["summary"].format(count=len(data.rows)) if data.rows else words["none"],
                 "small"),
        pdf.para(words["instructions"], "small"), Spacer(1, 10 * mm),
        sign_off_line(words["sign"], [0.23, 0.23, 0.23, 0.31])])))
    return pdf.build(story, info, out)
