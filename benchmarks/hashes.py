"""Guard for speed work: record what full games produce, then check that nothing changed.

For several seeds x scenarios x policies, plays a whole game and keeps four digests: the final
``state_hash``, the actions taken, every note the engine emitted, and every list of legal actions the
policies were offered (order included, since the random policy picks by index). An optimisation must
leave all four identical; a balance change (new constants) changes them, so record again after one.

Usage::

    python benchmarks/hashes.py record /tmp/baseline.json
    python benchmarks/hashes.py check /tmp/baseline.json     # exit 1 and a list of differences
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.loader import load_content
from game.engine.canonical import canonical_json, state_hash
from game.engine.game import Game
from game.match import play_game
from game.policies import POLICIES, Policy, make_policy

SEEDS = (0, 1, 7, 42, 1234)
OPTIONS: tuple[dict[str, Any], ...] = ({}, {"turn_limit": 6}, {"history": False})


class _Recorder(Policy):
    """Wraps a policy to digest every legal list it is offered."""

    def __init__(self, name: str, seed: int, digest: Any):  # no super().__init__: the inner policy draws
        self.inner = make_policy(name, seed)
        self.name = self.inner.name
        self.digest = digest

    def choose(self, game: Game, state: Any, legal: list[Any]) -> Any:
        self.digest.update(canonical_json([x.to_json() for x in legal]).encode())
        return self.inner.choose(game, state, legal)


def _digest(items: list[dict[str, Any]]) -> str:
    return hashlib.sha256(canonical_json(items).encode()).hexdigest()


def digests() -> dict[str, dict[str, str]]:
    content = load_content()
    out: dict[str, dict[str, str]] = {}
    for scenario in sorted(content.scenarios):
        for options in OPTIONS:
            game = Game(content, scenario, options)
            for policy in sorted(POLICIES):
                for seed in SEEDS:
                    legal = hashlib.sha256()
                    players = {side: _Recorder(policy, seed, legal) for side in game.scenario.sides}
                    played = play_game(game, seed, dict(players))
                    key = f"{scenario}/{canonical_json(options)}/{policy}/{seed}"
                    out[key] = {
                        "state": state_hash(played.state),
                        "actions": _digest([entry.to_json() for entry in played.log]),
                        "notes": _digest([note.to_json() for note in played.notes]),
                        "legal": legal.hexdigest(),
                    }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "check"))
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    now = digests()
    if args.mode == "record":
        args.file.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        print(f"recorded {len(now)} games in {args.file}")
        return 0
    before = json.loads(args.file.read_text())
    bad = [f"{key}: {part}" for key in sorted(before | now)
           for part in ("state", "actions", "notes", "legal")
           if before.get(key, {}).get(part) != now.get(key, {}).get(part)]
    for line in bad:
        print("differs:", line)
    print(f"{len(now) - len({b.rsplit(': ', 1)[0] for b in bad})}/{len(now)} games identical")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
