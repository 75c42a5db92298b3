"""Household ledgers (台账 / 花名册) as offices keep them, read into households and members.

Three steps, each usable on its own (the import dialog shows what each found):

1. :func:`read_sheet` reads one sheet of an .xlsx, .xls, .xlsb or .ods workbook with
   python-calamine (merged cells come back empty after the first), or a .csv file
   (UTF-8, else GB18030 as Excel and WPS save it in China). Rows keep their spreadsheet
   numbers: row ``i`` of :attr:`Sheet.rows` is row ``i + 1`` in Excel.
2. :func:`detect_layout` finds the header: one or two title rows may sit above it, and it
   may have two levels (户主信息 over 姓名 | 身份证号码, 家庭成员 over 姓名 | 与户主关系 ...).
   Rows are scored against the header names offices use (:data:`ALIASES`); the two levels
   are combined. Columns it does not know are ignored, and listed.
3. :func:`group_rows` turns the data rows into :class:`Entry` objects, one per household:
   members sit on the rows under their head. A row whose 与户主关系 is 户主 starts a
   household; so does a row with a 户主姓名 (unless it repeats the head above it on a
   member's row). A row with another relation, or with the 户主姓名 cell empty (merged)
   and a member's name, is a member of the household above.

Cells are normalised on the way (:func:`cell_text`): full-width digits and letters to
ASCII, stray spaces gone, whole numbers without ".0". Nothing is "repaired": an ID number
Excel stored as a number keeps its exponent so the checks can say its digits are lost.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .. import validate
from ..errors import ValidationError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
SCAN_ROWS = 20  # the header is looked for in this many rows from the top

# --- the fields a column can hold --------------------------------------------------------

# In the order the column-mapping step offers them. Person fields (name ... school_or_work,
# categories, notes, phone) describe the person on the row; on a head's row, phone,
# categories and notes are the household's. head_* come from a two-level header's 户主信息
# group, or from columns named for the head (户主身份证号码).
FIELDS = (
    "head_name", "name", "relation", "id_number", "gender", "birthdate", "phone",
    "village", "address", "categories", "tier", "social_worker", "registered_on", "notes",
    "disability", "disability_type", "disability_grade", "health", "chronic_illness",
    "school_or_work", "head_id_number", "head_gender", "head_birthdate", "head_phone", "seq",
)
DATE_FIELDS = frozenset({"birthdate", "head_birthdate", "registered_on"})
HOUSEHOLD_FIELDS = frozenset({"head_name", "village", "address", "tier", "social_worker",
                              "registered_on"})
HEAD_FIELDS = {"head_id_number": "id_number", "head_gender": "gender",
               "head_birthdate": "birthdate", "head_phone": "phone"}
NOT_PERSON = HOUSEHOLD_FIELDS | frozenset(HEAD_FIELDS) | {"seq"}

# Header names, normalised by header_key(): NFKC (so （） are ()), no spaces, no * marks.
ALIASES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "序", "编号", "no", "no."),
    "head_name": ("户主姓名", "户主", "户主名字", "户主名称", "户名"),
    "name": ("姓名", "成员姓名", "家庭成员姓名", "名字", "人员姓名", "对象姓名", "服务对象姓名",
             "救助对象姓名", "儿童姓名", "老人姓名"),
    "relation": ("与户主关系", "与户主的关系", "关系", "家庭关系", "称谓", "与户主关系(本人)"),
    "id_number": ("身份证号码", "身份证号", "公民身份号码", "公民身份证号码", "身份证",
                  "居民身份证号码", "身份证件号码", "证件号码", "证件号", "身份号码"),
    "head_id_number": ("户主身份证号码", "户主身份证号", "户主公民身份号码", "户主身份证"),
    "gender": ("性别",),
    "head_gender": ("户主性别",),
    "birthdate": ("出生日期", "出生年月", "出生年月日", "生日"),
    "head_birthdate": ("户主出生日期", "户主出生年月"),
    "phone": ("联系电话", "手机号码", "手机号", "手机", "电话", "电话号码", "联系方式",
              "联系号码"),
    "head_phone": ("户主联系电话", "户主电话", "户主手机号码"),
    "village": ("村居", "所属村(社区)", "所属村居", "所属村(居)", "村(社区)", "村(居)",
                "所属村", "所在村", "所属社区", "所在村(社区)", "村社区", "村(居)委会",
                "社区", "村"),
    "address": ("家庭住址", "现居住地", "住址", "家庭地址", "居住地址", "现住址", "地址",
                "现居住地址", "详细地址"),
    "categories": ("人员类别", "类别", "对象类别", "救助类别", "人员类型", "困难类型",
                   "保障类别", "对象类型"),
    "tier": ("分级", "级别", "关爱等级", "走访等级", "探访等级", "帮扶等级", "分级管理"),
    "social_worker": ("责任社工", "负责社工", "社工", "联系社工", "包户社工", "社工姓名"),
    "registered_on": ("登记时间", "登记日期", "建档时间", "建档日期", "纳入时间", "纳入日期"),
    "notes": ("备注",),
    "disability": ("残疾类别及等级", "残疾类别及级别", "残疾类型及等级", "残疾情况",
                   "残疾类别和等级"),
    "disability_type": ("残疾类别", "残疾类型"),
    "disability_grade": ("残疾等级", "残疾级别"),
    "health": ("身体情况", "身体状况", "健康状况", "健康情况"),
    "chronic_illness": ("慢性病", "患病情况", "疾病情况", "慢性病情况", "所患疾病", "患病名称"),
    "school_or_work": ("就学情况", "就学就业情况", "就读学校", "工作单位", "就业情况",
                       "学校", "就学或就业"),
}
# Headers of real ledgers that are known but not kept (derived, or not on file here): they
# count when scoring a row as the header, and are listed as ignored.
KNOWN_IGNORED = frozenset({
    "低保证号", "低保种类", "保障人数", "户月保障金额", "家庭人口", "家庭月总收入", "开户银行",
    "银行账号", "银行卡号", "领款人签字(章)", "领款时间", "最近走访", "下次走访", "状态", "民族",
    "户籍所在地", "是否寄宿", "监护类型", "家庭经济来源", "救助帮扶情况", "居住情况", "子女情况",
    "是否残疾", "是否低保", "是否五保", "年龄", "文化程度", "婚姻状况", "政治面貌", "户籍性质",
    "保障金额", "月保障金额", "签字", "家庭人数", "人口",
})
HEAD_GROUPS = frozenset({"户主信息", "户主", "户主情况", "户主基本信息", "户主基本情况"})
# Groups whose columns describe the person on the row; under any other group (委托监护人,
# 父母情况) a name or an ID number is somebody else's.
MEMBER_GROUPS = frozenset({
    "家庭成员", "家庭成员信息", "家庭成员情况", "成员", "成员信息", "成员情况", "共同生活家庭成员",
    "共同生活的家庭成员", "基本信息", "基本情况", "个人信息", "人员信息", "对象信息", "服务对象信息",
    "服务对象", "儿童信息", "儿童基本信息", "老人信息", "老人基本信息", "救助对象信息"})
PERSON_FIELDS = frozenset({"name", "relation", "id_number", "gender", "birthdate", "phone"})
# Words that end a ledger: sign-off and total lines under the table are not households.
FOOTER_WORDS = ("合计", "总计", "小计", "填表人", "制表人", "审核人", "复核人", "单位负责人",
                "负责人", "填报人", "填表日期", "填报日期", "制表日期", "说明", "注:", "注：")
HEAD_RELATION = "户主"
SELF_RELATIONS = frozenset({"户主", "本人", "户主本人", "户主(本人)"})
OTHER_RELATION = "其他"

_ALIAS_FIELD = {alias: name for name, aliases in ALIASES.items() for alias in aliases}


@lru_cache(maxsize=8192)
def header_key(text: object) -> str:
    """A header as compared: NFKC, no spaces or line breaks, no * or (必填) marks."""
    key = unicodedata.normalize("NFKC", str(text or ""))
    key = re.sub(r"[\s*:：]", "", key)
    key = re.sub(r"\((必填|选填|必选|可选|可不填)\)", "", key)
    return key.lower()


def field_for_header(text: object) -> str | None:
    """The field a single header names, or None."""
    key = header_key(text)
    if not key:
        return None
    if key in _ALIAS_FIELD:
        return _ALIAS_FIELD[key]
    bare = re.sub(r"\(.*?\)", "", key)  # 身份证号码(18位)
    return _ALIAS_FIELD.get(bare)


def _known(text: object) -> bool:
    key = header_key(text)
    return bool(key) and (field_for_header(key) is not None or key in KNOWN_IGNORED
                          or re.sub(r"\(.*?\)", "", key) in KNOWN_IGNORED)


# --- cells -----------------------------------------------------------------------------

_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


def cell_text(value: object) -> str:
    """A cell as text: NFKC (full-width digits to ASCII), spaces collapsed and trimmed,
    whole numbers without ".0", dates as 2024-03-05.

    A float too large to hold every digit (an 18-digit ID number typed as a number) keeps
    its exponent (4.401831948020302E+17): the digits are gone, and the checks say so.
    """
    if isinstance(value, str):
        if not value.isascii() and not unicodedata.is_normalized("NFKC", value):
            value = unicodedata.normalize("NFKC", value)
        if " " not in value and value.isprintable():
            return value  # most cells: nothing to collapse or trim
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value).upper()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return cell_text(str(value))


def person_name(text: str) -> str:
    """A person's name without the spaces people type between Chinese characters (张 三)."""
    return _CJK_GAP.sub("", text) if " " in text else text


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as Excel labels it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """One sheet as read: ``rows[i]`` is spreadsheet row ``i + 1``; cells as calamine gives
    them (str, float, int, bool, date, datetime; "" when empty)."""

    path: Path
    name: str
    rows: list[list]
    names: tuple[str, ...] = ()  # every sheet of the workbook, for choosing another


