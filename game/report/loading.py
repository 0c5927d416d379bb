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

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, ValidationError

from game.results import FORMAT, FORMAT_VERSION

#: A result is about 100 kB; anything far bigger is not one (and would only make the report slow).
MAX_BYTES = 20_000_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ResultError(ValueError):
    """A file that cannot be reported on. ``key``/``params`` name a text in the report string table."""

    def __init__(self, key: str, **params: Any):
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


Side = Literal["us", "cn"]
Outcome = Literal["won", "lost", "bankrupt", "unfinished"]
#: Why a game ended; "stopped": a student handed in an unfinished game ("stop here and export").
Reason = Literal["calendar", "bankrupt", "turn_limit", "stopped"]
Kind = Literal["article", "context", "generic"]


def _check_date(text: str) -> str:
    if not _DATE.fullmatch(text):
        raise ValueError("not a date (YYYY-MM-DD)")
    datetime.date.fromisoformat(text)  # a ValueError for month 13, day 45…
    return text


Date = Annotated[str, AfterValidator(_check_date)]
#: Whole numbers in a result are written as numbers: a text such as "12" is a damaged field, not a 12.
Int = Annotated[int, Strict()]
Count = Annotated[int, Strict(), Field(ge=0)]


def _check_action(data: dict[str, Any]) -> dict[str, Any]:
    from game.engine.actions import parse_action

    try:
        parse_action(data)
    except (ValidationError, TypeError, ValueError) as exc:
        raise ValueError(f"not an action of the game ({str(exc).splitlines()[0]})") from None
    return data


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Score(_Doc):
    total: Int
    parts: dict[str, Int]


class Costs(_Doc):
    """What the lab would announce for its last run against what it really spent, dollars."""

    reported_last_run: Count = 0
    real_total: Count = 0


class SideResult(_Doc):
    name: str
    policy: str | None = None
    outcome: Outcome
    score: Score
    #: absent from documents written before the costs were shown
    costs: Costs | None = None
    #: the scenario's outcome band (documents written before bands have none)
    band: str | None = None
    band_label: str | None = None


class SourceRow(_Doc):
    articles: list[str] = Field(default_factory=list)
    context: bool = False
    says: str | None = None
    record: str | None = None


class EventRow(_Doc):
    turn: Count
    date: Date
    id: str
    kind: Kind
    side: Side | None = None
    choice: str | None = None
    title: str
    source: SourceRow = Field(default_factory=SourceRow)
    #: the choice was taken automatically (nobody played that side, or before the players took over)
    auto: bool = False


class ActionRow(_Doc):
    turn: Count
    side: Side
    action: Annotated[dict[str, Any], AfterValidator(_check_action)]


class SeriesRow(_Doc):
    turn: Count
    date: Date
    labs: dict[Side, dict[str, Int]]
    rivals: dict[str, Int] = Field(default_factory=dict)
    #: the rival labs' compute, H100-equivalent GPU-hours a month (the unit of a lab's "compute")
    rivals_compute: dict[str, Int] = Field(default_factory=dict)
    stocks: dict[str, Int] = Field(default_factory=dict)
    frontier: Int = 0
    market_users: Int = 0


class ResultDoc(_Doc):
    """The part of a result document the reports read."""

    format: str
    format_version: Int
    lang: str = "en"
    nickname: str | None = None
    scenario: str
    seed: Count
    side: Side
    seats: list[Side] = Field(min_length=1, max_length=2)
    turns: Count
    date: Date
    score: Score
    outcome: Outcome
    outcome_reason: Reason | None = None
    #: the scenario's outcome band and its name (documents written before bands have none)
    band: str | None = None
    band_label: str | None = None
    sides: dict[Side, SideResult]
    state_hash: str
    events: list[EventRow]
    actions: list[ActionRow]
    series: list[SeriesRow]
    versions: dict[str, str] = Field(default_factory=dict)
    options: dict[str, Any] = Field(default_factory=dict)
    class_code: str | None = None
    #: the turn the players took over (a lesson length starts later: the turns before were played by history)
    first_turn: Count = 0

    def policy(self, side: str | None = None) -> str | None:
        info = self.sides.get(side or self.side)  # type: ignore[call-overload]
        return info.policy if info else None

    @property
    def turns_played(self) -> int:
        """The turns the players played (a lesson that started later counts from its start)."""
        return max(self.turns - self.first_turn, 0)

    @property
    def finished(self) -> bool:
        return self.outcome != "unfinished"


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
    problem = _inconsistency(doc)
    if problem:
        raise ResultError("report.error.damaged_field", file=name, field=problem[0], problem=problem[1])
    return doc


def _inconsistency(doc: ResultDoc) -> tuple[str, str] | None:
    """(field, problem) for a document whose fields are each well typed but do not fit together: a side
    no lab plays, an event the game does not know… (``None`` when all is well)."""
    from game.report.catalog import Catalog

    if doc.side not in doc.sides or any(side not in doc.sides for side in doc.seats):
        return "sides", "a played side has no result"
    if not doc.series:
        return "series", "empty"
    if any(side not in row.labs for row in doc.series for side in doc.seats):
        return "series", "a played side is missing"
    cat = Catalog.shipped("en")
    if cat.content is not None:
        unknown = next((e.id for e in doc.events if cat.event(e.id) is None), None)
        if unknown is not None:
            return "events", f"unknown event id '{unknown}'"
        if cat.scenario(doc.scenario) is None:
            return "scenario", f"unknown scenario id '{doc.scenario}'"
    return None


def _decode(raw: bytes) -> str:
    """The text of a file: UTF-8 (with or without BOM), or UTF-16 with its BOM (what PowerShell's ``>``
    writes)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def load_result(path: Path) -> LoadedResult:
    """Read and check one result file, or a save (a game handed in as it stands: reported as unfinished)."""
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResultError("report.error.too_big", file=name)
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise ResultError("report.error.unreadable", file=name, reason=exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise ResultError("report.error.not_json", file=name, line=1) from None
    if not text.lstrip().startswith("{"):  # not even the start of a JSON object: some other file
        raise ResultError("report.error.not_result", file=name)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ResultError("report.error.not_json", file=name, line=getattr(exc, "lineno", 1)) from None
    if isinstance(data, dict) and str(data.get("format", "")).startswith("chip-race-save"):
        data = _result_of_save(path)
    doc = parse_result(data, name)
    nickname = (doc.nickname or "").strip()
    return LoadedResult(path=path, name=nickname or path.stem, doc=doc)


def _result_of_save(path: Path) -> dict[str, Any]:
    """The result document of a saved game as it stands (the save checked as ``--load`` checks it)."""
    from game.results import build_result
    from game.saves import SaveError, load_save

    try:
        loaded = load_save(path)
    except SaveError as exc:
        raise ResultError("lesson.report.bad_save", file=path.name, reason=exc.message("en")) from None
    policies = {side: "human" for side in loaded.state.seats}
    nickname = loaded.meta.get("nickname") if isinstance(loaded.meta.get("nickname"), str) else None
    return build_result(loaded.game, loaded.state, loaded.actions, policies, nickname=nickname)


def collect_paths(inputs: list[Path]) -> list[Path]:
    """The result files named: files as given, folders as all their ``*.json`` (sorted by name)."""
    paths: list[Path] = []
    for item in inputs:
        if item.is_dir():
            paths.extend(sorted(item.glob("*.json")))
        else:
            paths.append(item)
    return paths
