"""慰问走访: holiday visit campaigns and monthly home-visit days.

The campaigns on top (``campaigns_list.CampaignList``: a row has nine columns, and the
tabs under it get the window's whole width); the chosen one's parts in tabs below: its target list with outcomes (``campaigns_targets``), its visit teams and
outings (``campaigns_teams``), and its progress with the packages' stock
(``campaigns_progress``). Each tab has ``set_campaign(id)`` and ``refresh()``; the page
refreshes the tabs when the tables they show change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout

from .base import Page
from .campaigns_list import CampaignList
from .campaigns_progress import ProgressTab
from .campaigns_targets import TargetsTab
from .campaigns_teams import TeamsTab

CAMPAIGN_TABLES = frozenset({
    "campaign", "campaign_rule", "campaign_team", "campaign_team_member", "campaign_target",
    "campaign_call", "campaign_outing", "reservation", "voucher", "household", "visit",
    "need", "package_kind", "shift", "assignment", "attendance_event"})


class CampaignsPage(Page):
    name = "campaigns"
    watches = CAMPAIGN_TABLES
    SECTIONS = ("list", "targets", "teams", "progress")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.campaign_list = CampaignList(context, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("campaignTabs")
        self.targets_tab = TargetsTab(context, self)
        self.teams_tab = TeamsTab(context, self)
        self.progress_tab = ProgressTab(context, self)
        for widget, title in ((self.targets_tab, self.tr("Households to visit")),
                              (self.teams_tab, self.tr("Teams and outings")),
                              (self.progress_tab, self.tr("Progress"))):
            self.tabs.addTab(widget, title)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("campaignSplitter")
        splitter.addWidget(self.campaign_list)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 560])
        layout.addWidget(splitter)
        self.campaign_list.selected.connect(self._show_campaign)

    def tab_widgets(self):
        return (self.targets_tab, self.teams_tab, self.progress_tab)

    def _show_campaign(self, campaign_id) -> None:
        for tab in self.tab_widgets():
            tab.set_campaign(campaign_id)

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        if tables is None or tables & self.campaign_list.watches:
            self.campaign_list.refresh()  # emits selected when the choice changes
        for tab in self.tab_widgets():
            if tables is None or tables & tab.watches:
                tab.refresh()

    def open_section(self, section: str) -> None:
        if section == "list":
            self.campaign_list.setFocus()
        elif section in self.SECTIONS:
            self.tabs.setCurrentIndex(self.SECTIONS.index(section) - 1)
