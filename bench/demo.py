"""How long `station-desk demo` takes, and how big the database it makes is.

Each figure is the median of N runs (default 5), every run into a fresh temp database:
  fill (in-process)   station_desk.core.demo.fill alone, the store already open
  demo (CLI process)  `python -m station_desk --db FILE demo`, the whole process
  start (CLI process) `python -m station_desk --version`: the interpreter and import floor
  check, backup       `python -m station_desk --db FILE check|backup` on a demo database
and the demo database's size in MB. Options after `--` go to `demo` as on the command line
(and to `fill`, where it has a parameter of the same name), so each later size option
(`--households N`, ...) can be timed at its largest setting:

    python bench/demo.py [--runs 5] [-- --seed 7]
"""

from __future__ import annotations

import argparse
import inspect
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # time the checkout's code, installed or not

from station_desk import cli  # noqa: E402
from station_desk.core import db, demo  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402


def fill_kwargs(demo_args: list[str]) -> dict:
    """The `demo` options as keyword arguments of ``demo.fill``, parsed by the CLI's parser."""
    parsed = vars(cli.build_parser().parse_args(["demo", *demo_args]))
    accepted = inspect.signature(demo.fill).parameters
    return {k: v for k, v in parsed.items() if k in accepted}


def run_cli(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "station_desk", *args], env=env, cwd=ROOT,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"station-desk {' '.join(args)} failed: {done.stderr.strip()}")
    return elapsed


def median_of(runs: int, once: Callable[[Path], float], work: Path, name: str) -> float:
    times = []
    for i in range(runs):
        folder = work / f"{name}-{i}"
        folder.mkdir()
        times.append(once(folder / "station.sqlite3"))
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("demo_args", nargs="*", help="options for `demo`, after --")
    opts = parser.parse_args()
    kwargs = fill_kwargs(opts.demo_args)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STATION_DESK_LANG": "en"}
    env.pop("STATION_DESK_DB", None)

    with tempfile.TemporaryDirectory(prefix="bench-demo-") as tmp:
        work = Path(tmp)

        def fill_once(path: Path) -> float:
            open_store(db.resolve(path), create=True)
            try:
                start = time.perf_counter()
                demo.fill(**kwargs)
                return time.perf_counter() - start
            finally:
                db.close()

        def cli_once(path: Path) -> float:
            return run_cli(["--db", str(path), "demo", *opts.demo_args], env)

        fill_s = median_of(opts.runs, fill_once, work, "fill")
        cli_s = median_of(opts.runs, cli_once, work, "cli")
        start_s = statistics.median(run_cli(["--version"], env) for _ in range(opts.runs))

        station = work / "cli-0" / "station.sqlite3"
        size_mb = station.stat().st_size / 1024 / 1024
        check_s = statistics.median(
            run_cli(["--db", str(station), "check"], env) for _ in range(opts.runs))
        backup_s = statistics.median(
            run_cli(["--db", str(station), "backup"], env) for _ in range(opts.runs))

    rows = [
        ("demo: fill (in-process)", f"{fill_s:.3f} s"),
        ("demo: CLI process", f"{cli_s:.3f} s"),
        ("CLI start (--version)", f"{start_s:.3f} s"),
        ("check: CLI process", f"{check_s:.3f} s"),
        ("backup: CLI process", f"{backup_s:.3f} s"),
        ("database size", f"{size_mb:.2f} MB"),
    ]
    options = " ".join(opts.demo_args) or "(defaults)"
    print(f"station-desk demo {options}: median of {opts.runs} runs, "
          f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
