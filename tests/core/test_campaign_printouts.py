"""Campaign printouts and workbook: the 入户慰问走访表 a section per team (masked ID numbers,
the package legend, re-queued rows, each team's page count), the 活动总结 figures, and the
.xlsx read back."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from station_desk.core.errors import PermissionDenied
from station_desk.core.models import Household
from station_desk.core.reports import campaign_sheets, campaign_summary, sign_off
from station_desk.core.services import campaign_exports
from station_desk.core.services import campaigns as cp
from station_desk.core.services import households as hh

from .test_campaigns import TODAY, _mid_autumn, _target, _village, station  # noqa: F401

DAY = dt.timedelta(days=1)


def pages_text(data: bytes, tmp_path, name="out") -> list[str]:
    """The text of each page (pdftotext), white space taken out."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return ["".join(page.split()) for page in out.split("\f")[:-1]]


@pytest.fixture
def worked(station):  # noqa: F811 (the fixture imported above)
    """中秋 with two teams (麻车组 led by the worker, 沙头组 a partner unit), 王大山's ID number
    on file, two households visited and delivered, one nobody home (re-queued), a need."""
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    hh.save_member(head, station["households"]["王大山"],
                   hh.MemberInput("王大山", id_number="110101194003018835"),
                   Household.get(Household.head_name == "王大山").members[0].id)
    mache = cp.save_team(head, cid, cp.TeamInput("麻车组", leader_id=station["worker"].staff_id,
                                                 phone="13700001234"))
    shatou = cp.save_team(head, cid, cp.TeamInput("沙头组", partner="石滩粮油公司"))
    cp.assign_villages(head, cid, {_village("麻车村"): mache.id, _village("沙头村"): shatou.id})
    on = TODAY - DAY
    for name in ("李桂兰", "周七"):
        cp.record_outcome(head, _target(cid, name), cp.OutcomeInput(
            "visited", on, visitors="黄海燕", delivered=True, signed=True,
            needs=["屋顶漏雨，想申请危房改造"] if name == "周七" else []))
    cp.record_outcome(head, _target(cid, "张三"), cp.OutcomeInput(
        "nobody_home", on, requeue_on=TODAY + 3 * DAY))
    return {**station, "cid": cid, "mache": mache.id, "shatou": shatou.id}


def test_visit_sheets_a_section_per_team_with_masked_ids_and_the_legend(worked, tmp_path):
    data = cp.sheet_data(worked["head"], worked["cid"])
    assert [t.team for t in data.teams] == ["沙头组", "麻车组"]
    assert campaign_sheets.check(data) == []
    pages = pages_text(campaign_sheets.build(data), tmp_path)
    assert len(pages) == 2  # each team from a new page
    shatou, mache = pages
    assert "沙头组" in shatou and "石滩粮油公司" in shatou and "麻车组" not in shatou
    assert "周七" not in shatou and "吴八" in shatou  # only the open ones
    assert "麻车组" in mache and "13700001234" in mache and "王大山" in mache
    assert "110***********8835" in mache and "110101194003018835" not in mache
    assert "慰问品内容：中秋慰问包：大米（10kg）×1袋、食用油（5L）×1桶" in mache
    again = (TODAY + 3 * DAY).strftime("%m-%d")
    assert f"改约{again}·已上门1次" in mache
    for choice in ("已走访", "不在家", "拒访", "迁出", "去世", "已发放", "签收："):
        assert choice in mache
    assert "麻车组第1页/共1页" in mache and "沙头组第1页/共1页" in shatou
    assert "139****5678" in mache and "身份证号、电话已脱敏" in mache
    english = pages_text(campaign_sheets.build(data, lang="en"), tmp_path, "en")
    assert "Team:沙头组" in english[0] and "Partnerunit:石滩粮油公司" in english[0]


def test_a_long_team_runs_over_pages_counted_per_team(worked, tmp_path):
    data = cp.sheet_data(worked["head"], worked["cid"])
    team = data.teams[1]
    many = tuple(cp.SheetRow(n, f"户主{n}", "110***********0000", "麻车村", f"{n}号", "", 2,
                             "中秋慰问包×1", None, 0) for n in range(1, 41))
    data = type(data)(**{**data.__dict__, "teams": (data.teams[0], type(team)(
        **{**team.__dict__, "rows": many}))})
    pages = pages_text(campaign_sheets.build(data), tmp_path)
    assert 5 <= len(pages) <= 7  # about nine or ten rows a page, the first team's one page
    assert "沙头组第1页/共1页" in pages[0]
    assert f"麻车组第1页/共{len(pages) - 1}页" in pages[1]
    assert f"全册第{len(pages)}/{len(pages)}页" in pages[-1]
    assert "户主40" in pages[-1] and "户主40" not in "".join(pages[:-1])


