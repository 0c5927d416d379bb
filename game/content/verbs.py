"""Shared machinery for the typed condition and effect verbs of the YAML content.

In YAML a verb is a one-key mapping, ``{ban_chips: {chips: [h100]}}`` or, for verbs with one
argument, ``{flag: rush}``. :func:`verb_union` turns such a mapping into the matching pydantic model
(tagged by its ``verb`` field) so that content is never a string that gets evaluated.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


class Verb(BaseModel):
    """Base of every condition and effect verb."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The field filled when the YAML gives a scalar or list instead of a mapping.
    scalar: ClassVar[str | None] = None
    #: True when the single argument is itself a mapping (``not: {flag: x}``), never spread.
    wraps: ClassVar[bool] = False
    #: An example of the verb as written in YAML (used by docs/MODDING.md and its tests).
    example: ClassVar[str] = ""


def _verb_names(cls: type[Verb]) -> tuple[str, ...]:
    annotation = cls.model_fields["verb"].annotation
    return tuple(getattr(annotation, "__args__", ()))


def normalise_verb(value: Any, registry: dict[str, type[Verb]], kind: str) -> Any:
    """Turn ``{name: args}`` into ``{"verb": name, **args}`` for pydantic's tagged union.

    >>> from game.content.effects import EFFECTS
    >>> normalise_verb({"cash": -5}, EFFECTS, "effect")
    {'verb': 'cash', 'amount': -5}
    """
    # The common shapes first, with as few checks as possible: a large mod holds thousands of verbs.
    if type(value) is dict and len(value) == 1:
        (name, args), = value.items()
        cls = registry.get(name)
        if cls is not None:
            if type(args) is dict:
                if not cls.wraps:
                    return {"verb": name, **args}
            elif cls.scalar is not None:
                return {"verb": name, cls.scalar: args}
    if isinstance(value, BaseModel):
        return value
    if not isinstance(value, dict):
        raise ValueError(f"a {kind} is a mapping with one key, such as {{flag: my_flag}}; got {value!r}")
    if "verb" in value:
        return value
    if len(value) != 1:
        keys = ", ".join(map(str, value)) or "nothing"
        raise ValueError(f"a {kind} has exactly one key (its verb); found {keys}")
    (name, args), = value.items()
    cls = registry.get(name)
    if cls is None:
        known = ", ".join(sorted(registry))
        raise ValueError(f"unknown {kind} '{name}'. Known {kind}s: {known}")
    if isinstance(args, dict) and not cls.wraps:
        return {"verb": name, **args}
    if cls.scalar is None:
        raise ValueError(f"{kind} '{name}' takes a mapping of arguments, not {args!r}")
    return {"verb": name, cls.scalar: args}


def verb_union(classes: list[type[Verb]], kind: str) -> tuple[Any, dict[str, type[Verb]]]:
    """Build the annotated tagged union for ``classes`` and the name -> class registry."""
    registry: dict[str, type[Verb]] = {}
    for cls in classes:
        for name in _verb_names(cls):
            registry[name] = cls
    union = Annotated[
        Union[tuple(classes)],  # noqa: UP007 - a union built from a list of classes
        Field(discriminator="verb"),
        BeforeValidator(_normaliser(registry, kind)),
    ]
    return union, registry


def _normaliser(registry: dict[str, type[Verb]], kind: str) -> Callable[[Any], Any]:
    """:func:`normalise_verb` for one registry, with its common cases answered from two tables."""
    # Called for each of the thousands of verbs of a large mod: a closure over two tables takes half the
    # time of a keyword ``partial`` of the general function, which still decides every other case.
    spread = {name for name, cls in registry.items() if not cls.wraps}
    scalar = {name: cls.scalar for name, cls in registry.items() if cls.scalar is not None}

    def normalise(value: Any) -> Any:
        if type(value) is dict and len(value) == 1:
            (name, args), = value.items()
            if type(args) is dict:
                if name in spread:
                    return {"verb": name, **args}
            elif name in scalar:
                return {"verb": name, scalar[name]: args}
        return normalise_verb(value, registry, kind)

    return normalise


def as_text(value: Any) -> Any:
    """YAML 1.1 turns ``2025-01-20`` into a date; accept it and keep the text form."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$"

#: A date written as ``YYYY-MM`` or ``YYYY-MM-DD``.
DateText = Annotated[
    str,
    BeforeValidator(as_text),
    Field(pattern=YEAR_MONTH, description="a date, YYYY-MM or YYYY-MM-DD"),
]

#: A stable identifier: lower-case letters, digits and underscores.
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64, description="a stable id: a-z, 0-9, _")]
