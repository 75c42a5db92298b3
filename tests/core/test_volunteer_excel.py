"""Volunteer rosters in from Excel/CSV; the monthly hours ledger out to .xlsx."""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from station_desk.cli import main
from station_desk.core.clock import stamp
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import AuditLog, Skill, Team, Volunteer
from station_desk.core.reports import hours_ledger
from station_desk.core.services import attendance as att
from station_desk.core.services import volunteer_import as importer
from station_desk.core.services import volunteers as vs
from station_desk.messages import text

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def _id(prefix17: str) -> str:
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, WEIGHTS, strict=True)) % 11]


CHEN = _id("44011819800307002")  # a woman born 1980-03-07
HE = _id("44011819920515001")  # a man born 1992-05-15
LUO = _id("44011819580101003")  # a man born 1958-01-01


def write_xlsx(path, rows, merges=()):
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet("花名册")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for r1, c1, r2, c2, value in merges:
        ws.merge_range(r1, c1, r2, c2, value)
    merged = {(r1, c1) for r1, c1, *_ in merges}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or (r, c) in merged:
                continue
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    workbook.close()
    return path


@pytest.fixture
def station(staff_actors):
    head = staff_actors["head"]
    for name in ("党员先锋队", "巾帼志愿队", "医疗服务队"):
        vs.save_team(head, name=name)
    for name in ("医疗", "理发", "驾驶", "心理"):  # the migration has some of them
        if not Skill.select().where(Skill.name == name).exists():
            vs.save_skill(head, name=name)
    return staff_actors


def reasons(report, lang="zh"):
    return [(p.row, p.header, p.value, text(p.code, lang, **p.message_params()))
            for p in report.problems]


HEADER = ["序号", "姓名", "性别", "联系电话", "公民身份号码", "政治面貌", "所属队伍", "技能/特长",
          "注册编号", "注册时间", "紧急联系人", "紧急联系电话", "民族", "备注"]


def messy(rows):
    """Two title rows (one merged), then the header, the rows and a sign-off line."""
    return ([["石滩镇志愿者花名册"], ["填报单位：石滩镇第一社工服务站", None, None, "2026年11月"],
             HEADER, *rows, [], ["填表人：林小燕", None, None, "审核人：刘丽萍"]],
            [(0, 0, 0, len(HEADER) - 1, "石滩镇志愿者花名册")])


def test_a_messy_roster_is_read_as_offices_keep_it(tmp_path, station):
    head = station["head"]
    rows, merges = messy([
        [1, "陈 秀英", "女", "１３９１２３４５６７８", CHEN.translate(FULL_WIDTH), "中共党员",
         "党员先锋队", "医疗、理发", "44010000123", dt.date(2023, 3, 5), "何志强", "13800138000",
         "汉族", "周末有空"],
        [2, "何家明", None, "13712340001", HE.lower(), "群众", "巾帼志愿队", "驾驶", None,
         "2024年6月1日", None, None, None, None],
        [3, "罗伯", "男", "13712340002", None, "中共预备党员", None, None, "44010000999", None,
         None, None, None, None],
    ])
    path = write_xlsx(tmp_path / "roster.xlsx", rows, merges)
    source = importer.open_source(path)
    assert source.header_row == 2 and source.ignored() == ["民族"]
    report = importer.check_import(head, source)
    assert report.ok, reasons(report)
    assert (report.header, report.data_rows, report.new, report.updated) == (3, 3, 3, 0)
    assert Volunteer.select().count() == 0  # the check writes nothing
    report = importer.import_volunteers(head, source)
    assert report.written and report.new == 3
    chen = Volunteer.get(Volunteer.id_number == CHEN)
    assert (chen.name, chen.gender, chen.phone, chen.phone_tail) == ("陈秀英", "female", "13912345678", "5678")
    assert chen.party_member and chen.team.name == "党员先锋队" and chen.birthdate == dt.date(1980, 3, 7)
    assert sorted(link.skill.name for link in chen.skill_links) == ["医疗", "理发"]
    assert chen.platform_number == "44010000123" and chen.joined_on == dt.date(2023, 3, 5)
    assert (chen.emergency_contact, chen.emergency_phone, chen.notes) == ("何志强", "13800138000", "周末有空")
    he = Volunteer.get(Volunteer.id_number == HE.upper())
    assert he.gender == "male" and not he.party_member and he.joined_on == dt.date(2024, 6, 1)
    luo = Volunteer.get(Volunteer.name == "罗伯")
    assert luo.party_member and luo.id_number is None and luo.team is None
    assert AuditLog.select().where(AuditLog.table_name == "volunteer").count() >= 3


