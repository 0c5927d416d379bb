"""The game's only source of chance: numpy's ``Generator(PCG64)``, which lives in the game state.

``GameState.rng`` is an :class:`Rng`: the live generator the engine draws with, which reads as its
JSON form (numpy's ``PCG64.state`` dict, only JSON types) wherever the state is dumped, compared,
copied, hashed or saved. There is no second copy of the generator's state to fall behind: the JSON
form is read from the generator each time it is asked for.

Example::

    >>> rng = Rng.seeded(42)
    >>> first = int(rng.draws.integers(0, 100))
    >>> first, rng == new_rng_state(42), Rng(rng.to_json()) == rng
    (8, False, True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import numpy as np
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


def new_rng_state(seed: int) -> dict[str, Any]:
    """The bit-generator state for a seed (numpy's ``PCG64(seed).state``, only JSON types).

    Example::

        >>> new_rng_state(1)["bit_generator"]
        'PCG64'
    """
    return dict(np.random.PCG64(seed).state)


class Rng(Mapping[str, Any]):
    """A game's generator, held live by its state: ``draws`` is the numpy ``Generator`` the rules draw
    with; as a mapping it is the generator's JSON state now (what saves and hashes hold).

    Why live: loading the generator from a state dict before each end of turn and saving it back
    after cost about 8 µs a turn, 4% of a simulated game, for a dict nobody read in between.

    Copies (``copy.copy``, ``copy.deepcopy``) are independent generators at the same point, so a
    copied state (``Game.apply``, undo) draws apart from the original.

    Example::

        >>> rng = Rng.seeded(3)
        >>> rng.draws.integers(0, 10, size=3).tolist()
        [8, 0, 1]
        >>> dict(rng)["state"] == np.random.PCG64(3).state["state"]
        False
    """

    __slots__ = ("_bit_gen", "draws")

    def __init__(self, state: Mapping[str, Any]):
        """The generator at ``state`` (a PCG64 state, as :meth:`to_json` gives; ``ValueError`` if not)."""
        bit_gen = np.random.PCG64(0)  # seeded only so as not to read the system's entropy: replaced next
        try:
            bit_gen.state = dict(state)
        except (TypeError, KeyError, ValueError) as exc:  # numpy's reasons for refusing a state
            raise ValueError(f"not a PCG64 generator state: {exc}") from None
        self._bit_gen = bit_gen
        self.draws = np.random.Generator(bit_gen)

    @classmethod
    def seeded(cls, seed: int) -> Rng:
        """A new game's generator: ``PCG64(seed)``."""
        rng = cls.__new__(cls)
        rng._bit_gen = np.random.PCG64(seed)
        rng.draws = np.random.Generator(rng._bit_gen)
        return rng

    def to_json(self) -> dict[str, Any]:
        """The generator's state now (a new dict each time; only JSON types)."""
        return self._bit_gen.state

    # The mapping: the JSON state, read afresh at each access (never stale; only the boundaries ask).
    def __getitem__(self, key: str) -> Any:
        return self.to_json()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_json())

    def __len__(self) -> int:
        return len(self.to_json())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self.to_json() == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # (it changes with every draw)

    def __copy__(self) -> Rng:
        return Rng(self.to_json())

    def __deepcopy__(self, memo: dict[int, Any]) -> Rng:
        return Rng(self.to_json())

    def __reduce__(self) -> tuple[Any, ...]:
        return Rng, (self.to_json(),)

    def __repr__(self) -> str:
        return f"Rng({self.to_json()!r})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        """Loading a state (a save, a document) builds the generator from its JSON state; dumping gives
        the JSON state back."""
        return core_schema.no_info_plain_validator_function(
            lambda value: value if isinstance(value, Rng) else Rng(value),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda rng: rng.to_json()),
            json_schema_input_schema=core_schema.dict_schema(core_schema.str_schema()),
        )


@contextmanager
def generator(rng_state: dict[str, Any]) -> Iterator[np.random.Generator]:
    """numpy's generator restored from a plain ``rng_state`` dict; its new state is written back into
    the dict when the block ends. On an exception nothing is written back: the state keeps the draws it
    had before. (For callers holding a state's JSON form; the engine draws with ``GameState.rng``.)

    Example::

        >>> state = new_rng_state(3)
        >>> with generator(state) as rng:
        ...     rng.integers(0, 10, size=3).tolist()
        [8, 0, 1]
        >>> state == new_rng_state(3)
        False
    """
    rng = Rng(rng_state)
    yield rng.draws
    rng_state.clear()
    rng_state.update(rng.to_json())


class _NoDraws:
    """Stands in for the generator where nothing may draw (the legal-action menu, a seat's own actions):
    using it is a bug, caught by every test that reaches it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # introspection (hasattr, copy, doctest), not a draw
            raise AttributeError(name)
        raise RuntimeError("this engine call may not draw from the game's generator")


#: The ``rng`` of contexts that may not draw.
NO_DRAWS: np.random.Generator = _NoDraws()  # type: ignore[assignment]
