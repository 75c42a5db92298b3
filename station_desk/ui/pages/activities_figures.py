"""The year's figures (年度统计): held activities, person-times, volunteers, goods and cards,
by kind, by month and by village (``activities.year_figures``), and the year's micro-wishes
(``wishes.figures``); the workbook is written in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import StationError
from ...core.money import yuan
from ...core.services import activities, wishes
from ...messages import describe_error
from ..labels import label
from ..models.table import Column, RowsTableModel
from .campaigns_progress import Figure
from .parts import button, fitted_table


class FiguresTab(QWidget):
    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_activity_figures")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setObjectName("figuresYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        top.addWidget(self.year)
        top.addStretch(1)
        self.export_button = button(self.tr("Export to Excel…"), "exportActivityFigures",
                                    self.export)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        figures = QHBoxLayout()
        self.figures = {
            "activities": Figure("figureActivities", self.tr("activities held")),
            "person_times": Figure("figurePersonTimes", self.tr("person-times")),
            "volunteer_times": Figure("figureVolunteerTimes",
                                      self.tr("volunteer person-times")),
            "volunteer_hours": Figure("figureVolunteerHours", self.tr("volunteer hours")),
            "goods": Figure("figureGoods", self.tr("goods used (yuan)")),
            "cards": Figure("figureCards", self.tr("policy cards")),
        }
        for figure in self.figures.values():
            figures.addWidget(figure)
        figures.addStretch(1)
        layout.addLayout(figures)
        self.wishes_label = QLabel()
        self.wishes_label.setObjectName("figuresWishes")
        self.wishes_label.setWordWrap(True)
        layout.addWidget(self.wishes_label)

        tables = QTabWidget()
        tables.setObjectName("figuresTables")
        self.kind_model = RowsTableModel(self._columns(
            self.tr("Kind"), lambda line: label("activity_kind", line.key)), self)
        self.month_model = RowsTableModel(self._columns(self.tr("Month"),
                                                        lambda line: line.key), self)
        self.village_model = RowsTableModel(self._columns(
            self.tr("Village"), lambda line: line.key or self.tr("(no village)")), self)
        for model, name, title in ((self.kind_model, "figuresByKind", self.tr("By kind")),
                                   (self.month_model, "figuresByMonth", self.tr("By month")),
                                   (self.village_model, "figuresByVillage",
                                    self.tr("By village"))):
            tables.addTab(fitted_table(model, name, stretch=0), title)
        layout.addWidget(tables, 1)

    def _columns(self, caption: str, key) -> list[Column]:
        return [Column(caption, key),
                Column(self.tr("Activities"), lambda line: line.activities, align_right=True),
                Column(self.tr("People on file who came"), lambda line: line.participants,
                       align_right=True),
                Column(self.tr("Person-times"), lambda line: line.person_times,
                       align_right=True)]

    def refresh(self) -> None:
        year = self.year.value()
        try:
            fig = activities.year_figures(self.actor, year)
        except StationError as error:
            self.wishes_label.setText(describe_error(error, self.lang))
            return
        values = {"activities": str(fig.activities), "person_times": str(fig.person_times),
                  "volunteer_times": str(fig.volunteer_times),
                  "volunteer_hours": f"{fig.volunteer_hours:g}",
                  "goods": yuan(fig.goods_value_fen), "cards": str(fig.cards)}
        for key, text in values.items():
            self.figures[key].show_value(text)
        self.kind_model.set_rows(fig.by_kind)
        self.month_model.set_rows(fig.by_month)
        self.village_model.set_rows(fig.by_village)
        try:
            wish = wishes.figures(self.actor, year)
        except StationError:
            self.wishes_label.clear()
            return
        rating = f"{wish.average_rating:.1f}" if wish.average_rating is not None else "–"
        self.wishes_label.setText(
            self.tr("Micro-wishes placed %1 · adopted %2 · fulfilled %3 (worth %4 yuan) · "
                    "cancelled %5 · average rating %6")
            .replace("%1", str(wish.placed)).replace("%2", str(wish.adopted))
            .replace("%3", str(wish.fulfilled)).replace("%4", yuan(wish.value_fen))
            .replace("%5", str(wish.cancelled)).replace("%6", rating))

    def export(self) -> None:
        from ...core.services import activity_exports

        year = self.year.value()
        export_workbook(self, self.tr("Export figures to Excel"), f"活动统计-{year}.xlsx",
                        activity_exports.export_figures, self.actor, year)


def export_workbook(parent: QWidget, title: str, name: str, write, *args, **kwargs) -> None:
    """Ask where, then ``write(*args, path, **kwargs)`` on the database worker; say how many
    rows were written."""
    from PySide6.QtCore import QCoreApplication

    from .. import ops

    path, _ = QFileDialog.getSaveFileName(
        parent, title, name, QCoreApplication.translate("FiguresTab", "Excel workbook (*.xlsx)"))
    if not path:
        return
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    operation = ops.run_operation(
        parent, QCoreApplication.translate("FiguresTab", "Writing the workbook…"), write, *args,
        target, cancellable=False, **kwargs)
    operation.finished.connect(lambda rows: QMessageBox.information(
        parent, title, QCoreApplication.translate("FiguresTab", "%1 rows written to %2.")
        .replace("%1", str(rows)).replace("%2", str(target))))
