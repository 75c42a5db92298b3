"""The volunteer import dialog: a roster is checked in the background, then imported or its
bad rows listed (nothing written)."""

from __future__ import annotations

import csv

import pytest
import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from station_desk.core.models import Skill, Staff, Team, Volunteer
from station_desk.core.services import accounts
from station_desk.core.services import volunteers as vs
from station_desk.ui.context import AppContext
from station_desk.ui.dialogs.import_volunteers import ImportVolunteersDialog

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id(prefix17: str) -> str:
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, WEIGHTS, strict=True)) % 11]


CHEN = _id("44011819810307002")  # a woman born 1981-03-07
HE = _id("44011819930515001")  # a man born 1993-05-15
LUO = _id("44011819590101003")  # a man born 1959-01-01


@pytest.fixture(autouse=True)
def untranslated(qapp):
    """English UI words; reasons and summaries come in the context's language (zh)."""
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def roster(path, header, rows):
    """A merged title row and a sign-off line around the header and rows."""
    workbook = xlsxwriter.Workbook(str(path))
    ws = workbook.add_worksheet("志愿者")
    ws.merge_range(0, 0, 0, len(header) - 1, "石滩镇志愿者花名册")
    ws.write_row(1, 0, header)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            if value is not None:
                ws.write_string(r, c, value)
    ws.write_string(len(rows) + 3, 0, "填表人：林小燕")
    workbook.close()
    return path


HEADER = ["序号", "志愿者姓名", "性别", "手机号", "身份证号", "政治面貌", "服务队", "特长",
          "注册编号", "入队日期", "民族"]


@pytest.fixture
def context(demo_store, worker):
    head = next(s for s in accounts.list_staff() if s.role == "head")
    made = AppContext(location=demo_store, actor=accounts.actor_for(Staff.get_by_id(head.id)),
                      lang="zh", worker=worker)
    for name in ("党员先锋队", "巾帼志愿队"):
        if not Team.select().where(Team.name == name).exists():
            vs.save_team(made.actor, name=name)
    for name in ("医疗", "理发"):
        if not Skill.select().where(Skill.name == name).exists():
            vs.save_skill(made.actor, name=name)
    yield made
    made.bridge.close()


@pytest.fixture
def dialog(qtbot, context):
    made = ImportVolunteersDialog(None, context)
    qtbot.addWidget(made)
    made.show()
    return made


def choose(qtbot, monkeypatch, dialog, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.operation is None, timeout=10000)


def test_a_clean_roster_is_summarised_then_imported(qtbot, monkeypatch, dialog, context, tmp_path,
                                                    no_dialogs):
    he_id = vs.create_volunteer(context.actor, vs.VolunteerInput(name="何家明", id_number=HE))
    volunteers = Volunteer.select().count()
    path = roster(tmp_path / "花名册.xlsx", HEADER, [
        ["1", "陈秀英", "女", "13912345678", CHEN, "中共党员", "党员先锋队", "医疗、理发",
         "44010000123", "2023-03-05", "汉族"],
        ["2", "何家明", None, "13712340001", HE, "群众", "巾帼志愿队", None, None, None, "汉族"],
        ["3", "罗伯", "男", "13712340002", LUO, None, None, None, None, None, None],
    ])
    assert not dialog.import_button.isEnabled()
    choose(qtbot, monkeypatch, dialog, path)

    assert dialog.file_label.text() == "花名册.xlsx"
    assert dialog.sheet_combo.currentText() == "志愿者"
    summary = dialog.summary_label.text()
    assert "表头在第 2 行，3 行数据" in summary
    assert "导入将新增 2 名志愿者、更新 1 名，0 名无变化" in summary
    assert "Columns imported: 志愿者姓名、性别、手机号、身份证号" in summary
    assert "未导入的列：民族" in summary
    assert dialog.problems_view.isHidden() and dialog.copy_button.isHidden()
    assert dialog.import_button.isEnabled()
    assert Volunteer.select().count() == volunteers  # the check writes nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    assert dialog.result_value.written and dialog.result() == dialog.DialogCode.Accepted
    assert no_dialogs and "导入完成：新增 2 名志愿者" in no_dialogs[-1][1]
    assert Volunteer.select().count() == volunteers + 2
    chen = Volunteer.get(Volunteer.id_number == CHEN)
    assert chen.team.name == "党员先锋队" and chen.party_member
    assert sorted(link.skill.name for link in chen.skill_links) == ["医疗", "理发"]
    he = Volunteer.get_by_id(he_id)
    assert he.phone == "13712340001" and he.team.name == "巾帼志愿队"