def test_volunteers_on_file_are_updated_not_duplicated(tmp_path, station):
    head = station["head"]
    medical = Team.get(Team.name == "医疗服务队")
    first = write_xlsx(tmp_path / "a.xlsx", [
        ["姓名", "手机号码", "身份证号码", "服务队", "志愿者编号"],
        ["陈秀英", "13912345678", CHEN, "党员先锋队", ""],
        ["罗伯", "13712340002", "", "", "44010000999"]])
    importer.import_volunteers(head, importer.open_source(first))
    chen_id = Volunteer.get(Volunteer.id_number == CHEN).id
    second = write_xlsx(tmp_path / "b.xlsx", [
        ["姓名", "联系电话", "身份证号", "所属服务队", "特长", "注册编号"],
        ["陈秀英", None, CHEN, "医疗服务队", "医疗", None],  # new team, phone kept
        ["罗伯", "13712340002", None, None, None, "44010000999"],  # found by 注册编号: unchanged
        ["何家明", "13712340001", HE, None, None, None]])
    report = importer.check_import(head, importer.open_source(second))
    assert (report.new, report.updated, report.unchanged) == (1, 1, 1)
    report = importer.import_volunteers(head, importer.open_source(second))
    assert Volunteer.select().count() == 3
    chen = Volunteer.get_by_id(chen_id)
    assert chen.team_id == medical.id and chen.phone == "13912345678"
    assert [link.skill.name for link in chen.skill_links] == ["医疗"]
    again = importer.check_import(head, importer.open_source(second))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)


def test_every_bad_row_is_reported_and_nothing_is_written(tmp_path, station):
    head = station["head"]
    bad_id = CHEN[:-1] + ("0" if CHEN[-1] != "0" else "1")
    rows, merges = messy([
        [1, "陈秀英", "女", "13912345678", CHEN, None, "火星队", "医疗", None, None, None, None, None, None],
        [2, "何家明", "男", "13712340001", HE, None, None, "飞行", None, "2024-13-45", None, None, None, None],
        [3, "罗伯", "男", "137****0002", bad_id, None, None, None, None, None, None, None, None, None],
        [4, None, "男", "13712340003", None, None, None, None, None, None, None, None, None, None],
        [5, "张三", "未知", "13712340004", CHEN, None, None, None, None, None, None, None, None, None],
        [6, "李四", "男", "12345", LUO, None, None, None, None, None, None, None, None, None],
    ])
    path = write_xlsx(tmp_path / "bad.xlsx", rows, merges)
    before = (Volunteer.select().count(), AuditLog.select().count())
    with pytest.raises(importer.RosterRejected) as rejected:
        importer.import_volunteers(head, importer.open_source(path))
    report = rejected.value.report
    found = reasons(report)
    assert {row for row, *_ in found} == {4, 5, 6, 7, 8, 9}
    assert (4, "所属队伍", "火星队", "本站没有“火星队”这支服务队。可选：党员先锋队、巾帼志愿队、医疗服务队") in found
    assert any(r[0] == 5 and r[1] == "技能/特长" and "飞行" in r[3] for r in found)
    assert any(r[0] == 5 and r[1] == "注册时间" for r in found)
    assert any(r[0] == 6 and r[1] == "联系电话" and "脱敏" in r[3] for r in found)
    assert any(r[0] == 6 and r[1] == "公民身份号码" for r in found)  # both of the row's problems
    assert any(r[0] == 7 and r[3] == "这一行没有姓名。" for r in found)
    assert any(r[0] == 8 and r[1] == "性别" for r in found)
    assert any(r[0] == 9 and r[1] == "联系电话" for r in found), found
    assert all(CHEN not in r[2] and "13912345678" not in r[2] for r in found)  # masked
    assert (Volunteer.select().count(), AuditLog.select().count()) == before
    # The same ID number twice in the file
    twice = write_xlsx(tmp_path / "twice.xlsx", [["姓名", "身份证号码"], ["陈秀英", CHEN], ["陈秀", CHEN]])
    report = importer.check_import(head, importer.open_source(twice))
    assert [(p.row, p.code) for p in report.problems] == [(3, "import_id_twice_in_file")]
    assert "第 2 行和第 3 行" in reasons(report)[0][3]


