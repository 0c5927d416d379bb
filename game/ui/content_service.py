"""The content the window plays, owned by the app: loaded on first use, reloaded from disk on demand.

Mods are opt-in in the window: a mod in the game's ``mods/`` or the player's mods folder
(:func:`game.content.sources.installed_roots`) is loaded only once the player switches it on (the Mods screen;
the choice is kept in the user config folder), so a class plays the shipped history unless the
teacher decides otherwise. :meth:`ContentService.reload` (F5, or switching a mod) reads the content
again; during a game the reload is refused, with the reasons, when the new content lacks something
the game refers to (:func:`game.content.reload.reload_blockers`). Messages come back in the
player's language; the caller decides where to show them.

Example::

    >>> service = ContentService()
    >>> "cn_lab" in service.content.scenarios             # doctest: +SKIP
    True
    >>> service.reload(strings("en"), session=None)       # doctest: +SKIP
    (True, 'Content reloaded: 0 mod(s) loaded.')
"""

from __future__ import annotations

import dataclasses
import json

from game.content.loader import ContentError, load_content
from game.content.models import Content
from game.content.mods import installed_mods, load_content_with_mods
from game.content.reload import Reason, reload_blockers
from game.content.sources import installed_roots
from game.engine.game import Game
from game.i18n import Strings
from game.ui.session import Session
from game.ui.settings import config_dir

PREFS_FILE = "mods.json"


def load_enabled() -> set[str]:
    """The mods the player switched on (none when the file is missing or unreadable)."""
    try:
        data = json.loads((config_dir() / PREFS_FILE).read_text(encoding="utf-8"))
        return {str(x) for x in data.get("enabled", [])}
    except (OSError, ValueError, AttributeError):
        return set()


def save_enabled(enabled: set[str]) -> None:
    """Remember the mods switched on (for this run only when the profile is read-only)."""
    try:
        config_dir().mkdir(parents=True, exist_ok=True)
        (config_dir() / PREFS_FILE).write_text(json.dumps({"enabled": sorted(enabled)}), encoding="utf-8")
    except OSError:
        pass  # a read-only profile: the choice lasts for this run only


def startup_content() -> Content:
    """Shipped content plus the mods the player switched on."""
    enabled = load_enabled()
    if not enabled:  # the usual case: the cached shipped content, with the list of installed mods
        return dataclasses.replace(load_content(), mods=installed_mods(installed_roots()))
    return load_content_with_mods(installed_roots(), enabled=enabled)


def reason_text(s: Strings, reason: Reason) -> str:
    """A reload blocker in words; a parameter starting with ``@`` is itself a string key."""
    key, params = reason
    return s.t(key, **{k: s.t(v[1:]) if v.startswith("@") else v for k, v in params.items()})


class ContentService:
    """Loads the content once, hands it to the scenes, and reloads it when asked."""

    def __init__(self, content: Content | None = None):
        self._content = content

    @property
    def content(self) -> Content:
        """The content in play (loaded now if it was not yet: shipped content + switched-on mods)."""
        if self._content is None:
            self._content = startup_content()
        return self._content

    def reload(self, s: Strings, session: Session | None) -> tuple[bool, str]:
        """Read the content from disk again; a running ``session`` is moved to it when nothing it
        uses is gone. Returns (reloaded, what to tell the player)."""
        try:
            content = load_content_with_mods(installed_roots(), enabled=load_enabled())
        except ContentError:
            return False, s.t("mods.screen.reload_refused", reason=s.t("mods.screen.reload_broken"))
        if session is not None:
            reasons = reload_blockers(content, session.state)
            if reasons:
                return False, s.t("mods.screen.reload_refused", reason="; ".join(reason_text(s, r) for r in reasons))
            session.game = Game.for_state(content, session.state)
        self._content = content
        return True, s.t("mods.screen.reloaded", mods=sum(1 for m in content.mods if m.enabled))

    def switch_mod(self, s: Strings, session: Session | None, ident: str) -> tuple[bool, str]:
        """Switch a mod on or off and reload; the choice is undone when the reload is refused."""
        enabled = load_enabled() ^ {ident}
        save_enabled(enabled)
        ok, message = self.reload(s, session)
        if not ok:  # the running game cannot take the change: undo the choice
            save_enabled(enabled ^ {ident})
        return ok, message
