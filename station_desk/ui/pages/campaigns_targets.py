"""The campaign's households to visit (走访名单): the target list by team and route order,
with the outcome of each call, the package handed over and signed for, and the needs found.

From here the worker records outcomes (登记结果: three clicks from the row), hands over a
package later (发放), ticks the packages the returned 签收表 shows signed (已签收), undoes a
mistaken outcome (撤销结果), changes the list by hand with a reason (加入 / 移出名单,
改慰问品, 分给小组), and prints the visit sheets and the sign-off sheet of the team in the
filter (or of all) or exports the list to Excel. The rows come from
``campaigns.targets`` (filtered in SQL); phones are masked as the service returns them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.errors import StationError
from ...core.services import campaigns
from ...messages import describe_error
from ..dialogs.form_dialog import Field, FormDialog
from ..labels import label
from ..models.table import Column, RowsTableModel, make_table
from .parts import button, combo, fill, search_box

SEARCH_PAUSE_MS = 150
STATUS_FILTERS = ("", "open", "done", "overdue", "removed")
UNASSIGNED = -1  # the team filter's 未分组


def _day(value) -> str:
    return value.isoformat() if value else ""


class TargetsTab(QWidget):
    watches: frozenset[str] = frozenset({
        "campaign", "campaign_target", "campaign_team", "campaign_call", "household",
        "visit", "voucher", "reservation", "package_kind"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignTargets")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.campaign_id: int | None = None
        self.campaign: campaigns.CampaignRow | None = None
        self.team_rows: list[campaigns.TeamRow] = []
        self.can_record = self.actor.can("campaigns.record")
        self.can_edit = self.actor.can("campaigns.edit")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.load)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        filters = QHBoxLayout()
        self.search = search_box("targetSearch", self.tr("Name, pinyin initials or address"),
                                 lambda: self._timer.start(), self.load, 200)
        self.team_filter = combo("targetTeamFilter", 120)
        self.village_filter = combo("targetVillageFilter", 120)
        self.status_filter = combo("targetStatusFilter", 100)
        fill(self.status_filter, [(s, self._status_filter_name(s)) for s in STATUS_FILTERS])
        filters.addWidget(self.search, 1)
        for box in (self.team_filter, self.village_filter, self.status_filter):
            box.currentIndexChanged.connect(lambda _i: self.load())
            filters.addWidget(box)
        layout.addLayout(filters)

        self.outcome_button = button(self.tr("Record outcome"), "recordOutcome", self.record_outcome)
        self.deliver_button = button(self.tr("Hand over package"), "deliverPackage", self.deliver)
        self.signed_button = button(self.tr("Signed for"), "markSigned", self.mark_signed)
        self.reopen_button = button(self.tr("Undo outcome"), "reopenTarget", self.reopen)
        self.add_button = button(self.tr("Add to list"), "addTarget", self.add_target)
        self.remove_button = button(self.tr("Take off list"), "removeTarget", self.remove)
        self.package_button = button(self.tr("Change package"), "changePackage", self.change_package)
        self.assign_button = button(self.tr("Give to team"), "assignTargets", self.assign)
        self.sheets_button = button(self.tr("Print visit sheets"), "printVisitSheets",
                                    self.print_sheets)
        self.sign_off_button = button(self.tr("Print sign-off sheet"), "printSignOff",
                                      self.print_sign_off)
        self.export_button = button(self.tr("Export to Excel"), "exportTargets", self.export)
        self.record_buttons = [self.outcome_button, self.deliver_button, self.signed_button,
                               self.reopen_button]
        self.edit_buttons = [self.add_button, self.remove_button, self.package_button,
                             self.assign_button]
        first = QHBoxLayout()
        for made in self.record_buttons:
            made.setVisible(self.can_record)
            first.addWidget(made)
        first.addStretch(1)
        for made in (self.sheets_button, self.sign_off_button, self.export_button):
            first.addWidget(made)
        second = QHBoxLayout()
        for made in self.edit_buttons:
            made.setVisible(self.can_edit)
            second.addWidget(made)
        second.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("targetCount")
        second.addWidget(self.count_label)
        layout.addLayout(first)
        layout.addLayout(second)

        columns = [
            Column(self.tr("No."), lambda r: r.route_order or "", align_right=True),
            Column(self.tr("Team"), lambda r: r.team or self.tr("No team")),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("Head of household"), lambda r: r.head_name),
            Column(self.tr("Address"), lambda r: r.address),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Package"), lambda r: (f"{r.package}×{r.package_count}"
                                                  if r.package else "")),
            Column(self.tr("Status"), lambda r: label("target_status", r.status),
                   muted=lambda r: r.status == "removed"),
            Column(self.tr("Calls"), lambda r: r.attempts or "", align_right=True),
            Column(self.tr("Try again on"), lambda r: _day(r.planned_on)),
            Column(self.tr("Visit date"), lambda r: _day(r.outcome_on)),
            Column(self.tr("Handed over"), lambda r: "✓" if r.delivered else ""),
            Column(self.tr("Signed"), lambda r: "✓" if r.signed else ""),
            Column(self.tr("Needs"), lambda r: r.needs_found or "", align_right=True),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = make_table(self.model, "targetsTable", multi=True, fixed_row_height=30)
        # Widths fitted to the header (the theme pads headers widely) and to typical values,
        # without measuring every row: a campaign may list thousands of households.
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for column, sample in enumerate(("999", "麻车村组", "麻车村", "王大山", "岗贝村新村一巷12号",
                                         "020-******5678", "中秋慰问包×1", "已走访", "9",
                                         "2026-10-01", "2026-10-01", "✓", "✓", "9")):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(title) + 40,
                                             self.view.fontMetrics().horizontalAdvance(sample) + 32))
        self.view.doubleClicked.connect(lambda _i: self.record_outcome())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        self._selection_changed()

    # --- loading ---------------------------------------------------------------------------

    def _status_filter_name(self, code: str) -> str:
        return {"": self.tr("All"), "open": self.tr("To visit"), "done": self.tr("Done"),
                "overdue": self.tr("Overdue"), "removed": self.tr("Taken off")}[code]

    def set_campaign(self, campaign_id: int | None) -> None:
        if campaign_id != self.campaign_id:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            for box in (self.team_filter, self.village_filter):
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
        self.campaign_id = campaign_id
        self.refresh()

    def refresh(self) -> None:
        if self.campaign_id is None:
            self.campaign, self.team_rows = None, []
            fill(self.team_filter, [(None, self.tr("All teams"))])
            fill(self.village_filter, [(None, self.tr("All villages"))])
            self.model.set_rows([])
            self.count_label.clear()
            self._selection_changed()
            return
        try:
            self.campaign = campaigns.get_campaign(self.actor, self.campaign_id)
        except StationError:  # gone (restored from a backup): show nothing
            self.campaign_id = None
            self.refresh()
            return
        self.team_rows = campaigns.teams(self.actor, self.campaign_id)
        fill(self.team_filter, [(None, self.tr("All teams"))]
             + [(t.id, t.name) for t in self.team_rows] + [(UNASSIGNED, self.tr("No team"))])
        everyone = campaigns.targets(self.actor, self.campaign_id)
        villages: dict[int, str] = {}
        for row in everyone:
            villages.setdefault(row.village_id, row.village)
        fill(self.village_filter, [(None, self.tr("All villages"))] + list(villages.items()))
        if self.query() == campaigns.TargetQuery():
            self.load(everyone)  # no filter: the rows just read are the ones to show
        else:
            self.load()

    def query(self) -> campaigns.TargetQuery:
        team = self.team_filter.currentData()
        return campaigns.TargetQuery(
            team_id=team if team not in (None, UNASSIGNED) else None,
            unassigned=team == UNASSIGNED, village_id=self.village_filter.currentData(),
            status=self.status_filter.currentData() or "", text=self.search.text())

    def load(self, rows: list[campaigns.TargetRow] | None = None) -> None:
        self._timer.stop()
        if self.campaign_id is None:
            return
        chosen = {r.id for r in self.selected_rows()}
        if rows is None:
            rows = campaigns.targets(self.actor, self.campaign_id, self.query())
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if row.id in chosen:
                self.view.selectionModel().select(
                    self.model.index(i, 0), self.view.selectionModel().SelectionFlag.Select
                    | self.view.selectionModel().SelectionFlag.Rows)
        self.count_label.setText(self.tr("%1 households").replace("%1", str(len(rows))))
        self._selection_changed()

    def all_rows(self) -> list[campaigns.TargetRow]:
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def selected_rows(self) -> list[campaigns.TargetRow]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if self.model.row_at(r) is not None]

    def select_target(self, target_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == target_id:
                self.view.selectRow(i)
                return

    def select_household(self, head_name: str) -> None:
        """Select the row of the household whose head is ``head_name`` (tests, shortcuts)."""
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).head_name == head_name:
                self.view.selectRow(i)
                return

    def _is_open(self) -> bool:
        return self.campaign is not None and self.campaign.status == "open"

    def _selection_changed(self) -> None:
        rows = self.selected_rows()
        live = self._is_open()
        statuses = {r.status for r in rows}
        self.outcome_button.setEnabled(live and len(rows) == 1 and statuses == {"open"})
        self.deliver_button.setEnabled(live and any(r.status == "visited" and r.package
                                                    and not r.delivered for r in rows))
        self.signed_button.setEnabled(live and any(r.delivered and not r.signed for r in rows))
        self.reopen_button.setEnabled(live and len(rows) == 1
                                      and statuses - {"open", "removed"} == statuses)
        self.add_button.setEnabled(live)
        self.remove_button.setEnabled(live and bool(rows) and statuses == {"open"})
        self.package_button.setEnabled(live and bool(rows) and not any(r.delivered for r in rows)
                                       and "removed" not in statuses)
        self.assign_button.setEnabled(live and bool(rows) and "removed" not in statuses)
        has_campaign = self.campaign is not None
        for made in (self.sheets_button, self.sign_off_button, self.export_button):
            made.setEnabled(has_campaign)

    # --- doing ---------------------------------------------------------------------------

    def _refused(self, error: Exception) -> None:
        from ..ops import error_text

        text = describe_error(error, self.lang) if isinstance(error, StationError) \
            else error_text(error, self.lang)
        QMessageBox.warning(self, self.tr("Not done"), text)

    def _changed(self) -> None:
        # the services announce the change to the other tabs and pages; this one at once
        self.refresh()

    def _say_short(self, short: Sequence) -> None:
        if short:
            lines = "\n".join(f"{s.label}: {s.missing} {s.unit}" for s in short)
            QMessageBox.information(self, self.tr("Stock is short"), self.tr(
                "Not everything could be set aside; these are still missing:\n%1\n"
                "Stock received later fills the packages (top up on the Progress tab).")
                .replace("%1", lines))

    def record_outcome(self) -> None:
        from ..dialogs.campaign_outcome import CampaignOutcomeDialog

        rows = self.selected_rows()
        if not self.can_record or len(rows) != 1 or rows[0].status != "open" or not self._is_open():
            return
        if CampaignOutcomeDialog.ask(self, self.actor, rows[0], self.campaign, self.team_rows,
                                     self.lang):
            self._changed()
            self.select_target(rows[0].id)

    def _each(self, rows: Sequence[campaigns.TargetRow], act: Callable[[campaigns.TargetRow], object]) -> int:
        done = 0
        try:
            for row in rows:
                act(row)
                done += 1
        except StationError as error:
            self._refused(error)
        if done:
            self._changed()
        return done

    def deliver(self) -> None:
        rows = [r for r in self.selected_rows() if r.status == "visited" and r.package
                and not r.delivered]
        if not rows:
            return
        names = "、".join(r.head_name for r in rows[:8]) + ("…" if len(rows) > 8 else "")
        answer = QMessageBox.question(self, self.tr("Hand over package"), self.tr(
            "Hand over the packages of %1 households today (%2)? They leave stock now.")
            .replace("%1", str(len(rows))).replace("%2", names))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:  # all of them or, one refused, none
            campaigns.deliver_many(self.actor, [r.id for r in rows], today())
        except StationError as error:
            self._refused(error)
        self._changed()

    def mark_signed(self) -> None:
        rows = [r for r in self.selected_rows() if r.delivered and not r.signed]
        if rows:
            try:
                campaigns.mark_signed(self.actor, [r.id for r in rows])
            except StationError as error:
                self._refused(error)
            self._changed()

    def reopen(self) -> None:
        from ..dialogs.campaign_target import ReasonDialog

        rows = [r for r in self.selected_rows() if r.status not in ("open", "removed")]
        if len(rows) != 1:
            return
        row = rows[0]
        if ReasonDialog.ask(self, self.tr("Undo outcome"), self.tr(
                "Undo the outcome recorded for %1: the visit leaves the household's history and a "
                "package handed over goes back into stock.").replace("%1", row.head_name),
                lambda reason: campaigns.reopen_target(self.actor, row.id, reason), self.lang):
            self._changed()

    def add_target(self) -> None:
        from ..dialogs.campaign_target import AddTargetDialog

        if self.campaign_id is None:
            return
        from collections import Counter

        usual = Counter(r.package for r in self.all_rows() if r.package).most_common(1)
        short = AddTargetDialog.ask(self, self.actor, self.campaign_id, self.team_rows, self.lang,
                                    usual[0][0] if usual else "")
        if short is not None:
            self._changed()
            self._say_short(short)

    def remove(self) -> None:
        from ..dialogs.campaign_target import ReasonDialog

        rows = [r for r in self.selected_rows() if r.status == "open"]
        if not rows:
            return
        names = "、".join(r.head_name for r in rows[:8]) + ("…" if len(rows) > 8 else "")

        def remove_all(reason: str) -> bool:  # all of them or, one refused, none
            campaigns.remove_targets(self.actor, [r.id for r in rows], reason)
            return True

        if ReasonDialog.ask(self, self.tr("Take off list"), self.tr(
                "Take %1 off the list? Their packages are no longer held.").replace("%1", names),
                remove_all, self.lang):
            self._changed()

    def change_package(self) -> None:
        from ..dialogs.campaign_target import ChangePackageDialog

        rows = [r for r in self.selected_rows() if not r.delivered and r.status != "removed"]
        if not rows:
            return
        short = ChangePackageDialog.ask(self, self.actor, rows, self.lang)
        if short is not None:
            self._changed()
            self._say_short(short)

    def assign(self) -> None:
        rows = [r for r in self.selected_rows() if r.status != "removed"]
        if not rows:
            return
        choices = [(None, self.tr("No team"))] + [(t.id, t.name) for t in self.team_rows]
        current = rows[0].team_id
        done = FormDialog.ask(
            self, self.tr("Give to team"),
            [Field("team", self.tr("%1 households to").replace("%1", str(len(rows))), "choice",
                   choices)],
            {"team": current},
            lambda v: campaigns.assign_targets(self.actor, [r.id for r in rows], v["team"]))
        if done is not None:
            self._changed()

    # --- printouts and export ------------------------------------------------------------

    def _print_path(self, name: str):
        import tempfile
        from pathlib import Path

        if getattr(self, "_print_dir", None) is None:
            # One folder for this tab's printouts, removed with it.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        return Path(self._print_dir.name) / name

    def _team_for_print(self) -> int | None:
        team = self.team_filter.currentData()
        return team if team not in (None, UNASSIGNED) else None

    def _print(self, caption: str, title: str, out, build) -> None:
        """Build the PDF on the worker (``build`` returns the font problems), then preview it."""
        from .. import ops
        from ..dialogs.pdf_preview import preview_printout

        operation = ops.run_operation(self, caption, build, cancellable=False)
        operation.finished.connect(lambda problems: preview_printout(self, out, problems, title))

    def print_sheets(self) -> None:
        """走访表: one section per team (the team in the filter, or all), households still to
        visit in route order."""
        from ...core.reports import campaign_sheets

        if self.campaign_id is None:
            return
        actor, lang, cid, team = self.actor, self.lang, self.campaign_id, self._team_for_print()
        out = self._print_path(f"campaign-{cid}-visit-sheets.pdf")

        def build():
            data = campaigns.sheet_data(actor, cid, team_id=team)
            campaign_sheets.build(data, out, lang=lang)
            return campaign_sheets.check(data)

        self._print(self.tr("Preparing the visit sheets…"), self.tr("Visit sheets"), out, build)

    def print_sign_off(self) -> None:
        """签收表 of the packages still to hand over (names masked: it goes round the village)."""
        from ...core.reports import sign_off

        if self.campaign_id is None:
            return
        actor, lang, cid, team = self.actor, self.lang, self.campaign_id, self._team_for_print()
        out = self._print_path(f"campaign-{cid}-sign-off.pdf")

        def build():
            data = campaigns.sign_off_data(actor, cid, team_id=team)
            sign_off.build(data, out, lang=lang)
            return sign_off.check(data)

        self._print(self.tr("Preparing the sign-off sheet…"), self.tr("Sign-off sheet"), out, build)

    def export(self) -> None:
        """The campaign's list and outcomes to an Excel workbook."""
        from ...core.services import campaign_exports
        from .. import ops

        if self.campaign is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"{self.campaign.name}.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        operation = ops.run_operation(self, self.tr("Writing the workbook…"),
                                      campaign_exports.export_campaign, self.actor,
                                      self.campaign_id, path, cancellable=False)
        operation.finished.connect(lambda rows: QMessageBox.information(
            self, self.tr("Export to Excel"),
            self.tr("%1 rows written to %2.").replace("%1", str(rows)).replace("%2", path)))
