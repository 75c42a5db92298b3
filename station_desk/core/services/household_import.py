"""Importing a household ledger (服务对象台账 / 花名册) from Excel or CSV.

:func:`open_source` reads the sheet and finds its header (``core.imports.households``);
:func:`check_import` works out what the file would change and finds every bad row, writing
nothing (``--dry-run`` and the dialog's check); :func:`import_households` does the same
inside one transaction and writes, or refuses the whole file.

The rules are the forms' rules: every person goes through ``households.clean_member`` and
every household through ``households.clean_household``, after the file's values are laid
over the values on file. What the file means for the data on file:

- A household is found on file by an ID number: its head's, else any member's. A household
  with no ID number on file is found by its head's name in its village, when exactly one
  household there has that head and no other ID number for them. Found, it is updated,
  never duplicated; members are matched by ID number, else by name within the household.
- An empty cell keeps what is on file (a ledger without phones does not erase the phones).
  A household whose values all equal what is on file is unchanged: no write, no audit row.
- If any row is bad, every bad row is reported (row, column, value, reason) and nothing is
  written.

Speed: a district's 12,580 households (27,689 rows) are checked and written with a few
dozen queries: the ID numbers on file are loaded once, inserts go in batches, and pinyin
initials come from ``core.search``'s per-character cache.
"""

from __future__ import annotations

import datetime as _dt
import gc
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import peewee

from .. import search, validate
from ..audit import collecting, record
from ..clock import stamp
from ..db import database
from ..errors import ValidationError
from ..imports import households as ledger
from ..imports.households import Cell, Entry, Layout, Person, RowProblem, Sheet, problem
from ..models import (
    AuditLog,
    Category,
    Household,
    HouseholdCategory,
    Member,
    MemberCategory,
    Staff,
    Tier,
    Village,
)
from ..roles import Actor, require
from . import households as hh
from .base import writer

HEAD = hh.HEAD_RELATION
CHUNK = 900  # ids per IN (...) list
ROW_VARIABLES = 30000  # bound values per INSERT (SQLite allows 32,766 since 3.32)

# Household columns the file may set, as HouseholdInput names.
HOUSEHOLD_KEYS = ("head_name", "village_id", "address", "phone", "tier_id", "social_worker_id",
                  "registered_on", "notes")
MEMBER_KEYS = ("name", "relation", "gender", "birthdate", "id_number", "phone",
               "disability_type", "disability_grade", "chronic_illness", "school_or_work",
               "notes")
# What a ValidationError's field (from clean_member / clean_household) is in the file.
_FIELD_CELLS = {"head_name": ("head_name", "name"), "name": ("name", "head_name"),
                "id_number": ("id_number",), "birthdate": ("birthdate", "id_number"),
                "gender": ("gender", "id_number"), "phone": ("phone",),
                "registered_on": ("registered_on",), "relation": ("relation",),
                "address": ("address",), "disability_type": ("disability", "disability_type"),
                "disability_grade": ("disability", "disability_grade"),
                "chronic_illness": ("chronic_illness", "health"),
                "school_or_work": ("school_or_work",)}
MEMBER_SET = frozenset(MEMBER_KEYS)
# A member not on file yet, before the file's values are laid over it.
NEW_MEMBER = {"name": "", "relation": ledger.OTHER_RELATION, "gender": "", "birthdate": None,
              "id_number": "", "phone": "", "disability_type": "", "disability_grade": "",
              "chronic_illness": "", "school_or_work": "", "notes": "", "status": "active",
              "category_ids": ()}


# --- the source and the report ------------------------------------------------------------


