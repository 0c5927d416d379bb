"""The Mods screen and F5 reload, headless: listing, switching a mod on, refusing a breaking reload."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.content.mods import load_content_with_mods
from game.content.reload import reload_blockers
from game.engine.game import Game
from game.engine.state import Fired
from tests.content.helpers import copy_example


def unscoped_example(root):
    """The example mod with its changes applied to every scenario (no ``scope: own_scenarios``)."""
    if (root / "mods" / "example").is_dir():
        return root / "mods"
    folder = copy_example(root / "mods")
    manifest = folder / "mod.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("scope: own_scenarios", ""), encoding="utf-8")
    return root / "mods"


@pytest.fixture
def app(tmp_path, monkeypatch):
    import game.ui.content_service as service
    from game.ui.app import App
    from game.ui.settings import Settings

    monkeypatch.setattr(service, "config_dir", lambda: tmp_path / "config")
    monkeypatch.setattr(service, "installed_roots", lambda: [unscoped_example(tmp_path)])
    window = App(Settings(), headless=True)
    window.persist_settings = False
    yield window
    import pygame

    pygame.quit()


def test_reload_refused_when_an_event_of_the_game_is_gone(tmp_path):
    state = Game(load_content(), "cn_lab").new_game(seed=3)
    state.fired.append(Fired(turn=0, date=state.date, event="chips_act", side=None))
    modded = load_content_with_mods(unscoped_example(tmp_path), enabled={"example"})  # it disables chips_act
    assert reload_blockers(modded, state) == [("mods.screen.reload_missing_event", {"id": "chips_act"})]
    assert reload_blockers(load_content(), state) == []


def test_mods_screen_lists_switches_on_and_reloads(app):
    from game.ui.content_service import load_enabled
    from game.ui.scenes.mods import ModsScene

    assert [(m.id, m.enabled, m.switched_off) for m in app.content.mods] == [("example", False, True)]
    scene = ModsScene(app)
    app.push(scene)
    app.draw()
    assert "example_no_bans" not in app.content.scenarios
    scene._toggle("example")
    assert load_enabled() == {"example"}
    assert "example_no_bans" in app.content.scenarios and scene.status == "Content reloaded: 1 mod(s) loaded."
    import pygame

    app.dispatch(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode=""))
    assert app.top is scene and scene.status  # F5 on the screen: a status line, no pop-up
    app.flow.reload_content()
    app.draw()


def test_f5_during_a_game_refuses_a_breaking_change(app, monkeypatch):
    from game.ui.content_service import save_enabled
    from game.ui.session import Session

    app.session = Session.new(app.content, "cn_lab", seed=2, humans=["cn"], options={"turn_limit": 40})
    while not any(f.event == "chips_act" for f in app.session.state.fired) and not app.session.state.over:
        from game.engine.actions import EndTurn

        for p in list(app.session.state.pending):
            from game.engine.actions import Choose

            event = app.session.game.rules.events_by_id[p.event]
            app.session.submit(Choose(event=p.event, choice=event.choices[0].id))
        app.session.submit(EndTurn())
    assert any(f.event == "chips_act" for f in app.session.state.fired)
    save_enabled({"example"})
    ok, message = app.content_service.reload(app.strings, app.session)
    assert not ok and "the event 'chips_act' the running game refers to is gone" in message
    assert "example_no_bans" not in app.content.scenarios
    save_enabled(set())
    ok, message = app.content_service.reload(app.strings, app.session)
    assert ok and message == "Content reloaded: 0 mod(s) loaded."


def test_developer_console_is_off_until_switched_on_and_fires_on_a_copy(app):
    import pygame

    from game.engine.canonical import state_hash
    from game.ui.scenes.console import ConsoleScene, complete
    from game.ui.scenes.mods import ModsScene
    from game.ui.session import Session

    app.session = Session.new(app.content, "cn_lab", seed=2, humans=["cn"])
    f12 = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F12, mod=0, unicode="")
    screen = ModsScene(app)
    app.push(screen)
    app.dispatch(f12)
    assert app.top is screen  # off by default
    screen._toggle_console()
    assert app.settings.dev_console
    app.dispatch(f12)
    console = app.top
    assert isinstance(console, ConsoleScene)
    before = state_hash(app.session.state)
    console.fire("huawei_7nm 2")
    assert "Event huawei_7nm" in console.output
    assert "choice 2: Stay with Nvidia while you can   ← taken" in console.output
    assert state_hash(app.session.state) == before  # the game in progress is not changed
    console.fire("huawei_7mn")
    assert "Did you mean huawei_7nm?" in console.output
    assert complete("us_b", console.event_ids()).startswith("us_ban_")
