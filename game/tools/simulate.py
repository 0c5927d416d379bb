"""``python main.py simulate``: many seeded headless games, outcome statistics per line-up.

Plays ``--runs`` games for each ``--policy`` (a policy name for every seat, or one per seat separated
by commas, in the scenario's side order: ``cautious,aggressive``), spread over ``--jobs`` processes,
and prints outcome and score distributions (the JSON adds each side's ``score_std``), win rates, the
events that fired most and never, and the events most associated with winning or losing; ``--json``
prints the same as one document. The results do not depend on ``--jobs``. Game ``i`` uses the seed
given in :mod:`game.sim.seeds`, the same for every line-up.

Example::

    python main.py simulate --scenario cn_lab --runs 500 --policy cautious --policy aggressive
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from game.cli import UsageError
from game.engine.game import MAX_SEED, Game
from game.i18n import LANGUAGES, strings
from game.policies import PANEL, POLICIES
from game.tools.modopts import add_mod_arguments

MAX_RUNS = 100_000  # summaries are kept in memory (about 1 kB a game)
MAX_JOBS = 256
BAR_WIDTH = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", required=True, help="scenario id: cn_lab, us_lab, head_to_head…")
    parser.add_argument("--runs", required=True, metavar="N", help="games per line-up")
    parser.add_argument("--policy", action="append", metavar="P",
                        help=f"a line-up: a policy ({', '.join(POLICIES)}) for every seat, or one per seat "
                             "separated by commas; repeat to compare (default: each policy but search in turn)")
    parser.add_argument("--jobs", metavar="J", help="processes (default: every core); results do not depend on it")
    parser.add_argument("--seed", default="0", metavar="S",
                        help="simulation seed (default 0); game i is played with "
                             "sha256('chip-race/simulate/S/i'), see game/sim/seeds.py")
    parser.add_argument("--turn-limit", type=int, metavar="N", help="facilitator option: end after N turns")
    parser.add_argument("--history", choices=("on", "off"), help="facilitator option: dated history on or off")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"), help="facilitator option")
    parser.add_argument("--json", action="store_true", help="print the statistics as one JSON document")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the text output")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the statistics (text, or with --json the "
                                                                  "JSON) to FILE in UTF-8")
    add_mod_arguments(parser)


def whole(text: str, low: int, high: int, key: str, lang: str) -> int:
    """``text`` as a whole number in ``low..high``, or a one-line usage error."""
    try:
        value = int(text)
    except (TypeError, ValueError):
        value = low - 1
    if not low <= value <= high:
        raise UsageError(strings(lang).t(key, max=high))
    return value


def lineups(game: Game, specs: list[str] | None, lang: str) -> list[dict[str, str]]:
    """Each ``--policy`` as side -> policy name (one name: every seat plays it)."""
    s = strings(lang)
    sides = list(game.scenario.sides)
    out = []
    for spec in specs or list(PANEL):  # (the search player only when asked: it thinks seconds a game)
        names = [name.strip() for name in spec.split(",")]
        for name in names:
            if name not in POLICIES:
                raise UsageError(s.t("sim.error.policy", name=name, known=", ".join(POLICIES)))
        if len(names) == 1:
            names = names * len(sides)
        if len(names) != len(sides):
            raise UsageError(s.t("sim.error.lineup", spec=spec, given=len(names), scenario=game.scenario.id,
                                 sides=len(sides)))
        out.append(dict(zip(sides, names, strict=True)))
    return out


def facilitator_options(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.turn_limit is not None:
        if args.turn_limit < 1:
            raise UsageError(strings(args.lang).t("sim.error.turn_limit"))
        options["turn_limit"] = args.turn_limit
    if args.history is not None:
        options["history"] = args.history == "on"
    if args.difficulty is not None:
        options["difficulty"] = args.difficulty
    return options


class ProgressBar:
    """``[#####.....] 120/400 games`` on stderr, redrawn in place; silent when stderr is not a terminal."""

    def __init__(self, lang: str, stream: Any = None):
        self.stream = stream or sys.stderr
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.lang = lang
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.on:
            return
        filled = BAR_WIDTH * done // max(total, 1)
        if filled == self.shown and done != total:
            return
        self.shown = filled
        label = strings(self.lang).t("sim.progress", done=done, total=total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {label}")
        if done == total:
            self.stream.write("\r" + " " * (BAR_WIDTH + 3 + len(label)) + "\r")
        self.stream.flush()


def build_document(game: Game, spec: Any, summaries: list[dict[str, Any]]) -> dict[str, Any]:
    """The simulation document (what ``--json`` prints)."""
    from game.results import versions
    from game.sim.seeds import SEED_RULE
    from game.sim.stats import tables

    event_ids = [event.id for event in game.rules.events]
    return {
        "format": "chip-race-simulation", "format_version": 1,
        "scenario": spec.scenario, "options": dict(spec.options), "seed": spec.seed, "seed_rule": SEED_RULE,
        "runs": len(summaries), "runs_per_lineup": spec.runs,
        "lineups": tables(summaries, spec.lineups, event_ids),
        "versions": versions(game),
        "mods": [info.record() for info in game.content.mods if info.enabled],
    }


def run(args: argparse.Namespace) -> int:
    from game.sim.runner import SimSpec, default_jobs, run_simulation
    from game.sim.text import number, render
    from game.tools.modopts import content_from_args, mod_choice
    from game.tools.run import load_game

    lang = args.lang
    runs = whole(args.runs, 1, MAX_RUNS, "sim.error.runs", lang)
    jobs = default_jobs() if args.jobs is None else whole(args.jobs, 1, MAX_JOBS, "sim.error.jobs", lang)
    seed = whole(args.seed, 0, MAX_SEED, "sim.error.seed", lang)
    options = facilitator_options(args)
    game = load_game(args.scenario, options, lang, content_from_args(args))
    spec = SimSpec(scenario=game.scenario.id, lineups=lineups(game, args.policy, lang), runs=runs, seed=seed,
                   options=options, mods=mod_choice(args))
    started = time.perf_counter()
    summaries = run_simulation(spec, jobs=jobs, progress=ProgressBar(lang), content=game.content)
    seconds = time.perf_counter() - started
    doc = build_document(game, spec, summaries)
    text = json.dumps(doc, ensure_ascii=False, indent=1) if args.json else "\n".join(render(doc, lang))
    if args.out:
        from game.tools.output import write_document

        print(write_document(args.out, text + "\n", lang))
    else:
        print(text)
    sys.stdout.flush()  # the timing line below goes to stderr: keep it after the tables on a terminal
    rate = round(len(summaries) / seconds, 1) if seconds > 0 else 0
    print(strings(lang).t("sim.elapsed", total=len(summaries), seconds=number(round(seconds, 2), lang),
                          rate=number(rate, lang), jobs=jobs), file=sys.stderr)
    return 0
