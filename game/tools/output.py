"""Writing the documents commands make (``--out FILE``): UTF-8 whatever the console's encoding.

A school's Windows machine writes redirected output (``> file``) in its code page, or in UTF-16 from
PowerShell; ``--out`` sidesteps both, and a file that cannot be written is a one-line error in the
user's language.

Example::

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "fiche.txt"
    >>> write_document(path, "Léa", "fr") == path and path.read_text(encoding="utf-8")
    'Léa'
"""

from __future__ import annotations

from pathlib import Path

from game.cli import UsageError
from game.i18n import strings


def write_document(path: Path, text: str, lang: str = "en", encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` (its folder made if needed); :class:`UsageError` if it cannot be written."""
    s = strings(lang)
    if path.is_dir():
        raise UsageError(s.t("lesson.out.is_folder", path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(text, encoding=encoding, newline="")
        tmp.replace(path)  # never a half-written file under the final name
    except OSError as exc:
        raise UsageError(s.t("lesson.out.cannot_write", path=path, reason=exc.strerror or exc)) from None
    return path
