"""Logging a hotline call (热线来电) as it is answered: the quick form at the top of the
hotline page, and the same form in a dialog (``CallDialog.ask``) for anywhere else.

Built for speed (A_DAY_AT_THE_STATION 15:00, "under half a minute"): the focus starts in the
caller box; Tab goes caller → number → need → what was done; typing 4 or more digits of the
number lists the households whose phone ends with them (``cases.match_caller``; names masked
for the front desk) and a single match is taken at once (click it to let go); Enter in any
box logs the call. Urgency is 一般 unless 紧急 or 不急 is pressed (Ctrl+1/2/3 too). The time
follows the clock until someone edits it. A refused call keeps everything typed and says why
under the form; a logged one clears the form and puts the focus back in the caller box.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import now
from ...core.errors import StationError
from ...core.services import cases
from ...core.services.station import get_station
from ...messages import describe_error
from ..widgets import error_label

MATCH_PAUSE_MS = 150
URGENCIES = ("normal", "urgent", "low")  # the order of the buttons: the usual one first


def hotline_numbers() -> list[str]:
    """The station's published hotline numbers (Station.hotlines, one a line)."""
    station = get_station()
    return [n.strip() for n in (station.hotlines if station else "").splitlines() if n.strip()]


class CallForm(QWidget):
    """The quick entry. ``logged`` carries the HotlineCall just written."""

    logged = Signal(object)

    def __init__(self, actor, lang: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callForm")
        self.actor = actor
        self.lang = lang
        self.household_id: int | None = None
        self.matches: list[cases.CallerMatch] = []
        self._time_edited = False
        self._match_timer = QTimer(self)
        self._match_timer.setSingleShot(True)
        self._match_timer.setInterval(MATCH_PAUSE_MS)
        self._match_timer.timeout.connect(self.find_matches)
        self._clock = QTimer(self)  # keep the shown time current while nobody edits it
        self._clock.setInterval(20_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)

        self.line_box = QComboBox()
        self.line_box.setObjectName("callLine")
        self.line_box.setEditable(True)  # a number not on the list yet can be typed
        self.line_box.setMinimumWidth(130)
        self.line_box.addItems(hotline_numbers())
        self.time_edit = QDateTimeEdit()
        self.time_edit.setObjectName("callTime")
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        self.time_edit.dateTimeChanged.connect(self._time_changed)
        self.caller_edit = self._line("callCaller", self.tr("Caller's name"))
        self.phone_edit = self._line("callPhone", self.tr("Number calling"))
        self.phone_edit.textChanged.connect(lambda _t: self._match_timer.start())
        self.need_edit = self._line("callNeed", self.tr("What the caller needs (one line)"))
        self.action_edit = self._line("callAction", self.tr("What was done (optional)"))

        self.urgency_group = QButtonGroup(self)
        self.urgency_group.setExclusive(True)
        urgency_row = QHBoxLayout()
        urgency_row.setSpacing(4)
        words = {"normal": self.tr("Normal"), "urgent": self.tr("Urgent"), "low": self.tr("Not urgent")}
        self.urgency_buttons: dict[str, QPushButton] = {}
        for number, code in enumerate(URGENCIES, start=1):
            made = QPushButton(words[code])
            made.setObjectName(f"urgency_{code}")
            made.setCheckable(True)
            made.setToolTip(f"Ctrl+{number}")
            made.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab skips them; Ctrl+1/2/3 picks
            self.urgency_group.addButton(made)
            self.urgency_buttons[code] = made
            urgency_row.addWidget(made)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda c=code: self.set_urgency(c))
        self.urgency_buttons["urgent"].setStyleSheet(
            "QPushButton:checked { background-color: #c62828; color: white; }")
        self.save_button = QPushButton(self.tr("Log call"))
        self.save_button.setObjectName("callSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        self.match_label = QLabel()
        self.match_label.setObjectName("callMatchHint")
        self.match_label.setStyleSheet("color: #757575;")
        self.match_row = QHBoxLayout()
        self.match_row.setSpacing(4)
        self.match_row.addWidget(self.match_label)
        self.match_row.addStretch(1)
        self.match_buttons: list[QPushButton] = []

        grid.addWidget(QLabel(self.tr("Line")), 0, 0)
        grid.addWidget(self.line_box, 0, 1)
        grid.addWidget(QLabel(self.tr("Time")), 0, 2)
        grid.addWidget(self.time_edit, 0, 3)
        grid.addWidget(QLabel(self.tr("Caller")), 0, 4)
        grid.addWidget(self.caller_edit, 0, 5)
        grid.addWidget(QLabel(self.tr("Number")), 0, 6)
        grid.addWidget(self.phone_edit, 0, 7)
        grid.addLayout(self.match_row, 1, 5, 1, 3)
        grid.addWidget(QLabel(self.tr("Need")), 2, 0)
        grid.addWidget(self.need_edit, 2, 1, 1, 5)
        grid.addWidget(QLabel(self.tr("Urgency")), 2, 6)
        grid.addLayout(urgency_row, 2, 7)
        grid.addWidget(QLabel(self.tr("Done")), 3, 0)
        grid.addWidget(self.action_edit, 3, 1, 1, 5)
        grid.addWidget(self.save_button, 3, 7)
        grid.setColumnStretch(5, 2)
        grid.setColumnStretch(7, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        self.error = error_label()
        self.error.setObjectName("callError")
        layout.addWidget(self.error)
        self.setTabOrder(self.caller_edit, self.phone_edit)
        self.setTabOrder(self.phone_edit, self.need_edit)
        self.setTabOrder(self.need_edit, self.action_edit)
        self.setTabOrder(self.action_edit, self.save_button)
        self.clear()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.returnPressed.connect(self.save)
        return edit

    # --- time ---------------------------------------------------------------------------

    def _show_time(self, moment: _dt.datetime) -> None:
        self.time_edit.blockSignals(True)
        self.time_edit.setDateTime(QDateTime(moment.year, moment.month, moment.day,
                                             moment.hour, moment.minute, 0))
        self.time_edit.blockSignals(False)

    def _time_changed(self, _value) -> None:
        self._time_edited = True

    def _tick(self) -> None:
        if not self._time_edited:
            self._show_time(now())

    def called_at(self) -> _dt.datetime:
        """Now, unless someone set the time (a call logged after it was answered)."""
        if not self._time_edited:
            return now()
        value = self.time_edit.dateTime().toPython()
        return value.replace(second=0, microsecond=0).astimezone()

    # --- urgency and household -----------------------------------------------------------

    def set_urgency(self, code: str) -> None:
        self.urgency_buttons[code].setChecked(True)

    def urgency(self) -> str:
        return next((c for c, b in self.urgency_buttons.items() if b.isChecked()), "normal")

    def find_matches(self) -> None:
        self._match_timer.stop()
        digits = "".join(ch for ch in self.phone_edit.text() if ch.isdigit())
        try:
            self.matches = cases.match_caller(self.actor, digits) if len(digits) >= 4 else []
        except StationError as error:
            self.matches = []
            self.show_error(error)
        for made in self.match_buttons:
            self.match_row.removeWidget(made)
            made.deleteLater()
        self.match_buttons = []
        chosen = self.household_id if any(m.household_id == self.household_id
                                          for m in self.matches) else None
        if chosen is None and len(self.matches) == 1:
            chosen = self.matches[0].household_id  # the only one: take it, a click lets go
        self.household_id = chosen
        for position, match in enumerate(self.matches):
            made = QPushButton(f"{match.name} · {match.village}")
            made.setObjectName(f"callMatch_{match.household_id}")
            made.setCheckable(True)
            made.setChecked(match.household_id == chosen)
            made.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            made.clicked.connect(lambda checked, hid=match.household_id: self.choose(hid, checked))
            self.match_row.insertWidget(1 + position, made)
            self.match_buttons.append(made)
        self._say_match()

    def choose(self, household_id: int | None, checked: bool = True) -> None:
        self.household_id = household_id if checked else None
        for made, match in zip(self.match_buttons, self.matches, strict=True):
            made.setChecked(match.household_id == self.household_id)
        self._say_match()

    def _say_match(self) -> None:
        digits = sum(ch.isdigit() for ch in self.phone_edit.text())
        if digits < 4:
            self.match_label.setText(self.tr("4 or more digits of the number find the household"))
        elif not self.matches:
            self.match_label.setText(self.tr("No household with this number"))
        elif self.household_id is None:
            self.match_label.setText(self.tr("Household:"))
        else:
            self.match_label.setText(self.tr("Household ✓"))

    # --- saving ------------------------------------------------------------------------

    def data(self) -> cases.CallInput:
        if self._match_timer.isActive():  # Enter typed faster than the pause
            self.find_matches()
        return cases.CallInput(
            content=self.need_edit.text(), line=self.line_box.currentText().strip(),
            called_at=self.called_at(), caller=self.caller_edit.text().strip(),
            caller_phone=self.number(), household_id=self.household_id,
            urgency=self.urgency(), action=self.action_edit.text().strip())

    def number(self) -> str:
        """The number to log. Only a tail typed to find a household that was then chosen:
        none (the household, with its numbers, is on file); anything else goes to the
        service as typed, which refuses a number that isn't one."""
        typed = self.phone_edit.text().strip()
        digits = sum(ch.isdigit() for ch in typed)
        if self.household_id is not None and digits < 7 and typed.isdigit():
            return ""
        return typed

    def save(self):
        """Log the call; returns it, or None when the service refused (the reason is shown)."""
        try:
            call = cases.log_call(self.actor, self.data())
        except StationError as error:
            self.show_error(error)
            return None
        except Exception as error:  # the database went away, say: keep what was typed
            from ..ops import error_text

            self.error.setText(error_text(error, self.lang))
            self.error.show()
            return None
        self.clear()
        self.logged.emit(call)
        return call

    def show_error(self, error: StationError) -> None:
        self.error.setText(describe_error(error, self.lang))
        self.error.show()
        target = {"content": self.need_edit, "caller": self.caller_edit,
                  "caller_phone": self.phone_edit, "called_at": self.time_edit,
                  "line": self.line_box, "household": self.phone_edit,
                  }.get(str(error.params.get("field", "")))
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Ready for the next call: empty boxes, 一般, the time following the clock again;
        the line stays (the same phone rings again)."""
        for edit in (self.caller_edit, self.phone_edit, self.need_edit, self.action_edit):
            edit.clear()
        self._match_timer.stop()
        self.household_id = None
        self.find_matches()
        self.set_urgency("normal")
        self._time_edited = False
        self._show_time(now())
        self.error.hide()
        self.error.clear()
        self.caller_edit.setFocus(Qt.FocusReason.OtherFocusReason)


class CallDialog(QDialog):
    """The quick form in a window, for logging a call from elsewhere in the program."""

    def __init__(self, parent: QWidget | None, actor, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callDialog")
        self.setWindowTitle(self.tr("Log a hotline call"))
        self.setMinimumWidth(900)
        self.result_value = None
        layout = QVBoxLayout(self)
        self.form = CallForm(actor, lang, self)
        layout.addWidget(self.form)
        self.form.logged.connect(self._logged)
        cancel = QPushButton(self.tr("Close"))
        cancel.setObjectName("callClose")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)

    def _logged(self, call) -> None:
        self.result_value = call
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, actor, lang: str | None = None):
        """Log one call; returns the HotlineCall, or None when closed without one."""
        dialog = cls(parent, actor, lang)
        dialog.form.caller_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
