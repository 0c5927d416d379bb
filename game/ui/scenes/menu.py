"""The main menu: new game, continue, load, settings, help, extras (mods), quit. A game started
or loaded from its screens comes back by callback and goes to the flow."""

from __future__ import annotations

from dataclasses import replace

import pygame

from game.ui import persist, theme
from game.ui.scene import Scene
from game.ui.scenes import MENU_EXTRAS, load_extra
from game.ui.scenes.crash import MessageScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.newgame import NewGameScene
from game.ui.scenes.settings import SettingsScene
from game.ui.session import Session


class MenuScene(Scene):
    screen_id = "menu"

    def build(self) -> None:
        x, w, y = 490, 300, 250
        self.label((0, 120, 1280, 50), self.t("app.title"), "#title_center")
        first = self.button((x, y, w, 48), self.t("ui.menu.new"), self.new_game,
                            self.t("ui.menu.new_tip"), "#primary")
        y += 60
        latest = persist.latest_save()
        cont_tip = self.t("ui.menu.continue_tip") if latest else self.t("ui.menu.no_autosave")
        self.button((x, y, w, 42), self.t("ui.menu.continue"), self._continue, cont_tip, enabled=latest is not None)
        y += 52
        self.button((x, y, w, 42), self.t("ui.menu.load"), lambda: self.app.push(LoadScene(self.app, self._play)),
                    self.t("ui.menu.load_tip"))
        y += 52
        self.button((x, y, w, 42), self.t("ui.menu.settings"), lambda: self.app.push(SettingsScene(self.app)))
        y += 52
        self.button((x, y, w, 42), self.t("ui.menu.help"), lambda: self.app.push(HelpScene(self.app)),
                    self.t("ui.key_tip", k="F1"))
        y += 52
        for key, spec in MENU_EXTRAS:
            cls = load_extra(spec)
            if cls is not None:
                self.button((x, y, w, 42), self.t(key), lambda cls=cls: self.app.push(cls(self.app)))
                y += 52
        self.button((x, y, w, 42), self.t("ui.menu.quit"), self.app.quit, self.t("ui.key_tip", k="Esc"))
        other = "fr" if self.lang == "en" else "en"
        self.button((1100, 660, 160, 40), self.t(f"ui.lang.switch_to_{other}"), lambda: self._language(other),
                    self.t("ui.key_tip", k="L"))
        self.key(pygame.K_l, lambda: self._language(other))
        self.key(pygame.K_n, self.new_game)
        self.focus.focus(first)

    def new_game(self) -> None:
        self.app.push(NewGameScene(self.app, self._play))

    def _play(self, session: Session | None) -> None:
        """A game came back from the new-game or load screen: the flow shows it."""
        self.app.flow.start_game(session)

    def _language(self, lang: str) -> None:
        self.app.apply_settings(replace(self.app.settings, language=lang))

    def _continue(self) -> None:
        path = persist.latest_save()
        if path is None:
            return
        try:
            session = persist.load_from(path)
        except persist.PersistError as exc:
            self.app.push(MessageScene(self.app, self.t("ui.load.failed"), str(exc)))
            return
        self._play(session)

    def back(self) -> None:
        self.app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        text = theme.font(20).render(self.t("app.tagline"), True, theme.MUTED)
        surface.blit(text, text.get_rect(center=(640, 200)))
        # A strip of the palette: the game's colours, each with its own shape in the charts.
        for i, colour in enumerate(theme.SERIES[:6]):
            pygame.draw.rect(surface, colour, (490 + i * 50, 100, 44, 6))
