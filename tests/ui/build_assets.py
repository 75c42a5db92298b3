"""installer/build_assets.py (not a package), loaded once for the tests of generated files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parents[2] / "installer" / "build_assets.py"
_NAME = "station_desk_build_assets"


def load():
    if _NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(_NAME, PATH)
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[_NAME]
