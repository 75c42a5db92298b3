"""Case work (个案): intake, assessment, plan, service records, referrals, evaluation and
closing, follow-ups; and the hotline's call log.

Case notes are the most sensitive records the program holds: only the case's social worker
and the head read a case (``_readable``), every opening of one is written to the audit log,
and a social worker's case list holds their own cases only. Service records are a ledger:
appended, and a correction is a new record naming the one it corrects. A case's
``last_record_on`` and ``follow_up_on`` are derived, so the list filters on them in SQL:
a case is due when a follow-up date has come or no service was recorded for 30 days.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee

from .. import validate
from ..audit import created, deleted, saved, sensitive_read, values_of
from ..clock import now, stamp, today
from ..db import database
from ..errors import PermissionDenied, ValidationError
from ..models import (
    CASE_NEEDS,
    CASE_SOURCES,
    CASE_STATUSES,
    GOALS_MET,
    RECORD_KINDS,
    REFERRAL_STATUSES,
    RISK_LEVELS,
    Case,
    CaseAssessment,
    CaseFollowUp,
    CasePlan,
    CasePlanAction,
    CaseRecord,
    CaseReferral,
    HotlineCall,
    Household,
    Item,
    Member,
    Need,
    Staff,
    StockMovement,
    Village,
    Voucher,
)
from ..roles import HEAD, SOCIAL_WORKER, Actor, require
from ..validate import stored_date as _as_date
from . import stock
from .base import clean_text, contains_text, get_or_fail, writer

QUIET_DAYS = 30  # an open case with no service record for this long is due
FOLLOW_UP_MONTHS = (1, 3)  # closing schedules follow-ups after these months
OPEN_STAGES = CASE_STATUSES[:-1]


def _choice(value: str, allowed: Sequence[str], field_name: str, *, blank: bool = False) -> str:
    if blank and not value:
        return ""
    if value not in allowed:
        raise ValidationError("bad_choice", field=field_name, value=str(value))
    return value


def _not_future(day: _dt.date | None, field_name: str, required: bool = True) -> _dt.date | None:
    day = validate.date_value(day, field=field_name, required=required)
    if day is not None and day > today():
        raise ValidationError("date_in_future", field=field_name, value=day.isoformat())
    return day


def _add_months(day: _dt.date, months: int) -> _dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return _dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


def _readable(actor: Actor, case: Case) -> None:
    """Only the case's own social worker and the head read or write a case."""
    require(actor, "cases.view")
    if actor.is_cli:  # case notes are read by a person who signed in, never anonymously
        raise PermissionDenied("case_needs_user", case=case.id, role=actor.role)
    if actor.role == HEAD:
        return
    if actor.role == SOCIAL_WORKER and case.social_worker_id == actor.staff_id:
        return
    raise PermissionDenied("case_not_yours", case=case.id, role=actor.role)


def _case_for(actor: Actor, case_id: int, *, writable: bool = True) -> Case:
    case = get_or_fail(Case, case_id)
    _readable(actor, case)
    if writable and case.status == "closed":
        raise ValidationError("case_closed", case=case.id)
    return case


def _corrected(case_id: int | None = None) -> peewee.ModelSelect:
    """The ids of records a later record corrects (of one case, or all): they don't count as
    service given."""
    fixed = CaseRecord.alias()
    query = fixed.select(fixed.corrects).where(fixed.corrects.is_null(False))
    return query if case_id is None else query.where(fixed.case == case_id)


def _since_opened(case: Case, day: _dt.date, field_name: str) -> _dt.date:
    if day < _as_date(case.opened_on):
        raise ValidationError("case_before_opened", field=field_name, day=day.isoformat(),
                              opened=_as_date(case.opened_on).isoformat())
    return day


def _advance(case: Case, stage: str) -> None:
    """Move the case forward to ``stage`` (never back: an intervention doesn't undo a plan)."""
    if CASE_STATUSES.index(stage) > CASE_STATUSES.index(case.status):
        case.status = stage


def _refresh(case: Case) -> None:
    """Recompute the derived dates from the rows on file, and save."""
    last = (CaseRecord.select(peewee.fn.MAX(CaseRecord.served_on))
            .where((CaseRecord.case == case.id)
                   & CaseRecord.id.not_in(_corrected(case.id))).scalar())
    case.last_record_on = _as_date(last)
    nxt = (CaseFollowUp.select(peewee.fn.MIN(CaseFollowUp.due_on))
           .where((CaseFollowUp.case == case.id) & CaseFollowUp.done_on.is_null()).scalar())
    case.follow_up_on = _as_date(nxt) if case.status == "closed" else None
    case.updated_at = stamp()
    case.save()


# ---------------------------------------------------------------- intake

@dataclass
class CaseInput:
    household_id: int
    problem: str
    member_id: int | None = None
    social_worker_id: int | None = None  # None: the household's worker (or the actor)
    opened_on: _dt.date | None = None
    source: str = "visit"
    need_id: int | None = None  # the need it grew from (marked "case")
    risk: str = ""


