"""活动总结: a campaign's closing summary on A4 portrait.

From :func:`..services.campaigns.summary`: the campaign, its window and festival, the budget
beside the value given out (yuan), the outcomes (removed targets not counted), tables by
village and by team, the packages delivered with their value, the goods given out, the
volunteers and their hours, the needs found (heads masked), the closing note and the sign
lines. Long tables repeat their header on every page.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from .. import money
from ..festivals import FESTIVALS
from . import pdf
from .count_sheet import sign_off_line
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "慰问活动总结",
        "heading": "{campaign} 活动总结",
        "kinds": {"holiday": "节日慰问", "visit_day": "家访日"},
        "facts": (("活动名称", "活动类型"), ("主题", "节日"), ("活动时间", "状态"),
                  ("预算（元）", "发放物资价值（元）")),
        "window": "{start} 至 {end}",
        "statuses": {"open": "进行中", "closed": "已结束"},
        "over_budget": "超出预算 {amount} 元",
        "left": "预算余 {amount} 元",
        "totals_title": "一、走访情况",
        "totals": ("慰问对象", "已走访", "不在家（待再访）", "拒访", "迁出 / 去世", "未走访",
                   "已发放", "已签收", "上门次数"),
        "totals_note": "已移出名单的户不计入。",
        "village_title": "二、分村居统计",
        "team_title": "三、分小组统计",
        "line_columns": ("{key}", "对象", "已走访", "未完成", "已发放", "已签收", "完成率"),
        "village": "村居",
        "team": "小组",
        "no_team": "未分组",
        "total": "合计",
        "packages_title": "四、慰问品发放",
        "package_columns": ("慰问包", "发放份数", "价值（元）"),
        "unvalued": "（部分物资无估值）",
        "goods_title": "五、物资出库明细",
        "goods_columns": ("物资", "单位", "数量", "价值（元）"),
        "volunteers_title": "六、志愿者服务",
        "volunteer_columns": ("姓名", "小组", "出访次数", "服务时长（小时）"),
        "volunteer_total": "共 {people} 人，{times} 人次，{hours} 小时",
        "needs_title": "七、走访中发现的群众诉求",
        "need_columns": ("序号", "村居", "户主", "诉求内容", "日期"),
        "close_title": "八、活动小结",
        "closed_on": "结束日期：{date}",
        "not_closed": "活动尚未结束（截至 {date} 的情况）。",
        "none": "无",
        "sign": ("经办人：__________", "站长：__________", "日期：______年____月____日"),
    },
    "en": {
        "title": "Campaign summary",
        "heading": "{campaign}: summary",
        "kinds": {"holiday": "holiday visits", "visit_day": "home-visit day"},
        "facts": (("Campaign", "Kind"), ("Theme", "Festival"), ("Window", "Status"),
                  ("Budget (yuan)", "Value given out (yuan)")),
        "window": "{start} to {end}",
        "statuses": {"open": "open", "closed": "closed"},
        "over_budget": "{amount} yuan over budget",
        "left": "{amount} yuan left",
        "totals_title": "1. Visits",
        "totals": ("Targets", "Visited", "Nobody home (to retry)", "Declined",
                   "Moved / deceased", "Not visited", "Delivered", "Signed for", "Calls"),
        "totals_note": "Households taken off the list are not counted.",
        "village_title": "2. By village",
        "team_title": "3. By team",
        "line_columns": ("{key}", "Targets", "Visited", "Open", "Delivered", "Signed", "Done"),
        "village": "Village",
        "team": "Team",
        "no_team": "No team",
        "total": "Total",
        "packages_title": "4. Packages handed over",
        "package_columns": ("Package", "Handed over", "Value (yuan)"),
        "unvalued": " (some goods unvalued)",
        "goods_title": "5. Goods given out",
        "goods_columns": ("Item", "Unit", "Quantity", "Value (yuan)"),
        "volunteers_title": "6. Volunteers",
        "volunteer_columns": ("Name", "Team", "Outings", "Hours"),
        "volunteer_total": "{people} volunteers, {times} person-times, {hours} hours",
        "needs_title": "7. Needs found on the visits",
        "need_columns": ("No.", "Village", "Head", "Need", "Date"),
        "close_title": "8. Closing note",
        "closed_on": "Closed on {date}",
        "not_closed": "Not closed yet (figures as of {date}).",
        "none": "None",
        "sign": ("Prepared by: ________", "Station head: ________", "Date: ______________"),
    },
}


def _share(line) -> str:
    return f"{line.share_done * 100:.0f}%" if line.targets else "—"


def _hours(value: float) -> str:
    return f"{value:.2f}"


_STYLES: dict = {}


def _style(name: str):
    if not _STYLES:
        from reportlab.lib.styles import ParagraphStyle

        base = pdf.styles()
        _STYLES["section"] = ParagraphStyle("summary_section", base["body"], fontSize=12,
                                            leading=17, spaceBefore=4 * mm, spaceAfter=2 * mm)
        _STYLES["fact"] = ParagraphStyle("summary_fact", base["cell"], fontSize=10)
    return _STYLES[name]


def _lines_table(words: dict, key: str, lines, total) -> Flowable:
    header = [words["line_columns"][0].format(key=words[key]), *words["line_columns"][1:]]
    rows = []
    for line in lines:
        name = line.key or (words["no_team"] if key == "team" else "—")
        rows.append([name, str(line.targets), str(line.visited), str(line.open),
                     str(line.delivered), str(line.signed), _share(line)])
    rows.append([words["total"], str(total.targets), str(total.visited), str(total.open),
                 str(total.delivered), str(total.signed), _share(total)])
    widths = [w * mm for w in (50, 22, 22, 22, 22, 22, 20)]
    table = pdf.data_table(header, rows, widths,
                           align=["left"] + ["right"] * 5 + ["right"])
    table.setStyle([("LINEABOVE", (0, -1), (-1, -1), 0.9, pdf.INK)])
    return table


def build(summary, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The summary on A4 portrait, written to ``out`` or returned as bytes (``out=None``)."""
    words = LABELS.get(lang, LABELS["zh"])
    state = summary.progress
    campaign = state.campaign
    total = state.total
    info = pdf.PageInfo(title=f"{words['title']} · {campaign.name}", station=summary.station,
                        printed_on=state.on, lang=lang)
    story: list[Flowable] = pdf.title_block(words["heading"].format(campaign=campaign.name),
                                            summary.station)
    festival = ""
    if campaign.festival:
        name = FESTIVALS.get(campaign.festival, (campaign.festival,))[0]
        festival = f"{name} {pdf.date_text(campaign.festival_on, lang)}".strip()
    balance = campaign.budget_fen - summary.value_fen
    value = money.yuan(summary.value_fen)
    if campaign.budget_fen:
        value += "（" if lang == "zh" else " ("
        value += (words["left"] if balance >= 0 else words["over_budget"]).format(
            amount=money.yuan(abs(balance)))
        value += "）" if lang == "zh" else ")"
    facts = ((campaign.name, words["kinds"].get(campaign.kind, campaign.kind)),
             (campaign.theme or "—", festival or "—"),
             (words["window"].format(start=pdf.date_text(campaign.starts_on, lang),
                                     end=pdf.date_text(campaign.ends_on, lang)),
              words["statuses"].get(campaign.status, campaign.status)),
             (money.yuan(campaign.budget_fen) if campaign.budget_fen else "—", value))
    rows = []
    for (left, right), (left_value, right_value) in zip(words["facts"], facts, strict=True):
        rows.append([left, left_value, right, right_value])
    story.append(_facts(rows))

    story.append(pdf.para(words["totals_title"], _style("section")))
    figures = (total.targets, total.visited, total.nobody_home, total.declined, total.gone,
               total.open, total.delivered, total.signed, summary.visits)
    story.append(pdf.data_table(words["totals"], [[str(n) for n in figures]],
                                [180 * mm / len(figures)] * len(figures),
                                align=["centre"] * len(figures)))
    story.append(pdf.para(words["totals_note"], "small"))

    story.append(pdf.para(words["village_title"], _style("section")))
    story.append(_lines_table(words, "village", state.by_village, total))
    story.append(pdf.para(words["team_title"], _style("section")))
    story.append(_lines_table(words, "team", state.by_team, total))

    story.append(pdf.para(words["packages_title"], _style("section")))
    if summary.packages:
        rows = [[p.package + (words["unvalued"] if p.unvalued else ""), str(p.delivered),
                 money.yuan(p.value_fen)] for p in summary.packages]
        rows.append([words["total"], str(sum(p.delivered for p in summary.packages)),
                     money.yuan(sum(p.value_fen for p in summary.packages))])
        story.append(pdf.data_table(words["package_columns"], rows,
                                    [w * mm for w in (100, 40, 40)],
                                    align=["left", "right", "right"]))
    else:
        story.append(pdf.para(words["none"], "body"))

    story.append(pdf.para(words["goods_title"], _style("section")))
    if summary.goods:
        rows = [[item, unit, str(quantity), money.yuan(value)]
                for item, unit, quantity, value in summary.goods]
        rows.append([words["total"], "", "", money.yuan(summary.value_fen)])
        story.append(pdf.data_table(words["goods_columns"], rows,
                                    [w * mm for w in (90, 20, 30, 40)],
                                    align=["left", "centre", "right", "right"]))
    else:
        story.append(pdf.para(words["none"], "body"))

    story.append(pdf.para(words["volunteers_title"], _style("section")))
    if summary.volunteers:
        rows = [[v.name, v.team or "—", str(v.outings), _hours(v.hours)]
                for v in summary.volunteers]
        story.append(pdf.data_table(words["volunteer_columns"], rows,
                                    [w * mm for w in (50, 60, 30, 40)],
                                    align=["left", "left", "right", "right"]))
    story.append(pdf.para(words["volunteer_total"].format(
        people=len(summary.volunteers), times=summary.person_times,
        hours=_hours(summary.volunteer_hours)), "body"))

    story.append(pdf.para(words["needs_title"], _style("section")))
    if summary.needs:
        rows = [[str(n), need.village, need.head_name, need.content,
                 need.raised_on.isoformat() if need.raised_on else ""]
                for n, need in enumerate(summary.needs, start=1)]
        story.append(pdf.data_table(words["need_columns"], rows,
                                    [w * mm for w in (12, 26, 22, 95, 25)],
                                    align=["centre", "left", "left", "left", "centre"]))
    else:
        story.append(pdf.para(words["none"], "body"))

    closing: list[Flowable] = [pdf.para(words["close_title"], _style("section"))]
    if summary.closed_on:
        closing.append(pdf.para(words["closed_on"].format(
            date=pdf.date_text(summary.closed_on, lang)), "body"))
    else:
        closing.append(pdf.para(words["not_closed"].format(date=pdf.date_text(state.on, lang)),
                                "body"))
    if summary.close_note:
        closing.append(pdf.para(summary.close_note, "body"))
    closing += [Spacer(1, 14 * mm), sign_off_line(words["sign"], [0.3, 0.3, 0.4])]
    story.append(KeepTogether(closing))
    return pdf.build(story, info, out)


def _facts(rows: list[list[str]]) -> Flowable:
    """The campaign's facts as a two-pair grid, labels shaded."""
    from reportlab.platypus import Table

    body = [[pdf.para(a, "cell_left"), pdf.para(b, "cell_left"), pdf.para(c, "cell_left"),
             pdf.para(d, "cell_left")] for a, b, c, d in rows]
    table = Table(body, colWidths=[w * mm for w in (26, 64, 32, 58)], hAlign="CENTER")
    style = pdf.table_style(header_rows=0, zebra=False)
    style.add("BACKGROUND", (0, 0), (0, -1), pdf.HEADER_FILL)
    style.add("BACKGROUND", (2, 0), (2, -1), pdf.HEADER_FILL)
    table.setStyle(style)
    return table
