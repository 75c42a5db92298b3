"""活动与项目 as a social worker uses it: plan an activity, sign households up through the
picker, put volunteers on it, record the goods used and who came, and see the stock and the
volunteers' hours change; the front desk reads the list and the file but writes nothing."""

from __future__ import annotations

import datetime as dt
import traceback

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core import clock
from station_desk.core.models import ItemCategory, Village
from station_desk.core.services import activities as act
from station_desk.core.services import attendance, stock
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import volunteers as vs
from station_desk.ui.dialogs import activity_forms as forms

TODAY = clock.today()
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def untranslated(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def answer(kind, fill, press_ok=True):
    """Answer the next ``kind`` dialog: ``fill(dialog)``, then OK. Returns [dialog, error?]."""
    from PySide6.QtCore import QTimer

    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        try:
            fill(dialog)
            if press_ok:
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
def town(staff_actors):
    """Two households in 麻车村 (one with a grandson), rice in stock, three volunteers."""
    head = staff_actors["head"]
    village = Village.get(Village.name == "麻车村").id
    wang = hh.create_household(head, hh.HouseholdInput(
        "王秀英", village, registered_on=TODAY - 100 * DAY),
        [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
         hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    li = hh.create_household(head, hh.HouseholdInput(
        "李桂兰", village, registered_on=TODAY - 90 * DAY), [hh.MemberInput("李桂兰")])
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, value_fen=5000,
                                             value_from=TODAY - 400 * DAY)).id
    stock.receive(head, "purchase", TODAY - 30 * DAY, [stock.InLine(rice, 10)], recipient="超市")
    people = {name: vs.create_volunteer(head, vs.VolunteerInput(name, phone=phone)).id
              for name, phone in (("陈秀英", "13912345678"), ("周建国", "13812345670"),
                                  ("黄丽", "13712345671"))}
    return {"head": head, "worker": staff_actors["social_worker"],
            "desk": staff_actors["front_desk"], "village": village, "wang": wang.id,
            "li": li.id, "rice": rice, "volunteers": people}


def _on_hand(actor, item_id: int) -> int:
    return next(r.on_hand for r in stock.overview(actor) if r.item_id == item_id)


def _hours(actor) -> dict[str, float]:
    return {line.key: line.hours for line in attendance.hours_summary(
        actor, TODAY - 7 * DAY, TODAY)}


def _pick(people: forms.PeopleList, name: str, member: str | None = None) -> None:
    """Find a household by the head's name in the picker, choose it (or one member), add."""
    people.picker.search.setText(name)
    people.picker.find()
    assert people.picker.household_id is not None, name
    if member is not None:
        box = people.picker.member
        box.setCurrentIndex(next(i for i in range(box.count())
                                 if box.itemText(i).startswith(member)))
    people.add_button.click()


def test_the_issue_an_activity_with_people_volunteers_goods_and_who_came(
        town, store, make_window, qtbot, no_dialogs):
    worker, head = town["worker"], town["head"]
    window = make_window(store, worker, "en")
    window.show_page("activities")
    page = window.page("activities")
    assert page.list.new_button.isVisible()
    rice_before = _on_hand(head, town["rice"])
    assert "陈秀英" not in _hours(head)

    # 1. plan it (held two days ago: its sign-in sheet is typed in afterwards)
    held = TODAY - 2 * DAY

    def plan(dialog: forms.ActivityDialog) -> None:
        dialog.title.setText("重阳节敬老茶话会")
        dialog.kind.setCurrentIndex(dialog.kind.findData("festival"))
        dialog.held_on.setDate(QDate(held.year, held.month, held.day))
        dialog.start.setTime(QTime(9, 0))
        dialog.end.setTime(QTime(11, 30))
        dialog.place.setText("村委会活动室")
        dialog.village.setCurrentIndex(dialog.village.findData(town["village"]))

    seen = answer(forms.ActivityDialog, plan)
    page.list.new_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    row = page.list.current_row()
    assert row is not None and row.title == "重阳节敬老茶话会" and row.status == "planned"
    page.list.open_button.click()
    assert page.stack.currentWidget() is page.file
    activity_id = page.file.activity_id
    assert activity_id == row.id

    # 2. sign people up through the picker, several in a row
    def sign_up(dialog: forms.AddParticipantsDialog) -> None:
        _pick(dialog.people, "王秀英")
        _pick(dialog.people, "王秀英", member="王小军")
        _pick(dialog.people, "李桂兰")
        assert dialog.people.list.count() == 3

    seen = answer(forms.AddParticipantsDialog, sign_up)
    page.file.add_people_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    assert page.file.people_model.rowCount() == 3
    members = {page.file.people_model.data(page.file.people_model.index(i, 1))
               for i in range(3)}
    assert "王小军" in members

    # 3. volunteers
    def choose(dialog: forms.ActivityVolunteersDialog) -> None:
        dialog.checks.pick("陈秀英")
        dialog.checks.pick("周建国")

    seen = answer(forms.ActivityVolunteersDialog, choose)
    page.file.volunteers_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    assert sorted(h.name for h in page.file.detail.volunteers) == ["周建国", "陈秀英"]
    seen = answer(forms.ActivityVolunteersDialog, lambda dialog: None)  # chosen again: kept
    page.file.volunteers_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    assert sorted(h.name for h in page.file.detail.volunteers) == ["周建国", "陈秀英"]

    # 4. goods used: more than there is is refused in the dialog, then 3 bags
    def too_many(dialog: forms.UseGoodsDialog) -> None:
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(town["rice"]))
        line.quantity.setValue(50)

    seen = answer(forms.UseGoodsDialog, too_many)
    page.file.goods_button.click()
    qtbot.waitUntil(lambda: len(seen) >= 2)
    assert seen[1] and "Traceback" not in seen[1]  # the refusal, shown in the dialog
    assert _on_hand(head, town["rice"]) == rice_before

    def three(dialog: forms.UseGoodsDialog) -> None:
        line = dialog.lines[0]
        line.item.setCurrentIndex(line.item.findData(town["rice"]))
        line.quantity.setValue(3)

    seen = answer(forms.UseGoodsDialog, three)
    page.file.goods_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    assert _on_hand(head, town["rice"]) == rice_before - 3
    assert page.file.goods_model.rowCount() == 1
    assert page.file.detail.goods_value_fen == 3 * 5000

    # 5. who came: 王秀英 and her grandson, a walk-in, 12 not on file, two volunteers
    walk_in = hh.create_household(head, hh.HouseholdInput(
        "赵德福", town["village"], registered_on=TODAY - 10 * DAY), [hh.MemberInput("赵德福")])

    def came(dialog: forms.AttendanceDialog) -> None:
        dialog.tick("王秀英")
        dialog.tick("王小军")
        _pick(dialog.walk_ins, "赵德福")
        dialog.extra.setValue(12)
        dialog.volunteers.pick("周建国", on=False)
        dialog.volunteers.pick("黄丽")  # came though not planned
        dialog.summary.setPlainText("健康讲座和茶话会")

    seen = answer(forms.AttendanceDialog, came)
    page.file.came_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    detail = page.file.detail
    assert detail.activity.status == "held"
    came_names = {(p.head_name, p.name) for p in detail.participants if p.attended}
    assert came_names == {("王秀英", "王秀英"), ("王秀英", "王小军"), ("赵德福", "赵德福")}
    assert walk_in.id in {p.household_id for p in detail.participants}
    assert {h.name: h.came for h in detail.volunteers} == {
        "陈秀英": True, "黄丽": True, "周建国": False}

    # the volunteers' hours count like any shift's: 2.5 hours each who came
    hours = _hours(head)
    assert hours["陈秀英"] == pytest.approx(2.5)
    assert hours["黄丽"] == pytest.approx(2.5)
    assert "周建国" not in hours

    # back on the list: the counts, and the year's figures see it
    page.file.back.emit()
    assert page.stack.currentWidget() is page.list
    row = page.list.current_row()
    assert (row.signed_up, row.came, row.extra_count, row.person_times, row.volunteers) == (
        4, 3, 12, 15, 3)
    page.tabs.setCurrentWidget(page.figures)
    page.figures.year.setValue(held.year)
    page.figures.refresh()
    assert page.figures.figures["person_times"].number.text() == "15"
    assert page.figures.figures["goods"].number.text() == "150.00"
    assert not no_dialogs


