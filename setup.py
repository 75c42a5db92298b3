"""Packaging that pyproject.toml can't say: ``resources/`` installs as ``station_desk.resources``.

Everything else about the project is in pyproject.toml. The data patterns name what the
installed program reads: fonts (with their licence), the exported theme, the compiled
translations and icons; the .ts sources and the translation inbox stay in the repository.
"""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCE_DATA = [
    "fonts/*.ttc", "fonts/*.ttf", "fonts/*.otf", "fonts/LICENSE*",
    "theme/*.qss", "theme/LICENSE*", "theme/icons/*/*.svg",
    "translations/*.qm",
    "icons/*.svg", "icons/*.png", "icons/*.ico", "icons/**/*.svg", "icons/**/*.png",
]


def resource_packages() -> list[str]:
    """station_desk.resources and its folders: setuptools wants every folder of data as a package."""
    folders = [p for p in Path("resources").rglob("*") if p.is_dir() and p.name != "__pycache__"]
    return ["station_desk.resources", *sorted(
        "station_desk.resources." + ".".join(p.relative_to("resources").parts) for p in folders)]


setup(
    packages=[*find_packages(include=["station_desk", "station_desk.*"]), *resource_packages()],
    package_dir={"station_desk.resources": "resources"},
    package_data={"*": ["*.json"], "station_desk.resources": RESOURCE_DATA},
    exclude_package_data={"station_desk.resources": ["translations/*.json", "translations/*.ts"]},
)
