"""The ``history`` policy: the real labs' path, the reference that ``calibrate`` measures the model on.

- Chinese lab (High-Flyer, then DeepSeek): takes the fund's A100 clusters of 2020–21 and its budget
  top-ups, never outside investors (DeepSeek raised no outside money); buys chips of its own only once
  it is a company (July 2023), then the best Nvidia chips it may legally buy (the H800 in its 2023
  window, H20s for serving after), never the grey market nor Huawei's Ascend (DeepSeek trained on
  Nvidia chips); researches efficiency whenever it can; trains DeepSeek's three published
  pre-training runs (LLM 67B, V2, and V3's final run of 2.788M H800 GPU-hours from October 2024) and
  nothing before 2023; and releases open weights at R1's price ($2.19 per million output tokens).
- American lab (a frontier lab such as OpenAI): raises money when its cash would not buy a month of
  chips, buys the best chips in big lots, trains runs of about three months, and sells a closed model
  at o1's price ($60).

On every news card it takes the choice the deck marks ``historical`` (what really happened), or the
first offered when none is. Two variants exist for the calibration's counterfactuals: a lab that turns
down the chips offered by cards (the 2020–21 clusters) and one that never buys a chip of a given id
(the H800 window of 2023).

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.match import play_game
    >>> game = Game(load_content(), "cn_lab")
    >>> played = play_game(game, seed=1, policies={"cn": HistoryPolicy(1)})
    >>> played.state.labs["cn"].open_weights
    True
"""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import actions as a
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.state import GameState, Lab
from game.engine.training import own_hours_per_turn
from game.policies.base import Policy, monthly_upkeep

#: Prices per million output tokens, cents: DeepSeek-R1's $2.19 and OpenAI o1's $60 (CHRONOLOGY.md).
R1_PRICE_CENTS = 219
O1_PRICE_CENTS = 6000
#: A new model is released when it beats the one on sale by this much (hundredths of a point).
RELEASE_STEP = 100
#: DeepSeek's pre-training runs: (from month, chip, GPU-hours). DeepSeek LLM 67B (paper, Jan 2024:
#: 2T tokens, about 8e23 operations, some 1.7M A100-hours); V2 (paper, May 2024: 172.8k H800-hours per
#: trillion tokens x 8.1T = 1.4M); V3's final run (technical report, Dec 2024: 2.788M H800-hours).
DEEPSEEK_RUNS = (("2023-07", "a100", 1_700_000), ("2024-01", "h800", 1_400_000), ("2024-10", "h800", 2_788_000))
#: The Chinese lab buys chips of its own once this card has fired (before, the fund's clusters).
COMPANY_EVENT = "deepseek_founded"
#: The American lab's runs: about three months (GPT-4 trained for some 90 days).
US_RUN_MONTHS = 3
#: Chips weaker than this for training and for serving are not bought (per mille of an H100: the A800,
#: H800 and H100 for training, the H20 for serving; not the old V100).
MIN_PERF = 300
#: Quarters of running costs (salaries, power) kept in reserve before buying chips, and before research.
RESERVE_TURNS, RESEARCH_RESERVE_TURNS = 2, 1


def _of(legal: Sequence[a.Action], kind: type) -> list:
    return [x for x in legal if type(x) is kind]


