"""``python main.py events``: the deck listed for a teacher, as text or JSON."""

from __future__ import annotations

import json

import pytest

from game.cli import main


def test_lists_every_deck_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "events (all decks)" in lines[0]
    row = next(line for line in lines if " deepseek_r1 " in line)
    assert row.startswith("2025-01-20") and "DeepSeek-R1" in row
    assert "Báo Quốc Tế, 8 February 2025" in row and "31 January 2025" in row  # outlet and date, not "A0"
    chips = next(line for line in lines if " chips_act " in line)
    assert "context" in chips


def test_french_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--lang", "fr", "--scenario", "cn_lab"]) == 0
    out = capsys.readouterr().out
    assert "scénario cn_lab" in out
    assert "Nvidia perd 589 milliards de dollars en un jour" in out
    assert "contexte (hors articles)" in out


def test_json_has_the_teachers_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--json", "--lang", "fr"]) == 0
    doc = json.loads(capsys.readouterr().out)
    rows = {row["id"]: row for row in doc["events"]}
    assert len(rows) >= 60
    crash = rows["nvidia_crash"]
    # The crash is the market's answer to a cheap near-frontier release, whenever it comes: no date
    assert crash["date"] is None and crash["kind"] == "article" and not crash["context"]
    assert "27" in crash["source"]["record"]  # ... the record's day is in its source
    assert crash["source"]["articles"] == ["A0", "A1"] and "589" in crash["source"]["record"]
    assert rows["stargate"]["context"] and rows["stargate"]["source"]["context"]
    assert crash["title"].startswith("Nvidia perd")
    dates = [row["date"] for row in doc["events"] if row["date"]]
    assert dates == sorted(dates, key=lambda d: d if len(d) == 10 else d + "-01")


def test_scenario_filter_drops_removed_events(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--json", "--scenario", "no_export_controls"]) == 0
    ids = {row["id"] for row in json.loads(capsys.readouterr().out)["events"]}
    assert "us_ban_a100_h100" not in ids and "whatif_open_market" in ids


def test_unknown_scenario_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--scenario", "nowhere"]) == 2
    err = capsys.readouterr().err
    assert "unknown scenario 'nowhere'" in err and len(err.strip().splitlines()) == 1
