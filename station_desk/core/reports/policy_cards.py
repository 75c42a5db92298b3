"""政策明白卡: policy cards in three layouts, from plain data.

* ``wallet``: 90 × 54 mm cards, ten to an A4 sheet (2 columns × 5 rows, centred), crop marks
  outside the card area at the exact card corners, printed two-sided: each sheet is a front
  page then a back page. The back page mirrors the columns (the back of the card in column 0
  sits in column 1, same row), so long-edge duplex printing puts every back behind its front.
  Crop marks are drawn on the front pages only: the sheet is cut from the front.

  Front: the title (bold, larger), 适用对象 and 保障标准, the version label small at the
  bottom. Back: 办理流程, then 申请材料 **only if the back still fits with it at the minimum
  size** (otherwise it is left out: the steps and the hotline matter more on a card, and the
  A5 leaflet carries the full list), 咨询电话, and at the bottom the personal band: "XX 户"
  and "您的社工：name phone" on a personalised card, blank lines to write them in by hand on
  a plain one. The band is the same size either way, so one fit serves every card of a text.
* ``a5``: one policy a page, every section under its heading; the personal lines at the
  bottom when the card has them.
* ``a4``: a poster: large title, the sections in boxes, the hotline large at the bottom. A
  poster goes on a wall, so it never shows a household's name.

Text fits its box: each layout has a design size, and the text shrinks in 0.25 pt steps down
to :data:`MIN_FONT_PT`; past that :func:`fit_problems` reports a :class:`TooLong` and
:func:`build` raises ``card_too_long``: nothing is ever clipped.

Line breaking is our own (not Platypus): Chinese breaks between any two characters, except
that a closing mark (，。、：；！？）》” … see ``fonts.CJK_CANNOT_START``) stays on the line
before it, an opening mark (（《“) goes with the character after it, and runs of Latin
letters and digits (phone numbers) are never split unless longer than a line. Lines are
measured whole, punctuation included, so nothing hangs past a box edge.

Speed: 3,500 personalised cards share a handful of policy texts, so each distinct text is
fitted once per layout (cached) and, on wallet sheets, drawn once as a PDF form that every
card reuses (``doForm``); only the two personal lines cost per card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from ..errors import ValidationError
from . import fonts
from .pdf import PdfTarget

MM = 72 / 25.4


@dataclass(frozen=True)
class CardText:
    """One policy version's text."""

    title: str  # 城乡最低生活保障（低保）
    short_name: str  # 低保
    eligibility: str  # 适用对象
    standard: str  # 保障标准
    materials: str  # 申请材料
    steps: str  # 办理流程 ("申请受理 → 入户调查 → ..." or numbered lines)
    hotline: str  # 咨询电话 (one or more numbers/lines)
    version_label: str  # e.g. "第3版 · 2026-10-01 起施行"


@dataclass(frozen=True)
class CardBack:
    """What a personalised card adds (empty fields: a plain card)."""

    household_name: str = ""  # already masked by the caller when it must be
    worker_name: str = ""
    worker_phone: str = ""

    @property
    def personal(self) -> bool:
        return bool(self.household_name or self.worker_name or self.worker_phone)


@dataclass(frozen=True)
class Card:
    text: CardText
    back: CardBack = CardBack()


LAYOUTS = ("wallet", "a5", "a4")
MIN_FONT_PT = {"wallet": 5.5, "a5": 8.0, "a4": 12.0}  # the smallest legible size
DESIGN_PT = {"wallet": 8.0, "a5": 12.0, "a4": 18.0}  # body size when the text is short
STEP_PT = 0.25
SIZE_NAMES = {"wallet": "90×54 mm", "a5": "A5", "a4": "A4"}


