"""The demo driver: a computer policy plays a whole game through the real window, pressing the same
buttons a player presses (one step every ``delay`` seconds), and saving a screenshot of each
distinct screen when asked.

Example::

    driver = DemoDriver("us_lab", seed=3, delay=0.0, shots=Path("shots"))
    app.on_tick, app.on_frame = driver.tick, driver.frame
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from game.engine import actions as a
from game.policies import make_policy
from game.ui.focus import press
from game.ui.scenes.chipmap import MapScene
from game.ui.scenes.race import RaceScene
from game.ui.view import action_groups


class DemoDriver:
    def __init__(self, scenario: str, seed: int, delay: float = 0.8, shots: Path | None = None,
                 policy: str = "efficient", exit_at_end: bool = False, options: dict[str, Any] | None = None):
        self.scenario, self.seed, self.delay = scenario, seed, delay
        self.shots = shots
        self.policy = make_policy(policy, seed)
        self.exit_at_end = exit_at_end
        self.options = options or {}
        self.next_at = 0.0
        self.seen: list[str] = []
        self.finished = False
        self.shown_help = False
        self.crashed = False
        self.pictures_shown = 0

    def frame(self, app: Any) -> None:
        """After each drawn frame: a screenshot the first time a screen appears."""
        scene = app.top
        if scene is None or self.shots is None or scene.screen_id in self.seen or still_moving(scene):
            return
        self.seen.append(scene.screen_id)
        self.shots.mkdir(parents=True, exist_ok=True)
        app.screenshot(self.shots / f"{len(self.seen):02d}-{scene.screen_id}.png")

    def tick(self, app: Any) -> None:
        now = time.monotonic()
        glimpse = getattr(app.top, "glimpse", None)
        if glimpse is not None and glimpse.showing and self.delay < 0.2:
            glimpse.left = 0.0  # a fast demo does not wait for the map shown over the summary
            app.touch()
        if now < self.next_at or app.top is None or app.dirty or still_moving(app.top):
            return  # let the current screen be drawn (and photographed) first
        self.next_at = now + self.delay
        app.touch()
        self.act(app, app.top)

    def act(self, app: Any, scene: Any) -> None:
        sid = scene.screen_id
        if sid == "menu":
            if self.finished:
                app.quit()
                return
            scene.new_game()
        elif sid == "new_game":
            scene.scenario = self.scenario
            scene.players = 2 if len(app.content.scenarios[self.scenario].sides) > 1 else 1
            scene.seed = self.seed
            scene.turn_limit = self.options.get("turn_limit")
            scene.length = self.options.get("lesson_turns")  # a lesson of the calendar's last turns
            scene.code_entry.set_text("")
            scene.start()
        elif sid == "dashboard":
            self.play(app, scene)
        elif sid.startswith("picker"):
            scene.confirm()
        elif sid == "event_card":
            if scene.choosing:
                session = app.session
                legal = session.game.legal_actions(session.state)
                choice = self.policy.choose(session.game, session.state, legal)
                scene.choose(choice.choice if isinstance(choice, a.Choose) else legal[0].choice)
            else:
                scene.done()
        elif sid in ("turn_summary", "pass_laptop", "front_page", "market", "news_digest"):
            scene.done()
        elif sid == "tutorial":
            scene.next()
        elif sid == "help":
            app.pop()
        elif sid == "end":
            self.finished = True
            if "exported" not in self.seen:
                scene.export()
                self.seen.append("exported")
                return
            if self.exit_at_end:
                app.quit()
        elif sid == "crash":
            self.crashed = True
            app.quit()
        else:
            app.pop()

    def play(self, app: Any, scene: Any) -> None:
        session = app.session
        if app.flow.route():  # a card or a summary comes first
            return
        if not self.shown_help and session.state.turn == 1:
            self.shown_help = True
            scene.help("export_control")
            return
        if self.pictures_shown < 2 and session.state.turn >= 1:  # the chip map, then the race chart
            self.show_picture(app)
            return
        legal = session.game.legal_actions(session.state)
        if not legal:
            return
        action = self.policy.choose(session.game, session.state, legal)
        if isinstance(action, a.EndTurn):
            end = next(b for b in scene.callbacks if scene.callbacks[b] == scene.end_turn)
            press(end)
            return
        group = next(g for g in action_groups(session, app.settings.language) if isinstance(action, g.kind))
        if group.kind in (a.RaiseMoney, a.Lobby):
            press(scene.group_buttons[group.id])
            return
        scene.open_group(group, preset=action)

    def show_picture(self, app: Any) -> None:
        """Open the chip map, then (next time) the race chart; each closes on the demo's next step."""
        app.push((MapScene, RaceScene)[self.pictures_shown](app))
        self.pictures_shown += 1


def still_moving(scene: Any) -> bool:
    """A screen in its opening transition, or the turn summary with the chip map over it for a moment:
    its screenshot waits for the settled picture."""
    glimpse = getattr(scene, "glimpse", None)
    return bool(getattr(scene, "animating", False) or (glimpse is not None and glimpse.showing))

