"""Reading text files written by people: a hardened YAML reader (:mod:`~game.textfiles.safeyaml`) and the
problems found in such files, with their place and a translatable message (:mod:`~game.textfiles.problems`).

General tools: content loading (:mod:`game.content`) and the ``validate`` command use them; they know
nothing of the game's content.
"""
