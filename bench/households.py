"""The household list, its search box and the due list at a district's scale (issue 5 targets).

Builds temp databases with the demo's household generator: 12,580 households (~30,000
members, the district ledger in the seeds) and ten times that. Then, at the service level
(core.services.households) and as the head, who sees every household, times each figure
as the median of N runs after one warm-up:
  ids    find_household_ids for what a keystroke asks: a typed name (曾, 曾小), pinyin
         initials (z, zx, zxm), a phone/ID tail (1234), an address word, with each filter
         (village, category, tier, overdue, social worker) and each sort key
  rows   household_rows for a block of 200 rows (first block of the list, one mid-list)
  due    due_visits for the whole station and for one social worker, and due_count
and a floor on the same connection: the plain scan
`SELECT id FROM household WHERE search_text LIKE ?` with the figure's pattern (with "%",
every row, for figures without search text). Targets (issue 5): a filter or search
<= 15 ms per keystroke at 12,580 households and <= 100 ms at 125,800; the due list
<= 100 ms at 12,580 (the issue sets none at ten times the scale). A 200-row block is held
to the keystroke target too: the list shows it with each keystroke's ids.

    python bench/households.py [--runs 7] [--scales 12580,125800] [--keep DIR]

--keep DIR builds each database once into DIR and reuses it on later runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

from station_desk.cli import pad  # noqa: E402
from station_desk.core import db, demo, search  # noqa: E402
from station_desk.core.demo_households import add_households  # noqa: E402
from station_desk.core.models import Category, Household, Staff, Tier, Village  # noqa: E402
from station_desk.core.services import accounts  # noqa: E402
from station_desk.core.services import households as hh  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402

DISTRICT = 12_580  # households on one district's ledger (the seeds)
PEOPLE_PER_HOUSEHOLD = 30_000 / DISTRICT  # "about 30,000 members" (issue 5)
# At 12,580 households / at 125,800. Issue 5 sets the due list's 100 ms for the district's
# 12,580 only; at ten times that scale it is shown against the same figure, marked "over".
TARGET_MS = {"keystroke": (15.0, 100.0), "due": (100.0, None)}


def build(path: Path, households: int) -> float:
    """A demo station with ``households`` households at ``path``; seconds it took."""
    open_store(db.resolve(path), create=True)
    start = time.perf_counter()
    demo.fill(households=0)
    head = accounts.actor_for(Staff.get(Staff.role == "head"))
    with db.write_transaction():
        add_households(head, random.Random(2026), households,
                       people=round(households * PEOPLE_PER_HOUSEHOLD))
    return time.perf_counter() - start


def median_ms(runs: int, once: Callable[[], object]) -> float:
    once()  # warm-up: page cache, prepared statements
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def floor_ms(runs: int, pattern: str) -> float:
    sql = "SELECT id FROM household WHERE search_text LIKE ? ESCAPE '\\'"
    return median_ms(runs, lambda: db.database.execute_sql(sql, (pattern,)).fetchall())


def figures(runs: int, scale: int) -> list[tuple[str, str, float, float, int]]:
    """(kind, name, ms, floor ms, rows returned) for each figure at this scale."""
    head = accounts.actor_for(Staff.get(Staff.role == "head"))
    village = Village.get(Village.name == "麻车村")
    category = Category.get(Category.name == "独居老人")
    tier = Tier.get(Tier.level == 3)
    worker = village.social_worker_id
    filters = {
        "": {}, "village": {"village_id": village.id}, "category": {"category_id": category.id},
        "tier": {"tier_id": tier.id}, "overdue": {"overdue": True},
        "social worker": {"social_worker_id": worker},
    }
    texts = ["曾", "曾小", "z", "zx", "zxm", "1234", "榕树"]
    asks: list[tuple[str, hh.HouseholdQuery]] = []
    for text in texts:
        asks.append((f"'{text}'", hh.HouseholdQuery(text=text)))
    for name, values in filters.items():
        if name:
            asks.append((f"{name}", hh.HouseholdQuery(**values)))
            asks.append((f"'zx' + {name}", hh.HouseholdQuery(text="zx", **values)))
    for sort in hh.SORT_KEYS:
        asks.append((f"sort {sort}", hh.HouseholdQuery(sort=sort)))
        asks.append((f"sort {sort} desc", hh.HouseholdQuery(sort=sort, descending=True)))
    asks.append(("every status", hh.HouseholdQuery(status=None)))

    floors: dict[str, float] = {}

    def floor_for(text: str) -> float:
        pattern = search.like_pattern(text)[0] if text else "%"
        if pattern not in floors:
            floors[pattern] = floor_ms(runs, pattern)
        return floors[pattern]

    rows = []
    for name, query in asks:
        found = hh.find_household_ids(head, query)
        ms = median_ms(runs, lambda q=query: hh.find_household_ids(head, q))
        rows.append(("keystroke", f"ids {name}", ms, floor_for(query.text), len(found)))

    listed = hh.find_household_ids(head, hh.HouseholdQuery())
    middle = len(listed) // 2
    for name, block in (("first", listed[:200]), ("middle", listed[middle:middle + 200])):
        ms = median_ms(runs, lambda b=block: hh.household_rows(head, b))
        rows.append(("keystroke", f"rows: 200, {name} block", ms, floor_for(""), len(block)))

    due = hh.due_visits(head)
    ms = median_ms(runs, lambda: hh.due_visits(head))
    rows.append(("due", "due list, whole station", ms, floor_for(""), len(due)))
    mine = hh.due_visits(head, social_worker_id=worker)
    ms = median_ms(runs, lambda: hh.due_visits(head, social_worker_id=worker))
    rows.append(("due", "due list, one social worker", ms, floor_for(""), len(mine)))
    ms = median_ms(runs, lambda: hh.due_count())
    rows.append(("due", "due count (首页)", ms, floor_for(""), hh.due_count()))
    return rows


def report(scale: int, build_s: float | None, runs: int) -> bool:
    members = Household.select().count(), db.database.execute_sql(
        "SELECT COUNT(*) FROM member").fetchone()[0]
    visits = db.database.execute_sql("SELECT COUNT(*) FROM visit").fetchone()[0]
    built = f", built in {build_s:.1f} s" if build_s is not None else " (reused)"
    print(f"\n{members[0]:,} households, {members[1]:,} members, {visits:,} visits{built}; "
          f"median of {runs} runs")
    at_scale = 0 if scale <= DISTRICT else 1
    all_ok = True
    header = f"  {'figure':<38} {'ms':>8} {'floor':>7} {'ratio':>6} {'target':>7}  {'rows':>7}"
    print(header)
    print("  " + "-" * (len(header) - 2))
    for kind, name, ms, floor, count in figures(runs, scale):
        target = TARGET_MS[kind][at_scale]
        if target is None:
            verdict, shown = ("-" if ms <= 100 else "over 100, no target here"), "-"
        else:
            verdict, shown = ("ok" if ms <= target else "MISSED"), f"{target:.0f}"
            all_ok &= ms <= target
        print(f"  {pad(name, 38)} {ms:8.2f} {floor:7.2f} {ms / floor:6.1f} {shown:>7}  "
              f"{count:>7,}  {verdict}")
    return all_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scales", default=f"{DISTRICT},{DISTRICT * 10}",
                        help="households per database, comma-separated")
    parser.add_argument("--keep", type=Path, help="build each database once, in this folder")
    opts = parser.parse_args()
    os.environ.pop("STATION_DESK_DB", None)
    import sqlite3

    print(f"Household list, search and due list: Python {sys.version.split()[0]}, "
          f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    all_ok = True
    with tempfile.TemporaryDirectory(prefix="bench-households-") as tmp:
        for scale in (int(s) for s in opts.scales.split(",")):
            folder = opts.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"households-{scale}.sqlite3"
            build_s = None
            if path.exists() and opts.keep:
                open_store(db.resolve(path), create=False)
            else:
                build_s = build(path, scale)
            try:
                all_ok &= report(scale, build_s, opts.runs)
            finally:
                db.close()
    print("\nall targets met" if all_ok else "\nsome targets MISSED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
