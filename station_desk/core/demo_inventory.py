"""Demo donation inventory for ``station-desk demo``: 200 donors, 80 items in the seeded
categories with dated unit values, a second storeroom, four gift package kinds, and about
50,000 stock ledger rows over the last three years.

The ledger is simulated here, day by day in date order, the way the services would have
written it: goods come in (opening stock, donations with their acknowledgement numbers and
cash, purchases paid from the cash book), go out oldest expiry first (to the demo's
households, to holiday campaigns with their closed reservations, to activities and wishes),
move to the second storeroom, are written off when they expire, and are counted about once
a month with small differences; a few vouchers are reversed (dated like their original) and
a few donations cancelled or their slips reissued. Every row is taken from a batch's balance
on the day it is written and nothing is dated after it, so no batch is below zero on any
day. The rows are then written with ``executemany`` (as ``demo_households.bulk_insert``)
in the demo's one transaction; one audit row records the lot, as for the households and
volunteers.

What the screens need today: reservations for the coming campaign (one item short),
near-dated food expiring within 30 days, an expired batch still on the shelf, and a few
items below their low-stock line.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import random
from dataclasses import dataclass

from . import search
from .audit import record
from .clock import now, stamp
from .db import database
from .demo_households import GIVEN, MOBILE_PREFIXES, SURNAMES
from .demo_volunteers import _Ids
from .festivals import festival_date
from .models import (
    Acknowledgement,
    Batch,
    CashEntry,
    Donation,
    Donor,
    Household,
    Item,
    ItemCategory,
    ItemValue,
    Location,
    NumberCounter,
    PackageKind,
    PackageLine,
    Reservation,
    Staff,
    StockCount,
    StockCountLine,
    StockMovement,
    Village,
    Voucher,
)
from .roles import Actor

STATION_MOVEMENTS = 50_000
HISTORY_DAYS = 3 * 365
EXPIRING_DAYS = 30  # as stock.EXPIRING_DAYS
DONORS = (("enterprise", 70), ("party_branch", 40), ("charity", 8), ("community_fund", 12),
          ("individual", 66), ("anonymous", 4))
SECOND_STOREROOM = ("三江社区分仓", "存放大件取暖物资和三江片区的慰问品")
WINTER = (11, 12, 1, 2)
# (category, name, spec, unit, shelf life in days (0: does not expire), unit value in yuan
# (None: cannot be valued), low-stock line, months it is mostly given out in (() all year))
ITEMS = (
    ("粮油", "大米", "10kg", "袋", 0, 55, 30, ()),
    ("粮油", "大米", "5kg", "袋", 0, 30, 20, ()),
    ("粮油", "大米", "25kg", "袋", 0, 125, 5, ()),
    ("粮油", "食用油", "5L", "桶", 540, 75, 20, ()),
    ("粮油", "食用油", "1.8L", "桶", 540, 32, 10, ()),
    ("粮油", "花生油", "5L", "桶", 540, 130, 5, ()),
    ("粮油", "面粉", "5kg", "袋", 270, 28, 10, ()),
    ("粮油", "挂面", "1kg", "袋", 365, 9, 30, ()),
    ("粮油", "挂面", "5kg", "箱", 365, 40, 10, ()),
    ("粮油", "牛奶", "250ml×24盒", "箱", 180, 65, 20, ()),
    ("粮油", "牛奶", "250ml×12盒", "箱", 180, 36, 10, ()),
    ("粮油", "饼干", "2kg", "箱", 270, 38, 10, ()),
    ("粮油", "月饼", "四枚礼盒", "盒", 60, 88, 0, (8, 9)),
    ("粮油", "鸡蛋", "30枚", "盒", 30, 28, 0, ()),
    ("粮油", "腊肠", "500g", "盒", 180, 45, 0, (12, 1, 2)),
    ("粮油", "芝麻糊", "600g", "袋", 365, 22, 5, ()),
    ("粮油", "燕麦片", "1kg", "袋", 365, 26, 5, ()),
    ("粮油", "八宝粥", "360g×12罐", "箱", 540, 42, 5, ()),
    ("粮油", "粽子", "六只装", "盒", 120, 60, 0, (5, 6)),
    ("粮油", "红枣", "500g", "袋", 365, 25, 0, ()),
    ("衣物", "棉衣", "成人均码", "件", 0, 120, 10, WINTER),
    ("衣物", "棉衣", "儿童", "件", 0, 80, 5, WINTER),
    ("衣物", "羽绒服", "成人", "件", 0, 260, 5, WINTER),
    ("衣物", "羽绒服", "儿童", "件", 0, 160, 5, WINTER),
    ("衣物", "棉被", "1.5m", "床", 0, 150, 10, WINTER),
    ("衣物", "棉被", "1.8m", "床", 0, 180, 5, WINTER),
    ("衣物", "毛毯", "1.5×2m", "床", 0, 90, 10, WINTER),
    ("衣物", "保暖内衣", "成人", "套", 0, 85, 10, WINTER),
    ("衣物", "棉鞋", "老人款", "双", 0, 45, 5, WINTER),
    ("衣物", "围巾手套", "套装", "套", 0, 35, 0, WINTER),
    ("衣物", "爱心衣物", "旧衣捐赠", "件", 0, None, 0, ()),
    ("衣物", "床上四件套", "1.5m", "套", 0, 110, 5, ()),
    ("取暖", "电暖器", "2000W", "台", 0, 199, 10, WINTER),
    ("取暖", "暖手宝", "充电式", "个", 0, 39, 20, WINTER),
    ("取暖", "电热毯", "单人", "床", 0, 69, 10, WINTER),
    ("取暖", "电热毯", "双人", "床", 0, 99, 0, WINTER),
    ("取暖", "热水袋", "2L", "个", 0, 15, 10, WINTER),
    ("取暖", "小太阳取暖器", "", "台", 0, 89, 5, WINTER),
    ("取暖", "暖风机", "", "台", 0, 129, 0, WINTER),
    ("药品", "健康包", "印热线号码", "份", 730, 150, 20, ()),
    ("药品", "医药包", "家庭装", "份", 730, 120, 10, ()),
    ("药品", "口罩", "医用外科50只", "盒", 1095, 25, 20, ()),
    ("药品", "口罩", "KN95 20只", "盒", 1095, 40, 5, ()),
    ("药品", "感冒灵颗粒", "10袋", "盒", 730, 15, 10, ()),
    ("药品", "创可贴", "100片", "盒", 1095, 12, 5, ()),
    ("药品", "酒精棉片", "100片", "盒", 730, 10, 5, ()),
    ("药品", "风油精", "3ml", "瓶", 1095, 5, 10, ()),
    ("药品", "电子体温计", "", "个", 0, 25, 5, ()),
    ("药品", "电子血压计", "", "台", 0, 180, 2, ()),
    ("药品", "老花镜", "+200度", "副", 0, 20, 5, ()),
    ("文具", "书包", "小学", "个", 0, 85, 20, (7, 8, 9)),
    ("文具", "书包", "中学", "个", 0, 110, 10, (7, 8, 9)),
    ("文具", "文具套装", "小学", "套", 0, 45, 20, (7, 8, 9)),
    ("文具", "作业本", "20本装", "套", 0, 25, 10, (8, 9, 2, 3)),
    ("文具", "彩色笔", "24色", "盒", 0, 18, 5, ()),
    ("文具", "新华字典", "第12版", "本", 0, 26, 5, (8, 9)),
    ("文具", "护眼台灯", "", "个", 0, 99, 5, ()),
    ("文具", "课外读物", "套装", "套", 0, 68, 5, ()),
    ("文具", "保温水杯", "500ml", "个", 0, 45, 5, ()),
    ("日用品", "洗衣液", "2kg", "瓶", 1095, 35, 20, ()),
    ("日用品", "牙膏", "120g", "支", 1095, 10, 20, ()),
    ("日用品", "牙刷", "四支装", "套", 0, 12, 10, ()),
    ("日用品", "毛巾", "纯棉", "条", 0, 15, 30, ()),
    ("日用品", "香皂", "三块装", "盒", 1095, 15, 10, ()),
    ("日用品", "洗发水", "750ml", "瓶", 1095, 45, 10, ()),
    ("日用品", "卫生纸", "10卷", "提", 0, 30, 20, ()),
    ("日用品", "洗洁精", "1.5kg", "瓶", 730, 18, 10, ()),
    ("日用品", "沐浴露", "750ml", "瓶", 1095, 40, 5, ()),
    ("日用品", "成人纸尿裤", "L码10片", "包", 1095, 45, 10, ()),
    ("日用品", "电饭煲", "3L", "台", 0, 199, 2, ()),
    ("日用品", "雨伞", "折叠", "把", 0, 25, 5, (4, 5, 6, 7, 8)),
    ("日用品", "脸盆", "", "个", 0, 15, 5, ()),
    ("其他", "春联福字", "套装", "套", 0, 15, 0, (1, 2)),
    ("其他", "轮椅", "折叠", "台", 0, 680, 1, ()),
    ("其他", "助行器", "四脚拐杖", "根", 0, 60, 2, ()),
    ("其他", "手电筒", "充电式", "个", 0, 30, 5, ()),
    ("其他", "防滑拖鞋", "老人款", "双", 0, 20, 5, ()),
    ("其他", "节日灯笼", "", "对", 0, 30, 0, (1, 2)),
    ("其他", "家庭应急包", "", "份", 1095, 120, 5, (5, 6, 7, 8, 9)),
    ("其他", "电风扇", "台式", "台", 0, 129, 0, (6, 7, 8)),
)
# (name, note, [(item name, spec, quantity)], festival key)
PACKAGES = (
    ("中秋慰问包", "中秋节走访慰问：月饼、大米、食用油",
     [("月饼", "四枚礼盒", 1), ("大米", "10kg", 1), ("食用油", "5L", 1)], "mid_autumn"),
    ("春节慰问包", "春节走访慰问：米、油、牛奶和春联",
     [("大米", "10kg", 1), ("食用油", "5L", 1), ("牛奶", "250ml×24盒", 1), ("春联福字", "套装", 1)],
     "spring"),
    ("重阳敬老包", "重阳节敬老：牛奶、芝麻糊、健康包、防滑拖鞋",
     [("牛奶", "250ml×12盒", 1), ("芝麻糊", "600g", 1), ("健康包", "印热线号码", 1),
      ("防滑拖鞋", "老人款", 1)], "double_ninth"),
    ("冬季取暖包", "冬季送温暖：棉被、电暖器、保暖内衣",
     [("棉被", "1.5m", 1), ("电暖器", "2000W", 1), ("保暖内衣", "成人", 1)], "winter"),
)
# The festivals the demo's campaigns follow: their dates come from core.festivals (the lunar
# calendar), 冬季送温暖 is the station's own date in mid-December.
WINTER_DAY = (12, 15)
# The campaigns core.demo_campaigns makes through the services, household by household: the
# inventory's own simulation leaves them out (and has no campaign of its own coming).
REAL_CAMPAIGNS = ("mid_autumn", "double_ninth")


def real_campaign_years(on: _dt.date) -> dict[str, int]:
    """festival -> the year of its campaign the demo makes through the services: the latest
    中秋 a week past, the latest 重阳 whose window has been open four days."""
    years = {}
    for key, lag in (("mid_autumn", 7), ("double_ninth", 4 - 14)):
        year = on.year
        while festival_date(key, year) + _dt.timedelta(days=lag) > on:
            year -= 1
        years[key] = year
    return years
FESTIVAL_NAMES = {"spring": "春节", "mid_autumn": "中秋", "double_ninth": "重阳", "winter": "冬季送温暖"}
CAMPAIGN_HOUSEHOLDS = 150  # households a campaign visits at the full 50,000 rows
ENTERPRISE_PLACES = ("石滩", "增城", "三江", "新塘", "荔城", "仙村", "沙头", "麻车")
ENTERPRISE_CORES = ("华丰", "永盛", "金穗", "恒泰", "信和", "百佳", "润发", "鸿运", "顺景",
                    "丰源", "嘉信", "宏达", "利民", "福满", "联兴", "裕丰", "佳宜", "骏达")
ENTERPRISE_KINDS = ("粮油有限公司", "超市", "食品有限公司", "电器商行", "大药房", "服装厂",
                    "纺织有限公司", "建材有限公司", "物流有限公司", "餐饮管理有限公司",
                    "五金店", "家具厂", "印刷厂", "农业发展有限公司", "购物广场")
AGENCY_BRANCHES = ("区民政局机关党支部", "石滩镇人民政府机关党支部", "区卫生健康局机关党支部",
                   "区税务局第三党支部", "石滩镇中心小学党支部", "石滩镇卫生院党支部",
                   "区供电局石滩供电所党支部", "区人社局机关党支部", "区退役军人事务局机关党支部",
                   "区总工会机关党支部", "团区委机关党支部", "区妇联机关党支部",
                   "石滩派出所党支部", "区司法局石滩司法所党支部")
CHARITIES = ("增城区慈善会", "广州市慈善会", "增城区红十字会", "增城区社会组织联合会",
             "增城区青少年发展基金会", "广州市扶贫开发协会", "增城区义工联合会",
             "广州市志愿者协会增城分会")
CONTACT_TITLES = ("经理", "主任", "书记", "会长", "秘书长", "老板", "行政主管")
SUPPLIERS = ("石滩华润万家超市", "增城区供销社石滩门市部", "石滩百佳粮油批发部",
             "增城美乐电器商行", "荔城康力大药房", "石滩文体用品批发部")
HOUSEHOLD_REASONS = ("入户走访送物资", "困难帮扶", "临时救助", "个案跟进送物资", "低保户生活帮扶",
                     "独居老人关爱", "困境儿童帮扶", "受灾群众应急救助")
ACTIVITIES = ("长者生日会", "四点半课堂", "亲子阅读活动", "长者健康讲座", "社区义诊",
              "防诈骗宣传活动", "重阳敬老游园会", "环保手工小组", "暑期托管班", "邻里互助日")
WISHES = ("想要一个新书包", "想要一床厚棉被", "想要一台电暖器", "想要一套课外书", "想要一个护眼台灯",
          "想要一双棉鞋", "想要一件羽绒服", "想要一台电风扇")
PURPOSES = ("", "", "", "用于困难群众帮扶", "用于春节慰问", "用于困境儿童助学", "用于独居老人关爱",
            "用于社区慈善活动", "定向用于麻车村困难户")
REVERSE_REASONS = ("录入错误：数量填错，作废重录", "重复登记", "领取人当天未到，物资退回库房",
                   "物资登记错了品种，作废重录")
WORK_HOURS = (9, 10, 11, 14, 15, 16)


@dataclass
class InventoryFigures:
    donors: int = 0
    items: int = 0
    packages: int = 0
    vouchers: int = 0
    movements: int = 0
    donations: int = 0
    acknowledgements: int = 0
    cash_entries: int = 0
    counts: int = 0
    reversals: int = 0
    campaigns: int = 0
    # the simulated past campaigns: (number, give-out day, festival key); their vouchers and
    # reservations point at campaign ids 1..n
    history: tuple[tuple[int, _dt.date, str], ...] = ()
    reservations: int = 0  # active ones, for the coming campaign
    low: int = 0  # items below their low-stock line today
    expiring: int = 0  # batches on hand expiring within 30 days
    expired: int = 0  # batches on hand past their expiry date


def _bulk_insert(model, rows: list[dict]) -> None:
    """Like ``demo_households.bulk_insert``, with the values in the model's field order
    (peewee writes an insert's columns in that order, whatever the dict's order)."""
    names = [f.name for f in model._meta.sorted_fields if f.name in rows[0]]
    sql, _ = model.insert({model._meta.fields[name]: None for name in names}).sql()
    database.cursor().executemany(sql, ([row[name] for name in names] for row in rows))


def _festival(key: str, year: int) -> _dt.date:
    if key == "winter":
        return _dt.date(year, *WINTER_DAY)
    return festival_date(key, year)


def _person(rng: random.Random) -> str:
    surname = rng.choices([s for s, _ in SURNAMES], [w for _, w in SURNAMES])[0]
    return surname + rng.choice(GIVEN[("adult", rng.choice(("male", "female")))])


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _donors(rng: random.Random, villages: list[str]) -> list[dict]:
    """200 donors across the kinds, with unique names (anonymous donors excepted)."""
    rows: list[dict] = []
    used: set[str] = set()

    def add(kind: str, name: str, contact: str = "", phone: str = "", address: str = "",
            notes: str = "") -> None:
        used.add(name)
        rows.append({"kind": kind, "name": name, "name_initials": search.initials(name),
                     "contact": contact, "phone": phone, "address": address, "notes": notes})

    for kind, count in DONORS:
        made = 0
        if kind == "enterprise":
            for name in ("石滩粮油有限公司", "增城万家福超市"):
                add(kind, name, _person(rng)[:1] + "经理", _mobile(rng), "增城区石滩镇")
                made += 1
            while made < count:
                name = (rng.choice(ENTERPRISE_PLACES) + rng.choice(ENTERPRISE_CORES)
                        + rng.choice(ENTERPRISE_KINDS))
                if name in used:
                    continue
                phone = _mobile(rng) if rng.random() < 0.6 else f"020-82{rng.randrange(10**6):06d}"
                add(kind, name, _person(rng)[:1] + rng.choice(CONTACT_TITLES[:2] + ("老板",)),
                    phone, f"增城区{name[:2]}镇" if name[:2] in ("石滩", "新塘", "仙村") else "增城区")
                made += 1
        elif kind == "party_branch":
            names = [f"{v}党支部" for v in villages] + list(AGENCY_BRANCHES)
            for name in names[:count]:
                add(kind, name, _person(rng)[:1] + "书记", f"020-82{rng.randrange(10**6):06d}")
        elif kind == "charity":
            for name in CHARITIES[:count]:
                add(kind, name, _person(rng)[:1] + rng.choice(("会长", "秘书长", "主任")),
                    f"020-82{rng.randrange(10**6):06d}", "广州市增城区")
        elif kind == "community_fund":
            names = ["石滩镇社区慈善基金"] + [f"{v}社区慈善基金" for v in villages]
            for name in names[:count]:
                add(kind, name, _person(rng)[:1] + "主任", f"020-82{rng.randrange(10**6):06d}",
                    notes="社区慈善基金，由镇慈善会托管")
        elif kind == "individual":
            while made < count:
                name = _person(rng)
                if name in used:
                    continue
                add(kind, name, "", _mobile(rng), notes=rng.choice(("", "", "爱心人士", "退休教师",
                                                                    "本地乡贤", "个体户")))
                made += 1
        else:
            for _ in range(count):
                rows.append({"kind": kind, "name": "匿名", "name_initials": search.initials("匿名"),
                             "contact": "", "phone": "", "address": "", "notes": "不愿留名的爱心人士"})
    return rows


class _Ledger:
    """The simulated stock ledger: batches with their running balances, and the rows to
    write. Rows are only ever taken from a balance on the day being written, in date order."""

    def __init__(self, rng: random.Random, ids: _Ids, offset: str, items: list[dict],
                 values: dict[int, list[tuple[_dt.date, int]]]) -> None:
        self.rng, self.ids, self.offset = rng, ids, offset
        self.items = {i["id"]: i for i in items}
        self.values = values
        self.balance: dict[int, int] = {}
        self.batch: dict[int, dict] = {}
        self.live: dict[int, list[tuple]] = {i["id"]: [] for i in items}  # FEFO order
        self.on_hand: dict[int, int] = dict.fromkeys(self.items, 0)  # expired goods too
        self.hold: set[int] = set()  # showcase batches no give-out takes
        self.batches: list[dict] = []
        self.vouchers: list[dict] = []
        self.movements: list[dict] = []
        self.rows_of: dict[int, list[dict]] = {}
        self.reversed: set[int] = set()

    # -- helpers
    def at(self, day: _dt.date, late: int = 0) -> str:
        hour = self.rng.choice(WORK_HOURS)
        minute = min(self.rng.randrange(60) + late, 59)
        return f"{day.isoformat()}T{hour:02d}:{minute:02d}:{self.rng.randrange(60):02d}{self.offset}"

    def value_on(self, item_id: int, day: _dt.date) -> int | None:
        history = self.values.get(item_id)
        if not history:
            return None
        index = bisect.bisect_right(history, (day, float("inf"))) - 1
        return history[max(index, 0)][1]

    def _key(self, batch: dict) -> tuple:
        return (batch["expires_on"] or _dt.date.max, batch["received_on"], batch["id"])

    def _settle(self, batch_id: int, delta: int) -> None:
        before = self.balance[batch_id]
        after = before + delta
        assert after >= 0, "the demo's ledger went below zero"
        self.balance[batch_id] = after
        batch = self.batch[batch_id]
        self.on_hand[batch["item"]] += delta
        live = self.live[batch["item"]]
        if before <= 0 < after:
            bisect.insort(live, (self._key(batch), batch_id))
        elif before > 0 >= after:
            live.remove((self._key(batch), batch_id))

    def usable(self, item_id: int, day: _dt.date) -> int:
        return sum(self.balance[b] for key, b in self.live[item_id]
                   if b not in self.hold and (key[0] == _dt.date.max or key[0] >= day))

    def voucher(self, kind: str, day: _dt.date, actor: tuple[int, str], **values) -> dict:
        row = {"id": self.ids.take(Voucher), "kind": kind, "moved_on": day, "donor": None,
               "household": None, "target_kind": "", "target_id": None, "recipient": "",
               "reference": "", "reason": "", "reverses": None, "recorded_at": self.at(day),
               "actor": actor[0], "actor_name": actor[1]}
        row.update(values)
        self.vouchers.append(row)
        self.rows_of[row["id"]] = []
        return row

    def _row(self, voucher: dict, batch_id: int, quantity: int,
             reservation: int | None = None) -> None:
        batch = self.batch[batch_id]
        row = {"id": self.ids.take(StockMovement), "voucher": voucher["id"], "item": batch["item"],
               "batch": batch_id, "quantity": quantity, "unit_value_fen": batch["unit_value_fen"],
               "moved_on": voucher["moved_on"], "reservation": reservation}
        self.movements.append(row)
        self.rows_of[voucher["id"]].append(row)
        self._settle(batch_id, quantity)

    def new_batch(self, item_id: int, location: int, day: _dt.date, value: int | None,
                  expires_on: _dt.date | None, label: str = "") -> int:
        batch = {"id": self.ids.take(Batch), "item": item_id, "location": location,
                 "expires_on": expires_on, "label": label, "received_on": day,
                 "unit_value_fen": value}
        self.batches.append(batch)
        self.batch[batch["id"]] = batch
        self.balance[batch["id"]] = 0
        return batch["id"]

    # -- goods in
    def receive(self, voucher: dict, lines: list[tuple], location: int) -> None:
        """lines: (item_id, quantity, unit value or None, expires_on or None)."""
        day = voucher["moved_on"]
        for item_id, quantity, value, expires_on in lines:
            label = f"L{day:%y%m%d}{self.rng.randrange(100):02d}" if expires_on else ""
            batch_id = self.new_batch(item_id, location, day, value, expires_on, label)
            self._row(voucher, batch_id, quantity)

    def expiry_for(self, item_id: int, day: _dt.date, fresh: float = 1.0) -> _dt.date | None:
        shelf = self.items[item_id]["shelf"]
        if not shelf:
            return None
        return day + _dt.timedelta(days=max(7, round(shelf * self.rng.uniform(0.55, 1.0) * fresh)))

    # -- goods out
    def take(self, voucher: dict, item_id: int, quantity: int, mode: str = "skip",
             reservation: int | None = None) -> int:
        """Take up to ``quantity`` oldest expiry first; how much was taken. ``mode``: "skip"
        expired goods, or take "only" expired ones (a write-off)."""
        day = voucher["moved_on"]
        left = quantity
        for key, batch_id in list(self.live[item_id]):
            if left == 0:
                break
            expired = key[0] != _dt.date.max and key[0] < day
            if batch_id in self.hold or expired != (mode == "only"):
                continue
            got = min(self.balance[batch_id], left)
            self._row(voucher, batch_id, -got, reservation)
            left -= got
        return quantity - left

    def drop_if_empty(self, voucher: dict) -> bool:
        if self.rows_of[voucher["id"]]:
            return False
        self.vouchers.pop()
        del self.rows_of[voucher["id"]]
        return True

    def reverse(self, original: dict, reason: str, actor: tuple[int, str]) -> dict:
        """A reversal voucher dated like the original, its rows the original's negated."""
        counter = self.voucher("reversal", original["moved_on"], actor,
                               donor=original["donor"], household=original["household"],
                               target_kind=original["target_kind"],
                               target_id=original["target_id"], recipient=original["recipient"],
                               reference=original["reference"], reason=reason,
                               reverses=original["id"])
        counter["recorded_at"] = self.at(original["moved_on"], late=20)
        for row in self.rows_of[original["id"]]:
            self._row(counter, row["batch"], -row["quantity"], row["reservation"])
        self.reversed.add(original["id"])
        return counter


