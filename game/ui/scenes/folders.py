"""Choosing a folder without a terminal: pygame_gui's file dialog in folder mode, with shortcuts to the
places a class uses (Documents, the results folder, USB sticks) and a "Use this folder" button.

The end screen's "Export to a folder…" is here too, so that the end screen only needs one button.

Example::

    app.push(FolderPickScene(app, "folders.title_report", on_pick=lambda folder: print(folder)))
"""

from __future__ import annotations

import contextlib
import os
import string
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
import pygame
import pygame_gui
from pygame_gui.windows import UIFileDialog

from game.resultfiles import FolderError, export_result
from game.results import build_result
from game.ui.persist import results_dir
from game.ui.scene import Scene

#: Where the dialog sits; the shortcuts go in the column to its left.
DIALOG = pygame.Rect(320, 40, 900, 560)
MAX_VOLUMES = 6
#: pygame_gui draws file rows dark on dark by default: light rows like the rest of the game.
FILE_ROWS = {"file_dialog.#file_display_list.#file_list_item": {"colours": {"normal_bg": "#FFFFFF",
                                                                            "normal_text": "#111111"}}}


def removable_volumes() -> list[Path]:
    """Mounted drives a USB stick shows up as: drive letters on Windows (but C:), ``/Volumes`` on macOS,
    ``/media/<user>`` and ``/run/media/<user>`` on Linux. Only those that exist now."""
    if sys.platform == "win32":
        found = [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]
    else:
        user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
        parents = [Path("/Volumes")] if sys.platform == "darwin" else [Path("/media") / user, Path("/run/media") / user]
        found = []
        for parent in parents:
            with contextlib.suppress(OSError):
                found += sorted(p for p in parent.iterdir() if p.is_dir() and p.name != "Macintosh HD")
    volumes = []
    for path in found:
        with contextlib.suppress(OSError):
            if path.is_dir():
                volumes.append(path)
    return volumes[:MAX_VOLUMES]


def places() -> list[tuple[str, Path]]:
    """(string key or volume name, folder) for the shortcut buttons: home, Documents, results, sticks."""
    home = Path.home()
    out: list[tuple[str, Path]] = [("folders.home", home)]
    documents = Path(platformdirs.user_documents_dir())
    if documents != home:
        out.append(("folders.documents", documents))
    out.append(("folders.results", results_dir()))
    out += [(f"={p.name or str(p)}", p) for p in removable_volumes()]
    return out


class FolderPickScene(Scene):
    """Choose a folder; ``on_pick(folder)`` runs after this scene has closed (the scene below is back)."""

    screen_id = "folder_picker"
    overlay = True

    def __init__(self, app: Any, title_key: str, on_pick: Callable[[Path], None], start: Path | None = None):
        super().__init__(app)
        self.title_key = title_key
        self.on_pick = on_pick
        self.start = start if start is not None and start.is_dir() else Path.home()
        self.dialog: UIFileDialog | None = None
        self.closed = False

    def build(self) -> None:
        self.app.manager.get_theme().load_theme(FILE_ROWS)
        # Only result files (.json) are listed among the folders: the teacher sees what will be read.
        self.dialog = self.add(UIFileDialog(DIALOG, self.app.manager, window_title=self.t(self.title_key),
                                            initial_file_path=str(self.start), allow_picking_directories=True,
                                            allow_existing_files_only=True, allowed_suffixes={".json"}))
        # A folder picker that can delete files is a trap in a classroom: no delete button.
        with contextlib.suppress(AttributeError):
            self.dialog.delete_button.hide()
        self.label((20, 100, 280, 30), self.t("folders.places"), "#heading")
        y = 136
        for key, folder in places():
            text = key[1:] if key.startswith("=") else self.t(key)
            self.button((20, y, 280, 40), self.fit(text, 260), lambda f=folder: self.go(f), str(folder))
            y += 46
        self.button((DIALOG.x, DIALOG.bottom + 16, 300, 48), self.t("folders.use_this"), self.use_current,
                    self.t("folders.use_this_tip"), "#primary")
        self.button((DIALOG.right - 200, DIALOG.bottom + 16, 200, 48), self.t("ui.cancel"), self.back,
                    self.t("ui.key_tip", k="Esc"))

    def go(self, folder: Path) -> None:
        """Show ``folder`` in the dialog (made again there: the dialog has no public way to move)."""
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)  # the results folder may not exist yet
        self.start = folder
        self.app.rebuild()

    def current(self) -> Path:
        """The folder selected in the list, else the folder the list shows."""
        dialog = self.dialog
        if dialog is None:
            return self.start
        chosen = getattr(dialog, "current_file_path", None)
        if chosen is not None and Path(chosen).is_dir():
            return Path(chosen)
        return Path(getattr(dialog, "current_directory_path", self.start))

    def use_current(self) -> None:
        self.pick(self.current())

    def pick(self, folder: Path) -> None:
        """Close the picker, then hand ``folder`` to the caller."""
        if self.closed:
            return
        self.closed = True
        self.app.pop()
        self.on_pick(Path(folder))

    def back(self) -> None:
        if not self.closed:
            self.closed = True
            self.app.pop()

    def handle_event(self, event: pygame.event.Event) -> bool:
        dialog = self.dialog
        if dialog is not None and getattr(event, "ui_element", None) is dialog:
            if event.type == pygame_gui.UI_FILE_DIALOG_PATH_PICKED:
                self.pick(Path(event.text))
                return True
            if event.type == pygame_gui.UI_WINDOW_CLOSE:  # the dialog's own Cancel or close button
                self.back()
                return True
        return super().handle_event(event)


def export_game_to(app: Any, folder: Path, lang: str) -> tuple[str, Path | None, Path | None]:
    """Write the game in play (finished or not) and its debrief into ``folder``, atomically: the sentence
    saying what happened, in the player's language, the result's path and the debrief's (``None`` for
    what was not written)."""
    session = app.session
    result = build_result(session.game, session.state, session.actions, session.policies, lang,
                          nickname=session.nickname or None)
    text = app.strings.t
    try:
        path, debrief = export_result(result, folder, lang)
    except FolderError as exc:
        return text("ui.end.export_failed", reason=exc.message(lang)), None, None
    if debrief:
        return text("ui.end.exported_both", path=str(path), debrief=str(debrief)), path, debrief
    return text("ui.end.exported", path=str(path)), path, None


def pick_export_folder(app: Any, on_pick: Callable[[Path], None]) -> None:
    """The folder picker for an export, opened on a plugged-in USB stick when there is one."""
    volumes = removable_volumes()
    app.push(FolderPickScene(app, "folders.title_export", on_pick, volumes[0] if volumes else results_dir()))


def export_to_folder(scene: Any) -> None:
    """The end screen's "Export to a folder…": choose a folder, write the result and debrief there
    (atomically), and say on the end screen what happened, in the player's language."""
    app = scene.app

    def write(folder: Path) -> None:
        scene.exported, path, debrief = export_game_to(app, folder, scene.lang)
        if path is not None:
            scene.debrief = debrief
        app.rebuild()

    pick_export_folder(app, write)
