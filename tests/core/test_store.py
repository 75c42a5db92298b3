"""Opening the station database, restoring a backup, and two programs on one file."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from station_desk import __version__
from station_desk.core import backup, db, migrations
from station_desk.core.errors import BackupProblem, DatabaseProblem, PermissionDenied
from station_desk.core.models import AuditLog, Category, Staff, Tier
from station_desk.core.services import station
from station_desk.core.store import open_store, restore
from tests.core.test_db_errors import corrupt_middle, held_exclusively

SEEDED_CATEGORIES = [
    "低保", "低保边缘", "支出型困难家庭", "特困供养", "临时救助", "困境儿童", "孤儿",
    "事实无人抚养儿童", "农村留守儿童", "孤寡老人", "独居老人", "空巢老人", "高龄老人",
    "重度残疾人", "残疾人", "重病患者", "计划生育特殊家庭",
]


@pytest.fixture(autouse=True)
def _close_database():
    yield
    db.close()


def _pragma(name):
    return db.database.execute_sql(f"PRAGMA {name}").fetchone()[0]


def _category_names():
    return {c.name for c in Category.select()}


# --- opening -------------------------------------------------------------------------------


def test_fresh_path_gets_the_latest_schema_and_seeded_lookups(location):
    assert not location.path.exists()
    database = open_store(location)
    assert location.path.is_file()
    assert migrations.current_version(database) == migrations.latest_version()
    rows = list(database.execute_sql(
        "SELECT version, program_version FROM schema_version ORDER BY version"))
    assert rows == [(v, __version__) for v in range(1, migrations.latest_version() + 1)]
    names = [c.name for c in Category.select().order_by(Category.sort_order)]
    assert names == SEEDED_CATEGORIES
    tiers = [(t.level, t.name, t.visit_interval_days) for t in Tier.select().order_by(Tier.level)]
    assert tiers == [(1, "一级", 7), (2, "二级", 14), (3, "三级", 30), (4, "四级", 90)]
    # A new database has nothing to lose: no pre-migrate copy.
    assert backup.list_backups(location) == []


def test_pragmas_are_in_force_on_the_peewee_connection(store):
    assert _pragma("journal_mode") == "wal"
    assert _pragma("foreign_keys") == 1
    assert _pragma("synchronous") == 2  # FULL: a power cut loses nothing committed
    assert _pragma("busy_timeout") == db.BUSY_TIMEOUT_S * 1000


def test_foreign_keys_are_enforced(store):
    from station_desk.core.models import Village

    with pytest.raises(Exception, match="FOREIGN KEY"):
        Village.create(code="X1", name="无主村", social_worker=9999)


def test_reopening_takes_no_backup_and_adds_no_version(store, head):
    station.save_category(head, name="困难退役军人")
    db.close()
    database = open_store(store, create=False)
    assert database.execute_sql("SELECT COUNT(*) FROM schema_version").fetchone()[0] == \
        migrations.latest_version()
    assert "困难退役军人" in _category_names()
    assert backup.list_backups(store) == []


def test_open_without_create_refuses_a_missing_file(location):
    with pytest.raises(DatabaseProblem) as caught:
        open_store(location, create=False)
    assert caught.value.code == "db_missing"
    assert caught.value.params["path"] == str(location.path)
    assert not location.path.exists()


def test_an_empty_file_becomes_a_new_station_database(location):
    location.path.touch()  # "New > file" by mistake, or a copy that never started
    database = open_store(location)
    assert migrations.current_version(database) == migrations.latest_version()
    assert len(_category_names()) == len(SEEDED_CATEGORIES)


# --- restoring -----------------------------------------------------------------------------


def _restore_rows():
    return list(AuditLog.select().where(AuditLog.action == "restore"))


def test_restore_round_trip(store, head):
    station.save_category(head, name="困难退役军人")
    copy = backup.take_backup(store)
    station.save_category(head, name="错误录入")
    station.save_category(head, 1, name="低保（城市）")

    result = restore(store, copy, head)

    names = _category_names()
    assert "困难退役军人" in names
    assert "错误录入" not in names
    assert "低保" in names and "低保（城市）" not in names
    assert result.restored_from == copy
    assert result.damaged_copy is None
    assert result.from_version == result.to_version == migrations.latest_version()
    # The data the restore replaced is kept in a checked pre-restore copy.
    assert result.safety_copy is not None and result.safety_copy.is_file()
    assert result.safety_copy.parent == store.backup_dir
    assert result.safety_copy.name.endswith("-pre-restore.sqlite3")
    backup.verify(result.safety_copy)
    with sqlite3.connect(result.safety_copy) as conn:
        kept = {r[0] for r in conn.execute("SELECT name FROM category")}
    assert {"错误录入", "低保（城市）"} <= kept
    (row,) = _restore_rows()
    assert row.actor_id == head.staff_id
    assert row.actor_name == head.name
    assert str(copy) in row.new_values
    assert str(result.safety_copy) in row.note
    # The restored database is the live one: writing goes on as normal.
    station.save_category(head, name="恢复后新增")
    assert "恢复后新增" in _category_names()


def test_restoring_the_oldest_of_many_copies_keeps_it(store, head, monkeypatch):
    """The pre-restore copy prunes the folder; the copy being restored must survive it."""
    import datetime as dt

    moment = [dt.datetime(2025, 3, 15, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))]
    monkeypatch.setattr(backup, "clock_now", lambda: moment[0])
    copies = []
    for i in range(9):
        station.save_category(head, name=f"类别{i}")
        copies.append(backup.take_backup(store, policy=backup.Policy(recent=50)))
        moment[0] += dt.timedelta(minutes=5)
    oldest = copies[0]

    result = restore(store, oldest, head)

    assert result.restored_from == oldest
    assert oldest.is_file()
    backup.verify(oldest)
    names = _category_names()
    assert "类别0" in names and "类别1" not in names


def test_restore_a_backup_older_than_the_restoring_account(store):
    """The head who restores may have been added after the copy was taken."""
    from station_desk.core.services import accounts

    early = backup.take_backup(store)  # taken at first start, before any account
    head = accounts.actor_for(accounts.create_first_head("head", "刘丽萍", "secret123"))
    station.save_category(head, name="困难退役军人")

    restore(store, early, head)

    assert "困难退役军人" not in _category_names()
    assert Staff.select().count() == 0
    (row,) = _restore_rows()
    assert row.actor_id is None
    assert row.actor_name == "刘丽萍"


def test_restore_replaces_a_damaged_database_and_keeps_it_aside(store, head):
    station.save_category(head, name="困难退役军人")
    copy = backup.take_backup(store)
    station.save_category(head, name="损坏前最后一条")
    db.close()
    corrupt_middle(store.path)
    damaged_bytes = store.path.read_bytes()

    result = restore(store, copy, head)

    aside = store.path.with_name("station.sqlite3.damaged")
    assert result.damaged_copy == aside
    assert aside.read_bytes() == damaged_bytes
    assert result.safety_copy is None  # nothing sound to copy
    assert "困难退役军人" in _category_names()
    assert "损坏前最后一条" not in _category_names()
    assert len(_restore_rows()) == 1
    assert db.database.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"
    assert _pragma("journal_mode") == "wal"


def test_restore_onto_a_locked_database_leaves_it_in_place(store, head, monkeypatch):
    """Another program holds the file: that is a lock to wait out, not damage to move aside."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    station.save_category(head, name="困难退役军人")
    copy = backup.take_backup(store)
    station.save_category(head, name="锁定时的数据")
    db.close()
    with held_exclusively(store.path), pytest.raises(DatabaseProblem) as caught:
        restore(store, copy, head)
    assert caught.value.code == "db_locked"
    assert caught.value.params["path"] == str(store.path)
    assert store.path.is_file()
    assert list(store.path.parent.glob("*.damaged*")) == []
    open_store(store, create=False)
    assert "锁定时的数据" in _category_names()


