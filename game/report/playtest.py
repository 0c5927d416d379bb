"""The playtest report as one HTML page with its charts (``python main.py playtest --out FILE.html``).

Per scenario and side: the targets (ok / MISSED), a chart of each policy's score (mean and standard
deviation, the band thresholds drawn across), a chart of the share of games per band, the policy table,
the search player's most frequent actions, and the card audit (a chart of each answer's gap to the
card's best answer, and a table).

Example::

    >>> doc = {"scenario": "x", "runs": 1, "search_runs": 1, "audit_runs": 1, "seed": 0, "sides": {}}
    >>> "<html" in playtest_page([doc], "en")
    True
"""

from __future__ import annotations

from typing import Any

from game.i18n import strings
from game.report.charts import PALETTE, _figure, _svg
from game.report.page import chart, esc, page, table

#: Band colours, best band first (the last: bankrupt).
BAND_COLOURS = ("#1a9850", "#91cf60", "#fdae61", "#f46d43", "#d73027", "#7f0000")


def percent(value: float) -> str:
    """``0.25`` as ``25%``."""
    return f"{100 * value:.0f}%"


def format_value(value: Any) -> str:
    """A target's value in one short line."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {format_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return f"{len(value)}: {', '.join(map(str, value[:6]))}{' …' if len(value) > 6 else ''}" if value else "0"
    return str(value)


def score_chart(title: str, rows: list[tuple[str, float, float]], thresholds: list[int], axis: str) -> str:
    """Horizontal bars: each policy's mean score, its standard deviation as an error bar; SVG text."""
    height = max(1.8, 0.32 * len(rows) + 0.9)
    margins = {"left": 0.2, "right": 0.97, "bottom": 0.55 / height, "top": 1 - 0.35 / height}
    with _figure(height, margins) as fig:
        ax = fig.add_subplot()
        ys = list(range(len(rows)))
        colours = [PALETTE[0] if name == "search" else PALETTE[1] for name, _, _ in rows]
        ax.barh(ys, [m for _, m, _ in rows], xerr=[s for _, _, s in rows], color=colours, height=0.6,
                error_kw={"elinewidth": 1, "capsize": 2})
        for threshold in thresholds:
            ax.axvline(threshold, color="#555555", linestyle="--", linewidth=0.9)
        ax.set_yticks(ys, [name for name, _, _ in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel(axis)
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        return _svg(fig)


def band_chart(title: str, rows: list[tuple[str, list[int]]], bands: list[str]) -> str:
    """Stacked horizontal bars: each policy's share of games per band, best band first; SVG text."""
    height = max(1.8, 0.32 * len(rows) + 1.1)
    margins = {"left": 0.2, "right": 0.78, "bottom": 0.45 / height, "top": 1 - 0.35 / height}
    with _figure(height, margins) as fig:
        ax = fig.add_subplot()
        ys = list(range(len(rows)))
        left = [0.0] * len(rows)
        for k, band in enumerate(bands):
            shares = [(counts[k] / sum(counts) if sum(counts) else 0.0) for _, counts in rows]
            ax.barh(ys, shares, left=left, height=0.6, label=band, color=BAND_COLOURS[min(k, len(BAND_COLOURS) - 1)]
                    if band != "bankrupt" else BAND_COLOURS[-1])
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_yticks(ys, [name for name, _ in rows])
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(lambda v, _: f"{100 * v:.0f}%")
        ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        return _svg(fig)


def audit_chart(title: str, audit: list[dict[str, Any]], limit: float, axis: str) -> str:
    """Each card answer's gap to the card's best answer, one row per card; gaps over ``limit`` in red."""
    rows = [row for row in audit if row["options"]]
    height = max(1.8, 0.26 * len(rows) + 0.9)
    margins = {"left": 0.3, "right": 0.97, "bottom": 0.55 / height, "top": 1 - 0.35 / height}
    with _figure(height, margins) as fig:
        ax = fig.add_subplot()
        for y, row in enumerate(rows):
            gaps = [o["gap"] for o in row["options"]]
            ax.scatter(gaps, [y] * len(gaps), s=20, zorder=3,
                       color=["#d73027" if g > limit else PALETTE[1] for g in gaps])
        ax.axvline(limit, color="#555555", linestyle="--", linewidth=0.9)
        ax.set_yticks(range(len(rows)), [row["event"] for row in rows])
        ax.tick_params(axis="y", labelsize=7)
        ax.invert_yaxis()
        ax.set_xlim(left=-0.5)
        ax.set_xlabel(axis)
        # over the whole figure, not the plot: the card names take a third of the width
        fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=10, fontweight="bold")
        return _svg(fig)


def side_section(doc: dict[str, Any], side: str, report: dict[str, Any], lang: str) -> list[str]:
    """The HTML of one side's report."""
    from game.content.loader import load_content
    from game.sim.playtest import DOMINANCE_POINTS

    s = strings(lang)
    h = "playtest.html."
    parts = [f"<h2>{esc(doc['scenario'])}: {esc(s.t(f'side.{side}'))}</h2>",
             f"<h3>{esc(s.t(h + 'targets'))}</h3>",
             table([s.t(h + "target"), s.t(h + "value"), s.t(h + "bar"), s.t(h + "status")],
                   [[s.t(f"playtest.what.{t['id']}"), format_value(t["value"]), t["bar"],
                     "ok" if t["ok"] else "MISSED"] for t in report["targets"]])]
    rows = [*report["panel"].items(), ("search", report["search"])]
    scenario = load_content().scenarios.get(doc["scenario"])
    thresholds: list[int] = []
    if scenario is not None and side in scenario.labs:
        thresholds = [b.min_score for b in (scenario.labs[side].bands or scenario.bands) if b.min_score > 0]
    parts.append(chart(score_chart(s.t(h + "scores"), [(n, r["score_mean"], r["score_std"]) for n, r in rows],
                                   thresholds, s.t(h + "score_axis"))))
    parts.append(chart(band_chart(s.t(h + "bands"), [(n, list(r["bands"].values())) for n, r in rows],
                                  report["bands"])))
    parts.append(table([s.t(h + "policy"), s.t(h + "win_rate"), s.t(h + "mean"), s.t(h + "std"), *report["bands"]],
                       [[n, percent(r["win_rate"]), f"{r['score_mean']:.1f}", f"{r['score_std']:.1f}",
                         *map(str, r["bands"].values())] for n, r in rows],
                       numeric=range(1, 4 + len(report["bands"]))))
    parts.append(f"<p>η² = {report['eta_squared']:.2f}</p>")
    parts.append(f"<h3>{esc(s.t(h + 'patterns'))}</h3>")
    parts.append(table([s.t(h + "action"), s.t(h + "per_game")],
                       [[p["action"], f"{p['per_game']:.2f}"] for p in report["search"]["patterns"]], numeric=[1]))
    if any(row["options"] for row in report["audit"]):
        parts.append(chart(audit_chart(s.t(h + "audit"), report["audit"], DOMINANCE_POINTS, s.t(h + "gap_axis"))))
    parts.append(table([s.t(h + "card"), s.t(h + "games"), s.t(h + "answers")],
                       [[row["event"], str(row["games"]),
                         ", ".join(f"{_mark(row, o['choice'])}{o['choice']} {o['mean']:.1f}"
                                   for o in row["options"])] for row in report["audit"]], numeric=[1]))
    return parts


def _mark(row: dict[str, Any], choice: str) -> str:
    """⚠ before a dominated answer, ↯ before a stated trap (the card's hint says why it loses)."""
    return "⚠ " if choice in row["dominated"] else "↯ " if choice in row.get("traps", ()) else ""


def playtest_page(docs: list[dict[str, Any]], lang: str) -> str:
    """The whole HTML document of one or several scenarios' playtests."""
    s = strings(lang)
    title = s.t("playtest.title", scenario=", ".join(doc["scenario"] for doc in docs))
    body = [f"<h1>{esc(title)}</h1>", f"<p>{esc(s.t('playtest.html.intro'))}</p>"]
    for doc in docs:
        body.append(f"<p class=\"note\">{esc(s.t('playtest.header', scenario=doc['scenario'], runs=doc['runs'], search_runs=doc['search_runs'], audit_runs=doc['audit_runs'], seed=doc['seed']))}</p>")  # noqa: E501
        for side, report in doc["sides"].items():
            body += side_section(doc, side, report, lang)
    return page(title, lang, body)
