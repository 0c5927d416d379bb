"""The mod options every command that reads content shares: ``--mod PATH`` (repeatable) and ``--no-mods``.

A command adds them with :func:`add_mod_arguments` and gets its content from :func:`content_from_args`;
that is all it takes (one line each). Installed mods load by default. A mod given with ``--mod`` that
cannot load stops the command with its problems (the modder asked for it); an installed mod that
cannot load is named on stderr and left out.

Example::

    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_mod_arguments(parser)
    >>> args = parser.parse_args(["--no-mods"])
    >>> content_from_args(args).mods
    ()
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli import UsageError
from game.content.loader import ContentError
from game.content.models import Content
from game.content.sources import ModChoice
from game.i18n import strings


def add_mod_arguments(parser: argparse.ArgumentParser) -> None:
    """``--mod PATH`` (repeatable) and ``--no-mods``."""
    parser.add_argument("--mod", action="append", metavar="PATH", default=None,
                        help="also load the mod in this folder (repeatable); installed mods load anyway")
    parser.add_argument("--no-mods", action="store_true",
                        help="play the shipped content only: no installed mods (--mod still adds one)")


def mod_choice(args: argparse.Namespace) -> ModChoice:
    """The :class:`ModChoice` of the command line, or a usage error for a ``--mod`` that is no mod."""
    lang = getattr(args, "lang", "en") or "en"
    for path in args.mod or ():
        folder = Path(path)
        folder = folder.parent if folder.name == "mod.yaml" else folder
        if not (folder / "mod.yaml").is_file():
            raise UsageError(strings(lang).t("mods.cli.not_a_mod", path=path))
    return ModChoice.of(args.mod, args.no_mods)


def content_from_args(args: argparse.Namespace, quiet: bool = False) -> Content:
    """The content a command plays: shipped, installed mods (unless ``--no-mods``), ``--mod`` ones."""
    lang = getattr(args, "lang", "en") or "en"
    s = strings(lang)
    choice = mod_choice(args)
    try:
        content = choice.load()
    except ContentError as exc:
        raise UsageError(s.t("lesson.run.content_errors") + "\n" + "\n".join(map(str, exc.problems))) from None
    given = set(choice.paths)
    for info in content.mods:
        if info.enabled or not info.errors:
            continue
        if info.path in given:  # asked for by name: it must load
            lines = [s.t("mods.cli.given_failed", id=info.id)] + [p.format(lang) for p in info.errors]
            raise UsageError("\n".join(lines))
        if not quiet:
            print(s.t("mods.cli.installed_failed", id=info.id, count=len(info.errors)), file=sys.stderr)
    return content
