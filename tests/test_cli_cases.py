"""The case commands: print case (masked unless --show-name), print caseload, export cases,
case list, hotline log; a social worker can't print another's case (Chinese message, exit
non-zero)."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.cli import main
from station_desk.core import db
from station_desk.core.clock import today
from station_desk.core.models import AuditLog, Case, HotlineCall, Household, Staff
from station_desk.core.services import accounts
from station_desk.core.services import cases as cs
from station_desk.core.store import open_store

from .test_cli_campaigns import pdf_text


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


@pytest.fixture
def with_case(dbfile, capsys):
    """The demo station and a case of 黄海燕's (huanghaiyan) with two records."""
    assert run(capsys, "demo")[0] == 0
    open_store(db.resolve(dbfile))
    staff = Staff.get(Staff.username == "huanghaiyan")
    worker = accounts.actor_for(staff)
    busy = Case.select(Case.household).where(Case.status != "closed")
    household = Household.get((Household.social_worker == staff.id)
                              & Household.id.not_in(busy))  # the demo may hold cases too
    case = cs.open_case(worker, cs.CaseInput(household.id, "老人独居，行动不便",
                                             opened_on=today() - dt.timedelta(days=20),
                                             risk="high"))
    cs.add_record(worker, case.id, cs.RecordInput("入户面谈，了解生活情况", minutes=40,
                                                  served_on=today() - dt.timedelta(days=19)))
    cs.add_record(worker, case.id, cs.RecordInput("电话跟进", kind="phone", minutes=10))
    name = household.head_name
    db.close()
    return {"case": case.id, "name": name}


HEAD = ("--user", "liuliping")  # case notes are read by a person who signed in


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")


def test_case_notes_need_a_signed_in_person(with_case, capsys, tmp_path):
    code, out, err = run(capsys, "print", "case", "--case", str(with_case["case"]),
                         "--out", str(tmp_path / "case.pdf"))
    assert code != 0 and "--user" in err and not (tmp_path / "case.pdf").exists()
    code, out, err = run(capsys, "case", "list")
    assert code != 0 and "--user" in err


def test_print_the_case_file_masked_and_with_the_name(with_case, capsys, tmp_path, password):
    out_pdf = tmp_path / "case.pdf"
    code, out, err = run(capsys, *HEAD, "print", "case", "--case", str(with_case["case"]),
                         "--out", str(out_pdf))
    assert code == 0, err
    assert "服务记录 2 条（姓名已脱敏）" in out
    text = pdf_text(out_pdf)
    assert "个案工作记录" in text and "入户面谈" in text and with_case["name"] not in text
    code, out, err = run(capsys, *HEAD, "print", "case", "--case", str(with_case["case"]),
                         "--show-name", "--out", str(out_pdf))
    assert code == 0, err
    assert with_case["name"] in pdf_text(out_pdf)


def test_another_social_worker_cant_print_the_case(with_case, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    out_pdf = tmp_path / "case.pdf"
    code, out, err = run(capsys, "--user", "chenjiahui", "print", "case", "--case",
                         str(with_case["case"]), "--out", str(out_pdf))
    assert code != 0 and out == "" and "其他社工负责" in err
    assert not out_pdf.exists()
    code, _, err = run(capsys, "--user", "huanghaiyan", "print", "case", "--case",
                       str(with_case["case"]), "--out", str(out_pdf))
    assert code == 0, err
    code, _, err = run(capsys, "--user", "chenjiahui", "print", "caseload", "--worker",
                       "huanghaiyan", "--month", today().strftime("%Y-%m"), "--out",
                       str(tmp_path / "load.pdf"))
    assert code != 0 and "其他社工负责" in err


def test_print_caseload_and_export_the_figures(with_case, capsys, tmp_path, password):
    from python_calamine import CalamineWorkbook

    month = today().strftime("%Y-%m")
    load = tmp_path / "load.pdf"
    code, out, err = run(capsys, *HEAD, "print", "caseload", "--worker", "huanghaiyan",
                         "--month", month, "--out", str(load))
    assert code == 0, err
    assert "个案工作量表：黄海燕" in out
    text = pdf_text(load)
    assert "社工月度个案工作量表" in text and with_case["name"] not in text
    assert f"#{with_case['case']}" in text
    code, _, err = run(capsys, *HEAD, "print", "caseload", "--worker", "huanghaiyan",
                       "--month", "2026-13", "--out", str(load))
    assert code != 0 and "月份" in err
    code, _, err = run(capsys, *HEAD, "print", "caseload", "--month", month, "--out", str(load))
    assert code != 0 and "社工" in err  # the head names whose sheet it is
    xlsx = tmp_path / "figures.xlsx"
    code, out, err = run(capsys, "export", "cases", "--month", month, "--out", str(xlsx))
    assert code == 0, err
    assert "只有数字" in out
    sheet = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("按社工").to_python()
    assert any(row[1] == "黄海燕" and row[2] >= 1 and row[5] >= 2 for row in sheet)


def test_case_list_masks_names_unless_full_ids(with_case, dbfile, capsys, password):
    code, out, err = run(capsys, *HEAD, "case", "list", "--worker", "huanghaiyan")
    assert code == 0, err
    mine = f"#{with_case['case']} "
    assert mine in out and "老人独居" in out and "个个案" in out
    assert with_case["name"] not in out and "黄海燕" in out
    open_store(db.resolve(dbfile))
    listed = AuditLog.select().where((AuditLog.action == "reveal")
                                     & AuditLog.note.contains("个案列表")).count()
    assert listed == 1  # the problems printed are on the audit log
    db.close()
    code, out, _ = run(capsys, *HEAD, "case", "list", "--full-ids")
    assert code == 0 and with_case["name"] in out
    code, out, _ = run(capsys, *HEAD, "case", "list", "--status", "closed")
    assert code == 0 and mine not in out
    code, out, _ = run(capsys, *HEAD, "case", "list", "--due")
    assert code == 0 and mine not in out  # served today


def test_hotline_log_finds_the_household_by_phone(dbfile, capsys, monkeypatch):
    assert run(capsys, "demo")[0] == 0
    open_store(db.resolve(dbfile))
    household = Household.select().where(Household.phone != "").first()
    phone = household.phone
    db.close()
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    code, out, err = run(capsys, "--user", "linxiaoyan", "hotline", "log", "--content",
                         "老人摔倒，家属求助", "--line", "0731-8888", "--caller", "王先生",
                         "--phone", phone, "--urgency", "urgent", "--action", "已通知村医上门")
    assert code == 0, err
    assert "已记录来电 #" in out and "诉求 #" in out and "来电户：" in out
    assert household.head_name not in out  # the front desk sees the name masked
    open_store(db.resolve(dbfile))
    call = HotlineCall.select().order_by(HotlineCall.id.desc()).first()
    assert call.household_id == household.id and call.urgency == "urgent"
    assert call.need.source == "hotline" and call.action == "已通知村医上门"
    db.close()
    code, _, err = run(capsys, "hotline", "log", "--content", " ")
    assert code != 0 and err
    code, _, err = run(capsys, "hotline", "log", "--content", "求助", "--phone", "abc")
    assert code != 0 and "电话号码" in err
