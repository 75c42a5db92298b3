"""Goods handed over or used, line by line: an item in stock, a quantity and what is available,
with "Add goods" under them. Used by the forms that send goods out with what they record (a
case's service record, an activity's goods used); the service checks the stock again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.roles import Actor
from ...core.services import stock


@dataclass
class GoodsLine:
    item: QComboBox
    quantity: QSpinBox
    available: QLabel
    remove: QPushButton


class GoodsLines(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None, *, name: str = "goods") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.stock = {r.item_id: r for r in stock.overview(actor, include_empty=False)
                      if r.available > 0}
        self.lines: list[GoodsLine] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        outer.addLayout(self.grid)
        self.add_button = QPushButton(self.tr("Add goods"))
        self.add_button.setObjectName("addGoods")
        self.add_button.setEnabled(bool(self.stock))
        self.add_button.clicked.connect(lambda: self.add_line())
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        outer.addLayout(row)

    def add_line(self, item_id: int | None = None, quantity: int = 1) -> GoodsLine:
        number = len(self.lines)
        item = QComboBox()
        item.setObjectName(f"goodsItem{number}")
        for row in self.stock.values():
            item.addItem(row.label, row.item_id)
        if item_id is not None:
            item.setCurrentIndex(max(item.findData(item_id), 0))
        count = QSpinBox()
        count.setObjectName(f"goodsQuantity{number}")
        count.setRange(1, 100_000)
        count.setValue(quantity)
        available = QLabel()
        available.setObjectName(f"goodsAvailable{number}")
        remove = QPushButton(self.tr("Remove"))
        line = GoodsLine(item, count, available, remove)
        item.currentIndexChanged.connect(lambda _i, ln=line: self._show_available(ln))
        remove.clicked.connect(lambda _c=False, ln=line: self.remove_line(ln))
        for column, widget in enumerate((item, count, available, remove)):
            self.grid.addWidget(widget, number, column)
        self.grid.setColumnStretch(0, 1)
        self.lines.append(line)
        self._show_available(line)
        return line

    def _show_available(self, line: GoodsLine) -> None:
        row = self.stock.get(line.item.currentData())
        line.available.setText(self.tr("%1 %2 available").replace("%1", str(row.available))
                               .replace("%2", row.unit) if row else "")

    def remove_line(self, line: GoodsLine) -> None:
        for widget in (line.item, line.quantity, line.available, line.remove):
            widget.hide()
            widget.deleteLater()
        self.lines.remove(line)

    def goods(self) -> list[stock.OutLine]:
        return [stock.OutLine(ln.item.currentData(), ln.quantity.value()) for ln in self.lines
                if ln.item.currentData() is not None]
