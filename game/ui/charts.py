"""Small charts drawn with pygame: line charts with labelled series and horizontal bar charts.

Every series has its own colour (Okabe-Ito) AND its own marker shape, and its name is written at the
end of its line, so the charts read in black and white and for colour-blind players.

Example::

    >>> nice_range([3, 7, 12])
    (0, 12)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pygame

from game.ui import theme

MARKERS = ("circle", "square", "triangle", "diamond", "cross", "circle_open", "square_open", "triangle_open")


def nice_range(values: Sequence[float], floor_zero: bool = True, min_span: float = 0.0) -> tuple[float, float]:
    """The y-range of a chart: from 0 (or the lowest value) to the highest, at least ``min_span`` tall.

    A flat series gets a band around its value instead of a one-unit sliver (``100`` → ``95..105``
    with ``min_span=10``), so a chart of one turn does not pretend that tiny moves are big.

    Example::

        >>> nice_range([100, 100], floor_zero=False, min_span=10)
        (95.0, 105.0)
    """
    lo = min(values) if values else 0
    hi = max(values) if values else 1
    if floor_zero:
        lo = min(0, lo)
    if hi - lo < min_span:
        middle = (hi + lo) / 2
        lo, hi = middle - min_span / 2, middle + min_span / 2
        if floor_zero and lo < 0 <= min(values or [0]):
            lo, hi = 0, min_span
    if hi == lo:
        hi = lo + 1
    return lo, hi


def fit_text(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` shortened with "…" so that it fits in ``width`` pixels (unchanged when it fits).

    Example::

        >>> fit_text(theme.font(12), "Laboratoire chinois", 60)  # doctest: +SKIP
        'Laborat…'
    """
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def marker(surface: pygame.Surface, kind: str, pos: tuple[float, float], colour: tuple[int, int, int],
           r: int = 4) -> None:
    """A marker of shape ``kind`` centred on ``pos``."""
    x, y = int(pos[0]), int(pos[1])
    width = 2 if kind.endswith("_open") else 0
    base = kind.removesuffix("_open")
    if base == "circle":
        pygame.draw.circle(surface, colour, (x, y), r, width)
    elif base == "square":
        pygame.draw.rect(surface, colour, (x - r, y - r, 2 * r, 2 * r), width)
    elif base == "triangle":
        pygame.draw.polygon(surface, colour, [(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)], width)
    elif base == "diamond":
        pygame.draw.polygon(surface, colour, [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], width)
    else:  # cross
        pygame.draw.line(surface, colour, (x - r, y - r), (x + r, y + r), 2)
        pygame.draw.line(surface, colour, (x - r, y + r), (x + r, y - r), 2)


