"""Dialogs: the crash dialog (a report was written; back to the menu), a message, a yes/no question
(the answer goes to its ``on_close`` callback: True for yes, False or None for no)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.ui import theme
from game.ui.scene import Scene, panel

BOX = pygame.Rect(290, 200, 700, 320)


class MessageScene(Scene):
    screen_id = "message"
    overlay = True

    def __init__(self, app: Any, title: str, text: str, on_close: Callable[[Any], None] | None = None):
        super().__init__(app, on_close)
        self.title, self.text = title, text

    def build(self) -> None:
        self.label((BOX.x + 24, BOX.y + 20, BOX.w - 48, 36), self.title, "#heading")
        self.textbox((BOX.x + 24, BOX.y + 64, BOX.w - 48, 170), self.text)
        self.button((BOX.right - 284, BOX.bottom - 64, 260, 44), self.t("ui.ok"), self.close, None, "#primary")

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)


class CrashScene(MessageScene):
    screen_id = "crash"

    def __init__(self, app: Any, report: Path | None):
        text = app.strings.t("ui.crash.text") + "<br><br>" + (
            app.strings.t("ui.crash.report", path=str(report)) if report else app.strings.t("ui.crash.no_report"))
        super().__init__(app, app.strings.t("ui.crash.title"), text)

    def build(self) -> None:
        super().build()
        self.elements[-1].set_text(self.t("ui.crash.back"))


class ConfirmScene(MessageScene):
    screen_id = "confirm"

    def __init__(self, app: Any, title: str, text: str, on_close: Callable[[bool | None], None]):
        super().__init__(app, title, text, on_close)

    def build(self) -> None:
        self.label((BOX.x + 24, BOX.y + 20, BOX.w - 48, 36), self.title, "#heading")
        self.textbox((BOX.x + 24, BOX.y + 64, BOX.w - 48, 170), self.text)
        self.button((BOX.x + 24, BOX.bottom - 64, 200, 44), self.t("ui.no"), lambda: self.close(False),
                    self.t("ui.key_tip", k="Esc"))
        self.button((BOX.right - 224, BOX.bottom - 64, 200, 44), self.t("ui.yes"), lambda: self.close(True), None,
                    "#primary")
