"""A campaign's progress: the figures the head reads at 08:30 ("中秋 62% delivered").

Everything comes from ``campaigns.progress`` (one grouped query): big figures for the whole
campaign, the same counts by village and by team, and the packages' stock from the
campaign's reservation (wanted, held, delivered, short in red). 补足预留 sets aside goods that
came in since; the summary printout and the Excel workbook are made in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...core.services import campaigns
from ...messages import describe_error
from ..models.table import Column, RowsTableModel
from .campaigns_list import percent, shortfall_text
from .parts import button, fitted_table

SHORT_COLOUR = "#c62828"


class ShortModel(RowsTableModel):
    """Rows of the packages' stock with the "short" column in red where something is short."""

    def __init__(self, columns, short_column: int, parent=None) -> None:
        super().__init__(columns, parent)
        self.short_column = short_column

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid()
                and index.column() == self.short_column and self.row_at(index.row()).missing):
            return QColor(SHORT_COLOUR)
        return super().data(index, role)


class Figure(QFrame):
    """A big number with its caption under it."""

    def __init__(self, name: str, caption: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(0)
        self.setMinimumWidth(104)
        self.number = QLabel("–")
        self.number.setObjectName(f"{name}_number")
        self.number.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.caption = QLabel(caption)
        self.caption.setObjectName("muted")
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def show_value(self, text: str, alarm: bool = False) -> None:
        self.number.setText(text)
        colour = f" color: {SHORT_COLOUR};" if alarm else ""
        self.number.setStyleSheet(f"font-size: 22px; font-weight: bold;{colour}")


class ProgressTab(QWidget):
    watches: frozenset[str] = frozenset({"campaign", "campaign_target", "campaign_team",
                                         "reservation", "voucher"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.campaign_id: int | None = None
        self.data: campaigns.Progress | None = None
        self.setObjectName("tab_campaign_progress")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("subheading")
        row.addWidget(self.title, 1)
        self.top_up_button = button(self.tr("Top up reservations"), "topUpReservations",
                                    self.top_up)
        self.top_up_button.setVisible(self.actor.can("campaigns.edit"))
        self.summary_button = button(self.tr("Print campaign summary…"), "printCampaignSummary",
                                     self.print_summary)
        self.export_button = button(self.tr("Export to Excel…"), "exportCampaign", self.export)
        for widget in (self.top_up_button, self.summary_button, self.export_button):
            row.addWidget(widget)
        self.as_of = QLabel()
        self.as_of.setObjectName("progressAsOf")
        layout.addLayout(row)

        figures = QHBoxLayout()
        self.figures = {
            "targets": Figure("figureTargets", self.tr("households")),
            "visited": Figure("figureVisited", self.tr("visited")),
            "delivered": Figure("figureDelivered", self.tr("packages delivered")),
            "done": Figure("figureDone", self.tr("done")),
            "open": Figure("figureOpen", self.tr("still open")),
            "overdue": Figure("figureOverdue", self.tr("overdue")),
        }
        for figure in self.figures.values():
            figures.addWidget(figure)
        figures.addStretch(1)
        figures.addWidget(self.as_of, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(figures)

        self.village_model = RowsTableModel(self._line_columns(self.tr("Village")), self)
        self.village_view = fitted_table(self.village_model, "progressByVillage")
        self.team_model = RowsTableModel(self._line_columns(self.tr("Team")), self)
        self.team_view = fitted_table(self.team_model, "progressByTeam")
        stock_columns = [
            Column(self.tr("Item"), lambda r: r.label),
            Column(self.tr("Wanted"), lambda r: f"{r.wanted} {r.unit}", align_right=True),
            Column(self.tr("Held"), lambda r: f"{r.quantity} {r.unit}", align_right=True),
            Column(self.tr("Delivered"), lambda r: f"{r.delivered} {r.unit}", align_right=True),
            Column(self.tr("Short"), lambda r: f"{r.missing} {r.unit}" if r.missing else "",
                   align_right=True),
            Column(self.tr("Reservation"), lambda r: self.tr("active") if r.status == "active"
                   else self.tr("released")),
        ]
        self.stock_model = ShortModel(stock_columns, 4, self)
        self.stock_view = fitted_table(self.stock_model, "progressStock")

        # One table at a time, each with the tab's whole height: a village list runs to 30 rows.
        self.tables = QTabWidget()
        self.tables.setObjectName("progressTables")
        self.tables.setDocumentMode(True)
        self.tables.addTab(self.village_view, self.tr("By village"))
        self.tables.addTab(self.team_view, self.tr("By team"))
        self.tables.addTab(self.stock_view, self.tr("Packages' stock"))
        layout.addWidget(self.tables, 1)
        self._buttons_enabled()

    def _line_columns(self, first: str) -> list[Column]:
        return [
            Column(first, lambda r: r.key or self.tr("(no team yet)")),
            Column(self.tr("Households"), lambda r: r.targets, align_right=True),
            Column(self.tr("Visited"), lambda r: r.visited, align_right=True),
            Column(self.tr("Nobody home"), lambda r: r.nobody_home or "", align_right=True),
            Column(self.tr("Declined"), lambda r: r.declined or "", align_right=True),
            Column(self.tr("Moved / died"), lambda r: r.gone or "", align_right=True),
            Column(self.tr("Open"), lambda r: r.open, align_right=True),
            Column(self.tr("Overdue"), lambda r: r.overdue or "", align_right=True),
            Column(self.tr("Delivered"), lambda r: r.delivered, align_right=True),
            Column(self.tr("Signed"), lambda r: r.signed, align_right=True),
            Column(self.tr("Done"), lambda r: percent(r.share_done), align_right=True),
        ]

    # --- data ---------------------------------------------------------------------------

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        self.data = None
        if self.campaign_id is not None:
            try:
                self.data = campaigns.progress(self.actor, self.campaign_id)
            except StationError:  # deleted meanwhile: show nothing
                self.data = None
        data = self.data
        if data is None:
            self.title.setText(self.tr("Choose a campaign above."))
            for figure in self.figures.values():
                figure.show_value("–")
            for model in (self.village_model, self.team_model, self.stock_model):
                model.set_rows([])
            self.as_of.clear()
            self._buttons_enabled()
            return
        total, campaign = data.total, data.campaign
        self.title.setText(campaign.name + (f" · {campaign.theme}" if campaign.theme else ""))
        self.figures["targets"].show_value(str(total.targets))
        self.figures["visited"].show_value(str(total.visited))
        has_packages = any(data.reserved)
        self.figures["delivered"].show_value(
            f"{percent(total.delivered / total.targets if total.targets else 0)} "
            f"({total.delivered})" if has_packages else "–")
        self.figures["done"].show_value(percent(total.share_done))
        self.figures["open"].show_value(str(total.open))
        self.figures["overdue"].show_value(str(total.overdue), alarm=total.overdue > 0)
        self.village_model.set_rows(data.by_village)
        self.team_model.set_rows(data.by_team)
        self.stock_model.set_rows(data.reserved)
        short = sum(1 for r in data.reserved if r.missing)
        self.tables.setTabText(2, self.tr("Packages' stock (%1 items short)").replace(
            "%1", str(short)) if short else self.tr("Packages' stock"))
        self.tables.setTabVisible(2, bool(data.reserved))
        self.tables.tabBar().setTabTextColor(2, QColor(SHORT_COLOUR) if short else QColor())
        self.top_up_button.setVisible(self.actor.can("campaigns.edit") and bool(data.reserved))
        self.as_of.setText(self.tr("as of %1").replace("%1", data.on.isoformat()))
        self._buttons_enabled()

    def _buttons_enabled(self) -> None:
        data = self.data
        self.top_up_button.setEnabled(data is not None and data.campaign.status == "open"
                                      and any(r.missing for r in data.reserved))
        self.summary_button.setEnabled(data is not None)
        self.export_button.setEnabled(data is not None)

    # --- actions ------------------------------------------------------------------------

    def top_up(self) -> None:
        if self.campaign_id is None:
            return
        try:
            short = campaigns.top_up(self.actor, self.campaign_id)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"),
                                describe_error(error, self.context.lang))
            return
        self.refresh()
        short = [s for s in short if s.missing > 0]
        QMessageBox.information(self, self.tr("Top up reservations"), self.tr(
            "Still short: %1").replace("%1", shortfall_text(short)) if short else self.tr(
            "Everything the packages need is set aside now."))

    def _print_path(self, name: str) -> Path:
        import tempfile

        if getattr(self, "_print_dir", None) is None:
            # One folder for this tab's printouts, removed with the tab.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        return Path(self._print_dir.name) / name

    def print_summary(self) -> None:
        """活动总结 (A4), made in the background, then previewed."""
        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        if self.campaign_id is None:
            return
        actor, lang, campaign_id = self.actor, self.context.lang, self.campaign_id
        out = self._print_path(f"campaign-summary-{campaign_id}.pdf")

        def build():
            from ...core.reports import campaign_summary

            summary = campaigns.summary(actor, campaign_id)
            campaign_summary.build(summary, out, lang=lang)
            check = getattr(campaign_summary, "check", None)
            return list(check(summary)) if check else []

        title = self.tr("Campaign summary")
        operation = ops.run_operation(self, self.tr("Preparing the campaign summary…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems, title))

    def export(self) -> None:
        """The campaign's workbook (targets, outcomes, teams, stock) to a file the user picks."""
        from .. import ops, uistate

        try:
            from ...core.services import campaign_exports
        except ImportError:  # where the printouts' helper may have put it
            from ...core.reports import campaign_exports  # type: ignore[no-redef]

        if self.data is None:
            return
        folder = str(uistate.get("files/last_folder") or Path.home())
        suggested = Path(folder) / f"{self.data.campaign.name}.xlsx"
        title = self.tr("Export to Excel")
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested),
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        uistate.put("files/last_folder", str(target.parent))
        operation = ops.run_operation(self, self.tr("Writing the workbook…"),
                                      campaign_exports.export_campaign, self.actor,
                                      self.campaign_id, target, cancellable=False)
        operation.finished.connect(lambda rows: QMessageBox.information(
            self, title, self.tr("%1 rows written to %2.").replace("%1", str(rows))
            .replace("%2", str(target))))
