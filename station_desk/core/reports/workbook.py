"""Writing a workbook so that it appears only complete."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import ValidationError


def write_workbook(build: Callable[[Path], object], path: str | Path) -> object:
    """Run ``build(partial)`` on a file beside ``path`` and rename it into place: a reader
    never sees half a workbook, and a failed export leaves the old file as it was. What
    ``build`` returns."""
    from xlsxwriter.exceptions import FileCreateError

    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError("export_no_folder", path=str(target.parent))
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        try:
            result = build(partial)
        except (OSError, FileCreateError) as error:  # a full disk, a read-only folder
            cause = error.__cause__ or error.__context__ or error  # xlsxwriter wraps the OSError
            raise ValidationError("export_write_failed", path=str(target),
                                  detail=getattr(cause, "strerror", None) or str(cause)) from error
        try:
            os.replace(partial, target)
        except OSError as error:  # on Windows: the old file is open in Excel
            raise ValidationError("export_file_busy", path=str(target),
                                  detail=error.strerror or str(error)) from error
    finally:
        if partial.exists():
            partial.unlink()
    return result
