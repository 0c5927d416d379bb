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
from game.engine.rules import beyond_calendar, calendar_conditions, date_eligible


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


def test_what_is_left_beyond_the_calendar_is_the_rest_of_the_trigger() -> None:
    def trigger(data: dict) -> object:
        return Event(id="x", kind="generic", title={"en": "x"}, text={"en": "x"}, trigger=data).trigger

    both = trigger({"all": [{"date_from": "2020-03"}, {"flag": "a"}, {"date_before": "2021-01"}, {"flag": "b"}]})
    rest = beyond_calendar(both)
    assert [cond.name for cond in rest.conditions] == ["a", "b"], "the rest of an 'all', in its order"
    assert beyond_calendar(trigger({"all": [{"date_from": "2020-03"}, {"date_before": "2021-01"}]})) is None
    assert beyond_calendar(trigger({"date_from": "2020-03"})) is None
    for kept in ({"any": [{"date_from": "2020-03"}, {"flag": "a"}]}, {"not": {"date_before": "2021-01"}},
                 {"flag": "a"}):
        assert beyond_calendar(trigger(kept)) == trigger(kept), "no date condition at the top: all of it"
    assert beyond_calendar(None) is None


@pytest.mark.parametrize("scenario", ["cn_lab", "us_lab", "head_to_head"])
def test_in_the_turns_that_list_a_card_its_trigger_holds_exactly_when_the_rest_beyond_its_dates_does(
        scenario: str) -> None:
    game = Game(load_content(), scenario)
    rules, state = game.rules, game.new_game(seed=1)
    for turn, (checked, random) in enumerate(rules.events_in_turn):
        state.turn, state.date = turn, rules.dates[turn]
        state.world.flags = ["cheap_ai_shock"] if turn % 2 else []  # (flags and sentiment both ways)
        state.world.sentiment = 40 if turn % 3 else -40
        ctx = Ctx(rules, state, NO_DRAWS)
        for card in checked + random:
            for side in ("cn", "us"):
                lab = state.labs.get(side)
                assert evaluate(card.event.trigger, ctx, lab, side) == evaluate(card.in_dates, ctx, lab, side), \
                    (card.id, turn, side)
