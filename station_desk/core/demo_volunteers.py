"""Demo volunteers for ``station-desk demo``: six teams, ~8 weekly shift templates, a year of
dated shifts with who was assigned, and the attendance ledger those shifts left behind.

1,000 volunteers give about 100,000 attendance events a year: sign-in/sign-out pairs (some
late, some early), walk-ins (no assignment that day: ``walk_in`` set, no shift), forgotten
sign-outs closed automatically (at the shift's end plus the tolerance, or the walk-in closing
hour; about half later confirmed by staff with a correction), a few paper-sheet visits and
voids, and no-shows (assigned, never came). Each volunteer has at most one shift a day, so
the ledger obeys attendance's rules: one open visit per person, every past visit closed.

Rows are built in Python and written with ``bulk_insert`` (``executemany``) inside the
demo's one transaction; one audit row records the lot, as for the households.
"""

from __future__ import annotations

import base64
import datetime as _dt
import random
from dataclasses import dataclass

from . import search, settings
from .audit import record
from .clock import now, stamp
from .demo_households import GIVEN, MOBILE_PREFIXES, SURNAMES, bulk_insert, id_number
from .models import (
    Assignment,
    AttendanceEvent,
    CardToken,
    Member,
    Shift,
    ShiftTemplate,
    Skill,
    Staff,
    Team,
    Volunteer,
    VolunteerSkill,
)
from .roles import Actor

STATION_VOLUNTEERS = 1000
# (name, note, share of the volunteers, skill every member has)
TEAMS = (
    ("党员先锋队", "在职及退休党员", 0.20, None),
    ("巾帼志愿队", "妇联牵头", 0.20, None),
    ("青年突击队", "团委牵头，学生及青年", 0.22, None),
    ("银龄互助队", "低龄老人帮高龄老人", 0.20, None),
    ("医疗服务队", "镇卫生院医护人员", 0.10, "医疗"),
    ("法律服务队", "律师及法律工作者", 0.08, "法律"),
)
SKILLS = ("医疗", "理发", "心理", "法律", "驾驶", "摄影", "手语", "电脑", "厨艺", "书法")
# (name, kind, place, weekdays, start, end, capacity per 1,000 volunteers, skill)
TEMPLATES = (
    ("前台值班（上午）", "front_desk", "服务站前台", "1,2,3,4,5", "08:30", "12:00", 4, None),
    ("前台值班（下午）", "front_desk", "服务站前台", "1,2,3,4,5", "14:00", "17:30", 4, None),
    ("热线值守", "hotline", "服务站热线室", "1,2,3,4,5,6,7", "09:00", "17:00", 2, None),
    ("入户探访", "home_visit", "各村居", "1,2,3,4,5", "09:00", "11:30", 40, None),
    ("医疗入户", "home_visit", "各村居", "2,4", "14:30", "17:00", 10, "医疗"),
    ("文明劝导", "activity", "镇中心市场", "1,2,3,4,5", "16:00", "18:00", 50, None),
    ("周末活动", "activity", "石滩镇文化广场", "6,7", "09:00", "11:30", 200, None),
    ("法律咨询", "activity", "服务站调解室", "3", "14:30", "16:30", 3, "法律"),
)
PAUSED_SHARE = 0.03
LEFT_SHARE = 0.03
SHARED_TAIL_SHARE = 0.04  # mobiles whose last four digits another volunteer's share
CARD_SHARE = 0.9
FILL_SHARE = 0.92  # of a shift's places, how many were assigned
CANCELLED_SHARE = 0.03
NO_SHOW_SHARE = 0.06
WALK_INS_PER_1000 = 25  # walk-ins a day per 1,000 volunteers
LATE_SHARE = 0.08
EARLY_SHARE = 0.05
FORGOTTEN_SHARE = 0.03  # sign-outs forgotten, closed automatically
CONFIRMED_SHARE = 0.5  # of those, confirmed or corrected by staff afterwards
PAPER_SHARE = 0.005
VOID_SHARE = 0.002
FUTURE_DAYS = 14  # shifts planned ahead of today


@dataclass
class VolunteerFigures:
    volunteers: int = 0
    teams: int = 0
    templates: int = 0
    shifts: int = 0
    assignments: int = 0
    events: int = 0
    visits: int = 0
    walk_ins: int = 0
    cards: int = 0
    shared_tails: int = 0


def _token(rng: random.Random) -> str:
    return base64.urlsafe_b64encode(rng.getrandbits(128).to_bytes(16, "big")).decode().rstrip("=")


