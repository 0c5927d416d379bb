"""The designer's balance report: computer playtesters with different styles play many seeded games,
and the measures say whether decisions, not luck, decide the outcome.

For each side of a scenario (the other seats, if any, played by the fixed policy ``cautious``):

- **panel**: every heuristic policy (:data:`game.policies.PANEL`) plays ``runs`` games; win rate,
  score mean, standard deviation and distribution, and games per band;
- **η²**: the share of the score variance the choice of policy explains (panel without ``random``);
- **search**: the search player's ``search_runs`` games and its most frequent actions;
- **card audit**: every card with choices that may concern this side is played once per answer on the
  same ``audit_runs`` seeds (the answer forced, the rest played by ``cautious``); each answer's mean
  score over the games where the card came up; an answer more than :data:`DOMINANCE_POINTS` below the
  best is *dominated*, unless the card marks it ``trap`` and its hint says why (a mistake the record describes);
- **targets**: the bars of issue 14, each ok or MISSED.

All games go through :func:`game.sim.runner.run_simulation` (seeded per game, in parallel), so the
report does not depend on the number of processes.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> game = Game(load_content(), "us_lab", {"turn_limit": 3})
    >>> doc = run_playtest(game, PlaytestSpec("us_lab", runs=2, search_runs=1, audit_runs=1,
    ...                                       options={"turn_limit": 3}), jobs=1)
    >>> [t["id"] for t in doc["sides"]["us"]["targets"]][:2]
    ['eta_squared', 'winning_policies']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.content.models import Scenario
from game.content.sources import ModChoice
from game.engine.game import Game
from game.policies import PANEL
from game.sim.runner import Progress, SimSpec, Summary, run_simulation
from game.sim.stats import distribution, eta_squared, min_support, stdev

#: The fixed policy: the other seats' player, the card audit's, and the "sensible" one whose games
#: should land in one band.
FIXED_POLICY = "cautious"
#: An answer this many points below a card's best answer is dominated.
DOMINANCE_POINTS = 5
#: The bars of issue 14.
ETA_SQUARED_MIN = 0.6
WINNERS_MIN = 3
WINNER_RATE = 0.4
WIN_RATE_MAX = 0.85
SEARCH_LEAD_MAX = 10
MODAL_BAND_MIN = 0.7
HISTORY_CN_TOP_TWO = 0.5
#: How many of the search player's action patterns are listed.
TOP_PATTERNS = 10

#: Told what stage starts: (side, stage name, games).
Stage = Callable[[str, str, int], None]


@dataclass(frozen=True)
class PlaytestSpec:
    """What to playtest: ``runs`` games per panel policy, ``search_runs`` for the search player,
    ``audit_runs`` per card answer, seeds from ``seed``; ``options``: facilitator options."""

    scenario: str
    runs: int = 300
    search_runs: int = 30
    audit_runs: int = 60
    seed: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    #: the mods every process loads (default: the shipped content)
    mods: ModChoice = field(default_factory=lambda: ModChoice(installed=False))


def _sim(spec: PlaytestSpec, lineups: list[Any], runs: int) -> SimSpec:
    """The simulation of ``runs`` games per line-up, with the playtest's seed, options and mods."""
    return SimSpec(spec.scenario, lineups, runs, spec.seed, spec.options, mods=spec.mods)


def band_order(game: Game, side: str) -> list[str]:
    """The bands of ``side``, best first, ending with ``bankrupt`` (``won``/``lost``/``bankrupt`` when
    the scenario defines none).

    Example::

        >>> from game.content.loader import load_content
        >>> band_order(Game(load_content(), "cn_lab"), "cn")[-1]
        'bankrupt'
    """
    scenario = game.rules.scenario
    bands = scenario.labs[side].bands or scenario.bands
    return [b.id for b in bands] + ["bankrupt"] if bands else ["won", "lost", "bankrupt"]


def band_of(summary: Summary, side: str) -> str:
    """The band a game's ``side`` landed in (its result when the summary holds no band)."""
    return summary.get("bands", {}).get(side) or summary["results"][side]