@dataclass(frozen=True)
class TooLong:
    """A text that does not fit its box even at the layout's minimum size."""

    title: str  # the card's title
    layout: str
    section: str  # title, eligibility, standard, materials, steps, hotline, version_label,
    #               household, worker
    over_pt: float  # how much taller (or, for one-line fields, wider) than its box, in points
    over_lines: int  # the same in lines of text at the minimum size (at least 1)

    def error(self) -> ValidationError:
        return ValidationError("card_too_long", title=self.title, section=self.section,
                               layout=self.layout, field=f"card_{self.section}",
                               size=SIZE_NAMES[self.layout], lines=self.over_lines)


LABELS = {
    "zh": {"eligibility": "适用对象", "standard": "保障标准", "materials": "申请材料",
           "steps": "办理流程", "hotline": "咨询电话", "household": "{name} 户",
           "worker": "您的社工：{name} {phone}",
           "blank_household": "户名：______________",
           "blank_worker": "您的社工：____________ 电话：______________",
           "sheet": "政策明白卡", "front": "正面", "back": "背面 · 双面打印请选“长边翻转”",
           "sheet_no": "第 {n}/{total} 张"},
    "en": {"eligibility": "Who can apply", "standard": "Standard", "materials": "Documents",
           "steps": "Steps", "hotline": "Hotline", "household": "Household: {name}",
           "worker": "Your social worker: {name} {phone}",
           "blank_household": "Household: ______________",
           "blank_worker": "Your social worker: ____________ Tel: ______________",
           "sheet": "Policy cards", "front": "front", "back": "back · duplex: flip on long edge",
           "sheet_no": "sheet {n}/{total}"},
}
SECTIONS = ("eligibility", "standard", "materials", "steps", "hotline")

# --- wallet sheet geometry (points) ---------------------------------------------------------
CARD_W, CARD_H = 90 * MM, 54 * MM
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
PAGE_W, PAGE_H = 210 * MM, 297 * MM  # A4 portrait
A5_W, A5_H = 148 * MM, 210 * MM
SHEET_LEFT = (PAGE_W - COLUMNS * CARD_W) / 2  # 15 mm: centred, so mirroring is exact
SHEET_BOTTOM = (PAGE_H - ROWS * CARD_H) / 2  # 13.5 mm
MARK, MARK_GAP = 5 * MM, 1.5 * MM  # crop mark length, and its gap from the card corner
CARD_PAD = 3.5 * MM
PERSONAL_PT = {"wallet": 7.0, "a5": 10.0}  # the personal lines (wallet back, A5 bottom)

INK, MUTED, WHITE = (0, 0, 0), (0.33, 0.33, 0.33), (1, 1, 1)
FILL, RULE = (0.88, 0.88, 0.88), (0.55, 0.55, 0.55)
LEADING = 1.32  # line spacing as a multiple of the size
ASCENT = 0.86  # WQY's cap height and a little, as a multiple of the size


# --- line breaking ---------------------------------------------------------------------------

NO_START = frozenset(fonts.CJK_CANNOT_START.replace("\u00a0", "") + "→")
NO_END = frozenset("（《〈“‘「『【〔〖［｛([{")
_WORD = re.compile(r"[A-Za-z0-9@#&+\-_/.:,]")  # 020-8290 1234, 8:30-17:30, 1,180


_WIDTHS: dict[str, float] = {}


def _unit_width(ch: str) -> float:
    """Width of one character at 1 pt in the font that draws it (remembered for the bundled
    font's characters; a rare one's width depends on which fallback fonts are in use)."""
    width = _WIDTHS.get(ch)
    if width is None:
        width = fonts.string_width(ch, 1.0)
        if fonts.has_glyph(ch):
            _WIDTHS[ch] = width
    return width


def text_width(text: str, size: float) -> float:
    return sum(_unit_width(ch) for ch in text) * size


