"""The roster (排班): weekly shift templates, dated shifts, and who covers them.

A template is a weekly pattern (kind, place, weekdays, time window, capacity, needed skill);
``generate_series`` turns it into dated shifts for N weeks, and ``copy_week`` copies a week's
shifts with their assignments. Checks on every assignment (``assign``, ``swap``,
``replace``):

- CLASH: a volunteer never holds two overlapping shifts on one day (refused, naming the other);
- CAPACITY: a full shift takes nobody more (refused);
- SKILL: a shift that needs a skill the volunteer lacks is allowed, with a warning;
- a paused volunteer, or one who has left, is refused.

Readers return plain rows; phones are never shown here.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import peewee

from ..audit import created, deleted, record, saved, values_of
from ..clock import stamp
from ..errors import ValidationError
from ..models import (
    SHIFT_KINDS,
    Assignment,
    AttendanceEvent,
    Shift,
    ShiftTemplate,
    Skill,
    Volunteer,
    VolunteerSkill,
)
from ..roles import Actor, require
from .base import clean_text, get_or_fail, writer

__all__ = ["SHIFT_KINDS"]  # the forms offer these; the UI doesn't import models

MAX_WEEKS = 53
LIVE = ("planned", "confirmed")  # assignments that hold a place
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})$")


# --- checking input --------------------------------------------------------------------------


def clean_time(value: str, field_name: str) -> str:
    """'8:00' → '08:00'; 00:00 to 24:00 (an evening shift may end at midnight)."""
    match = _TIME.match(str(value or "").strip())
    if match is None:
        raise ValidationError("roster_bad_time", field=field_name, value=str(value or ""))
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        raise ValidationError("roster_bad_time", field=field_name, value=str(value))
    return f"{hour:02d}:{minute:02d}"


def _window(start: str, end: str) -> tuple[str, str]:
    start, end = clean_time(start, "start_time"), clean_time(end, "end_time")
    if end <= start:
        raise ValidationError("roster_end_before_start", field="end_time", start=start, end=end)
    return start, end


def clean_weekdays(value: str | Iterable[int]) -> str:
    """'1,3,5' or (1, 3, 5) → '1,3,5' (1 = Monday)."""
    parts = re.split(r"[,，\s]+", value.strip()) if isinstance(value, str) else list(value)
    try:
        days = sorted({int(p) for p in parts if str(p).strip()})
    except ValueError:
        raise ValidationError("roster_bad_weekdays", field="weekdays", value=str(value)) from None
    if not days or any(d < 1 or d > 7 for d in days):
        raise ValidationError("roster_bad_weekdays", field="weekdays", value=str(value))
    return ",".join(str(d) for d in days)


def _capacity(value: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field="capacity") from None
    if number < 1:
        raise ValidationError("roster_bad_capacity", field="capacity", value=str(value))
    return number


def _kind(value: str) -> str:
    if value not in SHIFT_KINDS:
        raise ValidationError("bad_choice", field="kind", value=str(value))
    return value


def _skill_id(value: int | None) -> int | None:
    if value in (None, "", 0):
        return None
    return get_or_fail(Skill, int(value)).id


def monday_of(day: _dt.date) -> _dt.date:
    return day - _dt.timedelta(days=day.weekday())


# --- templates and shifts --------------------------------------------------------------------


@writer("volunteers.edit")
def save_template(actor: Actor, template_id: int | None = None, *, name: str, kind: str,
                  place: str = "", weekdays: str | Iterable[int] = "1,2,3,4,5",
                  start_time: str, end_time: str, capacity: int = 1,
                  skill_id: int | None = None) -> ShiftTemplate:
    """Add (``template_id`` None) or change a weekly shift pattern. Shifts made from it
    before keep their own times (each shift is its own record)."""
    template = get_or_fail(ShiftTemplate, template_id) if template_id else ShiftTemplate()
    before = values_of(template) if template_id else None
    template.name = clean_text(name, "name", max_length=64)
    template.kind = _kind(kind)
    template.place = clean_text(place, "place", required=False, max_length=64)
    template.weekdays = clean_weekdays(weekdays)
    template.start_time, template.end_time = _window(start_time, end_time)
    template.capacity = _capacity(capacity)
    template.skill = _skill_id(skill_id)
    template.active = True
    template.save()
    saved(actor, template, before)
    return template


@writer("volunteers.edit")
def deactivate_template(actor: Actor, template_id: int) -> None:
    """Take a pattern out of use; its shifts stay."""
    template = get_or_fail(ShiftTemplate, template_id)
    if template.active:
        template.active = False
        template.save()
        record(actor, "update", "shift_template", template.id, {"active": True}, {"active": False})


def _shift_from(template: ShiftTemplate, day: _dt.date) -> Shift:
    return Shift(template=template.id, name=template.name, kind=template.kind,
                 place=template.place, day=day, start_time=template.start_time,
                 end_time=template.end_time, capacity=template.capacity,
                 skill=template.skill_id, created_at=stamp())


def _check_weeks(weeks: int) -> int:
    weeks = int(weeks)
    if weeks < 1 or weeks > MAX_WEEKS:
        raise ValidationError("roster_bad_weeks", field="weeks", value=str(weeks),
                              maximum=MAX_WEEKS)
    return weeks


@writer("volunteers.edit")
def generate_series(actor: Actor, template_id: int, first_monday: _dt.date, weeks: int) -> int:
    """The template's dated shifts for ``weeks`` weeks from the week of ``first_monday``.
    Days that already have a shift of this template are skipped, so running it twice adds
    nothing. Returns how many shifts were made."""
    template = get_or_fail(ShiftTemplate, template_id)
    if not template.active:
        raise ValidationError("roster_template_inactive", name=template.name)
    weeks = _check_weeks(weeks)
    start = monday_of(first_monday)
    end = start + _dt.timedelta(days=7 * weeks - 1)
    have = {s.day for s in Shift.select(Shift.day).where(
        (Shift.template == template.id) & (Shift.day.between(start, end)))}
    days = [int(d) for d in template.weekdays.split(",") if d]
    made = 0
    for week in range(weeks):
        for weekday in days:
            day = start + _dt.timedelta(days=7 * week + weekday - 1)
            if day in have:
                continue
            _shift_from(template, day).save()
            made += 1
    record(actor, "create", "shift", None, new={
        "template": template.name, "from": start.isoformat(), "weeks": weeks, "shifts": made},
        note="generate_series")
    return made


@writer("volunteers.edit")
def add_shift(actor: Actor, *, name: str, kind: str, day: _dt.date, start_time: str,
              end_time: str, place: str = "", capacity: int = 1, skill_id: int | None = None,
              note: str = "") -> Shift:
    """A one-off shift (an activity, say) not from a template."""
    if not isinstance(day, _dt.date):
        raise ValidationError("bad_date", field="day", value=str(day))
    start, end = _window(start_time, end_time)
    shift = Shift(name=clean_text(name, "name", max_length=64), kind=_kind(kind),
                  place=clean_text(place, "place", required=False, max_length=64), day=day,
                  start_time=start, end_time=end, capacity=_capacity(capacity),
                  skill=_skill_id(skill_id), note=clean_text(note, "note", required=False),
                  created_at=stamp())
    shift.save()
    created(actor, shift)
    return shift


@writer("volunteers.edit")
def delete_shift(actor: Actor, shift_id: int) -> None:
    """Remove a shift and its assignments; refused once anyone has signed in to it."""
    shift = get_or_fail(Shift, shift_id)
    if AttendanceEvent.select().where(AttendanceEvent.shift == shift.id).exists():
        raise ValidationError("roster_shift_has_attendance", name=shift.name,
                              day=shift.day.isoformat())
    names = [a.volunteer.name for a in shift.assignments.join(Volunteer)
             .where(Assignment.status.in_(LIVE))]
    deleted(actor, shift, note=("assigned: " + "、".join(names)) if names else "")
    shift.delete_instance(recursive=True)


# --- assignment checks -----------------------------------------------------------------------


@dataclass(frozen=True)
class RosterWarning:
    """Something allowed that staff should know (a code and parameters messages.text reads)."""

    code: str
    params: dict = field(default_factory=dict)


def _clash(volunteer_id: int, shift: Shift, ignore: Sequence[int] = ()) -> Shift | None:
    """Another live shift of the volunteer that day overlapping ``shift``."""
    query = (Shift.select().join(Assignment)
             .where((Assignment.volunteer == volunteer_id) & Assignment.status.in_(LIVE)
                    & (Shift.day == shift.day) & (Shift.id != shift.id)
                    & (Shift.start_time < shift.end_time) & (Shift.end_time > shift.start_time)))
    if ignore:
        query = query.where(Assignment.id.not_in(list(ignore)))
    return query.first()


def _live_count(shift_id: int) -> int:
    return Assignment.select().where(
        (Assignment.shift == shift_id) & Assignment.status.in_(LIVE)).count()


def _check(volunteer: Volunteer, shift: Shift, *, ignore: Sequence[int] = (),
           count_capacity: bool = True) -> list[RosterWarning]:
    """Refuse an inactive volunteer, a clash, a full shift; warn of a missing skill."""
    if volunteer.status != "active":
        raise ValidationError("roster_volunteer_inactive", name=volunteer.name)
    if Assignment.select().where((Assignment.shift == shift.id)
                                 & (Assignment.volunteer == volunteer.id)
                                 & Assignment.status.in_(LIVE)
                                 & Assignment.id.not_in(list(ignore) or [0])).exists():
        raise ValidationError("roster_already_assigned", name=volunteer.name, shift=shift.name)
    other = _clash(volunteer.id, shift, ignore)
    if other is not None:
        raise ValidationError("roster_clash", name=volunteer.name, day=shift.day.isoformat(),
                              shift=other.name, time=f"{other.start_time}-{other.end_time}")
    if count_capacity and _live_count(shift.id) >= shift.capacity:
        raise ValidationError("roster_full", shift=shift.name, day=shift.day.isoformat(),
                              capacity=shift.capacity)
    warnings = []
    if shift.skill_id is not None and not VolunteerSkill.select().where(
            (VolunteerSkill.volunteer == volunteer.id)
            & (VolunteerSkill.skill == shift.skill_id)).exists():
        warnings.append(RosterWarning("roster_skill_missing", {
            "name": volunteer.name, "skill": shift.skill.name, "shift": shift.name}))
    return warnings


def check_assignment(actor: Actor, shift_id: int, volunteer_id: int,
                     replacing: int | None = None) -> list[RosterWarning]:
    """What ``assign`` (or ``replace`` of the assignment ``replacing``) would say, without
    writing: raises its refusal, returns its warnings."""
    require(actor, "volunteers.view")
    return _check(get_or_fail(Volunteer, volunteer_id), get_or_fail(Shift, shift_id),
                  ignore=[replacing] if replacing else [], count_capacity=replacing is None)


@dataclass(frozen=True)
class AssignResult:
    assignment_id: int
    warnings: list[RosterWarning]


def _place(volunteer_id: int, shift_id: int) -> Assignment:
    """The volunteer's row on the shift: a cancelled one comes back as planned."""
    row = Assignment.get_or_none((Assignment.shift == shift_id)
                                 & (Assignment.volunteer == volunteer_id))
    if row is None:
        return Assignment(shift=shift_id, volunteer=volunteer_id, created_at=stamp())
    return row


