"""The front-desk kiosk as volunteers use it: four digits and Enter, a card scan, picking a
masked name, the repeat window, and leaving only with a staff password."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.clock import stamp
from station_desk.core.models import Assignment, AttendanceEvent, Shift
from station_desk.core.services import attendance
from station_desk.core.services import volunteers as vs
from station_desk.ui import kiosk as kiosk_module
from station_desk.ui.kiosk import CONFIRM, KEYPAD, PICK, UNLOCK, KioskWindow

TODAY = dt.date.today()


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


class Clock:
    """The time the kiosk passes to the services; tests move it."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture(autouse=True)
def chinese(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "zh")
    yield
    i18n.install_translators(qapp, "en")


@pytest.fixture
def people(staff_actors):
    """陈秀英 (mobile …5678, on today's 前台值班 08:00–12:00), 王建国 and 王建军 (both …4321),
    and 李梅 (…2468, paused)."""
    head = staff_actors["head"]
    team = vs.save_team(head, name="石滩志愿服务队")
    team_id = team.id

    def add(name, phone, status="active"):
        return vs.create_volunteer(head, vs.VolunteerInput(name=name, phone=phone, team_id=team_id,
                                                           status=status)).id

    ids = {"chen": add("陈秀英", "13812345678"), "wang1": add("王建国", "13900004321"),
           "wang2": add("王建军", "13700004321"), "li": add("李梅", "13600002468", "paused")}
    shift = Shift.create(name="前台值班", kind="front_desk", place="服务大厅", day=TODAY,
                         start_time="08:00", end_time="12:00", capacity=2, created_at=stamp())
    Assignment.create(shift=shift, volunteer=ids["chen"], status="confirmed", created_at=stamp(),
                      updated_at=stamp())
    return ids


@pytest.fixture
def clock():
    return Clock(local(TODAY, 8, 55))


@pytest.fixture
def kiosk(qtbot, staff_actors, people, clock):
    window = KioskWindow(staff_actors["kiosk"], "zh", now=clock)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    if window.isVisible():  # let the fixture close it: a staff password, as a person would
        window.unlocked = True
        window.close()


def type_in(qtbot, window, text: str) -> None:
    qtbot.keyClicks(window, text)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def events(volunteer_id=None):
    query = AttendanceEvent.select().order_by(AttendanceEvent.id)
    if volunteer_id is not None:
        query = query.where(AttendanceEvent.volunteer == volunteer_id)
    return [e.kind for e in query]


def test_four_digits_and_enter_sign_in_then_out(kiosk, qtbot, people, clock):
    assert kiosk.page() == KEYPAD
    assert kiosk.station_label.text() == ""  # no station row in this database
    qtbot.keyClicks(kiosk, "56")
    assert kiosk.display.text() == "5 6 _ _"
    qtbot.keyClicks(kiosk, "78")
    qtbot.keyClick(kiosk, Qt.Key.Key_Return)
    assert kiosk.page() == CONFIRM
    assert kiosk.outcome_label.text() == "签到成功"
    assert kiosk.time_label.text() == "08:55"
    assert kiosk.name_label.text() == "陈*英"
    assert kiosk.shift_label.text() == "前台值班 08:00–12:00 · 服务大厅"
    assert kiosk.hours_label.isHidden() and kiosk.note_label.isHidden()
    assert kiosk.back_timer.isActive() and kiosk.back_timer.interval() == 5000
    assert events(people["chen"]) == ["sign_in"]

    qtbot.keyClick(kiosk, Qt.Key.Key_Space)  # any key goes back to the keypad
    assert kiosk.page() == KEYPAD and not kiosk.back_timer.isActive()
    clock.advance(hours=3, minutes=10)  # well past the repeat window
    # The on-screen keypad, as on a touch screen.
    for digit in "5678":
        kiosk.keys[digit].click()
    kiosk.enter_button.click()
    assert kiosk.outcome_label.text() == "签退成功"
    assert kiosk.time_label.text() == "12:05"
    assert kiosk.hours_label.text() == "本次服务 3.2 小时"
    assert kiosk.shift_label.text() == "前台值班 08:00–12:00 · 服务大厅"
    assert events(people["chen"]) == ["sign_in", "sign_out"]
    # A tap anywhere returns to the keypad.
    qtbot.mouseClick(kiosk.outcome_label, Qt.MouseButton.LeftButton)
    assert kiosk.page() == KEYPAD