def test_restore_never_overwrites_an_earlier_damaged_copy(store, head):
    copy = backup.take_backup(store)
    earlier = store.path.with_name("station.sqlite3.damaged")
    earlier.write_bytes(b"kept from last year's disk failure")
    db.close()
    corrupt_middle(store.path)
    damaged_bytes = store.path.read_bytes()

    result = restore(store, copy, head)

    assert earlier.read_bytes() == b"kept from last year's disk failure"
    assert result.damaged_copy not in (None, earlier)
    assert result.damaged_copy.name.startswith("station.sqlite3.damaged")
    assert result.damaged_copy.read_bytes() == damaged_bytes


def _live_snapshot(location):
    """The live file's bytes with every connection closed (so the WAL is folded in)."""
    db.close()
    return location.path.read_bytes()


def test_restore_refuses_a_damaged_backup_and_leaves_the_live_database(store, head):
    station.save_category(head, name="困难退役军人")
    copy = backup.take_backup(store)
    bad = copy.with_name("station-20250101-080000-manual.sqlite3")
    data = copy.read_bytes()
    bad.write_bytes(data[: len(data) // 2])  # the USB stick was pulled out halfway
    before = _live_snapshot(store)
    backups_before = {b.path for b in backup.list_backups(store)}

    with pytest.raises(BackupProblem) as caught:
        restore(store, bad, head)

    assert caught.value.code == "backup_damaged"
    assert caught.value.params["path"] == str(bad)
    assert store.path.read_bytes() == before
    assert {b.path for b in backup.list_backups(store)} == backups_before  # no pre-restore copy
    assert not store.path.with_name("station.sqlite3.damaged").exists()


def test_restore_refuses_a_backup_from_a_newer_program(store, head):
    copy = backup.take_backup(store)
    with sqlite3.connect(copy) as conn:
        conn.execute("INSERT INTO schema_version (version, applied_at, program_version) "
                     "VALUES (99, '2030-01-01T00:00:00+08:00', '9.0')")
    conn.close()
    before = _live_snapshot(store)
    with pytest.raises(BackupProblem) as caught:
        restore(store, copy, head)
    assert caught.value.code == "backup_newer"
    assert caught.value.params["version"] == 99
    assert store.path.read_bytes() == before


def test_restore_refuses_the_live_file_itself(store, head):
    with pytest.raises(BackupProblem) as caught:
        restore(store, store.path, head)
    assert caught.value.code == "backup_is_live"


def test_restore_refuses_a_link_to_the_live_file(store, head, tmp_path):
    link = tmp_path / "elsewhere" / "station-20250315-093005-manual.sqlite3"
    link.parent.mkdir()
    link.symlink_to(store.path)
    hard = tmp_path / "elsewhere" / "hard.sqlite3"
    hard.hardlink_to(store.path)
    for source in (link, hard, store.path.parent / "." / store.path.name):
        with pytest.raises(BackupProblem) as caught:
            restore(store, source, head)
        assert caught.value.code == "backup_is_live"
    assert backup.list_backups(store) == []


def test_restore_needs_the_head(location, staff_actors):
    copy = backup.take_backup(location)
    station.save_category(staff_actors["head"], name="困难退役军人")
    for role in ("social_worker", "front_desk", "kiosk"):
        with pytest.raises(PermissionDenied):
            restore(location, copy, staff_actors[role])
    with pytest.raises(PermissionDenied):
        restore(location, copy, None)
    assert "困难退役军人" in _category_names()
    assert [b.path for b in backup.list_backups(location)] == [copy]
    assert _restore_rows() == []


# --- two programs on one file --------------------------------------------------------------

WRITES_PER_WORKER = 50


def _write_categories(path: str, prefix: str, count: int, barrier) -> None:
    """Runs in a child process: the kiosk PC's program next to the office's."""
    from station_desk.core.services import accounts

    open_store(db.resolve(path), create=False)
    try:
        head = accounts.actor_for(Staff.get(Staff.username == "head"))
        barrier.wait(timeout=60)
        for i in range(count):
            station.save_category(head, name=f"{prefix}{i:02d}")
    finally:
        db.close()


def test_two_processes_write_to_one_file(store, head):
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [
        ctx.Process(target=_write_categories,
                    args=(str(store.path), prefix, WRITES_PER_WORKER, barrier))
        for prefix in ("办公室", "前台")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    for worker in workers:
        if worker.is_alive():
            worker.kill()
            worker.join()
    assert [w.exitcode for w in workers] == [0, 0]

    # This process kept its own connection open all along and sees every write.
    written = [c for c in Category.select() if c.name.startswith(("办公室", "前台"))]
    expected = {f"{p}{i:02d}" for p in ("办公室", "前台") for i in range(WRITES_PER_WORKER)}
    assert {c.name for c in written} == expected
    # Each next sort order was read and written in one IMMEDIATE transaction: no repeats.
    orders = [c.sort_order for c in Category.select()]
    assert len(orders) == len(set(orders))
    audited = (AuditLog.select()
               .where((AuditLog.table_name == "category") & (AuditLog.action == "create"))
               .where(AuditLog.actor == head.staff_id))
    assert sorted(a.row_id for a in audited) == sorted(c.id for c in written)
    assert db.database.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"

