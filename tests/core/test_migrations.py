"""Schema steps: they build what the models describe, upgrade old files after a backup,
and refuse files that are newer than the program or not ours."""

from __future__ import annotations

import sqlite3
import types

import peewee
import pytest
from playhouse.migrate import migrate

from station_desk.core import backup, db, migrations
from station_desk.core.errors import DatabaseProblem
from station_desk.core.models import ALL_MODELS, Category
from station_desk.core.services import station
from station_desk.core.store import open_store, restore
from tests.core.test_db_errors import assert_described

STEP1 = migrations.load_steps()[0]
REAL = migrations.load_steps()  # the steps this program ships
CURRENT = len(REAL)


def _add_code_column(database, migrator):
    migrate(migrator.add_column("category", "code", peewee.CharField(max_length=16, null=True)))


# What a second release might ship: a module with VERSION and up(db, migrator).
STEP2 = types.SimpleNamespace(VERSION=2, up=_add_code_column, __name__="m0002_category_code")
# What the next release might ship after the steps this program has.
NEXT = types.SimpleNamespace(VERSION=CURRENT + 1, up=_add_code_column, __name__="next_category_code")


@pytest.fixture(autouse=True)
def _close_database():
    yield
    db.close()


@pytest.fixture
def program_v2(monkeypatch):
    """The program as it will be once the next step ships."""
    monkeypatch.setattr(migrations, "load_steps", lambda: [*REAL, NEXT])
    monkeypatch.setattr(migrations, "latest_version", lambda: NEXT.VERSION)


@pytest.fixture
def bare(tmp_path):
    """A connected SQLite file with nothing in it, not bound to the proxy."""
    database = db.make_sqlite(tmp_path / "bare.sqlite3")
    database.connect()
    yield database
    database.close()


def _columns(database, table):
    return {c.name for c in database.get_columns(table)}


def _versions(database):
    return [r[0] for r in database.execute_sql("SELECT version FROM schema_version ORDER BY 1")]


# --- steps and models agree ----------------------------------------------------------------


def _schema(database):
    """Tables with their columns, indexes and foreign keys, names of indexes aside."""
    return {
        table: {
            "columns": {(c.name, c.data_type.upper(), c.null, c.primary_key)
                        for c in database.get_columns(table)},
            "indexes": {(tuple(i.columns), i.unique) for i in database.get_indexes(table)},
            "foreign_keys": {(f.column, f.dest_table, f.dest_column)
                             for f in database.get_foreign_keys(table)},
        }
        for table in database.get_tables()
    }


def test_migrated_schema_matches_the_models(store):
    migrated = _schema(db.database.obj)
    from_models = peewee.SqliteDatabase(":memory:")
    with from_models.bind_ctx(ALL_MODELS):
        from_models.create_tables(ALL_MODELS)
    expected = _schema(from_models)

    for model in ALL_MODELS:
        table = model._meta.table_name
        assert table in migrated, f"no step creates {table}"
        model_columns = {f.column_name for f in model._meta.sorted_fields}
        assert {c[0] for c in migrated[table]["columns"]} == model_columns, table
        assert migrated[table] == expected[table], table
    assert set(migrated) == set(expected), "a step creates a table no model describes"


def test_upgrade_from_version_1_keeps_the_data(bare):
    assert migrations.upgrade(bare, steps=[STEP1]) == (None, 1)
    bare.execute_sql("INSERT INTO category (name, active, sort_order, note) "
                     "VALUES ('困难退役军人', 1, 18, '县退役军人事务局名单')")
    calls = []

    def before_upgrade(found, target):
        # The hook runs first, while the file is still as it was (the backup's moment).
        calls.append((found, target, "code" in _columns(bare, "category")))

    assert migrations.upgrade(bare, steps=[STEP1, STEP2], before_upgrade=before_upgrade) == (1, 2)

    assert calls == [(1, 2, False)]
    assert "code" in _columns(bare, "category")
    rows = bare.execute_sql("SELECT name, note, code FROM category WHERE sort_order = 18")
    assert list(rows) == [("困难退役军人", "县退役军人事务局名单", None)]
    assert bare.execute_sql("SELECT COUNT(*) FROM category").fetchone()[0] == 18
    assert _versions(bare) == [1, 2]
    assert migrations.current_version(bare) == 2
    # Up to date: nothing runs, no backup is asked for.
    assert migrations.upgrade(bare, steps=[STEP1, STEP2], before_upgrade=before_upgrade) == (2, 2)
    assert len(calls) == 1


