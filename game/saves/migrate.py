"""Upgrading old save formats, one version at a time, up to :data:`~game.saves.document.FORMAT_VERSION`.

Each step is a pure function from a document of version *n* to one of version *n + 1*. To change the
format: bump ``FORMAT_VERSION``, update ``SaveDocument``, add the step here, and keep a sample save of
the old version in ``tests/fixtures/saves/``.

Format 0 (Chip Race 0.0.x prototypes) had no checksum, no options, seats, numpy version or per-turn
hashes, and named its fields differently::

    {"format": "chip-race-save", "version": 0, "game": "0.0.9", "scenario": "cn_lab",
     "content": "<digest>", "seed": 7, "log": [{"turn", "side", "action"}...], "state": {...},
     "name": "slot name (optional)"}

Example::

    >>> doc = migrate({"format": "chip-race-save", "version": 0, "game": "0.0.9", "scenario": "cn_lab",
    ...                "content": "ab", "seed": 1, "log": [], "state": {"seats": ["cn"], "turn": 0,
    ...                "date": "2019-01-01"}})
    >>> doc["format_version"], doc["seats"], doc["turn_hashes"]
    (1, ['cn'], [])
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from game.engine.canonical import canonical_json
from game.saves.document import FORMAT_VERSION

Doc = dict[str, Any]


def version_of(doc: Doc) -> Any:
    """The format version a document claims (format 0 called the field ``version``)."""
    return doc.get("format_version", doc.get("version"))


def _v0_to_v1(doc: Doc) -> Doc:
    state = doc["state"]
    if not isinstance(state, dict):
        raise ValueError("its game state is not a JSON object")
    meta = {"name": doc["name"]} if isinstance(doc.get("name"), str) else {}
    return {
        "format": doc["format"], "format_version": 1,
        "game_version": doc["game"], "numpy_version": "unknown",
        "scenario": doc["scenario"], "content_digest": doc["content"],
        "options": state.get("options", {}), "seed": doc["seed"], "seats": state.get("seats"),
        "turn": state.get("turn"), "date": state.get("date"),
        "actions": doc["log"],
        # Format 0 kept no per-turn hashes: a replay can only compare the figures in state.series.
        "turn_hashes": [], "replay_verified": False,
        "state_hash": hashlib.sha256(canonical_json(state).encode()).hexdigest(),
        "state": state, "meta": meta, "crash": None,
    }


#: version -> the step that upgrades a document of that version by one.
MIGRATIONS: dict[int, Callable[[Doc], Doc]] = {0: _v0_to_v1}


def migrate(doc: Doc) -> Doc:
    """Upgrade ``doc`` to the current format. ``KeyError``/``ValueError``/``TypeError`` when an old
    document lacks what its version had to have."""
    version = version_of(doc)
    while version < FORMAT_VERSION:
        doc = MIGRATIONS[version](doc)
        version = doc["format_version"]
    return doc
