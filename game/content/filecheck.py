"""First pass of validation: one file, its YAML and its schema, every problem with its line.

Pydantic's errors are mapped back onto the file with the positions the safe reader kept, and the
common ones get a message a modder understands (in English or French), with a "did you mean" for
mistyped keys and a "write it in quotes" when YAML 1.1 read text as a boolean or a number.

Example::

    >>> from game.textfiles.safeyaml import parse_text
    >>> doc = parse_text("id: world\\nchips: []\\ntechs: []\\nstocks: []\\nrivals: []\\ncolour: red\\n", "w.yaml")
    >>> model, problems = check_file(doc, "world")
    >>> [p.format() for p in problems]
    ["w.yaml:6:1: error: unknown key 'colour' in the file"]
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from game.content.conditions import CONDITIONS
from game.content.effects import EFFECTS
from game.content.manifest import Manifest
from game.content.models import (
    CalendarSegment,
    Chip,
    Choice,
    Deck,
    Event,
    Goal,
    LabStart,
    Rival,
    RivalPick,
    Scenario,
    Source,
    Stock,
    Tech,
    World,
)
from game.textfiles.problems import Problem, did_you_mean, problem
from game.textfiles.safeyaml import Document

Kind = Literal["world", "deck", "scenario", "mod"]
LANG_KEY = re.compile(r"^[a-z]{2}$")


def model_for(kind: str) -> type[BaseModel]:
    """The pydantic model of a kind of file."""
    return {"world": World, "deck": Deck, "scenario": Scenario, "mod": Manifest}[kind]


def guess_kind(doc: Document, name: str) -> Kind | None:
    """What a file is: from its ``$schema`` comment, its name, or its keys."""
    if doc.schema:
        for kind in ("world", "deck", "scenario", "mod"):
            if doc.schema.endswith(f"{kind}.schema.json"):
                return kind
    if name == "mod.yaml":
        return "mod"
    if isinstance(doc.data, dict):
        keys = set(doc.data)
        if "events" in keys:
            return "deck"
        if "chips" in keys or "techs" in keys:
            return "world"
        if keys & {"calendar", "sides", "labs", "goals"}:
            return "scenario"
        if keys & {"version", "game_version", "author"}:
            return "mod"
    return None


def field_path(path: tuple[Any, ...]) -> str:
    """``("events", 3, "title")`` -> ``events[3].title``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) and not isinstance(part, bool) else (
            f".{part}" if out else str(part))
    return out or "the file"


def _field_names() -> tuple[str, ...]:
    """Every key a content file may use, for "did you mean" on unknown keys."""
    names: set[str] = set()
    for model in (World, Deck, Scenario, Manifest, Chip, Tech, Stock, Rival, Event, Choice, Source,
                  CalendarSegment, LabStart, Goal, RivalPick, *CONDITIONS.values(), *EFFECTS.values()):
        names.update(model.model_fields)
    names.discard("verb")
    return tuple(sorted(names))


#: Every key a content file may use.
FIELD_NAMES = _field_names()


def _pattern_key(pattern: str) -> str:
    if "a-z" in pattern and "0-9_" in pattern:
        return "schema.pattern_id"
    if r"\d{4}" in pattern:
        return "schema.pattern_date"
    if "[a-z]{2}" in pattern:
        return "schema.pattern_lang"
    return "schema.pattern"