@writer("cases.edit")
def open_case(actor: Actor, data: CaseInput) -> Case:
    """接案: a case for a household or one of its members. A need it grew from is marked as
    turned into a case. A second open case for the same person is refused."""
    require(actor, "households.view")
    household = get_or_fail(Household, data.household_id)
    if data.member_id is not None and get_or_fail(Member, data.member_id).household_id != household.id:
        raise ValidationError("bad_choice", field="member", value=str(data.member_id))
    worker_id = data.social_worker_id or household.social_worker_id or actor.staff_id
    if worker_id is None:
        raise ValidationError("required", field="social_worker")
    worker = get_or_fail(Staff, worker_id)
    if worker.role not in (SOCIAL_WORKER, HEAD) or not worker.active:
        raise ValidationError("case_worker_role", name=worker.name)
    if household.status != "active":
        raise ValidationError("household_not_active", name=household.head_name)
    if actor.role == SOCIAL_WORKER and worker.id != actor.staff_id:
        raise PermissionDenied("case_not_yours", case=None, role=actor.role)
    same = Case.select().where((Case.household == household.id) & (Case.status != "closed")
                               & ((Case.member == data.member_id) if data.member_id
                                  else Case.member.is_null()))
    if same.exists():
        known = same.get()
        if actor.role == HEAD or known.social_worker_id == actor.staff_id:
            raise ValidationError("case_open_already", name=household.head_name, case=known.id)
        raise ValidationError("case_open_elsewhere", name=household.head_name)
    opened_on = _not_future(data.opened_on or today(), "opened_on")
    need = get_or_fail(Need, data.need_id) if data.need_id is not None else None
    if need is not None and (need.household_id != household.id
                             or need.status not in ("new", "in_progress")):
        raise ValidationError("case_need_unfit", content=need.content[:30])
    case = Case.create(
        household=household.id, member=data.member_id, social_worker=worker.id,
        opened_on=opened_on, source=_choice(data.source, CASE_SOURCES, "source"),
        need=need.id if need else None,
        problem=clean_text(data.problem, "problem", max_length=4000),
        risk=_choice(data.risk, RISK_LEVELS, "risk", blank=True), created_at=stamp(),
        updated_at=stamp())
    created(actor, case)
    if need is not None:
        before = values_of(need, ["status"])
        need.status = "case"
        need.follow_up = f"{need.follow_up}\n{today().isoformat()} {actor.name}：转为个案 #{case.id}".strip()
        need.save()
        saved(actor, need, before)
    return case


@writer("cases.transfer")
def transfer_case(actor: Actor, case_id: int, social_worker_id: int, reason: str) -> Case:
    """Hand a case to another social worker (one leaves, say); the head does this."""
    case = get_or_fail(Case, case_id)
    worker = get_or_fail(Staff, social_worker_id)
    if worker.role not in (SOCIAL_WORKER, HEAD) or not worker.active:
        raise ValidationError("case_worker_role", name=worker.name)
    before = values_of(case, ["social_worker"])
    case.social_worker = worker.id
    case.updated_at = stamp()
    case.save()
    saved(actor, case, before, note=clean_text(reason, "reason"))
    return case


# ---------------------------------------------------------------- assessment and plan

@dataclass
class AssessmentInput:
    assessed_on: _dt.date | None = None
    living: str = ""
    health: str = ""
    medication: str = ""
    self_care: str = ""
    emotion: str = ""
    guardianship: str = ""
    schooling: str = ""
    development: str = ""
    economy: str = ""
    support: str = ""
    needs: Sequence[str] = ()
    needs_note: str = ""
    risk: str = ""


ASSESSMENT_TEXTS = ("living", "health", "medication", "self_care", "emotion", "guardianship",
                    "schooling", "development", "economy", "support")


@writer("cases.edit")
def assess(actor: Actor, case_id: int, data: AssessmentInput) -> CaseAssessment:
    """预估: a needs assessment (a re-assessment is a new one; the last one counts). Its risk
    level becomes the case's."""
    case = _case_for(actor, case_id)
    texts = {name: (getattr(data, name) or "").strip() for name in ASSESSMENT_TEXTS}
    needs = [_choice(n, CASE_NEEDS, "needs") for n in dict.fromkeys(data.needs)]
    if not any(texts.values()) and not needs and not data.needs_note.strip():
        raise ValidationError("case_assessment_empty")
    if not data.risk:
        raise ValidationError("required", field="risk")
    risk = _choice(data.risk, RISK_LEVELS, "risk")
    row = CaseAssessment.create(
        case=case.id, assessed_on=_since_opened(
            case, _not_future(data.assessed_on or today(), "assessed_on"), "assessed_on"),
        needs=",".join(needs), needs_note=data.needs_note.strip(), risk=risk,
        by_name=actor.name, created_at=stamp(), **texts)
    created(actor, row)
    before = values_of(case, ["status", "risk"])
    case.risk = risk
    _advance(case, "assessment")
    _refresh(case)
    saved(actor, case, before)
    return row


@dataclass
class ActionInput:
    action: str
    owner: str = ""
    due_on: _dt.date | None = None


@dataclass
class PlanInput:
    goals: str
    actions: Sequence[ActionInput] = ()
    partners: str = ""
    note: str = ""
    made_on: _dt.date | None = None


