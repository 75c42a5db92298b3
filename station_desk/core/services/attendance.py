"""Attendance at the front desk: sign-in, sign-out, forgotten sign-outs, corrections, hours.

Attendance is a ledger of appended events (models.volunteers.AttendanceEvent). A *visit* is
one sign-in with what follows it: a sign-out or an automatic close, and any corrections or a
void. Nothing is edited in place; statuses and hours are derived here.

Rules (issue 6, "Forgotten sign-outs" and "Bad input"):
- one open visit per person: a punch signs out when one is open today, else signs in;
- the same person punching again within the repeat window is ignored (no zero-length visit,
  no flip from sign-in to sign-out);
- a visit left open on an earlier day is closed automatically (at its shift's end plus the
  tolerance, or for a walk-in at the station's closing hour) before today's sign-in — today's
  arrival is never turned into yesterday's sign-out;
- an automatic close is flagged 补登 (pending) and credits hours only up to the shift's end
  (a walk-in: none) until staff confirm or correct it with a reason.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee

from .. import settings, validate
from ..audit import created
from ..clock import now as clock_now
from ..clock import stamp
from ..errors import ValidationError
from ..models import Assignment, AttendanceEvent, CardToken, Shift, Team, Volunteer
from ..roles import Actor, require
from .base import clean_text, get_or_fail, writer

CLOSING = ("sign_out", "auto_close")


def now() -> _dt.datetime:
    return clock_now()


def _parse(text: str) -> _dt.datetime:
    return _dt.datetime.fromisoformat(text)


def _at(day: _dt.date, hhmm: str, tz: _dt.tzinfo | None) -> _dt.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    if hour == 24:
        return _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time(0, minute), tz)
    return _dt.datetime.combine(day, _dt.time(hour, minute), tz)


mask_name = validate.mask_name  # the kiosk shows a volunteer's name so


# --- the kiosk -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskMatch:
    volunteer_id: int
    masked_name: str
    team_name: str


def kiosk_matches(actor: Actor, tail: str) -> list[KioskMatch]:
    """Active volunteers whose mobile ends in ``tail`` (four digits), names masked."""
    require(actor, "attendance.kiosk")
    tail = validate.normalise_text(tail)
    if len(tail) != 4 or not tail.isdigit():
        return []
    rows = (Volunteer.select(Volunteer.id, Volunteer.name, Team.name.alias("team_name"))
            .join(Team, peewee.JOIN.LEFT_OUTER, on=(Volunteer.team == Team.id))
            .where((Volunteer.phone_tail == tail) & (Volunteer.status == "active"))
            .order_by(Volunteer.name_initials, Volunteer.id).tuples())
    return [KioskMatch(vid, mask_name(name), team or "") for vid, name, team in rows]


def volunteer_for_card(actor: Actor, token: str) -> int | None:
    """The active volunteer a card's code belongs to; None for an unknown or revoked card."""
    require(actor, "attendance.kiosk")
    token = (token or "").strip()
    if not token:
        return None
    row = (CardToken.select(CardToken.volunteer).join(Volunteer)
           .where((CardToken.token == token) & CardToken.revoked_at.is_null()
                  & (Volunteer.status == "active")).first())
    return row.volunteer_id if row else None


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    name: str
    place: str
    start_time: str
    end_time: str


@dataclass(frozen=True)
class PunchResult:
    outcome: str  # "signed_in" | "signed_out" | "ignored"
    at: _dt.datetime
    name: str  # masked
    shift: ShiftInfo | None
    walk_in: bool
    closed_previous: bool = False
    hours: float | None = None


def _shift_info(shift: Shift | None) -> ShiftInfo | None:
    if shift is None:
        return None
    return ShiftInfo(shift.id, shift.name, shift.place, shift.start_time, shift.end_time)


def _closing_followers(sign_in_model=AttendanceEvent) -> peewee.ModelSelect:
    """The events that end a visit: a sign-out, an automatic close, a void, or a staff
    correction that states a sign-out time."""
    Follower = AttendanceEvent.alias()
    return (Follower.select(Follower.id)
            .where((Follower.opens == sign_in_model.id)
                   & (Follower.kind.in_((*CLOSING, "void"))
                      | ((Follower.kind == "correction") & Follower.sign_out_at.is_null(False)))))


def _open_visit(volunteer_id: int) -> AttendanceEvent | None:
    """The volunteer's sign-in that nothing has closed or voided yet."""
    return (AttendanceEvent.select()
            .where((AttendanceEvent.volunteer == volunteer_id) & (AttendanceEvent.kind == "sign_in")
                   & ~peewee.fn.EXISTS(_closing_followers()))
            .order_by(AttendanceEvent.at.desc()).first())


