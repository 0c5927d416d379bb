"""The window: a stack of scenes, the event loop, and the safety net around them.

The app owns the content (:class:`ContentService`) and the flow between screens (:class:`Flow`);
scenes reach both through it (``app.content``, ``app.flow``).

The loop waits on events (``pygame.event.wait`` with a timeout) and draws only when something
changed: an input event, a scene that says it is animating, or a short "warm" period after input
while pygame_gui fades hover states and tooltips in. An idle dashboard therefore costs almost nothing.

Any exception raised by a scene is caught: a crash report is written (seed, options, action log,
traceback) and the player sees a dialog offering to go back to the menu — never a traceback.

Example (headless)::

    >>> app = App(Settings(), headless=True)      # doctest: +SKIP
    >>> app.start()                               # doctest: +SKIP
    >>> app.top.screen_id                         # doctest: +SKIP
    'menu'
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pygame
import pygame_gui

from game.content.models import Content
from game.i18n import Strings, strings
from game.ui import theme
from game.ui.content_service import ContentService
from game.ui.flow import Flow
from game.ui.handin import export_on_close
from game.ui.persist import crash_report
from game.ui.scene import Scene
from game.ui.scenes.menu import MenuScene
from game.ui.session import Session
from game.ui.settings import Settings, save_settings

#: After input, keep drawing this long (seconds) so hover fades and tooltips appear.
WARM_SECONDS = 1.2
#: Frame rate while warm or animating.
FPS = 30
#: Longest sleep when idle (ms); waking costs nothing visible.
IDLE_WAIT_MS = 1000
#: While idle, look for new events this often (ms): the delay before a key press is answered.
NAP_MS = 25


def fit_to_desktop(size: tuple[int, int], desktop: tuple[int, int] | None = None) -> tuple[int, int]:
    """``size`` made no larger than the desktop (a 1280x720 window on a 1024x768 school laptop would
    hang off the screen), keeping the canvas's shape.

    >>> fit_to_desktop((1280, 720), (1024, 768))
    (1024, 576)
    >>> fit_to_desktop((1280, 720), (1920, 1080))
    (1280, 720)
    """
    if desktop is None:
        try:
            desktop = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            return size
    room_w, room_h = desktop[0], desktop[1] - 48  # leave the task bar and the title bar visible
    scale = min(1.0, room_w / size[0], room_h / size[1])
    return (round(size[0] * scale), round(size[1] * scale))


class App:
    """The game window and its scene stack."""

    def __init__(self, settings: Settings, headless: bool = False, content: Content | None = None):
        self.settings = settings
        # The dummy video driver has no renderer to scale with: draw at 1280x720 as is.
        self.headless = headless or os.environ.get("SDL_VIDEODRIVER") == "dummy"
        pygame.init()
        theme.forget_fonts()  # fonts from an earlier pygame.init() are dead after pygame.quit()
        pygame.display.set_caption("Chip Race")
        self.screen = self._open_window()
        self.manager = self._make_manager()
        self.stack: list[Scene] = []
        self.session: Session | None = None
        self.content_service = ContentService(content)
        self.flow = Flow(self)
        self.running = False
        #: False for the demo and tests: settings changes then last for this run only.
        self.persist_settings = True
        self.dirty = True
        self.warm_until = 0.0
        #: Set when a shortcut key acted: the text of that keystroke is not typed anywhere.
        self.drop_text = False
        self.frames_drawn = 0
        #: Called once per loop iteration before events are read (the demo driver).
        self.on_tick: Callable[[App], None] | None = None
        #: Called after each drawn frame (screenshots).
        self.on_frame: Callable[[App], None] | None = None

    # --- set-up --------------------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        """The window: a fixed 1280x720 canvas that SDL scales to whatever size the window has.

        pygame's SCALED renderer scales by whole factors in a window (a window smaller than the canvas,
        or a projector's full screen entered from a window, then shows a cropped canvas) unless its own
        switch ``SDL_HINT_RENDER_SCALE_QUALITY`` is set; set, the whole canvas is always shown, with bars
        where the shape differs. Linear filtering keeps letters smooth when scaled down. It also forbids a
        window smaller than the canvas: the smallest window allowed here is half of it.
        """
        flags = 0 if self.headless else pygame.SCALED | pygame.RESIZABLE
        if not self.headless:
            os.environ.setdefault("SDL_HINT_RENDER_SCALE_QUALITY", "1")
            os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "linear")
        if self.settings.fullscreen and not self.headless:
            flags |= pygame.FULLSCREEN
        screen = pygame.display.set_mode(theme.SIZE, flags)
        if not self.headless:
            with contextlib.suppress(AttributeError, pygame.error):
                window = pygame.Window.from_display_module()
                window.minimum_size = (theme.SIZE[0] // 2, theme.SIZE[1] // 2)
                if not self.settings.fullscreen:
                    window.size = fit_to_desktop(self.settings.window_size)
        return screen

    def _make_manager(self) -> pygame_gui.UIManager:
        scale = theme.TEXT_SCALES[self.settings.text_size]
        manager = pygame_gui.UIManager(theme.SIZE, theme.theme_dict(scale), enable_live_theme_updates=False,
                                       starting_language=self.settings.language)
        manager.add_font_paths("dejavu", str(theme.FONT_REGULAR), str(theme.FONT_BOLD), str(theme.FONT_ITALIC),
                               str(theme.FONT_BOLD_ITALIC))
        # The bold and italic faces the text boxes use (<b>, <i>), loaded now rather than with a warning later.
        manager.preload_fonts([{"name": "dejavu", "point_size": size, "style": style}
                               for size in sorted(set(theme.font_sizes(scale).values()))
                               for style in ("italic", "bold_italic")])  # bold: the theme loads it
        return manager

    @property
    def strings(self) -> Strings:
        return strings(self.settings.language)

    @property
    def content(self) -> Content:
        """The content in play: shipped content + the mods switched on (loaded on first use)."""
        return self.content_service.content

    # --- the stack -----------------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        if self.top is not None:
            if scene.overlay:
                scene.backdrop = self._dimmed()
            self.top.leave()
        self.stack.append(scene)
        scene.enter()
        self.touch()

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().leave()
        if self.top is not None:
            self.top.enter()
        else:
            self.running = False
        self.touch()

    def replace(self, scene: Scene) -> None:
        """Put ``scene`` in place of the top scene."""
        if self.stack:
            self.stack.pop().leave()
        backdrop_from = self.top
        if scene.overlay and backdrop_from is not None:
            scene.backdrop = self._dimmed()
        self.stack.append(scene)
        scene.enter()
        self.touch()

    def reset(self, scene: Scene) -> None:
        """Empty the stack and show ``scene`` (back to the menu)."""
        for old in reversed(self.stack):
            with contextlib.suppress(Exception):
                old.leave()
        self.stack = []
        self.push(scene)

    def rebuild(self) -> None:
        """Build the top scene again (after a language or text-size change)."""
        if self.top is not None:
            self.top.leave()
            self.top.enter()
        self.touch()

    def _dimmed(self) -> pygame.Surface:
        picture = self.screen.copy()
        shade = pygame.Surface(picture.get_size(), pygame.SRCALPHA)
        shade.fill((20, 20, 20, 150))
        picture.blit(shade, (0, 0))
        return picture

    def touch(self) -> None:
        """Something changed: draw the next frame."""
        self.dirty = True

    # --- settings ------------------------------------------------------------------------------
    def apply_settings(self, new: Settings) -> None:
        old = self.settings
        self.settings = new
        if self.persist_settings:
            save_settings(new)
        if old.fullscreen != new.fullscreen and old.window == new.window and not self.headless:
            self._toggle_fullscreen(new.fullscreen)
        elif (old.window, old.fullscreen) != (new.window, new.fullscreen) and not self.headless:
            self.screen = self._open_window()
        if old.text_size != new.text_size:
            if self.top is not None:
                self.top.leave()
            self.manager = self._make_manager()
            if self.top is not None:
                self.top.enter()
        elif old.language != new.language:
            self.manager.set_locale(new.language)
            self.rebuild()
        self.touch()

    def _toggle_fullscreen(self, on: bool) -> None:
        """Switch full screen in place (SDL keeps the 1280x720 canvas scaled); reopen if that fails."""
        try:
            if bool(pygame.display.is_fullscreen()) != on:
                pygame.display.toggle_fullscreen()
        except (pygame.error, AttributeError):
            self.screen = self._open_window()
        if not on:
            with contextlib.suppress(AttributeError, pygame.error):
                pygame.Window.from_display_module().size = fit_to_desktop(self.settings.window_size)
        self.touch()

    def toggle_fullscreen(self) -> None:
        """F11: full screen on or off (remembered like the setting)."""
        self.apply_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))

    # --- the loop ------------------------------------------------------------------------------
    def start(self, scene: Scene | None = None) -> None:
        """Show the first scene (the main menu unless told otherwise)."""
        if scene is None:
            scene = MenuScene(self)
        self.running = True
        self.push(scene)
        self.frame(0)

    def run(self, scene: Scene | None = None) -> None:
        self.start(scene)
        while self.running:
            self.frame()

    def frame(self, wait_ms: int | None = None) -> None:
        """One turn of the loop: wait for events (unless busy), handle them, update, draw if needed."""
        try:
            self._frame(wait_ms)
        except Exception as exc:
            self.crash(exc)

    def _frame(self, wait_ms: int | None) -> None:
        now = time.monotonic()
        if self.on_tick is not None:
            self.on_tick(self)
        busy = self.dirty or now < self.warm_until
        events: list[pygame.event.Event] = []
        if wait_ms is None:
            wait_ms = int(1000 / FPS) if busy else IDLE_WAIT_MS
            if self.on_tick is not None and busy:
                wait_ms = 1  # the demo driver sets its own pace
        if wait_ms > 0 and not pygame.event.peek():
            self._nap(wait_ms)
        events += pygame.event.get()
        dt = max(0.0, time.monotonic() - getattr(self, "_last", now))
        self._last = time.monotonic()
        for event in events:
            self.dispatch(event)
        self.drop_text = False  # a shortcut's text comes in the same batch as its key, or not at all
        if not self.running:
            return
        animating = bool(self.top and self.top.update(dt))  # may push a scene: update the widgets after
        if events or busy or animating or self.dirty:  # idle: pygame_gui has nothing to fade or show
            self.manager.update(min(dt, 0.1))
        if animating or events:
            self.dirty = True
        if self.dirty or time.monotonic() < self.warm_until:
            self.draw()

    def _nap(self, wait_ms: int) -> None:
        """Sleep until an event arrives or ``wait_ms`` pass, looking every ``NAP_MS``.

        Not ``pygame.event.wait(timeout)``: measured under Xvfb it keeps SDL polling inside and costs
        about 3.3% of a core on an idle dashboard; naps cost about 0.6% and answer within 25 ms.
        The dummy driver (tests, demo) is the same: its ``wait`` busy-polls too.
        """
        end = time.monotonic() + wait_ms / 1000
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, NAP_MS / 1000))
            if pygame.event.peek():
                return

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.drop_text = False
        elif event.type == pygame.TEXTINPUT and self.drop_text:
            return  # the text of a keystroke a shortcut already used (see Scene.handle_event)
        if event.type == pygame.QUIT:
            export_on_close(self)  # a game closed mid-lesson is handed in as it stands
            self.running = False
            return
        if event.type in (pygame.MOUSEMOTION, pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                          pygame.TEXTINPUT, pygame.MOUSEWHEEL, pygame.WINDOWEXPOSED, pygame.WINDOWRESIZED):
            self.warm_until = time.monotonic() + WARM_SECONDS
        self.manager.process_events(event)
        scene = self.top
        if scene is None:
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F5:  # modders: reload content from disk
            self.flow.reload_content()
            return
        if (event.type == pygame.KEYDOWN and event.key == pygame.K_F12 and self.settings.dev_console
                and self.session is not None and scene.screen_id != "console"):  # modders: fire any event
            from game.ui.scenes.console import ConsoleScene

            self.push(ConsoleScene(self))
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEOEXPOSE):
            self.touch()  # SDL scales the canvas; the picture must be drawn again
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1 and scene.screen_id != "help":
            self.flow.help()
            return
        scene.handle_event(event)

    def draw(self) -> None:
        scene = self.top
        if scene is None:
            return
        scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        scene.draw_over(self.screen)
        pygame.display.flip()
        self.dirty = False
        self.frames_drawn += 1
        if self.on_frame is not None:
            self.on_frame(self)

    # --- errors --------------------------------------------------------------------------------
    def crash(self, exc: BaseException) -> None:
        """Write a report and show the crash dialog over the menu."""
        try:
            path: Path | None = crash_report(self.session, exc)
        except Exception:
            path = None
        self.flow.crashed(path)

    def stack_safe_reset(self, scene: Scene) -> None:
        for old in self.stack:
            with contextlib.suppress(Exception):
                old.leave()
        self.stack = []
        self.manager.clear_and_reset()
        self.push(scene)

    def quit(self) -> None:
        self.running = False

    def screenshot(self, path: Path) -> None:
        pygame.image.save(self.screen, str(path))
