"""Computer players: each picks one of the engine's legal actions, deterministically from its seed.

Example::

    >>> policy = make_policy("cautious", seed=3)
    >>> policy.name
    'cautious'
"""

from __future__ import annotations

from game.policies.base import Policy
from game.policies.heuristics import AggressivePolicy, CautiousPolicy, EfficientPolicy, RandomPolicy
from game.policies.history import HistoryPolicy

POLICIES: dict[str, type[Policy]] = {
    "cautious": CautiousPolicy,
    "aggressive": AggressivePolicy,
    "efficient": EfficientPolicy,
    "random": RandomPolicy,
    "history": HistoryPolicy,
}


def make_policy(name: str, seed: int) -> Policy:
    """The policy called ``name``; ``KeyError`` listing the known names otherwise."""
    try:
        cls = POLICIES[name]
    except KeyError:
        raise KeyError(f"unknown policy '{name}' (known: {', '.join(POLICIES)})") from None
    return cls(seed)


__all__ = ["POLICIES", "Policy", "make_policy"]
