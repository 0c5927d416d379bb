"""Each refusal function: one illegal case per refusal key, the same error from the refusal, ``check`` and
``apply``, and ``check`` changing (and copying) nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from game.engine import actions as a
from game.engine import errors as err
from game.engine import refusals as r
from game.engine.canonical import state_hash
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.rng import NO_DRAWS
from game.engine.state import GameState, Outcome, PendingChoice, ResearchProject, TrainingRun
from game.i18n import strings
from tests.engine.helpers import fresh

Setup = Callable[[Game, GameState], None]


def _nothing(g: Game, s: GameState) -> None:
    return None


def _broke(g: Game, s: GameState) -> None:
    s.lab.cash = 0


def _training(g: Game, s: GameState) -> None:
    s.lab.run = TrainingRun(chip="v100", gpu_hours=20_000, reported_cost=1, started_turn=0)


def _ban_v100(g: Game, s: GameState) -> None:
    s.world.banned = ["v100"]


def _no_chips(g: Game, s: GameState) -> None:
    s.lab.chips = {}


def _few_chips(g: Game, s: GameState) -> None:
    s.lab.chips = {"v100": 1}  # 4 turns of one chip: under the smallest run


def _late(g: Game, s: GameState) -> None:
    """October 2024: every technique has been invented, the Ascend 910 is no longer made."""
    s.turn = g.rules.dates.index("2024-10-01")
    s.date = g.rules.dates[s.turn]


def _late_broke(g: Game, s: GameState) -> None:
    _late(g, s)
    _broke(g, s)


def _fp8_done(g: Game, s: GameState) -> None:
    _late(g, s)
    s.lab.techs = ["fp8"]


def _fp8_under_way(g: Game, s: GameState) -> None:
    _late(g, s)
    s.lab.research = [ResearchProject(tech="fp8", turns_left=2)]


def _on_sale(g: Game, s: GameState) -> None:
    s.lab.released, s.lab.price_cents = s.lab.capability, 1000


def _raised(g: Game, s: GameState) -> None:
    s.lab.last_raise_turn = s.turn


def _best_relations(g: Game, s: GameState) -> None:
    s.lab.gov_relations = 100


def _card(g: Game, s: GameState) -> None:
    s.pending = [PendingChoice(event="highflyer_stockpile", side="cn")]


def _no_points(g: Game, s: GameState) -> None:
    s.lab.action_points = 0


def _us_lab(g: Game, s: GameState) -> None:
    s.pending = []  # (a US game: see _state)


def _over(g: Game, s: GameState) -> None:
    s.outcome = Outcome(reason="calendar", results={}, scores={})


#: (setup of a fresh cn_lab game, an action it refuses, the refusal's key) — every key at least once.
CASES: list[tuple[Setup, a.Action, str]] = [
    (_nothing, a.BuyChips(chip="b200", count=1), "illegal.unknown_id"),
    (_nothing, a.BuyChips(chip="h100", count=1), "illegal.chip_not_yet"),
    (_us_lab, a.BuyChips(chip="a800", count=1), "illegal.chip_not_for_side"),
    (_nothing, a.BuyChips(chip="v100", count=1, grey=True), "illegal.grey_not_needed"),
    (_ban_v100, a.BuyChips(chip="v100", count=1), "illegal.export_banned"),
    (_nothing, a.BuyChips(chip="v100", count=10**6), "illegal.supply"),
    (_broke, a.BuyChips(chip="v100", count=1), "illegal.not_enough_cash"),
    (_ban_v100, a.RentCloud(chip="v100", gpu_hours=1000), "illegal.export_banned"),
    (_broke, a.RentCloud(chip="v100", gpu_hours=1000), "illegal.not_enough_cash"),
    (_training, a.StartTraining(chip="v100", gpu_hours=20_000), "illegal.run_in_progress"),
    (_nothing, a.StartTraining(chip="b200", gpu_hours=20_000), "illegal.unknown_id"),
    (_no_chips, a.StartTraining(chip="v100", gpu_hours=20_000), "illegal.no_compute"),
    (_few_chips, a.StartTraining(chip="v100", gpu_hours=20_000), "illegal.run_size"),
    (_nothing, a.StartTraining(chip="v100", gpu_hours=10**9), "illegal.run_size"),
    (_nothing, a.Research(tech="cold_fusion"), "illegal.unknown_id"),
    (_fp8_done, a.Research(tech="fp8"), "illegal.tech_done"),
    (_fp8_under_way, a.Research(tech="fp8"), "illegal.tech_done"),
    (_nothing, a.Research(tech="fp8"), "illegal.tech_not_yet"),
    (_late, a.Research(tech="mla"), "illegal.tech_requires"),
    (_late, a.Research(tech="reasoning"), "illegal.tech_capability"),
    (_late_broke, a.Research(tech="fp8"), "illegal.not_enough_cash"),
    (_late, a.BuyChips(chip="ascend", count=1), "illegal.chip_no_longer"),
    (_on_sale, a.Release(price_cents=1000, open_weights=True), "illegal.nothing_new"),
    (_nothing, a.Release(price_cents=5, open_weights=False), "illegal.price"),
    (_nothing, a.SetPrice(price_cents=500), "illegal.not_released"),
    (_on_sale, a.SetPrice(price_cents=200_000), "illegal.price"),
    (_on_sale, a.SetPrice(price_cents=1000), "illegal.same_price"),
    (_raised, a.RaiseMoney(), "illegal.raise_cooldown"),
    (_best_relations, a.Lobby(), "illegal.lobby_max"),
    (_broke, a.Lobby(), "illegal.not_enough_cash"),
    (_broke, a.Hire(count=10), "illegal.not_enough_cash"),
    (_nothing, a.Choose(event="highflyer_stockpile", choice="x"), "illegal.no_card"),
    (_card, a.Choose(event="highflyer_stockpile", choice="no_such_choice"), "illegal.unknown_id"),
    (_card, a.Hire(count=10), "illegal.choice_pending"),
    (_card, a.EndTurn(), "illegal.choice_pending"),
    (_no_points, a.Lobby(), "illegal.no_action_points"),
    (_over, a.EndTurn(), "illegal.game_over"),
]


def _state(setup: Setup) -> tuple[Game, GameState]:
    g, s = fresh("us_lab" if setup is _us_lab else "cn_lab", seed=1)
    setup(g, s)
    assert not s.pending or setup is _card
    return g, s


def _same(one: err.IllegalAction, other: err.IllegalAction) -> None:
    assert (type(one), one.key, one.params, str(one)) == (type(other), other.key, other.params, str(other))


@pytest.mark.parametrize(("setup", "action", "key"), CASES, ids=[f"{k}-{x.type}" for _, x, k in CASES])
def test_each_refusal_is_the_error_apply_raises(setup: Setup, action: a.Action, key: str) -> None:
    g, s = _state(setup)
    before = state_hash(s)
    refused = r.refusal(Ctx(g.rules, s, NO_DRAWS), action)
    assert refused is not None and refused.key == key, refused
    assert isinstance(refused, ValueError)
    with pytest.raises(err.IllegalAction) as checked:
        g.check(s, action)
    with pytest.raises(err.IllegalAction) as applied:
        g.apply(s, action)
    _same(refused, checked.value)
    _same(refused, applied.value)
    assert state_hash(s) == before, "a refusal changes nothing"


def test_every_refusal_key_has_a_case() -> None:
    keys = {k for _, _, k in CASES}
    wanted = {key for key in strings("en").table if key.startswith("illegal.")}
    # Answered elsewhere: malformed JSON (below), not_your_turn (why_not), and the generic fallbacks.
    assert wanted - keys == {"illegal.malformed", "illegal.not_your_turn", "illegal.generic",
                             "illegal.invalid_amount", "illegal.not_available"}


def test_check_copies_nothing_and_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    g, s = _state(_broke)
    before = state_hash(s)

    def no_copy(*args: object, **kwargs: object) -> None:
        raise AssertionError("check copied the state")

    monkeypatch.setattr(GameState, "model_copy", no_copy)
    g.check(s, a.EndTurn())  # legal: returns quietly
    g.check(s, a.Release(price_cents=219, open_weights=False))
    with pytest.raises(err.NotEnoughCash):
        g.check(s, a.Hire(count=10))
    assert state_hash(s) == before


def test_check_reads_the_json_form_like_apply() -> None:
    g, s = _state(_nothing)
    with pytest.raises(err.IllegalAction) as info:
        g.check(s, {"type": "buy_chips", "chip": "v100"})
    assert info.value.key == "illegal.malformed"
    g.check(s, {"type": "hire", "count": 10})


def test_legal_actions_pass_each_refusal_function() -> None:
    """The per-kind functions themselves (not only the dispatch) accept what apply accepts."""
    g, s = _state(_nothing)
    ctx, lab = Ctx(g.rules, s, NO_DRAWS), s.lab
    assert r.refuse_buy(ctx, lab, "v100", 10) is None
    assert r.refuse_rent(ctx, lab, "v100", 1000) is None
    assert r.refuse_train(ctx, lab, "v100", r.max_run_hours(ctx, lab, "v100")) is None
    assert r.refuse_research(ctx, lab, "fp8") is not None  # 2019: not invented yet
    _late(g, s)
    assert r.refuse_research(ctx, lab, "fp8") is None
    assert r.refuse_release(ctx, lab, 219) is None
    assert r.refuse_raise(ctx, lab) is None
    assert r.refuse_lobby(ctx, lab) is None
    assert r.refuse_hire(ctx, lab, 10) is None
    assert r.refuse_seat(s, "cn", a.BuyChips) is None


def test_most_chips_is_the_largest_count_refuse_buy_accepts() -> None:
    g, s = _state(_nothing)
    ctx, lab = Ctx(g.rules, s, NO_DRAWS), s.lab
    for cash in (0, 7_999, 8_000, 10**7, 10**12):  # cash-bound, then supply-bound
        lab.cash = cash
        most = r.most_chips(ctx, lab, "v100", False)
        assert most <= 0 or r.refuse_buy(ctx, lab, "v100", most) is None
        assert r.refuse_buy(ctx, lab, "v100", max(most, 0) + 1) is not None


def test_seat_refusals_for_another_side() -> None:
    _, s = fresh("head_to_head", seed=3)  # a card waits for cn, not for us
    assert s.active == "us"
    assert r.refuse_seat(s, "cn", a.Hire).key == "illegal.not_your_turn"
    assert r.refuse_seat(s, "us", a.Hire) is None
