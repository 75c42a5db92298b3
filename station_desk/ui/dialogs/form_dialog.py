"""A small form dialog built from field descriptions, for the lookup-table editors.

The dialog calls ``save(values)`` when OK is pressed; a ``StationError`` from the
service is shown under the form (in the user's language) and the dialog stays
open with what was typed, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...messages import describe_error
from ..widgets import error_label


@dataclass
class Field:
    key: str
    label: str
    kind: str = "text"  # text | password | int | bool | choice | multiline
    choices: Sequence[tuple[object, str]] = field(default_factory=tuple)
    minimum: int = 0
    maximum: int = 1_000_000
    placeholder: str = ""
    read_only: bool = False


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, fields: Sequence[Field],
                 values: dict | None, save: Callable[[dict], object]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._fields = list(fields)
        self._save = save
        self.result_value: object = None
        self.widgets: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        values = values or {}
        for spec in self._fields:
            widget = self._make_widget(spec, values.get(spec.key))
            widget.setObjectName(f"field_{spec.key}")
            self.widgets[spec.key] = widget
            form.addRow(spec.label, widget)
        self.error_label = error_label()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    @staticmethod
    def _make_widget(spec: Field, value: object) -> QWidget:
        if spec.kind == "bool":
            widget = QCheckBox()
            widget.setChecked(bool(value) if value is not None else True)
        elif spec.kind == "int":
            widget = QSpinBox()
            widget.setRange(spec.minimum, spec.maximum)
            widget.setValue(int(value) if value is not None else spec.minimum)
        elif spec.kind == "choice":
            widget = QComboBox()
            for data, text in spec.choices:
                widget.addItem(text, data)
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif spec.kind == "multiline":
            widget = QPlainTextEdit(str(value or ""))
            widget.setPlaceholderText(spec.placeholder)
            widget.setFixedHeight(96)
        else:
            widget = QLineEdit(str(value or ""))
            widget.setPlaceholderText(spec.placeholder)
            if spec.kind == "password":
                widget.setEchoMode(QLineEdit.EchoMode.Password)
        widget.setEnabled(not spec.read_only)
        return widget

    def values(self) -> dict:
        result: dict[str, object] = {}
        for spec in self._fields:
            widget = self.widgets[spec.key]
            if isinstance(widget, QCheckBox):
                result[spec.key] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                result[spec.key] = widget.value()
            elif isinstance(widget, QComboBox):
                result[spec.key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                result[spec.key] = widget.toPlainText()
            else:
                result[spec.key] = widget.text()
        return result

    def show_error(self, error: StationError) -> None:
        self.error_label.setText(describe_error(error))
        self.error_label.show()
        widget = self.widgets.get(str(error.params.get("field", "")))
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_ok(self) -> None:
        try:
            self.result_value = self._save(self.values())
        except StationError as error:
            self.show_error(error)
            return
        except Exception as error:  # e.g. the database went away: say so, keep what was typed
            from ..ops import error_text

            self.error_label.setText(error_text(error))
            self.error_label.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, fields: Sequence[Field],
            values: dict | None, save: Callable[[dict], object]) -> object | None:
        """Show the form; returns what ``save`` returned, or None when cancelled."""
        dialog = cls(parent, title, fields, values, save)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
