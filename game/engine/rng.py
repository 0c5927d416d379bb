"""The game's only source of chance: a PCG64 generator whose state lives in the game state.

Example::

    >>> state = new_rng_state(42)
    >>> with generator(state) as rng:
    ...     first = int(rng.integers(0, 100))
    >>> first
    8
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Bit generators not in use, kept for the next ``generator`` block. Building one costs ~40 µs (more
#: than a whole action), loading a state into an existing one ~3 µs; the state is always replaced.
_SPARE: list[tuple[np.random.PCG64, np.random.Generator]] = []


def new_rng_state(seed: int) -> dict[str, Any]:
    """The bit-generator state for a seed."""
    return dict(np.random.PCG64(seed).state)


class LazyGenerator:
    """Stands in for a ``numpy.random.Generator`` restored from a state dict, built on first use.

    Most engine calls (the legal-action menu, every action but the end of a turn) draw nothing, so
    they skip restoring and saving the generator altogether. Draws are the real generator's.
    """

    def __init__(self, rng_state: dict[str, Any]):
        self._rng_state = rng_state
        self._pair: tuple[np.random.PCG64, np.random.Generator] | None = None
        self._closed = False

    def __getattr__(self, name: str) -> Any:  # only called for what the proxy itself lacks
        if self._closed:
            raise RuntimeError("the game's generator was used outside its `with generator(...)` block")
        if self._pair is None:
            if _SPARE:
                self._pair = _SPARE.pop()
            else:
                bit_gen = np.random.PCG64(0)  # seeded only to skip reading OS entropy: replaced below
                self._pair = (bit_gen, np.random.Generator(bit_gen))
            self._pair[0].state = self._rng_state
        value = getattr(self._pair[1], name)
        # Kept on the proxy, so the next ``rng.integers`` skips this method (a turn draws ~10 times);
        # ``_close`` removes them, so that a closed proxy still refuses to draw.
        self.__dict__[name] = value
        return value

    def _close(self) -> None:
        """Write the state back (when something was drawn) and return the bit generator to the pool."""
        self._closed = True
        if self._pair is not None:  # (methods are only kept once the generator exists)
            for name in [key for key in self.__dict__ if not key.startswith("_")]:
                del self.__dict__[name]
            bit_gen = self._pair[0]
            self._rng_state.clear()
            self._rng_state.update(bit_gen.state)
            _SPARE.append(self._pair)
            self._pair = None


class generator:  # lower case: used like a function, ``with generator(state) as rng``
    """A generator restored from ``rng_state``; its new state is written back on exit.

    On an exception nothing is written back: the state keeps the draws it had before the block.
    (A class rather than ``@contextmanager``: this is entered twice per action, and is cheaper so.)
    """

    def __init__(self, rng_state: dict[str, Any]):
        self.lazy = LazyGenerator(rng_state)

    def __enter__(self) -> np.random.Generator:
        return self.lazy  # type: ignore[return-value]  # duck-typed: forwards to the real Generator

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.lazy._close()
