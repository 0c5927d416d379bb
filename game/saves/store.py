"""Writing and reading save files (and crash reports), and where they live.

Content hash policy: a save records ``content.digest``. When the current content differs (the game or
a mod was updated since), :func:`load_save` still loads the game if the state fits the current content
(its scenario exists and one turn of the rules runs on it), adds a ``save.warn.content`` warning, and
the game goes on under the current rules; a save that does not fit is refused with a clear message.
``strict=True`` (used by ``replay`` and ``run --load``) refuses any other content, since an exact
replay needs the same rules.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> import tempfile, pathlib
    >>> game = Game(load_content(), "us_lab")
    >>> state = game.new_game(seed=3)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "slot1.json"
    >>> save_game(path, game, state, [], meta={"name": "Period 3"})
    >>> loaded = load_save(path)
    >>> loaded.state == state, loaded.meta["name"]
    (True, 'Period 3')
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs
from pydantic import ValidationError

from game import __version__
from game.content.loader import load_content
from game.content.models import Content
from game.engine.actions import Action, parse_action
from game.engine.canonical import canonical_json, state_hash, state_to_json
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.engine.state import GameState
from game.saves.atomic import atomic_write, is_temporary
from game.saves.document import (
    CRASH_FORMAT,
    FORMAT_VERSION,
    FORMATS,
    SAVE_FORMAT,
    CrashInfo,
    SaveDocument,
    checksum,
)
from game.saves.errors import SaveError, SaveWarning
from game.saves.fit import misfit
from game.saves.migrate import migrate, version_of
from game.saves.replaylog import finish_like, replay_log

APP_NAME = "chip-race"
#: A save holds a state and a log of a few hundred actions: far below this.
MAX_SAVE_BYTES = 32 * 1024 * 1024
AUTOSAVE_NAME = "autosave.json"
#: Each game's own autosave is ``autosave.<game id>.json`` (see game.saves.shelf); named slots never
#: contain a dot, so they are never taken for one.
AUTOSAVE_PREFIX = "autosave."


# ---------------------------------------------------------------- where saves live

def data_dir() -> Path:
    """The platform's user data folder for the game (created on demand).

    ``CHIP_RACE_DATA`` overrides it (tests, portable installs on a USB stick).
    """
    override = os.environ.get("CHIP_RACE_DATA")
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def saves_dir() -> Path:
    """The folder of save slots: ``<user data>/saves``.

    Example::

        >>> saves_dir().name
        'saves'
    """
    return _subfolder("saves")


def crashes_dir() -> Path:
    """The folder of crash reports: ``<user data>/crashes``."""
    return _subfolder("crashes")


def _subfolder(name: str) -> Path:
    folder = data_dir() / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def autosave_path() -> Path:
    """The autosave slot, rewritten after every turn.

    Example::

        >>> autosave_path().name
        'autosave.json'
    """
    return saves_dir() / AUTOSAVE_NAME


_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slot_path(name: str, folder: Path | None = None) -> Path:
    """The file of a named save slot: the name made safe for every file system (the name itself
    goes in ``meta["name"]``, which listings show).

    Example::

        >>> slot_path("Période 3 / groupe B").name
        'Période-3-groupe-B.json'
        >>> slot_path("autosave").name, slot_path("../..").name
        ('autosave-slot.json', 'save.json')
    """
    stem = re.sub(r"[^\w-]+", "-", name).strip("-._")[:48] or "save"
    if stem.lower() in _WINDOWS_RESERVED or f"{stem}.json" == AUTOSAVE_NAME:
        stem += "-slot"
    return (folder or saves_dir()) / f"{stem}.json"


def is_autosave(path: Path) -> bool:
    """True for an autosave: a game's own (``autosave.<game id>.json``) or the single slot of older
    versions (``autosave.json``).

    Example::

        >>> is_autosave(Path("autosave.cn_lab-7-20260302-091504.json")), is_autosave(Path("autosave-slot.json"))
        (True, False)
    """
    return path.name == AUTOSAVE_NAME or (path.name.startswith(AUTOSAVE_PREFIX) and path.suffix == ".json")


# ---------------------------------------------------------------- writing

def _entries(actions: Iterable[LogEntry | dict[str, Any]]) -> list[LogEntry]:
    """The log as :class:`LogEntry` records (a caller may still hand over their JSON form)."""
    return [entry if isinstance(entry, LogEntry) else LogEntry.from_json(entry) for entry in actions]


def build_document(game: Game, state: GameState, actions: Iterable[LogEntry | dict[str, Any]],
                   meta: dict[str, Any] | None = None, crash: CrashInfo | None = None) -> dict[str, Any]:
    """The JSON document :func:`save_game` writes (checksum included)."""
    if state.scenario != game.scenario.id:
        raise ValueError(f"the state is a '{state.scenario}' game, not '{game.scenario.id}'")
    entries = _entries(actions)
    log = [entry.to_json() for entry in entries]
    saved = state_to_json(state)
    current = state_hash(state)
    # The per-turn hashes come from re-playing the log: replay can then name the first turn that
    # differs. A log that does not reproduce the state is still saved (never lose a game), flagged.
    try:
        run = replay_log(game, state.seed, list(state.seats), entries)
        hashes = run.turn_hashes[: state.turn + 1]
        verified = run.failure is None and run.done == len(log)
        if verified:
            verified = state_hash(finish_like(game, run.state, state)) == current
    except Exception:  # an engine failure on replay (a crash report's very subject): save all the same
        hashes, verified = [], False
    doc = {
        "format": CRASH_FORMAT if crash else SAVE_FORMAT, "format_version": FORMAT_VERSION,
        "game_version": __version__, "numpy_version": np.__version__,
        "scenario": state.scenario, "content_digest": game.content.digest,
        "options": dict(state.options), "seed": state.seed, "seats": list(state.seats),
        "turn": state.turn, "date": state.date, "actions": log,
        "turn_hashes": hashes, "replay_verified": verified,
        "state_hash": current, "state": saved, "meta": _with_mods(game, meta),
        "crash": crash.model_dump(mode="json") if crash else None,
    }
    doc["checksum"] = checksum(doc)  # also proves the document is plain JSON (TypeError otherwise)
    return doc


def _with_mods(game: Game, meta: dict[str, Any] | None) -> dict[str, Any]:
    """``meta`` with the mods the game is played with (id, version, digest), when there are any:
    ``replay`` names those missing when the save is opened without them."""
    out = dict(meta or {})
    mods = [info.record() for info in game.content.mods if getattr(info, "enabled", False)]
    if mods:
        out["mods"] = mods
    return out


def save_game(path: Path | str, game: Game, state: GameState, actions: Iterable[LogEntry | dict[str, Any]],
              meta: dict[str, Any] | None = None) -> None:
    """Write a save atomically (a kill leaves the old save or the new one, never a broken file).

    ``actions`` is the log from the start (``Match.log``: :class:`LogEntry` records or their JSON);
    ``meta`` holds anything JSON the UI wants back (slot name, nickname, policies). Raises
    :class:`SaveError` when the file cannot be written (disk full, no permission…).

    Example::

        >>> save_game(autosave_path(), game, played.state, played.log)  # doctest: +SKIP
    """
    path = Path(path)
    data = (canonical_json(build_document(game, state, actions, meta)) + "\n").encode()
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise SaveError("save.error.write", file=path.name, reason=exc.strerror or str(exc)) from None


def write_crash_report(game: Game, state: GameState, actions: Sequence[LogEntry | dict[str, Any]], exc: BaseException,
                       action: Action | dict[str, Any] | None = None, where: str = "",
                       folder: Path | None = None) -> Path:
    """Write what is needed to replay a game up to a crash; returns the report's path.

    ``state`` and ``actions`` are the last good state and its log; ``action`` the one being applied
    when ``exc`` was raised, if any. The report is a save (``load_save`` opens it, so the game can go
    on) with a ``crash`` section; ``python main.py replay REPORT`` re-plays it and retries the action.

    Example::

        >>> try:
        ...     raise RuntimeError("boom")
        ... except RuntimeError as exc:
        ...     path = write_crash_report(game, state, log, exc)  # doctest: +SKIP
    """
    if isinstance(action, Action):
        action = action.to_json()
    info = CrashInfo(error=type(exc).__name__, message=str(exc)[:2000],
                     traceback=traceback.format_exception(exc)[-40:], action=action, where=where)
    folder = folder or crashes_dir()
    stem = f"crash-{state.scenario}-{state.seed}-t{state.turn + 1}-a{len(actions)}"
    path = folder / f"{stem}.json"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.json"
    doc = build_document(game, state, actions, crash=info)
    atomic_write(path, (canonical_json(doc) + "\n").encode())
    return path


# ---------------------------------------------------------------- reading

@dataclass
class LoadedSave:
    """A save read back: the game (on the current content) and where it stands."""

    path: Path
    game: Game
    state: GameState
    actions: list[LogEntry]
    meta: dict[str, Any]
    document: SaveDocument
    migrated_from: int | None = None        # the old format version it was upgraded from
    warnings: list[SaveWarning] = field(default_factory=list)

    @property
    def crash(self) -> CrashInfo | None:
        return self.document.crash

    @property
    def content_matches(self) -> bool:
        return self.document.content_digest == self.game.content.digest


def _read_json(path: Path) -> Any:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError("save.error.too_big", file=name, size=size)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SaveError("save.error.missing", file=name) from None
    except IsADirectoryError:
        raise SaveError("save.error.not_save", file=name) from None
    except OSError as exc:
        raise SaveError("save.error.unreadable", file=name, reason=exc.strerror or str(exc)) from None
    if not data.strip():
        raise SaveError("save.error.empty", file=name)

    def no_constants(token: str) -> Any:
        raise ValueError(f"{token} is not allowed")

    try:
        return json.loads(data.decode("utf-8"), parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise SaveError("save.error.not_json", file=name,
                        reason=f"{exc.msg}, line {exc.lineno} column {exc.colno}") from None
    except UnicodeDecodeError as exc:
        raise SaveError("save.error.not_json", file=name, reason=f"bad UTF-8 at byte {exc.start}") from None
    except (ValueError, RecursionError) as exc:  # NaN, absurd nesting, integers of thousands of digits
        raise SaveError("save.error.not_json", file=name, reason=str(exc)[:120]) from None


def _pydantic_problem(exc: ValidationError) -> tuple[str, str]:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "document"
    return where, first["msg"]


def _read_document(path: Path) -> tuple[SaveDocument, int | None]:
    """The validated document, and the old version it was migrated from (``None`` if current)."""
    name = path.name
    raw = _read_json(path)
    if not isinstance(raw, dict) or raw.get("format") not in FORMATS:
        raise SaveError("save.error.not_save", file=name)
    version = version_of(raw)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise SaveError("save.error.bad_version", file=name, version=str(version)[:20])
    if version > FORMAT_VERSION:
        raise SaveError("save.error.newer", file=name, version=version, supported=FORMAT_VERSION)
    if version >= 1:  # format 0 had no checksum
        stored = raw.get("checksum")
        try:
            good = isinstance(stored, str) and checksum(raw) == stored
        except (TypeError, ValueError, RecursionError):
            good = False
        if not good:
            raise SaveError("save.error.checksum", file=name)
        raw = {k: v for k, v in raw.items() if k != "checksum"}
    migrated_from = None
    if version < FORMAT_VERSION:
        try:
            raw = migrate(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            reason = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)[:120]
            raise SaveError("save.error.migrate", file=name, version=version, reason=reason) from None
        migrated_from = version
    try:
        return SaveDocument.model_validate(raw), migrated_from
    except ValidationError as exc:
        where, why = _pydantic_problem(exc)
        raise SaveError("save.error.invalid", file=name, field=where, reason=why) from None


def _stored_hash(state: dict[str, Any]) -> str:
    """SHA-256 of a stored state's canonical JSON (what ``state_hash`` gave when it was saved)."""
    return hashlib.sha256(canonical_json(state).encode()).hexdigest()


