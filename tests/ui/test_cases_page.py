"""个案 as a social worker uses it: open a case from a household's file, work it through to
closing, and find its follow-up due in the list a month later; who sees which cases."""

from __future__ import annotations

import datetime as dt
import traceback

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from station_desk.core import clock
from station_desk.core.models import AuditLog, Need, Village
from station_desk.core.services import accounts
from station_desk.core.services import cases as cs
from station_desk.core.services import households as hh
from station_desk.ui.dialogs.open_case import OpenCaseDialog

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
def office(staff_actors):
    """A household in 麻车村 (the social worker's village) with a grandson and a need, and a
    second social worker with a case of their own in 沙头村."""
    head = staff_actors["head"]
    worker = staff_actors["social_worker"]
    other = accounts.actor_for(accounts.create_staff(head, "lzq", "李志强", "social_worker",
                                                     "secret123"))
    village = Village.get(Village.name == "麻车村").id
    household = hh.create_household(head, hh.HouseholdInput(
        "王秀英", village, registered_on=TODAY - 100 * DAY),
        [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
         hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    need = hh.record_need(head, household.id, "老人住院后医药费负担重，想申请临时救助")
    elsewhere = hh.create_household(head, hh.HouseholdInput(
        "陈德明", Village.get(Village.name == "沙头村").id, social_worker_id=other.staff_id,
        registered_on=TODAY - 200 * DAY), [hh.MemberInput("陈德明")])
    others_case = cs.open_case(other, cs.CaseInput(elsewhere.id, "独居，术后无人照料",
                                                   opened_on=TODAY - 3 * DAY))
    return {"head": head, "worker": worker, "other": other, "desk": staff_actors["front_desk"],
            "household": household.id, "need": need.id, "others_case": others_case.id}


def _listed(page) -> list[int]:
    return [page.model.row_at(i).id for i in range(page.model.rowCount())]


def _case_reads(case_id: int) -> int:
    return (AuditLog.select().where((AuditLog.action == "reveal") & (AuditLog.table_name == "case")
                                    & (AuditLog.row_id == case_id)).count())


def test_the_issue_a_case_from_a_household_to_its_follow_up(office, store, make_window, qtbot,
                                                             monkeypatch, no_dialogs):
    worker = office["worker"]
    window = make_window(store, worker, "en")
    households_page = window.page("households")
    window.show_page("households")
    households_page.open_household(office["household"])
    file_button = households_page.file.case_button
    assert file_button.isVisible() and file_button.isEnabled()

    def fill(dialog):
        assert dialog.household_chosen.text().startswith("王秀英")
        assert not dialog.household_search.isVisible()  # the household is given
        dialog.member.setCurrentIndex(dialog.member.findData(
            next(m.id for m in hh.get_household(worker, office["household"]).members
                 if m.name == "王小军")))
        dialog.problem.setPlainText("孙子厌学，奶奶住院后无人照看")
        dialog.risk.setCurrentIndex(dialog.risk.findData("medium"))
        assert dialog.worker.currentData() == worker.staff_id and not dialog.worker.isEnabled()

    seen = answer(OpenCaseDialog, fill)
    file_button.click()
    assert len(seen) == 1, seen
    # the new case's file shows on the case page
    page = window.page("cases")
    assert window.current_page() is page
    assert page.stack.currentWidget() is page.file
    case_id = page.file.case_id
    assert case_id is not None and _case_reads(case_id) == 1
    assert "王秀英" in page.file.header.text() and "王小军" in page.file.header.text()
    assert [e.kind for e in page.file.detail.timeline] == ["opened"]
    assert page.file.buttons["reopen"].isEnabled() is False

    # assessment, plan, two service records (and a correction of the first) and a referral,
    # each through its button and form
    from station_desk.ui.dialogs import case_forms as forms

    def through(button, kind, fill):
        seen = answer(kind, fill)
        button.click()
        assert len(seen) == 1, seen

    def assessment(dialog):
        dialog.texts["living"].setPlainText("与奶奶同住")
        dialog.texts["emotion"].setPlainText("厌学，情绪低落")
        for code in ("schooling", "counselling"):
            dialog.need_checks[code].setChecked(True)
        dialog.needs_note.setText("学业辅导，情绪疏导")
        dialog.risk.setCurrentIndex(dialog.risk.findData("medium"))

    def plan(dialog):
        dialog.goals.setPlainText("一、恢复正常上学；二、链接学校老师每周沟通")
        dialog.add_action("联系班主任", "社工")
        dialog.add_action("志愿者课业辅导", "志愿者")

    def record(content, minutes):
        def fill(dialog):
            dialog.content.setPlainText(content)
            dialog.minutes.setValue(minutes)
        return fill

    def referral(dialog):
        if dialog.unit.isEditable():
            dialog.unit.setEditText("镇中心学校")
        dialog.purpose.setPlainText("课后托管")

    buttons = page.file.buttons
    through(buttons["assess"], forms.AssessmentDialog, assessment)
    through(buttons["plan"], forms.PlanDialog, plan)
    through(buttons["record"], forms.RecordDialog, record("入户面谈，了解厌学原因", 60))
    page.file.tabs.setCurrentIndex(2)
    page.file.record_view.selectRow(0)
    through(page.file.correct_button, forms.RecordDialog,
            record("入户面谈，了解厌学原因（更正时长）", 90))
    through(buttons["record"], forms.RecordDialog, record("电话联系班主任，约定每周沟通", 20))
    through(buttons["refer"], forms.ReferralDialog, referral)
    assert _case_reads(case_id) > 1  # the file read the case again after each save
    kinds = [e.kind for e in page.file.detail.timeline]
    assert kinds.count("record") == 3 and "assessment" in kinds and "plan" in kinds
    assert "referral" in kinds
    texts = [page.file.timeline_model.data(page.file.timeline_model.index(i, 2))
             for i in range(page.file.timeline_model.rowCount())]
    assert any(t.startswith("[corrected]") for t in texts)  # the first record, corrected
    assert "Schooling" in page.file.assessment_text.text()
    assert page.file.action_model.rowCount() == 2
    assert page.file.record_model.rowCount() == 3
    assert page.file.referral_model.rowCount() == 1
    counted = [r for r in page.file.detail.records if r.id not in page.file.detail.corrected]
    assert len(counted) == 2  # two service records count; the corrected one doesn't

    # 进入评估 through its button, then 结案
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.file.buttons["evaluate"].click()
    assert page.file.detail.case.status == "evaluation"

    def closing(dialog):
        dialog.summary.setPlainText("已恢复上学")
        dialog.reason.setText("目标达成")

    through(buttons["close"], forms.CloseCaseDialog, closing)
    assert page.file.buttons["reopen"].isEnabled()
    assert not page.file.buttons["record"].isEnabled()
    assert page.file.follow_model.rowCount() == 2

    # back to the list: nothing due today ...
    page.file.back.emit()
    assert page.stack.currentIndex() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData("all"))
    page.due_only.setChecked(True)
    assert case_id not in _listed(page)
    # ... a month and a day later the first follow-up is due, and the list says so
    monkeypatch.setattr(clock, "today", lambda: TODAY + 32 * DAY)
    page.load_list()
    assert case_id in _listed(page)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).id == case_id)
    assert page.model.data(page.model.index(row, 8)) == "Follow-up due"
    assert page.model.data(page.model.index(row, 8), 8) is not None  # highlighted
    assert no_dialogs == []