def test_a_new_database_needs_no_backup_hook(bare):
    calls = []
    assert migrations.upgrade(bare, steps=[STEP1, STEP2],
                              before_upgrade=lambda *a: calls.append(a)) == (None, 2)
    assert calls == []
    assert _versions(bare) == [1, 2]


def test_a_failing_step_leaves_the_previous_version(bare):
    migrations.upgrade(bare, steps=[STEP1])

    def half_done(database, migrator):
        _add_code_column(database, migrator)
        raise RuntimeError("power cut in the middle of the step")

    broken = types.SimpleNamespace(VERSION=2, up=half_done)
    with pytest.raises(RuntimeError):
        migrations.upgrade(bare, steps=[STEP1, broken])
    assert _versions(bare) == [1]
    assert "code" not in _columns(bare, "category")
    assert bare.execute_sql("SELECT COUNT(*) FROM category").fetchone()[0] == 17


# --- opening an older file -----------------------------------------------------------------


def test_opening_an_older_database_backs_it_up_first(store, head, program_v2):
    station.save_category(head, name="困难退役军人")
    db.close()

    database = open_store(store, create=False)

    assert migrations.current_version(database) == NEXT.VERSION
    assert "code" in _columns(database, "category")
    assert list(database.execute_sql(
        "SELECT code FROM category WHERE name = '困难退役军人'")) == [(None,)]
    (copy,) = backup.list_backups(store)
    assert copy.reason == "pre-migrate"
    assert copy.path.is_file()
    assert backup.verify(copy.path) == CURRENT  # taken before the upgrade
    with sqlite3.connect(copy.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM category WHERE name = '困难退役军人'"
                            ).fetchone()[0] == 1
    conn.close()


def test_upgrade_blocked_by_another_writer(store, program_v2, monkeypatch):
    """The kiosk is mid-write while the office program, just updated, starts."""
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    db.close()
    other = sqlite3.connect(store.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseProblem) as caught:
            open_store(store, create=False)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.code == "db_locked"
    assert caught.value.params["path"] == str(store.path)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == CURRENT
    conn.close()
    assert [b.reason for b in backup.list_backups(store)] == ["pre-migrate"]
    # Next start, with the kiosk idle, the upgrade goes through.
    assert migrations.current_version(open_store(store, create=False)) == NEXT.VERSION


def test_restoring_an_older_backup_upgrades_it(store, head, monkeypatch):
    station.save_category(head, name="困难退役军人")
    old_copy = backup.take_backup(store)
    db.close()
    monkeypatch.setattr(migrations, "load_steps", lambda: [*REAL, NEXT])
    monkeypatch.setattr(migrations, "latest_version", lambda: NEXT.VERSION)
    open_store(store, create=False)
    station.save_category(head, name="升级后新增")

    result = restore(store, old_copy, head)

    assert (result.from_version, result.to_version) == (CURRENT, NEXT.VERSION)
    assert migrations.current_version(db.database.obj) == NEXT.VERSION
    names = {c.name for c in Category.select()}
    assert "困难退役军人" in names and "升级后新增" not in names
    assert backup.verify(result.safety_copy) == NEXT.VERSION
    assert backup.verify(old_copy) == CURRENT  # the copy itself is not upgraded


# --- files the program must not write to ---------------------------------------------------


