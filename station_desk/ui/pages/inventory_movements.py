"""出入库记录: the stock ledger's rows for a period, newest first.

Rows are never edited: a wrong voucher is cancelled with 冲销, a counter-voucher dated like it
with a reason. Both stay listed: the original marked "reversed (#n)" in grey, the reversal
"reverses #n" in blue. A donation is cancelled from the donations tab (the service says so).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.errors import StationError
from ...core.models import VOUCHER_KINDS
from ...core.money import yuan
from ...core.services import inventory, stock
from ...messages import describe_error
from ..dialogs.form_parts import date_of
from ..labels import label
from ..models.table import Column
from .inventory_stock import TintedRowsModel
from .parts import button as _button
from .parts import combo as _combo
from .parts import date_edit as date_range_edit
from .parts import fill as _fill
from .parts import fitted_table

REVERSED = (None, "#9e9e9e")  # cancelled: grey
REVERSAL = ("#e3f2fd", "#0d47a1")  # the counter-row: blue


def reversal_tint(row):
    """Grey for a row reversed since, blue for the reversal itself (stock or cash rows)."""
    if row.reversed_by:
        return REVERSED
    if row.reverses:
        return REVERSAL
    return None


def reversal_status(row) -> str:
    """"Reversed (#n)" on a reversed row, "Reverses #n" on the reversal (stock or cash)."""
    if row.reversed_by:
        return QCoreApplication.translate("MovementsTab", "Reversed (#%1)").replace(
            "%1", str(row.reversed_by))
    if row.reverses:
        return QCoreApplication.translate("MovementsTab", "Reverses #%1").replace(
            "%1", str(row.reverses))
    return ""




class MovementsTab(QWidget):
    watches = frozenset({"voucher", "item", "donation"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.setObjectName("tab_movements")
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        on = today()
        self.date_from = date_range_edit("movementsFrom", on.replace(day=1))
        self.date_to = date_range_edit("movementsTo", on)
        self.kind_filter = _combo("movementKind")
        _fill(self.kind_filter, [("", self.tr("All kinds"))]
              + [(k, label("voucher_kind", k)) for k in VOUCHER_KINDS])
        self.item_filter = _combo("movementItem", 160)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.item_filter)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.load())
        for box in (self.kind_filter, self.item_filter):
            box.currentIndexChanged.connect(lambda _i: self.load())
        filters.addStretch(1)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.reverse_button = _button(self.tr("Reverse…"), "reverseVoucher", self.reverse)
        self.reverse_button.setVisible(self.actor.can("inventory.reverse"))
        buttons.addWidget(self.reverse_button)
        self.export_button = QPushButton(self.tr("Export to Excel"))
        self.export_button.setObjectName("exportStock")
        menu = QMenu(self.export_button)
        ledger = menu.addAction(self.tr("Stock ledger…"))
        ledger.setObjectName("exportStockLedger")
        ledger.triggered.connect(lambda _c=False: self.export("range"))
        monthly = menu.addAction(self.tr("Monthly in/out ledger…"))
        monthly.setObjectName("exportMonthly")
        monthly.triggered.connect(lambda _c=False: self.export("month"))
        self.export_button.setMenu(menu)
        buttons.addWidget(self.export_button)
        # 领取签收表 for what went out in the period shown (of the kind chosen, if one is)
        self.sign_off_button = _button(self.tr("Print sign-off sheet"), "printSignOff",
                                       self.print_sign_off)
        buttons.addWidget(self.sign_off_button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("movementCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Date"), lambda r: r.moved_on),
            Column(self.tr("Voucher"), lambda r: f"#{r.voucher_id}", align_right=True),
            Column(self.tr("Kind"), lambda r: label("voucher_kind", r.kind)),
            Column(self.tr("Status"), reversal_status),
            Column(self.tr("Item"), lambda r: r.label),
            Column(self.tr("Quantity"), lambda r: f"{r.quantity:+d} {r.unit}", align_right=True),
            Column(self.tr("Unit value"), lambda r: yuan(r.unit_value_fen), align_right=True),
            Column(self.tr("Value"), lambda r: yuan(r.value_fen), align_right=True),
            Column(self.tr("Expiry"), lambda r: r.expires_on or ""),
            Column(self.tr("Donor / recipient"), lambda r: r.counterparty),
            Column(self.tr("Reference"), lambda r: r.reference),
            Column(self.tr("Reason"), lambda r: r.reason),
            Column(self.tr("By"), lambda r: r.actor_name),
        ]
        self.model = TintedRowsModel(columns, reversal_tint, self)
        self.view = fitted_table(self.model, "movementsTable", stretch=None)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        self._selection_changed()

    def refresh(self) -> None:
        """Reload the item choices and the rows from the services."""
        _fill(self.item_filter, [(None, self.tr("All items"))] + [
            (i.id, inventory.item_label(i)) for i in inventory.find_items(
                self.actor, include_inactive=True)])
        self.load()

    def query(self) -> stock.MovementQuery:
        kind = self.kind_filter.currentData()
        return stock.MovementQuery(date_from=date_of(self.date_from),
                                   date_to=date_of(self.date_to),
                                   kinds=(kind,) if kind else (),
                                   item_id=self.item_filter.currentData())

    def load(self) -> None:
        rows = stock.movements(self.actor, self.query())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 rows").replace("%1", str(len(rows))))
        self._selection_changed()

    def current_row(self) -> stock.MovementRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def select_voucher(self, voucher_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).voucher_id == voucher_id:
                self.view.selectRow(i)
                return

    def _selection_changed(self) -> None:
        row = self.current_row()
        self.reverse_button.setEnabled(row is not None and not row.reversed_by
                                       and not row.reverses)

    def reverse(self) -> None:
        row = self.current_row()
        if row is None or not self.actor.can("inventory.reverse"):
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Reverse voucher"),
            self.tr("Reverse voucher #%1 (%2, %3)? Every line of it is cancelled by a "
                    "counter-entry dated %4. Why?")
            .replace("%1", str(row.voucher_id)).replace("%2", label("voucher_kind", row.kind))
            .replace("%3", row.moved_on.isoformat()).replace("%4", row.moved_on.isoformat()))
        if not ok:
            return
        try:
            stock.reverse(self.actor, row.voucher_id, reason)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))
            return
        self.load()

    def export(self, which: str) -> None:
        """物资出入库台账 (a month) or 库存明细账 (a date range) as an .xlsx workbook."""
        from ..dialogs import export_stock

        if which == "month":
            export_stock.export_monthly_ledger_ui(self, self.context)
        else:
            export_stock.export_stock_ledger_ui(self, self.context)

    def print_sign_off(self) -> None:
        """The 领取签收表 of the period's give-outs, made in the background, then previewed."""
        import tempfile
        from pathlib import Path

        from ...core.errors import ValidationError
        from ...core.services.stock_sheets import SIGN_OFF_KINDS
        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        kind = self.kind_filter.currentData() or ""
        if kind and kind not in SIGN_OFF_KINDS:
            QMessageBox.information(self, self.tr("Sign-off sheet"), self.tr(
                "A sign-off sheet lists goods handed out: choose all kinds or one kind of "
                "give-out."))
            return
        start, end = date_of(self.date_from), date_of(self.date_to)
        out = Path(tempfile.mkdtemp(prefix="station-desk-")) / f"sign-off-{start}-{end}.pdf"
        actor, lang = self.actor, self.lang

        def build():
            from ...core.reports import sign_off
            from ...core.services import stock_sheets

            data = stock_sheets.sign_off_rows(actor, date_from=start, date_to=end, kind=kind)
            if not data.rows:
                raise ValidationError("printout_no_distributions", date_from=start.isoformat(),
                                      date_to=end.isoformat())
            sign_off.build(data, out, lang=lang)
            return sign_off.check(data)

        operation = ops.run_operation(self, self.tr("Preparing the sign-off sheet…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(
            self, out, problems, self.tr("Sign-off sheet")))