@writer("cases.edit")
def save_plan(actor: Actor, case_id: int, data: PlanInput) -> CasePlan:
    """服务方案: goals, actions with owner and due date, partners. A revision is a new version."""
    case = _case_for(actor, case_id)
    goals = (data.goals or "").strip()
    if len(goals) > 4000:
        raise ValidationError("too_long", field="goals", max_length=4000)
    plan = CasePlan.create(case=case.id, made_on=_since_opened(
        case, _not_future(data.made_on or today(), "made_on"), "made_on"), goals=goals,
                           partners=(data.partners or "").strip(), note=(data.note or "").strip(),
                           by_name=actor.name, created_at=stamp())
    if not plan.goals:
        raise ValidationError("required", field="goals")
    for position, item in enumerate(data.actions):
        text = clean_text(item.action, "action", required=False)
        if text:
            CasePlanAction.create(plan=plan.id, position=position, action=text,
                                  owner=clean_text(item.owner, "owner", required=False,
                                                   max_length=64),
                                  due_on=_action_due(case, item.due_on))
    created(actor, plan)
    before = values_of(case, ["status"])
    _advance(case, "plan")
    _refresh(case)
    saved(actor, case, before)
    return plan


# ---------------------------------------------------------------- service records

@dataclass
class RecordInput:
    content: str
    served_on: _dt.date | None = None
    kind: str = "interview"
    minutes: int = 0
    workers: str = ""
    volunteers: str = ""
    goods: Sequence[stock.OutLine] = ()  # handed over on this service, out of stock
    corrects_id: int | None = None  # the record this one corrects
    reverse_goods: bool = False  # a correction also takes back the goods the record gave


@writer("cases.edit")
def add_record(actor: Actor, case_id: int, data: RecordInput) -> CaseRecord:
    """服务记录, appended. Goods handed over leave stock to the household (one voucher). A
    correction names the record it corrects; neither is ever changed."""
    case = _case_for(actor, case_id)
    served_on = _since_opened(case, _not_future(data.served_on or today(), "served_on"),
                              "served_on")
    try:
        minutes = int(data.minutes or 0)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field="minutes") from None
    if not 0 <= minutes <= 24 * 60:
        raise ValidationError("bad_number", field="minutes", value=str(data.minutes))
    corrects = None
    if data.corrects_id is not None:
        corrects = get_or_fail(CaseRecord, data.corrects_id)
        if corrects.case_id != case.id:
            raise ValidationError("bad_choice", field="corrects", value=str(data.corrects_id))
        later = (CaseRecord.select().where(CaseRecord.corrects == corrects.id)
                 .order_by(CaseRecord.id.desc()).first())
        if later is not None:  # one correction each: a second one corrects the correction
            raise ValidationError("case_record_corrected", day=_as_date(later.served_on)
                                  .isoformat(), content=later.content[:30])
    if data.reverse_goods:
        if corrects is None or corrects.voucher_id is None:
            raise ValidationError("case_no_goods_to_reverse")
        require(actor, "inventory.reverse")
        # the goods come back in the same transaction; refused if already reversed
        stock.reverse_voucher(actor, corrects.voucher_id,
                              f"个案 #{case.id} 更正 {_as_date(corrects.served_on)} 的服务记录")
    voucher = None
    if data.goods:
        require(actor, "inventory.give")
        voucher = stock.give_out_goods(actor, "household", served_on, list(data.goods),
                                       household_id=case.household_id,
                                       reference=f"个案 #{case.id}").id
    row = CaseRecord.create(
        case=case.id, served_on=served_on, kind=_choice(data.kind, RECORD_KINDS, "kind"),
        minutes=minutes, workers=clean_text(data.workers or actor.name, "workers",
                                            required=False),
        volunteers=clean_text(data.volunteers, "volunteers", required=False),
        content=(data.content or "").strip(), voucher=voucher,
        corrects=corrects.id if corrects else None, by_name=actor.name, created_at=stamp())
    if not row.content:
        raise ValidationError("required", field="record_content")
    created(actor, row)
    before = values_of(case, ["status"])
    _advance(case, "intervention")
    _refresh(case)
    saved(actor, case, before)
    return row


# ---------------------------------------------------------------- referrals

@writer("cases.edit")
def refer(actor: Actor, case_id: int, unit: str, purpose: str,
          referred_on: _dt.date | None = None) -> CaseReferral:
    """转介 to another unit (区残联, a school, a hospital), for a purpose."""
    case = _case_for(actor, case_id)
    row = CaseReferral.create(
        case=case.id, unit=clean_text(unit, "referral_unit", max_length=128),
        purpose=clean_text(purpose, "referral_purpose", max_length=2000),
        referred_on=_since_opened(case, _not_future(referred_on or today(), "referred_on"),
                                  "referred_on"), created_at=stamp())
    created(actor, row)
    _refresh(case)
    return row


def _action_due(case: Case, value) -> _dt.date | None:
    day = validate.date_value(value, field="due_on")
    return _since_opened(case, day, "due_on") if day is not None else None


@writer("cases.edit")
def update_referral(actor: Actor, referral_id: int, status: str, answer: str = "",
                    on: _dt.date | None = None) -> CaseReferral:
    """The unit's answer: accepted, resolved or not."""
    row = get_or_fail(CaseReferral, referral_id)
    _case_for(actor, row.case_id, writable=False)  # a unit's answer may come after closing
    before = values_of(row, ["status", "answer", "updated_on"])
    row.status = _choice(status, REFERRAL_STATUSES, "status")
    if answer.strip():
        row.answer = f"{row.answer}\n{answer.strip()}".strip()
    row.updated_on = _not_future(on or today(), "updated_on")
    if row.updated_on < _as_date(row.referred_on):
        raise ValidationError("case_answer_before_referral", day=row.updated_on.isoformat(),
                              referred=_as_date(row.referred_on).isoformat())
    row.save()
    saved(actor, row, before)
    return row


