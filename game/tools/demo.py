"""The ``demo`` command: the game window plays a whole game by itself (projector, UI tests).

Example::

    python main.py demo --scenario us_lab --seed 3 --speed 4 --screenshots shots --exit
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.i18n import LANGUAGES
from game.tools.modopts import add_mod_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", default="cn_lab", help="scenario id (cn_lab, us_lab, head_to_head)")
    parser.add_argument("--seed", type=int, default=1, help="the game's seed")
    parser.add_argument("--speed", type=float, default=1.0, help="how fast the demo plays (2 = twice as fast)")
    parser.add_argument("--screenshots", type=Path, help="save a PNG of each distinct screen in this folder")
    parser.add_argument("--exit", action="store_true", help="close the window when the game ends")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="language (default: your setting)")
    parser.add_argument("--turns", type=int, default=None, help="stop the game after this many turns")
    parser.add_argument("--lesson-turns", type=int, default=None, metavar="N",
                        help="a lesson of the calendar's last N turns (the turns before played by history)")
    parser.add_argument("--policy", default="efficient", help="the computer player (cautious, aggressive, …)")
    add_mod_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from game.cli import UsageError
    from game.policies import POLICIES
    from game.tools.modopts import content_from_args

    content = content_from_args(args)
    if args.scenario not in content.scenarios:
        raise UsageError(f"no scenario '{args.scenario}' (known: {', '.join(sorted(content.scenarios))})")
    if args.policy not in POLICIES:
        raise UsageError(f"no policy '{args.policy}' (known: {', '.join(POLICIES)})")
    if args.speed <= 0:
        raise UsageError("--speed must be above 0")
    if not 0 <= args.seed < 2**63:
        raise UsageError("--seed is a whole number from 0")
    from dataclasses import replace

    from game.ui.app import App
    from game.ui.demo import DemoDriver
    from game.ui.settings import load_settings

    settings = replace(load_settings(), tutorial_done=False, fullscreen=False)
    if args.lang:
        settings = replace(settings, language=args.lang)
    app = App(settings, content=content)
    app.persist_settings = False
    driver = DemoDriver(args.scenario, args.seed, delay=0.8 / args.speed, shots=args.screenshots,
                        policy=args.policy, exit_at_end=args.exit,
                        options={key: value for key, value in (("turn_limit", args.turns),
                                                               ("lesson_turns", args.lesson_turns)) if value})
    app.on_tick, app.on_frame = driver.tick, driver.frame
    app.run()
    import pygame

    pygame.quit()
    if driver.crashed:
        print("error: the demo hit an error; a crash report was written", flush=True)
        return 1
    return 0