EARLY_ARRIVAL = _dt.timedelta(hours=1)  # arriving this long before a shift still counts for it


def _todays_shift(volunteer_id: int, moment: _dt.datetime) -> Shift | None:
    """The volunteer's assigned shift (not cancelled) that ``moment`` falls in, or starts
    within the hour after; None (a walk-in) when the arrival fits none of today's shifts."""
    shifts = list(Shift.select().join(Assignment)
                  .where((Assignment.volunteer == volunteer_id) & (Assignment.status != "cancelled")
                         & (Shift.day == moment.date())))
    fitting = []
    for shift in shifts:
        start = _at(shift.day, shift.start_time, moment.tzinfo)
        end = _at(shift.day, shift.end_time, moment.tzinfo)
        if start - EARLY_ARRIVAL <= moment < end:
            fitting.append((abs((moment - start).total_seconds()), shift.start_time, shift.id, shift))
    return min(fitting)[-1] if fitting else None


def auto_close_time(sign_in: AttendanceEvent) -> _dt.datetime:
    """When a forgotten visit closes itself: its shift's end plus the tolerance, or for a
    walk-in the station's closing hour that day (never before the sign-in)."""
    opened = _parse(sign_in.at)
    if sign_in.shift_id is not None:
        shift = Shift.get_by_id(sign_in.shift_id)
        minutes = int(settings.get("attendance.auto_close_tolerance_minutes"))
        close = _at(shift.day, shift.end_time, opened.tzinfo) + _dt.timedelta(minutes=minutes)
    else:
        close = _at(opened.date(), f"{int(settings.get('attendance.walk_in_close_hour')):02d}:00",
                    opened.tzinfo)
        if close <= opened:  # a walk-in after the closing hour: closes after the longest visit
            close = opened + _dt.timedelta(hours=float(settings.get("attendance.max_hours")))
    return max(close, opened)


def _append(actor: Actor, volunteer_id: int, kind: str, at: _dt.datetime, *, source: str,
            opens: int | None = None, shift_id: int | None = None, walk_in: bool = False,
            reason: str = "", sign_in_at: str | None = None,
            sign_out_at: str | None = None) -> AttendanceEvent:
    event = AttendanceEvent.create(
        volunteer=volunteer_id, kind=kind, at=stamp(at), opens=opens, shift=shift_id,
        source=source, walk_in=walk_in, reason=reason, sign_in_at=sign_in_at,
        sign_out_at=sign_out_at, recorded_by=actor.staff_id, recorded_at=stamp())
    created(actor, event)
    return event


def _auto_close(actor: Actor, sign_in: AttendanceEvent) -> AttendanceEvent:
    return _append(actor, sign_in.volunteer_id, "auto_close", auto_close_time(sign_in),
                   source="kiosk", opens=sign_in.id, shift_id=sign_in.shift_id,
                   reason="forgotten sign-out")


@writer("attendance.kiosk")
def punch(actor: Actor, volunteer_id: int, *, source: str = "kiosk",
          at: _dt.datetime | None = None) -> PunchResult:
    """Sign a volunteer in, or out when a visit of today is open (see the module's rules)."""
    moment = (at or now()).replace(microsecond=0)
    volunteer = get_or_fail(Volunteer, volunteer_id)
    if volunteer.status != "active":
        raise ValidationError("volunteer_not_active", name=mask_name(volunteer.name))
    name = mask_name(volunteer.name)
    latest = (AttendanceEvent.select()
              .where((AttendanceEvent.volunteer == volunteer_id)
                     & AttendanceEvent.kind.in_(("sign_in", "sign_out")))
              .order_by(AttendanceEvent.at.desc(), AttendanceEvent.id.desc()).first())
    window = _dt.timedelta(minutes=int(settings.get("attendance.repeat_window_minutes")))
    if latest is not None and _dt.timedelta(0) <= moment - _parse(latest.at) < window:
        opened = latest if latest.kind == "sign_in" else latest.opens
        shift = Shift.get_or_none(Shift.id == opened.shift_id) if opened and opened.shift_id else None
        return PunchResult("ignored", _parse(latest.at), name, _shift_info(shift),
                           bool(opened and opened.walk_in))
    open_visit = _open_visit(volunteer_id)
    closed_previous = False
    if open_visit is not None and auto_close_time(open_visit) <= moment:
        # A forgotten sign-out (yesterday's, or this morning's shift long over): closed as
        # automatic, and this arrival is a sign-in — never a late sign-out of that visit.
        _auto_close(actor, open_visit)
        open_visit, closed_previous = None, True
    if open_visit is not None:
        opened = _parse(open_visit.at)
        if moment < opened:
            raise ValidationError("sign_out_before_sign_in", at=moment.strftime("%H:%M"))
        _append(actor, volunteer_id, "sign_out", moment, source=source, opens=open_visit.id,
                shift_id=open_visit.shift_id)
        shift = Shift.get_or_none(Shift.id == open_visit.shift_id) if open_visit.shift_id else None
        hours = _hours(opened, moment)
        return PunchResult("signed_out", moment, name, _shift_info(shift), open_visit.walk_in,
                           hours=hours)
    shift = _todays_shift(volunteer_id, moment)
    _append(actor, volunteer_id, "sign_in", moment, source=source,
            shift_id=shift.id if shift else None, walk_in=shift is None)
    return PunchResult("signed_in", moment, name, _shift_info(shift), shift is None,
                       closed_previous=closed_previous)


