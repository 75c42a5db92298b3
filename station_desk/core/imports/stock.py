"""Opening stock sheets (期初库存 / 库存盘点表) as stations keep them, read into plain rows.

Reading is the household importer's (:func:`.households.read_sheet`: calamine for
.xlsx/.xls/.ods, CSV in UTF-8 or GB18030, spreadsheet row numbers kept, cells normalised by
:func:`.households.cell_text`). This module knows the headers (:data:`ALIASES`), finds the
header row under any title rows, and hands each data row on as :class:`StockRow` cells by
field; :mod:`..services.stock_import` checks them against the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError
from . import households as ledger
from .households import Cell, Column, Sheet

# Header names, compared after ledger.header_key (NFKC, no spaces, no * marks).
ALIASES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序", "编号", "no", "no."),
    "name": ("物资名称", "名称", "品名", "物品名称", "物资", "商品名称", "货品名称",
             "物资名称(规格)"),
    "spec": ("规格", "规格型号", "型号", "规格/型号"),
    "unit": ("单位", "计量单位"),
    "category": ("类别", "物资类别", "分类", "物资分类", "类型"),
    "quantity": ("数量", "库存数量", "期初数量", "结存数量", "实存数量", "期初库存", "库存"),
    "unit_value": ("单价", "单价(元)", "价值", "单位价值", "折合单价", "单价(元/单位)"),
    "amount": ("金额", "金额(元)", "总金额", "总价", "合计金额", "折合金额", "价值合计"),
    "expires_on": ("到期日期", "有效期至", "保质期至", "有效期", "过期日期", "到期日"),
    "batch_label": ("批号", "批次", "生产批号"),
    "location": ("库房", "存放地点", "存放位置", "仓库", "存放库房"),
    "notes": ("备注",),
}
_ALIAS_FIELD = {ledger.header_key(a): name for name, aliases in ALIASES.items() for a in aliases}
KNOWN_IGNORED = frozenset({"生产日期", "来源", "捐赠方", "入库日期", "供应商", "保质期"})
NAME_AND_SPEC = re.compile(r"^(.+?)\s*\((.+)\)$")  # 大米（10kg）, as our own ledgers write it


def field_for_header(text: object) -> str | None:
    key = ledger.header_key(text)
    if not key:
        return None
    return _ALIAS_FIELD.get(key) or _ALIAS_FIELD.get(key.split("(")[0])


def _known(text: str) -> bool:
    return field_for_header(text) is not None or ledger.header_key(text) in KNOWN_IGNORED


@dataclass(frozen=True)
class StockSource:
    """A sheet as read, its header row (0-based) and what each column holds."""

    sheet: Sheet
    header_row: int
    columns: tuple[Column, ...]

    @property
    def file_name(self) -> str:
        return self.sheet.path.name

    def ignored(self) -> list[str]:
        return [c.header for c in self.columns if c.field is None and c.header]

    def recognised(self) -> list[str]:
        return [c.header for c in self.columns if c.field not in (None, "seq")]


@dataclass(frozen=True)
class StockRow:
    row: int  # the spreadsheet's row number
    cells: dict[str, Cell]

    def text(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.text if cell is not None else ""


def detect_header(sheet: Sheet) -> StockSource:
    """The row among the first ``ledger.SCAN_ROWS`` naming the most stock columns; it must
    name the goods and their quantity."""
    scores = []
    for row in sheet.rows[:ledger.SCAN_ROWS]:
        scores.append(sum(1 for c in row if _known(ledger.cell_text(c))))
    if not scores or max(scores) < 2:
        raise ValidationError("stock_import_no_header", sheet=sheet.name)
    best = scores.index(max(scores))
    width = max(len(r) for r in sheet.rows)
    header = sheet.rows[best]
    columns, seen = [], set()
    for index in range(width):
        title = ledger.cell_text(header[index]) if index < len(header) else ""
        name = field_for_header(title)
        if name in seen:  # named twice: the first column keeps it
            name = None
        seen.add(name)
        columns.append(Column(index, title, name))
    for needed in ("name", "quantity"):
        if needed not in seen:
            raise ValidationError("stock_import_no_column", sheet=sheet.name,
                                  column=ALIASES[needed][0])
    return StockSource(sheet, best, tuple(columns))


def open_source(path: str | Path, sheet: str | None = None) -> StockSource:
    """Read ``sheet`` (default: the first that is not empty) and find its header."""
    return detect_header(ledger.read_sheet(path, sheet))


def data_rows(source: StockSource) -> list[StockRow]:
    """The rows under the header with anything in them, up to a footer (合计, 制表人 ...);
    a name such as 大米（10kg） with no 规格 column is split into name and spec."""
    split_spec = not any(c.field == "spec" for c in source.columns)
    found = []
    for index in range(source.header_row + 1, len(source.sheet.rows)):
        raw = source.sheet.rows[index]
        if ledger._is_footer(raw):
            break
        cells: dict[str, Cell] = {}
        for column in source.columns:
            if column.field is None or column.index >= len(raw):
                continue
            text = ledger.cell_text(raw[column.index])
            if text:
                cells[column.field] = Cell(raw[column.index], text, column)
        if not cells or set(cells) <= {"seq"}:
            continue
        name = cells.get("name")
        if split_spec and name is not None:
            match = NAME_AND_SPEC.match(name.text)
            if match:
                cells["name"] = name._replace(text=match.group(1))
                cells["spec"] = Cell(match.group(2), match.group(2), name.column)
        found.append(StockRow(index + 1, cells))
    return found
