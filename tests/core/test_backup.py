"""Backups: checked single-file copies, named by time, pruned by the retention policy."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from station_desk.core import backup, migrations
from station_desk.core.backup import BackupInfo, Policy
from station_desk.core.errors import BackupProblem
from station_desk.core.services import station

CST = dt.timezone(dt.timedelta(hours=8))


class Clock:
    """Stands in for ``backup.clock_now``: timezone-aware local time that tests move."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    fake = Clock(dt.datetime(2025, 3, 15, 9, 30, 5, tzinfo=CST))
    monkeypatch.setattr(backup, "clock_now", fake)
    return fake


def _names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM category")}
    conn.close()
    return names


# --- taking a backup -----------------------------------------------------------------------


def test_manual_backup_is_a_checked_single_file_named_by_time(store, head, clock):
    # Committed but still in the -wal file: the copy must include it.
    station.save_category(head, name="困难退役军人")

    path = backup.take_backup(store)

    assert path == store.path.parent / "station-backups" / "station-20250315-093005-manual.sqlite3"
    assert path.is_file()
    assert backup.verify(path) == migrations.latest_version()
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL, in the header
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    for extra in ("-wal", "-shm", ".partial"):
        assert not path.with_name(path.name + extra).exists()
    assert "困难退役军人" in _names(path)
    (info,) = backup.list_backups(store)
    assert (info.path, info.taken_at, info.reason) == (
        path, dt.datetime(2025, 3, 15, 9, 30, 5), "manual")


def test_two_backups_in_one_second_both_kept(store, clock):
    first = backup.take_backup(store)
    second = backup.take_backup(store)
    assert first != second
    assert second.name == "station-20250315-093005-manual-2.sqlite3"
    assert [b.reason for b in backup.list_backups(store)] == ["manual", "manual"]
    assert {b.path for b in backup.list_backups(store)} == {first, second}


def test_backup_to_a_folder_elsewhere(store, head, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    station.save_category(head, name="困难退役军人")

    path = backup.take_backup(store, to=usb)

    assert path == usb / "station-20250315-093005-manual.sqlite3"
    assert backup.verify(path) == migrations.latest_version()
    assert "困难退役军人" in _names(path)
    assert backup.list_backups(store) == []  # not in the station's own folder
    assert sorted(p.name for p in usb.iterdir()) == [path.name]


def test_backup_to_a_file_path(store, clock, tmp_path):
    target = tmp_path / "usb" / "交接备份.sqlite3"
    target.parent.mkdir()
    assert backup.take_backup(store, to=target) == target
    assert backup.verify(target) == migrations.latest_version()


def test_backup_never_overwrites_an_existing_file(store, clock, tmp_path):
    target = tmp_path / "last-week.sqlite3"
    target.write_bytes(b"last week's copy")
    with pytest.raises(BackupProblem) as caught:
        backup.take_backup(store, to=target)
    assert caught.value.code == "backup_target_exists"
    assert caught.value.params["path"] == str(target)
    assert target.read_bytes() == b"last week's copy"


def test_backup_into_a_folder_holding_that_name_is_refused(store, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.take_backup(store, to=usb)
    with pytest.raises(BackupProblem) as caught:
        backup.take_backup(store, to=usb)
    assert caught.value.code == "backup_target_exists"


def test_unknown_reason_is_a_programming_error(store):
    with pytest.raises(ValueError):
        backup.take_backup(store, "whenever")


# --- checking a copy -----------------------------------------------------------------------


@pytest.fixture
def good_copy(store, head, clock):
    station.save_category(head, name="困难退役军人")
    return backup.take_backup(store)


def test_verify_accepts_a_good_copy(good_copy):
    assert backup.verify(good_copy) == migrations.latest_version()


def test_verify_rejects_a_missing_file(tmp_path):
    with pytest.raises(BackupProblem) as caught:
        backup.verify(tmp_path / "station-20250101-080000-manual.sqlite3")
    assert caught.value.code == "backup_missing"


def test_verify_rejects_a_folder(tmp_path):
    with pytest.raises(BackupProblem) as caught:
        backup.verify(tmp_path)
    assert caught.value.code == "backup_missing"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 an .xlsx, not a backup",
                                     "备份说明".encode()])
