"""ordered_map: the same results as a plain loop, in order, whoever computes them; serial when it should be."""

from __future__ import annotations

import concurrent.futures as cf
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content import parallel
from tests.content import helpers

PARENT = os.getpid()
needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="workers are forked: Linux only")


def square(x: int) -> tuple[int, int]:
    """The result, and which process computed it."""
    return x * x, os.getpid()


def values(results: list[tuple[int, int]]) -> list[int]:
    return [value for value, _pid in results]


def workers_first(fn: Callable[[int], object], flag: Path) -> Callable[[int], object]:
    return helpers.workers_first(fn, flag, PARENT)


@pytest.fixture
def two_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ENV, "2")


def test_jobs_come_from_the_environment_or_the_cores(monkeypatch):
    monkeypatch.delenv(parallel.ENV, raising=False)
    assert parallel.jobs() == min(parallel.usable_cpus(), parallel.MAX_JOBS)
    for text, wanted in [("1", 1), ("off", 1), ("0", 1), (" 3 ", 3), ("12", 12)]:
        monkeypatch.setenv(parallel.ENV, text)
        assert parallel.jobs() == wanted
    monkeypatch.setenv(parallel.ENV, "many")  # unreadable: the default
    assert parallel.jobs() == min(parallel.usable_cpus(), parallel.MAX_JOBS)


@pytest.mark.parametrize("case", ["small work", "one job", "one item", "not linux", "threads"])
def test_these_stay_in_this_process(case, monkeypatch, two_jobs):
    items, sizes = list(range(6)), [parallel.MIN_WORK] * 6
    if case == "small work":
        sizes = [parallel.MIN_WORK // 10] * 6
    elif case == "one job":
        monkeypatch.setenv(parallel.ENV, "1")
    elif case == "one item":
        items, sizes = [5], [parallel.MIN_WORK * 2]
    elif case == "not linux":
        monkeypatch.setattr(sys, "platform", "darwin")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    if case == "threads":
        other.start()
    try:
        results = parallel.ordered_map(square, items, sizes)
    finally:
        stop.set()
        if other.is_alive():
            other.join()
    assert values(results) == [x * x for x in items]
    assert {pid for _value, pid in results} == {os.getpid()}
    assert parallel.last.processes == 1 and parallel.last.in_workers == 0


@needs_fork
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_workers_give_the_same_results_in_the_same_order(jobs, tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.ENV, jobs)
    items = list(range(40))
    sizes = [x % 7 for x in items]  # unequal: the biggest are claimed first, the results stay in order
    results = parallel.ordered_map(workers_first(square, tmp_path / "flag"), items, sizes, min_work=0)
    assert values(results) == [x * x for x in items]
    assert parallel.last.processes == int(jobs) and parallel.last.fallback is None
    workers = [pid for _value, pid in results if pid != os.getpid()]
    assert len(workers) == parallel.last.in_workers >= 1


def die_in_worker(x: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        os._exit(1)  # a worker that dies: the pool is broken
    return square(x)


def hang_in_worker(x: int) -> tuple[int, int]:
    if os.getpid() != PARENT:
        time.sleep(60)
    return square(x)


def unpicklable_in_worker(x: int) -> object:
    return (lambda: x) if os.getpid() != PARENT else x


@needs_fork
def test_a_worker_that_dies_loses_nothing(tmp_path, two_jobs):
    items = list(range(8))
    results = parallel.ordered_map(workers_first(die_in_worker, tmp_path / "flag"), items, [1] * 8, min_work=0)
    assert values(results) == [x * x for x in items] and {pid for _v, pid in results} == {os.getpid()}
    assert parallel.last.processes == 2 and parallel.last.in_workers == 0
    assert "BrokenProcessPool" in (parallel.last.fallback or "")


@needs_fork
def test_a_hung_worker_is_given_up(tmp_path, monkeypatch, two_jobs):
    monkeypatch.setattr(parallel, "STALL_SECONDS", 0.5)
    started = time.monotonic()
    results = parallel.ordered_map(workers_first(hang_in_worker, tmp_path / "flag"), list(range(4)), [1] * 4,
                                   min_work=0)
    assert values(results) == [0, 1, 4, 9]
    assert "no item finished in 0.5 s" in (parallel.last.fallback or "")
    assert time.monotonic() - started < 30  # the hung worker was ended, not waited for


@needs_fork
def test_a_result_that_cannot_travel_is_made_here(tmp_path, two_jobs):
    results = parallel.ordered_map(workers_first(unpicklable_in_worker, tmp_path / "flag"), [1, 2, 3], [1] * 3,
                                   min_work=0)
    assert results == [1, 2, 3] and parallel.last.fallback is not None


@needs_fork
def test_a_pool_that_cannot_start_is_no_failure(monkeypatch, two_jobs):
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no more processes")

    monkeypatch.setattr(cf, "ProcessPoolExecutor", refuse)
    results = parallel.ordered_map(square, list(range(5)), [1] * 5, min_work=0)
    assert values(results) == [0, 1, 4, 9, 16] and {pid for _v, pid in results} == {os.getpid()}
    assert parallel.last.fallback == "OSError: no more processes"


def fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three is refused")
    return x


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_of_the_function_is_raised_as_without_workers(jobs, monkeypatch):
    monkeypatch.setenv(parallel.ENV, jobs)
    with pytest.raises(ValueError, match="three is refused"):
        parallel.ordered_map(fail_on_three, list(range(6)), [1] * 6, min_work=0)


@needs_fork
def test_the_probe_reports_the_workers_share(tmp_path, monkeypatch, two_jobs):
    counters = {"items": 0.0}

    def count(x: int) -> tuple[int, int]:
        counters["items"] += 1
        return square(x)

    monkeypatch.setattr(parallel, "probe", lambda: dict(counters))
    results = parallel.ordered_map(workers_first(count, tmp_path / "flag"), list(range(10)), [1] * 10, min_work=0)
    assert values(results) == [x * x for x in range(10)]
    assert parallel.last.probes == {"items": parallel.last.in_workers}
    assert counters["items"] == 10 - parallel.last.in_workers