def test_a_need_becomes_a_case_with_its_text(office, store, make_window, no_dialogs):
    worker = office["worker"]
    window = make_window(store, worker, "en")
    households_page = window.page("households")
    window.show_page("households")
    households_page.open_household(office["household"])
    view = households_page.file.needs_view
    view.selectRow(0)
    button = households_page.file.need_case_button
    assert button.isEnabled()

    def fill(dialog):
        assert dialog.problem.toPlainText() == "老人住院后医药费负担重，想申请临时救助"
        assert dialog.source.currentData() == "visit"

    seen = answer(OpenCaseDialog, fill)
    button.click()
    assert len(seen) == 1, seen
    assert Need.get_by_id(office["need"]).status == "case"
    assert window.page("cases").file.detail.need_id == office["need"]


def test_the_open_case_dialog_searches_and_says_what_is_missing(office, qtbot):
    worker = office["worker"]
    dialog = OpenCaseDialog(None, worker, None, None, "en")
    qtbot.addWidget(dialog)
    dialog.problem.setPlainText("需要帮助")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result_value is None and dialog.errors.text()  # no household chosen
    dialog.household_search.setText("王秀英")
    dialog.find_households()
    assert dialog.household_id == office["household"]  # the one match is chosen
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert isinstance(dialog.result_value, int)
    # a second open case for the whole household is refused, under the form
    again = OpenCaseDialog(None, worker, office["household"], None, "en")
    qtbot.addWidget(again)
    again.problem.setPlainText("再开一个")
    again.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert again.result_value is None and again.errors.text()


