"""Backups of a SQLite station database, taken as the best desktop programs take them.

A copy is made with SQLite's online backup API (other programs may keep working),
written to a ``.partial`` file, switched to a single-file journal, then opened and
checked; only a copy that passes counts. Copies are named
``station-YYYYMMDD-HHMMSS-REASON.sqlite3`` and pruned to the newest few plus 12 daily,
10 weekly and 9 monthly copies (station settings); copies forced before a
restore, import, repair or migration are also kept for a week.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import peewee

from .clock import now as clock_now
from .db import SQLITE_MAGIC, Location
from .errors import BackupProblem, DatabaseProblem, StationError

NAME_RE = re.compile(r"^station-(\d{8})-(\d{6})(?:-([a-z0-9-]+))?\.sqlite3$")
FORCED_REASONS = ("pre-restore", "pre-migrate", "pre-import", "pre-repair")
REASONS = ("auto", "manual", *FORCED_REASONS)
FORCED_KEEP_DAYS = 7


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: _dt.datetime  # naive local time, from the file name
    reason: str
    size: int


@dataclass(frozen=True)
class Policy:
    recent: int = 8
    daily: int = 12
    weekly: int = 10
    monthly: int = 9

    @classmethod
    def from_settings(cls, get: Callable[[str], object] | None = None) -> Policy:
        """The station's retention rules (``get`` reads one setting; default: the bound database)."""
        if get is None:
            from .settings import get

        return cls(recent=int(get("backup.keep_recent")), daily=int(get("backup.keep_daily")),
                   weekly=int(get("backup.keep_weekly")), monthly=int(get("backup.keep_monthly")))


def policy_for(location: Location) -> Policy:
    """The retention rules of the station whose copies are pruned.

    Read through the bound database when it is this station's and open, else straight
    from the file (a restore closes the connection first). Only when the rules can't be
    read (an old schema, a locked or damaged file) do the declared defaults apply.
    """
    from . import db

    try:
        bound = db.database.obj
        if isinstance(bound, peewee.SqliteDatabase) and not bound.is_closed() \
                and Path(bound.database).resolve() == location.path.resolve():
            return Policy.from_settings()
        return _policy_from_file(location.path)
    except (sqlite3.Error, peewee.DatabaseError, StationError, OSError, ValueError):
        return Policy()


def _policy_from_file(path: Path) -> Policy:
    from .settings import decode

    conn = _connect_ro(path)
    try:
        stored = dict(conn.execute("SELECT key, value FROM setting WHERE key LIKE 'backup.%'"))
    finally:
        conn.close()
    return Policy.from_settings(lambda key: decode(key, stored.get(key)))


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _connect_ro(path: Path) -> sqlite3.Connection:
    from . import db

    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                           timeout=db.BUSY_TIMEOUT_S)


