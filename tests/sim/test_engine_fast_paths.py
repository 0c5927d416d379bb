"""The engine's fast paths (added for simulation speed) agree with the plain rules they stand for."""

from __future__ import annotations

import numpy as np
import pytest

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.legal import LegalMenu
from game.engine.market import market_step
from game.engine.rng import NO_DRAWS, generator, new_rng_state
from game.engine.state import Fired
from game.play import play_game


def states(scenario: str, policy: str, seed: int) -> list:
    """Copies of the state after every action of a game."""
    game = Game(load_content(), scenario)
    seen: list = []
    play_game(game, seed, dict.fromkeys(game.scenario.sides, policy),
              on_step=lambda state, action, notes: seen.append(state.model_copy(deep=True)))
    return seen


def test_generator_writes_back_only_what_was_drawn() -> None:
    state = new_rng_state(5)
    before = dict(state)
    with generator(state):
        pass
    assert state == before, "nothing drawn, nothing changed"
    with generator(state) as rng:
        first = int(rng.integers(0, 1000))
    reference = np.random.Generator(np.random.PCG64(5))
    assert first == int(reference.integers(0, 1000))
    assert state == reference.bit_generator.state
    with pytest.raises(ZeroDivisionError), generator(state) as rng:
        rng.integers(0, 10)
        raise ZeroDivisionError
    assert state == reference.bit_generator.state, "a failed block leaves the state as it was"


def test_menus_and_plain_actions_leave_the_generator_alone() -> None:
    game = Game(load_content(), "cn_lab")
    state = game.new_game(3)
    rng = dict(state.rng)
    legal = game.legal_actions(state)
    assert state.rng == rng
    game.apply_in_place(state, next(x for x in legal if not isinstance(x, EndTurn)))
    assert state.rng == rng
    game.apply_in_place(state, EndTurn())
    assert state.rng != rng, "the world's answer draws"


def test_fired_ids_follow_the_log() -> None:
    game = Game(load_content(), "us_lab")
    state = game.new_game(1)
    ctx = Ctx(game.rules, state, None)  # type: ignore[arg-type]
    assert ctx.fired_ids() == {f.event for f in state.fired}
    state.fired.append(Fired(turn=0, date=state.date, event="made_up"))
    assert "made_up" in ctx.fired_ids()
    state.fired = state.fired[:1]
    assert ctx.fired_ids() == {f.event for f in state.fired}


def test_same_game_with_apply_and_apply_in_place() -> None:
    game = Game(load_content(), "head_to_head", {"turn_limit": 6})
    played = play_game(game, 8, {"us": "random", "cn": "efficient"})
    state = game.new_game(8)
    for record in played.actions:
        state = game.apply(state, record["action"]).state
    assert state.model_dump() == played.state.model_dump()


def _numpy_pair(seed: int) -> tuple[np.random.PCG64, np.random.Generator]:
    bit_gen = np.random.PCG64(seed)
    return bit_gen, np.random.Generator(bit_gen)


@pytest.mark.parametrize("seed", range(12))
def test_python_integers_match_numpy_draw_for_draw(seed: int) -> None:
    """The generator's pure-Python ``integers`` gives numpy's values and leaves numpy's state, including
    the spare 32-bit half and rejection loops (spans just over 2**31 reject about half the time)."""
    picker = np.random.Generator(np.random.PCG64(1000 + seed))
    state = new_rng_state(seed)
    bit_gen, reference = _numpy_pair(seed)
    with generator(state) as rng:
        for _ in range(300):
            kind = int(picker.integers(0, 7))
            if kind == 6:  # numpy's own path (the market's normals) in between, on the same stream
                count = int(picker.integers(0, 12))
                assert rng.standard_normal(count).tolist() == reference.standard_normal(count).tolist()
                continue
            low = int(picker.integers(-10**6, 10**6))
            span = [300, 1 << 30, 2**31 + int(picker.integers(1, 999)), 2**32 - 1, 0, 2**32, 99][kind]
            got = rng.integers(low, low + span + 1)
            assert got == int(reference.integers(low, low + span + 1)), (kind, low, span)
    assert state == bit_gen.state, "the same state is written back"


