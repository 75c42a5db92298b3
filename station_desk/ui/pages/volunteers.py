"""志愿者: the volunteer registry, its teams (服务队) and skill tags, and volunteer cards.

The list is a QTableView over rows from ``volunteers.list_volunteers`` (filtered in SQL: a
station has a few hundred volunteers). Phones are masked. 补发志愿者卡 issues a new card
code and revokes the one before; the code is never shown in full (the card printout uses
it), only its last characters, to tell cards apart. Teams and skill tags are edited on their
own tabs and never deleted, only taken out of use.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...core.services import volunteers
from ...core.services.volunteers import VOLUNTEER_STATUSES
from ...messages import describe_error
from ..dialogs.form_dialog import Field, FormDialog
from ..dialogs.volunteer_form import VolunteerFormDialog, status_name
from ..labels import label, yes_no
from ..models.table import Column, RowsTableModel
from .base import Page
from .parts import button as _button
from .parts import combo as _combo
from .parts import fill as _fill
from .parts import fitted_table as _table
from .parts import search_box as _search_box

SEARCH_PAUSE_MS = 150




class VolunteersPage(Page):
    name = "volunteers"
    watches = frozenset({"volunteer", "team", "skill", "card_token", "certificate"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.actor = context.actor
        self.lang = context.lang
        self.can_edit = self.actor.can("volunteers.edit")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.load_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("volunteersTabs")
        self.tabs.addTab(self._list_tab(), self.tr("Volunteers"))
        self.tabs.addTab(self._teams_tab(), self.tr("Teams"))
        self.tabs.addTab(self._skills_tab(), self.tr("Skills"))
        self.tabs.addTab(self._certificates_tab(), self.tr("Hours certificates"))
        layout.addWidget(self.tabs)

    # --- the list ----------------------------------------------------------------------

    def _list_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_volunteers")
        layout = QVBoxLayout(tab)
        filters = QHBoxLayout()
        self.search = _search_box("volunteerSearch", self.tr("Name, pinyin initials or phone tail"),
                                  lambda: self._search_timer.start(), self.load_list, 240)
        self.team_filter = _combo("teamFilter")
        self.skill_filter = _combo("skillFilter")
        self.status_filter = _combo("volunteerStatusFilter")
        _fill(self.status_filter, [("active", status_name("active")), ("", self.tr("All statuses"))]
              + [(s, status_name(s)) for s in VOLUNTEER_STATUSES[1:]])
        filters.addWidget(self.search, 1)
        for combo in (self.team_filter, self.skill_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.load_list())
            filters.addWidget(combo)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.add_button = _button(self.tr("New volunteer"), "addVolunteer", self.new_volunteer)
        self.edit_button = _button(self.tr("Edit"), "editVolunteer",
                                   lambda: self._with_current(self.edit_volunteer))
        self.card_button = _button(self.tr("Issue new volunteer card"), "issueCard",
                                   lambda: self._with_current(self.issue_card))
        self.revoke_button = _button(self.tr("Revoke card"), "revokeCard",
                                     lambda: self._with_current(self.revoke_card))
        self.certificate_button = _button(self.tr("Issue hours certificate…"), "issueCertificate",
                                          lambda: self._with_current(self.issue_certificate))
        self.print_cards_button = _button(self.tr("Print volunteer cards…"), "printCards",
                                          self.print_cards)
        self.import_button = _button(self.tr("Import volunteers…"), "importVolunteers",
                                     self.import_volunteers)
        self.row_buttons = [self.edit_button, self.card_button, self.revoke_button,
                            self.certificate_button]
        for button in (self.add_button, *self.row_buttons, self.print_cards_button,
                       self.import_button):
            button.setVisible(self.can_edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("volunteerCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        columns = [
            Column(self.tr("Name"), lambda r: r.name + (self.tr(" (leader)") if r.team_leader else "")),
            Column(self.tr("Gender"), lambda r: label("gender", r.gender) if r.gender else ""),
            Column(self.tr("Phone"), lambda r: r.phone),
            Column(self.tr("Team"), lambda r: r.team_name),
            Column(self.tr("Skills"), lambda r: r.skills),
            Column(self.tr("Party member"), lambda r: yes_no(r.party_member)),
            Column(self.tr("Volunteer number"), lambda r: r.platform_number),
            Column(self.tr("Status"), lambda r: status_name(r.status),
                   muted=lambda r: r.status != "active"),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = _table(self.model, "volunteersTable", stretch=4)  # the skills
        self.view.doubleClicked.connect(lambda _i: self._with_current(self.edit_volunteer))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.view)
        self._selection_changed()
        return tab

    def query(self) -> volunteers.VolunteerQuery:
        return volunteers.VolunteerQuery(
            text=self.search.text(), team_id=self.team_filter.currentData(),
            skill_id=self.skill_filter.currentData(), status=self.status_filter.currentData() or None)

    def load_list(self) -> None:
        self._search_timer.stop()
        rows = volunteers.list_volunteers(self.actor, self.query())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 volunteers").replace("%1", str(len(rows))))
        self._selection_changed()

    def current_row(self) -> volunteers.VolunteerRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def _selection_changed(self) -> None:
        has_row = self.current_row() is not None
        for button in self.row_buttons:
            button.setEnabled(has_row)

    def _with_current(self, handler: Callable[[volunteers.VolunteerRow], None]) -> None:
        row = self.current_row()
        if row is not None and self.can_edit:
            handler(row)

    def select_volunteer(self, volunteer_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == volunteer_id:
                self.view.selectRow(i)
                return

    def _choices(self, keep_team: int | None = None, keep_skills=()) -> tuple[list, list]:
        """Teams and skills in use, plus the volunteer's own ones that no longer are."""
        teams = [(t.id, t.name) for t in volunteers.list_teams(self.actor)
                 if t.active or t.id == keep_team]
        skills = [(s.id, s.name) for s in volunteers.list_skills(self.actor)
                  if s.active or s.id in keep_skills]
        return teams, skills

    def new_volunteer(self) -> None:
        teams, skills = self._choices()
        saved = VolunteerFormDialog.ask(self, self.actor, teams, skills, None, self.lang)
        if saved is not None:
            self.refresh()
            self.select_volunteer(saved.id)

    def edit_volunteer(self, row: volunteers.VolunteerRow) -> None:
        detail = volunteers.get_volunteer(self.actor, row.id)
        teams, skills = self._choices(detail.team_id, detail.skill_ids)
        saved = VolunteerFormDialog.ask(self, self.actor, teams, skills, detail, self.lang)
        if saved is not None:
            self.refresh()
            self.select_volunteer(saved.id)

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.lang))

    def issue_card(self, row: volunteers.VolunteerRow) -> None:
        detail = volunteers.get_volunteer(self.actor, row.id)
        question = (self.tr("Issue a new card for %1? The card they hold now is revoked and no "
                            "longer signs in at the kiosk.") if detail.has_card
                    else self.tr("Issue a volunteer card for %1?")).replace("%1", row.name)
        answer = QMessageBox.question(self, self.tr("Issue new volunteer card"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            token = volunteers.issue_card(self.actor, row.id)
        except StationError as error:
            self._refused(error)
            return
        QMessageBox.information(self, self.tr("Issue new volunteer card"), self.tr(
            "A new card code was issued for %1 (it ends in …%2); the card printout uses it.")
            .replace("%1", row.name).replace("%2", token[-4:]))

    def revoke_card(self, row: volunteers.VolunteerRow) -> None:
        cards = [c for c in volunteers.list_cards(self.actor, row.id) if c.revoked_at is None]
        if not cards:
            QMessageBox.information(self, self.tr("Revoke card"),
                                    self.tr("%1 holds no valid card.").replace("%1", row.name))
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Revoke card"),
            self.tr("Why is the card of %1 revoked (lost, stolen ...)?").replace("%1", row.name))
        if not ok:
            return
        try:
            for card in cards:
                volunteers.revoke_card(self.actor, card.id, reason)
        except StationError as error:
            self._refused(error)

    # --- printouts: cards and hours certificates -----------------------------------------

    def _print_path(self, name: str):
        import tempfile
        from pathlib import Path

        if getattr(self, "_print_dir", None) is None:
            # One folder for this page's printouts, removed with the page.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        return Path(self._print_dir.name) / name

    def _preview(self, path, problems: list, title: str) -> None:
        from ..dialogs.pdf_preview import preview_printout

        preview_printout(self, path, problems, title)

    def print_cards(self) -> None:
        """志愿者卡 for the team chosen in the filter (or everyone) holding a valid card."""
        from ...core.reports import volunteer_cards as report
        from .. import ops

        out = self._print_path("volunteer-cards.pdf")
        actor, lang, team_id = self.actor, self.lang, self.team_filter.currentData()

        def build():
            sheet = report.gather(actor, team_id, lang=lang)
            if sheet.cards:
                report.build(sheet, out, lang=lang)
            return len(sheet.cards), sheet.without_card, report.check(sheet)

        operation = ops.run_operation(self, self.tr("Preparing the volunteer cards…"), build,
                                      cancellable=False)
        operation.finished.connect(self._cards_ready)
        self._cards_out = out

    def import_volunteers(self) -> None:
        """导入志愿者: a roster from Excel or CSV, checked first; the list shows the result."""
        from ..dialogs.import_volunteers import ImportVolunteersDialog

        if ImportVolunteersDialog.ask(self, self.context) is not None:
            self.refresh()

    def _cards_ready(self, result) -> None:
        printed, without, problems = result
        title = self.tr("Volunteer cards")
        if not printed:
            QMessageBox.information(self, title, self.tr(
                "Nobody here holds a valid volunteer card: issue cards first."))
            return
        if without:
            QMessageBox.information(self, title, self.tr(
                "%1 cards are ready. %2 volunteers hold no valid card and are not printed; "
                "issue them a card first.").replace("%1", str(printed)).replace("%2", str(without)))
        self._preview(self._cards_out, problems, title)

    def issue_certificate(self, row: volunteers.VolunteerRow) -> None:
        """Ask for the period, file a numbered 志愿服务时长证明, and preview it."""
        import datetime as dt

        from ...core.clock import today
        from ...core.services import certificates
        from ...core.validate import date_value

        fields = [Field("period_from", self.tr("Service from (YYYY-MM-DD)")),
                  Field("period_to", self.tr("Service to (YYYY-MM-DD)"))]
        end = today()
        values = {"period_from": dt.date(end.year, 1, 1).isoformat(), "period_to": end.isoformat()}

        def issue(v: dict) -> int:
            start = date_value(v["period_from"], field="period_from", required=True)
            finish = date_value(v["period_to"], field="period_to", required=True)
            if start <= finish and not self.go_on_despite_pending(row, start, finish):
                return None  # the user stops to confirm those visits first; nothing filed
            return certificates.issue_certificate(self.actor, row.id, start, finish)

        issued = FormDialog.ask(self, self.tr("Hours certificate for %1").replace("%1", row.name),
                                fields, values, issue)
        if issued is not None:
            self.print_certificate(issued)

    def go_on_despite_pending(self, row: volunteers.VolunteerRow, start, finish) -> bool:
        """Visits in the period still waiting for confirmation (补登) count in the hours as
        credited so far: say so and ask before the certificate is filed."""
        from ...core.services import certificates

        service = certificates.service_record(self.actor, row.id, start, finish)
        if not service.pending:
            return True
        answer = QMessageBox.question(
            self, self.tr("Hours certificate for %1").replace("%1", row.name),
            self.tr("In this period %1 sign-ins are waiting for confirmation (补登), %2 hours "
                    "in all; better confirm them first under Attendance and hours.\n\n"
                    "Issue the certificate anyway?")
            .replace("%1", str(service.pending)).replace("%2", f"{service.pending_hours:g}"))
        return answer == QMessageBox.StandardButton.Yes

    def print_certificate(self, certificate_id: int) -> None:
        from ...core.reports import certificate as report
        from ...core.services import certificates
        from .. import ops

        out = self._print_path(f"certificate-{certificate_id}.pdf")
        actor, lang = self.actor, self.lang

        def build():
            data = certificates.certificate_data(actor, certificate_id)
            report.build(data, out, lang=lang)
            return report.check(data)

        operation = ops.run_operation(self, self.tr("Preparing the hours certificate…"), build,
                                      cancellable=False)
        operation.finished.connect(
            lambda problems: self._preview(out, problems, self.tr("Hours certificate")))

    SECTIONS = ("list", "teams", "skills", "certificates")

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS:
            self.tabs.setCurrentIndex(self.SECTIONS.index(section))

    # --- teams and skills --------------------------------------------------------------

    def _lookup_tab(self, name: str, columns: list[Column], add_text: str,
                    edit: Callable[[object | None], None]) -> tuple[QWidget, RowsTableModel, QTableView]:
        tab = QWidget()
        tab.setObjectName(f"tab_{name}")
        layout = QVBoxLayout(tab)
        model = RowsTableModel(columns, self)
        view = _table(model, f"{name}Table")
        buttons = QHBoxLayout()
        add = _button(add_text, f"add_{name}", lambda: edit(None))
        change = _button(self.tr("Edit"), f"edit_{name}", lambda: self._edit_selected(view, model, edit))
        for button in (add, change):
            button.setVisible(self.can_edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(view)
        view.doubleClicked.connect(lambda _i: self._edit_selected(view, model, edit))
        change.setEnabled(False)
        view.selectionModel().selectionChanged.connect(
            lambda *_a: change.setEnabled(view.selectionModel().hasSelection()))
        model.modelReset.connect(lambda: change.setEnabled(False))
        return tab, model, view

    def _edit_selected(self, view: QTableView, model: RowsTableModel, edit) -> None:
        row = model.row_at(view.currentIndex().row()) if view.selectionModel().hasSelection() else None
        if row is not None and self.can_edit:
            edit(row)

    def _teams_tab(self) -> QWidget:
        columns = [
            Column(self.tr("Team"), lambda t: t.name, muted=lambda t: not t.active),
            Column(self.tr("Leader"), lambda t: t.leader_name),
            Column(self.tr("Volunteers"), lambda t: t.members, align_right=True),
            Column(self.tr("In use"), lambda t: yes_no(t.active)),
            Column(self.tr("Note"), lambda t: t.note),
        ]
        tab, self.teams_model, self.teams_view = self._lookup_tab(
            "teams", columns, self.tr("Add team"), self.edit_team)
        return tab

    def edit_team(self, row: volunteers.TeamRow | None) -> None:
        fields = [Field("name", self.tr("Team")), Field("active", self.tr("In use"), "bool"),
                  Field("note", self.tr("Note"))]
        values = {"name": row.name, "active": row.active, "note": row.note} if row else None
        row_id = row.id if row else None
        FormDialog.ask(self, self.tr("Edit team") if row else self.tr("Add team"), fields, values,
                       lambda v: volunteers.save_team(self.actor, row_id, name=v["name"],
                                                      active=v["active"], note=v["note"]))

    def _skills_tab(self) -> QWidget:
        columns = [
            Column(self.tr("Skill"), lambda s: s.name, muted=lambda s: not s.active),
            Column(self.tr("Volunteers"), lambda s: s.volunteers, align_right=True),
            Column(self.tr("In use"), lambda s: yes_no(s.active)),
        ]
        tab, self.skills_model, self.skills_view = self._lookup_tab(
            "skills", columns, self.tr("Add skill"), self.edit_skill)
        return tab

    def edit_skill(self, row: volunteers.SkillRow | None) -> None:
        fields = [Field("name", self.tr("Skill")), Field("active", self.tr("In use"), "bool")]
        values = {"name": row.name, "active": row.active} if row else None
        row_id = row.id if row else None
        FormDialog.ask(self, self.tr("Edit skill") if row else self.tr("Add skill"), fields, values,
                       lambda v: volunteers.save_skill(self.actor, row_id, name=v["name"],
                                                       active=v["active"]))

    # --- hours certificates on file ------------------------------------------------------

    def _certificates_tab(self) -> QWidget:
        """时长证明: every certificate filed, newest first; reprint or void one."""
        tab = QWidget()
        tab.setObjectName("tab_certificates")
        layout = QVBoxLayout(tab)
        buttons = QHBoxLayout()
        self.reprint_button = _button(self.tr("Print again"), "reprintCertificate",
                                      lambda: self._with_certificate(self.print_certificate_row))
        self.void_button = _button(self.tr("Void…"), "voidCertificate",
                                   lambda: self._with_certificate(self.void_certificate))
        self.void_button.setVisible(self.can_edit)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.void_button)
        buttons.addStretch(1)
        self.certificate_count = QLabel()
        self.certificate_count.setObjectName("certificateCount")
        buttons.addWidget(self.certificate_count)
        layout.addLayout(buttons)

        def void(r) -> bool:
            return r.void

        columns = [
            Column(self.tr("Certificate no."), lambda r: r.number, muted=void),
            Column(self.tr("Volunteer"), lambda r: r.volunteer_name, muted=void),
            Column(self.tr("Service period"),
                   lambda r: f"{r.period_from.isoformat()} – {r.period_to.isoformat()}", muted=void),
            Column(self.tr("Service hours"), lambda r: f"{r.hours:g}", align_right=True, muted=void),
            Column(self.tr("Issued on"), lambda r: r.issued_at[:10], muted=void),
            Column(self.tr("Issued by"), lambda r: r.issued_by_name, muted=void),
            Column(self.tr("Status"), lambda r: (self.tr("Void: %1").replace("%1", r.void_reason)
                                                 if r.void else self.tr("Valid")), muted=void),
        ]
        self.certificates_model = RowsTableModel(columns, self)
        self.certificates_view = _table(self.certificates_model, "certificatesTable")
        self.certificates_view.doubleClicked.connect(
            lambda _i: self._with_certificate(self.print_certificate_row))
        self.certificates_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._certificate_selection_changed())
        self.certificates_model.modelReset.connect(self._certificate_selection_changed)
        layout.addWidget(self.certificates_view)
        self._certificate_selection_changed()
        return tab

    def load_certificates(self) -> None:
        from ...core.services import certificates

        selected = self.current_certificate()
        rows = certificates.list_certificates(self.actor)
        self.certificates_model.set_rows(rows)
        self.certificate_count.setText(self.tr("%1 certificates").replace("%1", str(len(rows))))
        if selected is not None:
            self.select_certificate(selected.id)

    def current_certificate(self):
        if not self.certificates_view.selectionModel().hasSelection():
            return None
        return self.certificates_model.row_at(self.certificates_view.currentIndex().row())

    def select_certificate(self, certificate_id: int) -> None:
        for i in range(self.certificates_model.rowCount()):
            if self.certificates_model.row_at(i).id == certificate_id:
                self.certificates_view.selectRow(i)
                return

    def _certificate_selection_changed(self) -> None:
        row = self.current_certificate()
        self.reprint_button.setEnabled(row is not None)
        self.void_button.setEnabled(row is not None and not row.void)

    def _with_certificate(self, handler) -> None:
        row = self.current_certificate()
        if row is not None:
            handler(row)

    def print_certificate_row(self, row) -> None:
        """重新打印: the certificate as filed (a void one carries 作废)."""
        self.print_certificate(row.id)

    def void_certificate(self, row) -> None:
        """作废: the certificate stays on file, marked void with the reason given."""
        from ...core.services import certificates

        if not self.can_edit or row.void:
            return
        fields = [Field("reason", self.tr("Reason"), "multiline",
                        placeholder=self.tr("Misprinted, wrong period …"))]
        done = FormDialog.ask(
            self, self.tr("Void certificate %1").replace("%1", row.number), fields, None,
            lambda v: certificates.void_certificate(self.actor, row.id, v["reason"]) or True)
        if done:
            self.load_certificates()

    # --- refreshing --------------------------------------------------------------------

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        teams = volunteers.list_teams(self.actor)
        skills = volunteers.list_skills(self.actor)
        self.teams_model.set_rows(teams)
        self.skills_model.set_rows(skills)
        _fill(self.team_filter, [(None, self.tr("All teams"))] + [(t.id, t.name) for t in teams])
        _fill(self.skill_filter, [(None, self.tr("All skills"))] + [(s.id, s.name) for s in skills])
        selected = self.current_row()
        self.load_list()
        if selected is not None:
            self.select_volunteer(selected.id)
        self.load_certificates()
