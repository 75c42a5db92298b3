"""Opening, restoring and checking the station database as a whole."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from . import db, migrations
from .errors import BackupProblem, DatabaseProblem
from .roles import Actor, require

# backup, audit and the models are imported where used: opening the store is on the
# start-up path, and most starts need none of them.


def open_store(location: db.Location, *, create: bool = True,
               full_check: bool = True) -> peewee.Database:
    """Connect, bind the proxy and bring the schema up to date.

    An older database is backed up before it is upgraded; a newer one is refused.
    A damaged one raises ``DatabaseProblem`` naming the file and the newest good backup.
    ``full_check=False`` leaves SQLite's whole-file check to ``check_integrity`` (the
    window runs it in the background once it shows).
    """
    try:
        database = db.open_location(location, create=create, full_check=full_check)
    except DatabaseProblem as problem:
        raise _with_backup_hint(problem, location) from problem

    def before_upgrade(found: int, target: int) -> None:
        from . import backup

        if location.is_sqlite:
            backup.take_backup(location, "pre-migrate")

    try:
        migrations.upgrade(database, before_upgrade=before_upgrade)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        database.close()
        problem = db.explain_sqlite_error(exc, location.path) if location.is_sqlite else \
            DatabaseProblem("db_unreadable", path=location.describe(), detail=str(exc))
        raise _with_backup_hint(problem, location) from exc
    except Exception:
        database.close()
        raise
    return database


def check_integrity(location: db.Location) -> DatabaseProblem | None:
    """SQLite's whole-file check of the open station database; the problem, with the
    newest good backup named, or None."""
    problem = db.integrity_problem(location)
    return _with_backup_hint(problem, location) if problem is not None else None


def _with_backup_hint(problem: DatabaseProblem, location: db.Location) -> DatabaseProblem:
    from . import backup

    if problem.code in db.DAMAGED_CODES and location.is_sqlite:
        good = backup.newest_good(location)
        problem.params["backup"] = str(good) if good else ""
    return problem


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the forced backup of what was there
    damaged_copy: Path | None  # the unusable file, moved aside
    from_version: int
    to_version: int


def _healthy(path: Path) -> bool:
    """True for a sound file, False for a damaged one; a lock is neither.

    Another program holding the file (locked, busy) says nothing about its state, and
    moving a sound live file aside because of it would lose no data but strand the
    program using it: that raises ``db_locked`` instead.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=db.BUSY_TIMEOUT_S)
        try:
            rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if db.is_locked_error(exc):
            raise DatabaseProblem("db_locked", path=str(path)) from exc
        return False
    return [r[0] for r in rows] == ["ok"]


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts
    except OSError:
        return False


def _known_actor(actor: Actor) -> Actor | None:
    """``actor`` if the restored data has their account, else None.

    A backup may predate the account doing the restore; the audit row's link to
    a missing staff row would break its foreign key, so the row then names them only.
    """
    from .models import Staff

    if actor.staff_id is None:
        return actor
    known = Staff.select().where(
        (Staff.id == actor.staff_id) & (Staff.username == actor.username)).exists()
    return actor if known else None


def restore(location: db.Location, source: Path, actor: Actor | None) -> RestoreResult:
    """Replace the station database with a backup copy.

    The copy is checked first; the current database is backed up (or, when it is
    damaged, moved aside as ``.damaged``, never overwritten); then the copy is
    written in, upgraded if it is older, and the restore is audited.
    """
    from . import backup
    from .audit import record

    require(actor, "backup.restore")
    if not location.is_sqlite:
        raise DatabaseProblem("backup_sqlite_only")
    target = location.path
    # Before anything is written: the file, its -wal and the copies would all sit on the share.
    if db.is_network_path(target):
        raise DatabaseProblem("db_network_share", path=str(target))
    source = Path(source).expanduser().absolute()
    if _same_file(source, target):  # a link or another spelling of the live file counts too
        raise BackupProblem("backup_is_live", path=str(source))
    version = backup.verify(source)
    latest = migrations.latest_version()
    if version > latest:
        raise BackupProblem("backup_newer", path=str(source), version=version, supported=latest)
    db.close()
    safety = damaged = None
    if target.exists() and _healthy(target):
        # The station's own retention rules prune the folder, and never the copy being restored.
        safety = backup.take_backup(location, "pre-restore", protect={source})
        backup.restore_into(source, target)
    else:
        if target.exists():
            damaged = backup.move_aside(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        backup.place_copy(source, target)
    open_store(location, create=False)
    with db.write_transaction():
        record(_known_actor(actor), "restore", "station", None,
               new={"from": str(source), "version": version},
               note=f"safety copy: {safety or ''}; damaged copy: {damaged or ''}",
               actor_name=actor.name)
    return RestoreResult(source, safety, damaged, version, latest)
