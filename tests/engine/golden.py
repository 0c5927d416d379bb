"""Golden playthroughs: a text file per scenario with the actions of a game and, after each turn, the
events that fired in it (with the choice taken), the figures and a digest of the state. The test
replays the file's actions and compares line by line, so a content change reads as a diff: which
events fired differently, and which choices the computer players made.

Rewrite them deliberately (after a rule or content change that is meant to change games) with::

    python -m pytest tests/engine/test_golden.py --update-golden

and read the diff before committing it: it shows which turns and figures moved.
"""

from __future__ import annotations

import json
from pathlib import Path

from game.engine.actions import parse_action
from game.engine.canonical import state_hash
from game.engine.game import Game
from game.engine.state import GameState

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"

#: scenario -> (seed, policy per seat)
CASES = {
    "cn_lab": (7, "efficient"),
    "us_lab": (7, "aggressive"),
    "head_to_head": (7, "cautious"),
}


def _fired_line(state: GameState, turn: int) -> str:
    """``fired: event, event=choice, …``: the events that fired in ``turn``, in firing order (``-`` for
    none). In a two-lab game an event for one lab names it (``event=choice (cn)``), and one that both
    labs answered differently gives both answers (``event (us=a, cn=b)``)."""
    answers: dict[str, list[tuple[str | None, str | None]]] = {}
    for record in state.fired:
        if record.turn == turn:
            answers.setdefault(record.event, []).append((record.side, record.choice))
    names = []
    for event, per_side in answers.items():
        choices = {choice for _, choice in per_side}
        sides = [side for side, _ in per_side]
        if len(choices) > 1:
            both = ", ".join(f"{side}={choice or '-'}" for side, choice in per_side)
            names.append(f"{event} ({both})")
            continue
        name = event + (f"={per_side[0][1]}" if per_side[0][1] else "")
        alone = len(state.seats) > 1 and len(sides) == 1 and sides[0] is not None
        names.append(f"{name} ({sides[0]})" if alone else name)
    return "  fired: " + (", ".join(names) or "-")


def _turn_lines(state: GameState, turn: int) -> list[str]:
    lines = [_fired_line(state, turn)]
    for side in state.seats:
        lab = state.labs[side]
        lines.append(f"  {side} cash={lab.cash} capability={lab.capability} users={lab.users} "
                     f"efficiency={lab.efficiency} chips={json.dumps(lab.chips, sort_keys=True)}")
    lines.append(f"  digest {state_hash(state)[:16]}")
    return lines


def render(game: Game, seed: int, actions: list[dict]) -> str:
    """The golden text of a game: replaying ``actions`` from ``seed``."""
    state = game.new_game(seed)
    lines = ["# Golden playthrough. Rewrite: python -m pytest tests/engine/test_golden.py --update-golden",
             f"scenario {game.scenario.id}", f"seed {seed}", f"turn {state.turn} {state.date}"]
    for action in actions:
        turn, actor = state.turn, state.active
        game.apply_in_place(state, parse_action(action))
        lines.append(f"  {actor} {json.dumps(action, sort_keys=True)}")
        if state.turn != turn or state.over:
            lines += _turn_lines(state, turn)
            if not state.over:
                lines.append(f"turn {state.turn} {state.date}")
    if state.outcome:
        lines.append(f"outcome {state.outcome.reason} {json.dumps(state.outcome.results, sort_keys=True)} "
                     f"{json.dumps(state.outcome.scores, sort_keys=True)}")
    return "\n".join(lines) + "\n"


def read_actions(text: str) -> tuple[int, list[dict]]:
    seed = 0
    actions = []
    for line in text.splitlines():
        if line.startswith("seed "):
            seed = int(line.split()[1])
        elif line.startswith("  ") and "{" in line and not line.strip().startswith(("us cash", "cn cash")):
            actions.append(json.loads(line[line.index("{"):]))
    return seed, actions
