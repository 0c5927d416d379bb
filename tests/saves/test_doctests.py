"""The examples in the docstrings of game.saves run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import game.saves

MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(game.saves.__path__, "game.saves."))


@pytest.mark.parametrize("name", [*MODULES, "game.tools.replay"])
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
