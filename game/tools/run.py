"""``python main.py run``: a headless game played by computer policies.

Prints a readable turn-by-turn summary, or with ``--json`` the result document.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.classcode import ClassCodeError, parse_class_code
from game.cli import UsageError
from game.content.loader import ContentError, load_content
from game.content.models import Content
from game.engine.game import MAX_SEED, Game
from game.engine.notes import LogEntry
from game.engine.state import GameState
from game.i18n import LANGUAGES, strings
from game.match import Match
from game.messages import describe_notes
from game.policies import POLICIES, make_policy
from game.results import build_result
from game.tools.modopts import add_mod_arguments, content_from_args

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
    parser.add_argument("--lesson-turns", type=int, metavar="N",
                        help="facilitator option: a lesson of the calendar's last N turns (the turns before "
                             "play themselves); see `lN` in class codes")
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
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="write the summary (or with --json the result document) to FILE, in UTF-8")
    add_mod_arguments(parser)


def parse_seed(text: str, lang: str = "en") -> int:
    s = strings(lang)
    try:
        seed = int(text)
    except ValueError:
        raise UsageError(s.t("lesson.run.seed_not_number", seed=text)) from None
    if not 0 <= seed <= MAX_SEED:
        raise UsageError(s.t("lesson.run.seed_range", max=MAX_SEED))
    return seed


def load_game(scenario_id: str, options: dict[str, Any] | None = None, lang: str = "en",
              content: Content | None = None) -> Game:
    """The game for a scenario id and facilitator options (on ``content``, default the shipped
    content), or a one-line usage error in ``lang``."""
    s = strings(lang)
    if content is None:
        try:
            content = load_content()
        except ContentError as exc:
            raise UsageError(s.t("lesson.run.content_errors") + "\n" + "\n".join(map(str, exc.problems))) from None
    if scenario_id not in content.scenarios:
        known = sorted(content.scenarios)
        near = difflib.get_close_matches(scenario_id.replace("-", "_"), known, n=1)
        hint = " " + s.t("lesson.run.did_you_mean", suggestion=near[0]) if near else ""
        raise UsageError(s.t("lesson.run.unknown_scenario", scenario=scenario_id, known=", ".join(known)) + hint)
    try:
        return Game(content, scenario_id, options)
    except KeyError as exc:
        raise UsageError(exc.args[0]) from None
    except ValidationError as exc:
        raise UsageError(s.t("lesson.run.bad_option", problem=exc.errors()[0]["msg"])) from None


def game_choice(args: argparse.Namespace) -> tuple[str, int, dict[str, Any]]:
    """(scenario, seed, facilitator options) from --class-code or --scenario/--seed, and the option flags.

    Option flags given with a class code override what the code says.
    """
    s = strings(args.lang)
    if args.class_code:
        if args.scenario or args.seed:
            raise UsageError(s.t("lesson.run.code_and_scenario"))
        try:
            scenario, seed, options = parse_class_code(args.class_code, _scenario_ids())
        except ClassCodeError as exc:
            raise UsageError(exc.message(args.lang)) from None
    elif args.scenario is None or args.seed is None:
        raise UsageError(s.t("lesson.run.required"))
    else:
        scenario, seed, options = args.scenario, parse_seed(args.seed, args.lang), {}
    for flag in ("turn_limit", "lesson_turns"):
        value = getattr(args, flag, None)
        if value is not None:
            if value < 1:
                raise UsageError(s.t("lesson.run.at_least_one", flag="--" + flag.replace("_", "-")))
            options[flag] = value
    if args.history is not None:
        options["history"] = args.history == "on"
    if args.difficulty is not None:
        options["difficulty"] = args.difficulty
    return scenario, seed, options


def _scenario_ids() -> list[str] | None:
    """The shipped scenario ids (for the class code's suggestions), or ``None`` if the content has errors."""
    try:
        return sorted(load_content().scenarios)
    except ContentError:
        return None


def seat_policies(game: Game, names: list[str] | None, lang: str = "en") -> dict[str, str]:
    names = names or ["cautious"]
    for name in names:
        if name not in POLICIES:
            s = strings(lang)
            near = difflib.get_close_matches(name, list(POLICIES), n=1)
            hint = " " + s.t("lesson.run.did_you_mean", suggestion=near[0]) if near else ""
            raise UsageError(s.t("lesson.run.unknown_policy", policy=name, known=", ".join(POLICIES)) + hint)
    sides = game.scenario.sides
    if len(names) > len(sides):
        raise UsageError(f"scenario '{game.scenario.id}' has {len(sides)} lab(s): give at most that many policies")
    return {side: names[min(i, len(names) - 1)] for i, side in enumerate(sides)}


def load_saved(path: str, lang: str, content: Content | None = None) -> tuple[Game, GameState, list[LogEntry]]:
    """The game, state and action log of a save (on ``content``, default the shipped content), or a
    one-line usage error; warnings go to stderr."""
    from game.saves import SaveError, load_save  # not needed to build the parser
    from game.tools.modcheck import missing_mods_lines, mods_of_file

    try:
        loaded = load_save(path, content)
    except SaveError as exc:
        raise UsageError("\n".join([exc.message(lang), *missing_mods_lines(
            Path(path).name, mods_of_file(path), content, lang)])) from None
    for warning in loaded.warnings:
        print(warning.message(lang), file=sys.stderr)
    return loaded.game, loaded.state, loaded.actions


def run(args: argparse.Namespace) -> int:
    start: GameState | None = None
    log: list[LogEntry] = []
    if args.load:
        if args.scenario or args.seed or args.class_code:
            raise UsageError("--load continues a saved game: leave out --scenario, --seed and --class-code")
        if args.turn_limit is not None or args.lesson_turns is not None or args.history or args.difficulty:
            raise UsageError("--load continues a saved game with its own options: leave out the option flags")
        game, start, log = load_saved(args.load, args.lang, content_from_args(args))
        seed = start.seed
    else:
        scenario, seed, options = game_choice(args)
        game = load_game(scenario, options, args.lang, content_from_args(args))
    policies = seat_policies(game, args.policy, args.lang)
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
        lines = [json.dumps(result, ensure_ascii=False, indent=1)]
    else:
        lines = list(describe_notes(match.notes, game.content, args.lang, skip=QUIET))
        text = strings(args.lang)
        for side, info in result["sides"].items():
            parts = ", ".join(f"{text.t(f'goal.{k}')} {v}" for k, v in info["score"]["parts"].items())
            lines.append(text.t("run.summary", name=info["name"], side=text.t(f"side.{side}"), policy=info["policy"],
                                outcome=text.t(f"outcome.{info['outcome']}"), score=info["score"]["total"],
                                parts=parts))
        lines.append(text.t("run.hash", hash=result["state_hash"]))
    if args.out:
        from game.tools.output import write_document

        print(write_document(args.out, "\n".join(lines) + "\n", args.lang))
        return 0
    for line in lines:
        print(line)
    return 0
