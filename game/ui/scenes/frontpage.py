"""The front page: when a dated article event fires (the bans, the App Store, the crash), it opens as a
newspaper front page in the player's language — masthead, the article's date, the headline, a line of
the article's quote with its source — before its card. Other dated articles of the same turn are the
page's smaller headlines. One key goes on to the card."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pygame

from game.sources import article_name
from game.ui import theme
from game.ui.scene import Scene
from game.ui.scenes.card import ICONS, Card, CardScene
from game.ui.scenes.picture import PictureScene
from game.ui.view import month_year

PAPER = (250, 246, 236)
PAGE = pygame.Rect(150, 14, 980, 692)
#: "A0: …" / "A1 : …" inside a quote: the article each part comes from.
_ARTICLE = re.compile(r"\b(A[01])[\s\u00a0\u202f]*:[\s\u00a0\u202f]*")


def is_front_page(event: Any) -> bool:
    """A dated event from the source articles opens as a front page."""
    return event.kind == "article" and event.date is not None


def day_month_year(date: str, lang: str) -> str:
    """The article's date as a newspaper writes it ("27 January 2025", "1er juillet 2020"); a date
    without a day gives the month ("July 2020").

    >>> day_month_year("2025-01-27", "en")
    '27 January 2025'
    >>> day_month_year("2020-07-01", "fr")
    '1er\\xa0juillet 2020'
    """
    if len(date) < 10:
        return month_year(date, lang)
    day = int(date[8:10])
    if lang == "fr":
        return f"{'1er' if day == 1 else day}\u00a0{month_year(date, lang)}"
    return f"{day} {month_year(date, lang)}"


def quote_of(says: str, articles: list[str]) -> tuple[str, str | None]:
    """The first part of what the article says, with the article it comes from.

    >>> quote_of("A0: Nvidia fell. A1: Markets shook.", ["A0", "A1"])
    ('Nvidia fell.', 'A0')
    >>> quote_of("Over $600B gone.", ["A1"])
    ('Over $600B gone.', 'A1')
    """
    parts = _ARTICLE.split(says)
    if len(parts) >= 3:  # ["", "A0", "text", "A1", "text"]
        return parts[2].strip(), parts[1]
    return says.strip(), articles[0] if articles else None


def front_page_events(session: Any, lead: str) -> list[str]:
    """The lead event, then the other dated articles of this turn the viewer may see."""
    rules, state = session.game.rules, session.state
    others = [f.event for f in state.fired if f.turn == state.turn and f.side in (None, session.viewer)
              and f.event != lead and is_front_page(rules.events_by_id[f.event])]
    return [lead, *dict.fromkeys(others)]


def card_scene(app: Any, card: Card, on_close: Callable[[str | None], None] | None = None) -> Scene:
    """The scene for an event card: its front page first when it is a dated article this viewer has not
    had a front page for this turn, else the card itself. ``on_close`` gets the card's answer."""
    session = app.session
    event = session.game.rules.events_by_id[card[0]]
    if is_front_page(event) and (session.state.turn, session.viewer) not in session.front_pages:
        return FrontPageScene(app, card, on_close)
    return CardScene(app, card, on_close)