def _hm(text: str) -> int:
    hour, minute = text.split(":")
    return int(hour) * 60 + int(minute)


class _Ids:
    def __init__(self, *models) -> None:
        self.next = {m: (m.select(m.id).order_by(m.id.desc()).scalar() or 0) + 1 for m in models}

    def take(self, model) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value


def _given(rng: random.Random, age: str, gender: str) -> str:
    """A given name: one of the households' names for the age, or (as often) two characters
    of two of them put together, so that a thousand people do not share a few dozen names."""
    pool = GIVEN[(age, gender)] + (GIVEN[("child", gender)] if age == "adult" else ())
    if rng.random() < 0.5:
        return rng.choice(pool)
    pairs = [g for g in pool if len(g) == 2]
    return rng.choice(pairs)[0] + rng.choice(pairs)[1]


def _volunteers(rng: random.Random, count: int, team_ids: list[int], skill_ids: dict[str, int],
                ids: _Ids, created: str, today: _dt.date, figures: VolunteerFigures):
    used = {n for (n,) in Member.select(Member.id_number).where(Member.id_number.is_null(False)).tuples()}
    used |= {n for (n,) in Volunteer.select(Volunteer.id_number)
             .where(Volunteer.id_number.is_null(False)).tuples()}
    surnames, weights = [s for s, _ in SURNAMES], [w for _, w in SURNAMES]
    rows, links = [], []
    tails: list[str] = []
    shares = [t[2] for t in TEAMS]
    for index in range(count):
        team = index % len(TEAMS) if index < len(TEAMS) else rng.choices(range(len(TEAMS)), shares)[0]
        team_name, _, _, team_skill = TEAMS[team]
        gender = "female" if (team == 1 or rng.random() < 0.5) else "male"
        if team == 3:
            born = _dt.date(rng.randint(1952, 1965), rng.randint(1, 12), rng.randint(1, 28))
            age = "old"
        else:
            born = _dt.date(rng.randint(1965, 2006), rng.randint(1, 12), rng.randint(1, 28))
            age = "adult"
        name = rng.choices(surnames, weights)[0] + _given(rng, age, gender)
        if tails and rng.random() < SHARED_TAIL_SHARE:
            tail = rng.choice(tails)  # the kiosk's pick screen shows for these
            figures.shared_tails += 1
        else:
            tail = f"{rng.randrange(10**4):04d}"
        tails.append(tail)
        phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**4):04d}" + tail
        roll = rng.random()
        status = "left" if roll < LEFT_SHARE else "paused" if roll < LEFT_SHARE + PAUSED_SHARE else "active"
        joined = today - _dt.timedelta(days=rng.randrange(30, 6 * 365))
        vid = ids.take(Volunteer)
        rows.append({
            "id": vid, "name": name, "name_initials": search.initials(name), "gender": gender,
            "phone": phone, "phone_tail": tail, "id_number": id_number(born, gender, rng, used),
            "birthdate": born, "party_member": team == 0 or rng.random() < 0.15,
            "team": team_ids[team], "team_leader": index < len(TEAMS),
            "platform_number": f"4401{rng.randrange(10**8):08d}", "joined_on": joined,
            "status": status,
            "emergency_contact": rng.choices(surnames, weights)[0] + rng.choice(
                GIVEN[("adult", rng.choice(("male", "female")))]),
            "emergency_phone": rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}",
            "notes": "", "created_at": created, "updated_at": created,
        })
        skills = set(rng.sample(SKILLS, rng.choice((0, 0, 1, 1, 1, 2))))
        if team_skill:
            skills.add(team_skill)
        links.extend({"volunteer": vid, "skill": skill_ids[s]} for s in sorted(skills))
    return rows, links


