"""Compute, training runs and research.

Training cost = GPU-hours x price per hour. A lab's *reported* cost is that product at the market
rental price (as DeepSeek reported V3: 2.788M H800-hours x $2 = $5.576M); its real spending also holds
the chips it bought, their power and hosting every month, failed runs, research and salaries — the
ledger keeps both.

A finished run's model: 4 capability points per doubling of *effective* compute — GPU-hours x the
chip's throughput (less what cut chip-to-chip links cost a large run) x the lab's efficiency x its
team — counted in the GPU-hours of GPT-4's time, which earn 70 points for 20M H100-hours. Ideas spread:
the compute a given model needs halves every eight months for everybody (Ho et al., "Algorithmic
progress in language models", Epoch AI, 2024: 8 months, 95% interval 5 to 14), so the same cluster
trains a better model in 2024 than in 2021.

Example::

    >>> training_cost(2_788_000, 200)
    5576000
"""

from __future__ import annotations

import math

from game.engine.calendar import months_between
from game.engine.context import Ctx
from game.engine.rules import HOURS_PER_MONTH, Rules
from game.engine.state import Lab

#: Effective compute (H100-equivalent GPU-hours x efficiency x talent) of a GPT-4-class run.
REFERENCE_COMPUTE = 20_000_000
#: Capability of a model trained with the reference compute (hundredths of an index point).
REFERENCE_CAPABILITY = 7000
#: Capability gained for each doubling of effective compute.
POINTS_PER_DOUBLING = 400
#: Above this capability from compute alone, gains halve: ten times GPT-4's compute (GPT-4.5, Feb 2025)
#: was not a new level (OpenAI's system card called it not a frontier model).
HARD_FRONTIER = 8000
#: When the reference run was made: GPT-4 finished training in August 2022 (OpenAI, GPT-4 system card).
REFERENCE_DATE = "2022-08-01"
#: Months for the compute a given model needs to halve, for everybody (Epoch AI, 2024; see above).
HALVING_MONTHS = 8
#: A run may not be planned on more than this many months of the lab's own chips (GPT-4 trained for
#: about three months, DeepSeek-V3's final run for under two).
MAX_RUN_MONTHS = 6
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


def chip_train_pct(rules: Rules, lab: Lab, chip: str) -> int:
    """Percent of ``chip``'s throughput that a large run gets: all of it, unless the chip's links were
    cut (H800, A800) or its software stack is young (Ascend) and the lab has no technique that fixes
    the links; FP8 research adds its gain on chips that compute in FP8 (Hopper).

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.state import Lab
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> lab = Lab(side="cn", name="x", cash=0, start_cash=0, capability=0, talent=1, price_cents=100)
        >>> chip_train_pct(rules, lab, "h800"), chip_train_pct(rules, lab, "h100")
        (70, 100)
        >>> lab.techs = ["comm_overlap", "fp8"]
        >>> chip_train_pct(rules, lab, "h800"), chip_train_pct(rules, lab, "a100")
        (135, 100)
    """
    model = rules.chips[chip]
    techs = [rules.techs[t] for t in lab.techs if t in rules.techs]
    pct = 100 if any(t.fixes_links for t in techs) else model.train_pct
    for tech in techs:
        if tech.fp8_only and model.fp8:
            pct = pct * (100 + tech.efficiency_pct) // 100
    return pct


LOG_BITS = 20
#: The value of each binary digit of :func:`log2_fixed`'s fraction, first to last.
_LOG_DIGITS = tuple(1 << (LOG_BITS - 1 - bit) for bit in range(LOG_BITS))


def log2_fixed(n: int) -> int:
    """log2(n) in units of 2**-20, by integer arithmetic (the same bits on every machine).

    Example::

        >>> log2_fixed(8) / 2**20, round(log2_fixed(3) / 2**20, 5)
        (3.0, 1.58496)
    """
    whole = n.bit_length() - 1
    y = (n << 62) >> whole  # n / 2**whole, in [1, 2), fixed point with 62 fractional bits
    result = whole << LOG_BITS
    # (Literal shifts and the digits' values from a table: Python folds 1 << 63 once, where the loop
    # used to compute it, and each digit's value, at every step; the market asks twice a turn.)
    for digit in _LOG_DIGITS:  # squaring doubles the log: each overflow past 2 is one more bit
        y = (y * y) >> 62
        if y >= 1 << 63:
            y >>= 1
            result += digit
    return result


#: log2 of the reference compute, for every finished run.
REFERENCE_LOG2 = log2_fixed(REFERENCE_COMPUTE)


