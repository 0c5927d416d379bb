"""Mods: load order, replace and disable, dependencies, a broken mod disabled with its reasons."""

from __future__ import annotations

from pathlib import Path

from benchmarks.content_load import generated_mod
from game.content.loader import load_content
from game.content.models import Content
from game.content.mods import MODS_DIR, load_content_with_mods, mod_report
from game.engine.game import Game
from game.match import play_game
from tests.content.helpers import copy_example, event, make_mod


def test_example_mod_loads_clean_and_uses_every_feature():
    content = load_content_with_mods(MODS_DIR)
    (info,) = content.mods
    assert info.enabled and info.problems == () and info.position == 0
    shipped = load_content()
    assert "example_no_bans" in content.scenarios and "example_no_bans" not in shipped.scenarios
    assert [e.id for e in content.decks["example_whatif"].events] == ["example_open_market_boom",
                                                                      "example_efficiency_still_pays"]
    # scope: own_scenarios: the shipped deck and scenarios keep their events; the mod's scenario plays
    # without chips_act and with its own huawei_7nm, at the shipped one's place
    assert [e.id for e in content.decks["chronology"].events] == [e.id for e in shipped.decks["chronology"].events]
    assert [e.id for e in content.events_of(content.scenario("cn_lab"))] == [
        e.id for e in shipped.events_of(shipped.scenario("cn_lab"))]
    played = content.events_of(content.scenario("example_no_bans"))
    assert "chips_act" not in [e.id for e in played]
    assert "(modded)" in next(e for e in played if e.id == "huawei_7nm").title["en"]
    assert "(modded)" not in next(e for e in content.decks["chronology"].events if e.id == "huawei_7nm").title["en"]
    assert content.digest != shipped.digest
    assert mod_report(content) == ["load order: example"]


def test_modded_scenario_plays_to_the_end():
    content = load_content_with_mods(MODS_DIR)
    played = play_game(Game(content, "example_no_bans", options={"turn_limit": 8}), 5, {"cn": "efficient"})
    assert played.state.over
    assert not any(f.event.startswith("us_ban") for f in played.state.fired)


def test_broken_mod_is_disabled_with_reasons_and_others_still_load(tmp_path):
    copy_example(tmp_path)
    make_mod(tmp_path, "broken", event("broken_one", "    effects: [{cash: lots}]\n"))
    content = load_content_with_mods(tmp_path)
    by_id = {m.id: m for m in content.mods}
    assert by_id["example"].enabled and not by_id["broken"].enabled
    (problem,) = by_id["broken"].problems
    assert problem.line == 8 and "expected a whole number, found lots" in problem.message
    assert "broken_one" not in content.event_ids
    assert mod_report(content)[1] == "mod 'broken' is disabled: 1 error(s)"


def test_load_order_follows_dependencies_and_is_reported(tmp_path):
    make_mod(tmp_path, "aaa", event("aaa_one"), extra="depends: [zzz]")
    make_mod(tmp_path, "mmm", event("mmm_one"), extra="load_after: [aaa]")
    make_mod(tmp_path, "zzz", event("zzz_one"))
    content = load_content_with_mods(tmp_path)
    assert [(m.id, m.position) for m in content.mods] == [("zzz", 0), ("aaa", 1), ("mmm", 2)]
    assert [m.id for m in load_content_with_mods(tmp_path, order=["mmm", "zzz", "aaa"]).mods] == [
        "zzz", "aaa", "mmm"]


def test_missing_dependency_cycle_and_folder_without_manifest(tmp_path):
    make_mod(tmp_path, "needs", event("needs_one"), extra="depends: [absent]")
    make_mod(tmp_path, "ping", event("ping_one"), extra="load_after: [pong]")
    make_mod(tmp_path, "pong", event("pong_one"), extra="load_after: [ping]")
    (tmp_path / "stray").mkdir()
    content = load_content_with_mods(tmp_path)
    reasons = {m.id: [p.message for p in m.problems] for m in content.mods if not m.enabled}
    assert reasons["needs"] == ["needs the mod 'absent', which is not installed or not loaded"]
    assert "wait for each other" in reasons["ping"][0] and "wait for each other" in reasons["pong"][0]
    assert "has no mod.yaml" in reasons["stray"][0]