def _hours(start: _dt.datetime, end: _dt.datetime, cap: float | None = None) -> float:
    cap = float(settings.get("attendance.max_hours")) if cap is None else cap
    return round(min(max((end - start).total_seconds() / 3600, 0.0), cap), 2)


@writer("attendance.kiosk")
def close_forgotten(actor: Actor, at: _dt.datetime | None = None) -> int:
    """Close every visit whose automatic-close time has passed; returns how many."""
    moment = at or now()
    closed = 0
    for sign_in in (AttendanceEvent.select()
                    .where((AttendanceEvent.kind == "sign_in")
                           & ~peewee.fn.EXISTS(_closing_followers()))):
        if auto_close_time(sign_in) <= moment:
            _auto_close(actor, sign_in)
            closed += 1
    return closed


# --- staff: corrections, paper sheets, voids -------------------------------------------------


def _sign_in_event(event_id: int) -> AttendanceEvent:
    event = get_or_fail(AttendanceEvent, event_id)
    if event.kind != "sign_in":
        raise ValidationError("bad_choice", field="attendance", value=str(event_id))
    return event


@writer("attendance.correct")
def correct(actor: Actor, sign_in_id: int, *, reason: str, sign_in_at: _dt.datetime | None = None,
            sign_out_at: _dt.datetime | None = None) -> AttendanceEvent:
    """Restate a visit's times with a reason (confirms a 补登 automatic close too)."""
    event = _sign_in_event(sign_in_id)
    reason = clean_text(reason, "reason")
    visit = visit_of(event)
    start = sign_in_at or visit.sign_in_at
    end = sign_out_at or visit.sign_out_at
    if end is not None and end < start:
        raise ValidationError("sign_out_before_sign_in", at=end.strftime("%H:%M"))
    if end is not None and end > now() + _dt.timedelta(minutes=1):
        raise ValidationError("date_in_future", field="sign_out_at", value=stamp(end))
    return _append(actor, event.volunteer_id, "correction", now(), source="staff", opens=event.id,
                   shift_id=event.shift_id, reason=reason, sign_in_at=stamp(start),
                   sign_out_at=stamp(end) if end else None)


@writer("attendance.correct")
def void(actor: Actor, sign_in_id: int, *, reason: str) -> AttendanceEvent:
    """Withdraw a visit recorded by mistake (it stays in the ledger, marked void)."""
    event = _sign_in_event(sign_in_id)
    return _append(actor, event.volunteer_id, "void", now(), source="staff", opens=event.id,
                   reason=clean_text(reason, "reason"))


@writer("attendance.correct")
def record_paper(actor: Actor, volunteer_id: int, *, sign_in_at: _dt.datetime,
                 sign_out_at: _dt.datetime, shift_id: int | None = None,
                 reason: str = "纸质签到表") -> AttendanceEvent:
    """A visit typed in from the paper sign-in sheet (the PC was off): status 补登."""
    get_or_fail(Volunteer, volunteer_id)
    if sign_out_at < sign_in_at:
        raise ValidationError("sign_out_before_sign_in", at=sign_out_at.strftime("%H:%M"))
    if sign_out_at > now() + _dt.timedelta(minutes=1):
        raise ValidationError("date_in_future", field="sign_out_at", value=stamp(sign_out_at))
    if shift_id is not None:
        get_or_fail(Shift, shift_id)
    opened = _append(actor, volunteer_id, "sign_in", sign_in_at, source="paper",
                     shift_id=shift_id, walk_in=shift_id is None, reason=reason)
    _append(actor, volunteer_id, "sign_out", sign_out_at, source="paper", opens=opened.id,
            shift_id=shift_id, reason=reason)
    return opened


