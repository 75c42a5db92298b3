"""Shared fixtures: a fresh temp SQLite station database per test."""

from __future__ import annotations

import os

# Before anything imports Qt: GUI tests run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from station_desk.core import db  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """scrypt at full cost takes ~50 ms a hash; tests use a cheap one (test_passwords checks the real one)."""
    from station_desk.core import passwords

    monkeypatch.setattr(passwords, "_N", 2**4)


@pytest.fixture(autouse=True)
def small_demo(monkeypatch):
    """The demo station's 1,426 households take ~0.3 s to make; tests get 60 unless they
    ask for a number (test_demo checks the full station)."""
    from station_desk.core import demo

    monkeypatch.setattr(demo, "DEMO_HOUSEHOLDS", 60)
    # 1,000 volunteers and their ~100,000 attendance events take ~1.7 s; tests get 30
    # (about 3,000 events) unless they ask (test_volunteer_demo checks the full station).
    monkeypatch.setattr(demo, "DEMO_VOLUNTEERS", 30)
    # 50,000 stock ledger rows take ~1.5 s; tests get 1,500 (test_inventory_demo checks sizes).
    monkeypatch.setattr(demo, "DEMO_MOVEMENTS", 1500)


@pytest.fixture(autouse=True)
def ui_language_unset(monkeypatch):
    """The window writes $STATION_DESK_LANG for the core's messages; no test inherits it."""
    monkeypatch.delenv("STATION_DESK_LANG", raising=False)


@pytest.fixture
def location(tmp_path, monkeypatch):
    """Where the test's database lives (not opened)."""
    monkeypatch.delenv("STATION_DESK_DB", raising=False)
    monkeypatch.delenv("STATION_DESK_PASSWORD", raising=False)
    return db.resolve(tmp_path / "station.sqlite3")


@pytest.fixture
def store(location):
    """An open, migrated, empty station database bound to the proxy."""
    open_store(location, create=True)
    yield location
    db.close()


@pytest.fixture
def head(store):
    """The first head account, as an Actor."""
    from station_desk.core.services import accounts

    staff = accounts.create_first_head("head", "刘丽萍", "secret123")
    return accounts.actor_for(staff)


@pytest.fixture
def staff_actors(head):
    """An actor for every role; the social worker is responsible for 麻车村 only."""
    from station_desk.core.services import accounts, station

    actors = {"head": head}
    for username, role in (("hhy", "social_worker"), ("lxy", "front_desk"), ("kiosk", "kiosk")):
        row = accounts.create_staff(head, username, f"用户{username}", role, "secret123")
        actors[role] = row.id
    town = station.add_village(head, code="T1", name="石滩镇", kind="town")
    station.add_village(head, code="V1", name="麻车村", parent_id=town.id,
                        social_worker_id=actors["social_worker"])
    station.add_village(head, code="V2", name="沙头村", parent_id=town.id)
    from station_desk.core.models import Staff

    for role in ("social_worker", "front_desk", "kiosk"):
        actors[role] = accounts.actor_for(Staff.get_by_id(actors[role]))
    return actors
