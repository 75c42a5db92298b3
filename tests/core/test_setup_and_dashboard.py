from __future__ import annotations

import pytest

from station_desk.core import backup
from station_desk.core.errors import ValidationError
from station_desk.core.models import Staff, Station, Village
from station_desk.core.services import dashboard
from station_desk.core.services.setup import first_run

ARGS = dict(station_name="新塘镇社工站", town_name="新塘镇", head_username="wang",
            head_name="王站长", password="secret123")


def test_first_run_sets_up_everything(store):
    head = first_run(villages=["甲村", " 乙村 ", "", "丙社区"], **ARGS)
    assert head.role == "head" and Station.get().head_id == head.staff_id
    villages = Village.select().where(Village.kind == "village").order_by(Village.sort_order)
    assert [v.name for v in villages] == ["甲村", "乙村", "丙社区"]
    assert all(v.parent.name == "新塘镇" for v in villages)


@pytest.mark.parametrize("change,code", [
    (dict(villages=["甲村", "甲村"]), "village_name_taken"),
    (dict(villages=["甲村"], station_name=""), "required"),
    (dict(villages=["甲村"], password="1"), "password_too_short"),
])
def test_first_run_is_all_or_nothing(store, change, code):
    with pytest.raises(ValidationError) as err:
        first_run(**{**ARGS, **change})
    assert err.value.code == code
    assert Staff.select().count() == 0 and Village.select().count() == 0


def test_dashboard_counts(staff_actors, store):
    data = dashboard.summary(staff_actors["social_worker"], store)
    assert (data.villages, data.social_workers, data.accounts) == (2, 1, 4)
    assert data.my_villages == ["麻车村"]
    assert data.last_backup is None and data.backup_overdue
    assert (data.households, data.due_visits, data.due_tier1, data.open_needs) == (0, 0, 0, 0)
    assert dashboard.summary(staff_actors["front_desk"], store).households is None  # not theirs
    backup.take_backup(store, "manual")
    data = dashboard.summary(staff_actors["head"], store)
    assert data.last_backup is not None and not data.backup_overdue and data.my_villages == []
