"""The audit log: who did what, when, with old and new values."""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel


class AuditLog(BaseModel):
    at = peewee.CharField(max_length=32, index=True)
    actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    actor_name = peewee.CharField(max_length=64)
    action = peewee.CharField(max_length=32)
    table_name = peewee.CharField(max_length=64)
    row_id = peewee.IntegerField(null=True)
    old_values = peewee.TextField(null=True)  # JSON
    new_values = peewee.TextField(null=True)  # JSON
    note = peewee.TextField(default="")

    class Meta:
        indexes = ((("table_name", "row_id"), False),)


class SchemaVersion(BaseModel):
    """One row per applied migration step."""

    version = peewee.IntegerField(unique=True)
    applied_at = peewee.CharField(max_length=32)
    program_version = peewee.CharField(max_length=32)
