"""The engine's public face: start a game, list legal actions, apply an action.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.actions import Hire
    >>> game = Game(load_content(), "us_lab")
    >>> state = game.new_game(seed=7)
    >>> while state.pending:                  # answer any news card that waits for a decision
    ...     state = game.apply(state, game.legal_actions(state)[0]).state
    >>> step = game.apply(state, Hire(count=10))
    >>> step.state.lab.talent - state.lab.talent, step.notes[0].key   # the old state is untouched
    (10, 'action.hire')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.content.models import Content, GameOptions
from game.engine import actions as a
from game.engine import errors as err
from game.engine.calendar import date_key
from game.engine.context import Ctx, QuietCtx
from game.engine.economy import accounts
from game.engine.handlers import HANDLERS
from game.engine.legal import MenuTables, legal_menu, targets, why_not
from game.engine.notes import Note
from game.engine.refusals import refusal, refuse_seat
from game.engine.rng import NO_DRAWS, Rng
from game.engine.rules import Rules
from game.engine.state import GameState, Lab, RivalLab, World
from game.engine.turn import begin_turn, end_game, resolve_world

MAX_SEED = 2**63 - 1


def _parsed(action: a.Action | dict[str, Any]) -> a.Action:
    """``action`` itself, or read from its JSON form (``illegal.malformed`` when it is not an action)."""
    if not isinstance(action, dict):
        return action
    try:
        return a.parse_action(action)
    except ValueError as exc:
        raise err.IllegalAction(f"not an action: {exc}", "illegal.malformed") from None


@dataclass(frozen=True, slots=True)
class Step:
    """What ``apply`` returns: the next state and what happened, as :class:`~game.engine.notes.Note` records."""

    state: GameState
    notes: list[Note]


class Game:
    """The rules of one scenario, bound to its content. Stateless: every call takes the state."""

    def __init__(self, content: Content, scenario_id: str, options: GameOptions | dict[str, Any] | None = None,
                 *, record: bool = True):
        """``record=False``: the calls return no notes and the state keeps no per-turn ``series``; the
        games are otherwise the same (for batch simulation, which reads only their outcome)."""
        self.content = content
        self.options = GameOptions.model_validate(options or {})
        self.rules = Rules(content, content.scenario(scenario_id), self.options)
        self.menu_tables = MenuTables(self.rules)
        self._ctx: type[Ctx] = Ctx if record else QuietCtx

    @classmethod
    def for_state(cls, content: Content, state: GameState) -> Game:
        """The game a saved state belongs to (its scenario and facilitator options)."""
        return cls(content, state.scenario, state.options)

    @property
    def scenario(self):
        return self.rules.scenario

    def new_game(self, seed: int, seats: Iterable[str] | None = None) -> GameState:
        """A fresh game for ``seed``; ``seats`` defaults to every side the scenario plays.

        Example::

            >>> from game.content.loader import load_content
            >>> Game(load_content(), "us_lab").new_game(seed=1).date
            '2022-07-01'
        """
        return self.start(seed, seats).state

    def start(self, seed: int, seats: Iterable[str] | None = None) -> Step:
        """Like :meth:`new_game`, with the notes of the first turn's start (its news).

        Example::

            >>> from game.content.loader import load_content
            >>> step = Game(load_content(), "cn_lab").start(seed=1)
            >>> step.notes[0].key, step.notes[0].params["date"]
            ('turn.start', '2019-07-01')
        """
        if not 0 <= seed <= MAX_SEED:
            raise ValueError(f"the seed is a whole number from 0 to {MAX_SEED}")
        scenario = self.rules.scenario
        played = list(seats) if seats is not None else list(scenario.sides)
        unknown = [s for s in played if s not in scenario.sides]
        if unknown or not played:
            raise ValueError(f"this scenario plays {scenario.sides}, not {played}")
        labs = {}
        for side in played:
            start = scenario.labs[side]
            cash = start.cash * self.rules.difficulty[0] // 100
            labs[side] = Lab(
                side=side, name=start.name, cash=cash, start_cash=cash, chips=dict(start.chips),
                talent=start.talent, capability=start.capability, efficiency=start.efficiency,
                users=start.users, price_cents=start.price_cents, open_weights=start.open_weights,
                released=start.released, reputation=start.reputation, gov_relations=start.gov_relations,
                techs=sorted(start.techs),
            )
            # A lab that starts with a model on sale starts with a year of sales at its present pace.
            labs[side].revenue_year = accounts(self.rules, labs[side], 12)[0]
        rivals = [RivalLab(id=r.id, name=r.name, side=r.side, capability=r.capability,
                           price_cents=r.price_cents, open_weights=r.open_weights, trust=r.trust,
                           active=r.active_from is None or date_key(r.active_from) <= self.rules.dates[0])
                  for r in self.rules.rivals]
        world = World(banned=sorted(scenario.initial_bans), market_users=scenario.market_users,
                      priced_users=scenario.market_users,
                      stocks={s.id: scenario.stock_prices.get(s.id, s.price_cents) for s in self.rules.stocks})
        state = GameState(scenario=scenario.id, seed=seed, rng=Rng.seeded(seed),
                          options=self.options.model_dump(mode="json", exclude_defaults=True), date=self.rules.dates[0],
                          seats=played, active=played[0], labs=labs, rivals=rivals, world=world)
        ctx = self._ctx(self.rules, state, state.rng.draws)
        begin_turn(ctx)
        return Step(state, ctx.out)

    def legal_actions(self, state: GameState) -> list[a.Action]:
        """Every action the active seat may take now (``[]`` when the game is over)."""
        return legal_menu(Ctx(self.rules, state, NO_DRAWS), self.menu_tables)  # the menu reads, never draws

    def check(self, state: GameState, action: a.Action | dict[str, Any]) -> None:
        """Raise the ``IllegalAction`` that ``apply`` would raise, without changing or copying anything
        (the refusal functions of :mod:`game.engine.refusals`, which ``apply`` raises too).

        Example::

            >>> from game.content.loader import load_content
            >>> from game.engine.actions import BuyChips
            >>> game = Game(load_content(), "cn_lab")
            >>> game.check(game.new_game(seed=1), BuyChips(chip="h100", count=10))
            Traceback (most recent call last):
            ...
            game.engine.errors.NotAvailable: Nvidia H100 is on sale from 2022-10
        """
        refused = refusal(Ctx(self.rules, state, NO_DRAWS), _parsed(action))
        if refused is not None:
            raise refused

    def why_not(self, state: GameState, side: str, kind: type[a.Action],
                target: str | None = None) -> err.IllegalAction | None:
        """Why ``legal_actions`` has no action of ``kind`` for ``side`` now, or ``None`` when it has
        one: "no action points", "a run is in progress", "not enough cash"… (see
        :func:`game.engine.legal.why_not`; ``target`` narrows it to one chip or technique).

        Example::

            >>> from game.content.loader import load_content
            >>> from game.engine.actions import SetPrice
            >>> game = Game(load_content(), "cn_lab")
            >>> game.why_not(game.new_game(seed=1), "cn", SetPrice).key
            'illegal.not_released'
        """
        return why_not(Ctx(self.rules, state, NO_DRAWS), side, kind, target)

    def targets(self, side: str, kind: type[a.Action]) -> tuple[str, ...]:
        """The chips or techniques an action of ``kind`` can be about for ``side`` (for pickers).

        Example::

            >>> from game.content.loader import load_content
            >>> from game.engine.actions import BuyChips
            >>> Game(load_content(), "us_lab").targets("us", BuyChips)
            ('v100', 'a100', 'h100')
        """
        return targets(self.rules, side, kind)

    def apply(self, state: GameState, action: a.Action | dict[str, Any]) -> Step:
        """The state after ``action`` by the active seat, and the events it emitted.

        Raises a subclass of :class:`~game.engine.errors.IllegalAction` (a ``ValueError``) when the
        action is not allowed now; ``state`` itself is never changed.
        """
        new = state.model_copy(deep=True)
        events = self.apply_in_place(new, action)
        return Step(new, events)

    def apply_in_place(self, state: GameState, action: a.Action | dict[str, Any]) -> list[Note]:
        """Like :meth:`apply` but changes ``state`` itself (for fast simulation).

        On an illegal action nothing has been changed: every handler checks before it acts.
        """
        action = _parsed(action)
        refused = refuse_seat(state, state.active, type(action))  # the handler raises the rest
        if refused is not None:
            raise refused
        lab = state.lab
        if isinstance(action, a.EndTurn):
            ctx = self._ctx(self.rules, state, state.rng.draws)
            self._end_turn(ctx)
        else:
            # Only the end of a turn draws (the world's answer, the next turn's events): a seat's own
            # actions get the stand-in that refuses to draw, so a rule that drew there fails every test.
            ctx = self._ctx(self.rules, state, NO_DRAWS)
            HANDLERS[type(action)](ctx, lab, action)
            if action.cost:
                lab.action_points -= action.cost
        state.actions_taken += 1
        return ctx.out

    def _end_turn(self, ctx: Ctx) -> None:
        state = ctx.state
        seat = state.seats.index(state.active)
        ctx.emit("turn.end", state.active)
        if seat + 1 < len(state.seats):
            state.active = state.seats[seat + 1]
        else:
            resolve_world(ctx)

    def conclude(self, state: GameState) -> Step:
        """End the game now (a turn limit set by a teacher or a tool), scored as it stands."""
        if state.outcome is not None:
            raise err.GameOverError("the game is over")
        new = state.model_copy(deep=True)
        ctx = self._ctx(self.rules, new, new.rng.draws)
        end_game(ctx, "turn_limit")
        return Step(new, ctx.out)

    def replay(self, seed: int, actions: Iterable[a.Action | dict[str, Any]],
               seats: Iterable[str] | None = None) -> GameState:
        """The state reached by playing ``actions`` from a new game: a fold of ``apply``."""
        state = self.new_game(seed, seats)
        for action in actions:
            self.apply_in_place(state, action)
        return state
