"""The Mods screen: installed mods, switched on or off, loaded or disabled with their problems; F5 reload.

Loading, switching and reloading are the app's content service (:mod:`game.ui.content_service`);
this screen shows the mods and says what a switch or a reload did, in its status line.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import pygame

from game.content.mods import ModInfo
from game.ui import theme
from game.ui.content_service import load_enabled
from game.ui.scene import Scene, panel


class ModsScene(Scene):
    screen_id = "mods"

    def __init__(self, app: Any, on_close: Callable[[None], None] | None = None):
        super().__init__(app, on_close)
        self.selected: str | None = None
        self.status = ""

    def mods(self) -> list[ModInfo]:
        return list(getattr(self.app.content, "mods", ()))

    def build(self) -> None:
        self.label((40, 24, 1200, 44), self.t("mods.screen.title"), "#title")
        mods = self.mods()
        if self.selected not in {m.id for m in mods}:
            self.selected = mods[0].id if mods else None
        y = 90
        for info in mods:
            state = self._state_word(info)
            btn = self.button((40, y, 420, 44), f"{info.manifest.name if info.manifest else info.folder} — {state}",
                              lambda i=info.id: self._select(i), object_id="#toggle")
            if info.id == self.selected:
                btn.select()
            y += 52
        if not mods:
            self.textbox((40, 90, 420, 120), escape(self.t("mods.screen.empty", folder=", ".join(self._folders()))))
        self.textbox((40, 470, 420, 98), escape(self.t("mods.screen.folders", folders="\n".join(self._folders())))
                     .replace("\n", "<br>"), "#small")
        chosen = next((m for m in mods if m.id == self.selected), None)
        self.textbox((490, 90, 750, 470), self._details(chosen) if chosen else "")
        x = 490
        if chosen is not None and chosen.manifest is not None:
            on = chosen.id in load_enabled()
            self.button((x, 580, 240, 48), self.t("mods.screen.switch_off" if on else "mods.screen.switch_on"),
                        lambda: self._toggle(chosen.id))
            x += 255
        self.button((x, 580, 240, 48), self.t("mods.screen.reload"), self.app.flow.reload_content,
                    self.t("ui.key_tip", k="F5"))
        console = self.app.settings.dev_console
        self.button((760, 640, 480, 48), self.t("mods.screen.console_on" if console else "mods.screen.console_off"),
                    self._toggle_console, self.t("mods.screen.console_tip"))
        self.button((40, 640, 200, 48), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))
        if self.status:
            self.label((260, 650, 490, 30), self.status, "#small")
        self.key(pygame.K_F5, self.app.flow.reload_content)

    def _state_word(self, info: ModInfo) -> str:
        if info.enabled:
            return self.t("mods.screen.enabled", position=(info.position or 0) + 1)
        if info.switched_off and not info.errors:
            return self.t("mods.screen.switched_off")
        return self.t("mods.screen.disabled")

    def _details(self, info: ModInfo) -> str:
        lang = self.lang
        parts = []
        if info.manifest is not None:
            man = info.manifest
            by = self.t("mods.screen.by", version=man.version, author=man.author)
            parts.append(f"<b>{escape(man.name)}</b><br>{escape(by)}")
            parts.append(escape(self.app.strings.pick(man.description)))
        parts.append(f"<b>{escape(self._state_word(info))}</b>")
        if info.problems:
            items = [f"• {escape(p.text(lang))}<br><i>{escape(p.file)}, {self.t('mods.screen.line', line=p.line)}</i>"
                     for p in info.problems]
            parts.append("<br>".join(items))
        elif not info.switched_off:
            parts.append(escape(self.t("mods.screen.no_problems")))
        return "<br><br>".join(parts)

    def _folders(self) -> list[str]:
        """The folders mods are read from: the player's first, then the game's."""
        from game.content.loader import display_name
        from game.content.sources import installed_roots

        return [display_name(folder) for folder in installed_roots()]

    def _toggle_console(self) -> None:
        """The developer console (F12 in a game) on or off, kept with the settings."""
        from dataclasses import replace

        self.app.apply_settings(replace(self.app.settings, dev_console=not self.app.settings.dev_console))
        self.app.rebuild()

    def _select(self, ident: str) -> None:
        self.selected = ident
        self.app.rebuild()

    def _toggle(self, ident: str) -> None:
        _ok, self.status = self.app.content_service.switch_mod(self.app.strings, self.app.session, ident)
        self.app.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        panel(surface, (480, 82, 770, 486))
