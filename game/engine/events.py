"""Which event cards fire at the start of a turn, and what they do.

Order each turn: follow-ups scheduled by earlier effects, then dated and triggered events (by date,
then id), then the scenario's random draws among eligible weighted events.
"""

from __future__ import annotations

from game.content.models import Choice, Event
from game.engine.calendar import date_key
from game.engine.conditions import evaluate
from game.engine.context import Ctx
from game.engine.effects import apply_effects
from game.engine.state import Fired, Lab, PendingChoice


def targets(ctx: Ctx, event: Event) -> list[Lab] | None:
    """The played labs an event concerns if its trigger holds (``[]``: fires as news), else ``None``."""
    state = ctx.state
    trigger, labs = event.trigger, state.labs
    if event.side == "any":
        hit = [labs[side] for side in state.seats if evaluate(trigger, ctx, labs[side], side)]
        return hit or None
    lab = labs.get(event.side)
    return ([lab] if lab else []) if evaluate(trigger, ctx, lab, event.side) else None


def date_eligible(event: Event, turn_end: str, date: str) -> bool:
    """The calendar part of an event's eligibility: its date has come (before the end of the turn that
    starts on ``date``) and its ``until`` has not passed.

    Example::

        >>> from game.content.models import Event
        >>> event = Event(id="x", kind="generic", title={"en": "x"}, text={"en": "x"}, date="2020-01",
        ...               until="2020-06")
        >>> [date_eligible(event, end, start) for start, end in
        ...  [("2019-10-01", "2020-01-01"), ("2020-01-01", "2020-04-01"), ("2020-07-01", "2020-10-01")]]
        [False, True, False]
    """
    if event.date and date_key(event.date) >= turn_end:
        return False
    return not (event.until and date_key(event.until) < date)


def offered_choices(ctx: Ctx, event: Event, lab: Lab | None) -> list[Choice]:
    side = lab.side if lab else (event.side if event.side != "any" else None)
    return [c for c in event.choices if evaluate(c.requires, ctx, lab, side)]


def fire(ctx: Ctx, event: Event, labs: list[Lab]) -> None:
    """Fire ``event`` for ``labs``: log it, apply its effects, queue or auto-take its choices."""
    state = ctx.state
    if labs:
        for lab in labs:
            ctx.log_fired(Fired(turn=state.turn, date=state.date, event=event.id, side=lab.side))
    else:
        side = event.side if event.side != "any" else None
        ctx.log_fired(Fired(turn=state.turn, date=state.date, event=event.id, side=side))
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


def take_choice(ctx: Ctx, event: Event, choice: Choice, lab: Lab) -> None:
    apply_effects(ctx, choice.effects, [lab])
    for record in reversed(ctx.state.fired):
        if record.event == event.id and record.side == lab.side:
            record.choice = choice.id
            break
    ctx.emit("event.chosen", lab.side, event=event.id, choice=choice.id)


def fire_due_events(ctx: Ctx) -> None:
    """Fire the events of the turn that starts: follow-ups due, then dated or triggered events, then the
    random draws. Each event's date and trigger are tested in turn, so an event sees what the ones
    before it did."""
    state, rules = ctx.state, ctx.rules
    due = [s for s in state.scheduled if s.turn <= state.turn]
    fired = set(ctx.fired_ids())  # what had fired before this turn's events
    fired_now: set[str] = set()

    if due:
        state.scheduled = [s for s in state.scheduled if s.turn > state.turn]
    for item in due:  # (two of the same once-only follow-up may both fire: only ``fired`` is asked)
        event = rules.events_by_id.get(item.event)
        if event is None or (event.once and event.id in fired):
            continue
        labs = targets(ctx, event)
        if labs is not None:
            fire(ctx, event, labs)
            fired_now.add(event.id)

    # Dated or triggered events in date order, then the random ones: each is skipped at the first test
    # that fails, the cheapest first (fired already, then its dates, then its trigger).
    turn_end, date = rules.turn_end(state.turn), state.date
    for event in rules.checked_events:
        if event.id in fired_now or (event.once and event.id in fired) or not date_eligible(event, turn_end, date):
            continue
        labs = targets(ctx, event)
        if labs is not None:
            fire(ctx, event, labs)
            fired_now.add(event.id)

    candidates = []
    total = 0
    for event in rules.random_events:
        if event.id in fired_now or (event.once and event.id in fired) or not date_eligible(event, turn_end, date):
            continue
        labs = targets(ctx, event)
        if labs is not None:
            candidates.append((event, labs))
            total += event.weight
    for _ in range(rules.scenario.random_events):
        pick = int(ctx.rng.integers(0, 1 << 30))  # one draw per slot, whatever the candidates
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
