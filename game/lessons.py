"""Lesson lengths: shorter games that start later and keep the climax (January 2025) and its aftermath.

A length is the ``lesson_turns`` facilitator option: the players take over for the calendar's last N
turns, the turns before are played as history played them (``Match.new`` plays them with the ``history``
policy and logs them, so a save replays them). The lengths offered for a scenario are
its whole calendar and the shorter ones of :data:`SHIPPED`; each has its dates and an estimate of the
minutes of play, shown on the new-game screen, in the class code's description and in TEACHING.

Example::

    >>> from game.content.loader import load_content
    >>> [length.code_part for length in lesson_lengths(load_content().scenario("cn_lab"))]
    ['', 'l16', 'l12']
    >>> length = lesson_lengths(load_content().scenario("cn_lab"))[2]
    >>> length.first_date, length.last_date, length.minutes
    ('2024-01-01', '2025-06-01', 25)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from game.content.loader import load_content
from game.content.models import Scenario
from game.engine.calendar import turn_dates
from game.engine.game import Game
from game.i18n import strings
from game.match import play_game
from game.messages import month_year

#: The shorter lengths offered per scenario (turns played, the last ones of the calendar). Each starts
#: before DeepSeek-V3 (December 2024) so the shock of January 2025 is played, not read about.
SHIPPED: dict[str, tuple[int, ...]] = {
    "cn_lab": (16, 12),
    "us_lab": (12, 8),
    "head_to_head": (16, 12),
    "early_bans": (16, 12),
    "no_export_controls": (16, 12),
}
#: The shortest a length may be: 2024-10 to 2025-06 is nine monthly turns, the V3 to R1 to crash run
#: needs the turns from November 2024 on.
MIN_TURNS = 8


@dataclass(frozen=True)
class LessonLength:
    """One length of a scenario: ``turns`` played from ``first_date`` to ``last_date``."""

    scenario: str
    turns: int
    total: int
    first_date: str
    last_date: str
    minutes: int

    @property
    def option(self) -> dict[str, int]:
        """The facilitator option (``{}`` for the whole calendar)."""
        return {} if self.turns == self.total else {"lesson_turns": self.turns}

    @property
    def code_part(self) -> str:
        """What the length adds to a class code (``l12``; ``""`` for the whole calendar)."""
        return f"l{self.turns}" if self.option else ""

    def describe(self, lang: str) -> str:
        """One line: turns, dates, minutes ("12 tours, de janvier 2024 à juin 2025, environ 15 minutes")."""
        return strings(lang).t("lesson.describe", turns=self.turns, first=month_year(self.first_date, lang),
                               last=month_year(self.last_date, lang), minutes=self.minutes)


#: Seconds a first-time player spends on a turn's decisions, and on reading one news card.
SECONDS_PER_TURN = 45
SECONDS_PER_CARD = 25


@cache
def cards_seen(scenario_id: str, turns: int | None) -> int:
    """The news cards the players see in a game of this length (a cautious computer player, seed 1).

    Counted, not guessed: the last turns are the busiest (January 2025 alone has a dozen cards), so a
    lesson's minutes follow its cards more than its turns.
    """
    game = Game(load_content(), scenario_id, {"lesson_turns": turns} if turns else {}, record=False)
    state = play_game(game, 1, {side: "cautious" for side in game.scenario.sides}, record=False).state
    first = game.rules.first_turn
    return sum(1 for f in state.fired if f.turn >= first and f.side in (None, *state.seats))


def estimate_minutes(scenario: Scenario, turns: int) -> int:
    """Minutes of play for the last ``turns`` of the scenario, rounded up to five: a fixed time per
    turn and per news card seen (see :func:`cards_seen`)."""
    total = len(turn_dates(scenario.calendar))
    cards = cards_seen(scenario.id, None if turns >= total else turns)
    return 5 * math.ceil((turns * SECONDS_PER_TURN + cards * SECONDS_PER_CARD) / 60 / 5)


def lesson_length(scenario: Scenario, turns: int | None) -> LessonLength:
    """The length of ``turns`` (``None``: the whole calendar) of a scenario."""
    dates = turn_dates(scenario.calendar)
    played = len(dates) if turns is None else min(turns, len(dates))
    return LessonLength(scenario.id, played, len(dates), dates[len(dates) - played], dates[-1],
                        estimate_minutes(scenario, played))


def lesson_lengths(scenario: Scenario) -> list[LessonLength]:
    """The whole calendar, then the shipped shorter lengths of the scenario."""
    total = len(turn_dates(scenario.calendar))
    shorter = [n for n in SHIPPED.get(scenario.id, ()) if MIN_TURNS <= n < total]
    return [lesson_length(scenario, None), *(lesson_length(scenario, n) for n in shorter)]


def length_choices(scenario: Scenario, lang: str) -> list[tuple[int | None, str]]:
    """The new-game screen's length buttons: (``lesson_turns`` or ``None`` for the whole calendar, label).

    Example::

        >>> from game.content.loader import load_content
        >>> length_choices(load_content().scenario("us_lab"), "fr")[1]
        (12, '12 tours · 25 min')
    """
    s = strings(lang)
    return [(length.option.get("lesson_turns"), s.t("lesson.button", turns=length.turns, minutes=length.minutes))
            for length in lesson_lengths(scenario)]


def lengths_text(scenario: Scenario, lang: str) -> str:
    """One line per length, for the scenario's description: turns, dates and minutes, and the code part."""
    s = strings(lang)
    lines = []
    for length in lesson_lengths(scenario):
        code = s.t("lesson.code_part", part=length.code_part) if length.code_part else s.t("lesson.whole")
        lines.append(f"{length.describe(lang)} ({code})")
    return "<br>".join(lines)
