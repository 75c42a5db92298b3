"""Hours certificates (志愿服务时长证明): the yearly number counter and the certificates on file."""

from __future__ import annotations

import peewee

VERSION = 5


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Volunteer(Base):
        class Meta:
            table_name = "volunteer"

    class CertificateCounter(Base):
        year = peewee.IntegerField(unique=True)
        last = peewee.IntegerField(default=0)

    class Certificate(Base):
        number = peewee.CharField(max_length=32, unique=True)
        volunteer = peewee.ForeignKeyField(Volunteer, on_delete="RESTRICT")
        period_from = peewee.DateField()
        period_to = peewee.DateField()
        hours = peewee.FloatField()
        person_times = peewee.IntegerField(default=0)
        content = peewee.CharField(max_length=255, default="")
        issued_at = peewee.CharField(max_length=32)
        issued_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        issued_by_name = peewee.CharField(max_length=64, default="")
        void = peewee.BooleanField(default=False)
        void_reason = peewee.CharField(max_length=255, default="")
        voided_at = peewee.CharField(max_length=32, null=True)

    db.create_tables([CertificateCounter, Certificate])
