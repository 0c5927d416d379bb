"""Every screen, rendered, checked for text that does not fit its box (and, in French, for English key
names and words): used by ``test_fit.py`` and, with
a folder, to save the screenshots a person looks at (``python -m tests.ui.fit OUT``)."""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox


def text_room(element: Any) -> tuple[int, int]:
    """The width and height a label's or button's text is shown in: the box less what pygame_gui's theme
    keeps for shadow, border, rounded corners and (left or right aligned) padding. pygame_gui clips the
    letters beyond that width: a centred "Course [V]" 100 px wide in a 108 px button loses its "]"."""
    shape = element.drawable_shape
    theming = shape.theming
    padding = 0
    if theming.get("text_horiz_alignment") in ("left", "right"):
        padding = int(theming.get("text_horiz_alignment_padding", 0))
    border = shape.border_widths
    buffer = 2 * shape.shadow_width + border["left"] + border["right"] + sum(shape.rounded_corner_width_offsets)
    return element.rect.w - buffer - padding, element.rect.h


def overflows(app: Any) -> list[str]:
    """Labels and buttons of the top scene whose text is wider or taller than the room their box shows."""
    problems = []
    for element in app.top.elements:
        if not isinstance(element, (UILabel, UIButton)) or not element.visible:
            continue
        text = element.text or ""
        font = element.font
        if not text.strip() or font is None:
            continue
        width, height = font.size(text)
        room_w, room_h = text_room(element)
        if width > room_w or height > room_h:
            problems.append(f"{app.top.screen_id}: '{text}' is {width}x{height}, room {room_w}x{room_h}")
    return problems


#: A text shortened to fit ends with an ellipsis (``Scene.fit``, ``charts.fit_text``).
ELLIPSIS = ("…", "...")


def shortened(app: Any) -> list[str]:
    """Labels and buttons of the top scene whose text was shortened with an ellipsis: the student reads
    "Score 27/100 · victoire d…". A string of the table that ends with "…" itself ("Vers un dossier…",
    a button that opens a dialog) is whole."""
    whole = {text for text in app.strings.table.values() if text.endswith(ELLIPSIS)}
    problems = []
    for element in app.top.elements:
        if not isinstance(element, (UILabel, UIButton)) or not element.visible:
            continue
        text = (element.text or "").strip()
        if text.endswith(ELLIPSIS) and text not in whole:
            problems.append(f"{app.top.screen_id}: '{text}' is shortened")
    return problems


def scrolled(app: Any) -> list[str]:
    """Text boxes of the top scene that show a scroll bar though their text should show whole (a refusal,
    a warning, a card). Boxes made for long texts (the news log, the history) are in ``scene.long_texts``."""
    allowed = {id(box) for box in getattr(app.top, "long_texts", ())}
    problems = []
    for element in app.top.elements:
        if isinstance(element, UITextBox) and element.visible and element.scroll_bar is not None \
                and id(element) not in allowed:
            text = re.sub(r"<[^>]+>", " ", element.html_text or "")
            problems.append(f"{app.top.screen_id}: text box {tuple(element.rect)} scrolls: '{text[:70].strip()}'")
    return problems


def outside(app: Any) -> list[str]:
    """Widgets of the top scene not wholly inside the 1280x720 canvas (the window shows the canvas whole,
    scaled: what lies outside it is outside the window at every window size). Widgets inside a scrolling
    column are checked through the column."""
    from game.ui import theme

    canvas = pygame.Rect((0, 0), theme.SIZE)
    root = app.manager.get_root_container()
    problems = []
    for element in app.top.elements:
        if element.ui_container is not root or not element.visible:
            continue
        if not canvas.contains(element.rect):
            text = getattr(element, "text", None) or type(element).__name__
            problems.append(f"{app.top.screen_id}: '{text}' at {tuple(element.rect)} is outside the window")
    return problems


#: English words a French screen once showed ("Touche : Enter", "autosave").
ENGLISH = re.compile(r"\b(Enter|Esc|Space|autosave|Autosave)\b")


def english_in_french(app: Any) -> list[str]:
    """Texts and tooltips of the top scene that show English key names or words on a French screen."""
    if app.settings.language != "fr":
        return []
    found = []
    for element in app.top.elements:
        for text in (getattr(element, "text", None), getattr(element, "html_text", None),
                     getattr(element, "tool_tip_text", None)):
            if isinstance(text, str) and ENGLISH.search(text):
                found.append(f"{app.top.screen_id}: English in '{text}'")
    return found