@writer("volunteers.edit")
def assign(actor: Actor, shift_id: int, volunteer_id: int) -> AssignResult:
    """Put a volunteer on a shift (planned). A clash, a full shift or an inactive volunteer is
    refused; a missing skill is allowed with a warning."""
    shift = get_or_fail(Shift, shift_id)
    volunteer = get_or_fail(Volunteer, volunteer_id)
    warnings = _check(volunteer, shift)
    row = _place(volunteer.id, shift.id)
    before = values_of(row, ["status"]) if row.id else None
    row.status = "planned"
    row.updated_at = stamp()
    row.save()
    saved(actor, row, before, note=f"{volunteer.name} → {shift.name} {shift.day.isoformat()}")
    return AssignResult(row.id, warnings)


def _set_status(actor: Actor, assignment_id: int, status: str) -> Assignment:
    row = get_or_fail(Assignment, assignment_id)
    if row.status != status:
        if status != "cancelled" and row.status == "cancelled":
            # coming back takes a place again: the same checks as a new assignment
            _check(row.volunteer, row.shift, ignore=[row.id])
        old = row.status
        row.status = status
        row.updated_at = stamp()
        row.save()
        record(actor, "update", "assignment", row.id, {"status": old}, {"status": status})
    return row


def staff_shift(actor: Actor, shift: Shift, volunteer_ids: Sequence[int]) -> list[str]:
    """Put exactly these volunteers on a shift of an outing or an activity (others placed before
    are cancelled), inside the caller's transaction; the warnings the roster gave."""
    warnings = []
    shift.capacity = max(shift.capacity, len(volunteer_ids), 1)
    shift.save()
    wanted = set(volunteer_ids)
    for row in Assignment.select().where(Assignment.shift == shift.id):
        if row.volunteer_id not in wanted and row.status != "cancelled":
            _set_status(actor, row.id, "cancelled")
    for vid in volunteer_ids:
        result = assign.__wrapped__(actor, shift.id, vid)
        warnings += [w.code for w in result.warnings]
    return warnings


