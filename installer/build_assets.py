"""Developer build step for the generated files we commit (run by hand, then commit the output).

    python installer/build_assets.py theme          # qt-material light theme -> resources/theme/
    python installer/build_assets.py forms          # forms/*.ui -> station_desk/ui/forms/ui_*.py
    python installer/build_assets.py translations   # lupdate, fill from the inbox, lrelease
    python installer/build_assets.py all

Needs the dev venv: the PySide6 tools (pyside6-uic, -lupdate, -lrelease) and, for ``theme``
only, qt-material. The installed program never runs qt-material: it loads the exported QSS
(see station_desk/ui/theme.py), so start-up stays fast and a read-only home directory works.

Translations: UI source strings are English; ``station_desk_zh_CN.ts`` is the translators'
source of truth (Qt Linguist edits it). A developer who adds ``tr("New text")`` runs
``translations`` and either translates the new entry in the .ts, or writes it into
``zh_CN_inbox.json`` (``{"New text": "新文本"}``, or ``{"Context|New text": ...}`` for one
context only) and runs ``translations`` again: inbox entries fill unfinished messages and are
then removed from the inbox, so nothing is kept in two places.

tests/ui/test_forms.py and tests/ui/test_i18n.py load this file to run the same commands.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FORMS_SRC = ROOT / "forms"
FORMS_OUT = ROOT / "station_desk" / "ui" / "forms"
UI_SOURCES = ROOT / "station_desk" / "ui"
TRANSLATIONS = RESOURCES / "translations"
TS_FILE = TRANSLATIONS / "station_desk_zh_CN.ts"
QM_FILE = TRANSLATIONS / "station_desk_zh_CN.qm"
INBOX_FILE = TRANSLATIONS / "zh_CN_inbox.json"

# The theme. Teal 500 reads better on white than qt-material's bright light_teal (#1de9b6).
THEME_XML = "light_teal_500.xml"
FONT_FAMILY = "WenQuanYi Micro Hei"
FONT_PX = 14  # office users read long lists: 14 px CJK is comfortable, 13 px is the minimum
DENSITY = -1  # one step tighter than qt-material's default: 28 px table rows, 32 px buttons
ICON_PREFIX = "icon"  # QDir search-path prefix the QSS refers to (theme.apply_theme registers it)
THEME_QSS = "material.qss"

FORMS_INIT = '"""Compiled Designer forms: generated from ../../../forms/*.ui by installer/build_assets.py forms; never edit."""\n'

# pyside6-uic writes the Qt version here; a PySide6 upgrade alone must not make a form "stale".
_UIC_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)


# -- tools ------------------------------------------------------------------------------------

def tool(name: str) -> str:
    """The path of a PySide6 command-line tool (``pyside6-uic`` ...), preferring this venv's."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this Python's venv")
    return found


def run(argv: list[str]) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


# -- forms ------------------------------------------------------------------------------------

def form_sources() -> list[Path]:
    return sorted(FORMS_SRC.glob("*.ui"))


def compiled_form_path(ui: Path) -> Path:
    return FORMS_OUT / f"ui_{ui.stem}.py"


def uic(ui: Path) -> str:
    """The Python we commit for one .ui file: pyside6-uic's (run from forms/, so the header
    names only the file), importing only the Qt names the form uses (see ``used_imports_only``)."""
    result = subprocess.run([tool("pyside6-uic"), ui.name], capture_output=True, text=True,
                            encoding="utf-8", cwd=ui.parent)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic {ui} failed:\n{result.stdout}{result.stderr}")
    return parent_by_keyword(used_imports_only(result.stdout))


_UIC_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)


def used_imports_only(generated: str) -> str:
    """pyside6-uic imports some forty names whatever the form uses; keep those it uses.

    Importing a PySide6 class creates it with all its enums, and importing ``Qt`` creates the
    whole Qt namespace (about a hundred enums, 14 ms): the sign-in dialog is on the start-up
    path, so an unused import there costs the user. (For the same reason forms leave
    properties at Qt's defaults rather than naming a ``Qt::`` value, e.g. a button box's
    orientation.)
    """
    import io
    import tokenize

    code = _UIC_IMPORT.sub("", generated)
    used_names = {token.string for token in tokenize.generate_tokens(io.StringIO(code).readline)
                  if token.type == tokenize.NAME}  # not comments: the header says "Qt"

    def keep(match: re.Match) -> str:
        used = [n for n in re.split(r"[\s,]+", match.group(2)) if n in used_names]
        if not used:
            return ""
        return "\n".join(textwrap.wrap(", ".join(used), width=88, subsequent_indent="    ",
                                       initial_indent=f"from {match.group(1)} import (")) + ")\n"

    return _UIC_IMPORT.sub(keep, generated)


# Classes whose constructor PySide picks by checking the first argument against Qt enum types:
# ``QDialogButtonBox(SignIn)`` is tried as ``QDialogButtonBox(Qt.Orientation)`` first, which
# creates the whole Qt namespace; ``QDialogButtonBox(parent=SignIn)`` is the same constructor.
_PARENT_BY_KEYWORD = re.compile(r"= (QDialogButtonBox)\((\w+)\)$", re.MULTILINE)


def parent_by_keyword(generated: str) -> str:
    """Pass the parent by keyword where a positional one costs the Qt namespace (see above)."""
    return _PARENT_BY_KEYWORD.sub(r"= \1(parent=\2)", generated)


def without_version(generated: str) -> str:
    """Generated form text without the generator's version line, for staleness checks."""
    return _UIC_VERSION_LINE.sub("", generated)


def build_forms() -> list[Path]:
    FORMS_OUT.mkdir(parents=True, exist_ok=True)
    init = FORMS_OUT / "__init__.py"
    if not init.exists():
        init.write_text(FORMS_INIT, encoding="utf-8")
    written = []
    wanted = set()
    for ui in form_sources():
        out = compiled_form_path(ui)
        wanted.add(out)
        text = uic(ui)
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            out.write_text(text, encoding="utf-8", newline="\n")
            written.append(out)
    for stale in FORMS_OUT.glob("ui_*.py"):
        if stale not in wanted:  # its .ui was deleted
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)} (no forms/{stale.stem[3:]}.ui)")
    return written


# -- theme ------------------------------------------------------------------------------------

def render_theme() -> tuple[str, dict[str, str]]:
    """The QSS (icon URLs rewritten to ``icon:<folder>/<name>.svg``) and the SVGs it uses."""
    import PySide6.QtCore  # noqa: F401  (qt-material picks its Qt binding from sys.modules)
    import qt_material

    # Without GUI qt-material neither touches the palette nor registers search paths: we only
    # want text. It still writes icons, so give it a temp folder, never ~/.qt_material.
    qt_material.GUI = False
    extra = {
        "font_family": f'"{FONT_FAMILY}"',
        # the template adds density_scale to the font size: compensate so text stays FONT_PX
        "font_size": FONT_PX - DENSITY,
        "density_scale": str(DENSITY),
        # The template branches on the build machine's OS; pin it so the output is the same
        # wherever it is built. The Linux branch styles Qt's own file dialog tool buttons,
        # which Linux desktops show; Windows uses native dialogs that QSS doesn't reach.
        "linux": True, "windows": False, "darwin": False,
    }
    with tempfile.TemporaryDirectory() as tmp:
        qss = qt_material.build_stylesheet(theme=THEME_XML, invert_secondary=True, extra=extra,
                                           parent=tmp, export=True)
        if not qss:
            raise SystemExit(f"qt-material could not build {THEME_XML}")
        # The QGroupBox rule uses font_size without a unit; give it the same size as the rest.
        qss = re.sub(r"font-size: \d+;", f"font-size: {FONT_PX}px;", qss)
        # Qt's style sheets have no line-height: drop it rather than ship dead rules.
        qss = re.sub(r"^\s*line-height:.*\n", "", qss, flags=re.MULTILINE)
        qss = qss.replace("url(icon:/", f"url({ICON_PREFIX}:")
        used = sorted(set(re.findall(rf"url\({ICON_PREFIX}:([\w/.-]+\.svg)\)", qss)))
        icons = {name: (Path(tmp) / name).read_text(encoding="utf-8") for name in used}
    qss = re.sub(r"\n{3,}", "\n\n", qss).strip() + "\n"
    version = _dist_version("qt-material")
    header = (f"/* Generated by installer/build_assets.py theme from qt-material {version} "
              f"{THEME_XML} (invert_secondary), font {FONT_FAMILY} {FONT_PX}px, density {DENSITY}.\n"
              f"   Do not edit: change the build step and run it again. */\n\n")
    return header + qss, icons


