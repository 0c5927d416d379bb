"""``python main.py report``: a debrief for one file, a class report and CSV for several, clear errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from game.cli import main
from tests.report.helpers import make_result, write_class, write_result


def test_one_file_makes_a_debrief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = make_result(nickname="Ada")
    out = tmp_path / "out" / "ada.html"
    assert main(["report", str(write_result(tmp_path, "ada", result)), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "Debrief: Ada" in html and f"{result['score']['total']}/100" in html
    assert not out.with_suffix(".csv").exists()
    assert str(out) in capsys.readouterr().out


def test_a_folder_makes_a_class_report_and_a_csv(tmp_path: Path) -> None:
    paths = write_class(tmp_path / "results")
    out = tmp_path / "class.html"
    assert main(["report", str(tmp_path / "results"), "--out", str(out), "--lang", "fr"]) == 0
    assert "Rapport de classe" in out.read_text(encoding="utf-8")
    raw = out.with_suffix(".csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: French Excel reads the accents as UTF-8
    with out.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))  # French Excel splits columns at semicolons
    assert sorted(r["fichier"] for r in rows) == sorted(p.name for p in paths)
    assert {r["issue"] for r in rows} <= {"Gagné", "Perdu", "Faillite", "Inachevé"}


def test_a_damaged_file_is_left_out_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = [write_result(tmp_path, f"good{i}", make_result(policy=p)) for i, p in enumerate(("efficient", "cautious"))]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(make_result())[:300], encoding="utf-8")
    out = tmp_path / "x.html"
    assert main(["report", *map(str, good), str(bad), "--out", str(out)]) == 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "bad.json" in err and "damaged" in err and "left out" in err
    assert "bad.json" in out.read_text(encoding="utf-8")  # the report says it too


def test_a_game_of_another_scenario_is_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [write_result(tmp_path, f"cn{i}", make_result(policy=p)) for i, p in enumerate(("efficient", "cautious"))]
    other = write_result(tmp_path, "us", make_result("us_lab", 3, "cautious", 6))
    out = tmp_path / "x.html"
    assert main(["report", *map(str, files), str(other), "--out", str(out), "--lang", "fr"]) == 0
    err = capsys.readouterr().err
    assert "us.json" in err and "us_lab" in err
    with out.with_suffix(".csv").open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle, delimiter=";"))) == 2


def test_another_version_is_named_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = make_result()
    result["format_version"] = 99
    path = write_result(tmp_path, "old", result)
    assert main(["report", str(path), "--out", str(tmp_path / "x.html"), "--lang", "fr"]) == 2
    err = capsys.readouterr().err.strip()
    assert "autre version" in err and "99" in err and "\n" not in err


def test_an_empty_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "x.html")]) == 2
    assert "no result files" in capsys.readouterr().err


def test_run_records_the_class_code_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--class-code", "CN_LAB-12-t3-h0-hard", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["scenario"], result["seed"], result["turns"]) == ("cn_lab", 12, 3)
    assert result["options"] == {"turn_limit": 3, "history": False, "difficulty": "hard"}
    assert result["class_code"] == "cn_lab-12-t3-h0-hard"


def test_run_option_flags_override_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", "--class-code", "us_lab-5-t3", "--turn-limit", "2", "--difficulty", "easy", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["turns"] == 2 and result["class_code"] == "us_lab-5-t2-easy"


@pytest.mark.parametrize("argv", [["--class-code", "cn_lab-x"], ["--class-code", "cn_lab-1", "--seed", "2"],
                                  ["--scenario", "cn_lab", "--seed", "1", "--turn-limit", "0"]])
def test_run_refuses_bad_codes_in_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", *argv, "--json"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