def test_generator_falls_back_to_numpy_and_refuses_after_its_block() -> None:
    state = new_rng_state(3)
    _, reference = _numpy_pair(3)
    with generator(state) as rng:
        assert rng.integers(0, 10, size=4).tolist() == reference.integers(0, 10, size=4).tolist()
        assert rng.integers(5) == reference.integers(5)  # one bound: numpy's path
        assert rng.integers(0, 100) == reference.integers(0, 100)
    with pytest.raises(RuntimeError):
        rng.integers(0, 10)
    with pytest.raises(RuntimeError):
        rng.standard_normal(2)
    with pytest.raises(RuntimeError):
        NO_DRAWS.integers(0, 10)


def test_market_step_matches_the_numpy_formula() -> None:
    """market_step's plain-Python arithmetic gives the vector formula's prices to the cent."""
    game = Game(load_content(), "cn_lab")
    beta = np.array([s.ai_beta for s in game.rules.stocks], dtype=np.int64)
    vol = np.array([s.volatility_bp for s in game.rules.stocks], dtype=np.int64)
    state = game.new_game(4)
    for turn, sentiment in enumerate((-100, -37, 0, 12, 55, 100)):
        state.world.sentiment, state.turn = sentiment, turn
        before, rng_state = dict(state.world.stocks), dict(state.rng)
        with generator(state.rng) as rng:
            market_step(Ctx(game.rules, state, rng))
        months = game.rules.months(turn)
        noise = np.random.Generator(np.random.PCG64(0))
        noise.bit_generator.state = rng_state
        moves = (np.rint(noise.standard_normal(len(beta)) * vol * np.sqrt(months)).astype(np.int64)
                 + (60 + beta * sentiment // 100) * months)
        for stock, move in zip(game.rules.stocks, moves.tolist(), strict=True):
            move = max(-5000, min(5000, move))
            assert state.world.stocks[stock.id] == max(1, before[stock.id] * (10000 + move) // 10000)


def test_state_records_assign_plainly_and_strays_are_caught() -> None:
    """Records assign straight into __dict__ (no pydantic check): the value is what dumps and copies
    see, and a misspelt name is what the conformance games' invariant finds."""
    from tests.engine.test_conformance import stray_attributes

    fired = Fired(turn=0, date="2019-07-01", event="x")
    fired.choice = "a"
    assert fired.model_dump()["choice"] == "a" and fired.model_copy(deep=True).choice == "a"
    assert stray_attributes(fired) == []
    fired.chioce = "b"  # type: ignore[attr-defined]
    assert stray_attributes(fired) == ["state.chioce"]


def test_pow2_by_long_division_matches_the_digit_formula() -> None:
    """economy._pow2_ppm finds the binary digits of rest/den by long division; the formula it replaced
    computed each digit as floor(rest * 2**bit / den) % 2."""
    from game.engine.economy import _ROOTS, _pow2_ppm

    def by_digits(num: int, den: int) -> int:
        whole, rest = divmod(num, den)
        value = 1_000_000
        for bit, root in enumerate(_ROOTS, start=1):
            if rest * 2**bit // den % 2:
                value = value * root // 10**12
        return value * 2**whole if whole >= 0 else value // 2**-whole

    for den in (1, 7, 299, 300, 1000):
        for num in range(-4000, 4000, 13):
            assert _pow2_ppm.__wrapped__(num, den) == by_digits(num, den), (num, den)


@pytest.mark.parametrize("scenario", ["cn_lab", "head_to_head"])
def test_menu_groups_are_the_menu_grouped(scenario: str) -> None:
    """LegalMenu.by_kind, filled section by section, is exactly the list grouped by class, in order."""
    game = Game(load_content(), scenario)
    for state in states(scenario, "random", 3)[::2]:
        menu = game.legal_actions(state)
        assert isinstance(menu, LegalMenu)
        grouped: dict[type, list] = {}
        for action in menu:
            grouped.setdefault(type(action), []).append(action)
        assert {kind: list(group) for kind, group in menu.by_kind.items()} == grouped
        assert list(menu.by_kind) == list(grouped), "kinds in menu order"
