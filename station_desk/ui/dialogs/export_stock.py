"""Export the inventory ledgers to Excel: ask the period, then the file, then write it on the
database worker (``core.services.stock_exports``) and say where it went.

The tabs call :func:`export_monthly_ledger_ui` (物资出入库台账, a month),
:func:`export_stock_ledger_ui` (库存明细账, a date range) and :func:`export_donor_totals_ui`
(捐赠方统计, a year). Each returns the running operation, or None when cancelled.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.services import stock_exports
from .. import ops, uistate
from ..widgets import error_label

MONTH, RANGE, YEAR = "month", "range", "year"


def _date_edit(day: _dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ExportPeriodDialog(QDialog):
    """The period of an inventory export: a month, a date range or a year."""

    def __init__(self, parent: QWidget | None, kind: str, title: str) -> None:
        super().__init__(parent)
        self.setObjectName("exportStockPeriod")
        self.setWindowTitle(title)
        self.setMinimumWidth(360)
        self.kind = kind
        now = today()
        last_month = now.replace(day=1) - _dt.timedelta(days=1)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.year = QSpinBox()
        self.year.setObjectName("exportYear")
        self.year.setRange(2000, now.year)
        self.month = QComboBox()
        self.month.setObjectName("exportMonth")
        self.date_from = _date_edit(now.replace(month=1, day=1), "exportFrom")
        self.date_to = _date_edit(now, "exportTo")
        if kind == MONTH:
            # Last month by default: the ledger is made after the month closes.
            self.year.setValue(last_month.year)
            for number in range(1, 13):
                self.month.addItem(self.tr("%1 (month)").replace("%1", str(number)), number)
            self.month.setCurrentIndex(last_month.month - 1)
            form.addRow(self.tr("Year"), self.year)
            form.addRow(self.tr("Month"), self.month)
        elif kind == RANGE:
            form.addRow(self.tr("From"), self.date_from)
            form.addRow(self.tr("To"), self.date_to)
        else:
            self.year.setValue(now.year)
            form.addRow(self.tr("Year"), self.year)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def period(self):
        if self.kind == MONTH:
            return self.year.value(), self.month.currentData()
        if self.kind == RANGE:
            return self.date_from.date().toPython(), self.date_to.date().toPython()
        return self.year.value()

    def check(self) -> None:
        if self.kind == RANGE and self.date_from.date() > self.date_to.date():
            self.error.setText(self.tr("The start date is after the end date."))
            self.error.show()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, kind: str, title: str):
        """(year, month), (date_from, date_to) or year; None when cancelled."""
        dialog = cls(parent, kind, title)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.period()


def _save_as(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    folder = Path(str(uistate.get("files/last_folder") or Path.home()))
    kinds = QCoreApplication.translate("ExportStock", "Excel workbook (*.xlsx)")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested), kinds)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    uistate.put("files/last_folder", str(target.parent))
    return target


def _export(parent: QWidget | None, kind: str, title: str, name, fn, actor):
    """Ask the period (``kind``), then the file (``name(period)`` suggested), then run
    ``fn(actor, *period, path)`` on the worker and say where the workbook went."""
    period = ExportPeriodDialog.ask(parent, kind, title)
    if period is None:
        return None
    target = _save_as(parent, title, name(period))
    if target is None:
        return None
    working = QCoreApplication.translate("ExportStock", "Exporting…")
    done = QCoreApplication.translate("ExportStock", "Written to %1").replace("%1", str(target))
    args = period if isinstance(period, tuple) else (period,)
    operation = ops.run_operation(parent, working, fn, actor, *args, target, cancellable=False)
    operation.finished.connect(lambda _data: QMessageBox.information(parent, title, done))
    return operation


def export_monthly_ledger_ui(parent: QWidget | None, context) -> ops.Operation | None:
    """物资出入库台账 for a month chosen in a dialog."""
    return _export(parent, MONTH,
                   QCoreApplication.translate("ExportStock", "Export the monthly in/out ledger"),
                   lambda p: f"物资出入库台账-{p[0]}年{p[1]:02d}月.xlsx",
                   stock_exports.export_monthly_ledger, context.actor)


def export_stock_ledger_ui(parent: QWidget | None, context) -> ops.Operation | None:
    """库存明细账 for a date range chosen in a dialog."""
    return _export(parent, RANGE,
                   QCoreApplication.translate("ExportStock", "Export the stock ledger"),
                   lambda p: f"库存明细账-{p[0]:%Y%m%d}-{p[1]:%Y%m%d}.xlsx",
                   stock_exports.export_stock_ledger, context.actor)


def export_donor_totals_ui(parent: QWidget | None, context) -> ops.Operation | None:
    """捐赠方统计 for a year chosen in a dialog."""
    return _export(parent, YEAR,
                   QCoreApplication.translate("ExportStock", "Export the donor totals"),
                   lambda p: f"捐赠方统计-{p}年.xlsx", stock_exports.export_donor_totals,
                   context.actor)
