"""The campaign's visit teams (走访小组) and their outings.

A team is a social worker with volunteers, or a partner unit; villages are given to teams in
one go (按村分配, starting from each village's responsible social worker), and each team's day
out (安排出访) goes on the roster as a home-visit shift with its volunteers on it, so their
hours come from signing in at the front desk.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from ...core.errors import StationError
from ...core.services import campaigns
from ...messages import describe_error
from ..models.table import Column, RowsTableModel
from .parts import button, fitted_table


class TeamsTab(QWidget):
    watches: frozenset[str] = frozenset({
        "campaign", "campaign_team", "campaign_team_member", "campaign_target",
        "campaign_outing", "shift", "staff", "volunteer"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignTeams")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.campaign_id: int | None = None
        self.campaign: campaigns.CampaignRow | None = None
        self.can_edit = self.actor.can("campaigns.edit")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        buttons = QHBoxLayout()
        self.new_button = button(self.tr("New team"), "newTeam", self.new_team)
        self.edit_button = button(self.tr("Edit"), "editTeam", self.edit_team)
        self.delete_button = button(self.tr("Delete"), "deleteTeam", self.delete_team)
        self.assign_button = button(self.tr("Assign villages"), "assignVillages",
                                    self.assign_villages)
        self.outing_button = button(self.tr("Plan an outing"), "planOuting", self.plan_outing)
        self.all_buttons = [self.new_button, self.edit_button, self.delete_button,
                            self.assign_button, self.outing_button]
        for made in self.all_buttons:
            made.setVisible(self.can_edit)
            buttons.addWidget(made)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("teamCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Team"), lambda t: t.name),
            Column(self.tr("Leader"), lambda t: t.leader_name),
            Column(self.tr("Partner unit"), lambda t: t.partner),
            Column(self.tr("Phone"), lambda t: t.phone),
            Column(self.tr("Volunteers"), lambda t: "、".join(t.volunteer_names)),
            Column(self.tr("Households"), lambda t: t.targets, align_right=True),
            Column(self.tr("To visit"), lambda t: t.open, align_right=True),
            Column(self.tr("Outings"), lambda t: "、".join(d.strftime("%m-%d") for d in t.outings)),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fitted_table(self.model, "teamsTable", stretch=4)
        self.view.doubleClicked.connect(lambda _i: self.edit_team())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        self.hint = QLabel(self.tr(
            "Volunteers on a planned outing are on the roster for that day: they sign in and out "
            "at the front desk, and their hours count for the campaign."))
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self._selection_changed()

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        chosen = self.current_team()
        rows: list[campaigns.TeamRow] = []
        self.campaign = None
        if self.campaign_id is not None:
            try:
                self.campaign = campaigns.get_campaign(self.actor, self.campaign_id)
                rows = campaigns.teams(self.actor, self.campaign_id)
            except StationError:
                self.campaign_id = None
        self.model.set_rows(rows)
        if chosen is not None:
            self.select_team(chosen.id)
        self.count_label.setText(self.tr("%1 teams").replace("%1", str(len(rows)))
                                 if self.campaign_id is not None else "")
        self._selection_changed()

    def current_team(self) -> campaigns.TeamRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def select_team(self, team_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == team_id:
                self.view.selectRow(i)
                return

    def _selection_changed(self) -> None:
        live = self.campaign is not None and self.campaign.status == "open"
        team = self.current_team()
        self.new_button.setEnabled(live)
        self.assign_button.setEnabled(live and self.model.rowCount() > 0)
        for made in (self.edit_button, self.outing_button):
            made.setEnabled(live and team is not None)
        self.delete_button.setEnabled(live and team is not None and not team.outings)

    def new_team(self) -> None:
        from ..dialogs.campaign_team import CampaignTeamDialog

        if self.campaign_id is None or not self.can_edit:
            return
        team_id = CampaignTeamDialog.ask(self, self.actor, self.campaign_id, None, self.lang)
        if team_id is not None:
            self.refresh()
            self.select_team(team_id)

    def edit_team(self) -> None:
        from ..dialogs.campaign_team import CampaignTeamDialog

        team = self.current_team()
        if team is None or self.campaign_id is None or not self.can_edit:
            return
        if CampaignTeamDialog.ask(self, self.actor, self.campaign_id, team, self.lang) is not None:
            self.refresh()

    def delete_team(self) -> None:
        team = self.current_team()
        if team is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete"), self.tr(
            "Delete the team %1? Its %2 households go back to no team.")
            .replace("%1", team.name).replace("%2", str(team.targets)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            campaigns.delete_team(self.actor, team.id)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return
        self.refresh()

    def assign_villages(self) -> None:
        from ..dialogs.assign_villages import AssignVillagesDialog

        if self.campaign_id is None:
            return
        moved = AssignVillagesDialog.ask(self, self.actor, self.campaign_id, self.lang)
        if moved is not None:
            self.refresh()

    def plan_outing(self) -> None:
        from ..dialogs.campaign_team import PlanOutingDialog

        team = self.current_team()
        if team is None:
            return
        shift_id = PlanOutingDialog.ask(self, self.actor, team, self.lang)
        if shift_id is None:
            return
        self.refresh()
        QMessageBox.information(self, self.tr("Plan an outing"), self.tr(
            "The outing of %1 is on the roster. Its %2 volunteers were put on it: they sign in "
            "and out at the front desk on the day, and their hours count for the campaign.")
            .replace("%1", team.name).replace("%2", str(len(team.volunteer_ids))))
