"""家访日: a monthly home-visit day made from each social worker's due-visit list.

The window defaults to the coming week (Monday to Sunday; this week when today is a Monday)
and the name to that month's visit day. Every social worker is ticked; beside each is how
many households would go on the list (their visits due by the window's end, as
``households.due_visits`` counts them), so the head sees the load before saving.
``campaigns.create_visit_day`` then makes one team per worker with the households in route
order.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.clock import today
from ...core.roles import SOCIAL_WORKER
from ...core.services import accounts, campaigns, households
from ..pages.parts import date_edit
from .form_parts import SavingDialog, date_of, form_layout, qdate


def coming_week(on: _dt.date) -> tuple[_dt.date, _dt.date]:
    """Monday to Sunday of the coming week (this one when ``on`` is a Monday)."""
    monday = on + _dt.timedelta(days=(7 - on.weekday()) % 7)
    return monday, monday + _dt.timedelta(days=6)


class VisitDayDialog(SavingDialog):
    """``ask`` returns ``campaigns.Created`` (one team per worker), or None if cancelled."""

    def __init__(self, parent, context) -> None:
        super().__init__(parent, context.lang, "visitDayDialog", self.tr("New home-visit day"))
        self.actor = context.actor
        start, end = coming_week(today())
        form = form_layout()
        self.name = QLineEdit(self.default_name(start))
        self.name.setObjectName("visitDayName")
        form.addRow(self.tr("Name"), self.errors.wrap("name", self.name))
        self.theme = QLineEdit()
        self.theme.setObjectName("visitDayTheme")
        self.theme.setPlaceholderText(self.tr("One theme a month, e.g. safe heating in winter"))
        form.addRow(self.tr("Theme"), self.errors.wrap("theme", self.theme))
        self.starts_on = date_edit("visitDayStarts", start)
        self.ends_on = date_edit("visitDayEnds", end)
        window = QHBoxLayout()
        window.setContentsMargins(0, 0, 0, 0)
        window.addWidget(self.starts_on)
        window.addWidget(QLabel("–"))
        window.addWidget(self.ends_on)
        window.addStretch(1)
        form.addRow(self.tr("Window"), window)
        self.layout_.addLayout(form)

        self.workers_label = QLabel()
        self.workers_label.setObjectName("subheading")
        self.layout_.addWidget(self.workers_label)
        # Check boxes, not a list's check items: the theme draws no box for an unticked item.
        self.workers = QScrollArea()
        self.workers.setObjectName("visitDayWorkers")
        self.workers.setWidgetResizable(True)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(6, 4, 6, 4)
        self.boxes: list[tuple[int, str, QCheckBox]] = []
        for staff in accounts.list_staff(include_inactive=False):
            if staff.role == SOCIAL_WORKER:
                box = QCheckBox(staff.name)
                box.setObjectName(f"worker_{staff.id}")
                box.setChecked(True)
                box.toggled.connect(lambda _on: self._total())
                column.addWidget(box)
                self.boxes.append((staff.id, staff.name, box))
        column.addStretch(1)
        self.workers.setWidget(inner)
        self.workers.setMinimumHeight(200)
        self.layout_.addWidget(self.workers, 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("visitDayTotal")
        self.layout_.addWidget(self.total_label)
        self.counts: dict[int, int] = {}
        self.starts_on.dateChanged.connect(lambda _d: self._start_moved())
        self.ends_on.dateChanged.connect(lambda _d: self.count_due())
        self.finish(self.tr("Each ticked worker gets a team with the households whose visit is "
                            "due by the window's end, in route order."))
        self.setMinimumWidth(560)
        self.count_due()

    def default_name(self, start: _dt.date) -> str:
        return self.tr("%1-%2 home-visit day").replace("%1", str(start.year)).replace(
            "%2", str(start.month))

    def _start_moved(self) -> None:
        start = date_of(self.starts_on)
        if date_of(self.ends_on) < start:
            self.ends_on.setDate(qdate(start + _dt.timedelta(days=6)))

    def count_due(self) -> None:
        """How many households each worker's list would have by the window's end."""
        end = date_of(self.ends_on)
        self.workers_label.setText(self.tr("Social workers (households due by %1)").replace(
            "%1", end.isoformat()))
        for worker_id, name, box in self.boxes:
            self.counts[worker_id] = len(households.due_visits(
                self.actor, social_worker_id=worker_id, on=end))
            box.setText(self.tr("%1 — %2 households").replace("%1", name).replace(
                "%2", str(self.counts[worker_id])))
        self._total()

    def worker_ids(self) -> list[int]:
        return [worker_id for worker_id, _name, box in self.boxes if box.isChecked()]

    def check_worker(self, name: str, on: bool = True) -> None:
        for _worker_id, worker_name, box in self.boxes:
            if worker_name == name:
                box.setChecked(on)

    def _total(self) -> None:
        chosen = self.worker_ids()
        self.total_label.setText(self.tr("%1 households, %2 teams").replace(
            "%1", str(sum(self.counts.get(w, 0) for w in chosen))).replace(
            "%2", str(len(chosen))))

    def save(self) -> campaigns.Created:
        chosen = self.worker_ids()
        if not chosen:
            from ...core.errors import ValidationError

            raise ValidationError("required", field="social_workers")
        data = campaigns.CampaignInput(self.name.text(), kind="visit_day",
                                       theme=self.theme.text(),
                                       starts_on=date_of(self.starts_on),
                                       ends_on=date_of(self.ends_on))
        return campaigns.create_visit_day(self.actor, data, chosen)
