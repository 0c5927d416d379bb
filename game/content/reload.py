"""Can freshly reloaded content replace the content of a game in progress? (F5 for modders)

Text changes are always fine. A change that removes something the running game refers to (its
scenario, an event it fired or waits on, a chip, technique, rival or stock its state holds) would
break the game: the reload is refused and each reason is given as a string-table key.

Example::

    >>> from game.content.loader import load_content
    >>> from game.engine.game import Game
    >>> state = Game(load_content(), "cn_lab").new_game(seed=1)
    >>> reload_blockers(load_content(), state)
    []
"""

from __future__ import annotations

from typing import Any

Reason = tuple[str, dict[str, str]]


def _ids(items: Any) -> set[str]:
    return {x.id for x in items}


def reload_blockers(content: Any, state: Any) -> list[Reason]:
    """Why ``content`` cannot replace the running game's content (empty: it can)."""
    if state.scenario not in content.scenarios:
        return [("mods.screen.reload_missing_scenario", {"id": state.scenario})]
    scenario = content.scenarios[state.scenario]
    events = {e.id for deck in scenario.decks if deck in content.decks for e in content.decks[deck].events}
    reasons: list[Reason] = []
    referred = [f.event for f in state.fired] + [p.event for p in state.pending]
    referred += [s.event for s in getattr(state, "scheduled", [])]
    for ident in sorted(set(referred) - events):
        reasons.append(("mods.screen.reload_missing_event", {"id": ident}))
    world = content.world
    checks = [
        ("chip", _ids(world.chips), {c for lab in state.labs.values() for c in lab.chips}
         | set(getattr(state.world, "banned", []) or [])),
        ("tech", _ids(world.techs), {t for lab in state.labs.values() for t in lab.techs}),
        ("rival", _ids(world.rivals), {r.id for r in state.rivals} if isinstance(state.rivals, list)
         else set(state.rivals)),
        ("stock", _ids(world.stocks), set(state.world.stocks)),
    ]
    for kind, known, used in checks:
        for ident in sorted(used - known):
            reasons.append(("mods.screen.reload_missing_item", {"kind": f"@mods.kind.{kind}", "id": ident}))
    return reasons