# --- deriving visits and hours ---------------------------------------------------------------

# 正常 / 迟到 / 早退 / 迟到早退 / 补登 (pending or typed in afterwards) / 未签退 (open) / 作废
STATUSES = ("normal", "late", "early", "late_early", "pending", "open", "void")


@dataclass(frozen=True)
class VisitRow:
    sign_in_id: int
    volunteer_id: int
    volunteer_name: str
    sign_in_at: _dt.datetime
    sign_out_at: _dt.datetime | None
    shift: ShiftInfo | None
    walk_in: bool
    source: str
    status: str
    hours: float
    automatic: bool  # closed by the program, not by the volunteer
    confirmed: bool  # staff corrected or confirmed it


@dataclass(frozen=True)
class _Rules:
    """The station rules a derivation reads, read once per call (not once per visit)."""

    cap: float
    grace: _dt.timedelta

    @classmethod
    def read(cls) -> _Rules:
        return cls(float(settings.get("attendance.max_hours")),
                   _dt.timedelta(minutes=int(settings.get("attendance.late_grace_minutes"))))


def _derive(event: AttendanceEvent, followers: Sequence[AttendanceEvent], shift: Shift | None,
            name: str, rules: _Rules) -> VisitRow:
    start = _parse(event.at)
    end = None
    automatic = confirmed = voided = False
    # Closing events first, then staff corrections in the order made (a correction wins over
    # an automatic close recorded after it), a void last.
    order = {"sign_out": 0, "auto_close": 0, "correction": 1, "void": 2}
    for follower in sorted(followers, key=lambda f: (order.get(f.kind, 0), f.recorded_at, f.id)):
        if follower.kind in CLOSING:
            end, automatic = _parse(follower.at), follower.kind == "auto_close"
        elif follower.kind == "correction":
            start = _parse(follower.sign_in_at) if follower.sign_in_at else start
            end = _parse(follower.sign_out_at) if follower.sign_out_at else end
            confirmed = True
        elif follower.kind == "void":
            voided = True
    hours = 0.0
    grace = rules.grace
    if voided:
        status = "void"
    elif end is None:
        status = "open"
    elif automatic and not confirmed:
        status = "pending"
        if shift is not None:  # credited up to the shift's end until staff confirm
            hours = _hours(start, min(end, _at(shift.day, shift.end_time, start.tzinfo)), rules.cap)
    else:
        hours = _hours(start, end, rules.cap)
        if event.source == "paper" and not confirmed:  # typed in: 补登 until staff confirm
            status = "pending"
        elif shift is None:
            status = "normal"
        else:
            late = start > _at(shift.day, shift.start_time, start.tzinfo) + grace
            early = end < _at(shift.day, shift.end_time, start.tzinfo) - grace
            status = {(False, False): "normal", (True, False): "late", (False, True): "early",
                      (True, True): "late_early"}[(late, early)]
    return VisitRow(event.id, event.volunteer_id, name, start, end, _shift_info(shift),
                    event.walk_in, event.source, status, hours, automatic, confirmed)


def visits(actor: Actor, start: _dt.date, end: _dt.date, *,
           volunteer_id: int | None = None,
           shift_ids: Sequence[int] | None = None) -> list[VisitRow]:
    """Visits whose sign-in falls on ``start``..``end`` (inclusive), oldest first; only those
    signed in to ``shift_ids`` when given (an activity's or a project's shifts)."""
    require(actor, "volunteers.view")
    lower = _dt.datetime.combine(start, _dt.time()).isoformat()
    upper = _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time()).isoformat()
    query = (AttendanceEvent.select(AttendanceEvent, Volunteer.name.alias("vname"))
             .join(Volunteer)
             .where((AttendanceEvent.kind == "sign_in") & (AttendanceEvent.at >= lower)
                    & (AttendanceEvent.at < upper))
             .order_by(AttendanceEvent.at, AttendanceEvent.id))
    if volunteer_id is not None:
        query = query.where(AttendanceEvent.volunteer == volunteer_id)
    if shift_ids is not None:
        wanted = sorted({s for s in shift_ids if s})
        if not wanted:
            return []
        sign_ins = []
        for chunk in range(0, len(wanted), 900):
            sign_ins += list(query.where(AttendanceEvent.shift.in_(wanted[chunk:chunk + 900]))
                             .objects())
        sign_ins.sort(key=lambda e: (e.at, e.id))
    else:
        sign_ins = list(query.objects())  # flat: the joined name lands on the event
    if not sign_ins:
        return []
    followers: dict[int, list[AttendanceEvent]] = {}
    ids = [e.id for e in sign_ins]
    for chunk in range(0, len(ids), 900):
        for follower in AttendanceEvent.select().where(AttendanceEvent.opens.in_(ids[chunk:chunk + 900])):
            followers.setdefault(follower.opens_id, []).append(follower)
    shift_ids = {e.shift_id for e in sign_ins if e.shift_id}
    shifts = {s.id: s for s in Shift.select().where(Shift.id.in_(list(shift_ids)))} if shift_ids else {}
    rules = _Rules.read()
    return [_derive(e, followers.get(e.id, ()), shifts.get(e.shift_id), e.vname, rules)
            for e in sign_ins]


