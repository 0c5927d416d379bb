"""Charts for the reports, drawn by matplotlib (Agg backend) as inline SVG text.

matplotlib is imported only here, inside the functions, so loading the command line stays fast and a
game without reports never pays for it. SVG keeps the charts sharp on paper; its text stays text
(``svg.fonttype: none``) and its ids are salted with a constant, so the same data gives the same file.

Example::

    >>> svg = line_chart(LineChart("Cash", ["2020-01-01", "2020-04-01"], [Line("Lab", [1, 2], main=True)]), "en")
    >>> svg.startswith("<svg")
    True
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from game.messages import number

#: Colours that stay distinct in grey print, for up to ten lines; the player's lab is always the first.
PALETTE = ("#c0392b", "#1f5fa8", "#2e8b57", "#8e44ad", "#d68910", "#17a589", "#7f8c8d", "#a04000",
           "#5d6d7e", "#b03a2e")
OUTCOME_COLOURS = {"won": "#2e8b57", "lost": "#d68910", "bankrupt": "#c0392b", "unfinished": "#7f8c8d"}
WIDTH_IN, HEIGHT_IN = 7.6, 3.3


@dataclass(frozen=True)
class Line:
    label: str
    values: list[float]
    main: bool = False      # the player's lab: thick and first in the legend
    dashed: bool = False    # a reference line (the frontier)
    real: bool = False      # what really happened (Nvidia's price, DeepSeek's releases): dotted, with dots


@dataclass(frozen=True)
class LineChart:
    title: str
    dates: list[str]                                              # "YYYY-MM-DD", one per value
    lines: list[Line]
    markers: list[tuple[str, str]] = field(default_factory=list)  # (date, short label) of events
    y_format: str = "number"                                      # number | money | capability | index
    log: bool = False


def compact(value: float, lang: str) -> str:
    """A short number for an axis: 1.2M, 35k (French: 1,2 M, 35 k)."""
    size = abs(value)
    for step, suffix in ((1e12, "T"), (1e9, "B" if lang == "en" else "Md"), (1e6, "M"), (1e3, "k")):
        if size >= step:
            text = number(value / step, lang, 1 if size < 10 * step else 0)
            return f"{text}\u202f{suffix}" if lang == "fr" else f"{text}{suffix}"
    return number(value, lang, 0 if size >= 10 or value == int(value) else 1)


def _formatter(kind: str, lang: str) -> Callable[[float, Any], str]:
    if kind == "money":
        return lambda v, _: ("−" if v < 0 else "") + ("$" if lang == "en" else "") + compact(abs(v), lang) + (
            "\u202f$" if lang == "fr" else "")
    if kind == "capability":
        return lambda v, _: number(v / 100, lang, 0)
    return lambda v, _: compact(v, lang)


#: Fixed margins (fractions of the figure): the legend sits to the right of the plot. Fixed margins
#: rather than matplotlib's constrained layout, which would take half of the drawing time.
LINE_MARGINS = {"left": 0.085, "right": 0.75, "bottom": 0.11, "top": 0.9}


@contextmanager
def _figure(height: float = HEIGHT_IN, margins: dict[str, float] | None = None) -> Iterator[Any]:
    import matplotlib

    matplotlib.use("Agg")  # no window, no display needed: the report is written from a terminal or a test
    from matplotlib.figure import Figure

    style = {"svg.hashsalt": "chip-race", "svg.fonttype": "none", "font.size": 9,
             "font.family": "sans-serif", "axes.spines.top": False,
             "axes.spines.right": False, "axes.grid": True, "grid.color": "#dddddd", "grid.linewidth": 0.6}
    with matplotlib.rc_context(style):
        fig = Figure(figsize=(WIDTH_IN, height))
        fig.subplots_adjust(**(margins or LINE_MARGINS))
        yield fig


def _svg(fig: Any) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    return text[text.index("<svg"):]  # drop the XML prologue and doctype: the SVG goes inline in HTML


def _day(text: str) -> date:
    year, month, day = (int(x) for x in text.split("-"))
    return date(year, month, day)


#: Rows of event numbers at the top of a chart, and the share of the axes' width one character takes.
MARKER_ROWS = 3
#: Extra height above the highest line, as a share of the plotted range, for the rows of event numbers.
MARKER_ROOM = 0.2
CHAR_WIDTH = 0.013


def place_labels(positions: list[float], labels: list[str], rows: int = MARKER_ROWS,
                 char_width: float = CHAR_WIDTH) -> list[tuple[int, float] | None]:
    """Where each label goes: (row, 0 = top; start as a fraction of the axes' width), or ``None`` when
    there is no room. Labels on one row never overlap and never run past the right edge.

    ``positions`` are fractions of the axes' width, in increasing order.

    Example::

        >>> place_labels([0.1, 0.11, 0.12, 0.99], ["1", "2", "3", "4"], rows=2, char_width=0.01)
        [(0, 0.1), (1, 0.11), None, (0, 0.98)]
    """
    ends = [-1.0] * rows
    out: list[tuple[int, float] | None] = []
    for x, label in zip(positions, labels, strict=True):
        width = (len(label) + 1) * char_width
        start = round(min(x, 1.0 - width), 6)
        row = next((r for r in range(rows) if ends[r] <= start), None)
        if row is not None:
            ends[row] = start + width
            out.append((row, start))
        else:
            out.append(None)
    return out


def _draw_markers(ax: Any, markers: list[tuple[str, str]]) -> None:
    """Dotted lines at the events' dates, numbered at the top (staggered; crowded numbers are left out)."""
    if not markers:
        return
    from matplotlib.dates import date2num

    left, right = ax.get_xlim()
    xs = [date2num(_day(when)) for when, _ in markers]
    places = place_labels([(x - left) / (right - left) for x in xs], [label for _, label in markers])
    for x, (_, label), place in zip(xs, markers, places, strict=True):
        ax.axvline(x, color="#aaaaaa", linewidth=0.7, linestyle=":", zorder=1)
        if place is not None:
            row, start = place
            ax.annotate(label, (start, 1.0), xycoords="axes fraction", xytext=(2, -2 - 9 * row),
                        textcoords="offset points", fontsize=7, color="#444444", va="top",
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})


