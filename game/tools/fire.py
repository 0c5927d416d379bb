"""``python main.py fire EVENT --scenario ID --date YYYY-MM [--choice N] [--seed S] [--policy P]``:
test one event card.

Plays the scenario with a computer policy up to the turn that holds ``--date``, forces the event there
(whatever its date and trigger say), takes the choice ``--choice N`` (1 = the first; default: the
historical one, else the first offered) and prints every figure the event and then the choice changed
(before → after), the engine's notes, and the follow-ups the card scheduled: the turn each is due,
and whether it fires then (the game is played on with the same policy to see it). Mods load as in
every command: ``--mod PATH`` tests a mod from anywhere.

Example::

    python main.py fire example_open_market_boom --scenario example_no_bans --date 2022-10 --choice 2

The same report serves the window's developer console (:func:`fire_report`).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from typing import Any

from game.cli import UsageError
from game.content.models import Choice, Content, Event
from game.i18n import LANGUAGES, strings
from game.tools.modopts import add_mod_arguments, content_from_args

#: Parts of the state the report shows in their own section (or that only the engine reads).
_NOT_FIGURES = frozenset({"rng", "fired", "pending", "scheduled", "series", "actions_taken", "version"})
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", metavar="EVENT", help="the event id (see: python main.py ids events)")
    parser.add_argument("--scenario", required=True, help="scenario id (see: python main.py ids scenarios)")
    parser.add_argument("--date", required=True, metavar="YYYY-MM", help="the month to fire the event in")
    parser.add_argument("--choice", type=int, metavar="N", help="the choice to take, 1 for the first")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="the game's seed (default 1)")
    parser.add_argument("--policy", default="history", help="the computer player up to the date (default history)")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the report")
    add_mod_arguments(parser)


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """A JSON tree as ``{"labs.cn.cash": 400000000, ...}`` (lists by index)."""
    if isinstance(data, dict):
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}{key}."))
        return out
    if isinstance(data, list):
        out = {}
        for i, value in enumerate(data):
            out.update(flatten(value, f"{prefix}{i}."))
        return out
    return {prefix[:-1]: data}


def figures(state: Any) -> dict[str, Any]:
    """Every figure of a state that an effect can change, flattened."""
    from game.engine.canonical import state_to_json

    data = state_to_json(state)
    return flatten({k: v for k, v in data.items() if k not in _NOT_FIGURES})


def _show(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):  # thousands grouped as each language writes them
        return f"{value:,}".replace(",", "\u202f" if lang == "fr" else ",")
    return str(value)


def changes(before: dict[str, Any], after: dict[str, Any], lang: str = "en") -> list[tuple[str, str, str]]:
    """(figure, before, after) of every figure that changed, in the state's order."""
    keys = list(before) + [k for k in after if k not in before]
    return [(k, _show(before.get(k), lang), _show(after.get(k), lang)) for k in keys
            if before.get(k) != after.get(k)]


@dataclass
class FireReport:
    """What forcing one event did: the lines of the report, and the data a test or the console reads."""

    lines: list[str] = field(default_factory=list)
    event_changes: list[tuple[str, str, str]] = field(default_factory=list)
    choice_changes: list[tuple[str, str, str]] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)


def month_turn(dates: list[str], month: str) -> int | None:
    """The turn whose span holds ``month`` (the last turn starting on or before it), or None."""
    turn = None
    for i, date in enumerate(dates):
        if date[:7] <= month:
            turn = i
    return turn


def _pick_choice(event: Event, offered: list[Choice], number: int | None, lang: str) -> Choice | None:
    s = strings(lang)
    if number is None:
        return next((c for c in offered if c.historical), offered[0] if offered else None)
    if not event.choices:
        raise UsageError(s.t("mods.fire.no_choices", event=event.id))
    if not 1 <= number <= len(event.choices):
        raise UsageError(s.t("mods.fire.choice_range", event=event.id, count=len(event.choices)))
    return event.choices[number - 1]


