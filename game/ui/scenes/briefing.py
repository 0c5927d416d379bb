"""The briefing: the first screen of a new game says who you are, what the scenario asks of you (its
goals, with the points each is worth) and how the game ends, before the tutorial and the first news.
The score parts stay on the dashboard afterwards; this is the moment a student reads them."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import pygame

from game.engine.scoring import lab_goals
from game.ui import theme
from game.ui.scene import Scene, panel

BOX = pygame.Rect(190, 60, 900, 600)


def goal_lines(app: Any) -> list[str]:
    """The player's goals as lines "Lead the best rival model (35 points)", in the player's language."""
    s = app.strings
    lines = []
    for goal in lab_goals(app.session.game.scenario, app.session.lab().side):
        name = s.pick(goal.label) if goal.label is not None else s.t(f"ui.brief.kind.{goal.kind}")
        lines.append(s.t("ui.brief.goal", goal=name, points=goal.weight))
    return lines


class BriefingScene(Scene):
    screen_id = "briefing"
    overlay = True

    def __init__(self, app: Any, on_close: Callable[[None], None] | None = None):
        super().__init__(app, on_close)

    def build(self) -> None:
        session = self.app.session
        s = self.app.strings
        scenario = session.game.scenario
        lab = session.lab()
        self.label((BOX.x + 24, BOX.y + 20, BOX.w - 48, 36),
                   self.fit(s.pick(scenario.title), BOX.w - 60, "big", True), "#heading")
        html = "<br>".join([
            f"<b>{escape(self.t('ui.brief.you', lab=lab.name, side=self.t(f'side.{lab.side}')))}</b>",
            "",
            f"<b>{escape(self.t('ui.brief.goals'))}</b>",
            *(f"• {escape(line)}" for line in goal_lines(self.app)),
            "",
            escape(self.t("ui.brief.score", turns=len(session.game.rules.dates))),
        ])
        self.textbox((BOX.x + 24, BOX.y + 70, BOX.w - 48, BOX.h - 160), html, "#card_text")
        go = self.button((BOX.right - 344, BOX.bottom - 72, 320, 52), self.t("ui.brief.start"), self.close,
                         self.t("ui.key_tip", k="Enter"), "#primary")
        self.key(pygame.K_RETURN, self.close)
        self.focus.focus(go)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)
