"""The app's content service: loaded once, mods remembered, reloads refused with a reason."""

from __future__ import annotations

import game.ui.content_service as service
from game.content.loader import ContentError
from game.i18n import strings
from game.ui.content_service import ContentService, load_enabled, save_enabled


def test_content_is_loaded_once_and_shared(app):
    assert app.content is app.content_service.content
    assert "cn_lab" in app.content.scenarios
    assert [m.id for m in app.content.mods if m.enabled] == []  # mods are opt-in


def test_switched_on_mods_are_remembered():
    assert load_enabled() == set()
    save_enabled({"example"})
    assert load_enabled() == {"example"}


def test_broken_content_keeps_the_old_and_says_why(monkeypatch):
    svc = ContentService()
    before = svc.content

    def broken(*_args, **_kwargs):
        raise ContentError(["mods/x/world.yaml:1:1: error: broken"])

    monkeypatch.setattr(service, "load_content_with_mods", broken)
    ok, message = svc.reload(strings("en"), session=None)
    assert not ok and message.startswith("Not reloaded")
    assert svc.content is before
    ok, _ = svc.switch_mod(strings("en"), None, "example")
    assert not ok and load_enabled() == set()  # a switch that cannot load is undone


def test_f5_during_a_game_tells_in_a_message(app):
    from game.ui.session import Session

    app.flow.start_game(Session.new(app.content, "cn_lab", 2, ["cn"]))
    app.flow.reload_content()
    assert app.top.screen_id == "message"
    assert "Content reloaded" in app.top.text
