"""Activities and projects (活动, 项目).

An activity is planned (title, kind, day and time, place, project), households or members
sign up from the registry, volunteers go on a shift of the activity's own (kind "activity")
so the roster, the kiosk and the hours ledger see them. After the day, staff enter who came
(the sign-in sheet), the head count of people not on file, and the volunteers who served:
their attendance is typed in from the sheet, so their hours count like any shift's. Goods
used leave stock to the activity through the stock service; policy cards handed out are
distributions on the card ledger, linked to the activity.

A project collects activities and cases; its progress (families, person-times, services,
resources) is measured from them at any date against its targets.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from .. import validate
from ..audit import created, deleted, saved, values_of
from ..clock import stamp, today
from ..errors import ValidationError
from ..models import (
    ACTIVITY_KINDS,
    Activity,
    ActivityCards,
    ActivityParticipant,
    Assignment,
    AttendanceEvent,
    Case,
    CaseRecord,
    Distribution,
    Household,
    Item,
    Member,
    PolicyVersion,
    Project,
    ProjectCase,
    StockMovement,
    Village,
    Volunteer,
    Voucher,
)
from ..roles import Actor, require
from ..validate import stored_date as _as_date
from . import attendance, policies, roster, stock
from .base import clean_text, contains_text, get_or_fail, writer

TARGET_KIND = "activity"  # the stock's and the reservations' name for an activity


def _date(value, field_name: str, *, future_ok: bool = False) -> _dt.date:
    day = validate.date_value(value, field=field_name, required=True)
    if not future_ok and day > today():
        raise ValidationError("date_in_future", field=field_name, value=day.isoformat())
    return day


def _count(value, field_name: str, *, top: int = 1_000_000) -> int:
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field=field_name) from None
    if not 0 <= number <= top:
        raise ValidationError("bad_number", field=field_name, value=str(value))
    return number


# ---------------------------------------------------------------- projects

@dataclass
class ProjectInput:
    name: str
    starts_on: _dt.date
    ends_on: _dt.date
    funder: str = ""
    target_groups: str = ""
    target_families: int = 0
    target_person_times: int = 0
    target_services: int = 0
    target_value_fen: int = 0
    budget_fen: int = 0
    note: str = ""


@writer("projects.edit")
def save_project(actor: Actor, data: ProjectInput, project_id: int | None = None) -> Project:
    """A new project, or a project's details and targets changed."""
    starts = _date(data.starts_on, "starts_on", future_ok=True)
    ends = _date(data.ends_on, "ends_on", future_ok=True)
    if ends < starts:
        raise ValidationError("end_before_start", start=starts.isoformat(), end=ends.isoformat())
    values = dict(
        name=clean_text(data.name, "project_name", max_length=128),
        funder=clean_text(data.funder, "funder", required=False, max_length=128),
        starts_on=starts, ends_on=ends,
        target_groups=clean_text(data.target_groups, "target_groups", required=False),
        target_families=_count(data.target_families, "target_families"),
        target_person_times=_count(data.target_person_times, "target_person_times"),
        target_services=_count(data.target_services, "target_services"),
        target_value_fen=_count(data.target_value_fen, "target_value", top=10**12),
        budget_fen=_count(data.budget_fen, "budget", top=10**12),
        note=(data.note or "").strip(), updated_at=stamp())
    same = Project.select().where(Project.name == values["name"])
    if project_id is not None:
        same = same.where(Project.id != project_id)
    if same.exists():
        raise ValidationError("duplicate", field="project_name", value=values["name"])
    if project_id is not None:  # its activities stay within its period
        outside = Activity.select().where(
            (Activity.project == project_id) & (Activity.status != "cancelled")
            & ((Activity.held_on < starts) | (Activity.held_on > ends))).first()
        if outside is not None:
            raise ValidationError("project_activity_outside", title=outside.title,
                                  day=_as_date(outside.held_on).isoformat())
    if project_id is None:
        row = Project.create(created_at=values["updated_at"], **values)
        created(actor, row)
        return row
    row = get_or_fail(Project, project_id)
    before = values_of(row, list(values))
    for key, value in values.items():
        setattr(row, key, value)
    row.save()
    saved(actor, row, before)
    return row


@writer("projects.edit")
def set_project_status(actor: Actor, project_id: int, status: str) -> Project:
    """Close a project (it stays on file and in the figures) or open it again."""
    row = get_or_fail(Project, project_id)
    if status not in ("active", "closed"):
        raise ValidationError("bad_choice", field="status", value=status)
    before = values_of(row, ["status"])
    row.status, row.updated_at = status, stamp()
    row.save()
    saved(actor, row, before)
    return row


