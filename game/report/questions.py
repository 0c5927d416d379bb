"""Three discussion questions for one game, chosen from what happened in it.

Each candidate reads the game's facts and, when it applies, gives a line saying what happened and a
question tying it to the articles. Candidates are tried in a fixed order (the most telling first: a
bankruptcy, the grey market, a stockpile before a ban…) and the first three that apply are kept.

Example::

    >>> [q.key for q in discussion_questions(facts, doc, cat)]      # doctest: +SKIP
    ['stockpile', 'open_cheap', 'training_bill']
"""

from __future__ import annotations

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


#: Tried in this order; the first three that apply are asked.
CANDIDATES: tuple[Candidate, ...] = (_bankrupt, _grey, _stockpile, _pricing, _differs, _training_bill,
                                     _research, _frontier, _nvidia, _same_as_history)


def discussion_questions(facts: GameFacts, doc: ResultDoc, cat: Catalog, count: int = 3) -> list[Question]:
    """The first ``count`` questions that apply to this game, in the catalogue's language."""
    s = strings(cat.lang)
    out = []
    for candidate in CANDIDATES:
        found = candidate(facts, doc, cat)
        if found is None:
            continue
        key, params = found
        out.append(Question(key, s.t(f"report.q.{key}.fact", **params), s.t(f"report.q.{key}.ask", **params)))
        if len(out) == count:
            break
    return out
