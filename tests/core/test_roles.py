"""Every writing service, called as every role: allowed roles succeed, others are refused
before anything changes."""

from __future__ import annotations

import pytest

from station_desk.core.errors import PermissionDenied
from station_desk.core.models import AuditLog, Staff, Village
from station_desk.core.roles import PERMISSIONS, ROLES, require_village
from station_desk.core.services import (
    accounts,
    cases,
    household_import,
    roster,
    settings,
    station,
    stock,
    volunteer_import,
)
from station_desk.core.services import attendance as att
from station_desk.core.services import campaigns as cps
from station_desk.core.services import certificates as certs
from station_desk.core.services import donations as dn
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import policies as pol
from station_desk.core.services import volunteers as vs
from station_desk.core.services.base import WRITERS


@pytest.fixture(autouse=True)
def a_household(request):
    """One household with a second member, a visit and a need, for the household writers."""
    if "staff_actors" not in request.fixturenames:
        return
    actors = request.getfixturevalue("staff_actors")
    household = hh.create_household(
        actors["head"], hh.HouseholdInput("王大山", _village("麻车村")),
        [hh.MemberInput("王大山"), hh.MemberInput("王小花", "孙女")])
    hh.record_visit(actors["head"], household.id, hh.VisitInput(household.registered_on,
                                                                needs=["需要轮椅"]))


def _household():
    from station_desk.core.models import Household

    return Household.get(Household.head_name == "王大山").id


def _member(name="王小花"):
    from station_desk.core.models import Member

    return Member.get(Member.name == name).id


def _visit():
    from station_desk.core.models import Visit

    return Visit.select().first().id


def _need():
    from station_desk.core.models import Need

    return Need.select().first().id


def _village(name):
    return Village.get(Village.name == name).id


def _other_staff():
    return Staff.get(Staff.username == "lxy").id


