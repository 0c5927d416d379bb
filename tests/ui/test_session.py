"""The window's session: a Match with the window's memory. In hot-seat, each player's log and turn
summary show only what the engine lets that player's side see."""

from __future__ import annotations

from typing import Any

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.policies import make_policy
from game.ui.session import Session


def _hot_seat(turns: int) -> Session:
    session = Session.new(load_content(), "head_to_head", 4, ["us", "cn"], {"turn_limit": 8})
    players = {side: make_policy("aggressive", 4) for side in session.humans}
    while session.state.turn < turns and not session.state.over:
        legal = session.game.legal_actions(session.state)
        session.submit(players[session.state.active].choose(session.game, session.state, legal))
        other = "cn" if session.viewer == "us" else "us"
        assert not [n for n in session.visible_notes() if n.private_to == other]
    return session


def test_a_new_session_starts_with_the_first_turns_news_and_lets_computers_play() -> None:
    session = Session.new(load_content(), "head_to_head", 4, ["cn"])
    assert session.notes[0].key == "turn.start" and session.state.active == "cn"
    assert session.actions and {e.side for e in session.actions} == {"us"}
    assert session.policies["cn"] == "human" and session.policies["us"] != "human"
    while any(card.side == "cn" for card in session.state.pending):
        session.submit(session.game.legal_actions(session.state)[0])
    session.submit(EndTurn())
    assert session.state.turn == 1 and session.state.active == "cn"


def test_hot_seat_log_hides_the_other_labs_private_notes() -> None:
    session = _hot_seat(turns=3)
    mine = {side: session.visible_notes(side=side) for side in ("us", "cn")}
    assert any(n.private_to == "cn" for n in session.notes) and any(n.private_to == "us" for n in session.notes)
    assert not [n for n in mine["us"] if n.private_to == "cn"] and not [n for n in mine["cn"] if n.private_to == "us"]
    assert [n for n in session.visible_notes(turn=1) if n.turn != 1] == []


def test_hot_seat_summary_shows_only_the_viewers_side(app, monkeypatch) -> None:
    from game.ui.scenes import summary

    session = _hot_seat(turns=2)
    app.session = session
    shown: list[Any] = []

    def note_lines(sess: Session, notes: list[Any], lang: str) -> list[str]:
        shown.extend(notes)
        return [n.key for n in notes]

    monkeypatch.setattr(summary, "note_lines", note_lines)
    viewer = session.viewer
    app.push(summary.SummaryScene(app))
    assert any(n.private_to == viewer for n in shown)  # the viewer's own moves are there
    assert all(n.visible_to(viewer) for n in shown)
