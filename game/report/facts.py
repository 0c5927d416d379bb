"""What happened in one game, read from its result document: the raw material of the debrief's
discussion questions and of the class report's strategy groups.

Example::

    >>> facts = game_facts(loaded.doc, Catalog.shipped("en"))   # doctest: +SKIP
    >>> facts.grey_chips, facts.open_release                        # doctest: +SKIP
    (0, True)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.report.catalog import Catalog
from game.report.loading import EventRow, ResultDoc

#: Action type -> category of the action mix (a grey-market purchase is its own category).
CATEGORIES = {
    "buy_chips": "chips", "rent_cloud": "cloud", "train": "training", "research": "research",
    "release": "pricing", "set_price": "pricing", "raise": "funding", "lobby": "funding", "hire": "funding",
}
#: Category order: fixed, so that ties are broken the same way every time.
CATEGORY_ORDER = ("chips", "grey", "cloud", "training", "research", "pricing", "funding")
#: DeepSeek-R1's price per million output tokens, cents: "cheap" means at or under it.
CHEAP_PRICE_CENTS = 219
#: Capability (hundredths) within which a lab counts as "at the frontier".
NEAR_FRONTIER = 300


@dataclass(frozen=True)
class Stockpile:
    """Chips bought legally before an export ban on them came into force (bans bind Chinese buyers)."""

    chip: str
    count: int
    event: str
    ban_date: str
    in_window: int  # of which bought between the announcement and the ban


@dataclass(frozen=True)
class ChoiceMade:
    event: str
    title: str
    date: str
    choice: str
    historical: str | None

    @property
    def differs(self) -> bool:
        return self.historical is not None and self.choice != self.historical


@dataclass(frozen=True)
class GameFacts:
    """Figures and decisions of the main seat of one game."""

    side: str
    mix: dict[str, int]                       # category -> number of actions
    grey_chips: int
    grey_first_date: str | None
    stockpiles: list[Stockpile]
    releases: int
    open_release: bool
    open_release_date: str | None
    cheapest_price: int | None                # cents per million tokens, lowest release or price set
    cheap_release_date: str | None
    runs: int
    gpu_hours: int
    research: list[str]
    raises: int
    bankrupt_date: str | None
    start_capability: int
    final_capability: int
    final_frontier: int
    best_rival: tuple[str, int] | None
    start_cash: int
    final_cash: int
    min_cash: tuple[str, int]
    start_users: int
    final_users: int
    stock_moves: dict[str, tuple[int, int]]   # stock -> (first price, last price), cents
    choices: list[ChoiceMade] = field(default_factory=list)

    @property
    def lead(self) -> int:
        return self.final_capability - (self.best_rival[1] if self.best_rival else 0)

    @property
    def decisions(self) -> dict[str, bool]:
        """Yes/no decisions the class report compares (key -> taken)."""
        return {
            "grey_market": self.grey_chips > 0,
            "stockpiled": any(s.count for s in self.stockpiles),
            "open_weights": self.open_release,
            "cheap_price": self.cheap_release_date is not None,
            "researched": bool(self.research),
            "cloud": self.mix.get("cloud", 0) > 0,
            "raised_money": self.raises > 0,
        }


def automatic(event: EventRow, doc: ResultDoc) -> bool:
    """Whether an event's choice was taken automatically: nobody played its side, or it came before the
    players took over (a lesson that starts later)."""
    return event.auto or event.side is None or event.side not in doc.seats or event.turn < doc.first_turn


def _date_of(doc: ResultDoc, turn: int) -> str:
    for row in doc.series:
        if row.turn == turn:
            return row.date
    return next((e.date for e in doc.events if e.turn == turn), doc.date)


def _stockpiles(doc: ResultDoc, cat: Catalog, buys: list[tuple[int, str, int]]) -> list[Stockpile]:
    piles = []
    seen: set[str] = set()
    for event in doc.events:
        if event.id in seen:  # a two-lab game logs a world event once per lab
            continue
        seen.add(event.id)
        chips, delay = cat.bans(event.id)
        in_force = event.turn + delay
        for chip in chips:
            before = [(t, n) for t, c, n in buys if c == chip and t < in_force]
            if before:
                window = sum(n for t, n in before if t >= event.turn)
                piles.append(Stockpile(chip, sum(n for _, n in before), event.id, _date_of(doc, in_force), window))
    return piles


def game_facts(doc: ResultDoc, cat: Catalog, side: str | None = None) -> GameFacts:
    """The facts of one seat (the main one by default)."""
    side = side or doc.side
    mine = [row for row in doc.actions if row.side == side and row.turn >= doc.first_turn]  # not history's
    mix: Counter[str] = Counter()
    buys: list[tuple[int, str, int]] = []
    grey_chips, grey_first = 0, None
    releases, open_date, cheap_date, cheapest = 0, None, None, None
    runs, gpu_hours, research, raises = 0, 0, [], 0
    for row in mine:
        act = row.action
        kind = act.get("type", "")
        if kind in ("end_turn", "choose") or kind not in CATEGORIES:
            continue
        if kind == "buy_chips" and act.get("grey"):
            mix["grey"] += 1
            grey_chips += int(act.get("count", 0))
            grey_first = grey_first or _date_of(doc, row.turn)
            continue
        mix[CATEGORIES[kind]] += 1
        if kind == "buy_chips":
            buys.append((row.turn, str(act.get("chip")), int(act.get("count", 0))))
        elif kind == "train":
            runs += 1
            gpu_hours += int(act.get("gpu_hours", 0))
        elif kind == "research":
            research.append(str(act.get("tech")))
        elif kind == "raise":
            raises += 1
        if kind in ("release", "set_price"):
            price = int(act.get("price_cents", 0))
            cheapest = price if cheapest is None else min(cheapest, price)
            if price <= CHEAP_PRICE_CENTS and cheap_date is None:
                cheap_date = _date_of(doc, row.turn)
        if kind == "release":
            releases += 1
            if act.get("open_weights") and open_date is None:
                open_date = _date_of(doc, row.turn)
    first, last = doc.series[0], doc.series[-1]
    me0, me1 = first.labs.get(side, {}), last.labs.get(side, {})
    others = dict(last.rivals)
    others.update({f"lab:{s}": lab.get("capability", 0) for s, lab in last.labs.items() if s != side})
    best = max(sorted(others.items()), key=lambda kv: kv[1], default=None)
    if best is not None and best[0].startswith("lab:"):
        best = (doc.sides[best[0][4:]].name if best[0][4:] in doc.sides else best[0][4:], best[1])
    elif best is not None:
        best = (cat.rival(best[0]), best[1])
    cash_rows = [(row.date, row.labs.get(side, {}).get("cash", 0)) for row in doc.series]
    outcome = doc.sides[side].outcome if side in doc.sides else doc.outcome
    # only the choices the player made (not those taken automatically), and history only for real
    # events: an invented card has no "what really happened" to compare with
    choices = [ChoiceMade(e.id, e.title, e.date, e.choice, cat.historical_choice(e.id) if e.kind != "generic" else None)
               for e in doc.events if e.choice and e.side == side and not automatic(e, doc)]
    return GameFacts(
        side=side, mix={k: mix[k] for k in CATEGORY_ORDER if mix[k]}, grey_chips=grey_chips,
        grey_first_date=grey_first, stockpiles=_stockpiles(doc, cat, buys) if side == "cn" else [], releases=releases,
        open_release=open_date is not None, open_release_date=open_date, cheapest_price=cheapest,
        cheap_release_date=cheap_date, runs=runs, gpu_hours=gpu_hours, research=research, raises=raises,
        bankrupt_date=last.date if outcome == "bankrupt" else None,
        start_capability=me0.get("capability", 0), final_capability=me1.get("capability", 0),
        final_frontier=last.frontier, best_rival=best,
        start_cash=me0.get("cash", 0), final_cash=me1.get("cash", 0),
        min_cash=min(cash_rows, key=lambda dc: dc[1]),
        start_users=me0.get("users", 0), final_users=me1.get("users", 0),
        stock_moves={s: (first.stocks[s], last.stocks.get(s, first.stocks[s])) for s in first.stocks},
        choices=choices,
    )


def action_shares(mix: dict[str, int]) -> dict[str, float]:
    """Each category's share of a game's actions (0..1)."""
    total = sum(mix.values())
    return {k: mix.get(k, 0) / total for k in CATEGORY_ORDER} if total else {}


def styles(mixes: list[dict[str, int]]) -> list[str]:
    """Each game's style: the category it used most *compared with the class average*.

    Every lab buys chips all the time, so "most used" would put everybody in one group; what tells
    strategies apart is what a game did more of than the others. A game with no actions is "none".

    Example::

        >>> styles([{"chips": 9, "research": 1}, {"chips": 5, "research": 5}])
        ['chips', 'research']
    """
    shares = [action_shares(m) for m in mixes]
    played = [s for s in shares if s]
    mean = {k: sum(s[k] for s in played) / len(played) for k in CATEGORY_ORDER} if played else {}
    out = []
    for share in shares:
        if not share:
            out.append("none")
            continue
        ratios = [(share[k] / mean[k], -i, k) for i, k in enumerate(CATEGORY_ORDER) if mean[k] > 0 and share[k] > 0]
        out.append(max(ratios)[2] if ratios else "none")
    return out
