"""Pictures of the chip map, the race chart, a front page and the market moment at chosen points of a
game, in both languages, with a copy at 1024 wide and a deuteranopia simulation of each (to look at
them, and to check that colours stay apart for colour-blind players).

Usage::

    python benchmarks/visual_shots.py OUT_DIR [--scenario cn_lab] [--seed 1] [--turn 24]

The deuteranopia simulation is Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear
RGB: a 3x3 matrix on every pixel.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Machado et al. 2009, deuteranomaly at severity 1.0 (deuteranopia), for linear RGB.
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))


def simulate_deuteranopia(pixels):
    """An RGB uint8 array as a deuteranope sees it (same shape)."""
    import numpy as np

    srgb = pixels.astype(np.float64) / 255
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    seen = np.clip(linear @ np.array(DEUTERANOPIA).T, 0, 1)
    out = np.where(seen <= 0.0031308, seen * 12.92, 1.055 * seen ** (1 / 2.4) - 0.055)
    return (out * 255).round().astype(np.uint8)


def session_at(scenario: str, seed: int, turn: int):
    """A session of ``scenario`` played by the efficient policy up to the start of ``turn``."""
    from game.content.loader import load_content
    from game.engine.game import Game
    from game.match import play_game
    from game.ui.session import Session

    game = Game(load_content(), scenario)
    sides = game.scenario.sides
    played = play_game(game, seed, {s: "efficient" for s in sides}, max_turns=turn)
    session = Session(game, played.state, [sides[0]])
    session.notes = list(played.notes)
    return session


def shoot(out: Path, scenario: str, seed: int, turn: int) -> list[Path]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import numpy as np
    import pygame

    from game.ui.app import App
    from game.ui.scenes.card import next_card
    from game.ui.scenes.chipmap import MapScene
    from game.ui.scenes.frontpage import FrontPageScene, is_front_page
    from game.ui.scenes.market import MarketScene
    from game.ui.scenes.race import RaceScene
    from game.ui.settings import Settings

    out.mkdir(parents=True, exist_ok=True)
    session = session_at(scenario, seed, turn)
    saved = []
    for lang in ("en", "fr"):
        app = App(Settings(language=lang, tutorial_done=True, motion=False), headless=True,
                  content=session.game.content)
        app.persist_settings = False
        app.session = session
        app.running = True
        scenes = {"map": MapScene(app), "race": RaceScene(app), "market": MarketScene(app)}
        card = next_card(session)
        articles = [f.event for f in session.state.fired if f.turn == session.state.turn
                    and is_front_page(session.game.rules.events_by_id[f.event])]
        if articles:
            scenes["front_page"] = FrontPageScene(app, card if card and card[0] in articles else (articles[0], None,
                                                                                                     False))
        for name, scene in scenes.items():
            app.reset(scene)
            app.manager.update(0.01)
            app.draw()
            path = out / f"{name}-{lang}.png"
            app.screenshot(path)
            small = pygame.transform.smoothscale(app.screen, (1024, 576))
            pygame.image.save(small, str(out / f"{name}-{lang}-1024.png"))
            pixels = pygame.surfarray.array3d(app.screen).swapaxes(0, 1)
            seen = simulate_deuteranopia(pixels)
            pygame.image.save(pygame.surfarray.make_surface(np.ascontiguousarray(seen.swapaxes(0, 1))),
                              str(out / f"{name}-{lang}-deuteranopia.png"))
            saved.append(path)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scenario", default="cn_lab")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--turn", type=int, default=24)
    args = parser.parse_args(argv)
    for path in shoot(args.out, args.scenario, args.seed, args.turn):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