def _unreadable(path: Path, error: BaseException) -> ValidationError:
    detail = str(error).strip() or type(error).__name__
    return ValidationError("import_unreadable", path=path.name, detail=detail.splitlines()[0][:200])


def _check_path(path: Path) -> None:
    if not path.is_file():
        raise ValidationError("import_no_file", path=str(path))
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError("import_bad_suffix", path=path.name, suffix=path.suffix or "—")


def _is_empty(rows: Sequence[Sequence]) -> bool:
    return not any(cell not in ("", None) for row in rows for cell in row)


def _csv_rows(path: Path) -> list[list]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # gb18030 decodes any byte string; kept for clarity
        raise ValidationError("import_unreadable", path=path.name, detail="encoding")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a workbook (a CSV file has one, named after the file)."""
    path = Path(path)
    _check_path(path)
    if path.suffix.lower() == ".csv":
        return [path.stem]
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return list(workbook.sheet_names)
    except Exception as error:  # calamine's errors: not a workbook, password, damaged zip
        raise _unreadable(path, error) from error


def read_sheet(path: str | Path, sheet: str | None = None) -> Sheet:
    """Read one sheet: ``sheet`` by name (or by number, 1 = the first), else the first sheet
    that has anything in it."""
    path = Path(path)
    _check_path(path)
    if path.suffix.lower() == ".csv":
        try:
            rows = _csv_rows(path)
        except OSError as error:
            raise _unreadable(path, error) from error
        return Sheet(path, path.stem, rows, (path.stem,))
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = tuple(workbook.sheet_names)
        if sheet is not None and sheet not in names:
            wanted = sheet.strip()
            if wanted.isdigit() and 1 <= int(wanted) <= len(names):
                sheet = names[int(wanted) - 1]
            else:
                raise ValidationError("import_no_sheet", sheet=sheet, choices="、".join(names))
        for name in ([sheet] if sheet is not None else names):
            # skip_empty_area=False: row numbers stay the spreadsheet's own
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if sheet is not None or not _is_empty(rows):
                return Sheet(path, name, rows, names)
    except ValidationError:
        raise
    except Exception as error:  # calamine's errors: not a workbook, password, damaged zip
        raise _unreadable(path, error) from error
    raise ValidationError("import_empty", sheet=names[0] if names else path.name)


# --- the header --------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    index: int  # 0-based
    header: str  # as shown: "身份证号码", or "户主信息 / 身份证号码" under a group
    field: str | None  # None: ignored

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass(frozen=True)
class Layout:
    header_rows: tuple[int, ...]  # 0-based indexes into Sheet.rows
    columns: tuple[Column, ...]

    @property
    def data_start(self) -> int:
        return self.header_rows[-1] + 1

    def mapping(self) -> dict[int, str | None]:
        return {c.index: c.field for c in self.columns}

    def remapped(self, mapping: dict[int, str | None]) -> Layout:
        """The same header with the fields a person chose (column index → field or None)."""
        for chosen in mapping.values():
            if chosen is not None and chosen not in FIELDS:
                raise ValueError(chosen)
        return replace(self, columns=tuple(
            replace(c, field=mapping.get(c.index, c.field)) for c in self.columns))

    def ignored(self) -> list[Column]:
        return [c for c in self.columns if c.field is None and c.header]

    def has(self, name: str) -> bool:
        return any(c.field == name for c in self.columns)


def _cells(row: Sequence, width: int) -> list[str]:
    return [cell_text(row[i]) if i < len(row) else "" for i in range(width)]


def _single(row: list[str]) -> list[Column]:
    return [Column(i, text, field_for_header(text)) for i, text in enumerate(row)]


def _combined(top: list[str], bottom: list[str]) -> list[Column]:
    """Two header levels as one: a group over its columns (merged, so written only over the
    first) and a column named once over both levels (merged down, so the lower cell is
    empty)."""
    columns = []
    group = ""
    for i, (upper, lower) in enumerate(zip(top, bottom, strict=True)):
        if upper:
            group = upper
        if not lower:  # named over both levels
            columns.append(Column(i, upper, field_for_header(upper)))
            group = "" if upper else group
            continue
        if not group:
            columns.append(Column(i, lower, field_for_header(lower)))
            continue
        columns.append(Column(i, f"{group} / {lower}", _grouped_field(group, lower)))
    return columns


def _grouped_field(group: str, lower: str) -> str | None:
    """户主信息 / 姓名 is the head's name; 残疾情况 / 等级 the disability grade; 家庭成员 / 姓名
    a member's name. Under any other group (委托监护人, 父母) a name, an ID number or a phone
    is somebody else's, and is ignored."""
    group_key = header_key(group)
    stem = re.sub(r"(基本信息|基本情况|信息|情况)$", "", group_key)
    if stem:
        joined = field_for_header(stem + header_key(lower))
        if joined is not None:
            return joined
    name = field_for_header(lower)
    if group_key in HEAD_GROUPS:
        return {"name": "head_name", **{v: k for k, v in HEAD_FIELDS.items()}}.get(name, name)
    if group_key not in MEMBER_GROUPS and name in PERSON_FIELDS:
        return None
    return name


