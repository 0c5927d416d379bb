"""Two lines the dashboard and the end screen show beside the lab's own figures: its compute against
the leading rival lab's (the record's fleets, :func:`game.engine.rivals.rival_compute`), and what it
would announce for its last run against what it really spent (:mod:`game.engine.costs`).

Example::

    >>> leading_rival(game.rules, state)                      # doctest: +SKIP
    ('Meta AI', 255500000)
"""

from __future__ import annotations

from game import messages as m
from game.engine.costs import real_total, reported_last_run
from game.engine.rivals import has_compute, rival_compute
from game.engine.rules import Rules
from game.engine.state import GameState, Lab
from game.engine.training import monthly_compute
from game.i18n import strings
from game.report.charts import compact


def leading_rival(rules: Rules, state: GameState) -> tuple[str, int] | None:
    """(name, compute) of the active rival lab with the most compute on the state's date; ``None``
    when no active rival has a known fleet."""
    best: tuple[int, str] | None = None
    for rival in state.rivals:
        if rival.active and has_compute(rules, rival.id):
            value = rival_compute(rules, rival.id, state.date)
            if best is None or value > best[0]:
                best = (value, rival.name)
    return (best[1], best[0]) if best else None


def rival_compute_line(rules: Rules, state: GameState, lab: Lab, lang: str) -> str | None:
    """"vs Meta AI: 256M GPU-hours (you: 9.4%)" (a month, as the compute line above it), or ``None``
    with no rival fleet known."""
    leader = leading_rival(rules, state)
    if leader is None or leader[1] <= 0:
        return None
    name, value = leader
    pct = 100 * monthly_compute(rules, lab) / value
    shown = m.number(pct, lang, 1 if pct < 10 else 0)
    return strings(lang).t("ui.fig.rival_compute", rival=name, value=compact(value, lang), pct=shown)


def cost_line(lab: Lab, lang: str) -> str:
    """"Cost: $5.6M announced, $620.0M real" (no run finished yet: says so)."""
    s = strings(lang)
    real = m.money(real_total(lab), lang)
    reported = reported_last_run(lab)
    if not reported:
        return s.t("ui.fig.costs_none", real=real)
    return s.t("ui.fig.costs", reported=m.money(reported, lang), real=real)
