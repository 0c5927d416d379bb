"""The game window (pygame-ce + pygame_gui): scenes on a stack that read the state and submit actions.

Layout of the package:

- ``app.py``      the window, the event loop (waits on events when idle), the crash safety net
- ``flow.py``     what screen comes next (hand-off, summary, cards, tutorial, end); the player's actions
- ``content_service.py``  the content the app plays: loading, mods switched on, reload (F5)
- ``scene.py``    the base class of screens (a scene answers its opener by callback: ``close(result)``);
  ``focus.py`` keyboard focus (Tab / arrows / Enter)
- ``session.py``  the only door to the engine: ``Session.submit(action)``
- ``persist.py``  saves, crash reports, result export; ``settings.py`` remembered settings
- ``scenes/``     the screens; ``scenes/__init__.py`` has the registry the main menu reads
- ``charts.py``   small line and bar charts drawn with pygame
- ``mapdata.py``, ``racedata.py``, ``marketdata.py``  what the pictures show (the chip map, the race
  chart, the market moment), read from the state and the engine's notes; the pictures are
  ``scenes/chipmap.py``, ``race.py``, ``frontpage.py``, ``market.py`` on ``scenes/picture.py``
- ``motion.py``   short transitions (under 300 ms), off with the "motion" setting
- ``launch.py``   the ``play`` command (frame time, idle CPU and start-up are measured in ``benchmarks/``)
"""

import os

# pygame prints a greeting on import; a student double-clicking the game should see only the window.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
