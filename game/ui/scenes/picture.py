"""The base of the picture scenes (chip map, race chart, front page, market moment): a picture drawn
once into a surface (an idle frame is one blit), text that always fits (what had to be shortened is
kept in ``cut``, for the tests), numbers on hover, and a short transition when the scene opens.

Example (a picture with one line of text, sliding in)::

    class Hello(PictureScene):
        screen_id = "hello"
        def paint_moving(self, surf, progress):
            self.text(surf, "Hello", (20 + 40 * (1 - progress), 80), 16, width=200)
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui import motion, theme
from game.ui.charts import fit_text
from game.ui.layout import wrap_words
from game.ui.scene import Scene

#: The smallest text a picture uses (pixels at 1280x720): the projector's 16 px (theme.MIN_TEXT), still
#: about 13 px when the window is 1024 wide.
MIN_TEXT = theme.MIN_TEXT


class PictureScene(Scene):
    """A full-screen picture with a title, a back button and hover tips."""

    title_key = ""

    def __init__(self, app: Any):
        super().__init__(app)
        self.cut: list[str] = []
        self.smallest = 99
        self.tips: list[tuple[pygame.Rect, str]] = []
        self.hover: str | None = None
        self.tween = motion.Tween(motion.motion_on(app))
        self.static: pygame.Surface | None = None
        self.base: pygame.Surface | None = None
        self.base_tips: list[tuple[pygame.Rect, str]] = []
        #: Texts rendered for this picture, by (text, size, bold, colour, width): a transition's frames reuse them.
        self.rendered: dict[tuple[Any, ...], pygame.Surface] = {}
        self.italics: dict[int, pygame.font.Font] = {}

    # --- widgets -------------------------------------------------------------------------------
    def build(self) -> None:
        self.static = self.base = None
        self.rendered = {}  # the language or the text size may have changed
        self.button((1120, 10, 144, 40), self.t("ui.back"), self.done, self.t("ui.key_tip", k="Esc"))
        self.key(pygame.K_RETURN, self.done)
        self.key(pygame.K_SPACE, self.done)

    def done(self) -> None:
        self.app.pop()

    def back(self) -> None:
        self.done()

    @property
    def animating(self) -> bool:
        """True while the opening transition runs (the demo waits for the settled picture)."""
        return self.tween.running

    # --- loop ----------------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEMOTION:
            tip = next((text for rect, text in self.tips if rect.collidepoint(event.pos)), None)
            if tip != self.hover:
                self.hover = tip
                self.app.touch()
        return super().handle_event(event)

    def update(self, dt: float) -> bool:
        if self.tween.running:
            self.tween.step(dt)
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """The still part is painted once into ``base``; during the opening transition only the moving
        part is painted over it each frame, so a frame stays a blit plus a few shapes and texts."""
        if self.base is None:
            self.tips = []
            self.base = pygame.Surface(theme.SIZE)
            self.base.fill(theme.BG)
            self.paint_base(self.base)
            self.base_tips = list(self.tips)
        if self.tween.running:
            self.tips = list(self.base_tips)
            surface.blit(self.base, (0, 0))
            self.paint_moving(surface, self.tween.value)
            return
        if self.static is None:
            self.tips = list(self.base_tips)
            self.static = self.base.copy()
            self.paint_moving(self.static, 1.0)
        surface.blit(self.static, (0, 0))

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        if self.hover:
            self.tooltip(surface, self.hover, pygame.mouse.get_pos())

    def paint(self, surface: pygame.Surface, progress: float = 1.0) -> None:
        """The whole picture at ``progress`` (0 -> 1 during the opening transition)."""
        self.paint_base(surface)
        self.paint_moving(surface, progress)

    def paint_base(self, surface: pygame.Surface) -> None:
        """Draw what does not move during the opening transition (override)."""

    def paint_moving(self, surface: pygame.Surface, progress: float) -> None:
        """Draw what the opening transition moves, over the base (override)."""

    # --- drawing helpers -----------------------------------------------------------------------
    def text(self, surface: pygame.Surface, text: str, pos: tuple[float, float], size: int = 16,
             bold: bool = False, colour: tuple[int, int, int] = theme.INK, width: int | None = None,
             anchor: str = "topleft", boxed: bool = False) -> pygame.Rect:
        """Draw ``text`` shortened to ``width`` (recorded in ``cut`` when it had to be), on a white box
        when ``boxed`` (a label over busy shapes); returns its rect."""
        size = max(round(size * self.scale), MIN_TEXT)
        self.smallest = min(self.smallest, size)
        key = (text, size, bold, colour, width)
        if key not in self.rendered:  # the transition's frames draw the same texts again: render each once
            font = theme.font(size, bold=bold)
            shown = fit_text(font, text, width) if width is not None else text
            if shown != text:
                self.cut.append(text)
            self.rendered[key] = font.render(shown, True, colour)
        image = self.rendered[key]
        rect = image.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
        if boxed:
            pygame.draw.rect(surface, theme.PANEL, rect.inflate(8, 2), border_radius=4)
        surface.blit(image, rect)
        return rect

    def wrapped(self, surface: pygame.Surface, text: str, rect: pygame.Rect, size: int = 16, bold: bool = False,
                colour: tuple[int, int, int] = theme.INK, italic: bool = False) -> int:
        """Draw ``text`` wrapped in ``rect``; returns the y under the last line (lines past the bottom are cut)."""
        size = max(round(size * self.scale), MIN_TEXT)
        self.smallest = min(self.smallest, size)
        font = self.italic(size) if italic else theme.font(size, bold=bold)
        y = rect.y
        for line in wrap_words(lambda s: font.size(s)[0], text, rect.w):
            if y + font.get_linesize() > rect.bottom:
                self.cut.append(text)
                break
            surface.blit(font.render(line, True, colour), (rect.x, y))
            y += font.get_linesize()
        return y

    def italic(self, size: int) -> pygame.font.Font:
        """The bundled italic face (a quote on the front page), opened once per size for this picture (a
        font kept longer would die with the window when pygame is shut down)."""
        if size not in self.italics:
            self.italics[size] = pygame.font.Font(str(theme.FONT_ITALIC), size)
        return self.italics[size]

    def tip(self, rect: pygame.Rect | tuple[int, int, int, int], text: str) -> None:
        """Show ``text`` when the mouse is over ``rect`` (the numbers behind a shape)."""
        self.tips.append((pygame.Rect(rect), text))

    def tooltip(self, surface: pygame.Surface, text: str, pos: tuple[int, int]) -> None:
        font = theme.font(round(14 * self.scale))
        image = font.render(text, True, theme.INK)
        box = image.get_rect(topleft=(pos[0] + 14, pos[1] + 16)).inflate(16, 10)
        box.clamp_ip(surface.get_rect())
        pygame.draw.rect(surface, theme.PANEL, box, border_radius=6)
        pygame.draw.rect(surface, theme.INK, box, 1, border_radius=6)
        surface.blit(image, image.get_rect(center=box.center))

    def heading(self, surface: pygame.Surface, subtitle: str = "") -> None:
        """The title bar: the scene's title and a line under it."""
        pygame.draw.rect(surface, (232, 228, 218), (0, 0, theme.SIZE[0], 60))
        self.text(surface, self.t(self.title_key), (16, 8), 24, bold=True, width=1090)
        if subtitle:
            self.text(surface, subtitle, (16, 38), 14, colour=theme.MUTED, width=1090)
