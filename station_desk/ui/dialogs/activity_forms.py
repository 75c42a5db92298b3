"""An activity's forms: plan or edit it, sign people up (several in a row through the
household picker), put volunteers on it, goods used, policy cards handed out, and after the
day who came (the sign-in sheet typed in).

Each ``ask`` returns what the service gave back (or True), None when cancelled; a refusal is
shown in the dialog, under its field when it names one, and what was typed stays.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.models import ACTIVITY_KINDS
from ...core.roles import Actor
from ...core.services import activities, policies, volunteers
from ...core.services.station import list_villages
from ..labels import label
from .case_forms import text_box
from .form_parts import SavingDialog, date_edit, date_of, form_layout, qdate
from .goods_lines import GoodsLines
from .household_picker import HouseholdPicker

SEARCH_PAUSE_MS = 150


def _day(value) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])


def village_choices() -> list[tuple[int, str]]:
    """Villages an activity is held in (groups left out, as the case list does)."""
    return [(v.id, v.name) for v in list_villages(include_inactive=False) if v.kind != "group"]


def _heading(detail: activities.ActivityDetail) -> str:
    row = detail.activity
    return f"{row.title} · {_day(row.held_on).isoformat()} {row.start_time}–{row.end_time}"


def _checkable(text: str, data, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def checked_data(box: QListWidget) -> list:
    return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


# ------------------------------------------------------------------------------ the activity

class ActivityDialog(SavingDialog):
    """新建 / 编辑活动; ``ask`` returns the saved activity's id."""

    def __init__(self, parent: QWidget | None, actor: Actor,
                 activity_id: int | None = None, lang: str = "zh") -> None:
        self.detail = activities.get_activity(actor, activity_id) if activity_id else None
        super().__init__(parent, lang, "activityDialog",
                         self.tr("Edit activity") if activity_id else self.tr("New activity"))
        self.actor = actor
        self.activity_id = activity_id
        self.setMinimumWidth(560)
        row = self.detail.activity if self.detail else None
        self.title = QLineEdit(row.title if row else "")
        self.title.setObjectName("activityTitle")
        self.title.setPlaceholderText(self.tr("e.g. 重阳节敬老茶话会"))
        self.kind = QComboBox()
        self.kind.setObjectName("activityKind")
        for code in ACTIVITY_KINDS:
            self.kind.addItem(label("activity_kind", code), code)
        if row:
            self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        self.held_on = QDateEdit()
        self.held_on.setObjectName("activityDay")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setDate(qdate(_day(row.held_on)) if row else QDate.currentDate())
        self.start = QTimeEdit(QTime.fromString(row.start_time if row else "09:00", "HH:mm"))
        self.start.setObjectName("activityStart")
        self.start.setDisplayFormat("HH:mm")
        self.end = QTimeEdit(QTime.fromString(row.end_time if row else "11:00", "HH:mm"))
        self.end.setObjectName("activityEnd")
        self.end.setDisplayFormat("HH:mm")
        times = QHBoxLayout()
        times.setContentsMargins(0, 0, 0, 0)
        times.addWidget(self.held_on)
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        times.addStretch(1)
        when = QWidget()
        when.setLayout(times)
        self.place = QLineEdit(row.place if row else "")
        self.place.setObjectName("activityPlace")
        self.place.setPlaceholderText(self.tr("e.g. 村委会活动室"))
        self.village = QComboBox()
        self.village.setObjectName("activityVillage")
        self.village.addItem(self.tr("(none)"), None)
        for vid, name in village_choices():
            self.village.addItem(name, vid)
        if row and row.village_id:
            self.village.setCurrentIndex(max(self.village.findData(row.village_id), 0))
        self.theme = QLineEdit(row.theme if row else "")
        self.theme.setObjectName("activityTheme")
        self.organiser = QLineEdit(row.organiser if row else actor.name)
        self.organiser.setObjectName("activityOrganiser")
        self.partners = QLineEdit(row.partners if row else "")
        self.partners.setObjectName("activityPartners")
        self.partners.setPlaceholderText(self.tr("e.g. 镇卫生院、县供电公司党支部"))
        self.project = QComboBox()
        self.project.setObjectName("activityProject")
        self.project.addItem(self.tr("(no project)"), None)
        for project in activities.list_projects(actor):
            if project.status == "active" or (row and row.project_id == project.id):
                self.project.addItem(project.name, project.id)
        if row and row.project_id:
            self.project.setCurrentIndex(max(self.project.findData(row.project_id), 0))
        self.summary = text_box("activitySummary", 60)
        if row:
            self.summary.setPlainText(row.summary)

        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Title"), wrap("activity_title", self.title))
        form.addRow(self.tr("Kind"), wrap("activity_kind", self.kind))
        form.addRow(self.tr("Day and time"), wrap("held_on", when))
        form.addRow(self.tr("Place"), wrap("place", self.place))
        form.addRow(self.tr("Village"), wrap("village", self.village))
        form.addRow(self.tr("Theme"), wrap("theme", self.theme))
        form.addRow(self.tr("Organiser"), wrap("organiser", self.organiser))
        form.addRow(self.tr("Partners"), wrap("partners", self.partners))
        form.addRow(self.tr("Project"), wrap("project", self.project))
        form.addRow(self.tr("Summary"), wrap("summary", self.summary))
        self.errors.widgets["start_time"] = self.start
        self.errors.widgets["end_time"] = self.end
        self.layout_.addLayout(form)
        self.finish(self.tr("Volunteers put on the activity go on a shift of its own, so the "
                            "roster and the kiosk know them."))
        self.title.setFocus()

    def inputs(self) -> activities.ActivityInput:
        return activities.ActivityInput(
            title=self.title.text(), kind=self.kind.currentData(),
            held_on=date_of(self.held_on), start_time=self.start.time().toString("HH:mm"),
            end_time=self.end.time().toString("HH:mm"), place=self.place.text(),
            village_id=self.village.currentData(), theme=self.theme.text(),
            organiser=self.organiser.text(), partners=self.partners.text(),
            project_id=self.project.currentData(), summary=self.summary.toPlainText())

    def save(self) -> int:
        return activities.save_activity(self.actor, self.inputs(), self.activity_id).id


