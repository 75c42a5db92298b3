"""Inventory Excel: the monthly 物资出入库台账, the 库存明细账 and 捐赠方统计 exports read back
with calamine, and the opening stock import (every bad row reported, nothing written; a good
sheet creates items and stock in one voucher; a dry run writes nothing)."""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from station_desk.core.clock import today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import Item, ItemCategory, StockMovement, Voucher
from station_desk.core.reports import stock_ledgers as layout
from station_desk.core.services import accounts, stock, stock_exports, stock_import
from station_desk.core.services import donations as dn
from station_desk.core.services import inventory as inv

TODAY = today()
FIRST = TODAY.replace(day=1)
DAY = dt.timedelta(days=1)


def _category(name="粮油"):
    return ItemCategory.get(ItemCategory.name == name).id


def _sheet(path, name):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


@pytest.fixture
def month(head):
    """Last month: 100 bags of rice at 50 yuan, 10 boxes of milk at 60 yuan. This month: a
    donation of 20 bags and 300 yuan cash, 30 bags out to an old people's home, a count
    finding a box of milk short, and a give-out reversed."""
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", _category(), spec="10kg",
                                             value_fen=5000, value_from=FIRST - 60 * DAY)).id
    milk = inv.save_item(head, inv.ItemInput("牛奶", "箱", _category(), expires=True)).id
    donor = inv.save_donor(head, inv.DonorInput("enterprise", "石滩粮油有限公司")).id
    stock.receive(head, "opening", FIRST - 10 * DAY, [
        stock.InLine(rice, 100),
        stock.InLine(milk, 10, unit_value_fen=6000, expires_on=FIRST + 200 * DAY)])
    dn.receive_donation(head, dn.DonationInput(donor, FIRST, [stock.InLine(rice, 20)],
                                               cash_fen=30000, purpose="重阳慰问"))
    stock.give_out(head, "other_out", FIRST, [stock.OutLine(rice, 30)], reason="敬老院",
                   reference="CK-001")
    wrong = stock.give_out(head, "other_out", FIRST, [stock.OutLine(rice, 5)], reason="录错了")
    stock.reverse(head, wrong, "重复录入")
    stock.record_count(head, FIRST, [stock.CountLine(milk, 9, FIRST + 200 * DAY)], "月末盘点")
    return {"rice": rice, "milk": milk, "donor": donor}


def test_monthly_ledger_has_two_header_levels_figures_totals_and_sign_off(head, month, tmp_path):
    out = tmp_path / "台账.xlsx"
    stock_exports.export_monthly_ledger(head, FIRST.year, FIRST.month, out)
    rows = _sheet(out, layout.MONTHLY_SHEET)
    assert rows[0][0].endswith(f"物资出入库台账（{FIRST.year}年{FIRST.month}月）")
    top, bottom = rows[2], rows[3]
    assert top[:5] == ["序号", "物资类别", "物资名称（规格）", "单位", "上月结存"]
    assert [top[i] for i in (6, 8, 10, 12, 14)] == ["本月入库", "本月出库", "盘盈盘亏", "本月结存",
                                                    "备注"]
    assert bottom[4:14] == ["数量", "金额"] * 5
    by_label = {r[2]: r for r in rows[4:] if r[2]}
    rice = by_label["大米（10kg）"]
    # numbers stay numbers: quantities and yuan (the reversed give-out nets to nothing)
    assert rice[0] == 1 and rice[1] == "粮油" and rice[3] == "袋"
    assert rice[4:14] == [100, 5000.0, 20, 1000.0, 30, 1500.0, 0, 0.0, 90, 4500.0]
    milk = by_label["牛奶"]
    assert milk[4:14] == [10, 600.0, 0, 0.0, 0, 0.0, -1, -60.0, 9, 540.0]
    total = next(r for r in rows if r[0] == "合计")
    assert [total[i] for i in (5, 7, 9, 11, 13)] == [5600.0, 1000.0, 1500.0, -60.0, 5040.0]
    sign = next(r for r in rows if str(r[0]).startswith("制表人"))
    assert sign[0] == f"制表人：{head.name}" and "审核人：" in sign and "负责人：" in sign

    detail = _sheet(out, layout.MOVEMENT_SHEET)
    assert detail[2] == [t for t, _ in layout.MOVEMENT_COLUMNS]
    lines = [r for r in detail[3:] if r[0]]
    assert all(isinstance(r[0], dt.date) for r in lines)  # dates as dates
    kinds = [r[1] for r in lines]
    assert kinds.count("捐赠入库") == 1 and kinds.count("冲销") == 1
    out_row = next(r for r in lines if r[9] == "CK-001")
    assert (out_row[4], out_row[5], out_row[6], out_row[8], out_row[10]) == (
        -30, 50.0, -1500.0, "", "敬老院")
    assert any(r[12].startswith("已被第") for r in lines)
    assert any(r[12].startswith("冲销第") for r in lines)


