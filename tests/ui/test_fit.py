"""Projector-readable: every screen, in both languages and both text sizes, has no text wider or taller
than the room its box shows, no text shortened with "…", no scroll bar on a short message, no widget
outside the window, no pygame_gui "text does not fit" warning, and no text under 16 px."""

from __future__ import annotations

import pytest

from game.ui import theme
from tests.ui.fit import check_every_screen, make_app, outside, overflows, scrolled, shortened


def test_no_text_under_16_px_at_the_normal_size() -> None:
    import pygame

    pygame.font.init()
    theme.forget_fonts()
    assert min(theme.font_sizes(theme.TEXT_SCALES["normal"]).values()) >= 16
    assert theme.font(11).get_height() == theme.font(16).get_height()  # a chart asking for less gets 16


def test_the_checks_see_the_defects_they_were_made_for() -> None:
    """The old defects, rebuilt on a bare screen: each check finds its own (a check that cannot fail
    would pass every screen)."""
    from game.ui.scene import Scene

    class Defects(Scene):
        screen_id = "defects"

        def build(self) -> None:
            self.button((762, 325, 108, 26), "Course [V]", None, object_id="#small")  # its "]" was clipped
            self.label((16, 72, 400, 31), "Score 27/100 · victoire d…", "#heading")  # shortened to fit
            self.textbox((886, 409, 382, 54), "⚠ Aucun modèle en vente pour l'instant, et une raison longue")
            self.button((1200, 700, 120, 40), "Menu", None)  # partly under the window's bottom right
            self.button((20, 20, 200, 40), "Vers un dossier…", None)  # a whole string that ends with "…"
            self.textbox((20, 300, 300, 40), "a log<br>of<br>many<br>lines", long=True)

    app = make_app("fr", "large")
    app.push(Defects(app))
    app.frame(0)
    assert [p.split("'")[1] for p in overflows(app)] == ["Course [V]"]
    assert [p.split("'")[1] for p in shortened(app)] == ["Score 27/100 · victoire d…"]
    assert len(scrolled(app)) == 1 and "Aucun modèle" in scrolled(app)[0]
    assert [p.split("'")[1] for p in outside(app)] == ["Menu"]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", ["normal", "large"])
def test_every_text_fits_its_box(lang: str, size: str) -> None:
    problems = check_every_screen(make_app(lang, size))
    assert not problems, "\n".join(problems)
