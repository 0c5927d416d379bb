"""Calibration: every target measured from real games, the bands applied, the record named."""

from __future__ import annotations

import json

import pytest

from game.cli import main as cli_main
from game.sim.calibration import (
    TARGETS,
    Batches,
    Measured,
    Snapshot,
    Target,
    Trace,
    _nvda_runup,
    _nvda_shock,
    calibrate,
)


def snap(date: str, nvda: int, **fields: int) -> Snapshot:
    base = {"gap": 0, "compute": 0, "ascend_compute": 0, "last_run_reported": 0, "spent": 0, "cash": 0,
            "raised": 0}
    return Snapshot(date=date, nvda_cents=nvda, **{**base, **fields})


class FakeBatches(Batches):
    """Batches whose games are given, not played."""

    def __init__(self, traces: list[Trace]):
        super().__init__(content=None, scenario="cn_lab", runs=len(traces), side="cn")  # type: ignore[arg-type]
        self._cache["history"] = traces


def test_band_edges_and_missing_value() -> None:
    target = Target("t", "a figure", (15, 50), "x", "real", "source", lambda b: Measured(None))
    assert target.ok(Measured(15)) and target.ok(Measured(50))
    assert not target.ok(Measured(14.9)) and not target.ok(Measured(50.1))
    assert not target.ok(Measured(None, note="not simulated"))  # an unmeasured target is never ok


def test_runup_and_shock_read_the_turns_around_january_2025() -> None:
    trace = Trace(seed=1, start_nvda_cents=100,
                  snapshots=[snap("2024-10-01", 2000), snap("2024-12-01", 3200), snap("2025-01-01", 2700),
                             snap("2025-02-01", 2800)])
    trace.shocks = [("2024-12-01", 300), ("2025-01-01", 1700)]  # the market's falls at cheap releases
    batches = FakeBatches([trace, trace])
    assert _nvda_runup(batches).value == 32.0           # the last turn before January 2025
    shock = _nvda_shock(batches)
    # January's move (3200 -> 2700) is -15.6%, within -12..-25; the fall at the release is noted.
    assert shock.value == 100.0 and "-15.6%" in shock.note and "-17.0%" in shock.note
    calm = Trace(seed=2, start_nvda_cents=100, snapshots=[snap("2024-12-01", 3200), snap("2025-01-01", 3100)])
    assert _nvda_shock(FakeBatches([calm])).value == 0.0


def test_every_target_has_its_record_and_source() -> None:
    for scenario, targets in TARGETS.items():
        assert len({t.id for t in targets}) == len(targets), scenario
        for t in targets:
            assert t.real and t.source and t.band != (None, None), t.id


@pytest.mark.parametrize("scenario", sorted(TARGETS))
def test_small_calibration_measures_every_target(scenario: str) -> None:
    report = calibrate(scenario, runs=3)
    assert [row.target.id for row in report.rows] == [t.id for t in TARGETS[scenario]]
    for row in report.rows:
        doc = row.as_json()
        assert doc["ok"] == row.target.ok(row.measured)
        # A value, or a note that says why there is none.
        assert doc["value"] is not None or doc["note"], doc["id"]
    assert report.ok == all(row.ok for row in report.rows)


def test_command_exit_code_follows_the_rows(tmp_path, capsys) -> None:
    out = tmp_path / "calibration.json"
    code = cli_main(["calibrate", "--scenario", "us_lab", "--runs", "2", "--json", "--out", str(out)])
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert code == (0 if doc["ok"] else 1)
    assert doc["reports"][0]["scenario"] == "us_lab" and doc["reports"][0]["policy"] == "history"


def test_command_refuses_bad_arguments(capsys) -> None:
    assert cli_main(["calibrate", "--runs", "zero"]) == 2
    assert "--runs" in capsys.readouterr().err
    assert cli_main(["calibrate", "--scenario", "nowhere", "--runs", "2"]) == 2


def test_compute_against_the_leading_us_rival_in_january_2025() -> None:
    from game.content.loader import load_content
    from game.sim.calibration import _rival_compute

    # 35,000 H100-equivalents against Meta's 350,000 (world.yaml: Zuckerberg's end-2024 figure): 10%
    trace = Trace(seed=1, start_nvda_cents=100,
                  snapshots=[snap("2024-12-01", 1, compute=1), snap("2025-01-01", 1, compute=35_000 * 730)])
    batches = FakeBatches([trace])
    batches.content = load_content()
    measured = _rival_compute(batches)
    assert measured.value == pytest.approx(10.0) and "Meta AI" in measured.note
    # a game that never reaches January 2025 has nothing to measure
    batches._cache["history"] = [Trace(seed=1, start_nvda_cents=100, snapshots=[snap("2024-12-01", 1)])]
    assert _rival_compute(batches).value is None
