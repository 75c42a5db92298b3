"""排班 as people use it: put a volunteer on through the dialog (a clash refused in the dialog,
a missing skill warned of) and see the cell change; take off, swap, generate, copy a week."""

from __future__ import annotations

import datetime as dt
import traceback

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from station_desk.core.clock import today
from station_desk.core.models import Assignment, Shift
from station_desk.core.services import roster
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.assign_volunteer import AssignDialog
from station_desk.ui.dialogs.form_dialog import FormDialog

MONDAY = roster.monday_of(today())


@pytest.fixture(autouse=True)
def english(qapp, monkeypatch):
    from station_desk.ui import i18n

    monkeypatch.setenv("STATION_DESK_LANG", "en")  # as the window sets it for core messages
    i18n.install_translators(qapp, "en")


@pytest.fixture
def page(store, staff_actors, qtbot):
    from station_desk.ui.context import AppContext
    from station_desk.ui.pages.roster import RosterPage

    context = AppContext(location=store, actor=staff_actors["front_desk"], lang="en")
    widget = RosterPage(context)
    context.bridge.changed.connect(widget.on_changed)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    yield widget
    context.bridge.close()


@pytest.fixture
def people(head):
    medic = next(s for s in vs.list_skills(head) if s.name == "医疗")
    made = {"medic": medic.id}
    for name in ("李四", "王五", "赵六"):
        made[name] = vs.create_volunteer(head, vs.VolunteerInput(name)).id
    return made


@pytest.fixture
def messages(monkeypatch):
    shown = []

    def fake(kind, answer=QMessageBox.StandardButton.Ok):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer
        return show

    monkeypatch.setattr(QMessageBox, "information", fake("information"))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning"))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    return shown


