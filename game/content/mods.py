"""Mods: folders of YAML that add events and scenarios, or replace and disable shipped events.

Layout::

    mods/<folder>/mod.yaml          the manifest (game.content.manifest.Manifest)
    mods/<folder>/events/*.yaml     event decks: a deck with a shipped id (``chronology``) adds its
                                    events to that deck; a new id makes a new deck for the mod's scenarios
    mods/<folder>/scenarios/*.yaml  scenarios

Mods are found in folders of mods (the game's ``mods/`` and the player's own, see
:mod:`game.content.sources`) and as single mod folders given by path (``--mod PATH``). A mod's id is
its folder's name. Load order is explicit and reported: mods are taken in the order given (default: by
id), each after the mods it ``depends`` on or wants to ``load_after``. A mod is checked against the content loaded
before it; a mod with errors is disabled, with its reasons, and the others load without it. Nothing
here raises for a bad mod: only broken shipped content raises :class:`ContentError`.

Example::

    >>> content = load_content_with_mods()
    >>> [(m.id, m.enabled) for m in content.mods]
    [('example', True)]
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from game import __version__
from game.content.loader import (
    ROOT,
    SCENARIOS_DIR,
    Content,
    ContentError,
    Read,
    Request,
    add_file,
    content_from_bundle,
    digest_files,
    display_name,
    load_bundle,
    read_checked,
)
from game.content.manifest import Manifest
from game.content.models import Event
from game.content.xref import Bundle, EventAt, cross_check
from game.textfiles.problems import Problem, has_errors, problem, sort_problems
from game.textfiles.safeyaml import Document

MODS_DIR = ROOT / "mods"


@dataclass(frozen=True)
class ModInfo:
    """What became of one installed mod: loaded (at ``position`` in the load order) or disabled."""

    folder: str
    id: str
    manifest: Manifest | None
    enabled: bool
    position: int | None = None
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = field(default=(), compare=False)
    #: Installed but not chosen by the player (see ``enabled`` of :func:`load_content_with_mods`).
    switched_off: bool = False
    #: A short digest of the mod's files (mod.yaml, events, scenarios): results and saves record it.
    digest: str = field(default="", compare=False)
    #: The mod's folder, absolute.
    path: str = field(default="", compare=False)

    @property
    def version(self) -> str:
        return self.manifest.version if self.manifest else ""

    def record(self) -> dict[str, str]:
        """What a result document or a save records of a loaded mod."""
        return {"id": self.id, "version": self.version, "digest": self.digest}

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class _Candidate:
    folder: Path
    manifest: Manifest | None = None
    doc: Document | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.id if self.manifest else self.folder.name

    def where(self, *path: object) -> tuple[int, int] | None:
        return self.doc.where(self.doc.resolve(path)) if self.doc else None

    def fail(self, key: str, path: tuple[object, ...] = (), check: str = "mod", **params: object) -> None:
        file = self.doc.file if self.doc else display_name(self.folder / "mod.yaml")
        self.problems.append(problem(file, self.where(*path), "error", check, f"mod.{key}", **params))


def _candidate(folder: Path) -> _Candidate:
    cand = _Candidate(folder)
    manifest_path = folder / "mod.yaml"
    if not manifest_path.exists():
        cand.fail("no_manifest", folder=folder.name)
        return cand
    model, doc, found_problems = read_checked(manifest_path, "mod")
    cand.manifest, cand.doc, cand.problems = model, doc, list(found_problems)
    if model is not None and model.id != folder.name:  # depends and load_after name mods by folder
        cand.fail("id_not_folder", ("id",), id=model.id, folder=folder.name)
    return cand


def mod_folder(path: Path) -> Path:
    """The folder of a mod given as its folder or as its ``mod.yaml``."""
    return path.parent if path.name == "mod.yaml" else path


def _discover(roots: Sequence[Path], extra: Sequence[Path] = ()) -> list[_Candidate]:
    """Every mod folder: the ``extra`` ones first (a mod given by path wins over an installed copy of
    it), then those inside each of ``roots``. A folder met twice is read once."""
    folders = [mod_folder(Path(p)) for p in extra]
    for root in roots:
        if root.is_dir():
            folders += sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    found, seen = [], set()
    for folder in folders:
        key = folder.resolve()
        if key not in seen:
            seen.add(key)
            found.append(_candidate(folder))
    return found


def _roots(mods_dir: Path | Sequence[Path]) -> list[Path]:
    return [mods_dir] if isinstance(mods_dir, Path) else list(mods_dir)


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(".")[:2])


def _order(cands: list[_Candidate], order: Sequence[str] | None) -> list[_Candidate]:
    """Usable mods in load order; the others get the reason they cannot load."""
    usable = {}
    for cand in cands:
        if cand.manifest is None or has_errors(cand.problems):
            continue
        if cand.id in usable:  # the first found wins: one given by path, then the player's copy
            cand.problems.append(problem(cand.doc.file if cand.doc else "", cand.where("id"), "warning",
                                         "overridden", "mod.overridden", id=cand.id,
                                         other=display_name(usable[cand.id].folder)))
            continue
        usable[cand.id] = cand
    preference = [i for i in (order or []) if i in usable] + sorted(i for i in usable if i not in (order or []))
    # A missing dependency disables a mod, and with it every mod that depends on it.
    changed = True
    while changed:
        changed = False
        for ident in list(usable):
            cand = usable[ident]
            assert cand.manifest is not None
            for i, dep in enumerate(cand.manifest.depends):
                if dep not in usable:
                    cand.fail("missing_dependency", ("depends", i), check="dependency", dep=dep)
                    del usable[ident]
                    changed = True
                    break
    placed: list[_Candidate] = []
    waiting = [i for i in preference if i in usable]
    while waiting:
        for ident in waiting:
            manifest = usable[ident].manifest
            assert manifest is not None
            before = [d for d in (*manifest.depends, *manifest.load_after) if d in usable and d != ident]
            if all(usable[d] in placed for d in before):
                placed.append(usable[ident])
                waiting.remove(ident)
                break
        else:  # everything left waits on something else: a cycle
            for ident in waiting:
                usable[ident].fail("cycle", ("depends",), check="dependency", mods=", ".join(waiting))
            break
    return placed


def _mod_files(folder: Path) -> list[tuple[Path, str]]:
    return ([(p, "deck") for p in sorted((folder / "events").glob("*.yaml"))]
            + [(p, "scenario") for p in sorted((folder / "scenarios").glob("*.yaml"))])


def _requests(cand: _Candidate) -> list[Request]:
    """The files of a usable mod to read, in load order, with the languages its manifest declares."""
    assert cand.manifest is not None
    languages = tuple(cand.manifest.languages)
    return [(path, kind, languages) for path, kind in _mod_files(cand.folder)]


def _apply(cand: _Candidate, base: Bundle, touched: dict[str, str], files: list[tuple[Request, Read]]) -> Bundle:
    """The bundle with this mod's ``files`` (read already) applied; its problems go to ``cand.problems``."""
    manifest = cand.manifest
    assert manifest is not None
    if _version_key(manifest.game_version) != _version_key(__version__):
        cand.problems.append(problem(cand.doc.file if cand.doc else "", cand.where("game_version"), "warning",
                                     "game_version", "mod.game_version", wanted=manifest.game_version,
                                     have=__version__))
    own = Bundle(world=base.world, world_doc=base.world_doc)
    for (path, kind, languages), read in files:
        add_file(own, path, kind, languages, cand.problems, read)
    if not (has_errors(cand.problems) or own.events or own.scenarios or manifest.disable_events):
        cand.fail("empty_mod")
    if has_errors(cand.problems):
        _check_what_parsed(cand, base, own)
        return base
    trial = base.copy()
    index = {item.event.id: i for i, item in enumerate(trial.events)}
    for i, ident in enumerate(manifest.disable_events):
        if ident not in index:
            cand.fail("unknown_disable", ("disable_events", i), check="unknown_id", id=ident)
            continue
        _conflict(cand, touched, ident, ("disable_events", i))
        trial.disabled.add(ident)
    replaced = set(manifest.replace_events)
    provided = {item.event.id for item in own.events}
    for i, ident in enumerate(manifest.replace_events):
        if ident not in index:
            cand.fail("unknown_replace", ("replace_events", i), check="unknown_id", id=ident)
        elif ident not in provided:
            cand.fail("replace_missing", ("replace_events", i), id=ident)
        else:
            _conflict(cand, touched, ident, ("replace_events", i))
    for item in own.events:
        ident = item.event.id
        if ident in replaced and ident in index:
            original = trial.events[index[ident]]
            trial.events[index[ident]] = EventAt(item.event, item.doc, item.path, original.deck)
        elif ident in index:
            original = trial.events[index[ident]]
            line = original.doc.where(original.doc.resolve((*original.path, "id")))[0]
            cand.problems.append(problem(item.doc.file, item.doc.where(item.doc.resolve((*item.path, "id"))),
                                         "error", "duplicate_id", "mod.needs_replace", id=ident,
                                         other=f"{original.doc.file}:{line}"))
        else:
            trial.events.append(item)
    for deck_id, defs in own.decks.items():
        trial.decks.setdefault(deck_id, list(defs[:1]))
    known_scenarios = {s.id: d for s, d in trial.scenarios}
    for scenario, doc in own.scenarios:
        if scenario.id in known_scenarios:
            cand.problems.append(problem(doc.file, doc.where(("id",)), "error", "duplicate_id", "xref.duplicate_id",
                                         kind="@mods.kind.scenario", id=scenario.id,
                                         other=known_scenarios[scenario.id].file))
        trial.scenarios.append((scenario, doc))
    trial.events = [e for e in trial.events if e.event.id not in trial.disabled]
    if has_errors(cand.problems):
        return base
    cand.problems.extend(cross_check(trial))  # checked as if the changes applied everywhere
    if has_errors(cand.problems):
        return base
    if manifest.scope == "own_scenarios":
        return _scoped(cand, base, own, set(index))
    changed = [*manifest.replace_events, *manifest.disable_events]
    if changed:  # a what-if that also changes the games of the shipped scenarios: say so, once
        cand.problems.append(problem(cand.doc.file if cand.doc else "", cand.where("id"), "warning",
                                     "changes_shipped", "mod.changes_shipped", events=", ".join(changed)))
    return trial


