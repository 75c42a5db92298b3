"""The window's entry point, from start to quit, as `station-desk-gui` runs it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox


def test_sign_in_then_main_window_then_quit(demo_store, qapp, monkeypatch):
    from station_desk.core import backup
    from station_desk.ui import app as app_module
    from station_desk.ui.dialogs.sign_in import SignInDialog
    from station_desk.ui.mainwindow import MainWindow
    from station_desk.ui.ops import DbWorker

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own
    seen = {}

    def sign_in():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SignInDialog) and w.isVisible())
        dialog.form.usernameEdit.setText("liuliping")
        dialog.form.passwordEdit.setText("demo1234")
        dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        QTimer.singleShot(50, look_and_quit)

    def look_and_quit():
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = window.windowTitle()
        seen["worker_running"] = DbWorker.instance().is_running()
        seen["backup_timer"] = window.backup_timer.isActive()
        window.close()

    QTimer.singleShot(0, sign_in)
    code = app_module.main(["--db", str(demo_store.path), "--lang", "zh"])
    assert code == 0
    assert seen["worker_running"] and seen["backup_timer"]
    assert seen["title"].startswith("石滩镇第一社工服务站")
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    # the worker was stopped and joined on the way out
    with pytest.raises(RuntimeError):
        DbWorker.instance()
    assert backup.list_backups(demo_store) == []  # nothing was due in a few milliseconds


def test_cancelling_sign_in_quits_cleanly(demo_store, qapp, monkeypatch):
    from station_desk.ui import app as app_module
    from station_desk.ui.dialogs.sign_in import SignInDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def cancel():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, SignInDialog) and w.isVisible())
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert app_module.main(["--db", str(demo_store.path)]) == 0


def test_a_damaged_database_is_named_in_a_message(tmp_path, qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from station_desk.ui import app as app_module

    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text, *a, **k: shown.append(text))
    bad = tmp_path / "station.sqlite3"
    bad.write_text("not a database at all", encoding="utf-8")
    assert app_module.main(["--db", str(bad)]) == 2
    assert len(shown) == 1 and str(bad) in shown[0]


def test_first_run_with_demo_data_opens_the_window_as_the_demo_head(store, qapp, monkeypatch):
    from station_desk.ui import app as app_module
    from station_desk.ui.dialogs.first_run import FirstRunDialog
    from station_desk.ui.mainwindow import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen = {}

    def choose_demo():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FirstRunDialog) and w.isVisible())
        dialog.findChild(object, "loadDemo").click()
        QTimer.singleShot(100, look_and_quit)

    def look_and_quit():
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, MainWindow) and w.isVisible()), None)
        if window is None:  # the demo is still loading on its worker
            QTimer.singleShot(100, look_and_quit)
            return
        seen["user"] = window.context.actor.username
        seen["villages"] = window.page("home").villages_card.value_label.text()
        window.close()

    QTimer.singleShot(0, choose_demo)
    assert app_module.main(["--db", str(store.path)]) == 0
    assert seen == {"user": "liuliping", "villages": "26"}
