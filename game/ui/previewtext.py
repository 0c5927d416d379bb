"""The engine's previews and standing in the player's words: the lines a picker shows before "Do it",
the dashboard's cash runway and its goal gauges. Reading only: every figure comes from
:mod:`game.engine.preview`, :mod:`game.engine.runway` and :mod:`game.engine.standing`.

Example::

    >>> gauge(3, 10), gauge(0, 4, cells=4), gauge(9, 9, cells=3)
    ('▰▰▰▱▱▱▱▱▱▱', '▱▱▱▱', '▰▰▰')
"""

from __future__ import annotations

from game import messages as m
from game.engine import actions as a
from game.engine.preview import Preview
from game.engine.runway import runway_turns
from game.engine.standing import Standing
from game.i18n import strings
from game.ui.session import Session
from game.ui.view import hours


def gauge(value: int, full: int, cells: int = 10) -> str:
    """A text gauge of ``cells`` cells, filled in proportion (readable without colour)."""
    filled = 0 if full <= 0 else max(0, min(cells, round(cells * value / full)))
    return "▰" * filled + "▱" * (cells - filled)


def _signed(n: int, lang: str) -> str:
    return ("+" if n > 0 else "−") + m.number(abs(n), lang)


def gains(p: Preview, lang: str, efficiency: int = 1000) -> list[str]:
    """What the action gives, figure by figure (the engine's changes), in words; ``efficiency`` is the
    lab's before the action (per mille), for a gain in percent of it."""
    s = strings(lang)
    out = []
    for figure, change in p.changes.items():
        if figure == "efficiency":
            out.append(s.t("ui.preview.efficiency", pct=m.number(change * 100 / max(efficiency, 1), lang, 1)))
        elif figure == "capability" and change > 0:
            out.append(s.t("ui.preview.capability", n=m.number(change / 100, lang, 1)))
        elif figure == "serving_pct" and change > 0:
            out.append(s.t("ui.preview.serving_pct", n=change))
        elif figure == "talent" and change > 0:
            out.append(s.t("ui.preview.talent", n=change))
        elif figure in ("reputation", "gov_relations"):
            out.append(s.t(f"ui.preview.{figure}", n=_signed(change, lang)))
        elif figure == "chips" and change > 0:
            out.append(s.t("ui.preview.chips", n=m.number(change, lang)))
        elif figure == "cloud_hours" and change > 0:
            out.append(s.t("ui.preview.cloud_hours", n=hours(change, lang)))
    return out


def preview_lines(session: Session, p: Preview, lang: str) -> tuple[str, list[str]]:
    """(the headline: what it costs now, the other lines: later turns, length, result, runway)."""
    s = strings(lang)
    lab = session.state.labs[session.state.active]
    ap = p.action.cost
    if p.cost_now > 0:
        head = s.t("ui.preview.now_cost", cost=m.money(p.cost_now, lang), after=m.money(lab.cash - p.cost_now, lang),
                   ap=ap)
    elif p.cost_now < 0:
        head = s.t("ui.preview.now_gain", gain=m.money(-p.cost_now, lang), ap=ap)
    else:
        head = s.t("ui.preview.now_free", ap=ap)
    lines: list[str] = []
    if p.capability_range is not None:  # a training run: its power bill, its length, its model
        total = sum(p.power_by_turn)
        if total:
            lines.append(s.t("ui.preview.run_power", power=m.money(max(p.power_by_turn), lang), turns=p.turns,
                             total=m.money(total, lang)))
        else:
            lines.append(s.t("ui.preview.run_cloud", turns=p.turns))
        low, high = p.capability_range
        lines.append(s.t("ui.preview.model", low=m.capability(low, lang), high=m.capability(high, lang),
                         now=m.capability(p.capability_now, lang)))
        if p.may_be_worse:
            lines.append(s.t("ui.preview.model_worse"))
    else:
        before, after = p.per_turn_before, p.per_turn
        moved = [(name, getattr(after, name) - getattr(before, name))
                 for name in ("salaries", "serving", "power") if getattr(after, name) != getattr(before, name)]
        extra = p.later_per_turn
        if extra and moved:
            what = ", ".join(s.t(f"ui.preview.{name}") for name, _ in moved)
            key = "ui.preview.later_more" if extra > 0 else "ui.preview.later_less"
            lines.append(s.t(key, amount=m.money(abs(extra), lang), what=what))
        elif after.revenue != before.revenue:
            lines.append(s.t("ui.preview.revenue_now", amount=m.money(after.revenue, lang)))
        else:
            lines.append(s.t("ui.preview.later_same"))
        lines.append(s.t("ui.preview.takes", n=p.turns) if p.turns else s.t("ui.preview.at_once"))
        given = gains(p, lang, lab.efficiency)
        if isinstance(p.action, a.Research):  # gains counted run by run (FP8 on Hopper chips, cut links)
            tech = session.game.rules.techs[p.action.tech]
            if tech.fp8_only:
                given.append(s.t("ui.preview.fp8", pct=tech.efficiency_pct))
            if tech.fixes_links:
                given.append(s.t("ui.preview.links"))
        if given:
            lines.append(s.t("ui.preview.gives", what=", ".join(given)))
        if p.cooldown:
            lines.append(s.t("ui.preview.cooldown", n=p.cooldown))
    if p.runway is None:
        lines.append(s.t("ui.preview.runway_long"))
    elif p.runway == 0:
        lines.append(s.t("ui.preview.runway_short"))
    else:
        lines.append(s.t("ui.preview.runway", n=p.runway))
    return head, lines


def runway_line(session: Session, lang: str) -> str:
    """The dashboard's line under the cash: how many turns the money lasts at this rate."""
    state = session.state
    turns = runway_turns(session.game.rules, state, state.labs[session.viewer])
    s = strings(lang)
    if turns is None:
        return s.t("ui.runway.long")
    return s.t("ui.runway.now") if turns == 0 else s.t("ui.runway.turns", n=turns)


def goal_lines(session: Session, now: Standing, lang: str) -> tuple[str, list[str], str]:
    """(the score against the winning score, one gauge per goal, where the lab stands against the leader)."""
    s = strings(lang)
    title = s.t("ui.goal.title", score=now.score, win=now.win_score)
    # the goal's short name ("Users"), whole at every text size; the scenario's full wording is on the
    # briefing screen and the end screen
    parts = [s.t("ui.goal.part", gauge=gauge(p.points, p.weight, cells=5), points=p.points, weight=p.weight,
                 label=s.t(f"goal.{p.kind}")) for p in now.parts]
    if not now.leader:
        leader = s.t("ui.goal.alone")
    else:
        params = {"leader": now.leader, "theirs": m.capability(now.leader_capability, lang),
                  "ours": m.capability(now.own_capability, lang), "gap": m.capability(abs(now.ahead), lang)}
        leader = s.t("ui.goal.ahead" if now.ahead > 0 else "ui.goal.behind" if now.ahead < 0 else "ui.goal.level",
                     **params)
    return title, parts, leader
