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


def answer_cards(session: Any) -> None:
    """Answer, with the first choice offered, every card waiting for the active seat."""
    from game.engine.actions import Choose

    while any(p.side == session.state.active for p in session.state.pending):
        session.submit(next(x for x in session.game.legal_actions(session.state) if isinstance(x, Choose)))


def quiet(session: Any) -> Any:
    """Nothing left to show before play: cards answered and seen, summary seen, hand-off done."""
    answer_cards(session)
    session.shown_cards = {(f.turn, f.event, f.side) for f in session.state.fired}
    for side in session.humans:
        session.seen[side] = session.snapshot(side)
    session.shown_to = session.viewer
    return session


def run_demo(tmp_path: Any, *args: str) -> list[Any]:
    """``python main.py demo ARGS --speed 1000 --screenshots DIR --exit`` in this process; its exit code
    must be 0. Returns the screenshots, sorted."""
    import argparse

    from game.tools import demo

    parser = argparse.ArgumentParser()
    demo.add_arguments(parser)
    shots = tmp_path / "shots"
    assert demo.run(parser.parse_args([*args, "--speed", "1000", "--screenshots", str(shots), "--exit"])) == 0
    return sorted(shots.glob("*.png"))


def assert_full_size_picture(path: Any) -> None:
    """A 1280x720 screenshot with something on it (not blank, not one colour)."""
    image = pygame.image.load(str(path))
    assert image.get_size() == (1280, 720)
    small = pygame.transform.smoothscale(image, (32, 18))
    assert len({small.get_at((x, y))[:3] for x in range(32) for y in range(18)}) > 10, path.name
