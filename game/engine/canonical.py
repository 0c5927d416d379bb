"""The canonical JSON form of a state and its hash.

Example::

    >>> canonical_json({"b": 1, "a": [1, 2]})
    '{"a":[1,2],"b":1}'
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from game.engine.state import GameState


def canonical_json(data: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: one text per value."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def state_to_json(state: GameState) -> dict[str, Any]:
    """The state as plain JSON types."""
    return state.model_dump(mode="json")


def state_from_json(data: dict[str, Any]) -> GameState:
    """Rebuild a state from its JSON form (validated: a damaged state raises ``ValidationError``)."""
    return GameState.model_validate(data)


def state_hash(state: GameState) -> str:
    """SHA-256 of the canonical JSON form, hex."""
    return hashlib.sha256(canonical_json(state_to_json(state)).encode()).hexdigest()
