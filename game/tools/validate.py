"""``python main.py validate PATH...``: check content files, content folders and mods.

Every problem at once, one per line, sorted by file, line and column::

    mods/mine/events/deck.yaml:12:9: error: unknown chip 'h10' Did you mean 'h100'?

then, when mods were checked, their load order (the mods installed beside them, in the order
they load; the disabled ones with their number of errors), and a summary line. Exit code 0 when
there is no error (warnings allowed), 1 when there are errors, 2 when a path does not exist. A PATH may be:

* a mod folder (it has a ``mod.yaml``): checked with the mods installed beside it, against the
  shipped content;
* a content folder (it has a ``world.yaml``), such as ``scenarios``;
* a single file: a file of a mod or of the shipped content is checked with the rest of its folder
  (only its own problems are shown); any other file is checked against the shipped content;
* any other folder: each of its YAML files, as single files.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli import UsageError
from game.content.filecheck import check_file, guess_kind
from game.content.loader import (
    SCENARIOS_DIR,
    SHIPPED_LANGUAGES,
    ContentError,
    add_file,
    display_name,
    load_bundle,
)
from game.content.mods import load_content_with_mods, mod_report
from game.content.xref import cross_check
from game.i18n import LANGUAGES, strings
from game.textfiles.problems import Problem, problem, sort_problems
from game.textfiles.safeyaml import YamlRefused, read_document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="YAML files, content folders or mod folders")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the messages")


def _mod_root(path: Path) -> Path | None:
    for folder in [path, *path.parents]:
        if (folder / "mod.yaml").is_file():
            return folder
    return None


def check_mod(folder: Path) -> tuple[list[Problem], int]:
    """Problems of one mod folder (checked among the mods beside it), and its number of files."""
    try:
        content = load_content_with_mods(mods_dir=folder.parent)
    except ContentError as exc:
        return list(exc.details), 1  # the shipped content itself is broken
    target = display_name(folder)
    for info in content.mods:
        if info.folder == target:
            return list(info.problems), 1 + len(info.files)
    return [], 0


def check_content_folder(folder: Path) -> tuple[list[Problem], int]:
    bundle, problems = load_bundle(folder)
    files = 1 + len(list((folder / "decks").glob("*.yaml"))) + len([p for p in folder.glob("*.yaml")
                                                                     if p.name != "world.yaml"])
    if bundle.world is not None:  # the parts that did parse are cross-checked too: every problem at once
        problems += cross_check(bundle)
    return problems, files


def check_single(path: Path) -> list[Problem]:
    """A file outside any mod or content folder: its schema, then its references to the shipped content."""
    name = display_name(path)
    try:
        doc = read_document(path, name)
    except YamlRefused as exc:
        return [exc.problem]
    kind = guess_kind(doc, path.name)
    if doc.problems:  # duplicate keys: what the author meant is unclear
        return list(doc.problems)
    if kind is None:
        return [problem(name, (1, 1), "error", "schema", "validate.unknown_kind")]
    model, problems = check_file(doc, kind, SHIPPED_LANGUAGES)
    if kind in ("world", "mod") or (model is None and kind != "deck"):
        return problems
    bundle, _ = load_bundle(SCENARIOS_DIR)
    add_file(bundle, path, kind, (), [])  # a deck with errors: its valid events are cross-checked
    return problems + [p for p in cross_check(bundle) if p.file == name]


def validate(paths: list[Path]) -> tuple[list[Problem], int]:
    """Every problem of these paths, sorted, and the number of files checked."""
    problems: list[Problem] = []
    files = 0
    for path in paths:
        if path.is_dir() and (path / "mod.yaml").is_file():
            found, count = check_mod(path)
        elif path.is_dir() and (path / "world.yaml").is_file():
            found, count = check_content_folder(path)
        elif path.is_dir():
            # A folder of mods (such as mods/): each mod as a whole, then any loose YAML file.
            mods = sorted(p for p in path.iterdir() if (p / "mod.yaml").is_file())
            loose = sorted(p for p in path.rglob("*.yaml") if not any(p.is_relative_to(m) for m in mods))
            if not mods and not loose:
                raise UsageError(strings("en").t("mods.validate.no_yaml", path=path))
            found, count = validate(mods + loose)
        else:
            name = display_name(path)
            root = _mod_root(path.parent)
            if root is not None:
                found = [p for p in check_mod(root)[0] if p.file == name]
            elif path.resolve().is_relative_to(SCENARIOS_DIR.resolve()):
                found = [p for p in check_content_folder(SCENARIOS_DIR)[0] if p.file == name]
            else:
                found = check_single(path)
            count = 1
        problems += found
        files += count
    return sort_problems(problems), files


def mods_roots(paths: list[Path]) -> list[Path]:
    """The folders of mods among ``paths``: the parent of a mod folder, or a folder holding mods."""
    roots: list[Path] = []
    for path in paths:
        root = path.parent if (path / "mod.yaml").is_file() else path if path.is_dir() and any(
            (p / "mod.yaml").is_file() for p in path.iterdir()) else None
        if root is not None and root.resolve() not in [r.resolve() for r in roots]:
            roots.append(root)
    return roots


def load_order_lines(paths: list[Path], lang: str) -> list[str]:
    """The load order of the mods checked (one line per folder of mods, then the disabled mods)."""
    lines = []
    for root in mods_roots(paths):
        try:
            content = load_content_with_mods(mods_dir=root)
        except ContentError:
            continue  # the shipped content is broken: its problems are printed already
        lines += [f"{display_name(root)}: {line}" for line in mod_report(content, lang)]
    return lines


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            raise UsageError(strings(args.lang).t("mods.validate.no_path", path=path))
    problems, files = validate(paths)
    for found in problems:
        print(found.format(args.lang))
    for line in load_order_lines(paths, args.lang):
        print(line)
    errors = sum(1 for p in problems if p.severity == "error")
    print(strings(args.lang).t("mods.validate.summary", files=files, errors=errors,
                               warnings=len(problems) - errors))
    return 1 if errors else 0
