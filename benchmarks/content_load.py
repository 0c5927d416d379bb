"""A large generated mod, for measuring how long loading and validating content takes.

The events are varied (dated, triggered, weighted; choices, follow-ups, flags, chip and stock
references) so that every check has work to do, and they are valid: the mod loads with no problem.

``python -m benchmarks.content_load [--events 2000] [--runs 5]`` measures loading the shipped content
plus such a mod, each run in a fresh interpreter (imports not counted, nothing read before: the cold
path), and prints the medians of wall and CPU seconds, the CPU time split by stage.

Example::

    >>> import tempfile, pathlib
    >>> folder = generated_mod(pathlib.Path(tempfile.mkdtemp()), 50)
    >>> from game.content.mods import load_content_with_mods
    >>> load_content_with_mods(folder.parent).mods[0].problems
    ()
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: Events per file (files stay far below the reader's size limit).
PER_FILE = 100

_MANIFEST = """# yaml-language-server: $schema=../../schemas/mod.schema.json
id: {id}
name: Generated mod
version: "1.0"
author: benchmark
description: {{en: "{n} generated events", fr: "{n} événements générés"}}
languages: [en, fr]
game_version: "0.1"
"""

_EVENT = """  - id: gen_{i:05d}
    kind: generic
    {when}
    side: {side}
    title: {{en: "Generated event {i}", fr: "Événement généré {i}"}}
    text:
      en: "Something happens to the {chip} market, number {i}."
      fr: "Il se passe quelque chose sur le marché des {chip}, numéro {i}."
    effects:
      - stocks: {{{stock}: {pct}}}
      - set_flag: gen_flag_{flag}
    choices:
      - id: accept
        label: {{en: Accept, fr: Accepter}}
        hint: {{en: "Costs money", fr: "Coûte de l'argent"}}
        historical: true
        effects:
          - cash: -{cost}
          - grant_chips: {{chip: {chip}, count: 10}}
      - id: refuse
        label: {{en: Refuse, fr: Refuser}}
        effects:
          - reputation: 1
          - follow_up: {{event: gen_{next:05d}, after_turns: 1}}
"""

_CHIPS = ("a100", "h100", "v100", "h800")
_STOCKS = ("nvda", "msft", "googl", "tsm")
_SIDES = ("any", "us", "cn")


def _when(i: int) -> str:
    if i % 3 == 0:
        return f"date: {2021 + i % 4}-{1 + i % 12:02d}"
    if i % 3 == 1:
        return f"trigger: {{all: [{{date_from: 2022-01}}, {{flag: gen_flag_{(i + 7) % 50}}}]}}"
    return f"weight: {1 + i % 50}"


def generated_mod(tmp_dir: Path, n_events: int = 2000, mod_id: str = "generated") -> Path:
    """Write a valid mod of ``n_events`` events under ``tmp_dir/<mod_id>``; return its folder."""
    folder = Path(tmp_dir) / mod_id
    (folder / "events").mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(_MANIFEST.format(id=mod_id, n=n_events), encoding="utf-8")
    for start in range(0, n_events, PER_FILE):
        lines = ["# yaml-language-server: $schema=../../../schemas/deck.schema.json\n",
                 f"id: generated_{start // PER_FILE:03d}\nevents:\n"]
        for i in range(start, min(start + PER_FILE, n_events)):
            lines.append(_EVENT.format(
                i=i, when=_when(i), side=_SIDES[i % 3], chip=_CHIPS[i % 4], stock=_STOCKS[i % 4],
                pct=i % 7 - 3 or 1, flag=i % 50, cost=1_000_000 + i, next=(i + 1) % n_events))
        (folder / "events" / f"part_{start // PER_FILE:03d}.yaml").write_text("".join(lines), encoding="utf-8")
    return folder


def timed_load(mods_dir: Path, split: bool = False) -> dict[str, Any]:
    """Load the shipped content and the mods of ``mods_dir`` once: wall and CPU seconds, problems.

    With ``split`` the CPU seconds are also given by stage (YAML reading, schema, cross-references),
    by wrapping the loader's functions for this process.
    """
    from game.content import loader, mods
    from game.textfiles import safeyaml

    stages: dict[str, float] = {}
    if split:
        def wrap(module: Any, name: str, stage: str) -> None:
            inner = getattr(module, name)

            def timed(*args: Any, **kwargs: Any) -> Any:
                start = time.process_time()
                try:
                    return inner(*args, **kwargs)
                finally:
                    stages[stage] = stages.get(stage, 0.0) + time.process_time() - start
            setattr(module, name, timed)

        for module, name, stage in [(safeyaml, "parse_text", "parse"), (loader, "check_file", "schema"),
                                    (loader, "cross_check", "xref"), (mods, "cross_check", "xref")]:
            wrap(module, name, stage)
    cpu, wall = time.process_time(), time.perf_counter()
    content = mods.load_content_with_mods(Path(mods_dir))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    problems = sum(len(m.problems) for m in content.mods)
    return {"wall": wall, "cpu": cpu, "problems": problems, "stages": stages}


def fresh_load(mods_dir: Path, split: bool = False) -> dict[str, Any]:
    """:func:`timed_load` in a fresh interpreter: the real cold path, nothing parsed or validated before."""
    root = Path(__file__).resolve().parents[1]
    code = (f"import json; from benchmarks.content_load import timed_load; "
            f"print(json.dumps(timed_load({str(mods_dir)!r}, {split})))")
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                          timeout=300, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(events: int = 2000, runs: int = 5) -> dict[str, Any]:
    """Medians over ``runs`` fresh interpreters."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = generated_mod(Path(tmp) / "mods", events)
        rows = [fresh_load(folder.parent, True) for _run in range(runs)]
    return {"wall": statistics.median(r["wall"] for r in rows), "cpu": statistics.median(r["cpu"] for r in rows),
            "wall_runs": [round(r["wall"], 3) for r in rows], "cpu_runs": [round(r["cpu"], 3) for r in rows],
            "problems": max(r["problems"] for r in rows),
            "stages": {name: statistics.median(r["stages"].get(name, 0.0) for r in rows) for name in rows[0]["stages"]}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time loading the shipped content plus a generated mod.")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    row = measure(args.events, args.runs)
    stages = ", ".join(f"{k} {v:.3f}" for k, v in row["stages"].items())
    print(f"shipped content + a {args.events}-event mod, median of {args.runs} fresh processes (seconds):")
    print(f"  cold  wall {row['wall']:.3f}  cpu {row['cpu']:.3f}")
    print(f"        wall runs {row['wall_runs']}  cpu runs {row['cpu_runs']}")
    print(f"        cpu by stage: {stages}" + (f"  {row['problems']} problem(s)!" if row["problems"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
