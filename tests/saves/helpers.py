"""Shared helpers for the save tests: sample games, documents edited on purpose, the old format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.content.loader import load_content
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.engine.state import GameState
from game.match import play_game
from game.saves.document import checksum

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "saves"


def sample(scenario: str = "cn_lab", seed: int = 7, policy: str = "efficient",
           turns: int = 3) -> tuple[Game, GameState, list[LogEntry]]:
    """A game played by ``policy`` and stopped when turn ``turns`` begins (not concluded)."""
    game = Game(load_content(), scenario)
    full = play_game(game, seed, dict.fromkeys(game.scenario.sides, policy))
    state = game.new_game(seed)
    log = []
    for entry in full.log:
        if state.turn >= turns or state.over:
            break
        game.apply_in_place(state, entry.action)
        log.append(entry)
    return game, state, log


def read_doc(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def write_doc(path: Path, doc: dict[str, Any], reseal: bool = True) -> None:
    """Write a document as given; ``reseal`` recomputes its checksum (an expert's hand edit)."""
    if reseal and "checksum" in doc:
        doc = {**doc, "checksum": checksum(doc)}
    path.write_text(json.dumps(doc), encoding="utf-8")


def downgrade_to_v0(doc: dict[str, Any]) -> dict[str, Any]:
    """The same save in format 0 (what the 0.0.x prototypes wrote): see ``game.saves.migrate``."""
    v0 = {"format": doc["format"], "version": 0, "game": "0.0.9", "scenario": doc["scenario"],
          "content": doc["content_digest"], "seed": doc["seed"], "log": doc["actions"], "state": doc["state"]}
    if doc.get("meta", {}).get("name"):
        v0["name"] = doc["meta"]["name"]
    return v0
