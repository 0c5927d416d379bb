"""The base of every screen: widgets it owns, its focus order, its keys, its drawing.

A scene builds its pygame_gui widgets in :meth:`Scene.build` (called each time it becomes the top of
the stack, so it always shows the current state) and they are removed when another scene covers it.
Buttons get a callback; a click or Enter on the focused button posts ``UI_BUTTON_PRESSED`` and the
scene runs the callback. Scenes never change the game: they submit actions to ``app.session``.

A scene opened for an answer (the picker, an event card, the save or load dialog, a yes/no question)
takes an ``on_close`` callback and ends with :meth:`Scene.close`, which hands its result to the
callback; it never reaches into the scene below it. Scenes with nothing to answer (help,
settings, mods) close the same way, with no result.

Example (a scene with one button)::

    class Hello(Scene):
        screen_id = "hello"
        def build(self):
            self.button((20, 20, 200, 40), self.t("ui.menu.quit"), self.app.pop)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.ui import sound, theme
from game.ui.charts import fit_text
from game.ui.focus import FocusRing, press

Rect = tuple[int, int, int, int] | pygame.Rect
#: The text style (game.ui.theme.font_sizes) of each label look in assets/ui/theme.json.
LABEL_STYLES = {"#title": "title", "#title_center": "title", "#heading": "big", "#small": "small", "#reason": "small"}


class Scene:
    """One screen on the app's stack."""

    #: A short name for the screen (screenshots, tests).
    screen_id = "scene"
    #: Overlays draw over a dimmed picture of the scene below instead of a plain background.
    overlay = False

    def __init__(self, app: Any, on_close: Callable[[Any], None] | None = None):
        # ``app`` is the game.ui.app.App; not imported even for type hints: the app imports the
        # flow, which imports every scene, so the name would close an import cycle.
        self.app = app
        #: Who opened this scene and wants its result (see :meth:`close`).
        self.on_close = on_close
        self.focus = FocusRing()
        self.elements: list[Any] = []
        #: The text boxes allowed to scroll (see :meth:`textbox`).
        self.long_texts: list[UITextBox] = []
        self.callbacks: dict[Any, Callable[[], None]] = {}
        self.shortcuts: dict[int, Callable[[], None]] = {}
        self.backdrop: pygame.Surface | None = None
        #: A dialog's "do it" (a picker's confirm, the new game's start): Enter runs it wherever the focus
        #: is, after taking the focused option (see :meth:`handle_event`). None: Enter presses the
        #: focused button, as Space does.
        self.confirm_key: Callable[[], None] | None = None
        #: The option buttons of such a dialog (what, how much): Space chooses one, Enter chooses and confirms.
        self.choices: set[Any] = set()

    # --- helpers -------------------------------------------------------------------------------
    def t(self, name: str, /, **params: Any) -> str:
        if name == "ui.key_tip" and self.app.strings.has(f"ui.keyname.{params.get('k')}"):
            params["k"] = self.app.strings.t(f"ui.keyname.{params['k']}")  # "Touche : Entrée", not "Enter"
        return self.app.strings.t(name, **params)

    @property
    def lang(self) -> str:
        return self.app.settings.language

    def button(self, rect: Rect, text: str, on_press: Callable[[], None] | None, tooltip: str | None = None,
               object_id: str | None = None, enabled: bool = True, focus: bool = True,
               container: Any = None) -> UIButton:
        btn = UIButton(pygame.Rect(rect), text, self.app.manager, tool_tip_text=tooltip,
                       object_id=object_id, container=container)
        if not enabled:
            btn.disable()
        self.elements.append(btn)
        if on_press is not None:
            self.callbacks[btn] = on_press
        if focus:
            self.focus.items.append(btn)
        return btn

    def label(self, rect: Rect, text: str, object_id: str | None = None) -> UILabel:
        rect = pygame.Rect(rect)
        # The large text size must not clip a label's letters: a box lower than a line grows around its middle.
        line = theme.font(theme.font_sizes(self.scale)[LABEL_STYLES.get(object_id or "", "body")]).get_linesize() + 1
        if rect.h < line:
            rect = pygame.Rect(rect.x, rect.centery - line // 2, rect.w, line)
        lab = UILabel(rect, text, self.app.manager, object_id=object_id)
        self.elements.append(lab)
        return lab

    def textbox(self, rect: Rect, html: str, object_id: Any = None, long: bool = False) -> UITextBox:
        """A text box. ``long``: a text that may be longer than its box (a log, a history, a description)
        and scrolls; any other box must show its whole text (a refusal, a warning: tests.ui.fit checks)."""
        box = UITextBox(html, pygame.Rect(rect), self.app.manager, object_id=object_id)
        self.elements.append(box)
        if long:
            self.long_texts.append(box)
        return box

    @property
    def scale(self) -> float:
        """The text-size setting as a factor (1.0 normal, larger for "large")."""
        return theme.TEXT_SCALES[self.app.settings.text_size]

    def text_width(self, text: str, style: str = "body", bold: bool = False) -> int:
        """Width in pixels of ``text`` in one of the theme's styles (small, body, big, title)."""
        return theme.font(theme.font_sizes(self.scale)[style], bold=bold).size(text)[0]

    def fit(self, text: str, width: int, style: str = "body", bold: bool = False) -> str:
        """``text`` shortened with "…" to fit ``width`` pixels at the current text size (a widget
        that shortens its text should carry the whole text in its tooltip)."""
        return fit_text(theme.font(theme.font_sizes(self.scale)[style], bold=bold), text, width)

    def add(self, element: Any, focus: bool = False) -> Any:
        self.elements.append(element)
        if focus:
            self.focus.items.append(element)
        return element

    def key(self, key: int, action: Callable[[], None]) -> None:
        """A keyboard shortcut active while this scene is on top."""
        self.shortcuts[key] = action

    # --- life cycle ----------------------------------------------------------------------------
    def enter(self) -> None:
        self.focus = FocusRing()
        self.shortcuts = {}
        self.choices = set()
        self.build()
        if self.focus.index < 0:
            self.focus.move(1)

    def leave(self) -> None:
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.long_texts.clear()
        self.callbacks.clear()
        self.focus = FocusRing()

    def build(self) -> None:
        """Create the widgets (override)."""

    def close(self, result: Any = None) -> None:
        """Leave this screen and hand ``result`` to whoever opened it (``None``: nothing chosen).

        The result is handed over first, while this scene still covers the one below: the pop then
        builds that one once, with the state the result led to. A callback that replaces the whole
        stack (a loaded game) leaves nothing to pop.
        """
        if self.on_close is not None:
            self.on_close(result)
        if self.app.top is self:
            self.app.pop()

    def back(self) -> None:
        """Esc: leave this screen with no result (override where Esc means something else)."""
        self.close()

    # --- loop ----------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            callback = self.callbacks.get(event.ui_element)
            if callback is not None:
                self.focus.focus(event.ui_element)
                sound.play(self.app, "click")
                callback()
                return True
            return False
        if event.type == pygame.KEYDOWN:
            if self.app.manager.get_focus_set() and any(
                    isinstance(e, pygame_gui.elements.UITextEntryLine) for e in self.app.manager.get_focus_set()):
                if event.key in (pygame.K_ESCAPE, pygame.K_TAB):
                    self.app.manager.set_focus_set(None)
                    if event.key == pygame.K_TAB and self.focus.handle_key(event):
                        current = self.focus.current
                        if isinstance(current, pygame_gui.elements.UITextEntryLine):
                            self.app.manager.set_focus_set(current)
                    return True
                return False  # typing goes to the text field
            if event.key == pygame.K_ESCAPE:
                self.back()
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.confirm_key is not None:
                current = self.focus.current
                if current in self.choices and current.is_enabled:
                    self.callbacks[current]()  # the focused option is the one meant
                elif current is not None and current in self.callbacks and current.is_enabled:
                    press(current)  # Cancel, Back: Enter does what the focused button says
                    return True
                confirm = self.app.top.confirm_key if self.app.top is not None else None
                if confirm is not None:
                    confirm()
                return True
            if event.key in self.shortcuts:
                self.shortcuts[event.key]()
                # The same keystroke's text follows its KEYDOWN: it must not be typed into a field the
                # shortcut has just opened (S opens the save dialog with its name field ready).
                self.app.drop_text = True
                return True
            used = self.focus.handle_key(event)
            current = self.focus.current
            if used and isinstance(current, pygame_gui.elements.UITextEntryLine):
                self.app.manager.set_focus_set(current)  # Tab onto a field: type at once
            return used
        return False

    def update(self, dt: float) -> bool:
        """Advance animations; True while something moves (the loop then keeps drawing)."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw under the widgets: the backdrop, panels and charts."""
        if self.overlay and self.backdrop is not None:
            surface.blit(self.backdrop, (0, 0))
        else:
            surface.fill(theme.BG)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw over the widgets: the keyboard focus frame."""
        self.focus.draw(surface)


def panel(surface: pygame.Surface, rect: Rect, title: str | None = None) -> pygame.Rect:
    """A white panel with a grey frame and an optional bold title; returns the inner area."""
    rect = pygame.Rect(rect)
    pygame.draw.rect(surface, theme.PANEL, rect, border_radius=8)
    pygame.draw.rect(surface, theme.BORDER, rect, 1, border_radius=8)
    if title:
        text = theme.font(theme.font_sizes(1.0)["body"], bold=True).render(title, True, theme.INK)
        surface.blit(text, (rect.x + 10, rect.y + 6))
        return pygame.Rect(rect.x + 8, rect.y + 30, rect.w - 16, rect.h - 36)
    return rect.inflate(-16, -12)
