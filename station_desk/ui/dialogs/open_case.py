"""开案: open a case for a household (or one of its members), from the case page, a
household's file, or one of its needs ("转为个案").

The household is searched for as in the other dialogs unless it is given; the problem starts
as the need's text when the case grows from a need (its source too). The head picks the
responsible social worker; a social worker opens cases for themself only (the service
refuses anything else). ``ask`` returns the new case's id, or None.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.models.cases import CASE_SOURCES, RISK_LEVELS
from ...core.roles import HEAD, SOCIAL_WORKER, Actor
from ...core.services import accounts, households
from ...core.services import cases as case_service
from ..labels import label
from ..models.table import Column, RowsTableModel, make_table
from .form_parts import SavingDialog, date_edit, date_of, form_layout

SEARCH_PAUSE_MS = 200
HOUSEHOLD_MATCHES = 30


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
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.find_households)

        form = form_layout()
        self.layout_.addLayout(form)
        # the household: given (a file, a need) or searched for
        self.household_box = QWidget()
        box = QGridLayout(self.household_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.household_search = QLineEdit()
        self.household_search.setObjectName("householdSearch")
        self.household_search.setClearButtonEnabled(True)
        self.household_search.setPlaceholderText(self.tr("Head's name, pinyin initials, "
                                                         "ID or phone tail"))
        self.household_search.textChanged.connect(lambda _t: self._search_timer.start())
        self.household_search.returnPressed.connect(self.find_households)
        self.household_model = RowsTableModel([
            Column(self.tr("Head of household"), lambda r: r.head_name),
            Column(self.tr("Village"), lambda r: r.village_name),
            Column(self.tr("Address"), lambda r: r.address),
            Column(self.tr("Social worker"), lambda r: r.social_worker_name),
        ], self)
        self.household_view = make_table(self.household_model, "householdMatches")
        self.household_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.household_view.setMinimumHeight(130)
        self.household_view.setMaximumHeight(170)
        self.household_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._household_picked())
        self.household_chosen = QLabel()
        self.household_chosen.setObjectName("householdChosen")
        box.addWidget(self.household_search, 0, 0)
        box.addWidget(self.household_view, 1, 0)
        box.addWidget(self.household_chosen, 2, 0)
        form.addRow(self.tr("Household"), self.errors.wrap("household", self.household_box))

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

    def find_households(self) -> None:
        self._search_timer.stop()
        text = self.household_search.text().strip()
        if not text:
            self.household_model.set_rows([])
            return
        ids = households.find_household_ids(self.actor, households.HouseholdQuery(text=text))
        self.household_model.set_rows(households.household_rows(self.actor,
                                                                ids[:HOUSEHOLD_MATCHES]))
        if self.household_model.rowCount() == 1:
            self.household_view.selectRow(0)

    def _household_picked(self) -> None:
        if not self.household_view.selectionModel().hasSelection():
            return
        row = self.household_model.row_at(self.household_view.currentIndex().row())
        if row is not None:
            self._set_household(row.id)

    def use_household(self, household_id: int) -> None:
        """A given household: no search, just its name."""
        self.household_search.hide()
        self.household_view.hide()
        self._set_household(household_id)

    def _set_household(self, household_id: int) -> None:
        detail = households.get_household(self.actor, household_id)
        self.household_id = detail.id
        self.household_chosen.setText(self.tr("%1, %2").replace("%1", detail.head_name)
                                      .replace("%2", detail.village_name))
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