def _dist_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


def _dist_license(name: str) -> str:
    from importlib.metadata import distribution

    dist = distribution(name)
    for file in dist.files or []:
        if file.name.upper().startswith("LICENSE"):
            return file.read_text(encoding="utf-8")
    raise SystemExit(f"no licence file found in the {name} distribution")


def build_theme(out: Path = RESOURCES / "theme") -> Path:
    qss, icons = render_theme()
    icon_dir = out / "icons"
    shutil.rmtree(icon_dir, ignore_errors=True)
    for name, svg in icons.items():
        target = icon_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8", newline="\n")
    (out / THEME_QSS).write_text(qss, encoding="utf-8", newline="\n")
    # qt-material is BSD-2-Clause: its notice travels with the stylesheet and icons made from it
    (out / "LICENSE-qt-material.txt").write_text(_dist_license("qt-material"), encoding="utf-8",
                                                 newline="\n")
    print(f"theme: {out / THEME_QSS} ({len(qss.encode())} bytes), {len(icons)} icons")
    return out


# -- translations -----------------------------------------------------------------------------

def translation_sources() -> list[Path]:
    """Python under station_desk/ui (not the compiled forms: their .ui files are read instead)."""
    py = [p for p in sorted(UI_SOURCES.rglob("*.py")) if FORMS_OUT not in p.parents]
    return py + form_sources()


