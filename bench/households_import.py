"""How long `station-desk import households` takes on a district's ledger, as whole commands.

Builds, in a temp folder, a demo station (`station-desk demo`) and a workbook the way a
civil affairs office sends one: a merged title row, a two-level merged header (户主信息 |
家庭成员), 12,580 households with their members on the rows under the head (about 27,689
rows), some full-width digits and stray spaces. Then times, as whole processes (interpreter
start, reading, checking, writing, exit), the median of N runs (default 3) of

  dry run   `station-desk --db DEMO import households FILE --dry-run`
  import    `station-desk --db COPY import households FILE`, each run on a fresh copy of
            the demo database (so each one adds all 12,580 households)
  re-import the same command once more on an imported copy: every household unchanged

and prints the figures. The target (issue 5) is 3 s for each.

    python bench/households_import.py [--runs 3] [--households 12580] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

from station_desk.core.demo import PEOPLE, VILLAGES  # noqa: E402

TARGET_S = 3.0
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程钟"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红金凤建国志文海燕春梅德福"
RELATIONS = ("配偶", "儿子", "女儿", "孙子", "孙女", "父亲", "母亲", "儿媳")
CATEGORIES = ("低保", "低保边缘", "特困供养", "独居老人", "空巢老人", "高龄老人", "残疾人",
              "困境儿童", "重度残疾人", "临时救助")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(region: str, born: str, serial: int) -> str:
    body = f"{region}{born}{serial:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def build_workbook(path: Path, households: int, taken: set[str], seed: int = 2026) -> int:
    """Write the ledger; returns the number of data rows."""
    import xlsxwriter

    rng = random.Random(seed)
    workers = [name for _u, name, role in PEOPLE if role == "social_worker"]
    used = set(taken)
    # A region code the demo station does not use, so no number clashes with one on file.
    regions = ("440112", "440113", "440114", "440115")

    def new_id(year: int) -> str:
        while True:
            born = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            number = id_number(rng.choice(regions), born, rng.randint(1, 999))
            if number not in used:
                used.add(number)
                return number

    def name() -> str:
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))

    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("困难群众花名册")
    bold = workbook.add_format({"bold": True, "align": "center", "border": 1})
    sheet.merge_range(0, 0, 0, 13, "石滩镇困难群众（一户一档）花名册", bold)
    sheet.merge_range(1, 0, 2, 0, "序号", bold)
    sheet.merge_range(1, 1, 1, 3, "户主信息", bold)
    sheet.merge_range(1, 4, 1, 8, "家庭成员", bold)
    for col, title in ((9, "所属村(社区)"), (10, "家庭住址"), (11, "人员类别"), (12, "分级"),
                       (13, "责任社工")):
        sheet.merge_range(1, col, 2, col, title, bold)
    for col, title in enumerate(("姓名", "身份证号码", "联系电话", "姓名", "与户主关系",
                                 "身份证号码", "出生日期", "残疾类别及等级"), start=1):
        sheet.write_string(2, col, title, bold)
    row = 3
    for number in range(1, households + 1):
        head = name()
        head_id = new_id(rng.randint(1930, 1975))
        phone = f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}"
        if number % 50 == 0:
            phone = phone.translate(FULL_WIDTH)  # typed on a Chinese keyboard
        village = VILLAGES[number % len(VILLAGES)]
        sheet.write_number(row, 0, number)
        sheet.write_string(row, 1, head if number % 37 else " ".join(head))  # 张 三
        sheet.write_string(row, 2, head_id if number % 41 else head_id.translate(FULL_WIDTH))
        sheet.write_string(row, 3, phone)
        sheet.write_string(row, 4, head)
        sheet.write_string(row, 5, "户主")
        sheet.write_string(row, 6, head_id)
        sheet.write_string(row, 9, village)
        sheet.write_string(row, 10, f"{village}{rng.randint(1, 12)}队{rng.randint(1, 99)}号")
        sheet.write_string(row, 11, "、".join(rng.sample(CATEGORIES, rng.choice((1, 1, 2)))))
        sheet.write_string(row, 12, rng.choice(("一级", "二级", "三级", "四级", "3", "4")))
        sheet.write_string(row, 13, workers[number % len(workers)])
        row += 1
        # 15,109 members for 12,580 heads: about 1.2 a household, so 27,689 rows in all.
        for _ in range(rng.choices((0, 1, 2, 3), weights=(35, 25, 25, 15))[0]):
            year = rng.randint(1950, 2020)
            sheet.write_string(row, 4, name())
            sheet.write_string(row, 5, rng.choice(RELATIONS))
            sheet.write_string(row, 6, new_id(year))
            if rng.random() < 0.05:
                sheet.write_string(row, 8, rng.choice(("肢体二级", "视力一级", "智力 三级")))
            row += 1
    workbook.close()
    return row - 3


def run(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "station_desk", *args], cwd=ROOT,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"station-desk {' '.join(args)} failed ({done.returncode}):\n"
                         f"{done.stderr[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--households", type=int, default=12580)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="station-import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        demo_db = work / "demo.sqlite3"
        if not demo_db.exists():
            run(["--db", str(demo_db), "demo"])
        with sqlite3.connect(demo_db) as con:
            taken = {n for (n,) in con.execute("SELECT id_number FROM member WHERE id_number IS NOT NULL")}
            on_file = con.execute("SELECT COUNT(*) FROM household").fetchone()[0]
        ledger = work / "ledger.xlsx"
        start = time.perf_counter()
        rows = build_workbook(ledger, options.households, taken)
        built = time.perf_counter() - start
        print(f"workbook: {options.households} households, {rows} rows, "
              f"{ledger.stat().st_size / 1e6:.1f} MB, built in {built:.1f} s; "
              f"demo database: {on_file} households on file")
        command = ["import", "households", str(ledger)]
        dry = [run(["--db", str(demo_db), *command, "--dry-run"]) for _ in range(options.runs)]
        real = []
        for i in range(options.runs):
            copy = work / f"import-{i}.sqlite3"
            shutil.copyfile(demo_db, copy)
            real.append(run(["--db", str(copy), *command]))
        again = run(["--db", str(work / "import-0.sqlite3"), *command])
        with sqlite3.connect(work / "import-0.sqlite3") as con:
            households = con.execute("SELECT COUNT(*) FROM household").fetchone()[0]
            members = con.execute("SELECT COUNT(*) FROM member").fetchone()[0]
        print(f"after the import: {households} households, {members} members on file")
        for label, times in (("dry run", dry), ("import", real), ("re-import", [again])):
            median = statistics.median(times)
            verdict = "ok" if median <= TARGET_S else f"OVER the {TARGET_S:.0f} s target"
            print(f"{label:<10} {median:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})"
                  f"  {verdict}")
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
