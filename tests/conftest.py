"""Shared fixtures: a fresh temp SQLite station database per test."""

from __future__ import annotations

import os

# Before anything imports Qt: GUI tests run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from station_desk.core import db  # noqa: E402
from station_desk.core.store import open_store  # noqa: E402


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
