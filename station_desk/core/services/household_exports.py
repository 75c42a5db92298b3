"""Households on paper and in Excel: the ledger export (服务对象台账) and the visit sheets
(入户走访登记表).

Both read through the household services and the models, never write a household, and
mask ID numbers and phones unless the rules allow them in full:

- the ledger with ``full_ids`` needs ``ids.export_full``, shows full numbers only for the
  households the actor may reveal (the head; a social worker for their villages), and
  writes one audit row naming the export;
- a visit sheet shows a full phone only when the station allows it
  (``privacy.visit_sheet_full_phone``) and the actor is the social worker responsible for
  that household's village; that too is audited.

The layouts live in :mod:`..reports.household_ledger` and :mod:`..reports.visit_sheets`
(pure functions of the data gathered here).
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import peewee

from .. import settings, validate
from ..audit import sensitive_read
from ..clock import now
from ..errors import ValidationError
from ..models import (
    Category,
    Household,
    HouseholdCategory,
    Member,
    Need,
    Staff,
    Tier,
    Village,
)
from ..reports.household_ledger import STATUS_NAMES, Ledger, LedgerLine
from ..reports.visit_sheets import VisitSheetData, VisitSheetRow
from ..roles import SOCIAL_WORKER, Actor, require
from ..validate import stored_date as _as_date
from . import households
from .households import HEAD_RELATION, HouseholdQuery

CHUNK = 900  # ids per IN (...) list: SQLite allows 999 variables in older builds
OPEN_NEEDS = ("new", "in_progress")
FULL_PHONE_SETTING = "privacy.visit_sheet_full_phone"


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


# --- filters by name (the command line) ---------------------------------------------------


def _unknown(code: str, value: str, choices: Sequence[str]) -> ValidationError:
    return ValidationError(code, value=value, choices="、".join(choices) or "—")


def village_by_name(name: str) -> Village:
    """A village (村居) by its name or code; an unknown one is an error listing the choices."""
    wanted = name.strip()
    villages = list(Village.select().where(Village.kind == "village")
                    .order_by(Village.sort_order, Village.code))
    for match in ([v for v in villages if v.name == wanted], [v for v in villages if v.code == wanted]):
        if len(match) == 1:
            return match[0]
        if len(match) > 1:  # the same name under two towns: the code tells them apart
            raise _unknown("ambiguous_village", wanted, [f"{v.code} {v.name}" for v in match])
    raise _unknown("unknown_village", wanted, [v.name for v in villages])


def category_by_name(name: str) -> Category:
    wanted = name.strip()
    categories = list(Category.select().order_by(Category.sort_order, Category.id))
    for category in categories:
        if category.name == wanted:
            return category
    raise _unknown("unknown_category", wanted, [c.name for c in categories])


def tier_by_name(value: str) -> Tier:
    """A tier by its level (``2``) or its name (``二级``)."""
    wanted = value.strip()
    tiers = list(Tier.select().order_by(Tier.level))
    for tier in tiers:
        if tier.name == wanted or (wanted.isdigit() and tier.level == int(wanted)):
            return tier
    raise _unknown("unknown_tier", wanted, [f"{t.level} {t.name}" for t in tiers])


def worker_by_name(value: str) -> Staff:
    """A social worker (or the head) by username or name."""
    wanted = value.strip()
    people = list(Staff.select().where(Staff.role.in_(("social_worker", "head")))
                  .order_by(Staff.role.desc(), Staff.username))
    for match in ([s for s in people if s.username == wanted.lower()],
                  [s for s in people if s.name == wanted]):
        if len(match) == 1:
            return match[0]
        if len(match) > 1:
            raise _unknown("ambiguous_worker", wanted, [f"{s.username}（{s.name}）" for s in match])
    raise _unknown("unknown_worker", wanted,
                   [f"{s.username}（{s.name}）" for s in people if s.active])


def query_from_names(*, text: str = "", village: str | None = None,
                     category: str | None = None, tier: str | None = None,
                     worker: str | None = None, status: str | None = "active",
                     overdue: bool = False, sort: str = "village") -> HouseholdQuery:
    """The household filter from the names a person types (``status`` None or "all": every
    status). Unknown names are errors that list what there is."""
    if status == "all":
        status = None
    if status is not None and status not in STATUS_NAMES:
        raise _unknown("unknown_status", status, list(STATUS_NAMES) + ["all"])
    return HouseholdQuery(
        text=text or "",
        village_id=village_by_name(village).id if village else None,
        category_id=category_by_name(category).id if category else None,
        tier_id=tier_by_name(tier).id if tier else None,
        social_worker_id=worker_by_name(worker).id if worker else None,
        status=status, overdue=overdue, sort=sort)


def describe_query(query: HouseholdQuery) -> str:
    """The filter in words, for the ledger's second line and the audit log."""
    parts = []
    if query.text.strip():
        parts.append(f"搜索“{query.text.strip()}”")
    for value, model, label in ((query.village_id, Village, "村居"),
                                (query.category_id, Category, "人员类别"),
                                (query.tier_id, Tier, "分级"),
                                (query.social_worker_id, Staff, "责任社工")):
        if value is not None:
            row = model.get_or_none(model.id == value)
            parts.append(f"{label}：{row.name if row else value}")
    parts.append(f"状态：{STATUS_NAMES.get(query.status, query.status) if query.status else '全部'}")
    if query.overdue:
        parts.append("仅逾期未走访")
    return "，".join(parts)


