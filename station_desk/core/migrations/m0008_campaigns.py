"""Holiday visit campaigns and monthly home-visit days: campaigns, their target rules, teams
and members, the target list with outcomes, and the teams' days out (home-visit shifts)."""

from __future__ import annotations

import peewee

VERSION = 8


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def existing(name: str) -> type[peewee.Model]:
        meta = type("Meta", (), {"table_name": name})
        return type(name.title().replace("_", ""), (Base,), {"Meta": meta})

    Staff, Household, Visit = existing("staff"), existing("household"), existing("visit")
    PackageKind, Voucher = existing("package_kind"), existing("voucher")
    Shift, Volunteer = existing("shift"), existing("volunteer")

    class Campaign(Base):
        name = peewee.CharField(max_length=128)
        kind = peewee.CharField(max_length=16, default="holiday")
        theme = peewee.CharField(max_length=255, default="")
        festival = peewee.CharField(max_length=16, default="")
        festival_on = peewee.DateField(null=True)
        starts_on = peewee.DateField()
        ends_on = peewee.DateField()
        budget_fen = peewee.IntegerField(default=0)
        status = peewee.CharField(max_length=8, default="open", index=True)
        note = peewee.TextField(default="")
        created_at = peewee.CharField(max_length=32)
        created_by_name = peewee.CharField(max_length=64, default="")
        closed_on = peewee.DateField(null=True)
        close_note = peewee.CharField(max_length=255, default="")

    class CampaignRule(Base):
        campaign = peewee.ForeignKeyField(Campaign, backref="rules", on_delete="CASCADE")
        position = peewee.IntegerField(default=0)
        category_ids = peewee.CharField(max_length=255, default="")
        tier_ids = peewee.CharField(max_length=255, default="")
        village_ids = peewee.CharField(max_length=1000, default="")
        min_age = peewee.IntegerField(null=True)
        active_only = peewee.BooleanField(default=True)
        package = peewee.ForeignKeyField(PackageKind, null=True, on_delete="RESTRICT")
        package_count = peewee.IntegerField(default=1)

    class CampaignTeam(Base):
        campaign = peewee.ForeignKeyField(Campaign, backref="teams", on_delete="CASCADE")
        name = peewee.CharField(max_length=64)
        leader = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        partner = peewee.CharField(max_length=128, default="")
        phone = peewee.CharField(max_length=32, default="")
        sort_order = peewee.IntegerField(default=0)

        class Meta:
            indexes = ((("campaign", "name"), True),)

    class CampaignTeamMember(Base):
        team = peewee.ForeignKeyField(CampaignTeam, backref="members", on_delete="CASCADE")
        volunteer = peewee.ForeignKeyField(Volunteer, on_delete="RESTRICT")

        class Meta:
            indexes = ((("team", "volunteer"), True),)

    class CampaignTarget(Base):
        campaign = peewee.ForeignKeyField(Campaign, backref="targets", on_delete="CASCADE")
        household = peewee.ForeignKeyField(Household, on_delete="RESTRICT")
        rule = peewee.ForeignKeyField(CampaignRule, null=True, on_delete="SET NULL")
        package = peewee.ForeignKeyField(PackageKind, null=True, on_delete="RESTRICT")
        package_count = peewee.IntegerField(default=1)
        status = peewee.CharField(max_length=16, default="open")
        added_reason = peewee.CharField(max_length=255, default="")
        removed_reason = peewee.CharField(max_length=255, default="")
        team = peewee.ForeignKeyField(CampaignTeam, null=True, backref="targets",
                                      on_delete="SET NULL")
        route_order = peewee.IntegerField(default=0)
        planned_on = peewee.DateField(null=True)
        attempts = peewee.IntegerField(default=0)
        outcome_on = peewee.DateField(null=True)
        visitors = peewee.CharField(max_length=255, default="")
        voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")
        signed = peewee.BooleanField(default=False)
        visit = peewee.ForeignKeyField(Visit, null=True, on_delete="SET NULL")
        needs_found = peewee.IntegerField(default=0)
        updated_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("campaign", "household"), True), (("campaign", "status"), False),
                       (("team", "route_order"), False))

    class CampaignCall(Base):
        target = peewee.ForeignKeyField(CampaignTarget, backref="calls", on_delete="CASCADE")
        visit = peewee.ForeignKeyField(Visit, unique=True, on_delete="CASCADE")

    class CampaignOuting(Base):
        campaign = peewee.ForeignKeyField(Campaign, backref="outings", on_delete="CASCADE")
        team = peewee.ForeignKeyField(CampaignTeam, backref="outings", on_delete="CASCADE")
        shift = peewee.ForeignKeyField(Shift, unique=True, on_delete="RESTRICT")

    db.create_tables([Campaign, CampaignRule, CampaignTeam, CampaignTeamMember, CampaignTarget,
                      CampaignCall, CampaignOuting])