# ------------------------------------------------------------------------------ sign-ups

class PeopleList(QWidget):
    """A household picker with an Add button and the list of people picked so far (several
    in a row: the picker is cleared after each)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[tuple[int, int | None]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picker = HouseholdPicker(actor, self, with_member=True,
                                      member_label=self.tr("Who of the household"))
        layout.addWidget(self.picker)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add to the list"))
        self.add_button.setObjectName("addPerson")
        self.add_button.clicked.connect(self.add_picked)
        self.add_button.setEnabled(False)
        self.picker.picked.connect(lambda _id: self.add_button.setEnabled(True))
        self.remove_button = QPushButton(self.tr("Take off the list"))
        self.remove_button.setObjectName("removePerson")
        self.remove_button.clicked.connect(self.remove_current)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setObjectName("pickedPeople")
        self.list.setMaximumHeight(140)
        layout.addWidget(self.list)

    def add_picked(self) -> None:
        if self.picker.household_id is None:
            return
        key = (self.picker.household_id, self.picker.member_id())
        if key not in self.people:
            member = self.picker.member.currentText() if self.picker.member is not None \
                and key[1] is not None else ""
            text = self.picker.chosen.text() + (f" · {member}" if member else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
            self.people.append(key)
        self.picker.clear()
        self.add_button.setEnabled(False)
        self.picker.search.setFocus()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.people.remove(item.data(Qt.ItemDataRole.UserRole))
        self.list.takeItem(self.list.row(item))


class AddParticipantsDialog(SavingDialog):
    """报名: households or members from the registry; ``ask`` returns how many were added."""

    def __init__(self, parent, actor: Actor, activity_id: int, lang: str = "zh") -> None:
        detail = activities.get_activity(actor, activity_id)
        super().__init__(parent, lang, "addParticipants", self.tr("Sign people up"),
                         _heading(detail))
        self.actor = actor
        self.activity_id = activity_id
        self.setMinimumSize(620, 520)
        self.people = PeopleList(actor, self)
        self.layout_.addWidget(self.errors.wrap("participants", self.people))
        self.finish(self.tr("Find a household, choose the whole household or one member, "
                            "press Add; then the next one. Those already signed up stay."))

    def save(self) -> int:
        self.people.add_picked()  # one chosen but not yet added counts too
        if not self.people.people:
            from ...core.errors import ValidationError

            raise ValidationError("required", field="participants")
        return activities.add_participants(self.actor, self.activity_id, self.people.people)


# ------------------------------------------------------------------------------ volunteers

class VolunteerChecks(QWidget):
    """Volunteers of the registry to tick, with a search; the ones given (id, name, ticked)
    first, then the other active ones."""

    def __init__(self, actor: Actor, first: list[tuple[int, str, bool]], parent=None, *,
                 others: bool = True) -> None:
        super().__init__(parent)
        self.actor = actor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.filter)
        self.search = QLineEdit()
        self.search.setObjectName("volunteerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Find a volunteer: name, pinyin initials or phone tail"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.list = QListWidget()
        self.list.setObjectName("volunteerPicks")
        self.list.itemChanged.connect(lambda _i: self._count())
        self.count = QLabel()
        self.count.setObjectName("pickedCount")
        seen = set()
        for vid, name, ticked in first:
            self.list.addItem(_checkable(name, vid, ticked))
            seen.add(vid)
        if others:
            for row in volunteers.list_volunteers(actor, volunteers.VolunteerQuery(
                    status="active")):
                if row.id not in seen:
                    text = f"{row.name}  {row.team_name}".strip()
                    self.list.addItem(_checkable(text, row.id, False))
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.count)
        self._count()

    def filter(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        shown = None
        if text:
            shown = {r.id for r in volunteers.list_volunteers(
                self.actor, volunteers.VolunteerQuery(text=text, status=""))}
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(shown is not None and item.data(Qt.ItemDataRole.UserRole) not in shown)

    def picked(self) -> list[int]:
        return checked_data(self.list)

    def pick(self, name: str, on: bool = True) -> None:
        """Tick (or untick) the volunteer called ``name``."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.text().split()[0] == name:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        self.count.setText(self.tr("%1 volunteers chosen").replace("%1", str(len(self.picked()))))