@writer("volunteers.edit")
def cancel_assignment(actor: Actor, assignment_id: int) -> None:
    """Take a volunteer off a shift (kept as cancelled: it happened and was undone)."""
    _set_status(actor, assignment_id, "cancelled")


@writer("volunteers.edit")
def confirm_assignment(actor: Actor, assignment_id: int) -> None:
    """The volunteer said they will come."""
    _set_status(actor, assignment_id, "confirmed")


def _move(actor: Actor, row: Assignment, volunteer: Volunteer) -> None:
    """Give ``row``'s place to ``volunteer`` (a cancelled row of theirs on it goes)."""
    stale = Assignment.get_or_none((Assignment.shift == row.shift_id)
                                   & (Assignment.volunteer == volunteer.id)
                                   & (Assignment.id != row.id))
    if stale is not None:  # only a cancelled one: _check refused a live one
        deleted(actor, stale, note="replaced by a new assignment")
        stale.delete_instance()
    old = row.volunteer_id
    row.volunteer = volunteer.id
    row.status = "planned"
    row.updated_at = stamp()
    row.save()
    record(actor, "update", "assignment", row.id, {"volunteer": old},
           {"volunteer": volunteer.id, "status": "planned"}, note=volunteer.name)


def _live(assignment_id: int) -> Assignment:
    row = get_or_fail(Assignment, assignment_id)
    if row.status not in LIVE:
        raise ValidationError("roster_assignment_cancelled", name=row.volunteer.name)
    return row


