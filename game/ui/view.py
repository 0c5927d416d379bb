"""What the dashboard shows, computed from the state: figures, the action groups and why they are
disabled, in the player's language. Reading only: reasons come from the engine (``Game.why_not`` for an
empty group, ``Game.check`` for a chosen action), never from rules copied into the UI.

Example::

    >>> month_year("2022-10-01", "fr")
    'octobre 2022'
"""

from __future__ import annotations

from dataclasses import dataclass

from game import messages as m
from game.engine import actions as a
from game.engine.errors import IllegalAction
from game.engine.notes import Note
from game.i18n import strings
from game.messages import month_year  # (the screens import it from here)
from game.ui.session import Session


def reason_text(session: Session, exc: IllegalAction, lang: str) -> str:
    """The refusal in the player's words, e.g. "Nvidia H100: banned for sale to China since October 2022"."""
    content = session.game.content
    p = dict(exc.params)
    chip_id = p.get("chip")
    if "chip" in p:
        p["chip"] = m.chip_name(content, p["chip"])
    if "tech" in p:
        p["tech"] = m.tech_name(content, p["tech"], lang)
    if "missing" in p:
        p["missing"] = ", ".join(m.tech_name(content, t, lang) for t in p["missing"])
    for field in ("need", "cash"):
        if field in p:
            p[field] = m.money(p[field], lang)
    for field in ("left", "low", "high"):
        if field in p:
            p[field] = m.number(p[field], lang)
    if "date" in p and isinstance(p["date"], str):
        p["date"] = month_year(p["date"], lang)  # (reads the year and month: "2025-01" will do)
    text = strings(lang).t(exc.key, **p)
    if exc.key == "illegal.export_banned" and chip_id:
        since = ban_date(session, chip_id)
        if since:
            text += " " + strings(lang).t("ui.reason.since", date=month_year(since, lang))
    return text


def start_prices(session: Session) -> dict[str, int]:
    """Share prices (cents) at the start of the scenario: the first point of the market chart."""
    scenario = session.game.scenario
    return {s.id: scenario.stock_prices.get(s.id, s.price_cents) for s in session.game.rules.stocks}


def ban_date(session: Session, chip: str) -> str | None:
    """When the ban on ``chip`` came into force, from the notes of this game (None when unknown)."""
    dates = {s["turn"]: s["date"] for s in session.state.series}
    dates[session.state.turn] = session.state.date
    for note in session.notes:
        if note.key == "ban.in_force" and note.params.get("chip") == chip:
            return dates.get(note.turn)
    return None


@dataclass
class Group:
    """One line of the actions panel: a kind of action, its key, and what the engine says about it."""

    id: str
    kind: type
    key: str  # keyboard shortcut letter
    options: list[a.Action]
    reason: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.options)


#: (group id, action class, shortcut) in panel order.
GROUPS: tuple[tuple[str, type, str], ...] = (
    ("buy", a.BuyChips, "B"), ("rent", a.RentCloud, "C"), ("train", a.StartTraining, "T"),
    ("research", a.Research, "R"), ("release", a.Release, "L"), ("price", a.SetPrice, "P"),
    ("raise", a.RaiseMoney, "M"), ("lobby", a.Lobby, "G"), ("hire", a.Hire, "H"),
)


def group_reason(session: Session, kind: type, lang: str) -> str:
    """Why no action of ``kind`` is possible now: the engine's answer (``Game.why_not``), in words."""
    state = session.state
    exc = session.game.why_not(state, state.active, kind)
    return reason_text(session, exc, lang) if exc is not None else strings(lang).t("illegal.generic")


def action_groups(session: Session, lang: str) -> list[Group]:
    legal = session.game.legal_actions(session.state)
    groups = []
    for gid, kind, key in GROUPS:
        group = Group(gid, kind, key, [x for x in legal if isinstance(x, kind)])
        if not group.options:
            group.reason = group_reason(session, kind, lang)
        groups.append(group)
    return groups


def hours(value: int, lang: str) -> str:
    """GPU-hours, shortened: 1.2M GPU-hours."""
    if value >= 10**9:
        return strings(lang).t("ui.unit.bn_hours", n=m.number(value / 10**9, lang, 1))
    if value >= 10**6:
        return strings(lang).t("ui.unit.m_hours", n=m.number(value / 10**6, lang, 1))
    return strings(lang).t("ui.unit.hours", n=m.number(value, lang))


def people(value: int, lang: str) -> str:
    if value >= 10**6:
        return strings(lang).t("ui.unit.m_people", n=m.number(value / 10**6, lang, 1))
    if value >= 10**3:
        return strings(lang).t("ui.unit.k_people", n=m.number(value / 10**3, lang, 0))
    return m.number(value, lang)


def describe_action(session: Session, action: a.Action, lang: str) -> str:
    """A short label for a concrete action (pickers, the demo)."""
    s = strings(lang)
    content = session.game.content
    if isinstance(action, a.BuyChips):
        return s.t("ui.act.buy_label", count=m.number(action.count, lang), chip=m.chip_name(content, action.chip))
    if isinstance(action, (a.RentCloud, a.StartTraining)):
        key = "ui.act.rent_label" if isinstance(action, a.RentCloud) else "ui.act.train_label"
        return s.t(key, hours=hours(action.gpu_hours, lang), chip=m.chip_name(content, action.chip))
    if isinstance(action, a.Research):
        return m.tech_name(content, action.tech, lang)
    if isinstance(action, a.Release):
        return s.t("ui.act.release_label", price=m.price(action.price_cents, lang),
                   openness=s.t("msg.action.open" if action.open_weights else "msg.action.closed"))
    if isinstance(action, a.SetPrice):
        return m.price(action.price_cents, lang)
    if isinstance(action, a.Hire):
        return s.t("ui.act.hire_label", count=action.count)
    return s.t(f"ui.act.{type(action).__name__.lower()}")


def cash_effect(session: Session, action: a.Action) -> int | None:
    """How much cash ``action`` would cost now (the engine's preview), or None if refused."""
    after = session.preview(action)
    if after is None:
        return None
    side = session.state.active
    return session.state.labs[side].cash - after.labs[side].cash


def note_lines(session: Session, notes: list[Note], lang: str) -> list[str]:
    return m.describe_notes(notes, session.game.content, lang)