def run_capability(rules: Rules, lab: Lab, chip: str, gpu_hours: int, noise: int, *, date: str) -> int:
    """Capability of the model a run of ``gpu_hours`` on ``chip`` finished at ``date`` produces (before
    the lab keeps its best); ``noise``: hundredths of a point, drawn by the caller."""
    effective = (gpu_hours * rules.chips[chip].perf // 1000 * chip_train_pct(rules, lab, chip) // 100
                 * lab.efficiency // 1000 * talent_factor_pm(lab.talent) // 1000)
    if effective <= 0:
        return 0
    # log2 of the effective compute against the reference, plus the ideas published since (or less,
    # before it): a halving of the compute needed every HALVING_MONTHS.
    progress = (months_between(REFERENCE_DATE, date) << LOG_BITS) // HALVING_MONTHS
    doublings = log2_fixed(effective) - REFERENCE_LOG2 + progress  # in 2**-LOG_BITS units
    gain = (POINTS_PER_DOUBLING * doublings + (1 << (LOG_BITS - 1))) >> LOG_BITS  # rounded
    base = REFERENCE_CAPABILITY + gain
    if base > HARD_FRONTIER:  # past o1's level, each doubling of compute buys half as much
        base = HARD_FRONTIER + (base - HARD_FRONTIER) // 2
    value = base + tech_capability_bonus(rules, lab) + noise
    return max(0, min(10000, value))


def running_cost(rules: Rules, lab: Lab, months: int) -> int:
    """Power and hosting of every chip the lab owns for ``months``, dollars: a data centre draws them
    whether it trains, serves or waits (each chip's ``power_cents`` per hour, all hours of the month).

    Example::

        >>> from game.content.loader import load_content
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> lab = Lab(side="cn", name="x", cash=0, start_cash=0, capability=0, talent=1, price_cents=100,
        ...           chips={"a100": 1000})
        >>> running_cost(rules, lab, 3)  # 1,000 A100 x 730 h x 3 months x $0.30
        657000
    """
    chips, total = rules.chip_figures, 0
    for chip, count in lab.chips.items():  # (a loop, not sum() over a generator: asked twice a turn)
        model = chips.get(chip)
        if model is not None:
            total += training_cost(count * HOURS_PER_MONTH * months, model.power_cents)
    return total


def progress_training(ctx: Ctx, lab: Lab) -> None:
    """Spend this turn's compute on the lab's run: owned chips first (their power is paid every month
    by :func:`running_cost`), then cloud hours."""
    run = lab.run
    noise = int(ctx.rng.integers(-150, 151))  # drawn every turn for every lab: fixed draw shape
    if run is None:
        return
    need = run.gpu_hours - run.done_hours
    own = min(need, own_hours_per_turn(lab, run.chip, ctx.months))
    cloud = min(need - own, lab.cloud_hours.get(run.chip, 0))
    if cloud:
        lab.cloud_hours[run.chip] -= cloud
    run.done_hours += own + cloud
    if run.done_hours < run.gpu_hours:
        ctx.emit("training.progress", lab.side, done=run.done_hours, total=run.gpu_hours)
        return
    new = run_capability(ctx.rules, lab, run.chip, run.gpu_hours, noise, date=ctx.state.date)
    lab.reported_training_cost += run.reported_cost
    lab.last_run_reported = run.reported_cost
    improved = new > lab.capability
    if improved:
        lab.capability = new
    lab.run = None
    ctx.emit("training.done", lab.side, capability=new, improved=improved, gpu_hours=run.gpu_hours,
             chip=run.chip, reported_cost=run.reported_cost)


#: Research bonus for each chip the export bans keep from the lab, percent, and its ceiling.
SCARCITY_PCT_PER_BANNED_CHIP, MAX_SCARCITY_PCT = 15, 50


def scarcity_bonus_pct(rules: Rules, lab: Lab, banned: list[str]) -> int:
    """Research pays more when the bans keep the best chips away: +15% for every chip sold to the lab's
    side that is banned to it, up to +50% ("Ironically, this essentially led DeepSeek to innovate", A1).
    Only Chinese buyers are banned, so an American lab gets nothing.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.state import Lab
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> lab = Lab(side="cn", name="x", cash=0, start_cash=0, capability=0, talent=1, price_cents=100)
        >>> scarcity_bonus_pct(rules, lab, []), scarcity_bonus_pct(rules, lab, ["a100", "h100"])
        (0, 30)
        >>> scarcity_bonus_pct(rules, lab, ["a100", "h100", "a800", "h800"])
        50
    """
    if lab.side != "cn":
        return 0
    kept = sum(1 for chip in banned if chip in rules.chips and lab.side in rules.chips[chip].buyers)
    return min(MAX_SCARCITY_PCT, SCARCITY_PCT_PER_BANNED_CHIP * kept)


#: Compute a lab needs to prove a technique at full strength: H100-equivalent GPU-hours a month (about
#: 8,000 H100s). A technique is proven by many small runs (DeepSeek's papers report hundreds of
#: ablations); with fewer chips, fewer are run and less of the gain is found.
RESEARCH_COMPUTE = 8000 * HOURS_PER_MONTH
#: Share of a technique's gain found with no compute at all (the paper's idea alone), per mille.
IDEA_ALONE_PM = 250


def research_compute_pm(rules: Rules, lab: Lab) -> int:
    """Per mille of a technique's efficiency gain the lab finds with its compute: a quarter with no
    chips, all of it from RESEARCH_COMPUTE up.

    Example::

        >>> from game.content.loader import load_content
        >>> rules = Rules(load_content(), load_content().scenario("cn_lab"))
        >>> lab = Lab(side="cn", name="x", cash=0, start_cash=0, capability=0, talent=1, price_cents=100)
        >>> research_compute_pm(rules, lab)
        250
        >>> lab.chips = {"h800": 4000}
        >>> research_compute_pm(rules, lab)
        625
    """
    have = monthly_compute(rules, lab)
    return min(1000, IDEA_ALONE_PM + (1000 - IDEA_ALONE_PM) * have // RESEARCH_COMPUTE)


def finish_tech(ctx: Ctx, lab: Lab, tech_id: str) -> None:
    tech = ctx.rules.techs[tech_id]
    bonus = scarcity_bonus_pct(ctx.rules, lab, ctx.state.world.banned)
    gain = tech.efficiency_pct * (100 + bonus) // 100 * research_compute_pm(ctx.rules, lab) // 1000
    if not tech.fp8_only:  # FP8's gain is counted run by run, on the chips that have it (chip_train_pct)
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
