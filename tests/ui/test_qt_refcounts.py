"""Guards against Qt binding releases that corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``None`` on every void-returning call
(``resize``, ``processEvents``...) and one to ``True`` on every ``signal.disconnect()``;
a program making enough such calls aborts with "deallocating None". Python 3.12 made these
objects immortal, which hid the bug; we run on 3.11, so a release that has it must fail here.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class _Sender(QObject):
    ping = Signal()


def test_void_calls_keep_none_alive(qapp):
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.resize(40, 30)
        widget.setVisible(False)
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -100


def test_signal_connections_keep_true_alive(qapp):
    sender, receiver = _Sender(), QObject()
    before = sys.getrefcount(True)
    for _ in range(500):
        sender.ping.connect(receiver.deleteLater)
        sender.ping.disconnect(receiver.deleteLater)
    assert sys.getrefcount(True) - before > -100
