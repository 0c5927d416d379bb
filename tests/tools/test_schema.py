"""JSON Schema: committed copies are up to date, draft-07 only, and shipped files point at them."""

from __future__ import annotations

import json
import re

from game.content.loader import ROOT
from game.tools.schema import KINDS, build_schemas, render


def test_committed_schemas_are_up_to_date():
    for kind, schema in build_schemas().items():
        committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == render(schema), f"schemas/{kind}.schema.json is stale: python main.py schema --out schemas"


def test_schemas_use_draft07_forms_and_every_reference_resolves():
    for kind, schema in build_schemas().items():
        text = json.dumps(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        for word in ("$defs", "prefixItems", "discriminator", "unevaluated", "dependentRequired"):
            assert word not in text, (kind, word)
        for ref in re.findall(r'"\$ref": "#/definitions/(\w+)"', text):
            assert ref in schema["definitions"], (kind, ref)


def test_effects_are_described_as_written_in_yaml():
    deck = build_schemas()["deck"]
    cash = next(e for e in deck["definitions"]["Effect"]["anyOf"] if "cash" in e["properties"])
    assert cash["required"] == ["cash"] and cash["additionalProperties"] is False
    assert {"type": "integer"}.items() <= cash["properties"]["cash"]["anyOf"][0].items()


def test_shipped_and_mod_files_name_their_schema():
    files = [*ROOT.joinpath("scenarios").rglob("*.yaml"), *ROOT.joinpath("mods").rglob("*.yaml")]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, path
        target = (path.parent / match.group(1)).resolve()
        assert target.exists() and target.name.removesuffix(".schema.json") in KINDS, path
