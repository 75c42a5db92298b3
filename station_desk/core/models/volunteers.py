"""Volunteers, their teams and skills, shifts and who covers them, and attendance.

Attendance is a ledger: sign-ins, sign-outs, automatic closes and corrections are appended
events, never edited; a visit's status and hours are derived from them.
"""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel

VOLUNTEER_STATUSES = ("active", "paused", "left")
SHIFT_KINDS = ("front_desk", "hotline", "home_visit", "activity")
ASSIGNMENT_STATUSES = ("planned", "confirmed", "cancelled")
# sign_in opens a visit; sign_out and auto_close close it; correction restates its times;
# void withdraws it (a sign-in typed by mistake). Each closing/correcting row names the
# sign-in it belongs to (``opens``).
ATTENDANCE_KINDS = ("sign_in", "sign_out", "auto_close", "correction", "void")
ATTENDANCE_SOURCES = ("kiosk", "staff", "paper")


class Team(BaseModel):
    """志愿服务队."""

    name = peewee.CharField(max_length=64, unique=True)
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)
    note = peewee.CharField(max_length=255, default="")


class Skill(BaseModel):
    """A skill tag the station edits (医疗, 理发, 心理, 法律, 驾驶 ...)."""

    name = peewee.CharField(max_length=32, unique=True)
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)


class Volunteer(BaseModel):
    name = peewee.CharField(max_length=64)
    name_initials = peewee.CharField(max_length=64, default="", index=True)
    gender = peewee.CharField(max_length=8, default="")
    phone = peewee.CharField(max_length=32, default="")
    # The last four digits of a mobile: what the kiosk keypad looks up.
    phone_tail = peewee.CharField(max_length=4, default="", index=True)
    id_number = peewee.CharField(max_length=18, null=True, unique=True)
    birthdate = peewee.DateField(null=True)
    party_member = peewee.BooleanField(default=False)
    team = peewee.ForeignKeyField(Team, null=True, backref="volunteers", on_delete="SET NULL")
    team_leader = peewee.BooleanField(default=False)
    platform_number = peewee.CharField(max_length=64, default="")  # 全国志愿服务信息系统编号
    joined_on = peewee.DateField(null=True)
    status = peewee.CharField(max_length=16, default="active", index=True)
    emergency_contact = peewee.CharField(max_length=64, default="")
    emergency_phone = peewee.CharField(max_length=32, default="")
    notes = peewee.TextField(default="")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)


class VolunteerSkill(BaseModel):
    volunteer = peewee.ForeignKeyField(Volunteer, backref="skill_links", on_delete="CASCADE")
    skill = peewee.ForeignKeyField(Skill, on_delete="RESTRICT")

    class Meta:
        indexes = ((("volunteer", "skill"), True),)


class CardToken(BaseModel):
    """The code on a volunteer card's QR: random, revocable, never an ID number or phone."""

    volunteer = peewee.ForeignKeyField(Volunteer, backref="cards", on_delete="CASCADE")
    token = peewee.CharField(max_length=32, unique=True)
    issued_at = peewee.CharField(max_length=32)
    revoked_at = peewee.CharField(max_length=32, null=True)
    revoked_reason = peewee.CharField(max_length=255, default="")


class ShiftTemplate(BaseModel):
    """A weekly shift pattern: kind, place, weekdays (1 = Monday), time window, capacity."""

    name = peewee.CharField(max_length=64)
    kind = peewee.CharField(max_length=16)
    place = peewee.CharField(max_length=64, default="")
    weekdays = peewee.CharField(max_length=16, default="")  # "1,2,3,4,5"
    start_time = peewee.CharField(max_length=5)  # "08:00"
    end_time = peewee.CharField(max_length=5)
    capacity = peewee.IntegerField(default=1)
    skill = peewee.ForeignKeyField(Skill, null=True, on_delete="SET NULL")
    active = peewee.BooleanField(default=True)


class Shift(BaseModel):
    """A dated occurrence of a shift (from a template, or one of its own)."""

    template = peewee.ForeignKeyField(ShiftTemplate, null=True, backref="shifts",
                                      on_delete="SET NULL")
    name = peewee.CharField(max_length=64)
    kind = peewee.CharField(max_length=16)
    place = peewee.CharField(max_length=64, default="")
    day = peewee.DateField(index=True)
    start_time = peewee.CharField(max_length=5)
    end_time = peewee.CharField(max_length=5)
    capacity = peewee.IntegerField(default=1)
    skill = peewee.ForeignKeyField(Skill, null=True, on_delete="SET NULL")
    note = peewee.CharField(max_length=255, default="")
    created_at = peewee.CharField(max_length=32)


class Assignment(BaseModel):
    shift = peewee.ForeignKeyField(Shift, backref="assignments", on_delete="CASCADE")
    volunteer = peewee.ForeignKeyField(Volunteer, backref="assignments", on_delete="CASCADE")
    status = peewee.CharField(max_length=16, default="planned")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)

    class Meta:
        indexes = ((("shift", "volunteer"), True), (("volunteer", "shift"), False))


class AttendanceEvent(BaseModel):
    """One appended attendance fact. ``at`` is local time, ISO text with its UTC offset."""

    volunteer = peewee.ForeignKeyField(Volunteer, backref="attendance", on_delete="CASCADE")
    kind = peewee.CharField(max_length=16)
    at = peewee.CharField(max_length=32)
    # For a correction: the corrected sign-in / sign-out times (either may be unchanged).
    sign_in_at = peewee.CharField(max_length=32, null=True)
    sign_out_at = peewee.CharField(max_length=32, null=True)
    opens = peewee.ForeignKeyField("self", null=True, backref="followers", on_delete="CASCADE")
    shift = peewee.ForeignKeyField(Shift, null=True, backref="attendance", on_delete="SET NULL")
    source = peewee.CharField(max_length=16, default="kiosk")
    walk_in = peewee.BooleanField(default=False)
    reason = peewee.CharField(max_length=255, default="")
    recorded_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    recorded_at = peewee.CharField(max_length=32)

    class Meta:
        indexes = ((("volunteer", "at"), False), (("opens", "kind"), False), (("kind", "at"), False))
