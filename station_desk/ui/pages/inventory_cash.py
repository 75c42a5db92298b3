"""现金账: money in and out for a period, with the balance carried in and after each row.

Donations' cash comes with the donation (and is cancelled with it); other income and payments
are entered here. A wrong entry is cancelled with 冲销: a counter-entry dated like it, with a
reason; both stay listed, marked.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.errors import StationError
from ...core.money import yuan
from ...core.services import donations
from ...messages import describe_error
from ..dialogs.form_parts import date_of
from ..labels import label
from ..models.table import Column
from .inventory_movements import reversal_status, reversal_tint
from .inventory_stock import TintedRowsModel
from .parts import button as _button
from .parts import date_edit as date_range_edit
from .parts import fitted_table


class CashTab(QWidget):
    watches = frozenset({"cash_entry", "donation"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.setObjectName("tab_cash")
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        on = today()
        self.date_from = date_range_edit("cashFrom", on.replace(month=1, day=1))
        self.date_to = date_range_edit("cashTo", on.replace(month=12, day=31))
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.load())
        filters.addStretch(1)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.income_button = _button(self.tr("Income…"), "cashIncome",
                                     lambda: self.enter("other_in"))
        self.spend_button = _button(self.tr("Payment…"), "cashSpend", lambda: self.enter("spend"))
        self.reverse_button = _button(self.tr("Reverse…"), "reverseCash", self.reverse)
        for widget, permission in ((self.income_button, "inventory.receive"),
                                   (self.spend_button, "inventory.receive"),
                                   (self.reverse_button, "inventory.reverse")):
            widget.setVisible(self.actor.can(permission))
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.summary = QLabel()
        self.summary.setObjectName("cashSummary")
        layout.addWidget(self.summary)

        columns = [
            Column(self.tr("Date"), lambda r: r.entered_on),
            Column(self.tr("No."), lambda r: f"#{r.id}", align_right=True),
            Column(self.tr("Kind"), lambda r: label("cash_kind", r.kind)),
            Column(self.tr("Status"), reversal_status),
            Column(self.tr("In (yuan)"), lambda r: yuan(r.amount_fen) if r.amount_fen > 0
                   else "", align_right=True),
            Column(self.tr("Out (yuan)"), lambda r: yuan(-r.amount_fen) if r.amount_fen < 0
                   else "", align_right=True),
            Column(self.tr("Balance (yuan)"), lambda r: yuan(r.balance_fen), align_right=True),
            Column(self.tr("Paid by / paid to"), lambda r: r.counterparty),
            Column(self.tr("Purpose"), self.purpose),
            Column(self.tr("Reference"), lambda r: r.reference),
            Column(self.tr("Reason"), lambda r: r.reason),
            Column(self.tr("By"), lambda r: r.actor_name),
        ]
        self.model = TintedRowsModel(columns, reversal_tint, self)
        self.view = fitted_table(self.model, "cashTable", stretch=None)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        self._selection_changed()

    def purpose(self, row: donations.CashRow) -> str:
        if row.purpose or not row.donation_id:
            return row.purpose
        return self.tr("Donation #%1").replace("%1", str(row.donation_id))

    def refresh(self) -> None:
        """Reload the cash book for the period from the services."""
        self.load()

    def load(self) -> None:
        opening, rows = donations.cash_book(self.actor, date_from=date_of(self.date_from),
                                            date_to=date_of(self.date_to))
        self.model.set_rows(rows)
        money_in = sum(r.amount_fen for r in rows if r.amount_fen > 0)
        money_out = -sum(r.amount_fen for r in rows if r.amount_fen < 0)
        closing = rows[-1].balance_fen if rows else opening
        self.summary.setText(
            self.tr("Carried in %1 yuan · in %2 · out %3 · balance %4 yuan")
            .replace("%1", yuan(opening)).replace("%2", yuan(money_in))
            .replace("%3", yuan(money_out)).replace("%4", yuan(closing)))
        self._selection_changed()

    def current_row(self) -> donations.CashRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _selection_changed(self) -> None:
        row = self.current_row()
        self.reverse_button.setEnabled(row is not None and not row.reversed_by
                                       and not row.reverses)

    def enter(self, kind: str) -> None:
        from ..dialogs.cash_entry import CashEntryDialog

        if CashEntryDialog.ask(self, self.context, kind=kind) is not None:
            self.load()

    def reverse(self) -> None:
        row = self.current_row()
        if row is None or not self.actor.can("inventory.reverse"):
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Reverse cash entry"),
            self.tr("Cancel the entry of %1 (%2 yuan) with a counter-entry? Why?")
            .replace("%1", row.entered_on.isoformat()).replace("%2", yuan(row.amount_fen)))
        if not ok:
            return
        try:
            donations.reverse_cash(self.actor, row.id, reason)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return
        self.load()
