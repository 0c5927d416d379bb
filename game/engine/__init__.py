"""The rules of Chip Race: pure, deterministic, no display.

Start with :mod:`game.engine.game` (the public API: ``Game.new_game``, ``legal_actions``, ``apply``),
then follow one turn:

1. ``Game.apply(state, action)`` copies the state and, for anything but ``EndTurn``, calls the action's
   handler in :mod:`~game.engine.handlers`. A handler checks everything first (raising a subclass of
   :class:`~game.engine.errors.IllegalAction`), then changes the copy and *emits* notes
   (:class:`~game.engine.notes.Note`: message keys with parameters, never sentences, each public or
   private to one lab) through :class:`~game.engine.context.Ctx`.
2. ``EndTurn`` passes to the next seat; after the last seat, :func:`~game.engine.turn.resolve_world`
   runs: grey-market deliveries, training (:mod:`~game.engine.training`), research, rivals
   (:mod:`~game.engine.rivals`), users and accounts (:mod:`~game.engine.economy`), share prices
   (:mod:`~game.engine.market`), the series for charts, and the end of the game
   (:mod:`~game.engine.scoring`).
3. :func:`~game.engine.turn.begin_turn` starts the next turn: bans that come into force, then the news
   (:mod:`~game.engine.events`): follow-ups, dated and triggered events, random draws. Conditions are
   evaluated in :mod:`~game.engine.conditions`, effects applied in :mod:`~game.engine.effects`.

Chance comes only from the PCG64 generator whose state is part of the game state (:mod:`~game.engine.rng`);
draws have a fixed shape per turn, so a game is its seed plus its actions. The state
(:mod:`~game.engine.state`) holds only integers, strings, lists and dicts, so its canonical JSON form
(:mod:`~game.engine.canonical`) round-trips exactly. Content (chips, events, scenarios) is looked up
through :class:`~game.engine.rules.Rules`, built once per scenario and options.
"""
