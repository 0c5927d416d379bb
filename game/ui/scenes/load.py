"""Load a saved game: the saves folder's games, newest first as ``game.saves.list_saves`` gives them,
each with what a student needs to recognise it — its name (or "Autosave"), the scenario, the game's
date and turn, and when it was saved. The game loaded goes to the ``on_close`` callback as a session
(``None`` when the player goes back)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pygame

from game import saves
from game.ui import persist, theme
from game.ui.scene import Scene
from game.ui.scenes.frontpage import day_month_year
from game.ui.session import Session
from game.ui.view import month_year

#: Rows shown, newest first (autosaves are pruned to game.saves.shelf.KEEP_AUTOSAVES).
ROWS = 8
ROW_H = 62
LIST = pygame.Rect(140, 100, 1000, ROW_H * ROWS)


def saved_at(modified_ns: int, lang: str) -> str:
    """When a save was written, as a student reads it ("2 March 2026, 09:15")."""
    moment = datetime.fromtimestamp(modified_ns / 1e9)
    return f"{day_month_year(moment.date().isoformat(), lang)}, {moment:%H:%M}"


class LoadScene(Scene):
    screen_id = "load"

    def __init__(self, app: Any, on_close: Callable[[Session | None], None] | None = None):
        super().__init__(app, on_close)

    def row_text(self, info: saves.SaveInfo) -> tuple[str, str]:
        """One save as two lines: its name, the game's date and turn; then the scenario."""
        if not info.ok:
            return self.t("ui.load.damaged", name=info.path.stem), ""
        name = self.t("ui.load.autosave") if info.autosave else info.name
        scenario = self.app.content.scenarios.get(info.scenario)
        title = self.app.strings.pick(scenario.title) if scenario is not None else str(info.scenario)
        parts = [name, self.t("ui.load.when", date=month_year(info.date or "", self.lang), turn=(info.turn or 0) + 1)]
        if info.over:
            parts.append(self.t("ui.load.over"))
        return " · ".join(parts), title

    def build(self) -> None:
        self.label((LIST.x, 30, LIST.w, 44), self.t("ui.load.title"), "#title")
        infos = saves.list_saves(content=self.app.content)[:ROWS]
        y = LIST.y
        for info in infos:
            first, second = self.row_text(info)
            tip = str(info.error.message(self.lang)) if info.error is not None else f"{first}<br>{second}"
            # a save's own name can be long: shortened on the button, whole in its tooltip
            self.button((LIST.x, y, LIST.w - 300, 38), self.fit(first, LIST.w - 330), lambda p=info.path: self._load(p),
                        tip, enabled=info.ok)
            self.label((LIST.right - 290, y, 290, 38), saved_at(info.modified_ns, self.lang), "#small")
            if second:
                self.label((LIST.x + 12, y + 38, LIST.w - 12, 22), self.fit(second, LIST.w - 12, "small"), "#small")
            y += ROW_H
        if not infos:
            self.label((LIST.x, y, LIST.w, 30), self.t("ui.load.none"))
        self.error = self.label((LIST.x, 610, LIST.w, 30), "", "#reason")
        self.button((LIST.x, 650, 200, 48), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))

    def _load(self, path: Path) -> None:
        try:
            session = persist.load_from(path)
        except persist.PersistError as exc:
            self.error.set_text(self.fit(self.t("ui.load.failed") + " " + str(exc), LIST.w))
            return
        self.close(session)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