def test_the_front_desk_reads_the_list_and_the_file_but_sees_no_edit_buttons(
        town, store, make_window, qtbot, no_dialogs):
    head = town["head"]
    activity = act.save_activity(head, act.ActivityInput(
        "防诈骗政策宣传", "policy", TODAY + 3 * DAY, place="文化广场",
        village_id=town["village"]))
    act.add_participants(head, activity.id, [(town["wang"], None)])
    window = make_window(store, town["desk"], "en")
    assert "activities" in window.page_names()
    window.show_page("activities")
    page = window.page("activities")
    page.list.period_filter.setCurrentIndex(page.list.period_filter.findData("all"))
    assert page.list.model.rowCount() == 1
    row = page.list.model.row_at(0)
    assert row.title == "防诈骗政策宣传" and row.signed_up == 1
    for widget in (page.list.new_button, page.list.edit_button, page.list.cancel_button):
        assert not widget.isVisible()
    assert page.list.open_button.isVisible()
    page.list.view.selectRow(0)
    page.list.open_button.click()
    assert page.stack.currentWidget() is page.file
    assert page.file.people_model.rowCount() == 0  # names are for household-file roles
    assert page.file.people_note.isVisible()
    assert "Signed up 1 · came 0" in page.file.header.text()  # counted, not named
    for widget in (page.file.edit_button, page.file.came_button, page.file.add_people_button,
                   page.file.remove_person_button, page.file.volunteers_button,
                   page.file.goods_button, page.file.cards_button):
        assert not widget.isVisible()
    assert page.file.sheet_button.isVisible()
    assert page.file.sheet_button.isEnabled()
    page.tabs.setCurrentWidget(page.projects)
    assert not page.projects.new_button.isVisible()
    assert not page.projects.edit_button.isVisible()
    assert not no_dialogs


