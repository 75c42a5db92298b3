"""结对帮扶 as the social worker uses it: pair a volunteer with a household's child through the
dialog, see the pair behind when nobody has been in touch within its interval, log a contact
(a visit on the household's file, with the need heard) and the pair is no longer behind; end
it."""

from __future__ import annotations

import datetime as dt
import traceback

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core import clock
from station_desk.core.models import Village
from station_desk.core.services import households as hh
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs.form_parts import qdate
from station_desk.ui.dialogs.pairing_forms import (
    EndPairingDialog,
    LogContactDialog,
    NewPairingDialog,
)
from station_desk.ui.pages.pairings import BEHIND_BACKGROUND

TODAY = clock.today()
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def untranslated(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def answer(kind, fill):
    """Answer the next ``kind`` dialog: ``fill(dialog)``, then OK. Returns [dialog, error?]."""
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
        if dialog.isVisible():  # refused: the sentence under the form, then give up
            seen.append(dialog.errors.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


@pytest.fixture
def town(staff_actors):
    head = staff_actors["head"]
    macun = Village.get(Village.name == "麻车村").id
    wang = hh.create_household(head, hh.HouseholdInput("王秀英", macun,
                                                       registered_on=TODAY - 400 * DAY),
                               [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
                                hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    volunteer = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13800001111")).id
    return {**staff_actors, "wang": wang.id, "volunteer": volunteer,
            "grandson": next(m.id for m in wang.members if m.name == "王小军")}


def _rows(page):
    return [page.model.row_at(i) for i in range(page.model.rowCount())]


def test_a_pair_made_behind_contacted_and_ended_through_the_page(town, store, make_window,
                                                                 no_dialogs):
    worker = town["social_worker"]
    window = make_window(store, worker, "en")
    window.show_page("pairings")
    page = window.page("pairings")
    assert page.new_button.isVisible() and not page.contact_button.isEnabled()

    # no household picked: refused under the form, nothing saved
    seen = answer(NewPairingDialog, lambda dialog: None)
    page.new_button.click()
    assert len(seen) == 2 and "household" in seen[1].lower(), seen
    assert _rows(page) == []

    def fill(dialog):
        dialog.picker.search.setText("王秀英")
        dialog.picker.find()
        assert dialog.picker.household_id == town["wang"]
        dialog.picker.member.setCurrentIndex(dialog.picker.member.findData(town["grandson"]))
        dialog.choose_volunteer(town["volunteer"])
        assert dialog.helper_stack.currentIndex() == 0
        dialog.every_days.setValue(14)
        dialog.started_on.setDate(qdate(TODAY - 40 * DAY))

    seen = answer(NewPairingDialog, fill)
    page.new_button.click()
    assert len(seen) == 1, seen
    [row] = _rows(page)
    assert (row.helper, row.head_name, row.member_name, row.every_days) == (
        "陈秀英", "王秀英", "王小军", 14)
    # never contacted since pairing 40 days ago, every 14 days: 26 days behind, highlighted
    assert row.behind_days(TODAY) == 26
    index = page.model.index(0, 0)
    assert page.model.data(index, Qt.ItemDataRole.BackgroundRole) == BEHIND_BACKGROUND
    assert page.model.data(page.model.index(0, 7)) == "26 days"
    assert page.model.data(page.model.index(0, 5)) == "never"
    page.behind_only.setChecked(True)
    assert [r.id for r in _rows(page)] == [row.id]
    assert page.current_row() is not None and page.contact_button.isEnabled()

    def contact(dialog):
        assert "陈秀英" in dialog.findChild(type(page.count_label), "subheading").text()
        dialog.contacted_on.setDate(qdate(TODAY - 3 * DAY))
        dialog.way.setCurrentIndex(dialog.way.findData("home_visit"))
        dialog.summary.setPlainText("辅导作业，聊学校的事")
        dialog.needs.setPlainText("想要一套课外书\n\n冬天缺棉衣\n")

    seen = answer(LogContactDialog, contact)
    page.contact_button.click()
    assert len(seen) == 1, seen
    # the contact is a pairing visit on the household's file, with the needs heard
    detail = hh.get_household(worker, town["wang"])
    visits = [v for v in detail.visits if v.kind == "pairing"]
    assert len(visits) == 1 and visits[0].visited_on == TODAY - 3 * DAY
    assert visits[0].visitors == "陈秀英"
    assert {"想要一套课外书", "冬天缺棉衣"} <= {n.content for n in detail.needs}
    # no longer behind: gone from the behind-only list, back in the full list with its dates
    assert _rows(page) == []
    page.behind_only.setChecked(False)
    [row] = _rows(page)
    assert (row.last_contact_on, row.contacts, row.due_on) == (TODAY - 3 * DAY, 1,
                                                               TODAY + 11 * DAY)
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None

    # its household's file, with the contact among its visits
    page.select_pairing(row.id)
    page.file_button.click()
    assert window.current_page() is window.page("households")
    window.show_page("pairings")
    page.select_pairing(row.id)
    seen = answer(EndPairingDialog, lambda dialog: dialog.reason.setText("服务对象搬走"))
    page.end_button.click()
    assert len(seen) == 1, seen
    assert _rows(page) == []
    page.include_ended.setChecked(True)
    [row] = _rows(page)
    assert row.ended_on == TODAY and row.due_on is None
    page.select_pairing(row.id)
    assert not page.contact_button.isEnabled() and not page.end_button.isEnabled()
    assert no_dialogs == []


def test_a_unit_and_a_team_as_helpers_and_who_sees_the_page(town, store, make_window):
    head = town["head"]
    team = vs.save_team(head, name="党员先锋队").id
    window = make_window(store, head, "en")
    window.show_page("pairings")
    page = window.page("pairings")

    def unit(dialog):
        dialog.picker.use_household(town["wang"])
        dialog.helper_kind.setCurrentIndex(dialog.helper_kind.findData("unit"))
        assert dialog.helper_stack.currentIndex() == 2
        dialog.unit.setText("县供电公司党支部")
        dialog.contact_person.setText("周书记")

    def by_team(dialog):
        dialog.picker.use_household(town["wang"])
        dialog.helper_kind.setCurrentIndex(dialog.helper_kind.findData("team"))
        dialog.team.setCurrentIndex(dialog.team.findData(team))

    for fill in (unit, by_team):
        seen = answer(NewPairingDialog, fill)
        page.new_button.click()
        assert len(seen) == 1, seen
    helpers = {(r.helper_kind, r.helper, r.contact_person) for r in _rows(page)}
    assert helpers == {("unit", "县供电公司党支部", "周书记"), ("team", "党员先锋队", "")}
    # the same unit again while the first pair stands: refused in the dialog
    seen = answer(NewPairingDialog, unit)
    page.new_button.click()
    assert len(seen) == 2 and "already" in seen[1], seen
    desk = make_window(store, town["front_desk"], "en")
    assert "pairings" not in desk.page_names()
