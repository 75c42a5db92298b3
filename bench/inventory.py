"""The donation inventory at the demo's full size (issue 7 targets).

Builds a temp database with the full demo station (1,426 households, 1,000 volunteers and
the inventory: 200 donors, 80 items, about 50,000 stock ledger rows over three years) and
reports how long the inventory's share of the build took and the database's size. Then, as
the head, times each figure as the median of N runs after one warm-up:
  overview      stock.overview: per item on hand, reserved, value, expiring, low
  movements     stock.movements for the last full month (the history page's default)
  ledger        stock.monthly_ledger for the last full month (物资出入库台账)
  give_out      stock.give_out of one item to a household: one write transaction with its
                FEFO pick and the ledger verification (the goods stay out: a run adds a row)
  check         the `station-desk check` stock ledger check over every row
  receipt PDF   core/reports/acknowledgement.build(data, out), if that module exists
  ledger export core/services/stock_exports.export_monthly_ledger, if that module exists
Targets (issue 7): overview <= 100 ms with 50,000 movements, a receipt PDF <= 100 ms, the
monthly ledger export <= 2 s; the others have none and are shown for reference.

    python bench/inventory.py [--runs 7] [--movements 50000] [--keep DIR]

--keep DIR builds the database once into DIR and reuses it on later runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

from station_desk.cli import pad  # noqa: E402
from station_desk.core import check, db, demo  # noqa: E402
from station_desk.core.clock import today  # noqa: E402
from station_desk.core.models import Donation, Staff, StockMovement, Voucher  # noqa: E402
from station_desk.core.services import accounts, stock  # noqa: E402
from station_desk.core.services import donations as dn  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402

TARGET_MS = {"overview": 100.0, "receipt PDF": 100.0, "ledger export": 2000.0}


def build(path: Path, movements: int) -> tuple[float, float]:
    """The full demo station at ``path``: (seconds in all, seconds for the inventory)."""
    open_store(db.resolve(path), create=True)
    spent = []
    real = demo.add_inventory

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    demo.add_inventory = timed
    try:
        start = time.perf_counter()
        demo.fill(movements=movements)
        return time.perf_counter() - start, spent[0]
    finally:
        demo.add_inventory = real


def runs_ms(runs: int, once: Callable[[], object], warm_up: bool = True) -> list[float]:
    if warm_up:
        once()  # page cache, prepared statements, fonts
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1000)
    return times


def optional(module: str, name: str):
    """A function from a module that may not exist yet (another part of issue 7)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def figures(runs: int, tmp: Path) -> list[tuple[str, str, list[float] | None, int]]:
    """(kind, name, times in ms or None if not built yet, rows) for each figure."""
    head = accounts.actor_for(Staff.get(Staff.role == "head"))
    last = today().replace(day=1) - dt.timedelta(days=1)
    month = stock.MovementQuery(date_from=last.replace(day=1), date_to=last)
    rows: list[tuple[str, str, list[float] | None, int]] = []

    found = stock.overview(head)
    rows.append(("overview", "stock.overview (every item)",
                 runs_ms(runs, lambda: stock.overview(head)), len(found)))
    found_m = stock.movements(head, month)
    rows.append(("movements", f"stock.movements, {last:%Y-%m}",
                 runs_ms(runs, lambda: stock.movements(head, month)), len(found_m)))
    found_l = stock.monthly_ledger(head, last.year, last.month)
    rows.append(("ledger", f"stock.monthly_ledger, {last:%Y-%m}",
                 runs_ms(runs, lambda: stock.monthly_ledger(head, last.year, last.month)),
                 len(found_l)))

    households = [v.household_id for v in Voucher.select(Voucher.household)
                  .where(Voucher.kind == "household").distinct().limit(runs + 1)]
    item = max(found, key=lambda r: r.available).item_id
    turn = iter(households * 2)
    rows.append(("give_out", "stock.give_out, 1 item to a household",
                 runs_ms(runs, lambda: stock.give_out(head, "household", today(),
                                                      [stock.OutLine(item, 1)],
                                                      household_id=next(turn))), 1))
    rows.append(("check", "stock ledger check (station-desk check)",
                 runs_ms(runs, check._stock_ledger), StockMovement.select().count()))

    build_pdf = optional("station_desk.core.reports.acknowledgement", "build")
    donation = Donation.select(Donation.id).where(Donation.cancelled_at.is_null(),
                                                  Donation.voucher.is_null(False)) \
        .order_by(Donation.id.desc()).scalar()
    if build_pdf is None:
        rows.append(("receipt PDF", "acknowledgement PDF (not built yet)", None, 0))
    else:
        data = dn.acknowledgement_data(head, donation)
        out = tmp / "ack.pdf"
        rows.append(("receipt PDF", "acknowledgement PDF, build(data, out)",
                     runs_ms(runs, lambda: build_pdf(data, out)), len(data.lines)))
        # the first PDF of a process also registers the CJK font (issue 7 leaves it out)

    export = optional("station_desk.core.services.stock_exports", "export_monthly_ledger")
    if export is None:
        rows.append(("ledger export", "monthly ledger export (not built yet)", None, 0))
    else:
        out = tmp / "ledger.xlsx"
        rows.append(("ledger export", f"export_monthly_ledger, {last:%Y-%m}",
                     runs_ms(max(3, runs // 2), lambda: export(head, last.year, last.month, out)),
                     len(found_l)))
    return rows


def report(runs: int, tmp: Path) -> bool:
    all_ok = True
    header = f"  {'figure':<42} {'median':>8} {'min':>7} {'max':>7} {'target':>7}  {'rows':>6}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for kind, name, times, count in figures(runs, tmp):
        target = TARGET_MS.get(kind)
        if times is None:
            print(f"  {pad(name, 42)} {'-':>8} {'-':>7} {'-':>7} "
                  f"{f'{target:.0f}' if target else '-':>7}  {'-':>6}  not measured")
            continue
        ms = statistics.median(times)
        verdict = "-" if target is None else ("ok" if ms <= target else "MISSED")
        all_ok &= target is None or ms <= target
        print(f"  {pad(name, 42)} {ms:8.1f} {min(times):7.1f} {max(times):7.1f} "
              f"{f'{target:.0f}' if target else '-':>7}  {count:>6,}  {verdict}")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--movements", type=int, default=demo.STATION_MOVEMENTS)
    parser.add_argument("--keep", type=Path, help="build the database once, in this folder")
    opts = parser.parse_args()
    os.environ.pop("STATION_DESK_DB", None)
    import sqlite3

    print(f"Donation inventory: Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
          f"{os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="bench-inventory-") as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"inventory-{opts.movements}.sqlite3"
        if path.exists() and opts.keep:
            open_store(db.resolve(path), create=False)
            built = " (reused)"
        else:
            total, inventory = build(path, opts.movements)
            built = f"; demo built in {total:.1f} s, of which the inventory {inventory:.2f} s"
        try:
            db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            size = path.stat().st_size / 1024 / 1024
            print(f"\n{StockMovement.select().count():,} stock ledger rows, "
                  f"{Voucher.select().count():,} vouchers, {Donation.select().count():,} "
                  f"donations; database {size:.1f} MB{built}; median of {opts.runs} runs")
            all_ok = report(opts.runs, Path(tmp))
        finally:
            db.close()
    print("\nall targets met" if all_ok else "\nsome targets MISSED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
