"""设置: the station's record, villages, categories, tiers, accounts, rules, backups.

Everyone may look; only the roles the services allow may change (buttons are hidden
for the others, and the services refuse anyway).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import backup, settings
from ...core.errors import StationError
from ...core.services import accounts, station
from ...core.services.settings import set_settings
from ...core.validate import mask_phone
from ..dialogs.form_dialog import Field, FormDialog
from ..labels import kind_name, role_name, yes_no
from ..models.table import Column, RowsTableModel, make_table
from .base import Page


def _make_table(model: RowsTableModel, name: str) -> QTableView:
    view = make_table(model, name)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class TableTab(QWidget):
    """A table with add / edit buttons; ``load`` fetches the rows from a service."""

    def __init__(self, name: str, columns: list[Column], load: Callable[[], list],
                 can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tab_{name}")
        self.model = RowsTableModel(columns, self)
        self.view = _make_table(self.model, f"{name}Table")
        self._load = load
        layout = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        layout.addWidget(self.view)
        self.can_edit = can_edit
        self.row_buttons: list[QPushButton] = []  # enabled only while a row is selected
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def add_button(self, text: str, slot: Callable[[], None], name: str,
                   needs_row: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        button.setVisible(self.can_edit)
        if needs_row:
            self.row_buttons.append(button)
            button.setEnabled(False)
        self.buttons.addWidget(button)
        return button

    def _selection_changed(self, *_args) -> None:
        has_row = self.selected() is not None and self.view.selectionModel().hasSelection()
        for button in self.row_buttons:
            button.setEnabled(has_row)

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def selected(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def edit_selected(self) -> None:
        """Overridden by tabs that edit rows."""

    def with_selected(self, handler: Callable[[object], None]) -> None:
        """Call ``handler(row)`` for the selected row; nothing when no row is selected."""
        row = self.selected()
        if row is not None and self.view.selectionModel().hasSelection():
            handler(row)

    def refresh(self) -> None:
        self.model.set_rows(self._load())
        self._selection_changed()


class SettingsPage(Page):
    name = "settings"
    watches = frozenset({"station", "village", "category", "tier", "staff", "setting", "backup"})

    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        actor = context.actor
        self.edits_station = actor.can("station.edit")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        layout.addWidget(self.tabs)
        self.sections: dict[str, QWidget] = {}
        self._add("station", self._station_tab(), self.tr("Station"))
        self._add("villages", self._villages_tab(), self.tr("Villages"))
        self._add("categories", self._categories_tab(), self.tr("Categories"))
        self._add("tiers", self._tiers_tab(), self.tr("Follow-up tiers"))
        if actor.can("accounts.manage"):
            self._add("accounts", self._accounts_tab(), self.tr("Accounts"))
        if actor.can("settings.edit"):
            self._add("rules", self._rules_tab(), self.tr("Station rules"))
        if actor.can("backup.run") and context.location.is_sqlite:
            self._add("backups", self._backups_tab(), self.tr("Backups"))
        if actor.can("account.own_password") and actor.staff_id is not None:
            self._add("password", self._password_tab(), self.tr("My password"))

    def _add(self, key: str, widget: QWidget, label: str) -> None:
        self.sections[key] = widget
        self.tabs.addTab(widget, label)

    def open_section(self, section: str) -> None:
        widget = self.sections.get(section)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)

    # Which changed tables each part shows. Only the parts whose tables changed reload,
    # so a periodic backup does not wipe a form someone is typing into.
    SECTION_TABLES = {
        "station": {"station"}, "villages": {"village", "staff"}, "categories": {"category"},
        "tiers": {"tier"}, "accounts": {"staff", "village"}, "rules": {"setting"},
        "backups": {"backup"},
    }

    def refresh(self, tables: frozenset[str] | None = None) -> None:
        for key, watched in self.SECTION_TABLES.items():
            if key not in self.sections or (tables is not None and not tables & watched):
                continue
            if key == "station":
                self._load_station()
            elif key == "rules":
                self._load_rules()
            else:
                self.sections[key].refresh()

    # --- station -----------------------------------------------------------------------

    def _station_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_station")
        outer = QVBoxLayout(tab)
        form = QFormLayout()
        self.station_name = QLineEdit()
        self.station_org = QLineEdit()
        self.station_address = QLineEdit()
        self.station_phone = QLineEdit()
        self.station_hotlines = QPlainTextEdit()
        self.station_hotlines.setFixedHeight(120)
        self.station_hotlines.setPlaceholderText(self.tr("One number per line"))
        for widget, name in ((self.station_name, "stationName"), (self.station_org, "stationOrg"),
                             (self.station_address, "stationAddress"),
                             (self.station_phone, "stationPhone"),
                             (self.station_hotlines, "stationHotlines")):
            widget.setObjectName(name)
            widget.setEnabled(self.edits_station)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Operating organisation"), self.station_org)
        form.addRow(self.tr("Address"), self.station_address)
        form.addRow(self.tr("Office phone"), self.station_phone)
        form.addRow(self.tr("Hotline numbers"), self.station_hotlines)
        outer.addLayout(form)
        self.station_message = QLabel()
        self.station_message.setObjectName("stationMessage")
        self.station_message.setWordWrap(True)
        outer.addWidget(self.station_message)
        row = QHBoxLayout()
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveStation")
        save.clicked.connect(self._save_station)
        save.setVisible(self.edits_station)
        row.addWidget(save)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        return tab

    def _load_station(self) -> None:
        record = station.get_station()
        if record is None:
            return
        self.station_name.setText(record.name)
        self.station_org.setText(record.organisation)
        self.station_address.setText(record.address)
        self.station_phone.setText(record.phone)
        self.station_hotlines.setPlainText(record.hotlines)

    def _save_station(self) -> None:
        record = station.get_station()
        try:
            station.save_station(
                self.context.actor, name=self.station_name.text(),
                organisation=self.station_org.text(), address=self.station_address.text(),
                phone=self.station_phone.text(), hotlines=self.station_hotlines.toPlainText(),
                head_id=record.head_id if record else self.context.actor.staff_id,
            )
        except StationError as error:
            from ...messages import describe_error

            self.station_message.setStyleSheet("color: #c62828;")
            self.station_message.setText(describe_error(error))
            return
        self.station_message.setStyleSheet("color: #2e7d32;")
        self.station_message.setText(self.tr("Saved."))

    # --- villages ----------------------------------------------------------------------

    def _villages_tab(self) -> QWidget:
        columns = [
            Column(self.tr("Code"), lambda r: r.code),
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: kind_name(r.kind)),
            Column(self.tr("Belongs to"), lambda r: r.parent_name),
            Column(self.tr("Social worker"), lambda r: r.social_worker_name),
            Column(self.tr("In use"), lambda r: yes_no(r.active), muted=lambda r: not r.active),
        ]
        tab = TableTab("villages", columns,
                       lambda: [r for r in station.list_villages() if r.kind != "group"],
                       self.edits_station)
        tab.add_button(self.tr("Add village"), lambda: self._edit_village(None), "addVillage")
        tab.add_button(self.tr("Edit"), lambda: tab.with_selected(self._edit_village), "editVillage",
                       needs_row=True)
        printing = tab.add_button(self.tr("Print responsibility list…"), self._print_villages,
                                  "printVillages")
        printing.setVisible(True)  # everyone may print the list for the notice board
        tab.finish_buttons()
        tab.edit_selected = lambda: tab.with_selected(self._edit_village)
        return tab

    def _village_fields(self, current=None) -> list[Field]:
        towns = [(v.id, v.name) for v in station.list_villages(kind="town")]
        workers = [(None, self.tr("(nobody)"))] + [
            (s.id, s.name) for s in accounts.list_staff(include_inactive=False)
            if s.role == "social_worker"]
        if current is not None and current.social_worker_id is not None and \
                current.social_worker_id not in [w for w, _ in workers]:
            # Keep who is responsible now, even if that account was disabled: saving an
            # unrelated change must not quietly take the village away from them.
            workers.append((current.social_worker_id,
                            self.tr("%1 (not active)").replace("%1", current.social_worker_name)))
        return [
            Field("code", self.tr("Code")),
            Field("name", self.tr("Name")),
            Field("kind", self.tr("Kind"), "choice",
                  [("village", kind_name("village")), ("town", kind_name("town"))]),
            Field("parent_id", self.tr("Belongs to"), "choice", [(None, self.tr("(none)"))] + towns),
            Field("social_worker_id", self.tr("Social worker"), "choice", workers),
            Field("sort_order", self.tr("Order"), "int", maximum=9999),
            Field("active", self.tr("In use"), "bool"),
        ]

    def _edit_village(self, row) -> None:
        if not self.edits_station:
            return
        actor = self.context.actor
        if row is None:
            values = {"kind": "village", "active": True,
                      "parent_id": next(iter(v.id for v in station.list_villages(kind="town")), None)}

            def save(v: dict):
                return station.add_village(actor, code=v["code"], name=v["name"], kind=v["kind"],
                                           parent_id=v["parent_id"],
                                           social_worker_id=v["social_worker_id"],
                                           sort_order=v["sort_order"], active=v["active"])
            title = self.tr("Add village")
        else:
            values = {"code": row.code, "name": row.name, "kind": row.kind,
                      "parent_id": row.parent_id, "social_worker_id": row.social_worker_id,
                      "sort_order": row.sort_order, "active": row.active}

            def save(v: dict):
                return station.update_village(actor, row.id, **v)
            title = self.tr("Edit village")
        FormDialog.ask(self, title, self._village_fields(row), values, save)

    def _print_villages(self) -> None:
        """Build the 村居责任分工表 in the background, warn about unprintable names, preview."""
        import tempfile
        from pathlib import Path

        from ...core.reports import villages as report
        from .. import ops

        if getattr(self, "_print_dir", None) is None:
            # One folder for this page's printouts, removed with the page.
            self._print_dir = tempfile.TemporaryDirectory(prefix="station-desk-")
        out = Path(self._print_dir.name) / "villages.pdf"
        lang = self.context.lang

        def build():
            sheet = report.gather()
            report.build(sheet, out, lang=lang)
            return report.check(sheet)

        operation = ops.run_operation(self, self.tr("Preparing the responsibility list…"), build,
                                      cancellable=False)
        operation.finished.connect(lambda problems: self._preview_villages(out, problems))

    def _preview_villages(self, path, problems: list) -> None:
        from ..dialogs.pdf_preview import preview_printout

        preview_printout(self, path, problems, self.tr("Village responsibility list"))

    # --- categories and tiers ------------------------------------------------------------

    def _categories_tab(self) -> QWidget:
        columns = [
            Column(self.tr("Order"), lambda c: c.sort_order, align_right=True),
            Column(self.tr("Category"), lambda c: c.name),
            Column(self.tr("In use"), lambda c: yes_no(c.active), muted=lambda c: not c.active),
            Column(self.tr("Note"), lambda c: c.note),
        ]
        tab = TableTab("categories", columns, station.list_categories, self.edits_station)
        tab.add_button(self.tr("Add category"), lambda: self._edit_category(None), "addCategory")
        tab.add_button(self.tr("Edit"), lambda: tab.with_selected(self._edit_category), "editCategory",
                       needs_row=True)
        tab.finish_buttons()
        tab.edit_selected = lambda: tab.with_selected(self._edit_category)
        return tab

    def _edit_category(self, row) -> None:
        if not self.edits_station:
            return
        fields = [Field("name", self.tr("Category")), Field("sort_order", self.tr("Order"), "int",
                                                            maximum=9999),
                  Field("active", self.tr("In use"), "bool"), Field("note", self.tr("Note"))]
        values = ({"name": row.name, "sort_order": row.sort_order, "active": row.active,
                   "note": row.note} if row else None)
        row_id = row.id if row else None
        title = self.tr("Edit category") if row else self.tr("Add category")

        def save(v: dict):
            return station.save_category(self.context.actor, row_id, name=v["name"],
                                         active=v["active"], note=v["note"],
                                         sort_order=v["sort_order"] if row else None)
        if row is None:
            fields = [f for f in fields if f.key != "sort_order"]
        FormDialog.ask(self, title, fields, values, save)

    def _tiers_tab(self) -> QWidget:
        columns = [
            Column(self.tr("Level"), lambda t: t.level, align_right=True),
            Column(self.tr("Tier"), lambda t: t.name),
            Column(self.tr("Visit every (days)"), lambda t: t.visit_interval_days, align_right=True),
            Column(self.tr("In use"), lambda t: yes_no(t.active), muted=lambda t: not t.active),
            Column(self.tr("Note"), lambda t: t.note),
        ]
        tab = TableTab("tiers", columns, station.list_tiers, self.edits_station)
        tab.add_button(self.tr("Add tier"), lambda: self._edit_tier(None), "addTier")
        tab.add_button(self.tr("Edit"), lambda: tab.with_selected(self._edit_tier), "editTier",
                       needs_row=True)
        tab.finish_buttons()
        tab.edit_selected = lambda: tab.with_selected(self._edit_tier)
        return tab

    def _edit_tier(self, row) -> None:
        if not self.edits_station:
            return
        fields = [Field("level", self.tr("Level"), "int", minimum=1, maximum=99),
                  Field("name", self.tr("Tier")),
                  Field("visit_interval_days", self.tr("Visit every (days)"), "int", minimum=1,
                        maximum=3660),
                  Field("active", self.tr("In use"), "bool"), Field("note", self.tr("Note"))]
        if row:
            values = {"level": row.level, "name": row.name, "active": row.active, "note": row.note,
                      "visit_interval_days": row.visit_interval_days}
        else:
            levels = [t.level for t in station.list_tiers()]
            values = {"level": max(levels, default=0) + 1, "visit_interval_days": 30, "active": True}
        row_id = row.id if row else None

        def save(v: dict):
            return station.save_tier(self.context.actor, row_id, **v)
        FormDialog.ask(self, self.tr("Edit tier") if row else self.tr("Add tier"), fields, values, save)

    # --- accounts ----------------------------------------------------------------------

    def _accounts_tab(self) -> QWidget:
        columns = [
            Column(self.tr("Username"), lambda s: s.username),
            Column(self.tr("Name", "person"), lambda s: s.name),
            Column(self.tr("Role"), lambda s: role_name(s.role)),
            Column(self.tr("Phone"), lambda s: mask_phone(s.phone)),
            Column(self.tr("In use"), lambda s: yes_no(s.active), muted=lambda s: not s.active),
            Column(self.tr("Last sign-in"), lambda s: (s.last_sign_in or "")[:16].replace("T", " ")),
        ]
        tab = TableTab("accounts", columns, accounts.list_staff, True)
        tab.add_button(self.tr("Add account"), lambda: self._edit_staff(None), "addAccount")
        tab.add_button(self.tr("Edit"), lambda: tab.with_selected(self._edit_staff), "editAccount",
                       needs_row=True)
        tab.add_button(self.tr("Reset password"), lambda: tab.with_selected(self._reset_password),
                       "resetPassword", needs_row=True)
        tab.finish_buttons()
        tab.edit_selected = lambda: tab.with_selected(self._edit_staff)
        return tab

    def _role_choices(self) -> list[tuple[str, str]]:
        return [(r, role_name(r)) for r in ("social_worker", "front_desk", "head", "kiosk")]

    def _edit_staff(self, row) -> None:
        actor = self.context.actor
        if row is None:
            fields = [Field("username", self.tr("Username"), placeholder="huanghaiyan"),
                      Field("name", self.tr("Name", "person")),
                      Field("role", self.tr("Role"), "choice", self._role_choices()),
                      Field("phone", self.tr("Phone")),
                      Field("password", self.tr("First password"), "password")]

            def save(v: dict):
                return accounts.create_staff(actor, v["username"], v["name"], v["role"],
                                             v["password"], v["phone"])
            FormDialog.ask(self, self.tr("Add account"), fields, None, save)
            return
        fields = [Field("username", self.tr("Username"), read_only=True),
                  Field("name", self.tr("Name", "person")),
                  Field("role", self.tr("Role"), "choice", self._role_choices()),
                  Field("phone", self.tr("Phone")), Field("active", self.tr("In use"), "bool")]
        values = {"username": row.username, "name": row.name, "role": row.role,
                  "phone": row.phone, "active": row.active}

        def save(v: dict):
            return accounts.update_staff(actor, row.id, name=v["name"], role=v["role"],
                                         phone=v["phone"], active=v["active"])
        FormDialog.ask(self, self.tr("Edit account"), fields, values, save)

    def _reset_password(self, row) -> None:
        if row is None:
            return
        fields = [Field("password", self.tr("New password"), "password")]

        def save(v: dict):
            accounts.reset_password(self.context.actor, row.id, v["password"])
            return True
        FormDialog.ask(self, self.tr("Reset password of %1").replace("%1", row.name), fields, None, save)

    # --- station rules ---------------------------------------------------------------------

    def _rule_labels(self) -> dict[str, str]:
        return {
            "backup.interval_minutes": self.tr("Back up every (minutes) while data changes"),
            "backup.keep_recent": self.tr("Newest backups always kept"),
            "backup.keep_daily": self.tr("Daily backups kept"),
            "backup.keep_weekly": self.tr("Weekly backups kept"),
            "backup.keep_monthly": self.tr("Monthly backups kept"),
            "accounts.min_password_length": self.tr("Shortest password allowed"),
            "privacy.visit_sheet_full_phone": self.tr(
                "A social worker's own visit sheets show full phone numbers for their villages"),
            "attendance.repeat_window_minutes": self.tr(
                "Kiosk ignores the same person again within (minutes)"),
            "attendance.auto_close_tolerance_minutes": self.tr(
                "Forgotten sign-out closed this long after the shift ends (minutes)"),
            "attendance.walk_in_close_hour": self.tr("Walk-ins' forgotten sign-outs closed at (hour)"),
            "attendance.max_hours": self.tr("Longest visit credited (hours)"),
            "attendance.late_grace_minutes": self.tr("Late / early allowance (minutes)"),
            "certificates.full_id": self.tr("Hours certificates print the full ID number"),
            "policy_cards.full_name": self.tr(
                "Personalised policy cards print the head of household's full name"),
        }

    def _rules_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_rules")
        outer = QVBoxLayout(tab)
        form = QFormLayout()
        self.rule_widgets: dict[str, QSpinBox | QCheckBox] = {}
        labels = self._rule_labels()
        for key, spec in settings.REGISTRY.items():  # in the order they are declared
            if spec.kind is bool:
                box = QCheckBox()
            elif spec.kind is int:
                box = QSpinBox()
                box.setMaximumWidth(140)
                box.setRange(int(spec.minimum or 0), int(spec.maximum or 1_000_000))
            else:
                continue
            box.setObjectName(f"rule_{key}")
            self.rule_widgets[key] = box
            form.addRow(labels[key], box)  # every rule the station edits has its words
        outer.addLayout(form)
        self.rules_message = QLabel()
        self.rules_message.setWordWrap(True)
        outer.addWidget(self.rules_message)
        row = QHBoxLayout()
        save = QPushButton(self.tr("Save rules"))
        save.setObjectName("saveRules")
        save.clicked.connect(self._save_rules)
        row.addWidget(save)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        return tab

    def _load_rules(self) -> None:
        values = settings.all_values()
        for key, box in self.rule_widgets.items():
            if isinstance(box, QCheckBox):
                box.setChecked(bool(values[key]))
            else:
                box.setValue(int(values[key]))

    def _save_rules(self) -> None:
        values = settings.all_values()
        shown = {key: box.isChecked() if isinstance(box, QCheckBox) else box.value()
                 for key, box in self.rule_widgets.items()}
        changed = {key: value for key, value in shown.items() if value != values[key]}
        try:
            set_settings(self.context.actor, changed)
        except StationError as error:
            from ...messages import describe_error

            self.rules_message.setText(describe_error(error))
            return
        self.rules_message.setText(self.tr("Saved."))

    # --- backups -------------------------------------------------------------------------

    def _backups_tab(self) -> QWidget:
        location = self.context.location
        columns = [
            Column(self.tr("Taken at"), lambda b: b.taken_at.strftime("%Y-%m-%d %H:%M:%S")),
            Column(self.tr("Why"), lambda b: self._reason_name(b.reason)),
            Column(self.tr("Size (MB)"), lambda b: f"{b.size / 1024 / 1024:.1f}", align_right=True),
            Column(self.tr("File"), lambda b: b.path.name),
        ]
        tab = TableTab("backups", columns, lambda: backup.list_backups(location), True)
        tab.add_button(self.tr("Back up now"), self.back_up_now, "backupNow")
        restore = tab.add_button(self.tr("Restore a backup…"), self._restore, "restoreBackup")
        restore.setVisible(self.context.actor.can("backup.restore"))
        tab.finish_buttons()
        rules = settings.all_values()
        note = QLabel(self.tr("Backups are kept in %1: the newest %2, plus one a day for %3 days, "
                              "one a week for %4 weeks and one a month for %5 months.")
                      .replace("%1", str(location.backup_dir))
                      .replace("%2", str(rules["backup.keep_recent"]))
                      .replace("%3", str(rules["backup.keep_daily"]))
                      .replace("%4", str(rules["backup.keep_weekly"]))
                      .replace("%5", str(rules["backup.keep_monthly"])))
        note.setWordWrap(True)
        note.setObjectName("muted")
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tab.layout().addWidget(note)
        return tab

    def _reason_name(self, reason: str) -> str:
        return {
            "auto": self.tr("Automatic"),
            "manual": self.tr("By hand"),
            "pre-restore": self.tr("Before a restore"),
            "pre-migrate": self.tr("Before an upgrade"),
            "pre-import": self.tr("Before an import"),
            "pre-repair": self.tr("Before a repair"),
        }.get(reason, reason)


    def _restore(self) -> None:
        from .. import ops

        ops.restore_from(self, self.context.location, self.context.actor)

    # --- my password ---------------------------------------------------------------------

    def _password_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("tab_password")
        outer = QVBoxLayout(tab)
        form = QFormLayout()
        self.old_password = QLineEdit()
        self.new_password = QLineEdit()
        self.repeat_password = QLineEdit()
        for widget, name in ((self.old_password, "oldPassword"), (self.new_password, "newPassword"),
                             (self.repeat_password, "repeatPassword")):
            widget.setEchoMode(QLineEdit.EchoMode.Password)
            widget.setObjectName(name)
        form.addRow(self.tr("Current password"), self.old_password)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("New password again"), self.repeat_password)
        outer.addLayout(form)
        self.password_message = QLabel()
        self.password_message.setObjectName("passwordMessage")
        outer.addWidget(self.password_message)
        row = QHBoxLayout()
        change = QPushButton(self.tr("Change password"))
        change.setObjectName("changePassword")
        change.clicked.connect(self._change_password)
        row.addWidget(change)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        return tab

    def _change_password(self) -> None:
        from ...messages import describe_error

        if self.new_password.text() != self.repeat_password.text():
            self.password_message.setText(self.tr("The new passwords do not match."))
            return
        try:
            accounts.change_own_password(self.context.actor, self.old_password.text(),
                                         self.new_password.text())
        except StationError as error:
            self.password_message.setText(describe_error(error))
            return
        for widget in (self.old_password, self.new_password, self.repeat_password):
            widget.clear()
        self.password_message.setText(self.tr("Password changed."))
