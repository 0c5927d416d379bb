"""Balance report: many seeded games per scenario and computer policy, with the figures the
balance targets are stated in (issue 5).

For every scenario and policy it plays ``--seeds`` games (the same policy at every seat) and prints:
how often each lab won, lost or went bankrupt; how often the game ran its whole calendar; the mean
score and final capability; and how often the historical path happened (the first export ban, the
DeepSeek R1 release, the Nvidia crash).

Example::

    python scripts/balance.py --seeds 40
    python scripts/balance.py --seeds 10 --scenario us_lab --json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.content.loader import load_content
from game.engine.game import Game
from game.match import play_game
from game.policies import POLICIES

#: Events that make the historical path, and the what-if events that stand for them.
HISTORY = {
    "ban": ("us_ban_a100_h100", "whatif_early_ban_a100"),
    "r1": ("deepseek_r1",),
    "crash": ("nvidia_crash",),
}


def one_game(scenario: str, policy: str, seed: int) -> dict[str, Any]:
    """Play one game; the figures the report needs."""
    game = Game(load_content(), scenario)
    state = play_game(game, seed, dict.fromkeys(game.scenario.sides, policy)).state
    fired = {f.event for f in state.fired}
    return {
        "reason": state.outcome.reason,
        "results": dict(state.outcome.results),
        "scores": dict(state.outcome.scores),
        "capability": {s: state.labs[s].capability for s in state.seats},
        "history": {name: any(e in fired for e in ids) for name, ids in HISTORY.items()},
        "events": len(state.fired),
    }


def _run(args: tuple[str, str, int]) -> tuple[str, str, dict[str, Any]]:
    scenario, policy, seed = args
    return scenario, policy, one_game(scenario, policy, seed)


def summarise(games: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(games)
    outcomes: Counter[str] = Counter()
    for g in games:
        outcomes.update(g["results"].values())
    labs = sum(len(g["results"]) for g in games)
    return {
        "games": n,
        "won_pct": round(100 * outcomes["won"] / labs),
        "lost_pct": round(100 * outcomes["lost"] / labs),
        "bankrupt_pct": round(100 * outcomes["bankrupt"] / labs),
        "full_calendar_pct": round(100 * sum(g["reason"] == "calendar" for g in games) / n),
        "mean_score": round(sum(sum(g["scores"].values()) / len(g["scores"]) for g in games) / n, 1),
        "mean_capability": round(sum(sum(g["capability"].values()) / len(g["capability"]) for g in games) / n / 100, 1),
        "history_pct": {k: round(100 * sum(g["history"][k] for g in games) / n) for k in HISTORY},
        "mean_events": round(sum(g["events"] for g in games) / n, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=30, help="games per scenario and policy")
    parser.add_argument("--scenario", action="append", help="only these scenarios (default: all)")
    parser.add_argument("--policy", action="append", help="only these policies (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args(argv)
    scenarios = args.scenario or sorted(load_content().scenarios)
    policies = args.policy or list(POLICIES)
    tasks = [(s, p, seed) for s in scenarios for p in policies for seed in range(args.seeds)]
    results: dict[tuple[str, str], list[dict[str, Any]]] = {}
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for scenario, policy, game in pool.map(_run, tasks, chunksize=8):
            results.setdefault((scenario, policy), []).append(game)
    table = {f"{s}/{p}": summarise(results[(s, p)]) for s in scenarios for p in policies}
    for s in scenarios:
        every = [g for p in policies for g in results[(s, p)]]
        table[f"{s}/ALL"] = summarise(every)
    if args.json:
        json.dump(table, sys.stdout, indent=1)
        print()
        return 0
    head = (f"{'scenario/policy':32} {'won':>4} {'lost':>4} {'bkrpt':>5} {'full':>4} "
            f"{'score':>5} {'cap':>5}  ban r1 crash")
    print(head)
    for key, row in table.items():
        h = row["history_pct"]
        print(f"{key:32} {row['won_pct']:>3}% {row['lost_pct']:>3}% {row['bankrupt_pct']:>4}% "
              f"{row['full_calendar_pct']:>3}% {row['mean_score']:>5} {row['mean_capability']:>5}  "
              f"{h['ban']:>3} {h['r1']:>3} {h['crash']:>3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
