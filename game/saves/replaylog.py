"""Re-playing an action log from its seed, recording the state hash at the start of every turn.

Used when saving (to store per-turn hashes) and by ``python main.py replay``. Autosaves happen after
every turn, so the last replay is kept and continued when the next log extends it: saving stays cheap
at the end of a long game.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> from game.match import play_game
    >>> game = Game(load_content(), "cn_lab")
    >>> played = play_game(game, 3, {"cn": "cautious"}, max_turns=2)  # two turns: 0 and 1
    >>> run = replay_log(game, seed=3, seats=["cn"], actions=played.log)
    >>> run.failure, len(run.turn_hashes), run.state.turn      # hashes when turns 0, 1 and 2 began
    (None, 3, 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.engine.canonical import canonical_json, state_hash
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.engine.state import GameState
from game.match import Match


@dataclass
class ReplayRun:
    """The result of re-playing a log: the state reached and the hash when each turn began."""

    state: GameState
    turn_hashes: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    done: int = 0                                  # log entries applied
    failure: tuple[int, Exception] | None = None   # (index in the log, the error) when one failed


@dataclass
class _Cached:
    key: str
    actions: list[LogEntry]
    run: ReplayRun


_last: list[_Cached] = []  # at most one entry: the last complete replay


def _key(game: Game, seed: int, seats: list[str]) -> str:
    return canonical_json([game.content.digest, id(game.content), game.scenario.id,
                           game.options.model_dump(mode="json"), seed, list(seats)])


def _copy(run: ReplayRun) -> ReplayRun:
    return ReplayRun(run.state.model_copy(deep=True), list(run.turn_hashes), list(run.dates), run.done,
                     run.failure)


def replay_log(game: Game, seed: int, seats: list[str], actions: Sequence[LogEntry],
               use_cache: bool = True) -> ReplayRun:
    """Play the log ``actions`` from a new game of ``seed``: each is submitted to a :class:`Match`
    whose seats are all played by the log.

    Stops at the first action that fails (``run.failure``): an ``IllegalAction`` when the log does not
    fit the game, any other exception when the engine itself fails (what a crash report looks for).
    """
    key = _key(game, seed, seats)
    run: ReplayRun | None = None
    if use_cache and _last and _last[0].key == key:
        cached = _last[0]
        n = len(cached.actions)
        if cached.run.failure is None and n <= len(actions) and list(actions[:n]) == cached.actions:
            run = _copy(cached.run)
    if run is None:
        state = game.new_game(seed, seats)
        run = ReplayRun(state, [state_hash(state)], [state.date])
    state = run.state
    match = Match(game, state, record=False, in_place=True)  # the log is the record: keep no second one
    for index in range(run.done, len(actions)):
        entry = actions[index]
        turn = state.turn
        try:
            match.submit(entry.action)
        except Exception as exc:  # IllegalAction: the log does not fit; anything else: an engine failure
            run.failure = (index, exc)
            break
        run.done = index + 1
        if state.turn != turn:
            run.turn_hashes.append(state_hash(state))
            run.dates.append(state.date)
    if use_cache:
        _last[:] = [_Cached(key, list(actions[:run.done]), _copy(run))]
    return run


def finish_like(game: Game, replayed: GameState, saved: GameState) -> GameState:
    """The replayed state, concluded if the saved game was ended early by a turn limit that the
    log does not show (``play_game(max_turns=…)`` ends a game with ``conclude``, not an action)."""
    if saved.outcome is not None and saved.outcome.reason == "turn_limit" and replayed.outcome is None:
        return game.conclude(replayed).state
    return replayed
