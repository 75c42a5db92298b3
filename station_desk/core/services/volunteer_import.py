"""Importing a volunteer roster (志愿者花名册) from Excel (.xlsx/.xls/.ods) or CSV.

Reading is the household importer's (``core.imports.households``: calamine or CSV in UTF-8
/ GB18030, cells normalised, spreadsheet row numbers kept, footer lines such as 填表人
ending the table); this module knows the roster's headers (:data:`ALIASES`), finds the
header row under any title rows, and turns each row into a ``VolunteerInput`` checked by
``volunteers.clean_volunteer``, the forms' own rules.

What the file means for the data on file:

- A volunteer is found on file by ID number (else by 志愿者编号 when the row has no ID
  number); found, they are updated, never duplicated. An empty cell keeps what is on file.
  A row whose values all equal what is on file is unchanged: nothing written.
- 政治面貌 中共党员 / 中共预备党员 makes a party member; any other value does not.
- A team (服务队) or skill (技能) the station does not have is reported, not created.
- If any row is bad, every bad row is reported (row, column, value, reason) and nothing is
  written; otherwise everything is written in one transaction (each volunteer through the
  ordinary services, so each has its audit rows).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from pathlib import Path

from .. import validate
from ..errors import ValidationError
from ..imports import households as ledger
from ..imports.households import Cell, Column, RowProblem, Sheet, problem
from ..models import Skill, Team, Volunteer, VolunteerSkill
from ..roles import Actor, require
from . import volunteers as vs
from .base import writer

# Header names, compared after ledger.header_key (NFKC, no spaces, no * marks, lower case).
ALIASES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序", "no", "no."),
    "name": ("姓名", "志愿者姓名", "名字", "人员姓名"),
    "gender": ("性别",),
    "phone": ("手机号码", "联系电话", "手机号", "手机", "电话", "电话号码", "联系方式",
              "联系号码", "本人电话"),
    "id_number": ("身份证号码", "公民身份号码", "身份证号", "身份证", "居民身份证号码",
                  "公民身份证号码", "身份证件号码", "证件号码", "证件号"),
    "birthdate": ("出生日期", "出生年月", "出生年月日"),
    "political": ("政治面貌",),
    "team": ("服务队", "所属队伍", "所属服务队", "队伍", "志愿服务队", "服务队伍", "所在队伍",
             "所属团队", "团队", "队别"),
    "skills": ("技能/特长", "技能", "特长", "技能特长", "专长", "个人特长", "技能标签",
               "技能、特长", "特长/技能"),
    "platform_number": ("志愿者编号", "注册编号", "志愿者注册编号", "平台编号", "注册号",
                        "志愿者证号", "全国志愿服务信息系统编号"),
    "joined_on": ("加入时间", "注册时间", "加入日期", "注册日期", "入队时间", "入队日期"),
    "status": ("状态", "在册状态"),
    "emergency_contact": ("紧急联系人", "紧急联系人姓名"),
    "emergency_phone": ("紧急联系电话", "紧急联系人电话", "紧急联系人手机"),
    "notes": ("备注",),
}
_ALIAS_FIELD = {ledger.header_key(a): name for name, aliases in ALIASES.items() for a in aliases}
# Known roster headers that are not kept here: they help find the header row.
KNOWN_IGNORED = frozenset({"民族", "年龄", "文化程度", "学历", "工作单位", "职业", "家庭住址",
                           "住址", "服务时长", "服务时长(小时)", "累计服务时长", "星级"})
PARTY_WORDS = ("中共党员", "中共预备党员", "共产党员", "预备党员", "党员")
STATUS_WORDS = {"在册": "active", "正常": "active", "活跃": "active", "在队": "active",
                "active": "active", "暂停": "paused", "暂停服务": "paused", "paused": "paused",
                "退出": "left", "已退出": "left", "离队": "left", "left": "left"}
MASKED_CODES = {"id_number": "import_masked_id", "phone": "import_masked_phone",
                "emergency_phone": "import_masked_phone"}
DATE_FIELDS = ("birthdate", "joined_on")


def field_for_header(text: object) -> str | None:
    key = ledger.header_key(text)
    if not key:
        return None
    return _ALIAS_FIELD.get(key) or _ALIAS_FIELD.get(key.split("(")[0])


def _known(text: str) -> bool:
    return field_for_header(text) is not None or ledger.header_key(text) in KNOWN_IGNORED


@dataclass(frozen=True)
class RosterSource:
    """A sheet as read, its header row (0-based) and what each column holds."""

    sheet: Sheet
    header_row: int
    columns: tuple[Column, ...]

    @property
    def file_name(self) -> str:
        return self.sheet.path.name

    def ignored(self) -> list[str]:
        return [c.header for c in self.columns if c.field is None and c.header]


def detect_header(sheet: Sheet) -> RosterSource:
    """The row among the first ``ledger.SCAN_ROWS`` with the most roster headers."""
    width = max((len(r) for r in sheet.rows), default=0)
    best, best_score = -1, 1
    for index, row in enumerate(sheet.rows[:ledger.SCAN_ROWS]):
        texts = [ledger.cell_text(c) for c in row]
        score = sum(1 for t in texts if t and _known(t))
        if score > best_score:
            best, best_score = index, score
    if best < 0:
        raise ValidationError("volunteer_import_no_header", sheet=sheet.name)
    row = sheet.rows[best]
    seen: set[str] = set()
    columns = []
    for index in range(width):
        text = ledger.cell_text(row[index]) if index < len(row) else ""
        name = field_for_header(text)
        if name in seen:  # named twice: the first column keeps it
            name = None
        if name:
            seen.add(name)
        columns.append(Column(index, text, name))
    if "name" not in seen:
        raise ValidationError("volunteer_import_no_name_column", sheet=sheet.name)
    return RosterSource(sheet, best, tuple(columns))


def open_source(path: str | Path, sheet: str | None = None) -> RosterSource:
    """Read ``sheet`` (default: the first that is not empty) and find its header."""
    return detect_header(ledger.read_sheet(path, sheet))


@dataclass(frozen=True)
class RosterReport:
    file: str
    sheet: str
    header: int  # the header's spreadsheet row number
    data_rows: int
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored: tuple[str, ...] = ()
    problems: tuple[RowProblem, ...] = ()
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.problems})


class RosterRejected(ValidationError):
    """The file has bad rows: ``report.problems`` lists each; nothing was written."""

    def __init__(self, report: RosterReport) -> None:
        super().__init__("import_bad_rows", count=len(report.problems), rows=report.bad_rows)
        self.report = report


@dataclass
class _Planned:
    row: int
    volunteer_id: int | None  # None: new
    data: vs.VolunteerInput


def _on_file(volunteer: Volunteer, skills: list[int]) -> vs.VolunteerInput:
    return vs.VolunteerInput(
        name=volunteer.name, gender=volunteer.gender, phone=volunteer.phone,
        id_number=volunteer.id_number or "", birthdate=vs._as_date(volunteer.birthdate),
        party_member=volunteer.party_member, team_id=volunteer.team_id,
        team_leader=volunteer.team_leader, platform_number=volunteer.platform_number,
        joined_on=vs._as_date(volunteer.joined_on), status=volunteer.status,
        emergency_contact=volunteer.emergency_contact, emergency_phone=volunteer.emergency_phone,
        notes=volunteer.notes, skill_ids=tuple(skills))


def _same(a: vs.VolunteerInput, b: vs.VolunteerInput) -> bool:
    return replace(a, skill_ids=tuple(sorted(a.skill_ids))) == replace(
        b, skill_ids=tuple(sorted(b.skill_ids)))


class _Planner:
    def __init__(self, source: RosterSource) -> None:
        self.source = source
        self.problems: list[RowProblem] = []
        self.teams = {ledger.header_key(name): (tid, name) for tid, name in
                      Team.select(Team.id, Team.name).where(Team.active == True).tuples()}  # noqa: E712
        self.skills = {ledger.header_key(name): sid for sid, name in
                       Skill.select(Skill.id, Skill.name).where(Skill.active == True).tuples()}  # noqa: E712
        self.by_id_number = {n: vid for vid, n in Volunteer.select(Volunteer.id, Volunteer.id_number)
                             .where(Volunteer.id_number.is_null(False)).tuples()}
        self.by_platform: dict[str, int | None] = {}
        for vid, number in (Volunteer.select(Volunteer.id, Volunteer.platform_number)
                            .where(Volunteer.platform_number != "").tuples()):
            self.by_platform[number] = None if number in self.by_platform else vid  # twice: no match

    def bad(self, row: int, cell: Cell | None, code: str, **params: object) -> None:
        params.pop("field", None)
        if cell is not None and cell.column.field == "emergency_phone" and "value" not in params:
            params["value"] = validate.mask_phone(cell.text) if len(cell.text) > 4 else cell.text
        self.problems.append(problem(row, cell, code, **params))

    def cells(self, row: list) -> dict[str, Cell]:
        found = {}
        for column in self.source.columns:
            if column.field is None or column.index >= len(row):
                continue
            value = row[column.index]
            text = ledger.cell_text(value)
            if not text:
                continue
            if column.field in ("name", "emergency_contact"):
                text = ledger.person_name(text)
            found[column.field] = Cell(value if column.field in DATE_FIELDS else text, text, column)
        return found

    def plan(self) -> tuple[list[_Planned], int]:
        planned: list[_Planned] = []
        seen_ids: dict[str, int] = {}
        seen_volunteers: dict[int, int] = {}
        data_rows = 0
        for index in range(self.source.header_row + 1, len(self.source.sheet.rows)):
            raw = self.source.sheet.rows[index]
            if ledger._is_empty([raw]):
                continue
            if ledger._is_footer(raw):
                break
            row = index + 1
            cells = self.cells(raw)
            if not cells or set(cells) <= {"seq"}:
                continue
            data_rows += 1
            before = len(self.problems)
            item = self.row(row, cells)
            if item is None or len(self.problems) > before:
                continue
            number = item.data.id_number
            if number:
                if number in seen_ids:
                    self.bad(row, cells.get("id_number"), "import_id_twice_in_file",
                             first=seen_ids[number], second=row)
                    continue
                seen_ids[number] = row
            if item.volunteer_id is not None:
                if item.volunteer_id in seen_volunteers:
                    self.bad(row, cells.get("platform_number"), "volunteer_import_twice",
                             first=seen_volunteers[item.volunteer_id], second=row)
                    continue
                seen_volunteers[item.volunteer_id] = row
            planned.append(item)
        return planned, data_rows

    def row(self, row: int, cells: dict[str, Cell]) -> _Planned | None:
        ok = True
        for name, code in MASKED_CODES.items():
            cell = cells.get(name)
            if cell is not None and "*" in cell.text:
                self.bad(row, cell, code)
                ok = False
        name_cell = cells.get("name")
        if name_cell is None:
            self.bad(row, None, "import_no_name")
            return None
        given: dict[str, object] = {"name": name_cell.text}
        if "gender" in cells:
            gender = ledger.gender_of(cells["gender"].text)
            if gender is None:
                self.bad(row, cells["gender"], "import_bad_gender")
                ok = False
            given["gender"] = gender
        for name in DATE_FIELDS:
            if name in cells:
                cell = cells[name]
                raw = cell.value if isinstance(cell.value, _dt.date) else cell.text
                try:
                    given[name] = validate.date_value(raw, field=cell.column.header)
                except ValidationError as error:
                    self.bad(row, cell, error.code, **error.params)
                    ok = False
        if "political" in cells:
            given["party_member"] = any(w in cells["political"].text for w in PARTY_WORDS) and \
                "非" not in cells["political"].text
        if "team" in cells:
            team = self.teams.get(ledger.header_key(cells["team"].text))
            if team is None:
                choices = "、".join(n for _, n in self.teams.values()) or "—"
                self.bad(row, cells["team"], "volunteer_import_unknown_team", choices=choices)
                ok = False
            else:
                given["team_id"] = team[0]
        if "skills" in cells:
            skill_ids = []
            for part in ledger.split_categories(cells["skills"].text):
                skill = self.skills.get(ledger.header_key(part))
                if skill is None:
                    self.bad(row, cells["skills"], "volunteer_import_unknown_skill", value=part)
                    ok = False
                else:
                    skill_ids.append(skill)
            given["skill_ids"] = tuple(dict.fromkeys(skill_ids))
        if "status" in cells:
            status = STATUS_WORDS.get(ledger.header_key(cells["status"].text))
            if status is None:
                self.bad(row, cells["status"], "volunteer_import_bad_status")
                ok = False
            given["status"] = status
        for name in ("phone", "id_number", "platform_number", "emergency_contact",
                     "emergency_phone", "notes"):
            if name in cells:
                given[name] = cells[name].text
        number = given.get("id_number")
        if number and "*" not in number:  # checked even when the row has other problems
            try:
                given["id_number"] = number = validate.id_number(number)
            except ValidationError as error:
                self.bad(row, cells["id_number"], error.code, **error.params)
                ok = False
        if not ok:
            return None
        # Found on file: by ID number, else by the platform number.
        volunteer_id = None
        if number:
            volunteer_id = self.by_id_number.get(number)
        elif given.get("platform_number"):
            volunteer_id = self.by_platform.get(validate.normalise_text(given["platform_number"]))
        if volunteer_id is not None:
            volunteer = Volunteer.get_by_id(volunteer_id)
            skills = [s for (s,) in VolunteerSkill.select(VolunteerSkill.skill)
                      .where(VolunteerSkill.volunteer == volunteer_id).tuples()]
            base = _on_file(volunteer, skills)
            if "id_number" in given and "birthdate" not in given:
                given["birthdate"] = None  # the number decides it
            if "id_number" in given and "gender" not in given:
                given["gender"] = ""
        else:
            base = vs.VolunteerInput(name=given["name"])
        data = replace(base, **given)
        try:
            cleaned = vs.clean_volunteer(data)
        except ValidationError as error:
            self.bad(row, cells.get(_FIELD_OF_ERROR.get(error.params.get("field"), "")),
                     error.code, **error.params)
            return None
        return _Planned(row, volunteer_id, cleaned)


_FIELD_OF_ERROR = {"name": "name", "gender": "gender", "phone": "phone", "id_number": "id_number",
                   "birthdate": "birthdate", "joined_on": "joined_on",
                   "emergency_phone": "emergency_phone", "emergency_contact": "emergency_contact",
                   "platform_number": "platform_number", "status": "status"}


def _plan(source: RosterSource) -> tuple[list[_Planned], RosterReport]:
    planner = _Planner(source)
    planned, data_rows = planner.plan()
    if data_rows == 0 and not planner.problems:
        raise ValidationError("import_no_rows", sheet=source.sheet.name)
    new = updated = unchanged = 0
    changes = []
    for item in planned:
        if item.volunteer_id is None:
            new += 1
            changes.append(item)
            continue
        volunteer = Volunteer.get_by_id(item.volunteer_id)
        skills = [s for (s,) in VolunteerSkill.select(VolunteerSkill.skill)
                  .where(VolunteerSkill.volunteer == item.volunteer_id).tuples()]
        try:
            on_file = vs.clean_volunteer(_on_file(volunteer, skills))
        except ValidationError:  # kept under older rules: the file's values replace it
            on_file = None
        if on_file is not None and _same(on_file, item.data):
            unchanged += 1
        else:
            updated += 1
            changes.append(item)
    report = RosterReport(source.file_name, source.sheet.name, source.header_row + 1, data_rows,
                          new, updated, unchanged, tuple(source.ignored()),
                          tuple(sorted(planner.problems, key=lambda p: (p.row, p.column or 0))))
    return changes, report


def check_import(actor: Actor, source: RosterSource) -> RosterReport:
    """What importing ``source`` would change, and every bad row; writes nothing."""
    require(actor, "volunteers.edit")
    return _plan(source)[1]


@writer("volunteers.edit")
def import_volunteers(actor: Actor, source: RosterSource) -> RosterReport:
    """Import ``source`` in one transaction: new volunteers added, those on file updated.

    Raises ``RosterRejected`` (nothing written) when any row is bad; its ``report`` lists
    every bad row.
    """
    changes, report = _plan(source)
    if not report.ok:
        raise RosterRejected(report)
    for item in changes:
        if item.volunteer_id is None:
            vs.create_volunteer(actor, item.data)
        else:
            vs.update_volunteer(actor, item.volunteer_id, item.data)
    return replace(report, written=True)
