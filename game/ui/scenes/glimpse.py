"""The chip map shown for a moment over the turn summary when a flow changed (chips bought or
delivered, a ban announced or in force): the picture of the whole screen, then the summary under it.
Any input ends it at once (and still reaches the summary), so it never stands in the way."""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.mapdata import flow_changed
from game.ui.scenes.chipmap import MapScene

#: How long the map stays over the summary, seconds.
SECONDS = 1.6


class MapGlimpse:
    """Held by the turn summary: ``update`` while it shows, ``draw`` over the summary's widgets."""

    def __init__(self, app: Any, notes: list[Any]):
        self.app = app
        self.left = SECONDS if flow_changed(notes) else 0.0
        self.picture: pygame.Surface | None = None

    @property
    def showing(self) -> bool:
        return self.left > 0

    def update(self, dt: float) -> bool:
        """Count down; True while the map shows (the loop keeps drawing until it goes)."""
        if not self.showing:
            return False
        self.left = max(0.0, self.left - dt)
        if not self.showing:
            self.app.touch()
        return True

    def handle_event(self, event: pygame.event.Event) -> None:
        if self.showing and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.left = 0.0
            self.app.touch()

    def draw(self, surface: pygame.Surface) -> None:
        if not self.showing:
            return
        if self.picture is None:
            scene = MapScene(self.app)
            scene.tween.finish()
            self.picture = pygame.Surface(surface.get_size())
            self.picture.fill((247, 245, 240))
            scene.paint(self.picture)
        surface.blit(self.picture, (0, 0))
