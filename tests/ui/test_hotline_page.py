"""热线与诉求 as the station uses it: the front desk logs a call from the quick form with the
keyboard (the number's tail finds the household, masked), the call and its need show; the
front desk has no needs tab; a social worker marks a need resolved with a note; an empty need
is refused with the reason shown and nothing typed is lost."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.clock import today
from station_desk.core.models import HotlineCall, Need, Village
from station_desk.core.services import cases as cs
from station_desk.core.services import households as hh
from station_desk.core.services import station


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


@pytest.fixture
def office(staff_actors):
    head = staff_actors["head"]
    station.save_station(head, name="石滩镇第一社工服务站", phone="020-82901234",
                         hotlines="020-82861110\n020-82861120")
    village = Village.get(Village.name == "麻车村").id
    household = hh.create_household(head, hh.HouseholdInput(
        "王秀英", village, phone="13912345678", registered_on=today() - dt.timedelta(days=100)),
        [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1))])
    return {**staff_actors, "household": household.id}


@pytest.fixture
def open_page(store, qtbot):
    from station_desk.ui.context import AppContext
    from station_desk.ui.pages.hotline import HotlinePage

    contexts = []

    def make(actor):
        context = AppContext(location=store, actor=actor, lang="en")
        widget = HotlinePage(context)
        context.bridge.changed.connect(widget.on_changed)  # as the main window does
        qtbot.addWidget(widget)
        widget.resize(1200, 760)
        widget.show()
        contexts.append(context)
        return widget

    yield make
    for context in contexts:
        context.bridge.close()


def cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_the_front_desk_logs_a_call_by_keyboard(office, open_page, qtbot):
    page = open_page(office["front_desk"])
    form = page.form
    assert page.tabs.count() == 1 and page.needs_tab is None  # calls only, no household needs
    page.open_section("needs")
    assert page.tabs.currentIndex() == 0
    assert form.line_box.currentText() == "020-82861110"  # the station's first hotline
    assert page.focusWidget() is form.caller_edit
    form.caller_edit.insert("王秀英")  # typed (an IME, not key codes)
    qtbot.keyClick(form.caller_edit, Qt.Key.Key_Tab)
    assert page.focusWidget() is form.phone_edit
    qtbot.keyClicks(form.phone_edit, "139123")  # as the phone's display shows it
    qtbot.waitUntil(lambda: "4 or more" not in form.match_label.text())
    assert not form.match_buttons and "No household" in form.match_label.text()
    qtbot.keyClicks(form.phone_edit, "45678")
    qtbot.waitUntil(lambda: len(form.match_buttons) == 1)
    match = form.match_buttons[0]
    assert match.text() == "王*英 · 麻车村"  # masked for the front desk
    assert match.isChecked() and form.household_id == office["household"]  # the only one
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Tab)
    assert page.focusWidget() is form.need_edit
    form.need_edit.insert("家里暖气坏了，老人怕冷")  # typed (an IME, not key codes)
    qtbot.keyClick(form.need_edit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 紧急
    assert form.urgency() == "urgent"
    qtbot.keyClick(form.need_edit, Qt.Key.Key_Return)

    call = HotlineCall.get()
    assert (call.line, call.caller, call.caller_phone, call.household_id, call.urgency,
            call.answered_by) == ("020-82861110", "王秀英", "13912345678", office["household"],
                                  "urgent", office["front_desk"].name)
    need = Need.get_by_id(call.need_id)
    assert (need.source, need.status, need.content) == ("hotline", "new", "家里暖气坏了，老人怕冷")
    # the form is ready for the next call
    assert form.caller_edit.text() == form.phone_edit.text() == form.need_edit.text() == ""
    assert form.urgency() == "normal" and form.household_id is None and not form.match_buttons
    assert page.focusWidget() is form.caller_edit
    # and the call shows in the log, masked, urgent in red, open (its need is new)
    model = page.calls_model
    assert model.rowCount() == 1
    row = cells(model, 0)
    assert row[1:5] == ["020-82861110", "王*英", "139****5678", "王*英"]
    assert row[5] == "家里暖气坏了，老人怕冷" and row[6] == "Urgent" and row[9] == "New"
    index = model.index(0, 0)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).name() == "#c62828"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Calls: 1, still open: 1" == page.calls_summary.text()


def test_choosing_and_letting_go_of_a_household(office, open_page, qtbot):
    head = office["head"]
    other = hh.create_household(head, hh.HouseholdInput(
        "李桂兰", Village.get(Village.name == "沙头村").id, phone="13800005678",
        registered_on=today()), [hh.MemberInput("李桂兰", birthdate=dt.date(1950, 1, 1))])
    page = open_page(head)
    form = page.form
    qtbot.keyClicks(form.phone_edit, "5678")
    qtbot.waitUntil(lambda: len(form.match_buttons) == 2)
    assert form.household_id is None  # two: the one answering picks
    assert sorted(b.text() for b in form.match_buttons) == ["李桂兰 · 沙头村", "王秀英 · 麻车村"]
    pick = next(b for b in form.match_buttons if b.text().startswith("李"))
    pick.click()
    assert form.household_id == other.id
    pick.click()  # a second click lets go
    assert form.household_id is None
    # a bare tail is a search, not a number: with a household chosen it logs none
    pick.click()
    form.need_edit.insert("问孙子的助学金")
    assert form.save() is not None
    call = HotlineCall.get()
    assert (call.household_id, call.caller_phone) == (other.id, "")
    # without one the service refuses it as a number, and says so
    qtbot.keyClicks(form.phone_edit, "9999")
    form.need_edit.insert("问助学金")
    assert form.save() is None and form.error.isVisible()
    assert page.focusWidget() is form.phone_edit and form.phone_edit.text() == "9999"


def test_an_empty_need_is_refused_and_nothing_is_lost(office, open_page, qtbot):
    page = open_page(office["front_desk"])
    form = page.form
    form.caller_edit.insert("陈先生")  # typed (an IME, not key codes)
    qtbot.keyClicks(form.phone_edit, "13800001111")
    form.set_urgency("low")
    qtbot.keyClick(form.caller_edit, Qt.Key.Key_Return)
    assert HotlineCall.select().count() == 0
    assert form.error.isVisible() and form.error.text()
    assert "need" in form.error.text().lower()
    assert (form.caller_edit.text(), form.phone_edit.text(), form.urgency()) == (
        "陈先生", "13800001111", "low")
    assert page.focusWidget() is form.need_edit
    form.need_edit.insert("问临时救助怎么申请")  # typed (an IME, not key codes)
    qtbot.keyClick(form.need_edit, Qt.Key.Key_Return)
    assert HotlineCall.select().count() == 1 and not form.error.isVisible()


def answer_form(fill):
    from station_desk.ui.dialogs.form_dialog import FormDialog

    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FormDialog) and w.isVisible())
        seen.append(dialog)
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            seen.append(dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def test_a_social_worker_marks_a_need_resolved(office, open_page, qtbot):
    call = cs.log_call(office["front_desk"], cs.CallInput(
        "夜里摔倒，想要上门看看", caller="王秀英", caller_phone="13912345678",
        household_id=office["household"], urgency="urgent"))
    hh.record_need(office["head"], office["household"], "想申请临时救助")
    page = open_page(office["social_worker"])
    page.open_section("needs")
    assert page.tabs.count() == 2 and page.tabs.currentIndex() == 1
    model = page.needs_model
    assert model.rowCount() == 2
    assert sorted(cells(model, r)[1] for r in range(2)) == ["Hotline", "Visit"]
    assert not page.needs_buttons[1].isEnabled()  # nothing chosen yet
    page.source_filter.setCurrentIndex(page.source_filter.findData("hotline"))
    assert model.rowCount() == 1 and cells(model, 0)[3] == "王秀英"  # the worker sees names
    assert cells(model, 0)[2] == office["front_desk"].name  # who answered
    assert page.select_need(call.need_id)
    assert page.needs_buttons[1].isEnabled() and page.case_button.isEnabled()
    seen = answer_form(lambda d: d.widgets["note"].setPlainText("已上门查看，无大碍"))
    page.needs_buttons[1].click()  # 已解决…
    assert len(seen) == 1  # accepted
    need = Need.get_by_id(call.need_id)
    assert need.status == "resolved" and need.follow_up.endswith("已上门查看，无大碍")
    assert cells(model, 0)[7] == "Resolved" and cells(model, 0)[8].endswith("已上门查看，无大碍")
    page.status_filter.setCurrentIndex(page.status_filter.findData("new"))
    assert model.rowCount() == 0  # the only hotline need is resolved now
    page.open_section("calls")
    assert cells(page.calls_model, 0)[9] == "Resolved"


def test_the_page_is_listed_for_the_roles_that_answer_the_phone(office):
    from station_desk.ui.pages import PAGES

    entry = next(p for p in PAGES if p.name == "hotline")
    names = [p.name for p in PAGES]
    assert names.index("hotline") == names.index("cases" if "cases" in names
                                                 else "campaigns") + 1
    assert [entry.visible_for(office[r]) for r in ("head", "social_worker", "front_desk",
                                                   "kiosk")] == [True, True, True, False]
    assert entry.load().__name__ == "HotlinePage"


def test_a_need_from_a_call_becomes_a_case(office, open_page, qtbot):
    from station_desk.core.models import Case
    from station_desk.ui.dialogs.open_case import OpenCaseDialog

    call = cs.log_call(office["front_desk"], cs.CallInput(
        "老人独居，最近情绪很差", caller="王秀英", caller_phone="13912345678",
        household_id=office["household"]))
    stranger = cs.log_call(office["front_desk"], cs.CallInput("问义诊时间", caller="路人"))
    page = open_page(office["social_worker"])
    page.open_section("needs")
    assert page.select_need(stranger.need_id)
    assert not page.case_button.isEnabled()  # no household: nothing to open a case for
    assert page.select_need(call.need_id) and page.case_button.isEnabled()
    seen = []

    def accept():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, OpenCaseDialog) and w.isVisible())
        seen.append(dialog.problem.toPlainText())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            seen.append(dialog.general_error.text())
            dialog.reject()

    QTimer.singleShot(0, accept)
    page.case_button.click()
    assert seen == ["老人独居，最近情绪很差"]  # the problem starts as the need
    case = Case.get()
    assert case.household_id == office["household"]
    assert Need.get_by_id(call.need_id).status == "case"
    assert page.select_need(call.need_id)
    assert not page.case_button.isEnabled() and not page.needs_buttons[1].isEnabled()


def test_a_strangers_need_is_put_on_its_household_and_linked_to_a_resource(office, open_page,
                                                                           qtbot):
    from station_desk.ui.pages.hotline import NeedHouseholdDialog

    stranger = cs.log_call(office["front_desk"], cs.CallInput("想要一台助行器", caller="王阿姨"))
    page = open_page(office["social_worker"])
    page.open_section("needs")
    assert page.select_need(stranger.need_id)
    assert page.household_button.isEnabled() and not page.case_button.isEnabled()
    seen = []

    def pick():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, NeedHouseholdDialog) and w.isVisible())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # nobody chosen
        seen.append(dialog.general_error.text() or dialog.errors.text())
        dialog.picker.search.setText("王秀英")
        dialog.picker.find()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen.append(dialog.isVisible())

    QTimer.singleShot(0, pick)
    page.household_button.click()
    assert seen[0] and seen[1] is False
    assert Need.get_by_id(stranger.need_id).household_id == office["household"]
    assert page.select_need(stranger.need_id)
    assert page.case_button.isEnabled() and not page.household_button.isEnabled()
    filled = answer_form(lambda d: d.widgets["note"].setPlainText("爱心企业捐赠助行器"))
    page.needs_buttons[3].click()  # 已链接资源…
    assert len(filled) == 1
    need = Need.get_by_id(stranger.need_id)
    assert need.status == "resource" and need.resolved_on == today()
