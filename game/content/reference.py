"""The reference part of ``docs/MODDING.md``, generated from the verb models so that it cannot drift.

Each condition and effect verb contributes its docstring, its arguments (type, default,
``Field(description=...)``) and its ``example``. Regenerate the document with
``python -m game.content.reference --write``; a test fails when it is stale.

Example::

    >>> "### `ban_chips`" in render_reference()
    True
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

from pydantic_core import PydanticUndefined

from game.content.conditions import CONDITION_CLASSES
from game.content.effects import EFFECT_CLASSES
from game.content.loader import ROOT
from game.content.verbs import Verb

DOC = ROOT / "docs" / "MODDING.md"
BEGIN = "<!-- BEGIN GENERATED REFERENCE: python -m game.content.reference --write -->"
END = "<!-- END GENERATED REFERENCE -->"


def _type_name(prop: dict[str, Any]) -> str:
    """A readable type from the JSON Schema of one argument (stable, unlike Python's reprs)."""
    if "anyOf" in prop:
        kinds = [_type_name(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    if "$ref" in prop or "discriminator" in prop or "oneOf" in prop:
        return "condition"
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    kind = prop.get("type")
    if kind == "array":
        if "prefixItems" in prop:
            return f"list of {len(prop['prefixItems'])} whole numbers"
        return f"list of {_type_name(prop.get('items', {}))}s"
    if kind == "object":
        return f"mapping of id to {_type_name(prop.get('additionalProperties', {}))}"
    if kind == "string":
        pattern = prop.get("pattern", "")
        if "YYYY" in prop.get("description", "") or "d{4}" in pattern:
            return "date"
        return "id" if "a-z" in pattern else "text"
    return {"integer": "whole number", "number": "number", "boolean": "true or false"}.get(kind, "value")


def _verb_section(cls: type[Verb]) -> list[str]:
    names = cls.model_fields["verb"].annotation.__args__  # type: ignore[union-attr]
    doc = inspect.cleandoc(cls.__doc__ or "")
    lines = [f"### `{'` / `'.join(names)}`", "", doc, ""]
    args = [(n, f) for n, f in cls.model_fields.items() if n != "verb"]
    schema = cls.model_json_schema()
    if "properties" not in schema:  # a recursive verb (all, any, not): its definition sits under $defs
        schema = schema["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    props = schema["properties"]
    if args:
        lines += ["| argument | type | default | meaning |", "|---|---|---|---|"]
        for name, info in args:
            required = info.default is PydanticUndefined and info.default_factory is None
            default = "required" if required else f"`{info.default!r}`".replace("None", "none")
            label = f"{name} (may be given alone)" if name == cls.scalar else name
            description = (info.description or "").replace("|", "\\|")
            lines.append(f"| {label} | {_type_name(props[name])} | {default} | {description} |")
        lines.append("")
    if cls.example:
        lines += ["```yaml", f"- {cls.example}", "```", ""]
    return lines


def _ids_section() -> list[str]:
    """The shipped ids a content file may name (the schemas list the same, for editors)."""
    from game.content.loader import load_content
    from game.tools.ids import ids_of

    content = load_content()
    lines = ["## Reference: ids", "",
             "The ids of the shipped content, by kind. `python main.py ids KIND` lists them with the mods'",
             "own (installed ones, or `--mod PATH`); the JSON Schemas in `schemas/` offer them for completion.", ""]
    for kind in ("chips", "stocks", "rivals", "techs", "decks", "scenarios", "events"):
        rows = ids_of(content, kind)
        lines += [f"### {kind}", ""]
        if kind == "events":
            lines += [", ".join(f"`{ident}`" for ident, _name in sorted(rows)), ""]
            continue
        lines += ["| id | what |", "|---|---|"]
        lines += [f"| `{ident}` | {name.replace('|', '/')} |" for ident, name in rows]
        lines.append("")
    return lines


def render_reference() -> str:
    """The generated reference (Markdown), between its two marker lines."""
    lines = [BEGIN, "", "## Reference: conditions", "",
             "Conditions go under an event's `trigger:` or a choice's `requires:`. Each is a mapping with one key.",
             ""]
    for cls in CONDITION_CLASSES:
        lines += _verb_section(cls)
    lines += ["## Reference: effects", "",
              "Effects go under an event's or a choice's `effects:` list. Each is a mapping with one key.", ""]
    for cls in EFFECT_CLASSES:
        lines += _verb_section(cls)
    lines += _ids_section()
    lines.append(END)
    return "\n".join(lines) + "\n"


def updated_document(text: str) -> str:
    """``text`` (the whole MODDING.md) with its generated part replaced by the current one."""
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + render_reference() + tail.lstrip("\n")


def main(argv: list[str]) -> int:
    current = DOC.read_text(encoding="utf-8")
    fresh = updated_document(current)
    if "--write" in argv:
        DOC.write_text(fresh, encoding="utf-8")
        return 0
    print("docs/MODDING.md is up to date" if fresh == current else "docs/MODDING.md is stale: use --write")
    return 0 if fresh == current else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
