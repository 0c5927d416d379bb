"""Outcome bands: a finished game lands each lab in one of the scenario's bands; the top (won) bands
are what "won" means; a bankrupt lab is in the band "bankrupt"; a scenario without bands keeps the win
score."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.content.models import Scenario
from game.engine.game import Game
from game.engine.scoring import band_for, lab_bands
from game.match import play_game


@pytest.mark.parametrize("scenario", ["cn_lab", "us_lab", "head_to_head"])
def test_the_outcome_names_a_band_that_agrees_with_won(scenario: str) -> None:
    game = Game(load_content(), scenario, record=False)
    for seed in range(3):
        outcome = play_game(game, seed, dict.fromkeys(game.scenario.sides, "cautious"), record=False).state.outcome
        for side in game.scenario.sides:
            bands = {b.id: b for b in lab_bands(game.scenario, side)}
            band = outcome.bands[side]
            if outcome.results[side] == "bankrupt":
                assert band == "bankrupt"
            else:
                assert band == band_for(list(bands.values()), outcome.scores[side]).id
                assert bands[band].won == (outcome.results[side] == "won")


def test_head_to_head_labs_have_their_own_bands() -> None:
    scenario = load_content().scenarios["head_to_head"]
    assert lab_bands(scenario, "us")[0].min_score > lab_bands(scenario, "cn")[0].min_score


def test_without_bands_the_win_score_decides_and_the_band_is_the_result() -> None:
    content = load_content()
    data = content.scenarios["us_lab"].model_dump()
    data["bands"] = []
    plain = Scenario.model_validate(data)
    assert lab_bands(plain, "us") == [] and band_for([], 50) is None


@pytest.mark.parametrize("bands, message", [
    ([{"id": "a", "min_score": 50, "won": True}, {"id": "b", "min_score": 60}], "best first"),
    ([{"id": "a", "min_score": 50, "won": True}, {"id": "b", "min_score": 10}], "min_score 0"),
    ([{"id": "a", "min_score": 50}, {"id": "b", "min_score": 0, "won": True}], "top ones"),
    ([{"id": "bankrupt", "min_score": 0}], "reserved"),
])
def test_bad_bands_are_refused(bands: list[dict], message: str) -> None:
    data = load_content().scenarios["us_lab"].model_dump()
    data["bands"] = [{**b, "label": {"en": b["id"], "fr": b["id"]}} for b in bands]
    with pytest.raises(ValueError, match=message):
        Scenario.model_validate(data)
