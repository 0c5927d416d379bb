"""The glossary: the technical words of the cards and buttons explained, in English and French, read
from ``assets/glossary.yaml`` (the help screen, F1, and the hover tooltips all take it from there).

Each term has a name and a text per language (and sometimes a longer "more"), and the words that find
it in a card's text, so a card can offer the definitions of the words it uses.

Example::

    >>> terms_in("DeepSeek trained V3 in FP8 on H800 chips", "en")
    ['fp8', 'h800']
    >>> glossary()["smic"].name["fr"]
    'SMIC (fondeur chinois)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from game.paths import ASSETS
from game.textfiles.safeyaml import read_document

GLOSSARY_FILE = ASSETS / "glossary.yaml"
LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    name: dict[str, str]
    text: dict[str, str]
    more: dict[str, str] = field(default_factory=dict)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _localized(entry: dict, key: str, term: str) -> dict[str, str]:
    value = entry.get(key) or {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError(f"{GLOSSARY_FILE.name}: {term}.{key} must map a language to a text")
    return dict(value)


@cache
def glossary() -> dict[str, Term]:
    """Every term, in the file's order (the help screen's order)."""
    data = read_document(GLOSSARY_FILE).data or {}  # the project's hardened YAML reader
    terms = {}
    for term_id, entry in (data.get("terms") or {}).items():
        words = {lang: tuple(ws) for lang, ws in (entry.get("words") or {}).items()}
        terms[str(term_id)] = Term(str(term_id), _localized(entry, "name", term_id), _localized(entry, "text", term_id),
                                   _localized(entry, "more", term_id), words)
    return terms


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regular expression for every word of ``lang`` (longest first), and word -> term."""
    owner = {}
    for term in glossary().values():
        for word in term.words.get(lang, ()):
            owner.setdefault(word.casefold(), term.id)
    alternatives = sorted(owner, key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!x)x"), owner
    body = "|".join(re.escape(w) for w in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), owner


def terms_in(text: str, lang: str) -> list[str]:
    """The glossary terms ``text`` uses, in the order they first appear."""
    pattern, owner = _pattern(lang)
    found: dict[str, None] = {}
    for match in pattern.finditer(text.replace("\u00a0", " ").replace("\u202f", " ")):
        found.setdefault(owner[match.group(0).casefold()], None)
    return list(found)


def pick(texts: dict[str, str], lang: str) -> str:
    """The text in ``lang``, else English."""
    return texts.get(lang) or texts.get("en", "")