def test_verify_rejects_what_is_not_sqlite(tmp_path, content):
    path = tmp_path / "station.sqlite3"
    path.write_bytes(content)
    with pytest.raises(BackupProblem) as caught:
        backup.verify(path)
    assert caught.value.code == "backup_not_sqlite"
    assert caught.value.params["path"] == str(path)


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_verify_rejects_a_truncated_copy(good_copy, keep):
    data = good_copy.read_bytes()
    good_copy.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(BackupProblem) as caught:
        backup.verify(good_copy)
    assert caught.value.code == "backup_damaged"


def test_verify_rejects_garbage_in_the_middle(good_copy):
    from tests.core.test_db_errors import corrupt_middle

    corrupt_middle(good_copy)
    with pytest.raises(BackupProblem) as caught:
        backup.verify(good_copy)
    assert caught.value.code == "backup_damaged"
    assert caught.value.params["detail"]


def test_verify_rejects_another_programs_database(tmp_path):
    path = tmp_path / "wechat.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, body TEXT)")
    conn.close()
    with pytest.raises(BackupProblem) as caught:
        backup.verify(path)
    assert caught.value.code == "backup_foreign"


def test_verify_leaves_the_copy_as_it_was(good_copy):
    before = good_copy.read_bytes()
    backup.verify(good_copy)
    assert good_copy.read_bytes() == before


# --- retention -----------------------------------------------------------------------------

NOW = dt.datetime(2025, 3, 15, 12, 0)  # a Saturday; ISO week 2025-W11 runs 10-16 March


def _at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def _info(moment: dt.datetime, reason: str = "auto") -> BackupInfo:
    return BackupInfo(Path("/backups") / backup.file_name(moment, reason), moment, reason, 1)


def _history() -> list[BackupInfo]:
    """Fourteen months of copies, as a station that backs up on its own makes them."""
    items = []
    # Today: every quarter hour from 09:00 to 11:15 (ten copies).
    items += [_info(_at("2025-03-15 09:00") + dt.timedelta(minutes=15 * k)) for k in range(10)]
    # 1-14 March: one at closing time each day, and an earlier one on the 14th.
    items += [_info(dt.datetime(2025, 3, day, 17, 0)) for day in range(1, 15)]
    items.append(_info(_at("2025-03-14 10:00")))
    items.append(_info(_at("2025-03-12 08:00"), "manual"))
    # Before March: only on Wednesdays at noon, back to January last year.
    wednesday = _at("2024-01-03 12:00")
    while wednesday < _at("2025-03-01 00:00"):
        items.append(_info(wednesday))
        wednesday += dt.timedelta(days=7)
    # Forced copies: kept for a week from when they were taken, whatever the buckets say.
    items.append(_info(_at("2025-03-10 08:00"), "pre-restore"))  # 5 days ago
    items.append(_info(_at("2025-03-08 13:00"), "pre-migrate"))  # 6 days 23 hours ago
    items.append(_info(_at("2025-03-08 11:00"), "pre-import"))  # 7 days 1 hour ago
    items.append(_info(_at("2025-03-05 08:00"), "pre-repair"))  # 10 days ago
    return sorted(items, key=lambda b: (b.taken_at, b.path.name), reverse=True)


