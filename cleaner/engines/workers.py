"""Worker processes: started with every table built, and gone when their parent is.

Each worker holds one Cleaner, built from the run's Config (``Cleaner.for_config``). The tables
are built in the parent first, so forked workers share them copy-on-write instead of each holding
its own 70 MB; where processes are spawned, each reads them from the tables cache.

A worker must not outlive its parent: a parent killed with SIGKILL cannot stop its pool, so each
worker asks the kernel (Linux ``prctl(PR_SET_PDEATHSIG)``) to be sent SIGTERM when the parent
dies, and ignores SIGINT (Ctrl-C reaches the whole process group; the parent decides).

A worker may die under its task (the kernel's out-of-memory killer, a native abort, kill -9): the
pool is then broken and every task in flight lost. ``in_order`` runs the first unfinished task
again alone, in a pool of its own, to tell the task that kills a worker from the ones that were
only beside it, and goes on with a new pool: the run reports that one unit and finishes the rest.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from cleaner import warm_tables
from cleaner.config import Config
from cleaner.pipeline import Cleaner

# Touches every lazily built table: the character model, the rare-character class, the script
# classes, the OpenCC converters and the GBK tables.
WARM_UP_TEXT = "他说：鍙戝睍是硬道理。國(guó)務(wù)院?!半p創”平臺"


def warm_up_texts() -> list[str]:
    """WARM_UP_TEXT and a sentence through each wrong decoder the repairs read back (GBK and Big5
    read by each other, UTF-8 by GBK with bytes lost and by cp1252, escapes): each repair builds
    its tables on the first page that needs it, and built in the parent before the workers fork,
    they are built once and shared, not once in every worker (a quarter second each)."""
    simplified = "国务院新闻办公室今天举行发布会，介绍经济发展情况。"
    traditional = "國務院新聞辦公室今天舉行發佈會，介紹經濟發展情況。"
    utf8, gbk, big5 = simplified.encode("utf-8"), simplified.encode("gbk"), traditional.encode("big5")
    return [WARM_UP_TEXT,
            utf8.decode("gbk", "replace"), utf8.decode("gbk", "ignore"), utf8.decode("cp1252", "replace"),
            gbk.decode("big5", "replace"), big5.decode("gbk", "replace"), gbk.decode("cp1252", "ignore"),
            utf8.decode("gbk", "backslashreplace")]


_PR_SET_PDEATHSIG = 1


# What the run gives every worker once, at its start (``worker_pool(shared=...)``), instead of with
# every task: for records runs, the learned furniture table.
shared: object = None


def warm_up(config: Config) -> None:
    """Build, in this process, every table a page may need (about 0.4 s once; then 20 ms)."""
    # Warmed with the limit off: the warm-up text is no document of the run (--max-chars 10).
    warm = Cleaner.for_config(replace(config, max_chars=0))
    for text in warm_up_texts():
        warm.run(text + "\n" + text)
    # And the tables only some kinds of page reach, which no warm-up text does (a list row's
    # words, a byline's surnames: each a TOML file read again by the first worker page needing it).
    warm_tables.build()
    # What is built now lives as long as the process: out of the collector's sight, a full
    # collection does not walk its few hundred thousand objects again (some 45 ms each time),
    # and a worker forked after this does not copy the memory pages of the parent's tables that
    # walking them would write to (gc.freeze, as the gc module advises before fork). Once a
    # process: a second warm-up (a new pool after a worker died) would freeze whatever the run
    # holds then, for good (review29b); garbage of the warm-up is collected first.
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


_frozen = False  # warm_up froze this process's tables (a forked worker inherits the flag and the freeze)


def worker_pool(jobs: int, config: Config, shared_value: object = None, *, warm: bool = True) -> ProcessPoolExecutor:
    """``jobs`` worker processes, each with the Cleaner for ``config`` and ``shared_value`` as ``shared``.

    ``warm=False``: the workers are forked before the tables are built and each builds what it
    needs on first use (the learning pass's short-lived pool): this process can build them
    meanwhile (``warm_up``), for the cleaning pool forked after it to share.
    """
    if warm:
        warm_up(config)
    else:
        Cleaner.for_config(config)  # the rules, which recognising a record's site needs
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config, os.getpid(), shared_value))


def _init_worker(config: Config, parent: int, shared_value: object = None) -> None:
    global shared
    shared = shared_value
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: a worker just ends
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    Cleaner.for_config(config)


# Set once a pool was stopped: the executor's own exit hook may then wait for ever on a queue
# feeder blocked on a pipe whose reader was terminated; the command exits without it (``cli.entry``).
pool_stopped = False


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once (interrupt, unreadable input): pending work is cancelled, workers are terminated."""
    global pool_stopped
    pool_stopped = True
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    for process in processes:
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.join(timeout=2)
        except (OSError, AttributeError, AssertionError):
            pass


# A task's result when the process running it alone died: the unit is reported, the run goes on.
DIED = object()
WORKER_DIED = "the worker process cleaning it died (out of memory, or killed)"


def in_order(make_pool: Callable[[int | None], ProcessPoolExecutor], task: Callable, tasks: Iterable[tuple],
             ahead: int | Callable[[], int]) -> Iterator[tuple[tuple, object]]:
    """(args, ``task(*args)``) for each of ``tasks``, in order, over ``make_pool(None)``'s workers
    with at most ``ahead`` in flight (or ``ahead()``, asked before each refill). Where a worker
    died, the first unfinished task is run again alone (``alone``): its result, or DIED if it
    kills that process too; a new pool takes the rest. The pool is stopped on any exception (an
    interrupt) and shut down at the end."""
    pool = make_pool(None)
    pending: deque = deque()
    todo = iter(tasks)
    try:
        while True:
            while len(pending) < (ahead() if callable(ahead) else ahead) and (args := next(todo, None)) is not None:
                pending.append((args, _submitted(pool, task, args)))
            if not pending:
                break
            args, future = pending.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                stop_pool(pool)
                done = alone(make_pool, task, args)
                rest = [waiting for waiting, _ in pending]
                pending.clear()
                pool = make_pool(None)
                pending.extend((waiting, _submitted(pool, task, waiting)) for waiting in rest)
            yield args, done
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()


def _submitted(pool: ProcessPoolExecutor, task: Callable, args: tuple) -> Future:
    """``task(*args)`` submitted; a pool already broken (a worker died since) gives a future that
    fails as its results do, for ``in_order`` to meet in order."""
    try:
        return pool.submit(task, *args)
    except BrokenProcessPool as broken:
        failed: Future = Future()
        failed.set_exception(broken)
        return failed


def alone(make_pool: Callable[[int | None], ProcessPoolExecutor], task: Callable, args: tuple) -> object:
    """``task(*args)`` in a process of its own; DIED if that process died."""
    pool = make_pool(1)
    try:
        done = pool.submit(task, *args).result()
    except BrokenProcessPool:
        stop_pool(pool)
        return DIED
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown()
    return done


def after_first(results: Iterator, meanwhile: Callable[[], None] | None) -> Iterator:
    """``results``, with ``meanwhile()`` run here once the first is in, before it is used (the
    workers have the rest to read meanwhile: a learning pass builds the cleaning pool's tables so)."""
    for k, result in enumerate(results):
        if k == 0 and meanwhile is not None:
            meanwhile()
        yield result