def test_replace_and_disable_unknown_events(tmp_path):
    make_mod(tmp_path, "bad", event("bad_one"), extra="replace_events: [nope, bad_one]\ndisable_events: [nvida_crash]")
    (info,) = load_content_with_mods(tmp_path).mods
    messages = [p.message for p in info.problems]
    assert "cannot replace the event 'nope': no loaded content has it" in messages
    assert "cannot disable the event 'nvida_crash': no loaded content has it" in messages
    assert not info.enabled


def test_two_mods_changing_one_event_warn_and_the_later_wins(tmp_path):
    make_mod(tmp_path, "one", None, extra="disable_events: [nvidia_crash]")
    make_mod(tmp_path, "two", event("nvidia_crash").replace("title: {en: T", "title: {en: Two"),
             extra="replace_events: [nvidia_crash]")
    content = load_content_with_mods(tmp_path)
    one, two = content.mods
    assert one.enabled and not two.enabled  # one disabled it: two cannot replace it any more
    assert "cannot replace the event 'nvidia_crash'" in two.problems[0].message


def test_manifest_errors_and_game_version(tmp_path):
    folder = make_mod(tmp_path, "old", event("old_one"))
    text = (folder / "mod.yaml").read_text().replace('game_version: "0.1"', 'game_version: "9.0"')
    (folder / "mod.yaml").write_text(text + "colour: red\n")
    (info,) = load_content_with_mods(tmp_path).mods
    assert not info.enabled and "unknown key 'colour'" in info.problems[0].message
    (folder / "mod.yaml").write_text(text)
    (info,) = load_content_with_mods(tmp_path).mods
    assert info.enabled and [p.check for p in info.problems] == ["game_version"]


def mods_with_mistakes(root: Path) -> Path:
    """A large valid mod, one with errors in several files, one whose errors show only across files."""
    generated_mod(root, 250)
    make_mod(root, "broken", event("broken_one", "    effects: [{cash: lots}]\n"), files={
        "events/dup.yaml": "id: broken_two\nevents:\n" + event("b2") + "id: again\n",
        "events/tabs.yaml": "id: broken_three\nevents:\n\t- id: x\n",
        "scenarios/bad.yaml": "id: broken_scenario\ntitle: {en: T, fr: T}\nminutes: lots\n"})
    more = (event("refs_two", "    effects: [{follow_up: {event: nope}}]\n")
            + event("refs_three").replace("text: {en: X, fr: X}", "text: {en: X}"))
    make_mod(root, "badrefs", event("refs_one", "    effects: [{grant_chips: {chip: h10, count: 1}}]\n"),
             files={"events/more.yaml": "id: refs_more\nevents:\n" + more})
    return root


def outcome(content: Content) -> tuple:
    """Everything a load tells, problems in their order."""
    return (content, content.digest, content.problems,
            [(m.id, m.enabled, m.position, m.problems, m.files, m.switched_off) for m in content.mods],
            [p.format() for m in content.mods for p in m.problems])


def test_mods_with_mistakes_are_disabled_with_every_reason_and_load_the_same_twice(tmp_path):
    mods_dir = mods_with_mistakes(tmp_path / "mods")
    first = outcome(load_content_with_mods(mods_dir))
    assert [(m.id, m.enabled, len(m.problems)) for m in first[0].mods] == [
        ("generated", True, 0), ("badrefs", False, 3), ("broken", False, 11)]
    assert outcome(load_content_with_mods(mods_dir)) == first
    only_broken = {m.id: (m.enabled, m.switched_off, len(m.problems))
                   for m in load_content_with_mods(mods_dir, enabled={"broken"}).mods}
    assert only_broken == {"broken": (False, False, 11), "badrefs": (False, True, 0), "generated": (False, True, 0)}
