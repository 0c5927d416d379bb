"""Which event cards fire at the start of a turn, and what they do.

Order each turn: follow-ups scheduled by earlier effects, then dated and triggered events (by date,
then id), then the scenario's random draws among eligible weighted events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from game.content.models import Choice, Event
from game.engine.conditions import holds
from game.engine.context import Ctx
from game.engine.effects import apply_effects
from game.engine.state import Fired, Lab, PendingChoice
from game.engine.triggers import turn_plan


def targets(ctx: Ctx, event: Event) -> list[Lab] | None:
    """The played labs an event concerns if its trigger holds (``[]``: fires as news), else ``None``."""
    state = ctx.state
    if event.side == "any":
        labs = [state.labs[s] for s in state.seats]
        hit = [lab for lab in labs if holds(event.trigger, ctx, lab)]
        return hit or None
    lab = state.labs.get(event.side)
    return ([lab] if lab else []) if holds(event.trigger, ctx, lab, event.side) else None


def offered_choices(ctx: Ctx, event: Event, lab: Lab | None) -> list[Choice]:
    side = lab.side if lab else (event.side if event.side != "any" else None)
    return [c for c in event.choices if holds(c.requires, ctx, lab, side)]


def fire(ctx: Ctx, event: Event, labs: list[Lab]) -> None:
    """Fire ``event`` for ``labs``: log it, apply its effects, queue or auto-take its choices."""
    state = ctx.state
    if labs:
        for lab in labs:
            state.fired.append(Fired.make(turn=state.turn, date=state.date, event=event.id, side=lab.side))
    else:
        side = event.side if event.side != "any" else None
        state.fired.append(Fired.make(turn=state.turn, date=state.date, event=event.id, side=side))
    ctx.emit("event.fired", event.side if event.side != "any" else None, event=event.id)
    apply_effects(ctx, event.effects, labs)
    if not event.choices:
        return
    if labs:
        for lab in labs:
            if offered_choices(ctx, event, lab):
                state.pending.append(PendingChoice.make(event=event.id, side=lab.side))
        return
    # Nobody plays this side: history takes its course.
    options = offered_choices(ctx, event, None)
    if options:
        choice = next((c for c in options if c.historical), options[0])
        apply_effects(ctx, choice.effects, [])
        state.fired[-1].choice = choice.id


def take_choice(ctx: Ctx, event: Event, choice: Choice, lab: Lab) -> None:
    apply_effects(ctx, choice.effects, [lab])
    for record in reversed(ctx.state.fired):
        if record.event == event.id and record.side == lab.side:
            record.choice = choice.id
            break
    ctx.emit("event.chosen", lab.side, event=event.id, choice=choice.id)


def _ready(ctx: Ctx, watches: Iterable[Any], fired: set[str],
           fired_now: set[str]) -> Iterator[tuple[Any, list[Lab]]]:
    """The watches whose event may fire now, with the labs it concerns (lazily: the caller's firing of
    one event is seen by the test of the next, through ``fired_now``).

    With one side to test (every watch when one seat is played), ``Watch.targets`` is done inline: this
    loop visits some fifty watches a turn and the call was a third of its cost. A lab of an ``any`` event
    is always there, so ``[lab] if lab else []`` is what ``targets`` returns for both kinds.
    """
    all_labs = ctx.state.labs
    for watch in watches:
        if watch.id in fired_now or (watch.once and watch.id in fired):
            continue
        side = watch.side
        if side is not None:
            lab, check = all_labs.get(side), watch.check
            if check is not None and not check(ctx, lab, side):
                continue
            yield watch, [lab] if lab else []
        else:
            labs = watch.targets(ctx)
            if labs is not None:
                yield watch, labs


def fire_due_events(ctx: Ctx) -> None:
    state, rules = ctx.state, ctx.rules
    due = [s for s in state.scheduled if s.turn <= state.turn] if state.scheduled else []
    # What had fired before this turn's events. A snapshot while follow-ups are due (two of the same
    # once-only event may both fire in a turn); otherwise the live set serves: it may gain this turn's
    # events, but every test below asks ``fired_now`` first, which holds them all.
    fired = set(ctx.fired_ids()) if due else ctx.fired_ids()
    fired_now: set[str] = set()

    if due:
        state.scheduled = [s for s in state.scheduled if s.turn > state.turn]
    for item in due:
        event = rules.events_by_id.get(item.event)
        if event is None or (event.once and event.id in fired):
            continue
        labs = targets(ctx, event)
        if labs is not None:
            fire(ctx, event, labs)
            fired_now.add(event.id)

    # Dated or triggered events, then the random ones: only those this turn's plan holds, i.e. those
    # whose date, side, seats and trigger leave a chance (see game.engine.triggers), in the order of
    # Rules.checked_events and Rules.random_events.
    plan = turn_plan(rules, state)
    for watch, labs in _ready(ctx, plan.checked, fired, fired_now):
        fire(ctx, watch.event, labs)
        fired_now.add(watch.id)

    candidates = []
    total = 0
    for watch, labs in _ready(ctx, plan.random, fired, fired_now):
        candidates.append((watch.event, labs))
        total += watch.event.weight
    for _ in range(rules.scenario.random_events):
        pick = ctx.rng.draw_int(0, 1 << 30)  # one draw per slot, whatever the candidates
        if not total:
            continue
        pick %= total
        for index, (event, labs) in enumerate(candidates):
            if pick < event.weight:
                fire(ctx, event, labs)
                del candidates[index]
                total -= event.weight  # (the weights of the candidates left)
                break
            pick -= event.weight