def _ledger():
    """A one-household ledger (CSV) for the import writer."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="station-roles-") as folder:
        path = Path(folder) / "ledger.csv"
        path.write_text("户主姓名,村居\n赵六,沙头村\n", encoding="utf-8")
        return household_import.open_source(path)  # read whole: the file may go


def _volunteer_id():
    """A volunteer made directly (no audit row), for the attendance writers."""
    from station_desk.core.clock import stamp
    from station_desk.core.models import Volunteer

    return Volunteer.create(name="陈秀英", phone="13912345678", phone_tail="5678",
                            created_at=stamp(), updated_at=stamp()).id


def _sign_in(days_ago=1):
    """An open sign-in made directly (no audit row), ``days_ago`` at 09:00."""
    import datetime as dt

    from station_desk.core.clock import now, stamp
    from station_desk.core.models import AttendanceEvent

    moment = (now() - dt.timedelta(days=days_ago)).replace(hour=9, minute=0, second=0)
    return AttendanceEvent.create(volunteer=_volunteer_id(), kind="sign_in", at=stamp(moment),
                                  walk_in=True, recorded_at=stamp())


def _hours_ago(hours):
    import datetime as dt

    from station_desk.core.clock import now

    return now() - dt.timedelta(hours=hours)


# One valid call for each writing service; a new writer must add its example here.
EXAMPLES = {
    "accounts.create_staff": lambda a: accounts.create_staff(a, "newbie", "新同事", "social_worker", "secret123"),
    "accounts.update_staff": lambda a: accounts.update_staff(a, _other_staff(), phone="13800138000"),
    "accounts.reset_password": lambda a: accounts.reset_password(a, _other_staff(), "another123"),
    "accounts.change_own_password": lambda a: accounts.change_own_password(a, "secret123", "changed123"),
    "station.save_station": lambda a: station.save_station(a, name="石滩镇第一社工服务站"),
    "station.add_village": lambda a: station.add_village(a, code="V9", name="田桥村",
                                                         parent_id=_village("石滩镇")),
    "station.update_village": lambda a: station.update_village(a, _village("沙头村"), name="沙头新村"),
    "station.save_category": lambda a: station.save_category(a, name="困难退役军人"),
    "station.save_tier": lambda a: station.save_tier(a, level=5, name="五级", visit_interval_days=180),
    "settings.set_setting": lambda a: settings.set_setting(a, "backup.keep_daily", 14),
    "settings.set_settings": lambda a: settings.set_settings(a, {"backup.keep_weekly": 12}),
    "households.create_household": lambda a: hh.create_household(
        a, hh.HouseholdInput("李四", _village("麻车村"))),
    "households.update_household": lambda a: hh.update_household(
        a, _household(), hh.HouseholdInput("王大山", _village("麻车村"), address="麻车村 3 号")),
    "households.save_member": lambda a: hh.save_member(a, _household(), hh.MemberInput("王二", "儿子")),
    "households.delete_member": lambda a: hh.delete_member(a, _member(), "录入错误"),
    "households.close_household": lambda a: hh.close_household(a, _household(), "moved", "迁往县城"),
    "households.reopen_household": lambda a: hh.reopen_household(a, _household(), "搬回本村"),
    "households.record_visit": lambda a: hh.record_visit(
        a, _household(), hh.VisitInput(hh.today(), outcome="nobody_home")),
    "households.delete_visit": lambda a: hh.delete_visit(a, _visit(), "录错了"),
    "households.record_need": lambda a: hh.record_need(a, _household(), "申请临时救助"),
    "households.update_need": lambda a: hh.update_need(a, _need(), status="in_progress"),
    "household_import.import_households": lambda a: household_import.import_households(
        a, _ledger()),
    "attendance.punch": lambda a: att.punch(a, _volunteer_id()),
    "attendance.close_forgotten": lambda a: att.close_forgotten(a) if _sign_in() else None,
    "attendance.correct": lambda a: att.correct(a, _sign_in().id, reason="电话核实",
                                                sign_out_at=_hours_ago(2)),
    "attendance.void": lambda a: att.void(a, _sign_in().id, reason="重复录入"),
    "attendance.record_paper": lambda a: att.record_paper(
        a, _volunteer_id(), sign_in_at=_hours_ago(5), sign_out_at=_hours_ago(3)),
}


def _card_holder():
    """A volunteer with a card, made directly (no audit row), for the volunteer writers."""
    from station_desk.core.clock import stamp
    from station_desk.core.models import CardToken, Volunteer

    found = Volunteer.get_or_none(Volunteer.name == "志愿者甲")
    if found is None:
        found = Volunteer.create(name="志愿者甲", phone="13800001234", phone_tail="1234",
                                 created_at=stamp(), updated_at=stamp())
        CardToken.create(volunteer=found.id, token="test-token-not-secret", issued_at=stamp())
    card = CardToken.get((CardToken.volunteer == found.id) & CardToken.revoked_at.is_null())
    return found.id, card.id


EXAMPLES.update({
    "volunteers.create_volunteer": lambda a: vs.create_volunteer(a, vs.VolunteerInput("志愿者乙")),
    "volunteers.update_volunteer": lambda a: vs.update_volunteer(
        a, _card_holder()[0], vs.VolunteerInput("志愿者甲", phone=None, id_number=None, notes="会理发")),
    "volunteers.save_team": lambda a: vs.save_team(a, name="巾帼志愿队"),
    "volunteers.save_skill": lambda a: vs.save_skill(a, name="手语"),
    "volunteers.issue_card": lambda a: vs.issue_card(a, _card_holder()[0]),
    "volunteers.revoke_card": lambda a: vs.revoke_card(a, _card_holder()[1], "卡丢了"),
})


def _shift(name="前台值班", start="08:00", end="12:00"):
    """A shift next Monday made directly (no audit row), for the roster writers."""
    import datetime as dt

    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Shift

    day = today() + dt.timedelta(days=7 - today().weekday())
    return Shift.create(name=name, kind="front_desk", day=day, start_time=start, end_time=end,
                        capacity=2, created_at=stamp()).id


def _template():
    from station_desk.core.models import ShiftTemplate

    return ShiftTemplate.create(name="热线", kind="hotline", weekdays="1,3", start_time="14:00",
                                end_time="17:00").id


def _assignment(name="陈秀英", shift=None):
    from station_desk.core.clock import stamp
    from station_desk.core.models import Assignment

    return Assignment.create(shift=shift or _shift(), volunteer=_volunteer_named(name),
                             created_at=stamp(), updated_at=stamp()).id


def _volunteer_named(name):
    from station_desk.core.clock import stamp
    from station_desk.core.models import Volunteer

    return Volunteer.create(name=name, created_at=stamp(), updated_at=stamp()).id


def _monday(weeks=1):
    import datetime as dt

    from station_desk.core.clock import today

    return today() + dt.timedelta(days=7 * weeks - today().weekday())


EXAMPLES.update({
    "roster.save_template": lambda a: roster.save_template(
        a, name="前台值班", kind="front_desk", start_time="8:30", end_time="12:00"),
    "roster.deactivate_template": lambda a: roster.deactivate_template(a, _template()),
    "roster.generate_series": lambda a: roster.generate_series(a, _template(), _monday(), 2),
    "roster.add_shift": lambda a: roster.add_shift(
        a, name="重阳节活动", kind="activity", day=_monday(), start_time="09:00", end_time="11:00"),
    "roster.delete_shift": lambda a: roster.delete_shift(a, _shift()),
    "roster.assign": lambda a: roster.assign(a, _shift(), _volunteer_named("李四")),
    "roster.cancel_assignment": lambda a: roster.cancel_assignment(a, _assignment()),
    "roster.confirm_assignment": lambda a: roster.confirm_assignment(a, _assignment()),
    "roster.replace": lambda a: roster.replace(a, _assignment(), _volunteer_named("王五")),
    "roster.swap": lambda a: roster.swap(a, _assignment("甲"), _assignment("乙", _shift("热线", "14:00", "17:00"))),
    "roster.copy_week": lambda a: roster.copy_week(a, _monday(1) if _assignment() else None, _monday(2)),
})


def _roster():
    """A one-volunteer roster (CSV) for the volunteer import writer."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="station-roles-") as folder:
        path = Path(folder) / "roster.csv"
        path.write_text("姓名,手机号码\n志愿者丙,13800005678\n", encoding="utf-8")
        return volunteer_import.open_source(path)  # read whole: the file may go


