"""How a verb written in YAML becomes the input of its model (the fast path keeps every rule)."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter, ValidationError

from game.content.conditions import CONDITIONS, Condition
from game.content.effects import EFFECTS, Effect
from game.content.verbs import normalise_verb


@pytest.mark.parametrize(("value", "registry", "expected"), [
    ({"cash": -5}, EFFECTS, {"verb": "cash", "amount": -5}),
    ({"ban_chips": {"chips": ["h100"], "delay_turns": 1}}, EFFECTS,
     {"verb": "ban_chips", "chips": ["h100"], "delay_turns": 1}),
    ({"allow_chips": ["h20"]}, EFFECTS, {"verb": "allow_chips", "chips": ["h20"]}),
    ({"stocks": {"nvda": 2}}, EFFECTS, {"verb": "stocks", "moves": {"nvda": 2}}),  # wraps a mapping
    ({"not": {"flag": "x"}}, CONDITIONS, {"verb": "not", "condition": {"flag": "x"}}),
    ({"verb": "cash", "amount": 1}, EFFECTS, {"verb": "cash", "amount": 1}),  # already normalised
])
def test_shapes(value, registry, expected):
    assert normalise_verb(value, registry, "effect") == expected


@pytest.mark.parametrize(("value", "message"), [
    ("cash", "a effect is a mapping with one key"),
    ({"cash": 1, "reputation": 2}, "has exactly one key (its verb); found cash, reputation"),
    ({"cahs": 1}, "unknown effect 'cahs'"),
    ({"grant_chips": 5}, "effect 'grant_chips' takes a mapping of arguments"),
    ({"ban_chips": ["h100"]}, "effect 'ban_chips' takes a mapping of arguments"),
])
def test_mistakes(value, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        normalise_verb(value, EFFECTS, "effect")


def test_models_take_the_yaml_forms():
    effects = TypeAdapter(list[Effect]).validate_python([{"cash": -5}, {"stocks": {"nvda": 2}}])
    assert [e.verb for e in effects] == ["cash", "stocks"] and effects[1].moves == {"nvda": 2}
    condition = TypeAdapter(Condition).validate_python({"all": [{"flag": "a"}, {"not": {"flag": "b"}}]})
    assert condition.conditions[1].condition.name == "b"
    with pytest.raises(ValidationError, match="unknown effect 'cahs'"):
        TypeAdapter(Effect).validate_python({"cahs": 1})
