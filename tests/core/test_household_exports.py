"""The household ledger export (服务对象台账) and the visit sheets (入户走访登记表)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from station_desk.cli import main
from station_desk.core import db
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import AuditLog, Category, Staff, Tier, Village
from station_desk.core.reports import fonts, household_ledger, pdf, visit_sheets
from station_desk.core.services import household_exports as exports
from station_desk.core.services import households as hh
from station_desk.core.services import station
from station_desk.core.services.settings import set_setting
from station_desk.core.store import open_store

OLD_MAN = "44011819500307013X"  # a man born 1950-03-07
GIRL = "440118201211200021"  # a girl born 2012-11-20
STATION = "石滩镇第一社工服务站"


def _id(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, weights, strict=True)) % 11]


LI_SI = _id("44011819621105003")  # a man born 1962-11-05
ZHANG_SAN = _id("44011819700101004")


def pdftotext(path: Path, *args: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(path), "-"],
                          capture_output=True, check=True, text=True).stdout


def squash(text: str) -> str:
    return "".join(text.split())


def read_ledger(path: Path) -> list[list]:
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [household_ledger.SHEET]
    return book.get_sheet_by_name(household_ledger.SHEET).to_python(skip_empty_area=False)


def data_rows(rows: list[list]) -> list[list]:
    return rows[household_ledger.TITLE_ROWS + 1:]


@pytest.fixture
def homes(staff_actors):
    """Three households: 王大山 in 麻车村 (the social worker's village), 李四 in 沙头村 (no
    worker), 张三 in 沙头村, moved away. 王大山 has an open need, 李四 a resolved one."""
    head = staff_actors["head"]
    station.save_station(head, name=STATION)
    macun = Village.get(Village.name == "麻车村")
    shatou = Village.get(Village.name == "沙头村")
    tier1, tier3 = Tier.get(Tier.level == 1), Tier.get(Tier.level == 3)
    cat = {c.name: c.id for c in Category.select()}
    wang = hh.create_household(head, hh.HouseholdInput(
        head_name="王大山", village_id=macun.id, address="麻车村东街 3 号", phone="138 0013 8000",
        tier_id=tier1.id, category_ids=[cat["独居老人"], cat["低保"]],
        registered_on=dt.date(2024, 1, 5), notes="屋后有狗"), [
        hh.MemberInput("王大山", "户主", id_number=OLD_MAN),
        hh.MemberInput("王小花", "孙女", id_number=GIRL)])
    li = hh.create_household(head, hh.HouseholdInput(
        head_name="李四", village_id=shatou.id, address="沙头村一组 12 号", phone="020-82861234",
        tier_id=tier3.id, category_ids=[cat["特困供养"]], registered_on=dt.date(2023, 6, 1)),
        [hh.MemberInput("李四", "户主", id_number=LI_SI)])
    zhang = hh.create_household(head, hh.HouseholdInput(
        head_name="张三", village_id=shatou.id, phone="13912345678",
        registered_on=dt.date(2022, 2, 2)), [hh.MemberInput("张三", id_number=ZHANG_SAN)])
    hh.close_household(head, zhang.id, "moved", "搬去县城", on=dt.date(2025, 8, 1))
    hh.record_visit(head, wang.id, hh.VisitInput(dt.date(2025, 12, 1), needs=["屋顶漏水需要维修"]))
    need = hh.record_need(head, li.id, "申请临时救助")
    hh.update_need(head, need.id, status="resolved", follow_up="已办结")
    return {"wang": wang.id, "li": li.id, "zhang": zhang.id, **staff_actors}


def by_head(rows: list[list]) -> dict[str, list]:
    return {row[1]: row for row in data_rows(rows)}


# --- the ledger ---------------------------------------------------------------------------


def test_ledger_has_the_title_the_headers_and_masked_numbers(homes, tmp_path):
    out = tmp_path / "台账.xlsx"
    assert exports.export_ledger(homes["head"], hh.HouseholdQuery(), out) == 2
    rows = read_ledger(out)
    assert rows[0][0] == f"{STATION}服务对象台账"
    assert "筛选条件：状态：在册" in rows[1][0] and "共 2 户" in rows[1][0]
    assert "已脱敏" in rows[1][0] and "刘丽萍" in rows[1][0]
    assert rows[2] == list(household_ledger.HEADERS)
    assert household_ledger.HEADERS == (
        "序号", "户主姓名", "身份证号码", "性别", "出生日期", "所属村(社区)", "家庭住址", "联系电话",
        "人员类别", "分级", "家庭人口", "责任社工", "登记时间", "最近走访", "下次走访", "状态", "备注")
    wang = by_head(rows)["王大山"]
    assert wang[2] == "440***********013X" and wang[7] == "138****8000"
    assert wang[3] == "男" and wang[4] == dt.date(1950, 3, 7)
    assert wang[5] == "麻车村" and wang[6] == "麻车村东街 3 号"
    assert wang[8] == "低保、独居老人"  # in the categories' own order
    assert wang[9] == "一级" and wang[10] == 2 and wang[11] == "用户hhy"
    assert wang[12] == dt.date(2024, 1, 5) and wang[13] == dt.date(2025, 12, 1)
    assert wang[14] == dt.date(2025, 12, 8) and wang[15] == "在册" and wang[16] == "屋后有狗"
    li = by_head(rows)["李四"]
    assert li[7] == "020-******34" and li[11] == "" and li[13] == ""
    assert [row[0] for row in data_rows(rows)] == [1, 2]
    assert not AuditLog.select().where(AuditLog.action == "reveal").exists()


def test_numbers_are_text_dates_are_dates_and_the_sheet_is_set_up_for_print(homes, tmp_path):
    out = tmp_path / "full.xlsx"
    exports.export_ledger(homes["head"], hh.HouseholdQuery(), out, full_ids=True)
    wang = by_head(read_ledger(out))["王大山"]
    assert wang[2] == OLD_MAN and isinstance(wang[2], str)  # never a float
    assert wang[7] == "13800138000" and isinstance(wang[7], str)
    with zipfile.ZipFile(out) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        styles = book.read("xl/styles.xml").decode()
        names = book.read("xl/workbook.xml").decode()
    assert 'formatCode="yyyy-mm-dd"' in styles
    assert '<pane xSplit="2" ySplit="3"' in sheet and 'state="frozen"' in sheet
    assert '<autoFilter ref="A3:Q5"/>' in sheet
    assert 'orientation="landscape"' in sheet and 'paperSize="9"' in sheet
    assert 'fitToHeight="0"' in sheet and '<mergeCell ref="A1:Q1"/>' in sheet
    assert "_xlnm.Print_Titles" in names and "$3:$3" in names
    assert re.search(r'<c r="C4"[^>]*t="inlineStr"', sheet)  # the ID cell is a string cell


def test_full_numbers_only_for_households_the_actor_may_reveal_and_audited(homes, tmp_path):
    worker = homes["social_worker"]  # responsible for 麻车村 only
    out = tmp_path / "mine.xlsx"
    assert exports.export_ledger(worker, hh.HouseholdQuery(), out, full_ids=True) == 2
    rows = by_head(read_ledger(out))
    assert rows["王大山"][2] == OLD_MAN and rows["王大山"][7] == "13800138000"
    assert rows["李四"][2] == "440***********" + LI_SI[-4:] and rows["李四"][7] == "020-******34"
    audit = list(AuditLog.select().where(AuditLog.action == "reveal"))
    assert len(audit) == 1
    assert audit[0].actor_name == worker.name and audit[0].table_name == "household"
    assert "台账导出" in audit[0].note and "1 户完整" in audit[0].note and "1 户脱敏" in audit[0].note
    assert "状态：在册" in audit[0].note and "mine.xlsx" in audit[0].note


def test_the_front_desk_exports_nothing(homes, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.xlsx"
    for full in (False, True):
        with pytest.raises(PermissionDenied):
            exports.export_ledger(homes["front_desk"], hh.HouseholdQuery(), out, full_ids=full)
    with pytest.raises(PermissionDenied):
        exports.visit_sheet_data(homes["front_desk"], [homes["wang"]])
    assert list(folder.iterdir()) == []
    assert not AuditLog.select().where(AuditLog.action == "reveal").exists()


def test_the_filter_and_the_order_of_the_query_apply(homes, tmp_path):
    def heads(query):
        out = tmp_path / "f.xlsx"
        count = exports.export_ledger(homes["head"], query, out)
        names = [row[1] for row in data_rows(read_ledger(out))]
        assert count == len(names)
        return names

    shatou = Village.get(Village.name == "沙头村").id
    assert heads(hh.HouseholdQuery(status=None)) == ["李四", "王大山", "张三"]  # pinyin order
    assert heads(hh.HouseholdQuery(status=None, descending=True)) == ["张三", "王大山", "李四"]
    assert heads(hh.HouseholdQuery(village_id=shatou, status=None)) == ["李四", "张三"]
    assert heads(hh.HouseholdQuery(text="wds")) == ["王大山"]  # pinyin initials
    assert heads(hh.HouseholdQuery(text="1234")) == ["李四"]  # the tail of a phone
    assert heads(hh.HouseholdQuery(category_id=Category.get(Category.name == "特困供养").id)) == ["李四"]
    assert heads(hh.HouseholdQuery(tier_id=Tier.get(Tier.level == 1).id)) == ["王大山"]
    assert heads(hh.HouseholdQuery(social_worker_id=homes["social_worker"].staff_id)) == ["王大山"]
    assert heads(hh.HouseholdQuery(status="moved")) == ["张三"]
    assert heads(hh.HouseholdQuery(overdue=True)) == ["李四", "王大山"]
    rows = read_ledger(tmp_path / "f.xlsx")
    assert "仅逾期未走访" in rows[1][0]
    out = tmp_path / "moved.xlsx"
    exports.export_ledger(homes["head"], hh.HouseholdQuery(status="moved"), out)
    assert by_head(read_ledger(out))["张三"][15] == "迁出"


def test_an_empty_ledger_still_has_its_title_and_headers(homes, tmp_path):
    out = tmp_path / "none.xlsx"
    assert exports.export_ledger(homes["head"], hh.HouseholdQuery(text="没有这个人"), out) == 0
    rows = read_ledger(out)
    assert rows[2] == list(household_ledger.HEADERS) and data_rows(rows) == []
    assert "共 0 户" in rows[1][0]


def test_a_missing_folder_is_a_clear_error_and_leaves_nothing(homes, tmp_path):
    with pytest.raises(ValidationError) as err:
        exports.export_ledger(homes["head"], hh.HouseholdQuery(), tmp_path / "no" / "x.xlsx",
                              full_ids=True)
    assert err.value.code == "export_no_folder"
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "x.xlsx").mkdir()  # the name is taken by a folder: the rename fails
    with pytest.raises(ValidationError) as err:
        exports.export_ledger(homes["head"], hh.HouseholdQuery(), folder / "x.xlsx")
    assert err.value.code == "export_file_busy"
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]  # no half-written file left


def test_an_export_replaces_an_older_file(homes, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "x.xlsx"
    out.write_bytes(b"old")
    exports.export_ledger(homes["head"], hh.HouseholdQuery(), out)
    assert read_ledger(out)[2][0] == "序号"
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]


def test_names_on_the_command_line_resolve_or_list_the_choices(homes):
    query = exports.query_from_names(village="沙头村", category="特困供养", tier="3",
                                     worker="hhy", status="all", overdue=True)
    assert query.village_id == Village.get(Village.name == "沙头村").id
    assert query.tier_id == Tier.get(Tier.level == 3).id and query.status is None
    assert query.social_worker_id == homes["social_worker"].staff_id
    assert exports.query_from_names(tier="三级", worker="用户hhy").tier_id == query.tier_id
    assert exports.query_from_names(village="V1").village_id == Village.get(Village.code == "V1").id
    for kwargs, code, listed in (({"village": "无此村"}, "unknown_village", "麻车村、沙头村"),
                                 ({"category": "富豪"}, "unknown_category", "低保"),
                                 ({"tier": "9"}, "unknown_tier", "1 一级"),
                                 ({"worker": "nobody"}, "unknown_worker", "hhy（用户hhy）"),
                                 ({"status": "gone"}, "unknown_status", "moved")):
        with pytest.raises(ValidationError) as err:
            exports.query_from_names(**kwargs)
        assert err.value.code == code and listed in err.value.params["choices"]


# --- visit sheets -------------------------------------------------------------------------


def test_visit_sheet_rows_are_masked_and_carry_open_needs(homes):
    data = exports.visit_sheet_data(homes["head"], [homes["li"], homes["wang"]],
                                    on=dt.date(2026, 1, 10))
    assert [r.head_name for r in data.rows] == ["李四", "王大山"]  # the order given
    li, wang = data.rows
    assert (li.phone, wang.phone) == ("020-******34", "138****8000")
    assert not li.phone_in_full and data.full_phones == 0
    assert wang.open_needs == ("屋顶漏水需要维修",) and li.open_needs == ()  # resolved: not listed
    assert wang.categories == "低保、独居老人" and wang.tier == "一级" and wang.members == 2
    assert wang.last_visit_on == dt.date(2025, 12, 1) and data.station == STATION
    assert data.social_workers == ("用户hhy",) and data.printed_by == "刘丽萍"


def test_full_phones_need_the_setting_and_the_villages_social_worker(homes):
    worker, head = homes["social_worker"], homes["head"]
    ids = [homes["wang"], homes["li"]]
    assert exports.visit_sheet_data(worker, ids).full_phones == 0  # the setting is off
    set_setting(head, exports.FULL_PHONE_SETTING, True)
    data = exports.visit_sheet_data(worker, ids)
    assert [r.phone for r in data.rows] == ["13800138000", "020-******34"]  # 沙头村 is not theirs
    assert data.full_phones == 1
    assert exports.visit_sheet_data(head, ids).full_phones == 0  # the head is not the village's worker
    audit = list(AuditLog.select().where(AuditLog.action == "reveal"))
    assert len(audit) == 1 and audit[0].actor_name == worker.name and "走访登记表" in audit[0].note


def test_visit_sheet_pdf_text(homes, tmp_path):
    worker = homes["social_worker"]
    set_setting(homes["head"], exports.FULL_PHONE_SETTING, True)
    data = exports.visit_sheet_data(worker, [homes["wang"], homes["li"]], on=dt.date(2026, 1, 10))
    out = visit_sheets.build(data, tmp_path / "sheet.pdf")
    assert out == tmp_path / "sheet.pdf"
    text = squash(pdftotext(out))
    for expected in (f"{STATION}入户走访登记表", "责任社工：用户hhy", "打印日期：2026年1月10日",
                     "共2户", "1户电话为完整号码", "王大山", "13800138000", "020-******34",
                     "麻车村东街3号", "低保、独居老人", "2025-12-01", "在办诉求：屋顶漏水需要维修",
                     "□已走访", "□不在家", "□拒访", "□已搬离", "群众诉求", "下一步", "户主签名",
                     "第1页/共1页"):
        assert expected in text, expected
    assert "02082861234" not in text.replace("-", "")
    masked = exports.visit_sheet_data(homes["head"], [homes["wang"]])
    text = squash(pdftotext(visit_sheets.build(masked, tmp_path / "masked.pdf")))
    assert "138****8000" in text and "13800138000" not in text and "电话已脱敏" in text


def _many(count: int, **changes) -> visit_sheets.VisitSheetData:
    row = visit_sheets.VisitSheetRow(
        household_id=1, head_name="欧阳娜娜", village="元洲岗村",
        address="石滩镇元洲岗村东街十八巷3号之二（靠近村委会）", phone="020-******78",
        phone_in_full=False, categories="低保、独居老人、重度残疾人", tier="一级", members=3,
        last_visit_on=None, due_on=dt.date(2025, 1, 1),
        open_needs=("屋顶漏水，需要协调维修", "孩子上学费用困难，希望社工帮忙联系学校和镇民政办申请助学金"),
        social_worker="黄海燕")
    rows = tuple(visit_sheets.VisitSheetRow(**{
        **row.__dict__, **(changes if i % 2 == 0 else {}),
        "open_needs": row.open_needs if i % 4 == 0 else ()}) for i in range(count))
    return visit_sheets.VisitSheetData(STATION, ("黄海燕",), dt.date(2026, 3, 5), "刘丽萍", rows)


def _words(path: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, word) on one page, from pdftotext -bbox."""
    html = pdftotext(path, "-bbox", "-f", str(page), "-l", str(page))
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