def _scoped(cand: _Candidate, base: Bundle, own: Bundle, known: set[str]) -> Bundle:
    """``base`` with the mod's files, its replaced and disabled events limited to its own scenarios."""
    manifest = cand.manifest
    assert manifest is not None
    if not own.scenarios and (manifest.replace_events or manifest.disable_events):
        cand.problems.append(problem(cand.doc.file if cand.doc else "", cand.where("scope"), "warning",
                                     "never_true", "mod.scope_no_scenario"))
    bundle = base.copy()
    replaced = set(manifest.replace_events)
    changes: dict[str, Event | None] = {ident: None for ident in manifest.disable_events}
    #: Events added to a shipped deck go to a deck of the mod's own, which only its scenarios use.
    private: dict[str, str] = {}
    for item in own.events:
        if item.event.id in replaced:
            changes[item.event.id] = item.event
        elif item.event.id not in known:
            deck = item.deck
            if deck in base.decks:
                deck = private.setdefault(item.deck, f"{item.deck}__{manifest.id}")
            bundle.events.append(EventAt(item.event, item.doc, item.path, deck))
    for deck_id, defs in own.decks.items():
        bundle.decks.setdefault(private.get(deck_id, deck_id), list(defs[:1]))
    for scenario, doc in own.scenarios:
        if private:
            decks = [d for deck in scenario.decks for d in (deck, private.get(deck)) if d is not None]
            scenario = scenario.model_copy(update={"decks": decks})
        bundle.scenarios.append((scenario, doc))
        bundle.scoped[scenario.id] = dict(changes)
    return bundle


