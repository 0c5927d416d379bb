"""Saving, loading, crash reports and result export for the window.

Saves go through ``game.saves`` (save_game, load_save, autosave_path, list_saves,
write_crash_report) when that package is present; without it the window still plays, and these
functions report that saving is unavailable instead of failing.

Example::

    >>> result_file_name({"scenario": "cn_lab", "seed": 7, "nickname": "Ada L."})
    'chip-race-cn_lab-7-ada-l.json'
"""

from __future__ import annotations

import json
import os
import re
import traceback
from pathlib import Path
from typing import Any

from game.ui.session import Session


class PersistError(Exception):
    """Saving or loading failed; the message is for people."""


def _saves() -> Any:
    try:
        import game.saves as saves
    except ImportError:
        return None
    return saves


def available() -> bool:
    return _saves() is not None


def autosave(session: Session) -> Path | None:
    """Save to the autosave slot (after every turn); None when saving is unavailable."""
    saves = _saves()
    if saves is None:
        return None
    path = Path(saves.autosave_path())
    saves.save_game(path, session.game, session.state, session.actions, meta={"humans": session.humans})
    return path


def save_to(session: Session, name: str) -> Path:
    saves = _saves()
    if saves is None:
        raise PersistError("saving is not available in this build")
    slug = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "game"
    path = Path(saves.saves_dir()) / f"{slug}.json"
    saves.save_game(path, session.game, session.state, session.actions,
                    meta={"humans": session.humans, "name": name})
    return path


def load_from(path: Path) -> Session:
    """A session for a save file; ``PersistError`` with the loader's message when it cannot be read."""
    saves = _saves()
    if saves is None:
        raise PersistError("saving is not available in this build")
    try:
        loaded = saves.load_save(Path(path))
    except saves.SaveError as exc:
        raise PersistError(str(exc)) from None
    meta = getattr(loaded, "meta", None) or {}
    humans = meta.get("humans") if isinstance(meta, dict) else None
    return Session(loaded.game, loaded.state, list(humans or loaded.state.seats), loaded.actions)


def latest_autosave() -> Path | None:
    saves = _saves()
    if saves is None:
        return None
    path = Path(saves.autosave_path())
    return path if path.exists() else None


def list_save_files() -> list[Path]:
    saves = _saves()
    if saves is None:
        return []
    found = []
    for item in saves.list_saves():
        path = item if isinstance(item, (str, os.PathLike)) else getattr(item, "path", None)
        if path is not None:
            found.append(Path(path))
    return found


def crash_report(session: Session | None, exc: BaseException, folder: Path) -> Path:
    """Write what is needed to replay the crash (seed, options, action log, traceback)."""
    saves = _saves()
    if saves is not None and session is not None and hasattr(saves, "write_crash_report"):
        try:
            return Path(saves.write_crash_report(session.game, session.state, session.actions, exc))
        except Exception:
            pass
    folder.mkdir(parents=True, exist_ok=True)
    n = len(list(folder.glob("crash-*.json"))) + 1
    path = folder / f"crash-{n:03d}.json"
    report: dict[str, Any] = {"error": repr(exc), "traceback": traceback.format_exception(exc)}
    if session is not None:
        state = session.state
        report.update(scenario=state.scenario, seed=state.seed, options=state.options, seats=state.seats,
                      humans=session.humans, actions=session.actions)
    path.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return path


def result_file_name(result: dict[str, Any]) -> str:
    nick = re.sub(r"[^a-z0-9]+", "-", str(result.get("nickname") or "").lower()).strip("-")
    parts = ["chip-race", str(result["scenario"]), str(result["seed"])] + ([nick] if nick else [])
    return "-".join(parts) + ".json"


def results_dir() -> Path:
    """Where exported results go: ``CHIP_RACE_RESULTS_DIR`` or Documents/Chip Race results."""
    override = os.environ.get("CHIP_RACE_RESULTS_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Chip Race results"


def export_result(session: Session, lang: str) -> Path:
    """Write the result document (same format as ``run --json``) and return its path."""
    from game.results import build_result

    result = build_result(session.game, session.state, session.actions, session.policies, lang,
                          nickname=session.nickname or None)
    folder = results_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / result_file_name(result)
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        raise PersistError(f"could not write to {folder}: {exc.strerror}") from None
    return path


def export_debrief(session: Session, result_path: Path, lang: str) -> Path:
    """Write the HTML debrief of the game next to its exported result (same name, ``.html``).

    Example::

        >>> export_debrief(session, Path("chip-race-cn_lab-7.json"), "fr")   # doctest: +SKIP
        PosixPath('chip-race-cn_lab-7.html')
    """
    from game.report.debrief import write_debrief
    from game.results import build_result

    result = build_result(session.game, session.state, session.actions, session.policies, lang,
                          nickname=session.nickname or None)
    path = result_path.with_suffix(".html")
    try:
        return write_debrief(result, path, lang)
    except OSError as exc:
        raise PersistError(f"could not write {path.name}: {exc.strerror}") from None
    except ValueError as exc:  # the report's ResultError (a document it cannot read): keyed text
        from game.i18n import strings

        key = getattr(exc, "key", None)
        message = strings(lang).t(key, **getattr(exc, "params", {})) if key else str(exc)
        raise PersistError(message) from None
