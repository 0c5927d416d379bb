"""Bad and hostile YAML: each case is a clean problem with its file (and line), fast and bounded."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from game.content.filecheck import check_file
from game.textfiles.safeyaml import MAX_BYTES, YamlRefused, parse_text, read_document

WORLD_HEAD = "id: world\nchips: []\ntechs: []\nstocks: []\nrivals: []\n"


def refused(tmp_path: Path, data: bytes | str, name: str = "f.yaml") -> tuple[str, int, str]:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    with pytest.raises(YamlRefused) as info:
        read_document(path, name)
    found = info.value.problem
    assert found.file == name and found.severity == "error"
    return found.check, found.line, found.message


def test_syntax_error_has_its_line(tmp_path):
    check, line, message = refused(tmp_path, "id: deck\nevents:\n  - id: a\n   bad: [1, 2\n")
    assert check == "yaml_syntax" and line >= 4 and message.startswith("indentation:")


def test_duplicate_keys_are_all_reported_with_both_lines():
    doc = parse_text("id: a\ntitle: x\nid: b\ntitle: y\n", "d.yaml")
    assert [(p.check, p.line) for p in doc.problems] == [("duplicate_key", 3), ("duplicate_key", 4)]
    assert "first on line 1" in doc.problems[0].message
    model, problems = check_file(doc, "deck")
    assert model is None and len(problems) == 2


def test_python_tag_is_refused_and_never_run(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr("os.system", lambda *a: calls.append(a))
    check, line, message = refused(tmp_path, "id: !!python/object/apply:os.system ['echo hi']\n")
    assert check == "unsafe_tag" and line == 1 and "python/object" in message and not calls


def test_billion_laughs_fails_fast_in_bounded_memory(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    tracemalloc.start()
    start = time.perf_counter()
    check, line, _ = refused(tmp_path, "\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert check == "alias_bomb" and line > 1
    assert elapsed < 1.0 and peak < 50_000_000


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path):
    start = time.perf_counter()
    check, _, _ = refused(tmp_path, "x: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert check == "too_deep" and time.perf_counter() - start < 1.0
    check, _, _ = refused(tmp_path, "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n")
    assert check == "too_deep"


def test_self_referencing_anchor(tmp_path):
    check, line, message = refused(tmp_path, "a: &loop\n  - 1\n  - *loop\n")
    assert check == "self_alias" and line == 3 and "*loop" in message


def test_binary_garbage(tmp_path):
    garbage = bytes((i * 7919 + 13) % 256 for i in range(3000))
    assert refused(tmp_path, garbage)[0] in ("binary", "encoding")
    assert refused(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")[0] == "binary"


def test_utf16_file(tmp_path):
    check, _, message = refused(tmp_path, "id: world\n".encode("utf-16"))
    assert check == "encoding" and "UTF-16" in message
    check, _, _ = refused(tmp_path, "id: world\n".encode("utf-16-le"))
    assert check == "encoding"


def test_latin1_file_names_the_line(tmp_path):
    check, line, message = refused(tmp_path, "id: x\ntitle:\n  fr: Élan\n".encode("latin-1"))
    assert check == "encoding" and line == 3 and "0xc9" in message


@pytest.mark.parametrize("text", ["", "   \n\n", "# just a comment\n", "---\n", "~\n"])
def test_empty_file(tmp_path, text):
    assert refused(tmp_path, text)[0] == "empty"


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.seek(MAX_BYTES + 10)
        handle.write(b"\n")
    assert refused(tmp_path, path.read_bytes(), "big.yaml")[0] == "too_large"


def test_list_at_top_level():
    doc = parse_text("- id: a\n- id: b\n", "d.yaml")
    _, problems = check_file(doc, "deck")
    assert [(p.check, p.line) for p in problems] == [("top_level", 1)]
    assert "not a list" in problems[0].message


def test_yaml11_surprises_where_text_is_expected():
    doc = parse_text(
        "id: example\nname: NO\nversion: 1.10\nauthor: me\ndescription: {en: d}\ngame_version: '0.1'\n", "mod.yaml")
    _, problems = check_file(doc, "mod")
    found = {p.line: p.message for p in problems}
    assert 'NO as false; write it in quotes: "NO"' in found[2]
    assert 'read the unquoted 1.10 as 1.1; write it in quotes: "1.10"' in found[3]


def test_norway_problem_in_a_language_key():
    doc = parse_text("id: d\nevents:\n  - id: e\n    kind: generic\n    title: {en: a, no: b}\n    text: {en: t}\n",
                     "d.yaml")
    _, problems = check_file(doc, "deck")
    assert len(problems) == 1 and problems[0].line == 5 and 'write it in quotes: "no"' in problems[0].message


def test_other_tags_merge_keys_and_several_documents(tmp_path):
    assert refused(tmp_path, "a: !!binary aGVsbG8=\n")[0] == "unsafe_tag"
    assert refused(tmp_path, "a: !custom x\n")[0] == "unsafe_tag"
    assert refused(tmp_path, "base: &b {x: 1}\nc:\n  <<: *b\n")[0] == "unsafe_tag"
    assert refused(tmp_path, "a: 1\n---\nb: 2\n")[0] == "yaml_syntax"


def test_positions_follow_pydantic_locations():
    doc = parse_text(WORLD_HEAD.replace("chips: []", "chips:\n  - {id: h100, name: 3}"), "w.yaml")
    _, problems = check_file(doc, "world")
    name = next(p for p in problems if "chips[0].name" in p.message)
    assert (name.line, name.col) == (3, 22)


TRICKY = """# yaml-language-server: $schema=../schemas/deck.schema.json
id: tricky
base: &base {a: 1, b: [x, 'y', "z"]}
list: [*base, *base, {c: NO, d: 1.10, e: 2025-01-20, f: ~, g: 0x1f, h: 1_000, i: .inf, j: !!str 12}]
text: |
  several
  lines
2: numbers as keys
no: norway
nested: [[[deep, [deeper]]]]
"""


def _read_both(text: str) -> tuple[object, object]:
    from game.textfiles.safeyaml import MAX_DEPTH, MAX_NODES, _build, _Positions

    return _build(text, "f.yaml", MAX_NODES, MAX_DEPTH, None), _build(text, "f.yaml", MAX_NODES, MAX_DEPTH,
                                                                      _Positions())


def test_fast_reading_and_reading_with_positions_agree():
    from game.content.loader import ROOT

    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "scenarios").rglob("*.yaml"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "mods").rglob("*.yaml"))]
    for text in texts:
        fast, recorded = _read_both(text)
        assert fast == recorded
    doc = parse_text(TRICKY, "f.yaml")
    assert doc.data["list"][0] is doc.data["list"][1]  # an alias shares its anchor's object
    assert doc.data["list"][2] == {"c": False, "d": 1.1, "e": __import__("datetime").date(2025, 1, 20), "f": None,
                                   "g": 31, "h": 1000, "i": float("inf"), "j": "12"}
    assert doc.plain[("list", 2, "c")] == "NO" and doc.plain[(False, "[key]")] == "no"
    assert doc.where(("nested", 0, 0, 1, 0)) == (10, 19) and doc.where(("text",), key=True) == (5, 1)


def test_positions_are_read_only_when_needed():
    doc = parse_text(TRICKY, "f.yaml")
    assert doc._values is None  # valid content never pays for them
    assert doc.where(("list", 2, "d")) == (4, 33) and doc._values is not None
