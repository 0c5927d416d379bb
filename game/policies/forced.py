"""A policy forced to answer one news card one way: the playtest's card audit plays the same seeds once
per answer, the rest of each game played by a fixed policy (``cautious``), and compares final scores.

Example::

    >>> policy = ForcedChoicePolicy.from_name("force:italy_block=eu_data_office", seed=4)
    >>> policy.event, policy.choice, policy.base.name
    ('italy_block', 'eu_data_office', 'cautious')
"""

from __future__ import annotations

from game.engine import actions as a
from game.engine.game import Game
from game.engine.state import GameState
from game.policies.base import Policy
from game.policies.heuristics import CautiousPolicy

#: How a forced policy is named where a policy name is expected (``simulate``'s line-ups, the runner).
FORCE_PREFIX = "force:"


class ForcedChoicePolicy(Policy):
    """``base`` in everything, except that card ``event`` is answered ``choice`` when that is offered."""

    name = "force"

    def __init__(self, seed: int, event: str, choice: str):
        super().__init__(seed)
        self.event, self.choice = event, choice
        self.base = CautiousPolicy(seed)
        self.name = f"{FORCE_PREFIX}{event}={choice}"

    @classmethod
    def from_name(cls, name: str, seed: int) -> ForcedChoicePolicy:
        """The policy named ``force:EVENT=CHOICE``; ``KeyError`` when the name is malformed."""
        event, sep, choice = name[len(FORCE_PREFIX):].partition("=")
        if not (event and sep and choice):
            raise KeyError(f"a forced policy is named {FORCE_PREFIX}EVENT=CHOICE, not '{name}'")
        return cls(seed, event, choice)

    def choose(self, game: Game, state: GameState, legal: list[a.Action]) -> a.Action:
        if legal and type(legal[0]) is a.Choose and legal[0].event == self.event:  # type: ignore[attr-defined]
            for action in legal:
                if type(action) is a.Choose and action.choice == self.choice:
                    return action
        return self.base.choose(game, state, legal)
