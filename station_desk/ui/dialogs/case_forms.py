"""The case's working forms: 预估 (assessment), 服务方案 (plan), 服务记录 (service record, with
goods handed over), 转介 (referral and its answer), 结案 (closing) and 回访 (follow-up).

Each ``ask`` returns True when saved and None when cancelled; a refusal is shown in the dialog,
under its field when it names one, and the dialog stays open with what was typed. The case is
read once per opening (``get_case`` is audited) and never shown when the service refuses it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import ValidationError
from ...core.models.cases import (
    CASE_NEEDS,
    GOALS_MET,
    RECORD_KINDS,
    RISK_LEVELS,
)
from ...core.roles import Actor
from ...core.services import cases as case_service
from ...core.services import households, stock
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout, muted
from .goods_lines import GoodsLines

PARTNERS = ("社区民政专干", "区残联", "学校", "医院", "镇卫生院", "志愿服务队", "爱心企业")
REFERRAL_UNITS = ("区残联", "镇社会事务办", "镇卫生院", "学校", "区妇联", "司法所", "医院")
FOLLOW_UP_CHOICES = (1, 3, 6)
UPDATE_STATUSES = ("accepted", "resolved", "unresolved")


def text_box(name: str, height: int = 60, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    if placeholder:
        box.setPlaceholderText(placeholder)
    return box


def _age(birthdate: _dt.date | None, on: _dt.date) -> int | None:
    if birthdate is None:
        return None
    return on.year - birthdate.year - ((on.month, on.day) < (birthdate.month, birthdate.day))


class _CaseDialog(SavingDialog):
    """A form on one case: reads it once (the service refuses a case the actor may not see)."""

    def __init__(self, parent, actor: Actor, case_id: int, lang: str, name: str,
                 title: str) -> None:
        self.detail = case_service.get_case(actor, case_id)
        row = self.detail.case
        who = row.member_name or row.head_name
        super().__init__(parent, lang, name, title, f"{who} · {row.village} · #{row.id}")
        self.actor = actor
        self.case_id = case_id
        self.setMinimumWidth(640)


# ------------------------------------------------------------------------------ assessment

class AssessmentDialog(_CaseDialog):
    ELDERLY = ("living", "health", "medication", "self_care", "emotion")
    CHILDREN = ("guardianship", "schooling", "development")
    EVERYONE = ("economy", "support")

    def __init__(self, parent, actor: Actor, case_id: int, lang: str = "zh") -> None:
        super().__init__(parent, actor, case_id, lang, "assessmentDialog",
                         self.tr("Needs assessment"))
        self.setMinimumWidth(760)
        names = {
            "living": self.tr("Living arrangement"), "health": self.tr("Health"),
            "medication": self.tr("Medication"), "self_care": self.tr("Self-care ability"),
            "emotion": self.tr("Mood and cognition"), "guardianship": self.tr("Guardianship"),
            "schooling": self.tr("Schooling"), "development": self.tr("Growth and development"),
            "economy": self.tr("Economic situation"), "support": self.tr("Social support"),
        }
        self.texts: dict[str, QPlainTextEdit] = {}
        self.assessed_on = date_edit("assessedOn")
        top = form_layout()
        top.addRow(self.tr("Assessed on"), self.errors.wrap("assessed_on", self.assessed_on))
        self.layout_.addLayout(top)

        groups = {"elderly": (self.tr("Older person"), self.ELDERLY),
                  "children": (self.tr("Child"), self.CHILDREN),
                  "everyone": (self.tr("Everyone"), self.EVERYONE)}
        self.group_boxes: dict[str, QGroupBox] = {}
        for key, (title, fields) in groups.items():
            box = QGroupBox(title)
            box.setObjectName(f"group_{key}")
            form = form_layout()
            box.setLayout(form)
            for name in fields:
                edit = text_box(f"assess_{name}", 56)
                self.texts[name] = edit
                form.addRow(names[name], self.errors.wrap(name, edit))
            self.group_boxes[key] = box
        self.order = self._group_order()
        grid = QGridLayout()
        grid.addWidget(self.group_boxes[self.order[0]], 0, 0)
        grid.addWidget(self.group_boxes[self.order[1]], 0, 1)
        grid.addWidget(self.group_boxes["everyone"], 1, 0, 1, 2)
        # the findings and needs scroll, so the dialog fits a 768-pixel laptop screen
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(grid)
        scroll = QScrollArea()
        scroll.setObjectName("assessmentScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.layout_.addWidget(scroll, 1)

        needs_box = QGroupBox(self.tr("Needs"))
        needs_layout = QGridLayout(needs_box)
        self.need_checks: dict[str, QCheckBox] = {}
        for index, code in enumerate(CASE_NEEDS):
            check = QCheckBox(label("case_need", code))
            check.setObjectName(f"need_{code}")
            self.need_checks[code] = check
            needs_layout.addWidget(check, index // 5, index % 5)
        self.needs_note = QLineEdit()
        self.needs_note.setObjectName("needsNote")
        self.needs_note.setPlaceholderText(self.tr("A note on the needs"))
        needs_layout.addWidget(self.errors.wrap("needs", self.needs_note), 2, 0, 1, 5)
        body_layout.addWidget(needs_box)
        scroll.setMinimumHeight(min(body.sizeHint().height() + 4, 470))

        bottom = form_layout()
        self.risk = QComboBox()
        self.risk.setObjectName("assessRisk")
        self.risk.addItem(self.tr("Choose…"), "")
        for code in RISK_LEVELS:
            self.risk.addItem(label("risk", code), code)
        bottom.addRow(self.tr("Risk"), self.errors.wrap("risk", self.risk))
        self.layout_.addLayout(bottom)
        note = ""
        if self.detail.assessments:
            self._prefill(self.detail.assessments[0])
            note = self.tr("Starts from the last assessment; saving adds a new one.")
        self.finish(note)

    def _group_order(self) -> tuple[str, str]:
        """Older person first for someone 60 or over, the child's first for someone under 18."""
        row = self.detail.case
        who = row.member_name or row.head_name
        try:
            members = households.get_household(self.actor, row.household_id).members
        except Exception:  # no household files for this role: the usual order
            members = ()
        born = next((m.birthdate for m in members if m.name == who), None)
        age = _age(born, clock.today())
        if age is not None and age < 18:
            return ("children", "elderly")
        return ("elderly", "children")

    def _prefill(self, last) -> None:
        for name, edit in self.texts.items():
            edit.setPlainText(getattr(last, name, "") or "")
        for code in (last.needs or "").split(","):
            if code in self.need_checks:
                self.need_checks[code].setChecked(True)
        self.needs_note.setText(last.needs_note or "")
        index = self.risk.findData(last.risk)
        if index >= 0:
            self.risk.setCurrentIndex(index)

    def save(self) -> bool:
        if not self.risk.currentData():
            raise ValidationError("required", field="risk")
        case_service.assess(self.actor, self.case_id, case_service.AssessmentInput(
            assessed_on=date_of(self.assessed_on),
            needs=[c for c, check in self.need_checks.items() if check.isChecked()],
            needs_note=self.needs_note.text(), risk=self.risk.currentData(),
            **{name: edit.toPlainText() for name, edit in self.texts.items()}))
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, case_id: int,  # type: ignore[override]
            lang: str = "zh") -> bool | None:
        return super().ask(parent, actor, case_id, lang)


