"""Every key of the game and its one meaning, in one table: the help screen shows it, the tests check
that no screen binds a key the window keeps for itself.

Keys the window handles before any screen (:data:`WINDOW_KEYS`) mean the same thing everywhere; a
screen's own letters mean one thing on that screen (the dashboard's come from its action groups).

Example::

    >>> [k for k, _ in KEYS][:3]
    ['enter', 'space', 'esc']
"""

from __future__ import annotations

import pygame

from game.i18n import Strings
from game.ui.view import GROUPS

#: Keys the app handles itself, on every screen: F1 help, F5 reload content (mods), F11 full screen.
WINDOW_KEYS = frozenset({pygame.K_F1, pygame.K_F5, pygame.K_F11})

#: (key, string key of its meaning), in the order the help screen lists them. A key's name is
#: ``ui.keys.<key>`` (translated: "Entrée", "Échap"), its meaning ``ui.keys.<key>_does``.
KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "ui.keys.enter_does"), ("space", "ui.keys.space_does"), ("esc", "ui.keys.esc_does"),
    ("tab", "ui.keys.tab_does"), ("digits", "ui.keys.digits_does"), ("n", "ui.keys.n_does"),
    ("dashboard", "ui.keys.dashboard_does"), ("f1", "ui.keys.f1_does"), ("f5", "ui.keys.f5_does"),
    ("f11", "ui.keys.f11_does"),
)

#: The dashboard's own letters besides its actions: end the turn, save, the map, the race chart.
DASHBOARD_EXTRA = (("E", "ui.end_turn"), ("S", "ui.dash.save"), ("W", "ui.map.button"), ("V", "ui.race.button"))


def key_table(s: Strings) -> list[tuple[str, str]]:
    """(key as shown, what it does) for the help screen, in the player's language."""
    rows = []
    for name, does in KEYS:
        if name == "dashboard":
            letters = [f"{key} {s.t(f'ui.act.{gid}')}" for gid, _, key in GROUPS]
            letters += [f"{key} {s.t(text)}" for key, text in DASHBOARD_EXTRA]
            rows.append((s.t("ui.keys.dashboard"), s.t(does, letters=" · ".join(letters))))
        else:
            rows.append((s.t(f"ui.keys.{name}"), s.t(does)))
    return rows
