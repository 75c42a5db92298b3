"""Households on file: members, ID numbers, visits and the due clock, search, privacy."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core import search
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import AuditLog, Category, Household, Member, Tier, Village
from station_desk.core.services import households as hh
from station_desk.core.services import station

# Valid GB 11643 numbers (check digits computed): a man born 1950-03-07, a woman born 2012-11-20.
OLD_MAN = "44011819500307013X"
GIRL = "440118201211200021"


def _id(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, weights, strict=True)) % 11]


@pytest.fixture
def village(staff_actors):
    return Village.get(Village.name == "麻车村")


@pytest.fixture
def tier3():
    return Tier.get(Tier.level == 3)


def _new(actor, village, name="张三", members=(), tier=None, registered=None, **kw):
    data = hh.HouseholdInput(head_name=name, village_id=village.id, tier_id=tier,
                             registered_on=registered, **kw)
    return hh.create_household(actor, data, list(members))


def test_id_numbers_used_here_are_valid():
    assert _id(OLD_MAN[:17]) == OLD_MAN and _id(GIRL[:17]) == GIRL


def test_create_with_members_derives_birthdate_and_gender(head, village, tier3):
    low = Category.get(Category.name == "低保")
    household = _new(head, village, "王大山", tier=tier3.id, category_ids=[low.id],
                     phone="+86 138 0013 8000", members=[
                         hh.MemberInput("王大山", "户主", id_number=OLD_MAN.lower()),
                         hh.MemberInput("王小花", "孙女", id_number="４４０１１８２０１２１１２０００２１"),
                     ])
    members = list(Member.select().where(Member.household == household.id).order_by(Member.sort_order))
    assert [m.name for m in members] == ["王大山", "王小花"]
    assert members[0].id_number == OLD_MAN and members[0].gender == "male"
    assert members[0].birthdate == dt.date(1950, 3, 7)
    assert members[1].id_number == GIRL and members[1].gender == "female"
    assert household.phone == "13800138000"
    assert household.social_worker_id == village.social_worker_id  # the village's worker by default
    detail = hh.get_household(head, household.id)
    assert detail.categories == "低保"
    assert detail.members[0].id_number == "440***********013X"
    assert detail.phone == "138****8000"


def test_a_head_member_is_added_when_none_given(head, village):
    household = _new(head, village, "李四")
    assert [(m.name, m.relation) for m in household.members] == [("李四", "户主")]


def test_typed_birthdate_or_gender_contradicting_the_id_is_refused(head, village):
    with pytest.raises(ValidationError) as err:
        _new(head, village, members=[hh.MemberInput("张三", id_number=OLD_MAN,
                                                    birthdate=dt.date(1951, 3, 7))])
    assert err.value.code == "id_birthdate_mismatch"
    with pytest.raises(ValidationError) as err:
        _new(head, village, members=[hh.MemberInput("张三", id_number=OLD_MAN, gender="female")])
    assert err.value.code == "id_gender_mismatch"
    assert Household.select().count() == 0


def test_duplicate_id_number_is_refused_naming_the_household(head, village):
    _new(head, village, "王大山", members=[hh.MemberInput("王大山", id_number=OLD_MAN)])
    with pytest.raises(ValidationError) as err:
        _new(head, village, "赵五", members=[hh.MemberInput("赵五", id_number=OLD_MAN)])
    assert err.value.code == "id_taken"
    assert err.value.params["head"] == "王大山" and err.value.params["village"] == "麻车村"
    assert Household.select().count() == 1


def test_old_15_digit_and_excel_float_ids_are_reported(head, village):
    for value, code in (("440118500307013", "id_old_15"), ("4.40118195003070E+17", "id_as_number"),
                        ("440118195003070131", "bad_id_checksum")):
        with pytest.raises(ValidationError) as err:
            _new(head, village, members=[hh.MemberInput("张三", id_number=value)])
        assert err.value.code == code


def test_never_visited_household_is_due_from_registration(head, village, tier3, monkeypatch):
    monkeypatch.setattr(hh, "today", lambda: dt.date(2026, 11, 23))
    household = _new(head, village, tier=tier3.id, registered=dt.date(2026, 9, 1))
    assert household.due_on == dt.date(2026, 10, 1)
    due = hh.due_visits(head)
    assert [(r.head_name, r.days_overdue) for r in due] == [("张三", 53)]


def test_only_a_visited_outcome_resets_the_due_clock(head, village, tier3, monkeypatch):
    monkeypatch.setattr(hh, "today", lambda: dt.date(2026, 11, 23))
    household = _new(head, village, tier=tier3.id, registered=dt.date(2026, 9, 1))
    hh.record_visit(head, household.id, hh.VisitInput(dt.date(2026, 11, 20), outcome="nobody_home"))
    assert Household.get_by_id(household.id).due_on == dt.date(2026, 10, 1)
    visit = hh.record_visit(head, household.id, hh.VisitInput(
        dt.date(2026, 11, 22), needs=["屋顶漏水，需要维修"]))
    refreshed = Household.get_by_id(household.id)
    assert refreshed.last_visit_on == dt.date(2026, 11, 22)
    assert refreshed.due_on == dt.date(2026, 12, 22)
    assert hh.due_visits(head) == []
    detail = hh.get_household(head, household.id)
    assert detail.visits[0].needs == ("屋顶漏水，需要维修",)
    assert detail.needs[0].source == "visit" and detail.needs[0].status == "new"
    hh.delete_visit(head, visit.id, "录错了")
    assert Household.get_by_id(household.id).due_on == dt.date(2026, 10, 1)


def test_tier_interval_change_moves_due_dates(head, village, tier3, monkeypatch):
    monkeypatch.setattr(hh, "today", lambda: dt.date(2026, 11, 23))
    household = _new(head, village, tier=tier3.id, registered=dt.date(2026, 9, 1))
    station.save_tier(head, tier3.id, level=3, name=tier3.name, visit_interval_days=60)
    assert Household.get_by_id(household.id).due_on == dt.date(2026, 10, 31)


def test_closed_household_is_never_due(head, village, tier3, monkeypatch):
    monkeypatch.setattr(hh, "today", lambda: dt.date(2026, 11, 23))
    household = _new(head, village, tier=tier3.id, registered=dt.date(2026, 1, 1))
    hh.close_household(head, household.id, "deceased", "户主去世", dt.date(2026, 11, 1))
    assert hh.due_visits(head) == []
    assert hh.find_household_ids(head, hh.HouseholdQuery()) == []
    assert hh.find_household_ids(head, hh.HouseholdQuery(status=None)) == [household.id]
    hh.reopen_household(head, household.id, "误操作")
    assert len(hh.due_visits(head)) == 1


@pytest.mark.parametrize("name, letters", [("张三", "zs"), ("曾小明", "zxm"), ("单田芳", "stf"),
                                           ("解放", "xf"), ("尉迟恭", "ycg"), ("区志强", "ozq")])
def test_initials_read_surnames_as_surnames(name, letters):
    assert search.initials(name) == letters


def test_search_by_name_initials_id_tail_phone_tail_and_address(head, village):
    a = _new(head, village, "张三", address="麻车村东街 3 号", phone="13800138000",
             members=[hh.MemberInput("张三", id_number=OLD_MAN)])
    b = _new(head, village, "曾小明", members=[hh.MemberInput("曾小明"),
                                               hh.MemberInput("曾思思", "女儿", id_number=GIRL)])

    def found(text):
        return hh.find_household_ids(head, hh.HouseholdQuery(text=text))

    assert found("zs") == [a.id, b.id]  # 张三 zs, and 曾思思 zss in b
    assert found("zss") == [b.id]
    assert found("s") == []  # initials match from the start of a name
    assert found("张") == [a.id]
    assert found("zxm") == [b.id]
    assert found("曾思思") == [b.id]  # a member's name finds the household
    assert found("013x") == [a.id]  # the tail of an ID number, lower-case x
    assert found("0021") == [b.id]
    assert found("8000") == [a.id]  # the tail of a phone
    assert found("东街") == [a.id]
    assert found("100%") == []  # LIKE wildcards are matched literally


def test_filters_and_sorting(head, village, tier3, staff_actors):
    other = station.add_village(head, code="V9", name="田桥村", parent_id=village.parent_id)
    low = Category.get(Category.name == "低保")
    a = _new(head, village, "张三", tier=tier3.id, category_ids=[low.id])
    b = _new(head, other, "艾青")
    query = hh.HouseholdQuery
    assert hh.find_household_ids(head, query()) == [b.id, a.id]  # by pinyin: ai < zhang
    assert hh.find_household_ids(head, query(descending=True)) == [a.id, b.id]
    assert hh.find_household_ids(head, query(village_id=other.id)) == [b.id]
    assert hh.find_household_ids(head, query(village_id=village.parent_id)) == [b.id, a.id]
    assert hh.find_household_ids(head, query(category_id=low.id)) == [a.id]
    assert hh.find_household_ids(head, query(tier_id=tier3.id)) == [a.id]
    assert hh.find_household_ids(head, query(social_worker_id=village.social_worker_id)) == [a.id]
    # a: 麻车村 (sort 0), tier 3, the village's worker; b: 田桥村 (sort 0, code V9), no tier or
    # worker, due never. Empty values: first ascending in SQLite for tier/worker, dates last.
    expected = {"village": [a.id, b.id], "tier": [b.id, a.id], "social_worker": [b.id, a.id],
                "due_on": [a.id, b.id], "last_visit_on": [a.id, b.id], "status": [a.id, b.id],
                "registered_on": [a.id, b.id], "head_name": [b.id, a.id]}
    for key, order in expected.items():
        assert hh.find_household_ids(head, query(sort=key)) == order, key
        if key not in ("due_on", "last_visit_on", "status", "registered_on"):
            assert hh.find_household_ids(head, query(sort=key, descending=True)) == order[::-1], key
    rows = hh.household_rows(head, [a.id, b.id])
    assert [r.head_name for r in rows] == ["张三", "艾青"]
    assert rows[0].categories == "低保" and rows[0].tier_name == tier3.name and rows[0].members == 1


def test_front_desk_never_opens_household_files(head, village, staff_actors):
    household = _new(head, village)
    with pytest.raises(PermissionDenied):
        hh.get_household(staff_actors["front_desk"], household.id)
    with pytest.raises(PermissionDenied):
        hh.find_household_ids(staff_actors["front_desk"], hh.HouseholdQuery())


def test_reveal_is_for_the_head_and_the_villages_social_worker_and_is_audited(head, village, staff_actors):
    from station_desk.core.services import accounts

    household = _new(head, village, phone="13800138000",
                     members=[hh.MemberInput("张三", id_number=OLD_MAN)])
    worker = staff_actors["social_worker"]
    other = accounts.actor_for(accounts.create_staff(head, "other", "别村社工", "social_worker", "secret123"))
    assert hh.get_household(worker, household.id).can_reveal
    assert not hh.get_household(other, household.id).can_reveal
    with pytest.raises(PermissionDenied):
        hh.reveal_household(other, household.id)
    before = AuditLog.select().where(AuditLog.action == "reveal").count()
    full = hh.reveal_household(worker, household.id)
    assert full.members[0].id_number == OLD_MAN and full.phone == "13800138000"
    assert AuditLog.select().where(AuditLog.action == "reveal").count() == before + 1


def test_editing_a_member_from_a_masked_form_keeps_the_numbers(head, village):
    household = _new(head, village, members=[hh.MemberInput("张三", id_number=OLD_MAN, phone="13800138000")])
    member = household.members[0]
    hh.save_member(head, household.id, hh.MemberInput("张三丰", id_number=None, phone=None), member.id)
    member = Member.get_by_id(member.id)
    assert (member.name, member.id_number, member.phone) == ("张三丰", OLD_MAN, "13800138000")
    assert Household.get_by_id(household.id).head_name == "张三丰"  # the 户主 names the household


def test_every_change_is_audited(head, village):
    household = _new(head, village, "张三")
    hh.update_household(head, household.id, hh.HouseholdInput("张三", village.id, address="新地址"))
    row = (AuditLog.select().where((AuditLog.table_name == "household") & (AuditLog.action == "update"))
           .order_by(AuditLog.id.desc()).first())
    assert '"address": "新地址"' in row.new_values


def test_needs_follow_up(head, village):
    household = _new(head, village)
    need = hh.record_need(head, household.id, "需要轮椅", source="hotline", urgency="urgent")
    hh.update_need(head, need.id, status="resolved", follow_up="已链接残联")
    detail = hh.get_household(head, household.id)
    assert detail.needs[0].status == "resolved" and "已链接残联" in detail.needs[0].follow_up


def test_households_follow_their_village_to_a_new_social_worker(head, village, staff_actors):
    from station_desk.core.services import accounts

    newcomer = accounts.create_staff(head, "xin", "新社工", "social_worker", "secret123")
    followed = _new(head, village, "张三")
    kept = _new(head, village, "李四", social_worker_id=newcomer.id)
    other = accounts.create_staff(head, "bie", "别的社工", "social_worker", "secret123")
    station.update_village(head, village.id, social_worker_id=other.id)
    assert Household.get_by_id(followed.id).social_worker_id == other.id
    assert Household.get_by_id(kept.id).social_worker_id == newcomer.id


def test_full_width_search_finds_the_same(head, village):
    a = _new(head, village, "张三", phone="13800138000")
    assert hh.find_household_ids(head, hh.HouseholdQuery(text="８０００")) == [a.id]


def test_moving_to_another_village_hands_the_household_to_its_worker(head, village, staff_actors):
    from station_desk.core.services import accounts

    other_worker = accounts.create_staff(head, "bie", "别村社工", "social_worker", "secret123")
    other = station.add_village(head, code="V9", name="田桥村", parent_id=village.parent_id,
                                social_worker_id=other_worker.id)
    household = _new(head, village, "张三")
    old_worker = Household.get_by_id(household.id).social_worker_id
    # the form sends back the worker it showed
    hh.update_household(head, household.id, hh.HouseholdInput(
        "张三", other.id, social_worker_id=old_worker))
    assert Household.get_by_id(household.id).social_worker_id == other_worker.id
    assert not hh.get_household(staff_actors["social_worker"], household.id).can_reveal


def test_only_an_active_social_worker_can_be_responsible(head, village, staff_actors):
    from station_desk.core.services import accounts

    for actor_role in ("front_desk", "head"):
        staff_id = staff_actors[actor_role] if actor_role != "head" else head.staff_id
        staff_id = getattr(staff_id, "staff_id", staff_id)
        with pytest.raises(ValidationError) as err:
            _new(head, village, social_worker_id=staff_id)
        assert err.value.code == "not_a_social_worker"
    household = _new(head, village)
    worker_id = Household.get_by_id(household.id).social_worker_id
    with pytest.raises(ValidationError) as err:
        accounts.update_staff(head, worker_id, role="front_desk")
    assert err.value.code in ("staff_has_villages", "staff_has_households")


def test_a_worker_with_households_but_no_village_cannot_be_deactivated(head, village):
    from station_desk.core.services import accounts

    extra = accounts.create_staff(head, "xin", "新社工", "social_worker", "secret123")
    _new(head, village, social_worker_id=extra.id)
    with pytest.raises(ValidationError) as err:
        accounts.update_staff(head, extra.id, active=False)
    assert err.value.code == "staff_has_households"


def test_households_live_in_villages_or_groups_not_towns(head, village, staff_actors):
    town = Village.get(Village.kind == "town")
    with pytest.raises(ValidationError) as err:
        _new(head, town)
    assert err.value.code == "household_village_kind"
    group = station.add_village(head, code="V1G1", name="第1经济社", kind="group", parent_id=village.id)
    household = _new(head, group)
    assert Household.get_by_id(household.id).social_worker_id == village.social_worker_id
    assert hh.get_household(staff_actors["social_worker"], household.id).can_reveal


def test_reveal_follows_a_village_handed_over_after_sign_in(head, village, staff_actors):
    from station_desk.core.services import accounts

    worker = staff_actors["social_worker"]  # signed in while responsible for 麻车村
    household = _new(head, village)
    other = accounts.create_staff(head, "bie", "别村社工", "social_worker", "secret123")
    station.update_village(head, village.id, social_worker_id=other.id)
    with pytest.raises(PermissionDenied):
        hh.reveal_household(worker, household.id)


def test_one_head_per_household(head, village):
    household = _new(head, village, "王大山", members=[hh.MemberInput("王大山"),
                                                       hh.MemberInput("李秀英", "配偶")])
    old_head, spouse = household.members.order_by(Member.sort_order)
    with pytest.raises(ValidationError) as err:
        hh.save_member(head, household.id, hh.MemberInput("王大山", "配偶", id_number=None,
                                                          phone=None), old_head.id)
    assert err.value.code == "household_needs_head"
    hh.save_member(head, household.id, hh.MemberInput("李秀英", "户主", id_number=None,
                                                      phone=None), spouse.id)
    relations = {m.name: m.relation for m in Member.select().where(Member.household == household.id)}
    assert relations == {"王大山": "其他", "李秀英": "户主"}
    assert Household.get_by_id(household.id).head_name == "李秀英"


def test_a_visit_before_registration_does_not_make_a_new_file_overdue(head, village, tier3, monkeypatch):
    monkeypatch.setattr(hh, "today", lambda: dt.date(2026, 11, 23))
    household = _new(head, village, tier=tier3.id, registered=dt.date(2026, 11, 23))
    hh.record_visit(head, household.id, hh.VisitInput(dt.date(2025, 10, 1)))
    assert Household.get_by_id(household.id).due_on == dt.date(2026, 12, 23)
    with pytest.raises(ValidationError):
        hh.record_need(head, household.id, "申请临时救助", raised_on=dt.date(2026, 12, 1))
