from __future__ import annotations

import pytest

from station_desk.core import backup
from station_desk.core.errors import ValidationError
from station_desk.core.models import Staff, Station, Village
from station_desk.core.services import dashboard
from station_desk.core.services.setup import first_run

ARGS = dict(station_name="新塘镇社工站", town_name="新塘镇", head_username="wang",
            head_name="王站长", password="secret123")


def test_first_run_sets_up_everything(store):
    head = first_run(villages=["甲村", " 乙村 ", "", "丙社区"], **ARGS)
    assert head.role == "head" and Station.get().head_id == head.staff_id
    villages = Village.select().where(Village.kind == "village").order_by(Village.sort_order)
    assert [v.name for v in villages] == ["甲村", "乙村", "丙社区"]
    assert all(v.parent.name == "新塘镇" for v in villages)


@pytest.mark.parametrize("change,code", [
    (dict(villages=["甲村", "甲村"]), "village_name_taken"),
    (dict(villages=["甲村"], station_name=""), "required"),
    (dict(villages=["甲村"], password="1"), "password_too_short"),
])
def test_first_run_is_all_or_nothing(store, change, code):
    with pytest.raises(ValidationError) as err:
        first_run(**{**ARGS, **change})
    assert err.value.code == code
    assert Staff.select().count() == 0 and Village.select().count() == 0


def test_dashboard_counts(staff_actors, store):
    data = dashboard.summary(staff_actors["social_worker"], store)
    assert (data.villages, data.social_workers, data.accounts) == (2, 1, 4)
    assert data.my_villages == ["麻车村"]
    assert data.last_backup is None and data.backup_overdue
    assert (data.households, data.due_visits, data.due_tier1, data.open_needs) == (0, 0, 0, 0)
    assert dashboard.summary(staff_actors["front_desk"], store).households is None  # not theirs
    backup.take_backup(store, "manual")
    data = dashboard.summary(staff_actors["head"], store)
    assert data.last_backup is not None and not data.backup_overdue and data.my_villages == []


def test_dashboard_lines_up_the_open_campaigns(staff_actors, store):
    """The first page's campaign cards: done, delivered and overdue, as the campaign's own
    progress counts them; closed campaigns left out; not for the front desk."""
    import datetime as dt

    from station_desk.core.clock import today
    from station_desk.core.models import ItemCategory, Tier
    from station_desk.core.services import campaigns as cp
    from station_desk.core.services import households as hh
    from station_desk.core.services import inventory as inv
    from station_desk.core.services import stock

    head, day, on = staff_actors["head"], dt.timedelta(days=1), today()
    village = Village.get(Village.name == "麻车村").id
    tier = Tier.get(Tier.level == 3).id
    for n, name in enumerate(("王大山", "李桂兰", "张三", "赵四"), start=1):
        hh.create_household(head, hh.HouseholdInput(
            name, village, address=f"{n}号", phone="13912345678", tier_id=tier,
            registered_on=on - 100 * day), [hh.MemberInput(name, birthdate=dt.date(1940, 1, 1))])
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, spec="10kg", value_fen=5000,
                                             value_from=on - 400 * day)).id
    package = inv.save_package(head, inv.PackageInput("重阳敬老包", [(rice, 1)])).id
    stock.receive(head, "purchase", on - 10 * day, [stock.InLine(rice, 10)], recipient="超市")
    rules = [cp.RuleInput(village_ids=[village], package_id=package)]
    made = cp.create_campaign(head, cp.CampaignInput("重阳敬老", starts_on=on - 5 * day,
                                                     ends_on=on + 10 * day), rules)
    first, second, third, _ = cp.targets(head, made.campaign_id)
    cp.record_outcome(head, first.id, cp.OutcomeInput("visited", on - 3 * day, delivered=True))
    cp.record_outcome(head, second.id, cp.OutcomeInput("declined", on - 3 * day, reason="不需要"))
    cp.record_outcome(head, third.id, cp.OutcomeInput("nobody_home", on - 3 * day,
                                                      requeue_on=on - day))
    closed = cp.create_campaign(head, cp.CampaignInput("中秋慰问", starts_on=on - 5 * day), rules)
    cp.close_campaign(head, closed.campaign_id)
    data = dashboard.summary(head, store)
    [line] = data.campaigns
    assert (line.id, line.name, line.kind) == (made.campaign_id, "重阳敬老", "holiday")
    assert (line.targets, line.done, line.packages, line.delivered, line.overdue) == (4, 2, 4, 1, 1)
    assert (line.share_done, line.share_delivered) == (0.5, 0.25)
    total = cp.progress(head, made.campaign_id).total
    assert (total.targets, total.done, total.delivered, total.overdue) == (
        line.targets, line.done, line.delivered, line.overdue)
    # a visit day has no packages: no delivered share
    cp.create_visit_day(head, cp.CampaignInput("家访日", kind="visit_day", starts_on=on,
                                               ends_on=on + 200 * day))
    lines = dashboard.summary(head, store).campaigns
    assert [line.kind for line in lines] == ["visit_day", "holiday"]  # newest window first
    assert lines[0].share_delivered is None and lines[0].targets == 4
    assert dashboard.summary(staff_actors["front_desk"], store).campaigns is None


