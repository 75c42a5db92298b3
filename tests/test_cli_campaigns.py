"""The campaign commands: create (shortfall printed), list, show, the printouts with
--campaign, the workbook, close; bad input says so in Chinese and exits non-zero."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from station_desk.cli import main
from station_desk.core import db


@pytest.fixture
def dbfile(tmp_path, monkeypatch):
    path = tmp_path / "station.sqlite3"
    monkeypatch.setenv("STATION_DESK_DB", str(path))
    for name in ("STATION_DESK_PASSWORD", "STATION_DESK_NEW_PASSWORD", "STATION_DESK_LANG"):
        monkeypatch.delenv(name, raising=False)
    yield path
    db.close()


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return "".join(out.split())


def test_a_campaign_from_the_command_line(dbfile, capsys, tmp_path):
    run(capsys, "demo")
    code, out, err = run(capsys, "campaign", "create", "--name", "重阳敬老", "--festival",
                         "double_ninth", "--year", "2026", "--from", "2026-11-01", "--to",
                         "2026-11-30", "--min-age", "80", "--package", "重阳敬老包",
                         "--budget", "5000")
    assert code == 0, err
    assert "已建立慰问活动 #" in out and "“重阳敬老”：2026-11-01 至 2026-11-30" in out
    assert "库存不足：" in out and "缺" in out  # the demo's stock can't cover every household
    cid = out.split("#", 1)[1].split("“", 1)[0]
    code, out, _ = run(capsys, "campaign", "list")
    assert code == 0 and "重阳敬老" in out and "进行中" in out
    code, out, _ = run(capsys, "campaign", "show", cid)
    assert code == 0 and "重阳 2026-10-18" in out and "村居" in out and "库存" in out

    sheets = tmp_path / "sheets.pdf"
    code, out, err = run(capsys, "print", "visit-sheets", "--campaign", cid, "--out", str(sheets))
    assert code == 0, err
    assert "入户慰问走访表：1 个小组" in out
    text = pdf_text(sheets)
    assert "重阳敬老入户慰问走访表" in text and "***********" in text and "未分组" in text
    code, _, err = run(capsys, "print", "visit-sheets", "--campaign", cid, "--team", "第九组",
                       "--out", str(sheets))
    assert code == 2 and "没有名为“第九组”的走访小组" in err

    sign = tmp_path / "sign.pdf"
    code, out, err = run(capsys, "print", "campaign-sign-off", "--campaign", cid, "--out", str(sign))
    assert code == 0, err
    assert "物资领取签收表" in pdf_text(sign)
    summary = tmp_path / "summary.pdf"
    code, _, err = run(capsys, "print", "campaign-summary", "--campaign", cid, "--out", str(summary))
    assert code == 0, err
    assert "重阳敬老活动总结" in pdf_text(summary)

    book = tmp_path / "重阳.xlsx"
    code, out, err = run(capsys, "export", "campaign", "--campaign", cid, "--out", str(book))
    assert code == 0, err
    assert "已导出" in out and "证件号码和电话已脱敏" in out and book.exists()
    from python_calamine import CalamineWorkbook

    assert "慰问对象" in CalamineWorkbook.from_path(str(book)).sheet_names

    code, out, err = run(capsys, "campaign", "close", cid, "--note", "圆满完成")
    assert code == 0, err
    assert "已结束" in out
    code, _, err = run(capsys, "campaign", "close", cid)
    assert code == 2 and "已结束，不能再修改" in err
    code, out, _ = run(capsys, "--lang", "en", "campaign", "list")
    assert code == 0 and "closed" in out


def test_bad_input_says_so_in_chinese(dbfile, capsys):
    run(capsys, "demo")
    _, before, _ = run(capsys, "campaign", "list")
    code, out, err = run(capsys, "campaign", "create", "--name", "七夕", "--festival", "qixi")
    assert code == 2 and out == ""
    assert "没有代码为“qixi”的节日" in err and "mid_autumn（中秋）" in err
    code, _, err = run(capsys, "campaign", "create", "--name", "x", "--festival", "mid_autumn",
                       "--package", "没有这个包")
    assert code == 2 and "没有名为“没有这个包”的慰问包" in err
    code, _, err = run(capsys, "campaign", "create", "--name", "x", "--festival", "mid_autumn",
                       "--village", "火星村")
    assert code == 2 and "火星村" in err
    code, _, err = run(capsys, "campaign", "show", "999")
    assert code == 2 and err.strip()
    code, out, _ = run(capsys, "campaign", "list")
    assert code == 0 and out == before  # nothing was made by the refused ones


def test_a_visit_day_and_its_sheets(dbfile, capsys, tmp_path):
    run(capsys, "demo")
    code, out, err = run(capsys, "campaign", "create", "--name", "十一月家访日", "--kind",
                         "visit_day", "--from", "2026-11-24", "--to", "2026-11-30")
    assert code == 0, err
    assert "十一月家访日" in out and "库存不足" not in out
    cid = out.split("#", 1)[1].split("“", 1)[0]
    sheets = tmp_path / "day.pdf"
    code, out, err = run(capsys, "print", "visit-sheets", "--campaign", cid, "--out", str(sheets))
    assert code == 0, err
    assert "个小组" in out and "家访日入户慰问走访表" in pdf_text(sheets)
