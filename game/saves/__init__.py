"""Saves, replays and crash reports: a class never loses a game.

Example::

    >>> from game.saves import save_game, load_save, autosave_path      # doctest: +SKIP
    >>> save_game(autosave_path(), game, state, actions)                # doctest: +SKIP
    >>> loaded = load_save(autosave_path())                             # doctest: +SKIP
    >>> loaded.game, loaded.state, loaded.actions, loaded.meta          # doctest: +SKIP
"""

from game.saves.autosave import Autosaver
from game.saves.document import FORMAT_VERSION, CrashInfo, SaveDocument
from game.saves.errors import SaveError, SaveWarning
from game.saves.store import (
    LoadedSave,
    SaveInfo,
    autosave_path,
    crashes_dir,
    data_dir,
    inspect_save,
    is_autosave,
    list_saves,
    load_save,
    save_game,
    saves_dir,
    slot_path,
    write_crash_report,
)

__all__ = [
    "FORMAT_VERSION", "Autosaver", "CrashInfo", "LoadedSave", "SaveDocument", "SaveError", "SaveInfo", "SaveWarning",
    "autosave_path", "crashes_dir", "data_dir", "inspect_save", "is_autosave", "list_saves", "load_save", "save_game",
    "saves_dir", "slot_path", "write_crash_report",
]
