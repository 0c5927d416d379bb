"""Helper process for test_kill: plays games forever, saving after every action, until killed.

    python -m tests.saves.autosave_loop FOLDER

Writes ``FOLDER/autosave.json`` (one slot rewritten in place) and prints ``ready`` once it exists.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.content.loader import load_content
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.policies import make_policy
from game.saves import save_game


def main(folder: Path) -> None:
    content = load_content()
    path = folder / "autosave.json"
    announced = False
    seed = 0
    while True:
        seed += 1
        game = Game(content, ("cn_lab", "head_to_head")[seed % 2])
        state = game.new_game(seed)
        players = {side: make_policy("aggressive", seed) for side in state.seats}
        log: list[LogEntry] = []
        while not state.over:
            action = players[state.active].choose(game, state, game.legal_actions(state))
            log.append(LogEntry.taken(state, action))
            game.apply_in_place(state, action)
            save_game(path, game, state, log, meta={"seed": seed, "actions": len(log)})
            if not announced:
                print("ready", flush=True)
                announced = True


if __name__ == "__main__":
    main(Path(sys.argv[1]))
