"""The demo station: realistic, and all or nothing."""

from __future__ import annotations

import pytest

from station_desk.core import demo, events
from station_desk.core.errors import ValidationError
from station_desk.core.models import AuditLog, Staff, Station, Village
from station_desk.core.services import station


def test_demo_fills_an_empty_station_and_announces_it(store):
    heard = []
    unsubscribe = events.subscribe(heard.append)
    try:
        report = demo.fill()
    finally:
        unsubscribe()
    assert report.villages == 26 and Village.select().where(Village.kind == "village").count() == 26
    assert Staff.select().count() == len(demo.PEOPLE)
    assert len(heard) == 1 and {"staff", "station", "village"} <= heard[0]


def test_a_failure_half_way_leaves_the_database_empty(store, monkeypatch):
    real = station.add_village
    calls = []

    def fifth_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise ValidationError("village_code_taken", field="code", value="X")
        return real(*args, **kwargs)

    monkeypatch.setattr(station, "add_village", fifth_fails)
    with pytest.raises(ValidationError):
        demo.fill()

    assert len(calls) == 5
    assert Staff.select().count() == 0
    assert Station.select().count() == 0
    assert Village.select().count() == 0
    assert AuditLog.select().count() == 0
    monkeypatch.setattr(station, "add_village", real)
    assert demo.fill().villages == 26  # and it can simply be run again


def test_demo_refuses_a_station_with_accounts(head):
    with pytest.raises(ValidationError) as caught:
        demo.fill()
    assert caught.value.code == "demo_not_empty"
    assert Staff.select().count() == 1


def test_demo_accounts_sign_in_with_the_published_password(store):
    from station_desk.core import demo
    from station_desk.core.services import accounts

    demo.fill()
    for username in ("huanghaiyan", "linxiaoyan"):
        actor = accounts.authenticate(username, demo.DEMO_PASSWORD)
        assert not accounts.must_change_password(actor)


# --- households ------------------------------------------------------------------------------

ZENGCHENG = {"440125", "440183", "440118"}  # 增城县, 增城市, 增城区: the code when issued
MALE = {"儿子", "孙子", "父亲"}
FEMALE = {"女儿", "孙女", "母亲"}


def _members_by_household():
    from station_desk.core.models import Member

    by_household = {}
    for member in Member.select().order_by(Member.sort_order, Member.id):
        by_household.setdefault(member.household_id, []).append(member)
    return by_household


def test_the_default_demo_is_the_seeds_station(store):
    from station_desk.core.demo_households import STATION_HOUSEHOLDS, STATION_PEOPLE
    from station_desk.core.models import Household, Member
    from station_desk.core.services import households as hh

    assert (STATION_HOUSEHOLDS, STATION_PEOPLE) == (1426, 1912)
    report = demo.fill(households=STATION_HOUSEHOLDS)
    figures = report.households
    assert figures.households == Household.select().count() == 1426
    assert figures.members == Member.select().count()
    assert abs(figures.members - 1912) < 1912 * 0.05  # mostly people living alone
    active = Household.select().where(Household.status == "active").count()
    assert 0.10 <= figures.overdue / active <= 0.20  # a realistic share is overdue today
    assert figures.overdue == len(hh.due_visits(accounts_head()))
    assert 0 < figures.closed < 60 and 0 < figures.needs < 120


def accounts_head():
    from station_desk.core.services import accounts

    return accounts.actor_for(Staff.get(Staff.role == "head"))


def test_demo_members_have_valid_id_numbers_agreeing_with_who_they_are(store):
    from station_desk.core import validate
    from station_desk.core.models import Household

    demo.fill(households=300)
    by_household = _members_by_household()
    numbers = [m.id_number for members in by_household.values() for m in members]
    assert len(numbers) == len(set(numbers)) and None not in numbers
    for household in Household.select():
        members = by_household[household.id]
        head = members[0]
        assert (head.relation, head.name) == ("户主", household.head_name)
        assert [m.relation for m in members].count("户主") == 1
        for member in members:
            assert validate.id_number(member.id_number) == member.id_number
            assert member.id_number[:6] in ZENGCHENG
            assert validate.id_gender(member.id_number) == member.gender
            assert validate.id_birthdate(member.id_number) == member.birthdate
            assert validate.phone(member.phone) == member.phone
            if member.relation in MALE:
                assert member.gender == "male"
            if member.relation in FEMALE:
                assert member.gender == "female"
            if member.relation == "配偶":
                assert member.gender != head.gender
            if member.relation in ("孙子", "孙女"):
                assert 2008 <= member.birthdate.year <= 2022
            if member.relation in ("儿子", "女儿"):
                assert member.birthdate.year >= head.birthdate.year + 18
        assert validate.phone(household.phone) == household.phone
        assert household.address.startswith(household.village.name)
        assert household.social_worker_id == household.village.social_worker_id
        assert household.category_links.count() >= 1
    elderly_heads = [ms[0].birthdate.year for ms in by_household.values()
                     if ms[0].birthdate.year <= 1965]
    assert len(elderly_heads) > 200 and min(elderly_heads) >= 1930


