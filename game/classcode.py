"""Class codes: one short text a teacher writes on the board so that every student gets the same game.

A code is the scenario id, the seed and any facilitator options, separated by dashes::

    cn_lab-4821                  the scenario cn_lab with seed 4821
    us_lab-77-t12-h0-hard        12 turns, history off, hard

Options: ``tN`` turn limit, ``h0``/``h1`` history off/on, ``easy``/``normal``/``hard``.
Codes are case-insensitive and ignore spaces.

Example::

    >>> parse_class_code("CN_LAB-4821-t12")
    ('cn_lab', 4821, {'turn_limit': 12})
    >>> make_class_code("cn_lab", 4821, {"turn_limit": 12})
    'cn_lab-4821-t12'
"""

from __future__ import annotations

import re
from typing import Any

_SCENARIO = re.compile(r"^[a-z][a-z0-9_]*$")


class ClassCodeError(ValueError):
    """A code that cannot be read; the message says what is wrong."""


def make_class_code(scenario: str, seed: int, options: dict[str, Any] | None = None) -> str:
    parts = [scenario, str(seed)]
    options = options or {}
    if options.get("turn_limit"):
        parts.append(f"t{options['turn_limit']}")
    if options.get("history") is not None:
        parts.append("h1" if options["history"] else "h0")
    if options.get("difficulty"):
        parts.append(options["difficulty"])
    if options.get("remove_events") or options.get("force_events"):
        raise ClassCodeError("events removed or forced cannot go in a class code: put them in a scenario file")
    return "-".join(parts)


def parse_class_code(text: str) -> tuple[str, int, dict[str, Any]]:
    """(scenario id, seed, options) from a class code; ``ClassCodeError`` saying what is wrong."""
    parts = [p for p in re.sub(r"\s+", "", text).lower().split("-") if p]
    if len(parts) < 2:
        raise ClassCodeError("a class code looks like cn_lab-4821: a scenario, a dash, a number")
    scenario, seed_text, *rest = parts
    if not _SCENARIO.match(scenario):
        raise ClassCodeError(f"'{scenario}' is not a scenario id")
    if not seed_text.isdigit() or len(seed_text) > 18:
        raise ClassCodeError(f"'{seed_text}' is not a seed (a whole number)")
    options: dict[str, Any] = {}
    for part in rest:
        if re.fullmatch(r"t\d{1,3}", part) and int(part[1:]) >= 1:
            options["turn_limit"] = int(part[1:])
        elif part in ("h0", "h1"):
            options["history"] = part == "h1"
        elif part in ("easy", "normal", "hard"):
            options["difficulty"] = part
        else:
            raise ClassCodeError(f"'{part}' is not an option (tN, h0, h1, easy, normal, hard)")
    return scenario, int(seed_text), options
