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


def test_race_says_why_no_real_release_is_marked(app):
    """Before the first real release a game that follows history says they are still to come; only a
    game without history says it does not follow it."""
    from game.ui.scenes.race import RaceScene
    from game.ui.session import Session

    def texts_drawn(options: dict) -> list[str]:
        app.session = Session.new(app.content, "cn_lab", 3, ["cn"], options)
        scene = RaceScene(app)
        written: list[str] = []
        wrapped = scene.wrapped
        scene.wrapped = lambda surface, text, *rest, **kw: written.append(text) or wrapped(surface, text, *rest, **kw)
        scene.tween.finish()
        app.reset(scene)
        settle(app)
        return written

    for options, phrase in (({}, "No real release yet"), ({"history": False}, "No real release marked")):
        written = texts_drawn(options)
        assert any(text.startswith(phrase) for text in written), (options, written)
