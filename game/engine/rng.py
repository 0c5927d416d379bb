"""The game's only source of chance: a PCG64 generator whose state lives in the game state.

Example::

    >>> state = new_rng_state(42)
    >>> with generator(state) as rng:
    ...     first = int(rng.integers(0, 100))
    >>> first
    8
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

#: One numpy generator for every call that goes to numpy (each call loads the state first). Building
#: one costs ~40 µs (more than a whole action), loading a state into an existing one ~3 µs.
_NUMPY: list[tuple[np.random.PCG64, np.random.Generator]] = []


def _shared_numpy() -> tuple[np.random.PCG64, np.random.Generator]:
    if not _NUMPY:
        bit_gen = np.random.PCG64(0)  # seeded only to skip reading OS entropy: replaced before each use
        _NUMPY.append((bit_gen, np.random.Generator(bit_gen)))
    return _NUMPY[0]


def new_rng_state(seed: int) -> dict[str, Any]:
    """The bit-generator state for a seed."""
    return dict(np.random.PCG64(seed).state)


#: PCG64's multiplier (numpy's PCG_DEFAULT_MULTIPLIER_128) and masks, for :meth:`LazyGenerator.integers`.
_PCG_MULT = (2549297995355413924 << 64) + 4865540595714422341
_M128, _M64, _M32 = (1 << 128) - 1, (1 << 64) - 1, (1 << 32) - 1
_INT64_MIN, _INT64_END = -(1 << 63), 1 << 63


class LazyGenerator:
    """Stands in for a ``numpy.random.Generator`` restored from a state dict, built on first use.

    Most engine calls (the legal-action menu, every action but the end of a turn) draw nothing, so
    they skip restoring and saving the generator altogether. Draws are the real generator's:

    - ``integers(low, high)`` with whole-number bounds less than 2**32 apart (every draw of the rules
      but the market's) runs numpy's own algorithm in Python on the PCG64 state: one 128-bit LCG step
      and XSL-RR output per 64 bits, halves kept for the next 32-bit draw (``has_uint32``), Lemire's
      bounded draw with rejection. Same values, same state after (checked against numpy in
      tests/sim/test_engine_fast_paths.py). A numpy call costs ~4 µs of argument handling, and
      restoring and saving its bit generator twice that: ~8 draws a turn made this a tenth of a game.
    - anything else is numpy's, on a bit generator loaded from the state before the call and read
      back after it (the market's ``standard_normal``, once a turn).
    """

    # Slots: one is built for every engine call (most never draw), and its fields are read per draw.
    __slots__ = ("_closed", "_has32", "_inc", "_loaded", "_rng_state", "_state", "_u32")

    def __init__(self, rng_state: dict[str, Any]):
        self._rng_state = rng_state
        self._closed = False
        self._loaded = False  # the four fields below hold the state (then the dict is stale)
        self._state = self._inc = self._has32 = self._u32 = 0

    def _load(self) -> None:
        if self._closed:
            raise RuntimeError("the game's generator was used outside its `with generator(...)` block")
        saved = self._rng_state
        if saved.get("bit_generator") != "PCG64":
            raise ValueError(f"not a PCG64 generator state: {saved.get('bit_generator')!r}")
        self._state, self._inc = saved["state"]["state"], saved["state"]["inc"]
        self._has32, self._u32 = saved["has_uint32"], saved["uinteger"]
        self._loaded = True

    def _as_dict(self) -> dict[str, Any]:
        """The state in numpy's form (``PCG64.state``)."""
        return {"bit_generator": "PCG64", "state": {"state": self._state, "inc": self._inc},
                "has_uint32": self._has32, "uinteger": self._u32}

    def _next32(self) -> int:
        """numpy's ``next_uint32`` for PCG64: the high half of a 64-bit output is kept for next time."""
        if self._has32:
            self._has32 = 0
            return self._u32
        state = (self._state * _PCG_MULT + self._inc) & _M128
        self._state = state
        mixed, rot = ((state >> 64) ^ state) & _M64, state >> 122
        out = ((mixed >> rot) | (mixed << (64 - rot))) & _M64
        self._has32, self._u32 = 1, out >> 32
        return out & _M32

    def integers(self, low: Any, high: Any = None, size: Any = None, dtype: Any = np.int64,
                 endpoint: bool = False) -> Any:
        """``numpy.random.Generator.integers`` (an ``int`` on the fast path)."""
        if (size is None and high is not None and not endpoint and dtype is np.int64
                and type(low) is int and type(high) is int and 0 <= high - 1 - low <= _M32
                and low >= _INT64_MIN and high <= _INT64_END):  # (numpy refuses bounds outside int64)
            return self.draw_int(low, high)
        return self._call_numpy("integers", low, high, size, dtype, endpoint)

    def draw_int(self, low: int, high: int) -> int:
        """``int(integers(low, high))`` for whole-number bounds less than 2**32 apart, without checking
        the arguments: the rules' own draws (a few a turn, always such bounds) call this directly."""
        if not self._loaded:
            self._load()
        span = high - 1 - low  # numpy's closed range [low, low + span]
        if span == 0:
            return low  # numpy draws nothing for a single value
        if span == _M32:
            return low + self._next32()
        bound = span + 1  # numpy's buffered_bounded_lemire_uint32
        product = self._next32() * bound
        if product & _M32 < bound:
            threshold = (_M32 - span) % bound
            while product & _M32 < threshold:
                product = self._next32() * bound
        return low + (product >> 32)

    def standard_normal(self, *args: Any, **kwargs: Any) -> Any:
        """``numpy.random.Generator.standard_normal`` (the market's, once a turn)."""
        return self._call_numpy("standard_normal", *args, **kwargs)

    def _call_numpy(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """Generator method ``name`` run on a bit generator loaded with the state, which is read back."""
        if not self._loaded:
            self._load()  # (refuses once the block is over)
        bit_gen, numpy_generator = _shared_numpy()
        bit_gen.state = self._as_dict()
        try:
            return getattr(numpy_generator, name)(*args, **kwargs)
        finally:
            after = bit_gen.state
            self._state, self._has32, self._u32 = after["state"]["state"], after["has_uint32"], after["uinteger"]

    def __getattr__(self, name: str) -> Any:  # only called for what the proxy itself lacks
        if name.startswith("__"):  # introspection (hasattr, copy), not a draw
            raise AttributeError(name)
        if self._closed:
            raise RuntimeError("the game's generator was used outside its `with generator(...)` block")
        if not callable(getattr(_shared_numpy()[1], name)):
            raise AttributeError(f"the game's generator lends its methods only, not '{name}'")
        return partial(self._call_numpy, name)

    def _close(self) -> None:
        """Write the state back (when something was drawn)."""
        self._closed = True
        if self._loaded:
            self._rng_state.clear()
            self._rng_state.update(self._as_dict())
            self._loaded = False  # so that a later draw goes through _load, which refuses


class generator(LazyGenerator):  # lower case: used like a function, ``with generator(state) as rng``
    """A generator restored from ``rng_state``; its new state is written back on exit.

    On an exception nothing is written back: the state keeps the draws it had before the block.
    (A class rather than ``@contextmanager``, and the generator itself: this is entered for every
    action, and one object is cheaper than three.)
    """

    __slots__ = ()

    def __enter__(self) -> LazyGenerator:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self._close()


class _NoDraws:
    """Stands in for the generator where nothing may draw (the legal-action menu): using it is a bug."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # introspection (hasattr, copy, doctest), not a draw
            raise AttributeError(name)
        raise RuntimeError("this engine call may not draw from the game's generator")


#: The ``rng`` of contexts that only read the state (cheaper than a generator over a copy of its state).
NO_DRAWS: LazyGenerator = _NoDraws()  # type: ignore[assignment]
