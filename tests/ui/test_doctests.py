"""The examples in the pictures' data modules run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["game.ui.motion", "game.ui.mapdata", "game.ui.racedata", "game.ui.marketdata",
           "game.ui.scenes.frontpage", "game.ui.app", "game.ui.theme"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
    assert result.attempted > 0, f"no docstring example in {name}"
