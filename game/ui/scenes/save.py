"""Save under a name: a small dialog with the name field filled in (Enter saves, Esc cancels).

Each name is its own slot in the saves folder, so a class can keep several games side by side
(``cn_lab 2023-04``, ``try with open weights``…); the same name again overwrites that slot. The
name chosen goes to the ``on_close`` callback (``None`` when cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui.scenes.crash import BOX, MessageScene


class SaveScene(MessageScene):
    screen_id = "save"

    def __init__(self, app: Any, default_name: str, on_close: Callable[[str | None], None]):
        super().__init__(app, app.strings.t("ui.save.title"), app.strings.t("ui.save.text"), on_close)
        self.default_name = default_name
        self.entry: UITextEntryLine | None = None

    def build(self) -> None:
        self.label((BOX.x + 24, BOX.y + 20, BOX.w - 48, 36), self.title, "#heading")
        box = self.textbox((BOX.x + 24, BOX.y + 64, BOX.w - 48, -1), self.text)  # as tall as its text
        self.entry = self.add(UITextEntryLine(pygame.Rect(BOX.x + 24, max(BOX.y + 166, box.rect.bottom + 10),
                                                          BOX.w - 48, 40),
                                              self.app.manager), focus=True)
        self.entry.set_text(self.default_name)
        self.entry.focus()
        self.button((BOX.x + 24, BOX.bottom - 64, 200, 44), self.t("ui.cancel"), self.close,
                    self.t("ui.key_tip", k="Esc"))
        self.button((BOX.right - 224, BOX.bottom - 64, 200, 44), self.t("ui.save.do"), self.confirm,
                    self.t("ui.key_tip", k="Enter"), "#primary")

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and getattr(event, "ui_element", None) is self.entry:
            self.confirm()
            return True
        return super().handle_event(event)

    def confirm(self) -> None:
        name = (self.entry.get_text() if self.entry else "").strip() or self.default_name
        self.close(name)
