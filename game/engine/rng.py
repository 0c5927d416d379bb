"""The game's only source of chance: numpy's ``Generator(PCG64)``, whose state lives in the game state.

Example::

    >>> state = new_rng_state(42)
    >>> with generator(state) as rng:
    ...     first = int(rng.integers(0, 100))
    >>> first, state == new_rng_state(42)
    (8, False)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np


def new_rng_state(seed: int) -> dict[str, Any]:
    """The bit-generator state for a seed (numpy's ``PCG64(seed).state``, only JSON types).

    Example::

        >>> new_rng_state(1)["bit_generator"]
        'PCG64'
    """
    return dict(np.random.PCG64(seed).state)


@contextmanager
def generator(rng_state: dict[str, Any], bit_gen: np.random.PCG64 | None = None) -> Iterator[np.random.Generator]:
    """numpy's generator restored from ``rng_state``; its new state is written back into the dict when
    the block ends. On an exception nothing is written back: the state keeps the draws it had before.

    ``bit_gen``: a PCG64 to load the state into, instead of building one (what a :class:`Game` passes:
    its own, see ``Game.__init__``). Whatever state it held before is ignored.

    Example::

        >>> state = new_rng_state(3)
        >>> with generator(state) as rng:
        ...     rng.integers(0, 10, size=3).tolist()
        [8, 0, 1]
    """
    if bit_gen is None:
        bit_gen = np.random.PCG64(0)  # seeded only so as not to read the system's entropy: replaced next
    bit_gen.state = rng_state  # (numpy refuses a state that is not PCG64's)
    yield np.random.Generator(bit_gen)
    rng_state.clear()
    rng_state.update(bit_gen.state)


class _NoDraws:
    """Stands in for the generator where nothing may draw (the legal-action menu, a seat's own actions):
    using it is a bug, caught by every test that reaches it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # introspection (hasattr, copy, doctest), not a draw
            raise AttributeError(name)
        raise RuntimeError("this engine call may not draw from the game's generator")


#: The ``rng`` of contexts that may not draw.
NO_DRAWS: np.random.Generator = _NoDraws()  # type: ignore[assignment]
