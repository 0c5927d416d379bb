"""What the market moment shows, read from the notes and the state: the turn's one-day falls (a share
price moved by events at once, ``market.move`` notes), the prices before and after, and the record's
figure from the card that moved them (its Source line), when a card did.

A "shock turn" is a turn whose notes hold a fall of 8% or more at once (the same test as the crash
sound), whatever caused it: the market reacts to what is released, not to an event id.

Example::

    >>> shock_moves([Note.of("market.move", 3, None, {"stock": "nvda", "bp": -1700})])
    {'nvda': -1700}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.market import SHOCK_FLAG
from game.engine.notes import Note

#: A fall of this many basis points or more at once is a shock (as in ``game.ui.sound``).
SHOCK_BP = -800


def shock_moves(notes: list[Note]) -> dict[str, int]:
    """Each stock's largest move at once (basis points) in ``notes``, when one of them is a shock; else {}.

    Several cards may move a price in one turn (a rally, then the crash): the one-day fall is the
    largest single move, not their sum.
    """
    moves: dict[str, int] = {}
    for note in notes:
        if note.key == "market.move":
            params = note.params
            bp = int(params.get("bp", 0))
            if abs(bp) > abs(moves.get(params["stock"], 0)):
                moves[params["stock"]] = bp
    return moves if any(bp <= SHOCK_BP for bp in moves.values()) else {}


def last_shock_turn(notes: list[Note]) -> int | None:
    """The latest turn that held a shock (None: no shock yet)."""
    turns = sorted({n.turn for n in notes if n.key == "market.move"}, reverse=True)
    for turn in turns:
        if shock_moves([n for n in notes if n.turn == turn]):
            return turn
    return None


def steps_in_turn(notes: list[Note], turn: int, stock: str, before: int) -> list[tuple[int, int]]:
    """The price of ``stock`` after each move at once in ``turn``, in order, from ``before`` (cents), with
    the move (basis points): the turn's moves drawn one after the other show the one-day fall as a cliff.

    >>> steps_in_turn([Note.of("market.move", 2, None, {"stock": "nvda", "bp": -1700})], 2, "nvda", 1000)
    [(830, -1700)]
    """
    price, out = before, []
    for note in notes:
        params = note.params
        if note.key == "market.move" and note.turn == turn and params.get("stock") == stock:
            price = max(1, price * (10000 + int(params.get("bp", 0))) // 10000)
            out.append((price, int(params.get("bp", 0))))
    return out


@dataclass
class Ticker:
    """One stock in the moment: its ticker, price before and after the turn (cents), the move at once."""

    id: str
    ticker: str
    name: str
    before: int
    after: int
    shock_bp: int
    lost: int = 0  # dollars of market value the one-day fall took (0 for a rise)


@dataclass
class MarketMoment:
    turn: int
    date: str
    tickers: list[Ticker]
    record: dict[str, str] | None  # the record's words from the card that moved prices, by language
    event: str | None


def market_moment(state: Any, content: Any, events_by_id: dict[str, Any], notes: list[Note], turn: int,
                  start: dict[str, int]) -> MarketMoment:
    """The moment of ``turn``: prices before (the series point of the turn before, or ``start``) and
    after (the series point of the turn, or the live prices), largest fall first."""
    points = {p["turn"]: p for p in state.series}
    before = points.get(turn - 1, {}).get("stocks", start)
    after = points.get(turn, {}).get("stocks", state.world.stocks)
    date = points.get(turn, {}).get("date", state.date)
    moves = shock_moves([n for n in notes if n.turn == turn])
    stocks = {s.id: s for s in content.world.stocks}
    tickers = []
    for sid, price in after.items():
        stock = stocks.get(sid)
        start_price, bp = before.get(sid, price), moves.get(sid, 0)
        lost = start_price * -bp // 10000 * stock.shares_m * 10**6 // 100 if stock and bp < 0 else 0
        tickers.append(Ticker(sid, stock.label if stock else sid, stock.name if stock else sid, start_price, price,
                              bp, lost))
    tickers.sort(key=lambda t: (t.shock_bp, -t.lost, t.id))
    # the record's words: the news card of the market's cheap-AI shock when the turn had one (the fall
    # is the market model's, the card tells the real day); else the card of that turn that moved share
    # prices down the most
    record, event, deepest = None, None, 0
    if any(n.key == "market.cheap_ai" and n.turn == turn and n.params.get("fall_bp", 0) >= -SHOCK_BP
           for n in notes):
        news = next((ev for ev in events_by_id.values() if _tells_the_shock(ev)), None)
        if news is not None and news.source is not None:
            return MarketMoment(turn, date, tickers, news.source.record or news.source.says, news.id)
    for fired in state.fired:
        ev = events_by_id.get(fired.event)
        if fired.turn != turn or ev is None or ev.source is None:
            continue
        for effect in ev.effects:
            if getattr(effect, "verb", "") != "stocks":
                continue
            low = min(effect.moves.values(), default=0)
            if low < deepest:
                record, event, deepest = ev.source.record or ev.source.says, fired.event, low
    return MarketMoment(turn, date, tickers, record, event)


def _tells_the_shock(event: Any) -> bool:
    """Whether ``event`` is the news of the market's cheap-AI shock (drawn by the flag it sets)."""
    trigger = event.trigger
    return getattr(trigger, "verb", "") == "flag" and getattr(trigger, "name", "") == SHOCK_FLAG
