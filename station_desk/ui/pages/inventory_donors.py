"""捐赠方 tab of the 物资 page: the donors (companies, party branches and public bodies,
charities, community funds, people, anonymous), and what each gave in a year.

Phones are shown as the service returns them: an individual donor's is masked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import money
from ...core.clock import today
from ...core.errors import StationError
from ...core.models.inventory import DONOR_KINDS
from ...core.services import donations, inventory
from ...messages import describe_error
from ..dialogs.donor_form import DonorFormDialog
from ..labels import label
from ..models.table import Column, RowsTableModel
from .inventory_donations import SEARCH_PAUSE_MS
from .parts import button, combo, fill, search_box
from .parts import fitted_table as fit_table


class DonorsTab(QWidget):
    watches = frozenset({"donor", "donation", "voucher", "acknowledgement"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.setObjectName("tab_donors")
        self.can_edit = self.actor.can("inventory.receive")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.load_donors)

        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = search_box("donorSearch", self.tr("Name, pinyin initials or phone tail"),
                                 lambda: self._search_timer.start(), self.load_donors, 240)
        self.kind_filter = combo("donorKindFilter")
        fill(self.kind_filter, [("", self.tr("All kinds"))]
             + [(kind, label("donor_kind", kind)) for kind in DONOR_KINDS])
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.load_donors())
        self.inactive = QCheckBox(self.tr("Show inactive"))
        self.inactive.setObjectName("donorsInactive")
        self.inactive.toggled.connect(lambda _on: self.load_donors())
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.inactive)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.add_button = button(self.tr("New donor…"), "addDonor", self.add_donor)
        self.edit_button = button(self.tr("Edit…"), "editDonor", self.edit_donor)
        self.active_button = button(self.tr("Deactivate"), "deactivateDonor", self.toggle_active)
        for made in (self.add_button, self.edit_button, self.active_button):
            made.setVisible(self.can_edit)
            buttons.addWidget(made)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("donorCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Name"), lambda d: d.name, muted=lambda d: not d.active),
            Column(self.tr("Kind"), lambda d: label("donor_kind", d.kind)),
            Column(self.tr("Contact"), lambda d: d.contact),
            Column(self.tr("Phone"), lambda d: d.phone),
            Column(self.tr("Address"), lambda d: d.address),
            Column(self.tr("Status"), lambda d: self.tr("Active") if d.active else self.tr("Inactive")),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fit_table(self.model, "donorsTable", stretch=4)
        self.view.doubleClicked.connect(lambda _i: self.edit_donor())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)

        # what each donor gave in a year
        totals = QWidget()
        totals_layout = QVBoxLayout(totals)
        totals_layout.setContentsMargins(0, 0, 0, 0)
        year_row = QHBoxLayout()
        heading = QLabel(self.tr("Donations per donor in"))
        heading.setObjectName("subheading")
        self.year = QComboBox()
        self.year.setObjectName("totalsYear")
        this_year = today().year
        for year in range(this_year, this_year - 6, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.load_totals())
        year_row.addWidget(heading)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        self.grand_total = QLabel()
        self.grand_total.setObjectName("grandTotal")
        year_row.addWidget(self.grand_total)
        totals_layout.addLayout(year_row)
        total_columns = [
            Column(self.tr("Donor"), lambda t: t.name),
            Column(self.tr("Kind"), lambda t: label("donor_kind", t.kind)),
            Column(self.tr("Donations"), lambda t: t.donations, True),
            Column(self.tr("Goods value"), lambda t: money.yuan(t.goods_value_fen), True),
            Column(self.tr("Cash"), lambda t: money.yuan(t.cash_fen), True),
            Column(self.tr("Total"), lambda t: money.yuan(t.total_fen), True),
        ]
        self.totals_model = RowsTableModel(total_columns, self)
        self.totals_view = fit_table(self.totals_model, "donorTotalsTable", stretch=0)
        totals_layout.addWidget(self.totals_view)

        split = QSplitter(Qt.Orientation.Vertical)
        list_host = QWidget()
        list_layout = QVBoxLayout(list_host)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.view)
        split.addWidget(list_host)
        split.addWidget(totals)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        """Reload from the services."""
        self.load_donors()
        self.load_totals()

    def load_donors(self) -> None:
        rows = inventory.find_donors(self.actor, self.search.text(),
                                     kind=self.kind_filter.currentData() or "",
                                     include_inactive=self.inactive.isChecked())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 donors").replace("%1", str(len(rows))))

    def load_totals(self) -> None:
        rows = donations.donor_totals(self.actor, self.year.currentData())
        self.totals_model.set_rows(rows)
        goods = sum(r.goods_value_fen for r in rows)
        cash = sum(r.cash_fen for r in rows)
        self.grand_total.setText(
            self.tr("%1 donations · goods ¥%2 · cash ¥%3 · total ¥%4")
            .replace("%1", str(sum(r.donations for r in rows)))
            .replace("%2", money.yuan(goods) or "0.00").replace("%3", money.yuan(cash) or "0.00")
            .replace("%4", money.yuan(goods + cash) or "0.00"))

    def current(self) -> inventory.DonorRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _selection_changed(self) -> None:
        row = self.current()
        self.edit_button.setEnabled(row is not None)
        self.active_button.setEnabled(row is not None)
        self.active_button.setText(self.tr("Reactivate") if row is not None and not row.active
                                   else self.tr("Deactivate"))

    def add_donor(self) -> None:
        if DonorFormDialog.ask(self, self.context) is not None:
            self.refresh()

    def edit_donor(self) -> None:
        row = self.current()
        if row is not None and self.can_edit and DonorFormDialog.ask(self, self.context, row.id):
            self.refresh()

    def toggle_active(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.active:
            answer = QMessageBox.question(self, self.tr("Deactivate donor"), self.tr(
                "Hide %1 from the pick lists? Their donations stay on file.").replace("%1", row.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            inventory.set_donor_active(self.actor, row.id, not row.active)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not saved"), describe_error(error, self.context.lang))
            return
        self.refresh()
