"""Chip Race benchmarks: how fast the engine, the content loader and the UI are, each against its target.

Usage::

    python benchmarks/run.py            # a table: measure, value, target, ok / MISSED
    python benchmarks/run.py --json     # the same rows as JSON
    python benchmarks/run.py --quick    # a few seconds: fewer games, a smaller mod, a 1 s idle window

Benchmarks are not tests: a busy or slow machine misses targets. CI only runs ``--quick`` to check
that every row is measured (tests/tools/test_benchmarks_smoke.py). Rows whose helper is missing print
"not available". The UI rows run in a fresh process each (start-up must not find modules already
imported). Every row is measured on one process except "simulate", which uses every core.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCENARIO = "cn_lab"
POLICY = "cautious"


@dataclass
class Row:
    """One measure: its value and target in ``unit``; ``value`` is None when it could not be measured."""

    name: str
    unit: str
    target: float
    value: float | None = None
    note: str = ""
    higher_is_better: bool = False

    @property
    def ok(self) -> bool | None:
        if self.value is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


def calibration_ms() -> float:
    """Milliseconds for a fixed pure-Python loop (best of 5): compare runs made on different machines or
    under different loads (a busy machine shows a larger figure than the same machine idle)."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(100_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best * 1000


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-99 * len(ordered) // 100) - 1))]


# --- engine ----------------------------------------------------------------------------------------------
def engine_rows(games: int) -> list[Row]:
    """Turn time (every action of a turn with its legal menu and policy choice, then the world's answer)
    and whole-game time, single process, ``cn_lab`` played by the cautious policy."""
    from game.content.loader import load_content
    from game.engine.actions import EndTurn
    from game.engine.game import Game
    from game.match import play_game

    game = Game(load_content(), SCENARIO)
    play_game(game, 0, {"cn": POLICY})  # warm caches (as in a real simulation)
    turn_times: list[float] = []
    game_times: list[float] = []
    for seed in range(1, games + 1):
        mark = [time.perf_counter()]

        def on_step(state: Any, action: Any, notes: Any, mark: list[float] = mark) -> None:
            if isinstance(action, EndTurn):
                now = time.perf_counter()
                turn_times.append(now - mark[0])
                mark[0] = now

        start = time.perf_counter()
        play_game(game, seed, {"cn": POLICY}, on_step=on_step)
        game_times.append(time.perf_counter() - start)
    ms = 1000
    return [
        Row("engine turn, median", "ms", 0.7, statistics.median(turn_times) * ms, f"{len(turn_times)} turns"),
        Row("engine turn, p99", "ms", 3.0, p99(turn_times) * ms, f"{len(turn_times)} turns"),
        Row("whole game (cn_lab)", "ms", 20.0, statistics.median(game_times) * ms, f"median of {games} games"),
    ]


def simulate_row(runs: int) -> Row:
    from game.sim.runner import SimSpec, default_jobs, run_simulation

    jobs = default_jobs()
    spec = SimSpec(scenario=SCENARIO, lineups=[{"cn": POLICY}], runs=runs, seed=0)
    start = time.perf_counter()
    run_simulation(spec, jobs=jobs)
    seconds = time.perf_counter() - start
    return Row("simulate, games/s", "games/s", 100.0, runs / seconds, f"{runs} games of {SCENARIO}, {jobs} "
               "process(es), start-up included; aim 500", higher_is_better=True)


def search_row(games: int, scenario: str) -> Row:
    """Games per minute of the search player (game/policies/search.py), one process: every decision
    plays a few continuations of the game per candidate action, so it is some thousand times slower
    than a heuristic player. The playtest's search runs and the "hard" opponent's thinking time rest on it."""
    from game.content.loader import load_content
    from game.engine.game import Game
    from game.match import play_game
    from game.policies.search import SearchPolicy

    game = Game(load_content(), scenario, record=False)
    side = game.scenario.sides[0]
    start = time.perf_counter()
    for seed in range(games):
        play_game(game, seed, {side: SearchPolicy(seed)}, record=False)
    minutes = (time.perf_counter() - start) / 60
    return Row(f"search player, games/min ({scenario})", "games/min", 6.0, games / minutes,
               f"{games} game(s), 1 process; a playtest of 30 search games per side takes 30 / this minutes "
               "per core", higher_is_better=True)