# ---------------------------------------------------------------- stages, closing, follow-ups

@writer("cases.edit")
def set_stage(actor: Actor, case_id: int, stage: str) -> Case:
    """Move an open case to a stage of the process (评估 before closing, say)."""
    case = _case_for(actor, case_id)
    stage = _choice(stage, OPEN_STAGES, "status")
    before = values_of(case, ["status"])
    case.status = stage
    _refresh(case)
    saved(actor, case, before)
    return case


@dataclass
class CloseInput:
    reason: str
    goals_met: str = "met"
    summary: str = ""
    reflection: str = ""
    closed_on: _dt.date | None = None
    follow_up_months: Sequence[int] = FOLLOW_UP_MONTHS


@writer("cases.edit")
def close_case(actor: Actor, case_id: int, data: CloseInput) -> Case:
    """结案 after evaluation: goals met or not, the summary and reflection, the reason; the
    follow-ups (回访) are scheduled and fall due on their dates."""
    case = _case_for(actor, case_id)
    closed_on = _not_future(data.closed_on or today(), "closed_on")
    if closed_on < _as_date(case.opened_on):
        raise ValidationError("case_closed_before_opened", day=closed_on.isoformat(),
                              opened=_as_date(case.opened_on).isoformat())
    last = _as_date(case.last_record_on)
    if last is not None and closed_on < last:
        raise ValidationError("case_closed_before_service", day=closed_on.isoformat(),
                              last=last.isoformat())
    before = values_of(case, ["status", "closed_on", "close_reason", "goals_met"])
    case.status, case.closed_on = "closed", closed_on
    case.close_reason = clean_text(data.reason, "close_reason")
    case.goals_met = _choice(data.goals_met, GOALS_MET, "goals_met")
    case.summary = (data.summary or "").strip()
    case.reflection = (data.reflection or "").strip()
    if not case.summary:
        raise ValidationError("required", field="summary")
    for months in sorted({int(m) for m in data.follow_up_months}):
        if not 0 < months <= 24:
            raise ValidationError("bad_number", field="follow_up", value=str(months))
        CaseFollowUp.create(case=case.id, due_on=_add_months(closed_on, months))
    _refresh(case)
    saved(actor, case, before)
    return case


@writer("cases.edit")
def record_follow_up(actor: Actor, follow_up_id: int, note: str,
                     done_on: _dt.date | None = None,
                     next_due_on: _dt.date | None = None) -> CaseFollowUp:
    """回访 done: what was found, and (``next_due_on``) another one to come, together. The
    case's next follow-up moves on."""
    row = get_or_fail(CaseFollowUp, follow_up_id)
    case = _case_for(actor, row.case_id, writable=False)
    if row.done_on is not None:
        raise ValidationError("case_follow_up_done", day=_as_date(row.done_on).isoformat())
    before = values_of(row, ["done_on", "note"])
    row.done_on = _not_future(done_on or today(), "done_on")
    if case.closed_on and row.done_on < _as_date(case.closed_on):
        raise ValidationError("case_before_closed", day=row.done_on.isoformat(),
                              closed=_as_date(case.closed_on).isoformat())
    row.note = clean_text(note, "note", max_length=4000)
    row.by_name = actor.name
    row.save()
    saved(actor, row, before)
    if next_due_on is not None:
        _schedule(actor, case, next_due_on)
    _refresh(case)
    return row


def _schedule(actor: Actor, case: Case, due_on) -> CaseFollowUp:
    due_on = validate.date_value(due_on, field="follow_up_on", required=True)
    if due_on < today():
        raise ValidationError("case_follow_up_past", day=due_on.isoformat())
    row = CaseFollowUp.create(case=case.id, due_on=due_on)
    created(actor, row)
    return row


@writer("cases.edit")
def add_follow_up(actor: Actor, case_id: int, due_on: _dt.date) -> CaseFollowUp:
    """Another follow-up for a closed case (the first one found something to watch)."""
    case = _case_for(actor, case_id, writable=False)
    if case.status != "closed":
        raise ValidationError("case_not_closed")
    row = _schedule(actor, case, due_on)
    _refresh(case)
    return row


@writer("cases.edit")
def reopen_case(actor: Actor, case_id: int, reason: str) -> Case:
    """A closed case comes back (a follow-up found the trouble back): intervention again;
    follow-ups not done are dropped."""
    case = _case_for(actor, case_id, writable=False)
    if case.status != "closed":
        raise ValidationError("case_not_closed")
    reason = clean_text(reason, "reason")
    before = values_of(case, ["status", "closed_on"])
    for pending in CaseFollowUp.select().where((CaseFollowUp.case == case.id)
                                               & CaseFollowUp.done_on.is_null()):
        deleted(actor, pending, note=reason)
        pending.delete_instance()
    case.status, case.closed_on = "intervention", None
    _refresh(case)
    saved(actor, case, before, note=reason)
    return case


