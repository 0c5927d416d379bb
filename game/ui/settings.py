"""The player's settings, kept between runs in the user config folder (platformdirs).

``CHIP_RACE_CONFIG_DIR`` overrides the folder (tests, portable installs on a USB stick).

Example::

    >>> s = Settings(language="fr")
    >>> Settings.from_dict(s.to_dict()).language
    'fr'
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import platformdirs

from game.i18n import LANGUAGES

WINDOW_SIZES = ((1280, 720), (1600, 900), (1920, 1080))
TEXT_SIZES = ("normal", "large")


def config_dir() -> Path:
    """Where settings live: ``CHIP_RACE_CONFIG_DIR`` or the platform's user config folder."""
    override = os.environ.get("CHIP_RACE_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("chip-race", appauthor=False))


@dataclass
class Settings:
    language: str = "en"
    window: str = "1280x720"
    fullscreen: bool = False
    text_size: str = "normal"
    sound: bool = True
    motion: bool = True  # short transitions; off for a projector
    tutorial_done: bool = False
    games_started: int = 0
    dev_console: bool = False  # modders: F12 opens the developer console (game/ui/scenes/console.py)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings from a dict, ignoring unknown keys and replacing bad values by defaults."""
        known = {f.name for f in fields(cls)}
        s = cls(**{k: v for k, v in data.items() if k in known})
        default = cls()
        if s.language not in LANGUAGES:
            s.language = default.language
        if s.window not in [f"{w}x{h}" for w, h in WINDOW_SIZES]:
            s.window = default.window
        if s.text_size not in TEXT_SIZES:
            s.text_size = default.text_size
        s.fullscreen, s.sound, s.tutorial_done = bool(s.fullscreen), bool(s.sound), bool(s.tutorial_done)
        s.motion, s.dev_console = bool(s.motion), bool(s.dev_console)
        s.games_started = s.games_started if isinstance(s.games_started, int) and s.games_started >= 0 else 0
        return s

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def window_size(self) -> tuple[int, int]:
        w, h = self.window.split("x")
        return int(w), int(h)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings, or the defaults when there are none or the file is damaged."""
    try:
        return Settings.from_dict(json.loads(settings_path().read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return Settings()


def save_settings(settings: Settings) -> None:
    """Write the settings atomically (a temporary file renamed over the old one)."""
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings.to_dict(), indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only profile must not stop the game; settings then last for this run only
