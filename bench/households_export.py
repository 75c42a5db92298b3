"""How long the household ledger export (服务对象台账) and the visit sheets take at district scale.

Builds a database of N households (default 12,580, the Haidian ledger) with about 2.4
members each: through ``demo.fill(households=N)`` when the demo has that option, otherwise
the demo station plus rows generated here and written with insert_many (valid ID numbers,
categories, visits, open needs). Then, each the median of N runs (default 3):

  export_ledger (in-process)   every household, masked; and with --full-ids
  export households (CLI)      `python -m station_desk --db FILE export households --status all`
  visit sheets (in-process)    gather + build for one village (about 480 households)
  print visit-sheets --due     the whole command: one social worker's households due for a
                               visit (--all-due: the whole station's, about 1,000 pages)

    python bench/households_export.py [--households 12580] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

from station_desk.core import db, demo, search  # noqa: E402
from station_desk.core.clock import stamp  # noqa: E402
from station_desk.core.models import (  # noqa: E402
    Category,
    Household,
    HouseholdCategory,
    Member,
    Need,
    Staff,
    Tier,
    Village,
)
from station_desk.core.roles import CLI_ACTOR  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆汪范廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志明海燕淑婷嘉慧晓梅俊杰永强金凤玉兰文斌家明小红国强丽云伟东秀琴志伟子豪"
STREETS = ("东街", "西街", "南街", "北街", "大道", "新村", "老村", "一巷", "二巷", "三巷")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(birth: dt.date, serial: int, male: bool) -> str:
    seq = serial % 500 * 2 + (1 if male else 0)
    body = f"440118{birth:%Y%m%d}{seq:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def fill(count: int, seed: int = 2026) -> None:
    """The demo station, then ``count`` households (via the demo if it can make them)."""
    if "households" in inspect.signature(demo.fill).parameters:
        demo.fill(seed=seed, households=count)
        return
    demo.fill(seed=seed)
    rng = random.Random(seed)
    today = dt.date.today()
    villages = list(Village.select().where(Village.kind == "village"))
    tiers = list(Tier.select())
    categories = [c.id for c in Category.select()]
    now = stamp()
    used_births: dict[tuple[dt.date, bool], int] = {}

    def person_number(birth: dt.date, male: bool) -> str:
        serial = used_births.get((birth, male), 0)
        used_births[(birth, male)] = serial + 1
        return id_number(birth, serial, male)

    households, members, links, needs = [], [], [], []
    for hid in range(1, count + 1):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        village = rng.choice(villages)
        tier = rng.choice(tiers)
        phone = rng.choice(("138", "139", "135", "186", "150")) + f"{rng.randrange(10**8):08d}"
        registered = today - dt.timedelta(days=rng.randrange(60, 1500))
        last = today - dt.timedelta(days=rng.randrange(1, 200)) if rng.random() < 0.8 else None
        status = "active" if rng.random() < 0.94 else rng.choice(("moved", "deceased", "closed"))
        due = ((last or registered) + dt.timedelta(days=tier.visit_interval_days)
               if status == "active" else None)
        address = f"{village.name}{rng.choice(STREETS)}{rng.randrange(1, 200)}号"
        group = [(name, "户主")] + [(rng.choice(SURNAMES) + rng.choice(GIVEN), rng.choice(
            ("配偶", "子女", "孙子女", "父母"))) for _ in range(rng.choice((0, 1, 1, 2, 2, 3)))]
        numbers = []
        for order, (member_name, relation) in enumerate(group):
            male = rng.random() < 0.5
            birth = dt.date(rng.randrange(1935, 2020), rng.randrange(1, 13), rng.randrange(1, 29))
            number = person_number(birth, male)
            numbers.append(number)
            members.append({"household": hid, "name": member_name, "relation": relation,
                            "gender": "male" if male else "female", "birthdate": birth,
                            "id_number": number, "phone": phone if order == 0 else "",
                            "sort_order": order})
        households.append({
            "id": hid, "head_name": name, "head_initials": search.initials(name),
            "village": village.id, "address": address, "phone": phone, "tier": tier.id,
            "social_worker": village.social_worker_id, "status": status,
            "registered_on": registered, "last_visit_on": last, "due_on": due,
            "search_text": search.search_text([m for m, _ in group], [address, phone, *numbers]),
            "created_at": now, "updated_at": now, "notes": "需重点关注" if hid % 17 == 0 else ""})
        links += [{"household": hid, "category": c}
                  for c in rng.sample(categories, rng.choice((1, 1, 2)))]
        if rng.random() < 0.1:
            needs.append({"household": hid, "source": "visit", "content": "申请临时救助，屋顶漏水",
                          "status": "new", "raised_on": today, "created_at": now})
    with db.write_transaction():
        for model, rows in ((Household, households), (Member, members),
                            (HouseholdCategory, links), (Need, needs)):
            for start in range(0, len(rows), 2000):
                model.insert_many(rows[start:start + 2000]).execute()


def median(runs: int, once: Callable[[], float]) -> float:
    return statistics.median(once() for _ in range(runs))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run_cli(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "station_desk", *args], env=env, cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"station-desk {' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=12580)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--all-due", action="store_true",
                        help="print every due household's sheet, not one social worker's")
    opts = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STATION_DESK_LANG": "en"}
    env.pop("STATION_DESK_DB", None)

    from station_desk.core.reports import visit_sheets
    from station_desk.core.services import household_exports as exports
    from station_desk.core.services.households import HouseholdQuery

    with tempfile.TemporaryDirectory(prefix="bench-households-export-") as tmp:
        work = Path(tmp)
        path = work / "station.sqlite3"
        open_store(db.resolve(path), create=True)
        start = time.perf_counter()
        fill(opts.households)
        fill_s = time.perf_counter() - start
        households = Household.select().count()
        members = Member.select().count()
        everyone = HouseholdQuery(status=None, sort="village")
        out = work / "ledger.xlsx"
        rows = exports.export_ledger(CLI_ACTOR, everyone, out)  # warm: imports, caches
        masked_s = median(opts.runs, lambda: timed(
            lambda: exports.export_ledger(CLI_ACTOR, everyone, out)))
        size_mb = out.stat().st_size / 1024 / 1024
        gather_s = median(opts.runs, lambda: timed(
            lambda: exports.ledger_data(CLI_ACTOR, everyone)))
        full_s = median(opts.runs, lambda: timed(
            lambda: exports.export_ledger(CLI_ACTOR, everyone, out, full_ids=True)))
        village = Village.select().where(Village.kind == "village").first()
        ids = exports.visit_sheet_ids(CLI_ACTOR, village_id=village.id)
        sheet_out = work / "sheets.pdf"

        def one_village() -> None:
            visit_sheets.build(exports.visit_sheet_data(CLI_ACTOR, ids), sheet_out)

        sheets_s = median(opts.runs, lambda: timed(one_village))
        from pypdfium2 import PdfDocument

        sheet_pages = len(PdfDocument(str(sheet_out)))
        worker = None if opts.all_due else Staff.get_by_id(village.social_worker_id)
        due = len(exports.visit_sheet_ids(CLI_ACTOR, due=True,
                                          social_worker_id=worker.id if worker else None))
        who = ["--worker", worker.username] if worker else []
        db.close()

        cli_s = median(opts.runs, lambda: run_cli(
            ["--db", str(path), "export", "households", "--out", str(out), "--status", "all"], env))
        cli_full_s = median(opts.runs, lambda: run_cli(
            ["--db", str(path), "--full-ids", "export", "households", "--out", str(out),
             "--status", "all"], env))
        due_s = median(opts.runs, lambda: run_cli(
            ["--db", str(path), "print", "visit-sheets", "--due", *who, "--out", str(sheet_out)],
            env))
        due_pages = len(PdfDocument(str(sheet_out)))

    figures = [
        (f"build the database ({households} households, {members} members)", f"{fill_s:.2f} s"),
        (f"export_ledger, masked ({rows} rows, {size_mb:.2f} MB)", f"{masked_s:.3f} s"),
        ("  of which gathering (ledger_data)", f"{gather_s:.3f} s"),
        ("export_ledger, --full-ids (audited)", f"{full_s:.3f} s"),
        ("CLI export households --status all", f"{cli_s:.3f} s"),
        ("CLI --full-ids export households --status all", f"{cli_full_s:.3f} s"),
        (f"visit sheets, one village ({len(ids)} households, {sheet_pages} pages)",
         f"{sheets_s:.3f} s"),
        (f"CLI print visit-sheets --due {' '.join(who)} ({due} households, {due_pages} pages)",
         f"{due_s:.3f} s"),
    ]
    print(f"household exports: median of {opts.runs} runs, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    width = max(len(name) for name, _ in figures)
    for name, value in figures:
        print(f"  {name:<{width}}  {value:>9}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
