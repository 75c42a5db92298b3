"""Who may do what. Services check these; the GUI only hides what a role can't use.

Permission codes are grouped by feature area; each feature adds its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import PermissionDenied

HEAD = "head"
SOCIAL_WORKER = "social_worker"
FRONT_DESK = "front_desk"
KIOSK = "kiosk"
ROLES = (HEAD, SOCIAL_WORKER, FRONT_DESK, KIOSK)
STAFF_ROLES = (HEAD, SOCIAL_WORKER, FRONT_DESK)

PERMISSIONS: dict[str, frozenset[str]] = {
    # the station, its lookup tables and rules
    "station.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "station.edit": frozenset({HEAD}),
    "settings.edit": frozenset({HEAD}),
    # accounts
    "accounts.manage": frozenset({HEAD}),
    "account.own_password": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    # the store
    "backup.run": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    # a copy outside the station's backup folder carries every household's data away
    "backup.export": frozenset({HEAD}),
    "backup.restore": frozenset({HEAD}),
    "demo.load": frozenset({HEAD}),
    "audit.view": frozenset({HEAD}),
    # households on file (一户一档): never the front desk
    "households.view": frozenset({HEAD, SOCIAL_WORKER}),
    "households.edit": frozenset({HEAD, SOCIAL_WORKER}),
    "households.import": frozenset({HEAD, SOCIAL_WORKER}),
    "households.export": frozenset({HEAD, SOCIAL_WORKER}),
    # volunteers (the front desk keeps the roster)
    "volunteers.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "volunteers.edit": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    # attendance: the kiosk signs people in and out; staff correct with a reason
    "attendance.kiosk": frozenset({KIOSK, FRONT_DESK, HEAD, SOCIAL_WORKER}),
    "attendance.correct": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    # donation inventory: the front desk receives donations and hands goods out; reversing a
    # wrong entry and keeping the catalogue, counts and storerooms are for staff who own them
    "inventory.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "inventory.receive": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "inventory.give": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "inventory.manage": frozenset({HEAD, SOCIAL_WORKER}),
    "inventory.reverse": frozenset({HEAD, SOCIAL_WORKER}),
    # policy cards: staff print them (the front desk too); social workers keep the texts
    # and count what was handed out in their villages
    "policies.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "policies.edit": frozenset({HEAD, SOCIAL_WORKER}),
    "policies.print": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "policies.distribute": frozenset({HEAD, SOCIAL_WORKER}),
    # campaigns and home-visit days visit households: never the front desk; the head closes
    # one (its undelivered packages go back to stock)
    "campaigns.view": frozenset({HEAD, SOCIAL_WORKER}),
    "campaigns.edit": frozenset({HEAD, SOCIAL_WORKER}),
    "campaigns.record": frozenset({HEAD, SOCIAL_WORKER}),
    "campaigns.close": frozenset({HEAD}),
    # case work: the most sensitive records; a social worker reads only their own cases (the
    # services check the case's worker), the head all; figures carry counts only
    "cases.view": frozenset({HEAD, SOCIAL_WORKER}),
    "cases.edit": frozenset({HEAD, SOCIAL_WORKER}),
    "cases.figures": frozenset({HEAD, SOCIAL_WORKER}),
    "cases.transfer": frozenset({HEAD}),
    # the 24-hour hotline: whoever answers logs the call, the front desk too
    "hotline.log": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "hotline.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    # activities, projects, pairings and micro-wishes: the front desk sees the calendar and
    # the wishes; staff who run them edit; the head sets up projects
    "activities.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "activities.edit": frozenset({HEAD, SOCIAL_WORKER}),
    "projects.edit": frozenset({HEAD}),
    "pairings.edit": frozenset({HEAD, SOCIAL_WORKER}),
    "wishes.view": frozenset({HEAD, SOCIAL_WORKER, FRONT_DESK}),
    "wishes.edit": frozenset({HEAD, SOCIAL_WORKER}),
    # personal data: a social worker only for the villages they are responsible for
    "ids.reveal": frozenset({HEAD, SOCIAL_WORKER}),
    "ids.export_full": frozenset({HEAD, SOCIAL_WORKER}),
}


@dataclass(frozen=True)
class Actor:
    """The person (or the command line) a service acts for."""

    staff_id: int | None
    name: str
    role: str
    village_ids: frozenset[int] = field(default_factory=frozenset)
    username: str = ""
    is_cli: bool = False

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]

    def covers_village(self, village_id: int | None) -> bool:
        """True when this actor may see the village's households in full."""
        if self.role == HEAD:
            return True
        return self.role == SOCIAL_WORKER and village_id in self.village_ids


def require(actor: Actor | None, permission: str) -> None:
    if permission not in PERMISSIONS:
        raise KeyError(permission)
    if actor is None or not actor.can(permission):
        raise PermissionDenied(
            "permission_denied", permission=permission, role=getattr(actor, "role", None)
        )


def require_village(actor: Actor, village_id: int | None) -> None:
    if not actor.covers_village(village_id):
        raise PermissionDenied("not_your_village", village_id=village_id, role=actor.role)


CLI_ACTOR = Actor(staff_id=None, name="命令行", role=HEAD, username="cli", is_cli=True)
SYSTEM_ACTOR_NAME = "系统"
