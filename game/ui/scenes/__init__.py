"""The screens, and the registry of extra main-menu entries.

To add a screen to the main menu (the Mods screen does this), create a module here with a
``Scene`` subclass and list it in :data:`MENU_EXTRAS` as ``(string key, "module:Class")``. The menu
shows the entry only when the module can be imported, so an entry may name a screen that another
part of the game provides later. The string key is looked up in the UI string tables.

Example::

    >>> ("ui.menu.mods", "game.ui.scenes.mods:ModsScene") in MENU_EXTRAS
    True
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

#: Extra main-menu entries: (label key, "module:Class"). The class takes the app as its only argument.
MENU_EXTRAS: list[tuple[str, str]] = [
    ("ui.menu.mods", "game.ui.scenes.mods:ModsScene"),
    ("teacher.menu", "game.ui.scenes.teacher:TeacherScene"),
]


def load_extra(spec: str) -> Any:
    """The scene class named by ``"module:Class"``, or ``None`` when its module is not there."""
    module_name, _, class_name = spec.partition(":")
    try:
        if importlib.util.find_spec(module_name) is None:
            return None
        return getattr(importlib.import_module(module_name), class_name, None)
    except ImportError:
        return None
