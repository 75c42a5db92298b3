"""Pairing (结对帮扶): a volunteer, a team or a partner unit (a department, a company, a party
branch) with a household or one of its members (a child), with an expected contact frequency.
Each contact is a visit on the household's file (kind "pairing"), so it shows in the
household's history and moves its due date; a pair whose last contact is older than its
frequency is behind.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee

from .. import validate
from ..audit import created, saved, values_of
from ..clock import stamp, today
from ..errors import ValidationError
from ..models import (
    PAIRING_HELPERS,
    Household,
    Member,
    Pairing,
    PairingContact,
    Team,
    Village,
    Volunteer,
)
from ..roles import Actor, require
from ..validate import stored_date as _as_date
from . import households
from .base import clean_text, get_or_fail, writer

CONTACT_WAYS = ("home_visit", "phone", "activity", "other")


@dataclass
class PairingInput:
    household_id: int
    helper_kind: str  # volunteer, team, unit
    volunteer_id: int | None = None
    team_id: int | None = None
    unit: str = ""
    contact_person: str = ""
    member_id: int | None = None
    every_days: int = 30
    started_on: _dt.date | None = None
    note: str = ""


def helper_name(pairing: Pairing) -> str:
    if pairing.helper_kind == "volunteer":
        return pairing.volunteer.name
    if pairing.helper_kind == "team":
        return pairing.team.name
    return pairing.unit


@writer("pairings.edit")
def create_pairing(actor: Actor, data: PairingInput) -> Pairing:
    """Pair a helper with a household (or a member of it). The same helper twice with the
    same person is refused while the first pair stands."""
    household = get_or_fail(Household, data.household_id)
    if household.status != "active":
        raise ValidationError("household_file_closed", name=household.head_name)
    if data.member_id is not None:
        member = get_or_fail(Member, data.member_id)
        if member.household_id != household.id:
            raise ValidationError("member_not_of_household", name=member.name)
    if data.helper_kind not in PAIRING_HELPERS:
        raise ValidationError("bad_choice", field="helper_kind", value=str(data.helper_kind))
    volunteer = team = None
    unit = ""
    if data.helper_kind == "volunteer":
        if data.volunteer_id is None:
            raise ValidationError("required", field="volunteer")
        volunteer = get_or_fail(Volunteer, data.volunteer_id)
    elif data.helper_kind == "team":
        if data.team_id is None:
            raise ValidationError("required", field="team")
        team = get_or_fail(Team, data.team_id)
    else:
        unit = clean_text(data.unit, "unit", max_length=128)
    try:
        every = int(data.every_days)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field="every_days") from None
    if not 1 <= every <= 366:
        raise ValidationError("bad_number", field="every_days", value=str(data.every_days))
    started = validate.date_value(data.started_on or today(), field="started_on", required=True)
    if started > today():
        raise ValidationError("date_in_future", field="started_on", value=started.isoformat())
    standing = Pairing.select().where(
        (Pairing.household == household.id) & Pairing.ended_on.is_null()
        & (Pairing.helper_kind == data.helper_kind)
        & (Pairing.member == data.member_id if data.member_id else Pairing.member.is_null())
        & (Pairing.volunteer == (volunteer.id if volunteer else None) if volunteer
           else Pairing.volunteer.is_null())
        & (Pairing.team == team.id if team else Pairing.team.is_null())
        & (Pairing.unit == unit))
    if standing.exists():
        raise ValidationError("pairing_exists", name=household.head_name)
    row = Pairing.create(
        helper_kind=data.helper_kind, volunteer=volunteer.id if volunteer else None,
        team=team.id if team else None, unit=unit,
        contact_person=clean_text(data.contact_person, "contact_person", required=False,
                                  max_length=64),
        household=household.id, member=data.member_id, every_days=every, started_on=started,
        note=(data.note or "").strip(), created_at=stamp())
    created(actor, row)
    return row


@writer("pairings.edit")
def end_pairing(actor: Actor, pairing_id: int, reason: str,
                ended_on: _dt.date | None = None) -> Pairing:
    row = get_or_fail(Pairing, pairing_id)
    if row.ended_on is not None:
        raise ValidationError("pairing_ended", name=row.household.head_name)
    ended = validate.date_value(ended_on or today(), field="ended_on", required=True)
    if ended > today():
        raise ValidationError("date_in_future", field="ended_on", value=ended.isoformat())
    if ended < _as_date(row.started_on):
        raise ValidationError("pairing_before_start", field="ended_on", day=ended.isoformat(),
                              start=_as_date(row.started_on).isoformat())
    before = values_of(row, ["ended_on", "end_reason"])
    row.ended_on, row.end_reason = ended, clean_text(reason, "reason")
    row.save()
    saved(actor, row, before)
    return row


@writer("pairings.edit")
def log_contact(actor: Actor, pairing_id: int, contacted_on: _dt.date, summary: str, *,
                way: str = "home_visit", needs: Sequence[str] = ()) -> PairingContact:
    """A contact of the pair: a visit on the household's file (its needs with it)."""
    row = get_or_fail(Pairing, pairing_id)
    if row.ended_on is not None:
        raise ValidationError("pairing_ended", name=row.household.head_name)
    if way not in CONTACT_WAYS:
        raise ValidationError("bad_choice", field="way", value=str(way))
    day = validate.date_value(contacted_on, field="contacted_on", required=True)
    if day > today():
        raise ValidationError("date_in_future", field="contacted_on", value=day.isoformat())
    if day < _as_date(row.started_on):
        raise ValidationError("pairing_before_start", field="contacted_on", day=day.isoformat(),
                              start=_as_date(row.started_on).isoformat())
    summary = clean_text(summary, "summary", max_length=2000)
    visit = households.record_visit.__wrapped__(actor, row.household_id, households.VisitInput(
        visited_on=day, kind="pairing", visitors=helper_name(row)[:64], summary=summary,
        needs=needs))
    contact = PairingContact.create(pairing=row.id, visit=visit.id, contacted_on=day, way=way)
    created(actor, contact)
    last = _as_date(row.last_contact_on)
    if last is None or day > last:
        row.last_contact_on = day
        row.save()
    return contact