# ------------------------------------------------------------------------------ plan

class ActionsModel(QAbstractTableModel):
    """The plan's actions as typed: rows of (action, owner, due date text), all editable."""

    def __init__(self, titles: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.titles = list(titles)
        self.rows: list[list[str]] = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.titles)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()][index.column()] = str(value or "")
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def append(self, values: Sequence[str]) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(list(values))
        self.endInsertRows()

    def removeRows(self, row: int, count: int, parent=QModelIndex()) -> bool:  # noqa: N802, B008
        if parent.isValid() or row < 0 or row + count > len(self.rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.rows[row:row + count]
        self.endRemoveRows()
        return True


class PlanDialog(_CaseDialog):
    def __init__(self, parent, actor: Actor, case_id: int, lang: str = "zh") -> None:
        super().__init__(parent, actor, case_id, lang, "planDialog", self.tr("Service plan"))
        form = form_layout()
        self.layout_.addLayout(form)
        self.goals = text_box("planGoals", 80, self.tr("One goal a line"))
        form.addRow(self.tr("Goals"), self.errors.wrap("goals", self.goals))

        self.actions = ActionsModel([self.tr("Action"), self.tr("Owner"),
                                     self.tr("Due (yyyy-mm-dd)")], self)
        self.actions_view = QTableView()
        self.actions_view.setObjectName("planActions")
        self.actions_view.setModel(self.actions)
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setMinimumHeight(140)
        self.actions_view.verticalHeader().hide()
        add = QPushButton(self.tr("Add action"))
        add.setObjectName("addAction")
        add.clicked.connect(lambda: self.add_action())
        remove = QPushButton(self.tr("Remove action"))
        remove.setObjectName("removeAction")
        remove.clicked.connect(self.remove_action)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.actions_view)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        form.addRow(self.tr("Actions"), self.errors.wrap("action", box))

        partners = QWidget()
        grid = QGridLayout(partners)
        grid.setContentsMargins(0, 0, 0, 0)
        self.partner_checks: dict[str, QCheckBox] = {}
        for index, name in enumerate(PARTNERS):
            check = QCheckBox(name)
            check.setObjectName(f"partner{index}")
            self.partner_checks[name] = check
            grid.addWidget(check, index // 4, index % 4)
        self.other_partners = QLineEdit()
        self.other_partners.setObjectName("otherPartners")
        self.other_partners.setPlaceholderText(self.tr("Others, separated by 、"))
        grid.addWidget(self.other_partners, 2, 0, 1, 4)
        form.addRow(self.tr("Partners"), self.errors.wrap("partners", partners))
        self.note = text_box("planNote", 50)
        form.addRow(self.tr("Note"), self.errors.wrap("note", self.note))
        self.made_on = date_edit("planMadeOn")
        form.addRow(self.tr("Made on"), self.errors.wrap("made_on", self.made_on))

        note = ""
        if self.detail.plans:
            plan, actions = self.detail.plans[0]
            self.goals.setPlainText(plan.goals)
            for action in actions:
                due = action.due_on.isoformat() if isinstance(action.due_on, _dt.date) \
                    else str(action.due_on or "")
                self.add_action(action.action, action.owner or "", due)
            words = [w for w in (plan.partners or "").replace(",", "、").replace("\n", "、")
                     .split("、") if w.strip()]
            others = []
            for word in words:
                if word.strip() in self.partner_checks:
                    self.partner_checks[word.strip()].setChecked(True)
                else:
                    others.append(word.strip())
            self.other_partners.setText("、".join(others))
            self.note.setPlainText(plan.note or "")
            note = self.tr("Starts from the current plan; saving makes a new version and keeps "
                           "the old one.")
        else:
            self.add_action()
        self.finish(note)

    def add_action(self, action: str = "", owner: str = "", due: str = "") -> None:
        self.actions.append((action, owner, due))

    def remove_action(self) -> None:
        current = self.actions_view.currentIndex()
        row = current.row() if current.isValid() else -1
        if row < 0:
            row = self.actions.rowCount() - 1
        if row >= 0:
            self.actions.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        return self.actions.rows[row][column].strip()

    def action_inputs(self) -> list[case_service.ActionInput]:
        return [case_service.ActionInput(self._cell(r, 0), self._cell(r, 1),
                                         self._cell(r, 2) or None)  # type: ignore[arg-type]
                for r in range(self.actions.rowCount()) if self._cell(r, 0)]

    def partners_text(self) -> str:
        chosen = [n for n, check in self.partner_checks.items() if check.isChecked()]
        other = self.other_partners.text().strip()
        return "、".join([*chosen, other] if other else chosen)

    def save(self) -> bool:
        self.actions_view.setCurrentIndex(QModelIndex())  # commit a cell being typed in
        case_service.save_plan(self.actor, self.case_id, case_service.PlanInput(
            goals=self.goals.toPlainText(), actions=self.action_inputs(),
            partners=self.partners_text(), note=self.note.toPlainText(),
            made_on=date_of(self.made_on)))
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, case_id: int,  # type: ignore[override]
            lang: str = "zh") -> bool | None:
        return super().ask(parent, actor, case_id, lang)