# ---------------------------------------------------------------- the hotline

@dataclass
class CallInput:
    content: str
    line: str = ""
    called_at: _dt.datetime | None = None
    caller: str = ""
    caller_phone: str = ""
    household_id: int | None = None
    urgency: str = "normal"
    action: str = ""


@writer("hotline.log")
def log_call(actor: Actor, data: CallInput) -> HotlineCall:
    """A call to a hotline line, logged as it is answered: the need it raised goes on file
    (source hotline) with the household when it is known."""
    from .households import NEED_URGENCIES, _create_need

    called_at = data.called_at or now()
    if called_at > now() + _dt.timedelta(minutes=5):
        raise ValidationError("date_in_future", field="called_at", value=stamp(called_at))
    content = clean_text(data.content, "content", max_length=2000)
    if data.household_id is not None:
        get_or_fail(Household, data.household_id)
    phone = validate.phone(data.caller_phone, field="caller_phone")
    need = _create_need(actor, data.household_id, content, source="hotline",
                        urgency=_choice(data.urgency, NEED_URGENCIES, "urgency"),
                        raised_on=called_at.date())
    if data.action.strip():
        need.follow_up = f"{called_at:%Y-%m-%d %H:%M} {actor.name}：{data.action.strip()}"
        need.save()
    call = HotlineCall.create(
        called_at=stamp(called_at), line=clean_text(data.line, "line", required=False,
                                                     max_length=32),
        caller=clean_text(data.caller, "caller", required=False, max_length=64),
        caller_phone=phone, household=data.household_id, need=need.id, content=content,
        urgency=need.urgency, action=(data.action or "").strip(), answered_by=actor.name,
        recorded_by=actor.staff_id, created_at=stamp())
    created(actor, call)
    return call


@dataclass(frozen=True)
class CallerMatch:
    household_id: int
    name: str  # masked unless the actor sees household files
    village: str


def match_caller(actor: Actor, digits: str, limit: int = 8) -> list[CallerMatch]:
    """Households whose phone (or a member's) ends with ``digits`` (4 or more): the one
    calling, found while the call goes on. The front desk sees names masked."""
    require(actor, "hotline.log")
    digits = "".join(ch for ch in str(digits) if ch.isdigit())
    if len(digits) < 4:
        return []
    ids = [hid for (hid,) in Household.select(Household.id).where(
        Household.phone.endswith(digits) | Household.id.in_(
            Member.select(Member.household).where(Member.phone.endswith(digits))))
        .limit(limit).tuples()]
    full = actor.can("households.view")
    rows = (Household.select(Household.id, Household.head_name, Village.name)
            .join(Village, on=(Household.village == Village.id))
            .where(Household.id.in_(ids)).tuples()) if ids else []
    return [CallerMatch(hid, name if full else validate.mask_name(name), village)
            for hid, name, village in rows]


@dataclass(frozen=True)
class CallRow:
    id: int
    called_at: str
    line: str
    caller: str  # masked for roles without household files
    caller_phone: str  # masked
    household: str
    content: str
    urgency: str
    action: str
    answered_by: str
    need_status: str


def calls(actor: Actor, date_from: _dt.date, date_to: _dt.date, *,
          line: str = "") -> list[CallRow]:
    """The call log for a period, newest first."""
    require(actor, "hotline.view")
    full = actor.can("households.view")
    # The joined rows' ids too: without them peewee sets call.household (and .need) to a
    # row with no id, and household_id / need_id read None.
    query = (HotlineCall.select(HotlineCall, Household.id, Household.head_name, Need.id,
                                Need.status)
             .join(Household, peewee.JOIN.LEFT_OUTER, on=(HotlineCall.household == Household.id))
             .switch(HotlineCall).join(Need, peewee.JOIN.LEFT_OUTER,
                                       on=(HotlineCall.need == Need.id))
             .where((HotlineCall.called_at >= date_from.isoformat())
                    & (HotlineCall.called_at < (date_to + _dt.timedelta(days=1)).isoformat()))
             .order_by(HotlineCall.called_at.desc()))
    if line:
        query = query.where(HotlineCall.line == line)
    rows = []
    for call in query:
        head = call.household.head_name if call.household_id else ""
        rows.append(CallRow(
            call.id, call.called_at, call.line,
            call.caller if full else validate.mask_name(call.caller),
            validate.mask_phone(call.caller_phone),
            head if full else validate.mask_name(head), call.content, call.urgency,
            call.action, call.answered_by, call.need.status if call.need_id else ""))
    return rows


# ---------------------------------------------------------------- reading

@dataclass(frozen=True)
class CaseQuery:
    social_worker_id: int | None = None
    status: str = "open"  # open, closed, all, or one stage
    risk: str = ""
    due_only: bool = False
    village_id: int | None = None
    text: str = ""  # the head's name, or the problem
    household_id: int | None = None  # one household's cases (its file lists them)


@dataclass(frozen=True)
class CaseRow:
    id: int
    household_id: int
    head_name: str
    member_name: str
    village: str
    social_worker_id: int
    social_worker: str
    opened_on: _dt.date
    source: str
    problem: str
    status: str
    risk: str
    last_record_on: _dt.date | None
    follow_up_on: _dt.date | None
    due: str  # "", "follow_up" (a follow-up date has come) or "quiet" (30 days without service)


