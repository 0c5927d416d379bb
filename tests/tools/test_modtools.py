"""Mods in every command: a mod written outside the game folder plays in run, shows in events, is
balanced with simulate, is tested card by card with fire, and its result file names it; mods, ids."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.paths import MODS

SCENARIO = "example_no_bans"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """The example mod, copied to a folder outside the game (as a modder's own would be)."""
    return Path(shutil.copytree(MODS / "example", tmp_path / "elsewhere" / "example"))


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_mod_from_anywhere_plays_in_run_and_its_result_names_it(outside, capsys):
    code, out, _err = call(capsys, "run", "--scenario", SCENARIO, "--seed", "3", "--turns", "3", "--json",
                           "--mod", str(outside))
    result = json.loads(out)
    assert code == 0 and result["scenario"] == SCENARIO
    (mod,) = result["mods"]
    assert mod["id"] == "example" and mod["version"] == "1.0" and len(mod["digest"]) == 16
    # without the mod (the test suite runs as with --no-mods) the scenario is unknown: one line, exit 2
    code, _out, err = call(capsys, "run", "--scenario", SCENARIO, "--seed", "3")
    assert code == 2 and f"there is no scenario '{SCENARIO}'" in err and "Traceback" not in err


def test_installed_mods_load_by_default_and_no_mods_leaves_them_out(monkeypatch, capsys):
    monkeypatch.delenv("CHIP_RACE_NO_MODS")
    code, out, _err = call(capsys, "events", "--scenario", SCENARIO)
    assert code == 0 and "example_open_market_boom" in out and "(modded)" in out
    code, _out, err = call(capsys, "events", "--scenario", SCENARIO, "--no-mods")
    assert code == 2 and SCENARIO in err
    # shipped scenarios keep their games: the example mod's changes are scoped to its own scenario
    code, out, _err = call(capsys, "events", "--scenario", "cn_lab")
    assert "chips_act" in out and "(modded)" not in out


def test_the_user_mods_folder_is_read_too(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CHIP_RACE_NO_MODS")
    monkeypatch.setenv("CHIP_RACE_MODS_DIR", str(tmp_path / "mine"))
    shutil.copytree(MODS / "example", tmp_path / "mine" / "example")
    code, out, _err = call(capsys, "mods")
    assert code == 0 and str(tmp_path / "mine") in out
    assert "example 1.0 — loaded, position 1 — " in out and "mine" in out.split("Installed mods:")[1]
    assert out.strip().endswith("load order: example")


def test_events_and_simulate_with_a_mod(outside, capsys):
    code, out, _err = call(capsys, "events", "--scenario", SCENARIO, "--json", "--mod", str(outside))
    ids = [row["id"] for row in json.loads(out)["events"]]
    assert code == 0 and "example_open_market_boom" in ids and "chips_act" not in ids
    code, out, _err = call(capsys, "simulate", "--scenario", SCENARIO, "--runs", "2", "--jobs", "1",
                           "--policy", "cautious", "--json", "--mod", str(outside))
    doc = json.loads(out)
    assert code == 0 and doc["scenario"] == SCENARIO and doc["mods"][0]["id"] == "example"


def test_fire_prints_effects_before_after_and_follow_ups(outside, capsys):
    code, out, _err = call(capsys, "fire", "example_open_market_boom", "--scenario", SCENARIO, "--date", "2022-10",
                           "--choice", "2", "--mod", str(outside))
    assert code == 0
    assert "Event example_open_market_boom: Nvidia's China sales boom" in out
    assert "world.stocks.nvda: " in out and " → " in out
    assert "choice 2: Wait in line   ← taken" in out and "labs.cn.reputation: " in out
    assert "example_efficiency_still_pays scheduled for turn" in out and "fires then" in out
    code, out, _err = call(capsys, "fire", "example_open_market_boom", "--scenario", SCENARIO, "--date", "2022-10",
                           "--choice", "1", "--mod", str(outside), "--lang", "fr")
    assert code == 0 and "labs.cn.chips.h100\xa0: — → 1\u202f000" in out and "(aucune)" in out


@pytest.mark.parametrize(("args", "message"), [
    (("nvidia_crsh", "--scenario", "cn_lab", "--date", "2023-01"), "Did you mean nvidia_crash?"),
    (("chips_act", "--scenario", "cn_lab", "--date", "2031-01"), "outside the calendar of 'cn_lab'"),
    (("chips_act", "--scenario", "cn_lab", "--date", "2022-1"), "is not a month like 2023-08"),
    (("chips_act", "--scenario", "cn_lab", "--date", "2022-08", "--choice", "7"), "--choice takes 1 to"),
])
def test_fire_mistakes_are_one_line(capsys, args, message):
    code, _out, err = call(capsys, "fire", *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_a_mod_path_that_is_no_mod_is_one_line(tmp_path, capsys):
    code, _out, err = call(capsys, "run", "--scenario", "cn_lab", "--seed", "1", "--mod", str(tmp_path))
    assert code == 2 and "is not a mod: a mod is a folder with a mod.yaml" in err


def test_ids_lists_shipped_and_mod_ids(outside, capsys):
    code, out, _err = call(capsys, "ids", "chips", "decks", "--mod", str(outside))
    assert code == 0 and re.search(r"^  v100 +Nvidia V100 \(Nvidia\)$", out, re.M) and "example_whatif" in out
    code, _out, err = call(capsys, "ids", "chip")
    assert code == 2 and "Did you mean chips?" in err


def test_replay_and_report_name_missing_mods(outside, tmp_path, capsys):
    save = tmp_path / "modded.json"
    code, _out, _err = call(capsys, "run", "--scenario", SCENARIO, "--seed", "2", "--turns", "2",
                            "--autosave", str(save), "--mod", str(outside))
    assert code == 0 and json.loads(save.read_text(encoding="utf-8"))["meta"]["mods"][0]["id"] == "example"
    code, _out, err = call(capsys, "replay", str(save))
    assert code == 2 and "made with mods that are not loaded now: example 1.0; add them with --mod PATH" in err
    code, out, _err = call(capsys, "replay", str(save), "--mod", str(outside))
    assert code == 0 and "reproduces" in out
    result = tmp_path / "result.json"
    call(capsys, "run", "--scenario", SCENARIO, "--seed", "2", "--turns", "2", "--json", "--out", str(result),
         "--mod", str(outside))
    code, _out, err = call(capsys, "report", str(result), "--out", str(tmp_path / "r.html"), "--mod", str(outside))
    assert code == 0 and "not loaded" not in err
    code, _out, err = call(capsys, "report", str(result), "--out", str(tmp_path / "r.html"), "--lang", "fr")
    assert "fait avec des mods qui ne sont pas chargés\xa0: example 1.0" in err


def test_every_content_command_takes_the_mod_options():
    from game.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("run", "events", "simulate", "demo", "calibrate", "report", "replay", "fire", "ids", "mods",
                 *(["playtest"] if "playtest" in sub.choices else [])):
        options = {o for a in sub.choices[name]._actions for o in a.option_strings}
        assert {"--mod", "--no-mods"} <= options, name


def test_schemas_offer_the_shipped_ids_and_keep_mod_ids_valid():
    schema = json.loads((MODS.parent / "schemas" / "deck.schema.json").read_text(encoding="utf-8"))
    chip = schema["definitions"]["Owns"]["properties"]["chip"]
    enum, pattern = chip["anyOf"]
    assert {"v100", "h100", "ascend"} <= set(enum["enum"]) and pattern["pattern"] == "^[a-z][a-z0-9_]*$"
    follow = schema["definitions"]["FollowUp"]["properties"]["event"]["anyOf"][0]["enum"]
    assert "deepseek_r1" in follow
    date = schema["definitions"]["Event"]["properties"]["date"]["anyOf"][0]
    assert date["pattern"].startswith("^\\d{4}-(0[1-9]|1[0-2])")
