"""The search player: it plays by looking ahead through the engine itself.

At each decision with more than one sensible action it plays every candidate on a copy of the state,
lets a fixed policy (``cautious``, at every seat) finish the game from there a few times, and takes
the candidate with the best mean final score for its own seat (the first candidate on a tie).

- **Candidates.** Every answer of a news card; otherwise the distinct actions the panel of heuristic
  styles would take here (each proposes one: cautious, aggressive, efficient and the six styles) and
  ending the turn. The full menu can hold some fifty actions (chip lots of every size, every price);
  the panel's proposals are the sensible subset: ten at most with ending the turn, usually four or five.
- **No peeking.** Each copy's generator is reseeded with a seed drawn from the search player's own
  generator, so the continuations meet news, rival releases and seizures the game itself has not
  drawn yet (and may never draw). The same seeds serve every candidate of one decision (common random
  numbers: the candidates are compared on the same futures).
- **Determinism.** Its own generator is seeded from its seed, so the same seed plays the same game.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.match import play_game
    >>> game = Game(load_content(), "us_lab", {"turn_limit": 2})
    >>> first = play_game(game, seed=2, policies={"us": SearchPolicy(5, rollouts=1)}, record=False)
    >>> again = play_game(game, seed=2, policies={"us": SearchPolicy(5, rollouts=1)}, record=False)
    >>> first.state.outcome.scores == again.state.outcome.scores
    True
"""

from __future__ import annotations

from collections import Counter

from game.engine import actions as a
from game.engine.game import Game
from game.engine.rng import Rng
from game.engine.state import GameState
from game.policies.base import Policy
from game.policies.heuristics import AggressivePolicy, CautiousPolicy, EfficientPolicy, as_menu
from game.policies.styles import STYLES

#: Continuations played per candidate action.
ROLLOUTS = 3
#: The policy that finishes each continuation, at every seat.
ROLLOUT_POLICY: type[Policy] = CautiousPolicy
#: A continuation's seat that takes this many actions in one turn has its turn ended (as in a match).
MAX_ACTIONS_PER_TURN = 200
#: The largest seed a continuation's generator gets.
_SEED_SPAN = 2**63


class SearchPolicy(Policy):
    """Looks ahead by playing ``rollouts`` continuations per candidate (see the module text).
    ``actions`` counts the kinds of action it chose (``buy_chips``, ``release open``…): the playtest
    lists the most frequent patterns from it."""

    name = "search"

    def __init__(self, seed: int, rollouts: int = ROLLOUTS, rollout_policy: type[Policy] = ROLLOUT_POLICY):
        super().__init__(seed)
        self.seed = seed
        self.rollouts = rollouts
        self.rollout_policy = rollout_policy
        self.panel: list[Policy] = [cls(seed) for cls in (CautiousPolicy, AggressivePolicy, EfficientPolicy,
                                                           *STYLES)]
        self.actions: Counter[str] = Counter()
        self._quiet: tuple[Game, Game] | None = None  # (the game asked about, its copy that keeps no notes)

    def candidates(self, game: Game, state: GameState, legal: list[a.Action]) -> list[a.Action]:
        """The actions worth trying: every card answer, or the panel's proposals and ending the turn."""
        if legal and type(legal[0]) is a.Choose:
            return [x for x in legal if type(x) is a.Choose]
        menu = as_menu(legal)
        out: list[a.Action] = []
        for policy in self.panel:
            proposal = policy.choose(game, state, menu)
            if proposal not in out:
                out.append(proposal)
        if a.EndTurn() not in out:
            out.append(a.EndTurn())
        return out

    def choose(self, game: Game, state: GameState, legal: list[a.Action]) -> a.Action:
        options = self.candidates(game, state, legal)
        if len(options) == 1:
            chosen = options[0]
        else:
            seeds = [int(self.rng.integers(0, _SEED_SPAN)) for _ in range(self.rollouts)]
            quiet = self.quiet_game(game)
            side = state.active
            best, best_total = options[0], None
            for option in options:
                total = sum(self.continuation(quiet, state, option, side, seed) for seed in seeds)
                if best_total is None or total > best_total:
                    best, best_total = option, total
            chosen = best
        self.actions[pattern(chosen)] += 1
        return chosen

    def quiet_game(self, game: Game) -> Game:
        """``game`` itself, or a copy that keeps no notes when it records them (the window's game):
        continuations read only the final score."""
        if self._quiet is None or self._quiet[0] is not game:
            quiet = Game(game.content, game.scenario.id, game.options, record=False)
            self._quiet = (game, quiet)
        return self._quiet[1]

    def continuation(self, game: Game, state: GameState, action: a.Action, side: str, seed: int) -> int:
        """The final score of ``side`` after ``action`` and a game finished by the rollout policy, on a
        copy of ``state`` whose generator is reseeded with ``seed``. (The loop of
        ``Match.play_computer_seats`` without its log: game.match imports this package.)"""
        copy = state.model_copy(deep=True)
        copy.rng = Rng.seeded(seed)
        game.apply_in_place(copy, action)
        player = self.rollout_policy(seed)  # one player for every seat: its choices depend on the state only
        since_end = 0
        while not copy.over:
            if since_end >= MAX_ACTIONS_PER_TURN:  # a stuck turn is ended, as a match does
                step: a.Action = a.EndTurn()
            else:
                step = player.choose(game, copy, game.legal_actions(copy))
            game.apply_in_place(copy, step)
            since_end = 0 if type(step) is a.EndTurn else since_end + 1
        return copy.outcome.scores.get(side, 0) if copy.outcome is not None else 0


def pattern(action: a.Action) -> str:
    """A short name for the kind of an action, for counting what a player does.

    Example::

        >>> pattern(a.Release(price_cents=219, open_weights=True)), pattern(a.BuyChips(chip="h800", count=5, grey=True))
        ('release open $2.19', 'buy h800 (grey)')
    """
    if isinstance(action, a.Release):
        return f"release {'open' if action.open_weights else 'closed'} ${action.price_cents / 100:.2f}"
    if isinstance(action, a.SetPrice):
        return f"set price ${action.price_cents / 100:.2f}"
    if isinstance(action, a.BuyChips):
        return f"buy {action.chip}{' (grey)' if action.grey else ''}"
    if isinstance(action, a.Choose):
        return f"card {action.event}: {action.choice}"
    if isinstance(action, (a.StartTraining, a.RentCloud)):
        return f"{action.type} {action.chip}"
    if isinstance(action, a.Research):
        return f"research {action.tech}"
    return action.type
