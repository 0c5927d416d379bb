"""The race chart: the viewer's line drawn thick, the record's releases marked with their numbers on hover."""

from __future__ import annotations

from tests.ui.helpers import settle
from tests.ui.picture_game import session_at


def test_race_marks_the_record_and_highlights_the_viewer(app):
    from game.ui.scenes.race import RaceScene

    session_at(app, 25)
    scene = RaceScene(app)
    scene.tween.finish()
    app.reset(scene)
    settle(app)
    tips = [text for _, text in scene.tips]
    for name in ("GPT-4", "V3", "R1"):  # fired in this game: history is on
        assert any(name in tip and "(the record)" in tip for tip in tips), name
    assert any("releases a model at" in tip for tip in tips)
    styles = scene.styles(scene.current)
    mine = next(line for line in scene.current.lines if line.mine)
    assert styles[mine.id][2] > max(width for key, (_, _, width) in styles.items() if key != mine.id)


def test_race_without_history_marks_no_real_release(app):
    from game.ui.racedata import race_view

    session = session_at(app, 25)
    session.state.fired = []
    assert race_view(session.state, "cn", session.notes).history == []
