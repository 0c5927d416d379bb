"""Files a school can use: --out in UTF-8, the printable handout, French errors, reports of saves."""

from __future__ import annotations

import json
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from game.cli import main
from tests.report.helpers import make_result, write_result

ROOT = Path(__file__).resolve().parents[2]


def test_the_handout_is_printable_html_naming_both_articles(tmp_path: Path) -> None:
    out = tmp_path / "fiche.html"
    assert main(["events", "--lang", "fr", "--scenario", "cn_lab", "--out", str(out)]) == 0
    html = unescape(out.read_text(encoding="utf-8"))
    assert html.startswith("<!DOCTYPE html>") and "@page" in html
    for words in ("Un “nouveau venu” de l'IA bouleverse le marché", "Báo Quốc Tế", "8 février 2025",
                  "Le phénomène Deepseek", "31 janvier 2025", "DeepSeek-R1"):
        assert words in html, words
    assert "Inventé pour le jeu" in html  # invented cards say so


def test_out_writes_utf8_whatever_the_console_encoding(tmp_path: Path) -> None:
    out = tmp_path / "liste.txt"
    env = {"PYTHONIOENCODING": "cp1252", "PATH": "", "SYSTEMROOT": ""}
    done = subprocess.run([sys.executable, "main.py", "events", "--lang", "fr", "--out", str(out)], cwd=ROOT,
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Sur condition".lower() in out.read_text(encoding="utf-8").lower()
    # and a plain redirect under a Windows code page neither crashes nor truncates: UTF-8 goes out
    piped = subprocess.run([sys.executable, "main.py", "events", "--lang", "fr"], cwd=ROOT, capture_output=True,
                           env=env, timeout=120)
    assert piped.returncode == 0 and "é" in piped.stdout.decode("utf-8")


def test_run_out_writes_the_result_of_a_lesson(tmp_path: Path) -> None:
    out = tmp_path / "résultat.json"
    assert main(["run", "--class-code", "us_lab-7-l8", "--json", "--out", str(out), "--lang", "fr"]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["class_code"] == "us_lab-7-l8" and result["first_turn"] == 10
    assert {"deepseek_r1", "nvidia_crash"} <= {e["id"] for e in result["events"]}


@pytest.mark.parametrize(("argv", "words"), [
    (["run", "--class-code", "cn-lab-4821", "--lang", "fr"], "vouliez-vous dire cn_lab-4821"),
    (["run", "--scenario", "cn_lbb", "--seed", "1", "--lang", "fr"], "Vouliez-vous dire cn_lab"),
    (["report", "--lang", "fr"], "erreur\u00a0: il manque"),
    (["run", "--scenario", "cn_lab", "--seed", "1", "--policy", "eficient", "--lang", "fr"],
     "Vouliez-vous dire efficient"),
])
def test_errors_are_in_the_chosen_language(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own errors exit from inside the parser
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert words in err and "error:" not in err and err.count("\n") == 1


def test_a_save_and_a_powershell_file_are_reported(tmp_path: Path) -> None:
    from game.content.loader import load_content
    from game.engine.game import Game
    from game.match import Match
    from game.saves import Autosaver

    game = Game(load_content(), "cn_lab", {"lesson_turns": 12})
    match = Match.new(game, 5, {"cn": "cautious"})
    save = tmp_path / "classe" / "partie-de-léa.json"
    save.parent.mkdir()
    match.on_step = Autosaver(str(save), match)
    match.play_computer_seats(match.state.turn + 3)  # an unfinished game, saved after every turn
    utf16 = tmp_path / "classe" / "ps.json"
    utf16.write_bytes(json.dumps(make_result(nickname="Zoé")).encode("utf-16"))  # PowerShell's `>`
    write_result(tmp_path / "classe", "ada", make_result(nickname="Ada"))
    out = tmp_path / "classe.html"
    assert main(["report", str(tmp_path / "classe"), "--out", str(out), "--lang", "fr"]) == 2 or out.exists()
    html = out.read_text(encoding="utf-8")
    assert "Zoé" in html and "partie-de-léa" in html and "Inachevé" in html
