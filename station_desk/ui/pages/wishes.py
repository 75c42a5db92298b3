"""微心愿 (四单一体): the wish wall — the open wishes a donor could adopt, by alias and village,
with their photos, and the printed wish list to show partner companies — and every wish
with the step it is at: 下单 → 接单 → 买单 → 送达 → 评单 (or cancelled).

The front desk sees both tabs as a donor would (the service blanks household names) and
changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import money
from ...core.errors import StationError
from ...core.models import WISH_STATUSES
from ...core.services import wishes
from ...messages import describe_error
from ..dialogs.wish_forms import (
    AdoptWishDialog,
    CancelWishDialog,
    DeliverWishDialog,
    PlaceWishDialog,
    RateWishDialog,
    TakeWishDialog,
    thumbnail,
)
from ..labels import label
from ..models.table import Column, RowsTableModel
from .base import Page
from .parts import button as _button
from .parts import combo as _combo
from .parts import fill as _fill
from .parts import fitted_table as _table
from .parts import search_box as _search_box

WISH_TABLES = frozenset({"wish", "household", "member", "village", "donor", "staff"})
SEARCH_PAUSE_MS = 200
THUMB = 72
STATUS_COLOURS = {"placed": QColor("#1565c0"), "taken": QColor("#6a1b9a"),
                  "adopted": QColor("#e65100"), "delivered": QColor("#2e7d32"),
                  "rated": QColor("#2e7d32"), "cancelled": QColor("#9e9e9e")}


def _yuan(fen: int) -> str:
    return f"¥{money.yuan(fen)}" if fen else ""


class WishRowsModel(RowsTableModel):
    """Wishes with their status in its colour and, on the wall, the photo's thumbnail."""

    def __init__(self, columns, status_column: int, parent=None, photo_column: int | None = None,
                 photos: dict[int, object] | None = None) -> None:
        super().__init__(columns, parent)
        self._status_column = status_column
        self._photo_column = photo_column
        self.photos = photos if photos is not None else {}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            row = self.row_at(index.row())
            if (role == Qt.ItemDataRole.ForegroundRole and row is not None
                    and index.column() == self._status_column):
                return STATUS_COLOURS.get(row.status)
            if (role == Qt.ItemDataRole.DecorationRole and row is not None
                    and index.column() == self._photo_column):
                return self.photos.get(row.id)
        return super().data(index, role)


