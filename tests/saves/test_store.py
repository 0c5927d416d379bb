"""Saving and loading: round trips, slots, listing, crash reports, the content-hash policy."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.engine.canonical import state_hash
from game.match import play_game
from game.saves import (
    SaveError,
    autosave_path,
    list_saves,
    load_save,
    save_game,
    saves_dir,
    write_crash_report,
)
from game.saves.atomic import is_temporary
from tests.saves.helpers import read_doc, sample, write_doc


@pytest.mark.parametrize("scenario", sorted(load_content().scenarios))
def test_round_trip_mid_game_continues_identically(tmp_path: Path, scenario: str) -> None:
    game, state, log = sample(scenario, seed=5, policy="aggressive", turns=4)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log, meta={"name": "Group B", "nickname": "Léa"})
    loaded = load_save(path)
    assert loaded.state == state and state_hash(loaded.state) == state_hash(state)
    assert loaded.actions == log
    assert loaded.meta == {"name": "Group B", "nickname": "Léa"}
    assert loaded.game.scenario.id == scenario and loaded.content_matches
    assert loaded.document.replay_verified and loaded.warnings == []
    assert len(loaded.document.turn_hashes) == state.turn + 1
    # Both copies play on the same way to the end.
    policies = dict.fromkeys(game.scenario.sides, "cautious")
    a = play_game(game, 5, policies, state=state)
    b = play_game(loaded.game, 5, policies, state=loaded.state)
    assert a.log == b.log and state_hash(a.state) == state_hash(b.state)


def test_write_leaves_no_temporary_file_and_keeps_the_mode(tmp_path: Path) -> None:
    game, state, log = sample(turns=1)
    path = tmp_path / "deep" / "folder" / "slot.json"
    save_game(path, game, state, log)
    save_game(path, game, state, log)
    assert [p.name for p in path.parent.iterdir()] == ["slot.json"]
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o644


def test_write_error_is_a_save_error(tmp_path: Path) -> None:
    game, state, log = sample(turns=1)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SaveError) as info:
        save_game(blocker / "slot.json", game, state, log)
    assert info.value.key == "save.error.write" and "slot.json" in str(info.value)


def test_saves_live_in_the_user_data_folder(tmp_path: Path) -> None:
    assert saves_dir() == tmp_path / "userdata" / "saves" and saves_dir().is_dir()
    assert autosave_path() == saves_dir() / "autosave.json"


def test_list_saves_newest_first_and_damaged_listed(tmp_path: Path) -> None:
    game, state, log = sample(turns=2)
    folder = saves_dir()
    save_game(folder / "monday.json", game, state, log, meta={"name": "Monday"})
    save_game(autosave_path(), game, state, log)
    (folder / "broken.json").write_text('{"format": "chip-race-save", "format_ver')
    (folder / ".autosave.json.abc123.tmp").write_text("half a save")  # a killed write's leftover
    (folder / "notes.txt").write_text("not a save")
    for age, name in enumerate(["broken.json", "autosave.json", "monday.json"]):
        os.utime(folder / name, ns=(10**18 - age * 10**9, 10**18 - age * 10**9))
    infos = list_saves()
    assert [i.path.name for i in infos] == ["broken.json", "autosave.json", "monday.json"]
    broken, auto, monday = infos
    assert not broken.ok and broken.error.key == "save.error.not_json" and "broken.json" in str(broken.error)
    assert auto.ok and auto.autosave and auto.name == "autosave"
    assert monday.ok and monday.name == "Monday" and monday.turn == state.turn and monday.date == state.date
    assert monday.scenario == "cn_lab" and monday.seats == ["cn"] and not monday.crash
    assert all(not is_temporary(i.path) for i in infos)


def test_crash_report_replays_to_the_crash(tmp_path: Path) -> None:
    game, state, log = sample(turns=2)
    try:
        raise RuntimeError("the chart widget fell over")
    except RuntimeError as exc:
        path = write_crash_report(game, state, log, exc, action=EndTurn(), where="ui.play")
    assert path.parent.name == "crashes" and path.name.startswith("crash-cn_lab-7-t3")
    loaded = load_save(path)  # a crash report opens like a save: the class goes on from there
    assert loaded.state == state and loaded.actions == log
    crash = loaded.crash
    assert crash.error == "RuntimeError" and crash.action == {"type": "end_turn"} and crash.where == "ui.play"
    assert any("the chart widget fell over" in line for line in crash.traceback)
    again = write_crash_report(game, state, log, ValueError("x"))
    assert again != path and again.exists()


def test_other_content_warns_or_refuses(tmp_path: Path) -> None:
    game, state, log = sample(turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    updated = dataclasses.replace(load_content(), digest="0123456789abcdef")
    loaded = load_save(path, content=updated)
    assert not loaded.content_matches and loaded.state == state
    assert [w.key for w in loaded.warnings] == ["save.warn.content"]
    assert "0123456789abcdef" in loaded.warnings[0].message("fr")
    with pytest.raises(SaveError) as info:
        load_save(path, content=updated, strict=True)
    assert info.value.key == "save.error.content"


def test_content_without_the_scenario_or_the_chips_refuses(tmp_path: Path) -> None:
    game, state, log = sample(turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    content = load_content()
    without = dataclasses.replace(content, digest="f" * 16,
                                  scenarios={k: v for k, v in content.scenarios.items() if k != "cn_lab"})
    with pytest.raises(SaveError) as info:
        load_save(path, content=without)
    assert info.value.key == "save.error.scenario" and "cn_lab" in str(info.value)
    # A mod that renamed the chips the lab owns: the rules cannot go on with this state.
    doc = read_doc(path)
    doc["state"]["labs"]["cn"]["chips"] = {"no_such_chip": 10}
    doc["state"]["labs"]["cn"]["cloud_hours"] = {"no_such_chip": 10}
    doc["content_digest"] = "e" * 16
    doc["state_hash"] = state_hash(type(state).model_validate(doc["state"]))
    write_doc(path, doc)
    with pytest.raises(SaveError) as info:
        load_save(path)
    assert info.value.key == "save.error.misfit" and "unknown chip 'no_such_chip'" in str(info.value)


def test_incomplete_log_is_a_warning(tmp_path: Path) -> None:
    game, state, log = sample(turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log[:-2])
    loaded = load_save(path)
    assert loaded.state == state
    assert [w.key for w in loaded.warnings] == ["save.warn.log"]
    assert not loaded.document.replay_verified
