"""Staff accounts: the first head, adding staff, roles, passwords, signing in."""

from __future__ import annotations

from dataclasses import dataclass

from .. import validate
from ..audit import created, record, updated, values_of
from ..clock import stamp
from ..db import write_transaction
from ..errors import AuthError, ValidationError
from ..models import Staff, Village
from ..passwords import dummy_hash, hash_password, verify_password
from ..roles import HEAD, ROLES, Actor
from ..settings import get as setting
from .base import clean_text, get_or_fail, writer


@dataclass(frozen=True)
class StaffRow:
    id: int
    username: str
    name: str
    role: str
    phone: str
    active: bool
    must_change_password: bool
    last_sign_in: str | None


def _row(staff: Staff) -> StaffRow:
    return StaffRow(staff.id, staff.username, staff.name, staff.role, staff.phone,
                    staff.active, staff.must_change_password, staff.last_sign_in)


def _check_password(password: str) -> str:
    minimum = int(setting("accounts.min_password_length"))
    if len(password or "") < minimum:
        raise ValidationError("password_too_short", field="password", minimum=minimum)
    return password


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError("bad_role", field="role", value=role)
    return role


def _unique_username(username: str, except_id: int | None = None) -> str:
    name = validate.username(username)
    clash = Staff.get_or_none(Staff.username == name)
    if clash is not None and clash.id != except_id:
        raise ValidationError("username_taken", field="username", value=name)
    return name


def actor_for(staff: Staff) -> Actor:
    villages = frozenset(
        v.id for v in Village.select(Village.id).where(Village.social_worker == staff.id)
    )
    return Actor(staff_id=staff.id, name=staff.name, role=staff.role,
                 village_ids=villages, username=staff.username)


def has_accounts() -> bool:
    return Staff.select().exists()


def create_first_head(username: str, name: str, password: str, phone: str = "") -> Staff:
    """The first run: the head's own account, allowed only while there are no accounts."""
    with write_transaction():
        if has_accounts():
            raise ValidationError("accounts_exist")
        staff = Staff.create(
            username=_unique_username(username),
            name=clean_text(name, "name", max_length=64),
            role=HEAD,
            phone=validate.phone(phone),
            password_hash=hash_password(_check_password(password)),
            created_at=stamp(),
        )
        created(None, staff, note="first run", actor_name="首次运行")
    return staff


TYPED_NAME_MAX = 64


def _sign_in_failed(typed: str, staff: Staff | None, why: str) -> None:
    """Audit a refused sign-in with the name as typed (cut short: it is anybody's input)."""
    with write_transaction():
        record(None, "sign_in_failed", "staff", staff.id if staff else None,
               note=f"username: {typed[:TYPED_NAME_MAX]}; {why}", actor_name="未登录")


def authenticate(username: str, password: str) -> Actor:
    """Check a password; the same error, and the same scrypt work, whether the name or the
    password was wrong. Every refusal is audited."""
    typed = validate.normalise_text(username).lower()
    staff = Staff.get_or_none(Staff.username == typed)
    matches = verify_password(password or "",
                              staff.password_hash if staff is not None else dummy_hash())
    if staff is None or not matches:
        _sign_in_failed(typed, staff, "wrong username or password")
        raise AuthError("auth_failed")
    if not staff.active:
        _sign_in_failed(typed, staff, "account disabled")
        raise AuthError("account_inactive", username=staff.username)
    actor = actor_for(staff)
    with write_transaction():
        Staff.update(last_sign_in=stamp()).where(Staff.id == staff.id).execute()
        record(actor, "sign_in", "staff", staff.id)
    return actor


def list_staff(include_inactive: bool = True) -> list[StaffRow]:
    """Accounts: active first, then by role (head, social worker, front desk, kiosk)."""
    query = Staff.select()
    if not include_inactive:
        query = query.where(Staff.active == True)  # noqa: E712
    rank = {role: i for i, role in enumerate(ROLES)}
    staff = sorted(query, key=lambda s: (not s.active, rank.get(s.role, 9), s.id))
    return [_row(s) for s in staff]


def must_change_password(actor: Actor) -> bool:
    """True when the head set this person's password and they have not chosen their own."""
    staff = Staff.get_or_none(Staff.id == actor.staff_id)
    return bool(staff and staff.must_change_password)


def find_staff(username: str) -> Staff | None:
    return Staff.get_or_none(Staff.username == validate.normalise_text(username).lower())


@writer("accounts.manage")
def create_staff(actor: Actor, username: str, name: str, role: str, password: str,
                 phone: str = "") -> StaffRow:
    """Add an account. The new person must change the password at first sign-in."""
    staff = Staff.create(
        username=_unique_username(username),
        name=clean_text(name, "name", max_length=64),
        role=_check_role(role),
        phone=validate.phone(phone),
        password_hash=hash_password(_check_password(password)),
        must_change_password=True,
        created_at=stamp(),
    )
    created(actor, staff)
    return _row(staff)


def _active_heads_besides(staff_id: int) -> int:
    return (Staff.select()
            .where((Staff.role == HEAD) & (Staff.active == True) & (Staff.id != staff_id))  # noqa: E712
            .count())


@writer("accounts.manage")
def update_staff(actor: Actor, staff_id: int, *, name: str | None = None,
                 role: str | None = None, phone: str | None = None,
                 active: bool | None = None) -> StaffRow:
    """Change name, role, phone or active. The last active head can't be removed."""
    staff = get_or_fail(Staff, staff_id)
    before = values_of(staff)
    if name is not None:
        staff.name = clean_text(name, "name", max_length=64)
    if role is not None:
        staff.role = _check_role(role)
    if phone is not None:
        staff.phone = validate.phone(phone)
    if active is not None:
        staff.active = bool(active)
    was_head = before["role"] == HEAD and before["active"]
    if was_head and not (staff.role == HEAD and staff.active) and not _active_heads_besides(staff.id):
        raise ValidationError("last_head")
    leaves_villages = before["role"] == "social_worker" and staff.role != "social_worker"
    if leaves_villages or not staff.active:
        responsible = Village.select().where(Village.social_worker == staff.id).count()
        if responsible:
            raise ValidationError("staff_has_villages", count=responsible, name=staff.name)
        from ..models import Household

        followed = (Household.select().where((Household.social_worker == staff.id)
                                             & (Household.status == "active")).count())
        if followed:
            raise ValidationError("staff_has_households", count=followed, name=staff.name)
    staff.save()
    updated(actor, staff, before)
    return _row(staff)


@writer("accounts.manage")
def reset_password(actor: Actor, staff_id: int, new_password: str) -> None:
    """The head sets a new password; the person must change it at the next sign-in."""
    staff = get_or_fail(Staff, staff_id)
    staff.password_hash = hash_password(_check_password(new_password))
    staff.must_change_password = True
    staff.save()
    record(actor, "reset_password", "staff", staff.id)


@writer("account.own_password")
def change_own_password(actor: Actor, old_password: str, new_password: str) -> None:
    staff = get_or_fail(Staff, actor.staff_id or 0)
    if not verify_password(old_password or "", staff.password_hash):
        raise AuthError("auth_failed")
    if old_password == new_password:
        raise ValidationError("password_unchanged", field="password")
    staff.password_hash = hash_password(_check_password(new_password))
    staff.must_change_password = False
    staff.save()
    record(actor, "change_password", "staff", staff.id)

