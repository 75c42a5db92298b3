"""The printer's fonts: the bundled CJK font for reportlab, and a fallback for rare characters.

The machines have no fonts, so every PDF uses WenQuanYi Micro Hei from ``resources/fonts``
(Chinese, Latin letters and digits). It is registered on the first PDF, not at start-up:
the reportlab import plus the registration cost a noticeable fraction of a second.

WQY has no CJK Extension A/B characters (U+3400…, U+20000…), which some people's names
use (生僻字 such as 䶮 or 𠮷), and reportlab does no font fallback by itself. So text is
split into runs per font: a run the bundled font can't draw goes to a fallback font found
on the system (SimSun-ExtB on Windows, Hanazono on Linux, or the file named by
``STATION_DESK_FALLBACK_FONT``), loaded only when such a character first turns up. What no
font can draw is reported by :func:`unprintable` so the GUI can warn before printing.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

from ...resources_path import resource_path
from . import FALLBACK_ENV

log = logging.getLogger(__name__)

FONT = "WQYMicroHei"  # reportlab's name for the bundled font (Qt calls it "WenQuanYi Micro Hei")
FONT_FILE = ("fonts", "wqy-microhei.ttc")

# Fallback font files by platform, in the order they are tried.
WINDOWS_FALLBACKS = ("simsunb.ttf", "mingliub.ttc", "simsun.ttc")  # SimSun-ExtB, MingLiU-ExtB, SimSun (Ext A)
LINUX_FALLBACKS = ("HanaMinA.ttf", "HanaMinB.ttf")  # Debian's fonts-hanazono
LINUX_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")

# Characters that may not begin a line of Chinese (GB/T 15834 closing punctuation) and the
# ASCII ones reportlab already knows. reportlab's own list misses ，：；！？”》 and more.
CJK_CANNOT_START = (
    "，。、：；！？”’》〉」』】〕〗〙〛）］｝…‥·・．％‰℃°′″〃々〆ゝゞヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    "!%),.:;?]}'\"\u00a0"
)


@dataclass
class _Fallback:
    path: Path
    name: str | None = None  # the reportlab name once registered
    chars: frozenset[int] = field(default_factory=frozenset)
    state: str = "new"  # new, loaded, failed


_lock = threading.RLock()
_main_chars: frozenset[int] | None = None
_fallbacks: list[_Fallback] | None = None  # None: not yet looked for
_serial = count()  # fallback fonts get fresh reportlab names, even after use_fallbacks()


# --- finding and registering ---------------------------------------------------------------


def font_path() -> Path:
    return resource_path(*FONT_FILE)


def fallback_font_paths() -> list[Path]:
    """Fallback font files on this machine, in the order they are tried (the env var first)."""
    found: list[Path] = []
    for entry in os.environ.get(FALLBACK_ENV, "").split(os.pathsep):
        if entry.strip():
            path = Path(entry.strip()).expanduser()
            if path.is_file():
                found.append(path)
            else:
                log.warning("%s names %s, which is not a file", FALLBACK_ENV, path)
    if sys.platform == "win32":
        folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        names = WINDOWS_FALLBACKS
    else:
        folders = [Path(d).expanduser() for d in LINUX_FONT_DIRS]
        names = LINUX_FALLBACKS
    hits = _find_files(folders, names)
    found += [hits[name] for name in names if name in hits and hits[name] not in found]
    return found


def _find_files(folders: list[Path], names: Iterable[str]) -> dict[str, Path]:
    """The first file of each name under the folders (one walk; names compared ignoring case)."""
    wanted = {name.lower(): name for name in names}
    hits: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for file in files:
                name = wanted.get(file.lower())
                if name and name not in hits:
                    hits[name] = Path(root) / file
            if len(hits) == len(wanted):
                return hits
    return hits


def use_fallbacks(paths: Iterable[Path | str] | None) -> None:
    """Choose the fallback fonts (``[]``: none); ``None`` looks for them again on the system."""
    global _fallbacks
    with _lock:
        _fallbacks = None if paths is None else [_Fallback(Path(p)) for p in paths]


def fix_cjk_line_breaking() -> None:
    """Teach reportlab's CJK wrapping that ，。：；！？”》 etc. may not start a line.

    ``paragraph.py`` copies ``ALL_CANNOT_START`` at import, so both names are reassigned.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    current = textsplit.ALL_CANNOT_START
    wanted = current + "".join(c for c in dict.fromkeys(CJK_CANNOT_START) if c not in current)
    textsplit.ALL_CANNOT_START = wanted
    paragraph.ALL_CANNOT_START = wanted


def fix_to_unicode_cmap() -> None:
    """Make text copied or extracted from our PDFs right for characters beyond U+FFFF.

    reportlab (5.1) writes a ToUnicode entry as ``<%04X>`` of the code point, which for
    𠮷 (U+20BB7) is five hex digits that viewers misread; PDF wants UTF-16BE, a surrogate pair.
    """
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "station_desk_fixed", False):
        return

    def to_unicode_cmap(fontname, subset):
        cmap = original(fontname, subset)
        for index, code in enumerate(subset):
            if code > 0xFFFF:
                utf16 = chr(code).encode("utf-16-be").hex().upper()
                cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>")
        return cmap

    to_unicode_cmap.station_desk_fixed = True
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


