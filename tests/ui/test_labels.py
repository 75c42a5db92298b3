"""Words for stored codes: every code core can store has one, in both languages."""

from __future__ import annotations

import dataclasses
import datetime as _dt

import pytest

from station_desk.core.festivals import FESTIVALS
from station_desk.core.models import (
    CAMPAIGN_KINDS,
    CAMPAIGN_STATUSES,
    CASH_KINDS,
    DONOR_KINDS,
    ROLES,
    TARGET_STATUSES,
    VILLAGE_KINDS,
    VOUCHER_KINDS,
)
from station_desk.core.models import activities as activity_models  # noqa: E402
from station_desk.core.models import cases as case_models
from station_desk.core.services import households
from station_desk.core.services.pairings import CONTACT_WAYS  # noqa: E402
from station_desk.ui import i18n
from station_desk.ui.dialogs.member_form import MemberDraft
from station_desk.ui.labels import WORDS, label

CODES = {
    "household_status": households.HOUSEHOLD_STATUSES,
    "member_status": households.MEMBER_STATUSES,
    "gender": households.GENDERS,
    "visit_kind": households.VISIT_KINDS,
    "visit_outcome": households.VISIT_OUTCOMES,
    "need_source": households.NEED_SOURCES,
    "need_urgency": households.NEED_URGENCIES,
    "need_status": households.NEED_STATUSES,
    "role": ROLES,
    "village_kind": VILLAGE_KINDS,
    "yes_no": ("yes", "no"),
    "voucher_kind": VOUCHER_KINDS,
    "cash_kind": CASH_KINDS,
    "donor_kind": DONOR_KINDS,
    "target_status": TARGET_STATUSES,
    "campaign_kind": CAMPAIGN_KINDS,
    "campaign_status": CAMPAIGN_STATUSES,
    "festival": tuple(FESTIVALS),
    "case_status": case_models.CASE_STATUSES,
    "case_source": case_models.CASE_SOURCES,
    "risk": case_models.RISK_LEVELS,
    "case_need": case_models.CASE_NEEDS,
    "record_kind": case_models.RECORD_KINDS,
    "referral_status": case_models.REFERRAL_STATUSES,
    "goals_met": case_models.GOALS_MET,
    "activity_kind": activity_models.ACTIVITY_KINDS,
    "activity_status": activity_models.ACTIVITY_STATUSES,
    "project_status": activity_models.PROJECT_STATUSES,
    "pairing_helper": activity_models.PAIRING_HELPERS,
    "contact_way": CONTACT_WAYS,
    "wish_status": activity_models.WISH_STATUSES,
    "wish_payment": activity_models.WISH_PAYMENTS,
}


def test_every_stored_code_has_a_word():
    assert set(WORDS) == set(CODES)
    for kind, codes in CODES.items():
        assert set(WORDS[kind]) == set(codes), kind


def test_an_unknown_code_shows_as_stored():
    assert label("gender", "") == ""
    assert label("visit_kind", "new_kind") == "new_kind"


@pytest.fixture
def chinese(qapp):
    i18n.install_translators(qapp, "zh")
    yield
    i18n.install_translators(qapp, "en")  # other tests expect English


def test_words_follow_the_language(chinese, qapp):
    assert label("household_status", "active") == "在册"
    assert label("visit_outcome", "moved") == "已搬离"
    assert label("role", "kiosk") == "自助终端"
    i18n.install_translators(qapp, "en")
    assert label("household_status", "active") == "On file"


def test_member_draft_carries_every_input_field():
    draft_fields = {f.name for f in dataclasses.fields(MemberDraft)}
    assert {f.name for f in dataclasses.fields(households.MemberInput)} <= draft_fields
    draft = MemberDraft(name="李四", relation="配偶", birthdate="1950-03-07", gender="female",
                        category_ids=[3], kept_phone="138****0000", phone="138****0000")
    data = draft.to_input()
    assert (data.name, data.relation, data.gender, data.birthdate, data.phone, data.category_ids) \
        == ("李四", "配偶", "female", _dt.date(1950, 3, 7), None, (3,))
