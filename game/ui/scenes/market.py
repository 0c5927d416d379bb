"""The market moment: in a shock turn (a share price falling 8% or more at once), a ticker of the share
prices moving, then the one-day fall as a chart, with the record's figure beside it (from the card
that moved the market, when one did). It reads the notes and the state only (``game.ui.marketdata``)."""

from __future__ import annotations

from typing import Any

import pygame

from game import messages as m
from game.ui import theme
from game.ui.marketdata import MarketMoment, Ticker, last_shock_turn, market_moment, shock_moves, steps_in_turn
from game.ui.scene import panel
from game.ui.scenes.picture import PictureScene
from game.ui.view import month_year, start_prices

TICKER_RECT = pygame.Rect(0, 62, 1280, 44)
FALL_RECT = pygame.Rect(16, 116, 600, 390)
PRICE_RECT = pygame.Rect(16, 514, 600, 196)
SIDE_RECT = pygame.Rect(628, 116, 636, 594)
#: Falls: colour and an arrow shape (▼ ▲ in the text), so colour is never the only sign.
DOWN = theme.VERMILION
TICKER_DOWN, TICKER_UP = theme.ORANGE, theme.SKY  # readable on the dark band


def open_if_shock(app: Any, notes: list[Any]) -> bool:
    """Show the market moment when ``notes`` (what the turn just did) hold a shock; True when shown."""
    if not shock_moves(notes):
        return False
    turn = last_shock_turn(notes)
    app.push(MarketScene(app, turn))
    return True


