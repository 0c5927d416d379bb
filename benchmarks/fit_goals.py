"""Fit a scenario's goals and outcome bands to the playtest's bars, from the panel's final states.

Balancing a scenario (issue 14) is mostly a question of weights: how much the goals count and where the
bands start decide which styles win, how often, and whether the sensible player lands in one band. This
tool plays the playtest's panel once (``--runs`` games per policy, ``--search-runs`` of the search
player, the same seeds as ``playtest``), keeps each game's final lab, and then tries goal sets near the
scenario's own: every weight moved by up to ten points (the total kept), every target scaled by ½ to 2,
and the won band's threshold up to six points either side of the scenario's (the gap to the best band
kept). Each try is judged on the bars of
:mod:`game.sim.playtest` (η², winners, top win rate, the sensible policy's band, the search player's
lead, the ``history`` target where it applies), and the goal sets with the widest worst margin are
printed first.

The score of a try comes from the engine's own :func:`game.engine.scoring.goal_points` (each goal's
share for each candidate target, asked once per game), so the rule is written once. Two things are
approximate: the search player plays for the scenario's present goals, and a share is rounded to a
millionth before the weights apply. Check the chosen set with ``python main.py playtest``.

Usage::

    python benchmarks/fit_goals.py --scenario cn_lab [--side cn] [--runs 60] [--search-runs 10] [--top 10]

Playing takes a minute or two (the search player thinks some ten seconds a game); the fit, a few minutes
for five goals.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.loader import load_content
from game.content.models import Goal
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.rng import NO_DRAWS
from game.engine.scoring import goal_points, lab_bands, lab_goals
from game.match import play_game
from game.policies import PANEL
from game.sim import playtest as bars
from game.sim.seeds import game_seed
from game.sim.stats import eta_squared

WEIGHT_STEPS = (-10, -5, 0, 5, 10)
TARGET_SCALES = (0.5, 0.75, 1, 1.5, 2)
WON_SPAN = 6  # the won band's threshold is tried this many points either side of the scenario's
UNIT = 10**6  # a goal's share is asked as points out of this weight


@dataclass
class Games:
    """Final figures of every game played: the policy of each, bankrupt or not, and per goal (index)
    and target, the goal's share in millionths."""

    policies: np.ndarray
    bankrupt: np.ndarray
    shares: dict[tuple[int, int | None], np.ndarray]


def play(game: Game, side: str, runs: int, search_runs: int) -> tuple[list[str], Games]:
    """The panel's games (and the search player's) with the playtest's seeds; the goals' shares for
    every candidate target."""
    goals = lab_goals(game.rules.scenario, side)
    names = [p for p in PANEL if p != "random"] + (["search"] if search_runs else [])
    policies, bankrupt, finals = [], [], []
    for index, name in enumerate(names):
        for i in range(search_runs if name == "search" else runs):
            lineup = bars.lineup(game, side, name)
            state = play_game(game, game_seed(0, i), lineup, record=False).state
            policies.append(index)
            bankrupt.append(state.labs[side].cash < 0)
            finals.append(state)
            print(f"\r{name:15} game {i + 1}", end="", file=sys.stderr)
    print(file=sys.stderr)
    shares: dict[tuple[int, int | None], np.ndarray] = {}
    for g, goal in enumerate(goals):
        for target in candidate_targets(goal):
            probe = goal.model_copy(update={"weight": UNIT, "target": target})
            shares[(g, target)] = np.array([goal_points(Ctx(game.rules, s, NO_DRAWS), s.labs[side], probe)
                                            for s in finals], dtype=float) / UNIT
    return names, Games(np.array(policies), np.array(bankrupt), shares)


#: The goal kinds whose points depend on a target (the others ignore it).
TARGETED = ("users", "valuation", "cash", "efficiency")


def candidate_targets(goal: Goal) -> list[int | None]:
    if goal.kind not in TARGETED or not goal.target:
        return [goal.target]
    return [int(goal.target * k) for k in TARGET_SCALES]


def scores(games: Games, goal_set: list[tuple[int, int, int | None]]) -> np.ndarray:
    """Scores out of 100 of every game under ``goal_set`` ((goal index, weight, target) each)."""
    points = sum(np.round(w * games.shares[(g, t)]) for g, w, t in goal_set)
    out = np.round(100 * points / sum(w for _, w, _ in goal_set))
    out[games.bankrupt] = 0
    return out