def later(kind, act):
    """Run ``act(dialog)`` on the next visible ``kind`` dialog; returns [dialog, problem...]."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        try:
            act(dialog)
        except Exception:
            seen.append(traceback.format_exc())
        if dialog.isVisible():
            seen.append(dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def cell_text(page, shift_id):
    page.select_shift(shift_id)
    return page.grid.currentIndex().data()


def _pick(dialog, name):
    dialog.search.setText(name)
    dialog.load()
    dialog.view.selectRow(0)
    assert dialog.current().name == name


def test_assign_through_the_dialog_refuses_a_clash_and_warns_of_a_skill(page, qtbot, head, people):
    clinic = roster.add_shift(head, name="义诊", kind="activity", day=MONDAY, start_time="08:00",
                              end_time="12:00", capacity=2, skill_id=people["medic"]).id
    visit = roster.add_shift(head, name="入户探访", kind="home_visit", day=MONDAY,
                             start_time="10:00", end_time="11:00").id
    roster.assign(head, visit, people["王五"])
    page.refresh()
    assert cell_text(page, clinic) == "0/2"
    assert cell_text(page, visit) == "1/1\n王五"
    assert not page.assign_button.isEnabled()  # a full shift takes nobody more
    page.select_shift(clinic)
    assert page.assign_button.isEnabled()
    page.refresh()
    assert [c.name for c in page.gaps_model._rows] == ["义诊"]

    said = {}

    def act(dialog):
        _pick(dialog, "王五")
        said["clash"] = dialog.error_label.text()
        said["ok_on_clash"] = dialog.ok.isEnabled()
        _pick(dialog, "李四")
        said["note"] = dialog.note.text()
        said["error_hidden"] = dialog.error_label.isHidden()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = later(AssignDialog, act)
    page.assign_button.click()
    assert len(seen) == 1, seen[1:]
    assert said["clash"].startswith("Clash: 王五 is on \"入户探访\" (10:00-11:00)")
    assert said["ok_on_clash"] is False
    assert "needs the skill \"医疗\"" in said["note"] and said["error_hidden"]
    assert cell_text(page, clinic) == "1/2\n李四"
    assert Assignment.get(Assignment.shift == clinic).volunteer_id == people["李四"]


def test_take_off_swap_and_replace(page, qtbot, head, people, messages, monkeypatch):
    morning = roster.add_shift(head, name="前台值班", kind="front_desk", day=MONDAY,
                               start_time="08:00", end_time="12:00", capacity=1).id
    tuesday = roster.add_shift(head, name="前台值班", kind="front_desk",
                               day=MONDAY + dt.timedelta(days=1), start_time="08:00",
                               end_time="12:00", capacity=1).id
    a = roster.assign(head, morning, people["李四"]).assignment_id
    roster.assign(head, tuesday, people["王五"])
    page.refresh()
    assert len(page.model.view.rows) == 1  # one pattern, two days
    page.select_shift(morning)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a, **k: (items[0], True))
    page.swap_button.click()
    assert cell_text(page, morning) == "1/1\n王五"
    assert cell_text(page, tuesday) == "1/1\n李四"

    def act(dialog):
        _pick(dialog, "赵六")
        dialog.ok.click()

    page.select_shift(morning)
    seen = later(AssignDialog, act)
    page.replace_button.click()
    assert len(seen) == 1, seen[1:]
    assert cell_text(page, morning) == "1/1\n赵六"
    assert Assignment.get_by_id(a).volunteer_id == people["赵六"]

    page.select_shift(morning)
    page.cancel_button.click()
    assert messages[-1][0] == "question" and "赵六" in messages[-1][1]
    assert cell_text(page, morning) == "0/1"
    assert Assignment.get_by_id(a).status == "cancelled"


def test_generate_and_copy_last_week(page, qtbot, head, people, messages):
    template = roster.save_template(head, name="热线值守", kind="hotline", weekdays="1,3,5",
                                    start_time="09:00", end_time="17:00", capacity=1)

    def act(dialog):
        dialog.widgets["weeks"].setValue(2)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = later(FormDialog, act)
    page.generate_button.click()
    assert len(seen) == 1, seen[1:]
    assert messages[-1] == ("information", "6 shifts added.")
    assert Shift.select().where(Shift.template == template.id).count() == 6
    row = page.model.view.rows[0]
    assert [c is not None for c in row.cells] == [True, False, True, False, True, False, False]
    roster.assign(head, row.cells[0].shift_id, people["李四"])
    page.go(7)
    page.copy_button.click()
    assert messages[-1] == ("information", "0 shifts and 1 assignments copied.")
    assert page.model.index(0, 0).data() == "1/1\n李四"
    page.go_today()
    assert page.monday == MONDAY


def test_new_template_then_series_and_a_one_off_shift(page, qtbot, head, messages):
    said = {}

    def template(dialog):
        dialog.widgets["name"].setText("前台值班")
        dialog.widgets["weekdays"].setText("1,2")
        dialog.widgets["end_time"].setText("8:00")  # before the start: refused, kept
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        said["refusal"] = dialog.error_label.text()
        said["kept"] = dialog.widgets["name"].text()
        dialog.widgets["end_time"].setText("12:00")
        QTimer.singleShot(0, lambda: series(later_dialog()))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def later_dialog():
        return next(w for w in QApplication.topLevelWidgets()
                    if isinstance(w, FormDialog) and w.isVisible())

    def series(dialog):
        said["series_title"] = dialog.windowTitle()
        dialog.widgets["weeks"].setValue(1)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = later(FormDialog, template)
    page.template_button.click()
    assert len(seen) == 1, seen[1:]
    assert said["refusal"] == "The end time 08:00 must be after the start time 08:30."
    assert said["kept"] == "前台值班" and said["series_title"] == "Generate shifts"
    assert messages[-1] == ("information", "2 shifts added.")
    assert [c is not None for c in page.model.view.rows[0].cells][:3] == [True, True, False]

    def one_off(dialog):
        dialog.widgets["name"].setText("重阳节活动")
        dialog.widgets["day"].setText(str(MONDAY + dt.timedelta(days=5)))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = later(FormDialog, one_off)
    page.shift_button.click()
    assert len(seen) == 1, seen[1:]
    assert page.current_cell().name == "重阳节活动" and page.current_cell().day.weekday() == 5
    page.delete_button.click()
    assert messages[-1][0] == "question"
    assert not Shift.select().where(Shift.name == "重阳节活动").exists()


def test_confirm_marks_the_assignment_confirmed(page, head, people, monkeypatch):
    shift = roster.add_shift(head, name="热线值守", kind="hotline", day=MONDAY,
                             start_time="09:00", end_time="17:00", capacity=2).id
    placed = roster.assign(head, shift, people["李四"]).assignment_id
    page.refresh()
    page.select_shift(shift)
    assert page.confirm_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, *a, **k: (items[0], True))
    page.confirm_button.click()
    assert Assignment.get_by_id(placed).status == "confirmed"
