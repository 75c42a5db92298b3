"""Staff accounts: who may sign in and with which role."""

from __future__ import annotations

import peewee

from .base import BaseModel

ROLES = ("head", "social_worker", "front_desk", "kiosk")


class Staff(BaseModel):
    username = peewee.CharField(max_length=64, unique=True)
    name = peewee.CharField(max_length=64)
    role = peewee.CharField(max_length=16, index=True)
    phone = peewee.CharField(max_length=32, default="")
    active = peewee.BooleanField(default=True)
    password_hash = peewee.CharField(max_length=255)
    must_change_password = peewee.BooleanField(default=False)
    created_at = peewee.CharField(max_length=32)
    last_sign_in = peewee.CharField(max_length=32, null=True)
