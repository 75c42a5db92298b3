"""慰问走访 in the GUI: the target list and its outcomes, the teams and their routes, and the
issue's end-to-end run (#9): a 中秋 campaign for 低保 households in two villages, two teams,
villages assigned, sheets printed, outcomes recorded (a nobody-home re-queue, a delivery
refused for the short item), closed by the head; the stock ledger and the households'
visit histories agree with the list."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from station_desk.core.clock import today
from station_desk.core.models import (
    CampaignTarget,
    Category,
    Household,
    ItemCategory,
    Tier,
    Village,
    Visit,
)
from station_desk.core.services import campaigns as cp
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import stock
from station_desk.core.services import volunteers as vs

TODAY = today()
DAY = dt.timedelta(days=1)
MACHE = ("张三", "赵四", "李桂兰", "王大山")  # 麻车村's 低保 households in walking order
SHATOU = ("吴八", "周七")


def _village(name):
    return Village.get(Village.name == name).id


@pytest.fixture
def station(staff_actors):
    """麻车村 (4 低保 of 6) and 沙头村 (2 低保 of 4); a 中秋慰问包 of rice and oil with 5 bags
    of rice (one short for six packages) and 20 buckets of oil; three volunteers."""
    head = staff_actors["head"]
    low = Category.get(Category.name == "低保").id
    tier = Tier.get(Tier.level == 3).id
    made = {}
    for village, rows in (("麻车村", [("王大山", "3组12号", True), ("李桂兰", "3组2号", True),
                                     ("张三", "1组5号", True), ("赵四", "2组1号", True),
                                     ("钱五", "4组9号", False), ("孙六", "5组1号", False)]),
                          ("沙头村", [("周七", "8号", True), ("吴八", "2号", True),
                                     ("郑九", "5号", False), ("冯十", "7号", False)])):
        for name, address, poor in rows:
            made[name] = hh.create_household(
                head, hh.HouseholdInput(name, _village(village), address=address,
                                        phone="13912345678", tier_id=tier,
                                        category_ids=[low] if poor else [],
                                        registered_on=TODAY - 200 * DAY),
                [hh.MemberInput(name, birthdate=dt.date(1950, 3, 1))]).id
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, spec="10kg", value_fen=5000,
                                             value_from=TODAY - 400 * DAY)).id
    oil = inv.save_item(head, inv.ItemInput("食用油", "桶", grain, spec="5L", value_fen=6000,
                                            value_from=TODAY - 400 * DAY)).id
    package = inv.save_package(head, inv.PackageInput("中秋慰问包", [(rice, 1), (oil, 1)])).id
    stock.receive(head, "purchase", TODAY - 10 * DAY,
                  [stock.InLine(rice, 5), stock.InLine(oil, 20)], recipient="超市")
    for name in ("陈志愿", "林志愿", "黄志愿"):
        vs.create_volunteer(head, vs.VolunteerInput(name, phone="13800000000"))
    return {**staff_actors, "households": made, "rice": rice, "oil": oil,
            "package": package, "low": low}


def _campaign(station):
    data = cp.CampaignInput("中秋慰问", festival="mid_autumn", year=TODAY.year,
                            starts_on=TODAY - 5 * DAY, ends_on=TODAY + 20 * DAY,
                            budget_fen=200000)
    rule = cp.RuleInput(category_ids=[station["low"]],
                        village_ids=[_village("麻车村"), _village("沙头村")],
                        package_id=station["package"])
    return cp.create_campaign(station["head"], data, [rule])


_CONTEXTS: list = []


@pytest.fixture(autouse=True)
def _close_bridges():
    """Each context's change bridge listens to the core's events: stop it with the test."""
    yield
    while _CONTEXTS:
        _CONTEXTS.pop().bridge.close()


def _context(store, actor, lang="zh", worker=None):
    from station_desk.ui.context import AppContext

    context = AppContext(location=store, actor=actor, lang=lang, worker=worker)
    _CONTEXTS.append(context)
    return context


def _target(campaign_id, name):
    return CampaignTarget.get((CampaignTarget.campaign == campaign_id)
                              & (CampaignTarget.household == Household.get(
                                  Household.head_name == name).id))


def _errors_in(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel)
                    if label.objectName().startswith("error") and label.text()
                    and label.isVisibleTo(dialog))


def _ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _when_modal(action, failures: list, stays_open: bool = False) -> None:
    """Run ``action`` on the modal dialog about to open; close it if still open so a broken
    test fails instead of hanging (an open dialog is a failure unless ``stays_open``)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert dialog is not None, "no dialog opened"
            action(dialog)
            if dialog.isVisible() and not stays_open:
                failures.append(AssertionError(f"{dialog.objectName()} stayed open: "
                                               f"{_errors_in(dialog)}"))
        except Exception as error:  # noqa: BLE001 - reported by the test
            failures.append(error)
        if dialog is not None and dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)


