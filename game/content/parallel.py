"""Run one function over many items on several cores, the results in the order of the items.

Reading YAML is the slow part of loading a large mod, and one process cannot do it much faster: most
of the parsing time goes into PyYAML's C extension, building the ~100 libyaml events of each content
event. :func:`game.content.loader.read_many` therefore reads the files that are not in the content
cache with :func:`ordered_map`, which shares them between this process and forked workers:

* Only on Linux, where processes can be forked (a worker inherits the function and the items, so
  nothing but results crosses between processes), with more than one core, and only when the items
  add up to :data:`MIN_WORK` (bytes of YAML for the loader): the shipped content, read by the game
  window, stays in its own process.
* Only from a process with no other thread: a forked child has only the thread that forked, and a
  lock another thread held at that moment would stay locked in it for ever.
* ``CHIP_RACE_JOBS`` sets how many processes work on one batch, this one included: ``1`` (or ``off``)
  never starts a worker; unset, every core this process may use (at most :data:`MAX_JOBS`).
* This process works too, and takes items from the same queue as the workers: the biggest items
  first, so that everyone finishes at about the same time whatever else the machine is doing.
* Any failure of the pool (a worker that cannot start, dies, hangs for :data:`STALL_SECONDS` or
  raises) is no failure of the batch: the items not done are done here, one after the other. An
  exception raised by the function itself is thus raised again here, as it would have been without
  workers.

Example::

    >>> ordered_map(len, ["ab", "c", ""], sizes=[2, 1, 0])  # small work: done here
    [2, 1, 0]
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import gc
import multiprocessing
import os
import pickle
import sys
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

ENV = "CHIP_RACE_JOBS"
#: Work (sum of the items' sizes; bytes of YAML for the loader) below which no worker is started. Reading
#: 512 kB takes about a third of a second on one core; the shipped content (about 140 kB) stays far below.
MIN_WORK = 512 * 1024
#: Most processes used by default: this process unpacks every worker's results, so each extra worker
#: saves less than the one before.
MAX_JOBS = 8
#: A pool in which no item finished for this long is given up (the items are then done here).
STALL_SECONDS = 120.0

T = TypeVar("T")
R = TypeVar("R")

#: Set by measuring code (:mod:`game.content.bench`): counters of the process that calls it, such as
#: CPU seconds by stage. A worker reports how much each item moved them; ``last.probes`` sums that up.
probe: Callable[[], dict[str, float]] | None = None


@dataclass
class Stats:
    """What the last :func:`ordered_map` did (for tests and the benchmark)."""

    #: Processes that worked on the batch, this one included (1: no worker).
    processes: int = 1
    #: Items done by workers (when the pool failed: those whose result was kept).
    in_workers: int = 0
    #: CPU seconds the workers spent on their items.
    worker_cpu: float = 0.0
    #: Why the pool was given up, if it was (the items it did not finish were done here).
    fallback: str | None = None
    #: The workers' share of the :data:`probe` counters.
    probes: dict[str, float] = field(default_factory=dict)


#: What the last call did.
last = Stats()


def usable_cpus() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def jobs() -> int:
    """How many processes may work on one batch: ``CHIP_RACE_JOBS``, else the usable cores (1: serial).

    >>> jobs() >= 1
    True
    """
    text = os.environ.get(ENV, "").strip().lower()
    if text in ("off", "no", "false", "0"):
        return 1
    try:
        wanted = int(text)
    except ValueError:  # unset or unreadable: the default
        wanted = 0
    return wanted if wanted >= 1 else min(usable_cpus(), MAX_JOBS)


def can_fork() -> bool:
    """Whether workers can be forked here: Linux only (macOS can fork, but its system libraries are not
    safe in a forked child; Windows cannot)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def ordered_map(fn: Callable[[T], R], items: Sequence[T], sizes: Sequence[int], min_work: int | None = None) -> list[R]:
    """``[fn(x) for x in items]``, computed over several processes when the work is worth it.

    ``sizes`` estimates each item's work; workers start only if they add up to ``min_work`` (default:
    :data:`MIN_WORK`). ``fn`` must be deterministic and its results picklable; a worker may have done an
    item whose result was lost (the pool failed), so ``fn`` may run twice on it.
    """
    global last
    last = Stats()
    processes = min(jobs(), len(items))
    if (processes < 2 or sum(sizes) < (MIN_WORK if min_work is None else min_work) or not can_fork()
            or threading.active_count() > 1):
        return [fn(x) for x in items]
    return _with_workers(fn, list(items), sizes, processes - 1)


# --- the pool --------------------------------------------------------------------------------------------
# The shared queue is a counter in shared memory: the next position in ``order`` (the items' indexes,
# biggest first). Each task sent to a worker claims one item; this process claims them too.

_Order = tuple[int, ...]
#: What a forked worker works on (set by :func:`_adopt` in the worker).
_WORK: tuple[Callable[[Any], Any], Sequence[Any], _Order, Any] | None = None