def _check_state(name: str, doc: SaveDocument, migrated: bool) -> tuple[GameState, list[LogEntry]]:
    try:
        state = GameState.model_validate(doc.state)
    except ValidationError as exc:
        where, why = _pydantic_problem(exc)
        raise SaveError("save.error.invalid", file=name, field=f"state.{where}", reason=why) from None
    for fld, header, inside in (("scenario", doc.scenario, state.scenario), ("seed", doc.seed, state.seed),
                                ("seats", doc.seats, state.seats), ("options", doc.options, state.options),
                                ("turn", doc.turn, state.turn), ("date", doc.date, state.date)):
        if header != inside:
            raise SaveError("save.error.inconsistent", file=name, field=fld,
                            header=canonical_json(header)[:60], state=canonical_json(inside)[:60])
    # The hash of the state as stored, not as loaded: a field added since (with its default) must not
    # make an intact old save look damaged.
    if not migrated and _stored_hash(doc.state) != doc.state_hash:
        raise SaveError("save.error.state_hash", file=name)
    actions = []
    for index, entry in enumerate(doc.actions):
        try:
            action = parse_action(entry.action)
        except ValidationError as exc:
            where, why = _pydantic_problem(exc)
            raise SaveError("save.error.invalid", file=name, field=f"actions.{index}.{where}", reason=why) from None
        actions.append(LogEntry(entry.turn, entry.side, action))
    return state, actions


