"""Starting the window: QApplication, fonts, theme, translators, sign-in, main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from ..core import db
from ..core.errors import StationError
from ..messages import describe_error


def create_application(lang: str, argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication with our font, theme and translations (once per process)."""
    from . import fonts, theme
    from .i18n import install_translators
    from .widgets import EXTRA_QSS

    app = QApplication.instance()
    if app is None:
        # Qt's own "-style" option picks Fusion while the application is built (see theme.py).
        app = QApplication([*(argv or sys.argv[:1]), "-style", "Fusion"])
        app.setProperty(theme.FUSION_FROM_START, True)
    app.setApplicationName("station-desk")
    app.setOrganizationName("station-desk")
    app.setApplicationDisplayName("站务通" if lang == "zh" else "Station Desk")
    os.environ["STATION_DESK_LANG"] = lang  # core error messages follow the UI language
    fonts.install_fonts(app)
    theme.apply_theme(app, EXTRA_QSS)
    install_translators(app, lang)
    return app


def install_error_hook(window) -> None:
    """An unexpected error in a slot (a dropped PostgreSQL connection, a full disk) is shown
    to the user and logged, instead of vanishing into a console nobody sees."""
    import logging
    import traceback

    from . import ops

    def hook(kind, error, tb) -> None:
        logging.getLogger("station_desk").error("".join(traceback.format_exception(kind, error, tb)))
        ops.show_error(window, error)

    sys.excepthook = hook


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="station-desk-gui")
    parser.add_argument("--db", help="database file or postgresql://… URL")
    parser.add_argument("--lang", choices=["zh", "en"])
    return parser.parse_args(argv)


def sign_in(location: db.Location, lang: str):
    """First run or sign-in; returns (Actor, language), or None when the user quits."""
    from ..core.services import accounts
    from ..core.services.station import get_station

    if not accounts.has_accounts():
        from .dialogs.first_run import FirstRunDialog

        answer = FirstRunDialog.ask()
        if answer is None:
            return None
        actor, demo_requested = answer
        if not demo_requested:
            return actor, lang
        from . import ops

        if not ops.load_demo_blocking(None):
            return None
        from ..core.demo import PEOPLE

        return accounts.actor_for(accounts.find_staff(PEOPLE[0][0])), lang
    from .dialogs.sign_in import SignInDialog

    record = get_station()
    return SignInDialog.ask(None, record.name if record else "", lang)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from .i18n import choose_language

    lang = choose_language(args.lang)
    app = create_application(lang)
    from ..core.store import open_store

    location = None
    try:
        location = db.resolve(args.db)
        # The whole-file check runs in the background once the window shows.
        open_store(location, create=True, full_check=False)
    except StationError as error:
        # Imported only here: building the QMessageBox type costs ~2 ms of every start.
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, app.applicationDisplayName(), describe_error(error, lang))
        return 2
    from .context import AppContext
    from .mainwindow import MainWindow
    from .ops import DbWorker

    signed_in = sign_in(location, lang)
    if signed_in is None:
        db.close()
        return 0
    actor, lang = signed_in  # the language may have been changed at sign-in
    worker = DbWorker()
    worker.start()
    context = AppContext(location=location, actor=actor, lang=lang, worker=worker)
    window = MainWindow(context)
    install_error_hook(window)
    window.restore_geometry()
    window.start_periodic_backups()
    window.show()
    window.check_integrity_in_background()
    try:
        return app.exec()
    finally:
        worker.stop()
        db.close()


if __name__ == "__main__":
    raise SystemExit(main())
