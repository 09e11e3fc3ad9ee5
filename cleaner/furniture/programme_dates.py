"""A programme dated in figures: rows in the order of the days and hours they name.

A site dates the rows of its lists as a machine does, in figures (``2026-04-01 标题``): each row
is something it published, and its lists run newest first (a column's latest pieces, a board's
posts). An article's programme or timetable dates its rows in figures too (``2026.04.19 07:30
全程马拉松鸣枪起跑`` under a race's headline), in the order things will happen: each row later
than the one above it, within a few weeks. ``item_runs.machine_row`` reads any row opening with a
date in figures as a site's; a run of rows each opening with a date in figures and a time of day,
each later than the row above it and all within ``SPAN_DAYS`` days, is the article's instead.

The evidence is the rows' own (their order and their span): a reading of the cleaned text, with
the byline gone, finds it again (``boilerplate``: cleaning the output again must keep them).
A row dated at its end (``标题 2026-04-18 09:00``) is a list's form, whatever its order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

MIN_ROWS = 3  # rows that make a run (as item_runs.MIN_ROWS)
SPAN_DAYS = 31  # days at most from a programme's first row to its last

# Folded, NFKC lines. A date in figures opening a row, with its year or without (2026.04.18, 04-18),
# then a time of day (09:00, 9:00-17:00).
_OPENING = re.compile(r"^\s*(?:((?:19|20)\d{2})[-/.])?(\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{2})(?!\d)")


def dated_at(text: str) -> tuple[date, int] | None:
    """(day, minute of the day) of the date and time in figures opening ``text``, or None. A row
    without a year is read in a leap year's calendar (only the rows' order is asked)."""
    m = _OPENING.match(text)
    if not m:
        return None
    hour, minute = int(m.group(4)), int(m.group(5))
    if hour > 24 or minute > 59:
        return None
    try:
        day = date(int(m.group(1) or 2000), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return day, 60 * hour + minute


def programme_runs(texts: Sequence[str], fits: Callable[[int], bool], lo: int, hi: int) -> list[tuple[int, int]]:
    """(first, last) of the runs of at least ``MIN_ROWS`` rows one under another among positions
    ``lo`` to ``hi - 1``, each one the caller ``fits``, opening with a date and time in figures
    (``dated_at``) later than the row above it, the last within ``SPAN_DAYS`` of the first."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, tuple[date, int]]] = []

    def close() -> None:
        if len(run) >= MIN_ROWS and (run[-1][1][0] - run[0][1][0]).days <= SPAN_DAYS:
            out.append((run[0][0], run[-1][0]))

    for pos in range(lo, hi):
        at = dated_at(texts[pos]) if fits(pos) else None
        if at is not None and run and at > run[-1][1]:
            run.append((pos, at))
            continue
        close()
        run = [(pos, at)] if at is not None else []
    close()
    return out
