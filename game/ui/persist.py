"""Saving, loading, crash reports and result export for the window.

Saves go through ``game.saves`` (save_game, load_save, slot_path, autosave_path, list_saves,
write_crash_report); this module only adapts them to the window's ``Session``.

Example::

    >>> result_file_name({"scenario": "cn_lab", "seed": 7, "nickname": "Léa L.", "state_hash": "3fa2b1c9e0"})
    'chip-race-cn_lab-7-léa-l-3fa2b1c9.json'
"""

from __future__ import annotations

import json
import os
import traceback
import webbrowser
from pathlib import Path
from typing import Any

import platformdirs

from game import saves
from game.i18n import strings
from game.resultfiles import FolderError, write_into
from game.results import build_result, result_file_name  # unique per student and game, accents kept
from game.saves import shelf
from game.ui.session import Session


class PersistError(Exception):
    """Saving or loading failed; the message is for people."""


def session_meta(session: Session) -> dict[str, Any]:
    """What a save keeps besides the replay log: who plays, which game it is, and the window's memory
    of what each player has already seen (cards read, front pages, the turn summary, the hot-seat
    hand-over), so a game resumed mid-turn does not show an answered card or a read summary again."""
    return {"humans": session.humans, "game_id": session.game_id, "nickname": session.nickname,
            "shown_cards": sorted([turn, event, side] for turn, event, side in session.shown_cards),
            "front_pages": sorted([turn, side] for turn, side in session.front_pages),
            "shown_to": session.shown_to, "seen": session.seen}


def _restore_memory(session: Session, meta: dict[str, Any]) -> None:
    """Put back what :func:`session_meta` kept; anything missing or malformed is simply not restored
    (an older save shows this turn's news again, as it always did)."""
    try:
        session.shown_cards = {(int(t), str(e), s if s is None else str(s)) for t, e, s in meta.get("shown_cards", [])}
        session.front_pages = {(int(t), str(s)) for t, s in meta.get("front_pages", [])}
        seen = meta.get("seen")
        if isinstance(seen, dict):
            session.seen.update({side: snap for side, snap in seen.items() if side in session.seen
                                 and isinstance(snap, dict) and "turn" in snap and "lab" in snap})
        if meta.get("shown_to") in session.humans:
            session.shown_to = meta["shown_to"]
    except (TypeError, ValueError):
        pass


def autosave(session: Session) -> Path:
    """Save to this game's own autosave (after every action) and drop the oldest autosaves."""
    path = shelf.autosave_file(session.game_id)
    saves.save_game(path, session.game, session.state, session.actions, meta=session_meta(session))
    shelf.prune_autosaves(spare=path)
    return path


def save_to(session: Session, name: str) -> Path:
    """Save to the slot called ``name`` (see :func:`game.saves.slot_path`); the name goes in the meta."""
    path = saves.slot_path(name)
    saves.save_game(path, session.game, session.state, session.actions, meta={**session_meta(session), "name": name})
    return path


def load_from(path: Path) -> Session:
    """A session for a save file, where the player was; ``PersistError`` with the loader's message
    when it cannot be read. The game keeps its autosave (``game_id``) when the save names one."""
    try:
        loaded = saves.load_save(Path(path))
    except saves.SaveError as exc:
        raise PersistError(str(exc)) from None
    meta = loaded.meta if isinstance(loaded.meta, dict) else {}
    humans = meta.get("humans")
    game_id = meta.get("game_id") if isinstance(meta.get("game_id"), str) else ""
    nickname = meta.get("nickname") if isinstance(meta.get("nickname"), str) else ""
    session = Session(loaded.game, loaded.state, list(humans or loaded.state.seats), loaded.actions,
                      nickname=nickname, game_id=game_id)
    _restore_memory(session, meta)
    return session


def latest_save() -> Path | None:
    """The save "Continue" opens: the newest named save or autosave of an unfinished game."""
    info = shelf.resumable()
    return info.path if info is not None else None


def list_save_files() -> list[Path]:
    return [item.path for item in saves.list_saves()]


def crash_report(session: Session | None, exc: BaseException) -> Path:
    """Write what is needed to replay the crash (seed, options, action log, traceback).

    A crash in a game is a save with a ``crash`` section (:func:`game.saves.write_crash_report`); one
    outside a game, or one the saves module cannot write, gets a plain report in the same folder.
    """
    if session is not None:
        try:
            return saves.write_crash_report(session.game, session.state, session.actions, exc)
        except Exception:  # the report of a crash must not crash: fall back to the plain one
            pass
    folder = saves.crashes_dir()
    n = len(list(folder.glob("crash-*.json"))) + 1
    path = folder / f"crash-{n:03d}.json"
    report: dict[str, Any] = {"error": repr(exc), "traceback": traceback.format_exception(exc)}
    if session is not None:
        state = session.state
        report.update(scenario=state.scenario, seed=state.seed, options=state.options, seats=state.seats,
                      humans=session.humans, actions=[entry.to_json() for entry in session.actions])
    path.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return path


def results_dir() -> Path:
    """Where exported results go: ``CHIP_RACE_RESULTS_DIR`` or Documents/Chip Race results."""
    override = os.environ.get("CHIP_RACE_RESULTS_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_documents_dir()) / "Chip Race results"


def export_result(session: Session, lang: str) -> Path:
    """Write the result document (same format as ``run --json``) and return its path."""
    result = build_result(session.game, session.state, session.actions, session.policies, lang,
                          nickname=session.nickname or None)
    try:  # atomic, and a read-only or full disk is said in the player's language
        return write_into(results_dir(), result_file_name(result),
                          json.dumps(result, indent=2, ensure_ascii=False).encode())
    except FolderError as exc:
        raise PersistError(exc.message(lang)) from None


def export_debrief(session: Session, result_path: Path, lang: str) -> Path:
    """Write the HTML debrief of the game next to its exported result (same name, ``.html``).

    Example::

        >>> export_debrief(session, Path("chip-race-cn_lab-7.json"), "fr")   # doctest: +SKIP
        PosixPath('chip-race-cn_lab-7.html')
    """
    # The report package takes about a second to import and only this rarely used button needs it.
    from game.report.debrief import write_debrief

    result = build_result(session.game, session.state, session.actions, session.policies, lang,
                          nickname=session.nickname or None)
    path = result_path.with_suffix(".html")
    try:
        return write_debrief(result, path, lang)
    except OSError as exc:
        raise PersistError(f"could not write {path.name}: {exc.strerror}") from None
    except ValueError as exc:  # the report's ResultError (a document it cannot read): keyed text
        key = getattr(exc, "key", None)
        message = strings(lang).t(key, **getattr(exc, "params", {})) if key else str(exc)
        raise PersistError(message) from None


def open_in_browser(path: Path) -> bool:
    """Open a written document (debrief, class report) in the web browser; ``False`` where that cannot
    be done (no browser, no display): the caller then shows the file's path instead."""
    try:
        return bool(webbrowser.open(path.resolve().as_uri()))
    except Exception:  # whatever the platform's browser launcher raises, the path is still on screen
        return False
