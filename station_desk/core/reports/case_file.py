"""个案工作记录: one case on A4 portrait, as a supervisor reads it.

The header block (number, the person — masked unless the user asked for the name —,
village, social worker, opened, source, stage, risk, the problem as presented), the latest
需求评估表 as a two-column form (earlier assessments listed by date), the latest 服务方案
(goals, actions with owner and due date, partners), the 服务记录 ledger (a corrected record
greyed and marked, a correction saying which record it corrects), 转介记录, 结案评估, 回访
and the sign lines (社工 / 督导 / 日期). A pure function of
:class:`..services.case_exports.CaseFileData`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from . import pdf
from .count_sheet import sign_off_line
from .pdf import PdfTarget

# Code names as printed (the window translates its own through ui/labels.py).
CODES = {
    "zh": {
        "status": {"intake": "接案", "assessment": "预估", "plan": "计划", "intervention": "介入",
                   "evaluation": "评估", "closed": "结案"},
        "source": {"visit": "入户走访发现", "hotline": "热线来电", "walk_in": "来访求助",
                   "village": "村居上报", "referral": "转介", "other": "其他"},
        "risk": {"high": "高", "medium": "中", "low": "低"},
        "need": {"care": "生活照料", "counselling": "心理疏导", "medical": "医疗康复",
                 "resources": "资源链接", "integration": "社会融入", "skills": "能力提升",
                 "policy": "政策申请", "schooling": "就学支持", "other": "其他"},
        "kind": {"interview": "面谈", "phone": "电话", "home_visit": "入户", "accompany": "陪同",
                 "resource": "资源链接", "group": "小组", "other": "其他"},
        "referral": {"referred": "已转介", "accepted": "已接收", "resolved": "已解决",
                     "unresolved": "未解决"},
        "goals": {"met": "达成", "partly": "部分达成", "not_met": "未达成"},
        "field": {"living": "居住状况", "health": "健康状况", "medication": "用药情况",
                  "self_care": "生活自理能力", "emotion": "情绪认知情况", "guardianship": "监护情况",
                  "schooling": "就学情况", "development": "身心发展", "economy": "经济状况",
                  "support": "社会支持"},
    },
    "en": {
        "status": {"intake": "Intake", "assessment": "Assessment", "plan": "Planning",
                   "intervention": "Intervention", "evaluation": "Evaluation",
                   "closed": "Closed"},
        "source": {"visit": "Home visit", "hotline": "Hotline", "walk_in": "Asked for help",
                   "village": "Village", "referral": "Referral", "other": "Other"},
        "risk": {"high": "High", "medium": "Medium", "low": "Low"},
        "need": {"care": "Daily care", "counselling": "Counselling", "medical": "Medical help",
                 "resources": "Linking resources", "integration": "Social integration",
                 "skills": "Building skills", "policy": "Policy applications",
                 "schooling": "Schooling", "other": "Other"},
        "kind": {"interview": "Interview", "phone": "Phone", "home_visit": "Home visit",
                 "accompany": "Accompanied", "resource": "Resources", "group": "Group",
                 "other": "Other"},
        "referral": {"referred": "Referred", "accepted": "Accepted", "resolved": "Resolved",
                     "unresolved": "Unresolved"},
        "goals": {"met": "Met", "partly": "Partly met", "not_met": "Not met"},
        "field": {"living": "Living", "health": "Health", "medication": "Medication",
                  "self_care": "Self-care", "emotion": "Mood, cognition",
                  "guardianship": "Guardianship", "schooling": "Schooling",
                  "development": "Development", "economy": "Economy", "support": "Social support"},
    },
}

WORDS = {
    "zh": {
        "title": "个案工作记录", "number": "个案编号", "client": "服务对象", "member": "成员",
        "village": "村居", "worker": "负责社工", "opened": "开案日期", "source": "来源",
        "status": "当前阶段", "risk": "风险等级", "problem": "主要问题",
        "masked": "（姓名已脱敏）",
        "s_assessment": "一、需求评估表", "s_plan": "二、服务方案", "s_records": "三、服务记录",
        "s_referrals": "四、转介记录", "s_closing": "五、结案评估", "s_follow_ups": "六、回访",
        "assessed": "评估日期", "assessor": "评估人", "needs": "主要需求", "needs_note": "需求说明",
        "earlier_assessments": "此前评估", "none_assessment": "尚未评估。",
        "made": "制定日期", "maker": "制定人", "goals": "服务目标", "actions": "服务行动",
        "partners": "合作方", "plan_note": "备注", "earlier_plans": "此前方案",
        "none_plan": "尚未制定服务方案。",
        "rec_head": ("序号", "日期", "方式", "分钟", "社工 / 志愿者", "服务内容"),
        "act_head": ("序号", "行动", "负责", "完成期限"),
        "ref_head": ("转介日期", "转介单位", "转介事由", "状态", "回复"),
        "fu_head": ("应回访日期", "完成日期", "回访情况", "回访人"),
        "none_records": "暂无服务记录。", "none_referrals": "无转介。",
        "none_follow_ups": "暂无回访安排。",
        "corrected": "【已更正，见第 {n} 条】", "corrects": "【更正第 {n} 条】",
        "goods": "\n发放物资：{goods}", "goods_back": "（已退回）",
        "volunteers": "志愿者：", "total": "共 {count} 条记录，服务时长 {minutes} 分钟",
        "total_corrected": "（被更正的 {n} 条不计入时长）", ":": "：",
        "closed_on": "结案日期", "goals_met": "目标达成", "reason": "结案原因",
        "summary": "服务总结", "reflection": "反思", "not_closed": "尚未结案。",
        "pending": "待回访",
        "sign": ("社工：__________", "督导：__________", "日期：______年____月____日"),
    },
    "en": {
        "title": "Case record", "number": "Case no.", "client": "Client", "member": "Member",
        "village": "Village", "worker": "Social worker", "opened": "Opened",
        "source": "Source", "status": "Stage", "risk": "Risk", "problem": "Presenting problem",
        "masked": " (name masked)",
        "s_assessment": "1. Assessment", "s_plan": "2. Service plan",
        "s_records": "3. Service records", "s_referrals": "4. Referrals",
        "s_closing": "5. Closing evaluation", "s_follow_ups": "6. Follow-ups",
        "assessed": "Assessed", "assessor": "Assessed by", "needs": "Needs",
        "needs_note": "About the needs", "earlier_assessments": "Earlier assessments",
        "none_assessment": "Not assessed yet.",
        "made": "Made", "maker": "Made by", "goals": "Goals", "actions": "Actions",
        "partners": "Partners", "plan_note": "Note", "earlier_plans": "Earlier plans",
        "none_plan": "No service plan yet.",
        "rec_head": ("No.", "Date", "Kind", "Minutes", "Workers / volunteers", "Content"),
        "act_head": ("No.", "Action", "Owner", "Due"),
        "ref_head": ("Referred", "To", "Purpose", "Status", "Answer"),
        "fu_head": ("Due", "Done", "Notes", "By"),
        "none_records": "No service records yet.", "none_referrals": "No referrals.",
        "none_follow_ups": "No follow-ups scheduled.",
        "corrected": "[corrected, see no. {n}] ", "corrects": "[corrects no. {n}] ",
        "goods": "\nGoods handed over: {goods}", "goods_back": " (taken back)",
        "volunteers": "Volunteers: ", "total": "{count} records, {minutes} minutes of service",
        "total_corrected": " (the {n} corrected not counted)", ":": ": ",
        "closed_on": "Closed", "goals_met": "Goals", "reason": "Reason",
        "summary": "Summary", "reflection": "Reflection", "not_closed": "Not closed yet.",
        "pending": "Due",
        "sign": ("Social worker: ________", "Supervisor: ________", "Date: ____________"),
    },
}


def code(lang: str, group: str, value: str) -> str:
    """A code's printed name (the code itself when unknown; "" stays "")."""
    return CODES.get(lang, CODES["zh"])[group].get(value, value) if value else ""


