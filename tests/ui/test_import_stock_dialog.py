"""The opening stock import dialog (a sheet checked in the background, previewed, imported;
bad rows listed with nothing importable) and the inventory export flows."""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook

from station_desk.core.clock import today
from station_desk.core.models import Item, ItemCategory, StockMovement
from station_desk.core.services import inventory as inv
from station_desk.core.services import stock
from station_desk.ui import ops
from station_desk.ui.context import AppContext
from station_desk.ui.dialogs import export_stock
from station_desk.ui.dialogs.import_stock import ImportStockDialog

HEADER = ["序号", "物资名称", "规格", "单位", "物资类别", "数量", "单价", "有效期至", "备注"]


@pytest.fixture(autouse=True)
def untranslated(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def sheet(path, rows):
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet("期初库存")
    ws.merge_range(0, 0, 0, len(HEADER) - 1, "石滩社工站期初库存")
    ws.write_row(1, 0, HEADER)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    workbook.close()
    return path


@pytest.fixture
def context(head, worker):
    rice = ItemCategory.get(ItemCategory.name == "粮油").id
    inv.save_item(head, inv.ItemInput("大米", "袋", rice, spec="10kg"))
    made = AppContext(location=None, actor=head, lang="zh", worker=worker)
    yield made
    made.bridge.close()


@pytest.fixture
def dialog(qtbot, context):
    made = ImportStockDialog(None, context)
    qtbot.addWidget(made)
    made.show()
    return made


def choose(qtbot, monkeypatch, dialog, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.operation is None, timeout=10000)


def test_a_sheet_is_previewed_then_imported(qtbot, monkeypatch, dialog, tmp_path, no_dialogs):
    path = sheet(tmp_path / "期初.xlsx", [
        [1, "大米", "10kg", "袋", "粮油", 40, 52.5, None, None],
        [2, "牛奶", "250ml×24", "箱", "粮油", 6, 60, "2027-03-01", None],
        [3, "棉被", "", "床", "其他", 5, None, None, "旧的"],
    ])
    choose(qtbot, monkeypatch, dialog, path)
    summary = dialog.summary_label.text()
    assert "表头在第 2 行，3 行数据" in summary
    assert "入库 3 行物资，合计 2,460.00 元（1 行无单价）" in summary
    assert "新建物资 2 种：牛奶（250ml×24）、棉被" in summary
    model = dialog.preview
    assert model.rowCount() == 3 and dialog.preview_view.isVisible()
    assert [model.data(model.index(0, c)) for c in range(6)] == [
        "3", "大米（10kg）", "袋", "40", "52.50", "2,100.00"]
    assert model.data(model.index(1, 6)) == "2027-03-01" and model.data(model.index(1, 8)) == "New"
    assert StockMovement.select().count() == 0  # the check writes nothing
    assert dialog.import_button.isEnabled()

    dialog.date_edit.setDate(QDate(2026, 1, 1) if today() >= dt.date(2026, 1, 1)
                             else QDate(today().year, 1, 1))
    qtbot.waitUntil(lambda: dialog.operation is None and dialog.report is not None
                    and dialog.report.on == dialog.opening_date(), timeout=10000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    assert dialog.result_value.written and dialog.result() == dialog.DialogCode.Accepted
    assert no_dialogs and "导入完成" in no_dialogs[-1][1]
    assert Item.get(Item.name == "棉被").category.name == "其他"
    rows = {r.label: r for r in stock.overview(dialog.actor)}
    assert rows["大米（10kg）"].on_hand == 40 and rows["牛奶（250ml×24）"].on_hand == 6
    assert {m.moved_on for m in stock.movements(dialog.actor)} == {dialog.opening_date()}


def test_bad_rows_are_listed_and_nothing_can_be_imported(qtbot, monkeypatch, dialog, tmp_path,
                                                         no_dialogs):
    path = sheet(tmp_path / "期初.xlsx", [
        [1, "大米", "10kg", "袋", "粮油", 40, 52.5, None, None],
        [2, "棉被", "", "床", "床上用品", 5, None, None, None],
        [3, "牛奶", "", "箱", "粮油", -6, 60, None, None],
    ])
    choose(qtbot, monkeypatch, dialog, path)
    problems = dialog.problem_list.model
    assert problems.rowCount() == 2 and dialog.problem_list.view.isVisible()
    assert [problems.data(problems.index(r, 0)) for r in range(2)] == ["4", "5"]
    assert problems.data(problems.index(0, 1)) == "E 物资类别"
    assert "没有“床上用品”这个物资类别" in problems.data(problems.index(0, 3))
    assert "发现 2 处问题（涉及 2 行）" in dialog.summary_label.text()
    assert dialog.preview_view.isHidden() and not dialog.import_button.isEnabled()
    assert StockMovement.select().count() == 0 and not no_dialogs


def test_the_period_dialog_gives_a_month_a_range_or_a_year(qtbot):
    month = export_stock.ExportPeriodDialog(None, export_stock.MONTH, "x")
    qtbot.addWidget(month)
    last = today().replace(day=1) - dt.timedelta(days=1)
    assert month.period() == (last.year, last.month)
    span = export_stock.ExportPeriodDialog(None, export_stock.RANGE, "x")
    qtbot.addWidget(span)
    span.date_from.setDate(QDate(2026, 5, 1))
    span.date_to.setDate(QDate(2026, 4, 1))
    span.check()
    assert not span.error.isHidden() and span.result() != span.DialogCode.Accepted
    year = export_stock.ExportPeriodDialog(None, export_stock.YEAR, "x")
    qtbot.addWidget(year)
    assert year.period() == today().year


def test_the_monthly_ledger_is_exported_in_the_background(qtbot, monkeypatch, context, tmp_path,
                                                          no_dialogs):
    rice = Item.get(Item.name == "大米").id
    stock.receive(context.actor, "opening", today(), [stock.InLine(rice, 7, unit_value_fen=5000)])
    monkeypatch.setattr(export_stock.ExportPeriodDialog, "ask",
                        classmethod(lambda cls, *a: (today().year, today().month)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "台账"), ""))
    operation = export_stock.export_monthly_ledger_ui(None, context)
    ops.wait_for(operation)
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=5000)
    written = tmp_path / "台账.xlsx"
    assert str(written) in no_dialogs[-1][1]
    rows = CalamineWorkbook.from_path(str(written)).get_sheet_by_name("物资出入库台账").to_python()
    assert next(r for r in rows if r[2] == "大米（10kg）")[12:14] == [7, 350.0]


