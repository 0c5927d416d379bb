"""A hypothesis state machine plays random legal actions, saving and loading at random points.

A shadow copy of the game is never saved: after every step the live game (reloaded from disk any
number of times) must have the same state hash as the shadow, and the invariants must hold.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import Phase, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from game.content.loader import load_content
from game.engine.actions import EndTurn
from game.engine.canonical import state_from_json, state_hash, state_to_json
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.saves import load_save, save_game
from tests.engine.test_conformance import check_invariants

SCENARIOS = sorted(load_content().scenarios)


class SaveLoadMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="chip-race-saves-"))
        self.reloads = 0

    @initialize(scenario=st.sampled_from(SCENARIOS), seed=st.integers(0, 2**40),
                limit=st.integers(3, 8))
    def start(self, scenario: str, seed: int, limit: int) -> None:
        # A turn limit keeps each example short; it is a facilitator option the save must carry.
        self.game = Game(load_content(), scenario, {"turn_limit": limit})
        self.state = self.game.new_game(seed)
        self.shadow_game = self.game
        self.shadow = self.state.model_copy(deep=True)
        self.log: list[LogEntry] = []

    def _play(self, action) -> None:
        self.log.append(LogEntry.taken(self.state, action))
        self.game.apply_in_place(self.state, action)
        self.shadow_game.apply_in_place(self.shadow, action)

    @precondition(lambda self: not self.state.over)
    @rule(pick=st.integers(0, 10**6))
    def act(self, pick: int) -> None:
        legal = self.game.legal_actions(self.state)
        self._play(legal[pick % len(legal)])

    @precondition(lambda self: not self.state.over)
    @rule(pick=st.integers(0, 10**6))
    def end_turn(self, pick: int) -> None:
        legal = self.game.legal_actions(self.state)
        self._play(EndTurn() if isinstance(legal[-1], EndTurn) else legal[pick % len(legal)])

    @rule(slot=st.sampled_from(["autosave.json", "slot1.json", "slot2.json"]), name=st.text(max_size=12))
    def save_and_load(self, slot: str, name: str) -> None:
        path = self.folder / slot
        save_game(path, self.game, self.state, self.log, meta={"name": name})
        loaded = load_save(path)
        assert loaded.state == self.state and loaded.actions == self.log and loaded.meta == {"name": name}
        assert loaded.document.replay_verified and not loaded.warnings
        assert loaded.game.options == self.game.options
        # From now on the game goes on from what was read back from disk.
        self.game, self.state, self.log = loaded.game, loaded.state, loaded.actions
        self.reloads += 1

    @invariant()
    def same_as_the_shadow(self) -> None:
        if hasattr(self, "state"):
            assert state_hash(self.state) == state_hash(self.shadow)
            assert state_from_json(state_to_json(self.state)) == self.state

    @invariant()
    def rules_hold(self) -> None:
        if hasattr(self, "state"):
            check_invariants(self.game, self.state)
            legal = self.game.legal_actions(self.state)
            assert (legal == []) == self.state.over

    def teardown(self) -> None:
        if hasattr(self, "state"):
            event(f"reached turn {min(self.state.turn, 3)}+, reloaded {min(self.reloads, 2)}+ times")
        shutil.rmtree(self.folder, ignore_errors=True)


# No shrinking: a failing run already prints its steps, and shrinking whole games can take minutes.
SaveLoadMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=30, deadline=None,
                                             phases=(Phase.explicit, Phase.reuse, Phase.generate))
TestSaveLoad = SaveLoadMachine.TestCase
