"""活动签到表: one activity's sign-in sheet on A4 portrait, to take along on the day.

The activity (title, kind, day and time, place, organiser, theme, project) at the top; then
序号 / 姓名 / 村居 / 签到 (a box to sign in) / 备注, the people signed up first (a member with
the household head's name under it) and blank rows for walk-ins; then the volunteers with
sign-in and sign-out columns; then lines for the head count of people not on file and the
person who fills it in. No ID number or phone is printed. Staff type the sheet in afterwards
(who came, walk-ins, the head count). A pure function of
:class:`..services.activity_exports.SheetData`.
"""

from __future__ import annotations

import dataclasses

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from . import fonts, pdf
from .count_sheet import sign_off_line
from .pdf import PdfTarget

KINDS = {
    "zh": {"group": "小组活动", "community": "社区活动", "policy": "政策宣传",
           "volunteer": "志愿服务活动", "festival": "节日活动", "training": "培训"},
    "en": {"group": "Group activity", "community": "Community activity",
           "policy": "Policy outreach", "volunteer": "Volunteer activity",
           "festival": "Festival activity", "training": "Training"},
}

WORDS = {
    "zh": {
        "title": "活动签到表",
        "facts": (("活动名称", "活动类型"), ("日期时间", "地点"), ("组织者", "所属项目")),
        "theme": "活动主题", "partners": "合作单位",
        "when": "{date}（{weekday}）{start}–{end}",
        "weekdays": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
        "people_title": "一、参加人员签到",
        "columns": ("序号", "姓名", "村居", "签到（本人签名）", "备注"),
        "head": "户主：{head}",
        "count": "已报名 {count} 人，另留 {blank} 行供临时参加的人员填写姓名和村居。",
        "volunteers_title": "二、志愿者签到",
        "v_columns": ("序号", "姓名", "签到时间", "签退时间", "本人签名", "备注"),
        "no_volunteers": "未安排志愿者；临时参加服务的志愿者请在空白行填写。",
        "closing_title": "三、到场情况（活动结束后填写）",
        "closing": ("在册人员到场：________ 人", "其他到场（未在册）：________ 人",
                    "志愿者到场：________ 人"),
        "note": "填写说明：到场人员请在“签到”栏签名或按手印；未在册的到场人员只记人数。"
                "活动结束后由工作人员按本表在系统中登记到场情况。",
        "sign": ("填表人：__________", "社工：__________", "日期：______年____月____日"),
    },
    "en": {
        "title": "Activity sign-in sheet",
        "facts": (("Activity", "Kind"), ("Date and time", "Place"), ("Organiser", "Project")),
        "theme": "Theme", "partners": "Partners",
        "when": "{date} ({weekday}) {start}–{end}",
        "weekdays": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                     "Sunday"),
        "people_title": "1. Participants",
        "columns": ("No.", "Name", "Village", "Sign here", "Note"),
        "head": "household: {head}",
        "count": "{count} signed up; {blank} blank rows for people who join on the day.",
        "volunteers_title": "2. Volunteers",
        "v_columns": ("No.", "Name", "In", "Out", "Signature", "Note"),
        "no_volunteers": "No volunteers planned; volunteers who help on the day use the blank "
                         "rows.",
        "closing_title": "3. Attendance (after the activity)",
        "closing": ("On file who came: ________", "Others who came: ________",
                    "Volunteers who came: ________"),
        "note": "People who come sign (or thumbprint) in the sign-in box; people not on file "
                "are only counted. Staff type the sheet in after the activity.",
        "sign": ("Filled in by: ________", "Social worker: ________", "Date: ____________"),
    },
}
WIDTHS_MM = (12, 42, 34, 48, 44)  # 180 mm
V_WIDTHS_MM = (12, 40, 26, 26, 42, 34)  # 180 mm
ROW_MM = 10  # room to sign by hand
VOLUNTEER_BLANK = 3


def words(lang: str) -> dict:
    return WORDS.get(lang, WORDS["zh"])


SHORT_KINDS_EN = {"group": "Group", "community": "Community", "policy": "Policy",
                  "volunteer": "Volunteer", "festival": "Festival", "training": "Training"}


def kind_name(lang: str, kind: str, *, short: bool = False) -> str:
    """An activity kind's printed name; ``short`` for a narrow column (English only)."""
    if short and lang == "en":
        return SHORT_KINDS_EN.get(kind, kind)
    return KINDS.get(lang, KINDS["zh"]).get(kind, kind)


def facts_table(pairs: list[tuple[str, str, str, str]], extra: list[tuple[str, str]]) -> Table:
    """A four-column form (label, value, label, value), labels shaded; ``extra`` rows span
    the three value columns."""
    rows = [[pdf.para(c, "cell_left") for c in row] for row in pairs]
    rows += [[pdf.para(label, "cell_left"), pdf.para(value or "—", "cell_left"), "", ""]
             for label, value in extra]
    table = Table(rows, colWidths=[w * mm for w in (26, 64, 26, 64)], hAlign="CENTER")
    style = pdf.table_style(header_rows=0, zebra=False)
    style.add("BACKGROUND", (0, 0), (0, -1), pdf.HEADER_FILL)
    if pairs:
        style.add("BACKGROUND", (2, 0), (2, len(pairs) - 1), pdf.HEADER_FILL)
    for index in range(len(pairs), len(rows)):
        style.add("SPAN", (1, index), (3, index))
    table.setStyle(style)
    return table