def _tokens(text: str) -> list[str]:
    """Pieces a line may break between (a space is a piece of its own)."""
    tokens: list[str] = []
    glue = False  # the previous character may not end a line
    for ch in text:
        if ch in " \t":
            tokens.append(" ")
            glue = False
            continue
        if tokens and ch in NO_START:
            if tokens[-1] == " " and len(tokens) > 1:  # "受理 →": the arrow stays with 受理
                tokens.pop()
                tokens[-1] += " "
            tokens[-1] += ch
        elif tokens and (glue or (_WORD.match(ch) and _WORD.match(tokens[-1][-1]))):
            tokens[-1] += ch
        else:
            tokens.append(ch)
        glue = ch in NO_END
    return tokens


@lru_cache(maxsize=16384)
def wrap(text: str, size: float, width: float, indent: float = 0.0) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width`` at ``size`` (the first line starts
    ``indent`` points in). Newlines start new lines; no line starts with a closing mark."""
    lines: list[str] = []
    first = True
    for paragraph in text.strip().split("\n"):
        line, used = "", indent if first else 0.0
        first = False
        for token in _tokens(paragraph.strip()):
            w = text_width(token, size)
            if token == " " and not line:
                continue
            if used + w <= width + 0.01:
                line, used = line + token, used + w
                continue
            if line.strip():
                lines.append(line.rstrip())
            elif used > 0:  # the first line's indent left no room: start below the label
                lines.append("")
            line, used = "", 0.0
            if token == " ":
                continue
            while text_width(token, size) > width:  # a piece longer than a line: cut it
                cut = 1
                while cut < len(token) and text_width(token[:cut + 1], size) <= width:
                    cut += 1
                while 1 < cut < len(token) and token[cut] in NO_START:
                    cut -= 1  # the next line may not start with a closing mark
                lines.append(token[:cut])
                token = token[cut:]
            line, used = token, text_width(token, size)
        lines.append(line.rstrip())
    return tuple(lines)


# --- blocks and fitting ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    key: str  # the section named when it does not fit
    text: str
    label: str = ""  # heading
    scale: float = 1.0  # size relative to the body size
    bold: bool = False
    tone: tuple = INK
    align: str = "left"  # left or centre
    heading: str = "inline"  # inline (label starts the first line), line, box, band
    gap: float = 0.45  # space after, in body sizes


# A drawing operation, relative to the face's lower-left corner:
# ("text", x, y, size, text, bold, tone) or ("rect", x, y, w, h, fill, stroke, radius)
Op = tuple


def _size_of(block: _Block, size: float, layout: str) -> float:
    return max(size * block.scale, MIN_FONT_PT[layout])


def _lay_block(block: _Block, size: float, width: float, layout: str,
               x: float, top: float) -> tuple[list[Op], float]:
    """Ops of one block whose top edge is at ``top``; returns (ops, height)."""
    bsize = _size_of(block, size, layout)
    lead = bsize * LEADING
    ops: list[Op] = []
    if block.heading in ("box", "band"):
        pad = bsize * 0.55
        inner = width - 2 * pad
        hsize = bsize * (1.0 if block.heading == "band" else 1.05)
        if block.heading == "band":  # label and text on one dark band, white letters
            # one number a line, hanging under the first: "镇社会事务办 …；县民政局 …"
            indent = text_width(block.label + "  ", hsize)
            lines = wrap(re.sub(r"([；;])\s*", r"\1\n", block.text.strip()).rstrip("\n"),
                         bsize, inner - indent)
            height = len(lines) * lead + 2 * pad
            ops.append(("rect", x, top - height, width, height, INK, None, bsize * 0.3))
            y = top - pad - bsize * ASCENT
            ops.append(("text", x + pad, y, hsize, block.label, True, WHITE))
            for line in lines:
                ops.append(("text", x + pad + indent, y, bsize, line, block.bold, WHITE))
                y -= lead
            return ops, height
        band = hsize * LEADING + pad
        lines = wrap(block.text, bsize, inner)
        height = band + len(lines) * lead + 1.5 * pad
        ops.append(("rect", x, top - band, width, band, FILL, None, 0))
        ops.append(("rect", x, top - height, width, height, None, RULE, 0))
        ops.append(("text", x + pad, top - pad / 2 - hsize * ASCENT - hsize * 0.1, hsize,
                    block.label, True, INK))
        y = top - band - pad * 0.75 - bsize * ASCENT
        for line in lines:
            ops.append(("text", x + pad, y, bsize, line, block.bold, block.tone))
            y -= lead
        return ops, height + block.gap * size
    y = top - bsize * ASCENT
    height = 0.0
    indent = 0.0
    if block.label and block.heading == "line":
        hsize = bsize * 1.08
        ops.append(("text", x, top - hsize * ASCENT, hsize, block.label, True, INK))
        ops.append(("rect", x, top - hsize * LEADING + hsize * 0.12, width, 0.6, RULE, None, 0))
        step = hsize * LEADING + bsize * 0.25
        y -= step
        height += step
    elif block.label:  # inline
        ops.append(("text", x, y, bsize, block.label, True, INK))
        indent = text_width(block.label + "  ", bsize)
    lines = wrap(block.text, bsize, width, indent)
    for index, line in enumerate(lines):
        offset = indent if index == 0 else 0.0
        if block.align == "centre":
            offset = (width - text_width(line, bsize)) / 2
        ops.append(("text", x + offset, y, bsize, line, block.bold, block.tone))
        y -= lead
    height += len(lines) * lead + block.gap * size
    return ops, height


@dataclass(frozen=True)
class _Fit:
    size: float  # the body size used (the minimum when it does not fit)
    ops: tuple  # drawing operations (empty when it does not fit)
    problems: tuple = ()  # TooLong
    sections: tuple = ()  # keys of the blocks shown


def _stack(top_blocks, bottom_blocks, size, width, height, layout):
    """Lay the blocks at ``size``: top ones downwards from the top, bottom ones upwards from
    the bottom. Returns (ops, overflow in points, height of each block by key)."""
    ops: list[Op] = []
    heights: dict[str, float] = {}
    y = height
    for block in top_blocks:
        block_ops, h = _lay_block(block, size, width, layout, 0.0, y)
        ops += block_ops
        heights[block.key] = heights.get(block.key, 0.0) + h
        y -= h
    used = height - y
    bottom_ops: list[Op] = []
    below = 0.0
    for block in reversed(bottom_blocks):
        block_ops, h = _lay_block(block, size, width, layout, 0.0, 0.0)
        h_drawn = h - block.gap * size
        bottom_ops += [_shift(op, below + h_drawn) for op in block_ops]
        heights[block.key] = heights.get(block.key, 0.0) + h
        below += h
    return ops + bottom_ops, used + below - height, heights


def _shift(op: Op, dy: float) -> Op:
    return op[:2] + (op[2] + dy,) + op[3:]  # y is the third item of text and rect ops


def _fit(title: str, layout: str, top_blocks, bottom_blocks, width: float,
         height: float) -> _Fit:
    """The largest body size from the design size down to the minimum at which the blocks
    fit ``width`` × ``height``; else the problem, naming the tallest block at the minimum."""
    top_blocks = [b for b in top_blocks if b.text.strip()]  # an empty section: no heading
    bottom_blocks = [b for b in bottom_blocks if b.text.strip()]
    size = DESIGN_PT[layout]
    minimum = MIN_FONT_PT[layout]
    while True:
        ops, over, heights = _stack(top_blocks, bottom_blocks, size, width, height, layout)
        if over <= 0.01:
            keys = tuple(b.key for b in (*top_blocks, *bottom_blocks))
            return _Fit(size, tuple(ops), (), keys)
        if size - STEP_PT < minimum - 1e-9:
            break
        size -= STEP_PT
    grow = [b for b in (*top_blocks, *bottom_blocks) if b.key in SECTIONS or b.key == "title"]
    worst = max(grow or top_blocks, key=lambda b: heights.get(b.key, 0.0))
    lines = max(1, int(-(-over // (minimum * LEADING))))
    return _Fit(size, (), (TooLong(title, layout, worst.key, round(over, 1), lines),))


def _words(lang: str) -> dict:
    return LABELS.get(lang, LABELS["zh"])


def _section(text: CardText, key: str, words: dict, **style) -> _Block:
    return _Block(key, getattr(text, key), words[key], **style)


# --- the layouts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """A text laid out for a layout: the ops of each face, the problems, what was left out."""

    faces: tuple  # ops per face: (front, back) for wallet, (page,) for a5 and a4
    problems: tuple = ()
    left_out: tuple = ()  # sections not shown (wallet back: materials when it does not fit)
    personal_at: tuple = field(default=())  # (x, baseline y, width) of each personal line


def _version_block(text: CardText) -> _Block:
    return _Block("version_label", text.version_label, scale=0.8, tone=MUTED, gap=0)


def _title_block(text: CardText, scale: float, align: str = "left") -> _Block:
    return _Block("title", text.title, scale=scale, bold=True, align=align, gap=0.6)


@lru_cache(maxsize=512)
def _plan(text: CardText, layout: str, personal: bool, lang: str) -> _Plan:
    words = _words(lang)
    if layout == "wallet":
        return _plan_wallet(text, words)
    if layout == "a5":
        return _plan_a5(text, words, personal)
    if layout == "a4":
        return _plan_a4(text, words)
    raise ValueError(f"unknown layout {layout!r}; one of {LAYOUTS}")


def _personal_band(layout: str) -> float:
    size = PERSONAL_PT[layout]
    return 2 * size * LEADING + size * 0.8


def _plan_wallet(text: CardText, words: dict) -> _Plan:
    width, height = CARD_W - 2 * CARD_PAD, CARD_H - 2 * CARD_PAD
    front = _fit(text.title, "wallet",
                 [_title_block(text, 1.45), _section(text, "eligibility", words),
                  _section(text, "standard", words)],
                 [_version_block(text)], width, height)
    band = _personal_band("wallet")
    hotline = _section(text, "hotline", words, bold=True, gap=0)
    back = _fit(text.title, "wallet",
                [_section(text, "steps", words), _section(text, "materials", words)],
                [hotline], width, height - band)
    left_out: tuple = ()
    if back.problems:
        left_out = ("materials",)
        back = _fit(text.title, "wallet", [_section(text, "steps", words)], [hotline],
                    width, height - band)
    offset = [_shift_x(op, CARD_PAD, CARD_PAD) for op in front.ops]
    back_ops = [_shift_x(op, CARD_PAD, CARD_PAD + band) for op in back.ops]
    # a hairline over the personal band, and where its two lines go
    back_ops.append(("rect", CARD_PAD, CARD_PAD + band - PERSONAL_PT["wallet"] * 0.35, width, 0.4, RULE,
                     None, 0))
    size = PERSONAL_PT["wallet"]
    lines = ((CARD_PAD, CARD_PAD + size * (LEADING + 0.2), width),
             (CARD_PAD, CARD_PAD + size * 0.2, width))
    return _Plan((tuple(offset), tuple(back_ops)), front.problems + back.problems, left_out,
                 lines)


def _shift_x(op: Op, dx: float, dy: float) -> Op:
    return op[:1] + (op[1] + dx, op[2] + dy) + op[3:]


def _plan_a5(text: CardText, words: dict, personal: bool) -> _Plan:
    margin = 12 * MM
    footer = 6 * MM  # the station's name under the text
    band = _personal_band("a5") + 2 * MM if personal else 0.0
    width, height = A5_W - 2 * margin, A5_H - 2 * margin - footer - band
    blocks = [_title_block(text, 1.6, "centre"),
              _Block("version_label", text.version_label, scale=0.8, tone=MUTED,
                     align="centre", gap=1.0)]
    blocks += [_section(text, key, words, heading="line", gap=0.8,
                        bold=key == "hotline") for key in SECTIONS]
    fit = _fit(text.title, "a5", blocks, [], width, height)
    ops = tuple(_shift_x(op, margin, margin + footer + band) for op in fit.ops)
    size = PERSONAL_PT["a5"]
    lines = ((margin, margin + footer + size * (LEADING + 0.3), width),
             (margin, margin + footer + size * 0.3, width)) if personal else ()
    if personal:  # a hairline over the personal lines
        ops += (("rect", margin, margin + footer + band - 2 * MM, width, 0.5, RULE, None, 0),)
    return _Plan((ops,), fit.problems, (), lines)


def _plan_a4(text: CardText, words: dict) -> _Plan:
    margin = 15 * MM
    footer = 6 * MM
    width, height = PAGE_W - 2 * margin, PAGE_H - 2 * margin - footer
    blocks = [_title_block(text, 2.0, "centre"),
              _Block("version_label", text.version_label, scale=0.75, tone=MUTED,
                     align="centre", gap=0.9)]
    blocks += [_section(text, key, words, heading="box", gap=0.6)
               for key in ("eligibility", "standard", "materials", "steps")]
    hotline = _Block("hotline", text.hotline, words["hotline"], scale=1.5, bold=True,
                     heading="band", gap=0)
    fit = _fit(text.title, "a4", blocks, [hotline], width, height)
    return _Plan((tuple(_shift_x(op, margin, margin + footer) for op in fit.ops),),
                 fit.problems)


# --- personal lines --------------------------------------------------------------------------


def _personal_lines(back: CardBack, words: dict) -> tuple[str, str]:
    if not back.personal:
        return words["blank_household"], words["blank_worker"]
    name = back.household_name.strip()
    household = words["household"].format(name=name) if name else ""
    worker = words["worker"].format(name=back.worker_name.strip(),
                                    phone=back.worker_phone.strip()).strip()
    if not (back.worker_name.strip() or back.worker_phone.strip()):
        worker = ""
    return household, worker


def _line_size(text: str, design: float, minimum: float, width: float) -> float | None:
    """The largest size from ``design`` down to ``minimum`` at which one line fits, or None."""
    natural = text_width(text, 1.0)
    if natural * minimum > width + 0.01:
        return None
    return min(design, max(minimum, int(width / natural / STEP_PT) * STEP_PT)) if natural else design


def _personal_problems(card: Card, layout: str, lang: str, width: float) -> list[TooLong]:
    problems = []
    minimum = MIN_FONT_PT[layout]
    for key, line in zip(("household", "worker"), _personal_lines(card.back, _words(lang)),
                         strict=True):
        if line and _line_size(line, PERSONAL_PT[layout], minimum, width) is None:
            over = text_width(line, minimum) - width
            problems.append(TooLong(card.text.title, layout, key, round(over, 1), 1))
    return problems


# --- public functions ------------------------------------------------------------------------


def fit_problems(cards, layout: str, *, lang: str = "zh") -> list[TooLong]:
    """What does not fit ``layout`` even at the minimum size; empty when everything fits.

    Each distinct text is fitted once; the personal lines are checked per card (wallet and
    a5: a poster shows none).
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; one of {LAYOUTS}")
    problems: list[TooLong] = []
    seen: set = set()
    for card in cards:
        key = (card.text, card.back.personal if layout == "a5" else False)
        if key not in seen:
            seen.add(key)
            for problem in _plan(card.text, layout, key[1], lang).problems:
                if problem not in problems:
                    problems.append(problem)
        if layout != "a4" and card.back.personal:
            width = CARD_W - 2 * CARD_PAD if layout == "wallet" else A5_W - 24 * MM
            for problem in _personal_problems(card, layout, lang, width):
                if problem not in problems:
                    problems.append(problem)
    return problems


