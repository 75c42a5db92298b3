from __future__ import annotations

import json

import pytest

from station_desk.core import passwords
from station_desk.core.errors import AuthError, ValidationError
from station_desk.core.models import AuditLog, Staff
from station_desk.core.services import accounts, station


def test_real_password_hash_is_salted_scrypt(monkeypatch):
    monkeypatch.setattr(passwords, "_N", 2**14)
    first, second = passwords.hash_password("secret123"), passwords.hash_password("secret123")
    assert first.startswith("scrypt$16384$8$1$") and first != second
    assert passwords.verify_password("secret123", first)
    assert not passwords.verify_password("secret124", first)
    assert not passwords.verify_password("secret123", "md5$abc")


def test_first_run_creates_the_head_once(store):
    assert not accounts.has_accounts()
    staff = accounts.create_first_head("Head", "刘丽萍", "secret123", "138 0013 8000")
    assert (staff.username, staff.role, staff.phone) == ("head", "head", "13800138000")
    with pytest.raises(ValidationError) as err:
        accounts.create_first_head("other", "某某", "secret123")
    assert err.value.code == "accounts_exist"
    row = AuditLog.get(AuditLog.table_name == "staff")
    assert row.actor_name == "首次运行" and "password_hash" not in row.new_values


def test_sign_in(head):
    actor = accounts.authenticate(" HEAD ", "secret123")
    assert actor.staff_id == head.staff_id and actor.role == "head"
    assert Staff.get_by_id(head.staff_id).last_sign_in
    assert AuditLog.select().where(AuditLog.action == "sign_in").count() == 1
    for user, pw in (("head", "wrong"), ("nobody", "secret123"), ("head", "")):
        with pytest.raises(AuthError) as err:
            accounts.authenticate(user, pw)
        assert err.value.code == "auth_failed"


def test_disabled_account_cannot_sign_in(head):
    row = accounts.create_staff(head, "lxy", "林小燕", "front_desk", "secret123")
    accounts.update_staff(head, row.id, active=False)
    with pytest.raises(AuthError) as err:
        accounts.authenticate("lxy", "secret123")
    assert err.value.code == "account_inactive"


def test_create_staff_rules(head):
    row = accounts.create_staff(head, "hhy", "黄海燕", "social_worker", "secret123", "13912345678")
    assert row.must_change_password
    cases = [
        (dict(username="hhy", name="另一个", role="social_worker", password="secret123"), "username_taken"),
        (dict(username="HHY", name="另一个", role="social_worker", password="secret123"), "username_taken"),
        (dict(username="x y", name="另一个", role="social_worker", password="secret123"), "bad_username"),
        (dict(username="abc", name="", role="social_worker", password="secret123"), "required"),
        (dict(username="abc", name="张三", role="boss", password="secret123"), "bad_role"),
        (dict(username="abc", name="张三", role="front_desk", password="123"), "password_too_short"),
    ]
    for kwargs, code in cases:
        with pytest.raises(ValidationError) as err:
            accounts.create_staff(head, **kwargs)
        assert err.value.code == code, kwargs
    with pytest.raises(ValidationError) as err:
        accounts.create_staff(head, "abc", "张三", "front_desk", "secret123", phone="12345")
    assert err.value.code == "bad_phone"
    assert Staff.select().count() == 2


def test_last_head_stays(head):
    for change in (dict(active=False), dict(role="social_worker")):
        with pytest.raises(ValidationError) as err:
            accounts.update_staff(head, head.staff_id, **change)
        assert err.value.code == "last_head"
    second = accounts.create_staff(head, "head2", "第二站长", "head", "secret123")
    accounts.update_staff(head, head.staff_id, role="social_worker")
    assert Staff.get_by_id(head.staff_id).role == "social_worker"
    assert Staff.get_by_id(second.id).role == "head"