def test_the_front_desk_has_no_case_page(office, store, make_window):
    window = make_window(store, office["desk"], "en")
    assert "cases" not in window.page_names()
    window.show_page("households") if "households" in window.page_names() else None


def test_a_social_worker_sees_only_their_own_cases(office, store, make_window, no_dialogs):
    worker = office["worker"]
    mine = cs.open_case(worker, cs.CaseInput(office["household"], "奶奶住院", opened_on=TODAY))
    window = make_window(store, worker, "en")
    window.show_page("cases")
    page = window.page("cases")
    assert _listed(page) == [mine.id]
    assert not page.worker_filter.isVisible()  # no choosing among workers
    before = _case_reads(office["others_case"])
    assert page.open_case(office["others_case"]) is False  # refused, said, not shown
    assert no_dialogs and no_dialogs[0][0] == "warning"
    assert page.stack.currentIndex() == 0
    assert _case_reads(office["others_case"]) == before


def test_the_head_sees_every_case_and_counts_per_worker(office, store, make_window):
    head = office["head"]
    mine = cs.open_case(office["worker"], cs.CaseInput(office["household"], "奶奶住院",
                                                       opened_on=TODAY))
    window = make_window(store, head, "en")
    window.show_page("cases")
    page = window.page("cases")
    assert set(_listed(page)) == {mine.id, office["others_case"]}
    assert "李志强 1" in page.summary_label.text()
    page.worker_filter.setCurrentIndex(page.worker_filter.findData(office["other"].staff_id))
    assert _listed(page) == [office["others_case"]]
    # opening a case is one audited reading; a change elsewhere doesn't read it again
    page.view.selectRow(0)
    page.open_current()
    reads = _case_reads(office["others_case"])
    assert reads == 1 and page.stack.currentWidget() is page.file
    page.refresh(frozenset({"case"}))
    window.context.bridge.changed.emit(frozenset({"case_record"}))
    assert _case_reads(office["others_case"]) == reads
    assert page.file.buttons["transfer"].isVisible()


def test_the_file_section_shows_the_first_case(office, store, make_window):
    window = make_window(store, office["head"], "en")
    window.show_page("cases", "file")
    page = window.page("cases")
    assert page.stack.currentWidget() is page.file
    assert page.file.case_id == office["others_case"]


