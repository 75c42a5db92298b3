"""Languages: English source strings in code, Simplified Chinese (the default) as a translation.

Our catalogue is resources/translations/station_desk_zh_CN.qm, built from the .ts beside it
by installer/build_assets.py ``translations``; Qt's own ``qtbase_zh_CN.qm`` makes the standard
dialogs (message box buttons, file dialogs) Chinese too.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources_path import resource_path

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
ENV_VAR = "STATION_DESK_LANG"
SETTING = "ui/language"  # in ui/uistate.py's QSettings registry

# lang -> (Qt locale, catalogues). Qt asks the most recently installed translator first: ours
# goes last so it wins should a context ever clash with Qt's.
_CATALOGUES = {"zh": ("zh_CN", ("qtbase_zh_CN", "station_desk_zh_CN")), "en": ("en_US", ())}

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def normalise(lang: object) -> str | None:
    """``"zh"``/``"en"`` for anything naming one of our languages (zh_CN, zh-Hans, EN…), else None."""
    if not isinstance(lang, str):
        return None
    code = lang.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGUAGES else None


def choose_language(cli_lang: str | None = None) -> str:
    """The UI language: ``--lang``, else $STATION_DESK_LANG, else the saved setting, else zh."""
    for candidate in (cli_lang, os.environ.get(ENV_VAR)):
        if (lang := normalise(candidate)) is not None:
            return lang
    try:
        from . import uistate

        saved = normalise(uistate.get(SETTING))
    except Exception:  # an unreadable settings file must not stop the program starting
        log.warning("could not read the saved language", exc_info=True)
        saved = None
    return saved or DEFAULT


def _catalogue_dir(stem: str) -> str:
    if stem.startswith("station_desk_"):
        return str(resource_path("translations"))
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_translators(app: QCoreApplication, lang: str) -> None:
    """Install the translators for ``lang`` ("zh" or "en"), replacing any installed before.

    Safe to call again when the user switches language; widgets then get a LanguageChange
    event and should retranslate.
    """
    lang = normalise(lang) or DEFAULT
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    locale_name, catalogues = _CATALOGUES[lang]
    # dates, numbers and the calendar widget follow the UI language
    QLocale.setDefault(QLocale(locale_name))
    for stem in catalogues:
        translator = QTranslator(app)
        folder = _catalogue_dir(stem)
        if translator.load(stem, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation catalogue %s not found in %s", stem, folder)
