"""Projector-readable: every screen, in both languages and both text sizes, has no text wider or taller
than its box and no pygame_gui "text does not fit" warning, and no text under 16 px."""

from __future__ import annotations

import pytest

from game.ui import theme
from tests.ui.fit import check_every_screen, make_app


def test_no_text_under_16_px_at_the_normal_size() -> None:
    import pygame

    pygame.font.init()
    theme.forget_fonts()
    assert min(theme.font_sizes(theme.TEXT_SCALES["normal"]).values()) >= 16
    assert theme.font(11).get_height() == theme.font(16).get_height()  # a chart asking for less gets 16


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", ["normal", "large"])
def test_every_text_fits_its_box(lang: str, size: str) -> None:
    problems = check_every_screen(make_app(lang, size))
    assert not problems, "\n".join(problems)
