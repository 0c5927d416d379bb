"""The save file format: a JSON document validated by :class:`SaveDocument`.

Current format (``format_version`` 1)::

    {"format": "chip-race-save" | "chip-race-crash", "format_version": 1,
     "game_version": "0.1.0", "numpy_version": "2.4.1", "scenario": "cn_lab",
     "content_digest": "<content.digest of the content it was played with>",
     "options": {...GameOptions...}, "seed": 7, "seats": ["cn"], "turn": 5, "date": "2020-06-01",
     "actions": [{"turn": 0, "side": "cn", "action": {"type": "buy_chips", ...}}, ...],
     "turn_hashes": ["<state hash when turn 0 began>", "<... turn 1 began>", ...],
     "replay_verified": true, "state_hash": "<state_hash(state)>", "state": {...canonical state...},
     "meta": {...free, JSON: slot name, nickname, policies...}, "crash": null | {...},
     "checksum": "<SHA-256 of the canonical JSON of every other field>"}

The checksum catches truncation, flipped bytes and hand edits. ``turn_hashes`` come from re-playing
the log from the seed when the game is saved, so ``replay`` can name the first turn that differs.
Older formats are upgraded by :mod:`game.saves.migrate` before validation.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.engine.canonical import canonical_json

SAVE_FORMAT = "chip-race-save"
CRASH_FORMAT = "chip-race-crash"
FORMATS = (SAVE_FORMAT, CRASH_FORMAT)
#: The format this version writes; it reads every format up to this one.
FORMAT_VERSION = 1

Hash = Field(pattern=r"^[0-9a-f]{64}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LogEntry(_Strict):
    """One action in the log: the turn it was taken in, the seat that took it, its JSON form."""

    turn: int = Field(ge=0)
    side: Literal["us", "cn"]
    action: dict[str, Any]


class CrashInfo(_Strict):
    """What failed, for a crash report."""

    error: str = Field(description="exception type")
    message: str
    traceback: list[str] = Field(default_factory=list)
    action: dict[str, Any] | None = Field(None, description="the action being applied, if any")
    where: str = Field("", description="what the program was doing (ui scene, tool…)")


class SaveDocument(_Strict):
    """A save (or crash report) of the current format, checksum removed."""

    format: Literal["chip-race-save", "chip-race-crash"]
    format_version: Literal[1]
    game_version: str
    numpy_version: str
    scenario: str
    content_digest: str
    options: dict[str, Any]
    seed: int = Field(ge=0)
    seats: list[Literal["us", "cn"]] = Field(min_length=1, max_length=2)
    turn: int = Field(ge=0)
    date: str
    actions: list[LogEntry]
    turn_hashes: list[str]
    replay_verified: bool
    state_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    state: dict[str, Any]
    meta: dict[str, Any] = Field(default_factory=dict)
    crash: CrashInfo | None = None


def checksum(body: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a document without its ``checksum`` field.

    Example::

        >>> checksum({"a": 1}) == checksum({"a": 1, "checksum": "x"})
        True
    """
    rest = {k: v for k, v in body.items() if k != "checksum"}
    return hashlib.sha256(canonical_json(rest).encode()).hexdigest()
