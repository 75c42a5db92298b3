"""Per-PC UI state (window geometry, language, last folders) in one QSettings registry."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORG = "station-desk"
APP = "station-desk"

# key -> default
DEFAULTS: dict[str, object] = {
    "window/geometry": None,
    "window/page": "home",
    "ui/language": "",
    "signin/last_user": "",
    "files/last_folder": "",
}


def _store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def get(key: str) -> object:
    if key not in DEFAULTS:
        raise KeyError(key)
    return _store().value(key, DEFAULTS[key])


def put(key: str, value: object) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    store = _store()
    store.setValue(key, value)
    store.sync()
