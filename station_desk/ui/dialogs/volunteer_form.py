"""Add a volunteer or change one (志愿者).

As in the member form, a valid ID number fills in the birthdate and gender, and a number or
phone shown masked is kept as it is on file unless it is typed over (``VolunteerInput``
gets None). A refusal is shown under its field and the dialog stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from ...core import validate
from ...core.errors import ValidationError
from ...core.services import volunteers
from ...core.services.volunteers import GENDERS, VOLUNTEER_STATUSES
from ..labels import label
from .form_parts import SavingDialog, fit_height, form_layout
from .member_form import CategoryChecks, choice_combo, select_data

STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("VolunteerForm", "Active"),
    "paused": QT_TRANSLATE_NOOP("VolunteerForm", "Paused"),
    "left": QT_TRANSLATE_NOOP("VolunteerForm", "Left"),
}


def status_name(code: str) -> str:
    """The word for a volunteer status, in the user's language."""
    text = STATUS_WORDS.get(code)
    return QCoreApplication.translate("VolunteerForm", text) if text else code


class VolunteerFormDialog(SavingDialog):
    """``ask(parent, actor, teams, skills, detail=None, lang=...)`` returns the saved
    ``Volunteer`` or None. ``teams`` / ``skills``: (id, name) of those in use (and the
    volunteer's own, even if no longer in use)."""

    def __init__(self, parent: QWidget | None, actor, teams: Sequence[tuple[int, str]],
                 skills: Sequence[tuple[int, str]],
                 detail: volunteers.VolunteerDetail | None = None, lang: str = "zh") -> None:
        super().__init__(parent, lang, "volunteerForm",
                         self.tr("Change volunteer %1").replace("%1", detail.name) if detail
                         else self.tr("Add a volunteer"))
        self.actor = actor
        self.detail = detail
        self.setMinimumWidth(860)
        self._auto_birthdate = ""
        self._auto_gender = ""

        def line(name: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholder)
            return edit

        self.name = line("volunteerName")
        self.id_number = line("volunteerIdNumber",
                              self.tr("18 characters; gives the birthdate and gender"))
        self.id_number.setMaxLength(24)
        self.gender = choice_combo([("", self.tr("(not given)"))]
                                   + [(g, label("gender", g)) for g in GENDERS], "volunteerGender")
        self.birthdate = line("volunteerBirthdate", self.tr("e.g. 1950-03-07"))
        self.phone = line("volunteerPhone", self.tr("Mobile: its last 4 digits sign in at the kiosk"))
        self.party_member = QCheckBox(self.tr("Communist Party member"))
        self.party_member.setObjectName("partyMember")
        self.team = choice_combo([(None, self.tr("(no team)"))] + list(teams), "volunteerTeam")
        self.team_leader = QCheckBox(self.tr("Leads the team"))
        self.team_leader.setObjectName("teamLeader")
        self.platform_number = line("platformNumber", self.tr("National volunteer platform number"))
        self.joined_on = line("joinedOn", self.tr("e.g. 2024-03-05"))
        self.status = choice_combo([(s, status_name(s)) for s in VOLUNTEER_STATUSES],
                                   "volunteerStatus")
        self.emergency_contact = line("emergencyContact")
        self.emergency_phone = line("emergencyPhone")
        self.notes = line("volunteerNotes")
        self.skills = CategoryChecks(skills, name="volunteerSkills")

        wrap = self.errors.wrap
        left = form_layout()
        left.addRow(self.tr("Name"), wrap("name", self.name))
        left.addRow(self.tr("ID number"), wrap("id_number", self.id_number))
        left.addRow(self.tr("Gender"), wrap("gender", self.gender))
        left.addRow(self.tr("Birthdate"), wrap("birthdate", self.birthdate))
        left.addRow(self.tr("Phone"), wrap("phone", self.phone))
        left.addRow("", self.party_member)
        right = form_layout()
        right.addRow(self.tr("Team"), wrap("team", self.team))
        right.addRow("", self.team_leader)
        right.addRow(self.tr("Volunteer number"), wrap("platform_number", self.platform_number))
        right.addRow(self.tr("Joined on"), wrap("joined_on", self.joined_on))
        if detail is not None:
            right.addRow(self.tr("Status"), wrap("status", self.status))
        right.addRow(self.tr("Emergency contact"), wrap("emergency_contact", self.emergency_contact))
        right.addRow(self.tr("Emergency phone"), wrap("emergency_phone", self.emergency_phone))
        right.addRow(self.tr("Notes"), wrap("notes", self.notes))
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(QLabel(self.tr("Skills")), 1, 0, 1, 2)
        grid.addWidget(wrap("skills", self.skills), 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.layout_.addLayout(grid)

        if detail is not None:
            self._load(detail)
        self.id_number.textEdited.connect(self._id_edited)
        masked = detail is not None and "*" in (detail.id_number + detail.phone
                                                + detail.emergency_phone)
        self.finish(self.tr("Masked numbers are kept as they are on file unless you type "
                            "over them.") if masked else "")

    def _load(self, d: volunteers.VolunteerDetail) -> None:
        self.name.setText(d.name)
        self.id_number.setText(d.id_number)
        select_data(self.gender, d.gender)
        self.birthdate.setText(d.birthdate.isoformat() if d.birthdate else "")
        self.phone.setText(d.phone)
        self.party_member.setChecked(d.party_member)
        select_data(self.team, d.team_id)
        self.team_leader.setChecked(d.team_leader)
        self.platform_number.setText(d.platform_number)
        self.joined_on.setText(d.joined_on.isoformat() if d.joined_on else "")
        select_data(self.status, d.status)
        self.emergency_contact.setText(d.emergency_contact)
        self.emergency_phone.setText(d.emergency_phone)
        self.notes.setText(d.notes)
        self.skills.set_checked(d.skill_ids)

    def _id_edited(self, text: str) -> None:
        """A valid number fills the birthdate and gender (only what is empty or was filled
        from an earlier number: what was typed by hand stays, and the service checks it)."""
        try:
            number = validate.id_number(text)
        except ValidationError:
            return
        if not number:
            return
        born, gender = validate.id_birthdate(number).isoformat(), validate.id_gender(number)
        if self.birthdate.text().strip() in ("", self._auto_birthdate):
            self.birthdate.setText(born)
        if (self.gender.currentData() or "") in ("", self._auto_gender):
            select_data(self.gender, gender)
        self._auto_birthdate, self._auto_gender = born, gender

    def _kept(self, edit: QLineEdit, shown: str) -> str | None:
        """None (keep what is on file) when a masked number was left as shown."""
        text = edit.text().strip()
        return None if self.detail is not None and shown and text == shown else text

    def to_input(self) -> volunteers.VolunteerInput:
        d = self.detail
        return volunteers.VolunteerInput(
            name=self.name.text(),
            gender=self.gender.currentData() or "",
            phone=self._kept(self.phone, d.phone if d else ""),
            id_number=self._kept(self.id_number, d.id_number if d else ""),
            birthdate=validate.date_value(self.birthdate.text(), field="birthdate"),
            party_member=self.party_member.isChecked(),
            team_id=self.team.currentData(),
            team_leader=self.team_leader.isChecked(),
            platform_number=self.platform_number.text(),
            joined_on=validate.date_value(self.joined_on.text(), field="joined_on"),
            status=(self.status.currentData() or "active") if d else "active",
            emergency_contact=self.emergency_contact.text(),
            emergency_phone=self._kept(self.emergency_phone, d.emergency_phone if d else ""),
            notes=self.notes.text(),
            skill_ids=tuple(self.skills.checked_ids()),
        )

    def refused(self, error: BaseException) -> None:
        self.errors.show(error)
        # The label was hidden until now: measured at its real width once the layout has
        # placed it, a long sentence in the narrow column would otherwise lose its last line.
        label_ = self.errors.labels.get(str(getattr(error, "params", {}).get("field", "")))
        if label_ is not None:
            self.layout_.activate()
            fit_height(label_)
            # A layout with word-wrapped labels does not grow its window by itself.
            hint = self.sizeHint()
            self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def save(self):
        data = self.to_input()
        if self.detail is None:
            return volunteers.create_volunteer(self.actor, data)
        return volunteers.update_volunteer(self.actor, self.detail.id, data)
