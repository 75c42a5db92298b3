"""领取签收表: the distribution sign-off sheet, signed by whoever takes the goods.

A row per hand-over (序号, 村居, 户主姓名, 物资及数量, 领取日期, 领取人签字, 备注) with room to
sign, optional blank rows for a planned distribution, and sign-off lines for 发放人 and 审核人.
Household heads come masked from the service for roles that may not see households.

The rows come from :func:`..services.stock_sheets.sign_off_rows` (what was given out) or
from a plain list of (village, name, goods) — a campaign's planned list — given to
:func:`build` as it is.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..clock import today
from ..services.stock_sheets import SignOffData, SignOffRow
from . import fonts, pdf
from .count_sheet import WRITE_PADDING, TableWithTail, sign_off_line, stack
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "物资领取签收表",
        "heading": "{station}物资领取签收表",
        "period": "发放日期：{start}至{end}",
        "one_day": "发放日期：{start}",
        "columns": ("序号", "村居", "户主姓名", "物资及数量", "领取日期", "领取人签字", "备注"),
        "proxy": "代领：{name}",
        "summary": "共 {count} 户（次）{blank}。",
        "blank": "，另留 {blank} 行",
        "instructions": "领取人核对物资和数量无误后本人签字（或按手印）；他人代领的，请在备注中写明代领人姓名及与户主的关系。",
        "sign": ("发放人：__________", "审核人：__________", "日期：________年_____月_____日"),
    },
    "en": {
        "title": "Distribution sign-off sheet",
        "heading": "{station}: distribution sign-off sheet",
        "period": "Handed out {start} to {end}",
        "one_day": "Handed out on {start}",
        "columns": ("No.", "Village", "Head of household", "Goods", "Date", "Signature",
                    "Note"),
        "proxy": "for them: {name}",
        "summary": "{count} hand-overs{blank}.",
        "blank": ", {blank} blank rows",
        "instructions": "Check the goods and quantities, then sign (or press a fingerprint); "
                        "someone collecting for the household writes their name and relation "
                        "in the note.",
        "sign": ("Handed out by: ________", "Checked by: ________", "Date: ________________"),
    },
}
WIDTHS_MM = (10, 24, 22, 48, 22, 28, 26)  # 180 mm
MAX_BLANK = 500


def check(data: SignOffData) -> list[tuple[str, str]]:
    return fonts.unprintable([(data.station, f"{data.station} {data.subtitle}")]
                             + [(row.name, f"{row.village} {row.name} {row.goods} {row.proxy} "
                                           f"{row.note}") for row in data.rows])


def _as_data(data: SignOffData | Iterable, station: str, subtitle: str) -> SignOffData:
    if isinstance(data, SignOffData):
        return data
    rows = tuple(row if isinstance(row, SignOffRow) else SignOffRow(*map(str, row))
                 for row in data)
    return SignOffData(station, None, None, rows, subtitle)


def build(data: SignOffData | Iterable, out: PdfTarget | None = None, *, lang: str = "zh",
          blank: int = 0, station: str = "", subtitle: str = "",
          printed_on: _dt.date | None = None) -> bytes | None:
    """The sheet on A4 portrait (to ``out``, or returned as bytes), with ``blank`` empty
    rows after the listed ones.

    ``data`` is the service's :class:`SignOffData`, or plain (village, name, goods) rows
    (then ``station`` and ``subtitle`` head the sheet).
    """
    data = _as_data(data, station, subtitle)
    words = LABELS.get(lang, LABELS["zh"])
    blank = max(0, min(int(blank), MAX_BLANK))
    start = pdf.date_text(data.date_from, lang) if data.date_from else ""
    end = pdf.date_text(data.date_to, lang) if data.date_to else ""
    if start and end and start != end:
        period = words["period"].format(start=start, end=end)
    elif start or end:
        period = words["one_day"].format(start=start or end)
    else:
        period = ""
    days = "–".join(dict.fromkeys(d.isoformat() for d in (data.date_from, data.date_to) if d))
    info = pdf.PageInfo(title=" · ".join(filter(None, (words["title"], data.subtitle, days))),
                        station=data.station, printed_on=printed_on or today(), lang=lang)
    heading = words["heading"].format(station=data.station) if data.station else words["title"]
    story: list[Flowable] = pdf.title_block(
        heading, ("\u00a0" * 6).join(filter(None, (data.subtitle, period))))
    rows = []
    for number, row in enumerate(data.rows, start=1):
        note = "\n".join(filter(None, (words["proxy"].format(name=row.proxy) if row.proxy else "",
                                       row.note)))
        rows.append([str(number), row.village, row.name, row.goods,
                     row.day.isoformat() if row.day else "", "", note])
    rows += [[str(n)] + [""] * 6 for n in range(len(rows) + 1, len(rows) + 1 + blank)]
    table = pdf.data_table(words["columns"], rows, [w * mm for w in WIDTHS_MM],
                           align=["centre", "centre", "centre", "left", "centre", "left", "left"])
    table.setStyle([("TOPPADDING", (0, 1), (-1, -1), WRITE_PADDING),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), WRITE_PADDING)])
    summary = words["summary"].format(
        count=len(data.rows), blank=words["blank"].format(blank=blank) if blank else "")
    story.append(TableWithTail(table, stack([
        Spacer(1, 2 * mm), pdf.para(summary, "small"), pdf.para(words["instructions"], "small"),
        Spacer(1, 10 * mm), sign_off_line(words["sign"], [0.3, 0.3, 0.4])])))
    return pdf.build(story, info, out)