def _due_clause(on: _dt.date):
    quiet = (on - _dt.timedelta(days=QUIET_DAYS)).isoformat()
    follow = (Case.status == "closed") & (Case.follow_up_on <= on)
    silent = ((Case.status != "closed")
              & (peewee.fn.COALESCE(Case.last_record_on, Case.opened_on) <= quiet))
    return follow | silent


def list_cases(actor: Actor, query: CaseQuery | None = None,
               on: _dt.date | None = None) -> list[CaseRow]:
    """Cases, filtered in SQL: a social worker sees their own, the head all of them."""
    require(actor, "cases.view")
    if actor.is_cli:
        raise PermissionDenied("case_needs_user", case=None, role=actor.role)
    query = query or CaseQuery()
    on = on or today()
    where = peewee.Value(True)
    if actor.role != HEAD:
        where &= Case.social_worker == actor.staff_id
    if query.social_worker_id is not None:
        where &= Case.social_worker == query.social_worker_id
    if query.household_id is not None:
        where &= Case.household == query.household_id
    if query.status == "open":
        where &= Case.status != "closed"
    elif query.status in CASE_STATUSES:
        where &= Case.status == query.status
    elif query.status not in ("all", ""):
        raise ValidationError("bad_choice", field="status", value=query.status)
    if query.risk:
        where &= Case.risk == _choice(query.risk, RISK_LEVELS, "risk")
    if query.due_only:
        where &= _due_clause(on)
    if query.village_id is not None:
        where &= Household.village == query.village_id
    if query.text.strip():
        where &= (contains_text(Household.head_name, query.text)
                  | contains_text(Case.problem, query.text))
    workers = dict(Staff.select(Staff.id, Staff.name).tuples())
    villages = dict(Village.select(Village.id, Village.name).tuples())
    select = (Case.select(Case.id, Case.household, Household.head_name, Member.name,
                          Household.village, Case.social_worker, Case.opened_on, Case.source,
                          Case.problem, Case.status, Case.risk, Case.last_record_on,
                          Case.follow_up_on)
              .join(Household, on=(Case.household == Household.id))
              .join(Member, peewee.JOIN.LEFT_OUTER, on=(Case.member == Member.id))
              .where(where).order_by(Case.opened_on.desc(), Case.id.desc()))
    quiet = on - _dt.timedelta(days=QUIET_DAYS)
    rows = []
    for (cid, hid, head, member, village, worker, opened, source, problem, status, risk, last,
         follow) in database.execute(select):
        opened, last, follow = _as_date(opened), _as_date(last), _as_date(follow)
        due = ""
        if status == "closed" and follow is not None and follow <= on:
            due = "follow_up"
        elif status != "closed" and (last or opened) <= quiet:
            due = "quiet"
        rows.append(CaseRow(cid, hid, head, member or "", villages.get(village, ""), worker,
                            workers.get(worker, ""), opened, source, problem, status, risk,
                            last, follow, due))
    return rows


@dataclass(frozen=True)
class TimelineEntry:
    day: _dt.date
    kind: str  # opened, assessment, plan, record, referral, closed, follow_up
    title: str
    detail: str
    row_id: int | None = None


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRow
    village_id: int
    problem: str
    need_id: int | None
    closed_on: _dt.date | None
    close_reason: str
    goals_met: str
    summary: str
    reflection: str
    assessments: tuple[CaseAssessment, ...]  # newest first
    plans: tuple[tuple[CasePlan, tuple[CasePlanAction, ...]], ...]  # newest first
    records: tuple[CaseRecord, ...]  # oldest first
    referrals: tuple[CaseReferral, ...]
    follow_ups: tuple[CaseFollowUp, ...]
    timeline: tuple[TimelineEntry, ...]
    corrected: frozenset[int] = field(default_factory=frozenset)  # records corrected later
    goods: dict[int, str] = field(default_factory=dict)  # record id -> "大米 2袋、食用油 1桶"
    goods_back: frozenset[int] = field(default_factory=frozenset)  # records whose goods came back


def get_case(actor: Actor, case_id: int) -> CaseDetail:
    """One case with everything on file and its timeline; the reading is audited."""
    case = get_or_fail(Case, case_id)
    _readable(actor, case)
    detail = _detail(case)
    sensitive_read(actor, "case", case.id, f"个案 #{case.id}")
    return detail


