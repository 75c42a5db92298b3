"""A gift package kind (慰问包): its name and the items in one package, with the value of one
package at today's unit values shown as the lines are edited."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import money
from ...core.clock import today
from ...core.services import inventory
from .form_parts import FieldErrors, form_layout
from .receive_goods import item_combo


@dataclass
class _PackageLine:
    item: QComboBox
    quantity: QSpinBox
    remove: QPushButton


class PackageFormDialog(QDialog):
    def __init__(self, parent: QWidget | None, context, package_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packageForm")
        self.actor = context.actor
        self.package_id = package_id
        self.result_value: int | None = None
        self.lines: list[_PackageLine] = []
        self._made = 0
        self.setWindowTitle(self.tr("New gift package") if package_id is None
                            else self.tr("Edit gift package"))
        self.setMinimumWidth(560)
        self._items = inventory.find_items(self.actor)
        existing = None
        if package_id is not None:
            existing = next((p for p in inventory.packages(self.actor, include_inactive=True)
                             if p.id == package_id), None)
        from ..widgets import error_label

        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error, context.lang)
        layout = QVBoxLayout(self)
        form = form_layout()
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setObjectName("packageName")
        self.name.setPlaceholderText(self.tr("e.g. 春节慰问包"))
        form.addRow(self.tr("Name"), self.errors.wrap("package_name", self.name))
        self.note = QLineEdit(existing.note if existing else "")
        self.note.setObjectName("packageNote")
        form.addRow(self.tr("Note"), self.note)
        self.active = QCheckBox()
        self.active.setObjectName("packageActive")
        self.active.setChecked(existing.active if existing else True)
        form.addRow(self.tr("In use"), self.active)
        layout.addLayout(form)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, text in enumerate((self.tr("Item"), self.tr("Quantity per package"), "")):
            head = QLabel(text)
            head.setObjectName("muted")
            self.grid.addWidget(head, 0, column)
        self.grid.setColumnStretch(0, 1)
        layout.addWidget(self.grid_host)
        under = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.setObjectName("addPackageLine")
        self.add_button.clicked.connect(lambda: self.add_line())
        under.addWidget(self.add_button)
        under.addStretch(1)
        self.value_label = QLabel()
        self.value_label.setObjectName("packageValue")
        under.addWidget(self.value_label)
        layout.addLayout(under)
        layout.addStretch(1)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        for item_id, _label, _unit, quantity in (existing.lines if existing else ()):
            self.add_line(item_id, quantity)
        if not self.lines:
            self.add_line()
        self._update_value()

    def add_line(self, item_id: int | None = None, quantity: int = 1) -> _PackageLine:
        self._made += 1
        box = item_combo(self._items, f"packageItem_{self._made}")
        if item_id is not None:
            box.setCurrentIndex(box.findData(item_id))
        count = QSpinBox()
        count.setObjectName(f"packageQuantity_{self._made}")
        count.setRange(0, 10_000)
        count.setValue(quantity)
        remove = QPushButton(self.tr("Remove"))
        line = _PackageLine(box, count, remove)
        for column, widget in enumerate((box, count, remove)):
            self.grid.addWidget(widget, self._made, column)
        box.currentIndexChanged.connect(lambda _i: self._update_value())
        count.valueChanged.connect(lambda _v: self._update_value())
        remove.clicked.connect(lambda _c=False, ln=line: self.remove_line(ln))
        self.lines.append(line)
        self._update_value()
        return line

    def remove_line(self, line: _PackageLine) -> None:
        if line in self.lines:
            self.lines.remove(line)
            for widget in (line.item, line.quantity, line.remove):
                self.grid.removeWidget(widget)
                widget.deleteLater()
            self._update_value()

    def chosen(self) -> list[tuple[int, int]]:
        return [(ln.item.currentData(), ln.quantity.value()) for ln in self.lines
                if ln.item.currentIndex() >= 0 and ln.item.currentData() is not None]

    def _update_value(self) -> None:
        total: int | None = 0
        on = today()
        for item_id, quantity in self.chosen():
            unit = inventory.value_on(item_id, on)
            total = None if total is None or unit is None else total + unit * quantity
        self.value_label.setText(
            self.tr("One package: ¥%1").replace("%1", money.yuan(total) or "0.00") if total is not None
            else self.tr("One package: some items have no value"))

    def _on_ok(self) -> None:
        self.errors.clear()
        try:
            saved = inventory.save_package(self.actor, inventory.PackageInput(
                name=self.name.text(), lines=self.chosen(), note=self.note.text(),
                active=self.active.isChecked()), self.package_id)
        except Exception as error:  # refused, or the database went away: keep what was typed
            self.errors.show(error)
            return
        self.result_value = saved.id
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, context, package_id: int | None = None) -> int | None:
        """The saved package kind's id, or None when cancelled."""
        dialog = cls(parent, context, package_id)
        return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None