class WallTab(QWidget):
    """心愿墙: what a donor could adopt now (placed or taken on), alias and village only."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("wishWall")
        self.context = context
        self.actor = context.actor
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        note = QLabel(self.tr("Open wishes a donor could adopt. Donors see the alias and the "
                              "village only."))
        note.setObjectName("muted")
        note.setWordWrap(True)
        top.addWidget(note, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("wallCount")
        top.addWidget(self.count_label)
        self.print_button = _button(self.tr("Print wish list…"), "printWishList", self.print_list)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        columns = [
            Column(self.tr("Photo"), lambda r: ""),
            Column(self.tr("Alias"), lambda r: r.alias),
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("The wish"), lambda r: r.what),
            Column(self.tr("Why"), lambda r: r.why),
            Column(self.tr("Estimated value"), lambda r: _yuan(r.estimated_fen), align_right=True),
            Column(self.tr("Status"), lambda r: label("wish_status", r.status)),
        ]
        self.model = WishRowsModel(columns, 6, self, photo_column=0)
        self.view = _table(self.model, "wishWallTable", stretch=4)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setWordWrap(True)
        # a row with a photo is as tall as its thumbnail; one without stays one line high
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        try:
            rows = wishes.list_wishes(self.actor, open_only=True)
        except StationError as error:
            self.model.set_rows([])
            self.count_label.setText(describe_error(error, self.context.lang))
            return
        known = self.model.photos
        photos = {}
        for row in rows:
            if row.has_photo:
                photos[row.id] = known.get(row.id) or thumbnail(
                    wishes.photo_of(self.actor, row.id), THUMB)
        self.model.photos = photos
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 open wishes, together ¥%2")
                                 .replace("%1", str(len(rows)))
                                 .replace("%2", money.yuan(sum(r.estimated_fen for r in rows))
                                          or "0.00"))
        self.print_button.setEnabled(bool(rows))

    def print_list(self) -> None:
        """心愿清单: the open wishes as a PDF to show partner companies (alias and village)."""
        import tempfile
        from pathlib import Path

        from ...core.reports import wish_list as report
        from ...core.services import activity_exports
        from ..dialogs.pdf_preview import preview_printout

        try:
            data = activity_exports.wish_list_data(self.actor)
        except StationError as error:
            QMessageBox.warning(self, self.tr("Not done"),
                                describe_error(error, self.context.lang))
            return
        if getattr(self, "_print_dir", None) is None:  # removed with the page
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-wishes-")
        out = Path(self._print_dir.name) / "wish-list.pdf"
        # a page or two of wishes: built in place, like a case record
        report.build(data, out, lang=self.context.lang)
        preview_printout(self, out, report.problems(data), self.tr("Wish list"))


class ListTab(QWidget):
    """Every wish, filtered by status and text, and the step buttons its status allows."""

    STEPS = {"take": ("placed",), "adopt": ("placed", "taken"), "deliver": ("adopted",),
             "rate": ("delivered",), "cancel": ("placed", "taken", "adopted")}

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("wishList")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("wishes.edit")
        self.names = self.actor.can("households.view")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = _search_box("wishSearch", self.tr("The wish, alias or village"),
                                  lambda: self._timer.start(), self.refresh, 220)
        filters.addWidget(self.search, 1)
        self.status_filter = _combo("wishStatusFilter")
        _fill(self.status_filter, [("", self.tr("Every status"))]
              + [(s, label("wish_status", s)) for s in WISH_STATUSES])
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        filters.addWidget(self.status_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("wishCount")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.buttons = {
            "place": _button(self.tr("Place a wish…"), "placeWish", self.place),
            "take": _button(self.tr("Take on"), "takeWish", self.take),
            "adopt": _button(self.tr("Adopt…"), "adoptWish", self.adopt),
            "deliver": _button(self.tr("Delivered…"), "deliverWish", self.deliver),
            "rate": _button(self.tr("Rate…"), "rateWish", self.rate),
            "cancel": _button(self.tr("Cancel wish…"), "cancelWish", self.cancel),
        }
        for made in self.buttons.values():
            made.setVisible(self.can_edit)
            buttons.addWidget(made)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        columns = [Column(self.tr("No."), lambda r: r.id, align_right=True),
                   Column(self.tr("Placed"), lambda r: r.placed_on),
                   Column(self.tr("Alias"), lambda r: r.alias)]
        if self.names:
            columns.append(Column(self.tr("Household"), lambda r: r.head_name))
        columns += [
            Column(self.tr("Village"), lambda r: r.village),
            Column(self.tr("The wish"), lambda r: r.what),
            Column(self.tr("Estimated"), lambda r: _yuan(r.estimated_fen), align_right=True),
            Column(self.tr("Status"), lambda r: label("wish_status", r.status)),
            Column(self.tr("Social worker"), lambda r: r.social_worker),
            Column(self.tr("Donor"), lambda r: r.donor + (
                f" · {label('wish_payment', r.payment)}" if r.donor and r.payment else "")),
            Column(self.tr("Delivered"), lambda r: r.delivered_on or ""),
            Column(self.tr("Rating"), lambda r: "★" * r.rating if r.rating else ""),
            Column(self.tr("Client's words"), lambda r: r.comment),
        ]
        status_column = next(i for i, c in enumerate(columns) if c.title == self.tr("Status"))
        self.model = WishRowsModel(columns, status_column, self)
        donor = next(i for i, c in enumerate(columns) if c.title == self.tr("Donor"))
        self.view = _table(self.model, "wishesTable", stretch=len(columns) - 1,
                           capped={donor: 150})  # the client's words take the rest
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view, 1)
        # the chosen wish: its photo and why it is wished for (the table has no room for them)
        detail = QHBoxLayout()
        self.photo_label = QLabel()
        self.photo_label.setObjectName("wishDetailPhoto")
        self.photo_label.setFixedSize(THUMB, THUMB)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("wishDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        detail.addWidget(self.detail_label, 1)
        layout.addLayout(detail)
        self.figures_label = QLabel()
        self.figures_label.setObjectName("wishFigures")
        layout.addWidget(self.figures_label)
        self._selection_changed()

    def refresh(self) -> None:
        self._timer.stop()
        chosen = self.current_row()
        try:
            rows = wishes.list_wishes(self.actor, status=self.status_filter.currentData() or "",
                                      text=self.search.text())
        except StationError as error:
            self.model.set_rows([])
            self.count_label.setText(describe_error(error, self.lang))
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 wishes").replace("%1", str(len(rows))))
        self._show_figures()
        if chosen is not None:
            self.select_wish(chosen.id)
        self._selection_changed()

    def _show_figures(self) -> None:
        from ...core.clock import today

        try:
            figures = wishes.figures(self.actor, today().year)
        except StationError:
            self.figures_label.clear()
            return
        rating = f"{figures.average_rating:.1f}" if figures.average_rating is not None else "—"
        self.figures_label.setText(
            self.tr("This year: %1 placed · %2 adopted · %3 fulfilled · average rating %4")
            .replace("%1", str(figures.placed)).replace("%2", str(figures.adopted))
            .replace("%3", str(figures.fulfilled)).replace("%4", rating))

    def current_row(self) -> wishes.WishRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def select_wish(self, wish_id: int) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == wish_id:
                self.view.selectRow(i)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.current_row()
        for step, allowed in self.STEPS.items():
            self.buttons[step].setEnabled(row is not None and row.status in allowed)
        self._show_detail(row)

    def _show_detail(self, row: wishes.WishRow | None) -> None:
        pixmap = None
        if row is not None and row.has_photo:
            try:
                pixmap = thumbnail(wishes.photo_of(self.actor, row.id), THUMB)
            except StationError:
                pixmap = None
        self.photo_label.setPixmap(pixmap if pixmap is not None else QPixmap())
        self.photo_label.setVisible(pixmap is not None)
        if row is None:
            self.detail_label.setText(self.tr("Choose a wish to see why it is wished for."))
            return
        lines = [f"#{row.id} {row.what}（{row.alias}，{row.village}）",
                 self.tr("Why: %1").replace("%1", row.why or "—")]
        if row.comment:
            lines.append(self.tr("The client said: %1").replace("%1", row.comment))
        self.detail_label.setText("\n".join(lines))

    def _after(self, wish_id: int | None) -> None:
        if wish_id is None:
            return
        self.refresh()
        if not self.select_wish(wish_id):  # filtered out by its new status: show it anyway
            self.status_filter.setCurrentIndex(0)
            self.select_wish(wish_id)

    def _step(self, dialog_class, *args) -> None:
        row = self.current_row()
        if row is not None:
            self._after(dialog_class.ask(self, self.actor, row, self.lang, *args))

    def place(self) -> None:
        self._after(PlaceWishDialog.ask(self, self.actor, self.lang))

    def take(self) -> None:
        self._step(TakeWishDialog)

    def adopt(self) -> None:
        row = self.current_row()
        if row is not None:
            self._after(AdoptWishDialog.ask(self, self.context, row))

    def deliver(self) -> None:
        self._step(DeliverWishDialog)

    def rate(self) -> None:
        self._step(RateWishDialog)

    def cancel(self) -> None:
        self._step(CancelWishDialog)


class WishesPage(Page):
    name = "wishes"
    watches = WISH_TABLES
    SECTIONS = ("wall", "list")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("wishesTabs")
        self.wall = WallTab(context, self)
        self.list = ListTab(context, self)
        self.tabs.addTab(self.wall, self.tr("Wish wall"))
        self.tabs.addTab(self.list, self.tr("All wishes"))
        layout.addWidget(self.tabs)

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        self.wall.refresh()
        self.list.refresh()

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS:
            self.tabs.setCurrentIndex(self.SECTIONS.index(section))
