"""入户慰问走访表: a campaign's visit sheet, one section per team, each from a new page.

:func:`..services.campaigns.sheet_data` gathers the rows (ID numbers masked, phones as the
station's setting says, route order); :func:`check` names the records with characters no
printer font has; :func:`build` lays them out on A4 landscape. Each section opens with the
team (leader, partner unit, phone, volunteers, outing dates), the campaign (theme, festival,
window) and what each package holds; then a row per household: what is on file (head and
people at home, masked ID number, village, address, phone, package; a re-queued household
shows its new date and how many calls were made) and columns to fill in by hand (outcome
with printed choices, hand-over box and signature, needs heard, visitor).

Rows are measured and the pages cut here, as :mod:`.visit_sheets` does (reportlab's table
splitting slows down on long lists); at a district's scale (12,580 households) Paragraphs
in a Table were too slow, so each page's grid is drawn on the canvas: text wrapped by
measured character widths into one text object, the tick boxes a form drawn once. The
running header names the team, and the footer counts the team's pages ("第一组 第 2 页 /
共 5 页") beside the whole document's.
"""

from __future__ import annotations

import datetime as _dt
from functools import partial
from io import BytesIO
from typing import BinaryIO

from . import fonts
from .pdf import PdfTarget
from .visit_sheets import _clip

LABELS = {
    "zh": {
        "title": "入户慰问走访表",
        "heading": "{campaign} 入户慰问走访表",
        "running": "入户慰问走访表 · {campaign} · {team}",
        "columns": ("序号", "户主", "身份证号", "村居", "地址", "电话", "慰问品", "走访结果",
                    "发放签收", "群众诉求", "走访人"),
        "no_team": "未分组",
        "team": "走访小组：{team}",
        "leader": "带队社工：{name}",
        "partner": "共建单位：{name}",
        "phone": "联系电话：{phone}",
        "volunteers": "志愿者：{names}",
        "outings": "出访日期：{days}",
        "theme": "主题：{theme}",
        "festival": "节日：{day}",
        "window": "活动时间：{start} 至 {end}",
        "legend": "慰问品内容：",
        "count": "本组 {count} 户",
        "printed": "打印日期：{date}",
        "masked": "身份证号、电话已脱敏",
        "some_full": "身份证号已脱敏；{count} 户电话为完整号码，请妥善保管",
        "members": "{count} 人",
        "requeue": "改约 {day}",
        "attempts": "已上门 {count} 次",
        "outcomes": ("{box}已走访 {box}不在家", "{box}拒访 {box}迁出", "{box}去世"),
        "delivery": ("{box}已发放", "签收："),
        "none": "没有待走访的户。",
        "team_page": "{team} 第 {n} 页 / 共 {total} 页",
        "doc_page": "全册第 {n} / {total} 页",
        "sep": "、",
        "gap": "\u00a0" * 4,
    },
    "en": {
        "title": "Campaign visit sheet",
        "heading": "{campaign}: visit sheet",
        "running": "Visit sheet · {campaign} · {team}",
        "columns": ("No.", "Head", "ID number", "Village", "Address", "Phone", "Package",
                    "Outcome", "Handed over", "Needs heard", "Visitor"),
        "no_team": "No team",
        "team": "Team: {team}",
        "leader": "Led by: {name}",
        "partner": "Partner unit: {name}",
        "phone": "Phone: {phone}",
        "volunteers": "Volunteers: {names}",
        "outings": "Outings: {days}",
        "theme": "Theme: {theme}",
        "festival": "Festival: {day}",
        "window": "From {start} to {end}",
        "legend": "Packages: ",
        "count": "{count} households",
        "printed": "Printed {date}",
        "masked": "ID numbers and phones masked",
        "some_full": "ID numbers masked; {count} phones in full: keep this sheet safe",
        "members": "{count} people",
        "requeue": "again {day}",
        "attempts": "{count} calls",
        "outcomes": ("{box}visited {box}not home", "{box}declined {box}moved", "{box}deceased"),
        "delivery": ("{box}handed over", "Signed:"),
        "none": "No households left to visit.",
        "team_page": "{team}: page {n} of {total}",
        "doc_page": "{n} / {total} in all",
        "sep": ", ",
        "gap": "\u00a0" * 4,
    },
}

