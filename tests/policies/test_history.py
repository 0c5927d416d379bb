"""The history policy: the record's card choices, Nvidia chips only, R1's price; its two variants."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.engine.actions import BuyChips
from game.engine.game import Game
from game.match import play_game
from game.policies import make_policy
from game.policies.history import R1_PRICE_CENTS, HistoryPolicy


@pytest.fixture(scope="module")
def cn_game() -> Game:
    return Game(load_content(), "cn_lab")


def chosen(played) -> dict[str, str]:
    return {f.event: f.choice for f in played.state.fired if f.choice}


def test_takes_the_historical_choices_and_releases_open_weights_at_r1_price(cn_game: Game) -> None:
    played = play_game(cn_game, seed=5, policies={"cn": make_policy("history", 5)})
    lab = played.state.labs["cn"]
    # The historical choice of each card that always offers it (some are offered only in some games).
    historical = {e.id: c.id for e in cn_game.rules.events for c in e.choices
                  if c.historical and c.requires is None}
    answers = chosen(played)
    assert answers and all(answers[e] == historical[e] for e in answers if e in historical)
    assert lab.open_weights and lab.price_cents == R1_PRICE_CENTS
    bought = {entry.action.chip for entry in played.log if isinstance(entry.action, BuyChips)}
    assert bought and all(cn_game.rules.chips[c].maker == "Nvidia" for c in bought)


def test_variants_refuse_card_chips_and_skip_a_chip(cn_game: Game) -> None:
    refused = play_game(cn_game, seed=5, policies={"cn": HistoryPolicy(5, refuse_card_chips=True)})
    assert chosen(refused).get("highflyer_stockpile") == "take_cash"
    skipped = play_game(cn_game, seed=5, policies={"cn": HistoryPolicy(5, never_buy=("h800",))})
    assert all(entry.action.chip != "h800" for entry in skipped.log if isinstance(entry.action, BuyChips))
