"""Inventory ledgers as .xlsx workbooks, laid out as stations hand them to the street office:

- 物资出入库台账 (one month): per item the opening balance, goods in, goods out, count
  differences (盘盈盘亏) and the closing balance, in quantities and yuan, under a two-level
  header, with a total row and a sign-off line (制表人 / 审核人 / 负责人); a second sheet
  出入库明细 lists the month's movements;
- 库存明细账 (a date range): every movement, and a sheet 库存 with what is on hand now;
- 捐赠方统计 (a year): per donor, donations, goods value and cash, with a total row, and a
  sheet 捐赠明细 listing the donations.

Pure functions of the data :mod:`..services.stock_exports` gathers. Money is written as
yuan numbers (fen / 100) with a 0.00 format, quantities as whole numbers, dates as real
Excel dates, names and references as text, so a sheet sums and sorts in Excel and WPS.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .workbook import TITLE_ROWS, Heading
from .workbook import Book as _Book

MONTHLY_SHEET = "物资出入库台账"
MOVEMENT_SHEET = "出入库明细"
LEDGER_SHEET = "库存明细账"
STOCK_SHEET = "库存"
DONOR_SHEET = "捐赠方统计"
DONATION_SHEET = "捐赠明细"

VOUCHER_KIND_NAMES = {
    "donation": "捐赠入库", "purchase": "采购入库", "transfer_in": "调拨入库",
    "opening": "期初入库", "household": "发放到户", "campaign": "慰问活动",
    "activity": "活动领用", "wish": "微心愿", "other_out": "其他出库", "scrapped": "报损",
    "expired": "过期报废", "move": "库房调拨", "adjustment": "盘点调整", "reversal": "冲销",
}
DONOR_KIND_NAMES = {
    "enterprise": "企业", "party_branch": "党支部·机关单位", "charity": "慈善组织",
    "community_fund": "社区慈善基金", "individual": "个人", "anonymous": "匿名",
}

# The monthly ledger: four columns named over both header rows, five groups of (数量, 金额),
# then 备注.
MONTHLY_FIXED = (("序号", 6), ("物资类别", 10), ("物资名称（规格）", 24), ("单位", 6))
MONTHLY_GROUPS = ("上月结存", "本月入库", "本月出库", "盘盈盘亏", "本月结存")
MONTHLY_PAIR = (("数量", 9), ("金额", 12))
MONTHLY_NOTE = ("备注", 14)
MOVEMENT_COLUMNS = (("日期", 11), ("类型", 10), ("物资", 22), ("单位", 6), ("数量", 8),
                    ("单价", 10), ("金额", 12), ("到期日期", 11), ("捐赠方/领取方", 20),
                    ("单据号", 14), ("原因", 20), ("经办人", 9), ("冲销", 16))
STOCK_COLUMNS = (("序号", 6), ("物资类别", 10), ("物资名称（规格）", 24), ("单位", 6),
                 ("库存数量", 9), ("已预留", 8), ("可用", 8), ("金额", 12), ("30天内到期", 10),
                 ("已过期", 8), ("最近到期日", 11), ("库存下限", 9), ("状态", 10))
DONOR_COLUMNS = (("序号", 6), ("捐赠方", 30), ("类型", 16), ("捐赠次数", 10), ("物资金额", 14),
                 ("现金", 14), ("合计", 14))
DONATION_COLUMNS = (("凭证号", 14), ("日期", 11), ("捐赠方", 30), ("物资金额", 14),
                    ("现金", 14), ("用途", 24), ("经办人", 9), ("状态", 8))
TOTAL = "合计"


# ---------------------------------------------------------------- the data


@dataclass(frozen=True)
class MonthlyLedger:
    heading: Heading
    year: int
    month: int
    first: _dt.date
    last: _dt.date
    rows: Sequence  # stock.LedgerRow
    movements: Sequence  # stock.MovementRow, oldest first


@dataclass(frozen=True)
class StockLedger:
    heading: Heading
    date_from: _dt.date
    date_to: _dt.date
    movements: Sequence  # stock.MovementRow, oldest first
    stock: Sequence  # stock.StockRow


@dataclass(frozen=True)
class DonorReport:
    heading: Heading
    year: int
    totals: Sequence  # donations.DonorTotal
    donations: Sequence  # donations.DonationRow, oldest first


def monthly_title(ledger: MonthlyLedger) -> str:
    return f"{ledger.heading.station} 物资出入库台账（{ledger.year}年{ledger.month}月）".strip()


def stock_ledger_title(ledger: StockLedger) -> str:
    return f"{ledger.heading.station} 库存明细账".strip()


def donor_title(report: DonorReport) -> str:
    return f"{report.heading.station} {report.year}年捐赠方统计".strip()


def reversal_note(row) -> str:
    """The 冲销 column: which voucher this row's voucher cancels, or which one cancelled it."""
    if row.reverses:
        return f"冲销第 {row.reverses} 号单"
    if row.reversed_by:
        return f"已被第 {row.reversed_by} 号单冲销"
    return ""