def test_demo_derived_columns_are_what_the_services_compute(store):
    from station_desk.core import clock
    from station_desk.core.db import write_transaction
    from station_desk.core.models import Household, Need, Visit
    from station_desk.core.services import households as hh

    demo.fill(households=150)
    today = clock.today()
    stored = {h.id: (h.last_visit_on, h.due_on, h.search_text, h.head_initials)
              for h in Household.select()}
    for household in Household.select():
        assert household.due_on == hh.due_date(household)
        for visit in Visit.select().where(Visit.household == household.id):
            assert household.registered_on <= visit.visited_on <= today
    with write_transaction():
        for household in Household.select():
            hh._refresh_derived(household)  # what any edit of the household would store
    again = {h.id: (h.last_visit_on, h.due_on, h.search_text, h.head_initials)
             for h in Household.select()}
    assert again == stored
    overdue = [h for h in Household.select() if h.due_on and h.due_on < today]
    assert 0 < len(overdue) < len(stored) / 3
    assert Visit.select().where(Visit.outcome == "nobody_home").count() > 0
    needs = list(Need.select())
    assert needs
    for need in needs:
        # a hotline caller not on file raises a need without a household (issue #10)
        assert need.household is not None or need.source == "hotline"
        assert need.household is None or need.household.registered_on <= need.raised_on <= today
        assert need.member is None or need.member.household_id == need.household_id
        assert (need.resolved_on is not None) == (need.status in ("resolved", "referred"))
        assert need.visit is None or need.visit.household_id == need.household_id


def test_search_finds_demo_people_by_initials_surnames_and_number_tails(store):
    from station_desk.core.models import Household, Member
    from station_desk.core.services import households as hh

    demo.fill(households=80)
    head = accounts_head()

    def found(text):
        ids = hh.find_household_ids(head, hh.HouseholdQuery(text=text, status=None))
        return {h.head_name for h in Household.select().where(Household.id.in_(ids))}

    # Surnames read as surnames: 曾 zeng, 单 shan, 解 xie, 区 ou.
    assert "曾小妹" in found("zxm") and "曾小妹" in found("曾小")
    assert "单丽华" in found("slh") and "解国强" in found("xgq") and "区少英" in found("osy")
    assert {"刘䶮", "黄𠮷妹"} <= found("") and "刘䶮" in found("䶮")  # characters fonts lack
    member = Member.select().where(Member.relation != "户主").first()
    assert member.household.head_name in found(member.id_number[-6:])
    with_phone = Household.select().where(Household.phone != "").first()
    assert with_phone.head_name in found(with_phone.phone[-4:])


def test_demo_households_are_written_in_the_one_transaction(store, monkeypatch):
    from station_desk.core import demo_households
    from station_desk.core.models import Household, Member, Visit

    real = demo_households.bulk_insert

    def visits_fail(model, rows):
        if model is Visit:
            raise ValidationError("integrity", detail="disk full")
        real(model, rows)

    monkeypatch.setattr(demo_households, "bulk_insert", visits_fail)
    with pytest.raises(ValidationError):
        demo.fill(households=20)
    assert (Staff.select().count(), Household.select().count(), Member.select().count()) == (0, 0, 0)


def test_one_audit_row_records_the_demo_households_and_pages_hear_of_them(store):
    import json

    heard = []
    unsubscribe = events.subscribe(heard.append)
    try:
        report = demo.fill(households=25)
    finally:
        unsubscribe()
    rows = list(AuditLog.select().where(AuditLog.table_name == "household"))
    assert len(rows) == 1
    assert json.loads(rows[0].new_values)["households"] == report.households.households == 25
    assert {"household", "member", "visit", "need"} <= heard[0]


def test_the_number_of_demo_households_is_checked(store):
    from station_desk import cli
    from station_desk.core.models import Household

    assert cli.DEMO_HOUSEHOLDS_MAX == demo.MAX_HOUSEHOLDS
    with pytest.raises(ValidationError):
        demo.fill(households=-1)
    assert demo.fill(households=0).households.households == 0
    assert Household.select().count() == 0
