"""The article's runs of short items beside its body: a programme's times, a schedule's dates, a list's bullets.

An article made of items (a day's programme, a notice's deadlines, a library's holiday hours, a
notice's list of service points) has little prose: its items stood between the headline and a
paragraph or two of prose that became the body, or under that prose, where short lines go as a
byline's, a sidebar's or a related list's (``generic/list``, ``head+date``, ``date+tail``). Two
kinds of evidence tell such a run from a site's list:

- **Between the headline and the body** stand a byline, a share row, a picture's caption: one
  line each. A list there (a block of ``lists.list_blocks``: rows sharing a form, a bullet, a
  time, a bracket), or a run of rows each opening with the article's date or time
  (``article_dated``), lying wholly below the line the page's title names, with no furniture
  heading or end marker between the headline and the run and at most ``APART`` lines between the
  run and the body, is the article's: a site's lists stand above the headline (its menus, a
  sidebar) or under a heading of their own (相关阅读). Numbered titles there are a table of
  contents (``counted_rows.py``), and go as a list; numbered rows with a clause in them are points
  the article states (``1. 全市地区生产总值5123.6亿元，比上年增长5.4%``).
- **Right under the body**, a run of rows each opening with the article's date or time is the
  article's schedule. Dates a site prints on its lists are the machine's (``2026-03-10``,
  ``[03-08]``, ``03-08 16:30``), and a list of titles dates them at their ends (``标题 04-27``);
  an article writes its dates in words (``3月12日``, ``2月16日（除夕）``) or as a span of times
  (``8:30-9:00``).

In both, a run whose rows end with a machine's date, a count or a furniture sign of their own
(the caller's ``fits``) is a list of posts or links and is left to the model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from cleaner.furniture.counted_rows import ordinal
from cleaner.furniture.kept_blocks import more_link
from cleaner.furniture.programme_dates import programme_runs
from cleaner.furniture.shaped_runs import APART

MIN_ROWS = 3  # rows that make a run
REACH = 2  # lines at most between the body's last line and a run under it (a subheading, a note)
ROW_MAX = 60  # characters of an item (a line, not a paragraph)

# Folded and NFKC lines. The article's date opening a row: a month and day in words (3月12日, with a
# year before it or not; a span of days, 3月1日—3月10日); or a span of times in it (8:30-9:00, 14:00至15:30,
# 上午9时至中午12时).
_WORDS_DATE = re.compile(r"^\s*(?:(?:民国)?\d{2,4}年)?\d{1,2}月\d{1,2}日")  # a Taiwan page's 115年10月15日 too
_TIME_SPAN = re.compile(r"(?<![\d:])\d{1,2}:\d{2}\s*[-－–—~～至到]\s*(?:次日)?\d{1,2}:\d{2}(?![\d:])"
                        r"|(?<!\d)\d{1,2}[时点](?:\d{1,2}分|半)?\s*[-－–—~～至到]\s*(?:次日|上午|中午|下午|晚上)?\d{1,2}[时点]")
# A machine's date or a count closing a row (标题 2026-01-28, 标题 04-27, 标题 03-08 16:30, 随笔(12)):
# a list of titles dates or counts its rows at their ends.
_MACHINE_END = re.compile(r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?\s*[\])】]?\s*$"
                          r"|[(\[【]\d+[)\]】]\s*$")
# A machine's date opening a row ([2005-08-21] 标题, 2026-03-10 关于…的通知, 20240308 山里的邮路):
# a site's list of its posts or episodes.
_MACHINE_START = re.compile(r"^\s*[\[【(]?\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/]\d{1,2}|(?:19|20)\d{6})(?![\d:])")
_INTRO = re.compile(r"[:：]\s*$")  # a line introducing what follows (folded lines: the colon is ASCII)


@lru_cache(maxsize=4096)  # asked of a line by several readers a reading (schedule_rows three times, page_lines once)
def article_dated(text: str) -> bool:
    """A row opening with a date the article writes (``_WORDS_DATE``) or holding a span of
    times (``_TIME_SPAN``: 开幕式 9:00-9:20), and closing with no machine's date (``_MACHINE_END``)."""
    # The length first, then the time span's own signs (a time's colon, 时 or 点) before its search:
    # a page's paragraphs are long, and most of its rows hold no time (each search tries every position).
    return len(text) <= ROW_MAX and bool((_WORDS_DATE.match(text) or _time_span(text)) and not _MACHINE_END.search(text))


def _time_span(text: str) -> bool:
    """``_TIME_SPAN`` found in ``text``; a line holding none of its signs is not searched."""
    return (":" in text or "时" in text or "点" in text) and bool(_TIME_SPAN.search(text))