EXAMPLES["volunteer_import.import_volunteers"] = lambda a: volunteer_import.import_volunteers(
    a, _roster())


def test_every_writer_has_an_example():
    assert set(WRITERS) == set(EXAMPLES)


def test_role_table_matches_the_issue(staff_actors):
    head, worker, desk, kiosk = (staff_actors[r] for r in ROLES)
    assert head.can("accounts.manage") and head.can("backup.restore") and head.can("ids.reveal")
    assert not worker.can("accounts.manage") and not worker.can("backup.restore")
    assert not desk.can("ids.reveal")
    # the kiosk signs volunteers in and out, and nothing else
    assert [p for p in PERMISSIONS if kiosk.can(p)] == ["attendance.kiosk"]


def test_social_worker_covers_only_own_villages(staff_actors):
    worker = staff_actors["social_worker"]
    require_village(worker, _village("麻车村"))
    with pytest.raises(PermissionDenied) as err:
        require_village(worker, _village("沙头村"))
    assert err.value.code == "not_your_village"
    require_village(staff_actors["head"], _village("沙头村"))
    with pytest.raises(PermissionDenied):
        require_village(staff_actors["front_desk"], _village("麻车村"))


def test_no_actor_is_refused(store):
    with pytest.raises(PermissionDenied):
        station.save_category(None, name="低保")


def _served_volunteer():
    """A volunteer with one finished visit yesterday and a station on file, made directly
    (no audit row), for the certificate writers."""
    import datetime as dt

    from station_desk.core.clock import now, stamp
    from station_desk.core.models import AttendanceEvent, Station, Volunteer

    if Station.select().count() == 0:
        Station.create(name="石滩镇第一社工服务站", created_at=stamp())
    found = Volunteer.get_or_none(Volunteer.name == "时长志愿者")
    if found is None:
        found = Volunteer.create(name="时长志愿者", created_at=stamp(), updated_at=stamp())
        start = (now() - dt.timedelta(days=1)).replace(hour=9, minute=0, second=0)
        opened = AttendanceEvent.create(volunteer=found.id, kind="sign_in", at=stamp(start),
                                        source="staff", recorded_at=stamp())
        AttendanceEvent.create(volunteer=found.id, kind="sign_out", opens=opened.id,
                               at=stamp(start + dt.timedelta(hours=3)), source="staff",
                               recorded_at=stamp())
    return found.id