def _check_what_parsed(cand: _Candidate, base: Bundle, own: Bundle) -> None:
    """Cross-check the parts of a mod with errors that did parse (the valid events of a deck with a
    broken one, the valid files), so that their problems (a chip typo, a missing translation) come in
    the same run as the structure errors rather than after they are fixed."""
    trial = base.copy()
    index = {item.event.id: i for i, item in enumerate(trial.events)}
    for item in own.events:
        if item.event.id in index:  # a replacement (or a clash, reported already): check the mod's version
            trial.events[index[item.event.id]] = item
        else:
            trial.events.append(item)
    for deck_id, defs in own.decks.items():
        trial.decks.setdefault(deck_id, list(defs[:1]))
    trial.scenarios += own.scenarios
    trial.disabled |= own.disabled
    files = {doc.file for _s, doc in own.scenarios} | {item.doc.file for item in own.events}
    known = set(cand.problems)
    cand.problems += [p for p in cross_check(trial) if p.file in files and p not in known]


def _conflict(cand: _Candidate, touched: dict[str, str], ident: str, path: tuple[object, ...]) -> None:
    if ident in touched:
        cand.problems.append(problem(cand.doc.file if cand.doc else "", cand.where(*path), "warning",
                                     "mod_conflict", "mod.conflict", id=ident, other=touched[ident]))
    touched[ident] = cand.id