# ---------------------------------------------------------------- the workbook


def _movement_sheet(book: _Book, name: str, subtitle: str, movements: Sequence) -> int:
    """Movements, one per row, oldest first; returns how many."""
    sheet = book.sheet(name, subtitle, [w for _, w in MOVEMENT_COLUMNS], freeze_col=1)
    book.header(sheet, [t for t, _ in MOVEMENT_COLUMNS])
    row = TITLE_ROWS
    for row, m in enumerate(movements, start=TITLE_ROWS + 1):
        book.date(sheet, row, 0, m.moved_on)
        book.text(sheet, row, 1, VOUCHER_KIND_NAMES.get(m.kind, m.kind), "centre")
        book.text(sheet, row, 2, m.label)
        book.text(sheet, row, 3, m.unit, "centre")
        book.count(sheet, row, 4, m.quantity)
        book.money(sheet, row, 5, m.unit_value_fen)
        book.money(sheet, row, 6, m.value_fen)
        book.date(sheet, row, 7, m.expires_on)
        book.text(sheet, row, 8, m.counterparty)
        book.text(sheet, row, 9, m.reference)
        book.text(sheet, row, 10, m.reason)
        book.text(sheet, row, 11, m.actor_name, "centre")
        book.text(sheet, row, 12, reversal_note(m))
    if row > TITLE_ROWS:
        sheet.autofilter(TITLE_ROWS, 0, row, len(MOVEMENT_COLUMNS) - 1)
    return row - TITLE_ROWS


def _total_row(book: _Book, sheet, row: int, label_cols: int,
               cells: Sequence[tuple[int, Callable | None]]) -> None:
    """A bold 合计 line: the label merged over the first ``label_cols`` columns; ``cells``
    (column, writer or None for a blank bordered cell)."""
    if label_cols > 1:
        sheet.merge_range(row, 0, row, label_cols - 1, TOTAL, book.f["total"])
    else:
        sheet.write_string(row, 0, TOTAL, book.f["total"])
    for col, put in cells:
        if put is None:
            sheet.write_blank(row, col, None, book.f["total"])
        else:
            put(row, col)


# ---------------------------------------------------------------- 1. 物资出入库台账


