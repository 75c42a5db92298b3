"""政策明白卡: the policies the station explains door to door, their numbered card texts, the
cards printed and where they went.

Three tabs: the policies with each one's version history, the selected version's text and
a side-by-side comparison of two versions (``list``); cards handed out per village × policy
against the households eligible (``coverage``); and the distribution ledger (``distribution``,
in ``policies_ledger.py`` with the coverage table). Editing happens in ``PolicyEditorDialog``
(live wallet-card preview); a printed version never changes, so an edit of it files the next
version. The front desk sees everything and prints plain cards; editing, publishing and
recording distributions are for the head and social workers.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import StationError
from ...core.services import policies
from ...messages import describe_error
from ..dialogs.policy_editor import (
    PolicyEditorDialog,
    PolicyFormDialog,
    section_title,
    status_title,
)
from ..labels import yes_no
from ..models.table import Column, RowsTableModel
from .base import Page
from .parts import button, fitted_table
from .policies_ledger import CoverageTab, DistributionTab

POLICY_TABLES = frozenset({"policy", "policy_version", "policy_category", "print_run",
                           "distribution", "village", "category", "household"})

DELETED = "color:#b71c1c; background:#ffebee; text-decoration:line-through;"
INSERTED = "color:#1b5e20; background:#e8f5e9; font-weight:bold;"


def _text_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def diff_html(parts, side: str) -> str:
    """One side of a section's diff: the old text with what was deleted struck through in
    red (``side="old"``), or the new one with what was inserted in green."""
    shown = []
    for tag, text in parts:
        if tag == "equal":
            shown.append(_text_html(text))
        elif tag == "delete" and side == "old":
            shown.append(f'<span style="{DELETED}">{_text_html(text)}</span>')
        elif tag == "insert" and side == "new":
            shown.append(f'<span style="{INSERTED}">{_text_html(text)}</span>')
    return "".join(shown) or "—"


class PolicyListTab(QWidget):
    """The policies, the selected one's versions, a version's text, and two compared."""

    watches = frozenset({"policy", "policy_version", "policy_category", "print_run"})

    def __init__(self, context, page) -> None:
        super().__init__(page)
        self.setObjectName("tab_list")
        self.context = context
        self.page = page
        self.actor = context.actor
        self.can_edit = self.actor.can("policies.edit")
        self.can_print = self.actor.can("policies.print")
        layout = QVBoxLayout(self)

        buttons = QHBoxLayout()
        self.new_policy_button = button(self.tr("New policy…"), "newPolicy", self.new_policy)
        self.edit_policy_button = button(self.tr("Edit policy…"), "editPolicy", self.edit_policy)
        self.edit_text_button = button(self.tr("Edit card text…"), "editText", self.edit_text)
        self.publish_button = button(self.tr("Publish"), "publishVersion", self.publish)
        self.retire_button = button(self.tr("Retire"), "retireVersion", self.retire)
        self.print_button = button(self.tr("Print cards…"), "printCards", self.print_cards)
        self.edit_buttons = (self.new_policy_button, self.edit_policy_button,
                             self.edit_text_button, self.publish_button, self.retire_button)
        for made in self.edit_buttons:
            made.setVisible(self.can_edit)
            buttons.addWidget(made)
        self.print_button.setVisible(self.can_print)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("policyCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        def version_text(v) -> str:
            return (self.tr("Version %1").replace("%1", str(v.number)) if v is not None
                    else "—")

        columns = [
            Column(self.tr("Short name"), lambda r: r.short_name),
            Column(self.tr("Title"), lambda r: r.title),
            Column(self.tr("Area"), lambda r: r.area),
            Column(self.tr("Serves"), lambda r: "、".join(r.categories)),
            Column(self.tr("In force"), lambda r: version_text(r.current),
                   muted=lambda r: r.current is None),
            Column(self.tr("Latest"), lambda r: (
                f"{version_text(r.latest)} · {status_title(r.latest.status)}"
                if r.latest else "—")),
            Column(self.tr("Printed"), lambda r: yes_no(r.latest.printed) if r.latest else "—"),
        ]
        self.model = RowsTableModel(columns, self)
        self.view = fitted_table(self.model, "policiesTable", stretch=3)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.load_versions())
        self.view.doubleClicked.connect(lambda _i: self.edit_text())

        version_columns = [
            Column(self.tr("Version"), lambda v: str(v.number), align_right=True),
            Column(self.tr("Status"), lambda v: status_title(v.status),
                   muted=lambda v: v.status == "retired"),
            Column(self.tr("Printed"), lambda v: yes_no(v.printed)),
            Column(self.tr("Effective"), lambda v: v.effective_on.isoformat()
                   if v.effective_on else ""),
            Column(self.tr("Change note"), lambda v: v.change_note),
            Column(self.tr("By"), lambda v: v.created_by_name),
        ]
        self.versions_model = RowsTableModel(version_columns, self)
        self.versions_view = fitted_table(self.versions_model, "versionsTable", stretch=4)
        self.versions_view.selectionModel().selectionChanged.connect(
            lambda *_a: self.show_version())
        self.versions_view.doubleClicked.connect(lambda _i: self.edit_text())

        self.text_view = QTextBrowser()
        self.text_view.setObjectName("versionText")
        compare = QWidget()
        compare.setObjectName("compareTab")
        compare_layout = QVBoxLayout(compare)
        pick = QHBoxLayout()
        self.old_box = QComboBox()
        self.old_box.setObjectName("compareOld")
        self.new_box = QComboBox()
        self.new_box.setObjectName("compareNew")
        pick.addWidget(QLabel(self.tr("Compare")))
        pick.addWidget(self.old_box)
        pick.addWidget(QLabel(self.tr("with")))
        pick.addWidget(self.new_box)
        pick.addStretch(1)
        compare_layout.addLayout(pick)
        self.compare_view = QTextBrowser()
        self.compare_view.setObjectName("compareView")
        compare_layout.addWidget(self.compare_view)
        self.old_box.currentIndexChanged.connect(lambda _i: self.show_compare())
        self.new_box.currentIndexChanged.connect(lambda _i: self.show_compare())
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("versionTabs")
        self.detail_tabs.addTab(self.text_view, self.tr("Card text"))
        self.detail_tabs.addTab(compare, self.tr("Compare versions"))

        # The policies across the top (a station has a handful); below, the chosen one's
        # versions beside the text of one of them or a comparison of two.
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.versions_view)
        below.addWidget(self.detail_tabs)
        below.setStretchFactor(0, 1)
        below.setStretchFactor(1, 1)
        below.setSizes([600, 460])  # room for the change notes
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("policiesSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([270, 430])  # the starter cards' 7 rows show whole
        layout.addWidget(splitter, 1)
        self._buttons_enabled()

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.current_policy()
        version = self.current_version()
        rows = policies.list_policies(self.actor)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 policies").replace("%1", str(len(rows))))
        if rows:
            self.select_policy(chosen.id if chosen else rows[0].id,
                               version.id if version else None)
        else:
            self.load_versions()

    def current_policy(self) -> policies.PolicyRow | None:
        if not self.view.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.view.currentIndex().row())

    def current_version(self) -> policies.VersionRow | None:
        if not self.versions_view.selectionModel().hasSelection():
            return None
        return self.versions_model.row_at(self.versions_view.currentIndex().row())

    def select_policy(self, policy_id: int, version_id: int | None = None) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == policy_id:
                self.view.selectRow(i)
                break
        if version_id is not None:
            self.select_version(version_id)

    def select_version(self, version_id: int) -> None:
        for i in range(self.versions_model.rowCount()):
            if self.versions_model.row_at(i).id == version_id:
                self.versions_view.selectRow(i)
                return

    def load_versions(self) -> None:
        policy = self.current_policy()
        rows = policies.versions(self.actor, policy.id) if policy else []
        self.versions_model.set_rows(rows)
        for box in (self.old_box, self.new_box):
            box.blockSignals(True)
            box.clear()
            for row in rows:
                box.addItem(self.tr("Version %1 (%2)").replace("%1", str(row.number))
                            .replace("%2", status_title(row.status)), row.id)
            box.blockSignals(False)
        if rows:
            # Newest against the one before it: what changed last.
            self.new_box.setCurrentIndex(0)
            self.old_box.setCurrentIndex(min(1, len(rows) - 1))
            in_force = next((i for i, r in enumerate(rows) if r.status == "published"), 0)
            self.versions_view.selectRow(in_force)
        self.show_version()
        self.show_compare()

    def show_version(self) -> None:
        version = self.current_version()
        policy = self.current_policy()
        self._buttons_enabled()
        if version is None or policy is None:
            self.text_view.setHtml("")
            return
        facts = [self.tr("Version %1").replace("%1", str(version.number)),
                 status_title(version.status)]
        if version.printed:
            facts.append(self.tr("printed"))
        if version.effective_on:
            facts.append(self.tr("effective %1").replace("%1", version.effective_on.isoformat()))
        lines = [f"<h3>{html.escape(policy.title)}</h3>",
                 f"<p style='color:#666'>{html.escape(' · '.join(facts))}</p>"]
        for key in policies.SECTIONS:
            lines.append(f"<p><b>{html.escape(section_title(key))}</b><br>"
                         f"{_text_html(getattr(version, key)) or '—'}</p>")
        if version.change_note:
            note = self.tr("Change note: %1").replace("%1", version.change_note)
            lines.append(f"<p style='color:#666'>{html.escape(note)}</p>")
        self.text_view.setHtml("".join(lines))

    def show_compare(self) -> None:
        old_id, new_id = self.old_box.currentData(), self.new_box.currentData()
        if old_id is None or new_id is None:
            self.compare_view.setHtml("")
            return
        changes = policies.compare(self.actor, old_id, new_id)
        head = (f"<tr><th></th><th align='left'>{html.escape(self.old_box.currentText())}</th>"
                f"<th align='left'>{html.escape(self.new_box.currentText())}</th></tr>")
        rows = []
        changed = html.escape(self.tr("changed"))
        for change in changes:
            mark = f"<br><span style='color:#e65100'>{changed}</span>" if change.changed else ""
            rows.append(f"<tr><td valign='top' width='18%'><b>{html.escape(section_title(change.section))}"
                        f"</b>{mark}</td><td valign='top' width='41%'>{diff_html(change.diff, 'old')}</td>"
                        f"<td valign='top' width='41%'>{diff_html(change.diff, 'new')}</td></tr>")
        same_text = self.tr("The two versions have the same text.")
        same = "" if any(c.changed for c in changes) else f"<p>{html.escape(same_text)}</p>"
        self.compare_view.setHtml(
            f"{same}<table width='100%' cellspacing='0' cellpadding='6' border='1' "
            f"style='border-collapse:collapse; border-color:#ccc'>{head}{''.join(rows)}</table>")

    def _buttons_enabled(self) -> None:
        policy, version = self.current_policy(), self.current_version()
        self.edit_policy_button.setEnabled(policy is not None)
        self.edit_text_button.setEnabled(policy is not None)
        self.publish_button.setEnabled(version is not None and version.status != "published")
        self.retire_button.setEnabled(version is not None and version.status != "retired")
        self.print_button.setEnabled(policy is not None and policy.latest is not None)

    # --- actions -----------------------------------------------------------------------

    def _refused(self, error: StationError) -> None:
        QMessageBox.warning(self, self.tr("Not done"), describe_error(error, self.context.lang))

    def new_policy(self) -> None:
        saved = PolicyFormDialog.ask(self, self.context)
        if saved is not None:
            self.refresh()
            self.select_policy(saved.id)
            self.edit_text()

    def edit_policy(self) -> None:
        policy = self.current_policy()
        if policy is None or not self.can_edit:
            return
        saved = PolicyFormDialog.ask(self, self.context, policy)
        if saved is not None:
            self.refresh()

    def edit_text(self) -> None:
        """Edit the selected version (a printed one: the edit becomes the next version)."""
        policy = self.current_policy()
        if policy is None or not self.can_edit:
            return
        saved = PolicyEditorDialog.ask(self, self.context, policy, self.current_version())
        if saved is not None:
            self.refresh()
            self.select_policy(policy.id, saved.id)

    def publish(self) -> None:
        self._set_status(self.tr("Publish"), self.tr(
            "Put version %1 of %2 in force? The version in force now is retired."),
            policies.publish_version)

    def retire(self) -> None:
        self._set_status(self.tr("Retire"), self.tr(
            "Retire version %1 of %2? It is no longer printed on personalised cards."),
            policies.retire_version)

    def _set_status(self, title: str, question: str, change) -> None:
        """Ask, then publish or retire the selected version."""
        version, policy = self.current_version(), self.current_policy()
        if version is None or policy is None or not self.can_edit:
            return
        answer = QMessageBox.question(self, title, question.replace(
            "%1", str(version.number)).replace("%2", policy.short_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            change(self.actor, version.id)
        except StationError as error:
            self._refused(error)
            return
        self.refresh()

    def print_cards(self) -> None:
        from ..dialogs.print_cards import PrintCardsDialog, print_cards

        policy, version = self.current_policy(), self.current_version()
        job = PrintCardsDialog.ask(self, self.context, policy.id if policy else None,
                                   version.id if version else None)
        if job is not None:
            self.operation = print_cards(self, self.context, job,
                                         self.page.print_path("policy-cards.pdf"))


class PoliciesPage(Page):
    name = "policies"
    watches = POLICY_TABLES
    SECTIONS = ("list", "coverage", "distribution")

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("policiesTabs")
        self.list_tab = PolicyListTab(context, self)
        self.coverage_tab = CoverageTab(context, self)
        self.distribution_tab = DistributionTab(context, self)
        for widget, title in ((self.list_tab, self.tr("Policies and versions")),
                              (self.coverage_tab, self.tr("Coverage by village")),
                              (self.distribution_tab, self.tr("Cards handed out"))):
            self.tabs.addTab(widget, title)
        layout.addWidget(self.tabs)
        self._print_dir = None

    def tab_widgets(self):
        return (self.list_tab, self.coverage_tab, self.distribution_tab)

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        for tab in self.tab_widgets():
            if tables is None or tables & tab.watches:
                tab.refresh()

    def open_section(self, section: str) -> None:
        if section in self.SECTIONS:
            self.tabs.setCurrentIndex(self.SECTIONS.index(section))

    def print_path(self, name: str):
        import tempfile
        from pathlib import Path

        if self._print_dir is None:
            # One folder for this page's printouts, removed with the page.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        return Path(self._print_dir.name) / name