# --- content -----------------------------------------------------------------------------------------------
_LOAD_SHIPPED = """
import json, time
from game.content.loader import SCENARIOS_DIR, load_folder
start = time.perf_counter()
load_folder(SCENARIOS_DIR)
print(json.dumps(time.perf_counter() - start))
"""

_LOAD_MOD = """
import json, time
from pathlib import Path
from game.content.mods import load_content_with_mods
start = time.perf_counter()
content = load_content_with_mods(Path({folder!r}).parent)
print(json.dumps([time.perf_counter() - start, sum(len(m.problems) for m in content.mods)]))
"""


def content_rows(mod_events: int) -> list[Row]:
    """Each load runs in a fresh process (cold: every file parsed and validated)."""
    shipped = Row("load + validate shipped content", "s", 0.5)
    mod = Row(f"load + validate a {mod_events}-event mod", "s", 1.0)  # the modding issue's target, cold
    shipped.value = _in_subprocess(_LOAD_SHIPPED, 120)
    if shipped.value is not None:
        shipped.note = "fresh process"
    from benchmarks.content_load import generated_mod

    with tempfile.TemporaryDirectory() as tmp:
        folder = generated_mod(Path(tmp) / "mods", mod_events)
        cold = _in_subprocess(_LOAD_MOD.format(folder=str(folder)), 300)
    if cold is not None:
        mod.value = cold[0]
        mod.note = "with the shipped content, fresh process" + (f"; {cold[1]} problem(s) reported" if cold[1] else "")
    for row in (shipped, mod):
        if row.value is None:
            row.note = "not available"
    return [shipped, mod]


# --- UI (each in a fresh process) ------------------------------------------------------------------------
def _in_subprocess(code: str, timeout: float) -> Any:
    """Run ``code`` (which prints one JSON value last) in a fresh headless interpreter; None on failure."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    try:
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except ValueError:
        return None


def _ui_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("pygame") is not None and importlib.util.find_spec("game.ui") is not None
    except ModuleNotFoundError:
        return False


def ui_rows(frames: int, idle_seconds: float) -> list[Row]:
    rows = [Row("UI frame (dashboard 1280x720), median", "ms", 8.0),
            Row("UI frame (dashboard 1280x720), p99", "ms", 8.0),
            Row("UI first frame after the dashboard opens", "ms", 50.0),
            Row(f"idle CPU on the dashboard over {idle_seconds:g} s", "% of a core", 3.0),
            Row("start-up to the first menu frame", "s", 1.5)]
    if not _ui_available():
        for row in rows:
            row.note = "not available"
        return rows
    times = _in_subprocess(f"import json; from benchmarks.ui_frames import frame_times; "
                           f"print(json.dumps(frame_times({frames})))", timeout=120)
    if times:
        rows[0].value, rows[1].value = statistics.median(times) * 1000, p99(times) * 1000
        rows[0].note = rows[1].note = f"{len(times)} frames, after the first ones (row below)"
    first = _in_subprocess("import json; from benchmarks.ui_frames import first_frames; "
                           "print(json.dumps(first_frames()))",
                           timeout=120)
    if first:
        rows[2].value = max(first) * 1000
        rows[2].note = f"slowest of the first {len(first)} frames: texts are rendered and cached"
    idle = _in_subprocess(f"import json; from benchmarks.ui_frames import idle_cpu; "
                          f"print(json.dumps(idle_cpu({idle_seconds})))", timeout=60 + idle_seconds)
    if idle is not None:
        rows[3].value = idle * 100
    startup = _in_subprocess("import json; from benchmarks.ui_frames import startup_seconds; "
                             "print(json.dumps(startup_seconds()))", timeout=60)
    if startup is not None:
        rows[4].value = startup
        rows[4].note = "fresh process, content loading included"
    for row in rows:
        if row.value is None:
            row.note = "not available"
    return rows


def picture_rows(frames: int, idle_seconds: float) -> list[Row]:
    """A frame row per picture scene (chip map, race chart, front page, market moment: cn_lab at its crash),
    each with its opening transition's frames in the note, and the idle CPU on the chip map."""
    from benchmarks.ui_frames import PICTURES
    rows = []
    for name in PICTURES:
        row = Row(f"UI frame ({name} 1280x720), p99", "ms", 8.0)
        times = _in_subprocess(f"import json; from benchmarks.ui_frames import picture_frame_times as f, "
                               f"picture_transition_times as g; print(json.dumps([f({name!r}, {frames}), "
                               f"g({name!r})]))", timeout=180)
        if times:
            steady, moving = times
            row.value = p99(steady) * 1000
            row.note = (f"{len(steady)} frames, median {statistics.median(steady) * 1000:.2f} ms; opening "
                        f"transition: {len(moving)} frames, first (picture painted) {moving[0] * 1000:.0f} ms, "
                        f"then at most {max(moving[1:], default=0) * 1000:.1f} ms" if moving else "")
        else:
            row.note = "not available"
        rows.append(row)
    idle = Row(f"idle CPU on the chip map over {idle_seconds:g} s", "% of a core", 2.0)
    value = _in_subprocess(f"import json; from benchmarks.ui_frames import picture_idle_cpu; "
                           f"print(json.dumps(picture_idle_cpu('map', {idle_seconds})))", timeout=120 + idle_seconds)
    if value is not None:
        idle.value = value * 100
    else:
        idle.note = "not available"
    return [*rows, idle]