def test_repeat_within_the_window_is_ignored(kiosk, qtbot, people, clock):
    type_in(qtbot, kiosk, "5678")
    assert kiosk.outcome_label.text() == "签到成功"
    clock.advance(minutes=1, seconds=30)  # still inside the 2-minute window
    type_in(qtbot, kiosk, "5678")  # straight from the confirmation screen
    assert kiosk.page() == CONFIRM
    assert kiosk.outcome_label.text() == "签到成功"  # the same confirmation, never a flip
    assert kiosk.time_label.text() == "08:55"
    assert kiosk.note_label.text() == "刚才已经登记过了，不用重复登记。"
    assert events(people["chen"]) == ["sign_in"]
    clock.advance(minutes=1)  # now outside it: a sign-out
    type_in(qtbot, kiosk, "5678")
    assert kiosk.outcome_label.text() == "签退成功"
    assert kiosk.note_label.isHidden()
    assert events(people["chen"]) == ["sign_in", "sign_out"]


def test_repeat_after_a_restart_still_ignored(kiosk, qtbot, people, clock, staff_actors):
    """The kiosk was restarted between the two punches: it has no confirmation to repeat, and
    says the person is already recorded (nothing is written)."""
    attendance.punch(staff_actors["kiosk"], people["chen"], at=clock())
    clock.advance(seconds=40)
    type_in(qtbot, kiosk, "5678")
    assert kiosk.outcome_label.text() == "已登记"
    assert kiosk.note_label.text() == "刚才已经登记过了，不用重复登记。"
    assert events(people["chen"]) == ["sign_in"]


