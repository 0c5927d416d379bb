"""Class codes: one short text a teacher writes on the board so that every student gets the same game.

A code is the scenario id, the seed and any facilitator options, separated by dashes::

    cn_lab-4821                  the scenario cn_lab with seed 4821
    us_lab-77-t12-h0-hard        12 turns, history off, hard

Options: ``tN`` turn limit, ``h0``/``h1`` history off/on, ``easy``/``normal``/``hard``.
Codes are case-insensitive; spaces, slashes and the dashes word processors put in (– —) also separate
parts, so ``CN_LAB 4821 t12`` copied from a slide still works. Events removed or forced cannot go in a
code: they belong in a scenario file (see docs/TEACHING.md).

Example::

    >>> parse_class_code("CN_LAB-4821-t12")
    ('cn_lab', 4821, {'turn_limit': 12})
    >>> parse_class_code("us_lab 77 – h0")
    ('us_lab', 77, {'history': False})
    >>> make_class_code("cn_lab", 4821, {"turn_limit": 12})
    'cn_lab-4821-t12'
    >>> class_code_or_none("cn_lab", 4821, {"remove_events": ["nvidia_crash"]}) is None
    True
"""

from __future__ import annotations

import re
from typing import Any

_SCENARIO = re.compile(r"^[a-z][a-z0-9_]*$")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―/]+")
#: The largest seed the engine takes (2**63 - 1); codes with more digits are refused.
MAX_SEED = 2**63 - 1
DIFFICULTIES = ("easy", "normal", "hard")
MAX_TURN_LIMIT = 200


class ClassCodeError(ValueError):
    """A code that cannot be read or made. ``str()`` is English; :meth:`message` is in a language."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The reason, from the string table (``classcode.*`` keys)."""
        from game.i18n import strings

        return strings(lang).t(f"classcode.{self.key}", **self.params)


def make_class_code(scenario: str, seed: int, options: dict[str, Any] | None = None) -> str:
    """The code for a scenario, seed and facilitator options; :class:`ClassCodeError` if they cannot go in one."""
    scenario = scenario.lower()
    if not _SCENARIO.match(scenario):
        raise ClassCodeError("bad_scenario", scenario=scenario)
    if not 0 <= seed <= MAX_SEED:
        raise ClassCodeError("bad_seed", seed=seed)
    options = options or {}
    if options.get("remove_events") or options.get("force_events"):
        raise ClassCodeError("events_not_in_code")
    parts = [scenario, str(seed)]
    if options.get("turn_limit"):
        parts.append(f"t{int(options['turn_limit'])}")
    if options.get("history") is not None:
        parts.append("h1" if options["history"] else "h0")
    if options.get("difficulty"):
        parts.append(str(options["difficulty"]))
    return "-".join(parts)


def class_code_or_none(scenario: str, seed: int, options: dict[str, Any] | None = None) -> str | None:
    """Like :func:`make_class_code`, but ``None`` for a game no code can describe (events removed)."""
    try:
        return make_class_code(scenario, seed, options)
    except ClassCodeError:
        return None


def parse_class_code(text: str) -> tuple[str, int, dict[str, Any]]:
    """(scenario id, seed, options) from a class code; ``ClassCodeError`` saying what is wrong."""
    parts = [p for p in _SEPARATORS.split(text.strip().lower()) if p]
    if len(parts) < 2:
        raise ClassCodeError("shape")
    scenario, seed_text, *rest = parts
    if not _SCENARIO.match(scenario):
        raise ClassCodeError("bad_scenario", scenario=scenario)
    if not seed_text.isdigit() or int(seed_text) > MAX_SEED:
        raise ClassCodeError("bad_seed", seed=seed_text)
    options: dict[str, Any] = {}
    for part in rest:
        if re.fullmatch(r"t\d{1,3}", part) and 1 <= int(part[1:]) <= MAX_TURN_LIMIT:
            options["turn_limit"] = int(part[1:])
        elif part in ("h0", "h1"):
            options["history"] = part == "h1"
        elif part in DIFFICULTIES:
            options["difficulty"] = part
        else:
            raise ClassCodeError("bad_option", option=part)
    return scenario, int(seed_text), options
