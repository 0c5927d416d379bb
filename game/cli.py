"""The command line: ``python main.py [COMMAND] ...``. With no command, the game window opens.

Each command lives in its own module with two functions: ``add_arguments(parser)`` and
``run(args) -> int`` (the exit code). Those modules stay light to import (heavy imports such as pygame
or matplotlib go inside ``run``), since building the parser imports them all. Errors a user can make (a wrong
scenario id, a missing file) are reported in one line with exit code 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence

from game import __version__

#: Command name -> (module, one-line help). A command appears only when its module exists.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.ui.launch", "open the game window (the default)"),
    "run": ("game.tools.run", "play a headless game with computer players"),
    "validate": ("game.tools.validate", "check scenario, event and mod files"),
    "schema": ("game.tools.schema", "write JSON Schema files for editors"),
    "demo": ("game.tools.demo", "the game window plays itself (projector, UI tests)"),
    "events": ("game.tools.events", "list the event deck for a teacher"),
    "simulate": ("game.tools.simulate", "play many seeded games, outcome statistics"),
    "report": ("game.tools.report", "write an HTML debrief or class report from result files"),
    "replay": ("game.tools.replay", "re-play a save and check it reproduces its state"),
    "calibrate": ("game.tools.calibrate", "the history path against the record's figures, each ok or MISSED"),
    "fire": ("game.tools.fire", "force one event on a date and print its effects and follow-ups (mod testing)"),
    "ids": ("game.tools.ids", "list the ids a content file may name: chips, stocks, rivals, techs, events, decks"),
    "mods": ("game.tools.modlist", "list the mods folders, installed mods, their problems and load order"),
    "playtest": ("game.tools.playtest", "the designer's balance report: policies, η², search player, card audit"),
}


class UsageError(Exception):
    """A command-line mistake: printed in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    #: the language of argument errors (from --lang in the command line, read before parsing)
    lang = "en"

    def error(self, message: str) -> None:  # one line and exit 2, as argparse does, without the usage dump
        from game.cli_text import argument_error

        self.exit(2, f"{self.prog}: {argument_error(message, _Parser.lang)}\n")


def version_text() -> str:
    """The game's version and the digest of its shipped scenarios: the two figures a result document
    records as ``versions.game`` and ``versions.content``.

    Example::

        >>> version_text()  # doctest: +ELLIPSIS
        'Chip Race 0.1.0 (content ...)'
    """
    from game.content.loader import SCENARIOS_DIR, digest_files

    return f"Chip Race {__version__} (content {digest_files(SCENARIOS_DIR.rglob('*.yaml'), SCENARIOS_DIR)})"


class _VersionAction(argparse.Action):
    """``--version``: like argparse's, but the content digest is read only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(version_text())  # on stdout, as argparse's own version action does
        parser.exit(0)


def _exists(module_name: str) -> bool:
    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:  # its package is not there either
        return False


def _available() -> dict[str, tuple[str, str]]:
    return {name: spec for name, spec in COMMANDS.items() if _exists(spec[0])}


def build_parser() -> argparse.ArgumentParser:
    # `chip-race` when installed (pip) or built (the app), `python main.py` from a clone
    prog = "python main.py" if os.path.basename(sys.argv[0]) == "main.py" else "chip-race"
    parser = _Parser(prog=prog, description="Chip Race: the US–China AI race, 2019–2025.")
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the game and content versions")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in _available().items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command)
        command.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("--") and argv[0] not in ("--help", "--version")):
        argv = ["play", *argv]
    from game.cli_text import lang_of, utf8_streams

    utf8_streams()
    _Parser.lang = lang_of(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_module", None) is None:
        if args.command is None or args.command == "play":
            print("The game window is not part of this build; try `python main.py run --help`.",
                  file=sys.stderr)
            return 2
        parser.print_help()
        return 2
    try:
        return int(args._module.run(args) or 0)
    except UsageError as exc:
        from game.i18n import strings

        print(strings(_Parser.lang).t("lesson.cli.error", message=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output was piped into a command that stopped reading (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("CHIP_RACE_DEBUG"):
            raise
        report = _write_error_report(args, exc)
        print(f"internal error: {type(exc).__name__}: {exc} (details in {report}; please report it)",
              file=sys.stderr)
        return 3


def _write_error_report(args: argparse.Namespace, exc: Exception) -> str:
    """Write the traceback to a file in the temporary folder and return its path."""
    import tempfile
    import traceback

    details = "".join(traceback.format_exception(exc))
    with tempfile.NamedTemporaryFile("w", prefix="chip-race-error-", suffix=".txt", delete=False,
                                     encoding="utf-8") as handle:
        handle.write(f"Chip Race {__version__}\ncommand: {sys.argv}\n\n{details}")
        return handle.name