# ------------------------------------------------------------------------------ service record

class RecordDialog(_CaseDialog):
    def __init__(self, parent, actor: Actor, case_id: int, lang: str = "zh", *,
                 corrects: int | None = None) -> None:
        super().__init__(parent, actor, case_id, lang, "recordDialog",
                         self.tr("Service record"))
        self.corrects = corrects
        self.lines: list = []
        self.reverse_goods: QCheckBox | None = None
        if corrects is not None:
            old = next((r for r in self.detail.records if r.id == corrects), None)
            if old is None:
                raise ValidationError("bad_choice", field="corrects", value=str(corrects))
            served = old.served_on.isoformat() if isinstance(old.served_on, _dt.date) \
                else str(old.served_on)
            box = QGroupBox(self.tr("Corrects the record of %1").replace("%1", served))
            box.setObjectName("correctedRecord")
            inner = QVBoxLayout(box)
            text = QLabel(old.content)
            text.setObjectName("correctedText")
            text.setWordWrap(True)
            inner.addWidget(text)
            inner.addWidget(muted(self.tr("The new record corrects this one; both are kept.")))
            self.layout_.addWidget(box)
            if (old.voucher_id and old.id not in self.detail.goods_back
                    and actor.can("inventory.reverse")):
                self.reverse_goods = QCheckBox(self.tr("Take back the goods it handed out: %1")
                                               .replace("%1", self.detail.goods.get(old.id, "")))
                self.reverse_goods.setObjectName("reverseGoods")
                inner.addWidget(self.reverse_goods)
        form = form_layout()
        self.layout_.addLayout(form)
        self.served_on = date_edit("servedOn")
        form.addRow(self.tr("Date"), self.errors.wrap("served_on", self.served_on))
        self.kind = QComboBox()
        self.kind.setObjectName("recordKind")
        for code in RECORD_KINDS:
            self.kind.addItem(label("record_kind", code), code)
        form.addRow(self.tr("Kind"), self.errors.wrap("kind", self.kind))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("recordMinutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(10)
        self.minutes.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Time spent"), self.errors.wrap("minutes", self.minutes))
        self.workers = QLineEdit(actor.name)
        self.workers.setObjectName("recordWorkers")
        form.addRow(self.tr("Workers"), self.errors.wrap("workers", self.workers))
        self.volunteers = QLineEdit()
        self.volunteers.setObjectName("recordVolunteers")
        form.addRow(self.tr("Volunteers"), self.errors.wrap("volunteers", self.volunteers))
        self.content = text_box("recordContent", 110, self.tr("What was done and found"))
        form.addRow(self.tr("What was done"), self.errors.wrap("record_content", self.content))
        if corrects is not None:  # the correction starts as the record it corrects
            old = next(r for r in self.detail.records if r.id == corrects)
            self.content.setPlainText(old.content)
            index = self.kind.findData(old.kind)
            if index >= 0:
                self.kind.setCurrentIndex(index)
            served = old.served_on if isinstance(old.served_on, _dt.date) \
                else _dt.date.fromisoformat(str(old.served_on))
            self.served_on.setDate(QDate(served.year, served.month, served.day))
            self.minutes.setValue(int(old.minutes or 0))
            self.workers.setText(old.workers or actor.name)
            self.volunteers.setText(old.volunteers or "")
        self.goods_lines: GoodsLines | None = None
        self.goods_grid = None  # no goods for a role that doesn't hand them out
        if actor.can("inventory.give"):
            self.goods_lines = GoodsLines(actor, name="recordGoods")
            self.goods_grid, self._stock = self.goods_lines.grid, self.goods_lines.stock
            self.lines = self.goods_lines.lines
            self.add_line, self.remove_line = self.goods_lines.add_line, self.goods_lines.remove_line
            form.addRow(self.tr("Goods handed over"), self.errors.wrap("goods", self.goods_lines))
        self.finish()
        self.content.setFocus()  # what was done is what's typed first

    def goods(self) -> list[stock.OutLine]:
        return self.goods_lines.goods() if self.goods_lines is not None else []

    def save(self) -> bool:
        case_service.add_record(self.actor, self.case_id, case_service.RecordInput(
            content=self.content.toPlainText(), served_on=date_of(self.served_on),
            kind=self.kind.currentData(), minutes=self.minutes.value(),
            workers=self.workers.text(), volunteers=self.volunteers.text(),
            goods=self.goods(), corrects_id=self.corrects,
            reverse_goods=bool(self.reverse_goods and self.reverse_goods.isChecked())))
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, case_id: int,  # type: ignore[override]
            lang: str = "zh", *, corrects: int | None = None) -> bool | None:
        return super().ask(parent, actor, case_id, lang, corrects=corrects)


