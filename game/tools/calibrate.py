"""``python main.py calibrate``: the history path against the record's figures, each ok or MISSED.

Plays the ``history`` policy over ``--runs`` seeds (and the counterfactuals some targets need, on the
same seeds) and prints one row per target: the game's value (median and 10–90% range, or a share of
games), the band, the real figure with its source, and ok / MISSED. Exit code 1 when a target is
missed, so a rule change that breaks the calibration is seen at once.

Example::

    python main.py calibrate --scenario cn_lab --runs 200
    python main.py calibrate --runs 50 --json --out calibration.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.cli import UsageError
from game.sim.calibration import TARGETS, Report, calibrate
from game.tools.modopts import add_mod_arguments, content_from_args

MAX_RUNS = 5_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", action="append", metavar="ID",
                        help=f"scenario to calibrate ({', '.join(TARGETS)}); repeat for several (default: all)")
    parser.add_argument("--runs", default="200", metavar="N", help="seeded games per batch (default 200)")
    parser.add_argument("--json", action="store_true", help="print the reports as one JSON document")
    parser.add_argument("--out", metavar="FILE", help="write the output to FILE (UTF-8) instead of the console")
    add_mod_arguments(parser)


def _runs(text: str) -> int:
    try:
        runs = int(text)
    except ValueError:
        runs = 0
    if not 1 <= runs <= MAX_RUNS:
        raise UsageError(f"--runs takes a whole number from 1 to {MAX_RUNS}, not '{text}'")
    return runs


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


def _band(band: tuple[float | None, float | None]) -> str:
    low, high = band
    if low is None:
        return f"≤ {_number(high)}"
    if high is None:
        return f"≥ {_number(low)}"
    return f"{_number(low)} to {_number(high)}"


def format_report(report: Report) -> str:
    """The report as a table a person reads: one block per target."""
    lines = [f"calibrate {report.scenario} ({report.side} lab, history policy, {report.runs} games)", ""]
    for row in report.rows:
        t, m = row.target, row.measured
        spread = f" (10–90%: {_number(m.low)} to {_number(m.high)})" if m.low is not None else ""
        lines.append(f"{'ok    ' if row.ok else 'MISSED'} {t.what}")
        lines.append(f"       game: {_number(m.value)} {t.unit}{spread}; band: {_band(t.band)} {t.unit}")
        if m.note:
            lines.append(f"       {m.note}")
        lines.append(f"       record: {t.real} — {t.source}")
    missed = sum(not row.ok for row in report.rows)
    lines += ["", f"{len(report.rows) - missed} ok, {missed} missed"]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    scenarios = args.scenario or list(TARGETS)
    unknown = [s for s in scenarios if s not in TARGETS]
    if unknown:
        raise UsageError(f"no calibration targets for {', '.join(unknown)} (known: {', '.join(TARGETS)})")
    runs = _runs(args.runs)

    def progress(batch: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r  {batch}: {done}/{total} games", end="" if done < total else "\n", file=sys.stderr)

    content = content_from_args(args)  # a mod that changes a shipped scenario is measured against the record
    reports = [calibrate(scenario, runs, content=content, progress=progress) for scenario in scenarios]
    if args.json:
        text = json.dumps({"ok": all(r.ok for r in reports), "reports": [r.as_json() for r in reports]},
                          ensure_ascii=False, indent=2)
    else:
        text = "\n\n".join(format_report(r) for r in reports)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text + "\n")
    return 0 if all(r.ok for r in reports) else 1
