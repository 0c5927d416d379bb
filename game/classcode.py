"""Class codes: one short text a teacher writes on the board so that every student gets the same game.

A code is the scenario id, the seed and any facilitator options, separated by dashes::

    cn_lab-4821                  the scenario cn_lab with seed 4821
    us_lab-77-t12-h0-hard        12 turns, history off, hard
    cn_lab-4821-l12              a lesson of the calendar's last 12 turns (up to the January 2025 shock)

Options: ``lN`` lesson length (the players take over for the last N turns), ``tN`` turn limit (the
calendar is cut after N turns), ``h0``/``h1`` history off/on, ``easy``/``normal``/``hard``.
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
    >>> parse_class_code("cn_lab-4821-l12")
    ('cn_lab', 4821, {'lesson_turns': 12})
    >>> try:
    ...     parse_class_code("cn-lab-4821", ["cn_lab", "us_lab"])
    ... except ClassCodeError as exc:
    ...     print(exc.message("en"))
    'cn-lab-4821' is not a class code: did you mean cn_lab-4821?
    >>> class_code_or_none("cn_lab", 4821, {"remove_events": ["nvidia_crash"]}) is None
    True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
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
    if options.get("lesson_turns"):
        parts.append(f"l{int(options['lesson_turns'])}")
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


def _near(word: str, known: Iterable[str]) -> str | None:
    """The known word closest to ``word`` (a typo, a dash for an underscore), if one is close enough."""
    close = difflib.get_close_matches(word.replace("-", "_"), list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def parse_class_code(text: str, scenarios: Iterable[str] | None = None) -> tuple[str, int, dict[str, Any]]:
    """(scenario id, seed, options) from a class code; ``ClassCodeError`` saying what is wrong.

    ``scenarios``: the known scenario ids; given, an unknown one is refused with the nearest as a
    suggestion, and a code whose scenario was typed with a dash (``cn-lab-4821``) gets the right code.
    """
    parts = [p for p in _SEPARATORS.split(text.strip().lower()) if p]
    if len(parts) < 2:
        raise ClassCodeError("shape")
    known = list(scenarios) if scenarios is not None else None
    if len(parts) >= 3 and not parts[1].isdigit() and parts[2].isdigit():
        joined = f"{parts[0]}_{parts[1]}"  # cn-lab-4821: the dash of the scenario id read as a separator
        if known is None or joined in known or _near(joined, known):
            fixed = joined if known is None or joined in known else _near(joined, known)
            raise ClassCodeError("did_you_mean", code=text.strip(), suggestion="-".join([fixed, *parts[2:]]))
    scenario, seed_text, *rest = parts
    if not _SCENARIO.match(scenario):
        raise ClassCodeError("bad_scenario", scenario=scenario)
    if known is not None and scenario not in known:
        near = _near(scenario, known)
        if near:
            raise ClassCodeError("did_you_mean", code=text.strip(), suggestion="-".join([near, *parts[1:]]))
        raise ClassCodeError("unknown_scenario", scenario=scenario, known=", ".join(known))
    if not seed_text.isdigit() or int(seed_text) > MAX_SEED:
        raise ClassCodeError("bad_seed", seed=seed_text)
    options: dict[str, Any] = {}
    for part in rest:
        if re.fullmatch(r"l\d{1,3}", part) and 1 <= int(part[1:]) <= MAX_TURN_LIMIT:
            options["lesson_turns"] = int(part[1:])
        elif re.fullmatch(r"t\d{1,3}", part) and 1 <= int(part[1:]) <= MAX_TURN_LIMIT:
            options["turn_limit"] = int(part[1:])
        elif part in ("h0", "h1"):
            options["history"] = part == "h1"
        elif part in DIFFICULTIES:
            options["difficulty"] = part
        else:
            raise ClassCodeError("bad_option", option=part)
    return scenario, int(seed_text), options