@pytest.mark.parametrize(("flow", "period", "sheet_name", "file_name"), [
    ("export_stock_ledger_ui", (today().replace(day=1), today()), "库存明细账",
     f"库存明细账-{today().replace(day=1):%Y%m%d}-{today():%Y%m%d}.xlsx"),
    ("export_donor_totals_ui", today().year, "捐赠方统计", f"捐赠方统计-{today().year}年.xlsx"),
])
def test_the_other_exports_suggest_a_name_and_write_it(qtbot, monkeypatch, context, tmp_path,
                                                       no_dialogs, flow, period, sheet_name,
                                                       file_name):
    monkeypatch.setattr(export_stock.ExportPeriodDialog, "ask", classmethod(lambda cls, *a: period))
    suggested = []

    def save_as(parent, title, path, kinds):
        suggested.append(path)
        return str(tmp_path / "out.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    ops.wait_for(getattr(export_stock, flow)(None, context))
    assert suggested[0].endswith(file_name)
    assert sheet_name in CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).sheet_names


def test_cancelling_the_period_exports_nothing(monkeypatch, context):
    monkeypatch.setattr(export_stock.ExportPeriodDialog, "ask", classmethod(lambda cls, *a: None))
    assert export_stock.export_donor_totals_ui(None, context) is None


def test_a_sheet_without_a_stock_header_says_so(qtbot, monkeypatch, dialog, tmp_path, no_dialogs):
    path = tmp_path / "other.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.operation is None, timeout=10000)
    assert "找不到库存表的表头" in dialog.error.text()
    assert dialog.report is None and not dialog.import_button.isEnabled()
    assert not no_dialogs
