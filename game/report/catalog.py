"""Names and history from the game content, for the reports.

A result file stores ids (chips, rivals, stocks, event choices); the reports show names. Content may
have changed since the game was played (a mod, a newer version): every look-up falls back to the id.

Example::

    >>> cat = Catalog.shipped("fr")
    >>> cat.stock("nvda")
    'Nvidia'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from game.content.effects import BanChips
from game.content.loader import Content, ContentError, load_content
from game.content.models import Event, Scenario
from game.engine.scoring import lab_goals
from game.i18n import strings

#: The content the ``report`` command loaded (with its mods, see :func:`use_content`); empty: shipped.
_IN_USE: list[Content] = []


def use_content(content: Content | None) -> None:
    """Name the content the reports look things up in (the ``report`` command's mods); ``None``: shipped."""
    _IN_USE[:] = [content] if content is not None else []


@dataclass(frozen=True)
class Catalog:
    """Look-ups into one content set, in one language."""

    content: Content | None
    lang: str

    @classmethod
    def shipped(cls, lang: str) -> Catalog:
        """The shipped content, with the mods the report command loaded (or an empty catalogue if it
        cannot load: the report still works)."""
        if _IN_USE:
            return cls(_IN_USE[0], lang)
        try:
            return cls(load_content(), lang)
        except ContentError:
            return cls(None, lang)

    @cached_property
    def _events(self) -> dict[str, Event]:
        if self.content is None:
            return {}
        return {e.id: e for deck in self.content.decks.values() for e in deck.events}

    def event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return self.content.scenarios.get(scenario_id) if self.content else None

    def scenario_title(self, scenario_id: str) -> str:
        scenario = self.scenario(scenario_id)
        return strings(self.lang).pick(scenario.title) if scenario else scenario_id

    def goal_weights(self, scenario_id: str, side: str) -> dict[str, int]:
        """Points per goal kind of ``side``'s lab in the scenario (empty when it is not loaded)."""
        scenario = self.scenario(scenario_id)
        return {g.kind: g.weight for g in lab_goals(scenario, side)} if scenario else {}

    def win_score(self, scenario_id: str) -> int | None:
        scenario = self.scenario(scenario_id)
        return scenario.win_score if scenario else None

    def chip(self, chip_id: str) -> str:
        chips = self.content.world.chips if self.content else []
        return next((c.name for c in chips if c.id == chip_id), chip_id)

    def tech(self, tech_id: str) -> str:
        techs = self.content.world.techs if self.content else []
        tech = next((t for t in techs if t.id == tech_id), None)
        return strings(self.lang).pick(tech.name) if tech else tech_id

    def rival(self, rival_id: str) -> str:
        rivals = self.content.world.rivals if self.content else []
        return next((r.name for r in rivals if r.id == rival_id), rival_id)

    def stock(self, stock_id: str) -> str:
        stocks = self.content.world.stocks if self.content else []
        return next((s.name for s in stocks if s.id == stock_id), stock_id)

    def choice_label(self, event_id: str, choice_id: str) -> str:
        event = self.event(event_id)
        choice = next((c for c in event.choices if c.id == choice_id), None) if event else None
        return strings(self.lang).pick(choice.label) if choice else choice_id

    def historical_choice(self, event_id: str) -> str | None:
        """The id of the choice history took on this card, if the card marks one."""
        event = self.event(event_id)
        return next((c.id for c in event.choices if c.historical), None) if event else None

    def bans(self, event_id: str) -> tuple[list[str], int]:
        """(chips banned by this event, turns before the ban bites); ``([], 0)`` for other events."""
        event = self.event(event_id)
        chips: list[str] = []
        delay = 0
        for effect in event.effects if event else []:
            if isinstance(effect, BanChips):
                chips += effect.chips
                delay = max(delay, effect.delay_turns)
        return chips, delay
