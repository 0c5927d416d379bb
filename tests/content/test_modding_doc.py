"""docs/MODDING.md: its reference is generated from the models, and every YAML example in it works."""

from __future__ import annotations

import re

from pydantic import TypeAdapter

from game.content.conditions import Condition
from game.content.effects import Effect
from game.content.filecheck import check_file, guess_kind
from game.content.mods import load_content_with_mods
from game.content.reference import DOC, updated_document
from game.textfiles.safeyaml import parse_text

TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", TEXT, flags=re.S)


def test_reference_is_up_to_date():
    assert updated_document(TEXT) == TEXT, "docs/MODDING.md is stale: python -m game.content.reference --write"


def test_every_verb_example_validates():
    conditions, _, effects = TEXT.partition("## Reference: effects")
    for part, adapter in ((conditions.split("## Reference: conditions")[1], TypeAdapter(Condition)),
                          (effects, TypeAdapter(Effect))):
        examples = re.findall(r"```yaml\n- (.*?)\n```", part)
        assert len(examples) >= 10
        for example in examples:
            adapter.validate_python(parse_text(f"x: {{{example}}}\n", "doc").data["x"])


def test_tutorial_files_validate_and_make_a_playable_mod(tmp_path):
    files = [b for b in BLOCKS if b.startswith("# yaml-language-server")]
    assert len(files) == 2
    folder = tmp_path / "my_first_mod"
    (folder / "events").mkdir(parents=True)
    for block in files:
        doc = parse_text(block, "doc")
        kind = guess_kind(doc, "")
        model, problems = check_file(doc, kind, ("en", "fr"))
        assert model is not None and problems == [], problems
        target = folder / "mod.yaml" if kind == "mod" else folder / "events" / "shortage.yaml"
        target.write_text(block, encoding="utf-8")
    content = load_content_with_mods(tmp_path)
    (info,) = content.mods
    assert info.enabled and info.problems == ()
    assert "my_first_shortage" in {e.id for e in content.events_of(content.scenario("cn_lab"))}
