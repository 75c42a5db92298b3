"""Activities, projects and wishes at a busy station's scale (issue #11 targets).

A demo station (``station-desk demo --households 2000 --volunteers 300 --movements 3000``),
built once (kept with --keep DIR), then, written in bulk where the services would take
minutes: 300 activities held this year over the 26 villages (with what the demo made, shown
below) with 20,000 participations of their villages' households, and 2,000 wishes placed this
year in every state; volunteers go on 150 of the new activities through the services (their
hours from attendance), and the first project collects 150 activities and 100 cases. Copied
for each run so every run starts clean; then, timed as the head (min and median of --runs):

  year      activities.year_figures + wishes.figures for this year (<= 300 ms)
  progress  activities.project_progress of the bigger project (<= 1 s)
  report    project_report_data + export_project to .xlsx + project_report.build to PDF
            (<= 1 s, when the printouts are there)

    python bench/activities.py [--runs 10] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

ACTIVITIES, PARTICIPATIONS, WISHES = 300, 20_000, 2_000
TARGETS = {"year": 0.3, "progress": 1.0, "report": 1.0}


def make_demo(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "station_desk.cli", "--db", str(path), "demo",
                    "--households", "2000", "--volunteers", "300", "--movements", "3000"],
                   check=True, capture_output=True, cwd=ROOT)


def fill(head, rng: random.Random) -> dict[str, int]:
    """The year's extra activities, participations and wishes, in bulk (one transaction)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.db import write_transaction
    from station_desk.core.demo_households import bulk_insert
    from station_desk.core.models import (
        ACTIVITY_KINDS,
        Activity,
        ActivityParticipant,
        Case,
        Donor,
        Household,
        Member,
        Project,
        ProjectCase,
        Staff,
        Volunteer,
        Wish,
    )
    from station_desk.core.services import activities as act

    on = today()
    first = dt.date(on.year, 1, 1)
    span = (on - first).days  # held on or before yesterday
    at = stamp()
    by_village: dict[int, list[tuple[int, int | None]]] = {}
    for hid, village in Household.select(Household.id, Household.village).where(
            Household.status == "active").tuples():
        by_village.setdefault(village, []).append((hid, None))
    for mid, hid, village in Member.select(Member.id, Member.household, Household.village).join(
            Household).where(Household.status == "active").tuples():
        by_village[village].append((hid, mid))
    villages = sorted(by_village)
    project = Project.select().order_by(Project.target_families.desc()).first()
    with write_transaction():
        start_id = (Activity.select(Activity.id).order_by(Activity.id.desc()).scalar() or 0) + 1
        rows = []
        for n in range(ACTIVITIES):
            day = first + dt.timedelta(days=rng.randint(0, max(span - 1, 0)))
            village = villages[n % len(villages)]
            rows.append(dict(id=start_id + n, title=f"基准活动 {n + 1}",
                             kind=ACTIVITY_KINDS[n % len(ACTIVITY_KINDS)], held_on=day,
                             start_time="09:00", end_time="11:00", place="文化室", village=village,
                             theme="", organiser="", partners="",
                             project=project.id if n % 2 == 0 and project
                             and project.starts_on <= day <= project.ends_on else None,
                             shift=None, extra_count=rng.randint(0, 30), status="held",
                             summary="", created_by=head.staff_id, created_at=at, updated_at=at))
        bulk_insert(Activity, rows)
        participations = []
        per = PARTICIPATIONS // ACTIVITIES
        for row in rows:
            pool = by_village[row["village"]]
            for hid, mid in rng.sample(pool, min(per, len(pool))):
                participations.append({"activity": row["id"], "household": hid, "member": mid,
                                       "attended": rng.random() < 0.85})
        bulk_insert(ActivityParticipant, participations)
        if project is not None:
            have = {c for (c,) in ProjectCase.select(ProjectCase.case).where(
                ProjectCase.project == project.id).tuples()}
            cases = [c for (c,) in Case.select(Case.id).order_by(Case.id).tuples()
                     if c not in have][:100]
            bulk_insert(ProjectCase, [{"project": project.id, "case": c} for c in cases])
        households = [h for (h,) in Household.select(Household.id).where(
            Household.status == "active").tuples()]
        workers = [s for (s,) in Staff.select(Staff.id).where(
            Staff.role == "social_worker").tuples()]
        donors = [d for (d,) in Donor.select(Donor.id).tuples()] or [None]
        states = ("placed", "taken", "adopted", "delivered", "rated", "cancelled")
        wishes = []
        for n in range(WISHES):
            state = states[n % len(states)]
            placed = first + dt.timedelta(days=rng.randint(0, max(span - 1, 0)))
            later = state not in ("placed", "cancelled")
            wishes.append(dict(
                household=rng.choice(households), member=None, alias=f"基准{n}", what="一床棉被",
                why="", estimated_fen=15000, photo=None, status=state, placed_on=placed,
                placed_by="", social_worker=rng.choice(workers) if later else None,
                taken_on=placed if later else None,
                donor=rng.choice(donors) if state in ("adopted", "delivered", "rated") else None,
                adopted_on=placed if state in ("adopted", "delivered", "rated") else None,
                payment="cash" if state in ("adopted", "delivered", "rated") else "",
                donation=None, delivered_on=placed if state in ("delivered", "rated") else None,
                voucher=None, cash_entry=None, spent_fen=0,
                rating=rng.randint(3, 5) if state == "rated" else None, comment="",
                rated_on=placed if state == "rated" else None, cancel_reason="",
                created_at=at, updated_at=at))
        bulk_insert(Wish, wishes)
        # volunteers on half of the new activities, through the services (shifts and hours)
        volunteers = [v for (v,) in Volunteer.select(Volunteer.id).where(
            Volunteer.status == "active").tuples()]
        for row in rows[:ACTIVITIES // 2]:
            crew = rng.sample(volunteers, min(4, len(volunteers)))
            if not crew:
                break
            try:
                act.set_volunteers(head, row["id"], crew)
                came = [p for (p,) in ActivityParticipant.select(ActivityParticipant.id).where(
                    (ActivityParticipant.activity == row["id"]) & ActivityParticipant.attended)
                    .tuples()]
                act.record_attendance(head, row["id"], act.AttendanceInput(
                    came=came, extra_count=row["extra_count"], volunteers_came=crew))
            except Exception:  # noqa: BLE001 - a clash with a shift on file: no volunteers then
                continue
    return {"activities": len(rows), "participations": len(participations),
            "wishes": len(wishes)}


def timed(runs: int, call) -> tuple[float, float]:
    call()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="build the demo database once, in this folder")
    opts = parser.parse_args()

    from station_desk.core import db
    from station_desk.core.clock import today
    from station_desk.core.models import Activity, ActivityParticipant, Project, Staff, Wish
    from station_desk.core.services import accounts
    from station_desk.core.services import activities as act
    from station_desk.core.services import wishes as ws
    from station_desk.core.store import open_store

    try:
        from station_desk.core.reports import project_report
        from station_desk.core.services import activity_exports
    except ImportError:  # the printouts are not there yet
        activity_exports = project_report = None

    with tempfile.TemporaryDirectory(prefix="bench-activities-") as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        source = folder / "activities.sqlite3"
        if not source.exists():
            start = time.perf_counter()
            make_demo(source)
            open_store(db.resolve(source))
            head = accounts.actor_for(Staff.get(Staff.role == "head"))
            added = fill(head, random.Random(11))
            db.close()
            print(f"station built in {time.perf_counter() - start:.1f} s (added {added})")
        work = Path(tmp) / "run.sqlite3"
        shutil.copy(source, work)
        open_store(db.resolve(work))
        head = accounts.actor_for(Staff.get(Staff.role == "head"))
        year = today().year
        first = dt.date(year, 1, 1)
        held = Activity.select().where((Activity.status == "held") & (Activity.held_on >= first))
        print(f"this year: {held.count()} activities held, "
              f"{ActivityParticipant.select().join(Activity).where(Activity.held_on >= first).count()}"
              f" participations, {Wish.select().where(Wish.placed_on >= first).count()} wishes")

        figures: dict[str, tuple[float, float]] = {}
        result = {}

        def year_figures():
            result["year"] = act.year_figures(head, year)
            result["wishes"] = ws.figures(head, year)

        figures["year"] = timed(opts.runs, year_figures)
        project = max(Project.select(), key=lambda p: Activity.select().where(
            Activity.project == p.id).count())

        def progress():
            result["progress"] = act.project_progress(head, project.id)

        figures["progress"] = timed(opts.runs, progress)
        if activity_exports is not None:
            def report():
                data = activity_exports.project_report_data(head, project.id)
                result["rows"] = activity_exports.export_project(head, project.id,
                                                                 Path(tmp) / "project.xlsx")
                project_report.build(data, Path(tmp) / "project.pdf")

            figures["report"] = timed(max(3, opts.runs // 3), report)
        db.close()

    fig, wish, prog = result["year"], result["wishes"], result["progress"]
    print(f"year {year}: {fig.activities} activities, {fig.person_times} person-times, "
          f"{fig.volunteer_times} volunteer times ({fig.volunteer_hours} h), "
          f"{len(fig.by_village)} villages; wishes placed {wish.placed}, adopted {wish.adopted}, "
          f"fulfilled {wish.fulfilled}, average rating {wish.average_rating}")
    print(f"project {project.name}: {prog.activities} activities, {prog.participants} "
          f"person-times, {prog.families} families, {prog.services} services, {prog.cases} cases"
          + (f"; workbook rows {result['rows']}" if "rows" in result else ""))
    for name, (low, middle) in figures.items():
        target = TARGETS[name]
        verdict = "ok" if middle <= target else "OVER"
        print(f"{name:9} min {low * 1000:.0f} ms, median {middle * 1000:.0f} ms "
              f"(target {target * 1000:.0f} ms)  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
