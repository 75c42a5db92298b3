"""Households on file (一户一档), their members, visits and needs (群众诉求)."""

from __future__ import annotations

import peewee

from .accounts import Staff
from .base import BaseModel
from .station import Category, Tier, Village

HOUSEHOLD_STATUSES = ("active", "moved", "deceased", "closed")
GENDERS = ("male", "female")
MEMBER_STATUSES = ("active", "moved_out", "deceased")
# 与户主关系: free text in ledgers; these are offered in forms and recognised on import.
RELATIONS = ("户主", "配偶", "子女", "儿子", "女儿", "儿媳", "女婿", "父母", "父亲", "母亲",
             "孙子女", "孙子", "孙女", "外孙子女", "兄弟姐妹", "祖父母", "其他")
VISIT_KINDS = ("routine", "holiday", "visit_day", "hotline", "pairing")
# Only "visited" resets the due clock (a nobody-home call needs a revisit).
VISIT_OUTCOMES = ("visited", "nobody_home", "declined", "moved", "deceased")
NEED_SOURCES = ("visit", "hotline", "walk_in", "village", "referral", "other")
NEED_URGENCIES = ("low", "normal", "urgent")
# case: turned into a case (个案), which follows it from there
NEED_STATUSES = ("new", "in_progress", "resolved", "referred", "resource", "case")


class Household(BaseModel):
    """服务对象户. ``last_visit_on`` and ``due_on`` are derived, kept by the services."""

    head_name = peewee.CharField(max_length=64)
    head_initials = peewee.CharField(max_length=64, default="")  # sorts by pinyin
    village = peewee.ForeignKeyField(Village, backref="households", on_delete="RESTRICT")
    address = peewee.CharField(max_length=255, default="")
    phone = peewee.CharField(max_length=32, default="")
    tier = peewee.ForeignKeyField(Tier, null=True, backref="households", on_delete="RESTRICT")
    social_worker = peewee.ForeignKeyField(Staff, null=True, backref="households",
                                           on_delete="SET NULL")
    status = peewee.CharField(max_length=16, default="active")
    status_reason = peewee.CharField(max_length=255, default="")
    status_date = peewee.DateField(null=True)
    registered_on = peewee.DateField()
    notes = peewee.TextField(default="")
    last_visit_on = peewee.DateField(null=True)
    due_on = peewee.DateField(null=True)
    # Lower-case words the search box matches: names, their pinyin initials, address,
    # phones and ID numbers of the head and members (never shown).
    search_text = peewee.TextField(default="")
    created_at = peewee.CharField(max_length=32)
    updated_at = peewee.CharField(max_length=32)

    class Meta:
        # One index per sort column of the list, each holding status: the list reads its
        # ids in order from the index alone (migration 3 explains the choice).
        indexes = ((("village", "status"), False), (("social_worker", "status"), False),
                   (("head_initials", "head_name", "status"), False),
                   (("due_on", "status"), False), (("last_visit_on", "status"), False),
                   (("registered_on", "status"), False), (("tier", "status"), False))


class HouseholdCategory(BaseModel):
    household = peewee.ForeignKeyField(Household, backref="category_links", on_delete="CASCADE")
    category = peewee.ForeignKeyField(Category, on_delete="RESTRICT")

    class Meta:
        indexes = ((("household", "category"), True), (("category", "household"), False))


class Member(BaseModel):
    """成员 (the head is a member too, relation 户主)."""

    household = peewee.ForeignKeyField(Household, backref="members", on_delete="CASCADE")
    name = peewee.CharField(max_length=64)
    relation = peewee.CharField(max_length=16, default="户主")
    gender = peewee.CharField(max_length=8, default="")
    birthdate = peewee.DateField(null=True)
    id_number = peewee.CharField(max_length=18, null=True, unique=True)  # NULL when unknown
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


class MemberCategory(BaseModel):
    member = peewee.ForeignKeyField(Member, backref="category_links", on_delete="CASCADE")
    category = peewee.ForeignKeyField(Category, on_delete="RESTRICT")

    class Meta:
        indexes = ((("member", "category"), True),)


class Visit(BaseModel):
    """走访: one call at a household, whatever its outcome."""

    household = peewee.ForeignKeyField(Household, backref="visits", on_delete="CASCADE")
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


class Need(BaseModel):
    """群众诉求: what a household or member asked for, wherever it was heard."""

    household = peewee.ForeignKeyField(Household, null=True, backref="needs", on_delete="CASCADE")
    member = peewee.ForeignKeyField(Member, null=True, on_delete="SET NULL")
    source = peewee.CharField(max_length=16, default="visit")
    visit = peewee.ForeignKeyField(Visit, null=True, backref="needs", on_delete="SET NULL")
    content = peewee.TextField()
    urgency = peewee.CharField(max_length=16, default="normal")
    status = peewee.CharField(max_length=16, default="new", index=True)
    follow_up = peewee.TextField(default="")
    raised_on = peewee.DateField()
    resolved_on = peewee.DateField(null=True)
    recorded_by = peewee.ForeignKeyField(Staff, null=True, on_delete="SET NULL")
    created_at = peewee.CharField(max_length=32)
