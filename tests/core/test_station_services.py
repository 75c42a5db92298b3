from __future__ import annotations

import pytest

from station_desk.core import events
from station_desk.core.errors import ValidationError
from station_desk.core.models import AuditLog, Category, Station, Tier
from station_desk.core.services import accounts, station


def test_station_record(head):
    st = station.save_station(head, name=" 石滩镇第一社工服务站 ", hotlines="020-82861110，13800138000\n",
                              head_id=head.staff_id)
    assert st.name == "石滩镇第一社工服务站"
    assert st.hotlines.splitlines() == ["020-82861110", "13800138000"]
    station.save_station(head, name="石滩镇社工站", organisation="恒益社工")
    assert Station.select().count() == 1
    assert station.get_station().organisation == "恒益社工"
    with pytest.raises(ValidationError) as err:
        station.save_station(head, name="x", hotlines=["12345"])
    assert err.value.code == "bad_phone"
    desk = accounts.create_staff(head, "lxy", "林小燕", "front_desk", "secret123")
    with pytest.raises(ValidationError) as err:
        station.save_station(head, name="x", head_id=desk.id)
    assert err.value.code == "not_a_head"


def test_village_tree_rules(head):
    worker = accounts.create_staff(head, "hhy", "黄海燕", "social_worker", "secret123")
    desk = accounts.create_staff(head, "lxy", "林小燕", "front_desk", "secret123")
    town = station.add_village(head, code="T", name="石滩镇", kind="town")
    village = station.add_village(head, code="V1", name="麻车村", parent_id=town.id,
                                  social_worker_id=worker.id)
    group = station.add_village(head, code="V1-1", name="第1经济社", kind="group", parent_id=village.id)
    bad = [
        (dict(code="V1", name="别的村", parent_id=town.id), "village_code_taken"),
        (dict(code="V2", name="麻车村", parent_id=town.id), "village_name_taken"),
        (dict(code="G", name="第2经济社", kind="group"), "group_needs_village"),
        (dict(code="G", name="第2经济社", kind="group", parent_id=town.id), "bad_village_parent"),
        (dict(code="V3", name="沙头村", parent_id=group.id), "bad_village_parent"),
        (dict(code="V3", name="沙头村", kind="hamlet"), "bad_village_kind"),
        (dict(code="V3", name="沙头村", parent_id=town.id, social_worker_id=desk.id),
         "not_a_social_worker"),
    ]
    for kwargs, code in bad:
        with pytest.raises(ValidationError) as err:
            station.add_village(head, **kwargs)
        assert err.value.code == code, kwargs
    # the same group name under another village is fine
    other = station.add_village(head, code="V2", name="沙头村", parent_id=town.id)
    station.add_village(head, code="V2-1", name="第1经济社", kind="group", parent_id=other.id)
    rows = {r.name: r for r in station.list_villages(kind="village")}
    assert rows["麻车村"].social_worker_name == "黄海燕" and rows["麻车村"].parent_name == "石滩镇"
    station.update_village(head, village.id, social_worker_id=None, active=False)
    assert [r.name for r in station.list_villages(kind="village", include_inactive=False)] == ["沙头村"]
    with pytest.raises(TypeError):
        station.update_village(head, village.id, colour="red")


def test_categories_and_tiers_are_data(head):
    assert [c.name for c in station.list_categories()][:3] == ["低保", "低保边缘", "支出型困难家庭"]
    assert len(station.list_categories()) == 17
    new = station.save_category(head, name="困难退役军人")
    assert new.sort_order == 18
    with pytest.raises(ValidationError) as err:
        station.save_category(head, name="低保")
    assert err.value.code == "category_name_taken"
    dibao = Category.get(Category.name == "低保")
    station.save_category(head, dibao.id, name="低保", active=False)
    assert "低保" not in [c.name for c in station.list_categories(include_inactive=False)]
    assert [(t.level, t.visit_interval_days) for t in station.list_tiers()] == [
        (1, 7), (2, 14), (3, 30), (4, 90)]
    tier = Tier.get(Tier.level == 3)
    station.save_tier(head, tier.id, level=3, name="三级", visit_interval_days=31)
    assert Tier.get_by_id(tier.id).visit_interval_days == 31
    for kwargs, code in (
        (dict(level=1, name="新一级", visit_interval_days=5), "tier_level_taken"),
        (dict(level=5, name="一级", visit_interval_days=5), "tier_name_taken"),
        (dict(level=5, name="五级", visit_interval_days=0), "tier_interval_range"),
        (dict(level=0, name="零级", visit_interval_days=5), "tier_level_positive"),
        (dict(level=5, name="五级", visit_interval_days="abc"), "not_a_number"),
    ):
        with pytest.raises(ValidationError) as err:
            station.save_tier(head, **kwargs)
        assert err.value.code == code


def test_failed_write_changes_nothing(head):
    before = (Category.select().count(), AuditLog.select().count())
    with pytest.raises(ValidationError):
        station.save_category(head, name="")
    assert (Category.select().count(), AuditLog.select().count()) == before


def test_writes_announce_changed_tables_after_commit(head):
    seen = []
    unsubscribe = events.subscribe(seen.append)
    try:
        station.save_category(head, name="困难退役军人")
        station.save_tier(head, level=5, name="五级", visit_interval_days=180)
        with pytest.raises(ValidationError):
            station.save_category(head, name="低保")
    finally:
        unsubscribe()
    assert seen == [frozenset({"category"}), frozenset({"tier"})]


def test_a_village_whose_worker_left_can_still_be_renamed(head):
    from station_desk.core.models import Staff

    worker = accounts.create_staff(head, "hhy", "黄海燕", "social_worker", "secret123")
    town = station.add_village(head, code="T", name="石滩镇", kind="town")
    village = station.add_village(head, code="V", name="麻车村", parent_id=town.id,
                                  social_worker_id=worker.id)
    Staff.update(active=False).where(Staff.id == worker.id).execute()
    station.update_village(head, village.id, name="麻车新村")
    assert station.list_villages(kind="village")[0].social_worker_id == worker.id
    station.update_village(head, village.id, social_worker_id=None)
    with pytest.raises(ValidationError) as err:  # but a worker who left can't be given it again
        station.update_village(head, village.id, social_worker_id=worker.id)
    assert err.value.code == "not_a_social_worker"


def test_a_village_can_be_added_as_not_in_use(head):
    town = station.add_village(head, code="T", name="石滩镇", kind="town")
    before = AuditLog.select().count()
    village = station.add_village(head, code="V", name="旧村", parent_id=town.id, active=False)
    assert not village.active and AuditLog.select().count() == before + 1
