"""Small widget makers the feature pages share (buttons, filter combos)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
)

from ..models.table import make_table


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


def search_box(name: str, placeholder: str, typed: Callable[[], None],
               entered: Callable[[], None], width: int = 260) -> QLineEdit:
    """The search box a list page filters with: ``typed`` on each change (a page debounces
    it with a timer), ``entered`` on Enter."""
    made = QLineEdit()
    made.setObjectName(name)
    made.setClearButtonEnabled(True)
    made.setPlaceholderText(placeholder)
    made.setMinimumWidth(width)
    made.textChanged.connect(lambda _t: typed())
    made.returnPressed.connect(entered)
    return made


def fitted_table(model, name: str, stretch: int | None = None,
                 capped: dict[int, int] | None = None) -> QTableView:
    """A table whose columns are as wide as their contents; ``stretch`` (default the last)
    takes the rest; ``capped`` columns (index: width in px) hold long text at a fixed width,
    cut short with the whole text in the tooltip, so they never squeeze the stretched one."""
    view = make_table(model, name)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in (capped or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, width)
    return view


def date_edit(name: str, value: _dt.date) -> QDateEdit:
    """A date box with a calendar, as the list pages' period filters use it."""
    from ..dialogs.form_parts import qdate

    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(value))
    return edit
