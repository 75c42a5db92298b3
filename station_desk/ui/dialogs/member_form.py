"""A household member's fields (``MemberEditor``, reused by the new-household form) and the
dialog that adds or changes one member of a household on file.

The ID number gives the birthdate and gender: they are filled in as soon as a valid number
is typed, and a birthdate or gender typed by hand that the number contradicts is pointed
out at once (the service refuses it too). A number or phone shown masked (the file was not
revealed) is kept as it is on file unless it is typed over: ``MemberInput`` gets None.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import validate
from ...core.errors import ValidationError
from ...core.services import households
from ...core.services.households import GENDERS, MEMBER_STATUSES, RELATIONS
from ..labels import label
from ..widgets import error_label
from .form_parts import FieldErrors, SavingDialog, fit_height, form_layout

DISABILITY_TYPES = ("", "视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾",
                    "多重残疾")
DISABILITY_GRADES = ("", "一级", "二级", "三级", "四级")


class CategoryChecks(QWidget):
    """A check box per category, in rows of ``COLUMNS`` (a station has a score of them)."""

    COLUMNS = 5
    changed = Signal()

    def __init__(self, categories: Sequence[tuple[int, str]], name: str = "categories") -> None:
        super().__init__()
        self.setObjectName(name)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.boxes: dict[int, QCheckBox] = {}
        for i, (category_id, text) in enumerate(categories):
            box = QCheckBox(text)
            box.setObjectName(f"category_{category_id}")
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[category_id] = box
            grid.addWidget(box, i // self.COLUMNS, i % self.COLUMNS)
        for column in range(self.COLUMNS):
            grid.setColumnStretch(column, 1)

    def checked_ids(self) -> list[int]:
        return [category_id for category_id, box in self.boxes.items() if box.isChecked()]

    def set_checked(self, ids: Sequence[int]) -> None:
        for category_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(category_id in ids)
            box.blockSignals(False)

    def check(self, name: str, on: bool = True) -> None:
        """Tick the category called ``name`` (tests and keyboard users)."""
        for box in self.boxes.values():
            if box.text() == name:
                box.setChecked(on)


def choice_combo(choices: Sequence[tuple[object, str]], name: str, editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(editable)
    for data, text in choices:
        combo.addItem(text, data)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable() and value:
        combo.setEditText(str(value))


INPUT_FIELDS = tuple(f.name for f in fields(households.MemberInput))


@dataclass
class MemberDraft:
    """What was typed for one member, as text: nothing is lost while it is still wrong.

    It has every field of ``households.MemberInput`` (text where that has a date, a list
    where it has a tuple), copied by name both ways, plus the kept numbers:
    ``id_number`` / ``phone`` equal to ``kept_id`` / ``kept_phone`` (the masked numbers the
    form showed) mean: keep the numbers on file.
    """

    name: str = ""
    relation: str = households.HEAD_RELATION
    id_number: str = ""
    gender: str = ""
    birthdate: str = ""
    phone: str = ""
    disability_type: str = ""
    disability_grade: str = ""
    chronic_illness: str = ""
    school_or_work: str = ""
    status: str = "active"
    notes: str = ""
    category_ids: list[int] = field(default_factory=list)
    kept_id: str | None = None
    kept_phone: str | None = None

    @classmethod
    def from_row(cls, row: households.MemberRow) -> MemberDraft:
        values = {name: getattr(row, name) for name in INPUT_FIELDS}
        return cls(**{**values, "birthdate": row.birthdate.isoformat() if row.birthdate else "",
                      "category_ids": list(row.category_ids)},
                   kept_id=row.id_number, kept_phone=row.phone)

    def to_input(self) -> households.MemberInput:
        """The service's input; a birthdate that is no date is refused here, field named."""
        keep_id = self.kept_id is not None and self.id_number == self.kept_id
        keep_phone = self.kept_phone is not None and self.phone == self.kept_phone
        values = {name: getattr(self, name) for name in INPUT_FIELDS}
        return households.MemberInput(**{
            **values, "birthdate": validate.date_value(self.birthdate, field="birthdate"),
            "id_number": None if keep_id else self.id_number,
            "phone": None if keep_phone else self.phone,
            "category_ids": tuple(self.category_ids)})

    def check(self) -> households.MemberInput:
        """Checked as the service will check it, so a refusal names this member's field; a
        kept number is on file already (the service checks the birthdate against it)."""
        data = self.to_input()
        households.clean_member(replace(data, id_number=data.id_number or "",
                                        phone=data.phone or ""))
        return data


