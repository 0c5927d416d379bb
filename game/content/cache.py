"""A cache of checked content files: a large mod that did not change loads without being parsed again.

Reading YAML is the slow part of loading content (libyaml is fast, but PyYAML builds a Python object
for each of the 200,000 events of a 2,000-event mod). Each file read through
:func:`game.content.loader.read_checked` is therefore remembered, keyed by the SHA-256 of

* the file's bytes, its kind, the languages it must provide and the name it is reported under;
* the game version and a fingerprint of the content code (``game/content/*.py``), Python, pydantic
  and PyYAML versions: a change of rules or models is a new key, never a stale answer.

An entry holds the file's problems and, when the file is valid, its model as JSON. The model is
validated again by pydantic when read back (from JSON, which is fast), so an entry someone edited can
only ever yield what the schema accepts; nothing is unpickled. Unreadable, corrupt or stale entries
are ignored (the file is read again), writes are atomic (a temporary file renamed into place), and a
cache folder that cannot be written only costs the speed-up.

Where: ``CHIP_RACE_CACHE`` if set (``off`` or an empty value: no cache), else the user cache folder
(platformdirs) ``.../chip-race/content``. The files that are not in it are read over several processes
when there are many (``CHIP_RACE_JOBS``: :mod:`game.content.parallel`); each writes its own entries.

Example::

    >>> key = entry_key(b"id: x\\n", "a.yaml", "deck", ("en",))
    >>> key == entry_key(b"id: x\\n", "a.yaml", "deck", ("en",))
    True
    >>> key == entry_key(b"id: y\\n", "a.yaml", "deck", ("en",))  # other bytes, other key
    False
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game import __version__
from game.textfiles.problems import Problem

ENV = "CHIP_RACE_CACHE"
#: Bumped when the layout of an entry changes.
FORMAT = 1
#: Entries kept; beyond this the least recently written ones go (checked once per process).
MAX_ENTRIES = 400
_SUFFIX = ".json"


def cache_dir() -> Path | None:
    """The folder of the cache (created), or ``None`` when the cache is off or cannot be created."""
    override = os.environ.get(ENV)
    if override is not None and override.strip().lower() in ("", "off", "0", "no", "false"):
        return None
    if override:
        folder = Path(override)
    else:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir("chip-race", appauthor=False)) / "content"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


@cache
def code_fingerprint() -> str:
    """What the result of checking a file depends on besides the file: versions and content code."""
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    import pydantic
    import yaml

    digest.update(f"|{pydantic.VERSION}|{yaml.__version__}|{yaml.__with_libyaml__}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def entry_key(raw: bytes, name: str, kind: str, languages: tuple[str, ...]) -> str:
    """The key of a file's entry (hex SHA-256)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(f"|{kind}|{','.join(languages)}|{name}|".encode())
    digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


def _problem_row(p: Problem) -> list[Any]:
    return [p.file, p.line, p.col, p.severity, p.check, p.key, [list(kv) for kv in p.params], p.suggestion]


def _problem(row: list[Any]) -> Problem:
    file, line, col, severity, check, key, params, suggestion = row
    if severity not in ("error", "warning") or not all(isinstance(x, str) for x in (file, check, key)):
        raise ValueError("bad problem")
    return Problem(file, int(line), int(col), severity, check, key, tuple((str(k), str(v)) for k, v in params),
                   None if suggestion is None else str(suggestion))


class Hit:
    """What the cache remembered of a file: whether it parsed, its model (or None), its problems."""

    __slots__ = ("model", "parsed", "problems")

    def __init__(self, parsed: bool, model: BaseModel | None, problems: list[Problem]):
        self.parsed, self.model, self.problems = parsed, model, problems


def load(key: str, model_type: type[BaseModel]) -> Hit | None:
    """The entry ``key`` if it exists and is sound, else ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        blob = (folder / (key + _SUFFIX)).read_bytes()
    except OSError:
        return None
    try:
        head, _, body = blob.partition(b"\n")
        header = json.loads(head)
        if header.get("format") != FORMAT or header.get("key") != key:
            return None
        problems = [_problem(row) for row in header["problems"]]
        model = model_type.model_validate_json(body) if header["model"] else None
        return Hit(bool(header["parsed"]), model, problems)
    except (ValueError, TypeError, KeyError, AttributeError, ValidationError):  # corrupt: read the file again
        return None


def store(key: str, parsed: bool, model: BaseModel | None, problems: list[Problem]) -> None:
    """Remember a file's result; silently does nothing when the cache cannot be written."""
    folder = cache_dir()
    if folder is None:
        return
    header = {"format": FORMAT, "key": key, "parsed": parsed, "model": model is not None,
              "problems": [_problem_row(p) for p in problems]}
    # One line of header (json.dumps never writes a raw newline), then the model as pydantic's JSON.
    blob = json.dumps(header, ensure_ascii=False).encode() + b"\n"
    if model is not None:
        blob += model.model_dump_json(exclude_unset=True).encode()
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temp, folder / (key + _SUFFIX))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _prune_once(folder)


@cache
def _prune_once(folder: Path) -> None:
    """Keep the newest :data:`MAX_ENTRIES` entries (a modder's every edit makes a new one)."""
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.glob("*" + _SUFFIX)]
        entries.sort(reverse=True)
        for _mtime, path in entries[MAX_ENTRIES:]:
            path.unlink(missing_ok=True)
    except OSError:
        return
