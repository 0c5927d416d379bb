"""The race chart: the frontier and each lab's best model over the game's calendar, the viewer's line
thick, releases marked on the lines, the real releases of the record (GPT-4, o1, V3, R1) as grey
lines where the scenario follows history. The numbers are in the panel on the right and on hover.
It reads the state only (``game.ui.racedata``)."""

from __future__ import annotations

import itertools

import pygame

from game import messages as m
from game.ui import charts, theme
from game.ui.racedata import Line, RaceView, race_view
from game.ui.scene import panel
from game.ui.scenes.chipmap import dashed
from game.ui.scenes.picture import PictureScene
from game.ui.view import month_year

CHART_RECT = pygame.Rect(16, 66, 880, 560)
SIDE_RECT = pygame.Rect(908, 66, 360, 644)
HISTORY = (150, 150, 150)
#: Colours and shapes of the other lines (the viewer's is blue with circles, the other player's vermilion),
#: in an order that keeps the first ones apart under deuteranopia (green and pink look alike then).
OTHERS = tuple(zip((theme.ORANGE, theme.SKY, theme.GREEN, theme.BLACK, theme.PINK, (120, 94, 240)),
                   ("triangle_open", "square_open", "square", "cross", "diamond", "circle_open"), strict=True))
#: Lines in these colours are drawn with long dashes, so they stay apart from the green one for deuteranopes.
LONG_DASHES = (theme.PINK, (120, 94, 240))


