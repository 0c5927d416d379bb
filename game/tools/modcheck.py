"""What a result file or a save says about its mods, against the mods loaded now.

Result documents record ``mods`` (id, version, digest of each mod loaded, in load order); saves record
the same under ``meta.mods``. ``replay``, ``report`` and ``run --load`` name the ones missing now, so
a teacher knows which mod to add with ``--mod PATH``.

Example::

    >>> from game.content.loader import load_content
    >>> missing_mods_lines("game.json", [{"id": "example", "version": "1.0", "digest": "ab"}], load_content())
    ['game.json: made with mods that are not loaded now: example 1.0; add them with --mod PATH']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.content.models import Content
from game.i18n import strings


def recorded_mods(document: Any) -> list[dict[str, str]]:
    """The mods a result document (``mods``) or a save (``meta.mods``) records; [] when none or unreadable."""
    if not isinstance(document, dict):
        return []
    mods = document.get("mods")
    if mods is None and isinstance(document.get("meta"), dict):
        mods = document["meta"].get("mods")
    return [m for m in mods or [] if isinstance(m, dict) and isinstance(m.get("id"), str)]


def mods_of_file(path: str | Path) -> list[dict[str, str]]:
    """The mods recorded in a JSON file (a save or a result); [] when it cannot be read."""
    try:
        return recorded_mods(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return []


def active_mods(content: Content) -> list[dict[str, str]]:
    """What a document records of ``content``'s loaded mods, in load order."""
    return [info.record() for info in content.mods if info.enabled]


def missing_mods_lines(name: str, recorded: list[dict[str, str]], content: Content | None,
                       lang: str = "en") -> list[str]:
    """One line naming the recorded mods not loaded now, one naming those loaded in another version."""
    loaded = {m["id"]: m for m in active_mods(content)} if content is not None else {}
    missing = [m for m in recorded if m["id"] not in loaded]
    changed = [m for m in recorded if m["id"] in loaded and m.get("digest") != loaded[m["id"]].get("digest")]
    s = strings(lang)
    lines = []
    if missing:
        lines.append(s.t("mods.cli.missing_mods", file=name, mods=", ".join(_name(m) for m in missing)))
    if changed:
        lines.append(s.t("mods.cli.changed_mods", file=name, mods=", ".join(
            f"{_name(m)} → {loaded[m['id']].get('version', '')}" for m in changed)))
    return lines


def _name(mod: dict[str, str]) -> str:
    return f"{mod['id']} {mod.get('version', '')}".strip()