class _Stalled(Exception):
    """No worker finished an item for :data:`STALL_SECONDS`."""


def _claim(counter: Any, order: _Order) -> int | None:
    """The next item to do (an index of the items), or None when all are taken."""
    with counter.get_lock():
        position = counter.value
        if position >= len(order):
            return None
        counter.value = position + 1
    return order[position]


def _adopt(fn: Callable[[Any], Any], items: Sequence[Any], order: _Order, counter: Any) -> None:
    """Worker set-up: the work is inherited from the parent (forked, nothing pickled)."""
    global _WORK
    _WORK = (fn, items, order, counter)
    # A short-lived process that builds many long-lived objects and no cycles: the cyclic collector
    # would only walk them again and again (a tenth of the time of a large read).
    gc.disable()


def _work() -> tuple[int, bytes, float, dict[str, float]] | None:
    """One task of a worker: claim an item and do it; (index, result, CPU seconds, probe delta)."""
    assert _WORK is not None, "not a worker of ordered_map"
    fn, items, order, counter = _WORK
    index = _claim(counter, order)
    if index is None:
        return None
    before = probe() if probe else {}
    start = time.process_time()
    result = fn(items[index])
    # Pickled (a result passes only from this worker to its parent, never through a file; the pool would
    # pickle it anyway) and compressed (the models of a 100-event file pickle to 90 kB, 7 kB compressed):
    # the result then fits in the pipe to the parent, and this worker goes on with its next item instead
    # of waiting for the parent, busy with its own items, to read it.
    blob = zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 1)
    cpu = time.process_time() - start
    after = probe() if probe else {}
    return index, blob, cpu, {k: v - before.get(k, 0.0) for k, v in after.items()}


class _Gathered:
    """The results in hand: this process's own, and the workers' as their tasks finish."""

    def __init__(self, stats: Stats):
        self.stats = stats
        self.results: dict[int, Any] = {}
        #: Finished tasks not looked at yet (appended by the pool's thread, taken by this one).
        self.finished: deque[cf.Future[Any]] = deque()

    def watch(self, future: cf.Future[Any]) -> None:
        future.add_done_callback(self.finished.append)

    def take_finished(self) -> None:
        """Keep the results of the finished tasks; raise what a failed one raised."""
        while self.finished:
            future = self.finished.popleft()
            found = future.result()
            if found is None:  # nothing was left to claim
                continue
            index, blob, cpu, probes = found
            self.results[index] = pickle.loads(zlib.decompress(blob))
            self.stats.in_workers += 1
            self.stats.worker_cpu += cpu
            for key, value in probes.items():
                self.stats.probes[key] = self.stats.probes.get(key, 0.0) + value

    def wait(self, futures: list[cf.Future[Any]]) -> None:
        """Wait for the tasks still running; :class:`_Stalled` if none finishes for too long."""
        pending = {f for f in futures if not f.done()}
        while pending:
            done, pending = cf.wait(pending, timeout=STALL_SECONDS, return_when=cf.FIRST_COMPLETED)
            if not done:
                raise _Stalled(f"no item finished in {STALL_SECONDS:g} s")
            self.take_finished()
        self.take_finished()


def _with_workers(fn: Callable[[T], R], items: list[T], sizes: Sequence[int], workers: int) -> list[R]:
    order = tuple(sorted(range(len(items)), key=lambda i: -sizes[i]))
    gathered = _Gathered(last)
    executor: cf.ProcessPoolExecutor | None = None
    try:
        context = multiprocessing.get_context("fork")
        counter = context.Value("l", 0)
        executor = cf.ProcessPoolExecutor(workers, mp_context=context, initializer=_adopt,
                                          initargs=(fn, items, order, counter))
        # One task per item at most: each claims one, so the queue decides who does what.
        futures = [executor.submit(_work) for _ in items]
        for future in futures:
            gathered.watch(future)
        last.processes = workers + 1
        while (index := _claim(counter, order)) is not None:
            gathered.results[index] = fn(items[index])
            gathered.take_finished()  # the workers' results, unpacked between this process's own items
        # The tasks left find nothing to claim and end at once. (Not cancelled: before Python 3.12, a pool
        # that breaks while some of its tasks are cancelled fails to mark the others as failed.)
        gathered.wait(futures)
    except Exception as exc:  # the pool failed: what is missing is done below
        last.fallback = f"{type(exc).__name__}: {exc}"
        if executor is not None:
            _stop(executor)
            executor = None
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
    results = gathered.results
    return [results[i] if i in results else fn(item) for i, item in enumerate(items)]


def _stop(executor: cf.ProcessPoolExecutor) -> None:
    """Give up a pool at once: its workers are killed (a hung one is not waited for), its threads joined."""
    # ProcessPoolExecutor has no public way to end its workers before Python 3.14.
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):  # already gone
            process.kill()
    executor.shutdown(wait=True)  # quick now; not cancel_futures: see _with_workers
