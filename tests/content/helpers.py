"""Build small mods in a temporary folder for the content tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.loader import ROOT

MANIFEST = """id: {id}
name: Test mod
version: "1.0"
author: Tests
description: {{en: A test mod, fr: Un mod de test}}
languages: [en, fr]
game_version: "0.1"
{extra}
"""


def event(ident: str, body: str = "") -> str:
    return (f"  - id: {ident}\n    kind: generic\n    weight: 10\n"
            f"    title: {{en: T, fr: T}}\n    text: {{en: X, fr: X}}\n{body}")


def make_mod(root: Path, ident: str, events: str | None = None, extra: str = "", deck: str = "chronology",
             files: dict[str, str] | None = None) -> Path:
    """A mod folder under ``root`` with a manifest, one event file and any other files."""
    folder = root / ident
    (folder / "events").mkdir(parents=True, exist_ok=True)
    (folder / "mod.yaml").write_text(MANIFEST.format(id=ident, extra=extra), encoding="utf-8")
    if events is not None:
        (folder / "events" / "deck.yaml").write_text(f"id: {deck}\nevents:\n{events}", encoding="utf-8")
    for name, text in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def copy_example(root: Path) -> Path:
    return Path(shutil.copytree(ROOT / "mods" / "example", root / "example"))
