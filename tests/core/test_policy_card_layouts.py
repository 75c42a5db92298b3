"""政策明白卡 layouts (issue #8 part 3): wallet cards 10-up with crop marks and mirrored backs,
the A5 leaflet and the A4 poster; text that shrinks to fit and says "too long" past the
minimum size; Chinese line breaking. Everything is checked by reading the PDFs back."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from station_desk import messages
from station_desk.core.errors import ValidationError
from station_desk.core.reports import fonts
from station_desk.core.reports import policy_cards as pc

MM = 72 / 25.4
STEPS = "申请受理 → 入户调查 → 初审 → 公示 → 民主评议 → 县级审核确认 → 发放"

DIBAO = pc.CardText(
    title="城乡最低生活保障（低保）", short_name="低保",
    eligibility="共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定的城乡居民家庭。"
                "重病、重残人员可按单人户申请；共同生活的家庭成员包括配偶、未成年子女和在校就读的成年子女。",
    standard="按家庭人均收入与当地低保标准的差额按月发放（示例：城市每人每月1,180元，农村每人每月900元，"
             "以本县最新公布为准）。老年人、残疾人、重病患者等可增发分类施保金。",
    materials="申请书；户口簿和身份证复印件；家庭收入和财产情况声明；授权核对家庭经济状况的委托书；"
              "残疾证、病历等证明材料（有则提供）；银行账户信息。",
    steps=STEPS + "。全程一般不超过30个工作日，特殊情况可延长至45个工作日。",
    hotline="镇社会事务办 020-82901234；县民政局 020-12345678（工作日 8:30-17:30）",
    version_label="第3版 · 2026-10-01 起施行 · 标准为示例")
LINSHI = pc.CardText(
    title="临时救助", short_name="临时救助",
    eligibility="因火灾、交通事故、突发重大疾病等意外事件，或因生活必需支出突然增加超出承受能力，"
                "导致基本生活暂时出现严重困难的家庭或个人。",
    standard="一般按当地低保标准的2至6倍一次性给予救助（示例：单次最高12,000元）；情况紧急的，"
             "乡镇（街道）可先行救助，事后补办手续。",
    materials="申请书；身份证和户口簿复印件；遭遇困难的情况说明；医疗费用票据、事故认定书等相关证明。",
    steps="1. 向乡镇（街道）或社工站提出申请；\n2. 入户核实困难情况；\n3. 乡镇审批并公示；\n"
          "4. 发放救助金或实物。紧急情况当日先行救助。",
    hotline="镇社会事务办 020-82901234；24小时求助 12345",
    version_label="第5版 · 2026-09-15 起施行 · 标准为示例")
# closing marks every other character: a break that ignored the rules would start lines with them
COMMAS = replace(DIBAO, title="标点测试", eligibility="甲，乙。丙、丁：戊；己！庚？辛）壬》癸”" * 5,
                 standard="一，二，三。四、五：六；七！八？九）十》" * 5)


def personal(count: int, text=DIBAO) -> list[pc.Card]:
    return [pc.Card(text, pc.CardBack(f"户主{i:02d}", "黄海燕", "13368695681"))
            for i in range(count)]


def build(cards, layout="wallet", **kw) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(pc.build(cards, None, layout=layout, station="石滩镇第一社工服务站",
                                       **kw))


def cell_of(x: float, y: float) -> tuple[int, int]:
    """(row, column) of the wallet card slot holding the point, from the sheet's geometry:
    90 × 54 mm cards, 2 × 5, centred on A4 (15 mm and 13.5 mm margins)."""
    col = int((x - 15 * MM) // (90 * MM))
    row = 4 - int((y - 13.5 * MM) // (54 * MM))
    assert 0 <= col < 2 and 0 <= row < 5, (x, y)
    return row, col


def find(page, text: str) -> list[tuple[float, float]]:
    """Centre of the first character of every occurrence of ``text`` on the page."""
    textpage = page.get_textpage()
    search = textpage.search(text)
    found = []
    while (hit := search.get_next()) is not None:
        left, bottom, right, top = textpage.get_charbox(hit[0])
        found.append(((left + right) / 2, (bottom + top) / 2))
    return found


def page_lines(page, box=None) -> list[str]:
    textpage = page.get_textpage()
    width, height = page.get_size()
    text = textpage.get_text_bounded(*(box or (0, 0, width, height)))
    return [line.strip() for line in text.replace("\r", "").split("\n") if line.strip()]


def all_text(document) -> str:
    return "".join(page.get_textpage().get_text_range() for page in document)


def path_lines(page) -> list[tuple[float, float, float, float]]:
    """Every straight two-point path drawn on the page itself, as (x0, y0, x1, y1)."""
    lines = []
    for obj in page.get_objects(max_depth=1):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        points = []
        for index in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
            x, y = ctypes.c_float(), ctypes.c_float()
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            points.append((x.value, y.value))
        matrix = obj.get_matrix()
        assert (matrix.a, matrix.b, matrix.c, matrix.d) == (1, 0, 0, 1)
        if len(points) == 2:
            (x0, y0), (x1, y1) = points
            lines.append((x0 + matrix.e, y0 + matrix.f, x1 + matrix.e, y1 + matrix.f))
    return lines


# --- every layout ------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", pc.LAYOUTS)
def test_every_layout_builds_with_every_glyph_in_the_embedded_font(layout, tmp_path):
    cards = personal(3) + [pc.Card(LINSHI), pc.Card(COMMAS)]
    assert pc.fit_problems(cards, layout) == []
    document = build(cards, layout)
    text = all_text(document)
    for needed in ("城乡最低生活保障（低保）", "临时救助", "020-82901234", "第3版"):
        assert needed in text.replace("\r\n", "")
    assert set(text) - set(" \r\n") and fonts.missing_chars(text) == []
    if layout != "a4":  # a poster is for a wall: no household names on it
        assert "户主01 户" in text and "您的社工：黄海燕 13368695681" in text
    else:
        assert "户主01" not in text
    if shutil.which("pdffonts"):  # every font is embedded (a subset of ours)
        path = tmp_path / f"{layout}.pdf"
        pc.build(cards, path, layout=layout)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
        assert listing and all(" yes " in row and "+WenQuanYiMicroHei" in row for row in listing)


def test_pages_per_layout():
    assert len(build([pc.Card(DIBAO)], "a5")) == 1
    assert len(build([pc.Card(DIBAO), pc.Card(LINSHI)], "a4", copies=3)) == 6
    # 12 wallet cards: two sheets, each a front page and a back page
    assert len(build(personal(12))) == 4
    assert len(build(personal(10))) == 2
    assert len(build([pc.Card(DIBAO), pc.Card(LINSHI)], copies=6)) == 4


def test_copies_repeat_each_card():
    document = build([pc.Card(DIBAO), pc.Card(LINSHI)], copies=3)
    assert len(find(document[0], "城乡最低生活保障")) == 3
    assert len(find(document[0], "临时救助")) == 3


# --- wallet sheet geometry -----------------------------------------------------------------


def test_crop_marks_sit_at_the_exact_card_corners():
    document = build(personal(12))
    xs = [v * MM for v in (15, 105, 195)]  # card edges: 2 × 90 mm, centred on 210 mm
    ys = [(13.5 + 54 * k) * MM for k in range(6)]  # 5 × 54 mm, centred on 297 mm
    for number in (0, 2):  # the front pages
        lines = path_lines(document[number])
        vertical = [ln for ln in lines if abs(ln[0] - ln[2]) < 0.01]
        horizontal = [ln for ln in lines if abs(ln[1] - ln[3]) < 0.01]
        assert len(vertical) == 2 * len(xs) and len(horizontal) == 2 * len(ys)
        for x in xs:  # one mark above and one below the block of cards
            marks = [ln for ln in vertical if abs(ln[0] - x) < 0.01]
            assert len(marks) == 2
            assert max(min(ln[1], ln[3]) for ln in marks) > ys[-1]
            assert min(max(ln[1], ln[3]) for ln in marks) < ys[0]
        for y in ys:  # one mark left and one right of it
            marks = [ln for ln in horizontal if abs(ln[1] - y) < 0.01]
            assert len(marks) == 2
            assert min(max(ln[0], ln[2]) for ln in marks) < xs[0]
            assert max(min(ln[0], ln[2]) for ln in marks) > xs[-1]
    assert pc.crop_mark_lines() and path_lines(document[1]) == []  # cut from the front


def test_card_text_stays_inside_its_card():
    document = build(personal(10) + [pc.Card(COMMAS)])
    for page in document:
        textpage = page.get_textpage()
        note = find(page, "石滩镇第一社工服务站")[0]  # the sheet's note, in the bottom margin
        for index in range(textpage.count_chars()):
            left, bottom, right, top = textpage.get_charbox(index)
            if right - left < 0.01 or abs((bottom + top) / 2 - note[1]) < 3:
                continue
            row, col = cell_of(left + 0.2, bottom + 0.2)
            assert (row, col) == cell_of(right - 0.2, top - 0.2), textpage.get_text_range(index, 1)
            card_left, card_bottom = 15 * MM + col * 90 * MM, (13.5 + (4 - row) * 54) * MM
            assert left >= card_left + 2 * MM and right <= card_left + 88 * MM
            assert bottom >= card_bottom + 1.5 * MM and top <= card_bottom + 52.5 * MM


def test_backs_mirror_the_columns_for_long_edge_duplex():
    texts = [replace(DIBAO, title=f"测试政策{i:02d}号") for i in range(12)]
    cards = [pc.Card(text, pc.CardBack(f"户主{i:02d}", "黄海燕", "13368695681"))
             for i, text in enumerate(texts)]
    document = build(cards)
    for i in range(12):
        sheet, index = divmod(i, 10)
        row, col = divmod(index, 2)
        front, back = document[2 * sheet], document[2 * sheet + 1]
        assert [cell_of(*p) for p in find(front, f"测试政策{i:02d}号")] == [(row, col)]
        assert [cell_of(*p) for p in find(back, f"户主{i:02d} 户")] == [(row, 1 - col)]
        assert find(front, f"户主{i:02d}") == []


def test_plain_cards_leave_lines_to_write_the_worker_in():
    document = build([pc.Card(DIBAO)])
    back = all_text([document[1]])
    assert "您的社工：____________ 电话：______________" in back
    assert "户名：" in back


# --- fitting -----------------------------------------------------------------------------------


def test_too_long_text_is_refused_and_named():
    long_steps = replace(DIBAO, steps=(STEPS + "。") * 20)
    problems = pc.fit_problems([pc.Card(DIBAO), pc.Card(long_steps)], "wallet")
    assert [(p.title, p.layout, p.section) for p in problems] == [
        ("城乡最低生活保障（低保）", "wallet", "steps")]
    assert problems[0].over_pt > 0 and problems[0].over_lines >= 1
    with pytest.raises(ValidationError) as raised:
        pc.build([pc.Card(long_steps)], None)
    error = raised.value
    assert error.code == "card_too_long"
    assert (error.params["title"], error.params["section"], error.params["layout"]) == (
        "城乡最低生活保障（低保）", "steps", "wallet")
    assert "办理流程" in messages.text(error.code, "zh", **error.params)
    assert "steps" in messages.text(error.code, "en", **error.params)


def test_each_layout_names_the_section_that_overflows():
    front = replace(DIBAO, eligibility=DIBAO.eligibility * 6)
    assert [p.section for p in pc.fit_problems([pc.Card(front)], "wallet")] == ["eligibility"]
    poster = replace(DIBAO, standard=DIBAO.standard * 16)
    assert [p.section for p in pc.fit_problems([pc.Card(poster)], "a4")] == ["standard"]
    assert pc.fit_problems([pc.Card(DIBAO)], "a4") == []
    huge = pc.Card(DIBAO, pc.CardBack("欧阳" * 40, "黄海燕", "13368695681"))
    assert [p.section for p in pc.fit_problems([huge], "wallet")] == ["household"]


def test_text_shrinks_before_it_is_refused():
    """A text twice as long still fits the wallet card (smaller), and the card says so."""
    longer = replace(DIBAO, title="加长测试", eligibility=DIBAO.eligibility * 2)
    assert pc.fit_problems([pc.Card(longer)], "wallet") == []

    def size_of(text):
        page = build([pc.Card(text)])[0]
        textpage = page.get_textpage()
        first = textpage.search("共同生活").get_next()[0]
        return pdfium_c.FPDFText_GetFontSize(textpage.raw, first)

    assert pc.MIN_FONT_PT["wallet"] <= size_of(longer) < size_of(DIBAO) <= pc.DESIGN_PT["wallet"]


def test_materials_left_out_of_the_wallet_back_only_when_they_do_not_fit():
    assert pc.left_out(DIBAO) == ()
    assert "申请材料" in all_text([build([pc.Card(DIBAO)])[1]])
    crowded = replace(DIBAO, materials=DIBAO.materials * 8)
    assert pc.fit_problems([pc.Card(crowded)], "wallet") == []
    assert pc.left_out(crowded) == ("materials",)
    assert "申请材料" not in all_text([build([pc.Card(crowded)])[1]])
    assert "申请材料" in all_text(build([pc.Card(crowded)], "a5"))


# --- line breaking -----------------------------------------------------------------------------


def test_wrap_keeps_closing_marks_and_numbers_on_their_line():
    size = 10
    width = pc.text_width("一二三四", size)
    assert pc.wrap("一二三四，五六", size, width) == ("一二三", "四，五六")
    assert pc.wrap("一二三（四", size, width) == ("一二三", "（四")
    # a phone number is not split while it fits a line of its own
    assert pc.wrap("电话：020-82901234", size, pc.text_width("电话：020-8290", size)) == (
        "电话：", "020-82901234")
    assert pc.wrap("受理 → 调查", size, pc.text_width("受理 →", size)) == ("受理 →", "调查")
    assert pc.wrap("一\n二", size, width) == ("一", "二")


@pytest.mark.parametrize("layout", pc.LAYOUTS)
def test_no_line_starts_with_a_closing_mark(layout):
    document = build([pc.Card(COMMAS), pc.Card(DIBAO), pc.Card(LINSHI)], layout)
    forbidden = set("，。、：；！？）》”’」』】〕…")
    lines = []
    for page in document:
        if layout == "wallet":
            for row in range(5):
                for col in range(2):
                    x, y = 15 * MM + col * 90 * MM, (13.5 + (4 - row) * 54) * MM
                    lines += page_lines(page, (x, y, x + 90 * MM, y + 54 * MM))
        else:
            lines += page_lines(page)
    assert len(lines) > 20 and sum("，" in line for line in lines) > 5
    assert [line for line in lines if line[0] in forbidden] == []


# --- what cannot be printed ----------------------------------------------------------------------


def test_check_names_the_card_with_an_unprintable_character():
    fonts.use_fallbacks([])
    try:
        cards = [pc.Card(DIBAO), pc.Card(DIBAO, pc.CardBack("张𠮷", "黄海燕", "13368695681"))]
        assert pc.check(cards) == [("城乡最低生活保障（低保）（张𠮷）", "𠮷")]
        assert pc.check([pc.Card(DIBAO)]) == []
    finally:
        fonts.use_fallbacks(None)


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError):
        pc.fit_problems([pc.Card(DIBAO)], "a3")


def test_a_long_first_word_after_a_label_starts_on_the_next_line():
    from station_desk.core.reports.policy_cards import text_width, wrap

    lines = wrap("www.gdmz.gov.cn/zwfw/bszn/dibao/abcdefgh 其他", 8, 200, 60)
    assert lines[0] == ""  # the label keeps the first line to itself
    assert text_width(lines[0], 8) + 60 <= 200 and all(text_width(x, 8) <= 200 for x in lines)
    cut = wrap("12345678901234567890。下一句", 8, 60)
    assert not any(line.startswith("。") for line in cut)
