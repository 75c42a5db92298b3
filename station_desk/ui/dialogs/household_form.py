"""新增户 / 编辑户: a household's file, and for a new household its members.

A new household opens on its own details with the head as the first member (named from the
户主 field); the 成员 tab adds the others. On OK the household and every member are
checked as the service will check them, so a refusal is shown next to the field it is
about (on the member it is about), then the service saves everything in one transaction.
Nothing typed is lost on a refusal.

Editing shows the phone masked (unless the file was revealed): left as it is, it is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import validate
from ...core.errors import StationError
from ...core.roles import SOCIAL_WORKER, Actor
from ...core.services import accounts, households, station
from ..labels import label
from .form_parts import SavingDialog, date_edit, date_of, form_layout, qdate
from .member_form import CategoryChecks, MemberDraft, MemberEditor, choice_combo, select_data


@dataclass(frozen=True)
class Lookups:
    """The choices a household form offers, read once through the services."""

    villages: tuple[station.VillageRow, ...]
    tiers: tuple[tuple[int, str], ...]
    categories: tuple[tuple[int, str], ...]
    workers: tuple[tuple[int, str], ...]

    @classmethod
    def read(cls, keep_categories: Sequence[int] = (), keep_village: int | None = None,
             keep_tier: int | None = None) -> Lookups:
        """Active choices, plus whatever the household being edited uses now."""
        villages = tuple(v for v in station.list_villages(kind="village")
                         if v.active or v.id == keep_village)
        tiers = tuple((t.id, t.name) for t in station.list_tiers() if t.active or t.id == keep_tier)
        categories = tuple((c.id, c.name) for c in station.list_categories()
                           if c.active or c.id in keep_categories)
        workers = tuple((s.id, s.name) for s in accounts.list_staff(include_inactive=False)
                        if s.role == SOCIAL_WORKER)
        return cls(villages, tiers, categories, workers)


class MembersModel(QAbstractTableModel):
    """The members typed so far (drafts), numbers masked in the list."""

    COLUMNS = ("name", "relation", "id_number", "gender", "birthdate", "phone")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.drafts: list[MemberDraft] = []

    def titles(self) -> dict[str, str]:
        return {"name": self.tr("Name"), "relation": self.tr("Relation"),
                "id_number": self.tr("ID number"), "gender": self.tr("Gender"),
                "birthdate": self.tr("Birthdate"), "phone": self.tr("Phone")}

    def rowCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.drafts)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        draft = self.drafts[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "id_number":
            return validate.mask_id(validate.normalise_text(draft.id_number).upper())
        if key == "phone":
            return validate.mask_phone(draft.phone)
        if key == "gender":
            return label("gender", draft.gender)
        return getattr(draft, key)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles()[self.COLUMNS[section]]
        return None

    def add(self, draft: MemberDraft) -> int:
        row = len(self.drafts)
        self.beginInsertRows(QModelIndex(), row, row)
        self.drafts.append(draft)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.drafts[row]
        self.endRemoveRows()

    def replace(self, row: int, draft: MemberDraft) -> None:
        self.drafts[row] = draft
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))


class HouseholdFormDialog(SavingDialog):
    """New household (with members) or a household's details; ``ask`` returns the
    ``Household`` saved."""

    def __init__(self, parent: QWidget | None, actor: Actor, lang: str,
                 detail: households.HouseholdDetail | None = None,
                 village_id: int | None = None) -> None:
        super().__init__(parent, lang, "householdForm",
                         self.tr("Household of %1").replace("%1", detail.head_name) if detail
                         else self.tr("New household"))
        self.actor = actor
        self.lang = lang
        self.detail = detail
        self.lookups = Lookups.read(detail.category_ids if detail else (),
                                    detail.village_id if detail else None,
                                    detail.tier_id if detail else None)
        self.setMinimumWidth(860)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("householdFormTabs")
        self.layout_.addWidget(self.tabs)
        self.tabs.addTab(self._household_tab(village_id), self.tr("Household"))
        self.members: MembersModel | None = None
        if detail is None:
            self.tabs.addTab(self._members_tab(), self.tr("Members"))
            self._update_members_tab_title()
        else:
            self.tabs.tabBar().hide()  # members are changed one at a time in the file
        self.finish()
        if detail is not None:
            self._load(detail)
        self.head_name.setFocus()

    # the household ----------------------------------------------------------------------

    def _household_tab(self, village_id: int | None) -> QWidget:
        tab = QWidget()
        self.head_name = QLineEdit()
        self.head_name.setObjectName("headName")
        self.village = QComboBox()
        self.village.setObjectName("village")
        for v in self.lookups.villages:
            self.village.addItem(v.name, v.id)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText("13800138000 / 020-12345678")
        self.tier = choice_combo([(None, self.tr("(no tier)"))] + list(self.lookups.tiers), "tier")
        self.worker = QComboBox()
        self.worker.setObjectName("socialWorker")
        self.worker.addItem("", None)  # the village's worker; its text follows the village
        for worker_id, name in self.lookups.workers:
            self.worker.addItem(name, worker_id)
        self.registered = date_edit("registeredOn")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(64)
        self.categories = CategoryChecks(self.lookups.categories)

        wrap = self.errors.wrap
        left = form_layout()
        left.addRow(self.tr("Head of household"), wrap("head_name", self.head_name))
        left.addRow(self.tr("Village"), wrap("village", self.village))
        left.addRow(self.tr("Address"), wrap("address", self.address))
        left.addRow(self.tr("Phone"), wrap("phone", self.phone))
        right = form_layout()
        right.addRow(self.tr("Tier"), wrap("tier", self.tier))
        right.addRow(self.tr("Social worker"), wrap("social_worker", self.worker))
        right.addRow(self.tr("Registered on"), wrap("registered_on", self.registered))
        right.addRow(self.tr("Notes"), wrap("notes", self.notes))
        grid = QGridLayout(tab)
        grid.setHorizontalSpacing(24)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(QLabel(self.tr("Categories")), 1, 0, 1, 2)
        grid.addWidget(wrap("categories", self.categories), 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)

        self.village.currentIndexChanged.connect(self._village_changed)
        if village_id is None and self.actor.role == SOCIAL_WORKER:
            # A social worker mostly files households in a village of their own.
            village_id = next((v.id for v in self.lookups.villages
                               if v.social_worker_id == self.actor.staff_id), None)
        if village_id is not None:
            select_data(self.village, village_id)
        self._village_changed()
        self.head_name.textEdited.connect(self._head_name_changed)
        return tab

    def _village_changed(self, *_args) -> None:
        village = self._village_row()
        worker = village.social_worker_name if village and village.social_worker_name else ""
        self.worker.setItemText(0, self.tr("The village's (%1)").replace("%1", worker) if worker
                                else self.tr("The village's (none yet)"))

    def _village_row(self) -> station.VillageRow | None:
        village_id = self.village.currentData()
        return next((v for v in self.lookups.villages if v.id == village_id), None)

    def _load(self, detail: households.HouseholdDetail) -> None:
        self.head_name.setText(detail.head_name)
        select_data(self.village, detail.village_id)
        self.address.setText(detail.address)
        self.shown_phone = detail.phone
        self.phone.setText(detail.phone)
        select_data(self.tier, detail.tier_id)
        if detail.social_worker_id is not None and self.worker.findData(detail.social_worker_id) < 0:
            self.worker.addItem(self.tr("%1 (not active)").replace("%1", detail.social_worker_name),
                                detail.social_worker_id)
        select_data(self.worker, detail.social_worker_id)
        self.registered.setDate(qdate(detail.registered_on))
        self.notes.setPlainText(detail.notes)
        self.categories.set_checked(detail.category_ids)
        if "*" in detail.phone:
            self.phone.setToolTip(self.tr("Shown masked: left as it is, the number on file is "
                                          "kept. Type a new number to change it."))

    def household_input(self) -> households.HouseholdInput:
        phone: str | None = self.phone.text().strip()
        if self.detail is not None and phone == self.detail.phone:
            phone = None  # shown masked (or revealed) and left alone: keep it
        return households.HouseholdInput(
            head_name=self.head_name.text(), village_id=self.village.currentData(),
            address=self.address.text(), phone=phone, tier_id=self.tier.currentData(),
            social_worker_id=self.worker.currentData(), category_ids=self.categories.checked_ids(),
            registered_on=date_of(self.registered),
            notes=self.notes.toPlainText())

    # members of a new household -----------------------------------------------------------

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        self.members = MembersModel(self)
        self.members_view = QTableView()
        self.members_view.setObjectName("membersDraft")
        self.members_view.setModel(self.members)
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_view.verticalHeader().hide()
        self.members_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.members_view.horizontalHeader().setStretchLastSection(True)
        self.members_view.setFixedHeight(150)
        self.add_member_button = QPushButton(self.tr("Add member"))
        self.add_member_button.setObjectName("addMemberRow")
        self.add_member_button.clicked.connect(self.add_member)
        self.remove_member_button = QPushButton(self.tr("Remove member"))
        self.remove_member_button.setObjectName("removeMemberRow")
        self.remove_member_button.clicked.connect(self.remove_member)
        self.member_editor = MemberEditor(self.lookups.categories, self.lang)
        self.member_editor.changed.connect(self._member_edited)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_member_button)
        buttons.addWidget(self.remove_member_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.members_view)
        layout.addWidget(self.member_editor)
        self.members.add(MemberDraft(name="", relation=households.HEAD_RELATION))
        self.members_view.selectionModel().currentRowChanged.connect(self._member_selected)
        self.members_view.selectRow(0)
        self._member_selected()
        return tab

    def _update_members_tab_title(self) -> None:
        if self.members is not None:
            self.tabs.setTabText(1, self.tr("Members (%1)").replace("%1", str(self.members.rowCount())))

    def current_member(self) -> int:
        index = self.members_view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_member(self, row: int) -> None:
        self.members_view.selectRow(row)
        self.members_view.setCurrentIndex(self.members.index(row, 0))
        self._member_selected()

    def _member_selected(self, *_args) -> None:
        row = self.current_member()
        if row < 0:
            self.member_editor.setEnabled(False)
            return
        self.member_editor.setEnabled(True)
        self.member_editor.load(self.members.drafts[row])
        is_head = row == 0
        self.member_editor.lock_name(is_head)
        self.remove_member_button.setEnabled(not is_head)

    def _member_edited(self) -> None:
        row = self.current_member()
        if row >= 0:
            self.members.replace(row, self.member_editor.draft())

    def _head_name_changed(self, text: str) -> None:
        if self.members is not None and self.members.drafts:
            head = self.members.drafts[0]
            head.name = text
            self.members.replace(0, head)
            if self.current_member() == 0:
                self.member_editor.name.setText(text)

    def add_member(self) -> None:
        relation = "配偶" if len(self.members.drafts) == 1 else "子女"
        row = self.members.add(MemberDraft(relation=relation))
        self.select_member(row)
        self._update_members_tab_title()
        self.member_editor.name.setFocus()

    def remove_member(self) -> None:
        row = self.current_member()
        if row > 0:
            self.members.remove(row)
            self.select_member(min(row, len(self.members.drafts) - 1))
            self._update_members_tab_title()

    # saving -------------------------------------------------------------------------------

    def _show_member_error(self, row: int, error: BaseException) -> None:
        self.tabs.setCurrentIndex(1)
        self.select_member(row)
        self.member_editor.show_error(error)
        # Also under the form, so the refusal is seen whichever tab is showing.
        self.general_error.setText(self.tr("Member %1: %2").replace("%1", str(row + 1))
                                   .replace("%2", self.member_editor.errors.text()))
        self.general_error.show()

    def _on_ok(self) -> None:
        self.errors.clear()
        if self.members is not None:
            self.member_editor.errors.clear()
        try:
            data = self.household_input()
            # a kept phone (None) is on file already: check the rest
            cleaned = households.clean_household(replace(data, phone=data.phone or ""))
        except StationError as error:
            self.tabs.setCurrentIndex(0)
            self.errors.show(error)
            return
        if self.detail is not None:
            self._save(lambda: households.update_household(self.actor, self.detail.id, data))
            return
        members = []
        for row, draft in enumerate(self.members.drafts):
            if row == 0:
                draft.name = cleaned.head_name
            try:
                members.append(draft.check())
            except StationError as error:
                self._show_member_error(row, error)
                return
        self._save(lambda: households.create_household(self.actor, data, members))

    def _save(self, save) -> None:
        try:
            self.result_value = save()
        except StationError as error:
            row = self._member_of(error)
            if row is not None:
                self._show_member_error(row, error)
            else:
                if self.errors.knows(error):
                    self.tabs.setCurrentIndex(0)
                self.errors.show(error)
            return
        except Exception as error:  # e.g. the database went away: say so, keep what was typed
            self.errors.show(error)
            return
        self.accept()

    def _member_of(self, error: StationError) -> int | None:
        """The member a refusal of the whole household is about (a taken ID number)."""
        if self.members is None or error.params.get("field") != "id_number":
            return None
        shown = str(error.params.get("value", ""))
        for row, draft in enumerate(self.members.drafts):
            try:
                number = validate.id_number(draft.id_number)
            except StationError:
                continue
            if number and validate.mask_id(number) == shown:
                return row
        return None
