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


def test_a_real_stations_case_notes_need_a_signed_in_user(tmp_path):
    """The demo's cases are made up; a real station's are shown to a person who signed in."""
    db = str(tmp_path / "station.sqlite3")
    made = _shoot(tmp_path, "--db", db, "demo", "--households", "60", "--volunteers", "0",
                  "--movements", "0")
    assert made.returncode == 0, made.stderr
    out = tmp_path / "file.png"
    refused = _shoot(tmp_path, "--db", db, "screenshot", "--page", "cases.file",
                     "--out", str(out))
    assert refused.returncode != 0 and "--user" in refused.stderr + refused.stdout
    assert "Traceback" not in refused.stderr and not out.exists()
    env_password = dict(os.environ, STATION_DESK_PASSWORD="demo1234")
    shown = subprocess.run(
        [sys.executable, "-m", "station_desk", "--db", db, "--user", "liuliping", "screenshot",
         "--page", "cases.file", "--out", str(out)],
        env=dict(env_password, QT_QPA_PLATFORM="offscreen",
                 XDG_CACHE_HOME=str(tmp_path / "cache")),
        capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert not QImage(str(out)).isNull()
