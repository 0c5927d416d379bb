"""Layouts that adapt to the text: word wrapping measured with the real font, and a scrolling
column of widgets. With the "large" text size, a French line that no longer fits goes on to a second
line instead of being cut, and a panel whose rows no longer fit scrolls.

Example::

    >>> wrap_words(lambda s: 10 * len(s), "export-banned for Chinese buyers", 180)
    ['export-banned for', 'Chinese buyers']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIButton, UILabel, UIScrollingContainer, UITextBox

from game.ui import theme

if TYPE_CHECKING:
    from game.ui.scene import Scene

#: Room kept for the vertical scroll bar at the right of a column.
SCROLLBAR = 20


def wrap_words(width_of: Callable[[str], int], text: str, width: int) -> list[str]:
    """``text`` cut into lines no wider than ``width`` (a word longer than a line gets its own line)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and width_of(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line or not lines:
        lines.append(line)
    return lines


class Column:
    """Widgets stacked from the top of ``rect``; the column scrolls when they do not fit.

    Use :meth:`Column.fill`: it lays the widgets out at full width, and only when they do not fit
    lays them out again leaving room for the scroll bar (so normal text never loses width to it).
    """

    def __init__(self, scene: Scene, rect: pygame.Rect | tuple[int, int, int, int], gap: int = 2,
                 scrollbar: bool = False):
        self.scene = scene
        rect = pygame.Rect(rect)
        self.first_element = len(scene.elements)
        self.first_focus = len(scene.focus.items)
        self.box = UIScrollingContainer(rect, scene.app.manager, allow_scroll_x=False)
        scene.add(self.box)
        self.rect = rect
        self.container = self.box.get_container()
        # pygame_gui links a widget to its container but not the container to the scrolling box around
        # it: keyboard focus needs that link to scroll a row into view (game.ui.focus.scroll_into_view).
        self.container.scrolling_box = self.box
        self.width = rect.w - (SCROLLBAR if scrollbar else 4)
        self.height = rect.h
        self.gap = gap
        self.y = 0

    @classmethod
    def fill(cls, scene: Scene, rect: pygame.Rect | tuple[int, int, int, int], content: Callable[[Column], None],
             gap: int = 2) -> Column:
        """A column holding what ``content(column)`` adds; scrolls (with room for its bar) if needed."""
        col = cls(scene, rect, gap)
        content(col)
        if col.y <= col.height:
            col.finish()
            return col
        col.discard()
        col = cls(scene, rect, gap, scrollbar=True)
        content(col)
        col.finish()
        return col

    def discard(self) -> None:
        """Remove this column and everything added since it was made."""
        scene = self.scene
        for element in scene.elements[self.first_element:]:
            scene.callbacks.pop(element, None)
            element.kill()
        del scene.elements[self.first_element:]
        del scene.focus.items[self.first_focus:]

    def font(self, style: str = "body", bold: bool = False) -> pygame.font.Font:
        return theme.font(theme.font_sizes(self.scene.scale)[style], bold=bold)

    def line_height(self, style: str = "body") -> int:
        return self.font(style).get_linesize() + 6

    def lines(self, text: str, style: str = "body", bold: bool = False, indent: int = 0) -> list[str]:
        font = self.font(style, bold)
        return wrap_words(lambda s: font.size(s)[0], text, self.width - 16 - indent)

    def buttons(self, text: str, on_press: Callable[[], None] | None, tooltip: str | None, object_id: str,
                style: str = "body", enabled: bool = True, indent: int = 16) -> list[UIButton]:
        """One button per wrapped line of ``text`` (continuation lines indented, not in the Tab order)."""
        out = []
        h = max(28, self.line_height(style) + 2)
        for i, line in enumerate(self.lines(text, style, indent=indent)):
            x = indent if i else 0
            btn = self.scene.button((x, self.y, self.width - x, h), line, on_press, tooltip, object_id,
                                    enabled=enabled, focus=i == 0, container=self.container)
            out.append(btn)
            self.y += h
        self.y += self.gap
        return out

    def text(self, text: str, object_id: str | None = None, style: str = "body", indent: int = 0,
             bold: bool = False) -> Any:
        """A label that wraps: one line as a label, more as a borderless text box as tall as its lines
        (pygame_gui spaces lines wider than the font does: the box measures itself, so that a wrapped
        refusal never shows a scroll bar)."""
        rows = self.lines(text, style, bold, indent=indent)
        h = self.font(style, bold).get_linesize()
        if len(rows) == 1:
            element: Any = UILabel(pygame.Rect(indent, self.y, self.width - indent, h + 4), text,
                                   self.scene.app.manager, container=self.container, object_id=object_id)
            self.y += h + 4
        else:
            html = f"<b>{text}</b>" if bold else text  # a text box takes its theme's face, not its boldness
            element = UITextBox(html, pygame.Rect(indent, self.y, self.width - indent, -1),
                                self.scene.app.manager, container=self.container,
                                object_id=ObjectID(class_id="@wrapped", object_id=object_id))
            self.y += element.rect.h
        self.scene.add(element)
        return element

    def skip(self, pixels: int) -> None:
        self.y += pixels

    def finish(self) -> bool:
        """Fix the scrollable height; True when the column scrolls."""
        self.box.set_scrollable_area_dimensions((self.width, max(self.y, 1)))
        return self.y > self.height
