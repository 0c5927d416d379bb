"""The market moment opens on a shock turn only, with the card that moved prices."""

from __future__ import annotations

from tests.ui.picture_game import session_at


def test_market_moment_opens_on_a_shock_only(app):
    from game.ui.scenes.market import open_if_shock

    session = session_at(app, 25)
    crash = [n for n in session.notes if n.turn == 24]
    calm = [n for n in crash if n.key != "market.move"]
    assert not open_if_shock(app, calm)
    assert open_if_shock(app, crash)
    assert app.top.screen_id == "market" and app.top.turn == 24
    assert app.top.moment.event == "nvidia_crash"