_STYLES: dict = {}


def _style(name: str):
    if not _STYLES:
        from reportlab.lib.styles import ParagraphStyle

        base = pdf.styles()
        _STYLES["section"] = ParagraphStyle("case_section", base["body"], fontSize=12,
                                            leading=17, spaceBefore=5 * mm, spaceAfter=2 * mm)
        _STYLES["note"] = ParagraphStyle("case_note", base["small"], spaceBefore=1.5 * mm)
    return _STYLES[name]


def _form(rows: list[tuple[str, str]], label_width: float = 34 * mm) -> Table:
    """Label / value pairs, one a row, labels shaded; values wrap."""
    width = pdf.content_width()
    body = [[pdf.para(a, "cell_left"), pdf.para(b or "—", "cell_left")] for a, b in rows]
    table = Table(body, colWidths=[label_width, width - label_width], hAlign="CENTER")
    style = pdf.table_style(header_rows=0, zebra=False)
    style.add("BACKGROUND", (0, 0), (0, -1), pdf.HEADER_FILL)
    table.setStyle(style)
    return table


def _header(data, w: dict, lang: str) -> Table:
    client = data.client + ("" if data.names_shown else w["masked"])
    if data.member:
        client += f"　{w['member']}{w[':']}{data.member}"
    rows = [
        [w["number"], data.number, w["client"], client],
        [w["village"], data.village, w["worker"], data.social_worker],
        [w["opened"], pdf.date_text(data.opened_on, lang), w["source"],
         code(lang, "source", data.source)],
        [w["status"], code(lang, "status", data.status), w["risk"],
         code(lang, "risk", data.risk) or "—"],
        [w["problem"], data.problem, "", ""],
    ]
    body = [[pdf.para(c, "cell_left") for c in r] for r in rows]
    table = Table(body, colWidths=[w_ * mm for w_ in (28, 58, 28, 66)], hAlign="CENTER")
    style = pdf.table_style(header_rows=0, zebra=False)
    style.add("BACKGROUND", (0, 0), (0, -1), pdf.HEADER_FILL)
    style.add("BACKGROUND", (2, 0), (2, -2), pdf.HEADER_FILL)
    style.add("SPAN", (1, 4), (3, 4))
    table.setStyle(style)
    return table


