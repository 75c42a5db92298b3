"""The volunteer printouts and exports reached from the GUI: 打印排班表 and 打印签到表 on the
roster page, 导出时长台账… on the hours tab, and the 补登 warning before a certificate is filed."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox
from python_calamine import CalamineWorkbook

from station_desk.core.clock import today
from station_desk.core.models import Assignment, Certificate, Shift
from station_desk.core.services import attendance as att
from station_desk.core.services import roster, station
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.form_dialog import FormDialog

MONDAY = roster.monday_of(today())
LAST_MONDAY = MONDAY - dt.timedelta(days=7)


@pytest.fixture(autouse=True)
def english(qapp, monkeypatch):
    from station_desk.ui import i18n

    monkeypatch.setenv("STATION_DESK_LANG", "en")
    i18n.install_translators(qapp, "en")


def _moment(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm)).astimezone()


@pytest.fixture
def desk(head):
    """This week's front desk (陈秀英 and 王建国) and hotline (李四); last week, 陈秀英 served
    3 h at the desk and 2.5 h typed in from a paper sheet (补登, not yet confirmed)."""
    station.save_station(head, name="石滩镇第一社工服务站", phone="020-82901234",
                         head_id=head.staff_id)
    chen = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13912345678"))
    wang = vs.create_volunteer(head, vs.VolunteerInput("王建国", phone="13800005678"))
    li = vs.create_volunteer(head, vs.VolunteerInput("李四", phone="13700001111"))
    desk_shift = Shift.create(name="前台值班", kind="front_desk", day=MONDAY, start_time="08:30",
                              end_time="12:00", capacity=2, created_at=today().isoformat())
    hotline = Shift.create(name="热线接听", kind="hotline", day=MONDAY, start_time="14:00",
                           end_time="17:00", capacity=1, created_at=today().isoformat())
    for shift, person in ((desk_shift, chen), (desk_shift, wang), (hotline, li)):
        roster.assign(head, shift.id, person.id)
    last = Shift.create(name="前台值班", kind="front_desk", day=LAST_MONDAY, start_time="08:30",
                        end_time="12:00", capacity=2, created_at=today().isoformat())
    Assignment.create(shift=last, volunteer=chen, status="confirmed",
                      created_at=today().isoformat(), updated_at=today().isoformat())
    att.punch(head, chen.id, at=_moment(LAST_MONDAY, 8, 30))
    att.punch(head, chen.id, at=_moment(LAST_MONDAY, 11, 30))
    att.record_paper(head, chen.id, sign_in_at=_moment(LAST_MONDAY, 14, 0),
                     sign_out_at=_moment(LAST_MONDAY, 16, 30))
    return {"chen": chen, "wang": wang, "li": li, "desk": desk_shift, "hotline": hotline}


def _context(store, staff_actors, worker):
    from station_desk.ui.context import AppContext

    return AppContext(location=store, actor=staff_actors["front_desk"], lang="en", worker=worker)


def _page(cls, context, qtbot):
    widget = cls(context)
    context.bridge.changed.connect(widget.on_changed)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def previews(monkeypatch):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    seen = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: seen.append((path, title))))
    return seen


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


# --- 排班: roster and sign-in sheet ------------------------------------------------------


@pytest.fixture
def roster_page(desk, store, staff_actors, worker, qtbot):
    from station_desk.ui.pages.roster import RosterPage

    context = _context(store, staff_actors, worker)
    yield _page(RosterPage, context, qtbot)
    context.bridge.close()


def test_print_roster_previews_the_week_on_screen(roster_page, previews, qtbot, no_dialogs):
    roster_page.findChild(object, "printRoster").click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    path, title = previews[0]
    text = _pdf_text(path)
    assert title == "Roster" and "陈秀英" in text and "李四" in text
    assert MONDAY.isoformat() in path.name
    # Last week's roster has only 陈秀英 on it.
    roster_page.findChild(object, "prevWeek").click()
    roster_page.findChild(object, "printRoster").click()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=15000)
    text = _pdf_text(previews[1][0])
    assert "陈秀英" in text and "李四" not in text and "王建国" not in text
    assert no_dialogs == []


def test_print_sign_in_sheet_for_the_day_or_the_chosen_shift(roster_page, previews, qtbot,
                                                             monkeypatch, desk, no_dialogs):
    asked = []

    def pick(answer_index):
        def fake(parent, title, label, items, current=0, editable=True, *args, **kwargs):
            asked.append(list(items))
            return items[answer_index], True
        return fake

    assert roster_page.select_shift(desk["desk"].id)
    monkeypatch.setattr(QInputDialog, "getItem", pick(0))  # everyone on the day
    roster_page.findChild(object, "printSignIn").click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    assert asked[-1][0] == f"Everyone on {MONDAY.isoformat()}"
    text = _pdf_text(previews[0][0])
    assert previews[0][1] == "Sign-in sheet"
    assert all(name in text for name in ("陈秀英", "王建国", "李四"))
    monkeypatch.setattr(QInputDialog, "getItem", pick(1))  # only the front desk
    roster_page.findChild(object, "printSignIn").click()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=15000)
    assert asked[-1][1] == "Only 前台值班 08:30-12:00"
    text = _pdf_text(previews[1][0])
    assert "陈秀英" in text and "王建国" in text and "李四" not in text
    # Cancelling the question prints nothing.
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    roster_page.findChild(object, "printSignIn").click()
    qtbot.wait(50)
    assert len(previews) == 2 and no_dialogs == []


# --- 考勤与时长: the hours ledger -----------------------------------------------------------


@pytest.fixture
def attendance_page(desk, store, staff_actors, worker, qtbot):
    from station_desk.ui.pages.attendance import AttendancePage

    context = _context(store, staff_actors, worker)
    widget = _page(AttendancePage, context, qtbot)
    widget.open_section("hours")
    yield widget
    context.bridge.close()


def test_export_hours_ledger_for_the_ranges_month(attendance_page, tmp_path, monkeypatch, qtbot,
                                                   no_dialogs):
    month = LAST_MONDAY.strftime("%Y-%m")
    attendance_page.set_range(LAST_MONDAY, LAST_MONDAY + dt.timedelta(days=6))
    offered = []

    def pick(parent, title, label, items, current=0, editable=True, *args, **kwargs):
        offered.append((list(items), current))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "hours"  # no suffix typed: .xlsx is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Excel workbook (*.xlsx)"))
    button = attendance_page.findChild(object, "exportHours")
    assert button.isVisible()
    button.click()
    qtbot.waitUntil(lambda: len(no_dialogs) == 1, timeout=15000)
    items, current = offered[0]
    assert items[current] == month
    written = folder / "hours.xlsx"
    kind, message = no_dialogs[0]
    assert kind == "information" and str(written) in message
    assert f"{month}: 1 volunteers, 2 person-times, 5.5 hours (1 to confirm)" in message
    sheet = CalamineWorkbook.from_path(str(written))
    cells = [str(c) for sheet_name in sheet.sheet_names
             for row in sheet.get_sheet_by_name(sheet_name).to_python() for c in row]
    assert "陈秀英" in cells
    # Cancelling the file dialog writes nothing and says nothing.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    button.click()
    qtbot.wait(50)
    assert len(no_dialogs) == 1 and sorted(p.name for p in folder.iterdir()) == ["hours.xlsx"]


# --- 开具时长证明: warn of 补登 visits -----------------------------------------------------------


@pytest.fixture
def volunteers_page(desk, store, staff_actors, worker, qtbot):
    from station_desk.ui.pages.volunteers import VolunteersPage

    context = _context(store, staff_actors, worker)
    widget = _page(VolunteersPage, context, qtbot)
    widget.select_volunteer(desk["chen"].id)
    yield widget
    context.bridge.close()


def _fill_period(start: str, end: str) -> None:
    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FormDialog) and w.isVisible())
        dialog.widgets["period_from"].setText(start)
        dialog.widgets["period_to"].setText(end)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)


def test_certificate_warns_of_visits_waiting_for_confirmation(volunteers_page, previews, qtbot,
                                                             monkeypatch, desk, head, no_dialogs):
    questions = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def question(parent, title, text, *args, **kwargs):
        questions.append(text)
        return answers[len(questions) - 1]

    monkeypatch.setattr(QMessageBox, "question", question)
    start, end = LAST_MONDAY.isoformat(), (LAST_MONDAY + dt.timedelta(days=6)).isoformat()
    button = volunteers_page.findChild(object, "issueCertificate")
    # No: nothing filed, nothing printed.
    _fill_period(start, end)
    button.click()
    assert len(questions) == 1 and Certificate.select().count() == 0 and previews == []
    assert "1 sign-ins are waiting for confirmation (补登), 2.5 hours" in questions[0]
    # Yes: filed and previewed with the pending hours counted as credited.
    _fill_period(start, end)
    button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    assert len(questions) == 2 and Certificate.select().count() == 1
    assert Certificate.get().hours == 5.5
    # Once staff confirm it, no question is asked.
    paper = next(v for v in att.visits(head, LAST_MONDAY, LAST_MONDAY, volunteer_id=desk["chen"].id)
                 if v.status == "pending")
    att.correct(head, paper.sign_in_id, reason="核对纸质签到表")
    _fill_period(start, end)
    button.click()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=15000)
    assert len(questions) == 2 and Certificate.select().count() == 2
    assert no_dialogs == []
