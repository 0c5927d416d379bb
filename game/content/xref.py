"""Second pass of validation: cross-references between files, and things that can never happen.

Errors: unknown ids (chips, techs, stocks, rivals, events, decks) with "did you mean", duplicate ids.
Warnings (a mod may silence them by check name): events or conditions that can never be true
(``never_true``), choices that change nothing (``choice_nowhere``), flags nobody tests
(``unused_flag``).

Example::

    >>> from game.content.loader import load_bundle, SCENARIOS_DIR
    >>> bundle, problems = load_bundle(SCENARIOS_DIR)
    >>> [str(p) for p in cross_check(bundle)]
    []
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from game.content import conditions as c
from game.content import effects as fx
from game.content.models import Deck, Event, Scenario, World
from game.content.verbs import Verb
from game.engine.calendar import calendar_span, date_key
from game.textfiles.problems import Problem, did_you_mean, problem
from game.textfiles.safeyaml import Document

Path_ = tuple[Any, ...]
# Tuples, not ``A | B`` unions, which would build a new object at every isinstance call.
_GROUPS = (c.AllOf, c.AnyOf)
_CHIP_LISTS = (fx.BanChips, fx.AllowChips)
_ONE_CHIP = (fx.ChipPrice, fx.GrantChips, fx.LoseChips)
#: The effects that name something another file defines (the others need no cross-check).
_CHECKED_EFFECTS = frozenset({*_CHIP_LISTS, *_ONE_CHIP, fx.Stocks, fx.RivalRelease, fx.TechProgress, fx.FollowUp})


@dataclass
class EventAt:
    """An event with the file and path it was read from."""

    event: Event
    doc: Document
    path: Path_
    deck: str


@dataclass
class Bundle:
    """Every validated file of a content set (shipped content, plus mods), before it becomes Content."""

    world: World | None = None
    world_doc: Document | None = None
    decks: dict[str, list[tuple[Deck, Document]]] = field(default_factory=dict)
    events: list[EventAt] = field(default_factory=list)
    scenarios: list[tuple[Scenario, Document]] = field(default_factory=list)
    #: Events a mod disabled: still known to conditions (which then never hold), never played.
    disabled: set[str] = field(default_factory=set)
    #: Per scenario id, events replaced (the new version) or disabled (None) in that scenario only: the
    #: changes of a mod with ``scope: own_scenarios``.
    scoped: dict[str, dict[str, Event | None]] = field(default_factory=dict)

    def copy(self) -> Bundle:
        """A copy whose lists can change without touching this one (models are frozen, shared)."""
        return Bundle(self.world, self.world_doc, {k: list(v) for k, v in self.decks.items()}, list(self.events),
                      list(self.scenarios), set(self.disabled), {k: dict(v) for k, v in self.scoped.items()})

    def add_deck(self, deck: Deck, doc: Document) -> None:
        self.decks.setdefault(deck.id, []).append((deck, doc))
        self.events.extend(EventAt(e, doc, ("events", i), deck.id) for i, e in enumerate(deck.events))


def walk(verb: Verb | None, path: Path_, positive: bool = True) -> Iterator[tuple[Verb, Path_, bool]]:
    """Every condition in a tree with its YAML path and whether it counts positively (not under ``not``)."""
    if verb is None:
        return
    name = verb.verb  # type: ignore[attr-defined]
    here = (*path, name)
    yield verb, here, positive
    if isinstance(verb, _GROUPS):
        for i, inner in enumerate(verb.conditions):
            yield from walk(inner, (*here, i), positive)
    elif isinstance(verb, c.Not):
        yield from walk(verb.condition, here, not positive)


class _Checker:
    def __init__(self, bundle: Bundle):
        self.b = bundle
        self.out: list[Problem] = []
        # The known ids of each kind, as sets: thousands of events are checked against thousands of ids.
        self.worlds = {bundle.world.id} if bundle.world else set()
        world = bundle.world
        self.chips = {x.id for x in world.chips} if world else set()
        self.makers = {x.maker for x in world.chips} if world else set()
        self.techs = {x.id for x in world.techs} if world else set()
        self.stocks = {x.id for x in world.stocks} if world else set()
        self.rivals = {x.id for x in world.rivals} if world else set()
        self.event_ids = {e.event.id for e in bundle.events} | bundle.disabled
        self.deck_ids = set(bundle.decks)
        self.flags_set: set[str] = set(c.RULE_FLAGS)
        self.flags_tested: dict[str, tuple[Document, Path_]] = {}
        self.banned: set[str] = set()
        self.followed: set[str] = set()
        for scenario, _doc in bundle.scenarios:
            self.banned.update(scenario.initial_bans)
            self.followed.update(scenario.force_events)
        for item in bundle.events:
            for effect in self._effects(item.event):
                if isinstance(effect, fx.SetFlag):
                    self.flags_set.add(effect.name)
                elif isinstance(effect, fx.BanChips):
                    self.banned.update(effect.chips)
                elif isinstance(effect, fx.FollowUp):
                    self.followed.add(effect.event)
        self.spans: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        for scenario, _doc in bundle.scenarios:
            for deck in scenario.decks:
                self.spans[deck].append(calendar_span(scenario.calendar))

    @staticmethod
    def _effects(event: Event) -> Iterator[Verb]:
        yield from event.effects
        for choice in event.choices:
            yield from choice.effects

    # --- helpers ---------------------------------------------------------------------------------

    def unknown(self, doc: Document, path: Path_, kind: str, value: str, known: set[str]) -> None:
        if value not in known:
            self.out.append(problem(doc.file, doc.where(doc.resolve(path)), "error", "unknown_id",
                                    f"xref.unknown_{kind}", did_you_mean(value, known), id=value))

    def warn(self, doc: Document, path: Path_, check: str, key: str, suggestion: str | None = None,
             **params: object) -> None:
        self.out.append(problem(doc.file, doc.where(doc.resolve(path)), "warning", check, f"xref.{key}",
                                suggestion, **params))

    def duplicates(self, items: list[tuple[str, Document, Path_]], kind: str) -> None:
        first: dict[str, tuple[Document, Path_]] = {}
        for ident, doc, path in items:
            if ident in first:
                other_doc, other_path = first[ident]
                line = other_doc.where(other_doc.resolve(other_path))[0]
                self.out.append(problem(doc.file, doc.where(doc.resolve(path)), "error", "duplicate_id",
                                        "xref.duplicate_id", kind=kind, id=ident, other=f"{other_doc.file}:{line}"))
            else:
                first[ident] = (doc, path)

    # --- the checks ------------------------------------------------------------------------------

    def run(self) -> list[Problem]:
        b = self.b
        if b.world and b.world_doc:
            wd = b.world_doc
            for name in ("chips", "techs", "stocks", "rivals"):
                items = getattr(b.world, name)
                self.duplicates([(x.id, wd, (name, i, "id")) for i, x in enumerate(items)], "@mods.kind." + name[:-1])
            for i, tech in enumerate(b.world.techs):
                for j, req in enumerate(tech.requires):
                    self.unknown(wd, ("techs", i, "requires", j), "tech", req, self.techs)
        self.duplicates([(e.event.id, e.doc, (*e.path, "id")) for e in b.events], "@mods.kind.event")
        self.duplicates([(s.id, d, ("id",)) for s, d in b.scenarios], "@mods.kind.scenario")
        for scenario, doc in b.scenarios:
            self.scenario(scenario, doc)
        for item in b.events:
            self.event(item)
        for flag, (doc, path) in sorted(self.flags_tested.items()):
            if flag not in self.flags_set:
                self.warn(doc, path, "never_true", "flag_never_set", did_you_mean(flag, self.flags_set), flag=flag)
        return self.out

    def scenario(self, s: Scenario, doc: Document) -> None:
        if self.b.world and s.world != self.b.world.id:
            self.unknown(doc, ("world",), "world", s.world, self.worlds)
        for i, pick in enumerate(s.rivals):
            self.unknown(doc, ("rivals", i, "id"), "rival", pick.id, self.rivals)
        for i, deck in enumerate(s.decks):
            self.unknown(doc, ("decks", i), "deck", deck, self.deck_ids)
        for name in ("remove_events", "force_events"):
            for i, ident in enumerate(getattr(s, name)):
                self.unknown(doc, (name, i), "event", ident, self.event_ids)
        for ident in s.stock_prices:
            self.unknown(doc, ("stock_prices", ident), "stock", ident, self.stocks)
        for i, chip in enumerate(s.initial_bans):
            self.unknown(doc, ("initial_bans", i), "chip", chip, self.chips)
        for side, lab in s.labs.items():
            for chip in lab.chips:
                self.unknown(doc, ("labs", side, "chips", chip), "chip", chip, self.chips)
            for i, tech in enumerate(lab.techs):
                self.unknown(doc, ("labs", side, "techs", i), "tech", tech, self.techs)

    def event(self, item: EventAt) -> None:
        e, doc, path = item.event, item.doc, item.path
        spans = self.spans.get(item.deck, [])
        if e.date and spans and all(date_key(e.date) >= end for _start, end, _n in spans):
            self.warn(doc, (*path, "date"), "never_true", "date_after_end", date=e.date,
                      end=max(end for _s, end, _n in spans)[:7])
        if e.date and e.until and date_key(e.until) < date_key(e.date):
            self.warn(doc, (*path, "until"), "never_true", "until_before_date", date=e.date, until=e.until)
        if not (e.date or e.trigger or e.weight) and e.id not in self.followed:
            self.warn(doc, (*path, "id"), "never_true", "never_fires", id=e.id)
        for verb, vpath, positive in walk(e.trigger, (*path, "trigger")):
            self.condition(verb, vpath, positive, item, spans)
        for i, effect in enumerate(e.effects):
            self.effect(effect, (*path, "effects", i), doc)
        if len(e.choices) > 1 and not any(choice.effects for choice in e.choices):
            self.warn(doc, (*path, "choices"), "choice_nowhere", "choices_all_empty", id=e.id)
        for i, choice in enumerate(e.choices):
            cpath = (*path, "choices", i)
            if not choice.effects and choice.hint is None:  # does nothing and tells nothing
                self.warn(doc, (*cpath, "id"), "choice_nowhere", "choice_nowhere", choice=choice.id)
            for j, effect in enumerate(choice.effects):
                self.effect(effect, (*cpath, "effects", j), doc)
            for verb, vpath, positive in walk(choice.requires, (*cpath, "requires")):
                self.condition(verb, vpath, positive, item, spans)

    def condition(self, verb: Verb, path: Path_, positive: bool, item: EventAt,
                  spans: list[tuple[str, str, int]]) -> None:
        doc = item.doc
        if isinstance(verb, c.Fired):
            self.unknown(doc, path, "event", verb.event, self.event_ids)
        elif isinstance(verb, c.ChipBanned):
            self.unknown(doc, path, "chip", verb.chip, self.chips)
            if positive and verb.chip in self.chips and verb.chip not in self.banned:
                self.warn(doc, path, "never_true", "never_banned", chip=verb.chip)
        elif isinstance(verb, c.Owns):
            self.unknown(doc, (*path, "chip"), "chip", verb.chip, self.chips)
        elif isinstance(verb, c.OwnsAny):
            if verb.maker is not None and verb.maker.casefold() not in {m.casefold() for m in self.makers}:
                self.unknown(doc, (*path, "maker"), "maker", verb.maker, self.makers)
            for i, chip in enumerate(verb.chips or ()):
                self.unknown(doc, (*path, "chips", i), "chip", chip, self.chips)
        elif isinstance(verb, c.TechDone):
            self.unknown(doc, path, "tech", verb.tech, self.techs)
        elif isinstance(verb, c.FlagSet):
            if positive:  # under `not`, a flag nobody sets makes the condition always true: harmless
                self.flags_tested.setdefault(verb.name, (doc, path))
        elif positive and isinstance(verb, c.DateFrom) and spans:
            if all(date_key(verb.date) >= end for _start, end, _n in spans):
                self.warn(doc, path, "never_true", "date_from_after_end", date=verb.date,
                          end=max(end for _s, end, _n in spans)[:7])
        elif positive and isinstance(verb, c.DateBefore) and spans:
            if all(date_key(verb.date) <= start for start, _end, _n in spans):
                self.warn(doc, path, "never_true", "date_before_start", date=verb.date,
                          start=min(start for start, _e, _n in spans)[:7])
        elif positive and isinstance(verb, c.TurnAtLeast) and spans:
            if all(verb.turn > n for _s, _e, n in spans):
                self.warn(doc, path, "never_true", "turn_after_end", turn=verb.turn,
                          turns=max(n for _s, _e, n in spans))
        elif positive and isinstance(verb, c.SideIs) and item.event.side not in ("any", verb.side):
            self.warn(doc, path, "never_true", "wrong_side", side=verb.side, event_side=item.event.side)

    def effect(self, verb: Verb, path: Path_, doc: Document) -> None:
        name = verb.verb  # type: ignore[attr-defined]
        here = (*path, name)
        if type(verb) not in _CHECKED_EFFECTS:  # most effects (cash, flags...) name nothing
            return
        if isinstance(verb, _CHIP_LISTS):
            for i, chip in enumerate(verb.chips):
                self.unknown(doc, (*here, "chips", i), "chip", chip, self.chips)
        elif isinstance(verb, _ONE_CHIP):
            self.unknown(doc, (*here, "chip"), "chip", verb.chip, self.chips)
        elif isinstance(verb, fx.Stocks):
            for stock in verb.moves:
                self.unknown(doc, (*here, stock), "stock", stock, self.stocks)
        elif isinstance(verb, fx.RivalRelease):
            self.unknown(doc, (*here, "rival"), "rival", verb.rival, self.rivals)
        elif isinstance(verb, fx.TechProgress):
            self.unknown(doc, here, "tech", verb.tech, self.techs)
        elif isinstance(verb, fx.FollowUp):
            self.unknown(doc, (*here, "event"), "event", verb.event, self.event_ids)


def cross_check(bundle: Bundle) -> list[Problem]:
    """Every cross-reference problem of a bundle (unsorted)."""
    return _Checker(bundle).run()
