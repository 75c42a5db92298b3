"""Changing a campaign's target list by hand: put a household on it (加入名单), take
households off (移出名单) or undo an outcome (撤销结果), always with a reason, and change
the package (改慰问品). The list is a snapshot of the rules on the day the campaign was
made; these are the audited exceptions. What stock is still short comes back to the page,
which says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from ...core.roles import Actor
from ...core.services import campaigns, households, inventory
from ..models.table import Column, RowsTableModel
from .form_parts import SavingDialog, form_layout, muted

SEARCH_PAUSE_MS = 200
MAX_FOUND = 50


def package_choices(actor: Actor, keep: str = "") -> list[tuple[int | None, str]]:
    """Active packages (and a retired one a target still has), with "no package" first."""
    from PySide6.QtCore import QCoreApplication

    rows = inventory.packages(actor, include_inactive=True)
    return [(None, QCoreApplication.translate("CampaignTarget", "No package"))] + [
        (p.id, p.name) for p in rows if p.active or p.name == keep]


def package_combo(choices: Sequence[tuple[int | None, str]], name: str,
                  current: str = "") -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for data, text in choices:
        combo.addItem(text, data)
    index = combo.findText(current) if current else -1
    combo.setCurrentIndex(index if index >= 0 else min(1, combo.count() - 1))
    return combo


def count_box(name: str, value: int = 1) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(1, 99)
    box.setValue(max(1, value))
    return box


class AddTargetDialog(SavingDialog):
    """加入名单: find a household, say why it is added, give it a package (and a team)."""

    def __init__(self, parent: QWidget | None, actor: Actor, campaign_id: int,
                 teams: Sequence[campaigns.TeamRow] = (), lang: str = "zh",
                 package: str = "") -> None:
        super().__init__(parent, lang, "addTarget", self.tr("Add a household to the list"))
        self.actor = actor
        self.campaign_id = campaign_id
        self.setMinimumSize(640, 520)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.search_now)
        self.search = QLineEdit()
        self.search.setObjectName("householdSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, ID or phone tail"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.search_now)
        self.model = RowsTableModel([
            Column(self.tr("Head of household"), lambda r: r.head_name),
            Column(self.tr("Village"), lambda r: r.village_name),
            Column(self.tr("Address"), lambda r: r.address),
            Column(self.tr("Categories"), lambda r: r.categories),
        ], self)
        from ..pages.parts import fitted_table

        self.found = fitted_table(self.model, "foundHouseholds")  # at most MAX_FOUND rows
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. registered as 低保 after the list was made"))
        self.package = package_combo(package_choices(actor), "package", package)
        self.count = count_box("packageCount")
        self.team = QComboBox()
        self.team.setObjectName("team")
        self.team.addItem(self.tr("No team yet"), None)
        for team in teams:
            self.team.addItem(team.name, team.id)
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Find"), self.search)
        form.addRow("", wrap("household", self.found))
        form.addRow(self.tr("Why"), wrap("reason", self.reason))
        form.addRow(self.tr("Package"), wrap("package", self.package))
        form.addRow(self.tr("Packages"), wrap("package_count", self.count))
        form.addRow(self.tr("Team"), wrap("team", self.team))
        self.layout_.addLayout(form)
        self.finish(self.tr("The package is set aside from stock at once."))

    def search_now(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        if not text:
            self.model.set_rows([])
            return
        ids = households.find_household_ids(self.actor, households.HouseholdQuery(text=text))
        self.model.set_rows(households.household_rows(self.actor, ids[:MAX_FOUND]))
        if self.model.rowCount() == 1:
            self.found.selectRow(0)

    def chosen(self):
        if not self.found.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.found.currentIndex().row())

    def save(self):
        """Add the household; ``ask`` returns the shortfalls (empty when stock suffices)."""
        from ...core.errors import ValidationError

        row = self.chosen()
        if row is None:
            raise ValidationError("required", field="household")
        _target, short = campaigns.add_target(
            self.actor, self.campaign_id, row.id, self.reason.text(),
            package_id=self.package.currentData(), package_count=self.count.value(),
            team_id=self.team.currentData())
        return list(short)


class ReasonDialog(SavingDialog):
    """A reason, then ``apply(reason)`` (移出名单, 撤销结果): refusals stay in the dialog."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 apply: Callable[[str], object], lang: str = "zh", note: str = "") -> None:
        super().__init__(parent, lang, "reasonDialog", title, prompt)
        self.setMinimumWidth(480)
        heading = self.findChild(QLabel, "subheading")
        if heading is not None:  # the prompt is a sentence or two
            heading.setWordWrap(True)
            heading.setMaximumWidth(560)
        self._apply = apply
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        form = form_layout()
        form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        self.layout_.addLayout(form)
        self.finish(note)

    def save(self):
        result = self._apply(self.reason.text())
        return True if result is None else result


class ChangePackageDialog(SavingDialog):
    """改慰问品 for the chosen targets not yet given theirs; the reservation follows."""

    def __init__(self, parent: QWidget | None, actor: Actor, rows: Sequence[campaigns.TargetRow],
                 lang: str = "zh") -> None:
        names = "、".join(r.head_name for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        super().__init__(parent, lang, "changePackage", self.tr("Change the package"), names)
        self.actor = actor
        self.setMinimumWidth(400)
        self.target_ids = [r.id for r in rows]
        first = rows[0] if rows else None
        self.package = package_combo(package_choices(actor, first.package if first else ""),
                                     "package", first.package if first else "")
        self.count = count_box("packageCount", first.package_count if first else 1)
        form = form_layout()
        form.addRow(self.tr("Package"), self.errors.wrap("package", self.package))
        form.addRow(self.tr("Packages"), self.errors.wrap("package_count", self.count))
        self.layout_.addLayout(form)
        self.layout_.addWidget(muted(self.tr("%1 households").replace("%1", str(len(rows)))))
        self.finish()

    def save(self):
        """Returns the shortfalls."""
        return list(campaigns.set_package(self.actor, self.target_ids,
                                          self.package.currentData(), self.count.value()))
