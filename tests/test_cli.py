"""The command line as a new user types it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from station_desk import __version__
from station_desk.cli import main
from station_desk.core import db
from station_desk.core.models import AuditLog


@pytest.fixture
def dbfile(tmp_path, monkeypatch):
    path = tmp_path / "station.sqlite3"
    monkeypatch.setenv("STATION_DESK_DB", str(path))
    monkeypatch.delenv("STATION_DESK_PASSWORD", raising=False)
    monkeypatch.delenv("STATION_DESK_NEW_PASSWORD", raising=False)
    monkeypatch.delenv("STATION_DESK_LANG", raising=False)
    yield path
    db.close()


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_check_backup(dbfile, capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "石滩镇第一社工服务站" in out and "26 个村居" in out
    code, out, _ = run(capsys, "check")
    assert code == 0 and "检查通过" in out
    code, out, _ = run(capsys, "backup")
    assert code == 0 and "备份完成并已校验" in out
    backups = list((dbfile.parent / "station-backups").glob("station-*-manual.sqlite3"))
    assert len(backups) == 1
    code, out, _ = run(capsys, "--lang", "en", "info")
    assert code == 0 and "Villages" in out and "26" in out
    code, out, err = run(capsys, "demo")
    assert code == 2 and out == "" and err.strip().count("\n") == 0 and "空数据库" in err


def test_commands_on_a_missing_database_say_so(dbfile, capsys):
    for command in ("check", "backup", "info"):
        code, _, err = run(capsys, command)
        assert code == 2 and str(dbfile) in err and "不存在" in err
    assert not dbfile.exists()


def test_users_are_masked_unless_full_ids_which_is_audited(dbfile, capsys):
    run(capsys, "demo")
    _, out, _ = run(capsys, "users")
    assert "****" in out and "liuliping" in out
    _, out, _ = run(capsys, "--full-ids", "users")
    assert "****" not in out
    db.close()
    db.bind(db.make_sqlite(dbfile))
    reveal = AuditLog.get(AuditLog.action == "reveal")
    assert reveal.actor_name == "命令行" and "full-ids" in reveal.note


def test_sign_in_as_a_user(dbfile, capsys, monkeypatch):
    run(capsys, "demo")
    monkeypatch.setenv("STATION_DESK_PASSWORD", "wrong")
    code, _, err = run(capsys, "--user", "liuliping", "users")
    assert code == 2 and err.strip() == "用户名或密码不正确。"
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    code, _, err = run(capsys, "--user", "huanghaiyan", "users")
    assert code == 2 and "无权" in err  # demo accounts sign in with the demo password
    code, out, _ = run(capsys, "--user", "huanghaiyan", "backup")
    assert code == 0
    code, out, _ = run(capsys, "--user", "huanghaiyan", "check")
    assert code == 0
    # A password the head set is good only for choosing one's own.
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "given123")
    code, _, _ = run(capsys, "user", "add", "xinren", "--name", "新同事", "--role", "social_worker")
    assert code == 0
    monkeypatch.setenv("STATION_DESK_PASSWORD", "given123")
    code, _, err = run(capsys, "--user", "xinren", "backup")
    assert code == 2 and "station-desk --user xinren passwd" in err
    monkeypatch.delenv("STATION_DESK_PASSWORD")
    code, _, err = run(capsys, "passwd")
    assert code == 2 and "--user" in err
    monkeypatch.setenv("STATION_DESK_PASSWORD", "given123")
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "changed1")
    code, out, _ = run(capsys, "--user", "xinren", "passwd")
    assert code == 0 and "xinren" in out
    code, _, err = run(capsys, "--user", "xinren", "backup")
    assert code == 2 and "不正确" in err  # the old password is gone
    monkeypatch.setenv("STATION_DESK_PASSWORD", "changed1")
    code, out, _ = run(capsys, "--user", "xinren", "backup")
    assert code == 0
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    code, _, err = run(capsys, "--user", "huanghaiyan", "--full-ids", "user", "add", "x1",
                       "--name", "某", "--role", "kiosk")
    assert code == 2 and "无权" in err


@pytest.mark.parametrize("command", [
    ["check"], ["info"], ["backups"], ["settings"], ["settings", "backup.keep_daily"],
    ["print", "villages", "--out", "x.pdf"], ["users"], ["audit"], ["backup"], ["passwd"],
])
def test_the_kiosk_account_sees_nothing(dbfile, capsys, monkeypatch, tmp_path, command):
    run(capsys, "demo")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "changed1")
    code, out, err = run(capsys, "--user", "qiantai", *command)
    assert code == 2 and "无权" in err and "kiosk" in err
    assert out == "" and not (tmp_path / "x.pdf").exists()


def test_failed_sign_ins_are_audited(dbfile, capsys, monkeypatch):
    run(capsys, "demo")
    monkeypatch.setenv("STATION_DESK_PASSWORD", "wrong")
    run(capsys, "--user", "liuliping", "info")
    run(capsys, "--user", "nobody" * 30, "info")
    db.bind(db.make_sqlite(dbfile))
    rows = list(AuditLog.select().where(AuditLog.action == "sign_in_failed").order_by(AuditLog.id))
    assert [r.actor_id for r in rows] == [None, None]
    assert "liuliping" in rows[0].note and rows[0].row_id is not None
    assert "nobody" in rows[1].note and rows[1].row_id is None
    assert len(rows[1].note) < 120


def test_user_management(dbfile, capsys, monkeypatch):
    run(capsys, "demo")
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "welcome1")
    code, out, _ = run(capsys, "user", "add", "newbie", "--name", "新同事", "--role", "front_desk")
    assert code == 0 and "newbie" in out
    code, _, err = run(capsys, "user", "set", "liuliping", "--active", "no")
    assert code == 2 and "最后一个" in err
    code, _, err = run(capsys, "user", "set", "ghost", "--active", "no")
    assert code == 2 and "ghost" in err
    code, out, _ = run(capsys, "user", "reset-password", "newbie")
    assert code == 0
    code, out, _ = run(capsys, "audit", "--table", "staff", "--limit", "3")
    assert code == 0 and "reset_password" in out and "命令行" in out


def _password_of(dbfile, username, password):
    from station_desk.core.passwords import verify_password

    db.close()
    db.bind(db.make_sqlite(dbfile))
    from station_desk.core.models import Staff

    ok = verify_password(password, Staff.get(Staff.username == username).password_hash)
    db.close()
    return ok


def test_the_sign_in_password_is_never_a_new_accounts(dbfile, capsys, monkeypatch):
    """$STATION_DESK_PASSWORD signs --user in; a new password comes from elsewhere."""
    run(capsys, "demo")
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    code, out, err = run(capsys, "--user", "liuliping", "user", "add", "newbie",
                         "--name", "新同事", "--role", "front_desk")
    assert code == 2 and "STATION_DESK_NEW_PASSWORD" in err
    code, out, err = run(capsys, "--user", "liuliping", "user", "reset-password", "huanghaiyan")
    assert code == 2 and "STATION_DESK_NEW_PASSWORD" in err
    assert _password_of(dbfile, "huanghaiyan", "demo1234")

    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "welcome1")
    code, out, _ = run(capsys, "--user", "liuliping", "user", "add", "newbie",
                       "--name", "新同事", "--role", "front_desk")
    assert code == 0
    assert _password_of(dbfile, "newbie", "welcome1")
    assert not _password_of(dbfile, "newbie", "demo1234")


def test_new_passwords_typed_at_the_terminal_are_asked_twice(dbfile, capsys, monkeypatch):
    from station_desk import cli

    run(capsys, "demo")
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")  # must not be used for the new one
    monkeypatch.setattr(cli.sys.stdin, "isatty", lambda: True, raising=False)
    typed = iter(["welcome1", "welcome2"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(typed))
    code, _, err = run(capsys, "user", "add", "newbie", "--name", "新同事", "--role", "front_desk")
    assert code == 2 and "不一致" in err
    typed = iter(["welcome1", "welcome1"])
    code, _, _ = run(capsys, "user", "add", "newbie", "--name", "新同事", "--role", "front_desk")
    assert code == 0
    assert _password_of(dbfile, "newbie", "welcome1")


def test_init_creates_the_station_in_one_go(dbfile, capsys, monkeypatch):
    from station_desk.core.models import Staff, Station, Village

    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "welcome1")
    code, out, _ = run(capsys, "init", "--station", "石滩镇第一社工服务站", "--head-username",
                       "liuliping", "--head-name", "刘丽萍", "--town", "石滩镇",
                       "--village", "麻车村", "--village", "沙头村")
    assert code == 0 and "liuliping" in out and "2 个村居" in out
    db.bind(db.make_sqlite(dbfile))
    assert Station.get().name == "石滩镇第一社工服务站"
    assert [v.name for v in Village.select().order_by(Village.id)] == ["石滩镇", "麻车村", "沙头村"]
    assert Staff.get().username == "liuliping"
    db.close()
    code, _, err = run(capsys, "init", "--station", "另一个", "--head-username", "x2",
                       "--head-name", "某某")
    assert code == 2 and "已有账号" in err


def test_init_that_fails_leaves_no_account(dbfile, capsys, monkeypatch):
    from station_desk.core.models import AuditLog, Staff

    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "welcome1")
    code, _, err = run(capsys, "init", "--station", "站" * 200, "--head-username", "liuliping",
                       "--head-name", "刘丽萍")
    assert code == 2 and "太长" in err
    db.bind(db.make_sqlite(dbfile))
    assert Staff.select().count() == 0 and AuditLog.select().count() == 0
    db.close()
    code, _, _ = run(capsys, "init", "--station", "石滩镇第一社工服务站", "--head-username",
                     "liuliping", "--head-name", "刘丽萍")
    assert code == 0


def test_audit_masks_phones_unless_full_ids(dbfile, capsys):
    run(capsys, "demo")
    code, _, _ = run(capsys, "user", "set", "huanghaiyan", "--phone", "13912345678")
    assert code == 0
    code, out, _ = run(capsys, "audit", "--table", "staff")
    assert code == 0 and "139****5678" in out and "13912345678" not in out
    code, out, _ = run(capsys, "--full-ids", "audit", "--table", "staff")
    assert code == 0 and "13912345678" in out
    db.bind(db.make_sqlite(dbfile))
    reveal = AuditLog.get(AuditLog.action == "reveal")
    assert reveal.table_name == "audit_log" and "full-ids" in reveal.note


def test_backup_elsewhere_is_for_the_head_and_audited(dbfile, capsys, monkeypatch, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    run(capsys, "demo")
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "changed1")
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")
    run(capsys, "--user", "huanghaiyan", "passwd")
    monkeypatch.setenv("STATION_DESK_PASSWORD", "changed1")
    code, _, err = run(capsys, "--user", "huanghaiyan", "backup", "--to", str(usb))
    assert code == 2 and "无权" in err and list(usb.iterdir()) == []
    code, _, _ = run(capsys, "--user", "huanghaiyan", "backup")
    assert code == 0
    code, out, _ = run(capsys, "backup", "--to", str(usb))
    (copy,) = usb.iterdir()
    assert code == 0 and str(copy) in out
    db.bind(db.make_sqlite(dbfile))
    export = AuditLog.get(AuditLog.action == "export")
    assert str(copy) in export.new_values and export.actor_name == "命令行"


def test_settings(dbfile, capsys):
    run(capsys, "demo")
    code, out, _ = run(capsys, "settings", "backup.interval_minutes", "45")
    assert code == 0 and out.strip() == "backup.interval_minutes = 45"
    code, _, err = run(capsys, "settings", "backup.interval_minutes", "1")
    assert code == 2 and "5 到 1440" in err
    code, out, _ = run(capsys, "settings")
    assert "backup.interval_minutes" in out and "45" in out
    code, out, _ = run(capsys, "settings", "backup.interval_minutes")  # one rule, shown
    assert code == 0 and out.strip() == "backup.interval_minutes = 45"
    code, out, _ = run(capsys, "settings", "backup.keep_daily")
    assert code == 0 and out.strip() == "backup.keep_daily = 12"
    code, _, err = run(capsys, "settings", "no.such.rule")
    assert code == 2 and "no.such.rule" in err


@pytest.mark.parametrize("limit", ["0", "-3", "10001", "lots"])
def test_audit_limit_is_checked_by_the_parser(dbfile, capsys, limit):
    with pytest.raises(SystemExit) as caught:
        main(["--lang", "en", "audit", "--limit", limit])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "--limit" in err and "1 to 10000" in err and limit in err
    assert not dbfile.exists()


def test_audit_limit_in_range(dbfile, capsys):
    run(capsys, "demo")
    code, out, _ = run(capsys, "audit", "--limit", "10000")
    assert code == 0 and out
    code, out, _ = run(capsys, "audit", "--limit", "1")
    assert code == 0 and len(out.strip().splitlines()) == 1


def test_restore_round_trip(dbfile, capsys, monkeypatch):
    run(capsys, "demo")
    _, out, _ = run(capsys, "backup")
    copy = out.split("：", 1)[1].split("（")[0].strip()
    monkeypatch.setenv("STATION_DESK_NEW_PASSWORD", "welcome1")
    run(capsys, "user", "add", "later", "--name", "后来者", "--role", "kiosk")
    code, out, _ = run(capsys, "restore", copy)
    assert code == 0 and "恢复前的数据已备份到" in out
    _, out, _ = run(capsys, "users")
    assert "later" not in out
    code, _, err = run(capsys, "restore", str(dbfile.parent / "nope.sqlite3"))
    assert code == 2 and "不存在" in err


def test_damaged_database_names_file_and_backup(dbfile, capsys):
    run(capsys, "demo")
    run(capsys, "backup")
    db.close()
    data = bytearray(dbfile.read_bytes())
    data[4096:4096 * 6] = b"\xff" * (4096 * 5)
    dbfile.write_bytes(bytes(data))
    code, out, err = run(capsys, "check")
    assert code == 3 and err == ""
    problem, summary = out.strip().split("\n")
    assert problem.startswith("✗ ") and str(dbfile) in problem and "restore" in problem
    assert "1 个问题" in summary
    assert dbfile.read_bytes() == bytes(data)


def test_a_locked_database_is_one_line_naming_the_file(dbfile, capsys, monkeypatch):
    import sqlite3

    run(capsys, "demo")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(dbfile, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the kiosk is half-way through a write
    try:
        code, _, err = run(capsys, "settings", "backup.interval_minutes", "45")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 2 and str(dbfile) in err and "占用" in err
    assert err.strip().count("\n") == 0


def test_a_lock_outside_any_service_is_named_too(dbfile, capsys, monkeypatch):
    import peewee

    from station_desk.core import settings

    run(capsys, "demo")

    def locked():
        raise peewee.OperationalError("database is locked")

    monkeypatch.setattr(settings, "all_values", locked)
    code, _, err = run(capsys, "--lang", "en", "settings")
    assert code == 2 and str(dbfile) in err and "held by another program" in err


def test_restore_as_a_user_onto_a_damaged_database_says_to_drop_user(dbfile, capsys,
                                                                    monkeypatch):
    run(capsys, "demo")
    _, out, _ = run(capsys, "backup")
    copy = out.split("：", 1)[1].split("（")[0].strip()
    db.close()
    data = bytearray(dbfile.read_bytes())
    data[4096:4096 * 6] = b"\xff" * (4096 * 5)
    dbfile.write_bytes(bytes(data))
    monkeypatch.setenv("STATION_DESK_PASSWORD", "demo1234")

    code, out, err = run(capsys, "--user", "liuliping", "restore", copy)

    assert code == 2 and out == ""
    assert "不带 --user" in err and f'station-desk restore "{copy}"' in err
    assert err.strip().count("\n") == 0
    assert dbfile.read_bytes() == bytes(data)
    code, out, _ = run(capsys, "restore", copy)
    assert code == 0 and ".damaged" in out


def test_bad_urls_and_postgres_without_its_driver(capsys, monkeypatch):
    monkeypatch.delenv("STATION_DESK_DB", raising=False)
    code, _, err = run(capsys, "--db", "mysql://x/y", "info")
    assert code == 2 and "无法识别" in err
    monkeypatch.setitem(sys.modules, "psycopg2", None)  # as on a machine without the extra
    code, _, err = run(capsys, "--db", "postgresql://station@localhost/station", "info")
    assert code == 2 and "psycopg2" in err


def _station_desk_command() -> list[str]:
    """The installed console script when there is one (what a user types), else ``-m``."""
    from pathlib import Path

    folder = Path(sys.executable).parent
    for name in ("station-desk", "station-desk.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    return [sys.executable, "-m", "station_desk"]


def test_entry_point_runs_without_traceback(tmp_path):
    command = _station_desk_command()
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"station-desk {__version__}"
    result = subprocess.run(
        [*command, "--db", str(tmp_path / "x.sqlite3"), "--lang", "en", "check"],
        capture_output=True, text=True)
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_console_script_is_the_one_tested(monkeypatch, tmp_path):
    """With a station-desk script beside the interpreter the test runs it, not ``-m``."""
    (tmp_path / "station-desk").write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert _station_desk_command() == [str(tmp_path / "station-desk")]
    (tmp_path / "station-desk").unlink()
    assert _station_desk_command() == [str(tmp_path / "python"), "-m", "station_desk"]
