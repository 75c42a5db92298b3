"""节日慰问: a holiday campaign's form, with its target rules and a preview before saving.

Choosing the festival and the year fills in its date (重阳 2026 → 2026-10-18) and a window
of the two weeks before it, which stays editable. Each target rule picks households by
category, tier, village (a village stands for its groups too), minimum age and "on file
only", and gives them a package kind. The preview (``campaigns.preview``) is refreshed a
moment after any change: households per rule and per village, the goods the packages need
and, in red, what the storeroom is short of. Nothing is written until OK; short stock does
not stop the campaign (what is there is set aside) but is said once more after saving.

Editing an existing campaign changes its name, theme, window, budget and note only: its
target list was made from the rules and is managed on the targets tab since.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import festivals
from ...core.clock import today
from ...core.errors import StationError
from ...core.money import parse_yuan, yuan
from ...core.services import campaigns, inventory, station
from ...messages import describe_error
from ..labels import label
from ..models.table import Column, RowsTableModel
from ..pages.parts import date_edit, fitted_table
from .form_parts import SavingDialog, date_of, form_layout, muted, qdate
from .member_form import CategoryChecks

PREVIEW_PAUSE_MS = 250
SHORT_COLOUR = "#c62828"


def festival_choice(code: str) -> str:
    """The festival's name in the user's language, with the Chinese name beside a foreign one."""
    chinese = festivals.FESTIVALS[code][0]
    shown = label("festival", code)
    return shown if shown == chinese else f"{shown} ({chinese})"


@dataclass(frozen=True)
class RuleLookups:
    """What a rule can pick from, read once per dialog through the services."""

    categories: tuple[tuple[int, str], ...]
    tiers: tuple[tuple[int, str], ...]
    villages: tuple[tuple[int, str, bool], ...]  # (id, name, is a villagers' group)
    packages: tuple[tuple[int, str], ...]

    @classmethod
    def read(cls, actor) -> RuleLookups:
        rows = [v for v in station.list_villages(include_inactive=False) if v.kind != "town"]
        groups: dict[int | None, list] = {}
        for row in rows:
            if row.kind == "group":
                groups.setdefault(row.parent_id, []).append(row)
        villages: list[tuple[int, str, bool]] = []
        for row in rows:
            if row.kind != "group":
                villages.append((row.id, row.name, False))
                villages.extend((g.id, g.name, True) for g in groups.get(row.id, ()))
        return cls(
            categories=tuple((c.id, c.name) for c in station.list_categories(False)),
            tiers=tuple((t.id, t.name) for t in station.list_tiers(False)),
            villages=tuple(villages),
            packages=tuple((p.id, p.name) for p in inventory.packages(actor)))


class CheckList(QScrollArea):
    """A short scrolling column of check boxes (villages with their groups indented): check
    boxes, not a list's check items, because the theme draws no box for an unticked item."""

    changed = Signal()

    def __init__(self, choices: Sequence[tuple[int, str, bool]], name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 2, 4, 2)
        column.setSpacing(2)
        self.boxes: list[tuple[int, str, QCheckBox]] = []
        for item_id, text, indented in choices:
            box = QCheckBox(text)
            box.setObjectName(f"village_{item_id}")
            box.toggled.connect(lambda _on: self.changed.emit())
            if indented:
                row = QHBoxLayout()
                row.setContentsMargins(24, 0, 0, 0)
                row.addWidget(box)
                column.addLayout(row)
            else:
                column.addWidget(box)
            self.boxes.append((item_id, text, box))
        column.addStretch(1)
        self.setWidget(inner)
        self.setFixedHeight(132)

    def checked_ids(self) -> list[int]:
        return [item_id for item_id, _text, box in self.boxes if box.isChecked()]

    def check(self, name: str, on: bool = True) -> None:
        """Tick the first village called ``name`` (tests and keyboard users)."""
        for _item_id, text, box in self.boxes:
            if text == name:
                box.setChecked(on)
                return


