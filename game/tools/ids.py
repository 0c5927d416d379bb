"""``python main.py ids [KIND...]``: the ids a content file may name, with what each is.

Kinds: ``chips``, ``stocks``, ``rivals``, ``techs``, ``events``, ``decks``, ``scenarios`` (default:
all). Mods load as in every command (installed ones, ``--mod PATH``, ``--no-mods``), so a mod's own
events and decks are listed too. ``--json`` prints ``{"chips": [{"id": ..., "name": ...}], ...}``.

Example::

    $ python main.py ids chips
    chips (12):
      a100          Nvidia A100 (Nvidia)
      …
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from game.cli import UsageError
from game.content.models import Content
from game.i18n import LANGUAGES, strings
from game.tools.modopts import add_mod_arguments, content_from_args


def _rows(content: Content, lang: str) -> dict[str, Callable[[], list[tuple[str, str]]]]:
    pick = strings(lang).pick
    world = content.world
    return {
        "chips": lambda: [(c.id, f"{c.name} ({c.maker})") for c in world.chips],
        "stocks": lambda: [(s.id, s.name) for s in world.stocks],
        "rivals": lambda: [(r.id, r.name) for r in world.rivals],
        "techs": lambda: [(t.id, pick(t.name)) for t in world.techs],
        "events": lambda: [(e.id, f"{pick(e.title)} [{deck}]") for deck, d in sorted(content.decks.items())
                           for e in d.events],
        "decks": lambda: [(d, f"{len(deck.events)} events") for d, deck in sorted(content.decks.items())],
        "scenarios": lambda: [(s.id, pick(s.title)) for s in content.scenarios.values()],
    }


KINDS = ("chips", "stocks", "rivals", "techs", "events", "decks", "scenarios")


def ids_of(content: Content, kind: str, lang: str = "en") -> list[tuple[str, str]]:
    """(id, description) of every ``kind`` in ``content``.

    Example::

        >>> from game.content.loader import load_content
        >>> ("nvda", "Nvidia") in ids_of(load_content(), "stocks")
        True
    """
    return _rows(content, lang)[kind]()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kinds", nargs="*", metavar="KIND", help=f"what to list: {', '.join(KINDS)} (default: all)")
    parser.add_argument("--json", action="store_true", help="print the ids as one JSON document")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the descriptions")
    add_mod_arguments(parser)


def run(args: argparse.Namespace) -> int:
    s = strings(args.lang)
    kinds = args.kinds or list(KINDS)
    for kind in kinds:
        if kind not in KINDS:
            import difflib

            near = difflib.get_close_matches(kind, KINDS, n=1)
            hint = " " + s.t("lesson.run.did_you_mean", suggestion=near[0]) if near else ""
            raise UsageError(s.t("mods.ids.unknown_kind", kind=kind, known=", ".join(KINDS)) + hint)
    content = content_from_args(args)
    found = {kind: ids_of(content, kind, args.lang) for kind in kinds}
    if args.json:
        print(json.dumps({k: [{"id": i, "name": n} for i, n in rows] for k, rows in found.items()},
                         ensure_ascii=False, indent=1))
        return 0
    for kind, rows in found.items():
        print(s.t("mods.ids.header", kind=kind, count=len(rows)))
        width = max((len(i) for i, _n in rows), default=0)
        for ident, name in rows:
            print(f"  {ident:<{width}}  {name}")
    return 0