def policy_table(games: list[Summary], side: str, order: list[str]) -> dict[str, Any]:
    """Win rate, score figures and games per band of one policy's games."""
    scores = [g["scores"].get(side, 0) for g in games]
    bands = Counter(band_of(g, side) for g in games)
    runs = len(games)
    modal = max(order, key=lambda b: (bands.get(b, 0), -order.index(b)))
    return {
        "runs": runs,
        "win_rate": round(sum(1 for g in games if g["results"].get(side) == "won") / runs, 4) if runs else 0.0,
        "score_mean": round(sum(scores) / runs, 2) if runs else 0.0,
        "score_std": stdev(scores),
        "score": distribution(scores),
        "bands": {b: bands.get(b, 0) for b in order},
        "modal_band": modal,
        "modal_share": round(bands.get(modal, 0) / runs, 4) if runs else 0.0,
        "top_two_rate": round(sum(bands.get(b, 0) for b in order[:2]) / runs, 4) if runs else 0.0,
    }


def lineup(game: Game, side: str, policy: str) -> dict[str, str]:
    """``policy`` at ``side``, the fixed policy at every other seat."""
    return {s: policy if s == side else FIXED_POLICY for s in game.scenario.sides}


def by_lineup(summaries: list[Summary], count: int) -> list[list[Summary]]:
    groups: list[list[Summary]] = [[] for _ in range(count)]
    for s in summaries:
        groups[s["lineup"]].append(s)
    return groups


def audit_cards(game: Game, side: str) -> list[tuple[str, list[str]]]:
    """(event id, its choice ids) of every card with two choices or more that may concern ``side``."""
    return [(e.id, [c.id for c in e.choices]) for e in game.rules.events
            if len(e.choices) > 1 and e.side in (side, "any")]


def stated_traps(game: Game) -> set[str]:
    """``event:choice`` of every answer marked ``trap``: its hint says why it usually loses."""
    return {f"{e.id}:{c.id}" for e in game.rules.events for c in e.choices if c.trap}


def audit_table(cards: list[tuple[str, list[str]]], groups: list[list[Summary]], side: str,
                runs: int, traps: set[str] | frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Each card's answers with their mean score over the games where the card came up (the same games
    for every answer: the seeds are the same and nothing differs before the card). An answer far below
    the best is *dominated*, unless the card states it is a trap (``traps``: ``event:choice``): then it
    is listed under ``traps``, the lesson the card teaches."""
    out, at = [], 0
    support = min(min_support(runs), runs)
    for event, choices in cards:
        games = groups[at:at + len(choices)]
        at += len(choices)
        offered = [i for i, g in enumerate(games[0]) if event in g["fired"]]
        row: dict[str, Any] = {"event": event, "games": len(offered), "options": [], "dominated": [],
                               "traps": []}
        if len(offered) >= support:
            means = {c: round(sum(games[k][i]["scores"].get(side, 0) for i in offered) / len(offered), 2)
                     for k, c in enumerate(choices)}
            best = max(means.values())
            row["options"] = [{"choice": c, "mean": m, "gap": round(best - m, 2)} for c, m in means.items()]
            below = [c for c, m in means.items() if best - m > DOMINANCE_POINTS]
            row["dominated"] = [c for c in below if f"{event}:{c}" not in traps]
            row["traps"] = [c for c in below if f"{event}:{c}" in traps]
        out.append(row)
    return out


def follows_record(scenario: Scenario) -> bool:
    """Whether ``scenario`` plays the chronology as it happened: its dated history fires, and it removes,
    forces or moves none of it (no event removed or forced, no ban in force at the start). The
    ``history`` policy's target applies there only: in a what-if the record is changed on purpose, and
    how the real strategy fares in that other world is the lesson, not a fault of balance.

    Example::

        >>> from game.content.loader import load_content
        >>> content = load_content()
        >>> follows_record(content.scenario("cn_lab")), follows_record(content.scenario("early_bans"))
        (True, False)
    """
    return (scenario.history and not scenario.remove_events and not scenario.force_events
            and not scenario.initial_bans)


def target(target_id: str, value: Any, bar: str, ok: bool) -> dict[str, Any]:
    return {"id": target_id, "value": value, "bar": bar, "ok": bool(ok)}


def side_targets(game: Game, side: str, panel: dict[str, dict[str, Any]], eta2: float,
                 search: dict[str, Any], audit: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every bar of issue 14 for one side, ok or not."""
    heuristics = {p: t for p, t in panel.items() if p != "random"}
    winners = sorted(p for p, t in heuristics.items() if t["win_rate"] >= WINNER_RATE)
    top_policy = max(heuristics, key=lambda p: (heuristics[p]["win_rate"], p))
    best_policy = max(heuristics, key=lambda p: (heuristics[p]["score_mean"], p))
    lead = round(search["score_mean"] - heuristics[best_policy]["score_mean"], 2)
    dominated = [f"{row['event']}:{c}" for row in audit for c in row["dominated"]]
    sensible = panel[FIXED_POLICY]
    out = [
        target("eta_squared", eta2, f">= {ETA_SQUARED_MIN}", eta2 >= ETA_SQUARED_MIN),
        target("winning_policies", winners, f">= {WINNERS_MIN} policies winning >= {WINNER_RATE:.0%}",
               len(winners) >= WINNERS_MIN),
        target("max_win_rate", {top_policy: heuristics[top_policy]["win_rate"]}, f"<= {WIN_RATE_MAX:.0%}",
               heuristics[top_policy]["win_rate"] <= WIN_RATE_MAX),
        target("search_lead", {"over": best_policy, "points": lead}, f"0 < lead <= {SEARCH_LEAD_MAX}",
               0 < lead <= SEARCH_LEAD_MAX),
        target("dominated_options", dominated, "none", not dominated),
        target("modal_band", {FIXED_POLICY: sensible["modal_band"], "share": sensible["modal_share"]},
               f">= {MODAL_BAND_MIN:.0%}", sensible["modal_share"] >= MODAL_BAND_MIN),
    ]
    if side == "cn" and "history" in panel and follows_record(game.rules.scenario):
        rate = panel["history"]["top_two_rate"]
        out.append(target("history_cn_top_two", rate, f">= {HISTORY_CN_TOP_TWO:.0%}", rate >= HISTORY_CN_TOP_TWO))
    return out


