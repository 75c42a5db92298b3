"""What the household dialogs share: errors shown under their field, form rows, dates, and
``SavingDialog``, a dialog that saves through a service when OK is pressed.

A service refuses with a ``StationError`` whose ``field`` parameter names what was wrong;
the dialog shows the sentence right under that field, in the user's language, moves the
focus there and keeps everything that was typed. Errors about no one field go to the line
under the form.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...messages import describe_error
from ..widgets import error_label


class FieldErrors:
    def __init__(self, general: QLabel, lang: str) -> None:
        self.general = general
        self.lang = lang
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def wrap(self, key: str, widget: QWidget) -> QWidget:
        """``widget`` with an (empty, hidden) error line under it, for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = error_label()
        label.setObjectName(f"error_{key}")
        layout.addWidget(label)
        self.widgets[key] = widget
        self.labels[key] = label
        return box

    def _all(self) -> list[QLabel]:
        return [*self.labels.values(), self.general]

    def clear(self) -> None:
        for label in self._all():
            label.clear()
            label.setMinimumHeight(0)
            label.hide()

    def knows(self, error: StationError) -> bool:
        return str(error.params.get("field", "")) in self.labels

    def show(self, error: BaseException) -> str:
        """Show ``error`` under its field (or under the form); returns the sentence."""
        from ..ops import error_text

        self.clear()
        sentence = describe_error(error, self.lang) if isinstance(error, StationError) \
            else error_text(error, self.lang)
        key = str(getattr(error, "params", {}).get("field", ""))
        label = self.labels.get(key, self.general)
        label.setText(sentence)
        label.show()
        fit_height(label)
        widget = self.widgets.get(key)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return sentence

    def text(self) -> str:
        """Every error line showing now (for tests and screen readers)."""
        return " ".join(lb.text() for lb in self._all() if lb.isVisibleTo(lb.window()) and lb.text())


def fit_height(label: QLabel) -> None:
    """Give a wrapped label the height its text needs at its width now: a form row inside a
    grid does not ask its labels' height-for-width, so a long sentence would be cut."""
    width = label.width() if label.width() > 50 else (label.parentWidget().width()
                                                        if label.parentWidget() else 300)
    rect = label.fontMetrics().boundingRect(QRect(0, 0, max(width, 50), 10_000),
                                            int(Qt.TextFlag.TextWordWrap), label.text())
    label.setMinimumHeight(rect.height() + 2)


def form_layout() -> QFormLayout:
    """A form with room between a label and its field (the theme leaves none)."""
    form = QFormLayout()
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(6)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def date_edit(name: str, value: _dt.date | None = None) -> QDateEdit:
    """A date with a calendar, never after today (visits, registrations, closings)."""
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    edit.setDate(qdate(value) if value else QDate.currentDate())
    return edit


def qdate(value: _dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_of(edit: QDateEdit) -> _dt.date:
    value = edit.date()
    return _dt.date(value.year(), value.month(), value.day())


def muted(text: str) -> QLabel:
    note = QLabel(text)
    note.setObjectName("muted")
    note.setWordWrap(True)
    return note


class SavingDialog(QDialog):
    """A form that saves through a service on OK (``save``); a refusal is shown under its
    field and the dialog stays open with what was typed. ``ask`` returns what ``save``
    returned, or None when cancelled."""

    def __init__(self, parent: QWidget | None, lang: str, name: str, title: str,
                 heading: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.result_value: object = None
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error, lang)
        self.layout_ = QVBoxLayout(self)
        if heading:
            label = QLabel(heading)
            label.setObjectName("subheading")
            self.layout_.addWidget(label)

    def finish(self, note: str = "") -> None:
        """Add the note, the error line and OK / Cancel under what the subclass laid out."""
        if note:
            self.layout_.addWidget(muted(note))
        self.layout_.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def save(self) -> object:
        raise NotImplementedError

    def refused(self, error: BaseException) -> None:
        self.errors.show(error)

    def _on_ok(self) -> None:
        try:
            self.result_value = self.save()
        except Exception as error:  # refused, or the database went away: keep what was typed
            self.refused(error)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *args, **kwargs):
        dialog = cls(parent, *args, **kwargs)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
