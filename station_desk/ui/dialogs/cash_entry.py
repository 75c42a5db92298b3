"""收入 / 支出: a cash book entry other than a donation (a donation's cash comes with the
donation). The amount is typed in yuan (120, 120.50, ￥1,200) and kept in fen; a payment that
would take the book below zero on any day is refused by ``donations.record_cash``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from ...core.clock import today
from ...core.money import parse_yuan
from ...core.services import donations
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout


class CashEntryDialog(SavingDialog):
    """Returns the entry's id."""

    def __init__(self, parent, context, *, kind: str = "other_in") -> None:
        super().__init__(parent, context.lang, "cashEntryDialog", self.tr("Cash book entry"))
        self.actor = context.actor
        self.setMinimumWidth(440)
        form = form_layout()
        self.layout_.addLayout(form)
        self.kind = QComboBox()
        self.kind.setObjectName("cashKind")
        for code in ("other_in", "spend"):
            self.kind.addItem(label("cash_kind", code), code)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        form.addRow(self.tr("Kind"), self.errors.wrap("cash_kind", self.kind))
        self.entered_on = date_edit("cashDate", today())
        form.addRow(self.tr("Date"), self.errors.wrap("entered_on", self.entered_on))
        self.amount = QLineEdit()
        self.amount.setObjectName("cashAmount")
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 200 or 85.50"))
        form.addRow(self.tr("Amount (yuan)"), self.errors.wrap("amount", self.amount))
        self.purpose = QLineEdit()
        self.purpose.setObjectName("cashPurpose")
        self.purpose.setPlaceholderText(self.tr("What the money came in for or was spent on"))
        form.addRow(self.tr("Purpose"), self.errors.wrap("purpose", self.purpose))
        self.counterparty = QLineEdit()
        self.counterparty.setObjectName("cashCounterparty")
        form.addRow(self.tr("Paid by / paid to"),
                    self.errors.wrap("counterparty", self.counterparty))
        self.reference = QLineEdit()
        self.reference.setObjectName("cashReference")
        self.reference.setPlaceholderText(self.tr("Invoice or receipt number"))
        form.addRow(self.tr("Reference"), self.errors.wrap("reference", self.reference))
        self.finish()

    def save(self) -> int:
        amount = parse_yuan(self.amount.text(), field="amount", required=True)
        return donations.record_cash(self.actor, date_of(self.entered_on),
                                     self.kind.currentData(), amount,
                                     purpose=self.purpose.text(),
                                     counterparty=self.counterparty.text(),
                                     reference=self.reference.text())