class FrontPageScene(PictureScene):
    screen_id = "front_page"

    def __init__(self, app: Any, card: Card, on_card_closed: Callable[[str | None], None] | None = None):
        super().__init__(app)
        self.card = card
        self.on_card_closed = on_card_closed  # handed to the card that replaces this page

    def build(self) -> None:
        self.static = self.base = None
        self.rendered = {}
        go_on = self.t("ui.front.go_on") + f"  [{self.t('ui.keyname.Enter')}]"
        self.button((PAGE.right - 320, PAGE.bottom - 60, 300, 44), go_on, self.done,
                    self.t("ui.key_tip", k="Enter"), "#primary")
        self.key(pygame.K_RETURN, self.done)
        self.key(pygame.K_SPACE, self.done)

    def done(self) -> None:
        session = self.app.session
        session.front_pages.add((session.state.turn, session.viewer))
        self.app.replace(CardScene(self.app, self.card, self.on_card_closed))

    def paint_base(self, surface: pygame.Surface) -> None:
        surface.fill((60, 58, 54))
        self.page = pygame.Surface(PAGE.size)
        self.draw_page(self.page, PAGE.move(-PAGE.x, -PAGE.y))
        self.page_tips = [(rect.move(PAGE.x, PAGE.y), text) for rect, text in self.tips]
        self.tips = []

    def paint_moving(self, surface: pygame.Surface, progress: float) -> None:
        """The page slides up a little as it opens (a blit of the page painted once)."""
        shift = round(30 * (1 - progress))
        if shift:
            pygame.draw.rect(surface, (60, 58, 54), PAGE.inflate(0, 60))
        surface.blit(self.page, PAGE.move(0, shift))
        self.tips += [(rect.move(0, shift), text) for rect, text in self.page_tips]

    def draw_page(self, surface: pygame.Surface, page: pygame.Rect) -> None:
        s = self.app.strings
        rules = self.app.session.game.rules
        events = [rules.events_by_id[e] for e in front_page_events(self.app.session, self.card[0])]
        lead = events[0]
        pygame.draw.rect(surface, PAPER, page)
        pygame.draw.rect(surface, theme.INK, page, 1)
        x, w = page.x + 36, page.w - 72
        self.text(surface, self.t("ui.front.masthead"), (page.centerx, page.y + 14), 44, bold=True,
                  anchor="midtop", width=w)
        pygame.draw.line(surface, theme.INK, (x, page.y + 74), (x + w, page.y + 74), 3)
        self.text(surface, self.t("ui.front.edition", date=day_month_year(lead.date, self.lang)),
                  (page.centerx, page.y + 80), 15, anchor="midtop", width=w)
        pygame.draw.line(surface, theme.INK, (x, page.y + 102), (x + w, page.y + 102), 1)
        y = self.wrapped(surface, s.pick(lead.title), pygame.Rect(x, page.y + 114, w, 130), 34, bold=True)
        col = pygame.Rect(x, y + 10, int(w * 0.62), page.bottom - y - 90)
        side = pygame.Rect(col.right + 28, y + 10, w - col.w - 28, col.h)
        pygame.draw.line(surface, theme.INK, (side.x - 14, side.y), (side.x - 14, side.bottom), 1)
        cy = self.wrapped(surface, s.pick(lead.text), col, 17)
        src = lead.source
        if src is not None and src.says:
            quote, article = quote_of(s.pick(src.says), src.articles)
            cy = self.wrapped(surface, self.t("ui.front.quote", text=quote),
                              pygame.Rect(col.x + 16, cy + 18, col.w - 16, col.bottom - cy - 18), 17, italic=True)
            if article:
                cy = self.wrapped(surface, self.t("ui.front.source", source=article_name(
                    self.app.strings, article)), pygame.Rect(col.x + 16, cy + 4, col.w - 16, 24), 14,
                    colour=theme.MUTED)
        self.illustration(surface, pygame.Rect(col.x, cy + 20, col.w, min(210, col.bottom - cy - 20)), lead)
        heading = "ui.front.also" if len(events) > 1 else "ui.front.record"
        sy = self.wrapped(surface, self.t(heading), side, 15, bold=True) + 6
        for other in events[1:5]:
            sy = self.wrapped(surface, s.pick(other.title), pygame.Rect(side.x, sy, side.w, side.bottom - sy), 15,
                              bold=True)
            date = day_month_year(other.date, self.lang)
            sy = self.wrapped(surface, date, pygame.Rect(side.x, sy, side.w, 22), 13, colour=theme.MUTED) + 10
        if len(events) == 1 and src is not None and src.record:  # nothing else today: the record's words
            self.wrapped(surface, s.pick(src.record), pygame.Rect(side.x, sy, side.w, side.bottom - sy), 14,
                         colour=theme.MUTED)

    def illustration(self, surface: pygame.Surface, box: pygame.Rect, event: Any) -> None:
        """The page's picture: the card's symbol on a printed-looking hatched block, with a caption
        giving the game's date (the page carries the article's)."""

        if box.h < 90:
            return
        caption_h = 22
        art = pygame.Rect(box.x, box.y, box.w, box.h - caption_h)
        pygame.draw.rect(surface, (222, 216, 202), art)
        for x in range(art.x - art.h, art.right, 9):  # newsprint hatching
            pygame.draw.line(surface, (205, 198, 182), (max(art.x, x), art.bottom - max(0, art.x - x)),
                             (min(art.right, x + art.h), art.y + max(0, x + art.h - art.right)), 1)
        pygame.draw.rect(surface, theme.INK, art, 1)
        symbol = ICONS.get(event.icon or "", "✉")
        self.text(surface, symbol, art.center, 72, bold=True, colour=(70, 66, 60), anchor="center")
        self.text(surface, self.t("ui.front.caption", date=month_year(self.app.session.state.date, self.lang)),
                  (box.x, art.bottom + 4), 13, colour=theme.MUTED, width=box.w)
