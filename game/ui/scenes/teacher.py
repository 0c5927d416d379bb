"""The Teacher screen: a class code made from the options and shown large for the projector, the class
report built from a chosen folder of result files (opened in the browser), results collected from a
USB stick with one button, and where the game keeps its files. No terminal anywhere.

It is a main-menu entry (``MENU_EXTRAS`` in ``game/ui/scenes/__init__.py``).

Example::

    app.push(TeacherScene(app))
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextEntryLine

from game.classcode import MAX_SEED, ClassCodeError, make_class_code
from game.lessons import length_choices
from game.resultfiles import FolderError, collect, write_class_report
from game.ui import theme
from game.ui.persist import open_in_browser, results_dir
from game.ui.scene import Scene, panel
from game.ui.scenes.firststart import WhereScene
from game.ui.scenes.folders import FolderPickScene, removable_volumes

HISTORY = (None, True, False)
DIFFICULTIES = ("normal", "easy", "hard")
#: Where collected results go, inside the results folder: the class report's folder picker starts there.
CLASS_FOLDER = "class"
LEFT, RIGHT = pygame.Rect(20, 70, 610, 565), pygame.Rect(650, 70, 610, 565)
CODE_BOX = pygame.Rect(40, 426, 570, 124)


def class_folder() -> Path:
    """``<results folder>/class``: where "Collect from a USB stick" copies result files."""
    return results_dir() / CLASS_FOLDER


def code_font_size(text: str, width: int, start: int, bold: bool = True) -> int:
    """The largest font size from ``start`` down at which ``text`` fits ``width`` pixels."""
    size = start
    while size > 12 and theme.font(size, bold=bold).size(text)[0] > width:
        size -= 4
    return size


class TeacherScene(Scene):
    screen_id = "teacher"

    def __init__(self, app: Any):
        super().__init__(app)
        scenarios = sorted(app.content.scenarios)
        self.scenario = "cn_lab" if "cn_lab" in scenarios else scenarios[0]
        self.length: int | None = None
        self.history: bool | None = None
        self.difficulty = "normal"
        self.seed_text = str(1000 + app.settings.games_started)
        self.status = ""
        self.report: Path | None = None

    # --- the class code ------------------------------------------------------------------------
    def options(self) -> dict[str, Any]:
        """The facilitator's options as the new-game screen and the engine take them."""
        options: dict[str, Any] = {}
        if self.length:
            options["lesson_turns"] = self.length  # a lesson of the calendar's last turns (keeps the shock)
        if self.history is not None:
            options["history"] = self.history
        if self.difficulty != "normal":
            options["difficulty"] = self.difficulty
        return options

    def code(self) -> str | None:
        """The class code of the options, or ``None`` while the game number is not a number."""
        text = self.seed_text.strip()
        if not text.isdigit() or int(text) > MAX_SEED:
            return None
        try:
            return make_class_code(self.scenario, int(text), self.options())
        except ClassCodeError:
            return None

    def _cycle(self, name: str, values: tuple[Any, ...]) -> None:
        current = getattr(self, name)
        setattr(self, name, values[(values.index(current) + 1) % len(values)])
        self.app.rebuild()

    def _next_scenario(self) -> None:
        ids = sorted(self.app.content.scenarios)
        self.scenario = ids[(ids.index(self.scenario) + 1) % len(ids)]
        self.length = None  # each scenario has its own lesson lengths
        self.app.rebuild()

    def another_number(self) -> None:
        # The number is the teacher's input, not part of a game: any fresh one will do.
        self.seed_text = str(1000 + secrets.randbelow(9000))
        self.app.rebuild()

    def show_large(self) -> None:
        code = self.code()
        if code is not None:
            self.app.push(ProjectorScene(self.app, code))

    # --- widgets -------------------------------------------------------------------------------
    def _row(self, y: int, title: str, text: str, action: Any) -> None:
        self.label((40, y, 190, 40), self.t(title))
        self.button((240, y, 370, 40), self.fit(text, 320, bold=True) + "  ▸", action, text, "#choice")

    def build(self) -> None:
        s = self.app.strings
        self.label((20, 14, 1240, 44), self.t("teacher.title"), "#title")
        self.label((40, 80, 570, 30), self.t("teacher.code_heading"), "#heading")
        # large text needs taller boxes: everything below moves down by ``more``
        more = 0 if self.scale == 1.0 else 12
        self.textbox((40, 112, 570, 62 + more), self.t("teacher.code_text"), "#small")
        sc = self.app.content.scenarios[self.scenario]
        self._row(184 + more, "teacher.scenario", s.pick(sc.title), self._next_scenario)
        lengths = dict(length_choices(sc, self.lang))
        self._row(230 + more, "teacher.length", lengths.get(self.length, lengths[None]),
                  lambda: self._cycle("length", tuple(lengths)))
        history = {None: self.t("teacher.history_default"), True: self.t("ui.new.history_on"),
                   False: self.t("ui.new.history_off")}[self.history]
        self._row(276 + more, "teacher.history", history, lambda: self._cycle("history", HISTORY))
        self._row(322 + more, "teacher.difficulty", self.t(f"ui.new.difficulty_{self.difficulty}"),
                  lambda: self._cycle("difficulty", DIFFICULTIES))
        self.label((40, 368 + more, 190, 40), self.t("teacher.seed"))
        self.seed_entry = self.add(UITextEntryLine(pygame.Rect(240, 370 + more, 170, 36), self.app.manager), focus=True)
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text_length_limit(len(str(MAX_SEED)))
        self.seed_entry.set_text(self.seed_text)
        self.button((420, 368 + more, 190, 40), self.fit(self.t("teacher.another"), 175), self.another_number)
        large = self.button((40, 566, 300, 50), self.t("teacher.show_large"), self.show_large,
                            self.t("teacher.show_large_tip"), "#primary", enabled=self.code() is not None)

        # The explanations name folders, whose length is the user's: their boxes grow to fit (height -1).
        x = RIGHT.x + 20
        self.label((x, 80, 570, 30), self.t("teacher.report_heading"), "#heading")
        box = self.textbox((x, 112, 570, -1), self.t("teacher.report_text", folder=str(results_dir())), "#small")
        y = box.rect.bottom + 6
        self.button((x, y, 340, 44), self.fit(self.t("teacher.choose_report"), 320, "big", bold=True),
                    self.choose_report, self.t("teacher.choose_report"), "#primary")
        self.button((x + 350, y, 220, 44), self.t("teacher.open_report"), self.open_report,
                    str(self.report) if self.report else None, enabled=self.report is not None)
        y += 62
        self.label((x, y, 570, 30), self.t("teacher.collect_heading"), "#heading")
        box = self.textbox((x, y + 32, 570, -1), self.t("teacher.collect_text", folder=str(class_folder())),
                           "#small")
        y = box.rect.bottom + 6
        self.button((x, y, 340, 44), self.fit(self.t("teacher.collect"), 320), self.choose_stick,
                    self.t("teacher.collect"))
        y += 58
        self.status_box = self.textbox((x, y, 570, max(60, RIGHT.bottom - 14 - y)), self.status,
                                       ObjectID(class_id="@wrapped", object_id="#reason"))

        self.button((20, 654, 200, 48), self.t("ui.back"), self.back, self.t("ui.key_tip", k="Esc"))
        self.button((240, 654, 300, 48), self.t("teacher.where"), self.show_where)
        self.focus.focus(large)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.seed_entry:
            self.seed_text = self.seed_entry.get_text()
            self.app.touch()  # the code is drawn, not a widget: the next frame shows the new one
            return True
        return super().handle_event(event)

    # --- report and collection -----------------------------------------------------------------
    def choose_report(self) -> None:
        start = class_folder() if class_folder().is_dir() else results_dir()
        self.app.push(FolderPickScene(self.app, "folders.title_report", self.make_report, start))

    def make_report(self, folder: Path) -> None:
        """Build the class report from ``folder`` into the results folder; say what happened."""
        try:
            path, found = write_class_report(folder, results_dir(), self.lang)
        except FolderError as exc:
            self.status = exc.message(self.lang)
        else:
            self.report = path
            lines = [self.t("teacher.report_done", games=len(found.results), path=str(path))]
            if found.rejected:
                lines.append(self.t("teacher.report_skipped", names=", ".join(name for name, _ in found.rejected)))
            self.status = "<br>".join(lines)
        self.app.rebuild()

    def open_report(self) -> None:
        if self.report is None:
            return
        if not open_in_browser(self.report):
            self.status = self.t("teacher.no_browser", path=str(self.report))
            self.app.rebuild()

    def choose_stick(self) -> None:
        volumes = removable_volumes()
        self.app.push(FolderPickScene(self.app, "folders.title_collect", self.collect_from,
                                      volumes[0] if volumes else results_dir()))

    def collect_from(self, folder: Path) -> None:
        """Copy the result files of ``folder`` into the class folder; say how many."""
        try:
            done = collect(folder, class_folder())
        except FolderError as exc:
            self.status = exc.message(self.lang)
        else:
            lines = [self.t("teacher.collected", copied=len(done.copied), already=len(done.already),
                            folder=str(class_folder()))]
            if done.rejected:
                lines.append(self.t("teacher.report_skipped", names=", ".join(done.rejected)))
            self.status = "<br>".join(lines)
        self.app.rebuild()

    def show_where(self) -> None:
        self.app.push(WhereScene(self.app))

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        panel(surface, LEFT)
        panel(surface, RIGHT)
        code = self.code()
        pygame.draw.rect(surface, theme.BG, CODE_BOX, border_radius=8)
        text = code if code is not None else self.t("teacher.bad_seed")
        size = code_font_size(text, CODE_BOX.w - 30, 64 if code else 18, bold=code is not None)
        picture = theme.font(size, bold=code is not None).render(text, True, theme.INK if code else theme.MUTED)
        surface.blit(picture, picture.get_rect(center=CODE_BOX.center))


class ProjectorScene(Scene):
    """The class code alone, as large as the screen allows, for the projector. Esc goes back."""

    screen_id = "projector"

    def __init__(self, app: Any, code: str):
        super().__init__(app)
        self.code = code

    def build(self) -> None:
        self.button((1060, 654, 200, 48), self.t("ui.back"), self.back, self.t("ui.key_tip", k="Esc"))

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.PANEL)
        size = code_font_size(self.code, theme.SIZE[0] - 80, 200)
        picture = theme.font(size, bold=True).render(self.code, True, theme.INK)
        surface.blit(picture, picture.get_rect(center=(theme.SIZE[0] // 2, theme.SIZE[1] // 2 - 30)))
        hint = theme.font(28).render(self.t("teacher.large_hint"), True, theme.MUTED)
        surface.blit(hint, hint.get_rect(center=(theme.SIZE[0] // 2, theme.SIZE[1] // 2 + size // 2 + 40)))