def test_stock_ledger_reads_back_with_the_stock_sheet(head, month, tmp_path):
    out = tmp_path / "明细账.xlsx"
    data = stock_exports.export_stock_ledger(head, FIRST - 30 * DAY, TODAY, out)
    rows = _sheet(out, layout.LEDGER_SHEET)
    lines = [r for r in rows[3:] if r[0] != ""]
    assert len(lines) == len(data.movements) == 7
    assert [r[0] for r in lines] == sorted(r[0] for r in lines)  # oldest first
    assert sum(r[4] for r in lines if r[2] == "大米（10kg）") == 90
    on_hand = _sheet(out, layout.STOCK_SHEET)
    assert on_hand[2] == [t for t, _ in layout.STOCK_COLUMNS]
    rice = next(r for r in on_hand if r[2] == "大米（10kg）")
    assert (rice[4], rice[6], rice[7]) == (90, 90, 4500.0)
    assert next(r for r in on_hand if r[0] == "合计")[7] == 5040.0
    with pytest.raises(ValidationError) as error:
        stock_exports.export_stock_ledger(head, TODAY, FIRST - DAY, out)
    assert error.value.code == "stock_export_bad_range"


def test_the_stock_sheet_of_the_ledger_reads_back_as_opening_stock(head, month, tmp_path):
    """The 库存 sheet is an opening stock sheet for another station's program: quantities and
    values come back; an item that expires needs its dates, which one line cannot hold."""
    out = tmp_path / "明细账.xlsx"
    stock_exports.export_stock_ledger(head, FIRST - 30 * DAY, TODAY, out)
    from station_desk.core.imports import stock as stock_sheet

    source = stock_sheet.open_source(out, layout.STOCK_SHEET)
    assert source.header_row == 2 and "库存数量" in source.recognised()
    report = stock_import.import_opening_stock(head, source, on=TODAY, dry_run=True)
    assert [(p.row, p.code) for p in report.problems] == [(5, "stock_import_expiry_required")]
    assert [(line.label, line.quantity, line.unit_value_fen) for line in report.lines] == [
        ("大米（10kg）", 90, 5000)]


def test_donor_totals_with_chinese_kinds_and_the_donation_list(head, month, tmp_path):
    person = inv.save_donor(head, inv.DonorInput("individual", "王先生")).id
    dn.receive_donation(head, dn.DonationInput(person, FIRST, [], cash_fen=12345))
    cancelled = dn.receive_donation(head, dn.DonationInput(person, FIRST, [], cash_fen=100))
    dn.cancel_donation(head, cancelled, "重复")
    out = tmp_path / "捐赠方.xlsx"
    stock_exports.export_donor_totals(head, FIRST.year, out)
    rows = _sheet(out, layout.DONOR_SHEET)
    assert rows[2] == ["序号", "捐赠方", "类型", "捐赠次数", "物资金额", "现金", "合计"]
    assert rows[3][1:] == ["石滩粮油有限公司", "企业", 1, 1000.0, 300.0, 1300.0]
    assert rows[4][1:] == ["王先生", "个人", 1, 0.0, 123.45, 123.45]
    assert rows[5][0] == "合计" and rows[5][3:] == [2, 1000.0, 423.45, 1423.45]
    listed = _sheet(out, layout.DONATION_SHEET)
    assert listed[2] == [t for t, _ in layout.DONATION_COLUMNS]
    assert sorted(r[7] for r in listed[3:]) == sorted(["有效", "有效", "已作废"])


def test_exports_need_inventory_view_and_an_existing_folder(head, month, tmp_path):
    kiosk = accounts.actor_for(accounts.create_staff(head, "kiosk", "签到机", "kiosk", "secret123"))
    with pytest.raises(PermissionDenied):
        stock_exports.export_monthly_ledger(kiosk, FIRST.year, FIRST.month, tmp_path / "x.xlsx")
    with pytest.raises(ValidationError) as error:
        stock_exports.export_monthly_ledger(head, FIRST.year, FIRST.month,
                                            tmp_path / "missing" / "x.xlsx")
    assert error.value.code == "export_no_folder"
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*.part"))


# ---------------------------------------------------------------- opening stock import


def opening_sheet(path, header, rows, *, title="石滩社工站期初库存表"):
    """A merged title row, the header, rows as given (None: empty) and a sign-off line."""
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet("期初库存")
    ws.merge_range(0, 0, 0, len(header) - 1, title)
    ws.write_row(1, 0, header)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    ws.write_string(len(rows) + 3, 0, "制表人：林小燕")
    workbook.close()
    return path