def _section(title: str) -> Flowable:
    return pdf.para(title, _style("section"))


def _assessment(data, w: dict, lang: str) -> list[Flowable]:
    a = data.assessment
    if a is None:
        return [pdf.para(w["none_assessment"])]
    rows = [(w["assessed"], f"{pdf.date_text(a.assessed_on, lang)}　{w['assessor']}{w[':']}{a.by_name}"
             if a.by_name else pdf.date_text(a.assessed_on, lang))]
    rows += [(code(lang, "field", f), text) for f, text in a.fields]
    rows.append((w["needs"], "、".join(code(lang, "need", n) for n in a.needs)
                 if lang == "zh" else ", ".join(code(lang, "need", n) for n in a.needs)))
    if a.needs_note:
        rows.append((w["needs_note"], a.needs_note))
    rows.append((w["risk"], code(lang, "risk", a.risk)))
    story: list[Flowable] = [_form(rows)]
    if data.earlier_assessments:
        sep = "；" if lang == "zh" else "; "
        listed = sep.join(
            pdf.date_text(day, lang) + (f"（{w['risk']}{w[':']}{code(lang, 'risk', risk)}）"
                                        if risk else "")
            for day, risk in data.earlier_assessments)
        story.append(pdf.para(f"{w['earlier_assessments']}{w[':']}{listed}", _style("note")))
    return story


def _plan(data, w: dict, lang: str) -> list[Flowable]:
    p = data.plan
    if p is None:
        return [pdf.para(w["none_plan"])]
    made = pdf.date_text(p.made_on, lang) + (f"　{w['maker']}{w[':']}{p.by_name}"
                                             if p.by_name else "")
    story: list[Flowable] = [_form([(w["made"], made), (w["goals"], p.goals)])]
    if p.actions:
        story += [Spacer(1, 2 * mm), pdf.data_table(
            w["act_head"],
            [(str(n), action, owner, pdf.date_text(due, lang))
             for n, (action, owner, due) in enumerate(p.actions, start=1)],
            [w_ * mm for w_ in (12, 106, 30, 32)],
            align=["centre", "left", "centre", "centre"])]
    tail = []
    if p.partners:
        tail.append((w["partners"], ("、" if lang == "zh" else ", ").join(p.partners)))
    if p.note:
        tail.append((w["plan_note"], p.note))
    if tail:
        story += [Spacer(1, 2 * mm), _form(tail)]
    if data.earlier_plans:
        sep = "；" if lang == "zh" else "; "
        story.append(pdf.para(f"{w['earlier_plans']}{w[':']}" + sep.join(
            pdf.date_text(d, lang) for d in data.earlier_plans), _style("note")))
    return story


