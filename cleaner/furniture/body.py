"""Where the article body stands on a page: the densest run of long punctuated lines.

Each live line earns a gain: a prose line (``features.is_prose``) its length (capped), any other
line a fixed penalty. The body is the run with the largest total (Kadane's maximum subarray), so a
short subheading or a caption between paragraphs stays inside it, while a menu, a byline block or a
comment thread (short lines between short posts) ends it. An article broken in two by a picture
block or an advert is two runs: a run beside the body worth at least ``ratio`` of it joins the body
(with what lies between). Head and tail zones are what lies before and after the body: position is
measured from the body, not from the page ends, so a long footer cannot push a disclaimer out of
"the bottom".

The work is native (``native/src/furniture_body.rs``, one call a page); these are its Python faces.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner._native import (FURNITURE_THREAD_GAP, furniture_article_end, furniture_best_run, furniture_find_body,
                             furniture_thread_start)

THREAD_GAP = FURNITURE_THREAD_GAP  # lines: the most between two stamps of a thread, and between the body and the thread


def best_run(gains: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """(total, first, last) of the maximum-sum run of ``gains[lo:hi]``; total 0 and last < first if none."""
    return furniture_best_run(list(gains), lo, hi)


def thread_start(stamps: Sequence[bool], min_stamps: int, gap: int = THREAD_GAP) -> int:
    """Where a comment thread begins: the first post stamp of the first row of at least
    ``min_stamps`` stamps, each within ``gap`` lines of the last; ``len(stamps)`` when there is none.

    ``stamps``: lines holding a time without ending a sentence (``# re: 标题 2004-12-27 12:46 用户``).
    One stamp is often the article's own byline or a "related" item; a close row of them is the
    posts of a thread (or a dated list), whose text reads as prose but is not the article.
    """
    return furniture_thread_start(list(stamps), min_stamps, gap)


def article_end(ends: Sequence[bool], lengths: Sequence[int], prose: Sequence[bool], min_prose: int) -> int:
    """The first end marker (``features.end_marker``) with at least ``min_prose`` characters of prose
    above it: where the article ends; ``len(lengths)`` when there is none. A marker above that
    much prose is a byline or a heading of the page top, not the article's end."""
    return furniture_article_end(list(ends), list(lengths), list(prose), min_prose)


def find_body(lengths: Sequence[int], prose: Sequence[bool], penalty: float, cap: int, ratio: float = 1.0,
              barriers: Sequence[bool] = (), spread: float = float("inf"), stamps: Sequence[bool] = (),
              min_stamps: int = 3, min_prose: int = 0, ends: Sequence[bool] = ()) -> tuple[int, int]:
    """(first, last) positions of the body among the given lines; (0, -1) when there is none.

    ``cap`` bounds the gain of one line, so one huge paragraph (a pasted comment, a footer blob)
    does not outweigh a body of many ordinary paragraphs. ``ratio``: how much of the best run's
    worth a neighbouring run needs to join the body (1.0: never). ``barriers``: lines no run
    crosses (a post's timestamp line, a "相关新闻" or "网友评论" heading): the posts of a comment
    thread are runs of their own, too small to be the body or to join it. ``spread``: when the
    prose outside the body outweighs the prose inside it this many times, all prose is body.
    ``stamps`` (post stamps, see ``thread_start``): when a comment thread begins below at least
    ``min_prose`` characters of prose, the body is looked for above the thread only: a short
    article under a long thread of longer posts stays the article. (With less prose above it, the
    "thread" may be the article between its byline stamp and a dated list; and when the body so
    found ends far above the thread, the stamped entries may be the articles of a blog or a list
    page: in both cases the whole page counts.) ``ends``: end markers (责任编辑, 网友评论, (完)):
    the first one below ``min_prose`` characters of prose is treated like a thread's start, so a
    short article under a long comment thread without timestamps stays the article.
    ``barriers``, ``stamps`` and ``ends`` are empty or hold one flag a line.
    """
    return furniture_find_body(list(lengths), list(prose), penalty, cap, ratio, list(barriers), spread, list(stamps),
                               min_stamps, min_prose, list(ends))