def list_projects(actor: Actor, *, include_closed: bool = True) -> list[Project]:
    require(actor, "activities.view")
    query = Project.select().order_by(Project.status, Project.starts_on.desc(), Project.name)
    if not include_closed:
        query = query.where(Project.status == "active")
    return list(query)


@writer("activities.edit")
def link_case(actor: Actor, project_id: int, case_id: int, linked: bool = True) -> None:
    """Serve a case under a project (its service records count as the project's services),
    or take it off. Only the case's own social worker or the head may."""
    from .cases import _readable

    project = get_or_fail(Project, project_id)
    case = get_or_fail(Case, case_id)
    _readable(actor, case)
    row = ProjectCase.get_or_none(ProjectCase.project == project.id, ProjectCase.case == case.id)
    if linked and row is None:
        created(actor, ProjectCase.create(project=project.id, case=case.id))
    elif not linked and row is not None:
        deleted(actor, row)
        row.delete_instance()


def case_projects(actor: Actor, case_id: int) -> list[int]:
    """The projects a case is served under (read by those who may read the case)."""
    from .cases import _readable

    _readable(actor, get_or_fail(Case, case_id))
    return [p for (p,) in ProjectCase.select(ProjectCase.project)
            .where(ProjectCase.case == case_id).tuples()]


# ---------------------------------------------------------------- activities

@dataclass
class ActivityInput:
    title: str
    kind: str
    held_on: _dt.date
    start_time: str = "09:00"
    end_time: str = "11:00"
    place: str = ""
    village_id: int | None = None
    theme: str = ""
    organiser: str = ""
    partners: str = ""
    project_id: int | None = None
    summary: str = ""


def _open_activity(activity_id: int) -> Activity:
    row = get_or_fail(Activity, activity_id)
    if row.status == "cancelled":
        raise ValidationError("activity_cancelled", title=row.title)
    return row


@writer("activities.edit")
def save_activity(actor: Actor, data: ActivityInput, activity_id: int | None = None) -> Activity:
    """Plan an activity, or change its details (a changed day or time moves its shift)."""
    if data.kind not in ACTIVITY_KINDS:
        raise ValidationError("bad_choice", field="activity_kind", value=str(data.kind))
    held_on = _date(data.held_on, "held_on", future_ok=True)
    start = roster.clean_time(data.start_time, "start_time")
    end = roster.clean_time(data.end_time, "end_time")
    if end <= start:
        raise ValidationError("roster_end_before_start", start=start, end=end)
    if data.village_id is not None:
        get_or_fail(Village, data.village_id)
    project = get_or_fail(Project, data.project_id) if data.project_id is not None else None
    if project is not None and not (_as_date(project.starts_on) <= held_on
                                    <= _as_date(project.ends_on)):
        raise ValidationError("activity_outside_project", name=project.name,
                              start=_as_date(project.starts_on).isoformat(),
                              end=_as_date(project.ends_on).isoformat())
    values = dict(
        title=clean_text(data.title, "activity_title", max_length=128), kind=data.kind,
        held_on=held_on, start_time=start, end_time=end,
        place=clean_text(data.place, "place", required=False, max_length=128),
        village=data.village_id,
        theme=clean_text(data.theme, "theme", required=False),
        organiser=clean_text(data.organiser or actor.name, "organiser", required=False,
                             max_length=64),
        partners=clean_text(data.partners, "partners", required=False),
        project=project.id if project else None, summary=(data.summary or "").strip(),
        updated_at=stamp())
    if activity_id is None:
        row = Activity.create(created_by=actor.staff_id, created_at=values["updated_at"],
                              **values)
        created(actor, row)
        return row
    row = _open_activity(activity_id)
    if row.status == "held" and held_on != _as_date(row.held_on):
        # who came, the goods and the cards are on file for that day
        raise ValidationError("activity_held_day", title=row.title,
                              day=_as_date(row.held_on).isoformat())
    if row.shift_id is not None and (held_on, start, end) != (
            _as_date(row.held_on), row.start_time, row.end_time):
        if AttendanceEvent.select().where(AttendanceEvent.shift == row.shift_id).exists():
            raise ValidationError("activity_has_attendance", title=row.title)
        shift = row.shift
        shift.day, shift.start_time, shift.end_time = held_on, start, end
        shift.save()
    before = values_of(row, list(values))
    for key, value in values.items():
        setattr(row, key, value)
    row.save()
    saved(actor, row, before)
    return row


