"""Load the shipped content (and mods) from YAML into typed models.

Layout of a content folder::

    world.yaml          the catalogue: chips, techniques, stocks, rivals
    decks/*.yaml        event decks
    *.yaml              scenarios

Every file goes through the safe reader (:mod:`game.content.safeyaml`), its schema
(:mod:`game.content.filecheck`), then the whole set through the cross-reference checks
(:mod:`game.content.xref`). Any error raises :class:`ContentError` listing every problem at once;
warnings stay available in ``Content.problems``. Mods: :func:`game.content.mods.load_content_with_mods`.

Example::

    >>> content = load_content()
    >>> {"cn_lab", "us_lab", "head_to_head"} <= set(content.scenarios)
    True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from game.content import cache as content_cache
from game.content.filecheck import check_file, model_for
from game.content.models import Deck, Event, Scenario, World
from game.content.problems import Problem, has_errors, problem, sort_problems
from game.content.safeyaml import Document, YamlRefused, decode, parse_text, read_raw, schema_comment
from game.content.xref import Bundle, cross_check

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS_DIR = ROOT / "scenarios"
#: Languages every shipped text provides.
SHIPPED_LANGUAGES = ("en", "fr")


class ContentError(Exception):
    """Content that cannot be used. ``problems``: every reason as a ``file:line:col: error: ...`` line;
    ``details``: the same as :class:`Problem` objects (translatable, with their check names)."""

    def __init__(self, problems: list[Problem] | list[str]):
        super().__init__("\n".join(map(str, problems)))
        self.problems: list[str] = [str(p) for p in problems]
        self.details: list[Problem] = [p for p in problems if isinstance(p, Problem)]


@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder: one world, its decks, its scenarios.

    ``mods`` is the report of the mods considered (loaded or not, see :mod:`game.content.mods`),
    ``problems`` the warnings found while loading.
    """

    world: World
    decks: dict[str, Deck]
    scenarios: dict[str, Scenario]
    digest: str = field(default="", compare=False)
    mods: tuple[Any, ...] = field(default=(), compare=False)
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id; ``KeyError`` naming the known ones otherwise."""
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            known = ", ".join(sorted(self.scenarios))
            raise KeyError(f"unknown scenario '{scenario_id}' (known: {known})") from None

    def events_of(self, scenario: Scenario) -> list[Event]:
        """The events a scenario plays with: its decks, less the removed ones."""
        removed = set(scenario.remove_events)
        return [e for deck_id in scenario.decks for e in self.decks[deck_id].events if e.id not in removed]

    @property
    def event_ids(self) -> set[str]:
        return {e.id for deck in self.decks.values() for e in deck.events}


def display_name(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def read_checked(path: Path, kind: str, languages: tuple[str, ...] = ()) -> tuple[Any, Document | None,
                                                                                    list[Problem]]:
    """Read one file and validate it as ``kind``: (model or None, document or None, problems).

    A file whose bytes were checked before comes from the content cache (:mod:`game.content.cache`)
    with the same model and problems; its document is parsed again only if a position is needed.
    """
    name = display_name(path)
    try:
        raw = read_raw(path, name)
    except YamlRefused as exc:
        return None, None, [exc.problem]
    key = content_cache.entry_key(raw, name, kind, languages)
    hit = content_cache.load(key, model_for(kind))
    if hit is not None:
        if not hit.parsed:
            return None, None, hit.problems
        text = raw.decode("utf-8-sig")  # it decoded before: same bytes
        return hit.model, Document.deferred(name, text, schema_comment(text)), hit.problems
    try:
        doc = parse_text(decode(raw, name), name)
    except YamlRefused as exc:
        content_cache.store(key, False, None, [exc.problem])
        return None, None, [exc.problem]
    model, problems = check_file(doc, kind, languages)
    content_cache.store(key, True, model, problems)
    return model, doc, problems


def add_file(bundle: Bundle, path: Path, kind: str, languages: tuple[str, ...], problems: list[Problem]) -> Any:
    """Read, check and add one file of ``kind`` to ``bundle``; its problems go to ``problems``."""
    model, doc, found = read_checked(path, kind, languages)
    problems.extend(found)
    if model is None or doc is None:
        return None
    if kind == "world":
        if bundle.world is not None:
            problems.append(problem(doc.file, doc.where(("id",)), "error", "duplicate_id", "xref.second_world"))
        else:
            bundle.world, bundle.world_doc = model, doc
    elif kind == "deck":
        if model.id in bundle.decks:
            other = bundle.decks[model.id][0][1]
            problems.append(problem(doc.file, doc.where(("id",)), "error", "duplicate_id", "xref.duplicate_id",
                                    kind="@mods.kind.deck", id=model.id,
                                    other=f"{other.file}:{other.where(('id',))[0]}"))
        else:
            bundle.add_deck(model, doc)
    elif kind == "scenario":
        bundle.scenarios.append((model, doc))
    return model


def folder_files(folder: Path) -> list[tuple[Path, str]]:
    """The files of a content folder with their kind, in load order."""
    files = [(folder / "world.yaml", "world")] if (folder / "world.yaml").exists() else []
    files += [(p, "deck") for p in sorted((folder / "decks").glob("*.yaml"))]
    files += [(p, "scenario") for p in sorted(folder.glob("*.yaml")) if p.name != "world.yaml"]
    return files


def load_bundle(folder: Path, languages: tuple[str, ...] = SHIPPED_LANGUAGES) -> tuple[Bundle, list[Problem]]:
    """Read and check every file of a content folder (first pass only): the bundle and its problems."""
    bundle = Bundle()
    problems: list[Problem] = []
    if not (folder / "world.yaml").exists():
        problems.append(problem(display_name(folder / "world.yaml"), None, "error", "unreadable",
                                "yaml.unreadable", reason="missing"))
    for path, kind in folder_files(folder):
        add_file(bundle, path, kind, languages, problems)
    return bundle, problems


def digest_files(paths: Iterable[Path], root: Path) -> str:
    """A short digest of some files' names and bytes (saves record it)."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_from_bundle(bundle: Bundle, digest: str, problems: Iterable[Problem] = (),
                        mods: tuple[Any, ...] = ()) -> Content:
    """The engine's :class:`Content` from a checked bundle (events in deck order, per deck)."""
    assert bundle.world is not None
    events: dict[str, list[Event]] = {deck_id: [] for deck_id in bundle.decks}
    for item in bundle.events:
        events[item.deck].append(item.event)
    decks = {deck_id: Deck(id=deck_id, events=items) for deck_id, items in events.items()}
    scenarios = {s.id: s for s, _doc in bundle.scenarios}
    return Content(world=bundle.world, decks=decks, scenarios=scenarios, digest=digest, mods=mods,
                   problems=tuple(sort_problems(problems)))


def load_folder(folder: Path) -> Content:
    """Load and check one content folder; raise :class:`ContentError` listing every problem.

    Example::

        >>> load_folder(SCENARIOS_DIR).world.id
        'world'
    """
    folder = Path(folder)
    bundle, problems = load_bundle(folder)
    if not has_errors(problems):
        problems += cross_check(bundle)
    if has_errors(problems) or bundle.world is None:
        raise ContentError(sort_problems(problems))
    return content_from_bundle(bundle, digest_files(folder.rglob("*.yaml"), folder), problems)


@cache
def load_content() -> Content:
    """The shipped content (cached: loading and validating is done once per process)."""
    return load_folder(SCENARIOS_DIR)
