"""Policy cards' rules: printed versions never change, publishing retires the version before,
cards handed out are a ledger, coverage per village × policy, personalised cards match
households by category and mask the head's name."""

from __future__ import annotations

import datetime as dt

import pytest

from station_desk.core.clock import today
from station_desk.core.errors import PermissionDenied, ValidationError
from station_desk.core.models import Category, Policy, PolicyVersion, Village
from station_desk.core.policy_starters import STARTERS
from station_desk.core.services import households as hh
from station_desk.core.services import policies as pol
from station_desk.core.services import settings as settings_service

TODAY = today()


def _category(name):
    return Category.get(Category.name == name).id


def _village(name):
    return Village.get(Village.name == name).id


def _policy(short="低保"):
    return Policy.get(Policy.short_name == short)


def test_a_new_station_has_the_starter_cards_published(store, head):
    rows = pol.list_policies(head)
    assert [r.short_name for r in rows] == [s.short_name for s in STARTERS]
    dibao = next(r for r in rows if r.short_name == "低保")
    assert dibao.current is not None and dibao.current.number == 1
    assert "低保" in dibao.categories
    assert "申请受理 → 入户调查" in dibao.current.steps


def test_a_printed_version_never_changes_and_an_edit_makes_the_next(store, head):
    first = pol.find_version(head, "低保")
    edited = pol.save_version(head, _policy().id, pol.VersionText(
        eligibility="改过的适用对象", standard="新标准", steps="申请 → 审批"), first.id)
    assert edited.id == first.id  # not printed yet: edited in place
    pol.record_print_run(head, first.id, "wallet", 100)
    again = pol.save_version(head, _policy().id, pol.VersionText(
        eligibility="2027 年的适用对象", standard="再新的标准", steps="申请 → 审批",
        change_note="2027 年起提标"), first.id)
    assert again.id != first.id and again.number == 2 and again.status == "draft"
    assert PolicyVersion.get_by_id(first.id).eligibility == "改过的适用对象"  # untouched
    published = pol.publish_version(head, again.id)
    assert published.status == "published" and published.effective_on == TODAY
    assert PolicyVersion.get_by_id(first.id).status == "retired"
    assert pol.find_version(head, "低保").id == again.id
    assert pol.find_version(head, "低保", 1).id == first.id
    changes = {c.section: c for c in pol.compare(head, first.id, again.id)}
    assert changes["eligibility"].changed and not changes["steps"].changed
    assert ("insert", "2027 年") in changes["eligibility"].diff
    assert ("delete", "改过") in changes["eligibility"].diff


def test_refusals(store, head, staff_actors):
    version = pol.find_version(head, "低保")
    cases = [
        (lambda: pol.save_version(head, _policy().id, pol.VersionText()), "version_empty"),
        (lambda: pol.record_print_run(head, version.id, "poster", 5), "bad_choice"),
        (lambda: pol.record_distribution(head, version.id, 0, village_id=_village("麻车村")),
         "bad_quantity"),
        (lambda: pol.record_distribution(head, version.id, 5), "required"),
        (lambda: pol.find_version(head, "不存在的政策"), "policy_unknown"),
        (lambda: pol.save_policy(head, pol.PolicyInput("另一个低保", "低保")), "policy_exists"),
    ]
    for call, code in cases:
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.code == code
    with pytest.raises(PermissionDenied):
        pol.record_distribution(staff_actors["front_desk"], version.id, 3,
                                village_id=_village("麻车村"))


def test_cards_handed_out_are_a_ledger_and_fill_the_coverage_table(store, staff_actors):
    head = staff_actors["head"]
    village = _village("麻车村")
    for name in ("王大山", "李秀兰", "张三"):
        hh.create_household(head, hh.HouseholdInput(
            name, village, category_ids=[_category("低保")] if name != "张三" else []))
    version = pol.find_version(head, "低保")
    run = pol.record_print_run(head, version.id, "wallet", 50, village_id=village)
    first = pol.record_distribution(head, version.id, 30, village_id=village, print_run_id=run.id)
    pol.record_distribution(head, version.id, 1, village_id=village)
    pol.reverse_distribution(head, first.id, "录错了，应为 3 张")
    with pytest.raises(ValidationError) as caught:
        pol.reverse_distribution(head, first.id, "再冲一次")
    assert caught.value.code == "reversed_already"
    table = pol.coverage(head)
    cell = table.cell(village, _policy().id)
    assert (cell.handed, cell.eligible, cell.households) == (1, 2, 0)
    assert cell.share == 0.5


