"""注销 / 迁出: take a household off the active list, with why and since when.

The file stays (visits, needs, members); the household leaves the due list and can be
reopened (重新启用) later.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from ...core.roles import Actor
from ...core.services import households
from ...core.services.households import HOUSEHOLD_STATUSES
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout
from .member_form import choice_combo


class CloseHouseholdDialog(SavingDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, household_id: int, who: str,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "closeHousehold", self.tr("Take off the list"), who)
        self.actor = actor
        self.household_id = household_id
        self.setMinimumWidth(460)
        self.status = choice_combo([(s, label("household_status", s)) for s in HOUSEHOLD_STATUSES[1:]],
                                   "closeStatus")
        self.reason = QLineEdit()
        self.reason.setObjectName("closeReason")
        self.reason.setPlaceholderText(self.tr("e.g. moved to live with a son in Zengcheng"))
        self.on = date_edit("closeDate")
        form = form_layout()
        form.addRow(self.tr("Why"), self.errors.wrap("status", self.status))
        form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        form.addRow(self.tr("Since"), self.errors.wrap("status_date", self.on))
        self.layout_.addLayout(form)
        self.finish(self.tr("The file is kept and the household leaves the visit list; it can "
                            "be reopened later."))
        self.reason.setFocus()

    def save(self):
        """Close the household; ``ask`` returns it."""
        return households.close_household(self.actor, self.household_id,
                                          self.status.currentData(), self.reason.text(),
                                          date_of(self.on))
