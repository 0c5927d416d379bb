"""The developer console: fire any event on the game in progress and read what it does.

Off unless switched on (the Mods screen's *Developer console* button, kept with the settings); then
F12 during a game opens it. Type an event id (Tab completes it; a choice number may follow: ``huawei_7nm
2``) and press Enter: the report of ``python main.py fire`` (:func:`game.tools.fire.fire_report`) is
shown, worked out on a copy of the game, which itself is not changed. Esc closes.
"""

from __future__ import annotations

from html import escape
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui import theme
from game.ui.scene import Scene, panel


def complete(prefix: str, ids: list[str]) -> str:
    """The longest common start of the ids beginning with ``prefix`` (``prefix`` itself if none).

    Example::

        >>> complete("us_b", ["us_ban_a100_h100", "us_ban_h800", "deepseek_r1"])
        'us_ban_'
    """
    found = [i for i in ids if i.startswith(prefix)]
    if not found:
        return prefix
    start = found[0]
    for other in found[1:]:
        while not other.startswith(start):
            start = start[:-1]
    return start


class ConsoleScene(Scene):
    screen_id = "console"

    def __init__(self, app: Any):
        super().__init__(app)
        self.entry: UITextEntryLine | None = None
        self.output = ""
        self.typed = ""

    def event_ids(self) -> list[str]:
        session = self.app.session
        return sorted(session.game.rules.events_by_id) if session is not None else []

    def build(self) -> None:
        self.label((40, 24, 1200, 44), self.t("mods.console.title"), "#title")
        self.textbox((40, 74, 1200, 66), escape(self.t("mods.console.help")), "#small")
        self.entry = self.add(UITextEntryLine(pygame.Rect(40, 150, 1200, 40), self.app.manager), focus=True)
        self.entry.set_text(self.typed)
        self.entry.focus()
        self.textbox((40, 202, 1200, 424), self.output)
        self.button((40, 640, 200, 48), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_TAB and self.entry is not None:
            text = self.entry.get_text()
            self.entry.set_text(complete(text.strip(), self.event_ids()) if " " not in text.strip() else text)
            self.entry.edit_position = len(self.entry.get_text())
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and getattr(event, "ui_element", None) is self.entry:
            self.fire(self.entry.get_text() if self.entry else "")
            return True
        return super().handle_event(event)

    def fire(self, text: str) -> None:
        """Fire the event typed (``id`` or ``id N``) on a copy of the game and show the report."""
        from game.cli import UsageError
        from game.tools.fire import fire_report

        session = self.app.session
        words = text.split()
        self.typed = text
        if session is None or not words:
            return
        choice = int(words[1]) if len(words) > 1 and words[1].isdigit() else None
        try:
            report = fire_report(session.game.content, session.state.scenario, words[0], session.state.date[:7],
                                 choice, lang=self.lang, state=session.state, game=session.game)
            lines = report.lines
        except UsageError as exc:
            lines = [str(exc)]
        self.output = "<br>".join(escape(line) for line in lines)
        self.app.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        panel(surface, (32, 196, 1216, 438))
