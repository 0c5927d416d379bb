"""Look of the window: the colour-blind-safe palette, the bundled font, the pygame_gui theme.

The palette is Okabe & Ito's (safe for the common colour-vision deficiencies); every figure that
uses colour also carries a text label or a marker shape, so nothing depends on colour alone.
The theme JSON (``assets/ui/theme.json``) names font sizes as ``{body}``, ``{small}``, ``{big}``,
``{title}``: they are filled in here from the player's text-size setting.

Example::

    >>> theme_dict(1.0)["defaults"]["font"]["size"], min(font_sizes(1.0).values()) >= MIN_TEXT
    ('16', True)
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pygame

from game.paths import ASSETS

FONT_REGULAR = ASSETS / "fonts" / "DejaVuSans.ttf"
FONT_BOLD = ASSETS / "fonts" / "DejaVuSans-Bold.ttf"
FONT_ITALIC = ASSETS / "fonts" / "DejaVuSans-Oblique.ttf"
FONT_BOLD_ITALIC = ASSETS / "fonts" / "DejaVuSans-BoldOblique.ttf"
THEME_FILE = ASSETS / "ui" / "theme.json"

#: The logical size of the window; larger windows scale it up (pygame.SCALED).
SIZE = (1280, 720)

#: Okabe-Ito palette plus neutrals.
BG = (247, 245, 240)
PANEL = (255, 255, 255)
BORDER = (180, 180, 180)
INK = (17, 17, 17)
MUTED = (96, 96, 96)
BLUE = (0, 114, 178)
ORANGE = (230, 159, 0)
GREEN = (0, 158, 115)
PINK = (204, 121, 167)
SKY = (86, 180, 233)
VERMILION = (213, 94, 0)
YELLOW = (240, 228, 66)
BLACK = (0, 0, 0)
FOCUS = (0, 0, 0)
#: Series colours in order; charts also draw a different marker for each series.
SERIES = (BLUE, VERMILION, GREEN, PINK, ORANGE, SKY, BLACK, (120, 94, 240))

#: Text sizes (pixels of the logical 1280x720 window) for the setting "normal" and "large".
TEXT_SCALES = {"normal": 1.0, "large": 1.2}
#: No text is smaller than this (pixels at 1280x720): on a classroom projector, smaller letters run
#: together ("rn" reads as "m"). The "small" style is small by its muted colour, not its size.
MIN_TEXT = 16
_BASE_SIZES = {"small": MIN_TEXT, "body": 16, "big": 19, "title": 30}


def font_sizes(scale: float) -> dict[str, int]:
    """Pixel sizes of the four text styles at ``scale``."""
    return {name: round(size * scale) for name, size in _BASE_SIZES.items()}


def theme_dict(scale: float) -> dict[str, Any]:
    """The pygame_gui theme with its font sizes filled in for ``scale``."""
    text = THEME_FILE.read_text(encoding="utf-8")
    for name, size in font_sizes(scale).items():
        text = text.replace("{" + name + "}", str(size))
    theme = json.loads(text)
    paths = {"regular_path": str(FONT_REGULAR), "bold_path": str(FONT_BOLD), "italic_path": str(FONT_ITALIC),
             "bold_italic_path": str(FONT_BOLD_ITALIC)}
    for block in theme.values():
        if isinstance(block, dict) and "font" in block:
            block["font"].update(paths)
    return theme


def font(size: int, bold: bool = False):
    """A pygame font of the bundled face, never under :data:`MIN_TEXT` pixels (charts and pictures
    draw their own text and ask for sizes of their own)."""
    return _font(max(size, MIN_TEXT), bold)


@cache
def _font(size: int, bold: bool) -> pygame.font.Font:
    """Cached: opening a TTF costs a few milliseconds."""
    return pygame.font.Font(str(FONT_BOLD if bold else FONT_REGULAR), size)


def forget_fonts() -> None:
    """Drop the cached fonts (they are dead after ``pygame.quit()``; a new window opens them again)."""
    _font.cache_clear()
