"""One door to the engine's notes for the pictures: a note is a dict today (``{"key", "turn", "side",
"params"}``) and may become a record with the same fields as attributes; these accessors read both,
so the switch is made here once.

Example::

    >>> note_key({"key": "ban.in_force", "turn": 3, "side": None, "params": {"chip": "h100"}})
    'ban.in_force'
"""

from __future__ import annotations

from typing import Any


def _field(note: Any, name: str, default: Any = None) -> Any:
    if isinstance(note, dict):
        return note.get(name, default)
    return getattr(note, name, default)


def note_key(note: Any) -> str:
    """The note's key, e.g. ``"action.buy_chips"``."""
    return _field(note, "key", "") or ""


def note_turn(note: Any) -> int:
    """The turn the note was emitted in."""
    return _field(note, "turn", 0) or 0


def note_side(note: Any) -> str | None:
    """The side the note concerns (None: the whole world)."""
    return _field(note, "side")


def note_params(note: Any) -> dict[str, Any]:
    """The note's parameters (an empty dict when it has none)."""
    return dict(_field(note, "params", None) or {})
