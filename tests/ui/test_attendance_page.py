"""考勤与时长 as staff use it: a forgotten sign-out shows as 补登 and is confirmed through the
dialog with a reason; a correction without a reason is refused; a paper sheet is typed in;
no-shows and walk-ins are listed; the hours tab sums."""

from __future__ import annotations

import datetime as dt
import traceback

import pytest
from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.clock import stamp, today
from station_desk.core.models import AttendanceEvent, Shift
from station_desk.core.services import attendance as att
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.attendance_forms import CorrectionDialog, PaperEntryDialog, VoidDialog

DAY = today() - dt.timedelta(days=3)


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def at(hh: int, mm: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm)).astimezone()


def answer(kind, fill):
    """Answer the next ``kind`` dialog: ``fill(dialog)``, then OK. Returns [dialog, error
    text if it stayed open (it is then cancelled)]."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        try:
            fill(dialog)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        except Exception:
            seen.append(traceback.format_exc())
            dialog.reject()
            return
        if dialog.isVisible():
            seen.append(dialog.errors.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


@pytest.fixture
def desk(staff_actors):
    return staff_actors["front_desk"]


@pytest.fixture
def station(desk):
    """Three volunteers in two teams; a morning shift on DAY with 陈秀英 and 李四 on it."""
    team_a = vs.save_team(desk, name="巾帼志愿服务队")
    team_b = vs.save_team(desk, name="党员先锋队")
    people = {}
    for name, phone, team in (("陈秀英", "13912345678", team_a), ("王大伟", "13800001111", team_b),
                              ("李四", "13700002222", team_b)):
        people[name] = vs.create_volunteer(desk, vs.VolunteerInput(name=name, phone=phone,
                                                                   team_id=team.id)).id
    shift = Shift.create(name="前台值班", kind="front_desk", day=DAY, start_time="08:00",
                         end_time="12:00", capacity=3, created_at=stamp())
    from station_desk.core.models import Assignment

    for name in ("陈秀英", "李四"):
        Assignment.create(shift=shift, volunteer=people[name], created_at=stamp(), updated_at=stamp())
    return people


@pytest.fixture
def page(store, desk, qtbot):
    from station_desk.ui.context import AppContext
    from station_desk.ui.pages.attendance import AttendancePage

    context = AppContext(location=store, actor=desk, lang="en")
    widget = AttendancePage(context)
    context.bridge.changed.connect(widget.on_changed)  # as the main window does
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    context.bridge.close()


def cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def rows_of(model) -> list[list[str]]:
    return [cells(model, r) for r in range(model.rowCount())]


def forgotten_sign_out(desk, station) -> int:
    """陈秀英 signs in at 08:05 and never signs out; the program closes it."""
    att.punch(desk, station["陈秀英"], at=at(8, 5))
    assert att.close_forgotten(desk, at=at(23, 0)) == 1
    return AttendanceEvent.get(AttendanceEvent.kind == "sign_in").id


def test_forgotten_sign_out_is_confirmed_with_a_reason(page, desk, station, qtbot):
    sign_in_id = forgotten_sign_out(desk, station)
    page.set_range(DAY, DAY)
    (row,) = rows_of(page.visits_model)
    assert row[1:] == ["陈秀英", "前台值班 08:00–12:00", "08:05", "14:00 (automatic)", "Pending",
                       "3.92", "Kiosk"]
    assert page.pending_button.text() == "To confirm: 1"

    page.visits_view.selectRow(0)
    assert page.correct_button.text() == "Confirm…"

    def fill(dialog):
        assert dialog.confirming
        assert dialog.sign_out.time() == QTime(12, 0)  # opens at what is credited so far
        dialog.sign_out.setTime(QTime(11, 30))
        dialog.reason.setText("忘记签退，电话核实 11:30 离站")

    seen = answer(CorrectionDialog, fill)
    page.correct_button.click()
    assert len(seen) == 1, seen
    (row,) = rows_of(page.visits_model)
    assert row[4:7] == ["11:30", "Left early", "3.42"]
    assert page.pending_button.text() == "To confirm: 0"
    assert page.current_visit().sign_in_id == sign_in_id
    correction = AttendanceEvent.get(AttendanceEvent.kind == "correction")
    assert correction.reason == "忘记签退，电话核实 11:30 离站"


def test_a_correction_without_a_reason_is_refused(page, desk, station):
    forgotten_sign_out(desk, station)
    page.set_range(DAY, DAY)
    page.visits_view.selectRow(0)

    def fill(dialog):
        dialog.sign_out.setTime(QTime(11, 0))
        dialog.reason.setText("   ")

    seen = answer(CorrectionDialog, fill)
    page.correct_button.click()
    assert len(seen) == 2 and "reason" in seen[1], seen
    assert not AttendanceEvent.select().where(AttendanceEvent.kind == "correction").exists()
    assert rows_of(page.visits_model)[0][5] == "Pending"


def test_void_takes_a_visit_out_of_the_hours(page, desk, station):
    att.punch(desk, station["王大伟"], at=at(9, 0))
    att.punch(desk, station["王大伟"], at=at(10, 0))
    page.set_range(DAY, DAY)
    page.visits_view.selectRow(0)
    seen = answer(VoidDialog, lambda d: d.reason.setText("误签到"))
    page.void_button.click()
    assert len(seen) == 1, seen
    assert rows_of(page.visits_model)[0][5] == "Void"
    page.visits_view.selectRow(0)
    assert not page.void_button.isEnabled() and not page.correct_button.isEnabled()
    page.tabs.setCurrentIndex(2)
    assert rows_of(page.hours_model) == []


def test_paper_sheet_is_typed_in(page, desk, station, qtbot):
    page.set_range(DAY, DAY)
    assert page.visits_model.rowCount() == 0

    def fill(dialog):
        qtbot.keyClicks(dialog.search, "wdw")  # 王大伟 by pinyin initials
        qtbot.waitUntil(lambda: dialog.volunteer.count() == 1)
        assert dialog.volunteer.currentText().startswith("王大伟")
        dialog.day.setDate(DAY)
        dialog.sign_in.setTime(QTime(14, 0))
        dialog.sign_out.setTime(QTime(16, 30))

    seen = answer(PaperEntryDialog, fill)
    page.paper_button.click()
    assert len(seen) == 1, seen
    (row,) = rows_of(page.visits_model)
    assert row[1:] == ["王大伟", "Walk-in", "14:00", "16:30", "Pending", "2.50", "Paper sheet"]

    def backwards(dialog):
        dialog.day.setDate(DAY)
        dialog.sign_in.setTime(QTime(16, 0))
        dialog.sign_out.setTime(QTime(15, 0))

    seen = answer(PaperEntryDialog, backwards)
    page.paper_button.click()
    assert "before the sign-in" in seen[1]
    assert page.visits_model.rowCount() == 1

    def on_her_shift(dialog):
        dialog.day.setDate(DAY)
        dialog.search.setText("陈秀英")
        dialog.find()
        # she was put on the morning shift that day: it is chosen, with its times
        assert dialog.shift.currentText() == "前台值班 08:00–12:00"
        assert (dialog.sign_in.time(), dialog.sign_out.time()) == (QTime(8, 0), QTime(12, 0))
        dialog.sign_out.setTime(QTime(11, 45))

    seen = answer(PaperEntryDialog, on_her_shift)
    page.paper_button.click()
    assert len(seen) == 1, seen
    row = next(r for r in rows_of(page.visits_model) if r[1] == "陈秀英")
    assert row[2:] == ["前台值班 08:00–12:00", "08:00", "11:45", "Pending", "3.75", "Paper sheet"]
    page.tabs.setCurrentIndex(1)
    assert [r[2] for r in rows_of(page.no_show_model)] == ["李四"]  # she came after all


def test_no_shows_walk_ins_and_hours(page, desk, station):
    att.punch(desk, station["陈秀英"], at=at(7, 58))
    att.punch(desk, station["陈秀英"], at=at(12, 0))  # 4.03 h on the shift
    att.punch(desk, station["王大伟"], at=at(9, 0))
    att.punch(desk, station["王大伟"], at=at(11, 0))  # a walk-in, 2 h
    att.punch(desk, station["王大伟"], at=at(9, 0, DAY + dt.timedelta(days=1)))
    att.punch(desk, station["王大伟"], at=at(10, 30, DAY + dt.timedelta(days=1)))  # 1.5 h
    page.set_range(DAY, DAY + dt.timedelta(days=1))
    assert page.visits_model.rowCount() == 3
    assert page.visit_count.text() == "3 visits, 7.53 hours"

    page.tabs.setCurrentIndex(1)
    assert rows_of(page.no_show_model) == [["前台值班 08:00–12:00", DAY.isoformat(), "李四"]]
    assert [r[1] for r in rows_of(page.walk_in_model)] == ["王大伟", "王大伟"]
    assert page.walk_in_label.text().endswith(": 2")

    page.tabs.setCurrentIndex(2)
    assert rows_of(page.hours_model) == [["王大伟", "2", "3.50", ""], ["陈秀英", "1", "4.03", ""]]
    assert page.hours_total.text() == "Total: 3 person-times, 7.53 hours, 0 to confirm"
    page.hours_by.setCurrentIndex(page.hours_by.findData("team"))
    assert rows_of(page.hours_model) == [["党员先锋队", "2", "3.50", ""], ["巾帼志愿服务队", "1", "4.03", ""]]

    # the volunteer search narrows the sign-ins
    page.tabs.setCurrentIndex(0)
    page.search.setText("cxy")
    page.load_visits()
    assert [r[1] for r in rows_of(page.visits_model)] == ["陈秀英"]


def test_the_page_is_on_the_sidebar_for_staff_only(staff_actors):
    from station_desk.ui.pages import PAGES

    entry = next(p for p in PAGES if p.name == "attendance")
    assert {role for role, actor in staff_actors.items() if entry.visible_for(actor)} == {
        "head", "social_worker", "front_desk"}
    assert entry.load().__name__ == "AttendancePage"