def build_monthly(ledger: MonthlyLedger, out: str | Path) -> int:
    """Write the month's 物资出入库台账 to ``out``; returns the number of item lines."""
    book = _Book(out, monthly_title(ledger), ledger.heading)
    widths = ([w for _, w in MONTHLY_FIXED] + [w for _ in MONTHLY_GROUPS for _, w in MONTHLY_PAIR]
              + [MONTHLY_NOTE[1]])
    last = len(widths) - 1
    subtitle = (f"统计期间：{ledger.first:%Y-%m-%d} 至 {ledger.last:%Y-%m-%d}；金额单位：元"
                f"（按入库时单价计）；出库含发放、报损报废；冲销计入原业务类型。{ledger.heading.stamp()}")
    sheet = book.sheet(MONTHLY_SHEET, subtitle, widths, header_rows=2, freeze_col=3)
    top, bottom = TITLE_ROWS, TITLE_ROWS + 1
    head = book.f["head"]
    sheet.set_row(top, 20)
    sheet.set_row(bottom, 20)
    for col, (name, _) in enumerate(MONTHLY_FIXED):
        sheet.merge_range(top, col, bottom, col, name, head)
    for number, group in enumerate(MONTHLY_GROUPS):
        col = len(MONTHLY_FIXED) + 2 * number
        sheet.merge_range(top, col, top, col + 1, group, head)
        sheet.write_string(bottom, col, MONTHLY_PAIR[0][0], head)
        sheet.write_string(bottom, col + 1, MONTHLY_PAIR[1][0], head)
    sheet.merge_range(top, last, bottom, last, MONTHLY_NOTE[0], head)

    totals = [0] * len(MONTHLY_GROUPS)
    row = bottom
    for row, line in enumerate(ledger.rows, start=bottom + 1):
        book.count(sheet, row, 0, row - bottom, "centre")
        book.text(sheet, row, 1, line.category, "centre")
        book.text(sheet, row, 2, line.label)
        book.text(sheet, row, 3, line.unit, "centre")
        pairs = ((line.opening, line.opening_value_fen), (line.received, line.received_value_fen),
                 (line.issued, line.issued_value_fen), (line.adjusted, line.adjusted_value_fen),
                 (line.closing, line.closing_value_fen))
        for number, (quantity, value) in enumerate(pairs):
            col = len(MONTHLY_FIXED) + 2 * number
            book.count(sheet, row, col, quantity)
            book.money(sheet, row, col + 1, value)
            totals[number] += value
        book.text(sheet, row, last, "")
    # Quantities in different units do not add up: the total line sums the money only.
    row += 1
    cells: list[tuple[int, Callable | None]] = []
    for number, value in enumerate(totals):
        col = len(MONTHLY_FIXED) + 2 * number
        cells.append((col, None))
        cells.append((col + 1, lambda r, c, v=value: book.money(sheet, r, c, v, "total_money")))
    cells.append((last, None))
    _total_row(book, sheet, row, len(MONTHLY_FIXED), cells)
    sign = row + 2
    sheet.set_row(sign, 26)
    third = (last + 1) // 3
    for number, words in enumerate((f"制表人：{ledger.heading.exported_by}", "审核人：",
                                    "负责人：")):
        start = number * third
        end = last if number == 2 else start + third - 1
        sheet.merge_range(sign, start, sign, end, words, book.f["sign"])
    sheet.write_string(sign + 1, 0, f"制表日期：{ledger.heading.exported_at:%Y年%m月%d日}",
                       book.f["sign"])
    sheet.print_area(0, 0, sign + 1, last)

    _movement_sheet(book, MOVEMENT_SHEET, f"{ledger.first:%Y-%m-%d} 至 {ledger.last:%Y-%m-%d} "
                    f"的全部出入库记录，按日期排列；金额单位：元。{ledger.heading.stamp()}",
                    ledger.movements)
    book.close()
    return len(ledger.rows)


# ---------------------------------------------------------------- 2. 库存明细账