@writer("volunteers.edit")
def replace(actor: Actor, assignment_id: int, other_volunteer_id: int) -> AssignResult:
    """Another volunteer takes this place (the same checks as ``assign``, but the place is
    not counted twice)."""
    row = _live(assignment_id)
    other = get_or_fail(Volunteer, other_volunteer_id)
    warnings = _check(other, row.shift, ignore=[row.id], count_capacity=False)
    _move(actor, row, other)
    return AssignResult(row.id, warnings)


@writer("volunteers.edit")
def swap(actor: Actor, assignment_a: int, assignment_b: int) -> list[RosterWarning]:
    """Two volunteers trade shifts. Each is checked on the other's shift as if their own
    were already given up."""
    a, b = _live(assignment_a), _live(assignment_b)
    if a.shift_id == b.shift_id or a.volunteer_id == b.volunteer_id:
        raise ValidationError("roster_swap_same")
    ignore = [a.id, b.id]
    volunteer_a, volunteer_b = a.volunteer, b.volunteer
    warnings = _check(volunteer_a, b.shift, ignore=ignore, count_capacity=False)
    warnings += _check(volunteer_b, a.shift, ignore=ignore, count_capacity=False)
    # (shift, volunteer) is unique: neither volunteer holds a live place on the other shift
    for row, volunteer in ((a, volunteer_b), (b, volunteer_a)):
        _move(actor, row, volunteer)
    return warnings


