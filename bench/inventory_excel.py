"""Inventory Excel exports with 50,000 movements (target: the monthly ledger <= 2 s).

    /work/venv/bin/python bench/inventory_excel.py [--movements 50000] [--db station.sqlite3]

Without --db: a fresh station in a temporary folder with 80 items and about 50,000 ledger
rows over three years (a batch in per item and month, small give-outs from it), written
straight into the tables. With --db: an existing station (e.g. the demo's) as it is.
Times, for the last full month: stock.monthly_ledger, the monthly ledger export (both
sheets) and the 库存明细账 for that month; then the 捐赠方统计 for the year. Best of three.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import tempfile
import time
from pathlib import Path

from station_desk.core import db
from station_desk.core.clock import stamp, today
from station_desk.core.db import database
from station_desk.core.models import (
    Batch,
    Item,
    ItemCategory,
    Location,
    Staff,
    StockMovement,
    Voucher,
)
from station_desk.core.services import accounts, stock, stock_exports
from station_desk.core.store import open_store


def best(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def fill(movements: int, seed: int = 2026) -> int:
    """80 items; per item and month one batch in and give-outs from it, ~``movements`` rows."""
    rng = random.Random(seed)
    category = ItemCategory.select().first().id
    location = Location.select().first().id
    months = 36
    outs = max(movements // (80 * months) - 1, 1)
    first = today().replace(day=1)
    written = 0
    with database.atomic():
        items = [Item.create(name=f"物资{n:02d}", unit="袋", category=category).id
                 for n in range(80)]
        for back in range(months, 0, -1):
            start = (first - _dt.timedelta(days=30 * back)).replace(day=1)
            voucher = Voucher.create(kind="purchase", moved_on=start, recorded_at=stamp(),
                                     actor_name="基准")
            rows = []
            for item in items:
                value = rng.choice((None, 1500, 5000, 6990))
                batch = Batch.create(item=item, location=location, received_on=start,
                                     unit_value_fen=value)
                rows.append(dict(voucher=voucher.id, item=item, batch=batch.id, quantity=10 * outs,
                                 unit_value_fen=value, moved_on=start))
                for n in range(outs):
                    day = start + _dt.timedelta(days=min(n % 27 + 1, 27))
                    out = Voucher.create(kind="other_out", moved_on=day, recorded_at=stamp(),
                                         reason="基准出库", recipient="某村委会",
                                         actor_name="基准")
                    rows.append(dict(voucher=out.id, item=item, batch=batch.id,
                                     quantity=-rng.randint(1, 9), unit_value_fen=value,
                                     moved_on=day))
            for chunk in range(0, len(rows), 500):
                StockMovement.insert_many(rows[chunk:chunk + 500]).execute()
            written += len(rows)
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--movements", type=int, default=50_000)
    parser.add_argument("--db", type=Path, help="an existing station database instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            open_store(db.resolve(args.db))
            print(f"station {args.db}: {StockMovement.select().count():,} movements")
        else:
            open_store(db.resolve(Path(folder) / "station.sqlite3"), create=True)
            accounts.create_first_head("head", "刘丽萍", "secret123")
            start = time.perf_counter()
            made = fill(args.movements)
            print(f"generated {made:,} movements in {time.perf_counter() - start:.1f} s")
        head = accounts.actor_for(Staff.select().where(Staff.role == "head").first())
        last = today().replace(day=1) - _dt.timedelta(days=1)
        out = Path(folder)
        in_month = StockMovement.select().where(StockMovement.moved_on.between(
            last.replace(day=1), last)).count()
        print(f"month {last:%Y-%m}: {in_month:,} movements")
        print(f"stock.monthly_ledger            {best(lambda: stock.monthly_ledger(head, last.year, last.month)):7.0f} ms")
        print(f"monthly ledger export (target <= 2000 ms) "
              f"{best(lambda: stock_exports.export_monthly_ledger(head, last.year, last.month, out / 'm.xlsx')):7.0f} ms")
        print(f"stock ledger export, that month {best(lambda: stock_exports.export_stock_ledger(head, last.replace(day=1), last, out / 's.xlsx')):7.0f} ms")
        print(f"stock ledger export, whole year {best(lambda: stock_exports.export_stock_ledger(head, last.replace(month=1, day=1), last, out / 'y.xlsx'), 1):7.0f} ms")
        print(f"donor totals export             {best(lambda: stock_exports.export_donor_totals(head, last.year, out / 'd.xlsx')):7.0f} ms")
        db.close()


if __name__ == "__main__":
    main()