def _certificate():
    """A certificate on file, made directly (no audit row), for void_certificate."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Certificate

    return Certificate.create(number=f"TEST-{Certificate.select().count() + 1}",
                              volunteer=_served_volunteer(), period_from=today(),
                              period_to=today(), hours=3, issued_at=stamp()).id


EXAMPLES.update({
    "certificates.issue_certificate": lambda a: certs.issue_certificate(
        a, _served_volunteer(), certs.today() - certs._dt.timedelta(days=7), certs.today()),
    "certificates.void_certificate": lambda a: certs.void_certificate(a, _certificate(), "打印错误"),
})


# --- donation inventory -------------------------------------------------------------------

def _item(name="大米", quantity=10):
    """An item with ``quantity`` on hand, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Batch, Item, ItemCategory, Location, StockMovement, Voucher

    found = Item.get_or_none(Item.name == name)
    if found is None:
        found = Item.create(name=name, unit="袋", category=ItemCategory.select().first().id)
        if quantity:
            batch = Batch.create(item=found.id, location=Location.select().first().id,
                                 received_on=today())
            voucher = Voucher.create(kind="opening", moved_on=today(), recorded_at=stamp())
            StockMovement.create(voucher=voucher.id, item=found.id, batch=batch.id,
                                 quantity=quantity, moved_on=today())
    return found.id


def _donor():
    from station_desk.core.clock import stamp
    from station_desk.core.models import Donor

    found = Donor.get_or_none(Donor.name == "爱心企业")
    return (found or Donor.create(kind="enterprise", name="爱心企业", created_at=stamp())).id


def _out_voucher():
    """Two bags given out, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Batch, StockMovement, Voucher

    item = _item()
    voucher = Voucher.create(kind="other_out", moved_on=today(), recorded_at=stamp(), reason="x")
    StockMovement.create(voucher=voucher.id, item=item, batch=Batch.get(Batch.item == item).id,
                         quantity=-2, moved_on=today())
    return voucher.id


def _donation(cash=0):
    """A donation of one bag (and cash) with its slip, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import (
        Acknowledgement,
        Batch,
        CashEntry,
        Donation,
        Location,
        StockMovement,
        Voucher,
    )

    item = _item(quantity=0)
    voucher = Voucher.create(kind="donation", moved_on=today(), recorded_at=stamp(),
                             donor=_donor())
    batch = Batch.create(item=item, location=Location.select().first().id, received_on=today())
    StockMovement.create(voucher=voucher.id, item=item, batch=batch.id, quantity=1,
                         moved_on=today())
    donation = Donation.create(donor=_donor(), received_on=today(), voucher=voucher.id,
                               cash_fen=cash, created_at=stamp())
    if cash:
        CashEntry.create(entered_on=today(), kind="donation", amount_fen=cash, donation=donation.id,
                         recorded_at=stamp())
    Acknowledgement.create(number=f"T-{donation.id}", donation=donation.id, issued_at=stamp())
    return donation.id


def _cash_entry():
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import CashEntry

    CashEntry.create(entered_on=today(), kind="other_in", amount_fen=10000, purpose="x",
                     recorded_at=stamp())
    return CashEntry.create(entered_on=today(), kind="spend", amount_fen=-3000, purpose="x",
                            recorded_at=stamp()).id


def _reservation(wanted=5, quantity=0):
    from station_desk.core.clock import stamp
    from station_desk.core.models import Reservation

    Reservation.create(item=_item(), target_kind="campaign", target_id=1, wanted=wanted,
                       quantity=quantity, created_at=stamp(), updated_at=stamp())
    return 1


def _second_location():
    from station_desk.core.models import Location

    return Location.create(name="二号库房", sort_order=2).id