def left_out(text: CardText, layout: str = "wallet", *, lang: str = "zh") -> tuple[str, ...]:
    """Sections the layout leaves out for this text (wallet: materials when they don't fit)."""
    return _plan(text, layout, False, lang).left_out


def check(cards) -> list[tuple[str, str]]:
    """``(card, character)`` for every character no printer font has (warn before printing)."""
    records = []
    for card in cards:
        t, b = card.text, card.back
        label = f"{t.title}" + (f"（{b.household_name}）" if b.household_name else "")
        records.append((label, "\n".join((t.title, t.short_name, t.eligibility, t.standard,
                                          t.materials, t.steps, t.hotline, t.version_label,
                                          b.household_name, b.worker_name, b.worker_phone))))
    return fonts.unprintable(dict.fromkeys(records))


def build(cards, out: PdfTarget | None = None, *, layout: str = "wallet", station: str = "",
          lang: str = "zh", copies: int = 1) -> bytes | None:
    """The cards as a PDF in ``layout``, each repeated ``copies`` times, written to ``out``
    (a path or a binary file), or returned as bytes with ``out=None``.

    Raises ``ValidationError("card_too_long", title=, section=, layout=)`` when any text
    does not fit at the minimum size (check first with :func:`fit_problems`).
    """
    from reportlab.pdfgen.canvas import Canvas

    cards = [card for card in cards for _ in range(max(1, int(copies)))]
    problems = fit_problems(cards, layout, lang=lang)
    if problems:
        raise problems[0].error()
    fonts.register()
    words = _words(lang)
    target = BytesIO() if out is None else (str(out) if isinstance(out, str | Path) else out)
    pagesize = {"wallet": (PAGE_W, PAGE_H), "a5": (A5_W, A5_H), "a4": (PAGE_W, PAGE_H)}[layout]
    canvas = Canvas(target, pagesize=pagesize, pageCompression=1, initialFontName=fonts.FONT)
    titles = dict.fromkeys(card.text.short_name or card.text.title for card in cards)
    canvas.setTitle(f"{words['sheet']} · {'、'.join(list(titles)[:6])}")
    canvas.setAuthor(station)
    canvas.setCreator("站务通 Station Desk")
    if layout == "wallet":
        _build_wallet(canvas, cards, station, lang, words)
    else:
        _build_pages(canvas, cards, layout, station, lang, words)
    canvas.save()
    return target.getvalue() if out is None else None