@dataclass
class Panel:
    """One goal set's scores per policy, and what does not depend on the band thresholds."""

    groups: dict[str, np.ndarray]  # the heuristic panel's scores, by policy
    eta2: float
    search_lead: float | None  # the search player's mean over the best policy's (None: not played)


def panel_of(names: list[str], games: Games, s: np.ndarray) -> Panel:
    groups = {n: s[games.policies == i] for i, n in enumerate(names)}
    search = groups.pop("search", None)
    best = max(v.mean() for v in groups.values())
    return Panel(groups, eta_squared([v.tolist() for v in groups.values()]),
                 None if search is None else search.mean() - best)


def judge(panel: Panel, top: int, won: int, history: bool) -> dict[str, float]:
    """Each bar's margin (negative: missed) for band thresholds ``top`` (best band) and ``won``."""
    wins = sorted(((v >= won).mean() for v in panel.groups.values()), reverse=True)
    sensible = panel.groups[bars.FIXED_POLICY]
    modal = max((sensible >= top).mean(), ((sensible >= won) & (sensible < top)).mean(), (sensible < won).mean())
    margins = {"eta2": panel.eta2 - bars.ETA_SQUARED_MIN, "winners": wins[bars.WINNERS_MIN - 1] - bars.WINNER_RATE,
               "top_win_rate": bars.WIN_RATE_MAX - wins[0], "modal_band": modal - bars.MODAL_BAND_MIN}
    if panel.search_lead is not None:
        lead = panel.search_lead  # in points / 20, to weigh like a share
        margins["search_lead"] = min(lead, bars.SEARCH_LEAD_MAX - lead) / 20
    if history:
        margins["history"] = (panel.groups["history"] >= won).mean() - bars.HISTORY_CN_TOP_TWO
    return margins


def fit(game: Game, side: str, names: list[str], games: Games, best: int, won_span: int = WON_SPAN) -> list[tuple]:
    """The ``best`` goal sets and band thresholds by their worst margin, then by closeness to today's
    (the won band's threshold tried ``won_span`` points either side of the scenario's)."""
    goals = lab_goals(game.rules.scenario, side)
    bands = lab_bands(game.rules.scenario, side)
    now_top, now_won = (bands[0].min_score, bands[1].min_score) if len(bands) > 2 else (90, 60)
    history = side == "cn" and bars.follows_record(game.rules.scenario)
    found = []
    for steps in itertools.product(WEIGHT_STEPS, repeat=len(goals)):
        weights = [goal.weight + d for goal, d in zip(goals, steps, strict=True)]
        if sum(steps) or min(weights) < 5:
            continue
        for targets in itertools.product(*(candidate_targets(goal) for goal in goals)):
            goal_set = list(zip(range(len(goals)), weights, targets, strict=True))
            panel = panel_of(names, games, scores(games, goal_set))
            for won in range(now_won - won_span, now_won + won_span + 1):
                top = won + now_top - now_won  # the scenario's gap between its two best bands, kept
                margins = judge(panel, top, won, history)
                distance = sum(map(abs, steps)) + abs(won - now_won) / 2
                found.append((round(min(margins.values()), 3), -distance, goal_set, top, won, margins))
    found.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return found[:best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--side", help="default: the scenario's first side")
    parser.add_argument("--runs", type=int, default=60, help="games per panel policy (default 60)")
    parser.add_argument("--search-runs", type=int, default=10, help="games of the search player (0: none)")
    parser.add_argument("--top", type=int, default=10, help="goal sets printed (default 10)")
    parser.add_argument("--won-span", type=int, default=WON_SPAN,
                        help=f"points the won band's threshold may move either way (default {WON_SPAN})")
    args = parser.parse_args(argv)
    game = Game(load_content(), args.scenario, record=False)
    side = args.side or game.scenario.sides[0]
    names, games = play(game, side, args.runs, args.search_runs)
    kinds = [goal.kind for goal in lab_goals(game.rules.scenario, side)]
    for worst, _, goal_set, top, won, margins in fit(game, side, names, games, args.top, args.won_span):
        goals = ", ".join(f"{kinds[g]} {w}" + (f" ({t:,})" if kinds[g] in TARGETED else "") for g, w, t in goal_set)
        detail = " ".join(f"{k} {v:+.2f}" for k, v in margins.items())
        print(f"{'ok    ' if worst > 0 else 'MISSED'} worst {worst:+.3f}  bands {top}/{won}  {goals}  [{detail}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
