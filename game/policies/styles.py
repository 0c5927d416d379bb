"""Six computer players with a style each, for the playtest panel (``python main.py playtest``).

Each is a :class:`~game.policies.heuristics.PriorityPolicy` (rules tried in order each action, the first
that proposes something wins) plus a :class:`~game.policies.preferences.Preference` that answers every
news card from what its choices do to the lab's meters:

- ``stockpile``: buys the biggest lots it can of every chip an export ban has been announced for,
  before the ban bites; values chips on cards.
- ``smuggle``: buys wherever a unit of training throughput is cheapest, the grey market included
  (twice the price, a share seized), and values chips over reputation.
- ``open_cheap``: releases open weights at the lowest price on the menu (a price war) and values users
  and reputation.
- ``closed_premium``: sells a closed model at the highest price, buys big, values cash and capability.
- ``research``: researches efficiency first with a thin reserve, hires, values efficiency and talent.

Every style but ``research`` funds research after training and before buying more chips: buying is
always possible while cash lasts, so a style that bought first would never research.
- ``lobby``: spends on government relations whenever it can and values them on cards (grants,
  vouchers, state funds).
- ``adaptive``: opens its weights while its model trails the best one on the market and sells it
  closed once it leads (open weights catch a challenger up; a leader's are copied), buys big, keeps cash
  on cards.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.match import play_game
    >>> game = Game(load_content(), "cn_lab")
    >>> lab = play_game(game, seed=1, policies={"cn": OpenCheapPolicy(1)}).state.labs["cn"]
    >>> lab.open_weights
    True
"""

from __future__ import annotations

from game.engine import actions as a
from game.engine.context import Ctx
from game.engine.economy import OPEN_REVENUE_PCT, SERVING_CENTS_PER_M
from game.engine.game import Game
from game.engine.legal import LegalMenu
from game.engine.refusals import GREY_PRICE_PCT
from game.engine.rng import NO_DRAWS
from game.engine.scoring import best_rival_capability
from game.engine.state import GameState, Lab
from game.policies.heuristics import PriorityPolicy
from game.policies.preferences import Preference

#: A style releases a better model when it beats the one on sale by this much (hundredths).
RELEASE_STEP = 200