def line_chart(chart: LineChart, lang: str) -> str:
    """A chart of figures over the game's calendar, with numbered event markers; returns SVG text."""
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.ticker import FuncFormatter, LogLocator

    with _figure() as fig:
        ax = fig.add_subplot()
        days = [_day(d) for d in chart.dates]
        others = iter(PALETTE[1:])
        for line in chart.lines:
            if line.real:  # the record, in black dots: it reads as "not the game" in grey print too
                ax.plot(days, line.values, label=line.label, color="#111111", linewidth=1.4, linestyle=":",
                        marker="o", markersize=3.2, zorder=4)
                continue
            colour = "#222222" if line.dashed else PALETTE[0] if line.main else next(others, "#999999")
            ax.plot(days, line.values, label=line.label, color=colour, linewidth=2.6 if line.main else 1.3,
                    linestyle="--" if line.dashed else "-", zorder=3 if line.main else 2)
        if chart.log:
            ax.set_yscale("log")
            # 10, 20, 50, 100, 200…: readable steps even when the range is narrow
            ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
            ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _: ""))
        ax.yaxis.set_major_formatter(FuncFormatter(_formatter(chart.y_format, lang)))
        locator = AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m"))
        if chart.markers:  # room above the lines for the event numbers, so they hide no line
            low, high = ax.get_ylim()
            ax.set_ylim(low, high * (high / low) ** MARKER_ROOM if chart.log and low > 0
                        else high + (high - low) * MARKER_ROOM)
        _draw_markers(ax, chart.markers)
        ax.set_title(chart.title, loc="left", fontsize=10, fontweight="bold")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        return _svg(fig)


def score_histogram(title: str, scores_by_outcome: dict[str, list[int]], labels: dict[str, str],
                    axis: tuple[str, str], lang: str) -> str:
    """Scores in bands of ten, one colour per outcome, stacked; returns SVG text."""
    with _figure(margins={"left": 0.085, "right": 0.8, "bottom": 0.15, "top": 0.9}) as fig:
        ax = fig.add_subplot()
        bands = list(range(0, 101, 10))
        bottom = [0] * 10
        for outcome, scores in scores_by_outcome.items():
            counts = [sum(1 for s in scores if lo <= s < lo + 10 or (lo == 90 and s == 100)) for lo in bands[:-1]]
            ax.bar([lo + 5 for lo in bands[:-1]], counts, width=9, bottom=bottom, label=labels[outcome],
                   color=OUTCOME_COLOURS.get(outcome, "#7f8c8d"))
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        ax.set_xticks(bands)
        ax.set_xlim(0, 100)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(axis[0])
        ax.set_ylabel(axis[1])
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        return _svg(fig)


def score_strip(title: str, groups: list[tuple[str, list[int]]], axis: str, lang: str) -> str:
    """Each group's scores as dots on one row, with its mean as a bar; returns SVG text."""
    height = max(1.6, 0.45 * len(groups) + 0.9)
    margins = {"left": 0.24, "right": 0.97, "bottom": 0.6 / height, "top": 1 - 0.35 / height}
    with _figure(height, margins) as fig:
        ax = fig.add_subplot()
        for row, (_label, scores) in enumerate(groups):
            # dots at the same score are spread a little so that each game stays visible
            seen: dict[int, int] = {}
            ys = []
            for s in scores:
                seen[s] = seen.get(s, 0) + 1
                ys.append(row + 0.12 * ((seen[s] // 2) * (1 if seen[s] % 2 else -1)))
            ax.scatter(scores, ys, s=22, color=PALETTE[1], alpha=0.75, zorder=3)
            if scores:
                mean = sum(scores) / len(scores)
                ax.plot([mean, mean], [row - 0.32, row + 0.32], color=PALETTE[0], linewidth=2.4, zorder=4)
        ax.set_yticks(range(len(groups)), [label for label, _ in groups])
        ax.set_ylim(-0.6, len(groups) - 0.4)
        ax.invert_yaxis()
        ax.set_xlim(-2, 102)
        ax.set_xlabel(axis)
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        return _svg(fig)
