"""``python main.py validate``: output format, sorting, summary line and exit codes."""

from __future__ import annotations

import pytest

from game.cli import main
from tests.content.helpers import copy_example, event, make_mod


def run(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args])
    out = capsys.readouterr()
    return code, (out.out + out.err).strip().splitlines()


def test_shipped_content_and_example_mod_validate_clean(capsys):
    code, lines = run(capsys, "scenarios", "mods/example")
    assert code == 0 and lines[-1].endswith(": 0 error(s), 0 warning(s)")
    assert lines[:-1] == ["mods: load order: example"]  # as docs/MODDING.md promises


def test_errors_sorted_with_summary_and_exit_1(tmp_path, capsys):
    copy_example(tmp_path)
    folder = make_mod(tmp_path, "bad", event("bad_b", "    effects: [{grant_chips: {chip: h10, count: 5}}]\n")
                      + event("bad_a").replace("title: {en: T, fr: T}", "title: {en: T}"))
    code, lines = run(capsys, str(folder))
    assert code == 1
    assert lines[-1] == "2 file(s) checked: 1 error(s), 1 warning(s)"
    body = lines[:-1]
    assert body[0].endswith("events/deck.yaml:8:36: error: unknown chip 'h10'. Did you mean 'h100'?")
    assert ":12:12: warning: events[1].title: no text in fr" in body[1]


def test_single_file_outside_any_mod(tmp_path, capsys):
    path = tmp_path / "deck.yaml"
    path.write_text("# yaml-language-server: $schema=../schemas/deck.schema.json\nid: mine\nevents:\n"
                    + event("mine_one", "    trigger: {fired: deepseek_r2}\n"), encoding="utf-8")
    code, lines = run(capsys, str(path))
    assert code == 1 and "unknown event 'deepseek_r2'. Did you mean 'deepseek_r1'?" in lines[0]
    assert lines[0].startswith(f"{path}:9:")


def test_unusable_arguments_exit_2(tmp_path, capsys):
    code, lines = run(capsys, str(tmp_path / "missing.yaml"))
    assert code == 2 and lines == [f"error: no such file or folder: {tmp_path / 'missing.yaml'}"]
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


def test_hostile_file_is_one_clean_line(tmp_path, capsys):
    path = tmp_path / "evil.yaml"
    path.write_text("x: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    code, lines = run(capsys, str(path))
    assert code == 1 and len(lines) == 2 and lines[0].startswith(f"{path}:1:4: error: the tag")


def test_french_messages(tmp_path, capsys):
    path = tmp_path / "d.yaml"
    path.write_text("id: d\nid: e\n", encoding="utf-8")
    code, lines = run(capsys, "--lang", "fr", str(path))
    assert code == 1 and "erreur: la clé «\xa0id\xa0» apparaît deux fois" in lines[0]


def test_a_folder_of_mods_and_a_single_mod_file(tmp_path, capsys):
    copy_example(tmp_path)
    make_mod(tmp_path, "typo", event("typo_one", "    trigger: {fired: nvidia_crsh}\n"))
    code, lines = run(capsys, str(tmp_path))
    assert code == 1 and len(lines) == 4 and "unknown event 'nvidia_crsh'" in lines[0]
    assert lines[1:3] == [f"{tmp_path}: load order: example", f"{tmp_path}: mod 'typo' is disabled: 1 error(s)"]
    code, lines = run(capsys, str(tmp_path / "example" / "events" / "whatif.yaml"))
    assert code == 0 and lines == ["1 file(s) checked: 0 error(s), 0 warning(s)"]


def test_unknown_verb_is_said_in_the_chosen_language(tmp_path, capsys):
    path = tmp_path / "deck.yaml"
    path.write_text("# yaml-language-server: $schema=../schemas/deck.schema.json\nid: d\nevents:\n"
                    "  - id: strike\n    kind: generic\n    weight: 5\n"
                    "    title: {en: Strike, fr: Grève}\n    text: {en: Strike., fr: Grève.}\n"
                    "    effects:\n      - cahs: -100\n", encoding="utf-8")
    code, lines = run(capsys, "--lang", "fr", str(path))
    assert code == 1 and "effet inconnu «\xa0cahs\xa0»" in lines[0] and "«\xa0cash\xa0»" in lines[0]
    assert "unknown effect" not in lines[0]
    code, lines = run(capsys, str(path))
    assert "unknown effect 'cahs'" in lines[0] and "Did you mean 'cash'?" in lines[0]


def test_top_level_keys_missing_or_misplaced_read_plainly(tmp_path, capsys):
    """A key missing at the top of a file is named without an empty field before it, and a key known
    elsewhere but not here is never offered as its own correction."""
    path = tmp_path / "scenario.yaml"
    path.write_text("# yaml-language-server: $schema=../schemas/scenario.schema.json\nid: mine\n"
                    "name: {en: Mine, fr: Le mien}\n", encoding="utf-8")
    code, lines = run(capsys, str(path))
    assert code == 1
    assert any(line.endswith(":2:1: error: the key 'calendar' is missing") for line in lines), lines
    extra = next(line for line in lines if "unknown key 'name'" in line)
    assert "Did you mean 'name'" not in extra
    code, lines = run(capsys, "--lang", "fr", str(path))
    calendar = next(line for line in lines if "calendar" in line)
    _where, severity, message = calendar.split(": ", 2)
    assert severity == "erreur" and message.startswith("la clé") and message.endswith("manque"), calendar
