"""The market moment's data: shocks, the one-day fall, the steps of the turn and the record's words."""

from __future__ import annotations

from game.content.loader import load_content
from game.engine.notes import Note
from game.engine.state import Fired
from game.ui.marketdata import last_shock_turn, market_moment, shock_moves, steps_in_turn
from game.ui.session import Session
from game.ui.view import start_prices


def move(turn, stock, bp):
    return Note.of("market.move", turn, None, {"stock": stock, "bp": bp})


def test_shock_is_the_largest_single_move_not_the_sum():
    notes = [move(4, "nvda", 900), move(4, "nvda", -1700), move(4, "nvda", 300), move(4, "msft", -200)]
    assert shock_moves(notes) == {"nvda": -1700, "msft": -200}
    assert shock_moves([move(4, "nvda", -700)]) == {}  # under 8%: no shock
    assert last_shock_turn([move(2, "nvda", -900), *notes, move(6, "nvda", -100)]) == 4
    assert last_shock_turn([move(2, "nvda", -100)]) is None


def test_steps_in_turn_apply_the_moves_in_order():
    notes = [move(4, "nvda", 1000), move(3, "nvda", -5000), move(4, "nvda", -2000)]
    assert steps_in_turn(notes, 4, "nvda", 10000) == [(11000, 1000), (8800, -2000)]


def test_market_moment_reads_prices_and_the_card_that_moved_them():
    session = Session.new(load_content(), "cn_lab", 1, ["cn"])
    state = session.state
    state.turn = 1
    state.series = [{"turn": 0, "date": "2019-07-01", "stocks": {**state.world.stocks}}]
    before = state.series[0]["stocks"]["nvda"]
    state.world.stocks["nvda"] = before * 83 // 100
    state.fired = [Fired(turn=1, date="2019-10-01", event="chips_act"),
                   Fired(turn=1, date="2019-10-01", event="nvidia_crash")]
    notes = [move(1, "nvda", -1700), move(1, "avgo", -1700), move(1, "msft", -210),
             Note.of("market.cheap_ai", 1, None, {"maker": "DeepSeek", "fall_bp": 1700})]
    moment = market_moment(state, session.game.content, session.game.rules.events_by_id, notes, 1,
                           start_prices(session))
    first, second = moment.tickers[:2]
    assert {first.id, second.id} == {"nvda", "avgo"}
    assert first.lost >= second.lost > 0  # equal falls: the larger market value lost first
    nvda = next(t for t in moment.tickers if t.id == "nvda")
    assert (nvda.before, nvda.after, nvda.shock_bp) == (before, before * 83 // 100, -1700)
    assert moment.event == "nvidia_crash" and "589" in moment.record["en"]
    assert next(t.id for t in moment.tickers if t.shock_bp == 0) not in ("nvda", "avgo", "msft")


def test_screens_name_every_stock_in_letters():
    # Seoul's tickers are numbers ("005930.KS"): the screens show the stock's short name instead.
    labels = {s.id: s.label for s in load_content().world.stocks}
    assert labels["samsung"] == "SAMSUNG" and labels["skhynix"] == "SK HYNIX" and labels["nvda"] == "NVDA"
    assert not any(label[0].isdigit() for label in labels.values())
