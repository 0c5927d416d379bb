"""What a player can do. Actions are small typed records with a JSON form (``{"type": ...}``).

Example::

    >>> BuyChips(chip="a100", count=500).to_json()
    {'type': 'buy_chips', 'chip': 'a100', 'count': 500, 'grey': False}
    >>> parse_action({"type": "end_turn"})
    EndTurn(type='end_turn')
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, TypeAdapter

from game.engine.state import Record


class Action(Record):
    """Base of the actions: frozen dataclasses with slots, like the state's records (the legal menu,
    the computer players and the handlers read their fields at every step, and a pydantic model's
    fields go through its ``__getattr__`` hook at every read). Pydantic checks them where they come
    from outside, in :func:`parse_action` (no unknown key: :class:`~game.engine.state.Record`); an
    amount is checked when the action is made (``ValueError``), there too."""

    __slots__ = ()
    #: Action points the action costs.
    cost: ClassVar[int] = 1

    def to_json(self) -> dict[str, Any]:
        """The JSON form: the fields in order, ``type`` first (only JSON types)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


def _positive(name: str, value: int, most: int | None = None) -> None:
    """An amount is a whole number above zero (and at most ``most``): ``ValueError`` otherwise."""
    if type(value) is not int or value <= 0 or (most is not None and value > most):
        bounds = "above zero" if most is None else f"from 1 to {most}"
        raise ValueError(f"{name} must be a whole number {bounds}, not {value!r}")


#: Every action class: frozen (one instance serves every menu), with slots, keyword arguments only.
action = dataclass(frozen=True, slots=True, kw_only=True)


@action
class BuyChips(Action):
    """Buy chips; ``grey`` buys export-banned chips through smugglers (dearer, may be seized)."""

    type: Literal["buy_chips"] = "buy_chips"
    chip: str
    count: int
    grey: bool = False

    def __post_init__(self) -> None:
        _positive("count", self.count)


@action
class RentCloud(Action):
    """Prepay cloud GPU-hours of a chip type, at its rental price."""

    type: Literal["rent_cloud"] = "rent_cloud"
    chip: str
    gpu_hours: int

    def __post_init__(self) -> None:
        _positive("gpu_hours", self.gpu_hours)


@action
class StartTraining(Action):
    """Start a training run of ``gpu_hours`` on one chip type (owned chips first, then cloud hours)."""

    type: Literal["train"] = "train"
    chip: str
    gpu_hours: int

    def __post_init__(self) -> None:
        _positive("gpu_hours", self.gpu_hours)


@action
class Research(Action):
    """Fund research into an efficiency technique."""

    type: Literal["research"] = "research"
    tech: str


@action
class Release(Action):
    """Put the best trained model on the market, open weights or closed API, at a price."""

    type: Literal["release"] = "release"
    price_cents: int
    open_weights: bool

    def __post_init__(self) -> None:
        _positive("price_cents", self.price_cents)


@action
class SetPrice(Action):
    """Change the price per million output tokens of the released model."""

    type: Literal["set_price"] = "set_price"
    price_cents: int

    def __post_init__(self) -> None:
        _positive("price_cents", self.price_cents)


@action
class RaiseMoney(Action):
    """Raise money from investors (amount set by valuation and sentiment; once every 3 turns)."""

    type: Literal["raise"] = "raise"


@action
class Lobby(Action):
    """Spend on government relations."""

    type: Literal["lobby"] = "lobby"


@action
class Hire(Action):
    """Hire researchers (a signing cost now, salaries every turn)."""

    type: Literal["hire"] = "hire"
    count: int

    def __post_init__(self) -> None:
        _positive("count", self.count, most=500)


@action
class Choose(Action):
    """Answer the event card at the front of the queue."""

    type: Literal["choose"] = "choose"
    event: str
    choice: str
    cost: ClassVar[int] = 0


@action
class EndTurn(Action):
    """End this seat's turn; after the last seat, the world answers."""

    type: Literal["end_turn"] = "end_turn"
    cost: ClassVar[int] = 0


AnyAction = Annotated[
    BuyChips | RentCloud | StartTraining | Research | Release | SetPrice | RaiseMoney | Lobby | Hire
    | Choose | EndTurn,
    Field(discriminator="type"),
]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(AnyAction)


def parse_action(data: dict[str, Any]) -> Action:
    """Read an action from its JSON form; ``pydantic.ValidationError`` when it is malformed."""
    return _ADAPTER.validate_python(data)
