"""A Match owns one game: human seats submit, computer seats play, one log entry per action, one loop
limit, and each side sees only the notes the engine lets it see."""

from __future__ import annotations

import pytest

import game.match as match_module
from game.content.loader import load_content
from game.engine.actions import Action, Choose, EndTurn, Hire
from game.engine.canonical import state_hash
from game.engine.game import Game
from game.engine.state import GameState
from game.match import Match, play_game
from game.policies import Policy


class _NeverEnds(Policy):
    """Takes any action but the end of the turn while one is legal."""

    name = "never_ends"

    def choose(self, game: Game, state: GameState, legal: list[Action]) -> Action:
        return next((x for x in legal if not isinstance(x, EndTurn)), legal[-1])


def _answer_cards(match: Match) -> None:
    while any(card.side == match.state.active for card in match.state.pending):
        match.submit(next(x for x in match.game.legal_actions(match.state) if isinstance(x, Choose)))


def test_submit_logs_the_action_with_its_turn_and_seat() -> None:
    match = Match.new(Game(load_content(), "us_lab"), seed=4)
    _answer_cards(match)
    turn, before = match.state.turn, len(match.log)
    notes = match.submit(Hire(count=5))
    assert match.log[before:] and match.log[-1].to_json() == {"turn": turn, "side": "us",
                                                               "action": {"type": "hire", "count": 5}}
    assert notes and match.notes[-len(notes):] == notes


def test_a_computer_seat_is_not_submitted_for_and_plays_until_a_human_must_act() -> None:
    match = Match.new(Game(load_content(), "head_to_head"), seed=6, computers={"us": "cautious"})
    assert match.state.active == "us" and match.humans == ["cn"]
    with pytest.raises(ValueError):
        match.submit(EndTurn())
    match.play_computer_seats()
    assert match.state.active == "cn" and match.log and {e.side for e in match.log} == {"us"}
    assert match.policies == {"us": "cautious", "cn": "human"}


def _longest_turn(match: Match) -> int:
    """The most actions a seat took in one turn before ending it."""
    runs, run = [0], 0
    for entry in match.log:
        run = 0 if isinstance(entry.action, EndTurn) else run + 1
        runs.append(run)
    return max(runs)


def test_a_seat_that_never_ends_its_turn_has_it_ended_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    game = Game(load_content(), "cn_lab", {"turn_limit": 4})
    assert _longest_turn(play_game(game, 3, {"cn": _NeverEnds(3)})) > 2  # it takes more when it may
    monkeypatch.setattr(match_module, "MAX_ACTIONS_PER_TURN", 2)
    played = play_game(game, 3, {"cn": _NeverEnds(3)})
    assert played.state.over and _longest_turn(played) == 2


def test_without_a_record_the_game_is_the_same() -> None:
    game = Game(load_content(), "head_to_head", {"turn_limit": 5})
    seats = {"us": "random", "cn": "efficient"}
    kept, bare = play_game(game, 9, seats), play_game(game, 9, seats, record=False)
    assert bare.log == [] and bare.notes == [] and kept.log and kept.notes
    assert state_hash(bare.state) == state_hash(kept.state)


def test_max_turns_concludes_the_game_when_that_turn_begins() -> None:
    game = Game(load_content(), "cn_lab")
    played = play_game(game, 2, {"cn": "cautious"}, max_turns=3)
    assert played.state.outcome is not None and played.state.outcome.reason == "turn_limit"
    assert {e.turn for e in played.log} == {0, 1, 2} and played.notes[-1].key == "game.over"


def test_hot_seat_sides_never_see_the_other_sides_private_notes() -> None:
    """A two-player head_to_head game: both seats human, each played through ``submit``."""
    game = Game(load_content(), "head_to_head", {"turn_limit": 6})
    match = Match.new(game, seed=11)
    players = {side: _NeverEnds(11) for side in match.humans}
    assert match.humans == ["us", "cn"]
    while not match.state.over:
        side = match.state.active
        match.submit(players[side].choose(game, match.state, game.legal_actions(match.state)))
        for viewer, other in (("us", "cn"), ("cn", "us")):
            assert not [n for n in match.visible_notes(viewer) if n.private_to == other]
    for viewer, other in (("us", "cn"), ("cn", "us")):
        seen = match.visible_notes(viewer)
        hidden = [n for n in match.notes if n not in seen]
        # the other lab's own moves, accounts and card answers are kept from this one; the news is shared
        assert {"accounts", "event.chosen"} <= {n.key for n in hidden}
        assert all(n.private_to == other and n.side == other for n in hidden)
        assert any(n.key.startswith("action.") for n in hidden)
        assert {"turn.start", "event.fired", "market.move"} <= {n.key for n in seen}
