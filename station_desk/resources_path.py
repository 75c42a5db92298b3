"""Where the bundled resources (fonts, theme, translations) are.

Installed, ``resources/`` travels in the wheel as the package ``station_desk.resources``;
in a source checkout it sits beside the ``station_desk`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    try:
        import station_desk.resources as installed

        return Path(installed.__file__).parent
    except ImportError:
        return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
