"""Keyboard focus for pygame_gui widgets, which have no Tab order of their own.

A scene lists its focusable widgets in reading order; Tab / Shift+Tab and the arrow keys move the
focus, Enter or Space presses the focused button by posting the same ``UI_BUTTON_PRESSED`` event a
click posts (so keyboard and mouse take one path). The focused widget gets a thick black frame drawn
around it, visible without colour.

Example::

    >>> ring = FocusRing()
    >>> ring.items, ring.index
    ([], -1)
"""

from __future__ import annotations

from typing import Any

import pygame
import pygame_gui

FOCUS_WIDTH = 3


class FocusRing:
    """The focus order of one scene."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.index = -1

    def set(self, items: list[Any], keep: Any = None) -> None:
        """Replace the order; keep the focus on ``keep`` (or the first enabled item) when given."""
        self.items = list(items)
        self.index = -1
        if keep is not None and keep in self.items:
            self.index = self.items.index(keep)

    @property
    def current(self) -> Any:
        if 0 <= self.index < len(self.items):
            return self.items[self.index]
        return None

    def focus(self, item: Any) -> None:
        if item in self.items:
            self.index = self.items.index(item)

    def _usable(self, item: Any) -> bool:
        return item.alive() and item.visible and getattr(item, "is_enabled", True)

    def move(self, step: int) -> bool:
        """Move to the next usable item (wrapping); False when there is none."""
        n = len(self.items)
        if not n:
            return False
        i = self.index if self.index >= 0 else (-1 if step > 0 else 0)
        for _ in range(n):
            i = (i + step) % n
            if self._usable(self.items[i]):
                self.index = i
                scroll_into_view(self.items[i])
                return True
        return False

    def handle_key(self, event: Any) -> bool:
        """Tab/arrows move, Enter/Space press. True when the key was used."""
        key = event.key
        if key == pygame.K_TAB:
            return self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        if key in (pygame.K_DOWN, pygame.K_RIGHT):
            return self.move(1)
        if key in (pygame.K_UP, pygame.K_LEFT):
            return self.move(-1)
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            item = self.current
            if item is not None and self._usable(item) and isinstance(item, pygame_gui.elements.UIButton):
                press(item)
                return True
        return False

    def draw(self, surface: Any) -> None:
        item = self.current
        if item is not None and item.alive() and item.visible:
            pygame.draw.rect(surface, (0, 0, 0), item.rect.inflate(8, 8), FOCUS_WIDTH, border_radius=8)
            pygame.draw.rect(surface, (255, 255, 255), item.rect.inflate(2, 2), 1, border_radius=6)


#: Room left above or below a widget scrolled into view, pixels (its focus frame shows whole).
SCROLL_MARGIN = 8


def scrolling_box(item: Any) -> Any:
    """The scrolling container (``UIScrollingContainer``) whose content holds ``item``, or None (the link
    is set by :class:`game.ui.layout.Column`)."""
    return getattr(getattr(item, "ui_container", None), "scrolling_box", None)


def scroll_into_view(item: Any) -> bool:
    """Scroll the column holding ``item`` so that all of it shows (Tab onto a row out of sight, with large
    text or in French). True when it scrolled."""
    box = scrolling_box(item)
    bar = getattr(box, "vert_scroll_bar", None)
    if bar is None or not getattr(box, "vert_scroll_bar_active", False) or not box.scrolling_height:
        return False
    shown_from = -box.scrollable_container.relative_rect.y
    shown_height = box.rect.height
    top, bottom = item.relative_rect.top - SCROLL_MARGIN, item.relative_rect.bottom + SCROLL_MARGIN
    if top < shown_from:
        start = top
    elif bottom > shown_from + shown_height:
        start = bottom - shown_height
    else:
        return False
    bar.set_scroll_from_start_percentage(max(0, start) / box.scrolling_height)
    return True


def press(button: Any) -> None:
    """Post the event a mouse click on ``button`` posts."""
    pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, {
        "ui_element": button, "ui_object_id": button.most_specific_combined_id, "mouse_button": 1}))
