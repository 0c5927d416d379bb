"""Load the shipped content (and mods) from YAML into typed models.

Layout of a content folder::

    world.yaml          the catalogue: chips, techniques, stocks, rivals
    decks/*.yaml        event decks
    *.yaml              scenarios

Every file goes through the safe reader (:mod:`game.textfiles.safeyaml`), its schema
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
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content.filecheck import check_file
from game.content.models import Content, Deck, Event
from game.content.xref import Bundle, EventAt, cross_check
from game.paths import ROOT
from game.textfiles.problems import Problem, has_errors, problem, sort_problems
from game.textfiles.safeyaml import Document, YamlRefused, read_document

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


def display_name(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


#: One file to read: its path, its kind and the languages its texts must provide.
Request = tuple[Path, str, tuple[str, ...]]
#: What reading a file gives: the model (None if invalid), the document (None if unreadable), the problems.
Read = tuple[Any, Document | None, list[Problem]]


def read_checked(path: Path, kind: str, languages: tuple[str, ...] = ()) -> Read:
    """Read one file and validate it as ``kind``: (model or None, document or None, problems).

    Example::

        >>> model, _doc, problems = read_checked(SCENARIOS_DIR / "world.yaml", "world", SHIPPED_LANGUAGES)
        >>> model.id, problems
        ('world', [])
    """
    name = display_name(path)
    try:
        doc = read_document(path, name)
    except YamlRefused as exc:
        return None, None, [exc.problem]
    model, problems = check_file(doc, kind, languages)
    return model, doc, problems


def add_file(bundle: Bundle, path: Path, kind: str, languages: tuple[str, ...], problems: list[Problem],
             read: Read | None = None) -> Any:
    """Read, check and add one file of ``kind`` to ``bundle``; its problems go to ``problems``.

    ``read``: the file's :data:`Read` when it was read already.
    """
    model, doc, found = read if read is not None else read_checked(path, kind, languages)
    problems.extend(found)
    if model is None and doc is not None and kind == "deck":
        add_salvaged_deck(bundle, doc)
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


def add_salvaged_deck(bundle: Bundle, doc: Document) -> None:
    """Add the events of a deck file with errors that are valid on their own, so that the
    cross-reference checks report their problems in the same run (the file still fails to load: its
    errors are in the problems). The ids of the broken events count as known, so that a reference to
    one of them is no false "unknown event"."""
    data = doc.data if isinstance(doc.data, dict) else {}
    deck_id, events = data.get("id"), data.get("events")
    if not isinstance(deck_id, str) or not isinstance(events, list) or deck_id in bundle.decks:
        return
    kept: list[tuple[int, Event]] = []
    for index, raw in enumerate(events):
        try:
            kept.append((index, Event.model_validate(raw)))
        except ValidationError:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                bundle.disabled.add(raw["id"])
    deck = Deck.model_construct(id=deck_id, events=[event for _i, event in kept])
    bundle.decks.setdefault(deck_id, []).append((deck, doc))
    bundle.events.extend(EventAt(event, doc, ("events", index), deck_id) for index, event in kept)


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
                   problems=tuple(sort_problems(problems)), scoped={k: dict(v) for k, v in bundle.scoped.items()})


def load_folder(folder: Path) -> Content:
    """Load and check one content folder; raise :class:`ContentError` listing every problem.

    Example::

        >>> load_folder(SCENARIOS_DIR).world.id
        'world'
    """
    folder = Path(folder)
    bundle, problems = load_bundle(folder)
    if bundle.world is not None:  # the parts that did parse are cross-checked too: every problem at once
        problems += cross_check(bundle)
    if has_errors(problems) or bundle.world is None:
        raise ContentError(sort_problems(problems))
    return content_from_bundle(bundle, digest_files(folder.rglob("*.yaml"), folder), problems)


@cache
def load_content() -> Content:
    """The shipped content (cached: loading and validating is done once per process)."""
    return load_folder(SCENARIOS_DIR)
