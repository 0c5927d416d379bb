"""The loader's public API: load_content, load_folder, Content, ContentError."""

from __future__ import annotations

import shutil

import pytest

from game.content.loader import SCENARIOS_DIR, ContentError, load_content, load_folder


def test_load_content_is_cached_and_complete():
    content = load_content()
    assert content is load_content()
    assert {"cn_lab", "us_lab", "head_to_head"} <= set(content.scenarios)
    assert content.events_of(content.scenario("cn_lab"))
    with pytest.raises(KeyError, match="unknown scenario 'nope'"):
        content.scenario("nope")


def test_broken_folder_lists_every_problem_with_its_line(tmp_path):
    folder = shutil.copytree(SCENARIOS_DIR, tmp_path / "content")
    scenario = folder / "us_lab.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("{id: alibaba}", "{id: alibab}"),
                        encoding="utf-8")
    (folder / "decks" / "broken.yaml").write_bytes(b"id: broken\nevents: [\x00]\n")
    with pytest.raises(ContentError) as info:
        load_folder(folder)
    problems = info.value.problems
    assert any("broken.yaml" in p and "binary" in p for p in problems)
    assert all(isinstance(p, str) for p in problems) and len(info.value.details) == len(problems)
    (folder / "decks" / "broken.yaml").unlink()
    with pytest.raises(ContentError) as info:
        load_folder(folder)
    (line,) = info.value.problems
    assert "us_lab.yaml:" in line and "unknown rival 'alibab' Did you mean 'alibaba'?" in line