def _runs(slots: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """The unbroken stretches of a line whose missing points are ``None``.

    Example::

        >>> _runs([(0, 1), (1, 2), None, (3, 4)])
        [[(0, 1), (1, 2)], [(3, 4)]]
    """
    runs: list[list[tuple[float, float]]] = [[]]
    for point in slots:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def line_chart(surface: pygame.Surface, rect: pygame.Rect, series: list[tuple[str, list[float]]],
               fmt: Callable[[float], str] = lambda v: f"{v:,.0f}", floor_zero: bool = True,
               progress: float = 1.0, label_width: int | None = None, min_span: float = 0.0) -> None:
    """Lines for ``series`` (name, values by turn) inside ``rect``; ``progress`` < 1 draws the last
    segment partly (the market's move of the turn, animated).

    The margins follow the text: the left one fits the widest axis value, the right one the widest
    series name (at most ``label_width`` pixels, or 40% of the chart; longer names end with "…").
    """
    small = theme.font(12)
    # a value may be missing (nan: the record has no figure for that turn): the line breaks there
    values = [v for _, vals in series for v in vals if not math.isnan(v)]
    if not values:
        text = small.render("—", True, theme.MUTED)
        surface.blit(text, text.get_rect(center=rect.center))
        return
    lo, hi = nice_range(values, floor_zero, min_span)
    ticks = [lo + (hi - lo) * i / 2 for i in range(3)]
    left = max(small.size(fmt(v))[0] for v in ticks) + 8
    cap = label_width if label_width is not None else int(rect.w * 0.4)
    names = [fit_text(small, name, cap) for name, _ in series]
    right = min(cap, max(small.size(n)[0] for n in names)) + 14
    plot = pygame.Rect(rect.x + left, rect.y + 6, rect.w - left - right - 4, rect.h - 16)
    # axis and three grid lines with values
    for v in ticks:
        y = plot.bottom - (v - lo) / (hi - lo) * plot.h
        pygame.draw.line(surface, (225, 225, 225), (plot.x, y), (plot.right, y))
        tag = small.render(fmt(v), True, theme.MUTED)
        surface.blit(tag, (plot.x - tag.get_width() - 4, y - tag.get_height() // 2))
    pygame.draw.line(surface, theme.MUTED, plot.bottomleft, plot.bottomright)
    n = max(len(vals) for _, vals in series)
    step = plot.w / max(1, n - 1)
    labels: list[tuple[float, str, tuple[int, int, int], str]] = []
    for i, ((_, vals), name) in enumerate(zip(series, names, strict=True)):
        colour, shape = theme.SERIES[i % len(theme.SERIES)], MARKERS[i % len(MARKERS)]
        slots = [None if math.isnan(v) else (plot.x + j * step, plot.bottom - (v - lo) / (hi - lo) * plot.h)
                 for j, v in enumerate(vals)]
        if progress < 1 and len(slots) >= 2 and slots[-2] is not None and slots[-1] is not None:
            (x0, y0), (x1, y1) = slots[-2], slots[-1]
            slots[-1] = (x0 + (x1 - x0) * progress, y0 + (y1 - y0) * progress)
        for run in _runs(slots):
            if len(run) >= 2:
                pygame.draw.lines(surface, colour, False, run, 2)
        points = [p for p in slots if p is not None]
        every = max(1, len(points) // 8)
        for j, p in enumerate(points):
            if j % every == 0 or j == len(points) - 1:
                marker(surface, shape, p, colour, 3)
        if points:
            labels.append((points[-1][1], name, colour, shape))
    # names at the line ends, pushed apart so they do not overlap
    labels.sort()
    ys: list[float] = []
    for y, *_ in labels:
        ys.append(max(y, ys[-1] + 13) if ys else y)
    overflow = (ys[-1] - plot.bottom) if ys else 0
    if overflow > 0:  # push the whole column up so the last name stays inside the chart
        ys = [y - overflow for y in ys]
    for y, (_, name, colour, shape) in zip(ys, labels, strict=False):
        tag = small.render(name, True, theme.INK)
        marker(surface, shape, (plot.right + 7, y), colour, 3)  # the legend repeats the line's marker shape
        surface.blit(tag, (plot.right + 13, y - tag.get_height() // 2))


def bar_chart(surface: pygame.Surface, rect: pygame.Rect, bars: list[tuple[str, float, str, bool]]) -> None:
    """Horizontal bars (name, value, value text, highlighted); the highlighted bar is hatched and bold."""
    if not bars:
        return
    small, bold = theme.font(13), theme.font(13, bold=True)
    hi = max(v for _, v, _, _ in bars) or 1
    row = min(26, rect.h // len(bars))
    # the names' column as wide as the longest name (at most 40% of the chart): no bar over a name
    name_w = min(max(bold.size(name)[0] for name, *_ in bars) + 10, int(rect.w * 0.4))
    for i, (name, value, text, mine) in enumerate(bars):
        y = rect.y + i * row
        f = bold if mine else small
        surface.blit(f.render(fit_text(f, name, name_w - 8), True, theme.INK), (rect.x, y + 4))
        w = int((rect.w - name_w - 60) * value / hi)
        bar = pygame.Rect(rect.x + name_w, y + 3, max(2, w), row - 8)
        pygame.draw.rect(surface, theme.BLUE if mine else theme.SKY, bar)
        if mine:  # hatching: the player's bar stands out without colour
            for hx in range(bar.x, bar.right, 8):
                pygame.draw.line(surface, theme.PANEL, (hx, bar.bottom), (min(bar.right, hx + bar.h), bar.y), 2)
            pygame.draw.rect(surface, theme.INK, bar, 2)
        surface.blit(f.render(text, True, theme.INK), (bar.right + 6, y + 4))
