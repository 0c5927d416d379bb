"""The end of the game: outcome, score and its parts, charts (with DeepSeek's real releases and
Nvidia's real price beside the game's), the player's timeline against the historical one, what the lab
would announce for its last run against what it really spent, and "export results": the result
document (the same as ``run --json``) where a teacher collects it, with the HTML debrief next to it,
which the player can open at once."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pygame
from pygame_gui.core import ObjectID

from game import messages as m
from game.engine.scoring import lab_bands, lab_goals
from game.report.history import deepseek_at, nvda_at, real_path
from game.results import build_result
from game.ui import charts, persist, theme
from game.ui.costview import cost_line
from game.ui.scene import Scene, panel
from game.ui.scenes.folders import export_to_folder
from game.ui.session import Session
from game.ui.view import month_year, people


def choice_lines(session: Session, result: dict[str, Any], t: Any, pick: Any, lang: str) -> list[str]:
    """The player's decisions on event cards next to what happened historically, one line each.

    Lines are composed from the ``ui.end.choice_line`` template of the language, so punctuation
    follows its rules (French: a narrow no-break space before ":").
    """
    rows = []
    for ev in result["events"]:
        if ev["side"] not in session.humans or not ev["choice"]:
            continue
        event = session.game.rules.events_by_id[ev["id"]]
        hist = next((c for c in event.choices if c.historical), None)
        mine = next((c for c in event.choices if c.id == ev["choice"]), None)
        same = hist is not None and hist.id == ev["choice"]
        verdict = t("ui.end.same") if same else t("ui.end.history", choice=pick(hist.label)) if hist else ""
        line = t("ui.end.choice_line", date=month_year(ev["date"], lang), title=ev["title"],
                 choice=pick(mine.label) if mine else ev["choice"], verdict=verdict)
        if len(session.humans) > 1:  # hot-seat: say whose decision it was
            line = t("ui.end.choice_by", side=t(f"ui.end.short_{ev['side']}"), line=line)
        rows.append(line)
    return rows


class EndScene(Scene):
    screen_id = "end"

    def __init__(self, app: Any):
        super().__init__(app)
        self.exported = ""
        self.debrief: Path | None = None

    @property
    def session(self) -> Session:
        return self.app.session

    def build(self) -> None:
        session, lang = self.session, self.lang
        state = session.state
        result = build_result(session.game, state, session.actions, session.policies, lang)
        side = session.humans[0]
        lines = []
        for s in session.humans:
            info = result["sides"][s]
            lines.append(self.t("ui.end.outcome", side=self.t(f"side.{s}"), result=self.t(f"outcome.{info['outcome']}"),
                                score=info["score"]["total"]))
        title = " · ".join(lines)
        # two outcomes do not fit in the title size: fall back to the heading size rather than cut them
        fits = theme.font(theme.font_sizes(self.scale)["title"], bold=True).size(title)[0] <= 1230
        self.label((20, 10, 1240, 40), title, "#title" if fits else "#heading")
        reason = state.outcome.reason if state.outcome else "calendar"
        self.label((20, 46, 1240, 24), self.t("ui.end.reason", reason=self.t(f"outcome.reason.{reason}")), "#small")
        bands = lab_bands(session.game.scenario, side)
        if bands and result["sides"][side]["band_label"]:  # the band reached, and the scenario's thresholds
            pick = self.app.strings.pick
            scale = ", ".join(self.t("ui.end.band_from", band=pick(b.label), score=b.min_score) if b.min_score
                              else pick(b.label) for b in bands)
            band = self.t("ui.end.band", band=result["sides"][side]["band_label"], bands=scale)
            self.label((20, 72, 1240, 24), band, "#small")
        parts = result["sides"][side]["score"]["parts"]
        goals = {g.kind: g.weight for g in lab_goals(session.game.scenario, side)}
        text = "<br>".join(self.t("ui.end.part_line", name=self.t(f"goal.{k}"), value=v, weight=goals.get(k, "?"))
                           for k, v in parts.items())
        # The left column: the score's parts whole (the box as tall as its lines), then the history and
        # the costs explained, two long texts sharing the rest (they scroll)
        self.label((20, 106, 380, 24), self.t("ui.end.parts"), "#heading")
        top = self.textbox((20, 132, 380, -1), text).rect.bottom + 8
        each = (644 - top - 2 * 26 - 8) // 2
        # timeline: what the player chose vs what happened historically
        rows = choice_lines(session, result, self.t, self.app.strings.pick, lang)
        self.label((20, top, 380, 24), self.t("ui.end.timeline"), "#heading")
        self.textbox((20, top + 26, 380, each), "<br>".join(rows) or self.t("ui.end.no_choices"), "#small", long=True)
        # what the lab would announce for its last run, what it really spent, and why they differ
        top += 26 + each + 8
        costs = "<br>".join(cost_line(session.state.labs[s], lang) for s in session.humans)
        self.label((20, top, 380, 24), self.t("ui.end.costs"), "#heading")
        self.textbox((20, top + 26, 380, 644 - top - 26), costs + "<br>" + self.t("report.costs.explain"), "#small",
                     long=True)
        self.button((20, 650, 300, 56), self.t("ui.end.export"), self.export, self.t("ui.end.export_tip"), "#primary")
        self.button((330, 650, 190, 56), self.t("folders.export_to"), lambda: export_to_folder(self),
                    self.t("folders.export_to_tip"))
        self.open_button = self.button((530, 650, 200, 56), self.t("ui.end.open_debrief"), self.open_debrief,
                                       self.t("ui.end.open_debrief_tip"), enabled=self.debrief is not None)
        self.button((1060, 650, 200, 56), self.t("ui.end.menu"), self.back, self.t("ui.key_tip", k="Esc"))
        # under the charts, one line: what export does, or where it wrote (paths: as long as they are)
        self.export_box = self.textbox((412, 606, 852, 38), self.exported or self.t("ui.end.export_hint"),
                                       ObjectID(class_id="@wrapped", object_id="#small"), long=bool(self.exported))

    @property
    def scale(self) -> float:
        return theme.TEXT_SCALES[self.app.settings.text_size]

    def export(self) -> None:
        """Write the result document and the debrief next to it; say where both went."""
        session = self.session
        try:
            path = persist.export_result(session, self.lang)
        except persist.PersistError as exc:
            self.exported = self.t("ui.end.export_failed", reason=str(exc))
            self.app.rebuild()
            return
        try:
            self.debrief = persist.export_debrief(session, path, self.lang)
            self.exported = self.t("ui.end.exported_both", path=str(path), debrief=str(self.debrief))
        except persist.PersistError as exc:
            self.debrief = None
            self.exported = self.t("ui.end.exported", path=str(path)) + "<br>" + self.t(
                "ui.end.debrief_failed", reason=str(exc))
        self.app.rebuild()

    def open_debrief(self) -> None:
        """Open the debrief in the web browser (does nothing harmful where there is none)."""
        if self.debrief is None:
            return
        if not persist.open_in_browser(self.debrief):
            self.exported = self.t("ui.end.no_browser", path=str(self.debrief))
            self.app.rebuild()

    def back(self) -> None:
        self.app.flow.menu()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        session, lang = self.session, self.lang
        if session is None:
            return
        series = session.state.series
        sides = session.humans
        # short names: the chart's right margin holds them
        names = {s: self.t(f"ui.end.short_{s}") if len(sides) > 1 else self.t("ui.dash.you") for s in sides}

        def lab_series(field: str, scale: float = 1.0) -> list[tuple[str, list[float]]]:
            return [(names[s], [row["labs"][s][field] / scale for row in series if s in row["labs"]]) for s in sides]

        boxes = [pygame.Rect(412, 108, 420, 242), pygame.Rect(844, 108, 420, 242), pygame.Rect(412, 358, 420, 242),
                 pygame.Rect(844, 358, 420, 242)]
        dates = [row["date"] for row in series]
        real = real_path()
        cap = [*lab_series("capability", 100), (self.t("ui.end.frontier"), [row["frontier"] / 100 for row in series])]
        deepseek = [v / 100 for v in deepseek_at(real, dates)]
        if any(not math.isnan(v) for v in deepseek):  # DeepSeek's real releases, beside the game's labs
            cap.append((self.t("report.chart.deepseek_real"), deepseek))
        inner = panel(surface, boxes[0], self.t("ui.end.chart_capability"))
        charts.line_chart(surface, inner, cap, lambda v: m.number(v, lang))
        inner = panel(surface, boxes[1], self.t("ui.end.chart_cash"))
        charts.line_chart(surface, inner, lab_series("cash"), lambda v: m.money(int(v), lang))
        inner = panel(surface, boxes[2], self.t("ui.end.chart_users"))
        charts.line_chart(surface, inner, lab_series("users"), lambda v: people(int(v), lang), min_span=1000)
        inner = panel(surface, boxes[3], self.t("ui.end.chart_stocks"))
        tickers = {s.id: s.label for s in session.game.content.world.stocks}
        stock_series = []
        for sid in ("nvda", "msft", "googl", "tsm"):
            values = [row["stocks"].get(sid, 0) / 100 for row in series]
            if values and values[0]:
                stock_series.append((tickers.get(sid, sid), [100 * v / values[0] for v in values]))
        closes = nvda_at(real, dates)
        if closes and not math.isnan(closes[0]):  # Nvidia's real price on the same index
            stock_series.append((self.t("report.chart.nvda_real"), [100 * c / closes[0] for c in closes]))
        charts.line_chart(surface, inner, stock_series, lambda v: f"{v:.0f}", floor_zero=False)
