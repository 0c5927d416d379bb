"""The player's path beside the real one: the debrief's first-page table.

Rows for the moments the articles tell (chips before the bans, the training bill, the release and its
price, users, the market), each with what the player did in this game and what the real lab did. The
real lab is DeepSeek for the Chinese side and OpenAI for the American side.

Example::

    >>> rows = path_rows(game_facts(doc, cat), doc, cat)      # doctest: +SKIP
    >>> rows[0][0]                                               # doctest: +SKIP
    'Puces avant les interdictions'
"""

from __future__ import annotations

from game.i18n import strings
from game.messages import money, number, percent_bp, price
from game.report.catalog import Catalog
from game.report.facts import GameFacts
from game.report.loading import ResultDoc
from game.report.questions import ARTICLE_RATE_CENTS

#: The rows, in order: (key, whether the row is about the Chinese side only).
ROWS = (("chips", False), ("training", False), ("release", False), ("users", False), ("market", False))


def _yours(key: str, f: GameFacts, doc: ResultDoc, cat: Catalog) -> str:
    s, lang = strings(cat.lang), cat.lang
    if key == "chips":
        if f.stockpiles:
            pile = max(f.stockpiles, key=lambda x: x.count)
            text = s.t("lesson.path.yours.stockpile", count=number(pile.count, lang), chip=cat.chip(pile.chip))
        else:
            text = s.t("lesson.path.yours.no_stockpile")
        if f.grey_chips:
            text += " " + s.t("lesson.path.yours.grey", count=number(f.grey_chips, lang))
        return text
    if key == "training":
        if not f.runs:
            return s.t("lesson.path.yours.no_training")
        return s.t("lesson.path.yours.training", runs=number(f.runs, lang), hours=number(f.gpu_hours, lang),
                   cost=money(f.gpu_hours * ARTICLE_RATE_CENTS // 100, lang))
    if key == "release":
        if not f.releases:
            return s.t("lesson.path.yours.no_release")
        kind = s.t("lesson.path.open" if f.open_release else "lesson.path.closed")
        return s.t("lesson.path.yours.release", price=price(f.cheapest_price or 0, lang), kind=kind,
                   date=_month(f.open_release_date or f.cheap_release_date or "", lang))
    if key == "users":
        return s.t("lesson.path.yours.users", users=number(f.final_users, lang))
    first, last = f.stock_moves.get("nvda", (0, 0))
    change = (last - first) * 10000 // max(first, 1)
    return s.t("lesson.path.yours.market", change=percent_bp(change, lang))


def _month(date: str, lang: str) -> str:
    from game.messages import month_year

    return month_year(date, lang) if len(date) >= 7 else "–"


def path_rows(f: GameFacts, doc: ResultDoc, cat: Catalog) -> list[list[str]]:
    """[topic, in this game, in reality] for each row."""
    s = strings(cat.lang)
    real = "cn" if doc.side == "cn" else "us"
    return [[s.t(f"lesson.path.topic.{key}"), _yours(key, f, doc, cat), s.t(f"lesson.path.real.{real}.{key}")]
            for key, _ in ROWS]


def path_heads(doc: ResultDoc, cat: Catalog) -> list[str]:
    s = strings(cat.lang)
    real = "cn" if doc.side == "cn" else "us"
    return [s.t("lesson.path.topic_head"), s.t("lesson.path.yours_head"), s.t(f"lesson.path.real_head.{real}")]
