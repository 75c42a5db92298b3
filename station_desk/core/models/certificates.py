"""志愿服务时长证明 kept on file: numbered from a counter, voided (never deleted) when spoiled."""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .volunteers import Volunteer


class CertificateCounter(BaseModel):
    """The last certificate number given out in a year; bumped in the issuing transaction."""

    year = peewee.IntegerField(unique=True)
    last = peewee.IntegerField(default=0)


class Certificate(BaseModel):
    """One hours certificate as issued: what it said, who issued it, and whether it was voided."""

    number = peewee.CharField(max_length=32, unique=True)  # 志证字〔2026〕第0001号 -> "2026-0001"
    volunteer = peewee.ForeignKeyField(Volunteer, backref="certificates", on_delete="RESTRICT")
    period_from = peewee.DateField()
    period_to = peewee.DateField()
    hours = peewee.FloatField()
    person_times = peewee.IntegerField(default=0)
    content = peewee.CharField(max_length=255, default="")  # the shift kinds / names served
    issued_at = peewee.CharField(max_length=32)
    issued_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    issued_by_name = peewee.CharField(max_length=64, default="")  # 经办人 as printed
    void = peewee.BooleanField(default=False)
    void_reason = peewee.CharField(max_length=255, default="")
    voided_at = peewee.CharField(max_length=32, null=True)
