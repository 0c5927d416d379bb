"""The ``played`` condition: true when the side an event concerns has a lab in the game."""

from __future__ import annotations

from pydantic import TypeAdapter

from game.content.conditions import Condition
from game.engine.conditions import evaluate
from game.engine.context import Ctx
from game.engine.rng import generator
from tests.engine.helpers import fresh

_COND = TypeAdapter(Condition)


def test_played_is_true_for_the_seated_side_only() -> None:
    g, state = fresh("cn_lab", seed=1)
    with generator(dict(state.rng)) as rng:
        ctx = Ctx(g.rules, state, rng)
        played, absent = _COND.validate_python({"played": True}), _COND.validate_python({"played": False})
        assert evaluate(played, ctx, state.labs["cn"])
        assert not evaluate(played, ctx, None, "us")
        assert evaluate(absent, ctx, None, "us")
        assert not evaluate(absent, ctx, state.labs["cn"])


def test_played_reads_as_a_scalar_in_yaml() -> None:
    cond = _COND.validate_python({"played": False})
    assert cond.verb == "played" and cond.on is False
