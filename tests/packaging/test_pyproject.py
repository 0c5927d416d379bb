"""pyproject.toml: `pip install .` ships every package and every data file the game reads, with the same
pinned dependencies as requirements.txt."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = CONFIG["tool"]["setuptools"]


def runtime_requirements() -> list[str]:
    """The requirements above the '# Tests and tooling' line, comments removed."""
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").split("# Tests and tooling")[0].splitlines()
    return [re.sub(r"\s*#.*", "", line).strip() for line in lines if re.sub(r"\s*#.*", "", line).strip()]


def test_dependencies_are_the_runtime_requirements() -> None:
    assert CONFIG["project"]["dependencies"] == runtime_requirements()
    assert all("==" in req for req in CONFIG["project"]["dependencies"])


def test_every_game_package_is_listed() -> None:
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")}
    listed = set(SETUPTOOLS["packages"])
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    data = {"game.assets", "game.scenarios", "game.mods"}
    assert listed - found == data


def test_package_data_covers_every_file_the_game_reads() -> None:
    shipped: set[Path] = set()
    for package, patterns in SETUPTOOLS["package-data"].items():
        folder = ROOT / SETUPTOOLS["package-dir"][package]
        for pattern in patterns:
            shipped |= {p for p in folder.glob(pattern) if p.is_file()}
    wanted = {p for top in ("assets", "scenarios", "mods") for p in (ROOT / top).rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    developer_only = {ROOT / "assets" / "sounds" / "make_sounds.py", ROOT / "assets" / "map" / "README.md"}
    assert wanted - shipped == developer_only


def test_the_command_and_the_version_come_from_the_game() -> None:
    from game import __version__

    assert CONFIG["project"]["scripts"] == {"chip-race": "game.cli:main"}
    assert CONFIG["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "game.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
