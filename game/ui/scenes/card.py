"""Event cards: headline, date, icon, text, the choices with their hints, and the Source line
(which article, and what the record says where it differs). The card hands the choice made (or
``None`` for news read) to its ``on_close`` callback; the flow submits it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.engine import actions as a
from game.glossary import glossary, pick, terms_in
from game.sources import article_names
from game.ui import sound, theme
from game.ui.layout import wrap_words
from game.ui.scene import Scene, panel
from game.ui.scenes.help import glossary_tip
from game.ui.session import Session
from game.ui.view import month_year

BOX = pygame.Rect(190, 40, 900, 640)

#: Icon names used by the decks -> a symbol drawn in the bundled font (with a text fallback).
ICONS = {"ban": "⛔", "chip": "▦", "money": "$", "market": "↗", "model": "◆", "news": "✉", "law": "§",
         "warning": "⚠", "rocket": "▲", "lock": "✕", "people": "☺"}

#: A card to show: (event id, side it is for or None for everyone, waiting for a choice).
Card = tuple[str, str | None, bool]


def next_card(session: Session) -> Card | None:
    """The next card the viewer should see this turn: (event id, side, waiting for a choice)."""
    state, viewer = session.state, session.viewer
    pending = next((p for p in state.pending if p.side == viewer and p.side == state.active), None)
    if pending is not None:
        return pending.event, pending.side, True
    for fired in state.fired:
        if fired.turn != state.turn or fired.side not in (None, viewer):
            continue
        key = (fired.turn, fired.event, fired.side)
        if key not in session.shown_cards:
            return fired.event, fired.side, False
    return None


class CardScene(Scene):
    screen_id = "event_card"
    overlay = True

    def __init__(self, app: Any, card: Card, on_close: Callable[[str | None], None] | None = None):
        super().__init__(app, on_close)
        self.event_id, self.side, self.choosing = card
        self.announced = False

    def build(self) -> None:
        session: Session = self.app.session
        s = self.app.strings
        if not self.announced:  # once per card, not on every rebuild
            self.announced = True
            sound.play(self.app, "card")
        event = session.game.rules.events_by_id[self.event_id]
        date = month_year(session.state.date, self.lang)
        self.label((BOX.x + 110, BOX.y + 20, BOX.w - 130, 24), self.t(f"ui.card.kind_{event.kind}", date=date),
                   "#small")
        self.textbox((BOX.x + 104, BOX.y + 44, BOX.w - 124, 70), f"<b>{s.pick(event.title)}</b>", "#card_text")
        body = s.pick(event.text)
        src = event.source
        if src is not None:
            parts = []
            if src.articles:
                parts.append(self.t("ui.card.articles", ids=article_names(s, src.articles)))
            if src.context:
                parts.append(self.t("ui.card.context"))
            if src.says:
                parts.append(self.t("ui.card.says", text=s.pick(src.says)))
            if src.record:
                parts.append(self.t("ui.card.record", text=s.pick(src.record)))
            body += "<br><br><i>" + self.t("ui.card.source") + " " + " ".join(parts) + "</i>"
        choices = []
        if self.choosing:
            legal = session.game.legal_actions(session.state)
            offered = {x.choice for x in legal if isinstance(x, a.Choose) and x.event == self.event_id}
            choices = [c for c in event.choices if c.id in offered]
        # Each choice: its button, then its consequence ("→ …") wrapped on as many lines as it needs, at the
        # projector's 16 px; the choices stand at the bottom and the text box takes the room left.
        small = theme.font(theme.font_sizes(self.scale)["small"])
        line_h = small.get_linesize() + 2
        button_h = max(36, theme.font(theme.font_sizes(self.scale)["body"], bold=True).get_linesize() + 12)
        hints = [wrap_words(lambda t: small.size(t)[0], "→ " + s.pick(c.hint), BOX.w - 80) if c.hint else []
                 for c in choices]
        rows = [button_h + 4 + line_h * len(lines) + 6 for lines in hints]
        y = BOX.bottom - 24 - sum(rows) - (0 if choices else 56)
        text_h = y - 48 - (BOX.y + 124)
        self.textbox((BOX.x + 24, BOX.y + 124, BOX.w - 48, max(120, text_h)), body, "#card_text")
        for i, choice in enumerate(choices):
            hint = s.pick(choice.hint) if choice.hint else ""
            label = f"{i + 1}. {s.pick(choice.label)}"
            self.button((BOX.x + 24, y, BOX.w - 48, button_h), label, lambda c=choice.id: self.choose(c),
                        (hint + "<br>" if hint else "") + self.t("ui.key_tip", k=str(i + 1)), "#choice")
            for n, line in enumerate(hints[i]):
                self.label((BOX.x + 34, y + button_h + 2 + n * line_h, BOX.w - 68, line_h), line, "#small")
            self.key(getattr(pygame, f"K_{i + 1}"), lambda c=choice.id: self.choose(c))
            y += rows[i]
        if not choices:
            self.button((BOX.right - 264, BOX.bottom - 68, 240, 48), self.t("ui.continue"), self.done,
                        self.t("ui.key_tip", k="Enter"), "#primary")
        words = " ".join([s.pick(event.title), body, *(s.pick(c.label) for c in choices),
                          *(s.pick(c.hint) for c in choices if c.hint)])
        self.word_buttons(terms_in(words, self.lang), BOX.y + 124 + max(120, text_h) + 8, second_row=not choices)

    def word_buttons(self, terms: list[str], y: int, second_row: bool = False) -> None:
        """The card's technical words as buttons: hover for the definition, click for the glossary (F1).
        Added after the choices so Enter and the number keys still answer the card first. Each word whole;
        with ``second_row`` (no choices under them) words that do not fit go on a row beside "Continue"."""
        if not terms:
            return
        label = self.t("ui.card.words")
        width = self.text_width(label, "small") + 12
        self.label((BOX.x + 24, y, width, 32), label, "#small")
        x = left = BOX.x + 24 + width
        right = BOX.right - 24
        for term in terms:
            name = pick(glossary()[term].name, self.lang)
            w = self.text_width(name, "small") + 28
            if x + w > right and x > left and second_row and right == BOX.right - 24:
                x, y, right = left, y + 38, BOX.right - 280
            if x + w > right:  # no room for the whole word: it stays in the glossary (F1)
                break
            self.button((x, y, w, 32), name, lambda t=term: self.app.flow.help(t),
                        glossary_tip(self.app.strings, term), "#word")
            x += w + 6

    def choose(self, choice: str) -> None:
        """Take ``choice`` (the flow submits it)."""
        self.close(choice)

    def done(self) -> None:
        """News read: continue."""
        self.close(None)

    def back(self) -> None:
        if not self.choosing:  # a decision cannot be skipped; news can
            self.done()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)
        event = self.app.session.game.rules.events_by_id[self.event_id]
        icon_box = pygame.Rect(BOX.x + 24, BOX.y + 24, 70, 70)
        pygame.draw.rect(surface, theme.BLUE, icon_box, border_radius=10)
        symbol = ICONS.get(event.icon or "", "✉" if event.kind == "generic" else "§")
        text = theme.font(40, bold=True).render(symbol, True, theme.PANEL)
        surface.blit(text, text.get_rect(center=icon_box.center))