@writer("activities.edit")
def cancel_activity(actor: Actor, activity_id: int, reason: str) -> Activity:
    """Called off: refused once it has been held, or goods or cards went out for it. Its
    volunteers come off the roster."""
    row = _open_activity(activity_id)
    reason = clean_text(reason, "reason")
    if row.status == "held" or _vouchers(row.id) or _card_lines(row.id):
        raise ValidationError("activity_cancel_held", title=row.title)
    if row.shift_id is not None:  # off the roster: the shift goes (nobody signed in to it)
        shift = row.shift
        row.shift = None
        row.save()
        roster.delete_shift.__wrapped__(actor, shift.id)
    before = values_of(row, ["status", "summary"])
    row.status = "cancelled"
    row.summary = f"{row.summary}\n取消：{reason}".strip()
    row.updated_at = stamp()
    row.save()
    saved(actor, row, before)
    return row


def _participant_key(household_id: int, member_id: int | None) -> tuple[int, int | None]:
    household = get_or_fail(Household, household_id)
    if member_id is not None:
        member = get_or_fail(Member, member_id)
        if member.household_id != household.id:
            raise ValidationError("member_not_of_household", name=member.name)
    return household.id, member_id


@writer("activities.edit")
def add_participants(actor: Actor, activity_id: int,
                     people: Sequence[tuple[int, int | None]], *, attended: bool = False) -> int:
    """Sign up households or members picked from the registry (a walk-in on the day with
    ``attended``). One already on the list is left as it is; how many were added."""
    require(actor, "households.view")
    row = _open_activity(activity_id)
    have = {(p.household_id, p.member_id) for p in row.participants}
    added = 0
    for household_id, member_id in people:
        key = _participant_key(household_id, member_id)
        if key in have:
            continue
        have.add(key)
        created(actor, ActivityParticipant.create(activity=row.id, household=key[0],
                                                  member=key[1], attended=attended))
        added += 1
    return added


@writer("activities.edit")
def remove_participant(actor: Actor, participant_id: int) -> None:
    row = get_or_fail(ActivityParticipant, participant_id)
    _open_activity(row.activity_id)
    deleted(actor, row)
    row.delete_instance()


@writer("activities.edit")
def set_volunteers(actor: Actor, activity_id: int, volunteer_ids: Sequence[int]) -> list[str]:
    """The volunteers who will serve: placed on the activity's shift (made on first use) so
    the roster and the kiosk know them. The roster's warnings (a missing skill) come back."""
    row = _open_activity(activity_id)
    for vid in volunteer_ids:
        get_or_fail(Volunteer, vid)
    shift = row.shift
    if shift is None:
        if not volunteer_ids:
            return []
        shift = roster.add_shift.__wrapped__(
            actor, name=row.title[:64], kind="activity", day=_as_date(row.held_on),
            start_time=row.start_time, end_time=row.end_time, place=row.place[:64],
            capacity=max(len(volunteer_ids), 1), note=f"activity:{row.id}")
        row.shift = shift.id
        row.save()
    wanted = list(dict.fromkeys(volunteer_ids))
    # The roster refuses someone placed twice: those already on the shift stay as they are
    # (choosing again, or one more who came unplanned), the others are placed afresh.
    placed = {vid for (vid,) in Assignment.select(Assignment.volunteer).where(
        (Assignment.shift == shift.id) & Assignment.status.in_(roster.LIVE)).tuples()}
    shift.capacity = max(shift.capacity, len(wanted), 1)
    shift.save()
    for assignment in Assignment.select().where((Assignment.shift == shift.id)
                                                & Assignment.status.in_(roster.LIVE)):
        if assignment.volunteer_id not in wanted:
            roster.cancel_assignment.__wrapped__(actor, assignment.id)
    warnings = []
    for vid in wanted:
        if vid not in placed:
            warnings += [w.code for w in roster.assign.__wrapped__(actor, shift.id, vid).warnings]
    return warnings


@dataclass
class AttendanceInput:
    """Who came, from the sign-in sheet: participant ids that came (the others didn't),
    walk-ins not signed up before, the head count of people not on file, the volunteers who
    served (their hours typed in from the sheet at the activity's times), and a summary."""

    came: Sequence[int] = ()  # ActivityParticipant ids
    walk_ins: Sequence[tuple[int, int | None]] = ()  # (household, member) who came unplanned
    extra_count: int = 0
    volunteers_came: Sequence[int] = ()
    summary: str = ""


