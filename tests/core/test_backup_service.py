"""Manual backups as a person takes them: any staff role into the folder, the head elsewhere."""

from __future__ import annotations

import json

import pytest

from station_desk.core import backup
from station_desk.core.errors import PermissionDenied
from station_desk.core.models import AuditLog
from station_desk.core.roles import CLI_ACTOR
from station_desk.core.services.backups import take_manual


def _exports():
    return list(AuditLog.select().where(AuditLog.action == "export"))


@pytest.mark.parametrize("role", ["head", "social_worker", "front_desk"])
def test_staff_back_up_into_the_folder(staff_actors, location, role):
    path = take_manual(staff_actors[role], location)
    assert path.parent == location.backup_dir and backup.verify(path)
    assert _exports() == []


def test_the_kiosk_takes_no_backup(staff_actors, location):
    with pytest.raises(PermissionDenied):
        take_manual(staff_actors["kiosk"], location)


@pytest.mark.parametrize("role", ["social_worker", "front_desk", "kiosk"])
def test_only_the_head_copies_the_data_elsewhere(staff_actors, location, tmp_path, role):
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(PermissionDenied) as caught:
        take_manual(staff_actors[role], location, usb)
    assert caught.value.params["permission"] == "backup.export"
    assert list(usb.iterdir()) == []
    assert _exports() == []


@pytest.mark.parametrize("who", ["head", "cli"])
def test_a_copy_elsewhere_is_audited(staff_actors, location, tmp_path, who):
    actor = staff_actors["head"] if who == "head" else CLI_ACTOR
    usb = tmp_path / "usb"
    usb.mkdir()
    path = take_manual(actor, location, usb)
    assert path.parent == usb
    (row,) = _exports()
    assert json.loads(row.new_values) == {"to": str(path)}
    assert row.actor_name == actor.name and row.actor_id == actor.staff_id
