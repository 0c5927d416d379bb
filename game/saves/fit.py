"""Does a saved state fit the current content? (Used when a save was made with other content.)

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "cn_lab")
    >>> state = game.new_game(seed=1)
    >>> misfit(game, state) is None
    True
    >>> state.labs["cn"].chips["zz9"] = 5
    >>> misfit(game, state)
    "unknown chip 'zz9'"
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.actions import EndTurn
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.state import GameState


def _referenced(state: GameState) -> Iterable[tuple[str, str]]:
    """(kind, id) of every content id the state refers to."""
    for lab in state.labs.values():
        for chips in (lab.chips, lab.cloud_hours, lab.in_transit, lab.bought_this_turn):
            yield from (("chip", c) for c in chips)
        if lab.run is not None:
            yield "chip", lab.run.chip
        yield from (("tech", t) for t in lab.techs)
        yield from (("tech", p.tech) for p in lab.research)
    world = state.world
    yield from (("chip", c) for c in [*world.banned, *(b.chip for b in world.pending_bans), *world.chip_price_pct])
    yield from (("stock", s) for s in world.stocks)
    yield from (("rival", r.id) for r in state.rivals)
    yield from (("event", p.event) for p in state.pending)
    yield from (("event", s.event) for s in state.scheduled)


def misfit(game: Game, state: GameState) -> str | None:
    """Why ``game``'s rules cannot continue ``state`` (``None`` when they can): every content id the
    state names must exist, the calendar must reach its turn, and one turn of the rules must run."""
    rules = game.rules
    known = {"chip": rules.chips, "tech": rules.techs, "stock": {s.id for s in rules.stocks},
             "rival": {r.id for r in rules.rivals}, "event": rules.events_by_id}
    for kind, ident in _referenced(state):
        if ident not in known[kind]:
            return f"unknown {kind} '{ident}'"
    if state.turn >= len(rules.dates):
        return f"the calendar has {len(rules.dates)} turns, the game is at turn {state.turn + 1}"
    try:
        game.legal_actions(state)
        if not state.over:
            game.apply(state, EndTurn())  # on a copy: the state is untouched
    except IllegalAction:  # an event card is waiting: fine, the rules ran far enough
        return None
    except (KeyError, IndexError, ValueError, TypeError, AttributeError, ZeroDivisionError) as exc:
        return f"{type(exc).__name__}: {str(exc)[:100]}"
    return None
