"""Kiosk sign-in at the service level with a year of attendance on file (issue 6 target).

Builds a temp station with 1,000 volunteers and about 100,000 attendance events (50,000
visits over the last year), then times, median of many runs:
  lookup   kiosk_matches for a phone tail
  punch    a sign-in (a volunteer with no open visit), then the matching sign-out
  visits   one month's derived visits (status and hours) for the whole station
Target: sign-in from Enter to confirmation <= 30 ms at the service level.

    python bench/attendance.py [--visits 50000] [--runs 41]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path


def build(path: Path, visits: int, seed: int = 7):
    from station_desk.core import db
    from station_desk.core.clock import now, stamp
    from station_desk.core.models import AttendanceEvent, Staff, Volunteer
    from station_desk.core.services import accounts
    from station_desk.core.store import open_store

    location = db.resolve(path)
    open_store(location, create=True)
    accounts.create_first_head("head", "刘丽萍", "secret123")
    head = accounts.actor_for(Staff.get(Staff.username == "head"))
    rng = random.Random(seed)
    moment = stamp()
    with db.write_transaction():
        Volunteer.insert_many([
            {"name": f"志愿者{i:04d}", "phone": f"139{i:08d}", "phone_tail": f"{i:08d}"[-4:],
             "created_at": moment, "updated_at": moment} for i in range(1000)]).execute()
        ids = [v.id for v in Volunteer.select(Volunteer.id)]
        today = now().replace(hour=0, minute=0, second=0, microsecond=0)
        rows = []
        for _ in range(visits):
            day = today - dt.timedelta(days=rng.randint(1, 365))
            start = day + dt.timedelta(hours=rng.randint(8, 14), minutes=rng.randint(0, 59))
            rows.append({"volunteer": rng.choice(ids), "kind": "sign_in", "at": stamp(start),
                         "walk_in": True, "recorded_at": moment})
        for chunk in range(0, len(rows), 5000):
            AttendanceEvent.insert_many(rows[chunk:chunk + 5000]).execute()
        first = AttendanceEvent.select(AttendanceEvent.id).order_by(AttendanceEvent.id).first().id
        closes = []
        for offset, row in enumerate(rows):
            opened = dt.datetime.fromisoformat(row["at"])
            closes.append({"volunteer": row["volunteer"], "kind": "sign_out",
                           "at": stamp(opened + dt.timedelta(hours=rng.randint(1, 4))),
                           "opens": first + offset, "recorded_at": moment})
        for chunk in range(0, len(closes), 5000):
            AttendanceEvent.insert_many(closes[chunk:chunk + 5000]).execute()
    return head, ids


def median_ms(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=50000)
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()
    from station_desk.core import db
    from station_desk.core.clock import now
    from station_desk.core.models import AttendanceEvent, Staff
    from station_desk.core.services import accounts, attendance

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        head, ids = build(Path(tmp) / "station.sqlite3", args.visits)
        events = AttendanceEvent.select().count()
        print(f"1,000 volunteers, {events:,} attendance events, built in "
              f"{time.perf_counter() - started:.1f} s; median of {args.runs} runs")
        kiosk_staff = accounts.create_staff(head, "kiosk", "签到机", "kiosk", "secret123")
        kiosk = accounts.actor_for(Staff.get_by_id(kiosk_staff.id))
        lookup = median_ms(args.runs, lambda: attendance.kiosk_matches(kiosk, "0042"))
        moment = [now().replace(hour=7, minute=0, second=0, microsecond=0)]
        people = iter(ids)

        def sign_in_and_out():
            volunteer = next(people)
            moment[0] += dt.timedelta(minutes=3)
            attendance.punch(kiosk, volunteer, at=moment[0])
            return volunteer

        sign_ins, sign_outs = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            volunteer = sign_in_and_out()
            sign_ins.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            attendance.punch(kiosk, volunteer, at=moment[0] + dt.timedelta(minutes=5))
            sign_outs.append((time.perf_counter() - start) * 1000)
        today = now().date()
        month = median_ms(5, lambda: attendance.visits(head, today - dt.timedelta(days=30), today))
        rows = [("kiosk lookup by phone tail", lookup, 30),
                ("kiosk sign-in (punch)", statistics.median(sign_ins), 30),
                ("kiosk sign-out (punch)", statistics.median(sign_outs), 30),
                ("one month's visits, derived", month, None)]
        print(f"  {'figure':<34} {'ms':>8}  target")
        for name, ms, target in rows:
            verdict = "" if target is None else ("ok" if ms <= target else "MISSED")
            print(f"  {name:<34} {ms:8.2f}  {target or '-'} {verdict}")
        db.close()


if __name__ == "__main__":
    main()