def load_save(path: Path | str, content: Content | None = None, strict: bool = False) -> LoadedSave:
    """Read, check and open a save (or a crash report) on ``content`` (default: the shipped content).

    Raises :class:`SaveError` with a clear message for anything wrong: missing, empty, truncated,
    damaged, edited by hand, not a save, from a newer game, a scenario this game lacks, other content
    that the state does not fit (or any other content when ``strict``). Older formats are upgraded.

    Example::

        >>> loaded = load_save(autosave_path())             # doctest: +SKIP
        >>> loaded.game.legal_actions(loaded.state)[-1]     # doctest: +SKIP
        EndTurn(type='end_turn')
    """
    path = Path(path)
    name = path.name
    doc, migrated_from = _read_document(path)
    state, actions = _check_state(name, doc, migrated_from is not None)
    content = content or load_content()
    if state.scenario not in content.scenarios:
        raise SaveError("save.error.scenario", file=name, scenario=state.scenario)
    warnings: list[SaveWarning] = []
    same = doc.content_digest == content.digest
    if not same and strict:
        raise SaveError("save.error.content", file=name, saved=doc.content_digest, current=content.digest)
    try:
        game = Game.for_state(content, state)
    except (KeyError, ValueError) as exc:
        raise SaveError("save.error.misfit", file=name, saved=doc.content_digest, current=content.digest,
                        reason=str(exc)[:100]) from None
    if not same:
        reason = misfit(game, state)
        if reason is not None:
            raise SaveError("save.error.misfit", file=name, saved=doc.content_digest, current=content.digest,
                            reason=reason)
        warnings.append(SaveWarning("save.warn.content", file=name, saved=doc.content_digest,
                                    current=content.digest))
    if doc.game_version != __version__:
        warnings.append(SaveWarning("save.warn.game_version", file=name, saved=doc.game_version,
                                    current=__version__))
    if doc.numpy_version not in ("unknown", np.__version__):
        warnings.append(SaveWarning("save.warn.numpy", file=name, saved=doc.numpy_version, current=np.__version__))
    if len(actions) != state.actions_taken:
        warnings.append(SaveWarning("save.warn.log", file=name, logged=len(actions), taken=state.actions_taken))
    elif migrated_from is None and not doc.replay_verified:
        warnings.append(SaveWarning("save.warn.unverified", file=name))
    return LoadedSave(path=path, game=game, state=state, actions=actions, meta=dict(doc.meta), document=doc,
                      migrated_from=migrated_from, warnings=warnings)


