"""政策明白卡发放台账 as an .xlsx workbook: every entry (发放明细), and the cards handed out per
village × policy beside the households eligible (村居×政策)."""

from __future__ import annotations

from pathlib import Path

from .workbook import TITLE_ROWS, Book, Heading

DETAIL_SHEET = "发放明细"
TABLE_SHEET = "村居×政策"
DETAIL_COLUMNS = (("序号", 6), ("发放日期", 11), ("村居", 12), ("政策", 14), ("版本", 6),
                  ("数量", 8), ("户主", 10), ("发放人", 10), ("印制批次", 9), ("冲销", 18),
                  ("录入人", 9))


def period(data) -> str:
    if data.date_from and data.date_to:
        return f"{data.date_from:%Y-%m-%d} 至 {data.date_to:%Y-%m-%d}"
    if data.date_from:
        return f"{data.date_from:%Y-%m-%d} 起"
    if data.date_to:
        return f"截至 {data.date_to:%Y-%m-%d}"
    return "全部"


def _reversal(row) -> str:
    if row.reverses:
        return f"冲销第 {row.reverses} 条：{row.reason}"
    if row.reversed_by:
        return f"已被第 {row.reversed_by} 条冲销"
    return ""


def build(data, out: str | Path) -> int:
    """Write the workbook; how many entries it lists."""
    heading = Heading(data.station, data.exported_at, data.exported_by)
    book = Book(out, f"{data.station} 政策明白卡发放台账", heading)
    subtitle = f"期间：{period(data)}    {heading.stamp()}"
    sheet = book.sheet(DETAIL_SHEET, subtitle, [w for _, w in DETAIL_COLUMNS], freeze_col=1)
    book.header(sheet, [t for t, _ in DETAIL_COLUMNS])
    row = TITLE_ROWS
    for number, entry in enumerate(data.rows, start=1):
        row = TITLE_ROWS + number
        book.count(sheet, row, 0, number)
        book.date(sheet, row, 1, entry.handed_on)
        book.text(sheet, row, 2, entry.village, "centre")
        book.text(sheet, row, 3, entry.policy, "centre")
        book.count(sheet, row, 4, entry.version)
        book.count(sheet, row, 5, entry.quantity)
        book.text(sheet, row, 6, entry.household, "centre")
        book.text(sheet, row, 7, entry.handed_by, "centre")
        book.count(sheet, row, 8, entry.print_run_id)
        book.text(sheet, row, 9, _reversal(entry))
        book.text(sheet, row, 10, entry.actor_name, "centre")
    if data.rows:
        sheet.autofilter(TITLE_ROWS, 0, row, len(DETAIL_COLUMNS) - 1)
        total = row + 1
        sheet.merge_range(total, 0, total, 4, "合计", book.f["total"])
        book.count(sheet, total, 5, sum(e.quantity for e in data.rows), "total_count")
        for col in range(6, len(DETAIL_COLUMNS)):
            sheet.write_blank(total, col, None, book.f["total"])

    table = data.coverage
    widths = [12] + [9] * (3 * len(table.policies))
    grid = book.sheet(TABLE_SHEET, f"各村居发放张数、应覆盖户数（人员类别与政策相符的在册户）和覆盖率    "
                                   f"{subtitle}", widths, header_rows=2, freeze_col=1)
    head = TITLE_ROWS
    grid.merge_range(head, 0, head + 1, 0, "村居", book.f["head"])
    for index, (_policy_id, name) in enumerate(table.policies):
        col = 1 + 3 * index
        grid.merge_range(head, col, head, col + 2, name, book.f["head"])
        for offset, title in enumerate(("发放张数", "应覆盖户", "覆盖率")):
            grid.write_string(head + 1, col + offset, title, book.f["head"])
    percent = book.workbook.add_format({"font_name": "宋体", "font_size": 10, "border": 1,
                                        "align": "right", "num_format": "0%"})
    for number, (village_id, village) in enumerate(table.villages):
        line = head + 2 + number
        book.text(grid, line, 0, village, "centre")
        for index, (policy_id, _name) in enumerate(table.policies):
            cell = table.cell(village_id, policy_id)
            col = 1 + 3 * index
            book.count(grid, line, col, cell.handed)
            book.count(grid, line, col + 1, cell.eligible)
            share = cell.share
            if share is None:
                grid.write_blank(line, col + 2, None, percent)
            else:
                grid.write_number(line, col + 2, share, percent)
    book.close()
    return len(data.rows)
