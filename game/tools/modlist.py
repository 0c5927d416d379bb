"""``python main.py mods``: the mods folders, every installed mod with its state, problems and load order.

Reads the game's ``mods/``, the player's mods folder (created by this command, so a modder knows where
to copy a mod) and any ``--mod PATH``, loads them as the other commands do, and prints one block per
mod: id, version, loaded (with its position in the load order) or not and why, what it adds and
whether it changes the shipped scenarios. Exit code 0; 1 when a mod has errors.

Example::

    $ python main.py mods
    Mods folders (a mod is a sub-folder with a mod.yaml):
      the game's:  mods
      yours:       ~/.local/share/chip-race/mods
    Installed mods:
      example 1.0 — loaded, position 1 — mods/example
    …
    load order: example
"""

from __future__ import annotations

import argparse
import contextlib

from game.cli import UsageError
from game.content.loader import ContentError, display_name
from game.content.mods import MODS_DIR, ModInfo, mod_report
from game.content.sources import user_mods_dir
from game.i18n import LANGUAGES, strings
from game.tools.modopts import add_mod_arguments, mod_choice


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the listing")
    add_mod_arguments(parser)


def _state(info: ModInfo, t) -> str:
    if info.enabled:
        return t("mods.list.loaded", position=(info.position or 0) + 1)
    if info.errors:
        return t("mods.list.disabled", count=len(info.errors))
    if any(p.check == "overridden" for p in info.problems):
        return t("mods.list.overridden")
    return t("mods.list.switched_off")


def mod_lines(info: ModInfo, lang: str) -> list[str]:
    """The block of one mod: its line, what it adds, what it changes, its problems."""
    t = strings(lang).t
    lines = [t("mods.list.line", id=info.id, version=info.version, state=_state(info, t), folder=info.folder)]
    man = info.manifest
    if man is not None:
        added = [f.split("/")[-1] for f in info.files]
        if added:
            lines.append(t("mods.list.adds", what=", ".join(added)))
        changed = [*man.replace_events, *man.disable_events]
        if changed:
            lines.append(t("mods.list.scope_own") if man.scope == "own_scenarios"
                         else t("mods.list.scope_all", events=", ".join(changed)))
    lines += [f"      {p.format(lang)}" for p in info.problems]
    return lines


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    t = strings(lang).t
    user = user_mods_dir()
    with contextlib.suppress(OSError):  # a read-only profile: the line below says it is not there
        user.mkdir(parents=True, exist_ok=True)  # so the modder finds it
    lines = [t("mods.list.folders"), t("mods.list.game_folder", folder=display_name(MODS_DIR)),
             t("mods.list.user_folder", folder=user, missing="" if user.is_dir() else t("mods.list.not_created"))]
    lines += [t("mods.list.given", folder=path) for path in args.mod or ()]
    if args.no_mods:
        lines.append(t("mods.list.no_mods_flag"))
    try:  # a mod given with --mod is listed with its errors rather than stopping the listing
        content = mod_choice(args).load()
    except ContentError as exc:
        raise UsageError("\n".join(exc.problems)) from None
    lines.append("")
    if not content.mods:
        lines.append(t("mods.list.none"))
    else:
        lines.append(t("mods.list.header"))
        for info in content.mods:
            lines += mod_lines(info, lang)
    lines += ["", *mod_report(content, lang)]
    for line in lines:
        print(line)
    return 1 if any(info.errors for info in content.mods) else 0

