"""Monthly hours report with the demo's ~100,000 attendance events (target <= 500 ms).

    /work/venv/bin/python bench/volunteer_hours.py [--volunteers 1000]

Builds a demo station in a temporary folder (households: 0), then times, for the last full
month: attendance.visits, the ledger's gathering (hours per volunteer and team) and the
whole export to .xlsx. Prints the best of five.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import tempfile
import time
from pathlib import Path

from station_desk.core import db, demo
from station_desk.core.models import AttendanceEvent, Staff
from station_desk.core.reports import hours_ledger
from station_desk.core.services import accounts, attendance
from station_desk.core.store import open_store


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--volunteers", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        open_store(db.resolve(Path(folder) / "station.sqlite3"), create=True)
        start = time.perf_counter()
        report = demo.fill(households=0, volunteers=args.volunteers)
        print(f"demo: {report.volunteers.volunteers} volunteers, "
              f"{AttendanceEvent.select().count()} attendance events "
              f"in {time.perf_counter() - start:.2f} s")
        actor = accounts.actor_for(Staff.get(Staff.username == demo.PEOPLE[0][0]))
        first = _dt.date.today().replace(day=1) - _dt.timedelta(days=1)
        month = f"{first:%Y-%m}"
        begin, end = hours_ledger.parse_month(month)
        rows = attendance.visits(actor, begin, end)
        print(f"month {month}: {len(rows)} visits")
        print(f"attendance.visits: {best(lambda: attendance.visits(actor, begin, end)):.0f} ms")
        print(f"hours_ledger.gather: {best(lambda: hours_ledger.gather(actor, month)):.0f} ms")
        out = Path(folder) / "hours.xlsx"
        print(f"monthly hours report (gather + .xlsx): "
              f"{best(lambda: hours_ledger.export(actor, month, out)):.0f} ms  (target <= 500 ms)")
        db.close()


if __name__ == "__main__":
    main()