def _column_edges() -> list[float]:
    scale = pdf.content_width(landscape_page=True) / sum(visit_sheets.WIDTHS_MM)
    edges = [pdf.MARGIN_SIDE]
    for w in visit_sheets.WIDTHS_MM:
        edges.append(edges[-1] + w * scale)
    return edges


def test_rows_per_page_header_on_every_page_and_nothing_leaves_its_cell(tmp_path):
    long_word = "Building-A-Room-1234567890-1234567890"  # no break opportunity a Latin wrap would use
    data = _many(25, address=long_word, head_name="司马欧阳娜娜娜娜")
    out = visit_sheets.build(data, tmp_path / "many.pdf")
    pages = pdftotext(out).split("\f")[:-1]
    edges = _column_edges()
    numbers = [[int(w[4]) for w in sorted(_words(out, page), key=lambda w: w[1])
                if w[4].isdigit() and w[2] < edges[1]] for page in range(1, len(pages) + 1)]
    assert [n for page in numbers for n in page] == list(range(1, 26))  # the 序号 column
    assert all(8 <= len(page) <= 10 for page in numbers[:-1]), numbers
    for number, page in enumerate(pages, start=1):
        flat = squash(page)
        assert "户主签名" in flat and f"第{number}页/共{len(pages)}页" in flat
    top, bottom = pdf.MARGIN_TOP, 595.27 - pdf.MARGIN_BOTTOM
    inside = [w for w in _words(out, 2) if top < w[1] and w[3] < bottom]
    assert len(inside) > 100
    for x0, _, x1, _, word in inside:  # every word sits within one column (0.5 pt slack)
        assert any(left - 0.5 <= x0 and x1 <= right + 0.5
                   for left, right in zip(edges, edges[1:], strict=False)), word


