"""志愿者 as people use it: add a volunteer through the form and find them by pinyin initials,
a refusal kept under its field, masked numbers kept on edit, teams and skills, a new card."""

from __future__ import annotations

import re
import traceback

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from station_desk.core.models import CardToken, Volunteer
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.form_dialog import FormDialog
from station_desk.ui.dialogs.volunteer_form import VolunteerFormDialog

MAN = "44011819500307013X"  # a man born 1950-03-07


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def type_in(qtbot, widget, text: str) -> None:
    """Latin letters and digits as keys, Chinese as an input method's commit."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            widget.setFocus()
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


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
            errors = getattr(dialog, "errors", None)
            seen.append(errors.text() if errors is not None else dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


@pytest.fixture
def page(store, staff_actors, qtbot):
    from station_desk.ui.context import AppContext
    from station_desk.ui.pages.volunteers import VolunteersPage

    context = AppContext(location=store, actor=staff_actors["front_desk"], lang="en")
    widget = VolunteersPage(context)
    context.bridge.changed.connect(widget.on_changed)  # as the main window does
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    context.bridge.close()


def _names(page):
    return [page.model.row_at(r).name for r in range(page.model.rowCount())]


def test_front_desk_adds_a_volunteer_and_finds_them_by_pinyin_initials(page, qtbot, head):
    team = vs.save_team(head, name="党员先锋队")
    vs.create_volunteer(head, vs.VolunteerInput("李四"))
    page.refresh()
    assert _names(page) == ["李四"]

    def fill(dialog: VolunteerFormDialog):
        type_in(qtbot, dialog.name, "曾小明")
        qtbot.keyClicks(dialog.id_number, MAN.lower())
        assert dialog.birthdate.text() == "1950-03-07"  # filled from the number
        assert dialog.gender.currentData() == "male"
        qtbot.keyClicks(dialog.phone, "138 0013 5678")
        dialog.team.setCurrentIndex(dialog.team.findText("党员先锋队"))
        dialog.team_leader.setChecked(True)
        dialog.party_member.setChecked(True)
        dialog.skills.check("驾驶")
        qtbot.keyClicks(dialog.platform_number, "44011800123")

    seen = answer(VolunteerFormDialog, fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1, seen[1:]
    saved = Volunteer.get(Volunteer.name == "曾小明")
    assert (saved.id_number, saved.phone, saved.phone_tail) == (MAN, "13800135678", "5678")
    assert saved.team_id == team.id and saved.team_leader and saved.party_member

    qtbot.keyClicks(page.search, "zxm")  # 曾 read as a surname: zeng
    assert page._search_timer.isActive(), "the list is asked after a pause in typing"
    qtbot.waitUntil(lambda: _names(page) == ["曾小明"])
    row = page.model.row_at(0)
    shown = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert shown == ["曾小明 (leader)", "Male", "138****5678", "党员先锋队", "驾驶", "Yes",
                     "44011800123", "Active"]
    assert row.phone == "138****5678"
    page.search.setText("5678")
    page.load_list()
    assert _names(page) == ["曾小明"]


def test_a_refusal_stays_under_its_field_and_nothing_is_saved(page, qtbot, head):
    vs.create_volunteer(head, vs.VolunteerInput("王芳", id_number=MAN))

    def fill(dialog):
        type_in(qtbot, dialog.name, "王小芳")
        qtbot.keyClicks(dialog.id_number, MAN)
        qtbot.keyClicks(dialog.phone, "12345")

    seen = answer(VolunteerFormDialog, fill)
    page.add_button.click()
    assert "phone" in seen[1].lower() or "电话" in seen[1]
    assert Volunteer.select().count() == 1

    def fill_dup(dialog):
        type_in(qtbot, dialog.name, "王小芳")
        qtbot.keyClicks(dialog.id_number, MAN)

    seen = answer(VolunteerFormDialog, fill_dup)
    page.add_button.click()
    assert "王芳" in seen[1] and MAN not in seen[1]
    assert seen[0].errors.labels["id_number"].isVisibleTo(seen[0])
    assert Volunteer.select().count() == 1


def test_editing_keeps_masked_numbers(page, qtbot, head):
    v = vs.create_volunteer(head, vs.VolunteerInput("孙八", phone="13900001111", id_number=MAN))
    page.refresh()
    page.view.selectRow(0)

    def fill(dialog):
        assert dialog.id_number.text() == "440***********013X"
        assert dialog.phone.text() == "139****1111"
        dialog.notes.setText("会开车")
        dialog.status.setCurrentIndex(dialog.status.findData("paused"))

    seen = answer(VolunteerFormDialog, fill)
    page.edit_button.click()
    assert len(seen) == 1, seen[1:]
    row = Volunteer.get_by_id(v.id)
    assert (row.phone, row.id_number, row.notes, row.status) == ("13900001111", MAN, "会开车", "paused")
    assert _names(page) == []  # paused: off the active list
    page.status_filter.setCurrentIndex(page.status_filter.findData("paused"))
    assert _names(page) == ["孙八"]


def test_new_card_confirms_revokes_the_old_and_never_shows_the_code(page, qtbot, head, monkeypatch):
    v = vs.create_volunteer(head, vs.VolunteerInput("冯九"))
    first = vs.issue_card(head, v.id)
    page.refresh()
    page.view.selectRow(0)
    asked, told = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    page.card_button.click()
    assert "revoked" in asked[0]
    live = CardToken.get(CardToken.revoked_at.is_null())
    assert live.token != first and CardToken.get(CardToken.token == first).revoked_at
    assert live.token not in told[0] and live.token[-4:] in told[0]

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.card_button.click()
    assert CardToken.select().count() == 2, "answering No issues nothing"


def test_teams_and_skills_tabs_add_and_rename(page, qtbot):
    page.tabs.setCurrentIndex(1)
    seen = answer(FormDialog, lambda d: d.widgets["name"].setText("巾帼志愿队"))
    page.findChild(type(page.add_button), "add_teams").click()
    assert len(seen) == 1, seen[1:]
    qtbot.waitUntil(lambda: page.teams_model.rowCount() == 1)
    page.teams_view.selectRow(0)
    seen = answer(FormDialog, lambda d: d.widgets["name"].setText("巾帼服务队"))
    page.findChild(type(page.add_button), "edit_teams").click()
    assert [t.name for t in vs.list_teams(page.actor)] == ["巾帼服务队"]
    assert page.team_filter.findText("巾帼服务队") >= 0

    page.tabs.setCurrentIndex(2)
    seen = answer(FormDialog, lambda d: d.widgets["name"].setText("医疗"))
    page.findChild(type(page.add_button), "add_skills").click()
    assert "exists already" in seen[1] or "已存在" in seen[1]


def test_page_is_listed_for_the_front_desk_not_the_kiosk(staff_actors):
    from station_desk.ui.pages import PAGES

    entry = next(p for p in PAGES if p.name == "volunteers")
    assert entry.visible_for(staff_actors["front_desk"])
    assert not entry.visible_for(staff_actors["kiosk"])


def test_revoke_card_asks_why_and_the_card_stops(page, qtbot, head, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    v = vs.create_volunteer(head, vs.VolunteerInput("冯九"))
    vs.issue_card(head, v.id)
    page.refresh()
    page.view.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    page.revoke_button.click()
    assert len(warned) == 1 and "reason" in warned[0]  # a reason is required
    assert CardToken.select().where(CardToken.revoked_at.is_null()).count() == 1
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("卡丢了", True))
    page.revoke_button.click()
    card = CardToken.get()
    assert card.revoked_at and card.revoked_reason == "卡丢了"
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    page.revoke_button.click()
    assert told == ["冯九 holds no valid card."]
