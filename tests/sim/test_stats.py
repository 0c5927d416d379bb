"""The simulation tables on made-up game summaries whose answers are known."""

from __future__ import annotations

from game.sim.stats import distribution, event_tables, histogram, lineup_tables, min_support, percentile, tables


def game(index: int, won: bool, fired: list[str], score: int = 50, lineup: int = 0) -> dict:
    return {"lineup": lineup, "index": index, "seed": index, "turns": 10 + index % 3, "reason": "calendar",
            "results": {"cn": "won" if won else "lost"}, "scores": {"cn": score}, "fired": sorted(fired)}


def test_percentiles_are_nearest_rank() -> None:
    values = list(range(1, 101))
    assert [percentile(values, p) for p in (10, 50, 90, 100)] == [10, 50, 90, 100]
    assert percentile([4], 10) == 4
    d = distribution([3, 1, 2])
    assert (d["min"], d["median"], d["max"], d["mean"]) == (1, 2, 3, 2.0)
    assert distribution([]) == {}


def test_histogram_bands() -> None:
    assert histogram([0, 9, 10, 95, 100]) == [2, 1, 0, 0, 0, 0, 0, 0, 0, 2]
    assert sum(histogram(list(range(101)))) == 101


def test_events_fired_most_never_and_associations() -> None:
    # 'lucky' fires in the 10 won games only; 'unlucky' in the 10 lost games; 'always' everywhere.
    games = [game(i, True, ["always", "lucky"]) for i in range(10)]
    games += [game(10 + i, False, ["always", "unlucky"]) for i in range(10)]
    out = event_tables(games, ["always", "lucky", "unlucky", "ghost"], "cn")
    assert out["most_fired"][0] == {"id": "always", "games": 20, "share": 1.0}
    assert out["never_fired"] == ["ghost"]
    assert [e["id"] for e in out["winning"]] == ["lucky"] and out["winning"][0]["difference_pts"] == 100.0
    assert [e["id"] for e in out["losing"]] == ["unlucky"] and out["losing"][0]["difference_pts"] == -100.0
    assert "always" not in {e["id"] for e in out["winning"] + out["losing"]}, "no games without it to compare"


def test_rare_events_are_not_ranked() -> None:
    games = [game(i, i == 0, ["rare"] if i == 0 else []) for i in range(20)]
    out = event_tables(games, ["rare"], "cn")
    assert min_support(20) == 3
    assert out["winning"] == [] and out["losing"] == []


def test_lineup_tables_count_outcomes_and_keep_lineup_order() -> None:
    games = [game(i, i % 4 == 0, [], score=10 * i, lineup=i % 2) for i in range(8)]
    out = tables(games, [{"cn": "cautious"}, {"cn": "efficient"}], [])
    assert [t["name"] for t in out] == ["cautious", "efficient"]
    assert out[0]["runs"] == out[1]["runs"] == 4
    first = out[0]["sides"]["cn"]
    assert first["outcomes"] == {"won": 2, "lost": 2, "bankrupt": 0} and first["win_rate"] == 0.5
    assert first["score"]["max"] == 60
    two = lineup_tables(games[:2], {"us": "cautious", "cn": "random"}, [])
    assert two["name"] == "us=cautious,cn=random"