def test_check_names_households_with_unprintable_characters(tmp_path):
    fonts.use_fallbacks([])
    try:
        data = _many(2, head_name="张𠮷")
        assert visit_sheets.check(data) == [("张𠮷（元洲岗村）", "𠮷")]
    finally:
        fonts.use_fallbacks(None)


def test_english_visit_sheet_and_an_empty_one(tmp_path):
    out = visit_sheets.build(_many(1), tmp_path / "en.pdf", lang="en")
    text = squash(pdftotext(out))
    assert "Homevisitsheet" in text and "Signature" in text and "Socialworker:黄海燕" in text
    empty = visit_sheets.VisitSheetData(STATION, (), dt.date(2026, 3, 5), "刘丽萍", ())
    assert "没有要列出的住户" in squash(pdftotext(visit_sheets.build(empty, tmp_path / "0.pdf")))


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli_db(homes, store, monkeypatch):
    """The households above in a file the command line opens itself; people sign in with
    secret123."""
    monkeypatch.delenv("STATION_DESK_LANG", raising=False)
    Staff.update(must_change_password=False).execute()
    db.close()
    yield str(store.path)
    db.close()


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def reopen(path: str) -> None:
    db.close()
    open_store(db.resolve(path))


def test_cli_exports_the_filtered_ledger(cli_db, capsys, tmp_path):
    out = tmp_path / "ledger.xlsx"
    code, said, err = run(capsys, "--db", cli_db, "export", "households", "--out", str(out),
                          "--village", "沙头村", "--status", "all")
    assert code == 0 and err == "" and "已导出 2 户" in said and "已脱敏" in said
    rows = read_ledger(out)
    assert [r[1] for r in data_rows(rows)] == ["李四", "张三"]
    assert "村居：沙头村" in rows[1][0] and "状态：全部" in rows[1][0]
    assert data_rows(rows)[0][2].startswith("440*")
    code, said, _ = run(capsys, "--db", cli_db, "--lang", "en", "export", "households",
                        "--out", str(out), "--tier", "一级", "--worker", "hhy", "--full-ids")
    assert code == 0 and "Exported 1 households" in said and "audit log" in said
    assert data_rows(read_ledger(out))[0][2] == OLD_MAN
    code, _, _ = run(capsys, "--db", cli_db, "--full-ids", "export", "households",
                     "--out", str(out), "--search", "李四")
    assert code == 0 and data_rows(read_ledger(out))[0][2] == LI_SI  # --full-ids before the command
    reopen(cli_db)
    notes = [a.note for a in AuditLog.select().where(AuditLog.action == "reveal")]
    assert len(notes) == 2 and "分级：一级" in notes[0] and "搜索“李四”" in notes[1]


