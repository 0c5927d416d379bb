"""Every save format this game ever wrote still loads: one fixture per format version."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.saves import FORMAT_VERSION, SaveError, load_save
from game.saves.migrate import MIGRATIONS, migrate
from tests.saves.helpers import FIXTURES, read_doc

VERSIONS = range(FORMAT_VERSION + 1)


def fixture(version: int) -> Path:
    return FIXTURES / f"v{version}_cn_lab.json"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_fixture_for_every_format_and_a_step_for_every_old_one(version: int) -> None:
    assert fixture(version).exists(), "keep a sample save of every format (python -m tests.saves.make_fixtures)"
    assert version == FORMAT_VERSION or version in MIGRATIONS


@pytest.mark.parametrize("version", VERSIONS)
def test_fixture_loads(version: int) -> None:
    loaded = load_save(fixture(version))
    assert loaded.migrated_from == (None if version == FORMAT_VERSION else version)
    assert loaded.document.format_version == FORMAT_VERSION
    assert loaded.game.scenario.id == "cn_lab" and loaded.state.scenario == "cn_lab"
    assert loaded.meta["name"] == "Period 3 — fixture"
    assert len(loaded.actions) == loaded.state.actions_taken > 0
    # The content may have moved on since the fixture was written: that is a warning, not a refusal.
    assert {w.key for w in loaded.warnings} <= {"save.warn.content", "save.warn.game_version",
                                                "save.warn.numpy"}
    assert loaded.game.legal_actions(loaded.state)


def test_old_and_new_fixtures_hold_the_same_game() -> None:
    old, new = load_save(fixture(0)), load_save(fixture(FORMAT_VERSION))
    assert old.state == new.state and old.actions == new.actions
    assert old.document.options == new.document.options and old.document.seats == new.document.seats
    assert old.document.turn_hashes == []  # format 0 had none: replay compares state.series instead


def test_format_0_without_its_log_is_a_clear_error(tmp_path: Path) -> None:
    doc = read_doc(fixture(0))
    del doc["log"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(SaveError) as info:
        load_save(path)
    assert info.value.key == "save.error.migrate" and "log" in str(info.value) and "old.json" in str(info.value)


def test_migration_is_pure(tmp_path: Path) -> None:
    doc = read_doc(fixture(0))
    before = repr(doc)
    migrated = migrate(doc)
    assert repr(doc) == before and migrated["format_version"] == FORMAT_VERSION
    shutil.copy(fixture(0), tmp_path / "copy.json")
    assert load_save(tmp_path / "copy.json").state == load_save(fixture(0)).state
