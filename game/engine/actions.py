"""What a player can do. Actions are small typed records with a JSON form (``{"type": ...}``).

Example::

    >>> BuyChips(chip="a100", count=500).to_json()
    {'type': 'buy_chips', 'chip': 'a100', 'count': 500, 'grey': False}
    >>> parse_action({"type": "end_turn"})
    EndTurn(type='end_turn')
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter


class Action(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Action points the action costs.
    cost: ClassVar[int] = 1

    def to_json(self) -> dict[str, Any]:
        # model_dump(mode="json") without its Python layer (a recorded game writes every action).
        return self.__pydantic_serializer__.to_python(self, mode="json")


class BuyChips(Action):
    """Buy chips; ``grey`` buys export-banned chips through smugglers (dearer, may be seized)."""

    type: Literal["buy_chips"] = "buy_chips"
    chip: str
    count: int = Field(gt=0)
    grey: bool = False


class RentCloud(Action):
    """Prepay cloud GPU-hours of a chip type, at its rental price."""

    type: Literal["rent_cloud"] = "rent_cloud"
    chip: str
    gpu_hours: int = Field(gt=0)


class StartTraining(Action):
    """Start a training run of ``gpu_hours`` on one chip type (owned chips first, then cloud hours)."""

    type: Literal["train"] = "train"
    chip: str
    gpu_hours: int = Field(gt=0)


class Research(Action):
    """Fund research into an efficiency technique."""

    type: Literal["research"] = "research"
    tech: str


class Release(Action):
    """Put the best trained model on the market, open weights or closed API, at a price."""

    type: Literal["release"] = "release"
    price_cents: int = Field(gt=0)
    open_weights: bool


class SetPrice(Action):
    """Change the price per million output tokens of the released model."""

    type: Literal["set_price"] = "set_price"
    price_cents: int = Field(gt=0)


class RaiseMoney(Action):
    """Raise money from investors (amount set by valuation and sentiment; once every 3 turns)."""

    type: Literal["raise"] = "raise"


class Lobby(Action):
    """Spend on government relations."""

    type: Literal["lobby"] = "lobby"


class Hire(Action):
    """Hire researchers (a signing cost now, salaries every turn)."""

    type: Literal["hire"] = "hire"
    count: int = Field(gt=0, le=500)


class Choose(Action):
    """Answer the event card at the front of the queue."""

    type: Literal["choose"] = "choose"
    event: str
    choice: str
    cost: ClassVar[int] = 0


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
