"""How long a lab's money lasts: its running costs per turn, worked out by the rules themselves.

A lab pays every turn for salaries, for serving its users and for the power and hosting of the chips
it owns, and earns revenue from its users. :func:`upkeep` plays those rules (``progress_training``
and ``settle_accounts``) on a copy of the lab, so it follows whatever they become; :func:`runway_turns`
repeats that turn after turn until the cash runs out. Nothing here changes the state or draws from its
generator: the copy trains with a scratch generator (only a finished run's quality depends on it).

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "us_lab")
    >>> state = game.new_game(seed=1)
    >>> cost = upkeep(game.rules, state, state.labs["us"])
    >>> cost.salaries > 0, cost.net == cost.revenue - cost.serving - cost.salaries - cost.power
    (True, True)
    >>> runway_turns(game.rules, state, state.labs["us"]) is None or True
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.context import QuietCtx
from game.engine.economy import accounts, settle_accounts
from game.engine.rules import Rules
from game.engine.state import GameState, Lab
from game.engine.training import progress_training

#: How far ahead :func:`runway_turns` looks; money that lasts longer is "more than this".
RUNWAY_HORIZON = 24


@dataclass(frozen=True, slots=True)
class Upkeep:
    """One turn of a lab's running money, dollars: what comes in and what goes out by itself."""

    revenue: int
    serving: int
    salaries: int
    power: int

    @property
    def net(self) -> int:
        """Cash change over the turn (negative: the lab burns money)."""
        return self.revenue - self.serving - self.salaries - self.power


def _scratch_ctx(rules: Rules, state: GameState) -> QuietCtx:
    """A context for playing rules on a copy: no notes, and a generator that is not the game's."""
    return QuietCtx(rules, state, np.random.Generator(np.random.PCG64(0)))


def _one_turn(ctx: QuietCtx, lab: Lab) -> Upkeep:
    """Play one turn of running costs on ``lab`` (a copy) and say what it cost, from its ledger."""
    spend, income = dict(lab.ledger.spend), dict(lab.ledger.income)
    progress_training(ctx, lab)
    settle_accounts(ctx, lab)

    def moved(book: dict[str, int], before: dict[str, int], category: str) -> int:
        return book.get(category, 0) - before.get(category, 0)

    return Upkeep(revenue=moved(lab.ledger.income, income, "revenue"),
                  serving=moved(lab.ledger.spend, spend, "serving"),
                  salaries=moved(lab.ledger.spend, spend, "salaries"),
                  power=moved(lab.ledger.spend, spend, "power"))


def upkeep(rules: Rules, state: GameState, lab: Lab) -> Upkeep:
    """What ``lab`` earns and pays in the turn under way, at its present users, price, staff and run.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.game import Game
        >>> game = Game(load_content(), "cn_lab")
        >>> state = game.new_game(seed=2)
        >>> upkeep(game.rules, state, state.labs["cn"]).power     # 500 V100 x 730 h x 3 months x $0.25
        273750
    """
    return _one_turn(_scratch_ctx(rules, state), lab.model_copy(deep=True))


def upkeep_turns(rules: Rules, state: GameState, lab: Lab, turns: int) -> list[Upkeep]:
    """The running costs of the next ``turns`` turns, one per turn, the lab doing nothing new (a run
    under way goes on)."""
    ctx, copy = _scratch_ctx(rules, state), lab.model_copy(deep=True)
    return [_one_turn(ctx, copy) for _ in range(turns)]


def runway_turns(rules: Rules, state: GameState, lab: Lab, horizon: int = RUNWAY_HORIZON) -> int | None:
    """How many more turns the lab's cash lasts at this rate (0: it is short this very turn), or
    ``None`` when it lasts beyond ``horizon`` turns (the money grows, or falls slowly).

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.game import Game
        >>> game = Game(load_content(), "us_lab")
        >>> state = game.new_game(seed=1)
        >>> poor = state.labs["us"].model_copy(deep=True)
        >>> poor.cash, poor.users = 1, 0
        >>> runway_turns(game.rules, state, poor)           # salaries are due: the money is gone at once
        0
    """
    _, serving, salaries, power = accounts(rules, lab, rules.months(state.turn))
    if lab.cash >= horizon * (serving + salaries + power):
        # Enough for ``horizon`` turns of every cost without a cent of revenue: no need to play them on a
        # copy (the same answer, without copying the lab at every condition check of every turn).
        return None
    ctx, copy = _scratch_ctx(rules, state), lab.model_copy(deep=True)
    for turn in range(horizon):
        _one_turn(ctx, copy)
        if copy.cash < 0:
            return turn
    return None
