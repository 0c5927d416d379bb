"""Measuring tools, outside the game package: ``run.py`` (every target), ``hashes.py`` (every game unchanged),
``content_load`` (loading a large generated mod) and ``ui_frames`` (frame time, idle CPU, start-up)."""
