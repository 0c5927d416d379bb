"""The news digest: a busy turn's news cards on one page, so a student reads them in a few minutes.

January 2025 brings a dozen cards in one turn (DeepSeek-R1, the App Store, Nvidia's fall, the
reactions…). One card at a time that is a quarter of an hour of clicking; a digest lists the cards that
ask nothing (headline, text, source) on one scrolling page. Cards that wait for a decision still come
one by one, first.

The flow (game.ui.flow) has one hook into this module: :func:`digest_scene` is asked before a card is shown.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import theme
from game.ui.scene import Scene, panel
from game.ui.scenes.card import BOX, CardScene
from game.ui.session import Session
from game.ui.view import month_year

#: A turn with more news cards than this (waiting for no decision) shows them as a digest.
DIGEST_AFTER = 3


def news_left(session: Session) -> list[tuple[str, str | None]]:
    """(event id, side) of this turn's news cards the viewer has not seen and that ask nothing."""
    state, viewer = session.state, session.viewer
    pending = {(p.event, p.side) for p in state.pending}
    out = []
    for fired in state.fired:
        if fired.turn != state.turn or fired.side not in (None, viewer):
            continue
        if (fired.event, fired.side) in pending or (fired.turn, fired.event, fired.side) in session.shown_cards:
            continue
        out.append((fired.event, fired.side))
    return list(dict.fromkeys(out))


def digest_scene(app: Any, card: tuple[str, str | None, bool]) -> DigestScene | None:
    """The digest to show instead of ``card``, or ``None`` to show the card alone."""
    if card[2]:  # a decision: always on its own card
        return None
    news = news_left(app.session)
    return DigestScene(app, news) if len(news) > DIGEST_AFTER else None


class DigestScene(CardScene):
    """All the news of a busy turn on one page; Continue marks them all as read."""

    screen_id = "news_digest"

    def __init__(self, app: Any, news: list[tuple[str, str | None]]):
        super().__init__(app, (news[0][0], news[0][1], False))
        self.news = news

    def build(self) -> None:
        session: Session = self.app.session
        s = self.app.strings
        rules = session.game.rules
        date = month_year(session.state.date, self.lang)
        self.label((BOX.x + 24, BOX.y + 20, BOX.w - 48, 30), self.t("lesson.ui.digest_title", count=len(self.news),
                                                                      date=date), "#heading")
        items = []
        for event_id, _ in self.news:
            event = rules.events_by_id[event_id]
            source = event.source
            tag = ", ".join(source.articles) if source and source.articles else (
                self.t("lesson.ui.context") if source and source.context else self.t("lesson.ui.invented"))
            items.append(f"<b>{s.pick(event.title)}</b> <i>({tag})</i><br>{s.pick(event.text)}")
        self.textbox((BOX.x + 24, BOX.y + 60, BOX.w - 48, BOX.h - 150), "<br><br>".join(items), "#card_text",
                     long=True)
        self.button((BOX.right - 264, BOX.bottom - 68, 240, 48), self.t("ui.continue"), self.done,
                    self.t("ui.key_tip", k="Enter"), "#primary")

    def done(self) -> None:
        session: Session = self.app.session
        for event_id, side in self.news:
            session.shown_cards.add((session.state.turn, event_id, side))
        self.app.flow.autosave()  # the news read stays read when the game is resumed
        self.close()

    def draw(self, surface: pygame.Surface) -> None:
        Scene.draw(self, surface)  # the panel without the single card's icon
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)
