"""登记走访结果: one call at a campaign's target household, in three clicks.

It opens on the usual case (visited today, the team's people as visitors, the package handed
over when there is one to hand over), so from the list: the row, 登记结果, OK. 不在家 asks
when to try again and with which team; 已迁出 / 已去世 ask why, and warn that the household's
file will be closed. A refusal from the service (a short item in the package, a date before
the campaign began) is shown in the dialog, which stays open with what was typed.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from ...core.clock import today
from ...core.roles import Actor
from ...core.services import campaigns
from ...core.services.households import NEED_URGENCIES
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout, qdate
from .member_form import choice_combo

OUTCOMES = ("visited", "nobody_home", "declined", "moved", "deceased")
GONE = ("moved", "deceased")


def team_visitors(team: campaigns.TeamRow | None) -> str:
    """The people a team sends: its leader, then its volunteers (or the partner unit)."""
    if team is None:
        return ""
    names = [team.leader_name] if team.leader_name else []
    if not names and team.partner:
        names.append(team.partner)
    return "、".join(names + list(team.volunteer_names))


def outcome_name(code: str) -> str:
    """已走访 / 不在家 / 拒访 / 已迁出 / 已去世: what the target becomes, but 不在家 leaves it open."""
    return label("visit_outcome" if code == "nobody_home" else "target_status", code)


class CampaignOutcomeDialog(SavingDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, target: campaigns.TargetRow,
                 campaign: campaigns.CampaignRow, teams: Sequence[campaigns.TeamRow] = (),
                 lang: str = "zh") -> None:
        heading = f"{target.head_name} · {target.village} {target.address}".strip()
        super().__init__(parent, lang, "campaignOutcome", self.tr("Record the outcome"), heading)
        self.actor = actor
        self.target = target
        self.campaign = campaign
        self.setMinimumWidth(640)
        team = next((t for t in teams if t.id == target.team_id), None)

        self.outcome_group = QButtonGroup(self)
        outcome_row = QHBoxLayout()
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for code in OUTCOMES:
            radio = QRadioButton(outcome_name(code))
            radio.setObjectName(f"outcome_{code}")
            radio.setMinimumHeight(40)  # big targets: this dialog is used many times a day
            radio.setMinimumWidth(radio.sizeHint().width() + 16)
            self.outcome_group.addButton(radio)
            self.outcome_buttons[code] = radio
            outcome_row.addWidget(radio)
        outcome_row.addStretch(1)
        outcomes = QWidget()
        outcomes.setLayout(outcome_row)
        outcome_row.setContentsMargins(0, 0, 0, 0)

        self.visited_on = date_edit("visitedOn")
        start = campaign.starts_on
        self.visited_on.setMinimumDate(qdate(min(start, today())))
        self.visitors = QLineEdit(team_visitors(team) or actor.name)
        self.visitors.setObjectName("visitors")
        self.visitors.setPlaceholderText(self.tr("Names, separated by 、"))

        self.delivered = QCheckBox(self.tr("Package handed over"))
        self.delivered.setObjectName("delivered")
        self.signed = QCheckBox(self.tr("Signed for"))
        self.signed.setObjectName("signed")
        self.can_deliver = bool(target.package) and not target.delivered
        self.delivered.setChecked(self.can_deliver)
        self.delivered.toggled.connect(lambda _on: self._update())
        package_row = QHBoxLayout()
        package_row.setContentsMargins(0, 0, 0, 0)
        package_text = (f"{target.package}×{target.package_count}" if target.package
                        else self.tr("No package"))
        self.package_label = QLabel(package_text)
        self.package_label.setObjectName("packageName")
        for widget in (self.package_label, self.delivered, self.signed):
            package_row.addWidget(widget)
        package_row.addStretch(1)
        packages = QWidget()
        packages.setLayout(package_row)

        self.needs = QPlainTextEdit()
        self.needs.setObjectName("needsFound")
        self.needs.setFixedHeight(64)
        self.needs.setPlaceholderText(self.tr("One need per line, e.g. help applying for "
                                              "temporary assistance"))
        self.urgency = choice_combo([(u, label("need_urgency", u)) for u in NEED_URGENCIES],
                                    "needUrgency")
        self.urgency.setCurrentIndex(NEED_URGENCIES.index("normal"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("outcomeSummary")
        self.summary.setFixedHeight(56)
        self.summary.setPlaceholderText(self.tr("What was seen and talked about"))

        # nobody home: when to go again, and with whom
        from ..pages.parts import date_edit as free_date

        self.requeue_set = QCheckBox(self.tr("Try again on"))
        self.requeue_set.setObjectName("requeueSet")
        self.requeue_set.setChecked(True)
        self.requeue_on = free_date("requeueOn", today() + _dt.timedelta(days=2))
        self.requeue_on.setMinimumDate(QDate.currentDate().addDays(1))
        self.requeue_set.toggled.connect(self.requeue_on.setEnabled)
        requeue_row = QHBoxLayout()
        requeue_row.setContentsMargins(0, 0, 0, 0)
        requeue_row.addWidget(self.requeue_set)
        requeue_row.addWidget(self.requeue_on)
        requeue_row.addStretch(1)
        requeue = QWidget()
        requeue.setLayout(requeue_row)
        self.requeue_team = QComboBox()
        self.requeue_team.setObjectName("requeueTeam")
        self.requeue_team.addItem(self.tr("The same team"), None)
        for other in teams:
            if other.id != target.team_id:
                self.requeue_team.addItem(other.name, other.id)

        # moved / deceased: why, and the household's file closes
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. moved to her son's in the county town"))
        self.gone_warning = QLabel()
        self.gone_warning.setObjectName("goneWarning")
        self.gone_warning.setWordWrap(True)
        self.gone_warning.setStyleSheet("color: #c62828;")

        wrap = self.errors.wrap
        form = form_layout()
        self.form = form
        form.addRow(self.tr("Date"), wrap("visited_on", self.visited_on))
        form.addRow(self.tr("Visitors"), wrap("visitors", self.visitors))
        form.addRow(self.tr("Package"), wrap("package", packages))
        form.addRow(self.tr("Try again"), wrap("requeue_on", requeue))
        form.addRow(self.tr("With team"), wrap("requeue_team", self.requeue_team))
        form.addRow(self.tr("Reason"), wrap("reason", self.reason))
        form.addRow("", self.gone_warning)
        form.addRow(self.tr("Needs found"), wrap("content", self.needs))
        form.addRow(self.tr("Urgency of the needs"), wrap("urgency", self.urgency))
        form.addRow(self.tr("Summary"), wrap("summary", self.summary))
        self.rows = {"package": 2, "requeue_on": 3, "requeue_team": 4, "reason": 5,
                     "warning": 6, "needs": 7, "urgency": 8}
        self.layout_.addWidget(wrap("outcome", outcomes))
        self.layout_.addLayout(form)
        self.finish(self.tr("Each outcome goes into the household's visit history; a visit "
                            "moves its next visit date."))
        self.outcome_group.buttonToggled.connect(lambda *_a: self._update())
        self.outcome_buttons["visited"].setChecked(True)
        self._update()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setFocus()

    def outcome(self) -> str:
        for code, radio in self.outcome_buttons.items():
            if radio.isChecked():
                return code
        return "visited"

    def set_outcome(self, code: str) -> None:
        self.outcome_buttons[code].setChecked(True)

    def _show_row(self, key: str, shown: bool) -> None:
        self.form.setRowVisible(self.rows[key], shown)

    def _update(self) -> None:
        outcome = self.outcome()
        visited = outcome == "visited"
        self.delivered.setEnabled(visited and self.can_deliver)
        self.signed.setEnabled(visited and self.can_deliver and self.delivered.isChecked())
        if not self.signed.isEnabled():
            self.signed.setChecked(False)
        self._show_row("package", visited)
        self._show_row("requeue_on", outcome == "nobody_home")
        self._show_row("requeue_team", outcome == "nobody_home" and self.requeue_team.count() > 1)
        self._show_row("reason", outcome in GONE)
        self._show_row("warning", outcome in GONE)
        self._show_row("needs", outcome != "nobody_home")
        self._show_row("urgency", outcome != "nobody_home")
        if outcome in GONE:
            first = (self.tr("The household's file will be closed as moved away.")
                     if outcome == "moved"
                     else self.tr("The household's file will be closed as deceased."))
            second = self.tr("Its package is no longer held for it.")
            self.gone_warning.setText(first + ("" if first.endswith("。") else " ") + second)
            self.reason.setPlaceholderText(
                self.tr("e.g. moved to her son's in the county town") if outcome == "moved"
                else self.tr("e.g. died of illness on 12 November"))
        self.adjustSize()

    def outcome_input(self) -> campaigns.OutcomeInput:
        outcome = self.outcome()
        visited = outcome == "visited"
        nobody = outcome == "nobody_home"
        needs = [] if nobody else [line.strip() for line in self.needs.toPlainText().splitlines()
                                   if line.strip()]
        return campaigns.OutcomeInput(
            outcome=outcome, visited_on=date_of(self.visited_on), visitors=self.visitors.text(),
            delivered=visited and self.delivered.isEnabled() and self.delivered.isChecked(),
            signed=visited and self.signed.isEnabled() and self.signed.isChecked(),
            needs=needs, need_urgency=self.urgency.currentData(),
            summary=self.summary.toPlainText(),
            reason=self.reason.text() if outcome in GONE else "",
            requeue_on=date_of(self.requeue_on) if nobody and self.requeue_set.isChecked() else None,
            requeue_team_id=self.requeue_team.currentData() if nobody else None)

    def save(self):
        """Record the call; ``ask`` returns True."""
        campaigns.record_outcome(self.actor, self.target.id, self.outcome_input())
        return True