def _detail(case: Case) -> CaseDetail:
    row = _row_of(case)
    assessments = tuple(CaseAssessment.select().where(CaseAssessment.case == case.id)
                        .order_by(CaseAssessment.assessed_on.desc(), CaseAssessment.id.desc()))
    plans = tuple(CasePlan.select().where(CasePlan.case == case.id)
                  .order_by(CasePlan.made_on.desc(), CasePlan.id.desc()))
    actions: dict[int, list[CasePlanAction]] = defaultdict(list)
    if plans:
        for action in (CasePlanAction.select().where(CasePlanAction.plan.in_([p.id for p in plans]))
                       .order_by(CasePlanAction.position)):
            actions[action.plan_id].append(action)
    records = tuple(CaseRecord.select().where(CaseRecord.case == case.id)
                    .order_by(CaseRecord.served_on, CaseRecord.id))
    referrals = tuple(CaseReferral.select().where(CaseReferral.case == case.id)
                      .order_by(CaseReferral.referred_on, CaseReferral.id))
    follow_ups = tuple(CaseFollowUp.select().where(CaseFollowUp.case == case.id)
                       .order_by(CaseFollowUp.due_on))
    timeline = [TimelineEntry(_as_date(case.opened_on), "opened", "", case.problem, case.id)]
    timeline += [TimelineEntry(_as_date(a.assessed_on), "assessment", a.risk, a.needs_note, a.id)
                 for a in assessments]
    timeline += [TimelineEntry(_as_date(p.made_on), "plan", "", p.goals, p.id) for p in plans]
    timeline += [TimelineEntry(_as_date(r.served_on), "record", r.kind, r.content, r.id)
                 for r in records]
    timeline += [TimelineEntry(_as_date(r.referred_on), "referral", r.unit, r.purpose, r.id)
                 for r in referrals]
    if case.closed_on:
        timeline.append(TimelineEntry(_as_date(case.closed_on), "closed", case.goals_met,
                                      case.close_reason, case.id))
    timeline += [TimelineEntry(_as_date(f.done_on or f.due_on), "follow_up",
                               "done" if f.done_on else "due", f.note, f.id) for f in follow_ups]
    order = {"opened": 0, "assessment": 1, "plan": 2, "record": 3, "referral": 4, "closed": 5,
             "follow_up": 6}
    timeline.sort(key=lambda e: (e.day, order[e.kind], e.row_id or 0))
    return CaseDetail(
        row, _village_of(case), case.problem, case.need_id, _as_date(case.closed_on),
        case.close_reason, case.goals_met, case.summary, case.reflection, assessments,
        tuple((p, tuple(actions[p.id])) for p in plans), records, referrals, follow_ups,
        tuple(timeline), frozenset(r.corrects_id for r in records if r.corrects_id),
        *_goods_of(records))


def _goods_of(records: Sequence[CaseRecord]) -> tuple[dict[int, str], frozenset[int]]:
    """What each record handed over, and which records' goods were taken back."""
    by_voucher = {r.voucher_id: r.id for r in records if r.voucher_id}
    if not by_voucher:
        return {}, frozenset()
    goods: dict[int, list[str]] = defaultdict(list)
    for voucher, name, spec, unit, quantity in (
            StockMovement.select(StockMovement.voucher, Item.name, Item.spec, Item.unit,
                                 peewee.fn.SUM(StockMovement.quantity))
            .join(Item).where(StockMovement.voucher.in_(list(by_voucher)))
            .group_by(StockMovement.voucher, Item.id).order_by(Item.name).tuples()):
        label = f"{name}（{spec}）" if spec else name
        goods[by_voucher[voucher]].append(f"{label} {-quantity}{unit}")
    back = frozenset(by_voucher[v] for v, in Voucher.select(Voucher.reverses)
                     .where(Voucher.reverses.in_(list(by_voucher))).tuples())
    return {k: "、".join(v) for k, v in goods.items()}, back


def _village_of(case: Case) -> int:
    return Household.select(Household.village).where(Household.id == case.household_id).scalar()


def _row_of(case: Case) -> CaseRow:
    household = case.household
    member = case.member.name if case.member_id else ""
    on = today()
    last, follow = _as_date(case.last_record_on), _as_date(case.follow_up_on)
    due = ""
    if case.status == "closed" and follow is not None and follow <= on:
        due = "follow_up"
    elif case.status != "closed" and (last or _as_date(case.opened_on)) <= on - _dt.timedelta(days=QUIET_DAYS):
        due = "quiet"
    return CaseRow(case.id, household.id, household.head_name, member, household.village.name,
                   case.social_worker_id, case.social_worker.name, _as_date(case.opened_on),
                   case.source, case.problem, case.status, case.risk, last, follow, due)


# ---------------------------------------------------------------- figures

@dataclass(frozen=True)
class FigureLine:
    key: str  # a village's or a social worker's name
    opened: int
    active: int  # open at the month's end
    closed: int
    records: int
    minutes: int


@dataclass(frozen=True)
class Figures:
    year: int
    month: int
    by_village: tuple[FigureLine, ...]
    by_worker: tuple[FigureLine, ...]
    needs_collected: int
    needs_resolved: int
    needs_referred: int
    needs_to_case: int
    needs_by_source: tuple[tuple[str, int], ...]
    calls_by_line: tuple[tuple[str, int], ...]
    calls_by_hour: tuple[tuple[int, int], ...]


