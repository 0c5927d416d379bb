"""``cheap_frontier`` with ``owner: self``: only the model of the lab the event concerns counts."""

from __future__ import annotations

from pydantic import TypeAdapter

from game.content.conditions import Condition
from game.engine.conditions import evaluate
from game.engine.context import Ctx
from game.engine.rng import generator
from tests.engine.helpers import fresh

_COND = TypeAdapter(Condition)


def test_owner_self_sees_only_the_concerned_lab() -> None:
    g, state = fresh("head_to_head", seed=2)
    top = max([r.capability for r in state.rivals if r.active] + [1])
    us, cn = state.labs["us"], state.labs["cn"]
    cn.released, cn.price_cents = top, 219          # the Chinese lab's model is cheap and at the frontier
    us.released, us.price_cents = top - 2000, 219   # the American one is cheap but far behind
    cond = _COND.validate_python({"cheap_frontier": {"max_price_cents": 300, "within": 500, "owner": "self"}})
    with generator(dict(state.rng)) as rng:
        ctx = Ctx(g.rules, state, rng)
        assert evaluate(cond, ctx, cn)
        assert not evaluate(cond, ctx, us)
        assert not evaluate(cond, ctx, None, "us")
        player = _COND.validate_python({"cheap_frontier": {"owner": "player"}})
        assert evaluate(player, ctx, us)  # any played lab's model counts for owner: player


def test_owner_self_is_false_when_the_price_is_high() -> None:
    g, state = fresh("cn_lab", seed=2)
    lab = state.labs["cn"]
    lab.released, lab.price_cents = 10000, 6000
    cond = _COND.validate_python({"cheap_frontier": {"owner": "self"}})
    with generator(dict(state.rng)) as rng:
        assert not evaluate(cond, Ctx(g.rules, state, rng), lab)
