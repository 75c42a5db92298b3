"""捐赠物资接收凭证: the slip a station gives a donor for goods and cash received.

A station cannot issue fiscal 公益事业捐赠票据 (财综〔2024〕1号), so the slip says it is only
an acknowledgement of receipt, and where the official receipt comes from (DOMAIN.md, "Real
formats"). It carries the number (never repeated; a spoiled one is voided), the station and
its operating organisation, the donor, the date received, the goods with quantities and
values (goods that cannot be valued are listed without a value), cash with its purpose, the
total in figures and in capital numerals (壹佰贰拾元整), the clerk and the head, a box for
the seal, and the station's phone and address. A cancelled donation prints marked 作废.

A station prints two copies on one A4 sheet, cut apart along the dashed line: 第一联 存根
(kept on file) above, 第二联 交捐赠方 (for the donor) below, each complete. A long list of
goods continues on the next sheet with the table's header repeated, so sheet N holds page N
of both copies and each half is numbered "第 N 页 / 共 M 页".

The data comes from :func:`..services.donations.acknowledgement_data`.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, Spacer, Table

from .. import money
from . import fonts, pdf
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "捐赠物资接收凭证",
        "title_size": 17,
        "colon": "：",
        "number": "No. {number}",
        "copies": ("第一联 存根", "第二联 交捐赠方"),
        "station": "受赠单位",
        "organisation": "运营机构",
        "received_on": "接收日期",
        "donor": "捐赠方",
        "contact": "联系方式",
        "columns": ("序号", "物资名称（规格）", "单位", "数量", "单价（元）", "金额（元）"),
        "no_value": "—",
        "unvalued": "未估值",
        "cash": "现金（善款）",
        "cash_unit": "元",
        "total": "合计（小写）",
        "total_unvalued": "合计（小写，未估值物资不计入）",
        "capital": "合计（大写）",
        "capital_value": "人民币{words}",
        "purpose": "指定用途：{value}",
        "no_purpose": "无",
        "notice": "本凭证仅为物资接收确认，不作为公益事业捐赠票据；如需捐赠票据，请向运营机构或慈善会申请。",
        "clerk": "经办人：{value}",
        "head": "负责人：{value}",
        "phone": "联系电话：{value}",
        "address": "地址：{value}",
        "issued_on": "开具日期：{value}",
        "seal": "单位（盖章）",
        "blank": "__________",
        "page": "{number}　第 {n} 页 / 共 {total} 页",
        "continued": "（续）",
        "cut": "沿虚线裁开",
        "void": "作废",
        "void_note": "（已作废）",
    },
    "en": {
        "title": "Goods received",
        "title_size": 15,
        "colon": ": ",
        "number": "No. {number}",
        "copies": ("Copy 1 Stub", "Copy 2 Donor"),
        "station": "Received by",
        "organisation": "Operated by",
        "received_on": "Date received",
        "donor": "Donor",
        "contact": "Contact",
        "columns": ("No.", "Goods (spec.)", "Unit", "Qty", "Unit value", "Value"),
        "no_value": "—",
        "unvalued": "not valued",
        "cash": "Cash",
        "cash_unit": "yuan",
        "total": "Total",
        "total_unvalued": "Total (goods not valued are not counted)",
        "capital": "Total in words",
        "capital_value": "RMB {words}",
        "purpose": "Designated use: {value}",
        "no_purpose": "none",
        "notice": "This slip only confirms receipt of the goods; it is not a fiscal donation "
                  "receipt (公益事业捐赠票据). For one, ask the operating organisation or the "
                  "charity federation.",
        "clerk": "Clerk: {value}",
        "head": "Head: {value}",
        "phone": "Phone: {value}",
        "address": "Address: {value}",
        "issued_on": "Issued: {value}",
        "seal": "(seal)",
        "blank": "__________",
        "page": "{number}  page {n} of {total}",
        "continued": " (continued)",
        "cut": "cut along the dashed line",
        "void": "VOID",
        "void_note": " (void)",
    },
}
NUMBER_RED = colors.Color(0.78, 0.1, 0.1)  # the serial number, as on pre-printed receipt books
VOID_RED = colors.Color(0.8, 0.1, 0.1, alpha=0.3)
HALF = A4[1] / 2  # each copy is half an A4 sheet (A5 landscape)
SIDE = 12 * mm  # left margin of a half
LABEL_ROOM = 16 * mm  # right margin: the copy's name runs down it
TOP = 11 * mm
BOTTOM = 11 * mm  # room for the half's page line
WIDTH = A4[0] - SIDE - LABEL_ROOM  # 182 mm
HEIGHT = HALF - TOP - BOTTOM
COLUMNS_MM = (12, 70, 16, 22, 30, 32)  # 182 mm
SEAL_MM = 30


def check(data) -> list[tuple[str, str]]:
    """``(record, character)`` for text on the slip that no printer font can draw."""
    return fonts.unprintable(
        [(data.donor_name, f"{data.donor_name} {data.donor_contact} {data.purpose}"),
         (data.station, f"{data.station} {data.organisation} {data.station_address} "
                        f"{data.clerk} {data.head}")]
        + [(line.label, line.label) for line in data.lines])


class SealBox(Flowable):
    """A dashed square for the seal with its caption (shared with the thank-you letters)."""

    def __init__(self, caption: str, size: float = SEAL_MM * mm) -> None:
        super().__init__()
        self.caption, self.size = caption, size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(pdf.RULE)
        canvas.setLineWidth(0.6)
        canvas.setDash(3, 2)
        canvas.rect(0, 0, self.size, self.size)
        canvas.setFillColor(pdf.MUTED)
        fonts.draw_string(canvas, self.size / 2, self.size / 2 - 3, self.caption, 9.5,
                          align="centre")
        canvas.restoreState()


def _styles(words: dict):
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    made = pdf.styles()
    return {
        "title": ParagraphStyle("ack_title", made["title"], fontSize=words["title_size"],
                                leading=22, spaceAfter=0),
        "number": ParagraphStyle("ack_number", made["body"], fontSize=12.5, leading=16,
                                 alignment=TA_RIGHT, textColor=NUMBER_RED),
        "info": ParagraphStyle("ack_info", made["body"], fontSize=10, leading=13.5),
        "line": ParagraphStyle("ack_line", made["body"], fontSize=9.5, leading=13),
        "notice": ParagraphStyle("ack_notice", made["body"], fontSize=9, leading=12,
                                 alignment=TA_CENTER),
        "cell": ParagraphStyle("ack_cell", made["cell_left"], fontSize=9.5, leading=12),
        "cell_centre": ParagraphStyle("ack_cell_c", made["cell_centre"], fontSize=9.5,
                                      leading=12),
        "cell_right": ParagraphStyle("ack_cell_r", made["cell_right"], fontSize=9.5, leading=12),
        "head": ParagraphStyle("ack_head", made["head"], fontSize=9.5, leading=12),
    }


def _grid(rows: list[list], widths: list[float]) -> Table:
    """A borderless layout table (no padding at the sides, so text lines up with the frame)."""
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    return table


def _story(data, words: dict, st: dict, lang: str) -> list[Flowable]:
    """One copy of the slip: heading, donor, goods table, totals, sign-off and seal."""
    none = words["no_value"]
    number = words["number"].format(number=data.number or none)
    if data.void:
        number += words["void_note"]
    colon = words["colon"]
    received = pdf.para(f"{words['received_on']}{colon}{pdf.date_text(data.received_on, lang)}",
                        st["info"])
    heading = _grid([[received, pdf.para(words["title"], st["title"]),
                      pdf.para(number, st["number"])]],
                    [52 * mm, WIDTH - 104 * mm, 52 * mm])
    heading.setStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")])

    def pair(label: str, value: str):
        return pdf.para(f"{label}{colon}{value or none}", st["info"])

    rows = [[pair(words["station"], data.station), pair(words["donor"], data.donor_name)],
            [pair(words["organisation"], data.organisation) if data.organisation else "",
             pair(words["contact"], data.donor_contact)]]
    info = _grid(rows, [WIDTH * 0.55, WIDTH * 0.45])

    header = [pdf.para(text, st["head"]) for text in words["columns"]]
    body: list[list] = [header]
    for index, line in enumerate(data.lines, start=1):
        valued = line.unit_value_fen is not None
        body.append([pdf.para(str(index), st["cell_centre"]), pdf.para(line.label, st["cell"]),
                     pdf.para(line.unit, st["cell_centre"]),
                     pdf.para(f"{line.quantity:,}", st["cell_right"]),
                     pdf.para(money.yuan(line.unit_value_fen) if valued else none,
                              st["cell_right"] if valued else st["cell_centre"]),
                     pdf.para(money.yuan(line.value_fen) if valued else words["unvalued"],
                              st["cell_right"] if valued else st["cell_centre"])])
    if data.cash_fen:
        body.append([pdf.para(str(len(data.lines) + 1), st["cell_centre"]),
                     pdf.para(words["cash"], st["cell"]),
                     pdf.para(words["cash_unit"], st["cell_centre"]),
                     pdf.para(none, st["cell_centre"]), pdf.para(none, st["cell_centre"]),
                     pdf.para(money.yuan(data.cash_fen), st["cell_right"])])
    widths = [w * mm for w in COLUMNS_MM]
    goods = Table(body, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = pdf.table_style(rows=len(body), zebra=False)
    style.add("TOPPADDING", (0, 0), (-1, -1), 2)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 3)
    goods.setStyle(style)

    # The totals, sign-off and seal stay together (a one-row table never splits): if they
    # don't fit under the goods, they start the next page.
    unvalued = any(line.unit_value_fen is None for line in data.lines)
    totals = Table(
        [[pdf.para(words["total_unvalued" if unvalued else "total"], st["cell_right"]), "", "",
          "", "", pdf.para(money.yuan(data.total_fen), st["cell_right"])],
         [pdf.para(words["capital"], st["cell_right"]), "",
          pdf.para(words["capital_value"].format(words=money.capital(data.total_fen)),
                   st["cell"]), "", "", ""]],
        colWidths=widths, hAlign="LEFT")
    style = pdf.table_style(header_rows=0, zebra=False, rows=2)
    style.add("SPAN", (0, 0), (4, 0))
    style.add("SPAN", (0, 1), (1, 1))
    style.add("SPAN", (2, 1), (5, 1))
    style.add("TOPPADDING", (0, 0), (-1, -1), 2)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 3)
    totals.setStyle(style)
    blank = words["blank"]
    gap = "\u00a0" * 6  # reportlab collapses ordinary and ideographic spaces
    lines = [pdf.para(words["purpose"].format(value=data.purpose or words["no_purpose"]),
                      st["line"]),
             pdf.para(words["clerk"].format(value=data.clerk or blank) + gap
                      + words["head"].format(value=data.head or blank), st["line"]),
             pdf.para(words["phone"].format(value=data.station_phone or none) + gap
                      + words["issued_on"].format(value=pdf.date_text(data.issued_on, lang)),
                      st["line"])]
    if data.station_address:
        lines.append(pdf.para(words["address"].format(value=data.station_address), st["line"]))
    seal_room = SEAL_MM * mm + 8 * mm
    sign = _grid([[lines, SealBox(words["seal"])]], [WIDTH - seal_room, seal_room])
    sign.setStyle([("LEFTPADDING", (1, 0), (1, 0), 8 * mm)])
    footer = _grid([[[totals, Spacer(1, 2.5 * mm), sign, Spacer(1, 1.5 * mm),
                      pdf.para(words["notice"], st["notice"])]]], [WIDTH])
    footer.setStyle([("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [heading, Spacer(1, 2 * mm), info, Spacer(1, 2 * mm), goods, footer]


def _fill(frame: Frame, story: list[Flowable], canvas) -> None:
    """Draw flowables from the front of ``story`` into ``frame`` until it is full, splitting
    the one that overflows (a table splits between rows and repeats its header)."""
    drawn = False
    while story:
        if frame.add(story[0], canvas):
            story.pop(0)
            drawn = True
            continue
        parts = frame.split(story[0], canvas)
        if len(parts) < 2 or not frame.add(parts[0], canvas):
            break
        story[0:1] = parts[1:]
        drawn = True
    if not drawn and story:
        from reportlab.platypus.doctemplate import LayoutError

        raise LayoutError(f"{type(story[0]).__name__} does not fit half a page")


def _slip_canvas(words: dict, data) -> type:
    """A canvas that, once the page count is known, draws each half's furniture: the copy's
    name down the right edge, the page line, the cut line, and 作废 on a cancelled slip."""

    class SlipCanvas(pdf._PagedCanvas):  # shares the page-holding with every other printout
        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            width = A4[0]
            for half, copy in ((1, words["copies"][0]), (0, words["copies"][1])):
                base = half * HALF
                self.setFillColor(pdf.MUTED)
                x, y = width - LABEL_ROOM / 2, base + HALF - TOP - 10
                if copy.isascii():  # Latin text runs down the margin turned on its side
                    self.saveState()
                    self.translate(x - 3, y + 8)
                    self.rotate(-90)
                    fonts.draw_string(self, 0, 0, copy, 10)
                    self.restoreState()
                else:  # Chinese stands upright, one character under another
                    for ch in copy.replace(" ", "　"):
                        fonts.draw_string(self, x, y, ch, 10, align="centre")
                        y -= 12.5 if ch != "　" else 8
                if number > 1:  # a continued page names its slip at the top
                    fonts.draw_string(self, SIDE + WIDTH, base + HALF - 7.5 * mm,
                                      words["title"] + " " + words["number"].format(
                                          number=data.number) + words["continued"], 8.5,
                                      align="right")
                if total > 1:
                    fonts.draw_string(self, SIDE + WIDTH, base + 5 * mm,
                                      words["page"].format(number=data.number, n=number,
                                                           total=total), 8.5, align="right")
                if data.void:
                    self.saveState()
                    self.setFillColor(VOID_RED)
                    self.translate(SIDE + WIDTH / 2, base + HALF / 2 - 14 * mm)
                    self.rotate(18)
                    fonts.draw_string(self, 0, 0, words["void"], 96, align="centre")
                    self.restoreState()
            # the cut line between the copies, with a note where to cut
            self.setStrokeColor(pdf.RULE)
            self.setLineWidth(0.5)
            self.setDash(4, 3)
            self.line(0, HALF, width, HALF)
            self.setDash()
            note = words["cut"]
            note_width = fonts.string_width(note, 7.5)
            self.setFillColor(colors.white)
            self.rect(width / 2 - note_width / 2 - 2 * mm, HALF - 2 * mm, note_width + 4 * mm,
                      4 * mm, stroke=0, fill=1)
            self.setFillColor(pdf.MUTED)
            fonts.draw_string(self, width / 2, HALF - 1.1 * mm, note, 7.5, align="centre")
            self.restoreState()

    return SlipCanvas


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """Both copies of the slip on A4 (to ``out``, or returned as bytes)."""
    from io import BytesIO
    from pathlib import Path

    words = LABELS.get(lang, LABELS["zh"])
    font = fonts.register()
    st = _styles(words)
    copies = [_story(data, words, st, lang), _story(data, words, st, lang)]  # a story is used up as drawn
    target = BytesIO() if out is None else (str(out) if isinstance(out, str | Path) else out)
    title = f"{words['title']} {data.number}"
    info = pdf.PageInfo(title=title, station=data.station, printed_on=data.issued_on, lang=lang)
    canvas = _slip_canvas(words, data)(target, pagesize=A4, info=info, initialFontName=font,
                                       lang="zh-CN" if lang == "zh" else "en")
    canvas.setTitle(title)
    canvas.setAuthor(data.station)
    canvas.setCreator("站务通 Station Desk")
    while any(copies):
        for half, story in ((1, copies[0]), (0, copies[1])):
            if story:
                frame = Frame(SIDE, half * HALF + BOTTOM, WIDTH, HEIGHT, 0, 0, 0, 0)
                _fill(frame, story, canvas)
        canvas.showPage()
    canvas.save()
    return target.getvalue() if out is None else None

