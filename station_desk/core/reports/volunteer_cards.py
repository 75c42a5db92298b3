"""志愿者卡: credit-card size (85.6 × 54 mm), ten to an A4 sheet, with crop marks.

Each card shows the station, the volunteer's name, team and volunteer number, and a QR code of
the card's token (random and revocable: never the ID number or phone). What is the same on
every card (frame, station, labels, the line on the back of the kiosk) is drawn once as a form
(``beginForm``) and reused (``doForm``); only the personal lines and the QR cost per card.

:func:`gather` reads the volunteers holding a live card; :func:`check` names the records with
characters no printer font has; :func:`build` writes the PDF.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from io import BytesIO

from ..clock import today
from . import fonts
from .pdf import PdfTarget

LABELS = {
    "zh": {"title": "志愿者卡", "card": "志愿者证", "name": "姓名", "team": "服务队",
           "number": "编号", "scan": "到站请在签到机扫码签到", "lost": "遗失请告知社工站",
           "local": "站内 {id:05d}", "no_team": "—"},
    "en": {"title": "Volunteer cards", "card": "VOLUNTEER", "name": "Name", "team": "Team",
           "number": "No.", "scan": "Scan at the kiosk to sign in", "lost": "Lost? Tell the station",
           "local": "Local {id:05d}", "no_team": "—"},
}

MM = 72 / 25.4
CARD_W, CARD_H = 85.6 * MM, 54 * MM
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT = (PAGE_W - COLUMNS * CARD_W) / 2
BOTTOM = (PAGE_H - ROWS * CARD_H) / 2
MARK, MARK_GAP = 5 * MM, 1.5 * MM  # crop mark length, and its gap from the card edge
QR_SIZE = 27 * MM
PAD = 4 * MM
NAME_SIZE, VALUE_SIZE, LABEL_SIZE = 15, 9.5, 7.5


@dataclass(frozen=True)
class CardLine:
    volunteer_id: int
    name: str
    team: str
    number: str  # 志愿者编号 (national platform) or the station's own
    token: str  # the QR's content


@dataclass(frozen=True)
class CardSheet:
    station: str
    cards: tuple[CardLine, ...]
    without_card: int = 0  # volunteers chosen who hold no live card (not printed)


def gather(actor, team_id: int | None = None, volunteer_ids=None, *, lang: str = "zh") -> CardSheet:
    """Active and paused volunteers (of a team, or the ids given) holding a live card."""
    from ..models import CardToken, Team, Volunteer
    from ..roles import require
    from ..services.station import get_station

    require(actor, "volunteers.edit")  # whoever may print a card may issue one
    words = LABELS.get(lang, LABELS["zh"])
    query = Volunteer.select(Volunteer.id, Volunteer.name, Volunteer.platform_number,
                             Volunteer.team).where(Volunteer.status != "left")
    if team_id is not None:
        query = query.where(Volunteer.team == team_id)
    if volunteer_ids is not None:
        query = query.where(Volunteer.id.in_(list(volunteer_ids)))
    chosen = list(query.order_by(Volunteer.team, Volunteer.name_initials, Volunteer.id))
    teams = dict(Team.select(Team.id, Team.name).tuples())
    tokens: dict[int, str] = {}
    for volunteer_id, token in (CardToken.select(CardToken.volunteer, CardToken.token)
                                .where(CardToken.revoked_at.is_null())
                                .order_by(CardToken.id).tuples()):
        tokens[volunteer_id] = token  # the newest live card wins
    cards = tuple(
        CardLine(v.id, v.name, teams.get(v.team_id, ""),
                 v.platform_number or words["local"].format(id=v.id), tokens[v.id])
        for v in chosen if v.id in tokens)
    station = get_station()
    return CardSheet(station.name if station else "", cards, len(chosen) - len(cards))


def check(sheet: CardSheet) -> list[tuple[str, str]]:
    """``(record, character)`` for every character no printer font has (warn before printing)."""
    records = [(sheet.station, sheet.station)]
    records += [(card.name, f"{card.name} {card.team} {card.number}") for card in sheet.cards]
    return fonts.unprintable(records)


QR_MASK = 2  # any of the eight masks is valid QR; scoring all eight costs 8 ms a card


def qr_modules(token: str) -> list[list[bool]]:
    """The QR code of ``token`` (error correction M) as rows of dark (True) modules."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(token)
    code.version = code.calculate_version()
    code.makeImpl(False, QR_MASK)
    return code.modules


def _draw_qr(canvas, token: str, x: float, y: float, size: float) -> None:
    """The QR code of ``token`` in a ``size`` square at x, y (lower left), with a one-module
    quiet zone inside the square (the card is white around it).

    Drawn as one path of dark runs in module units: integers, written straight into the page
    (reportlab's per-number formatting would cost more than the code itself).
    """
    modules = qr_modules(token)
    count = len(modules)
    cell = size / (count + 2)
    ops = []
    for row, line in enumerate(modules):
        base = count - row  # module units, upwards; the quiet zone is at 0 and count + 1
        col = 0
        while col < count:
            if line[col]:
                start = col
                while col < count and line[col]:
                    col += 1
                ops.append(f"{start + 1} {base} {col - start} 1 re")
            else:
                col += 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(cell, cell)
    canvas._code.append(" ".join(ops) + " f")  # noqa: SLF001 (raw path operators)
    canvas.restoreState()