# ------------------------------------------------------------------------------ referrals

class ReferralDialog(_CaseDialog):
    def __init__(self, parent, actor: Actor, case_id: int, lang: str = "zh") -> None:
        super().__init__(parent, actor, case_id, lang, "referralDialog", self.tr("Refer"))
        form = form_layout()
        self.layout_.addLayout(form)
        self.unit = QComboBox()
        self.unit.setObjectName("referralUnit")
        self.unit.setEditable(True)
        self.unit.addItems(REFERRAL_UNITS)
        self.unit.setCurrentIndex(-1)
        self.unit.lineEdit().setPlaceholderText(self.tr("Pick or type the unit"))
        form.addRow(self.tr("Referred to"), self.errors.wrap("referral_unit", self.unit))
        self.purpose = text_box("referralPurpose", 80, self.tr("What the unit is asked to do"))
        form.addRow(self.tr("Purpose"), self.errors.wrap("referral_purpose", self.purpose))
        self.referred_on = date_edit("referredOn")
        form.addRow(self.tr("Date"), self.errors.wrap("referred_on", self.referred_on))
        self.finish()

    def save(self) -> bool:
        case_service.refer(self.actor, self.case_id, self.unit.currentText(),
                           self.purpose.toPlainText(), date_of(self.referred_on))
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, case_id: int,  # type: ignore[override]
            lang: str = "zh") -> bool | None:
        return super().ask(parent, actor, case_id, lang)