def _problem_for(doc: Document, err: dict[str, Any]) -> Problem:
    loc = tuple(err["loc"])
    on_key = "[key]" in loc
    loc_value = loc[: loc.index("[key]")] if on_key else loc
    path = doc.resolve(loc_value)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = field_path(path)
    last = loc_value[-1] if loc_value else ""
    at_key = kind in ("extra_forbidden", "missing") or on_key
    where = doc.where(path, key=at_key)
    file = doc.file

    plain = doc.plain.get((*path, "[key]") if on_key else path)
    if plain is not None and kind in ("string_type", "string_pattern_mismatch", "literal_error"):
        value = err.get("input")
        return problem(file, where, "error", "schema", "schema.yaml11", field=name, text=plain,
                       read=_yaml_value(value))
    if kind == "missing":
        if not path:  # a key of the file's top level: no field to name before it
            return problem(file, where, "error", "schema", "schema.missing_top", name=last)
        return problem(file, where, "error", "schema", "schema.missing", field=field_path(path), name=last)
    if kind == "extra_forbidden":
        return problem(file, where, "error", "schema", "schema.extra", did_you_mean(last, FIELD_NAMES),
                       name=last, field=field_path(path[:-1]))
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = re.findall(r"'([^']*)'", str(expected))
        return problem(file, where, "error", "schema", "schema.literal", did_you_mean(err.get("input"), choices),
                       field=name, value=err.get("input"), expected=expected)
    if kind == "string_pattern_mismatch":
        return problem(file, where, "error", "schema", _pattern_key(str(ctx.get("pattern", ""))), field=name,
                       value=err.get("input"))
    if kind in ("string_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "float_type",
                "float_parsing", "list_type", "dict_type", "model_type", "tuple_type", "int_from_float"):
        return problem(file, where, "error", "schema", f"schema.{kind}", field=name,
                       value=_short(err.get("input")))
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = next(iter(ctx.values()), "")
        return problem(file, where, "error", "schema", f"schema.{kind}", field=name, value=err.get("input"),
                       limit=limit)
    if kind in ("too_short", "too_long"):
        return problem(file, where, "error", "schema", f"schema.{kind}", field=name,
                       limit=ctx.get("min_length", ctx.get("max_length", "")))
    message = str(err.get("msg", ""))
    message = message.removeprefix("Value error, ")
    suggestion = None
    unknown = re.match(r"unknown (condition|effect) '([^']+)'", message)
    if unknown:
        # The verb parser's own message is English; say it from the string tables instead.
        verb_kind, verb = unknown.groups()
        known = CONDITIONS if verb_kind == "condition" else EFFECTS
        return problem(file, where, "error", "schema", f"schema.unknown_{verb_kind}",
                       did_you_mean(verb, known), field=name, name=verb, known=", ".join(sorted(known)))
    return problem(file, where, "error", "schema", "schema.other", suggestion, field=name, detail=message)


def _short(value: Any) -> str:
    text = _yaml_value(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    return str(value)


def _is_text(node: dict[Any, Any]) -> bool:
    return all(isinstance(k, str) and LANG_KEY.match(k) and isinstance(v, str) for k, v in node.items())


def _lacks_translation(data: Any, languages: tuple[str, ...]) -> bool:
    """Whether some text lacks a language: a quick walk that builds no paths (nearly always false)."""
    others = tuple(lang for lang in languages if lang != "en")
    stack = [data]
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        if isinstance(node, dict):
            # A text with every language needs no closer look: its values are strings, or it is no text.
            # (A plain loop: a generator for any() per mapping cost a fifth of the walk.)
            if "en" in node:
                for lang in others:
                    if lang not in node:
                        if _is_text(node):
                            return True
                        break
            push(node.values())
        elif isinstance(node, list):
            push(node)
    return False


def check_translations(doc: Document, languages: tuple[str, ...]) -> list[Problem]:
    """Warn about every text (``{en: ..., fr: ...}``) that lacks one of the declared languages.

    >>> from game.textfiles.safeyaml import parse_text
    >>> [p.format() for p in check_translations(parse_text("title: {en: Hi}\\n", "d.yaml"), ("en", "fr"))]
    ['d.yaml:1:8: warning: title: no text in fr, a language this content declares']
    """
    found: list[Problem] = []
    if not languages or not _lacks_translation(doc.data, languages):
        return found
    stack: list[tuple[tuple[Any, ...], Any]] = [((), doc.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            if "en" in node and _is_text(node):
                missing = [lang for lang in languages if lang not in node]
                if missing:
                    found.append(problem(doc.file, doc.where(path), "warning", "missing_translation",
                                         "xref.missing_translation", field=field_path(path), langs=", ".join(missing)))
                continue
            stack.extend(((*path, k), v) for k, v in node.items() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in enumerate(node) if isinstance(v, dict | list))
    return found


def check_file(doc: Document, kind: str, languages: tuple[str, ...] = ()) -> tuple[BaseModel | None, list[Problem]]:
    """Validate a parsed file against the model of its kind; the model (or ``None``) and the problems."""
    problems = list(doc.problems)
    if problems:  # duplicate keys: the data is not what the author meant, stop here
        return None, problems
    if not isinstance(doc.data, dict):
        problems.append(problem(doc.file, doc.where(()), "error", "top_level", "yaml.top_level",
                                found=type(doc.data).__name__.replace("NoneType", "null")))
        return None, problems
    try:
        model = model_for(kind).model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(_problem_for(doc, err) for err in exc.errors())
        if languages:  # missing texts too, in the same run: every problem at once
            problems.extend(check_translations(doc, languages))
        return None, problems
    if languages:
        problems.extend(check_translations(doc, languages))
    return model, problems