def test_cli_unknown_names_and_the_front_desk(cli_db, capsys, tmp_path, monkeypatch):
    out = tmp_path / "x.xlsx"
    code, said, err = run(capsys, "--db", cli_db, "export", "households", "--out", str(out),
                          "--village", "无此村")
    assert code == 2 and said == "" and "没有名为“无此村”的村居" in err and "麻车村、沙头村" in err
    code, _, err = run(capsys, "--db", cli_db, "--lang", "en", "export", "households",
                       "--out", str(out), "--category", "rich")
    assert code == 2 and 'There is no category "rich"' in err and "低保" in err
    code, _, err = run(capsys, "--db", cli_db, "print", "visit-sheets", "--out",
                       str(tmp_path / "x.pdf"), "--worker", "ghost")
    assert code == 2 and "没有登录名或姓名为“ghost”的社工" in err and "hhy（用户hhy）" in err
    monkeypatch.setenv("STATION_DESK_PASSWORD", "secret123")
    for command in (["export", "households", "--out", str(out)],
                    ["print", "visit-sheets", "--out", str(tmp_path / "x.pdf")]):
        code, said, err = run(capsys, "--db", cli_db, "--user", "lxy", *command)
        assert code == 2 and "无权" in err and said == ""
    assert list(tmp_path.glob("x.*")) == []


