"""What the race chart shows, read from the state's series and the notes: the frontier and each lab's
best model turn by turn, the releases on those lines, and the real releases (GPT-4, o1, V3, R1) where
the scenario follows history (the chronology's events that fired in this game).

Example::

    >>> dict(HISTORIC_RELEASES)["deepseek_r1"]
    'R1'
    >>> view = race_view(state, "cn", session.notes)      # doctest: +SKIP
    >>> [line.id for line in view.lines][:2]              # doctest: +SKIP
    ['frontier', 'lab:cn']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.engine.notes import Note

#: Chronology events that are real model releases, with the short name the chart writes. Only those
#: that fired in this game are marked (a what-if scenario without history shows none).
HISTORIC_RELEASES: tuple[tuple[str, str], ...] = (
    ("gpt3_release", "GPT-3"), ("gpt4_release", "GPT-4"), ("o1_release", "o1"), ("llama_release", "Llama"),
    ("deepseek_v3", "V3"), ("deepseek_r1", "R1"),
)


@dataclass
class Line:
    """One line of the chart: values by turn (None where the lab did not exist yet)."""

    id: str
    name: str
    kind: str  # "frontier", "lab" or "rival"
    values: list[int | None]
    mine: bool = False


@dataclass
class Mark:
    """A release on a line (``line`` id) at ``turn``, or a real release of the record (``line`` empty)."""

    turn: int
    capability: int | None
    line: str = ""
    label: str = ""


@dataclass
class RaceView:
    dates: list[str]
    lines: list[Line]
    releases: list[Mark] = field(default_factory=list)
    history: list[Mark] = field(default_factory=list)


def race_view(state: Any, viewer: str, notes: list[Note]) -> RaceView:
    """The chart's data: the series after each turn, then the current turn's figures."""
    points = [*state.series]
    if not points or points[-1].get("turn") != state.turn:
        points.append({"turn": state.turn, "date": state.date,
                       "labs": {s: {"capability": lab.capability} for s, lab in state.labs.items()},
                       "rivals": {r.id: r.capability for r in state.rivals if r.active},
                       "frontier": None})
    dates = [p.get("date", "") for p in points]
    turns = [p.get("turn", i) for i, p in enumerate(points)]
    index = {t: i for i, t in enumerate(turns)}
    frontier: list[int | None] = []
    for p in points:
        best = [v for v in (p.get("frontier"),) if v is not None]
        best += [lab.get("capability", 0) for lab in p.get("labs", {}).values()]
        best += list(p.get("rivals", {}).values())
        frontier.append(max(best) if best else None)
    lines = [Line("frontier", "", "frontier", frontier)]
    for side, lab in state.labs.items():
        values = [p.get("labs", {}).get(side, {}).get("capability") for p in points]
        lines.append(Line(f"lab:{side}", lab.name, "lab", values, side == viewer))
    lines.sort(key=lambda line: not line.mine)  # the viewer's line first after the frontier (drawn on top)
    lines.insert(0, lines.pop(next(i for i, line in enumerate(lines) if line.kind == "frontier")))
    by_name = {}
    for rival in state.rivals:
        values = [p.get("rivals", {}).get(rival.id) for p in points]
        if any(v is not None for v in values):
            lines.append(Line(f"rival:{rival.id}", rival.name, "rival", values))
            by_name[rival.name] = f"rival:{rival.id}"
    view = RaceView(dates, lines)
    for note in notes:
        turn = note.turn
        if turn not in index:
            continue
        key, params = note.key, note.params
        if key == "action.release" and note.side in state.labs:
            view.releases.append(Mark(turn, params.get("capability"), f"lab:{note.side}"))
        elif key == "rival.release" and params.get("rival") in by_name:
            view.releases.append(Mark(turn, params.get("capability"), by_name[params["rival"]]))
    names = dict(HISTORIC_RELEASES)
    for fired in state.fired:
        if fired.event in names and fired.turn in index:
            view.history.append(Mark(fired.turn, None, "", names[fired.event]))
    return view