EXAMPLES.update({
    "inventory.save_donor": lambda a: inv.save_donor(a, inv.DonorInput("individual", "张先生")),
    "inventory.set_donor_active": lambda a: inv.set_donor_active(a, _donor(), False),
    "inventory.save_item_category": lambda a: inv.save_item_category(a, "母婴用品"),
    "inventory.save_location": lambda a: inv.save_location(a, "村委会仓库"),
    "inventory.save_item": lambda a: inv.save_item(
        a, inv.ItemInput("食用油", "桶", _item_category(), value_fen=6990)),
    "inventory.set_item_value": lambda a: inv.set_item_value(a, _item(), stock.today(), 5200),
    "inventory.set_item_active": lambda a: inv.set_item_active(a, _item(), False),
    "inventory.save_package": lambda a: inv.save_package(a, inv.PackageInput("中秋慰问包",
                                                                              [(_item(), 1)])),
    "stock.receive": lambda a: stock.receive(a, "purchase", stock.today(),
                                             [stock.InLine(_item(), 5)]),
    "stock.give_out": lambda a: stock.give_out(a, "other_out", stock.today(),
                                               [stock.OutLine(_item(), 1)], reason="敬老院"),
    "stock.move": lambda a: stock.move(a, stock.today(), [stock.OutLine(_item(), 1)],
                                       inv.default_location_id(), _second_location()),
    "stock.reverse": lambda a: stock.reverse(a, _out_voucher(), "录错"),
    "stock.record_count": lambda a: stock.record_count(a, stock.today(),
                                                       [stock.CountLine(_item(), 9)], "盘点"),
    "stock.reserve": lambda a: stock.reserve(a, "campaign", 1, [(_item(), 3)]),
    "stock.top_up": lambda a: stock.top_up(a, "campaign", _reservation()),
    "stock.release": lambda a: stock.release(a, "campaign", _reservation(5, 5), "结束"),
    "donations.receive_donation": lambda a: dn.receive_donation(
        a, dn.DonationInput(_donor(), stock.today(), [], cash_fen=10000)),
    "donations.reissue_acknowledgement": lambda a: dn.reissue_acknowledgement(
        a, _donation(), "打印错位"),
    "donations.cancel_donation": lambda a: dn.cancel_donation(a, _donation(cash=500), "重复录入"),
    "donations.record_cash": lambda a: dn.record_cash(a, stock.today(), "other_in", 5000,
                                                      purpose="义卖"),
    "donations.reverse_cash": lambda a: dn.reverse_cash(a, _cash_entry(), "录错"),
})


def _item_category():
    from station_desk.core.models import ItemCategory

    return ItemCategory.select().first().id


def _opening_stock():
    """A one-line opening stock sheet (CSV), read whole, for the opening stock import."""
    import tempfile
    from pathlib import Path

    from station_desk.core.imports import stock as stock_sheet

    with tempfile.TemporaryDirectory(prefix="station-roles-") as folder:
        path = Path(folder) / "opening.csv"
        path.write_text("物资名称,单位,物资类别,数量,单价\n面粉,袋,粮油,4,35\n", encoding="utf-8")
        return stock_sheet.open_source(path)


from station_desk.core.services import stock_import  # noqa: E402 - registers its writer

EXAMPLES["stock_import.import_opening_stock"] = lambda a: stock_import.import_opening_stock(
    a, _opening_stock(), on=stock.today())


# --- policy cards ---------------------------------------------------------------------------

def _version(short="低保"):
    from station_desk.core.models import Policy, PolicyVersion

    return PolicyVersion.get(PolicyVersion.policy == Policy.get(Policy.short_name == short)).id


