"""Short transitions that show what changed (a number counting, a bar growing), under 300 ms, and
switched off by the "motion" setting (a projector, a player who finds them tiring). Nothing moves
while idle: a transition ends, and the scene then stops asking for frames.

Example::

    >>> t = Tween(on=True)
    >>> t.step(0.1)
    True
    >>> t.step(1.0), t.value
    (False, 1.0)
"""

from __future__ import annotations

from typing import Any

#: Length of a transition, seconds (the issue asks for under 300 ms).
DURATION = 0.28


def motion_on(app: Any) -> bool:
    """Whether the player's settings allow transitions."""
    return bool(getattr(app.settings, "motion", True))


def ease(x: float) -> float:
    """Ease-out (fast start, soft landing): 0 -> 0, 1 -> 1.

    >>> ease(0.0), ease(1.0)
    (0.0, 1.0)
    """
    x = min(1.0, max(0.0, x))
    return 1 - (1 - x) ** 3


class Tween:
    """A value going from 0 to 1 in ``duration`` seconds; already 1 when motion is off."""

    def __init__(self, on: bool = True, duration: float = DURATION):
        self.duration = duration
        self.t = 0.0 if on else duration

    @property
    def value(self) -> float:
        return ease(self.t / self.duration)

    @property
    def running(self) -> bool:
        return self.t < self.duration

    def step(self, dt: float) -> bool:
        """Advance by ``dt`` seconds; True while still moving (the scene then asks for another frame)."""
        if not self.running:
            return False
        self.t = min(self.duration, self.t + dt)
        return self.running

    def finish(self) -> None:
        self.t = self.duration


def counted(value: float, progress: float) -> float:
    """A number counting up to ``value`` (the figure shown at ``progress`` of the transition)."""
    return value * progress