def test_csv_in_gb18030_and_files_that_are_not_rosters(tmp_path, station):
    head = station["head"]
    path = tmp_path / "roster.csv"
    path.write_bytes(f"志愿者姓名,手机,身份证,队伍\n陈秀英,13912345678,{CHEN},巾帼志愿队\n"
                     .encode("gb18030"))
    report = importer.import_volunteers(head, importer.open_source(path))
    assert report.new == 1 and Volunteer.get().team.name == "巾帼志愿队"
    odd = write_xlsx(tmp_path / "odd.xlsx", [["日期", "金额"], ["2026-01-01", 3]])
    with pytest.raises(ValidationError) as error:
        importer.open_source(odd)
    assert error.value.code == "volunteer_import_no_header"
    with pytest.raises(ValidationError) as error:
        importer.open_source(tmp_path / "missing.xlsx")
    assert error.value.code == "import_no_file"
    empty = write_xlsx(tmp_path / "empty.xlsx", [["姓名", "手机号码", "服务队"]])
    with pytest.raises(ValidationError) as error:
        importer.check_import(head, importer.open_source(empty))
    assert error.value.code == "import_no_rows"


def test_the_kiosk_may_not_import(tmp_path, station):
    path = write_xlsx(tmp_path / "p.xlsx", [["姓名", "手机号码"], ["陈秀英", "13912345678"]])
    source = importer.open_source(path)
    for check in (importer.check_import, importer.import_volunteers):
        with pytest.raises(PermissionDenied):
            check(station["kiosk"], source)