# --- copying a week --------------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    """An assignment ``copy_week`` left out, with the refusal (code and parameters)."""

    day: _dt.date
    shift: str
    name: str
    code: str
    params: dict


@dataclass(frozen=True)
class CopyResult:
    shifts: int
    assignments: int
    skipped: list[Skipped]


@writer("volunteers.edit")
def copy_week(actor: Actor, from_monday: _dt.date, to_monday: _dt.date) -> CopyResult:
    """Copy a week's shifts and their live assignments to another week. A shift already there
    (same template or name, day and time) is reused; an assignment that would clash, overfill
    or is for a volunteer no longer active is skipped and reported."""
    source, target = monday_of(from_monday), monday_of(to_monday)
    if source == target:
        raise ValidationError("roster_copy_same_week")
    offset = target - source
    shifts = list(Shift.select().where(Shift.day.between(source, source + _dt.timedelta(days=6)))
                  .order_by(Shift.day, Shift.start_time, Shift.id))
    made = copied = 0
    skipped: list[Skipped] = []
    for old in shifts:
        day = old.day + offset
        new = Shift.get_or_none((Shift.day == day) & (Shift.start_time == old.start_time)
                                & (Shift.end_time == old.end_time) & (Shift.name == old.name)
                                & ((Shift.template == old.template_id) if old.template_id
                                   else Shift.template.is_null()))
        if new is None:
            new = Shift(template=old.template_id, name=old.name, kind=old.kind, place=old.place,
                        day=day, start_time=old.start_time, end_time=old.end_time,
                        capacity=old.capacity, skill=old.skill_id, note=old.note,
                        created_at=stamp())
            new.save()
            made += 1
        for assignment in (old.assignments.join(Volunteer).where(Assignment.status.in_(LIVE))
                           .order_by(Assignment.id)):
            volunteer = assignment.volunteer
            try:
                _check(volunteer, new)
            except ValidationError as error:
                if error.code != "roster_already_assigned":
                    skipped.append(Skipped(day, new.name, volunteer.name, error.code,
                                           dict(error.params)))
                continue
            row = _place(volunteer.id, new.id)
            row.status = "planned"
            row.updated_at = stamp()
            row.save()
            copied += 1
    record(actor, "create", "shift", None, new={
        "from": source.isoformat(), "to": target.isoformat(), "shifts": made,
        "assignments": copied, "skipped": len(skipped)}, note="copy_week")
    return CopyResult(made, copied, skipped)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateRow:
    id: int
    name: str
    kind: str
    place: str
    weekdays: str
    start_time: str
    end_time: str
    capacity: int
    skill_id: int | None
    skill_name: str
    active: bool


def list_templates(actor: Actor, include_inactive: bool = False) -> list[TemplateRow]:
    require(actor, "volunteers.view")
    query = (ShiftTemplate.select(ShiftTemplate, Skill.name.alias("skill_name"))
             .join(Skill, peewee.JOIN.LEFT_OUTER, on=(ShiftTemplate.skill == Skill.id))
             .order_by(ShiftTemplate.start_time, ShiftTemplate.name))
    if not include_inactive:
        query = query.where(ShiftTemplate.active == True)  # noqa: E712
    return [TemplateRow(t.id, t.name, t.kind, t.place, t.weekdays, t.start_time, t.end_time,
                        t.capacity, t.skill_id, t.skill_name or "", t.active)
            for t in query.objects()]


@dataclass(frozen=True)
class Placed:
    assignment_id: int
    volunteer_id: int
    name: str
    status: str


