"""Where mods come from and what they may change: the mods folders, --mod paths, a mod's id is its
folder's name, scope: own_scenarios, the warning for a mod that changes the shipped scenarios, and
every problem of a mod with errors in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.loader import load_content
from game.content.mods import MODS_DIR, load_content_with_mods
from game.content.sources import ModChoice, installed_roots, user_mods_dir
from tests.content.helpers import copy_example, event, make_mod


def test_tests_never_load_installed_mods_and_a_choice_of_none_is_the_shipped_content():
    assert ModChoice.of().installed is False  # CHIP_RACE_NO_MODS is set for the whole suite
    assert ModChoice.of(no_mods=True).load() is load_content()


def test_installed_roots_are_the_players_folder_then_the_games(monkeypatch, tmp_path):
    monkeypatch.setenv("CHIP_RACE_MODS_DIR", str(tmp_path / "mine"))
    assert installed_roots() == [tmp_path / "mine", MODS_DIR]
    monkeypatch.delenv("CHIP_RACE_MODS_DIR")
    monkeypatch.setenv("CHIP_RACE_DATA", str(tmp_path / "data"))
    assert user_mods_dir() == tmp_path / "data" / "mods"


def test_a_mod_given_by_path_wins_over_an_installed_copy(tmp_path):
    mine = Path(shutil.copytree(MODS_DIR / "example", tmp_path / "work" / "example"))
    content = load_content_with_mods([MODS_DIR], extra=[mine / "mod.yaml"])
    loaded, other = content.mods
    assert loaded.enabled and loaded.path == str(mine.resolve())
    assert not other.enabled and not other.errors and other.problems[0].check == "overridden"


def test_a_mods_id_must_be_its_folders_name(tmp_path):
    folder = make_mod(tmp_path, "renamed", event("renamed_one"))
    folder.rename(tmp_path / "other_name")
    (info,) = load_content_with_mods(tmp_path).mods
    assert not info.enabled
    (found,) = info.errors
    assert found.line == 1 and "is not its folder's name 'other_name'" in found.message


def test_scope_own_scenarios_keeps_the_shipped_scenarios_as_shipped(tmp_path):
    copy_example(tmp_path)
    # the example adds an event to the shipped chronology too: with its scope, only its scenario plays it
    make_mod(tmp_path, "adds", event("adds_one"), extra="scope: own_scenarios\n",
             files={"scenarios/s.yaml": (MODS_DIR / "example" / "scenarios" / "no_bans.yaml").read_text(
                 encoding="utf-8").replace("id: example_no_bans", "id: adds_scenario").replace(
                 "decks: [chronology, example_whatif]", "decks: [chronology]")})
    content = load_content_with_mods(tmp_path)
    shipped = load_content()
    assert all(m.enabled and not m.problems for m in content.mods), [m.problems for m in content.mods]
    for scenario in shipped.scenarios:
        assert [e.id for e in content.events_of(content.scenario(scenario))] == [
            e.id for e in shipped.events_of(shipped.scenario(scenario))]
    assert "adds_one" in [e.id for e in content.events_of(content.scenario("adds_scenario"))]
    assert "adds_one" not in [e.id for e in content.events_of(content.scenario("example_no_bans"))]


def test_a_mod_that_changes_the_shipped_scenarios_is_warned(tmp_path):
    folder = copy_example(tmp_path)
    manifest = folder / "mod.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("scope: own_scenarios", ""), encoding="utf-8")
    (info,) = load_content_with_mods(tmp_path).mods
    (warning,) = info.problems
    assert info.enabled and warning.check == "changes_shipped" and warning.severity == "warning"
    assert "huawei_7nm, chips_act" in warning.message and "scope: own_scenarios" in warning.message
    content = load_content_with_mods(tmp_path)
    assert "chips_act" not in [e.id for e in content.events_of(content.scenario("cn_lab"))]


def test_a_deck_with_a_broken_event_still_has_its_other_events_cross_checked(tmp_path):
    events = (event("good_one", "    effects: [{grant_chips: {chip: h10, count: 5}}]\n")
              + event("bad_one", "    effects: [{cash: lots}]\n")
              + event("refers", "    trigger: {fired: bad_one}\n"))
    make_mod(tmp_path, "mixed", events.replace("text: {en: X, fr: X}", "text: {en: X}", 1))
    (info,) = load_content_with_mods(tmp_path).mods
    messages = [p.message for p in info.problems]
    assert any("expected a whole number, found lots" in m for m in messages)
    assert any("unknown chip 'h10'" in m for m in messages)  # in the same run as the structure error
    assert any("no text in fr" in m for m in messages)
    assert not any("unknown event 'bad_one'" in m for m in messages)  # a broken event is still known
