"""Calibration: the ``history`` path played over many seeds, measured against the record.

Each :class:`Target` names a figure of the game, the band it must fall in, the real figure it stands
for and where that comes from. :func:`calibrate` plays the scenario with the ``history`` policy (and,
for the counterfactual targets, with a variant of it or a what-if scenario, on the same seeds), keeps a
:class:`Snapshot` of the lab after every turn, and measures each target: the median over the games and
the 10–90% range, or a share of games where the target says so.

A target the model cannot measure yet (a figure it does not simulate) is reported as missed with the
reason: a calibration that skipped it would claim more than the game does.

Example::

    >>> report = calibrate("cn_lab", runs=2)
    >>> report.rows[0].target.id, report.rows[0].as_json()["band"]
    ('nvidia_runup', [15, 50])
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.content.loader import load_content
from game.content.models import Content
from game.engine import actions as a
from game.engine.calendar import date_key
from game.engine.game import Game
from game.engine.rivals import rival_compute
from game.engine.rules import HOURS_PER_MONTH
from game.engine.state import GameState, Lab
from game.match import play_game
from game.policies.history import HistoryPolicy
from game.sim.seeds import game_seed

#: The turn the cheap near-frontier model lands (DeepSeek-R1, 20 Jan 2025) and the shock (27 Jan 2025).
SHOCK_MONTH = "2025-01"


# --- what one game leaves ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Snapshot:
    """The measured lab and world at the end of one turn."""

    date: str
    nvda_cents: int
    gap: int                 # the other side's best model minus the lab's released one, hundredths
    compute: int             # H100-equivalent GPU-hours a month (the engine's monthly_compute)
    ascend_compute: int      # the part of it on Huawei chips
    last_run_reported: int   # what the lab would announce for its last finished run, dollars
    spent: int               # everything the lab has paid out so far, dollars
    cash: int
    raised: int              # starting cash plus money from investors and cards, dollars


@dataclass
class Trace:
    """One game of a batch: its seed, its start, a snapshot per turn, its end."""

    seed: int
    start_nvda_cents: int
    snapshots: list[Snapshot] = field(default_factory=list)
    fired: frozenset[str] = frozenset()
    score: int = 0
    #: Nvidia's falls at cheap near-frontier releases: (date, basis points), from the market's notes
    shocks: list[tuple[str, int]] = field(default_factory=list)

    def at(self, month: str) -> Snapshot | None:
        """The snapshot of the turn dated ``month`` (``YYYY-MM``), if the calendar has one."""
        return next((s for s in self.snapshots if s.date.startswith(month)), None)

    def before(self, month: str) -> list[Snapshot]:
        return [s for s in self.snapshots if s.date[:7] < month]


def _snapshot(game: Game, state: GameState, lab: Lab, last_run: int) -> Snapshot:
    """The lab and the world at the end of the turn just resolved: the figures the turn recorded in
    ``state.series`` (before the next turn's news, which the state already holds), and the lab's
    chips and accounts."""
    row = state.series[-1]
    # The frontier is the other side's best model (for the Chinese lab: the US labs', as in "R1 close
    # to o1"), released by a rival or by the other played lab.
    sides = {r.id: r.side for r in game.rules.rivals}
    others = [cap for rid, cap in row["rivals"].items() if sides.get(rid) != lab.side]
    others += [figures["released"] for side, figures in row["labs"].items() if side != lab.side]
    huawei = {c for c, chip in game.rules.chips.items() if chip.maker == "Huawei"}
    perf = game.rules.chips
    ascend = sum(count * perf[c].perf * HOURS_PER_MONTH // 1000 for c, count in lab.chips.items() if c in huawei)
    income = lab.ledger.income
    mine = row["labs"][lab.side]
    return Snapshot(
        date=row["date"], nvda_cents=row["stocks"].get("nvda", 0), gap=max(others, default=0) - mine["released"],
        compute=mine["compute"], ascend_compute=ascend, last_run_reported=last_run,
        spent=sum(lab.ledger.spend.values()), cash=lab.cash,
        raised=lab.start_cash + income.get("investors", 0) + income.get("events", 0),
    )


def play_trace(game: Game, seed: int, side: str, policies: dict[str, Any]) -> Trace:
    """Play one game and keep a snapshot of ``side``'s lab after every turn."""
    start = game.new_game(seed, list(policies))
    trace = Trace(seed=seed, start_nvda_cents=start.world.stocks.get("nvda", 0))
    last = {"turn": start.turn, "reported": 0, "last_run": 0}

    def observe(state: GameState, action: a.Action, notes: list[Any]) -> None:
        for note in notes:
            if note.key == "market.cheap_ai":
                trace.shocks.append((state.date, note.params["fall_bp"]))
        lab = state.labs[side]
        if lab.reported_training_cost != last["reported"]:  # a run finished: its announced cost
            last["last_run"] = lab.reported_training_cost - last["reported"]
            last["reported"] = lab.reported_training_cost
        if (state.turn != last["turn"] or state.over) and state.series:
            trace.snapshots.append(_snapshot(game, state, lab, last["last_run"]))
            last["turn"] = state.turn

    played = play_game(game, seed, policies, on_step=observe)
    state = played.state
    trace.fired = frozenset(f.event for f in state.fired)
    trace.score = state.outcome.scores[side] if state.outcome else 0
    return trace


# --- batches of games -------------------------------------------------------------------------------
@dataclass
class Batches:
    """The games a calibration plays, each batch made on first use (same seeds in every batch)."""

    content: Content
    scenario: str
    runs: int
    side: str
    _cache: dict[str, list[Trace]] = field(default_factory=dict)
    progress: Callable[[str, int, int], None] | None = None

    def seeds(self) -> list[int]:
        return [game_seed(0, i) for i in range(self.runs)]

    def get(self, name: str) -> list[Trace]:
        if name not in self._cache:
            self._cache[name] = self._play(name)
        return self._cache[name]

    def _play(self, name: str) -> list[Trace]:
        scenario = "no_export_controls" if name == "no_export_controls" else self.scenario
        game = Game(self.content, scenario)
        traces = []
        for done, seed in enumerate(self.seeds()):
            policies: dict[str, Any] = {}
            for side in game.scenario.sides:
                if side == self.side and name == "refuse_card_chips":
                    policies[side] = HistoryPolicy(seed, refuse_card_chips=True)
                elif side == self.side and name == "skip_h800":
                    policies[side] = HistoryPolicy(seed, never_buy=("h800",))
                else:
                    policies[side] = HistoryPolicy(seed)
            traces.append(play_trace(game, seed, self.side, policies))
            if self.progress is not None:
                self.progress(name, done + 1, self.runs)
        return traces


# --- targets ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Measured:
    """A target's value in the games: ``value`` is what the band applies to."""

    value: float | None
    low: float | None = None    # 10th percentile, when the value is a median
    high: float | None = None   # 90th percentile
    note: str = ""              # why there is no value, or what the value counts


@dataclass(frozen=True)
class Target:
    """A figure the history path must reproduce, with its band and the record behind it."""

    id: str
    what: str
    band: tuple[float | None, float | None]   # inclusive; None: no bound on that side
    unit: str
    real: str
    source: str
    measure: Callable[[Batches], Measured]

    def ok(self, measured: Measured) -> bool:
        if measured.value is None:
            return False
        low, high = self.band
        return (low is None or measured.value >= low) and (high is None or measured.value <= high)


def _median(values: Sequence[float], note: str = "") -> Measured:
    if not values:
        return Measured(None, note=note or "no game reached the turn measured")
    ordered = sorted(values)
    cut = statistics.quantiles(ordered, n=10, method="inclusive") if len(ordered) > 1 else ordered * 9
    return Measured(statistics.median(ordered), cut[0], cut[-1])


def _share(hits: Sequence[bool], note: str) -> Measured:
    if not hits:
        return Measured(None, note="no game reached the turn measured")
    return Measured(100 * sum(hits) / len(hits), note=note)


def _nvda_runup(b: Batches) -> Measured:
    values = []
    for t in b.get("history"):
        before = t.before(SHOCK_MONTH)
        if before and t.start_nvda_cents:
            values.append(before[-1].nvda_cents / t.start_nvda_cents)
    return _median(values)


def _shock_move(t: Trace) -> float | None:
    """Nvidia's move over the turn dated January 2025, percent."""
    turns = t.snapshots
    for i, snap in enumerate(turns):
        if snap.date.startswith(SHOCK_MONTH) and i > 0 and turns[i - 1].nvda_cents:
            return 100 * (snap.nvda_cents - turns[i - 1].nvda_cents) / turns[i - 1].nvda_cents
    return None


def _nvda_shock(b: Batches) -> Measured:
    """Nvidia's move over the turn dated January 2025, when R1 lands: the market's fall at the release
    (as on 27 Jan 2025) with the rest of the month (Stargate, the inauguration, the users that cheap AI
    brings, chance). The median fall at the release itself is in the note."""
    traces = b.get("history")
    moves = [m for m in (_shock_move(t) for t in traces) if m is not None]
    falls = [-sum(bp for date, bp in t.shocks if date.startswith(SHOCK_MONTH)) / 100 for t in traces
             if t.at(SHOCK_MONTH)]
    note = ""
    if moves:
        note = f"median move over the month {statistics.median(moves):+.1f}%"
    if falls:
        note += f"; median fall at the release {statistics.median(falls):+.1f}%"
    return _share([-25 <= m <= -12 for m in moves], note=note)


def _gap_before_2023(b: Batches) -> Measured:
    return _median([min(s.gap for s in t.before("2023-01")) / 100 for t in b.get("history") if t.before("2023-01")])


def _gap_at_shock(b: Batches) -> Measured:
    return _median([s.gap / 100 for t in b.get("history") if (s := t.at(SHOCK_MONTH))])


def _rival_compute(b: Batches) -> Measured:
    """The lab's compute in January 2025 against the leading US rival's then, percent. The rivals'
    compute follows the record (``rival_compute``: the same on every seed), so only the lab's varies."""
    rules = Game(b.content, b.scenario).rules
    ratios, leaders = [], set()
    for t in b.get("history"):
        s = t.at(SHOCK_MONTH)
        if s is None:
            continue
        us = [(rival_compute(rules, r.id, s.date), r.name) for r in rules.rivals
              if r.side == "us" and (r.active_from is None or date_key(r.active_from) <= s.date)]
        leader, name = max(us, default=(0, ""))
        if leader:
            ratios.append(100 * s.compute / leader)
            leaders.add(name)
    if not ratios:
        return Measured(None, note="no US rival with a known compute in January 2025")
    m = _median(ratios)
    return Measured(m.value, m.low, m.high, note="leader: " + ", ".join(sorted(leaders)))


def _bans_vs_none(b: Batches) -> Measured:
    ratios = []
    for with_bans, without in zip(b.get("history"), b.get("no_export_controls"), strict=True):
        s, n = with_bans.at(SHOCK_MONTH), without.at(SHOCK_MONTH)
        if s and n and n.compute:
            ratios.append(100 * s.compute / n.compute)
    return _median(ratios)


def _ascend_share(b: Batches) -> Measured:
    return _median([100 * s.ascend_compute / s.compute for t in b.get("history")
                    if (s := t.at(SHOCK_MONTH)) and s.compute])


def _points_lost(variant: str) -> Callable[[Batches], Measured]:
    def measure(b: Batches) -> Measured:
        return _median([h.score - v.score for h, v in zip(b.get("history"), b.get(variant), strict=True)])
    return measure


def _reported_cost(b: Batches) -> Measured:
    return _median([s.last_run_reported / 1e6 for t in b.get("history")
                    if (s := t.at(SHOCK_MONTH)) and s.last_run_reported])


def _real_vs_reported(b: Batches) -> Measured:
    return _median([s.spent / s.last_run_reported for t in b.get("history")
                    if (s := t.at(SHOCK_MONTH)) and s.last_run_reported])


def _starved(b: Batches) -> Measured:
    return _share(["compute_starved" in t.fired for t in b.get("history")],
                  note="games where the 'Not enough compute' card fired")


def _cash_unspent(b: Batches) -> Measured:
    return _median([100 * max(0, t.snapshots[-1].cash) / t.snapshots[-1].raised
                    for t in b.get("history") if t.snapshots and t.snapshots[-1].raised])


NVDA_SOURCE = "Nvidia closing prices, split-adjusted (Nasdaq historical quotes)"

#: The targets of each scenario, with the record each stands for.
TARGETS: dict[str, tuple[Target, ...]] = {
    "cn_lab": (
        Target("nvidia_runup", "Nvidia share price, first turn to the last turn before Jan 2025", (15, 50),
               "x", "about 32x ($4.1 in Jul 2019 to $134 in Dec 2024)", NVDA_SOURCE, _nvda_runup),
        Target("nvidia_shock", "Games where Nvidia falls 12-25% in the turn R1 lands (Jan 2025)", (90, None),
               "% of games", "-17% on 27 Jan 2025 (-$589B)", "CHRONOLOGY.md: nvidia_crash; A0, A1", _nvda_shock),
        Target("gap_before_2023", "The lab's smallest gap to the frontier before 2023", (8, None), "points",
               "far behind GPT-3 and GPT-4", "CHRONOLOGY.md: gpt3_release, gpt4_release", _gap_before_2023),
        Target("gap_at_shock", "The lab's gap to the frontier in January 2025", (None, 3), "points",
               "R1 close to o1 in maths and code tests", "A0, A1: deepseek_r1", _gap_at_shock),
        Target("compute_vs_leader", "The lab's compute against the leading US lab's, Jan 2025", (None, 20),
               "%", "~10k H800 + 10k H100 against 100k+ H100 at the largest US labs",
               "SemiAnalysis, 31 Jan 2025 (A0: true_cost_doubts)", _rival_compute),
        Target("bans_bite", "The lab's compute with the bans against no_export_controls (same seeds), Jan 2025",
               (None, 50), "%", "the bans cut China's access to Nvidia's best chips",
               "BIS rules of 7 Oct 2022 and 17 Oct 2023", _bans_vs_none),
        Target("ascend_share", "Huawei Ascend share of the lab's compute, Jan 2025", (None, 15), "%",
               "DeepSeek trained on Nvidia chips; Ascend scarce after the 2020 TSMC cut-off",
               "DeepSeek-V3 technical report (2,048 H800); BIS FDPR rule, Aug 2020", _ascend_share),
        Target("clusters_matter", "Points lost by refusing the 2020-21 A100 clusters", (5, None), "points",
               "1,100 A100 (2020) and ~10,000 A100 (2021) before the 2022 ban",
               "CHRONOLOGY.md: highflyer_stockpile", _points_lost("refuse_card_chips")),
        Target("h800_window_matters", "Points lost by skipping the 2023 H800 window", (5, None), "points",
               "V3 trained on 2,048 H800 bought before the Oct 2023 ban",
               "CHRONOLOGY.md: nvidia_h800_for_china, us_ban_h800", _points_lost("skip_h800")),
        Target("reported_cost", "Reported cost of the last run before R1", (5.6 * 0.85, 5.6 * 1.15), "$M",
               "2.788M H800-hours x $2 = $5.576M", "DeepSeek-V3 technical report; A0, A1", _reported_cost),
        Target("real_vs_reported", "Real spending to Jan 2025 against that reported cost", (90, None), "x",
               "hardware spend 'well higher than $500M'", "SemiAnalysis, 31 Jan 2025", _real_vs_reported),
        Target("compute_starved", "Games where the 'Not enough compute' situation arises", (50, None),
               "% of games", "export controls left DeepSeek short of compute (Liang, 2024 interview)",
               "A1: efficiency_under_constraint", _starved),
        Target("cash_unspent", "Cash unspent at the end, against all money raised", (None, 25), "%",
               "labs spend what they raise on compute", "a design target: money stays a dilemma to the end",
               _cash_unspent),
    ),
    "us_lab": (
        Target("nvidia_runup", "Nvidia share price, first turn to the last turn before Jan 2025", (6, 15),
               "x", "about 9x ($14.5 in Jul 2022 to $134 in Dec 2024)", NVDA_SOURCE, _nvda_runup),
        Target("nvidia_shock", "Games where Nvidia falls 12-25% in the turn R1 lands (Jan 2025)", (90, None),
               "% of games", "-17% on 27 Jan 2025 (-$589B)", "CHRONOLOGY.md: nvidia_crash; A0, A1", _nvda_shock),
        Target("cash_unspent", "Cash unspent at the end, against all money raised", (None, 25), "%",
               "labs spend what they raise on compute", "a design target: money stays a dilemma to the end",
               _cash_unspent),
    ),
}


# --- the report -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Row:
    target: Target
    measured: Measured

    @property
    def ok(self) -> bool:
        return self.target.ok(self.measured)

    def as_json(self) -> dict[str, Any]:
        t, m = self.target, self.measured
        return {"id": t.id, "what": t.what, "band": list(t.band), "unit": t.unit, "value": m.value,
                "p10": m.low, "p90": m.high, "note": m.note, "real": t.real, "source": t.source, "ok": self.ok}


@dataclass(frozen=True)
class Report:
    scenario: str
    side: str
    runs: int
    rows: list[Row]

    @property
    def ok(self) -> bool:
        return all(row.ok for row in self.rows)

    def as_json(self) -> dict[str, Any]:
        return {"scenario": self.scenario, "side": self.side, "runs": self.runs, "policy": "history",
                "ok": self.ok, "targets": [row.as_json() for row in self.rows]}


def calibrate(scenario: str, runs: int, content: Content | None = None,
              progress: Callable[[str, int, int], None] | None = None) -> Report:
    """Play the history path of ``scenario`` over ``runs`` seeds and measure every target."""
    content = content or load_content()
    side = content.scenario(scenario).sides[0]
    batches = Batches(content, scenario, runs, side, progress=progress)
    rows = [Row(target, target.measure(batches)) for target in TARGETS[scenario]]
    return Report(scenario, side, runs, rows)