def add_volunteers(actor: Actor, rng: random.Random, count: int = STATION_VOLUNTEERS, *,
                   history_days: int = 365) -> VolunteerFigures:
    """Add ``count`` demo volunteers with a year of shifts and attendance (see the module).
    Call inside the demo's transaction; one audit row records the lot."""
    figures = VolunteerFigures()
    if count <= 0:
        return figures
    moment = now()
    today = moment.date()
    created = stamp(moment)
    offset = created[19:]
    kiosk = Staff.select(Staff.id).where(Staff.role == "kiosk").scalar()
    desk = Staff.select(Staff.id).where(Staff.role == "front_desk").scalar() or actor.staff_id
    tolerance = int(settings.get("attendance.auto_close_tolerance_minutes"))
    closing = int(settings.get("attendance.walk_in_close_hour")) * 60
    grace = int(settings.get("attendance.late_grace_minutes"))
    ids = _Ids(Team, Skill, Volunteer, ShiftTemplate, Shift, AttendanceEvent)

    present = {name for (name,) in Team.select(Team.name).tuples()}
    teams = [{"id": ids.take(Team), "name": n, "active": True, "sort_order": i + 1, "note": note}
             for i, (n, note, _, _) in enumerate(TEAMS) if n not in present]
    if teams:
        bulk_insert(Team, teams)
    team_ids = [Team.get(Team.name == n).id for n, *_ in TEAMS]
    present = {name for (name,) in Skill.select(Skill.name).tuples()}
    skills = [{"id": ids.take(Skill), "name": n, "active": True, "sort_order": i + 1}
              for i, n in enumerate(SKILLS) if n not in present]
    if skills:
        bulk_insert(Skill, skills)
    skill_ids = {n: Skill.get(Skill.name == n).id for n in SKILLS}

    people, links = _volunteers(rng, count, team_ids, skill_ids, ids, created, today, figures)
    bulk_insert(Volunteer, people)
    bulk_insert(VolunteerSkill, links)
    figures.volunteers, figures.teams = len(people), len(TEAMS)
    active = [p["id"] for p in people if p["status"] == "active"]
    by_skill: dict[int, list[int]] = {}
    for link in links:
        by_skill.setdefault(link["skill"], []).append(link["volunteer"])
    active_set = set(active)
    by_skill = {k: [v for v in vs if v in active_set] for k, vs in by_skill.items()}

    cards = [{"volunteer": p["id"], "token": _token(rng), "issued_at": created,
              "revoked_at": None, "revoked_reason": ""}
             for p in people if p["status"] != "left" and rng.random() < CARD_SHARE]
    if cards:
        bulk_insert(CardToken, cards)
    figures.cards = len(cards)

    scale = count / STATION_VOLUNTEERS
    templates = []
    for name, kind, place, days, start, end, capacity, skill in TEMPLATES:
        templates.append({
            "id": ids.take(ShiftTemplate), "name": name, "kind": kind, "place": place,
            "weekdays": days, "start_time": start, "end_time": end,
            "capacity": max(1, round(capacity * scale)),
            "skill": skill_ids[skill] if skill else None, "active": True})
    bulk_insert(ShiftTemplate, templates)
    figures.templates = len(templates)

    shifts, assignments, events = [], [], []
    walk_ins_a_day = max(1, round(WALK_INS_PER_1000 * scale))

    def at(day: _dt.date, minutes: int, seconds: int = 0) -> str:
        minutes = max(0, minutes)
        if minutes >= 24 * 60:
            day, minutes = day + _dt.timedelta(days=1), minutes - 24 * 60
        return f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}{offset}"

    def visit(vid: int, day: _dt.date, start: int, end: int, shift_id: int | None) -> None:
        """One visit's events: sign-in, then sign-out or an automatic close (+ correction)."""
        walk_in = shift_id is None
        roll = rng.random()
        if not walk_in:
            if roll < LATE_SHARE:
                arrive = start + grace + rng.randint(1, 40)
            else:
                arrive = start - rng.randint(0, 20)
            roll = rng.random()
            leave = end - grace - rng.randint(5, 60) if roll < EARLY_SHARE else end + rng.randint(0, 15)
        else:
            arrive, leave = start, end
        leave = max(leave, arrive + 15)
        source = "paper" if rng.random() < PAPER_SHARE else "kiosk"
        sign_in = ids.take(AttendanceEvent)
        recorded = desk if source == "paper" else kiosk
        paper_stamp = at(day + _dt.timedelta(days=1), 9 * 60)
        events.append({
            "id": sign_in, "volunteer": vid, "kind": "sign_in", "at": at(day, arrive, rng.randrange(60)),
            "sign_in_at": None, "sign_out_at": None, "opens": None, "shift": shift_id,
            "source": source, "walk_in": walk_in, "reason": "纸质签到表" if source == "paper" else "",
            "recorded_by": recorded,
            "recorded_at": paper_stamp if source == "paper" else at(day, arrive)})
        if source == "kiosk" and rng.random() < FORGOTTEN_SHARE:
            close = (end + tolerance) if not walk_in else max(closing, arrive)
            events.append({
                "id": ids.take(AttendanceEvent), "volunteer": vid, "kind": "auto_close",
                "at": at(day, close), "sign_in_at": None, "sign_out_at": None, "opens": sign_in,
                "shift": shift_id, "source": "kiosk", "walk_in": False,
                "reason": "forgotten sign-out", "recorded_by": kiosk,
                "recorded_at": at(day, close)})
            if rng.random() < CONFIRMED_SHARE:
                events.append({
                    "id": ids.take(AttendanceEvent), "volunteer": vid, "kind": "correction",
                    "at": at(day + _dt.timedelta(days=1), 10 * 60), "sign_in_at": at(day, arrive),
                    "sign_out_at": at(day, leave), "opens": sign_in, "shift": shift_id,
                    "source": "staff", "walk_in": False, "reason": "志愿者忘记签退，经核实补登",
                    "recorded_by": desk, "recorded_at": at(day + _dt.timedelta(days=1), 10 * 60)})
        else:
            events.append({
                "id": ids.take(AttendanceEvent), "volunteer": vid, "kind": "sign_out",
                "at": at(day, leave, rng.randrange(60)), "sign_in_at": None, "sign_out_at": None,
                "opens": sign_in, "shift": shift_id, "source": source, "walk_in": False,
                "reason": "纸质签到表" if source == "paper" else "", "recorded_by": recorded,
                "recorded_at": paper_stamp if source == "paper" else at(day, leave)})
            if source == "kiosk" and rng.random() < VOID_SHARE:
                events.append({
                    "id": ids.take(AttendanceEvent), "volunteer": vid, "kind": "void",
                    "at": at(day, leave + 5), "sign_in_at": None, "sign_out_at": None,
                    "opens": sign_in, "shift": None, "source": "staff", "walk_in": False,
                    "reason": "误签，志愿者当天未服务", "recorded_by": desk,
                    "recorded_at": at(day, leave + 5)})
        figures.visits += 1
        figures.walk_ins += walk_in

    first = today - _dt.timedelta(days=history_days)
    day = first
    while day <= today + _dt.timedelta(days=FUTURE_DAYS):
        past = day < today
        order = rng.sample(active, len(active)) if active else []
        busy: set[int] = set()
        cursor = 0
        weekday = str(day.isoweekday())
        for template in templates:
            if weekday not in template["weekdays"].split(","):
                continue
            shift_id = ids.take(Shift)
            shifts.append({
                "id": shift_id, "template": template["id"], "name": template["name"],
                "kind": template["kind"], "place": template["place"], "day": day,
                "start_time": template["start_time"], "end_time": template["end_time"],
                "capacity": template["capacity"], "skill": template["skill"], "note": "",
                "created_at": created})
            wanted = sum(rng.random() < FILL_SHARE for _ in range(template["capacity"]))
            chosen: list[int] = []
            if template["skill"]:
                pool = [v for v in by_skill.get(template["skill"], ()) if v not in busy]
                chosen = rng.sample(pool, min(wanted, len(pool)))
            else:
                while len(chosen) < wanted and cursor < len(order):
                    if order[cursor] not in busy:
                        chosen.append(order[cursor])
                    cursor += 1
            busy.update(chosen)
            start, end = _hm(template["start_time"]), _hm(template["end_time"])
            for vid in chosen:
                status = "planned" if not past else (
                    "cancelled" if rng.random() < CANCELLED_SHARE else "confirmed")
                assignments.append({"shift": shift_id, "volunteer": vid, "status": status,
                                    "created_at": created, "updated_at": created})
                if past and status != "cancelled" and rng.random() >= NO_SHOW_SHARE:
                    visit(vid, day, start, end, shift_id)
        if past:
            free = [v for v in order[cursor:cursor + 4 * walk_ins_a_day] if v not in busy]
            for vid in free[:rng.randint(0, 2 * walk_ins_a_day)]:
                start = rng.randint(8 * 60 + 30, 15 * 60)
                visit(vid, day, start, start + rng.randint(60, 180), None)
        day += _dt.timedelta(days=1)

    for model, rows in ((Shift, shifts), (Assignment, assignments), (AttendanceEvent, events)):
        for chunk in range(0, len(rows), 20_000):
            bulk_insert(model, rows[chunk:chunk + 20_000])
    figures.shifts, figures.assignments, figures.events = len(shifts), len(assignments), len(events)
    record(actor, "create", Volunteer._meta.table_name, None,
           new={"volunteers": figures.volunteers, "shifts": figures.shifts,
                "assignments": figures.assignments, "attendance_events": figures.events,
                "cards": figures.cards},
           note="演示数据 demo volunteers")
    return figures


TABLES = (Team, Skill, Volunteer, VolunteerSkill, CardToken, ShiftTemplate, Shift, Assignment,
          AttendanceEvent)
