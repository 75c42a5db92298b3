"""Holiday visit campaigns (节日慰问) and monthly home-visit days (家访日).

A campaign picks its target households by rules (categories, tiers, villages, a minimum age,
active only), each rule with its gift package; the targets are a snapshot staff edit with a
reason. Teams (a social worker with volunteers, or a partner unit) take the targets of their
villages in address order; each outcome is a row in the household's visit history, and a
delivered package is a stock voucher against the campaign's reservation.
"""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .households import Household, Visit
from .inventory import PackageKind, Voucher
from .volunteers import Shift, Volunteer

CAMPAIGN_KINDS = ("holiday", "visit_day")
CAMPAIGN_STATUSES = ("open", "closed")
# open: still to visit (a nobody-home call keeps it open, re-queued); removed: taken off
# the list by hand, with a reason
TARGET_STATUSES = ("open", "visited", "declined", "moved", "deceased", "removed")
TARGET_OUTCOMES = ("visited", "nobody_home", "declined", "moved", "deceased")


class Campaign(BaseModel):
    """慰问活动 / 家访日."""

    name = peewee.CharField(max_length=128)
    kind = peewee.CharField(max_length=16, default="holiday")
    theme = peewee.CharField(max_length=255, default="")  # 一月一主题
    festival = peewee.CharField(max_length=16, default="")  # a code of core.festivals
    festival_on = peewee.DateField(null=True)
    starts_on = peewee.DateField()
    ends_on = peewee.DateField()
    budget_fen = peewee.IntegerField(default=0)
    status = peewee.CharField(max_length=8, default="open", index=True)
    note = peewee.TextField(default="")
    created_at = peewee.CharField(max_length=32)
    created_by_name = peewee.CharField(max_length=64, default="")
    closed_on = peewee.DateField(null=True)
    close_note = peewee.CharField(max_length=255, default="")


class CampaignRule(BaseModel):
    """A target rule: the households it picks, and the package each of them gets.

    The lookups are kept as id lists ("3,7"): a rule records what was asked when the list was
    made, and a category renamed since still reads right."""

    campaign = peewee.ForeignKeyField(Campaign, backref="rules", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    category_ids = peewee.CharField(max_length=255, default="")
    tier_ids = peewee.CharField(max_length=255, default="")
    village_ids = peewee.CharField(max_length=1000, default="")
    min_age = peewee.IntegerField(null=True)  # a member at least this old (重阳: 80)
    active_only = peewee.BooleanField(default=True)
    package = peewee.ForeignKeyField(PackageKind, null=True, on_delete="RESTRICT")
    package_count = peewee.IntegerField(default=1)


class CampaignTeam(BaseModel):
    """走访小组: a social worker with volunteers, or a partner unit (共建单位)."""

    campaign = peewee.ForeignKeyField(Campaign, backref="teams", on_delete="CASCADE")
    name = peewee.CharField(max_length=64)
    leader = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    partner = peewee.CharField(max_length=128, default="")
    phone = peewee.CharField(max_length=32, default="")  # the team's contact on the sheet
    sort_order = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("campaign", "name"), True),)


class CampaignTeamMember(BaseModel):
    team = peewee.ForeignKeyField(CampaignTeam, backref="members", on_delete="CASCADE")
    volunteer = peewee.ForeignKeyField(Volunteer, on_delete="RESTRICT")

    class Meta:
        indexes = ((("team", "volunteer"), True),)


class CampaignTarget(BaseModel):
    """A household on the campaign's list, its package, team, route place and outcome."""

    campaign = peewee.ForeignKeyField(Campaign, backref="targets", on_delete="CASCADE")
    household = peewee.ForeignKeyField(Household, on_delete="RESTRICT")
    rule = peewee.ForeignKeyField(CampaignRule, null=True, on_delete="SET NULL")
    package = peewee.ForeignKeyField(PackageKind, null=True, on_delete="RESTRICT")
    package_count = peewee.IntegerField(default=1)
    status = peewee.CharField(max_length=16, default="open")
    added_reason = peewee.CharField(max_length=255, default="")  # added by hand: why
    removed_reason = peewee.CharField(max_length=255, default="")
    team = peewee.ForeignKeyField(CampaignTeam, null=True, backref="targets",
                                  on_delete="SET NULL")
    route_order = peewee.IntegerField(default=0)
    planned_on = peewee.DateField(null=True)  # re-queued to this day after nobody was home
    attempts = peewee.IntegerField(default=0)  # calls made (nobody home counts)
    outcome_on = peewee.DateField(null=True)
    visitors = peewee.CharField(max_length=255, default="")
    voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")  # delivered
    signed = peewee.BooleanField(default=False)  # 签收
    visit = peewee.ForeignKeyField(Visit, null=True, on_delete="SET NULL")  # the last call
    needs_found = peewee.IntegerField(default=0)
    updated_at = peewee.CharField(max_length=32)

    class Meta:
        indexes = ((("campaign", "household"), True), (("campaign", "status"), False),
                   (("team", "route_order"), False))


class CampaignCall(BaseModel):
    """Each call made at a target (a nobody-home one too): a visit in the household's history."""

    target = peewee.ForeignKeyField(CampaignTarget, backref="calls", on_delete="CASCADE")
    visit = peewee.ForeignKeyField(Visit, unique=True, on_delete="CASCADE")


class CampaignOuting(BaseModel):
    """A team's day out: a home-visit shift, so volunteers' hours come from attendance."""

    campaign = peewee.ForeignKeyField(Campaign, backref="outings", on_delete="CASCADE")
    team = peewee.ForeignKeyField(CampaignTeam, backref="outings", on_delete="CASCADE")
    shift = peewee.ForeignKeyField(Shift, unique=True, on_delete="RESTRICT")
