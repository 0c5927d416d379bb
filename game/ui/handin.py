"""Hand in at any time: "stop here and export" from the game menu, and an export when the window closes.

A lesson ends when the bell rings, not when the calendar does: a student's game as it stands is
exported like a finished one (the result document says it is unfinished, ``outcome_reason``
"stopped"), with its debrief next to it, in the results folder the teacher collects.

The window has two hooks into this module: the dashboard's menu button opens :class:`LeaveScene`
(instead of a yes/no question), and the window's close calls :func:`export_on_close`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.ui import persist
from game.ui.scenes.crash import BOX, ConfirmScene, MessageScene
from game.ui.scenes.folders import export_game_to, pick_export_folder


def hand_in(app: Any) -> tuple[Path, Path | None]:
    """Export the game in play as it stands: (result file, debrief or ``None`` if it could not be made).

    Raises ``persist.PersistError`` when the result cannot be written.
    """
    session = app.session
    path = persist.export_result(session, app.settings.language)
    try:
        debrief: Path | None = persist.export_debrief(session, path, app.settings.language)
    except persist.PersistError:
        debrief = None  # the result is what the teacher needs; the debrief can be made from it
    return path, debrief


def export_on_close(app: Any) -> None:
    """When the window closes during a game, export it as it stands (never stops the closing)."""
    session = getattr(app, "session", None)
    if session is None or session.state.over:
        return
    with contextlib.suppress(Exception):  # closing must always work; the autosave is there too
        hand_in(app)


class LeaveScene(ConfirmScene):
    """The game menu: keep playing, leave (the game stays saved), or stop here and export.

    Closes with ``False`` (keep playing) or ``True`` (leave for the menu); "stop here" hands the game in
    first, then leaves and says where the files went."""

    screen_id = "leave"

    def __init__(self, app: Any, on_close: Callable[[bool | None], None]):
        super().__init__(app, app.strings.t("ui.dash.leave_title"),
                         app.strings.t("ui.dash.leave_text") + "<br><br>" + app.strings.t("lesson.ui.stop_text"),
                         on_close)

    def build(self) -> None:
        self.label((BOX.x + 24, BOX.y + 20, BOX.w - 48, 36), self.title, "#heading")
        self.textbox((BOX.x + 24, BOX.y + 64, BOX.w - 48, 120), self.text)
        width = (BOX.w - 48 - 2 * 12) // 3
        x, upper, lower = BOX.x + 24, BOX.bottom - 116, BOX.bottom - 64
        self.button((x, lower, width, 44), self.t("ui.no"), lambda: self.close(False), self.t("ui.key_tip", k="Esc"))
        self.button((x + width + 12, lower, width, 44), self.t("lesson.ui.leave"), lambda: self.close(True))
        # The two ways to hand in, on the right: here (the results folder), or a folder the student
        # chooses (a USB stick). "Stop here" spans two columns: its French label needs the room.
        self.button((x + width + 12, upper, 2 * width + 12, 44), self.t("lesson.ui.stop"), self.stop,
                    self.t("lesson.ui.stop_tip"), "#primary")
        self.button((x + 2 * (width + 12), lower, width, 44), self.t("folders.export_to"), self.stop_to_folder,
                    self.t("folders.export_to_tip"))

    def stop(self) -> None:
        try:
            path, debrief = hand_in(self.app)
        except persist.PersistError as exc:
            text = self.t("ui.end.export_failed", reason=str(exc))
        else:
            text = self.t("lesson.ui.stopped", path=str(path)) + (
                "<br>" + self.t("lesson.ui.stopped_debrief", path=str(debrief)) if debrief else "")
        self.close(True)  # back to the menu; the game stays saved and can be continued
        self.app.push(MessageScene(self.app, self.t("lesson.ui.stop"), text))

    def stop_to_folder(self) -> None:
        """Stop here and export into a folder the student picks; then back to the menu, saying where."""
        pick_export_folder(self.app, self._handed_in_to)

    def _handed_in_to(self, folder: Path) -> None:
        text, _path, _debrief = export_game_to(self.app, folder, self.lang)
        self.close(True)
        self.app.push(MessageScene(self.app, self.t("lesson.ui.stop"), text))
