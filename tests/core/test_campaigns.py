"""Campaigns: target rules and their snapshot, packages reserved for all targets at once (short
stock shown, its delivery blocked), teams and routes, outcomes into the visit history, the
stock ledger and the households' files, progress, closing, and the monthly visit day."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core import festivals
from station_desk.core.clock import today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import (
    Assignment,
    CampaignTarget,
    Category,
    Household,
    ItemCategory,
    Reservation,
    Tier,
    Village,
    Visit,
)
from station_desk.core.services import attendance, stock
from station_desk.core.services import campaigns as cp
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import volunteers as vs

TODAY = today()
DAY = dt.timedelta(days=1)


def _category(name):
    return Category.get(Category.name == name).id


def _village(name):
    return Village.get(Village.name == name).id


@pytest.fixture
def station(staff_actors):
    """Two villages: 麻车村 (6 households, 4 低保, one with a man of 86) and 沙头村 (4, 2 低保);
    a package of one bag of rice and one bucket of oil; 5 bags of rice and 20 buckets of oil."""
    head = staff_actors["head"]
    low = _category("低保")
    tier = Tier.get(Tier.level == 3).id
    made = {}
    for village, rows in (("麻车村", [("王大山", "3组12号", True), ("李桂兰", "3组2号", True),
                                     ("张三", "1组5号", True), ("赵四", "2组1号", True),
                                     ("钱五", "4组9号", False), ("孙六", "5组1号", False)]),
                          ("沙头村", [("周七", "8号", True), ("吴八", "2号", True),
                                     ("郑九", "5号", False), ("冯十", "7号", False)])):
        for name, address, poor in rows:
            members = [hh.MemberInput(name, birthdate=dt.date(1940, 3, 1) if name == "张三"
                                      else dt.date(1970, 1, 1))]
            made[name] = hh.create_household(
                head, hh.HouseholdInput(name, _village(village), address=address,
                                        phone="13912345678", tier_id=tier,
                                        category_ids=[low] if poor else [],
                                        registered_on=TODAY - 200 * DAY), members).id
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, spec="10kg", value_fen=5000,
                                         value_from=TODAY - 400 * DAY)).id
    oil = inv.save_item(head, inv.ItemInput("食用油", "桶", grain, spec="5L", value_fen=6000,
                                       value_from=TODAY - 400 * DAY)).id
    package = inv.save_package(head, inv.PackageInput("中秋慰问包", [(rice, 1), (oil, 1)])).id
    stock.receive(head, "purchase", TODAY - 10 * DAY,
                  [stock.InLine(rice, 5), stock.InLine(oil, 20)], recipient="超市")
    return {"head": head, "worker": staff_actors["social_worker"], "households": made,
            "rice": rice, "oil": oil, "package": package, "low": low}


def _mid_autumn(station, **kw):
    data = cp.CampaignInput("中秋慰问", festival="mid_autumn", year=TODAY.year,
                            starts_on=TODAY - 5 * DAY, ends_on=TODAY + 20 * DAY,
                            budget_fen=200000, **kw)
    rule = cp.RuleInput(category_ids=[station["low"]],
                        village_ids=[_village("麻车村"), _village("沙头村")],
                        package_id=station["package"])
    return cp.create_campaign(station["head"], data, [rule])


def _target(campaign_id, name):
    return CampaignTarget.get((CampaignTarget.campaign == campaign_id)
                              & (CampaignTarget.household == Household.get(
                                  Household.head_name == name).id)).id


def test_rules_pick_households_and_short_stock_is_shown_not_refused(station):
    head = station["head"]
    rule = cp.RuleInput(category_ids=[station["low"]], package_id=station["package"])
    seen = cp.preview(head, [rule], TODAY)
    assert seen.total == 6 and seen.per_rule == (6,)
    assert dict(seen.per_village) == {"麻车村": 4, "沙头村": 2}
    assert [(s.label, s.wanted, s.available) for s in seen.shortfalls] == [("大米（10kg）", 6, 5)]
    made = _mid_autumn(station)
    assert made.targets == 6
    assert [(s.label, s.missing) for s in made.shortfalls] == [("大米（10kg）", 1)]
    campaign = cp.get_campaign(head, made.campaign_id)
    assert campaign.festival_on == festivals.festival_date("mid_autumn", TODAY.year)
    held = {r.item_id: (r.wanted, r.quantity) for r in stock.reservations(
        head, target_kind="campaign", target_id=made.campaign_id)}
    assert held == {station["rice"]: (6, 5), station["oil"]: (6, 6)}


def test_age_rule_and_first_rule_wins(station):
    head = station["head"]
    old = cp.RuleInput(min_age=80, package_id=station["package"], package_count=2)
    poor = cp.RuleInput(category_ids=[station["low"]], package_id=station["package"])
    seen = cp.preview(head, [old, poor], dt.date(TODAY.year, 10, 1))
    assert seen.per_rule == (1, 5) and seen.total == 6
    made = cp.create_campaign(head, cp.CampaignInput("重阳敬老", festival="double_ninth",
                                                     year=TODAY.year), [old, poor])
    rows = {r.head_name: r for r in cp.targets(head, made.campaign_id)}
    assert rows["张三"].package_count == 2 and rows["王大山"].package_count == 1
    window = cp.get_campaign(head, made.campaign_id)
    assert window.ends_on == window.festival_on == festivals.festival_date("double_ninth",
                                                                           TODAY.year)
    assert window.starts_on == window.festival_on - 14 * DAY


def test_bad_input_is_refused_with_its_field(station):
    head = station["head"]
    with pytest.raises(ValidationError) as bad:
        cp.create_campaign(head, cp.CampaignInput("", festival="mid_autumn"),
                           [cp.RuleInput()])
    assert bad.value.code == "required"
    with pytest.raises(ValidationError) as bad:
        cp.create_campaign(head, cp.CampaignInput("x", starts_on=TODAY, ends_on=TODAY - DAY),
                           [cp.RuleInput()])
    assert bad.value.code == "end_before_start"
    with pytest.raises(ValidationError) as bad:
        cp.create_campaign(head, cp.CampaignInput("x", festival="easter"), [cp.RuleInput()])
    assert bad.value.code == "bad_choice"
    with pytest.raises(ValidationError) as bad:
        cp.create_campaign(head, cp.CampaignInput("x", starts_on=TODAY),
                           [cp.RuleInput(category_ids=[99999])])
    assert bad.value.params["field"] == "categories"
    assert cp.list_campaigns(head) == []  # nothing half made


def test_the_list_is_edited_with_reasons_and_the_reservation_follows(station):
    head = station["head"]
    made = _mid_autumn(station)
    with pytest.raises(ValidationError) as bad:
        cp.remove_target(head, _target(made.campaign_id, "王大山"), "")
    assert bad.value.code == "required"
    short = cp.remove_target(head, _target(made.campaign_id, "王大山"), "已入住敬老院")
    assert short == []  # five packages: the rice is all there now
    qian = station["households"]["钱五"]
    with pytest.raises(ValidationError):
        cp.add_target(head, made.campaign_id, qian, "")
    target_id, short = cp.add_target(head, made.campaign_id, qian, "村委推荐：突发重病",
                                     package_id=station["package"])
    assert [s.missing for s in short] == [1]
    with pytest.raises(ValidationError) as bad:
        cp.add_target(head, made.campaign_id, qian, "again", package_id=station["package"])
    assert bad.value.code == "campaign_target_exists"
    rows = {r.head_name: r for r in cp.targets(head, made.campaign_id)}
    assert "王大山" not in rows and rows["钱五"].added_reason == "村委推荐：突发重病"
    removed = cp.targets(head, made.campaign_id, cp.TargetQuery(status="removed"))
    assert [(r.head_name, r.removed_reason) for r in removed] == [("王大山", "已入住敬老院")]


def test_teams_take_villages_in_address_order(station):
    head = station["head"]
    made = _mid_autumn(station)
    volunteer = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13800001111")).id
    mache = cp.save_team(head, made.campaign_id, cp.TeamInput(
        "麻车组", leader_id=station["worker"].staff_id, volunteer_ids=[volunteer]))
    shatou = cp.save_team(head, made.campaign_id, cp.TeamInput("沙头组", partner="石滩粮油公司"))
    suggested = cp.suggested_teams(head, made.campaign_id)
    assert suggested == {_village("麻车村"): mache.id, _village("沙头村"): None}
    assert cp.assign_villages(head, made.campaign_id, {**suggested,
                                                        _village("沙头村"): shatou.id}) == 6
    route = [(r.head_name, r.route_order) for r in cp.targets(
        head, made.campaign_id, cp.TargetQuery(team_id=mache.id))]
    # 1组5号, 2组1号, 3组2号, 3组12号: numbers compare as numbers
    assert route == [("张三", 1), ("赵四", 2), ("李桂兰", 3), ("王大山", 4)]
    with pytest.raises(ValidationError) as bad:
        cp.save_team(head, made.campaign_id, cp.TeamInput("无人组"))
    assert bad.value.code == "campaign_team_needs_leader"
    rows = cp.teams(head, made.campaign_id)
    assert [(t.name, t.targets, t.volunteer_names) for t in rows] == [
        ("麻车组", 4, ("陈秀英",)), ("沙头组", 2, ())]


def _deliver_all_possible(station, campaign_id, names, on):
    for name in names:
        cp.record_outcome(station["head"], _target(campaign_id, name), cp.OutcomeInput(
            "visited", on, visitors="黄海燕", delivered=True, signed=True))


def test_outcomes_go_into_visit_history_stock_and_files(station):
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    _deliver_all_possible(station, cid, ["王大山", "李桂兰", "张三", "赵四", "周七"], TODAY)
    wu = _target(cid, "吴八")
    with pytest.raises(ValidationError) as bad:  # the sixth bag of rice is not there
        cp.record_outcome(head, wu, cp.OutcomeInput("visited", TODAY, delivered=True))
    assert bad.value.code == "campaign_package_short"
    assert bad.value.params["item"] == "大米（10kg）"
    assert CampaignTarget.get_by_id(wu).status == "open"  # nothing of the call was kept
    with pytest.raises(ValidationError) as bad:
        cp.record_outcome(head, _target(cid, "王大山"), cp.OutcomeInput("visited", TODAY,
                                                                      delivered=True))
    assert bad.value.code == "campaign_target_done"
    with pytest.raises(ValidationError) as bad:
        cp.deliver(head, _target(cid, "王大山"), TODAY)
    assert bad.value.code == "campaign_already_delivered"
    # stock that arrives fills the reservation; then the delivery goes through
    stock.receive(head, "purchase", TODAY, [stock.InLine(station["rice"], 3)], recipient="超市")
    cp.record_outcome(head, wu, cp.OutcomeInput("visited", TODAY, delivered=True,
                                                needs=["屋顶漏雨，需要维修"]))
    household = hh.get_household(head, station["households"]["吴八"])
    assert household.last_visit_on == TODAY and household.due_on == TODAY + 30 * DAY
    assert [(v.kind, v.outcome) for v in household.visits][:1] == [("holiday", "visited")]
    assert [n.content for n in household.needs] == ["屋顶漏雨，需要维修"]
    on_hand = {r.item_id: r.on_hand for r in stock.overview(head)}
    assert on_hand == {station["rice"]: 2, station["oil"]: 14}
    vouchers = stock.movements(head, stock.MovementQuery())
    assert sum(1 for m in vouchers if m.kind == "campaign") >= 6


def test_nobody_home_is_requeued_and_moved_or_deceased_updates_the_file(station):
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    team = cp.save_team(head, cid, cp.TeamInput("二组", leader_id=station["worker"].staff_id))
    target = _target(cid, "李桂兰")
    cp.record_outcome(head, target, cp.OutcomeInput("nobody_home", TODAY - DAY,
                                                    requeue_on=TODAY + 3 * DAY,
                                                    requeue_team_id=team.id))
    row = CampaignTarget.get_by_id(target)
    assert (row.status, row.attempts, row.planned_on, row.team_id) == (
        "open", 1, TODAY + 3 * DAY, team.id)
    household = Household.get(Household.head_name == "李桂兰")
    assert household.last_visit_on is None  # nobody home does not reset the clock
    cp.record_outcome(head, target, cp.OutcomeInput("visited", TODAY, delivered=True))
    assert CampaignTarget.get_by_id(target).attempts == 2
    history = [v.outcome for v in Visit.select().where(Visit.household == household.id)]
    assert sorted(history) == ["nobody_home", "visited"]
    with pytest.raises(ValidationError) as bad:
        cp.record_outcome(head, _target(cid, "张三"), cp.OutcomeInput("deceased", TODAY))
    assert bad.value.code == "required"
    cp.record_outcome(head, _target(cid, "张三"), cp.OutcomeInput("deceased", TODAY,
                                                                reason="2026年病故"))
    assert Household.get(Household.head_name == "张三").status == "deceased"
    cp.record_outcome(head, _target(cid, "周七"), cp.OutcomeInput("declined", TODAY))
    # two packages are not needed any more: the reservation lets them go
    held = {r.item_id: r.wanted for r in stock.reservations(head, target_kind="campaign",
                                                              target_id=cid)}
    assert held == {station["rice"]: 4, station["oil"]: 4}


def test_progress_counts_and_overdue(station):
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    cp.record_outcome(head, _target(cid, "王大山"), cp.OutcomeInput("visited", TODAY,
                                                                  delivered=True, signed=True))
    cp.record_outcome(head, _target(cid, "李桂兰"), cp.OutcomeInput(
        "nobody_home", TODAY - 2 * DAY, requeue_on=TODAY - DAY))
    state = cp.progress(head, cid)
    total = state.total
    assert (total.targets, total.visited, total.nobody_home, total.open, total.overdue,
            total.delivered, total.signed) == (6, 1, 1, 5, 1, 1, 1)
    assert {v.key: (v.targets, v.done) for v in state.by_village} == {"麻车村": (4, 1),
                                                                       "沙头村": (2, 0)}
    late = cp.targets(head, cid, cp.TargetQuery(status="overdue"))
    assert [r.head_name for r in late] == ["李桂兰"]
    after = cp.progress(head, cid, on=TODAY + 30 * DAY).total  # the window is over
    assert after.overdue == 5
    row = cp.list_campaigns(head)[0]
    assert (row.targets, row.done, row.delivered) == (6, 1, 1)


def test_closing_releases_what_was_not_delivered_and_the_ledger_agrees(station):
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    _deliver_all_possible(station, cid, ["王大山", "李桂兰"], TODAY)
    with pytest.raises(PermissionDenied):
        cp.close_campaign(station["worker"], cid)
    assert cp.close_campaign(head, cid, "按期结束") == 2
    assert not Reservation.select().where(Reservation.status == "active").count()
    on_hand = {r.item_id: (r.on_hand, r.reserved) for r in stock.overview(head)}
    assert on_hand[station["rice"]] == (3, 0) and on_hand[station["oil"]] == (18, 0)
    with pytest.raises(ValidationError) as bad:
        cp.record_outcome(head, _target(cid, "张三"), cp.OutcomeInput("visited", TODAY))
    assert bad.value.code == "campaign_closed"
    summary = cp.summary(head, cid)
    assert summary.value_fen == 2 * (5000 + 6000)
    assert [(p.package, p.delivered, p.value_fen) for p in summary.packages] == [
        ("中秋慰问包", 2, 22000)]
    assert summary.visits == 2 and summary.progress.total.visited == 2
    cp.reopen_campaign(head, cid, "漏访两户")
    assert cp.get_campaign(head, cid).status == "open"
    held = {r.item_id: (r.wanted, r.quantity, r.delivered) for r in stock.reservations(
        head, target_kind="campaign", target_id=cid)}
    assert held[station["oil"]] == (4, 4, 0)  # a new reservation for the four still open


def test_a_mistaken_outcome_is_undone_with_its_stock_and_visit(station):
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    target = _target(cid, "王大山")
    cp.record_outcome(head, target, cp.OutcomeInput("visited", TODAY, delivered=True,
                                                    needs=["想申请临时救助"]))
    cp.reopen_target(head, target, "登记错户")
    row = CampaignTarget.get_by_id(target)
    assert (row.status, row.voucher_id, row.attempts) == ("open", None, 0)
    assert Household.get(Household.head_name == "王大山").last_visit_on is None
    on_hand = {r.item_id: r.on_hand for r in stock.overview(head)}
    assert on_hand[station["rice"]] == 5
    cp.record_outcome(head, target, cp.OutcomeInput("visited", TODAY, delivered=True))
    assert cp.summary(head, cid).value_fen == 11000


def test_outings_put_volunteers_on_shifts_and_their_hours_count(station, monkeypatch):
    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    chen = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13800001111")).id
    team = cp.save_team(head, cid, cp.TeamInput("麻车组", leader_id=station["worker"].staff_id,
                                                volunteer_ids=[chen]))
    day = TODAY - DAY
    shift_id = cp.plan_outing(head, team.id, day, "08:30", "11:30")
    assert [(a.volunteer_id, a.status) for a in Assignment.select().where(
        Assignment.shift == shift_id)] == [(chen, "planned")]
    start = dt.datetime.combine(day, dt.time(8, 30)).astimezone()
    attendance.record_paper(head, chen, sign_in_at=start,
                            sign_out_at=start + dt.timedelta(hours=3), shift_id=shift_id)
    summary = cp.summary(head, cid)
    assert [(v.name, v.team, v.outings, v.hours) for v in summary.volunteers] == [
        ("陈秀英", "麻车组", 1, 3.0)]
    assert cp.teams(head, cid)[0].outings == (day,)


def test_visit_day_takes_each_workers_due_list(station):
    head = station["head"]
    worker = station["worker"]
    made = cp.create_visit_day(head, cp.CampaignInput(
        "十一月家访日", theme="冬季取暖安全", starts_on=TODAY, ends_on=TODAY + 6 * DAY))
    # every 麻车村 household is the worker's (the village's worker) and due (registered 200
    # days ago, tier of 30 days); 沙头村 has no worker
    assert made.targets == 6
    teams = cp.teams(head, made.campaign_id)
    assert [(t.name, t.leader_id, t.targets) for t in teams] == [
        (worker.name, worker.staff_id, 6)]
    rows = cp.targets(head, made.campaign_id)
    assert [r.route_order for r in rows] == [1, 2, 3, 4, 5, 6]
    cp.record_outcome(worker, rows[0].id, cp.OutcomeInput("visited", TODAY))
    assert Household.get_by_id(rows[0].household_id).due_on == TODAY + 30 * DAY
    assert Visit.get(Visit.household == rows[0].household_id).kind == "visit_day"


def test_sheets_mask_ids_and_phones(station):
    head = station["head"]
    made = _mid_autumn(station)
    hh.save_member(head, station["households"]["王大山"],
                   hh.MemberInput("王大山", id_number="110101194003018835"),
                   Household.get(Household.head_name == "王大山").members[0].id)
    sheets = cp.sheet_data(head, made.campaign_id)
    rows = {r.head_name: r for sheet in sheets.teams for r in sheet.rows}
    assert rows["王大山"].id_number == "110***********8835"
    assert rows["王大山"].phone == "139****5678"
    assert rows["王大山"].package == "中秋慰问包×1"
    assert sheets.package_contents == (("中秋慰问包", "大米（10kg）×1袋、食用油（5L）×1桶"),)
    sign = cp.sign_off_data(head, made.campaign_id)
    assert len(sign.rows) == 6 and all("王大山" != r.name for r in sign.rows)
    assert sign.rows[0].goods == "大米（10kg）×1袋、食用油（5L）×1桶"


def test_the_front_desk_may_not_see_campaigns(staff_actors, station):
    made = _mid_autumn(station)
    with pytest.raises(PermissionDenied):
        cp.targets(staff_actors["front_desk"], made.campaign_id)
    with pytest.raises(PermissionDenied):
        cp.create_campaign(staff_actors["front_desk"], cp.CampaignInput("x", starts_on=TODAY),
                           [cp.RuleInput()])


def test_check_finds_the_campaign_ledger_in_order_and_a_reversal_goes_through_the_campaign(
        station, store):
    from station_desk.core.check import run_checks

    head = station["head"]
    made = _mid_autumn(station)
    cid = made.campaign_id
    _deliver_all_possible(station, cid, ["王大山", "李桂兰"], TODAY)
    voucher = CampaignTarget.get_by_id(_target(cid, "王大山")).voucher_id
    with pytest.raises(ValidationError) as bad:
        stock.reverse(head, voucher, "录错")
    assert bad.value.code == "stock_campaign_via_campaign"
    cp.close_campaign(head, cid)
    findings = run_checks(store)
    assert [f for f in findings if f.level == "problem"] == []
    assert any(f.code == "check_campaigns_ok" for f in findings)
    from station_desk.core.db import write_transaction

    with write_transaction():  # as a careless script would: behind the campaign's back
        stock.reverse_voucher(head, voucher, "录错")
    codes = {f.code for f in run_checks(store) if f.level == "problem"}
    assert codes == {"check_campaign_deliveries"}


def test_campaign_row_carries_the_note_so_an_edit_keeps_it(station):
    head = station["head"]
    made = _mid_autumn(station, note="村委会协助发放")
    row = cp.get_campaign(head, made.campaign_id)
    assert row.note == "村委会协助发放"
    cp.update_campaign(head, row.id, cp.CampaignInput(
        "中秋慰问（改）", festival=row.festival, year=row.festival_on.year,
        starts_on=row.starts_on, ends_on=row.ends_on, budget_fen=row.budget_fen, note=row.note))
    assert cp.get_campaign(head, row.id).note == "村委会协助发放"


def test_a_household_closed_comes_off_the_other_lists_and_gets_nothing(station):
    head = station["head"]
    mid = _mid_autumn(station).campaign_id
    day = cp.create_visit_day(head, cp.CampaignInput(
        "十一月家访日", starts_on=TODAY - DAY, ends_on=TODAY + 6 * DAY)).campaign_id
    cp.record_outcome(head, _target(day, "王大山"), cp.OutcomeInput("deceased", TODAY,
                                                                  reason="病故"))
    row = CampaignTarget.get_by_id(_target(mid, "王大山"))
    assert row.status == "deceased"  # off the 中秋 list too, its package no longer held
    held = {r.item_id: r.wanted for r in stock.reservations(head, target_kind="campaign",
                                                              target_id=mid)}
    assert held[station["oil"]] == 5
    zhang = station["households"]["张三"]
    hh.close_household(head, zhang, "moved", "随子女迁往广州")
    assert CampaignTarget.get_by_id(_target(mid, "张三")).status == "moved"
    with pytest.raises(ValidationError) as bad:
        cp.add_target(head, mid, zhang, "补报")
    assert bad.value.code == "campaign_household_closed"
    sheets = cp.sheet_data(head, mid)
    assert {r.head_name for t in sheets.teams for r in t.rows} == {"李桂兰", "赵四", "周七", "吴八"}


def test_undoing_an_outcome_takes_its_needs_and_the_visit_stays_with_the_campaign(station):
    head = station["head"]
    cid = _mid_autumn(station).campaign_id
    target = _target(cid, "王大山")
    cp.record_outcome(head, target, cp.OutcomeInput("visited", TODAY, needs=["要轮椅"]))
    visit = CampaignTarget.get_by_id(target).visit_id
    with pytest.raises(ValidationError) as bad:  # from the household's side: refused
        hh.delete_visit(head, visit, "录错")
    assert bad.value.code == "visit_via_campaign"
    cp.reopen_target(head, target, "录错户")
    cp.record_outcome(head, target, cp.OutcomeInput("visited", TODAY, needs=["要轮椅"]))
    assert CampaignTarget.get_by_id(target).needs_found == 1
    household = hh.get_household(head, station["households"]["王大山"])
    assert [n.content for n in household.needs] == ["要轮椅"]
    assert [n.content for n in cp.summary(head, cid).needs] == ["要轮椅"]


def test_requeue_stays_in_the_window_and_signed_marks_stay_on_a_closed_campaign(station):
    head = station["head"]
    cid = _mid_autumn(station).campaign_id
    with pytest.raises(ValidationError) as bad:
        cp.record_outcome(head, _target(cid, "李桂兰"), cp.OutcomeInput(
            "nobody_home", TODAY, requeue_on=TODAY + 60 * DAY))
    assert bad.value.code == "campaign_requeue_after_end"
    _deliver_all_possible(station, cid, ["王大山"], TODAY)
    cp.close_campaign(head, cid)
    with pytest.raises(ValidationError) as bad:
        cp.mark_signed(head, [_target(cid, "王大山")], False)
    assert bad.value.code == "campaign_closed"


def test_many_at_once_is_all_or_nothing(station):
    head = station["head"]
    cid = _mid_autumn(station).campaign_id
    names = ["王大山", "李桂兰", "张三", "赵四", "周七", "吴八"]
    for name in names:
        cp.record_outcome(head, _target(cid, name), cp.OutcomeInput("visited", TODAY))
    ids = [_target(cid, n) for n in names]
    with pytest.raises(ValidationError) as bad:  # five bags of rice for six
        cp.deliver_many(head, ids, TODAY)
    assert bad.value.code == "campaign_package_short"
    assert not CampaignTarget.select().where(CampaignTarget.voucher.is_null(False)).count()
    assert cp.deliver_many(head, ids[:5], TODAY, signed=True) == 5
    with pytest.raises(ValidationError):
        cp.remove_targets(head, [ids[5], ids[0]], "重复")  # the second was visited
    assert CampaignTarget.get_by_id(ids[5]).status == "visited"


def test_a_festival_without_a_year_is_the_next_one(station):
    made = cp.create_campaign(station["head"], cp.CampaignInput("春节慰问", festival="spring"),
                              [cp.RuleInput(category_ids=[station["low"]])])
    row = cp.get_campaign(station["head"], made.campaign_id)
    assert row.festival_on == festivals.festival_date("spring", TODAY.year + 1)
    assert row.festival_on >= TODAY


def test_closing_takes_the_outings_still_to_come_off_the_roster(station):
    head = station["head"]
    cid = _mid_autumn(station).campaign_id
    chen = vs.create_volunteer(head, vs.VolunteerInput("陈秀英", phone="13800001111")).id
    team = cp.save_team(head, cid, cp.TeamInput("一组", partner="共建单位", volunteer_ids=[chen]))
    past = cp.plan_outing(head, team.id, TODAY - DAY)
    coming = cp.plan_outing(head, team.id, TODAY + 2 * DAY)
    cp.close_campaign(head, cid)
    from station_desk.core.models import Shift

    assert Shift.get_or_none(Shift.id == past) is not None
    assert Shift.get_or_none(Shift.id == coming) is None