def test_the_buttons_call_the_case_forms_with_what_they_need(office, store, make_window,
                                                              monkeypatch):
    """The file's buttons call the case's dialogs as agreed (``ask(parent, actor, id, lang=…)``,
    a correction with ``corrects=``) and read the case again after a save only."""
    from types import SimpleNamespace

    worker = office["worker"]
    case = cs.open_case(worker, cs.CaseInput(office["household"], "奶奶住院", opened_on=TODAY))
    record = cs.add_record(worker, case.id, cs.RecordInput("入户面谈", minutes=30))
    referral = cs.refer(worker, case.id, "镇卫生院", "家庭医生签约")
    calls = []

    def form(name, saved=True):
        def ask(parent, actor, target_id, lang="zh", **kw):
            calls.append((name, actor.staff_id, target_id, lang, kw))
            return saved
        return SimpleNamespace(ask=ask)

    from station_desk.ui.dialogs import case_forms

    for name in ("AssessmentDialog", "PlanDialog", "RecordDialog", "ReferralDialog",
                 "ReferralUpdateDialog", "CloseCaseDialog", "FollowUpDialog"):
        monkeypatch.setattr(case_forms, name, form(name))
    window = make_window(store, worker, "en")
    window.show_page("cases")
    page = window.page("cases")
    assert page.open_case(case.id)
    reads = _case_reads(case.id)
    for key in ("assess", "plan", "record", "refer", "close"):
        page.file.buttons[key].click()
    assert [c[0] for c in calls] == ["AssessmentDialog", "PlanDialog", "RecordDialog",
                                     "ReferralDialog", "CloseCaseDialog"]
    assert all(c[1:4] == (worker.staff_id, case.id, "en") for c in calls)
    assert _case_reads(case.id) == reads + 5  # each save: the case read again
    calls.clear()
    page.file.record_view.selectRow(0)
    page.file.correct_button.click()
    assert calls[0][0] == "RecordDialog" and calls[0][4]["corrects"] == record.id
    page.file.update_referral_button.click()  # the only referral
    assert calls[1][:3] == ("ReferralUpdateDialog", worker.staff_id, referral.id)
    # a cancelled form reads nothing
    monkeypatch.setattr(case_forms, "PlanDialog", form("PlanDialog", saved=False))
    reads = _case_reads(case.id)
    page.file.buttons["plan"].click()
    assert _case_reads(case.id) == reads
    # the timeline leads to the entry's tab and row
    row = next(i for i in range(page.file.timeline_model.rowCount())
               if page.file.timeline_model.row_at(i).kind == "referral")
    page.file.show_entry(row)
    assert page.file.tabs.currentIndex() == 3
    assert page.file.referral_view.selectionModel().hasSelection()


def test_the_head_hands_a_case_over_and_a_closed_case_is_reopened(office, store, make_window,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from station_desk.ui.dialogs.form_dialog import FormDialog

    head = office["head"]
    window = make_window(store, head, "en")
    window.show_page("cases")
    page = window.page("cases")
    assert page.open_case(office["others_case"])

    def fill(dialog):
        box = dialog.widgets["social_worker"]
        box.setCurrentIndex(box.findData(office["worker"].staff_id))
        dialog.widgets["reason"].setText("李志强调岗")

    seen = answer(FormDialog, fill)
    page.file.buttons["transfer"].click()
    assert len(seen) == 1, seen
    assert page.file.detail.case.social_worker_id == office["worker"].staff_id
    cs.set_stage(head, office["others_case"], "evaluation")
    cs.close_case(head, office["others_case"], cs.CloseInput("目标达成", summary="已安排照料"))
    page.file.reload()
    assert page.file.buttons["reopen"].isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("回访发现情况反复", True))
    page.file.buttons["reopen"].click()
    assert page.file.detail.case.status == "intervention"
    assert page.file.follow_model.rowCount() == 0  # follow-ups not done are dropped


def test_the_case_record_prints_masked_unless_asked(office, store, make_window, monkeypatch):
    import pypdfium2

    from station_desk.core.models import Household
    from station_desk.ui.dialogs import pdf_preview

    shown = []
    monkeypatch.setattr(pdf_preview, "preview_printout", lambda *a: shown.append(a))
    window = make_window(store, office["head"], "en")
    window.show_page("cases")
    page = window.page("cases")
    case_id = office["others_case"]
    assert page.open_case(case_id)
    name = Household.get_by_id(cs.get_case(office["head"], case_id).case.household_id).head_name
    for reply, named in ((QMessageBox.StandardButton.No, False),
                         (QMessageBox.StandardButton.Yes, True)):
        monkeypatch.setattr(QMessageBox, "question", lambda *a, r=reply, **k: r)
        page.file.print_button.click()
        pdf = pypdfium2.PdfDocument(str(shown[-1][1]))
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        pdf.close()
        assert (name in text) is named, (named, text[:200])
    assert len(shown) == 2


