"""The race chart's data: lines by turn, releases on them, and the record's releases where history fired."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine.notes import Note
from game.engine.state import Fired
from game.ui.racedata import race_view
from game.ui.session import Session


def crafted():
    session = Session.new(load_content(), "cn_lab", 1, ["cn"])
    state = session.state
    openai = state.rivals[0]
    state.series = [
        {"turn": 0, "date": "2019-07-01", "labs": {"cn": {"capability": 3000}}, "rivals": {openai.id: 4600},
         "frontier": 4600},
        {"turn": 1, "date": "2019-10-01", "labs": {"cn": {"capability": 3500}}, "rivals": {openai.id: 4700},
         "frontier": 4700},
    ]
    state.turn, state.date = 2, "2020-01-01"
    state.labs["cn"].capability = 5000
    openai.capability = 4800
    state.fired = [Fired(turn=1, date="2019-10-01", event="gpt4_release"),
                   Fired(turn=1, date="2019-10-01", event="chip_glut")]
    notes = [Note.of("action.release", 1, "cn", {"capability": 3500}),
             Note.of("rival.release", 2, None, {"rival": openai.name, "capability": 4800}),
             Note.of("rival.release", 9, None, {"rival": openai.name, "capability": 1})]
    return state, notes, openai


def test_lines_cover_each_turn_and_now():
    state, notes, openai = crafted()
    view = race_view(state, "cn", notes)
    assert view.dates == ["2019-07-01", "2019-10-01", "2020-01-01"]
    lines = {line.id: line for line in view.lines}
    assert view.lines[0].id == "frontier" and view.lines[1].id == "lab:cn" and view.lines[1].mine
    assert lines["lab:cn"].values == [3000, 3500, 5000]
    assert lines[f"rival:{openai.id}"].values == [4600, 4700, 4800]
    assert lines["frontier"].values == [4600, 4700, 5000]  # now: the player leads


def test_rival_that_appears_later_has_no_earlier_values():
    state, notes, _openai = crafted()
    late = state.rivals[1]
    state.series[1]["rivals"][late.id] = 4000
    values = {line.id: line.values for line in race_view(state, "cn", notes).lines}[f"rival:{late.id}"]
    assert values[0] is None and values[1] == 4000


def test_releases_and_history_marks():
    state, notes, openai = crafted()
    view = race_view(state, "cn", notes)
    marks = {(m.line, m.turn, m.capability) for m in view.releases}
    assert marks == {("lab:cn", 1, 3500), (f"rival:{openai.id}", 2, 4800)}  # the turn-9 note is out of range
    assert [(m.turn, m.label) for m in view.history] == [(1, "GPT-4")]  # only real releases, only if fired
