"""Background work: the one database worker, its progress dialog, cancel, backup and restore."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from station_desk.core import backup, db, events
from station_desk.core.errors import ValidationError
from station_desk.core.models import Staff
from station_desk.core.services import accounts
from station_desk.messages import describe_error
from station_desk.ui import ops
from station_desk.ui.ops import DbWorker, OperationCancelled, run_operation, wait_for


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes the code under test shows: (kind, text); question answers Yes."""
    shown: list[tuple[str, str]] = []

    def fake(kind, answer=QMessageBox.StandardButton.Ok):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer
        return show

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    return shown


def test_job_runs_on_the_worker_thread_and_its_result_arrives_by_signal(worker, head, qtbot):
    def job(name):
        return threading.get_ident(), accounts.has_accounts(), name

    operation = run_operation(None, "job", job, "刘丽萍")
    with qtbot.waitSignal(operation.finished, timeout=5000) as blocker:
        pass
    ident, has_accounts, name = blocker.args[0]
    assert ident != threading.get_ident()
    assert ident == operation.thread_ident
    assert has_accounts and name == "刘丽萍"
    assert operation.state == "finished" and operation.result == blocker.args[0]


def test_jobs_share_one_thread_and_run_in_order(worker):
    seen = []
    operations = [run_operation(None, f"job {i}", lambda i=i: seen.append(i) or
                                threading.get_ident()) for i in range(5)]
    idents = {wait_for(op) for op in operations}
    assert seen == [0, 1, 2, 3, 4]
    assert len(idents) == 1


def test_a_station_error_arrives_as_failed_and_is_shown_in_the_users_language(
        worker, boxes, qtbot):
    def job():
        raise ValidationError("demo_not_empty")

    operation = run_operation(None, "job", job)
    with qtbot.waitSignal(operation.failed, timeout=5000) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, ValidationError)
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes == [("warning", describe_error(error, ops.ui_language()))]
    with pytest.raises(ValidationError):
        wait_for(operation)


def test_an_unexpected_error_is_shown_with_its_detail(worker, boxes):
    operation = run_operation(None, "job", lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        wait_for(operation)
    assert boxes[0][0] == "critical" and "ZeroDivisionError" in boxes[0][1]


def test_a_failed_handler_can_take_over_reporting(worker, boxes):
    operation = run_operation(None, "job", lambda: 1 / 0)
    operation.failed.connect(lambda exc: setattr(operation, "report_errors", False))
    with pytest.raises(ZeroDivisionError):
        wait_for(operation)
    assert boxes == []


def test_cancel_stops_a_cooperative_job(worker, qtbot):
    steps = []

    def job(progress):
        for i in range(1000):
            progress.update(i, 1000, f"row {i}")
            progress.check()
            steps.append(i)
            time.sleep(0.01)
        return "all done"

    operation = run_operation(None, "Counting", job)
    dialog = operation.dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.bar.value() > 0, timeout=5000)
    assert dialog.labelText().startswith("row ")
    dialog.cancel_button.click()
    assert dialog.labelText() == "Cancelling…"
    assert dialog.isVisible()  # until the job has really stopped
    with qtbot.waitSignal(operation.cancelled, timeout=5000):
        pass
    assert len(steps) < 1000
    assert not dialog.isVisible()
    with pytest.raises(OperationCancelled):
        wait_for(operation)


def test_cancel_inside_a_transaction_undoes_the_jobs_writes(worker, head):
    started = threading.Event()

    def job(progress):
        with db.database.atomic():
            accounts.create_staff(head, "chen", "陈嘉慧", "social_worker", "secret123")
            started.set()
            while True:
                progress.check()
                time.sleep(0.01)

    operation = run_operation(None, "job", job)
    assert started.wait(5)
    operation.cancel()
    with pytest.raises(OperationCancelled):
        wait_for(operation)
    assert not Staff.select().where(Staff.username == "chen").exists()


def test_a_job_that_ignores_cancel_finishes_and_the_dialog_says_so(worker, qtbot):
    release = threading.Event()

    def job():  # no progress parameter: it can't be interrupted
        release.wait(5)
        return 42

    operation = run_operation(None, "Slow", job)
    dialog = operation.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.cancel_button.click()
    assert "finishing" in dialog.labelText()
    assert not dialog.cancel_button.isEnabled()
    dialog.close()  # the window's close button doesn't hide it either
    assert dialog.isVisible()
    release.set()
    assert wait_for(operation) == 42
    assert operation.state == "finished"


def test_a_quick_job_never_shows_the_dialog(worker, monkeypatch):
    shown = []
    monkeypatch.setattr(ops.OperationDialog, "show", lambda self: shown.append(self))
    assert wait_for(run_operation(None, "quick", lambda: "ok")) == "ok"
    assert shown == []


def test_a_job_that_is_not_cancellable_has_no_cancel_button(worker):
    operation = run_operation(None, "job", lambda: None, cancellable=False)
    assert operation.dialog.cancel_button is None
    operation.dialog.reject()  # Escape does nothing
    assert not operation.progress._cancel.is_set()
    wait_for(operation)


def test_wait_for_times_out_while_the_job_runs(worker):
    release = threading.Event()
    operation = run_operation(None, "job", lambda: release.wait(5))
    with pytest.raises(TimeoutError):
        wait_for(operation, timeout_ms=100)
    release.set()
    assert wait_for(operation) is True


