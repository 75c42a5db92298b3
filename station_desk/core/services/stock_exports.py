"""Inventory ledgers to Excel: the monthly 物资出入库台账, the 库存明细账 for a date range and
the year's 捐赠方统计. Each gathers through the stock and donation services (so it needs
``inventory.view`` and shows personal data masked as they return it), lays out through
:mod:`..reports.stock_ledgers`, and writes the file beside the target, renamed into place
only when complete.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from ..clock import now
from ..errors import ValidationError
from ..reports import stock_ledgers as layout
from ..reports.workbook import write_workbook
from ..roles import Actor, require
from . import donations, stock


def _heading(actor: Actor) -> layout.Heading:
    from .station import get_station

    station = get_station()
    return layout.Heading(station.name if station else "", now(), actor.name)


def _movements(actor: Actor, date_from: _dt.date, date_to: _dt.date) -> list[stock.MovementRow]:
    """Every movement in the range, oldest first (the service lists newest first)."""
    rows = stock.movements(actor, stock.MovementQuery(date_from=date_from, date_to=date_to,
                                                      limit=0))
    rows.reverse()
    return rows


def parse_month(text: str) -> tuple[int, int]:
    """"2026-11" → (2026, 11); anything else is refused (``bad_month``)."""
    try:
        day = _dt.datetime.strptime((text or "").strip(), "%Y-%m").date()
    except ValueError:
        raise ValidationError("bad_month", field="month", value=str(text)) from None
    return day.year, day.month


# ---------------------------------------------------------------- gathering


def monthly_data(actor: Actor, year: int, month: int) -> layout.MonthlyLedger:
    require(actor, "inventory.view")
    if not 1 <= int(month) <= 12:
        raise ValidationError("bad_month", field="month", value=f"{year}-{month}")
    first, last = stock.month_bounds(int(year), int(month))
    return layout.MonthlyLedger(_heading(actor), int(year), int(month), first, last,
                                stock.monthly_ledger(actor, int(year), int(month)),
                                _movements(actor, first, last))


def stock_ledger_data(actor: Actor, date_from: _dt.date, date_to: _dt.date) -> layout.StockLedger:
    require(actor, "inventory.view")
    if date_from > date_to:
        raise ValidationError("stock_export_bad_range", date_from=date_from.isoformat(),
                              date_to=date_to.isoformat())
    return layout.StockLedger(_heading(actor), date_from, date_to,
                              _movements(actor, date_from, date_to), stock.overview(actor))


def donor_data(actor: Actor, year: int) -> layout.DonorReport:
    require(actor, "inventory.view")
    rows = donations.list_donations(actor, date_from=_dt.date(year, 1, 1),
                                    date_to=_dt.date(year, 12, 31))
    rows.reverse()
    return layout.DonorReport(_heading(actor), int(year), donations.donor_totals(actor, year),
                              rows)


# ---------------------------------------------------------------- exporting


def export_monthly_ledger(actor: Actor, year: int, month: int,
                          path: str | Path) -> layout.MonthlyLedger:
    """Write the month's 物资出入库台账 (with its 出入库明细 sheet) to ``path`` (.xlsx)."""
    data = monthly_data(actor, year, month)
    write_workbook(lambda out: layout.build_monthly(data, out), path)
    return data


def export_stock_ledger(actor: Actor, date_from: _dt.date, date_to: _dt.date,
                        path: str | Path) -> layout.StockLedger:
    """Write the 库存明细账 for the range (and the 库存 sheet, as of now) to ``path``."""
    data = stock_ledger_data(actor, date_from, date_to)
    write_workbook(lambda out: layout.build_stock_ledger(data, out), path)
    return data


def export_donor_totals(actor: Actor, year: int, path: str | Path) -> layout.DonorReport:
    """Write the year's 捐赠方统计 (with its 捐赠明细 sheet) to ``path``."""
    data = donor_data(actor, year)
    write_workbook(lambda out: layout.build_donor_totals(data, out), path)
    return data
