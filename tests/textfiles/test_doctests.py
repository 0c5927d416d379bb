"""The examples in game.textfiles's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import game.textfiles

MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(game.textfiles.__path__, "game.textfiles."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 or name == "game.textfiles", f"{name} has no example"
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
