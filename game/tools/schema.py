"""``python main.py schema --out DIR``: JSON Schema files for editors (world, deck, scenario, mod).

Generated from the pydantic models, then brought to what draft-07 tools (the VS Code YAML
extension) understand: ``definitions`` instead of ``$defs``, no ``discriminator`` or ``prefixItems``,
and the condition and effect verbs described as they are written in YAML (``{cash: 100}`` or
``{ban_chips: {chips: [h100]}}``), not as pydantic sees them after normalisation.

Where a field takes the id of something the content defines (a chip, a stock, a rival, a technique,
an event, a deck), the schema lists the shipped ids (``enum``) so that an editor completes them, with
an extension point (``anyOf`` the id pattern) so that a mod's own ids stay valid; dates carry their
``YYYY-MM[-DD]`` pattern, so an editor flags ``2022-13``.

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


#: (definition, property) -> the kind of id the property takes (``None``: the file's top level).
ID_FIELDS: dict[tuple[str | None, str], str] = {
    **{(d, "chips"): "chips" for d in ("AllowChips", "BanChips")},
    **{(d, "chip"): "chips" for d in ("ChipBanned", "ChipPrice", "GrantChips", "LoseChips", "Owns")},
    (None, "initial_bans"): "chips",
    ("Fired", "event"): "events", ("FollowUp", "event"): "events",
    **{(None, f): "events" for f in ("remove_events", "force_events", "replace_events", "disable_events")},
    ("RivalRelease", "rival"): "rivals", ("RivalPick", "id"): "rivals",
    **{(d, "tech"): "techs" for d in ("TechDone", "TechProgress")},
    ("Tech", "requires"): "techs", ("LabStart", "techs"): "techs",
    (None, "decks"): "decks",
}
#: (definition, property) of mappings keyed by an id: the shipped ids become known keys (completion).
ID_KEYS: dict[tuple[str, str], str] = {("Stocks", "moves"): "stocks", ("LabStart", "chips"): "chips"}
DATE_DESCRIPTION = "a date, YYYY-MM or YYYY-MM-DD"


def shipped_ids() -> dict[str, list[str]]:
    """The ids of the shipped content by kind (never a mod's: the committed schemas are the game's)."""
    from game.content.loader import load_content
    from game.tools.ids import ids_of

    content = load_content()
    return {kind: sorted(i for i, _n in ids_of(content, kind)) for kind in ("chips", "stocks", "rivals", "techs",
                                                                            "events", "decks")}


def _id_choice(node: dict[str, Any], kind: str, ids: dict[str, list[str]]) -> dict[str, Any]:
    """An id field as "one of the shipped ids, or any id a mod defines"."""
    own = {k: v for k, v in node.items() if k not in ("description", "title")}
    return {"description": f"a {kind[:-1]} id: a shipped one or one a mod defines "
                           f"(python main.py ids {kind})",
            "anyOf": [{"type": "string", "enum": ids[kind]}, own]}


def _add_ids(raw: dict[str, Any], defs: dict[str, Any], ids: dict[str, list[str]]) -> None:
    """Shipped ids into the id fields of one kind's schema (in place)."""
    for (name, prop), kind in ID_FIELDS.items():
        holder = raw if name is None else defs.get(name)
        node = (holder or {}).get("properties", {}).get(prop)
        if node is None:
            continue
        if node.get("type") == "array":
            node["items"] = _id_choice(node["items"], kind, ids)
        else:
            holder["properties"][prop] = _id_choice(node, kind, ids)  # type: ignore[index]
    for (name, prop), kind in ID_KEYS.items():
        node = defs.get(name, {}).get("properties", {}).get(prop)
        if node is None:
            continue
        value = next(iter(node.get("patternProperties", {}).values()), node.get("additionalProperties", {}))
        node["properties"] = {ident: dict(value) for ident in ids[kind]}


def _date_patterns(node: Any) -> None:
    """The date pattern on every date field (pydantic leaves it out: the field takes a YAML date too)."""
    from game.content.verbs import YEAR_MONTH

    if isinstance(node, list):
        for item in node:
            _date_patterns(item)
    elif isinstance(node, dict):
        if node.get("description") == DATE_DESCRIPTION and node.get("type") == "string":
            node["pattern"] = YEAR_MONTH
        for value in node.values():
            _date_patterns(value)


def build_schema(kind: str, ids: dict[str, list[str]] | None = None) -> dict[str, Any]:
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
    _add_ids(raw, defs, ids if ids is not None else shipped_ids())
    _date_patterns(raw)
    _date_patterns(defs)
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
    ids = shipped_ids()
    return {kind: build_schema(kind, ids) for kind in KINDS}


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