def load_content_with_mods(mods_dir: Path | Sequence[Path] = MODS_DIR, order: Sequence[str] | None = None,
                           content_dir: Path = SCENARIOS_DIR, enabled: Collection[str] | None = None,
                           extra: Sequence[Path] = ()) -> Content:
    """The shipped content with every usable mod of ``mods_dir`` (one folder of mods, or several)
    and the single mod folders ``extra`` applied, in load order.

    ``enabled`` restricts loading to the mods with these ids (the player's choice on the Mods
    screen); ``None`` loads every mod found. The others are reported, ``switched_off``.

    ``Content.mods`` reports each mod found (:class:`ModInfo`): the loaded ones first, in load order,
    then the disabled ones with their problems. Raises :class:`ContentError` only when the shipped
    content itself is broken.
    """
    found = _discover(_roots(mods_dir), extra)
    given = {mod_folder(Path(p)).resolve() for p in extra}  # a mod given by path is always wanted
    off = [c for c in found if enabled is not None and c.id not in enabled and c.folder.resolve() not in given]
    cands = [c for c in found if c not in off]
    ordered = _order(cands, order)
    base, base_problems = load_bundle(content_dir)
    if not has_errors(base_problems):
        base_problems += cross_check(base)
    if has_errors(base_problems) or base.world is None:
        raise ContentError(sort_problems(base_problems))
    seen = {(p.file, p.line, p.col, p.key) for p in base_problems}
    bundle = base
    touched: dict[str, str] = {}
    infos: list[ModInfo] = []
    loaded: list[_Candidate] = []
    for cand in ordered:
        bundle_after = _apply(cand, bundle, touched, [(r, read_checked(*r)) for r in _requests(cand)])
        silenced = set(cand.manifest.silence) if cand.manifest else set()
        cand.problems = [p for p in cand.problems if (p.file, p.line, p.col, p.key) not in seen
                         and not (p.severity == "warning" and p.check in silenced)]
        if has_errors(cand.problems):
            continue
        seen.update((p.file, p.line, p.col, p.key) for p in cand.problems)
        bundle = bundle_after
        loaded.append(cand)
    for position, cand in enumerate(loaded):
        infos.append(_info(cand, True, position))
    infos += [_info(c, False, None) for c in cands if c not in loaded]
    infos += [replace(_info(c, False, None), switched_off=True) for c in off]
    digest = digest_files(content_dir.rglob("*.yaml"), content_dir)
    if loaded:  # the same shipped content with other mods is other content: saves must tell them apart
        parts = "".join(f"{info.id}:{info.digest};" for info in infos if info.enabled)
        digest = hashlib.sha256((parts + digest).encode()).hexdigest()[:16]
    warnings = [*base_problems, *(p for c in loaded for p in c.problems)]
    return content_from_bundle(bundle, digest, warnings, tuple(infos))


def mod_digest(folder: Path) -> str:
    """A short digest of a mod's files (names relative to its folder, and bytes)."""
    paths = [folder / "mod.yaml", *(f for f, _k in _mod_files(folder))]
    return digest_files([p for p in paths if p.is_file()], folder)


def _info(cand: _Candidate, enabled: bool, position: int | None) -> ModInfo:
    files = tuple(display_name(p) for p, _k in _mod_files(cand.folder))
    return ModInfo(folder=display_name(cand.folder), id=cand.id, manifest=cand.manifest, enabled=enabled,
                   position=position, problems=tuple(sort_problems(cand.problems)), files=files,
                   digest=mod_digest(cand.folder), path=str(cand.folder.resolve()))


def installed_mods(mods_dir: Path | Sequence[Path] = MODS_DIR) -> tuple[ModInfo, ...]:
    """Every mod folder found, switched off (only its manifest is read and checked)."""
    return tuple(replace(_info(c, False, None), switched_off=True) for c in _discover(_roots(mods_dir)))


def mod_report(content: Content, lang: str = "en") -> list[str]:
    """Lines that describe the load order and every disabled mod, for the command line and logs."""
    from game.i18n import strings

    t = strings(lang).t
    loaded = [m.id for m in content.mods if m.enabled]
    lines = [t("mods.mod.order", mods=", ".join(loaded) if loaded else t("mods.mod.none"))]
    for info in content.mods:
        if not info.enabled and info.errors:  # (not a mod switched off, or another copy's place taken)
            lines.append(t("mods.mod.disabled", id=info.id, count=len(info.errors)))
    return lines