# --- output ------------------------------------------------------------------------------------------------
def measure(quick: bool) -> list[Row]:
    steps: list[tuple[str, Callable[[], list[Row]]]] = [
        ("engine", lambda: engine_rows(3 if quick else 40)),
        ("simulate", lambda: [simulate_row(8 if quick else 400)]),
        ("search", lambda: [search_row(1, "us_lab") if quick else search_row(5, SCENARIO)]),
        ("content", lambda: content_rows(100 if quick else 2000)),
        ("ui", lambda: ui_rows(10 if quick else 200, 1.0 if quick else 5.0)),
        ("pictures", lambda: picture_rows(10 if quick else 200, 1.0 if quick else 5.0)),
    ]
    rows: list[Row] = []
    for _name, step in steps:
        rows += step()
    return rows


def _fmt(value: float | None) -> str:
    if value is None:
        return "not available"
    return f"{value:,.3f}" if value < 10 else f"{value:,.1f}"


def table(rows: list[Row]) -> str:
    width = max(len(r.name) for r in rows)
    lines = [f"{'measure':<{width}}  {'value':>14}  {'target':>16}  result"]
    for r in rows:
        target = ("≥ " if r.higher_is_better else "≤ ") + _fmt(r.target)
        result = "-" if r.ok is None else ("ok" if r.ok else "MISSED")
        note = f"  ({r.note})" if r.note else ""
        lines.append(f"{r.name:<{width}}  {_fmt(r.value):>14}  {target:>12} {r.unit:<12}  {result}{note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Chip Race benchmarks (not tests: targets may be missed on a "
                                                 "busy machine).")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--quick", action="store_true", help="a few seconds: fewer samples (a smoke run)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    calibration = calibration_ms()
    rows = measure(args.quick)
    if args.json:
        print(json.dumps({"quick": args.quick, "cores": os.cpu_count(), "calibration_ms": round(calibration, 3),
                          "rows": [{**asdict(r), "ok": r.ok} for r in rows]}, indent=1, ensure_ascii=False))
    else:
        print(table(rows))
        print(f"\n{os.cpu_count()} core(s); calibration loop {calibration:.2f} ms (compare with another run's: a "
              "larger figure means a slower or busier machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