@pytest.fixture
def previews(monkeypatch):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    seen = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: seen.append((path, title))))
    return seen


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox.question says Yes; information and warning are recorded."""
    said = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, _k=kind, **k: said.append((_k, text))
                            or QMessageBox.StandardButton.Ok)
    return said


def _record(tab, name, outcome, failures, *, prepare=None, stays_open=False):
    """Select ``name`` in the targets tab and record ``outcome`` through the dialog."""
    tab.select_household(name)
    assert tab.outcome_button.isEnabled(), name

    def act(dialog):
        dialog.set_outcome(outcome)
        if prepare:
            prepare(dialog)
        _ok(dialog)
        if stays_open:
            act.error = _errors_in(dialog)
            act.open = dialog.isVisible()

    _when_modal(act, failures, stays_open)
    qtbot_click(tab.outcome_button)
    return act


def qtbot_click(widget) -> None:
    widget.click()


# --- the end-to-end run -----------------------------------------------------------

def test_mid_autumn_campaign_end_to_end(qtbot, store, station, worker, previews, answers):
    from station_desk.ui.pages.campaigns import CampaignsPage

    head, worker_actor = station["head"], station["social_worker"]
    made = _campaign(station)
    assert made.targets == 6 and [(s.label, s.missing) for s in made.shortfalls] == [("大米（10kg）", 1)]
    cid = made.campaign_id
    due_before = {n: Household.get_by_id(station["households"][n]).due_on for n in MACHE + SHATOU}

    page = CampaignsPage(_context(store, head, worker=worker))
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.targets_tab.campaign_id == cid)
    targets, teams = page.targets_tab, page.teams_tab
    assert targets.model.rowCount() == 6
    failures: list = []

    # two teams through the team dialog
    def team(name, leader, volunteers):
        def fill_in(dialog):
            dialog.name.setText(name)
            dialog.leader.setCurrentIndex(dialog.leader.findData(leader.staff_id))
            for v in volunteers:
                dialog.pick(v)
            _ok(dialog)
        _when_modal(fill_in, failures)
        teams.new_button.click()
        assert not failures, failures

    team("麻车组", worker_actor, ["陈志愿", "林志愿"])
    team("沙头组", head, ["黄志愿"])
    rows = {t.name: t for t in cp.teams(head, cid)}
    assert set(rows) == {"麻车组", "沙头组"}
    assert rows["麻车组"].volunteer_names and len(rows["麻车组"].volunteer_ids) == 2
    assert rows["麻车组"].leader_name == worker_actor.name

    # villages through the assign dialog: 麻车村 goes to its social worker's team by itself
    def assign(dialog):
        mache, shatou = _village("麻车村"), _village("沙头村")
        assert dialog.combos[mache].currentData() == rows["麻车组"].id
        assert dialog.combos[shatou].currentData() is None  # nobody is responsible there
        dialog.choose(shatou, rows["沙头组"].id)
        _ok(dialog)
    _when_modal(assign, failures)
    teams.assign_button.click()
    assert not failures, failures
    targets.refresh()
    listed = [(r.team, r.route_order, r.head_name) for r in targets.all_rows()]
    assert listed == [("麻车组", i + 1, n) for i, n in enumerate(MACHE)] + [
        ("沙头组", i + 1, n) for i, n in enumerate(SHATOU)]

    # an outing for the first team: its volunteers go on the roster
    def outing(dialog):
        _ok(dialog)
    teams.select_team(rows["麻车组"].id)
    _when_modal(outing, failures)
    teams.outing_button.click()
    assert not failures, failures
    assert cp.teams(head, cid)[0].outings == (TODAY + DAY,)

    # print the visit sheets and the sign-off sheet from the targets tab
    qtbot.mouseClick(targets.sheets_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=20000)
    qtbot.mouseClick(targets.sign_off_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=20000)
    for path, _title in previews:
        assert path.read_bytes()[:5] == b"%PDF-" and path.stat().st_size > 2000

    # outcomes: 王大山 nobody home, re-queued to the other team in two days
    def nobody(dialog):
        assert not dialog.reason.isVisibleTo(dialog)
        assert dialog.requeue_on.isVisibleTo(dialog)
        dialog.requeue_on.setDate(dialog.requeue_on.date().currentDate().addDays(2))
        dialog.requeue_team.setCurrentIndex(dialog.requeue_team.findData(rows["沙头组"].id))
    _record(targets, "王大山", "nobody_home", failures, prepare=nobody)
    assert not failures, failures
    wang = _target(cid, "王大山")
    assert (wang.status, wang.attempts, wang.planned_on, wang.team_id) == (
        "open", 1, TODAY + 2 * DAY, rows["沙头组"].id)

    # four visits with the package handed over (the three clicks), one with a need found
    for name in ("张三", "赵四", "李桂兰", "吴八"):
        prepare = None
        if name == "李桂兰":
            def prepare(dialog):
                dialog.needs.setPlainText("申请临时救助")
                dialog.signed.setChecked(True)
        _record(targets, name, "visited", failures, prepare=prepare)
        assert not failures, (name, failures)
    # then 王大山 on the later call: the fifth bag of rice
    _record(targets, "王大山", "visited", failures)
    assert not failures, failures

    # 周七: the rice is gone; the delivery is refused in the dialog, nothing is written
    visits_before = Visit.select().count()
    act = _record(targets, "周七", "visited", failures, stays_open=True)
    assert not failures, failures
    assert act.open and "大米" in act.error, act.error
    zhou = _target(cid, "周七")
    assert (zhou.status, zhou.attempts, zhou.voucher_id) == ("open", 0, None)
    assert Visit.select().count() == visits_before
    # visited without the package (it follows when stock comes in) ...
    _record(targets, "周七", "visited", failures,
            prepare=lambda d: d.delivered.setChecked(False))
    assert not failures, failures

    # the list shows it; the signed 签收表 comes back for the others
    targets.refresh()
    by_name = {r.head_name: r for r in targets.all_rows()}
    assert {n: (r.status, r.delivered) for n, r in by_name.items()} == {
        **{n: ("visited", True) for n in MACHE + ("吴八",)}, "周七": ("visited", False)}
    assert by_name["李桂兰"].signed and by_name["李桂兰"].needs_found == 1
    assert by_name["王大山"].attempts == 2
    targets.view.selectAll()
    assert targets.signed_button.isEnabled()
    targets.signed_button.click()
    assert all(r.signed for r in targets.all_rows() if r.delivered)

    # the head ends the campaign with the list's button
    page.campaign_list.select(cid)
    assert page.campaign_list.close_button.isEnabled()
    _when_modal(_ok, failures)
    page.campaign_list.close_button.click()
    assert not failures, failures
    assert cp.get_campaign(head, cid).status == "closed"

    # the stock ledger agrees: five packages out, the rest of the reservation released
    out = {}
    for m in stock.movements(head):
        if m.kind == "campaign":
            out[m.item_id] = out.get(m.item_id, 0) - m.quantity
    assert out == {station["rice"]: 5, station["oil"]: 5}
    assert stock.reservations(head, target_kind="campaign", target_id=cid) == []
    left = {r.item_id: (r.on_hand, r.reserved) for r in stock.overview(head)}
    assert left[station["rice"]] == (0, 0) and left[station["oil"]] == (15, 0)
    assert cp.progress(head, cid).total.delivered == 5

    # the households' histories agree: a holiday visit each (two calls for 王大山), due dates moved
    for name in MACHE + SHATOU:
        detail = hh.get_household(head, station["households"][name])
        kinds = [(v.kind, v.outcome) for v in detail.visits]
        expected = [("holiday", "visited")] + ([("holiday", "nobody_home")] if name == "王大山" else [])
        assert sorted(kinds) == sorted(expected), (name, kinds)
        due = Household.get_by_id(station["households"][name]).due_on
        assert due_before[name] is not None and due > due_before[name], name
    needs = hh.get_household(head, station["households"]["李桂兰"]).needs
    assert [n.content for n in needs] == ["申请临时救助"]
    assert not [a for a in answers if a[0] in ("warning", "critical")], answers


# --- the dialogs on their own ------------------------------------------------------------

def test_outcome_dialog_shows_what_each_outcome_needs(qtbot, store, station):
    from station_desk.ui.dialogs.campaign_outcome import CampaignOutcomeDialog

    head = station["head"]
    cid = _campaign(station).campaign_id
    row = cp.targets(head, cid)[0]
    dialog = CampaignOutcomeDialog(None, head, row, cp.get_campaign(head, cid), [], "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.outcome() == "visited" and dialog.delivered.isChecked()
    assert dialog.delivered.isEnabled() and dialog.signed.isEnabled()
    assert not dialog.reason.isVisibleTo(dialog) and not dialog.requeue_on.isVisibleTo(dialog)
    assert dialog.visitors.text() == head.name
    dialog.set_outcome("nobody_home")
    assert dialog.requeue_on.isVisibleTo(dialog) and not dialog.needs.isVisibleTo(dialog)
    assert not dialog.delivered.isVisibleTo(dialog)
    dialog.set_outcome("deceased")
    assert dialog.reason.isVisibleTo(dialog) and "deceased" in dialog.gone_warning.text()
    # a required reason is refused in the dialog, which stays open
    _ok(dialog)
    assert dialog.isVisible() and _errors_in(dialog)
    assert _target(cid, row.head_name).status == "open"
    dialog.reason.setText("2026年11月去世")
    _ok(dialog)
    assert not dialog.isVisible()
    assert _target(cid, row.head_name).status == "deceased"
    assert Household.get_by_id(row.household_id).status == "deceased"


def test_outcome_dialog_date_before_the_campaign_is_refused(qtbot, store, station):
    from station_desk.ui.dialogs.campaign_outcome import CampaignOutcomeDialog

    head = station["head"]
    cid = _campaign(station).campaign_id
    row = cp.targets(head, cid)[0]
    dialog = CampaignOutcomeDialog(None, head, row, cp.get_campaign(head, cid), [], "en")
    qtbot.addWidget(dialog)
    dialog.show()
    # the date box does not go before the window's start
    assert dialog.visited_on.minimumDate().toPython() == TODAY - 5 * DAY


def test_targets_tab_filters_and_list_changes(qtbot, store, station, answers):
    from station_desk.ui.pages.campaigns_targets import UNASSIGNED, TargetsTab

    head = station["head"]
    cid = _campaign(station).campaign_id
    tab = TargetsTab(_context(store, station["social_worker"], "en"))
    qtbot.addWidget(tab)
    tab.show()
    tab.set_campaign(cid)
    assert tab.model.rowCount() == 6
    tab.village_filter.setCurrentIndex(tab.village_filter.findData(_village("沙头村")))
    assert sorted(r.head_name for r in tab.all_rows()) == sorted(SHATOU)
    tab.village_filter.setCurrentIndex(0)
    tab.team_filter.setCurrentIndex(tab.team_filter.findData(UNASSIGNED))
    assert tab.model.rowCount() == 6
    tab.team_filter.setCurrentIndex(0)
    tab.search.setText("zs")  # pinyin initials: 张三 and 赵四
    tab.load()
    assert sorted(r.head_name for r in tab.all_rows()) == sorted(["张三", "赵四"])
    tab.search.clear()
    tab.load()

    failures: list = []
    # 移出名单 with a reason
    tab.select_household("周七")

    def remove(dialog):
        _ok(dialog)  # no reason: refused in the dialog
        assert dialog.isVisible() and _errors_in(dialog)
        dialog.reason.setText("已纳入特困供养，另行慰问")
        _ok(dialog)
    _when_modal(remove, failures)
    tab.remove_button.click()
    assert not failures, failures
    assert _target(cid, "周七").status == "removed"
    assert tab.model.rowCount() == 5
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("removed"))
    assert [r.head_name for r in tab.all_rows()] == ["周七"]
    tab.status_filter.setCurrentIndex(0)

    # 加入名单: 钱五 (not 低保) found by name, added with a reason and the package
    def add(dialog):
        dialog.search.setText("钱五")
        dialog.search_now()
        assert dialog.model.rowCount() == 1
        dialog.reason.setText("子女失业，村里推荐")
        _ok(dialog)
    _when_modal(add, failures)
    tab.add_button.click()
    assert not failures, failures
    qian = _target(cid, "钱五")
    assert qian.status == "open" and qian.package_id == station["package"]
    assert qian.added_reason == "子女失业，村里推荐"

    # 改慰问品: two packages for 钱五
    tab.select_household("钱五")

    def package(dialog):
        dialog.count.setValue(2)
        _ok(dialog)
    _when_modal(package, failures)
    tab.package_button.click()
    assert not failures, failures
    assert _target(cid, "钱五").package_count == 2
    assert any("大米" in text for kind, text in answers if kind == "information")  # still short

    # 撤销结果 after a mistaken outcome
    cp.record_outcome(head, _target(cid, "张三").id, cp.OutcomeInput("declined", TODAY))
    tab.refresh()
    tab.select_household("张三")
    assert tab.reopen_button.isEnabled() and not tab.outcome_button.isEnabled()

    def undo(dialog):
        dialog.reason.setText("录错了户")
        _ok(dialog)
    _when_modal(undo, failures)
    tab.reopen_button.click()
    assert not failures, failures
    assert _target(cid, "张三").status == "open"


def test_a_closed_campaign_can_only_be_printed(qtbot, store, station):
    from station_desk.ui.pages.campaigns_targets import TargetsTab
    from station_desk.ui.pages.campaigns_teams import TeamsTab

    head = station["head"]
    cid = _campaign(station).campaign_id
    cp.close_campaign(head, cid)
    for cls in (TargetsTab, TeamsTab):
        tab = cls(_context(store, head, "en"))
        qtbot.addWidget(tab)
        tab.show()
        tab.set_campaign(cid)
        buttons = [b for b in tab.findChildren(type(tab.new_button if cls is TeamsTab
                                                        else tab.add_button))
                   if b.isVisible() and b.isEnabled()]
        names = {b.objectName() for b in buttons}
        assert names <= {"printVisitSheets", "printSignOff", "exportTargets"}, names


def test_team_dialog_volunteer_search_and_partner_unit(qtbot, store, station):
    from station_desk.ui.dialogs.campaign_team import CampaignTeamDialog

    head = station["head"]
    cid = _campaign(station).campaign_id
    dialog = CampaignTeamDialog(None, head, cid, None, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.volunteer_list.count() == 3
    dialog.search.setText("林")
    dialog.filter_volunteers()
    shown = [dialog.volunteer_list.item(i).text().split()[0] for i in range(3)
             if not dialog.volunteer_list.item(i).isHidden()]
    assert shown == ["林志愿"]
    dialog.pick("林志愿")
    dialog.name.setText("供电公司")
    dialog.leader.setCurrentIndex(0)  # no social worker ...
    _ok(dialog)
    assert dialog.isVisible() and _errors_in(dialog)  # ... needs a partner unit
    dialog.partner.setText("县供电公司党支部")
    _ok(dialog)
    assert not dialog.isVisible()
    team = cp.teams(head, cid)[0]
    assert (team.partner, team.volunteer_names) == ("县供电公司党支部", ("林志愿",))


def test_package_handed_over_later_and_double_click_and_export(qtbot, store, station, worker,
                                                               answers, monkeypatch, tmp_path):
    """The rice ran out: 周七 is visited without it; stock comes in, the package follows with
    发放. A double-click opens the outcome dialog; the list exports to Excel."""
    from PySide6.QtWidgets import QFileDialog

    from station_desk.ui.pages.campaigns_targets import TargetsTab

    head = station["head"]
    cid = _campaign(station).campaign_id
    for name in ("张三", "赵四", "李桂兰", "王大山", "吴八"):
        cp.record_outcome(head, _target(cid, name).id,
                          cp.OutcomeInput("visited", TODAY, delivered=True))
    tab = TargetsTab(_context(store, station["social_worker"], "en", worker))
    qtbot.addWidget(tab)
    tab.show()
    tab.set_campaign(cid)
    failures: list = []
    tab.select_household("周七")

    def visited_without(dialog):
        assert dialog.delivered.isChecked()
        dialog.delivered.setChecked(False)
        assert not dialog.signed.isEnabled()
        _ok(dialog)
    _when_modal(visited_without, failures)
    tab.view.doubleClicked.emit(tab.view.currentIndex())
    assert not failures, failures
    tab.select_household("周七")
    assert _target(cid, "周七").status == "visited" and tab.deliver_button.isEnabled()
    tab.deliver_button.click()  # still short: refused, said in a message
    assert any(kind == "warning" and "Not enough" in text for kind, text in answers), answers
    assert _target(cid, "周七").voucher_id is None
    stock.receive(head, "purchase", TODAY, [stock.InLine(station["rice"], 3)], recipient="超市")
    cp.top_up(head, cid)
    tab.refresh()
    tab.select_household("周七")
    tab.deliver_button.click()
    zhou = _target(cid, "周七")
    assert zhou.voucher_id is not None and not zhou.signed
    tab.select_household("周七")
    tab.signed_button.click()
    assert _target(cid, "周七").signed

    out = tmp_path / "中秋.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export_button.click()
    qtbot.waitUntil(lambda: any("rows written" in text for _k, text in answers), timeout=20000)
    assert out.stat().st_size > 1000


def test_assign_dialog_keeps_a_split_village_and_changes_only_what_was_changed(qtbot, store,
                                                                              station):
    from station_desk.ui.dialogs.assign_villages import KEEP, AssignVillagesDialog

    head = station["head"]
    cid = _campaign(station).campaign_id
    one = cp.save_team(head, cid, cp.TeamInput("甲组", partner="共建单位甲"))
    two = cp.save_team(head, cid, cp.TeamInput("乙组", partner="共建单位乙"))
    mache, shatou = _village("麻车村"), _village("沙头村")
    cp.assign_villages(head, cid, {mache: one.id, shatou: one.id})
    # a nobody-home call re-queued to the other team splits 麻车村
    first = cp.targets(head, cid, cp.TargetQuery(village_id=mache))[0]
    cp.record_outcome(head, first.id, cp.OutcomeInput("nobody_home", today(),
                                                      requeue_team_id=two.id))
    dialog = AssignVillagesDialog(None, head, cid)
    qtbot.addWidget(dialog)
    assert dialog.combos[mache].currentData() == KEEP
    assert dialog.combos[shatou].currentData() == one.id
    assert dialog.save() == 0  # OK unchanged: nobody moves, the re-queue stands
    assert CampaignTarget.get_by_id(first.id).team_id == two.id
    dialog.choose(shatou, two.id)
    moved = dialog.save()
    assert moved == len(cp.targets(head, cid, cp.TargetQuery(village_id=shatou)))
    assert CampaignTarget.get_by_id(first.id).team_id == two.id
