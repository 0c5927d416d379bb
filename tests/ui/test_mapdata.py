"""The chip map's data: flows, arrivals, bans, the grey route and the labs, from a crafted state."""

from __future__ import annotations

import dataclasses

import pytest

from game.content.loader import load_content
from game.engine.notes import Note
from game.engine.state import PendingBan
from game.engine.turn import seizure_chance
from game.ui.mapdata import flow_changed, load_board, map_view, recent_notes
from game.ui.session import Session


@pytest.fixture(scope="module")
def content():
    return load_content()


def crafted(content):
    session = Session.new(content, "cn_lab", 1, ["cn"])
    state = session.state
    state.turn = 5
    lab = state.labs["cn"]
    lab.chips = {"a100": 400, "ascend": 50}
    lab.in_transit = {"h800": 30}
    lab.gov_relations = 50
    state.world.banned = ["a100", "h100"]
    state.world.pending_bans = [PendingBan(chip="h800", turn=7)]
    notes = [
        Note.of("action.buy_chips", 5, "cn", {"chip": "ascend", "count": 50, "grey": False}),
        Note.of("action.buy_chips", 5, "cn", {"chip": "h800", "count": 30, "grey": True}),
        Note.of("grey.delivered", 4, "cn", {"chips": {"a100": 100}, "chance_pct": 15}),
        Note.of("action.buy_chips", 2, "cn", {"chip": "a100", "count": 300, "grey": False}),
        Note.of("action.buy_chips", 5, "us", {"chip": "h100", "count": 999, "grey": False}),
    ]
    return session, notes


def test_board_routes_follow_the_makers():
    board = load_board()
    assert set(board.regions) == {"us", "cn", "tw", "kr", "jp", "eu", "nl", "sea"}
    assert board.route_for("Nvidia", "cn") == ("us", "tw", "cn")
    assert board.route_for("Huawei", "cn") == ("cn",)
    assert board.route_for("Nvidia", "us") == ("us", "tw", "us")
    assert board.route_for("Unknown maker of a mod", "cn") == ("us", "tw", "cn")  # the default maker
    assert all(len(r.polygon) >= 5 for r in board.regions.values())


def test_flows_count_what_arrived_lately(content):
    session, notes = crafted(content)
    view = map_view(session.state, session.game.rules, content, "cn", recent_notes(notes, 5))
    flows = {f.chip: f for f in view.flows}
    # a grey purchase is not an arrival (it is in transit); a delivery is; the other lab's buy is not ours
    assert flows["ascend"].arrived == 50 and flows["ascend"].path == ("cn",)
    assert flows["a100"].arrived == 100 and flows["a100"].owned == 400
    assert flows["a100"].path == ("us", "tw", "cn") and flows["a100"].maker == "Nvidia"
    assert "h800" not in flows and "h100" not in flows
    assert view.flows[0].chip == "a100"  # most arrived first


def test_bans_are_barriers_announced_or_in_force(content):
    session, notes = crafted(content)
    view = map_view(session.state, session.game.rules, content, "cn", notes)
    (barrier,) = view.barriers
    assert barrier.route == ("tw", "cn") and barrier.maker == "Nvidia"
    assert barrier.in_force == ["a100", "h100"]
    assert barrier.announced == [("h800", 2)]


def test_grey_route_carries_the_shipment_and_the_engine_seizure_risk(content):
    session, notes = crafted(content)
    lab = session.state.labs["cn"]
    view = map_view(session.state, session.game.rules, content, "cn", notes)
    assert view.grey is not None
    assert view.grey.path == ("tw", "sea", "cn")
    assert view.grey.in_transit == {"h800": 30}
    assert view.grey.chance_pct == seizure_chance(lab) == 15
    assert view.grey.delivered == 100


def test_no_ban_no_grey_route(content):
    session = Session.new(content, "cn_lab", 1, ["cn"])
    view = map_view(session.state, session.game.rules, content, "cn", [])
    assert view.grey is None and view.barriers == []


def test_markers_show_compute_for_labs_and_none_for_rivals(content):
    session, notes = crafted(content)
    view = map_view(session.state, session.game.rules, content, "cn", notes)
    mine = [mk for mk in view.markers if mk.mine]
    assert len(mine) == 1 and mine[0].region == "cn" and mine[0].compute and mine[0].compute > 0
    rivals = [mk for mk in view.markers if not mk.mine]
    assert rivals and all(mk.compute is None for mk in rivals)  # the state has no rival compute: none drawn
    assert {mk.region for mk in rivals} <= {"us", "cn"}


def test_flow_changed_and_recent_notes():
    buy = Note.of("action.buy_chips", 3, "cn", {"chip": "a100", "count": 1})
    news = Note.of("event.fired", 3, None, {"event": "x"})
    assert flow_changed([news, buy]) and not flow_changed([news])
    assert flow_changed([Note.of("ban.announced", 3, None, {"chip": "a100", "turns": 1})])
    old = dataclasses.replace(buy, turn=1)
    assert recent_notes([old, buy, news], 4) == [buy, news]
