"""Result files are read and checked; anything else gets a clear one-line error naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.i18n import strings
from game.report.loading import ResultError, collect_paths, load_result
from game.results import FORMAT_VERSION
from tests.report.helpers import make_result, write_result


def _error(path: Path) -> ResultError:
    with pytest.raises(ResultError) as info:
        load_result(path)
    return info.value


def test_a_real_result_loads_with_its_nickname(tmp_path: Path) -> None:
    result = make_result(nickname="Ada")
    loaded = load_result(write_result(tmp_path, "anything", result))
    assert loaded.name == "Ada"
    assert loaded.doc.score.total == result["score"]["total"]
    assert len(loaded.doc.series) == result["turns"]


def test_without_a_nickname_the_file_name_is_used(tmp_path: Path) -> None:
    loaded = load_result(write_result(tmp_path, "table-4", make_result()))
    assert loaded.name == "table-4"


def test_a_result_from_another_format_version_is_refused(tmp_path: Path) -> None:
    result = make_result()
    result["format_version"] = FORMAT_VERSION + 1
    error = _error(write_result(tmp_path, "future", result))
    assert error.key == "report.error.version"
    text = strings("en").t(error.key, **error.params)
    assert "future.json" in text and str(FORMAT_VERSION + 1) in text and "\n" not in text


def test_a_truncated_file_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(make_result())[:500], encoding="utf-8")
    error = _error(path)
    assert error.key == "report.error.not_json"
    assert "cut.json" in strings("fr").t(error.key, **error.params)


def test_a_field_of_the_wrong_type_is_named(tmp_path: Path) -> None:
    result = make_result()
    result["score"]["total"] = "lots"
    error = _error(write_result(tmp_path, "odd", result))
    assert error.key == "report.error.damaged_field"
    assert error.params["field"] == "score.total"


def test_a_missing_field_is_named(tmp_path: Path) -> None:
    result = make_result()
    del result["series"]
    assert _error(write_result(tmp_path, "short", result)).params["field"] == "series"


@pytest.mark.parametrize("content", ['{"format": "something-else"}', "[1, 2]", "print('hello')", ""])
def test_other_files_are_not_results(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    assert _error(path).key == "report.error.not_result"


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert _error(tmp_path / "absent.json").key == "report.error.unreadable"


def test_folders_stand_for_their_json_files_in_name_order(tmp_path: Path) -> None:
    for name in ("b", "a", "c"):
        write_result(tmp_path, name, make_result())
    (tmp_path / "notes.txt").write_text("not a result", encoding="utf-8")
    single = tmp_path / "a.json"
    assert [p.name for p in collect_paths([tmp_path, single])] == ["a.json", "b.json", "c.json", "a.json"]