@writer("activities.edit")
def record_attendance(actor: Actor, activity_id: int, data: AttendanceInput) -> Activity:
    """Enter who came after the day; the activity is then held. Again later, it corrects the
    list (a volunteer's hours once on file stay: the attendance page corrects them)."""
    row = _open_activity(activity_id)
    day = _as_date(row.held_on)
    if day > today():
        raise ValidationError("activity_not_yet", title=row.title, day=day.isoformat())
    came = set(data.came)
    ids = {p.id for p in row.participants}
    stray = came - ids
    if stray:
        raise ValidationError("bad_choice", field="participants", value=str(min(stray)))
    for p in row.participants:
        if p.attended != (p.id in came):
            before = values_of(p, ["attended"])
            p.attended = p.id in came
            p.save()
            saved(actor, p, before)
    if data.walk_ins:
        add_participants.__wrapped__(actor, row.id, data.walk_ins, attended=True)
    volunteers = list(dict.fromkeys(data.volunteers_came))
    if volunteers:
        planned = {a.volunteer_id for a in Assignment.select().where(
            (Assignment.shift == row.shift_id) & (Assignment.status != "cancelled"))} \
            if row.shift_id else set()
        if set(volunteers) - planned:  # someone who came unplanned goes on the shift too
            set_volunteers.__wrapped__(actor, row.id, sorted(planned | set(volunteers)))
            row = Activity.get_by_id(row.id)
        signed = {vid for (vid,) in AttendanceEvent.select(AttendanceEvent.volunteer).where(
            (AttendanceEvent.shift == row.shift_id) & (AttendanceEvent.kind == "sign_in"))
            .tuples()}
        tz = attendance.now().tzinfo
        start = attendance._at(day, row.start_time, tz)
        end = attendance._at(day, row.end_time, tz)
        if start >= attendance.now():
            raise ValidationError("activity_not_yet", title=row.title,
                                  day=f"{day.isoformat()} {row.start_time}")
        for vid in volunteers:
            if vid not in signed:  # signed in at the kiosk already: the kiosk's times stand
                attendance.record_paper.__wrapped__(
                    actor, vid, sign_in_at=start, sign_out_at=min(end, attendance.now()),
                    shift_id=row.shift_id, reason=f"活动签到表：{row.title}")
    before = values_of(row, ["status", "extra_count", "summary"])
    row.status = "held"
    row.extra_count = _count(data.extra_count, "extra_count", top=100_000)
    if data.summary.strip():
        row.summary = data.summary.strip()
    row.updated_at = stamp()
    row.save()
    saved(actor, row, before)
    return row


def _vouchers(activity_id: int) -> list[int]:
    """The activity's goods vouchers still standing (not reversals, not reversed)."""
    undone = Voucher.alias()
    return [v for (v,) in Voucher.select(Voucher.id).where(
        (Voucher.target_kind == TARGET_KIND) & (Voucher.target_id == activity_id)
        & (Voucher.kind != "reversal")
        & Voucher.id.not_in(undone.select(undone.reverses).where(
            undone.reverses.is_null(False)))).tuples()]


@writer("activities.edit")
def use_goods(actor: Actor, activity_id: int, lines: Sequence[stock.OutLine],
              used_on: _dt.date | None = None) -> Voucher:
    """Goods used at the activity: out of stock to it (one voucher)."""
    require(actor, "inventory.give")
    row = _open_activity(activity_id)
    day = _date(used_on or min(_as_date(row.held_on), today()), "used_on")
    return stock.give_out_goods(actor, TARGET_KIND, day, list(lines), target_kind=TARGET_KIND,
                                target_id=row.id, recipient=row.title[:64],
                                reference=f"活动 #{row.id}")


@writer("activities.edit")
def hand_out_cards(actor: Actor, activity_id: int, version_id: int, quantity: int, *,
                   village_id: int | None = None) -> Distribution:
    """Policy cards handed out at the activity: a distribution on the card ledger in the
    activity's village (or the one given)."""
    require(actor, "policies.distribute")
    row = _open_activity(activity_id)
    village = village_id or row.village_id
    if village is None:
        raise ValidationError("required", field="village")
    distribution = policies.record_distribution.__wrapped__(
        actor, version_id, quantity, village_id=village,
        handed_on=min(_as_date(row.held_on), today()), handed_by=row.organiser)
    created(actor, ActivityCards.create(activity=row.id, distribution=distribution.id))
    return distribution