class Checks(CategoryChecks):
    """Categories or tiers as check boxes, four a row: a rule sits beside the preview."""

    COLUMNS = 4


class RuleEditor(QGroupBox):
    """One target rule: who it picks and the package they get."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, lookups: RuleLookups, number: int) -> None:
        super().__init__()
        self.setObjectName(f"rule_{number}")
        layout = QVBoxLayout(self)
        form = form_layout()
        self.categories = Checks(lookups.categories, "ruleCategories")
        self.tiers = Checks(lookups.tiers, "ruleTiers")
        self.villages = CheckList(lookups.villages, "ruleVillages")
        for part in (self.categories, self.tiers, self.villages):
            part.changed.connect(self.changed.emit)
        form.addRow(self.tr("Categories"), self.categories)
        form.addRow(self.tr("Tiers"), self.tiers)
        form.addRow(self.tr("Villages"), self.villages)
        others = QHBoxLayout()
        self.min_age = QSpinBox()
        self.min_age.setObjectName("ruleMinAge")
        self.min_age.setRange(0, 120)
        self.min_age.setSpecialValueText(self.tr("any age"))
        self.active_only = QCheckBox(self.tr("Households on file only"))
        self.active_only.setObjectName("ruleActiveOnly")
        self.active_only.setChecked(True)
        others.addWidget(QLabel(self.tr("Someone aged at least")))
        others.addWidget(self.min_age)
        others.addSpacing(16)
        others.addWidget(self.active_only)
        others.addStretch(1)
        form.addRow(self.tr("Also"), others)
        package_row = QHBoxLayout()
        self.package = QComboBox()
        self.package.setObjectName("rulePackage")
        self.package.addItem(self.tr("No package (visit only)"), None)
        for package_id, name in lookups.packages:
            self.package.addItem(name, package_id)
        if lookups.packages:
            self.package.setCurrentIndex(1)
        self.count = QSpinBox()
        self.count.setObjectName("rulePackageCount")
        self.count.setRange(1, 99)
        self.count.setSuffix(self.tr(" each"))
        package_row.addWidget(self.package, 1)
        package_row.addWidget(self.count)
        form.addRow(self.tr("Package"), package_row)
        layout.addLayout(form)
        self.min_age.valueChanged.connect(lambda _v: self.changed.emit())
        self.active_only.toggled.connect(lambda _on: self.changed.emit())
        self.package.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.count.valueChanged.connect(lambda _v: self.changed.emit())
        from ..pages.parts import button

        self.remove_button = button(self.tr("Remove this rule"), "removeRule",
                                    lambda: self.remove_requested.emit(self))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

    def set_number(self, number: int, count: int) -> None:
        self.setTitle(self.tr("Rule %1").replace("%1", str(number)))
        self.remove_button.setVisible(count > 1)

    def rule(self) -> campaigns.RuleInput:
        return campaigns.RuleInput(
            category_ids=self.categories.checked_ids(), tier_ids=self.tiers.checked_ids(),
            village_ids=self.villages.checked_ids(), min_age=self.min_age.value() or None,
            active_only=self.active_only.isChecked(), package_id=self.package.currentData(),
            package_count=self.count.value())


class PreviewPanel(QWidget):
    """What the rules would make, shown before anything is saved."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignPreview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Preview"))
        heading.setObjectName("subheading")
        layout.addWidget(heading)
        self.total = QLabel()
        self.total.setObjectName("previewTotal")
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.shortfall = QLabel()
        self.shortfall.setObjectName("previewShortfall")
        self.shortfall.setWordWrap(True)
        self.shortfall.setStyleSheet(f"color: {SHORT_COLOUR}; font-weight: bold;")
        layout.addWidget(self.shortfall)
        self.village_model = RowsTableModel([
            Column(self.tr("Village"), lambda r: r[0] or self.tr("(no village)")),
            Column(self.tr("Households"), lambda r: r[1], align_right=True)], self)
        self.village_view = fitted_table(self.village_model, "previewVillages", stretch=0)
        layout.addWidget(self.village_view, 3)
        self.goods_model = RowsTableModel([
            Column(self.tr("Goods needed"), lambda r: r[0]),
            Column(self.tr("Quantity"), lambda r: f"{r[2]} {r[1]}", align_right=True)], self)
        self.goods_view = fitted_table(self.goods_model, "previewGoods", stretch=0)
        layout.addWidget(self.goods_view, 2)

    def show_preview(self, seen: campaigns.Preview, on: _dt.date) -> None:
        per_rule = "; ".join(self.tr("rule %1: %2").replace("%1", str(i)).replace("%2", str(n))
                             for i, n in enumerate(seen.per_rule, start=1))
        self.total.setText(self.tr("%1 households as of %2 (%3)").replace(
            "%1", str(seen.total)).replace("%2", on.isoformat()).replace("%3", per_rule))
        from ..pages.campaigns_list import shortfall_text

        short = [s for s in seen.shortfalls if s.missing > 0]
        self.shortfall.setText(self.tr("Short: %1").replace("%1", shortfall_text(short))
                               if short else "")
        self.shortfall.setVisible(bool(short))
        self.village_model.set_rows(seen.per_village)
        self.goods_model.set_rows(seen.needed)

    def show_problem(self, text: str) -> None:
        self.total.setText(text)
        self.shortfall.hide()
        self.village_model.set_rows([])
        self.goods_model.set_rows([])


