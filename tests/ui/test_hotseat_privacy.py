"""Hot-seat: each player's screens show only what their side may read (the engine's note privacy).

Two people play ``head_to_head`` on one machine, each doing things that leave private notes (hiring,
buying chips, answering cards, the turn's accounts). At every screen shown to a player, the text on it
must not hold a line that only the other lab's private notes produce.
"""

from __future__ import annotations

import pygame

from game.ui.session import Session
from game.ui.view import note_lines
from tests.ui.helpers import key, settle, texts

#: Screens shown to one player (the hand-off screen names the next player and shows nothing else).
PLAYER_SCREENS = {"dashboard", "turn_summary", "event_card", "picker_hire", "picker_buy", "front_page"}


def secret_lines(session: Session, side: str, lang: str) -> set[str]:
    """Lines only the other lab's private notes produce (a line the player's own notes also produce,
    like "news: …", tells nothing)."""
    # (the engine's privacy, read from the notes themselves: not through the screens' own filter)
    other = [n for n in session.notes if not n.visible_to(side)]
    mine = set(note_lines(session, [n for n in session.notes if n.visible_to(side)], lang))
    return {line for n in other for line in note_lines(session, [n], lang)} - mine


def test_two_players_never_see_the_other_labs_private_notes(app):
    session = Session.new(app.content, "head_to_head", 5, ["us", "cn"], {"turn_limit": 4})
    app.flow.start_game(session)
    checked: dict[str, int] = {}
    acted: set[tuple[int, str]] = set()
    for _ in range(600):
        scene = app.top
        sid = scene.screen_id
        if sid == "end":
            break
        if sid in PLAYER_SCREENS:
            side = session.viewer
            shown = " ".join(texts(app))
            secrets = secret_lines(session, side, app.settings.language)
            leaked = [line for line in secrets if line in shown]
            assert not leaked, (sid, side, leaked)
            checked[sid] = checked.get(sid, 0) + 1
        if sid == "event_card":
            key(app, pygame.K_1 if scene.choosing else pygame.K_RETURN)
        elif sid == "dashboard" and (session.state.turn, session.viewer) not in acted:
            acted.add((session.state.turn, session.viewer))
            # leave private notes behind: the American lab hires, the Chinese lab buys chips
            letter = pygame.K_h if session.viewer == "us" else pygame.K_b
            if scene.group_buttons["hire" if letter == pygame.K_h else "buy"].is_enabled:
                key(app, letter)
                key(app, pygame.K_RETURN)  # the preselected amount, confirmed by Enter
        elif sid == "dashboard":
            key(app, pygame.K_e)
        elif sid in ("pass_laptop", "turn_summary", "front_page", "tutorial", "briefing"):
            key(app, pygame.K_RETURN)
        else:
            settle(app)
    assert app.top.screen_id == "end", checked
    # both players had private notes the other could have seen, and every kind of screen was checked
    assert {n.private_to for n in session.notes if n.private_to} == {"us", "cn"}
    assert {n.key for n in session.notes if n.private_to} >= {"action.hire", "action.buy_chips", "accounts"}
    assert {"dashboard", "turn_summary"} <= set(checked), checked
    # the end screen is read together: whose decision each card answer was is said, never "you"
    end_text = " ".join(texts(app))
    for side in ("us", "cn"):
        assert app.strings.t(f"ui.end.short_{side}") in end_text or not any(
            f.side == side and f.choice for f in session.state.fired)
