"""The Mods screen: installed mods, switched on or off, loaded or disabled with their problems; F5 reload.

Mods are opt-in: a mod in ``mods/`` is loaded only once the player switches it on here (the choice
is kept in the user config folder), so that a class plays the shipped history unless the teacher
decides otherwise. F5, on this screen or during a game, reloads the content from disk: modders
see their edits at once. During a game the reload is refused, with the reasons, when the new
content lacks something the game refers to (:func:`game.content.reload.reload_blockers`).
"""

from __future__ import annotations

import dataclasses
import json
from html import escape
from typing import Any

import pygame

from game.content.loader import Content, ContentError, load_content
from game.content.mods import MODS_DIR, ModInfo, installed_mods, load_content_with_mods
from game.content.reload import Reason, reload_blockers
from game.ui import theme
from game.ui.scene import Scene, panel
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
    try:
        config_dir().mkdir(parents=True, exist_ok=True)
        (config_dir() / PREFS_FILE).write_text(json.dumps({"enabled": sorted(enabled)}), encoding="utf-8")
    except OSError:
        pass  # a read-only profile: the choice lasts for this run only


def startup_content() -> Content:
    """The content the window plays: shipped content plus the mods the player switched on."""
    enabled = load_enabled()
    if not enabled:  # the usual case: the cached shipped content, with the list of installed mods
        return dataclasses.replace(load_content(), mods=installed_mods(MODS_DIR))
    return load_content_with_mods(MODS_DIR, enabled=enabled)


def _reason_text(app: Any, reason: Reason) -> str:
    key, params = reason
    t = app.strings.t
    return t(key, **{k: t(v[1:]) if v.startswith("@") else v for k, v in params.items()})


def reload_content(app: Any) -> tuple[bool, str]:
    """Reload content from disk for the window (and the running game, when nothing it uses is gone)."""
    t = app.strings.t
    try:
        content = load_content_with_mods(MODS_DIR, enabled=load_enabled())
    except ContentError:
        return False, t("mods.screen.reload_refused", reason=t("mods.screen.reload_broken"))
    session = getattr(app, "session", None)
    if session is not None:
        reasons = reload_blockers(content, session.state)
        if reasons:
            return False, t("mods.screen.reload_refused", reason="; ".join(_reason_text(app, r) for r in reasons))
        from game.engine.game import Game

        session.game = Game.for_state(content, session.state)
    app._content = content
    return True, t("mods.screen.reloaded", mods=sum(1 for m in content.mods if m.enabled))


def reload_and_tell(app: Any) -> None:
    """F5 anywhere: reload, then say what happened (on the Mods screen, in its status line)."""
    _ok, message = reload_content(app)
    top = app.top
    if isinstance(top, ModsScene):
        top.status = message
        app.rebuild()
        return
    from game.ui.scenes.crash import MessageScene

    app.push(MessageScene(app, app.strings.t("mods.screen.title"), escape(message)))


class ModsScene(Scene):
    screen_id = "mods"

    def __init__(self, app: Any):
        super().__init__(app)
        self.selected: str | None = None
        self.status = ""

    def mods(self) -> list[ModInfo]:
        return list(getattr(self.app.content, "mods", ()))

    def build(self) -> None:
        self.label((40, 24, 1200, 44), self.t("mods.screen.title"), "#title")
        mods = self.mods()
        if self.selected not in {m.id for m in mods}:
            self.selected = mods[0].id if mods else None
        y = 90
        for info in mods:
            state = self._state_word(info)
            btn = self.button((40, y, 420, 44), f"{info.manifest.name if info.manifest else info.folder} — {state}",
                              lambda i=info.id: self._select(i), object_id="#toggle")
            if info.id == self.selected:
                btn.select()
            y += 52
        if not mods:
            self.textbox((40, 90, 420, 120), escape(self.t("mods.screen.empty", folder="mods/")))
        chosen = next((m for m in mods if m.id == self.selected), None)
        self.textbox((490, 90, 750, 470), self._details(chosen) if chosen else "")
        x = 490
        if chosen is not None and chosen.manifest is not None:
            on = chosen.id in load_enabled()
            self.button((x, 580, 240, 48), self.t("mods.screen.switch_off" if on else "mods.screen.switch_on"),
                        lambda: self._toggle(chosen.id))
            x += 255
        self.button((x, 580, 240, 48), self.t("mods.screen.reload"), lambda: reload_and_tell(self.app),
                    self.t("ui.key_tip", k="F5"))
        self.button((40, 640, 200, 48), self.t("ui.back"), self.app.pop, self.t("ui.key_tip", k="Esc"))
        if self.status:
            self.label((260, 650, 980, 30), self.status, "#small")
        self.key(pygame.K_F5, lambda: reload_and_tell(self.app))

    def _state_word(self, info: ModInfo) -> str:
        if info.enabled:
            return self.t("mods.screen.enabled", position=(info.position or 0) + 1)
        if info.switched_off and not info.errors:
            return self.t("mods.screen.switched_off")
        return self.t("mods.screen.disabled")

    def _details(self, info: ModInfo) -> str:
        lang = self.lang
        parts = []
        if info.manifest is not None:
            man = info.manifest
            by = self.t("mods.screen.by", version=man.version, author=man.author)
            parts.append(f"<b>{escape(man.name)}</b><br>{escape(by)}")
            parts.append(escape(self.app.strings.pick(man.description)))
        parts.append(f"<b>{escape(self._state_word(info))}</b>")
        if info.problems:
            items = [f"• {escape(p.text(lang))}<br><i>{escape(p.file)}, {self.t('mods.screen.line', line=p.line)}</i>"
                     for p in info.problems]
            parts.append("<br>".join(items))
        elif not info.switched_off:
            parts.append(escape(self.t("mods.screen.no_problems")))
        return "<br><br>".join(parts)

    def _select(self, ident: str) -> None:
        self.selected = ident
        self.app.rebuild()

    def _toggle(self, ident: str) -> None:
        enabled = load_enabled()
        enabled ^= {ident}
        save_enabled(enabled)
        ok, message = reload_content(self.app)
        self.status = message
        if not ok:  # the running game cannot take the change: undo the choice
            save_enabled(enabled ^ {ident})
        self.app.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        panel(surface, (480, 82, 770, 486))
