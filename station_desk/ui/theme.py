"""The look: qt-material's light theme, exported at build time into resources/theme/.

qt-material itself is not imported here: at run time it would rebuild the stylesheet, write
icons under ~/.qt_material (failing with a read-only home) and cost more than a bare Qt start.
installer/build_assets.py ``theme`` exports the stylesheet, with our font family and size, and
the icons it refers to; here we only read it.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from ..resources_path import resource_path

# Set on an application built with "-style Fusion" (ui/app.py): setStyle() afterwards would
# cost ~6 ms of start-up (PySide builds the Python QStyle type and its eleven enums).
FUSION_FROM_START = "stationDeskFusionFromStart"
ICON_PREFIX = "icon"  # the QSS refers to url(icon:primary/…svg); keep in step with build_assets.py
THEME_QSS = "material.qss"

log = logging.getLogger(__name__)


def theme_dir():
    return resource_path("theme")


def stylesheet() -> str:
    """The exported theme's QSS ("" when it is missing, so the program still starts)."""
    path = theme_dir() / THEME_QSS
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        log.warning("theme stylesheet not found (%s): run installer/build_assets.py theme", error)
        return ""


_FONT_FAMILY = re.compile(r"font-family: ([^;]+);")


def with_font_fallbacks(qss: str, families: list[str]) -> str:
    """Let the theme's font rule list the fallback families the application font has.

    The theme's ``* { font-family }`` beats ``QApplication.setFont``, so without this a fallback
    for rare characters (生僻字) registered by ui/fonts.py would never be used. Only when the
    application font starts with the theme's own family: anything else is not ours to extend.
    """
    match = _FONT_FAMILY.search(qss)
    if not match or len(families) < 2 or match.group(1).strip('"') != families[0]:
        return qss
    listed = ", ".join(f'"{family}"' for family in families)
    return f"{qss[:match.start(1)]}{listed}{qss[match.end(1):]}"


def apply_theme(app: QApplication, extra_qss: str = "") -> None:
    """Fusion style plus the exported qt-material stylesheet, icons found through ``icon:``.

    ``extra_qss`` (the program's own rules) is appended so the sheet is parsed once.
    Call it after the fonts are installed (ui/fonts.py), so their fallbacks join the theme's.
    """
    icons = str(theme_dir() / "icons")
    if icons not in QDir.searchPaths(ICON_PREFIX):
        QDir.addSearchPath(ICON_PREFIX, icons)
    if app.property(FUSION_FROM_START) is not True:
        app.setStyle("Fusion")
    app.setStyleSheet(with_font_fallbacks(stylesheet(), app.font().families()) + extra_qss)
