"""The volunteer registry: volunteers, their teams (服务队) and skill tags, and card tokens.

Readers return plain rows with phones and ID numbers masked. The ID number is checked by the
same code as households' members (``validate``): the birthdate and gender come from it and a
contradiction is refused. ``phone_tail`` (the last four digits of a mobile) and
``name_initials`` are kept in step on every write: the kiosk and the search box look them up.

A card's QR code holds a random token (``secrets.token_urlsafe``), never an ID number or
phone; a lost card is revoked and a new one issued. Tokens never go into the audit log.
"""

from __future__ import annotations

import datetime as _dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace

import peewee

from .. import search, validate
from ..audit import created, record, saved, values_of
from ..clock import stamp, today
from ..db import database
from ..errors import ValidationError
from ..models import (
    GENDERS,
    VOLUNTEER_STATUSES,
    CardToken,
    Skill,
    Team,
    Volunteer,
    VolunteerSkill,
)
from ..roles import Actor, require
from ..validate import stored_date as _as_date
from . import households
from .base import clean_text, get_or_fail, writer

__all__ = ["GENDERS", "VOLUNTEER_STATUSES"]  # the forms offer these; the UI doesn't import models

TOKEN_BYTES = 16  # token_urlsafe(16): 22 characters, 128 random bits


def _choice(value: str, allowed: Sequence[str], field_name: str) -> str:
    if value not in allowed:
        raise ValidationError("bad_choice", field=field_name, value=str(value))
    return value


# --- input -----------------------------------------------------------------------------------


@dataclass
class VolunteerInput:
    """One volunteer as typed in a form (or read from a roster sheet)."""

    name: str
    gender: str = ""
    phone: str | None = ""  # None: keep the number on file (a form that showed it masked)
    id_number: str | None = ""  # None: keep the number on file
    birthdate: _dt.date | None = None
    party_member: bool = False
    team_id: int | None = None
    team_leader: bool = False
    platform_number: str = ""  # 全国志愿服务信息系统 number
    joined_on: _dt.date | None = None
    status: str = "active"
    emergency_contact: str = ""
    emergency_phone: str | None = ""  # None: keep the number on file
    notes: str = ""
    skill_ids: Sequence[int] = ()


def clean_volunteer(data: VolunteerInput) -> VolunteerInput:
    """The volunteer with text tidied, ID number and phones normalised, and the birthdate and
    gender taken from the ID number (or checked against it when both were given)."""
    # The same checks as a household member's, field by field (one recipe for people).
    person = households.clean_member(households.MemberInput(
        name=data.name, gender=data.gender or "", birthdate=data.birthdate,
        id_number=data.id_number, phone=data.phone))
    joined = validate.date_value(data.joined_on, field="joined_on")
    if joined and joined > today():
        raise ValidationError("date_in_future", field="joined_on", value=joined.isoformat())
    return replace(
        data, name=person.name, id_number=person.id_number, gender=person.gender,
        birthdate=person.birthdate, phone=person.phone, joined_on=joined,
        party_member=bool(data.party_member),
        team_leader=bool(data.team_leader),
        platform_number=clean_text(validate.normalise_text(data.platform_number),
                                   "platform_number", required=False, max_length=64),
        status=_choice(data.status or "active", VOLUNTEER_STATUSES, "status"),
        emergency_contact=clean_text(data.emergency_contact, "emergency_contact",
                                     required=False, max_length=64),
        emergency_phone=validate.phone(data.emergency_phone, field="emergency_phone"),
        notes=(data.notes or "").strip(),
        skill_ids=tuple(dict.fromkeys(data.skill_ids)),
    )


def phone_tail(phone: str) -> str:
    """The last four digits of a mobile (what a volunteer types at the kiosk); '' otherwise."""
    digits = (phone or "").replace("-", "")
    return digits[-4:] if len(digits) == 11 and digits.startswith("1") else ""


