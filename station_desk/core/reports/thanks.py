"""感谢信: thank-you letters in bulk, one (starting on a new page) per donor who gave in a
period: the donations with their goods and values, the totals in figures and capitals, a
plain word on how such gifts are used, the station, its head, the date and a seal box.

The data comes from :func:`..services.donations.thanks_data` (anonymous donors get none).
The pages carry the station's letterhead instead of the running header and page numbers of
the station's own sheets: the letters are sent out.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from .. import money
from . import fonts, pdf
from .acknowledgement import SealBox
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "感谢信",
        "heading": "感 谢 信",
        "dear": "尊敬的{name}：",
        "you_org": "贵单位",
        "you_person": "您",
        "intro": "您好！{start}至{end}，{you}先后{times}次向{station}捐赠{what}，明细如下：",
        "intro_once": "您好！{start}，{you}向{station}捐赠了{what}，明细如下：",
        "what": ("爱心物资", "善款", "爱心物资和善款"),
        "columns": ("捐赠日期", "捐赠物资及款项", "折合价值（元）"),
        "cash": "善款 {amount} 元",
        "sep": "、",
        "more": "等 {kinds} 种物资",
        "unvalued": "未估值",
        "total_row": "合计",
        "total_parts": "物资折合 {goods} 元，善款 {cash} 元",
        "total": "以上捐赠合计人民币 {total} 元（大写：{capital}）。",
        "total_unvalued": "以上捐赠合计人民币 {total} 元（大写：{capital}），另有部分物资未估值，未计入合计。",
        "only_unvalued": "以上物资未作估值。",
        "purpose": "对{you}指定的用途（{purposes}），我们专物专用、专款专用。",
        "use": "这些{what}已由我站逐笔登记入账、专人管理，并陆续用于辖区困难家庭、独居和高龄"
               "老人、留守儿童等服务对象的节日慰问、临时救助和日常关爱服务。{purpose}一袋米、"
               "一桶油、一份心意，让许多有困难的家庭感受到了社会的温暖。",
        "thanks": "在此，我站全体工作人员谨代表受助群众，向{you}致以衷心的感谢！今后我们将继续用好每一份"
                  "爱心，也欢迎{you}继续关心、支持我们的工作，常来站里走走看看。",
        "closing": "此致",
        "salute": "敬礼！",
        "head": "负责人：{value}",
        "seal": "（盖章）",
        "letterhead_contact": "地址：{address}　　电话：{phone}",
        "none": "这段期间没有需要致谢的捐赠。",
    },
    "en": {
        "title": "Thank-you letters",
        "heading": "Thank you",
        "dear": "Dear {name},",
        "you_org": "you",
        "you_person": "you",
        "intro": "Between {start} and {end} {you} made {times} donations of {what} "
                 "to {station}:",
        "intro_once": "On {start} {you} made a donation of {what} to {station}:",
        "what": ("goods", "money", "goods and money"),
        "columns": ("Date", "Goods and money", "Value (yuan)"),
        "cash": "cash {amount} yuan",
        "sep": ", ",
        "more": " and more: {kinds} kinds of goods",
        "unvalued": "not valued",
        "total_row": "Total",
        "total_parts": "goods {goods} yuan, cash {cash} yuan",
        "total": "In all {total} yuan (RMB {capital}).",
        "total_unvalued": "In all {total} yuan (RMB {capital}); some goods were not valued "
                          "and are not counted.",
        "only_unvalued": "The goods were not valued.",
        "purpose": "What {you} gave for a purpose ({purposes}) is used for it alone. ",
        "use": "Every gift of {what} was entered in our stock and cash books and has gone to families "
               "in need, elderly people living alone and children left behind in our area: "
               "holiday visits, emergency help and everyday care. {purpose}Each bag of rice "
               "and each bottle of oil told a family that people care.",
        "thanks": "On behalf of everyone we serve, thank you. We will make good use of every "
                  "gift, and you are always welcome to visit the station.",
        "closing": "With our thanks,",
        "salute": "",
        "head": "Head: {value}",
        "seal": "(seal)",
        "letterhead_contact": "Address: {address}    Phone: {phone}",
        "none": "No donations to thank anyone for in this period.",
    },
}
MARGIN_SIDE = 25 * mm  # a letter, not a ledger: wider margins
MARGIN_TOP = 32 * mm  # under the letterhead
MARGIN_BOTTOM = 22 * mm
LISTED_KINDS = 6  # a donation of more kinds of goods is summed up after the first few
ORGANISATIONS = ("enterprise", "party_branch", "charity", "community_fund")


def check(letters: Sequence) -> list[tuple[str, str]]:
    """``(record, character)`` for text in the letters that no printer font can draw."""
    records = []
    for letter in letters:
        goods = " ".join(line.label for d in letter.donations for line in d.lines)
        records.append((letter.donor_name, f"{letter.donor_name} {goods} "
                                           + " ".join(d.purpose for d in letter.donations)))
    if letters:
        first = letters[0]
        records.append((first.station, f"{first.station} {first.organisation} {first.head}"))
    return fonts.unprintable(records)


def goods_text(donation, words: dict) -> str:
    """大米（10kg）100袋、食用油（5L）20桶、善款 1,200.00 元 — the same item's batches added up."""
    totals: dict[tuple[str, str], int] = {}
    for line in donation.lines:
        totals[(line.label, line.unit)] = totals.get((line.label, line.unit), 0) + line.quantity
    parts = [f"{label}{quantity:,}{unit}" for (label, unit), quantity in totals.items()]
    if len(parts) > LISTED_KINDS:  # a letter, not a stock list
        parts = parts[:LISTED_KINDS - 1]
        parts[-1] += words["more"].format(kinds=len(totals))
    if donation.cash_fen:
        parts.append(words["cash"].format(amount=money.yuan(donation.cash_fen)))
    return words["sep"].join(parts)


