"""Importing household ledgers: messy workbooks as offices send them, built here with
xlsxwriter (and CSV, and a hand-made .ods), every bad row reported and nothing written,
households on file updated by ID number, dry runs that write nothing, the command line."""

from __future__ import annotations

import datetime as dt
import zipfile
from xml.sax.saxutils import escape

import pytest
import xlsxwriter

from station_desk.cli import main
from station_desk.core import validate
from station_desk.core.errors import ValidationError
from station_desk.core.imports import households as ledger
from station_desk.core.models import (
    AuditLog,
    Category,
    Household,
    HouseholdCategory,
    Member,
    Staff,
    Tier,
    Village,
)
from station_desk.core.services import household_exports as exports
from station_desk.core.services import household_import as importer
from station_desk.core.services import households as hh
from station_desk.core.services import station
from station_desk.messages import text

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def _id(prefix17: str) -> str:
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, WEIGHTS, strict=True)) % 11]


ZHANG = _id("44011819500307013")  # a man born 1950-03-07, check digit X
LI = _id("44011819520101002")  # a woman born 1952-01-01
MING = _id("44011820100506003")  # a boy born 2010-05-06
WANG = _id("44011819600101003")  # a man born 1960-01-01
XIAO = _id("44011819900101001")  # a man born 1990-01-01


def numbered(i: int) -> str:
    """A different valid ID number for every i (born on consecutive days from 1940)."""
    born = dt.date(1940, 1, 1) + dt.timedelta(days=i)
    return _id(f"440118{born:%Y%m%d}{i % 1000:03d}")