def register() -> str:
    """Register the bundled font with reportlab (once per process) and return its name."""
    global _main_chars
    if _main_chars is not None:
        return FONT
    with _lock:
        if _main_chars is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            font = TTFont(FONT, str(font_path()), subfontIndex=0)
            pdfmetrics.registerFont(font)
            # No bold face: <b> maps to the same face (reportlab refuses <b> without a family).
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
            fix_cjk_line_breaking()
            fix_to_unicode_cmap()
            _main_chars = frozenset(font.face.charToGlyph)
    return FONT


def _load(fallback: _Fallback) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"SDFallback{next(_serial)}-{fallback.path.stem}"
    try:
        font = TTFont(name, str(fallback.path), subfontIndex=0)
    except Exception as error:  # a damaged file or a font that forbids embedding: skip it
        log.warning("fallback font %s can't be used: %s", fallback.path, error)
        fallback.state = "failed"
        return
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    fallback.name, fallback.chars, fallback.state = name, frozenset(font.face.charToGlyph), "loaded"
    log.info("fallback font %s registered as %s", fallback.path, name)


def _fallback_for(code: int) -> str | None:
    """The name of the first fallback font that has this character, loading fonts as needed."""
    global _fallbacks
    with _lock:
        if _fallbacks is None:
            _fallbacks = [_Fallback(p) for p in fallback_font_paths()]
        for fallback in _fallbacks:
            if fallback.state == "new":
                _load(fallback)
            if fallback.state == "loaded" and code in fallback.chars:
                return fallback.name
    return None


def registered_fallbacks() -> list[tuple[str, Path]]:
    """(reportlab name, file) of the fallback fonts loaded so far."""
    with _lock:
        return [(f.name, f.path) for f in _fallbacks or [] if f.state == "loaded" and f.name]


# --- coverage --------------------------------------------------------------------------------


def _ignorable(ch: str) -> bool:
    """Characters that draw nothing: whitespace, controls, format marks, variation selectors."""
    code = ord(ch)
    if ch.isspace() or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def has_glyph(ch: str) -> bool:
    """True when the bundled font can draw this character."""
    register()
    return ord(ch) in _main_chars or _ignorable(ch)


def missing_chars(text: str) -> list[str]:
    """Characters of ``text`` the bundled font has no glyph for, each once, in order."""
    return [ch for ch in dict.fromkeys(text or "") if not has_glyph(ch)]


def unprintable_chars(text: str) -> list[str]:
    """Characters of ``text`` that neither the bundled font nor any fallback font can draw."""
    return [ch for ch in missing_chars(text) if _fallback_for(ord(ch)) is None]


def unprintable(records: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(label, char)`` for every record whose text has a character no font can print.

    ``records`` are ``(label, text)`` pairs, e.g. ``("张𠮷（V01 麻车村）", "张𠮷 …")``; the
    GUI names the record and the character before printing.
    """
    found: list[tuple[str, str]] = []
    for label, text in records:
        found.extend((label, ch) for ch in unprintable_chars(text))
    return found


# --- drawing ---------------------------------------------------------------------------------


def runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, text)`` runs: the bundled font, or a fallback for 生僻字.

    A character no font has stays with the bundled font (it prints as a blank; see
    :func:`unprintable`). Invisible marks join the run before them and are dropped when that
    font can't draw them, so they never show as boxes.
    """
    register()
    out: list[tuple[str, str]] = []
    current, chunk = FONT, []
    for ch in text or "":
        code = ord(ch)
        if code in _main_chars:
            font = FONT
        elif _ignorable(ch):
            if ch.isspace() or _font_has(current, code):
                chunk.append(ch)
            continue
        else:
            font = _fallback_for(code) or FONT
        if font != current and chunk:
            out.append((current, "".join(chunk)))
            chunk = []
        current = font
        chunk.append(ch)
    if chunk:
        out.append((current, "".join(chunk)))
    return out


def _font_has(name: str, code: int) -> bool:
    if name == FONT:
        return code in _main_chars
    return any(f.name == name and code in f.chars for f in _fallbacks or [])


def markup(text: str) -> str:
    """Paragraph markup for plain ``text``: escaped, newlines as <br/>, 生僻字 in a fallback font.

    Use it for every piece of data put into a Paragraph whose style uses :data:`FONT`.
    """
    from xml.sax.saxutils import escape  # here: it pulls in urllib, ~15 ms of start-up

    parts = []
    for font, chunk in runs(text):
        body = escape(chunk).replace("\n", "<br/>")
        parts.append(body if font == FONT else f'<font name="{font}">{body}</font>')
    return "".join(parts)


def string_width(text: str, size: float) -> float:
    """Width in points of ``text`` drawn at ``size`` with the runs' fonts."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(chunk, font, size) for font, chunk in runs(text))


def draw_string(canvas, x: float, y: float, text: str, size: float, *,
                align: str = "left") -> float:
    """Draw one line on a reportlab canvas, switching fonts per run; returns its width.

    ``align`` is left, centre (x is the middle) or right (x is the right edge). The canvas is
    left set to the bundled font at ``size``.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    parts = [(font, chunk.replace("\n", " "), stringWidth(chunk, font, size))
             for font, chunk in runs(text)]
    width = sum(w for _, _, w in parts)
    if align in ("centre", "center"):
        x -= width / 2
    elif align == "right":
        x -= width
    for font, chunk, w in parts:
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += w
    canvas.setFont(FONT, size)
    return width
