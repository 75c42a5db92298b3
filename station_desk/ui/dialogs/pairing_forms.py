"""结对帮扶: pairing a helper with a household (新建结对), logging a contact of the pair (记录联系,
which the service files as a visit on the household), and ending a pair (结束结对).

The helper is a volunteer from the registry, a volunteer team, or a partner unit (a department,
a company, a party branch) typed in with its contact person.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.models import PAIRING_HELPERS
from ...core.roles import Actor
from ...core.services import pairings, volunteers
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout
from .household_picker import HouseholdPicker

SEARCH_PAUSE_MS = 150


class Switch(QWidget):
    """Pages of which one shows, each at its own height (a QStackedWidget is as tall as its
    tallest page, which left a one-line field floating in a tall box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 (as QStackedWidget says it)
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(len(self._pages) == 1)
        if self._current < 0:
            self._current = 0

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self._current = index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)

    def currentIndex(self) -> int:  # noqa: N802
        return self._current

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._pages[self._current] if 0 <= self._current < len(self._pages) else None


def text_box(name: str, height: int = 70) -> QPlainTextEdit:
    """A few lines of free text; Tab moves on to the next field."""
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setMaximumHeight(height + 40)
    return box


class NewPairingDialog(SavingDialog):
    """新建结对; ``ask`` returns the new pair's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, lang: str = "zh",
                 household_id: int | None = None) -> None:
        super().__init__(parent, lang, "newPairing", self.tr("New pairing"))
        self.actor = actor
        self.setMinimumWidth(620)
        self.picker = HouseholdPicker(actor, self, with_member=True,
                                      member_label=self.tr("The household, or one member (a child)"))
        if household_id is not None:
            self.picker.use_household(household_id)

        self.helper_kind = QComboBox()
        self.helper_kind.setObjectName("helperKind")
        for kind in PAIRING_HELPERS:
            self.helper_kind.addItem(label("pairing_helper", kind), kind)
        self.helper_stack = Switch()
        self.helper_stack.setObjectName("helperStack")

        # a volunteer from the registry: type to narrow the list
        volunteer_box = QWidget()
        row = QHBoxLayout(volunteer_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.volunteer_search = QLineEdit()
        self.volunteer_search.setObjectName("volunteerSearch")
        self.volunteer_search.setClearButtonEnabled(True)
        self.volunteer_search.setPlaceholderText(self.tr("Name, pinyin initials or phone tail"))
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("volunteer")
        self.volunteer.setMinimumWidth(220)
        row.addWidget(self.volunteer_search, 1)
        row.addWidget(self.volunteer, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.find_volunteers)
        self.volunteer_search.textChanged.connect(lambda _t: self._timer.start())
        self.helper_stack.addWidget(volunteer_box)

        self.team = QComboBox()
        self.team.setObjectName("team")
        for team in volunteers.list_teams(actor, include_inactive=False):
            self.team.addItem(team.name, team.id)
        self.helper_stack.addWidget(self.team)

        unit_box = QWidget()
        unit_layout = QVBoxLayout(unit_box)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        self.unit.setPlaceholderText(self.tr("e.g. 县供电公司党支部"))
        self.contact_person = QLineEdit()
        self.contact_person.setObjectName("contactPerson")
        self.contact_person.setPlaceholderText(self.tr("Contact person at the unit"))
        unit_layout.addWidget(self.errors.wrap("unit", self.unit))
        unit_layout.addWidget(self.errors.wrap("contact_person", self.contact_person))
        self.helper_stack.addWidget(unit_box)
        self.helper_kind.currentIndexChanged.connect(self._kind_changed)

        self.every_days = QSpinBox()
        self.every_days.setObjectName("everyDays")
        self.every_days.setRange(1, 366)
        self.every_days.setValue(30)
        self.every_days.setSuffix(self.tr(" days"))
        self.started_on = date_edit("startedOn")
        self.note = QLineEdit()
        self.note.setObjectName("pairingNote")

        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Household"), wrap("household", self.picker))
        form.addRow(self.tr("Helper"), wrap("helper_kind", self.helper_kind))
        form.addRow("", self.helper_stack)
        self.errors.widgets["volunteer"] = self.volunteer
        self.errors.labels["volunteer"] = self.errors.labels["helper_kind"]
        self.errors.widgets["team"] = self.team
        self.errors.labels["team"] = self.errors.labels["helper_kind"]
        form.addRow(self.tr("Contact every"), wrap("every_days", self.every_days))
        form.addRow(self.tr("Started on"), wrap("started_on", self.started_on))
        form.addRow(self.tr("Note"), wrap("note", self.note))
        self.layout_.addLayout(form)
        self.finish(self.tr("Each contact is logged as a visit on the household's file; a pair "
                            "not contacted within its interval shows as behind."))
        self.find_volunteers()
        self._kind_changed()
        # shown at its size hint: on a 1280×800 screen Qt would shrink it to its minimum,
        # which squeezes the household matches under their own label
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))

    def find_volunteers(self) -> None:
        self._timer.stop()
        current = self.volunteer.currentData()
        rows = volunteers.list_volunteers(self.actor, volunteers.VolunteerQuery(
            text=self.volunteer_search.text(), status="active"))
        self.volunteer.clear()
        for row in rows:
            extra = f" · {row.team_name}" if row.team_name else ""
            self.volunteer.addItem(f"{row.name}{extra}", row.id)
        index = self.volunteer.findData(current)
        self.volunteer.setCurrentIndex(index if index >= 0 else (0 if rows else -1))

    def _kind_changed(self) -> None:
        self.helper_stack.setCurrentIndex(self.helper_kind.currentIndex())
        self.errors.clear()

    def choose_volunteer(self, volunteer_id: int) -> None:
        self.helper_kind.setCurrentIndex(self.helper_kind.findData("volunteer"))
        index = self.volunteer.findData(volunteer_id)
        if index < 0:
            self.volunteer_search.clear()
            self.find_volunteers()
            index = self.volunteer.findData(volunteer_id)
        self.volunteer.setCurrentIndex(index)

    def save(self) -> int:
        if self.picker.household_id is None:
            raise ValidationError("required", field="household")
        kind = self.helper_kind.currentData()
        row = pairings.create_pairing(self.actor, pairings.PairingInput(
            household_id=self.picker.household_id, helper_kind=kind,
            volunteer_id=self.volunteer.currentData() if kind == "volunteer" else None,
            team_id=self.team.currentData() if kind == "team" else None,
            unit=self.unit.text() if kind == "unit" else "",
            contact_person=self.contact_person.text() if kind == "unit" else "",
            member_id=self.picker.member_id(), every_days=self.every_days.value(),
            started_on=date_of(self.started_on), note=self.note.text()))
        return row.id


def _about(row: pairings.PairingRow) -> str:
    person = f"{row.head_name}（{row.member_name}）" if row.member_name else row.head_name
    return f"{label('pairing_helper', row.helper_kind)} {row.helper} → {person}，{row.village}"


class LogContactDialog(SavingDialog):
    """记录联系: a contact of the pair, filed as a visit on the household; ``ask`` returns the
    contact's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, row: pairings.PairingRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "logContact", self.tr("Log a contact"), _about(row))
        self.actor = actor
        self.pairing = row
        self.setMinimumWidth(520)
        self.contacted_on = date_edit("contactedOn")
        self.way = QComboBox()
        self.way.setObjectName("contactWay")
        for way in pairings.CONTACT_WAYS:
            self.way.addItem(label("contact_way", way), way)
        self.summary = text_box("contactSummary", 90)
        self.summary.setPlaceholderText(self.tr("What was done and said"))
        self.needs = text_box("contactNeeds")
        self.needs.setPlaceholderText(self.tr("One need per line"))
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Date"), wrap("contacted_on", self.contacted_on))
        form.addRow(self.tr("Way"), wrap("way", self.way))
        form.addRow(self.tr("Summary"), wrap("summary", self.summary))
        form.addRow(self.tr("Needs heard"), wrap("needs", self.needs))
        self.layout_.addLayout(form)
        self.finish(self.tr("The contact goes on the household's file as a pairing visit; the "
                            "needs heard go on its needs list."))

    def save(self) -> int:
        needs = [line.strip() for line in self.needs.toPlainText().splitlines() if line.strip()]
        contact = pairings.log_contact(self.actor, self.pairing.id, date_of(self.contacted_on),
                                       self.summary.toPlainText(), way=self.way.currentData(),
                                       needs=needs)
        return contact.id


class EndPairingDialog(SavingDialog):
    """结束结对: why and when; ``ask`` returns the pair's id."""

    def __init__(self, parent: QWidget | None, actor: Actor, row: pairings.PairingRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "endPairing", self.tr("End the pairing"), _about(row))
        self.actor = actor
        self.pairing = row
        self.setMinimumWidth(480)
        self.reason = QLineEdit()
        self.reason.setObjectName("endReason")
        self.reason.setPlaceholderText(self.tr("e.g. 服务对象搬走"))
        self.ended_on = date_edit("endedOn")
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Reason"), wrap("reason", self.reason))
        form.addRow(self.tr("Ended on"), wrap("ended_on", self.ended_on))
        self.layout_.addLayout(form)
        self.finish(self.tr("The pair's contacts stay on the household's file."))

    def save(self) -> int:
        return pairings.end_pairing(self.actor, self.pairing.id, self.reason.text(),
                                    date_of(self.ended_on)).id