def _score(columns: Iterable[Column]) -> int:
    """Distinct fields found, plus known headers that are not kept."""
    fields = {c.field for c in columns if c.field is not None}
    ignored = sum(1 for c in columns if c.field is None
                  and header_key(c.header.rpartition(" / ")[2]) in KNOWN_IGNORED)
    return len(fields) + ignored


def _named(columns: Sequence[Column]) -> bool:
    return any(c.field in ("head_name", "name") for c in columns)


def detect_layout(sheet: Sheet) -> Layout:
    """Find the header row (or two rows) among the first rows and what each column holds."""
    rows = sheet.rows[:SCAN_ROWS + 1]
    width = max((len(r) for r in sheet.rows), default=0)
    texts = [_cells(r, width) for r in rows]
    scores = [sum(1 for t in row if _known(t)) for row in texts[:SCAN_ROWS]]
    if not scores or max(scores) < 2:
        raise ValidationError("import_no_header", sheet=sheet.name)
    best = scores.index(max(scores))
    candidates: list[tuple[int, tuple[int, ...], list[Column]]] = []
    single = _single(texts[best])
    candidates.append((_score(single), (best,), single))
    if best > 0 and any(texts[best - 1]):
        pair = _combined(texts[best - 1], texts[best])
        candidates.append((_score(pair), (best - 1, best), pair))
    if best + 1 < len(texts) and any(texts[best + 1]):
        pair = _combined(texts[best], texts[best + 1])
        candidates.append((_score(pair), (best, best + 1), pair))
    # The highest score; on a tie the single row (a data row under a header scores lower).
    score, header_rows, columns = max(candidates, key=lambda c: (c[0], -len(c[1])))
    if not _named(columns):
        raise ValidationError("import_no_name_column", sheet=sheet.name)
    # A field named by two columns: the first keeps it (the other is listed as ignored).
    seen: set[str] = set()
    kept = []
    for column in columns:
        if column.field is not None and column.field in seen:
            column = replace(column, field=None)
        elif column.field is not None:
            seen.add(column.field)
        kept.append(column)
    return Layout(header_rows, tuple(kept))


