"""Background work: one database worker thread, a progress dialog, cooperative cancel.

Anything that may take more than ~100 ms runs here, so the GUI thread never waits on it.

* ``DbWorker`` owns the application's one worker thread. Jobs run on it one at a
  time, in the order they were queued. peewee keeps one connection per thread, so
  the worker thread has its own connection to the bound database (opened on its
  first query); the thread closes it itself when the worker stops. Only two
  threads ever touch the database: the GUI thread and this one.
* ``run_operation`` queues a job and shows a ``QProgressDialog`` (modal to the
  window, and only after ``SHOW_AFTER_MS``, so quick jobs don't flash). A job that
  has a parameter called ``progress`` is given a ``Progress``: ``update(done,
  total, text)`` and ``cancelled()`` / ``check()``. ``Progress`` has no Qt in it, so
  core functions can take one (``progress=None``) and stay Qt-free.
* The outcome comes back on the GUI thread as one of the ``Operation`` signals
  ``finished(result)``, ``failed(exc)`` or ``cancelled()``, then ``ended()``.
  ``StationError``s are shown with ``show_error``, in the user's language.
* When a job binds a different database object to the proxy (``store.restore``
  reopens the store), each thread closes its own connection to the old one: the
  worker right after the job, the GUI thread when the outcome arrives. See
  ``restore_from`` for the rest of that story.
"""

from __future__ import annotations

