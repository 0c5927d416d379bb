"""``python main.py playtest``: the designer's balance report (see :mod:`game.sim.playtest`).

For each ``--scenario`` (repeatable; default: every shipped one) and each of its sides: the panel of
computer players' win rates, scores and bands, the share of score variance the policy explains (η²),
the search player's result and most frequent actions, a card audit, and the targets of issue 14, each
ok or MISSED. Exit code 1 when a target is missed. ``--json`` prints the documents; ``--out FILE.html``
writes the report with its charts (``--out`` with another extension writes the text or JSON).
Progress goes to stderr: a line per stage, and a bar on a terminal.

Example::

    python main.py playtest --scenario cn_lab --runs 300 --out playtest.html
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.cli import UsageError
from game.engine.game import MAX_SEED
from game.i18n import LANGUAGES, strings
from game.tools.modopts import add_mod_arguments, content_from_args, mod_choice

MAX_RUNS = 20_000
MAX_JOBS = 256


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_mod_arguments(parser)
    parser.add_argument("--scenario", action="append", metavar="ID",
                        help="scenario to playtest; repeat for several (default: every shipped scenario)")
    parser.add_argument("--runs", default="300", metavar="N", help="games per panel policy (default 300)")
    parser.add_argument("--search-runs", metavar="N",
                        help="games of the search player (default: a tenth of --runs, 5 at least; it thinks "
                             "a few seconds a game)")
    parser.add_argument("--audit-runs", metavar="N", help="games per card answer (default: a fifth of --runs, "
                                                          "20 at least)")
    parser.add_argument("--jobs", metavar="J", help="processes (default: every core); results do not depend on it")
    parser.add_argument("--seed", default="0", metavar="S", help="simulation seed (default 0), as for simulate")
    parser.add_argument("--turn-limit", metavar="N", help="facilitator option: end each game after N turns (a quick "
                                                         "look; the targets are meant for whole games)")
    parser.add_argument("--json", action="store_true", help="print the reports as one JSON document")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the text and HTML")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="write the report to FILE in UTF-8: HTML with charts for .html, else the text or JSON")


def whole(text: str | None, option: str, low: int, high: int, lang: str) -> int:
    """``text`` as a whole number in ``low..high``, or a one-line usage error naming ``option``."""
    try:
        value = int(text or "")
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise UsageError(strings(lang).t("playtest.error.runs", option=option, max=high))
    return value


def format_report(doc: dict[str, Any], lang: str) -> list[str]:
    """The playtest document as lines a person reads."""
    from game.report.playtest import format_value, percent

    s = strings(lang)
    lines = [s.t("playtest.header", scenario=doc["scenario"], runs=doc["runs"], search_runs=doc["search_runs"],
                 audit_runs=doc["audit_runs"], seed=doc["seed"])]
    for side, report in doc["sides"].items():
        lines += ["", s.t("playtest.side", side=s.t(f"side.{side}")),
                  s.t("playtest.policy_head", bands=" / ".join(report["bands"]))]
        for name, row in [*report["panel"].items(), ("search", report["search"])]:
            lines.append(s.t("playtest.policy_row", policy=name, rate=percent(row["win_rate"]),
                             mean=f"{row['score_mean']:.1f}", std=f"{row['score_std']:.1f}",
                             counts=" / ".join(str(n) for n in row["bands"].values())))
        lines.append(s.t("playtest.eta", eta=f"{report['eta_squared']:.2f}"))
        patterns = ", ".join(f"{p['action']} {p['per_game']}" for p in report["search"]["patterns"][:6])
        lines.append(s.t("playtest.search", mean=f"{report['search']['score_mean']:.1f}",
                         std=f"{report['search']['score_std']:.1f}",
                         rate=percent(report["search"]["win_rate"]), patterns=patterns))
        audit = report["audit"]
        flags = [s.t("playtest.audit_flag", event=row["event"], choice=o["choice"], gap=o["gap"])
                 for row in audit for o in row["options"] if o["choice"] in row["dominated"]]
        flags += [s.t("playtest.audit_trap", event=row["event"], choice=o["choice"], gap=o["gap"])
                  for row in audit for o in row["options"] if o["choice"] in row.get("traps", ())]
        never = sum(1 for row in audit if not row["options"])
        flagged = "; ".join(flags) or s.t("playtest.audit_none", points=5)
        if never:
            flagged += f" ({s.t('playtest.never', count=never)})"
        lines.append(s.t("playtest.audit", cards=len(audit), offered=len(audit) - never, runs=doc["audit_runs"],
                         flagged=flagged))
        lines.append(s.t("playtest.targets"))
        for t in report["targets"]:
            lines.append(s.t("playtest.target", mark="ok    " if t["ok"] else "MISSED",
                             what=s.t(f"playtest.what.{t['id']}"), value=format_value(t["value"]), bar=t["bar"]))
    return lines


def run(args: argparse.Namespace) -> int:
    from game.sim.playtest import PlaytestSpec, run_playtest
    from game.sim.runner import default_jobs
    from game.tools.run import load_game
    from game.tools.simulate import ProgressBar

    lang = args.lang
    s = strings(lang)
    runs = whole(args.runs, "--runs", 1, MAX_RUNS, lang)
    search_runs = (max(5, runs // 10) if args.search_runs is None
                   else whole(args.search_runs, "--search-runs", 1, MAX_RUNS, lang))
    audit_runs = (max(20, runs // 5) if args.audit_runs is None
                  else whole(args.audit_runs, "--audit-runs", 1, MAX_RUNS, lang))
    jobs = default_jobs() if args.jobs is None else whole(args.jobs, "--jobs", 1, MAX_JOBS, lang)
    seed = whole(args.seed, "--seed", 0, MAX_SEED, lang)
    options = {} if args.turn_limit is None else {"turn_limit": whole(args.turn_limit, "--turn-limit", 1, 200, lang)}
    content = content_from_args(args)
    scenarios = args.scenario or sorted(content.scenarios)
    bar = ProgressBar(lang)
    docs = []
    for scenario in scenarios:
        game = load_game(scenario, options, lang, content)

        def stage(side: str, name: str, games: int, scenario: str = scenario) -> None:
            print(s.t("playtest.stage", scenario=scenario, side=side, stage=s.t(f"playtest.stages.{name}"),
                      games=games), file=sys.stderr, flush=True)

        spec = PlaytestSpec(game.scenario.id, runs=runs, search_runs=search_runs, audit_runs=audit_runs, seed=seed,
                            options=options, mods=mod_choice(args))
        docs.append(run_playtest(game, spec, jobs=jobs, progress=bar, stage=stage))
    ok = all(doc["ok"] for doc in docs)
    targets = [t for doc in docs for side in doc["sides"].values() for t in side["targets"]]
    html = args.out is not None and args.out.suffix.lower() in (".html", ".htm")
    if html:
        from game.report.playtest import playtest_page

        text = playtest_page(docs, lang)
    elif args.json:
        text = json.dumps({"ok": ok, "playtests": docs}, ensure_ascii=False, indent=1) + "\n"
    else:
        blocks = ["\n".join(format_report(doc, lang)) for doc in docs]
        missed = sum(not t["ok"] for t in targets)
        text = "\n\n".join(blocks) + "\n\n" + s.t("playtest.summary", ok=len(targets) - missed, missed=missed) + "\n"
    if args.out:
        from game.tools.output import write_document

        print(write_document(args.out, text, lang))
    else:
        sys.stdout.write(text)
    return 0 if ok else 1
