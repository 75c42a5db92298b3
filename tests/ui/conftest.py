from __future__ import annotations

import pytest


@pytest.fixture
def demo_store(store):
    """A demo station (26 villages, 24 accounts) in the test's database."""
    from station_desk.core import demo

    demo.fill()
    return store


@pytest.fixture
def worker(store, qapp):
    """The application's worker, on the test's database; stopped and joined at the end."""
    from station_desk.ui.ops import DbWorker

    started = DbWorker()
    started.start()
    yield started
    started.stop()
    assert not started.is_running()


@pytest.fixture
def make_window(qtbot):
    """Build the main window for an actor (the DB worker is not started here)."""
    from station_desk.ui.context import AppContext
    from station_desk.ui.mainwindow import MainWindow

    made = []

    def make(location, actor, lang="zh", worker=None):
        context = AppContext(location=location, actor=actor, lang=lang, worker=worker)
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.context.bridge.close()


@pytest.fixture
def no_dialogs(monkeypatch):
    """Fail loudly if a test would open a real modal message box."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def record(kind):
        def fake(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return fake

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown
