"""Real result files for the report tests: short computer-played games (a turn limit keeps them fast)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from game.content.loader import load_content
from game.engine.game import Game
from game.match import play_game
from game.results import build_result

#: (scenario, seed, policy, turn limit, nickname): one class code (cn_lab-3-t14), four kinds of player.
CLASS = (
    ("cn_lab", 3, "efficient", 14, "Ada"),
    ("cn_lab", 3, "aggressive", 14, "Blaise"),
    ("cn_lab", 3, "random", 14, None),
    ("cn_lab", 3, "cautious", 14, "Émilie"),
)
#: Other seeds, for games a class would not compare directly.
OTHER_SEEDS = (("cn_lab", 4, "random", 14, "Grace"), ("cn_lab", 5, "efficient", 10, "Hedy"))


@cache
def _result(scenario: str, seed: int, policy: str, turn_limit: int, nickname: str | None, lang: str) -> str:
    game = Game(load_content(), scenario, {"turn_limit": turn_limit})
    played = play_game(game, seed, dict.fromkeys(game.scenario.sides, policy))
    result = build_result(game, played.state, played.log, played.policies, lang=lang, nickname=nickname)
    return json.dumps(result, ensure_ascii=False)


def make_result(scenario: str = "cn_lab", seed: int = 3, policy: str = "efficient", turn_limit: int = 14,
                nickname: str | None = None, lang: str = "en") -> dict[str, Any]:
    """A fresh copy of the result document of one played game (games are played once per session)."""
    return json.loads(_result(scenario, seed, policy, turn_limit, nickname, lang))


def write_result(folder: Path, name: str, result: dict[str, Any]) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_class(folder: Path) -> list[Path]:
    """The games of ``CLASS`` as files ``game1.json``… in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [write_result(folder, f"game{i + 1}", make_result(sc, seed, pol, tl, nick))
            for i, (sc, seed, pol, tl, nick) in enumerate(CLASS)]
