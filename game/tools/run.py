"""``python main.py run``: a headless game played by computer policies.

Prints a readable turn-by-turn summary, or with ``--json`` the result document.
"""

from __future__ import annotations

import argparse
import json
import sys

from game.cli import UsageError
from game.content.loader import ContentError, load_content
from game.engine.game import MAX_SEED, Game
from game.i18n import LANGUAGES
from game.messages import describe
from game.play import play_game
from game.policies import POLICIES
from game.results import build_result

#: Notes too detailed for the turn-by-turn summary.
QUIET = {"market.move", "training.progress", "turn.end"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", required=True, help="scenario id: cn_lab, us_lab, head_to_head…")
    parser.add_argument("--seed", required=True, help=f"a whole number from 0 to {MAX_SEED}")
    parser.add_argument("--policy", action="append", metavar="P",
                        help=f"computer player ({', '.join(POLICIES)}); give it twice for two labs "
                             "(default: cautious)")
    parser.add_argument("--turns", type=int, metavar="K", help="stop after K turns")
    parser.add_argument("--json", action="store_true", help="print the result document as JSON")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the summary")


def parse_seed(text: str) -> int:
    try:
        seed = int(text)
    except ValueError:
        raise UsageError(f"the seed must be a whole number, not '{text}'") from None
    if not 0 <= seed <= MAX_SEED:
        raise UsageError(f"the seed must lie between 0 and {MAX_SEED}")
    return seed


def load_game(scenario_id: str) -> Game:
    """The game for a scenario id, or a one-line usage error."""
    try:
        content = load_content()
    except ContentError as exc:
        raise UsageError("the shipped content has errors:\n" + "\n".join(exc.problems)) from None
    try:
        return Game(content, scenario_id)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None


def seat_policies(game: Game, names: list[str] | None) -> dict[str, str]:
    names = names or ["cautious"]
    for name in names:
        if name not in POLICIES:
            raise UsageError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})")
    sides = game.scenario.sides
    if len(names) > len(sides):
        raise UsageError(f"scenario '{game.scenario.id}' has {len(sides)} lab(s): give at most that many policies")
    return {side: names[min(i, len(names) - 1)] for i, side in enumerate(sides)}


def run(args: argparse.Namespace) -> int:
    seed = parse_seed(args.seed)
    game = load_game(args.scenario)
    policies = seat_policies(game, args.policy)
    if args.turns is not None and args.turns < 1:
        raise UsageError("--turns must be at least 1")
    played = play_game(game, seed, policies, max_turns=args.turns)
    result = build_result(game, played.state, played.actions, played.policies, lang=args.lang)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for note in played.notes:
        if note["key"] in QUIET:
            continue
        print(describe(note, game.content, args.lang))
    for side, info in result["sides"].items():
        parts = ", ".join(f"{k} {v}" for k, v in info["score"]["parts"].items())
        print(f"{info['name']} ({side}, {info['policy']}): {info['outcome']}, "
              f"score {info['score']['total']}/100 ({parts})")
    print(f"state hash {result['state_hash']}")
    return 0