def test_bad_rows_are_listed_and_nothing_can_be_imported(qtbot, monkeypatch, dialog, tmp_path,
                                                         no_dialogs):
    volunteers = Volunteer.select().count()
    bad_id = CHEN[:-1] + ("0" if CHEN[-1] != "0" else "1")
    path = roster(tmp_path / "名册.xlsx", ["姓名", "性别", "联系电话", "公民身份号码", "所属队伍"], [
        ["陈秀英", "女", "13912345678", bad_id, "党员先锋队"],
        ["何家明", "男", "13712340001", HE, "篮球队"],
        ["罗伯", "未知", "13712340002", LUO, None],
    ])
    choose(qtbot, monkeypatch, dialog, path)

    model = dialog.problems
    assert model.rowCount() == 3 and dialog.problems_view.isVisible()
    rows = [model.data(model.index(r, 0)) for r in range(3)]
    assert [str(r) for r in rows] == ["3", "4", "5"]  # the spreadsheet's row numbers
    assert model.data(model.index(1, 1)) == "E 所属队伍"
    assert model.data(model.index(1, 2)) == "篮球队"
    assert "本站没有“篮球队”这支服务队" in model.data(model.index(1, 3))
    assert "发现 3 处问题（涉及 3 行）" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.operation is None and dialog.result_value is None

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "Row\tColumn\tValue\tWhy" and copied[2].startswith("4\tE 所属队伍\t篮球队\t")
    target = tmp_path / "problems.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with open(target, encoding="utf-8-sig", newline="") as handle:
        saved = list(csv.reader(handle))
    assert [line[0] for line in saved] == ["Row", "3", "4", "5"]
    assert Volunteer.select().count() == volunteers  # nothing written
    assert not no_dialogs


def test_a_sheet_without_a_roster_header_says_so(qtbot, monkeypatch, dialog, tmp_path, no_dialogs):
    path = tmp_path / "other.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.operation is None, timeout=10000)
    assert "找不到志愿者名册的表头" in dialog.error.text()
    assert dialog.report is None and not dialog.import_button.isEnabled()
    assert not no_dialogs


def test_the_volunteers_page_imports_a_roster_and_lists_it(qtbot, monkeypatch, store, staff_actors,
                                                           worker, tmp_path, no_dialogs):
    from PySide6.QtCore import QTimer

    from station_desk.ui.pages.volunteers import VolunteersPage

    vs.save_team(staff_actors["head"], name="党员先锋队")
    context = AppContext(location=store, actor=staff_actors["front_desk"], lang="zh", worker=worker)
    page = VolunteersPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.import_button.isVisible()
    path = roster(tmp_path / "花名册.xlsx", ["姓名", "手机号码", "服务队"],
                  [["陈秀英", "13912345678", "党员先锋队"], ["罗伯", "13712340002", None]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    steps: list[str] = []

    def drive():
        """Runs inside the dialog's exec(): choose the file, wait for the check, import."""
        found = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, ImportVolunteersDialog) and w.isVisible()]
        if not found:
            return
        dialog = found[0]
        if not steps:
            steps.append("chosen")
            dialog.choose_button.click()
        elif dialog.operation is None and dialog.report is not None and "imported" not in steps:
            steps.append("imported")
            assert dialog.import_button.isEnabled(), dialog.summary_label.text()
            dialog.import_button.click()
        elif len(steps) > 2000:  # something went wrong: close rather than hang
            dialog.reject()
        else:
            steps.append("waiting")

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(5)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert "imported" in steps
    names = sorted(page.model.row_at(r).name for r in range(page.model.rowCount()))
    assert names == ["罗伯", "陈秀英"]  # listed at once
    context.bridge.close()
