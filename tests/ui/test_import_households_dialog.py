"""导入台账 as a person goes through it: choose a file, look at the preview, map the columns,
check (in the background), read the bad rows, copy and save them, import."""

from __future__ import annotations

import csv

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from station_desk.core.models import AuditLog, Household, Member, Staff
from station_desk.core.services import accounts
from station_desk.ui.context import AppContext
from station_desk.ui.dialogs.import_households import ImportHouseholdsDialog

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id(prefix17: str) -> str:
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, WEIGHTS, strict=True)) % 11]


ZHANG = _id("44011219500307013")
LI = _id("44011219520101002")
WANG = _id("44011219600101003")


@pytest.fixture(autouse=True)
def untranslated(qapp):
    """English UI words (another test module may leave the Chinese catalogue installed);
    reasons and summaries come in the context's language (zh) from messages.py."""
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def ledger(path, rows):
    """A title row over a two-level merged header, members under their head."""
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet("花名册")
    ws.merge_range(0, 0, 0, 6, "石滩镇困难群众花名册")
    ws.merge_range(1, 0, 2, 0, "序号")
    ws.merge_range(1, 1, 1, 2, "户主信息")
    ws.merge_range(1, 3, 1, 4, "家庭成员")
    ws.merge_range(1, 5, 2, 5, "所属村(社区)")
    ws.merge_range(1, 6, 2, 6, "低保证号")
    ws.write_row(2, 1, ["姓名", "身份证号码", "姓名", "与户主关系"])
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if value is not None:
                ws.write_string(r, c, value)
    workbook.close()
    return path


GOOD = [["1", "张三", ZHANG, "张三", "户主", "麻车村", "001"],
        [None, None, None, "李四", "配偶", None, None],
        ["2", "王五", WANG, "王五", "户主", "沙头村", "002"]]


@pytest.fixture
def context(demo_store, worker):
    head = next(s for s in accounts.list_staff() if s.role == "head")
    made = AppContext(location=demo_store, actor=accounts.actor_for(Staff.get_by_id(head.id)),
                      lang="zh", worker=worker)
    yield made
    made.bridge.close()


@pytest.fixture
def dialog(qtbot, context):
    made = ImportHouseholdsDialog(None, context)
    qtbot.addWidget(made)
    made.show()
    return made


def choose(qtbot, monkeypatch, dialog, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.source is not None and dialog.operation is None, timeout=10000)


def check(qtbot, dialog):
    assert dialog.next_button.isEnabled() and dialog.next_button.text() == "Check >"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.operation is None, timeout=10000)


def test_preview_columns_check_import(qtbot, monkeypatch, dialog, tmp_path, no_dialogs):
    households = Household.select().count()
    path = ledger(tmp_path / "花名册.xlsx", GOOD)
    assert not dialog.next_button.isEnabled()
    choose(qtbot, monkeypatch, dialog, path)

    # Step 1: the sheet as it is, header rows shaded, each column headed by its field.
    preview = dialog.preview
    assert dialog.file_label.text() == "花名册.xlsx"
    assert dialog.sheet_combo.currentText() == "花名册"
    assert preview.rowCount() == 6 and preview.columnCount() == 7
    assert preview.headerData(1, Qt.Orientation.Horizontal) == "B\nHead of household"
    assert preview.headerData(6, Qt.Orientation.Horizontal) == "G\n(not imported)"
    assert preview.headerData(3, Qt.Orientation.Vertical) == "4"  # Excel's row number
    assert preview.data(preview.index(1, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert preview.data(preview.index(3, 2)) == "440***********" + ZHANG[-4:]  # masked
    assert "rows 2–3" in dialog.layout_label.text()

    # Step 2: each column and what it is imported as, editable.
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.COLUMNS
    combos = {row.column.letter: row.combo for row in dialog.mapping_rows}
    assert combos["B"].currentData() == "head_name" and combos["C"].currentData() == "head_id_number"
    assert combos["D"].currentData() == "name" and combos["G"].currentData() is None
    combos["F"].setCurrentIndex(combos["F"].findData("address"))
    combos["D"].setCurrentIndex(combos["D"].findData("address"))
    assert "one column only" in dialog.mapping_note.text()
    assert not dialog.next_button.isEnabled()
    combos["D"].setCurrentIndex(combos["D"].findData("name"))
    combos["F"].setCurrentIndex(combos["F"].findData("village"))
    assert dialog.mapping_note.isHidden() and dialog.next_button.isEnabled()

    # Step 3: the check, then the import.
    check(qtbot, dialog)
    assert dialog.pages.currentIndex() == dialog.CHECK
    assert "将新增 2 户" in dialog.summary_label.text()
    assert "未导入的列：低保证号" in dialog.summary_label.text()
    assert dialog.problems_view.isHidden()
    assert dialog.import_button.isEnabled()
    assert Household.select().count() == households  # a check writes nothing
    audit = AuditLog.select().count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    assert dialog.result_value.written and dialog.result() == dialog.DialogCode.Accepted
    assert Household.select().count() == households + 2
    assert {m.name for m in Member.select().join(Household)
            .where(Household.head_name == "张三")} == {"张三", "李四"}
    assert AuditLog.select().count() == audit + 3  # two households and the import itself
    assert no_dialogs and "导入完成：新增 2 户" in no_dialogs[-1][1]


def test_bad_rows_are_listed_and_nothing_can_be_imported(qtbot, monkeypatch, dialog, tmp_path,
                                                         no_dialogs):
    rows = [r[:] for r in GOOD]
    rows[0][2] = "440***********1234"  # a masked number, row 4
    rows[2][5] = "火星村"  # no such village, row 6
    path = ledger(tmp_path / "bad.xlsx", rows)
    choose(qtbot, monkeypatch, dialog, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    households = Household.select().count()
    check(qtbot, dialog)
    assert not dialog.import_button.isEnabled()
    assert "发现 2 处问题（涉及 2 行）" in dialog.summary_label.text()
    model = dialog.problems
    assert model.rowCount() == 2 and dialog.problems_view.isVisible()
    cells = [[model.data(model.index(r, c)) for c in range(4)] for r in range(2)]
    assert cells[0][:3] == ["4", "C 户主信息 / 身份证号码", "440***********1234"]
    assert "脱敏" in cells[0][3]
    assert cells[1] == ["6", "F 所属村(社区)", "火星村", "本站没有“火星村”这个村居。"]

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "Row\tColumn\tValue\tWhy" and copied[2].startswith("6\tF 所属村(社区)\t火星村")
    target = tmp_path / "问题.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle))
    assert saved[0] == ["Row", "Column", "Value", "Why"] and saved[2][2] == "火星村"

    # Back to the columns: without the village column, new households have no village.
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.COLUMNS
    combo = next(r.combo for r in dialog.mapping_rows if r.column.letter == "F")
    combo.setCurrentIndex(combo.findData(None))
    check(qtbot, dialog)
    assert sorted((p.row, p.code) for p in dialog.report.problems) == [
        (4, "import_masked_id"), (4, "import_no_village"), (6, "import_no_village")]
    assert Household.select().count() == households
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Rejected and dialog.result_value is None
    assert no_dialogs == []


def test_a_file_without_a_header_says_so(qtbot, monkeypatch, dialog, tmp_path, no_dialogs):
    path = tmp_path / "x.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.operation is None and dialog.error.isVisible(), timeout=10000)
    assert "找不到表头" in dialog.error.text()
    assert dialog.source is None and not dialog.next_button.isEnabled()
    assert no_dialogs == []