class RaceScene(PictureScene):
    screen_id = "race"
    title_key = "ui.race.title"

    def view(self) -> RaceView:
        session = self.app.session
        return race_view(session.state, session.viewer, session.visible_notes())

    def styles(self, view: RaceView) -> dict[str, tuple[tuple[int, int, int], str, int]]:
        """(colour, marker, width) of each line: the viewer thick blue, the frontier black, rivals in turn."""
        out: dict[str, tuple[tuple[int, int, int], str, int]] = {}
        others = iter(OTHERS * 3)
        for line in view.lines:
            if line.kind == "frontier":
                out[line.id] = (theme.INK, "", 2)
            elif line.mine:
                out[line.id] = (theme.BLUE, "circle", 5)
            elif line.kind == "lab":
                out[line.id] = (theme.VERMILION, "triangle", 3)
            else:
                colour, shape = next(others)
                out[line.id] = (colour, shape, 2)
        return out

    def name(self, line: Line) -> str:
        return self.t("ui.race.frontier") if line.kind == "frontier" else line.name

    def paint_base(self, surface: pygame.Surface) -> None:
        session = self.app.session
        self.current = self.view()
        self.heading(surface, self.t("ui.race.subtitle", date=month_year(session.state.date, self.lang)))
        panel(surface, CHART_RECT, None)
        self.wrapped(surface, self.t("ui.race.legend"), pygame.Rect(16, 636, 880, 70), 13, colour=theme.MUTED)
        self.draw_figures(surface, self.current)

    def paint_moving(self, surface: pygame.Surface, progress: float) -> None:
        """The chart, its lines' last step growing (where each lab got to this turn)."""
        self.draw_chart(surface, CHART_RECT.inflate(-16, -12), self.current, progress)

    def draw_chart(self, surface: pygame.Surface, rect: pygame.Rect, view: RaceView, progress: float) -> None:
        lang = self.lang
        calendar = self.app.session.game.rules.dates
        n = max(len(calendar), len(view.dates), 2)
        values = [v for line in view.lines for v in line.values if v is not None]
        lo, hi = charts.nice_range(values, floor_zero=False, min_span=1000)
        lo, hi = lo - (hi - lo) * 0.05, hi + (hi - lo) * 0.08
        label_w = round(175 * self.scale)  # "Google DeepMind" at 16 px
        plot = pygame.Rect(rect.x + 64, rect.y + 30, rect.w - 64 - label_w - 20, rect.h - 64)

        def x_of(i: float) -> float:
            return plot.x + plot.w * i / (n - 1)

        def y_of(v: float) -> float:
            return plot.bottom - (v - lo) / (hi - lo) * plot.h

        # grid, values and years
        for i in range(5):
            v = lo + (hi - lo) * i / 4
            y = y_of(v)
            pygame.draw.line(surface, (228, 228, 228), (plot.x, y), (plot.right, y))
            self.text(surface, m.capability(round(v), lang), (plot.x - 6, y), 13, colour=theme.MUTED,
                      anchor="midright", width=58)
        self.text(surface, self.t("ui.race.axis"), (plot.x - 60, rect.y + 4), 13, colour=theme.MUTED, width=300)
        pygame.draw.line(surface, theme.MUTED, plot.bottomleft, plot.bottomright)
        last_year = ""
        for i, date in enumerate(calendar):
            if date[:4] != last_year:
                last_year = date[:4]
                pygame.draw.line(surface, theme.MUTED, (x_of(i), plot.bottom), (x_of(i), plot.bottom + 5))
                self.text(surface, last_year, (x_of(i), plot.bottom + 7), 13, colour=theme.MUTED, anchor="midtop")
        # the record's real releases: grey vertical lines with their names
        for k, mark in enumerate(view.history):
            x = x_of(min(mark.turn, n - 1))
            pygame.draw.line(surface, HISTORY, (x, plot.y), (x, plot.bottom), 2)
            rect_h = self.text(surface, mark.label, (x + 3, plot.y - 2 + 15 * (k % 2)), 13, bold=True,
                               colour=theme.MUTED, width=80)
            self.tip(rect_h.union(pygame.Rect(x - 3, plot.y, 6, plot.h)), self.t(
                "ui.race.history_line", date=month_year(view.dates[min(mark.turn, len(view.dates) - 1)], lang),
                name=mark.label))
        styles = self.styles(view)
        ends: list[tuple[float, str, tuple[int, int, int], str]] = []
        for line in reversed(view.lines):  # the viewer's line last: on top
            colour, shape, width = styles[line.id]
            pts = [(x_of(i), y_of(v)) for i, v in enumerate(line.values) if v is not None]
            if progress < 1 and len(pts) >= 2:
                (x0, y0), (x1, y1) = pts[-2], pts[-1]
                pts[-1] = (x0 + (x1 - x0) * progress, y0 + (y1 - y0) * progress)
            if len(pts) >= 2:
                if line.kind == "frontier" or colour in LONG_DASHES:
                    for a, b in itertools.pairwise(pts):
                        dashed(surface, colour, a, b, width, dash=5 if line.kind == "frontier" else 12)
                else:
                    pygame.draw.lines(surface, colour, False, pts, width)
            if pts:
                if shape:
                    charts.marker(surface, shape, pts[-1], colour, 5 if line.mine else 4)
                ends.append((pts[-1][1], self.name(line), colour, shape))
        for mark in view.releases:
            colour, _, _ = styles.get(mark.line, (theme.INK, "", 1))
            if mark.capability is None:
                continue
            x, y = x_of(min(mark.turn, n - 1)), y_of(mark.capability)
            pygame.draw.polygon(surface, colour, [(x, y - 7), (x - 6, y + 4), (x + 6, y + 4)])
            pygame.draw.polygon(surface, theme.INK, [(x, y - 7), (x - 6, y + 4), (x + 6, y + 4)], 1)
            name = next((self.name(line) for line in view.lines if line.id == mark.line), "")
            self.tip((x - 7, y - 8, 14, 14), self.t("ui.race.release_line", date=month_year(
                view.dates[min(mark.turn, len(view.dates) - 1)], lang), name=name, value=m.capability(
                mark.capability, lang)))
        # names at the line ends, pushed apart
        ends.sort()
        ys: list[float] = []
        for y, *_ in ends:
            ys.append(max(y, ys[-1] + 17) if ys else y)
        over = (ys[-1] - plot.bottom) if ys else 0
        if over > 0:
            ys = [y - over for y in ys]
        x_end = plot.right
        for y, (_, name, colour, shape) in zip(ys, ends, strict=False):
            if shape:
                charts.marker(surface, shape, (x_end + 12, y), colour, 4)
            else:
                dashed(surface, colour, (x_end + 4, y), (x_end + 20, y), 2, dash=4)
            self.text(surface, name, (x_end + 24, y), 13, bold=name == self.app.session.lab().name, anchor="midleft",
                      width=rect.right - int(x_end) - 30)

    def draw_figures(self, surface: pygame.Surface, view: RaceView) -> None:
        inner = panel(surface, SIDE_RECT, None)
        lang = self.lang
        y = self.wrapped(surface, self.t("ui.race.figures"), inner, 16, bold=True) + 4
        frontier = next((line for line in view.lines if line.kind == "frontier"), None)
        mine = next((line for line in view.lines if line.mine), None)
        if frontier and mine and frontier.values[-1] is not None and mine.values[-1] is not None:
            gap = frontier.values[-1] - mine.values[-1]
            text = self.t("ui.race.gap", gap=m.capability(gap, lang)) if gap > 0 else self.t("ui.race.lead")
            y = self.wrapped(surface, text, pygame.Rect(inner.x, y, inner.w, 60), 14, bold=True) + 4
        for line in view.lines:
            known = [v for v in line.values if v is not None]
            if not known:
                continue
            text = self.t("ui.race.line_figure", name=self.name(line), value=m.capability(known[-1], lang),
                          start=m.capability(known[0], lang))
            y = self.wrapped(surface, "• " + text, pygame.Rect(inner.x, y, inner.w, inner.bottom - y), 13,
                             bold=line.mine)
        y += 6
        if view.history:
            for mark in view.history:
                date = month_year(view.dates[min(mark.turn, len(view.dates) - 1)], lang)
                y = self.wrapped(surface, "• " + self.t("ui.race.history_line", date=date, name=mark.label),
                                 pygame.Rect(inner.x, y, inner.w, inner.bottom - y), 13, colour=theme.MUTED)
        else:
            # None yet: either the game leaves history, or the first real release is still to come.
            key = "ui.race.no_release_yet" if self.app.session.game.rules.history else "ui.race.no_history"
            y = self.wrapped(surface, self.t(key), pygame.Rect(inner.x, y, inner.w, inner.bottom - y),
                             13, colour=theme.MUTED)
