"""What a lab announces against what it really spends.

A lab that publishes a training cost multiplies the GPU-hours of its final run by a rental price
(DeepSeek for V3: 2.788M H800-hours x $2 = $5.576M). What it really spent also holds the chips it
bought, the power they burnt, the research and experiments that came before the final run, and its
researchers' salaries (SemiAnalysis put DeepSeek's hardware spending "well higher than $500M"). The
ledger records every dollar by category; :data:`REAL_COST_CATEGORIES` says which of them count as the
cost of building models, in one place, for the dashboard, the end screen, the debrief and the result
document.
"""

from __future__ import annotations

from game.engine.state import Lab

#: Ledger spend categories that are the cost of building models: chips bought (openly or on the grey
#: market), rented cloud hours, power for owned chips, research projects, salaries and hiring.
#: Left out: serving users (the cost of selling a model, not of making it), lobbying and event cards.
REAL_COST_CATEGORIES = ("chips", "grey_chips", "cloud", "power", "research", "salaries", "hiring")


def real_total(lab: Lab) -> int:
    """Everything ``lab`` has really spent on building its models so far, dollars.

    Example (a lab that bought $20M of chips, paid $1M of power and $3M of salaries, and spent $2M
    serving users)::

        >>> from game.engine.state import Lab, Ledger
        >>> lab = Lab(side="cn", name="Lab", cash=0, start_cash=0, capability=0, talent=100, price_cents=219,
        ...           ledger=Ledger(spend={"chips": 20_000_000, "power": 1_000_000, "salaries": 3_000_000,
        ...                                "serving": 2_000_000}))
        >>> real_total(lab)
        24000000
    """
    spend = lab.ledger.spend
    return sum(spend.get(category, 0) for category in REAL_COST_CATEGORIES)


def reported_last_run(lab: Lab) -> int:
    """What ``lab`` would announce for its last finished training run, dollars (0: none finished yet):
    the run's GPU-hours times the market rental price, as labs report it.

    Example::

        >>> from game.engine.state import Lab
        >>> lab = Lab(side="cn", name="Lab", cash=0, start_cash=0, capability=0, talent=100, price_cents=219,
        ...           last_run_reported=5_576_000)
        >>> reported_last_run(lab)
        5576000
    """
    return lab.last_run_reported


def cost_ratio(lab: Lab) -> int | None:
    """How many times the announced cost of the last run the lab really spent (rounded down), or
    ``None`` before a run has finished.

    Example::

        >>> from game.engine.state import Lab, Ledger
        >>> lab = Lab(side="cn", name="Lab", cash=0, start_cash=0, capability=0, talent=100, price_cents=219,
        ...           last_run_reported=5_000_000, ledger=Ledger(spend={"chips": 600_000_000}))
        >>> cost_ratio(lab)
        120
    """
    reported = reported_last_run(lab)
    return real_total(lab) // reported if reported > 0 else None