def lowest_paying(lab: Lab, offers: list[a.Release]) -> a.Release:
    """The cheapest of the open releases ``offers`` whose price still pays for serving a token (the
    cheapest of all when none does)."""
    # An open model earns OPEN_REVENUE_PCT of its tokens' price; serving one costs the lab this much.
    cost = SERVING_CENTS_PER_M * (100 - lab.serving_pct) // 100
    paying = [x for x in offers if x.price_cents * OPEN_REVENUE_PCT // 100 >= cost]
    return min(paying or offers, key=lambda x: x.price_cents)


class StylePolicy(PriorityPolicy):
    """A priority policy that answers cards by its :attr:`preference` and releases at the menu's price
    nearest :attr:`release_price`, open or closed as :meth:`opens` says."""

    preference = Preference()

    def release_style(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        if lab.released and lab.capability < lab.released + RELEASE_STEP:
            return None
        opens = self.opens(game, state, lab)
        offers = [x for x in legal.by_kind.get(a.Release, ()) if x.open_weights == opens]
        return self.priced(lab, offers) if offers else None

    def opens(self, game: Game, state: GameState, lab: Lab) -> bool:
        """Whether the style's next release has open weights: :attr:`release_open`."""
        return self.release_open

    def priced(self, lab: Lab, offers: list[a.Release]) -> a.Release:
        """The release among ``offers`` (open or closed as the style wants) at the style's price: the menu's
        price nearest :attr:`release_price`."""
        return min(offers, key=lambda x: (abs(x.price_cents - self.release_price), x.price_cents))

    def buy_big(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        """The biggest lot of the best chip the cash above the reserve pays for."""
        return self.buy(game, state, lab, legal, big=True)

    def unit_price(self, game: Game, state: GameState, lot: a.BuyChips) -> float:
        """Dollars for one chip of ``lot`` by its route (the grey market's markup included)."""
        price = game.rules.chips[lot.chip].price * state.world.chip_price_pct.get(lot.chip, 100) / 100
        return price * GREY_PRICE_PCT / 100 if lot.grey else price

    def unit_cost(self, game: Game, state: GameState, lot: a.BuyChips) -> float:
        """Dollars per unit of throughput (an H100's = 1000) of one chip of ``lot``, by its route."""
        return self.unit_price(game, state, lot) / game.rules.chips[lot.chip].perf

    def affordable(self, game: Game, state: GameState, lab: Lab, lots: list[a.BuyChips]) -> list[a.BuyChips]:
        """The lots of ``lots`` the cash above the reserve pays for."""
        spare = self.spare(game, lab)
        return [b for b in lots if b.count * self.unit_price(game, state, b) <= spare]


class StockpilePolicy(StylePolicy):
    """Buys ahead of every announced export ban (the High-Flyer lesson), then trains on the stock."""

    name = "stockpile"
    rules = ("raise_when_low", "stock_up", "release_style", "train", "research", "buy")
    reserve_pct = 15
    release_price = 1000
    preference = Preference(chips=3, cash=1, reputation=0.5)

    def stock_up(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        doomed = {ban.chip for ban in state.world.pending_bans}
        lots = [b for b in legal.by_kind.get(a.BuyChips, ()) if not b.grey and b.chip in doomed]
        lots = self.affordable(game, state, lab, lots)
        if not lots:
            return None
        return max(lots, key=lambda b: (game.rules.chips[b.chip].perf, b.count, b.chip))


class SmugglePolicy(StylePolicy):
    """Buys the cheapest throughput on offer, through smugglers whenever that is cheaper."""

    name = "smuggle"
    rules = ("raise_when_low", "release_style", "train", "research", "cheapest_compute")
    reserve_pct = 20
    release_price = 500
    preference = Preference(chips=5, cash=1, reputation=0.2, gov_relations=0.2)

    def cheapest_compute(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        lots = self.affordable(game, state, lab, list(legal.by_kind.get(a.BuyChips, ())))
        if not lots:
            return None
        return min(lots, key=lambda b: (self.unit_cost(game, state, b), -b.count, b.chip))


class OpenCheapPolicy(StylePolicy):
    """Open weights at the lowest price that still pays for serving a token: users and reputation before
    revenue (a price war, not a sale at a loss: DeepSeek said its prices covered its costs)."""

    name = "open_cheap"
    rules = ("raise_when_low", "release_style", "train", "research", "buy")
    reserve_pct = 25
    release_price = 1
    release_open = True
    preference = Preference(users=3, reputation=2, cash=0.5)

    def priced(self, lab: Lab, offers: list[a.Release]) -> a.Release:
        return lowest_paying(lab, offers)


class ClosedPremiumPolicy(StylePolicy):
    """A closed model at the highest price, bought compute in big lots: revenue and capability."""

    name = "closed_premium"
    rules = ("raise_when_low", "release_style", "train", "research", "buy_big")
    reserve_pct = 25
    release_price = 100_000
    release_open = False
    preference = Preference(cash=3, capability=2, reputation=0.5, users=0.5)


class ResearchPolicy(StylePolicy):
    """Efficiency first: every technique it can fund, then researchers, then training."""

    name = "research"
    rules = ("raise_when_low", "research", "hire", "release_style", "train", "buy")
    reserve_pct = 10
    reserve_months = 12  # a thin reserve of cash, but a year of running costs: research takes time
    release_price = 219
    release_open = True
    preference = Preference(efficiency=3, talent=2, cash=1)  # cash as much as the default: top-ups keep it alive


class LobbyPolicy(StylePolicy):
    """Government relations first (grants, vouchers, fewer seizures), then a cautious lab."""

    name = "lobby"
    rules = ("raise_when_low", "lobby_hard", "release_style", "train", "research", "buy")
    reserve_pct = 30
    release_price = 1000
    preference = Preference(gov_relations=3, cash=1, chips=1.5)

    def lobby_hard(self, game: Game, state: GameState, lab: Lab, legal: LegalMenu) -> a.Action | None:
        lobbies = legal.by_kind.get(a.Lobby)
        return lobbies[0] if lobbies and lab.gov_relations < 95 and self.spare(game, lab) > 0 else None


class AdaptivePolicy(StylePolicy):
    """Open or closed by its place in the race: open weights at the lowest paying price while its model
    trails the best one on the market (Meta's reason for publishing Llama: a challenger gains users,
    trust and talent, and loses no lead), a closed model at a mid price once it leads (a leader's open
    weights would be copied). Buys the best chips in big lots; on cards, keeps its cash."""

    name = "adaptive"
    rules = ("raise_when_low", "release_style", "train", "research", "buy_big")
    reserve_pct = 25
    release_price = 500  # closed: half of cautious's $10, above open weights' price war
    preference = Preference(cash=3, capability=1)

    def opens(self, game: Game, state: GameState, lab: Lab) -> bool:
        """Open while its model trails the best one on the market."""
        return lab.capability < best_rival_capability(Ctx(game.rules, state, NO_DRAWS), lab)

    def priced(self, lab: Lab, offers: list[a.Release]) -> a.Release:
        # open weights: a price war that still pays for serving; closed: its mid price
        return lowest_paying(lab, offers) if offers[0].open_weights else super().priced(lab, offers)


STYLES: tuple[type[StylePolicy], ...] = (StockpilePolicy, SmugglePolicy, OpenCheapPolicy, ClosedPremiumPolicy,
                                         ResearchPolicy, LobbyPolicy, AdaptivePolicy)