class MemberEditor(QWidget):
    """The fields of one member. ``changed`` fires on every edit (the form keeps a draft)."""

    changed = Signal()

    def __init__(self, categories: Sequence[tuple[int, str]], lang: str, *,
                 with_status: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._loading = False
        self._auto_birthdate = ""
        self._auto_gender = ""
        self._kept_id: str | None = None
        self._kept_phone: str | None = None
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error, lang)

        self.name = QLineEdit()
        self.name.setObjectName("memberName")
        self.relation = choice_combo([(r, r) for r in RELATIONS], "memberRelation", editable=True)
        self.id_number = QLineEdit()
        self.id_number.setObjectName("memberIdNumber")
        self.id_number.setMaxLength(24)
        self.id_number.setPlaceholderText(self.tr("18 characters; gives the birthdate and gender"))
        self.id_hint = QLabel()
        self.id_hint.setObjectName("idHint")
        self.id_hint.setWordWrap(True)
        self.gender = choice_combo([("", self.tr("(not given)"))]
                                   + [(g, label("gender", g)) for g in GENDERS], "memberGender")
        self.birthdate = QLineEdit()
        self.birthdate.setObjectName("memberBirthdate")
        self.birthdate.setPlaceholderText(self.tr("e.g. 1950-03-07"))
        self.phone = QLineEdit()
        self.phone.setObjectName("memberPhone")
        self.disability_type = choice_combo([(d, d) for d in DISABILITY_TYPES], "disabilityType",
                                            editable=True)
        self.disability_grade = choice_combo([(g, g) for g in DISABILITY_GRADES],
                                             "disabilityGrade", editable=True)
        self.chronic_illness = QLineEdit()
        self.chronic_illness.setObjectName("chronicIllness")
        self.school_or_work = QLineEdit()
        self.school_or_work.setObjectName("schoolOrWork")
        self.status = choice_combo([(s, label("member_status", s)) for s in MEMBER_STATUSES],
                                   "memberStatus")
        self.notes = QLineEdit()
        self.notes.setObjectName("memberNotes")
        self.categories = CategoryChecks(categories, name="memberCategories")

        wrap = self.errors.wrap
        id_box = QWidget()
        id_layout = QVBoxLayout(id_box)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.setSpacing(2)
        id_layout.addWidget(self.id_number)
        id_layout.addWidget(self.id_hint)
        left = form_layout()
        left.addRow(self.tr("Name"), wrap("name", self.name))
        left.addRow(self.tr("Relation to the head"), wrap("relation", self.relation))
        left.addRow(self.tr("ID number"), wrap("id_number", id_box))
        self.errors.widgets["id_number"] = self.id_number
        left.addRow(self.tr("Gender"), wrap("gender", self.gender))
        left.addRow(self.tr("Birthdate"), wrap("birthdate", self.birthdate))
        left.addRow(self.tr("Phone"), wrap("phone", self.phone))
        right = form_layout()
        right.addRow(self.tr("Disability"), wrap("disability_type", self.disability_type))
        right.addRow(self.tr("Disability grade"), wrap("disability_grade", self.disability_grade))
        right.addRow(self.tr("Chronic illness"), wrap("chronic_illness", self.chronic_illness))
        right.addRow(self.tr("School or work"), wrap("school_or_work", self.school_or_work))
        if with_status:
            right.addRow(self.tr("Living here?"), wrap("status", self.status))
        right.addRow(self.tr("Notes"), wrap("notes", self.notes))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(20)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(QLabel(self.tr("Categories")), 1, 0, 1, 2)
        grid.addWidget(wrap("categories", self.categories), 2, 0, 1, 2)
        grid.addWidget(self.general_error, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        for line in (self.name, self.phone, self.chronic_illness, self.school_or_work, self.notes,
                     self.birthdate):
            line.textEdited.connect(self._edited)
        self.id_number.textEdited.connect(self._id_edited)
        for combo in (self.relation, self.disability_type, self.disability_grade):
            combo.currentTextChanged.connect(self._edited)
        self.gender.currentIndexChanged.connect(self._edited)
        self.status.currentIndexChanged.connect(self._edited)
        self.categories.changed.connect(self._edited)
        self.birthdate.textEdited.connect(lambda _t: self._show_id_hint())
        self.gender.currentIndexChanged.connect(lambda _i: self._show_id_hint())

    # loading and reading ----------------------------------------------------------------

    def load(self, draft: MemberDraft) -> None:
        self._loading = True
        try:
            self.name.setText(draft.name)
            self.relation.setEditText(draft.relation)
            self.id_number.setText(draft.id_number)
            select_data(self.gender, draft.gender)
            self.birthdate.setText(draft.birthdate)
            self.phone.setText(draft.phone)
            self.disability_type.setEditText(draft.disability_type)
            self.disability_grade.setEditText(draft.disability_grade)
            self.chronic_illness.setText(draft.chronic_illness)
            self.school_or_work.setText(draft.school_or_work)
            select_data(self.status, draft.status)
            self.notes.setText(draft.notes)
            self.categories.set_checked(draft.category_ids)
            self._kept_id, self._kept_phone = draft.kept_id, draft.kept_phone
            self._auto_birthdate = self._auto_gender = ""
            number = self._valid_number(draft.id_number)
            if number:
                self._auto_birthdate = validate.id_birthdate(number).isoformat()
                self._auto_gender = validate.id_gender(number)
            self.errors.clear()
            self._show_id_hint()
        finally:
            self._loading = False

    def draft(self) -> MemberDraft:
        return MemberDraft(
            name=self.name.text(), relation=self.relation.currentText().strip(),
            id_number=self.id_number.text().strip(), gender=self.gender.currentData() or "",
            birthdate=self.birthdate.text().strip(), phone=self.phone.text().strip(),
            disability_type=self.disability_type.currentText().strip(),
            disability_grade=self.disability_grade.currentText().strip(),
            chronic_illness=self.chronic_illness.text(), school_or_work=self.school_or_work.text(),
            status=self.status.currentData() or "active", notes=self.notes.text(),
            category_ids=self.categories.checked_ids(),
            kept_id=self._kept_id, kept_phone=self._kept_phone)

    def lock_name(self, locked: bool) -> None:
        """The head's row takes its name from the household's 户主 field."""
        self.name.setReadOnly(locked)
        self.name.setToolTip(self.tr("The head's name is typed above, as the household's")
                             if locked else "")
        self.relation.setEnabled(not locked)

    # the ID number gives birthdate and gender ---------------------------------------------

    def _valid_number(self, text: str) -> str:
        if not text or (self._kept_id is not None and text == self._kept_id):
            return ""
        try:
            return validate.id_number(text)
        except ValidationError:
            return ""

    def _id_edited(self, text: str) -> None:
        number = self._valid_number(text)
        if number:
            born = validate.id_birthdate(number).isoformat()
            gender = validate.id_gender(number)
            # Fill what is empty or was filled from an earlier number; never overwrite what
            # was typed by hand (a contradiction is shown instead).
            if self.birthdate.text().strip() in ("", self._auto_birthdate):
                self.birthdate.setText(born)
            if (self.gender.currentData() or "") in ("", self._auto_gender):
                select_data(self.gender, gender)
            self._auto_birthdate, self._auto_gender = born, gender
        self._show_id_hint()
        self._edited()

    def _show_id_hint(self) -> None:
        self._write_id_hint()
        fit_height(self.id_hint)

    def _write_id_hint(self) -> None:
        """A short line under the number as it is typed: what it gives, or what is wrong
        (the full sentence comes on OK)."""
        text = self.id_number.text().strip()
        muted, warn = "color: #757575;", "color: #c62828;"
        if not text or (self._kept_id is not None and text == self._kept_id):
            self.id_hint.setText("")
            self.id_hint.hide()
            return
        self.id_hint.show()
        digits = validate.normalise_text(text).replace(" ", "")
        if len(digits) < 18 and not (len(digits) == 15 and digits.isdigit()):
            self.id_hint.setStyleSheet(muted)
            self.id_hint.setText(self.tr("%1 of 18 characters").replace("%1", str(len(digits))))
            return
        try:
            number = validate.id_number(text)
        except ValidationError as error:
            self.id_hint.setStyleSheet(warn)
            self.id_hint.setText(self._short(error.code))
            return
        born = validate.id_birthdate(number)
        gender = validate.id_gender(number)
        try:
            typed_date = validate.date_value(self.birthdate.text().strip(), field="birthdate")
        except ValidationError:
            typed_date = None
        typed_gender = self.gender.currentData() or ""
        if (typed_date is not None and typed_date != born) or (typed_gender and typed_gender != gender):
            self.id_hint.setStyleSheet(warn)
            self.id_hint.setText(self.tr("Not as typed: %1, %2").replace("%1", born.isoformat())
                                 .replace("%2", label("gender", gender)))
            return
        gives = self.tr("Born %1, %2").replace("%1", born.isoformat()).replace("%2", label("gender", gender))
        self.id_hint.setStyleSheet(muted)
        self.id_hint.setText(self.tr("%1, age %2").replace("%1", gives)
                             .replace("%2", str(age_on(born, households.today()))))

    def _short(self, code: str) -> str:
        return {
            "bad_id_length": self.tr("Must have 18 characters"),
            "bad_id_checksum": self.tr("Check digit is wrong"),
            "bad_id_birthdate": self.tr("No valid birthdate in it"),
            "bad_id_region": self.tr("No valid province code"),
            "id_old_15": self.tr("Old 15-digit number: use the 18-digit one"),
            "id_as_number": self.tr("Last digits lost by Excel"),
        }.get(code, self.tr("Not a valid ID number"))

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def show_error(self, error: BaseException) -> str:
        return self.errors.show(error)


def age_on(born: _dt.date, on: _dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class MemberFormDialog(SavingDialog):
    """Add a member to a household on file, or change one; ``ask`` returns the member."""

    def __init__(self, parent: QWidget | None, actor, household_id: int,
                 categories: Sequence[tuple[int, str]], member: households.MemberRow | None = None,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "memberForm",
                         self.tr("Change member %1").replace("%1", member.name) if member
                         else self.tr("Add a member"))
        self.actor = actor
        self.household_id = household_id
        self.member = member
        self.setMinimumWidth(760)
        self.editor = MemberEditor(categories, lang, with_status=member is not None)
        self.layout_.addWidget(self.editor)
        if member is not None:
            self.editor.load(MemberDraft.from_row(member))
            if member.relation == households.HEAD_RELATION:
                # The head is renamed through the household form; their relation stays.
                self.editor.relation.setEnabled(False)
        else:
            self.editor.load(MemberDraft(relation="配偶"))
        masked = member is not None and "*" in (member.id_number + member.phone)
        self.finish(self.tr("Masked numbers are kept as they are on file unless you type "
                            "over them.") if masked else "")

    def save(self):
        draft = self.editor.draft()
        draft.check()
        return households.save_member(self.actor, self.household_id, draft.to_input(),
                                      self.member.id if self.member else None)

    def refused(self, error: BaseException) -> None:
        self.editor.show_error(error)
