"""What screen comes next: the game's flow, in one place.

The dashboard builds and draws the lab; whenever it is on top and drawn it asks :meth:`Flow.route`
what must come before play continues, in this order: the end screen when the game is over, the
"pass the laptop" screen when the hot-seat player changes, the turn summary once per turn, the
briefing (the scenario's goals) when a game starts, the tutorial on a first game, then the event cards
of the turn (a card waiting for a decision first).
Each of those screens hands its result back to the flow by callback (a card its choice), and the
flow keeps the window's memory of what each player has seen. The flow also starts and leaves
games, sends the player's actions to the session (with the end-of-turn sound and the autosave),
and shows the help, the crash dialog and the outcome of a content reload.

Example (headless)::

    >>> app.flow.start_game(Session.new(app.content, "cn_lab", 1, ["cn"]))   # doctest: +SKIP
    >>> app.top.screen_id, app.flow.route(), app.top.screen_id                # doctest: +SKIP
    ('dashboard', True, 'event_card')
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

from game.engine import actions as a
from game.engine.errors import IllegalAction
from game.ui import persist, sound
from game.ui.digest import digest_scene
from game.ui.scenes import market
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.card import Card, next_card
from game.ui.scenes.crash import CrashScene, MessageScene
from game.ui.scenes.dashboard import DashboardScene
from game.ui.scenes.end import EndScene
from game.ui.scenes.frontpage import card_scene
from game.ui.scenes.help import HelpScene, TutorialScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.mods import ModsScene
from game.ui.scenes.summary import HandoffScene, SummaryScene
from game.ui.session import Session
from game.ui.view import reason_text


class Flow:
    """Routes the window between screens; ``app`` is the :class:`game.ui.app.App` it drives."""

    def __init__(self, app: Any):
        self.app = app
        #: Games whose briefing (the scenario's goals) was shown in this window.
        self.briefed: set[str] = set()

    # --- games ---------------------------------------------------------------------------------
    def menu(self) -> None:
        """Back to the main menu (the game in progress is left; its autosave remains)."""
        self.app.session = None
        self.app.reset(MenuScene(self.app))

    def start_game(self, session: Session | None) -> None:
        """Show a new or loaded game (``None``: the screen that would start one was left)."""
        if session is None:
            return
        self.app.session = session
        self.app.reset(DashboardScene(self.app))

    def play(self, action: a.Action) -> str:
        """Submit the player's ``action``; the status line to show ("" when there is nothing to say).

        Ending the turn plays its sound (the crash sting after a market crash); every action autosaves.
        """
        session = self.app.session
        before, turn = len(session.notes), session.state.turn
        status = ""
        try:
            session.submit(action)
        except IllegalAction as exc:
            status = reason_text(session, exc, self.app.settings.language)
        if isinstance(action, a.EndTurn) and (session.state.turn != turn or session.state.over):
            sound.play(self.app, "crash" if sound.is_crash(session.notes[before:]) else "end_turn")
            market.open_if_shock(self.app, session.notes[before:])
        return self.autosave() or status

    def autosave(self) -> str:
        """Save the game as it stands to its own autosave (after every action and card: "Continue"
        resumes mid-turn); the status line to show when that failed, else ""."""
        try:
            persist.autosave(self.app.session)
        except Exception:  # a full disk or a read-only folder must not stop the game: say so
            return self.app.strings.t("ui.dash.autosave_failed")
        return ""

    # --- between actions -----------------------------------------------------------------------
    def route(self) -> bool:
        """Show whatever must come before play continues; True when a screen was shown."""
        app, session = self.app, self.app.session
        if session.state.over:
            app.replace(EndScene(app))
            return True
        viewer = session.viewer
        if session.two_players and session.shown_to != viewer:
            app.push(HandoffScene(app, viewer, lambda _: self._handed_to(viewer)))
            return True
        if session.seen[viewer]["turn"] < session.state.turn:
            app.push(SummaryScene(app, lambda _: self._summary_read(viewer)))
            return True
        if session.game_id not in self.briefed and session.state.turn == 0 and not session.shown_cards:
            self.briefed.add(session.game_id)  # the goals first, once per game
            app.push(BriefingScene(app))
            return True
        if not app.settings.tutorial_done:  # the tutorial before the first news card
            app.push(TutorialScene(app, lambda _: self._tutorial_done()))
            return True
        return self.open_card()

    def open_card(self) -> bool:
        """Show the next event card of the turn (the one waiting for a decision first), if any."""
        card = next_card(self.app.session)
        if card is None:
            return False
        # A busy turn's news (January 2025) on one page; a decision, or a quiet turn, card by card.
        digest = digest_scene(self.app, card)
        self.app.push(digest or card_scene(self.app, card, lambda choice: self._card_closed(card, choice)))
        return True

    def _handed_to(self, side: str) -> None:
        self.app.session.shown_to = side

    def _summary_read(self, side: str) -> None:
        session = self.app.session
        session.seen[side] = session.snapshot(side)

    def _card_closed(self, card: Card, choice: str | None) -> None:
        session = self.app.session
        event, side, _choosing = card
        if choice is not None:
            session.submit(a.Choose(event=event, choice=choice))
        session.shown_cards.add((session.state.turn, event, side))
        self.autosave()  # a card read or answered stays so when the game is resumed

    def _tutorial_done(self) -> None:
        self.app.apply_settings(replace(self.app.settings, tutorial_done=True))

    # --- anywhere ------------------------------------------------------------------------------
    def help(self, term: str | None = None) -> None:
        """The glossary, open at ``term`` (F1, or a figure of the dashboard)."""
        self.app.push(HelpScene(self.app, term))

    def crashed(self, report: Path | None) -> None:
        """After an error: the menu, with the crash dialog over it (``report``: where it was written)."""
        self.app.session = None
        self.app.stack_safe_reset(MenuScene(self.app))
        self.app.push(CrashScene(self.app, report))

    def reload_content(self) -> None:
        """F5 anywhere: reload the content, then say what happened (on the Mods screen, in its
        status line; elsewhere in a message)."""
        app = self.app
        _ok, message = app.content_service.reload(app.strings, app.session)
        top = app.top
        if isinstance(top, ModsScene):
            top.status = message
            app.rebuild()
            return
        app.push(MessageScene(app, app.strings.t("mods.screen.title"), escape(message)))
