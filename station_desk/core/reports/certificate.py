"""志愿服务时长证明 as printed: what 民政部令第67号 asks a certificate to carry.

The volunteer's name, ID type and number (masked unless the station prints them in full),
volunteer number; the service period, content and hours (actual service time, travel
excluded); the issuing station, its head and the clerk (经办人), a contact phone; the
certificate's number and date, and a box for the seal. A voided certificate prints with
作废 across it and the reason, for the file.

The data comes from :func:`..services.certificates.certificate_data` (a certificate on file).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from . import fonts, pdf
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "志愿服务时长证明",
        "number": "证明编号：{number}",
        "body": "兹证明 {name} 同志于 {start} 至 {end} 期间参加{station}组织的志愿服务活动，"
                "累计服务 {times} 人次，志愿服务时长共计 {hours} 小时（为实际服务时间，不含往返交通时间）。",
        "rows": ("姓名", "证件类型", "证件号码", "志愿者编号", "所属服务队", "服务期间", "服务内容",
                 "服务时长"),
        "hours": "{hours} 小时（{times} 人次）",
        "period": "{start} 至 {end}",
        "none": "—",
        "closing": "特此证明。",
        "issuer": "出具单位：{value}",
        "organisation": "运营机构：{value}",
        "head": "负责人：{value}",
        "clerk": "经办人：{value}",
        "contact": "联系电话：{value}",
        "date": "出具日期：{value}",
        "seal": "（盖章）",
        "basis": "本证明依据《志愿服务记录与证明出具办法（试行）》（民政部令第67号）出具，"
                 "所载内容以本单位志愿服务记录为准，免费出具，编号存档备查。",
        "void": "作废",
        "void_reason": "本证明已作废：{reason}",
    },
    "en": {
        "title": "Certificate of volunteer service hours",
        "number": "No. {number}",
        "body": "This certifies that {name} took part in volunteer service organised by "
                "{station} from {start} to {end}: {times} services, {hours} hours in all "
                "(actual service time, travel excluded).",
        "rows": ("Name", "ID type", "ID number", "Volunteer no.", "Team", "Period", "Content",
                 "Hours"),
        "hours": "{hours} hours ({times} services)",
        "period": "{start} to {end}",
        "none": "—",
        "closing": "",
        "issuer": "Issued by: {value}",
        "organisation": "Operated by: {value}",
        "head": "Head: {value}",
        "clerk": "Clerk: {value}",
        "contact": "Contact: {value}",
        "date": "Date: {value}",
        "seal": "(seal)",
        "basis": "Issued under the Measures for Recording and Certifying Volunteer Service "
                 "(MCA Order No. 67), from the station's records, free of charge; numbered "
                 "and kept on file.",
        "void": "VOID",
        "void_reason": "This certificate is void: {reason}",
    },
}
SEAL_MM = 42


def hours_text(hours: float) -> str:
    return f"{hours:.2f}".rstrip("0").rstrip(".")


def check(data) -> list[tuple[str, str]]:
    return fonts.unprintable([(data.volunteer_name, f"{data.volunteer_name} {data.content}"),
                              (data.station, f"{data.station} {data.head} {data.clerk}")])


class _SealBox(Flowable):
    """A dashed square for the station's seal, with the issuer's lines to its left."""

    def __init__(self, lines: list[str], seal: str, width: float) -> None:
        super().__init__()
        self.lines, self.seal, self.width = lines, seal, width
        self.height = max(SEAL_MM * mm, len(lines) * 8 * mm)

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = SEAL_MM * mm
        left = self.width - size - 6 * mm
        canvas.saveState()
        canvas.setStrokeColor(pdf.RULE)
        canvas.setDash(3, 2)
        canvas.rect(left, self.height - size, size, size)
        canvas.setFillColor(pdf.MUTED)
        fonts.draw_string(canvas, left + size / 2, self.height - size / 2 - 3, self.seal, 10,
                          align="centre")
        canvas.restoreState()
        y = self.height - 6 * mm
        for line in self.lines:
            fonts.draw_string(canvas, 8 * mm, y, line, 11.5)
            y -= 8 * mm


class _Void(Flowable):
    """作废 in big grey letters across the page (drawn behind nothing: zero height)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.35))
        canvas.translate(pdf.content_width() / 2, -95 * mm)
        canvas.rotate(30)
        fonts.draw_string(canvas, 0, 0, self.text, 110, align="centre")
        canvas.restoreState()


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The certificate on one A4 portrait page (to ``out``, or returned as bytes)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    words = LABELS.get(lang, LABELS["zh"])
    info = pdf.PageInfo(title=f"{words['title']} {data.number}", station=data.station,
                        printed_on=data.issued_on, lang=lang)
    base = pdf.styles()["body"]
    number_style = ParagraphStyle("cert_number", base, alignment=TA_RIGHT, fontSize=11)
    body_style = ParagraphStyle("cert_body", base, fontSize=13, leading=24, firstLineIndent=26)
    title_style = ParagraphStyle("cert_title", pdf.styles()["title"], fontSize=24, leading=32,
                                 spaceAfter=6 * mm)
    start, end = pdf.date_text(data.period_from, lang), pdf.date_text(data.period_to, lang)
    hours = hours_text(data.hours)
    story: list[Flowable] = []
    if data.void:
        story.append(_Void(words["void"]))
    story += [pdf.para(words["number"].format(number=data.number), number_style),
              Spacer(1, 6 * mm), pdf.para(words["title"], title_style),
              pdf.para(words["body"].format(name=data.volunteer_name, start=start, end=end,
                                            station=data.station, times=data.person_times,
                                            hours=hours), body_style),
              Spacer(1, 5 * mm)]
    none = words["none"]
    values = (data.volunteer_name, data.id_type or none, data.id_number or none,
              data.volunteer_number or none, data.team or none,
              words["period"].format(start=start, end=end), data.content or none,
              words["hours"].format(hours=hours, times=data.person_times))
    rows = [[pdf.para(label, "head"), pdf.para(value, "cell_left")]
            for label, value in zip(words["rows"], values, strict=True)]
    width = pdf.content_width()
    table = Table(rows, colWidths=[34 * mm, width - 34 * mm], hAlign="CENTER")
    style = pdf.table_style(header_rows=0, zebra=False, rows=len(rows))
    style.add("BACKGROUND", (0, 0), (0, -1), pdf.HEADER_FILL)
    style.add("TOPPADDING", (0, 0), (-1, -1), 6)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 7)
    table.setStyle(style)
    story += [table, Spacer(1, 4 * mm)]
    if words["closing"]:
        story.append(pdf.para(words["closing"], body_style))
    story.append(Spacer(1, 8 * mm))
    lines = [words["issuer"].format(value=data.station or none)]
    if data.organisation:
        lines.append(words["organisation"].format(value=data.organisation))
    lines += [words["head"].format(value=data.head or none),
              words["clerk"].format(value=data.clerk or "_" * 12),
              words["contact"].format(value=data.station_phone or none),
              words["date"].format(value=pdf.date_text(data.issued_on, lang))]
    story += [_SealBox(lines, words["seal"], width), Spacer(1, 10 * mm),
              pdf.para(words["basis"], "small")]
    if data.void:
        story.append(pdf.para(words["void_reason"].format(reason=data.void_reason), "body"))
    return pdf.build(story, info, out)
