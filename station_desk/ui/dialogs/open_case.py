"""开案: open a case for a household (or one of its members), from the case page, a
household's file, or one of its needs ("转为个案").

The household is searched for as in the other dialogs unless it is given; the problem starts
as the need's text when the case grows from a need (its source too). The head picks the
responsible social worker; a social worker opens cases for themself only (the service
refuses anything else). ``ask`` returns the new case's id, or None.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
)

from ...core.errors import ValidationError
from ...core.models.cases import CASE_SOURCES, RISK_LEVELS
from ...core.roles import HEAD, SOCIAL_WORKER, Actor
from ...core.services import accounts, households
from ...core.services import cases as case_service
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout
from .household_picker import HouseholdPicker


def worker_choices(actor: Actor) -> list[tuple[int, str]]:
    """Who may hold a case: the head chooses among active social workers (and heads); a
    social worker only themself."""
    if actor.role != HEAD:
        return [(actor.staff_id, actor.name)]
    staff = [s for s in accounts.list_staff(include_inactive=False)
             if s.role in (SOCIAL_WORKER, HEAD)]
    return [(s.id, s.name) for s in sorted(staff, key=lambda s: (s.role != SOCIAL_WORKER, s.id))]


class OpenCaseDialog(SavingDialog):
    def __init__(self, parent, actor: Actor, household_id: int | None = None,
                 need_id: int | None = None, lang: str = "zh") -> None:
        super().__init__(parent, lang, "openCaseDialog", self.tr("Open a case"))
        self.actor = actor
        self.need_id = need_id
        self.household_id: int | None = None
        self.setMinimumWidth(620)
        form = form_layout()
        self.layout_.addLayout(form)
        # the household: given (a file, a need) or searched for
        self.picker = HouseholdPicker(actor, also="social_worker")
        self.picker.view.setMinimumHeight(130)
        self.picker.view.setMaximumHeight(170)
        self.picker.picked.connect(self._set_household)
        # the parts by their old names (the tests and the give-out dialog read them so)
        self.household_search, self.household_view = self.picker.search, self.picker.view
        self.household_model, self.household_chosen = self.picker.model, self.picker.chosen
        self.find_households = self.picker.find
        form.addRow(self.tr("Household"), self.errors.wrap("household", self.picker))

        self.member = QComboBox()
        self.member.setObjectName("caseMember")
        form.addRow(self.tr("For"), self.errors.wrap("member", self.member))
        self.source = QComboBox()
        self.source.setObjectName("caseSource")
        for code in CASE_SOURCES:
            self.source.addItem(label("case_source", code), code)
        form.addRow(self.tr("Source"), self.errors.wrap("source", self.source))
        self.problem = QPlainTextEdit()
        self.problem.setObjectName("caseProblem")
        self.problem.setPlaceholderText(self.tr("The problem as the person presents it"))
        self.problem.setFixedHeight(90)
        form.addRow(self.tr("Problem"), self.errors.wrap("problem", self.problem))
        self.risk = QComboBox()
        self.risk.setObjectName("caseRisk")
        self.risk.addItem(self.tr("Not yet judged"), "")
        for code in RISK_LEVELS:
            self.risk.addItem(label("risk", code), code)
        form.addRow(self.tr("Risk"), self.errors.wrap("risk", self.risk))
        self.opened_on = date_edit("caseOpenedOn")
        form.addRow(self.tr("Opened on"), self.errors.wrap("opened_on", self.opened_on))
        self.worker = QComboBox()
        self.worker.setObjectName("caseWorker")
        for staff_id, name in worker_choices(actor):
            self.worker.addItem(name, staff_id)
        self.worker.setEnabled(self.worker.count() > 1)
        form.addRow(self.tr("Social worker"), self.errors.wrap("social_worker", self.worker))
        self.finish(self.tr("The case's notes are read by its social worker and the station "
                            "head only."))
        if household_id is not None:
            self.use_household(household_id)

    # --- the household -------------------------------------------------------------------

    def use_household(self, household_id: int) -> None:
        """A given household: no search, just its name."""
        self.picker.use_household(household_id)

    def _set_household(self, household_id: int) -> None:
        detail = households.get_household(self.actor, household_id)
        self.household_id = detail.id
        self.member.clear()
        self.member.addItem(self.tr("The whole household"), None)
        for member in detail.members:
            if member.status == "active":
                self.member.addItem(f"{member.name}（{member.relation}）" if member.relation
                                    else member.name, member.id)
        if detail.social_worker_id is not None:
            index = self.worker.findData(detail.social_worker_id)
            if index >= 0:
                self.worker.setCurrentIndex(index)
        need = next((n for n in detail.needs if n.id == self.need_id), None)
        if need is not None:
            self.problem.setPlainText(need.content)
            index = self.source.findData(need.source)
            if index >= 0:
                self.source.setCurrentIndex(index)
            if need.member_name:
                index = self.member.findText(need.member_name, flags=self._starts_with())
                if index >= 0:
                    self.member.setCurrentIndex(index)

    @staticmethod
    def _starts_with():
        from PySide6.QtCore import Qt

        return Qt.MatchFlag.MatchStartsWith

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> int:
        if self.household_id is None:
            raise ValidationError("required", field="household")
        case = case_service.open_case(self.actor, case_service.CaseInput(
            household_id=self.household_id, problem=self.problem.toPlainText(),
            member_id=self.member.currentData(), social_worker_id=self.worker.currentData(),
            opened_on=date_of(self.opened_on), source=self.source.currentData(),
            need_id=self.need_id, risk=self.risk.currentData() or ""))
        return case.id

    @classmethod
    def ask(cls, parent, actor: Actor, household_id: int | None = None,  # type: ignore[override]
            need_id: int | None = None, lang: str = "zh") -> int | None:
        return super().ask(parent, actor, household_id, need_id, lang)