class _Station:
    """Who is at the station and what the ledger's other tables collect."""

    def __init__(self, rng: random.Random, ids: _Ids, ledger: _Ledger, offset: str) -> None:
        self.rng, self.ids, self.ledger, self.offset = rng, ids, ledger, offset
        staff = list(Staff.select(Staff.id, Staff.name, Staff.role).tuples())
        self.head = next(((i, n) for i, n, r in staff if r == "head"), (None, ""))
        self.desk = [(i, n) for i, n, r in staff if r == "front_desk"] or [self.head]
        self.workers = [(i, n) for i, n, r in staff if r == "social_worker"] or [self.head]
        self.names = {i: n for i, n, _ in staff}
        self.donations: list[dict] = []
        self.acks: list[dict] = []
        self.counters: dict[int, int] = {}
        self.cash: list[dict] = []
        self.cash_balance = 0
        self.counts: list[dict] = []
        self.count_lines: list[dict] = []
        self.reservations: list[dict] = []

    def clerk(self) -> tuple[int, str]:
        return self.rng.choice(self.desk) if self.rng.random() < 0.7 else self.rng.choice(
            self.workers)

    def issue(self, donation: dict, day: _dt.date, who: tuple[int, str]) -> dict:
        number = self.counters.get(day.year, 0) + 1
        self.counters[day.year] = number
        ack = {"id": self.ids.take(Acknowledgement), "number": f"{day.year}-{number:04d}",
               "donation": donation["id"], "issued_at": self.ledger.at(day, late=5),
               "issued_by_name": who[1], "void": False, "void_reason": "", "voided_at": None}
        self.acks.append(ack)
        return ack

    def cash_entry(self, day: _dt.date, kind: str, amount: int, who: tuple[int, str], *,
                   donor: int | None = None, donation: int | None = None, purpose: str = "",
                   counterparty: str = "", reference: str = "", reverses: int | None = None,
                   reason: str = "") -> dict:
        assert self.cash_balance + amount >= 0, "the demo's cash book went below zero"
        self.cash_balance += amount
        entry = {"id": self.ids.take(CashEntry), "entered_on": day, "kind": kind,
                 "amount_fen": amount, "donor": donor, "donation": donation, "purpose": purpose,
                 "counterparty": counterparty, "reference": reference, "reverses": reverses,
                 "reason": reason, "recorded_at": self.ledger.at(day), "actor": who[0],
                 "actor_name": who[1]}
        self.cash.append(entry)
        return entry


