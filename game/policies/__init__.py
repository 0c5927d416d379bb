"""Computer players: each picks one of the engine's legal actions, deterministically from its seed.

Example::

    >>> policy = make_policy("cautious", seed=3)
    >>> policy.name
    'cautious'
"""

from __future__ import annotations

from game.policies.base import Policy
from game.policies.forced import FORCE_PREFIX, ForcedChoicePolicy
from game.policies.heuristics import AggressivePolicy, CautiousPolicy, EfficientPolicy, RandomPolicy
from game.policies.history import HistoryPolicy
from game.policies.search import SearchPolicy
from game.policies.styles import STYLES

POLICIES: dict[str, type[Policy]] = {
    "cautious": CautiousPolicy,
    "aggressive": AggressivePolicy,
    "efficient": EfficientPolicy,
    "random": RandomPolicy,
    "history": HistoryPolicy,
    **{cls.name: cls for cls in STYLES},
    "search": SearchPolicy,
}
#: The heuristic panel a playtest compares (every policy but the search player, which is measured apart).
PANEL: tuple[str, ...] = tuple(name for name in POLICIES if name != "search")


def make_policy(name: str, seed: int) -> Policy:
    """The policy called ``name``; ``KeyError`` listing the known names otherwise.

    ``force:EVENT=CHOICE`` (the playtest's card audit) is ``cautious`` answering ``EVENT`` with ``CHOICE``
    whenever that answer is offered (see :mod:`game.policies.forced`).

    Example::

        >>> make_policy("force:italy_block=ignore_italy", 1).name
        'force:italy_block=ignore_italy'
    """
    if name.startswith(FORCE_PREFIX):
        return ForcedChoicePolicy.from_name(name, seed)
    try:
        cls = POLICIES[name]
    except KeyError:
        raise KeyError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})") from None
    return cls(seed)


__all__ = ["PANEL", "POLICIES", "Policy", "make_policy"]
