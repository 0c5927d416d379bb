"""The loader's public API: load_content, load_folder, read_many, Content, ContentError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content import cache as content_cache
from game.content import loader, parallel
from game.content.bench import generated_mod
from game.content.loader import SCENARIOS_DIR, ContentError, load_content, load_folder, read_checked, read_many
from game.content.mods import MODS_DIR, load_content_with_mods
from tests.content import helpers


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


# --- reading many files at once, over several processes ---------------------------------------------------

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


def same_reads(found: list, wanted: list) -> None:
    assert len(found) == len(wanted)
    for (model, doc, problems), (model2, doc2, problems2) in zip(found, wanted, strict=True):
        assert model == model2 and problems == problems2  # the same problems, in the same order
        if model is not None:
            assert model.model_fields_set == model2.model_fields_set
        assert (doc is None) == (doc2 is None)
        if doc is not None:
            assert (doc.file, doc.schema, doc.data, doc.problems) == (doc2.file, doc2.schema, doc2.data, doc2.problems)
            assert doc.where(("events", 1, "title", "en")) == doc2.where(("events", 1, "title", "en"))


@pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked: Linux only")
@pytest.mark.parametrize("cache", ["off", "cold then warm"])
def test_read_many_in_workers_gives_what_reading_one_by_one_gives(cache, tmp_path, monkeypatch):
    requests = hostile_requests(tmp_path)
    monkeypatch.setenv(content_cache.ENV, "off")
    wanted = [read_checked(*request) for request in requests]
    assert sum(model is not None for model, _doc, _problems in wanted) == 4  # three generated decks, untranslated
    assert sum(bool(problems) for _model, _doc, problems in wanted) == len(HOSTILE) + 1  # and the missing file
    if cache != "off":
        monkeypatch.setenv(content_cache.ENV, str(tmp_path / "cache"))
    helpers.read_in_workers(monkeypatch, tmp_path / "worker-started")
    same_reads(read_many(requests), wanted)
    assert parallel.last.processes == 2 and parallel.last.in_workers >= 1 and parallel.last.fallback is None
    if cache != "off":  # what the workers wrote serves the next load, as what this process writes
        monkeypatch.setattr(loader, "_read_fresh", lambda fresh: pytest.fail(f"{fresh.name} read again"))
        warm = read_many(requests)
        same_reads(warm, [read_checked(*request) for request in requests])
        assert [(m, p) for m, _d, p in warm] == [(m, p) for m, _d, p in wanted]


def test_read_many_reads_in_this_process_when_told_or_when_little(tmp_path, monkeypatch):
    requests = hostile_requests(tmp_path)
    monkeypatch.setenv(content_cache.ENV, "off")
    wanted = [read_checked(*request) for request in requests]
    monkeypatch.setenv(parallel.ENV, "1")
    monkeypatch.setattr(parallel, "MIN_WORK", 0)
    same_reads(read_many(requests), wanted)
    assert parallel.last.processes == 1
    monkeypatch.setenv(parallel.ENV, "4")
    monkeypatch.setattr(parallel, "MIN_WORK", 10**9)
    same_reads(read_many(requests), wanted)
    assert parallel.last.processes == 1


def test_the_shipped_content_is_read_in_this_process(monkeypatch):
    """The game window loads it: no worker is forked from it, whatever the machine."""
    monkeypatch.setenv(content_cache.ENV, "off")
    monkeypatch.delenv(parallel.ENV, raising=False)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 8)
    monkeypatch.setattr(parallel, "last", None)
    load_folder(SCENARIOS_DIR)
    assert parallel.last is not None and parallel.last.processes == 1
    monkeypatch.setattr(parallel, "last", None)
    load_content_with_mods(MODS_DIR)  # with the example mod
    assert parallel.last is not None and parallel.last.processes == 1
