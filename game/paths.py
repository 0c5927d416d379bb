"""Where the game's own files are: assets, scenarios, the example mod (read-only data).

One answer for the three ways the game is run:

- from a clone (``python main.py``): the folders sit next to ``game/`` (``assets/``, ``scenarios/``,
  ``mods/``), where the design fixes them;
- installed (``pip install .``): ``pyproject.toml`` maps the same folders into the package as
  ``game/assets``, ``game/scenarios`` and ``game/mods``;
- the one-folder app (``scripts/build_app.py``, PyInstaller): the bundle keeps them at those same
  places inside the package folder it unpacks modules from.

The package folder wins when it holds ``assets``; otherwise the folder above it (the clone) is used.
What the game writes (settings, saves, results) never goes here: see ``game.ui.settings``,
``game.saves`` and ``game.ui.persist``.

Example::

    >>> (ASSETS / "strings" / "en").is_dir() and (SCENARIOS / "world.yaml").is_file()
    True
"""

from __future__ import annotations

from pathlib import Path

#: The ``game`` package's own folder (inside site-packages or the bundle when installed).
PACKAGE = Path(__file__).resolve().parent


def data_root(package: Path = PACKAGE) -> Path:
    """The folder that holds ``assets``, ``scenarios`` and ``mods``: the package when they were
    installed into it, else the clone's top folder.

    Example::

        >>> data_root() in (PACKAGE, PACKAGE.parent)
        True
    """
    return package if (package / "assets").is_dir() else package.parent


ROOT = data_root()
ASSETS = ROOT / "assets"
SCENARIOS = ROOT / "scenarios"
MODS = ROOT / "mods"
