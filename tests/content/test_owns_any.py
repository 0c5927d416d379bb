"""The owns_any condition: chips of a maker (the V100 counts as Nvidia) or of a listed class."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from game.content.conditions import Condition
from game.content.loader import load_content
from game.content.mods import load_content_with_mods
from game.engine.conditions import evaluate
from game.engine.context import Ctx
from game.engine.game import Game
from game.engine.rng import generator
from tests.content.helpers import event, make_mod

COND = TypeAdapter(Condition)


def holds(state, game, cond: dict) -> bool:
    with generator(dict(state.rng)) as rng:
        return evaluate(COND.validate_python(cond), Ctx(game.rules, state, rng), state.labs["cn"])


def test_a_maker_counts_every_chip_it_makes_and_a_class_the_chips_listed():
    game = Game(load_content(), "cn_lab")
    state = game.new_game(seed=1)
    state.labs["cn"].chips = {"v100": 300, "ascend": 50}
    assert holds(state, game, {"owns_any": {"maker": "Nvidia"}})  # the V100 a first "owns a100" missed
    assert holds(state, game, {"owns_any": {"maker": "nvidia", "count": 300}})
    assert not holds(state, game, {"owns_any": {"maker": "Nvidia", "count": 301}})
    assert holds(state, game, {"owns_any": {"chips": ["v100", "ascend"], "count": 350}})
    assert not holds(state, game, {"owns_any": {"chips": ["a800", "h800", "h20"]}})


def test_maker_or_chips_one_of_them():
    with pytest.raises(ValidationError, match="either 'maker' or 'chips'"):
        COND.validate_python({"owns_any": {"count": 3}})
    with pytest.raises(ValidationError, match="either 'maker' or 'chips'"):
        COND.validate_python({"owns_any": {"maker": "Nvidia", "chips": ["h100"]}})


def test_unknown_maker_and_chip_are_reported_with_did_you_mean(tmp_path):
    make_mod(tmp_path, "owner", event("owner_one", "    trigger: {any: [{owns_any: {maker: Nvidai}}, "
                                                   "{owns_any: {chips: [a100, h10]}}]}\n"))
    (info,) = load_content_with_mods(tmp_path).mods
    messages = sorted(p.message for p in info.errors)
    assert messages == ["unknown chip 'h10'. Did you mean 'h100'?",
                        "unknown chip maker 'Nvidai' (the makers are those of the chips in world.yaml). "
                        "Did you mean 'Nvidia'?"]
