"""``python main.py schema --out DIR``: JSON Schema files for editors (world, deck, scenario, mod).

Generated from the pydantic models, then brought to what draft-07 tools (the VS Code YAML
extension) understand: ``definitions`` instead of ``$defs``, no ``discriminator`` or ``prefixItems``,
and the condition and effect verbs described as they are written in YAML (``{cash: 100}`` or
``{ban_chips: {chips: [h100]}}``), not as pydantic sees them after normalisation.

The committed copies live in ``schemas/``; a test fails when they are stale. Regenerate with
``python main.py schema --out schemas``.

Example::

    >>> schemas = build_schemas()
    >>> sorted(schemas), schemas["deck"]["$schema"]
    (['deck', 'mod', 'scenario', 'world'], 'http://json-schema.org/draft-07/schema#')
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from game.cli import UsageError

KINDS = ("world", "deck", "scenario", "mod")
DRAFT = "http://json-schema.org/draft-07/schema#"


def _verb_entry(name: str, cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    args = defs[cls.__name__]
    ref = {"$ref": f"#/definitions/{cls.__name__}"}
    if cls.wraps:
        value = args["properties"][cls.scalar]
    elif cls.scalar:
        value = {"anyOf": [args["properties"][cls.scalar], ref]}
    else:
        value = ref
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    entry = {"type": "object", "properties": {name: value}, "required": [name], "additionalProperties": False,
             "description": doc}
    if cls.example:
        entry["examples"] = [cls.example]
    return entry


def _fix(node: Any, defs: dict[str, Any]) -> Any:
    """Draft-07 forms, and verb unions replaced by a reference to the Condition or Effect definition."""
    if isinstance(node, list):
        return [_fix(x, defs) for x in node]
    if not isinstance(node, dict):
        return node
    if "discriminator" in node:
        mapping = node["discriminator"].get("mapping", {})
        return {"$ref": "#/definitions/Effect" if "cash" in mapping else "#/definitions/Condition"}
    out = {k: _fix(v, defs) for k, v in node.items()}
    if "$ref" in out and isinstance(out["$ref"], str):
        out["$ref"] = out["$ref"].replace("#/$defs/", "#/definitions/")
    if "prefixItems" in out:  # a fixed-length tuple
        items = out.pop("prefixItems")
        out["items"] = items
        out["minItems"] = out["maxItems"] = len(items)
        out["additionalItems"] = False
    if "^[a-z]{2}$" in out.get("patternProperties", {}):  # Localized text: English required
        out["additionalProperties"] = False
        out["required"] = ["en"]
    return out


def build_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file."""
    from game.content.conditions import CONDITIONS
    from game.content.effects import EFFECTS
    from game.content.filecheck import model_for

    raw = model_for(kind).model_json_schema(ref_template="#/definitions/{model}")
    defs = raw.pop("$defs", {})
    for verbs in (CONDITIONS, EFFECTS):
        for cls in sorted(set(verbs.values()), key=lambda c: c.__name__):
            if cls.__name__ in defs:
                args = defs[cls.__name__]
                args.get("properties", {}).pop("verb", None)
                args["required"] = [r for r in args.get("required", []) if r != "verb"]
                if not args["required"]:
                    del args["required"]
    used = json.dumps(raw) + json.dumps(defs)
    if "discriminator" in used:
        defs["Condition"] = {"description": "a condition: a mapping with one key, its verb",
                             "anyOf": [_verb_entry(n, CONDITIONS[n], defs) for n in sorted(CONDITIONS)]}
        defs["Effect"] = {"description": "an effect: a mapping with one key, its verb",
                          "anyOf": [_verb_entry(n, EFFECTS[n], defs) for n in sorted(EFFECTS)]}
    fixed_defs = {name: _fix(d, defs) for name, d in sorted(defs.items())}
    schema = {"$schema": DRAFT, **_fix(raw, defs)}
    if fixed_defs:
        schema["definitions"] = fixed_defs
    return schema


def build_schemas() -> dict[str, dict[str, Any]]:
    return {kind: build_schema(kind) for kind in KINDS}


def render(schema: dict[str, Any]) -> str:
    """The exact text written to disk (the staleness test compares it)."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write <kind>.schema.json into")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    for kind, schema in build_schemas().items():
        path = out / f"{kind}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        print(path)
    return 0
