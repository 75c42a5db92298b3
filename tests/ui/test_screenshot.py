"""`station-desk screenshot` as the README and the checks use it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage


def _shoot(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.run([sys.executable, "-m", "station_desk", *args], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("page,lang", [("settings.villages", "en"), ("signin", "zh")])
def test_renders_a_page_with_demo_data(tmp_path, qapp, page, lang):
    out = tmp_path / f"{page}.png"
    result = _shoot(tmp_path, "--lang", lang, "screenshot", "--page", page, "--out", str(out),
                    "--size", "1024x700")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    if page != "signin":
        assert (image.width(), image.height()) == (1024, 700)
    # a real page, not a blank window: many distinct colours (text is anti-aliased)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    from station_desk.core.demo import REVISION

    assert (tmp_path / "cache" / "station-desk" / f"screenshot-demo-r{REVISION}.sqlite3").exists()


def test_an_unknown_page_is_named(tmp_path):
    result = _shoot(tmp_path, "screenshot", "--page", "nowhere", "--out", str(tmp_path / "x.png"))
    assert result.returncode != 0 and "nowhere" in result.stderr
    assert "Traceback" not in result.stderr
