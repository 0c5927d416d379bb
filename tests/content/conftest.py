"""Content tests use a content cache of their own, never the player's (``CHIP_RACE_CACHE``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _own_content_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    previous = os.environ.get("CHIP_RACE_CACHE")
    os.environ["CHIP_RACE_CACHE"] = str(tmp_path_factory.mktemp("content-cache"))
    yield
    if previous is None:
        os.environ.pop("CHIP_RACE_CACHE", None)
    else:
        os.environ["CHIP_RACE_CACHE"] = previous
