"""Languages: the zh_CN catalogue is complete, current and compiled; translators switch cleanly."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from station_desk.ui import i18n

from .build_assets import load

assets = load()
TS, QM = assets.TS_FILE, assets.QM_FILE
BUILD = "run python installer/build_assets.py translations"

# Python format fields ({path}), Qt's %1 and %n: a translation must keep every one
PLACEHOLDER = re.compile(r"\{\w*\}|%\d+|%n")


def key(message):
    return message["context"], message["source"], message["comment"]


def label(message):
    return f"{message['context']}|{message['source']!r}"


@pytest.fixture(scope="module")
def committed():
    return assets.read_messages(TS)


@pytest.fixture(scope="module")
def from_sources(tmp_path_factory):
    """What lupdate finds in today's sources (a fresh .ts, so nothing is carried over)."""
    ts = tmp_path_factory.mktemp("lupdate") / "now.ts"
    assets.lupdate(ts)
    return assets.read_messages(ts)


def test_every_message_is_translated(committed):
    assert committed
    bad = [label(m) for m in committed
           if m["type"] in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in m["translations"])]
    assert not bad, f"untranslated or obsolete in {TS.name} ({BUILD}, then translate): {bad}"


def test_translations_keep_placeholders_and_shortcuts(committed):
    bad = []
    for m in committed:
        wanted = sorted(PLACEHOLDER.findall(m["source"]))
        has_shortcut = bool(re.search(r"&[^&\s]", m["source"].replace("&&", "")))
        for text in m["translations"]:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                bad.append(f"{label(m)}: placeholders {wanted} vs {text!r}")
            if has_shortcut and not re.search(r"&[^&\s]", text.replace("&&", "")):
                bad.append(f"{label(m)}: lost its &shortcut in {text!r}")
    assert not bad, bad


def test_ts_has_every_source_string(committed, from_sources):
    have = {key(m) for m in committed}
    missing = [label(m) for m in from_sources if key(m) not in have]
    assert not missing, f"{TS.name} lacks strings that are in the code ({BUILD}): {missing}"


def test_ts_has_no_strings_gone_from_the_code(committed, from_sources):
    found = {key(m) for m in from_sources}
    gone = [label(m) for m in committed if key(m) not in found]
    assert not gone, f"{TS.name} keeps strings no longer in the code ({BUILD}): {gone}"


def test_qm_is_built_from_the_ts(tmp_path, committed):
    fresh = tmp_path / "fresh.qm"
    assets.lrelease(TS, fresh)
    if fresh.read_bytes() == QM.read_bytes():
        return
    # A newer lrelease may lay the file out differently: then compare what it says.
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM.name} does not load"
    stale = [label(m) for m in committed
             if translator.translate(m["context"], m["source"], m["comment"] or None) != m["translations"][0]]
    assert not stale, f"{QM.name} is stale against {TS.name} ({BUILD}): {stale}"


@pytest.fixture
def app_translators(qapp):
    locale = QLocale()
    yield qapp
    i18n.install_translators(qapp, "en")  # leave the application untranslated, as other tests expect
    QLocale.setDefault(locale)


def ok_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    return box.button(QDialogButtonBox.StandardButton.Ok).text()


def test_install_translators_switches_language(app_translators):
    translate = QCoreApplication.translate
    i18n.install_translators(app_translators, "zh")
    assert translate("SignIn", "Sign in") == "登录"
    assert ok_text() == "确定"  # qtbase's own catalogue: standard buttons are Chinese
    assert QLocale().name() == "zh_CN"
    i18n.install_translators(app_translators, "en")
    assert translate("SignIn", "Sign in") == "Sign in"
    assert ok_text() == "OK"
    i18n.install_translators(app_translators, "zh")
    i18n.install_translators(app_translators, "zh")  # again: replaces, never stacks
    assert len(i18n._installed) == 2
    assert translate("SignIn", "Sign in") == "登录"


@pytest.mark.parametrize("cli, env, saved, expected", [
    (None, None, None, "zh"),
    ("en", "zh", "zh", "en"),
    (None, "en", "zh", "en"),
    (None, None, "en", "en"),
    (None, "zh_CN.UTF-8", "en", "zh"),
    (None, "fr", "en", "en"),  # an unknown value falls through to the next source
    (None, None, "", "zh"),
])
def test_choose_language(monkeypatch, cli, env, saved, expected):
    from station_desk.ui import uistate

    if env is None:
        monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(i18n.ENV_VAR, env)
    monkeypatch.setattr(uistate, "get", lambda k: saved if k == i18n.SETTING else None)
    assert i18n.choose_language(cli) == expected
