"""The first run: a station, its town and villages, and the head's account, in one go."""

from __future__ import annotations

from ..db import write_transaction
from ..errors import ValidationError
from ..roles import Actor
from . import accounts, station


def first_run(*, station_name: str, town_name: str, villages: list[str], head_username: str,
              head_name: str, password: str, phone: str = "") -> Actor:
    """Create everything a new station needs to start; all or nothing."""
    names = [" ".join(v.split()) for v in villages if v.strip()]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValidationError("village_name_taken", field="villages", value="、".join(duplicates))
    with write_transaction():
        staff = accounts.create_first_head(head_username, head_name, password, phone)
        head = accounts.actor_for(staff)
        station.save_station(head, name=station_name, head_id=staff.id)
        town = station.add_village(head, code="T01", name=town_name or station_name, kind="town")
        for i, name in enumerate(names, start=1):
            station.add_village(head, code=f"V{i:02d}", name=name, parent_id=town.id, sort_order=i)
    return head
