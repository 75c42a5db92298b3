"""A realistic demo station: ``station-desk demo``.

This is the one place every feature adds its demo data (households, volunteers,
stock ...), each behind its own size option. The numbers follow the station in
A_DAY_AT_THE_STATION.md: 石滩镇第一社工服务站, 26 villages, 20 social workers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import clock, events
from .audit import collecting
from .db import database, write_transaction
from .demo_activities import TABLES as ACTIVITY_TABLES
from .demo_activities import ActivityFigures, add_activities
from .demo_campaigns import TABLES as CAMPAIGN_TABLES
from .demo_campaigns import CampaignFigures, add_campaigns
from .demo_cases import DEMO_CALLS, DEMO_CASES, CaseFigures, add_cases
from .demo_cases import TABLES as CASE_TABLES
from .demo_households import STATION_HOUSEHOLDS, HouseholdFigures, add_households
from .demo_inventory import STATION_MOVEMENTS, InventoryFigures, add_inventory
from .demo_inventory import TABLES as INVENTORY_TABLES
from .demo_policies import TABLES as POLICY_TABLES
from .demo_policies import PolicyFigures, add_policy_cards
from .demo_volunteers import STATION_VOLUNTEERS, VolunteerFigures, add_volunteers
from .demo_volunteers import TABLES as VOLUNTEER_TABLES
from .errors import ValidationError
from .models import (
    Household,
    HouseholdCategory,
    Member,
    MemberCategory,
    Need,
    Reservation,
    Staff,
    StockMovement,
    Visit,
    Voucher,
)
from .roles import Actor
from .services import accounts, station

DEMO_PASSWORD = "demo1234"
# Bumped whenever the demo gains data (a feature adds its part): cached demo databases, such
# as the screenshot tool's, are rebuilt instead of showing an older station.
REVISION = 10  # 2: households on file; 3: volunteers, shifts and attendance; 4: inventory;
# 5: policy cards printed and handed out; 6: visit campaigns (中秋, 重阳, 家访日);
# 7: case work and the hotline's calls; 8: 300 cases (was 100);
# 9: activities, projects, pairings and wishes; 10: the stock ledger's wishes on file
TOWN = ("440118100", "石滩镇")
VILLAGES = [
    "麻车村", "沙头村", "田桥村", "元洲岗村", "石厦村", "塘边村", "岗贝村", "下围村",
    "碧江村", "龙角村", "上塘村", "金兰寺村", "郑田村", "九如村", "合益村", "白江村",
    "马修村", "三联村", "庄边村", "刘屋村", "横岭村", "沙庄村", "石滩村", "岳埔村",
    "石滩社区", "三江社区",
]
# (username, name, role); usernames are the pinyin people type at sign-in.
PEOPLE = [
    ("liuliping", "刘丽萍", "head"),
    ("huanghaiyan", "黄海燕", "social_worker"), ("chenjiahui", "陈嘉慧", "social_worker"),
    ("lizhiwei", "李志伟", "social_worker"), ("zhangxiaomei", "张晓梅", "social_worker"),
    ("wangjunjie", "王俊杰", "social_worker"), ("zengyongqiang", "曾永强", "social_worker"),
    ("heshuting", "何淑婷", "social_worker"), ("luojianhua", "罗建华", "social_worker"),
    ("zhongmeiling", "钟美玲", "social_worker"), ("liangwenbin", "梁文斌", "social_worker"),
    ("xieyanni", "谢燕妮", "social_worker"), ("guojiaming", "郭家明", "social_worker"),
    ("tangxiaohong", "汤晓红", "social_worker"), ("zhuguoqiang", "朱国强", "social_worker"),
    ("fengliyun", "冯丽云", "social_worker"), ("caiweidong", "蔡伟东", "social_worker"),
    ("lanxiuqin", "蓝秀琴", "social_worker"), ("yezhiming", "叶志明", "social_worker"),
    ("dengjing", "邓静", "social_worker"), ("pengzihao", "彭子豪", "social_worker"),
    ("linxiaoyan", "林小燕", "front_desk"), ("wuqingqing", "吴青青", "front_desk"),
    ("qiantai", "前台签到机", "kiosk"),
]
# Read when ``fill`` runs, so the test suite can ask for a smaller station in one place.
DEMO_HOUSEHOLDS = STATION_HOUSEHOLDS
MAX_HOUSEHOLDS = 200_000  # ten times a district's ledger, and then some
DEMO_VOLUNTEERS = STATION_VOLUNTEERS
MAX_VOLUNTEERS = 20_000
DEMO_MOVEMENTS = STATION_MOVEMENTS
MAX_MOVEMENTS = 1_000_000
HOTLINES = ["020-82861110", "020-82861120", "020-82861130",
            "020-82861140", "020-82861150", "020-82861160"]


@dataclass
class DemoReport:
    station: str
    villages: int = 0
    groups: int = 0
    staff: dict[str, int] = field(default_factory=dict)
    password: str = DEMO_PASSWORD
    head_username: str = PEOPLE[0][0]
    households: HouseholdFigures = field(default_factory=HouseholdFigures)
    volunteers: VolunteerFigures = field(default_factory=VolunteerFigures)
    inventory: InventoryFigures = field(default_factory=InventoryFigures)
    policy_cards: PolicyFigures = field(default_factory=PolicyFigures)
    campaigns: CampaignFigures = field(default_factory=CampaignFigures)
    cases: CaseFigures = field(default_factory=CaseFigures)
    activities: ActivityFigures = field(default_factory=ActivityFigures)


def _phone(rng: random.Random) -> str:
    return rng.choice(["138", "139", "135", "136", "137", "150", "186", "189", "133"]) + \
        f"{rng.randrange(10**8):08d}"


def fill(seed: int = 2026, households: int | None = None,
         people: int | None = None, volunteers: int | None = None,
         movements: int | None = None) -> DemoReport:
    """Fill an empty database with a demo station; refuses one that has accounts.

    ``households``: how many households on file (None: ``DEMO_HOUSEHOLDS``, the seeds'
    station's 1,426), with about ``people`` people in all (None: the seeds' ratio, 1,912
    for 1,426); ``volunteers`` (None: ``DEMO_VOLUNTEERS``, 1,000) with a year of shifts and
    about 100 attendance events each; ``movements`` (None: ``DEMO_MOVEMENTS``, 50,000): about
    that many stock ledger rows over three years, with 200 donors and 80 items (0: no
    inventory). All or nothing: one transaction (each service's own becomes a savepoint),
    so a failure half-way leaves the database as empty as it was.
    """
    households = DEMO_HOUSEHOLDS if households is None else households
    if not 0 <= households <= MAX_HOUSEHOLDS:
        raise ValidationError("bad_choice", field="households", value=str(households))
    volunteers = DEMO_VOLUNTEERS if volunteers is None else volunteers
    if not 0 <= volunteers <= MAX_VOLUNTEERS:
        raise ValidationError("bad_choice", field="volunteers", value=str(volunteers))
    movements = DEMO_MOVEMENTS if movements is None else movements
    if not 0 <= movements <= MAX_MOVEMENTS:
        raise ValidationError("bad_choice", field="movements", value=str(movements))
    outermost = not database.in_transaction()
    with collecting() as tables, write_transaction():
        if accounts.has_accounts():
            raise ValidationError("demo_not_empty")
        rng = random.Random(seed)
        head_user, head_name, _ = PEOPLE[0]
        accounts.create_first_head(head_user, head_name, DEMO_PASSWORD, _phone(rng))
        head = accounts.actor_for(Staff.get(Staff.username == head_user))
        report = _fill_station(head, rng)
        # Their own generator: the rest of the station above does not depend on how many.
        report.households = add_households(head, random.Random(seed + 1), households,
                                           people=people)
        if report.households.households:
            tables.update(m._meta.table_name for m in (Member, MemberCategory, Visit, Need,
                                                       HouseholdCategory, Household))
        report.volunteers = add_volunteers(head, random.Random(seed + 2), volunteers)
        if report.volunteers.volunteers:
            tables.update(m._meta.table_name for m in VOLUNTEER_TABLES)
        # Campaigns follow when there are households and volunteers to go out: the inventory
        # then leaves this year's 中秋 and 重阳 to them.
        campaigns = bool(report.households.households and report.volunteers.volunteers)
        # After the households: give-outs go to them.
        report.inventory = add_inventory(head, random.Random(seed + 3), movements,
                                         real_campaigns=campaigns)
        if report.inventory.movements:
            tables.update(m._meta.table_name for m in INVENTORY_TABLES)
        report.policy_cards = add_policy_cards(head, random.Random(seed + 4))
        tables.update(POLICY_TABLES)
        # After households, volunteers and inventory: the campaigns visit, staff and give out.
        if campaigns and report.inventory.movements:
            report.campaigns = add_campaigns(head, random.Random(seed + 5),
                                             report.inventory.history)
            tables.update(m._meta.table_name for m in CAMPAIGN_TABLES)
            if report.campaigns.calls:
                _recount_households(report.households)
            # the open campaigns' packages are held now (the inventory's figure was before)
            report.inventory.reservations = Reservation.select().where(
                Reservation.status == "active").count()
        # After the campaigns: case work for the households on file, and the hotline's calls.
        if report.households.households:
            # about one case for every 5 households and a call for every 2 (the station's
            # 1,426: 285 cases, 600 calls), so a small test station stays small
            n = report.households.households
            report.cases = add_cases(head, random.Random(seed + 6),
                                     cases=min(DEMO_CASES, max(n // 5, 1)),
                                     calls=min(DEMO_CALLS, max(n // 2, 1)))
            tables.update(CASE_TABLES)  # (the households' figures stay the visits' needs)
        # After the cases (the projects serve some) and the inventory (its ledger's activities go on
        # file under its ids, households or not; donors adopt the wishes): a year of activities,
        # two projects, pairings and wishes, scaled by the households like the cases.
        before = (Voucher.select().count(), StockMovement.select().count())
        report.activities = add_activities(head, random.Random(seed + 7),
                                           report.households.households)
        tables.update(ACTIVITY_TABLES)
        if report.inventory.movements:  # goods used at activities and wishes delivered
            report.inventory.vouchers += Voucher.select().count() - before[0]
            report.inventory.movements += StockMovement.select().count() - before[1]
        report.policy_cards.handed += report.activities.cards  # handed out at activities
        if report.activities.contacts:  # the pairs' contacts are visits: due dates moved
            h = report.households  # (its needs stay the visits' own, as for the cases)
            h.visits = Visit.select().count()
            h.overdue = Household.select().where((Household.status == "active")
                                                 & (Household.due_on < clock.today())).count()
    if outermost:
        events.publish(tables)
    return report


def _recount_households(figures: HouseholdFigures) -> None:
    """The campaigns' calls are visits too (a household died, due dates moved): the figures
    describe the station as it is now."""
    today = clock.today()
    figures.visits = Visit.select().count()
    figures.needs = Need.select().count()
    figures.closed = Household.select().where(Household.status != "active").count()
    figures.overdue = Household.select().where((Household.status == "active")
                                               & (Household.due_on < today)).count()


def _fill_station(head: Actor, rng: random.Random) -> DemoReport:
    report = DemoReport(station="石滩镇第一社工服务站")
    report.staff["head"] = 1
    for username, name, role in PEOPLE[1:]:
        accounts.create_staff(head, username, name, role, DEMO_PASSWORD, _phone(rng))
        report.staff[role] = report.staff.get(role, 0) + 1
    # Demo accounts share the published demo password; asking each one to choose a new
    # password at first sign-in would only get in the way of trying the program.
    Staff.update(must_change_password=False).where(Staff.id != head.staff_id).execute()
    station.save_station(
        head, name=report.station, organisation="增城区恒益社会工作服务中心",
        address="广州市增城区石滩镇沿江大道 38 号", phone="020-82861100",
        hotlines=HOTLINES, head_id=head.staff_id,
    )
    town = station.add_village(head, code=TOWN[0], name=TOWN[1], kind="town")
    workers = [s.id for s in Staff.select().where(Staff.role == "social_worker").order_by(Staff.id)]
    for i, name in enumerate(VILLAGES):
        # 20 workers, 26 villages: the first six workers take two villages each.
        worker = workers[i % len(workers)]
        village = station.add_village(
            head, code=f"{TOWN[0]}{201 + i:03d}", name=name, kind="village",
            parent_id=town.id, social_worker_id=worker, sort_order=i + 1,
        )
        report.villages += 1
        for g in range(1, rng.randint(3, 6) + 1):
            station.add_village(head, code=f"{village.code}{g:02d}", name=f"第{g}经济社",
                                kind="group", parent_id=village.id, sort_order=g)
            report.groups += 1
    return report
