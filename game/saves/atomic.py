"""Atomic file writes: a kill at any moment leaves either the old file or the new one, never a mix.

The bytes go to a temporary file in the same folder (same file system, so the rename is atomic), are
flushed and fsynced, the temporary file replaces the target with ``os.replace``, and the folder is
fsynced so that the rename itself survives a power cut. One writer per target file is assumed.

Example::

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "slot.json"
    >>> atomic_write(target, b"{}")
    >>> target.read_bytes()
    b'{}'
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

#: Temporary files are named ``.<target name>.<random>.tmp``: hidden, and never listed as saves.
TMP_SUFFIX = ".tmp"


def is_temporary(path: Path) -> bool:
    """True for the leftover of an interrupted write (listings skip them)."""
    return path.name.startswith(".") and path.name.endswith(TMP_SUFFIX)


def _fsync_folder(folder: Path) -> None:
    # Windows cannot open a folder; there the rename is made durable by NTFS itself.
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:
        return
    fd = os.open(folder, os.O_RDONLY | flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftovers(target: Path) -> None:
    """Delete temporary files that an interrupted write of ``target`` left behind."""
    for leftover in target.parent.glob(f".{target.name}.*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def atomic_write(target: Path | str, data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically (creating its folder); ``OSError`` on failure."""
    target = Path(target)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    try:  # mkstemp makes the file private (0600): keep the old file's mode, or an ordinary one
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=folder)
    try:
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)
