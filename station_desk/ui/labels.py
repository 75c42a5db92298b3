"""Words shown for stored codes (roles, village kinds, yes/no), in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("SettingsPage", "Yes") if value else QCoreApplication.translate("SettingsPage", "No")


def role_name(role: str) -> str:
    return {
        "head": QCoreApplication.translate("SettingsPage", "Station head"),
        "social_worker": QCoreApplication.translate("SettingsPage", "Social worker"),
        "front_desk": QCoreApplication.translate("SettingsPage", "Front desk"),
        "kiosk": QCoreApplication.translate("SettingsPage", "Kiosk"),
    }.get(role, role)


def kind_name(kind: str) -> str:
    return {
        "town": QCoreApplication.translate("SettingsPage", "Town"),
        "village": QCoreApplication.translate("SettingsPage", "Village / community"),
        "group": QCoreApplication.translate("SettingsPage", "Villagers' group"),
    }.get(kind, kind)
