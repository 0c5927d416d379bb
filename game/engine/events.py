"""Which event cards fire at the start of a turn, and what they do.

Order each turn: follow-ups scheduled by earlier effects, then dated and triggered events (by date,
then id), then the scenario's random draws among eligible weighted events.
"""

from __future__ import annotations

from typing import Any

from game.content.models import Choice, Event
from game.engine.conditions import CHECKS
from game.engine.context import Ctx
from game.engine.effects import apply_effects
from game.engine.rules import Card
from game.engine.state import Fired, Lab, PendingChoice


def targets(ctx: Ctx, event: Event | Card, trigger: Any) -> list[Lab] | None:
    """The played labs ``event`` concerns if ``trigger`` holds (``[]``: fires as news), else ``None``
    (``event``: the event or its :class:`~game.engine.rules.Card`; ``trigger``: its trigger, or the part
    left to test in a turn its dates allow, :attr:`Card.in_dates <game.engine.rules.Card.in_dates>`)."""
    state = ctx.state
    # The trigger's test straight from the evaluator's table: what evaluate() calls, one frame fewer for
    # the ~35 triggers a turn asks.
    check = None if trigger is None else CHECKS[type(trigger)]
    if event.side != "any":
        lab = state.labs.get(event.side)
        if check is not None and not check(trigger, ctx, lab, event.side):
            return None
        return [lab] if lab else []
    hit = []
    for side in state.seats:  # (a loop, not a comprehension: one seat mostly, asked ~35 times a turn)
        lab = state.labs[side]
        if check is None or check(trigger, ctx, lab, side):
            hit.append(lab)
    return hit or None


def offered_choices(ctx: Ctx, event: Event | Card, lab: Lab | None) -> list[Choice]:
    """The choices of ``event`` whose ``requires`` holds for ``lab`` (all those without one)."""
    side = lab.side if lab else (event.side if event.side != "any" else None)
    offered = []
    for choice in event.choices:  # (the evaluator's table, as in targets: asked for every card's menu)
        requires = choice.requires
        if requires is None or CHECKS[type(requires)](requires, ctx, lab, side):
            offered.append(choice)
    return offered


def fire(ctx: Ctx, event: Event | Card, labs: list[Lab]) -> None:
    """Fire ``event`` (or its card) for ``labs``: log it, apply its effects, queue or auto-take its
    choices."""
    state = ctx.state
    if labs:
        for lab in labs:
            ctx.record_fired(Fired(turn=state.turn, date=state.date, event=event.id, side=lab.side))
    else:
        side = event.side if event.side != "any" else None
        ctx.record_fired(Fired(turn=state.turn, date=state.date, event=event.id, side=side))
    ctx.emit("event.fired", event.side if event.side != "any" else None, event=event.id)
    apply_effects(ctx, event.effects, labs)
    if not event.choices:
        return
    if labs:
        for lab in labs:
            if offered_choices(ctx, event, lab):
                state.pending.append(PendingChoice(event=event.id, side=lab.side))
        return
    # Nobody plays this side: history takes its course.
    options = offered_choices(ctx, event, None)
    if options:
        choice = next((c for c in options if c.historical), options[0])
        apply_effects(ctx, choice.effects, [])
        state.fired[-1].choice = choice.id


def take_choice(ctx: Ctx, event: Event | Card, choice: Choice, lab: Lab) -> None:
    apply_effects(ctx, choice.effects, [lab])
    for record in reversed(ctx.state.fired):
        if record.event == event.id and record.side == lab.side:
            record.choice = choice.id
            break
    ctx.emit("event.chosen", lab.side, event=event.id, choice=choice.id)


def fire_due_events(ctx: Ctx) -> None:
    """Fire the events of the turn that starts: follow-ups due, then dated or triggered events, then the
    random draws. Each event's date and trigger are tested in turn, so an event sees what the ones
    before it did.

    Example (``begin_turn`` calls it; a new game's first turn has had its news)::

        >>> from game.content.loader import load_content
        >>> from game.engine.game import Game
        >>> [(f.turn, f.event) for f in Game(load_content(), "cn_lab").new_game(seed=1).fired]
        [(0, 'taiwan_earthquake')]
    """
    state, rules = ctx.state, ctx.rules
    due = [s for s in state.scheduled if s.turn <= state.turn]
    fired = set(ctx.fired_ids())  # what had fired before this turn's events (a copy: the context's grows)
    fired_now: set[str] = set()

    if due:
        state.scheduled = [s for s in state.scheduled if s.turn > state.turn]
    for item in due:  # (two of the same once-only follow-up may both fire: only ``fired`` is asked)
        event = rules.cards.get(item.event)
        if event is None or (event.once and event.id in fired):
            continue
        labs = targets(ctx, event, event.trigger)
        if labs is not None and item.side is not None and event.side == "any":
            # a follow-up of one lab's choice (a loan to repay) concerns that lab, not every seat
            labs = [lab for lab in labs if lab.side == item.side] or None
        if labs is not None:
            fire(ctx, event, labs)
            fired_now.add(event.id)

    # Dated or triggered events in date order, then the random ones, among those the turn's dates allow
    # (Rules.events_in_turn, as cards): each is skipped if it fired already, else its trigger decides
    # (the part of it the turn's dates have not decided already).
    checked, random = rules.events_in_turn[state.turn]
    for card in checked:
        if card.id in fired_now or (card.once and card.id in fired):
            continue
        labs = targets(ctx, card, card.in_dates)
        if labs is not None:
            fire(ctx, card, labs)
            fired_now.add(card.id)

    candidates = []
    total = 0
    for card in random:
        if card.id in fired_now or (card.once and card.id in fired):
            continue
        labs = targets(ctx, card, card.in_dates)
        if labs is not None:
            candidates.append((card, labs))
            total += card.weight
    for _ in range(rules.scenario.random_events):
        pick = int(ctx.rng.integers(0, 1 << 30))  # one draw per slot, whatever the candidates
        if not total:
            continue
        pick %= total
        for index, (card, labs) in enumerate(candidates):
            if pick < card.weight:
                fire(ctx, card, labs)
                del candidates[index]
                total -= card.weight  # (the weights of the candidates left)
                break
            pick -= card.weight
