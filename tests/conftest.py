"""Test-wide settings: headless SDL before anything imports pygame."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def pytest_addoption(parser):  # noqa: ANN001, ANN201 - pytest hook
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden playthroughs in tests/golden/ instead of comparing")
