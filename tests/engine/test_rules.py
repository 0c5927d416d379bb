"""Rules: the scenario's tables, built once when the game is made."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.content.models import Event
from game.engine.calendar import date_key
from game.engine.conditions import evaluate
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.rng import NO_DRAWS
from game.engine.rules import calendar_conditions, date_eligible


def _event(date: str | None, until: str | None) -> Event:
    return Event(id="x", kind="generic", title={"en": "x"}, text={"en": "x"}, date=date, until=until)


def test_an_event_is_eligible_from_the_turn_holding_its_date_to_the_one_holding_its_until() -> None:
    event = _event("2020-02-15", "2020-07")
    assert not date_eligible(event, "2020-02-01", "2019-11-01"), "dated after the turn"
    assert not date_eligible(event, "2020-02-15", "2019-11-15"), "the turn ends on its date: not yet"
    assert date_eligible(event, "2020-05-01", "2020-02-01"), "its date falls inside the turn"
    assert date_eligible(event, "2020-10-01", "2020-07-01"), "the turn starts on its until"
    assert not date_eligible(event, "2020-11-01", "2020-08-01"), "past its until"
    assert date_eligible(_event(None, None), "2020-01-01", "2019-10-01")


def test_the_date_conditions_at_the_top_of_a_trigger_narrow_its_turns() -> None:
    def event(trigger: dict) -> Event:
        return Event(id="x", kind="generic", title={"en": "x"}, text={"en": "x"}, trigger=trigger)

    window = event({"all": [{"date_from": "2020-03"}, {"date_before": "2020-07"}, {"flag": "crash"}]})
    assert not date_eligible(window, "2020-03-01", "2020-02-01"), "date_from: the turn ends before it"
    assert date_eligible(window, "2020-04-01", "2020-03-01"), "date_from: the turn holds it"
    assert date_eligible(window, "2020-07-01", "2020-06-01"), "date_before: the turn starts before it"
    assert not date_eligible(window, "2020-08-01", "2020-07-01"), "date_before: the turn starts on it"
    assert not date_eligible(event({"date_from": "2021-01"}), "2020-04-01", "2020-01-01"), "alone"
    # Under 'any' or 'not' a date condition does not decide alone: those turns stay.
    assert date_eligible(event({"any": [{"date_from": "2021-01"}, {"flag": "crash"}]}), "2020-04-01", "2020-01-01")
    assert date_eligible(event({"not": {"date_before": "2021-01"}}), "2020-04-01", "2020-01-01")


@pytest.mark.parametrize("scenario", ["cn_lab", "us_lab", "head_to_head"])
def test_the_turn_tables_agree_with_the_evaluator_on_the_triggers_dates(scenario: str) -> None:
    game = Game(load_content(), scenario)
    rules, state = game.rules, game.new_game(seed=1)
    for turn, (checked, random) in enumerate(rules.events_in_turn):
        state.turn, state.date = turn, rules.dates[turn]
        ctx = Ctx(rules, state, NO_DRAWS)
        for event in rules.checked_events + rules.random_events:
            dates_hold = all(evaluate(cond, ctx, None, "cn") for cond in calendar_conditions(event.trigger))
            own_dates = date_eligible(event.model_copy(update={"trigger": None}), rules.turn_end(turn), state.date)
            listed = any(card.event is event for card in checked + random)
            assert listed == (own_dates and dates_hold), (event.id, turn)


@pytest.mark.parametrize(("scenario", "options"), [("cn_lab", {}), ("head_to_head", {"history": False}),
                                                   ("us_lab", {"turn_limit": 4})])
def test_each_turn_lists_the_events_its_dates_allow_in_firing_order(scenario: str, options: dict) -> None:
    rules = Game(load_content(), scenario, options).rules
    assert len(rules.events_in_turn) == len(rules.dates)
    for turn, (checked, random) in enumerate(rules.events_in_turn):
        end, date = rules.turn_end(turn), rules.dates[turn]
        assert [card.event for card in checked] == [e for e in rules.checked_events if date_eligible(e, end, date)]
        assert [card.event for card in random] == [e for e in rules.random_events if date_eligible(e, end, date)]
    first, last = ([card.event for card in rules.events_in_turn[turn][0]] for turn in (0, -1))
    game_end = rules.turn_end(len(rules.dates) - 1)
    dated_later = [e for e in rules.checked_events if e.date and date_key(e.date) >= game_end]
    assert not set(map(id, dated_later)) & set(map(id, first + last)), "events dated after the game never show"
    assert len(first) < len(rules.checked_events), "some events wait for their date"
