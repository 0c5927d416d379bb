"""Autosaves per game, the last few kept, and which save "Continue" opens.

Each game gets its own autosave file, ``autosave.<game id>.json`` in the saves folder, rewritten
after every action (a save is a replay log: the seed and the actions, so a mid-turn save brings back
the answered cards and the actions taken). A new game never overwrites another game's autosave.
Only the :data:`KEEP_AUTOSAVES` newest autosaves are kept: enough for the games of a school day on a
shared laptop (one per class period), few enough that the load screen stays one screen long. Named
saves are never pruned.

The dot in the name keeps autosaves apart from named slots: :func:`~game.saves.store.slot_path`
turns every dot of a player's name into a dash, so no named save can be taken for an autosave.

Example::

    >>> new_game_id("cn_lab", 7, "2026-03-02T09:15:04")
    'cn_lab-7-20260302-091504000'
    >>> autosave_file("cn_lab-7-20260302-091504", Path("saves")).name
    'autosave.cn_lab-7-20260302-091504.json'
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from game.content.models import Content
from game.saves.atomic import is_temporary
from game.saves.store import AUTOSAVE_PREFIX, SaveInfo, is_autosave, list_saves, saves_dir

#: How many autosaves are kept (newest first): one per class period of a school day on a shared laptop.
KEEP_AUTOSAVES = 6


def new_game_id(scenario: str, seed: int, now: str | None = None) -> str:
    """A name for a new game's autosave: scenario, seed and the local time it started
    (``now`` as an ISO time, for tests; the wall clock otherwise — the UI's clock, never the engine's)."""
    moment = datetime.fromisoformat(now) if now else datetime.now()
    safe = re.sub(r"[^\w-]+", "-", f"{scenario}-{seed}")
    return f"{safe}-{moment:%Y%m%d-%H%M%S}{moment.microsecond // 1000:03d}"  # two games a second apart differ


def autosave_file(game_id: str, folder: Path | None = None) -> Path:
    """The autosave file of the game ``game_id``."""
    safe = re.sub(r"[^\w-]+", "-", game_id).strip("-") or "game"
    return (folder or saves_dir()) / f"{AUTOSAVE_PREFIX}{safe}.json"


def prune_autosaves(keep: int = KEEP_AUTOSAVES, folder: Path | None = None, spare: Path | None = None) -> list[Path]:
    """Delete all but the ``keep`` newest autosaves (never ``spare``, the game being played);
    returns the files deleted. A file that cannot be deleted is left for next time."""
    folder = folder or saves_dir()
    autos = [p for p in folder.glob("*.json") if p.is_file() and is_autosave(p) and not is_temporary(p)]
    autos.sort(key=lambda p: (-_mtime(p), p.name))
    gone = []
    for path in autos[keep:]:
        if spare is not None and path == spare:
            continue
        try:
            path.unlink()
            gone.append(path)
        except OSError:
            pass
    return gone


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def resumable(folder: Path | None = None, content: Content | None = None) -> SaveInfo | None:
    """The save "Continue" opens: the newest readable save (named or autosave) of a game not over,
    on content it fits; ``None`` when there is none."""
    for info in list_saves(folder, content):
        if info.ok and not info.over and not info.crash:
            return info
    return None