def playtest_side(game: Game, spec: PlaytestSpec, side: str, jobs: int, progress: Progress | None = None,
                  stage: Stage | None = None) -> dict[str, Any]:
    """The whole report for one side of the scenario."""
    order = band_order(game, side)
    panel_names = list(PANEL)
    if stage:
        stage(side, "panel", spec.runs * len(panel_names))
    lineups = [lineup(game, side, p) for p in panel_names]
    groups = by_lineup(run_simulation(_sim(spec, lineups, spec.runs),
                                      jobs, progress), len(lineups))
    panel = {p: policy_table(g, side, order) for p, g in zip(panel_names, groups, strict=True)}
    eta2 = eta_squared([[s["scores"].get(side, 0) for s in g]
                        for p, g in zip(panel_names, groups, strict=True) if p != "random"])

    if stage:
        stage(side, "search", spec.search_runs)
    # The fixed policy's line-up first: the runner's warm-up game is played with the first line-up.
    lineups = [lineup(game, side, FIXED_POLICY), lineup(game, side, "search")]
    games = by_lineup(run_simulation(_sim(spec, lineups, spec.search_runs),
                                     jobs, progress), 2)[1]
    search = policy_table(games, side, order)
    patterns: Counter[str] = Counter()
    for g in games:
        patterns.update(g.get("patterns", {}).get(side, {}))
    search["patterns"] = [{"action": k, "count": n, "per_game": round(n / len(games), 2)}
                          for k, n in sorted(patterns.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PATTERNS]]

    cards = audit_cards(game, side)
    audit: list[dict[str, Any]] = []
    if cards:
        lineups = [lineup(game, side, f"force:{event}={choice}") for event, choices in cards for choice in choices]
        if stage:
            stage(side, "audit", spec.audit_runs * len(lineups))
        groups = by_lineup(run_simulation(_sim(spec, lineups, spec.audit_runs),
                                          jobs, progress), len(lineups))
        audit = audit_table(cards, groups, side, spec.audit_runs, stated_traps(game))
    return {"bands": order, "panel": panel, "eta_squared": eta2, "search": search, "audit": audit,
            "targets": side_targets(game, side, panel, eta2, search, audit)}


def run_playtest(game: Game, spec: PlaytestSpec, jobs: int = 1, progress: Progress | None = None,
                 stage: Stage | None = None) -> dict[str, Any]:
    """The playtest document of one scenario: every side's report (see the module text)."""
    from game.results import versions
    from game.sim.seeds import SEED_RULE

    sides = {side: playtest_side(game, spec, side, jobs, progress, stage) for side in game.scenario.sides}
    return {
        "format": "chip-race-playtest", "format_version": 1,
        "scenario": spec.scenario, "options": dict(spec.options), "seed": spec.seed, "seed_rule": SEED_RULE,
        "runs": spec.runs, "search_runs": spec.search_runs, "audit_runs": spec.audit_runs,
        "fixed_policy": FIXED_POLICY, "sides": sides,
        "ok": all(t["ok"] for s in sides.values() for t in s["targets"]),
        "versions": versions(game),
    }
