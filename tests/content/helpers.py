"""Build small mods in a temporary folder for the content tests; make workers read files."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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


def workers_first(fn: Callable[[Any], Any], flag: Path, parent: int) -> Callable[[Any], Any]:
    """``fn``, except that the process ``parent`` waits until a forked worker has started an item before
    doing any: the workers of :func:`game.content.parallel.ordered_map` surely take part, however slowly
    they start on a busy machine (no test depends on timing)."""
    def run(item: Any) -> Any:
        if os.getpid() != parent:
            flag.touch()
        else:
            deadline = time.monotonic() + 60
            while not flag.exists() and time.monotonic() < deadline:
                time.sleep(0.005)
            flag.touch()  # waited once: no worker came (the test then says so), never wait again
        return fn(item)
    return run


def read_in_workers(monkeypatch: pytest.MonkeyPatch, flag: Path) -> None:
    """From now on, files are read by forked workers as well as here, however few they are."""
    from game.content import loader, parallel

    monkeypatch.setenv(parallel.ENV, "2")
    monkeypatch.setattr(parallel, "MIN_WORK", 0)
    monkeypatch.setattr(loader, "_read_light", workers_first(loader._read_light, flag, os.getpid()))
