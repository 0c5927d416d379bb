"""Where mods come from, and which content a command plays: the shipped content plus the mods.

Installed mods are the folders inside the game's own ``mods/`` and inside the player's mods folder
(:func:`user_mods_dir`, a folder of the platform's user data place, which survives updates of the
game). A command loads them all by default; ``--mod PATH`` adds a mod from anywhere and ``--no-mods``
plays the shipped content only (:class:`ModChoice`).

``CHIP_RACE_NO_MODS`` (any value but empty) leaves the installed mods out as ``--no-mods`` does: the
test suite sets it, so a modder's own mods can never change its results.

Example::

    >>> ModChoice(installed=False).load().mods
    ()
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from game.content.loader import load_content
from game.content.models import Content
from game.content.mods import MODS_DIR, load_content_with_mods, mod_folder

APP_NAME = "chip-race"
NO_MODS_ENV = "CHIP_RACE_NO_MODS"


def user_mods_dir() -> Path:
    """The player's own mods folder: ``CHIP_RACE_MODS_DIR`` when set, else ``mods`` in the game's
    user data folder (``CHIP_RACE_DATA`` or the platform's, as saves use). Not created here."""
    override = os.environ.get("CHIP_RACE_MODS_DIR")
    if override:
        return Path(override)
    data = os.environ.get("CHIP_RACE_DATA")
    return (Path(data) if data else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))) / "mods"


def installed_roots() -> list[Path]:
    """The folders whose sub-folders are installed mods: the player's first (a copy of a mod there,
    being edited, wins over the game's), then the game's own."""
    return [user_mods_dir(), MODS_DIR]


def installed_by_default() -> bool:
    """False when ``CHIP_RACE_NO_MODS`` is set (tests, a class that must play the shipped game only)."""
    return not os.environ.get(NO_MODS_ENV)


@dataclass(frozen=True)
class ModChoice:
    """Which mods a command loads: the installed ones or none, plus some given by path.

    Plain data that pickles, so worker processes (``simulate``) load the same content.
    """

    installed: bool = True
    paths: tuple[str, ...] = ()

    @classmethod
    def of(cls, paths: Sequence[str | Path] | None = None, no_mods: bool = False) -> ModChoice:
        return cls(installed=not no_mods and installed_by_default(),
                   paths=tuple(str(Path(p).resolve()) for p in paths or ()))

    @property
    def shipped_only(self) -> bool:
        return not self.installed and not self.paths

    def load(self) -> Content:
        """The content: shipped (cached) when no mod is wanted, else shipped plus the mods in load order.

        Raises :class:`game.content.loader.ContentError` only when the shipped content is broken.
        """
        if self.shipped_only:
            return load_content()
        roots = installed_roots() if self.installed else []
        return load_content_with_mods(roots, extra=[mod_folder(Path(p)) for p in self.paths])
