"""What the chip map shows, read from the engine's state and notes (nothing decided here): where the
viewer's chips come from and how many arrived lately, the export bans as barriers (announced or in
force), the grey-market route with its seizure risk, and each lab's compute at home.

The board (regions, where each maker designs and makes its chips) is shipped in
``assets/map/regions.json``, hand-made for this game.

Example::

    >>> board = load_board()
    >>> board.route_for("Nvidia", "cn")
    ('us', 'tw', 'cn')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.engine.notes import Note
from game.engine.training import monthly_compute
from game.engine.turn import seizure_chance
from game.paths import ASSETS

BOARD_FILE = ASSETS / "map" / "regions.json"

#: Notes that change what flows on the map (the turn summary shows the map when one of them is there).
FLOW_KEYS = ("action.buy_chips", "grey.delivered", "grey.seized", "ban.announced", "ban.in_force")


@dataclass(frozen=True)
class Region:
    id: str
    anchor: tuple[float, float]
    polygon: tuple[tuple[float, float], ...]
    label: tuple[float, float, str]  # where the name goes: x, y and which point of the text sits there
    port: tuple[float, float]  # where routes leave and arrive (the anchor unless the board says)


@dataclass(frozen=True)
class Board:
    """The shipped board: regions and where chips are designed and made."""

    size: tuple[int, int]
    regions: dict[str, Region]
    makers: dict[str, dict[str, str]]
    default_maker: dict[str, str]
    homes: dict[str, str]
    grey_via: str
    lithography: str
    callouts: dict[str, tuple[float, float]]

    def maker_regions(self, maker: str) -> tuple[str, str]:
        """(designed in, made in) for a chip maker; the default for a maker the board does not know."""
        entry = self.makers.get(maker, self.default_maker)
        return entry["designed"], entry["made"]

    def route_for(self, maker: str, side: str) -> tuple[str, ...]:
        """The regions a legally bought chip passes through to a ``side`` lab (no region twice)."""
        path: list[str] = []
        for region in (*self.maker_regions(maker), self.homes.get(side, side)):
            if not path or path[-1] != region:
                path.append(region)
        return tuple(path)


def load_board(path: Path = BOARD_FILE) -> Board:
    """The board from its JSON file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    regions = {r["id"]: Region(r["id"], tuple(r["anchor"]), tuple(tuple(p) for p in r["polygon"]),
                               tuple(r["label"]), tuple(r.get("port", r["anchor"]))) for r in data["regions"]}
    return Board(tuple(data["size"]), regions, data["makers"], data["default_maker"], data["homes"],
                 data["grey_via"], data["lithography"], {k: tuple(v) for k, v in data["callouts"].items()})


@dataclass
class Flow:
    """The viewer's chips of one type: their route, how many arrived lately and how many are owned."""

    chip: str
    maker: str
    path: tuple[str, ...]
    arrived: int
    owned: int


@dataclass
class Barrier:
    """Export bans on one maker's route into China: announced (``turns_left``) or in force."""

    maker: str
    route: tuple[str, str]
    in_force: list[str] = field(default_factory=list)
    announced: list[tuple[str, int]] = field(default_factory=list)  # (chip, turns left)


@dataclass
class GreyRoute:
    """Smuggling through the transit region: open once a chip is banned; the viewer's shipment on it."""

    path: tuple[str, ...]
    in_transit: dict[str, int]
    chance_pct: int | None  # the viewer's seizure risk (None: the viewer is not a Chinese lab)
    delivered: int = 0
    seized: int = 0


@dataclass
class Marker:
    """A lab at home: compute (owned H100-equivalent GPU-hours a month) where the state has it."""

    name: str
    side: str
    region: str
    capability: int
    compute: int | None  # rivals have no compute in the state: None, drawn without a size
    mine: bool = False


@dataclass
class MapView:
    flows: list[Flow]
    barriers: list[Barrier]
    grey: GreyRoute | None
    markers: list[Marker]


def _makers(content: Any) -> dict[str, str]:
    return {c.id: c.maker for c in content.world.chips}


def _arrivals(notes: list[Note], viewer: str) -> tuple[dict[str, int], int, int]:
    """Chips that reached the viewer in ``notes`` by type, and grey chips delivered and seized."""
    arrived: dict[str, int] = {}
    delivered = seized = 0
    for note in notes:
        key, params = note.key, note.params
        if note.side not in (viewer, None):
            continue
        if key == "action.buy_chips" and not params.get("grey"):
            arrived[params["chip"]] = arrived.get(params["chip"], 0) + int(params.get("count", 0))
        elif key == "grey.delivered":
            for chip, count in params.get("chips", {}).items():
                arrived[chip] = arrived.get(chip, 0) + count
                delivered += count
        elif key == "grey.seized":
            seized += sum(params.get("chips", {}).values())
    return arrived, delivered, seized


def map_view(state: Any, rules: Any, content: Any, viewer: str, notes: list[Note],
             board: Board | None = None) -> MapView:
    """The picture's data for ``viewer``, with arrivals read from ``notes`` (the turns to show).

    Example::

        >>> view = map_view(state, game.rules, game.content, "cn", session.notes)   # doctest: +SKIP
        >>> [f.chip for f in view.flows]                                           # doctest: +SKIP
        ['ascend', 'a100']
    """
    board = board or load_board()
    makers = _makers(content)
    lab = state.labs[viewer]
    arrived, delivered, seized = _arrivals(notes, viewer)
    flows = []
    for chip in sorted(set(lab.chips) | set(arrived), key=lambda c: (-arrived.get(c, 0), -lab.chips.get(c, 0), c)):
        maker = makers.get(chip, "")
        flows.append(Flow(chip, maker, board.route_for(maker, viewer), arrived.get(chip, 0), lab.chips.get(chip, 0)))
    china = board.homes.get("cn", "cn")
    barriers: dict[str, Barrier] = {}

    def barrier(chip: str) -> Barrier:
        maker = makers.get(chip, "")
        made = board.maker_regions(maker)[1]
        return barriers.setdefault(made, Barrier(maker, (made, china)))

    for chip in state.world.banned:
        barrier(chip).in_force.append(chip)
    for pending in state.world.pending_bans:
        barrier(pending.chip).announced.append((pending.chip, max(0, pending.turn - state.turn)))
    grey = None
    if state.world.banned or lab.in_transit:
        made = board.maker_regions(makers.get(next(iter(state.world.banned), ""), ""))[1]
        grey = GreyRoute((made, board.grey_via, china), dict(lab.in_transit),
                         seizure_chance(lab) if viewer == "cn" else None, delivered, seized)
    markers = [Marker(other.name, side, board.homes.get(side, side), other.capability,
                      monthly_compute(rules, other), side == viewer) for side, other in state.labs.items()]
    markers += [Marker(r.name, r.side, board.homes.get(r.side, r.side), r.capability, None)
                for r in state.rivals if r.active]
    return MapView(flows, list(barriers.values()), grey, markers)


def flow_changed(notes: list[Note]) -> bool:
    """Whether these notes change the map's flows (chips bought or delivered, a ban announced or in force)."""
    return any(n.key in FLOW_KEYS for n in notes)


def recent_notes(notes: list[Note], turn: int) -> list[Note]:
    """The notes of the last turn and this one: the arrivals the map draws."""
    return [n for n in notes if turn - 1 <= n.turn <= turn]
