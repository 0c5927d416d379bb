"""Plain words for YAML syntax errors: what a modder did, on the line where it was done.

libyaml reports where parsing failed, in parser terms ("mapping values are not allowed in this
context", "did not find expected key"), often a line after the mistake. When parsing fails, the text
itself is read again to find the usual mistakes of a person writing YAML by hand, in this order:

* a tab character in the indentation (YAML indents with spaces only);
* text with a colon and a space (``en: Breaking news: a ban``), which YAML reads as a new key;
* text that starts with a quote and holds the same quote again (``fr: 'L'interdiction'``);
* a line indented between two levels of the lines above, or deeper than a line that opens no block.

Each gives a problem at the line (and column) of the mistake, with what to write instead. When none
is found the parser's own words are kept.

Example::

    >>> explain("id: d\\nevents:\\n  - id: a\\n    kind: generic\\n   title: x\\n", "f.yaml", 5, 4).key
    'mods.yaml.indent_between'
"""

from __future__ import annotations

import calendar
import re

from game.textfiles.problems import Problem, problem

_BLOCK_SCALAR = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")
_KEY = re.compile(r"^(\s*)(- +)*([^\s#'\"{\[][^:#]*?|\"[^\"]*\"|'[^']*'):(\s+|$)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_lines(lines: list[str]) -> list[tuple[int, str]]:
    """(number, line) of the lines that carry structure: no blank or comment lines, no lines inside a
    block scalar (``|`` or ``>``) or an unclosed flow collection (``{`` or ``[``)."""
    out: list[tuple[int, str]] = []
    block_owner: int | None = None
    depth = 0
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if block_owner is not None:
            if _indent(line) > block_owner:
                continue
            block_owner = None
        if depth > 0:
            depth += _flow_depth(line)
            continue
        out.append((number, line))
        if _BLOCK_SCALAR.search(line):
            block_owner = _indent(line)
        depth = max(0, _flow_depth(line))
    return out


def _flow_depth(line: str) -> int:
    """How many ``{``/``[`` a line leaves open (quotes and comments aside)."""
    depth, quote = 0, None
    for ch in line:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#":
            break
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
    return depth


def _tab(lines: list[str], file: str, last: int) -> Problem | None:
    """A tab in the indentation of a line up to ``last`` (or where the parser stopped)."""
    for number, line in enumerate(lines[:last], 1):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return problem(file, (number, lead.index("\t") + 1), "error", "yaml_syntax", "yaml.tab")
    return None


def _value_part(line: str) -> tuple[int, str] | None:
    """(column where the value starts, 0-based; the value) of a ``key: value`` line, if it is one."""
    found = _KEY.match(line)
    if not found:
        return None
    start = found.end()
    return start, line[start:].rstrip()


def _quoted(value: str) -> str:
    """``value`` as a double-quoted YAML string."""
    inner = value.strip()
    if len(inner) >= 2 and inner[0] == inner[-1] and inner[0] in "'\"":
        inner = inner[1:-1]
    return '"' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text_mistake(lines: list[str], file: str, line_no: int, col: int) -> Problem | None:
    """A colon in unquoted text, or text in quotes that holds the same quote, on the line the parser
    stopped at or the one before (libyaml sometimes stops a line late)."""
    for number in (line_no, line_no - 1):
        if not 1 <= number <= len(lines):
            continue
        line = lines[number - 1]
        part = _value_part(line)
        if part is None:
            continue
        start, value = part
        if not value or value[0] in "{[|>&*!":
            continue
        key = line[:start].rstrip().rstrip(":").strip().lstrip("- ").strip()
        if value[0] in "'\"":
            quote = value[0]
            if value.count(quote) > 2 or (value.count(quote) == 2 and not value.endswith(quote)):
                return problem(file, (number, start + 1), "error", "yaml_syntax", "yaml.inner_quote",
                               quote=quote, fix=f"{key}: {_quoted(value)}")
            continue
        colon = value.find(": ")
        if colon < 0 and value.endswith(":"):
            colon = len(value) - 1
        if colon >= 0 and (number != line_no or col - 1 >= start):
            return problem(file, (number, start + colon + 1), "error", "yaml_syntax", "yaml.colon_in_text",
                           fix=f"{key}: {_quoted(value)}")
    return None


def _opens_block(line: str) -> bool:
    body = line.split(" #")[0].rstrip()
    return body.endswith(":") or body.endswith("-") or bool(_BLOCK_SCALAR.search(line))


def _indentation(lines: list[str], file: str, last: int) -> Problem | None:
    """The first line, up to ``last``, indented between two levels of the lines above, or deeper than
    the line above when that line opens no block."""
    stack: list[int] = [0]
    previous: str | None = None
    for number, line in _content_lines(lines):
        if number > last:
            break
        indent = _indent(line)
        popped: int | None = None
        while len(stack) > 1 and stack[-1] > indent:
            popped = stack.pop()
        top = stack[-1]
        if indent > top:
            if popped is not None:  # back out of a block, but not as far as the level above it
                return problem(file, (number, indent + 1), "error", "yaml_syntax", "yaml.indent_between",
                               found=indent, low=top, high=popped)
            if previous is not None and not _opens_block(previous):
                return problem(file, (number, indent + 1), "error", "yaml_syntax", "yaml.indent_deeper",
                               found=indent, above=number_of(previous, lines, number), expected=top)
            stack.append(indent)
        stripped = line.lstrip(" ")
        dash = 0
        while stripped.startswith("- "):  # a list item: its keys are indented past the dash
            dash += 2 + (len(stripped) - 2 - len(stripped[2:].lstrip(" ")))
            stripped = stripped[2:].lstrip(" ")
            stack.append(indent + dash)
        previous = line
    return None


def number_of(line: str, lines: list[str], before: int) -> int:
    """The line number of ``line``, searching back from line ``before``."""
    for number in range(before - 1, 0, -1):
        if lines[number - 1] == line:
            return number
    return before


def explain(text: str, file: str, line: int, col: int) -> Problem | None:
    """A plain problem for a syntax error libyaml reported at ``line``:``col`` (1-based), or None."""
    lines = text.splitlines()
    return (_tab(lines, file, line + 1) or _text_mistake(lines, file, line, col)
            or _indentation(lines, file, line + 1))


def bad_date(value: str) -> tuple[str, dict[str, object]] | None:
    """Why ``YYYY-MM-DD`` (or ``YYYY-MM``) is no date: (string key, parameters), or None if it is one.

    >>> bad_date("2022-02-30")
    ('yaml.no_such_day', {'value': '2022-02-30', 'day': 30, 'days': 28, 'month': 2, 'year': 2022})
    """
    found = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value.strip())
    if not found:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12:
        return "yaml.no_such_month", {"value": value, "month": month}
    if found.group(3) is None:
        return None
    day, days = int(found.group(3)), calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return "yaml.no_such_day", {"value": value, "day": day, "days": days, "month": month, "year": year}
    return None