def _styles():
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    made = pdf.styles()
    body = ParagraphStyle("thanks_body", made["body"], fontSize=12.5, leading=22,
                          firstLineIndent=25, spaceAfter=1.5 * mm)
    return {
        "heading": ParagraphStyle("thanks_heading", made["title"], fontSize=24, leading=32,
                                  spaceAfter=6 * mm),
        "dear": ParagraphStyle("thanks_dear", body, firstLineIndent=0, spaceAfter=1 * mm),
        "body": body,
        "plain": ParagraphStyle("thanks_plain", body, firstLineIndent=0),
        "sign": ParagraphStyle("thanks_sign", body, firstLineIndent=0, alignment=TA_CENTER,
                               spaceAfter=0),
        "cell_right": made["cell_right"],
        "centre": ParagraphStyle("thanks_centre", made["cell_centre"]),
        "footnote": ParagraphStyle("thanks_small", made["small"], alignment=TA_RIGHT),
    }


def _letter(letter, words: dict, st: dict, lang: str) -> list[Flowable]:
    you = words["you_person" if letter.donor_kind not in ORGANISATIONS else "you_org"]
    # "1月1日至12月31日" reads oddly in a letter written in November: end at the letter's date
    last = max(min(letter.date_to, letter.written_on), letter.date_from)
    start, end = pdf.date_text(letter.date_from, lang), pdf.date_text(last, lang)
    goods = any(d.lines for d in letter.donations)
    cash = any(d.cash_fen for d in letter.donations)
    what = words["what"][2 if goods and cash else 1 if cash else 0]
    station = letter.station or ""
    if len(letter.donations) == 1:
        intro = words["intro_once"].format(start=pdf.date_text(letter.donations[0].received_on,
                                                               lang), you=you, station=station,
                                          what=what)
    else:
        intro = words["intro"].format(start=start, end=end, you=you, times=len(letter.donations),
                                      station=station, what=what)
    story: list[Flowable] = [pdf.para(words["heading"], st["heading"]),
                             pdf.para(words["dear"].format(name=letter.donor_name), st["dear"]),
                             pdf.para(intro, st["body"])]
    rows, unvalued = [], False
    for donation in letter.donations:
        missing = any(line.unit_value_fen is None for line in donation.lines)
        unvalued = unvalued or missing
        value = (words["unvalued"] if not donation.total_fen and missing
                 else money.yuan(donation.total_fen))
        rows.append([pdf.date_text(donation.received_on, lang), goods_text(donation, words),
                     value])
    total = letter.goods_value_fen + letter.cash_fen
    rows.append([words["total_row"],
                 words["total_parts"].format(goods=money.yuan(letter.goods_value_fen),
                                             cash=money.yuan(letter.cash_fen)),
                 money.yuan(total)])
    width = A4[0] - 2 * MARGIN_SIDE
    table = pdf.data_table(words["columns"], rows, [32 * mm, width - 64 * mm, 32 * mm],
                           align=["centre", "left", "right"])
    table.setStyle([("LINEABOVE", (0, -1), (-1, -1), 0.9, pdf.INK)])
    story += [Spacer(1, 1 * mm), table, Spacer(1, 3 * mm)]
    if total:
        key = "total_unvalued" if unvalued else "total"
        story.append(pdf.para(words[key].format(total=money.yuan(total),
                                                capital=money.capital(total)), st["body"]))
    else:
        story.append(pdf.para(words["only_unvalued"], st["body"]))
    purposes = list(dict.fromkeys(d.purpose for d in letter.donations if d.purpose))
    purpose = (words["purpose"].format(you=you, purposes=words["sep"].join(purposes))
               if purposes else "")
    story += [pdf.para(words["use"].format(what=what, purpose=purpose), st["body"]),
              pdf.para(words["thanks"].format(you=you), st["body"])]
    ending = [pdf.para(words["closing"], st["body"])]
    if words["salute"]:
        ending.append(pdf.para(words["salute"], st["plain"]))
    lines = [pdf.para(station, st["sign"])]
    if letter.head:
        lines.append(pdf.para(words["head"].format(value=letter.head), st["sign"]))
    lines.append(pdf.para(pdf.date_text(letter.written_on, lang), st["sign"]))
    seal = SealBox(words["seal"], 34 * mm)
    sign_width = 78 * mm
    block = Table([["", lines, seal]], colWidths=[width - sign_width - 36 * mm, sign_width,
                                                  36 * mm])
    block.setStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    story.append(KeepTogether(ending + [Spacer(1, 4 * mm), block]))  # no orphaned 此致
    return story


