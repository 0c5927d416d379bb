"""Mutated result documents: every one is reported on or refused as a damaged file, never an internal error."""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.report.classroom import class_report
from game.report.debrief import debrief_html
from game.report.loading import LoadedResult, ResultError, parse_result
from tests.report.helpers import make_result

#: Values put where another was: wrong types, unknown ids, odd numbers and texts.
ODD = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                st.text(max_size=12),
                st.sampled_from(["12", "unknown_id", "zz", "", "2025-13-45", "us", "cn", "won", "buy_chips"]),
                st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3))


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value in the document (dict keys and list indices)."""
    out = [prefix] if prefix else []
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            out += _paths(value, (*prefix, index))
    return out


BASE = make_result(turn_limit=8)
PATHS = _paths(BASE)


def _mutate(doc: dict[str, Any], path: tuple, kind: str, value: Any) -> None:
    *parents, last = path
    target: Any = doc
    for step in parents:
        target = target[step]
    if kind == "delete":
        del target[last]
    elif kind == "rename" and isinstance(target, dict):
        target[str(value)[:8] or "k"] = target.pop(last)
    else:
        target[last] = value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["set", "delete", "rename"]), ODD),
                        min_size=1, max_size=3))
def test_a_mutated_result_is_reported_or_refused_as_damaged(changes: list[tuple[tuple, str, Any]]) -> None:
    doc = copy.deepcopy(BASE)
    for path, kind, value in changes:
        with contextlib.suppress(KeyError, IndexError, TypeError):  # an earlier change removed the way there
            _mutate(doc, path, kind, value)
    try:
        parsed = parse_result(doc, "x.json")
    except ResultError as exc:
        assert exc.key.startswith("report.error.")
        return
    loaded = LoadedResult(path=Path("x.json"), name="x", doc=parsed)
    assert "<html" in debrief_html(loaded, "fr")
    good = LoadedResult(path=Path("y.json"), name="y", doc=parse_result(copy.deepcopy(BASE), "y.json"))
    html, _ = class_report([loaded, good], "fr")
    assert "<html" in html


def test_a_number_written_as_text_or_an_unknown_event_is_a_damaged_field() -> None:
    for path, value in ((("score", "total"), "41"), (("events", 0, "id"), "made_up_event"),
                        (("actions", 0, "action", "count"), [1]), (("series", 1, "date"), "2025-13-01")):
        doc = copy.deepcopy(BASE)
        _mutate(doc, path, "set", value)
        try:
            parse_result(doc, "x.json")
        except ResultError as exc:
            assert exc.key == "report.error.damaged_field" and exc.params["file"] == "x.json"
        else:
            raise AssertionError(f"{path} = {value!r} was accepted")