class ReferralUpdateDialog(SavingDialog):
    def __init__(self, parent, actor: Actor, referral_id: int, lang: str = "zh", *,
                 context: str = "") -> None:
        super().__init__(parent, lang, "referralUpdateDialog", self.tr("The unit's answer"),
                         context)
        self.actor = actor
        self.referral_id = referral_id
        self.setMinimumWidth(520)
        form = form_layout()
        self.layout_.addLayout(form)
        self.status = QComboBox()
        self.status.setObjectName("referralStatus")
        for code in UPDATE_STATUSES:
            self.status.addItem(label("referral_status", code), code)
        form.addRow(self.tr("Status"), self.errors.wrap("status", self.status))
        self.answer = text_box("referralAnswer", 80, self.tr("What the unit answered or did"))
        form.addRow(self.tr("Answer"), self.errors.wrap("answer", self.answer))
        self.on = date_edit("referralUpdatedOn")
        form.addRow(self.tr("Date"), self.errors.wrap("updated_on", self.on))
        self.finish()

    def save(self) -> bool:
        case_service.update_referral(self.actor, self.referral_id, self.status.currentData(),
                                     self.answer.toPlainText(), date_of(self.on))
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, referral_id: int,  # type: ignore[override]
            lang: str = "zh", *, context: str = "") -> bool | None:
        return super().ask(parent, actor, referral_id, lang, context=context)


# ------------------------------------------------------------------------------ closing

