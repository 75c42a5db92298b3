"""Error classes the core raises.

Each carries a stable ``code`` and keyword ``params``; the CLI and the GUI turn
them into a sentence in the user's language (``station_desk.messages``).
"""

from __future__ import annotations


def one_line(text: str) -> str:
    """SQLite's and the drivers' details may span lines (``*** in database main ***`` then
    the page); a message is one line."""
    return "; ".join(line.strip() for line in str(text).splitlines() if line.strip())


class StationError(Exception):
    """Base of every error a user may see. ``code`` names the message."""

    code = "error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or self.code
        if isinstance(params.get("detail"), str):
            params["detail"] = one_line(params["detail"])
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class PermissionDenied(StationError):
    code = "permission_denied"


class ValidationError(StationError):
    """Input that breaks a rule; ``field`` names the input when there is one."""

    code = "invalid"


class NotFound(StationError):
    code = "not_found"


class AuthError(StationError):
    code = "auth_failed"


class DatabaseProblem(StationError):
    """The database file or server can't be used as it is."""

    code = "db_problem"


class BackupProblem(StationError):
    code = "backup_problem"
