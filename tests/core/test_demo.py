"""The demo station: realistic, and all or nothing."""

from __future__ import annotations

import pytest

from station_desk.core import demo, events
from station_desk.core.errors import ValidationError
from station_desk.core.models import AuditLog, Staff, Station, Village
from station_desk.core.services import station


def test_demo_fills_an_empty_station_and_announces_it(store):
    heard = []
    unsubscribe = events.subscribe(heard.append)
    try:
        report = demo.fill()
    finally:
        unsubscribe()
    assert report.villages == 26 and Village.select().where(Village.kind == "village").count() == 26
    assert Staff.select().count() == len(demo.PEOPLE)
    assert len(heard) == 1 and {"staff", "station", "village"} <= heard[0]


def test_a_failure_half_way_leaves_the_database_empty(store, monkeypatch):
    real = station.add_village
    calls = []

    def fifth_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise ValidationError("village_code_taken", field="code", value="X")
        return real(*args, **kwargs)

    monkeypatch.setattr(station, "add_village", fifth_fails)
    with pytest.raises(ValidationError):
        demo.fill()

    assert len(calls) == 5
    assert Staff.select().count() == 0
    assert Station.select().count() == 0
    assert Village.select().count() == 0
    assert AuditLog.select().count() == 0
    monkeypatch.setattr(station, "add_village", real)
    assert demo.fill().villages == 26  # and it can simply be run again


def test_demo_refuses_a_station_with_accounts(head):
    with pytest.raises(ValidationError) as caught:
        demo.fill()
    assert caught.value.code == "demo_not_empty"
    assert Staff.select().count() == 1


def test_demo_accounts_sign_in_with_the_published_password(store):
    from station_desk.core import demo
    from station_desk.core.services import accounts

    demo.fill()
    for username in ("huanghaiyan", "linxiaoyan"):
        actor = accounts.authenticate(username, demo.DEMO_PASSWORD)
        assert not accounts.must_change_password(actor)
