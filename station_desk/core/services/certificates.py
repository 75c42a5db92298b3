"""志愿服务时长证明 (民政部令第67号): issued, numbered and kept on file; voided, never deleted.

The hours are the actual service time the attendance ledger derives (void and still-open
visits left out; a visit waiting for staff to confirm is credited as the ledger credits it).
A certificate's number comes from a yearly counter bumped in the same IMMEDIATE transaction
that files the certificate, so two desks can never print the same number.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from .. import settings, validate
from ..audit import created, record, sensitive_read
from ..clock import stamp, today
from ..errors import ValidationError
from ..models import Certificate, CertificateCounter, Volunteer
from ..roles import Actor, require
from . import attendance
from .base import clean_text, get_or_fail, writer
from .station import get_station, head_name

FULL_ID_SETTING = "certificates.full_id"
KIND_NAMES = {"front_desk": "前台值班", "hotline": "热线接听", "home_visit": "入户探访",
              "activity": "志愿活动"}
WALK_IN = "到站服务"
CONTENT_LIMIT = 255


@dataclass(frozen=True)
class ServiceRecord:
    hours: float
    person_times: int
    content: str  # the shifts served, most served first, joined with 、
    pending: int = 0  # of those visits, how many wait for staff to confirm (补登)
    pending_hours: float = 0.0  # and the hours credited to them so far


def service_record(actor: Actor, volunteer_id: int, start: _dt.date,
                   end: _dt.date) -> ServiceRecord:
    """What a certificate for ``start``..``end`` would say about the volunteer's service."""
    rows = [r for r in attendance.visits(actor, start, end, volunteer_id=volunteer_id)
            if r.status not in ("void", "open")]
    served: dict[str, int] = {}
    for row in rows:
        name = (row.shift.name or KIND_NAMES.get(row.shift.kind, row.shift.kind)) if row.shift \
            else WALK_IN
        served[name] = served.get(name, 0) + 1
    names = sorted(served, key=lambda n: (-served[n], n))
    content = ""
    for name in names:
        joined = f"{content}、{name}" if content else name
        if len(joined) > CONTENT_LIMIT - 2:
            content += "等"
            break
        content = joined
    # 补登 not yet confirmed by staff (a paper entry keeps its 补登 mark once confirmed)
    waiting = [r for r in rows if r.status == "pending" and not r.confirmed]
    return ServiceRecord(round(sum(r.hours for r in rows), 2), len(rows), content, len(waiting),
                         round(sum(r.hours for r in waiting), 2))


def _check_period(start: _dt.date, end: _dt.date) -> None:
    if start > end:
        raise ValidationError("certificate_period", field="period_from", start=start.isoformat(),
                              end=end.isoformat())
    if end > today():
        raise ValidationError("certificate_future", field="period_to", today=today().isoformat())


def _next_number(year: int) -> str:
    counter, _ = CertificateCounter.get_or_create(year=year, defaults={"last": 0})
    CertificateCounter.update(last=CertificateCounter.last + 1).where(
        CertificateCounter.id == counter.id).execute()
    last = CertificateCounter.get_by_id(counter.id).last
    return f"{year}-{last:04d}"


@writer("volunteers.edit")
def issue_certificate(actor: Actor, volunteer_id: int, start: _dt.date, end: _dt.date) -> int:
    """File a new certificate for the volunteer's service on ``start``..``end``; its id."""
    volunteer = get_or_fail(Volunteer, volunteer_id)
    _check_period(start, end)
    if get_station() is None:
        raise ValidationError("certificate_no_station")
    service = service_record(actor, volunteer.id, start, end)
    if service.person_times == 0 or service.hours <= 0:
        raise ValidationError("certificate_no_hours", name=volunteer.name,
                              start=start.isoformat(), end=end.isoformat())
    certificate = Certificate.create(
        number=_next_number(today().year), volunteer=volunteer.id, period_from=start,
        period_to=end, hours=service.hours, person_times=service.person_times,
        content=service.content, issued_at=stamp(), issued_by=actor.staff_id,
        issued_by_name="" if actor.is_cli else actor.name)  # the command line: signed by hand
    created(actor, certificate)
    return certificate.id


