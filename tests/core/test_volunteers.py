"""The volunteer registry: ID numbers checked as for households, one leader a team, phone
tails for the kiosk, pinyin search, revocable cards, and the front desk's reach."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import AuditLog, CardToken, Skill, Volunteer
from station_desk.core.services import households as hh
from station_desk.core.services import volunteers as vs
from station_desk.messages import describe_error


def _skill(name):
    return Skill.get(Skill.name == name)


def _id(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(c) * w for c, w in zip(prefix17, weights, strict=True)) % 11]


MAN = "44011819500307013X"  # a man born 1950-03-07
WOMAN = _id("44011819520611002")  # a woman born 1952-06-11


@pytest.fixture
def team(head):
    return vs.save_team(head, name="党员先锋队")


@pytest.fixture
def desk(staff_actors):
    return staff_actors["front_desk"]


def test_id_number_gives_birthdate_and_gender_and_lower_x_is_accepted(head, team):
    v = vs.create_volunteer(head, vs.VolunteerInput(
        "张三丰", id_number=MAN.lower(), phone="１３８ ００１３ ８０００", team_id=team.id))
    v = Volunteer.get_by_id(v.id)
    assert v.id_number == MAN
    assert v.birthdate == dt.date(1950, 3, 7) and v.gender == "male"
    assert v.phone == "13800138000" and v.phone_tail == "8000"
    assert v.name_initials == "zsf"


def test_contradicting_birthdate_or_gender_is_refused(head):
    with pytest.raises(ValidationError) as err:
        vs.create_volunteer(head, vs.VolunteerInput("李四", id_number=MAN, gender="female"))
    assert err.value.code == "id_gender_mismatch"
    with pytest.raises(ValidationError) as err:
        vs.create_volunteer(head, vs.VolunteerInput("李四", id_number=MAN,
                                                    birthdate=dt.date(1950, 3, 8)))
    assert err.value.code == "id_birthdate_mismatch"
    with pytest.raises(ValidationError) as err:
        vs.create_volunteer(head, vs.VolunteerInput("李四", id_number=MAN[:-1] + "1"))
    assert err.value.code == "bad_id_checksum"
    assert Volunteer.select().count() == 0


def test_duplicate_id_number_names_the_volunteer_who_has_it(head):
    vs.create_volunteer(head, vs.VolunteerInput("王芳", id_number=WOMAN))
    with pytest.raises(ValidationError) as err:
        vs.create_volunteer(head, vs.VolunteerInput("王小芳", id_number=WOMAN))
    assert err.value.code == "volunteer_id_taken" and err.value.params["name"] == "王芳"
    sentence = describe_error(err.value, "zh")
    assert "王芳" in sentence and WOMAN not in sentence  # masked in the message
    other = vs.create_volunteer(head, vs.VolunteerInput("陈明"))
    with pytest.raises(ValidationError):
        vs.update_volunteer(head, other.id, vs.VolunteerInput("陈明", id_number=WOMAN))


def test_landline_has_no_phone_tail_and_bad_phone_is_refused(head):
    v = vs.create_volunteer(head, vs.VolunteerInput("赵六", phone="02012345678"))
    assert Volunteer.get_by_id(v.id).phone == "020-12345678"
    assert Volunteer.get_by_id(v.id).phone_tail == ""
    with pytest.raises(ValidationError) as err:
        vs.create_volunteer(head, vs.VolunteerInput("钱七", phone="12345"))
    assert err.value.code == "bad_phone" and err.value.params["field"] == "phone"


def test_masked_numbers_are_kept_when_the_form_sends_none(head):
    v = vs.create_volunteer(head, vs.VolunteerInput("孙八", phone="13900001111", id_number=MAN,
                                                    emergency_phone="13700002222"))
    detail = vs.get_volunteer(head, v.id)
    assert detail.phone == "139****1111" and detail.id_number == "440***********013X"
    assert detail.emergency_phone == "137****2222"
    data = vs.volunteer_input(detail)
    data.notes = "会开车"
    vs.update_volunteer(head, v.id, data)
    row = Volunteer.get_by_id(v.id)
    assert (row.phone, row.id_number, row.emergency_phone) == ("13900001111", MAN, "13700002222")
    assert row.phone_tail == "1111" and row.notes == "会开车"


def test_one_leader_a_team(head, team):
    first = vs.create_volunteer(head, vs.VolunteerInput("周一", team_id=team.id, team_leader=True))
    second = vs.create_volunteer(head, vs.VolunteerInput("吴二", team_id=team.id))
    vs.update_volunteer(head, second.id, vs.VolunteerInput("吴二", team_id=team.id,
                                                           team_leader=True, phone=None,
                                                           id_number=None))
    assert not Volunteer.get_by_id(first.id).team_leader
    assert Volunteer.get_by_id(second.id).team_leader
    step_down = AuditLog.get((AuditLog.table_name == "volunteer") & (AuditLog.row_id == first.id)
                             & (AuditLog.action == "update"))
    assert json.loads(step_down.new_values) == {"team_leader": False}
    assert [t.leader_name for t in vs.list_teams(head)] == ["吴二"]
    # another team keeps its own leader
    other = vs.save_team(head, name="巾帼志愿队")
    third = vs.create_volunteer(head, vs.VolunteerInput("郑三", team_id=other.id, team_leader=True))
    assert Volunteer.get_by_id(second.id).team_leader and Volunteer.get_by_id(third.id).team_leader
    with pytest.raises(ValidationError) as err:
        vs.create_volunteer(head, vs.VolunteerInput("王五", team_leader=True))
    assert err.value.code == "volunteer_leader_needs_team"


def test_teams_and_skills_are_renamed_and_deactivated_never_duplicated(head):
    seeded = [s.name for s in vs.list_skills(head)]
    assert seeded[:5] == ["医疗", "理发", "心理", "法律", "驾驶"]  # migration 4's tags
    with pytest.raises(ValidationError) as err:
        vs.save_skill(head, name=" 理发 ")
    assert err.value.code == "skill_name_taken"
    vs.save_skill(head, _skill("理发").id, name="理发", active=False)
    added = vs.save_skill(head, name="手语")
    assert [(s.name, s.active) for s in vs.list_skills(head)][-1] == ("手语", True)
    assert "理发" not in [s.name for s in vs.list_skills(head, include_inactive=False)]
    assert added.sort_order > _skill("理发").sort_order
    team = vs.save_team(head, name="一队")
    with pytest.raises(ValidationError) as err:
        vs.save_team(head, name="一队")
    assert err.value.code == "team_name_taken"
    vs.save_team(head, team.id, name="医疗服务队")
    assert [t.name for t in vs.list_teams(head)] == ["医疗服务队"]


def test_search_by_name_initials_phone_tail_and_filters(head, team):
    medical, drive = _skill("医疗"), _skill("驾驶")
    vs.create_volunteer(head, vs.VolunteerInput("曾小明", phone="13800005678", team_id=team.id,
                                                skill_ids=[medical.id, drive.id]))
    vs.create_volunteer(head, vs.VolunteerInput("李小红", phone="13900001234", status="paused"))
    vs.create_volunteer(head, vs.VolunteerInput("张伟", id_number=MAN))

    def names(**kw):
        return [r.name for r in vs.list_volunteers(head, vs.VolunteerQuery(**kw))]

    assert names(text="zxm") == ["曾小明"]  # 曾 as a surname: zeng
    assert names(text="小") == ["曾小明"]  # paused hidden by default
    assert names(text="小", status=None) == ["曾小明", "李小红"]
    assert names(text="5678") == ["曾小明"]
    assert names(text="０１３X", status="") == ["张伟"]  # an ID number's tail, full-width
    assert names(team_id=team.id) == ["曾小明"]
    assert names(skill_id=drive.id) == ["曾小明"]
    assert names(status="paused") == ["李小红"]
    row = vs.list_volunteers(head, vs.VolunteerQuery(text="zxm"))[0]
    assert row.phone == "138****5678" and row.skills == "医疗、驾驶" and row.team_name == "党员先锋队"
    assert names(text="100%") == []  # LIKE wildcards are plain text


def test_card_issue_revokes_the_old_one_and_keeps_the_token_out_of_the_log(head):
    v = vs.create_volunteer(head, vs.VolunteerInput("冯九", phone="13800138000", id_number=MAN))
    first = vs.issue_card(head, v.id)
    second = vs.issue_card(head, v.id)
    assert len(first) >= 16 and first != second
    cards = {c.token: c for c in CardToken.select()}
    assert cards[first].revoked_at is not None and cards[first].revoked_reason == "card reissued"
    assert cards[second].revoked_at is None
    assert vs.get_volunteer(head, v.id).has_card
    shown = vs.list_cards(head, v.id)
    assert [c.token_hint for c in shown] == ["…" + second[-4:], "…" + first[-4:]]
    logged = " ".join(f"{a.old_values} {a.new_values} {a.note}" for a in AuditLog.select())
    assert first not in logged and second not in logged
    vs.revoke_card(head, cards[second].id, "卡丢了")
    assert not vs.get_volunteer(head, v.id).has_card
    with pytest.raises(ValidationError) as err:
        vs.revoke_card(head, cards[second].id, "又丢了")
    assert err.value.code == "card_revoked_already"
    with pytest.raises(ValidationError) as err:
        vs.revoke_card(head, cards[first].id, "")
    assert err.value.code == "required"


def test_tokens_are_random_not_derived(head):
    v = vs.create_volunteer(head, vs.VolunteerInput("冯九", phone="13800138000", id_number=MAN))
    tokens = {vs.issue_card(head, v.id) for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(t) >= 16 and "13800138000" not in t and MAN not in t for t in tokens)
    assert CardToken.select().where(CardToken.revoked_at.is_null()).count() == 1


def test_a_volunteer_who_left_holds_no_card(head):
    v = vs.create_volunteer(head, vs.VolunteerInput("陈十"))
    vs.issue_card(head, v.id)
    vs.update_volunteer(head, v.id, vs.VolunteerInput("陈十", status="left", phone=None,
                                                      id_number=None))
    assert CardToken.select().where(CardToken.revoked_at.is_null()).count() == 0
    with pytest.raises(ValidationError) as err:
        vs.issue_card(head, v.id)
    assert err.value.code == "volunteer_left"


def test_front_desk_edits_volunteers_but_never_sees_households(desk, head):
    team = vs.save_team(desk, name="前台服务队")
    v = vs.create_volunteer(desk, vs.VolunteerInput("林一", phone="13600001111", team_id=team.id))
    vs.update_volunteer(desk, v.id, vs.VolunteerInput("林一", status="paused", phone=None,
                                                      id_number=None, team_id=team.id))
    assert vs.issue_card(desk, v.id)
    assert [r.name for r in vs.list_volunteers(desk, vs.VolunteerQuery(status=None))] == ["林一"]
    with pytest.raises(PermissionDenied):
        hh.find_household_ids(desk, hh.HouseholdQuery())
    with pytest.raises(PermissionDenied):
        hh.create_household(desk, hh.HouseholdInput("李四", 1))


def test_kiosk_role_may_not_read_or_edit_the_registry(staff_actors):
    kiosk = staff_actors["kiosk"]
    with pytest.raises(PermissionDenied):
        vs.list_volunteers(kiosk)
    with pytest.raises(PermissionDenied):
        vs.create_volunteer(kiosk, vs.VolunteerInput("林一"))


def test_refused_write_leaves_nothing(head, team):
    skill = _skill("心理")
    before = AuditLog.select().count()
    with pytest.raises(ValidationError):
        vs.create_volunteer(head, vs.VolunteerInput("刘二", skill_ids=[skill.id, 999]))
    assert Volunteer.select().count() == 0 and AuditLog.select().count() == before
