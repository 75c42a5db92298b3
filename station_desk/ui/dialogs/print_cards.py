"""印制明白卡: print a version's cards (wallet, A5 leaflet or A4 poster, so many copies, for a
village if it is for one), or personalised wallet cards for the households a village /
category / tier picks (each gets the card of every policy its categories match, with the
head's name, masked unless the station prints it in full, and their social worker).

The dialog checks the text fits before it closes (the "too long" sentence names the
section); ``print_cards`` then builds the PDF on the database worker, records the print
run(s) — after which the version never changes — and previews it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError, ValidationError
from ...core.services import policies, station
from ...messages import describe_error
from ..widgets import error_label
from .form_parts import form_layout, muted
from .policy_editor import fill_versions, policy_combo


def layout_title(layout: str) -> str:
    titles = {
        "wallet": QCoreApplication.translate("PolicyCards", "Wallet cards 90 × 54 mm, 10 to an A4 sheet, two-sided"),
        "a5": QCoreApplication.translate("PolicyCards", "A5 leaflet, one a page"),
        "a4": QCoreApplication.translate("PolicyCards", "A4 poster"),
    }
    return titles[layout]


@dataclass
class PrintJob:
    """What to print and the print runs to record once it is built."""

    cards: list
    layout: str
    copies: int
    runs: list[tuple[int, int, int]]  # (version id, copies recorded, households)
    village_id: int | None
    title: str
    households: int = 0
    problems: list = field(default_factory=list)  # characters no font has


class PrintCardsDialog(QDialog):
    """``ask(parent, context, policy_id=None, version_id=None)`` -> ``PrintJob`` or None."""

    def __init__(self, parent, context, policy_id: int | None = None,
                 version_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printCardsDialog")
        self.setWindowTitle(self.tr("Print policy cards"))
        self.setMinimumWidth(560)
        self.actor = context.actor
        self.lang = context.lang
        self.job: PrintJob | None = None
        self.household_ids: list[int] = []
        self.personal_count = 0
        layout = QVBoxLayout(self)

        form = form_layout()
        layout.addLayout(form)
        self.policy = policy_combo(self.actor, "printPolicy", policy_id)
        form.addRow(self.tr("Policy"), self.policy)
        self.version = QComboBox()
        self.version.setObjectName("printVersion")
        form.addRow(self.tr("Version"), self.version)
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("printLayout")
        for code in ("wallet", "a5", "a4"):
            self.layout_box.addItem(layout_title(code), code)
        form.addRow(self.tr("Layout"), self.layout_box)

        self.plain = QRadioButton(self.tr("The same card, so many copies"))
        self.plain.setObjectName("printPlain")
        self.personal = QRadioButton(self.tr("Personalised cards for households"))
        self.personal.setObjectName("printPersonal")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.plain)
        self.mode.addButton(self.personal)
        self.plain.setChecked(True)
        layout.addWidget(self.plain)
        self.plain_box = QWidget()
        plain_form = form_layout()
        plain_form.setContentsMargins(24, 0, 0, 0)
        self.plain_box.setLayout(plain_form)
        self.copies = QSpinBox()
        self.copies.setObjectName("printCopies")
        self.copies.setRange(1, 10_000)
        self.copies.setValue(10)
        plain_form.addRow(self.tr("Copies"), self.copies)
        self.village = QComboBox()
        self.village.setObjectName("printVillage")
        self.village.addItem(self.tr("(not for one village)"), None)
        villages = station.list_villages(kind="village", include_inactive=False)
        for village in villages:
            self.village.addItem(village.name, village.id)
        plain_form.addRow(self.tr("For village"), self.village)
        layout.addWidget(self.plain_box)

        self.can_personalise = self.actor.can("households.view")
        layout.addWidget(self.personal)
        self.personal.setVisible(self.can_personalise)
        self.personal_box = QWidget()
        self.personal_box.setObjectName("personalBox")
        personal_form = form_layout()
        personal_form.setContentsMargins(24, 0, 0, 0)
        self.personal_box.setLayout(personal_form)
        self.h_village = QComboBox()
        self.h_village.setObjectName("householdVillage")
        self.h_category = QComboBox()
        self.h_category.setObjectName("householdCategory")
        self.h_tier = QComboBox()
        self.h_tier.setObjectName("householdTier")
        self.h_village.addItem(self.tr("All villages"), None)
        for village in villages:
            self.h_village.addItem(village.name, village.id)
        self.h_category.addItem(self.tr("All categories"), None)
        for category in station.list_categories(include_inactive=False):
            self.h_category.addItem(category.name, category.id)
        self.h_tier.addItem(self.tr("All tiers"), None)
        for tier in station.list_tiers(include_inactive=False):
            self.h_tier.addItem(tier.name, tier.id)
        personal_form.addRow(self.tr("Village"), self.h_village)
        personal_form.addRow(self.tr("Category"), self.h_category)
        personal_form.addRow(self.tr("Tier"), self.h_tier)
        self.only_policy = QCheckBox(self.tr("Only this policy (else every policy in force "
                                             "that matches the household)"))
        self.only_policy.setObjectName("onlyThisPolicy")
        personal_form.addRow("", self.only_policy)
        self.count_label = QLabel()
        self.count_label.setObjectName("personalCount")
        personal_form.addRow("", self.count_label)
        layout.addWidget(self.personal_box)
        self.personal_box.setVisible(False)
        if not self.can_personalise:
            layout.addWidget(muted(self.tr("Personalised cards need access to the household "
                                           "files.")))

        self.error = error_label()
        self.error.setObjectName("printError")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Print…"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.policy.currentIndexChanged.connect(lambda _i: self._policy_changed())
        self.personal.toggled.connect(self._mode_changed)
        for box in (self.h_village, self.h_category, self.h_tier):
            box.currentIndexChanged.connect(lambda _i: self.count_households())
        self.only_policy.toggled.connect(lambda _on: self.count_households())
        self._policy_changed(version_id)

    # --- choices -----------------------------------------------------------------------

    def _policy_changed(self, version_id: int | None = None) -> None:
        fill_versions(self.version, self.actor, self.policy.currentData(), version_id)
        if self.personal.isChecked():
            self.count_households()

    def _mode_changed(self, personal: bool) -> None:
        self.plain_box.setVisible(not personal)
        self.personal_box.setVisible(personal)
        self.version.setEnabled(not personal)  # personalised cards print the versions in force
        if personal:
            self.count_households()
        self.error.hide()
        self.adjustSize()

    def _policy_ids(self) -> list[int] | None:
        return [self.policy.currentData()] if self.only_policy.isChecked() else None

    def count_households(self) -> tuple[int, int]:
        """How many households the filters pick, and how many cards they get."""
        from ...core.services import households as hh

        query = hh.HouseholdQuery(village_id=self.h_village.currentData(),
                                  category_id=self.h_category.currentData(),
                                  tier_id=self.h_tier.currentData())
        self.household_ids = hh.find_household_ids(self.actor, query)
        self.personal_count = len(policies.personalised_cards(self.actor, self.household_ids,
                                                              self._policy_ids()))
        self.count_label.setText(self.tr("%1 households, %2 cards")
                                 .replace("%1", str(len(self.household_ids)))
                                 .replace("%2", str(self.personal_count)))
        return len(self.household_ids), self.personal_count

    # --- the job -----------------------------------------------------------------------

    def make_job(self) -> PrintJob:
        """The cards to print, checked to fit (``card_too_long`` when they don't)."""
        from ...core.reports import policy_cards as report

        layout = self.layout_box.currentData()
        if self.personal.isChecked():
            self.count_households()
            cards, per_version = policies.personal_cards(self.actor, self.household_ids,
                                                         self._policy_ids())
            if not cards:
                raise ValidationError("printout_no_policy_cards",
                                      households=len(self.household_ids))
            runs = [(version_id, count, count) for version_id, count in per_version.items()]
            job = PrintJob(cards, layout, 1, runs, self.h_village.currentData(),
                           self.tr("Personalised policy cards"), len(self.household_ids))
        else:
            version_id = self.version.currentData()
            if version_id is None:
                raise ValidationError("required", field="version")
            cards = policies.plain_cards(self.actor, version_id)
            copies = self.copies.value()
            job = PrintJob(cards, layout, copies, [(version_id, copies, 0)],
                           self.village.currentData(),
                           self.tr("Policy cards: %1").replace("%1", cards[0].text.title))
        for version_id, count, households in job.runs:  # refused before anything is drawn
            policies.check_print(self.actor, policies.get_version(self.actor, version_id),
                                 layout, count, personal=households > 0)
        problems = report.fit_problems(job.cards, layout)
        if problems:
            raise problems[0].error()
        job.problems = report.check(job.cards)
        return job

    def _on_ok(self) -> None:
        try:
            self.job = self.make_job()
        except StationError as error:
            self.error.setText(describe_error(error, self.lang))
            self.error.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent, context, policy_id: int | None = None,
            version_id: int | None = None) -> PrintJob | None:
        dialog = cls(parent, context, policy_id, version_id)
        return dialog.job if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_cards(parent: QWidget | None, context, job: PrintJob, out: Path):
    """Build ``job``'s PDF on the worker, record its print run(s), then preview it.
    Returns the ``Operation``."""
    from ...core.reports import policy_cards as report
    from .. import ops
    from .pdf_preview import preview_printout

    actor, lang = context.actor, context.lang

    def build() -> int:
        report.build(job.cards, out, layout=job.layout, lang=lang, copies=job.copies)
        try:  # the runs, all or none; no recorded run, no file
            policies.record_print_runs(actor, [(v, job.layout, count, households)
                                               for v, count, households in job.runs],
                                       village_id=job.village_id)
        except Exception:
            out.unlink(missing_ok=True)
            raise
        return len(job.runs)

    operation = ops.run_operation(parent, QCoreApplication.translate(
        "PolicyCards", "Preparing the policy cards…"), build, cancellable=False)
    operation.finished.connect(lambda _runs: preview_printout(parent, out, job.problems,
                                                              job.title))
    return operation