class CampaignFormDialog(SavingDialog):
    """New holiday campaign (``campaign_id`` None), or edit one (either kind): ``ask`` returns
    ``campaigns.Created`` for a new one, the saved campaign for an edit, None if cancelled."""

    def __init__(self, parent, context, campaign_id: int | None = None) -> None:
        self.actor = context.actor
        self.lang = context.lang
        self.row = campaigns.get_campaign(self.actor, campaign_id) if campaign_id else None
        editing = self.row is not None
        super().__init__(parent, context.lang, "campaignFormDialog",
                         self.tr("Edit campaign") if editing else self.tr("New holiday campaign"))
        self.kind = self.row.kind if editing else "holiday"
        self._auto_name = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_PAUSE_MS)
        self._timer.timeout.connect(self.update_preview)
        self.rule_editors: list[RuleEditor] = []

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._details_form())
        self.preview = PreviewPanel()
        if editing:
            left_layout.addWidget(self._rules_summary())
            left_layout.addStretch(1)
            self.layout_.addWidget(left)
            self.preview.hide()
        else:
            self.lookups = RuleLookups.read(self.actor)
            heading = QLabel(self.tr("Who is visited (a household matching any rule; the first "
                                     "rule it matches gives its package)"))
            heading.setObjectName("subheading")
            heading.setWordWrap(True)
            left_layout.addWidget(heading)
            rules_box = QWidget()
            self.rules_layout = QVBoxLayout(rules_box)
            self.rules_layout.setContentsMargins(0, 0, 8, 0)
            self.rules_layout.addStretch(1)
            scroll = QScrollArea()
            scroll.setObjectName("rulesScroll")
            scroll.setWidgetResizable(True)
            scroll.setWidget(rules_box)
            left_layout.addWidget(scroll, 1)
            from ..pages.parts import button

            self.add_rule_button = button(self.tr("Add a rule"), "addRule", self.add_rule)
            row = QHBoxLayout()
            row.addWidget(self.add_rule_button)
            row.addStretch(1)
            left_layout.addLayout(row)
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.addWidget(left)
            splitter.addWidget(self.preview)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([700, 420])
            self.layout_.addWidget(splitter, 1)
            self.add_rule()
        self.finish()
        if editing:
            self.setMinimumWidth(620)
        else:
            self.resize(1180, 780)
            self.update_preview()

    # --- the form -----------------------------------------------------------------------

    def _details_form(self):
        form = form_layout()
        row = self.row
        self.name = QLineEdit(row.name if row else "")
        self.name.setObjectName("campaignName")
        form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        self.festival = QComboBox()
        self.festival.setObjectName("campaignFestival")
        for code in festivals.FESTIVALS:
            self.festival.addItem(festival_choice(code), code)
        self.year = QSpinBox()
        self.year.setObjectName("campaignYear")
        self.year.setRange(festivals.FIRST_YEAR, festivals.LAST_YEAR)
        self.festival_date = QLabel()
        self.festival_date.setObjectName("festivalDate")
        on = today()
        if row and row.festival:
            self.festival.setCurrentIndex(self.festival.findData(row.festival))
            self.year.setValue(row.festival_on.year if row.festival_on else on.year)
        else:
            upcoming = festivals.upcoming(on)
            first = upcoming[0] if upcoming else None
            code = getattr(first, "code", None) or "mid_autumn"
            self.festival.setCurrentIndex(max(self.festival.findData(code), 0))
            self.year.setValue(first.day.year if first else on.year)
        festival_row = QHBoxLayout()
        festival_row.addWidget(self.festival, 1)
        festival_row.addWidget(self.year)
        festival_row.addWidget(self.festival_date, 1)
        if self.kind == "holiday":
            form.addRow(self.tr("Festival"), self.errors.wrap("festival", _boxed(festival_row)))
        self.festival.setEnabled(row is None)
        self.year.setEnabled(row is None)
        self.starts_on = date_edit("campaignStarts", row.starts_on if row else on)
        self.ends_on = date_edit("campaignEnds", row.ends_on if row else on)
        window = QHBoxLayout()
        window.addWidget(self.starts_on)
        window.addWidget(QLabel("–"))
        window.addWidget(self.ends_on)
        window.addStretch(1)
        form.addRow(self.tr("Window"), self.errors.wrap("starts_on", _boxed(window)))
        self.theme = QLineEdit(row.theme if row else "")
        self.theme.setObjectName("campaignTheme")
        self.theme.setPlaceholderText(self.tr("e.g. Warmth delivered to every home"))
        form.addRow(self.tr("Theme"), self.errors.wrap("theme", self.theme))
        self.budget = QLineEdit(yuan(row.budget_fen) if row and row.budget_fen else "")
        self.budget.setObjectName("campaignBudget")
        self.budget.setPlaceholderText(self.tr("yuan"))
        self.budget.setMaximumWidth(160)
        form.addRow(self.tr("Budget"), self.errors.wrap("budget", self.budget))
        self.note = QLineEdit(row.note if row else "")
        self.note.setObjectName("campaignNote")
        form.addRow(self.tr("Note"), self.errors.wrap("note", self.note))
        if row is None:
            self._festival_changed()
            self.festival.currentIndexChanged.connect(lambda _i: self._festival_picked())
            self.year.valueChanged.connect(lambda _v: self._festival_changed())
            self.starts_on.dateChanged.connect(lambda _d: self.schedule_preview())
        else:
            self._show_festival_date()
        return form

    def _rules_summary(self) -> QLabel:
        lines = []
        for number, rule in enumerate(campaigns.rules_of(self.actor, self.row.id), start=1):
            parts = [", ".join(p) for p in (rule.categories, rule.tiers, rule.villages) if p]
            if rule.min_age:
                parts.append(self.tr("aged %1+").replace("%1", str(rule.min_age)))
            if rule.package:
                parts.append(f"{rule.package} ×{rule.package_count}")
            lines.append(self.tr("Rule %1: %2 — %3 households").replace("%1", str(number))
                         .replace("%2", "; ".join(parts) or self.tr("everyone"))
                         .replace("%3", str(rule.targets)))
        note = self.tr("The target list was made from these rules when the campaign was "
                       "created; add or remove households on the targets tab.")
        return muted("\n".join([*lines, note]))

    def festival_day(self) -> _dt.date | None:
        try:
            return festivals.festival_date(self.festival.currentData(), self.year.value())
        except StationError:
            return None

    def _show_festival_date(self) -> _dt.date | None:
        day = self.festival_day()
        self.festival_date.setText(self.tr("falls on %1").replace("%1", day.isoformat())
                                   if day else "")
        return day

    def _festival_picked(self) -> None:
        """Another festival: its next one from today (元旦 picked in November is next year's)."""
        on = today()
        year = on.year
        if festivals.festival_date(self.festival.currentData(), year) < on:
            year += 1
        if year != self.year.value():
            self.year.setValue(year)  # fills in the date through valueChanged
        else:
            self._festival_changed()

    def _festival_changed(self) -> None:
        """Fill in the festival's date, a window of the two weeks before it, and a name."""
        day = self._show_festival_date()
        if day is None:
            return
        self.starts_on.setDate(qdate(day - _dt.timedelta(days=campaigns.HOLIDAY_LEAD_DAYS)))
        self.ends_on.setDate(qdate(day))
        name = self.tr("%1 %2 visits").replace("%1", str(self.year.value())).replace(
            "%2", festivals.FESTIVALS[self.festival.currentData()][0])
        if not self.name.text().strip() or self.name.text() == self._auto_name:
            self.name.setText(name)
        self._auto_name = name
        self.schedule_preview()

    # --- rules and the preview ----------------------------------------------------------

    def add_rule(self) -> RuleEditor:
        editor = RuleEditor(self.lookups, len(self.rule_editors) + 1)
        editor.changed.connect(self.schedule_preview)
        editor.remove_requested.connect(self.remove_rule)
        self.rule_editors.append(editor)
        self.rules_layout.insertWidget(self.rules_layout.count() - 1, editor)
        self._number_rules()
        self.schedule_preview()
        return editor

    def remove_rule(self, editor: RuleEditor) -> None:
        if editor in self.rule_editors and len(self.rule_editors) > 1:
            self.rule_editors.remove(editor)
            editor.setParent(None)
            editor.deleteLater()
            self._number_rules()
            self.schedule_preview()

    def _number_rules(self) -> None:
        for number, editor in enumerate(self.rule_editors, start=1):
            editor.set_number(number, len(self.rule_editors))

    def rules(self) -> list[campaigns.RuleInput]:
        return [editor.rule() for editor in self.rule_editors]

    def schedule_preview(self) -> None:
        if self.row is None:
            self._timer.start()

    def preview_on(self) -> _dt.date:
        """The day the rules are checked on: the festival (ages, who is on file), as saving
        does."""
        return self.festival_day() or date_of(self.starts_on)

    def update_preview(self) -> None:
        self._timer.stop()
        on = self.preview_on()
        try:
            seen = campaigns.preview(self.actor, self.rules(), on)
        except StationError as error:
            self.preview.show_problem(describe_error(error, self.lang))
            return
        self.preview.show_preview(seen, on)

    # --- saving -------------------------------------------------------------------------

    def data(self) -> campaigns.CampaignInput:
        budget = parse_yuan(self.budget.text(), field="budget") or 0
        festival = self.festival.currentData() if self.kind == "holiday" else ""
        return campaigns.CampaignInput(
            self.name.text(), kind=self.kind, theme=self.theme.text(), festival=festival,
            year=self.year.value() if festival else None, starts_on=date_of(self.starts_on),
            ends_on=date_of(self.ends_on), budget_fen=budget, note=self.note.text())

    def save(self):
        if self.row is not None:
            return campaigns.update_campaign(self.actor, self.row.id, self.data())
        made = campaigns.create_campaign(self.actor, self.data(), self.rules())
        short = [s for s in made.shortfalls if s.missing > 0]
        if short:
            from ..pages.campaigns_list import shortfall_text

            QMessageBox.information(self, self.tr("Campaign made; stock is short"), self.tr(
                "The campaign is made with %1 households. What is in stock has been set aside; "
                "still short: %2. Set aside the rest with “Top up reservations” on the progress "
                "tab when goods come in.").replace("%1", str(made.targets))
                .replace("%2", shortfall_text(short)))
        return made


def _boxed(layout) -> QWidget:
    box = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    box.setLayout(layout)
    return box