class HistoryPolicy(Policy):
    """The real lab's choices (see the module text). ``refuse_card_chips``: turn down the chips that
    cards offer; ``never_buy``: chip ids this lab never buys."""

    name = "history"

    def __init__(self, seed: int, *, refuse_card_chips: bool = False, never_buy: Sequence[str] = ()):
        super().__init__(seed)
        self.refuse_card_chips = refuse_card_chips
        self.never_buy = frozenset(never_buy)
        self.runs_started: set[str] = set()

    def choose(self, game: Game, state: GameState, legal: list[a.Action]) -> a.Action:
        cards = _of(legal, a.Choose)
        if cards:
            return self._answer(game, cards)
        lab = state.lab
        for rule in (self._raise, self._release, self._train, self._research, self._buy):
            action = rule(game, state, lab, legal)
            if action is not None:
                return action
        return a.EndTurn()

    # --- news cards ---------------------------------------------------------------------------------
    def _answer(self, game: Game, cards: list[a.Choose]) -> a.Action:
        event = game.rules.events_by_id[cards[0].event]
        choices = {c.id: c for c in event.choices}

        def grants_chips(card: a.Choose) -> bool:
            return any(effect.verb == "grant_chips" for effect in choices[card.choice].effects)

        if self.refuse_card_chips and any(grants_chips(c) for c in cards):
            declined = [c for c in cards if not grants_chips(c)]
            if declined:
                return declined[0]

        def grants_refused(card: a.Choose) -> bool:
            return any(effect.verb == "grant_chips" and effect.chip in self.never_buy
                       for effect in choices[card.choice].effects)

        if any(grants_refused(c) for c in cards):  # "never buys" holds for chips a card sells too
            declined = [c for c in cards if not grants_refused(c)]
            if declined:
                return declined[0]
        historical = [c for c in cards if choices[c.choice].historical]
        return (historical or cards)[0]

    # --- actions, in priority order --------------------------------------------------------------------
    def _spare(self, game: Game, lab: Lab, quarters: int = RESERVE_TURNS) -> int:
        """Cash beyond a reserve: ``quarters`` of salaries and power."""
        return lab.cash - monthly_upkeep(game, lab) * 3 * quarters

    def _raise(self, game: Game, state: GameState, lab: Lab, legal: list[a.Action]) -> a.Action | None:
        """The American lab raises when its spare cash would not buy a month of the chips it can get."""
        raises = _of(legal, a.RaiseMoney)
        if not raises or lab.side != "us":
            return None
        chips = game.rules.chips
        month = max((chips[c].price * chips[c].supply for c in chips if lab.side in chips[c].buyers), default=0)
        return raises[0] if self._spare(game, lab) < month else None

    def _release(self, game: Game, state: GameState, lab: Lab, legal: list[a.Action]) -> a.Action | None:
        if lab.released and lab.capability < lab.released + RELEASE_STEP:
            return None
        price, open_weights = (R1_PRICE_CENTS, True) if lab.side == "cn" else (O1_PRICE_CENTS, False)
        for release in _of(legal, a.Release):
            if release.price_cents == price and release.open_weights == open_weights:
                return release
        return None

    def _train(self, game: Game, state: GameState, lab: Lab, legal: list[a.Action]) -> a.Action | None:
        runs = _of(legal, a.StartTraining)
        if not runs:
            return None
        if lab.side == "cn":
            return self._deepseek_run(game, state, lab, runs)
        # A frontier run of about three months (GPT-4: some 90 days), the largest that fits
        months = game.rules.months(state.turn)
        short = [r for r in runs if r.gpu_hours <= own_hours_per_turn(lab, r.chip, max(months, US_RUN_MONTHS))
                 + lab.cloud_hours.get(r.chip, 0)]
        return max(short or runs, key=lambda r: (game.rules.chips[r.chip].perf * r.gpu_hours, r.chip))

    def _deepseek_run(self, game: Game, state: GameState, lab: Lab, runs: list[a.StartTraining]) -> a.Action | None:
        """DeepSeek's pre-training runs, each once from its month, on its chip if the lab has it (else on
        its best chip): the lab trained no language model before 2023."""
        chips = game.rules.chips
        for month, chip, hours in DEEPSEEK_RUNS:
            if state.date[:7] < month or month in self.runs_started:
                continue
            on = chip if any(r.chip == chip for r in runs) else max(runs, key=lambda r: chips[r.chip].perf).chip
            action = a.StartTraining(chip=on, gpu_hours=hours)
            try:
                game.check(state, action)
            except IllegalAction:  # too few chips of that kind for six months: the largest run there is
                action = max((r for r in runs if r.chip == on), key=lambda r: r.gpu_hours)
            self.runs_started.add(month)
            return action
        return None

    def _research(self, game: Game, state: GameState, lab: Lab, legal: list[a.Action]) -> a.Action | None:
        spare = self._spare(game, lab, RESEARCH_RESERVE_TURNS)
        for research in _of(legal, a.Research):
            if game.rules.techs[research.tech].cost <= spare:
                return research
        return None

    def _buy(self, game: Game, state: GameState, lab: Lab, legal: list[a.Action]) -> a.Action | None:
        """The biggest affordable lot of the best-performing legal Nvidia chip."""
        if lab.side == "cn" and not any(f.event == COMPANY_EVENT for f in state.fired):
            return None
        chips, spare = game.rules.chips, self._spare(game, lab)
        lots = [b for b in _of(legal, a.BuyChips)
                if not b.grey and chips[b.chip].maker == "Nvidia" and b.chip not in self.never_buy
                and max(chips[b.chip].perf, chips[b.chip].serve_perf) >= MIN_PERF
                and b.count * chips[b.chip].price <= spare]
        if not lots:
            return None
        return max(lots, key=lambda b: (chips[b.chip].perf, b.count))