def fire_report(content: Content, scenario_id: str, event_id: str, month: str, choice: int | None = None,
                seed: int = 1, policy: str = "history", lang: str = "en", state: Any = None,
                game: Any = None) -> FireReport:
    """Force ``event_id`` in ``scenario_id`` at ``month`` and report what it does.

    ``state`` and ``game``: a game in progress to fire it in (the console), its state copied first;
    else a new game is played by ``policy`` up to ``month``. Raises :class:`UsageError` with a
    one-line reason for a wrong id, date or choice.
    """
    from game.engine.canonical import state_from_json, state_to_json
    from game.engine.context import Ctx
    from game.engine.events import fire, offered_choices, take_choice, targets
    from game.engine.game import Game
    from game.match import Match
    from game.messages import describe_notes
    from game.policies import POLICIES

    s = strings(lang)
    t = s.t
    if scenario_id not in content.scenarios:
        import difflib

        near = difflib.get_close_matches(scenario_id, list(content.scenarios), n=1)
        hint = " " + t("lesson.run.did_you_mean", suggestion=near[0]) if near else ""
        raise UsageError(t("lesson.run.unknown_scenario", scenario=scenario_id,
                           known=", ".join(sorted(content.scenarios))) + hint)
    if policy not in POLICIES:
        raise UsageError(t("lesson.run.unknown_policy", policy=policy, known=", ".join(POLICIES)))
    game = game if game is not None else Game(content, scenario_id)
    rules = game.rules
    event = rules.events_by_id.get(event_id)
    if event is None:
        decks = [d for d, deck in content.decks.items() if any(e.id == event_id for e in deck.events)]
        if not decks:
            import difflib

            known = sorted(content.event_ids)
            near = difflib.get_close_matches(event_id, known, n=1)
            hint = " " + t("lesson.run.did_you_mean", suggestion=near[0]) if near else ""
            raise UsageError(t("mods.fire.unknown_event", event=event_id, scenario=scenario_id) + hint)
        playing = [sid for sid, sc in content.scenarios.items() if any(e.id == event_id for e in content.events_of(sc))]
        raise UsageError(t("mods.fire.not_in_scenario", event=event_id, scenario=scenario_id, decks=", ".join(decks),
                           scenarios=", ".join(playing) or "—"))
    if choice is not None:  # a wrong --choice is said before a game is played for nothing
        _pick_choice(event, list(event.choices), choice, lang)
    report = FireReport()
    if state is None:
        if not _MONTH.match(month):
            raise UsageError(t("mods.fire.bad_date", date=month))
        turn = month_turn(rules.dates, month)
        last = rules.dates[-1][:7]
        if turn is None or month > last:
            raise UsageError(t("mods.fire.date_outside", date=month, scenario=scenario_id,
                               start=rules.dates[0][:7], end=last))
        match = Match.new(game, seed, {side: policy for side in game.scenario.sides}, in_place=True)
        match.play_computer_seats(until_turn=turn)
        state = match.state
        report.lines.append(t("mods.fire.played_to", scenario=scenario_id, seed=seed, turn=state.turn + 1,
                              date=state.date, policy=policy))
    else:
        match = None
        state = state_from_json(state_to_json(state))  # the console's game stays as it was

    before = figures(state)
    scheduled_before = len(state.scheduled)
    ctx = Ctx(rules, state, state.rng.draws)  # the state's live generator: the card draws as in play
    labs = targets(ctx, event, event.trigger)
    checked, drawn = rules.events_in_turn[state.turn] if state.turn < len(rules.events_in_turn) else ([], [])
    holds = labs is not None and any(card.event is event for card in checked + drawn)  # its dates allow it too
    if labs is None:  # forced: the labs the card concerns, as if its trigger held
        labs = [state.labs[side] for side in state.seats if event.side in ("any", side)]
    side_word = event.side
    report.lines.append(t("mods.fire.event", event=event.id, title=s.pick(event.title), side=side_word,
                          turn=state.turn + 1, date=state.date))
    report.lines.append(t("mods.fire.condition_yes" if holds else "mods.fire.condition_no"))
    fire(ctx, event, labs)
    after_event = figures(state)
    report.event_changes = changes(before, after_event, lang)
    report.lines.append(t("mods.fire.event_effects"))
    report.lines += [t("mods.fire.effect", what=k, before=b, after=a) for k, b, a in report.event_changes] or [
        t("mods.fire.no_effects")]
    lab = labs[0] if labs else None  # the first lab the card concerns answers it
    if event.choices and lab is not None:
        offered = offered_choices(ctx, event, lab)
        wanted = _pick_choice(event, offered, choice, lang)
        for number, option in enumerate(event.choices, 1):
            mark = t("mods.fire.chosen") if option is wanted else ""
            report.lines.append(t("mods.fire.choice", number=number, choice=s.pick(option.label), chosen=mark))
        if choice is None:
            report.lines.append(t("mods.fire.choice_default"))
        if wanted is None or wanted not in offered:
            report.lines.append(t("mods.fire.choice_refused", number=choice or "—",
                                  reason=t("mods.fire.requires_fail")))
        else:
            take_choice(ctx, event, wanted, lab)
            state.pending = [p for p in state.pending if not (p.event == event.id and p.side == lab.side)]
            report.choice_changes = changes(after_event, figures(state), lang)
            report.lines.append(t("mods.fire.choice_effects", number=event.choices.index(wanted) + 1,
                                  choice=wanted.id))
            report.lines += [t("mods.fire.effect", what=k, before=b, after=a)
                             for k, b, a in report.choice_changes] or [t("mods.fire.no_effects")]
    notes = list(ctx.out)
    text = describe_notes(notes, content, lang)
    if text:
        report.lines.append(t("mods.fire.notes"))
        report.lines += [f"  {line}" for line in text]
    new = state.scheduled[scheduled_before:]
    report.lines.append(t("mods.fire.follow_ups"))
    if not new:
        report.lines.append(t("mods.fire.no_follow_ups"))
    last_turn = len(rules.dates) - 1
    if new and match is not None:  # play on to see whether each fires when due
        match.play_computer_seats(until_turn=min(max(f.turn for f in new), last_turn) + 1)
    for item in new:
        date = rules.dates[item.turn] if item.turn <= last_turn else "—"
        if item.turn > last_turn:
            fired_text = t("mods.fire.fires_beyond")
        elif match is None:
            fired_text = ""
        else:
            fired = any(f.event == item.event and f.turn == item.turn for f in match.state.fired)
            target = rules.events_by_id.get(item.event)
            fired_text = (t("mods.fire.fires", title=s.pick(target.title) if target else item.event) if fired
                          else t("mods.fire.fires_not"))
        report.follow_ups.append({"event": item.event, "turn": item.turn, "date": date})
        report.lines.append(t("mods.fire.follow_up", event=item.event, turn=item.turn + 1, date=date, fired=fired_text))
    return report


def run(args: argparse.Namespace) -> int:
    content = content_from_args(args)
    report = fire_report(content, args.scenario, args.event, args.date, args.choice, args.seed, args.policy,
                         args.lang)
    for line in report.lines:
        print(line)
    return 0
