"""A large generated mod, for measuring how long loading and validating content takes.

The events are varied (dated, triggered, weighted; choices, follow-ups, flags, chip and stock
references) so that every check has work to do, and they are valid: the mod loads with no problem.

Example::

    >>> import tempfile, pathlib
    >>> folder = generated_mod(pathlib.Path(tempfile.mkdtemp()), 50)
    >>> from game.content.mods import load_content_with_mods
    >>> load_content_with_mods(folder.parent).mods[0].problems
    ()
"""

from __future__ import annotations

from pathlib import Path

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
