"""Text for people, from string tables per language (``assets/strings/<lang>/*.yaml``, one file per
part of the game: engine messages, UI, reports… merged into one table per language).

Keys are dotted names, texts have named placeholders: ``"Bought {count} {chip}"``. The engine never
produces sentences; the UI and the command line turn its keys into text here.

Example::

    >>> strings("fr").t("ui.end_turn")
    'Finir le tour'
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from game import paths

ASSETS = paths.ASSETS / "strings"
LANGUAGES = ("en", "fr")


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (no Python objects can be built) that refuses a key written twice in a
    mapping, which it would otherwise let the second one win silently."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise ValueError(f"{key_node.start_mark.name}:{key_node.start_mark.line + 1}: the key {key!r} "
                                 f"appears twice in this mapping (first on line {seen[key] + 1})")
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def read_table(path: Path) -> dict[str, str]:
    """One string-table file, flattened to dotted keys.

    The tables are the game's own files (a mod brings no text tables), so they are read with PyYAML's
    safe loader rather than the hardened reader for files from strangers
    (:mod:`game.textfiles.safeyaml`), which reports its refusals with texts from these very tables.
    """
    with path.open(encoding="utf-8") as handle:
        return _flatten(yaml.load(handle, Loader=_StrictLoader) or {})


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Strings:
    """One language's table, with English as the fallback for missing keys."""

    def __init__(self, lang: str, table: dict[str, str], fallback: Strings | None = None):
        self.lang = lang
        self.table = table
        self.fallback = fallback

    def has(self, key: str) -> bool:
        return key in self.table or (self.fallback is not None and self.fallback.has(key))

    def t(self, key: str, **params: Any) -> str:
        """The text for ``key`` with its placeholders filled; the key itself if no table has it."""
        text = self.table.get(key)
        if text is None:
            return self.fallback.t(key, **params) if self.fallback else key
        return text.format_map(_Params(params))

    def pick(self, localized: dict[str, str] | None) -> str:
        """This language's version of a content text (``{en: ..., fr: ...}``), else English."""
        if not localized:
            return ""
        return localized.get(self.lang) or localized.get("en") or next(iter(localized.values()))


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        if not isinstance(key, str):  # YAML 1.1 reads unquoted yes/no/on/off keys as booleans
            raise ValueError(f"string table key {prefix}{key!r} is not text: write it in quotes")
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def strings(lang: str = "en") -> Strings:
    """The table for ``lang`` (``ValueError`` for a language the game does not have)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}' (available: {', '.join(LANGUAGES)})")
    table: dict[str, str] = {}
    for path in sorted((ASSETS / lang).glob("*.yaml")):
        table.update(read_table(path))
    return Strings(lang, table, None if lang == "en" else strings("en"))
