"""The demo's visit campaigns (issue #9), made through the campaign services so the stock
ledger, the households' visit histories and the volunteers' hours agree with them.

- the inventory's simulated past campaigns (goods handed to the village committees, 代领)
  become closed campaigns without a target list, under the ids their vouchers point at;
- this year's 中秋: closed; about 95% visited, a few nobody at home and visited on the
  team's second day out, a few declined, one household deceased; packages delivered and
  signed for; each team's outings with the volunteers' hours typed in from the paper sheet;
- 重阳: open, about 60% done; the over-80s of five villages, a milk + quilt package that is
  partly short (a shortfall shows), 敬老月 carried on to the month's end; a few households
  re-queued to a day already past (overdue);
- this month's 家访日 (theme 冬季取暖安全): open, each social worker's due list, the first
  days' visits recorded.

Every date is on or before today and inside its campaign's window; the same seed makes the
same campaigns.
"""

from __future__ import annotations

import datetime as _dt
import random
from collections import defaultdict
from dataclasses import dataclass

from .clock import now, stamp, today
from .demo_inventory import real_campaign_years
from .festivals import FESTIVALS, festival_date
from .models import (
    Assignment,
    AttendanceEvent,
    Campaign,
    CampaignCall,
    CampaignOuting,
    CampaignRule,
    CampaignTarget,
    CampaignTeam,
    CampaignTeamMember,
    Category,
    Household,
    Item,
    Need,
    PackageKind,
    Reservation,
    Shift,
    Staff,
    StockMovement,
    Village,
    Visit,
    Volunteer,
    Voucher,
)
from .roles import Actor
from .services import attendance, inventory, stock
from .services import campaigns as cp

DAY = _dt.timedelta(days=1)
HISTORY_NAMES = {"spring": "春节", "mid_autumn": "中秋", "double_ninth": "重阳",
                 "winter": "冬季送温暖"}
CHONGYANG_TARGETS = 85  # about this many over-80s in the five villages
MID_AUTUMN_VILLAGES = 8  # 特困供养 and 孤寡老人 of the first eight villages (about 70)
NEEDS = ("屋顶漏水，需联系村委维修", "老人腿脚不便，申请助行器", "咨询高龄津贴如何领取",
         "家中电线老化，存在安全隐患", "独居，希望志愿者定期探访", "申请临时救助，近期医疗开支大")
WINTER_NEEDS = ("家中无取暖设备，申请电暖器", "棉被单薄，需要厚棉被", "使用炭炉取暖，已讲解通风安全")
SUMMARIES = ("老人身体尚好，精神不错", "送上节日祝福，老人很高兴", "讲解了防诈骗知识",
             "子女不在身边，邻居帮忙照看", "已讲解高龄津贴和医疗救助政策", "家中整洁，生活能自理")
DECLINED = ("家属表示不需要，已转赠其他困难户", "老人说子女已送，婉拒慰问品")
PARTNER = "石滩镇卫生院党支部"
DEATH_AMONG = 20  # a 中秋 list this long has one household where the elder has died


@dataclass
class CampaignFigures:
    history: int = 0  # past campaigns from the inventory's ledger (no target list)
    campaigns: int = 0  # made through the services
    targets: int = 0
    calls: int = 0
    delivered: int = 0
    outings: int = 0


