"""Help: the keys and the glossary (reached from F1, from every figure's tooltip and from a card's
words) and the first-game tutorial (its ``on_close`` callback hears when it is finished or skipped)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import pygame
from pygame_gui.core import ObjectID

from game.glossary import glossary, pick
from game.i18n import Strings
from game.ui import theme
from game.ui.focus import scroll_into_view
from game.ui.keys import key_table
from game.ui.layout import Column
from game.ui.scene import Scene, panel


def glossary_tip(s: Strings, term: str) -> str:
    """The tooltip of a figure or a word: the short definition and how to open the glossary."""
    entry = glossary().get(term)
    if entry is None:
        return s.t("ui.gloss.open")
    return f"<b>{escape(pick(entry.name, s.lang))}</b>: {escape(pick(entry.text, s.lang))}<br>{s.t('ui.gloss.open')}"


class HelpScene(Scene):
    """The keys, then the glossary (assets/glossary.yaml): a scrolling list of terms, the chosen one
    explained beside it."""

    screen_id = "help"

    def __init__(self, app: Any, term: str | None = None, on_close: Callable[[None], None] | None = None):
        super().__init__(app, on_close)
        terms = glossary()
        self.term = term if term in terms else next(iter(terms))

    def build(self) -> None:
        self.label((24, 12, 800, 40), self.t("ui.help.title"), "#title")
        self.textbox((20, 52, 1240, -1), self.t("ui.help.keys"), ObjectID(class_id="@wrapped"))  # its height
        terms = glossary()

        chosen: list[Any] = []

        def rows(col: Column) -> None:
            chosen.clear()
            for term in terms.values():
                for btn in col.buttons(pick(term.name, self.lang), lambda t=term.id: self._show(t), None, "#toggle",
                                       indent=8):
                    if term.id == self.term:
                        btn.select()
                        self.focus.focus(btn)
                        chosen.append(btn)
        Column.fill(self, (24, 114, 400, 530), rows)
        if chosen:  # the term opened from a card or a figure (SMIC, far down the list) is in sight
            scroll_into_view(chosen[0])
        entry = terms[self.term]
        text = f"<b>{escape(pick(entry.name, self.lang))}</b><br><br>{escape(pick(entry.text, self.lang))}"
        if entry.more:
            text += "<br><br>" + escape(pick(entry.more, self.lang))
        self.textbox((440, 114, 816, 290), text, "#card_text")
        # every key and its one meaning: the table game.ui.keys keeps (no second list to fall out of step)
        keys = "<br>".join(f"<b>{k}</b> — {does}" for k, does in key_table(self.app.strings))
        self.textbox((440, 412, 816, 232), f"<b>{self.t('ui.keys.title')}</b><br>{keys}", long=True)
        self.button((1056, 660, 200, 44), self.t("ui.back"), self.close, self.t("ui.key_tip", k="Esc"))

    def _show(self, term: str) -> None:
        keep = self.focus.index
        self.term = term
        self.app.rebuild()
        self.focus.index = keep

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)


#: Tutorial steps: (string key, area of the dashboard to frame).
#: The key ideas come in the order a first turn needs them: chips and bans, the cost of training,
#: the price per million tokens, then what to do now.
STEPS = (("ui.tut.welcome", None), ("ui.tut.figures", (8, 66, 408, 524)), ("ui.tut.chips", (8, 66, 408, 524)),
         ("ui.tut.training", (876, 60, 396, 584)), ("ui.tut.price", (8, 66, 408, 524)),
         ("ui.tut.rivals", (420, 66, 452, 250)), ("ui.tut.market", (420, 322, 452, 266)),
         ("ui.tut.actions", (876, 60, 396, 584)), ("ui.tut.first_turn", (876, 60, 396, 584)),
         ("ui.tut.end", (884, 648, 384, 62)), ("ui.tut.help", None))


class TutorialScene(Scene):
    """A few short steps over the dashboard on the first game; Esc skips it."""

    screen_id = "tutorial"
    overlay = True

    def __init__(self, app: Any, on_close: Callable[[None], None] | None = None):
        super().__init__(app, on_close)
        self.step = 0

    def build(self) -> None:
        key, area = STEPS[self.step]
        box = self._box(area)
        self.label((box.x + 16, box.y + 10, box.w - 32, 28), self.t("ui.tut.title", n=self.step + 1, total=len(STEPS)),
                   "#heading")
        self.textbox((box.x + 16, box.y + 42, box.w - 32, box.h - 110), self.t(key), "#card_text")
        self.button((box.x + 16, box.bottom - 58, 160, 44), self.t("ui.tut.skip"), self.finish,
                    self.t("ui.key_tip", k="Esc"))
        last = self.step == len(STEPS) - 1
        nxt = self.button((box.right - 216, box.bottom - 58, 200, 44),
                          self.t("ui.tut.start" if last else "ui.tut.next"), self.next, None, "#primary")
        self.focus.focus(nxt)

    def _box(self, area: Any) -> pygame.Rect:
        if area is None:
            return pygame.Rect(340, 190, 600, 340)
        area = pygame.Rect(area)
        x = area.right + 16 if area.centerx < 640 else area.x - 16 - 480
        return pygame.Rect(max(8, min(x, 1280 - 488)), 150, 480, 340)

    def next(self) -> None:
        if self.step == len(STEPS) - 1:
            self.finish()
            return
        self.step += 1
        self.app.rebuild()

    def finish(self) -> None:
        self.close()

    def back(self) -> None:
        self.finish()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        _key, area = STEPS[self.step]
        if area is not None:
            rect = pygame.Rect(area)
            pygame.draw.rect(surface, theme.YELLOW, rect.inflate(8, 8), 5, border_radius=10)
            pygame.draw.rect(surface, theme.BLACK, rect.inflate(16, 16), 2, border_radius=12)
        box = self._box(area)
        panel(surface, box)
        pygame.draw.rect(surface, theme.INK, box, 2, border_radius=8)
