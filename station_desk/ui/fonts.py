"""The bundled CJK font for Qt (the machines have none), plus a fallback for rare characters."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources_path import resource_path

FAMILY = "WenQuanYi Micro Hei"
_installed: list[str] = []


def _named_fallbacks() -> list[str]:
    import os

    from ..core.reports import FALLBACK_ENV

    return [p for p in os.environ.get(FALLBACK_ENV, "").split(os.pathsep) if os.path.isfile(p)]


def install_fonts(app: QApplication, point_size: int = 10) -> list[str]:
    """Register the bundled font (and a rare-character fallback when one is found)."""
    if not _installed:
        families: list[str] = []
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)[:1]
        # Fonts installed on the system (SimSun-ExtB, Hanazono) are Qt's own fallbacks already;
        # only a font file named by the setting needs registering.
        for path in _named_fallbacks():
            fallback_id = QFontDatabase.addApplicationFont(str(path))
            if fallback_id >= 0:
                families += QFontDatabase.applicationFontFamilies(fallback_id)[:1]
        _installed.extend(families or [FAMILY])
    font = QFont()
    font.setFamilies(_installed)
    font.setPointSize(point_size)
    app.setFont(font)
    return list(_installed)
