"""考勤的更正、作废与纸质签到表录入.

- ``CorrectionDialog``: restate a visit's sign-in and sign-out times with a reason (required).
  For a 补登 row (closed by the program, or typed in from paper) it is how staff confirm it:
  the times open as recorded — for an automatic close, the sign-out opens at the shift's end,
  the hours credited so far — and OK with a reason confirms them.
- ``VoidDialog``: withdraw a visit recorded by mistake, with a reason.
- ``PaperEntryDialog``: a visit typed in from the paper sign-in sheet: the volunteer (search by
  name, pinyin initials or phone tail), the day, the shift (the one the volunteer was put on
  that day is chosen for them; none: a walk-in), and the sign-in and sign-out times.

Each saves through ``core.services.attendance``; a refusal shows under its field and the
dialog keeps what was typed.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QTimeEdit, QWidget

from ...core.errors import ValidationError
from ...core.roles import Actor
from ...core.services import attendance, roster, volunteers
from .form_parts import SavingDialog, date_edit, date_of, form_layout

SEARCH_PAUSE_MS = 150


def time_edit(name: str, value: _dt.time | None = None) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    if value is not None:
        edit.setTime(QTime(value.hour, value.minute))
    return edit


def time_of(edit: QTimeEdit) -> _dt.time:
    value = edit.time()
    return _dt.time(value.hour(), value.minute())


def _local(day: _dt.date, moment: _dt.time, tz: _dt.tzinfo | None) -> _dt.datetime:
    combined = _dt.datetime.combine(day, moment)
    return combined.replace(tzinfo=tz) if tz is not None else combined.astimezone()


def _hhmm(text: str) -> _dt.time:
    hour, minute = (int(part) for part in text.split(":"))
    return _dt.time(23, 59) if hour >= 24 else _dt.time(hour, minute)


def reason_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName("reason")
    edit.setPlaceholderText(placeholder)
    return edit


def _required_reason(edit: QLineEdit) -> str:
    """The dialog refuses an empty reason before it asks the service."""
    text = " ".join(edit.text().split())
    if not text:
        raise ValidationError("required", field="reason")
    return text


def describe_visit(visit: attendance.VisitRow) -> str:
    shift = (f"{visit.shift.name} {visit.shift.start_time}–{visit.shift.end_time}"
             if visit.shift else "")
    return " · ".join(p for p in (visit.volunteer_name, visit.sign_in_at.strftime("%Y-%m-%d"), shift) if p)


class CorrectionDialog(SavingDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, visit: attendance.VisitRow,
                 lang: str = "zh") -> None:
        self.confirming = visit.status == "pending"
        title = self.tr("Confirm a sign-out") if self.confirming else self.tr("Correct attendance")
        super().__init__(parent, lang, "correctionForm", title, describe_visit(visit))
        self.actor = actor
        self.visit = visit
        self.setMinimumWidth(460)
        tz = visit.sign_in_at.tzinfo
        end = visit.sign_out_at
        if visit.shift is not None and (end is None or (visit.automatic and not visit.confirmed)):
            shift_end = _local(visit.sign_in_at.date(), _hhmm(visit.shift.end_time), tz)
            end = max(min(end or shift_end, shift_end), visit.sign_in_at)
        self.day = date_edit("correctionDay", visit.sign_in_at.date())
        self.sign_in = time_edit("signInTime", visit.sign_in_at.time())
        self.sign_out = time_edit("signOutTime", (end or visit.sign_in_at).time())
        self.reason = reason_edit(self.tr("e.g. forgot to sign out, left at 11:30 (asked on the phone)"))
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Day"), wrap("day", self.day))
        form.addRow(self.tr("Sign-in"), wrap("sign_in_at", self.sign_in))
        form.addRow(self.tr("Sign-out"), wrap("sign_out_at", self.sign_out))
        form.addRow(self.tr("Reason"), wrap("reason", self.reason))
        self.layout_.addLayout(form)
        self.finish(self.tr("The program closed this visit because nobody signed out; it counts "
                            "hours only up to the shift's end until you confirm the real time.")
                    if self.visit.automatic and not self.visit.confirmed else
                    self.tr("Nothing is overwritten: the correction is kept with its reason."))
        self.reason.setFocus()

    def save(self):
        reason = _required_reason(self.reason)
        tz = self.visit.sign_in_at.tzinfo
        day = date_of(self.day)
        return attendance.correct(self.actor, self.visit.sign_in_id, reason=reason,
                                  sign_in_at=_local(day, time_of(self.sign_in), tz),
                                  sign_out_at=_local(day, time_of(self.sign_out), tz))


class VoidDialog(SavingDialog):
    def __init__(self, parent: QWidget | None, actor: Actor, visit: attendance.VisitRow,
                 lang: str = "zh") -> None:
        super().__init__(parent, lang, "voidForm", self.tr("Void attendance"), describe_visit(visit))
        self.actor = actor
        self.visit = visit
        self.setMinimumWidth(420)
        self.reason = reason_edit(self.tr("e.g. signed in by mistake"))
        form = form_layout()
        form.addRow(self.tr("Reason"), self.errors.wrap("reason", self.reason))
        self.layout_.addLayout(form)
        self.finish(self.tr("A void visit stays on file, marked void; it counts no hours."))

    def save(self):
        return attendance.void(self.actor, self.visit.sign_in_id, reason=_required_reason(self.reason))


class PaperEntryDialog(SavingDialog):
    """One line of the paper sign-in sheet, typed in afterwards (status 补登)."""

    def __init__(self, parent: QWidget | None, actor: Actor, lang: str = "zh",
                 day: _dt.date | None = None) -> None:
        super().__init__(parent, lang, "paperEntryForm", self.tr("Type in the paper sign-in sheet"))
        self.actor = actor
        self.setMinimumWidth(480)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.find)
        self.search = QLineEdit()
        self.search.setObjectName("paperSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin initials or phone tail"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.volunteer = QComboBox()
        self.volunteer.setObjectName("paperVolunteer")
        self.day = date_edit("paperDay", day)
        self.shift = QComboBox()
        self.shift.setObjectName("paperShift")
        self._cells: dict[int, roster.Cell] = {}
        self._picked = False
        self.sign_in = time_edit("paperSignIn", _dt.time(8, 0))
        self.sign_out = time_edit("paperSignOut", _dt.time(12, 0))
        self.reason = reason_edit(self.tr("Paper sign-in sheet"))
        wrap = self.errors.wrap
        form = form_layout()
        form.addRow(self.tr("Find"), self.search)
        form.addRow(self.tr("Volunteer"), wrap("volunteer", self.volunteer))
        form.addRow(self.tr("Day"), wrap("day", self.day))
        form.addRow(self.tr("Shift"), wrap("shift", self.shift))
        form.addRow(self.tr("Sign-in"), wrap("sign_in_at", self.sign_in))
        form.addRow(self.tr("Sign-out"), wrap("sign_out_at", self.sign_out))
        form.addRow(self.tr("Note"), wrap("reason", self.reason))
        self.layout_.addLayout(form)
        self.finish(self.tr("Typed-in visits are marked 补登 until confirmed after checking the "
                            "sheet; with no shift they count as walk-ins."))
        self.day.dateChanged.connect(lambda _d: self.load_shifts())
        self.volunteer.currentIndexChanged.connect(lambda _i: self.load_shifts())
        self.shift.activated.connect(lambda _i: self._shift_picked())
        self.find()
        self.load_shifts()
        self.search.setFocus()

    def find(self) -> None:
        self._timer.stop()
        rows = volunteers.list_volunteers(
            self.actor, volunteers.VolunteerQuery(text=self.search.text(), status=None))[:200]
        current = self.volunteer.currentData()
        self.volunteer.clear()
        for row in rows:
            shown = " · ".join(p for p in (row.name, row.team_name, row.phone) if p)
            self.volunteer.addItem(shown, row.id)
        index = self.volunteer.findData(current)
        self.volunteer.setCurrentIndex(index if index >= 0 else 0)

    def load_shifts(self) -> None:
        """The day's shifts; the one the volunteer was put on is chosen (unless staff chose
        one by hand), and a newly chosen shift brings its times to start from."""
        day = date_of(self.day)
        view = roster.week(self.actor, day)
        self._cells = {row.cells[day.weekday()].shift_id: row.cells[day.weekday()]
                       for row in view.rows if row.cells[day.weekday()] is not None}
        volunteer_id = self.volunteer.currentData()
        before = self.shift.currentData()
        mine = next((c.shift_id for c in self._cells.values()
                     if any(p.volunteer_id == volunteer_id for p in c.people)), None)
        wanted = before if self._picked and before in self._cells else mine
        self.shift.blockSignals(True)
        self.shift.clear()
        self.shift.addItem(self.tr("No shift (walk-in)"), None)
        for cell in self._cells.values():
            self.shift.addItem(f"{cell.name} {cell.start_time}–{cell.end_time}", cell.shift_id)
        self.shift.setCurrentIndex(max(self.shift.findData(wanted), 0))
        self.shift.blockSignals(False)
        if self.shift.currentData() != before:
            self._times_of_shift()

    def _shift_picked(self) -> None:
        """Staff chose a shift by hand: keep it when the volunteer changes."""
        self._picked = self.shift.currentData() is not None
        self._times_of_shift()

    def _times_of_shift(self) -> None:
        cell = self._cells.get(self.shift.currentData())
        if cell is not None:
            self.sign_in.setTime(QTime(*map(int, cell.start_time.split(":"))))
            end = _hhmm(cell.end_time)
            self.sign_out.setTime(QTime(end.hour, end.minute))

    def save(self):
        volunteer_id = self.volunteer.currentData()
        if volunteer_id is None:
            raise ValidationError("required", field="volunteer")
        day = date_of(self.day)
        reason = " ".join(self.reason.text().split()) or self.tr("Paper sign-in sheet")
        return attendance.record_paper(
            self.actor, volunteer_id, sign_in_at=_local(day, time_of(self.sign_in), None),
            sign_out_at=_local(day, time_of(self.sign_out), None),
            shift_id=self.shift.currentData(), reason=reason)