import gc
import inspect
import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import (
    SIGNAL,
    SLOT,
    QCoreApplication,
    QEventLoop,
    QLocale,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from ..core import db, events
from ..core.errors import StationError
from ..core.roles import Actor, require
from ..messages import describe_error, language, text

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300  # quicker jobs never show a dialog
POLL_MS = 100  # how often the dialog reads the job's progress
NO_ANSWER_MS = 1500  # a job that hasn't looked at a cancel by then is "finishing"
BAR_STEPS = 1000  # QProgressBar holds an int: show per-mille, whatever the total


class OperationCancelled(Exception):
    """Raised by ``Progress.check()`` (or a job itself) to stop after the user cancelled."""


class Progress:
    """What a job is handed: report how far it got and notice a cancel. Thread-safe."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._state: tuple[int, int, str | None] = (0, 0, None)
        self.noticed_cancel = False

    def update(self, done: int, total: int = 0, text: str | None = None) -> None:
        """``total`` 0 means unknown (a busy bar); ``text`` None keeps the last text."""
        if text is None:
            text = self._state[2]
        self._state = (int(done), int(total), text)  # one assignment: readers see all or nothing

    def cancelled(self) -> bool:
        if self._cancel.is_set():
            self.noticed_cancel = True
            return True
        return False

    def check(self) -> None:
        """Raise ``OperationCancelled`` if the user cancelled (inside ``atomic()``: rollback)."""
        if self.cancelled():
            raise OperationCancelled

    def snapshot(self) -> tuple[int, int, str | None]:
        return self._state


def takes_progress(fn: Callable) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "progress" in params or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class Operation(QObject):
    """One queued job and its outcome, delivered on the GUI thread."""

    finished = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    ended = Signal()  # after any of the three
    _outcome = Signal(str, object)  # emitted on the worker thread, queued to this one

    def __init__(self, title: str, fn: Callable, args: tuple = (), kwargs: dict | None = None,
                 *, cancellable: bool = True) -> None:
        super().__init__()
        self.title = title
        self.cancellable = cancellable
        self.progress = Progress()
        self.takes_progress = takes_progress(fn)
        self.state = "queued"  # queued | running | finished | failed | cancelled
        self.result: Any = None
        self.error: BaseException | None = None
        self.report_errors = False  # show_error after failed (run_operation turns it on)
        self.error_parent: QWidget | None = None
        self.dialog: OperationDialog | None = None
        self.thread_ident: int | None = None  # the thread the job ran on
        self.cancel_requested_at: float | None = None
        self._fn = fn
        self._args = args
        self._kwargs = dict(kwargs or {})
        self._bound_at_submit: object | None = None  # the Database bound when queued
        self._worker: DbWorker | None = None
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        if not self.is_done() and self.cancel_requested_at is None:
            self.cancel_requested_at = time.monotonic()
            self.progress._cancel.set()

    def is_done(self) -> bool:
        return self.state in ("finished", "failed", "cancelled")

    def run(self) -> None:
        """Run the job here and now; called on the worker thread."""
        if self.progress._cancel.is_set():
            self._outcome.emit("cancelled", None)
            return
        self.state = "running"
        self.thread_ident = threading.get_ident()
        bound_before = db.database.obj
        kwargs = dict(self._kwargs)
        if self.takes_progress:
            kwargs["progress"] = self.progress
        try:
            result = self._fn(*self._args, **kwargs)
        except OperationCancelled:
            outcome: tuple[str, object] = ("cancelled", None)
        except BaseException as exc:  # whatever it was, the GUI hears of it
            if not isinstance(exc, StationError):
                log.exception("%s failed", self.title)
            outcome = ("failed", exc)
        else:
            # A job that saw the cancel and returned early stopped on purpose.
            outcome = ("cancelled", None) if self.progress.noticed_cancel else ("finished", result)
        finally:
            db.release_replaced(bound_before)
        self._outcome.emit(*outcome)

    @Slot(str, object)
    def _deliver(self, state: str, value: object) -> None:
        db.release_replaced(self._bound_at_submit)
        self._bound_at_submit = None
        self.state = state
        if self._worker is not None:
            self._worker._active.discard(self)
        if self.dialog is not None and shiboken6.isValid(self.dialog):  # gone with its window?
            self.dialog.close_for_good()  # before any message box the handlers show
        if state == "finished":
            self.result = value
            self.finished.emit(value)
        elif state == "failed":
            self.error = value  # type: ignore[assignment]
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.ended.emit()
        if state == "failed" and self.report_errors:
            show_error(self.error_parent, value)  # type: ignore[arg-type]


class _JobThread(QThread):
    """Runs queued operations one at a time until it takes ``None`` off the queue."""

    def __init__(self, jobs: queue.SimpleQueue) -> None:
        super().__init__()
        self.setObjectName("station-desk-db")
        self._jobs = jobs

    def run(self) -> None:
        try:
            while (operation := self._jobs.get()) is not None:
                operation.run()
        finally:
            # This thread's own connection: only this thread can close it.
            try:
                db.close()
            except Exception:  # a broken connection must not stop the thread from ending
                log.exception("closing the worker's database connection")


class MainThreadGarbageCollector(QObject):
    """Collect cyclic garbage on the GUI thread only, while a worker thread runs.

    Python's cyclic collector runs in whichever thread happens to allocate; if that is
    the worker, it can free Qt widgets there, and Qt crashes (seen: a segfault while a
    PDF was built on the worker). As Anki does, automatic collection is switched off
    and a timer on the GUI thread collects instead.
    """

    _users = 0
    _instance: ClassVar[MainThreadGarbageCollector | None] = None

    def __init__(self) -> None:
        super().__init__()
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.collect)

    def collect(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._threshold[generation]:
                gc.collect(generation)
                return

    @classmethod
    def acquire(cls) -> None:
        if cls._users == 0:
            cls._instance = cls()
            gc.disable()
            cls._instance._timer.start()
        cls._users += 1

    @classmethod
    def release(cls) -> None:
        cls._users = max(0, cls._users - 1)
        if cls._users == 0 and cls._instance is not None:
            cls._instance._timer.stop()
            cls._instance.deleteLater()
            cls._instance = None
            gc.enable()
            gc.collect()


class DbWorker(QObject):
    """The application's one database worker thread. ``start()`` it once, ``stop()`` at exit."""

    _app_worker: ClassVar[DbWorker | None] = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: _JobThread | None = None
        self._active: set[Operation] = set()
        self._quit_hooked = False

    @classmethod
    def instance(cls) -> DbWorker:
        """The started worker that ``run_operation`` uses."""
        if cls._app_worker is None:
            raise RuntimeError("no DbWorker has been started")
        return cls._app_worker

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        MainThreadGarbageCollector.acquire()
        self._thread = _JobThread(self._jobs)
        self._thread.start()
        DbWorker._app_worker = self
        app = QCoreApplication.instance()
        if app is not None and not self._quit_hooked:
            app.aboutToQuit.connect(self.stop)
            self._quit_hooked = True

    def stop(self) -> None:
        """Cancel what is queued, ask the running job to stop, and join the thread.

        A job that ignores cancellation is waited for: leaving a thread running with
        an open transaction is worse than a slow exit.
        """
        if self._thread is None:
            return
        for operation in list(self._active):
            operation.cancel()
        self._jobs.put(None)
        self._thread.wait()
        self._thread = None
        MainThreadGarbageCollector.release()
        if DbWorker._app_worker is self:
            DbWorker._app_worker = None

    def submit(self, operation: Operation) -> Operation:
        if self._thread is None:
            raise RuntimeError("the DbWorker is not running")
        operation._worker = self
        operation._bound_at_submit = db.database.obj
        self._active.add(operation)
        self._jobs.put(operation)
        return operation


class OperationDialog(QProgressDialog):
    """The progress of one operation; it stays up until the job has really stopped."""

    def __init__(self, parent: QWidget | None, operation: Operation) -> None:
        super().__init__(parent)
        self._operation = operation
        self.setWindowTitle(operation.title)
        self.setLabelText(operation.title)
        self.setMinimumWidth(380)  # long labels ("…finishing") don't make it jump
        self.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                               else Qt.WindowModality.ApplicationModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # QProgressDialog would show itself on its own schedule (its constructor starts
        # a 4 s timer; setValue runs processEvents when modal): stop its timer, give it
        # our own bar, which is all we touch, and let SHOW_AFTER_MS decide.
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.setBar(self.bar)
        # Cancel must not hide the dialog while the job is still running.
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))
        self.cancel_button: QPushButton | None = None
        if operation.cancellable:
            self.cancel_button = QPushButton(self.tr("Cancel"), self)
            self.setCancelButton(self.cancel_button)
            self.canceled.connect(self.request_cancel)
        else:
            self.setCancelButton(None)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._appear = QTimer(self)
        self._appear.setSingleShot(True)
        self._appear.timeout.connect(self._show_now)

    def begin(self) -> None:
        self._appear.start(SHOW_AFTER_MS)

    def _show_now(self) -> None:
        if not self._operation.is_done():
            self.refresh()
            self.show()
            self._poll.start()

    @Slot()
    def request_cancel(self) -> None:
        if not self._operation.cancellable:
            return
        self._operation.cancel()
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.refresh()

    def status_text(self) -> str:
        done, total, label = self._operation.progress.snapshot()
        operation = self._operation
        if operation.cancel_requested_at is None:
            return label or operation.title
        waited_ms = (time.monotonic() - operation.cancel_requested_at) * 1000
        if operation.progress.noticed_cancel:
            return self.tr("Cancelling…")
        if not operation.takes_progress or waited_ms >= NO_ANSWER_MS:
            return self.tr("This step can't be interrupted; it is finishing…")
        return self.tr("Cancelling…")

    @Slot()
    def refresh(self) -> None:
        done, total, _label = self._operation.progress.snapshot()
        if total > 0:
            self.bar.setRange(0, BAR_STEPS)
            self.bar.setValue(min(BAR_STEPS, max(0, done * BAR_STEPS // total)))
        else:
            self.bar.setRange(0, 0)
        self.setLabelText(self.status_text())

    def close_for_good(self) -> None:
        self._appear.stop()
        self._poll.stop()
        self.hide()
        if self._operation.dialog is self:
            self._operation.dialog = None
        self.deleteLater()

    def reject(self) -> None:  # Escape
        self.request_cancel()

    def closeEvent(self, event) -> None:  # noqa: N802 - the window's close button
        event.ignore()
        self.request_cancel()


def _alive(widget: QWidget | None) -> QWidget | None:
    return widget if widget is not None and shiboken6.isValid(widget) else None


def run_operation(parent: QWidget | None, title: str, fn: Callable, *args: Any,
                  cancellable: bool = True, **kwargs: Any) -> Operation:
    """Run ``fn(*args, **kwargs)`` on the database worker with a progress dialog.

    ``fn`` gets ``progress=`` too when it has a parameter of that name. Returns at once;
    connect to the returned operation's signals (they fire on the GUI thread). A failure
    is shown with ``show_error`` after ``failed`` is emitted, unless a handler of
    ``failed`` (or the caller) sets ``report_errors = False``.
    """
    worker = DbWorker.instance()
    operation = Operation(title, fn, args, kwargs, cancellable=cancellable)
    operation.report_errors = True
    operation.error_parent = _alive(parent)
    operation.dialog = OperationDialog(_alive(parent), operation)
    worker.submit(operation)
    operation.dialog.begin()
    return operation


def wait_for(operation: Operation, timeout_ms: int | None = 10_000) -> Any:
    """Process events until ``operation`` ends; its result, or raise what it raised.

    For tests and start-up code: the GUI otherwise uses the signals. Raises
    ``OperationCancelled`` when it was cancelled and ``TimeoutError`` when it is
    still going after ``timeout_ms`` (None: wait as long as it takes).
    """
    if not operation.is_done():
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        operation.ended.connect(loop.quit)
        if timeout_ms is not None:
            timer.start(timeout_ms)
        if not operation.is_done():
            loop.exec()
        timer.stop()
        # No ended.disconnect(loop.quit): in PySide6 6.12 signal.disconnect() drops a
        # reference to True each call (the interpreter then aborts at exit). The
        # connection dies with ``loop``.
    if not operation.is_done():
        raise TimeoutError(f"{operation.title} still running after {timeout_ms} ms")
    if operation.state == "failed":
        raise operation.error  # type: ignore[misc]
    if operation.state == "cancelled":
        raise OperationCancelled
    return operation.result


def ui_language(parent: QWidget | None = None) -> str:
    """The user's language: the ``AppContext`` of ``parent``'s window, else the language
    the translators were installed for (``i18n`` sets the default QLocale), else the
    messages default ($STATION_DESK_LANG or Chinese)."""
    widget = _alive(parent)
    while widget is not None:
        lang = getattr(getattr(widget, "context", None), "lang", None)
        if isinstance(lang, str) and lang:
            return language(lang)
        widget = widget.parentWidget()
    installed = QLocale().language()
    if installed == QLocale.Language.Chinese:
        return "zh"
    if installed == QLocale.Language.English:
        return "en"
    return language()


def error_text(exc: BaseException, lang: str | None = None) -> str:
    if isinstance(exc, StationError):
        return describe_error(exc, lang)
    return text("error", lang, detail=f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException, lang: str | None = None) -> None:
    """Tell the user what went wrong: a ``StationError`` in their language, else the detail."""
    parent = _alive(parent)
    message = error_text(exc, lang or ui_language(parent))
    title = QCoreApplication.translate("ops", "Station Desk")
    if isinstance(exc, StationError):
        QMessageBox.warning(parent, title, message)
    else:
        QMessageBox.critical(parent, title, message)


def _inform(parent: QWidget | None, message: str) -> None:
    title = QCoreApplication.translate("ops", "Station Desk")
    QMessageBox.information(_alive(parent), title, message)


# Ready-made actions ---------------------------------------------------------------


def backup_now(parent: QWidget | None, location: db.Location,
               actor: Actor | None = None) -> Operation:
    """Take a checked backup into the station's backup folder, then say where it went."""
    from ..core import backup

    def take() -> Path:
        if actor is not None:
            require(actor, "backup.run")
        return backup.take_backup(location, "manual", policy=backup.Policy.from_settings())

    title = QCoreApplication.translate("ops", "Backing up the station database…")
    operation = run_operation(parent, title, take, cancellable=False)

    def done(path: Path) -> None:
        _inform(parent, QCoreApplication.translate(
            "ops", "The backup was saved and checked:\n{path}").format(path=path))

    operation.finished.connect(done)
    return operation


def choose_backup(parent: QWidget | None, location: db.Location) -> Path | None:
    folder = location.backup_dir
    start = folder if folder.is_dir() else location.path.parent
    chosen, _filter = QFileDialog.getOpenFileName(
        _alive(parent), QCoreApplication.translate("ops", "Choose a backup to restore"),
        str(start),
        QCoreApplication.translate("ops", "Station Desk backups (*.sqlite3);;All files (*)"))
    return Path(chosen) if chosen else None


def confirm_restore(parent: QWidget | None, source: Path) -> bool:
    answer = QMessageBox.question(
        _alive(parent), QCoreApplication.translate("ops", "Restore from a backup"),
        QCoreApplication.translate(
            "ops", "Replace the station database with the backup\n{name}?\n\n"
            "Everything entered since that backup will be replaced. A safety copy of the "
            "current database is taken first, so this can be undone.").format(name=source.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def restore_from(parent: QWidget | None, location: db.Location,
                 actor: Actor | None) -> Operation | None:
    """Pick a backup, confirm, and restore it on the worker; None if the user stopped.

    ``store.restore`` closes the database, writes the copy in and reopens it, binding
    a new ``Database`` object to the proxy. Connections are per thread, so:

    * the GUI thread closes its own connection *before* the job, so nothing of
      this process holds the file while it is replaced (Windows refuses to move a
      damaged file aside while a handle is open on it);
    * on the worker, ``store.restore`` closes the worker's connection itself, and the
      new object's worker connection is the one ``DbWorker.stop`` closes later;
    * if the GUI thread touched the database meanwhile (a timer), its connection to
      the old object is closed when the outcome arrives (``db.release_replaced``);
      its next query opens a connection to the new object by itself.

    Afterwards every table counts as changed, so pages reload what they show.
    """
    from ..core import store

    if not location.is_sqlite:
        show_error(parent, StationError("backup_sqlite_only"))
        return None
    source = choose_backup(parent, location)
    if source is None or not confirm_restore(parent, source):
        return None
    db.close()  # the GUI thread's connection; the worker closes its own
    title = QCoreApplication.translate("ops", "Restoring the station database…")
    operation = run_operation(parent, title, store.restore, location, source, actor,
                              cancellable=False)

    def restored(result: store.RestoreResult) -> None:
        events.publish(db.database.get_tables())
        lines = [QCoreApplication.translate(
            "ops", "The station database was restored from\n{path}").format(
                path=result.restored_from)]
        if result.safety_copy:
            lines.append(QCoreApplication.translate(
                "ops", "The data it replaced is kept in\n{path}").format(path=result.safety_copy))
        if result.damaged_copy:
            lines.append(QCoreApplication.translate(
                "ops", "The damaged file was moved aside to\n{path}").format(
                    path=result.damaged_copy))
        _inform(parent, "\n\n".join(lines))

    operation.finished.connect(restored)
    return operation


def load_demo(parent: QWidget | None, seed: int = 2026) -> Operation:
    """Fill the empty database with the demo station; ``finished`` carries the DemoReport.

    No message of its own: the first-run wizard goes on to sign-in with the report.
    """
    from ..core import demo

    title = QCoreApplication.translate("ops", "Loading the demo station…")
    return run_operation(parent, title, demo.fill, seed=seed)


def load_demo_blocking(parent: QWidget | None, seed: int = 2026) -> bool:
    """Load the demo station and wait for it, the event loop running; True when loaded.

    For the first run, before the main window exists. Uses the application's worker;
    if none is running yet, a worker is started for the job and stopped (joined)
    afterwards, so there is still never more than one. Failures have been shown.
    """
    temporary = None
    if DbWorker._app_worker is None:
        temporary = DbWorker()
        temporary.start()
    try:
        wait_for(load_demo(parent, seed), timeout_ms=None)
    except Exception:  # shown already (or cancelled)
        return False
    finally:
        if temporary is not None:
            temporary.stop()
    return True
