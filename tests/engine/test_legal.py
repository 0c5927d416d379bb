"""The legal menu, ``why_not`` and the refusal functions agree: every entry passes ``check``, sampled
illegal amounts are refused by both the menu and ``check``, and ``why_not`` is ``None`` exactly when the
menu has an entry of that kind (or for that target)."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.loader import load_content
from game.engine import actions as a
from game.engine import errors as err
from game.engine import legal
from game.engine import refusals as r
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.rng import NO_DRAWS
from game.engine.rules import PRICE_POINTS
from game.engine.state import GameState
from game.match import play_game

#: Every kind a seat may take (the actions panel's, then cards and the end of a turn).
KINDS = (a.BuyChips, a.RentCloud, a.StartTraining, a.Research, a.Release, a.SetPrice, a.RaiseMoney, a.Lobby,
         a.Hire, a.Choose, a.EndTurn)


def states(game: Game, seed: int, policy: str = "random", every: int = 4) -> list[GameState]:
    """Copies of the state before every ``every``-th choice of a seeded game (the game not over)."""
    seen: list[GameState] = []
    play_game(game, seed, dict.fromkeys(game.scenario.sides, policy),
              on_step=lambda state, action, notes: seen.append(state.model_copy(deep=True)))
    return [s for s in seen[::every] if not s.over]


def _outcome(game: Game, state: GameState, action: a.Action) -> tuple[str, ...] | None:
    """What ``apply`` says of ``action``: None (allowed) or the refusal's class, key and text."""
    try:
        game.apply(state, action)
    except err.IllegalAction as exc:
        return type(exc).__name__, exc.key, str(exc)
    return None


def _checked(game: Game, state: GameState, action: a.Action) -> tuple[str, ...] | None:
    try:
        game.check(state, action)
    except err.IllegalAction as exc:
        return type(exc).__name__, exc.key, str(exc)
    return None


def _samples(game: Game, state: GameState, rng: np.random.Generator) -> list[a.Action]:
    """Actions with amounts around and beyond what the menu offers, on every chip and technique."""
    ctx, lab = Ctx(game.rules, state, NO_DRAWS), state.lab
    out: list[a.Action] = []
    for chip in game.rules.chips:
        for grey in (False, True):
            most = r.most_chips(ctx, lab, chip, grey) if r.chip_reason(ctx, lab, chip, grey) is None else 0
            for count in {1, max(most, 0) + 1, int(rng.integers(1, 10**6))} | ({most} if most > 0 else set()):
                out.append(a.BuyChips(chip=chip, count=count, grey=grey))
        out.append(a.RentCloud(chip=chip, gpu_hours=int(rng.integers(1, 10**8))))
        limit = r.max_run_hours(ctx, lab, chip)
        for hours in {r.MIN_RUN_HOURS - 1, r.MIN_RUN_HOURS, limit + 1, int(rng.integers(1, 10**9))}:
            if hours > 0:
                out.append(a.StartTraining(chip=chip, gpu_hours=hours))
    out += [a.Research(tech=t) for t in game.rules.techs]
    price = int(rng.integers(1, 200_000))
    out += [a.Release(price_cents=price, open_weights=False), a.SetPrice(price_cents=price),
            a.SetPrice(price_cents=lab.price_cents), a.RaiseMoney(), a.Lobby(),
            a.Hire(count=int(rng.integers(1, 501))), a.EndTurn()]
    return out


@pytest.mark.parametrize(("scenario", "seed"), [("cn_lab", 2), ("us_lab", 4), ("head_to_head", 6),
                                                ("early_bans", 1)])
def test_menu_refusals_and_check_agree(scenario: str, seed: int) -> None:
    game = Game(load_content(), scenario)
    rng = np.random.default_rng(seed)
    for state in states(game, seed):
        menu = game.legal_actions(state)
        for action in menu:
            assert _checked(game, state, action) is None, action
        offered = {x.model_dump_json() for x in menu}
        for action in _samples(game, state, rng):
            checked = _checked(game, state, action)
            assert checked == _outcome(game, state, action), action
            if checked is not None:
                assert action.model_dump_json() not in offered, (action, checked)


@pytest.mark.parametrize(("scenario", "seed"), [("cn_lab", 3), ("head_to_head", 5), ("no_export_controls", 2)])
def test_why_not_is_none_exactly_when_the_menu_has_the_kind(scenario: str, seed: int) -> None:
    game = Game(load_content(), scenario)
    for state in states(game, seed, every=3):
        menu = game.legal_actions(state)
        side = state.active
        kinds = {type(x) for x in menu}
        for kind in KINDS:
            reason = game.why_not(state, side, kind)
            assert (reason is None) == (kind in kinds), (state.turn, kind, reason)
            assert reason is None or isinstance(reason, err.IllegalAction)
        for kind in (a.BuyChips, a.RentCloud, a.StartTraining, a.Research):
            for target in game.targets(side, kind):
                has = any(legal_target(x) == target for x in menu if isinstance(x, kind))
                assert (game.why_not(state, side, kind, target) is None) == has, (state.turn, kind, target)
        other = next((s for s in state.seats if s != side), None)
        if other is not None and state.outcome is None:
            assert game.why_not(state, other, a.Hire).key == "illegal.not_your_turn"


