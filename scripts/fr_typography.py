"""French typography for the YAML content: non-breaking spaces where French typesetting wants them.

Rewrites, in the ``fr:`` texts of the given files only: a space before ``: ; ? !`` and ``%`` becomes a
non-breaking one (narrow before ``; ? !``), ``« `` and `` »`` get non-breaking spaces, thousands are
grouped with a narrow non-breaking space (``10 000``) and a number keeps its unit (``5,6 M$``).
``--check`` only reports the lines that would change (exit 1 when there are some).

Example::

    python scripts/fr_typography.py scenarios/decks/*.yaml scenarios/*.yaml
    python scripts/fr_typography.py --check scenarios/decks/chronology.yaml
    python scripts/fr_typography.py assets/strings/fr/*.yaml
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

NBSP, NNBSP = "\u00a0", "\u202f"
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r" :(?=\s|$|\")"), NBSP + ":"),
    (re.compile(r" ([;?!])"), NNBSP + r"\1"),
    (re.compile(r"« "), "«" + NBSP),
    (re.compile(r" »"), NBSP + "»"),
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NNBSP),
    (re.compile(r"(?<=\d) (?=(%|\$|M\$|Md\$|k\$|¥|M¥|Md¥|Md |nm\b))"), NBSP),
]


def french(text: str) -> str:
    """``text`` with French non-breaking spaces.

    Example::

        >>> french("Prix : 5,6 M$ ; 10 000 puces ?") == "Prix\u00a0: 5,6\u00a0M$\u202f; 10\u202f000 puces\u202f?"
        True
    """
    for pattern, repl in _RULES:
        while True:  # thousands groups overlap ("2 788 000"): repeat until stable
            new = pattern.sub(repl, text)
            if new == text:
                break
            text = new
    return text


def _fix(lines: list[str], value_line: re.Pattern[str]) -> list[str]:
    """Apply :func:`french` to the values matched by ``value_line`` (its group 2), one-line or folded
    ``>-`` blocks, and to inline ``{en: "...", fr: "..."}`` maps."""
    out, block_indent = [], None
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and (line.strip() == "" or indent > block_indent):
            out.append(french(line))
            continue
        block_indent = None
        match = value_line.match(line)
        if match and not line.lstrip().startswith("#"):
            head, value = match.groups()
            if value.strip() in (">-", ">", "|", "|-"):
                block_indent = indent
                out.append(line)
            else:
                out.append(head + french(value))
            continue
        inline = re.search(r"\bfr: \"", line)
        if inline:
            start = inline.end()
            out.append(line[:start] + french(line[start:]))
            continue
        out.append(line)
    return out


def fix_lines(lines: list[str]) -> list[str]:
    """Apply :func:`french` to the ``fr:`` values of a content file."""
    return _fix(lines, re.compile(r"^(\s*(?:- )?fr: )(.*)$"))


def fix_table_lines(lines: list[str]) -> list[str]:
    """Apply :func:`french` to every value of a French string table."""
    return _fix(lines, re.compile(r"^(\s*[\w.\"-]+: )(.+)$"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="report, do not rewrite")
    args = parser.parse_args(argv)
    changed = 0
    for path in args.files:
        lines = path.read_text(encoding="utf-8").split("\n")
        # String tables (assets/strings/fr/*.yaml) are all French; content files hold fr: texts.
        fixed = fix_table_lines(lines) if path.parent.name == "fr" else fix_lines(lines)
        diff = [i for i, (a, b) in enumerate(zip(lines, fixed, strict=True)) if a != b]
        changed += len(diff)
        if args.check:
            for i in diff:
                print(f"{path}:{i + 1}: French spacing")
        elif diff:
            path.write_text("\n".join(fixed), encoding="utf-8")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
