"""Posting input like a player: clicks on a widget's centre, key presses, typed text."""

from __future__ import annotations

from typing import Any

import pygame


def click(app: Any, element: Any) -> None:
    pos = element.rect.center
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, {"pos": pos, "rel": (0, 0), "buttons": (0, 0, 0)}))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, {"pos": pos, "button": 1}))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": pos, "button": 1}))
    settle(app)


def key(app: Any, k: int, mod: int = 0) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, {"key": k, "mod": mod, "unicode": "", "scancode": 0}))
    settle(app)


def type_text(app: Any, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, {"text": ch}))
    settle(app)


def settle(app: Any, frames: int = 3) -> None:
    for _ in range(frames):
        app.frame(0)


def find_button(app: Any, text: str) -> Any:
    from pygame_gui.elements import UIButton

    for element in app.top.elements:
        if isinstance(element, UIButton) and text in element.text:
            return element
    raise AssertionError(f"no button '{text}' on {app.top.screen_id}: "
                         f"{[e.text for e in app.top.elements if isinstance(e, UIButton)]}")


def texts(app: Any) -> list[str]:
    return [getattr(e, "text", "") or getattr(e, "html_text", "") for e in app.top.elements]
