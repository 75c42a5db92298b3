"""The activity commands on a small station: print activity-sheet, print project-report (at a
date), print wishes, export project, export activities, activity list, project list, wish list;
unknown ids and bad dates or years give a Chinese message and a non-zero exit, no traceback."""

from __future__ import annotations

import pytest

from station_desk.cli import main
from station_desk.core import db

from .core.test_activities import town  # noqa: F401
from .core.test_activity_printouts import HELD, YEAR, worked  # noqa: F401
from .test_cli_campaigns import pdf_text


@pytest.fixture
def station(worked, location):  # noqa: F811 (the fixtures imported above)
    """The worked station, closed so that each command opens it itself."""
    db.close()
    return {**worked, "db": str(location.path)}


def run(capsys, station, *argv):
    code = main(["--db", station["db"], *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_print_the_activity_sheet(station, capsys, tmp_path):
    out = tmp_path / "sheet.pdf"
    code, said, err = run(capsys, station, "print", "activity-sheet", "--activity",
                          str(station["held"]), "--blank", "6", "--out", str(out))
    assert code == 0, err
    assert "长者健康讲座" in said and "已报名 4 人，志愿者 2 人，空白 6 行" in said
    text = pdf_text(out)
    assert "王小军" in text and "户主：王秀英" in text and "13800001111" not in text
    code, said, err = run(capsys, station, "--lang", "en", "print", "activity-sheet",
                          "--activity", str(station["held"]), "--out", str(out))
    assert code == 0 and "4 signed up" in said and "Activitysign-insheet" in pdf_text(out)
    for argv, message in (((), "“活动”"), (("--activity", "9999"), "找不到"),
                          (("--activity", str(station["dropped"])), "已取消，不再打印签到表")):
        bad = tmp_path / "bad.pdf"
        code, said, err = run(capsys, station, "print", "activity-sheet", *argv,
                              "--out", str(bad))
        assert code != 0 and message in err and not bad.exists(), err


def test_print_and_export_the_project_report(station, capsys, tmp_path):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "project.pdf"
    code, said, err = run(capsys, station, "print", "project-report", "--project",
                          str(station["project"]), "--on", HELD.isoformat(), "--out", str(out))
    assert code == 0, err
    assert f"截至 {HELD.isoformat()}，活动 1 场" in said
    assert "喘息服务项目" in pdf_text(out) and "陈大山" not in pdf_text(out)
    book = tmp_path / "project.xlsx"
    code, said, err = run(capsys, station, "export", "project", "--project",
                          str(station["project"]), "--out", str(book))
    assert code == 0 and "已导出" in said, err
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("活动清单").to_python()
    assert rows[3][2] == "长者健康讲座"
    code, said, err = run(capsys, station, "print", "project-report", "--project",
                          str(station["project"]), "--on", "2026-13-45", "--out", str(out))
    assert code != 0 and "无法识别" in err and "2026-13-45" in err
    code, said, err = run(capsys, station, "export", "project", "--project", "777",
                          "--out", str(book))
    assert code != 0 and "找不到" in err


def test_print_the_wish_list_and_export_the_year(station, capsys, tmp_path):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "wishes.pdf"
    code, said, err = run(capsys, station, "print", "wishes", "--out", str(out))
    assert code == 0 and "待认领 2 个" in said, err
    text = pdf_text(out)
    assert "小军" in text and "李奶奶" in text and "王秀英" not in text and "李桂兰" not in text
    book = tmp_path / "year.xlsx"
    code, said, err = run(capsys, station, "export", "activities", "--year", str(YEAR),
                          "--out", str(book))
    assert code == 0 and f"{YEAR}年活动" in said, err
    assert "微心愿" in CalamineWorkbook.from_path(str(book)).sheet_names
    with pytest.raises(SystemExit) as stop:  # argparse refuses it, in Chinese
        main(["--db", station["db"], "export", "activities", "--year", "20x6", "--out",
              str(book)])
    assert stop.value.code != 0 and "年份“20x6”无法识别" in capsys.readouterr().err


def test_the_lists(station, capsys):
    code, said, err = run(capsys, station, "activity", "list", "--year", str(HELD.year))
    assert code == 0, err
    assert "长者健康讲座" in said and "社区活动" in said and "已取消" in said
    assert "王秀英" not in said
    code, said, err = run(capsys, station, "activity", "list", "--kind", "group")
    assert "亲子手工小组" in said and "长者健康讲座" not in said and "共 1 场活动" in said
    code, said, err = run(capsys, station, "project", "list")
    assert code == 0 and "喘息服务项目" in said and "目标：10 户、40 人次、8 次" in said
    code, said, err = run(capsys, station, "wish", "list")
    assert code == 0 and "共 4 个微心愿" in said and "小军" in said
    assert "王秀英" not in said and "李桂兰" not in said
    code, said, err = run(capsys, station, "--lang", "en", "wish", "list", "--status", "rated")
    assert code == 0 and "陈爷爷" in said and "1 wishes" in said