# ---------------------------------------------------------------- reading

@dataclass
class ActivityQuery:
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    kind: str = ""
    project_id: int | None = None
    village_id: int | None = None
    status: str = ""  # "", planned, held, cancelled
    text: str = ""


@dataclass(frozen=True)
class ActivityRow:
    id: int
    title: str
    kind: str
    held_on: _dt.date
    start_time: str
    end_time: str
    place: str
    village: str
    project: str
    status: str
    signed_up: int
    came: int
    extra_count: int
    volunteers: int

    @property
    def person_times(self) -> int:
        """服务人次 of the activity: people on file who came plus the head count."""
        return self.came + self.extra_count


def list_activities(actor: Actor, query: ActivityQuery | None = None) -> list[ActivityRow]:
    """Activities, newest first, with their sign-up, attendance and volunteer counts."""
    require(actor, "activities.view")
    q = query or ActivityQuery()
    rows = (Activity.select(Activity, Village.name.alias("village_name"),
                            Project.name.alias("project_name"))
            .join(Village, peewee.JOIN.LEFT_OUTER, on=(Activity.village == Village.id))
            .switch(Activity)
            .join(Project, peewee.JOIN.LEFT_OUTER, on=(Activity.project == Project.id))
            .order_by(Activity.held_on.desc(), Activity.start_time.desc(), Activity.id.desc()))
    if q.date_from:
        rows = rows.where(Activity.held_on >= q.date_from)
    if q.date_to:
        rows = rows.where(Activity.held_on <= q.date_to)
    if q.kind:
        rows = rows.where(Activity.kind == q.kind)
    if q.project_id is not None:
        rows = rows.where(Activity.project == q.project_id)
    if q.village_id is not None:
        rows = rows.where(Activity.village == q.village_id)
    if q.status:
        rows = rows.where(Activity.status == q.status)
    if q.text.strip():
        rows = rows.where(contains_text(Activity.title, q.text)
                          | contains_text(Activity.theme, q.text)
                          | contains_text(Activity.place, q.text))
    found = list(rows.objects())
    if not found:
        return []
    ids = [a.id for a in found]
    signed: dict[int, int] = defaultdict(int)
    came: dict[int, int] = defaultdict(int)
    for chunk in range(0, len(ids), 900):
        part = ids[chunk:chunk + 900]
        for aid, attended, n in (ActivityParticipant.select(
                ActivityParticipant.activity, ActivityParticipant.attended,
                peewee.fn.COUNT(ActivityParticipant.id))
                .where(ActivityParticipant.activity.in_(part))
                .group_by(ActivityParticipant.activity, ActivityParticipant.attended).tuples()):
            signed[aid] += n
            if attended:
                came[aid] += n
    shifts = {a.shift_id: a.id for a in found if a.shift_id}
    helpers: dict[int, int] = defaultdict(int)
    if shifts:
        for sid, n in (Assignment.select(Assignment.shift, peewee.fn.COUNT(Assignment.id))
                       .where(Assignment.shift.in_(list(shifts))
                              & (Assignment.status != "cancelled"))
                       .group_by(Assignment.shift).tuples()):
            helpers[shifts[sid]] = n
    return [ActivityRow(a.id, a.title, a.kind, _as_date(a.held_on), a.start_time, a.end_time,
                        a.place, a.village_name or "", a.project_name or "", a.status,
                        signed[a.id], came[a.id], a.extra_count, helpers[a.id]) for a in found]


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    household_id: int
    member_id: int | None
    name: str  # the member's, else the household head's
    head_name: str
    village: str
    attended: bool


@dataclass(frozen=True)
class HelperRow:
    volunteer_id: int
    name: str
    phone_tail: str
    came: bool
    hours: float


@dataclass(frozen=True)
class GoodsLine:
    voucher_id: int
    moved_on: _dt.date
    item: str
    unit: str
    quantity: int
    value_fen: int
    reversed: bool


@dataclass(frozen=True)
class CardsLine:
    distribution_id: int
    policy: str
    version: int
    quantity: int
    village: str


@dataclass(frozen=True)
class ActivityDetail:
    activity: Activity
    village: str
    project: str
    participants: tuple[ParticipantRow, ...]
    volunteers: tuple[HelperRow, ...]
    goods: tuple[GoodsLine, ...]
    cards: tuple[CardsLine, ...]

    @property
    def came(self) -> int:
        return sum(p.attended for p in self.participants)

    @property
    def goods_value_fen(self) -> int:
        return sum(g.value_fen for g in self.goods if not g.reversed)


