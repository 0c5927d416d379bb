"""Settings: language, window size, fullscreen, text size, sound. Saved at once (platformdirs)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from game.ui import theme
from game.ui.scene import Scene
from game.ui.settings import TEXT_SIZES, WINDOW_SIZES


class SettingsScene(Scene):
    screen_id = "settings"

    def build(self) -> None:
        st = self.app.settings
        self.label((340, 40, 600, 44), self.t("ui.settings.title"), "#title")
        y = 110
        y = self._row(y, "ui.settings.language", [("en", "English"), ("fr", "Français")], st.language, "language")
        y = self._row(y, "ui.settings.window", [(f"{w}x{h}", f"{w} × {h}") for w, h in WINDOW_SIZES], st.window,
                      "window")
        y = self._row(y, "ui.settings.fullscreen", [(False, self.t("ui.off")), (True, self.t("ui.on"))],
                      st.fullscreen, "fullscreen")
        y = self._row(y, "ui.settings.text_size", [(v, self.t(f"ui.settings.text_{v}")) for v in TEXT_SIZES],
                      st.text_size, "text_size")
        y = self._row(y, "ui.settings.sound", [(False, self.t("ui.off")), (True, self.t("ui.on"))], st.sound, "sound")
        y = self._row(y, "ui.settings.motion", [(False, self.t("ui.off")), (True, self.t("ui.on"))], st.motion,
                      "motion")
        self.label((556, 652, 720, 24), self.t("ui.settings.saved_note"), "#small")
        self.button((340, 640, 200, 48), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))

    def _row(self, y: int, title: str, options: list[tuple[Any, str]], current: Any, field: str) -> int:
        self.label((340, y, 600, 26), self.t(title), "#heading")
        y += 30
        w = (600 - 8 * (len(options) - 1)) // len(options)
        for i, (value, text) in enumerate(options):
            btn = self.button((340 + i * (w + 8), y, w, 40), text, lambda v=value: self._set(field, v),
                              object_id="#toggle")
            if value == current:
                btn.select()
        return y + 56

    def _set(self, field: str, value: Any) -> None:
        keep = self.focus.index
        self.app.apply_settings(replace(self.app.settings, **{field: value}))
        self.app.rebuild()
        self.focus.index = keep

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