def refresh_last_contact(pairing_id: int) -> None:
    """The pair's last contact from its contacts on file (one was removed with its visit)."""
    last = (PairingContact.select(peewee.fn.MAX(PairingContact.contacted_on))
            .where(PairingContact.pairing == pairing_id).scalar())
    Pairing.update(last_contact_on=_as_date(last)).where(Pairing.id == pairing_id).execute()


@dataclass(frozen=True)
class PairingRow:
    id: int
    helper_kind: str
    helper: str
    contact_person: str
    household_id: int
    head_name: str
    member_name: str
    village: str
    every_days: int
    started_on: _dt.date
    ended_on: _dt.date | None
    last_contact_on: _dt.date | None
    contacts: int
    due_on: _dt.date | None  # the next contact expected by (None once ended)

    def behind_days(self, on: _dt.date) -> int:
        return max((on - self.due_on).days, 0) if self.due_on else 0


def list_pairings(actor: Actor, *, behind_only: bool = False, household_id: int | None = None,
                  include_ended: bool = False, on: _dt.date | None = None) -> list[PairingRow]:
    """Pairs with their last contact and when the next is due; the ones behind first."""
    require(actor, "households.view")
    on = on or today()
    counts = dict(PairingContact.select(PairingContact.pairing,
                                        peewee.fn.COUNT(PairingContact.id))
                  .group_by(PairingContact.pairing).tuples())
    query = (Pairing.select(Pairing, Household.head_name, Member.name.alias("member_name"),
                            Village.name.alias("village_name"), Volunteer.name.alias("vname"),
                            Team.name.alias("tname"))
             .join(Household, on=(Pairing.household == Household.id))
             .join(Village, on=(Household.village == Village.id))
             .switch(Pairing).join(Member, peewee.JOIN.LEFT_OUTER,
                                   on=(Pairing.member == Member.id))
             .switch(Pairing).join(Volunteer, peewee.JOIN.LEFT_OUTER,
                                   on=(Pairing.volunteer == Volunteer.id))
             .switch(Pairing).join(Team, peewee.JOIN.LEFT_OUTER, on=(Pairing.team == Team.id)))
    if not include_ended:
        query = query.where(Pairing.ended_on.is_null())
    if household_id is not None:
        query = query.where(Pairing.household == household_id)
    rows = []
    for p in query.objects():
        helper = {"volunteer": p.vname, "team": p.tname}.get(p.helper_kind) or p.unit
        last = _as_date(p.last_contact_on)
        ended = _as_date(p.ended_on)
        due = None if ended else (last or _as_date(p.started_on)) + _dt.timedelta(
            days=p.every_days)
        rows.append(PairingRow(p.id, p.helper_kind, helper or "", p.contact_person,
                               p.household_id, p.head_name, p.member_name or "", p.village_name,
                               p.every_days, _as_date(p.started_on), ended, last,
                               counts.get(p.id, 0), due))
    if behind_only:
        rows = [r for r in rows if r.due_on is not None and r.due_on < on]
    rows.sort(key=lambda r: (r.due_on is None, r.due_on or on, r.village, r.head_name))
    return rows