def test_a_newer_database_is_refused(store):
    db.close()
    with sqlite3.connect(store.path) as conn:
        conn.execute("INSERT INTO schema_version (version, applied_at, program_version) "
                     "VALUES (99, '2030-01-01T08:00:00+08:00', '9.0')")
    conn.close()
    before = store.path.read_bytes()

    with pytest.raises(DatabaseProblem) as caught:
        open_store(store, create=False)

    problem = caught.value
    assert problem.code == "db_newer"
    assert problem.params["path"] == str(store.path)
    assert problem.params["version"] == 99
    assert problem.params["supported"] == migrations.latest_version()
    assert backup.list_backups(store) == []
    assert store.path.read_bytes() == before
    assert_described(problem, str(store.path), "99")


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_another_programs_sqlite_file_is_refused_untouched(location, journal_mode):
    with sqlite3.connect(location.path) as conn:
        conn.execute(f"PRAGMA journal_mode={journal_mode}")
        conn.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO message (body) VALUES ('请于周五前上报名单')")
    conn.close()
    before = location.path.read_bytes()
    mtime = location.path.stat().st_mtime_ns
    files = set(location.path.parent.iterdir())

    with pytest.raises(DatabaseProblem) as caught:
        open_store(location)

    assert caught.value.code == "db_foreign"
    assert caught.value.params["path"] == str(location.path)
    assert location.path.read_bytes() == before
    assert location.path.stat().st_mtime_ns == mtime
    # Nothing of ours appears beside it; a WAL-mode file may gain SQLite's own empty
    # -wal and -shm from being read, as with any reader.
    added = {p.name for p in set(location.path.parent.iterdir()) - files}
    assert added <= ({"station.sqlite3-wal", "station.sqlite3-shm"}
                     if journal_mode == "wal" else set())
    wal = location.path.with_name("station.sqlite3-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert_described(caught.value, str(location.path))


# --- two programs starting at once ---------------------------------------------------------


def _open_at_once(path: str, barrier, two_steps: bool, connect_first: bool) -> None:
    """Runs in a child process: the office window and the kiosk starting together."""
    if two_steps:
        migrations.load_steps = lambda: [*REAL, NEXT]
        migrations.latest_version = lambda: NEXT.VERSION
    if connect_first:
        # Both connected, both about to read the version: the narrowest moment.
        database = db.open_location(db.resolve(path))
        real = migrations.current_version

        def in_step(d):
            if d.in_transaction():
                return real(d)
            found = real(d)
            barrier.wait(timeout=60)
            return found

        migrations.current_version = in_step
        try:
            migrations.upgrade(database)
        finally:
            db.close()
        return
    barrier.wait(timeout=60)
    try:
        open_store(db.resolve(path))
    finally:
        db.close()


@pytest.mark.parametrize("two_steps", [False, True])
@pytest.mark.parametrize("connect_first", [False, True])
def test_two_programs_create_one_database_at_once(tmp_path, two_steps, connect_first):
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    for round_ in range(4):
        path = tmp_path / f"round{round_}.sqlite3"
        barrier = ctx.Barrier(2)
        workers = [ctx.Process(target=_open_at_once,
                               args=(str(path), barrier, two_steps, connect_first))
                   for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
            if worker.is_alive():
                worker.kill()
                worker.join()
        assert [w.exitcode for w in workers] == [0, 0], f"round {round_}"
        with sqlite3.connect(path) as conn:
            versions = [r[0] for r in conn.execute("SELECT version FROM schema_version")]
            categories = conn.execute("SELECT COUNT(*) FROM category").fetchone()[0]
        conn.close()
        assert sorted(versions) == list(range(1, CURRENT + 1)) + ([NEXT.VERSION] if two_steps else [])
        assert categories == 17
        assert list((tmp_path / f"round{round_}-backups").glob("*")) == []


def test_a_step_applied_meanwhile_by_another_program_is_skipped(bare, monkeypatch):
    """The version read before the steps is stale: another program upgraded since."""
    migrations.upgrade(bare, steps=[STEP1])
    real = migrations.current_version
    reads = []

    def stale_first(database):
        reads.append(database.in_transaction())
        return None if len(reads) == 1 else real(database)

    monkeypatch.setattr(migrations, "current_version", stale_first)
    calls = []
    assert migrations.upgrade(bare, steps=[STEP1, STEP2],
                              before_upgrade=lambda *a: calls.append(a)) == (None, 2)
    monkeypatch.setattr(migrations, "current_version", real)
    assert _versions(bare) == [1, 2]
    assert bare.execute_sql("SELECT COUNT(*) FROM category").fetchone()[0] == 17
    assert reads[1:] == [True, True]  # each step read the version inside its transaction
    assert calls == []  # the program found no version: nothing of its own to back up
