"""Problems found in content files: where (file, line, column), how bad, which check, what to do.

The message is a string-table key with parameters (``assets/strings/<lang>/mods.yaml``), so the same
problem reads in English on the command line and in French on the game's Mods screen.

Example::

    >>> p = problem("mods/x/events/a.yaml", (3, 5), "error", "duplicate_key", "yaml.duplicate_key",
    ...             name="title", first=2)
    >>> str(p)
    "mods/x/events/a.yaml:3:5: error: the key 'title' appears twice in this mapping (first on line 2)"
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

#: Warning checks a mod may silence in its manifest (``silence: [never_true]``).
WARNING_CHECKS = ("never_true", "choice_nowhere", "missing_translation", "game_version", "mod_conflict",
                  "changes_shipped")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file. ``line``/``col`` are 1-based; 0 when unknown."""

    file: str
    line: int
    col: int
    severity: Severity
    check: str
    key: str
    params: tuple[tuple[str, str], ...] = ()
    suggestion: str | None = field(default=None)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``, with its "did you mean" suggestion."""
        from game.i18n import strings  # light import, cached tables

        table = strings(lang)
        # A parameter written "@some.key" is itself a word to translate (a kind of id: event, chip...).
        params = {k: table.t(v[1:]) if v.startswith("@") else v for k, v in self.params}
        message = table.t(self.key, **params)
        if self.suggestion:
            hint = table.t("mods.hint.did_you_mean", name=self.suggestion)
            message += (" " if message.endswith((".", "?", "!")) else ". ") + hint
        return message

    @property
    def message(self) -> str:
        return self.text("en")

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.col, self.severity, self.message)

    def format(self, lang: str = "en") -> str:
        """``file:line:col: severity: message`` (the line of ``python main.py validate``)."""
        severity = self.severity if lang == "en" else _severity_word(self.severity, lang)
        return f"{self.file}:{self.line}:{self.col}: {severity}: {self.text(lang)}"

    def __str__(self) -> str:
        return self.format("en")


def _severity_word(severity: str, lang: str) -> str:
    from game.i18n import strings

    return strings(lang).t(f"mods.severity.{severity}")


def problem(file: str, where: tuple[int, int] | None, severity: Severity, check: str, key: str,
            suggestion: str | None = None, **params: object) -> Problem:
    """Build a :class:`Problem`; ``where`` is ``(line, col)`` (1-based) or ``None``."""
    line, col = where or (0, 0)
    return Problem(file, line, col, severity, check, f"mods.{key}",
                   tuple((k, str(v)) for k, v in params.items()), suggestion)


def did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """The closest known name to a mistyped one, if any is close enough.

    >>> did_you_mean("h10", ["h100", "a100", "v100"])
    'h100'
    """
    # (Never the word itself: a name known elsewhere but not allowed here is no suggestion.)
    matches = difflib.get_close_matches(str(word), sorted(set(known) - {str(word)}), n=1, cutoff=0.6)
    return matches[0] if matches else None


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by file, line, column; each once."""
    return sorted(dict.fromkeys(problems), key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
