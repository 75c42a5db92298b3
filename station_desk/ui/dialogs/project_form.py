"""项目: a funded programme's name, funder, period, target groups and targets (the head
sets them up). Money is typed in yuan and kept in fen."""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...core.clock import today
from ...core.roles import Actor
from ...core.services import activities
from ...core.validate import stored_date as _as_date
from .case_forms import text_box
from .form_parts import SavingDialog, date_of, form_layout, qdate

FUNDERS = ("政府购买服务", "区民政局", "慈善基金会", "爱心企业")
TOP_YUAN = 99_999_999.99


def yuan_box(name: str, fen: int = 0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(0, TOP_YUAN)
    box.setDecimals(2)
    box.setGroupSeparatorShown(True)
    box.setValue(fen / 100)
    return box


def fen_of(box: QDoubleSpinBox) -> int:
    """The box's yuan as whole fen (through text, never a float's product)."""
    return int((Decimal(str(round(box.value(), 2))) * 100).quantize(Decimal(1),
                                                                    rounding=ROUND_HALF_UP))


def _date_box(name: str, value: _dt.date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(value) if value else QDate.currentDate())
    return edit


def _count_box(name: str, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, 1_000_000)
    box.setGroupSeparatorShown(True)
    box.setValue(int(value or 0))
    return box


class ProjectForm(SavingDialog):
    """新建 / 编辑项目; ``ask`` returns the saved project's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, project=None,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "projectForm",
                         self.tr("Edit project") if project else self.tr("New project"))
        self.actor = actor
        self.project_id = project.id if project else None
        self.setMinimumWidth(560)
        p = project
        self.name = QLineEdit(p.name if p else "")
        self.name.setObjectName("projectName")
        self.name.setPlaceholderText(self.tr("e.g. 重度残疾人家庭喘息服务项目"))
        self.funder = QComboBox()
        self.funder.setObjectName("projectFunder")
        self.funder.setEditable(True)
        self.funder.addItems(FUNDERS)
        self.funder.setCurrentText(p.funder if p else FUNDERS[0])
        year = today().year
        self.starts = _date_box("projectStarts", _as_date(p.starts_on) if p
                                else _dt.date(year, 1, 1))
        self.ends = _date_box("projectEnds", _as_date(p.ends_on) if p
                              else _dt.date(year, 12, 31))
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.starts)
        period.addWidget(QLabel("–"))
        period.addWidget(self.ends)
        period.addStretch(1)
        period_box = QWidget()
        period_box.setLayout(period)
        self.groups = QLineEdit(p.target_groups if p else "")
        self.groups.setObjectName("projectGroups")
        self.groups.setPlaceholderText(self.tr("e.g. 重度残疾人家庭、留守儿童"))
        self.families = _count_box("targetFamilies", p.target_families if p else 0)
        self.person_times = _count_box("targetPersonTimes", p.target_person_times if p else 0)
        self.services = _count_box("targetServices", p.target_services if p else 0)
        self.value = yuan_box("targetValue", p.target_value_fen if p else 0)
        self.budget = yuan_box("projectBudget", p.budget_fen if p else 0)
        for box in (self.value, self.budget):
            box.setSuffix(self.tr(" yuan"))
        self.note = text_box("projectNote", 60)
        if p:
            self.note.setPlainText(p.note)

        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Name"), wrap("project_name", self.name))
        form.addRow(self.tr("Funder"), wrap("funder", self.funder))
        form.addRow(self.tr("Period"), wrap("starts_on", period_box))
        form.addRow(self.tr("Target groups"), wrap("target_groups", self.groups))
        form.addRow(self.tr("Target families"), wrap("target_families", self.families))
        form.addRow(self.tr("Target person-times"), wrap("target_person_times",
                                                         self.person_times))
        form.addRow(self.tr("Target services"), wrap("target_services", self.services))
        form.addRow(self.tr("Target resources"), wrap("target_value", self.value))
        form.addRow(self.tr("Budget"), wrap("budget", self.budget))
        form.addRow(self.tr("Note"), wrap("note", self.note))
        self.errors.widgets["ends_on"] = self.ends
        self.layout_.addLayout(form)
        self.finish(self.tr("Progress is counted from the project's activities and the cases "
                            "served under it, within its period. A target of 0 is not "
                            "measured."))
        self.name.setFocus()

    def inputs(self) -> activities.ProjectInput:
        return activities.ProjectInput(
            name=self.name.text(), starts_on=date_of(self.starts), ends_on=date_of(self.ends),
            funder=self.funder.currentText(), target_groups=self.groups.text(),
            target_families=self.families.value(),
            target_person_times=self.person_times.value(),
            target_services=self.services.value(), target_value_fen=fen_of(self.value),
            budget_fen=fen_of(self.budget), note=self.note.toPlainText())

    def save(self) -> int:
        return activities.save_project(self.actor, self.inputs(), self.project_id).id


class CaseProjectsDialog(SavingDialog):
    """The projects a case is served under: its service records count as theirs."""

    def __init__(self, parent, actor: Actor, case_id: int, lang: str = "zh") -> None:
        from ...core.services import cases

        row = cases.get_case(actor, case_id).case  # refused to whoever may not read the case
        super().__init__(parent, lang, "caseProjectsDialog", self.tr("Projects"),
                         f"{row.member_name or row.head_name} · {row.village} · #{row.id}")
        self.actor, self.case_id = actor, case_id
        self.before = set(activities.case_projects(actor, case_id))
        self.checks: dict[int, QCheckBox] = {}
        for project in activities.list_projects(actor):
            if project.status != "active" and project.id not in self.before:
                continue
            check = QCheckBox(f"{project.name}（{project.starts_on} – {project.ends_on}）")
            check.setObjectName(f"project{project.id}")
            check.setChecked(project.id in self.before)
            self.checks[project.id] = check
            self.layout_.addWidget(check)
        if not self.checks:
            self.layout_.addWidget(QLabel(self.tr("No projects running.")))
        self.finish(self.tr("The case's service records count as the chosen projects' services, "
                            "and its household as one of their families."))

    def save(self) -> bool:
        for project_id, check in self.checks.items():
            if check.isChecked() != (project_id in self.before):
                activities.link_case(self.actor, project_id, self.case_id, check.isChecked())
        return True
