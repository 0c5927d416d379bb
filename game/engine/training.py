"""Compute, training runs and research.

Training cost = GPU-hours x price per hour. A lab's *reported* cost is that product at the market
rental price (as DeepSeek reported V3: 2.788M H800-hours x $2 = $5.576M); its real spending also holds
the chips it bought, failed runs, research and salaries — the ledger keeps both.

Example::

    >>> training_cost(2_788_000, 200)
    5576000
"""

from __future__ import annotations

import math

from game.engine.context import Ctx
from game.engine.rules import HOURS_PER_MONTH, Rules
from game.engine.state import Lab

#: Effective compute (H100-equivalent GPU-hours x efficiency x talent) of a GPT-4-class run.
REFERENCE_COMPUTE = 20_000_000
#: Capability of a model trained with the reference compute (hundredths of an index point).
REFERENCE_CAPABILITY = 7000
#: Capability gained for each doubling of effective compute.
POINTS_PER_DOUBLING = 400
#: A run may not be planned to last longer than this many turns.
MAX_RUN_TURNS = 4
MIN_RUN_HOURS = 10_000


def training_cost(gpu_hours: int, cents_per_hour: int) -> int:
    """Cost in dollars of ``gpu_hours`` at ``cents_per_hour`` (integer arithmetic)."""
    return gpu_hours * cents_per_hour // 100


def monthly_compute(rules: Rules, lab: Lab) -> int:
    """Owned compute in H100-equivalent GPU-hours per month."""
    # A plain loop over a precomputed perf x hours table: conditions, research and the series ask
    # for this many times a turn. (No sorting: a sum of integers does not depend on the order.)
    rates = rules.chip_hours_perf
    total = 0
    for chip, count in lab.chips.items():
        rate = rates.get(chip)
        if rate is not None:
            total += count * rate // 1000
    return total


def own_hours_per_turn(lab: Lab, chip: str, months: int) -> int:
    return lab.chips.get(chip, 0) * HOURS_PER_MONTH * months


def talent_factor_pm(talent: int) -> int:
    """Per-mille multiplier from the research team's size: 150 researchers = 1000."""
    return max(600, min(1400, math.isqrt(talent * 10**6 // 150)))  # integer sqrt: same on every machine


def tech_capability_bonus(rules: Rules, lab: Lab) -> int:
    return sum(rules.techs[t].capability for t in lab.techs if t in rules.techs)


LOG_BITS = 20


def log2_fixed(n: int) -> int:
    """log2(n) in units of 2**-20, by integer arithmetic (the same bits on every machine).

    Example::

        >>> log2_fixed(8) / 2**20, round(log2_fixed(3) / 2**20, 5)
        (3.0, 1.58496)
    """
    whole = n.bit_length() - 1
    scale = 62
    y = (n << scale) >> whole  # n / 2**whole, in [1, 2), fixed point with 62 fractional bits
    result = whole << LOG_BITS
    for bit in range(LOG_BITS):  # squaring doubles the log: each overflow past 2 is one more bit
        y = (y * y) >> scale
        if y >= 2 << scale:
            y >>= 1
            result += 1 << (LOG_BITS - 1 - bit)
    return result


#: log2 of the reference compute, for every finished run.
REFERENCE_LOG2 = log2_fixed(REFERENCE_COMPUTE)


def run_capability(rules: Rules, lab: Lab, chip: str, gpu_hours: int, noise: int) -> int:
    """Capability of the model a finished run produces (before the lab keeps its best)."""
    effective = (gpu_hours * rules.chips[chip].perf // 1000 * lab.efficiency // 1000
                 * talent_factor_pm(lab.talent) // 1000)
    if effective <= 0:
        return 0
    doublings = log2_fixed(effective) - REFERENCE_LOG2  # in 2**-LOG_BITS units
    gain = (POINTS_PER_DOUBLING * doublings + (1 << (LOG_BITS - 1))) >> LOG_BITS  # rounded
    value = REFERENCE_CAPABILITY + gain + tech_capability_bonus(rules, lab) + noise
    return max(0, min(10000, value))


def progress_training(ctx: Ctx, lab: Lab) -> None:
    """Spend this turn's compute on the lab's run: owned chips first (power cost), then cloud hours."""
    run = lab.run
    noise = int(ctx.rng.integers(-150, 151))  # drawn every turn for every lab: fixed draw shape
    if run is None:
        return
    need = run.gpu_hours - run.done_hours
    own = min(need, own_hours_per_turn(lab, run.chip, ctx.months))
    cloud = min(need - own, lab.cloud_hours.get(run.chip, 0))
    if own:
        power = training_cost(own, ctx.rules.chips[run.chip].power_cents)
        lab.cash -= power
        lab.ledger.add_spend("power", power)
    if cloud:
        lab.cloud_hours[run.chip] -= cloud
    run.done_hours += own + cloud
    if run.done_hours < run.gpu_hours:
        ctx.emit("training.progress", lab.side, done=run.done_hours, total=run.gpu_hours)
        return
    new = run_capability(ctx.rules, lab, run.chip, run.gpu_hours, noise)
    lab.reported_training_cost += run.reported_cost
    lab.last_run_reported = run.reported_cost
    improved = new > lab.capability
    if improved:
        lab.capability = new
    lab.run = None
    ctx.emit("training.done", lab.side, capability=new, improved=improved, gpu_hours=run.gpu_hours,
             chip=run.chip, reported_cost=run.reported_cost)


def scarcity_bonus_pct(rules: Rules, lab: Lab) -> int:
    """Research pays more when compute is short: up to +50% below a quarter of a frontier cluster."""
    frontier_cluster = 20_000 * 1000 * HOURS_PER_MONTH // 1000  # 20,000 H100s
    have = monthly_compute(rules, lab)
    return max(0, 50 - 50 * have * 4 // frontier_cluster) if have < frontier_cluster // 4 else 0


def finish_tech(ctx: Ctx, lab: Lab, tech_id: str) -> None:
    tech = ctx.rules.techs[tech_id]
    bonus = scarcity_bonus_pct(ctx.rules, lab)
    gain = tech.efficiency_pct * (100 + bonus) // 100
    lab.efficiency = lab.efficiency * (100 + gain) // 100
    lab.serving_pct = min(90, lab.serving_pct + tech.serving_pct)
    lab.capability = min(10000, lab.capability + tech.capability)
    lab.reputation = max(0, min(100, lab.reputation + tech.reputation))
    lab.techs = sorted({*lab.techs, tech_id})
    ctx.emit("research.done", lab.side, tech=tech_id, efficiency_gain_pct=gain, scarcity_bonus_pct=bonus)


def progress_research(ctx: Ctx, lab: Lab) -> None:
    still = []
    for project in lab.research:
        project.turns_left -= 1
        if project.turns_left <= 0:
            finish_tech(ctx, lab, project.tech)
        else:
            still.append(project)
    lab.research = still
