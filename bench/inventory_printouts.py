"""How long the inventory printouts take (target: a receipt PDF <= 100 ms in a warm process).

Builds, from plain data in one process: the first receipt (font registration and the
capital-numerals import included, as the first print of a session pays them), then the
median of N warm receipts (a typical donation: 4 lines of goods and cash), a 40-line
receipt, and, for scale, 200 thank-you letters, an 80-item count sheet and a 500-row
sign-off sheet. With ``--db`` it also times ``acknowledgement_data`` + build on a store.

    python bench/inventory_printouts.py [--runs 20] [--db station.sqlite3 --donation ID]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

DAY = dt.date(2026, 11, 23)


def _ack(lines: int):
    from station_desk.core.services.donations import AcknowledgementData, DonationLine

    goods = tuple(DonationLine(i, f"物资{i:02d}（规格{i}）", "箱", 3 + i,
                               None if i % 7 == 3 else 1000 + 37 * i, None)
                  for i in range(lines))
    return AcknowledgementData(
        number="2026-0042", station="石滩镇第一社工服务站", organisation="广州市启航社会工作服务中心",
        station_phone="020-82901234", station_address="增城区石滩镇沿江大道38号",
        donor_name="石滩粮油有限公司", donor_kind="enterprise", donor_contact="李经理 13912345678",
        received_on=DAY, lines=goods,
        goods_value_fen=sum(line.value_fen or 0 for line in goods), cash_fen=120000,
        purpose="春节慰问困难家庭", clerk="黄海燕", head="刘丽萍", issued_on=DAY, void=False)


def _timed(fn, runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", type=Path, help="a station database to read a donation from")
    parser.add_argument("--donation", type=int, default=1)
    args = parser.parse_args()

    start = time.perf_counter()
    from station_desk.core.reports import acknowledgement

    typical, long = _ack(4), _ack(40)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.pdf"
        acknowledgement.build(typical, out)
        print(f"first receipt (imports, font, cn2an): {1000 * (time.perf_counter() - start):7.1f} ms")
        warm = _timed(lambda: acknowledgement.build(typical, out), args.runs)
        print(f"receipt, 4 lines + cash, warm:        {1000 * warm:7.1f} ms (median of {args.runs})"
              f"   target <= 100 ms: {'ok' if warm <= 0.1 else 'MISSED'}")
        print(f"receipt, 40 lines (3 sheets), warm:   "
              f"{1000 * _timed(lambda: acknowledgement.build(long, out), 5):7.1f} ms")
        _scale(out)
        if args.db:
            _from_store(args.db, args.donation, out, args.runs)
    return 0


def _scale(out: Path) -> None:
    from station_desk.core.reports import count_sheet, sign_off, thanks
    from station_desk.core.services.donations import DonationLine, DonationRow, ThanksData
    from station_desk.core.services.stock import CountSheetRow
    from station_desk.core.services.stock_sheets import SignOffData, SignOffRow

    rows = tuple(DonationRow(i, DAY, 1, "石滩粮油有限公司", "enterprise", f"2026-{i:04d}", 10000, 2000,
                             "", "黄海燕", False,
                             (DonationLine(1, "大米（10kg）", "袋", 2, 5000, None),))
                 for i in range(3))
    letters = [ThanksData(f"捐赠单位{i:03d}", "enterprise", dt.date(2026, 1, 1), DAY, rows,
                          "石滩镇第一社工服务站", "广州市启航社会工作服务中心", "020-82901234",
                          "刘丽萍", DAY) for i in range(200)]
    print(f"200 thank-you letters:                {1000 * _timed(lambda: thanks.build(letters, out)):7.1f} ms")
    items = [CountSheetRow(i, f"物资{i:02d}（规格）", "箱", "日用品", None, i) for i in range(80)]
    print(f"count sheet, 80 items:                "
          f"{1000 * _timed(lambda: count_sheet.build(items, out, station='石滩站', on=DAY)):7.1f} ms")
    sheet = SignOffData("石滩镇第一社工服务站", DAY, DAY, tuple(
        SignOffRow("麻车村", f"王{i}", "大米（10kg）2袋、食用油（5L）1桶", DAY) for i in range(500)))
    print(f"sign-off sheet, 500 rows:             "
          f"{1000 * _timed(lambda: sign_off.build(sheet, out)):7.1f} ms")


def _from_store(path: Path, donation: int, out: Path, runs: int) -> None:
    from station_desk.core import db
    from station_desk.core.reports import acknowledgement
    from station_desk.core.roles import CLI_ACTOR
    from station_desk.core.services import donations
    from station_desk.core.store import open_store

    open_store(db.resolve(path))

    def read_and_build():
        acknowledgement.build(donations.acknowledgement_data(CLI_ACTOR, donation), out)

    print(f"receipt read from the store + built:  {1000 * _timed(read_and_build, runs):7.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
