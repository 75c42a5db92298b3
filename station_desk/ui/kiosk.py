"""The front-desk sign-in kiosk: a full-screen window with a big keypad.

A volunteer types the last four digits of their mobile (several matches: they pick their
masked name) or scans the QR code on their volunteer card (a USB scanner "types" the card's
code and Enter). The kiosk shows 签到成功 / 签退成功 with the time and today's shift, and
nothing else about anybody. Leaving it takes a staff account's password.

Punching is a few milliseconds of SQLite work, so it runs on the GUI thread (a worker thread
would only add latency between Enter and the confirmation).
"""

from __future__ import annotations

import datetime as _dt
import logging
import unicodedata
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import StationError
from ..core.roles import STAFF_ROLES, Actor
from ..core.services import accounts, attendance
from ..core.services.station import get_station
from ..messages import describe_error

log = logging.getLogger(__name__)

TAIL_LENGTH = 4
MAX_TYPED = 64  # a card code is 22 characters; anything longer is a stuck key, not a card
CONFIRM_MS = 5_000  # the confirmation returns to the keypad after this long
MESSAGE_MS = 8_000  # a "not found" line stays this long (or until the next key)
PICK_MS = 30_000  # an abandoned pick screen returns to the keypad
UNLOCK_MS = 60_000  # a half-typed staff password does not stay on the screen
CLOSE_FORGOTTEN_MS = 10 * 60 * 1000

KEYPAD, PICK, CONFIRM, UNLOCK = range(4)
FAILED = object()  # what _call returns when the service refused (the reason is on screen)

# qt-material's `* { font-size }` beats setFont(): the kiosk's sizes live in its own sheet,
# which Qt prefers to the application's for the kiosk and everything inside it.
KIOSK_QSS = """
QWidget#kiosk { background: #fafafa; }
QLabel#kioskStation { font-size: 30px; font-weight: bold; color: #00695c; }
QLabel#kioskClock { font-size: 30px; color: #424242; }
QLabel#kioskPrompt { font-size: 28px; color: #424242; }
QLabel#kioskDisplay { font-size: 64px; font-weight: bold; color: #212121; letter-spacing: 8px;
    background: #ffffff; border: 2px solid #80cbc4; border-radius: 8px; padding: 4px 24px; }
QLabel#kioskMessage { font-size: 26px; color: #e65100; }
QPushButton#kioskKey { font-size: 44px; height: 92px; min-width: 150px; }
QPushButton#kioskDelete, QPushButton#kioskEnter { font-size: 32px; height: 92px; min-width: 150px; }
QPushButton#kioskEnter { background: #009688; color: #ffffff; }
QPushButton#kioskPick { font-size: 36px; height: 110px; min-width: 320px; }
QPushButton#kioskBack, QPushButton#kioskUnlock { font-size: 26px; height: 64px; min-width: 200px; }
QLabel#kioskPickTitle, QLabel#kioskUnlockTitle { font-size: 36px; font-weight: bold; color: #212121; }
QLabel#kioskOutcome { font-size: 110px; font-weight: bold; color: #2e7d32; }
QLabel#kioskOutcome[outcome="signed_out"] { color: #1565c0; }
QLabel#kioskOutcome[outcome="ignored"] { color: #ef6c00; }
QLabel#kioskTime { font-size: 56px; color: #212121; }
QLabel#kioskName { font-size: 48px; font-weight: bold; color: #212121; }
QLabel#kioskShift, QLabel#kioskHours { font-size: 34px; color: #424242; }
QLabel#kioskNote { font-size: 26px; color: #e65100; }
QLabel#kioskHint { font-size: 20px; color: #757575; }
QLabel#kioskFieldLabel { font-size: 24px; }
QLineEdit#kioskUser, QLineEdit#kioskPassword { font-size: 26px; height: 48px; min-width: 420px; }
QLabel#kioskUnlockError { font-size: 22px; color: #c62828; }
"""


def is_tail(text: str) -> bool:
    return len(text) == TAIL_LENGTH and text.isascii() and text.isdigit()


def hours_text(hours: float) -> str:
    """2.25 → "2.3", 3.0 → "3": hours as a volunteer reads them."""
    return format(round(hours, 1), "g")


