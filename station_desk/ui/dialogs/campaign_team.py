"""A campaign's visit team (走访小组): a social worker leading volunteers, or a partner unit
(共建单位) going on its own; and a team's day out (安排出访), which puts a home-visit shift on
the roster with the team's volunteers on it, so their hours come from signing in.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QWidget,
)

from ...core.clock import today
from ...core.roles import Actor
from ...core.services import accounts, campaigns, volunteers
from .form_parts import SavingDialog, date_of, form_layout

SEARCH_PAUSE_MS = 150
LEADER_ROLES = ("social_worker", "head")


class CampaignTeamDialog(SavingDialog):
    """新建 / 编辑 a team; ``ask`` returns the saved team's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, campaign_id: int,
                 team: campaigns.TeamRow | None = None, lang: str = "zh") -> None:
        super().__init__(parent, lang, "campaignTeam",
                         self.tr("Edit visit team") if team else self.tr("New visit team"))
        self.actor = actor
        self.campaign_id = campaign_id
        self.team = team
        self.setMinimumSize(520, 560)
        self.name = QLineEdit(team.name if team else "")
        self.name.setObjectName("teamName")
        self.name.setPlaceholderText(self.tr("e.g. 麻车村组"))
        self.leader = QComboBox()
        self.leader.setObjectName("leader")
        self.leader.addItem(self.tr("No social worker (a partner unit)"), None)
        staff = [s for s in accounts.list_staff(include_inactive=False) if s.role in LEADER_ROLES]
        staff.sort(key=lambda s: (s.role != "social_worker", s.name))
        for person in staff:
            self.leader.addItem(person.name, person.id)
        if team and team.leader_id is not None:
            index = self.leader.findData(team.leader_id)
            if index < 0:  # a leader whose account was since disabled
                self.leader.addItem(team.leader_name, team.leader_id)
                index = self.leader.count() - 1
            self.leader.setCurrentIndex(index)
        elif team is None and actor.staff_id is not None:
            self.leader.setCurrentIndex(max(self.leader.findData(actor.staff_id), 0))
        self.partner = QLineEdit(team.partner if team else "")
        self.partner.setObjectName("partner")
        self.partner.setPlaceholderText(self.tr("e.g. 县供电公司党支部"))
        self.phone = QLineEdit(team.phone if team else "")
        self.phone.setObjectName("teamPhone")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.filter_volunteers)
        self.search = QLineEdit()
        self.search.setObjectName("volunteerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Find a volunteer: name, pinyin initials or phone tail"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.volunteer_list = QListWidget()
        self.volunteer_list.setObjectName("volunteerPicks")
        self.volunteer_list.itemChanged.connect(lambda _i: self._count_picked())
        chosen = set(team.volunteer_ids) if team else set()
        rows = volunteers.list_volunteers(actor, volunteers.VolunteerQuery(status="active"))
        known = {r.id for r in rows}
        if team:  # keep members who are no longer active visible (the service will say so)
            rows += [volunteers.VolunteerRow(v, n, "", "", None, "", False, "", False, "", "")
                     for v, n in zip(team.volunteer_ids, team.volunteer_names, strict=True)
                     if v not in known]
        rows.sort(key=lambda r: r.id not in chosen)  # the team's own people first
        for row in rows:
            text = f"{row.name}  {row.team_name}".strip()
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.id in chosen else Qt.CheckState.Unchecked)
            self.volunteer_list.addItem(item)
        self.picked_label = QLabel()
        self.picked_label.setObjectName("pickedCount")
        self._count_picked()

        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Team"), wrap("name", self.name))
        form.addRow(self.tr("Leading social worker"), wrap("leader", self.leader))
        form.addRow(self.tr("Partner unit"), wrap("partner", self.partner))
        form.addRow(self.tr("Phone"), wrap("phone", self.phone))
        form.addRow(self.tr("Volunteers"), self.search)
        form.addRow("", wrap("volunteers", self.volunteer_list))
        form.addRow("", self.picked_label)
        self.layout_.addLayout(form)
        self.finish(self.tr("The team's volunteers are put on its planned outings too."))

    def filter_volunteers(self) -> None:
        """Show the volunteers the search matches (ticked ones stay ticked, hidden or not)."""
        self._timer.stop()
        text = self.search.text().strip()
        shown = None
        if text:
            shown = {r.id for r in volunteers.list_volunteers(
                self.actor, volunteers.VolunteerQuery(text=text, status="active"))}
        for i in range(self.volunteer_list.count()):
            item = self.volunteer_list.item(i)
            item.setHidden(shown is not None and item.data(Qt.ItemDataRole.UserRole) not in shown)

    def picked(self) -> list[int]:
        return [self.volunteer_list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.volunteer_list.count())
                if self.volunteer_list.item(i).checkState() == Qt.CheckState.Checked]

    def pick(self, name: str) -> None:
        """Tick the volunteer called ``name`` (tests, and typing a name then Enter)."""
        for i in range(self.volunteer_list.count()):
            item = self.volunteer_list.item(i)
            if item.text().split()[0] == name:
                item.setCheckState(Qt.CheckState.Checked)

    def _count_picked(self) -> None:
        self.picked_label.setText(self.tr("%1 volunteers chosen").replace("%1", str(len(self.picked()))))

    def save(self):
        team = campaigns.save_team(
            self.actor, self.campaign_id,
            campaigns.TeamInput(self.name.text(), self.leader.currentData(), self.partner.text(),
                                self.phone.text(), self.picked()),
            self.team.id if self.team else None)
        return team.id


class PlanOutingDialog(SavingDialog):
    """安排出访: a day and hours; ``ask`` returns the new shift's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, team: campaigns.TeamRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "planOuting", self.tr("Plan an outing"), team.name)
        self.actor = actor
        self.team = team
        self.setMinimumWidth(420)
        from ..pages.parts import date_edit

        self.day = date_edit("outingDay", today() + _dt.timedelta(days=1))
        self.day.setMinimumDate(QDate.currentDate())
        self.start = QTimeEdit(QTime(8, 30))
        self.start.setObjectName("outingStart")
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime(16, 30))
        self.end.setObjectName("outingEnd")
        self.end.setDisplayFormat("HH:mm")
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Day"), wrap("day", self.day))
        form.addRow(self.tr("From"), wrap("start_time", self.start))
        form.addRow(self.tr("To"), wrap("end_time", self.end))
        self.layout_.addLayout(form)
        self.finish(self.tr("A home-visit shift goes on the roster with the team's %1 volunteers "
                            "on it; they sign in at the front desk and their hours count for "
                            "the campaign.").replace("%1", str(len(team.volunteer_ids))))

    def save(self):
        return campaigns.plan_outing(self.actor, self.team.id, date_of(self.day),
                                     self.start.time().toString("HH:mm"),
                                     self.end.time().toString("HH:mm"))