def test_stop_closes_the_workers_connection_and_cancels_queued_jobs(store, qapp):
    started = DbWorker()
    started.start()
    try:
        assert DbWorker.instance() is started
        seen_connection = wait_for(run_operation(None, "job", lambda: db.database.connection()))
        gate = threading.Event()

        def blocking(progress):
            gate.set()
            while not progress.cancelled():
                time.sleep(0.01)

        first = run_operation(None, "first", blocking)
        second = run_operation(None, "second", lambda: "never")
        assert gate.wait(5)
    finally:
        started.stop()
    assert not started.is_running()
    with pytest.raises(RuntimeError):
        DbWorker.instance()
    with pytest.raises(sqlite3.ProgrammingError):
        seen_connection.execute("SELECT 1")
    with pytest.raises(OperationCancelled):
        wait_for(first)
    with pytest.raises(OperationCancelled):
        wait_for(second)
    assert second.thread_ident is None  # never started


def test_backup_now_takes_a_checked_backup(worker, head, boxes):
    operation = ops.backup_now(None, worker_location(), head)
    path = wait_for(operation)
    assert path.parent == worker_location().backup_dir
    assert backup.verify(path) >= 1
    assert boxes == [("information", f"The backup was saved and checked:\n{path}")]


def worker_location() -> db.Location:
    return db.resolve(db.database.obj.database)


def test_restore_from_a_chosen_backup(worker, head, boxes, monkeypatch):
    location = worker_location()
    kept = backup.take_backup(location, "manual")
    accounts.create_staff(head, "chen", "陈嘉慧", "social_worker", "secret123")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(kept), "backups (*.sqlite3)"))
    changed = []
    unsubscribe = events.subscribe(changed.append)
    old = db.database.obj
    assert not old.is_closed()  # the GUI thread has its connection
    try:
        operation = ops.restore_from(None, location, head)
        result = wait_for(operation, timeout_ms=15_000)
    finally:
        unsubscribe()
    assert result.restored_from == kept
    assert result.safety_copy is not None and backup.verify(result.safety_copy)
    assert boxes[0][0] == "question" and "safety copy" in boxes[0][1]
    assert boxes[-1][0] == "information" and str(kept) in boxes[-1][1]
    # The data is the backup's, read on the GUI thread through the newly bound database.
    assert db.database.obj is not old
    assert not Staff.select().where(Staff.username == "chen").exists()
    assert any("staff" in tables for tables in changed)
    # Neither thread kept a connection to the replaced database object.
    assert old.is_closed()
    assert wait_for(run_operation(None, "check", old.is_closed)) is True


def test_restore_stops_when_the_user_says_no(worker, head, boxes, monkeypatch):
    location = worker_location()
    kept = backup.take_backup(location, "manual")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(kept), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    old = db.database.obj
    assert ops.restore_from(None, location, head) is None
    assert db.database.obj is old

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert ops.restore_from(None, location, head) is None


def test_load_demo_fills_the_database_on_the_worker(worker):
    report = wait_for(ops.load_demo(None), timeout_ms=30_000)
    assert report.villages == 26
    assert Staff.select().count() == sum(report.staff.values())


def test_a_job_that_binds_a_new_database_leaves_no_connection_to_the_old_one(worker, head):
    location = worker_location()
    old = db.database.obj
    wait_for(run_operation(None, "touch", accounts.has_accounts))  # the worker connects too
    assert accounts.has_accounts() and not old.is_closed()  # and so does the GUI thread
    new = wait_for(run_operation(None, "rebind", db.open_location, location))
    assert db.database.obj is new is not old
    assert old.is_closed()  # the GUI thread's, closed when the outcome arrived
    assert wait_for(run_operation(None, "check", old.is_closed)) is True  # the worker's
    assert accounts.has_accounts()  # both threads carry on with the new one
    assert wait_for(run_operation(None, "again", accounts.has_accounts)) is True


def test_load_demo_blocking_before_the_worker_is_started(store, qapp):
    assert DbWorker._app_worker is None
    assert ops.load_demo_blocking(None) is True
    assert DbWorker._app_worker is None  # its worker was stopped and joined
    assert Staff.select().where(Staff.username == "liuliping").exists()


def test_load_demo_blocking_reports_a_full_database(worker, head, boxes):
    assert ops.load_demo_blocking(None) is False
    assert boxes == [("warning", describe_error(ValidationError("demo_not_empty"),
                                                ops.ui_language()))]
    assert DbWorker.instance() is worker  # the application's worker keeps running


def test_errors_follow_the_windows_language(qtbot):
    class Window(QWidget):
        class context:  # noqa: N801 - stands in for an AppContext
            lang = "en"

    window = Window()
    qtbot.addWidget(window)
    child = QWidget(window)
    assert ops.ui_language(child) == "en"
    assert ops.error_text(ValidationError("demo_not_empty"), "en").startswith(
        "The database has data already")


def test_the_outcome_arrives_after_the_window_has_gone(worker, boxes):
    window = QWidget()
    release = threading.Event()
    operation = run_operation(window, "job", lambda: release.wait(5) and 1 / 0)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window) and not shiboken6.isValid(operation.dialog)
    release.set()
    with pytest.raises(ZeroDivisionError):
        wait_for(operation)
    assert boxes[0][0] == "critical"  # shown without a parent


def test_cyclic_garbage_is_collected_on_the_gui_thread_only(store, qapp, qtbot):
    import gc
    import threading

    collected_on = []

    def note(phase, info):
        if phase == "start":
            collected_on.append(threading.get_ident())

    gc.callbacks.append(note)
    worker = DbWorker()
    worker.start()
    try:
        assert not gc.isenabled()

        def churn():
            for _ in range(20000):  # enough cycles to trigger automatic collection
                a = []
                a.append(a)
            return True

        wait_for(run_operation(None, "churn", churn))
        qtbot.waitUntil(lambda: len(collected_on) > 0, timeout=5000)
        assert set(collected_on) == {threading.get_ident()}
    finally:
        worker.stop()
        gc.callbacks.remove(note)
    assert gc.isenabled()