# --- rows into households ------------------------------------------------------------------


class Cell(NamedTuple):
    value: object  # as read (a date stays a date; text is cell_text()'d)
    text: str  # as shown in a report
    column: Column


@dataclass
class Person:
    row: int  # spreadsheet row number (1-based)
    cells: dict[str, Cell] = field(default_factory=dict)

    def text(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.text if cell is not None else ""


@dataclass
class Entry:
    """One household of the file: its head's row, the household's cells, its members."""

    row: int
    household: dict[str, Cell]
    head: Person
    members: list[Person] = field(default_factory=list)

    @property
    def rows(self) -> list[int]:
        return [self.row] + [m.row for m in self.members if m.row != self.row]


@dataclass(frozen=True)
class RowProblem:
    """One bad cell (or row): where it is, what it holds, and why, as a message code."""

    row: int  # spreadsheet row number (1-based), as Excel shows it
    column: int | None  # 0-based; None: the row as a whole
    header: str
    value: str
    code: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def letter(self) -> str:
        return column_letter(self.column) if self.column is not None else ""

    def message_params(self) -> dict[str, object]:
        """What ``messages.text(code, lang, **params)`` needs to say why."""
        return {"field": self.header, "value": self.value, **dict(self.params)}


ID_FIELDS = frozenset({"id_number", "head_id_number"})
PHONE_FIELDS = frozenset({"phone", "head_phone"})


def masked(field: str | None, text: str) -> str:
    """A cell as a report or a preview shows it: ID numbers and phones masked, as everywhere;
    an ID number stored as a number as Excel shows it (4.40183E+17)."""
    if field in ID_FIELDS:
        if re.fullmatch(r"\d(\.\d+)?E\+\d+", text):
            return f"{float(text):.5E}"
        return validate.mask_id(text) if len(text) > 7 else text
    if field in PHONE_FIELDS:
        return validate.mask_phone(text) if len(text) > 4 else text
    return text


def problem(row: int, cell: Cell | None, code: str, **params: object) -> RowProblem:
    """A bad cell (or row, without a cell); its value is shown masked where it is a number."""
    if cell is None:
        return RowProblem(row, None, "", "", code, tuple(params.items()))
    value = masked(cell.column.field, str(params.pop("value", cell.text)))
    return RowProblem(row, cell.column.index, cell.column.header, value, code,
                      tuple(params.items()))


def _row_cells(row: Sequence, columns: Sequence[tuple[int, str, Column, int]]) -> dict[str, Cell]:
    """The filled cells of a row by field. ``columns``: (index, field, column, kind) with kind
    1 for a name (spaces between Chinese characters dropped), 2 for a date (kept as read)."""
    cells = {}
    width = len(row)
    for index, name, column, kind in columns:
        if index >= width:
            continue
        value = row[index]
        if value == "" or value is None:
            continue
        text = cell_text(value)
        if not text:
            continue
        if kind == 1:
            text = person_name(text)
        cells[name] = Cell(value if kind == 2 else text, text, column)
    return cells


def _is_footer(row: Sequence) -> bool:
    first = next((c for c in row if c != "" and c is not None), "")
    return isinstance(first, str) and cell_text(first).startswith(FOOTER_WORDS)


def relation_of(text: str) -> str:
    """与户主关系 as kept: 本人 / 户主本人 are the head."""
    if text in SELF_RELATIONS:
        return HEAD_RELATION
    return HEAD_RELATION if header_key(text) in SELF_RELATIONS else text


def _split(cells: dict[str, Cell], row: int) -> tuple[dict[str, Cell], Person, Person | None]:
    """A household-starting row: the household's cells, the head, and a second person when
    the row also names a member who is not the head (户主信息 | 家庭成员 on one line)."""
    household = {k: v for k, v in cells.items() if k in HOUSEHOLD_FIELDS}
    head_cells = {HEAD_FIELDS[k]: v for k, v in cells.items() if k in HEAD_FIELDS}
    own = {k: v for k, v in cells.items() if k not in NOT_PERSON}
    head_name = cells.get("head_name")
    name = cells.get("name")
    relation = relation_of(cells["relation"].text) if "relation" in cells else ""
    distinct = (name is not None and head_name is not None and name.text != head_name.text
                and relation != HEAD_RELATION)
    if distinct:
        head = Person(row, {"name": head_name, **head_cells})
        for moved in ("phone", "categories", "notes"):  # the household's, when said of the head
            if moved in head_cells:
                household[moved] = head_cells[moved]
        return household, head, Person(row, own)
    person = {**own, **head_cells}  # the head's own group wins where both are filled
    if head_name is not None:
        person["name"] = head_name if name is None else name
        household["head_name"] = head_name
    elif name is not None:
        household["head_name"] = name
    for moved in ("phone", "categories", "notes"):  # the household's, on its head's row
        if moved in person:
            household[moved] = person.pop(moved)
    return household, Person(row, person), None


def group_rows(sheet: Sheet, layout: Layout) -> tuple[list[Entry], list[RowProblem], int]:
    """The households of the sheet, the rows that belong to none, and how many data rows
    there were."""
    columns = [(c.index, c.field, c, 1 if c.field in ("name", "head_name") else
                2 if c.field in DATE_FIELDS else 0)
               for c in layout.columns if c.field is not None]
    has_relation = layout.has("relation")
    has_head = layout.has("head_name")
    has_seq = layout.has("seq")
    entries: list[Entry] = []
    problems: list[RowProblem] = []
    current: Entry | None = None
    data_rows = 0
    for index in range(layout.data_start, len(sheet.rows)):
        raw = sheet.rows[index]
        row = index + 1
        cells = _row_cells(raw, columns)
        if not cells or (len(cells) == 1 and "seq" in cells) or _is_footer(raw):
            continue  # empty, only a 序号, or a sign-off line under the table
        data_rows += 1
        head_name = cells.get("head_name")
        name = cells.get("name")
        relation = relation_of(cells["relation"].text) if "relation" in cells else ""
        if relation:
            starts = relation == HEAD_RELATION
        elif head_name is not None:
            starts = not (current is not None and name is not None and has_head
                          and head_name.text == current.head.text("name")
                          and name.text != head_name.text)
        elif has_head:
            starts = False  # the head's cell is empty: merged over the members' rows
        elif not has_relation and has_seq:
            starts = "seq" in cells  # 序号 merged over a household's rows
        else:
            starts = not has_relation
        if starts:
            if head_name is None and name is None:
                problems.append(problem(row, None, "import_no_name"))
                current = None
                continue
            if (relation == HEAD_RELATION and head_name is not None and name is not None
                    and head_name.text != name.text):
                problems.append(problem(row, name, "import_head_name_differs",
                                        head=head_name.text))
            household, head, extra = _split(cells, row)
            current = Entry(row, household, head)
            if extra is not None:
                current.members.append(extra)
            entries.append(current)
            continue
        if name is None:
            problems.append(problem(row, None, "import_no_name"))
            continue
        if current is None or (head_name is not None and head_name.text != current.head.text("name")):
            problems.append(problem(row, name, "import_member_without_head"))
            continue
        for misplaced in (k for k in HEAD_FIELDS if k in cells):
            problems.append(problem(row, cells[misplaced], "import_head_value_on_member_row"))
        current.members.append(Person(row, {k: v for k, v in cells.items()
                                            if k not in NOT_PERSON}))
    return entries, problems, data_rows


# --- values ------------------------------------------------------------------------------

CATEGORY_SEPARATORS = re.compile(r"[、,，/／;；|\s]+")
_CHINESE_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                    "九": 9, "十": 10}
DISABILITY_TYPES = ("视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾",
                    "多重残疾")
