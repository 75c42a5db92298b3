"""Numbered schema steps, recorded in the ``schema_version`` table.

A step is a module ``mNNNN_name.py`` with ``VERSION`` and ``up(db, migrator)``;
it declares frozen copies of the tables it creates, so it keeps meaning the same
thing after the models move on. Each step runs in one transaction. Opening an
older database upgrades it after a backup (the caller's ``before_upgrade``);
a database newer than the program is refused.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from types import ModuleType

import peewee

from ... import __version__
from ..clock import stamp
from ..errors import DatabaseProblem

STEP_MODULES = ("m0001_foundation", "m0002_households", "m0003_household_sort_indexes",
                "m0004_volunteers", "m0005_certificates", "m0006_inventory",
                "m0007_policy_cards", "m0008_campaigns",
               "m0009_cases", "m0010_activities")


def load_steps() -> list[ModuleType]:
    steps = [importlib.import_module(f"{__name__}.{name}") for name in STEP_MODULES]
    versions = [step.VERSION for step in steps]
    assert versions == list(range(1, len(steps) + 1)), versions
    return steps


def latest_version() -> int:
    return len(STEP_MODULES)


def _history_model(db: peewee.Database) -> type[peewee.Model]:
    class SchemaVersion(peewee.Model):
        version = peewee.IntegerField(unique=True)
        applied_at = peewee.CharField(max_length=32)
        program_version = peewee.CharField(max_length=32)

        class Meta:
            database = db
            table_name = "schema_version"

    return SchemaVersion


def current_version(db: peewee.Database) -> int | None:
    """The schema version of ``db``; None for an empty database.

    A database with tables but no ``schema_version`` table is not a station
    database, and is refused rather than written into.
    """
    tables = set(db.get_tables())
    if not tables:
        return None
    if "schema_version" not in tables:
        raise DatabaseProblem("db_foreign", path=str(db.database))
    history = _history_model(db)
    return history.select(peewee.fn.MAX(history.version)).scalar() or 0


def upgrade(
    db: peewee.Database,
    *,
    steps: Sequence[ModuleType] | None = None,
    before_upgrade: Callable[[int, int], None] | None = None,
) -> tuple[int | None, int]:
    """Bring ``db`` to the newest schema; returns (version before, version after).

    Another program may be opening the same file at this moment (the office window
    and the kiosk start together). Each step runs in a write transaction (BEGIN
    IMMEDIATE on SQLite) that reads the version again first and skips a step the
    other program has applied meanwhile.
    """
    steps = list(steps) if steps is not None else load_steps()
    target = len(steps)
    found = current_version(db)
    if found is not None and found > target:
        raise DatabaseProblem(
            "db_newer", path=str(db.database), version=found, supported=target
        )
    if (found or 0) == target:
        return found, target
    if found is not None and before_upgrade is not None:
        before_upgrade(found, target)
    from playhouse.migrate import SchemaMigrator  # only when there is something to do

    history = _history_model(db)
    migrator = SchemaMigrator.from_database(db)

    def apply() -> None:
        for step in steps:
            with db.atomic():
                if (current_version(db) or 0) >= step.VERSION:
                    continue
                if not history.table_exists():
                    db.create_tables([history])
                step.up(db, migrator)
                history.create(version=step.VERSION, applied_at=stamp(),
                               program_version=__version__)

    if found is None:
        # A new database is made whole in one transaction: a program opening the file
        # meanwhile sees it empty (and waits for the lock) or complete, never half made
        # and taken for an older station to back up and upgrade.
        with db.atomic():
            apply()
    else:
        apply()
    return found, target