HEADER = ["序号", "品名", "规格型号", "计量单位", "物资类别", "期初数量", "单价（元）", "金额",
          "有效期至", "批号", "存放地点", "备注"]


@pytest.fixture
def catalogue(head):
    return {"rice": inv.save_item(head, inv.ItemInput("大米", "袋", _category(), spec="10kg",
                                                      value_fen=5000,
                                                      value_from=TODAY - 400 * DAY)).id,
            "milk": inv.save_item(head, inv.ItemInput("牛奶", "箱", _category(),
                                                      expires=True)).id}


def _ledger_size():
    return Item.select().count(), StockMovement.select().count(), Voucher.select().count()


def test_three_bad_rows_are_all_reported_and_nothing_is_written(head, catalogue, tmp_path):
    path = opening_sheet(tmp_path / "期初.xlsx", HEADER, [
        [1, "大米", "10kg", "袋", "粮油", 40, 50, None, None, None, None, None],
        [2, "棉被", "", "床", "床上用品", 5, 120, None, None, None, None, None],  # no such category
        [3, "食用油", "5L", "桶", "粮油", "十", 69.9, None, None, None, None, None],  # quantity
        [4, "棉衣", "均码", "件", "衣物", 12, None, 100, None, None, None, None],  # 100/12 not exact
        [5, "牛奶", "", "箱", "", 6, 60, 360, "2027-03-01", "B1", None, None],
    ])
    before = _ledger_size()
    report = stock_import.import_opening_stock(head, path, on=TODAY, dry_run=True)
    assert [(p.row, p.header, p.value, p.code) for p in report.problems] == [
        (4, "物资类别", "床上用品", "stock_import_unknown_category"),
        (5, "期初数量", "十", "bad_quantity"),
        (6, "金额", "100", "stock_import_amount_not_exact"),
    ]
    with pytest.raises(stock_import.StockImportRejected) as rejected:
        stock_import.import_opening_stock(head, path, on=TODAY)
    assert rejected.value.report.bad_rows == 3
    assert _ledger_size() == before


def test_more_reasons_a_row_is_refused(head, catalogue, tmp_path):
    path = opening_sheet(tmp_path / "期初.xlsx", HEADER, [
        [1, "牛奶", "", "箱", "", 6, 60, None, None, None, None, None],  # expires: no date
        [2, "大米", "10kg", "桶", "", 6, None, None, None, None, None, None],  # unit differs
        [3, "大米", "10kg", "袋", "", 6, 50, 310, None, None, None, None],  # 50 × 6 ≠ 310
        [4, "大米", "10kg", "袋", "", 6, "5O", None, None, None, None, None],  # letter O
        [5, "牛奶", "", "箱", "", 6, None, None, "2027-02-30", None, None, None],
        [6, "大米", "10kg", "袋", "", 6, None, None, None, None, "三号库", None],
        [7, "毛巾", "", "", "日用品", 6, None, None, None, None, None, None],  # new: no unit
    ])
    report = stock_import.import_opening_stock(head, path, on=TODAY, dry_run=True)
    assert [(p.row, p.code) for p in report.problems] == [
        (3, "stock_import_expiry_required"), (4, "stock_import_unit_differs"),
        (5, "stock_import_amount_mismatch"), (6, "bad_money"), (7, "bad_date"),
        (8, "stock_import_unknown_location"), (9, "stock_import_no_unit")]


def test_a_good_sheet_creates_items_and_stock_in_one_opening_voucher(head, catalogue, tmp_path):
    path = opening_sheet(tmp_path / "期初.xlsx", HEADER, [
        [1, "大米", "10kg", "袋", "粮油", 40, None, None, None, None, None, None],
        [2, "食用油", "5L", "桶", "粮油", 10, 69.9, 699, None, None, None, "金龙鱼"],
        [3, "棉衣", "均码", "件", "衣物", 12, None, 1200, None, None, None, None],
        [4, "牛奶", "", "箱", "", 6, 60, None, "2027-03-01", "B1", None, None],
        [5, "饼干", "", "箱", "粮油", 3, 20, None, dt.date(2027, 1, 1), None, None, None],
    ])
    dry = stock_import.import_opening_stock(head, path, on=TODAY - DAY, dry_run=True)
    assert dry.ok and not dry.written and dry.new_items == ("食用油（5L）", "棉衣（均码）", "饼干")
    assert dry.total_value_fen == 40 * 5000 + 69900 + 120000 + 36000 + 6000
    assert _ledger_size()[1] == 0

    report = stock_import.import_opening_stock(head, path, on=TODAY - DAY)
    assert report.written and len(report.vouchers) == 1
    voucher = Voucher.get_by_id(report.vouchers[0])
    assert voucher.kind == "opening" and voucher.moved_on == TODAY - DAY
    oil = Item.get(Item.name == "食用油")
    assert (oil.spec, oil.unit, oil.category.name, oil.notes) == ("5L", "桶", "粮油", "金龙鱼")
    assert Item.get(Item.name == "饼干").expires is True
    rows = {r.label: r for r in stock.overview(head)}
    assert rows["大米（10kg）"].on_hand == 40 and rows["大米（10kg）"].value_fen == 200000
    assert rows["棉衣（均码）"].value_fen == 120000
    assert rows["牛奶"].next_expiry == dt.date(2027, 3, 1)
    assert sum(r.value_fen for r in rows.values()) == dry.total_value_fen


