"""The loader's public API: load_content, load_folder, read_checked, Content, ContentError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from benchmarks.content_load import generated_mod
from game.content.loader import SCENARIOS_DIR, ContentError, load_content, load_folder, read_checked


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
    assert "us_lab.yaml:" in line and "unknown rival 'alibab'. Did you mean 'alibaba'?" in line


# --- reading files from strangers ------------------------------------------------------------------------------

HOSTILE = {
    "duplicate.yaml": "id: dup\nevents: []\nid: again\n",
    "bomb.yaml": "\n".join(['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
                           + [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]) + "\n",
    "tag.yaml": "id: !!python/object/apply:os.system ['echo hi']\nevents: []\n",
    "syntax.yaml": "id: deck\nevents:\n  - id: a\n   bad: [1, 2\n",
    "binary.yaml": b"id: x\x00\x01\x02\nevents: []\n",
    "empty.yaml": "# nothing here\n",
    "schema.yaml": "id: schema\nevents:\n  - id: a\n    kind: generic\n    titel: {en: T, fr: T}\n"
                   "    text: {en: X, fr: X}\n    side: NO\n  - id: b\n    kind: generic\n    title: {en: T}\n"
                   "    text: {en: X, fr: X}\n    effects: [{cash: lots}, {flag: x}]\n",
    "untranslated.yaml": "id: untranslated\nevents:\n  - id: a\n    kind: generic\n    weight: 2\n"
                         "    title: {en: T}\n    text: {en: X}\n",
}


def hostile_requests(tmp_path: Path) -> list[tuple[Path, str, tuple[str, ...]]]:
    """Valid large decks between files that are each refused or invalid in their own way."""
    folder = generated_mod(tmp_path / "mods", 250)
    decks = sorted((folder / "events").glob("*.yaml"))
    for name, text in HOSTILE.items():
        (tmp_path / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    paths = [decks[0], *(tmp_path / name for name in HOSTILE), *decks[1:], tmp_path / "missing.yaml"]
    return [(path, "deck", ("en", "fr")) for path in paths]


def test_each_hostile_file_is_refused_apart_and_the_valid_ones_read(tmp_path):
    reads = [read_checked(*request) for request in hostile_requests(tmp_path)]
    assert sum(model is not None for model, _doc, _problems in reads) == 4  # three generated decks, untranslated
    assert sum(bool(problems) for _model, _doc, problems in reads) == len(HOSTILE) + 1  # and the missing file
    for model, doc, problems in reads:
        assert (model is None) == any(p.severity == "error" for p in problems)
        if model is not None:
            assert doc is not None and doc.data["id"] == model.id
