"""Damaged and foreign saves: a clear SaveError naming the file, never another exception."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.canonical import state_hash
from game.engine.state import GameState
from game.saves import FORMAT_VERSION, SaveError, load_save, save_game
from game.saves.store import inspect_save
from tests.saves.helpers import read_doc, sample, write_doc

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@cache
def good_bytes() -> bytes:
    """A real save, written once (the fuzzers damage copies of it)."""
    import tempfile

    game, state, log = sample(turns=2)
    path = Path(tempfile.mkdtemp()) / "good.json"
    save_game(path, game, state, log, meta={"name": "Période 2"})
    return path.read_bytes()


def load_or_error(path: Path) -> None:
    """Load; a SaveError is the only acceptable failure, and it names the file."""
    try:
        load_save(path)
    except SaveError as exc:
        assert path.name in str(exc) and exc.key.startswith("save.error.")
        assert exc.message("fr") and "\n" not in str(exc)
    info = inspect_save(path)  # the listing never fails either
    assert info.ok or info.error is not None


@FUZZ
@given(cut=st.integers(min_value=0, max_value=10**7))
def test_truncated(tmp_path: Path, cut: int) -> None:
    data = good_bytes()
    whole = len(data.rstrip())  # cutting only the final newline leaves a whole save: cut into the JSON
    path = tmp_path / "cut.json"
    path.write_bytes(data[: cut % whole])
    with pytest.raises(SaveError):
        load_save(path)


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(1, 255)), min_size=1, max_size=4))
def test_bytes_flipped(tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray(good_bytes())
    for where, mask in flips:
        data[where % len(data)] ^= mask
    path = tmp_path / "flipped.json"
    path.write_bytes(bytes(data))
    load_or_error(path)
    if bytes(data).rstrip() != good_bytes().rstrip():  # the last newline may flip into other blank space
        with pytest.raises(SaveError):
            load_save(path)


@FUZZ
@given(junk=st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, junk: bytes) -> None:
    path = tmp_path / "junk.json"
    path.write_bytes(junk)
    with pytest.raises(SaveError):
        load_save(path)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                max_size=3), max_leaves=8)


def _paths(doc, prefix=()):
    """Every (path, value) inside a JSON document."""
    yield prefix, doc
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from _paths(value, (*prefix, index))


@FUZZ
@given(pick=st.integers(0, 10**6), value=JSON, reseal=st.booleans())
def test_edited_by_hand(tmp_path: Path, pick: int, value: object, reseal: bool) -> None:
    """Any one value replaced: refused (checksum), or, by someone who recomputed the checksum,
    either refused with a SaveError or still a coherent game."""
    doc = json.loads(good_bytes())
    places = [p for p, _ in _paths(doc) if p]
    where = places[pick % len(places)]
    target = doc
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    path = tmp_path / "edited.json"
    write_doc(path, doc, reseal=reseal)
    try:
        loaded = load_save(path)
    except SaveError as exc:
        assert "edited.json" in str(exc)
        return
    assert reseal or doc == json.loads(good_bytes())  # without a new checksum, no change gets through
    assert state_hash(loaded.state) == loaded.document.state_hash


def test_specific_messages(tmp_path: Path) -> None:
    good = json.loads(good_bytes())

    def error_of(name: str, content: bytes | str | dict, reseal: bool = True) -> SaveError:
        path = tmp_path / name
        if isinstance(content, dict):
            write_doc(path, content, reseal=reseal)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        with pytest.raises(SaveError) as info:
            load_save(path)
        assert name in str(info.value)
        return info.value

    assert error_of("empty.json", b"").key == "save.error.empty"
    assert error_of("blank.json", b" \n").key == "save.error.empty"
    assert error_of("half.json", good_bytes()[:100]).key == "save.error.not_json"
    assert error_of("latin.json", b'{"a": "\xe9"}').key == "save.error.not_json"
    assert error_of("nan.json", '{"a": NaN}').key == "save.error.not_json"
    assert error_of("deep.json", "[" * 100_000 + "]" * 100_000).key == "save.error.not_json"
    assert error_of("bigint.json", '{"a": ' + "9" * 5000 + "}").key == "save.error.not_json"
    assert error_of("list.json", "[1, 2]").key == "save.error.not_save"
    assert error_of("result.json", {"format": "chip-race-result", "format_version": 1}).key == "save.error.not_save"
    newer = error_of("newer.json", {**good, "format_version": FORMAT_VERSION + 1})
    assert newer.key == "save.error.newer" and newer.params["version"] == FORMAT_VERSION + 1
    assert "newer" in str(newer) and "plus récente" in newer.message("fr")
    assert error_of("v.json", {**good, "format_version": "1"}).key == "save.error.bad_version"
    assert error_of("neg.json", {**good, "format_version": -1}).key == "save.error.bad_version"
    # A hand edit without a new checksum.
    cheat = json.loads(good_bytes())
    cheat["state"]["labs"]["cn"]["cash"] += 10**9
    assert error_of("cheat.json", cheat, reseal=False).key == "save.error.checksum"
    # ... and with one: the state no longer matches its recorded hash.
    assert error_of("cheat2.json", cheat).key == "save.error.state_hash"
    # ... and with the state hash redone too: the header still disagrees, or the state is invalid.
    moved = json.loads(good_bytes())
    moved["turn"] = 9
    err = error_of("moved.json", moved)
    assert err.key == "save.error.inconsistent" and err.params["field"] == "turn"
    bad_state = json.loads(good_bytes())
    bad_state["state"]["labs"]["cn"]["cash"] = "lots"
    err = error_of("bad_state.json", bad_state)
    assert err.key == "save.error.invalid" and err.params["field"] == "state.labs.cn.cash"
    bad_action = json.loads(good_bytes())
    bad_action["actions"][0]["action"] = {"type": "teleport"}
    err = error_of("bad_action.json", bad_action)
    assert err.key == "save.error.invalid" and err.params["field"].startswith("actions.0")
    other = json.loads(good_bytes())
    other["scenario"] = other["state"]["scenario"] = "moon_lab"
    other["state_hash"] = state_hash(GameState.model_validate(other["state"]))
    assert error_of("moon.json", other).key == "save.error.scenario"
    assert error_of("missing.json", b"x").key != "save.error.missing"
    with pytest.raises(SaveError) as info:
        load_save(tmp_path / "nowhere.json")
    assert info.value.key == "save.error.missing"
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(SaveError):
        load_save(tmp_path / "folder.json")


def test_good_save_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "good.json"
    path.write_bytes(good_bytes())
    assert load_save(path).meta == {"name": "Période 2"}
    doc = read_doc(path)
    assert doc["format_version"] == FORMAT_VERSION and doc["numpy_version"] and doc["game_version"]
