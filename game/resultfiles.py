"""Result files on disk for the classroom: export to a chosen folder, collect from a USB stick, build
the class report from a folder. No terminal needed: the Teacher screen and the end screen call these.

Every write is atomic (``game.saves.atomic``: a temporary file renamed over the target), so a full
disk or a stick pulled out leaves either the old file or the new one, never half a result. Every
failure is a :class:`FolderError` whose text comes from the string tables (``files.*``), in the
player's language: an empty folder, a file that is not a result, a read-only stick, a full disk.

Example::

    >>> import tempfile
    >>> try:
    ...     results_in(Path(tempfile.mkdtemp()))
    ... except FolderError as exc:
    ...     print(exc.key)
    files.empty
"""

from __future__ import annotations

import errno
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.saves.atomic import atomic_write

#: The file names of a class report written by :func:`write_class_report`.
REPORT_NAME = "class-report.html"
CSV_NAME = "class-report.csv"
#: errno values that mean "this medium will not take writes" (a locked or read-only stick).
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
#: errno values that mean "no room left" (disk full, quota reached).
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


class FolderError(Exception):
    """Something about a folder or a file that a person can fix; the text is keyed (``files.*``)."""

    def __init__(self, key: str, cause: Any = None, **params: Any):
        self.key = key
        self.params = params
        #: A report ``ResultError`` (keyed too) that says why, filled in as ``{why}``.
        self.cause = cause
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The sentence in ``lang``."""
        from game.i18n import strings

        s = strings(lang)
        why = s.t(self.cause.key, **self.cause.params) if self.cause is not None else ""
        return s.t(self.key, why=why, **self.params)


def write_problem(exc: OSError, folder: Path) -> FolderError:
    """The keyed error for a failed write into ``folder``: read-only, full, or another reason.

    Example::

        >>> write_problem(OSError(errno.ENOSPC, "No space left"), Path("E:/")).key
        'files.disk_full'
    """
    if exc.errno in _READ_ONLY:
        return FolderError("files.read_only", folder=str(folder))
    if exc.errno in _FULL:
        return FolderError("files.disk_full", folder=str(folder))
    return FolderError("files.cannot_write", folder=str(folder), reason=exc.strerror or str(exc))


def write_into(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as ``folder/name`` atomically; :class:`FolderError` when the folder refuses it."""
    folder = Path(folder)
    if not folder.is_dir() and folder.exists():
        raise FolderError("files.not_a_folder", folder=str(folder))
    try:
        atomic_write(folder / name, data)
    except OSError as exc:
        raise write_problem(exc, folder) from None
    return folder / name


def result_file_name(result: dict[str, Any]) -> str:
    """``chip-race-<scenario>-<seed>[-<nickname>].json`` (the nickname made safe for any file system).

    Example::

        >>> result_file_name({"scenario": "cn_lab", "seed": 7, "nickname": "Ada L."})
        'chip-race-cn_lab-7-ada-l.json'
    """
    nick = re.sub(r"[^a-z0-9]+", "-", str(result.get("nickname") or "").lower()).strip("-")
    parts = ["chip-race", str(result["scenario"]), str(result["seed"])] + ([nick] if nick else [])
    return "-".join(parts) + ".json"


def export_result(result: dict[str, Any], folder: Path, lang: str = "en") -> tuple[Path, Path | None]:
    """Write a result document and its HTML debrief into ``folder`` (a USB stick, say).

    Returns (result path, debrief path or ``None`` when the debrief could not be made: the result,
    which the teacher needs, is written first and kept).
    """
    path = write_into(folder, result_file_name(result), json.dumps(result, indent=2, ensure_ascii=False).encode())
    try:
        from game.report.debrief import debrief_html
        from game.report.loading import load_result

        html = debrief_html(load_result(path), lang)
    except ValueError:  # a document the report cannot read: the result alone is still useful
        return path, None
    return path, write_into(folder, path.with_suffix(".html").name, html.encode("utf-8"))


@dataclass
class Found:
    """The result files of a folder, and the other JSON files with why they are not results."""

    results: list[Any] = field(default_factory=list)  # LoadedResult, in file-name order
    rejected: list[tuple[str, Any]] = field(default_factory=list)  # (file name, its ResultError)


def results_in(folder: Path) -> Found:
    """Read every ``*.json`` of ``folder``; :class:`FolderError` when there is nothing to read at all.

    A folder without JSON files is ``files.empty``; one whose JSON files are none of them results is
    ``files.no_results`` (naming the first file and why).
    """
    from game.report.loading import ResultError, load_result

    folder = Path(folder)
    if not folder.is_dir():
        raise FolderError("files.no_folder", folder=str(folder))
    try:
        paths = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    except OSError as exc:
        raise FolderError("files.cannot_read", folder=str(folder), reason=exc.strerror or str(exc)) from None
    if not paths:
        raise FolderError("files.empty", folder=str(folder))
    found = Found()
    for path in paths:
        try:
            found.results.append(load_result(path))
        except ResultError as exc:
            found.rejected.append((path.name, exc))
    if not found.results:
        raise FolderError("files.no_results", cause=found.rejected[0][1], folder=str(folder), count=len(paths))
    return found


def write_class_report(source: Path, out_folder: Path, lang: str) -> tuple[Path, Found]:
    """Build the class report (HTML and CSV) from the results in ``source`` into ``out_folder``.

    Returns the report's path and what was read (files skipped because they are not results included).
    """
    from game.report.classroom import class_report

    found = results_in(source)
    html, csv_text = class_report(found.results, lang, csv_name=CSV_NAME)
    write_into(out_folder, CSV_NAME, csv_text.encode("utf-8-sig"))  # the BOM: spreadsheets see the accents
    return write_into(out_folder, REPORT_NAME, html.encode("utf-8")), found


@dataclass
class Collected:
    """What one collection did: files copied, files already there, files that are not results."""

    copied: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def collect(source: Path, dest: Path) -> Collected:
    """Copy every result file of ``source`` (a student's stick) into ``dest``; atomic, never overwriting.

    A file already in ``dest`` with the same bytes is skipped; a different file with the same name
    (two students with the same nickname and game) is kept under a numbered name.
    """
    found = results_in(source)
    done = Collected(rejected=[name for name, _ in found.rejected])
    for loaded in found.results:
        data = loaded.path.read_bytes()
        name = loaded.path.name
        target = dest / name
        n = 1
        while target.exists():
            if target.read_bytes() == data:
                done.already.append(name)
                break
            n += 1
            target = dest / f"{loaded.path.stem}-{n}{loaded.path.suffix}"
        else:
            write_into(dest, target.name, data)
            done.copied.append(target.name)
    return done
