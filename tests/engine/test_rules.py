"""Rules: the scenario's tables, built once when the game is made."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.content.models import Event
from game.engine.calendar import date_key
from game.engine.game import Game
from game.engine.rules import date_eligible


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


@pytest.mark.parametrize(("scenario", "options"), [("cn_lab", {}), ("head_to_head", {"history": False}),
                                                   ("us_lab", {"turn_limit": 4})])
def test_each_turn_lists_the_events_its_dates_allow_in_firing_order(scenario: str, options: dict) -> None:
    rules = Game(load_content(), scenario, options).rules
    assert len(rules.events_in_turn) == len(rules.dates)
    for turn, (checked, random) in enumerate(rules.events_in_turn):
        end, date = rules.turn_end(turn), rules.dates[turn]
        assert checked == [e for e in rules.checked_events if date_eligible(e, end, date)]
        assert random == [e for e in rules.random_events if date_eligible(e, end, date)]
    first, last = rules.events_in_turn[0][0], rules.events_in_turn[-1][0]
    game_end = rules.turn_end(len(rules.dates) - 1)
    dated_later = [e for e in rules.checked_events if e.date and date_key(e.date) >= game_end]
    assert not set(map(id, dated_later)) & set(map(id, first + last)), "events dated after the game never show"
    assert len(first) < len(rules.checked_events), "some events wait for their date"
