"""政策明白卡 page as the head and the front desk use it: who gets which buttons, editing a
printed card through the editor (the next version, the old text untouched), the live
preview and its "too long" warning, comparing versions, a distribution entered through its
dialog showing in the coverage table, and printing through the print dialog recording a
print run."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_desk.core.models import Policy, PolicyVersion, PrintRun, Village
from station_desk.core.services import policies as pol
from station_desk.ui.dialogs.distribution_form import DistributionFormDialog
from station_desk.ui.dialogs.policy_editor import PolicyEditorDialog
from station_desk.ui.dialogs.print_cards import PrintCardsDialog


@pytest.fixture(autouse=True)
def english(qapp):
    from station_desk.ui import i18n

    i18n.install_translators(qapp, "en")


@pytest.fixture
def show(qtbot, store):
    contexts = []

    def make(actor, worker=None):
        from station_desk.ui.context import AppContext
        from station_desk.ui.pages.policies import PoliciesPage

        context = AppContext(location=store, actor=actor, lang="en", worker=worker)
        contexts.append(context)
        page = PoliciesPage(context)
        qtbot.addWidget(page)
        page.resize(1280, 760)
        page.show()
        page.refresh()
        return page

    yield make
    for context in contexts:
        context.bridge.close()


def _dibao():
    return Policy.get(Policy.short_name == "低保")


def _select(page, short="低保", number=None):
    tab = page.list_tab
    policy = Policy.get(Policy.short_name == short)
    version = None
    if number is not None:
        version = PolicyVersion.get((PolicyVersion.policy == policy.id)
                                    & (PolicyVersion.number == number)).id
    tab.select_policy(policy.id, version)
    assert tab.current_policy().short_name == short
    return tab


def _answer(kind, fill):
    """Fill the next ``kind`` dialog and press OK; returns [dialog, error text if it stayed]."""
    seen: list = []

    def run():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, kind) and w.isVisible())
        seen.append(dialog)
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            errors = getattr(dialog, "errors", None)
            seen.append(errors.text() if errors is not None else dialog.error.text())
            dialog.reject()

    QTimer.singleShot(0, run)
    return seen


def test_the_page_builds_for_the_head_with_every_action(show, staff_actors):
    page = show(staff_actors["head"])
    tab = page.list_tab
    assert tab.model.rowCount() == len(pol.list_policies(staff_actors["head"]))
    for made in (*tab.edit_buttons, tab.print_button, page.distribution_tab.add_button):
        assert not made.isHidden()
    assert "适用对象" not in tab.text_view.toPlainText()  # English headings in English
    assert "Who qualifies" in tab.text_view.toPlainText()
    for section in page.SECTIONS:
        page.open_section(section)
        assert page.tabs.currentWidget().objectName() == f"tab_{section}"


def test_the_front_desk_prints_plain_cards_but_edits_nothing(show, staff_actors, qtbot):
    desk = staff_actors["front_desk"]
    page = show(desk)
    tab = page.list_tab
    for made in (*tab.edit_buttons, page.distribution_tab.add_button,
                 page.distribution_tab.reverse_button):
        assert made.isHidden()
    assert not tab.print_button.isHidden() and tab.print_button.isEnabled()
    dialog = PrintCardsDialog(tab, page.context, _dibao().id)
    qtbot.addWidget(dialog)
    assert dialog.personal.isHidden()  # no household files for the front desk
    dialog.copies.setValue(20)
    job = dialog.make_job()
    assert job.copies == 20 and job.layout == "wallet" and job.runs[0][1] == 20
    assert job.cards[0].text.short_name == "低保"


def test_editing_a_printed_card_makes_the_next_version(show, staff_actors, qtbot):
    head = staff_actors["head"]
    first = pol.find_version(head, "低保")
    before = first.eligibility
    pol.record_print_run(head, first.id, "wallet", 100)
    page = show(head)
    tab = _select(page, number=1)

    def fill(dialog):
        assert "version 2" in dialog.new_version_note.text()
        assert "Save as version 2" in dialog.buttons.button(
            QDialogButtonBox.StandardButton.Ok).text()
        dialog.sections["eligibility"].setPlainText("2027 年起：月人均收入低于当地低保标准的家庭。")
        dialog.change_note.setText("2027 年提标")

    seen = _answer(PolicyEditorDialog, fill)
    tab.edit_text()
    assert len(seen) == 1, seen
    versions = list(PolicyVersion.select().where(PolicyVersion.policy == _dibao().id)
                    .order_by(PolicyVersion.number))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].eligibility == before  # the printed text never changes
    assert versions[1].eligibility.startswith("2027 年起") and versions[1].status == "draft"
    assert tab.current_version().number == 2  # the page shows the new version
    assert "2027 年起" in tab.text_view.toPlainText()

    # compare: newest against the one before; the changed section is marked
    assert tab.new_box.currentData() == versions[1].id
    assert tab.old_box.currentData() == versions[0].id
    compared = tab.compare_view.toPlainText()
    assert "2027 年起" in compared and "changed" in compared
    markup = tab.compare_view.toHtml()
    assert "line-through" in markup  # the deleted text, struck through


def test_the_preview_follows_the_text_and_warns_when_too_long(staff_actors, qtbot, store):
    from station_desk.ui.context import AppContext

    head = staff_actors["head"]
    context = AppContext(location=store, actor=head, lang="en")
    row = next(r for r in pol.list_policies(head) if r.short_name == "低保")
    dialog = PolicyEditorDialog(None, context, row, row.current)
    qtbot.addWidget(dialog)
    first = dialog.preview.front_image
    assert first is not None and first.width() > 300 and first.height() > 150
    assert dialog.preview.problems() == ""

    dialog.sections["standard"].setPlainText("每人每月 2,000 元（示例）")
    qtbot.waitUntil(lambda: dialog.preview.front_image is not None
                    and dialog.preview.front_image != first, timeout=3000)

    dialog.sections["eligibility"].setPlainText("符合条件的家庭，" * 120)
    qtbot.waitUntil(lambda: dialog.preview.problems() != "", timeout=3000)
    assert "eligibility" in dialog.preview.problems()
    assert dialog.preview.front_image is None
    assert dialog.preview.front.text()  # says why instead of a broken picture

    dialog.sections["eligibility"].setPlainText("低保家庭")
    qtbot.waitUntil(lambda: dialog.preview.front_image is not None, timeout=3000)
    assert dialog.preview.problems() == ""
    context.bridge.close()


def test_a_distribution_entered_shows_in_the_coverage_table(show, staff_actors, qtbot):
    page = show(staff_actors["head"])
    _select(page)
    village = Village.get(Village.name == "麻车村").id

    def fill(dialog):
        dialog.village.setCurrentIndex(dialog.village.findData(village))
        dialog.quantity.setValue(7)
        dialog.handed_by.setText("黄海燕")

    seen = _answer(DistributionFormDialog, fill)
    page.distribution_tab.add()
    assert len(seen) == 1, seen
    tab = page.distribution_tab
    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0).quantity == 7 and tab.model.row_at(0).handed_by == "黄海燕"
    coverage = page.coverage_tab.model
    row = next(r for r in range(coverage.rowCount()) if coverage.data(coverage.index(r, 0))
               == "麻车村")
    column = next(c for c in range(1, coverage.columnCount())
                  if coverage.headerData(c, Qt.Orientation.Horizontal) == "低保")
    assert coverage.cell(row, column)[0] == 7
    assert coverage.data(coverage.index(row, column)).startswith("7 / ")


def test_printing_through_the_dialog_records_a_print_run(show, staff_actors, worker,
                                                         monkeypatch, qtbot):
    from station_desk.ui import ops
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    previews = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: previews.append(path)))
    page = show(staff_actors["head"], worker)
    tab = _select(page)
    version = pol.find_version(staff_actors["head"], "低保")
    assert not version.printed

    def fill(dialog):
        dialog.copies.setValue(12)
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("a5"))

    seen = _answer(PrintCardsDialog, fill)
    tab.print_cards()
    assert len(seen) == 1, seen
    ops.wait_for(tab.operation)
    runs = list(PrintRun.select())
    assert [(r.version_id, r.layout, r.copies) for r in runs] == [(version.id, "a5", 12)]
    assert PolicyVersion.get_by_id(version.id).printed
    assert len(previews) == 1 and previews[0].read_bytes().startswith(b"%PDF")


def test_a_too_long_card_is_refused_in_the_print_dialog(staff_actors, qtbot, store):
    from station_desk.ui.context import AppContext

    head = staff_actors["head"]
    long = pol.save_version(head, _dibao().id, pol.VersionText(
        eligibility="符合条件的家庭，" * 120, standard="示例", steps="申请 → 审批"))
    context = AppContext(location=store, actor=head, lang="en")
    dialog = PrintCardsDialog(None, context, _dibao().id, long.id)
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.job is None
    assert "too long" in dialog.error.text() and "eligibility" in dialog.error.text()
    assert PrintRun.select().count() == 0
    context.bridge.close()


def test_personalised_printing_counts_households_and_records_a_run_per_version(
        show, staff_actors, worker, monkeypatch):
    from station_desk.core.models import Category
    from station_desk.core.services import households as hh
    from station_desk.ui import ops
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    head = staff_actors["head"]
    monkeypatch.setattr(PdfPreviewDialog, "ask", classmethod(lambda cls, *a: None))
    village = Village.get(Village.name == "麻车村").id
    dibao = Category.get(Category.name == "低保").id
    for name in ("王大山", "张小红"):
        hh.create_household(head, hh.HouseholdInput(name, village, category_ids=[dibao]))
    hh.create_household(head, hh.HouseholdInput("李四", Village.get(Village.name == "沙头村").id,
                                                category_ids=[dibao]))
    page = show(head, worker)
    tab = _select(page)
    expected = len(pol.personalised_cards(head, hh.find_household_ids(
        head, hh.HouseholdQuery(village_id=village))))
    assert expected >= 2  # each 低保 household gets at least the 低保 card

    def fill(dialog):
        dialog.personal.setChecked(True)
        dialog.h_village.setCurrentIndex(dialog.h_village.findData(village))
        assert dialog.count_label.text() == f"2 households, {expected} cards"

    seen = _answer(PrintCardsDialog, fill)
    tab.print_cards()
    assert len(seen) == 1, seen
    ops.wait_for(tab.operation)
    runs = list(PrintRun.select())
    assert runs and all(r.personalised and r.households == 2 and r.village_id == village
                        for r in runs)
    assert len(runs) == len({c.version_id for c in pol.personalised_cards(
        head, hh.find_household_ids(head, hh.HouseholdQuery(village_id=village)))})


def test_the_coverage_table_exports_the_ledger_to_excel(show, staff_actors, worker,
                                                        monkeypatch, tmp_path, no_dialogs):
    from PySide6.QtWidgets import QFileDialog

    from station_desk.ui import ops

    head = staff_actors["head"]
    pol.record_distribution(head, pol.find_version(head, "低保").id, 30,
                            village_id=Village.get(Village.name == "沙头村").id)
    out = tmp_path / "ledger"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    page = show(head, worker)
    page.coverage_tab.export()
    ops.wait_for(page.coverage_tab.operation)
    written = tmp_path / "ledger.xlsx"
    assert written.read_bytes()[:2] == b"PK"
    assert no_dialogs and "ledger.xlsx" in no_dialogs[-1][1]


def test_a_new_policy_and_publishing_its_draft(show, staff_actors, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from station_desk.core.models import Category
    from station_desk.ui.dialogs.policy_editor import PolicyFormDialog

    head = staff_actors["head"]
    page = show(head)
    form = PolicyFormDialog(page, page.context)
    qtbot.addWidget(form)
    form.title.setText("教育救助（助学）")
    form.short_name.setText("助学")
    form.area.setCurrentText("教育救助")
    wanted = Category.get(Category.name == "低保").id
    for i in range(form.categories.count()):
        item = form.categories.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == wanted:
            item.setCheckState(Qt.CheckState.Checked)
    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    policy = form.result_value
    assert policy is not None and policy.short_name == "助学"
    draft = pol.save_version(head, policy.id, pol.VersionText(
        eligibility="在读的低保家庭子女", standard="每学期 500 元（示例）", steps="学校申请 → 审核"))
    page.refresh()
    tab = _select(page, "助学", 1)
    row = tab.current_policy()
    assert row.categories == ("低保",) and row.current is None and tab.publish_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    tab.publish()
    assert PolicyVersion.get_by_id(draft.id).status == "published"
    assert tab.current_policy().current.number == 1
    assert not tab.publish_button.isEnabled()


def test_a_households_own_card_is_entered_through_the_dialog(show, staff_actors):
    from station_desk.core.models import Category
    from station_desk.core.services import households as hh

    head = staff_actors["head"]
    village = Village.get(Village.name == "麻车村").id
    dibao = Category.get(Category.name == "低保").id
    household = hh.create_household(head, hh.HouseholdInput("王大山", village,
                                                            category_ids=[dibao]))
    page = show(head)
    _select(page)

    def fill(dialog):
        dialog.village.setCurrentIndex(dialog.village.findData(village))
        dialog.household_search.setText("王大山")
        assert dialog.household.currentData() == household.id
        assert dialog.quantity.value() == 1 and not dialog.quantity.isEnabled()

    seen = _answer(DistributionFormDialog, fill)
    page.distribution_tab.add()
    assert len(seen) == 1, seen
    cell = pol.coverage(head).cell(village, _dibao().id)
    assert (cell.handed, cell.eligible, cell.households, cell.share) == (1, 1, 1, 1.0)


def test_a_social_worker_may_pick_a_household(staff_actors, store, qtbot):
    from station_desk.ui.context import AppContext

    context = AppContext(location=store, actor=staff_actors["social_worker"], lang="en")
    dialog = DistributionFormDialog(None, context)
    qtbot.addWidget(dialog)
    assert dialog.household is not None  # a social worker sees household files
    context.bridge.close()


def test_editing_a_policy_keeps_a_category_taken_out_of_use(staff_actors, store, qtbot):
    from station_desk.core.models import Category
    from station_desk.ui.context import AppContext
    from station_desk.ui.dialogs.policy_editor import PolicyFormDialog

    head = staff_actors["head"]
    Category.update(active=False).where(Category.name == "低保边缘").execute()
    row = next(r for r in pol.list_policies(head) if r.short_name == "低保")
    assert "低保边缘" in row.categories
    context = AppContext(location=store, actor=head, lang="en")
    form = PolicyFormDialog(None, context, row)
    qtbot.addWidget(form)
    names = [form.categories.item(i).text() for i in range(form.categories.count())]
    assert "低保边缘" in names  # still ticked here, though offered to no new policy
    form.save()
    assert "低保边缘" in next(r for r in pol.list_policies(head) if r.short_name == "低保").categories
    other = PolicyFormDialog(None, context)
    qtbot.addWidget(other)
    assert "低保边缘" not in [other.categories.item(i).text()
                             for i in range(other.categories.count())]
    context.bridge.close()
