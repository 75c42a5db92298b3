"""服务对象 as people use it: file a household with its members, record a visit from the
lists, search and filter, reveal a number, close and reopen, the 首页 card."""

from __future__ import annotations

import datetime as dt
import re
import traceback

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.models import AuditLog, Category, Household, Member, Tier, Village, Visit
from station_desk.core.services import households as hh
from station_desk.ui.dialogs.close_household import CloseHouseholdDialog
from station_desk.ui.dialogs.form_dialog import FormDialog
from station_desk.ui.dialogs.household_form import HouseholdFormDialog
from station_desk.ui.dialogs.member_form import MemberFormDialog
from station_desk.ui.dialogs.visit_form import VisitFormDialog
from station_desk.ui.models.households import BLOCK, COLUMNS


def _id(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, weights, strict=True)) % 11]


OLD_MAN = "44011819500307013X"  # a man born 1950-03-07
WIFE = _id("44011819520611002")  # a woman born 1952-06-11
GIRL = "440118201211200021"  # a girl born 2012-11-20
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def untranslated(qapp):
    """English UI words (another test module may leave the Chinese catalogue installed);
    refusals still come in the context's language (zh) from messages.py."""
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def answer(qtbot, kind, fill, press_ok=True):
    """Answer the next ``kind`` dialog: ``fill(dialog)``, then OK. Returns what happened:
    the dialog, then the error text if it was refused (it is then cancelled)."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        try:
            fill(dialog)
            if press_ok:
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        except Exception:  # an assertion inside: close the dialog, report it after exec()
            seen.append(traceback.format_exc())
            dialog.reject()
            return
        if dialog.isVisible():
            errors = getattr(dialog, "errors", None)
            seen.append(errors.text() if errors is not None else dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def type_in(qtbot, widget, text: str) -> None:
    """Type as a user would: Latin letters and digits as keys, Chinese as an input method's
    commit (QTest's key clicks know ASCII only)."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            widget.setFocus()
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _actor(username):
    from station_desk.core.services import accounts

    return accounts.actor_for(accounts.find_staff(username))


@pytest.fixture
def filed(store, staff_actors):
    """Four households: two due for a visit, one closed. Names chosen for pinyin search."""
    head = staff_actors["head"]
    ma = Village.get(Village.name == "麻车村")
    sha = Village.get(Village.name == "沙头村")
    tier = {t.level: t.id for t in Tier.select()}
    low = Category.get(Category.name == "低保").id
    disabled = Category.get(Category.name == "残疾人").id

    def new(name, village, level, days_ago, members=(), categories=(), phone=""):
        data = hh.HouseholdInput(head_name=name, village_id=village.id, tier_id=tier[level],
                                 registered_on=TODAY - dt.timedelta(days=days_ago),
                                 category_ids=list(categories), phone=phone,
                                 address=f"{village.name}一巷{len(name)}号")
        return hh.create_household(head, data, list(members)).id

    ids = {
        "张三": new("张三", ma, 1, 30, [hh.MemberInput("张三", id_number=OLD_MAN)], [low],
                  phone="13800138000"),
        "曾小明": new("曾小明", sha, 3, 0),
        "李四": new("李四", sha, 4, 100, categories=[disabled]),
        "单丽": new("单丽", ma, 2, 3),
    }
    hh.close_household(head, ids["单丽"], "moved", "随子女迁往增城")
    return ids


def _page(make_window, store, username="head"):
    window = make_window(store, _actor(username))
    window.show_page("households")
    return window, window.page("households")


def _shown_names(page):
    return [page.model.row_at(r).head_name for r in range(page.model.rowCount())]


# --- the "done when": a new household with two members, a visit, off the due list ----


def test_new_household_with_two_members_then_a_visit_takes_it_off_the_due_list(
        store, staff_actors, make_window, qtbot):
    window, page = _page(make_window, store)
    assert page.model.rowCount() == 0

    def fill(dialog: HouseholdFormDialog):
        type_in(qtbot, dialog.head_name, "王大山")
        dialog.village.setCurrentIndex(dialog.village.findText("麻车村"))
        dialog.tier.setCurrentIndex(dialog.tier.findText("一级"))
        qtbot.keyClicks(dialog.phone, "138 0013 8000")
        dialog.registered.setDate(QDate.currentDate().addDays(-20))
        dialog.categories.check("低保")
        dialog.tabs.setCurrentIndex(1)
        # the head is the first member, named from the 户主 field
        assert dialog.members.drafts[0].name == "王大山"
        editor = dialog.member_editor
        qtbot.keyClicks(editor.id_number, OLD_MAN.lower())  # a lower-case x is fine
        assert editor.birthdate.text() == "1950-03-07"
        assert editor.gender.currentData() == "male"
        assert "1950-03-07" in editor.id_hint.text()
        dialog.add_member_button.click()
        type_in(qtbot, editor.name, "李秀英")
        qtbot.keyClicks(editor.id_number, WIFE)
        assert editor.birthdate.text() == "1952-06-11"
        assert editor.gender.currentData() == "female"
        assert editor.relation.currentText() == "配偶"
        assert [d.name for d in dialog.members.drafts] == ["王大山", "李秀英"]

    seen = answer(qtbot, HouseholdFormDialog, fill)
    page.add_button.click()
    assert len(seen) == 1, seen[1:]
    household = Household.get(Household.head_name == "王大山")
    members = list(Member.select().where(Member.household == household.id).order_by(Member.sort_order))
    assert [(m.name, m.relation, m.gender, m.birthdate) for m in members] == [
        ("王大山", "户主", "male", dt.date(1950, 3, 7)),
        ("李秀英", "配偶", "female", dt.date(1952, 6, 11))]
    assert members[0].id_number == OLD_MAN and household.phone == "13800138000"
    assert _shown_names(page) == ["王大山"]
    assert page.selected_ids() == [household.id], "the new household is selected"

    # it was registered 20 days ago on a weekly tier: due, and on the 待走访 list
    window.show_page("households", "due")
    assert page.tabs.currentWidget() is page.due_tab
    assert [r.head_name for r in page.due_model._rows] == ["王大山"]
    assert page.due_model.row_at(0).days_overdue == 13
    page.due_view.selectRow(0)

    def confirm(dialog: VisitFormDialog):
        # opens ready: today, routine, visited, the user as visitor
        assert dialog.visited_on.date() == QDate.currentDate()
        assert dialog.kind.currentData() == "routine" and dialog.outcome.currentData() == "visited"
        assert dialog.visitors.text() == "刘丽萍"
        assert "王大山" in dialog.findChild(object, "subheading").text()

    seen = answer(qtbot, VisitFormDialog, confirm)
    page.due_visit_button.click()
    assert len(seen) == 1, seen[1:]
    assert Visit.select().where(Visit.household == household.id).count() == 1
    assert page.due_model.rowCount() == 0, "the visited household left the due list"
    assert page.due_count.text() == "0 households due"


def test_a_visit_from_the_list_takes_three_clicks_and_keeps_the_selection(
        filed, store, make_window, qtbot):
    window, page = _page(make_window, store)
    row = _shown_names(page).index("李四")
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # 1
    assert page.visit_button.isEnabled()

    def add_needs(dialog: VisitFormDialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("nobody_home"))
        dialog.needs.setPlainText("申请临时救助\n\n  修补屋顶  ")

    seen = answer(qtbot, VisitFormDialog, add_needs)
    page.visit_button.click()  # 2 (and OK, 3)
    assert len(seen) == 1, seen[1:]
    visit = Visit.get(Visit.household == filed["李四"])
    assert (visit.outcome, visit.visitors) == ("nobody_home", "刘丽萍")
    assert sorted(n.content for n in visit.needs) == ["修补屋顶", "申请临时救助"]
    # nobody home: still due; the list refreshed and 李四 is still the selected row
    assert page.selected_ids() == [filed["李四"]]
    page.tabs.setCurrentWidget(page.due_tab)
    assert "李四" in [r.head_name for r in page.due_model._rows]
    # a double click opens the file
    page.tabs.setCurrentWidget(page.list_tab)
    row = _shown_names(page).index("张三")
    rect = page.view.visualRect(page.model.index(row, 1))
    # (QTest's double click sends only its second press: the first click comes before it)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.stack.currentWidget() is page.file and page.file.title.text() == "张三"
    assert page.file.fields["categories"].text() == "低保"


def test_refusals_are_shown_at_the_field_and_nothing_typed_is_lost(
        filed, store, make_window, qtbot):
    window, page = _page(make_window, store)

    def taken_number(dialog: HouseholdFormDialog):
        type_in(qtbot, dialog.head_name, "赵五")
        dialog.tabs.setCurrentIndex(1)
        dialog.add_member_button.click()
        type_in(qtbot, dialog.member_editor.name, "赵小五")
        qtbot.keyClicks(dialog.member_editor.id_number, OLD_MAN)  # 张三's number
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible()
        # the refusal names the household that has it, next to that member's number
        assert dialog.current_member() == 1
        error = dialog.member_editor.errors.labels["id_number"]
        assert "已在档" in error.text() and "张三" in error.text() and error.isVisibleTo(dialog)
        assert dialog.member_editor.name.text() == "赵小五"
        assert dialog.head_name.text() == "赵五"
        # a typed birthdate the number contradicts is pointed out as it is typed
        dialog.member_editor.id_number.clear()
        dialog.member_editor.birthdate.clear()
        qtbot.keyClicks(dialog.member_editor.birthdate, "2012-11-21")
        qtbot.keyClicks(dialog.member_editor.id_number, GIRL)
        assert dialog.member_editor.birthdate.text() == "2012-11-21", "what was typed stays"
        assert "2012-11-20" in dialog.member_editor.id_hint.text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert "2012-11-20" in dialog.member_editor.errors.labels["id_number"].text()
        # a missing head's name: back on the first tab, under the field
        dialog.head_name.clear()

    seen = answer(qtbot, HouseholdFormDialog, taken_number)
    page.add_button.click()
    assert len(seen) == 2 and "请填写“户主姓名”" in seen[1], seen
    assert Household.select().count() == 4 and not Member.select().where(Member.name == "赵小五").exists()


def test_search_box_filters_sort_and_model(filed, store, make_window, qtbot, qtmodeltester):
    window, page = _page(make_window, store)
    # on file, sorted by the head's pinyin initials: 李四 ls, 张三 zs, 曾小明 zxm (曾 as a surname)
    assert _shown_names(page) == ["李四", "张三", "曾小明"]
    assert page.count_label.text() == "3 households"
    assert page.view.isColumnHidden(len(COLUMNS) - 1), "one status chosen: no status column"

    qtbot.keyClicks(page.search, "zs")
    assert page._search_timer.isActive(), "the list is asked after a pause in typing"
    page.search_now()
    assert _shown_names(page) == ["张三"]
    page.search.clear()
    qtbot.keyClicks(page.search, "zx")
    page.search_now()
    assert _shown_names(page) == ["曾小明"]
    page.search.setText("8000")  # the phone's tail
    page.search_now()
    assert _shown_names(page) == ["张三"]
    page.search.setText("013x")  # the tail of an ID number, lower-case x
    page.search_now()
    assert _shown_names(page) == ["张三"]
    page.search.clear()
    page.search_now()

    page.village_filter.setCurrentIndex(page.village_filter.findText("沙头村"))
    assert _shown_names(page) == ["李四", "曾小明"]
    page.category_filter.setCurrentIndex(page.category_filter.findText("残疾人"))
    assert _shown_names(page) == ["李四"]
    page.category_filter.setCurrentIndex(0)
    page.village_filter.setCurrentIndex(0)
    page.overdue_filter.setChecked(True)
    assert _shown_names(page) == ["李四", "张三"]
    page.overdue_filter.setChecked(False)
    page.tier_filter.setCurrentIndex(page.tier_filter.findText("三级"))
    assert _shown_names(page) == ["曾小明"]
    page.tier_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(page.status_filter.findData(""))
    assert _shown_names(page) == ["李四", "单丽", "张三", "曾小明"]
    assert not page.view.isColumnHidden(len(COLUMNS) - 1)
    page.status_filter.setCurrentIndex(page.status_filter.findData("moved"))
    assert _shown_names(page) == ["单丽"]
    page.status_filter.setCurrentIndex(0)

    # sorting: a header click sorts in SQL; a second click turns it round
    header = page.view.horizontalHeader()

    def click(column):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    due_column = [k for k, _s in COLUMNS].index("due_on")
    click(due_column)
    assert page.query.sort == "due_on" and _shown_names(page) == ["张三", "李四", "曾小明"]
    click(due_column)
    assert page.query.descending and _shown_names(page) == ["曾小明", "李四", "张三"]
    click([k for k, _s in COLUMNS].index("phone"))  # masked phones are not sorted
    assert page.query.sort == "due_on" and header.sortIndicatorSection() == due_column

    # overdue rows are tinted and say how late they are
    row = _shown_names(page).index("张三")
    due_text = page.model.index(row, due_column).data()
    assert "late by 23 d" in due_text
    assert page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    qtmodeltester.check(page.model)


def test_the_list_reads_rows_a_block_at_a_time(filed, store, staff_actors):
    from station_desk.ui.models.households import HouseholdTableModel

    model = HouseholdTableModel(staff_actors["head"])
    ids = hh.find_household_ids(staff_actors["head"], hh.HouseholdQuery(status=None))
    many = (ids * (BLOCK * 3 // len(ids) + 1))[:BLOCK * 3]  # 600 rows over 4 households
    model.set_ids(many)
    assert model.rowCount() == BLOCK * 3 and model.fetches == 0, "nothing read before it is shown"
    model.index(5, 0).data()
    model.index(BLOCK - 1, 1).data()
    assert model.fetches == 1
    model.index(BLOCK * 2 + 7, 0).data()
    assert model.fetches == 2
    model.set_ids(ids[:1])  # a new query forgets the rows read for the old one
    assert model.index(0, 0).data() and model.fetches == 3


def test_reveal_shows_full_numbers_and_is_audited(filed, store, staff_actors, make_window, qtbot):
    window, page = _page(make_window, store)
    page.open_household(filed["张三"])
    assert page.stack.currentWidget() is page.file
    file = page.file
    assert file.fields["phone"].text() == "138****8000"
    assert file.members_model.row_at(0).id_number == "440***********013X"
    button = file.reveal_button
    assert button.isVisibleTo(page) and file.reveal_note.text() == ""
    before = AuditLog.select().where(AuditLog.action == "reveal").count()
    button.click()
    assert file.fields["phone"].text() == "13800138000"
    assert file.members_model.index(0, 4).data() == OLD_MAN
    assert file.reveal_note.text() != ""
    reveal = AuditLog.select().where(AuditLog.action == "reveal").order_by(AuditLog.id.desc()).get()
    assert AuditLog.select().where(AuditLog.action == "reveal").count() == before + 1
    assert (reveal.table_name, reveal.row_id, reveal.actor_name) == ("household", filed["张三"], "刘丽萍")
    # the household changes: masked again
    hh.record_visit(staff_actors["head"], filed["张三"], hh.VisitInput(TODAY))
    assert file.fields["phone"].text() == "138****8000"
    # a social worker sees full numbers for their own villages only
    window2, worker_page = _page(make_window, store, "hhy")
    worker_page.open_household(filed["张三"])  # 麻车村: theirs
    assert worker_page.file.reveal_button.isVisibleTo(worker_page)
    worker_page.open_household(filed["李四"])  # 沙头村: not theirs
    assert not worker_page.file.reveal_button.isVisibleTo(worker_page)


def test_edit_keeps_a_masked_phone_unless_typed_over(filed, store, make_window, qtbot):
    window, page = _page(make_window, store)
    page.select_household(filed["张三"])

    def rename(dialog: HouseholdFormDialog):
        assert dialog.phone.text() == "138****8000"
        dialog.address.setText("麻车村新村二巷8号")

    answer(qtbot, HouseholdFormDialog, rename)
    page.edit_button.click()
    household = Household.get_by_id(filed["张三"])
    assert (household.address, household.phone) == ("麻车村新村二巷8号", "13800138000")

    def new_phone(dialog: HouseholdFormDialog):
        dialog.phone.selectAll()
        qtbot.keyClicks(dialog.phone, "13912345678")

    answer(qtbot, HouseholdFormDialog, new_phone)
    page.edit_button.click()
    assert Household.get_by_id(filed["张三"]).phone == "13912345678"


def test_members_are_added_and_changed_in_the_file(filed, store, make_window, qtbot):
    window, page = _page(make_window, store)
    page.open_household(filed["张三"])
    file = page.file

    def add(dialog: MemberFormDialog):
        type_in(qtbot, dialog.editor.name, "张小红")
        dialog.editor.relation.setCurrentText("孙女")
        qtbot.keyClicks(dialog.editor.id_number, GIRL)
        type_in(qtbot, dialog.editor.school_or_work, "石滩镇中心小学")

    seen = answer(qtbot, MemberFormDialog, add)
    file.add_member_button.click()
    assert len(seen) == 1, seen[1:]
    assert file.members_model.rowCount() == 2 and file.members_title.text() == "Members (2)"
    girl = Member.get(Member.name == "张小红")
    assert (girl.gender, girl.birthdate, girl.id_number) == ("female", dt.date(2012, 11, 20), GIRL)

    file.members_view.selectRow(1)

    def moved_out(dialog: MemberFormDialog):
        assert dialog.editor.id_number.text() == "440***********0021"  # shown masked, kept
        dialog.editor.status.setCurrentIndex(dialog.editor.status.findData("moved_out"))

    seen = answer(qtbot, MemberFormDialog, moved_out)
    file.edit_member_button.click()
    assert len(seen) == 1, seen[1:]
    girl = Member.get_by_id(girl.id)
    assert (girl.status, girl.id_number) == ("moved_out", GIRL)
    assert file.members_model.index(1, 1).data() == "孙女 (Moved out)"

    # the head can't be removed; a member entered by mistake can, with a reason
    file.members_view.selectRow(0)
    assert not file.remove_member_button.isEnabled()
    file.members_view.selectRow(1)
    answer(qtbot, FormDialog, lambda d: d.widgets["reason"].setText("录入错误"))
    file.remove_member_button.click()
    assert not Member.select().where(Member.name == "张小红").exists()
    assert file.members_model.rowCount() == 1


def test_close_and_reopen_a_household(filed, store, make_window, qtbot):
    window, page = _page(make_window, store)
    page.open_household(filed["张三"])
    file = page.file
    assert file.close_button.isEnabled() and not file.reopen_button.isEnabled()

    def deceased(dialog: CloseHouseholdDialog):
        dialog.status.setCurrentIndex(dialog.status.findData("deceased"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.errors.labels["reason"].isVisibleTo(dialog), "a reason is needed"
        type_in(qtbot, dialog.reason, "户主病故")

    seen = answer(qtbot, CloseHouseholdDialog, deceased)
    file.close_button.click()
    assert len(seen) == 1, seen[1:]
    household = Household.get_by_id(filed["张三"])
    assert (household.status, household.status_reason, household.due_on) == ("deceased", "户主病故", None)
    assert file.status_label.text() == "Deceased" and file.reopen_button.isEnabled()
    assert "户主病故" in file.fields["status_note"].text()
    file.back_button.click()
    assert "张三" not in _shown_names(page)
    page.tabs.setCurrentWidget(page.due_tab)
    assert "张三" not in [r.head_name for r in page.due_model._rows]
    page.open_household(filed["张三"])

    answer(qtbot, FormDialog, lambda d: d.widgets["reason"].setText("登记错误，恢复"))
    file.reopen_button.click()
    assert Household.get_by_id(filed["张三"]).status == "active"
    file.back_button.click()
    assert page.stack.currentWidget() is page.tabs and page.tabs.currentWidget() is page.due_tab
    assert "张三" in [r.head_name for r in page.due_model._rows]


def test_need_follow_up(filed, store, staff_actors, make_window, qtbot):
    hh.record_visit(staff_actors["head"], filed["李四"],
                    hh.VisitInput(TODAY, needs=["申请临时救助"]))
    window, page = _page(make_window, store)
    page.open_household(filed["李四"])
    file = page.file
    assert file.history.tabText(1) == "Needs (1 open)"
    assert file.visits_model.row_at(0).needs == ("申请临时救助",)
    file.needs_view.selectRow(0)

    def resolve(dialog: FormDialog):
        dialog.widgets["status"].setCurrentIndex(dialog.widgets["status"].findData("referred"))
        dialog.widgets["follow_up"].setPlainText("已转介镇民政办")

    answer(qtbot, FormDialog, resolve)
    file.follow_up_button.click()
    need = file.needs_model.row_at(0)
    assert need.status == "referred" and "已转介镇民政办" in need.follow_up
    assert file.history.tabText(1) == "Needs (0 open)"


def test_front_desk_never_opens_household_files(filed, store, make_window):
    window = make_window(store, _actor("lxy"))
    assert "households" not in window.page_names()
    home = window.page("home")
    assert home.due_card.isHidden()
    window.show_page("households")  # nothing happens
    assert window.current_page() is home


def test_home_card_counts_due_visits_and_opens_the_due_list(filed, store, make_window, qtbot):
    window = make_window(store, _actor("head"))
    home = window.page("home")
    # the station: 张三 (tier 1, 23 days late) and 李四 (tier 4, 10 days late); one tier 1
    assert home.due_card.value_label.text() == "2"
    assert home.due_card.note_label.text() == "1 of them tier 1 · 0 open needs"
    qtbot.mouseClick(home.due_card, Qt.MouseButton.LeftButton)
    page = window.page("households")
    assert window.current_page() is page and page.tabs.currentWidget() is page.due_tab
    assert [r.head_name for r in page.due_model._rows] == ["张三", "李四"]  # most overdue first

    worker = make_window(store, _actor("hhy"))  # 麻车村's social worker: their own
    assert worker.page("home").due_card.value_label.text() == "1"
    worker.show_page("households", "due")
    due = worker.page("households")
    assert due.due_worker.currentText() == "用户hhy"
    assert [r.head_name for r in due.due_model._rows] == ["张三"]
    due.due_worker.setCurrentIndex(0)  # everyone
    assert [r.head_name for r in due.due_model._rows] == ["张三", "李四"]
    # visited: it leaves the list, and the next household is ready for its visit
    due.due_view.selectRow(0)
    answer(qtbot, VisitFormDialog, lambda d: None)
    due.due_visit_button.click()
    assert [r.head_name for r in due.due_model._rows] == ["李四"]
    assert due.due_selected_ids() == [filed["李四"]] and due.due_visit_button.isEnabled()


def test_print_visit_sheets_for_the_selected_households(filed, store, make_window, worker, qtbot,
                                                        monkeypatch, no_dialogs):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    previews = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: previews.append(path)))
    window, page = _page(make_window, store)
    page.view.selectAll()
    assert page.print_button.text() == "Print visit sheets (3)"
    page.print_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    assert previews[0].read_bytes().startswith(b"%PDF") and no_dialogs == []
    # from the due list too: the two due households
    window.show_page("households", "due")
    page.due_view.selectAll()
    page.due_print_button.click()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=15000)


def test_export_the_ledger_as_filtered(filed, store, make_window, worker, qtbot, monkeypatch,
                                       no_dialogs, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from station_desk.ui import uistate
    from station_desk.ui.dialogs.export_ledger import ExportLedgerDialog

    asked = []
    monkeypatch.setattr(uistate, "put", lambda key, value: None)
    monkeypatch.setattr(uistate, "get", lambda key: str(tmp_path))
    monkeypatch.setattr(ExportLedgerDialog, "ask", classmethod(
        lambda cls, parent, count, description, can_full: asked.append((count, description,
                                                                        can_full)) or False))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "麻车村台账"), "Excel workbook (*.xlsx)"))
    window, page = _page(make_window, store)
    page.village_filter.setCurrentIndex(page.village_filter.findText("麻车村"))
    page.export_button.click()
    qtbot.waitUntil(lambda: len(no_dialogs) == 1, timeout=15000)
    assert asked == [(1, "麻车村；On file", True)]
    assert no_dialogs[0][0] == "information" and no_dialogs[0][1].startswith("1 households")
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp_path / "麻车村台账.xlsx")).get_sheet_by_index(0).to_python()
    cells = [str(c) for row in rows for c in row]
    assert "张三" in cells and "单丽" not in cells and "李四" not in cells
    assert "138****8000" in cells and "13800138000" not in cells  # masked unless asked


