"""The lab dashboard: the screen of the game. Figures on the left (each opens its glossary entry),
rivals and the market in the middle, the actions on the right (cost, shortcut, and why disabled),
the news feed at the bottom. It builds and draws; what comes between actions (pass-the-laptop,
turn summary, event cards, end screen) is the flow's (:mod:`game.ui.flow`), and actions go to the
session through the flow."""

from __future__ import annotations

from typing import Any

import pygame

from game import messages as m
from game.engine import actions as a
from game.engine.standing import standing
from game.engine.training import monthly_compute
from game.ui import charts, motion, persist, theme
from game.ui.costview import cost_line, rival_compute_line
from game.ui.handin import LeaveScene
from game.ui.layout import Column, wrap_words
from game.ui.previewtext import goal_lines, runway_line
from game.ui.scene import Scene, panel
from game.ui.scenes.chipmap import MapScene
from game.ui.scenes.help import glossary_tip
from game.ui.scenes.picker import PickerScene
from game.ui.scenes.race import RaceScene
from game.ui.scenes.save import SaveScene
from game.ui.session import Session
from game.ui.view import Group, action_groups, hours, month_year, note_lines, people, start_prices

STOCK_LINES = ("nvda", "msft", "googl", "tsm", "baba")


class DashboardScene(Scene):
    screen_id = "dashboard"

    def __init__(self, app: Any):
        super().__init__(app)
        self.anim = 1.0
        self.anim_turn = -1
        self.drawn = False
        self.static: pygame.Surface | None = None
        self.status = ""

    @property
    def session(self) -> Session:
        return self.app.session

    # --- widgets -------------------------------------------------------------------------------
    def build(self) -> None:
        session, lang = self.session, self.lang
        state, lab = session.state, session.lab()
        self.drawn = False
        if self.anim_turn != state.turn and state.series:
            self.anim, self.anim_turn = 0.0, state.turn
        # top bar
        total = len(session.game.rules.dates)
        self.label((16, 6, 560, 30), self.fit(f"{lab.name} — {self.t(f'side.{lab.side}')}", 550, "big", True),
                   "#heading")
        self.label((16, 34, 560, 22), self.t("ui.dash.when", date=month_year(state.date, lang), turn=state.turn + 1,
                                             total=total), "#small")
        ap = "●" * lab.action_points + "○" * max(0, session.game.scenario.action_points - lab.action_points)
        self.figure((580, 10, 340, 40), self.t("ui.dash.ap", dots=ap, n=lab.action_points), "action_points")
        self.button((930, 10, 100, 40), self.t("ui.dash.menu"), self.back, self.t("ui.key_tip", k="Esc"),
                    focus=False)
        self.button((1040, 10, 110, 40), self.t("ui.dash.save"), self.save, self.t("ui.key_tip", k="S"),
                    focus=False)
        self.button((1160, 10, 104, 40), self.t("ui.dash.help"), self.help, self.t("ui.key_tip", k="F1"),
                    focus=False)
        # figures
        x, y, w = 16, 72, 392
        rows: list[tuple[str, str]] = [
            (self.t("ui.fig.cash", value=m.money(lab.cash, lang)), "cash"),
            (runway_line(session, lang), "cash"),  # the engine's accounts played ahead at this rate
            (self.t("ui.fig.compute", value=hours(monthly_compute(session.game.rules, lab), lang)), "compute"),
            (self.t("ui.fig.capability", value=m.capability(lab.capability, lang),
                    released=m.capability(lab.released, lang) if lab.released else "—"), "capability"),
            (self.t("ui.fig.users", value=people(lab.users, lang)), "users"),
            (self.t("ui.fig.price", value=m.price(lab.price_cents, lang),
                    openness=self.t("msg.action.open" if lab.open_weights else "msg.action.closed")), "token"),
            (self.t("ui.fig.reputation", value=lab.reputation, gov=lab.gov_relations), "reputation"),
            (self.t("ui.fig.talent", value=lab.talent), "talent"),
        ]
        # beside the lab's own figures: the leading rival's compute (the record's fleets) and the cost gap
        versus = rival_compute_line(session.game.rules, state, lab, lang)
        if versus:
            rows.insert(2, (versus, "compute"))
        rows.append((cost_line(lab, lang), "gpu_hour"))
        if lab.run:
            done = 100 * lab.run.done_hours // max(1, lab.run.gpu_hours)
            rows.append((self.t("ui.fig.run", pct=done, hours=hours(lab.run.gpu_hours, lang),
                                chip=m.chip_name(session.game.content, lab.run.chip)), "gpu_hour"))
        else:
            rows.append((self.t("ui.fig.no_run"), "gpu_hour"))
        for project in lab.research:
            rows.append((self.t("ui.fig.research", tech=m.tech_name(session.game.content, project.tech, lang),
                                turns=project.turns_left), "research"))
        # The figures panel and the actions panel are columns: a line too long for the text size wraps
        # on to a second line, and a panel that no longer fits scrolls (large text, French).
        goal_title, goal_parts, leader = goal_lines(session, standing(session.game, state, lab.side), lang)

        def figures(col: Column) -> None:
            # the goal first, always in view: the score against the winning score (whole: on two lines
            # if the text size needs them), a gauge per part (one line each)
            col.text(goal_title, "#heading", "big", bold=True)
            for line in goal_parts:
                col.text(self.fit(line, col.width - 44), indent=6)
            self.figure(col, leader, "capability")
            col.skip(6)
            for text, term in rows:
                self.figure(col, text, term)
            # chips by type, banned ones marked by a word and a cross, not by colour
            col.skip(4)
            col.text(self.t("ui.fig.chips_title"), "#heading", "big")
            banned = set(state.world.banned) if lab.side == "cn" else set()
            owned = {**{c: 0 for c in lab.in_transit}, **lab.chips}
            for chip_id, count in sorted(owned.items(), key=lambda kv: -kv[1]):
                tag = f"  ✕ {self.t('ui.fig.banned')}" if chip_id in banned else ""
                transit = lab.in_transit.get(chip_id, 0)
                extra = "  " + self.t("ui.fig.in_transit", n=m.number(transit, lang)) if transit else ""
                self.figure(col, f"{m.chip_name(session.game.content, chip_id)} × {m.number(count, lang)}{tag}{extra}",
                            "export_control" if tag else "chips")
            for chip_id, hrs in sorted(lab.cloud_hours.items()):
                if hrs:
                    self.figure(col, self.t("ui.fig.cloud", chip=m.chip_name(session.game.content, chip_id),
                                            hours=hours(hrs, lang)), "cloud")

        # The figures panel and the actions panel are columns: a line too long for the text size wraps
        # on to a second line, and a panel that no longer fits scrolls (large text, French).
        Column.fill(self, (x - 4, y - 2, w + 12, 516), figures)
        # actions
        groups = action_groups(session, lang)
        ax, ay = 884, 66
        self.label((ax, ay, 380, 30), self.t("ui.dash.actions"), "#heading")
        ay += 32
        self.group_buttons = {}
        # While an event card waits, every action is refused for that one reason: say it once, as a
        # button that opens the card, instead of nine identical lines.
        waiting = any(p.side == state.active for p in state.pending)
        self.card_button = None
        if waiting:
            self.card_button = self.button((ax, ay, 380, 48), self.t("ui.dash.card_waiting"), self.open_card,
                                           self.t("ui.key_tip", k="Enter"), "#banner")
            ay += 56
        def actions(acts: Column) -> None:
            row_h = max(34, acts.line_height() + 6)
            for group in groups:
                cost = self.t("ui.dash.cost", n=group.kind.cost)
                text = f"{self.t(f'ui.act.{group.id}')} · {cost} [{group.key}]"
                tip = self.t(f"ui.act.{group.id}_tip") + "<br>" + self.t("ui.key_tip", k=group.key)
                if not group.enabled and not waiting:
                    tip = "⚠ " + group.reason + "<br>" + tip
                btn = self.button((0, acts.y, acts.width, row_h), self.fit(text, acts.width - 24),
                                  lambda g=group: self.open_group(g), tip, "#action", enabled=group.enabled,
                                  container=acts.container)
                acts.skip(row_h)
                self.group_buttons[group.id] = btn
                self.key(getattr(pygame, f"K_{group.key.lower()}"), lambda g=group: self.open_group(g))
                if not group.enabled and not waiting:
                    acts.text("⚠ " + group.reason, "#reason", "small", indent=6)
                    acts.skip(2)
                else:
                    acts.skip(18 if not waiting else 14)

        Column.fill(self, (ax - 4, ay, 392, 644 - ay), actions, gap=0)
        end = self.button((ax, 650, 380, 56), self.t("ui.end_turn") + "  [E]", self.end_turn,
                          self.t("ui.dash.end_turn_tip"), "#primary")
        self.key(pygame.K_e, self.end_turn)
        self.key(pygame.K_s, self.save)
        self.picture_buttons()
        if self.card_button is not None:
            self.focus.focus(self.card_button)
        elif not any(g.enabled for g in groups):
            self.focus.focus(end)
        # news feed (short: set_text on long texts is slow)
        news = note_lines(session, session.visible_notes(state.turn - 1) + session.visible_notes(state.turn), lang)
        lines = [f"• {line}" for line in news[-9:]] or [self.t("ui.dash.no_news")]
        if self.status:
            lines.insert(0, f"<b>{self.status}</b>")
        log = self.textbox((16, 596, 852, 112), "<br>".join(lines), "#small", long=True)
        if log.scroll_bar is not None:  # the log follows its newest line (older lines: scroll up)
            log.scroll_bar.set_scroll_from_start_percentage(1.0)
        self.static = None

    def figure(self, where: Column | tuple[int, int, int, int], text: str, term: str) -> Any:
        """A figure that opens its glossary entry; in a column it wraps on to more lines when long."""
        tip = glossary_tip(self.app.strings, term)
        if isinstance(where, Column):
            return where.buttons(text, lambda: self.help(term), tip, "#figure")[0]
        return self.button(where, self.fit(text, where[2] - 16), lambda: self.help(term), tip, "#figure", focus=True)

    def picture_buttons(self) -> None:
        """The chip map [W] and the race chart [V]: buttons in the share prices panel's title row."""
        right = 864  # the panel's inner right edge; each button as wide as its text (French, large text)
        for name, scene, k in reversed((("map", MapScene, pygame.K_w), ("race", RaceScene, pygame.K_v))):
            text = self.t(f"ui.{name}.button")
            w = self.text_width(text, "small") + 20
            right -= w
            self.button((right, 325, w, 26), text, lambda s=scene: self.app.push(s(self.app)),
                        self.t(f"ui.{name}.button_tip"), "#small", focus=False)
            self.key(k, lambda s=scene: self.app.push(s(self.app)))
            right -= 4

    # --- actions -------------------------------------------------------------------------------
    def open_group(self, group: Group, preset: a.Action | None = None) -> None:
        """An action button: the picker for its parameters (``preset`` chosen). Actions without
        parameters (raise money, lobby) open it too: it shows the engine's preview before "Do it"."""
        if not group.enabled:
            return
        self.app.push(PickerScene(self.app, group, self.submit, preset))

    def open_card(self) -> None:
        """Show the event card that waits for a decision (the banner's button)."""
        self.app.flow.open_card()

    def submit(self, action: a.Action | None) -> None:
        """Play ``action`` (``None``: the picker was cancelled) and show the lab after it."""
        if action is None:
            return
        self.status = self.app.flow.play(action)
        self.refresh()

    def refresh(self) -> None:
        """Build again to show a change; when a dialog still covers this screen, closing it will."""
        if self.app.top is self:
            self.app.rebuild()

    def end_turn(self) -> None:
        self.submit(a.EndTurn())

    def save(self) -> None:
        """Ask for a name (filled in with the scenario and date), then save to that slot."""
        state = self.session.state
        self.app.push(SaveScene(self.app, f"{state.scenario} {state.date[:7]}", self.save_as))

    def save_as(self, name: str | None) -> None:
        if name is None:
            return
        try:
            path = persist.save_to(self.session, name)
            self.status = self.t("ui.dash.saved", path=str(path))
        except Exception as exc:
            self.status = self.t("ui.dash.save_failed", reason=str(exc))
        self.refresh()

    def help(self, term: str | None = None) -> None:
        self.app.flow.help(term)

    def back(self) -> None:
        self.app.push(LeaveScene(self.app, self._leave))

    def _leave(self, yes: bool | None) -> None:
        if yes:
            self.app.flow.menu()

    def update(self, dt: float) -> bool:
        if self.drawn and self.app.flow.route():  # a card or a summary comes before play continues
            return True
        if self.anim < 1.0:
            self.anim = min(1.0, self.anim + dt / motion.DURATION) if motion.motion_on(self.app) else 1.0
            return True
        return False

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.static is None:
            self.static = self._render_static()
        surface.blit(self.static, (0, 0))
        self._draw_market(surface, pygame.Rect(420, 322, 452, 266))
        self.drawn = True

    def _render_static(self) -> pygame.Surface:
        session, lang = self.session, self.lang
        state, lab = session.state, session.lab()
        surf = pygame.Surface(theme.SIZE)
        surf.fill(theme.BG)
        pygame.draw.rect(surf, (232, 228, 218), (0, 0, 1280, 60))
        panel(surf, (8, 66, 408, 524))
        inner = panel(surf, (420, 66, 452, 250), self.t("ui.dash.rivals"))
        bars = [(self.t("ui.dash.you"), lab.capability, m.capability(lab.capability, lang), True)]
        for side, other in state.labs.items():
            if side != lab.side:
                bars.append((other.name, other.released, m.capability(other.released, lang), False))
        for rival in state.rivals:
            if rival.active:
                bars.append((rival.name, rival.capability, m.capability(rival.capability, lang), False))
        charts.bar_chart(surf, inner, bars[:8])
        panel(surf, (876, 60, 396, 584))
        return surf

    def _draw_market(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        session, lang = self.session, self.lang
        inner = panel(surface, rect, self.t("ui.dash.market"))
        # the legend on its own line under the title (it used to sit on top of a long French title)
        note = theme.font(12).render(self.t("ui.dash.market_note", date=self._start_month()), True, theme.MUTED)
        surface.blit(note, (inner.x + 2, inner.y - 2))
        inner = pygame.Rect(inner.x, inner.y + 16, inner.w, inner.h - 16)
        names = {s.id: s.label for s in session.game.content.world.stocks}
        ids = [i for i in STOCK_LINES if i in session.state.world.stocks]
        # the whole game, from the scenario's starting prices (= 100): 30 points still read well
        history = [start_prices(session)] + [s["stocks"] for s in session.state.series]
        if len(history) < 2:
            self._draw_start_prices(surface, inner, ids)
            return
        series = []
        for sid in ids:
            first = history[0].get(sid) or 1
            values = [100 * h.get(sid, first) / first for h in history]
            move = ""
            if history[-2].get(sid):
                pct = 100 * (history[-1][sid] - history[-2][sid]) / history[-2][sid]
                move = (" ▲" if pct > 0 else " ▼" if pct < 0 else " =") + self.t("ui.dash.pct", n=m.number(abs(pct),
                                                                                                   lang, 0))
            series.append((names.get(sid, sid) + move, values))
        charts.line_chart(surface, inner, series, lambda v: f"{v:.0f}", floor_zero=False,
                          progress=self.anim, min_span=20)

    def _start_month(self) -> str:
        dates = self.session.game.rules.dates
        return month_year(dates[0], self.lang) if dates else ""

    def _draw_start_prices(self, surface: pygame.Surface, rect: pygame.Rect, ids: list[str]) -> None:
        """Turn 1: no move yet, so show the starting prices instead of a flat line."""
        stocks = {s.id: s for s in self.session.game.content.world.stocks}
        prices = start_prices(self.session)
        f, bold = theme.font(14), theme.font(14, bold=True)
        y = rect.y + 4
        for sid in ids:
            stock = stocks.get(sid)
            surface.blit(bold.render(stock.label if stock else sid, True, theme.INK), (rect.x + 4, y))
            surface.blit(f.render(stock.name if stock else sid, True, theme.INK), (rect.x + 80, y))
            value = f.render(self._share_price(prices.get(sid, 0)), True, theme.INK)
            surface.blit(value, (rect.right - value.get_width() - 8, y))
            y += 24
        small = theme.font(12)
        lines = wrap_words(lambda s: small.size(s)[0], self.t("ui.dash.market_first_turn"), rect.w - 8)
        y = min(rect.bottom - small.get_linesize() * len(lines), y + 8)
        for line in lines:  # the note wraps: a projector's 16 px letters do not fit one line
            surface.blit(small.render(line, True, theme.MUTED), (rect.x + 4, y))
            y += small.get_linesize()

    def _share_price(self, cents: int) -> str:
        return self.t("ui.dash.share_price", value=m.number(cents / 100, self.lang, 2))
