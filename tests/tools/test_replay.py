"""``python main.py replay SAVE``: exact replays exit 0, differences name the first turn (exit 1),
unreadable or foreign saves give one line (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import load_content
from game.engine.actions import Choose, EndTurn, parse_action
from game.engine.canonical import state_hash
from game.engine.errors import IllegalAction
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.engine.state import GameState
from game.match import play_game
from game.saves import save_game, write_crash_report
from game.saves.document import checksum
from tests.engine.golden import CASES, GOLDEN_DIR, read_actions, render
from tests.saves.helpers import downgrade_to_v0, read_doc, sample, write_doc

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CHIP_RACE_DATA", str(tmp_path / "userdata"))


def replay(capsys, path: Path, *extra: str) -> tuple[int, str]:
    code = main(["replay", str(path), *extra])
    out = capsys.readouterr()
    return code, (out.out + out.err).strip()


def logged(game: Game, seed: int, actions: list[dict]) -> tuple[GameState, list[LogEntry]]:
    """Replay bare actions, building the log with each action's turn and side."""
    state = game.new_game(seed)
    log = []
    for action in actions:
        log.append(LogEntry.taken(state, parse_action(action)))
        game.apply_in_place(state, action)
    return state, log


@pytest.mark.parametrize("scenario", sorted(CASES))
def test_golden_playthroughs_replay_exactly(tmp_path: Path, capsys, scenario: str) -> None:
    game = Game(load_content(), scenario)
    text = (GOLDEN_DIR / f"{scenario}.txt").read_text(encoding="utf-8")
    seed, actions = read_actions(text)
    try:
        current = render(game, seed, actions)
    except IllegalAction:
        current = None
    if current != text:  # tests/engine/test_golden.py fails too and says what to rewrite
        pytest.skip(f"tests/golden/{scenario}.txt is out of date with the rules or content")
    golden_digests = [line.split()[1] for line in text.splitlines() if line.startswith("  digest ")]
    # Saved at the end, and part-way through (an autosave mid-turn).
    for cut in (len(actions), len(actions) // 2 + 1):
        state, log = logged(game, seed, actions[:cut])
        path = tmp_path / f"{scenario}-{cut}.json"
        save_game(path, game, state, log)
        hashes = [h[:16] for h in read_doc(path)["turn_hashes"][1:]]
        assert hashes == golden_digests[: len(hashes)]  # the save's per-turn hashes are the golden digests
        code, out = replay(capsys, path)
        assert code == 0, out
        assert out.count("\n") == 0 and state_hash(state)[:16] in out and f"seed {seed}" in out


@pytest.mark.parametrize("scenario", sorted(load_content().scenarios))
def test_played_games_replay_exactly(tmp_path: Path, capsys, scenario: str) -> None:
    game = Game(load_content(), scenario, {"turn_limit": 10})
    played = play_game(game, 12, dict.fromkeys(game.scenario.sides, "random"), max_turns=6)  # ends by conclude
    path = tmp_path / "played.json"
    save_game(path, game, played.state, played.log)
    code, out = replay(capsys, path, "--lang", "fr")
    assert code == 0, out
    assert "le rejeu reproduit" in out


def _tamper(path: Path, index: int, action: dict) -> dict:
    """Replace one logged action and reseal the file, as a cheating student with the source might."""
    doc = read_doc(path)
    doc["actions"][index]["action"] = action
    write_doc(path, doc)
    return doc


def test_a_changed_log_names_the_first_turn_that_differs(tmp_path: Path, capsys) -> None:
    game, state, log = sample("cn_lab", seed=7, turns=6)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    # Turn 3 (index 2): its first action becomes an end of turn: the game differs from turn 3 on.
    index = next(i for i, e in enumerate(log) if e.turn == 2 and not isinstance(e.action, EndTurn | Choose))
    _tamper(path, index, {"type": "end_turn"})
    code, out = replay(capsys, path)
    assert code == 1
    assert "from turn 3 " in out and game.rules.dates[2] in out


def test_an_impossible_action_is_named(tmp_path: Path, capsys) -> None:
    game, state, log = sample("cn_lab", seed=7, turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    _tamper(path, 0, {"type": "research", "tech": "no_such_tech"})
    code, out = replay(capsys, path)
    assert code == 1 and "action 1 (turn 1, cn: research) is illegal" in out


def test_a_changed_final_state_is_reported(tmp_path: Path, capsys) -> None:
    game, state, log = sample("cn_lab", seed=7, turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log[:-1])  # the state has one more action than the log
    code, out = replay(capsys, path)
    assert code == 1 and "at the end (turn 3" in out


def test_format_0_saves_compare_the_recorded_figures(tmp_path: Path, capsys) -> None:
    game, state, log = sample("cn_lab", seed=7, turns=5)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    old = downgrade_to_v0(read_doc(path))
    write_doc(path, old, reseal=False)
    code, out = replay(capsys, path)
    assert code == 0, out
    # Format 0 had no checksum and no per-turn hashes: a change is found by the figures of state.series.
    old["state"]["series"][1]["labs"]["cn"]["cash"] += 1
    write_doc(path, old, reseal=False)
    code, out = replay(capsys, path)
    assert code == 1 and f"from turn 2 ({game.rules.dates[1]})" in out


def test_crash_report_replays_and_retries_the_action(tmp_path: Path, capsys, monkeypatch) -> None:
    game, state, log = sample("cn_lab", seed=7, turns=2)
    try:
        raise KeyError("chip")
    except KeyError as exc:
        report = write_crash_report(game, state, log, exc, action={"type": "end_turn"}, folder=tmp_path)
    code, out = replay(capsys, report)
    assert code == 0, out
    lines = out.splitlines()
    assert len(lines) == 2 and "reproduces" in lines[0] and "does not fail on replay" in lines[1]
    # A real engine failure on that action comes back on replay (re-played logs use apply_in_place,
    # the retried action ``apply``: only the retry breaks here).
    from game.engine import game as engine_game

    def broken_apply(self, state, action):
        raise ZeroDivisionError("division by zero in the market")

    monkeypatch.setattr(engine_game.Game, "apply", broken_apply)
    code, out = replay(capsys, report)
    assert code == 0 and "crash happens again on replay: ZeroDivisionError" in out


def test_engine_failure_during_replay_is_named(tmp_path: Path, capsys, monkeypatch) -> None:
    game, state, log = sample("cn_lab", seed=7, turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    from game.engine import game as engine_game

    monkeypatch.setattr(engine_game.Game, "_end_turn", lambda self, ctx: 1 / 0)
    code, out = replay(capsys, path)
    assert code == 1 and "engine fails on replay" in out and "ZeroDivisionError" in out


def test_unreadable_and_foreign_saves_exit_2_in_one_line(tmp_path: Path, capsys) -> None:
    code, out = replay(capsys, tmp_path / "missing.json")
    assert code == 2 and out == "error: missing.json: no such save file"
    game, state, log = sample("cn_lab", seed=7, turns=2)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    doc = read_doc(path)
    doc["content_digest"] = "0" * 16
    doc["checksum"] = checksum(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out = replay(capsys, path)
    assert code == 2 and "other game content" in out and "--force" in out and "\n" not in out
    code, out = replay(capsys, path, "--force")
    assert code == 0 and "although the content differs" in out
    path.write_bytes(path.read_bytes()[:-200])
    code, out = replay(capsys, path, "--lang", "fr")
    assert code == 2 and "endommagé ou tronqué" in out


def test_the_real_command_line(tmp_path: Path) -> None:
    game, state, log = sample("us_lab", seed=3, turns=3)
    path = tmp_path / "slot.json"
    save_game(path, game, state, log)
    proc = subprocess.run([sys.executable, "main.py", "replay", str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1 and "reproduces" in proc.stdout
