"""What the engine hands out besides the state: the notes it emits and the entries of the action log.

A :class:`Note` is something that happened, as a message key and its parameters (never a sentence).
The engine also decides who may read it: a note about one lab's own moves, accounts, training, research,
grey-market shipments or card answers is private to that lab (``private_to``); everything else (news,
bans, the market, rivals, turns) is public. Screens filter with :meth:`Note.visible_to`, never by key.

A :class:`LogEntry` is one action as the log keeps it: who took it, in which turn. A saved game is its
seed plus these entries, and a replay is a fold of ``Game.apply`` over them.

Both have a JSON form (``to_json``) that saves, result documents and ``benchmarks/hashes.py`` write.

Example::

    >>> note = Note.of("action.hire", 0, "us", {"count": 10, "talent": 60})
    >>> note.private_to, note.visible_to("cn"), note.visible_to("us")
    ('us', False, True)
    >>> note.to_json()
    {'key': 'action.hire', 'turn': 0, 'side': 'us', 'params': {'count': 10, 'talent': 60}}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.engine.actions import Action, parse_action

if TYPE_CHECKING:  # typing only: the state module needs nothing from here
    from game.engine.state import GameState

#: Notes only the lab they name may read: its own actions, accounts, training and research, its
#: grey-market shipments and its answers to event cards. The one place privacy is decided.
PRIVATE_KEYS = frozenset({
    "action.buy_chips", "action.rent_cloud", "action.train", "action.research", "action.release",
    "action.set_price", "action.raise", "action.lobby", "action.hire",
    "accounts", "training.progress", "training.done", "research.done",
    "grey.seized", "grey.delivered", "event.chosen",
})


@dataclass(frozen=True, slots=True)
class Note:
    """Something that happened in ``turn``: a message key, the lab concerned (or ``None``), parameters.

    ``private_to`` is the side that alone may read the note, ``None`` for a public one. Build notes with
    :meth:`of`, which decides it from the key.
    """

    key: str
    turn: int
    side: str | None
    params: dict[str, Any]
    private_to: str | None = None

    @classmethod
    def of(cls, key: str, turn: int, side: str | None, params: dict[str, Any]) -> Note:
        """A note, private to ``side`` when its key is one of :data:`PRIVATE_KEYS`.

        Example::

            >>> Note.of("market.move", 3, None, {"stock": "nvda", "bp": -900}).private_to is None
            True
        """
        return cls(key, turn, side, params, side if side is not None and key in PRIVATE_KEYS else None)

    def visible_to(self, side: str) -> bool:
        """Whether the player of ``side`` may read this note (public, or private to that side)."""
        return self.private_to is None or self.private_to == side

    def to_json(self) -> dict[str, Any]:
        """The note as JSON: ``{"key", "turn", "side", "params"}`` (privacy follows from key and side)."""
        return {"key": self.key, "turn": self.turn, "side": self.side, "params": self.params}


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One action of the log: taken in ``turn`` by the lab of ``side``."""

    turn: int
    side: str
    action: Action

    @classmethod
    def taken(cls, state: GameState, action: Action) -> LogEntry:
        """The entry for ``action`` by the seat active in ``state`` (the state before the action).

        Example::

            >>> from game.content.loader import load_content
            >>> from game.engine.actions import EndTurn
            >>> from game.engine.game import Game
            >>> state = Game(load_content(), "cn_lab").new_game(seed=1)
            >>> LogEntry.taken(state, EndTurn()).to_json()
            {'turn': 0, 'side': 'cn', 'action': {'type': 'end_turn'}}
        """
        return cls(state.turn, state.active, action)

    def to_json(self) -> dict[str, Any]:
        """The entry as saves and result documents hold it: ``{"turn", "side", "action"}``.

        Example::

            >>> from game.engine.actions import EndTurn
            >>> LogEntry(4, "cn", EndTurn()).to_json()
            {'turn': 4, 'side': 'cn', 'action': {'type': 'end_turn'}}
        """
        return {"turn": self.turn, "side": self.side, "action": self.action.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogEntry:
        """The entry of a JSON form; ``pydantic.ValidationError`` when its action is malformed."""
        action = data["action"]
        return cls(int(data["turn"]), str(data["side"]),
                   action if isinstance(action, Action) else parse_action(dict(action)))
