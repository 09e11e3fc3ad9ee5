"""Which post stamps and comment headers show a comment thread's shape.

A thread is found by a close row of post stamps (a date and a time on a line that ends no
sentence) and comment headers (网友 张三 回复, 顶(12) 踩(3): ``features.comment_header``); from its
first member on, the page is the thread's (``body.thread_start``). A site renders every post of
a thread from one template, so the stamps and headers of its posts repeat one form: ``网友 小李
2024-03-05 10:21`` / ``网友 老王 2024-03-05 11:02``. One line of its own form is no post: an
article's subheading holding a header word (``举报人“寻而不得”``, 举报 being a report button's
word), a comments heading (``网友评论``) or the article's byline stamp. Read as the thread's first
member, such a line twelve lines above three comments made the article's last seven paragraphs
"comments" (session 23: a page lost 43 % of its article once three comments stood under it).

The form is the line's skeleton (``lists.skeleton``: runs of letters or Han characters ``a``, of
digits ``0``), or one of its edges that holds structure (``lists.row_forms``: ``0:0`` for a
stamp ending in a time, whatever the name and words before it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from cleaner.furniture.body import THREAD_GAP
from cleaner.furniture.lists import row_forms, skeleton


def shaped(stamps: Sequence[bool], texts: Sequence[str], timed: Sequence[bool], gap: int = THREAD_GAP) -> list[bool]:
    """``stamps`` (one flag a line: a post stamp or a comment header) without the lines that lead a
    row of them (each within ``gap`` lines of the last, as ``body.thread_start`` reads a row) before
    its first line of a form another flagged line of the page shares: a thread starts at a post,
    not at one line of its own form above the posts. A row none of whose lines shares a form is
    left as it is (its stamps may be a dated list's, of one form each)."""
    at = [pos for pos, s in enumerate(stamps) if s]
    if len(at) < 2:
        return list(stamps)
    forms = []
    for pos, (head, tail, _) in zip(at, row_forms([texts[pos] for pos in at])):
        forms.append({("skeleton", skeleton(texts[pos])), ("head", head), ("tail", tail)} - {("head", None), ("tail", None)})
    counts = Counter(form for line in forms for form in line)
    shares = [timed[pos] or any(counts[form] >= 2 for form in line) for pos, line in zip(at, forms)]
    out = list(stamps)
    start = 0
    for k in range(1, len(at) + 1):
        if k == len(at) or at[k] - at[k - 1] > gap:
            lead = next((j for j in range(start, k) if shares[j]), start)
            for j in range(start, lead):
                out[at[j]] = False
            start = k
    return out
