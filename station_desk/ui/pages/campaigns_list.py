"""The campaigns on the 慰问走访 page: holiday campaigns and home-visit days, newest first.

Filtered by status (under way by default) in the service. Picking a row emits ``selected``
with its id; a refresh that changes the choice (the first open campaign by default, or
none) emits it too. The buttons open the campaign and visit-day forms; ending a campaign
(head only) shows what goes back to stock before it asks for the closing note.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...core.services import campaigns, stock
from ...messages import describe_error
from ..dialogs.form_parts import SavingDialog, form_layout, muted
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button, combo, fill, fitted_table


def festival_text(row: campaigns.CampaignRow) -> str:
    """重阳 2026-10-18, or nothing for a campaign without a festival."""
    if not row.festival:
        return ""
    day = f" {row.festival_on.isoformat()}" if row.festival_on else ""
    return label("festival", row.festival) + day


def window_text(row: campaigns.CampaignRow) -> str:
    return f"{row.starts_on:%m-%d} – {row.ends_on:%m-%d}" if row.starts_on.year == \
        row.ends_on.year else f"{row.starts_on} – {row.ends_on}"


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


class CloseCampaignDialog(SavingDialog):
    """结束活动: what was set aside and not given out goes back to stock; a closing note."""

    def __init__(self, parent, context, campaign_id: int) -> None:
        row = campaigns.get_campaign(context.actor, campaign_id)
        super().__init__(parent, context.lang, "closeCampaignDialog",
                         self.tr("End campaign"), row.name)
        self.actor = context.actor
        self.campaign_id = campaign_id
        held = [r for r in stock.reservations(context.actor, target_kind="campaign",
                                              target_id=campaign_id) if r.outstanding]
        lines = [self.tr("%1 of %2 households are done; %3 still open stay on the list as "
                         "not visited.").replace("%1", str(row.done))
                 .replace("%2", str(row.targets)).replace("%3", str(row.targets - row.done))]
        if held:
            lines.append(self.tr("Goes back to stock:") + " " + "、".join(
                f"{r.label} {r.outstanding} {r.unit}" for r in held))
        else:
            lines.append(self.tr("Nothing is set aside for it any more."))
        self.released_text = muted("\n".join(lines))
        self.released_text.setObjectName("closeReleased")
        self.layout_.addWidget(self.released_text)
        form = form_layout()
        self.note = QLineEdit()
        self.note.setObjectName("closeNote")
        self.note.setPlaceholderText(self.tr("e.g. all delivered; 3 households moved away"))
        form.addRow(self.tr("Closing note"), self.errors.wrap("note", self.note))
        self.layout_.addLayout(form)
        self.finish()
        self.setMinimumWidth(480)

    def save(self) -> int:
        return campaigns.close_campaign(self.actor, self.campaign_id, self.note.text())


class CampaignList(QWidget):
    watches: frozenset[str] = frozenset({"campaign", "campaign_target", "voucher"})
    selected = Signal(object)  # the list only: campaign id or None

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.campaign_id: int | None = None
        self.setObjectName("campaignList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        row = QHBoxLayout()
        self.status_filter = combo("campaignStatusFilter")
        fill(self.status_filter, [("open", self.tr("Under way")), ("closed", self.tr("Ended")),
                                  ("", self.tr("All campaigns"))])
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(self.status_filter)
        can = self.actor.can
        self.new_holiday_button = button(self.tr("New holiday campaign…"), "newHolidayCampaign",
                                         self.new_holiday)
        self.new_visit_day_button = button(self.tr("New home-visit day…"), "newVisitDay",
                                           self.new_visit_day)
        self.edit_button = button(self.tr("Edit…"), "editCampaign", self.edit)
        self.close_button = button(self.tr("End campaign…"), "closeCampaign", self.close_campaign)
        self.reopen_button = button(self.tr("Reopen…"), "reopenCampaign", self.reopen)
        for widget, permission in ((self.new_holiday_button, "campaigns.edit"),
                                   (self.new_visit_day_button, "campaigns.edit"),
                                   (self.edit_button, "campaigns.edit"),
                                   (self.close_button, "campaigns.close"),
                                   (self.reopen_button, "campaigns.close")):
            widget.setVisible(can(permission))
            row.addWidget(widget)
        row.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("campaignCount")
        row.addWidget(self.count_label)
        layout.addLayout(row)

        columns = [
            Column(self.tr("Campaign"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: label("campaign_kind", r.kind)),
            Column(self.tr("Festival"), festival_text),
            Column(self.tr("Window"), window_text),
            Column(self.tr("Status"), lambda r: label("campaign_status", r.status),
                   muted=lambda r: r.status != "open"),
            Column(self.tr("Households"), lambda r: r.targets, align_right=True),
            Column(self.tr("Done"), lambda r: percent(r.share_done) if r.targets else "—",
                   align_right=True),
            Column(self.tr("Delivered"), lambda r: r.delivered, align_right=True),
            Column(self.tr("Theme"), lambda r: r.theme),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fitted_table(self.model, "campaignTable")
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._picked())
        self.view.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.view, 1)

    # --- data ---------------------------------------------------------------------------

    def rows(self) -> list[campaigns.CampaignRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the list, keeping the chosen campaign (else the first open one, else the
        first); ``selected`` when the choice changed."""
        rows = campaigns.list_campaigns(self.actor, status=self.status_filter.currentData() or "")
        self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        chosen = self.campaign_id if self.campaign_id in ids else next(
            (r.id for r in rows if r.status == "open"), ids[0] if ids else None)
        if chosen is not None:
            self.view.selectRow(ids.index(chosen))
        self.view.selectionModel().blockSignals(False)
        self.count_label.setText(self.tr("%1 campaigns").replace("%1", str(len(rows))))
        changed = chosen != self.campaign_id
        self.campaign_id = chosen
        self._buttons_enabled()
        if changed:
            self.selected.emit(chosen)

    def current(self) -> campaigns.CampaignRow | None:
        return next((r for r in self.rows() if r.id == self.campaign_id), None)

    def select(self, campaign_id: int) -> None:
        """Show ``campaign_id`` (switching the filter to all if it is hidden) and announce it."""
        self.campaign_id = campaign_id
        self.refresh()
        if self.campaign_id != campaign_id:  # hidden by the filter (just ended, say)
            self.status_filter.blockSignals(True)
            self.status_filter.setCurrentIndex(self.status_filter.findData(""))
            self.status_filter.blockSignals(False)
            self.campaign_id = campaign_id
            self.refresh()
        self.selected.emit(self.campaign_id)

    def _picked(self) -> None:
        row = self.model.row_at(self.view.currentIndex().row())
        chosen = row.id if row else None
        if chosen != self.campaign_id:
            self.campaign_id = chosen
            self._buttons_enabled()
            self.selected.emit(chosen)

    def _buttons_enabled(self) -> None:
        row = self.current()
        is_open = row is not None and row.status == "open"
        self.edit_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.reopen_button.setEnabled(row is not None and row.status != "open")

    # --- actions ------------------------------------------------------------------------

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.context.lang))

    def new_holiday(self) -> None:
        from ..dialogs.campaign_form import CampaignFormDialog

        made = CampaignFormDialog.ask(self, self.context)
        if made is not None:
            self.select(made.campaign_id)

    def new_visit_day(self) -> None:
        from ..dialogs.visit_day_form import VisitDayDialog

        made = VisitDayDialog.ask(self, self.context)
        if made is not None:
            self.select(made.campaign_id)

    def edit(self) -> None:
        from ..dialogs.campaign_form import CampaignFormDialog

        row = self.current()
        if row is None or row.status != "open" or not self.actor.can("campaigns.edit"):
            return
        if CampaignFormDialog.ask(self, self.context, campaign_id=row.id) is not None:
            self.select(row.id)

    def close_campaign(self) -> None:
        row = self.current()
        if row is None or row.status != "open" or not self.actor.can("campaigns.close"):
            return
        if CloseCampaignDialog.ask(self, self.context, row.id) is not None:
            self.select(row.id)

    def reopen(self) -> None:
        from ..dialogs.form_dialog import Field, FormDialog

        row = self.current()
        if row is None or row.status == "open" or not self.actor.can("campaigns.close"):
            return
        short = FormDialog.ask(
            self, self.tr("Reopen %1").replace("%1", row.name),
            [Field("reason", self.tr("Why reopen it"), "text")], None,
            lambda v: campaigns.reopen_campaign(self.actor, row.id, v["reason"]))
        if short is None:
            return
        if short:
            QMessageBox.information(self, self.tr("Reopened"), self.tr(
                "The campaign is open again, but stock is short for its packages: %1")
                .replace("%1", shortfall_text(short)))
        self.select(row.id)


def shortfall_text(short) -> str:
    """大米（10kg） 缺 12 袋、食用油 缺 3 桶"""
    from PySide6.QtCore import QCoreApplication

    return "、".join(QCoreApplication.translate("CampaignList", "%1 short by %2 %3")
                    .replace("%1", s.label).replace("%2", str(s.missing)).replace("%3", s.unit)
                    for s in short if s.missing > 0)

