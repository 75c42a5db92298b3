"""Activity printouts and workbooks: 活动签到表 (who signed up, a member under the household
head, no phones or ID numbers, blank rows, the volunteers), 项目进度报告 at any date (targets
against what was done; cases a count, no case client's name or notes) with its .xlsx, the
year's figures workbook, and the wish list for partner companies (alias and village only)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from station_desk.core.errors import NotFound, ValidationError
from station_desk.core.reports import activity_sheet, project_report, wish_list
from station_desk.core.services import activities as act
from station_desk.core.services import activity_exports as ax
from station_desk.core.services import cases as cs
from station_desk.core.services import inventory as inv
from station_desk.core.services import station, stock
from station_desk.core.services import wishes as ws

from .test_activities import TODAY, town  # noqa: F401
from .test_campaign_printouts import pages_text

DAY = dt.timedelta(days=1)
HELD = TODAY - 2 * DAY  # in the same year as the wishes placed below, barring 1-2 January
YEAR = HELD.year


@pytest.fixture
def worked(town):  # noqa: F811 (the fixture imported above)
    """A project with a held activity (王秀英, her grandson 王小军 and 李桂兰 signed up; 王秀英
    and 王小军 came, 陈大山 walked in, 12 more; 陈秀英 served, 刘志明 did not; 3 bags of rice
    used), a planned one and a cancelled one; 陈大山's case under the project; four wishes:
    placed, taken, rated and cancelled."""
    head, worker = town["head"], town["social_worker"]
    station.save_station(head, name="石滩镇社工站", phone="0752-3821234")
    project = act.save_project(head, act.ProjectInput(
        "喘息服务项目", HELD - 100 * DAY, HELD + 200 * DAY, funder="政府购买服务",
        target_groups="重度残疾人家庭", target_families=10, target_person_times=40,
        target_services=8, target_value_fen=100_000, budget_fen=5_000_000))
    held = act.save_activity(worker, act.ActivityInput(
        "长者健康讲座", "community", HELD, "09:00", "11:30", place="文化室",
        village_id=town["macun"], theme="冬季防跌倒", partners="镇卫生院", project_id=project.id))
    act.add_participants(worker, held.id, [(town["wang"], None), (town["wang"], town["grandson"]),
                                           (town["li"], None)])
    act.set_volunteers(worker, held.id, [town["v1"], town["v2"]])
    came = [p.id for p in act.get_activity(worker, held.id).participants if p.name != "李桂兰"]
    act.record_attendance(worker, held.id, act.AttendanceInput(
        came=came, walk_ins=[(town["chen"], None)], extra_count=12,
        volunteers_came=[town["v1"]]))
    act.use_goods(worker, held.id, [stock.OutLine(town["rice"], 3)])
    planned = act.save_activity(worker, act.ActivityInput(
        "亲子手工小组", "group", TODAY + 5 * DAY, project_id=project.id))
    act.add_participants(worker, planned.id, [(town["li"], None)])
    dropped = act.save_activity(worker, act.ActivityInput("下雨取消", "festival", HELD))
    act.cancel_activity(worker, dropped.id, "下雨")
    case = cs.open_case(worker, cs.CaseInput(town["chen"], "照护压力大，想找人替换照看",
                                             opened_on=HELD - 10 * DAY))
    act.link_case(worker, project.id, case.id)
    cs.add_record(worker, case.id, cs.RecordInput("上门喘息服务四小时", served_on=HELD - 5 * DAY))
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩爱心超市")).id
    placed = ws.place_wish(worker, ws.WishInput(
        town["wang"], "一套课外书", alias="小军", member_id=town["grandson"],
        why="喜欢看书，家里没有课外书", estimated_fen=12000, placed_on=HELD))
    taken = ws.place_wish(worker, ws.WishInput(town["li"], "助行器", alias="李奶奶",
                                               why="腿脚不便", estimated_fen=20000,
                                               placed_on=HELD))
    ws.take_wish(worker, taken.id, taken_on=HELD)
    rated = ws.place_wish(worker, ws.WishInput(town["chen"], "电暖器", alias="陈爷爷",
                                               estimated_fen=30000, placed_on=HELD))
    ws.adopt_wish(worker, rated.id, ws.AdoptInput(donor, "cash", cash_fen=30000, adopted_on=HELD))
    ws.deliver_wish(worker, rated.id, HELD, spent_fen=29900, bought_from="镇电器店")
    ws.rate_wish(worker, rated.id, 4, "很暖和", rated_on=HELD)
    gone = ws.place_wish(worker, ws.WishInput(town["li"], "轮椅", alias="李奶奶",
                                              placed_on=HELD))
    ws.cancel_wish(worker, gone.id, "已由残联配发")
    return {**town, "project": project.id, "held": held.id, "planned": planned.id,
            "dropped": dropped.id, "case": case.id, "wishes": (placed.id, taken.id)}


def test_the_sign_in_sheet(worked, tmp_path):
    worker = worked["social_worker"]
    data = ax.sheet_data(worker, worked["held"])
    assert (data.station, data.title, data.kind, data.place, data.village, data.project) == (
        "石滩镇社工站", "长者健康讲座", "community", "文化室", "麻车村", "喘息服务项目")
    people = {p.name: p for p in data.participants}
    assert sorted(people) == ["李桂兰", "王小军", "王秀英", "陈大山"]  # the walk-in too
    assert people["王小军"].head == "王秀英" and people["王秀英"].head == ""
    assert people["陈大山"].village == "沙头村"
    assert sorted(data.volunteers) == ["刘志明", "陈秀英"]
    assert data.blank_rows == ax.DEFAULT_BLANK
    pages = pages_text(activity_sheet.build(data), tmp_path, "sheet")
    text = "".join(pages)
    for shown in ("活动签到表", "长者健康讲座", "社区活动", "冬季防跌倒", "镇卫生院", "喘息服务项目",
                  "签到（本人签名）", "王小军", "户主：王秀英", "沙头村", "陈秀英", "签退时间",
                  f"已报名4人，另留{ax.DEFAULT_BLANK}行", "第1页/共"):
        assert shown in text, shown
    for hidden in ("13800001111", "1111", "2222"):  # the volunteers' phones
        assert hidden not in text
    numbers = [str(n) for n in range(1, 4 + ax.DEFAULT_BLANK + 1)]
    assert all(n in text for n in numbers)  # the blank rows are numbered on
    english = "".join(pages_text(activity_sheet.build(data, lang="en"), tmp_path, "sheet_en"))
    assert "Activitysign-insheet" in english and "Communityactivity" in english
    assert "household:王秀英" in english
    assert activity_sheet.problems(data) == []
    # more blank rows on request; the front desk gets blank rows only
    assert ax.sheet_data(worker, worked["planned"], blank=25).blank_rows == 25
    desk = ax.sheet_data(worked["front_desk"], worked["held"])
    assert desk.participants == () and sorted(desk.volunteers) == ["刘志明", "陈秀英"]
    with pytest.raises(ValidationError) as bad:
        ax.sheet_data(worker, worked["dropped"])
    assert bad.value.code == "activity_sheet_cancelled"
    with pytest.raises(ValidationError) as bad:
        ax.sheet_data(worker, worked["held"], blank=-1)
    assert bad.value.code == "bad_number"
    with pytest.raises(NotFound):
        ax.sheet_data(worker, 9999)


def test_a_long_sheet_runs_over_pages_with_its_header(worked, tmp_path):
    data = ax.sheet_data(worked["social_worker"], worked["held"])
    many = tuple(dataclasses.replace(data.participants[0], name=f"参加者{n:02d}")
                 for n in range(40))
    pages = pages_text(activity_sheet.build(dataclasses.replace(data, participants=many)),
                       tmp_path, "long")
    assert len(pages) >= 3
    assert all("签到（本人签名）" in page for page in pages[1:2])  # the header repeats
    assert "参加者39" in "".join(pages) and f"第1页/共{len(pages)}页" in pages[0]


def test_the_project_report_at_any_date(worked, tmp_path):
    head = worked["head"]
    data = ax.project_report_data(head, worked["project"])
    targets = {t.key: (t.target, t.done, t.percent) for t in data.targets}
    # came: 王秀英, 王小军, 陈大山 + 12; families 王, 陈 (came; 陈's case too)
    assert targets["person_times"] == (40, 15, 38)
    assert targets["families"] == (10, 2, 20)
    assert targets["services"] == (8, 2, 25)  # one activity held + one case record
    assert targets["value"] == (100_000, 15_000, 15)  # 3 bags of rice at 50 yuan
    assert (data.activities_held, data.cases, data.records) == (1, 1, 1)
    assert (data.volunteer_times, data.volunteer_hours) == (1, 2.5)
    assert [a.title for a in data.activities] == ["长者健康讲座"]  # the planned one is later
    assert data.activities[0].person_times == 15 and data.activities[0].volunteers == 2
    assert data.by_kind == (("community", 1, 15),)
    pdf_bytes = project_report.build(data)
    text = "".join(pages_text(pdf_bytes, tmp_path, "project"))
    for shown in ("项目进度报告", "喘息服务项目", "政府购买服务", "重度残疾人家庭", "服务人次", "38%",
                  "1,000.00", "150.00", "长者健康讲座", "社区活动", "50,000.00", "项目负责人"):
        assert shown in text, shown
    for hidden in ("陈大山", "照护压力大", "上门喘息服务"):  # the case: a count only
        assert hidden not in text, hidden
    english = "".join(pages_text(project_report.build(data, lang="en"), tmp_path, "project_en"))
    assert "Projectprogressreport" in english and "Person-times" in english
    assert project_report.problems(data) == []
    # at a date before anything happened: nothing done, nothing listed
    early = ax.project_report_data(head, worked["project"], on=HELD - 50 * DAY)
    assert [t.done for t in early.targets] == [0, 0, 0, 0] and early.activities == ()
    assert early.on == HELD - 50 * DAY and 0 < early.elapsed_percent < data.elapsed_percent
    assert "暂无" in "".join(pages_text(project_report.build(early), tmp_path, "early"))
    # later, the planned activity is listed (greyed, not counted)
    later = ax.project_report_data(head, worked["project"], on=TODAY + 10 * DAY)
    assert [a.title for a in later.activities] == ["长者健康讲座", "亲子手工小组"]
    assert "亲子手工小组（计划中）" in "".join(pages_text(project_report.build(later), tmp_path,
                                                          "later"))
    with pytest.raises(NotFound):
        ax.project_report_data(head, 9999)


def test_the_project_workbook(worked, tmp_path):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "project.xlsx"
    written = ax.export_project(worked["head"], worked["project"], out)
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["项目概况", "按月", "按活动类型", "活动清单"]
    summary = book.get_sheet_by_name("项目概况").to_python()
    assert summary[0][0].startswith("石滩镇社工站 喘息服务项目")
    lines = {r[0]: r[1:4] for r in summary[3:] if r and r[0]}
    assert lines["服务人次"] == [40, 15, "38%"]
    assert lines["链接资源（元）"] == [1000, 150, "15%"]
    assert lines["志愿服务（人次）"][0] == 1 and lines["服务个案（个）"][0] == 1
    months = book.get_sheet_by_name("按月").to_python()
    assert months[2] == ["月份", "活动（场）", "服务人次", "个案服务记录"]
    assert months[-1][0] == "合计" and months[-1][2] == 15
    listed = book.get_sheet_by_name("活动清单").to_python()
    assert listed[3][2] == "长者健康讲座" and listed[3][9] == 15 and len(listed) == 4
    everything = str([book.get_sheet_by_name(n).to_python() for n in book.sheet_names])
    assert "陈大山" not in everything and "照护压力大" not in everything
    assert written == 4 + len(months) - 4 + 1 + 1  # targets, months, kinds, activities


def test_the_year_figures_workbook(worked, tmp_path):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "figures.xlsx"
    assert ax.export_figures(worked["head"], YEAR, out) > 0
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["汇总", "按活动类型", "按月份", "按村居", "项目进度", "微心愿"]
    totals = {r[0]: r[1] for r in book.get_sheet_by_name("汇总").to_python()[3:]}
    assert totals["举办活动（场）"] == 1 and totals["服务人次"] == 15
    assert totals["志愿服务（人次）"] == 1 and totals["志愿服务时长（小时）"] == 2.5
    assert totals["活动使用物资价值（元）"] == 150 and totals["微心愿下单（个）"] == 4
    kinds = book.get_sheet_by_name("按活动类型").to_python()
    assert kinds[2] == ["活动类型", "活动（场）", "参与人数（在册）", "服务人次"]
    assert kinds[3] == ["社区活动", 1, 3, 15]  # the cancelled one is not counted
    villages = {r[0]: r[1:] for r in book.get_sheet_by_name("按村居").to_python()[3:]}
    assert villages["沙头村"] == [1, 1, 1] and villages["麻车村"] == [1, 2, 14]
    assert villages["合计"] == [1, "", 15]  # one activity, whichever villages came to it
    projects = book.get_sheet_by_name("项目进度").to_python()
    assert projects[3][1] == "喘息服务项目" and projects[3][8] == 15 and projects[3][9] == 40
    wishes = {r[0]: r[1] for r in book.get_sheet_by_name("微心愿").to_python()[3:] if r[0]}
    assert (wishes["下单"], wishes["认领（买单）"], wishes["实现（已送达）"], wishes["已评价"]) == (
        4, 1, 1, 1)
    assert wishes["平均评分（1–5）"] == 4 and wishes["已取消"] == 1 and wishes["已接单"] == 1
    with pytest.raises(ValidationError) as bad:
        ax.export_figures(worked["head"], "20x6", tmp_path / "bad.xlsx")
    assert bad.value.code == "bad_year"


def test_the_wish_list_shows_aliases_and_villages_only(worked, tmp_path):
    data = ax.wish_list_data(worked["social_worker"])
    assert data.station == "石滩镇社工站" and data.phone == "0752-3821234"
    assert [(w.alias, w.village, w.what) for w in data.wishes] == [
        ("小军", "麻车村", "一套课外书"), ("李奶奶", "麻车村", "助行器")]
    assert data.total_fen == 32000
    assert not any(hasattr(w, "head_name") or hasattr(w, "household_id") for w in data.wishes)
    text = "".join(pages_text(wish_list.build(data), tmp_path, "wishes"))
    for shown in ("微心愿认领清单", "小军", "李奶奶", "一套课外书", "喜欢看书", "120.00", "认领",
                  "0752-3821234", f"#{worked['wishes'][0]}", "估值合计320.00元"):
        assert shown in text, shown
    for hidden in ("王秀英", "王小军", "李桂兰", "陈爷爷", "电暖器", "轮椅"):
        assert hidden not in text, hidden
    english = "".join(pages_text(wish_list.build(data, lang="en"), tmp_path, "wishes_en"))
    assert "Micro-wishestoadopt" in english and "Adoptedby" in english
    assert wish_list.problems(data) == []
    # the front desk may print it too; with no open wishes it says so
    assert len(ax.wish_list_data(worked["front_desk"]).wishes) == 2
    empty = dataclasses.replace(data, wishes=())
    assert "目前没有待认领的微心愿" in "".join(pages_text(wish_list.build(empty), tmp_path, "none"))


def test_characters_no_font_prints_are_named(worked):
    from station_desk.core.reports import fonts

    odd = next(chr(c) for c in range(0xE000, 0xF8FF) if fonts.unprintable_chars(chr(c)))
    sheet = ax.sheet_data(worked["social_worker"], worked["held"])
    person = dataclasses.replace(sheet.participants[0], name=f"王{odd}")
    assert activity_sheet.problems(dataclasses.replace(sheet, participants=(person,))) == [
        (f"王{odd}", odd)]
    wishes = ax.wish_list_data(worked["social_worker"])
    line = dataclasses.replace(wishes.wishes[0], what=f"一套{odd}")
    assert wish_list.problems(dataclasses.replace(wishes, wishes=(line,))) == [
        (f"#{line.number} 小军", odd)]
