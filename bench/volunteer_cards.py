"""How long a 1,000-card QR sheet PDF takes (target <= 3 s): 100 A4 pages of 10 cards.

Times ``volunteer_cards.build`` on 1,000 volunteers with real-looking names, teams, numbers
and random card tokens, in a fresh process (font registration included, as the first print
of a session pays it), and, optionally, ``gather`` from a store of that size.
Prints the median of N runs (default 3).

    python bench/volunteer_cards.py [--cards 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志红梅"
TEAMS = ("党员先锋队", "巾帼志愿队", "青年志愿队", "银龄志愿队", "医疗志愿队", "法律服务队")


def one_run(cards: int, out: Path) -> float:
    """Build the sheet in this process; seconds from the import of the report module."""
    start = time.perf_counter()
    from station_desk.core.reports import volunteer_cards as vc

    rng = random.Random(7)
    lines = tuple(
        vc.CardLine(i, rng.choice(SURNAMES) + "".join(rng.choice(GIVEN)
                                                      for _ in range(rng.choice((1, 2)))),
                    rng.choice(TEAMS), f"44011{rng.randrange(10**9):09d}",
                    secrets.token_urlsafe(16))
        for i in range(1, cards + 1))
    vc.build(vc.CardSheet("石滩镇第一社工服务站", lines), out)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help="keep the PDF of the last run here")
    args = parser.parse_args()
    if args.child:
        print(one_run(args.cards, args.out))
        return 0
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            out = args.out if (args.out and run == args.runs - 1) else Path(folder) / "cards.pdf"
            done = subprocess.run([sys.executable, __file__, "--child", "--cards", str(args.cards),
                                   "--out", str(out)], check=True, capture_output=True, text=True)
            times.append(float(done.stdout.strip()))
            size = out.stat().st_size
    median = statistics.median(times)
    print(f"{args.cards} cards ({-(-args.cards // 10)} pages, {size / 1e6:.1f} MB): "
          f"median {median:.2f} s of {args.runs} runs "
          f"({', '.join(f'{t:.2f}' for t in times)}); target <= 3 s: "
          f"{'OK' if median <= 3 else 'MISSED'}")
    return 0 if median <= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