GRADE_NAMES = ("一级", "二级", "三级", "四级")
HEALTHY = frozenset({"健康", "良好", "正常", "一般", "残疾", "无", "好"})
GENDER_WORDS = {"男": "male", "女": "female", "male": "male", "female": "female", "m": "male",
                "f": "female", "男性": "male", "女性": "female"}


def split_categories(text: str) -> list[str]:
    return [part for part in CATEGORY_SEPARATORS.split(text) if part]


def level_number(text: str) -> int | None:
    """1, 1级, 一, 一级, 第一级 → 1; None when it is no number."""
    key = header_key(text).removeprefix("第").removesuffix("级").removesuffix("类")
    if key.isdigit():
        return int(key)
    return _CHINESE_NUMBERS.get(key)


def gender_of(text: str) -> str | None:
    """male / female, or None when the text is neither."""
    return GENDER_WORDS.get(header_key(text))


def disability_parts(text: str) -> tuple[str, str]:
    """残疾类别及等级 as (type, grade): 肢体二级 → (肢体残疾, 二级); 视力残疾 1级 → (视力残疾, 一级)."""
    key = header_key(text)
    grade = ""
    match = re.search(r"([一二三四1-4])级$", key)
    if match:
        number = level_number(match.group(1))
        grade = GRADE_NAMES[number - 1]
        key = key[:match.start()]
    kind = key.removesuffix("残疾").removesuffix("残")
    for known in DISABILITY_TYPES:
        if kind and known.startswith(kind):
            return known, grade
    return (key if key else ""), grade


def disability_type_of(text: str) -> str:
    return disability_parts(text)[0] or text


def grade_of(text: str) -> str:
    number = level_number(text)
    return GRADE_NAMES[number - 1] if number and 1 <= number <= 4 else text


def illness_of(health: str) -> str:
    """身体情况 as a chronic illness: 健康 / 良好 / 残疾 are none; 患病：高血压 is 高血压."""
    key = health.strip()
    if header_key(key) in HEALTHY:
        return ""
    return re.sub(r"^(患病|患有|疾病)[:：\s]*", "", key).strip() or key
