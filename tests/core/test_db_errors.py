"""What opening a database says when it can't: damaged, not ours, on a share, locked.

Each problem names the file (and, where one exists, the newest good backup), leaves
the file as it was, and reads as one sentence in Chinese and in English.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest

from station_desk.core import backup, db
from station_desk.core.errors import DatabaseProblem
from station_desk.core.models import Category
from station_desk.core.services import station
from station_desk.core.store import open_store
from station_desk.messages import describe_error, text

CJK = re.compile(r"[\u4e00-\u9fff]")


def corrupt_middle(path: Path) -> None:
    """Overwrite every page after the first with garbage, as a failing disk does.

    The header survives, so the file still looks like SQLite; its tables don't.
    """
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    assert len(data) >= 3 * page, "too small to corrupt in the middle"
    garbage = random.Random(20250315).randbytes(len(data) - 2 * page)
    path.write_bytes(data[:page] + garbage + data[-page:])


@pytest.fixture(autouse=True)
def _chinese_by_default(monkeypatch):
    monkeypatch.delenv("STATION_DESK_LANG", raising=False)
    yield
    db.close()


@pytest.fixture
def clock(monkeypatch):
    """Backups are named by the time; each call to ``tick`` moves it on an hour."""
    moment = [dt.datetime(2025, 3, 15, 9, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))]

    def tick():
        moment[0] += dt.timedelta(hours=1)

    monkeypatch.setattr(backup, "clock_now", lambda: moment[0])
    return tick


def assert_described(problem: Exception, *names: str) -> None:
    """One Chinese and one English sentence, each naming ``names``, no placeholders left."""
    rests = []
    for sentence in (describe_error(problem), describe_error(problem, lang="en")):
        rest = sentence
        for name in names:
            assert name in sentence
            rest = rest.replace(name, "")
        assert "{" not in rest and "}" not in rest
        assert problem.code not in rest  # a message, not the bare code
        rests.append(rest)
    zh, en = rests
    assert CJK.search(zh)
    assert not CJK.search(en)


def _open_fails(location, **kw) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as caught:
        open_store(location, **kw)
    return caught.value


# --- damaged files -------------------------------------------------------------------------


def _station_with_backups(location, head, clock, count):
    copies = []
    for i in range(count):
        station.save_category(head, name=f"类别{i}")
        copies.append(backup.take_backup(location))
        clock()
    db.close()
    return copies


def test_damaged_file_names_the_newest_good_backup(store, head, clock):
    older, newer = _station_with_backups(store, head, clock, 2)
    corrupt_middle(store.path)
    damaged = store.path.read_bytes()

    problem = _open_fails(store)

    assert problem.code == "db_damaged"
    assert problem.params["path"] == str(store.path)
    assert problem.params["backup"] == str(newer)
    assert store.path.read_bytes() == damaged
    assert_described(problem, str(store.path), str(newer))


def test_damaged_newest_backup_is_passed_over(store, head, clock):
    older, newer = _station_with_backups(store, head, clock, 2)
    half = newer.read_bytes()
    newer.write_bytes(half[: len(half) // 2])  # the disk was failing when it was taken
    corrupt_middle(store.path)

    problem = _open_fails(store)

    assert problem.code == "db_damaged"
    assert problem.params["backup"] == str(older)


def test_damaged_file_without_backups_says_so(store, head):
    station.save_category(head, name="困难退役军人")
    db.close()
    corrupt_middle(store.path)
    damaged = store.path.read_bytes()

    problem = _open_fails(store)

    assert problem.code == "db_damaged"
    assert problem.params["backup"] == ""
    assert store.path.read_bytes() == damaged
    assert text("hint_no_backup").strip() in describe_error(problem)
    assert text("hint_no_backup", "en").strip() in describe_error(problem, lang="en")
    assert_described(problem, str(store.path))


def test_file_with_a_broken_header_is_not_sqlite(store, clock):
    good = backup.take_backup(store)
    db.close()
    data = bytearray(store.path.read_bytes())
    data[:100] = random.Random(7).randbytes(100)
    store.path.write_bytes(bytes(data))

    problem = _open_fails(store)

    assert problem.code == "db_not_sqlite"
    assert problem.params["backup"] == str(good)
    assert store.path.read_bytes() == bytes(data)
    assert_described(problem, str(store.path), str(good))


def test_text_file_is_not_sqlite(location):
    # Somebody picked the household list instead of the database.
    location.path.write_text("姓名,身份证号\n张三,440183195207152345\n", encoding="utf-8")
    before = location.path.read_bytes()

    problem = _open_fails(location)

    assert problem.code == "db_not_sqlite"
    assert problem.params["path"] == str(location.path)
    assert problem.params["backup"] == ""
    assert location.path.read_bytes() == before
    assert not location.backup_dir.exists()
    assert_described(problem, str(location.path))


def test_a_folder_is_not_a_database(location):
    location.path.mkdir()
    problem = _open_fails(location)
    assert problem.code == "db_unreadable"
    assert_described(problem, str(location.path))
    # Nothing to restore over: no talk of backups or of keeping the "file".
    for lang in ("zh", "en"):
        assert text("hint_no_backup", lang).strip() not in describe_error(problem, lang)
    assert "backup" not in problem.params


# --- where the file is ---------------------------------------------------------------------


@pytest.mark.parametrize("fs_type", ["nfs4", "cifs", "smb3", "fuse.sshfs", "fuse.gvfsd-fuse",
                                     "fuse.smbnetfs"])
def test_network_share_is_refused_before_creating_anything(location, monkeypatch, fs_type):
    monkeypatch.setattr(db, "filesystem_type", lambda path: fs_type)
    problem = _open_fails(location)
    assert problem.code == "db_network_share"
    assert problem.params["path"] == str(location.path)
    assert list(location.path.parent.iterdir()) == []
    assert_described(problem, str(location.path))


def test_restore_onto_a_network_share_is_refused_before_writing(store, head, monkeypatch):
    from station_desk.core.store import restore

    copy = backup.take_backup(store)
    station.save_category(head, name="困难退役军人")
    db.close()
    before = store.path.read_bytes()
    files = set(store.path.parent.rglob("*"))
    monkeypatch.setattr(db, "filesystem_type", lambda path: "fuse.gvfsd-fuse")

    with pytest.raises(DatabaseProblem) as caught:
        restore(store, copy, head)

    assert caught.value.code == "db_network_share"
    assert caught.value.params["path"] == str(store.path)
    assert store.path.read_bytes() == before
    assert set(store.path.parent.rglob("*")) == files  # no pre-restore copy, nothing aside


def test_existing_database_on_a_network_share_is_left_alone(store, monkeypatch):
    db.close()
    before = store.path.read_bytes()
    monkeypatch.setattr(db, "filesystem_type", lambda path: "nfs4")
    assert _open_fails(store).code == "db_network_share"
    assert store.path.read_bytes() == before
    assert not store.path.with_name("station.sqlite3-wal").exists()


def test_local_disk_is_accepted(location, monkeypatch):
    monkeypatch.setattr(db, "filesystem_type", lambda path: "ext4")
    open_store(location)
    assert Category.select().count() == 17


def test_a_password_in_a_bad_url_is_not_repeated():
    for url in ("mysql://station:s3cr3t@192.168.1.5/station",
                "mysql://station:p@ss:w0rd@192.168.1.5:3306/station",
                "mssql://server/station?user=station&password=s3cr3t"):
        with pytest.raises(DatabaseProblem) as caught:
            db.resolve(url)
        for sentence in (describe_error(caught.value), describe_error(caught.value, lang="en")):
            assert "s3cr3t" not in sentence and "w0rd" not in sentence
            assert "192.168.1.5" in sentence or "server" in sentence


@pytest.mark.parametrize("url", ["mysql://x", "sqlite://station.sqlite3",
                                 "http://192.168.1.5/station.sqlite3"])
def test_bad_url(url):
    with pytest.raises(DatabaseProblem) as caught:
        db.resolve(url)
    assert caught.value.code == "db_bad_url"
    assert caught.value.params["url"] == url
    assert_described(caught.value, url)


# --- other programs holding the file -------------------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)


@contextmanager
def held_exclusively(path: Path):
    """A tool that switched the file out of WAL and holds it exclusively, mid-write.

    Close this process's connection first: the switch needs the file to itself."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA journal_mode=DELETE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO category (name, active, sort_order, note) "
                      "VALUES ('未提交', 1, 99, '')")
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_locked_database(store, short_busy_timeout):
    db.close()
    with held_exclusively(store.path):
        problem = _open_fails(store)
    assert problem.code == "db_locked"
    assert problem.params["path"] == str(store.path)
    assert_described(problem, str(store.path))
    # Once the other program lets go, the station opens as before.
    open_store(store, create=False)
    assert Category.select().count() == 17


