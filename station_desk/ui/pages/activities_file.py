"""One activity's file: its details on top; tabs with who signed up (and who came), its
volunteers (who came, their hours), the goods used and the policy cards handed out; the
buttons that add to it, enter who came after the day, and print the sign-in sheet.

The front desk reads it (``get_activity`` leaves the participants out for it) and prints the
sheet; whoever may not write does not see the writing buttons.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import clock
from ...core.errors import StationError
from ...core.money import yuan
from ...core.services import activities
from ...messages import describe_error
from ..labels import label
from ..models.table import Column, RowsTableModel
from .parts import button, fitted_table


def _tab(table, *buttons) -> QWidget:
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.addWidget(table, 1)
    if buttons:
        row = QHBoxLayout()
        for widget in buttons:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
    return tab


class ActivityFile(QWidget):
    back = Signal()
    changed = Signal(int)  # the activity was written from here

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("activityFile")
        self.context = context
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("activities.edit")
        self.activity_id: int | None = None
        self.detail: activities.ActivityDetail | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(button(self.tr("← Back to the list"), "activityBack", self.back.emit))
        self.title = QLabel()
        self.title.setObjectName("subheading")
        top.addWidget(self.title, 1)
        self.edit_button = button(self.tr("Edit…"), "activityEdit", self.edit)
        self.came_button = button(self.tr("Who came…"), "activityCame", self.who_came)
        self.sheet_button = button(self.tr("Print sign-in sheet…"), "activitySheet",
                                   self.print_sheet)
        for widget in (self.edit_button, self.came_button):
            widget.setVisible(self.can_edit)
            top.addWidget(widget)
        top.addWidget(self.sheet_button)
        layout.addLayout(top)
        self.header = QLabel()
        self.header.setObjectName("activityHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("activityTabs")
        self.people_model = RowsTableModel([
            Column(self.tr("Household"), lambda p: p.head_name),
            Column(self.tr("Member"), lambda p: p.name if p.member_id else
                   self.tr("Whole household")),
            Column(self.tr("Village"), lambda p: p.village),
            Column(self.tr("Came"), lambda p: "✓" if p.attended else ""),
        ], self)
        self.people_view = fitted_table(self.people_model, "activityPeople", stretch=1)
        self.add_people_button = button(self.tr("Add…"), "addParticipants", self.add_people)
        self.remove_person_button = button(self.tr("Remove"), "removeParticipant",
                                           self.remove_person)
        self.people_view.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.people_note = QLabel()
        self.people_note.setObjectName("muted")
        people_tab = _tab(self.people_view, self.add_people_button, self.remove_person_button)
        people_tab.layout().insertWidget(0, self.people_note)
        self.tabs.addTab(people_tab, self.tr("Participants"))

        self.helper_model = RowsTableModel([
            Column(self.tr("Volunteer"), lambda h: h.name),
            Column(self.tr("Phone"), lambda h: f"****{h.phone_tail}" if h.phone_tail else ""),
            Column(self.tr("Came"), lambda h: "✓" if h.came else ""),
            Column(self.tr("Hours"), lambda h: f"{h.hours:g}" if h.came else "",
                   align_right=True),
        ], self)
        self.helper_view = fitted_table(self.helper_model, "activityVolunteers", stretch=0)
        self.volunteers_button = button(self.tr("Choose volunteers…"), "chooseVolunteers",
                                        self.choose_volunteers)
        self.tabs.addTab(_tab(self.helper_view, self.volunteers_button), self.tr("Volunteers"))

        self.goods_model = RowsTableModel([
            Column(self.tr("Date"), lambda g: g.moved_on),
            Column(self.tr("Goods"), lambda g: g.item, muted=lambda g: g.reversed),
            Column(self.tr("Quantity"), lambda g: f"{g.quantity} {g.unit}", align_right=True),
            Column(self.tr("Value (yuan)"), lambda g: yuan(g.value_fen), align_right=True),
            Column(self.tr("Note"), lambda g: self.tr("Taken back") if g.reversed else ""),
        ], self)
        self.goods_view = fitted_table(self.goods_model, "activityGoodsUsed", stretch=1)
        self.goods_button = button(self.tr("Use goods…"), "useGoods", self.use_goods)
        self.tabs.addTab(_tab(self.goods_view, self.goods_button), self.tr("Goods used"))

        self.cards_model = RowsTableModel([
            Column(self.tr("Policy"), lambda c: c.policy),
            Column(self.tr("Version"), lambda c: c.version, align_right=True),
            Column(self.tr("Quantity"), lambda c: c.quantity, align_right=True),
            Column(self.tr("Village"), lambda c: c.village),
        ], self)
        self.cards_view = fitted_table(self.cards_model, "activityCards", stretch=0)
        self.cards_button = button(self.tr("Hand out cards…"), "handOutCards", self.hand_out)
        self.tabs.addTab(_tab(self.cards_view, self.cards_button), self.tr("Policy cards"))
        layout.addWidget(self.tabs, 1)

        self.add_people_button.setVisible(self.can_edit and self.actor.can("households.view"))
        self.remove_person_button.setVisible(self.can_edit and self.actor.can("households.view"))
        self.volunteers_button.setVisible(self.can_edit)
        self.goods_button.setVisible(self.can_edit and self.actor.can("inventory.give"))
        self.cards_button.setVisible(self.can_edit and self.actor.can("policies.distribute"))

    # --- showing -----------------------------------------------------------------------

    def show_activity(self, activity_id: int) -> None:
        """Read the activity and show it; a refusal propagates to the caller."""
        detail = activities.get_activity(self.actor, activity_id)
        self.activity_id = activity_id
        self.detail = detail
        self._show(detail)

    def reload(self) -> None:
        if self.activity_id is not None:
            try:
                self.show_activity(self.activity_id)
            except StationError:
                pass  # gone: the page's list shows what is left

    def _show(self, detail: activities.ActivityDetail) -> None:
        row = detail.activity
        self.title.setText(f"{row.title} · {label('activity_status', row.status)}")
        cells = [
            (self.tr("Kind"), label("activity_kind", row.kind)),
            (self.tr("Date"), f"{row.held_on} {row.start_time}–{row.end_time}"),
            (self.tr("Place"), " · ".join(x for x in (row.place, detail.village) if x)),
            (self.tr("Organiser"), row.organiser), (self.tr("Project"), detail.project),
            (self.tr("Partners"), row.partners), (self.tr("Theme"), row.theme),
        ]
        head = "　".join(f"<b>{html.escape(c)}</b> {html.escape(str(v))}"
                        for c, v in cells if v)
        signed_up, came = self._counts(detail)
        figures = (self.tr("Signed up %1 · came %2 · not on file %3 · person-times %4 · "
                           "volunteers %5 · goods %6 yuan")
                   .replace("%1", str(signed_up)).replace("%2", str(came))
                   .replace("%3", str(row.extra_count))
                   .replace("%4", str(came + row.extra_count))
                   .replace("%5", str(len(detail.volunteers)))
                   .replace("%6", yuan(detail.goods_value_fen)))
        text = f"<p style='margin:0'>{head}</p><p style='margin:4px 0 0 0'>" \
               f"{html.escape(figures)}</p>"
        if row.summary.strip():
            caption = html.escape(self.tr("Summary"))
            summary = html.escape(row.summary.strip()).replace("\n", "<br>")
            text += f"<p style='margin:4px 0 0 0'><b>{caption}</b> {summary}</p>"
        self.header.setText(text)
        self.people_model.set_rows(detail.participants)
        self.people_note.setText("" if self.actor.can("households.view") else self.tr(
            "Who signed up is shown to staff who keep the household files only."))
        self.people_note.setVisible(not self.actor.can("households.view"))
        self.helper_model.set_rows(detail.volunteers)
        self.goods_model.set_rows(detail.goods)
        self.cards_model.set_rows(detail.cards)
        self._enable()

    def _counts(self, detail: activities.ActivityDetail) -> tuple[int, int]:
        """Signed up and came: from the names, or (for whoever may not see them) the list's
        counts of the activity."""
        if self.actor.can("households.view"):
            return len(detail.participants), detail.came
        row = detail.activity
        day = row.held_on
        for listed in activities.list_activities(self.actor, activities.ActivityQuery(
                date_from=day, date_to=day)):
            if listed.id == row.id:
                return listed.signed_up, listed.came
        return 0, 0

    def _enable(self) -> None:
        open_ = self.detail is not None and self.detail.activity.status != "cancelled"
        for widget in (self.edit_button, self.came_button, self.add_people_button,
                       self.volunteers_button, self.goods_button, self.cards_button,
                       self.sheet_button):
            widget.setEnabled(open_)
        self.remove_person_button.setEnabled(
            open_ and self.people_view.selectionModel().hasSelection())
        if open_:  # who came is entered after the day
            day = self.detail.activity.held_on
            day = day if isinstance(day, _dt.date) else _dt.date.fromisoformat(str(day)[:10])
            self.came_button.setEnabled(day <= clock.today())

    # --- writing -----------------------------------------------------------------------

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))

    def _dialog(self, name: str):
        """Run one of the activity's forms; after a save, show the activity again."""
        from ..dialogs import activity_forms

        if self.activity_id is None:
            return None
        try:
            saved = getattr(activity_forms, name).ask(self, self.actor, self.activity_id,
                                                      self.lang)
        except StationError as error:
            self._refused(error)
            return None
        if saved is not None:
            self.reload()
            self.changed.emit(self.activity_id)
        return saved

    def edit(self) -> None:
        self._dialog("ActivityDialog")

    def add_people(self) -> None:
        self._dialog("AddParticipantsDialog")

    def choose_volunteers(self) -> None:
        # an activity's own shift asks no skill: the roster's warnings never concern it
        self._dialog("ActivityVolunteersDialog")

    def use_goods(self) -> None:
        self._dialog("UseGoodsDialog")

    def hand_out(self) -> None:
        self._dialog("HandOutCardsDialog")

    def who_came(self) -> None:
        self._dialog("AttendanceDialog")

    def remove_person(self) -> None:
        if not self.people_view.selectionModel().hasSelection():
            return
        person = self.people_model.row_at(self.people_view.currentIndex().row())
        if person is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove"), self.tr(
            "Take %1 off the activity's list?").replace("%1", person.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            activities.remove_participant(self.actor, person.id)
        except StationError as error:
            self._refused(error)
            return
        self.reload()
        self.changed.emit(self.activity_id)

    def print_sheet(self) -> None:
        """签到表: small, built in place, then previewed."""
        import tempfile
        from pathlib import Path

        from ...core.reports import activity_sheet
        from ...core.services import activity_exports
        from ..dialogs import pdf_preview

        if self.activity_id is None:
            return
        try:
            data = activity_exports.sheet_data(self.actor, self.activity_id)
        except StationError as error:
            self._refused(error)
            return
        if getattr(self, "_print_dir", None) is None:  # removed with the page
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-activity-")
        out = Path(self._print_dir.name) / f"activity-{self.activity_id}.pdf"
        activity_sheet.build(data, out, lang=self.lang)
        pdf_preview.preview_printout(self, out, activity_sheet.problems(data),
                                     self.tr("Sign-in sheet: %1").replace("%1", data.title))
