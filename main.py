"""Chip Race: a turn-based strategy game about the US–China AI race of 2019–2025.

``python main.py`` opens the game window; ``python main.py --help`` lists the headless commands.
"""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
