"""The source articles by name: "A0" and "A1" (the ids the event decks use, after CHRONOLOGY.md) become
the outlet and date a student can look up. The names live in one string table,
``assets/strings/<lang>/sources.yaml``; cards, front pages, the events handout and debriefs all ask here.

Example::

    >>> from game.i18n import strings
    >>> article_name(strings("en"), "A0")
    'Báo Quốc Tế, 8 February 2025'
    >>> article_names(strings("en"), ["A9"])
    'A9'
"""

from __future__ import annotations

from collections.abc import Iterable

from game.i18n import Strings


def article_name(s: Strings, article: str) -> str:
    """The outlet and date of ``article`` ("A0"), or the id itself for an article a mod adds unnamed."""
    key = f"sources.article.{article.lower()}"
    return s.t(key) if s.has(key) else article


def article_names(s: Strings, articles: Iterable[str]) -> str:
    """Several articles, named, separated by semicolons (a name has commas of its own); French puts a
    narrow no-break space before the semicolon."""
    return ("\u202f; " if s.lang == "fr" else "; ").join(article_name(s, a) for a in articles)
