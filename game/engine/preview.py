"""What an action will do before it is confirmed: its cost now, its cost in later turns, how many turns
it takes and what it is expected to give.

The preview is the engine's, never the screen's: the action is applied to a copy of the state by the
same handler that will apply it for real (``Game.apply``), and the later turns are played on a copy of
the lab by the rules that will play them (:mod:`game.engine.runway`: training progress and accounts;
``finish_tech`` for research; ``run_capability`` for a run's model). When those rules change, the
preview follows.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.actions import Hire
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "us_lab")
    >>> state = game.new_game(seed=7)
    >>> while state.pending:
    ...     state = game.apply(state, game.legal_actions(state)[0]).state
    >>> p = preview(game, state, Hire(count=10))
    >>> p.cost_now, p.per_turn.salaries - p.per_turn_before.salaries, p.turns, p.changes["talent"]
    (1000000, 600000, 0, 10)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.engine import actions as a
from game.engine.errors import IllegalAction
from game.engine.refusals import raise_wait
from game.engine.runway import Upkeep, _one_turn, _scratch_ctx, runway_turns, upkeep
from game.engine.state import GameState, Lab
from game.engine.training import MAX_RUN_MONTHS, finish_tech, run_capability

if TYPE_CHECKING:  # typing only: the game module imports the rules this one reads
    from game.engine.game import Game

#: The luck of a finished run, in hundredths of an index point: ``progress_training`` draws it from
#: this range (both ends included). tests/engine/test_preview.py plays runs and checks every model made
#: falls in the range :func:`preview` announces, so the two cannot drift apart unnoticed.
RUN_NOISE = (-150, 150)

#: Figures of the lab whose change an action's preview lists (in this order).
FIGURES = ("capability", "efficiency", "serving_pct", "talent", "reputation", "gov_relations", "chips",
           "cloud_hours", "price_cents")


@dataclass(frozen=True, slots=True)
class Preview:
    """What ``action`` will do. Money in dollars; capability in hundredths of an index point."""

    action: a.Action
    #: Cash spent at once (negative: cash received, as when raising money).
    cost_now: int
    #: The running money of the turn under way without the action, and with it.
    per_turn_before: Upkeep
    per_turn: Upkeep
    #: Turns until the action has given its result (0: at once; a run: until its model is made).
    turns: int
    #: The power bill of each turn of a training run (empty for anything else).
    power_by_turn: list[int] = field(default_factory=list)
    #: A run's model: the worst and best capability the run's luck allows, and the lab's best model now.
    capability_range: tuple[int, int] | None = None
    capability_now: int = 0
    #: Figures the action changes, when its result is in: figure -> change (efficiency in per mille).
    changes: dict[str, int] = field(default_factory=dict)
    #: Turns the cash lasts at the new rate (None: beyond the horizon).
    runway: int | None = None
    #: Turns before investors listen again after this (raising money only).
    cooldown: int = 0

    @property
    def may_be_worse(self) -> bool:
        """A run whose model may come out no better than the lab's best (the lab then keeps its best)."""
        return self.capability_range is not None and self.capability_range[0] <= self.capability_now

    @property
    def later_per_turn(self) -> int:
        """How much more (negative: less) the lab pays each later turn because of the action."""
        return self.per_turn_before.net - self.per_turn.net


def _figures(lab: Lab) -> dict[str, int]:
    return {"capability": lab.capability, "efficiency": lab.efficiency, "serving_pct": lab.serving_pct,
            "talent": lab.talent, "reputation": lab.reputation, "gov_relations": lab.gov_relations,
            "chips": sum(lab.chips.values()) + sum(lab.in_transit.values()),
            "cloud_hours": sum(lab.cloud_hours.values()), "price_cents": lab.price_cents}


def _diff(before: Lab, after: Lab) -> dict[str, int]:
    old, new = _figures(before), _figures(after)
    return {k: new[k] - old[k] for k in FIGURES if new[k] != old[k]}


def preview(game: Game, state: GameState, action: a.Action) -> Preview:
    """The preview of ``action`` for the active seat of ``state``; the engine's ``IllegalAction`` when
    the action is refused (``state`` is never changed).

    Example (a training run: its power bill, its length and the model to expect)::

        >>> from game.content.loader import load_content
        >>> from game.engine.actions import StartTraining
        >>> from game.engine.game import Game
        >>> game = Game(load_content(), "cn_lab")
        >>> state = game.new_game(seed=1)
        >>> while state.pending:
        ...     state = game.apply(state, game.legal_actions(state)[0]).state
        >>> run = next(x for x in game.legal_actions(state) if isinstance(x, StartTraining))
        >>> p = preview(game, state, run)
        >>> p.cost_now, p.turns == len(p.power_by_turn), sum(p.power_by_turn) > 0
        (0, True, True)
        >>> low, high = p.capability_range
        >>> high - low
        300
    """
    side = state.active
    before = state.labs[side]
    after_state = game.apply(state, action).state  # the handler itself (raises when refused)
    after = after_state.labs[side]
    rules = game.rules
    power: list[int] = []
    turns = 0
    capability_range = None
    result = after
    if isinstance(action, a.StartTraining):
        # the run as the turns will play it, on a copy: owned chips' power each turn, then the model
        ctx, copy = _scratch_ctx(rules, after_state), after.model_copy(deep=True)
        while copy.run is not None and turns <= MAX_RUN_MONTHS + 1:  # a turn lasts a month or more
            power.append(_one_turn(ctx, copy).power)
            turns += 1
        # the model is made in the turn the run ends, at that turn's date (ideas spread with time)
        done = rules.dates[min(state.turn + max(turns, 1) - 1, len(rules.dates) - 1)]
        capability_range = tuple(run_capability(rules, after, action.chip, action.gpu_hours, n,  # type: ignore[assignment]
                                                date=done) for n in RUN_NOISE)
    elif isinstance(action, a.Research):
        turns = rules.techs[action.tech].turns
        result = after.model_copy(deep=True)
        finish_tech(_scratch_ctx(rules, after_state), result, action.tech)
    cooldown = 0
    if isinstance(action, a.RaiseMoney):
        cooldown = max(0, raise_wait(_scratch_ctx(rules, after_state), after))
    return Preview(
        action=action, cost_now=before.cash - after.cash,
        per_turn_before=upkeep(rules, state, before), per_turn=upkeep(rules, after_state, after),
        turns=turns, power_by_turn=power, capability_range=capability_range,  # type: ignore[arg-type]
        capability_now=before.capability, changes=_diff(before, result),
        runway=runway_turns(rules, after_state, after), cooldown=cooldown)


def try_preview(game: Game, state: GameState, action: a.Action) -> Preview | None:
    """:func:`preview`, or ``None`` when the action is refused (the screens say why from ``check``)."""
    try:
        return preview(game, state, action)
    except IllegalAction:
        return None
