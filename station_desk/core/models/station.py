"""The station itself and the lookup tables it edits: villages, categories, tiers, settings."""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel

VILLAGE_KINDS = ("town", "village", "group")


class Station(BaseModel):
    """One row: the station this database belongs to."""

    name = peewee.CharField(max_length=128)
    organisation = peewee.CharField(max_length=128, default="")  # the operating social work org
    address = peewee.CharField(max_length=255, default="")
    phone = peewee.CharField(max_length=64, default="")
    hotlines = peewee.TextField(default="")  # one number a line, as published in the villages
    head = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = peewee.CharField(max_length=32)


class Village(BaseModel):
    """A town, a village / residential community (村居), or a villagers' group under it."""

    code = peewee.CharField(max_length=32, unique=True)
    name = peewee.CharField(max_length=64)
    kind = peewee.CharField(max_length=16, default="village")
    parent = peewee.ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    social_worker = peewee.ForeignKeyField(Staff, null=True, backref="villages", on_delete="SET NULL")
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("parent", "name"), True),)


class Category(BaseModel):
    """人员类别: a group the station serves (低保, 特困供养, 独居老人 ...)."""

    name = peewee.CharField(max_length=64, unique=True)
    active = peewee.BooleanField(default=True)
    sort_order = peewee.IntegerField(default=0)
    note = peewee.CharField(max_length=255, default="")


class Tier(BaseModel):
    """Follow-up tier (一级-四级): how often a household must be visited."""

    level = peewee.IntegerField(unique=True)
    name = peewee.CharField(max_length=32, unique=True)
    visit_interval_days = peewee.IntegerField()
    active = peewee.BooleanField(default=True)
    note = peewee.CharField(max_length=255, default="")


class Setting(BaseModel):
    """A station-wide rule; declared with its default in ``core.settings``."""

    key = peewee.CharField(max_length=64, unique=True)
    value = peewee.TextField()  # JSON
    updated_at = peewee.CharField(max_length=32)
    updated_by = peewee.CharField(max_length=64, default="")
