"""`pip install .`: the wheel holds the game, its data and the `chip-race` command, and the installed game
runs from anywhere (its data found inside the package, not in a clone)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # A copy of what the wheel is built from: setuptools writes build/ and *.egg-info beside the sources.
    source = out / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "game", "assets", "scenarios", "mods"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    # As `pip install .` does: setuptools fetched into an isolated build environment.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "--wheel-dir", str(out), str(source)], check=True, timeout=300,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    (found,) = out.glob("chip_race-*.whl")
    return found


def test_wheel_holds_data_and_command(wheel: Path) -> None:
    from game import __version__

    assert wheel.name.startswith(f"chip_race-{__version__}-")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("game/cli.py", "game/ui/scenes/teacher.py", "game/assets/fonts/DejaVuSans.ttf",
                   "game/assets/strings/fr/teacher.yaml", "game/assets/ui/theme.json",
                   "game/assets/history/real_path.yaml", "game/scenarios/world.yaml",
                   "game/scenarios/decks/chronology.yaml", "game/mods/example/mod.yaml"):
        assert needed in names, needed
    assert not [n for n in names if n.endswith("make_sounds.py") or n.startswith(("tests/", "benchmarks/"))]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "chip-race = game.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_game_runs_away_from_the_clone(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)  # what pip puts in site-packages
    env = {**os.environ, "PYTHONPATH": str(target), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    code = "import sys, game.paths, game.cli; print(game.paths.ROOT); sys.exit(game.cli.main(sys.argv[1:]))"
    version = subprocess.run([sys.executable, "-c", code, "--version"], cwd=tmp_path, env=env, capture_output=True,
                             text=True, timeout=120)
    root, line = version.stdout.splitlines()
    assert Path(root) == target / "game"
    from game.cli import version_text

    assert version.returncode == 0 and line == version_text()  # same game, same content digest
    run = subprocess.run([sys.executable, "-c", code, "run", "--scenario", "cn_lab", "--seed", "3", "--turns", "1",
                          "--lang", "fr"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Partie terminée" in run.stdout or "score" in run.stdout