class ActivityVolunteersDialog(SavingDialog):
    """The volunteers who will serve; ``ask`` returns the roster's warnings (a list)."""

    def __init__(self, parent, actor: Actor, activity_id: int, lang: str = "zh") -> None:
        detail = activities.get_activity(actor, activity_id)
        super().__init__(parent, lang, "activityVolunteers", self.tr("Volunteers"),
                         _heading(detail))
        self.actor = actor
        self.activity_id = activity_id
        self.setMinimumSize(480, 520)
        self.checks = VolunteerChecks(actor, [(h.volunteer_id, h.name, True)
                                              for h in detail.volunteers], self)
        self.layout_.addWidget(self.errors.wrap("volunteers", self.checks))
        self.finish(self.tr("They go on the activity's own shift: the roster and the kiosk "
                            "know them, and their hours count like any shift's."))

    def save(self) -> list[str]:
        return list(activities.set_volunteers(self.actor, self.activity_id,
                                              self.checks.picked()))


# ------------------------------------------------------------------------------ goods used

class UseGoodsDialog(SavingDialog):
    """Goods used at the activity (out of stock to it); ``ask`` returns the voucher's id."""

    def __init__(self, parent, actor: Actor, activity_id: int, lang: str = "zh") -> None:
        detail = activities.get_activity(actor, activity_id)
        super().__init__(parent, lang, "useGoods", self.tr("Goods used"), _heading(detail))
        self.actor = actor
        self.activity_id = activity_id
        self.setMinimumWidth(600)
        form = form_layout()
        self.used_on = date_edit("usedOn", min(_day(detail.activity.held_on), today()))
        form.addRow(self.tr("Used on"), self.errors.wrap("used_on", self.used_on))
        goods = GoodsLines(actor, name="activityGoods")
        self.goods_lines, self._stock, self.lines = goods, goods.stock, goods.lines
        self.add_line, self.remove_line, self.goods = goods.add_line, goods.remove_line, goods.goods
        form.addRow(self.tr("Goods"), self.errors.wrap("goods", goods))
        self.layout_.addLayout(form)
        if self._stock:
            self.add_line()
        self.finish(self.tr("The goods leave the stock on one voucher, to the activity.")
                    if self._stock else self.tr("Nothing is in stock."))

    def save(self) -> int:
        return activities.use_goods(self.actor, self.activity_id, self.goods(),
                                    date_of(self.used_on)).id


# ------------------------------------------------------------------------------ policy cards

