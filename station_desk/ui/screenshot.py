"""``station-desk screenshot``: render a page offscreen to PNG, with demo data."""

from __future__ import annotations

import os
from pathlib import Path

from ..cli import SCREENSHOT_PAGES as PAGES_HELP  # listed in cli.py, where --help reads it


def demo_location(db_arg: str | None):
    """The database to show: ``--db`` if given, else a demo station kept in the user cache."""
    from ..core import db
    from ..core.store import open_store

    if db_arg:
        location = db.resolve(db_arg)
        open_store(location, create=False, full_check=False)  # a picture: `check` checks
        return location
    from platformdirs import user_cache_path

    from ..core.demo import REVISION

    # The file name carries the demo's revision: a newer program with more demo data builds a
    # new one rather than showing a cached station without it.
    location = db.resolve(user_cache_path("station-desk", appauthor=False)
                          / f"screenshot-demo-r{REVISION}.sqlite3")
    open_store(location, create=True)
    from ..core.services import accounts

    if not accounts.has_accounts():
        from ..core import demo

        demo.fill()
    return location


# Pages that show case notes: read by a person who signed in, never by an anonymous picture of
# a real station (the demo station's cases are made up).
SIGNED_IN_PAGES = frozenset({"cases"})


def render(page: str, out: Path, size: tuple[int, int] = (1280, 800), lang: str | None = None,
           db_arg: str | None = None, sign_in=None) -> Path:
    """The page as the station head sees it, or as whoever ``sign_in()`` (the CLI's --user)
    returns. A real station's case pages need --user; the demo's don't."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ..core.services import accounts
    from ..core.services.station import get_station
    from .app import create_application
    from .i18n import choose_language

    lang = choose_language(lang)
    import tempfile

    from PySide6.QtCore import QSettings

    # Show what a new PC shows, not this PC's remembered user name or window size.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="station-desk-shot-"))
    app = create_application(lang)
    location = demo_location(db_arg)
    name, _, section = page.partition(".")
    if name == "signin":
        from .dialogs.sign_in import SignInDialog

        record = get_station()
        widget = SignInDialog(None, record.name if record else "", lang)
    elif name == "first-run":
        from .dialogs.first_run import FirstRunDialog

        widget = FirstRunDialog()
    else:
        from .context import AppContext
        from .mainwindow import MainWindow

        if sign_in is not None:
            actor = sign_in()
        elif db_arg and name in SIGNED_IN_PAGES:
            from ..core.errors import PermissionDenied

            raise PermissionDenied("case_needs_user", case=None, role="cli")
        else:
            head = next(s for s in accounts.list_staff(include_inactive=False)
                        if s.role == "head")
            actor = accounts.actor_for(accounts.find_staff(head.username))
        context = AppContext(location=location, actor=actor, lang=lang)
        widget = MainWindow(context)
        if name not in widget.page_names():
            raise SystemExit(f"unknown page {page!r}; pages: {PAGES_HELP}")
        widget.resize(*size)
        widget.show_page(name, section)
    widget.show()
    QApplication.processEvents()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Quality 80 is zlib level 1 for PNG: a third faster than the default, a slightly larger file.
    widget.grab().save(str(out), "PNG", 80)
    widget.close()
    app.processEvents()
    return out
