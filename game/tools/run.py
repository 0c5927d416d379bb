"""``python main.py run``: a headless game played by computer policies.

Prints a readable turn-by-turn summary, or with ``--json`` the result document.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pydantic import ValidationError

from game.classcode import ClassCodeError, parse_class_code
from game.cli import UsageError
from game.content.loader import ContentError, load_content
from game.engine.game import MAX_SEED, Game
from game.engine.notes import LogEntry
from game.engine.state import GameState
from game.i18n import LANGUAGES, strings
from game.match import Match
from game.messages import describe_notes
from game.policies import POLICIES, make_policy
from game.results import build_result

#: Notes too detailed for the turn-by-turn summary.
QUIET = frozenset({"market.move", "training.progress", "turn.end"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", help="scenario id: cn_lab, us_lab, head_to_head… (required unless --load)")
    parser.add_argument("--seed", help=f"a whole number from 0 to {MAX_SEED} (required unless --load)")
    parser.add_argument("--class-code", metavar="CODE",
                        help="scenario, seed and options in one code, e.g. cn_lab-4821-t12 (instead of --scenario "
                             "and --seed)")
    parser.add_argument("--turn-limit", type=int, metavar="N",
                        help="facilitator option: the calendar ends after N turns (recorded in the result)")
    parser.add_argument("--history", choices=("on", "off"), help="facilitator option: dated history on or off")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"), help="facilitator option")
    parser.add_argument("--load", metavar="SAVE", help="continue a saved game (its scenario, seed and log)")
    parser.add_argument("--autosave", metavar="PATH", help="save the game atomically to PATH after every turn "
                                                              "(with --turns: as it stood before the cut)")
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


def load_game(scenario_id: str, options: dict[str, Any] | None = None) -> Game:
    """The game for a scenario id and facilitator options, or a one-line usage error."""
    try:
        content = load_content()
    except ContentError as exc:
        raise UsageError("the shipped content has errors:\n" + "\n".join(exc.problems)) from None
    try:
        return Game(content, scenario_id, options)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    except ValidationError as exc:
        raise UsageError(f"facilitator option: {exc.errors()[0]['msg']}") from None


def game_choice(args: argparse.Namespace) -> tuple[str, int, dict[str, Any]]:
    """(scenario, seed, facilitator options) from --class-code or --scenario/--seed, and the option flags.

    Option flags given with a class code override what the code says.
    """
    if args.class_code:
        if args.scenario or args.seed:
            raise UsageError("--class-code already gives the scenario and seed: leave out --scenario and --seed")
        try:
            scenario, seed, options = parse_class_code(args.class_code)
        except ClassCodeError as exc:
            raise UsageError(exc.message(args.lang)) from None
    elif args.scenario is None or args.seed is None:
        raise UsageError("--scenario and --seed are required (or --class-code CODE, or --load SAVE)")
    else:
        scenario, seed, options = args.scenario, parse_seed(args.seed), {}
    if args.turn_limit is not None:
        if args.turn_limit < 1:
            raise UsageError("--turn-limit must be at least 1")
        options["turn_limit"] = args.turn_limit
    if args.history is not None:
        options["history"] = args.history == "on"
    if args.difficulty is not None:
        options["difficulty"] = args.difficulty
    return scenario, seed, options


def seat_policies(game: Game, names: list[str] | None) -> dict[str, str]:
    names = names or ["cautious"]
    for name in names:
        if name not in POLICIES:
            raise UsageError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})")
    sides = game.scenario.sides
    if len(names) > len(sides):
        raise UsageError(f"scenario '{game.scenario.id}' has {len(sides)} lab(s): give at most that many policies")
    return {side: names[min(i, len(names) - 1)] for i, side in enumerate(sides)}


def load_saved(path: str, lang: str) -> tuple[Game, GameState, list[LogEntry]]:
    """The game, state and action log of a save, or a one-line usage error; warnings go to stderr."""
    from game.saves import SaveError, load_save  # not needed to build the parser

    try:
        loaded = load_save(path)
    except SaveError as exc:
        raise UsageError(exc.message(lang)) from None
    for warning in loaded.warnings:
        print(warning.message(lang), file=sys.stderr)
    return loaded.game, loaded.state, loaded.actions


def run(args: argparse.Namespace) -> int:
    start: GameState | None = None
    log: list[LogEntry] = []
    if args.load:
        if args.scenario or args.seed or args.class_code:
            raise UsageError("--load continues a saved game: leave out --scenario, --seed and --class-code")
        if args.turn_limit is not None or args.history or args.difficulty:
            raise UsageError("--load continues a saved game with its own options: leave out the option flags")
        game, start, log = load_saved(args.load, args.lang)
        seed = start.seed
    else:
        scenario, seed, options = game_choice(args)
        game = load_game(scenario, options)
    policies = seat_policies(game, args.policy)
    if args.turns is not None and args.turns < 1:
        raise UsageError("--turns must be at least 1")
    if start is None:
        match = Match.new(game, seed, policies, list(policies), in_place=True)
    else:  # a loaded game carries on its log (the notes are this run's only)
        match = Match(game, start, {side: make_policy(name, seed) for side, name in policies.items()},
                      log=log, in_place=True)
    until = None if args.turns is None else match.state.turn + args.turns
    if args.autosave:
        from game.saves import Autosaver, SaveError

        try:
            match.on_step = Autosaver(args.autosave, match)
        except SaveError as exc:
            raise UsageError(exc.message(args.lang)) from None
        try:
            # Saved after every turn; a game cut short by --turns stays saved as it was before being
            # concluded, so that --load can continue it.
            match.play_computer_seats(until)
        except SaveError as exc:  # the disk filled up, the folder went away…
            raise UsageError(exc.message(args.lang)) from None
    else:
        match.play_computer_seats(until)
    if until is not None:
        match.conclude()
    result = build_result(game, match.state, match.log, match.policies, lang=args.lang)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for line in describe_notes(match.notes, game.content, args.lang, skip=QUIET):
        print(line)
    text = strings(args.lang)
    for side, info in result["sides"].items():
        parts = ", ".join(f"{text.t(f'goal.{k}')} {v}" for k, v in info["score"]["parts"].items())
        print(text.t("run.summary", name=info["name"], side=text.t(f"side.{side}"), policy=info["policy"],
                     outcome=text.t(f"outcome.{info['outcome']}"), score=info["score"]["total"], parts=parts))
    print(text.t("run.hash", hash=result["state_hash"]))
    return 0
