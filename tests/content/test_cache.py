"""The content cache: same models and problems as a fresh read, never trusted blindly, never in the way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import cache
from game.content.bench import generated_mod
from game.content.loader import SCENARIOS_DIR, folder_files, read_checked
from game.content.mods import load_content_with_mods

DECK = """id: cached
events:
  - id: first
    kind: generic
    weight: 5
    title: {en: First}
    text: {en: Text, fr: Texte}
    effects:
      - {cash: -5}
      - stocks: {nvda: 2}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def fresh_and_cached(path: Path, kind: str, languages: tuple[str, ...] = ("en", "fr")) -> tuple:
    first = read_checked(path, kind, languages)
    second = read_checked(path, kind, languages)
    return first, second


def test_every_shipped_file_comes_back_identical(cache_dir: Path) -> None:
    for path, kind in folder_files(SCENARIOS_DIR):
        (model, doc, problems), (model2, doc2, problems2) = fresh_and_cached(path, kind)
        assert model is not None and model2 == model, path
        # Same fields set as well (exclude_unset JSON in the entry), so defaults stay defaults.
        assert model2.model_fields_set == model.model_fields_set
        assert problems2 == problems
        assert doc2.file == doc.file and doc2.schema == doc.schema
        assert doc2.data == doc.data  # parsed again on demand
    assert len(entries(cache_dir)) == len(folder_files(SCENARIOS_DIR))


def test_problems_and_positions_survive_the_cache(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(DECK.replace("weight: 5", "weight: 5\n    colour: red"), encoding="utf-8")
    (model, doc, problems), (model2, doc2, problems2) = fresh_and_cached(path, "deck")
    assert model is None and model2 is None and problems2 == problems
    assert [(p.check, p.line) for p in problems] == [("schema", 6)]
    path.write_text(DECK, encoding="utf-8")  # valid, with a missing French title: a warning
    (model, doc, problems), (model2, doc2, problems2) = fresh_and_cached(path, "deck")
    assert model2 == model and problems2 == problems and [p.check for p in problems] == ["missing_translation"]
    for where in [("events", 0, "title"), ("events", 0, "effects", 1, "stocks", "nvda"), ("id",)]:
        assert doc2.where(where) == doc.where(where)
        assert doc2.where(where, key=True) == doc.where(where, key=True)


def test_refused_files_are_remembered_with_their_problem(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\nevents: [\n", encoding="utf-8")
    (model, doc, problems), (model2, doc2, problems2) = fresh_and_cached(path, "deck")
    assert doc is None and doc2 is None and problems2 == problems and problems[0].check == "yaml_syntax"
    path.write_text("id: a\nid: b\nevents: []\n", encoding="utf-8")  # duplicate keys: parsed, refused
    (model, doc, problems), (model2, doc2, problems2) = fresh_and_cached(path, "deck")
    assert model is None and model2 is None and doc is not None
    assert problems2 == problems and problems[0].check == "duplicate_key"
    assert doc2.data == {"id": "a", "events": []} and doc2.where(("id",)) == (1, 5)


def test_the_key_follows_bytes_name_kind_and_languages(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    read_checked(path, "deck", ("en", "fr"))
    read_checked(path, "deck", ("en",))  # no warning without French: another entry
    assert len(entries(cache_dir)) == 2
    _, _, problems = read_checked(path, "deck", ("en",))
    assert problems == []
    path.write_text(DECK.replace("First", "Second"), encoding="utf-8")
    model, _, _ = read_checked(path, "deck", ("en",))
    assert model.events[0].title["en"] == "Second" and len(entries(cache_dir)) == 3


@pytest.mark.parametrize("damage", [
    lambda blob: b"",
    lambda blob: b"\x00\xff garbage",
    lambda blob: blob[: len(blob) // 2],
    lambda blob: blob.replace(b'"cash"', b'"money"'),  # a model the schema refuses: never used
    lambda blob: blob.replace(b'"format": 1', b'"format": 99'),
    lambda blob: blob.replace(b'"problems": []', b'"problems": [[1, 2]]'),
])
def test_damaged_entries_are_ignored_and_replaced(cache_dir: Path, tmp_path: Path, damage) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    model, _, problems = read_checked(path, "deck", ("en",))
    (entry,) = entries(cache_dir)
    entry.write_bytes(damage(entry.read_bytes()))
    again, doc, problems2 = read_checked(path, "deck", ("en",))
    assert again == model and problems2 == problems
    assert doc.text is not None and json.loads(entry.read_bytes().partition(b"\n")[0])["format"] == cache.FORMAT


def test_no_cache_when_off_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "deck.yaml"
    path.write_text(DECK, encoding="utf-8")
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.cache_dir() is None and read_checked(path, "deck")[0] is not None
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    assert cache.cache_dir() is None and read_checked(path, "deck")[0] is not None


def test_writes_are_atomic_and_the_cache_is_bounded(cache_dir: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    cache._prune_once.cache_clear()
    for i in range(6):
        path = tmp_path / f"deck{i}.yaml"
        path.write_text(DECK, encoding="utf-8")
        read_checked(path, "deck")
    cache._prune_once.cache_clear()  # pruning runs once per process: run it again
    path.write_text(DECK.replace("First", "Last"), encoding="utf-8")
    read_checked(path, "deck")
    names = [p.name for p in cache_dir.iterdir()]
    assert len(names) == 3 and not any(n.startswith(".tmp-") for n in names)


def test_a_cached_mod_loads_the_same_content(cache_dir: Path, tmp_path: Path) -> None:
    folder = generated_mod(tmp_path / "mods", 200)
    cold = load_content_with_mods(folder.parent)
    warm = load_content_with_mods(folder.parent)
    assert warm.decks == cold.decks and warm.scenarios == cold.scenarios and warm.world == cold.world
    assert warm.digest == cold.digest and warm.mods == cold.mods and warm.problems == cold.problems
    assert len(entries(cache_dir)) == len(folder_files(SCENARIOS_DIR)) + 1 + 2  # shipped, manifest, 2 decks
