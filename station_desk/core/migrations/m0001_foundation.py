"""Foundation: staff, station, villages, categories, tiers, settings, audit log."""

from __future__ import annotations

import peewee

VERSION = 1


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Staff(Base):
        username = peewee.CharField(max_length=64, unique=True)
        name = peewee.CharField(max_length=64)
        role = peewee.CharField(max_length=16, index=True)
        phone = peewee.CharField(max_length=32, default="")
        active = peewee.BooleanField(default=True)
        password_hash = peewee.CharField(max_length=255)
        must_change_password = peewee.BooleanField(default=False)
        created_at = peewee.CharField(max_length=32)
        last_sign_in = peewee.CharField(max_length=32, null=True)

    class Station(Base):
        name = peewee.CharField(max_length=128)
        organisation = peewee.CharField(max_length=128, default="")
        address = peewee.CharField(max_length=255, default="")
        phone = peewee.CharField(max_length=64, default="")
        hotlines = peewee.TextField(default="")
        head = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        created_at = peewee.CharField(max_length=32)

    class Village(Base):
        code = peewee.CharField(max_length=32, unique=True)
        name = peewee.CharField(max_length=64)
        kind = peewee.CharField(max_length=16, default="village")
        parent = peewee.ForeignKeyField("self", null=True, on_delete="RESTRICT")
        social_worker = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        active = peewee.BooleanField(default=True)
        sort_order = peewee.IntegerField(default=0)

        class Meta:
            indexes = ((("parent", "name"), True),)

    class Category(Base):
        name = peewee.CharField(max_length=64, unique=True)
        active = peewee.BooleanField(default=True)
        sort_order = peewee.IntegerField(default=0)
        note = peewee.CharField(max_length=255, default="")

    class Tier(Base):
        level = peewee.IntegerField(unique=True)
        name = peewee.CharField(max_length=32, unique=True)
        visit_interval_days = peewee.IntegerField()
        active = peewee.BooleanField(default=True)
        note = peewee.CharField(max_length=255, default="")

    class Setting(Base):
        key = peewee.CharField(max_length=64, unique=True)
        value = peewee.TextField()
        updated_at = peewee.CharField(max_length=32)
        updated_by = peewee.CharField(max_length=64, default="")

    class AuditLog(Base):
        at = peewee.CharField(max_length=32, index=True)
        actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        actor_name = peewee.CharField(max_length=64)
        action = peewee.CharField(max_length=32)
        table_name = peewee.CharField(max_length=64)
        row_id = peewee.IntegerField(null=True)
        old_values = peewee.TextField(null=True)
        new_values = peewee.TextField(null=True)
        note = peewee.TextField(default="")

        class Meta:
            indexes = ((("table_name", "row_id"), False),)

    db.create_tables([Staff, Station, Village, Category, Tier, Setting, AuditLog])

    # The lookup tables a new station starts with; the station edits them from here on.
    categories = [
        "低保", "低保边缘", "支出型困难家庭", "特困供养", "临时救助", "困境儿童", "孤儿",
        "事实无人抚养儿童", "农村留守儿童", "孤寡老人", "独居老人", "空巢老人", "高龄老人",
        "重度残疾人", "残疾人", "重病患者", "计划生育特殊家庭",
    ]
    Category.insert_many(
        [{"name": name, "sort_order": i} for i, name in enumerate(categories, start=1)]
    ).execute()
    tiers = [(1, "一级", 7, "每周走访"), (2, "二级", 14, "每半月走访"),
             (3, "三级", 30, "每月走访"), (4, "四级", 90, "每季度走访")]
    Tier.insert_many(
        [{"level": lv, "name": nm, "visit_interval_days": days, "note": note}
         for lv, nm, days, note in tiers]
    ).execute()
