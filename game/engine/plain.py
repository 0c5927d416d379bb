"""Content conditions as plain records, for the rules that test them at every turn.

Content verbs are pydantic models (checked when the content is read), and a pydantic model's fields go
through its ``__getattr__`` hook at every read, four times slower than a slot's. An event's trigger is
tested at every turn, so :class:`~game.engine.rules.Card` holds it as plain records: the same verbs,
fields and values, in frozen dataclasses with slots, which the evaluator (:mod:`game.engine.conditions`)
checks with the same functions as the verbs themselves.

Example::

    >>> from pydantic import TypeAdapter
    >>> from game.content.conditions import Condition
    >>> cond = TypeAdapter(Condition).validate_python({"all": [{"side": "cn"}, {"flag": "crash"}]})
    >>> plain(cond)
    AllOf(verb='all', conditions=(SideIs(verb='side', side='cn'), FlagSet(verb='flag', name='crash')))
"""

from __future__ import annotations

from dataclasses import make_dataclass
from typing import Any

from game.content import conditions as c


def _record_class(verb: type[c.Verb]) -> type:
    """A frozen dataclass with slots holding ``verb``'s fields, under the verb's name."""
    return make_dataclass(verb.__name__, list(verb.model_fields), frozen=True, slots=True)


#: Each condition verb's plain record class.
RECORDS: dict[type, type] = {verb: _record_class(verb) for verb in c.CONDITION_CLASSES}


def plain(cond: Any) -> Any:
    """``cond`` and the conditions inside it as plain records (``None`` stays ``None``)."""
    if cond is None:
        return None
    fields = {name: getattr(cond, name) for name in type(cond).model_fields}
    if isinstance(cond, c.AllOf | c.AnyOf):
        fields["conditions"] = tuple(plain(inner) for inner in cond.conditions)
    elif isinstance(cond, c.Not):
        fields["condition"] = plain(cond.condition)
    return RECORDS[type(cond)](**fields)