def _refuse_taken(number: str, except_id: int | None) -> None:
    if not number:
        return
    query = Volunteer.select(Volunteer.id, Volunteer.name).where(Volunteer.id_number == number)
    if except_id is not None:
        query = query.where(Volunteer.id != except_id)
    owner = query.first()
    if owner is not None:
        raise ValidationError("volunteer_id_taken", field="id_number",
                              value=validate.mask_id(number), name=owner.name)


def _check_skills(ids: Sequence[int]) -> list[int]:
    ids = list(ids)
    found = {s.id for s in Skill.select(Skill.id).where(Skill.id.in_(ids))} if ids else set()
    for skill_id in ids:
        if skill_id not in found:
            raise ValidationError("bad_choice", field="skills", value=str(skill_id))
    return ids


def _skill_names(ids: Sequence[int]) -> list[str]:
    ids = list(ids)
    names = {s.id: s.name for s in Skill.select().where(Skill.id.in_(ids))} if ids else {}
    return [names[i] for i in ids if i in names]


def _set_skills(actor: Actor, volunteer_id: int, skill_ids: Sequence[int]) -> None:
    old = [row.skill_id for row in VolunteerSkill.select(VolunteerSkill.skill)
           .where(VolunteerSkill.volunteer == volunteer_id).order_by(VolunteerSkill.id)]
    new = _check_skills(skill_ids)
    if set(old) == set(new):
        return
    VolunteerSkill.delete().where(VolunteerSkill.volunteer == volunteer_id).execute()
    if new:
        VolunteerSkill.insert_many([{"volunteer": volunteer_id, "skill": s} for s in new]).execute()
    record(actor, "update", "volunteer", volunteer_id, {"skills": _skill_names(old)},
           {"skills": _skill_names(new)})


# --- writing services ------------------------------------------------------------------------

_COPIED = ("name", "gender", "phone", "birthdate", "party_member", "team_leader",
           "platform_number", "joined_on", "status", "emergency_contact", "emergency_phone",
           "notes")


def _apply(actor: Actor, volunteer: Volunteer, data: VolunteerInput) -> None:
    """Copy the cleaned ``data`` onto ``volunteer`` (not saved) and keep one leader a team."""
    if data.team_id is not None:
        get_or_fail(Team, data.team_id)
    elif data.team_leader:
        raise ValidationError("volunteer_leader_needs_team", field="team")
    _refuse_taken(data.id_number, volunteer.id)
    for name in _COPIED:
        setattr(volunteer, name, getattr(data, name))
    volunteer.id_number = data.id_number or None
    volunteer.team = data.team_id
    volunteer.phone_tail = phone_tail(data.phone)
    volunteer.name_initials = search.initials(data.name)
    volunteer.updated_at = stamp()
    if data.team_leader:
        _clear_leader(actor, data.team_id, except_id=volunteer.id)


def _clear_leader(actor: Actor, team_id: int, except_id: int | None) -> None:
    """The team's leader before steps down (one leader a team)."""
    query = Volunteer.select().where((Volunteer.team == team_id) & (Volunteer.team_leader == True))  # noqa: E712
    if except_id is not None:
        query = query.where(Volunteer.id != except_id)
    for old in query:
        before = values_of(old, ["team_leader"])
        old.team_leader = False
        old.updated_at = stamp()
        old.save()
        record(actor, "update", "volunteer", old.id, before, {"team_leader": False},
               note="another volunteer leads the team now")


@writer("volunteers.edit")
def create_volunteer(actor: Actor, data: VolunteerInput) -> Volunteer:
    """A new volunteer. An ID number already on file is refused, naming who has it."""
    data = clean_volunteer(replace(data, id_number=data.id_number or "", phone=data.phone or "",
                                   emergency_phone=data.emergency_phone or ""))
    volunteer = Volunteer(created_at=stamp())
    _apply(actor, volunteer, data)
    volunteer.save()
    created(actor, volunteer)
    _set_skills(actor, volunteer.id, data.skill_ids)
    return volunteer


