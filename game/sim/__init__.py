"""Batch simulation: many seeded headless games, and statistics a modder or a teacher can read.

``python main.py simulate`` (see :mod:`game.tools.simulate`) is the command; this package holds the
parts: :mod:`~game.sim.seeds` (per-game seeds), :mod:`~game.sim.runner` (playing games over several
processes, results in a fixed order), :mod:`~game.sim.stats` (the tables) and :mod:`~game.sim.text`
(the tables as text, in English or French).
"""