def verify(path: Path) -> int:
    """Open a backup copy and check it; returns its schema version.

    Raises ``BackupProblem`` naming the file and what is wrong with it.
    """
    if not path.is_file():
        raise BackupProblem("backup_missing", path=str(path))
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupProblem("backup_not_sqlite", path=str(path))
    try:
        conn = _connect_ro(path)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
            if [r[0] for r in result] != ["ok"]:
                raise BackupProblem("backup_damaged", path=str(path), detail=result[0][0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "schema_version" not in tables:
                raise BackupProblem("backup_foreign", path=str(path))
            return conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupProblem("backup_damaged", path=str(path), detail=str(exc)) from exc


def file_name(moment: _dt.datetime, reason: str) -> str:
    return f"station-{moment:%Y%m%d-%H%M%S}-{reason}.sqlite3"


def copy_database(source: Path, target: Path) -> None:
    """Copy a live SQLite database to ``target`` through ``.partial``, checked, durable."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(str(source), timeout=30)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                # A backup is one self-contained file: no -wal beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        verify(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except sqlite3.Error as exc:
        raise BackupProblem("backup_failed", path=str(target), detail=str(exc)) from exc
    except OSError as exc:
        raise BackupProblem("backup_failed", path=str(target), detail=str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)


def take_backup(location: Location, reason: str = "manual", to: Path | None = None,
                policy: Policy | None = None, protect: Iterable[Path] = ()) -> Path:
    """Back up the station database; returns the checked copy's path.

    ``to`` is a file or folder elsewhere (a USB stick); copies there are not pruned.
    Copies in the backup folder are pruned by ``policy`` (default: the station's own
    rules, ``policy_for``), never the paths in ``protect`` (a restore's source).
    """
    if not location.is_sqlite:
        raise DatabaseProblem("backup_sqlite_only")
    if reason not in REASONS:
        raise ValueError(reason)
    if not location.path.exists():
        raise DatabaseProblem("db_missing", path=str(location.path))
    moment = clock_now()
    if to is not None:
        to = Path(to).expanduser().absolute()
        target = to / file_name(moment, reason) if to.is_dir() else to
        if target.exists():
            raise BackupProblem("backup_target_exists", path=str(target))
        copy_database(location.path, target)
        return target
    folder = location.backup_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name(moment, reason)
    serial = 1
    while target.exists():
        serial += 1
        target = folder / file_name(moment, f"{reason}-{serial}")
    copy_database(location.path, target)
    prune(location, policy or policy_for(location), protect)
    return target


def list_backups(location: Location) -> list[BackupInfo]:
    """The copies in the station's backup folder, newest first."""
    if not location.is_sqlite or not location.backup_dir.is_dir():
        return []
    found = []
    for path in location.backup_dir.iterdir():
        match = NAME_RE.match(path.name)
        if not match or not path.is_file():
            continue
        taken = _dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        tag = match.group(3) or "manual"
        reason = re.sub(r"-\d+$", "", tag)
        serial = int(tag[len(reason) + 1:] or 1)  # a second copy within a second is "-2"
        found.append((taken, serial, path.name, BackupInfo(path, taken, reason, path.stat().st_size)))
    # Copies of one second (a manual one and a pre-restore one) by serial, then by name:
    # the same order whatever order the folder lists them in.
    return [f[-1] for f in sorted(found, key=lambda f: f[:3], reverse=True)]


def to_keep(backups: list[BackupInfo], policy: Policy, now: _dt.datetime) -> set[Path]:
    """Which copies the retention policy keeps (``backups`` newest first)."""
    keep = {b.path for b in backups[: policy.recent]}
    for count, bucket in (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ):
        seen: set = set()
        for b in backups:
            key = bucket(b.taken_at)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(b.path)
    horizon = now - _dt.timedelta(days=FORCED_KEEP_DAYS)
    keep.update(b.path for b in backups if b.reason in FORCED_REASONS and b.taken_at >= horizon)
    return keep


def prune(location: Location, policy: Policy, protect: Iterable[Path] = ()) -> list[Path]:
    backups = list_backups(location)
    keep = to_keep(backups, policy, clock_now().replace(tzinfo=None))
    spared = {Path(p).resolve() for p in protect}
    removed = []
    for b in backups:
        if b.path not in keep and b.path.resolve() not in spared:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def newest_good(location: Location, tries: int = 5) -> Path | None:
    """The newest copy that passes its check (a few are tried), or None."""
    for info in list_backups(location)[:tries]:
        try:
            verify(info.path)
        except BackupProblem:
            continue
        return info.path
    return None


def _live_state(path: Path) -> tuple[int, int]:
    """(max audit id, schema version): what changes whenever data changes."""
    conn = _connect_ro(path)
    try:
        audit = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
        version = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]
        return audit, version
    finally:
        conn.close()


def backup_due(location: Location, interval_minutes: int) -> bool:
    """True when the newest copy is older than the interval and data changed since."""
    if not location.is_sqlite or not location.path.exists():
        return False
    backups = list_backups(location)
    if not backups:
        return True
    newest = backups[0]
    if clock_now().replace(tzinfo=None) - newest.taken_at < _dt.timedelta(minutes=interval_minutes):
        return False
    try:
        return _live_state(newest.path) != _live_state(location.path)
    except sqlite3.Error:
        return True


def backup_if_due(location: Location) -> Path | None:
    """The periodic backup: call every few minutes while the program runs."""
    from .settings import get

    if backup_due(location, int(get("backup.interval_minutes"))):
        return take_backup(location, "auto")
    return None


def move_aside(path: Path, suffix: str = ".damaged") -> Path:
    """Rename a database (and its -wal/-shm) out of the way, never overwriting anything."""
    target = path.with_name(path.name + suffix)
    if target.exists():
        target = path.with_name(f"{path.name}{suffix}-{clock_now():%Y%m%d-%H%M%S}")
    os.replace(path, target)
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists():
            os.replace(side, target.with_name(target.name + extra))
    return target


def restore_into(source: Path, target: Path) -> None:
    """Write ``source``'s pages into the live database ``target`` (others may have it open)."""
    src = _connect_ro(source)
    try:
        dst = sqlite3.connect(str(target), timeout=30)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def place_copy(source: Path, target: Path) -> None:
    """Put a copy of ``source`` where no database file is."""
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(source, partial)
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    _fsync_dir(target.parent)
