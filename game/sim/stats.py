"""The tables of a simulation: outcomes, scores, turns, and which events fire and go with winning.

Everything here is computed from the game summaries in game order, with integer counts and rounded
ratios, so the same games always give the same document.

Association with winning: for an event, the win rate (of the line-up's first seat) in games where it
fired minus the win rate in games where it did not, in percentage points. An event is only ranked when
both groups hold at least ``min_support`` games (3, or 2% of the games if more). It is an association
(the games that meet an event differ in other ways too), not a cause.

Example::

    >>> distribution([10, 20, 30, 40])["median"]
    20
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from game.sim.runner import Summary

#: How many events the "fired most" and association tables list.
TOP = 8
OUTCOMES = ("won", "lost", "bankrupt")


def percentile(sorted_values: list[int], pct: int) -> int:
    """Nearest-rank percentile of already sorted values (an actual value, never an interpolation)."""
    rank = max(1, -(-pct * len(sorted_values) // 100))  # ceil(pct * n / 100), at least 1
    return sorted_values[rank - 1]


def distribution(values: list[int]) -> dict[str, Any]:
    """Mean, minimum, p10, p25, median, p75, p90 and maximum of whole numbers."""
    ordered = sorted(values)
    if not ordered:
        return {}
    return {"mean": round(sum(ordered) / len(ordered), 2), "min": ordered[0],
            **{name: percentile(ordered, pct) for name, pct in
               (("p10", 10), ("p25", 25), ("median", 50), ("p75", 75), ("p90", 90))},
            "max": ordered[-1]}


def stdev(values: list[int]) -> float:
    """The population standard deviation, rounded to 2 decimals (0 for fewer than two values).

    Example::

        >>> stdev([2, 4, 4, 4, 5, 5, 7, 9])
        2.0
    """
    if len(values) < 2:
        return 0.0
    mean = sum(values) / len(values)
    return round((sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5, 2)


def eta_squared(groups: list[list[int]]) -> float:
    """The share of the variance of all values that the grouping explains: between-group sum of
    squares over total sum of squares (0 when every value is equal), rounded to 4 decimals.

    Example::

        >>> eta_squared([[1, 1, 1], [5, 5, 5]]), eta_squared([[1, 5], [1, 5]])
        (1.0, 0.0)
    """
    values = [v for group in groups for v in group]
    if not values:
        return 0.0
    mean = sum(values) / len(values)
    total = sum((v - mean) ** 2 for v in values)
    if total == 0:
        return 0.0
    between = sum(len(g) * (sum(g) / len(g) - mean) ** 2 for g in groups if g)
    return round(between / total, 4)


def histogram(scores: list[int]) -> list[int]:
    """Games per score band: 0–9, 10–19, … 80–89, 90–100 (ten bands)."""
    bands = [0] * 10
    for score in scores:
        bands[min(9, max(0, score) // 10)] += 1
    return bands


def min_support(runs: int) -> int:
    return max(3, runs // 50)


def event_tables(games: list[Summary], event_ids: list[str], main_side: str) -> dict[str, Any]:
    """Fired most, never fired, and the events most associated with winning and with losing."""
    runs = len(games)
    fired_in = Counter(event for g in games for event in g["fired"])
    wins_with = Counter(event for g in games if g["results"].get(main_side) == "won" for event in g["fired"])
    wins = sum(1 for g in games if g["results"].get(main_side) == "won")
    most = sorted((e for e in fired_in), key=lambda e: (-fired_in[e], e))[:TOP]
    support = min_support(runs)
    links = []
    for event in sorted(fired_in):
        with_it, without = fired_in[event], runs - fired_in[event]
        if with_it < support or without < support:
            continue
        rate_with = wins_with[event] / with_it
        rate_without = (wins - wins_with[event]) / without
        links.append({"id": event, "games": with_it, "win_rate_fired": round(rate_with, 4),
                      "win_rate_not_fired": round(rate_without, 4),
                      "difference_pts": round(100 * (rate_with - rate_without), 1)})
    return {
        "most_fired": [{"id": e, "games": fired_in[e], "share": round(fired_in[e] / runs, 4)} for e in most],
        "never_fired": sorted(e for e in event_ids if e not in fired_in),
        "min_support": support,
        "winning": sorted((x for x in links if x["difference_pts"] > 0),
                          key=lambda x: (-x["difference_pts"], x["id"]))[:TOP],
        "losing": sorted((x for x in links if x["difference_pts"] < 0),
                         key=lambda x: (x["difference_pts"], x["id"]))[:TOP],
    }


def lineup_tables(games: list[Summary], lineup: dict[str, str], event_ids: list[str]) -> dict[str, Any]:
    """Every table for the games of one line-up."""
    runs = len(games)
    sides = {}
    for side in lineup:
        counts = Counter(g["results"].get(side) for g in games)
        scores = [g["scores"].get(side, 0) for g in games]
        sides[side] = {
            "policy": lineup[side],
            "outcomes": {o: counts.get(o, 0) for o in OUTCOMES},
            "win_rate": round(counts.get("won", 0) / runs, 4) if runs else 0.0,
            "score": distribution(scores),
            "score_std": stdev(scores),
            "score_histogram": histogram(scores),
        }
    reasons = Counter(g["reason"] for g in games)
    main_side = next(iter(lineup))
    return {
        "name": lineup_name(lineup), "seats": dict(lineup), "runs": runs, "sides": sides,
        "turns": distribution([g["turns"] for g in games]),
        "reasons": {r: reasons[r] for r in sorted(reasons)},
        "events": event_tables(games, event_ids, main_side),
    }


def lineup_name(lineup: dict[str, str]) -> str:
    """``cautious`` when every seat plays the same policy, else ``us=cautious,cn=aggressive``."""
    names = set(lineup.values())
    return next(iter(names)) if len(names) == 1 else ",".join(f"{s}={p}" for s, p in lineup.items())


def tables(summaries: list[Summary], lineups: list[dict[str, str]], event_ids: list[str]) -> list[dict[str, Any]]:
    """The tables of every line-up, in the order the line-ups were given."""
    by_lineup: list[list[Summary]] = [[] for _ in lineups]
    for summary in summaries:
        by_lineup[summary["lineup"]].append(summary)
    return [lineup_tables(games, lineup, event_ids) for games, lineup in zip(by_lineup, lineups, strict=True)]
