"""Policy cards: policies and the categories they serve, numbered versions, print runs and
the distribution ledger; a new station gets the starter cards (core.policy_starters) as
published version 1 of each policy."""

from __future__ import annotations

import peewee

VERSION = 7


def up(db: peewee.Database, migrator) -> None:
    from ..clock import stamp
    from ..policy_starters import CHANGE_NOTE, STARTERS

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

    class Household(Base):
        class Meta:
            table_name = "household"

    class Category(Base):
        name = peewee.CharField(max_length=64, unique=True)

        class Meta:
            table_name = "category"

    class Policy(Base):
        title = peewee.CharField(max_length=128)
        short_name = peewee.CharField(max_length=32, unique=True)
        area = peewee.CharField(max_length=32, default="")
        sort_order = peewee.IntegerField(default=0)
        active = peewee.BooleanField(default=True)
        created_at = peewee.CharField(max_length=32)

    class PolicyCategory(Base):
        policy = peewee.ForeignKeyField(Policy, backref="category_links", on_delete="CASCADE")
        category = peewee.ForeignKeyField(Category, on_delete="RESTRICT")

        class Meta:
            indexes = ((("policy", "category"), True),)

    class PolicyVersion(Base):
        policy = peewee.ForeignKeyField(Policy, backref="versions", on_delete="RESTRICT")
        number = peewee.IntegerField()
        title = peewee.CharField(max_length=128, default="")
        eligibility = peewee.TextField(default="")
        standard = peewee.TextField(default="")
        materials = peewee.TextField(default="")
        steps = peewee.TextField(default="")
        hotline = peewee.TextField(default="")
        effective_on = peewee.DateField(null=True)
        change_note = peewee.CharField(max_length=255, default="")
        status = peewee.CharField(max_length=16, default="draft")
        printed = peewee.BooleanField(default=False)
        created_at = peewee.CharField(max_length=32)
        created_by_name = peewee.CharField(max_length=64, default="")
        published_at = peewee.CharField(max_length=32, null=True)

        class Meta:
            indexes = ((("policy", "number"), True),)

    class PrintRun(Base):
        version = peewee.ForeignKeyField(PolicyVersion, backref="print_runs", on_delete="RESTRICT")
        layout = peewee.CharField(max_length=16)
        copies = peewee.IntegerField()
        personalised = peewee.BooleanField(default=False)
        village = peewee.ForeignKeyField(Village, null=True, on_delete="RESTRICT")
        households = peewee.IntegerField(default=0)
        printed_on = peewee.DateField()
        note = peewee.CharField(max_length=255, default="")
        recorded_at = peewee.CharField(max_length=32)
        actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        actor_name = peewee.CharField(max_length=64, default="")

    class Distribution(Base):
        version = peewee.ForeignKeyField(PolicyVersion, backref="distributions",
                                         on_delete="RESTRICT")
        print_run = peewee.ForeignKeyField(PrintRun, null=True, on_delete="RESTRICT")
        village = peewee.ForeignKeyField(Village, null=True, on_delete="RESTRICT")
        household = peewee.ForeignKeyField(Household, null=True, on_delete="RESTRICT")
        quantity = peewee.IntegerField()
        handed_on = peewee.DateField(index=True)
        handed_by = peewee.CharField(max_length=64, default="")
        reverses = peewee.ForeignKeyField("self", null=True, unique=True, on_delete="RESTRICT")
        reason = peewee.CharField(max_length=255, default="")
        recorded_at = peewee.CharField(max_length=32)
        actor = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        actor_name = peewee.CharField(max_length=64, default="")

        class Meta:
            indexes = ((("village", "version"), False),)

    db.create_tables([Policy, PolicyCategory, PolicyVersion, PrintRun, Distribution])
    now = stamp()
    categories = {c.name: c.id for c in Category.select(Category.id, Category.name)}
    for order, starter in enumerate(STARTERS, start=1):
        policy = Policy.create(title=starter.title, short_name=starter.short_name,
                               area=starter.area, sort_order=order, created_at=now)
        for name in starter.categories:
            if name in categories:  # the station may have renamed or removed one
                PolicyCategory.create(policy=policy.id, category=categories[name])
        PolicyVersion.create(policy=policy.id, number=1, title=starter.title,
                             eligibility=starter.eligibility,
                             standard=starter.standard, materials=starter.materials,
                             steps=starter.steps, hotline=starter.hotline,
                             change_note=CHANGE_NOTE, status="published", published_at=now,
                             created_at=now,
                             created_by_name="站务通")