# --- drawing ---------------------------------------------------------------------------------


def _draw_text(canvas, x: float, y: float, size: float, text: str, bold: bool, tone) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    canvas.setFillColorRGB(*tone)
    if bold:  # no bold face: fill and stroke the outline (text render mode 2)
        canvas.setStrokeColorRGB(*tone)
        canvas.setLineWidth(size * 0.045)
    mode = 2 if bold else 0
    for font, chunk in fonts.runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk, mode=mode)
        x += stringWidth(chunk, font, size)


def _draw_ops(canvas, ops) -> None:
    for op in ops:
        if op[0] == "text":
            _, x, y, size, text, bold, tone = op
            if text:
                _draw_text(canvas, x, y, size, text, bold, tone)
        else:
            _, x, y, w, h, fill, stroke, radius = op
            if fill:
                canvas.setFillColorRGB(*fill)
            if stroke:
                canvas.setStrokeColorRGB(*stroke)
                canvas.setLineWidth(0.6)
            if radius:
                canvas.roundRect(x, y, w, h, radius, stroke=int(bool(stroke)),
                                 fill=int(bool(fill)))
            else:
                canvas.rect(x, y, w, h, stroke=int(bool(stroke)), fill=int(bool(fill)))


def _draw_personal(canvas, card: Card, plan: _Plan, layout: str, words: dict,
                   dx: float = 0.0, dy: float = 0.0) -> None:
    design = PERSONAL_PT[layout]
    tones = (INK, INK) if card.back.personal else (MUTED, MUTED)
    for (x, y, width), line, tone, bold in zip(plan.personal_at,
                                               _personal_lines(card.back, words), tones,
                                               (card.back.personal, False), strict=True):
        if line:
            size = _line_size(line, design, MIN_FONT_PT[layout], width) or MIN_FONT_PT[layout]
            _draw_text(canvas, x + dx, y + dy, size, line, bold, tone)