def write_xlsx(path, rows, merges=(), sheet="Sheet1", extra_sheets=()):
    """Rows of cells (None: nothing written); a date or datetime is written as an Excel date;
    merges are (first_row, first_col, last_row, last_col, value)."""
    workbook = xlsxwriter.Workbook(str(path))
    for name in extra_sheets:
        workbook.add_worksheet(name)
    ws = workbook.add_worksheet(sheet)
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    merged = set()
    for r1, c1, r2, c2, value in merges:
        ws.merge_range(r1, c1, r2, c2, value)
        merged |= {(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None or (r, c) in merged:
                continue
            if isinstance(value, (dt.date, dt.datetime)):
                ws.write_datetime(r, c, value, date_format)
            elif isinstance(value, (int, float)):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    workbook.close()
    return path


def write_ods(path, rows, sheet="Sheet1"):
    """A minimal OpenDocument spreadsheet, as LibreOffice and WPS save them."""
    body = []
    for row in rows:
        cells = []
        for v in row:
            if v is None or v == "":
                cells.append("<table:table-cell/>")
            elif isinstance(v, (int, float)):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{v}">'
                             f"<text:p>{v}</text:p></table:table-cell>")
            else:
                cells.append('<table:table-cell office:value-type="string">'
                             f"<text:p>{escape(str(v))}</text:p></table:table-cell>")
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
               + "".join(body) + "</table:table></office:spreadsheet></office:body>"
               "</office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def counts():
    return (Household.select().count(), Member.select().count(),
            HouseholdCategory.select().count(), AuditLog.select().count())


def reasons(report, lang="zh"):
    return [(p.row, p.header, p.value, text(p.code, lang, **p.message_params()))
            for p in report.problems]


# The messy ledger: two title rows, a two-level merged header, members under their head,
# full-width digits, stray spaces, a lower-case x, header variants, dates in every form.
GROUPS = [("户主信息", 1, 3), ("家庭成员", 4, 8)]
SINGLE = {0: "序号", 9: "所属村（社区）", 10: "现居住地", 11: "类别", 12: "级别", 13: "责任社工",
          14: "登记时间", 15: "低保证号", 16: "备注"}
SUBS = ["", "姓名", "公民身份号码", "手机号码", "姓名", "与户主关系", "身份证号", "出生日期",
        "残疾类别及等级"]


def messy_rows(data):
    rows = [["石滩镇困难群众（一户一档）花名册"], ["填报单位：石滩镇社工站"], [], SUBS + [""] * 8]
    return rows + data


def messy_merges(last_col=16):
    merges = [(0, 0, 0, last_col, "石滩镇困难群众（一户一档）花名册"),
              (1, 0, 1, last_col, "填报单位：石滩镇社工站")]
    merges += [(2, first, 2, last, name) for name, first, last in GROUPS]
    merges += [(2, col, 3, col, name) for col, name in SINGLE.items()]
    return merges


MESSY_DATA = [
    [1, "张 三", ZHANG.lower().translate(FULL_WIDTH), "+86 138 0013 8000", "张三", "户主", "",
     "", "", "麻车村", " 麻车村 3 号 ", "低保、残疾人", "一级", "用户hhy",
     dt.date(2023, 6, 1), "440118001", "独居"],
    [None, None, None, None, "李四", "配偶", LI, dt.date(1952, 1, 1), "肢体二级"],
    [None, None, None, None, "张小明", "儿子", MING.translate(FULL_WIDTH), "2010年5月6日"],
    [2, "王五", WANG, "13900139000", "王五", "本人", "", "", "", "沙头", "沙头村5号",
     "低保户，高龄老人", 2, "", 45356, "", ""],
    [None, None, None, None, "王小", "儿子", XIAO, "1990/1/1", "视力 1级"],
]


@pytest.fixture
def village(staff_actors):
    return Village.get(Village.name == "麻车村")


def test_messy_two_level_ledger_is_read_as_offices_keep_it(tmp_path, staff_actors):
    head = staff_actors["head"]
    path = write_xlsx(tmp_path / "花名册.xlsx", messy_rows(MESSY_DATA), messy_merges(),
                      sheet="困难群众")
    source = importer.open_source(path)
    assert source.layout.header_rows == (2, 3)
    fields = {c.header: c.field for c in source.layout.columns}
    assert fields["户主信息 / 姓名"] == "head_name"
    assert fields["户主信息 / 公民身份号码"] == "head_id_number"
    assert fields["户主信息 / 手机号码"] == "head_phone"
    assert fields["家庭成员 / 姓名"] == "name"
    assert fields["家庭成员 / 与户主关系"] == "relation"
    assert fields["所属村(社区)"] == "village" and fields["现居住地"] == "address"
    assert fields["类别"] == "categories" and fields["级别"] == "tier"
    assert [c.header for c in source.layout.ignored()] == ["低保证号"]

    report = importer.check_import(head, source)
    assert report.ok, reasons(report)
    assert (report.households, report.households_new, report.members_new) == (2, 2, 5)
    assert report.header == "3–4" and report.data_rows == 5
    assert counts()[0] == 0  # a check writes nothing

    report = importer.import_households(head, source)
    assert report.written and report.households_new == 2
    zhang = Household.get(Household.head_name == "张三")
    assert zhang.village.name == "麻车村" and zhang.address == "麻车村 3 号"
    assert zhang.phone == "13800138000" and zhang.tier.name == "一级"
    assert zhang.social_worker.name == "用户hhy" and zhang.registered_on == dt.date(2023, 6, 1)
    assert zhang.notes == "独居" and zhang.due_on == dt.date(2023, 6, 8)
    assert " zs " in zhang.search_text and "13800138000" in zhang.search_text
    assert sorted(c.category.name for c in zhang.category_links) == ["低保", "残疾人"]
    members = {m.name: m for m in zhang.members}
    assert members["张三"].id_number == ZHANG and members["张三"].relation == "户主"
    assert members["张三"].gender == "male" and members["张三"].birthdate == dt.date(1950, 3, 7)
    assert members["李四"].relation == "配偶" and members["李四"].disability_type == "肢体残疾"
    assert members["李四"].disability_grade == "二级"
    assert members["张小明"].id_number == MING and members["张小明"].birthdate == dt.date(2010, 5, 6)
    wang = Household.get(Household.head_name == "王五")
    assert wang.village.name == "沙头村" and wang.tier.level == 2
    assert wang.registered_on == dt.date(2024, 3, 5)  # an Excel serial day
    assert wang.social_worker_id is None  # 沙头村 has nobody responsible
    assert sorted(c.category.name for c in wang.category_links) == ["低保", "高龄老人"]
    assert {m.name: m.relation for m in wang.members} == {"王五": "户主", "王小": "儿子"}
    assert Member.get(Member.name == "王小").disability_type == "视力残疾"
    audit = list(AuditLog.select().where(AuditLog.table_name == "household")
                 .order_by(AuditLog.id))
    assert [a.action for a in audit] == ["create", "create", "import"]
    assert "第 5 行" in audit[0].note and "花名册.xlsx" in audit[0].note
    assert audit[-1].actor_id == head.staff_id


def test_every_bad_cell_is_reported_and_nothing_is_written(tmp_path, staff_actors):
    head = staff_actors["head"]
    data = [[str(i), f"户主{i}", numbered(i), "麻车村", "低保"] for i in range(1, 801)]
    header_row = ["序号", "户主姓名", "身份证号码", "村居", "人员类别"]
    rows = [["服务对象台账"], header_row] + data
    # Excel row r is rows[r - 1]; data row i sits on Excel row i + 2.
    rows[19][2] = float(numbered(18))  # row 20: an ID number stored as a number
    rows[99][2] = "440118500307013"  # row 100: an old 15-digit number
    rows[399][2] = "440***********1234"  # row 400: masked, from a masked export
    rows[712][3] = "火星村"  # row 713: no such village
    rows[749][4] = "低保、外星人"  # row 750: no such category
    rows[789][2] = numbered(5)  # row 790: the number of row 7 again
    rows[299][2] = numbered(299)[:-1] + ("0" if numbered(299)[-1] != "0" else "1")  # row 300
    path = write_xlsx(tmp_path / "ledger.xlsx", rows, [(0, 0, 0, 4, "服务对象台账")])
    before = counts()
    source = importer.open_source(path)
    report = importer.check_import(head, source)
    got = {(p.row, p.header, p.code) for p in report.problems}
    assert got == {(20, "身份证号码", "id_as_number"), (100, "身份证号码", "id_old_15"),
                   (300, "身份证号码", "bad_id_checksum"), (400, "身份证号码", "import_masked_id"),
                   (713, "村居", "import_unknown_village"),
                   (750, "人员类别", "import_unknown_category"),
                   (790, "身份证号码", "import_id_twice_in_file")}
    assert report.bad_rows == 7 and report.households == 800
    lines = {row: (value, reason) for row, _h, value, reason in reasons(report)}
    assert lines[20][0] == "4.40118E+17" and "存成了数字" in lines[20][1]
    assert "15 位" in lines[100][1]
    assert "脱敏" in lines[400][1] and lines[400][0] == "440***********1234"
    assert lines[713] == ("火星村", "本站没有“火星村”这个村居。")
    assert lines[750][0] == "外星人"
    assert "第 7 行和第 790 行" in lines[790][1]
    assert lines[300][0].startswith("440") and "*" in lines[300][0]  # shown masked
    en = {row: reason for row, _h, _v, reason in reasons(report, "en")}
    assert en[713] == 'The station has no village "火星村".'
    with pytest.raises(importer.ImportRejected) as rejected:
        importer.import_households(head, source)
    assert rejected.value.report.problems == report.problems
    assert counts() == before


def test_header_variants_single_level_one_row_per_household(tmp_path, staff_actors):
    head = staff_actors["head"]
    rows = [["户主", "身份证", "联系方式", "村", "住址", "人员类型", "分级", "建档日期", "开户银行"],
            ["赵六", ZHANG, "020-82861110", "麻车村委会", "三巷", "特困", "4", "2024/3/5", "农商行"],
            ["钱七", LI, "02082861111", "沙头村", "", "", "四级", "20240306", ""],
            ["孙八", "", "13800138000", "沙头村", "", "", "", dt.datetime(2024, 3, 7, 9, 30), ""]]
    path = write_xlsx(tmp_path / "v.xlsx", rows)
    report = importer.import_households(head, importer.open_source(path))
    assert report.ok and report.households_new == 3 and report.ignored == ("开户银行",)
    zhao = Household.get(Household.head_name == "赵六")
    assert zhao.village.name == "麻车村" and zhao.phone == "020-82861110"
    assert zhao.registered_on == dt.date(2024, 3, 5) and zhao.tier.level == 4
    assert [c.category.name for c in zhao.category_links] == ["特困供养"]
    qian = Household.get(Household.head_name == "钱七")
    assert qian.phone == "020-82861111" and qian.registered_on == dt.date(2024, 3, 6)
    assert Household.get(Household.head_name == "孙八").registered_on == dt.date(2024, 3, 7)
    assert Member.get(Member.name == "孙八").id_number is None


def test_members_on_rows_under_the_head_with_a_merged_head_cell(tmp_path, staff_actors):
    """户主姓名 merged down over the members' rows (calamine: empty), 姓名 per person."""
    head = staff_actors["head"]
    rows = [["户主姓名", "姓名", "与户主关系", "身份证号码", "村居", "联系电话"],
            ["张三", "张三", "户主", ZHANG, "麻车村", "13800138000"],
            [None, "李四", "配偶", LI, None, "13900139000"],
            [None, "张小明", "", MING, None, None],
            ["王五", "王五", "户主", WANG, "沙头村", None]]
    path = write_xlsx(tmp_path / "m.xlsx", rows, [(1, 0, 3, 0, "张三")])
    report = importer.import_households(head, importer.open_source(path))
    assert report.ok, reasons(report)
    assert (report.households_new, report.members_new) == (2, 4)
    zhang = Household.get(Household.head_name == "张三")
    people = {m.name: m for m in zhang.members}
    assert set(people) == {"张三", "李四", "张小明"}
    assert people["李四"].phone == "13900139000" and zhang.phone == "13800138000"
    assert people["张三"].phone == ""  # the head's row phone is the household's
    assert people["张小明"].relation == "其他"  # no relation given


def test_a_member_row_with_no_head_above_it_is_reported(tmp_path, staff_actors):
    rows = [["姓名", "与户主关系", "身份证号码", "村居"],
            ["李四", "配偶", LI, "麻车村"],
            ["张三", "户主", ZHANG, "麻车村"]]
    path = write_xlsx(tmp_path / "x.xlsx", rows)
    report = importer.check_import(staff_actors["head"], importer.open_source(path))
    assert [(p.row, p.code) for p in report.problems] == [(2, "import_member_without_head")]


def test_a_heads_number_on_a_members_row_is_not_dropped(tmp_path, staff_actors):
    """Two-level header: a member's row with the 户主信息 number filled is a mistake to show,
    not a value to lose."""
    rows = [["户主信息", None, "家庭成员", None, "村居"],
            ["姓名", "身份证号码", "姓名", "与户主关系", None],
            ["张三", ZHANG, "张三", "户主", "麻车村"],
            [None, LI, "李四", "配偶", None]]
    merges = [(0, 0, 0, 1, "户主信息"), (0, 2, 0, 3, "家庭成员"), (0, 4, 1, 4, "村居")]
    report = importer.check_import(staff_actors["head"], importer.open_source(
        write_xlsx(tmp_path / "h.xlsx", rows, merges)))
    (item,) = report.problems
    assert (item.row, item.header, item.code) == (4, "户主信息 / 身份证号码",
                                                  "import_head_value_on_member_row")
    assert item.value == validate.mask_id(LI)


def test_matching_on_id_numbers_updates_instead_of_duplicating(tmp_path, staff_actors, village):
    head = staff_actors["head"]
    household = hh.create_household(head, hh.HouseholdInput(
        "张三", village.id, address="旧地址", phone="13800138000",
        tier_id=Tier.get(Tier.level == 3).id), [
        hh.MemberInput("张三", id_number=ZHANG), hh.MemberInput("李四", "配偶", id_number=LI),
        hh.MemberInput("张小明", "儿子")])
    registered = Household.get_by_id(household.id).registered_on
    audit_before = AuditLog.select().count()
    rows = [["户主姓名", "姓名", "与户主关系", "身份证号码", "联系电话", "家庭住址", "村居"],
            ["张三", "张三", "户主", ZHANG, "13700137000", "新地址", ""],
            [None, "李四", "配偶", LI, "13900139000", None, None],
            [None, "张小明", "儿子", MING, None, None, None],  # on file without a number
            [None, "张小红", "女儿", "", None, None, None]]
    path = write_xlsx(tmp_path / "u.xlsx", rows)
    source = importer.open_source(path)
    dry = importer.check_import(head, source)
    assert (dry.households_new, dry.households_updated, dry.members_new, dry.members_updated) \
        == (0, 1, 1, 2)
    assert AuditLog.select().count() == audit_before
    report = importer.import_households(head, source)
    assert report.written and report.households_updated == 1
    assert Household.select().count() == 1 and Member.select().count() == 4
    updated = Household.get_by_id(household.id)
    assert (updated.address, updated.phone) == ("新地址", "13700137000")
    assert updated.registered_on == registered and updated.village_id == village.id  # kept
    assert updated.tier.level == 3  # no 分级 column: kept
    assert Member.get(Member.name == "张小明").id_number == MING
    assert Member.get(Member.name == "李四").phone == "13900139000"
    assert Member.get(Member.name == "张小红").relation == "女儿"
    assert "13700137000" in updated.search_text and "张小红" in updated.search_text
    row = (AuditLog.select().where((AuditLog.table_name == "household")
                                   & (AuditLog.action == "update"))
           .order_by(AuditLog.id.desc()).first())
    assert '"address": "新地址"' in row.new_values and '"address": "旧地址"' in row.old_values
    assert "张小红" in row.new_values and "members_added" in row.new_values
    # The same file again: nothing to do, nothing written.
    before = counts()
    again = importer.import_households(head, importer.open_source(path))
    assert again.households_unchanged == 1 and again.households_updated == 0
    assert counts() == before


def test_a_household_is_found_by_a_members_id_number(tmp_path, staff_actors, village):
    head = staff_actors["head"]
    household = hh.create_household(head, hh.HouseholdInput("张三", village.id), [
        hh.MemberInput("张三"), hh.MemberInput("李四", "配偶", id_number=LI)])
    rows = [["户主姓名", "姓名", "与户主关系", "身份证号码", "村居"],
            ["张三", "张三", "户主", "", "麻车村"],
            [None, "李四", "配偶", LI, None]]
    report = importer.import_households(head, importer.open_source(
        write_xlsx(tmp_path / "f.xlsx", rows)))
    assert report.households_new == 0 and report.households_unchanged == 1
    assert Household.select().count() == 1 and household.id == Household.get().id


def test_an_id_number_of_another_household_is_refused(tmp_path, staff_actors, village):
    head = staff_actors["head"]
    hh.create_household(head, hh.HouseholdInput("王五", village.id), [
        hh.MemberInput("王五", id_number=WANG)])
    hh.create_household(head, hh.HouseholdInput("张三", village.id), [
        hh.MemberInput("张三", id_number=ZHANG)])
    rows = [["户主姓名", "姓名", "与户主关系", "身份证号码", "村居"],
            ["张三", "张三", "户主", ZHANG, "麻车村"],
            [None, "王五", "父亲", WANG, None]]
    path = write_xlsx(tmp_path / "t.xlsx", rows)
    report = importer.check_import(head, importer.open_source(path))
    (item,) = report.problems
    assert (item.row, item.code, item.value) == (3, "id_taken", validate.mask_id(WANG))
    assert "麻车村 王五 户的成员 王五" in text(item.code, "zh", **item.message_params())


def test_a_new_head_is_not_slipped_in_by_a_members_number(tmp_path, staff_actors, village):
    """Found on file by a member's number, the file's head is another person than the head on
    file: changing the head is done in the household's file, not by an import."""
    head = staff_actors["head"]
    hh.create_household(head, hh.HouseholdInput("王五", village.id), [
        hh.MemberInput("王五", id_number=WANG)])
    rows = [["户主姓名", "姓名", "与户主关系", "身份证号码", "村居"],
            ["张三", "张三", "户主", ZHANG, "麻车村"],
            [None, "王五", "父亲", WANG, None]]
    report = importer.check_import(head, importer.open_source(write_xlsx(tmp_path / "h.xlsx", rows)))
    assert [(p.row, p.code) for p in report.problems] == [(2, "import_head_changed"),
                                                         (3, "import_head_mismatch")]
    assert "更换户主请在该户档案中操作" in text("import_head_mismatch", "zh",
                                              **report.problems[1].message_params())


def test_the_ledger_export_with_full_numbers_imports_unchanged(tmp_path, staff_actors, village):
    head = staff_actors["head"]
    low = Category.get(Category.name == "低保")
    old = Category.get(Category.name == "高龄老人")
    worker = Staff.get(Staff.username == "hhy")
    hh.create_household(head, hh.HouseholdInput(
        "张三", village.id, address="麻车村３号", phone="020-82861110", tier_id=Tier.get(Tier.level == 1).id,
        category_ids=[low.id, old.id], registered_on=dt.date(2022, 5, 1), notes="独居，耳背",
        social_worker_id=worker.id), [hh.MemberInput("张三", id_number=ZHANG),
                                      hh.MemberInput("李四", "配偶", id_number=LI)])
    hh.create_household(head, hh.HouseholdInput("无证号", Village.get(Village.name == "沙头村").id,
                                                phone="13800138000"))
    group = station.add_village(head, code="V1G1", name="第1经济社", kind="group",
                                parent_id=village.id)
    hh.create_household(head, hh.HouseholdInput("组里户", group.id), [hh.MemberInput("组里户", id_number=XIAO)])
    closed = hh.create_household(head, hh.HouseholdInput("王五", village.id),
                                 [hh.MemberInput("王五", id_number=WANG)])
    hh.close_household(head, closed.id, "moved", "迁往县城")
    path = tmp_path / "台账.xlsx"
    exports.export_ledger(head, hh.HouseholdQuery(status=None), path, full_ids=True)
    before = counts()
    source = importer.open_source(path)
    assert source.layout.header_rows == (2,)
    report = importer.import_households(head, source)
    assert report.ok, reasons(report)
    assert (report.households_new, report.households_updated, report.households_unchanged) \
        == (0, 0, 4)
    assert set(report.ignored) == {"家庭人口", "最近走访", "下次走访", "状态"}
    assert counts() == before

    masked = tmp_path / "脱敏.xlsx"
    exports.export_ledger(head, hh.HouseholdQuery(status=None), masked)
    report = importer.check_import(head, importer.open_source(masked))
    codes = {p.code for p in report.problems}
    # masked numbers can't be matched, and a villagers' group is known only on file
    assert codes == {"import_masked_id", "import_masked_phone", "import_unknown_village"}
    assert counts() == before


def test_csv_in_utf8_and_gb18030(tmp_path, staff_actors):
    head = staff_actors["head"]
    lines = ["户主姓名,身份证号码,村居,登记时间", f"张三,{ZHANG},麻车村,2024-03-05",
             f"李四,{LI},沙头村,2024年3月6日", ""]
    utf = tmp_path / "a.csv"
    utf.write_text("\n".join(lines), encoding="utf-8-sig")
    gbk = tmp_path / "b.csv"
    gbk.write_text("\r\n".join(lines).replace("张三", "王五").replace(ZHANG, WANG)
                   .replace("李四", "赵六").replace(LI, XIAO), encoding="gb18030")
    assert importer.import_households(head, importer.open_source(utf)).households_new == 2
    report = importer.import_households(head, importer.open_source(gbk))
    assert report.households_new == 2 and report.sheet == "b"
    assert Household.get(Household.head_name == "赵六").registered_on == dt.date(2024, 3, 6)
    # Excel saves an ID number typed as a number in a CSV as 4.40118E+17.
    bad = tmp_path / "c.csv"
    bad.write_text("户主姓名,身份证号码,村居\n孙八,4.40118E+17,麻车村\n", encoding="utf-8")
    (item,) = importer.check_import(head, importer.open_source(bad)).problems
    assert item.code == "id_as_number" and item.row == 2


def test_ods_and_choosing_a_sheet(tmp_path, staff_actors):
    head = staff_actors["head"]
    ods = write_ods(tmp_path / "a.ods", [["花名册"], ["户主姓名", "身份证号码", "村居"],
                                         ["张三", ZHANG, "麻车村"]], sheet="户")
    assert importer.import_households(head, importer.open_source(ods)).households_new == 1
    path = write_xlsx(tmp_path / "s.xlsx", [["户主姓名", "身份证号码", "村居"], ["李四", LI, "沙头村"]],
                      sheet="第二页", extra_sheets=["说明"])
    assert ledger.sheet_names(path) == ["说明", "第二页"]
    assert importer.open_source(path).sheet.name == "第二页"  # the first with anything in it
    assert importer.open_source(path, "2").sheet.name == "第二页"
    with pytest.raises(ValidationError) as error:
        importer.open_source(path, "第三页")
    assert error.value.code == "import_no_sheet" and "说明、第二页" in error.value.params["choices"]
    with pytest.raises(ValidationError) as error:
        importer.open_source(path, "说明")
    assert error.value.code == "import_no_header"


def test_files_that_are_not_ledgers(tmp_path, staff_actors):
    for name, content, code in (("a.txt", "x", "import_bad_suffix"),
                                ("b.xlsx", "not a zip", "import_unreadable")):
        (tmp_path / name).write_text(content)
        with pytest.raises(ValidationError) as error:
            importer.open_source(tmp_path / name)
        assert error.value.code == code
    with pytest.raises(ValidationError) as error:
        importer.open_source(tmp_path / "missing.xlsx")
    assert error.value.code == "import_no_file"
    only_header = write_xlsx(tmp_path / "h.xlsx", [["户主姓名", "身份证号码", "村居"]])
    with pytest.raises(ValidationError) as error:
        importer.check_import(staff_actors["head"], importer.open_source(only_header))
    assert error.value.code == "import_no_rows"


def test_footers_and_cross_checks(tmp_path, staff_actors):
    head = staff_actors["head"]
    rows = [["户主姓名", "身份证号码", "性别", "出生日期", "村居", "登记时间"],
            ["张三", ZHANG, "女", "1950-03-07", "麻车村", ""],  # the number says male
            ["李四", LI, "女", "1952-01-02", "麻车村", ""],  # the number says 1952-01-01
            ["王五", WANG, "男", "", "麻车村", "2999-01-01"],  # registered in the future
            ["赵六", "", "未知", "", "麻车村", ""],
            ["合计：4 户"], ["填表人：刘丽萍", None, None, "审核人："]]
    report = importer.check_import(head, importer.open_source(write_xlsx(tmp_path / "c.xlsx", rows)))
    got = [(p.row, p.header, p.code) for p in report.problems]
    assert got == [(2, "身份证号码", "id_gender_mismatch"), (3, "身份证号码", "id_birthdate_mismatch"),
                   (4, "登记时间", "date_in_future"), (5, "性别", "import_bad_gender")]
    assert report.households == 4  # the sign-off lines are not households


def test_the_command_line(tmp_path, capsys, monkeypatch):
    db_path = tmp_path / "station.sqlite3"
    monkeypatch.setenv("STATION_DESK_DB", str(db_path))
    monkeypatch.delenv("STATION_DESK_LANG", raising=False)
    assert main(["demo"]) == 0
    capsys.readouterr()
    households = Household.select().count()
    good = write_xlsx(tmp_path / "good.xlsx", [
        ["石滩镇花名册"], ["户主姓名", "身份证号码", "所属村(社区)", "家庭人口"],
        ["张三", numbered(20001), "麻车村", 1], ["李四", numbered(20002), "沙头村", 1]],
        [(0, 0, 0, 3, "石滩镇花名册")])
    assert main(["import", "households", str(good), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "表头在第 2 行，2 行数据，2 户" in out and "未导入的列：家庭人口" in out
    assert "检查通过，未写入任何数据。导入将新增 2 户" in out and err == ""
    assert Household.select().count() == households
    assert main(["--lang", "en", "import", "households", str(good)]) == 0
    out, _ = capsys.readouterr()
    assert "Imported: 2 households added, 0 updated" in out
    assert Household.select().count() == households + 2
    assert main(["import", "households", str(good)]) == 0
    assert "0 户、更新 0 户，2 户无变化" in capsys.readouterr().out

    bad = write_xlsx(tmp_path / "bad.xlsx", [
        ["户主姓名", "身份证号码", "村居"], ["王五", numbered(20003), "火星村"],
        ["赵六", "110***********1234", "麻车村"]])
    assert main(["import", "households", str(bad)]) == 1
    out, err = capsys.readouterr()
    assert "发现 2 处问题（涉及 2 行），没有导入任何数据" in err
    assert "第 2 行 C 村居：本站没有“火星村”这个村居。" in err
    assert "第 3 行 B 身份证号码：身份证号“110***********1234”是脱敏的" in err
    assert Household.select().count() == households + 2
    assert main(["--lang", "en", "import", "households", str(bad), "--dry-run"]) == 1
    assert 'Row 2 C 村居: The station has no village "火星村".' in capsys.readouterr().err
    assert main(["import", "households", str(tmp_path / "none.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_front_desk_may_not_import(tmp_path, staff_actors):
    from station_desk.core.errors import PermissionDenied

    path = write_xlsx(tmp_path / "p.xlsx", [["户主姓名", "村居"], ["张三", "麻车村"]])
    source = importer.open_source(path)
    for check in (importer.check_import, importer.import_households):
        with pytest.raises(PermissionDenied):
            check(staff_actors["front_desk"], source)
    assert importer.import_households(staff_actors["social_worker"], source).households_new == 1
