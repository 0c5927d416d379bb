"""The debrief's comparisons with the record: the labs' compute beside the rival labs' real fleets,
the real path (Nvidia's price, DeepSeek's releases) as lines on the game's charts, and what each lab
would announce for its last run beside what it really spent.

Example::

    >>> lines = real_lines(doc, strings("en"))                  # doctest: +SKIP
    >>> [line.label for line in lines.capability]               # doctest: +SKIP
    ['DeepSeek, real releases']
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.i18n import Strings
from game.messages import money, number
from game.report import page as p
from game.report.catalog import Catalog
from game.report.charts import Line, LineChart, line_chart
from game.report.history import deepseek_at, nvda_at, real_path
from game.report.loading import ResultDoc


@dataclass
class RealLines:
    """Lines of the record to draw on the game's charts (empty where the game's dates have none)."""

    capability: list[Line] = field(default_factory=list)
    stocks: list[Line] = field(default_factory=list)


def real_lines(doc: ResultDoc, s: Strings, index_base: float = 100) -> RealLines:
    """DeepSeek's real releases for the capability chart; Nvidia's real price for the share-price chart,
    as an index like the game's (``index_base`` at the first turn: the first turn's real close)."""
    dates = [row.date for row in doc.series]
    path = real_path()
    out = RealLines()
    ability = deepseek_at(path, dates)
    if any(not math.isnan(v) for v in ability):
        out.capability.append(Line(s.t("report.chart.deepseek_real"), ability, real=True))
    closes = nvda_at(path, dates)
    if closes and not math.isnan(closes[0]):
        out.stocks.append(Line(s.t("report.chart.nvda_real"), [index_base * c / closes[0] for c in closes],
                               real=True))
    return out


def compute_chart(doc: ResultDoc, cat: Catalog, s: Strings, labs: list[tuple[str, str]],
                  markers: list[tuple[str, str]]) -> str | None:
    """The labs' compute beside the rival labs' (the series' ``rivals_compute``), log scale; ``None``
    for a document written before the rivals had compute."""
    if not any(row.rivals_compute for row in doc.series):
        return None
    dates = [row.date for row in doc.series]
    lines = [Line(name, [max(row.labs.get(side, {}).get("compute", 0), 1) for row in doc.series], main=i == 0)
             for i, (side, name) in enumerate(labs)]
    rivals = list(dict.fromkeys(r for row in doc.series for r in row.rivals_compute))
    lines += [Line(cat.rival(r), [row.rivals_compute.get(r, math.nan) for row in doc.series]) for r in rivals]
    chart = LineChart(s.t("report.chart.compute"), dates, lines, markers, "number", log=True)
    return p.chart(line_chart(chart, cat.lang), s.t("report.chart.compute_note"))


def costs_section(doc: ResultDoc, cat: Catalog, s: Strings, labs: list[tuple[str, str]]) -> list[str]:
    """A table: per lab, what it would announce for its last run, what it really spent, the ratio;
    then the sentence that explains the difference. Nothing for a document without costs."""
    lang, rows = cat.lang, []
    for side, name in labs:
        info = doc.sides.get(side)  # type: ignore[call-overload]
        costs = info.costs if info else None
        if costs is None:
            continue
        reported = money(costs.reported_last_run, lang) if costs.reported_last_run else s.t("report.costs.no_run")
        ratio = (s.t("report.costs.times", n=number(costs.real_total // costs.reported_last_run, lang))
                 if costs.reported_last_run else "–")
        rows.append([name, reported, money(costs.real_total, lang), ratio])
    if not rows:
        return []
    heads = [s.t("report.costs.lab"), s.t("report.costs.reported"), s.t("report.costs.real"), s.t("report.costs.ratio")]
    return [f"<h2>{p.esc(s.t('report.costs.title'))}</h2>", p.table(heads, rows, numeric=(1, 2, 3)),
            f'<p class="note">{p.esc(s.t("report.costs.explain"))}</p>']
