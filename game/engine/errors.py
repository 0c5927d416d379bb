"""Why an action is refused. Every refusal is a ``ValueError`` subclass with a message key for the UI."""

from __future__ import annotations

from typing import Any


class IllegalAction(ValueError):
    """The action may not be taken now; the state is unchanged.

    ``key`` and ``params`` let the UI show the reason in the player's language; ``str()`` is English.
    """

    key = "illegal.generic"

    def __init__(self, message: str, key: str | None = None, **params: Any):
        super().__init__(message)
        self.key = key or self.key
        self.params = params


class GameOverError(IllegalAction):
    key = "illegal.game_over"


class ChoicePending(IllegalAction):
    key = "illegal.choice_pending"


class NoActionPoints(IllegalAction):
    key = "illegal.no_action_points"


class NotEnoughCash(IllegalAction):
    key = "illegal.not_enough_cash"


class ExportBanned(IllegalAction):
    key = "illegal.export_banned"


class UnknownId(IllegalAction):
    key = "illegal.unknown_id"


class InvalidAmount(IllegalAction):
    key = "illegal.invalid_amount"


class NotAvailable(IllegalAction):
    key = "illegal.not_available"


class NotYourTurn(IllegalAction):
    key = "illegal.not_your_turn"
