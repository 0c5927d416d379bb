"""Where a lab stands against its goals and the leader, now: the dashboard's gauges.

The score parts come from the scoring rules themselves (:func:`~game.engine.scoring.score_parts`), the
threshold from the scenario (the lab's own ``win_score`` when it has one), the leader from what the
world can see: the rivals' models and the other lab's model on sale (never its unreleased one).

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "cn_lab")
    >>> now = standing(game, game.new_game(seed=1), "cn")
    >>> now.win_score, now.score == round(100 * sum(p.points for p in now.parts) / now.max_points)
    (68, True)
    >>> [p.kind for p in now.parts][:2]
    ['capability_lead', 'users']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.content.models import Localized
from game.engine.context import Ctx
from game.engine.rng import NO_DRAWS
from game.engine.scoring import lab_goals, lab_win_score, max_score, score, score_parts
from game.engine.state import GameState

if TYPE_CHECKING:  # typing only
    from game.engine.game import Game


@dataclass(frozen=True, slots=True)
class Part:
    """One goal: its kind, its label, the points earned and the points it is worth."""

    kind: str
    label: Localized | None  # (None: the goal kind's own name, game.messages' table)
    points: int
    weight: int


@dataclass(frozen=True, slots=True)
class Standing:
    """The lab's score out of 100, its goals, the score that wins, and the best model it faces."""

    score: int
    parts: list[Part]
    max_points: int
    win_score: int
    #: The best model on the market not the lab's own: its maker and capability (hundredths).
    leader: str
    leader_capability: int
    own_capability: int

    @property
    def ahead(self) -> int:
        """The lab's lead over that model (negative: behind), hundredths of an index point."""
        return self.own_capability - self.leader_capability


def standing(game: Game, state: GameState, side: str) -> Standing:
    """The standing of the lab of ``side`` in ``state`` (nothing is changed or drawn)."""
    ctx = Ctx(game.rules, state, NO_DRAWS)
    lab = state.labs[side]
    scenario = game.rules.scenario
    points = score_parts(ctx, lab)
    parts = [Part(g.kind, g.label, points.get(g.kind, 0), g.weight) for g in lab_goals(scenario, side)]
    leader, best = "", 0
    for rival in state.rivals:
        if rival.active and rival.capability > best:
            leader, best = rival.name, rival.capability
    for other_side, other in state.labs.items():
        if other_side != side and other.released > best:
            leader, best = other.name, other.released
    return Standing(score=score(ctx, lab), parts=parts, max_points=max_score(ctx, side),
                    win_score=lab_win_score(scenario, side),
                    leader=leader, leader_capability=best, own_capability=lab.capability)
