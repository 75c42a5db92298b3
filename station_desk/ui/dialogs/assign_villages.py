"""按村分配: give each village's households still to visit to a team, in one go.

One row per village with targets; each starts from the team that has them now, or else
from ``campaigns.suggested_teams`` (the team led by the village's responsible social
worker); a village split between teams (a re-queued household went to another team) starts
from "keep as they are". Saving moves only the villages whose choice differs from how they
stand, and numbers each team's route by village and address.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QWidget

from ...core.roles import Actor
from ...core.services import campaigns
from .form_parts import SavingDialog, form_layout

KEEP = "keep"  # the combo's data for "leave this village's teams as they are"


class AssignVillagesDialog(SavingDialog):
    """``ask`` returns how many households moved."""

    def __init__(self, parent: QWidget | None, actor: Actor, campaign_id: int,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "assignVillages", self.tr("Assign villages to teams"))
        self.actor = actor
        self.campaign_id = campaign_id
        self.setMinimumSize(460, 360)
        teams = campaigns.teams(actor, campaign_id)
        suggested = campaigns.suggested_teams(actor, campaign_id)
        rows = campaigns.targets(actor, campaign_id, campaigns.TargetQuery(status="open"))
        names: dict[int, str] = {}
        counts: Counter = Counter()
        current: dict[int, set] = {}
        for row in rows:  # in route order, so villages come as the teams walk them
            names.setdefault(row.village_id, row.village)
            counts[row.village_id] += 1
            current.setdefault(row.village_id, set()).add(row.team_id)
        order = list(names)
        self.combos: dict[int, QComboBox] = {}
        self.standing: dict[int, object] = {}  # how each village stands now
        form = form_layout()
        for village_id in order:
            combo = QComboBox()
            combo.setObjectName(f"village_{village_id}")
            now = current[village_id]
            if len(now) > 1:
                combo.addItem(self.tr("Keep as they are (several teams)"), KEEP)
            combo.addItem(self.tr("No team yet"), None)
            for team in teams:
                combo.addItem(team.name, team.id)
            if len(now) > 1:
                self.standing[village_id] = start = KEEP
            else:
                self.standing[village_id] = next(iter(now))
                start = self.standing[village_id] if self.standing[village_id] is not None \
                    else suggested.get(village_id)
            combo.setCurrentIndex(max(combo.findData(start), 0))
            self.combos[village_id] = combo
            form.addRow(self.tr("%1 (%2 to visit)").replace("%1", names[village_id])
                        .replace("%2", str(counts[village_id])), combo)
        box = QWidget()
        box.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        if not order:
            self.layout_.addWidget(QLabel(self.tr("No households are left to visit.")))
        else:
            self.layout_.addWidget(scroll)
        self.finish(self.tr("Households already visited keep the team that visited them."))

    def village_ids(self) -> list[int]:
        return list(self.combos)

    def choose(self, village_id: int, team_id: int | None) -> None:
        combo = self.combos[village_id]
        combo.setCurrentIndex(max(combo.findData(team_id), 0))

    def save(self):
        changed = {village: combo.currentData() for village, combo in self.combos.items()
                   if combo.currentData() not in (KEEP, self.standing[village])}
        return campaigns.assign_villages(self.actor, self.campaign_id, changed) if changed else 0