def test_empty_sheets_say_so(worked, tmp_path):
    data = cp.sheet_data(worked["head"], worked["cid"])
    empty = type(data)(**{**data.__dict__, "teams": ()})
    pages = pages_text(campaign_sheets.build(empty), tmp_path)
    assert len(pages) == 1 and "没有待走访的户" in pages[0]


def test_sign_off_sheet_of_a_team_masks_names(worked, tmp_path):
    data = cp.sign_off_data(worked["head"], worked["cid"], team_id=worked["mache"])
    text = "".join(pages_text(sign_off.build(data), tmp_path))
    assert "王*山" in text and "王大山" not in text and "麻车组" in text


def test_summary_figures(worked, tmp_path):
    head = worked["head"]
    summary = cp.summary(head, worked["cid"])
    text = "".join(pages_text(campaign_summary.build(summary), tmp_path))
    assert "中秋慰问活动总结" in text
    assert "2,000.00" in text  # the budget
    assert "220.00" in text  # two packages: 2 × (50 + 60) yuan
    assert "预算余1,780.00元" in text
    # targets, visited, nobody home, declined, gone, open, delivered, signed, calls
    assert "慰问对象已走访不在家（待再访）拒访迁出/去世未走访已发放已签收上门次数621004223" in text
    assert "麻车村" in text and "沙头村" in text and "石滩粮油公司" not in text
    assert "周*" in text and "屋顶漏雨，想申请危房改造" in text
    assert "经办人：" in text and "站长：" in text
    assert "活动尚未结束" in text
    cp.close_campaign(head, worked["cid"], "按计划完成")
    closed = cp.summary(head, worked["cid"])
    text = "".join(pages_text(campaign_summary.build(closed, lang="en"), tmp_path, "en"))
    assert "Closedon" in text and "按计划完成" in text and "220.00" in text


def test_workbook_sheets_and_cells(worked, tmp_path):
    from python_calamine import CalamineWorkbook

    head = worked["head"]
    cp.remove_target(head, _target(worked["cid"], "吴八"), "已搬去县城与子女同住")
    out = tmp_path / "中秋.xlsx"
    assert campaign_exports.export_campaign(head, worked["cid"], out) == 6
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["汇总", "慰问对象", "按村统计", "按小组统计", "物资", "志愿者",
                                "群众诉求"]
    targets = book.get_sheet_by_name("慰问对象").to_python()
    header = targets[2]
    assert header[:5] == ["序号", "小组", "村居", "户主", "身份证号"]
    rows = {r[3]: dict(zip(header, r, strict=True)) for r in targets[3:]}
    assert rows["王大山"]["身份证号"] == "110***********8835"  # full name, masked number
    assert rows["王大山"]["电话"] == "139****5678"
    assert rows["李桂兰"]["状态"] == "已走访" and rows["李桂兰"]["发放"] == "是"
    assert rows["张三"]["状态"] == "不在家（待再访）" and rows["张三"]["走访次数"] == 1
    assert rows["周七"]["诉求数"] == 1
    assert rows["吴八"]["状态"] == "已移出" and "已搬去县城" in rows["吴八"]["加入/移出原因"]
    figures = {r[0]: r[1] for r in book.get_sheet_by_name("汇总").to_python()[3:]}
    assert figures["慰问对象（户）"] == 5 and figures["已发放"] == 2
    assert figures["发放物资价值（元）"] == 220 and figures["预算（元）"] == 2000
    villages = book.get_sheet_by_name("按村统计").to_python()
    assert villages[-1][:3] == ["合计", 5, 2]
    goods = {r[0]: r[2:4] for r in book.get_sheet_by_name("物资").to_python()[3:] if r[0]}
    assert goods["大米（10kg）"] == [2, 100] and goods["食用油（5L）"] == [2, 120]
    needs = book.get_sheet_by_name("群众诉求").to_python()
    assert needs[3][1:4] == ["沙头村", "周*", "屋顶漏雨，想申请危房改造"]


def test_front_desk_may_not_export(worked, staff_actors, tmp_path):
    front = staff_actors["front_desk"]
    with pytest.raises(PermissionDenied):
        campaign_exports.export_campaign(front, worked["cid"], tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