# Column widths in mm across A4 landscape (scaled to the 267 mm between the margins).
WIDTHS_MM = (10, 18, 33, 15, 28, 22, 24, 28, 25, 31, 16)
MIN_ROW_MM = 16  # room to write by hand and to sign: about nine rows a page
OUTINGS_SHOWN = 8  # outing dates listed; the rest counted


def check(data) -> list[tuple[str, str]]:
    """``(record, character)`` for every character no printer font has (warn before printing)."""
    records = [(data.campaign, " ".join((data.station, data.campaign, data.theme,
                                         *(f"{p} {c}" for p, c in data.package_contents))))]
    for team in data.teams:
        records.append((team.team or data.campaign,
                        " ".join((team.team, team.leader, team.partner, *team.volunteers))))
        records += [(f"{row.head_name}（{row.village}）",
                     " ".join((row.head_name, row.village, row.address, row.package)))
                    for row in team.rows]
    return fonts.unprintable(records)


def _short(day: _dt.date) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def _marker(section: int, name: str):
    """A zero-size flowable that tells the canvas which team's pages begin here."""
    from reportlab.platypus import Flowable

    class Marker(Flowable):
        def wrap(self, *_args):
            return 0, 0

        def draw(self) -> None:
            self.canv._section = (section, name)

    return Marker()


def _canvas_class(campaign: str):
    from reportlab.lib.units import mm

    from . import pdf

    class SectionCanvas(pdf._PagedCanvas):
        """The house header and footer; the header names the team, the footer counts the
        team's pages and the whole document's."""

        _section = (0, "")

        def save(self) -> None:  # count each section's pages before the footers are drawn
            sections = [page.get("_section", (0, "")) for page in self._pages]
            self._counts = {s: sections.count(s) for s in set(sections)}
            self._seen: dict = {}
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            info = self._info
            section = self._section
            self._seen[section] = self._seen.get(section, 0) + 1
            words = LABELS.get(info.lang, LABELS["zh"])
            width, height = info.pagesize
            left, right = pdf.MARGIN_SIDE, width - pdf.MARGIN_SIDE
            self.saveState()
            self.setFillColor(pdf.MUTED)
            self.setStrokeColor(pdf.RULE)
            self.setLineWidth(0.5)
            top = height - 13 * mm
            if info.station:
                fonts.draw_string(self, left, top, info.station, pdf.HEADER_SIZE)
            fonts.draw_string(self, right, top, words["running"].format(
                campaign=campaign, team=section[1]), pdf.HEADER_SIZE, align="right")
            self.line(left, top - 2 * mm, right, top - 2 * mm)
            bottom = 10 * mm
            self.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
            fonts.draw_string(self, left, bottom, info.label(
                "printed", date=info.printed_on.isoformat()), pdf.HEADER_SIZE)
            fonts.draw_string(self, width / 2, bottom, words["team_page"].format(
                team=section[1], n=self._seen[section], total=self._counts[section]),
                pdf.HEADER_SIZE, align="centre")
            fonts.draw_string(self, right, bottom, words["doc_page"].format(n=number, total=total)
                              + "   " + info.label("program"), pdf.HEADER_SIZE,
                              align="right")
            self.restoreState()

    return SectionCanvas