def _station_name() -> str:
    from .station import get_station

    station = get_station()
    return station.name if station else ""


# --- the ledger ---------------------------------------------------------------------------


def _revealer(actor: Actor, full_ids: bool):
    """``(village_id, social_worker_id) -> bool``: may this household show full numbers?

    households.may_reveal decides per household from those two columns; the answers are
    cached per pair, so 12,580 households cost a handful of calls.
    """
    cache: dict[tuple[int, int | None], bool] = {}

    def allowed(village_id: int, worker_id: int | None) -> bool:
        if not full_ids:
            return False
        key = (village_id, worker_id)
        if key not in cache:
            cache[key] = households.may_reveal(
                actor, Household(village=village_id, social_worker=worker_id))
        return cache[key]

    return allowed


def _ledger_chunk(ids: list[int], allowed) -> Iterator[tuple[int, LedgerLine, bool]]:
    """Four queries for up to CHUNK households: the households with their village, tier and
    worker; the heads; the active member counts; the categories."""
    heads: dict[int, tuple] = {}
    for hid, number, gender, birthdate in (
            Member.select(Member.household, Member.id_number, Member.gender, Member.birthdate)
            .where(Member.household.in_(ids) & (Member.relation == HEAD_RELATION))
            .order_by(Member.household, Member.sort_order, Member.id).tuples()):
        heads.setdefault(hid, (number or "", gender or "", birthdate))  # the first 户主
    counts = dict(Member.select(Member.household, peewee.fn.COUNT(Member.id))
                  .where(Member.household.in_(ids) & (Member.status == "active"))
                  .group_by(Member.household).tuples())
    categories: dict[int, list[str]] = {}
    for hid, name in (HouseholdCategory.select(HouseholdCategory.household, Category.name)
                      .join(Category).where(HouseholdCategory.household.in_(ids))
                      .order_by(Category.sort_order, Category.id).tuples()):
        categories.setdefault(hid, []).append(name)
    rows = (Household.select(Household.id, Household.head_name, Household.village, Village.name,
                             Household.address, Household.phone, Tier.name,
                             Household.social_worker, Staff.name, Household.status,
                             Household.registered_on, Household.last_visit_on, Household.due_on,
                             Household.notes)
            .join(Village, on=(Household.village == Village.id)).switch(Household)
            .join(Tier, peewee.JOIN.LEFT_OUTER, on=(Household.tier == Tier.id)).switch(Household)
            .join(Staff, peewee.JOIN.LEFT_OUTER, on=(Household.social_worker == Staff.id))
            .where(Household.id.in_(ids)).tuples())
    for (hid, head, village_id, village, address, phone, tier, worker_id, worker, status,
         registered, last, due, notes) in rows:
        number, gender, birthdate = heads.get(hid, ("", "", None))
        full = allowed(village_id, worker_id)
        yield hid, LedgerLine(
            head_name=head, id_number=number if full else validate.mask_id(number),
            gender=gender, birthdate=_as_date(birthdate), village=village, address=address,
            phone=phone if full else validate.mask_phone(phone),
            categories=tuple(categories.get(hid, ())), tier=tier or "",
            members=counts.get(hid, 0), social_worker=worker or "",
            registered_on=_as_date(registered), last_visit_on=_as_date(last),
            due_on=_as_date(due), status=status, notes=notes or ""), full


def ledger_data(actor: Actor, query: HouseholdQuery, *, full_ids: bool = False) -> Ledger:
    """The ledger's rows for ``query``, in its order (masked unless ``full_ids`` and allowed).

    Needs ``households.export`` (and ``ids.export_full`` with ``full_ids``). Reads only;
    :func:`export_ledger` writes the file and the audit row.
    """
    require(actor, "households.export")
    if full_ids:
        require(actor, "ids.export_full")
    ids = households.find_household_ids(actor, query)
    allowed = _revealer(actor, full_ids)
    by_id: dict[int, LedgerLine] = {}
    full = 0
    for chunk in _chunks(ids):
        for hid, line, shown in _ledger_chunk(chunk, allowed):
            by_id[hid] = line
            full += shown
    return Ledger(station=_station_name(), description=describe_query(query),
                  exported_at=now(), exported_by=actor.name,
                  lines=[by_id[i] for i in ids if i in by_id], count=len(by_id),
                  full_numbers=full)