def _catalogue(rng: random.Random, ids: _Ids, first: _dt.date, set_at: str, head_name: str):
    categories = dict(ItemCategory.select(ItemCategory.name, ItemCategory.id).tuples())
    items, values = [], {}
    value_rows = []
    for category, name, spec, unit, shelf, yuan, threshold, months in ITEMS:
        item_id = ids.take(Item)
        items.append({"id": item_id, "name": name, "spec": spec, "unit": unit,
                      "category": categories[category], "expires": bool(shelf),
                      "threshold": threshold, "name_initials": search.initials(name),
                      "notes": "印有社工站24小时热线号码" if name == "健康包" else "",
                      "active": True, "shelf": shelf, "months": months, "yuan": yuan})
        if yuan is None:
            continue
        history = [(first - _dt.timedelta(days=30), yuan * 100)]
        changes = rng.choices((0, 1, 2), (55, 35, 10))[0]
        for day in sorted(rng.sample(range(60, HISTORY_DAYS - 30), changes)):
            fen = round(history[-1][1] * rng.uniform(1.04, 1.15) / 50) * 50
            history.append((first + _dt.timedelta(days=day), fen))
        values[item_id] = history
        value_rows += [{"item": item_id, "valid_from": d, "value_fen": f, "set_at": set_at,
                        "set_by_name": head_name} for d, f in history]
    return items, values, value_rows


