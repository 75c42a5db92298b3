"""Case work at scale (issue 10 targets): 5,000 cases and 100,000 service records.

Builds a demo station (its 1,426 households, no volunteers or stock) and adds 5,000 cases
spread over the social workers, households and the last two years, in every stage, with
about 100,000 service records, assessments, plans, referrals and follow-ups, written with
insert_many and the derived fields (last_record_on, follow_up_on) set as the services
would; then one case through the services with 40 records, as its social worker. Times,
as the median of N runs after a warm-up:
  list   cases.list_cases with each filter, as the head (every case) and as a social worker
         (their own)                                               target <= 50 ms
  get    cases.get_case with its timeline, for the 40-record case  target <= 100 ms
  file   case_exports.case_file_data + case_file.build of that case target <= 200 ms
and, for scale, the caseload sheet and the month's figures.

    python bench/cases.py [--runs 7] [--keep DIR]

--keep DIR builds the database once into DIR and reuses it on later runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from station_desk.core import db, demo  # noqa: E402
from station_desk.core.clock import stamp, today  # noqa: E402
from station_desk.core.models import (  # noqa: E402
    CASE_NEEDS,
    CASE_SOURCES,
    RECORD_KINDS,
    RISK_LEVELS,
    Case,
    CaseAssessment,
    CaseFollowUp,
    CasePlan,
    CaseRecord,
    CaseReferral,
    Household,
    Member,
    Staff,
)
from station_desk.core.services import accounts  # noqa: E402
from station_desk.core.services import cases as cs  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402

CASES = 5_000
RECORDS = 100_000
TARGET_MS = {"list": 50.0, "get": 100.0, "file": 200.0}
PHRASES = ("入户探访，老人精神尚可", "电话跟进临时救助审批进度", "陪同到镇卫生院复查",
           "与村委会沟通低保申请材料", "链接志愿者每周上门陪伴", "开展情绪疏导，家属在场",
           "协助办理残疾人两项补贴", "与学校老师沟通孩子在校情况", "送去米油等生活物资",
           "讲解医保报销政策，协助整理票据")


def _rows(rng: random.Random, on: dt.date) -> None:
    """5,000 cases with records, assessments, plans, referrals and follow-ups."""
    households = [h for (h,) in Household.select(Household.id).tuples()]
    workers = [w for (w,) in Staff.select(Staff.id).where(
        Staff.role == "social_worker").tuples()]
    at = stamp()
    cases, plans, assessments = [], [], []
    for n in range(CASES):
        opened = on - dt.timedelta(days=rng.randrange(5, 730))
        status = rng.choices(cs.CASE_STATUSES, (8, 8, 10, 30, 8, 36))[0]
        closed = None
        if status == "closed":
            closed = min(on, opened + dt.timedelta(days=rng.randrange(30, 300)))
        cases.append({
            "household": households[n % len(households)], "social_worker": rng.choice(workers),
            "opened_on": opened, "source": rng.choice(CASE_SOURCES),
            "problem": rng.choice(PHRASES) + "，需持续跟进", "status": status,
            "risk": rng.choice(RISK_LEVELS), "closed_on": closed,
            "close_reason": "目标达成" if closed else "", "goals_met": "met" if closed else "",
            "created_at": at, "updated_at": at})
    with db.write_transaction():
        for start in range(0, CASES, 500):
            Case.insert_many(cases[start:start + 500]).execute()
        ids = [(cid, opened, closed) for cid, opened, closed in Case.select(
            Case.id, Case.opened_on, Case.closed_on).tuples()]
        records = []
        for index in range(RECORDS):
            cid, opened, closed = ids[index % len(ids)]
            opened = cs._as_date(opened)
            last = cs._as_date(closed) or on
            span = max(1, (last - opened).days)
            records.append({
                "case": cid, "served_on": opened + dt.timedelta(days=rng.randrange(span)),
                "kind": rng.choice(RECORD_KINDS), "minutes": rng.choice((15, 30, 45, 60, 90)),
                "workers": "黄海燕", "content": "；".join(rng.sample(PHRASES, 2)),
                "created_at": at})
        for start in range(0, len(records), 1000):
            CaseRecord.insert_many(records[start:start + 1000]).execute()
        for cid, opened, _closed in ids:
            opened = cs._as_date(opened)
            assessments.append({"case": cid, "assessed_on": opened, "living": "独居",
                                "needs": ",".join(rng.sample(CASE_NEEDS, 2)), "risk": "medium",
                                "created_at": at})
            plans.append({"case": cid, "made_on": opened, "goals": "改善生活状况",
                          "created_at": at})
        for start in range(0, len(ids), 500):
            CaseAssessment.insert_many(assessments[start:start + 500]).execute()
            CasePlan.insert_many(plans[start:start + 500]).execute()
        CaseReferral.insert_many([
            {"case": cid, "unit": "镇卫生院", "purpose": "上门随访", "referred_on": cs._as_date(o),
             "created_at": at} for cid, o, _c in ids[::5]]).execute()
        follow = [{"case": cid, "due_on": cs._add_months(cs._as_date(c), months)}
                  for cid, _o, c in ids if c for months in (1, 3)]
        for start in range(0, len(follow), 500):
            CaseFollowUp.insert_many(follow[start:start + 500]).execute()
        # the derived fields, as cases._refresh keeps them
        db.database.execute_sql(
            'UPDATE "case" SET last_record_on = (SELECT MAX(served_on) FROM case_record r '
            'WHERE r.case_id = "case".id)')
        db.database.execute_sql(
            'UPDATE "case" SET follow_up_on = (SELECT MIN(due_on) FROM case_follow_up f '
            'WHERE f.case_id = "case".id AND f.done_on IS NULL) WHERE status = \'closed\'')


def _rich_case(on: dt.date) -> int:
    """A case with two assessments, a plan, 40 records (one corrected), a referral; through
    the services, as its social worker."""
    staff = Staff.get(Staff.username == "huanghaiyan")
    worker = accounts.actor_for(staff)
    member = (Member.select().join(Household)
              .where(Household.social_worker == staff.id).order_by(Member.id.desc()).first())
    case = cs.open_case(worker, cs.CaseInput(
        member.household_id, "独居老人，术后行动不便，情绪低落，医药费负担重",
        member_id=member.id, opened_on=on - 200 * dt.timedelta(1), social_worker_id=staff.id,
        risk="high"))
    for back in (199, 120):
        cs.assess(worker, case.id, cs.AssessmentInput(
            assessed_on=on - dt.timedelta(back), living="独居，儿子在外务工，每月回来一次",
            health="高血压、糖尿病，髋关节术后恢复期", medication="每日服降压药和降糖药",
            self_care="部分自理，洗澡需要协助", emotion="情绪低落，常说拖累家人",
            economy="低保边缘户，医药费自付部分较重", support="邻居偶尔照应，村委会关注",
            needs=["care", "medical", "counselling", "policy"], needs_note="先解决医药费",
            risk="high"))
    cs.save_plan(worker, case.id, cs.PlanInput(
        "一、协助申请临时救助和医疗救助；二、链接志愿者每周上门陪伴；三、每两周探访，疏导情绪",
        [cs.ActionInput(f"服务行动 {n}：" + PHRASES[n], "黄海燕", on - dt.timedelta(100 - n))
         for n in range(6)], partners="社区民政专干\n镇卫生院\n区残联",
        made_on=on - dt.timedelta(118)))
    first = None
    for n in range(40):
        record = cs.add_record(worker, case.id, cs.RecordInput(
            f"第{n + 1}次服务：" + "；".join(PHRASES[(n + k) % len(PHRASES)] for k in range(3))
            + "。老人表示感谢，约定下次探访时间。", served_on=on - dt.timedelta(115 - 2 * n),
            kind=RECORD_KINDS[n % len(RECORD_KINDS)], minutes=30 + n % 4 * 15,
            workers="黄海燕", volunteers="张志愿" if n % 3 == 0 else "",
            corrects_id=first.id if n == 5 and first else None))
        first = first or record
    cs.refer(worker, case.id, "镇社会事务办", "临时救助审批", on - dt.timedelta(60))
    return case.id


def build(path: Path) -> tuple[float, int]:
    open_store(db.resolve(path), create=True)
    start = time.perf_counter()
    demo.fill(volunteers=0, movements=0)
    _rows(random.Random(2026), today())
    rich = _rich_case(today())
    return time.perf_counter() - start, rich


def median_ms(runs: int, once: Callable[[], object]) -> float:
    once()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the database once into this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        where = args.keep or Path(folder)
        where.mkdir(parents=True, exist_ok=True)
        path = where / "cases-bench.sqlite3"
        if path.exists():
            open_store(db.resolve(path))
            rich = Case.select(Case.id).order_by(Case.id.desc()).scalar()
            print(f"reusing {path}")
        else:
            seconds, rich = build(path)
            print(f"built {path} in {seconds:.1f} s")
        return _time(args.runs, rich)


def _time(runs: int, rich: int) -> int:
    from station_desk.core.models import Village
    from station_desk.core.reports import case_file, caseload
    from station_desk.core.services import case_exports

    head = accounts.actor_for(Staff.get(Staff.role == "head"))
    worker_row = Staff.get(Staff.username == "huanghaiyan")
    worker = accounts.actor_for(worker_row)
    village = Village.select(Village.id).where(Village.kind != "town").scalar()
    print(f"{Case.select().count():,} cases, {CaseRecord.select().count():,} service records; "
          f"case #{rich} has {CaseRecord.select().where(CaseRecord.case == rich).count()} records")
    missed = 0

    def show(name: str, ms: float, target: float | None, rows: int | str = "") -> None:
        nonlocal missed
        verdict = ""
        if target is not None:
            verdict = f"target <= {target:g} ms: {'ok' if ms <= target else 'MISSED'}"
            missed += ms > target
        print(f"  {pad(name, 48)} {ms:8.1f} ms  {str(rows):>6}  {verdict}")

    print("list_cases (rows)")
    queries = [("head: open (default)", head, cs.CaseQuery()),
               ("head: all", head, cs.CaseQuery(status="all")),
               ("head: closed", head, cs.CaseQuery(status="closed")),
               *[(f"head: stage {s}", head, cs.CaseQuery(status=s)) for s in cs.OPEN_STAGES],
               ("head: risk high", head, cs.CaseQuery(risk="high")),
               ("head: due only", head, cs.CaseQuery(due_only=True)),
               ("head: due only, all statuses", head, cs.CaseQuery(status="all", due_only=True)),
               ("head: one village", head, cs.CaseQuery(village_id=village)),
               ("head: one social worker", head, cs.CaseQuery(social_worker_id=worker_row.id)),
               ("head: text 卫生院", head, cs.CaseQuery(status="all", text="卫生院")),
               ("head: text 王", head, cs.CaseQuery(status="all", text="王")),
               ("worker: own open", worker, cs.CaseQuery()),
               ("worker: own all", worker, cs.CaseQuery(status="all")),
               ("worker: own due", worker, cs.CaseQuery(due_only=True))]
    for name, actor, query in queries:
        rows = len(cs.list_cases(actor, query))
        show(name, median_ms(runs, lambda a=actor, q=query: cs.list_cases(a, q)),
             TARGET_MS["list"], rows)
    print("one case")
    show("get_case with its timeline (40 records)", median_ms(runs, lambda: cs.get_case(worker, rich)),
         TARGET_MS["get"])
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "case.pdf"
        show("case file: data + PDF (40 records)", median_ms(runs, lambda: case_file.build(
            case_exports.case_file_data(worker, rich), out)), TARGET_MS["file"])
        data = case_exports.case_file_data(worker, rich)
        show("case file: PDF only", median_ms(runs, lambda: case_file.build(data, out)), None)
        on = today()
        show("caseload sheet: data + PDF (one worker, month)", median_ms(runs, lambda: caseload.build(
            case_exports.caseload_data(head, worker_row.id, on.year, on.month), out)), None,
            len(case_exports.caseload_data(head, worker_row.id, on.year, on.month).rows))
        xlsx = Path(folder) / "figures.xlsx"
        show("figures workbook (month)", median_ms(runs, lambda: case_exports.export_figures(
            head, on.year, on.month, xlsx)), None)
    print("all targets met" if not missed else f"{missed} targets MISSED")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
