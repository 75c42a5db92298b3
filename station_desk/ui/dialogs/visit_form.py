"""记录走访: one call at a household, ready to confirm as it opens.

It opens filled in for the usual case (today, a routine visit, visited, the signed-in user
as visitor), so from the list a visit takes three clicks: the row, 记录走访, OK. Needs heard
on the visit (群众诉求) are typed one per line and go on file with it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from ...core.roles import Actor
from ...core.services import households
from ...core.services.households import NEED_URGENCIES, VISIT_KINDS, VISIT_OUTCOMES
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout
from .member_form import choice_combo


class VisitFormDialog(SavingDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, household_id: int, who: str,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "visitForm", self.tr("Record a visit"), who)
        self.actor = actor
        self.household_id = household_id
        self.setMinimumWidth(520)
        self.visited_on = date_edit("visitedOn")
        self.kind = choice_combo([(k, label("visit_kind", k)) for k in VISIT_KINDS], "visitKind")
        self.outcome = choice_combo([(o, label("visit_outcome", o)) for o in VISIT_OUTCOMES], "visitOutcome")
        self.visitors = QLineEdit(actor.name)
        self.visitors.setObjectName("visitors")
        self.visitors.setPlaceholderText(self.tr("Names, separated by 、"))
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("visitSummary")
        self.summary.setFixedHeight(72)
        self.summary.setPlaceholderText(self.tr("What was seen and talked about"))
        self.next_action = QLineEdit()
        self.next_action.setObjectName("nextAction")
        self.next_action.setPlaceholderText(self.tr("e.g. come back on Thursday"))
        self.needs = QPlainTextEdit()
        self.needs.setObjectName("needsHeard")
        self.needs.setFixedHeight(72)
        self.needs.setPlaceholderText(self.tr("One need per line, e.g. help applying for "
                                              "temporary assistance"))
        self.urgency = choice_combo([(u, label("need_urgency", u)) for u in NEED_URGENCIES], "needUrgency")
        self.urgency.setCurrentIndex(NEED_URGENCIES.index("normal"))

        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Date"), wrap("visited_on", self.visited_on))
        form.addRow(self.tr("Kind"), wrap("kind", self.kind))
        form.addRow(self.tr("Outcome"), wrap("outcome", self.outcome))
        form.addRow(self.tr("Visitors"), wrap("visitors", self.visitors))
        form.addRow(self.tr("Summary"), wrap("summary", self.summary))
        form.addRow(self.tr("Next action"), wrap("next_action", self.next_action))
        form.addRow(self.tr("Needs heard"), wrap("content", self.needs))
        form.addRow(self.tr("Urgency of the needs"), wrap("urgency", self.urgency))
        self.layout_.addLayout(form)
        self.finish(self.tr("Only a visit where the household was seen resets its visit clock."))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setDefault(True)
        ok.setFocus()

    def visit_input(self) -> households.VisitInput:
        return households.VisitInput(
            visited_on=date_of(self.visited_on), outcome=self.outcome.currentData(),
            kind=self.kind.currentData(), visitors=self.visitors.text(),
            summary=self.summary.toPlainText(), next_action=self.next_action.text(),
            needs=[line.strip() for line in self.needs.toPlainText().splitlines() if line.strip()],
            need_urgency=self.urgency.currentData())

    def save(self):
        """Record the visit; ``ask`` returns the ``Visit``."""
        return households.record_visit(self.actor, self.household_id, self.visit_input())
