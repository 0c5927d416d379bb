"""The command line's words in the user's language: argument errors, and output in UTF-8.

argparse writes its errors in English; :func:`argument_error` puts the common ones in the language of
``--lang`` (read from the command line before parsing, since parsing is what failed), with the
suggestion of the nearest choice for a near miss. :func:`utf8_streams` makes the output UTF-8 when it
goes to a file or a pipe, whatever the console's code page (Windows), so ``> file.txt`` never stops on
an accent and never leaves a truncated file.

Example::

    >>> argument_error("argument --policy: invalid choice: 'eficient' (choose from 'cautious', 'efficient')", "en")
    "error: --policy: 'eficient' is not one of 'cautious', 'efficient'. Did you mean efficient? (see --help)"
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Sequence

from game.i18n import LANGUAGES, strings

#: argparse's messages (English) -> (key, the names of the groups the text takes).
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"argument (?P<arg>\S+): invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)"),
     "invalid_choice"),
    (re.compile(r"argument (?P<arg>\S+): invalid (?P<kind>\w+) value: '(?P<value>[^']*)'"), "invalid_value"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "expected_one"),
    (re.compile(r"the following arguments are required: (?P<args>.*)"), "required"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), "unrecognized"),
)


def lang_of(argv: Sequence[str]) -> str:
    """The language asked for with ``--lang X`` or ``--lang=X`` (English if none or unknown)."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:] if arg.startswith("--lang=") else None
        if value in LANGUAGES:
            return value
    return "en"


def argument_error(message: str, lang: str) -> str:
    """One line for an argparse error, in ``lang``."""
    s = strings(lang)
    for pattern, key in PATTERNS:
        found = pattern.fullmatch(message)
        if found:
            params = found.groupdict()
            text = s.t(f"lesson.args.{key}", **params)
            if key == "invalid_choice":
                choices = re.findall(r"'([^']*)'", params["choices"])
                near = difflib.get_close_matches(params["value"].replace("-", "_"), choices, n=1)
                if near:
                    text += " " + s.t("lesson.run.did_you_mean", suggestion=near[0])
            break
    else:
        text = message
    return s.t("lesson.cli.error", message=text) + " " + s.t("lesson.args.see_help")


def utf8_streams() -> None:
    """Output in UTF-8 to files and pipes; on a console, characters it cannot show are replaced, never
    an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):  # a closed or odd stream: leave it as it is
            continue
