"""Notes read the same whether they are dicts (today) or records with the same fields (later)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.ui.noteread import note_key, note_params, note_side, note_turn


@dataclass
class Note:
    key: str
    turn: int
    side: str | None
    params: dict[str, Any] = field(default_factory=dict)


def test_dict_and_record_read_alike():
    as_dict = {"key": "ban.in_force", "turn": 3, "side": None, "params": {"chip": "h100"}}
    as_record = Note("ban.in_force", 3, None, {"chip": "h100"})
    for note in (as_dict, as_record):
        assert note_key(note) == "ban.in_force" and note_turn(note) == 3 and note_side(note) is None
        assert note_params(note) == {"chip": "h100"}
    assert note_params({"key": "x"}) == {} and note_turn({"key": "x"}) == 0
