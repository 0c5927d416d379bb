"""``python main.py report RESULT.json... --out FILE.html [--lang fr]``: reports for teachers.

One result file makes a debrief of that game; several make a class report, with a CSV of all games
written next to the HTML (same name, ``.csv``). Folders stand for all the ``*.json`` files in them.
A file that is not a result, is damaged or comes from another version stops the command with a
one-line message naming it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli import UsageError
from game.i18n import LANGUAGES, strings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("results", nargs="+", metavar="RESULT", type=Path,
                        help="result files (JSON, from the game's end screen or `run --json`) or folders of them")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.html", help="the HTML file to write")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the report (default: the games')")


def _write(path: Path, text: str, encoding: str = "utf-8") -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=encoding, newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def run(args: argparse.Namespace) -> int:
    from game.report.loading import ResultError, collect_paths, load_result

    s = strings(args.lang or "en")
    out: Path = args.out
    if out.is_dir():
        raise UsageError(f"--out must name a file, not the folder {out}")
    paths = collect_paths(list(args.results))
    if not paths:
        raise UsageError(s.t("report.error.no_files"))
    try:
        results = [load_result(path) for path in paths]
    except ResultError as exc:
        raise UsageError(s.t(exc.key, **exc.params)) from None
    if len(results) == 1:
        from game.report.debrief import debrief_html

        _write(out, debrief_html(results[0], args.lang))
        print(out)
        return 0
    from game.report.classroom import class_report

    csv_path = out.with_suffix(".csv")
    html, csv_text = class_report(results, args.lang, csv_name=csv_path.name)
    _write(out, html)
    _write(csv_path, csv_text, encoding="utf-8-sig")  # the BOM lets spreadsheet programs see UTF-8 accents
    print(out)
    print(csv_path)
    return 0
