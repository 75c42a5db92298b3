"""The window as people use it: sign in, visit every page, edit settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QTableView

from station_desk.core.models import Category, Station, Tier, Village
from station_desk.core.services import accounts
from station_desk.ui.dialogs.form_dialog import FormDialog
from station_desk.ui.pages import PAGES


def _actor(username):
    return accounts.actor_for(accounts.find_staff(username))


def test_sign_in_dialog(demo_store, qtbot, monkeypatch):
    from station_desk.ui.dialogs.sign_in import SignInDialog

    dialog = SignInDialog(None, "石滩镇第一社工服务站", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.stationLabel.text() == "石滩镇第一社工服务站"
    dialog.form.usernameEdit.setText("liuliping")
    qtbot.keyClicks(dialog.form.passwordEdit, "wrong")
    dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is None and dialog.result() == 0
    assert dialog.form.errorLabel.text() == "用户名或密码不正确。"
    dialog.form.passwordEdit.clear()
    qtbot.keyClicks(dialog.form.passwordEdit, "demo1234")
    qtbot.keyClick(dialog.form.passwordEdit, Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.role == "head"


def test_every_page_shows_its_content(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("liuliping"))
    assert window.windowTitle().startswith("石滩镇第一社工服务站")
    assert window.sidebar.count() == len(PAGES)
    home = window.page("home")
    assert "刘丽萍" in home.greeting.text()
    assert home.villages_card.value_label.text() == "26"
    assert home.workers_card.value_label.text() == "20"
    assert list(window.pages) == ["home"], "other pages are built when first shown"
    window.show_page("settings", "villages")
    settings = window.page("settings")
    assert window.current_page() is settings
    villages = settings.sections["villages"]
    assert villages.model.rowCount() == 27  # the town and its 26 villages
    assert settings.sections["categories"].model.rowCount() == 17
    assert settings.sections["tiers"].model.rowCount() == 4
    assert settings.sections["accounts"].model.rowCount() == 24
    assert settings.station_name.text() == "石滩镇第一社工服务站"
    for table in settings.findChildren(QTableView):
        assert table.model().columnCount() >= 3
    status = " ".join(w.text() for w in window.statusBar().findChildren(QLabel))
    assert "刘丽萍" in status and str(demo_store.path) in status


def test_home_cards_open_the_list_behind_them(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("liuliping"))
    home = window.page("home")
    qtbot.mouseClick(home.villages_card, Qt.MouseButton.LeftButton)
    settings = window.page("settings")
    assert window.current_page() is settings
    assert settings.tabs.currentWidget() is settings.sections["villages"]


def test_home_cards_for_pairs_behind_and_wishes_open_their_pages(demo_store, make_window,
                                                                  qtbot):
    import datetime as dt

    from station_desk.core.clock import today
    from station_desk.core.models import Household
    from station_desk.core.services import pairings, wishes

    head = _actor("liuliping")
    household = Household.select().where(Household.status == "active").first()
    pairings.create_pairing(head, pairings.PairingInput(  # never contacted: behind
        household.id, "unit", unit="石滩农商银行", every_days=14,
        started_on=today() - dt.timedelta(days=60)))
    window = make_window(demo_store, head)
    home = window.page("home")
    behind = len(pairings.list_pairings(head, behind_only=True))
    assert behind > 0 and home.pairs_card.value_label.text() == str(behind)
    waiting = len(wishes.list_wishes(head, open_only=True))
    assert home.wishes_card.value_label.text() == str(waiting)
    qtbot.mouseClick(home.pairs_card, Qt.MouseButton.LeftButton)
    page = window.page("pairings")
    assert window.current_page() is page and page.behind_only.isChecked()
    qtbot.mouseClick(window.page("home").wishes_card, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.page("wishes")
    desk = make_window(demo_store, _actor("linxiaoyan"))  # the front desk: wishes, no pairs
    assert desk.page("home").pairs_card.isHidden() and not desk.page("home").wishes_card.isHidden()


def test_roles_see_what_they_may_change(demo_store, make_window):
    worker = make_window(demo_store, _actor("huanghaiyan"))
    settings = worker.page("settings")
    assert "accounts" not in settings.sections and "rules" not in settings.sections
    assert not settings.station_name.isEnabled()
    assert settings.sections["villages"].findChild(object, "addVillage").isHidden()
    home = worker.page("home")
    assert "麻车村" in home.my_villages.text()
    head = make_window(demo_store, _actor("liuliping"))
    assert not head.page("settings").sections["villages"].findChild(object, "addVillage").isHidden()


def _fill_dialog_then(qtbot, fill):
    """Answer the next FormDialog: run ``fill(dialog)`` then press OK."""
    seen = []

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, FormDialog) and w.isVisible())
        seen.append(dialog)
        fill(dialog)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():  # refused: show why, then give up
            seen.append(dialog.error_label.text())
            dialog.reject()

    QTimer.singleShot(0, answer)
    return seen


def test_settings_edits_are_saved_through_services(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("liuliping"))
    settings = window.page("settings")
    window.show_page("settings", "station")
    settings.station_name.setText("石滩镇社工站")
    settings.findChild(object, "saveStation").click()
    assert Station.get().name == "石滩镇社工站"
    assert window.windowTitle().startswith("石滩镇社工站")

    window.show_page("settings", "categories")
    seen = _fill_dialog_then(qtbot, lambda d: d.widgets["name"].setText("困难退役军人"))
    settings.sections["categories"].findChild(object, "addCategory").click()
    assert Category.get_or_none(Category.name == "困难退役军人") is not None
    assert settings.sections["categories"].model.rowCount() == 18

    # a duplicate is refused with the reason, and nothing is written
    seen = _fill_dialog_then(qtbot, lambda d: d.widgets["name"].setText("低保"))
    settings.sections["categories"].findChild(object, "addCategory").click()
    assert seen[-1] == "类别“低保”已存在。"
    assert Category.select().count() == 18

    window.show_page("settings", "tiers")
    tiers = settings.sections["tiers"]
    tiers.view.selectRow(0)

    def set_interval(dialog):
        dialog.widgets["visit_interval_days"].setValue(10)
    _fill_dialog_then(qtbot, set_interval)
    tiers.findChild(object, "editTier").click()
    assert Tier.get(Tier.level == 1).visit_interval_days == 10

    window.show_page("settings", "villages")
    villages = settings.sections["villages"]
    row = next(i for i in range(villages.model.rowCount())
               if villages.model.row_at(i).name == "麻车村")
    villages.view.selectRow(row)

    def hand_over(dialog):
        combo = dialog.widgets["social_worker_id"]
        combo.setCurrentIndex(combo.findText("陈嘉慧"))
    _fill_dialog_then(qtbot, hand_over)
    villages.findChild(object, "editVillage").click()
    assert Village.get(Village.name == "麻车村").social_worker.name == "陈嘉慧"

    window.show_page("settings", "rules")
    settings.rule_widgets["backup.keep_daily"].setValue(20)
    settings.rule_widgets["privacy.visit_sheet_full_phone"].setChecked(True)  # a yes/no rule
    settings.findChild(object, "saveRules").click()
    from station_desk.core import settings as rules

    assert rules.get("backup.keep_daily") == 20
    assert rules.get("privacy.visit_sheet_full_phone") is True
    # every rule the station can change is on the tab, in words, not its key
    assert set(settings.rule_widgets) == set(rules.REGISTRY)


def test_add_account_and_change_own_password(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("liuliping"))
    settings = window.page("settings")
    window.show_page("settings", "accounts")

    def fill(dialog):
        dialog.widgets["username"].setText("xinren")
        dialog.widgets["name"].setText("新同事")
        dialog.widgets["password"].setText("welcome1")
    _fill_dialog_then(qtbot, fill)
    settings.sections["accounts"].findChild(object, "addAccount").click()
    assert accounts.find_staff("xinren").role == "social_worker"

    window.show_page("settings", "password")
    settings.old_password.setText("demo1234")
    settings.new_password.setText("better1234")
    settings.repeat_password.setText("better1234")
    settings.findChild(object, "changePassword").click()
    assert settings.password_message.text() == "Password changed."  # no translator in tests
    accounts.authenticate("liuliping", "better1234")


def test_first_run_creates_the_station(store, qtbot):
    from station_desk.ui.dialogs.first_run import FirstRunDialog

    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.station_name.setText("新塘镇社工站")
    dialog.town_name.setText("新塘镇")
    dialog.villages.setPlainText("甲村\n乙村\n\n丙社区")
    dialog.head_name.setText("王站长")
    dialog.head_username.setText("wang")
    dialog.password.setText("secret123")
    dialog.password_again.setText("secret124")
    dialog.findChild(object, "createStation").click()
    assert dialog.error_label.text() == "两次输入的密码不一致。"
    assert not accounts.has_accounts()
    dialog.password_again.setText("secret123")
    dialog.findChild(object, "createStation").click()
    assert dialog.actor is not None and dialog.actor.role == "head"
    assert [v.name for v in Village.select().where(Village.kind == "village").order_by(Village.id)] == [
        "甲村", "乙村", "丙社区"]
    assert Station.get().name == "新塘镇社工站"


def test_print_the_village_list_opens_the_preview(demo_store, make_window, worker, qtbot,
                                                  monkeypatch, no_dialogs):
    from station_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

    previews = []
    monkeypatch.setattr(PdfPreviewDialog, "ask",
                        classmethod(lambda cls, parent, path, title: previews.append(path)))
    window = make_window(demo_store, _actor("huanghaiyan"), worker=worker)
    window.show_page("settings", "villages")
    tab = window.page("settings").sections["villages"]
    button = tab.findChild(object, "printVillages")
    assert not button.isHidden(), "a social worker may print the list too"
    button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=15000)
    data = previews[0].read_bytes()
    assert data.startswith(b"%PDF") and no_dialogs == []


def test_periodic_backup_runs_in_the_background_when_due(demo_store, make_window, worker, qtbot):
    from station_desk.core import backup

    window = make_window(demo_store, _actor("liuliping"), worker=worker)
    home = window.page("home")
    assert home.backup_card.value_label.text() == "None yet"
    operation = window.backup_if_due()
    with qtbot.waitSignal(operation.ended, timeout=15000):
        pass
    assert operation.state == "finished" and operation.result is not None
    assert [b.path for b in backup.list_backups(demo_store)] == [operation.result]
    assert home.backup_card.value_label.text() != "None yet"
    # nothing changed since: the next check copies nothing
    again = window.backup_if_due()
    with qtbot.waitSignal(again.ended, timeout=15000):
        pass
    assert again.result is None and len(backup.list_backups(demo_store)) == 1


def test_a_new_account_chooses_its_own_password_at_first_sign_in(demo_store, qtbot):
    from station_desk.ui.dialogs.sign_in import SignInDialog

    head = _actor("liuliping")
    accounts.create_staff(head, "xinren", "新同事", "social_worker", "given123")
    dialog = SignInDialog(None, "站", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.usernameEdit.setText("xinren")
    dialog.form.passwordEdit.setText("given123")

    def mismatch_then_match(d):
        d.widgets["new"].setText("mine12345")
        d.widgets["again"].setText("mine12346")
        d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert d.error_label.text() == "两次输入的密码不一致。"
        d.widgets["again"].setText("mine12345")

    _fill_dialog_then(qtbot, mismatch_then_match)
    dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is not None and dialog.actor.username == "xinren"
    assert not accounts.must_change_password(dialog.actor)
    accounts.authenticate("xinren", "mine12345")


def test_cancelling_the_new_password_does_not_sign_in(demo_store, qtbot):
    from station_desk.ui.dialogs.sign_in import SignInDialog

    accounts.create_staff(_actor("liuliping"), "xinren", "新同事", "front_desk", "given123")
    dialog = SignInDialog(None, "站", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.usernameEdit.setText("xinren")
    dialog.form.passwordEdit.setText("given123")

    def cancel():
        d = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FormDialog) and w.isVisible())
        d.reject()
    QTimer.singleShot(0, cancel)
    dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is None and dialog.result() == 0


def test_the_kiosk_account_cannot_open_the_office_window(demo_store, qtbot):
    from station_desk.ui.dialogs.sign_in import SignInDialog

    dialog = SignInDialog(None, "站", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.usernameEdit.setText("qiantai")
    dialog.form.passwordEdit.setText("demo1234")
    dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is None and not dialog.form.errorLabel.isHidden()
    assert "kiosk" in dialog.form.errorLabel.text()


def test_a_backup_notice_does_not_wipe_what_is_being_typed(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("liuliping"))
    settings = window.page("settings")
    window.show_page("settings", "station")
    settings.station_phone.setText("020-12345678")
    window.show_page("settings", "rules")
    settings.rule_widgets["backup.keep_daily"].setValue(30)
    window.context.bridge.changed.emit(frozenset({"backup"}))
    assert settings.rule_widgets["backup.keep_daily"].value() == 30
    window.context.bridge.changed.emit(frozenset({"station"}))  # a real change reloads the form
    assert settings.station_phone.text() == "020-82861100"


def test_edit_needs_a_selected_row(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("liuliping"))
    window.show_page("settings", "villages")
    tab = window.page("settings").sections["villages"]
    edit = tab.findChild(object, "editVillage")
    assert not edit.isEnabled()
    tab.view.selectRow(1)
    assert edit.isEnabled()
    tab.view.clearSelection()
    assert not edit.isEnabled()
    tab.with_selected(lambda row: pytest.fail("no row is selected"))


def test_editing_a_village_keeps_a_disabled_workers_responsibility(demo_store, make_window, qtbot):
    from station_desk.core.models import Staff

    # 黄海燕 leaves; her account is disabled directly, as an old database might hold it
    Staff.update(active=False).where(Staff.username == "huanghaiyan").execute()
    window = make_window(demo_store, _actor("liuliping"))
    window.show_page("settings", "villages")
    tab = window.page("settings").sections["villages"]
    tab.view.selectRow(next(i for i in range(tab.model.rowCount())
                            if tab.model.row_at(i).name == "麻车村"))
    _fill_dialog_then(qtbot, lambda d: d.widgets["name"].setText("麻车新村"))
    tab.findChild(object, "editVillage").click()
    village = Village.get(Village.code == "440118100201")
    assert village.name == "麻车新村" and village.social_worker.username == "huanghaiyan"


def test_the_language_chosen_at_sign_in_is_used(demo_store, qtbot, monkeypatch):
    from station_desk.ui import i18n, uistate
    from station_desk.ui.dialogs.sign_in import SignInDialog

    monkeypatch.setattr(i18n, "install_translators", lambda app, lang: None)
    monkeypatch.setattr(uistate, "put", lambda key, value: None)
    dialog = SignInDialog(None, "站", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.languageCombo.setCurrentIndex(dialog.form.languageCombo.findData("en"))
    dialog.form.usernameEdit.setText("liuliping")
    dialog.form.passwordEdit.setText("demo1234")
    dialog.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert (dialog.actor.username, dialog.lang) == ("liuliping", "en")


def test_cards_open_only_lists_the_role_has(demo_store, make_window, qtbot):
    window = make_window(demo_store, _actor("huanghaiyan"))
    home = window.page("home")
    qtbot.mouseClick(home.workers_card, Qt.MouseButton.LeftButton)
    assert window.current_page() is home
    qtbot.mouseClick(home.villages_card, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.page("settings")


def test_the_whole_file_check_runs_after_the_window_shows(demo_store, make_window, worker,
                                                         qtbot, monkeypatch):
    from station_desk.core import store
    from station_desk.core.errors import DatabaseProblem
    from station_desk.ui import ops

    shown = []
    monkeypatch.setattr(ops, "show_error", lambda parent, exc, lang=None: shown.append(exc))
    window = make_window(demo_store, _actor("liuliping"), worker=worker)
    operation = window.check_integrity_in_background()
    with qtbot.waitSignal(operation.ended, timeout=15000):
        pass
    assert operation.state == "finished" and operation.result is None and shown == []
    damaged = DatabaseProblem("db_damaged", path=str(demo_store.path), detail="x", backup="")
    monkeypatch.setattr(store, "check_integrity", lambda location: damaged)
    operation = window.check_integrity_in_background()
    with qtbot.waitSignal(operation.ended, timeout=15000):
        pass
    qtbot.waitUntil(lambda: shown == [damaged], timeout=5000)