def legal_target(action: a.Action) -> str:
    """The target ``why_not`` asks about: a chip bought on the open market, rented or trained on; a
    technique."""
    if isinstance(action, a.BuyChips):
        return "" if action.grey else action.chip
    return getattr(action, "chip", None) or getattr(action, "tech", "")


def test_why_not_reasons_in_words() -> None:
    game = Game(load_content(), "cn_lab")
    state = game.new_game(1)
    assert game.why_not(state, "cn", a.SetPrice).key == "illegal.not_released"
    assert game.why_not(state, "cn", a.Choose).key == "illegal.no_card"
    state.lab.cash = 0
    assert game.why_not(state, "cn", a.Hire).key == "illegal.not_enough_cash"
    reason = game.why_not(state, "cn", a.BuyChips)
    assert isinstance(reason, err.NotEnoughCash), "not enough cash is said before a chip not on sale yet"
    assert game.why_not(state, "cn", a.BuyChips, "h100").key == "illegal.chip_not_yet"
    state.lab.action_points = 0
    assert game.why_not(state, "cn", a.Lobby).key == "illegal.no_action_points"
    assert game.why_not(state, "cn", a.EndTurn) is None


def test_targets_are_the_chips_sold_to_the_side() -> None:
    game = Game(load_content(), "head_to_head")
    assert game.targets("us", a.BuyChips) == ("v100", "a100", "h100")
    assert "a800" in game.targets("cn", a.StartTraining)
    assert game.targets("us", a.Research) == tuple(game.rules.techs)
    assert game.targets("us", a.Hire) == ()


@pytest.mark.parametrize("scenario", ["cn_lab", "head_to_head", "early_bans"])
def test_menu_tables_list_the_calendar_s_chips(scenario: str) -> None:
    game = Game(load_content(), scenario)
    rules, tables = game.rules, game.menu_tables
    for side in rules.scenario.sides:
        assert len(tables.on_sale[side]) == len(rules.dates)
        for turn, offers in enumerate(tables.on_sale[side]):
            chips = [chip for chip, _ in offers]
            assert chips == [c for c in rules.chips if r.calendar_reason(rules, side, c, turn) is None]
            for chip, rents in offers:
                assert [(x.gpu_hours, cost) for x, cost in rents] == [
                    (h, r.rent_cost(rules, chip, h)) for h in legal.rent_hours(rules.months(turn))]


@pytest.mark.parametrize("scenario", ["cn_lab", "us_lab"])
def test_menu_tables_list_the_techniques_invented(scenario: str) -> None:
    game = Game(load_content(), scenario)
    rules, tables = game.rules, game.menu_tables
    assert len(tables.research) == len(rules.dates)
    for turn, entries in enumerate(tables.research):
        assert [x.tech for x in entries] == [t for t in rules.techs if r.invented(rules, t, turn)]
    assert tables.research[0] != tables.research[-1], "a technique is invented during the game"


def test_whole_lot_is_the_most_a_lab_can_buy() -> None:
    """The menu's largest buy of a chip passes check, one more chip is refused."""
    game = Game(load_content(), "head_to_head")
    for state in states(game, 8, policy="aggressive", every=2):
        by_kind = game.legal_actions(state).by_kind
        lots: dict[tuple[str, bool], int] = {}
        for x in by_kind.get(a.BuyChips, ()):
            lots[x.chip, x.grey] = max(lots.get((x.chip, x.grey), 0), x.count)
        for (chip, grey), most in lots.items():
            game.check(state, a.BuyChips(chip=chip, count=most, grey=grey))
            with pytest.raises(err.IllegalAction):
                game.check(state, a.BuyChips(chip=chip, count=most + 1, grey=grey))


def test_menu_kinds_cost_one_action_point() -> None:
    """legal_menu asks the action-point rule once for every kind it lists (all but cards and EndTurn)."""
    kinds = [kind for kind, _ in legal.SECTIONS] + [a.BuyChips, a.RentCloud, a.Release, a.SetPrice,
                                                     a.RaiseMoney, a.Lobby, a.Hire]
    assert all(kind.cost == 1 for kind in kinds)
    assert a.Choose.cost == a.EndTurn.cost == 0



def test_a_set_price_is_offered_for_every_price_point_but_the_current_one() -> None:
    game = Game(load_content(), "cn_lab")
    state = game.new_game(seed=1)
    state.pending = []
    lab = state.labs["cn"]
    lab.released, lab.action_points = 4000, 3
    for current, offered in ((219, [p for p in PRICE_POINTS if p != 219]), (250, list(PRICE_POINTS))):
        lab.price_cents = current  # (250: a card's price, no price point: every point is new)
        prices = [x.price_cents for x in game.legal_actions(state) if isinstance(x, a.SetPrice)]
        assert prices == offered, current