def _big_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    # The window keeps the keyboard: a scanner's code must never land in a button.
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


def _centred(*items: QWidget | QLayout) -> QHBoxLayout:
    """A row holding ``items`` in the middle."""
    row = QHBoxLayout()
    row.addStretch(1)
    for item in items:
        if isinstance(item, QWidget):
            row.addWidget(item)
        else:
            row.addLayout(item)
    row.addStretch(1)
    return row


def _label(name: str, text: str = "", *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    return label


class KioskWindow(QWidget):
    """The kiosk. ``now`` (a callable giving an aware datetime) stands in for the clock in
    tests; by default the services read the clock themselves."""

    closed = Signal()

    def __init__(self, actor: Actor, lang: str, *,
                 now: Callable[[], _dt.datetime] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.lang = lang
        self.now = now
        self.typed = ""
        self.unlocked = False
        self.matches: list[attendance.KioskMatch] = []
        # The last confirmation shown per volunteer: a repeat within the window shows it again.
        self._shown: dict[int, attendance.PunchResult] = {}
        self.setObjectName("kiosk")
        self.setStyleSheet(KIOSK_QSS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        station = get_station()
        self.setWindowTitle(self.tr("Volunteer sign-in"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.station_label = QLabel(station.name if station else "")
        self.station_label.setObjectName("kioskStation")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("kioskClock")
        top.addWidget(self.station_label)
        top.addStretch(1)
        top.addWidget(self.clock_label)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_keypad())
        self.stack.addWidget(self._build_pick())
        self.stack.addWidget(self._build_confirm())
        self.stack.addWidget(self._build_unlock())

        self.clock_timer = self._timer(1000, self._tick, single=False)
        self.back_timer = self._timer(CONFIRM_MS, self.show_keypad)
        self.message_timer = self._timer(MESSAGE_MS, lambda: self.message.clear())
        self.pick_timer = self._timer(PICK_MS, self.show_keypad)
        self.unlock_timer = self._timer(UNLOCK_MS, self.show_keypad)
        self.forgotten_timer = self._timer(CLOSE_FORGOTTEN_MS, self.close_forgotten, single=False)
        self._tick()
        self.clock_timer.start()
        self.close_forgotten()
        self.forgotten_timer.start()
        self.show_keypad()

    def _timer(self, ms: int, slot: Callable[[], object], *, single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(ms)
        timer.setSingleShot(single)
        timer.timeout.connect(slot)
        return timer

    # --- building ---------------------------------------------------------------------------

    def _build_keypad(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(14)
        self.prompt = _label("kioskPrompt", self.tr(
            "Type the last four digits of your mobile, or scan your volunteer card"), wrap=True)
        self.display = _label("kioskDisplay")
        self.display.setMinimumWidth(420)
        self.message = _label("kioskMessage", wrap=True)
        self.message.setMinimumHeight(40)
        column.addWidget(self.prompt)
        column.addLayout(_centred(self.display))
        column.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.keys: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            self.keys[digit] = _big_button(digit, "kioskKey")
            grid.addWidget(self.keys[digit], index // 3, index % 3)
        self.keys["0"] = _big_button("0", "kioskKey")
        self.delete_button = _big_button(self.tr("Delete"), "kioskDelete")
        self.enter_button = _big_button(self.tr("OK"), "kioskEnter")
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self.keys["0"], 3, 1)
        grid.addWidget(self.enter_button, 3, 2)
        for digit, button in self.keys.items():
            button.clicked.connect(lambda _=False, d=digit: self.type_text(d))
        self.delete_button.clicked.connect(self.delete_last)
        self.enter_button.clicked.connect(self.submit)
        column.addLayout(_centred(grid))
        column.addStretch(1)
        return page

    def _build_pick(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(16)
        column.addWidget(_label("kioskPickTitle", self.tr("Which one is you?")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        holder = QWidget()
        inside = QVBoxLayout(holder)
        self.pick_grid = QGridLayout()
        self.pick_grid.setSpacing(16)
        inside.addLayout(self.pick_grid)
        inside.addStretch(1)  # the names sit at the top, however few
        scroll.setWidget(holder)
        column.addWidget(scroll, 1)
        self.pick_buttons: list[QPushButton] = []
        back = _big_button(self.tr("Back"), "kioskBack")
        back.clicked.connect(self.show_keypad)
        column.addLayout(_centred(back))
        return page

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(10)
        self.outcome_label = _label("kioskOutcome")
        self.time_label = _label("kioskTime")
        self.name_label = _label("kioskName")
        self.shift_label = _label("kioskShift", wrap=True)
        self.hours_label = _label("kioskHours")
        self.note_label = _label("kioskNote", wrap=True)
        hint = _label("kioskHint", self.tr("Touch the screen or press any key to go back"))
        column.addStretch(1)
        for widget in (self.outcome_label, self.time_label, self.name_label, self.shift_label,
                       self.hours_label, self.note_label):
            column.addWidget(widget)
        column.addStretch(1)
        column.addWidget(hint)
        return page

    def _build_unlock(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(14)
        column.addStretch(1)
        column.addWidget(_label("kioskUnlockTitle", self.tr("Staff: close the sign-in kiosk")))
        form = QGridLayout()
        form.setSpacing(12)
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("kioskUser")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("kioskPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for row, (text, edit) in enumerate(((self.tr("User name"), self.user_edit),
                                            (self.tr("Password"), self.password_edit))):
            caption = QLabel(text)
            caption.setObjectName("kioskFieldLabel")
            form.addWidget(caption, row, 0)
            form.addWidget(edit, row, 1)
            edit.textEdited.connect(lambda _: self.unlock_timer.start())
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.try_unlock)
        column.addLayout(_centred(form))
        self.unlock_error = _label("kioskUnlockError", wrap=True)
        column.addWidget(self.unlock_error)
        self.unlock_button = _big_button(self.tr("Close the kiosk"), "kioskUnlock")
        self.unlock_button.clicked.connect(self.try_unlock)
        cancel = _big_button(self.tr("Back"), "kioskBack")
        cancel.clicked.connect(self.show_keypad)
        column.addLayout(_centred(self.unlock_button, cancel))
        column.addStretch(2)
        return page

    # --- screens ----------------------------------------------------------------------------

    def page(self) -> int:
        return self.stack.currentIndex()

    def _leave_timed_screens(self) -> None:
        for timer in (self.back_timer, self.pick_timer, self.unlock_timer):
            timer.stop()

    def show_keypad(self) -> None:
        self._leave_timed_screens()
        self.typed = ""
        self._show_typed()
        self.user_edit.clear()  # the next person at the desk sees no staff name
        self.password_edit.clear()
        self.stack.setCurrentIndex(KEYPAD)
        self.setFocus()

    def say(self, text: str) -> None:
        """A line under the display (not found, a refusal); it clears itself."""
        self.message.setText(text)
        self.message_timer.start()

    def _show_typed(self) -> None:
        if len(self.typed) > TAIL_LENGTH or not self.typed.isdigit() and self.typed:
            # A card being scanned: its code is not shown.
            self.display.setText("●" * min(len(self.typed), 12))
        else:
            self.display.setText(" ".join(self.typed.ljust(TAIL_LENGTH, "_")))

    def show_pick(self, matches: Sequence[attendance.KioskMatch]) -> None:
        for button in self.pick_buttons:
            self.pick_grid.removeWidget(button)
            button.deleteLater()
        self.pick_buttons = []
        self.matches = list(matches)
        columns = 2 if len(matches) <= 4 else 3
        for index, match in enumerate(matches):
            text = f"{match.masked_name}\n{match.team_name}" if match.team_name else match.masked_name
            button = _big_button(text, "kioskPick")
            button.clicked.connect(lambda _=False, vid=match.volunteer_id: self.punch(vid))
            self.pick_grid.addWidget(button, index // columns, index % columns)
            self.pick_buttons.append(button)
        self._leave_timed_screens()
        self.stack.setCurrentIndex(PICK)
        self.pick_timer.start()
        self.setFocus()

    def show_confirmation(self, result: attendance.PunchResult, *, repeated: bool = False) -> None:
        titles = {"signed_in": self.tr("Signed in"), "signed_out": self.tr("Signed out"),
                  "ignored": self.tr("Already recorded")}
        self.outcome_label.setText(titles[result.outcome])
        self.outcome_label.setProperty("outcome", result.outcome)
        self.outcome_label.setStyleSheet("")  # re-read the sheet for the new property
        self.time_label.setText(result.at.strftime("%H:%M"))
        self.name_label.setText(result.name)
        if result.shift is not None:
            shift = f"{result.shift.name} {result.shift.start_time}–{result.shift.end_time}"
            if result.shift.place:
                shift += f" · {result.shift.place}"
        elif result.walk_in:
            shift = self.tr("Walk-in (not on the roster)")
        else:
            shift = ""
        self.shift_label.setText(shift)
        self.shift_label.setVisible(bool(shift))
        if result.outcome == "signed_out" and result.hours is not None:
            self.hours_label.setText(self.tr("Service time: %1 hours")
                                     .replace("%1", hours_text(result.hours)))
            self.hours_label.show()
        else:
            self.hours_label.hide()
        notes = []
        if repeated:
            notes.append(self.tr("You were recorded a moment ago; there is no need to do it again."))
        if result.closed_previous:
            notes.append(self.tr("Your last visit was not signed out: it was closed automatically "
                                 "and the front desk will check it."))
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))
        self._tick()  # the clock above agrees with the time on the confirmation
        self._leave_timed_screens()
        self.stack.setCurrentIndex(CONFIRM)
        self.back_timer.start()
        self.setFocus()

    def show_unlock(self) -> None:
        self._leave_timed_screens()
        self.unlock_error.clear()
        self.password_edit.clear()
        self.stack.setCurrentIndex(UNLOCK)
        self.unlock_timer.start()
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    # --- input ------------------------------------------------------------------------------

    def type_text(self, text: str) -> None:
        if self.page() != KEYPAD:
            self.show_keypad()
        self.message.clear()
        self.typed = (self.typed + text)[:MAX_TYPED]
        self._show_typed()

    def delete_last(self) -> None:
        self.message.clear()
        self.typed = self.typed[:-1]
        self._show_typed()

    def submit(self) -> None:
        """Enter: four digits look up a phone tail; anything else is a card's code."""
        typed = unicodedata.normalize("NFKC", self.typed).strip()
        self.typed = ""
        self._show_typed()
        if not typed:
            return
        if typed.isdigit() and len(typed) < TAIL_LENGTH:
            self.say(self.tr("Please type all four last digits of your mobile."))
            return
        if is_tail(typed):
            matches = self._call(attendance.kiosk_matches, self.actor, typed)
            if matches is FAILED:
                return
            if not matches:
                self.say(self.tr("Not found. Please ask at the front desk."))
            elif len(matches) == 1:
                self.punch(matches[0].volunteer_id)
            else:
                self.show_pick(matches)
            return
        found = self._call(attendance.volunteer_for_card, self.actor, typed)
        if found is FAILED:
            return
        if found is None:  # unknown or revoked: the same words either way
            self.say(self.tr("This card is not valid. Please ask at the front desk."))
            return
        self.punch(found)

    def punch(self, volunteer_id: int) -> None:
        at = self.now() if self.now is not None else None
        result = self._call(attendance.punch, self.actor, volunteer_id, source="kiosk", at=at)
        if result is FAILED:
            self.show_keypad_with_message()
            return
        if result.outcome == "ignored":
            self.show_confirmation(self._shown.get(volunteer_id, result), repeated=True)
            return
        self._shown[volunteer_id] = result
        self.show_confirmation(result)

    def show_keypad_with_message(self) -> None:
        text = self.message.text()
        self.show_keypad()
        self.say(text)

    def _call(self, fn: Callable, *args, **kwargs):
        """A service call; a refusal becomes the line under the display (FAILED returned).

        Nothing else is caught here on purpose except unexpected errors, which are logged
        rather than shown: a volunteer at the kiosk can do nothing with a traceback."""
        try:
            return fn(*args, **kwargs)
        except StationError as error:
            self.say(describe_error(error, self.lang))
        except Exception:
            log.exception("kiosk: %s failed", getattr(fn, "__name__", fn))
            self.say(self.tr("Something went wrong. Please sign in at the front desk."))
        return FAILED

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        page = self.page()
        if key == Qt.Key.Key_Escape:
            if page == UNLOCK:
                self.show_keypad()
            else:
                self.show_unlock()
            return
        if page == UNLOCK:  # typing goes to the fields; Enter there is handled by them
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if page == KEYPAD:
                self.submit()
            else:
                self.show_keypad()
            return
        if key == Qt.Key.Key_Backspace:
            if page == KEYPAD:
                self.delete_last()
            else:
                self.show_keypad()
            return
        text = event.text()
        if text and text.isprintable() and not text.isspace():
            self.type_text(text)  # from the confirmation or pick screen too: a scan starts
            return
        if page == CONFIRM:
            self.show_keypad()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.page() == CONFIRM:  # a tap anywhere goes back
            self.show_keypad()
            return
        super().mousePressEvent(event)

    # --- time -------------------------------------------------------------------------------

    def _moment(self) -> _dt.datetime:
        return self.now() if self.now is not None else _dt.datetime.now().astimezone()

    def _tick(self) -> None:
        from PySide6.QtCore import QDateTime

        moment = self._moment()
        locale = QLocale(QLocale.Language.Chinese if self.lang == "zh" else QLocale.Language.English)
        shown = QDateTime(moment.date(), moment.time().replace(microsecond=0))
        self.clock_label.setText(locale.toString(shown, self.tr("dddd, d MMMM  HH:mm")))

    def close_forgotten(self) -> None:
        """Close forgotten sign-ins (at start and every ten minutes); errors are logged only."""
        at = self.now() if self.now is not None else None
        try:
            closed = attendance.close_forgotten(self.actor, at)
        except Exception:  # the kiosk keeps signing people in; the office sees the log
            log.exception("kiosk: closing forgotten sign-ins failed")
            return
        if closed:
            log.info("kiosk: closed %d forgotten sign-ins", closed)

    # --- leaving ----------------------------------------------------------------------------

    def try_unlock(self) -> None:
        """A head, social worker or front-desk account's password closes the kiosk."""
        try:
            staff = accounts.authenticate(self.user_edit.text(), self.password_edit.text())
        except StationError as error:
            self._refuse_unlock(describe_error(error, self.lang))
            return
        if staff.role not in STAFF_ROLES:
            self._refuse_unlock(self.tr("Only a head, social worker or front-desk account "
                                        "can close the kiosk."))
            return
        log.info("kiosk closed by %s", staff.username)
        self.unlocked = True
        self.close()

    def _refuse_unlock(self, text: str) -> None:
        self.unlock_error.setText(text)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.unlock_timer.start()

    def closeEvent(self, event) -> None:  # noqa: N802
        """Alt+F4 and the like: refused until a staff password was given."""
        if not self.unlocked:
            event.ignore()
            self.show_unlock()
            return
        for timer in (self.clock_timer, self.back_timer, self.message_timer, self.pick_timer,
                      self.unlock_timer, self.forgotten_timer):
            timer.stop()
        event.accept()
        self.closed.emit()


def open_kiosk(actor: Actor, lang: str, *, full_screen: bool = True) -> KioskWindow:
    """Build and show the kiosk (full screen unless told otherwise); it deletes itself when closed."""
    window = KioskWindow(actor, lang)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.activateWindow()
    window.setFocus()
    return window


def main(argv: Sequence[str] | None = None) -> int:
    """``station-desk kiosk``: sign in (the kiosk account or staff), then the kiosk, full screen."""
    from ..core import db
    from ..core.store import open_store
    from .app import create_application, parse_args
    from .i18n import choose_language

    args = parse_args(argv)
    lang = choose_language(args.lang)
    app = create_application(lang)
    try:
        location = db.resolve(args.db)
        open_store(location, create=False)
        if not accounts.has_accounts():
            from ..core.errors import ValidationError

            raise ValidationError("kiosk_no_station")
    except StationError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, app.applicationDisplayName(), describe_error(error, lang))
        db.close()
        return 2
    from .dialogs.sign_in import SignInDialog

    record = get_station()
    signed_in = SignInDialog.ask(None, record.name if record else "", lang, kiosk=True)
    if signed_in is None:
        db.close()
        return 0
    actor, lang = signed_in
    open_kiosk(actor, lang)
    try:
        return app.exec()
    finally:
        db.close()
