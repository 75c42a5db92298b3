"""3,500 personalised wallet policy cards against the bare reportlab floor (issue #8 targets).

Target: ``policy_cards.build`` takes <= 1.5 × the time of ``policy_cards_floor.floor`` (a bare
canvas script drawing the same cards with the same font, page and amount of text, no fitting)
measured in the same process, and <= 3 s. Both run alternately, N times each (default 5),
after one small warm-up of each so neither pays the font registration; the card module's
fitting caches are cleared before each of its runs, so every run fits the texts afresh.
Prints the medians and the ratio.

    python bench/policy_cards.py [--cards 3500] [--runs 5] [--out cards.pdf]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # time the checkout's code, installed or not
sys.path.insert(0, str(HERE))

from policy_cards_floor import SAMPLES, floor, households  # noqa: E402

from station_desk.core.reports import policy_cards as pc  # noqa: E402


def cards_for(people) -> list[pc.Card]:
    texts = [pc.CardText(**sample) for sample in SAMPLES]
    return [pc.Card(texts[index], pc.CardBack(name, worker, phone))
            for index, name, worker, phone in people]


def ours(cards, out) -> float:
    pc._plan.cache_clear()  # noqa: SLF001 (a cold fit every run)
    pc.wrap.cache_clear()
    pc._WIDTHS.clear()  # noqa: SLF001
    start = time.perf_counter()
    pc.build(cards, out, layout="wallet", station="石滩镇第一社工服务站")
    return time.perf_counter() - start


def bare(n, people, out) -> float:
    start = time.perf_counter()
    floor(n, out, people)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=3500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, help="keep our PDF of the last run here")
    args = parser.parse_args()
    people = households(args.cards)
    cards = cards_for(people)
    with tempfile.TemporaryDirectory() as folder:
        mine, theirs = Path(folder) / "cards.pdf", Path(folder) / "floor.pdf"
        ours(cards[:20], mine)  # warm-up: registers the fonts, imports reportlab
        bare(20, people[:20], theirs)
        times_ours, times_floor = [], []
        for run in range(args.runs):
            out = args.out if (args.out and run == args.runs - 1) else mine
            times_floor.append(bare(args.cards, people, theirs))
            times_ours.append(ours(cards, out))
        sizes = ((args.out or mine).stat().st_size, theirs.stat().st_size)
    t_ours, t_floor = statistics.median(times_ours), statistics.median(times_floor)
    ratio = t_ours / t_floor
    sheets = -(-args.cards // pc.PER_SHEET)
    print(f"{args.cards} personalised wallet cards ({sheets} sheets, {2 * sheets} pages)")
    print(f"  policy_cards.build: median {t_ours:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times_ours)}), {sizes[0] / 1e6:.1f} MB")
    print(f"  bare floor script:  median {t_floor:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in times_floor)}), {sizes[1] / 1e6:.1f} MB")
    ok = ratio <= 1.5 and t_ours <= 3
    print(f"  ratio {ratio:.2f} (target <= 1.5), {t_ours:.2f} s (target <= 3 s): "
          f"{'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