def crop_mark_lines() -> list[tuple[float, float, float, float]]:
    """The crop marks of a wallet sheet as (x0, y0, x1, y1) in points: short lines outside the
    block of cards, on the lines through the card edges."""
    right, top = SHEET_LEFT + COLUMNS * CARD_W, SHEET_BOTTOM + ROWS * CARD_H
    marks = []
    for col in range(COLUMNS + 1):
        x = SHEET_LEFT + col * CARD_W
        marks.append((x, SHEET_BOTTOM - MARK_GAP, x, SHEET_BOTTOM - MARK_GAP - MARK))
        marks.append((x, top + MARK_GAP, x, top + MARK_GAP + MARK))
    for row in range(ROWS + 1):
        y = SHEET_BOTTOM + row * CARD_H
        marks.append((SHEET_LEFT - MARK_GAP, y, SHEET_LEFT - MARK_GAP - MARK, y))
        marks.append((right + MARK_GAP, y, right + MARK_GAP + MARK, y))
    return marks


def card_origin(index: int, side: str = "front") -> tuple[float, float]:
    """Lower-left corner of the ``index``-th card of a sheet (row by row) on its front page, or
    of its back on the back page (the columns mirrored for long-edge duplex)."""
    row, col = divmod(index, COLUMNS)
    if side == "back":
        col = COLUMNS - 1 - col
    return SHEET_LEFT + col * CARD_W, SHEET_BOTTOM + (ROWS - 1 - row) * CARD_H


