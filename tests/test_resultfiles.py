"""Result files for the classroom: export to a chosen folder, collect from a stick, class report from a
folder; every failure a keyed sentence in the player's language, and nothing ever half-written."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from game import resultfiles as rf
from tests.report.helpers import make_result


def short(seed: int = 3, nickname: str | None = "Ada", lang: str = "en") -> dict:
    return make_result("cn_lab", seed, "efficient", 4, nickname, lang)


def test_export_writes_the_result_and_its_debrief(tmp_path: Path) -> None:
    path, debrief = rf.export_result(short(), tmp_path / "stick", "fr")
    assert path.name == "chip-race-cn_lab-3-ada.json"
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "chip-race-result"
    assert debrief is not None and debrief.suffix == ".html" and "<html" in debrief.read_text(encoding="utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == [debrief.name, path.name]  # no temporary file left


@pytest.mark.parametrize(("code", "key", "fr"), [
    (errno.EROFS, "files.read_only", "lecture seule"),
    (errno.EACCES, "files.read_only", "lecture seule"),
    (errno.ENOSPC, "files.disk_full", "plein"),
    (errno.EIO, "files.cannot_write", "Rien n'a pu être écrit"),
])
def test_write_failures_are_said_in_the_players_language(tmp_path: Path, monkeypatch, code, key, fr) -> None:
    def refuse(target, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(rf, "atomic_write", refuse)
    with pytest.raises(rf.FolderError) as caught:
        rf.export_result(short(), tmp_path, "fr")
    assert caught.value.key == key
    assert fr in caught.value.message("fr") and str(tmp_path) in caught.value.message("fr")
    assert "{" not in caught.value.message("en")


def test_a_full_disk_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    """The disk fills while the bytes are flushed: the earlier export stays, no temporary file remains."""
    first, _ = rf.export_result(short(), tmp_path)
    before = first.read_bytes()
    import game.saves.atomic as atomic

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    changed = short()  # the same game (same file name), exported again with other figures
    changed["turns"] = 99
    with pytest.raises(rf.FolderError, match="full"):
        rf.export_result(changed, tmp_path)
    assert first.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_file_where_a_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(rf.FolderError) as caught:
        rf.write_into(tmp_path / "f", "a.json", b"{}")
    assert caught.value.key == "files.not_a_folder"


def test_empty_missing_and_foreign_folders(tmp_path: Path) -> None:
    with pytest.raises(rf.FolderError) as caught:
        rf.results_in(tmp_path)
    assert caught.value.key == "files.empty"
    with pytest.raises(rf.FolderError) as caught:
        rf.results_in(tmp_path / "gone")
    assert caught.value.key == "files.no_folder"
    assert "clé USB" in caught.value.message("fr")
    (tmp_path / "notes.json").write_text('{"shopping": ["milk"]}', encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(rf.FolderError) as caught:
        rf.results_in(tmp_path)
    assert caught.value.key == "files.no_results"
    message = caught.value.message("fr")
    assert "Aucun des 2 fichiers" in message and "broken.json" in message  # the first file, and why


def test_class_report_from_a_folder_skips_what_is_not_a_result(tmp_path: Path) -> None:
    source = tmp_path / "class"
    for seed, nick in ((3, "Ada"), (4, "Blaise")):
        rf.export_result(short(seed, nick), source)
    (source / "photo.json").write_text("[1, 2]", encoding="utf-8")
    path, found = rf.write_class_report(source, tmp_path / "out", "fr")
    assert path == tmp_path / "out" / rf.REPORT_NAME and (tmp_path / "out" / rf.CSV_NAME).exists()
    assert len(found.results) == 2 and [name for name, _ in found.rejected] == ["photo.json"]
    assert "<html" in path.read_text(encoding="utf-8")


def test_collect_copies_once_and_keeps_namesakes(tmp_path: Path) -> None:
    stick, dest = tmp_path / "stick", tmp_path / "class"
    rf.export_result(short(3, "Ada"), stick)
    (stick / "readme.json").write_text("{}", encoding="utf-8")
    done = rf.collect(stick, dest)
    assert done.copied == ["chip-race-cn_lab-3-ada.json"] and done.rejected == ["readme.json"]
    again = rf.collect(stick, dest)
    assert again.copied == [] and again.already == ["chip-race-cn_lab-3-ada.json"]
    # another student, same nickname and game, different play: kept beside, not over
    other = tmp_path / "other"
    result = short(3, "Ada")
    result["turns"] = 1
    rf.write_into(other, "chip-race-cn_lab-3-ada.json", json.dumps(result).encode())
    assert rf.collect(other, dest).copied == ["chip-race-cn_lab-3-ada-2.json"]
    assert sorted(p.name for p in dest.iterdir()) == ["chip-race-cn_lab-3-ada-2.json", "chip-race-cn_lab-3-ada.json"]
