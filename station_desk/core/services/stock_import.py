"""Importing opening stock (期初库存) from Excel (.xlsx/.xls/.ods) or CSV.

Reading and header recognition are :mod:`..imports.stock`. Here each row is checked against
the catalogue, all rows before anything is written:

- an item is found by name and spec (规格); one not in the catalogue is created with the
  row's category (which must exist) and unit; a row's unit must match an item on file;
- 数量 is a whole number of units above zero; 单价 in yuan (to the fen). Without 单价 a
  given 金额 divided by 数量 is the unit value, only when it comes out in whole fen; with
  both, 单价 × 数量 must equal 金额. Without either, the item's own unit value on the day
  is used (none: goods listed without a value);
- an item that expires (or a new item that has an expiry date on any of its rows) needs
  an expiry date on every row; a 库房 must be a storeroom the station has.

If any row is bad, every bad row is reported (row, column, value, reason) and nothing is
written. Otherwise the missing items and one "opening" voucher per storeroom (usually one)
are written in one transaction through the catalogue and stock services, with their audit
rows. A dry run says what would happen and writes nothing.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import validate
from ..errors import ValidationError
from ..imports import households as ledger
from ..imports import stock as reader
from ..imports.households import Cell, RowProblem, problem
from ..imports.stock import StockSource
from ..models import Item, ItemCategory, Location
from ..money import parse_yuan
from ..roles import Actor
from . import inventory, stock
from .base import writer
from .inventory import item_label
from .volunteer_import import RosterRejected


@dataclass(frozen=True)
class PlannedLine:
    """One row as it would come in."""

    row: int
    label: str
    unit: str
    quantity: int
    unit_value_fen: int | None
    expires_on: _dt.date | None
    batch_label: str
    location: str
    new_item: bool

    @property
    def value_fen(self) -> int:
        return (self.unit_value_fen or 0) * self.quantity


@dataclass(frozen=True)
class StockImportReport:
    file: str
    sheet: str
    header: int  # the header's spreadsheet row number
    data_rows: int
    on: _dt.date
    lines: tuple[PlannedLine, ...] = ()
    new_items: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    vouchers: tuple[int, ...] = ()
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})

    @property
    def total_value_fen(self) -> int:
        return sum(line.value_fen for line in self.lines)

    @property
    def unvalued(self) -> int:
        return sum(1 for line in self.lines if line.unit_value_fen is None)


class StockImportRejected(RosterRejected):
    """The file has bad rows: ``report.problems`` lists each; nothing was written (as the
    roster import says it)."""


@dataclass
class _NewItem:
    name: str
    spec: str
    unit: str
    category_id: int
    notes: str = ""
    expires: bool = False
    rows: list[int] = field(default_factory=list)


@dataclass
class _Line:
    row: int
    key: tuple[str, str]  # (name, spec)
    quantity: int
    unit_value_fen: int | None
    expires_on: _dt.date | None
    batch_label: str
    location_id: int
    expiry_cell: Cell | None


class _Checker:
    def __init__(self, on: _dt.date) -> None:
        self.on = on
        self.problems: list[RowProblem] = []
        self.items = {(i.name, i.spec): i for i in Item.select()}
        self.categories = {ledger.header_key(c.name): c for c in ItemCategory.select()
                           .where(ItemCategory.active == True)}  # noqa: E712
        self.locations = {ledger.header_key(loc.name): loc for loc in Location.select()
                          .where(Location.active == True)}  # noqa: E712
        self.new: dict[tuple[str, str], _NewItem] = {}
        self.lines: list[_Line] = []
        self._default_location: int | None = None

    def bad(self, row: int, cell: Cell | None, code: str, **params: object) -> None:
        params.pop("field", None)
        self.problems.append(problem(row, cell, code, **params))

    def default_location(self) -> int:
        if self._default_location is None:
            self._default_location = inventory.default_location_id()
        return self._default_location

    def check(self, line: reader.StockRow) -> None:
        row, cells = line.row, line.cells
        before = len(self.problems)
        name = line.text("name")
        if not name:
            self.bad(row, None, "stock_import_no_name")
            return
        key = (name, line.text("spec"))
        item = self.items.get(key)
        new = self.new.get(key)
        if item is None and new is None:
            new = self.new_item(line, key)
        elif item is not None:
            if not item.active:
                self.bad(row, cells["name"], "item_inactive", item=item_label(item))
            unit = line.text("unit")
            if unit and unit != item.unit:
                self.bad(row, cells["unit"], "stock_import_unit_differs", item=item_label(item),
                         unit=item.unit)
        elif line.text("unit") and line.text("unit") != new.unit:
            self.bad(row, cells["unit"], "stock_import_unit_differs", item=name, unit=new.unit)
        quantity = self.quantity(line)
        value = self.value(line, quantity)
        expires_on = None
        if "expires_on" in cells:
            cell = cells["expires_on"]
            try:
                expires_on = validate.date_value(cell.value if isinstance(cell.value, _dt.date)
                                                 else cell.text, field=cell.column.header)
            except ValidationError as error:
                self.bad(row, cell, error.code, **error.params)
        if item is not None and item.expires and expires_on is None and "expires_on" not in cells:
            self.bad(row, cells.get("expires_on"), "stock_import_expiry_required",
                     item=item_label(item))
        location_id = self.location(line)
        batch_label = line.text("batch_label")
        if len(batch_label) > 64:
            self.bad(row, cells["batch_label"], "too_long", max_length=64)
        if new is not None:
            new.rows.append(row)
            new.expires = new.expires or expires_on is not None
        if len(self.problems) == before:
            self.lines.append(_Line(row, key, quantity, value, expires_on, batch_label,
                                    location_id, cells.get("expires_on")))

    def new_item(self, line: reader.StockRow, key: tuple[str, str]) -> _NewItem | None:
        row, cells = line.row, line.cells
        ok = True
        category = None
        if "category" not in cells:
            self.bad(row, cells["name"], "stock_import_no_category")
            ok = False
        else:
            category = self.categories.get(ledger.header_key(cells["category"].text))
            if category is None:
                self.bad(row, cells["category"], "stock_import_unknown_category",
                         choices="、".join(c.name for c in self.categories.values()) or "—")
                ok = False
        unit = line.text("unit")
        if not unit:
            self.bad(row, cells["name"], "stock_import_no_unit")
            ok = False
        for text, name, limit in ((key[0], "name", 64), (key[1], "spec", 64), (unit, "unit", 8)):
            if len(text) > limit:
                self.bad(row, cells.get(name), "too_long", max_length=limit)
                ok = False
        if not ok:
            return None
        made = _NewItem(key[0], key[1], unit, category.id, line.text("notes")[:255])
        self.new[key] = made
        return made

    def quantity(self, line: reader.StockRow) -> int:
        cell = line.cells.get("quantity")
        if cell is None:
            self.bad(line.row, None, "stock_import_no_quantity")
            return 0
        try:
            return inventory._count(cell.text, cell.column.header)
        except ValidationError as error:
            self.bad(line.row, cell, error.code, **error.params)
            return 0

    def money(self, row: int, cell: Cell | None) -> int | None:
        if cell is None:
            return None
        raw = cell.value if isinstance(cell.value, int | float) else cell.text
        try:
            return parse_yuan(raw, field=cell.column.header)
        except ValidationError as error:
            self.bad(row, cell, error.code, **error.params)
            return None

    def value(self, line: reader.StockRow, quantity: int) -> int | None:
        """The unit value in fen: 单价, else 金额 / 数量 when exact; None: none given."""
        unit_cell, amount_cell = line.cells.get("unit_value"), line.cells.get("amount")
        before = len(self.problems)
        unit_value = self.money(line.row, unit_cell)
        amount = self.money(line.row, amount_cell)
        if len(self.problems) > before or not quantity or amount is None:
            return unit_value
        if unit_value is None:
            if amount % quantity:
                self.bad(line.row, amount_cell, "stock_import_amount_not_exact",
                         quantity=quantity)
                return None
            return amount // quantity
        if unit_value * quantity != amount:
            self.bad(line.row, amount_cell, "stock_import_amount_mismatch", quantity=quantity,
                     unit_value=unit_cell.text)
        return unit_value

    def location(self, line: reader.StockRow) -> int:
        cell = line.cells.get("location")
        if cell is None:
            try:
                return self.default_location()
            except ValidationError as error:
                self.bad(line.row, None, error.code, **error.params)
                return 0
        found = self.locations.get(ledger.header_key(cell.text))
        if found is None:
            self.bad(line.row, cell, "stock_import_unknown_location",
                     choices="、".join(loc.name for loc in self.locations.values()) or "—")
            return 0
        return found.id

    def finish(self) -> None:
        """A new item with an expiry date on one row needs one on all of its rows."""
        for line in self.lines:
            new = self.new.get(line.key)
            if new is not None and new.expires and line.expires_on is None:
                self.bad(line.row, line.expiry_cell, "stock_import_expiry_required",
                         item=f"{new.name}（{new.spec}）" if new.spec else new.name)


def _source(source: StockSource | str | Path) -> StockSource:
    return source if isinstance(source, StockSource) else reader.open_source(source)


def _check(source: StockSource, on: _dt.date) -> tuple[_Checker, StockImportReport]:
    stock._check_date(on, "opening_date")
    rows = reader.data_rows(source)
    if not rows:
        raise ValidationError("import_no_rows", sheet=source.sheet.name)
    checker = _Checker(on)
    for row in rows:
        checker.check(row)
    checker.finish()
    planned = []
    names = {loc.id: loc.name for loc in Location.select()}
    for line in checker.lines:
        item = checker.items.get(line.key)
        new = checker.new.get(line.key)
        label = item_label(item) if item else (f"{new.name}（{new.spec}）" if new.spec else new.name)
        value = line.unit_value_fen
        if value is None and item is not None:
            value = inventory.value_on(item.id, on)
        planned.append(PlannedLine(line.row, label, item.unit if item else new.unit,
                                   line.quantity, value, line.expires_on, line.batch_label,
                                   names.get(line.location_id, ""), item is None))
    new_items = tuple(f"{n.name}（{n.spec}）" if n.spec else n.name for n in checker.new.values())
    report = StockImportReport(
        source.file_name, source.sheet.name, source.header_row + 1, len(rows), on,
        tuple(planned), new_items, tuple(source.ignored()),
        tuple(sorted(checker.problems, key=lambda p: (p.row, p.column or 0))))
    return checker, report


@writer("inventory.manage")
def import_opening_stock(actor: Actor, source: StockSource | str | Path, *, on: _dt.date,
                         dry_run: bool = False) -> StockImportReport:
    """Import the opening stock in ``source`` as on ``on``: missing items created, one
    "opening" voucher per storeroom. Raises :class:`StockImportRejected` (nothing written)
    when any row is bad; a dry run returns the report, problems and all, and writes nothing.
    """
    checker, report = _check(_source(source), on)
    if dry_run:
        return report
    if not report.ok:
        raise StockImportRejected(report)
    for new in checker.new.values():
        made = inventory.save_item(actor, inventory.ItemInput(
            new.name, new.unit, new.category_id, spec=new.spec, expires=new.expires,
            notes=new.notes))
        checker.items[(new.name, new.spec)] = made
    per_location: dict[int, list[stock.InLine]] = defaultdict(list)
    for line in checker.lines:
        per_location[line.location_id].append(stock.InLine(
            checker.items[line.key].id, line.quantity, unit_value_fen=line.unit_value_fen,
            expires_on=line.expires_on, batch_label=line.batch_label))
    vouchers = []
    for location_id, lines in per_location.items():
        vouchers.append(stock.receive_goods(
            actor, "opening", on, lines, location_id=location_id,
            reference=report.file[:128], reason=f"期初库存导入：{report.file}"[:255]).id)
    return replace(report, vouchers=tuple(vouchers), written=True)
