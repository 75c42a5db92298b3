"""Cold start, offscreen, as whole processes (issue 4 targets).

Prints the median of 5 runs each of:
  floor       a bare QApplication + QMainWindow, shown and grabbed
  screenshot  `station-desk screenshot --page home` (the whole process)
  sign-in     starting the window's code path until the sign-in dialog has painted
Targets: both program figures <= 1.0 s and <= 1.5x the floor of the same run.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
w.grab().save(sys.argv[1])
"""

SIGN_IN = """
import sys
from station_desk.ui.app import create_application  # first, as the real entry point does
from PySide6.QtCore import QEvent, QObject
from station_desk.ui.i18n import choose_language
from station_desk.core import db
from station_desk.core.store import open_store
from station_desk.core.services.station import get_station
from station_desk.ui.dialogs.sign_in import SignInDialog

lang = choose_language(None)
app = create_application(lang)
open_store(db.resolve(sys.argv[1]), create=False, full_check=False)  # as ui/app.main does
dialog = SignInDialog(None, get_station().name, lang)

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            app.exit(0)
        return False

painted = Painted()
dialog.installEventFilter(painted)
dialog.show()
raise SystemExit(app.exec())
"""


def timed(argv: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep-env", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE if set (every run compiles every module)")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # An installed program has its bytecode compiled at install time; this sandbox sets
    # PYTHONDONTWRITEBYTECODE, which would make every run compile every module again.
    if not args.keep_env:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    print("bytecode cache:", "off (as the environment says)" if env.get("PYTHONDONTWRITEBYTECODE")
          else "on (as an installed program has it)")
    with tempfile.TemporaryDirectory() as tmp:
        dbfile = Path(tmp) / "station.sqlite3"
        png = Path(tmp) / "out.png"
        subprocess.run([sys.executable, "-m", "station_desk", "--db", str(dbfile), "demo"],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        cases = {
            "floor": [sys.executable, "-c", FLOOR, str(png)],
            "screenshot": [sys.executable, "-m", "station_desk", "--db", str(dbfile),
                           "screenshot", "--page", "home", "--out", str(png)],
            "sign-in": [sys.executable, "-c", SIGN_IN, str(dbfile)],
        }
        for argv in cases.values():  # warm the OS file cache and write bytecode once
            timed(argv, env)
        results: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, argv in cases.items():  # interleaved, so machine noise hits all alike
                results[name].append(timed(argv, env))
    floor = statistics.median(results["floor"])
    print(f"{'case':<12} {'median s':>9} {'min s':>7} {'x floor':>8}   target")
    for name, values in results.items():
        median = statistics.median(values)
        target = "" if name == "floor" else (
            "ok" if median <= 1.0 and median <= 1.5 * floor else "MISSED (<=1.0 s, <=1.5x floor)")
        print(f"{name:<12} {median:9.3f} {min(values):7.3f} {median / floor:8.2f}   {target}")


if __name__ == "__main__":
    main()