def get_activity(actor: Actor, activity_id: int) -> ActivityDetail:
    require(actor, "activities.view")
    row = get_or_fail(Activity, activity_id)
    village = row.village.name if row.village_id else ""
    project = row.project.name if row.project_id else ""
    people = []
    if actor.can("households.view"):
        query = (ActivityParticipant.select(ActivityParticipant.id, ActivityParticipant.household,
                                            ActivityParticipant.member, Member.name,
                                            Household.head_name, Village.name,
                                            ActivityParticipant.attended)
                 .join(Household, on=(ActivityParticipant.household == Household.id))
                 .join(Village, on=(Household.village == Village.id))
                 .switch(ActivityParticipant)
                 .join(Member, peewee.JOIN.LEFT_OUTER,
                       on=(ActivityParticipant.member == Member.id))
                 .where(ActivityParticipant.activity == row.id)
                 .order_by(Village.name, Household.head_name, ActivityParticipant.id))
        for pid, hid, mid, member, head, vname, attended in query.tuples():
            people.append(ParticipantRow(pid, hid, mid, member or head, head, vname,
                                         bool(attended)))
    helpers = []
    if row.shift_id:
        came = {v.volunteer_id: v.hours for v in _shift_visits(actor, row)}
        for vid, name, phone in (Volunteer.select(Volunteer.id, Volunteer.name, Volunteer.phone)
                                 .join(Assignment, on=(Assignment.volunteer == Volunteer.id))
                                 .where((Assignment.shift == row.shift_id)
                                        & (Assignment.status != "cancelled"))
                                 .order_by(Volunteer.name).tuples()):
            helpers.append(HelperRow(vid, name, (phone or "")[-4:], vid in came,
                                     round(came.get(vid, 0.0), 2)))
    return ActivityDetail(row, village, project, tuple(people), tuple(helpers),
                          tuple(_goods_lines([row.id])), tuple(_card_lines(row.id)))


def _shift_visits(actor: Actor, row: Activity):
    day = _as_date(row.held_on)
    return _visits_on_shifts(actor, [row.shift_id], day, day)


def _visits_on_shifts(actor: Actor, shift_ids, start: _dt.date, end: _dt.date):
    """The finished visits (not void, not open) signed in on ``start``..``end`` to these
    shifts (reading only their events: a station's year holds some 100,000 others)."""
    return [v for v in attendance.visits(actor, start, end, shift_ids=list(shift_ids))
            if v.status not in ("void", "open")]


def _goods_lines(activity_ids: Sequence[int], kind: str = TARGET_KIND) -> list[GoodsLine]:
    if not activity_ids:
        return []
    reversed_ = {v for (v,) in Voucher.select(Voucher.reverses).where(
        Voucher.reverses.is_null(False)).tuples()}
    out = []
    for vid, moved_on, name, spec, unit, quantity, value in (
            StockMovement.select(Voucher.id, Voucher.moved_on, Item.name, Item.spec, Item.unit,
                                 peewee.fn.SUM(StockMovement.quantity),
                                 peewee.fn.SUM(StockMovement.quantity
                                               * StockMovement.unit_value_fen))
            .join(Voucher).switch(StockMovement).join(Item)
            .where((Voucher.target_kind == kind) & Voucher.target_id.in_(list(activity_ids))
                   & (Voucher.kind != "reversal"))
            .group_by(Voucher.id, Item.id).order_by(Voucher.moved_on, Voucher.id, Item.name)
            .tuples()):
        out.append(GoodsLine(vid, _as_date(moved_on), f"{name}（{spec}）" if spec else name,
                             unit, -int(quantity), -int(value or 0), vid in reversed_))
    return out


def _card_lines(activity_id: int) -> list[CardsLine]:
    from ..models import Policy

    return [CardsLine(d, p, n, q, v) for d, p, n, q, v in (
        ActivityCards.select(Distribution.id, Policy.short_name, PolicyVersion.number,
                             Distribution.quantity, Village.name)
        .join(Distribution).join(PolicyVersion).join(Policy)
        .switch(Distribution).join(Village, on=(Distribution.village == Village.id))
        .where((ActivityCards.activity == activity_id) & Distribution.id.not_in(_reversed_cards()))
        .tuples())]


def _reversed_cards() -> peewee.ModelSelect:
    undone = Distribution.alias()
    return undone.select(undone.reverses).where(undone.reverses.is_null(False))