@dataclass(frozen=True)
class ImportSource:
    """A sheet as read and what its columns hold (as detected, or as a person mapped them)."""

    sheet: Sheet
    layout: Layout

    @property
    def file_name(self) -> str:
        return self.sheet.path.name

    def remapped(self, mapping: dict[int, str | None]) -> ImportSource:
        return replace(self, layout=self.layout.remapped(mapping))


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Without the cyclic collector while a ledger's hundreds of thousands of cells, rows and
    values are made (none of them form cycles): its full passes over the growing heap cost
    about a fifth of an import. Where it is off already (the GUI's worker) nothing changes."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def open_source(path: str | Path, sheet: str | None = None) -> ImportSource:
    """Read ``sheet`` (default: the first that is not empty) and find its header."""
    with _no_gc_pauses():
        read = ledger.read_sheet(path, sheet)
        return ImportSource(read, ledger.detect_layout(read))


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or would do (``written`` False), and every bad row."""

    file: str
    sheet: str
    header: str  # the header's spreadsheet row number, or numbers: "3", "2–3"
    data_rows: int
    households: int  # in the file
    households_new: int = 0
    households_updated: int = 0
    households_unchanged: int = 0
    members_new: int = 0
    members_updated: int = 0
    ignored: tuple[str, ...] = ()  # headers of the columns not imported
    problems: tuple[RowProblem, ...] = ()
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})


class ImportRejected(ValidationError):
    """The file has bad rows: ``report.problems`` lists each; nothing was written."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("import_bad_rows", count=len(report.problems), rows=report.bad_rows)
        self.report = report


# --- lookups: the station's villages, categories, tiers and staff ---------------------------

_VILLAGE_SUFFIX = (("村民委员会", "村"), ("村委会", "村"), ("社区居民委员会", "社区"),
                   ("社区居委会", "社区"), ("居民委员会", "社区"), ("居委会", "社区"))


def _canonical_village(name: str) -> str:
    key = ledger.header_key(name)
    for suffix, short in _VILLAGE_SUFFIX:
        if key.endswith(suffix):
            return key[:-len(suffix)] + short
    return key


def _village_core(name: str) -> str:
    key = _canonical_village(name)
    for suffix in ("社区", "村", "居"):
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[:-len(suffix)]
    return key


class Lookups:
    """The station's lookup tables, read once per import."""

    def __init__(self) -> None:
        rows = list(Village.select(Village.id, Village.name, Village.code, Village.kind,
                                   Village.social_worker, Village.parent).tuples())
        self.village_names = {vid: name for vid, name, *_ in rows}
        direct = {vid: worker for vid, _n, _c, _k, worker, _p in rows}
        # A villagers' group answers to its village's social worker.
        self.village_workers = {vid: worker if worker is not None or kind != "group"
                                else direct.get(parent)
                                for vid, _n, _c, kind, worker, parent in rows}
        villages = [(vid, name, code) for vid, name, code, kind, *_ in rows if kind == "village"]
        self._by_name: dict[str, list[int]] = {}
        self._by_canonical: dict[str, list[int]] = {}
        self._by_core: dict[str, list[int]] = {}
        self._by_code = {ledger.header_key(code): vid for vid, _n, code in villages}
        for vid, name, _code in villages:
            self._by_name.setdefault(ledger.header_key(name), []).append(vid)
            self._by_canonical.setdefault(_canonical_village(name), []).append(vid)
            self._by_core.setdefault(_village_core(name), []).append(vid)
        categories = list(Category.select(Category.id, Category.name)
                          .order_by(Category.sort_order, Category.id).tuples())
        self.category_names = dict(categories)
        self._categories = {ledger.header_key(name): cid for cid, name in categories}
        tiers = list(Tier.select(Tier.id, Tier.level, Tier.name, Tier.visit_interval_days)
                     .order_by(Tier.level).tuples())
        self.tier_names = {tid: name for tid, _lv, name, _d in tiers}
        self.intervals = {tid: days for tid, _lv, _n, days in tiers}
        self._tiers_by_name = {ledger.header_key(name): tid for tid, _lv, name, _d in tiers}
        self._tiers_by_level = {level: tid for tid, level, _n, _d in tiers}
        self.tier_choices = "、".join(f"{level} {name}" for _t, level, name, _d in tiers)
        staff = list(Staff.select(Staff.id, Staff.name, Staff.username, Staff.role, Staff.active)
                     .order_by(Staff.active.desc(), Staff.id).tuples())
        self.staff_names = {sid: name for sid, name, *_ in staff}
        # Only an active social worker can be responsible for a household (as in the forms).
        self._staff = [s for s in staff if s[3] == "social_worker" and s[4]]
        # A ledger names the same few villages, tiers and workers thousands of times.
        for name in ("village", "category", "tier", "worker"):
            setattr(self, name, lru_cache(maxsize=None)(getattr(self, name)))

    def village(self, text: str) -> tuple[int | None, str | None, str]:
        """(village id, error code, choices) for a village's name, short name or code."""
        key = ledger.header_key(text)
        for table, wanted in ((self._by_name, key), (self._by_canonical, _canonical_village(key)),
                              (self._by_core, _village_core(key))):
            found = table.get(wanted, [])
            if len(found) == 1:
                return found[0], None, ""
            if len(found) > 1:
                return None, "import_ambiguous_village", "、".join(
                    self.village_names[v] for v in found)
        if key in self._by_code:
            return self._by_code[key], None, ""
        return None, "import_unknown_village", ""

    def category(self, text: str) -> int | None:
        key = ledger.header_key(text)
        if key in self._categories:
            return self._categories[key]
        for trimmed in (key.removesuffix("户"), key.removesuffix("对象"), key.removesuffix("人员")):
            if trimmed != key and trimmed in self._categories:
                return self._categories[trimmed]
        starting = [cid for name, cid in self._categories.items() if name.startswith(key)]
        return starting[0] if len(starting) == 1 else None

    def tier(self, text: str) -> int | None:
        key = ledger.header_key(text)
        if key in self._tiers_by_name:
            return self._tiers_by_name[key]
        level = ledger.level_number(key)
        return self._tiers_by_level.get(level) if level is not None else None

    def worker(self, text: str) -> tuple[int | None, str | None, str]:
        """(staff id, error code, choices): by name (active accounts first) or username."""
        key = ledger.header_key(text)
        by_name = [s for s in self._staff if ledger.header_key(s[1]) == key]
        active = [s for s in by_name if s[4]]
        found = active or by_name
        if len(found) == 1:
            return found[0][0], None, ""
        if len(found) > 1:
            return None, "import_ambiguous_worker", "、".join(f"{s[2]}（{s[1]}）" for s in found)
        by_username = [s for s in self._staff if s[2] == key]
        if by_username:
            return by_username[0][0], None, ""
        return None, "import_unknown_worker", ""


# --- drafts: the file's values, cleaned -----------------------------------------------------


@dataclass
class PersonDraft:
    row: int
    cells: dict[str, Cell]
    values: dict[str, object]  # MemberInput names → the file's (cleaned) values
    is_head: bool
    member_id: int | None = None  # matched on file


@dataclass
class HouseholdDraft:
    entry: Entry
    cells: dict[str, Cell]  # household cells by file field
    values: dict[str, object]  # HouseholdInput names → the file's (cleaned) values
    people: list[PersonDraft]  # the head first
    bad: bool = False
    target: int | None = None  # the household on file it updates
    # A village name the station doesn't know: fine only if it is the name of the village the
    # household has on file (a villagers' group, as the ledger export writes it).
    unknown_village: tuple[Cell, str, str] | None = None

    @property
    def row(self) -> int:
        return self.entry.row


class Cleaner:
    """Turns cells into the values the services take, noting every bad cell it can tell on
    its own (masked numbers, dates, names of villages, categories, tiers, workers).

    Names, ID numbers and phones are checked once, by clean_member / clean_household with
    the forms' rules (the ID check alone costs ~13 µs a number; a district has 27,689).
    """

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        self.problems: list[RowProblem] = []

    def bad(self, row: int, cell: Cell, code: str, /, **params: object) -> None:
        params.pop("field", None)
        self.problems.append(problem(row, cell, code, **params))

    def unmasked(self, row: int, cell: Cell, code: str) -> bool:
        """False (and noted) for a number masked in an export (110***********1234)."""
        if "*" in cell.text:
            self.bad(row, cell, code)
            return False
        return True

    def date(self, row: int, cell: Cell) -> tuple[bool, _dt.date | None]:
        raw = cell.value if isinstance(cell.value, _dt.date) else cell.text
        try:
            return True, validate.date_value(raw)
        except ValidationError as error:
            self.bad(row, cell, error.code, **error.params)
            return False, None

    def categories(self, row: int, cell: Cell) -> tuple[bool, tuple[int, ...]]:
        ids, ok = [], True
        for part in ledger.split_categories(cell.text):
            category = self.lookups.category(part)
            if category is None:
                self.bad(row, cell, "import_unknown_category", value=part)
                ok = False
            else:
                ids.append(category)
        return ok, tuple(dict.fromkeys(ids))

    def person(self, person: Person, *, is_head: bool) -> tuple[PersonDraft, bool]:
        row, cells = person.row, person.cells
        values: dict[str, object] = {}
        good = True
        for key, cell in cells.items():
            if key in ("name", "chronic_illness", "school_or_work", "notes"):
                values[key] = cell.text
            elif key == "id_number":
                if self.unmasked(row, cell, "import_masked_id"):
                    values[key] = cell.text.replace(" ", "").upper()  # as it is matched
                else:
                    good = False
            elif key == "phone":
                if self.unmasked(row, cell, "import_masked_phone"):
                    values[key] = cell.text
                else:
                    good = False
            elif key == "relation":
                if not is_head:
                    values[key] = ledger.relation_of(cell.text)
            elif key == "gender":
                gender = ledger.gender_of(cell.text)
                if gender is None:
                    self.bad(row, cell, "import_bad_gender")
                    good = False
                else:
                    values[key] = gender
            elif key == "birthdate":
                ok, day = self.date(row, cell)
                values[key], good = day, good and ok
            elif key == "disability":
                kind, grade = ledger.disability_parts(cell.text)
                values.setdefault("disability_type", kind[:32])
                values.setdefault("disability_grade", grade)
            elif key == "disability_type":
                values[key] = ledger.disability_type_of(cell.text)
            elif key == "disability_grade":
                values[key] = ledger.grade_of(cell.text)
            elif key == "health":
                illness = ledger.illness_of(cell.text)
                if illness:
                    values.setdefault("chronic_illness", illness)
            elif key == "categories":
                ok, ids = self.categories(row, cell)
                values["category_ids"], good = ids, good and ok
        return PersonDraft(row, cells, values, is_head), good

    def household(self, entry: Entry) -> HouseholdDraft:
        row, cells = entry.row, entry.household
        values: dict[str, object] = {}
        good = True
        for key in ("head_name", "address", "notes"):
            if key in cells:
                values[key] = cells[key].text
        unknown_village = None
        if "village" in cells:
            village, code, choices = self.lookups.village(cells["village"].text)
            if village is None:
                unknown_village = (cells["village"], code, choices)
            values["village_id"] = village
        if "phone" in cells:
            if self.unmasked(row, cells["phone"], "import_masked_phone"):
                values["phone"] = cells["phone"].text
            else:
                good = False
        if "tier" in cells:
            tier = self.lookups.tier(cells["tier"].text)
            if tier is None:
                self.bad(row, cells["tier"], "import_unknown_tier",
                         choices=self.lookups.tier_choices)
                good = False
            values["tier_id"] = tier
        if "social_worker" in cells:
            worker, code, choices = self.lookups.worker(cells["social_worker"].text)
            if worker is None:
                self.bad(row, cells["social_worker"], code, choices=choices)
                good = False
            values["social_worker_id"] = worker
        if "registered_on" in cells:
            ok, value = self.date(row, cells["registered_on"])
            values["registered_on"], good = value, good and ok
        if "categories" in cells:
            ok, value = self.categories(row, cells["categories"])
            values["category_ids"], good = value, good and ok
        people = []
        for person, is_head in ((entry.head, True), *((m, False) for m in entry.members)):
            draft, ok = self.person(person, is_head=is_head)
            people.append(draft)
            good = good and ok
        people[0].values.setdefault("name", values.get("head_name"))
        return HouseholdDraft(entry, cells, values, people, bad=not good,
                              unknown_village=unknown_village)


# --- what is on file ----------------------------------------------------------------------


def _chunks(items: Sequence, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


@dataclass
class OnFile:
    """A household on file, as the import compares it."""

    id: int
    values: dict[str, object]  # HOUSEHOLD_KEYS
    category_ids: tuple[int, ...]
    status: str
    last_visit_on: _dt.date | None
    members: list[dict] = field(default_factory=list)  # MEMBER_KEYS + id, status, sort_order, category_ids


def _load_households(ids: Sequence[int]) -> dict[int, OnFile]:
    found: dict[int, OnFile] = {}
    for chunk in _chunks(sorted(ids)):
        for (hid, head, village, address, phone, tier, worker, registered, notes, status,
             last) in (Household.select(
                Household.id, Household.head_name, Household.village, Household.address,
                Household.phone, Household.tier, Household.social_worker,
                Household.registered_on, Household.notes, Household.status,
                Household.last_visit_on).where(Household.id.in_(chunk)).tuples()):
            found[hid] = OnFile(hid, dict(zip(HOUSEHOLD_KEYS, (
                head, village, address, phone, tier, worker, hh._as_date(registered), notes),
                strict=True)), (), status, hh._as_date(last))
        links: dict[int, list[int]] = {}
        for hid, cid in (HouseholdCategory.select(HouseholdCategory.household,
                                                  HouseholdCategory.category)
                         .where(HouseholdCategory.household.in_(chunk))
                         .order_by(HouseholdCategory.id).tuples()):
            links.setdefault(hid, []).append(cid)
        for hid, cids in links.items():
            found[hid].category_ids = tuple(cids)
        members = list(Member.select(
            Member.id, Member.household, Member.name, Member.relation, Member.gender,
            Member.birthdate, Member.id_number, Member.phone, Member.disability_type,
            Member.disability_grade, Member.chronic_illness, Member.school_or_work,
            Member.notes, Member.status, Member.sort_order)
            .where(Member.household.in_(chunk)).order_by(Member.sort_order, Member.id).tuples())
        member_links: dict[int, list[int]] = {}
        for member_ids in _chunks([m[0] for m in members]):
            for mid, cid in (MemberCategory.select(MemberCategory.member, MemberCategory.category)
                             .where(MemberCategory.member.in_(member_ids))
                             .order_by(MemberCategory.id).tuples()):
                member_links.setdefault(mid, []).append(cid)
        for (mid, hid, name, relation, gender, birthdate, number, phone, dtype, dgrade, illness,
             school, notes, status, order) in members:
            found[hid].members.append({
                "id": mid, "name": name, "relation": relation, "gender": gender or "",
                "birthdate": hh._as_date(birthdate), "id_number": number or "", "phone": phone or "",
                "disability_type": dtype, "disability_grade": dgrade, "chronic_illness": illness,
                "school_or_work": school, "notes": notes, "status": status, "sort_order": order,
                "category_ids": tuple(member_links.get(mid, ()))})
    return found


def _same(old: object, new: object) -> bool:
    """Equal as a person reads them: None and "" alike, text compared after NFKC."""
    old = "" if old is None else old
    new = "" if new is None else new
    if old == new:
        return True
    return isinstance(old, str) and isinstance(new, str) and (
        ledger.cell_text(old) == ledger.cell_text(new))


def _unchanged(on_file: dict, values: dict, keys: Sequence[str]) -> bool:
    return all(_same(on_file[k], values[k]) for k in keys)


def _changes(on_file: dict, after: dict, keys: Sequence[str]) -> dict[str, tuple[object, object]]:
    """(old, new) of the values that differ; the others keep what is on file (so a
    full-width digit typed in a form years ago does not count as a change)."""
    changed = {}
    for key in keys:
        if _same(on_file[key], after[key]):
            after[key] = on_file[key]
        else:
            changed[key] = (on_file[key], after[key])
    return changed


# --- the plan -------------------------------------------------------------------------------


@dataclass
class MemberChange:
    row: int
    values: dict[str, object]  # MEMBER_KEYS, cleaned
    category_ids: tuple[int, ...]
    member_id: int | None = None  # None: new
    changed: dict[str, tuple[object, object]] = field(default_factory=dict)
    categories_changed: bool = False
    sort_order: int = 0


@dataclass
class HouseholdChange:
    row: int
    values: dict[str, object]  # HOUSEHOLD_KEYS, cleaned
    category_ids: tuple[int, ...]
    on_file: OnFile | None = None  # None: new
    changed: dict[str, tuple[object, object]] = field(default_factory=dict)
    categories_changed: bool = False
    members: list[MemberChange] = field(default_factory=list)  # new or changed only


@dataclass
class Plan:
    source: ImportSource
    data_rows: int
    households: int
    problems: list[RowProblem]
    changes: list[HouseholdChange] = field(default_factory=list)
    unchanged: int = 0
    lookups: Lookups | None = None

    def report(self, written: bool = False) -> ImportReport:
        new = sum(1 for c in self.changes if c.on_file is None)
        members = [m for c in self.changes for m in c.members]
        layout = self.source.layout
        return ImportReport(
            file=self.source.file_name, sheet=self.source.sheet.name,
            header="–".join(str(r + 1) for r in layout.header_rows), data_rows=self.data_rows,
            households=self.households,
            households_new=new, households_updated=len(self.changes) - new,
            households_unchanged=self.unchanged,
            members_new=sum(1 for m in members if m.member_id is None),
            members_updated=sum(1 for m in members if m.member_id is not None),
            ignored=tuple(c.header for c in layout.ignored()),
            problems=tuple(sorted(self.problems, key=lambda p: (p.row, p.column or 0))),
            written=written)


def _cell_for(cells: dict[str, Cell], error_field: str) -> Cell | None:
    for name in _FIELD_CELLS.get(error_field, (error_field,)):
        if name in cells:
            return cells[name]
    return None


class Planner:
    """Works out, from the drafts and what is on file, every change and every bad row."""

    def __init__(self, source: ImportSource, progress=None) -> None:
        self.source = source
        self.progress = progress
        self.lookups = Lookups()
        self.cleaner = Cleaner(self.lookups)
        self.problems = self.cleaner.problems

    def bad(self, row: int, cells: dict[str, Cell], error: ValidationError) -> None:
        error_field = str(error.params.get("field", ""))
        cell = _cell_for(cells, error_field)
        params = {k: v for k, v in error.params.items() if k not in ("field", "value")}
        if cell is None:
            self.problems.append(RowProblem(row, None, error_field, str(error.params.get("value", "")),
                                            error.code, tuple(params.items())))
            return
        self.cleaner.bad(row, cell, error.code, value=error.params.get("value", cell.text),
                         **params)

    def cancelled(self) -> bool:
        return self.progress is not None and self.progress.cancelled()

    def step(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.update(done, total)

    def plan(self) -> Plan | None:
        sheet, layout = self.source.sheet, self.source.layout
        entries, grouping, data_rows = ledger.group_rows(sheet, layout)
        self.problems.extend(grouping)
        if data_rows == 0:
            raise ValidationError("import_no_rows", sheet=sheet.name)
        total = len(entries) * 2 + 1
        drafts = []
        for n, entry in enumerate(entries):
            drafts.append(self.cleaner.household(entry))
            if n % 500 == 0:
                if self.cancelled():
                    return None
                self.step(n, total)
        self._twice_in_file(drafts)
        self._match(drafts)
        if self.cancelled():
            return None
        plan = Plan(self.source, data_rows, len(entries), self.problems, lookups=self.lookups)
        on_file = _load_households([d.target for d in drafts if d.target is not None])
        for n, draft in enumerate(drafts):
            change = self._change(draft, on_file.get(draft.target) if draft.target else None)
            if change is None:
                continue
            if change.on_file is not None and not (change.changed or change.categories_changed
                                                   or change.members):
                plan.unchanged += 1
            else:
                plan.changes.append(change)
            if n % 500 == 0:
                if self.cancelled():
                    return None
                self.step(len(entries) + n, total)
        self.step(total, total)
        return plan

    # -- duplicates and matching ------------------------------------------------------------

    def _twice_in_file(self, drafts: list[HouseholdDraft]) -> None:
        first: dict[str, PersonDraft] = {}
        for draft in drafts:
            for person in draft.people:
                number = person.values.get("id_number")
                if not number:
                    continue
                if number in first:
                    self.cleaner.bad(person.row, person.cells["id_number"],
                                     "import_id_twice_in_file", first=first[number].row,
                                     second=person.row)
                    draft.bad = True
                else:
                    first[number] = person

    def _match(self, drafts: list[HouseholdDraft]) -> None:
        numbers = [p.values["id_number"] for d in drafts for p in d.people
                   if p.values.get("id_number")]
        self.owners: dict[str, tuple[int, int]] = {}  # ID number → (member id, household id)
        if len(numbers) > 2000:  # most of a district: one pass over the table is quicker
            # The cursor's plain tuples: peewee's row conversion costs more than the query.
            rows = database.execute(Member.select(Member.id_number, Member.id, Member.household)
                                    .where(Member.id_number.is_null(False)))
            wanted = set(numbers)
            self.owners = {n: (m, h) for n, m, h in rows if n in wanted}
        else:
            for chunk in _chunks(numbers):
                self.owners.update({n: (m, h) for n, m, h in (
                    Member.select(Member.id_number, Member.id, Member.household)
                    .where(Member.id_number.in_(chunk)).tuples())})
        unmatched: list[HouseholdDraft] = []
        claimed: dict[int, HouseholdDraft] = {}
        for draft in drafts:
            head_number = draft.people[0].values.get("id_number")
            homes = []
            if head_number and head_number in self.owners:
                homes.append(self.owners[head_number][1])
            for person in draft.people[1:]:
                number = person.values.get("id_number")
                if number and number in self.owners and self.owners[number][1] not in homes:
                    homes.append(self.owners[number][1])
            if len(homes) > 1 and not (head_number and head_number in self.owners):
                heads = dict(Household.select(Household.id, Household.head_name)
                             .where(Household.id.in_(homes[:2])).tuples())
                self.problems.append(problem(draft.row, None, "import_two_households",
                                             first=heads.get(homes[0], ""),
                                             second=heads.get(homes[1], "")))
                draft.bad = True
                continue
            if homes:
                draft.target = homes[0]
            elif draft.values.get("village_id") and draft.values.get("head_name"):
                unmatched.append(draft)
        if unmatched:
            self._match_by_name(unmatched)
        for draft in drafts:
            if draft.target is None:
                continue
            if draft.target in claimed:
                first = claimed[draft.target]
                self.problems.append(problem(draft.row, None, "import_same_household",
                                             first=first.row,
                                             head=first.values.get("head_name") or ""))
                draft.bad = True
            else:
                claimed[draft.target] = draft

    def _match_by_name(self, drafts: list[HouseholdDraft]) -> None:
        """Households whose people have no ID number on file: the one household of the
        village with that head, when its head has no other ID number on file."""
        wanted = {(d.values["village_id"], d.values["head_name"]) for d in drafts}
        names = sorted({name for _v, name in wanted})
        found: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for chunk in _chunks(names):
            query = (Household.select(Household.id, Household.village, Household.head_name,
                                      Member.id_number)
                     .join(Member, peewee.JOIN.LEFT_OUTER,
                           on=((Member.household == Household.id) & (Member.relation == HEAD)))
                     .where(Household.head_name.in_(chunk)).tuples())
            for hid, village, name, number in query:
                if (village, name) in wanted:
                    found.setdefault((village, name), []).append((hid, number or ""))
        for draft in drafts:
            candidates = found.get((draft.values["village_id"], draft.values["head_name"]), [])
            if len({hid for hid, _n in candidates}) != 1:
                continue
            hid, number = candidates[0]
            head_number = draft.people[0].values.get("id_number")
            if number and head_number and number != head_number:
                continue  # another person of the same name
            draft.target = hid

    # -- one household ------------------------------------------------------------------------

    def _change(self, draft: HouseholdDraft, on_file: OnFile | None) -> HouseholdChange | None:
        if draft.unknown_village is not None:
            cell, code, choices = draft.unknown_village
            known = on_file.values["village_id"] if on_file else None
            if known is not None and _same(self.lookups.village_names.get(known), cell.text):
                draft.values["village_id"] = known
            else:
                self.cleaner.bad(draft.row, cell, code, choices=choices)
                draft.bad = True
        values = dict(on_file.values) if on_file else {k: None for k in HOUSEHOLD_KEYS}
        if on_file is None:
            values.update(address="", phone="", notes="", registered_on=None)
        given = {k: v for k, v in draft.values.items() if k != "category_ids" and v is not None}
        values.update(given)
        if on_file is None and values.get("village_id") is None and "village_id" not in draft.values:
            self.problems.append(problem(draft.row, None, "import_no_village"))
            draft.bad = True
        if (on_file is not None and "village_id" in given and "social_worker_id" not in given
                and given["village_id"] != on_file.values["village_id"]):
            values["social_worker_id"] = self.lookups.village_workers.get(given["village_id"])
        if on_file is None and values.get("social_worker_id") is None and values.get("village_id"):
            values["social_worker_id"] = self.lookups.village_workers.get(values["village_id"])
        categories = tuple(draft.values.get("category_ids") or (on_file.category_ids if on_file else ()))
        if on_file is not None and _unchanged(on_file.values, values, HOUSEHOLD_KEYS):
            after = dict(on_file.values)  # as on file, so no need to check it again
        else:
            try:
                cleaned = hh.clean_household(hh.HouseholdInput(
                    head_name=values["head_name"] or "", village_id=values["village_id"] or 0,
                    address=values["address"] or "", phone=values["phone"] or "",
                    tier_id=values["tier_id"], social_worker_id=values["social_worker_id"],
                    category_ids=categories, registered_on=values["registered_on"],
                    notes=values["notes"] or ""))
            except ValidationError as error:
                self.bad(draft.row, draft.cells, error)
                return None
            after = {k: getattr(cleaned, k) for k in HOUSEHOLD_KEYS}
        change = HouseholdChange(draft.row, after, categories, on_file)
        if on_file is not None:
            change.changed = _changes(on_file.values, after, HOUSEHOLD_KEYS)
            change.categories_changed = set(categories) != set(on_file.category_ids)
        members = list(on_file.members) if on_file else []
        used: set[int] = set()
        order = max((m["sort_order"] for m in members), default=-1) + 1
        for person in draft.people:
            member_change = self._member(draft, person, members, used, after["head_name"])
            if member_change is None:
                continue
            if member_change.member_id is None:
                member_change.sort_order = order
                order += 1
                change.members.append(member_change)
            elif member_change.changed or member_change.categories_changed:
                change.members.append(member_change)
        return None if draft.bad else change

    def _member(self, draft: HouseholdDraft, person: PersonDraft, members: list[dict],
                used: set[int], head_name: str) -> MemberChange | None:
        given = person.values
        number = given.get("id_number")
        if number:
            owner = self.owners.get(number)
            if owner is not None and owner[1] != draft.target:
                self._taken(draft, person, owner[0])
                return None
        existing = self._on_file(draft, person, members, used, head_name) if members else None
        if existing is False:
            return None
        base = existing or NEW_MEMBER
        merged = {k: base[k] for k in MEMBER_KEYS}
        for key, value in given.items():
            if key in MEMBER_SET and value is not None and value != "":
                merged[key] = value
        if number and number != base["id_number"]:
            # A new number decides birthdate and gender; what was typed is checked against it.
            merged["gender"] = given.get("gender", "")
            merged["birthdate"] = given.get("birthdate")
        if person.is_head:
            merged["name"], merged["relation"] = head_name, HEAD
        categories = tuple(given.get("category_ids") or base["category_ids"])
        member_id = existing["id"] if existing else None
        if existing is not None and _unchanged(existing, merged, MEMBER_KEYS) \
                and set(categories) == set(existing["category_ids"]):
            return MemberChange(person.row, {k: existing[k] for k in MEMBER_KEYS},
                                categories, member_id)
        try:
            cleaned = hh.clean_member(hh.MemberInput(**merged, status=base["status"],
                                                     category_ids=categories))
        except ValidationError as error:
            self.bad(person.row, person.cells, error)
            draft.bad = True
            return None
        after = {k: getattr(cleaned, k) for k in MEMBER_KEYS}
        change = MemberChange(person.row, after, cleaned.category_ids, member_id)
        if existing is not None:
            change.changed = _changes(existing, after, MEMBER_KEYS)
            change.categories_changed = set(categories) != set(existing["category_ids"])
        return change

    def _on_file(self, draft: HouseholdDraft, person: PersonDraft, members: list[dict],
                 used: set[int], head_name: str) -> dict | None | bool:
        """The member on file this person is: by ID number, the head as the head, else by
        name. False when the person can't be this household's (reported)."""
        number = person.values.get("id_number")
        existing = None
        if number:
            existing = next((m for m in members if m["id_number"] == number), None)
        if existing is None and person.is_head:
            head = next((m for m in members if m["relation"] == HEAD and m["id"] not in used), None)
            if head is not None and head["id_number"] and number and head["id_number"] != number:
                self.cleaner.bad(person.row, person.cells.get("id_number")
                                 or draft.cells["head_name"], "import_head_changed",
                                 value=head_name, head=head["name"])
                draft.bad = True
                return False
            existing = head
        if existing is None:
            name = person.values.get("name")
            existing = next((m for m in members if m["name"] == name and m["id"] not in used
                             and (not number or not m["id_number"])), None)
        if existing is None or existing["id"] in used:
            return None
        used.add(existing["id"])
        if (existing["relation"] == HEAD) != person.is_head:
            typed = HEAD if person.is_head else str(person.values.get("relation")
                                                    or existing["relation"])
            if typed != existing["relation"]:
                cell = person.cells.get("relation") or person.cells.get("name")
                self.cleaner.bad(person.row, cell, "import_head_mismatch",
                                 name=existing["name"], relation=existing["relation"], typed=typed)
                draft.bad = True
                return False
        return existing

    def _taken(self, draft: HouseholdDraft, person: PersonDraft, member_id: int) -> None:
        owner = (Member.select(Member.name, Household.head_name, Village.name)
                 .join(Household).join(Village).where(Member.id == member_id).tuples().first())
        name, head, village = owner or ("", "", "")
        self.cleaner.bad(person.row, person.cells["id_number"], "id_taken",
                         name=name, head=head, village=village)
        draft.bad = True


# --- writing --------------------------------------------------------------------------------


def _dump(values: dict | None) -> str | None:
    """Audit values as the audit log keeps them (JSON; dates as ISO text)."""
    if values is None:
        return None
    return json.dumps(values, ensure_ascii=False, sort_keys=True,
                      default=lambda v: v.isoformat() if isinstance(v, _dt.date) else str(v))


def _on_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def _plain(value: object) -> object:
    """A value as SQLite stores it (a date as ISO text, as peewee writes it)."""
    return value.isoformat() if isinstance(value, _dt.date) else value


def _insert(model, rows: list[dict], returning: bool = False) -> list[int]:
    """Insert ``rows`` (dicts with the same field names); with ``returning``, the new ids in
    the rows' order.

    On SQLite one prepared statement runs for every row (``executemany``): building the SQL
    of a 12,580-row insert through peewee costs seconds. The write transaction is BEGIN
    IMMEDIATE, so no one else inserts meanwhile and the ids can be handed out here, as SQLite
    would (the largest id plus one). Elsewhere peewee's ``insert_many`` with RETURNING, in
    batches; ids come from the sequence in the rows' order, so sorted they line up.
    """
    if not rows:
        return []
    names = list(rows[0])
    key = model._meta.primary_key
    if not _on_sqlite():
        size = max(1, ROW_VARIABLES // len(names))
        ids: list[int] = []
        for batch in _chunks(rows, size):
            query = model.insert_many(batch)
            if returning:
                ids += sorted(r[0] for r in query.returning(key).tuples().execute())
            else:
                query.execute()
        return ids
    # The model's defaults for the columns not given, as peewee's insert would add them.
    defaults = {f.name: f.default() if callable(f.default) else f.default
                for f in model._meta.sorted_fields
                if f.name not in names and f is not key and f.default is not None}
    columns = [model._meta.fields[n].column_name for n in [*names, *defaults]]
    ids = []
    if returning:
        first = (model.select(peewee.fn.MAX(key)).scalar() or 0) + 1
        ids = list(range(first, first + len(rows)))
        columns.insert(0, key.column_name)
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        model._meta.table_name, ", ".join(f'"{c}"' for c in columns), ", ".join("?" * len(columns)))
    dates = [i for i, n in enumerate(names) if isinstance(model._meta.fields[n], peewee.DateField)]
    fixed = [_plain(v) for v in defaults.values()]

    def values(row: dict) -> list:
        out = [row[n] for n in names]
        for i in dates:
            if out[i] is not None:
                out[i] = out[i].isoformat()
        return out + fixed

    if returning:
        params = ([i, *values(row)] for i, row in zip(ids, rows, strict=True))
    else:
        params = (values(row) for row in rows)
    _executemany(sql, params)
    return ids


def _executemany(sql: str, params) -> None:
    """The raw cursor's ``executemany``; a constraint it breaks is raised as peewee's
    IntegrityError, which the writer turns into the user's ``integrity`` message."""
    try:
        database.cursor().executemany(sql, params)
    except sqlite3.IntegrityError as error:
        raise peewee.IntegrityError(*error.args) from error


def _update(model, changes: list[tuple[int, dict]]) -> None:
    """``UPDATE`` rows by id: ``changes`` is (id, {field name: value}); rows changing the same
    fields share one prepared statement on SQLite."""
    groups: dict[tuple[str, ...], list[tuple[int, dict]]] = {}
    for row_id, values in changes:
        if values:
            groups.setdefault(tuple(values), []).append((row_id, values))
    key = model._meta.primary_key
    for names, items in groups.items():
        if not _on_sqlite():
            for row_id, values in items:
                model.update(**values).where(key == row_id).execute()
            continue
        columns = [model._meta.fields[n].column_name for n in names]
        sql = 'UPDATE "{}" SET {} WHERE "{}" = ?'.format(
            model._meta.table_name, ", ".join(f'"{c}" = ?' for c in columns), key.column_name)
        _executemany(sql, ([*(_plain(values[n]) for n in names), row_id]
                           for row_id, values in items))


def _delete_links(model, owner: str, ids: Sequence[int]) -> None:
    column = getattr(model, owner)
    for chunk in _chunks(sorted(set(ids))):
        model.delete().where(column.in_(chunk)).execute()


def _search_words(head_name: str, address: str, phone: str, members: Sequence[dict]) -> tuple[str, str]:
    return search.household_words(head_name, address, phone,
                                  [(m["name"], m["phone"], m["id_number"]) for m in members])


def _due(values: dict, status: str, last_visit_on: _dt.date | None, intervals: dict) -> _dt.date | None:
    """households.due_date of the household as it will be (the columns it reads, without
    building a model instance for each of 12,580 households)."""
    tier = values["tier_id"]
    if tier is None:
        return None
    return hh.due_date(SimpleNamespace(status=status, tier_id=tier, last_visit_on=last_visit_on,
                                       registered_on=values["registered_on"]), intervals.get(tier))


def _member_row(household_id: int, change: MemberChange) -> dict:
    values = change.values
    return {"household": household_id, "name": values["name"], "relation": values["relation"],
            "gender": values["gender"] or "", "birthdate": values["birthdate"],
            "id_number": values["id_number"] or None, "phone": values["phone"] or "",
            "disability_type": values["disability_type"],
            "disability_grade": values["disability_grade"],
            "chronic_illness": values["chronic_illness"],
            "school_or_work": values["school_or_work"], "status": "active",
            "notes": values["notes"], "sort_order": change.sort_order}


def _names(ids: Sequence[int], names: dict[int, str]) -> list[str]:
    return [names.get(i, str(i)) for i in ids]


# Household values as the audit log shows them: names, not ids.
_AUDIT_NAMES = {"village_id": ("village", "village_names"), "tier_id": ("tier", "tier_names"),
                "social_worker_id": ("social_worker", "staff_names")}


def _readable(values: dict, lookups: Lookups) -> dict:
    shown = {}
    for key, value in values.items():
        if key in _AUDIT_NAMES:
            name, table = _AUDIT_NAMES[key]
            shown[name] = getattr(lookups, table).get(value) if value is not None else None
        else:
            shown[key] = value
    return shown


def _audit_member(change: MemberChange, category_names: dict[int, str]) -> dict:
    if change.member_id is None:
        shown = {k: v for k, v in change.values.items() if v is not None and v != ""}
        if "birthdate" in shown:
            shown["birthdate"] = shown["birthdate"].isoformat()
        if change.category_ids:
            shown["categories"] = _names(change.category_ids, category_names)
        return shown
    shown = {k: new for k, (_old, new) in change.changed.items()}
    shown["name"] = change.values["name"]
    if change.categories_changed:
        shown["categories"] = _names(change.category_ids, category_names)
    return shown


def _audit_rows(plan: Plan, new_ids: list[int]) -> list[tuple[str, int, dict | None, dict, int]]:
    """(action, household id, old, new, row) for every household added or changed."""
    lookups = plan.lookups
    categories = lookups.category_names
    rows = []
    for change in plan.changes:
        members = [_audit_member(m, categories) for m in change.members]
        if change.on_file is None:
            shown = _readable({k: v for k, v in change.values.items() if v not in (None, "")},
                              lookups)
            if change.category_ids:
                shown["categories"] = _names(change.category_ids, categories)
            shown["members"] = members
            rows.append(("create", new_ids.pop(0), None, shown, change.row))
            continue
        old = _readable({k: o for k, (o, _n) in change.changed.items()}, lookups)
        new = _readable({k: n for k, (_o, n) in change.changed.items()}, lookups)
        if change.categories_changed:
            old["categories"] = _names(change.on_file.category_ids, categories)
            new["categories"] = _names(change.category_ids, categories)
        added = [m for m, c in zip(members, change.members, strict=True) if c.member_id is None]
        edited = [m for m, c in zip(members, change.members, strict=True) if c.member_id]
        if added:
            new["members_added"] = added
        if edited:
            new["members_updated"] = edited
        rows.append(("update", change.on_file.id, old, new, change.row))
    return rows


def _household_row(values: dict, initials: str, words: str, due: _dt.date | None) -> dict:
    return {"head_name": values["head_name"], "head_initials": initials,
            "village": values["village_id"], "address": values["address"],
            "phone": values["phone"], "tier": values["tier_id"],
            "social_worker": values["social_worker_id"],
            "registered_on": values["registered_on"], "notes": values["notes"],
            "search_text": words, "due_on": due}


def _write(actor: Actor, plan: Plan, report: ImportReport, note: str) -> None:
    """Write the plan: bulk inserts and updates, one audit row per household changed."""
    lookups = plan.lookups
    moment = stamp()
    new = [c for c in plan.changes if c.on_file is None]
    updated = [c for c in plan.changes if c.on_file is not None]

    rows = []
    for change in new:
        v = change.values
        initials, words = _search_words(v["head_name"], v["address"], v["phone"],
                                        [m.values for m in change.members])
        rows.append({**_household_row(v, initials, words,
                                      _due(v, "active", None, lookups.intervals)),
                     "status": "active", "last_visit_on": None, "created_at": moment,
                     "updated_at": moment})
    new_ids = _insert(Household, rows, returning=True)
    audit = _audit_rows(plan, list(new_ids))
    homes = [*zip(new_ids, new, strict=True), *((c.on_file.id, c) for c in updated)]

    # Members: the new ones inserted (ids needed for their categories), the others updated.
    adding = [(hid, m) for hid, change in homes for m in change.members if m.member_id is None]
    member_ids = _insert(Member, [_member_row(hid, m) for hid, m in adding], returning=True)
    links = [{"member": mid, "category": c}
             for mid, (_hid, m) in zip(member_ids, adding, strict=True) for c in m.category_ids]
    changing = [m for change in updated for m in change.members if m.member_id is not None]
    _update(Member, [(m.member_id, {k: (n or None) if k == "id_number" else n
                                    for k, (_o, n) in m.changed.items()}) for m in changing])
    recategorised = [m for m in changing if m.categories_changed]
    _delete_links(MemberCategory, "member", [m.member_id for m in recategorised])
    links += [{"member": m.member_id, "category": c} for m in recategorised for c in m.category_ids]
    _insert(MemberCategory, links)

    household_links = [{"household": hid, "category": c}
                       for hid, change in zip(new_ids, new, strict=True) for c in change.category_ids]
    recategorised = [c for c in updated if c.categories_changed]
    _delete_links(HouseholdCategory, "household", [c.on_file.id for c in recategorised])
    household_links += [{"household": c.on_file.id, "category": cid}
                        for c in recategorised for cid in c.category_ids]
    _insert(HouseholdCategory, household_links)

    changes = []
    for change in updated:
        on_file, v = change.on_file, change.values
        # The derived columns from every member: those in the file and those only on file.
        members = {m["id"]: m for m in on_file.members}
        for member in change.members:
            if member.member_id is not None:
                members[member.member_id] = {**members.get(member.member_id, {}), **member.values}
        members.update({-i: m.values for i, m in enumerate(change.members) if m.member_id is None})
        initials, words = _search_words(v["head_name"], v["address"], v["phone"],
                                        list(members.values()))
        due = _due(v, on_file.status, on_file.last_visit_on, lookups.intervals)
        changes.append((on_file.id, {**_household_row(v, initials, words, due),
                                     "updated_at": moment}))
    _update(Household, changes)

    _insert(AuditLog, [
        {"at": moment, "actor": actor.staff_id, "actor_name": actor.name, "action": action,
         "table_name": "household", "row_id": hid, "old_values": _dump(old),
         "new_values": _dump(new_values), "note": f"{note}，第 {row} 行"}
        for action, hid, old, new_values, row in audit])
    record(actor, "import", "household", None, note=(
        f"{note}：新增 {report.households_new} 户、更新 {report.households_updated} 户、"
        f"{report.households_unchanged} 户无变化；新增成员 {report.members_new} 人、"
        f"更新成员 {report.members_updated} 人"))
    with collecting() as tables:  # the writer announces these after the commit
        tables.update({"household", "member", "household_category", "member_category"})


# --- the services ---------------------------------------------------------------------------


def _note(source: ImportSource) -> str:
    return f"导入 {source.file_name}（{source.sheet.name}）"


def check_import(actor: Actor, source: ImportSource, *, progress=None) -> ImportReport | None:
    """What importing ``source`` would change, and every bad row; writes nothing.

    Returns None when ``progress`` says the person cancelled.
    """
    require(actor, "households.import")
    with _no_gc_pauses():
        plan = Planner(source, progress).plan()
        return None if plan is None else plan.report()


@writer("households.import")
def import_households(actor: Actor, source: ImportSource, *, progress=None) -> ImportReport | None:
    """Import ``source`` in one transaction: new households added, those on file updated,
    one audit row per household added or changed.

    Raises ``ImportRejected`` (nothing written) when any row is bad; its ``report`` lists
    every bad row. Returns None when ``progress`` says the person cancelled before writing.
    """
    with _no_gc_pauses():
        plan = Planner(source, progress).plan()
        if plan is None:
            return None
        report = plan.report()
        if not report.ok:
            raise ImportRejected(report)
        if plan.changes:
            _write(actor, plan, report, _note(source))
        return replace(report, written=True)
