"""Why an action is refused. Every refusal is a ``ValueError`` subclass with a message key for the UI."""

from __future__ import annotations

from typing import Any


class IllegalAction(ValueError):  # noqa: N818 - the name reads as what happened
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


class ChoicePending(IllegalAction):  # noqa: N818
    key = "illegal.choice_pending"


class NoActionPoints(IllegalAction):  # noqa: N818
    key = "illegal.no_action_points"


class NotEnoughCash(IllegalAction):  # noqa: N818
    key = "illegal.not_enough_cash"


class ExportBanned(IllegalAction):  # noqa: N818
    key = "illegal.export_banned"


class UnknownId(IllegalAction):  # noqa: N818
    key = "illegal.unknown_id"


class InvalidAmount(IllegalAction):  # noqa: N818
    key = "illegal.invalid_amount"


class NotAvailable(IllegalAction):  # noqa: N818
    key = "illegal.not_available"
