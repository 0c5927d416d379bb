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

import gc
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from game.content import cache as content_cache
from game.content import parallel
from game.content.filecheck import check_file, model_for
from game.content.models import Deck, Event, Scenario, World
from game.content.problems import Problem, has_errors, problem, sort_problems
from game.content.safeyaml import Document, YamlRefused, decode, parse_text, read_raw, schema_comment
from game.content.xref import Bundle, cross_check
from game.paths import ROOT

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


#: One file to read: its path, its kind and the languages its texts must provide.
Request = tuple[Path, str, tuple[str, ...]]
#: What reading a file gives: the model (None if invalid), the document (None if unreadable), the problems.
Read = tuple[Any, Document | None, list[Problem]]


@dataclass(frozen=True)
class _Fresh:
    """A file that is not in the content cache: it must be parsed and checked."""

    name: str
    raw: bytes
    key: str
    kind: str
    languages: tuple[str, ...]


def _lookup(path: Path, kind: str, languages: tuple[str, ...]) -> Read | _Fresh:
    """A file's bytes and cache entry: its :data:`Read` when known already, else what reading it needs."""
    name = display_name(path)
    try:
        raw = read_raw(path, name)
    except YamlRefused as exc:
        return None, None, [exc.problem]
    key = content_cache.entry_key(raw, name, kind, languages)
    hit = content_cache.load(key, model_for(kind))
    if hit is None:
        return _Fresh(name, raw, key, kind, languages)
    if not hit.parsed:
        return None, None, hit.problems
    return hit.model, _deferred(name, raw), hit.problems


def _deferred(name: str, raw: bytes) -> Document:
    """The document of bytes that were read and checked before, parsed again only if needed."""
    text = raw.decode("utf-8-sig")  # it decoded before: same bytes
    return Document.deferred(name, text, schema_comment(text))


def _read_fresh(fresh: _Fresh) -> Read:
    """Parse and check a file, and remember the result in the content cache."""
    try:
        doc = parse_text(decode(fresh.raw, fresh.name), fresh.name)
    except YamlRefused as exc:
        content_cache.store(fresh.key, False, None, [exc.problem])
        return None, None, [exc.problem]
    model, problems = check_file(doc, fresh.kind, fresh.languages)
    content_cache.store(fresh.key, True, model, problems)
    return model, doc, problems


def _read_light(fresh: _Fresh) -> Read:
    """:func:`_read_fresh`, with the document of a valid file left out: its data is the bulk of the result,
    and nothing needs it once the model is made. :func:`read_many` gives a deferred document instead."""
    model, doc, problems = _read_fresh(fresh)
    return (model, None, problems) if model is not None else (model, doc, problems)


def read_checked(path: Path, kind: str, languages: tuple[str, ...] = ()) -> Read:
    """Read one file and validate it as ``kind``: (model or None, document or None, problems).

    A file whose bytes were checked before comes from the content cache (:mod:`game.content.cache`)
    with the same model and problems; its document is parsed again only if a position is needed.
    """
    found = _lookup(path, kind, languages)
    return _read_fresh(found) if isinstance(found, _Fresh) else found


def read_many(requests: Sequence[Request]) -> list[Read]:
    """``[read_checked(*r) for r in requests]``, the files not in the content cache read over several
    processes when there are enough of them (:mod:`game.content.parallel`), with the same models and
    problems. A valid file's document comes unparsed (:meth:`Document.deferred`), as from the cache: the
    parsed data would only keep memory (and the garbage collector) busy.

    Example::

        >>> reads = read_many([(SCENARIOS_DIR / "world.yaml", "world", SHIPPED_LANGUAGES)])
        >>> [(model.id, problems) for model, _doc, problems in reads]
        [('world', [])]
    """
    with _collector_paused():
        found = [_lookup(*request) for request in requests]
        fresh = [(i, f) for i, f in enumerate(found) if isinstance(f, _Fresh)]
        reads: list[Any] = found
        if fresh:
            files = [f for _i, f in fresh]
            done = parallel.ordered_map(_read_light, files, [len(f.raw) for f in files])
            for (i, f), (model, doc, problems) in zip(fresh, done, strict=True):
                reads[i] = (model, _deferred(f.name, f.raw) if model is not None else doc, problems)
    return reads


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while files are read: reading a large mod builds a few hundred
    thousand objects that live on, and no cycles; each collection meanwhile walked all of them again for
    nothing (a tenth of the reading time). Whatever is allocated is still collected afterwards."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # What was built lives on: it goes straight to the oldest generation (freezing then unfreezing
            # moves every tracked object there without looking at it) instead of being walked by two young
            # collections on its way. Not when something is frozen already: unfreezing would release it.
            gc.freeze()
            gc.unfreeze()
        if was_on:
            gc.enable()


def add_file(bundle: Bundle, path: Path, kind: str, languages: tuple[str, ...], problems: list[Problem],
             read: Read | None = None) -> Any:
    """Read, check and add one file of ``kind`` to ``bundle``; its problems go to ``problems``.

    ``read``: the file's :data:`Read` when it was read already (:func:`read_many`).
    """
    model, doc, found = read if read is not None else read_checked(path, kind, languages)
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


def folder_requests(folder: Path, languages: tuple[str, ...] = SHIPPED_LANGUAGES) -> list[Request]:
    """The files of a content folder to read, in load order (:func:`folder_files`)."""
    return [(path, kind, languages) for path, kind in folder_files(folder)]


def load_bundle(folder: Path, languages: tuple[str, ...] = SHIPPED_LANGUAGES,
                files: Sequence[tuple[Request, Read]] | None = None) -> tuple[Bundle, list[Problem]]:
    """Read and check every file of a content folder (first pass only): the bundle and its problems.

    ``files``: the folder's files (:func:`folder_requests`) already read, each with its :data:`Read`.
    """
    if files is None:
        requests = folder_requests(folder, languages)
        files = list(zip(requests, read_many(requests), strict=True))
    bundle = Bundle()
    problems: list[Problem] = []
    if not (folder / "world.yaml").exists():
        problems.append(problem(display_name(folder / "world.yaml"), None, "error", "unreadable",
                                "yaml.unreadable", reason="missing"))
    for (path, kind, file_languages), read in files:
        add_file(bundle, path, kind, file_languages, problems, read)
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