def test_dashboard_counts_cases_due_and_open_calls(staff_actors, store):
    """A social worker counts their own cases due, the head the station's; the front desk
    sees the hotline's open calls but not the cases."""
    import datetime as dt

    from station_desk.core.clock import now, today
    from station_desk.core.services import accounts
    from station_desk.core.services import cases as cs
    from station_desk.core.services import households as hh

    head, worker = staff_actors["head"], staff_actors["social_worker"]
    other = accounts.actor_for(accounts.create_staff(head, "lzq", "李志强", "social_worker",
                                                     "secret123"))
    mache = Village.get(Village.name == "麻车村").id
    shatou = Village.get(Village.name == "沙头村").id
    day = dt.timedelta(days=1)
    mine = hh.create_household(head, hh.HouseholdInput("王秀英", mache, phone="13912345678",
                                                       registered_on=today() - 100 * day),
                               [hh.MemberInput("王秀英", birthdate=dt.date(1948, 5, 1))])
    theirs = hh.create_household(head, hh.HouseholdInput("陈伯", shatou,
                                                         registered_on=today() - 100 * day),
                                 [hh.MemberInput("陈伯", birthdate=dt.date(1940, 1, 1))])
    assert dashboard.summary(worker, store).cases_due == 0
    # quiet for 40 days: due; the other worker's case is due too, but not this worker's
    cs.open_case(worker, cs.CaseInput(mine.id, "独居，近期跌倒", opened_on=today() - 40 * day))
    cs.open_case(other, cs.CaseInput(theirs.id, "行动不便", opened_on=today() - 50 * day,
                                     social_worker_id=other.staff_id))
    assert dashboard.summary(worker, store).cases_due == 1
    assert dashboard.summary(other, store).cases_due == 1
    assert dashboard.summary(head, store).cases_due == 2
    desk = staff_actors["front_desk"]
    assert dashboard.summary(desk, store).cases_due is None  # not theirs
    assert dashboard.summary(desk, store).open_calls == 0
    call = cs.log_call(desk, cs.CallInput("老人摔倒，请求帮助", line="020-82861110",
                                          called_at=now() - dt.timedelta(hours=10),
                                          household_id=mine.id))
    cs.log_call(desk, cs.CallInput("咨询高龄津贴", line="020-82861120"))
    assert dashboard.summary(desk, store).open_calls == 2
    assert dashboard.summary(head, store).open_calls == 2
    # the need taken up (turned into a case here): no longer open
    cs.open_case(head, cs.CaseInput(mine.id, "跌倒后需要照料", need_id=call.need_id,
                                    member_id=mine.members[0].id))
    assert dashboard.summary(desk, store).open_calls == 1
    assert dashboard.summary(staff_actors["kiosk"], store).open_calls is None