def _distribution():
    """Ten cards handed out in 麻车村, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Distribution

    return Distribution.create(version=_version(), village=_village("麻车村"), quantity=10,
                               handed_on=today(), recorded_at=stamp()).id


EXAMPLES.update({
    "policies.save_policy": lambda a: pol.save_policy(a, pol.PolicyInput("教育救助", "教育救助")),
    "policies.save_version": lambda a: pol.save_version(
        a, _policy_id(), pol.VersionText(eligibility="低保家庭", standard="例：每人每月 1,100 元")),
    "policies.publish_version": lambda a: pol.publish_version(a, _draft()),
    "policies.retire_version": lambda a: pol.retire_version(a, _version("临时救助")),
    "policies.record_print_run": lambda a: pol.record_print_run(a, _version(), "wallet", 100),
    "policies.record_print_runs": lambda a: pol.record_print_runs(
        a, [(_version(), "wallet", 1, 1), (_version("医疗救助"), "wallet", 1, 1)]),
    "policies.record_distribution": lambda a: pol.record_distribution(
        a, _version(), 30, village_id=_village("麻车村")),
    "policies.reverse_distribution": lambda a: pol.reverse_distribution(a, _distribution(), "录错"),
})


def _draft():
    """A draft second version of 低保, made directly (no audit row)."""
    from station_desk.core.clock import stamp
    from station_desk.core.models import PolicyVersion

    return PolicyVersion.create(policy=_policy_id(), number=2, eligibility="新版本",
                                created_at=stamp()).id


def _policy_id(short="低保"):
    from station_desk.core.models import Policy

    return Policy.get(Policy.short_name == short).id


# --- campaigns ---------------------------------------------------------------------------

def _campaign():
    """An open campaign with 王大山 on its list, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Campaign, CampaignTarget

    campaign = Campaign.get_or_none(Campaign.name == "中秋慰问")
    if campaign is None:
        campaign = Campaign.create(name="中秋慰问", starts_on=today(), ends_on=today(),
                                   created_at=stamp())
        CampaignTarget.create(campaign=campaign.id, household=_household(), updated_at=stamp())
    return campaign.id


def _campaign_target(status="open", package=False, held=1):
    from station_desk.core.clock import stamp
    from station_desk.core.models import CampaignTarget, PackageKind, PackageLine, Reservation

    target = CampaignTarget.get(CampaignTarget.campaign == _campaign())
    target.status = status
    if package:
        kind = PackageKind.create(name="慰问包", created_at=stamp())
        PackageLine.create(package=kind.id, item=_item(), quantity=1)
        target.package = kind.id
        Reservation.create(item=_item(), target_kind="campaign", target_id=target.campaign_id,
                           wanted=1, quantity=held, created_at=stamp(), updated_at=stamp())
    target.save()
    return target.id


def _campaign_team():
    from station_desk.core.models import CampaignTeam

    return CampaignTeam.create(campaign=_campaign(), name="一组", partner="共建单位").id


def _delivered_target():
    """A visited target whose package went out, made directly (no audit row)."""
    from station_desk.core.models import CampaignTarget

    target = CampaignTarget.get_by_id(_campaign_target("visited"))
    target.voucher = _out_voucher()
    target.save()
    return target.id


EXAMPLES.update({
    "campaigns.create_campaign": lambda a: cps.create_campaign(
        a, cps.CampaignInput("重阳敬老", festival="double_ninth"), [cps.RuleInput(min_age=80)]),
    "campaigns.update_campaign": lambda a: cps.update_campaign(
        a, _campaign(), cps.CampaignInput("中秋慰问（改）", starts_on=stock.today())),
    "campaigns.add_target": lambda a: cps.add_target(
        a, _campaign(), _second_household(), "补报"),
    "campaigns.remove_target": lambda a: cps.remove_target(a, _campaign_target(), "已搬走"),
    "campaigns.remove_targets": lambda a: cps.remove_targets(a, [_campaign_target()], "已搬走"),
    "campaigns.deliver_many": lambda a: cps.deliver_many(
        a, [_campaign_target("visited", package=True)], stock.today()),
    "campaigns.set_package": lambda a: cps.set_package(a, [_campaign_target()], None),
    "campaigns.top_up": lambda a: cps.top_up(a, _campaign_target(package=True, held=0)
                                              and _campaign()),
    "campaigns.close_campaign": lambda a: cps.close_campaign(a, _campaign()),
    "campaigns.reopen_campaign": lambda a: cps.reopen_campaign(a, _closed_campaign(), "漏访"),
    "campaigns.save_team": lambda a: cps.save_team(a, _campaign(), cps.TeamInput("二组",
                                                                               partner="爱心企业")),
    "campaigns.delete_team": lambda a: cps.delete_team(a, _campaign_team()),
    "campaigns.assign_villages": lambda a: cps.assign_villages(
        a, _campaign(), {_village("麻车村"): _campaign_team()}),
    "campaigns.assign_targets": lambda a: cps.assign_targets(a, [_campaign_target()],
                                                             _campaign_team()),
    "campaigns.plan_outing": lambda a: cps.plan_outing(a, _campaign_team(), stock.today()),
    "campaigns.record_outcome": lambda a: cps.record_outcome(
        a, _campaign_target(), cps.OutcomeInput("nobody_home", stock.today())),
    "campaigns.deliver": lambda a: cps.deliver(a, _campaign_target("visited", package=True),
                                               stock.today()),
    "campaigns.mark_signed": lambda a: cps.mark_signed(a, [_delivered_target()]),
    "campaigns.reopen_target": lambda a: cps.reopen_target(a, _campaign_target("declined"), "录错"),
    "campaigns.create_visit_day": lambda a: cps.create_visit_day(
        a, cps.CampaignInput("家访日", starts_on=stock.today())),
})


