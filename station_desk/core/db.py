"""The database: one proxy bound at start-up from a URL, SQLite by default.

SQLite runs in WAL mode with ``synchronous=FULL`` (a power cut loses nothing that
was committed), foreign keys on, a busy timeout, and write transactions that
begin IMMEDIATE, so the office window and the front-desk kiosk can share one
file from two processes. PostgreSQL (``postgresql://...``) serves a station with
several PCs.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import peewee

from .errors import DatabaseProblem

database = peewee.DatabaseProxy()

# Problems that mean the file itself is damaged: what a restore replaces (naming the newest
# good backup) and what `check` reports as a finding. A folder, a permission, a lock is not.
DAMAGED_CODES = frozenset({"db_damaged", "db_not_sqlite"})

APP_NAME = "station-desk"
ENV_DB = "STATION_DESK_DB"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "cache_size": -64000,
}
# File systems on which SQLite's locking (and WAL's shared memory) can't be trusted.
NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "fuse.glusterfs",
    "ceph", "fuse.ceph", "lustre", "gpfs", "fuse.rclone",
    "fuse.gvfsd-fuse", "fuse.smbnetfs",  # a desktop's "Connect to Server" shares
}


@dataclass(frozen=True)
class Location:
    """Where the station's data lives: a SQLite file or a PostgreSQL URL."""

    url: str
    kind: str  # "sqlite" | "postgresql"
    path: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.kind == "sqlite"

    def describe(self) -> str:
        """For messages and the status bar; never shows a password."""
        if self.path is not None:
            return str(self.path)
        parsed = urlparse(self.url)
        host = parsed.hostname or "localhost"
        port = f":{parsed.port}" if parsed.port else ""
        return f"{parsed.scheme}://{host}{port}{parsed.path}"

    @property
    def backup_dir(self) -> Path:
        if self.path is None:
            raise DatabaseProblem("backup_sqlite_only")
        return self.path.parent / f"{self.path.stem}-backups"


def default_path() -> Path:
    from platformdirs import user_data_path  # only when no --db was given

    return user_data_path(APP_NAME, appauthor=False) / "station.sqlite3"


def resolve(target: str | os.PathLike | None = None) -> Location:
    """Turn ``--db``, ``$STATION_DESK_DB`` or the default into a Location."""
    raw = os.fspath(target) if target is not None else os.environ.get(ENV_DB) or ""
    if not raw:
        path = default_path()
        return Location(url=f"sqlite:///{path}", kind="sqlite", path=path)
    if raw.startswith(("postgresql://", "postgres://", "postgresext://")):
        return Location(url=raw, kind="postgresql")
    if raw.startswith("sqlite:///"):
        path = Path(raw[len("sqlite:///"):])
    elif "://" in raw:
        raise DatabaseProblem("db_bad_url", url=_without_password(raw))
    else:
        path = Path(raw)
    path = path.expanduser().absolute()
    return Location(url=f"sqlite:///{path}", kind="sqlite", path=path)


def _without_password(url: str) -> str:
    """``url`` fit for a message: a password in it (``user:password@``, ``?password=``) starred."""
    url = re.sub(r"(://[^/]*?:)[^/]*@", r"\1***@", url)
    return re.sub(r"(password=)[^&]*", r"\1***", url, flags=re.IGNORECASE)


