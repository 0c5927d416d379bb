"""The examples in game.policies' docstrings run and give what they show (base and heuristics have none)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import game.policies

MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(game.policies.__path__, "game.policies."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