EXPECTED_KEPT = {
    # recent 8: the newest eight, all from today (09:00 and 09:15 fall out)
    "2025-03-15 09:30", "2025-03-15 09:45", "2025-03-15 10:00", "2025-03-15 10:15",
    "2025-03-15 10:30", "2025-03-15 10:45", "2025-03-15 11:00", "2025-03-15 11:15",
    # daily 12: the newest of each of the 12 newest days, 15 back to 4 March
    # (the 14th's 10:00 copy and the 12th's manual one are not the newest of their day)
    "2025-03-14 17:00", "2025-03-13 17:00", "2025-03-12 17:00", "2025-03-11 17:00",
    "2025-03-10 17:00", "2025-03-09 17:00", "2025-03-08 17:00", "2025-03-07 17:00",
    "2025-03-06 17:00", "2025-03-05 17:00", "2025-03-04 17:00",
    # weekly 10: W11 and W10 are covered above; W09 (24 Feb - 2 Mar) keeps Sunday 2 March,
    # then the Wednesdays of W08 back to W02 (W01's 1 January falls out)
    "2025-03-02 17:00",
    "2025-02-19 12:00", "2025-02-12 12:00", "2025-02-05 12:00", "2025-01-29 12:00",
    "2025-01-22 12:00", "2025-01-15 12:00", "2025-01-08 12:00",
    # monthly 9: March and January are covered; February's newest is 26 Feb (not the
    # newest of its week), then the last Wednesday of each month back to July 2024
    "2025-02-26 12:00",
    "2024-12-25 12:00", "2024-11-27 12:00", "2024-10-30 12:00", "2024-09-25 12:00",
    "2024-08-28 12:00", "2024-07-31 12:00",
    # forced copies less than 7 days old
    "2025-03-10 08:00", "2025-03-08 13:00",
}


def test_retention_keeps_exactly_what_the_policy_says():
    history = _history()
    kept = backup.to_keep(history, Policy(recent=8, daily=12, weekly=10, monthly=9), NOW)
    kept_times = {f"{b.taken_at:%Y-%m-%d %H:%M}" for b in history if b.path in kept}
    assert kept_times == EXPECTED_KEPT
    # The ones that go include the oldest, the 1st and 3rd of March, and old forced copies.
    gone = {f"{b.taken_at:%Y-%m-%d %H:%M}" for b in history if b.path not in kept}
    assert {"2024-01-03 12:00", "2024-06-26 12:00", "2025-01-01 12:00", "2025-03-01 17:00",
            "2025-03-03 17:00", "2025-03-14 10:00", "2025-03-12 08:00",
            "2025-03-15 09:00", "2025-03-15 09:15",
            "2025-03-08 11:00", "2025-03-05 08:00"} <= gone
    assert len(history) == len(kept) + len(gone)


def test_retention_with_few_copies_keeps_them_all():
    history = [_info(_at("2025-03-15 11:00")), _info(_at("2024-02-07 12:00"))]
    assert backup.to_keep(history, Policy(), NOW) == {b.path for b in history}


def test_tight_policy_still_keeps_forced_copies_for_a_week():
    history = _history()
    small = Policy(recent=1, daily=1, weekly=0, monthly=0)
    kept = backup.to_keep(history, small, NOW)
    kept_times = {f"{b.taken_at:%Y-%m-%d %H:%M} {b.reason}" for b in history if b.path in kept}
    assert kept_times == {"2025-03-15 11:15 auto", "2025-03-10 08:00 pre-restore",
                          "2025-03-08 13:00 pre-migrate"}


def test_taking_a_backup_prunes_the_folder(store, clock):
    folder = store.backup_dir
    folder.mkdir()
    for day in range(1, 21):
        (folder / backup.file_name(dt.datetime(2024, 1, day, 17, 0), "auto")).write_bytes(b"")
    forced = folder / backup.file_name(dt.datetime(2025, 3, 12, 8, 0), "pre-restore")
    forced.write_bytes(b"")
    notes = folder / "说明.txt"
    notes.write_text("U 盘备份另放", encoding="utf-8")
    stray = folder / "station-20240101-170000-auto.sqlite3.partial"
    stray.write_bytes(b"")

    new = backup.take_backup(store, "auto", policy=Policy(recent=2, daily=3, weekly=0, monthly=0))

    left = {p.name for p in folder.iterdir()}
    # recent 2: the new copy and the pre-restore one; daily 3 adds 20 January.
    assert left == {new.name, forced.name, "station-20240120-170000-auto.sqlite3",
                    notes.name, stray.name}