class MarketScene(PictureScene):
    screen_id = "market"
    title_key = "ui.market.title"

    def __init__(self, app: Any, turn: int | None = None):
        super().__init__(app)
        session = app.session
        if turn is None:
            turn = last_shock_turn(session.notes)
        self.turn = session.state.turn if turn is None else turn

    @property
    def moment(self) -> MarketMoment:
        session = self.app.session
        return market_moment(session.state, session.game.content, session.game.rules.events_by_id,
                             session.notes, self.turn, start_prices(session))

    def paint_base(self, surface: pygame.Surface) -> None:
        self.current = self.moment
        self.heading(surface, self.t("ui.market.subtitle", date=month_year(self.current.date, self.lang)))
        self.draw_price(surface, self.current)
        self.draw_side(surface, self.current)

    def paint_moving(self, surface: pygame.Surface, progress: float) -> None:
        """The ticker runs in, then the falls grow from the zero line."""
        self.draw_ticker(surface, self.current, progress)
        self.draw_fall(surface, self.current, progress)

    def pct(self, ticker: Ticker, total: bool = False) -> str:
        bp = (ticker.after - ticker.before) * 10000 // max(1, ticker.before) if total else ticker.shock_bp
        return ("▼ " if bp < 0 else "▲ " if bp > 0 else "= ") + m.percent_bp(bp, self.lang).lstrip("+−-")

    def draw_ticker(self, surface: pygame.Surface, moment: MarketMoment, progress: float) -> None:
        pygame.draw.rect(surface, (28, 28, 30), TICKER_RECT)
        x = TICKER_RECT.x + 12 + round(400 * (1 - progress))  # the band runs in from the right
        for t in moment.tickers:
            price = m.number(t.after / 100, self.lang, 2)
            head = self.text(surface, t.ticker, (x, TICKER_RECT.centery), 16, bold=True, colour=theme.PANEL,
                             anchor="midleft")
            body = self.text(surface, price, (head.right + 6, TICKER_RECT.centery), 16, colour=theme.PANEL,
                             anchor="midleft")
            up = t.shock_bp > 0 if t.shock_bp else t.after >= t.before
            move = self.text(surface, self.pct(t, total=not t.shock_bp), (body.right + 6, TICKER_RECT.centery), 16,
                             bold=True, colour=TICKER_UP if up else TICKER_DOWN, anchor="midleft")
            self.tip(head.union(move), self.before_after(t))
            x = move.right + 28
            if x > TICKER_RECT.right:
                break

    def before_after(self, t: Ticker) -> str:
        return self.t("ui.market.before_after", ticker=t.ticker, before=m.number(t.before / 100, self.lang, 2),
                      after=m.number(t.after / 100, self.lang, 2), pct=self.pct(t, total=True))

    def draw_fall(self, surface: pygame.Surface, moment: MarketMoment, progress: float) -> None:
        """Bars of the one-day moves, growing from the zero line during the transition."""
        inner = panel(surface, FALL_RECT, None)
        self.text(surface, self.t("ui.market.fall"), (inner.x, inner.y), 17, bold=True, width=inner.w)
        moved = [t for t in moment.tickers if t.shock_bp < 0]
        if not moved:
            return
        top = max(abs(t.shock_bp) for t in moved)
        row = min(44, (inner.h - 34) // len(moved))
        zero = inner.x + inner.w - round(110 * self.scale)
        span = zero - inner.x - 130
        for i, t in enumerate(moved):
            y = inner.y + 34 + i * row
            length = round(span * abs(t.shock_bp) / top * progress)
            bar = pygame.Rect(zero - length, y + 4, length, row - 10)
            pygame.draw.rect(surface, DOWN, bar)
            label = t.name if self.text_width(t.name, "body", True) <= 120 else t.ticker
            name = self.text(surface, label, (inner.x, y + row // 2 - 3), 15, bold=True, anchor="midleft", width=120)
            value = self.text(surface, self.pct(t), (zero + 8, y + row // 2 - 3), 15, bold=i == 0, anchor="midleft",
                              width=inner.right - zero - 10)
            self.tip(name.union(value).union(bar), self.before_after(t))
        pygame.draw.line(surface, theme.INK, (zero, inner.y + 30), (zero, inner.bottom), 2)

    def draw_price(self, surface: pygame.Surface, moment: MarketMoment) -> None:
        """The largest faller's price over the game up to the shock turn, then that turn's moves one by
        one: the one-day fall is the steep step, drawn thick."""
        inner = panel(surface, PRICE_RECT, None)
        if not moment.tickers:
            return
        lead = moment.tickers[0]
        session = self.app.session
        history = [start_prices(session).get(lead.id)] + [p["stocks"].get(lead.id) for p in session.state.series
                                                         if p["turn"] < self.turn]
        history = [v for v in history if v is not None]
        steps = steps_in_turn(session.notes, self.turn, lead.id, lead.before)
        values = history + [price for price, _ in steps] + [lead.after]
        self.text(surface, f"{lead.name} ({lead.ticker})", (inner.x, inner.y), 15, bold=True, width=inner.w)
        label_w = round(90 * self.scale)  # room on the right for the fall's figure
        plot = pygame.Rect(inner.x + 70, inner.y + 26, inner.w - 80 - label_w, inner.h - 34)
        if len(values) < 2:
            return
        lo, hi = min(values), max(values)
        hi = hi if hi > lo else lo + 1
        # the turn's moves get a wider share of the axis than ordinary turns, so the step can be seen
        xs = [plot.x + plot.w * 0.7 * i / max(1, len(history) - 1) for i in range(len(history))]
        extra = len(values) - len(history)
        xs += [plot.x + plot.w * (0.7 + 0.3 * (i + 1) / extra) for i in range(extra)]
        points = [(x, plot.bottom - (v - lo) / (hi - lo) * plot.h) for x, v in zip(xs, values, strict=True)]
        for v in (lo, hi):
            y = plot.bottom - (v - lo) / (hi - lo) * plot.h
            self.text(surface, m.number(v / 100, self.lang, 2), (plot.x - 6, y), 13, colour=theme.MUTED,
                      anchor="midright", width=64)
        pygame.draw.lines(surface, theme.INK, False, points, 2)
        worst = min(range(len(steps)), key=lambda i: steps[i][1], default=None)
        if worst is not None and steps[worst][1] < 0:
            a, b = points[len(history) - 1 + worst], points[len(history) + worst]
            pygame.draw.line(surface, DOWN, a, b, 6)
            pygame.draw.circle(surface, DOWN, (int(b[0]), int(b[1])), 6)
            label = self.text(surface, "▼ " + m.percent_bp(steps[worst][1], self.lang).lstrip("+−-"),
                              (b[0] + 10, b[1]), 15, bold=True, anchor="midleft", width=label_w)
            self.tip(label, self.before_after(lead))

    def draw_side(self, surface: pygame.Surface, moment: MarketMoment) -> None:
        inner = panel(surface, SIDE_RECT, None)
        s = self.app.strings
        y = self.wrapped(surface, self.t("ui.market.record"), inner, 17, bold=True) + 4
        text = s.pick(moment.record) if moment.record else self.t("ui.market.no_record")
        y = self.wrapped(surface, text, pygame.Rect(inner.x, y, inner.w, 150), 16) + 14
        y = self.wrapped(surface, self.t("ui.market.figures"), pygame.Rect(inner.x, y, inner.w, 30), 17,
                         bold=True) + 4
        for i, t in enumerate(moment.tickers):
            line = self.before_after(t)
            if t.shock_bp < 0:
                line = self.t("ui.market.fall_line", ticker=t.ticker, pct=self.pct(t),
                              value=m.money(t.lost, self.lang), before=m.number(t.before / 100, self.lang, 2),
                              after=m.number(t.after / 100, self.lang, 2))
            y = self.wrapped(surface, "• " + line, pygame.Rect(inner.x, y, inner.w, inner.bottom - y), 14,
                             bold=i == 0)