def test_import_from_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STATION_DESK_DB", str(tmp_path / "station.sqlite3"))
    assert main(["demo", "--households", "0", "--volunteers", "10"]) == 0
    capsys.readouterr()
    count = Volunteer.select().count()
    good = write_xlsx(tmp_path / "good.xlsx", [
        ["志愿者名册"], ["姓名", "手机号码", "身份证号码", "服务队", "技能", "政治面貌"],
        ["陈秀英", "13912345678", CHEN, "巾帼志愿队", "理发", "中共党员"]], [(0, 0, 0, 5, "志愿者名册")])
    assert main(["import", "volunteers", str(good), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "表头在第 2 行，1 行数据" in out and "导入将新增 1 名志愿者" in out
    assert Volunteer.select().count() == count
    assert main(["--lang", "en", "import", "volunteers", str(good), "--sheet", "1"]) == 0
    assert "Imported: 1 volunteers added" in capsys.readouterr().out
    assert Volunteer.select().count() == count + 1
    bad = write_xlsx(tmp_path / "bad.xlsx", [["姓名", "所属队伍"], ["何家明", "火星队"]])
    assert main(["import", "volunteers", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "发现 1 处问题（涉及 1 行），没有导入任何数据" in err
    assert "第 2 行 B 所属队伍：本站没有“火星队”这支服务队。" in err
    assert Volunteer.select().count() == count + 1


# --- the monthly hours ledger -------------------------------------------------------------

TZ = dt.timezone(dt.timedelta(hours=8))


def _at(day, hh, mm=0):
    return dt.datetime(2026, 10, day, hh, mm, tzinfo=TZ)


def _volunteer(name, team=None, number=""):
    return Volunteer.create(name=name, phone="13900000000", phone_tail="0000", team=team,
                            platform_number=number, created_at=stamp(), updated_at=stamp())


@pytest.fixture
def october(station, monkeypatch):
    """Two teams, two volunteers of the same name, visits in October and one in November."""
    monkeypatch.setattr(att, "now", lambda: dt.datetime(2026, 11, 23, 12, tzinfo=TZ))
    head = station["head"]
    party, women = Team.get(Team.name == "党员先锋队"), Team.get(Team.name == "巾帼志愿队")
    a = _volunteer("陈秀英", party, "44010000001")
    b = _volunteer("陈秀英", women, "44010000002")
    c = _volunteer("何家明", None)
    att.record_paper(head, a.id, sign_in_at=_at(3, 9), sign_out_at=_at(3, 12))  # 3 h, pending
    first = att.record_paper(head, a.id, sign_in_at=_at(10, 9), sign_out_at=_at(10, 11, 30))
    att.correct(head, first.id, reason="核对纸质签到表")  # confirmed: 2.5 h
    att.punch(station["kiosk"], b.id, at=_at(5, 8))
    att.punch(station["kiosk"], b.id, at=_at(5, 12))  # walk-in, 4 h
    voided = att.record_paper(head, c.id, sign_in_at=_at(6, 9), sign_out_at=_at(6, 10))
    att.void(head, voided.id, reason="误登")
    att.record_paper(head, c.id, sign_in_at=dt.datetime(2026, 11, 2, 9, tzinfo=TZ),
                     sign_out_at=dt.datetime(2026, 11, 2, 10, tzinfo=TZ))  # another month
    return head, a, b, c


def test_the_hours_ledger_per_volunteer_and_team(tmp_path, october):
    head, a, b, _ = october
    ledger = hours_ledger.export(head, "2026-10", tmp_path / "hours.xlsx")
    assert [(v.volunteer_id, v.person_times, v.hours, v.pending) for v in ledger.volunteers] == [
        (a.id, 2, 5.5, 1), (b.id, 1, 4.0, 0)]  # a paper visit is 补登 until staff confirm it
    assert ledger.total.person_times == 3 and ledger.total.hours == 9.5
    by_team = {line.key: line for line in att.hours_summary(
        head, dt.date(2026, 10, 1), dt.date(2026, 10, 31), by="team")}
    for team in ledger.teams:
        assert (team.person_times, team.hours, team.pending) == (
            by_team[team.team].person_times, by_team[team.team].hours, by_team[team.team].pending)

    workbook = CalamineWorkbook.from_path(str(tmp_path / "hours.xlsx"))
    assert workbook.sheet_names == ["志愿者", "服务队汇总"]
    rows = workbook.get_sheet_by_name("志愿者").to_python()
    assert rows[0][0].endswith("2026年10月志愿服务时长台账")
    assert "服务 2 人，3 人次，9.5 小时" in rows[1][0]
    assert rows[2] == ["序号", "姓名", "服务队", "志愿者编号", "服务人次", "服务时长（小时）", "待确认"]
    assert rows[3] == [1, "陈秀英", "党员先锋队", "44010000001", 2, 5.5, 1]
    assert rows[4] == [2, "陈秀英", "巾帼志愿队", "44010000002", 1, 4, 0]
    assert len(rows) == 5
    teams = workbook.get_sheet_by_name("服务队汇总").to_python()
    assert teams[2] == ["序号", "服务队", "服务人数", "服务人次", "服务时长（小时）", "待确认"]
    assert teams[3] == [1, "党员先锋队", 1, 2, 5.5, 1]
    assert teams[4] == [2, "巾帼志愿队", 1, 1, 4, 0]
    assert teams[5][0] == "合计" and teams[5][2:] == [2, 3, 9.5, 1]


def test_the_ledger_is_frozen_and_sized(tmp_path, october):
    import zipfile

    hours_ledger.export(october[0], "2026-10", tmp_path / "hours.xlsx")
    with zipfile.ZipFile(tmp_path / "hours.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert 'ySplit="3"' in sheet and 'state="frozen"' in sheet
    assert '<col min="2" max="2" width="' in sheet and "<mergeCell " in sheet


def test_bad_months_folders_and_rights(tmp_path, october, staff_actors):
    head = october[0]
    for month in ("2026-13", "11/2026", ""):
        with pytest.raises(ValidationError) as error:
            hours_ledger.gather(head, month)
        assert error.value.code == "bad_month"
    with pytest.raises(ValidationError) as error:
        hours_ledger.export(head, "2026-10", tmp_path / "no" / "hours.xlsx")
    assert error.value.code == "export_no_folder"
    with pytest.raises(PermissionDenied):
        hours_ledger.gather(staff_actors["kiosk"], "2026-10")
    empty = hours_ledger.export(head, "2025-01", tmp_path / "empty.xlsx")
    assert empty.volunteers == [] and empty.total.person_times == 0
    rows = CalamineWorkbook.from_path(str(tmp_path / "empty.xlsx")).get_sheet_by_name("服务队汇总").to_python()
    assert rows[-1][0] == "合计"


def test_export_hours_from_the_command_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STATION_DESK_DB", str(tmp_path / "station.sqlite3"))
    assert main(["demo", "--households", "0", "--volunteers", "30"]) == 0
    capsys.readouterr()
    last = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    out = tmp_path / "hours.xlsx"
    assert main(["export", "hours", "--month", f"{last:%Y-%m}", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"已导出 {out}：{last:%Y-%m} 志愿服务" in said
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("志愿者").to_python()
    assert len(rows) > 4 and all(isinstance(r[5], float) for r in rows[3:])
    assert main(["export", "hours", "--month", "2026-13", "--out", str(out)]) == 2
    assert "月份“2026-13”无法识别" in capsys.readouterr().err
    assert Skill.select().count() > 0


def test_an_ods_roster_and_choosing_its_sheet(tmp_path, station):
    from tests.core.test_import_households import write_ods

    path = write_ods(tmp_path / "roster.ods", [
        ["志愿者花名册"], ["姓名", "手机号", "身份证号码", "志愿服务队", "技能"],
        ["何家明", "13712340001", HE, "医疗服务队", "医疗/驾驶"]], sheet="第一批")
    source = importer.open_source(path, "第一批")
    report = importer.import_volunteers(station["head"], source)
    assert report.new == 1 and report.header == 2
    he = Volunteer.get(Volunteer.id_number == HE)
    assert he.team.name == "医疗服务队"
    assert sorted(link.skill.name for link in he.skill_links) == ["医疗", "驾驶"]
    with pytest.raises(ValidationError) as error:
        importer.open_source(path, "第二批")
    assert error.value.code == "import_no_sheet"