def test_caseload_sheet_figures_and_a_new_follow_up_from_the_page(office, store, make_window,
                                                                  worker, monkeypatch,
                                                                  tmp_path, qtbot):
    import pypdfium2
    from PySide6.QtWidgets import QFileDialog, QInputDialog
    from python_calamine import CalamineWorkbook

    from station_desk.ui.dialogs import pdf_preview

    head = office["head"]
    case_id = office["others_case"]
    shown = []
    monkeypatch.setattr(pdf_preview, "preview_printout", lambda *a: shown.append(a))
    month = TODAY.strftime("%Y-%m")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (month, True))
    window = make_window(store, head, "zh", worker=worker)
    window.show_page("cases")
    page = window.page("cases")
    owner = cs.get_case(head, case_id).case.social_worker_id
    page.worker_filter.setCurrentIndex(page.worker_filter.findData(owner))
    page.caseload_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    pdf = pypdfium2.PdfDocument(str(shown[-1][1]))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "社工月度个案工作量表" in text and f"#{case_id}" in text
    target = tmp_path / "figures"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    answers = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: answers.append(a))
    page.figures_button.click()
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    book = CalamineWorkbook.from_path(str(tmp_path / "figures.xlsx"))
    assert "按社工" in book.sheet_names
    # a closed case gets another follow-up from its file
    cs.close_case(head, case_id, cs.CloseInput("目标达成", summary="好转", follow_up_months=()))
    assert page.open_case(case_id)
    due = (TODAY + 10 * DAY).isoformat()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (due, True))
    assert page.file.schedule_button.isEnabled()
    page.file.schedule_button.click()
    assert [f.due_on.isoformat() for f in cs.get_case(head, case_id).follow_ups] == [due]


def test_the_household_file_lists_the_cases_its_reader_may_read(office, store, make_window):
    worker, other = office["worker"], office["other"]
    mine = cs.open_case(worker, cs.CaseInput(office["household"], "奶奶住院", opened_on=TODAY))
    window = make_window(store, worker, "en")
    window.show_page("households")
    households_page = window.page("households")
    households_page.open_household(office["household"])
    file = households_page.file
    assert file.cases_model.rowCount() == 1 and file.history.tabText(2) == "Cases (1)"
    file.cases_view.selectRow(0)
    file.show_case_button.click()
    page = window.page("cases")
    assert window.current_page() is page and page.file.case_id == mine.id
    # another social worker's file view shows none of them (they can't read the case)
    window2 = make_window(store, other, "en")
    window2.show_page("households")
    window2.page("households").open_household(office["household"])
    assert window2.page("households").file.cases_model.rowCount() == 0


def test_a_case_is_put_on_a_project_from_its_file(office, store, make_window):
    from station_desk.core.errors import PermissionDenied
    from station_desk.core.models import ProjectCase
    from station_desk.core.services import activities
    from station_desk.ui.dialogs.project_form import CaseProjectsDialog

    worker = office["worker"]
    project = activities.save_project(office["head"], activities.ProjectInput(
        "喘息服务项目", TODAY - 30 * DAY, TODAY + 300 * DAY))
    case = cs.open_case(worker, cs.CaseInput(office["household"], "照护压力大", opened_on=TODAY))
    window = make_window(store, worker, "en")
    window.show_page("cases")
    page = window.page("cases")
    assert page.open_case(case.id)
    seen = answer(CaseProjectsDialog, lambda d: d.checks[project.id].setChecked(True))
    page.file.buttons["projects"].click()
    assert len(seen) == 1, seen
    assert ProjectCase.get(ProjectCase.case == case.id).project_id == project.id
    assert activities.case_projects(worker, case.id) == [project.id]
    seen = answer(CaseProjectsDialog, lambda d: d.checks[project.id].setChecked(False))
    page.file.buttons["projects"].click()
    assert activities.case_projects(worker, case.id) == []
    with pytest.raises(PermissionDenied):  # another social worker can't see the case's projects
        activities.case_projects(office["other"], case.id)
