"""Reference oracle for the native body finding (native/src/furniture_body.rs), kept from
cleaner/furniture/body.py: the Python originals of ``best_run``, ``thread_start``,
``article_end`` and ``find_body``, unchanged, so that property tests can check that the native
ones give the same on every page. Not part of the product.

(cleaner/furniture/body.py documents the method.)
"""

from __future__ import annotations

from collections.abc import Sequence


def best_run(gains: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(total, first, last) of the maximum-sum run of ``gains[lo:hi]``; total 0 and last < first if none."""
    best, span = 0.0, (lo, lo - 1)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += gains[i]
        if total > best:
            best, span = total, (start, i)
    return best, span[0], span[1]


THREAD_GAP = 12  # lines: the most between two stamps of a thread, and between the body and the thread


def thread_start(stamps: Sequence[bool], min_stamps: int, gap: int = THREAD_GAP) -> int:
    """Where a comment thread begins; ``len(stamps)`` when there is none (see body.py)."""
    where = [i for i, s in enumerate(stamps) if s]
    start = 0
    for k in range(1, len(where) + 1):
        if k == len(where) or where[k] - where[k - 1] > gap:
            if k - start >= min_stamps:
                return where[start]
            start = k
    return len(stamps)


def article_end(ends: Sequence[bool], lengths: Sequence[int], prose: Sequence[bool], min_prose: int) -> int:
    """Where the article ends: the first end marker below enough prose (see body.py)."""
    above = 0
    for i, (n, p) in enumerate(zip(lengths, prose)):
        if i < len(ends) and ends[i] and above >= max(min_prose, 1):
            return i
        above += n if p else 0
    return len(lengths)


def find_body(lengths: Sequence[int], prose: Sequence[bool], penalty: float, cap: int, ratio: float = 1.0,
              barriers: Sequence[bool] = (), spread: float = float("inf"), stamps: Sequence[bool] = (),
              min_stamps: int = 3, min_prose: int = 0, ends: Sequence[bool] = ()) -> tuple[int, int]:
    """(first, last) of the body; (0, -1) when there is none (see cleaner/furniture/body.py)."""
    for end in sorted({thread_start(stamps, min_stamps, THREAD_GAP) if stamps else len(lengths),
                       article_end(ends, lengths, prose, min_prose)}):
        if end < len(lengths) and sum(n for n, p in zip(lengths[:end], prose[:end]) if p) >= max(min_prose, 1):
            above = find_body(lengths[:end], prose[:end], penalty, cap, ratio, barriers[:end] if barriers else (), spread)
            if above[1] >= above[0] and end - above[1] <= THREAD_GAP:
                return above  # the thread or the end marker follows the article closely
    gains = [-float("inf") if b else min(n, cap) if p else -penalty
             for n, p, b in zip(lengths, prose, barriers or [False] * len(lengths))]
    total, first, last = best_run(gains, 0, len(gains))
    if last < first:
        return 0, -1
    grown = True
    while grown:
        grown = False
        for lo, hi in ((0, first), (last + 1, len(gains))):
            t, a, b = best_run(gains, lo, hi)
            if b >= a and t >= ratio * total and not any(g == -float("inf") for g in gains[min(a, first) : max(b, last) + 1]):
                first, last, grown = min(first, a), max(last, b), True
    inside = sum(n for n, p in zip(lengths[first : last + 1], prose[first : last + 1]) if p)
    outside = sum(n for n, p in zip(lengths, prose) if p) - inside
    if outside > spread * inside:
        # More prose outside the body than in it: this is no article framed by furniture (a
        # long document in many short pieces, a page of several texts). Every prose line is body;
        # only what lies beyond the first and the last of them is head and tail.
        where = [i for i, p in enumerate(prose) if p]
        first, last = where[0], where[-1]
    return first, last
