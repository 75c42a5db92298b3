"""慰问走访 page as the head and a social worker use it: who sees the page and its buttons,
the holiday campaign form (the festival's date filled in, the preview with households per
village and the shortfall in red before anything is written, saving with the shortfall said),
the home-visit day made with a team per worker, ending a campaign giving its stock back, and
the progress tab's figures agreeing with the service."""

from __future__ import annotations

import datetime as dt
import traceback

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core import festivals
from station_desk.core.clock import today
from station_desk.core.models import (
    Campaign,
    CampaignTarget,
    Category,
    Household,
    ItemCategory,
    Tier,
    Village,
)
from station_desk.core.services import campaigns as cp
from station_desk.core.services import households as hh
from station_desk.core.services import inventory as inv
from station_desk.core.services import stock
from station_desk.ui.dialogs.campaign_form import CampaignFormDialog
from station_desk.ui.dialogs.visit_day_form import VisitDayDialog, coming_week
from station_desk.ui.pages.campaigns_list import CloseCampaignDialog

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


def _village(name):
    return Village.get(Village.name == name).id


@pytest.fixture
def station(staff_actors):
    """麻车村 (4 低保 of 6, its social worker hhy) and 沙头村 (2 低保 of 4, no worker); a package
    of one bag of rice and one bucket of oil; 5 bags of rice (one short for six) and 20 oil."""
    head = staff_actors["head"]
    low = Category.get(Category.name == "低保").id
    tier = Tier.get(Tier.level == 3).id
    for village, rows in (("麻车村", [("王大山", True), ("李桂兰", True), ("张三", True),
                                     ("赵四", True), ("钱五", False), ("孙六", False)]),
                          ("沙头村", [("周七", True), ("吴八", True), ("郑九", False),
                                     ("冯十", False)])):
        for number, (name, poor) in enumerate(rows, start=1):
            hh.create_household(
                head, hh.HouseholdInput(name, _village(village), address=f"{number}号",
                                        phone="13912345678", tier_id=tier,
                                        category_ids=[low] if poor else [],
                                        registered_on=TODAY - 2000 * DAY),
                [hh.MemberInput(name, birthdate=dt.date(1950, 3, 1))])
    grain = ItemCategory.get(ItemCategory.name == "粮油").id
    rice = inv.save_item(head, inv.ItemInput("大米", "袋", grain, spec="10kg", value_fen=5000,
                                             value_from=TODAY - 400 * DAY)).id
    oil = inv.save_item(head, inv.ItemInput("食用油", "桶", grain, spec="5L", value_fen=6000,
                                            value_from=TODAY - 400 * DAY)).id
    package = inv.save_package(head, inv.PackageInput("中秋慰问包", [(rice, 1), (oil, 1)])).id
    stock.receive(head, "purchase", TODAY - 10 * DAY,
                  [stock.InLine(rice, 5), stock.InLine(oil, 20)], recipient="超市")
    return {**staff_actors, "rice": rice, "oil": oil, "package": package, "low": low}


@pytest.fixture
def show(qtbot, store):
    contexts = []

    def make(actor):
        from station_desk.ui.context import AppContext
        from station_desk.ui.pages.campaigns import CampaignsPage

        context = AppContext(location=store, actor=actor, lang="en")
        contexts.append(context)
        page = CampaignsPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        page.refresh()
        return page

    yield make
    for context in contexts:
        context.bridge.close()


@pytest.fixture
def contexts(store):
    """``make(actor)``: a context for a dialog on its own; its change bridge closed after."""
    from station_desk.ui.context import AppContext

    made = []

    def make(actor):
        made.append(AppContext(location=store, actor=actor, lang="en"))
        return made[-1]

    yield make
    for context in made:
        context.bridge.close()