def _second_household():
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Household

    return Household.create(head_name="孙一", village=_village("麻车村"), registered_on=today(),
                            created_at=stamp(), updated_at=stamp()).id


def _closed_campaign():
    from station_desk.core.models import Campaign

    campaign = Campaign.get_by_id(_campaign())
    campaign.status = "closed"
    campaign.save()
    return campaign.id


# --- case work -------------------------------------------------------------------------

def _case(status="intervention"):
    """A case of 王大山's held by the social worker hhy, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Case

    found = Case.get_or_none(Case.household == _household())
    if found is None:
        found = Case.create(household=_household(), social_worker=Staff.get(
            Staff.username == "hhy").id, opened_on=today(), problem="医药费负担重",
            created_at=stamp(), updated_at=stamp())
    found.status = status
    found.closed_on = today() if status == "closed" else None
    found.save()
    return found.id


def _referral():
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import CaseReferral

    return CaseReferral.create(case=_case(), unit="区残联", purpose="辅具", referred_on=today(),
                               created_at=stamp()).id


def _follow_up():
    from station_desk.core.clock import today
    from station_desk.core.models import CaseFollowUp

    return CaseFollowUp.create(case=_case("closed"), due_on=today()).id


EXAMPLES.update({
    "cases.open_case": lambda a: cases.open_case(a, cases.CaseInput(
        _household(), "老人独居，需要照护", social_worker_id=Staff.get(Staff.username == "hhy").id)),
    "cases.transfer_case": lambda a: cases.transfer_case(a, _case(), Staff.get(
        Staff.username == "head").id, "调岗"),
    "cases.assess": lambda a: cases.assess(a, _case(), cases.AssessmentInput(health="高血压",
                                                                              risk="low")),
    "cases.save_plan": lambda a: cases.save_plan(a, _case(), cases.PlanInput("每月探访一次")),
    "cases.add_record": lambda a: cases.add_record(a, _case(), cases.RecordInput("入户面谈")),
    "cases.refer": lambda a: cases.refer(a, _case(), "区残联", "申请辅具"),
    "cases.update_referral": lambda a: cases.update_referral(a, _referral(), "accepted"),
    "cases.set_stage": lambda a: cases.set_stage(a, _case(), "evaluation"),
    "cases.close_case": lambda a: cases.close_case(a, _case(), cases.CloseInput(
        "目标达成", summary="已链接资源")),
    "cases.record_follow_up": lambda a: cases.record_follow_up(a, _follow_up(), "情况稳定"),
    "cases.add_follow_up": lambda a: cases.add_follow_up(a, _case("closed"), stock.today()),
    "cases.reopen_case": lambda a: cases.reopen_case(a, _case("closed"), "回访发现问题复发"),
    "cases.log_call": lambda a: cases.log_call(a, cases.CallInput("暖气坏了", line="热线一")),
})


# --- activities, projects, pairings and wishes ------------------------------------------

from station_desk.core.services import activities as acts  # noqa: E402
from station_desk.core.services import pairings as pairs  # noqa: E402
from station_desk.core.services import wishes as wish  # noqa: E402


def _activity(held=False):
    """An activity in 麻车村 yesterday, made directly (no audit row)."""
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Activity

    found = Activity.get_or_none(Activity.title == "长者讲座")
    if found is None:
        found = Activity.create(title="长者讲座", kind="community",
                                held_on=today() - __import__("datetime").timedelta(days=1),
                                village=_village("麻车村"), created_at=stamp(),
                                updated_at=stamp())
    return found.id


def _participant():
    from station_desk.core.models import ActivityParticipant

    return ActivityParticipant.get_or_create(activity=_activity(), household=_household())[0].id


def _project():
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Project

    found = Project.get_or_none(Project.name == "喘息服务")
    return (found or Project.create(name="喘息服务", starts_on=today(), ends_on=today(),
                                    created_at=stamp(), updated_at=stamp())).id


def _pairing():
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Pairing

    found = Pairing.get_or_none(Pairing.unit == "镇卫生院")
    return (found or Pairing.create(helper_kind="unit", unit="镇卫生院", household=_household(),
                                    started_on=today(), created_at=stamp())).id


def _wish(status="placed", payment=""):
    from station_desk.core.clock import stamp, today
    from station_desk.core.models import Wish

    row = Wish.create(household=_household(), alias="王爷爷", what="一副老花镜",
                      placed_on=today(), status=status, payment=payment,
                      donor=_donor() if status != "placed" else None,
                      adopted_on=today() if status in ("adopted", "delivered") else None,
                      delivered_on=today() if status == "delivered" else None,
                      created_at=stamp(), updated_at=stamp())
    return row.id


EXAMPLES.update({
    "activities.save_project": lambda a: acts.save_project(a, acts.ProjectInput(
        "儿童关爱项目", stock.today(), stock.today())),
    "activities.set_project_status": lambda a: acts.set_project_status(a, _project(), "closed"),
    "activities.link_case": lambda a: acts.link_case(a, _project(), _case()),
    "activities.save_activity": lambda a: acts.save_activity(a, acts.ActivityInput(
        "防诈骗宣传", "policy", stock.today())),
    "activities.cancel_activity": lambda a: acts.cancel_activity(a, _activity(), "下雨"),
    "activities.add_participants": lambda a: acts.add_participants(a, _activity(),
                                                                   [(_household(), None)]),
    "activities.remove_participant": lambda a: acts.remove_participant(a, _participant()),
    "activities.set_volunteers": lambda a: acts.set_volunteers(a, _activity(),
                                                               [_volunteer_named("陈秀英")]),
    "activities.record_attendance": lambda a: acts.record_attendance(
        a, _activity(), acts.AttendanceInput(extra_count=5)),
    "activities.use_goods": lambda a: acts.use_goods(a, _activity(),
                                                     [stock.OutLine(_item(), 1)], stock.today()),
    "activities.hand_out_cards": lambda a: acts.hand_out_cards(a, _activity(), _version(), 20),
    "pairings.create_pairing": lambda a: pairs.create_pairing(a, pairs.PairingInput(
        _household(), "unit", unit="石滩农商行")),
    "pairings.end_pairing": lambda a: pairs.end_pairing(a, _pairing(), "对象搬走"),
    "pairings.log_contact": lambda a: pairs.log_contact(a, _pairing(), stock.today(), "电话问候"),
    "wishes.place_wish": lambda a: wish.place_wish(a, wish.WishInput(
        _household(), "一副老花镜", alias="王爷爷")),
    "wishes.take_wish": lambda a: wish.take_wish(a, _wish()),
    "wishes.adopt_wish": lambda a: wish.adopt_wish(a, _wish("taken"), wish.AdoptInput(
        _donor(), "cash", cash_fen=5000)),
    "wishes.deliver_wish": lambda a: wish.deliver_wish(
        a, _wish("adopted", "cash") if _donation(cash=10000) else None, spent_fen=3000),
    "wishes.rate_wish": lambda a: wish.rate_wish(a, _wish("delivered"), 5),
    "wishes.cancel_wish": lambda a: wish.cancel_wish(a, _wish(), "已自行购买"),
})


# Last in the file: every EXAMPLES entry above is in place when the parameters are taken.
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_writer_as_role(name, role, staff_actors):
    actor = staff_actors[role]
    _, permission = WRITERS[name]
    audit_before = AuditLog.select().count()
    if role in PERMISSIONS[permission]:
        EXAMPLES[name](actor)
        assert AuditLog.select().count() > audit_before, "a write must leave an audit row"
        latest = AuditLog.select().order_by(AuditLog.id.desc()).get()
        assert latest.actor_id == actor.staff_id
        assert latest.actor_name == actor.name
    else:
        with pytest.raises(PermissionDenied):
            EXAMPLES[name](actor)
        assert AuditLog.select().count() == audit_before