def _write(story: list, info, campaign: str, out: PdfTarget | None) -> bytes | None:
    """pdf.build with the team-aware canvas (same page template, margins and metadata)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from . import pdf

    font = fonts.register()
    target: str | BinaryIO = BytesIO() if out is None else (
        out if not isinstance(out, str) and hasattr(out, "write") else str(out))
    width, height = info.pagesize
    doc = BaseDocTemplate(
        target, pagesize=info.pagesize, leftMargin=pdf.MARGIN_SIDE, rightMargin=pdf.MARGIN_SIDE,
        topMargin=pdf.MARGIN_TOP, bottomMargin=pdf.MARGIN_BOTTOM, title=info.title,
        author=info.station, creator="站务通 Station Desk",
        lang="zh-CN" if info.lang == "zh" else "en", initialFontName=font)
    frame = Frame(pdf.MARGIN_SIDE, pdf.MARGIN_BOTTOM, width - 2 * pdf.MARGIN_SIDE,
                  height - pdf.MARGIN_TOP - pdf.MARGIN_BOTTOM, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], pagesize=info.pagesize)])
    from reportlab import rl_config

    a85 = rl_config.useA85  # plain Flate streams: ASCII85 in pure Python costs ~10 % here
    rl_config.useA85 = 0
    try:
        doc.build(list(story), canvasmaker=partial(_canvas_class(campaign), info=info))
    finally:
        rl_config.useA85 = a85
    return target.getvalue() if out is None else None


def _days(days, words) -> str:
    shown = [d.isoformat() for d in days[:OUTINGS_SHOWN]]
    if len(days) > OUTINGS_SHOWN:
        shown.append("…")
    return words["sep"].join(shown) or "—"


def _section_head(data, team, words, lang: str, team_name: str) -> list:
    """The title and the lines about the team, the campaign and the packages."""
    from reportlab.lib.styles import ParagraphStyle

    from . import pdf

    small = ParagraphStyle("campaign_intro", pdf.styles()["body"], fontSize=9, leading=12.5)
    gap = words["gap"]
    team_bits = [words["team"].format(team=team_name)]
    if team.leader:
        team_bits.append(words["leader"].format(name=team.leader))
    if team.partner:
        team_bits.append(words["partner"].format(name=team.partner))
    if team.phone:
        team_bits.append(words["phone"].format(phone=team.phone))
    if team.volunteers:
        team_bits.append(words["volunteers"].format(names=words["sep"].join(team.volunteers)))
    if team.outings:
        team_bits.append(words["outings"].format(days=_days(team.outings, words)))
    campaign_bits = []
    if data.theme:
        campaign_bits.append(words["theme"].format(theme=data.theme))
    if data.festival_on:
        campaign_bits.append(words["festival"].format(day=pdf.date_text(data.festival_on, lang)))
    campaign_bits.append(words["window"].format(start=pdf.date_text(data.starts_on, lang),
                                                end=pdf.date_text(data.ends_on, lang)))
    privacy = (words["some_full"].format(count=data.full_phones) if data.full_phones
               else words["masked"])
    campaign_bits += [words["count"].format(count=len(team.rows)),
                      words["printed"].format(date=pdf.date_text(data.printed_on, lang)), privacy]
    block = pdf.title_block(words["heading"].format(campaign=data.campaign), gap.join(campaign_bits))
    block.append(pdf.para(gap.join(team_bits), small))
    if data.package_contents:
        legend = "；".join(f"{name}：{contents}" if contents else name
                          for name, contents in data.package_contents)
        block.append(pdf.para(words["legend"] + legend, small))
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    block.append(Spacer(1, 2 * mm))
    return block


class _Cells:
    """Text wrapped into lines by measured character widths (cached), and row heights.

    Paragraphs would cost a wrap to measure and another to draw for each of some 90,000
    cells at a district's scale; plain lines drawn on the canvas cost a fraction of that.
    """

    def __init__(self, widths: list[float]) -> None:
        self.widths = widths
        self._char: dict[tuple[str, float], float] = {}

    def width(self, text: str, size: float) -> float:
        total = 0.0
        for ch in text:
            key = (ch, size)
            w = self._char.get(key)
            if w is None:
                w = self._char[key] = fonts.string_width(ch, size)
            total += w
        return total

    def wrap(self, text: str, column: int, size: float) -> list[str]:
        """Greedy breaking anywhere (Chinese), keeping a run of Latin letters and digits
        together when it fits on a line; punctuation never starts a line."""
        room = self.widths[column] - 2 * PAD_X
        text = " ".join((text or "").split())
        if not text:
            return []
        lines: list[str] = []
        line, used = "", 0.0
        for ch in text:
            w = self.width(ch, size)
            if line and used + w > room and not (ch in fonts.CJK_CANNOT_START
                                                 and used + w <= room + size):
                cut = len(line)
                if ch.isascii() and ch.isalnum():  # do not split 12号 as 1|2号
                    while cut > 0 and line[cut - 1].isascii() and line[cut - 1].isalnum():
                        cut -= 1
                    if cut == 0:
                        cut = len(line)
                lines.append(line[:cut].rstrip())
                line = line[cut:].lstrip()
                used = self.width(line, size)
            line += ch
            used += w
        if line:
            lines.append(line)
        return lines


# sizes and spacing of the grid drawn on the canvas
SIZE, LEADING = 9, 11.5
SMALL, SMALL_LEADING_PT = 7.5, 9.5
PAD_X, PAD_Y = 3, 3.5
TICK_LEADING = 12.5
BOX_SIZE = 6.5  # a tick box's side in points
GREY = 0.3


def _grid(header, rows, widths, forms, measure):
    """A page's table drawn straight on the canvas: header, rows, the fixed tick boxes
    (a form drawn once per document), the rules."""
    from reportlab.platypus import Flowable

    from . import pdf

    class Grid(Flowable):
        def wrap(self, *_args):
            return sum(widths), header[1] + sum(r[1] for r in rows)

        def draw(self) -> None:
            canvas = self.canv
            width = sum(widths)
            height = header[1] + sum(r[1] for r in rows)
            forms.define(canvas)
            top = height
            canvas.saveState()
            canvas.setFillColor(pdf.HEADER_FILL)
            canvas.rect(0, top - header[1], width, header[1], stroke=0, fill=1)
            canvas.setFillColor(pdf.INK)
            text = canvas.beginText()
            _draw_cells(text, header[0], widths, top, header[1], measure, centred=True)
            top -= header[1]
            edges = [top]
            x = sum(widths[:FORM_COLUMN])
            for cells, row_height in rows:
                _draw_cells(text, cells, widths, top, row_height, measure)
                top -= row_height
                edges.append(top)
            canvas.drawText(text)
            for y in edges[:-1]:
                canvas.saveState()
                canvas.translate(x, y)
                canvas.doForm(forms.name)
                canvas.restoreState()
            canvas.setStrokeColor(pdf.RULE)
            canvas.setLineWidth(0.5)
            canvas.lines([(0, y, width, y) for y in edges[1:-1]]
                         + [(x, 0, x, height) for x in _cumulative(widths)[1:-1]])
            canvas.setStrokeColor(pdf.INK)
            canvas.setLineWidth(0.9)
            canvas.line(0, edges[0], width, edges[0])
            canvas.rect(0, 0, width, height, stroke=1, fill=0)
            canvas.restoreState()

    return Grid()


def _cumulative(widths: list[float]) -> list[float]:
    out, x = [0.0], 0.0
    for w in widths:
        x += w
        out.append(x)
    return out


def _draw_cells(text, cells, widths, top: float, row_height: float, measure, *,
                centred: bool = False) -> None:
    """Each cell's lines [(text, size, leading, grey)] centred top to bottom, into one text
    object (a drawString per line would cost a text object each)."""
    current = None
    x = 0.0
    for column, lines in enumerate(cells):
        if lines:
            content = sum(leading for _t, _s, leading, _g in lines)
            y = top - (row_height - content) / 2
            for line, size, leading, grey in lines:
                y -= leading
                if centred or column == 0:
                    left = x + (widths[column] - measure(line, size)) / 2
                else:
                    left = x + PAD_X
                text.setTextOrigin(left, y + (leading - size) * 0.6)
                if grey:
                    text.setFillGray(GREY)
                for font, chunk in fonts.runs(line):
                    if (font, size) != current:  # the text object writes every setFont
                        text.setFont(font, size)
                        current = (font, size)
                    text.textOut(chunk)
                if grey:
                    text.setFillGray(0)
        x += widths[column]


FORM_COLUMN = 7  # the tick boxes' first column


class _Forms:
    """The tick boxes of 走访结果 and 发放签收, drawn once as a form and reused on every row."""

    def __init__(self, words: dict, widths: list[float]) -> None:
        self.name = "campaign_ticks"
        self.words, self.widths = words, widths
        self.height = PAD_Y * 2 + TICK_LEADING * max(len(words["outcomes"]),
                                                     len(words["delivery"]))
        self._done: set[int] = set()

    def define(self, canvas) -> None:
        doc = id(canvas._doc)
        if doc in self._done:
            return
        self._done.add(doc)
        canvas.beginForm(self.name, 0, -self.height,  # below the row's top edge
                         self.widths[FORM_COLUMN] + self.widths[FORM_COLUMN + 1], 0)
        canvas.setFillGray(0)
        canvas.setLineWidth(0.6)
        x = 0.0
        for column, lines in ((FORM_COLUMN, self.words["outcomes"]),
                              (FORM_COLUMN + 1, self.words["delivery"])):
            y = -PAD_Y
            for line in lines:
                y -= TICK_LEADING
                left = x + PAD_X
                first, *rest = line.split("{box}")
                if first.strip():
                    left += fonts.draw_string(canvas, left, y + 3, first.strip(), SMALL) + 2
                for part in rest:
                    canvas.rect(left, y + 2.2, BOX_SIZE, BOX_SIZE, stroke=1, fill=0)
                    left += BOX_SIZE + 1.5
                    left += fonts.draw_string(canvas, left, y + 3, part.strip(), SMALL) + 4
            x += self.widths[column]
        canvas.endForm()


def _row_cells(words: dict, cells: _Cells, row) -> list:
    def lines(text: str, column: int, size=SIZE, leading=LEADING, grey=False):
        return [(line, size, leading, grey) for line in cells.wrap(text, column, size)]

    head = lines(row.head_name, 1)
    if row.members:
        head += lines(words["members"].format(count=row.members), 1, SMALL, SMALL_LEADING_PT, True)
    bits = []
    if row.planned_on:
        bits.append(words["requeue"].format(day=_short(row.planned_on)))
    if row.attempts:
        bits.append(words["attempts"].format(count=row.attempts))
    if bits:
        head += lines(" · ".join(bits), 1, SMALL, SMALL_LEADING_PT, True)
    number = str(row.order)
    return [lines(number, 0, SIZE if len(number) <= 4 else SMALL), head, lines(row.id_number, 2), lines(row.village, 3),
            lines(_clip(row.address, 60), 4), lines(row.phone, 5), lines(row.package, 6),
            [], [], [], []]


def _height(cells: list, minimum: float) -> float:
    tallest = max(sum(leading for _t, _s, leading, _g in lines) for lines in cells)
    return max(minimum, tallest + 2 * PAD_Y)


def build(data, out: PdfTarget | None = None, *, lang: str = "zh") -> bytes | None:
    """The visit sheets as an A4 landscape PDF, a section per team: written to ``out`` (a path
    or a binary file), or returned as bytes when ``out`` is None."""
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Spacer

    from . import pdf

    words = LABELS.get(lang, LABELS["zh"])
    info = pdf.PageInfo(title=words["title"], station=data.station, printed_on=data.printed_on,
                        lang=lang, landscape=True)
    frame_height = info.pagesize[1] - pdf.MARGIN_TOP - pdf.MARGIN_BOTTOM
    width = pdf.content_width(landscape_page=True)
    story: list = []
    if not data.teams:
        story += [_marker(0, data.campaign),
                  *pdf.title_block(words["heading"].format(campaign=data.campaign)),
                  Spacer(1, 6), pdf.para(words["none"], "body")]
        return _write(story, info, data.campaign, out)
    widths = [w * mm for w in WIDTHS_MM]
    scale = width / sum(widths)
    widths = [w * scale for w in widths]
    cells = _Cells(widths)
    forms = _Forms(words, widths)
    minimum = max(MIN_ROW_MM * mm, forms.height)
    header_cells = [[(line, SIZE, LEADING, False) for line in cells.wrap(name, column, SIZE)]
                    for column, name in enumerate(words["columns"])]
    header = (header_cells, _height(header_cells, 0))
    for index, team in enumerate(data.teams):
        name = team.team or words["no_team"]
        if index:
            story.append(PageBreak())
        intro = _section_head(data, team, words, lang, name)
        story.append(_marker(index + 1, name))
        story += intro
        room = frame_height - sum(f.wrap(width, frame_height)[1] + f.getSpaceBefore()
                                  + f.getSpaceAfter() for f in intro)
        page_rows: list[tuple[list, float]] = []
        used = header[1]
        for row in team.rows:
            row_cells = _row_cells(words, cells, row)
            height = _height(row_cells, minimum)
            if page_rows and used + height > room - 2:  # 2 pt for rounding; next page
                story += [_grid(header, page_rows, widths, forms, cells.width), PageBreak()]
                room, page_rows, used = frame_height, [], header[1]
            page_rows.append((row_cells, height))
            used += height
        if page_rows:
            story.append(_grid(header, page_rows, widths, forms, cells.width))
        else:
            story.append(pdf.para(words["none"], "body"))
    return _write(story, info, data.campaign, out)