def test_personalised_cards_match_categories_and_mask_the_name(store, staff_actors):
    head = staff_actors["head"]
    village = _village("麻车村")
    wang = hh.create_household(head, hh.HouseholdInput(
        "王大山", village, category_ids=[_category("低保"), _category("重度残疾人")]))
    zhang = hh.create_household(head, hh.HouseholdInput("张三", village))
    cards = pol.personalised_cards(head, [wang.id, zhang.id])
    assert {c.policy for c in cards} >= {"低保"}
    assert all(c.household_id == wang.id for c in cards)  # 张三 is in no category
    assert cards[0].household_name == "王*山"
    assert cards[0].worker_name == "用户hhy"  # 麻车村's social worker
    settings_service.set_setting(head, pol.FULL_NAME_SETTING, True)
    assert pol.personalised_cards(head, [wang.id])[0].household_name == "王大山"
    with pytest.raises(PermissionDenied):
        pol.personalised_cards(staff_actors["front_desk"], [wang.id])


def test_a_policy_and_the_categories_it_serves(store, head):
    made = pol.save_policy(head, pol.PolicyInput("计划生育特别扶助", "计生扶助", "其他",
                                                 [_category("计划生育特殊家庭")]))
    pol.save_version(head, made.id, pol.VersionText(eligibility="计划生育特殊家庭",
                                                    effective_on=dt.date(TODAY.year, 1, 1)))
    row = next(r for r in pol.list_policies(head) if r.id == made.id)
    assert row.categories == ("计划生育特殊家庭",) and row.current is None and row.versions == 1


def test_the_distribution_ledger_exports_to_excel(store, staff_actors, tmp_path):
    from python_calamine import CalamineWorkbook

    head, desk = staff_actors["head"], staff_actors["front_desk"]
    village = _village("麻车村")
    household = hh.create_household(head, hh.HouseholdInput(
        "王大山", village, category_ids=[_category("低保")]))
    version = pol.find_version(head, "低保")
    wrong = pol.record_distribution(head, version.id, 40, village_id=village)
    pol.reverse_distribution(head, wrong.id, "张数录错")
    pol.record_distribution(head, version.id, 4, village_id=village)
    pol.record_distribution(head, version.id, 1, household_id=household.id)
    path = tmp_path / "cards.xlsx"
    data = pol.export_card_ledger(desk, path)  # the front desk sees the head's name masked
    assert [r.quantity for r in data.rows] == [40, -40, 4, 1]
    book = CalamineWorkbook.from_path(str(path))
    detail = book.get_sheet_by_name("发放明细").to_python()
    assert detail[2][:8] == ["序号", "发放日期", "村居", "政策", "版本", "数量", "户主", "发放人"]
    assert detail[6][5] == 1 and detail[6][6] == "王*山"
    assert detail[4][9].startswith("冲销第") and detail[7][0] == "合计" and detail[7][5] == 5
    grid = book.get_sheet_by_name("村居×政策").to_python()
    mache = next(line for line in grid if line and line[0] == "麻车村")
    dibao = grid[2].index("低保")
    assert mache[dibao:dibao + 3] == [5, 1, 1.0]  # 5 cards, 1 eligible household, all reached


def test_the_command_line_prints_plain_and_personalised_cards(store, staff_actors, tmp_path,
                                                              capsys):
    import pypdfium2

    from station_desk.cli import EXIT_ERROR
    from station_desk.cli import main as cli_main
    from station_desk.core.models import PrintRun

    head = staff_actors["head"]
    village = _village("麻车村")
    hh.create_household(head, hh.HouseholdInput("王大山", village,
                                                category_ids=[_category("低保")]))
    base = ["--db", str(store.path), "print", "cards"]
    plain = tmp_path / "plain.pdf"
    assert cli_main([*base, "--policy", "低保", "--copies", "12", "--out", str(plain)]) == 0
    assert len(pypdfium2.PdfDocument(str(plain))) == 4  # 12 cards: two sheets, front and back
    personal = tmp_path / "personal.pdf"
    assert cli_main([*base, "--households", "village=麻车村,category=低保", "--layout", "wallet",
                     "--out", str(personal)]) == 0
    back = pypdfium2.PdfDocument(str(personal))[1].get_textpage().get_text_range()
    assert "王*山" in back and "用户hhy" in back  # the head masked, the village's worker named
    runs = list(PrintRun.select().order_by(PrintRun.id))
    # 低保 households get the 低保 card and the 医疗救助 one: a print run for each version
    assert [(r.copies, r.households, r.layout) for r in runs] == [(12, 0, "wallet"),
                                                                   (1, 1, "wallet"),
                                                                   (1, 1, "wallet")]
    assert pol.find_version(head, "低保").printed and pol.find_version(head, "医疗救助").printed
    assert "个人化政策明白卡：1 户，2 张" in capsys.readouterr().out
    assert cli_main([*base, "--households", "village", "--out", str(personal)]) == EXIT_ERROR
    assert "village=" in capsys.readouterr().err


