"""The sidebar's pages, in order. Each feature adds its entry here as it lands.

Pages are imported and built when first shown, so start-up pays only for the first.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ...core.roles import FRONT_DESK, HEAD, SOCIAL_WORKER, STAFF_ROLES, Actor


@dataclass(frozen=True)
class PageEntry:
    name: str
    class_name: str  # in station_desk.ui.pages.<name>
    roles: tuple[str, ...] = STAFF_ROLES

    def visible_for(self, actor: Actor) -> bool:
        return actor.role in self.roles

    def title(self) -> str:
        return page_title(self.name)

    def load(self) -> type:
        module = importlib.import_module(f"{__name__}.{self.name}")
        return getattr(module, self.class_name)


def page_title(name: str) -> str:
    titles = {
        "home": QCoreApplication.translate("HomePage", "Home"),
        "households": QCoreApplication.translate("HouseholdsPage", "Households"),
        "campaigns": QCoreApplication.translate("CampaignsPage", "Campaigns"),
        "cases": QCoreApplication.translate("CasesPage", "Cases"),
        "volunteers": QCoreApplication.translate("VolunteersPage", "Volunteers"),
        "roster": QCoreApplication.translate("RosterPage", "Roster"),
        "attendance": QCoreApplication.translate("AttendancePage", "Attendance & hours"),
        "inventory": QCoreApplication.translate("InventoryPage", "Inventory"),
        "policies": QCoreApplication.translate("PoliciesPage", "Policy cards"),
        "hotline": QCoreApplication.translate("HotlinePage", "Hotline & needs"),
        "activities": QCoreApplication.translate("ActivitiesPage", "Activities & projects"),
        "pairings": QCoreApplication.translate("PairingsPage", "Pairing"),
        "wishes": QCoreApplication.translate("WishesPage", "Micro-wishes"),
        "settings": QCoreApplication.translate("SettingsPage", "Settings"),
    }
    return titles[name]


PAGES = [
    PageEntry("home", "HomePage"),
    # household files: never the front desk (it sees masked matches in the hotline log only)
    PageEntry("households", "HouseholdsPage", (HEAD, SOCIAL_WORKER)),
    # 慰问走访 (holiday campaigns, home-visit days): the front desk never sees them
    PageEntry("campaigns", "CampaignsPage", (HEAD, SOCIAL_WORKER)),
    # 个案: case notes are the most sensitive records; never the front desk
    PageEntry("cases", "CasesPage", (HEAD, SOCIAL_WORKER)),
    # 热线与诉求: whoever answers logs the call; the needs tab is for household-file roles
    PageEntry("hotline", "HotlinePage", (HEAD, SOCIAL_WORKER, FRONT_DESK)),
    # 活动与项目: the front desk reads the activities (no sign-up names) and prints the sheet
    PageEntry("activities", "ActivitiesPage", (HEAD, SOCIAL_WORKER, FRONT_DESK)),
    # 结对帮扶: pairs of helpers with households; their contacts are visits on the file
    PageEntry("pairings", "PairingsPage", (HEAD, SOCIAL_WORKER)),
    # 微心愿: the front desk sees the wall and the list as a donor would (no names)
    PageEntry("wishes", "WishesPage", (HEAD, SOCIAL_WORKER, FRONT_DESK)),
    # the volunteer registry: the front desk keeps it too
    PageEntry("volunteers", "VolunteersPage"),
    # the week's roster: the front desk plans it too
    PageEntry("roster", "RosterPage", (HEAD, SOCIAL_WORKER, FRONT_DESK)),
    # attendance records and service hours: staff who correct them
    PageEntry("attendance", "AttendancePage", (HEAD, SOCIAL_WORKER, FRONT_DESK)),
    # donations and goods: the front desk receives donations and hands goods out
    PageEntry("inventory", "InventoryPage", (HEAD, SOCIAL_WORKER, FRONT_DESK)),
    # 政策明白卡: every staff role reads and prints them; editing is checked per action
    PageEntry("policies", "PoliciesPage"),
    PageEntry("settings", "SettingsPage"),
]