def open_visit_of(volunteer_id: int) -> AttendanceEvent | None:
    return _open_visit(volunteer_id)


def visit_of(event: AttendanceEvent) -> VisitRow:
    followers = list(AttendanceEvent.select().where(AttendanceEvent.opens == event.id))
    shift = Shift.get_or_none(Shift.id == event.shift_id) if event.shift_id else None
    return _derive(event, followers, shift, event.volunteer.name, _Rules.read())


# --- hours and person-times ------------------------------------------------------------------

SUMMARY_KEYS = ("volunteer", "team", "month")


@dataclass(frozen=True)
class HoursLine:
    key: str  # the volunteer's name, the team's name ("" for none) or "2026-11"
    person_times: int  # 服务人次: visits that count (void ones don't)
    hours: float  # service hours credited (a pending automatic close: up to its shift's end)
    pending: int  # visits waiting for staff to confirm (补登)
    volunteer_id: int | None = None  # by volunteer: two people may share a name


def hours_summary(actor: Actor, start: _dt.date, end: _dt.date, *,
                  by: str = "volunteer") -> list[HoursLine]:
    """Service hours and person-times on ``start``..``end`` per volunteer, team or month."""
    if by not in SUMMARY_KEYS:
        raise ValidationError("bad_choice", field="by", value=by)
    rows = [r for r in visits(actor, start, end) if r.status not in ("void", "open")]
    teams: dict[int, str] = {}
    if by == "team":
        teams = dict(Volunteer.select(Volunteer.id, Team.name)
                     .join(Team, peewee.JOIN.LEFT_OUTER, on=(Volunteer.team == Team.id)).tuples())
    totals: dict[tuple, list] = {}
    for row in rows:
        if by == "volunteer":
            group = (row.volunteer_name, row.volunteer_id)
        elif by == "team":
            group = (teams.get(row.volunteer_id) or "", None)
        else:
            group = (row.sign_in_at.strftime("%Y-%m"), None)
        line = totals.setdefault(group, [0, 0.0, 0])
        line[0] += 1
        line[1] += row.hours
        line[2] += row.status == "pending"
    return [HoursLine(key, int(n), round(h, 2), int(p), vid)
            for (key, vid), (n, h, p) in sorted(totals.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0))]


@dataclass(frozen=True)
class NoShow:
    shift: ShiftInfo
    day: _dt.date
    volunteer_id: int
    volunteer_name: str


def no_shows(actor: Actor, start: _dt.date, end: _dt.date) -> list[NoShow]:
    """缺席: assigned (not cancelled) to a shift that has ended, and never signed in for it
    (a voided sign-in doesn't count)."""
    require(actor, "volunteers.view")
    moment = now()
    rows = []
    query = (Assignment.select(Assignment, Shift, Volunteer).join(Shift).switch(Assignment)
             .join(Volunteer)
             .where((Assignment.status != "cancelled") & (Shift.day >= start) & (Shift.day <= end))
             .order_by(Shift.day, Shift.start_time, Volunteer.name_initials))
    # Never signed in that day: one query, not one per assignment.
    Voided = AttendanceEvent.alias()
    voided = Voided.select(Voided.id).where((Voided.opens == AttendanceEvent.id)
                                            & (Voided.kind == "void"))
    came = (AttendanceEvent.select(AttendanceEvent.id)
            .where((AttendanceEvent.volunteer == Assignment.volunteer)
                   & (AttendanceEvent.kind == "sign_in") & (AttendanceEvent.shift == Shift.id)
                   & ~peewee.fn.EXISTS(voided)))
    query = query.where(~peewee.fn.EXISTS(came))
    for assignment in query:
        shift = assignment.shift
        if _at(shift.day, shift.end_time, moment.tzinfo) > moment:
            continue  # not over yet
        rows.append(NoShow(_shift_info(shift), shift.day, assignment.volunteer_id,
                           assignment.volunteer.name))
    return rows
