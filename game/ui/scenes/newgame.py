"""New game: scenario (with its description and length), players, side, difficulty, length,
history on or off, language, an optional class code from the teacher, and a nickname for the exported
results. The new game goes to the ``on_close`` callback as a session (``None`` when the player goes
back)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextEntryLine

from game.classcode import ClassCodeError, parse_class_code
from game.lessons import length_choices, lengths_text
from game.ui import theme
from game.ui.scene import Scene, panel
from game.ui.session import Session

DIFFICULTIES = ("easy", "normal", "hard")


class UnknownScenario(Exception):
    """A well-formed class code naming a scenario this installation does not have."""

    def __init__(self, scenario: str):
        super().__init__(scenario)
        self.scenario = scenario


class NewGameScene(Scene):
    screen_id = "new_game"

    def __init__(self, app: Any, on_close: Callable[[Session | None], None] | None = None):
        super().__init__(app, on_close)
        self.scenarios = sorted(app.content.scenarios)
        self.scenario = "cn_lab" if "cn_lab" in self.scenarios else self.scenarios[0]
        self.players = 1
        self.side: str | None = None
        self.difficulty = "normal"
        self.length: int | None = None  # lesson_turns: a lesson of the calendar's last turns
        self.turn_limit: int | None = None  # not on the screen: the demo's cut (demo --turns)
        self.history: bool | None = None  # None: as the scenario says
        self.code = ""
        self.nickname = ""
        self.error = ""
        # The seed comes from a per-install counter (deterministic, no clock); a class code overrides it.
        self.seed = 1000 + app.settings.games_started

    # --- widgets -------------------------------------------------------------------------------
    def build(self) -> None:
        content = self.app.content
        sc = content.scenarios[self.scenario]
        if self.side not in sc.sides:
            self.side = sc.sides[0]
        s = self.app.strings
        self.label((40, 16, 600, 40), self.t("ui.new.title"), "#title")
        y = 80
        self.label((40, y, 560, 26), self.t("ui.new.scenario"), "#heading")
        y += 30
        for sid in self.scenarios:
            title = s.pick(content.scenarios[sid].title)
            # the button names the scenario without its years, in regular weight (French at the large text
            # size); the whole title, years included, heads the description below
            name = re.sub(r"\s*\([^()]*\)\s*$", "", title) or title
            btn = self.button((40, y, 580, 40), self.fit(name, 580 - 30), lambda sid=sid: self._set(scenario=sid),
                              title, object_id="#scenario")
            self.choices.add(btn)
            if sid == self.scenario:
                btn.select()
            y += 46
        desc = f"<b>{s.pick(sc.title)}</b><br>{s.pick(sc.description)}<br><br><b>{lengths_text(sc, self.lang)}</b>"
        self.textbox((40, y + 6, 580, 690 - y - 70), desc, long=True)

        x, y = 660, 80
        if len(sc.sides) > 1:
            y = self._row(y, "ui.new.players", [(1, self.t("ui.new.one_player")), (2, self.t("ui.new.two_players"))],
                          self.players, lambda v: self._set(players=v))
        if len(sc.sides) == 1 or self.players == 1:
            y = self._row(y, "ui.new.side", [(sd, self.t(f"side.{sd}")) for sd in sc.sides], self.side,
                          lambda v: self._set(side=v), enabled=len(sc.sides) > 1)
        y = self._row(y, "ui.new.difficulty", [(d, self.t(f"ui.new.difficulty_{d}")) for d in DIFFICULTIES],
                      self.difficulty, lambda v: self._set(difficulty=v))
        y = self._row(y, "ui.new.length", length_choices(sc, self.lang), self.length,
                      lambda v: self._set(length=v))
        history = sc.history if self.history is None else self.history
        y = self._row(y, "ui.new.history", [(True, self.t("ui.new.history_on")), (False, self.t("ui.new.history_off"))],
                      history, lambda v: self._set(history=v))
        y = self._row(y, "ui.new.language", [("en", "English"), ("fr", "Français")], self.lang,
                      self._set_language)
        self.code_entry, y = self._entry(y, "ui.new.class_code", "cn_lab-4821-l16", self.code)
        self.nick_entry, y = self._entry(y, "ui.new.nickname", self.t("ui.new.nickname_hint"), self.nickname)
        self.error_label = self.textbox((x, y, 580, 690 - 50 - y), self.error, ObjectID(class_id="@wrapped",
                                                                                        object_id="#reason"))
        self.button((40, 650, 200, 48), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))
        start = self.button((1040, 650, 200, 48), self.t("ui.new.start"), self.start, self.t("ui.key_tip", k="Enter"),
                            "#primary")
        self.confirm_key = self.start  # Enter starts with the choices made (F5 is the app's: reload content)
        self.focus.focus(start)

    def _entry(self, y: int, title: str, hint: str, text: str) -> tuple[UITextEntryLine, int]:
        """A titled text field: on one line when the title fits beside it, else the field goes below."""
        x = 660
        label = self.t(title)
        if self.text_width(label, "big", bold=True) + 12 <= 300:
            self.label((x, y, 300, 30), label, "#heading")
            rect, y_next = pygame.Rect(x + 300, y - 2, 280, 36), y + 44
        else:
            self.label((x, y, 580, 30), label, "#heading")
            rect, y_next = pygame.Rect(x, y + 30, 580, 36), y + 74
        entry = self.add(UITextEntryLine(rect, self.app.manager, placeholder_text=hint), focus=True)  # Tab reaches it
        entry.set_text(text)
        return entry, y_next

    def _row(self, y: int, title: str, options: list[tuple[Any, str]], current: Any, setter: Any,
             enabled: bool = True) -> int:
        self.label((660, y, 580, 26), self.t(title), "#heading")
        y += 30
        w = (580 - 8 * (len(options) - 1)) // len(options)
        for i, (value, text) in enumerate(options):
            btn = self.button((660 + i * (w + 8), y, w, 38), text, lambda v=value: setter(v),
                              self.t("ui.keys.option_tip"), object_id="#toggle", enabled=enabled)
            self.choices.add(btn)
            if value == current:
                btn.select()
        return y + 50

    def _remember_text(self) -> None:
        self.code = self.code_entry.get_text().strip()
        self.nickname = self.nick_entry.get_text().strip()

    def _set(self, **changes: Any) -> None:
        self._remember_text()
        keep = self.focus.index
        for name, value in changes.items():
            setattr(self, name, value)
        self.app.rebuild()
        self.focus.index = min(keep, len(self.focus.items) - 1)

    def _set_language(self, lang: str) -> None:
        self._remember_text()
        self.app.apply_settings(replace(self.app.settings, language=lang))

    # --- start ---------------------------------------------------------------------------------
    def options(self) -> tuple[str, int, dict[str, Any]]:
        """(scenario, seed, options) from the choices, or from the class code when one is given."""
        self._remember_text()
        if self.code:
            scenario, seed, options = parse_class_code(self.code, self.scenarios)
            if scenario not in self.app.content.scenarios:
                raise UnknownScenario(scenario)
            return scenario, seed, options
        options: dict[str, Any] = {"difficulty": self.difficulty}
        if self.length:
            options["lesson_turns"] = self.length  # a lesson of the last turns: it keeps January 2025
        if self.turn_limit:
            options["turn_limit"] = self.turn_limit
        if self.history is not None and self.history != self.app.content.scenarios[self.scenario].history:
            options["history"] = self.history  # a facilitator's what-if: the dated chronology on or off
        return self.scenario, self.seed, options

    def start(self) -> None:
        try:
            scenario, seed, options = self.options()
        except UnknownScenario as exc:
            self.error = self.t("ui.new.bad_code", reason=self.t("ui.new.unknown_scenario", scenario=exc.scenario))
            self.error_label.set_text(self.error)
            return
        except ClassCodeError as exc:
            self.error = self.t("ui.new.bad_code", reason=exc.message(self.lang))
            self.error_label.set_text(self.error)
            return
        sides = self.app.content.scenarios[scenario].sides
        humans = list(sides) if (self.players == 2 and len(sides) > 1) else [
            self.side if self.side in sides else sides[0]]
        session = Session.new(self.app.content, scenario, seed, humans, options, nickname=self.nickname)
        settings = self.app.settings
        self.app.apply_settings(replace(settings, games_started=settings.games_started + 1))
        self.close(session)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        panel(surface, (650, 70, 600, 570))
