"""政策明白卡 page, the ledger side: cards handed out per village × policy against the
households eligible (``CoverageTab``, exported with the ledger to Excel), and the
distribution ledger itself with entry and reversal (``DistributionTab``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from ...core.services import policies
from ..dialogs.distribution_form import DistributionFormDialog
from ..dialogs.form_dialog import Field, FormDialog
from ..models.table import Column, RowsTableModel, make_table
from .parts import button, fitted_table


class CoverageModel(QAbstractTableModel):
    """Villages down, policies across; each cell "handed / eligible (share)", and a total
    row at the bottom."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.coverage: policies.Coverage | None = None
        self._rows: list[tuple[int | None, str]] = []

    def set_coverage(self, coverage: policies.Coverage, total_title: str) -> None:
        self.beginResetModel()
        self.coverage = coverage
        self._rows = [*coverage.villages, (None, total_title)]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 (Qt API)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802
        if parent is not None and parent.isValid() or self.coverage is None:
            return 0
        return 1 + len(self.coverage.policies)

    def cell(self, row: int, column: int) -> tuple[int, int, float | None]:
        """(handed, eligible, share) of a cell (the total row sums the villages)."""
        village_id = self._rows[row][0]
        policy_id = self.coverage.policies[column - 1][0]
        if village_id is None:
            total = self.coverage.total(policy_id)
            return total.handed, total.eligible, self.coverage.total_share(policy_id)
        cell = self.coverage.cell(village_id, policy_id)
        return cell.handed, cell.eligible, cell.share

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return self._rows[row][1] if role == Qt.ItemDataRole.DisplayRole else None
        handed, eligible, share = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if not handed and not eligible:
                return "—"
            text = f"{handed} / {eligible}"
            return f"{text}  ({share:.0%})" if share is not None else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and share is not None:
            # pale red (nobody reached) to pale green (everyone)
            return QColor.fromHsv(int(share * 120), 28, 252)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 cards handed out; %2 households eligible").replace(
                "%1", str(handed)).replace("%2", str(eligible))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Village")
        return self.coverage.policies[section - 1][1] if self.coverage else None


class CoverageTab(QWidget):
    watches = frozenset({"policy", "policy_category", "distribution", "village", "household",
                         "category"})

    def __init__(self, context, page) -> None:
        super().__init__(page)
        self.setObjectName("tab_coverage")
        self.context = context
        self.actor = context.actor
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Cards handed out / households eligible (share reached)")))
        top.addStretch(1)
        self.export_button = button(self.tr("Export to Excel…"), "exportCards", self.export)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        self.model = CoverageModel(self)
        self.view = make_table(self.model, "coverageTable")
        self.view.horizontalHeader().setStretchLastSection(False)
        layout.addWidget(self.view)
        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        layout.addWidget(self.summary)

    def refresh(self) -> None:
        coverage = policies.coverage(self.actor)
        self.model.set_coverage(coverage, self.tr("All villages"))
        self.view.resizeColumnsToContents()
        handed = sum(c.handed for c in coverage.cells.values())
        self.summary.setText(self.tr("%1 cards handed out in %2 villages.")
                             .replace("%1", str(handed))
                             .replace("%2", str(len(coverage.villages))))

    def export(self) -> None:
        """导出 Excel: the distribution ledger and this table, in the background."""
        from .. import ops

        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the policy card ledger"), self.tr("policy-card-ledger.xlsx"),
            self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        actor = self.actor
        self.operation = ops.run_operation(
            self, self.tr("Exporting the policy card ledger…"),
            lambda: policies.export_card_ledger(actor, path), cancellable=False)
        self.operation.finished.connect(lambda data: QMessageBox.information(
            self, self.tr("Export the policy card ledger"),
            self.tr("Saved %1 entries to %2.").replace("%1", str(len(data.rows)))
            .replace("%2", path)))


class DistributionTab(QWidget):
    watches = frozenset({"distribution", "policy", "policy_version", "village", "household"})

    def __init__(self, context, page) -> None:
        super().__init__(page)
        self.setObjectName("tab_distribution")
        self.context = context
        self.page = page
        self.actor = context.actor
        self.can_distribute = self.actor.can("policies.distribute")
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = button(self.tr("Record cards handed out…"), "addDistribution",
                                 self.add)
        self.reverse_button = button(self.tr("Reverse…"), "reverseDistribution", self.reverse)
        for made in (self.add_button, self.reverse_button):
            made.setVisible(self.can_distribute)
            buttons.addWidget(made)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("distributionCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        def muted(r) -> bool:
            return r.reverses is not None or r.reversed_by is not None

        def note(r) -> str:
            if r.reverses is not None:
                return self.tr("Reverses entry %1: %2").replace("%1", str(r.reverses)) \
                    .replace("%2", r.reason)
            if r.reversed_by is not None:
                return self.tr("Reversed by entry %1").replace("%1", str(r.reversed_by))
            return ""

        columns = [
            Column(self.tr("No."), lambda r: str(r.id), align_right=True, muted=muted),
            Column(self.tr("Date"), lambda r: r.handed_on.isoformat(), muted=muted),
            Column(self.tr("Village"), lambda r: r.village, muted=muted),
            Column(self.tr("Policy"), lambda r: r.policy, muted=muted),
            Column(self.tr("Version"), lambda r: str(r.version), align_right=True, muted=muted),
            Column(self.tr("Cards"), lambda r: str(r.quantity), align_right=True, muted=muted),
            Column(self.tr("Household"), lambda r: r.household, muted=muted),
            Column(self.tr("Handed out by"), lambda r: r.handed_by, muted=muted),
            Column(self.tr("Recorded by"), lambda r: r.actor_name, muted=muted),
            Column(self.tr("Note"), note, muted=muted),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fitted_table(self.model, "distributionTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.model.modelReset.connect(self._enable)
        layout.addWidget(self.view)
        self._enable()

    def refresh(self) -> None:
        rows = policies.distributions(self.actor)
        rows.reverse()  # newest first
        self.model.set_rows(rows)
        net = sum(r.quantity for r in rows)
        self.count_label.setText(self.tr("%1 entries, %2 cards").replace("%1", str(len(rows)))
                                 .replace("%2", str(net)))

    def current(self) -> policies.DistributionRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _enable(self) -> None:
        row = self.current()
        self.reverse_button.setEnabled(row is not None and row.reverses is None
                                       and row.reversed_by is None)

    def add(self) -> None:
        listed = self.page.list_tab.current_policy()
        saved = DistributionFormDialog.ask(self, self.context, listed.id if listed else None)
        if saved is not None:
            self.page.refresh(frozenset({"distribution"}))

    def reverse(self) -> None:
        row = self.current()
        if row is None or not self.can_distribute:
            return
        fields = [Field("reason", self.tr("Reason"), "multiline",
                        placeholder=self.tr("Wrong village, counted twice …"))]
        done = FormDialog.ask(
            self, self.tr("Reverse entry %1").replace("%1", str(row.id)), fields, None,
            lambda v: policies.reverse_distribution(self.actor, row.id, v["reason"]))
        if done is not None:
            self.page.refresh(frozenset({"distribution"}))
