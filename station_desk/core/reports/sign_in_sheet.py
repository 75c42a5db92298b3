"""志愿者签到表: the paper sheet for a day or one shift, for when the PC is off.

One row per volunteer assigned (班次, 姓名, 签到时间, 签退时间, 本人签名, 备注), then blank
rows for walk-ins. The sheet's entries are typed in afterwards as paper attendance (source
"paper sheet"); each printed row carries the shift's number so the clerk finds it again.
No phone or ID number is printed.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..clock import today
from . import fonts, pdf
from .pdf import PdfTarget

LABELS = {
    "zh": {
        "title": "志愿者签到表",
        "heading": "{station}志愿者签到表",
        "day": "服务日期：{date}（{weekday}）",
        "shift": "班次：{shift}",
        "all_shifts": "全天各班次",
        "columns": ("序号", "班次", "姓名", "签到时间", "签退时间", "本人签名", "备注"),
        "weekdays": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
        "footer": "填写说明：请本人填写到站、离站时间（如 08:30）并签名；未排班临时到站的志愿者请在"
                  "空白行填写姓名。电脑恢复后由工作人员按本表补录考勤（来源：纸质签到表）。",
        "signed": "值班工作人员（签名）：________________    补录人：____________    "
                  "补录日期：____________",
        "count": "已排班 {count} 人，另留 {blank} 行供临时到站填写",
    },
    "en": {
        "title": "Volunteer sign-in sheet",
        "heading": "{station}: volunteer sign-in sheet",
        "day": "Date: {date} ({weekday})",
        "shift": "Shift: {shift}",
        "all_shifts": "all shifts of the day",
        "columns": ("No.", "Shift", "Name", "In", "Out", "Signature", "Note"),
        "weekdays": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                     "Sunday"),
        "footer": "Write the time you arrive and leave (e.g. 08:30) and sign; walk-ins write "
                  "their name on a blank row. Staff type the sheet in afterwards (source: paper "
                  "sheet).",
        "signed": "Staff on duty (signature): ________________    Typed in by: ____________    "
                  "on: ____________",
        "count": "{count} assigned, {blank} blank rows for walk-ins",
    },
}
KIND_NAMES = {"front_desk": "前台值班", "hotline": "热线接听", "home_visit": "入户探访",
              "activity": "志愿活动"}
WIDTHS_MM = (10, 50, 26, 20, 20, 34, 20)  # 180 mm
ROW_MM = 10  # room to write by hand
MIN_BLANK = 8


@dataclass(frozen=True)
class SignInRow:
    shift: str  # "#12 前台值班 08:30–12:00", "" on a blank row
    name: str


@dataclass(frozen=True)
class SignInData:
    station: str
    day: _dt.date
    shift: str  # the one shift's label, "" for the whole day
    rows: tuple[SignInRow, ...]


def _label(shift) -> str:
    name = shift.name or KIND_NAMES.get(shift.kind, shift.kind)
    return f"#{shift.id} {name} {shift.start_time}–{shift.end_time}"


def gather(actor, day: _dt.date, shift_id: int | None = None) -> SignInData:
    """Who is assigned (not cancelled) on ``day``, or to one shift, by shift then name."""
    from ..models import Assignment, Shift, Volunteer
    from ..roles import require
    from ..services.base import get_or_fail
    from ..services.station import get_station

    require(actor, "volunteers.view")
    if shift_id is not None:
        one = get_or_fail(Shift, shift_id)
        shifts = [one]
        day = one.day if isinstance(one.day, _dt.date) else _dt.date.fromisoformat(str(one.day))
    else:
        shifts = list(Shift.select().where(Shift.day == day)
                      .order_by(Shift.start_time, Shift.end_time, Shift.name, Shift.id))
    labels = {s.id: _label(s) for s in shifts}
    rows: list[SignInRow] = []
    if shifts:
        query = (Assignment.select(Assignment.shift, Volunteer.name).join(Volunteer)
                 .where(Assignment.shift.in_(list(labels)) & (Assignment.status != "cancelled"))
                 .order_by(Volunteer.name_initials, Volunteer.id))
        by_shift: dict[int, list[str]] = {}
        for sid, name in query.tuples():
            by_shift.setdefault(sid, []).append(name)
        rows = [SignInRow(labels[s.id], name) for s in shifts for name in by_shift.get(s.id, ())]
    station = get_station()
    return SignInData(station.name if station else "", day,
                      labels[shift_id] if shift_id is not None else "", tuple(rows))


def check(data: SignInData) -> list[tuple[str, str]]:
    records = [(data.station, data.station)] + [(row.name, f"{row.name} {row.shift}")
                                                for row in data.rows]
    return fonts.unprintable(records)


def build(data: SignInData, out: PdfTarget | None = None, *, lang: str = "zh",
          printed_on: _dt.date | None = None) -> bytes | None:
    """The sign-in sheet on A4 portrait: assigned rows, then blank rows to the page's end."""
    words = LABELS.get(lang, LABELS["zh"])
    info = pdf.PageInfo(title=f"{words['title']} · {data.day.isoformat()}", station=data.station,
                        printed_on=printed_on or today(), lang=lang)
    heading = words["heading"].format(station=data.station) if data.station else words["title"]
    subtitle = "\u00a0\u00a0\u00a0\u00a0".join((
        words["day"].format(date=pdf.date_text(data.day, lang),
                            weekday=words["weekdays"][data.day.weekday()]),
        words["shift"].format(shift=data.shift or words["all_shifts"])))
    story: list[Flowable] = pdf.title_block(heading, subtitle)
    row_height = ROW_MM * mm
    width = pdf.content_width()
    frame = info.pagesize[1] - pdf.MARGIN_TOP - pdf.MARGIN_BOTTOM
    used = sum(f.wrap(width, frame)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
    tail = [Spacer(1, 3 * mm), pdf.para(words["footer"], "small"), Spacer(1, 5 * mm),
            pdf.para(words["signed"], "body")]
    tail_height = sum(f.wrap(width, frame)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                      for f in tail) + 8 * mm
    header_height = 8 * mm
    # Fill the last page with blank rows (at least MIN_BLANK), leaving room for the footer.
    filled = len(data.rows)
    first_room = int((frame - used - header_height - tail_height) // row_height)
    if filled + MIN_BLANK <= first_room:
        blank = first_room - filled
    else:
        per_page = int((frame - header_height) // row_height)
        after = filled + MIN_BLANK - first_room
        last_rows = after % per_page or per_page
        blank = MIN_BLANK + max(0, int((frame - header_height - tail_height) // row_height)
                                - last_rows)
    from reportlab.lib.styles import ParagraphStyle

    cell = pdf.styles()["cell_left"]
    shift_style = ParagraphStyle("sign_in_shift", pdf.styles()["cell_left_muted"], fontSize=8.5,
                                 leading=10)  # two lines still fit a row
    centre = pdf.styles()["cell_centre"]
    body = [[pdf.para(text, "head") for text in words["columns"]]]
    for number, row in enumerate(data.rows, start=1):
        body.append([pdf.para(str(number), centre), pdf.para(row.shift, shift_style),
                     pdf.para(row.name, cell), "", "", "", ""])
    for number in range(filled + 1, filled + blank + 1):
        body.append([pdf.para(str(number), centre), "", "", "", "", "", ""])
    table = Table(body, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1, hAlign="CENTER",
                  rowHeights=[header_height] + [row_height] * (len(body) - 1))
    table.setStyle(pdf.table_style(rows=len(body), zebra=False))
    story.append(table)
    story += [Spacer(1, 2 * mm),
              pdf.para(words["count"].format(count=filled, blank=blank), "small"), *tail]
    return pdf.build(story, info, out)