def _letter_canvas(words: dict, station: str, organisation: str, address: str, phone: str):
    class LetterCanvas(pdf._PagedCanvas):  # the page-holding every printout shares
        def _decorate(self, number: int, total: int) -> None:
            width, height = A4
            self.saveState()
            top = height - 15 * mm
            fonts.draw_string(self, width / 2, top, station, 14, align="centre")
            if organisation:
                self.setFillColor(pdf.MUTED)
                fonts.draw_string(self, width / 2, top - 5.5 * mm, organisation, 9,
                                  align="centre")
            self.setStrokeColor(pdf.INK)
            self.setLineWidth(1.2)
            self.line(MARGIN_SIDE, top - 8.5 * mm, width - MARGIN_SIDE, top - 8.5 * mm)
            self.setLineWidth(0.4)
            self.line(MARGIN_SIDE, top - 9.5 * mm, width - MARGIN_SIDE, top - 9.5 * mm)
            if address or phone:
                self.setStrokeColor(pdf.RULE)
                self.line(MARGIN_SIDE, 14 * mm, width - MARGIN_SIDE, 14 * mm)
                self.setFillColor(pdf.MUTED)
                fonts.draw_string(self, width / 2, 9.5 * mm,
                                  words["letterhead_contact"].format(address=address or "—",
                                                                     phone=phone or "—"),
                                  8.5, align="centre")
            self.restoreState()

    return LetterCanvas


def build(letters: Sequence, out: PdfTarget | None = None, *, lang: str = "zh",
          address: str = "") -> bytes | None:
    """The letters, each from a new A4 page (to ``out``, or returned as bytes).

    ``address``: the station's address for the letterhead (the letters' data carries the
    phone but not the address).
    """
    from io import BytesIO
    from pathlib import Path

    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    words = LABELS.get(lang, LABELS["zh"])
    font = fonts.register()
    st = _styles()
    first = letters[0] if letters else None
    station = first.station if first else ""
    story: list[Flowable] = []
    for index, letter in enumerate(letters):
        if index:
            story.append(PageBreak())
        story += _letter(letter, words, st, lang)
    if not story:
        story = [pdf.para(words["none"], st["plain"])]
    target = BytesIO() if out is None else (str(out) if isinstance(out, str | Path) else out)
    width, height = A4
    doc = BaseDocTemplate(target, pagesize=A4, leftMargin=MARGIN_SIDE, rightMargin=MARGIN_SIDE,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                          title=words["title"], author=station, creator="站务通 Station Desk",
                          lang="zh-CN" if lang == "zh" else "en", initialFontName=font)
    frame = Frame(MARGIN_SIDE, MARGIN_BOTTOM, width - 2 * MARGIN_SIDE,
                  height - MARGIN_TOP - MARGIN_BOTTOM, 0, 0, 0, 0, id="letter")
    doc.addPageTemplates([PageTemplate("letter", [frame], pagesize=A4)])
    info = pdf.PageInfo(title=words["title"], station=station, lang=lang)
    canvas = _letter_canvas(words, station, first.organisation if first else "", address,
                            first.station_phone if first else "")
    doc.build(story, canvasmaker=partial(canvas, info=info))
    return target.getvalue() if out is None else None
