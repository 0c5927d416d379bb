"""Write the sample saves kept as fixtures, one per save format (``tests/fixtures/saves/``).

Run ``python -m tests.saves.make_fixtures`` only when the state model changes in a way that old
fixtures can no longer load (and say so in the commit). When the save format changes, keep the old
``vN_*.json`` files: they are what the migration tests read.
"""

from __future__ import annotations

from game.saves import FORMAT_VERSION, save_game
from tests.saves.helpers import FIXTURES, downgrade_to_v0, read_doc, sample, write_doc


def main() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    game, state, log = sample("cn_lab", seed=7, policy="efficient", turns=3)
    current = FIXTURES / f"v{FORMAT_VERSION}_cn_lab.json"
    save_game(current, game, state, log, meta={"name": "Period 3 — fixture"})
    write_doc(FIXTURES / "v0_cn_lab.json", downgrade_to_v0(read_doc(current)), reseal=False)
    print(f"wrote {current.name} and v0_cn_lab.json in {FIXTURES}")


if __name__ == "__main__":
    main()