def test_several_matches_pick_a_masked_name(kiosk, qtbot, people):
    type_in(qtbot, kiosk, "4321")
    assert kiosk.page() == PICK
    texts = [b.text() for b in kiosk.pick_buttons]
    assert sorted(texts) == ["王*军\n石滩志愿服务队", "王*国\n石滩志愿服务队"]
    assert kiosk.pick_timer.isActive()
    assert events() == []  # nothing until someone picks
    button = next(b for b in kiosk.pick_buttons if b.text().startswith("王*军"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert kiosk.page() == CONFIRM
    assert kiosk.outcome_label.text() == "签到成功"
    assert kiosk.name_label.text() == "王*军"
    assert kiosk.shift_label.text() == "临时到站（未排班）"
    assert events(people["wang2"]) == ["sign_in"] and events(people["wang1"]) == []
    assert AttendanceEvent.get(AttendanceEvent.volunteer == people["wang2"]).walk_in
    # The pick screen's 返回 goes back without writing anything.
    type_in(qtbot, kiosk, "4321")
    assert kiosk.page() == PICK
    back = next(b for b in kiosk.findChildren(type(button), "kioskBack") if b.isVisible())
    back.click()
    assert kiosk.page() == KEYPAD and kiosk.display.text() == "_ _ _ _"
    assert len(events()) == 1


def test_unknown_tail_says_so_and_writes_nothing(kiosk, qtbot, people):
    type_in(qtbot, kiosk, "0000")
    assert kiosk.page() == KEYPAD
    assert kiosk.message.text() == "没有找到，请到前台咨询。"
    assert kiosk.display.text() == "_ _ _ _"
    # A paused volunteer is "not found" too: the kiosk tells nobody who is on file.
    type_in(qtbot, kiosk, "2468")
    assert kiosk.message.text() == "没有找到，请到前台咨询。"
    # Too few digits: asked for all four, not looked up.
    type_in(qtbot, kiosk, "12")
    assert kiosk.message.text() == "请输入完整的手机号后四位。"
    qtbot.keyClick(kiosk, Qt.Key.Key_3)  # the next key clears the line
    assert kiosk.message.text() == ""
    qtbot.keyClick(kiosk, Qt.Key.Key_Backspace)
    assert kiosk.display.text() == "_ _ _ _"
    assert events() == []


def test_card_scan_signs_in_and_a_revoked_card_is_refused(kiosk, qtbot, people, staff_actors,
                                                          clock):
    head = staff_actors["head"]
    old = vs.issue_card(head, people["wang1"])
    new = vs.issue_card(head, people["wang1"])  # the first card was lost: revoked
    type_in(qtbot, kiosk, old)
    assert kiosk.page() == KEYPAD
    assert kiosk.message.text() == "此卡无效，请到前台咨询。"
    assert events() == []
    qtbot.keyClicks(kiosk, new[:6])
    assert kiosk.display.text() == "●●●●●●"  # a card's code is never shown
    qtbot.keyClicks(kiosk, new[6:])
    qtbot.keyClick(kiosk, Qt.Key.Key_Enter)  # the keypad's Enter, as some scanners send
    assert kiosk.outcome_label.text() == "签到成功"
    assert kiosk.name_label.text() == "王*国"
    assert events(people["wang1"]) == ["sign_in"]
    # The next scan arrives while the confirmation is up: no character is lost.
    clock.advance(hours=2)
    type_in(qtbot, kiosk, new)
    assert kiosk.outcome_label.text() == "签退成功"
    assert kiosk.hours_label.text() == "本次服务 2 小时"
    type_in(qtbot, kiosk, "not-a-card-at-all")
    assert kiosk.message.text() == "此卡无效，请到前台咨询。"
    assert events(people["wang1"]) == ["sign_in", "sign_out"]


def test_yesterdays_open_visit_is_closed_and_today_signs_in(kiosk, qtbot, people, staff_actors,
                                                            clock):
    yesterday = TODAY - dt.timedelta(days=1)
    attendance.punch(staff_actors["kiosk"], people["wang1"], at=local(yesterday, 9))
    type_in(qtbot, kiosk, "4321")
    button = next(b for b in kiosk.pick_buttons if b.text().startswith("王*国"))
    button.click()
    assert kiosk.outcome_label.text() == "签到成功"  # today's arrival, not yesterday's sign-out
    assert kiosk.note_label.text() == "您上次没有签退，系统已自动结束那次记录，工作人员会核对。"
    assert events(people["wang1"]) == ["sign_in", "auto_close", "sign_in"]


def test_start_closes_forgotten_sign_ins(qtbot, staff_actors, people, clock):
    two_days_ago = TODAY - dt.timedelta(days=2)
    attendance.punch(staff_actors["kiosk"], people["wang1"], at=local(two_days_ago, 9))
    window = KioskWindow(staff_actors["kiosk"], "zh", now=clock)
    qtbot.addWidget(window)
    assert events(people["wang1"]) == ["sign_in", "auto_close"]
    assert window.forgotten_timer.isActive() and window.forgotten_timer.interval() == 600_000
    window.unlocked = True
    window.close()
    assert not window.forgotten_timer.isActive() and not window.clock_timer.isActive()


def test_leaving_needs_a_staff_password(kiosk, qtbot):
    assert kiosk.close() is False  # Alt+F4 and the window manager's close: refused
    assert kiosk.isVisible() and kiosk.page() == UNLOCK
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.page() == KEYPAD
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.page() == UNLOCK and kiosk.unlock_timer.isActive()

    kiosk.user_edit.setText("head")
    qtbot.keyClicks(kiosk.password_edit, "wrong")
    qtbot.keyClick(kiosk.password_edit, Qt.Key.Key_Return)
    assert kiosk.isVisible() and kiosk.page() == UNLOCK
    assert kiosk.unlock_error.text() == "用户名或密码不正确。"
    assert kiosk.password_edit.text() == ""
    # The kiosk account itself cannot close the kiosk.
    kiosk.user_edit.setText("kiosk")
    qtbot.keyClicks(kiosk.password_edit, "secret123")
    kiosk.unlock_button.click()
    assert kiosk.isVisible()
    assert kiosk.unlock_error.text() == "只有站长、社工或前台的账号可以退出签到机。"
    kiosk.user_edit.setText("lxy")  # the front desk
    qtbot.keyClicks(kiosk.password_edit, "secret123")
    with qtbot.waitSignal(kiosk.closed, timeout=1000):
        qtbot.keyClick(kiosk.password_edit, Qt.Key.Key_Return)
    assert not kiosk.isVisible()
    assert not kiosk.clock_timer.isActive() and not kiosk.forgotten_timer.isActive()


def test_a_refused_punch_is_said_on_the_keypad(kiosk, qtbot, people, staff_actors):
    """A volunteer paused after they were picked: the service's reason, on the keypad."""
    type_in(qtbot, kiosk, "4321")
    assert kiosk.page() == PICK
    head = staff_actors["head"]
    detail = vs.VolunteerInput(name="王建国", phone=None, status="paused")
    vs.update_volunteer(head, people["wang1"], detail)
    next(b for b in kiosk.pick_buttons if b.text().startswith("王*国")).click()
    assert kiosk.page() == KEYPAD
    assert kiosk.message.text() == "王*国 已暂停或退出志愿服务，请到前台咨询。"
    assert events() == []


def test_sign_in_dialog_lets_the_kiosk_account_open_only_the_kiosk(staff_actors, qtbot,
                                                                   monkeypatch):
    from station_desk.ui.dialogs.sign_in import SignInDialog

    monkeypatch.setenv("STATION_DESK_LANG", "zh")  # signing in sets it; put it back afterwards

    for kiosk_mode, signed_in in ((False, False), (True, True)):
        dialog = SignInDialog(None, "石滩站", "zh", kiosk=kiosk_mode)
        qtbot.addWidget(dialog)
        dialog.form.usernameEdit.setText("kiosk")
        dialog.form.passwordEdit.setText("secret123")
        dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        assert (dialog.actor is not None) is signed_in
        if signed_in:
            assert dialog.actor.role == "kiosk"
        else:
            assert "签到机" in dialog.form.errorLabel.text()


def test_home_button_opens_the_kiosk_for_staff(staff_actors, make_window, qtbot, store):
    window = make_window(store, staff_actors["front_desk"])
    home = window.page("home")
    assert home.kiosk_button.isVisibleTo(home)
    assert home.kiosk_button.text() == "打开签到机"
    home.kiosk_button.click()
    opened = home.kiosk
    assert isinstance(opened, KioskWindow) and opened.isVisible() and opened.isFullScreen()
    assert not window.isVisible()  # the office window is out of reach behind the kiosk
    assert opened.actor == staff_actors["front_desk"]
    home.kiosk_button.click()  # a second click brings the same kiosk forward
    assert home.kiosk is opened
    assert sum(isinstance(w, KioskWindow) and w.isVisible()
               for w in QApplication.topLevelWidgets()) == 1
    opened.user_edit.setText("hhy")
    opened.password_edit.setText("secret123")
    opened.try_unlock()
    assert not opened.isVisible()
    qtbot.waitUntil(lambda: home.kiosk is None, timeout=2000)  # deleted on close
    assert window.isVisible()  # and the office window is back


def test_hours_text():
    assert kiosk_module.hours_text(2.26) == "2.3"
    assert kiosk_module.hours_text(3.0) == "3"
    assert kiosk_module.hours_text(0.5) == "0.5"


def test_station_desk_kiosk_signs_in_and_opens_full_screen(staff_actors, store, qapp, monkeypatch):
    """`station-desk kiosk`: the sign-in dialog (in kiosk mode), then the kiosk, full screen."""
    from PySide6.QtWidgets import QApplication as App

    from station_desk import cli
    from station_desk.ui.dialogs.sign_in import SignInDialog

    monkeypatch.setenv("STATION_DESK_LANG", "zh")
    asked = []

    def sign_in(parent, station_name, lang, *, kiosk=False):
        asked.append(kiosk)
        return staff_actors["kiosk"], lang

    seen = []

    def run_loop(self=None):
        seen.extend(w for w in App.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(SignInDialog, "ask", sign_in)
    monkeypatch.setattr(App, "exec", run_loop)
    assert cli.main(["--db", str(store.path), "--lang", "zh", "kiosk"]) == 0
    assert asked == [True]
    assert len(seen) == 1 and seen[0].isFullScreen() and seen[0].actor.role == "kiosk"
    seen[0].unlocked = True
    seen[0].close()
