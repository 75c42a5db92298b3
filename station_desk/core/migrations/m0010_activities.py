"""Activities with their participants and cards, projects and their cases, pairings and their
contacts, and micro-wishes."""

from __future__ import annotations

import peewee

VERSION = 10


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def existing(name: str) -> type[peewee.Model]:
        meta = type("Meta", (), {"table_name": name})
        return type(name.title().replace("_", ""), (Base,), {"Meta": meta})

    Staff, Household, Member = existing("staff"), existing("household"), existing("member")
    Village, Visit, Case = existing("village"), existing("visit"), existing("case")
    Shift, Team, Volunteer = existing("shift"), existing("team"), existing("volunteer")
    Donor, Donation, Voucher = existing("donor"), existing("donation"), existing("voucher")
    CashEntry, Distribution = existing("cash_entry"), existing("distribution")

    class Project(Base):
        name = peewee.CharField(max_length=128, unique=True)
        funder = peewee.CharField(max_length=128, default="")
        starts_on = peewee.DateField()
        ends_on = peewee.DateField()
        target_groups = peewee.CharField(max_length=255, default="")
        target_families = peewee.IntegerField(default=0)
        target_person_times = peewee.IntegerField(default=0)
        target_services = peewee.IntegerField(default=0)
        target_value_fen = peewee.BigIntegerField(default=0)
        budget_fen = peewee.BigIntegerField(default=0)
        note = peewee.TextField(default="")
        status = peewee.CharField(max_length=16, default="active")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

    class ProjectCase(Base):
        project = peewee.ForeignKeyField(Project, backref="cases", on_delete="CASCADE")
        case = peewee.ForeignKeyField(Case, backref="projects", on_delete="CASCADE")

        class Meta:
            indexes = ((("project", "case"), True),)

    class Activity(Base):
        title = peewee.CharField(max_length=128)
        kind = peewee.CharField(max_length=16)
        held_on = peewee.DateField(index=True)
        start_time = peewee.CharField(max_length=5, default="09:00")
        end_time = peewee.CharField(max_length=5, default="11:00")
        place = peewee.CharField(max_length=128, default="")
        village = peewee.ForeignKeyField(Village, null=True, on_delete="SET NULL")
        theme = peewee.CharField(max_length=255, default="")
        organiser = peewee.CharField(max_length=64, default="")
        partners = peewee.CharField(max_length=255, default="")
        project = peewee.ForeignKeyField(Project, null=True, backref="activities",
                                         on_delete="SET NULL")
        shift = peewee.ForeignKeyField(Shift, null=True, on_delete="SET NULL")
        extra_count = peewee.IntegerField(default=0)
        status = peewee.CharField(max_length=16, default="planned")
        summary = peewee.TextField(default="")
        created_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("project", "held_on"), False), (("kind", "held_on"), False))

    class ActivityParticipant(Base):
        activity = peewee.ForeignKeyField(Activity, backref="participants", on_delete="CASCADE")
        household = peewee.ForeignKeyField(Household, on_delete="RESTRICT")
        member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
        attended = peewee.BooleanField(default=False)

        class Meta:
            indexes = ((("activity", "household", "member"), True),
                       (("household", "activity"), False))

    class ActivityCards(Base):
        activity = peewee.ForeignKeyField(Activity, backref="cards", on_delete="CASCADE")
        distribution = peewee.ForeignKeyField(Distribution, unique=True, on_delete="CASCADE")

    class Pairing(Base):
        helper_kind = peewee.CharField(max_length=16)
        volunteer = peewee.ForeignKeyField(Volunteer, null=True, on_delete="RESTRICT")
        team = peewee.ForeignKeyField(Team, null=True, on_delete="RESTRICT")
        unit = peewee.CharField(max_length=128, default="")
        contact_person = peewee.CharField(max_length=64, default="")
        household = peewee.ForeignKeyField(Household, backref="pairings", on_delete="RESTRICT")
        member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
        every_days = peewee.IntegerField(default=30)
        started_on = peewee.DateField()
        ended_on = peewee.DateField(null=True)
        end_reason = peewee.CharField(max_length=255, default="")
        note = peewee.TextField(default="")
        last_contact_on = peewee.DateField(null=True)
        created_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("household", "ended_on"), False),)

    class PairingContact(Base):
        pairing = peewee.ForeignKeyField(Pairing, backref="contacts", on_delete="CASCADE")
        visit = peewee.ForeignKeyField(Visit, unique=True, on_delete="CASCADE")
        contacted_on = peewee.DateField()
        way = peewee.CharField(max_length=16, default="home_visit")

    class Wish(Base):
        household = peewee.ForeignKeyField(Household, backref="wishes", on_delete="RESTRICT")
        member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
        alias = peewee.CharField(max_length=32)
        what = peewee.CharField(max_length=128)
        why = peewee.TextField(default="")
        estimated_fen = peewee.IntegerField(default=0)
        photo = peewee.BlobField(null=True)
        status = peewee.CharField(max_length=16, default="placed", index=True)
        placed_on = peewee.DateField()
        placed_by = peewee.CharField(max_length=64, default="")
        social_worker = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        taken_on = peewee.DateField(null=True)
        donor = peewee.ForeignKeyField(Donor, null=True, on_delete="RESTRICT")
        adopted_on = peewee.DateField(null=True)
        payment = peewee.CharField(max_length=8, default="")
        donation = peewee.ForeignKeyField(Donation, null=True, on_delete="SET NULL")
        delivered_on = peewee.DateField(null=True)
        voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="SET NULL")
        cash_entry = peewee.ForeignKeyField(CashEntry, null=True, on_delete="SET NULL")
        spent_fen = peewee.IntegerField(default=0)
        rating = peewee.IntegerField(null=True)
        comment = peewee.TextField(default="")
        rated_on = peewee.DateField(null=True)
        cancel_reason = peewee.CharField(max_length=255, default="")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

    db.create_tables([Project, ProjectCase, Activity, ActivityParticipant, ActivityCards,
                      Pairing, PairingContact, Wish])
