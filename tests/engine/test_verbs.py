"""Every condition and effect verb, evaluated by the engine. A verb without a case here fails the
completeness tests at the bottom, so new verbs come with tests."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from game.content.conditions import CONDITIONS, Condition
from game.content.effects import EFFECTS, Effect
from game.engine.conditions import evaluate
from game.engine.context import Ctx
from game.engine.effects import apply_effects
from game.engine.rng import generator
from game.engine.state import Fired, GameState
from tests.engine.helpers import fresh

COND = TypeAdapter(Condition)
EFFECT = TypeAdapter(list[Effect])


def ctx_for(state: GameState, game: Any) -> Ctx:
    with generator(dict(state.rng)) as rng:
        return Ctx(game.rules, state, rng)


def check(
    yaml_like: dict[str, Any], state: GameState | None = None, scenario: str = "cn_lab", side: str | None = None
) -> bool:
    g, s = fresh(scenario)
    if state is None:
        s.world.sentiment = 0  # a random card of the first turn may have moved it
    s = state or s
    ctx = ctx_for(s, g)
    lab = s.labs.get(side) if side else s.lab
    return evaluate(COND.validate_python(yaml_like), ctx, lab, side)


# --- conditions -----------------------------------------------------------------------------------------
# (yaml, expected) on a new cn_lab game: 2019-07, 500 V100, cash $300M, capability 3000.
CONDITION_CASES: dict[str, list[tuple[dict[str, Any], bool]]] = {
    "all": [({"all": [{"side": "cn"}, {"history": True}]}, True), ({"all": [{"side": "cn"}, {"side": "us"}]}, False)],
    "any": [({"any": [{"side": "us"}, {"history": True}]}, True), ({"any": [{"side": "us"}]}, False)],
    "not": [({"not": {"side": "us"}}, True), ({"not": {"side": "cn"}}, False)],
    "date_from": [({"date_from": "2019-09"}, True), ({"date_from": "2019-10"}, False)],
    "date_before": [({"date_before": "2019-08"}, True), ({"date_before": "2019-07"}, False)],
    "side": [({"side": "cn"}, True), ({"side": "us"}, False)],
    "history": [({"history": True}, True), ({"history": False}, False)],
    "flag": [({"flag": "anything"}, False)],
    "fired": [({"fired": "deepseek_r1"}, False)],
    "chip_banned": [({"chip_banned": "a100"}, False)],
    "stat": [
        ({"stat": {"stat": "cash", "at_least": 300_000_000}}, True),
        ({"stat": {"stat": "capability", "below": 3000}}, False),
        ({"stat": {"stat": "compute", "at_least": 1}}, True),
    ],
    "owns": [({"owns": {"chip": "v100", "count": 500}}, True), ({"owns": {"chip": "v100", "count": 501}}, False)],
    "owns_any": [({"owns_any": {"maker": "Nvidia", "count": 500}}, True),
                 ({"owns_any": {"chips": ["a100", "h100"]}}, False)],
    "tech": [({"tech": "moe"}, False)],
    "cheap_frontier": [({"cheap_frontier": {"max_price_cents": 300}}, False)],
    "sentiment": [({"sentiment": {"at_least": 0}}, True), ({"sentiment": {"below": 0}}, False)],
    "played": [({"played": True}, True), ({"played": False}, False)],
    "turn_at_least": [({"turn_at_least": 1}, True), ({"turn_at_least": 2}, False)],
    "cash_runway": [({"cash_runway": 2}, False)],
}


def test_cash_runway_holds_when_the_money_is_about_to_run_out() -> None:
    _, s = fresh("cn_lab")
    s.labs["cn"].cash = 1  # salaries are due at the end of the turn
    assert check({"cash_runway": 1}, s) and check({"cash_runway": 2}, s)
    s.labs["cn"].cash = 10**12
    assert not check({"cash_runway": 24}, s)


@pytest.mark.parametrize(("verb", "index"), [(v, i) for v, cases in CONDITION_CASES.items() for i in range(len(cases))])
def test_condition_on_a_new_game(verb: str, index: int) -> None:
    yaml_like, expected = CONDITION_CASES[verb][index]
    assert check(yaml_like) is expected


def test_conditions_that_become_true() -> None:
    _, s = fresh("cn_lab")
    s.world.flags = ["crash_happened"]
    s.world.banned = ["a100"]
    s.fired.append(Fired(turn=0, date=s.date, event="deepseek_r1"))
    s.labs["cn"].techs = ["moe"]
    assert check({"flag": "crash_happened"}, s)
    assert check({"chip_banned": "a100"}, s)
    assert check({"fired": "deepseek_r1"}, s)
    assert check({"tech": "moe"}, s)


def test_cheap_frontier_names_the_cheap_near_frontier_model() -> None:
    from game.content.conditions import CheapFrontier
    from game.engine.conditions import cheap_frontier_owner

    g, s = fresh("cn_lab")
    lab = s.labs["cn"]
    top = max(r.capability for r in s.rivals if r.active)
    lab.capability = lab.released = top
    lab.price_cents = 219
    ctx = ctx_for(s, g)
    assert cheap_frontier_owner(ctx, CheapFrontier(verb="cheap_frontier", owner="player")) == lab.name
    lab.price_cents = 2000
    assert cheap_frontier_owner(ctx, CheapFrontier(verb="cheap_frontier", owner="player")) is None


def test_lab_conditions_are_false_without_a_lab() -> None:
    g, s = fresh("cn_lab")
    ctx = ctx_for(s, g)
    assert not evaluate(COND.validate_python({"stat": {"stat": "cash", "at_least": 0}}), ctx, None, "us")
    assert evaluate(COND.validate_python({"side": "us"}), ctx, None, "us")


# --- effects --------------------------------------------------------------------------------------------


def run_effects(effects: list[dict[str, Any]], scenario: str = "cn_lab") -> tuple[GameState, GameState, Ctx]:
    g, before = fresh(scenario)
    after = before.model_copy(deep=True)
    ctx = ctx_for(after, g)
    apply_effects(ctx, EFFECT.validate_python(effects), [after.lab])
    return before, after, ctx


def test_cash() -> None:
    b, a, _ = run_effects([{"cash": -2_000_000}, {"cash": 500}])
    assert a.lab.cash == b.lab.cash - 2_000_000 + 500
    assert a.lab.ledger.spend["events"] == 2_000_000 and a.lab.ledger.income["events"] == 500


def test_stat_deltas() -> None:
    b, a, _ = run_effects(
        [
            {"reputation": 80},
            {"gov_relations": -90},
            {"talent": 5},
            {"efficiency_pct": 50},
            {"capability": 250},
            {"sentiment": 30},
            {"market_users_pct": 100},
        ]
    )
    lab = a.lab
    assert lab.reputation == 100 and lab.gov_relations == 0  # clamped to 0..100
    assert lab.talent == b.lab.talent + 5 and lab.efficiency == 1500 and lab.capability == 3250
    assert a.world.sentiment == min(100, b.world.sentiment + 30)
    assert a.world.market_users == 2 * b.world.market_users


def test_users_pct() -> None:
    g, s = fresh("cn_lab")
    s.labs["cn"].users = 1000
    ctx = ctx_for(s, g)
    apply_effects(ctx, EFFECT.validate_python([{"users_pct": -30}]), [s.lab])
    assert s.lab.users == 700


def test_ban_with_delay_then_in_force_and_allow() -> None:
    _, a, ctx = run_effects([{"ban_chips": {"chips": ["a100"], "delay_turns": 1}}, {"ban_chips": {"chips": ["v100"]}}])
    assert a.world.banned == ["v100"] and [(p.chip, p.turn) for p in a.world.pending_bans] == [("a100", 1)]
    apply_effects(ctx, EFFECT.validate_python([{"allow_chips": ["a100", "v100"]}]), [a.lab])
    assert a.world.banned == [] and a.world.pending_bans == []


def test_chip_price_grant_and_lose() -> None:
    _, a, _ = run_effects(
        [
            {"chip_price": {"chip": "v100", "pct": 25}},
            {"grant_chips": {"chip": "ascend", "count": 300}},
            {"lose_chips": {"chip": "v100", "pct": 40}},
            {"grant_chips": {"chip": "ascend", "count": -1000}},
        ]
    )
    assert a.world.chip_price_pct["v100"] == 125
    assert a.lab.chips["v100"] == 300 and a.lab.chips["ascend"] == 0


def test_stocks_and_market() -> None:
    b, a, _ = run_effects([{"stocks": {"nvda": -17}}, {"market": {"factor": "hardware", "pct": -10}}])
    assert a.world.stocks["nvda"] == b.world.stocks["nvda"] * 8300 // 10000 * 9000 // 10000
    assert a.world.stocks["msft"] == b.world.stocks["msft"]  # not a hardware stock
    assert a.world.stocks["tsm"] == b.world.stocks["tsm"] * 9000 // 10000
    _, c, ctx = run_effects([{"market": {"factor": "ai", "pct": 10}}])
    betas = {stock.id: stock.ai_beta for stock in ctx.rules.stocks}  # weighted by exposure to AI demand
    assert c.world.stocks["tsm"] == b.world.stocks["tsm"] * (10000 + 1000 * betas["tsm"] // 1000) // 10000


def test_flags() -> None:
    _, a, ctx = run_effects([{"set_flag": "x"}, {"set_flag": "y"}])
    assert a.world.flags == ["x", "y"]
    apply_effects(ctx, EFFECT.validate_python([{"clear_flag": "x"}]), [a.lab])
    assert a.world.flags == ["y"]


def test_rival_release() -> None:
    b, a, ctx = run_effects([
        {"rival_release": {"rival": "openai", "capability": 8000, "price_cents": 100}},
        {"rival_release": {"rival": "google", "gain": 150, "open_weights": True}},
    ])
    google_before = next(r for r in b.rivals if r.id == "google")
    openai = next(r for r in a.rivals if r.id == "openai")
    google = next(r for r in a.rivals if r.id == "google")
    assert (openai.capability, openai.price_cents) == (8000, 100)
    assert google.capability == google_before.capability + 150 and google.open_weights
    assert [n.key for n in ctx.out].count("rival.release") == 2


def test_tech_done() -> None:
    _, a, _ = run_effects([{"tech_done": "moe"}])
    assert "moe" in a.lab.techs and a.lab.efficiency > 1000
    _, b, _ = run_effects([{"tech_done": "fp8"}])  # FP8 pays run by run, on Hopper chips only
    assert "fp8" in b.lab.techs and b.lab.efficiency == 1000


def test_follow_up() -> None:
    _, a, _ = run_effects([{"follow_up": {"event": "nvidia_crash", "after_turns": 2}}])
    assert [(s.event, s.turn, s.side) for s in a.scheduled] == [("nvidia_crash", 2, "cn")]


def test_lab_effects_skipped_when_no_lab_world_effects_apply() -> None:
    g, s = fresh("cn_lab")
    ctx = ctx_for(s, g)
    cash = s.lab.cash
    apply_effects(ctx, EFFECT.validate_python([{"cash": 5}, {"set_flag": "z"}]), [])
    assert s.lab.cash == cash and s.world.flags == ["z"]


EFFECT_TESTS = {
    "cash": test_cash,
    "reputation": test_stat_deltas,
    "gov_relations": test_stat_deltas,
    "talent": test_stat_deltas,
    "users_pct": test_users_pct,
    "efficiency_pct": test_stat_deltas,
    "capability": test_stat_deltas,
    "sentiment": test_stat_deltas,
    "market_users_pct": test_stat_deltas,
    "ban_chips": test_ban_with_delay_then_in_force_and_allow,
    "allow_chips": test_ban_with_delay_then_in_force_and_allow,
    "chip_price": test_chip_price_grant_and_lose,
    "grant_chips": test_chip_price_grant_and_lose,
    "lose_chips": test_chip_price_grant_and_lose,
    "stocks": test_stocks_and_market,
    "market": test_stocks_and_market,
    "set_flag": test_flags,
    "clear_flag": test_flags,
    "rival_release": test_rival_release,
    "tech_done": test_tech_done,
    "follow_up": test_follow_up,
}


def test_every_condition_verb_has_cases() -> None:
    assert set(CONDITIONS) <= set(CONDITION_CASES), set(CONDITIONS) - set(CONDITION_CASES)


def test_every_effect_verb_has_a_test() -> None:
    assert set(EFFECTS) <= set(EFFECT_TESTS), set(EFFECTS) - set(EFFECT_TESTS)


def test_examples_of_verbs_parse() -> None:
    import yaml

    for registry, adapter in ((CONDITIONS, COND), (EFFECTS, TypeAdapter(Effect))):
        for name, cls in registry.items():
            if cls.example.split(":")[0] == name:
                adapter.validate_python(yaml.safe_load(cls.example))
