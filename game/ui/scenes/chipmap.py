"""The chip map: a stylized board of the regions of the chip race, with the viewer's chips flowing
from where they are made (arrows as wide as what arrived lately), the export bans as barriers
(dashed when announced, solid when in force), the grey-market route through Southeast Asia with its
seizure risk, and each lab at home sized by its compute. Every figure is also listed in the panel on
the right and shown on hover. It reads the state only (``game.ui.mapdata``)."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pygame

from game import messages as m
from game.ui import theme
from game.ui.layout import wrap_words
from game.ui.mapdata import Board, MapView, load_board, map_view, recent_notes
from game.ui.scene import panel
from game.ui.scenes.picture import PictureScene
from game.ui.view import hours, month_year

SEA = (224, 233, 240)
LAND = (240, 235, 224)
HOME = (226, 216, 196)
COAST = (150, 140, 122)
ROUTE = (110, 110, 110)
#: Colours (Okabe-Ito) — each also has its own shape: arrows, bars (solid or dashed), dots, circles.
FLOW, BAN, ANNOUNCED, GREY_ROUTE = theme.BLUE, theme.VERMILION, theme.ORANGE, theme.PINK
MAP_RECT = pygame.Rect(16, 72, 880, 448)
SIDE_RECT = pygame.Rect(908, 66, 360, 644)


class MapScene(PictureScene):
    screen_id = "map"
    title_key = "ui.map.title"

    def __init__(self, app: Any):
        super().__init__(app)
        self.board: Board = load_board()
        # a smaller board leaves the legend room for its lines at 16 px and more (two lines each)
        self.rect = MAP_RECT.inflate(0, -60).move(0, -30)

    @property
    def view(self) -> MapView:
        session = self.app.session
        return map_view(session.state, session.game.rules, session.game.content, session.viewer,
                        recent_notes(session.visible_notes(), session.state.turn), self.board)

    # --- geometry ------------------------------------------------------------------------------
    def point(self, xy: tuple[float, float]) -> tuple[float, float]:
        """A board point on the screen: the board scaled to fit the map's rectangle, centred in it."""
        k = min(self.rect.w / self.board.size[0], self.rect.h / self.board.size[1])
        dx, dy = (self.rect.w - self.board.size[0] * k) / 2, (self.rect.h - self.board.size[1] * k) / 2
        return self.rect.x + dx + xy[0] * k, self.rect.y + dy + xy[1] * k

    def anchor(self, region: str) -> tuple[float, float]:
        reg = self.board.regions.get(region)
        return self.point(reg.anchor) if reg else self.rect.center

    def port(self, region: str) -> tuple[float, float]:
        reg = self.board.regions.get(region)
        return self.point(reg.port) if reg else self.rect.center

    # --- the picture ---------------------------------------------------------------------------
    def paint_base(self, surface: pygame.Surface) -> None:
        session = self.app.session
        self.heading(surface, self.t("ui.map.subtitle", date=month_year(session.state.date, self.lang)))
        self.current = self.view
        self.queued: list[tuple[list[str], str, tuple[float, float]]] = []
        self.draw_board(surface)
        self.draw_barriers(surface, self.current)
        self.draw_grey(surface, self.current)
        self.callouts(surface)
        self.draw_legend(surface, pygame.Rect(16, self.rect.bottom + 8, 880, 710 - self.rect.bottom - 8))
        self.draw_figures(surface, self.current)

    def paint_moving(self, surface: pygame.Surface, progress: float) -> None:
        """The labs' circles grow to their compute and the arrows run to them, counting what arrived."""
        homes = self.draw_markers(surface, self.current, progress)
        self.draw_flows(surface, self.current, homes, progress)

    def draw_board(self, surface: pygame.Surface) -> None:
        pygame.draw.rect(surface, SEA, self.rect, border_radius=8)
        home = self.board.homes.get(self.app.session.viewer)
        for region in self.board.regions.values():
            points = [self.point(p) for p in region.polygon]
            pygame.draw.polygon(surface, HOME if region.id == home else LAND, points)
            pygame.draw.polygon(surface, COAST, points, 2 if region.id == home else 1)
            x, y, anchor = region.label
            self.text(surface, self.t(f"ui.map.region.{region.id}"), self.point((x, y)), 13, bold=region.id == home,
                      colour=theme.MUTED, anchor=anchor, width=230)

    def draw_markers(self, surface: pygame.Surface, view: MapView, progress: float) -> dict[str, tuple[int, int]]:
        """Labs at home, one row each (a circle sized by compute, or open for a rival, its name on the
        left); the viewer's lab is the bottom row, where the arrows arrive. Returns where each played
        lab's circle sits."""
        top = max((mk.compute or 0) for mk in view.markers) or 1
        where: dict[str, tuple[int, int]] = {}
        by_region: dict[str, list[Any]] = {}
        for mk in sorted(view.markers, key=lambda mk: mk.mine):
            by_region.setdefault(mk.region, []).append(mk)
        for region, markers in by_region.items():
            ax, ay = self.anchor(region)
            radii = [5 + 17 * math.sqrt(mk.compute / top) * progress if mk.compute is not None else 6
                     for mk in markers]
            heights = [max(18, 2 * r + 4) for r in radii]
            y = ay - sum(heights) / 2
            for mk, r, h in zip(markers, radii, heights, strict=True):
                cx, cy = int(ax), int(y + h / 2)
                if mk.compute is None:
                    pygame.draw.circle(surface, theme.INK, (cx, cy), int(r), 2)
                else:
                    colour = theme.BLUE if mk.mine else theme.VERMILION
                    pygame.draw.circle(surface, colour, (cx, cy), max(3, int(r)))
                    pygame.draw.circle(surface, theme.INK, (cx, cy), max(3, int(r)), 3 if mk.mine else 1)
                    where[mk.side] = (cx, cy)
                label = self.text(surface, mk.name, (cx - 30, cy), 13, bold=mk.mine, anchor="midright", width=150)
                self.tip(label.union(pygame.Rect(cx - r, cy - r, 2 * r, 2 * r)),
                         self.t("ui.map.lab_line", name=mk.name, figure=self.figure(mk)))
                y += h
        return where

    def figure(self, mk: Any) -> str:
        if mk.compute is None:
            return self.t("ui.map.rival_figure", capability=m.capability(mk.capability, self.lang))
        return self.t("ui.map.lab_figure", compute=hours(mk.compute, self.lang),
                      capability=m.capability(mk.capability, self.lang))

    def _path_points(self, path: tuple[str, ...], end: tuple[int, int] | None) -> list[tuple[float, float]]:
        points = [self.port(r) for r in path]
        if end is not None:
            points[-1] = end
        if len(points) == 1:  # made at home: a short arrow from inside the region
            x, y = points[0]
            points.insert(0, (x - 70, y + 70))
        return points

    def draw_flows(self, surface: pygame.Surface, view: MapView, homes: dict[str, tuple[int, int]],
                   progress: float) -> None:
        """One route per path (chips made in the same place travel together): a thin dashed leg from
        where they were designed, then an arrow as wide as what arrived, with how many of which."""
        content = self.app.session.game.content
        end = homes.get(self.app.session.viewer)
        routes: dict[tuple[str, ...], list[Any]] = {}
        for flow in view.flows:
            routes.setdefault(flow.path, []).append(flow)
        top = max((sum(f.arrived for f in flows) for flows in routes.values()), default=0) or 1
        for path, flows in routes.items():
            points = self._path_points(path, end)
            for a, b in itertools.pairwise(points):  # designed -> made: a thin dashed leg
                dashed(surface, ROUTE, a, b, 1)
            arrived = sum(f.arrived for f in flows)
            a, b = points[-2], points[-1]
            b = (a[0] + (b[0] - a[0]) * progress, a[1] + (b[1] - a[1]) * progress)
            if not arrived:
                dashed(surface, FLOW, a, b, 2)
                continue
            arrow(surface, FLOW, a, b, 2 + round(10 * math.sqrt(arrived / top)))
            parts = [self.t("ui.map.arrived", n=m.number(round(f.arrived * progress), self.lang),
                            chip=m.chip_name(content, f.chip)) for f in flows if f.arrived]
            rect = self.text(surface, ", ".join(parts[:2]) + (" …" if len(parts) > 2 else ""), (a[0] - 8, a[1]), 13,
                             bold=True, anchor="midright", width=260, boxed=True)
            self.tip(rect, " · ".join(self.flow_line(f) for f in flows if f.arrived))

    def flow_line(self, flow: Any) -> str:
        content = self.app.session.game.content
        route = " → ".join(self.t(f"ui.map.region.{r}") for r in flow.path)
        return self.t("ui.map.flow_line", chip=m.chip_name(content, flow.chip), maker=flow.maker or "?",
                      arrived=m.number(flow.arrived, self.lang), owned=m.number(flow.owned, self.lang), route=route)

    def callout(self, surface: pygame.Surface, lines: list[str], where: str, target: tuple[float, float]) -> None:
        """Queue a box of text for the open sea, with a thin line to ``target`` (drawn by :meth:`callouts`)."""
        self.queued.append((lines, where, target))

    def callouts(self, surface: pygame.Surface) -> None:
        """The queued boxes at the board's callout points (their top right), one under the other when long,
        and raised together when the last would leave the map."""
        step = round(17 * self.scale)
        boxes = []
        bottom = 0
        for lines, where, target in self.queued:
            x, y = self.point(self.board.callouts[where])
            box = pygame.Rect(0, 0, 250, 8 + step * len(lines))
            box.topright = (int(x), int(max(y, bottom + 8)))
            bottom = box.bottom
            boxes.append((box, lines, target))
        rise = max(0, bottom - (self.rect.bottom - 6))
        for box, lines, target in boxes:
            self.draw_callout(surface, box.move(0, -rise), lines, target, step)
        self.queued = []

    def draw_callout(self, surface: pygame.Surface, box: pygame.Rect, lines: list[str], target: tuple[float, float],
                     step: int) -> None:
        pygame.draw.line(surface, theme.MUTED, (box.right, box.centery), target, 1)
        pygame.draw.rect(surface, theme.PANEL, box, border_radius=5)
        pygame.draw.rect(surface, theme.MUTED, box, 1, border_radius=5)
        for i, line in enumerate(lines):
            rect = self.text(surface, line, (box.x + 8, box.y + 4 + step * i), 13, bold=i == 0, width=box.w - 14)
            self.tip(rect, line)

    def draw_barriers(self, surface: pygame.Surface, view: MapView) -> None:
        content = self.app.session.game.content
        for k, barrier in enumerate(view.barriers):
            a, b = self.port(barrier.route[0]), self.port(barrier.route[1])
            dashed(surface, ROUTE, a, b, 1)
            # the barrier stands on the route, halfway
            cx, cy = a[0] + (b[0] - a[0]) * 0.5, a[1] + (b[1] - a[1]) * 0.5
            dx, dy = b[0] - a[0], b[1] - a[1]
            norm = math.hypot(dx, dy) or 1
            px, py = -dy / norm * 20, dx / norm * 20
            lines = []
            if barrier.in_force:
                pygame.draw.line(surface, BAN, (cx - px, cy - py), (cx + px, cy + py), 8)
                self.text(surface, "✕", (cx, cy), 16, bold=True, colour=theme.PANEL, anchor="center")
                names = ", ".join(m.chip_name(content, c).removeprefix(barrier.maker + " ") for c in barrier.in_force)
                lines += self.split(self.t("ui.map.ban_in_force", chips=names))
            if barrier.announced:
                ox, oy = dx / norm * 12, dy / norm * 12
                dashed(surface, ANNOUNCED, (cx - px - ox, cy - py - oy), (cx + px - ox, cy + py - oy), 5, dash=6)
                for chip, left in barrier.announced:
                    lines += self.split(self.t("ui.map.ban_announced", chip=m.chip_name(content, chip), n=left))
            if k == 0:
                self.callout(surface, lines, "ban", (cx, cy))

    def split(self, text: str, width: int = 234) -> list[str]:
        font = theme.font(round(13 * self.scale), bold=True)  # measured bold: a callout's first line is
        return wrap_words(lambda s: font.size(s)[0], text, width)

    def draw_grey(self, surface: pygame.Surface, view: MapView) -> None:
        grey = view.grey
        if grey is None:
            return
        points = [self.port(r) for r in grey.path]
        for a, b in itertools.pairwise(points):
            dotted(surface, GREY_ROUTE, a, b, 4 if grey.in_transit else 2)
        texts = [self.t("ui.map.grey_route")]
        if grey.chance_pct is not None:
            texts.append(self.t("ui.map.seizure", pct=grey.chance_pct))
        if grey.in_transit:
            texts.append(self.t("ui.map.in_transit", n=m.number(sum(grey.in_transit.values()), self.lang)))
        if grey.seized:
            texts.append(self.t("ui.map.seized", n=m.number(grey.seized, self.lang)))
        self.callout(surface, [line for text in texts for line in self.split(text)], "grey", points[1])

    def draw_legend(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        inner = panel(surface, rect, None)
        self.text(surface, self.t("ui.map.legend"), (inner.x, inner.y), 14, bold=True, width=inner.w)
        items = [("arrow", "ui.map.key_arrived"), ("dash", "ui.map.key_designed"), ("ban", "ui.map.key_ban"),
                 ("announced", "ui.map.key_announced"), ("grey", "ui.map.key_grey"), ("lab", "ui.map.key_lab"),
                 ("rival", "ui.map.key_rival")]
        col_w = inner.w // 2
        row_h = (inner.h - 24) // 4
        for i, (kind, key) in enumerate(items):
            x, y = inner.x + (i % 2) * col_w, inner.y + 24 + (i // 2) * row_h
            symbol(surface, kind, pygame.Rect(x, y, 40, 22))
            self.wrapped(surface, self.t(key), pygame.Rect(x + 48, y, col_w - 56, row_h), 13)

    def draw_figures(self, surface: pygame.Surface, view: MapView) -> None:
        """The log: every number of the picture, in words."""
        inner = panel(surface, SIDE_RECT, None)
        content = self.app.session.game.content
        y = inner.y
        self.text(surface, self.t("ui.map.figures"), (inner.x, y), 16, bold=True, width=inner.w)
        y += 26
        rows: list[tuple[str, bool]] = [(self.t("ui.map.your_chips"), True)]
        rows += [(self.t("ui.map.flow_short", chip=m.chip_name(content, f.chip), owned=m.number(f.owned, self.lang),
                         arrived=m.number(f.arrived, self.lang)), False) for f in view.flows] or [
            (self.t("ui.map.no_chips"), False)]
        rows.append((self.t("ui.map.bans"), True))
        bans = [(self.t("ui.map.ban_in_force", chips=", ".join(m.chip_name(content, c) for c in b.in_force)), False)
                for b in view.barriers if b.in_force]
        bans += [(self.t("ui.map.ban_announced", chip=m.chip_name(content, c), n=n), False)
                 for b in view.barriers for c, n in b.announced]
        rows += bans or [(self.t("ui.map.no_bans"), False)]
        if view.grey is not None:
            rows.append((self.t("ui.map.grey_route"), True))
            if view.grey.chance_pct is not None:
                rows.append((self.t("ui.map.seizure", pct=view.grey.chance_pct), False))
            rows.append((self.t("ui.map.in_transit", n=m.number(sum(view.grey.in_transit.values()), self.lang)),
                         False))
        rows.append((self.t("ui.map.labs"), True))
        for mk in view.markers:
            figure = self.figure(mk) if mk.compute is not None else self.t(
                "ui.map.rival_short", capability=m.capability(mk.capability, self.lang))
            rows.append((self.t("ui.map.lab_line", name=mk.name, figure=figure), False))
        if any(mk.compute is None for mk in view.markers):
            rows.append((self.t("ui.map.rivals_note"), False))
        for text, bold in rows:
            if bold:
                y += 6
            y = self.wrapped(surface, ("" if bold else "• ") + text, pygame.Rect(inner.x, y, inner.w, inner.bottom - y),
                             14 if bold else 13, bold=bold)


# --- shapes ---------------------------------------------------------------------------------------
def arrow(surface: pygame.Surface, colour: tuple[int, int, int], a: tuple[float, float], b: tuple[float, float],
          width: int) -> None:
    """A straight arrow from ``a`` to ``b`` with a head sized to its width."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length < 2:
        return
    ux, uy = dx / length, dy / length
    head = 8 + width
    base = (b[0] - ux * head, b[1] - uy * head)
    pygame.draw.line(surface, colour, a, base, width)
    left = (base[0] - uy * head * 0.6, base[1] + ux * head * 0.6)
    right = (base[0] + uy * head * 0.6, base[1] - ux * head * 0.6)
    pygame.draw.polygon(surface, colour, [b, left, right])


def dashed(surface: pygame.Surface, colour: tuple[int, int, int], a: tuple[float, float], b: tuple[float, float],
           width: int, dash: int = 8) -> None:
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    steps = max(1, int(length // dash))
    for i in range(0, steps, 2):
        t0, t1 = i / steps, min(1.0, (i + 1) / steps)
        pygame.draw.line(surface, colour, (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                         (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1), width)


def dotted(surface: pygame.Surface, colour: tuple[int, int, int], a: tuple[float, float], b: tuple[float, float],
           radius: int) -> None:
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    for i in range(int(length // (radius * 3 + 2)) + 1):
        t = i * (radius * 3 + 2) / max(1.0, length)
        pygame.draw.circle(surface, colour, (int(a[0] + (b[0] - a[0]) * t), int(a[1] + (b[1] - a[1]) * t)), radius)


def symbol(surface: pygame.Surface, kind: str, rect: pygame.Rect) -> None:
    """The legend's sample of each shape."""
    left, right, mid = (rect.x, rect.centery), (rect.right, rect.centery), rect.center
    if kind == "arrow":
        arrow(surface, FLOW, left, right, 5)
    elif kind == "dash":
        dashed(surface, ROUTE, left, right, 1, dash=5)
    elif kind == "ban":
        pygame.draw.line(surface, BAN, (mid[0], rect.y), (mid[0], rect.bottom), 8)
    elif kind == "announced":
        dashed(surface, ANNOUNCED, (mid[0], rect.y), (mid[0], rect.bottom), 5, dash=5)
    elif kind == "grey":
        dotted(surface, GREY_ROUTE, left, right, 3)
    elif kind == "lab":
        pygame.draw.circle(surface, theme.BLUE, mid, 9)
        pygame.draw.circle(surface, theme.INK, mid, 9, 2)
    else:
        pygame.draw.circle(surface, theme.INK, mid, 6, 2)
