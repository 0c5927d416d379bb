"""Compare the simulation speed of this tree with another checkout, side by side, on a shared machine.

Two measures, each taken in alternation (this tree, the other, this tree, …) so that a change in the
machine's load falls on both alike, and reported as medians:

- games/s printed by ``python main.py simulate --scenario cn_lab --runs 1000 --jobs 2 --policy cautious``
  (what issue 12's speed criterion names; start-up of the pool included, a fresh process each run);
- the CPU time of a fixed batch of games in one process (``--batch`` games, ``--jobs 1`` equivalent:
  ``game.sim.runner``'s worker loop, after its warm-up game), in ms per game, which the other
  programs on the machine disturb less than the wall clock.

And, with ``--instructions N``, a third that no other program disturbs: the machine instructions a
game costs (valgrind's count, the same on every run of the same tree: Python's string hashing, address
randomisation and numpy's threads fixed), from a batch of ``N`` games less a batch of none. Slow (two
minutes for 40 games) and needs ``valgrind``; where a tree's own code puts its objects in memory still
moves it by up to about 1 %.

Usage::

    python benchmarks/compare_speed.py OTHER_CHECKOUT [--pairs 8] [--runs 1000] [--jobs 2] [--batch 300]
    python benchmarks/compare_speed.py OTHER_CHECKOUT --instructions 40     # the instruction count only

``OTHER_CHECKOUT`` is a directory holding another version of the project (a git worktree of an older
commit, for example). Both run with this Python interpreter.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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


def instructions_per_game(tree: Path, batch: int) -> float:
    """Machine instructions per game in ``tree``: valgrind's count for the CPU measure's script with
    ``batch`` games (after its warm-up game) less its count with none, over ``batch``."""
    env = dict(os.environ, PYTHONHASHSEED="0", OPENBLAS_NUM_THREADS="1")  # (a busy-waiting thread counts too)
    prefix = ["setarch", os.uname().machine, "-R"] if shutil.which("setarch") else []  # no address randomising

    def count(games: int) -> int:
        out = subprocess.run([*prefix, "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                              sys.executable, "-c", _BATCH % games],
                             cwd=tree, env=env, capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", out.stderr)
        if found is None:
            raise RuntimeError(f"no instruction count from valgrind in {tree}:\n{out.stderr[-2000:]}")
        return int(found.group(1))

    return (count(batch) - count(0)) / batch


def compare_instructions(trees: dict[str, Path], batch: int) -> int:
    if shutil.which("valgrind") is None:
        print("--instructions needs valgrind (apt install valgrind); the other measures do not", file=sys.stderr)
        return 2
    counts = {name: instructions_per_game(tree, batch) for name, tree in trees.items()}
    print(f"machine instructions per cn_lab game (cautious), {batch} games in one process, valgrind")
    for name, tree in trees.items():
        print(f"{name:8} {counts[name] / 1e6:10.2f} M   {tree}")
    print(f"this tree against the other: {counts['this'] / counts['other'] - 1:+.1%} instructions per game")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout of the project (e.g. an older commit)")
    parser.add_argument("--pairs", type=int, default=8, help="alternated pairs of runs of each measure")
    parser.add_argument("--runs", type=int, default=1000, help="games per simulate run")
    parser.add_argument("--jobs", type=int, default=2, help="processes per simulate run")
    parser.add_argument("--batch", type=int, default=300, help="games of the one-process CPU measure")
    parser.add_argument("--instructions", type=int, metavar="N", default=0,
                        help="count the instructions of N games under valgrind instead (deterministic)")
    args = parser.parse_args()
    trees = {"this": ROOT, "other": args.other.resolve()}
    if not (trees["other"] / "main.py").is_file():
        parser.error(f"{args.other} holds no checkout of the project (no main.py)")
    if args.instructions:
        return compare_instructions(trees, args.instructions)
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
