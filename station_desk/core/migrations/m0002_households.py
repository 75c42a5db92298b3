"""Households on file: households, members, their categories, visits, needs."""

from __future__ import annotations

import peewee

VERSION = 2


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Village(Base):
        class Meta:
            table_name = "village"

    class Category(Base):
        class Meta:
            table_name = "category"

    class Tier(Base):
        class Meta:
            table_name = "tier"

    class Household(Base):
        head_name = peewee.CharField(max_length=64)
        head_initials = peewee.CharField(max_length=64, default="", index=True)
        village = peewee.ForeignKeyField(Village, on_delete="RESTRICT")
        address = peewee.CharField(max_length=255, default="")
        phone = peewee.CharField(max_length=32, default="")
        tier = peewee.ForeignKeyField(Tier, null=True, on_delete="RESTRICT")
        social_worker = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        status = peewee.CharField(max_length=16, default="active", index=True)
        status_reason = peewee.CharField(max_length=255, default="")
        status_date = peewee.DateField(null=True)
        registered_on = peewee.DateField()
        notes = peewee.TextField(default="")
        last_visit_on = peewee.DateField(null=True)
        due_on = peewee.DateField(null=True, index=True)
        search_text = peewee.TextField(default="")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("village", "status"), False), (("social_worker", "status"), False))

    class HouseholdCategory(Base):
        household = peewee.ForeignKeyField(Household, on_delete="CASCADE")
        category = peewee.ForeignKeyField(Category, on_delete="RESTRICT")

        class Meta:
            indexes = ((("household", "category"), True), (("category", "household"), False))

    class Member(Base):
        household = peewee.ForeignKeyField(Household, on_delete="CASCADE")
        name = peewee.CharField(max_length=64)
        relation = peewee.CharField(max_length=16, default="户主")
        gender = peewee.CharField(max_length=8, default="")
        birthdate = peewee.DateField(null=True)
        id_number = peewee.CharField(max_length=18, null=True, unique=True)
        phone = peewee.CharField(max_length=32, default="")
        disability_type = peewee.CharField(max_length=32, default="")
        disability_grade = peewee.CharField(max_length=16, default="")
        chronic_illness = peewee.CharField(max_length=255, default="")
        school_or_work = peewee.CharField(max_length=255, default="")
        status = peewee.CharField(max_length=16, default="active")
        notes = peewee.TextField(default="")
        sort_order = peewee.IntegerField(default=0)

        class Meta:
            indexes = ((("household", "sort_order"), False),)

    class MemberCategory(Base):
        member = peewee.ForeignKeyField(Member, on_delete="CASCADE")
        category = peewee.ForeignKeyField(Category, on_delete="RESTRICT")

        class Meta:
            indexes = ((("member", "category"), True),)

    class Visit(Base):
        household = peewee.ForeignKeyField(Household, on_delete="CASCADE")
        visited_on = peewee.DateField()
        visitors = peewee.CharField(max_length=255, default="")
        kind = peewee.CharField(max_length=16, default="routine")
        outcome = peewee.CharField(max_length=16, default="visited")
        summary = peewee.TextField(default="")
        next_action = peewee.CharField(max_length=255, default="")
        recorded_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        created_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("household", "visited_on"), False),)

    class Need(Base):
        household = peewee.ForeignKeyField(Household, null=True, on_delete="CASCADE")
        member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
        source = peewee.CharField(max_length=16, default="visit")
        visit = peewee.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
        content = peewee.TextField()
        urgency = peewee.CharField(max_length=16, default="normal")
        status = peewee.CharField(max_length=16, default="new", index=True)
        follow_up = peewee.TextField(default="")
        raised_on = peewee.DateField()
        resolved_on = peewee.DateField(null=True)
        recorded_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        created_at = peewee.CharField(max_length=32)

    db.create_tables([Household, HouseholdCategory, Member, MemberCategory, Visit, Need])