def _build_wallet(canvas, cards: list[Card], station: str, lang: str, words: dict) -> None:
    forms: dict[CardText, tuple[str, str]] = {}
    plans: dict[CardText, _Plan] = {}
    for card in cards:  # each text's faces drawn once, as forms every card reuses
        if card.text in forms:
            continue
        plan = plans[card.text] = _plan(card.text, "wallet", False, lang)
        names = (f"policy_front_{len(forms)}", f"policy_back_{len(forms)}")
        for name, ops in zip(names, plan.faces, strict=True):
            canvas.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
            _draw_ops(canvas, ops)
            canvas.endForm()
        forms[card.text] = names
    sheets = max(1, -(-len(cards) // PER_SHEET))
    for sheet in range(sheets):
        chunk = cards[sheet * PER_SHEET:(sheet + 1) * PER_SHEET]
        note = " · ".join(part for part in (station, words["sheet"], words["sheet_no"].format(
            n=sheet + 1, total=sheets)) if part)
        for side in ("front", "back"):
            if side == "front":
                _draw_crop_marks(canvas)
            _draw_text(canvas, SHEET_LEFT, 5 * MM, 6.5, f"{note} · {words[side]}", False, MUTED)
            for index, card in enumerate(chunk):
                x, y = card_origin(index, side)
                canvas.saveState()
                canvas.translate(x, y)
                canvas.doForm(forms[card.text][0 if side == "front" else 1])
                if side == "back":
                    _draw_personal(canvas, card, plans[card.text], "wallet", words)
                canvas.restoreState()
            canvas.showPage()


def _draw_crop_marks(canvas) -> None:
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.25)
    for x0, y0, x1, y1 in crop_mark_lines():
        canvas.line(x0, y0, x1, y1)


def _build_pages(canvas, cards: list[Card], layout: str, station: str, lang: str,
                 words: dict) -> None:
    margin = (12 if layout == "a5" else 15) * MM
    for card in cards:
        personal = layout == "a5" and card.back.personal
        plan = _plan(card.text, layout, personal, lang)
        _draw_ops(canvas, plan.faces[0])
        if personal:
            _draw_personal(canvas, card, plan, layout, words)
        foot = " · ".join(p for p in (station, card.text.version_label) if p)
        if foot:
            _draw_text(canvas, margin, margin, 8 if layout == "a5" else 10, foot, False, MUTED)
        canvas.showPage()
