"""Reading result files for the reports, with a clear one-line error for anything else.

A result file is the JSON document ``game.results.build_result`` writes (the game's end screen exports
it, ``run --json`` prints it). The reports read only the fields checked here, so a file that passes
:func:`load_result` can always be reported on.

Example::

    >>> loaded = load_result(Path("r.json"))            # doctest: +SKIP
    >>> loaded.name, loaded.doc.score.total               # doctest: +SKIP
    ('r', 41)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.results import FORMAT, FORMAT_VERSION

#: A result is about 100 kB; anything far bigger is not one (and would only make the report slow).
MAX_BYTES = 20_000_000


class ResultError(ValueError):
    """A file that cannot be reported on. ``key``/``params`` name a text in the report string table."""

    def __init__(self, key: str, **params: Any):
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Score(_Doc):
    total: int
    parts: dict[str, int]


class SideResult(_Doc):
    name: str
    policy: str | None = None
    outcome: str
    score: Score


class SourceRow(_Doc):
    articles: list[str] = Field(default_factory=list)
    context: bool = False
    says: str | None = None
    record: str | None = None


class EventRow(_Doc):
    turn: int
    date: str
    id: str
    kind: str
    side: str | None = None
    choice: str | None = None
    title: str
    source: SourceRow = Field(default_factory=SourceRow)


class ActionRow(_Doc):
    turn: int
    side: str
    action: dict[str, Any]


class SeriesRow(_Doc):
    turn: int
    date: str
    labs: dict[str, dict[str, int]]
    rivals: dict[str, int] = Field(default_factory=dict)
    stocks: dict[str, int] = Field(default_factory=dict)
    frontier: int = 0
    market_users: int = 0


class ResultDoc(_Doc):
    """The part of a result document the reports read."""

    format: str
    format_version: int
    lang: str = "en"
    nickname: str | None = None
    scenario: str
    seed: int
    side: str
    seats: list[str]
    turns: int
    date: str
    score: Score
    outcome: str
    outcome_reason: str | None = None
    sides: dict[str, SideResult]
    state_hash: str
    events: list[EventRow]
    actions: list[ActionRow]
    series: list[SeriesRow]
    versions: dict[str, str] = Field(default_factory=dict)
    options: dict[str, Any] = Field(default_factory=dict)
    class_code: str | None = None

    def policy(self, side: str | None = None) -> str | None:
        info = self.sides.get(side or self.side)
        return info.policy if info else None


@dataclass(frozen=True)
class LoadedResult:
    """One result file: its display name (nickname, else the file name) and its document."""

    path: Path
    name: str
    doc: ResultDoc


def parse_result(data: Any, name: str = "result") -> ResultDoc:
    """Check a decoded result document; :class:`ResultError` saying what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ResultError("report.error.not_result", file=name)
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ResultError("report.error.damaged_field", file=name, field="format_version", problem="missing")
    if version != FORMAT_VERSION:
        raise ResultError("report.error.version", file=name, version=version, expected=FORMAT_VERSION)
    try:
        doc = ResultDoc.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "?"
        raise ResultError("report.error.damaged_field", file=name, field=where, problem=first["msg"]) from None
    if doc.side not in doc.sides or not doc.series:
        raise ResultError("report.error.damaged_field", file=name, field="sides/series",
                          problem="empty or inconsistent")
    return doc


def load_result(path: Path) -> LoadedResult:
    """Read and check one result file."""
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResultError("report.error.too_big", file=name)
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ResultError("report.error.unreadable", file=name, reason=exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise ResultError("report.error.not_json", file=name, line=1) from None
    if not text.lstrip().startswith("{"):  # not even the start of a JSON object: some other file
        raise ResultError("report.error.not_result", file=name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResultError("report.error.not_json", file=name, line=exc.lineno) from None
    doc = parse_result(data, name)
    nickname = (doc.nickname or "").strip()
    return LoadedResult(path=path, name=nickname or path.stem, doc=doc)


def collect_paths(inputs: list[Path]) -> list[Path]:
    """The result files named: files as given, folders as all their ``*.json`` (sorted by name)."""
    paths: list[Path] = []
    for item in inputs:
        if item.is_dir():
            paths.extend(sorted(item.glob("*.json")))
        else:
            paths.append(item)
    return paths
