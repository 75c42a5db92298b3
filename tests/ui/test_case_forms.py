"""The case's working forms save through the case service; a refusal stays in the dialog with
what was typed; a correction names the record it corrects; closing schedules the chosen
follow-ups; nobody opens a form on a case the service refuses them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from station_desk.core import clock
from station_desk.core.errors import PermissionDenied
from station_desk.core.models import (
    CaseAssessment,
    CaseFollowUp,
    CasePlan,
    CasePlanAction,
    CaseRecord,
    CaseReferral,
    ItemCategory,
    Village,
)
from station_desk.core.services import accounts, stock
from station_desk.core.services import cases as cs
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.ui.dialogs.case_forms import (
    AssessmentDialog,
    CloseCaseDialog,
    FollowUpDialog,
    PlanDialog,
    RecordDialog,
    ReferralDialog,
    ReferralUpdateDialog,
)

TODAY = clock.today()
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def untranslated(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


@pytest.fixture
def office(staff_actors):
    head = staff_actors["head"]
    worker = staff_actors["social_worker"]
    other = accounts.actor_for(accounts.create_staff(head, "lzq", "李志强", "social_worker",
                                                     "secret123"))
    village = Village.get(Village.name == "麻车村").id
    household = hh.create_household(head, hh.HouseholdInput(
        "王秀英", village, registered_on=TODAY - 100 * DAY),
        [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1)),
         hh.MemberInput("王小军", "孙子", birthdate=dt.date(2014, 9, 1))])
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, value_fen=5000,
                                             value_from=TODAY - 400 * DAY)).id
    stock.receive(head, "purchase", TODAY - 60 * DAY, [stock.InLine(rice, 10)], recipient="超市")
    case = cs.open_case(worker, cs.CaseInput(household.id, "老人住院后医药费负担重",
                                             opened_on=TODAY - 40 * DAY))
    detail = hh.get_household(head, household.id)
    grandson = next(m.id for m in detail.members if m.name == "王小军")
    child_case = cs.open_case(worker, cs.CaseInput(household.id, "孙子厌学", member_id=grandson,
                                                   opened_on=TODAY - 20 * DAY))
    return {"head": head, "worker": worker, "other": other, "case": case.id,
            "child_case": child_case.id, "rice": rice}


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_assessment_saves_and_a_reassessment_starts_from_it(office, qtbot):
    worker, case = office["worker"], office["case"]
    dialog = AssessmentDialog(None, worker, case, "en")
    qtbot.addWidget(dialog)
    assert dialog.order[0] == "elderly"  # 王秀英 is over 60
    dialog.texts["living"].setPlainText("独居，孙子周末回来")
    dialog.texts["economy"].setPlainText("低保边缘")
    dialog.need_checks["medical"].setChecked(True)
    dialog.need_checks["policy"].setChecked(True)
    dialog.needs_note.setText("临时救助")
    ok(dialog)
    assert not dialog.result()  # no risk chosen: refused, still open
    assert dialog.errors.text()
    assert dialog.texts["living"].toPlainText() == "独居，孙子周末回来"
    dialog.risk.setCurrentIndex(dialog.risk.findData("medium"))
    ok(dialog)
    assert dialog.result_value is True
    row = CaseAssessment.get(CaseAssessment.case == case)
    assert (row.living, row.economy, row.needs, row.needs_note, row.risk) == (
        "独居，孙子周末回来", "低保边缘", "medical,policy", "临时救助", "medium")

    again = AssessmentDialog(None, worker, case, "en")
    qtbot.addWidget(again)
    assert again.texts["living"].toPlainText() == "独居，孙子周末回来"
    assert again.need_checks["policy"].isChecked() and not again.need_checks["care"].isChecked()
    assert again.risk.currentData() == "medium"


def test_an_empty_assessment_is_refused_and_a_child_comes_first(office, qtbot):
    dialog = AssessmentDialog(None, office["worker"], office["child_case"], "en")
    qtbot.addWidget(dialog)
    assert dialog.order[0] == "children"  # 王小军 is under 18
    dialog.risk.setCurrentIndex(dialog.risk.findData("low"))
    ok(dialog)
    assert "empty" in dialog.errors.text()
    assert CaseAssessment.select().count() == 0
    # a date after today never gets typed; if it did, the service's refusal shows in the form
    dialog.texts["schooling"].setPlainText("厌学，常缺课")
    dialog.assessed_on.setMaximumDate(QDate(9999, 1, 1))
    dialog.assessed_on.setDate(QDate.currentDate().addDays(3))
    ok(dialog)
    assert "after today" in dialog.errors.text()
    assert dialog.texts["schooling"].toPlainText() == "厌学，常缺课"
    assert CaseAssessment.select().count() == 0


def test_plan_saves_actions_and_partners_and_a_revision_is_a_new_version(office, qtbot):
    worker, case = office["worker"], office["case"]
    dialog = PlanDialog(None, worker, case, "en")
    qtbot.addWidget(dialog)
    ok(dialog)  # no goals
    assert dialog.errors.text() and CasePlan.select().count() == 0
    dialog.goals.setPlainText("协助申请临时救助\n每两周探访一次")
    dialog.add_action("准备申请材料", "黄海燕", (TODAY + 7 * DAY).isoformat())
    dialog.actions.removeRow(0)  # the empty first row
    dialog.add_action("链接卫生院随访", "卫生院", "")
    dialog.partner_checks["镇卫生院"].setChecked(True)
    dialog.other_partners.setText("村医")
    dialog.add_action("回访", "", "下周")
    ok(dialog)  # a due date that is no date
    assert "下周" in dialog.errors.text() and CasePlan.select().count() == 0
    dialog.actions.removeRow(2)
    ok(dialog)
    assert dialog.result_value is True
    plan = CasePlan.get(CasePlan.case == case)
    assert plan.goals == "协助申请临时救助\n每两周探访一次" and plan.partners == "镇卫生院、村医"
    actions = list(CasePlanAction.select().where(CasePlanAction.plan == plan)
                   .order_by(CasePlanAction.position))
    assert [(a.action, a.owner) for a in actions] == [("准备申请材料", "黄海燕"),
                                                      ("链接卫生院随访", "卫生院")]
    assert actions[0].due_on == TODAY + 7 * DAY

    revision = PlanDialog(None, worker, case, "en")
    qtbot.addWidget(revision)
    assert revision.actions.rowCount() == 2
    assert revision.partner_checks["镇卫生院"].isChecked()
    assert revision.other_partners.text() == "村医"
    revision.goals.setPlainText("协助申请临时救助")
    ok(revision)
    assert CasePlan.select().where(CasePlan.case == case).count() == 2


def test_record_with_goods_and_goods_beyond_stock(office, qtbot):
    worker, case = office["worker"], office["case"]
    dialog = RecordDialog(None, worker, case, "en")
    qtbot.addWidget(dialog)
    assert dialog.workers.text() == worker.name
    dialog.content.setPlainText("入户面谈，送米")
    dialog.kind.setCurrentIndex(dialog.kind.findData("home_visit"))
    dialog.minutes.setValue(60)
    line = dialog.add_line(office["rice"], 12)
    assert "10" in line.available.text()
    ok(dialog)
    assert "大米" in dialog.errors.text() and not dialog.result()
    assert dialog.content.toPlainText() == "入户面谈，送米"
    assert CaseRecord.select().count() == 0
    line.quantity.setValue(2)
    ok(dialog)
    assert dialog.result_value is True
    record = CaseRecord.get(CaseRecord.case == case)
    assert (record.kind, record.minutes, record.workers) == ("home_visit", 60, worker.name)
    assert record.voucher_id is not None
    rice = next(r for r in stock.overview(worker) if r.item_id == office["rice"])
    assert rice.on_hand == 8


def test_a_correction_names_the_corrected_record(office, qtbot):
    worker, case = office["worker"], office["case"]
    first = cs.add_record(worker, case, cs.RecordInput("面谈 30 分钟", served_on=TODAY - DAY))
    dialog = RecordDialog(None, worker, case, "en", corrects=first.id)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.general_error), "correctedText").text() == "面谈 30 分钟"
    from PySide6.QtWidgets import QGroupBox

    assert (TODAY - DAY).isoformat() in dialog.findChild(QGroupBox, "correctedRecord").title()
    # the correction starts as the record: its date, time spent and people stay unless changed
    assert dialog.served_on.date().toPython() == TODAY - DAY
    assert dialog.workers.text() == first.workers
    dialog.content.setPlainText("更正：面谈 90 分钟")
    ok(dialog)
    row = CaseRecord.select().order_by(CaseRecord.id.desc()).get()
    assert row.corrects_id == first.id and row.content == "更正：面谈 90 分钟"
    assert row.served_on == TODAY - DAY


def test_a_correction_can_take_back_the_goods(office, qtbot):
    worker, case = office["worker"], office["case"]
    given = cs.add_record(worker, case, cs.RecordInput(
        "送米", served_on=TODAY - DAY, goods=[stock.OutLine(office["rice"], 2)]))
    plain = RecordDialog(None, worker, case, "en",
                         corrects=cs.add_record(worker, case, cs.RecordInput("电话")).id)
    qtbot.addWidget(plain)
    assert plain.reverse_goods is None  # nothing was handed out on that one
    dialog = RecordDialog(None, worker, case, "en", corrects=given.id)
    qtbot.addWidget(dialog)
    assert dialog.reverse_goods is not None and "大米 2袋" in dialog.reverse_goods.text()
    assert not dialog.reverse_goods.isChecked()  # a correction of the notes keeps the goods
    dialog.reverse_goods.setChecked(True)
    dialog.content.setPlainText("更正：米没有送出")
    ok(dialog)
    assert dialog.result_value is True
    rice = next(r for r in stock.overview(worker) if r.item_id == office["rice"])
    assert rice.on_hand == 10
    detail = cs.get_case(worker, case)
    assert given.id in detail.goods_back
    again = RecordDialog(None, worker, case, "en", corrects=given.id)
    qtbot.addWidget(again)
    assert again.reverse_goods is None  # already taken back


def test_referral_and_its_answer(office, qtbot):
    worker, case = office["worker"], office["case"]
    dialog = ReferralDialog(None, worker, case, "en")
    qtbot.addWidget(dialog)
    dialog.purpose.setPlainText("临时救助审批")
    ok(dialog)
    assert dialog.errors.text()  # no unit
    dialog.unit.setCurrentText("镇社会事务办")
    ok(dialog)
    referral = CaseReferral.get(CaseReferral.case == case)
    assert (referral.unit, referral.purpose) == ("镇社会事务办", "临时救助审批")

    update = ReferralUpdateDialog(None, worker, referral.id, "en")
    qtbot.addWidget(update)
    update.status.setCurrentIndex(update.status.findData("resolved"))
    update.answer.setPlainText("已批准临时救助 3000 元")
    ok(update)
    referral = CaseReferral.get_by_id(referral.id)
    assert referral.status == "resolved" and "3000" in referral.answer


def test_closing_schedules_the_chosen_follow_ups_and_a_follow_up_is_recorded(office, qtbot):
    worker, case = office["worker"], office["case"]
    dialog = CloseCaseDialog(None, worker, case, "en")
    qtbot.addWidget(dialog)
    assert [m for m, c in dialog.follow_checks.items() if c.isChecked()] == [1, 3]
    dialog.reason.setText("目标达成")
    ok(dialog)  # no summary
    assert dialog.errors.text() and dialog.reason.text() == "目标达成"
    dialog.summary.setPlainText("临时救助已到位")
    dialog.follow_checks[3].setChecked(False)
    dialog.follow_checks[6].setChecked(True)
    dialog.closed_on.setDate(QDate.currentDate().addDays(-2))
    ok(dialog)
    assert dialog.result_value is True
    closed = TODAY - 2 * DAY
    follow_ups = list(CaseFollowUp.select().where(CaseFollowUp.case == case)
                      .order_by(CaseFollowUp.due_on))
    assert len(follow_ups) == 2
    assert follow_ups[0].due_on.month == (closed.month % 12) + 1
    assert (follow_ups[1].due_on - closed).days > 170

    visit = FollowUpDialog(None, worker, follow_ups[0].id, "en")
    qtbot.addWidget(visit)
    ok(visit)  # nothing found written
    assert visit.errors.text()
    visit.note.setPlainText("情况稳定")
    visit.another.setChecked(True)
    visit.next_on.setDate(QDate.currentDate().addDays(45))
    ok(visit)
    assert visit.result_value is True
    assert CaseFollowUp.get_by_id(follow_ups[0].id).note == "情况稳定"
    assert CaseFollowUp.select().where(CaseFollowUp.case == case).count() == 3


def test_another_social_worker_cannot_open_a_form_on_the_case(office, qtbot):
    with pytest.raises(PermissionDenied):
        AssessmentDialog(None, office["other"], office["case"], "en")
    with pytest.raises(PermissionDenied):
        RecordDialog(None, office["other"], office["case"], "en")


def test_no_goods_lines_without_give_rights(office, qtbot, monkeypatch):
    worker = office["worker"]
    monkeypatch.setattr(type(worker), "can", lambda self, p: p != "inventory.give")
    dialog = RecordDialog(None, worker, office["case"], "en")
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog), "recordGoods") is None
    assert dialog.goods_grid is None