@dataclass(frozen=True)
class Cell:
    shift_id: int
    day: _dt.date
    name: str
    kind: str
    place: str
    start_time: str
    end_time: str
    capacity: int
    skill_name: str
    people: tuple[Placed, ...]

    @property
    def assigned(self) -> int:
        return len(self.people)

    @property
    def full(self) -> bool:
        return self.assigned >= self.capacity


@dataclass(frozen=True)
class WeekRow:
    name: str
    kind: str
    place: str
    start_time: str
    end_time: str
    cells: tuple[Cell | None, ...]  # Monday .. Sunday


@dataclass(frozen=True)
class WeekView:
    monday: _dt.date
    rows: list[WeekRow]

    @property
    def days(self) -> list[_dt.date]:
        return [self.monday + _dt.timedelta(days=i) for i in range(7)]


def _cells(shift_query, people: dict[int, list[Placed]], skills: dict[int, str]) -> list[Cell]:
    return [Cell(s.id, s.day, s.name, s.kind, s.place, s.start_time, s.end_time, s.capacity,
                 skills.get(s.skill_id, "") if s.skill_id else "", tuple(people.get(s.id, ())))
            for s in shift_query]


def _people(shift_ids: list[int]) -> dict[int, list[Placed]]:
    people: dict[int, list[Placed]] = {}
    if not shift_ids:
        return people
    rows = (Assignment.select(Assignment.id, Assignment.shift, Assignment.status, Volunteer.id,
                              Volunteer.name)
            .join(Volunteer).where(Assignment.shift.in_(shift_ids) & Assignment.status.in_(LIVE))
            .order_by(Assignment.id).tuples())
    for assignment_id, shift_id, status, volunteer_id, name in rows:
        people.setdefault(shift_id, []).append(Placed(assignment_id, volunteer_id, name, status))
    return people


def _skill_names() -> dict[int, str]:
    return dict(Skill.select(Skill.id, Skill.name).tuples())


def week(actor: Actor, monday: _dt.date) -> WeekView:
    """The week from ``monday``: one row per shift pattern (name and time window), a cell per
    day with who is on it."""
    require(actor, "volunteers.view")
    monday = monday_of(monday)
    shifts = list(Shift.select().where(Shift.day.between(monday, monday + _dt.timedelta(days=6)))
                  .order_by(Shift.start_time, Shift.end_time, Shift.name, Shift.id))
    cells = _cells(shifts, _people([s.id for s in shifts]), _skill_names())
    rows: list[list[Cell | None]] = []
    heads: list[Cell] = []
    for cell in cells:
        key = (cell.start_time, cell.end_time, cell.name, cell.place)
        column = (cell.day - monday).days
        for head, row in zip(heads, rows, strict=True):
            if (head.start_time, head.end_time, head.name, head.place) == key and row[column] is None:
                row[column] = cell
                break
        else:
            row = [None] * 7
            row[column] = cell
            heads.append(cell)
            rows.append(row)
    return WeekView(monday, [WeekRow(h.name, h.kind, h.place, h.start_time, h.end_time, tuple(r))
                             for h, r in zip(heads, rows, strict=True)])


def unfilled(actor: Actor, start: _dt.date, end: _dt.date) -> list[Cell]:
    """Shifts from ``start`` to ``end`` with fewer people than places, by day and time."""
    require(actor, "volunteers.view")
    live = (Assignment.select(peewee.fn.COUNT(Assignment.id))
            .where((Assignment.shift == Shift.id) & Assignment.status.in_(LIVE)))
    shifts = list(Shift.select().where(Shift.day.between(start, end) & (live < Shift.capacity))
                  .order_by(Shift.day, Shift.start_time, Shift.name))
    return _cells(shifts, _people([s.id for s in shifts]), _skill_names())


def week_assignments(view: WeekView) -> list[tuple[Cell, Placed]]:
    """Every (shift, person) in a week view, by day and time: what a swap picks from."""
    pairs = [(cell, person) for row in view.rows for cell in row.cells if cell
             for person in cell.people]
    return sorted(pairs, key=lambda p: (p[0].day, p[0].start_time, p[0].name, p[1].name))