@writer("volunteers.edit")
def update_volunteer(actor: Actor, volunteer_id: int, data: VolunteerInput) -> Volunteer:
    """Change a volunteer's file. A volunteer who has left keeps no valid card."""
    volunteer = get_or_fail(Volunteer, volunteer_id)
    if data.id_number is None:
        data = replace(data, id_number=volunteer.id_number or "")
    if data.phone is None:
        data = replace(data, phone=volunteer.phone)
    if data.emergency_phone is None:
        data = replace(data, emergency_phone=volunteer.emergency_phone)
    data = clean_volunteer(data)
    before = values_of(volunteer)
    _apply(actor, volunteer, data)
    volunteer.save()
    saved(actor, volunteer, before)
    _set_skills(actor, volunteer.id, data.skill_ids)
    if volunteer.status == "left":
        _revoke_all(actor, volunteer.id, "volunteer left")
    return volunteer


def _unique_name(model: type[peewee.Model], name: str, row_id: int | None, code: str) -> None:
    clash = model.get_or_none((model.name == name) & (model.id != (row_id or 0)))
    if clash is not None:
        raise ValidationError(code, field="name", value=name)


def _next_order(model: type[peewee.Model]) -> int:
    return (model.select(peewee.fn.MAX(model.sort_order)).scalar() or 0) + 1


@writer("volunteers.edit")
def save_team(actor: Actor, team_id: int | None = None, *, name: str, active: bool = True,
              note: str = "") -> Team:
    """Add (``team_id`` None) or change a team. Teams are never deleted, only deactivated."""
    team = get_or_fail(Team, team_id) if team_id else Team(sort_order=_next_order(Team))
    before = values_of(team) if team_id else None
    team.name = clean_text(name, "name", max_length=64)
    _unique_name(Team, team.name, team_id, "team_name_taken")
    team.active = bool(active)
    team.note = clean_text(note, "note", required=False)
    team.save()
    saved(actor, team, before)
    return team


@writer("volunteers.edit")
def save_skill(actor: Actor, skill_id: int | None = None, *, name: str,
               active: bool = True) -> Skill:
    """Add or rename a skill tag (医疗, 理发 ...). Tags are never deleted, only deactivated."""
    skill = get_or_fail(Skill, skill_id) if skill_id else Skill(sort_order=_next_order(Skill))
    before = values_of(skill) if skill_id else None
    skill.name = clean_text(name, "name", max_length=32)
    _unique_name(Skill, skill.name, skill_id, "skill_name_taken")
    skill.active = bool(active)
    skill.save()
    saved(actor, skill, before)
    return skill


# --- cards -----------------------------------------------------------------------------------


def _revoke(actor: Actor, card: CardToken, reason: str) -> None:
    card.revoked_at = stamp()
    card.revoked_reason = reason
    card.save()
    # The token itself stays out of the log: whoever reads the log could print a card.
    record(actor, "update", "card_token", card.id, {"revoked_at": None},
           {"revoked_at": card.revoked_at, "revoked_reason": reason,
            "volunteer": card.volunteer_id})


def _revoke_all(actor: Actor, volunteer_id: int, reason: str) -> int:
    cards = list(CardToken.select().where((CardToken.volunteer == volunteer_id)
                                          & CardToken.revoked_at.is_null()))
    for card in cards:
        _revoke(actor, card, reason)
    return len(cards)


@writer("volunteers.edit")
def issue_card(actor: Actor, volunteer_id: int) -> str:
    """A new card token for the volunteer; any card they hold is revoked (lost, reprinted).

    Returns the token (for printing the QR code); it is random, never derived from the ID
    number or phone.
    """
    volunteer = get_or_fail(Volunteer, volunteer_id)
    if volunteer.status == "left":
        raise ValidationError("volunteer_left", field="status", name=volunteer.name)
    _revoke_all(actor, volunteer.id, "card reissued")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    card = CardToken.create(volunteer=volunteer.id, token=token, issued_at=stamp())
    record(actor, "create", "card_token", card.id, None,
           {"volunteer": volunteer.id, "issued_at": card.issued_at})
    return token


