"""Three discussion questions for one game, chosen from what happened in it.

Each candidate reads the game's facts and, when it applies, gives a line saying what happened and a
question tying it to the articles. The candidates are grouped by the learning goals of TEACHING (bans
and stockpiles, reported vs real cost, the market shock, open weights and prices, privacy and trust):
each question comes from a different goal, the goals this game says most about first.

Example::

    >>> [q.key for q in discussion_questions(facts, doc, cat)]      # doctest: +SKIP
    ['grey', 'nvidia', 'open_release']
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from game.i18n import strings
from game.messages import capability, money, number, percent_bp, price
from game.report.catalog import Catalog
from game.report.facts import CHEAP_PRICE_CENTS, GameFacts
from game.report.loading import ResultDoc

#: The rental price per H800-hour the articles use to cost DeepSeek-V3 ($5.576M for 2.788M hours).
ARTICLE_RATE_CENTS = 200


@dataclass(frozen=True)
class Question:
    key: str
    fact: str
    ask: str


Params = dict[str, object]
Candidate = Callable[[GameFacts, ResultDoc, Catalog], tuple[str, Params] | None]


def _bankrupt(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    return ("bankrupt", {"date": f.bankrupt_date[:7]}) if f.bankrupt_date else None


def _grey(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    if not f.grey_chips:
        return None
    return "grey", {"count": number(f.grey_chips, cat.lang), "date": (f.grey_first_date or "")[:7]}


def _stockpile(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    if f.stockpiles:
        pile = max(f.stockpiles, key=lambda p: p.count)
        return "stockpile", {"count": number(pile.count, cat.lang), "chip": cat.chip(pile.chip),
                             "date": pile.ban_date[:7]}
    if f.side != "cn":
        return None
    for event in doc.events:
        if event.turn < doc.first_turn:
            continue  # a ban before the lesson's start: the student had no window to buy in
        chips, _ = cat.bans(event.id)
        if chips:
            names = ", ".join(cat.chip(c) for c in chips)
            return "ban_no_stockpile", {"chips": names, "date": event.date[:7]}
    return None


def _pricing(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    lang = cat.lang
    if f.releases == 0:
        return "never_released", {}
    if f.open_release:
        return "open_release", {"date": (f.open_release_date or "")[:7],
                                "price": price(f.cheapest_price or 0, lang)}
    if f.cheap_release_date:
        return "cheap_closed", {"date": f.cheap_release_date[:7], "price": price(f.cheapest_price or 0, lang)}
    return "expensive", {"price": price(f.cheapest_price or 0, lang), "r1": price(CHEAP_PRICE_CENTS, lang)}


def _differs(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    made = next((c for c in f.choices if c.differs), None)
    if made is None:
        return None
    return "differs", {"title": made.title, "date": made.date[:7], "choice": cat.choice_label(made.event, made.choice),
                       "historical": cat.choice_label(made.event, made.historical or "")}


def _training_bill(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    if not f.runs:
        return None
    return "training_bill", {"runs": number(f.runs, cat.lang), "hours": number(f.gpu_hours, cat.lang),
                             "cost": money(f.gpu_hours * ARTICLE_RATE_CENTS // 100, cat.lang)}


def _research(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    if f.research:
        names = ", ".join(dict.fromkeys(cat.tech(t) for t in f.research))
        return "researched", {"techs": names}
    return "no_research", {}


def _frontier(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    if f.best_rival is None:
        return None
    rival, rival_cap = f.best_rival
    params: Params = {"capability": capability(f.final_capability, cat.lang), "rival": rival,
                      "rival_capability": capability(rival_cap, cat.lang)}
    return ("ahead" if f.lead > 0 else "behind"), params


def _nvidia(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    if "nvda" not in f.stock_moves:
        return None
    first, last = f.stock_moves["nvda"]
    change = (last - first) * 10000 // max(first, 1)
    return "nvidia", {"first": price(first, cat.lang), "last": price(last, cat.lang),
                      "change": percent_bp(change, cat.lang)}


def _same_as_history(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    made = next((c for c in f.choices if c.historical and not c.differs), None)
    if made is None:
        return None
    return "same_as_history", {"title": made.title, "choice": cat.choice_label(made.event, made.choice)}


def _trust(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
    met = next((e for e in doc.events if e.id in TRUST_EVENTS and e.turn >= doc.first_turn
                and e.side in (doc.side, None)), None)
    if met is None:
        return None
    event = cat.event(met.id)
    return "trust", {"title": strings(cat.lang).pick(event.title) if event else met.title, "date": met.date[:7]}


def _fallback(key: str) -> Candidate:
    def candidate(f: GameFacts, doc: ResultDoc, cat: Catalog) -> tuple[str, Params] | None:
        return key, {}
    return candidate


#: Cards about privacy and trust (a block for data protection, suspicions of distillation).
TRUST_EVENTS = frozenset({"italy_block", "distillation_suspicion", "distillation_accused_player",
                          "privacy_inquiry_abroad"})
#: The learning goals of TEACHING, each with its candidates (the most telling first) and how strongly
#: each speaks to this game (4: it ended the game, 3: the student did it, 2: it happened to the lab, 1: general
#: question).
GOALS: dict[str, tuple[tuple[Candidate, int], ...]] = {
    "bans": ((_grey, 3), (_stockpile, 2), (_fallback("bans_general"), 1)),
    "cost": ((_bankrupt, 4), (_training_bill, 2), (_fallback("cost_general"), 1)),  # a bankruptcy ended it: first
    "shock": ((_nvidia, 2), (_fallback("shock_general"), 1)),
    "prices": ((_pricing, 2), (_fallback("prices_general"), 1)),
    "trust": ((_trust, 2), (_fallback("trust_general"), 1)),
}
#: The questions of the other kinds, kept for a game that asks for more than the goals give.
CANDIDATES: tuple[Candidate, ...] = (_differs, _research, _frontier, _same_as_history)


def _turn(doc: ResultDoc, goal: str) -> int:
    """A number that differs from game to game and goal to goal: it breaks ties between goals, so a
    class gets varied questions covering every goal, and each game always gets the same ones."""
    digest = hashlib.sha256(f"{doc.nickname}|{doc.state_hash}|{goal}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def discussion_questions(facts: GameFacts, doc: ResultDoc, cat: Catalog, count: int = 3) -> list[Question]:
    """``count`` questions, each from a different learning goal: the goals this game says most about
    first (what the student did, then what happened to the lab), ties broken per game."""
    s = strings(cat.lang)
    found: list[tuple[int, int, str, tuple[str, Params]]] = []
    for goal, candidates in GOALS.items():
        for candidate, strength in candidates:
            hit = candidate(facts, doc, cat)
            if hit is not None:
                if hit[0] == "nvidia" and any(e.id == "nvidia_crash" for e in doc.events):
                    strength = 3  # the crash was played: the question is about this game
                found.append((-strength, _turn(doc, goal), goal, hit))
                break
    picked = [hit for *_, hit in sorted(found)[:count]]
    for candidate in CANDIDATES:
        if len(picked) >= count:
            break
        hit = candidate(facts, doc, cat)
        if hit is not None:
            picked.append(hit)
    return [Question(key, s.t(f"report.q.{key}.fact", **params), s.t(f"report.q.{key}.ask", **params))
            for key, params in picked]
