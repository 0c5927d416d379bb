"""Four computer players with different temperaments. Each turn they spend their action points on the
first useful thing in their list of priorities, then end the turn; they answer news cards by a stated
preference over the meters a choice moves (:mod:`game.policies.preferences`), ``random`` by chance."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter

from game.engine import actions as a
from game.engine.game import Game
from game.engine.legal import LegalMenu
from game.engine.refusals import GREY_PRICE_PCT
from game.engine.rules import HOURS_PER_MONTH
from game.engine.state import GameState, Lab
from game.policies.base import Policy, monthly_upkeep
from game.policies.preferences import Preference, best_choice

#: A rule: (game, state, the acting lab, the legal menu indexed by kind) -> an action, or None to pass.
Rule = Callable[[Game, GameState, Lab, LegalMenu], a.Action | None]

_END_TURN = a.EndTurn()  # actions are frozen: one instance serves every choice
_count = attrgetter("count")


class Menu(LegalMenu):
    """The legal actions, indexed by kind once: a policy's rules look up a kind many times per choice.
    (The engine's own menu comes indexed already: see :func:`as_menu`.)"""

    def __init__(self, legal: list[a.Action]):
        super().__init__(legal)
        by_kind: dict[type, list[a.Action]] = {}
        # Action classes are leaves, so type() groups exactly as isinstance would. The engine lists each
        # kind in one run, so the group is looked up when the kind changes, not for every action.
        last: type | None = None
        group: list[a.Action] = []
        for action in legal:
            kind = type(action)
            if kind is not last:
                group = by_kind.setdefault(kind, [])
                last = kind
            group.append(action)
        self.by_kind = by_kind


def as_menu(legal: list[a.Action]) -> LegalMenu:
    """``legal`` indexed by kind: the engine's menu as it is, any other list grouped here."""
    return legal if isinstance(legal, LegalMenu) else Menu(legal)


def _of(legal: list[a.Action], kind: type) -> Sequence:
    """The actions of ``kind`` in ``legal``, in order (shared with the menu: the caller must not change
    it)."""
    if isinstance(legal, LegalMenu):
        return legal.by_kind.get(kind, [])
    return [x for x in legal if isinstance(x, kind)]


def answer_card(policy: Policy, legal: list[a.Action], prefer_first: bool) -> a.Action | None:
    cards = _of(legal, a.Choose)
    if not cards:
        return None
    return cards[0] if prefer_first else policy.pick(cards)


class PriorityPolicy(Policy):
    """Tries its rules in order and takes the first action one of them proposes."""

    rules: tuple[str, ...] = ()
    reserve_pct = 30  # keep this share of starting cash aside
    reserve_months = 0  # ... or this many months of running costs, when that is more
    release_price = 1000
    release_open = False
    #: How it answers news cards: the choice its stated preference values most (see
    #: :mod:`game.policies.preferences`); without one, the first choice offered.
    preference: Preference | None = None
    prefer_first_choice = True

    def __init__(self, seed: int):
        super().__init__(seed)
        #: The rules as bound methods, looked up once per policy rather than at every choice.
        self.bound_rules: tuple[Rule, ...] = tuple(getattr(self, rule) for rule in self.rules)

    def choose(self, game: Game, state: GameState, legal: list[a.Action]) -> a.Action:
        if len(legal) == 1 and type(legal[0]) is a.EndTurn:
            # Nothing but ending the turn (no action points left): every rule picks from the menu, so
            # none would propose anything. A shortcut: a game asks this once a turn.
            return legal[0]
        if type(legal[0]) is a.Choose:
            # A card waits (the engine then offers only its choices). A game answers some forty cards.
            cards = [x for x in legal if type(x) is a.Choose]
            if self.preference is not None:
                chosen = best_choice(game, cards[0].event, [c.choice for c in cards], self.preference)
                return next(c for c in cards if c.choice == chosen)
            return cards[0] if self.prefer_first_choice else self.pick(cards)
        legal = as_menu(legal)
        if a.Choose in legal.by_kind:  # (only in a list not made by the engine: choices among the rest)
            card = answer_card(self, legal, self.prefer_first_choice)
            if card is not None:
                return card
        lab = state.lab
        for rule in self.bound_rules:
            action = rule(game, state, lab, legal)
            if action is not None:
                return action
        return _END_TURN

    # --- rules -------------------------------------------------------------------------------------
    # Rules read the menu's kinds straight from ``legal.by_kind`` (choose hands them the indexed menu):
    # they run some six times per choice, and a helper call per look-up was a fifth of a choice.
    def spare(self, game: Game, lab: Lab) -> int:
        """Cash beyond the reserve: ``reserve_pct`` of the starting cash, or ``reserve_months`` of salaries
        and of the power of the chips owned when that is more (what the dashboard's runway line warns of)."""
        reserve = lab.start_cash * self.reserve_pct // 100
        if self.reserve_months:
            reserve = max(reserve, monthly_upkeep(game, lab) * self.reserve_months)
        return lab.cash - reserve

    def raise_when_low(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        raises = legal.by_kind.get(a.RaiseMoney)
        return raises[0] if raises and lab.cash < lab.start_cash // 2 else None

    def release_better(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        if lab.capability < lab.released + 200 and lab.released:
            return None
        for x in legal.by_kind.get(a.Release, ()):
            if x.price_cents == self.release_price and x.open_weights == self.release_open:
                return x
        return None

    def train(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        runs = legal.by_kind.get(a.StartTraining)
        if not runs:
            return None
        chips = game.rules.chip_figures
        return max(runs, key=lambda r: (chips[r.chip].perf * r.gpu_hours, r.chip))

    def buy(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu, grey: bool = False,
            big: bool = False) -> a.Action | None:
        # The affordable lots of the best-performing chip, in menu order, in one pass over the menu.
        lots = legal.by_kind.get(a.BuyChips)
        if not lots:
            return None
        chips, spare = game.rules.chip_figures, self.spare(game, lab)
        best: list[a.BuyChips] = []
        best_perf = 0
        for b in lots:
            if grey or not b.grey:
                chip = chips[b.chip]
                if b.count * chip.price <= spare:
                    if not best or chip.perf > best_perf:
                        best, best_perf = [b], chip.perf
                    elif chip.perf == best_perf:
                        best.append(b)
        if not best:
            return None
        return (max if big else min)(best, key=_count)  # the first of equal counts, as before

    def research(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        options = legal.by_kind.get(a.Research)
        if not options:
            return None
        techs, spare = game.rules.techs, self.spare(game, lab)
        for r in options:
            if techs[r.tech].cost <= spare:
                return r
        return None

    def hire(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        hires = [h for h in legal.by_kind.get(a.Hire, ()) if h.count == 10]
        return hires[0] if hires and self.spare(game, lab) > 50_000_000 and lab.talent < 300 else None

    def lobby(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        lobbies = legal.by_kind.get(a.Lobby)
        return lobbies[0] if lobbies and lab.gov_relations < 70 and self.spare(game, lab) > 20_000_000 else None


class CautiousPolicy(PriorityPolicy):
    """Keeps a cash reserve, researches what it can afford after training, buys in small lots, sells a
    closed model at a mid price; on news cards, the answer that keeps most cash."""

    name = "cautious"
    rules = ("raise_when_low", "release_better", "train", "research", "buy", "lobby")
    reserve_pct = 40
    release_price = 1000
    preference = Preference(cash=3)  # on news cards too, it keeps its cash


class AggressivePolicy(PriorityPolicy):
    """Buys all the compute it can (grey market included) while a year of running costs stays in the
    bank, trains big, prices low, hires."""

    name = "aggressive"
    rules = ("raise_when_low", "release_better", "train", "buy_big", "hire")
    reserve_pct = 25
    release_price = 219
    release_open = True
    preference = Preference(chips=3, capability=2, cash=0.5, reputation=0.5)
    #: Months of salaries and of the power of every chip (those bought included) kept in the bank.
    reserve_months = 12

    def buy_big(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        """The biggest lot of the best chip that leaves ``reserve_months`` of running costs in the bank."""
        lots = legal.by_kind.get(a.BuyChips)
        if not lots:
            return None
        chips, months = game.rules.chips, self.reserve_months
        burn = monthly_upkeep(game, lab) * months
        fits = [b for b in lots
                if b.count * (chips[b.chip].price * (GREY_PRICE_PCT if b.grey else 100) // 100
                              + chips[b.chip].power_cents * HOURS_PER_MONTH * months // 100) <= lab.cash - burn]
        if not fits:
            return None
        return max(fits, key=lambda b: (chips[b.chip].perf, b.count, not b.grey, b.chip))


class EfficientPolicy(PriorityPolicy):
    """Researches efficiency first, trains on what it has, releases open weights cheaply."""

    name = "efficient"
    rules = ("raise_when_low", "research", "release_better", "train", "buy")
    reserve_pct = 25
    release_price = 219
    release_open = True
    preference = Preference(efficiency=3, users=1, reputation=1)


class RandomPolicy(Policy):
    """Any legal action, uniformly (a stress test for the rules, not a player)."""

    name = "random"

    def choose(self, game: Game, state: GameState, legal: list[a.Action]) -> a.Action:
        return self.pick(legal)
