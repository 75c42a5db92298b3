"""Activities, projects, pairings (结对帮扶) and micro-wishes (微心愿, 四单一体).

An activity (小组活动, 社区活动, 政策宣传, ...) has the households and members who signed up
and who came, a head count of people not on file, volunteers on a shift of its own (their
hours come from attendance like any shift's), goods used (stock out to the activity) and
policy cards handed out (distributions linked to it). A project (项目, e.g. a government-
funded respite-care programme) collects activities and cases and measures them against its
targets. A pairing puts a helper (a volunteer, a team or a partner unit) with a household;
each contact is a visit on the household's file. A wish goes 下单 → 接单 → 买单 → 送达 → 评单.
"""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .cases import Case
from .households import Household, Member, Visit
from .inventory import CashEntry, Donation, Donor, Voucher
from .policies import Distribution
from .station import Village
from .volunteers import Shift, Team, Volunteer

ACTIVITY_KINDS = ("group", "community", "policy", "volunteer", "festival", "training")
ACTIVITY_STATUSES = ("planned", "held", "cancelled")
PROJECT_STATUSES = ("active", "closed")
PAIRING_HELPERS = ("volunteer", "team", "unit")
WISH_STATUSES = ("placed", "taken", "adopted", "delivered", "rated", "cancelled")
WISH_PAYMENTS = ("goods", "cash")


class Project(BaseModel):
    """项目: a funded programme with targets, measured from its activities and cases."""

    name = peewee.CharField(max_length=128, unique=True)
    funder = peewee.CharField(max_length=128, default="")  # 政府购买服务, a foundation
    starts_on = peewee.DateField()
    ends_on = peewee.DateField()
    target_groups = peewee.CharField(max_length=255, default="")  # 重度残疾人家庭, ...
    target_families = peewee.IntegerField(default=0)
    target_person_times = peewee.IntegerField(default=0)
    target_services = peewee.IntegerField(default=0)
    target_value_fen = peewee.BigIntegerField(default=0)  # resources linked, in fen
    budget_fen = peewee.BigIntegerField(default=0)
    note = peewee.TextField(default="")
    status = peewee.CharField(max_length=16, default="active")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)


class ProjectCase(BaseModel):
    """A case served under a project: its service records count as the project's services."""

    project = peewee.ForeignKeyField(Project, backref="cases", on_delete="CASCADE")
    case = peewee.ForeignKeyField(Case, backref="projects", on_delete="CASCADE")

    class Meta:
        indexes = ((("project", "case"), True),)


class Activity(BaseModel):
    """活动."""

    title = peewee.CharField(max_length=128)
    kind = peewee.CharField(max_length=16)
    held_on = peewee.DateField(index=True)
    start_time = peewee.CharField(max_length=5, default="09:00")
    end_time = peewee.CharField(max_length=5, default="11:00")
    place = peewee.CharField(max_length=128, default="")
    village = peewee.ForeignKeyField(Village, null=True, on_delete="SET NULL")  # where held
    theme = peewee.CharField(max_length=255, default="")
    organiser = peewee.CharField(max_length=64, default="")
    partners = peewee.CharField(max_length=255, default="")
    project = peewee.ForeignKeyField(Project, null=True, backref="activities",
                                     on_delete="SET NULL")
    shift = peewee.ForeignKeyField(Shift, null=True, on_delete="SET NULL")  # the volunteers'
    extra_count = peewee.IntegerField(default=0)  # people who came and are not on file
    status = peewee.CharField(max_length=16, default="planned")
    summary = peewee.TextField(default="")  # what happened, after the day
    created_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)

    class Meta:
        indexes = ((("project", "held_on"), False), (("kind", "held_on"), False))


class ActivityParticipant(BaseModel):
    """A household (or one member) signed up for an activity; ``attended`` once it came."""

    activity = peewee.ForeignKeyField(Activity, backref="participants", on_delete="CASCADE")
    household = peewee.ForeignKeyField(Household, on_delete="RESTRICT")
    member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
    attended = peewee.BooleanField(default=False)

    class Meta:
        indexes = ((("activity", "household", "member"), True),
                   (("household", "activity"), False))


class ActivityCards(BaseModel):
    """Policy cards handed out at an activity (the distribution is the card ledger's row)."""

    activity = peewee.ForeignKeyField(Activity, backref="cards", on_delete="CASCADE")
    distribution = peewee.ForeignKeyField(Distribution, unique=True, on_delete="CASCADE")


class Pairing(BaseModel):
    """结对帮扶: a helper with a household (or one member, a child) for the long run."""

    helper_kind = peewee.CharField(max_length=16)  # volunteer, team, unit
    volunteer = peewee.ForeignKeyField(Volunteer, null=True, on_delete="RESTRICT")
    team = peewee.ForeignKeyField(Team, null=True, on_delete="RESTRICT")
    unit = peewee.CharField(max_length=128, default="")  # a department, a company, a branch
    contact_person = peewee.CharField(max_length=64, default="")
    household = peewee.ForeignKeyField(Household, backref="pairings", on_delete="RESTRICT")
    member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
    every_days = peewee.IntegerField(default=30)  # expected contact at least this often
    started_on = peewee.DateField()
    ended_on = peewee.DateField(null=True)
    end_reason = peewee.CharField(max_length=255, default="")
    note = peewee.TextField(default="")
    # derived, kept by the service: the list of pairs behind filters on it
    last_contact_on = peewee.DateField(null=True)
    created_at = peewee.CharField(max_length=32)

    class Meta:
        indexes = ((("household", "ended_on"), False),)


class PairingContact(BaseModel):
    """One contact of a pair: the visit it made on the household's file."""

    pairing = peewee.ForeignKeyField(Pairing, backref="contacts", on_delete="CASCADE")
    visit = peewee.ForeignKeyField(Visit, unique=True, on_delete="CASCADE")
    contacted_on = peewee.DateField()
    way = peewee.CharField(max_length=16, default="home_visit")  # home_visit, phone, activity


class Wish(BaseModel):
    """微心愿: 下单 (placed) → 接单 (taken by a social worker) → 买单 (adopted by a donor) →
    送达 (delivered) → 评单 (rated by the client)."""

    household = peewee.ForeignKeyField(Household, backref="wishes", on_delete="RESTRICT")
    member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
    alias = peewee.CharField(max_length=32)  # the name shown to donors: 王奶奶, 小军
    what = peewee.CharField(max_length=128)
    why = peewee.TextField(default="")
    estimated_fen = peewee.IntegerField(default=0)
    photo = peewee.BlobField(null=True)  # a small JPEG, optional
    status = peewee.CharField(max_length=16, default="placed", index=True)
    placed_on = peewee.DateField()
    placed_by = peewee.CharField(max_length=64, default="")
    social_worker = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    taken_on = peewee.DateField(null=True)
    donor = peewee.ForeignKeyField(Donor, null=True, on_delete="RESTRICT")
    adopted_on = peewee.DateField(null=True)
    payment = peewee.CharField(max_length=8, default="")  # goods or cash
    donation = peewee.ForeignKeyField(Donation, null=True, on_delete="SET NULL")
    delivered_on = peewee.DateField(null=True)
    voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="SET NULL")  # goods out
    cash_entry = peewee.ForeignKeyField(CashEntry, null=True, on_delete="SET NULL")  # bought
    spent_fen = peewee.IntegerField(default=0)
    rating = peewee.IntegerField(null=True)  # 1-5
    comment = peewee.TextField(default="")
    rated_on = peewee.DateField(null=True)
    cancel_reason = peewee.CharField(max_length=255, default="")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)