class _Run:
    def __init__(self, head: Actor, rng: random.Random) -> None:
        self.head, self.rng, self.today = head, rng, today()
        self.tz = now().tzinfo
        self.figures = CampaignFigures()
        self.volunteers = [v for (v,) in Volunteer.select(Volunteer.id)
                           .where(Volunteer.status == "active").order_by(Volunteer.id).tuples()]
        self.villages = list(Village.select().where(Village.kind == "village")
                             .order_by(Village.sort_order, Village.id))
        self.staff = dict(Staff.select(Staff.id, Staff.name).tuples())
        self.crews: dict[int, str] = {}

    # ------------------------------------------------------------------ helpers

    def item(self, name: str, spec: str) -> Item:
        return Item.get((Item.name == name) & (Item.spec == spec))

    def free(self, item: Item) -> int:
        """How much of ``item`` a new reservation could hold today."""
        return stock.shortfalls(self.head, [(item.id, 10**6)])[0].available

    def buy(self, on: _dt.date, wants: list[tuple[Item, int]], reason: str) -> None:
        lines = [stock.InLine(item.id, quantity,
                              expires_on=on + 150 * DAY if item.expires else None)
                 for item, quantity in wants if quantity > 0]
        if lines:
            stock.receive(self.head, "purchase", on, lines, recipient="石滩华润万家超市",
                          reason=reason)

    def teams(self, campaign_id: int, per_team: int, days: list[_dt.date],
              partner_village: int | None = None) -> dict:
        """One team per social worker of the campaign's villages (and a partner unit for one
        village), with volunteers free on the team's ``days``; the villages assigned as
        suggested. village id -> team id."""
        busy = {v for (v,) in Assignment.select(Assignment.volunteer).join(Shift)
                .where(Shift.day.in_(sorted(set(days))) & (Assignment.status != "cancelled"))
                .tuples()}
        free = [v for v in self.volunteers if v not in busy]
        self.rng.shuffle(free)
        villages = cp.suggested_teams(self.head, campaign_id)
        workers = sorted({self._worker(v) for v in villages} - {None},
                         key=lambda w: self.staff[w])
        by_worker = {}
        for worker in workers:
            crew = [free.pop() for _ in range(min(per_team, len(free)))]
            team = cp.save_team(self.head, campaign_id, cp.TeamInput(
                f"{self.staff[worker]}组", leader_id=worker, volunteer_ids=crew))
            by_worker[worker] = team.id
        plan = {v: by_worker.get(self._worker(v)) for v in villages}
        if partner_village is not None:
            crew = [free.pop() for _ in range(min(per_team, len(free)))]
            plan[partner_village] = cp.save_team(self.head, campaign_id, cp.TeamInput(
                "卫生院党员志愿队", partner=PARTNER, phone="020-82861333",
                volunteer_ids=crew)).id
        cp.assign_villages(self.head, campaign_id, plan)
        return plan

    def _worker(self, village_id: int) -> int | None:
        village = Village.get_by_id(village_id)
        while village.social_worker_id is None and village.parent_id is not None:
            village = village.parent
        return village.social_worker_id

    def outing(self, team_id: int, day: _dt.date) -> None:
        """A team's day out; if it is over, the volunteers' hours from the paper sheet."""
        shift_id = cp.plan_outing(self.head, team_id, day)
        self.figures.outings += 1
        if day >= self.today:
            return
        for (vid,) in CampaignTeamMember.select(CampaignTeamMember.volunteer).where(
                CampaignTeamMember.team == team_id).tuples():
            start = _dt.datetime.combine(day, _dt.time(8, self.rng.choice((20, 25, 30, 35))),
                                         tzinfo=self.tz)
            end = _dt.datetime.combine(day, _dt.time(16, self.rng.choice((0, 15, 30, 40))),
                                       tzinfo=self.tz)
            attendance.record_paper(self.head, vid, sign_in_at=start, sign_out_at=end,
                                    shift_id=shift_id, reason="入户走访纸质签到表")

    def registered(self, campaign_id: int) -> dict[int, _dt.date]:
        """household id -> registered on, for the campaign's targets."""
        return {h: _dt.date.fromisoformat(str(d)[:10]) for h, d in (
            Household.select(Household.id, Household.registered_on)
            .join(CampaignTarget, on=(CampaignTarget.household == Household.id))
            .where(CampaignTarget.campaign == campaign_id).tuples())}

    def drop_late_comers(self, campaign_id: int, starts: _dt.date) -> None:
        """The demo makes its campaigns today, so their lists take in households filed after
        the window opened: the list the station made then had not got them."""
        registered = self.registered(campaign_id)
        for rows in self.open_targets(campaign_id).values():
            for row in rows:
                if registered[row.household_id] > starts:
                    cp.remove_target(self.head, row.id, "活动开始后才建档，下次活动纳入")

    def open_targets(self, campaign_id: int) -> dict[int | None, list[cp.TargetRow]]:
        by_team: dict[int | None, list[cp.TargetRow]] = defaultdict(list)
        for row in cp.targets(self.head, campaign_id, cp.TargetQuery(status="open")):
            by_team[row.team_id].append(row)
        return by_team

    def visitors(self, team_id: int | None) -> str:
        """"何淑婷、志愿者陈秀英、志愿者王建国": the team's leader (or partner unit) and two of
        its volunteers, as the visit history names them."""
        if team_id not in self.crews:
            team = CampaignTeam.get_or_none(CampaignTeam.id == team_id)
            if team is None:
                return self.head.name
            names = [n for (n,) in CampaignTeamMember.select(Volunteer.name).join(Volunteer)
                     .where(CampaignTeamMember.team == team.id).order_by(Volunteer.id).tuples()]
            self.crews[team_id] = "、".join(
                [self.staff.get(team.leader_id, "") or team.partner]
                + [f"志愿者{n}" for n in names[:2]])
        return self.crews[team_id]

    def call(self, target: cp.TargetRow, outcome: str, on: _dt.date, *, delivered=False,
             requeue_on: _dt.date | None = None, needs=(), reason="", summary="") -> None:
        rng = self.rng
        if outcome == "visited" and not summary:
            summary = rng.choice(SUMMARIES)
        cp.record_outcome(self.head, target.id, cp.OutcomeInput(
            outcome, on, visitors=self.visitors(target.team_id), delivered=delivered,
            signed=delivered and rng.random() < 0.97, needs=list(needs), summary=summary,
            reason=reason, requeue_on=requeue_on,
            need_urgency="urgent" if needs and rng.random() < 0.2 else "normal"))
        self.figures.calls += 1
        self.figures.delivered += bool(delivered)

    # ------------------------------------------------------------------ the campaigns

    def forget_after(self, household_id: int, day: _dt.date) -> None:
        """The household demo went on visiting a household this demo has die on ``day``:
        those later visits (and the needs heard on them) never happened."""
        later = [v for (v,) in Visit.select(Visit.id).where(
            (Visit.household == household_id) & (Visit.visited_on > day)).tuples()]
        if later:
            Need.delete().where(Need.visit.in_(later)).execute()
            Visit.delete().where(Visit.id.in_(later)).execute()

    def relabel_stand_ins(self, year: int) -> None:
        """The household demo's own 中秋 visits of ``year`` stood in for a campaign this demo
        now makes household by household: they stay, as routine visits."""
        rows = list(Visit.select(Visit.id).where(
            (Visit.kind == "holiday") & (Visit.visited_on >= _dt.date(year, 8, 1))
            & (Visit.visited_on <= _dt.date(year, 11, 30))).tuples())
        for (visit_id,) in rows:
            Visit.update(kind="routine", summary=self.rng.choice(SUMMARIES)).where(
                Visit.id == visit_id).execute()

    def history(self, rows: tuple[tuple[int, _dt.date, str], ...]) -> None:
        """The inventory's past campaigns: closed, goods through the village committees."""
        made = stamp()
        for number, day, key in rows:
            code = key if key in FESTIVALS else ""
            festival_on = festival_date(code, day.year) if code else None
            Campaign.insert(
                id=number, name=f"{day.year}年{HISTORY_NAMES[key]}走访慰问", kind="holiday",
                festival=code, festival_on=festival_on, starts_on=day - 10 * DAY, ends_on=day,
                status="closed", closed_on=day, created_at=made,
                created_by_name=self.head.name,
                note="慰问品由各村委会代领发放，未逐户登记（见出库单）",
                close_note="已按村发放完毕").execute()
            self.figures.history += 1

    def mid_autumn(self, year: int) -> int:
        rng, head = self.rng, self.head
        festival = festival_date("mid_autumn", year)
        package = PackageKind.get(PackageKind.name == "中秋慰问包")
        cats = [c.id for c in Category.select().where(Category.name.in_(("特困供养", "孤寡老人")))]
        villages = [v.id for v in self.villages[:MID_AUTUMN_VILLAGES]]
        rules = [cp.RuleInput(category_ids=cats, village_ids=villages, package_id=package.id)]
        starts = festival - cp.HOLIDAY_LEAD_DAYS * DAY
        count = cp.preview(head, rules, festival).total
        self.buy(starts - 3 * DAY, [(line.item, line.quantity * count)
                                    for line in package.lines], f"{year}年中秋慰问品采购")
        made = cp.create_campaign(head, cp.CampaignInput(
            f"{year}年中秋走访慰问", festival="mid_autumn", year=year, theme="情暖中秋，邻里相助",
            budget_fen=count * 20_000, note="特困供养、孤寡老人，逐户送慰问包"), rules)
        days = (festival - 9 * DAY, festival - 4 * DAY)
        self.drop_late_comers(made.campaign_id, starts)
        plan = self.teams(made.campaign_id, 2, list(days))
        for team_id in sorted(set(plan.values()) - {None}):
            for day in days:
                self.outing(team_id, day)
        deceased = made.targets >= DEATH_AMONG  # a death on a list of a few would be grim luck
        for _team_id, rows in sorted(self.open_targets(made.campaign_id).items(),
                                     key=lambda kv: (kv[0] is None, kv[0] or 0)):
            half = (len(rows) + 1) // 2
            for index, row in enumerate(rows):
                day = days[0] if index < half else days[1]
                roll = rng.random()
                if deceased and index == len(rows) - 1:
                    deceased = False
                    self.forget_after(row.household_id, day)
                    self.call(row, "deceased", day, reason="近日病故，家属告知")
                elif roll < 0.025:
                    self.call(row, "declined", day, reason=rng.choice(DECLINED))
                elif roll < 0.12 and day == days[0]:
                    self.call(row, "nobody_home", day, requeue_on=days[1],
                              summary="家中无人，邻居说去了女儿家")
                else:
                    needs = [rng.choice(NEEDS)] if rng.random() < 0.06 else []
                    self.call(row, "visited", day, delivered=True, needs=needs,
                              summary=f"送上中秋慰问包，{rng.choice(SUMMARIES)}")
        # the re-queued ones, on the second day
        for _team_id, rows in self.open_targets(made.campaign_id).items():
            for row in rows:
                self.call(row, "visited", days[1], delivered=True,
                          summary=f"第二次上门，送上中秋慰问包，{rng.choice(SUMMARIES)}")
        cp.close_campaign(head, made.campaign_id, "慰问包全部送达，签收表已归档",
                          on=min(festival + 5 * DAY, self.today))
        self.figures.campaigns += 1
        self.figures.targets += made.targets
        return made.campaign_id

    def _five_villages(self, festival: _dt.date) -> list[int]:
        """Five neighbouring villages (in the station's order) with about CHONGYANG_TARGETS
        over-80s between them."""
        counts = [len(cp.match([cp.RuleInput(village_ids=[v.id], min_age=80)], festival))
                  for v in self.villages]
        best, best_gap = 0, None
        for start in range(max(1, len(counts) - 4)):
            total = sum(counts[start:start + 5])
            gap = abs(total - CHONGYANG_TARGETS) + (100 if total < 80 else 0)
            if best_gap is None or gap < best_gap:
                best, best_gap = start, gap
        return [v.id for v in self.villages[best:best + 5]]

    def double_ninth(self, year: int) -> int:
        rng, head = self.rng, self.head
        festival = festival_date("double_ninth", year)
        starts = festival - cp.HOLIDAY_LEAD_DAYS * DAY
        # 敬老月 carries on to the end of the month after the festival's (at least a week on)
        ends = max(self.today + 7 * DAY,
                   (festival.replace(day=28) + 10 * DAY).replace(day=1) + 29 * DAY)
        milk = self.item("牛奶", "250ml×12盒")
        free = {q.id: self.free(q) for q in (self.item("棉被", "1.5m"), self.item("棉被", "1.8m"))}
        quilt = Item.get_by_id(min(free, key=lambda i: (free[i], i)))
        package = inventory.save_package(head, inventory.PackageInput(
            "重阳暖冬包", [(milk.id, 1), (quilt.id, 1)], note="重阳敬老：牛奶一箱、棉被一床"))
        villages = self._five_villages(festival)
        rules = [cp.RuleInput(village_ids=villages, min_age=80, package_id=package.id)]
        count = cp.preview(head, rules, festival).total
        # the milk is all there; the quilts only for about two in three (the rest on order),
        # and the ones bought enough for every package handed over below
        quilts = max(round(count * 0.66) - free[quilt.id], round(count * 0.6))
        self.buy(starts - 3 * DAY, [(milk, count), (quilt, quilts)],
                 f"{year}年重阳敬老慰问品采购")
        made = cp.create_campaign(head, cp.CampaignInput(
            f"{year}年重阳敬老", festival="double_ninth", year=year, ends_on=ends,
            theme="九九重阳，敬老爱老", budget_fen=count * 25_000,
            note="80岁以上老人；敬老月活动延续至月底"), rules)
        last = min(self.today - DAY, ends)
        span = max((last - (festival - 10 * DAY)).days, 2)
        days = sorted({festival - 10 * DAY + DAY * (span * k // 3) for k in range(3)})
        coming = min(self.today + 2 * DAY, ends)
        self.drop_late_comers(made.campaign_id, starts)
        plan = self.teams(made.campaign_id, 3, days + [coming], partner_village=villages[-1])
        team_ids = sorted(set(plan.values()) - {None})
        for team_id in team_ids:
            for day in days:
                self.outing(team_id, day)
            self.outing(team_id, coming)  # the next one, planned
        for _team_id, rows in sorted(self.open_targets(made.campaign_id).items(),
                                     key=lambda kv: (kv[0] is None, kv[0] or 0)):
            done = round(len(rows) * 0.68)
            for index, row in enumerate(rows[:done]):
                day = days[min(index * len(days) // max(done, 1), len(days) - 1)]
                roll = rng.random()
                if roll < 0.04:
                    self.call(row, "declined", day, reason=rng.choice(DECLINED))
                elif roll < 0.14:
                    # nobody home: some re-queued to a day now past (overdue), some to come
                    again = day + rng.choice((3, 5)) * DAY
                    if again >= self.today or rng.random() < 0.3:
                        again = coming
                    self.call(row, "nobody_home", day, requeue_on=again,
                              summary="家中无人，已留联系卡")
                else:
                    give = quilts > 0 and rng.random() < 0.95  # a few to follow later
                    quilts -= give
                    needs = [rng.choice(NEEDS)] if rng.random() < 0.08 else []
                    self.call(row, "visited", day, delivered=give, needs=needs,
                              summary=("送上牛奶和棉被，" if give else "慰问包待棉被到货后一并送上，")
                              + rng.choice(SUMMARIES))
        self.figures.campaigns += 1
        self.figures.targets += made.targets
        return made.campaign_id

    def visit_day(self) -> int:
        rng, head, on = self.rng, self.head, self.today
        starts = on - min(1, on.day - 1) * DAY  # yesterday and today, on to the week's end
        made = cp.create_visit_day(head, cp.CampaignInput(
            f"{on.year}年{on.month}月家访日", kind="visit_day", theme="冬季取暖安全",
            starts_on=starts, ends_on=on + 7 * DAY,
            note="一月一主题：检查取暖用电、炭炉通风，发放安全提示卡"))
        registered = self.registered(made.campaign_id)
        for _team_id, rows in sorted(self.open_targets(made.campaign_id).items(),
                                     key=lambda kv: (kv[0] is None, kv[0] or 0)):
            done = round(len(rows) * rng.uniform(0.06, 0.14))
            for row in rows[:done]:
                day = max(starts + rng.randint(0, (on - starts).days) * DAY,
                          registered[row.household_id])
                if rng.random() < 0.1:
                    self.call(row, "nobody_home", day, requeue_on=on + rng.randint(1, 5) * DAY,
                              summary="家中无人")
                else:
                    needs = [rng.choice(WINTER_NEEDS)] if rng.random() < 0.12 else []
                    self.call(row, "visited", day, needs=needs,
                              summary="检查取暖设备和用电安全，讲解炭炉通风")
        self.figures.campaigns += 1
        self.figures.targets += made.targets
        return made.campaign_id


def add_campaigns(head: Actor, rng: random.Random,
                  history: tuple[tuple[int, _dt.date, str], ...] = ()) -> CampaignFigures:
    """The demo's campaigns (see the module); needs households, volunteers and the stock
    (packages). ``history``: the inventory's simulated past campaigns (InventoryFigures)."""
    run = _Run(head, rng)
    if not run.volunteers or not run.villages or Household.select().count() == 0 \
            or PackageKind.get_or_none(PackageKind.name == "中秋慰问包") is None:
        return run.figures
    run.history(history)
    years = real_campaign_years(run.today)
    run.relabel_stand_ins(years["mid_autumn"])
    run.mid_autumn(years["mid_autumn"])
    run.double_ninth(years["double_ninth"])
    run.visit_day()
    return run.figures


# what the campaigns write to, for the demo's change event
TABLES = (Campaign, CampaignRule, CampaignTeam, CampaignTeamMember, CampaignTarget, CampaignCall,
          CampaignOuting, Shift, Assignment, AttendanceEvent, Visit, Need, Household, Voucher,
          StockMovement, Reservation, PackageKind, Item)