def export_ledger(actor: Actor, query: HouseholdQuery, path: str | Path, *,
                  full_ids: bool = False) -> int:
    """Write the 服务对象台账 for ``query`` to ``path`` (.xlsx); returns the households written.

    Masked by default. With ``full_ids`` (needs ``ids.export_full``) the households the actor
    may reveal carry full ID numbers and phones, the others stay masked, and one audit row
    names the export (how many in full, the filter, the file). The file appears only
    complete: it is written beside the target and renamed into place after the audit row.
    """
    from ..reports import household_ledger
    from ..reports.workbook import write_workbook

    ledger = ledger_data(actor, query, full_ids=full_ids)

    def build(partial: Path) -> int:
        written = household_ledger.build(ledger, partial)
        if full_ids:
            sensitive_read(actor, "household", None,
                           f"台账导出（完整证件号码）：{ledger.full_numbers} 户完整，"
                           f"{written - ledger.full_numbers} 户脱敏；筛选：{ledger.description}；"
                           f"文件：{Path(path).name}")
        return written

    return write_workbook(build, path)


# --- visit sheets -------------------------------------------------------------------------


def visit_sheet_ids(actor: Actor, *, village_id: int | None = None,
                    social_worker_id: int | None = None, due: bool = False,
                    on: _dt.date | None = None) -> list[int]:
    """The households a visit sheet covers when none are selected: the active households of a
    village or a social worker, or (``due``) those due for a visit, most overdue first."""
    if due:
        return [row.household_id for row in households.due_visits(
            actor, social_worker_id=social_worker_id, village_id=village_id, on=on)]
    return households.find_household_ids(actor, HouseholdQuery(
        village_id=village_id, social_worker_id=social_worker_id, status="active",
        sort="village"), on=on)


def _village_workers() -> dict[int, int | None]:
    """Each village's responsible social worker; a villagers' group answers to its village's."""
    rows = list(Village.select(Village.id, Village.parent, Village.social_worker,
                               Village.kind).tuples())
    direct = {vid: worker for vid, _parent, worker, _kind in rows}
    return {vid: worker if worker is not None or kind != "group" else direct.get(parent)
            for vid, parent, worker, kind in rows}


def visit_sheet_data(actor: Actor, household_ids: Sequence[int], *,
                     on: _dt.date | None = None) -> VisitSheetData:
    """What the 入户走访登记表 prints for these households (in this order).

    Phones are masked, unless the station setting ``privacy.visit_sheet_full_phone`` is on
    and the actor is the social worker responsible for the household's village; a sheet with
    full phones is recorded in the audit log. Each row carries the household's open needs.
    """
    require(actor, "households.view")
    ids = list(dict.fromkeys(household_ids))
    rows = households.household_rows(actor, ids)
    day = on or now().date()
    full_ids: set[int] = set()
    phones: dict[int, str] = {}
    if (actor.role == SOCIAL_WORKER and actor.staff_id is not None
            and settings.get(FULL_PHONE_SETTING)):
        workers = _village_workers()
        full_ids = {r.id for r in rows if workers.get(r.village_id) == actor.staff_id}
        for chunk in _chunks(sorted(full_ids)):
            phones.update(Household.select(Household.id, Household.phone)
                          .where(Household.id.in_(chunk)).tuples())
    needs: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        for hid, content in (Need.select(Need.household, Need.content)
                             .where(Need.household.in_(chunk) & Need.status.in_(OPEN_NEEDS))
                             .order_by(Need.raised_on, Need.id).tuples()):
            needs.setdefault(hid, []).append(content)
    lines = tuple(
        VisitSheetRow(
            household_id=r.id, head_name=r.head_name, village=r.village_name,
            address=r.address, phone=phones.get(r.id, r.phone) if r.id in full_ids else r.phone,
            phone_in_full=r.id in full_ids and bool(phones.get(r.id)),
            categories=r.categories, tier=r.tier_name, members=r.members,
            last_visit_on=r.last_visit_on, due_on=r.due_on,
            open_needs=tuple(needs.get(r.id, ())), social_worker=r.social_worker_name)
        for r in rows)
    shown_in_full = sum(line.phone_in_full for line in lines)
    if shown_in_full:
        sensitive_read(actor, "household", None,
                       f"走访登记表（完整电话）：{shown_in_full} 户，共 {len(lines)} 户")
    named = Counter(line.social_worker for line in lines if line.social_worker)
    return VisitSheetData(
        station=_station_name(), social_workers=tuple(name for name, _ in named.most_common()),
        printed_on=day, printed_by=actor.name, rows=lines, full_phones=shown_in_full)
