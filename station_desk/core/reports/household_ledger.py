"""服务对象台账: the household ledger as an .xlsx workbook, one row per household.

A pure function of plain data: :mod:`..services.household_exports` gathers and masks the
rows, :func:`build` lays them out the way civil affairs offices keep their ledgers (a merged
title row, a line saying what was exported, the headers they use, a frozen header row,
autofilter, A4 landscape print setup). The household importer reads this format back, so
every value is written as it is stored: ID numbers and phones as text (never numbers),
dates as real Excel dates, categories joined with 、, the tier and the status by name.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHEET = "服务对象台账"
HEADERS = ("序号", "户主姓名", "身份证号码", "性别", "出生日期", "所属村(社区)", "家庭住址",
           "联系电话", "人员类别", "分级", "家庭人口", "责任社工", "登记时间", "最近走访",
           "下次走访", "状态", "备注")
# Column widths in Excel's character units (a Chinese character counts about two).
WIDTHS = (6, 10, 21, 5, 11, 13, 30, 14, 20, 7, 8, 9, 11, 11, 11, 6, 30)
STATUS_NAMES = {"active": "在册", "moved": "迁出", "deceased": "死亡", "closed": "注销"}
GENDER_NAMES = {"male": "男", "female": "女"}
CATEGORY_SEPARATOR = "、"
TITLE_ROWS = 2  # the title and the line under it; the header row follows
_EPOCH = _dt.date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system)

# Column indexes by kind, for the writing loop and the column formats.
_TEXT_COLUMNS = frozenset({2, 7})  # ID number and phone: typed as text so they stay text
_DATE_COLUMNS = (4, 12, 13, 14)


@dataclass(frozen=True)
class LedgerLine:
    """One household as the ledger shows it (numbers already masked or not)."""

    head_name: str
    id_number: str  # the head's, masked unless shown in full
    gender: str  # "male", "female" or ""
    birthdate: _dt.date | None
    village: str
    address: str
    phone: str  # masked unless shown in full
    categories: tuple[str, ...]
    tier: str
    members: int  # active members, the head included
    social_worker: str
    registered_on: _dt.date | None
    last_visit_on: _dt.date | None
    due_on: _dt.date | None
    status: str  # active, moved, deceased, closed
    notes: str


@dataclass(frozen=True)
class Ledger:
    station: str
    description: str  # the filter, in words
    exported_at: _dt.datetime
    exported_by: str
    lines: Iterable[LedgerLine]
    count: int  # how many lines there are (the title line says it before they are written)
    full_numbers: int = 0  # lines with ID numbers and phones in full


def title(station: str) -> str:
    return f"{station}服务对象台账" if station else "服务对象台账"


def subtitle(ledger: Ledger) -> str:
    if ledger.full_numbers == 0:
        privacy = "身份证号码、联系电话已脱敏"
    elif ledger.full_numbers == ledger.count:
        privacy = "含完整身份证号码和联系电话，请妥善保管"
    else:
        privacy = (f"{ledger.full_numbers} 户含完整身份证号码和联系电话，"
                   f"其余 {ledger.count - ledger.full_numbers} 户已脱敏，请妥善保管")
    return (f"筛选条件：{ledger.description or '全部'}；共 {ledger.count} 户；{privacy}。"
            f"导出：{ledger.exported_at:%Y-%m-%d %H:%M} {ledger.exported_by}")


def build(ledger: Ledger, out: str | Path) -> int:
    """Write the ledger to ``out`` (.xlsx); returns the number of households written.

    The workbook is written in xlsxwriter's constant-memory mode, row after row, so a
    district's 12,580 households take about a second and little memory.
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(out), {"constant_memory": True, "in_memory": False})
    workbook.set_properties({"title": title(ledger.station), "author": ledger.exported_by,
                             "company": ledger.station, "comments": "站务通 Station Desk"})
    font = {"font_name": "宋体", "font_size": 10}
    cell = {**font, "border": 1, "valign": "vcenter"}
    formats = {
        "title": workbook.add_format({**font, "bold": True, "font_size": 16, "align": "center",
                                      "valign": "vcenter"}),
        "subtitle": workbook.add_format({**font, "font_size": 9, "align": "left",
                                         "valign": "vcenter", "font_color": "#595959"}),
        "head": workbook.add_format({**cell, "bold": True, "align": "center", "text_wrap": True,
                                     "bg_color": "#D9D9D9"}),
        "text": workbook.add_format(cell),
        "centre": workbook.add_format({**cell, "align": "center"}),
        "number": workbook.add_format({**cell, "align": "center", "num_format": "0"}),
        "id": workbook.add_format({**cell, "num_format": "@"}),
        "date": workbook.add_format({**cell, "align": "center", "num_format": "yyyy-mm-dd"}),
        "column_text": workbook.add_format({"num_format": "@"}),
        "column_date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
    }
    sheet = workbook.add_worksheet(SHEET)
    last_col = len(HEADERS) - 1
    for col, width in enumerate(WIDTHS):
        # Column formats keep a retyped ID number text and a retyped date a date.
        column_format = (formats["column_text"] if col in _TEXT_COLUMNS
                         else formats["column_date"] if col in _DATE_COLUMNS else None)
        sheet.set_column(col, col, width, column_format)

    sheet.set_row(0, 30)
    sheet.merge_range(0, 0, 0, last_col, title(ledger.station), formats["title"])
    sheet.set_row(1, 18)
    sheet.merge_range(1, 0, 1, last_col, subtitle(ledger), formats["subtitle"])
    header_row = TITLE_ROWS
    sheet.set_row(header_row, 22)
    for col, name in enumerate(HEADERS):
        sheet.write_string(header_row, col, name, formats["head"])

    # The hot loop: write_string / write_number directly, skipping write()'s type sniffing.
    put_text, put_number, put_blank = sheet.write_string, sheet.write_number, sheet.write_blank
    text_fmt, centre_fmt, number_fmt, id_fmt, date_fmt = (
        formats["text"], formats["centre"], formats["number"], formats["id"], formats["date"])

    def put_date(r: int, c: int, day: _dt.date | None) -> None:
        if day is None:
            put_blank(r, c, None, date_fmt)
        else:  # the Excel serial day: what write_datetime computes, without its overhead
            put_number(r, c, day.toordinal() - _EPOCH, date_fmt)

    def put(r: int, c: int, value: str, fmt) -> None:
        if value:
            put_text(r, c, value, fmt)
        else:
            put_blank(r, c, None, fmt)

    row = header_row
    for row, line in enumerate(ledger.lines, start=header_row + 1):
        put_number(row, 0, row - header_row, number_fmt)
        put(row, 1, line.head_name, text_fmt)
        put(row, 2, line.id_number, id_fmt)
        put(row, 3, GENDER_NAMES.get(line.gender, line.gender), centre_fmt)
        put_date(row, 4, line.birthdate)
        put(row, 5, line.village, text_fmt)
        put(row, 6, line.address, text_fmt)
        put(row, 7, line.phone, id_fmt)
        put(row, 8, CATEGORY_SEPARATOR.join(line.categories), text_fmt)
        put(row, 9, line.tier, centre_fmt)
        put_number(row, 10, line.members, number_fmt)
        put(row, 11, line.social_worker, centre_fmt)
        put_date(row, 12, line.registered_on)
        put_date(row, 13, line.last_visit_on)
        put_date(row, 14, line.due_on)
        put(row, 15, STATUS_NAMES.get(line.status, line.status), centre_fmt)
        put(row, 16, line.notes, text_fmt)
    written = row - header_row

    sheet.freeze_panes(header_row + 1, 2)  # the header and the head's name stay in view
    sheet.autofilter(header_row, 0, max(row, header_row), last_col)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # all columns on the width of the page, as many pages as needed
    sheet.repeat_rows(header_row)
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.set_footer("&C第 &P 页，共 &N 页")
    workbook.close()
    return written
