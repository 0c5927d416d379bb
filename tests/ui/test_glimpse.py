"""The turn summary shows the chip map for a moment when a flow changed; any key ends it."""

from __future__ import annotations

import pygame

from tests.ui.helpers import key, settle
from tests.ui.picture_game import session_at


def test_turn_summary_shows_the_map_for_a_moment_when_a_flow_changed(app):
    from game.ui.scenes.summary import SummaryScene

    session = session_at(app, 25)
    session.seen["cn"]["turn"] = 24
    app.reset(SummaryScene(app))
    settle(app)
    glimpse = app.top.glimpse
    assert glimpse.showing and glimpse.picture is not None  # turn 24 delivered chips and bans
    app.top.update(5.0)
    assert not glimpse.showing
    summary = SummaryScene(app)
    app.reset(summary)
    assert summary.glimpse.showing
    key(app, pygame.K_SPACE)  # any key ends it (and still reaches the summary, whose button it presses)
    assert not summary.glimpse.showing
