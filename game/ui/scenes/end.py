"""The end of the game: outcome, score and its parts, charts, the player's timeline against the
historical one, and "export results" (the same document as ``run --json``)."""

from __future__ import annotations

from typing import Any

import pygame

from game import messages as m
from game.ui import charts, persist, theme
from game.ui.scene import Scene, panel
from game.ui.session import Session


class EndScene(Scene):
    screen_id = "end"

    def __init__(self, app: Any):
        super().__init__(app)
        self.exported = ""

    @property
    def session(self) -> Session:
        return self.app.session

    def build(self) -> None:
        from game.results import build_result

        session, lang = self.session, self.lang
        state = session.state
        result = build_result(session.game, state, session.actions, session.policies, lang)
        side = session.humans[0]
        lines = []
        for s in session.humans:
            info = result["sides"][s]
            lines.append(self.t("ui.end.outcome", side=self.t(f"side.{s}"), result=self.t(f"outcome.{info['outcome']}"),
                                score=info["score"]["total"]))
        self.label((20, 10, 1240, 40), " · ".join(lines), "#title")
        reason = state.outcome.reason if state.outcome else "calendar"
        self.label((20, 50, 800, 24), self.t("ui.end.reason", reason=self.t(f"outcome.reason.{reason}")), "#small")
        parts = result["sides"][side]["score"]["parts"]
        goals = {g.kind: g.weight for g in session.game.scenario.goals}
        text = "<br>".join(f"<b>{self.t(f'goal.{k}')}</b>: {v} / {goals.get(k, '?')}" for k, v in parts.items())
        self.label((20, 84, 380, 24), self.t("ui.end.parts"), "#heading")
        self.textbox((20, 110, 380, 150), text)
        # timeline: what the player chose vs what happened historically
        rows = []
        for ev in result["events"]:
            if ev["side"] not in session.humans or not ev["choice"]:
                continue
            event = session.game.rules.events_by_id[ev["id"]]
            hist = next((c for c in event.choices if c.historical), None)
            mine = next((c for c in event.choices if c.id == ev["choice"]), None)
            pick = self.app.strings.pick
            same = hist is not None and hist.id == ev["choice"]
            verdict = (self.t("ui.end.same") if same else
                       self.t("ui.end.history", choice=pick(hist.label)) if hist else "")
            rows.append(f"<b>{ev['date'][:7]}</b> {ev['title']}: {pick(mine.label) if mine else ev['choice']}. "
                        f"<i>{verdict}</i>")
        self.label((20, 270, 380, 24), self.t("ui.end.timeline"), "#heading")
        self.textbox((20, 296, 380, 340), "<br>".join(rows) or self.t("ui.end.no_choices"), "#small")
        self.button((20, 656, 240, 48), self.t("ui.end.export"), self.export, self.t("ui.end.export_tip"), "#primary")
        self.button((1040, 656, 220, 48), self.t("ui.end.menu"), self.back, self.t("ui.key_tip", k="Esc"))
        self.export_label = self.label((280, 662, 740, 36), self.exported, "#small")

    def export(self) -> None:
        try:
            path = persist.export_result(self.session, self.lang)
            self.exported = self.t("ui.end.exported", path=str(path))
        except persist.PersistError as exc:
            self.exported = self.t("ui.end.export_failed", reason=str(exc))
        self.export_label.set_text(self.exported)

    def back(self) -> None:
        from game.ui.scenes.menu import MenuScene

        self.app.session = None
        self.app.reset(MenuScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        session, lang = self.session, self.lang
        if session is None:
            return
        series = session.state.series
        sides = session.humans
        names = {s: self.t(f"side.{s}") for s in sides}

        def lab_series(field: str, scale: float = 1.0) -> list[tuple[str, list[float]]]:
            return [(names[s], [row["labs"][s][field] / scale for row in series if s in row["labs"]]) for s in sides]

        boxes = [pygame.Rect(412, 84, 420, 270), pygame.Rect(844, 84, 420, 270), pygame.Rect(412, 366, 420, 270),
                 pygame.Rect(844, 366, 420, 270)]
        cap = [*lab_series("capability", 100), (self.t("ui.end.frontier"), [row["frontier"] / 100 for row in series])]
        inner = panel(surface, boxes[0], self.t("ui.end.chart_capability"))
        charts.line_chart(surface, inner, cap, lambda v: m.number(v, lang), label_width=90)
        inner = panel(surface, boxes[1], self.t("ui.end.chart_cash"))
        charts.line_chart(surface, inner, lab_series("cash"), lambda v: m.money(int(v), lang), label_width=90)
        inner = panel(surface, boxes[2], self.t("ui.end.chart_users"))
        charts.line_chart(surface, inner, lab_series("users"), lambda v: m.money(int(v), lang).replace("$", ""),
                          label_width=90)
        inner = panel(surface, boxes[3], self.t("ui.end.chart_stocks"))
        tickers = {s.id: s.ticker for s in session.game.content.world.stocks}
        stock_series = []
        for sid in ("nvda", "msft", "googl", "tsm"):
            values = [row["stocks"].get(sid, 0) / 100 for row in series]
            if values and values[0]:
                stock_series.append((tickers.get(sid, sid), [100 * v / values[0] for v in values]))
        charts.line_chart(surface, inner, stock_series, lambda v: f"{v:.0f}", floor_zero=False, label_width=60)
