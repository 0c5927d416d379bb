"""The examples in the engine's and content layer's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import game.content
import game.engine

PACKAGED = sorted(
    name for package in (game.engine, game.content)
    for _, name, _ in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
)
MODULES = [*PACKAGED, "game.messages", "game.classcode", "game.i18n", "game.match",
           "game.policies"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