def answer(kind, fill, press_ok=True):
    """Answer the next ``kind`` dialog: ``fill(dialog)``, then OK; returns what happened."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        try:
            fill(dialog)
            if press_ok:
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        except Exception:
            seen.append(traceback.format_exc())
            dialog.reject()
            return
        if dialog.isVisible():
            seen.append(dialog.errors.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def _mid_autumn(station):
    data = cp.CampaignInput("中秋慰问", festival="mid_autumn", year=TODAY.year,
                            starts_on=TODAY - 5 * DAY, ends_on=TODAY + 20 * DAY)
    rule = cp.RuleInput(category_ids=[station["low"]], package_id=station["package"])
    return cp.create_campaign(station["head"], data, [rule]).campaign_id


# --- who sees what ------------------------------------------------------------------------


def test_head_and_social_worker_get_the_page_the_front_desk_does_not(station, store, make_window):
    for role, sees in (("head", True), ("social_worker", True), ("front_desk", False)):
        window = make_window(store, station[role])
        assert ("campaigns" in window.page_names()) is sees, role
        window.close()


def test_only_the_head_may_end_or_reopen_a_campaign(station, show):
    _mid_autumn(station)
    pages = [show(station["head"]), show(station["social_worker"])]
    head, worker = (page.campaign_list for page in pages)
    assert head.close_button.isVisibleTo(head) and head.close_button.isEnabled()
    assert not worker.close_button.isVisibleTo(worker)
    assert not worker.reopen_button.isVisibleTo(worker)
    assert worker.new_holiday_button.isVisibleTo(worker)
    assert worker.new_visit_day_button.isVisibleTo(worker)
    assert worker.model.rowCount() == 1 and worker.campaign_id == head.campaign_id


# --- the holiday campaign form ------------------------------------------------------------


def test_the_festival_and_year_fill_in_its_date_and_a_two_week_window(station, contexts, qtbot):
    dialog = CampaignFormDialog(None, contexts(station["head"]))
    qtbot.addWidget(dialog)
    dialog.festival.setCurrentIndex(dialog.festival.findData("double_ninth"))
    dialog.year.setValue(2026)
    assert dialog.festival_date.text() == "falls on 2026-10-18"
    assert dialog.ends_on.date().toPython() == dt.date(2026, 10, 18)
    assert dialog.starts_on.date().toPython() == dt.date(2026, 10, 4)
    assert dialog.name.text() == "2026 重阳 visits"
    dialog.year.setValue(2027)
    day = festivals.festival_date("double_ninth", 2027)
    assert dialog.festival_date.text() == f"falls on {day.isoformat()}"
    assert dialog.ends_on.date().toPython() == day and dialog.name.text() == "2027 重阳 visits"
    dialog.name.setText("敬老月慰问")  # typed by hand: a festival change keeps it
    dialog.festival.setCurrentIndex(dialog.festival.findData("spring"))
    assert dialog.name.text() == "敬老月慰问"
    dialog.reject()


def test_preview_shows_villages_and_the_shortfall_in_red_before_saving(station, contexts, qtbot,
                                                                     no_dialogs):
    dialog = CampaignFormDialog(None, contexts(station["head"]))
    qtbot.addWidget(dialog)
    dialog.festival.setCurrentIndex(dialog.festival.findData("mid_autumn"))
    dialog.year.setValue(TODAY.year)
    rule = dialog.rule_editors[0]
    assert rule.package.currentData() == station["package"]
    rule.categories.check("低保")
    dialog.update_preview()
    preview = dialog.preview
    villages = [preview.village_model.row_at(i) for i in range(preview.village_model.rowCount())]
    assert villages == [("麻车村", 4), ("沙头村", 2)]
    assert preview.total.text().startswith("6 households")
    assert preview.shortfall.isVisibleTo(dialog)
    assert preview.shortfall.text() == "Short: 大米（10kg） short by 1 袋"
    assert "#c62828" in preview.shortfall.styleSheet()
    goods = [preview.goods_model.row_at(i) for i in range(preview.goods_model.rowCount())]
    assert [(g[0], g[2]) for g in goods] == [("大米（10kg）", 6), ("食用油（5L）", 6)]
    assert Campaign.select().count() == 0  # nothing written yet

    # a second rule: 沙头村's others, a package each; the first rule keeps its households
    second = dialog.add_rule()
    second.villages.check("沙头村")
    dialog.update_preview()
    assert preview.total.text().startswith("8 households")
    assert "rule 1: 6; rule 2: 2" in preview.total.text()
    assert preview.shortfall.text() == "Short: 大米（10kg） short by 3 袋"
    second.remove_button.click()
    dialog.update_preview()
    assert len(dialog.rule_editors) == 1 and preview.total.text().startswith("6 households")

    dialog.budget.setText("1,200")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    made = dialog.result_value
    assert made is not None and made.targets == 6
    campaign = Campaign.get_by_id(made.campaign_id)
    assert campaign.budget_fen == 120000 and campaign.festival == "mid_autumn"
    assert [kind for kind, _ in no_dialogs] == ["information"]
    assert "大米（10kg） short by 1 袋" in no_dialogs[0][1]
    assert "6 households" in no_dialogs[0][1]


def test_a_refused_campaign_keeps_the_form_open_with_the_reason(station, contexts, qtbot):
    dialog = CampaignFormDialog(None, contexts(station["head"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.errors.labels["name"].text()
    dialog.budget.setText("abc")
    dialog.name.setText("春节慰问")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.errors.labels["budget"].text()
    assert Campaign.select().count() == 0
    dialog.reject()


def test_new_campaign_from_the_page_is_selected_and_editing_keeps_its_rules(station, show,
                                                                            no_dialogs):
    page = show(station["head"])
    listing = page.campaign_list
    assert listing.model.rowCount() == 0 and listing.campaign_id is None

    def fill(dialog):
        dialog.festival.setCurrentIndex(dialog.festival.findData("mid_autumn"))
        dialog.year.setValue(TODAY.year)
        dialog.rule_editors[0].categories.check("低保")
        dialog.name.setText("中秋慰问")
        dialog.theme.setText("月圆人团圆")

    seen = answer(CampaignFormDialog, fill)
    listing.new_holiday_button.click()
    assert len(seen) == 1, seen
    campaign = Campaign.get(Campaign.name == "中秋慰问")
    assert listing.campaign_id == campaign.id
    assert listing.model.row_at(0).targets == 6
    assert page.progress_tab.campaign_id == campaign.id

    def rename(dialog):
        assert not dialog.festival.isEnabled()  # an edit keeps the festival and the rules
        assert not getattr(dialog, "rule_editors", [])
        assert dialog.theme.text() == "月圆人团圆"
        dialog.name.setText("中秋节慰问")

    seen = answer(CampaignFormDialog, rename)
    listing.edit_button.click()
    assert len(seen) == 1, seen
    campaign = Campaign.get_by_id(campaign.id)
    assert campaign.name == "中秋节慰问" and campaign.theme == "月圆人团圆"
    assert CampaignTarget.select().where(CampaignTarget.campaign == campaign.id).count() == 6


# --- the home-visit day -------------------------------------------------------------------


def test_visit_day_counts_each_workers_due_households_and_makes_a_team_each(station, contexts,
                                                                          qtbot):
    head = station["head"]
    dialog = VisitDayDialog(None, contexts(head))
    qtbot.addWidget(dialog)
    start, end = coming_week(TODAY)
    assert dialog.starts_on.date().toPython() == start and start.weekday() == 0
    assert dialog.ends_on.date().toPython() == end
    assert dialog.name.text() == f"{start.year}-{start.month} home-visit day"
    worker = station["social_worker"]
    due = len(hh.due_visits(head, social_worker_id=worker.staff_id, on=end))
    assert due == 6  # 麻车村's households, never visited
    assert dialog.counts[worker.staff_id] == due
    assert dialog.worker_ids() == [worker.staff_id]
    assert dialog.total_label.text() == "6 households, 1 teams"
    dialog.theme.setText("冬季取暖安全")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    made = dialog.result_value
    assert made is not None and made.targets == 6
    teams = cp.teams(head, made.campaign_id)
    assert [(t.name, t.leader_id, t.targets) for t in teams] == [
        (worker.name, worker.staff_id, 6)]
    row = cp.get_campaign(head, made.campaign_id)
    assert row.kind == "visit_day" and row.theme == "冬季取暖安全"


def test_visit_day_with_no_worker_ticked_is_refused(station, contexts, qtbot):
    dialog = VisitDayDialog(None, contexts(station["head"]))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_worker(station["social_worker"].name, False)
    assert dialog.total_label.text() == "0 households, 0 teams"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.errors.text()
    assert Campaign.select().count() == 0
    dialog.reject()


# --- ending a campaign ---------------------------------------------------------------------


def _reserved(actor, item_id):
    return next(r.reserved for r in stock.overview(actor) if r.item_id == item_id)


def test_ending_a_campaign_as_head_gives_its_stock_back(station, show):
    head = station["head"]
    cid = _mid_autumn(station)
    assert _reserved(head, station["rice"]) == 5 and _reserved(head, station["oil"]) == 6
    page = show(head)
    listing = page.campaign_list
    assert listing.campaign_id == cid

    def fill(dialog):
        assert "大米（10kg） 5 袋" in dialog.released_text.text()
        assert "食用油（5L） 6 桶" in dialog.released_text.text()
        dialog.note.setText("提前结束")

    seen = answer(CloseCampaignDialog, fill)
    listing.close_button.click()
    assert len(seen) == 1, seen
    assert _reserved(head, station["rice"]) == 0 and _reserved(head, station["oil"]) == 0
    campaign = Campaign.get_by_id(cid)
    assert campaign.status == "closed" and campaign.close_note == "提前结束"
    # still shown (the filter moves to all), now ended: reopen instead of end
    assert listing.campaign_id == cid and listing.current().status == "closed"
    assert not listing.close_button.isEnabled() and listing.reopen_button.isEnabled()


# --- progress -------------------------------------------------------------------------------


def test_progress_shows_the_packages_shortfall_in_red_and_tops_up(station, show, no_dialogs):
    head = station["head"]
    cid = _mid_autumn(station)
    page = show(head)
    tab = page.progress_tab
    assert tab.campaign_id == cid
    rows = [tab.stock_model.row_at(i) for i in range(tab.stock_model.rowCount())]
    assert [(r.label, r.wanted, r.quantity, r.missing) for r in rows] == [
        ("大米（10kg）", 6, 5, 1), ("食用油（5L）", 6, 6, 0)]
    red = Qt.ItemDataRole.ForegroundRole
    colour = tab.stock_model.data(tab.stock_model.index(0, 4), red)
    assert colour is not None and colour.name() == "#c62828"
    assert tab.stock_model.data(tab.stock_model.index(0, 4)) == "1 袋"
    assert tab.stock_model.data(tab.stock_model.index(1, 4), red) is None
    assert tab.tables.tabText(2) == "Packages' stock (1 items short)"
    assert tab.top_up_button.isEnabled()
    stock.receive(head, "purchase", TODAY, [stock.InLine(station["rice"], 3)], recipient="超市")
    tab.top_up()
    assert no_dialogs == [("information", "Everything the packages need is set aside now.")]
    assert not tab.top_up_button.isEnabled()
    assert tab.tables.tabText(2) == "Packages' stock"
    assert _reserved(head, station["rice"]) == 6


def test_progress_figures_match_the_service_after_outcomes(station, show):
    head = station["head"]
    cid = _mid_autumn(station)
    targets = {CampaignTarget.get_by_id(r.id).household.head_name: r.id
               for r in cp.targets(head, cid)}
    cp.record_outcome(head, targets["王大山"], cp.OutcomeInput("visited", TODAY, delivered=True,
                                                              signed=True))
    cp.record_outcome(head, targets["李桂兰"], cp.OutcomeInput("visited", TODAY, delivered=True))
    cp.record_outcome(head, targets["周七"], cp.OutcomeInput("nobody_home", TODAY,
                                                            requeue_on=TODAY + DAY))
    cp.record_outcome(head, targets["吴八"], cp.OutcomeInput("declined", TODAY))
    page = show(head)
    tab = page.progress_tab
    assert tab.campaign_id == cid
    expected = cp.progress(head, cid)
    total = expected.total
    figures = {key: figure.number.text() for key, figure in tab.figures.items()}
    assert figures["targets"] == str(total.targets) == "6"
    assert figures["visited"] == str(total.visited) == "2"
    assert figures["open"] == str(total.open) == "3"
    assert figures["overdue"] == str(total.overdue)
    assert figures["delivered"] == f"{round(100 * total.delivered / total.targets)}% (2)"
    assert figures["done"] == f"{round(100 * total.share_done)}%" == "50%"
    villages = [tab.village_model.row_at(i) for i in range(tab.village_model.rowCount())]
    assert villages == list(expected.by_village)
    shown = {tab.village_model.data(tab.village_model.index(i, 0)):
             [tab.village_model.data(tab.village_model.index(i, c)) for c in (1, 2, 3, 4, 6,
                                                                              8, 9, 10)]
             for i in range(tab.village_model.rowCount())}
    assert shown == {"麻车村": ["4", "2", "", "", "2", "2", "1", "50%"],
                     "沙头村": ["2", "0", "1", "1", "1", "0", "0", "50%"]}
    assert tab.team_model.rowCount() == len(expected.by_team) == 1
    assert tab.team_model.data(tab.team_model.index(0, 0)) == "(no team yet)"
    # one declined: its package is no longer wanted, so the rice is not short any more
    assert [r.missing for r in expected.reserved] == [0, 0]
    assert tab.tables.tabText(2) == "Packages' stock"


def test_moved_household_counts_as_gone_in_progress(station, show):
    head = station["head"]
    cid = _mid_autumn(station)
    target = CampaignTarget.get((CampaignTarget.campaign == cid) & (
        CampaignTarget.household == Household.get(Household.head_name == "赵四").id)).id
    cp.record_outcome(head, target, cp.OutcomeInput("moved", TODAY, reason="随子女迁往县城"))
    page = show(head)
    tab = page.progress_tab
    row = next(tab.village_model.row_at(i) for i in range(tab.village_model.rowCount())
               if tab.village_model.row_at(i).key == "麻车村")
    assert row.gone == 1
    assert tab.village_model.data(tab.village_model.index(0, 5)) == "1"


def test_campaign_words_in_chinese(qapp):
    from station_desk.ui import i18n
    from station_desk.ui.labels import label
    from station_desk.ui.pages import page_title

    i18n.install_translators(qapp, "zh")
    try:
        assert [label("festival", code) for code in festivals.FESTIVALS] == [
            name for name, *_ in festivals.FESTIVALS.values()]
        assert label("campaign_kind", "holiday") == "节日慰问"
        assert label("campaign_kind", "visit_day") == "家访日"
        assert (label("campaign_status", "open"), label("campaign_status", "closed")) == (
            "进行中", "已结束")
        assert page_title("campaigns") == "慰问走访"
    finally:
        i18n.install_translators(qapp, "en")


def test_progress_prints_the_summary_and_exports_the_workbook(station, show, worker, qtbot,
                                                              monkeypatch, no_dialogs, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from station_desk.ui import uistate
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    previews = []
    monkeypatch.setattr(PdfPreviewDialog, "ask", classmethod(
        lambda cls, parent, path, title: previews.append((path, title))))
    monkeypatch.setattr(uistate, "put", lambda key, value: None)
    monkeypatch.setattr(uistate, "get", lambda key: str(tmp_path))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "中秋"), "Excel workbook (*.xlsx)"))
    head = station["head"]
    cid = _mid_autumn(station)
    target = cp.targets(head, cid)[0].id
    cp.record_outcome(head, target, cp.OutcomeInput("visited", TODAY, delivered=True))
    page = show(head)
    tab = page.progress_tab
    tab.summary_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    path, title = previews[0]
    assert path.read_bytes().startswith(b"%PDF") and title == "Campaign summary"
    tab.export_button.click()
    qtbot.waitUntil(lambda: len(no_dialogs) == 1, timeout=15000)
    assert (tmp_path / "中秋.xlsx").stat().st_size > 0
    assert no_dialogs[0][0] == "information" and "中秋.xlsx" in no_dialogs[0][1]