def test_leaving_worker_must_hand_over_villages(head):
    worker = accounts.create_staff(head, "hhy", "黄海燕", "social_worker", "secret123")
    other = accounts.create_staff(head, "cjh", "陈嘉慧", "social_worker", "secret123")
    town = station.add_village(head, code="T", name="石滩镇", kind="town")
    village = station.add_village(head, code="V", name="麻车村", parent_id=town.id,
                                  social_worker_id=worker.id)
    with pytest.raises(ValidationError) as err:
        accounts.update_staff(head, worker.id, active=False)
    assert err.value.code == "staff_has_villages" and err.value.params["count"] == 1
    station.update_village(head, village.id, social_worker_id=other.id)
    accounts.update_staff(head, worker.id, active=False)
    assert not Staff.get_by_id(worker.id).active


def test_update_audits_only_changed_fields(head):
    row = accounts.create_staff(head, "lxy", "林小燕", "front_desk", "secret123")
    accounts.update_staff(head, row.id, name="林小燕", phone="13800138000")
    entry = AuditLog.select().order_by(AuditLog.id.desc()).get()
    assert entry.action == "update"
    assert json.loads(entry.old_values) == {"phone": ""}
    assert json.loads(entry.new_values) == {"phone": "13800138000"}
    before = AuditLog.select().count()
    accounts.update_staff(head, row.id, name="林小燕")
    assert AuditLog.select().count() == before, "no change, no audit row"


def test_passwords_reset_and_change(head):
    row = accounts.create_staff(head, "lxy", "林小燕", "front_desk", "secret123")
    accounts.reset_password(head, row.id, "fresh1234")
    desk = accounts.authenticate("lxy", "fresh1234")
    assert Staff.get_by_id(row.id).must_change_password
    with pytest.raises(AuthError):
        accounts.change_own_password(desk, "wrong", "newer1234")
    with pytest.raises(ValidationError) as err:
        accounts.change_own_password(desk, "fresh1234", "fresh1234")
    assert err.value.code == "password_unchanged"
    accounts.change_own_password(desk, "fresh1234", "newer1234")
    assert not Staff.get_by_id(row.id).must_change_password
    accounts.authenticate("lxy", "newer1234")
    assert "newer1234" not in "".join(
        (r.new_values or "") + (r.old_values or "") for r in AuditLog.select())


def test_failed_sign_ins_are_audited(head):
    for user, pw in (("head", "wrong"), ("nobody", "secret123"), ("x" * 500, "secret123")):
        with pytest.raises(AuthError):
            accounts.authenticate(user, pw)
    rows = list(AuditLog.select().where(AuditLog.action == "sign_in_failed").order_by(AuditLog.id))
    assert [(r.actor_id, r.row_id) for r in rows] == [(None, head.staff_id), (None, None),
                                                      (None, None)]
    assert "username: head" in rows[0].note and "username: nobody" in rows[1].note
    assert "x" * accounts.TYPED_NAME_MAX in rows[2].note
    assert "x" * (accounts.TYPED_NAME_MAX + 1) not in rows[2].note


def test_a_disabled_account_signing_in_is_audited(head):
    row = accounts.create_staff(head, "lxy", "林小燕", "front_desk", "secret123")
    accounts.update_staff(head, row.id, active=False)
    with pytest.raises(AuthError):
        accounts.authenticate("lxy", "secret123")
    failed = AuditLog.get(AuditLog.action == "sign_in_failed")
    assert failed.row_id == row.id and "disabled" in failed.note


def test_an_unknown_name_costs_the_same_scrypt_work_as_a_wrong_password(head, monkeypatch):
    import hashlib

    real = hashlib.scrypt
    costs = []

    def counting(*args, **kwargs):
        costs.append((kwargs["n"], kwargs["r"], kwargs["p"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", counting)
    for user in ("head", "nobody"):
        with pytest.raises(AuthError):
            accounts.authenticate(user, "wrong")
    wrong_password, unknown_name = costs
    assert unknown_name == wrong_password == (passwords._N, passwords._R, passwords._P)