def _card_form(canvas, station: str, words: dict) -> None:
    """What every card shows, drawn once at the card's lower-left corner (0, 0)."""
    from reportlab.lib import colors

    canvas.beginForm("volunteer_card")
    canvas.setStrokeColor(colors.Color(0.8, 0.8, 0.8))
    canvas.setLineWidth(0.3)
    canvas.roundRect(0, 0, CARD_W, CARD_H, 3 * MM, stroke=1, fill=0)  # a guide, inside the cut
    band = 11 * MM
    canvas.setFillColor(colors.Color(0.15, 0.15, 0.15))
    canvas.rect(0, CARD_H - band, CARD_W, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    fonts.draw_string(canvas, PAD, CARD_H - band + 4 * MM, station or words["title"], 10.5)
    fonts.draw_string(canvas, CARD_W - PAD, CARD_H - band + 4 * MM, words["card"], 9,
                      align="right")
    canvas.setFillColor(colors.Color(0.35, 0.35, 0.35))
    left = PAD
    fonts.draw_string(canvas, left, CARD_H - band - 6.5 * MM, words["name"], LABEL_SIZE)
    fonts.draw_string(canvas, left, CARD_H - band - 20 * MM, words["team"], LABEL_SIZE)
    fonts.draw_string(canvas, left, CARD_H - band - 28 * MM, words["number"], LABEL_SIZE)
    fonts.draw_string(canvas, left, 3.2 * MM, f"{words['scan']} · {words['lost']}", 6.5)
    canvas.endForm()


def _crop_marks(canvas) -> None:
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.25)
    right, top = LEFT + COLUMNS * CARD_W, BOTTOM + ROWS * CARD_H
    for col in range(COLUMNS + 1):
        x = LEFT + col * CARD_W
        canvas.line(x, BOTTOM - MARK_GAP, x, BOTTOM - MARK_GAP - MARK)
        canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK)
    for row in range(ROWS + 1):
        y = BOTTOM + row * CARD_H
        canvas.line(LEFT - MARK_GAP, y, LEFT - MARK_GAP - MARK, y)
        canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK, y)


def _fit(text: str, size: float, width: float, smallest: float = 7) -> float:
    while size > smallest and fonts.string_width(text, size) > width:
        size -= 0.5
    return size


def build(sheet: CardSheet, out: PdfTarget | None = None, *, lang: str = "zh",
          printed_on: _dt.date | None = None) -> bytes | None:
    """The cards, ten to an A4 page, written to ``out`` (or returned as bytes)."""
    from pathlib import Path

    from reportlab.pdfgen.canvas import Canvas

    words = LABELS.get(lang, LABELS["zh"])
    font = fonts.register()
    target = BytesIO() if out is None else (str(out) if isinstance(out, str | Path) else out)
    canvas = Canvas(target, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(f"{sheet.station} {words['title']}".strip())
    canvas.setAuthor(sheet.station)
    canvas.setCreator("站务通 Station Desk")
    _card_form(canvas, sheet.station, words)
    text_width = CARD_W - QR_SIZE - 3 * PAD
    cards = sheet.cards or ()
    for first in range(0, max(len(cards), 1), PER_SHEET):
        _crop_marks(canvas)
        fonts.draw_string(canvas, LEFT, 4 * MM,
                          f"{sheet.station} {words['title']} · "
                          f"{(printed_on or today()).isoformat()} · "
                          f"{first // PER_SHEET + 1}/{max(1, -(-len(cards) // PER_SHEET))}", 6.5)
        for index, card in enumerate(cards[first:first + PER_SHEET]):
            row, col = divmod(index, COLUMNS)
            x = LEFT + col * CARD_W
            y = BOTTOM + (ROWS - 1 - row) * CARD_H
            canvas.saveState()
            canvas.translate(x, y)
            canvas.doForm("volunteer_card")
            canvas.setFillColorRGB(0, 0, 0)
            top = CARD_H - 11 * MM
            fonts.draw_string(canvas, PAD, top - 14 * MM, card.name,
                              _fit(card.name, NAME_SIZE, text_width))
            fonts.draw_string(canvas, PAD + 11 * MM, top - 20 * MM, card.team or words["no_team"],
                              _fit(card.team, VALUE_SIZE, text_width - 11 * MM))
            fonts.draw_string(canvas, PAD + 11 * MM, top - 28 * MM, card.number,
                              _fit(card.number, VALUE_SIZE, text_width - 11 * MM))
            _draw_qr(canvas, card.token, CARD_W - PAD - QR_SIZE,
                     (CARD_H - 11 * MM - QR_SIZE) / 2 + 1.5 * MM, QR_SIZE)
            canvas.restoreState()
        canvas.setFont(font, 10)
        canvas.showPage()
    canvas.save()
    return target.getvalue() if out is None else None
