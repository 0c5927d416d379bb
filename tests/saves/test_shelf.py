"""Autosaves per game: one file per game, the newest few kept, named saves never pruned, and the save
"Continue" opens."""

from __future__ import annotations

import os
from pathlib import Path

from game.saves import is_autosave, list_saves, save_game, saves_dir, slot_path
from game.saves.shelf import KEEP_AUTOSAVES, autosave_file, new_game_id, prune_autosaves, resumable
from tests.saves.helpers import sample


def _age(path: Path, seconds_ago: int) -> None:
    stamp = 10**18 - seconds_ago * 10**9
    os.utime(path, ns=(stamp, stamp))


def test_each_game_has_its_own_autosave_and_a_named_slot_is_never_one() -> None:
    first, second = new_game_id("cn_lab", 7, "2026-03-02T09:15:04"), new_game_id("cn_lab", 7, "2026-03-02T10:20:00")
    assert autosave_file(first) != autosave_file(second)
    assert is_autosave(autosave_file(first)) and is_autosave(saves_dir() / "autosave.json")
    for name in ("autosave", "autosave.cn_lab-7", "Autosave 2", "autosave-x"):
        assert not is_autosave(slot_path(name)), name


def test_only_the_newest_autosaves_are_kept_and_named_saves_stay() -> None:
    game, state, log = sample(turns=1)
    folder = saves_dir()
    autos = [autosave_file(f"game-{i}") for i in range(KEEP_AUTOSAVES + 3)]
    for age, path in enumerate(autos):
        save_game(path, game, state, log)
        _age(path, age)
    named = slot_path("Period 3")
    save_game(named, game, state, log, meta={"name": "Period 3"})
    _age(named, 1000)  # older than every autosave: still kept
    oldest_playing = autos[-1]
    gone = prune_autosaves(spare=oldest_playing)
    assert sorted(gone) == sorted(autos[KEEP_AUTOSAVES:-1])
    left = {p.name for p in folder.glob("*.json")}
    assert left == {p.name for p in autos[:KEEP_AUTOSAVES]} | {named.name, oldest_playing.name}
    assert all(info.autosave == (info.path != named) for info in list_saves())


def test_continue_opens_the_newest_unfinished_game_named_or_auto() -> None:
    game, state, log = sample(turns=2)
    auto, named = autosave_file("a"), slot_path("mine")
    save_game(auto, game, state, log)
    save_game(named, game, state, log, meta={"name": "mine"})
    _age(auto, 50)
    _age(named, 10)
    assert resumable().path == named  # a newer manual save wins over an older autosave
    _age(auto, 5)
    assert resumable().path == auto
    (saves_dir() / "broken.json").write_text("{")
    assert resumable().path == auto  # a damaged newer file is skipped
