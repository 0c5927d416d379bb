"""The engine's typed output: notes say what happened and who may read it; log entries say who did what.
Their JSON forms are the dicts saves, result documents and benchmarks/hashes.py have always written."""

from __future__ import annotations

import re
from pathlib import Path

from game.engine.actions import BuyChips, parse_action
from game.engine.notes import PRIVATE_KEYS, LogEntry, Note
from game.i18n import strings
from tests.engine.helpers import played

ENGINE = Path(__file__).resolve().parents[2] / "game" / "engine"


def _emitted_keys() -> set[str]:
    """Every message key the engine's rules emit (``ctx.emit("key", …)`` in its sources)."""
    return {m.group(1) for path in ENGINE.glob("*.py")
            for m in re.finditer(r'\.emit\("([a-z_.]+)"', path.read_text(encoding="utf-8"))}


def test_private_keys_are_keys_the_engine_emits_and_cover_every_action() -> None:
    emitted = _emitted_keys()
    assert emitted >= PRIVATE_KEYS  # a renamed key cannot silently make a private note public
    assert {k for k in emitted if k.startswith("action.")} <= PRIVATE_KEYS
    assert all(strings("en").has(f"msg.{key}") for key in PRIVATE_KEYS)


def test_a_played_game_emits_typed_notes_private_only_to_their_own_lab() -> None:
    game = played("head_to_head", seed=3, policy="aggressive", turns=4)
    assert game.notes and all(isinstance(n, Note) for n in game.notes)
    private = [n for n in game.notes if n.private_to is not None]
    assert private and all(n.private_to == n.side and n.key in PRIVATE_KEYS for n in private)
    public = [n for n in game.notes if n.private_to is None]
    assert {"turn.start", "event.fired", "market.move", "turn.end"} <= {n.key for n in public}
    assert all(n.visible_to("us") and n.visible_to("cn") for n in public)


def test_json_forms_are_the_plain_dicts() -> None:
    note = Note.of("grey.seized", 5, "cn", {"chips": {"h100": 100}, "chance_pct": 30})
    assert note.to_json() == {"key": "grey.seized", "turn": 5, "side": "cn",
                              "params": {"chips": {"h100": 100}, "chance_pct": 30}}
    action = BuyChips(chip="h100", count=100, grey=True)
    entry = LogEntry(5, "cn", action)
    assert entry.to_json() == {"turn": 5, "side": "cn", "action": action.to_json()}
    assert LogEntry.from_json(entry.to_json()) == entry
    assert LogEntry.from_json({"turn": 5, "side": "cn", "action": action}).action is action
    assert parse_action(entry.to_json()["action"]) == action