def test_copies_of_one_second_list_in_one_order(store, clock):
    """A manual copy and a forced one in the same second: serial, then name, decide."""
    folder = store.backup_dir
    folder.mkdir()
    moment = dt.datetime(2025, 3, 15, 9, 30, 5)
    tags = ["pre-restore", "auto", "manual-2", "pre-import", "manual", "pre-migrate",
            "pre-repair", "auto-3"]
    for tag in tags:  # an order that is neither the expected one nor its reverse
        (folder / backup.file_name(moment, tag)).write_bytes(b"")
    listed = [b.path.name for b in backup.list_backups(store)]
    expected = ["station-20250315-093005-auto-3.sqlite3",
                "station-20250315-093005-manual-2.sqlite3",
                "station-20250315-093005-pre-restore.sqlite3",
                "station-20250315-093005-pre-repair.sqlite3",
                "station-20250315-093005-pre-migrate.sqlite3",
                "station-20250315-093005-pre-import.sqlite3",
                "station-20250315-093005-manual.sqlite3",
                "station-20250315-093005-auto.sqlite3"]
    assert listed == expected


def test_list_backups_ignores_files_it_did_not_name(store, clock):
    folder = store.backup_dir
    folder.mkdir()
    (folder / "station.sqlite3").write_bytes(b"")
    (folder / "station-2025-03-15-manual.sqlite3").write_bytes(b"")
    (folder / "station-20250315-093005-pre-restore-3.sqlite3").mkdir()
    kept = folder / "station-20250314-080000-pre-import-2.sqlite3"
    kept.write_bytes(b"")
    (info,) = backup.list_backups(store)
    assert (info.path, info.reason) == (kept, "pre-import")


# --- when a backup is due ------------------------------------------------------------------


def test_backup_due_with_no_backups(store, clock):
    assert backup.backup_due(store, 30) is True


def test_backup_not_due_right_after_one(store, clock):
    backup.take_backup(store, "auto")
    assert backup.backup_due(store, 30) is False


def test_backup_not_due_after_the_interval_when_nothing_changed(store, head, clock):
    station.save_category(head, name="困难退役军人")
    backup.take_backup(store, "auto")
    clock.advance(hours=3)
    assert backup.backup_due(store, 30) is False


def test_backup_due_after_the_interval_when_data_changed(store, head, clock):
    backup.take_backup(store, "auto")
    station.save_category(head, name="困难退役军人")
    clock.advance(minutes=29)
    assert backup.backup_due(store, 30) is False  # changed, but the last copy is recent
    clock.advance(minutes=2)
    assert backup.backup_due(store, 30) is True
    backup.take_backup(store, "auto")
    assert backup.backup_due(store, 30) is False


def test_backup_due_when_an_edit_changes_no_row_count(store, head, clock):
    category = station.save_category(head, name="困难退役军人")
    backup.take_backup(store, "auto")
    station.save_category(head, category.id, name="困难退役军人", note="含伤残")
    clock.advance(hours=1)
    assert backup.backup_due(store, 30) is True


def test_backup_never_due_for_a_missing_database(location, clock):
    assert backup.backup_due(location, 30) is False


# --- forced copies follow the station's rules ------------------------------------------------


def _manual_copies(location, clock, count):
    copies = []
    for _ in range(count):
        copies.append(backup.take_backup(location, policy=Policy(recent=50)))
        clock.advance(minutes=1)
    return copies


def test_a_forced_backup_prunes_by_the_stations_rules(store, head, clock):
    from station_desk.core.services.settings import set_setting

    set_setting(head, "backup.keep_recent", 20)
    copies = _manual_copies(store, clock, 12)

    backup.take_backup(store, "pre-migrate")  # no policy given: the station's, not the defaults

    assert {c for c in copies if c.exists()} == set(copies)


def test_the_stations_rules_are_read_from_the_file_when_it_is_closed(store, head, clock):
    from station_desk.core import db
    from station_desk.core.services.settings import set_setting

    set_setting(head, "backup.keep_recent", 3)
    set_setting(head, "backup.keep_daily", 2)
    db.close()
    assert backup.policy_for(store) == Policy(recent=3, daily=2)


def test_unreadable_rules_fall_back_to_the_defaults(location):
    assert backup.policy_for(location) == Policy()  # no file at all


def test_protected_copies_are_never_pruned(store, clock):
    copies = _manual_copies(store, clock, 10)
    oldest = copies[0]
    backup.take_backup(store, policy=Policy(recent=2, daily=1, weekly=0, monthly=0),
                       protect={oldest})
    assert oldest.exists()
    assert not copies[1].exists()
