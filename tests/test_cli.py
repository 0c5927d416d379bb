"""The command line's last line of defence: unexpected errors and broken pipes never show a traceback."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from game import cli

ROOT = Path(__file__).resolve().parents[1]


class _Boom:
    @staticmethod
    def run(args: argparse.Namespace) -> int:
        raise RuntimeError("something broke")


def test_unexpected_error_is_one_line_and_a_report(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    monkeypatch.delenv("CHIP_RACE_DEBUG", raising=False)
    monkeypatch.setattr(parser, "parse_args", lambda argv: argparse.Namespace(command="run", _module=_Boom))
    assert cli.main(["run"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("internal error: RuntimeError: something broke") and "Traceback" not in err
    report = Path(err.split("details in ")[1].split(";")[0])
    assert "RuntimeError: something broke" in report.read_text(encoding="utf-8")
    report.unlink()


def test_broken_pipe_is_quiet() -> None:
    proc = subprocess.run(f'"{sys.executable}" main.py run --scenario cn_lab --seed 1 | head -1', shell=True,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_help_lists_the_commands() -> None:
    proc = subprocess.run([sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0
    for command in ("run", "validate", "schema", "demo", "events", "simulate", "report", "replay"):
        assert command in proc.stdout


def test_version_gives_the_game_and_the_content_a_result_records(capsys: pytest.CaptureFixture[str]) -> None:
    from game import __version__
    from game.content.loader import load_content

    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"Chip Race {__version__} (content {load_content().digest})"
