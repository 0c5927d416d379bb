"""Test-wide settings: headless SDL before anything imports pygame."""

import os
import shutil
import tempfile

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

# The suite never writes to the real user folders: settings, saves and results go
# to one temporary folder per run (a developer may point them elsewhere by setting them first).
_SANDBOX = tempfile.mkdtemp(prefix="chip-race-tests-")
for _name, _sub in (("CHIP_RACE_CONFIG_DIR", "config"), ("CHIP_RACE_DATA", "data"),
                    ("CHIP_RACE_RESULTS_DIR", "results")):
    os.environ.setdefault(_name, os.path.join(_SANDBOX, _sub))
# Installed mods (the game's mods/ and the player's mods folder) never change a test's game: commands
# run as with --no-mods; the tests of mods load them explicitly (or clear this to test the default).
os.environ["CHIP_RACE_NO_MODS"] = "1"
os.environ["CHIP_RACE_MODS_DIR"] = os.path.join(_SANDBOX, "mods")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden playthroughs in tests/golden/ instead of comparing")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_SANDBOX, ignore_errors=True)
