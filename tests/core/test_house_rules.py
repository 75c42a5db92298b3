"""Rules of the house that code can check."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import station_desk
from station_desk import messages

ROOT = Path(station_desk.__file__).parent


def test_core_never_imports_qt():
    offenders = []
    for path in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "shiboken6", "qt_material")]
    assert offenders == []


def _error_codes_in_source():
    """Every literal code passed to a StationError subclass in the core and the CLI."""
    error_classes = {"StationError", "PermissionDenied", "ValidationError", "NotFound",
                     "AuthError", "DatabaseProblem", "BackupProblem"}
    codes = set()
    for path in [*(ROOT / "core").rglob("*.py"), ROOT / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in error_classes and node.args
                    and isinstance(node.args[0], ast.Constant)):
                codes.add(node.args[0].value)
    return codes


def test_every_error_code_has_both_languages():
    codes = _error_codes_in_source()
    assert len(codes) > 40
    missing = sorted(codes - set(messages.MESSAGES))
    assert missing == []


def test_messages_agree_on_parameters():
    fmt = string.Formatter()
    for code, (zh, en) in messages.MESSAGES.items():
        zh_fields = {f for _, f, _, _ in fmt.parse(zh) if f}
        en_fields = {f for _, f, _, _ in fmt.parse(en) if f}
        assert zh_fields == en_fields, code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), code


def test_no_signal_disconnect_calls():
    """PySide6 6.12's ``signal.disconnect()`` (with or without a slot) drops a reference to
    ``True`` on every call; enough of them abort the interpreter at exit. Connect to
    objects whose lifetime ends the connection, or override the slot, instead."""
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        if "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "disconnect"
                    and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "QObject")):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_package_metadata_uses_an_spdx_licence():
    """PEP 639: ``license`` is an SPDX expression (the TOML table is deprecated and warns at
    every build), which needs setuptools 77; licence files, if any, are named."""
    import re
    import tomllib

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"  # the repository's
    meta = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "Apache-2.0"
    (setuptools,) = [r for r in meta["build-system"]["requires"] if r.startswith("setuptools")]
    assert tuple(map(int, re.search(r">=([\d.]+)", setuptools).group(1).split("."))) >= (77,)
    own = sorted(p.name for p in pyproject.parent.glob("LICEN[CS]E*"))
    assert meta["project"].get("license-files", []) == own