def test_another_writer_in_wal_mode_does_not_stop_opening(store, short_busy_timeout):
    """The kiosk is half-way through a write: the office program still opens and reads."""
    db.close()
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO category (name, active, sort_order, note) "
                      "VALUES ('未提交', 1, 99, '')")
        open_store(store, create=False)
        names = {c.name for c in Category.select()}
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(names) == 17 and "未提交" not in names


@pytest.fixture
def writer_elsewhere(store):
    """The kiosk holds the write lock (a write transaction it has not finished)."""
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.execute("ROLLBACK")
    other.close()


def _locked(call) -> DatabaseProblem:
    with pytest.raises(DatabaseProblem) as caught:
        call()
    return caught.value


def test_a_write_blocked_past_the_busy_timeout_names_the_file(short_busy_timeout, store, head,
                                                             writer_elsewhere):
    problem = _locked(lambda: station.save_category(head, name="困难退役军人"))
    assert problem.code == "db_locked"
    assert problem.params["path"] == str(store.path)
    assert_described(problem, str(store.path))


def test_sign_in_and_reveals_blocked_by_a_lock_say_so(short_busy_timeout, store, head,
                                                     writer_elsewhere):
    from station_desk.core.audit import sensitive_read
    from station_desk.core.services import accounts

    for call in (lambda: accounts.authenticate("head", "secret123"),
                 lambda: sensitive_read(head, "staff", None, "test"),
                 lambda: accounts.create_first_head("other", "某某", "secret123")):
        problem = _locked(call)
        assert (problem.code, problem.params["path"]) == ("db_locked", str(store.path))