def test_import_opens_the_import_dialog_for_this_user(filed, store, make_window, qtbot):
    from station_desk.ui.dialogs.import_households import ImportHouseholdsDialog

    window, page = _page(make_window, store)
    assert not page.import_button.isHidden()
    seen = []

    def look():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, ImportHouseholdsDialog) and w.isVisible())
        seen.append((dialog.context is page.context, dialog.parent() is page))
        dialog.reject()

    QTimer.singleShot(0, look)
    page.import_button.click()
    assert seen == [(True, True)]


def test_campaign_visits_read_in_the_file_and_the_home_card_opens_the_campaign(
        filed, store, staff_actors, make_window, qtbot):
    """A campaign's calls are visits in the household's history, named after the campaign
    (a death too); the first page's card for an open campaign opens it on the campaigns page."""
    from station_desk.core.services import campaigns as cp

    head = staff_actors["head"]
    day = dt.timedelta(days=1)
    ma = Village.get(Village.name == "麻车村").id
    made = cp.create_campaign(head, cp.CampaignInput(
        "中秋慰问", starts_on=TODAY - 5 * day, ends_on=TODAY + 10 * day),
        [cp.RuleInput(village_ids=[ma, Village.get(Village.name == "沙头村").id])])
    targets = {t.head_name: t for t in cp.targets(head, made.campaign_id)}
    cp.record_outcome(head, targets["张三"].id, cp.OutcomeInput(
        "visited", TODAY - 2 * day, visitors="黄海燕", summary="送上月饼"))
    cp.record_outcome(head, targets["李四"].id, cp.OutcomeInput(
        "deceased", TODAY - day, reason="上月病故"))
    window, page = _page(make_window, store)

    def history(name):
        page.open_household(filed[name])
        model = page.file.visits_model
        return [model.index(0, c).data() for c in range(5)]

    assert history("张三")[1:] == ["Holiday visit", "Visited", "黄海燕", "中秋慰问：送上月饼"]
    assert history("李四")[1:3] == ["Holiday visit", "Died"]
    assert history("李四")[4] == "中秋慰问：上月病故"
    assert page.file.status_label.text() == "Deceased"

    home = window.page("home")
    home.refresh()
    card = home.campaign_cards[0]
    assert card.isVisibleTo(home) and card.caption_label.text() == "中秋慰问"
    assert card.value_label.text() == "67%"  # 2 of the 3 on the list (单丽 had moved away)
    assert card.note_label.text() == "Done 67%"  # no packages: nothing to deliver
    assert not home.campaign_cards[1].isVisibleTo(home)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    campaigns = window.page("campaigns")
    assert window.current_page() is campaigns
    assert campaigns.campaign_list.current().id == made.campaign_id