class CloseCaseDialog(_CaseDialog):
    def __init__(self, parent, actor: Actor, case_id: int, lang: str = "zh") -> None:
        super().__init__(parent, actor, case_id, lang, "closeCaseDialog",
                         self.tr("Close the case"))
        form = form_layout()
        self.layout_.addLayout(form)
        self.goals_met = QComboBox()
        self.goals_met.setObjectName("goalsMet")
        for code in GOALS_MET:
            self.goals_met.addItem(label("goals_met", code), code)
        form.addRow(self.tr("Goals reached"), self.errors.wrap("goals_met", self.goals_met))
        self.summary = text_box("closeSummary", 90, self.tr("What changed for the person"))
        form.addRow(self.tr("Summary"), self.errors.wrap("summary", self.summary))
        self.reflection = text_box("closeReflection", 60)
        form.addRow(self.tr("Reflection"), self.errors.wrap("reflection", self.reflection))
        self.reason = QLineEdit()
        self.reason.setObjectName("closeReason")
        self.reason.setPlaceholderText(self.tr("e.g. goals met, moved away, declined"))
        form.addRow(self.tr("Reason"), self.errors.wrap("close_reason", self.reason))
        self.closed_on = date_edit("closedOn")
        form.addRow(self.tr("Closed on"), self.errors.wrap("closed_on", self.closed_on))
        follow = QWidget()
        row = QHBoxLayout(follow)
        row.setContentsMargins(0, 0, 0, 0)
        self.follow_checks: dict[int, QCheckBox] = {}
        words = {1: self.tr("1 month later"), 3: self.tr("3 months later"),
                 6: self.tr("6 months later")}
        for months in FOLLOW_UP_CHOICES:
            check = QCheckBox(words[months])
            check.setObjectName(f"followUp{months}")
            check.setChecked(months in (1, 3))
            self.follow_checks[months] = check
            row.addWidget(check)
        row.addStretch(1)
        form.addRow(self.tr("Follow-ups"), self.errors.wrap("follow_up", follow))
        self.finish(self.tr("The follow-ups fall due on their dates in the case list."))

    def save(self) -> bool:
        case_service.close_case(self.actor, self.case_id, case_service.CloseInput(
            reason=self.reason.text(), goals_met=self.goals_met.currentData(),
            summary=self.summary.toPlainText(), reflection=self.reflection.toPlainText(),
            closed_on=date_of(self.closed_on),
            follow_up_months=[m for m, check in self.follow_checks.items()
                              if check.isChecked()]))
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, case_id: int,  # type: ignore[override]
            lang: str = "zh") -> bool | None:
        return super().ask(parent, actor, case_id, lang)


# ------------------------------------------------------------------------------ follow-up

class FollowUpDialog(SavingDialog):
    def __init__(self, parent, actor: Actor, follow_up_id: int, lang: str = "zh", *,
                 context: str = "") -> None:
        super().__init__(parent, lang, "followUpDialog", self.tr("Follow-up"), context)
        self.actor = actor
        self.follow_up_id = follow_up_id
        self.setMinimumWidth(520)
        form = form_layout()
        self.layout_.addLayout(form)
        self.done_on = date_edit("followUpDoneOn")
        form.addRow(self.tr("Date"), self.errors.wrap("done_on", self.done_on))
        self.note = text_box("followUpNote", 90, self.tr("How the person is doing now"))
        form.addRow(self.tr("Found"), self.errors.wrap("note", self.note))
        again = QWidget()
        row = QHBoxLayout(again)
        row.setContentsMargins(0, 0, 0, 0)
        self.another = QCheckBox(self.tr("Another follow-up on"))
        self.another.setObjectName("anotherFollowUp")
        self.next_on = date_edit("nextFollowUpOn")
        self.next_on.setMaximumDate(QDate(9999, 12, 31))  # a date to come
        self.next_on.setMinimumDate(QDate.currentDate().addDays(1))
        self.next_on.setDate(QDate.currentDate().addDays(30))
        self.next_on.setEnabled(False)
        self.another.toggled.connect(self.next_on.setEnabled)
        row.addWidget(self.another)
        row.addWidget(self.next_on)
        row.addStretch(1)
        form.addRow("", self.errors.wrap("due_on", again))
        self.finish()

    def save(self) -> bool:
        # the follow-up and the next one together: both saved, or neither
        case_service.record_follow_up(
            self.actor, self.follow_up_id, self.note.toPlainText(), date_of(self.done_on),
            next_due_on=date_of(self.next_on) if self.another.isChecked() else None)
        return True

    @classmethod
    def ask(cls, parent, actor: Actor, follow_up_id: int,  # type: ignore[override]
            lang: str = "zh", *, context: str = "") -> bool | None:
        return super().ask(parent, actor, follow_up_id, lang, context=context)
