"""An event's conditions, effects and choices as plain records, for the rules that read them every turn.

Content verbs are pydantic models (checked when the content is read), and a pydantic model's fields go
through its ``__getattr__`` hook at every read, four times slower than a slot's. An event's trigger is
tested at every turn, so :class:`~game.engine.rules.Card` holds it, its effects and its choices as plain
records: the same verbs, fields and values, in frozen dataclasses with slots, which the evaluator
(:mod:`game.engine.conditions`) and the effects (:mod:`game.engine.effects`) handle with the same
functions as the verbs themselves.

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
from game.content import effects as e
from game.content.models import Choice


def _record_class(model: type[Any]) -> type:
    """A frozen dataclass with slots holding ``model``'s fields, under the model's name."""
    return make_dataclass(model.__name__, list(model.model_fields), frozen=True, slots=True)


#: Each condition verb's, effect verb's and the choice's plain record class.
RECORDS: dict[type, type] = {model: _record_class(model)
                             for model in (*c.CONDITION_CLASSES, *e.EFFECT_CLASSES, Choice)}


def plain(value: Any) -> Any:
    """``value`` as plain records: a verb or a choice (and the verbs inside it), or a list of them (as a
    tuple); anything else (``None``, text, numbers, lists of ids) as it is."""
    if isinstance(value, list):
        return tuple(plain(item) for item in value) if value and type(value[0]) in RECORDS else value
    record = RECORDS.get(type(value))
    if record is None:
        return value
    return record(**{name: plain(getattr(value, name)) for name in type(value).model_fields})
