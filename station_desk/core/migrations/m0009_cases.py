"""Case work: cases with their assessments, plans and actions, service records, referrals and
follow-ups; and the hotline's call log."""

from __future__ import annotations

import peewee

VERSION = 9


def up(db: peewee.Database, migrator) -> None:
    class Base(peewee.Model):
        class Meta:
            database = db
            legacy_table_names = False

    def existing(name: str) -> type[peewee.Model]:
        meta = type("Meta", (), {"table_name": name})
        return type(name.title().replace("_", ""), (Base,), {"Meta": meta})

    Staff, Household, Member = existing("staff"), existing("household"), existing("member")
    Need, Voucher = existing("need"), existing("voucher")

    class Case(Base):
        household = peewee.ForeignKeyField(Household, backref="cases", on_delete="RESTRICT")
        member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
        social_worker = peewee.ForeignKeyField(Staff, backref="cases", on_delete="RESTRICT")
        opened_on = peewee.DateField()
        source = peewee.CharField(max_length=16, default="visit")
        need = peewee.ForeignKeyField(Need, null=True, on_delete="SET NULL")  # where it came from
        problem = peewee.TextField()  # 主要问题 as presented
        status = peewee.CharField(max_length=16, default="intake")
        risk = peewee.CharField(max_length=8, default="")
        closed_on = peewee.DateField(null=True)
        close_reason = peewee.CharField(max_length=255, default="")
        goals_met = peewee.CharField(max_length=8, default="")
        summary = peewee.TextField(default="")  # 总结
        reflection = peewee.TextField(default="")  # 反思
        # derived, kept by the services: the list filters and sorts on them
        last_record_on = peewee.DateField(null=True)
        follow_up_on = peewee.DateField(null=True)  # the next follow-up still to do
        created_at = peewee.CharField(max_length=32)
        updated_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("social_worker", "status"), False), (("status", "opened_on"), False),
                       (("household", "status"), False))


    class CaseAssessment(Base):
        case = peewee.ForeignKeyField(Case, backref="assessments", on_delete="CASCADE")
        assessed_on = peewee.DateField()
        living = peewee.TextField(default="")  # 居住状况
        health = peewee.TextField(default="")  # 健康状况
        medication = peewee.TextField(default="")  # 用药情况
        self_care = peewee.TextField(default="")  # 生活自理能力
        emotion = peewee.TextField(default="")  # 情绪认知情况
        guardianship = peewee.TextField(default="")  # 监护情况
        schooling = peewee.TextField(default="")  # 就学情况
        development = peewee.TextField(default="")  # 身心发展
        economy = peewee.TextField(default="")  # 经济状况
        support = peewee.TextField(default="")  # 社会支持
        needs = peewee.CharField(max_length=255, default="")  # CASE_NEEDS codes, comma-separated
        needs_note = peewee.TextField(default="")
        risk = peewee.CharField(max_length=8, default="")
        by_name = peewee.CharField(max_length=64, default="")
        created_at = peewee.CharField(max_length=32)


    class CasePlan(Base):
        case = peewee.ForeignKeyField(Case, backref="plans", on_delete="CASCADE")
        made_on = peewee.DateField()
        goals = peewee.TextField()
        partners = peewee.TextField(default="")  # 社区民政专干, 区残联, 学校 ... one a line
        note = peewee.TextField(default="")
        by_name = peewee.CharField(max_length=64, default="")
        created_at = peewee.CharField(max_length=32)


    class CasePlanAction(Base):
        plan = peewee.ForeignKeyField(CasePlan, backref="actions", on_delete="CASCADE")
        position = peewee.IntegerField(default=0)
        action = peewee.CharField(max_length=255)
        owner = peewee.CharField(max_length=64, default="")
        due_on = peewee.DateField(null=True)


    class CaseRecord(Base):
        case = peewee.ForeignKeyField(Case, backref="records", on_delete="CASCADE")
        served_on = peewee.DateField()
        kind = peewee.CharField(max_length=16, default="interview")
        minutes = peewee.IntegerField(default=0)
        workers = peewee.CharField(max_length=255, default="")
        volunteers = peewee.CharField(max_length=255, default="")
        content = peewee.TextField()
        voucher = peewee.ForeignKeyField(Voucher, null=True, on_delete="RESTRICT")  # goods given
        corrects = peewee.ForeignKeyField("self", null=True, backref="corrections",
                                          on_delete="RESTRICT")
        by_name = peewee.CharField(max_length=64, default="")
        created_at = peewee.CharField(max_length=32)

        class Meta:
            indexes = ((("case", "served_on"), False),)


    class CaseReferral(Base):
        case = peewee.ForeignKeyField(Case, backref="referrals", on_delete="CASCADE")
        unit = peewee.CharField(max_length=128)  # 区残联, 镇卫生院 ...
        purpose = peewee.TextField()
        referred_on = peewee.DateField()
        status = peewee.CharField(max_length=16, default="referred")
        answer = peewee.TextField(default="")
        updated_on = peewee.DateField(null=True)
        created_at = peewee.CharField(max_length=32)


    class CaseFollowUp(Base):
        case = peewee.ForeignKeyField(Case, backref="follow_ups", on_delete="CASCADE")
        due_on = peewee.DateField()
        done_on = peewee.DateField(null=True)
        note = peewee.TextField(default="")
        by_name = peewee.CharField(max_length=64, default="")

        class Meta:
            indexes = ((("case", "due_on"), False),)


    class HotlineCall(Base):
        called_at = peewee.CharField(max_length=32, index=True)  # local time, ISO
        line = peewee.CharField(max_length=32, default="")  # which of the station's numbers
        caller = peewee.CharField(max_length=64, default="")
        caller_phone = peewee.CharField(max_length=32, default="")
        household = peewee.ForeignKeyField(Household, null=True, on_delete="SET NULL")
        need = peewee.ForeignKeyField(Need, null=True, on_delete="SET NULL")
        content = peewee.TextField()
        urgency = peewee.CharField(max_length=16, default="normal")
        action = peewee.TextField(default="")  # what was done on the call
        answered_by = peewee.CharField(max_length=64, default="")
        recorded_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
        created_at = peewee.CharField(max_length=32)

    db.create_tables([Case, CaseAssessment, CasePlan, CasePlanAction, CaseRecord, CaseReferral,
                      CaseFollowUp, HotlineCall])
