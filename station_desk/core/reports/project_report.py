"""项目进度报告: a project at a date on A4 portrait, for the funder and the civil affairs
office.

The project (funder, period and how much of it has gone, target groups, budget), its targets
beside what was done with the percentage (families, person-times, services, resources in
yuan), the volunteers' person-times and hours, the figures by month and by kind of activity,
and the list of its activities. Cases are a count: no case notes, no names. A pure function
of :class:`..services.activity_exports.ProjectReportData`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from . import fonts, pdf
from .activity_sheet import facts_table, kind_name, style, texts_of
from .count_sheet import sign_off_line
from .pdf import PdfTarget

WORDS = {
    "zh": {
        "title": "项目进度报告",
        "subtitle": "{name}　统计截至 {date}",
        "facts": (("项目名称", "资助方"), ("项目周期", "状态"), ("服务对象", "项目预算（元）")),
        "period": "{start} 至 {end}（已过 {percent}%）",
        "statuses": {"active": "进行中", "closed": "已结项"},
        "note": "备注",
        "targets_title": "一、目标完成情况",
        "t_columns": ("指标", "目标", "完成", "完成率"),
        "targets": {"families": "服务家庭（户）", "person_times": "服务人次",
                    "services": "服务次数", "value": "链接资源（元）"},
        "no_target": "未设目标",
        "services_note": "服务次数 = 举办的活动场次 + 项目个案的服务记录；服务家庭为到场或"
                         "在案的不同户数；链接资源为活动使用和个案发放的物资价值。",
        "work_title": "二、服务概况",
        "work": ("举办活动（场）", "服务个案（个）", "个案服务记录（次）", "志愿服务（人次）",
                 "志愿服务时长（小时）"),
        "month_title": "三、按月统计",
        "m_columns": ("月份", "活动（场）", "服务人次", "个案服务记录"),
        "kind_title": "四、按活动类型统计",
        "k_columns": ("活动类型", "活动（场）", "服务人次"),
        "list_title": "五、活动清单",
        "a_columns": ("序号", "日期", "活动名称", "类型", "村居", "服务人次", "志愿者"),
        "planned": "（计划中）",
        "total": "合计",
        "none": "暂无。",
        "sign": ("项目负责人：__________", "站长：__________", "日期：______年____月____日"),
    },
    "en": {
        "title": "Project progress report",
        "subtitle": "{name}, as of {date}",
        "facts": (("Project", "Funder"), ("Period", "Status"), ("Target groups", "Budget (yuan)")),
        "period": "{start} to {end} ({percent}% gone)",
        "statuses": {"active": "Running", "closed": "Closed"},
        "note": "Note",
        "targets_title": "1. Targets",
        "t_columns": ("Measure", "Target", "Done", "Done %"),
        "targets": {"families": "Families served", "person_times": "Person-times",
                    "services": "Services", "value": "Resources (yuan)"},
        "no_target": "no target",
        "services_note": "Services = activities held + service records of the project's cases; "
                         "families = distinct households who came or have a case; resources = "
                         "goods used at its activities and handed over on its cases.",
        "work_title": "2. Work done",
        "work": ("Activities held", "Cases served", "Case records", "Volunteer times",
                 "Volunteer hours"),
        "month_title": "3. By month",
        "m_columns": ("Month", "Activities", "Person-times", "Case records"),
        "kind_title": "4. By kind of activity",
        "k_columns": ("Kind", "Activities", "Person-times"),
        "list_title": "5. Activities",
        "a_columns": ("No.", "Date", "Activity", "Kind", "Village", "Attended",
                      "Volunteers"),
        "planned": " (planned)",
        "total": "Total",
        "none": "None yet.",
        "sign": ("Project lead: ________", "Station head: ________", "Date: ____________"),
    },
}


def _money_or_target(key: str, value: int) -> str:
    return pdf.money(value) if key == "value" else str(value)


def _targets(data, w: dict) -> list[Flowable]:
    rows = []
    for t in data.targets:
        rows.append((w["targets"][t.key],
                     _money_or_target(t.key, t.target) if t.target else w["no_target"],
                     _money_or_target(t.key, t.done),
                     f"{t.percent}%" if t.percent is not None else "—"))
    return [pdf.data_table(w["t_columns"], rows, [w_ * mm for w_ in (60, 45, 45, 30)],
                           align=["left", "right", "right", "right"]),
            pdf.para(w["services_note"], style("note"))]


def _work(data, w: dict) -> list[Flowable]:
    values = (str(data.activities_held), str(data.cases), str(data.records),
              str(data.volunteer_times), f"{data.volunteer_hours:g}")
    return [pdf.data_table(w["work"], [values], [36 * mm] * 5, align=["centre"] * 5)]


def _months(data, w: dict) -> list[Flowable]:
    if not data.by_month:
        return [pdf.para(w["none"])]
    rows = [(m, str(a), str(p), str(r)) for m, a, p, r in data.by_month]
    rows.append((w["total"], *(str(sum(x[i] for x in data.by_month)) for i in (1, 2, 3))))
    return [pdf.data_table(w["m_columns"], rows, [w_ * mm for w_ in (45, 45, 45, 45)],
                           align=["centre", "right", "right", "right"])]


def _kinds(data, w: dict, lang: str) -> list[Flowable]:
    if not data.by_kind:
        return [pdf.para(w["none"])]
    rows = [(kind_name(lang, k), str(a), str(p)) for k, a, p in data.by_kind]
    rows.append((w["total"], *(str(sum(x[i] for x in data.by_kind)) for i in (1, 2))))
    return [pdf.data_table(w["k_columns"], rows, [w_ * mm for w_ in (80, 50, 50)],
                           align=["left", "right", "right"])]


def _activities(data, w: dict, lang: str) -> list[Flowable]:
    if not data.activities:
        return [pdf.para(w["none"])]
    rows, muted = [], []
    for index, a in enumerate(data.activities):
        held = a.status == "held"
        if not held:
            muted.append(index)
        rows.append((str(index + 1), a.held_on.isoformat(),
                     a.title + ("" if held else w["planned"]), kind_name(lang, a.kind, short=True),
                     a.village, str(a.person_times) if held else "", str(a.volunteers)))
    return [pdf.data_table(w["a_columns"], rows,
                           [w_ * mm for w_ in (10, 22, 56, 26, 24, 20, 22)],
                           align=["centre", "centre", "left", "centre", "centre", "right",
                                  "right"], muted=muted)]


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The project report as PDF to ``out`` (a path or a binary file), or its bytes."""
    lang = lang if lang in WORDS else "zh"
    w = WORDS[lang]
    period = w["period"].format(start=pdf.date_text(data.starts_on, lang),
                                end=pdf.date_text(data.ends_on, lang),
                                percent=data.elapsed_percent)
    (a, b), (c, d), (e, f) = w["facts"]
    facts = facts_table(
        [(a, data.name, b, data.funder or "—"),
         (c, period, d, w["statuses"].get(data.status, data.status)),
         (e, data.target_groups or "—", f, pdf.money(data.budget_fen) if data.budget_fen
          else "—")],
        [(w["note"], data.note)] if data.note.strip() else [])
    info = pdf.PageInfo(f"{w['title']} · {data.name}", data.station, data.printed_on, lang)
    story: list[Flowable] = [*pdf.title_block(
        w["title"], w["subtitle"].format(name=data.name, date=pdf.date_text(data.on, lang))),
        facts]
    for title, body in (("targets_title", _targets(data, w)), ("work_title", _work(data, w)),
                        ("month_title", _months(data, w)),
                        ("kind_title", _kinds(data, w, lang)),
                        ("list_title", _activities(data, w, lang))):
        # no heading alone at a page's foot; a long table starts under its heading
        story += [CondPageBreak(35 * mm), pdf.para(w[title], style("section")), *body]
    story.append(KeepTogether([Spacer(1, 14 * mm), sign_off_line(w["sign"], [0.32, 0.3, 0.38])]))
    return pdf.build(story, info, out)


def problems(data) -> list[tuple[str, str]]:
    """``(label, char)`` for characters no font can print: the project's texts, and each
    activity's under its title."""
    records = [(a.title, f"{a.title} {a.village} {a.place}") for a in data.activities]
    records.append((data.name, " ".join(texts_of(
        (data.station, data.name, data.funder, data.target_groups, data.note)))))
    return fonts.unprintable(records)
