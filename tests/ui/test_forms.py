"""Compiled Designer forms are current, and the sign-in form is what the dialog expects."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

from .build_assets import load

assets = load()
FORMS = assets.form_sources()


def test_there_are_forms():
    assert FORMS, "forms/*.ui not found"


@pytest.mark.parametrize("ui", FORMS, ids=[ui.name for ui in FORMS])
def test_compiled_form_is_current(ui):
    compiled = assets.compiled_form_path(ui)
    assert compiled.exists(), f"{compiled.name} missing: run python installer/build_assets.py forms"
    now = assets.without_version(assets.uic(ui))
    committed = assets.without_version(compiled.read_text(encoding="utf-8"))
    assert now == committed, (f"{compiled.name} is stale against forms/{ui.name}: "
                              "run python installer/build_assets.py forms")


def test_no_compiled_form_without_its_ui():
    wanted = {assets.compiled_form_path(ui) for ui in FORMS}
    orphans = [p.name for p in assets.FORMS_OUT.glob("ui_*.py") if p not in wanted]
    assert not orphans, f"compiled forms whose .ui is gone: {orphans}"


def test_version_line_is_ignored():
    text = assets.uic(FORMS[0])
    other = text.replace("Compiler version ", "Compiler version 99.0.0 was ")
    assert other != text
    assert assets.without_version(other) == assets.without_version(text)


def focus_chain_after(widget, count):
    """The next ``count`` widgets Tab reaches from ``widget``."""
    chain = []
    while len(chain) < count:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled():
            chain.append(widget)
    return chain


def test_sign_in_form(qtbot):
    from station_desk.ui.forms.ui_sign_in import Ui_SignIn

    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = Ui_SignIn()
    form.setupUi(dialog)
    dialog.show()
    assert dialog.objectName() == "SignIn"
    assert dialog.minimumWidth() >= 360
    assert form.passwordEdit.echoMode() == QLineEdit.EchoMode.Password
    assert not form.errorLabel.isVisible()
    assert form.languageCombo.count() == 0  # the dialog fills it
    ok = form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None and form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    assert focus_chain_after(form.usernameEdit, 2) == [form.passwordEdit, ok]
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        ok.click()