def _records(data, w: dict, lang: str) -> list[Flowable]:
    if not data.records:
        return [pdf.para(w["none_records"])]
    rows, muted = [], []
    for index, r in enumerate(data.records):
        content = r.content
        if r.corrects is not None:
            content = w["corrects"].format(n=r.corrects) + content
        if r.corrected_by:
            content = w["corrected"].format(n="、".join(map(str, r.corrected_by))) + content
            muted.append(index)
        if r.goods:
            content += w["goods"].format(goods=r.goods) + (w["goods_back"] if r.goods_back
                                                           else "")
        people = r.workers
        if r.volunteers:
            people = (people + "\n" if people else "") + w["volunteers"] + r.volunteers
        rows.append((str(r.number), r.served_on.isoformat(), code(lang, "kind", r.kind),
                     str(r.minutes) if r.minutes else "", people, content))
    table = pdf.data_table(w["rec_head"], rows, [w_ * mm for w_ in (10, 21, 18, 12, 31, 88)],
                           align=["centre", "centre", "centre", "right", "left", "left"],
                           muted=muted)
    counted = [r for r in data.records if not r.corrected_by]
    total = w["total"].format(count=len(data.records),
                              minutes=sum(r.minutes for r in counted))
    if len(counted) < len(data.records):
        total += w["total_corrected"].format(n=len(data.records) - len(counted))
    return [table, pdf.para(total, _style("note"))]


def _referrals(data, w: dict, lang: str) -> list[Flowable]:
    if not data.referrals:
        return [pdf.para(w["none_referrals"])]
    rows = [(r.referred_on.isoformat(), r.unit, r.purpose, code(lang, "referral", r.status),
             r.answer + (f"（{r.updated_on.isoformat()}）" if r.updated_on and r.answer else ""))
            for r in data.referrals]
    return [pdf.data_table(w["ref_head"], rows, [w_ * mm for w_ in (22, 32, 52, 18, 56)],
                           align=["centre", "left", "left", "centre", "left"])]


def _closing(data, w: dict, lang: str) -> list[Flowable]:
    if data.closed_on is None:
        return [pdf.para(w["not_closed"])]
    return [_form([(w["closed_on"], pdf.date_text(data.closed_on, lang)),
                   (w["goals_met"], code(lang, "goals", data.goals_met)),
                   (w["reason"], data.close_reason), (w["summary"], data.summary),
                   (w["reflection"], data.reflection)])]


def _follow_ups(data, w: dict, lang: str) -> list[Flowable]:
    if not data.follow_ups:
        return [pdf.para(w["none_follow_ups"])]
    rows = [(f.due_on.isoformat(), f.done_on.isoformat() if f.done_on else w["pending"],
             f.note, f.by_name) for f in data.follow_ups]
    return [pdf.data_table(w["fu_head"], rows, [w_ * mm for w_ in (26, 26, 100, 28)],
                           align=["centre", "centre", "left", "centre"])]


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The case file as PDF to ``out`` (a path or binary file), or its bytes."""
    lang = lang if lang in WORDS else "zh"
    w = WORDS[lang]
    info = pdf.PageInfo(f"{w['title']} {data.number}", data.station, data.printed_on, lang)
    story: list[Flowable] = [*pdf.title_block(w["title"], data.station),
                             _header(data, w, lang)]
    for title, part in (("s_assessment", _assessment), ("s_plan", _plan),
                        ("s_records", _records), ("s_referrals", _referrals),
                        ("s_closing", _closing), ("s_follow_ups", _follow_ups)):
        body = part(data, w, lang)
        story.append(KeepTogether([_section(w[title]), body[0]]))  # no heading alone at the foot
        story += body[1:]
    story.append(KeepTogether([Spacer(1, 14 * mm), sign_off_line(w["sign"], [0.3, 0.3, 0.4])]))
    return pdf.build(story, info, out)


def problems(data) -> list[tuple[str, str]]:
    """``(label, char)`` for characters of the record no font can print: every text on it
    (names, notes, plans, answers), labelled with the case's number."""
    import dataclasses

    from . import fonts

    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    walk(data)
    return fonts.unprintable([(f"#{data.case_id}", " ".join(texts))])
