"""The roster week view with a year of shifts on file (issue 6 target: <= 100 ms to load).

Builds a temp station with 1,000 volunteers, 8 shift templates turned into 52 weeks of shifts
by ``generate_series``, and about two people on every shift, then times (median of many runs):
  week      roster.week for a week in the middle of the year
  unfilled  roster.unfilled for the same week
  assign    one assign (with its clash, capacity and skill checks) and its cancel

    python bench/roster.py [--weeks 52] [--runs 41]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

TEMPLATES = [  # name, kind, weekdays, start, end, capacity
    ("前台值班（上午）", "front_desk", "1,2,3,4,5", "08:30", "12:00", 2),
    ("前台值班（下午）", "front_desk", "1,2,3,4,5", "14:00", "17:30", 2),
    ("热线值守", "hotline", "1,2,3,4,5,6,7", "09:00", "17:00", 1),
    ("入户探访", "home_visit", "2,4", "09:00", "11:30", 3),
    ("助老理发", "activity", "3", "14:30", "16:30", 4),
    ("周末活动", "activity", "6", "09:00", "11:00", 6),
    ("心理咨询", "activity", "5", "15:00", "17:00", 2),
    ("晚间巡访", "home_visit", "1,3", "19:00", "21:00", 2),
]


def build(path: Path, weeks: int, seed: int = 7):
    from station_desk.core import db
    from station_desk.core.clock import stamp
    from station_desk.core.models import Assignment, Shift, Staff, Volunteer
    from station_desk.core.services import accounts, roster
    from station_desk.core.store import open_store

    location = db.resolve(path)
    open_store(location, create=True)
    accounts.create_first_head("head", "刘丽萍", "secret123")
    head = accounts.actor_for(Staff.get(Staff.username == "head"))
    rng = random.Random(seed)
    moment = stamp()
    with db.write_transaction():
        Volunteer.insert_many([
            {"name": f"志愿者{i:04d}", "created_at": moment, "updated_at": moment}
            for i in range(1000)]).execute()
    ids = [v.id for v in Volunteer.select(Volunteer.id)]
    first = dt.date(2026, 1, 5)
    for name, kind, days, start, end, capacity in TEMPLATES:
        template = roster.save_template(head, name=name, kind=kind, weekdays=days,
                                        start_time=start, end_time=end, capacity=capacity)
        roster.generate_series(head, template.id, first, weeks)
    with db.write_transaction():
        rows = []
        for shift_id, capacity in Shift.select(Shift.id, Shift.capacity).tuples():
            for volunteer in rng.sample(ids, min(capacity, 2)):
                rows.append({"shift": shift_id, "volunteer": volunteer, "status": "planned",
                             "created_at": moment, "updated_at": moment})
        for chunk in range(0, len(rows), 5000):
            Assignment.insert_many(rows[chunk:chunk + 5000]).execute()
    return head, ids, first


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    from station_desk.core import db
    from station_desk.core.models import Assignment, Shift
    from station_desk.core.services import roster

    with tempfile.TemporaryDirectory(prefix="station-bench-") as folder:
        began = time.perf_counter()
        head, ids, first = build(Path(folder) / "station.sqlite3", args.weeks)
        print(f"built in {time.perf_counter() - began:.1f} s: {Shift.select().count()} shifts, "
              f"{Assignment.select().count()} assignments, {len(ids)} volunteers")
        monday = first + dt.timedelta(weeks=args.weeks // 2)
        view = roster.week(head, monday)
        print(f"week of {monday}: {len(view.rows)} rows, "
              f"{sum(1 for r in view.rows for c in r.cells if c)} shifts")
        print(f"week      {median_ms(lambda: roster.week(head, monday), args.runs):7.2f} ms "
              "(target <= 100 ms)")
        sunday = monday + dt.timedelta(days=6)
        print(f"unfilled  {median_ms(lambda: roster.unfilled(head, monday, sunday), args.runs):7.2f} ms")
        shift = next(c for r in view.rows for c in r.cells if c and not c.full)
        taken = {p.volunteer_id for r in view.rows for c in r.cells if c for p in c.people}
        free = iter(v for v in ids if v not in taken)

        def assign_and_cancel() -> None:
            result = roster.assign(head, shift.shift_id, next(free))
            roster.cancel_assignment(head, result.assignment_id)

        print(f"assign    {median_ms(assign_and_cancel, args.runs):7.2f} ms (assign + cancel)")
        db.close()


if __name__ == "__main__":
    main()
