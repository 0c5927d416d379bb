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
from game.match import play_game


def states(scenario: str, policy: str, seed: int) -> list:
    """Copies of the state after every action of a game."""
    game = Game(load_content(), scenario)
    seen: list = []
    play_game(game, seed, dict.fromkeys(game.scenario.sides, policy),
              on_step=lambda state, action, notes: seen.append(state.model_copy(deep=True)))
    return seen


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


def test_same_game_with_apply_and_apply_in_place() -> None:
    game = Game(load_content(), "head_to_head", {"turn_limit": 6})
    played = play_game(game, 8, {"us": "random", "cn": "efficient"})
    state = game.new_game(8)
    for entry in played.log:
        state = game.apply(state, entry.action).state
    assert state.model_dump() == played.state.model_dump()


def test_market_step_matches_the_numpy_formula() -> None:
    """market_step's plain-Python arithmetic gives the vector formula's prices to the cent (with no AI
    demand to price in: see tests/engine/test_market.py for that part)."""
    game = Game(load_content(), "cn_lab")
    beta = np.array([s.ai_beta for s in game.rules.stocks], dtype=np.int64)
    vol = np.array([s.volatility_bp for s in game.rules.stocks], dtype=np.int64)
    state = game.new_game(4)
    for turn, sentiment in enumerate((-100, -37, 0, 12, 55, 100)):
        state.world.sentiment, state.turn = sentiment, turn
        # no demand to price in: the AI users priced in are the users there were
        world = state.world
        world.priced_users = world.users_last_turn = world.market_users
        before, rng_state = dict(state.world.stocks), dict(state.rng)
        market_step(Ctx(game.rules, state, state.rng.draws))
        months = game.rules.months(turn)
        noise = np.random.Generator(np.random.PCG64(0))
        noise.bit_generator.state = rng_state
        moves = (np.rint(noise.standard_normal(len(beta)) * vol * np.sqrt(months)).astype(np.int64)
                 + beta * sentiment // 400 * months)
        for stock, move in zip(game.rules.stocks, moves.tolist(), strict=True):
            move = max(-5000, min(5000, move))
            assert state.world.stocks[stock.id] == max(1, before[stock.id] * (10000 + move) // 10000)


def test_pow2_by_long_division_matches_the_digit_formula() -> None:
    """economy._pow2_fraction_ppm finds the binary digits of rest/den by long division, and quality_ppm
    reads the users' model's fractions from a table of it; the formula they replaced computed each
    digit as floor(rest * 2**bit / den) % 2."""
    from game.engine.economy import _ROOTS, DOUBLING_GAP, _pow2_fraction_ppm, quality_ppm

    def by_digits(num: int, den: int) -> int:
        whole, rest = divmod(num, den)
        value = 1_000_000
        for bit, root in enumerate(_ROOTS, start=1):
            if rest * 2**bit // den % 2:
                value = value * root // 10**12
        return value * 2**whole if whole >= 0 else value // 2**-whole

    for den in (1, 7, 299, 300, 1000):
        for rest in range(0, den, max(1, den // 97)):
            assert _pow2_fraction_ppm(rest, den) == by_digits(rest, den), (rest, den)
    for gap in range(-4000, 4000, 7):
        assert quality_ppm(gap) == by_digits(gap, DOUBLING_GAP), gap


def test_pow2_fixed_reads_its_first_digits_from_a_table() -> None:
    """pow2_fixed takes the first thirteen binary digits of its fraction from a table and multiplies in
    the last seven: the same as _pow2_fraction_ppm's twenty steps (a sample here; all 2**20 fractions
    agreed when the table came in, and when it grew from ten digits to thirteen)."""
    from game.engine.economy import _pow2_fraction_ppm, pow2_fixed

    def plain(exponent: int) -> int:
        whole, rest = divmod(exponent, 1 << 20)
        value = _pow2_fraction_ppm(rest, 1 << 20)
        return value * 2**whole if whole >= 0 else value // 2**-whole

    for exponent in [*range(-5000, 5000), *range(-(40 << 20), 40 << 20, 9973), (1 << 20) - 1, 1 << 10]:
        assert pow2_fixed(exponent) == plain(exponent), exponent


def test_log2_fixed_is_the_squaring_formula() -> None:
    """log2_fixed's loop with literal shifts and a table of digit values gives the plain formula's bits."""
    from game.engine.training import LOG_BITS, log2_fixed

    def plain(n: int) -> int:
        whole, scale = n.bit_length() - 1, 62
        y, result = (n << scale) >> whole, whole << LOG_BITS
        for bit in range(LOG_BITS):
            y = (y * y) >> scale
            if y >= 2 << scale:
                y >>= 1
                result += 1 << (LOG_BITS - 1 - bit)
        return result

    for n in [*range(1, 3000), *range(3000, 10**12, 10**12 // 4999 + 7), 2**63 - 1, 2**64 + 3, 10**20]:
        assert log2_fixed(n) == plain(n), n


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
