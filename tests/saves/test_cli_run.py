"""``run --autosave PATH`` and ``run --load SAVE``: a headless game saved every turn and continued."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main
from game.saves import load_save


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["run", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def run_err(capsys, *args: str) -> tuple[int, str]:
    code, _, err = run(capsys, *args)
    return code, err


def test_autosave_then_load_continues_to_the_same_end(tmp_path: Path, capsys) -> None:
    auto = tmp_path / "auto.json"
    code, out, err = run(capsys, "--scenario", "head_to_head", "--seed", "9", "--policy", "efficient",
                         "--policy", "aggressive", "--turns", "4", "--autosave", str(auto))
    assert code == 0, err
    saved = load_save(auto)
    assert saved.state.turn == 4 and not saved.state.over  # saved before the cut, so it can go on
    assert saved.document.replay_verified and saved.meta == {}
    code, out, err = run(capsys, "--load", str(auto), "--policy", "efficient", "--policy", "aggressive",
                         "--json", "--autosave", str(tmp_path / "later.json"))
    assert code == 0, err
    continued = json.loads(out)
    code, out, err = run(capsys, "--scenario", "head_to_head", "--seed", "9", "--policy", "efficient",
                         "--policy", "aggressive", "--json")
    whole = json.loads(out)
    # These policies keep no memory of their own: the continued game is the uninterrupted one.
    assert continued["state_hash"] == whole["state_hash"] and continued["actions"] == whole["actions"]
    later = load_save(tmp_path / "later.json")
    assert later.state.over and len(later.actions) == len(whole["actions"])


def test_load_errors_are_one_line(tmp_path: Path, capsys) -> None:
    code, err = run_err(capsys, "--load", str(tmp_path / "none.json"))
    assert code == 2 and err.strip() == "error: none.json: no such save file"
    (tmp_path / "bad.json").write_text("{")
    code, err = run_err(capsys, "--load", str(tmp_path / "bad.json"), "--lang", "fr")
    assert code == 2 and "bad.json\xa0: endommagé" in err and err.count("\n") == 1
    code, err = run_err(capsys, "--load", str(tmp_path / "bad.json"), "--seed", "3")
    assert code == 2 and "--load continues a saved game: leave out --scenario" in err
    code, err = run_err(capsys, "--seed", "3")
    assert code == 2 and "--scenario and --seed" in err


def test_autosave_to_an_impossible_place_is_one_line(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, err = run_err(capsys, "--scenario", "cn_lab", "--seed", "1", "--turns", "1", "--autosave",
                        str(blocker / "auto.json"))
    assert code == 2 and "auto.json: cannot save" in err
