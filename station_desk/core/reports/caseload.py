"""社工月度个案工作量表: one social worker's cases in one month, A4 landscape.

A row per case open at some time in the month (number, the person masked, village, stage,
risk, opened, the month's service records and minutes, last service, next follow-up, due),
then the month's totals (opened, active at the month's end, closed, records, hours) and the
sign line. A pure function of :class:`..services.case_exports.CaseloadData`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from . import pdf
from .case_file import code
from .count_sheet import sign_off_line
from .pdf import PdfTarget

WORDS = {
    "zh": {
        "title": "社工月度个案工作量表",
        "subtitle": "{station}　社工：{worker}　{year}年{month}月",
        "head": ("序号", "个案编号", "服务对象", "村居", "阶段", "风险", "开案日期", "本月服务",
                 "本月时长（分）", "最近服务", "下次回访", "待办"),
        "due": {"follow_up": "回访到期", "quiet": "30天未服务"},
        "none": "本月没有在案的个案。",
        "totals": ("在案个案", "本月新开", "月末在案", "本月结案", "本月服务次数", "本月服务时长（小时）"),
        "sign": ("社工：__________", "督导：__________", "日期：______年____月____日"),
    },
    "en": {
        "title": "Monthly caseload",
        "subtitle": "{station}  Social worker: {worker}  {year}-{month:02d}",
        "head": ("No.", "Case", "Client", "Village", "Stage", "Risk", "Opened", "Services",
                 "Minutes", "Last service", "Next follow-up", "Due"),
        "due": {"follow_up": "Follow-up due", "quiet": "30 days quiet"},
        "none": "No cases this month.",
        "totals": ("Cases", "Opened", "Active at month end", "Closed", "Services", "Hours"),
        "sign": ("Social worker: ________", "Supervisor: ________", "Date: ____________"),
    },
}
WIDTHS = {"zh": (11, 18, 34, 28, 18, 12, 24, 18, 22, 24, 24, 34),  # mm, 267 in all
          "en": (11, 16, 30, 26, 25, 16, 22, 17, 17, 22, 24, 41)}


def _day(day) -> str:
    return day.isoformat() if day else ""


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The caseload sheet as PDF to ``out`` (a path or binary file), or its bytes."""
    lang = lang if lang in WORDS else "zh"
    w = WORDS[lang]
    info = pdf.PageInfo(w["title"], data.station, data.printed_on, lang, landscape=True)
    subtitle = w["subtitle"].format(station=data.station, worker=data.social_worker,
                                    year=data.year, month=data.month).strip()
    story: list[Flowable] = [*pdf.title_block(w["title"], subtitle)]
    if data.rows:
        rows = [(str(n), f"#{r.case_id}", r.client, r.village, code(lang, "status", r.status),
                 code(lang, "risk", r.risk), _day(r.opened_on), str(r.records),
                 str(r.minutes), _day(r.last_record_on), _day(r.follow_up_on),
                 w["due"].get(r.due, ""))
                for n, r in enumerate(data.rows, start=1)]
        story.append(pdf.data_table(
            w["head"], rows, [x * mm for x in WIDTHS[lang]],
            align=["centre", "centre", "left", "left", "centre", "centre", "centre", "right",
                   "right", "centre", "centre", "centre"],
            muted=[i for i, r in enumerate(data.rows) if r.status == "closed"]))
    else:
        story.append(pdf.para(w["none"]))
    t = data.totals
    values = (t.cases, t.opened, t.active, t.closed, t.records, f"{t.hours:g}")
    width = pdf.content_width(True) / len(values)
    totals = Table([[pdf.para(h, "head") for h in w["totals"]],
                    [pdf.para(str(v), "cell_centre") for v in values]],
                   colWidths=[width] * len(values), hAlign="CENTER")
    totals.setStyle(pdf.table_style(zebra=False))
    story.append(KeepTogether([Spacer(1, 5 * mm), totals, Spacer(1, 14 * mm),
                               sign_off_line(w["sign"], [0.3, 0.3, 0.4])]))
    return pdf.build(story, info, out)