def test_the_demo_station_has_cards_printed_and_handed_out(location):
    from station_desk.core import demo
    from station_desk.core.store import open_store

    open_store(location, create=True)
    report = demo.fill(households=120, volunteers=0, movements=0)
    figures = report.policy_cards
    assert figures.print_runs == 3 and figures.personal > 0
    head = demo.accounts.actor_for(demo.Staff.get(demo.Staff.username == "liuliping"))
    assert pol.find_version(head, "低保").number == 2
    table = pol.coverage(head)
    handed = sum(table.cell(v, p).handed for v, _n in table.villages for p, _s in table.policies)
    assert handed == figures.handed + figures.personal


# --- found in review ------------------------------------------------------------------------

def test_a_printed_version_keeps_the_title_it_was_printed_with(store, head):
    version = pol.find_version(head, "低保")
    pol.record_print_run(head, version.id, "wallet", 10)
    pol.save_policy(head, pol.PolicyInput("改名后的标题", "低保", "低保", [_category("低保")]),
                    _policy().id)
    assert pol.card_text(PolicyVersion.get_by_id(version.id)).title == "城乡最低生活保障（低保）"


def test_a_version_handed_out_is_frozen_like_a_printed_one(store, staff_actors):
    head = staff_actors["head"]
    version = pol.find_version(head, "困境儿童")
    pol.record_distribution(head, version.id, 50, village_id=_village("麻车村"))
    edited = pol.save_version(head, version.policy_id, pol.VersionText(eligibility="完全不同"),
                              version.id)
    assert edited.id != version.id and PolicyVersion.get_by_id(version.id).eligibility != "完全不同"


def test_the_front_desk_prints_only_versions_in_force(store, staff_actors):
    head, desk = staff_actors["head"], staff_actors["front_desk"]
    draft = pol.save_version(head, _policy().id, pol.VersionText(eligibility="草稿"))
    with pytest.raises(ValidationError) as caught:
        pol.record_print_run(desk, draft.id, "wallet", 10)
    assert caught.value.code == "print_not_published"
    pol.record_print_run(desk, pol.find_version(head, "低保").id, "wallet", 10)
    with pytest.raises(ValidationError):
        pol.record_print_run(head, draft.id, "wallet", 0)


def test_groups_count_for_their_village_and_the_total_is_reach_not_cards(store, staff_actors):
    from station_desk.core.services import station

    head = staff_actors["head"]
    mache, shatou = _village("麻车村"), _village("沙头村")
    group = station.add_village(head, code="V1-1", name="第1经济社", kind="group", parent_id=mache)
    household = hh.create_household(head, hh.HouseholdInput(
        "王大山", group.id, category_ids=[_category("低保")]))
    for _ in range(3):
        hh.create_household(head, hh.HouseholdInput(f"沙头{_}", shatou,
                                                    category_ids=[_category("低保")]))
    version = pol.find_version(head, "低保")
    pol.record_distribution(head, version.id, 1, household_id=household.id)
    pol.record_distribution(head, version.id, 100, village_id=mache)
    table = pol.coverage(head)
    cell = table.cell(mache, _policy().id)
    assert (cell.handed, cell.eligible, cell.households) == (101, 1, 1)
    assert table.total(_policy().id).eligible == 4
    assert table.total_share(_policy().id) == 0.25  # 麻车村's extra cards reach no one in 沙头村


def test_the_command_line_refuses_bad_copies_before_drawing(store, head, tmp_path):
    from station_desk.cli import EXIT_ERROR
    from station_desk.cli import main as cli_main
    from station_desk.core.models import PrintRun

    out = tmp_path / "n.pdf"
    assert cli_main(["--db", str(store.path), "print", "cards", "--policy", "低保",
                     "--copies", "-5", "--out", str(out)]) == EXIT_ERROR
    assert not out.exists() and PrintRun.select().count() == 0


def test_a_poster_is_never_personal(store, staff_actors, tmp_path):
    from station_desk.cli import EXIT_ERROR
    from station_desk.cli import main as cli_main

    head = staff_actors["head"]
    hh.create_household(head, hh.HouseholdInput("王大山", _village("麻车村"),
                                                category_ids=[_category("低保")]))
    out = tmp_path / "poster.pdf"
    assert cli_main(["--db", str(store.path), "print", "cards", "--households",
                     "village=麻车村", "--layout", "a4", "--out", str(out)]) == EXIT_ERROR
    assert not out.exists()
    with pytest.raises(ValidationError) as caught:
        pol.record_print_run(head, pol.find_version(head, "低保").id, "a4", 1, households=1)
    assert caught.value.code == "personal_poster"
