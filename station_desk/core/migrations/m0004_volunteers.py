"""Volunteers: teams, skills, volunteers, cards, shift templates, shifts, assignments,
attendance events."""

from __future__ import annotations

import peewee

VERSION = 4


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Staff(Base):
        class Meta:
            table_name = "staff"

    class Team(Base):
        name = peewee.CharField(max_length=64, unique=True)
        active = peewee.BooleanField(default=True)
        sort_order = peewee.IntegerField(default=0)
        note = peewee.CharField(max_length=255, default="")

    class Skill(Base):
        name = peewee.CharField(max_length=32, unique=True)
        active = peewee.BooleanField(default=True)
        sort_order = peewee.IntegerField(default=0)

    class Volunteer(Base):
        name = peewee.CharField(max_length=64)
        name_initials = peewee.CharField(max_length=64, default="", index=True)
        gender = peewee.CharField(max_length=8, default="")
        phone = peewee.CharField(max_length=32, default="")
        phone_tail = peewee.CharField(max_length=4, default="", index=True)
        id_number = peewee.CharField(max_length=18, null=True, unique=True)
        birthdate = peewee.DateField(null=True)
        party_member = peewee.BooleanField(default=False)
        team = peewee.ForeignKeyField(Team, null=True, on_delete="SET NULL")
        team_leader = peewee.BooleanField(default=False)
        platform_number = peewee.CharField(max_length=64, default="")
        joined_on = peewee.DateField(null=True)
        status = peewee.CharField(max_length=16, default="active", index=True)
        emergency_contact = peewee.CharField(max_length=64, default="")
        emergency_phone = peewee.CharField(max_length=32, default="")
        notes = peewee.TextField(default="")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

    class VolunteerSkill(Base):
        volunteer = peewee.ForeignKeyField(Volunteer, on_delete="CASCADE")
        skill = peewee.ForeignKeyField(Skill, on_delete="RESTRICT")

        class Meta:
            indexes = ((("volunteer", "skill"), True),)

    class CardToken(Base):
        volunteer = peewee.ForeignKeyField(Volunteer, on_delete="CASCADE")
        token = peewee.CharField(max_length=32, unique=True)
        issued_at = peewee.CharField(max_length=32)
        revoked_at = peewee.CharField(max_length=32, null=True)
        revoked_reason = peewee.CharField(max_length=255, default="")

    class ShiftTemplate(Base):
        name = peewee.CharField(max_length=64)
        kind = peewee.CharField(max_length=16)
        place = peewee.CharField(max_length=64, default="")
        weekdays = peewee.CharField(max_length=16, default="")
        start_time = peewee.CharField(max_length=5)
        end_time = peewee.CharField(max_length=5)
        capacity = peewee.IntegerField(default=1)
        skill = peewee.ForeignKeyField(Skill, null=True, on_delete="SET NULL")
        active = peewee.BooleanField(default=True)

    class Shift(Base):
        template = peewee.ForeignKeyField(ShiftTemplate, null=True, on_delete="SET NULL")
        name = peewee.CharField(max_length=64)
        kind = peewee.CharField(max_length=16)
        place = peewee.CharField(max_length=64, default="")
        day = peewee.DateField(index=True)
        start_time = peewee.CharField(max_length=5)
        end_time = peewee.CharField(max_length=5)
        capacity = peewee.IntegerField(default=1)
        skill = peewee.ForeignKeyField(Skill, null=True, on_delete="SET NULL")
        note = peewee.CharField(max_length=255, default="")
        created_at = peewee.CharField(max_length=32)

    class Assignment(Base):
        shift = peewee.ForeignKeyField(Shift, on_delete="CASCADE")
        volunteer = peewee.ForeignKeyField(Volunteer, on_delete="CASCADE")
        status = peewee.CharField(max_length=16, default="planned")
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("shift", "volunteer"), True), (("volunteer", "shift"), False))

    class AttendanceEvent(Base):
        volunteer = peewee.ForeignKeyField(Volunteer, on_delete="CASCADE")
        kind = peewee.CharField(max_length=16)
        at = peewee.CharField(max_length=32)
        sign_in_at = peewee.CharField(max_length=32, null=True)
        sign_out_at = peewee.CharField(max_length=32, null=True)
        opens = peewee.ForeignKeyField("self", null=True, on_delete="CASCADE")
        shift = peewee.ForeignKeyField(Shift, null=True, on_delete="SET NULL")
        source = peewee.CharField(max_length=16, default="kiosk")
        walk_in = peewee.BooleanField(default=False)
        reason = peewee.CharField(max_length=255, default="")
        recorded_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        recorded_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("volunteer", "at"), False), (("opens", "kind"), False), (("kind", "at"), False))

    db.create_tables([Team, Skill, Volunteer, VolunteerSkill, CardToken, ShiftTemplate, Shift,
                      Assignment, AttendanceEvent])
    # The skill tags a new station starts with; it edits them from here on.
    Skill.insert_many([{"name": name, "sort_order": i} for i, name in enumerate(
        ("医疗", "理发", "心理", "法律", "驾驶", "维修", "文艺", "教育辅导"), start=1)]).execute()
