"""捐赠 tab of the 物资 page: donations received, their acknowledgement numbers
(捐赠物资接收凭证), reprinting a spoiled slip under a new number, cancelling a donation
entered in error, thank-you letters, and the register of every number issued (void ones
with their reasons) so a supervisor sees that none is missing.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core import money
from ...core.clock import today
from ...core.errors import StationError
from ...core.services import donations, inventory
from ...core.services.station import get_station
from ...messages import describe_error
from ..dialogs.form_parts import date_of
from ..dialogs.receive_goods import (
    ReceiveGoodsDialog,
    print_acknowledgement,
    print_path,
)
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button, search_box
from .parts import date_edit as range_edit
from .parts import fitted_table as fit_table

SEARCH_PAUSE_MS = 150






class DonationsTab(QWidget):
    watches = frozenset({"donation", "acknowledgement", "donor", "voucher", "cash_entry"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.setObjectName("tab_donations")
        self.can_receive = self.actor.can("inventory.receive")
        self.can_reverse = self.actor.can("inventory.reverse")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.refresh)

        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        start = today()
        self.date_from = range_edit("donationsFrom", _dt.date(start.year, 1, 1))
        self.date_to = range_edit("donationsTo", start)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.search = search_box("donationSearch", self.tr("Donor: name, initials or phone tail"),
                                 lambda: self._search_timer.start(), self.refresh, 240)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addSpacing(12)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.receive_button = button(self.tr("Receive donation…"), "receiveDonation", self.receive)
        self.print_button = button(self.tr("Print acknowledgement"), "printAcknowledgement",
                                   lambda: self._with_current(self.print_slip))
        self.reissue_button = button(self.tr("Reissue acknowledgement…"), "reissueAcknowledgement",
                                     lambda: self._with_current(self.reissue))
        self.cancel_button = button(self.tr("Cancel donation…"), "cancelDonation",
                                    lambda: self._with_current(self.cancel))
        self.thanks_button = button(self.tr("Thank-you letters…"), "thanksLetters", self.thanks)
        self.register_button = button(self.tr("Acknowledgement register"), "acknowledgementRegister",
                                      self.show_register)
        self.receive_button.setVisible(self.can_receive)
        self.reissue_button.setVisible(self.can_receive)
        self.cancel_button.setVisible(self.can_reverse)
        self.row_buttons = [self.print_button, self.reissue_button, self.cancel_button]
        for made in (self.receive_button, self.print_button, self.reissue_button,
                     self.cancel_button, self.thanks_button, self.register_button):
            buttons.addWidget(made)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Ack. no."), self._number),
            Column(self.tr("Date"), lambda r: r.received_on.isoformat()),
            Column(self.tr("Donor"), lambda r: r.donor_name),
            Column(self.tr("Kind"), self._kind),
            Column(self.tr("Goods value"), lambda r: money.yuan(r.goods_value_fen), True),
            Column(self.tr("Cash"), lambda r: money.yuan(r.cash_fen or None), True),
            Column(self.tr("Total"), lambda r: money.yuan(r.total_fen), True),
            Column(self.tr("Purpose"), lambda r: r.purpose),
            Column(self.tr("Clerk"), lambda r: r.clerk_name),
            Column(self.tr("Status"), lambda r: self.tr("Cancelled") if r.cancelled
                   else self.tr("Valid"), muted=lambda r: r.cancelled),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fit_table(self.model, "donationsTable", stretch=7)
        self.view.doubleClicked.connect(lambda _i: self._with_current(self.show_lines))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        layout.addWidget(self.view)
        self.count_label = QLabel()
        self.count_label.setObjectName("donationCount")
        layout.addWidget(self.count_label)

    # --- the list ----------------------------------------------------------------------

    def _number(self, row: donations.DonationRow) -> str:
        if row.number:
            return row.number
        voided = row.void_number
        return self.tr("%1 (void)").replace("%1", voided) if voided else self.tr("(none)")

    def _kind(self, row: donations.DonationRow) -> str:
        if row.cash_fen and row.has_goods:
            return self.tr("Goods and cash")
        return self.tr("Cash") if row.cash_fen else self.tr("Goods")

    def refresh(self) -> None:
        """Reload from the services."""
        donor_ids = None
        text = self.search.text().strip()
        if text:
            donor_ids = [d.id for d in inventory.find_donors(self.actor, text,
                                                               include_inactive=True)]
        rows = donations.list_donations(self.actor, date_from=date_of(self.date_from),
                                        date_to=date_of(self.date_to), donor_ids=donor_ids)
        self.model.set_rows(rows)
        valid = [r for r in rows if not r.cancelled]
        self.count_label.setText(
            self.tr("%1 donations, total ¥%2").replace("%1", str(len(valid)))
            .replace("%2", money.yuan(sum(r.total_fen for r in valid)) or "0.00"))

    def current(self) -> donations.DonationRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _with_current(self, action) -> None:
        row = self.current()
        if row is not None:
            action(row)

    def _selection_changed(self) -> None:
        row = self.current()
        self.print_button.setEnabled(row is not None)
        for made in (self.reissue_button, self.cancel_button):
            made.setEnabled(row is not None and not row.cancelled)

    def select_donation(self, donation_id: int) -> None:
        for index in range(self.model.rowCount()):
            if self.model.row_at(index).id == donation_id:
                self.view.selectRow(index)
                return

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), describe_error(error, self.context.lang))

    # --- actions -----------------------------------------------------------------------

    def receive(self) -> None:
        donation_id = ReceiveGoodsDialog.ask(self, self.context, "donation")
        if donation_id is not None:
            self.refresh()
            self.select_donation(donation_id)

    def print_slip(self, row: donations.DonationRow) -> None:
        print_acknowledgement(self, self.context, row.id)

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, prompt)
        return reason if ok else None

    def reissue(self, row: donations.DonationRow) -> None:
        """A slip was spoiled: void its number, issue the next one, and print it."""
        title = self.tr("Reissue acknowledgement")
        reason = self._ask_reason(title, self.tr(
            "Acknowledgement %1 is voided (the number stays used) and a new number is issued.\n"
            "Why (misprinted, torn, lost …)?").replace("%1", row.number))
        if reason is None:
            return
        try:
            number = donations.reissue_acknowledgement(self.actor, row.id, reason)
        except StationError as error:
            self._refused(error)
            return
        self.refresh()
        self.select_donation(row.id)
        answer = QMessageBox.question(self, title, self.tr(
            "The new number is %1. Print the acknowledgement now?").replace("%1", number))
        if answer == QMessageBox.StandardButton.Yes:
            print_acknowledgement(self, self.context, row.id)

    def cancel(self, row: donations.DonationRow) -> None:
        """A donation entered in error: goods and cash reversed, slip voided; it stays on file."""
        title = self.tr("Cancel donation")
        reason = self._ask_reason(title, self.tr(
            "Cancel the donation of %1 (acknowledgement %2)? Its goods and cash are reversed and "
            "its acknowledgement voided; it stays on file.\nWhy?")
            .replace("%1", row.donor_name).replace("%2", row.number))
        if reason is None:
            return
        try:
            donations.cancel_donation(self.actor, row.id, reason)
        except StationError as error:
            self._refused(error)
            return
        self.refresh()

    def show_lines(self, row: donations.DonationRow) -> None:
        DonationLinesDialog.ask(self, self.context, row)

    def show_register(self) -> None:
        AcknowledgementRegisterDialog.ask(self, self.context)

    def thanks(self) -> None:
        """感谢信: a letter to every donor who gave in the period (anonymous ones get none)."""
        from ...core.reports import thanks as report
        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        period = ThanksPeriodDialog.ask(self, date_of(self.date_from), date_of(self.date_to))
        if period is None:
            return
        start, end = period
        letters = donations.thanks_data(self.actor, start, end)
        title = self.tr("Thank-you letters")
        if not letters:
            QMessageBox.information(self, title, self.tr(
                "No donor (other than anonymous ones) gave in this period."))
            return
        out = print_path(f"thanks-{start.isoformat()}-{end.isoformat()}.pdf")
        lang = self.context.lang
        station = get_station()
        address = station.address if station else ""

        def build():
            report.build(letters, out, lang=lang, address=address)
            return report.check(letters)

        operation = ops.run_operation(self, self.tr("Preparing the thank-you letters…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems, title))


class ThanksPeriodDialog(QDialog):
    def __init__(self, parent: QWidget | None, start: _dt.date, end: _dt.date) -> None:
        super().__init__(parent)
        self.setObjectName("thanksPeriod")
        self.setWindowTitle(self.tr("Thank-you letters"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A letter to every donor who gave in this period:")))
        row = QHBoxLayout()
        self.start, self.end = range_edit("thanksFrom", start), range_edit("thanksTo", end)
        row.addWidget(self.start)
        row.addWidget(QLabel("—"))
        row.addWidget(self.end)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, start: _dt.date,
            end: _dt.date) -> tuple[_dt.date, _dt.date] | None:
        dialog = cls(parent, start, end)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        first, last = date_of(dialog.start), date_of(dialog.end)
        return (min(first, last), max(first, last))


class DonationLinesDialog(QDialog):
    """What one donation brought: its goods lines, cash and purpose."""

    def __init__(self, parent: QWidget | None, context, row: donations.DonationRow) -> None:
        super().__init__(parent)
        self.setObjectName("donationLines")
        self.setWindowTitle(self.tr("Donation %1").replace("%1", row.number or f"#{row.id}"))
        self.resize(720, 380)
        layout = QVBoxLayout(self)
        found = donations.list_donations(context.actor, date_from=row.received_on,
                                         date_to=row.received_on, donor_id=row.donor_id,
                                         with_lines=True)
        full = next((d for d in found if d.id == row.id), row)
        head = QLabel(self.tr("%1 · %2 · received %3").replace("%1", full.donor_name)
                      .replace("%2", label("donor_kind", full.donor_kind))
                      .replace("%3", full.received_on.isoformat()))
        head.setObjectName("subheading")
        layout.addWidget(head)
        columns = [
            Column(self.tr("Item"), lambda ln: ln.label),
            Column(self.tr("Quantity"), lambda ln: f"{ln.quantity} {ln.unit}", True),
            Column(self.tr("Unit value"), lambda ln: money.yuan(ln.unit_value_fen,
                                                                 blank=self.tr("not valued")), True),
            Column(self.tr("Value"), lambda ln: money.yuan(ln.value_fen), True),
            Column(self.tr("Expiry date"), lambda ln: ln.expires_on.isoformat() if ln.expires_on else ""),
        ]
        self.model = RowsTableModel(columns, self)
        self.model.set_rows(full.lines)
        self.view = fit_table(self.model, "donationLinesTable", stretch=0)
        layout.addWidget(self.view)
        summary = self.tr("Goods value ¥%1 · cash ¥%2 · total ¥%3") \
            .replace("%1", money.yuan(full.goods_value_fen) or "0.00") \
            .replace("%2", money.yuan(full.cash_fen) or "0.00") \
            .replace("%3", money.yuan(full.total_fen) or "0.00")
        if full.purpose:
            summary += " · " + self.tr("purpose: %1").replace("%1", full.purpose)
        if full.cancelled:
            summary += " · " + self.tr("CANCELLED")
        self.summary = QLabel(summary)
        self.summary.setObjectName("donationSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, context, row: donations.DonationRow) -> None:
        cls(parent, context, row).exec()


def missing_numbers(numbers: list[str]) -> list[str]:
    """Numbers of a yearly series (2026-0001 …) absent between the first and the last."""
    by_year: dict[str, set[int]] = {}
    for number in numbers:
        year, _, serial = number.partition("-")
        if serial.isdigit():
            by_year.setdefault(year, set()).add(int(serial))
    gaps = []
    for year, serials in sorted(by_year.items()):
        gaps += [f"{year}-{n:04d}" for n in range(1, max(serials) + 1) if n not in serials]
    return gaps


class AcknowledgementRegisterDialog(QDialog):
    """Every acknowledgement number issued in a year, void ones with their reasons."""

    def __init__(self, parent: QWidget | None, context) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("acknowledgementRegister")
        self.setWindowTitle(self.tr("Acknowledgement register"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year = QComboBox()
        self.year.setObjectName("registerYear")
        this_year = today().year
        for year in range(this_year, this_year - 6, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        columns = [
            Column(self.tr("Number"), lambda a: a.number),
            Column(self.tr("Donor"), lambda a: a.donor_name),
            Column(self.tr("Issued"), lambda a: a.issued_at[:16].replace("T", " ")),
            Column(self.tr("By"), lambda a: a.issued_by_name),
            Column(self.tr("Status"), lambda a: self.tr("Void") if a.void else self.tr("In force"),
                   muted=lambda a: a.void),
            Column(self.tr("Reason voided"), lambda a: a.void_reason),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fit_table(self.model, "acknowledgementsTable")
        layout.addWidget(self.view)
        self.summary = QLabel()
        self.summary.setObjectName("registerSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        rows = donations.acknowledgements(self.context.actor, year=self.year.currentData())
        self.model.set_rows(rows)
        void = sum(1 for a in rows if a.void)
        gaps = missing_numbers([a.number for a in rows])
        text = self.tr("%1 numbers issued, %2 void.").replace("%1", str(len(rows))) \
            .replace("%2", str(void))
        if rows:
            text += " " + (self.tr("Missing: %1").replace("%1", ", ".join(gaps)) if gaps
                           else self.tr("No number is missing."))
        self.summary.setText(text)

    @classmethod
    def ask(cls, parent: QWidget | None, context) -> None:
        cls(parent, context).exec()