def build_stock_ledger(ledger: StockLedger, out: str | Path) -> int:
    """Write the 库存明细账 (movements in the range, and the stock now); returns the number
    of movements."""
    book = _Book(out, stock_ledger_title(ledger), ledger.heading)
    written = _movement_sheet(
        book, LEDGER_SHEET, f"期间：{ledger.date_from:%Y-%m-%d} 至 {ledger.date_to:%Y-%m-%d}，"
        f"共 {len(ledger.movements)} 条出入库记录；入库为正数，出库为负数；金额单位：元。"
        f"{ledger.heading.stamp()}", ledger.movements)
    columns = STOCK_COLUMNS
    sheet = book.sheet(STOCK_SHEET, f"截至 {ledger.heading.exported_at:%Y-%m-%d} 的库存；可用 = "
                       f"库存 − 已过期 − 已预留；金额单位：元。{ledger.heading.stamp()}",
                       [w for _, w in columns], freeze_col=3)
    book.header(sheet, [t for t, _ in columns])
    row, value = TITLE_ROWS, 0
    for row, item in enumerate(ledger.stock, start=TITLE_ROWS + 1):
        book.count(sheet, row, 0, row - TITLE_ROWS, "centre")
        book.text(sheet, row, 1, item.category, "centre")
        book.text(sheet, row, 2, item.label)
        book.text(sheet, row, 3, item.unit, "centre")
        book.count(sheet, row, 4, item.on_hand)
        book.count(sheet, row, 5, item.reserved)
        book.count(sheet, row, 6, item.available)
        book.money(sheet, row, 7, item.value_fen)
        book.count(sheet, row, 8, item.expiring)
        book.count(sheet, row, 9, item.expired)
        book.date(sheet, row, 10, item.next_expiry)
        book.count(sheet, row, 11, item.threshold or None)
        book.text(sheet, row, 12, "低于下限" if item.low else "", "low" if item.low else "centre")
        value += item.value_fen
    row += 1
    _total_row(book, sheet, row, 4, [
        *((c, None) for c in range(4, 7)),
        (7, lambda r, c: book.money(sheet, r, c, value, "total_money")),
        *((c, None) for c in range(8, len(columns)))])
    book.close()
    return written


# ---------------------------------------------------------------- 3. 捐赠方统计


def build_donor_totals(report: DonorReport, out: str | Path) -> int:
    """Write the year's 捐赠方统计 and 捐赠明细; returns the number of donors."""
    book = _Book(out, donor_title(report), report.heading)
    sheet = book.sheet(DONOR_SHEET, f"统计期间：{report.year}-01-01 至 {report.year}-12-31；"
                       f"已作废的捐赠不计；物资按入库单价计；金额单位：元。{report.heading.stamp()}",
                       [w for _, w in DONOR_COLUMNS], landscape=False)
    book.header(sheet, [t for t, _ in DONOR_COLUMNS])
    sums = [0, 0, 0, 0]
    row = TITLE_ROWS
    for row, donor in enumerate(report.totals, start=TITLE_ROWS + 1):
        book.count(sheet, row, 0, row - TITLE_ROWS, "centre")
        book.text(sheet, row, 1, donor.name)
        book.text(sheet, row, 2, DONOR_KIND_NAMES.get(donor.kind, donor.kind), "centre")
        book.count(sheet, row, 3, donor.donations)
        book.money(sheet, row, 4, donor.goods_value_fen)
        book.money(sheet, row, 5, donor.cash_fen)
        book.money(sheet, row, 6, donor.total_fen)
        for number, value in enumerate((donor.donations, donor.goods_value_fen, donor.cash_fen,
                                        donor.total_fen)):
            sums[number] += value
    row += 1
    _total_row(book, sheet, row, 3, [
        (3, lambda r, c: book.count(sheet, r, c, sums[0], "total_count")),
        *((c, lambda r, c, v=v: book.money(sheet, r, c, v, "total_money"))
          for c, v in zip((4, 5, 6), sums[1:], strict=True))])

    sheet = book.sheet(DONATION_SHEET, f"{report.year} 年收到的全部捐赠（含已作废），按日期排列；"
                       f"金额单位：元。{report.heading.stamp()}", [w for _, w in DONATION_COLUMNS])
    book.header(sheet, [t for t, _ in DONATION_COLUMNS])
    row = TITLE_ROWS
    for row, d in enumerate(report.donations, start=TITLE_ROWS + 1):
        book.text(sheet, row, 0, d.number, "centre")
        book.date(sheet, row, 1, d.received_on)
        book.text(sheet, row, 2, d.donor_name)
        book.money(sheet, row, 3, d.goods_value_fen)
        book.money(sheet, row, 4, d.cash_fen)
        book.text(sheet, row, 5, d.purpose)
        book.text(sheet, row, 6, d.clerk_name, "centre")
        book.text(sheet, row, 7, "已作废" if d.cancelled else "有效", "centre")
    if row > TITLE_ROWS:
        sheet.autofilter(TITLE_ROWS, 0, row, len(DONATION_COLUMNS) - 1)
    book.close()
    return len(report.totals)
