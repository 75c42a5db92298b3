"""Policy cards (政策明白卡): policies, their numbered versions, print runs and the ledger of
cards handed out per village or household."""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .households import Household
from .station import Category, Village

VERSION_STATUSES = ("draft", "published", "retired")
CARD_LAYOUTS = ("wallet", "a5", "a4")


class Policy(BaseModel):
    """A policy the station explains (低保, 特困供养 ...)."""

    title = peewee.CharField(max_length=128)
    short_name = peewee.CharField(max_length=32, unique=True)
    area = peewee.CharField(max_length=32, default="")
    sort_order = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)
    created_at = peewee.CharField(max_length=32)


class PolicyCategory(BaseModel):
    """A 人员类别 the policy serves: personalised cards match households by these."""

    policy = peewee.ForeignKeyField(Policy, backref="category_links", on_delete="CASCADE")
    category = peewee.ForeignKeyField(Category, on_delete="RESTRICT")

    class Meta:
        indexes = ((("policy", "category"), True),)


class PolicyVersion(BaseModel):
    """One numbered text of a policy's card. Once printed it never changes: editing it makes
    the next version."""

    policy = peewee.ForeignKeyField(Policy, backref="versions", on_delete="RESTRICT")
    number = peewee.IntegerField()
    title = peewee.CharField(max_length=128, default="")  # the policy's title as printed
    eligibility = peewee.TextField(default="")  # 适用对象
    standard = peewee.TextField(default="")  # 保障标准
    materials = peewee.TextField(default="")  # 申请材料
    steps = peewee.TextField(default="")  # 办理流程
    hotline = peewee.TextField(default="")  # 咨询电话
    effective_on = peewee.DateField(null=True)
    change_note = peewee.CharField(max_length=255, default="")
    status = peewee.CharField(max_length=16, default="draft")
    printed = peewee.BooleanField(default=False)  # set by the first print run: immutable
    created_at = peewee.CharField(max_length=32)
    created_by_name = peewee.CharField(max_length=64, default="")
    published_at = peewee.CharField(max_length=32, null=True)

    class Meta:
        indexes = ((("policy", "number"), True),)


class PrintRun(BaseModel):
    """Cards printed from a version: layout, copies, for a village or a set of households."""

    version = peewee.ForeignKeyField(PolicyVersion, backref="print_runs", on_delete="RESTRICT")
    layout = peewee.CharField(max_length=16)
    copies = peewee.IntegerField()
    personalised = peewee.BooleanField(default=False)
    village = peewee.ForeignKeyField(Village, null=True, on_delete="RESTRICT")
    households = peewee.IntegerField(default=0)  # personalised: how many households' cards
    printed_on = peewee.DateField()
    note = peewee.CharField(max_length=255, default="")
    recorded_at = peewee.CharField(max_length=32)
    actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = peewee.CharField(max_length=64, default="")


class Distribution(BaseModel):
    """Cards handed out: a count for a village, or one household's card. A ledger: a
    mistake is reversed by a counter-row with a reason."""

    version = peewee.ForeignKeyField(PolicyVersion, backref="distributions",
                                     on_delete="RESTRICT")
    print_run = peewee.ForeignKeyField(PrintRun, null=True, on_delete="RESTRICT")
    village = peewee.ForeignKeyField(Village, null=True, on_delete="RESTRICT")
    household = peewee.ForeignKeyField(Household, null=True, on_delete="RESTRICT")
    quantity = peewee.IntegerField()  # signed: a reversal is negative
    handed_on = peewee.DateField(index=True)
    handed_by = peewee.CharField(max_length=64, default="")
    reverses = peewee.ForeignKeyField("self", null=True, unique=True, on_delete="RESTRICT")
    reason = peewee.CharField(max_length=255, default="")
    recorded_at = peewee.CharField(max_length=32)
    actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = peewee.CharField(max_length=64, default="")

    class Meta:
        indexes = ((("village", "version"), False),)
