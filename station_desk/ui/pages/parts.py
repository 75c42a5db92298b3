"""Small widget makers the feature pages share (buttons, filter combos)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QPushButton


def button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    made = QPushButton(text)
    made.setObjectName(name)
    made.clicked.connect(slot)
    return made


def combo(name: str, width: int = 0) -> QComboBox:
    made = QComboBox()
    made.setObjectName(name)
    made.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    if width:
        made.setMinimumWidth(width)
    return made


def fill(box: QComboBox, items: list[tuple[object, str]]) -> None:
    """Replace a combo's items, keeping the chosen one when it is still there."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for data, text in items:
        box.addItem(text, data)
    index = box.findData(current)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)