def heads_schedule(under: Sequence[str]) -> bool:
    """Do the lines ``under`` a short line (the next few) hold two rows or more opening with the
    article's dates or times (``article_dated``)? A byline's name stands over one date line."""
    return sum(map(article_dated, under)) >= 2


def _numbered(text: str) -> bool:
    """The row opens with an ordinal (1. 一、 (1) 第一步), not a time of day (``counted_rows.ordinal``)."""
    mark = ordinal(text)
    return mark is not None and mark[0] != "time"


# A clause inside a row (folded: the comma is ASCII; not a number's 5,123): a statement's, not a title's.
_CLAUSE = re.compile(r",(?!\d)|;")


def _contents_row(text: str) -> bool:
    """A numbered row (``_numbered``) with no clause in it: a table of contents' title (1. 起步,
    一、总则), not a point the article states (1. 全市地区生产总值5123.6亿元,比上年增长5.4%)."""
    return _numbered(text) and not _CLAUSE.search(text)


def machine_row(text: str) -> bool:
    """A row dated or counted as a site's list dates its titles: a machine's date opening it or a
    machine's date or a count closing it."""
    return bool(_MACHINE_END.search(text) or _MACHINE_START.match(text))


def dated_runs(texts: Sequence[str], fits: Callable[[int], bool], lo: int, hi: int) -> list[tuple[int, int]]:
    """(first, last) of the runs of at least ``MIN_ROWS`` rows among positions ``lo`` to ``hi - 1``
    each ``article_dated`` (one fitting line between two rows: a subheading, 4月18日下午)."""
    out: list[tuple[int, int]] = []
    rows = [pos for pos in range(lo, hi) if fits(pos) and article_dated(texts[pos])]
    start = 0
    for k in range(1, len(rows) + 1):
        if k == len(rows) or rows[k] - rows[k - 1] > 2 or not fits(rows[k] - 1):
            if k - start >= MIN_ROWS:
                out.append((rows[start], rows[k - 1]))
            start = k
    return out


def schedule_rows(texts: Sequence[str], framed: Callable[[int], bool] | None = None) -> set[int]:
    """Positions of the runs of at least ``MIN_ROWS`` lines one under another, each
    ``article_dated`` and none a ``machine_row``: a schedule's rows (a clinic's holiday hours, a
    fixture list). A byline is one such line; a thread's stamps have its posts between them. With
    ``framed``, only the runs with a line it holds right above and right below (the article's
    paragraphs on both sides)."""
    out: set[int] = set()
    run: list[int] = []
    for pos, text in enumerate([*texts, ""]):
        if text and article_dated(text) and not machine_row(text):
            run.append(pos)
            continue
        if len(run) >= MIN_ROWS and (framed is None or _framed(run[0], pos, len(texts), framed)):
            out.update(run)
        run = []
    return out


FRAME_GAP = 1  # lines between a schedule and the paragraph framing it (its introduction, a subheading)


def _framed(first: int, after: int, count: int, framed: Callable[[int], bool]) -> bool:
    """A ``framed`` line within ``FRAME_GAP`` lines above ``first`` and below ``after - 1``."""
    return any(0 <= p and framed(p) for p in range(first - 1, first - 2 - FRAME_GAP, -1)) and \
        any(p < count and framed(p) for p in range(after, after + 1 + FRAME_GAP))