def test_cli_prints_visit_sheets(cli_db, capsys, tmp_path, monkeypatch):
    out = tmp_path / "sheets.pdf"
    code, said, err = run(capsys, "--db", cli_db, "print", "visit-sheets", "--out", str(out),
                          "--village", "麻车村")
    assert code == 0 and "1 户" in said and f"已生成 {out}" in said
    text = squash(pdftotext(out))
    assert "王大山" in text and "138****8000" in text and "李四" not in text
    code, said, _ = run(capsys, "--db", cli_db, "print", "visit-sheets", "--out", str(out), "--due")
    assert code == 0 and "2 户" in said
    text = squash(pdftotext(out))
    assert text.index("李四") < text.index("王大山")  # the longest overdue first
    assert "张三" not in text  # moved away: never due
    monkeypatch.setenv("STATION_DESK_PASSWORD", "secret123")
    code, _, _ = run(capsys, "--db", cli_db, "--user", "head", "settings",
                     exports.FULL_PHONE_SETTING, "true")
    assert code == 0
    code, said, _ = run(capsys, "--db", cli_db, "--user", "hhy", "--lang", "en", "print",
                        "visit-sheets", "--out", str(out), "--worker", "hhy")
    assert code == 0 and "Visit sheets: 1 households" in said
    assert "13800138000" in squash(pdftotext(out))
    out.unlink()
    code, said, err = run(capsys, "--db", cli_db, "print", "visit-sheets", "--out", str(out),
                          "--village", "沙头村", "--due", "--worker", "hhy")
    assert code == 2 and "没有符合条件的住户" in err and not out.exists()
