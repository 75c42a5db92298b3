"""Backups taken on someone's behalf: into the station's backup folder, or a copy elsewhere."""

from __future__ import annotations

from pathlib import Path

from .. import backup
from ..audit import record
from ..db import Location, write_transaction
from ..roles import Actor, require


def take_manual(actor: Actor, location: Location, to: Path | None = None) -> Path:
    """A backup now. Into the backup folder: any staff role.

    A copy elsewhere (``to``: a USB stick, another folder) takes every household's data
    out of the station, so only the head may make one, and each is audited ('export',
    naming the copy). The copy is taken first, so it does not hold its own audit row.
    """
    if to is None:
        require(actor, "backup.run")
        return backup.take_backup(location, "manual")
    require(actor, "backup.export")
    path = backup.take_backup(location, "manual", to=to)
    with write_transaction():
        record(actor, "export", "station", None, new={"to": str(path)},
               note="backup copy outside the station's backup folder")
    return path