# ---------------------------------------------------------------- project progress

@dataclass(frozen=True)
class ProjectProgress:
    project: Project
    on: _dt.date
    activities: int  # held, up to ``on``
    participants: int  # person-times at activities (on file who came + head counts)
    families: int  # distinct households served: came to an activity, or a case's
    services: int  # activities held + service records of its cases
    records: int
    cases: int
    value_fen: int  # goods used at its activities and handed over on its cases
    volunteer_times: int
    volunteer_hours: float
    by_month: tuple[tuple[str, int, int, int], ...]  # (YYYY-MM, activities, person-times, records)
    by_kind: tuple[tuple[str, int, int], ...]  # (kind, activities, person-times)
    activity_rows: tuple[ActivityRow, ...] = field(default=())

    def percent(self, done: int | float, target: int) -> int | None:
        return round(100 * done / target) if target else None


def project_progress(actor: Actor, project_id: int,
                     on: _dt.date | None = None) -> ProjectProgress:
    """What the project has done by ``on`` (default today), counted from its activities and
    cases within its period, against its targets."""
    require(actor, "activities.view")
    project = get_or_fail(Project, project_id)
    on = on or today()
    start = _as_date(project.starts_on)
    end = min(_as_date(project.ends_on), on)
    held = list(Activity.select(Activity.id, Activity.kind, Activity.held_on,
                                Activity.extra_count, Activity.shift)
                .where((Activity.project == project.id) & (Activity.status == "held")
                       & (Activity.held_on >= start) & (Activity.held_on <= end)).tuples())
    ids = [h[0] for h in held]
    came: dict[int, int] = defaultdict(int)
    families: set[int] = set()
    for chunk in range(0, len(ids), 900):
        for aid, hid in (ActivityParticipant.select(ActivityParticipant.activity,
                                                    ActivityParticipant.household)
                         .where(ActivityParticipant.activity.in_(ids[chunk:chunk + 900])
                                & ActivityParticipant.attended).tuples()):
            came[aid] += 1
            families.add(hid)
    case_ids = [c for (c,) in ProjectCase.select(ProjectCase.case)  # opened by ``on``
                .join(Case, on=(ProjectCase.case == Case.id))
                .where((ProjectCase.project == project.id) & (Case.opened_on <= end)).tuples()]
    records: list[tuple[int, _dt.date, int | None]] = []
    if case_ids:
        from .cases import _corrected

        families.update(h for (h,) in Case.select(Case.household)
                        .where(Case.id.in_(case_ids)).tuples())
        records = [(cid, _as_date(day), voucher) for cid, day, voucher in (
            CaseRecord.select(CaseRecord.case, CaseRecord.served_on, CaseRecord.voucher)
            .where(CaseRecord.case.in_(case_ids) & (CaseRecord.served_on >= start)
                   & (CaseRecord.served_on <= end) & CaseRecord.id.not_in(_corrected())
                   & CaseRecord.corrects.is_null()).tuples())]
    value = sum(g.value_fen for g in _goods_lines(ids) if not g.reversed)
    vouchers = [v for (v,) in CaseRecord.select(CaseRecord.voucher).where(
        CaseRecord.case.in_(case_ids) & CaseRecord.voucher.is_null(False)
        & (CaseRecord.served_on >= start) & (CaseRecord.served_on <= end)).tuples()] \
        if case_ids else []  # goods handed over count though the record was corrected
    if vouchers:
        reversed_ = {v for (v,) in Voucher.select(Voucher.reverses).where(
            Voucher.reverses.in_(vouchers)).tuples()}
        value -= int(StockMovement.select(peewee.fn.COALESCE(peewee.fn.SUM(
            StockMovement.quantity * StockMovement.unit_value_fen), 0))
            .where(StockMovement.voucher.in_([v for v in vouchers if v not in reversed_]))
            .scalar() or 0)
    shift_ids = {h[4] for h in held if h[4]}
    times, hours = 0, 0.0
    for visit in _visits_on_shifts(actor, shift_ids, start, end):
        times += 1
        hours += visit.hours
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for aid, kind, day, extra, _shift in held:
        month = _as_date(day).strftime("%Y-%m")
        months[month][0] += 1
        months[month][1] += came[aid] + extra
        kinds[kind][0] += 1
        kinds[kind][1] += came[aid] + extra
    for _cid, day, _v in records:
        months[day.strftime("%Y-%m")][2] += 1
    person_times = sum(came.values()) + sum(h[3] for h in held)
    return ProjectProgress(
        project, on, len(held), person_times, len(families), len(held) + len(records),
        len(records), len(case_ids), value, times, round(hours, 1),
        tuple((m, *v) for m, v in sorted(months.items())),
        tuple((k, *kinds[k]) for k in ACTIVITY_KINDS if k in kinds),
        tuple(list_activities(actor, ActivityQuery(project_id=project.id))))