def lupdate(ts: Path, sources: list[Path] | None = None) -> None:
    """Merge the source strings into ``ts`` (created if missing), keeping its translations."""
    sources = translation_sources() if sources is None else sources
    run([tool("pyside6-lupdate"), *map(str, sources), "-ts", str(ts), "-silent",
         "-no-obsolete", "-locations", "none", "-source-language", "en", "-target-language", "zh_CN"])


def lrelease(ts: Path, qm: Path) -> None:
    # unfinished entries are left out, so the program shows the English source, never a guess
    run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent", "-nounfinished"])


def read_messages(ts: Path) -> list[dict]:
    """The messages of a .ts file: context, source, comment, translations, and state."""
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = translation.findall("numerusform") if translation is not None else []
            texts = [f.text or "" for f in forms] if forms else [
                (translation.text or "") if translation is not None else ""]
            messages.append({
                "context": name,
                "source": message.findtext("source", ""),
                "comment": message.findtext("comment", ""),
                "numerus": message.get("numerus") == "yes",
                "translations": texts,
                "type": translation.get("type", "") if translation is not None else "",
            })
    return messages


def fill_from_inbox(ts: Path, inbox: dict[str, str]) -> set[str]:
    """Translate unfinished messages from the inbox; returns the inbox keys used."""
    tree = ET.parse(ts)
    used: set[str] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source", "")
            key = next((k for k in (f"{name}|{source}", source) if k in inbox), None)
            if key is None:
                continue
            used.add(key)
            del translation.attrib["type"]
            forms = translation.findall("numerusform")
            for form in forms or [translation]:
                form.text = inbox[key]
    if used:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return used


def load_inbox() -> dict[str, str]:
    if not INBOX_FILE.exists():
        return {}
    return {k: v for k, v in json.loads(INBOX_FILE.read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


def prune_inbox(used: set[str]) -> None:
    """Drop the entries now in the .ts (re-read first: someone may have added more meanwhile)."""
    if not used or not INBOX_FILE.exists():
        return
    data = json.loads(INBOX_FILE.read_text(encoding="utf-8"))
    kept = {k: v for k, v in data.items() if k not in used}
    INBOX_FILE.write_text(json.dumps(kept, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                          encoding="utf-8")


def build_translations() -> list[dict]:
    """lupdate, fill from the inbox, lupdate again (its own layout), lrelease; returns unfinished."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    lupdate(TS_FILE)
    used = fill_from_inbox(TS_FILE, load_inbox())
    if used:
        lupdate(TS_FILE)  # rewrites the file as lupdate lays it out, so the next run adds no diff
    lrelease(TS_FILE, QM_FILE)
    prune_inbox(used)
    messages = read_messages(TS_FILE)
    unfinished = [m for m in messages if m["type"] == "unfinished"]
    print(f"translations: {len(messages)} messages, {len(used)} filled from the inbox, "
          f"{len(unfinished)} unfinished")
    for m in unfinished:
        print(f"  unfinished  {m['context']}|{m['source']}")
    return unfinished


# -- command line -----------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["theme", "forms", "translations", "all"])
    step = parser.parse_args(argv).step
    status = 0
    if step in ("theme", "all"):
        build_theme()
    if step in ("forms", "all"):
        written = build_forms()
        print(f"forms: {len(form_sources())} compiled, {len(written)} changed")
    if step in ("translations", "all"):  # after forms: the .ui files are among its sources
        if build_translations():
            print("Translate the unfinished entries (zh_CN_inbox.json or the .ts), then run "
                  "`translations` again.", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