class HandOutCardsDialog(SavingDialog):
    """政策明白卡 handed out at the activity; ``ask`` returns the distribution's id."""

    def __init__(self, parent, actor: Actor, activity_id: int, lang: str = "zh") -> None:
        detail = activities.get_activity(actor, activity_id)
        super().__init__(parent, lang, "handOutCards", self.tr("Hand out policy cards"),
                         _heading(detail))
        self.actor = actor
        self.activity_id = activity_id
        self.setMinimumWidth(520)
        self.version = QComboBox()
        self.version.setObjectName("cardVersion")
        for policy in policies.list_policies(actor):
            version = policy.current
            if version is not None:
                self.version.addItem(self.tr("%1 (version %2)").replace("%1", policy.title)
                                     .replace("%2", str(version.number)), version.id)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("cardQuantity")
        self.quantity.setRange(1, 100_000)
        self.quantity.setValue(50)
        self.village = QComboBox()
        self.village.setObjectName("cardVillage")
        for vid, name in village_choices():
            self.village.addItem(name, vid)
        if detail.activity.village_id:
            self.village.setCurrentIndex(max(self.village.findData(
                detail.activity.village_id), 0))
        form = form_layout()
        wrap = self.errors.wrap
        form.addRow(self.tr("Card"), wrap("policy", self.version))
        form.addRow(self.tr("Quantity"), wrap("quantity", self.quantity))
        form.addRow(self.tr("Village"), wrap("village", self.village))
        self.layout_.addLayout(form)
        self.finish(self.tr("Only published cards are listed. The cards go on the card "
                            "ledger as handed out in the village."))

    def save(self) -> int:
        if self.version.currentData() is None:
            from ...core.errors import ValidationError

            raise ValidationError("required", field="policy")
        return activities.hand_out_cards(self.actor, self.activity_id,
                                         self.version.currentData(), self.quantity.value(),
                                         village_id=self.village.currentData()).id


# ------------------------------------------------------------------------------ who came

class AttendanceDialog(SavingDialog):
    """到场登记 from the sign-in sheet; ``ask`` returns True."""

    def __init__(self, parent, actor: Actor, activity_id: int, lang: str = "zh") -> None:
        detail = activities.get_activity(actor, activity_id)
        super().__init__(parent, lang, "activityAttendance", self.tr("Who came"),
                         _heading(detail))
        self.actor = actor
        self.activity_id = activity_id
        self.setMinimumSize(760, 640)
        row = detail.activity
        self.came = QListWidget()
        self.came.setObjectName("participantsCame")
        for p in detail.participants:
            text = f"{p.name}（{p.head_name}）" if p.member_id and p.name != p.head_name \
                else p.name
            self.came.addItem(_checkable(f"{text} · {p.village}", p.id, p.attended))
        self.came.setMaximumHeight(150)
        self.walk_ins = PeopleList(actor, self)
        self.extra = QSpinBox()
        self.extra.setObjectName("extraCount")
        self.extra.setRange(0, 100_000)
        self.extra.setValue(int(row.extra_count or 0))
        # entered before: who came; else everyone planned (the sheet's usual case)
        held = row.status == "held"
        served = [(h.volunteer_id, h.name, h.came if held else True)
                  for h in detail.volunteers]
        self.volunteers = VolunteerChecks(actor, served, self)
        self.summary = text_box("attendanceSummary", 56,
                                self.tr("What happened, what came of it"))
        self.summary.setPlainText(row.summary)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Signed up: tick who came")))
        left.addWidget(self.errors.wrap("participants", self.came))
        left.addWidget(QLabel(self.tr("Walk-ins from the registry")))
        left.addWidget(self.walk_ins, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Volunteers who served")))
        right.addWidget(self.errors.wrap("volunteers", self.volunteers), 1)
        form = form_layout()
        form.addRow(self.tr("People not on file"), self.errors.wrap("extra_count", self.extra))
        form.addRow(self.tr("Summary"), self.errors.wrap("summary", self.summary))
        right.addLayout(form)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.layout_.addLayout(columns)
        self.finish(self.tr("The volunteers' hours are entered at the activity's times "
                            "(%1–%2), unless they signed in at the kiosk.")
                    .replace("%1", row.start_time).replace("%2", row.end_time))

    def tick(self, name: str, on: bool = True) -> None:
        """Tick the signed-up person whose line starts with ``name``."""
        for i in range(self.came.count()):
            item = self.came.item(i)
            if item.text().startswith(name):
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def save(self) -> bool:
        self.walk_ins.add_picked()
        activities.record_attendance(self.actor, self.activity_id, activities.AttendanceInput(
            came=checked_data(self.came), walk_ins=list(self.walk_ins.people),
            extra_count=self.extra.value(), volunteers_came=self.volunteers.picked(),
            summary=self.summary.toPlainText()))
        return True
