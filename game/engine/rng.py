"""The game's only source of chance: a PCG64 generator whose state lives in the game state.

Example::

    >>> state = new_rng_state(42)
    >>> with generator(state) as rng:
    ...     first = int(rng.integers(0, 100))
    >>> first
    8
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np


def new_rng_state(seed: int) -> dict[str, Any]:
    """The bit-generator state for a seed."""
    return dict(np.random.PCG64(seed).state)


@contextmanager
def generator(rng_state: dict[str, Any]) -> Iterator[np.random.Generator]:
    """A generator restored from ``rng_state``; its new state is written back on exit."""
    bit_gen = np.random.PCG64()
    bit_gen.state = rng_state
    yield np.random.Generator(bit_gen)
    rng_state.clear()
    rng_state.update(bit_gen.state)