def figures(actor: Actor, year: int, month: int) -> Figures:
    """A month's figures for the civil affairs office: cases opened, active and closed, and
    service records, per village and social worker; needs collected and what became of them;
    calls by line and hour. Counts only: no names."""
    require(actor, "cases.figures")
    start = _dt.date(year, month, 1)
    end = _add_months(start, 1) - _dt.timedelta(days=1)
    villages = dict(Village.select(Village.id, Village.name).tuples())
    workers = dict(Staff.select(Staff.id, Staff.name).tuples())
    lines: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    cases = (Case.select(Case.id, Household.village, Case.social_worker, Case.opened_on,
                         Case.closed_on)
             .join(Household, on=(Case.household == Household.id))
             .where(Case.opened_on <= end).tuples())
    for _cid, village, worker, opened, closed in cases:
        opened, closed = _as_date(opened), _as_date(closed)
        for key in (("v", village), ("w", worker)):
            line = lines[key]
            line[0] += start <= opened <= end
            line[1] += closed is None or closed > end
            line[2] += closed is not None and start <= closed <= end
    records = (CaseRecord.select(Household.village, Case.social_worker,
                                 peewee.fn.COUNT(CaseRecord.id),
                                 peewee.fn.SUM(CaseRecord.minutes))
               .join(Case).join(Household, on=(Case.household == Household.id))
               .where((CaseRecord.served_on >= start) & (CaseRecord.served_on <= end)
                      & CaseRecord.id.not_in(_corrected()))
               .group_by(Household.village, Case.social_worker).tuples())
    for village, worker, count, minutes in records:
        for key in (("v", village), ("w", worker)):
            lines[key][3] += count
            lines[key][4] += int(minutes or 0)

    def made(kind: str, names: dict) -> tuple[FigureLine, ...]:
        return tuple(FigureLine(names.get(k, ""), *v) for (t, k), v in
                     sorted(lines.items(), key=lambda kv: names.get(kv[0][1], ""))
                     if t == kind and any(v))

    needs = list(Need.select(Need.source, Need.status).where(
        (Need.raised_on >= start) & (Need.raised_on <= end)).tuples())
    statuses = Counter(s for _src, s in needs)
    calls_in = list(HotlineCall.select(HotlineCall.line, HotlineCall.called_at).where(
        (HotlineCall.called_at >= start.isoformat())
        & (HotlineCall.called_at < (end + _dt.timedelta(days=1)).isoformat())).tuples())
    return Figures(
        year, month, made("v", villages), made("w", workers), len(needs),
        statuses["resolved"], statuses["referred"], statuses["case"],
        tuple(sorted(Counter(src for src, _s in needs).items())),
        tuple(sorted(Counter(line or "" for line, _at in calls_in).items())),
        tuple(sorted(Counter(int(at[11:13]) for _line, at in calls_in).items())))


# ---------------------------------------------------------------- the needs log

@dataclass(frozen=True)
class NeedLogRow:
    id: int
    raised_on: _dt.date
    source: str
    household_id: int | None
    household: str  # the head's name; for a call with no household known, the caller's
    village: str
    content: str
    urgency: str
    status: str
    follow_up: str
    call_id: int | None  # the hotline call that raised it, if any
    called_at: str = ""  # the call's time "YYYY-MM-DD HH:MM", when a call raised it
    line: str = ""  # which of the station's lines
    logged_by: str = ""  # who answered the call or wrote the need down


def needs_log(actor: Actor, date_from: _dt.date, date_to: _dt.date, *, status: str = "",
              source: str = "", urgency: str = "") -> list[NeedLogRow]:
    """Every need (群众诉求) raised in the period, by any channel, newest first: what the
    station heard and what became of it. Household files only (the front desk reads calls)."""
    from .households import NEED_SOURCES, NEED_STATUSES, NEED_URGENCIES

    require(actor, "households.view")
    query = (Need.select(Need.id, Need.raised_on, Need.source, Need.household, Need.content,
                         Need.urgency, Need.status, Need.follow_up,
                         Household.head_name.alias("head_name"),
                         Village.name.alias("village_name"), HotlineCall.id.alias("call_id"),
                         HotlineCall.caller.alias("caller"),
                         HotlineCall.called_at.alias("called_at"),
                         HotlineCall.line.alias("line"),
                         HotlineCall.answered_by.alias("answered_by"),
                         Staff.name.alias("recorder"))
             .join(Household, peewee.JOIN.LEFT_OUTER, on=(Need.household == Household.id))
             .join(Village, peewee.JOIN.LEFT_OUTER, on=(Household.village == Village.id))
             .switch(Need).join(HotlineCall, peewee.JOIN.LEFT_OUTER,
                                on=(HotlineCall.need == Need.id))
             .switch(Need).join(Staff, peewee.JOIN.LEFT_OUTER, on=(Need.recorded_by == Staff.id))
             .where((Need.raised_on >= date_from) & (Need.raised_on <= date_to))
             .order_by(Need.raised_on.desc(), Need.id.desc()))
    if status:
        query = query.where(Need.status == _choice(status, NEED_STATUSES, "status"))
    if source:
        query = query.where(Need.source == _choice(source, NEED_SOURCES, "source"))
    if urgency:
        query = query.where(Need.urgency == _choice(urgency, NEED_URGENCIES, "urgency"))
    rows, seen = [], set()
    for row in query.dicts():
        if row["id"] in seen:  # two calls naming one need: list it once
            continue
        seen.add(row["id"])
        name = row["head_name"] if row["household"] else row["caller"]
        rows.append(NeedLogRow(
            row["id"], _as_date(row["raised_on"]), row["source"], row["household"],
            name or "", row["village_name"] or "", row["content"], row["urgency"],
            row["status"], row["follow_up"] or "", row["call_id"],
            (row["called_at"] or "")[:16].replace("T", " "), row["line"] or "",
            row["answered_by"] or row["recorder"] or ""))
    return rows

