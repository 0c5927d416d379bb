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

from game.content.models import Content
from game.content.sources import ModChoice
from game.engine.game import Game
from game.match import play_game
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
    #: The mods every process loads (plain data: it pickles to the workers); default: shipped content.
    mods: ModChoice = field(default_factory=lambda: ModChoice(installed=False))

    @property
    def total(self) -> int:
        return self.runs * len(self.lineups)

    def task(self, number: int) -> tuple[int, int, int]:
        """(line-up, game index, seed) of task ``number``: line-up by line-up, games in order."""
        lineup, index = divmod(number, self.runs)
        return lineup, index, game_seed(self.seed, index)


def summarize(game: Game, lineup: int, index: int, seed: int, policies: dict[str, str]) -> Summary:
    """Play one game to its end and keep what the statistics read."""
    match = play_game(game, seed, policies, record=False)  # only the final state is read
    state = match.state
    outcome = state.outcome
    assert outcome is not None  # play_game plays to the end
    summary = {
        "lineup": lineup, "index": index, "seed": seed, "turns": state.turn + 1, "reason": outcome.reason,
        "results": dict(outcome.results), "scores": dict(outcome.scores), "bands": dict(outcome.bands),
        "fired": sorted({f.event for f in state.fired}),
    }
    # What a policy that counts its choices chose (the search player: the playtest's action patterns).
    patterns = {side: dict(p.actions) for side, p in match.computers.items() if hasattr(p, "actions")}
    if patterns:
        summary["patterns"] = patterns
    return summary


# --- worker processes --------------------------------------------------------------------------------
_WORKER: tuple[SimSpec, Game] | None = None

#: Games are played with the cyclic garbage collector off, and one collection follows each chunk. A game
#: makes ~100,000 short-lived objects (menus, records, contexts) that reference counting frees, and about
#: a dozen in cycles (its policies): the collector's passes over the young objects found next to nothing
#: and were ~2% of a game's instructions even at a young-generation threshold of 50,000 (at the default
#: 700, a pass every few actions, 3%). A chunk's cycles (at most 64 games') wait for its end.


def _prepare(spec: SimSpec, content: Content | None = None) -> None:
    """Make this process ready to play ``spec``'s games: its :class:`Game`, with warm caches, on
    ``content`` when the caller has loaded it already (else ``spec.mods`` loads it).

    One game is played and thrown away first: the engine fills its per-scenario caches (the legal
    menu's tables) during the first game, a few first games' worth of
    time. Done in the parent before forking, every worker inherits them instead of filling its own.
    The caches hold only what the content decides, so the games that follow are the same either way.
    """
    global _WORKER
    if _WORKER is not None and _WORKER[0] is spec:
        return  # a forked worker: the parent prepared it
    content = spec.mods.load() if content is None else content
    game = Game(content, spec.scenario, spec.options, record=False)  # only outcomes are read
    summarize(game, 0, 0, game_seed(spec.seed, 0), spec.lineups[0])
    _WORKER = (spec, game)
    # The content and the caches (tens of thousands of objects, alive until the end) leave the cyclic
    # garbage collector's watch: every full collection walked all of it. In the parent this happens
    # before forking, so the workers' collectors never touch (and copy) the inherited pages either. No
    # collection first (the order Python's gc.freeze documentation gives): it walked every object of the
    # content, 25 ms before the first game, to free a few hundred.
    gc.freeze()


def _init_worker(spec: SimSpec) -> None:
    _prepare(spec)


def _play_chunk(numbers: range) -> list[Summary]:
    assert _WORKER is not None, "the worker was not initialised"
    spec, game = _WORKER
    out = []
    collecting = gc.isenabled()
    gc.disable()  # see the note above _prepare
    try:
        for number in numbers:
            lineup, index, seed = spec.task(number)
            out.append(summarize(game, lineup, index, seed, spec.lineups[lineup]))
    finally:
        if collecting:
            gc.enable()
    gc.collect()  # the chunk's few cycles (the content and tables are frozen: not walked again)
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


def run_simulation(spec: SimSpec, jobs: int = 1, progress: Progress | None = None,
                   content: Content | None = None) -> list[Summary]:
    """Play every game of ``spec`` over ``jobs`` processes; the summaries in task order.

    ``content``: what ``spec.mods`` loads, when the caller has it already (``simulate`` has loaded it
    to check the command line): this process and the workers it forks play on it instead of loading
    it again (a tenth of a second, a few percent of a thousand games' time). A spawned worker still
    loads its own from ``spec.mods``.
    """
    total = spec.total
    parts = chunks(total, jobs)
    results: list[Summary] = []
    if jobs <= 1 or len(parts) <= 1:
        _prepare(spec, content)
        try:
            for part in parts:
                results += _play_chunk(part)
                if progress:
                    progress(len(results), total)
        finally:
            _release()
        return results
    methods = multiprocessing.get_all_start_methods()
    forking = "fork" in methods
    context = multiprocessing.get_context("fork" if forking else "spawn")
    try:
        if forking:
            _prepare(spec, content)  # once here, inherited by every worker (a spawned one prepares its own)
        with context.Pool(min(jobs, len(parts)), initializer=_init_worker, initargs=(spec,)) as pool:
            for batch in pool.imap(_play_chunk, parts):
                results += batch
                if progress:
                    progress(len(results), total)
    finally:
        if forking:
            _release()
    return results


def _release() -> None:
    """Forget the prepared game and let the collector see this process's objects again."""
    global _WORKER
    _WORKER = None
    gc.unfreeze()
