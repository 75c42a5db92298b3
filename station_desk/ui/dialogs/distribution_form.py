"""发放登记: cards handed out in a village (which version, how many, when, by whom), or one
household's personal card (staff who see household files pick the household).

The version offered first is the policy's one in force. The entry joins the distribution
ledger; a wrong one is reversed from the list with a reason, never edited.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from ...core.services import households, policies, station
from .form_parts import SavingDialog, date_edit, date_of, form_layout
from .policy_editor import fill_versions, policy_combo


class DistributionFormDialog(SavingDialog):
    """``ask(parent, context, policy_id=None, village_id=None)``: returns the new
    ``Distribution``."""

    def __init__(self, parent, context, policy_id: int | None = None,
                 village_id: int | None = None) -> None:
        super().__init__(parent, context.lang, "distributionFormDialog",
                         self.tr("Cards handed out"))
        self.actor = context.actor
        self.setMinimumWidth(460)
        form = form_layout()
        self.layout_.addLayout(form)
        self.policy = policy_combo(self.actor, "distributionPolicy", policy_id)
        form.addRow(self.tr("Policy"), self.policy)
        self.version = QComboBox()
        self.version.setObjectName("distributionVersion")
        form.addRow(self.tr("Version"), self.errors.wrap("version", self.version))
        self.policy.currentIndexChanged.connect(lambda _i: self.load_versions())
        self.load_versions()
        self.village = QComboBox()
        self.village.setObjectName("distributionVillage")
        for village in station.list_villages(kind="village", include_inactive=False):
            self.village.addItem(village.name, village.id)
        self.village.setCurrentIndex(max(self.village.findData(village_id), 0))
        form.addRow(self.tr("Village"), self.errors.wrap("village", self.village))
        self.household = None
        if self.actor.can("households.view"):
            self.household_search = QLineEdit()
            self.household_search.setObjectName("distributionHouseholdSearch")
            self.household_search.setPlaceholderText(self.tr(
                "A household's own card: head's name, pinyin initials or phone tail"))
            self.household_search.textChanged.connect(lambda _t: self.find_households())
            form.addRow(self.tr("Household"), self.household_search)
            self.household = QComboBox()
            self.household.setObjectName("distributionHousehold")
            self.household.addItem(self.tr("— cards for the village, not one household —"), None)
            self.household.currentIndexChanged.connect(lambda _i: self._household_chosen())
            form.addRow("", self.errors.wrap("household", self.household))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("distributionQuantity")
        self.quantity.setRange(1, 100_000)
        self.quantity.setValue(1)
        form.addRow(self.tr("Cards"), self.errors.wrap("quantity", self.quantity))
        self.handed_on = date_edit("distributionDate")
        form.addRow(self.tr("Handed out on"), self.errors.wrap("handed_on", self.handed_on))
        self.handed_by = QLineEdit(self.actor.name)
        self.handed_by.setObjectName("distributionHandedBy")
        form.addRow(self.tr("Handed out by"), self.errors.wrap("handed_by", self.handed_by))
        self.finish(self.tr("A wrong entry is reversed from the list later, with a reason."))

    def find_households(self) -> None:
        """The first twenty households the search finds, in the village chosen."""
        text = self.household_search.text().strip()
        self.household.blockSignals(True)
        while self.household.count() > 1:
            self.household.removeItem(1)
        if text:
            ids = households.find_household_ids(self.actor, households.HouseholdQuery(
                text=text, village_id=self.village.currentData()))[:20]
            for row in households.household_rows(self.actor, ids):
                self.household.addItem(f"{row.head_name}（{row.village_name} {row.address}）",
                                       row.id)
            if self.household.count() > 1:
                self.household.setCurrentIndex(1)
        self.household.blockSignals(False)
        self._household_chosen()

    def _household_chosen(self) -> None:
        one = self.household is not None and self.household.currentData() is not None
        if one:
            self.quantity.setValue(1)  # a household's own card
        self.quantity.setEnabled(not one)

    def load_versions(self) -> None:
        fill_versions(self.version, self.actor, self.policy.currentData())

    def save(self):
        from ...core.errors import ValidationError

        if self.version.currentData() is None:
            raise ValidationError("required", field="version")
        household_id = self.household.currentData() if self.household is not None else None
        return policies.record_distribution(
            self.actor, self.version.currentData(), self.quantity.value(),
            village_id=None if household_id else self.village.currentData(),
            household_id=household_id, handed_on=date_of(self.handed_on),
            handed_by=self.handed_by.text())
