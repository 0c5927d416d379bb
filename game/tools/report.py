"""``python main.py report RESULT.json... --out FILE.html [--lang fr]``: reports for teachers.

One result file makes a debrief of that game; several make a class report, with a CSV of all games
written next to the HTML (same name, ``.csv``). Folders stand for all the ``*.json`` files in them.
Save files are accepted too (a game handed in as it stood, reported as unfinished). A file that cannot
be read (not a result, damaged, from another version) is left out with a line saying which and why;
in a class report, games of another scenario than most are left out the same way.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from game.cli import UsageError
from game.i18n import LANGUAGES, strings
from game.tools.modopts import add_mod_arguments, content_from_args
from game.tools.output import write_document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("results", nargs="+", metavar="RESULT", type=Path,
                        help="result files (JSON, from the game's end screen or `run --json`), save files, "
                             "or folders of them")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.html", help="the HTML file to write")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the report (default: the games')")
    add_mod_arguments(parser)


def read_results(paths: list[Path], lang: str | None) -> tuple[list, list[str]]:
    """(the games that can be reported on together, one line per file left out and why).

    Example::

        >>> games, left_out = read_results([Path("a.json"), Path("broken.json")], "fr")   # doctest: +SKIP
        >>> left_out                                                                    # doctest: +SKIP
        ['laissé de côté : broken.json : fichier de résultat endommagé (JSON invalide, ligne 3)']
    """
    from game.report.loading import ResultError, load_result

    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load_result(path))
        except ResultError as exc:
            problems.append((exc.key, exc.params))
    s = strings(lang or (loaded[0].doc.lang if loaded and loaded[0].doc.lang in LANGUAGES else "en"))
    lines = [s.t("lesson.report.skipped", reason=s.t(key, **params)) for key, params in problems]
    if len(loaded) > 1:
        main = Counter(r.doc.scenario for r in loaded).most_common(1)[0][0]
        lines += [s.t("lesson.report.other_scenario", file=r.path.name, scenario=r.doc.scenario, main=main)
                  for r in loaded if r.doc.scenario != main]
        loaded = [r for r in loaded if r.doc.scenario == main]
    return loaded, lines


def _mods_notes(paths: list[Path], lang: str) -> list[str]:
    """One line per file made with mods that are not loaded now (or in another version)."""
    from game.report.catalog import Catalog
    from game.tools.modcheck import missing_mods_lines, mods_of_file

    content = Catalog.shipped(lang).content
    return [line for path in paths for line in missing_mods_lines(path.name, mods_of_file(path), content, lang)]


def run(args: argparse.Namespace) -> int:
    from game.report.catalog import use_content
    from game.report.loading import collect_paths

    s = strings(args.lang or "en")
    out: Path = args.out
    if out.is_dir():
        raise UsageError(s.t("lesson.out.is_folder", path=out))
    paths = collect_paths(list(args.results))
    if not paths:
        raise UsageError(s.t("report.error.no_files"))
    content = content_from_args(args)
    use_content(content)  # the result files of a mod's scenario name its events
    for line in _mods_notes(paths, args.lang or "en"):
        print(line, file=sys.stderr)
    if len(paths) == 1:  # one file: a debrief, or the reason it cannot be made
        from game.report.loading import ResultError, load_result

        try:
            load_result(paths[0])
        except ResultError as exc:
            raise UsageError(s.t(exc.key, **exc.params)) from None
    results, left_out = read_results(paths, args.lang)
    for line in left_out:
        print(line, file=sys.stderr)
    if not results:
        raise UsageError(s.t("lesson.report.none_left"))
    lang = args.lang or (results[0].doc.lang if results[0].doc.lang in LANGUAGES else "en")
    if len(paths) == 1:
        from game.report.debrief import debrief_html

        write_document(out, debrief_html(results[0], lang), lang)
        print(out)
        return 0
    from game.report.classroom import class_report

    csv_path = out.with_suffix(".csv")
    html, csv_text = class_report(results, lang, csv_name=csv_path.name, left_out=left_out)
    write_document(out, html, lang)
    # the BOM lets spreadsheet programs see UTF-8 accents
    write_document(csv_path, csv_text, lang, encoding="utf-8-sig")
    print(out)
    print(csv_path)
    return 0