@writer("volunteers.edit")
def revoke_card(actor: Actor, card_id: int, reason: str) -> None:
    """Withdraw a card (lost, stolen); the kiosk no longer knows its code."""
    card = get_or_fail(CardToken, card_id)
    reason = clean_text(reason, "reason")
    if card.revoked_at is not None:
        raise ValidationError("card_revoked_already", field="card", revoked_at=card.revoked_at)
    _revoke(actor, card, reason)


@dataclass(frozen=True)
class CardRow:
    id: int
    token_hint: str  # the token's last four characters: enough to tell cards apart
    issued_at: str
    revoked_at: str | None
    revoked_reason: str


def list_cards(actor: Actor, volunteer_id: int) -> list[CardRow]:
    """A volunteer's cards, newest first, tokens never in full."""
    require(actor, "volunteers.view")
    return [CardRow(c.id, "…" + c.token[-4:], c.issued_at, c.revoked_at, c.revoked_reason)
            for c in CardToken.select().where(CardToken.volunteer == volunteer_id)
            .order_by(CardToken.id.desc())]


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerQuery:
    text: str = ""
    team_id: int | None = None
    skill_id: int | None = None
    status: str | None = "active"  # None or "": every status


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    name: str
    gender: str
    phone: str  # masked
    team_id: int | None
    team_name: str
    team_leader: bool
    skills: str
    party_member: bool
    platform_number: str
    status: str


@dataclass(frozen=True)
class VolunteerDetail:
    id: int
    name: str
    gender: str
    phone: str  # masked
    id_number: str  # masked
    birthdate: _dt.date | None
    party_member: bool
    team_id: int | None
    team_name: str
    team_leader: bool
    platform_number: str
    joined_on: _dt.date | None
    status: str
    emergency_contact: str
    emergency_phone: str  # masked
    notes: str
    skill_ids: tuple[int, ...]
    skills: str
    has_card: bool


def _text_filter(text: str):
    """Name (any part), pinyin initials (from the start), or a phone's last digits."""
    _pattern, is_tail = search.like_pattern(text)
    words = "".join(validate.normalise_text(text).split()).lower()
    if is_tail:
        return Volunteer.phone.endswith(words) | Volunteer.id_number.endswith(words.upper())
    condition = Volunteer.name.contains(words)
    if words.isascii() and words.isalpha():
        condition |= Volunteer.name_initials.startswith(words)
    return condition


