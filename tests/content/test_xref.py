"""Cross-reference checks: unknown ids with suggestions, duplicates, never-true triggers, translations."""

from __future__ import annotations

from game.content.loader import load_content
from game.content.mods import load_content_with_mods
from tests.content.helpers import event, make_mod


def mod_problems(tmp_path, events: str, **kw) -> list[str]:
    make_mod(tmp_path, "m", events, **kw)
    (info,) = load_content_with_mods(mods_dir=tmp_path).mods
    return [f"{p.line}:{p.severity}:{p.check}:{p.message}" for p in info.problems]


def test_shipped_content_has_no_problems():
    assert load_content().problems == ()


def test_unknown_ids_with_did_you_mean(tmp_path):
    body = ("    effects:\n      - ban_chips: {chips: [h10]}\n      - stocks: {nvdia: -3}\n"
            "      - rival_release: {rival: deepsek, gain: 10}\n      - follow_up: {event: nvidia_crsh}\n"
            "    trigger: {tech: mooe}\n")
    found = mod_problems(tmp_path, event("m_one", body))
    assert any("unknown chip 'h10'. Did you mean 'h100'?" in f for f in found)
    assert any("unknown stock 'nvdia'. Did you mean 'nvda'?" in f for f in found)
    assert any("unknown rival 'deepsek'. Did you mean 'deepseek'?" in f for f in found)
    assert any("unknown event 'nvidia_crsh'. Did you mean 'nvidia_crash'?" in f for f in found)
    assert any("unknown technique 'mooe'. Did you mean 'moe'?" in f for f in found)
    lines = {f.split(":")[0] for f in found}
    assert {"9", "10", "11", "12", "13"} <= lines


def test_duplicate_ids_need_replace_events(tmp_path):
    found = mod_problems(tmp_path, event("nvidia_crash"))
    assert any("duplicate_id" in f and "replace_events" in f for f in found)
    found = mod_problems(tmp_path, event("twice") + event("twice"))
    assert any("the event id 'twice' is already used" in f for f in found)


def test_triggers_that_can_never_be_true(tmp_path):
    body = ("    trigger:\n      all:\n        - date_from: 2031-01\n        - chip_banned: v100\n"
            "        - flag: never_set_anywhere\n        - not: {flag: also_never_set}\n")
    found = mod_problems(tmp_path, event("m_never", body))
    assert any("date_from: 2031-01" in f and "never_true" in f for f in found)
    assert any("no event bans the chip 'v100'" in f for f in found)
    assert any("never_set_anywhere" in f for f in found)
    assert not any("also_never_set" in f for f in found)  # under `not`: always true, harmless


def test_event_that_never_fires_and_choices_leading_nowhere(tmp_path):
    body = ("    choices:\n      - {id: a, label: {en: A, fr: A}}\n      - {id: b, label: {en: B, fr: B}}\n")
    text = (event("m_orphan").replace("    weight: 10\n", "") + event("m_choices", body))
    found = mod_problems(tmp_path, text)
    assert any("never_fires" not in f and "'m_orphan'" in f and "never fires" in f for f in found)
    assert sum("choice_nowhere" in f for f in found) == 3  # two choices, and the event itself


def test_missing_translation_and_silencing(tmp_path):
    text = event("m_en_only").replace("text: {en: X, fr: X}", "text: {en: X}")
    found = mod_problems(tmp_path, text)
    assert found == ["7:warning:missing_translation:events[0].text: no text in fr, a language this content declares"]
    assert mod_problems(tmp_path, text, extra="silence: [missing_translation]") == []


def test_errors_in_a_scenario_file(tmp_path):
    scenario = (tmp_path / "s.yaml")
    text = (make_mod.__globals__["ROOT"] / "mods/example/scenarios/no_bans.yaml").read_text(encoding="utf-8")
    text = text.replace("{id: meta_ai}", "{id: meta_aj}").replace("decks: [chronology, example_whatif]",
                                                                  "decks: [chronolgy]")
    scenario.write_text(text, encoding="utf-8")
    found = mod_problems(tmp_path, None, files={"scenarios/s.yaml": text})
    assert any("unknown rival 'meta_aj'. Did you mean 'meta_ai'?" in f for f in found)
    assert any("unknown deck 'chronolgy'. Did you mean 'chronology'?" in f for f in found)