def test_a_csv_with_name_and_spec_in_one_column(head, catalogue, tmp_path):
    path = tmp_path / "库存.csv"
    path.write_text("物资名称（规格）,单位,数量,金额\n大米（10kg）,袋,3,150\n合计,,3,150\n",
                    encoding="gb18030")
    report = stock_import.import_opening_stock(head, path, on=TODAY)
    assert report.written and report.new_items == ()
    assert {r.label: r.on_hand for r in stock.overview(head)}["大米（10kg）"] == 3


def test_a_sheet_without_a_quantity_column_is_refused(head, catalogue, tmp_path):
    path = opening_sheet(tmp_path / "x.xlsx", ["品名", "单位", "单价"], [["大米", "袋", 5]])
    with pytest.raises(ValidationError) as error:
        stock_import.import_opening_stock(head, path, on=TODAY)
    assert error.value.code == "stock_import_no_column"


def test_the_import_needs_inventory_manage(head, catalogue, tmp_path):
    desk = accounts.actor_for(accounts.create_staff(head, "lxy", "林小燕", "front_desk",
                                                    "secret123"))
    path = opening_sheet(tmp_path / "x.xlsx", HEADER[:6], [[1, "大米", "10kg", "袋", "", 1]])
    with pytest.raises(PermissionDenied):
        stock_import.import_opening_stock(desk, path, on=TODAY)


# ---------------------------------------------------------------- the command line


def test_stock_import_and_exports_from_the_command_line(tmp_path, capsys, monkeypatch):
    from station_desk.cli import main
    from station_desk.core import db

    monkeypatch.setenv("STATION_DESK_DB", str(tmp_path / "station.sqlite3"))
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "secret123")
    assert main(["init", "--station", "石滩社工站", "--head-username", "head",
                 "--head-name", "刘丽萍"]) == 0
    bad = opening_sheet(tmp_path / "bad.xlsx", HEADER[:7], [
        [1, "大米", "10kg", "袋", "粮油", 40, 52.5], [2, "棉被", "", "床", "床品", 5, 120]])
    assert main(["import", "stock", str(bad), "--date", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "发现 1 处问题（涉及 1 行），没有导入任何数据" in err
    assert "第 4 行 E 物资类别：没有“床品”这个物资类别。" in err
    good = opening_sheet(tmp_path / "good.xlsx", HEADER[:7], [[1, "大米", "10kg", "袋", "粮油", 40,
                                                               52.5]])
    assert main(["import", "stock", str(good), "--date", FIRST.isoformat(), "--dry-run"]) == 0
    assert "检查通过，未写入任何数据" in capsys.readouterr().out
    assert StockMovement.select().count() == 0
    assert main(["--lang", "en", "import", "stock", str(good), "--date", FIRST.isoformat()]) == 0
    assert "Imported: 1 lines of goods as opening stock" in capsys.readouterr().out
    out = tmp_path / "m.xlsx"
    assert main(["export", "stock-month", "--month", f"{FIRST:%Y-%m}", "--out", str(out)]) == 0
    assert "月末结存 2,100.00 元" in capsys.readouterr().out
    assert _sheet(out, layout.MONTHLY_SHEET)[0][0] == (
        f"石滩社工站 物资出入库台账（{FIRST.year}年{FIRST.month}月）")
    assert main(["export", "stock-ledger", "--from", FIRST.isoformat(), "--to",
                 TODAY.isoformat(), "--out", str(tmp_path / "s.xlsx")]) == 0
    assert main(["export", "donors", "--year", str(TODAY.year), "--out",
                 str(tmp_path / "d.xlsx")]) == 0
    assert main(["export", "stock-month", "--month", "2026-13", "--out", str(out)]) == 2
    assert "月份“2026-13”无法识别" in capsys.readouterr().err
    db.close()
