"""The ``play`` command (also ``python main.py`` with no command): open the game window.

Example::

    python main.py --lang fr --windowed
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from game.i18n import LANGUAGES, strings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the game (remembered)")
    parser.add_argument("--windowed", action="store_true", help="open in a window even if fullscreen is set")
    parser.add_argument("--fullscreen", action="store_true", help="open fullscreen (remembered)")


def run(args: argparse.Namespace) -> int:
    # The command line imports every command's module to build its parser: the window's modules
    # (pygame, the scenes) load here, only when the window opens.
    from game.ui.scenes.firststart import WhereScene, is_first_start
    from game.ui.settings import load_settings, save_settings

    first_start = is_first_start()  # before the settings below are written for the first time
    settings = load_settings()
    if args.lang:
        settings = replace(settings, language=args.lang)
    if args.fullscreen:
        settings = replace(settings, fullscreen=True)
    if args.windowed:
        settings = replace(settings, fullscreen=False)
    save_settings(settings)
    import pygame

    from game.ui.app import App

    try:
        app = App(settings)
    except pygame.error as exc:  # no display, no video driver: say so plainly, exit like a usage error
        print(strings(settings.language).t("ui.no_window", reason=str(exc)), file=sys.stderr)
        return 2
    app.run(WhereScene(app, first_start=True) if first_start else None)
    pygame.quit()
    return 0
