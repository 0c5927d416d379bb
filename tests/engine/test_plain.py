"""Plain records: an event's card (its trigger, effects and choices as frozen dataclasses) and the
actions are read by the same rules as the content's pydantic models, with the same results."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.engine import actions as a
from game.engine.canonical import state_hash
from game.engine.conditions import evaluate
from game.engine.context import QuietCtx
from game.engine.effects import apply_effects
from game.engine.game import Game
from game.engine.plain import RECORDS, plain
from game.engine.rng import NO_DRAWS
from game.match import play_game


@pytest.mark.parametrize(("scenario", "seed"), [("cn_lab", 3), ("us_lab", 5), ("head_to_head", 8)])
def test_a_card_holds_its_event_as_plain_records_that_evaluate_and_apply_alike(scenario: str, seed: int) -> None:
    game = Game(load_content(), scenario)
    seen = []
    play_game(game, seed, dict.fromkeys(game.scenario.sides, "random"),
              on_step=lambda state, action, notes: seen.append(state.model_copy(deep=True)))
    for state in seen[::50]:
        for event in game.rules.events:
            card = game.rules.cards[event.id]
            ctx = QuietCtx(game.rules, state, NO_DRAWS)
            for side in game.scenario.sides:
                lab = state.labs.get(side)
                assert evaluate(card.trigger, ctx, lab, side) == evaluate(event.trigger, ctx, lab, side), event.id
                for record, choice in zip(card.choices, event.choices, strict=True):
                    assert (evaluate(record.requires, ctx, lab, side)
                            == evaluate(choice.requires, ctx, lab, side)), (event.id, choice.id)
            labs = list(state.labs.values())[:1]
            for effects, plain_effects in [(event.effects, card.effects)] + [
                    (c.effects, r.effects) for c, r in zip(event.choices, card.choices, strict=True)]:
                one, two = state.model_copy(deep=True), state.model_copy(deep=True)
                apply_effects(QuietCtx(game.rules, one, NO_DRAWS), effects, [one.labs[x.side] for x in labs])
                apply_effects(QuietCtx(game.rules, two, NO_DRAWS), plain_effects, [two.labs[x.side] for x in labs])
                assert state_hash(one) == state_hash(two), event.id


def test_plain_keeps_every_field_and_leaves_other_values_as_they_are() -> None:
    event = Game(load_content(), "cn_lab").rules.events_by_id["italy_block"]
    record = plain(event.choices[0])
    assert type(record) is RECORDS[type(event.choices[0])]
    assert record.id == event.choices[0].id and record.label == event.choices[0].label
    assert plain(None) is None and plain(["h100"]) == ["h100"] and plain([]) == []


def test_actions_are_frozen_records_whose_amounts_are_checked_when_made() -> None:
    buy = a.BuyChips(chip="a100", count=5)
    assert a.parse_action(buy.to_json()) == buy and hash(buy) == hash(a.BuyChips(chip="a100", count=5))
    assert buy.to_json() == {"type": "buy_chips", "chip": "a100", "count": 5, "grey": False}
    with pytest.raises(AttributeError):
        buy.count = 6  # type: ignore[misc]
    for make in (lambda: a.BuyChips(chip="a100", count=0), lambda: a.Hire(count=501),
                 lambda: a.SetPrice(price_cents=-1), lambda: a.StartTraining(chip="a100", gpu_hours=0)):
        with pytest.raises(ValueError):
            make()
    for data in ({"type": "hire", "count": 0}, {"type": "end_turn", "extra": 1}, {"type": "lobby", "x": 2}):
        with pytest.raises(ValueError):
            a.parse_action(data)