def _weights(day: _dt.date) -> float:
    weekday = day.isoweekday()
    base = 1.0 if weekday <= 5 else (0.3 if weekday == 6 else 0.12)
    return base * {1: 1.4, 2: 1.1, 9: 1.2, 10: 1.2, 12: 1.3}.get(day.month, 1.0)


class _Demo:
    """One run of the inventory demo: the catalogue, the simulated ledger and the station's
    routine, where each method writes one kind of event on a day."""

    def __init__(self, actor: Actor, rng: random.Random, movements: int,
                 history_days: int, real_campaigns: bool = False) -> None:
        self.actor, self.rng, self.movements, self.history_days = actor, rng, movements, history_days
        self.real_campaigns = real_campaigns
        moment = now()
        self.today = moment.date()
        self.created = stamp(moment)
        self.offset = self.created[19:]
        self.first = self.today - _dt.timedelta(days=history_days)
        self.ids = _Ids(Donor, Item, Location, PackageKind, Batch, Voucher, StockMovement,
                        Donation, Acknowledgement, CashEntry, StockCount, Reservation)
        self.villages = [n for (n,) in Village.select(Village.name)
                         .where(Village.kind == "village")
                         .order_by(Village.sort_order, Village.id).tuples()] or ["石滩社区"]
        self._catalogue()
        self.ledger = _Ledger(rng, self.ids, self.offset, self.items, self.values)
        self.st = _Station(rng, self.ids, self.ledger, self.offset)
        self.households = sorted(Household.select(Household.id, Household.registered_on,
                                                  Household.social_worker)
                                 .where(Household.status == "active").tuples(),
                                 key=lambda h: (str(h[1]), h[0]))
        self.registered = [str(h[1])[:10] for h in self.households]
        self.donor_ids = {kind: [d["id"] for d in self.donors if d["kind"] == kind]
                          for kind, _ in DONORS}
        self.donor_name = {d["id"]: d["name"] for d in self.donors}
        self.item_ids = [i["id"] for i in self.items]
        # how much of each item a station like this keeps on its shelves
        self.par = {i["id"]: max(10, i["threshold"] * 3) for i in self.items}
        self.activity_ids = iter(range(1, 1_000_000))
        self.wish_ids = iter(range(1, 1_000_000))
        self.cumulative: dict[int, list[float]] = {}
        # the holiday campaigns of the last three years (ids 1..n), and the next one
        schedule = []
        for year in range(self.first.year, self.today.year + 2):
            for festival in ("spring", "mid_autumn", "double_ninth", "winter"):
                on = _festival(festival, year) - _dt.timedelta(days=rng.randint(2, 8))
                schedule.append((on, festival))
        schedule.sort()
        if real_campaigns:
            real = real_campaign_years(self.today)
            schedule = [(d, f) for d, f in schedule if real.get(f) != d.year]
        self.past = [(d, f) for d, f in schedule
                     if self.first + _dt.timedelta(days=20) <= d < self.today]
        self.coming = next((d, f) for d, f in schedule if d > self.today)
        self.campaigns = {d: (n, f) for n, (d, f) in enumerate(self.past, start=1)}
        self.per_campaign = max(4, round(CAMPAIGN_HOUSEHOLDS * movements / STATION_MOVEMENTS))
        self.low_ones: set[int] = set()

    def _catalogue(self) -> None:
        """Donors, items with their values, the second storeroom, the gift packages."""
        self.donors = _donors(self.rng, self.villages)
        for row in self.donors:
            row.update(id=self.ids.take(Donor), active=True,
                       created_at=f"{self.first.isoformat()}T09:00:00{self.offset}")
        self.items, self.values, self.value_rows = _catalogue(
            self.rng, self.ids, self.first, self.created, self.actor.name)
        self.by_name = {(i["name"], i["spec"]): i["id"] for i in self.items}
        self.main = (Location.select(Location.id).where(Location.active == True)  # noqa: E712
                     .order_by(Location.sort_order, Location.id).scalar())
        self.second = self.ids.take(Location)
        self.locations = [{"id": self.second, "name": SECOND_STOREROOM[0], "active": True,
                           "sort_order": (Location.select(Location.sort_order)
                                          .order_by(Location.sort_order.desc()).scalar() or 0) + 1,
                           "note": SECOND_STOREROOM[1]}]
        self.packages, self.package_lines, self.package_of = [], [], {}
        for name, note, lines, festival in PACKAGES:
            package_id = self.ids.take(PackageKind)
            self.packages.append({"id": package_id, "name": name, "note": note, "active": True})
            content = [(self.by_name[(n, s)], q) for n, s, q in lines]
            self.package_lines += [{"package": package_id, "item": i, "quantity": q}
                                   for i, q in content]
            self.package_of[festival] = (name, content)

    @staticmethod
    def in_season(item: dict, day: _dt.date) -> float:
        return 1.0 if not item["months"] or day.month in item["months"] else 0.1

    def give_weights(self, day: _dt.date) -> list[float]:
        """Cumulative weights of what goes out in the day's month."""
        if day.month not in self.cumulative:
            self.cumulative[day.month] = list(itertools.accumulate(
                self.in_season(i, day) * (0.2 if i["yuan"] and i["yuan"] >= 500 else 1.0)
                for i in self.items))
        return self.cumulative[day.month]

    def donate_weights(self, day: _dt.date) -> list[float]:
        weights = []
        for item in self.items:
            # what is short comes in most; what fills the shelves twice over hardly at all
            gap = (2 * self.par[item["id"]] - self.ledger.on_hand[item["id"]]) / self.par[item["id"]]
            weights.append(min(3.0, max(0.03, gap)) * self.in_season(item, day + _dt.timedelta(days=30)))
        return weights

    def donation(self, day: _dt.date, donor: int, lines: list[tuple], cash: int, purpose: str,
                 location: int | None = None, note: str = "", mishaps: bool = True) -> dict:
        who = self.st.clerk()
        donation_id = self.ids.take(Donation)
        voucher = None
        if lines:
            voucher = self.ledger.voucher("donation", day, who, donor=donor,
                                     reference=f"捐赠 #{donation_id}", reason=purpose)
            self.ledger.receive(voucher, lines, location or self.main)
        row = {"id": donation_id, "donor": donor, "received_on": day,
               "voucher": voucher["id"] if voucher else None, "cash_fen": cash,
               "purpose": purpose, "note": note, "clerk": who[0], "clerk_name": who[1],
               "created_at": self.ledger.at(day), "cancelled_at": None, "cancel_reason": ""}
        self.st.donations.append(row)
        if cash:
            self.st.cash_entry(day, "donation", cash, who, donor=donor, donation=donation_id,
                          purpose=purpose, counterparty=self.donor_name[donor])
        ack = self.st.issue(row, day, who)
        roll = self.rng.random() if mishaps else 1.0
        if roll < 0.01:
            # entered in error the same day: goods reversed, cash reversed, slip voided
            reason = self.rng.choice(("捐赠方信息登记错误，作废重录", "捐赠物资实际未送达，取消登记"))
            when = f"{day.isoformat()}T17:{self.rng.randrange(10, 59)}:00{self.offset}"
            if voucher is not None:
                self.ledger.reverse(voucher, reason, who)
            for entry in [e for e in self.st.cash if e["donation"] == donation_id]:
                self.st.cash_entry(day, "reversal", -entry["amount_fen"], who, donor=donor,
                              donation=donation_id, purpose=entry["purpose"],
                              counterparty=entry["counterparty"], reverses=entry["id"],
                              reason=reason)
            ack.update(void=True, void_reason=reason, voided_at=when)
            row.update(cancelled_at=when, cancel_reason=reason)
        elif roll < 0.025:
            ack.update(void=True, void_reason=self.rng.choice(("打印错位，重新开具", "凭证污损，重新开具")),
                       voided_at=ack["issued_at"])
            self.st.issue(row, day, who)
        return row

    def goods_lines(self, day: _dt.date, count: int, big: bool, near_dated: bool = False) -> list[tuple]:
        chosen = set(self.rng.choices(self.item_ids, self.donate_weights(day), k=count))
        lines = []
        for item_id in chosen:
            item = self.ledger.items[item_id]
            expensive = item["yuan"] and item["yuan"] >= 150
            gap = 2 * self.par[item_id] - self.ledger.on_hand[item_id]
            quantity = max(self.rng.randint(2, 5) if expensive else self.rng.randint(3, 10),
                           round(gap * self.rng.uniform(0.3, 0.8)))
            if big:
                quantity = quantity * 3 // 2
            value = self.ledger.value_on(item_id, day)
            if value is not None and self.rng.random() < 0.2:
                value = round(value * self.rng.uniform(0.85, 1.0) / 100) * 100  # as on the invoice
            lines.append((item_id, quantity, value,
                          self.ledger.expiry_for(item_id, day, 0.4 if near_dated else 1.0)))
        return lines

    def routine_donation(self, day: _dt.date) -> None:
        kind = self.rng.choices(("enterprise", "party_branch", "charity", "community_fund",
                            "individual", "anonymous"), (40, 18, 10, 8, 20, 4))[0]
        donor = self.rng.choice(self.donor_ids[kind])
        big = kind in ("enterprise", "charity") and self.rng.random() < 0.3
        roll = self.rng.random()
        cash = 0
        lines = []
        if kind in ("individual", "anonymous"):
            if roll < 0.4:
                cash = self.rng.choice((100, 200, 200, 300, 500, 500, 1000)) * 100
            else:
                lines = self.goods_lines(day, self.rng.randint(1, 2), False)
        else:
            if roll < 0.06:
                cash = self.rng.choice((1000, 2000, 3000, 5000, 5000, 10000, 20000)) * 100
            else:
                lines = self.goods_lines(day, self.rng.randint(1, 4), big, kind == "enterprise"
                                    and self.rng.random() < 0.1)
                if roll > 0.95:
                    cash = self.rng.choice((1000, 2000, 5000)) * 100
        if not lines and not cash:
            cash = 50000
        self.donation(day, donor, lines, cash, self.rng.choice(PURPOSES))

    def purchase(self, day: _dt.date, lines: list[tuple[int, int]], reason: str,
                 location: int | None = None, mishaps: bool = True) -> dict | None:
        lines = [(i, q) for i, q in lines if q > 0]
        if not lines:
            return None
        who = self.rng.choice(self.st.workers)
        supplier = self.rng.choice(SUPPLIERS)
        voucher = self.ledger.voucher("purchase", day, who, recipient=supplier,
                                 reference=f"发票 No.{self.rng.randrange(10**8):08d}", reason=reason)
        self.ledger.receive(voucher, [(i, q, self.ledger.value_on(i, day), self.ledger.expiry_for(i, day))
                                 for i, q in lines], location or self.main)
        total = sum(r["quantity"] * (r["unit_value_fen"] or 0) for r in self.ledger.rows_of[voucher["id"]])
        if mishaps and self.rng.random() < 0.02:
            self.ledger.reverse(voucher, self.rng.choice(REVERSE_REASONS), who)
            return None
        if 0 < total <= self.st.cash_balance and self.rng.random() < 0.6:
            self.st.cash_entry(day, "spend", -total, who, purpose=reason, counterparty=supplier,
                          reference=voucher["reference"])
        return voucher

    def routine_purchase(self, day: _dt.date) -> None:
        low = [i for i in self.item_ids if self.ledger.on_hand[i] < self.par[i] and self.ledger.items[i]["yuan"]
               and self.ledger.items[i]["months"] == ()]
        if not low:
            return
        chosen = self.rng.sample(low, min(len(low), self.rng.randint(1, 3)))
        self.purchase(day, [(i, self.par[i] - self.ledger.usable(i, day) + self.rng.randint(0, self.par[i])) for i in chosen],
                 "项目经费采购补充库存")

    def give(self, day: _dt.date, kind: str, wants: list[tuple[int, int]], *, mode: str = "skip",
             reservation: dict | None = None, **values) -> dict | None:
        who = values.pop("who", None) or self.rng.choice(self.st.workers)
        voucher = self.ledger.voucher(kind, day, who, **values)
        for item_id, quantity in wants:
            self.ledger.take(voucher, item_id, quantity, mode,
                        reservation.get(item_id) if reservation else None)
        if self.ledger.drop_if_empty(voucher):
            return None
        if kind in ("household", "activity", "other_out") and self.rng.random() < 0.003:
            self.ledger.reverse(voucher, self.rng.choice(REVERSE_REASONS), who)
        return voucher

    def pick_items(self, day: _dt.date, count: int) -> list[int]:
        chosen: list[int] = []
        for item_id in self.rng.choices(self.item_ids, cum_weights=self.give_weights(day), k=count * 3):
            if item_id not in chosen and self.ledger.usable(item_id, day) > 0:
                chosen.append(item_id)
            if len(chosen) == count:
                break
        return chosen

    def to_household(self, day: _dt.date) -> None:
        open_ = bisect.bisect_right(self.registered, day.isoformat())
        if not open_:
            return self.other_out(day)
        household_id, _reg, worker = self.households[self.rng.randrange(open_)]
        wants = [(i, 1 if self.ledger.items[i]["yuan"] and self.ledger.items[i]["yuan"] >= 60
                  else self.rng.randint(1, 3)) for i in self.pick_items(day, self.rng.randint(1, 3))]
        who = (worker, self.st.names[worker]) if worker in self.st.names else None
        self.give(day, "household", wants, household=household_id, target_kind="household",
             target_id=household_id, reason=self.rng.choice(HOUSEHOLD_REASONS), who=who)

    def to_activity(self, day: _dt.date) -> None:
        wants = [(i, self.rng.randint(5, 25)) for i in self.pick_items(day, self.rng.randint(1, 3))]
        self.give(day, "activity", wants, target_kind="activity", target_id=next(self.activity_ids),
             reason=self.rng.choice(ACTIVITIES), recipient=self.rng.choice(self.villages) + "活动现场")

    def to_wish(self, day: _dt.date) -> None:
        wish = self.rng.choice(WISHES)
        wanted = {"书包": ("书包", "小学"), "棉被": ("棉被", "1.5m"), "电暖器": ("电暖器", "2000W"),
                  "课外书": ("课外读物", "套装"), "护眼台灯": ("护眼台灯", ""),
                  "棉鞋": ("棉鞋", "老人款"), "羽绒服": ("羽绒服", "儿童"),
                  "电风扇": ("电风扇", "台式")}
        key = next(v for k, v in wanted.items() if k in wish)
        self.give(day, "wish", [(self.by_name[key], 1)], target_kind="wish", target_id=next(self.wish_ids),
             reason=f"微心愿：{wish}")

    def other_out(self, day: _dt.date) -> None:
        items_ = self.pick_items(day, 1)
        if not items_:
            return
        if self.rng.random() < 0.5:
            self.give(day, "scrapped", [(items_[0], self.rng.randint(1, 3))],
                 reason=self.rng.choice(("受潮霉变", "搬运破损", "包装破损无法发放", "老鼠咬坏")))
        else:
            self.give(day, "other_out", [(items_[0], self.rng.randint(2, 10))],
                 recipient=self.rng.choice(self.villages) + "村委会",
                 reason=self.rng.choice(("借给村委会开展活动", "支援邻镇救灾", "台风应急转运")))

    def spend(self, day: _dt.date) -> None:
        amount = self.rng.choice((500, 800, 1000, 2000, 3000)) * 100
        if amount > self.st.cash_balance:
            return
        who = self.rng.choice(self.st.workers)
        purpose = self.rng.choice(("困难家庭临时救助金", "慰问金发放", "活动经费", "微心愿代购",
                              "物资运输费"))
        paid = (f"{self.rng.choice(self.villages)}困难家庭" if purpose in ("困难家庭临时救助金", "慰问金发放")
                else self.rng.choice(SUPPLIERS))
        entry = self.st.cash_entry(day, "spend", -amount, who, purpose=purpose, counterparty=paid,
                              reference=f"支出单 {day:%Y%m}-{self.rng.randrange(1000):03d}")
        if self.rng.random() < 0.03:
            self.st.cash_entry(day, "reversal", amount, who, purpose=entry["purpose"],
                          counterparty=entry["counterparty"], reference=entry["reference"],
                          reverses=entry["id"], reason="金额录错，冲销重录")

    def move(self, day: _dt.date) -> None:
        chosen = [i for i in self.item_ids if self.ledger.items[i]["category"] in (
            self.ledger.items[self.by_name[("电暖器", "2000W")]]["category"],
            self.ledger.items[self.by_name[("大米", "10kg")]]["category"])]
        chosen = [i for i in self.rng.sample(chosen, 3) if self.ledger.usable(i, day) > 5]
        if not chosen:
            return
        who = self.rng.choice(self.st.workers)
        voucher = self.ledger.voucher("move", day, who, reason="调拨至" + SECOND_STOREROOM[0])
        for item_id in chosen:
            want = max(1, self.ledger.usable(item_id, day) // 4)
            for key, batch_id in list(self.ledger.live[item_id]):
                batch = self.ledger.batch[batch_id]
                if want == 0:
                    break
                if batch["location"] != self.main or batch_id in self.ledger.hold or (
                        key[0] != _dt.date.max and key[0] < day):
                    continue
                got = min(self.ledger.balance[batch_id], want)
                twin = self.ledger.new_batch(item_id, self.second, day, batch["unit_value_fen"],
                                        batch["expires_on"], batch["label"])
                self.ledger._row(voucher, batch_id, -got)
                self.ledger._row(voucher, twin, got)
                want -= got
        self.ledger.drop_if_empty(voucher)

    def count(self, day: _dt.date) -> None:
        who = self.rng.choice(self.st.workers)
        # expired goods found on the shelves go out first (报废)
        write_off = self.ledger.voucher("expired", day, who, reason="盘点时清出过期物资，报废处理")
        for item_id in self.item_ids:
            if self.ledger.items[item_id]["shelf"]:
                self.ledger.take(write_off, item_id, 10**9, "only")
        if not self.ledger.drop_if_empty(write_off):
            write_off["recorded_at"] = self.ledger.at(day, late=1)
        groups: dict[tuple, list[int]] = {}
        for item_id in self.rng.sample(self.item_ids, max(3, round(len(self.item_ids) * 0.3))):
            for key, batch_id in self.ledger.live[item_id]:
                expiry = key[0] if key[0] != _dt.date.max else None
                groups.setdefault((item_id, expiry), []).append(batch_id)
        count_id = self.ids.take(StockCount)
        reason = f"{day.year}年{day.month}月月度盘点"
        voucher = None
        for (item_id, expiry), members in groups.items():
            book = sum(self.ledger.balance[b] for b in members)
            roll = self.rng.random()
            difference = 0 if roll < 0.9 else self.rng.randint(-2, -1) if roll < 0.98 else 1
            difference = max(difference, -book)
            self.st.count_lines.append({"count": count_id, "item": item_id, "expires_on": expiry,
                                   "book": book, "counted": book + difference})
            if not difference:
                continue
            voucher = voucher or self.ledger.voucher("adjustment", day, who, reason=reason,
                                                reference=f"盘点 #{count_id}")
            if difference > 0:
                newest = max(members, key=lambda b: (self.ledger.batch[b]["received_on"], b))
                self.ledger._row(voucher, newest, difference)
            else:
                left = -difference
                for batch_id in sorted(members, key=lambda b: (self.ledger.batch[b]["received_on"], b)):
                    got = min(self.ledger.balance[batch_id], left)
                    if got:
                        self.ledger._row(voucher, batch_id, -got)
                        left -= got
        self.st.counts.append({"id": count_id, "counted_on": day, "location": None, "reason": reason,
                          "voucher": voucher["id"] if voucher else None,
                          "recorded_at": self.ledger.at(day, late=30), "actor": who[0],
                          "actor_name": who[1]})

    def campaign(self, day: _dt.date, number: int, festival: str) -> None:
        name, content = self.package_of[festival]
        title = f"{day.year}年{FESTIVAL_NAMES[festival]}走访慰问"
        self.stock_up(day, content, self.per_campaign, f"{title}慰问品采购")
        reservations = {}
        for item_id, _q in content:
            reservations[item_id] = {"id": self.ids.take(Reservation), "item": item_id,
                                     "target_kind": "campaign", "target_id": number,
                                     "wanted": 0, "quantity": 0, "delivered": 0, "released": 0,
                                     "status": "closed", "note": f"{name} × {self.per_campaign}",
                                     "created_at": self.ledger.at(day - _dt.timedelta(days=10)),
                                     "updated_at": self.ledger.at(day, late=40)}
        places = self.rng.sample(self.villages, min(len(self.villages), max(1, self.per_campaign // 6)))
        for index, village in enumerate(places):
            share = self.per_campaign * (index + 1) // len(places) - self.per_campaign * index // len(places)
            if share <= 0:
                continue
            voucher = self.give(day, "campaign", [(i, q * share) for i, q in content],
                           reservation={i: r["id"] for i, r in reservations.items()},
                           target_kind="campaign", target_id=number,
                           recipient=f"{village}村委会（代领）", reference=f"{title}（{name} × {share}）",
                           reason=title)
            for row in self.ledger.rows_of[voucher["id"]] if voucher else ():
                reservation = reservations[row["item"]]
                reservation["delivered"] -= row["quantity"]
        for reservation in reservations.values():
            reservation["wanted"] = reservation["quantity"] = reservation["delivered"]
            if reservation["delivered"]:  # else no row points at it: it is left out
                self.st.reservations.append(reservation)

    def stock_up(self, day: _dt.date, content: list[tuple[int, int]], count: int, reason: str,
                 skip: int | None = None) -> None:
        """Buy what ``count`` self.packages need beyond what is on the shelves."""
        buy = [(i, q * count - self.ledger.usable(i, day) + self.rng.randint(5, 10))
               for i, q in content if i != skip and self.ledger.usable(i, day) < q * count]
        if buy:
            self.purchase(day, buy, reason, mishaps=False)

    def run(self) -> None:
        """Three years, day by day: each day's share of the rows (weekdays and the holiday
        months get more), the campaigns on their days, a count on each month's last day."""
        rng, ledger, st, today = self.rng, self.ledger, self.st, self.today
        weights = [_weights(self.first + _dt.timedelta(days=d))
                   for d in range(self.history_days + 1)]
        total_weight = sum(weights)
        coming_prep = max(self.first, today - _dt.timedelta(days=3))
        opening = ledger.voucher("opening", self.first, st.head, reason="系统启用，录入期初库存",
                                 reference="期初")
        ledger.receive(opening, [(i, self.par[i] + rng.randint(0, self.par[i]),
                                  ledger.value_on(i, self.first), ledger.expiry_for(i, self.first))
                                 for i in self.item_ids
                                 if not ledger.items[i]["months"] or rng.random() < 0.3],
                       self.main)
        st.cash_entry(self.first, "other_in", 2_000_000, st.head, purpose="上年结转慈善资金",
                      counterparty="增城区慈善会", reference="期初")
        kinds = (self.to_household if self.households else self.other_out,
                 self.routine_donation, self.routine_purchase, self.to_activity, self.to_wish,
                 self.other_out, self.spend, self.move)
        event_weights = (50 if self.households else 2, 16, 5, 6, 2, 1, 3, 1)
        so_far = 0.0
        for offset_days in range(self.history_days + 1):
            day = self.first + _dt.timedelta(days=offset_days)
            so_far += weights[offset_days]
            if day in self.campaigns:
                self.campaign(day, *self.campaigns[day])
            if day == today - _dt.timedelta(days=75):
                self.showcase_expired(day)
            if day == today - _dt.timedelta(days=20):
                self.showcase_near(day)
            if day == coming_prep and not self.real_campaigns:
                content = self.package_of[self.coming[1]][1]
                self.stock_up(day, content, self.per_campaign,
                              f"{FESTIVAL_NAMES[self.coming[1]]}慰问品备货", skip=content[1][0])
            target = self.movements * so_far / total_weight
            tries = 0
            while len(ledger.movements) < target and tries < 1000:
                tries += 1
                rng.choices(kinds, event_weights)[0](day)
            if (day + _dt.timedelta(days=1)).month != day.month and day < today:
                self.count(day)  # the month's last day
                if st.cash_balance > 500_000:
                    st.cash_entry(day, "spend",
                                  -int(round(st.cash_balance * rng.uniform(0.3, 0.6), -4)),
                                  st.head, purpose=f"{day.month}月困难群众慰问金、临时救助金发放",
                                  counterparty="各村居困难家庭（见发放签收表）",
                                  reference=f"发放表 {day:%Y%m}")

    def showcase_expired(self, day: _dt.date) -> None:
        """Flour and medicine given near their dates; what is left expired on the shelf."""
        ledger = self.ledger
        flour, granules = self.by_name[("面粉", "5kg")], self.by_name[("感冒灵颗粒", "10袋")]
        row = self.donation(day, self.donor_ids["enterprise"][1], [
            (flour, 40, ledger.value_on(flour, day), self.today - _dt.timedelta(days=8)),
            (granules, 12, ledger.value_on(granules, day), self.today - _dt.timedelta(days=3))],
            0, "临期物资捐赠", mishaps=False)
        ledger.hold.update(r["batch"] for r in ledger.rows_of[row["voucher"]])

    def showcase_near(self, day: _dt.date) -> None:
        """A supermarket's near-dated food, expiring within the month."""
        ledger = self.ledger
        milk, biscuits = self.by_name[("牛奶", "250ml×24盒")], self.by_name[("饼干", "2kg")]
        row = self.donation(day, self.donor_ids["enterprise"][1], [
            (milk, 30, ledger.value_on(milk, day), self.today + _dt.timedelta(days=12)),
            (biscuits, 20, ledger.value_on(biscuits, day), self.today + _dt.timedelta(days=25))],
            0, "临期食品捐赠，请尽快发放", mishaps=False)
        ledger.hold.update(r["batch"] for r in ledger.rows_of[row["voucher"]])

    def finish(self) -> None:
        """Today: the coming campaign's reservations (one item short) and the low-stock
        lines (a few everyday items run low, and the short one; the rest stay above)."""
        ledger, today = self.ledger, self.today
        reserved_items = []
        if not self.real_campaigns:
            reserved_items = self._reserve_coming()
        usable = {}
        for item in self.items:
            expired = sum(ledger.balance[b] for k, b in ledger.live[item["id"]]
                          if k[0] != _dt.date.max and k[0] < today)
            usable[item["id"]] = ledger.on_hand[item["id"]] - expired
        candidates = sorted((i for i in self.items if i["threshold"] and not i["months"]
                             and i["id"] not in reserved_items),
                            key=lambda i: usable[i["id"]] / i["threshold"])
        self.low_ones = ({i["id"] for i in candidates[:4]} | {reserved_items[1]} if reserved_items
                         else {i["id"] for i in candidates[:5]})
        for item in self.items:
            if item["id"] in self.low_ones:
                item["threshold"] = max(item["threshold"],
                                        (usable[item["id"]] + self.rng.randint(5, 15)) // 5 * 5)
            elif item["threshold"] and usable[item["id"]] < item["threshold"]:
                item["threshold"] = (usable[item["id"]] * 2 // 3) // 5 * 5

    def _reserve_coming(self) -> list[int]:
        """The coming campaign's reservations, one item short; the items reserved."""
        ledger, today = self.ledger, self.today
        number = len(self.past) + 1
        festival = self.coming[1]
        name, content = self.package_of[festival]
        # what went out since the last purchase for it is bought again: only one item is short
        self.stock_up(today, content, self.per_campaign,
                      f"{FESTIVAL_NAMES[festival]}慰问品备货（补足）", skip=content[1][0])
        reserved_items = []
        for index, (item_id, quantity) in enumerate(content):
            wanted = quantity * self.per_campaign
            usable = ledger.usable(item_id, today)
            if index == 1:  # short: what there is is set aside, the rest is missing
                wanted = max(wanted, usable + max(3, self.per_campaign // 4))
            self.st.reservations.append({
                "id": self.ids.take(Reservation), "item": item_id, "target_kind": "campaign",
                "target_id": number, "wanted": wanted, "quantity": min(wanted, usable),
                "delivered": 0, "released": 0, "status": "active",
                "note": f"{self.coming[0].year}年{FESTIVAL_NAMES[festival]}走访慰问："
                        f"{name} × {self.per_campaign}",
                "created_at": self.created, "updated_at": self.created})
            reserved_items.append(item_id)
        return reserved_items

    def write(self) -> None:
        """Every row, table by table in the order their foreign keys need."""
        ledger, st = self.ledger, self.st
        for row in self.items:
            for key in ("shelf", "months", "yuan"):
                row.pop(key)
        counters = [{"series": "ack", "year": y, "last": n} for y, n in sorted(st.counters.items())]
        used = {r["id"] for r in st.reservations}
        for row in ledger.movements:
            if row["reservation"] not in used:
                row["reservation"] = None
        for model, rows in ((Donor, self.donors), (Item, self.items), (ItemValue, self.value_rows),
                            (Location, self.locations), (PackageKind, self.packages),
                            (PackageLine, self.package_lines), (Batch, ledger.batches),
                            (Voucher, ledger.vouchers), (Reservation, st.reservations),
                            (StockMovement, ledger.movements), (Donation, st.donations),
                            (Acknowledgement, st.acks), (CashEntry, st.cash),
                            (StockCount, st.counts), (StockCountLine, st.count_lines),
                            (NumberCounter, counters)):
            for start in range(0, len(rows), 20_000):
                _bulk_insert(model, rows[start:start + 20_000])

    def figures(self) -> InventoryFigures:
        ledger, st, today = self.ledger, self.st, self.today
        figures = InventoryFigures(
            donors=len(self.donors), items=len(self.items), packages=len(self.packages),
            vouchers=len(ledger.vouchers), movements=len(ledger.movements),
            donations=len(st.donations), acknowledgements=len(st.acks),
            cash_entries=len(st.cash), counts=len(st.counts),
            reversals=sum(v["kind"] == "reversal" for v in ledger.vouchers),
            campaigns=len(self.past),
            history=tuple((n, d, f) for n, (d, f) in enumerate(self.past, start=1)),
            reservations=sum(r["status"] == "active" for r in st.reservations),
            low=len(self.low_ones))
        soon = today + _dt.timedelta(days=EXPIRING_DAYS)
        for batch_id, balance in ledger.balance.items():
            expiry = ledger.batch[batch_id]["expires_on"]
            if balance > 0 and expiry is not None:
                figures.expired += expiry < today
                figures.expiring += today <= expiry <= soon
        return figures


def add_inventory(actor: Actor, rng: random.Random, movements: int = STATION_MOVEMENTS, *,
                  history_days: int = HISTORY_DAYS,
                  real_campaigns: bool = False) -> InventoryFigures:
    """Add the demo inventory with about ``movements`` stock ledger rows over the last
    ``history_days`` (see the module). Call inside the demo's transaction; one audit row
    records the lot."""
    if movements <= 0:
        return InventoryFigures()
    demo = _Demo(actor, rng, movements, history_days, real_campaigns)
    demo.run()
    demo.finish()
    demo.write()
    figures = demo.figures()
    record(actor, "create", StockMovement._meta.table_name, None,
           new={"donors": figures.donors, "items": figures.items, "vouchers": figures.vouchers,
                "stock_movements": figures.movements, "donations": figures.donations,
                "cash_entries": figures.cash_entries, "stock_counts": figures.counts},
           note="演示数据 demo inventory")
    return figures

TABLES = (Donor, Item, ItemValue, Location, PackageKind, PackageLine, Batch, Voucher,
          Reservation, StockMovement, Donation, Acknowledgement, CashEntry, StockCount,
          StockCountLine, NumberCounter)
