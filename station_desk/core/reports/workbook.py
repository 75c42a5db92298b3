"""Excel workbooks: the house formats and sheet furniture (``Book``), and writing a workbook
so that it appears only complete (``write_workbook``)."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError

TITLE_ROWS = 2  # the title and the line under it; the header follows
_EPOCH = _dt.date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system)


@dataclass(frozen=True)
class Heading:
    """What every workbook says about itself: station, who exported it and when."""

    station: str
    exported_at: _dt.datetime
    exported_by: str

    def stamp(self) -> str:
        return f"导出：{self.exported_at:%Y-%m-%d %H:%M} {self.exported_by}"


class Book:
    """One xlsxwriter workbook with the house formats and the sheet furniture (title row,
    a line saying what was exported, header, print setup)."""

    def __init__(self, out: str | Path, title: str, heading: Heading) -> None:
        import xlsxwriter

        self.workbook = xlsxwriter.Workbook(str(out), {"in_memory": False})
        self.workbook.set_properties({"title": title, "author": heading.exported_by,
                                      "company": heading.station,
                                      "comments": "站务通 Station Desk"})
        self.title = title
        font = {"font_name": "宋体", "font_size": 10}
        cell = {**font, "border": 1, "valign": "vcenter"}
        bold = {**cell, "bold": True}
        add = self.workbook.add_format
        self.f = {
            "title": add({**font, "bold": True, "font_size": 16, "align": "center",
                          "valign": "vcenter"}),
            "subtitle": add({**font, "font_size": 9, "valign": "vcenter", "text_wrap": True,
                             "font_color": "#595959"}),
            "head": add({**bold, "align": "center", "text_wrap": True, "bg_color": "#D9D9D9"}),
            "text": add(cell),
            "centre": add({**cell, "align": "center"}),
            "count": add({**cell, "align": "right", "num_format": "0"}),
            "money": add({**cell, "align": "right", "num_format": "#,##0.00"}),
            "date": add({**cell, "align": "center", "num_format": "yyyy-mm-dd"}),
            "low": add({**cell, "align": "center", "font_color": "#C00000", "bold": True}),
            "total": add({**bold, "align": "center"}),
            "total_count": add({**bold, "align": "right", "num_format": "0"}),
            "total_money": add({**bold, "align": "right", "num_format": "#,##0.00"}),
            "sign": add({**font, "font_size": 11, "valign": "vcenter"}),
        }

    def sheet(self, name: str, subtitle: str, widths: Sequence[int], *, header_rows: int = 1,
              landscape: bool = True, freeze_col: int = 0):
        sheet = self.workbook.add_worksheet(name)
        last = len(widths) - 1
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        sheet.set_row(0, 30)
        sheet.merge_range(0, 0, 0, last, self.title, self.f["title"])
        sheet.set_row(1, 30)
        sheet.merge_range(1, 0, 1, last, subtitle, self.f["subtitle"])
        end = TITLE_ROWS + header_rows - 1
        sheet.freeze_panes(end + 1, freeze_col)
        if landscape:
            sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)  # all columns across one page, as many pages down as needed
        sheet.repeat_rows(TITLE_ROWS, end)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.set_footer("&C第 &P 页，共 &N 页")
        return sheet

    def header(self, sheet, titles: Sequence[str]) -> None:
        sheet.set_row(TITLE_ROWS, 22)
        for col, name in enumerate(titles):
            sheet.write_string(TITLE_ROWS, col, name, self.f["head"])

    # cells -----------------------------------------------------------------------------

    def text(self, sheet, row: int, col: int, value: str, fmt: str = "text") -> None:
        if value:
            sheet.write_string(row, col, value, self.f[fmt])
        else:
            sheet.write_blank(row, col, None, self.f[fmt])

    def count(self, sheet, row: int, col: int, value: int | None, fmt: str = "count") -> None:
        if value is None:
            sheet.write_blank(row, col, None, self.f[fmt])
        else:
            sheet.write_number(row, col, value, self.f[fmt])

    def money(self, sheet, row: int, col: int, fen: int | None, fmt: str = "money") -> None:
        """Fen as a yuan number (the format shows two decimals); None: blank (no value)."""
        if fen is None:
            sheet.write_blank(row, col, None, self.f[fmt])
        else:
            sheet.write_number(row, col, fen / 100, self.f[fmt])

    def date(self, sheet, row: int, col: int, day: _dt.date | None) -> None:
        if day is None:
            sheet.write_blank(row, col, None, self.f["date"])
        else:  # the serial day, as write_datetime computes it, without its overhead
            sheet.write_number(row, col, day.toordinal() - _EPOCH, self.f["date"])

    def close(self) -> None:
        self.workbook.close()


def write_workbook(build: Callable[[Path], object], path: str | Path) -> object:
    """Run ``build(partial)`` on a file beside ``path`` and rename it into place: a reader
    never sees half a workbook, and a failed export leaves the old file as it was. What
    ``build`` returns."""
    from xlsxwriter.exceptions import FileCreateError

    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError("export_no_folder", path=str(target.parent))
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        try:
            result = build(partial)
        except (OSError, FileCreateError) as error:  # a full disk, a read-only folder
            cause = error.__cause__ or error.__context__ or error  # xlsxwriter wraps the OSError
            raise ValidationError("export_write_failed", path=str(target),
                                  detail=getattr(cause, "strerror", None) or str(cause)) from error
        try:
            os.replace(partial, target)
        except OSError as error:  # on Windows: the old file is open in Excel
            raise ValidationError("export_file_busy", path=str(target),
                                  detail=error.strerror or str(error)) from error
    finally:
        if partial.exists():
            partial.unlink()
    return result