def test_a_project_its_progress_report_and_workbook_and_the_sign_in_sheet(
        town, store, make_window, qtbot, worker, monkeypatch, tmp_path):
    import pypdfium2
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    from python_calamine import CalamineWorkbook

    from station_desk.ui.dialogs import pdf_preview
    from station_desk.ui.dialogs.project_form import ProjectForm

    head = town["head"]
    shown = []
    monkeypatch.setattr(pdf_preview, "preview_printout", lambda *a: shown.append(a))
    window = make_window(store, head, "zh", worker=worker)
    window.show_page("activities")
    page = window.page("activities")
    page.tabs.setCurrentWidget(page.projects)
    tab = page.projects
    assert tab.model.rowCount() == 0

    def fill(dialog: ProjectForm) -> None:
        dialog.name.setText("重度残疾人家庭喘息服务项目")
        dialog.starts.setDate(QDate(TODAY.year, 1, 1))
        dialog.ends.setDate(QDate(TODAY.year, 12, 31))
        dialog.families.setValue(40)
        dialog.person_times.setValue(400)
        dialog.value.setValue(6900.5)

    seen = answer(ProjectForm, fill)
    tab.new_button.click()
    qtbot.waitUntil(lambda: bool(seen))
    assert len(seen) == 1, seen
    project = tab.current()
    assert project.name == "重度残疾人家庭喘息服务项目"
    assert project.target_value_fen == 690050  # typed in yuan, kept in fen

    # an activity of the project, held, with two who came and 8 not on file
    held = max(TODAY - DAY, dt.date(TODAY.year, 1, 1))  # within the project's year
    activity = act.save_activity(head, act.ActivityInput(
        "喘息服务家属沙龙", "group", held, village_id=town["village"], project_id=project.id))
    act.add_participants(head, activity.id, [(town["wang"], None), (town["li"], None)])
    people = [p.id for p in act.get_activity(head, activity.id).participants]
    act.record_attendance(head, activity.id, act.AttendanceInput(came=people, extra_count=8))
    tab.refresh()
    assert tab.target_rows["families"][1].text() == "2 of 40 (5%)"
    assert tab.target_rows["person_times"][2].value() == round(100 * 10 / 400)
    assert tab.activity_model.rowCount() == 1

    tab.report_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    pdf = pypdfium2.PdfDocument(str(shown[-1][1]))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "喘息服务家属沙龙" in text

    target = tmp_path / "project"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    answers = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: answers.append(a))
    tab.export_button.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    assert CalamineWorkbook.from_path(str(tmp_path / "project.xlsx")).sheet_names

    # the figures tab writes the year's workbook too
    page.tabs.setCurrentWidget(page.figures)
    page.figures.year.setValue(held.year)
    target = tmp_path / "figures"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.figures.export_button.click()
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10000)
    assert CalamineWorkbook.from_path(str(tmp_path / "figures.xlsx")).sheet_names

    # the sign-in sheet of the activity, from its file
    assert page.open_activity(activity.id)
    page.file.sheet_button.click()
    assert len(shown) == 2
    pdf = pypdfium2.PdfDocument(str(shown[-1][1]))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "喘息服务家属沙龙" in text and "王秀英" in text


def test_cancelling_asks_why_and_a_held_activity_cannot_be(town, store, make_window, monkeypatch,
                                                            no_dialogs):
    from PySide6.QtWidgets import QInputDialog

    head = town["head"]
    coming = act.save_activity(head, act.ActivityInput("防诈骗政策宣传", "policy", TODAY + 3 * DAY))
    held = act.save_activity(head, act.ActivityInput("长者生日会", "community", TODAY - DAY))
    act.record_attendance(head, held.id, act.AttendanceInput(extra_count=20))
    window = make_window(store, town["worker"], "en")
    window.show_page("activities")
    page = window.page("activities")
    page.list.period_filter.setCurrentIndex(page.list.period_filter.findData("all"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("下雨改期", True))
    assert page.list.select(held.id)
    assert not page.list.cancel_button.isEnabled()  # only a planned one may be called off
    assert page.list.select(coming.id)
    page.list.cancel_button.click()
    assert page.list.current_row().status == "cancelled"
    assert "下雨改期" in act.get_activity(head, coming.id).activity.summary
    assert not page.list.edit_button.isEnabled()
    assert not no_dialogs
