"""The one error a save can raise for people: :class:`SaveError`.

Example::

    >>> err = SaveError("save.error.empty", file="autosave.json")
    >>> str(err)
    'autosave.json: the file is empty (the save was never completed)'
    >>> err.key, err.params["file"]
    ('save.error.empty', 'autosave.json')
"""

from __future__ import annotations

from typing import Any

from game.i18n import strings


class SaveError(Exception):
    """A save that cannot be read or written. ``str()`` is one English line naming the file and the
    problem; ``key`` and ``params`` give the same message in any language:
    ``strings(lang).t(err.key, **err.params)``."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params
        super().__init__(strings("en").t(key, **params))

    def message(self, lang: str = "en") -> str:
        """The message in ``lang``."""
        return strings(lang).t(self.key, **self.params)


class SaveWarning:
    """Something a player or teacher should know about a save that still loads (key + parameters)."""

    def __init__(self, key: str, **params: Any):
        self.key = key
        self.params = params

    def message(self, lang: str = "en") -> str:
        return strings(lang).t(self.key, **self.params)

    def __str__(self) -> str:
        return self.message("en")

    def __repr__(self) -> str:
        return f"SaveWarning({self.key!r}, {self.params!r})"