def screens(app: Any) -> Iterator[tuple[str, Callable[[], Any]]]:
    """(name, make the scene) for every screen a student meets, on a cn_lab game in its first turns."""
    from game.engine import actions as a
    from game.ui.digest import DigestScene
    from game.ui.scenes import (
        briefing,
        card,
        chipmap,
        crash,
        dashboard,
        end,
        frontpage,
        help,
        load,
        market,
        menu,
        newgame,
        picker,
        race,
        save,
        settings,
        summary,
    )
    from game.ui.session import Session
    from game.ui.view import action_groups
    from tests.ui.helpers import answer_cards

    session = Session.new(app.content, "cn_lab", 3, ["cn"])
    app.session = session
    app.flow.briefed.add(session.game_id)  # the dashboard itself, not the briefing the flow puts over it
    events = session.game.rules.events_by_id
    article = next(e for e in events.values() if e.kind == "article" and e.date and e.choices)
    technical = next(e for e in events.values() if e.id == "nvidia_h800_for_china")
    yield "menu", lambda: menu.MenuScene(app)
    yield "new_game", lambda: newgame.NewGameScene(app)
    yield "settings", lambda: settings.SettingsScene(app)
    yield "help", lambda: help.HelpScene(app, "smic")
    yield "load", lambda: load.LoadScene(app)
    yield "briefing", lambda: briefing.BriefingScene(app)
    yield "tutorial", lambda: help.TutorialScene(app)
    yield "card_choice", lambda: card.CardScene(app, (session.state.pending[0].event, "cn", True))
    yield "card_words", lambda: card.CardScene(app, (technical.id, None, False))
    yield "front_page", lambda: frontpage.FrontPageScene(app, (article.id, None, False))
    yield "digest", lambda: DigestScene(app, [(e, None) for e in list(events)[:6]])
    answer_cards(session)
    yield "dashboard", lambda: dashboard.DashboardScene(app)
    for group in action_groups(session, app.settings.language):
        if group.options:
            yield f"picker_{group.id}", lambda g=group: picker.PickerScene(app, g)
    yield "save", lambda: save.SaveScene(app, "Période 3", lambda _name: None)
    session.submit(a.EndTurn())
    answer_cards(session)
    yield "summary", lambda: summary.SummaryScene(app)
    yield "market", lambda: market.MarketScene(app)
    yield "map", lambda: chipmap.MapScene(app)
    yield "race", lambda: race.RaceScene(app)
    yield "crash", lambda: crash.CrashScene(app, None)
    yield "end", lambda: (session.conclude(), end.EndScene(app))[1]


def check_every_screen(app: Any, shots: Path | None = None, prefix: str = "") -> list[str]:
    """Render every screen; the problems found (texts too big for their box, pygame_gui fit warnings).
    With ``shots``, save each screen as ``<prefix><name>.png`` there."""
    problems: list[str] = []
    for name, make in screens(app):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            scene = make()
            app.push(scene)
            session = app.session
            if session is not None:  # nothing the flow would put over the screen (cards, summary)
                session.shown_cards |= {(f.turn, f.event, f.side) for f in session.state.fired}
                for side in session.humans:
                    session.seen[side] = session.snapshot(side)
            for _ in range(3):
                app.frame(0)
            app.draw()
        assert app.top is scene, f"{name}: {app.top.screen_id} came over it"
        found = overflows(app) + shortened(app) + scrolled(app) + outside(app) + english_in_french(app)
        problems += [f"{name}: {p}" for p in found]
        problems += [f"{name}: pygame_gui: {w.message}" for w in caught if "too small" in str(w.message)]
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            app.screenshot(shots / f"{prefix}{name}.png")
        app.pop()
    return problems


def make_app(language: str, text_size: str) -> Any:
    from game.ui.app import App
    from game.ui.settings import Settings

    app = App(Settings(tutorial_done=True, language=language, text_size=text_size, motion=False), headless=True)
    app.persist_settings = False
    app.start()
    return app


if __name__ == "__main__":  # python -m tests.ui.fit OUT: screenshots of every screen, 2 languages x 2 sizes
    out = Path(sys.argv[1])
    found = []
    for lang in ("en", "fr"):
        for size in ("normal", "large"):
            found += [f"{lang}-{size} {p}" for p in check_every_screen(make_app(lang, size), out, f"{lang}-{size}-")]
    print("\n".join(found) or "every text fits")
