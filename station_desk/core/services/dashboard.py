"""What the first page shows: the station's day at a glance. Grows as features land."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .. import backup
from ..clock import now
from ..db import Location
from ..models import Staff, Village
from ..roles import SOCIAL_WORKER, Actor


@dataclass(frozen=True)
class Summary:
    villages: int
    groups: int
    social_workers: int
    accounts: int
    my_villages: list[str] = field(default_factory=list)
    last_backup: _dt.datetime | None = None
    backup_overdue: bool = False


def summary(actor: Actor, location: Location) -> Summary:
    villages = Village.select().where((Village.kind == "village") & (Village.active == True))  # noqa: E712
    mine = []
    if actor.role == SOCIAL_WORKER:
        mine = [v.name for v in villages.where(Village.social_worker == actor.staff_id)
                .order_by(Village.sort_order, Village.code)]
    last = None
    if location.is_sqlite:
        newest = backup.list_backups(location)[:1]
        last = newest[0].taken_at if newest else None
    overdue = location.is_sqlite and (
        last is None or now().replace(tzinfo=None) - last > _dt.timedelta(days=1))
    return Summary(
        villages=villages.count(),
        groups=Village.select().where((Village.kind == "group") & (Village.active == True)).count(),  # noqa: E712
        social_workers=Staff.select().where((Staff.role == SOCIAL_WORKER)
                                            & (Staff.active == True)).count(),  # noqa: E712
        accounts=Staff.select().where(Staff.active == True).count(),  # noqa: E712
        my_villages=mine,
        last_backup=last,
        backup_overdue=overdue,
    )
