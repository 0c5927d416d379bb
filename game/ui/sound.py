"""Short sounds (button click, news card, end of turn, market crash), played with pygame.mixer.

The WAV files are made once by ``assets/sounds/make_sounds.py`` and committed. Sound honours the
player's setting, and never stops the game: no audio device, a mixer that will not start, or a
missing file simply mean silence.

Example::

    >>> bank = SoundBank(folder=Path("assets/sounds"))
    >>> bank.play("click")      # True if heard (or sent to a dummy driver), False if silent   # doctest: +SKIP
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.engine.notes import Note
from game.ui.theme import ASSETS

SOUND_DIR = ASSETS / "sounds"
#: The sounds the game knows (file names without ``.wav``).
NAMES = ("click", "card", "end_turn", "crash")
#: A market move at least this big (basis points, downwards) plays the crash sting.
CRASH_BP = -800


class SoundBank:
    """Loads the sounds on first use; remembers what it played (tests read ``played``)."""

    def __init__(self, folder: Path = SOUND_DIR):
        self.folder = folder
        self.sounds: dict[str, Any] = {}
        self.ready: bool | None = None  # None: not tried yet
        self.played: list[str] = []

    def _start(self) -> bool:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=1, buffer=512)
            for name in NAMES:
                path = self.folder / f"{name}.wav"
                if path.exists():
                    self.sounds[name] = pygame.mixer.Sound(str(path))
        except Exception:  # no audio device, no mixer in this pygame build, a damaged file: stay silent
            self.sounds = {}
            return False
        return True

    def play(self, name: str) -> bool:
        """Play ``name`` once; False when it cannot be heard (no device, unknown sound)."""
        if self.ready is None:
            self.ready = self._start()
        sound = self.sounds.get(name) if self.ready else None
        if sound is None:
            return False
        try:
            sound.play()
        except Exception:
            return False
        self.played.append(name)
        del self.played[:-20]
        return True


def play(app: Any, name: str) -> bool:
    """Play ``name`` if the player's sound setting is on (the one call scenes make)."""
    if not app.settings.sound:
        return False
    bank = getattr(app, "sounds", None)
    if bank is None:
        bank = app.sounds = SoundBank()
    return bank.play(name)


def is_crash(notes: list[Note]) -> bool:
    """Whether these notes hold a market crash (a share price falling by 8% or more at once)."""
    return any(n.key == "market.move" and n.params.get("bp", 0) <= CRASH_BP for n in notes)
