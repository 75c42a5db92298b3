"""微心愿认领清单: the open wishes on A4 portrait, to show partner companies.

Each wish by its number, the alias the client chose (王奶奶, 小军) and the village, what is
wished for, why, the estimated value and an empty 认领 column for a company to write its name
in; the station's name and phone to call. Never the household's name, address or phone. A
pure function of :class:`..services.activity_exports.WishListData`.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from . import fonts, pdf
from .activity_sheet import style
from .count_sheet import sign_off_line
from .pdf import PdfTarget

WORDS = {
    "zh": {
        "title": "微心愿认领清单",
        "intro": "以下心愿由社工站工作人员入户收集，经核实后发布（“服务对象下单—社工接单—"
                 "爱心人士买单—服务对象评单”）。为保护隐私，只写称呼和所在村居。欢迎爱心单位"
                 "和个人认领：请在“认领”栏写下单位名称，或联系{contact}，告知心愿编号。"
                 "认领的物品或款项由社工站登记入库、开具接收凭证，并送到服务对象手中。",
        "contact": "{station}（电话：{phone}）",
        "contact_no_phone": "{station}",
        "columns": ("编号", "称呼", "村居", "心愿", "原因", "估值（元）", "认领"),
        "total": "共 {count} 个心愿，估值合计 {amount} 元。",
        "none": "目前没有待认领的微心愿。",
        "sign": ("认领单位（盖章）：__________", "联系人：__________", "电话：__________"),
    },
    "en": {
        "title": "Micro-wishes to adopt",
        "intro": "These wishes were collected on home visits by the station's staff and "
                 "checked (the client places a wish, a social worker takes it on, a donor "
                 "pays, the client rates it). To protect privacy only an alias and the "
                 "village are given. To adopt one, write your company's name in the last "
                 "column or call {contact} with the wish's number. The station records what "
                 "you give, issues an acknowledgement and delivers it.",
        "contact": "{station} ({phone})",
        "contact_no_phone": "{station}",
        "columns": ("No.", "Alias", "Village", "Wish", "Why", "Yuan", "Adopted by"),
        "total": "{count} wishes, estimated {amount} yuan in all.",
        "none": "There are no open wishes at the moment.",
        "sign": ("Adopted by (seal): ________", "Contact: ________", "Phone: ________"),
    },
}
WIDTHS_MM = (12, 20, 20, 36, 45, 19, 28)  # 180 mm
ROW_MM = 9  # room to write a company's name in the last column


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The wish list as PDF to ``out`` (a path or a binary file), or its bytes."""
    lang = lang if lang in WORDS else "zh"
    w = WORDS[lang]
    station = data.station or w["title"]
    contact = (w["contact"] if data.phone else w["contact_no_phone"]).format(
        station=station, phone=data.phone)
    info = pdf.PageInfo(w["title"], data.station, data.printed_on, lang)
    story: list[Flowable] = [*pdf.title_block(w["title"], contact),
                             pdf.para(w["intro"].format(contact=contact)), Spacer(1, 3 * mm)]
    if not data.wishes:
        story.append(pdf.para(w["none"], style("section")))
        return pdf.build(story, info, out)
    rows = [(f"#{x.number}", x.alias, x.village, x.what, x.why,
             pdf.money(x.estimated_fen) if x.estimated_fen else "—", Spacer(1, ROW_MM * mm))
            for x in data.wishes]
    story.append(pdf.data_table(w["columns"], rows, [x * mm for x in WIDTHS_MM],
                                align=["centre", "centre", "centre", "left", "left", "right",
                                       "left"]))
    story.append(pdf.para(w["total"].format(count=len(data.wishes),
                                            amount=pdf.money(data.total_fen)), style("note")))
    story.append(KeepTogether([Spacer(1, 12 * mm), sign_off_line(w["sign"], [0.4, 0.3, 0.3])]))
    return pdf.build(story, info, out)


def problems(data) -> list[tuple[str, str]]:
    """``(label, char)`` for characters no font can print, by wish number."""
    records = [(f"#{x.number} {x.alias}", f"{x.alias} {x.village} {x.what} {x.why}")
               for x in data.wishes]
    records.append((data.station, data.station))
    return fonts.unprintable(records)