# ---------------------------------------------------------------- listing

@dataclass
class SaveInfo:
    """One entry of :func:`list_saves`: enough to show a slot without building the game."""

    path: Path
    name: str                       # meta["name"] if the UI gave one, else the file name without .json
    ok: bool
    error: SaveError | None = None  # why a damaged save cannot be opened (show error.message(lang))
    scenario: str | None = None
    turn: int | None = None         # 0-based, as state.turn
    date: str | None = None
    seats: list[str] = field(default_factory=list)
    over: bool = False
    autosave: bool = False
    crash: bool = False
    content_matches: bool = True
    meta: dict[str, Any] = field(default_factory=dict)
    modified_ns: int = 0


def inspect_save(path: Path | str, content: Content | None = None) -> SaveInfo:
    """Read a save's header and check it (checksum, format, state) without building the game."""
    path = Path(path)
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        modified = 0
    info = SaveInfo(path=path, name=path.stem, ok=False, autosave=is_autosave(path),
                    modified_ns=modified)
    try:
        doc, migrated_from = _read_document(path)
        state, _ = _check_state(path.name, doc, migrated_from is not None)
    except SaveError as exc:
        info.error = exc
        return info
    content = content or load_content()
    info.ok = True
    info.name = str(doc.meta.get("name") or path.stem)
    info.scenario, info.turn, info.date, info.seats = doc.scenario, doc.turn, doc.date, list(doc.seats)
    info.over, info.crash, info.meta = state.over, doc.format == CRASH_FORMAT, dict(doc.meta)
    info.content_matches = doc.content_digest == content.digest
    return info


def list_saves(folder: Path | None = None, content: Content | None = None) -> list[SaveInfo]:
    """Every save in ``folder`` (default :func:`saves_dir`), newest first; damaged ones have
    ``ok=False`` and their ``error``, so the UI can show them and keep the others usable.

    Example::

        >>> [info.name for info in list_saves()]   # doctest: +SKIP
        ['autosave', 'Period 3']
    """
    folder = folder or saves_dir()
    paths = [p for p in folder.glob("*.json") if p.is_file() and not is_temporary(p)]
    infos = [inspect_save(p, content) for p in paths]
    infos.sort(key=lambda i: (-i.modified_ns, i.path.name))
    return infos
