"""Compare the simulation speed of this tree with another checkout, side by side, on a shared machine.

Two measures, each taken in alternation (this tree, the other, this tree, …) so that a change in the
machine's load falls on both alike, and reported as medians:

- games/s printed by ``python main.py simulate --scenario cn_lab --runs 1000 --jobs 2 --policy cautious``
  (what issue 12's speed criterion names; start-up of the pool included, a fresh process each run);
- the CPU time of a fixed batch of games in one process (``--batch`` games, ``--jobs 1`` equivalent:
  ``game.sim.runner``'s worker loop, after its warm-up game), in ms per game, which the other
  programs on the machine disturb less than the wall clock.

Usage::

    python benchmarks/compare_speed.py OTHER_CHECKOUT [--pairs 8] [--runs 1000] [--jobs 2] [--batch 300]

``OTHER_CHECKOUT`` is a directory holding another version of the project (a git worktree of an older
commit, for example). Both run with this Python interpreter.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Plays ``batch`` games of cn_lab (cautious) in this process through the simulation's worker loop and
#: prints their CPU time. Run in the checkout being measured (its own ``game`` package).
_BATCH = """
import sys, time
sys.path.insert(0, ".")
from game.sim.runner import SimSpec, _init_worker, _play_chunk
spec = SimSpec(scenario="cn_lab", lineups=[{"cn": "cautious"}], runs=%d, seed=0)
_init_worker(spec)
start = time.process_time()
_play_chunk(range(spec.total))
print(time.process_time() - start)
"""


def games_per_second(tree: Path, runs: int, jobs: int) -> float:
    """The games/s figure ``simulate`` prints, run in ``tree``."""
    out = subprocess.run([sys.executable, "main.py", "simulate", "--scenario", "cn_lab", "--runs", str(runs),
                          "--jobs", str(jobs), "--policy", "cautious"],
                         cwd=tree, capture_output=True, text=True, check=True)
    found = re.search(r"\(([\d.]+) games/s", out.stdout + out.stderr)
    if found is None:
        raise RuntimeError(f"no games/s figure in the output of {tree}:\n{out.stdout}\n{out.stderr}")
    return float(found.group(1))


def batch_ms_per_game(tree: Path, batch: int) -> float:
    """CPU milliseconds per game of a ``batch``-game run in one process, run in ``tree``."""
    out = subprocess.run([sys.executable, "-c", _BATCH % batch], cwd=tree, capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip()) * 1000 / batch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout of the project (e.g. an older commit)")
    parser.add_argument("--pairs", type=int, default=8, help="alternated pairs of runs of each measure")
    parser.add_argument("--runs", type=int, default=1000, help="games per simulate run")
    parser.add_argument("--jobs", type=int, default=2, help="processes per simulate run")
    parser.add_argument("--batch", type=int, default=300, help="games of the one-process CPU measure")
    args = parser.parse_args()
    trees = {"this": ROOT, "other": args.other.resolve()}
    rates: dict[str, list[float]] = {name: [] for name in trees}
    cpu: dict[str, list[float]] = {name: [] for name in trees}
    for pair in range(args.pairs):
        # Who goes first alternates too: a load that rises or falls during a pair favours neither.
        order = list(trees) if pair % 2 == 0 else list(reversed(trees))
        for name in order:
            rates[name].append(games_per_second(trees[name], args.runs, args.jobs))
        for name in order:
            cpu[name].append(batch_ms_per_game(trees[name], args.batch))
        print(f"pair {pair + 1}: " + "  ".join(f"{name} {rates[name][-1]:.1f} games/s {cpu[name][-1]:.3f} ms/game"
                                               for name in trees), flush=True)
    print(f"\nsimulate --scenario cn_lab --runs {args.runs} --jobs {args.jobs} --policy cautious, "
          f"{args.pairs} alternated pairs; CPU of {args.batch} games in one process")
    print(f"{'':8} {'games/s median':>15} {'(min–max)':>16} {'ms/game CPU median':>19} {'(min–max)':>16}")
    for name, tree in trees.items():
        r, c = rates[name], cpu[name]
        print(f"{name:8} {statistics.median(r):15.1f} {f'{min(r):.0f}–{max(r):.0f}':>16} "
              f"{statistics.median(c):19.3f} {f'{min(c):.2f}–{max(c):.2f}':>16}   {tree}")
    gain = statistics.median(rates["this"]) / statistics.median(rates["other"]) - 1
    cpu_gain = statistics.median(cpu["other"]) / statistics.median(cpu["this"]) - 1
    print(f"this tree against the other: {gain:+.1%} games/s, {cpu_gain:+.1%} games per CPU second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