@writer("volunteers.edit")
def void_certificate(actor: Actor, certificate_id: int, reason: str) -> None:
    """Withdraw a spoiled or wrong certificate; it stays on file, marked void with the reason."""
    certificate = get_or_fail(Certificate, certificate_id)
    reason = clean_text(reason, "reason")
    if certificate.void:
        raise ValidationError("certificate_void_already", number=certificate.number,
                              voided_at=certificate.voided_at)
    certificate.void, certificate.void_reason, certificate.voided_at = True, reason, stamp()
    certificate.save()
    record(actor, "update", "certificate", certificate.id, {"void": False},
           {"void": True, "void_reason": reason, "number": certificate.number})


@dataclass(frozen=True)
class CertificateRow:
    id: int
    number: str
    volunteer_id: int
    volunteer_name: str
    period_from: _dt.date
    period_to: _dt.date
    hours: float
    issued_at: str
    issued_by_name: str
    void: bool
    void_reason: str


def list_certificates(actor: Actor, volunteer_id: int | None = None) -> list[CertificateRow]:
    """Certificates on file, newest first (void ones included, marked)."""
    require(actor, "volunteers.view")
    query = (Certificate.select(Certificate, Volunteer.name.alias("vname")).join(Volunteer)
             .order_by(Certificate.id.desc()))
    if volunteer_id is not None:
        query = query.where(Certificate.volunteer == volunteer_id)
    return [CertificateRow(c.id, c.number, c.volunteer_id, c.vname, _date(c.period_from),
                           _date(c.period_to), c.hours, c.issued_at, c.issued_by_name, c.void,
                           c.void_reason)
            for c in query.objects()]


def _date(value) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class CertificateData:
    """Everything the printed certificate shows."""

    number: str
    station: str
    organisation: str
    station_phone: str
    station_address: str
    head: str
    clerk: str
    volunteer_name: str
    id_type: str
    id_number: str  # masked unless the station prints them in full
    volunteer_number: str
    team: str
    period_from: _dt.date
    period_to: _dt.date
    content: str
    hours: float
    person_times: int
    issued_on: _dt.date
    void: bool
    void_reason: str
    pending: int = 0  # visits in the period still waiting for staff to confirm (补登), now
    pending_hours: float = 0.0  # and the hours they are credited with so far


def certificate_data(actor: Actor, certificate_id: int) -> CertificateData:
    """The certificate as filed, ready to print. The ID number is masked unless the setting
    ``certificates.full_id`` is on and the actor may see ID numbers; a full one is audited."""
    require(actor, "volunteers.view")
    certificate = get_or_fail(Certificate, certificate_id)
    volunteer = Volunteer.get_by_id(certificate.volunteer_id)
    station = get_station()
    head = head_name(station)
    number = volunteer.id_number or ""
    full = bool(number) and bool(settings.get(FULL_ID_SETTING)) and actor.can("ids.reveal")
    if full:
        sensitive_read(actor, "volunteer", volunteer.id, f"certificate {certificate.number}")
    team = volunteer.team.name if volunteer.team_id else ""
    period_from, period_to = _date(certificate.period_from), _date(certificate.period_to)
    service = service_record(actor, volunteer.id, period_from, period_to)
    return CertificateData(
        number=certificate.number, station=station.name if station else "",
        organisation=station.organisation if station else "",
        station_phone=station.phone if station else "",
        station_address=station.address if station else "", head=head,
        clerk=certificate.issued_by_name, volunteer_name=volunteer.name,
        id_type="居民身份证" if number else "", id_number=number if full else
        (validate.mask_id(number) if number else ""),
        volunteer_number=volunteer.platform_number, team=team,
        period_from=period_from, period_to=period_to,
        content=certificate.content, hours=certificate.hours,
        person_times=certificate.person_times,
        issued_on=_dt.datetime.fromisoformat(certificate.issued_at).date(),
        void=certificate.void, void_reason=certificate.void_reason, pending=service.pending,
        pending_hours=service.pending_hours)