# ---------------------------------------------------------------- year figures

@dataclass(frozen=True)
class FigureLine:
    key: str  # a kind, "YYYY-MM" or a village's name
    activities: int
    participants: int  # distinct people on file who came (households or members)
    person_times: int  # attendances on file + head counts


@dataclass(frozen=True)
class YearFigures:
    year: int
    activities: int
    person_times: int
    volunteer_times: int
    volunteer_hours: float
    goods_value_fen: int
    cards: int
    by_kind: tuple[FigureLine, ...]
    by_month: tuple[FigureLine, ...]
    by_village: tuple[FigureLine, ...]


def year_figures(actor: Actor, year: int) -> YearFigures:
    """A year's activities (held ones): counts and person-times by kind, month and village
    (the village of the household who came; a head count, the activity's village)."""
    require(actor, "activities.view")
    start, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    held = {aid: (kind, _as_date(day), extra, village, shift) for
            aid, kind, day, extra, village, shift in (
                Activity.select(Activity.id, Activity.kind, Activity.held_on,
                                Activity.extra_count, Village.name, Activity.shift)
                .join(Village, peewee.JOIN.LEFT_OUTER, on=(Activity.village == Village.id))
                .where((Activity.status == "held") & (Activity.held_on >= start)
                       & (Activity.held_on <= end)).tuples())}
    keys = (("kind", 0), ("month", 1), ("village", 3))
    lines: dict[str, dict[str, list]] = {k: defaultdict(lambda: [set(), set(), 0])
                                         for k, _ in keys}

    def key_of(what: str, info, village: str | None) -> str:
        if what == "kind":
            return info[0]
        if what == "month":
            return info[1].strftime("%Y-%m")
        return village or info[3] or ""

    for aid, info in held.items():
        for what, _ in keys:
            line = lines[what][key_of(what, info, None)] if what != "village" else None
            if line is not None:
                line[0].add(aid)
                line[2] += info[2]
        if info[2]:
            vline = lines["village"][info[3] or ""]
            vline[0].add(aid)
            vline[2] += info[2]
    query = (ActivityParticipant.select(ActivityParticipant.activity,
                                        ActivityParticipant.household,
                                        ActivityParticipant.member, Village.name)
             .join(Activity).switch(ActivityParticipant)
             .join(Household, on=(ActivityParticipant.household == Household.id))
             .join(Village, on=(Household.village == Village.id))
             .where((Activity.status == "held") & (Activity.held_on >= start)
                    & (Activity.held_on <= end) & ActivityParticipant.attended))
    attended = 0
    for aid, hid, mid, village in query.tuples():
        info = held[aid]
        person = (hid, mid)
        attended += 1
        for what, _ in keys:
            line = lines[what][key_of(what, info, village)]
            line[0].add(aid)
            line[1].add(person)
            line[2] += 1
    volunteer_times, hours = 0, 0.0
    shifts = {info[4] for info in held.values() if info[4]}
    for visit in _visits_on_shifts(actor, shifts, start, end):
        volunteer_times += 1
        hours += visit.hours
    value = sum(g.value_fen for g in _goods_lines(list(held)) if not g.reversed)
    cards = int(Distribution.select(peewee.fn.COALESCE(peewee.fn.SUM(Distribution.quantity), 0))
                .join(ActivityCards).where(ActivityCards.activity.in_(list(held))
                                           & Distribution.id.not_in(_reversed_cards()))
                .scalar() or 0) if held else 0

    def finish(what: str, order) -> tuple[FigureLine, ...]:
        return tuple(FigureLine(k, len(v[0]), len(v[1]), v[2])
                     for k, v in sorted(lines[what].items(), key=order))

    kind_order = {k: i for i, k in enumerate(ACTIVITY_KINDS)}
    return YearFigures(
        year, len(held), attended + sum(info[2] for info in held.values()), volunteer_times,
        round(hours, 1), value, cards,
        finish("kind", lambda kv: kind_order.get(kv[0], 99)),
        finish("month", lambda kv: kv[0]), finish("village", lambda kv: kv[0]))
