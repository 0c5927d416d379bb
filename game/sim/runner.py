"""Play many seeded games, over one or several processes, and return compact summaries in order.

Each game depends only on its scenario, options, seats' policies and seed, so the work can be split
in any way: games are numbered, handed out in fixed chunks, and the summaries come back in game order
(``Pool.imap`` keeps it). The statistics therefore never depend on the number of processes.

Example::

    >>> spec = SimSpec(scenario="us_lab", lineups=[{"us": "cautious"}], runs=2, seed=0)
    >>> [s["lineup"] for s in run_simulation(spec, jobs=1)]
    [0, 0]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.content.loader import load_content
from game.engine.game import Game
from game.play import play_game
from game.sim.seeds import game_seed

#: A game summary: what the statistics need of one game, small enough to pass between processes.
Summary = dict[str, Any]
#: Called with (games done, games in all) as results arrive.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SimSpec:
    """What to simulate: ``runs`` games for each line-up (side -> policy name), seeds from ``seed``."""

    scenario: str
    lineups: list[dict[str, str]]
    runs: int
    seed: int = 0
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.runs * len(self.lineups)

    def task(self, number: int) -> tuple[int, int, int]:
        """(line-up, game index, seed) of task ``number``: line-up by line-up, games in order."""
        lineup, index = divmod(number, self.runs)
        return lineup, index, game_seed(self.seed, index)


def summarize(game: Game, lineup: int, index: int, seed: int, policies: dict[str, str]) -> Summary:
    """Play one game to its end and keep what the statistics read."""
    state = play_game(game, seed, policies, record=False).state  # only the final state is read
    outcome = state.outcome
    assert outcome is not None  # play_game plays to the end
    return {
        "lineup": lineup, "index": index, "seed": seed, "turns": state.turn + 1, "reason": outcome.reason,
        "results": dict(outcome.results), "scores": dict(outcome.scores),
        "fired": sorted({f.event for f in state.fired}),
    }


# --- worker processes --------------------------------------------------------------------------------
_WORKER: tuple[SimSpec, Game] | None = None


def _init_worker(spec: SimSpec) -> None:
    global _WORKER
    _WORKER = (spec, Game(load_content(), spec.scenario, spec.options))
    # The content (tens of thousands of objects, alive until the end) leaves the cyclic garbage
    # collector's watch: every full collection walked all of it, a few percent of a game's time.
    # Games themselves make little cyclic garbage; reference counting frees them.
    gc.freeze()


def _play_chunk(numbers: range) -> list[Summary]:
    assert _WORKER is not None, "the worker was not initialised"
    spec, game = _WORKER
    out = []
    for number in numbers:
        lineup, index, seed = spec.task(number)
        out.append(summarize(game, lineup, index, seed, spec.lineups[lineup]))
    return out


def chunks(total: int, jobs: int) -> list[range]:
    """Split task numbers ``0 .. total - 1`` into consecutive ranges: several per process, not too small
    (each costs a round trip between processes), and shrinking towards the end (guided scheduling:
    each is a quarter of a process's share of what is left, two games at least), so that the processes
    finish together instead of one idling while another plays a last big chunk (with equal chunks of
    25 games, that wait was up to a tenth of a 400-game run)."""
    parts, start = [], 0
    while start < total:
        size = max(2, min(64, (total - start) // (jobs * 4)))
        parts.append(range(start, min(start + size, total)))
        start += size
    return parts


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_simulation(spec: SimSpec, jobs: int = 1, progress: Progress | None = None) -> list[Summary]:
    """Play every game of ``spec`` over ``jobs`` processes; the summaries in task order."""
    total = spec.total
    parts = chunks(total, jobs)
    results: list[Summary] = []
    if jobs <= 1 or len(parts) <= 1:
        _init_worker(spec)
        try:
            for part in parts:
                results += _play_chunk(part)
                if progress:
                    progress(len(results), total)
        finally:
            gc.unfreeze()  # this process goes on: let the collector see its objects again
        return results
    load_content()  # loaded once here: forked workers inherit it instead of reading the YAML again
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(min(jobs, len(parts)), initializer=_init_worker, initargs=(spec,)) as pool:
        for batch in pool.imap(_play_chunk, parts):
            results += batch
            if progress:
                progress(len(results), total)
    return results