def head_items(texts: Sequence[str], headline: int, first: int, blocks: Sequence[tuple[int, int, bool]],
               fits: Callable[[int], bool], stop: Callable[[int], bool],
               sentence: Callable[[int], bool] = lambda pos: False) -> set[int]:
    """Positions of the article's items between the headline (``headline``: the position of the
    line the page's title names; -1: none) and the body's first line (``first``): the lines of
    each list block (``blocks``: ``lists.list_blocks``) or run of ``dated_runs`` lying wholly
    between them, at most ``APART`` lines above the body (an advertisement's slot, a video card
    between), every line of it one the caller ``fits`` (no furniture sign of its own, no
    barrier), no box's "more" link under it (``kept_blocks.more_link``: a teaser box's
    ``更多精彩图片>>`` under its titles), fewer than half its rows a
    ``machine_row``, and no ``stop`` (a furniture heading, an end marker) between the headline and
    it.

    A list block may hold an odd line between its rows (``lists.MAX_GAP``: an advertisement's
    label, a picture's slot in a programme): a line of the block that does not fit, no ``stop``
    and no neighbour of another such line, is left to the model while the rows that fit (at least
    ``MIN_ROWS``, two thirds of the block) are the article's. Numbered titles with no clause are a
    table of contents only while the article has not begun above them: under a ``sentence`` of
    the article (a line of prose between the headline and the rows) they are its items (报名流程
    under the event's introduction), a table of contents stands before the text it lists."""
    if headline < 0 or first - headline <= MIN_ROWS:
        return set()
    runs = [(start, end, False) for start, end, _ in blocks if headline < start and end < first]
    runs += [(start, end, False) for start, end in dated_runs(texts, fits, headline + 1, first)]
    # Rows dated in figures in the order things happen (programme_dates.py): a list runs newest first.
    runs += [(start, end, True) for start, end in programme_runs(texts, fits, headline + 1, first)]
    out: set[int] = set()
    top = first - 1 if first - 1 > headline and _subheading(texts[first - 1]) and fits(first - 1) else first
    for start, end, programme in runs:
        span = range(start, end + 1)
        if top - end - 1 > APART or not _rows_fit(span, fits, stop) or any(stop(p) for p in range(headline + 1, start)) \
                or any(more_link(texts[p]) for p in range(end + 1, first)):
            continue
        if not programme and 2 * sum(machine_row(texts[p]) for p in span) >= len(span):
            continue
        if 2 * sum(_contents_row(texts[p]) for p in span) >= len(span) and not any(map(sentence, range(headline + 1, start))):
            continue  # numbered titles right under the headline are a table of contents (counted_rows.py)
        out.update(p for p in span if fits(p))
    return out


SUBHEADING_MAX = 12  # characters of a section's heading (活动须知, 二、报名方式)


def _subheading(text: str) -> bool:
    """A short line ending no sentence nor clause: the heading of the body's first section, the
    body's own line, not a slot between a run and the body (``head_items``' gap)."""
    return 0 < len(text) <= SUBHEADING_MAX and not _SENTENCE_END.search(text)


_SENTENCE_END = re.compile(r"[.!?;,。！？；，、]\s*$")


def _rows_fit(span: range, fits: Callable[[int], bool], stop: Callable[[int], bool]) -> bool:
    """Every line of ``span`` fits, or all but odd lines between its rows: none a ``stop``, no two
    together, the fitting lines at least ``MIN_ROWS`` and two thirds of the span, the first and
    last lines fitting (the rows frame the odd lines)."""
    odd = [p for p in span if not fits(p)]
    if not odd:
        return True
    return not any(stop(p) for p in odd) and all(b - a > 1 for a, b in zip(odd, odd[1:])) \
        and odd[0] != span[0] and odd[-1] != span[-1] and 3 * (len(span) - len(odd)) >= 2 * len(span) \
        and len(span) - len(odd) >= MIN_ROWS


def tail_items(texts: Sequence[str], last: int, fits: Callable[[int], bool], blocks: Sequence[tuple[int, int, bool]] = (),
               inner: Callable[[int], bool] = lambda pos: False, posted: Callable[[int], bool] = lambda pos: False) -> set[int]:
    """Positions of the article's items right under the body (``last``: its last line): a run of
    ``dated_runs``, or a list block (``blocks``: ``lists.list_blocks``) every line of which
    ``fits`` and none of which is ``posted`` (a post's stamp or a line of a comment thread: a
    thread's ``# re: 标题 2004-12-27 12:55 用户`` rows are a list block too) but as the
    article writes its dates (``article_dated``), with fewer than half its rows a
    ``machine_row``, starting at most ``REACH`` lines under it, each line between ``inner`` (a
    picture's caption: furniture that stands between an article's parts, not after them) or
    fitting: a dated run's heading (停电安排), a list's introduction, which ends with a colon
    (本次义诊项目：; a list under a short heading of its own is a site's as often, 选集 over a
    programme's episodes). The fitting lines between are kept with the run."""
    lo = last + 1
    runs = sorted([*((start, end, False) for start, end in dated_runs(texts, fits, lo, min(len(texts), lo + REACH + 40))),
                   *((start, end, True) for start, end, _ in blocks if start >= lo)])
    out: set[int] = set()
    for start, end, block in runs:
        if start < lo:
            continue  # overlaps a run taken
        if start - lo > REACH or not all(inner(p) or fits(p) and (not block or _INTRO.search(texts[p])) for p in range(lo, start)):
            break
        span = range(start, end + 1)
        if block and (not all(fits(p) and (not posted(p) or article_dated(texts[p])) for p in span)
                      or 2 * sum(machine_row(texts[p]) for p in span) >= len(span)):
            continue  # a dated run over the same rows may still be the article's
        out.update(p for p in range(lo, start) if fits(p))  # its heading or introduction (停电安排, 本次义诊项目：)
        out.update(span)
        lo = end + 1
    return out