def _skills_by_volunteer(ids: Sequence[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        rows = (VolunteerSkill.select(VolunteerSkill.volunteer, Skill.name).join(Skill)
                .where(VolunteerSkill.volunteer.in_(chunk))
                .order_by(Skill.sort_order, Skill.id))
        for volunteer_id, name in database.execute(rows):
            result.setdefault(volunteer_id, []).append(name)
    return result


def list_volunteers(actor: Actor, query: VolunteerQuery = VolunteerQuery()) -> list[VolunteerRow]:
    """Volunteers matching ``query`` (filtered in SQL), by team then pinyin; phones masked."""
    require(actor, "volunteers.view")
    select = (Volunteer.select(Volunteer.id, Volunteer.name, Volunteer.gender, Volunteer.phone,
                               Volunteer.team, Team.name, Volunteer.team_leader,
                               Volunteer.party_member, Volunteer.platform_number,
                               Volunteer.status)
              .join(Team, peewee.JOIN.LEFT_OUTER, on=(Volunteer.team == Team.id))
              .order_by(Team.sort_order.asc(nulls="LAST"), Volunteer.team_leader.desc(),
                        Volunteer.name_initials, Volunteer.id))
    if query.status:
        select = select.where(Volunteer.status == _choice(query.status, VOLUNTEER_STATUSES, "status"))
    if query.team_id is not None:
        select = select.where(Volunteer.team == query.team_id)
    if query.skill_id is not None:
        select = select.where(Volunteer.id.in_(VolunteerSkill.select(VolunteerSkill.volunteer)
                                               .where(VolunteerSkill.skill == query.skill_id)))
    if query.text.strip():
        select = select.where(_text_filter(query.text))
    rows = list(database.execute(select))
    skills = _skills_by_volunteer([r[0] for r in rows])
    return [VolunteerRow(vid, name, gender, validate.mask_phone(phone), team_id, team or "",
                         bool(leader), "、".join(skills.get(vid, [])), bool(party),
                         platform, status)
            for vid, name, gender, phone, team_id, team, leader, party, platform, status in rows]


def get_volunteer(actor: Actor, volunteer_id: int) -> VolunteerDetail:
    """One volunteer's file, phones and ID number masked."""
    require(actor, "volunteers.view")
    v = get_or_fail(Volunteer, volunteer_id)
    skill_ids = tuple(link.skill_id for link in VolunteerSkill.select(VolunteerSkill.skill)
                      .where(VolunteerSkill.volunteer == v.id).order_by(VolunteerSkill.id))
    has_card = CardToken.select().where((CardToken.volunteer == v.id)
                                        & CardToken.revoked_at.is_null()).exists()
    return VolunteerDetail(
        v.id, v.name, v.gender, validate.mask_phone(v.phone), validate.mask_id(v.id_number or ""),
        _as_date(v.birthdate), v.party_member, v.team_id, v.team.name if v.team_id else "",
        v.team_leader, v.platform_number, _as_date(v.joined_on), v.status, v.emergency_contact,
        validate.mask_phone(v.emergency_phone), v.notes, skill_ids,
        "、".join(_skill_names(skill_ids)), has_card)


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    active: bool
    note: str
    leader_name: str
    members: int


def list_teams(actor: Actor, include_inactive: bool = True) -> list[TeamRow]:
    require(actor, "volunteers.view")
    counts = dict(database.execute(
        Volunteer.select(Volunteer.team, peewee.fn.COUNT(Volunteer.id))
        .where(Volunteer.status != "left").group_by(Volunteer.team)))
    leaders = dict(database.execute(
        Volunteer.select(Volunteer.team, Volunteer.name).where(Volunteer.team_leader == True)))  # noqa: E712
    query = Team.select().order_by(Team.sort_order, Team.id)
    if not include_inactive:
        query = query.where(Team.active == True)  # noqa: E712
    return [TeamRow(t.id, t.name, t.active, t.note, leaders.get(t.id, ""), counts.get(t.id, 0))
            for t in query]


@dataclass(frozen=True)
class SkillRow:
    id: int
    name: str
    active: bool
    volunteers: int


def list_skills(actor: Actor, include_inactive: bool = True) -> list[SkillRow]:
    require(actor, "volunteers.view")
    counts = dict(database.execute(
        VolunteerSkill.select(VolunteerSkill.skill, peewee.fn.COUNT(VolunteerSkill.id))
        .group_by(VolunteerSkill.skill)))
    query = Skill.select().order_by(Skill.sort_order, Skill.id)
    if not include_inactive:
        query = query.where(Skill.active == True)  # noqa: E712
    return [SkillRow(s.id, s.name, s.active, counts.get(s.id, 0)) for s in query]


def volunteer_input(detail: VolunteerDetail) -> VolunteerInput:
    """A form's starting values for a volunteer on file: the numbers shown masked are kept
    (None) unless typed over."""
    return VolunteerInput(
        name=detail.name, gender=detail.gender, phone=None, id_number=None,
        birthdate=detail.birthdate, party_member=detail.party_member, team_id=detail.team_id,
        team_leader=detail.team_leader, platform_number=detail.platform_number,
        joined_on=detail.joined_on, status=detail.status,
        emergency_contact=detail.emergency_contact, emergency_phone=None, notes=detail.notes,
        skill_ids=detail.skill_ids)