def test_the_write_goes_through_once_the_lock_is_let_go(short_busy_timeout, store, head):
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    _locked(lambda: station.save_category(head, name="困难退役军人"))
    other.execute("ROLLBACK")
    other.close()
    station.save_category(head, name="困难退役军人")
    assert Category.select().where(Category.name == "困难退役军人").count() == 1


def _break_a_tree_page(path: Path) -> None:
    """A few bytes gone wrong inside table pages: SQLite still opens the file, and its
    quick check reports the damage over two lines."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    rng = random.Random(20250316)
    for n in range(3, len(data) // page - 1, 7):
        at = n * page + 60
        data[at:at + 40] = rng.randbytes(40)
    path.write_bytes(bytes(data))


def test_the_damage_detail_is_one_line(store, head):
    with db.database.atomic():
        for i in range(3000):
            db.database.execute_sql(
                "INSERT INTO audit_log (at, actor_name, action, table_name, note) "
                "VALUES ('2025-03-15', '系统', 'test', 't', ?)", (f"{i:0200d}",))
    db.close()
    _break_a_tree_page(store.path)
    with sqlite3.connect(store.path) as conn:
        (raw,) = conn.execute("PRAGMA quick_check(1)").fetchone()
    conn.close()
    assert "\n" in raw  # what SQLite says spans lines ...

    problem = _open_fails(store)

    assert problem.code == "db_damaged"
    assert "\n" not in problem.params["detail"] and "in database main" in problem.params["detail"]
    assert "\n" not in describe_error(problem)  # ... the message doesn't


def test_every_detail_is_one_line():
    problem = DatabaseProblem("pg_unreachable", url="postgresql://x/y",
                              detail="could not connect\n\tIs the server running?\n")
    assert problem.params["detail"] == "could not connect; Is the server running?"


def corrupt_tail(path: Path) -> None:
    """Garble the last quarter of the pages but the very last: the schema and the early tables
    survive, the later rows don't (a disk failing where the newest data lies)."""
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    keep = pages * 3 // 4
    assert pages - keep >= 2, "too small to corrupt its tail"
    garbage = random.Random(20251123).randbytes(len(data) - (keep + 1) * page)
    path.write_bytes(data[:keep * page] + garbage + data[-page:])


def test_the_windows_background_check_finds_what_opening_skipped(store, head, clock):
    from station_desk.core.store import check_integrity

    _station_with_backups(store, head, clock, 1)
    assert check_integrity(store) is None  # a sound file
    for n in range(1500):  # enough rows that the damage lands past the schema's pages
        station.save_category(head, name=f"类别{n:04d}", note="x" * 250)
    db.close()
    corrupt_tail(store.path)
    open_store(store, create=False, full_check=False)  # the window starts without waiting
    problem = check_integrity(store)
    assert problem is not None and problem.code == "db_damaged"
    assert problem.params["backup"]  # names the newest good backup
    with pytest.raises(DatabaseProblem):  # the command line still checks at once
        db.close()
        open_store(store, create=False)