def filesystem_type(path: Path) -> str | None:
    """The type of the file system holding ``path`` (Linux), or None if unknown."""
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def is_network_path(path: Path) -> bool:
    if sys.platform == "win32":
        text = str(path)
        if text.startswith("\\\\"):
            return True
        import ctypes  # Windows only

        root = os.path.splitdrive(str(path.absolute()))[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(root) == 4  # DRIVE_REMOTE
    fs_type = filesystem_type(path.parent if not path.exists() else path)
    return fs_type is not None and fs_type.lower() in NETWORK_FS


def sqlite_header_ok(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    return head == SQLITE_MAGIC or head == b""


def refuse_foreign(path: Path) -> None:
    """Refuse another program's SQLite file before connecting for real.

    Connecting applies our pragmas, and ``journal_mode=wal`` rewrites the file's
    header, so the ``schema_version`` check in ``migrations`` would come too late
    to leave such a file as it was. A file that can't be read here is left to the
    real connection, which names the problem (damaged, unreadable); a lock is
    reported at once rather than waited for twice.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT_S)
        try:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if is_locked_error(exc):
            raise DatabaseProblem("db_locked", path=str(path)) from exc
        return
    if tables and "schema_version" not in tables:
        raise DatabaseProblem("db_foreign", path=str(path))


def make_sqlite(path: Path) -> peewee.SqliteDatabase:
    return peewee.SqliteDatabase(
        str(path),
        pragmas=SQLITE_PRAGMAS,
        timeout=BUSY_TIMEOUT_S,
        lock_type="IMMEDIATE",
    )


def _make_postgres(location: Location) -> peewee.Database:
    try:
        import psycopg2  # noqa: F401
    except ImportError as exc:
        raise DatabaseProblem("pg_driver_missing") from exc
    from playhouse.db_url import connect

    return connect(location.url)


def is_locked_error(exc: BaseException) -> bool:
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def database_name() -> str:
    """The bound database as messages name it: the SQLite file (or PostgreSQL's database)."""
    return "" if database.obj is None else str(database.obj.database)


def locked_problem(exc: BaseException) -> DatabaseProblem | None:
    """``db_locked`` naming the bound file when ``exc`` is SQLite giving up on a lock."""
    if isinstance(exc, (sqlite3.OperationalError, peewee.OperationalError)) \
            and is_locked_error(exc):
        return DatabaseProblem("db_locked", path=database_name())
    return None


POSTGRES_WRITE_LOCK = 7_000_001  # the station-wide writer lock's key on PostgreSQL


@contextmanager
def write_transaction() -> Iterator[None]:
    """``database.atomic()`` (BEGIN IMMEDIATE on SQLite; a savepoint when nested).

    Another program holding the write lock past the busy timeout becomes ``db_locked``
    naming the file, not a bare OperationalError that reads as a crash.
    """
    try:
        outermost = not database.in_transaction()
        with database.atomic():
            if outermost and isinstance(database.obj, peewee.PostgresqlDatabase):
                # One writer at a time, as BEGIN IMMEDIATE gives on SQLite: the ledgers'
                # checks (stock never negative, numbers gapless) read, then write.
                database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (POSTGRES_WRITE_LOCK,))
            yield
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        problem = locked_problem(exc)
        if problem is None:
            raise
        raise problem from exc


def explain_sqlite_error(exc: BaseException, path: Path) -> DatabaseProblem:
    """Map a low-level SQLite failure on open to a message naming the file."""
    if is_locked_error(exc):
        return DatabaseProblem("db_locked", path=str(path))
    if isinstance(exc, (sqlite3.DatabaseError, peewee.DatabaseError)) and not isinstance(
        exc, (sqlite3.OperationalError, peewee.OperationalError)
    ):
        return DatabaseProblem("db_damaged", path=str(path), detail=str(exc))
    return DatabaseProblem("db_unreadable", path=str(path), detail=str(exc))


def connect_sqlite(path: Path, *, create: bool = True,
                   full_check: bool = True) -> peewee.SqliteDatabase:
    """Open a station SQLite file after checking it is a local SQLite file.

    ``full_check``: run SQLite's quick_check, which reads the whole file (~60 ms for a
    station with a year of attendance, growing with the data). The window passes False and
    checks in the background once it shows (``check_integrity``); the schema is read either
    way, so a file damaged at its start is refused here.
    """
    if is_network_path(path):
        raise DatabaseProblem("db_network_share", path=str(path))
    if path.exists():
        if path.is_dir():
            raise DatabaseProblem("db_unreadable", path=str(path), detail="is a directory")
        try:
            if not sqlite_header_ok(path):
                raise DatabaseProblem("db_not_sqlite", path=str(path))
        except PermissionError as exc:
            raise DatabaseProblem("db_unreadable", path=str(path), detail=str(exc)) from exc
        refuse_foreign(path)
    elif not create:
        raise DatabaseProblem("db_missing", path=str(path))
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem("db_unreadable", path=str(path), detail=str(exc)) from exc
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        db = make_sqlite(path)
        try:
            db.connect()
            # Touch the schema and run SQLite's own quick check: a damaged file is
            # found here, with its name, not halfway through somebody's work.
            if full_check:
                row = db.execute_sql("PRAGMA quick_check(1)").fetchone()
            else:
                db.execute_sql("SELECT COUNT(*) FROM sqlite_master").fetchone()
                row = ("ok",)
            break
        except (sqlite3.Error, peewee.DatabaseError) as exc:
            db.close()
            # Two programs opening a new file at once: while one switches it to WAL,
            # SQLite turns the other away at once (waiting could deadlock), so the busy
            # timeout never applies. Try again until it would have run out.
            if is_locked_error(exc) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            raise explain_sqlite_error(exc, path) from exc
    if row is None or row[0] != "ok":
        db.close()
        raise DatabaseProblem("db_damaged", path=str(path), detail=row[0] if row else "")
    return db


def integrity_problem(location: Location) -> DatabaseProblem | None:
    """SQLite's quick_check of the bound database, on this thread's connection: the
    ``db_damaged`` problem it finds, or None. (PostgreSQL checks itself: always None.)"""
    if not location.is_sqlite:
        return None
    try:
        row = database.execute_sql("PRAGMA quick_check(1)").fetchone()
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        return explain_sqlite_error(exc, location.path)
    if row is None or row[0] != "ok":
        return DatabaseProblem("db_damaged", path=str(location.path), detail=row[0] if row else "")
    return None


def bind(db: peewee.Database) -> None:
    database.initialize(db)


def open_location(location: Location, *, create: bool = True,
                  full_check: bool = True) -> peewee.Database:
    """Connect to ``location`` and bind the proxy (no migrations: see ``store.open_store``)."""
    db = (connect_sqlite(location.path, create=create, full_check=full_check)
          if location.is_sqlite else _make_postgres(location))
    if not location.is_sqlite:
        try:
            db.connect()
        except peewee.OperationalError as exc:
            raise DatabaseProblem("pg_unreachable", url=location.describe(), detail=str(exc)) from exc
    bind(db)
    return db


def release_replaced(bound_before: peewee.Database | None) -> None:
    """Close this thread's connection to a database object the proxy no longer holds.

    peewee connections are per thread and per ``Database`` object: after something binds a
    new one (``store.restore``), the old object's connection on this thread would stay
    open, holding the file (Windows can't rename it) until garbage collection.
    """
    if bound_before is None or bound_before is database.obj:
        return
    try:
        bound_before.close()
    except peewee.PeeweeException:
        logging.getLogger(__name__).exception("closing the connection to the replaced database")


def close() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
