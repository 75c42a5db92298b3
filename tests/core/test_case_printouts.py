"""Case printouts and the figures workbook: 个案工作记录 (every section, the name masked unless
asked for, corrections marked, refused to another social worker), 社工月度个案工作量表 (the
month's rows and totals) and the month's figures read back from the .xlsx."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core.clock import now
from station_desk.core.errors import PermissionDenied
from station_desk.core.models import AuditLog
from station_desk.core.reports import case_file, caseload
from station_desk.core.services import case_exports
from station_desk.core.services import cases as cs
from station_desk.core.services import households as hh

from .test_campaign_printouts import pages_text
from .test_cases import TODAY, office  # noqa: F401

DAY = dt.timedelta(days=1)


@pytest.fixture
def closed_case(office):  # noqa: F811 (the fixture imported above)
    """王秀英's case from intake to closing: assessed twice, a plan, three records (one
    corrected by a fourth), a referral answered, closed, one follow-up done."""
    worker = office["worker"]
    case = cs.open_case(worker, cs.CaseInput(
        office["household"], "老人住院后医药费负担重，情绪低落", source="visit",
        need_id=office["need"], opened_on=TODAY - 40 * DAY))
    cs.assess(worker, case.id, cs.AssessmentInput(
        assessed_on=TODAY - 39 * DAY, living="独居", needs=["medical"], risk="high"))
    cs.assess(worker, case.id, cs.AssessmentInput(
        assessed_on=TODAY - 38 * DAY, living="独居，孙子周末回来", health="高血压，术后恢复期",
        emotion="情绪低落，担心费用。" * 12, economy="低保边缘",
        needs=["medical", "policy", "counselling"], needs_note="先解决医药费", risk="medium"))
    cs.save_plan(worker, case.id, cs.PlanInput(
        "协助申请临时救助；每两周探访一次，疏导情绪",
        [cs.ActionInput("准备临时救助申请材料", "黄海燕", TODAY - 30 * DAY),
         cs.ActionInput("链接卫生院上门随访", "卫生院", TODAY - 20 * DAY)],
        partners="社区民政专干\n镇卫生院", made_on=TODAY - 37 * DAY))
    first = cs.add_record(worker, case.id, cs.RecordInput(
        "入户面谈，协助填写临时救助申请表", served_on=TODAY - 35 * DAY, kind="home_visit",
        minutes=60, volunteers="张志愿"))
    cs.add_record(worker, case.id, cs.RecordInput(
        "电话跟进审批进度", served_on=TODAY - 30 * DAY, kind="phone", minutes=10))
    cs.add_record(worker, case.id, cs.RecordInput(
        "更正：上次面谈时长为 90 分钟", served_on=TODAY - 29 * DAY, kind="other", minutes=90,
        corrects_id=first.id))
    referral = cs.refer(worker, case.id, "镇社会事务办", "临时救助审批", TODAY - 33 * DAY)
    cs.update_referral(worker, referral.id, "resolved", "已批准临时救助 3000 元")
    cs.set_stage(worker, case.id, "evaluation")
    cs.close_case(worker, case.id, cs.CloseInput(
        "目标达成", "met", "临时救助已到位，情绪好转", "早些链接医疗资源会更好",
        closed_on=TODAY - 2 * DAY, follow_up_months=(1,)))
    return {**office, "case": case.id}


def test_the_case_file_has_every_section_and_masks_the_name(closed_case, tmp_path):
    data = case_exports.case_file_data(closed_case["worker"], closed_case["case"])
    assert data.client == "王*英" and not data.names_shown
    assert data.assessment.risk == "medium" and len(data.earlier_assessments) == 1
    assert [r.corrected_by for r in data.records] == [(3,), (), ()]
    assert data.records[2].corrects == 1
    text = "".join(pages_text(case_file.build(data), tmp_path))
    for heading in ("个案工作记录", "需求评估表", "服务方案", "服务记录", "转介记录", "结案评估",
                    "回访", "督导：", "主要问题", "老人住院后医药费负担重"):
        assert heading in text, heading
    assert "王*英" in text and "王秀英" not in text
    assert "医疗康复、政策申请、心理疏导" in text and "镇社会事务办" in text
    assert "【已更正，见第3条】" in text and "【更正第1条】" in text
    assert "早些链接医疗资源会更好" in text and "社区民政专干、镇卫生院" in text
    assert "此前评估" in text
    full = case_exports.case_file_data(closed_case["head"], closed_case["case"], show_name=True)
    text = "".join(pages_text(case_file.build(full, lang="en"), tmp_path, "en"))
    assert "王秀英" in text and "Serviceplan" in text and "Supervisor" in text


def test_reading_a_case_file_is_audited_and_refused_to_another_worker(closed_case):
    before = AuditLog.select().count()
    case_exports.case_file_data(closed_case["worker"], closed_case["case"])
    assert AuditLog.select().count() == before + 1
    with pytest.raises(PermissionDenied):
        case_exports.case_file_data(closed_case["other"], closed_case["case"])
    with pytest.raises(PermissionDenied):
        case_exports.case_file_data(closed_case["desk"], closed_case["case"])


def test_an_open_case_with_nothing_yet_prints(office, tmp_path):  # noqa: F811
    case = cs.open_case(office["worker"], cs.CaseInput(office["household"], "刚接案"))
    text = "".join(pages_text(case_file.build(
        case_exports.case_file_data(office["worker"], case.id)), tmp_path))
    assert "尚未评估" in text and "尚未结案" in text and "暂无服务记录" in text


def test_goods_handed_over_and_taken_back_show_on_the_record(office, tmp_path):  # noqa: F811
    from station_desk.core.services import stock

    worker = office["worker"]
    case = cs.open_case(worker, cs.CaseInput(office["household"], "送米",
                                             opened_on=TODAY - 5 * DAY))
    given = cs.add_record(worker, case.id, cs.RecordInput(
        "送米上门", served_on=TODAY - 4 * DAY, goods=[stock.OutLine(office["rice"], 2)]))
    cs.add_record(worker, case.id, cs.RecordInput("电话回访", served_on=TODAY - 3 * DAY,
                                                  goods=[stock.OutLine(office["rice"], 1)]))
    cs.add_record(worker, case.id, cs.RecordInput("更正：米未送出", corrects_id=given.id,
                                                  reverse_goods=True))
    data = case_exports.case_file_data(worker, case.id)
    assert [(r.goods, r.goods_back) for r in data.records] == [
        ("大米 2袋", True), ("大米 1袋", False), ("", False)]
    text = "".join(pages_text(case_file.build(data), tmp_path))
    assert "发放物资：大米2袋（已退回）" in text and "发放物资：大米1袋" in text


def test_forty_records_run_over_pages_with_the_header_repeated(office, tmp_path):  # noqa: F811
    worker = office["worker"]
    case = cs.open_case(worker, cs.CaseInput(office["household"], "长期跟进",
                                             opened_on=TODAY - 80 * DAY))
    for n in range(40):
        cs.add_record(worker, case.id, cs.RecordInput(
            f"第{n + 1}次探访，老人精神尚可，" + "聊了家常和用药情况，" * 4,
            served_on=TODAY - (79 - 2 * n) * DAY, minutes=30))
    pages = pages_text(case_file.build(case_exports.case_file_data(worker, case.id)), tmp_path)
    assert len(pages) >= 3
    assert sum("服务内容" in page for page in pages) >= 2  # the header on every page
    assert "第40次探访" in "".join(pages)


def test_the_caseload_sheet_counts_the_month(closed_case, tmp_path):
    worker = closed_case["worker"]
    other_case = cs.open_case(worker, cs.CaseInput(
        hh.create_household(closed_case["head"], hh.HouseholdInput(
            "李四喜", _village(), registered_on=TODAY - 10 * DAY)).id, "独居老人",
        opened_on=TODAY))
    cs.add_record(worker, other_case.id, cs.RecordInput("初次面谈", minutes=45))
    data = case_exports.caseload_data(worker, worker.staff_id, TODAY.year, TODAY.month)
    ids = [r.case_id for r in data.rows]
    assert other_case.id in ids
    assert data.totals.opened >= 1 and data.totals.records >= 1
    assert data.totals.records == sum(r.records for r in data.rows)
    row = next(r for r in data.rows if r.case_id == other_case.id)
    assert row.client == "李*喜" and row.records == 1 and row.minutes == 45
    text = "".join(pages_text(caseload.build(data), tmp_path))
    assert "社工月度个案工作量表" in text and "李*喜" in text and "李四喜" not in text
    assert "本月服务次数" in text
    pages_text(caseload.build(data, lang="en"), tmp_path, "en")
    with pytest.raises(PermissionDenied):
        case_exports.caseload_data(closed_case["other"], worker.staff_id, TODAY.year,
                                   TODAY.month)
    a_year_ago = case_exports.caseload_data(closed_case["head"], worker.staff_id,
                                            TODAY.year - 1, TODAY.month)
    assert a_year_ago.rows == () and "本月没有在案的个案" in "".join(
        pages_text(caseload.build(a_year_ago), tmp_path, "empty"))


def _village():
    from station_desk.core.models import Village

    return Village.get(Village.name == "麻车村").id


def test_the_figures_workbook_reads_back(closed_case, tmp_path):
    from python_calamine import CalamineWorkbook

    worker = closed_case["worker"]
    at = now().replace(minute=0, second=0, microsecond=0)
    cs.log_call(closed_case["desk"], cs.CallInput("询问高龄津贴", line="0731-1234567",
                                                  called_at=at))
    out = tmp_path / "figures.xlsx"
    written = case_exports.export_figures(closed_case["head"], TODAY.year, TODAY.month, out)
    assert written > 0
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["按村居", "按社工", "群众诉求", "热线"]
    rows = book.get_sheet_by_name("按社工").to_python()
    assert rows[2][:3] == ["序号", "社工", "新开案"]
    names = [r[1] for r in rows[3:-1]]
    assert worker.name in names
    total = rows[-1]
    assert total[0] == "合计"
    calls = book.get_sheet_by_name("热线").to_python()
    flat = [tuple(r[:2]) for r in calls]
    assert ("0731-1234567", 1.0) in flat and (f"{at.hour:02d}:00–{at.hour:02d}:59", 1.0) in flat
    text = str([book.get_sheet_by_name(n).to_python() for n in book.sheet_names])
    assert "王秀英" not in text and "王*英" not in text  # counts only
    with pytest.raises(PermissionDenied):
        case_exports.export_figures(closed_case["desk"], TODAY.year, TODAY.month, out)


def test_characters_no_font_prints_are_named_from_any_part_of_the_record(office):  # noqa: F811
    from station_desk.core.reports import fonts

    worker = office["worker"]
    case = cs.open_case(worker, cs.CaseInput(office["household"], "独居"))
    data = case_exports.case_file_data(worker, case.id)
    assert case_file.problems(data) == []
    odd = next(chr(c) for c in range(0xE000, 0xF8FF) if fonts.unprintable_chars(chr(c)))
    cs.add_record(worker, case.id, cs.RecordInput(f"面谈，老人说起{odd}"))
    data = case_exports.case_file_data(worker, case.id)
    assert case_file.problems(data) == [(f"#{case.id}", odd)]
