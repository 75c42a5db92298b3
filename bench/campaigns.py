"""Holiday campaigns at a district's scale (issue #9 targets).

A demo station with 12,580 households (``station-desk demo --households 12580 --volunteers 0
--movements 0``), built once (kept with --keep DIR) and copied for each run so every run
starts clean; then two items, a gift package with ample stock, and, timed as the head:

  create    create_campaign for every active household, one rule with the package (<= 2 s)
  progress  progress() on that campaign, median of --runs (<= 100 ms)
  sheets    sheet_data + campaign_sheets.build for every target, three teams (<= 5 s)
  export    export_campaign to .xlsx (no target set; shown for scale)

    python bench/campaigns.py [--households 12580] [--runs 20] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

DISTRICT = 12_580
TARGETS = {"create": 2.0, "progress": 0.1, "sheets": 5.0}


def make_demo(path: Path, households: int) -> None:
    subprocess.run([sys.executable, "-m", "station_desk.cli", "--db", str(path), "demo",
                    "--households", str(households), "--volunteers", "0", "--movements", "0"],
                   check=True, capture_output=True, cwd=ROOT)


def stock_up(head, households: int) -> int:
    """Two items and a package of both, with stock for every household; the package's id."""
    from station_desk.core.models import ItemCategory
    from station_desk.core.services import inventory as inv
    from station_desk.core.services import stock

    day = dt.date(2026, 9, 1)
    group = ItemCategory.select().first()
    if group is None:
        group = ItemCategory.create(name="粮油", sort_order=1)
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", group.id, spec="10kg", value_fen=5000,
                                             value_from=day)).id
    oil = inv.save_item(head, inv.ItemInput("花生油", "瓶", group.id, spec="1.8L", value_fen=4500,
                                            value_from=day)).id
    package = inv.save_package(head, inv.PackageInput("中秋慰问包", [(rice, 1), (oil, 1)])).id
    stock.receive(head, "purchase", day, [
        stock.InLine(rice, households + 100),
        stock.InLine(oil, households + 100, expires_on=dt.date(2028, 1, 1))], recipient="粮油店")
    return package


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=DISTRICT)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="build the demo database once, in this folder")
    opts = parser.parse_args()

    from station_desk.core import db
    from station_desk.core.models import Staff, Village
    from station_desk.core.reports import campaign_sheets
    from station_desk.core.services import accounts, campaign_exports
    from station_desk.core.services import campaigns as cp
    from station_desk.core.store import open_store

    with tempfile.TemporaryDirectory(prefix="bench-campaigns-") as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / f"campaigns-{opts.households}.sqlite3"
        if not source.exists():
            start = time.perf_counter()
            make_demo(source, opts.households)
            print(f"demo with {opts.households} households: {time.perf_counter() - start:.1f} s")
        work = Path(tmp) / "run.sqlite3"
        shutil.copy(source, work)
        open_store(db.resolve(work))
        head = accounts.actor_for(Staff.get(Staff.role == "head"))
        package = stock_up(head, opts.households)

        figures: dict[str, float] = {}
        start = time.perf_counter()
        made = cp.create_campaign(head, cp.CampaignInput(
            "中秋慰问", festival="mid_autumn", year=2026, starts_on=dt.date(2026, 9, 10),
            ends_on=dt.date(2026, 9, 30)), [cp.RuleInput(package_id=package)])
        figures["create"] = time.perf_counter() - start
        cid = made.campaign_id

        cp.progress(head, cid)  # warm-up
        times = []
        for _ in range(opts.runs):
            start = time.perf_counter()
            cp.progress(head, cid)
            times.append(time.perf_counter() - start)
        figures["progress"] = statistics.median(times)

        workers = list(Staff.select().where(Staff.role == "social_worker").limit(3))
        teams = [cp.save_team(head, cid, cp.TeamInput(f"第{n + 1}组", leader_id=w.id)).id
                 for n, w in enumerate(workers)]
        villages = [v for (v,) in Village.select(Village.id).tuples()]
        cp.assign_villages(head, cid, {v: teams[i % len(teams)] for i, v in enumerate(villages)})

        out = Path(tmp) / "sheets.pdf"
        start = time.perf_counter()
        data = cp.sheet_data(head, cid)
        gathered = time.perf_counter() - start
        campaign_sheets.build(data, out)
        figures["sheets"] = time.perf_counter() - start
        rows = sum(len(t.rows) for t in data.teams)

        start = time.perf_counter()
        written = campaign_exports.export_campaign(head, cid, Path(tmp) / "campaign.xlsx")
        figures["export"] = time.perf_counter() - start
        db.close()

    print(f"campaign of {made.targets} households ({len(made.shortfalls)} items short), "
          f"{rows} sheet rows in {len(data.teams)} teams, {written} workbook rows")
    print(f"  sheet_data alone: {gathered:.2f} s")
    for name, seconds in figures.items():
        target = TARGETS.get(name)
        shown = f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"
        verdict = "" if target is None else ("  ok" if seconds <= target else "  OVER")
        limit = "" if target is None else (f" (target {target * 1000:.0f} ms)" if target < 1
                                           else f" (target {target:.0f} s)")
        print(f"{name:9} {shown}{limit}{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
