"""Case work (个案) and the hotline's call log.

A case belongs to a household (or one of its members) and to the social worker responsible
for it. It moves through the social-work process 接案 → 预估 → 计划 → 介入 → 评估 → 结案, and
after closing its follow-ups (回访) fall due. Assessments and plans are kept as versions
(a re-assessment is a new row); service records are a ledger: appended, and a mistake is
corrected by a new record that names the one it corrects. Calls to the station's hotline
lines are logged, each with the need it raised.
"""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .households import Household, Member, Need
from .inventory import Voucher

CASE_STATUSES = ("intake", "assessment", "plan", "intervention", "evaluation", "closed")
CASE_SOURCES = ("visit", "hotline", "walk_in", "village", "referral", "other")
RISK_LEVELS = ("high", "medium", "low")
# 需求: what the assessment found the person needs
CASE_NEEDS = ("care", "counselling", "medical", "resources", "integration", "skills", "policy",
              "schooling", "other")
RECORD_KINDS = ("interview", "phone", "home_visit", "accompany", "resource", "group", "other")
REFERRAL_STATUSES = ("referred", "accepted", "resolved", "unresolved")
GOALS_MET = ("met", "partly", "not_met")


class Case(BaseModel):
    """个案."""

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


class CaseAssessment(BaseModel):
    """需求评估 (预估): one row per assessment; a re-assessment is a new row."""

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


class CasePlan(BaseModel):
    """服务方案: one row per version of the plan."""

    case = peewee.ForeignKeyField(Case, backref="plans", on_delete="CASCADE")
    made_on = peewee.DateField()
    goals = peewee.TextField()
    partners = peewee.TextField(default="")  # 社区民政专干, 区残联, 学校 ... one a line
    note = peewee.TextField(default="")
    by_name = peewee.CharField(max_length=64, default="")
    created_at = peewee.CharField(max_length=32)


class CasePlanAction(BaseModel):
    plan = peewee.ForeignKeyField(CasePlan, backref="actions", on_delete="CASCADE")
    position = peewee.IntegerField(default=0)
    action = peewee.CharField(max_length=255)
    owner = peewee.CharField(max_length=64, default="")
    due_on = peewee.DateField(null=True)


class CaseRecord(BaseModel):
    """服务记录: appended, never edited; a correction names the record it corrects."""

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


class CaseReferral(BaseModel):
    """转介."""

    case = peewee.ForeignKeyField(Case, backref="referrals", on_delete="CASCADE")
    unit = peewee.CharField(max_length=128)  # 区残联, 镇卫生院 ...
    purpose = peewee.TextField()
    referred_on = peewee.DateField()
    status = peewee.CharField(max_length=16, default="referred")
    answer = peewee.TextField(default="")
    updated_on = peewee.DateField(null=True)
    created_at = peewee.CharField(max_length=32)


class CaseFollowUp(BaseModel):
    """回访 after closing: scheduled when the case closes, done with a note."""

    case = peewee.ForeignKeyField(Case, backref="follow_ups", on_delete="CASCADE")
    due_on = peewee.DateField()
    done_on = peewee.DateField(null=True)
    note = peewee.TextField(default="")
    by_name = peewee.CharField(max_length=64, default="")

    class Meta:
        indexes = ((("case", "due_on"), False),)


class HotlineCall(BaseModel):
    """A call to one of the station's hotline numbers, and the need it raised."""

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