_STYLES: dict[str, ParagraphStyle] = {}


def style(name: str) -> ParagraphStyle:
    """section (a numbered heading), note (grey small print), head_of (the grey line under a
    member's name)."""
    if not _STYLES:
        base = pdf.styles()
        _STYLES["section"] = ParagraphStyle("activity_section", base["body"], fontSize=12,
                                            leading=17, spaceBefore=4 * mm, spaceAfter=2 * mm)
        _STYLES["note"] = ParagraphStyle("activity_note", base["small"], spaceBefore=1.5 * mm)
        _STYLES["head_of"] = ParagraphStyle("activity_head_of", base["cell_left_muted"],
                                            fontSize=8, leading=9.5)
    return _STYLES[name]


def _people(data, w: dict) -> list[Flowable]:
    centre, left = pdf.styles()["cell_centre"], pdf.styles()["cell_left"]
    body: list[list] = [[pdf.para(t, "head") for t in w["columns"]]]
    for number, person in enumerate(data.participants, start=1):
        name: Flowable | list = pdf.para(person.name, left)
        if person.head:
            name = [name, pdf.para(w["head"].format(head=person.head), style("head_of"))]
        body.append([pdf.para(str(number), centre), name, pdf.para(person.village, centre),
                     "", ""])
    filled = len(data.participants)
    for number in range(filled + 1, filled + data.blank_rows + 1):
        body.append([pdf.para(str(number), centre), "", "", "", ""])
    table = Table(body, colWidths=[x * mm for x in WIDTHS_MM], repeatRows=1, hAlign="CENTER",
                  rowHeights=[8 * mm] + [ROW_MM * mm] * (len(body) - 1))
    table.setStyle(pdf.table_style(rows=len(body), zebra=False))
    return [table, pdf.para(w["count"].format(count=filled, blank=data.blank_rows),
                            style("note"))]


def _volunteers(data, w: dict) -> list[Flowable]:
    centre, left = pdf.styles()["cell_centre"], pdf.styles()["cell_left"]
    body: list[list] = [[pdf.para(t, "head") for t in w["v_columns"]]]
    for number, name in enumerate(data.volunteers, start=1):
        body.append([pdf.para(str(number), centre), pdf.para(name, left), "", "", "", ""])
    filled = len(data.volunteers)
    for number in range(filled + 1, filled + VOLUNTEER_BLANK + 1):
        body.append([pdf.para(str(number), centre), "", "", "", "", ""])
    table = Table(body, colWidths=[x * mm for x in V_WIDTHS_MM], repeatRows=1, hAlign="CENTER",
                  rowHeights=[8 * mm] + [ROW_MM * mm] * (len(body) - 1))
    table.setStyle(pdf.table_style(rows=len(body), zebra=False))
    story: list[Flowable] = [table]
    if not data.volunteers:
        story.append(pdf.para(w["no_volunteers"], style("note")))
    return story


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The sign-in sheet as PDF to ``out`` (a path or a binary file), or its bytes."""
    lang = lang if lang in WORDS else "zh"
    w = words(lang)
    when = w["when"].format(date=pdf.date_text(data.held_on, lang),
                            weekday=w["weekdays"][data.held_on.weekday()],
                            start=data.start_time, end=data.end_time)
    place = data.place or data.village
    if data.place and data.village and data.village not in data.place:
        place = f"{data.village} {data.place}"
    (a, b), (c, d), (e, f) = w["facts"]
    facts = facts_table([(a, data.title, b, kind_name(lang, data.kind)), (c, when, d, place),
                         (e, data.organiser, f, data.project or "—")],
                        [(w["theme"], data.theme)]
                        + ([(w["partners"], data.partners)] if data.partners else []))
    info = pdf.PageInfo(f"{w['title']} · {data.title}", data.station, data.printed_on, lang)
    story: list[Flowable] = [*pdf.title_block(w["title"], data.station), facts]
    people = _people(data, w)
    story += [CondPageBreak(40 * mm), pdf.para(w["people_title"], style("section")), *people]
    # the volunteers' few rows stay with their heading, on one page
    story.append(KeepTogether([pdf.para(w["volunteers_title"], style("section")),
                               *_volunteers(data, w)]))
    story.append(KeepTogether([
        pdf.para(w["closing_title"], style("section")),
        sign_off_line(w["closing"], [0.32, 0.36, 0.32]), Spacer(1, 3 * mm),
        pdf.para(w["note"], "small"), Spacer(1, 10 * mm),
        sign_off_line(w["sign"], [0.3, 0.3, 0.4])]))
    return pdf.build(story, info, out)


def texts_of(value) -> list[str]:
    """Every string in a dataclass of printout data (nested dataclasses, tuples)."""
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            for f in dataclasses.fields(item):
                walk(getattr(item, f.name))
        elif isinstance(item, (tuple, list)):
            for x in item:
                walk(x)

    walk(value)
    return found


def problems(data) -> list[tuple[str, str]]:
    """``(label, char)`` for characters on the sheet no font can print, by person (the
    activity's own texts under its title)."""
    records = [(p.name, f"{p.name} {p.head} {p.village}") for p in data.participants]
    records += [(name, name) for name in data.volunteers]
    records.append((data.title, " ".join(
        (data.station, data.title, data.place, data.village, data.organiser, data.theme,
         data.partners, data.project))))
    return fonts.unprintable(records)
